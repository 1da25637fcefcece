//! The edition feeds (`editions/atom.xml`, `rss.xml`, `feed.json`): one entry per edition,
//! holding the whole edition, the entry an RSS-to-email service turns into one email.
//!
//! Input: the site and its newest editions, newest first. Output: the feed's bytes. The entry id
//! is the edition page's URL, so it never changes once the edition exists. Entry HTML has
//! absolute URLs and no embeds, scripts or forms (`embeds`), since it is made to be mailed.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

use serde::Serialize;
use serde_json::value::RawValue;

use super::super::absolutize::absolutize;
use super::super::embeds::degrade_embeds;
use super::super::xml::{XmlWriter, clean};
use super::{
    FeedFormat, GENERATOR, Image, atom_enclosure, config_image, feed_url, json_icon,
    rss_channel_image, rss_enclosure,
};
use crate::config::Config;
use crate::date::Date;
use crate::markdown::escape_html;
use crate::site::editions::Edition;
use crate::site::{Entry, Site};

/// What an edition feed is made of besides its editions: the site, the config of the feed's
/// language, its folder and its words in that language.
pub struct EditionFeed<'a> {
    /// The site (its entries).
    pub site: &'a Site,
    /// The config as the feed's language sees it (title, description, `language`).
    pub config: &'a Config,
    /// The feed's folder: `editions/`, `uk/editions/`.
    pub folder: String,
    /// The feed's title: `Digest — Editions`.
    pub title: String,
    /// The RSS channel description.
    pub description: String,
    /// The heading of the articles no section took.
    pub more: String,
    /// The link under a summary.
    pub read_on_site: String,
    /// The entries the last build made, to take those whose edition did not change.
    pub known: &'a ItemCache,
}

/// One edition as a feed entry.
#[derive(Debug)]
pub struct EditionItem {
    url: String,
    title: String,
    /// The newest article's date: when the edition was last added to.
    published: Date,
    /// The newest change of any of its articles.
    updated: Date,
    /// The preheader, else the headlines.
    summary: String,
    html: String,
    image: Option<Image>,
    /// The entry as each format writes it, made the first time a feed needs it. The item is
    /// kept across updates while its edition shows the same, so `watch` escapes an unchanged
    /// edition's megabytes once, not in every update.
    atom: OnceLock<String>,
    rss: OnceLock<String>,
    json: OnceLock<Box<RawValue>>,
    /// The length of `html` without the characters XML refuses, once asked.
    clean_len: OnceLock<usize>,
}

impl EditionItem {
    /// The `<entry>`, made once.
    fn atom(&self) -> &str {
        self.atom.get_or_init(|| atom_entry(self))
    }

    /// The `<item>`, made once.
    fn rss(&self) -> &str {
        self.rss.get_or_init(|| rss_item(self))
    }

    /// The JSON Feed item, made once.
    fn json(&self) -> &RawValue {
        self.json.get_or_init(|| {
            // Plain structs of strings always serialize.
            serde_json::value::to_raw_value(&json_item(self)).expect("a JSON item serializes")
        })
    }

    /// How long `html` is in every format before escaping, which never shortens it.
    fn clean_len(&self) -> usize {
        *self.clean_len.get_or_init(|| clean(&self.html).len())
    }
}

/// Each edition's entry, whole and summarised, made once for the three formats: the edition
/// feed holds every article of the newest editions, the costliest list an update renders again.
#[derive(Default)]
pub struct Items {
    /// `None` when the editions' text alone passes `feeds.max_bytes`.
    full: OnceLock<Option<Vec<Arc<EditionItem>>>>,
    summaries: OnceLock<Vec<Arc<EditionItem>>>,
    /// The entries made here rather than taken from [`ItemCache`], for it to learn.
    made: Mutex<Vec<FreshItem>>,
}

impl Items {
    /// The entries these feeds had to make, for the cache to keep.
    pub fn take_made(&self) -> Vec<FreshItem> {
        std::mem::take(&mut *self.made.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// An edition entry's place in the cache: the edition's folder, and whether whole.
pub type ItemKey = (String, bool);

/// An entry made by a render: its place, fingerprint and value.
pub type FreshItem = (ItemKey, u64, Arc<EditionItem>);

/// Edition entries kept between builds, each with a fingerprint of what it shows: an edit to
/// one article changes one edition, and the feed's other editions (every article in them,
/// absolutized and cleaned for mail) need not be made again.
#[derive(Debug, Default)]
pub struct ItemCache(HashMap<ItemKey, (u64, Arc<EditionItem>)>);

impl ItemCache {
    /// Remembers entries a render had to make.
    pub fn learn(&mut self, made: Vec<FreshItem>) {
        for (key, fingerprint, item) in made {
            self.0.insert(key, (fingerprint, item));
        }
    }

    /// Forgets the entries of editions `site` no longer has.
    pub fn retain(&mut self, site: &Site) {
        let folders: std::collections::HashSet<String> = (0..=site.config.languages.len())
            .flat_map(|lang| site.editions_in(lang).iter().map(Edition::folder))
            .collect();
        self.0.retain(|(folder, _), _| folders.contains(folder));
    }
}

/// Renders the edition feed in `format`, in at most `feeds.max_bytes`, as the article feeds do:
/// past it, editions carry their articles' summaries, and if even that is too much, the oldest
/// editions are left out; the newest one always stays.
pub fn render(
    feed: &EditionFeed<'_>,
    editions: &[&Edition],
    format: FeedFormat,
    items: &Items,
) -> Vec<u8> {
    let max = feed.config.feeds.max_bytes;
    if feed.config.feeds.full_content {
        let whole = items
            .full
            .get_or_init(|| whole_items(feed, editions, max, items));
        if let Some(whole) = whole {
            let bytes = write(feed, whole, format);
            if bytes.len() <= max {
                return bytes;
            }
        }
    }
    // Leaving out the oldest editions only shortens the list of summaries.
    let summaries = items.summaries.get_or_init(|| {
        editions
            .iter()
            .map(|e| known_item(feed, e, false, items))
            .collect()
    });
    let mut bytes = write(feed, summaries, format);
    let mut keep = summaries.len();
    while bytes.len() > max && keep > 1 {
        // A guess from the average entry, and at least one fewer each time.
        keep = (keep * max / bytes.len()).clamp(1, keep - 1);
        bytes = write(feed, &summaries[..keep], format);
    }
    bytes
}

/// Each edition whole, or `None` as soon as their text alone passes `max`: every format holds
/// that text, escaped (which never shortens it), so such a feed cannot fit and the editions
/// after it need not be made (the full text of twenty editions was most of an update's time).
fn whole_items(
    feed: &EditionFeed<'_>,
    editions: &[&Edition],
    max: usize,
    items: &Items,
) -> Option<Vec<Arc<EditionItem>>> {
    let mut text = 0;
    editions
        .iter()
        .map(|edition| {
            let whole = known_item(feed, edition, true, items);
            text += whole.clean_len();
            (text <= max).then_some(whole)
        })
        .collect()
}

/// The entry of `edition` from the cache when nothing it shows changed, else made (and noted in
/// `items` for the cache).
fn known_item(
    feed: &EditionFeed<'_>,
    edition: &Edition,
    full: bool,
    items: &Items,
) -> Arc<EditionItem> {
    let mut hasher = crate::content::fingerprint_hasher();
    (edition.fingerprint(), full, &feed.more, &feed.read_on_site).hash(&mut hasher);
    feed.config.base_url.as_str().hash(&mut hasher);
    for &index in &edition.entries {
        feed.site.entries[index].fingerprint.hash(&mut hasher);
    }
    let fingerprint = hasher.finish();
    let key = (edition.folder(), full);
    match feed.known.0.get(&key) {
        Some((known, item)) if *known == fingerprint => item.clone(),
        _ => {
            let made = Arc::new(item(feed, edition, full));
            let mut fresh = items.made.lock().unwrap_or_else(|e| e.into_inner());
            fresh.push((key, fingerprint, made.clone()));
            made
        }
    }
}

fn write(feed: &EditionFeed<'_>, items: &[Arc<EditionItem>], format: FeedFormat) -> Vec<u8> {
    match format {
        FeedFormat::Atom => atom(feed, items).into_bytes(),
        FeedFormat::Rss => rss(feed, items).into_bytes(),
        FeedFormat::Json => json(feed, items),
    }
}

fn item(feed: &EditionFeed<'_>, edition: &Edition, full: bool) -> EditionItem {
    let entries = |indexes: &[usize]| -> Vec<&Entry> {
        indexes.iter().map(|&i| &*feed.site.entries[i]).collect()
    };
    let all = entries(&edition.entries);
    let newest = |date: fn(&Entry) -> &Date| {
        all.iter()
            .map(|e| date(e))
            .max_by_key(|d| d.unix_seconds())
            .cloned()
            .or_else(|| Date::from_unix(0))
            .expect("the Unix epoch is a valid date")
    };
    let headlines: Vec<&str> = all.iter().map(|e| e.article.title.as_str()).collect();
    let summary = edition
        .intro
        .as_ref()
        .and_then(|i| i.intro.preheader.clone())
        .unwrap_or_else(|| headlines.join(" · "));
    let image = edition
        .sections
        .iter()
        .flat_map(|s| &s.entries)
        .find_map(|&i| Image::of(&feed.site.entries[i]));
    EditionItem {
        url: feed.config.base_url.join(&edition.folder()),
        title: edition.title.clone(),
        published: newest(|e| &e.article.date),
        updated: newest(|e| e.article.last_change()),
        summary,
        html: edition_html(feed, edition, full),
        image,
        atom: OnceLock::new(),
        rss: OnceLock::new(),
        json: OnceLock::new(),
        clean_len: OnceLock::new(),
    }
}

/// The whole edition as HTML: the intro, then each section's articles with their lead image
/// and body (or, unless `full`, summary with a link to read on).
fn edition_html(feed: &EditionFeed<'_>, edition: &Edition, full: bool) -> String {
    let config = &feed.config;
    let edition_url = config.base_url.join(&edition.folder());
    let mut html = String::new();
    if let Some(intro) = &edition.intro {
        let intro = absolutize(&intro.rendered.html, &edition_url, &config.base_url);
        html.push_str(&degrade_embeds(&intro));
    }
    let named = edition.sections.iter().any(|s| s.name.is_some());
    for section in &edition.sections {
        match &section.name {
            Some(name) => html.push_str(&format!("<h2>{}</h2>\n", escape_html(name))),
            None if named => html.push_str(&format!("<h2>{}</h2>\n", escape_html(&feed.more))),
            None => {}
        }
        for &index in &section.entries {
            article_html(feed, &feed.site.entries[index], full, &mut html);
        }
    }
    html
}

fn article_html(feed: &EditionFeed<'_>, entry: &Entry, full: bool, html: &mut String) {
    let config = &feed.config;
    let article = &entry.article;
    let url = config.base_url.join(&article.url_path);
    let title = escape_html(&article.title);
    html.push_str(&format!(
        "<h3><a href=\"{}\">{title}</a></h3>\n",
        escape_html(&url)
    ));
    if let Some(image) = &entry.rendered.image {
        html.push_str(&format!(
            "<p><img src=\"{}\" alt=\"{title}\"></p>\n",
            escape_html(image)
        ));
    }
    let body = if full {
        entry.rendered.body()
    } else {
        entry.rendered.summary_html.clone()
    };
    html.push_str(&degrade_embeds(&absolutize(&body, &url, &config.base_url)));
    if !full {
        html.push_str(&format!(
            "<p><a href=\"{}\">{}</a></p>\n",
            escape_html(&url),
            escape_html(&feed.read_on_site)
        ));
    }
}

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
fn xml_size(items: &[Arc<EditionItem>], entry: fn(&EditionItem) -> &str) -> usize {
    4096 + items.iter().map(|item| entry(item).len()).sum::<usize>()
}

fn atom(feed: &EditionFeed<'_>, items: &[Arc<EditionItem>]) -> String {
    let config = &feed.config;
    let home = config.base_url.join(&feed.folder);
    let mut xml = XmlWriter::with_capacity(xml_size(items, EditionItem::atom));
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
    for item in items {
        xml.raw(item.atom());
    }
    xml.end("feed");
    xml.finish()
}

fn rss(feed: &EditionFeed<'_>, items: &[Arc<EditionItem>]) -> String {
    let config = &feed.config;
    let home = config.base_url.join(&feed.folder);
    let title = feed.title.clone();
    let mut xml = XmlWriter::with_capacity(xml_size(items, EditionItem::rss));
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
    for item in items {
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
fn atom_entry(item: &EditionItem) -> String {
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
fn rss_item(item: &EditionItem) -> String {
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
struct JsonItem<'a> {
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

fn json(feed: &EditionFeed<'_>, items: &[Arc<EditionItem>]) -> Vec<u8> {
    let config = &feed.config;
    let document = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: clean(&feed.title).into_owned(),
        home_page_url: config.base_url.join(&feed.folder),
        feed_url: feed_url(config, &feed.folder, FeedFormat::Json),
        language: &config.language,
        icon: json_icon(config),
        favicon: config_image(config, config.feeds.icon.as_ref()),
        items: items.iter().map(|item| item.json()).collect(),
    };
    let size = items.iter().map(|item| item.json().get().len() + 1);
    let mut text = Vec::with_capacity(1024 + size.sum::<usize>());
    // Plain structs of strings always serialize.
    let _ = serde_json::to_writer(&mut text, &document);
    text.push(b'\n');
    text
}

fn json_item(item: &EditionItem) -> JsonItem<'_> {
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

#[cfg(test)]
mod tests;
