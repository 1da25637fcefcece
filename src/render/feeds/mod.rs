//! Site and tag feeds: Atom 1.0, RSS 2.0 and JSON Feed 1.1, built in code so escaping is exact.
//!
//! Input: a [`Feed`] (which articles, the feed's own URL). Output: the feed document's bytes.
//! Every text and attribute value goes through `escape_xml`, which also drops characters XML
//! 1.0 forbids, so no title or body can break the document. Every URL is absolute, including the
//! links and images inside entry HTML (`absolutize`), because a feed reader shows entries far
//! from the page they came from. Output depends only on the articles, never on the clock.

use serde::Serialize;
use serde_json::value::RawValue;

use std::borrow::Cow;
use std::sync::Arc;

use super::absolutize::absolutize;
use super::xml::{XmlWriter, clean, escape_xml};
use crate::config::Config;
use crate::date::Date;
use crate::site::Entry;

pub mod editions;

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

/// The absolute URL of the feed in `format` in the output folder `folder` (`""` for the site,
/// `tags/russia/` for a tag).
pub fn feed_url(config: &Config, folder: &str, format: FeedFormat) -> String {
    config
        .base_url
        .join(&format!("{folder}{}", format.file_name()))
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
    /// Whether entries may carry the whole article (`feeds.full_content` decides whether there
    /// is one): off for tag and author feeds under `feeds.tag_content: summary`.
    pub full: bool,
}

/// Renders `feed` in `format`, in at most `feeds.max_bytes`: past it, entries carry their
/// summary instead of the whole article (the newest keep it while there is room), and if even
/// that is too much, the oldest entries are left out; the newest one always stays.
pub fn render(feed: &Feed<'_>, format: FeedFormat) -> Vec<u8> {
    let max = feed.config.feeds.max_bytes;
    let mut items = items(feed);
    let whole = render_items(feed, format, &items);
    if whole.len() <= max {
        return whole;
    }
    for item in &mut items {
        item.full = false;
    }
    let summaries = render_items(feed, format, &items);
    if summaries.len() > max {
        return without_oldest(feed, format, items, summaries);
    }
    let mut room = max - summaries.len();
    let mut any = false;
    for item in &mut items {
        let extra = item.full_extra(format);
        if extra <= room {
            item.full = true;
            room -= extra;
            any = true;
        }
    }
    if !any {
        return summaries;
    }
    // The sizes were estimates; the summaries alone are known to fit.
    let mixed = render_items(feed, format, &items);
    if mixed.len() <= max { mixed } else { summaries }
}

/// Leaves out the oldest of `items` (summaries only) until the feed, now `bytes`, fits.
fn without_oldest(
    feed: &Feed<'_>,
    format: FeedFormat,
    mut items: Vec<Item<'_>>,
    mut bytes: Vec<u8>,
) -> Vec<u8> {
    let max = feed.config.feeds.max_bytes;
    while bytes.len() > max && items.len() > 1 {
        // A guess from the average entry, and at least one fewer each time.
        let keep = (items.len() * max / bytes.len()).clamp(1, items.len() - 1);
        items.truncate(keep);
        bytes = render_items(feed, format, &items);
    }
    bytes
}

fn render_items(feed: &Feed<'_>, format: FeedFormat, items: &[Item<'_>]) -> Vec<u8> {
    match format {
        FeedFormat::Atom => atom(feed, items).into_bytes(),
        FeedFormat::Rss => rss(feed, items).into_bytes(),
        FeedFormat::Json => json_feed(feed, items),
    }
}

/// The generator named in every feed.
const GENERATOR: &str = "newsprint";

impl Feed<'_> {
    /// The absolute URL of this feed in `format`.
    fn url(&self, format: FeedFormat) -> String {
        feed_url(self.config, &self.folder, format)
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
            .map(|(entry, _)| entry.article.last_change())
            .max_by_key(|date| date.unix_seconds())
            .cloned()
            .or_else(|| Date::from_unix(0))
            .expect("the Unix epoch is a valid date")
    }
}

/// What every format says about one entry: worked out once per entry and build, since an
/// article appears in the site feed and each of its tags' feeds, in three formats.
#[derive(Debug)]
pub struct Prepared {
    /// The article's absolute URL.
    url: String,
    /// Its id in every format: the pinned `id:`, else the URL.
    id: Option<String>,
    /// The summary as HTML with absolute URLs; empty when the article has none.
    summary_html: String,
    /// `summary_html` escaped for XML text.
    summary_xml: String,
    /// The whole body with absolute URLs, when the feed carries full content, escaped for XML.
    content_xml: Option<String>,
    /// What JSON Feed's `content_html` holds (it requires content: the summary when the feed
    /// carries no full text), without characters the XML feeds drop, as a JSON string.
    content_json: Box<RawValue>,
    /// `content_html` when the entry falls back to its summary to keep the feed small; `None`
    /// when `content_json` is the summary already.
    summary_content_json: Option<Box<RawValue>>,
    /// The plain-text summary, without those characters; `None` when empty.
    summary_json: Option<Box<RawValue>>,
    /// The lead image, for enclosures.
    image: Option<Image>,
}

/// A lead image as feeds announce it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Absolute URL.
    pub url: String,
    /// The media type, from the file extension.
    pub mime: &'static str,
    /// The file's size in bytes; `None` for an image on another site, whose size is unknown.
    pub length: Option<u64>,
}

impl Image {
    /// The lead image of `entry`, if it has one.
    pub fn of(entry: &Entry) -> Option<Image> {
        let url = entry.rendered.image.clone()?;
        Some(Image {
            mime: image_type(&url),
            length: entry.rendered.image_bytes,
            url,
        })
    }
}

/// The media type of an image URL from its extension; `image/jpeg` when it has none we know
/// (most images on the web without one are JPEG).
pub fn image_type(url: &str) -> &'static str {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension.to_ascii_lowercase().as_str() {
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "svg" => "image/svg+xml",
        _ => "image/jpeg",
    }
}

/// A feed image from config (`feeds.logo`, `feeds.icon`): a URL as is, a path under the base URL.
pub fn config_image(config: &Config, value: Option<&String>) -> Option<String> {
    let value = value?.trim();
    if value.is_empty() {
        None
    } else if value.contains("://") {
        Some(value.to_string())
    } else {
        Some(config.base_url.join(value))
    }
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
        .then(|| absolutize(&rendered.body(), &url, base_url));
    Prepared {
        summary_xml: escape_xml(&summary_html, false),
        content_xml: content_html.as_deref().map(|html| escape_xml(html, false)),
        content_json: json_string(&clean(content_html.as_deref().unwrap_or(&summary_html))),
        summary_content_json: content_html
            .is_some()
            .then(|| json_string(&clean(&summary_html))),
        summary_json: Some(clean(&rendered.summary_text))
            .filter(|summary| !summary.is_empty())
            .map(|summary| json_string(&summary)),
        summary_html,
        url,
        id: entry.article.id.clone(),
        image: Image::of(entry),
    }
}

/// `text` as a JSON string literal, escaped once for every feed the entry is in.
fn json_string(text: &str) -> Box<RawValue> {
    // Serialized straight into a RawValue: `RawValue::from_string` would parse it again.
    serde_json::value::to_raw_value(text).expect("a string always serializes")
}

/// One entry of one feed.
struct Item<'a> {
    entry: &'a Entry,
    prepared: &'a Prepared,
    /// Whether it carries the whole article (when the feed does), or only its summary.
    full: bool,
}

impl Item<'_> {
    /// The whole article escaped for XML, when this entry carries it.
    fn content_xml(&self) -> Option<&String> {
        self.prepared.content_xml.as_ref().filter(|_| self.full)
    }

    /// JSON Feed's `content_html`: the whole article, or the summary.
    fn content_json(&self) -> &RawValue {
        match (&self.prepared.summary_content_json, self.full) {
            (Some(summary), false) => summary,
            _ => &self.prepared.content_json,
        }
    }

    /// About how many bytes the whole article adds to the entry in `format`, over its summary.
    fn full_extra(&self, format: FeedFormat) -> usize {
        match format {
            FeedFormat::Atom | FeedFormat::Rss => self
                .prepared
                .content_xml
                .as_ref()
                .map_or(0, |c| c.len() + 64),
            FeedFormat::Json => {
                let summary = self.prepared.summary_content_json.as_ref();
                summary.map_or(0, |s| {
                    self.prepared
                        .content_json
                        .get()
                        .len()
                        .saturating_sub(s.get().len())
                })
            }
        }
    }
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
        .map(|(entry, prepared)| Item {
            entry,
            prepared,
            full: feed.full,
        })
        .collect()
}

/// About how many bytes an XML feed of `items` takes, so its text is allocated once.
fn xml_size(items: &[Item<'_>]) -> usize {
    let per_item =
        |item: &Item<'_>| 1024 + item.summary_xml.len() + item.content_xml().map_or(0, String::len);
    1024 + items.iter().map(per_item).sum::<usize>()
}

// ---------------------------------------------------------------------------------------------
// Atom 1.0 (RFC 4287)

fn atom(feed: &Feed<'_>, items: &[Item<'_>]) -> String {
    let mut xml = XmlWriter::with_capacity(xml_size(items));
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
    if let Some(icon) = config_image(feed.config, feed.config.feeds.icon.as_ref()) {
        xml.element("icon", &[], &icon);
    }
    if let Some(logo) = config_image(feed.config, feed.config.feeds.logo.as_ref()) {
        xml.element("logo", &[], &logo);
    }
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
    // The URL comes from the file name or slug, so editing the title or tags keeps the id; a
    // pinned `id:` keeps it across a slug change too.
    xml.element("id", &[], item.id.as_deref().unwrap_or(&item.url));
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
    if let Some(image) = &item.image {
        atom_enclosure(xml, image);
    }
    xml.element("published", &[], &article.date.rfc3339());
    xml.element("updated", &[], &item.entry.article.last_change().rfc3339());
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
    if let Some(content) = item.content_xml() {
        xml.escaped_element("content", &[("type", "html")], content);
    }
    xml.end("entry");
}

/// `<link rel="enclosure">`; its `length` is optional in Atom, so left out when unknown.
pub(crate) fn atom_enclosure(xml: &mut XmlWriter, image: &Image) {
    let length = image.length.map(|l| l.to_string());
    let mut attributes = vec![
        ("rel", "enclosure"),
        ("type", image.mime),
        ("href", image.url.as_str()),
    ];
    if let Some(length) = &length {
        attributes.push(("length", length));
    }
    xml.empty("link", &attributes);
}

// ---------------------------------------------------------------------------------------------
// RSS 2.0

fn rss(feed: &Feed<'_>, items: &[Item<'_>]) -> String {
    let mut xml = XmlWriter::with_capacity(xml_size(items));
    xml.start(
        "rss",
        &[
            ("version", "2.0"),
            ("xmlns:atom", "http://www.w3.org/2005/Atom"),
            ("xmlns:content", "http://purl.org/rss/1.0/modules/content/"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:media", "http://search.yahoo.com/mrss/"),
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
    rss_channel_image(&mut xml, feed.config, &feed.title, &feed.home_url);
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
    match &item.id {
        Some(id) => xml.element("guid", &[("isPermaLink", "false")], id),
        None => xml.element("guid", &[("isPermaLink", "true")], &item.url),
    }
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
    if let Some(content) = item.content_xml() {
        xml.escaped_element("content:encoded", &[], content);
    }
    if let Some(image) = &item.image {
        rss_enclosure(xml, image);
    }
    xml.end("item");
}

/// The channel's `<image>` from `feeds.logo` (else `feeds.icon`).
pub(crate) fn rss_channel_image(xml: &mut XmlWriter, config: &Config, title: &str, link: &str) {
    let logo = config.feeds.logo.as_ref().or(config.feeds.icon.as_ref());
    if let Some(url) = config_image(config, logo) {
        xml.start("image", &[]);
        xml.element("url", &[], &url);
        xml.element("title", &[], title);
        xml.element("link", &[], link);
        xml.end("image");
    }
}

/// `<enclosure>` and `<media:content>`. RSS 2.0 requires `length`; for an image on another site
/// it is unknown, and the RSS Advisory Board's profile says to write 0 then.
pub(crate) fn rss_enclosure(xml: &mut XmlWriter, image: &Image) {
    let length = image.length.unwrap_or(0).to_string();
    xml.empty(
        "enclosure",
        &[
            ("url", &image.url),
            ("length", &length),
            ("type", image.mime),
        ],
    );
    let mut media = vec![
        ("url", image.url.as_str()),
        ("medium", "image"),
        ("type", image.mime),
    ];
    if image.length.is_some() {
        media.push(("fileSize", &length));
    }
    xml.empty("media:content", &media);
}

// ---------------------------------------------------------------------------------------------
// JSON Feed 1.1

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: Cow<'a, str>,
    home_page_url: &'a str,
    feed_url: String,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: Cow<'a, str>,
    language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    icon: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    favicon: Option<String>,
    authors: Vec<JsonAuthor<'a>>,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonAuthor<'a> {
    name: Cow<'a, str>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_url: Option<&'a str>,
    title: Cow<'a, str>,
    content_html: &'a RawValue,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a RawValue>,
    date_published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<JsonAuthor<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
}

fn json_feed<'a>(feed: &'a Feed<'_>, items: &'a [Item<'_>]) -> Vec<u8> {
    let document = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: clean(&feed.title),
        home_page_url: &feed.home_url,
        feed_url: feed.url(FeedFormat::Json),
        description: clean(&feed.description),
        language: &feed.config.language,
        icon: json_icon(feed.config),
        favicon: config_image(feed.config, feed.config.feeds.icon.as_ref()),
        authors: vec![JsonAuthor {
            name: clean(feed.author()),
        }],
        items: items.iter().map(json_item).collect(),
    };
    // Allocated once: grown from empty, the text of a 200 KB feed was copied a dozen times,
    // each time into memory touched for the first time.
    let per_item = |item: &Item<'_>| {
        let summary = item
            .summary_json
            .as_ref()
            .map_or(0, |summary| summary.get().len());
        1024 + item.content_json().get().len() + summary
    };
    let mut text = Vec::with_capacity(1024 + items.iter().map(per_item).sum::<usize>());
    // Plain structs of strings always serialize. Compact: feed readers parse it, and the
    // indentation of a pretty one was a tenth of every tag feed.
    let _ = serde_json::to_writer(&mut text, &document);
    text.push(b'\n');
    text
}

/// JSON Feed's `icon` (a large square image): `feeds.icon`, else `feeds.logo`.
pub(crate) fn json_icon(config: &Config) -> Option<String> {
    let icon = config.feeds.icon.as_ref().or(config.feeds.logo.as_ref());
    config_image(config, icon)
}

fn json_item<'a>(item: &'a Item<'_>) -> JsonItem<'a> {
    let article = &item.entry.article;
    // JSON Feed requires content; a summary-only entry offers the summary as the content, and
    // then has no `summary` besides (the same text again). `date_modified` is there when the
    // article was updated: readers take `date_published` for it otherwise.
    JsonItem {
        id: item.id.as_deref().unwrap_or(&item.url),
        url: &item.url,
        external_url: article.source.as_deref(),
        title: clean(&article.title),
        content_html: item.content_json(),
        summary: item.summary_json.as_deref().filter(|_| item.full),
        date_published: article.date.rfc3339(),
        date_modified: article
            .updated
            .as_ref()
            .map(|_| article.last_change().rfc3339()),
        authors: article
            .authors
            .iter()
            .map(|name| JsonAuthor { name: clean(name) })
            .collect(),
        tags: article.tags.iter().map(|tag| clean(tag)).collect(),
        image: item.entry.rendered.image.as_deref(),
    }
}

#[cfg(test)]
pub(crate) mod tests;
