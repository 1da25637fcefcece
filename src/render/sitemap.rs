//! `sitemap.xml`, `news-sitemap.xml` and `robots.txt`.
//!
//! Input: the site and the list of pages. Output: the documents' bytes. The XML goes through the
//! feeds' `XmlWriter`, so URLs and titles are escaped the same way everywhere. The sitemap
//! protocol allows 50,000 URLs and 50 MB per file: a larger site gets `sitemap.xml` as a sitemap
//! index of `sitemap-1.xml`, `sitemap-2.xml`, … ([`chunks`] decides where they split).

use std::ops::Range;

use crate::date::Date;
use crate::render::xml::XmlWriter;
use crate::site::Site;

/// Google News only reads articles published in the last two days.
const NEWS_WINDOW_SECONDS: i64 = 2 * 24 * 60 * 60;

/// Google News reads at most this many URLs per news sitemap.
const NEWS_LIMIT: usize = 1000;

/// How much one sitemap file may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SitemapLimits {
    /// URLs per file.
    pub urls: usize,
    /// Bytes per file (uncompressed).
    pub bytes: usize,
}

/// What the sitemap protocol allows: 50,000 URLs and 50 MB (52,428,800 bytes) per file.
pub const PROTOCOL_LIMITS: SitemapLimits = SitemapLimits {
    urls: 50_000,
    bytes: 50 * 1024 * 1024,
};

/// More than a sitemap's XML declaration, `<urlset>` and `</urlset>` take.
const DOCUMENT_BYTES: usize = 256;
/// The bytes of a `<url>` entry besides its escaped `<loc>`: the tags and indentation (33) and a
/// `<lastmod>` line (49 with a 25-character date), rounded up.
const ENTRY_BYTES: usize = 100;

/// At most how many bytes the entry of `url` takes in a sitemap.
fn entry_bytes(url: &SitemapUrl) -> usize {
    let escaped: usize = url
        .loc
        .bytes()
        .map(|byte| match byte {
            b'&' => 5,
            b'<' | b'>' => 4,
            b'"' | b'\'' => 6,
            _ => 1,
        })
        .sum();
    let alternates: usize = url
        .alternates
        .iter()
        .map(|a| ALTERNATE_BYTES + a.lang.len() + 5 * a.url.len())
        .sum();
    ENTRY_BYTES + escaped + alternates
}

/// The bytes of an `<xhtml:link>` line besides its language and escaped URL, rounded up.
const ALTERNATE_BYTES: usize = 64;

/// Where `urls` split into sitemap files of at most `limits` each, in order; one range when a
/// single `sitemap.xml` holds them all.
pub fn chunks(urls: &[SitemapUrl], limits: SitemapLimits) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut bytes = DOCUMENT_BYTES;
    for (index, url) in urls.iter().enumerate() {
        let entry = entry_bytes(url);
        let full = index - start >= limits.urls || bytes + entry > limits.bytes;
        // A chunk holds at least one URL, however long.
        if full && index > start {
            chunks.push(start..index);
            start = index;
            bytes = DOCUMENT_BYTES;
        }
        bytes += entry;
    }
    chunks.push(start..urls.len());
    chunks
}

/// Where `paths.len()` URLs split into sitemap files when only the count limit can split them:
/// `None` unless every run of `limits.urls` of them surely fits `limits.bytes`, judged from the
/// paths' lengths. Then it is what [`chunks`] gives for the URLs, without making them: at
/// 100,000 articles, making them took ~45 ms of every `watch` update that planned anew.
pub fn chunks_by_count(
    base_url_len: usize,
    paths: &[&str],
    limits: SitemapLimits,
) -> Option<Vec<Range<usize>>> {
    // A byte of the URL is at most percent-encoded (3 bytes, none escaped) or escaped (at
    // most 6, `&quot;`), and `<loc>` lists the page's folder, shorter than its path.
    let most = |path: &&str| ENTRY_BYTES + 6 * (base_url_len + path.len());
    let per_file = limits.urls.max(1);
    let mut chunks = Vec::new();
    for start in (0..paths.len()).step_by(per_file) {
        let end = (start + per_file).min(paths.len());
        if DOCUMENT_BYTES + paths[start..end].iter().map(most).sum::<usize>() > limits.bytes {
            return None;
        }
        chunks.push(start..end);
    }
    if chunks.is_empty() {
        chunks.push(0..0);
    }
    Some(chunks)
}

/// The file name of sitemap number `number` (1-based) behind a sitemap index.
pub fn part_name(number: usize) -> String {
    format!("sitemap-{number}.xml")
}

/// `sitemap.xml` as a sitemap index: one `<sitemap>` per part, with the absolute URL of
/// `sitemap-N.xml` and `newest[N - 1]`, the newest change among its URLs ([`newest`]).
pub fn sitemap_index(base_url: &crate::url::BaseUrl, newest: &[Option<&Date>]) -> Vec<u8> {
    let mut xml = XmlWriter::new();
    xml.start(
        "sitemapindex",
        &[("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")],
    );
    for (index, lastmod) in newest.iter().enumerate() {
        xml.start("sitemap", &[]);
        xml.element("loc", &[], &base_url.join(&part_name(index + 1)));
        if let Some(lastmod) = lastmod {
            xml.element("lastmod", &[], &lastmod.rfc3339());
        }
        xml.end("sitemap");
    }
    xml.end("sitemapindex");
    xml.finish().into_bytes()
}

/// The newest of `dates`; of equal instants, the last.
pub fn newest<'d>(dates: impl IntoIterator<Item = &'d Date>) -> Option<&'d Date> {
    dates.into_iter().max_by_key(|date| date.unix_seconds())
}

/// One URL in the sitemap.
#[derive(Debug)]
pub struct SitemapUrl {
    /// Absolute URL.
    pub loc: String,
    /// Last modification, when known.
    pub lastmod: Option<Date>,
    /// The page in every language, for `<xhtml:link rel="alternate" hreflang>` (empty when
    /// the page has no translation).
    pub alternates: Vec<crate::render::languages::Alternate>,
}

/// `sitemap.xml` listing `urls`.
pub fn sitemap(urls: &[SitemapUrl]) -> Vec<u8> {
    let mut xml = XmlWriter::new();
    let sitemaps = ("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
    // The XHTML namespace only when a page has translations: a single-language sitemap
    // keeps its bytes.
    if urls.iter().any(|url| !url.alternates.is_empty()) {
        xml.start(
            "urlset",
            &[sitemaps, ("xmlns:xhtml", "http://www.w3.org/1999/xhtml")],
        );
    } else {
        xml.start("urlset", &[sitemaps]);
    }
    for url in urls {
        xml.start("url", &[]);
        xml.element("loc", &[], &url.loc);
        if let Some(lastmod) = &url.lastmod {
            xml.element("lastmod", &[], &lastmod.rfc3339());
        }
        for alternate in &url.alternates {
            xml.empty(
                "xhtml:link",
                &[
                    ("rel", "alternate"),
                    ("hreflang", &alternate.lang),
                    ("href", &alternate.url),
                ],
            );
        }
        xml.end("url");
    }
    xml.end("urlset");
    xml.finish().into_bytes()
}

/// `news-sitemap.xml`: articles of the two days before `now`, at most 1,000.
pub fn news_sitemap(site: &Site, now: &Date) -> Vec<u8> {
    let config = &site.config;
    let newest = now.unix_seconds();
    // Each article under its language's name and code (one of each on most sites).
    let publications: Vec<(String, String)> = (0..=config.languages.len())
        .map(|index| {
            let seen = config.for_language(index);
            (seen.title, news_language(&seen.language))
        })
        .collect();
    let mut xml = XmlWriter::new();
    xml.start(
        "urlset",
        &[
            ("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"),
            (
                "xmlns:news",
                "http://www.google.com/schemas/sitemap-news/0.9",
            ),
        ],
    );
    // Entries are sorted newest first, so the window is one run and the cap keeps the newest.
    let recent = site.entries.iter().filter(|entry| {
        let published = entry.article.date.unix_seconds();
        // Scheduled (future) articles are not news yet.
        published <= newest && newest - published <= NEWS_WINDOW_SECONDS
    });
    for entry in recent.take(NEWS_LIMIT) {
        let article = &entry.article;
        let (name, language) = &publications[config.language_index(&article.lang).unwrap_or(0)];
        xml.start("url", &[]);
        xml.element("loc", &[], &config.base_url.join(&article.url_path));
        xml.start("news:news", &[]);
        xml.start("news:publication", &[]);
        xml.element("news:name", &[], name);
        xml.element("news:language", &[], language);
        xml.end("news:publication");
        xml.element("news:publication_date", &[], &article.date.rfc3339());
        xml.element("news:title", &[], &article.title);
        xml.end("news:news");
        xml.end("url");
    }
    xml.end("urlset");
    xml.finish().into_bytes()
}

/// The language as Google News wants it: an ISO 639 code (`en` for `en-GB`), except `zh-cn`
/// and `zh-tw`, which tell Simplified from Traditional Chinese.
fn news_language(language: &str) -> String {
    let language = language.trim().to_ascii_lowercase().replace('_', "-");
    let mut subtags = language.split('-');
    let primary = subtags.next().unwrap_or_default().to_string();
    if primary != "zh" {
        return primary;
    }
    let traditional = subtags.any(|subtag| matches!(subtag, "hant" | "tw" | "hk" | "mo"));
    if traditional {
        "zh-tw".into()
    } else {
        "zh-cn".into()
    }
}

/// `robots.txt` pointing at the sitemap.
pub fn robots(site: &Site) -> Vec<u8> {
    let base_url = &site.config.base_url;
    let mut text = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        base_url.join("sitemap.xml")
    );
    if site.config.news_sitemap {
        // Crawlers find the news sitemap here too, without a Search Console submission.
        text.push_str(&format!("Sitemap: {}\n", base_url.join("news-sitemap.xml")));
    }
    text.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::sync::Arc;

    use crate::config::{Config, Overrides};
    use crate::content::parse_article;
    use crate::markdown::Rendered;
    use crate::render::feeds::tests::xml_texts as texts_of;
    use crate::site::Entry;

    fn config(news: bool) -> Arc<Config> {
        let text = format!(
            "title: Digest & <Co>\nbase_url: https://user.github.io/digest/\nlanguage: en-GB\nnews_sitemap: {news}\n"
        );
        Arc::new(Config::parse(Path::new("config.yaml"), &text, &Overrides::default()).unwrap())
    }

    fn entry(config: &Config, name: &str, date: &str, title: &str) -> Arc<Entry> {
        let text = format!("---\ntitle: x\ndate: {date}\n---\nBody\n");
        let path = format!("content/{name}.md");
        let mut article =
            parse_article(Path::new(&path), Path::new(&path), text, 0, config).unwrap();
        article.title = title.to_string();
        Arc::new(Entry::new(article, Rendered::default()))
    }

    #[test]
    fn sitemap_escapes_and_keeps_absolute_locs() {
        let now = Date::from_unix(1_742_000_000).unwrap();
        let urls = [
            SitemapUrl {
                loc: "https://user.github.io/digest/".into(),
                lastmod: Some(now),
                alternates: Vec::new(),
            },
            SitemapUrl {
                loc: "https://user.github.io/digest/a&b/".into(),
                lastmod: None,
                alternates: Vec::new(),
            },
        ];
        let xml = sitemap(&urls);
        let text = String::from_utf8(xml.clone()).unwrap();
        assert!(
            text.contains("<loc>https://user.github.io/digest/a&amp;b/</loc>"),
            "{text}"
        );
        assert!(
            text.contains("<lastmod>2025-03-15T00:53:20+00:00</lastmod>"),
            "{text}"
        );
        assert_eq!(text.matches("<lastmod>").count(), 1);
        let locs = texts_of(&xml, "loc");
        assert_eq!(
            locs,
            [
                "https://user.github.io/digest/",
                "https://user.github.io/digest/a&b/"
            ]
        );
        assert!(
            locs.iter()
                .all(|loc| loc.starts_with("https://user.github.io/digest/"))
        );
    }

    fn urls(count: usize, path: &str) -> Vec<SitemapUrl> {
        (0..count)
            .map(|i| SitemapUrl {
                loc: format!("https://e.org/d/{path}{i}/"),
                lastmod: Date::from_unix(1_742_000_000 + i as i64),
                alternates: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn chunks_by_count_are_chunks_of_the_urls_when_the_lengths_allow() {
        let base = crate::url::BaseUrl::parse("https://user.github.io/digest/").unwrap();
        // Folders that percent-encoding or escaping makes longer, and plain ones.
        let names = [
            "a",
            "it's-\"quoted\"",
            "q&a<b>",
            "київ".repeat(20).leak(),
            "x".repeat(300).leak(),
        ];
        let paths: Vec<String> = (0..40)
            .map(|i| format!("2025/{}-{i}/index.html", names[i % names.len()]))
            .collect();
        let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
        let urls: Vec<SitemapUrl> = paths
            .iter()
            .map(|path| SitemapUrl {
                loc: base.join(path.strip_suffix("index.html").unwrap()),
                lastmod: Date::from_unix(1_742_000_000),
                alternates: Vec::new(),
            })
            .collect();
        let mut taken = 0;
        for per_file in [1, 3, 7, 40, 100] {
            let sweep = (500..30_000).step_by(250);
            for bytes in sweep.chain([PROTOCOL_LIMITS.bytes]) {
                let limits = SitemapLimits {
                    urls: per_file,
                    bytes,
                };
                for count in [0, 1, 9, 40] {
                    let by_count = chunks_by_count(base.as_str().len(), &paths[..count], limits);
                    if let Some(by_count) = by_count {
                        assert_eq!(by_count, chunks(&urls[..count], limits), "{limits:?}");
                        taken += 1;
                    }
                }
            }
        }
        assert!(taken > 40, "{taken}");
        // Past the byte limit's reach it declines, and chunks() decides.
        let tight = SitemapLimits {
            urls: 40,
            bytes: 2_000,
        };
        assert_eq!(chunks_by_count(30, &paths, tight), None);
    }

    #[test]
    fn chunks_split_at_the_url_limit() {
        let limits = SitemapLimits {
            urls: 3,
            bytes: PROTOCOL_LIMITS.bytes,
        };
        assert_eq!(
            chunks(&urls(3, "a"), limits),
            vec![Range { start: 0, end: 3 }]
        );
        assert_eq!(chunks(&urls(7, "a"), limits), [0..3, 3..6, 6..7]);
        assert_eq!(chunks(&[], limits), vec![Range { start: 0, end: 0 }]);
        assert_eq!(
            chunks_by_count(16, &["a"; 3], limits),
            Some(vec![Range { start: 0, end: 3 }])
        );
        assert_eq!(
            chunks_by_count(16, &["a"; 4], limits),
            Some(vec![0..3, 3..4])
        );
    }

    #[test]
    fn chunks_split_before_the_byte_limit() {
        let urls = urls(10, &"x".repeat(1000));
        // Each entry is ~1,120 bytes: three fit in 4,000 with the document's own bytes.
        let limits = SitemapLimits {
            urls: 100,
            bytes: 4000,
        };
        let parts = chunks(&urls, limits);
        assert_eq!(parts, [0..3, 3..6, 6..9, 9..10]);
        for part in parts {
            let xml = sitemap(&urls[part]);
            assert!(xml.len() <= limits.bytes, "{}", xml.len());
        }
        // One URL longer than the limit still gets a file of its own.
        let tiny = SitemapLimits {
            urls: 100,
            bytes: 10,
        };
        assert_eq!(chunks(&urls[..2], tiny), [0..1, 1..2]);
        assert_eq!(chunks_by_count(16, &["a"], tiny), None);
    }

    #[test]
    fn entry_bytes_are_an_upper_bound() {
        let urls = vec![SitemapUrl {
            loc: "https://e.org/a&b<c>'d\"e/".into(),
            lastmod: Date::from_unix(1_742_000_000),
            alternates: Vec::new(),
        }];
        let empty = sitemap(&[]).len();
        let one = sitemap(&urls).len();
        assert!(empty <= DOCUMENT_BYTES);
        assert!(one - empty <= entry_bytes(&urls[0]), "{}", one - empty);
    }

    #[test]
    fn sitemap_index_lists_absolute_parts_with_their_newest_change() {
        let base = crate::url::BaseUrl::parse("https://user.github.io/digest/").unwrap();
        let urls = urls(5, "a");
        fn part_newest(part: &[SitemapUrl]) -> Option<&Date> {
            newest(part.iter().filter_map(|u| u.lastmod.as_ref()))
        }
        let xml = sitemap_index(&base, &[part_newest(&urls[..3]), part_newest(&urls[3..])]);
        let text = String::from_utf8(xml.clone()).unwrap();
        assert!(
            text.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
        );
        assert_eq!(
            texts_of(&xml, "loc"),
            [
                "https://user.github.io/digest/sitemap-1.xml",
                "https://user.github.io/digest/sitemap-2.xml"
            ]
        );
        assert_eq!(
            texts_of(&xml, "lastmod"),
            [
                urls[2].lastmod.as_ref().unwrap().rfc3339(),
                urls[4].lastmod.as_ref().unwrap().rfc3339()
            ]
        );
        // A part whose pages show no date gets no `<lastmod>`.
        let undated = sitemap_index(&base, &[None, part_newest(&urls)]);
        assert_eq!(texts_of(&undated, "loc").len(), 2);
        assert_eq!(texts_of(&undated, "lastmod").len(), 1);
    }

    #[test]
    fn the_newest_of_equal_instants_is_the_last() {
        let parse = |text| Date::parse(text, &jiff::tz::TimeZone::UTC).unwrap();
        let (utc, kyiv) = (
            parse("2025-03-01T12:00:00Z"),
            parse("2025-03-01T14:00:00+02:00"),
        );
        let older = parse("2025-02-28T12:00:00Z");
        assert_eq!(
            newest([&utc, &older, &kyiv]).unwrap().rfc3339(),
            kyiv.rfc3339()
        );
        assert_eq!(newest([&kyiv, &utc]).unwrap().rfc3339(), utc.rfc3339());
        assert!(newest([]).is_none());
    }

    #[test]
    fn news_sitemap_names_each_article_in_its_language() {
        let text = "title: Digest\nbase_url: https://e.org/\nnews_sitemap: true\nlanguages:\n  uk: {title: Дайджест}\n  ru: {}\n";
        let config =
            Arc::new(Config::parse(Path::new("config.yaml"), text, &Overrides::default()).unwrap());
        let entries = vec![
            entry(&config, "truce", "2025-03-16T11:00:00Z", "Truce"),
            entry(&config, "truce.uk", "2025-03-16T10:00:00Z", "Перемир'я"),
            entry(&config, "truce.ru", "2025-03-16T09:00:00Z", "Перемирие"),
        ];
        let site = Site::new(config, entries).unwrap();
        let now = Date::parse("2025-03-16T12:00:00Z", &jiff::tz::TimeZone::UTC).unwrap();
        let xml = news_sitemap(&site, &now);
        assert_eq!(texts_of(&xml, "news:language"), ["en", "uk", "ru"]);
        assert_eq!(
            texts_of(&xml, "news:name"),
            ["Digest", "Дайджест", "Digest"]
        );
        assert_eq!(texts_of(&xml, "loc")[1], "https://e.org/uk/2025/03/truce/");
    }

    #[test]
    fn news_sitemap_keeps_two_days_newest_first() {
        let config = config(true);
        let entries = vec![
            entry(&config, "future", "2025-03-16T13:00:00Z", "Future"),
            entry(&config, "new", "2025-03-16T11:00:00Z", "New <b>&</b>"),
            entry(&config, "edge", "2025-03-14T12:00:00Z", "Edge"),
            entry(&config, "old", "2025-03-14T11:59:59Z", "Old"),
        ];
        let site = Site::new(config, entries).unwrap();
        let now = Date::parse("2025-03-16T12:00:00Z", &jiff::tz::TimeZone::UTC).unwrap();
        let xml = news_sitemap(&site, &now);
        assert_eq!(texts_of(&xml, "news:title"), ["New <b>&</b>", "Edge"]);
        assert_eq!(
            texts_of(&xml, "loc"),
            [
                "https://user.github.io/digest/2025/03/new/",
                "https://user.github.io/digest/2025/03/edge/"
            ]
        );
        assert_eq!(
            texts_of(&xml, "news:name"),
            ["Digest & <Co>", "Digest & <Co>"]
        );
        assert_eq!(texts_of(&xml, "news:language"), ["en", "en"]);
        assert_eq!(
            texts_of(&xml, "news:publication_date")[0],
            "2025-03-16T11:00:00+00:00"
        );
    }

    #[test]
    fn news_sitemap_caps_at_one_thousand() {
        let config = config(true);
        let entries = (0..1005)
            .map(|i| {
                entry(
                    &config,
                    &format!("a{i:04}"),
                    &format!("2025-03-16T10:{:02}:{:02}Z", i / 60, i % 60),
                    "A",
                )
            })
            .collect();
        let site = Site::new(config, entries).unwrap();
        let now = Date::parse("2025-03-16T12:00:00Z", &jiff::tz::TimeZone::UTC).unwrap();
        let locs = texts_of(&news_sitemap(&site, &now), "loc");
        assert_eq!(locs.len(), NEWS_LIMIT);
        // The newest (10:16:44, a1004) is first; the five oldest are the ones left out.
        assert_eq!(locs[0], "https://user.github.io/digest/2025/03/a1004/");
        assert_eq!(locs[999], "https://user.github.io/digest/2025/03/a0005/");
    }

    #[test]
    fn empty_news_sitemap_is_well_formed() {
        let site = Site::new(config(true), Vec::new()).unwrap();
        let now = Date::from_unix(0).unwrap();
        assert!(texts_of(&news_sitemap(&site, &now), "loc").is_empty());
    }

    #[test]
    fn news_language_codes() {
        assert_eq!(news_language("en-GB"), "en");
        assert_eq!(news_language("de"), "de");
        assert_eq!(news_language("zh-Hant-TW"), "zh-tw");
        assert_eq!(news_language("zh_CN"), "zh-cn");
        assert_eq!(news_language("zh"), "zh-cn");
    }

    #[test]
    fn robots_points_at_absolute_sitemaps() {
        let site = Site::new(config(false), Vec::new()).unwrap();
        let text = String::from_utf8(robots(&site)).unwrap();
        assert_eq!(
            text,
            "User-agent: *\nAllow: /\n\nSitemap: https://user.github.io/digest/sitemap.xml\n"
        );
        let site = Site::new(config(true), Vec::new()).unwrap();
        let text = String::from_utf8(robots(&site)).unwrap();
        assert!(
            text.ends_with("Sitemap: https://user.github.io/digest/news-sitemap.xml\n"),
            "{text}"
        );
    }
}
