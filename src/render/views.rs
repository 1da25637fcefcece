//! View models: what templates see, built once per article and shared by every page that shows it.
//!
//! Input: the [`Site`]. Output: Tera values for each article (`article.*` in templates), each tag
//! and the global `site`, following `docs/theme-context.md`. Tera values are reference-counted,
//! so an article's value is built once and costs a pointer copy on every list page and feed.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

use crate::config::Config;
use crate::date::Date;
use crate::site::{Entry, Site, Tag};

/// A date in every format a theme needs.
#[derive(Debug, Serialize)]
pub struct DateView {
    iso: String,
    date: String,
    human: String,
    time: String,
    zone: String,
    day_label: String,
}

impl From<&Date> for DateView {
    fn from(date: &Date) -> Self {
        DateView {
            iso: date.rfc3339(),
            date: date.iso_date(),
            human: date.human(),
            time: date.time(),
            zone: date.zone(),
            day_label: date.day_label(),
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
    date: DateView,
    updated: Option<DateView>,
    authors: &'a [String],
    byline: String,
    tags: Vec<TagLink>,
    summary: &'a str,
    summary_html: &'a str,
    dek: Option<&'a str>,
    content: &'a str,
    word_count: usize,
    reading_time: usize,
    source: Option<&'a str>,
    image: Option<&'a str>,
    extra: &'a serde_json::Value,
}

/// The template value of one article.
pub fn article_value(entry: &Entry, site: &Site) -> Value {
    let config = &site.config;
    let article = &entry.article;
    let rendered = &entry.rendered;
    let view = ArticleView {
        title: &article.title,
        url: config.base_url.join(&article.url_path),
        slug: &article.slug,
        date: DateView::from(&article.date),
        updated: article.updated.as_ref().map(DateView::from),
        authors: &article.authors,
        byline: byline(&article.authors),
        tags: article
            .tags
            .iter()
            .zip(&article.tag_slugs)
            .map(|(name, slug)| {
                // Show the site's spelling of the tag, so one tag reads the same everywhere.
                let name = site
                    .tag(slug)
                    .map_or(name.as_str(), |tag| tag.name.as_str());
                tag_link(name, slug, config)
            })
            .collect(),
        summary: &rendered.summary_text,
        summary_html: &rendered.summary_html,
        dek: article.summary.as_deref(),
        content: &rendered.html,
        word_count: rendered.word_count,
        reading_time: rendered.reading_time,
        source: article.source.as_deref(),
        image: rendered.image.as_deref(),
        extra: &article.extra,
    };
    Value::from_serializable(&view)
}

/// Article values kept between builds, so `watch` rebuilds only those of changed articles.
#[derive(Debug, Default)]
pub struct ViewCache {
    values: HashMap<PathBuf, (u64, Value)>,
}

impl ViewCache {
    /// The values of every entry of `site`, reusing those whose article and tag names did not
    /// change; forgets articles that left the site.
    pub fn article_values(&mut self, site: &Site) -> Vec<Value> {
        let keys: Vec<u64> = site
            .entries
            .iter()
            .map(|entry| view_key(entry, site))
            .collect();
        let values: Vec<Value> = site
            .entries
            .par_iter()
            .zip(&keys)
            .map(|(entry, key)| match self.values.get(&entry.article.path) {
                Some((cached, value)) if cached == key => value.clone(),
                _ => article_value(entry, site),
            })
            .collect();
        self.values = site
            .entries
            .iter()
            .zip(keys)
            .zip(&values)
            .map(|((entry, key), value)| (entry.article.path.clone(), (key, value.clone())))
            .collect();
        values
    }
}

/// Changes when anything an article's value shows changes: the article, or how the site spells
/// its tags.
fn view_key(entry: &Entry, site: &Site) -> u64 {
    let mut hasher = DefaultHasher::new();
    entry.fingerprint.hash(&mut hasher);
    for slug in &entry.article.tag_slugs {
        site.tag(slug).map(|tag| &tag.name).hash(&mut hasher);
    }
    hasher.finish()
}

/// "Ann", "Ann and Bo", "Ann, Bo and Cy".
pub fn byline(authors: &[String]) -> String {
    match authors {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn tag_link(name: &str, slug: &str, config: &Config) -> TagLink {
    TagLink {
        name: name.to_string(),
        slug: slug.to_string(),
        url: config.base_url.join(&format!("tags/{slug}/")),
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
    let link = tag_link(&tag.name, &tag.slug, config);
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
            atom: config.base_url.join(&format!("{folder}atom.xml")),
            rss: config.base_url.join(&format!("{folder}rss.xml")),
            json: config.base_url.join(&format!("{folder}feed.json")),
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
    home_url: String,
    tags_url: String,
    feeds: FeedLinks,
    generator: String,
}

/// The global `site` value.
pub fn site_value(site: &Site) -> Value {
    let config = &site.config;
    Value::from_serializable(&SiteView {
        title: &config.title,
        description: &config.description,
        language: &config.language,
        base_url: config.base_url.as_str(),
        base_path: config.base_url.path(),
        author: &config.author,
        home_url: config.base_url.join(""),
        tags_url: config.base_url.join("tags/"),
        feeds: FeedLinks::new(config, ""),
        generator: format!("newsprint {}", env!("CARGO_PKG_VERSION")),
    })
}

/// schema.org `NewsArticle` JSON-LD for an article page, safe to put inside `<script>`.
pub fn json_ld(entry: &Entry, config: &Config) -> String {
    let article = &entry.article;
    let url = config.base_url.join(&article.url_path);
    let authors: Vec<_> = article
        .authors
        .iter()
        .map(|name| serde_json::json!({"@type": "Person", "name": name}))
        .collect();
    let mut data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article.date.rfc3339(),
        "dateModified": article.updated.as_ref().unwrap_or(&article.date).rfc3339(),
        "author": authors,
        "publisher": {"@type": "Organization", "name": config.title},
        "description": entry.rendered.summary_text,
        "keywords": article.tags,
        "inLanguage": config.language,
    });
    if let Some(image) = &entry.rendered.image {
        data["image"] = serde_json::json!([image]);
    }
    if let Some(source) = &article.source {
        data["isBasedOn"] = serde_json::json!(source);
    }
    let json = serde_json::to_string(&data).unwrap_or_default();
    format!(
        "<script type=\"application/ld+json\">{}</script>",
        escape_script_json(&json)
    )
}

/// Makes JSON safe inside `<script>`: no `</script>`, `<!--` or line separators can break out.
pub fn escape_script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_read_naturally() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(byline(&names(&[])), "");
        assert_eq!(byline(&names(&["Ann"])), "Ann");
        assert_eq!(byline(&names(&["Ann", "Bo"])), "Ann and Bo");
        assert_eq!(byline(&names(&["Ann", "Bo", "Cy"])), "Ann, Bo and Cy");
    }

    #[test]
    fn script_json_cannot_break_out() {
        let escaped = escape_script_json(r#"{"headline":"</script><script>alert(1)</script>"}"#);
        assert!(!escaped.contains("</script>"));
        assert!(!escaped.contains('<'));
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back["headline"], "</script><script>alert(1)</script>");
    }
}
