//! The render stage: every output file of the site as a [`Page`], rendered independently.
//!
//! Input: the [`Site`] and the compiled [`Theme`]. Output: a plan (every page's output path and a
//! fingerprint of what it shows) and, page by page, its bytes. Pages share nothing mutable, so
//! they render in parallel; `watch` compares fingerprints to render only pages that changed.

pub(crate) mod absolutize;
mod aliases;
mod archive;
pub mod authors;
mod editions;
pub(crate) mod embeds;
pub mod feeds;
mod html;
pub mod languages;
pub mod links;
mod plan;
mod relative;
mod search;
mod shown;
pub mod sitemap;
mod sitemap_plan;
pub mod templates;
pub mod views;
mod xml;

use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// What a template sees: the values it is rendered with.
pub use tera::Context;
use tera::Value;

use crate::date::Date;
use crate::error::Result;
use crate::site::{Entry, Site, page_slice, tag_folder};
pub use aliases::Alias;
pub use feeds::FeedFormat;
pub use html::Html;
pub use languages::LanguagePage;
pub use plan::{NextPlan, Plan};
pub use templates::Theme;

/// What a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageKind {
    /// An article page: index into `site.entries`.
    Article(usize),
    /// Home page number N (1-based).
    Home(usize),
    /// `tags/index.html`.
    TagIndex,
    /// Page N of a tag (index into `site.tags`).
    Tag {
        /// Index into `site.tags`.
        tag: usize,
        /// 1-based page number.
        page: usize,
    },
    /// `404.html`.
    NotFound,
    /// A site feed.
    SiteFeed(FeedFormat),
    /// A tag's feed (index into `site.tags`).
    TagFeed(usize, FeedFormat),
    /// Page N (1-based) of `editions/index.html`, newest edition first.
    EditionIndex(usize),
    /// An edition's page (index into `site.editions`).
    Edition(usize),
    /// An edition feed: one entry per edition.
    EditionFeed(FeedFormat),
    /// `authors/index.html`.
    AuthorIndex,
    /// Page N of an author's articles.
    Author {
        /// Index into `site.authors`.
        author: usize,
        /// 1-based page number.
        page: usize,
    },
    /// An author's feed (index into `site.authors`).
    AuthorFeed(usize, FeedFormat),
    /// `archive/index.html`: every month.
    ArchiveIndex,
    /// A year's page (index into `site.archive.years`).
    ArchiveYear(usize),
    /// A month's page (year and month indexes in `site.archive`).
    ArchiveMonth(usize, usize),
    /// A day's page (year, month and day indexes in `site.archive`).
    ArchiveDay(usize, usize, usize),
    /// A redirect page at an old URL: an article's alias, or a legacy slug's URL.
    Alias(Alias),
    /// `search/index.html`.
    Search,
    /// `sitemap.xml` holding every URL.
    Sitemap,
    /// `sitemap.xml` as an index of `parts` sitemap files, for a site past the protocol's limits.
    SitemapIndex {
        /// How many `sitemap-N.xml` files there are.
        parts: usize,
    },
    /// `sitemap-N.xml`: the sitemap's URLs `start..end`, in plan order.
    SitemapPart {
        /// The first URL.
        start: usize,
        /// One past the last URL.
        end: usize,
    },
    /// `news-sitemap.xml`.
    NewsSitemap,
    /// A page of a language other than the default (index into `Config::language_codes`).
    Language {
        /// The language (1 and up).
        lang: usize,
        /// Which page.
        page: LanguagePage,
    },
    /// `robots.txt`.
    Robots,
    /// `.nojekyll`, so GitHub Pages serves the folder as is.
    NoJekyll,
    /// `CNAME` for a custom domain on GitHub Pages.
    Cname,
}

impl PageKind {
    /// What the page is, for errors about its path (`the Atom feed`).
    pub fn describe(self) -> &'static str {
        match self {
            PageKind::Article(_) => "article page",
            PageKind::Home(1) => "home page",
            PageKind::Home(_) => "home page's later pages",
            PageKind::TagIndex => "tag index",
            PageKind::Tag { .. } => "tag page",
            PageKind::NotFound => "404 page",
            PageKind::SiteFeed(FeedFormat::Atom) => "Atom feed",
            PageKind::SiteFeed(FeedFormat::Rss) => "RSS feed",
            PageKind::SiteFeed(FeedFormat::Json) => "JSON Feed",
            PageKind::TagFeed(..) => "tag feed",
            PageKind::EditionIndex(_) => "edition index",
            PageKind::Edition(_) => "edition page",
            PageKind::EditionFeed(_) => "edition feed",
            PageKind::Sitemap => "sitemap",
            PageKind::SitemapIndex { .. } => "sitemap index",
            PageKind::SitemapPart { .. } => "sitemap part",
            PageKind::NewsSitemap => "news sitemap",
            PageKind::Robots => "robots.txt",
            PageKind::NoJekyll => ".nojekyll for GitHub Pages",
            PageKind::Cname => "CNAME (from `cname:` in config.yaml)",
            PageKind::Language { page, .. } => page.describe(),
            PageKind::AuthorIndex => "author index",
            PageKind::Author { .. } => "author page",
            PageKind::AuthorFeed(..) => "author feed",
            PageKind::ArchiveIndex => "archive index",
            PageKind::ArchiveYear(_) => "year archive",
            PageKind::ArchiveMonth(..) => "month archive",
            PageKind::ArchiveDay(..) => "day archive",
            PageKind::Alias(Alias::Listed(..)) => "alias redirect (`aliases:`)",
            PageKind::Alias(_) => "redirect from a URL the national transliteration moved",
            PageKind::Search => "search page",
        }
    }

    /// Pages that list many articles come first in a full build: rendered last, the sitemap
    /// (every article) kept one core busy alone at the end while the other waited.
    pub fn render_rank(self) -> u8 {
        match self {
            PageKind::Sitemap
            | PageKind::SitemapIndex { .. }
            | PageKind::SitemapPart { .. }
            | PageKind::NewsSitemap => 0,
            PageKind::SiteFeed(_)
            | PageKind::TagFeed(..)
            | PageKind::EditionFeed(_)
            | PageKind::AuthorFeed(..) => 1,
            PageKind::Home(_)
            | PageKind::TagIndex
            | PageKind::Tag { .. }
            | PageKind::AuthorIndex
            | PageKind::Author { .. }
            | PageKind::ArchiveIndex
            | PageKind::ArchiveYear(_)
            | PageKind::ArchiveMonth(..)
            | PageKind::ArchiveDay(..)
            | PageKind::EditionIndex(_)
            | PageKind::Edition(_) => 2,
            PageKind::Language { page, .. } => page.render_rank(),
            _ => 3,
        }
    }
}

/// One output file to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The path inside the output folder: `2025/03/talks/index.html`.
    pub path: String,
    /// What it shows.
    pub kind: PageKind,
    /// Equal fingerprints render equal bytes (for a given theme and config).
    pub fingerprint: u64,
}

/// Renders the pages of one site with one theme.
pub struct Renderer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    cache: &'a views::ViewCache,
    site_value: Value,
    /// Each article's template value, made on first use.
    articles: shown::Slots<views::View>,
    /// Each article's value on list pages (with its shared card, if any), made on first use.
    listed: shown::Slots<shown::Listed>,
    /// Each article's card, kept apart from its listed value (until the last page that shows
    /// the article): a value dropped while it was far from the pages rendering
    /// ([`Renderer::release`]) is made again without rendering its card again.
    cards: shown::Slots<shown::Card>,
    /// How many pages still to render show each article, when values are dropped after their
    /// last use ([`Renderer::drop_values_after_use`]).
    uses: Option<Vec<std::sync::atomic::AtomicU32>>,
    tags: Vec<Value>,
    /// Each article's feed entry, prepared the first time a feed needs it.
    feed_entries: shown::Slots<Arc<feeds::Prepared>>,
    /// How many feed pages are still to render, when values are dropped after their last use:
    /// after the last one, the feed entries are dropped too.
    feeds_left: Option<std::sync::atomic::AtomicUsize>,
    now: Date,
    /// How much one sitemap file may hold: the protocol's limits, lowered in tests.
    sitemap_limits: sitemap::SitemapLimits,
    /// Each language's config view, `site` value and tags.
    languages: languages::LanguageViews,
    /// Each language's edition feed entries, shared by the feed's three formats.
    edition_items: Vec<feeds::editions::Items>,
}

impl<'a> Renderer<'a> {
    /// A renderer for `site`; article values come from `cache` or are built on first use, so
    /// rendering a few pages costs only what those pages show.
    pub fn new(
        site: &'a Site,
        theme: &'a Theme,
        now: Date,
        cache: &'a views::ViewCache,
    ) -> Renderer<'a> {
        let tags = site
            .tags
            .iter()
            .map(|tag| views::tag_value(tag, &site.config))
            .collect();
        Renderer {
            site,
            theme,
            cache,
            site_value: views::site_value(site),
            articles: shown::Slots::new(site.entries.len()),
            listed: shown::Slots::new(site.entries.len()),
            cards: shown::Slots::new(site.entries.len()),
            uses: None,
            tags,
            feed_entries: shown::Slots::new(site.entries.len()),
            feeds_left: None,
            now,
            sitemap_limits: sitemap::PROTOCOL_LIMITS,
            languages: languages::LanguageViews::new(site),
            edition_items: (0..=site.config.languages.len())
                .map(|_| feeds::editions::Items::default())
                .collect(),
        }
    }

    /// The template value of article `index`.
    fn article(&self, index: usize) -> Value {
        self.with_view(index, |view| view.value.clone())
    }

    /// Runs `f` on article `index`'s view, made on first use (and kept until
    /// [`Renderer::release`] drops it).
    fn with_view<T>(&self, index: usize, f: impl FnOnce(&views::View) -> T) -> T {
        let slot = shown::lock(&self.articles[index]);
        if let Some(view) = slot.as_ref() {
            return f(view);
        }
        drop(slot);
        // Made outside the lock: cores rendering neighbouring pages need the same values at
        // about the same time, and one making its own copy is cheaper than one waiting.
        let made = self.cache.view(self.site, index);
        let mut slot = shown::lock(&self.articles[index]);
        f(slot.get_or_insert(made))
    }

    /// The value of article `index` on home and tag pages. When the theme's card template reads
    /// only `site` and `article`, the card is rendered here, once, and list pages get it as
    /// `article.card`, instead of rendering it again on every page that lists the article.
    fn listed(&self, index: usize) -> Result<Value> {
        if !self.theme.shared_cards {
            return Ok(self.article(index));
        }
        // Locked before the article's slot, never after: one order, no deadlock.
        let mut slot = shown::lock(&self.listed[index]);
        let listed = slot.get_or_insert_with(|| self.make_listed(index));
        listed
            .value
            .clone()
            .map_err(|message| crate::error::Error::Template {
                name: templates::CARD_TEMPLATE.to_string(),
                message,
            })
    }

    /// Article `index`'s value on list pages: kept by the cache from an earlier build, or its
    /// value with its card.
    fn make_listed(&self, index: usize) -> shown::Listed {
        let lang = self.site.language_of(index);
        // The card shows the article and `site` in its language, whose value changes only
        // with the config (a new pipeline) and whether the language has editions.
        let view_key = self.site.view_keys[index];
        let key = hash_of(&(view_key, lang, self.site.editions_in(lang).is_empty()));
        if let Some(value) = self.cache.listed(&self.site.entries[index], key) {
            return shown::Listed {
                key,
                value: Ok(value),
                fresh: false,
            };
        }
        let article = self.article(index);
        let value = self.card(index, key, lang, &article).map(|card| {
            let mut value = article.as_map().cloned().unwrap_or_default();
            value.insert("card".into(), card);
            Value::from(value)
        });
        shown::Listed {
            key,
            value,
            fresh: true,
        }
    }

    /// Article `index`'s card for `key` (a safe string): kept from an earlier page, or
    /// rendered.
    fn card(
        &self,
        index: usize,
        key: u64,
        lang: usize,
        article: &Value,
    ) -> std::result::Result<Value, String> {
        let mut slot = shown::lock(&self.cards[index]);
        if let Some(card) = slot.as_ref().filter(|card| card.key == key) {
            return Ok(card.html.clone());
        }
        let entry = &self.site.entries[index];
        let mut context = Context::new();
        // In the article's language: its card reads `site.language` for its strings.
        context.insert_value("site", self.languages.sites[lang].clone());
        context.insert_value("article", article.clone());
        let card = self
            .theme
            .tera
            .render(templates::CARD_TEMPLATE, &context)
            .map_err(|error| {
                let path = &entry.article.display_path;
                format!("the card of {}: {error}", path.display())
            })?;
        let html = Value::safe_string(&card);
        *slot = Some(shown::Card {
            key,
            html: html.clone(),
        });
        Ok(html)
    }

    /// The article values this renderer had to build, for the cache to keep.
    pub fn fresh_views(&self) -> Vec<(std::path::PathBuf, views::View)> {
        self.articles
            .made()
            .filter_map(|(index, view)| {
                let view = shown::lock(view).clone()?;
                Some((self.site.entries[index].article.path.clone(), view))
            })
            .filter(|(_, view)| view.is_fresh())
            .collect()
    }

    /// The feed entries this renderer had to prepare, for the cache to keep.
    pub fn fresh_feed_entries(&self) -> Vec<(std::path::PathBuf, u64, Arc<feeds::Prepared>)> {
        self.feed_entries
            .made()
            .filter_map(|(index, prepared)| {
                let prepared = shown::lock(prepared).clone()?;
                Some((&self.site.entries[index], prepared))
            })
            .filter(|(entry, _)| !self.cache.has_feed_entry(entry))
            .map(|(entry, prepared)| {
                (
                    entry.article.path.clone(),
                    entry.fingerprint,
                    prepared.clone(),
                )
            })
            .collect()
    }

    /// The list values (with their cards) this renderer had to make, for the cache to keep.
    pub fn fresh_listed(&self) -> Vec<(std::path::PathBuf, u64, Value)> {
        self.listed
            .made()
            .filter_map(|(index, listed)| {
                let listed = shown::lock(listed).clone().filter(|listed| listed.fresh)?;
                let value = listed.value.ok()?;
                let path = self.site.entries[index].article.path.clone();
                Some((path, listed.key, value))
            })
            .collect()
    }

    /// The edition feed entries this renderer had to make, for the cache to keep.
    pub fn fresh_edition_items(&self) -> Vec<feeds::editions::FreshItem> {
        self.edition_items
            .iter()
            .flat_map(feeds::editions::Items::take_made)
            .collect()
    }

    /// Renders one page. An HTML page links into the site root-relative (`/digest/tags/x/`):
    /// see `relative`.
    pub fn render(&self, page: &Page, plan: &[Page]) -> Result<Vec<u8>> {
        let bytes = self.render_kind(page, plan);
        self.release(page.kind);
        let bytes = bytes?;
        if !page.path.ends_with(".html") {
            return Ok(bytes);
        }
        let origin = self.site.config.base_url.origin();
        Ok(relative::root_relative(bytes, origin))
    }

    fn render_kind(&self, page: &Page, plan: &[Page]) -> Result<Vec<u8>> {
        let site = self.site;
        let config = &site.config;
        match page.kind {
            PageKind::Article(index) => self.render_article(index, page),
            PageKind::Home(number) => {
                let all = &site.languages.lists[0].entries;
                let title = if number == 1 {
                    config.title.clone()
                } else {
                    let n = Some(number as i64);
                    self.theme.strings.text(&config.language, "page_n", n, &[])
                };
                let slice = page_slice(all, config.paginate, number);
                let mut context = self.list_context(page, &title, slice)?;
                context.insert_value("pagination", pagination("", number, all.len(), site));
                templates::render(&self.theme.tera, "index.html", &context)
            }
            PageKind::TagIndex => {
                let title = self
                    .theme
                    .strings
                    .text(&config.language, "tags_title", None, &[]);
                let mut context = self.page_context(page, &title, None);
                let tags: Vec<Value> = site
                    .tags_by_name()
                    .into_iter()
                    .map(|index| self.tags[index].clone())
                    .collect();
                context.insert_value("tags", Value::from(tags));
                templates::render(&self.theme.tera, "tags.html", &context)
            }
            PageKind::Tag { tag, page: number } => {
                let tag_data = &site.tags[tag];
                let folder = tag_folder(&tag_data.slug);
                let slice = page_slice(&tag_data.entries, config.paginate, number);
                let mut context = self.list_context(page, &tag_data.name, slice)?;
                let feeds = views::FeedLinks::new(config, &folder);
                context.insert_value("page", self.page_value(page, &tag_data.name, Some(&feeds)));
                context.insert_value("tag", self.tags[tag].clone());
                let links = pagination(&folder, number, tag_data.entries.len(), site);
                context.insert_value("pagination", links);
                templates::render(&self.theme.tera, "tag.html", &context)
            }
            PageKind::NotFound => {
                let title = self
                    .theme
                    .strings
                    .text(&config.language, "not_found", None, &[]);
                let context = self.page_context(page, &title, None);
                templates::render(&self.theme.tera, "404.html", &context)
            }
            PageKind::SiteFeed(format) => Ok(feeds::render(&self.site_feed(), format)),
            PageKind::TagFeed(tag, format) => Ok(feeds::render(&self.tag_feed(tag), format)),
            PageKind::EditionIndex(number) => self.render_edition_index(page, 0, number),
            PageKind::Edition(at) => self.render_edition(page, 0, at),
            PageKind::EditionFeed(format) => Ok(self.render_edition_feed(0, format)),
            PageKind::AuthorIndex => self.render_author_index(page, 0),
            PageKind::Author { author, page: n } => self.render_author(page, 0, author, n),
            PageKind::AuthorFeed(at, format) => Ok(feeds::render(&self.author_feed(0, at), format)),
            PageKind::ArchiveIndex => self.render_archive_index(page, 0),
            PageKind::ArchiveYear(y) => self.render_archive_year(page, 0, y),
            PageKind::ArchiveMonth(y, m) => self.render_archive_month(page, 0, (y, m), None),
            PageKind::ArchiveDay(y, m, d) => self.render_archive_month(page, 0, (y, m), Some(d)),
            PageKind::Alias(alias) => Ok(self.render_alias(alias)),
            PageKind::Search => self.render_search(page, 0),
            PageKind::Sitemap | PageKind::SitemapIndex { .. } | PageKind::SitemapPart { .. } => {
                Ok(self.render_sitemap(page.kind, plan))
            }
            PageKind::NewsSitemap => Ok(sitemap::news_sitemap(site, &self.now)),
            PageKind::Language { lang, page: which } => self.render_language(page, lang, which),
            PageKind::Robots => Ok(sitemap::robots(site)),
            PageKind::NoJekyll => Ok(Vec::new()),
            PageKind::Cname => {
                Ok(format!("{}\n", config.cname.as_deref().unwrap_or_default()).into_bytes())
            }
        }
    }

    fn render_article(&self, index: usize, page: &Page) -> Result<Vec<u8>> {
        let entry = &self.site.entries[index];
        let lang = self.site.language_of(index);
        let mut page_map = self.page_map(page, &entry.article.title, None);
        page_map.insert(
            "json_ld".into(),
            Value::safe_string(&views::json_ld(entry, &self.languages.configs[lang])),
        );
        page_map.insert(
            "description".into(),
            Value::from(entry.rendered.summary_text.as_str()),
        );
        let mut context = Context::new();
        context.insert_value("site", self.languages.sites[lang].clone());
        context.insert_value("page", Value::from(page_map));
        context.insert_value("article", self.article(index));
        let related: Vec<Value> = self.site.related.get(index).map_or_else(Vec::new, |list| {
            list.iter().map(|&other| self.article(other)).collect()
        });
        context.insert_value("related", Value::from(related));
        // `prev` is the older article, `next` the newer one, in the article's language; the
        // list is newest first. Each is that article's whole value (shared, not copied): a
        // theme may show more than the title.
        let (newer, older) = self.site.languages.neighbours(index);
        context.insert_value("prev", older.map_or(Value::none(), |i| self.neighbour(i)));
        context.insert_value("next", newer.map_or(Value::none(), |i| self.neighbour(i)));
        templates::render(&self.theme.tera, "article.html", &context)
    }

    fn neighbour(&self, index: usize) -> Value {
        if index < self.site.entries.len() {
            self.article(index)
        } else {
            Value::none()
        }
    }

    fn page_value(&self, page: &Page, title: &str, feeds: Option<&views::FeedLinks>) -> Value {
        Value::from(self.page_map(page, title, feeds))
    }

    fn page_map(&self, page: &Page, title: &str, feeds: Option<&views::FeedLinks>) -> tera::Map {
        let kind = match page.kind {
            PageKind::Article(_) => "article",
            PageKind::Home(_) => "home",
            PageKind::Tag { .. } => "tag",
            PageKind::TagIndex => "tags",
            PageKind::EditionIndex(_) => "editions",
            PageKind::Edition(_) => "edition",
            PageKind::Language { page, .. } => match page {
                LanguagePage::Home(_) => "home",
                LanguagePage::TagIndex => "tags",
                LanguagePage::EditionIndex(_) => "editions",
                LanguagePage::Edition(_) => "edition",
                LanguagePage::AuthorIndex => "authors",
                LanguagePage::Author { .. } => "author",
                LanguagePage::ArchiveIndex => "archive",
                LanguagePage::ArchiveYear(_) => "archive_year",
                LanguagePage::ArchiveMonth(..) => "archive_month",
                LanguagePage::ArchiveDay(..) => "archive_day",
                LanguagePage::Search => "search",
                _ => "tag",
            },
            PageKind::AuthorIndex => "authors",
            PageKind::Author { .. } => "author",
            PageKind::ArchiveIndex => "archive",
            PageKind::ArchiveYear(_) => "archive_year",
            PageKind::ArchiveMonth(..) => "archive_month",
            PageKind::ArchiveDay(..) => "archive_day",
            PageKind::Search => "search",
            _ => "404",
        };
        let folder = page.path.strip_suffix("index.html").unwrap_or(&page.path);
        let url = self.site.config.base_url.join(folder);
        let mut map = tera::Map::new();
        map.insert("kind".into(), Value::from(kind));
        map.insert("title".into(), Value::from(title));
        map.insert("translations".into(), self.switcher(page.kind, &url));
        map.insert("url".into(), Value::from(url));
        map.insert("path".into(), Value::from(folder));
        map.insert(
            "feeds".into(),
            feeds.map_or(Value::none(), Value::from_serializable),
        );
        map.insert(
            "hreflang".into(),
            Value::from_serializable(&self.alternates(page.kind)),
        );
        map
    }

    fn page_context(&self, page: &Page, title: &str, feeds: Option<&views::FeedLinks>) -> Context {
        let mut context = Context::new();
        let site_value = match self.language_of_page(page.kind) {
            0 => self.site_value.clone(),
            lang => self.languages.sites[lang].clone(),
        };
        context.insert_value("site", site_value);
        context.insert_value("page", self.page_value(page, title, feeds));
        context
    }

    /// The context of a home or tag page showing `indexes`, grouped by day.
    fn list_context(&self, page: &Page, title: &str, indexes: &[usize]) -> Result<Context> {
        let mut context = self.page_context(page, title, None);
        let timezone = &self.site.config.timezone;
        let language = self.site.config.language_codes()[self.language_of_page(page.kind)];
        let mut days: Vec<(String, String, Vec<Value>)> = Vec::new();
        let mut last_day = None;
        for &index in indexes {
            let local = self.site.entries[index].article.date.in_zone(timezone);
            // Compared as numbers: formatting each article's date would cost more than the
            // rest of its row in a month's archive.
            if last_day != Some(local.ymd()) {
                last_day = Some(local.ymd());
                let label = crate::i18n::dates::day_label(&local, language);
                days.push((label, local.iso_date(), Vec::new()));
            }
            if let Some((_, _, articles)) = days.last_mut() {
                articles.push(self.listed(index)?);
            }
        }
        let flat: Vec<Value> = days
            .iter()
            .flat_map(|(_, _, articles)| articles.iter().cloned())
            .collect();
        let days: Vec<Value> = days
            .into_iter()
            .map(|(label, date, articles)| {
                let mut map = tera::Map::new();
                map.insert("label".into(), Value::from(label));
                map.insert("date".into(), Value::from(date));
                map.insert("articles".into(), Value::from(articles));
                Value::from(map)
            })
            .collect();
        context.insert_value("days", Value::from(days));
        context.insert_value("articles", Value::from(flat));
        Ok(context)
    }

    fn site_feed(&self) -> feeds::Feed<'_> {
        let config = &self.site.config;
        let mut feed = self.list_feed(
            String::new(),
            config.title.clone(),
            config.description.clone(),
            &self.site.languages.lists[0].entries,
        );
        feed.full = true;
        feed
    }

    fn tag_feed(&self, tag: usize) -> feeds::Feed<'_> {
        let config = &self.site.config;
        let tag = &self.site.tags[tag];
        self.list_feed(
            tag_folder(&tag.slug),
            format!("{} — {}", config.title, tag.name),
            format!("Articles tagged {} on {}", tag.name, config.title),
            &tag.entries,
        )
    }

    /// The feed of a list page at `folder`: the newest of its `entries` (indexes into
    /// `site.entries`, newest first), at most `feeds.limit`, in full only under
    /// `feeds.tag_content: full` (the site feed opts in itself).
    fn list_feed(
        &self,
        folder: String,
        title: String,
        description: String,
        entries: &[usize],
    ) -> feeds::Feed<'_> {
        let config = &self.site.config;
        feeds::Feed {
            config,
            title,
            description,
            home_url: config.base_url.join(&folder),
            folder,
            entries: entries
                .iter()
                .take(config.feeds.limit)
                .map(|&index| self.feed_entry(index))
                .collect(),
            full: config.feeds.tag_content == crate::config::FeedContent::Full,
        }
    }

    fn feed_entry(&self, index: usize) -> (&Entry, Arc<feeds::Prepared>) {
        let entry = &*self.site.entries[index];
        let mut slot = shown::lock(&self.feed_entries[index]);
        let prepared = slot.get_or_insert_with(|| {
            self.cache
                .feed_entry(entry)
                .unwrap_or_else(|| Arc::new(feeds::prepare(entry, &self.site.config)))
        });
        (entry, prepared.clone())
    }
}

/// `index.html` or `page/N/index.html` inside `folder`.
fn list_path(folder: &str, number: usize) -> String {
    if number == 1 {
        format!("{folder}index.html")
    } else {
        format!("{folder}page/{number}/index.html")
    }
}

/// The pagination links of page `current` of a list of `count` articles in `folder`. When the
/// list has more articles than its pages show (`paginate_max_pages`), the last page links the
/// date archive, where every article stays reachable.
fn pagination(folder: &str, current: usize, count: usize, site: &Site) -> Value {
    let total = site.page_count(count);
    let mut links = links_json(folder, current, total, &site.config);
    if current == total && site.list_is_cut(count) {
        let archive = site
            .config
            .base_url
            .join(crate::site::archive::ARCHIVE_FOLDER);
        links["archive_url"] = archive.into();
    }
    Value::from_serializable(&links)
}

/// The links of page `current` of `total` pages in `folder`.
fn page_links(folder: &str, current: usize, total: usize, config: &crate::config::Config) -> Value {
    Value::from_serializable(&links_json(folder, current, total, config))
}

fn links_json(
    folder: &str,
    current: usize,
    total: usize,
    config: &crate::config::Config,
) -> serde_json::Value {
    let url = |number: usize| {
        let path = list_path(folder, number);
        config
            .base_url
            .join(path.strip_suffix("index.html").unwrap_or(&path))
    };
    serde_json::json!({
        "current": current,
        "total": total,
        "prev_url": (current > 1).then(|| url(current - 1)),
        "next_url": (current < total).then(|| url(current + 1)),
    })
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = crate::content::fingerprint_hasher();
    value.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests;
