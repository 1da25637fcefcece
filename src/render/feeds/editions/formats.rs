//! The edition feeds written out: each format's document around the editions' entries, and
//! each entry, made once per edition and kept (see [`EditionItem`]).

use std::borrow::Cow;
use std::sync::Arc;

use serde::Serialize;
use serde_json::value::RawValue;

use super::super::super::xml::{XmlWriter, clean};
use super::super::{
    FeedFormat, GENERATOR, atom_enclosure, config_image, feed_url, json_icon, rss_channel_image,
    rss_enclosure,
};
use super::{EditionFeed, EditionItem};
use crate::date::Date;
use crate::markdown::escape_html;

fn feed_updated(items: &[Arc<EditionItem>]) -> Date {
    items
        .iter()
        .map(|i| &i.updated)
        .max_by_key(|d| d.unix_seconds())
        .cloned()
        .or_else(|| Date::from_unix(0))
        .expect("the Unix epoch is a valid date")
}

/// About how many bytes a feed of `items` takes when `entry` gives each one's text.
fn xml_size(items: &[Arc<EditionItem>], entries: bool, entry: fn(&EditionItem) -> &str) -> usize {
    let room = if entries {
        items.iter().map(|item| entry(item).len()).sum()
    } else {
        0
    };
    4096 + room
}

pub(super) fn atom(feed: &EditionFeed<'_>, items: &[Arc<EditionItem>], entries: bool) -> String {
    let config = &feed.config;
    let home = config.base_url.join(&feed.folder);
    let mut xml = XmlWriter::with_capacity(xml_size(items, entries, EditionItem::atom));
    xml.start(
        "feed",
        &[
            ("xmlns", "http://www.w3.org/2005/Atom"),
            ("xml:lang", &config.language),
        ],
    );
    xml.element("title", &[("type", "text")], &feed.title);
    if !config.description.trim().is_empty() {
        xml.element("subtitle", &[("type", "text")], &config.description);
    }
    xml.element("id", &[], &home);
    let own = feed_url(config, &feed.folder, FeedFormat::Atom);
    xml.empty(
        "link",
        &[
            ("rel", "self"),
            ("type", "application/atom+xml"),
            ("href", &own),
        ],
    );
    xml.empty(
        "link",
        &[("rel", "alternate"), ("type", "text/html"), ("href", &home)],
    );
    xml.element("updated", &[], &feed_updated(items).rfc3339());
    xml.start("author", &[]);
    let author = if config.author.trim().is_empty() {
        &config.title
    } else {
        &config.author
    };
    xml.element("name", &[], author);
    xml.end("author");
    xml.element(
        "generator",
        &[("version", env!("CARGO_PKG_VERSION"))],
        GENERATOR,
    );
    if let Some(icon) = config_image(config, config.feeds.icon.as_ref()) {
        xml.element("icon", &[], &icon);
    }
    if let Some(logo) = config_image(config, config.feeds.logo.as_ref()) {
        xml.element("logo", &[], &logo);
    }
    for item in items.iter().filter(|_| entries) {
        xml.raw(item.atom());
    }
    xml.end("feed");
    xml.finish()
}

pub(super) fn rss(feed: &EditionFeed<'_>, items: &[Arc<EditionItem>], entries: bool) -> String {
    let config = &feed.config;
    let home = config.base_url.join(&feed.folder);
    let title = feed.title.clone();
    let mut xml = XmlWriter::with_capacity(xml_size(items, entries, EditionItem::rss));
    xml.start(
        "rss",
        &[
            ("version", "2.0"),
            ("xmlns:atom", "http://www.w3.org/2005/Atom"),
            ("xmlns:content", "http://purl.org/rss/1.0/modules/content/"),
            ("xmlns:media", "http://search.yahoo.com/mrss/"),
        ],
    );
    xml.start("channel", &[]);
    xml.element("title", &[], &title);
    xml.element("link", &[], &home);
    xml.element("description", &[], &feed.description);
    xml.element("language", &[], &config.language);
    xml.element("lastBuildDate", &[], &feed_updated(items).rfc822());
    xml.element(
        "generator",
        &[],
        &format!("{GENERATOR} {}", env!("CARGO_PKG_VERSION")),
    );
    let own = feed_url(config, &feed.folder, FeedFormat::Rss);
    xml.empty(
        "atom:link",
        &[
            ("href", &own),
            ("rel", "self"),
            ("type", "application/rss+xml"),
        ],
    );
    rss_channel_image(&mut xml, config, &title, &home);
    for item in items.iter().filter(|_| entries) {
        xml.raw(item.rss());
    }
    xml.end("channel");
    xml.end("rss");
    xml.finish()
}

/// About how many bytes an edition's entry takes in XML, so its text is allocated once.
fn entry_size(item: &EditionItem) -> usize {
    1024 + item.summary.len() + item.html.len() + item.html.len() / 8
}

/// One edition's `<entry>`, indented as a child of `<feed>`.
pub(super) fn atom_entry(item: &EditionItem) -> String {
    let mut xml = XmlWriter::fragment(1, entry_size(item));
    xml.start("entry", &[]);
    xml.element("title", &[("type", "text")], &item.title);
    xml.element("id", &[], &item.url);
    xml.empty(
        "link",
        &[
            ("rel", "alternate"),
            ("type", "text/html"),
            ("href", &item.url),
        ],
    );
    if let Some(image) = &item.image {
        atom_enclosure(&mut xml, image);
    }
    xml.element("published", &[], &item.published.rfc3339());
    xml.element("updated", &[], &item.updated.rfc3339());
    xml.element("summary", &[("type", "text")], &item.summary);
    xml.element("content", &[("type", "html")], &item.html);
    xml.end("entry");
    xml.finish()
}

/// One edition's `<item>`, indented as a child of `<channel>`.
pub(super) fn rss_item(item: &EditionItem) -> String {
    let mut xml = XmlWriter::fragment(2, entry_size(item));
    xml.start("item", &[]);
    xml.element("title", &[], &item.title);
    xml.element("link", &[], &item.url);
    xml.element("guid", &[("isPermaLink", "true")], &item.url);
    xml.element("pubDate", &[], &item.published.rfc822());
    // RSS readers take `<description>` as HTML: the plain-text summary is escaped as HTML
    // first (then as XML), so a headline like `<script>` stays text.
    xml.element("description", &[], &escape_html(&item.summary));
    xml.element("content:encoded", &[], &item.html);
    if let Some(image) = &item.image {
        rss_enclosure(&mut xml, image);
    }
    xml.end("item");
    xml.finish()
}

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: String,
    home_page_url: String,
    feed_url: String,
    language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    icon: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    favicon: Option<String>,
    items: Vec<&'a RawValue>,
}

#[derive(Serialize)]
pub(super) struct JsonItem<'a> {
    id: &'a str,
    url: &'a str,
    title: Cow<'a, str>,
    content_html: Cow<'a, str>,
    summary: Cow<'a, str>,
    date_published: String,
    date_modified: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
}

pub(super) fn json(feed: &EditionFeed<'_>, items: &[Arc<EditionItem>], entries: bool) -> Vec<u8> {
    let config = &feed.config;
    let document = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: clean(&feed.title).into_owned(),
        home_page_url: config.base_url.join(&feed.folder),
        feed_url: feed_url(config, &feed.folder, FeedFormat::Json),
        language: &config.language,
        icon: json_icon(config),
        favicon: config_image(config, config.feeds.icon.as_ref()),
        items: match entries {
            true => items.iter().map(|item| item.json()).collect(),
            false => Vec::new(),
        },
    };
    let size = |item: &Arc<EditionItem>| item.json().get().len() + 1;
    let room = if entries {
        items.iter().map(size).sum()
    } else {
        0
    };
    let mut text = Vec::with_capacity(1024 + room);
    // Plain structs of strings always serialize.
    let _ = serde_json::to_writer(&mut text, &document);
    text.push(b'\n');
    text
}

pub(super) fn json_item(item: &EditionItem) -> JsonItem<'_> {
    JsonItem {
        id: &item.url,
        url: &item.url,
        title: clean(&item.title),
        content_html: clean(&item.html),
        summary: clean(&item.summary),
        date_published: item.published.rfc3339(),
        date_modified: item.updated.rfc3339(),
        image: item.image.as_ref().map(|i| i.url.as_str()),
    }
}
