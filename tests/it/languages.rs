//! Issue #19, one digest in English, Ukrainian and Russian: runs the real `newsprint` on the
//! `languages` fixture (English by default, `uk` and `ru` under `/uk/` and `/ru/`; one story
//! in all three, one linked by `translation_key:`, a Ukrainian-only and a Russian-only story
//! with Cyrillic file names; a theme override that prints `article.date.month`).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use crate::support::{Site, stderr, tree};

const BASE: &str = "https://example.org/digest/";
/// The base URL's path: pages link into the site root-relative (#20).
const PATH: &str = "/digest/";

/// Builds the site, failing the test if the build fails, and returns the output tree.
fn build(site: &Site) -> BTreeMap<String, String> {
    site.built(&[]);
    tree(&site.public())
        .into_iter()
        .map(|(path, bytes)| (path, String::from_utf8_lossy(&bytes).into_owned()))
        .collect()
}

fn built() -> BTreeMap<String, String> {
    build(&Site::fixture("languages"))
}

/// The values of `attribute` on every tag that opens with `start` (`<link rel="alternate"`).
fn attributes<'a>(html: &'a str, start: &str, attribute: &str) -> Vec<&'a str> {
    html.match_indices(start)
        .filter_map(|(at, _)| {
            let tag = &html[at..at + html[at..].find('>')?];
            let key = format!(" {attribute}=\"");
            let from = tag.find(&key)? + key.len();
            Some(&tag[from..from + tag[from..].find('"')?])
        })
        .collect()
}

/// A page's hreflang alternates: (language, URL).
fn hreflang(html: &str) -> BTreeSet<(String, String)> {
    let tags = "<link rel=\"alternate\" hreflang=";
    let langs = attributes(html, tags, "hreflang");
    let urls = attributes(html, tags, "href");
    langs
        .into_iter()
        .zip(urls)
        .map(|(lang, url)| (lang.to_string(), url.to_string()))
        .collect()
}

/// The output file a URL of the site stands for.
fn file_of(url: &str) -> String {
    let path = url.strip_prefix(BASE).expect("a URL of the site");
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

fn page_language(path: &str) -> &'static str {
    if path.starts_with("uk/") {
        "uk"
    } else if path.starts_with("ru/") {
        "ru"
    } else {
        "en"
    }
}

#[test]
fn every_page_declares_its_language() {
    let site = built();
    let pages: Vec<(&String, &String)> =
        site.iter().filter(|(p, _)| p.ends_with(".html")).collect();
    assert!(pages.len() > 30, "{}", pages.len());
    for (path, html) in pages {
        let lang = page_language(path);
        assert!(
            html.contains(&format!("<html lang=\"{lang}\">")),
            "{path} should be lang={lang}"
        );
        if path != "404.html" {
            let locale = format!("<meta property=\"og:locale\" content=\"{lang}_");
            assert!(html.contains(&locale), "{path}: og:locale");
        }
    }
    let uk = &site["uk/2025/03/truce/index.html"];
    assert!(uk.contains("<meta property=\"og:locale\" content=\"uk_UA\">"));
    for other in ["en_US", "ru_RU"] {
        let alternate = format!("<meta property=\"og:locale:alternate\" content=\"{other}\">");
        assert!(uk.contains(&alternate), "{other}");
    }
    assert!(uk.contains("<html lang=\"uk\">"));
    assert!(
        uk.contains("\"publisher\":{\"@type\":\"Organization\",\"name\":\"Дайджест перемир'я\"}")
    );
    let ru = &site["ru/2025/03/truce/index.html"];
    assert!(ru.contains("<html lang=\"ru\">"));
    assert!(site["2025/03/truce/index.html"].contains("<html lang=\"en\">"));
}

#[test]
fn hreflang_is_reciprocal_with_x_default_and_every_target_exists() {
    let site = built();
    let mut linked = 0;
    for (path, html) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        let alternates = hreflang(html);
        if alternates.is_empty() {
            continue;
        }
        linked += 1;
        let own = format!("{BASE}{}", path.strip_suffix("index.html").unwrap_or(path));
        let own_lang = page_language(path).to_string();
        assert!(
            alternates.contains(&(own_lang, own.clone())),
            "{path} links itself"
        );
        assert!(
            alternates.iter().any(|(lang, _)| lang == "x-default"),
            "{path} has x-default"
        );
        for (_, url) in &alternates {
            let target = file_of(url);
            let other = site
                .get(&target)
                .unwrap_or_else(|| panic!("{path}: hreflang to missing {target}"));
            assert_eq!(hreflang(other), alternates, "{path} and {target} agree");
        }
    }
    // Three translated stories' pages, three homes, three tag indexes, three edition
    // indexes, the editions of 16 March (en, uk, ru) and 17 March (en, uk), and in each
    // language the author index, Desk's page, the archive index, 2025, March and search.
    assert_eq!(linked, 3 + 2 + 3 + 3 + 3 + 5 + 3 * 6, "pages with hreflang");
    let truce = hreflang(&site["uk/2025/03/truce/index.html"]);
    let expected: BTreeSet<(String, String)> = [
        ("en", "2025/03/truce/"),
        ("uk", "uk/2025/03/truce/"),
        ("ru", "ru/2025/03/truce/"),
        ("x-default", "2025/03/truce/"),
    ]
    .into_iter()
    .map(|(lang, path)| (lang.to_string(), format!("{BASE}{path}")))
    .collect();
    assert_eq!(truce, expected);
    // Linked by `translation_key:`, across file names.
    let riyadh = hreflang(&site["uk/2025/03/riyadh-talks/index.html"]);
    assert!(riyadh.contains(&("en".into(), format!("{BASE}2025/03/talks/"))));
    // A story in one language only has none.
    assert!(hreflang(&site["uk/2025/03/zaporizhzhia/index.html"]).is_empty());
}

#[test]
fn sitemap_lists_every_translation_with_xhtml_links() {
    let site = built();
    let sitemap = &site["sitemap.xml"];
    assert!(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    for path in ["uk/2025/03/truce/", "ru/tags/sanktsii/", "uk/", "ru/tags/"] {
        assert!(
            sitemap.contains(&format!("<loc>{BASE}{path}</loc>")),
            "{path}"
        );
    }
    let entry_start = sitemap
        .find(&format!("<loc>{BASE}uk/2025/03/truce/</loc>"))
        .unwrap();
    let entry = &sitemap[entry_start..entry_start + sitemap[entry_start..].find("</url>").unwrap()];
    let links = attributes(entry, "<xhtml:link", "hreflang");
    assert_eq!(links, ["en", "uk", "ru", "x-default"]);
    for href in attributes(entry, "<xhtml:link", "href") {
        assert!(site.contains_key(&file_of(href)), "{href}");
    }
}

#[test]
fn feeds_hold_only_their_language() {
    let site = built();
    let links = |feed: &str| -> Vec<String> {
        // The entries' links, not the feed's own link to its home page.
        attributes(&site[feed], "<link rel=\"alternate\"", "href")
            .into_iter()
            .filter(|url| url.contains("/2025/"))
            .map(str::to_string)
            .collect()
    };
    let uk = links("uk/atom.xml");
    assert_eq!(uk.len(), 3, "{uk:?}");
    assert!(
        uk.iter().all(|url| url.starts_with(&format!("{BASE}uk/"))),
        "{uk:?}"
    );
    assert!(site["uk/atom.xml"].contains("xml:lang=\"uk\""));
    let ru = links("ru/atom.xml");
    assert_eq!(ru.len(), 2, "{ru:?}");
    assert!(
        ru.iter().all(|url| url.starts_with(&format!("{BASE}ru/"))),
        "{ru:?}"
    );
    let en = links("atom.xml");
    assert_eq!(en.len(), 2, "{en:?}");
    for url in &en {
        assert!(!url.contains("/uk/") && !url.contains("/ru/"), "{url}");
    }
    assert!(site["uk/rss.xml"].contains("<language>uk</language>"));
    assert!(
        site["ru/feed.json"].contains("\"language\":\"ru\"")
            || site["ru/feed.json"].contains("\"language\":\"ru\"")
    );
    // A tag's feed in a language holds that language's articles.
    let tag = links("uk/tags/peremyria/atom.xml");
    assert_eq!(tag, [format!("{BASE}uk/2025/03/truce/")]);
    // The home and tag pages list only their language.
    assert!(!site["index.html"].contains("Україна погодилася"));
    assert!(site["uk/index.html"].contains("Україна погодилася"));
    assert!(!site["uk/index.html"].contains("Ukraine accepts"));
}

#[test]
fn dates_in_the_page_language_in_both_cases() {
    let site = built();
    let uk = &site["uk/2025/03/truce/index.html"];
    assert!(
        uk.contains(">16 березня 2025, 18:00 EET</time>"),
        "genitive"
    );
    assert!(
        uk.contains("<p class=\"month\">березень 2025</p>"),
        "nominative"
    );
    let ru = &site["ru/2025/03/truce/index.html"];
    assert!(ru.contains(">16 марта 2025, 18:00 EET</time>"));
    assert!(ru.contains("<p class=\"month\">март 2025</p>"));
    let en = &site["2025/03/truce/index.html"];
    assert!(en.contains(">16 March 2025, 18:00 EET</time>"));
    assert!(en.contains("<p class=\"month\">March 2025</p>"));
    // Day headings on list pages, with the weekday.
    assert!(site["uk/index.html"].contains(">неділя, 16 березня 2025</time>"));
    assert!(site["ru/index.html"].contains(">воскресенье, 16 марта 2025</time>"));
    assert!(site["index.html"].contains(">Sunday 16 March 2025</time>"));
}

#[test]
fn slugs_follow_kmu_2010_and_icao_9303() {
    let site = built();
    for slug in [
        "ukraina",
        "peremyria",
        "kyiv",
        "zaporizhzhia",
        "kharkiv",
        "shchastia",
        "yizhakevych",
        "yenakiieve",
        "yosypivka",
        "yurii",
        "yahotyn",
        "zghurivka",
        "dyplomatiia",
    ] {
        let page = format!("uk/tags/{slug}/index.html");
        assert!(site.contains_key(&page), "{page}");
    }
    for slug in [
        "ukraina",
        "peremirie",
        "rossiia",
        "sanktsii",
        "shchelkovo",
        "khabarovsk",
    ] {
        let page = format!("ru/tags/{slug}/index.html");
        assert!(site.contains_key(&page), "{page}");
    }
    // Articles named in Cyrillic.
    assert!(site.contains_key("uk/2025/03/zaporizhzhia/index.html"));
    assert!(site.contains_key("ru/2025/03/khabarovsk/index.html"));
    // English URLs are as they were.
    for page in [
        "2025/03/truce/index.html",
        "tags/ukraine/index.html",
        "tags/ceasefire/index.html",
    ] {
        assert!(site.contains_key(page), "{page}");
    }
    // Tag links on an article stay in its language.
    let uk = &site["uk/2025/03/truce/index.html"];
    assert!(uk.contains(&format!("href=\"{PATH}uk/tags/kyiv/\"")));
}

#[test]
fn default_language_slugs_keep_the_legacy_scheme_unless_told() {
    let site = Site::fixture("languages");
    site.write(
        "content/2025/03/київ.md",
        "---\ntitle: Kyiv\ndate: 2025-03-18\ntags: [Україна]\n---\nText.\n",
    );
    let legacy = build(&site);
    assert!(legacy.contains_key("2025/03/kiyiv/index.html"));
    assert!(legacy.contains_key("tags/ukrayina/index.html"));
    let config = fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write(
        "config.yaml",
        format!("{config}slugs:\n  transliteration: national\n"),
    );
    let national = build(&site);
    // `language: en` has no national scheme of its own: the default stays as it was.
    assert!(national.contains_key("2025/03/kiyiv/index.html"));
    site.write(
        "config.yaml",
        config.replace(
            "language: en\n",
            "language: en\nslugs: {transliteration: nationl}\n",
        ),
    );
    let output = site.newsprint(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("config.yaml"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn national_slugs_redirect_from_the_legacy_urls() {
    let config = "title: Дайджест\nbase_url: https://example.org/digest/\nlanguage: uk\n";
    let site = Site::with_config(config);
    site.write(
        "content/2025/03/київ.md",
        "---\ntitle: Київ\ndate: 2025-03-18\ntags: [Україна]\n---\nТекст.\n",
    );
    let legacy = build(&site);
    assert!(legacy.contains_key("2025/03/kiyiv/index.html"));
    assert!(legacy.contains_key("tags/ukrayina/index.html"));
    assert!(!legacy.contains_key("2025/03/kyiv/index.html"));
    site.write(
        "config.yaml",
        format!("{config}slugs: {{transliteration: national}}\n"),
    );
    let national = build(&site);
    let article = &national["2025/03/kyiv/index.html"];
    assert!(article.contains(&format!("href=\"{PATH}tags/ukraina/\"")));
    let moved = &national["2025/03/kiyiv/index.html"];
    let new_url = format!("{BASE}2025/03/kyiv/");
    assert!(moved.contains(&format!(
        "<meta http-equiv=\"refresh\" content=\"0; url={new_url}\">"
    )));
    assert!(moved.contains(&format!("<link rel=\"canonical\" href=\"{new_url}\">")));
    let tag = &national["tags/ukrayina/index.html"];
    assert!(tag.contains(&format!("content=\"0; url={BASE}tags/ukraina/\"")));
    assert!(national.contains_key("tags/ukraina/index.html"));
    assert!(
        !national["sitemap.xml"].contains("kiyiv"),
        "redirects stay out of the sitemap"
    );
    let check = site.newsprint(&["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn theme_strings_are_translated() {
    let site = built();
    let uk = &site["uk/2025/03/truce/index.html"];
    for text in [
        "хв читання",
        "<h2 class=\"label\">Теми</h2>",
        "Перейти до основного вмісту",
        ">Головна</a>",
        "Підписатися:",
        "<h2 class=\"footnotes-title\">Примітки</h2>",
        "aria-label=\"виконано\"",
        "aria-label=\"не виконано\"",
    ] {
        assert!(uk.contains(text), "uk: {text}");
    }
    let ru = &site["ru/2025/03/truce/index.html"];
    for text in [
        "мин чтения",
        "<h2 class=\"label\">Темы</h2>",
        ">Главная</a>",
    ] {
        assert!(ru.contains(text), "ru: {text}");
    }
    let en = &site["2025/03/truce/index.html"];
    for text in [
        "1 min read",
        "<h2 class=\"label\">Filed under</h2>",
        "<h2 class=\"footnotes-title\">Notes</h2>",
        "aria-label=\"done\"",
        ">By <a class=\"author\" href=\"/digest/authors/desk/\"",
    ] {
        assert!(en.contains(text), "en: {text}");
    }
    // Plural forms by the language's rule.
    assert!(site["uk/tags/ukraina/index.html"].contains("1 стаття"));
    assert!(site["uk/tags/zaporizhzhia/index.html"].contains("2 статті"));
    assert!(site["uk/tags/index.html"].contains("<h1 class=\"page-title\">Теги</h1>"));
}

#[test]
fn site_strings_override_the_theme_and_check_reports_missing_ones() {
    let site = Site::fixture("languages");
    site.write("i18n/uk.yaml", "by: \"Пише:\"\n");
    let config = fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write(
        "config.yaml",
        format!("{config}  de:\n    title: Waffenruhe\n"),
    );
    let output = build(&site);
    assert!(output["uk/2025/03/truce/index.html"].contains(">Пише: <a class=\"author\""));
    // No German strings: English shows, and `check` says so.
    assert!(output["de/index.html"].contains("<html lang=\"de\">"));
    assert!(output["de/index.html"].contains(">Home</a>"));
    let check = site.newsprint(&["check"]);
    let shown = stderr(&check) + &String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{shown}");
    assert!(shown.contains("no `de` text for"), "{shown}");
    assert!(shown.contains("`min_read`"), "{shown}");
    assert!(!shown.contains("no `uk` text"), "{shown}");
}

#[test]
fn values_put_in_theme_strings_are_escaped() {
    let site = Site::fixture("languages");
    site.write(
        "content/2025/03/oil.md",
        "---\ntitle: Oil\ndate: 2025-03-18\ntags: [\"Oil & <b>gas</b>\"]\n---\nText.\n",
    );
    let output = build(&site);
    let tag = output
        .iter()
        .find(|(path, _)| path.starts_with("tags/oil") && path.ends_with("index.html"))
        .map(|(_, html)| html)
        .expect("the tag page");
    assert!(
        tag.contains("Tag: Oil &amp; &lt;b&gt;gas&lt;/b&gt;</h1>"),
        "{tag}"
    );
    assert!(!tag.contains("<b>gas"));
}

#[test]
fn language_switcher_offers_the_translation_or_the_home() {
    let site = built();
    let switcher = |path: &str| -> Vec<String> {
        let html = &site[path];
        let start = html.find("<nav class=\"language-switcher\"").expect(path);
        let nav = &html[start..start + html[start..].find("</nav>").unwrap()];
        attributes(nav, "<a ", "href")
            .into_iter()
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        switcher("uk/2025/03/truce/index.html"),
        [
            format!("{PATH}2025/03/truce/"),
            format!("{PATH}uk/2025/03/truce/"),
            format!("{PATH}ru/2025/03/truce/")
        ]
    );
    assert_eq!(
        switcher("uk/2025/03/zaporizhzhia/index.html"),
        [
            PATH.to_string(),
            format!("{PATH}uk/2025/03/zaporizhzhia/"),
            format!("{PATH}ru/")
        ]
    );
    let html = &site["uk/2025/03/truce/index.html"];
    assert!(html.contains("hreflang=\"uk\" lang=\"uk\" aria-current=\"true\">Українська</a>"));
}

#[test]
fn unknown_languages_are_errors_listing_the_configured_ones() {
    let site = Site::fixture("languages");
    site.write(
        "content/2025/03/truce.de.md",
        "---\ntitle: Waffenruhe\ndate: 2025-03-16\n---\nText.\n",
    );
    site.write(
        "content/2025/03/other.md",
        "---\ntitle: Other\ndate: 2025-03-16\nlang: fr\n---\nText.\n",
    );
    let output = site.newsprint(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    let shown = stderr(&output);
    assert!(
        shown.contains(
            "unknown language `de` in the file name: the site's languages are en, uk, ru"
        ),
        "{shown}"
    );
    assert!(shown.contains("content/2025/03/truce.de.md"), "{shown}");
    assert!(shown.contains("unknown language `fr`"), "{shown}");
    assert!(shown.contains("content/2025/03/other.md:4:7"), "{shown}");
    assert!(!site.root().join("public/index.html").exists());
}

#[test]
fn each_language_has_its_own_editions() {
    let fixture = Site::fixture("languages");
    // A language's intro is named like its articles: `<edition id>.<code>.md`.
    fixture.write(
        "content/editions/2025-03-17.uk.md",
        "---\ntitle: Переговори в Ер-Ріяді\n---\nВступ.\n",
    );
    let site = build(&fixture);
    let intro = &site["uk/editions/2025-03-17/index.html"];
    assert!(
        intro.contains("<h1 class=\"page-title\">Переговори в Ер-Ріяді</h1>"),
        "{intro}"
    );
    assert!(!site["editions/2025-03-17/index.html"].contains("Переговори"));
    for lang in ["uk", "ru"] {
        for file in [
            "editions/index.html",
            "editions/atom.xml",
            "editions/rss.xml",
        ] {
            assert!(
                site.contains_key(&format!("{lang}/{file}")),
                "{lang}/{file}"
            );
        }
    }
    // Ukrainian editions: 16 and 17 March, each with the Ukrainian articles of its day only.
    let day = &site["uk/editions/2025-03-16/index.html"];
    assert!(day.contains("<html lang=\"uk\">"));
    assert!(
        day.contains("Дайджест перемир&#39;я — неділя, 16 березня 2025"),
        "{day}"
    );
    assert!(day.contains("Україна погодилася"));
    assert!(!day.contains("Ukraine accepts"));
    let index = &site["uk/editions/index.html"];
    assert!(
        index.contains("<h1 class=\"page-title\">Випуски</h1>"),
        "{index}"
    );
    assert!(site["ru/editions/2025-03-15/index.html"].contains("суббота, 15 марта 2025"));
    // Each language numbers its own editions from 1.
    assert!(site.contains_key("ru/editions/2025-03-15/index.html"));
    assert!(!site.contains_key("editions/2025-03-15/index.html"));
    // hreflang between the same edition in other languages, when it exists.
    let langs = |path: &str| -> Vec<String> {
        hreflang(&site[path])
            .into_iter()
            .map(|(lang, _)| lang)
            .collect()
    };
    assert_eq!(
        langs("uk/editions/2025-03-16/index.html"),
        ["en", "ru", "uk", "x-default"]
    );
    assert_eq!(
        langs("editions/2025-03-17/index.html"),
        ["en", "uk", "x-default"]
    );
    assert!(langs("ru/editions/2025-03-15/index.html").is_empty());
    // The edition feed holds that language's editions only, with its words.
    let feed = &site["uk/editions/atom.xml"];
    assert!(feed.contains("xml:lang=\"uk\""));
    assert!(
        feed.contains("<title type=\"text\">Дайджест перемир&apos;я — Випуски</title>"),
        "{feed}"
    );
    assert_eq!(feed.matches("<entry>").count(), 2, "{feed}");
    for url in attributes(feed, "<link rel=\"alternate\"", "href") {
        assert!(url.starts_with(&format!("{BASE}uk/")), "{url}");
    }
    // The navigation of a language's pages leads to its own editions.
    let editions_link = format!("href=\"{PATH}uk/editions/\"");
    assert!(site["uk/index.html"].contains(&editions_link));
    let sitemap = &site["sitemap.xml"];
    assert!(sitemap.contains(&format!("<loc>{BASE}uk/editions/2025-03-17/</loc>")));
}

#[test]
fn email_in_a_language() {
    let site = Site::fixture("languages");
    let out = site.root().join("mail");
    let out_arg = out.to_str().unwrap();
    let output = site.newsprint(&[
        "email",
        "--lang",
        "uk",
        "--edition",
        "2025-03-16",
        "--out",
        out_arg,
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let html = fs::read_to_string(out.join("2025-03-16.html")).unwrap();
    assert!(html.contains("<html lang=\"uk\">"), "{html}");
    assert!(html.contains("Переглянути онлайн"), "{html}");
    assert!(html.contains("неділя, 16 березня 2025"), "{html}");
    assert!(html.contains("Україна погодилася"));
    assert!(!html.contains("Ukraine accepts"));
    assert!(html.contains(&format!("{BASE}uk/editions/2025-03-16/")));
    let text = fs::read_to_string(out.join("2025-03-16.txt")).unwrap();
    assert!(text.contains("Переглянути онлайн:"), "{text}");
    assert!(!text.contains("View online"), "{text}");
    // Without --lang, the default language's edition.
    let output = site.newsprint(&["email", "--edition", "2025-03-16", "--out", out_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    let html = fs::read_to_string(out.join("2025-03-16.html")).unwrap();
    assert!(html.contains("<html lang=\"en\">") && html.contains("View online"));
    // An unknown code is a usage error naming the site's languages.
    let output = site.newsprint(&["email", "--lang", "de", "--out", out_arg]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--lang takes one of en, uk, ru"),
        "{}",
        stderr(&output)
    );
    // An edition that language does not have is named as missing in it.
    let output = site.newsprint(&[
        "email",
        "--lang",
        "ru",
        "--edition",
        "2025-03-17",
        "--out",
        out_arg,
    ]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn archive_authors_and_search_pages_speak_the_default_language() {
    let site = Site::fixture("languages");
    let config = fs::read_to_string(site.root().join("config.yaml")).unwrap();
    // A Ukrainian-first site: Ukrainian is the default, English a second language.
    let config = config
        .replace("language: en\n", "language: uk\n")
        .replace("  uk:\n    title: \"Дайджест перемир'я\"\n    description: Новини про перемир'я трьома мовами.\n", "  en:\n    title: Truce Digest\n");
    site.write("config.yaml", &config);
    for file in ["truce.md", "talks.md"] {
        let path = site.root().join("content/2025/03").join(file);
        let text = fs::read_to_string(&path).unwrap();
        fs::remove_file(&path).unwrap();
        let english = file.replace(".md", ".en.md");
        site.write(&format!("content/2025/03/{english}"), &text);
    }
    let built = build(&site);
    let archive = &built["archive/index.html"];
    assert!(
        archive.contains("<h1 class=\"page-title\">Архів</h1>"),
        "{archive}"
    );
    assert!(archive.contains(">березень 2025</a>"), "{archive}");
    assert!(archive.contains("<title>Архів"), "{archive}");
    let month = &built["2025/03/index.html"];
    assert!(
        month.contains("aria-label=\"Навігаційний ланцюжок\""),
        "{month}"
    );
    // Only the default language's three articles.
    assert!(month.contains("3 статті"), "{month}");
    let search = &built["search/index.html"];
    for text in [
        "<h1 class=\"page-title\">Пошук</h1>",
        "Шукати на цьому сайті через DuckDuckGo",
        ">усі теги</a>",
    ] {
        assert!(search.contains(text), "search: {text}");
    }
    let authors = &built["authors/index.html"];
    assert!(
        authors.contains("<h1 class=\"page-title\">Автори</h1>"),
        "{authors}"
    );
    // No English left on these pages but the site's own names.
    for (path, html) in [
        ("archive", archive),
        ("search", search),
        ("authors", authors),
    ] {
        for english in ["Archive<", "Search<", "Authors<", " articles", "Every "] {
            assert!(!html.contains(english), "{path}: {english}");
        }
    }
    // The theme ships every string in every language it has: `check` has nothing to report.
    let check = site.newsprint(&["check"]);
    let shown = stderr(&check) + &String::from_utf8_lossy(&check.stdout);
    assert!(!shown.contains("theme strings"), "{shown}");
}

#[test]
fn legacy_urls_and_aliases_are_one_kind_of_redirect() {
    let site = Site::empty();
    let config = "title: Дайджест\nbase_url: https://example.org/digest/\nlanguage: uk\nslugs: {transliteration: national}\n";
    site.write("config.yaml", config);
    site.write(
        "content/2025/03/київ.md",
        "---\ntitle: Київ\ndate: 2025-03-18\n---\nТекст.\n",
    );
    // An alias at the old URL of another article: the alias keeps it, no clash.
    site.write(
        "content/2025/03/other.md",
        "---\ntitle: Інше\ndate: 2025-03-17\naliases: [/2025/03/kiyiv/, /old/]\n---\nТекст.\n",
    );
    let built = build(&site);
    let taken = &built["2025/03/kiyiv/index.html"];
    assert!(
        taken.contains(&format!("content=\"0; url={BASE}2025/03/other/\"")),
        "{taken}"
    );
    // Both kinds are the same page, in the target's language and words.
    let alias = &built["old/index.html"];
    for page in [taken, alias] {
        assert!(page.contains("<html lang=\"uk\">"), "{page}");
        assert!(page.contains("Цю сторінку перенесено: <a href="), "{page}");
        assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
    }
    assert!(!built["sitemap.xml"].contains("/old/"));
}

/// The fixture with bylines: Olena writes in English and Ukrainian, Ivan in Ukrainian only.
fn with_bylines() -> Site {
    let site = Site::fixture("languages");
    for (file, authors) in [
        ("truce.md", "[Olena Marchenko]"),
        ("truce.uk.md", "[Olena Marchenko]"),
        ("Запоріжжя.uk.md", "[Olena Marchenko, Ivan Petrenko]"),
    ] {
        let path = format!("content/2025/03/{file}");
        let text = fs::read_to_string(site.root().join(&path)).unwrap();
        let text = text.replacen("---\n", &format!("---\nauthors: {authors}\n"), 1);
        site.write(&path, &text);
    }
    site
}

#[test]
fn each_language_has_its_own_archive_authors_and_search() {
    let built = build(&with_bylines());
    // The Ukrainian archive: under /uk/, in Ukrainian, the month in the nominative.
    let archive = &built["uk/archive/index.html"];
    assert!(archive.contains("<html lang=\"uk\">"));
    assert!(
        archive.contains("<h1 class=\"page-title\">Архів</h1>"),
        "{archive}"
    );
    assert!(archive.contains(&format!("href=\"{PATH}uk/2025/03/\">березень 2025</a>")));
    // Each month page lists only its language's articles; no card speaks another language.
    let uk_month = &built["uk/2025/03/index.html"];
    assert!(uk_month.contains(&format!("{PATH}uk/2025/03/truce/")));
    assert!(uk_month.contains(&format!("{PATH}uk/2025/03/zaporizhzhia/")));
    let en_month = &built["2025/03/index.html"];
    assert!(en_month.contains(&format!("{PATH}2025/03/truce/")));
    for (page, html) in [("uk", uk_month), ("en", en_month)] {
        assert!(!html.contains("<article class=\"card\" lang="), "{page}");
    }
    assert!(
        !en_month.contains(&format!("{PATH}uk/2025/03/truce/")),
        "{en_month}"
    );
    assert!(!uk_month.contains(&format!("{PATH}ru/2025/03/truce/")));
    assert!(!uk_month.contains(&format!("href=\"{PATH}2025/03/truce/\">")));
    assert!(built.contains_key("ru/2025/index.html") && built.contains_key("uk/2025/index.html"));
    // Authors per language, with that language's feeds.
    let olena = &built["uk/authors/olena-marchenko/index.html"];
    assert!(olena.contains("<html lang=\"uk\">"));
    assert!(olena.contains(&format!("{PATH}uk/2025/03/truce/")));
    assert!(!olena.contains(&format!("href=\"{PATH}2025/03/truce/\"")));
    let feed = &built["uk/authors/olena-marchenko/atom.xml"];
    assert_eq!(feed.matches("<entry>").count(), 2, "{feed}");
    assert!(!feed.contains(&format!("{BASE}2025/03/truce/")));
    let english = &built["authors/olena-marchenko/atom.xml"];
    assert_eq!(english.matches("<entry>").count(), 1, "{english}");
    assert!(built.contains_key("uk/authors/ivan-petrenko/index.html"));
    assert!(!built.contains_key("authors/ivan-petrenko/index.html"));
    assert!(!built.contains_key("ru/authors/olena-marchenko/index.html"));
    let index = &built["uk/authors/index.html"];
    assert!(index.contains("<h1 class=\"page-title\">Автори</h1>"));
    // Bylines of a Ukrainian article link the Ukrainian author page, JSON-LD too.
    let article = &built["uk/2025/03/truce/index.html"];
    let page = format!("{BASE}uk/authors/olena-marchenko/");
    assert!(
        article.contains(&format!("\"url\":\"{page}\"")),
        "{article}"
    );
    // The search page of a language searches that language (Pagefind keeps one index per
    // `<html lang>`), and its fallback form that language's folder.
    let search = &built["uk/search/index.html"];
    assert!(search.contains("<html lang=\"uk\">"));
    assert!(search.contains("<h1 class=\"page-title\">Пошук</h1>"));
    assert!(
        search.contains("value=\"example.org/digest/uk\""),
        "{search}"
    );
    // The navigation of a language's pages goes to its own archive, authors and search.
    for path in [
        "uk/index.html",
        "uk/2025/03/truce/index.html",
        "uk/archive/index.html",
    ] {
        let html = &built[path];
        for folder in ["authors", "archive", "search"] {
            let link = format!("href=\"{PATH}uk/{folder}/\"");
            assert!(html.contains(&link), "{path}: {link}");
        }
    }
}

#[test]
fn archive_and_author_pages_link_their_translations() {
    let built = build(&with_bylines());
    let olena = hreflang(&built["uk/authors/olena-marchenko/index.html"]);
    let expected: BTreeSet<(String, String)> = [
        ("en", "authors/olena-marchenko/"),
        ("uk", "uk/authors/olena-marchenko/"),
        ("x-default", "authors/olena-marchenko/"),
    ]
    .into_iter()
    .map(|(lang, path)| (lang.to_string(), format!("{BASE}{path}")))
    .collect();
    assert_eq!(olena, expected);
    // Ivan wrote in one language only: his page has no alternates.
    assert!(hreflang(&built["uk/authors/ivan-petrenko/index.html"]).is_empty());
    let month = hreflang(&built["ru/2025/03/index.html"]);
    assert_eq!(month.len(), 4, "{month:?}");
    assert!(month.contains(&("x-default".into(), format!("{BASE}2025/03/"))));
    for index in ["archive/", "authors/", "search/"] {
        let alternates = hreflang(&built[&format!("uk/{index}index.html")]);
        assert!(alternates.contains(&("ru".into(), format!("{BASE}ru/{index}"))));
    }
    // The sitemap lists the language's archive and author pages with the same links.
    let sitemap = &built["sitemap.xml"];
    for path in ["uk/archive/", "uk/2025/03/", "uk/authors/olena-marchenko/"] {
        assert!(
            sitemap.contains(&format!("<loc>{BASE}{path}</loc>")),
            "{path}"
        );
    }
    assert!(sitemap.contains(&format!(
        "<xhtml:link rel=\"alternate\" hreflang=\"uk\" href=\"{BASE}uk/authors/olena-marchenko/\"/>"
    )));
}

#[test]
fn an_article_shown_in_another_language_says_so() {
    let site = Site::fixture("languages");
    // A Ukrainian article with the English `ceasefire` tag: its related list offers the older
    // English story, which must be read with English pronunciation.
    site.write(
        "content/2025/03/later.uk.md",
        "---\ntitle: Пізніше\ndate: 2025-03-18T10:00:00+02:00\ntags: [ceasefire]\n---\nТекст.\n",
    );
    let built = build(&site);
    let later = &built["uk/2025/03/later/index.html"];
    let related = format!("<li lang=\"en\"><a href=\"{PATH}2025/03/truce/\">");
    assert!(later.contains(&related), "{later}");
    // Links in the page's own language carry no `lang`.
    let truce = &built["2025/03/truce/index.html"];
    assert!(!truce.contains("<li lang="), "{truce}");
    assert!(!built["index.html"].contains("<article class=\"card\" lang="));
}
