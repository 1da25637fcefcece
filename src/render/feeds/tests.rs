//! Tests of the feeds: each format is read back with `feed-rs`, XML is checked with `quick-xml`.

use std::path::Path;

use quick_xml::events::Event;

use super::*;
use crate::config::Overrides;
use crate::content::parse_article;
use crate::markdown::Rendered;
use crate::render::absolutize::absolutize;
use crate::render::xml::{escape_xml, is_xml_char};
use crate::url::BaseUrl;

const BASE: &str = "https://user.github.io/digest/";
const HOSTILE: &str = r#"<script>alert("x")</script> & "q" ]]>"#;
const TALKS_URL: &str = "https://user.github.io/digest/2025/03/talks/";
const QUIET_URL: &str = "https://user.github.io/digest/2025/03/quiet/";

fn config(extra: &str) -> Config {
    let text = format!("title: Digest\nbase_url: {BASE}\ndescription: Daily news\n{extra}");
    Config::parse(Path::new("config.yaml"), &text, &Overrides::default()).unwrap()
}

fn entry(config: &Config, path: &str, front: &str, title: &str, rendered: Rendered) -> Entry {
    let text = format!("---\ntitle: x\n{front}---\nBody\n");
    let mut article = parse_article(Path::new(path), Path::new(path), text, 0, config).unwrap();
    // Set after parsing, so the title is exactly what the test says, YAML quoting aside.
    article.title = title.to_string();
    Entry::new(article, rendered)
}

/// The newest article: hostile title, two authors and tags, an update, a source, a footnote,
/// relative and root-relative URLs and a `]]>` in its body.
fn talks(config: &Config) -> Entry {
    let html = concat!(
        "<p>Talks<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup> resumed ]]> today.</p>\n",
        "<p><img src=\"map.png\" alt=\"map\"> <a href='/about/'>about</a> <a href=\"../other/\">other</a> ",
        "<a href=\"https://user.github.io/digest/tags/sanctions/\">tag</a></p>\n",
        "<section class=\"footnotes\"><ol><li id=\"fn-1\"><p>Note <a href=\"#fnref-1\">↩</a></p></li></ol></section>\n",
    );
    let rendered = Rendered {
        html: html.into(),
        summary_html: "<p>Talks<sup><a href=\"#fn-1\">1</a></sup> resumed ]]> today.</p>\n".into(),
        summary_text: "Talks1 resumed ]]> today.".into(),
        image: Some(format!("{TALKS_URL}lead.jpg")),
        ..Rendered::default()
    };
    let front = "date: 2025-03-16T18:00:00+02:00\nupdated: 2025-03-17T09:30:00+02:00\n\
                 tags: [Sanctions, Black Sea]\nauthors: [Ann, Bo]\nsource: https://example.org/r?id=1&x=2\n";
    entry(config, "content/2025/03/talks.md", front, HOSTILE, rendered)
}

/// An older article: plain date, no author, tag, source or summary.
fn quiet(config: &Config) -> Entry {
    let rendered = Rendered {
        html: "<p>Nothing.</p>\n".into(),
        ..Rendered::default()
    };
    entry(
        config,
        "content/2025/03/quiet.md",
        "date: 2025-03-15\n",
        "Quiet day",
        rendered,
    )
}

fn site_feed<'a>(config: &'a Config, entries: Vec<&'a Entry>) -> Feed<'a> {
    Feed {
        config,
        title: config.title.clone(),
        description: config.description.clone(),
        folder: String::new(),
        home_url: config.base_url.join(""),
        entries: entries
            .into_iter()
            .map(|entry| (entry, std::sync::Arc::new(prepare(entry, config))))
            .collect(),
        full: true,
    }
}

fn parse(bytes: &[u8]) -> feed_rs::model::Feed {
    feed_rs::parser::parse(bytes).expect("feed-rs reads the feed")
}

/// Reads every event and attribute of `xml`, panicking on anything not well-formed; returns
/// the decoded text of each element named `name`.
pub(crate) fn xml_texts(xml: &[u8], name: &str) -> Vec<String> {
    let text = std::str::from_utf8(xml).expect("UTF-8");
    assert!(text.chars().all(is_xml_char), "a character XML 1.0 forbids");
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let (mut inside, mut found) = (false, Vec::<String>::new());
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(tag) | Event::Empty(tag) => {
                for attribute in tag.attributes() {
                    let attribute = attribute.expect("well-formed attribute");
                    assert!(!attribute.value.contains('<'), "`<` in an attribute value");
                    let version = quick_xml::XmlVersion::Implicit1_0;
                    attribute
                        .normalized_value(version)
                        .expect("only predefined entities in attributes");
                }
                inside = tag.name().as_ref() == name;
                if inside {
                    found.push(String::new());
                }
            }
            Event::Text(text) if inside => {
                found.last_mut().unwrap().push_str(&text.xml10_content())
            }
            Event::GeneralRef(reference) if inside => {
                let resolved = match reference
                    .resolve_char_ref()
                    .expect("valid character reference")
                {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&reference)
                        .expect("only predefined entities")
                        .to_string(),
                };
                found.last_mut().unwrap().push_str(&resolved);
            }
            Event::GeneralRef(reference) => {
                let known = reference.is_char_ref()
                    || quick_xml::escape::resolve_predefined_entity(&reference).is_some();
                assert!(known, "unknown entity {:?}", &*reference);
            }
            Event::End(_) => inside = false,
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

/// Every `href`/`src` value in `html`.
fn urls_in(html: &str) -> Vec<String> {
    let mut urls = Vec::new();
    for attribute in ["href=", "src="] {
        for (at, _) in html.match_indices(attribute) {
            let rest = &html[at + attribute.len()..];
            let quote = rest.chars().next().unwrap();
            let value = rest[1..].split(quote).next().unwrap();
            urls.push(value.to_string());
        }
    }
    urls
}

fn assert_absolute_html(html: &str) {
    let urls = urls_in(html);
    assert!(!urls.is_empty(), "{html}");
    for url in urls {
        assert!(
            url.starts_with("https://"),
            "`{url}` is not absolute in {html}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// absolutize

fn absolute(html: &str) -> String {
    absolutize(html, TALKS_URL, &BaseUrl::parse(BASE).unwrap())
}

#[test]
fn fragments_and_relative_urls_resolve_against_the_article() {
    assert_eq!(
        absolute(r##"<a href="#fn-1">1</a>"##),
        format!(r#"<a href="{TALKS_URL}#fn-1">1</a>"#)
    );
    assert_eq!(
        absolute(r#"<img src="map.png">"#),
        format!(r#"<img src="{TALKS_URL}map.png">"#)
    );
    assert_eq!(
        absolute(r#"<img src="./a/b.png">"#),
        format!(r#"<img src="{TALKS_URL}a/b.png">"#)
    );
    assert_eq!(
        absolute(r#"<a href="../../04/x/?q=1&amp;r=2#top">x</a>"#),
        r#"<a href="https://user.github.io/digest/2025/04/x/?q=1&amp;r=2#top">x</a>"#
    );
    assert_eq!(
        absolute(r#"<a href="?page=2">x</a>"#),
        format!(r#"<a href="{TALKS_URL}?page=2">x</a>"#)
    );
    assert_eq!(
        absolute(r#"<a href="">x</a>"#),
        format!(r#"<a href="{TALKS_URL}">x</a>"#)
    );
    assert_eq!(
        absolute(r#"<a href="  x.pdf ">x</a>"#),
        format!(r#"<a href="{TALKS_URL}x.pdf">x</a>"#)
    );
}

#[test]
fn root_relative_urls_resolve_against_the_origin() {
    // As a browser on the article page would: `/about/` is outside the sub-path.
    assert_eq!(
        absolute("<a href='/about/'>a</a>"),
        "<a href='https://user.github.io/about/'>a</a>"
    );
    assert_eq!(
        absolute(r#"<a href="/digest/../x">a</a>"#),
        r#"<a href="https://user.github.io/x">a</a>"#
    );
    assert_eq!(
        absolute(r#"<a href="../../../../../x">a</a>"#),
        r#"<a href="https://user.github.io/x">a</a>"#
    );
}

#[test]
fn absolute_urls_are_kept() {
    let html = concat!(
        r#"<a href="https://e.org/a">a</a><a href="mailto:a@e.org">m</a>"#,
        r#"<img src="data:image/png;base64,AAAA"><a HREF="HTTP://E.ORG">b</a>"#,
    );
    assert_eq!(absolute(html), html);
    assert_eq!(
        absolute(r#"<img src="//cdn.e.org/x.png">"#),
        r#"<img src="https://cdn.e.org/x.png">"#
    );
}

#[test]
fn quoting_case_and_spacing_variants() {
    assert_eq!(
        absolute("<IMG SRC = 'x.png' ALT=\"y\">"),
        format!("<IMG SRC = '{TALKS_URL}x.png' ALT=\"y\">")
    );
    assert_eq!(
        absolute("<a href=x.html title=t>x</a>"),
        format!("<a href=\"{TALKS_URL}x.html\" title=t>x</a>")
    );
    assert_eq!(
        absolute("<a data-href=\"x\" href=\"y\">"),
        format!("<a data-href=\"x\" href=\"{TALKS_URL}y\">")
    );
    assert_eq!(
        absolute("<br/><img\nsrc=\"x.png\"/>"),
        format!("<br/><img\nsrc=\"{TALKS_URL}x.png\"/>")
    );
    // A URL inside another attribute's value is not an attribute.
    assert_eq!(
        absolute("<a title='href=\"x\"'>x</a>"),
        "<a title='href=\"x\"'>x</a>"
    );
    assert_eq!(
        absolute("<p>Ünïcode <a lang=ü href=x>é</a></p>"),
        format!("<p>Ünïcode <a lang=ü href=\"{TALKS_URL}x\">é</a></p>")
    );
}

#[test]
fn text_comments_and_scripts_are_left_alone() {
    let kept = [
        "<p>1 < 2 and href=\"x\" in text</p>",
        "<!-- <a href=\"x\"> -->",
        "<p>unterminated <a href=\"x</p>",
        "<p>unterminated <a href=x",
        "<p>unterminated <a href=\"x\" title=\"never closes</p>",
        "&lt;a href=\"x\"&gt;",
        "</a href=\"x\">",
    ];
    for html in kept {
        assert_eq!(absolute(html), html);
    }
    assert_eq!(
        absolute("<script src=\"a.js\">var s = '<a href=\"x\">';</SCRIPT><a href=\"y\">"),
        format!(
            "<script src=\"{TALKS_URL}a.js\">var s = '<a href=\"x\">';</SCRIPT><a href=\"{TALKS_URL}y\">"
        )
    );
}

#[test]
fn base_urls_with_quotes_stay_inside_the_attribute() {
    let base = BaseUrl::parse("https://e.org/it's&co/").unwrap();
    let article = base.join("a/");
    assert_eq!(
        absolutize("<a href='#x'>x</a>", &article, &base),
        "<a href='https://e.org/it&#39;s&amp;co/a/#x'>x</a>"
    );
}

// ---------------------------------------------------------------------------------------------
// XML escaping

#[test]
fn xml_escaping_is_complete() {
    assert_eq!(
        escape_xml(r#"<a href="x">&'</a>"#, false),
        "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
    );
    assert_eq!(
        escape_xml("a\u{0}b\u{1}c\u{b}d\u{1b}e\u{7f}f\u{85}g\u{fffe}h", false),
        "abcdefgh"
    );
    assert_eq!(escape_xml("a\tb\nc\rd", false), "a\tb\nc&#13;d");
    assert_eq!(escape_xml("a\tb\nc\rd", true), "a&#9;b&#10;c&#13;d");
    assert_eq!(escape_xml("Санкции ✓ 😀", true), "Санкции ✓ 😀");
}

// ---------------------------------------------------------------------------------------------
// The three formats

/// Both test articles rendered in `format` with the config's `extra` lines.
fn two_article_feed(extra: &str, format: FeedFormat) -> (Vec<u8>, feed_rs::model::Feed) {
    let config = config(extra);
    let (talks, quiet) = (talks(&config), quiet(&config));
    let bytes = render(&site_feed(&config, vec![&talks, &quiet]), format);
    let parsed = parse(&bytes);
    (bytes, parsed)
}

fn author_names(entry: &feed_rs::model::Entry) -> Vec<&str> {
    entry
        .authors
        .iter()
        .map(|a| a.name.as_deref().unwrap())
        .collect()
}

#[test]
fn atom_feed_reads_back_exactly() {
    let (xml, feed) = two_article_feed("", FeedFormat::Atom);
    xml_texts(&xml, "feed");
    assert_eq!(feed.title.unwrap().content, "Digest");
    assert_eq!(feed.id, BASE);
    let link = |rel: &str| {
        feed.links
            .iter()
            .find(|l| l.rel.as_deref() == Some(rel))
            .map(|l| l.href.clone())
    };
    assert_eq!(link("self").unwrap(), format!("{BASE}atom.xml"));
    assert_eq!(link("alternate").unwrap(), BASE);
    // The newest change is the update of the newest article.
    assert_eq!(xml_texts(&xml, "updated")[0], "2025-03-17T09:30:00+02:00");
    assert_eq!(feed.authors[0].name.as_deref(), Some("Digest"));
    assert_eq!(feed.generator.unwrap().content, "newsprint");

    let quiet = &feed.entries[1];
    assert_eq!(quiet.id, QUIET_URL);
    assert!(quiet.authors.is_empty() && quiet.summary.is_none() && quiet.categories.is_empty());
    assert_eq!(xml_texts(&xml, "updated")[2], "2025-03-15T00:00:00+00:00");
}

#[test]
fn atom_entry_reads_back_exactly() {
    let (xml, feed) = two_article_feed("", FeedFormat::Atom);
    let lead = format!("{TALKS_URL}lead.jpg");
    let text = String::from_utf8(xml.clone()).unwrap();
    assert!(
        text.contains(&format!(
            "<link rel=\"enclosure\" type=\"image/jpeg\" href=\"{lead}\"/>"
        )),
        "{text}"
    );
    let entry = &feed.entries[0];
    assert_eq!(entry.title.as_ref().unwrap().content, HOSTILE);
    assert_eq!(entry.id, TALKS_URL);
    let rels: Vec<_> = entry
        .links
        .iter()
        .map(|l| (l.rel.as_deref().unwrap(), l.href.as_str()))
        .collect();
    assert_eq!(
        rels,
        [
            ("alternate", TALKS_URL),
            ("related", "https://example.org/r?id=1&x=2"),
            // The lead image, as an enclosure (issue #15); remote, so no length.
            ("enclosure", lead.as_str()),
        ]
    );
    assert_eq!(
        xml_texts(&xml, "published"),
        ["2025-03-16T18:00:00+02:00", "2025-03-15T00:00:00+00:00"]
    );
    assert_eq!(
        entry.published.unwrap().to_rfc3339(),
        "2025-03-16T16:00:00+00:00"
    );
    assert_eq!(
        entry.updated.unwrap().to_rfc3339(),
        "2025-03-17T07:30:00+00:00"
    );
    assert_eq!(author_names(entry), ["Ann", "Bo"]);
    let terms: Vec<_> = entry
        .categories
        .iter()
        .map(|c| (c.term.as_str(), c.label.as_deref().unwrap()))
        .collect();
    assert_eq!(
        terms,
        [("sanctions", "Sanctions"), ("black-sea", "Black Sea")]
    );
    assert_eq!(
        entry.categories[0].scheme.as_deref(),
        Some("https://user.github.io/digest/tags/")
    );
    // feed-rs trims text, so the exact summary is read from the XML itself.
    let summary =
        format!("<p>Talks<sup><a href=\"{TALKS_URL}#fn-1\">1</a></sup> resumed ]]> today.</p>\n");
    assert_eq!(entry.summary.as_ref().unwrap().content, summary.trim_end());
    assert_eq!(xml_texts(&xml, "summary")[0], summary);
    let content = entry.content.as_ref().unwrap().body.as_ref().unwrap();
    assert_absolute_html(content);
    assert!(
        content.contains(&format!("src=\"{TALKS_URL}map.png\"")),
        "{content}"
    );
    assert!(
        content.contains("href=\"https://user.github.io/digest/2025/03/other/\""),
        "{content}"
    );
}

#[test]
fn rss_channel_reads_back_exactly() {
    let (xml, feed) = two_article_feed("language: en-GB\n", FeedFormat::Rss);
    xml_texts(&xml, "rss");
    let text = String::from_utf8(xml.clone()).unwrap();
    let self_link =
        format!("<atom:link href=\"{BASE}rss.xml\" rel=\"self\" type=\"application/rss+xml\"/>");
    assert!(text.contains(&self_link), "{text}");
    assert_eq!(
        xml_texts(&xml, "lastBuildDate"),
        ["Mon, 17 Mar 2025 09:30:00 +0200"]
    );
    assert_eq!(feed.title.unwrap().content, "Digest");
    assert_eq!(feed.description.unwrap().content, "Daily news");
    assert_eq!(feed.language.as_deref(), Some("en-gb"));
    let hrefs: Vec<_> = feed.links.iter().map(|l| l.href.as_str()).collect();
    assert_eq!(hrefs, [BASE, &format!("{BASE}rss.xml")]);
    assert_eq!(feed.entries[1].id, QUIET_URL);
    assert!(feed.entries[1].authors.is_empty() && feed.entries[1].summary.is_none());
}

#[test]
fn rss_item_reads_back_exactly() {
    let (xml, feed) = two_article_feed("", FeedFormat::Rss);
    let text = String::from_utf8(xml.clone()).unwrap();
    let pub_dates = [
        "Sun, 16 Mar 2025 18:00:00 +0200",
        "Sat, 15 Mar 2025 00:00:00 +0000",
    ];
    assert_eq!(xml_texts(&xml, "pubDate"), pub_dates);
    assert!(text.contains(&format!("<guid isPermaLink=\"true\">{TALKS_URL}</guid>")));
    assert!(
        text.find("<description>&lt;p&gt;Talks").unwrap() < text.find("<content:encoded>").unwrap()
    );
    let entry = &feed.entries[0];
    assert_eq!(entry.title.as_ref().unwrap().content, HOSTILE);
    assert_eq!(entry.id, TALKS_URL);
    assert_eq!(entry.links[0].href, TALKS_URL);
    assert_eq!(
        entry.published.unwrap().to_rfc3339(),
        "2025-03-16T16:00:00+00:00"
    );
    assert_eq!(author_names(entry), ["Ann", "Bo"]);
    let terms: Vec<_> = entry.categories.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(terms, ["Sanctions", "Black Sea"]);
    assert!(
        entry
            .summary
            .as_ref()
            .unwrap()
            .content
            .contains(&format!("{TALKS_URL}#fn-1"))
    );
    let content = entry.content.as_ref().unwrap().body.as_ref().unwrap();
    assert_absolute_html(content);
    assert!(
        content.contains(&format!("src=\"{TALKS_URL}map.png\"")),
        "{content}"
    );
    // The lead image: an enclosure (length 0: a remote file's size is unknown) and media:content.
    assert!(text.contains(&format!(
        "<enclosure url=\"{TALKS_URL}lead.jpg\" length=\"0\" type=\"image/jpeg\"/>"
    )));
    assert!(text.contains(&format!(
        "<media:content url=\"{TALKS_URL}lead.jpg\" medium=\"image\" type=\"image/jpeg\"/>"
    )));
    assert_eq!(
        entry.media[0].content[0].url.as_ref().unwrap().as_str(),
        format!("{TALKS_URL}lead.jpg")
    );
}

#[test]
fn json_feed_has_every_field() {
    let config = config("author: Desk\n");
    let (talks, quiet) = (talks(&config), quiet(&config));
    let bytes = render(&site_feed(&config, vec![&talks, &quiet]), FeedFormat::Json);
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(json["title"], "Digest");
    assert_eq!(json["home_page_url"], BASE);
    assert_eq!(json["feed_url"], format!("{BASE}feed.json"));
    assert_eq!(json["description"], "Daily news");
    assert_eq!(json["language"], "en");
    assert_eq!(json["authors"], serde_json::json!([{"name": "Desk"}]));

    let item = &json["items"][0];
    assert_eq!(item["id"], TALKS_URL);
    assert_eq!(item["url"], TALKS_URL);
    assert_eq!(item["external_url"], "https://example.org/r?id=1&x=2");
    assert_eq!(item["title"], HOSTILE);
    assert_eq!(item["summary"], "Talks1 resumed ]]> today.");
    assert_eq!(item["date_published"], "2025-03-16T18:00:00+02:00");
    assert_eq!(item["date_modified"], "2025-03-17T09:30:00+02:00");
    assert_eq!(
        item["authors"],
        serde_json::json!([{"name": "Ann"}, {"name": "Bo"}])
    );
    assert_eq!(item["tags"], serde_json::json!(["Sanctions", "Black Sea"]));
    assert_eq!(item["image"], format!("{TALKS_URL}lead.jpg"));
    assert_absolute_html(item["content_html"].as_str().unwrap());

    // The article with no author was given the config's `Desk` when it was parsed.
    let quiet_item = &json["items"][1];
    assert_eq!(quiet_item["authors"], serde_json::json!([{"name": "Desk"}]));
    assert!(quiet_item.get("external_url").is_none() && quiet_item.get("tags").is_none());
    // Never updated: `date_published` stands for it, as JSON Feed 1.1 allows.
    assert!(quiet_item.get("date_modified").is_none());
    assert_eq!(quiet_item["date_published"], "2025-03-15T00:00:00+00:00");

    let feed = parse(&bytes);
    assert_eq!(feed.entries[0].title.as_ref().unwrap().content, HOSTILE);
    assert_eq!(feed.entries[0].id, TALKS_URL);
}

#[test]
fn a_feed_without_full_carries_summaries_though_full_content_is_on() {
    let config = config("");
    let talks = talks(&config);
    let mut feed = site_feed(&config, vec![&talks]);
    feed.full = false;
    for format in [FeedFormat::Atom, FeedFormat::Rss] {
        let xml = render(&feed, format);
        let parsed = parse(&xml);
        assert!(parsed.entries[0].content.is_none(), "{format:?}");
        assert!(!String::from_utf8(xml).unwrap().contains("footnotes"));
    }
    let json: serde_json::Value = serde_json::from_slice(&render(&feed, FeedFormat::Json)).unwrap();
    let content = json["items"][0]["content_html"].as_str().unwrap();
    assert!(!content.contains("footnotes"), "{content}");
}

#[test]
fn summary_only_feeds_leave_out_the_body() {
    let config = config("feeds:\n  full_content: false\n");
    let talks = talks(&config);
    let feed = site_feed(&config, vec![&talks]);
    for format in [FeedFormat::Atom, FeedFormat::Rss] {
        let xml = render(&feed, format);
        let parsed = parse(&xml);
        assert!(parsed.entries[0].content.is_none(), "{format:?}");
        assert!(
            parsed.entries[0]
                .summary
                .as_ref()
                .unwrap()
                .content
                .contains("resumed")
        );
        assert!(!String::from_utf8(xml).unwrap().contains("footnotes"));
    }
    let json: serde_json::Value = serde_json::from_slice(&render(&feed, FeedFormat::Json)).unwrap();
    let content = json["items"][0]["content_html"].as_str().unwrap();
    assert!(
        content.starts_with("<p>Talks") && !content.contains("footnotes"),
        "{content}"
    );
}

#[test]
fn tag_feeds_link_to_themselves() {
    let config = config("");
    let talks = talks(&config);
    let feed = Feed {
        folder: "tags/sanctions/".into(),
        home_url: config.base_url.join("tags/sanctions/"),
        title: "Digest — Sanctions".into(),
        ..site_feed(&config, vec![&talks])
    };
    let atom = parse(&render(&feed, FeedFormat::Atom));
    assert_eq!(atom.id, format!("{BASE}tags/sanctions/"));
    assert_eq!(atom.title.unwrap().content, "Digest — Sanctions");
    let self_link = atom
        .links
        .iter()
        .find(|l| l.rel.as_deref() == Some("self"))
        .unwrap();
    assert_eq!(self_link.href, format!("{BASE}tags/sanctions/atom.xml"));
    let json: serde_json::Value = serde_json::from_slice(&render(&feed, FeedFormat::Json)).unwrap();
    assert_eq!(json["feed_url"], format!("{BASE}tags/sanctions/feed.json"));
    let rss = String::from_utf8(render(&feed, FeedFormat::Rss)).unwrap();
    assert!(rss.contains(&format!("href=\"{BASE}tags/sanctions/rss.xml\"")));
}

#[test]
fn control_characters_cannot_break_the_document() {
    let config = config("");
    let mut hostile = talks(&config);
    std::sync::Arc::make_mut(&mut hostile.article).title =
        "Bad\u{0}\u{1}\u{1b} ti\r\ntle\u{fffe}".into();
    std::sync::Arc::make_mut(&mut hostile.article).authors = vec!["An\u{8}n".into()];
    hostile.rendered.html = "<p>x\u{c}y</p>".into();
    let feed = site_feed(&config, vec![&hostile]);
    for format in [FeedFormat::Atom, FeedFormat::Rss] {
        let xml = render(&feed, format);
        assert_eq!(xml_texts(&xml, "title")[1], "Bad ti\r\ntle", "{format:?}");
        let parsed = parse(&xml);
        assert_eq!(
            parsed.entries[0].title.as_ref().unwrap().content,
            "Bad ti\r\ntle",
            "{format:?}"
        );
        assert_eq!(parsed.entries[0].authors[0].name.as_deref(), Some("Ann"));
    }
    let json: serde_json::Value = serde_json::from_slice(&render(&feed, FeedFormat::Json)).unwrap();
    assert_eq!(json["items"][0]["title"], "Bad ti\r\ntle");
}

#[test]
fn empty_feeds_are_valid_and_dated_at_the_epoch() {
    let config = config("");
    let feed = site_feed(&config, Vec::new());
    let atom = render(&feed, FeedFormat::Atom);
    assert_eq!(xml_texts(&atom, "updated"), ["1970-01-01T00:00:00+00:00"]);
    assert!(parse(&atom).entries.is_empty());
    let rss = render(&feed, FeedFormat::Rss);
    assert_eq!(
        xml_texts(&rss, "lastBuildDate"),
        ["Thu, 01 Jan 1970 00:00:00 +0000"]
    );
    let json: serde_json::Value = serde_json::from_slice(&render(&feed, FeedFormat::Json)).unwrap();
    assert_eq!(json["items"], serde_json::json!([]));
}

#[test]
fn output_is_deterministic() {
    let config = config("");
    let (talks, quiet) = (talks(&config), quiet(&config));
    for format in FeedFormat::ALL {
        let first = render(&site_feed(&config, vec![&talks, &quiet]), format);
        let second = render(&site_feed(&config, vec![&talks, &quiet]), format);
        assert_eq!(first, second, "{format:?}");
    }
}

#[test]
fn markdown_output_ends_up_absolute() {
    let config = config("markdown:\n  unsafe_html: true\n");
    let text = "---\ntitle: T\ndate: 2025-03-16\n---\n# Head\n\nSaid[^1] <img src='map.png'> [home](/).\n\n\
                [^1]: <a href=\"x.pdf\">Source</a>.\n";
    let path = Path::new("content/2025/03/talks.md");
    let article = parse_article(path, path, text.to_string(), 0, &config).unwrap();
    let links = crate::markdown::LinkTargets {
        base_url: config.base_url.clone(),
        targets: Default::default(),
        failed: Default::default(),
        images: Default::default(),
    };
    let rendered = crate::markdown::render(&article, &links, &config.markdown).unwrap();
    assert!(rendered.html.contains("href=\"#fn"), "{}", rendered.html);
    let entry = Entry::new(article, rendered);
    let xml = render(&site_feed(&config, vec![&entry]), FeedFormat::Atom);
    let parsed = parse(&xml);
    let content = parsed.entries[0]
        .content
        .as_ref()
        .unwrap()
        .body
        .as_ref()
        .unwrap();
    assert_absolute_html(content);
    assert!(
        content.contains(&format!("src='{TALKS_URL}map.png'")),
        "{content}"
    );
    assert!(
        content.contains(&format!("href=\"{TALKS_URL}x.pdf\"")),
        "{content}"
    );
    assert!(content.contains(&format!("href=\"{BASE}\"")), "{content}");
}

/// An article of `paragraphs` long paragraphs; its summary is the first.
fn long(config: &Config, name: &str, date: &str, paragraphs: usize) -> Entry {
    let html: String = (0..paragraphs)
        .map(|i| format!("<p>Paragraph {i} of {name}: {}</p>\n", "words ".repeat(30)))
        .collect();
    let rendered = Rendered {
        summary_html: format!("<p>Summary of {name}.</p>\n").into(),
        summary_text: format!("Summary of {name}."),
        html: html.into(),
        ..Rendered::default()
    };
    let path = format!("content/2025/03/{name}.md");
    entry(config, &path, &format!("date: {date}\n"), name, rendered)
}

#[test]
fn feeds_past_max_bytes_fall_back_to_summaries() {
    let config = config("feeds:\n  max_bytes: 8000\n");
    // The newest is too long for the feed; the older, short one keeps its whole text.
    let big = long(&config, "big", "2025-03-16", 100);
    let small = long(&config, "small", "2025-03-15", 2);
    let feed = site_feed(&config, vec![&big, &small]);
    for format in FeedFormat::ALL {
        let bytes = render(&feed, format);
        assert!(bytes.len() <= 8000, "{format:?}: {}", bytes.len());
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains("Summary of big."), "{format:?}");
        assert!(!text.contains("Paragraph 1 of big"), "{format:?}");
        assert!(text.contains("Paragraph 1 of small"), "{format:?}");
    }
    let json: serde_json::Value = serde_json::from_slice(&render(&feed, FeedFormat::Json)).unwrap();
    assert_eq!(json["items"][0]["content_html"], "<p>Summary of big.</p>\n");
}

#[test]
fn feeds_past_max_bytes_leave_out_the_oldest_but_never_the_newest() {
    let config = config("feeds:\n  max_bytes: 4096\n");
    let entries: Vec<Entry> = (0..40)
        .map(|i| {
            long(
                &config,
                &format!("a{i:02}"),
                &format!("2025-03-{:02}", 28 - i / 2),
                1,
            )
        })
        .collect();
    let feed = site_feed(&config, entries.iter().collect());
    for format in FeedFormat::ALL {
        let bytes = render(&feed, format);
        assert!(bytes.len() <= 4096, "{format:?}: {}", bytes.len());
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains("Summary of a00."), "{format:?}");
        assert!(!text.contains("a39"), "{format:?}");
    }
    // However small the limit, the newest entry stays.
    let mut tiny = config.clone();
    tiny.feeds.max_bytes = 1;
    let feed = site_feed(&tiny, entries.iter().collect());
    let json: serde_json::Value = serde_json::from_slice(&render(&feed, FeedFormat::Json)).unwrap();
    assert_eq!(json["items"].as_array().unwrap().len(), 1);
    assert_eq!(json["items"][0]["title"], "a00");
}
