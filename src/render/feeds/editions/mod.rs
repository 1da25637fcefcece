//! The edition feeds (`editions/atom.xml`, `rss.xml`, `feed.json`): one entry per edition,
//! holding the whole edition, the entry an RSS-to-email service turns into one email.
//!
//! Input: the site and its newest editions, newest first. Output: the feed's bytes. The entry id
//! is the edition page's URL, so it never changes once the edition exists. Entry HTML has
//! absolute URLs and no embeds, scripts or forms (`embeds`), since it is made to be mailed.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::value::RawValue;

use super::super::absolutize::absolutize;
use super::super::embeds::degrade_embeds;
use super::super::xml::clean;
use super::{FeedFormat, Image};
use crate::config::Config;
use crate::date::Date;
use crate::markdown::escape_html;
use crate::site::editions::Edition;
use crate::site::{Entry, Site};
use formats::{atom, atom_entry, json, json_item, rss, rss_item};

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
    /// Where each article's HTML lies in `html`, by the article's fingerprint: the edition's
    /// next version copies the articles that did not change rather than make them again (the
    /// newest edition holds every body of a day, and an edit to one article remade them all).
    parts: Vec<(u64, Range<usize>)>,
    /// A hash of what an article's HTML shows besides the article (the base URL, the words of
    /// the link to read on): parts are copied only between items that agree on it.
    made_with: u64,
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

    /// The entry in `format`, made once.
    fn text(&self, format: FeedFormat) -> &str {
        match format {
            FeedFormat::Atom => self.atom(),
            FeedFormat::Rss => self.rss(),
            FeedFormat::Json => self.json().get(),
        }
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
        if let Some(whole) = whole
            && size(feed, whole, format) <= max
        {
            return write(feed, whole, format);
        }
    }
    // Leaving out the oldest editions only shortens the list of summaries.
    let summaries = items.summaries.get_or_init(|| {
        editions
            .iter()
            .map(|e| known_item(feed, e, false, items))
            .collect()
    });
    let mut length = size(feed, summaries, format);
    let mut keep = summaries.len();
    while length > max && keep > 1 {
        // A guess from the average entry, and at least one fewer each time.
        keep = (keep * max / length).clamp(1, keep - 1);
        length = size(feed, &summaries[..keep], format);
    }
    write(feed, &summaries[..keep], format)
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
        last => {
            let made = Arc::new(item(feed, edition, full, last.map(|(_, item)| &**item)));
            let mut fresh = items.made.lock().unwrap_or_else(|e| e.into_inner());
            fresh.push((key, fingerprint, made.clone()));
            made
        }
    }
}

fn write(feed: &EditionFeed<'_>, items: &[Arc<EditionItem>], format: FeedFormat) -> Vec<u8> {
    let bytes = document(feed, items, format, true);
    debug_assert_eq!(bytes.len(), size(feed, items, format));
    bytes
}

/// How many bytes [`write`] makes of `items`: the feed's own fields, written without the
/// entries, and each entry's finished text. Finding how many editions fit in `max_bytes` then
/// copies no megabytes of entries into documents only to measure them.
fn size(feed: &EditionFeed<'_>, items: &[Arc<EditionItem>], format: FeedFormat) -> usize {
    let frame = document(feed, items, format, false).len();
    let entries: usize = items.iter().map(|item| item.text(format).len()).sum();
    // JSON puts a comma between items; XML entries end with their own line break.
    let commas = match format {
        FeedFormat::Json => items.len().saturating_sub(1),
        FeedFormat::Atom | FeedFormat::Rss => 0,
    };
    frame + entries + commas
}

/// The feed of `items` in `format`; without their entries unless `entries` (to measure it).
fn document(
    feed: &EditionFeed<'_>,
    items: &[Arc<EditionItem>],
    format: FeedFormat,
    entries: bool,
) -> Vec<u8> {
    match format {
        FeedFormat::Atom => atom(feed, items, entries).into_bytes(),
        FeedFormat::Rss => rss(feed, items, entries).into_bytes(),
        FeedFormat::Json => json(feed, items, entries),
    }
}

/// The entry of `edition`, copying from `last` (its previous version) the HTML of articles that
/// did not change.
fn item(
    feed: &EditionFeed<'_>,
    edition: &Edition,
    full: bool,
    last: Option<&EditionItem>,
) -> EditionItem {
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
    let made_with = {
        let mut hasher = crate::content::fingerprint_hasher();
        (feed.config.base_url.as_str(), &feed.read_on_site).hash(&mut hasher);
        hasher.finish()
    };
    let last = last.filter(|last| last.made_with == made_with);
    let (html, parts) = edition_html(feed, edition, full, last);
    EditionItem {
        url: feed.config.base_url.join(&edition.folder()),
        title: edition.title.clone(),
        published: newest(|e| &e.article.date),
        updated: newest(|e| e.article.last_change()),
        summary,
        html,
        parts,
        made_with,
        image,
        atom: OnceLock::new(),
        rss: OnceLock::new(),
        json: OnceLock::new(),
        clean_len: OnceLock::new(),
    }
}

/// The whole edition as HTML: the intro, then each section's articles with their lead image
/// and body (or, unless `full`, summary with a link to read on); and where each article's HTML
/// lies in it. An article `last` holds unchanged is copied from there.
fn edition_html(
    feed: &EditionFeed<'_>,
    edition: &Edition,
    full: bool,
    last: Option<&EditionItem>,
) -> (String, Vec<(u64, Range<usize>)>) {
    let known: HashMap<u64, &str> = last
        .iter()
        .flat_map(|last| {
            last.parts
                .iter()
                .map(|(key, at)| (*key, &last.html[at.clone()]))
        })
        .collect();
    let mut parts = Vec::with_capacity(edition.entries.len());
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
            let entry = &feed.site.entries[index];
            let start = html.len();
            match known.get(&entry.fingerprint) {
                Some(made) => html.push_str(made),
                None => article_html(feed, entry, full, &mut html),
            }
            parts.push((entry.fingerprint, start..html.len()));
        }
    }
    (html, parts)
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

mod formats;

#[cfg(test)]
mod tests;
