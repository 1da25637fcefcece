//! View models: what templates see, built once per article and shared by every page that shows it.
//!
//! Input: the [`Site`]. Output: Tera values for each article (`article.*` in templates), each tag
//! and the global `site`, following `docs/theme-context.md`. Tera values are reference-counted,
//! so an article's value is built once and costs a pointer copy on every list page and feed.

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;
use tera::Value;

use super::feeds::{FeedFormat, Prepared, feed_url};
use crate::config::Config;
use crate::date::Date;
use crate::i18n::dates;
use crate::site::{Entry, Site, Tag, tag_folder};

/// A date in every format a theme needs: `iso` keeps the writer's offset (for `datetime`
/// attributes and machines); everything a reader sees is in the site's `timezone`.
#[derive(Debug, Serialize)]
pub struct DateView {
    iso: String,
    date: String,
    human: String,
    time: String,
    zone: String,
    day_label: String,
    /// The month as a heading says it: `March 2025`, `березень 2025` (nominative).
    month: String,
    /// `2025`: for archive links and search filters.
    year: String,
}

impl DateView {
    /// `date` as readers of a site in `config.timezone` see it.
    pub fn new(date: &Date, config: &Config) -> DateView {
        DateView::new_in(date, config, &config.language)
    }

    /// `date` as readers of a site in `config.timezone` see it, in `language`.
    pub fn new_in(date: &Date, config: &Config, language: &str) -> DateView {
        let local = date.in_zone(&config.timezone);
        let zone = local.zone_label(&config.timezone_name);
        DateView {
            iso: date.rfc3339(),
            date: local.iso_date(),
            human: dates::human(&local, language, &zone),
            time: local.time(),
            zone,
            day_label: dates::day_label(&local, language),
            month: dates::month_label(&local, language),
            year: format!("{:04}", local.ymd().0),
        }
    }
}

/// A link to a tag.
#[derive(Debug, Serialize)]
pub struct TagLink {
    name: String,
    slug: String,
    url: String,
}

#[derive(Debug, Serialize)]
struct ArticleView<'a> {
    title: &'a str,
    url: String,
    slug: &'a str,
    /// The article's language code: a card of another language than its page's says so.
    lang: &'a str,
    date: DateView,
    updated: Option<DateView>,
    authors: &'a [String],
    /// Each author with their page's URL, for bylines that link.
    author_links: Vec<AuthorLink>,
    byline: String,
    tags: Vec<TagLink>,
    summary: &'a str,
    /// HTML newsprint made is marked safe, so it prints as it is: no `| safe`, whose filter
    /// copies the whole body again on every page. (Tera passes `Value` fields through.)
    summary_html: Value,
    dek: Option<&'a str>,
    content: Value,
    word_count: usize,
    reading_time: usize,
    source: Option<&'a str>,
    image: Option<&'a str>,
    /// The lead image with its size, variants, alt text, caption and credit.
    lead_image: Option<LeadImage<'a>>,
    /// What `og:image` shows: the lead image's 1200 px variant (or the image itself) unless it
    /// is SVG, else the site's `image`.
    social_image: Option<String>,
    /// The size of `social_image`, when newsprint measured it.
    social_image_width: Option<u32>,
    social_image_height: Option<u32>,
    extra: &'a serde_json::Value,
}

/// An image file at one size.
#[derive(Debug, Serialize)]
struct Sized {
    src: String,
    width: u32,
    height: u32,
}

/// The lead image as templates show it.
#[derive(Debug, Serialize)]
struct LeadImage<'a> {
    src: &'a str,
    /// `image_alt`, else empty: the headline beside the picture already says what it is about.
    alt: &'a str,
    caption: Option<&'a str>,
    credit: Option<&'a str>,
    width: Option<u32>,
    height: Option<u32>,
    /// Every variant and the original, for `srcset` (empty without variants).
    srcset: String,
    /// `sizes` for an image as wide as the article column.
    sizes: &'static str,
    /// The smallest variant at least 400 px wide (or the image), for list pages.
    thumbnail: Option<Sized>,
}

/// The lead image of `rendered`, with what front matter says about it.
fn lead_image<'a>(
    article: &'a crate::content::Article,
    rendered: &'a crate::markdown::Rendered,
) -> Option<LeadImage<'a>> {
    let src = rendered.image.as_deref()?;
    let info = rendered.image_info.as_ref();
    let text = &article.image_text;
    Some(LeadImage {
        src,
        alt: text.alt.as_deref().unwrap_or_default(),
        caption: text.caption.as_deref(),
        credit: text.credit.as_deref(),
        width: info.map(|i| i.width),
        height: info.map(|i| i.height),
        srcset: info
            .filter(|i| !i.variants.is_empty())
            .map(|i| i.srcset(src))
            .unwrap_or_default(),
        sizes: crate::markdown::BODY_SIZES,
        thumbnail: info.map(|i| {
            let (src, width, height) = i.at_least(src, THUMBNAIL_WIDTH);
            Sized { src, width, height }
        }),
    })
}

/// The width of list-page thumbnails' source.
const THUMBNAIL_WIDTH: u32 = 400;
/// The width of the `og:image` variant: what Facebook and X ask for.
const SOCIAL_WIDTH: u32 = 1200;

/// `og:image` and its size: the lead image's 1200 px variant (never SVG), else the site's image.
fn social_image(
    rendered: &crate::markdown::Rendered,
    config: &Config,
) -> (Option<String>, Option<(u32, u32)>) {
    match (rendered.image.as_deref(), &rendered.image_info) {
        (Some(image), Some(info)) if crate::config::is_raster_image(image) => {
            let (src, width, height) = info.at_least(image, SOCIAL_WIDTH);
            (Some(src), Some((width, height)))
        }
        (Some(image), None) if crate::config::is_raster_image(image) => {
            (Some(image.to_string()), None)
        }
        _ => (config.image.clone(), None),
    }
}

/// The template value of one article.
pub fn article_value(entry: &Entry, site: &Site) -> Value {
    let config = &site.config;
    let article = &entry.article;
    // Tag links stay in the article's language: `/uk/tags/…` for a Ukrainian article.
    let language = config.language_index(&article.lang).unwrap_or(0);
    let folder = config.language_folder(language);
    let rendered = &entry.rendered;
    let (social_image, social_size) = social_image(rendered, config);
    let view = ArticleView {
        title: &article.title,
        url: config.base_url.join(&article.url_path),
        slug: &article.slug,
        lang: &article.lang,
        date: DateView::new_in(&article.date, config, &article.lang),
        updated: article
            .updated
            .as_ref()
            .map(|date| DateView::new_in(date, config, &article.lang)),
        authors: &article.authors,
        author_links: article
            .authors
            .iter()
            .map(|name| AuthorLink::new(name, config, &folder))
            .collect(),
        byline: byline_in(&article.authors, &article.lang),
        tags: article
            .tags
            .iter()
            .zip(&article.tag_slugs)
            .map(|(name, slug)| {
                // Show the site's spelling of the tag, so one tag reads the same everywhere.
                let name = site
                    .tag_in(language, slug)
                    .map_or(name.as_str(), |tag| tag.name.as_str());
                tag_link(name, slug, config, &folder)
            })
            .collect(),
        summary: &rendered.summary_text,
        summary_html: rendered.summary_html.value().clone(),
        dek: article.summary.as_deref(),
        content: rendered.body().value().clone(),
        word_count: rendered.word_count,
        reading_time: rendered.reading_time,
        source: article.source.as_deref(),
        image: rendered.image.as_deref(),
        lead_image: lead_image(article, rendered),
        social_image,
        social_image_width: social_size.map(|(w, _)| w),
        social_image_height: social_size.map(|(_, h)| h),
        extra: &article.extra,
    };
    Value::from_serializable(&view)
}

/// A link to an author's page.
#[derive(Debug, Serialize)]
pub struct AuthorLink {
    name: String,
    slug: String,
    url: String,
}

impl AuthorLink {
    /// The link to the page of the author `name` in the language whose output folder is
    /// `folder` (`""` for the default, `uk/`).
    pub fn new(name: &str, config: &Config, folder: &str) -> AuthorLink {
        let slug = crate::site::authors::author_slug(name, &config.authors);
        AuthorLink {
            name: name.to_string(),
            url: config
                .base_url
                .join(&format!("{folder}{}", crate::site::author_folder(&slug))),
            slug,
        }
    }
}

/// The output folder of the language `code` (`uk/`), from any language's view of the config:
/// `""` for the default language.
fn folder_of(config: &Config, code: &str) -> String {
    config
        .languages
        .iter()
        .find(|l| l.code.eq_ignore_ascii_case(code))
        .map_or_else(String::new, |l| format!("{}/", l.code))
}

/// Kept by each article's source path, as bytes: hashing and comparing a `Path` walks its
/// components, which made the cache's lookups (thousands per list page) about a third of the
/// edition index's time in a `watch` update at 100,000 articles. Hashed with ahash, not the
/// standard SipHash, which was most of a lookup's time: the keys are the site's own paths, so
/// no one can pick them to collide.
type ByPath<V> = HashMap<OsString, V, ahash::RandomState>;

/// Article values kept between builds, so `watch` rebuilds only those of changed articles.
#[derive(Debug, Default)]
pub struct ViewCache {
    values: ByPath<(u64, Value)>,
    /// Each article's feed entry, by the entry's fingerprint: the site feed, the feeds of its
    /// tags and its authors all show it, so an edit would prepare it again in each update.
    feed_entries: ByPath<(u64, Arc<Prepared>)>,
    /// Each article's value on list pages, with its card, by a key of what it shows
    /// ([`Renderer::listed`](super::Renderer)): an edit would render every card again and
    /// copy every value its lists show (a month's archive at 100,000 articles lists ~4,000).
    listed: ByPath<(u64, Value)>,
    /// Each edition's entry in the edition feeds.
    pub(crate) edition_items: crate::render::feeds::editions::ItemCache,
}

/// An article's value, and whether it had to be built (so the cache should learn it).
#[derive(Debug, Clone)]
pub struct View {
    key: u64,
    /// The template value.
    pub value: Value,
    fresh: bool,
}

impl View {
    /// What the value shows, as [`Site::view_key`] says.
    pub fn key(&self) -> u64 {
        self.key
    }

    /// Whether the value was built rather than taken from the cache.
    pub fn is_fresh(&self) -> bool {
        self.fresh
    }
}

impl ViewCache {
    /// The value of entry `index`, from the cache when neither the article nor the site's
    /// spelling of its tags changed.
    pub fn view(&self, site: &Site, index: usize) -> View {
        let entry = &site.entries[index];
        let key = site.view_keys[index];
        match self.values.get(entry.article.path.as_os_str()) {
            Some((cached, value)) if *cached == key => View {
                key,
                value: value.clone(),
                fresh: false,
            },
            _ => View {
                key,
                value: article_value(entry, site),
                fresh: true,
            },
        }
    }

    /// Remembers values a render had to build.
    pub fn learn(&mut self, fresh: Vec<(PathBuf, View)>) {
        for (path, view) in fresh {
            self.values
                .insert(path.into_os_string(), (view.key, view.value));
        }
    }

    /// The feed entry of `entry` as the last build prepared it, if the entry did not change
    /// (the config, which the entry also depends on, is the same for the cache's life).
    pub fn feed_entry(&self, entry: &Entry) -> Option<Arc<Prepared>> {
        match self.feed_entries.get(entry.article.path.as_os_str()) {
            Some((key, prepared)) if *key == entry.fingerprint => Some(prepared.clone()),
            _ => None,
        }
    }

    /// Whether [`ViewCache::feed_entry`] would find `entry`'s feed entry.
    pub fn has_feed_entry(&self, entry: &Entry) -> bool {
        matches!(self.feed_entries.get(entry.article.path.as_os_str()), Some((key, _)) if *key == entry.fingerprint)
    }

    /// Remembers feed entries a render had to prepare, by the entry's fingerprint.
    pub fn learn_feed_entries(&mut self, fresh: Vec<(PathBuf, u64, Arc<Prepared>)>) {
        for (path, key, prepared) in fresh {
            self.feed_entries
                .insert(path.into_os_string(), (key, prepared));
        }
    }

    /// The list value of `entry` (with its card) as the last build made it, if it shows the
    /// same (`key`).
    pub fn listed(&self, entry: &Entry, key: u64) -> Option<Value> {
        match self.listed.get(entry.article.path.as_os_str()) {
            Some((known, value)) if *known == key => Some(value.clone()),
            _ => None,
        }
    }

    /// Remembers list values (and their cards) a render had to make.
    pub fn learn_listed(&mut self, fresh: Vec<(PathBuf, u64, Value)>) {
        for (path, key, value) in fresh {
            self.listed.insert(path.into_os_string(), (key, value));
        }
    }

    /// Forgets every card and edition feed entry: the theme changed, and they come from it.
    pub fn forget_theme(&mut self) {
        self.listed.clear();
        self.edition_items = Default::default();
    }

    /// Forgets articles that are no longer in `site`.
    pub fn retain(&mut self, site: &Site) {
        let most = self.values.len().max(self.feed_entries.len());
        if most.max(self.listed.len()) > site.entries.len() {
            let current: std::collections::HashSet<&OsStr> = site
                .entries
                .iter()
                .map(|e| e.article.path.as_os_str())
                .collect();
            self.values
                .retain(|path, _| current.contains(path.as_os_str()));
            self.feed_entries
                .retain(|path, _| current.contains(path.as_os_str()));
            self.listed
                .retain(|path, _| current.contains(path.as_os_str()));
        }
        self.edition_items.retain(site);
    }
}

/// "Ann", "Ann and Bo", "Ann, Bo and Cy".
pub fn byline(authors: &[String]) -> String {
    byline_in(authors, "en")
}

/// [`byline`] in `language`: "Ann і Bo" in Ukrainian, "Ann и Bo" in Russian.
pub fn byline_in(authors: &[String], language: &str) -> String {
    let and = crate::i18n::conjunction(language);
    match authors {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// A link to the tag page of `slug` in the language whose output folder is `folder`.
fn tag_link(name: &str, slug: &str, config: &Config, folder: &str) -> TagLink {
    TagLink {
        name: name.to_string(),
        slug: slug.to_string(),
        url: config
            .base_url
            .join(&format!("{folder}{}", tag_folder(slug))),
    }
}

/// A tag as the tag pages and the tag index show it.
#[derive(Debug, Serialize)]
pub struct TagView {
    name: String,
    slug: String,
    url: String,
    count: usize,
}

/// The template value of a tag, with the canonical spelling from the site.
pub fn tag_value(tag: &Tag, config: &Config) -> Value {
    tag_value_in(tag, config, "")
}

/// [`tag_value`] for the tag pages under `folder` (`uk/` for Ukrainian tags).
pub fn tag_value_in(tag: &Tag, config: &Config, folder: &str) -> Value {
    let link = tag_link(&tag.name, &tag.slug, config, folder);
    Value::from_serializable(&TagView {
        name: link.name,
        slug: link.slug,
        url: link.url,
        count: tag.entries.len(),
    })
}

/// The absolute URLs of a set of feeds.
#[derive(Debug, Serialize)]
pub struct FeedLinks {
    /// Atom 1.0.
    pub atom: String,
    /// RSS 2.0.
    pub rss: String,
    /// JSON Feed 1.1.
    pub json: String,
}

impl FeedLinks {
    /// The feeds in the output folder `folder` (`""` for the site, `tags/russia/` for a tag).
    pub fn new(config: &Config, folder: &str) -> FeedLinks {
        FeedLinks {
            atom: feed_url(config, folder, FeedFormat::Atom),
            rss: feed_url(config, folder, FeedFormat::Rss),
            json: feed_url(config, folder, FeedFormat::Json),
        }
    }
}

#[derive(Debug, Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: &'a str,
    base_path: &'a str,
    author: &'a str,
    image: Option<&'a str>,
    home_url: String,
    tags_url: String,
    /// None on the pages of a language other than the default that has no editions.
    editions_url: Option<String>,
    authors_url: String,
    archive_url: String,
    search_url: String,
    feeds: FeedLinks,
    generator: String,
    /// Only on a multilingual site, so a single-language site's value is as it was.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    languages: Option<super::languages::SiteLanguages>,
}

/// The global `site` value.
pub fn site_value(site: &Site) -> Value {
    site_value_in(site, 0)
}

/// The global `site` value as language `language` sees it: its title and description, its
/// home, tags and feeds under its folder (`uk/`).
pub fn site_value_in(site: &Site, language: usize) -> Value {
    let config = &site.config.for_language(language);
    let folder = site.config.language_folder(language);
    Value::from_serializable(&SiteView {
        title: &config.title,
        description: &config.description,
        language: &config.language,
        base_url: config.base_url.as_str(),
        base_path: config.base_url.path(),
        author: &config.author,
        image: config.image.as_deref(),
        home_url: config.base_url.join(&folder),
        tags_url: config.base_url.join(&format!("{folder}tags/")),
        editions_url: (language == 0 || !site.editions_in(language).is_empty()).then(|| {
            let editions = crate::site::editions::EDITIONS_FOLDER;
            config.base_url.join(&format!("{folder}{editions}"))
        }),
        authors_url: config
            .base_url
            .join(&format!("{folder}{}", crate::site::AUTHORS_FOLDER)),
        archive_url: config
            .base_url
            .join(&format!("{folder}{}", crate::site::archive::ARCHIVE_FOLDER)),
        search_url: config.base_url.join(&format!("{folder}search/")),
        feeds: FeedLinks::new(config, &folder),
        generator: format!("newsprint {}", env!("CARGO_PKG_VERSION")),
        languages: super::languages::SiteLanguages::new(&site.config, language),
    })
}

/// schema.org `NewsArticle` JSON-LD for an article page, safe to put inside `<script>`.
///
/// It says what the page's own tags do not: the kind of work, its authors as people with pages,
/// the publisher, the image variants, the source. The summary, tags and language are left to
/// `<meta name="description">`, `article:tag` and `<html lang>` (search engines read those),
/// `mainEntityOfPage` to `url` and the canonical link, and `dateModified` is there only when
/// the article was updated (else it is `datePublished`): each cost every page its bytes again.
///
/// Written straight into one string and escaped once: serializing with serde_json and then
/// escaping the JSON again for `<script>` costs twice as much. The tests keep that way as the
/// reference and check this one gives the same bytes.
pub fn json_ld(entry: &Entry, config: &Config) -> String {
    let article = &entry.article;
    let url = config.base_url.join(&article.url_path);
    let mut json = ScriptJson::new(512 + article.title.len() + entry.rendered.summary_text.len());
    json.out.push_str("<script type=\"application/ld+json\">");
    json.open('{');
    json.field("@context", "https://schema.org");
    json.field("@type", "NewsArticle");
    json.field("headline", &article.title);
    json.field("url", &url);
    json.field("datePublished", &article.date.rfc3339());
    if article.updated.is_some() {
        json.field("dateModified", &article.last_change().rfc3339());
    }
    json.key("author");
    json.open('[');
    for name in &article.authors {
        json.person(name, config);
    }
    json.close(']');
    json.key("publisher");
    json.named("Organization", &config.title);
    if let Some(image) = &entry.rendered.image {
        json.key("image");
        json.open('[');
        json.string(image);
        // The variants too, largest first: search engines pick the size they need.
        if let Some(info) = &entry.rendered.image_info {
            for &width in info.variants.iter().rev() {
                json.string(&crate::images::variant_name(image, width));
            }
        }
        json.close(']');
    }
    if let Some(source) = &article.source {
        json.field("isBasedOn", source);
    }
    json.close('}');
    json.out.push_str("</script>");
    json.out
}

/// Compact JSON as serde_json writes it, safe inside `<script>`: just enough of a writer for
/// [`json_ld`].
struct ScriptJson {
    out: String,
    /// Whether the next value follows another in its object or array.
    comma: bool,
}

impl ScriptJson {
    fn new(capacity: usize) -> ScriptJson {
        ScriptJson {
            out: String::with_capacity(capacity),
            comma: false,
        }
    }

    fn separate(&mut self) {
        if self.comma {
            self.out.push(',');
        }
    }

    /// Starts an object (`{`) or array (`[`).
    fn open(&mut self, bracket: char) {
        self.separate();
        self.out.push(bracket);
        self.comma = false;
    }

    /// Ends an object (`}`) or array (`]`).
    fn close(&mut self, bracket: char) {
        self.out.push(bracket);
        self.comma = true;
    }

    fn key(&mut self, key: &str) {
        self.string(key);
        self.out.push(':');
        self.comma = false;
    }

    fn string(&mut self, text: &str) {
        self.separate();
        push_script_json_string(&mut self.out, text);
        self.comma = true;
    }

    fn field(&mut self, key: &str, text: &str) {
        self.key(key);
        self.string(text);
    }

    /// A schema.org Person with their author page and, from `authors.yaml`, their profiles.
    fn person(&mut self, name: &str, config: &Config) {
        self.open('{');
        self.field("@type", "Person");
        self.field("name", name);
        let link = AuthorLink::new(name, config, &folder_of(config, &config.language));
        if !link.slug.is_empty() {
            self.field("url", &link.url);
        }
        let same_as = person_same_as(name, config);
        if !same_as.is_empty() {
            self.key("sameAs");
            self.open('[');
            for url in same_as {
                self.string(url);
            }
            self.close(']');
        }
        self.close('}');
    }

    /// A schema.org Person or Organization.
    fn named(&mut self, kind: &str, name: &str) {
        self.open('{');
        self.field("@type", kind);
        self.field("name", name);
        self.close('}');
    }
}

/// An author's profiles elsewhere for `sameAs`: their home page, then `same_as`.
fn person_same_as<'a>(name: &str, config: &'a Config) -> Vec<&'a str> {
    config.authors.get(name).map_or_else(Vec::new, |profile| {
        let home = profile.url.iter().map(String::as_str);
        home.chain(profile.same_as.iter().map(String::as_str))
            .collect()
    })
}

/// The bytes [`push_script_json_string`] may have to escape. Most bytes are none of them, and
/// looking each up here costs less than half of a `match` on every byte.
const MAY_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'&' as usize] = true;
    table[0xE2] = true;
    table
};

/// Appends `text` as a JSON string, escaped as serde_json escapes it (`"`, `\` and control
/// characters) and made safe inside `<script>`: `<`, `>`, `&`, U+2028 and U+2029 become `\u`
/// escapes, so no `</script>`, `<!--` or line separator can break out. The control characters
/// feeds drop are dropped here too, so a page's JSON-LD says what its HTML says.
fn push_script_json_string(out: &mut String, text: &str) {
    let text = &*super::xml::clean(text);
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = text.as_bytes();
    out.reserve(text.len() + 2);
    out.push('"');
    let mut control = *b"\\u0000";
    let mut plain_from = 0;
    let mut at = 0;
    // Bytes, not chars: U+2028 and U+2029 are the only characters encoded E2 80 A8 / E2 80 A9.
    while at < bytes.len() {
        if !MAY_ESCAPE[usize::from(bytes[at])] {
            at += 1;
            continue;
        }
        let (replacement, len) = match bytes[at] {
            b'"' => ("\\\"", 1),
            b'\\' => ("\\\\", 1),
            b'\n' => ("\\n", 1),
            b'\r' => ("\\r", 1),
            b'\t' => ("\\t", 1),
            0x08 => ("\\b", 1),
            0x0C => ("\\f", 1),
            byte @ 0x00..=0x1F => {
                control[4] = HEX[usize::from(byte >> 4)];
                control[5] = HEX[usize::from(byte & 0xF)];
                (std::str::from_utf8(&control).unwrap_or_default(), 1)
            }
            b'<' => ("\\u003c", 1),
            b'>' => ("\\u003e", 1),
            b'&' => ("\\u0026", 1),
            0xE2 if bytes[at + 1..].starts_with(&[0x80, 0xA8]) => ("\\u2028", 3),
            0xE2 if bytes[at + 1..].starts_with(&[0x80, 0xA9]) => ("\\u2029", 3),
            _ => {
                at += 1;
                continue;
            }
        };
        out.push_str(&text[plain_from..at]);
        out.push_str(replacement);
        at += len;
        plain_from = at;
    }
    out.push_str(&text[plain_from..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use proptest::prelude::*;

    use super::*;
    use crate::config::Overrides;
    use crate::content::parse_article;
    use crate::markdown::Rendered;

    // The serde implementation `json_ld` replaced, kept as the reference.

    #[derive(Serialize)]
    struct NewsArticle<'a> {
        #[serde(rename = "@context")]
        context: &'static str,
        #[serde(rename = "@type")]
        kind: &'static str,
        headline: &'a str,
        url: &'a str,
        #[serde(rename = "datePublished")]
        date_published: String,
        #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
        date_modified: Option<String>,
        author: Vec<Person<'a>>,
        publisher: Named<'a>,
        #[serde(skip_serializing_if = "Option::is_none")]
        image: Option<Vec<String>>,
        #[serde(rename = "isBasedOn", skip_serializing_if = "Option::is_none")]
        is_based_on: Option<&'a str>,
    }

    #[derive(Serialize)]
    struct Person<'a> {
        #[serde(rename = "@type")]
        kind: &'static str,
        name: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        url: Option<String>,
        #[serde(rename = "sameAs", skip_serializing_if = "Vec::is_empty")]
        same_as: Vec<&'a str>,
    }

    #[derive(Serialize)]
    struct Named<'a> {
        #[serde(rename = "@type")]
        kind: &'static str,
        name: &'a str,
    }

    fn reference_json_ld(entry: &Entry, config: &Config) -> String {
        let article = &entry.article;
        let url = config.base_url.join(&article.url_path);
        // Strings without the control characters feeds and pages drop.
        let clean = |text: &str| crate::render::xml::clean(text).into_owned();
        let title = clean(&article.title);
        let authors: Vec<String> = article.authors.iter().map(|a| clean(a)).collect();
        let site_title = clean(&config.title);
        let data = NewsArticle {
            context: "https://schema.org",
            kind: "NewsArticle",
            headline: &title,
            url: &url,
            date_published: article.date.rfc3339(),
            date_modified: article
                .updated
                .as_ref()
                .map(|_| article.last_change().rfc3339()),
            author: authors
                .iter()
                .map(|name| Person {
                    kind: "Person",
                    name,
                    url: Some(crate::site::authors::author_slug(name, &config.authors))
                        .filter(|slug| !slug.is_empty())
                        .map(|slug| {
                            let folder = folder_of(config, &config.language);
                            let path = crate::site::author_folder(&slug);
                            config.base_url.join(&format!("{folder}{path}"))
                        }),
                    same_as: person_same_as(name, config),
                })
                .collect(),
            publisher: Named {
                kind: "Organization",
                name: &site_title,
            },
            image: entry.rendered.image.as_deref().map(|image| {
                let variants = entry.rendered.image_info.iter().flat_map(|info| {
                    info.variants
                        .iter()
                        .rev()
                        .map(|&w| crate::images::variant_name(image, w))
                });
                std::iter::once(image.to_string()).chain(variants).collect()
            }),
            is_based_on: article.source.as_deref(),
        };
        let json = serde_json::to_string(&data).unwrap();
        format!(
            "<script type=\"application/ld+json\">{}</script>",
            escape_script_json(&json)
        )
    }

    /// Makes JSON safe inside `<script>`: no `</script>`, `<!--` or line separators can break out.
    fn escape_script_json(json: &str) -> String {
        let bytes = json.as_bytes();
        let mut out = String::with_capacity(json.len() + 16);
        let mut plain_from = 0;
        let mut at = 0;
        // Bytes, not chars: U+2028 and U+2029 are the only characters encoded E2 80 A8 / E2 80 A9.
        while at < bytes.len() {
            let (replacement, len) = match bytes[at] {
                b'<' => ("\\u003c", 1),
                b'>' => ("\\u003e", 1),
                b'&' => ("\\u0026", 1),
                0xE2 if bytes[at + 1..].starts_with(&[0x80, 0xA8]) => ("\\u2028", 3),
                0xE2 if bytes[at + 1..].starts_with(&[0x80, 0xA9]) => ("\\u2029", 3),
                _ => {
                    at += 1;
                    continue;
                }
            };
            out.push_str(&json[plain_from..at]);
            out.push_str(replacement);
            at += len;
            plain_from = at;
        }
        out.push_str(&json[plain_from..]);
        out
    }

    const HOSTILE: &str =
        "</script><!-- \"q\" \\ & <b> \u{2028}\u{2029} \u{1}\u{8}\u{c}\n\t\r\u{7f} é 😀";

    fn config() -> Arc<Config> {
        let text =
            "title: Digest & <Co>\nbase_url: https://user.github.io/digest/\nlanguage: en-GB\n";
        let mut config = Config::parse(Path::new("config.yaml"), text, &Overrides::default());
        let config = config.as_mut().unwrap();
        // One author with a profile, so `url` and `sameAs` are compared with the reference.
        let profiles = "Ann:\n  slug: ann-k\n  url: https://ann.example/?a=1&b=</script>\n  \
                        same_as: [https://x.example/ann]\n";
        config.authors =
            Arc::new(crate::config::authors::parse(Path::new("authors.yaml"), profiles).unwrap());
        Arc::new(config.clone())
    }

    fn entry(config: &Config, name: &str, front: &str, rendered: Rendered) -> Arc<Entry> {
        let path = format!("content/2025/03/{name}.md");
        let text = format!("---\ntitle: x\n{front}---\nBody\n");
        let mut article =
            parse_article(Path::new(&path), Path::new(&path), text, 0, config).unwrap();
        // Set after parsing, so the title is exactly this, YAML quoting aside.
        article.title = HOSTILE.to_string();
        Arc::new(Entry::new(article, rendered))
    }

    /// One article with everything, one with only a date, one with a tag and an author.
    fn entries(config: &Config) -> [Arc<Entry>; 3] {
        let full = Rendered {
            summary_text: format!("Talks resumed. {HOSTILE}"),
            image: Some("https://user.github.io/digest/2025/03/talks/lead.jpg".into()),
            image_info: Some(crate::images::ImageInfo {
                width: 1600,
                height: 900,
                kind: crate::images::Kind::Jpeg,
                variants: vec![400, 800, 1200],
            }),
            ..Rendered::default()
        };
        let full_front = "date: 2025-03-16T18:00:00+02:00\nupdated: 2025-03-17T09:30:00+02:00\n\
                          tags: [Sanctions, Black Sea, \"<Q&A>\"]\nauthors: [Ann, Bo, \"Cy \\\"Z\\\"\"]\n\
                          source: https://example.org/r?id=1&x=2\n";
        let other_front = "date: 2025-03-14\ntags: [black sea]\nauthors: [Ann]\n";
        [
            entry(config, "talks", full_front, full),
            entry(config, "quiet", "date: 2025-03-15\n", Rendered::default()),
            entry(config, "other", other_front, Rendered::default()),
        ]
    }

    #[test]
    fn json_ld_equals_the_serde_reference() {
        let config = config();
        let entries = entries(&config);
        let [full, quiet, _] = &entries;
        assert!(full.article.updated.is_some() && full.article.source.is_some());
        assert!(full.rendered.image.is_some());
        assert!(quiet.article.authors.is_empty() && quiet.article.tags.is_empty());
        for entry in &entries {
            assert_eq!(json_ld(entry, &config), reference_json_ld(entry, &config));
        }
    }

    /// Strings with every kind of character the escaping treats differently, and any other.
    fn tricky_text() -> impl Strategy<Value = String> {
        let special = "\"\\/<>&\n\r\t\u{0}\u{8}\u{b}\u{c}\u{1f} \u{7f}\u{80}é€\
                       \u{2000}\u{2027}\u{2028}\u{2029}\u{202a}😀\u{10ffff}";
        let special = proptest::sample::select(special.chars().collect::<Vec<_>>());
        let char = prop_oneof![3 => special, 1 => any::<char>()];
        proptest::collection::vec(char, 0..40).prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn json_strings_escape_as_serde_json_then_script_escaping(text in tricky_text()) {
            let mut got = String::new();
            push_script_json_string(&mut got, &text);
            let cleaned = crate::render::xml::clean(&text);
            let want = escape_script_json(&serde_json::to_string(&cleaned).unwrap());
            prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn bylines_read_naturally() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(byline(&names(&[])), "");
        assert_eq!(byline(&names(&["Ann"])), "Ann");
        assert_eq!(byline(&names(&["Ann", "Bo"])), "Ann and Bo");
        assert_eq!(byline(&names(&["Ann", "Bo", "Cy"])), "Ann, Bo and Cy");
        assert_eq!(byline_in(&names(&["Ann", "Bo"]), "uk"), "Ann і Bo");
        assert_eq!(
            byline_in(&names(&["Ann", "Bo", "Cy"]), "ru"),
            "Ann, Bo и Cy"
        );
    }

    #[test]
    fn script_json_cannot_break_out() {
        let mut escaped = String::new();
        push_script_json_string(&mut escaped, "</script><script>alert(1)</script>");
        assert!(!escaped.contains("</script>"));
        assert!(!escaped.contains('<'));
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "</script><script>alert(1)</script>");
    }

    proptest::proptest! {
        #[test]
        fn script_json_means_the_same_and_hides_what_could_break_out(
            text in "[a-z<>&\"/ \u{2027}-\u{202a}€é]{0,30}"
        ) {
            let mut escaped = String::new();
            push_script_json_string(&mut escaped, &text);
            let hidden = ['<', '>', '&', '\u{2028}', '\u{2029}'];
            proptest::prop_assert!(!escaped.contains(hidden), "{}", escaped);
            let back: String = serde_json::from_str(&escaped).unwrap();
            proptest::prop_assert_eq!(back, text);
        }
    }
}
