//! Edition pages and feeds as page kinds: planned beside the tag pages, rendered through the
//! same theme, staged and fingerprinted like every other page.
//!
//! Input: the [`Site`](crate::site::Site)'s editions. Output: `editions/index.html` (paginated,
//! newest first), `editions/<id>/index.html` and the three edition feeds (one entry per
//! edition, holding the whole edition), each with a fingerprint of everything it shows, so
//! `watch` re-renders an edition page and the feeds when one of its articles changes.

use tera::Value;

use super::feeds::{self, FeedFormat};
use super::plan::Planner;
use super::{LanguagePage, Page, PageKind, Renderer, list_path, page_links, templates, views};
use crate::error::Result;
use crate::site::editions::{EDITIONS_FOLDER, Edition};
use crate::site::page_slice;

/// Which edition page of a language: what [`PageKind`] names for the default language and
/// [`LanguagePage`] for the others.
#[derive(Debug, Clone, Copy)]
enum EditionPage {
    Index(usize),
    Edition(usize),
    Feed(FeedFormat),
}

/// The page kind of an edition page in language `lang` (0 is the default).
fn edition_kind(lang: usize, page: EditionPage) -> PageKind {
    match (lang, page) {
        (0, EditionPage::Index(n)) => PageKind::EditionIndex(n),
        (0, EditionPage::Edition(at)) => PageKind::Edition(at),
        (0, EditionPage::Feed(format)) => PageKind::EditionFeed(format),
        (_, EditionPage::Index(n)) => language_page(lang, LanguagePage::EditionIndex(n)),
        (_, EditionPage::Edition(at)) => language_page(lang, LanguagePage::Edition(at)),
        (_, EditionPage::Feed(format)) => language_page(lang, LanguagePage::EditionFeed(format)),
    }
}

fn language_page(lang: usize, page: LanguagePage) -> PageKind {
    PageKind::Language { lang, page }
}

impl Renderer<'_> {
    /// The edition pages and feeds of every language. A language without articles has none.
    pub(super) fn plan_editions(&self, planner: &mut Planner) {
        for lang in 0..=self.site.config.languages.len() {
            if lang == 0 || !self.site.editions_in(lang).is_empty() {
                self.plan_editions_in(lang, planner);
            }
        }
    }

    fn plan_editions_in(&self, lang: usize, planner: &mut Planner) {
        let editions = self.site.editions_in(lang);
        let folder = self.editions_folder(lang);
        // What pages show of some editions: each edition itself, and its articles.
        let shape = |at: &[usize]| -> Vec<(u64, usize)> {
            let of = |&at: &usize| (editions[at].fingerprint(), editions[at].entries.len());
            at.iter().map(of).collect()
        };
        let shows = |at: &[usize]| -> Vec<usize> {
            let of = |&at: &usize| editions[at].entries.iter().copied();
            at.iter().flat_map(of).collect()
        };
        let newest_first: Vec<usize> = (0..editions.len()).rev().collect();
        let per_page = self.editions_per_page();
        let total = newest_first.len().div_ceil(per_page).max(1);
        for number in 1..=total {
            let listed = page_slice(&newest_first, per_page, number);
            let kind = edition_kind(lang, EditionPage::Index(number));
            planner.add(
                list_path(&folder, number),
                kind,
                (total, shape(listed)),
                shows(listed),
            );
        }
        for (at, edition) in editions.iter().enumerate() {
            // The neighbours' titles and links are on the page too, and so are the links to the
            // same edition in the other languages.
            let neighbours: Vec<_> = [at.checked_sub(1), Some(at + 1)]
                .into_iter()
                .flatten()
                .map(|n| editions.get(n).map(|e| (&e.id, &e.title, &e.label)))
                .collect();
            let translations = self.edition_translations(lang, &edition.id);
            let shape = (shape(&[at]), neighbours, translations);
            let kind = edition_kind(lang, EditionPage::Edition(at));
            let path = format!("{}index.html", edition.folder());
            planner.add(path, kind, shape, edition.entries.iter().copied());
        }
        let newest = &newest_first[..newest_first.len().min(self.site.config.feeds.limit)];
        let kind = |format| edition_kind(lang, EditionPage::Feed(format));
        planner.add_feeds(&folder, kind, shape(newest), &shows(newest));
    }

    /// The folder of language `lang`'s edition pages: `editions/`, `uk/editions/`.
    fn editions_folder(&self, lang: usize) -> String {
        format!(
            "{}{EDITIONS_FOLDER}",
            self.site.config.language_folder(lang)
        )
    }

    /// The edition `id` in every language that has it, `lang`'s included, in language order
    /// (language, URL); empty when only `lang` has it.
    pub(super) fn edition_translations(&self, lang: usize, id: &str) -> Vec<(usize, String)> {
        let site = self.site;
        let found: Vec<(usize, String)> = (0..=site.config.languages.len())
            .filter_map(|l| {
                let edition = site.editions_in(l).iter().find(|e| e.id == id)?;
                Some((l, site.config.base_url.join(&edition.folder())))
            })
            .collect();
        match found.iter().any(|(l, _)| *l != lang) {
            true => found,
            false => Vec::new(),
        }
    }

    pub(super) fn editions_per_page(&self) -> usize {
        let config = &self.site.config;
        config.editions.paginate.unwrap_or(config.paginate)
    }

    /// Language `lang`'s `editions/index.html` or its page `number`.
    pub(super) fn render_edition_index(
        &self,
        page: &Page,
        lang: usize,
        number: usize,
    ) -> Result<Vec<u8>> {
        let config = &self.languages.configs[lang];
        let editions = self.site.editions_in(lang);
        let folder = self.editions_folder(lang);
        let newest_first: Vec<usize> = (0..editions.len()).rev().collect();
        let per_page = self.editions_per_page();
        let total = newest_first.len().div_ceil(per_page).max(1);
        let listed = page_slice(&newest_first, per_page, number)
            .iter()
            .map(|&at| self.edition_value(&editions[at], false))
            .collect::<Result<Vec<_>>>()?;
        let feeds = views::FeedLinks::new(config, &folder);
        let title = self.text_in(lang, "editions_title");
        let mut context = self.page_context(page, &title, Some(&feeds));
        context.insert_value("site", self.languages.sites[lang].clone());
        context.insert_value("editions", Value::from(listed));
        context.insert_value("pagination", page_links(&folder, number, total, config));
        templates::render(&self.theme.tera, "editions.html", &context)
    }

    /// Language `lang`'s `editions/<id>/index.html`.
    pub(super) fn render_edition(&self, page: &Page, lang: usize, at: usize) -> Result<Vec<u8>> {
        let editions = self.site.editions_in(lang);
        let edition = &editions[at];
        let config = &self.languages.configs[lang];
        let feeds = views::FeedLinks::new(config, &self.editions_folder(lang));
        let mut page_map = self.page_map(page, &edition.title, Some(&feeds));
        if let Some(preheader) = edition
            .intro
            .as_ref()
            .and_then(|i| i.intro.preheader.as_ref())
        {
            page_map.insert("description".into(), Value::from(preheader.as_str()));
        }
        let mut context = tera::Context::new();
        context.insert_value("site", self.languages.sites[lang].clone());
        context.insert_value("page", Value::from(page_map));
        context.insert_value("edition", self.edition_value(edition, true)?);
        let neighbour = |at: Option<usize>| {
            at.and_then(|at| editions.get(at))
                .map_or(Ok(Value::none()), |e| self.edition_value(e, false))
        };
        // As for articles: `prev` is the older edition, `next` the newer one.
        context.insert_value("prev", neighbour(at.checked_sub(1))?);
        context.insert_value("next", neighbour(Some(at + 1))?);
        templates::render(&self.theme.tera, "edition.html", &context)
    }

    /// What templates see of an edition (see docs/theme-context.md); `sections` only when
    /// `full` (the edition's own page), the articles' values always.
    fn edition_value(&self, edition: &Edition, full: bool) -> Result<Value> {
        let config = &self.site.config;
        let mut map = tera::Map::new();
        map.insert("id".into(), Value::from(edition.id.as_str()));
        map.insert("number".into(), Value::from(edition.number));
        map.insert("title".into(), Value::from(edition.title.as_str()));
        map.insert("label".into(), Value::from(edition.label.as_str()));
        map.insert("date".into(), Value::from(edition.date.iso_date()));
        map.insert(
            "url".into(),
            Value::from(config.base_url.join(&edition.folder())),
        );
        map.insert("count".into(), Value::from(edition.entries.len()));
        let intro = edition.intro.as_ref();
        let preheader = intro.and_then(|i| i.intro.preheader.as_deref());
        map.insert(
            "preheader".into(),
            preheader.map_or(Value::none(), Value::from),
        );
        map.insert(
            "intro".into(),
            intro.map_or(Value::none(), |i| i.rendered.html.value().clone()),
        );
        let articles = edition
            .entries
            .iter()
            .map(|&index| self.listed(index))
            .collect::<Result<Vec<_>>>()?;
        map.insert("articles".into(), Value::from(articles));
        if full {
            let sections = edition
                .sections
                .iter()
                .map(|section| {
                    let articles = section
                        .entries
                        .iter()
                        .map(|&index| self.listed(index))
                        .collect::<Result<Vec<_>>>()?;
                    let mut value = tera::Map::new();
                    let name = section.name.as_deref();
                    value.insert("name".into(), name.map_or(Value::none(), Value::from));
                    let slug = name.map(crate::url::slugify);
                    value.insert("slug".into(), slug.map_or(Value::none(), Value::from));
                    value.insert("articles".into(), Value::from(articles));
                    Ok(Value::from(value))
                })
                .collect::<Result<Vec<_>>>()?;
            map.insert("sections".into(), Value::from(sections));
        }
        Ok(Value::from(map))
    }

    /// Language `lang`'s edition feed in `format`: the newest editions, newest first.
    pub(super) fn render_edition_feed(&self, lang: usize, format: FeedFormat) -> Vec<u8> {
        let site = self.site;
        let config = &self.languages.configs[lang];
        let editions: Vec<&Edition> = site
            .editions_in(lang)
            .iter()
            .rev()
            .take(config.feeds.limit)
            .collect();
        let strings = &self.theme.strings;
        let text =
            |key: &str, values: &[(&str, &str)]| strings.text(&config.language, key, None, values);
        let feed = feeds::editions::EditionFeed {
            site,
            config,
            folder: self.editions_folder(lang),
            title: format!("{} — {}", config.title, text("editions_title", &[])),
            description: text("editions_feed", &[("site", &config.title)]),
            more: text("section_more", &[]),
            read_on_site: text("read_on_site", &[]),
            known: &self.cache.edition_items,
        };
        feeds::editions::render(&feed, &editions, format, &self.edition_items[lang])
    }

    /// The theme string `key` in language `lang`.
    pub(super) fn text_in(&self, lang: usize, key: &str) -> String {
        let language = &self.languages.configs[lang].language;
        self.theme.strings.text(language, key, None, &[])
    }
}
