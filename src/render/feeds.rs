//! Site and tag feeds: Atom 1.0, RSS 2.0 and JSON Feed 1.1, built in code so escaping is exact.
//!
//! Input: a [`Feed`] (which articles, the feed's own URL). Output: the feed document's bytes.
//! Every text and attribute value goes through `escape_xml`, which also drops characters XML
//! 1.0 forbids, so no title or body can break the document. Every URL is absolute, including the
//! links and images inside entry HTML (`absolutize`), because a feed reader shows entries far
//! from the page they came from. Output depends only on the articles, never on the clock.

use serde::Serialize;

use std::sync::Arc;

use crate::config::Config;
use crate::date::Date;
use crate::markdown::escape_html;
use crate::site::Entry;
use crate::url::BaseUrl;

/// The three feed formats newsprint writes for the site and for every tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeedFormat {
    /// `atom.xml`.
    Atom,
    /// `rss.xml`.
    Rss,
    /// `feed.json`.
    Json,
}

impl FeedFormat {
    /// All formats.
    pub const ALL: [FeedFormat; 3] = [FeedFormat::Atom, FeedFormat::Rss, FeedFormat::Json];

    /// The file name in its folder.
    pub fn file_name(self) -> &'static str {
        match self {
            FeedFormat::Atom => "atom.xml",
            FeedFormat::Rss => "rss.xml",
            FeedFormat::Json => "feed.json",
        }
    }
}

/// One feed to write.
#[derive(Debug)]
pub struct Feed<'a> {
    /// The site's config (title, base URL, language, feed options).
    pub config: &'a Config,
    /// The feed's title: the site title, or "Site — Tag".
    pub title: String,
    /// The feed's description.
    pub description: String,
    /// The folder of the feed inside the output: `""` for the site, `tags/russia/` for a tag.
    pub folder: String,
    /// The page the feed belongs to (absolute): the home page or the tag page.
    pub home_url: String,
    /// The newest articles, newest first, at most `config.feeds.limit`, each with what
    /// [`prepare`] made of it.
    pub entries: Vec<(&'a Entry, Arc<Prepared>)>,
}

/// Renders `feed` in `format`.
pub fn render(feed: &Feed<'_>, format: FeedFormat) -> Vec<u8> {
    let items = items(feed);
    let text = match format {
        FeedFormat::Atom => atom(feed, &items),
        FeedFormat::Rss => rss(feed, &items),
        FeedFormat::Json => json_feed(feed, &items),
    };
    text.into_bytes()
}

/// The generator named in every feed.
const GENERATOR: &str = "newsprint";

impl Feed<'_> {
    /// The absolute URL of this feed in `format`.
    fn url(&self, format: FeedFormat) -> String {
        self.config
            .base_url
            .join(&format!("{}{}", self.folder, format.file_name()))
    }

    /// Who the feed is by: the site's default author, else the site itself.
    fn author(&self) -> &str {
        if self.config.author.trim().is_empty() {
            &self.config.title
        } else {
            &self.config.author
        }
    }

    /// The newest change among the entries; the epoch for an empty feed, so the output never
    /// depends on when it was built.
    fn updated(&self) -> Date {
        self.entries
            .iter()
            .map(|(entry, _)| last_change(entry))
            .max_by_key(|date| date.unix_seconds())
            .cloned()
            .or_else(|| Date::from_unix(0))
            .expect("the Unix epoch is a valid date")
    }
}

/// An article's update, or its publication when it was never updated.
fn last_change(entry: &Entry) -> &Date {
    entry
        .article
        .updated
        .as_ref()
        .unwrap_or(&entry.article.date)
}

/// What every format says about one entry: worked out once per entry and build, since an
/// article appears in the site feed and each of its tags' feeds, in three formats.
#[derive(Debug)]
pub struct Prepared {
    /// The article's absolute URL: its id in every format.
    url: String,
    /// The summary as HTML with absolute URLs; empty when the article has none.
    summary_html: String,
    /// The whole body with absolute URLs, when the feed carries full content.
    content_html: Option<String>,
    /// `summary_html` escaped for XML text.
    summary_xml: String,
    /// `content_html` escaped for XML text.
    content_xml: Option<String>,
}

/// Prepares one entry for the feeds of `config`'s site.
pub fn prepare(entry: &Entry, config: &Config) -> Prepared {
    let base_url = &config.base_url;
    let url = base_url.join(&entry.article.url_path);
    let rendered = &entry.rendered;
    let summary_html = absolutize(&rendered.summary_html, &url, base_url);
    let content_html = config
        .feeds
        .full_content
        .then(|| absolutize(&rendered.html, &url, base_url));
    Prepared {
        summary_xml: escape_xml(&summary_html, false),
        content_xml: content_html.as_deref().map(|html| escape_xml(html, false)),
        summary_html,
        content_html,
        url,
    }
}

/// One entry of one feed.
struct Item<'a> {
    entry: &'a Entry,
    prepared: &'a Prepared,
}

impl std::ops::Deref for Item<'_> {
    type Target = Prepared;

    fn deref(&self) -> &Prepared {
        self.prepared
    }
}

fn items<'a>(feed: &'a Feed<'a>) -> Vec<Item<'a>> {
    feed.entries
        .iter()
        .map(|(entry, prepared)| Item { entry, prepared })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Atom 1.0 (RFC 4287)

fn atom(feed: &Feed<'_>, items: &[Item<'_>]) -> String {
    let mut xml = XmlWriter::new();
    xml.start(
        "feed",
        &[
            ("xmlns", "http://www.w3.org/2005/Atom"),
            ("xml:lang", &feed.config.language),
        ],
    );
    xml.element("title", &[("type", "text")], &feed.title);
    if !feed.description.trim().is_empty() {
        xml.element("subtitle", &[("type", "text")], &feed.description);
    }
    xml.element("id", &[], &feed.home_url);
    xml.empty(
        "link",
        &[
            ("rel", "self"),
            ("type", "application/atom+xml"),
            ("href", &feed.url(FeedFormat::Atom)),
        ],
    );
    xml.empty(
        "link",
        &[
            ("rel", "alternate"),
            ("type", "text/html"),
            ("href", &feed.home_url),
        ],
    );
    xml.element("updated", &[], &feed.updated().rfc3339());
    // RFC 4287 wants a feed-level author unless every entry names one; ours may not.
    xml.start("author", &[]);
    xml.element("name", &[], feed.author());
    xml.end("author");
    xml.element(
        "generator",
        &[("version", env!("CARGO_PKG_VERSION"))],
        GENERATOR,
    );
    for item in items {
        atom_entry(&mut xml, feed.config, item);
    }
    xml.end("feed");
    xml.finish()
}

fn atom_entry(xml: &mut XmlWriter, config: &Config, item: &Item<'_>) {
    let article = &item.entry.article;
    xml.start("entry", &[]);
    xml.element("title", &[("type", "text")], &article.title);
    // The URL comes from the file name or slug, so editing the title or tags keeps the id.
    xml.element("id", &[], &item.url);
    xml.empty(
        "link",
        &[
            ("rel", "alternate"),
            ("type", "text/html"),
            ("href", &item.url),
        ],
    );
    if let Some(source) = &article.source {
        xml.empty("link", &[("rel", "related"), ("href", source)]);
    }
    xml.element("published", &[], &article.date.rfc3339());
    xml.element("updated", &[], &last_change(item.entry).rfc3339());
    for author in &article.authors {
        xml.start("author", &[]);
        xml.element("name", &[], author);
        xml.end("author");
    }
    let scheme = config.base_url.join("tags/");
    for (tag, slug) in article.tags.iter().zip(&article.tag_slugs) {
        // The slug as term keeps `Sanctions` and `sanctions` one category, as on the site.
        xml.empty(
            "category",
            &[("term", slug), ("scheme", &scheme), ("label", tag)],
        );
    }
    if !item.summary_html.is_empty() {
        xml.escaped_element("summary", &[("type", "html")], &item.summary_xml);
    }
    if let Some(content) = &item.content_xml {
        xml.escaped_element("content", &[("type", "html")], content);
    }
    xml.end("entry");
}

// ---------------------------------------------------------------------------------------------
// RSS 2.0

fn rss(feed: &Feed<'_>, items: &[Item<'_>]) -> String {
    let mut xml = XmlWriter::new();
    xml.start(
        "rss",
        &[
            ("version", "2.0"),
            ("xmlns:atom", "http://www.w3.org/2005/Atom"),
            ("xmlns:content", "http://purl.org/rss/1.0/modules/content/"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ],
    );
    xml.start("channel", &[]);
    xml.element("title", &[], &feed.title);
    xml.element("link", &[], &feed.home_url);
    // RSS requires a channel description; the title is the best stand-in for an empty one.
    let description = if feed.description.trim().is_empty() {
        &feed.title
    } else {
        &feed.description
    };
    xml.element("description", &[], description);
    xml.element("language", &[], &feed.config.language);
    xml.element("lastBuildDate", &[], &feed.updated().rfc822());
    xml.element(
        "generator",
        &[],
        &format!("{GENERATOR} {}", env!("CARGO_PKG_VERSION")),
    );
    xml.empty(
        "atom:link",
        &[
            ("href", &feed.url(FeedFormat::Rss)),
            ("rel", "self"),
            ("type", "application/rss+xml"),
        ],
    );
    for item in items {
        rss_item(&mut xml, item);
    }
    xml.end("channel");
    xml.end("rss");
    xml.finish()
}

fn rss_item(xml: &mut XmlWriter, item: &Item<'_>) {
    let article = &item.entry.article;
    xml.start("item", &[]);
    xml.element("title", &[], &article.title);
    xml.element("link", &[], &item.url);
    xml.element("guid", &[("isPermaLink", "true")], &item.url);
    xml.element("pubDate", &[], &article.date.rfc822());
    for author in &article.authors {
        // `<author>` must be an e-mail address; Dublin Core takes a plain name.
        xml.element("dc:creator", &[], author);
    }
    for tag in &article.tags {
        xml.element("category", &[], tag);
    }
    // HTML is escaped as text rather than wrapped in CDATA, so no `]]>` in it can end early.
    if !item.summary_html.is_empty() {
        xml.escaped_element("description", &[], &item.summary_xml);
    }
    if let Some(content) = &item.content_xml {
        xml.escaped_element("content:encoded", &[], content);
    }
    xml.end("item");
}

// ---------------------------------------------------------------------------------------------
// JSON Feed 1.1

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: String,
    home_page_url: &'a str,
    feed_url: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    description: String,
    language: &'a str,
    authors: Vec<JsonAuthor>,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonAuthor {
    name: String,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_url: Option<&'a str>,
    title: String,
    content_html: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    summary: String,
    date_published: String,
    date_modified: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<JsonAuthor>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
}

fn json_feed(feed: &Feed<'_>, items: &[Item<'_>]) -> String {
    let document = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: clean(&feed.title),
        home_page_url: &feed.home_url,
        feed_url: feed.url(FeedFormat::Json),
        description: clean(&feed.description),
        language: &feed.config.language,
        authors: vec![JsonAuthor {
            name: clean(feed.author()),
        }],
        items: items.iter().map(json_item).collect(),
    };
    // Plain structs of strings always serialize.
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

fn json_item<'a>(item: &'a Item<'_>) -> JsonItem<'a> {
    let article = &item.entry.article;
    // JSON Feed requires content; a summary-only feed offers the summary as the content.
    let content = item.content_html.as_deref().unwrap_or(&item.summary_html);
    JsonItem {
        id: &item.url,
        url: &item.url,
        external_url: article.source.as_deref(),
        title: clean(&article.title),
        content_html: clean(content),
        summary: clean(&item.entry.rendered.summary_text),
        date_published: article.date.rfc3339(),
        date_modified: last_change(item.entry).rfc3339(),
        authors: article
            .authors
            .iter()
            .map(|name| JsonAuthor { name: clean(name) })
            .collect(),
        tags: article.tags.iter().map(|tag| clean(tag)).collect(),
        image: item.entry.rendered.image.as_deref(),
    }
}

// ---------------------------------------------------------------------------------------------
// XML

/// Whether XML 1.0 allows `c`. Control characters other than tab, line feed and carriage return
/// are dropped too (C1 ones are legal but never meant), as are the non-characters U+FFFE/U+FFFF.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// `text` without the characters [`is_xml_char`] refuses, so every format carries the same text.
fn clean(text: &str) -> String {
    if text.chars().all(is_xml_char) {
        return text.to_owned();
    }
    text.chars().filter(|&c| is_xml_char(c)).collect()
}

/// Escapes `text` for XML element content (`attribute == false`) or a quoted attribute value,
/// dropping characters XML 1.0 cannot hold.
pub(crate) fn escape_xml(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // Copy runs of plain characters as slices: feeds escape whole articles, many times over.
    let mut plain_from = 0;
    for (at, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&apos;",
            // Parsers turn a raw CR into LF, and tabs and newlines in attributes into spaces;
            // character references survive both.
            '\r' => "&#13;",
            '\n' if attribute => "&#10;",
            '\t' if attribute => "&#9;",
            c if !is_xml_char(c) => "",
            _ => continue,
        };
        out.push_str(&text[plain_from..at]);
        out.push_str(replacement);
        plain_from = at + c.len_utf8();
    }
    out.push_str(&text[plain_from..]);
    out
}

/// A minimal XML writer: element and attribute names come from code, every value is escaped.
pub(crate) struct XmlWriter {
    out: String,
    depth: usize,
}

impl XmlWriter {
    /// A document with its XML declaration.
    pub(crate) fn new() -> XmlWriter {
        XmlWriter {
            out: String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"),
            depth: 0,
        }
    }

    fn open_tag(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out
                .push_str(&format!(" {key}=\"{}\"", escape_xml(value, true)));
        }
    }

    /// `<name attributes>` on its own line; children follow, indented.
    pub(crate) fn start(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.open_tag(name, attributes);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    /// Closes the element opened by the matching [`XmlWriter::start`].
    pub(crate) fn end(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push_str(&format!("</{name}>\n"));
    }

    /// `<name attributes>text</name>`.
    pub(crate) fn element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.escaped_element(name, attributes, &escape_xml(text, false));
    }

    /// `<name attributes>text</name>` with `text` already escaped by [`escape_xml`].
    fn escaped_element(&mut self, name: &str, attributes: &[(&str, &str)], escaped: &str) {
        self.open_tag(name, attributes);
        self.out.push('>');
        self.out.push_str(escaped);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name attributes/>`.
    pub(crate) fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.open_tag(name, attributes);
        self.out.push_str("/>\n");
    }

    /// The finished document.
    pub(crate) fn finish(self) -> String {
        self.out
    }
}

// ---------------------------------------------------------------------------------------------
// Absolute URLs in entry HTML

/// Elements whose content is raw text: an `href="…"` inside a script is code, not a link.
const RAW_TEXT_ELEMENTS: [&str; 2] = ["script", "style"];

/// Makes every `href` and `src` attribute in `html` absolute: fragments and relative paths
/// against `article_url`, root-relative paths against the site's origin (as the article page
/// itself would resolve them), scheme-relative ones with the site's scheme. The Markdown stage
/// already makes site links absolute; this catches footnotes (`#fn-1`) and raw HTML.
fn absolutize(html: &str, article_url: &str, base_url: &BaseUrl) -> String {
    let resolver = Resolver::new(article_url, base_url);
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with("<!--") {
            // A comment is copied whole: commented-out markup is not a link.
            let len = rest[4..].find("-->").map_or(rest.len(), |end| 4 + end + 3);
            out.push_str(&rest[..len]);
            rest = &rest[len..];
            continue;
        }
        let Some(tag) = rewrite_tag(rest, &resolver) else {
            // Not a tag (`a < b` in raw HTML, or an unterminated one): keep the `<` as text.
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        out.push_str(&tag.html);
        rest = &rest[tag.len..];
        if RAW_TEXT_ELEMENTS
            .iter()
            .any(|raw| tag.name.eq_ignore_ascii_case(raw))
        {
            let len = find_closing_tag(rest, tag.name);
            out.push_str(&rest[..len]);
            rest = &rest[len..];
        }
    }
    out.push_str(rest);
    out
}

/// Where `</name` starts in `text` (any case), or the end of `text`.
fn find_closing_tag(text: &str, name: &str) -> usize {
    let needle = format!("</{}", name.to_ascii_lowercase());
    // ASCII lowercasing keeps byte offsets, so the offset is valid in `text` too.
    text.to_ascii_lowercase()
        .find(&needle)
        .unwrap_or(text.len())
}

/// A start tag copied with its `href`/`src` values rewritten.
struct Tag<'t> {
    /// Bytes of the input the tag spans, `>` included.
    len: usize,
    /// The tag as written out.
    html: String,
    /// The element name as written.
    name: &'t str,
}

/// Reads the start tag at the beginning of `text` (`<name …>`); `None` if it is not one.
fn rewrite_tag<'t>(text: &'t str, resolver: &Resolver) -> Option<Tag<'t>> {
    let bytes = text.as_bytes();
    if !bytes.get(1)?.is_ascii_alphabetic() {
        return None;
    }
    let name_end = scan(bytes, 1, |b| {
        !(b.is_ascii_whitespace() || b == b'/' || b == b'>')
    });
    let mut html = String::with_capacity(text.len().min(256));
    let mut copied = 0;
    let mut at = name_end;
    loop {
        at = scan(bytes, at, |b| b.is_ascii_whitespace() || b == b'/');
        if *bytes.get(at)? == b'>' {
            break;
        }
        let name_start = at;
        at = scan(bytes, at + 1, |b| {
            !(b.is_ascii_whitespace() || matches!(b, b'/' | b'>' | b'='))
        });
        let attribute = &text[name_start..at];
        let equals = scan(bytes, at, |b| b.is_ascii_whitespace());
        if bytes.get(equals) != Some(&b'=') {
            continue;
        }
        let value = read_value(text, scan(bytes, equals + 1, |b| b.is_ascii_whitespace()))?;
        if attribute.eq_ignore_ascii_case("href") || attribute.eq_ignore_ascii_case("src") {
            html.push_str(&text[copied..value.start]);
            let url = resolver.resolve(&text[value.start..value.end]);
            if value.quoted {
                html.push_str(&url);
            } else {
                // An unquoted value gets quotes, so the new URL cannot end the tag early.
                html.push_str(&format!("\"{}\"", url.replace('"', "&quot;")));
            }
            copied = value.end;
        }
        at = value.next;
    }
    html.push_str(&text[copied..=at]);
    Some(Tag {
        len: at + 1,
        html,
        name: &text[1..name_end],
    })
}

/// Where an attribute value lies in its tag.
struct ValueSpan {
    /// First byte of the value, inside any quotes.
    start: usize,
    /// One past its last byte.
    end: usize,
    /// Where parsing goes on (past a closing quote).
    next: usize,
    quoted: bool,
}

/// The attribute value starting at `at`; `None` if a quote never closes.
fn read_value(text: &str, at: usize) -> Option<ValueSpan> {
    let bytes = text.as_bytes();
    match *bytes.get(at)? {
        quote @ (b'"' | b'\'') => {
            let end = at + 1 + text[at + 1..].find(quote as char)?;
            Some(ValueSpan {
                start: at + 1,
                end,
                next: end + 1,
                quoted: true,
            })
        }
        _ => {
            let end = scan(bytes, at, |b| !(b.is_ascii_whitespace() || b == b'>'));
            Some(ValueSpan {
                start: at,
                end,
                next: end,
                quoted: false,
            })
        }
    }
}

/// The first index from `from` whose byte does not satisfy `keep_going`.
fn scan(bytes: &[u8], from: usize, keep_going: impl Fn(u8) -> bool) -> usize {
    let mut at = from;
    while at < bytes.len() && keep_going(bytes[at]) {
        at += 1;
    }
    at
}

/// Resolves URL references the way a browser on the article page would (RFC 3986 §5.2).
///
/// Everything is kept HTML-escaped: attribute values arrive escaped (`&amp;`), so the base is
/// escaped up front and the result can go straight back into the attribute.
struct Resolver {
    /// `https`.
    scheme: String,
    /// `https://user.github.io`, escaped.
    origin: String,
    /// The article's path, `/digest/2025/03/talks/`, escaped.
    path: String,
}

impl Resolver {
    fn new(article_url: &str, base_url: &BaseUrl) -> Resolver {
        let origin = base_url.origin();
        // Article URLs are made by `BaseUrl::join`, so they start with the origin.
        let path = article_url
            .strip_prefix(origin)
            .filter(|p| p.starts_with('/'))
            .unwrap_or("/");
        Resolver {
            scheme: origin.split(':').next().unwrap_or("https").to_string(),
            origin: escape_html(origin),
            path: escape_html(path),
        }
    }

    fn resolve(&self, value: &str) -> String {
        // Browsers ignore spaces around a URL.
        let value = value.trim_matches(|c: char| c.is_ascii_whitespace());
        if value.starts_with("//") {
            return format!("{}:{value}", self.scheme);
        }
        if has_scheme(value) {
            return value.to_string();
        }
        let (path, suffix) = value.split_at(value.find(['?', '#']).unwrap_or(value.len()));
        let merged = if path.is_empty() {
            self.path.clone()
        } else if path.starts_with('/') {
            path.to_string()
        } else {
            let folder = &self.path[..=self.path.rfind('/').unwrap_or(0)];
            format!("{folder}{path}")
        };
        format!("{}{}{suffix}", self.origin, remove_dot_segments(&merged))
    }
}

/// Whether `url` starts with a scheme (`https:`, `mailto:`, `data:`): it is absolute already.
fn has_scheme(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else {
        return false;
    };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Removes `.` and `..` segments from an absolute path (RFC 3986 §5.2.4).
fn remove_dot_segments(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let mut kept: Vec<&str> = Vec::with_capacity(segments.len());
    for (index, segment) in segments.iter().enumerate() {
        let last = index + 1 == segments.len();
        match *segment {
            "." => {}
            ".." => {
                kept.pop();
            }
            other => kept.push(other),
        }
        // `a/.` and `a/..` name a folder, so the path keeps its trailing slash.
        if last && matches!(*segment, "." | "..") {
            kept.push("");
        }
    }
    format!("/{}", kept.join("/"))
}

#[cfg(test)]
#[path = "feeds_tests.rs"]
pub(crate) mod tests;
