//! The pages of a site's other languages, and the links between languages.
//!
//! Input: the [`Site`](crate::site::Site)'s articles by language. Output: each non-default
//! language's home, tag index, tag pages and feeds under `/<code>/` as [`LanguagePage`]s; the
//! `hreflang` alternates and the language switcher of every page; the per-language parts of
//! the `site` value (`og:locale`). A single-language site gets none of them, so its output
//! stays byte for byte what it was.

use std::hash::{Hash, Hasher};

use serde::Serialize;
use tera::Value;

use super::feeds::{self, FeedFormat};
use super::plan::Planner;
use super::{Page, PageKind, Renderer, list_path, pagination, templates, views};
use crate::config::Config;
use crate::error::Result;
use crate::site::{Tag, page_slice, tag_folder};

/// A page of a language other than the default, under its folder (`uk/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LanguagePage {
    /// Home page number N (1-based).
    Home(usize),
    /// The language's tag index.
    TagIndex,
    /// Page N of one of the language's tags (index into its tag list).
    Tag {
        /// Index into the language's tags.
        tag: usize,
        /// 1-based page number.
        page: usize,
    },
    /// The language's site feed.
    Feed(FeedFormat),
    /// A tag's feed (index into the language's tags).
    TagFeed(usize, FeedFormat),
    /// Page N (1-based) of the language's edition index.
    EditionIndex(usize),
    /// One of the language's editions (index into `Site::editions_in`).
    Edition(usize),
    /// The language's edition feed.
    EditionFeed(FeedFormat),
    /// The language's author index.
    AuthorIndex,
    /// Page N of one of the language's authors (index into `Site::authors_in`).
    Author {
        /// Index into the language's authors.
        author: usize,
        /// 1-based page number.
        page: usize,
    },
    /// An author's feed in the language (index into `Site::authors_in`).
    AuthorFeed(usize, FeedFormat),
    /// The language's archive index.
    ArchiveIndex,
    /// A year of the language's archive (index into its years).
    ArchiveYear(usize),
    /// A month of the language's archive (year and month indexes).
    ArchiveMonth(usize, usize),
    /// A day of the language's archive (year, month and day indexes).
    ArchiveDay(usize, usize, usize),
    /// The language's search page.
    Search,
}

impl LanguagePage {
    /// What the page is, for errors about its path.
    pub fn describe(self) -> &'static str {
        match self {
            LanguagePage::Home(_) => "home page of a language",
            LanguagePage::TagIndex => "tag index of a language",
            LanguagePage::Tag { .. } => "tag page of a language",
            LanguagePage::Feed(_) => "feed of a language",
            LanguagePage::TagFeed(..) => "tag feed of a language",
            LanguagePage::EditionIndex(_) => "edition index of a language",
            LanguagePage::Edition(_) => "edition page of a language",
            LanguagePage::EditionFeed(_) => "edition feed of a language",
            LanguagePage::AuthorIndex => "author index of a language",
            LanguagePage::Author { .. } => "author page of a language",
            LanguagePage::AuthorFeed(..) => "author feed of a language",
            LanguagePage::ArchiveIndex => "archive index of a language",
            LanguagePage::ArchiveYear(_) => "year archive of a language",
            LanguagePage::ArchiveMonth(..) => "month archive of a language",
            LanguagePage::ArchiveDay(..) => "day archive of a language",
            LanguagePage::Search => "search page of a language",
        }
    }

    /// As [`PageKind::render_rank`]: lists before single pages.
    pub fn render_rank(self) -> u8 {
        match self {
            LanguagePage::Feed(_)
            | LanguagePage::TagFeed(..)
            | LanguagePage::EditionFeed(_)
            | LanguagePage::AuthorFeed(..) => 1,
            _ => 2,
        }
    }

    /// Whether the sitemap lists it (the HTML pages).
    pub fn is_html(self) -> bool {
        !matches!(
            self,
            LanguagePage::Feed(_)
                | LanguagePage::TagFeed(..)
                | LanguagePage::EditionFeed(_)
                | LanguagePage::AuthorFeed(..)
                | LanguagePage::Search
        )
    }
}

/// The `og:locale` of a language code: `uk` → `uk_UA`, `pt-br` → `pt_BR`.
pub fn og_locale(code: &str) -> String {
    let mut subtags = code.split('-');
    let primary = subtags.next().unwrap_or_default().to_ascii_lowercase();
    if let Some(region) = subtags.find(|s| s.len() == 2) {
        return format!("{primary}_{}", region.to_ascii_uppercase());
    }
    let region = match primary.as_str() {
        "en" => "US",
        "uk" => "UA",
        "ru" => "RU",
        "be" => "BY",
        "kk" => "KZ",
        "ka" => "GE",
        "cs" => "CZ",
        "da" => "DK",
        "el" => "GR",
        "ja" => "JP",
        "ko" => "KR",
        "sv" => "SE",
        "zh" => "CN",
        other => return format!("{other}_{}", other.to_ascii_uppercase()),
    };
    format!("{primary}_{region}")
}

/// A language's name in itself, for the language switcher (the code when not known).
pub fn language_name(code: &str) -> &str {
    match code.split('-').next().unwrap_or(code) {
        "en" => "English",
        "uk" => "Українська",
        "ru" => "Русский",
        "be" => "Беларуская",
        "pl" => "Polski",
        "de" => "Deutsch",
        "fr" => "Français",
        "es" => "Español",
        "it" => "Italiano",
        "cs" => "Čeština",
        "ro" => "Română",
        "lt" => "Lietuvių",
        "lv" => "Latviešu",
        "et" => "Eesti",
        "ka" => "ქართული",
        _ => code,
    }
}

/// The per-language parts of the `site` value, on a multilingual site only.
#[derive(Debug, Serialize)]
pub struct SiteLanguages {
    og_locale: String,
    og_locale_alternates: Vec<String>,
    languages: Vec<LanguageLink>,
}

/// A language of the site, as the `site.languages` list shows it.
#[derive(Debug, Serialize)]
struct LanguageLink {
    code: String,
    name: String,
    home_url: String,
}

impl SiteLanguages {
    /// The values for pages in language `language`; `None` on a single-language site.
    pub fn new(config: &Config, language: usize) -> Option<SiteLanguages> {
        if !config.is_multilingual() {
            return None;
        }
        let codes = config.language_codes();
        Some(SiteLanguages {
            og_locale: og_locale(codes[language]),
            og_locale_alternates: codes
                .iter()
                .enumerate()
                .filter(|(index, _)| *index != language)
                .map(|(_, code)| og_locale(code))
                .collect(),
            languages: codes
                .iter()
                .enumerate()
                .map(|(index, code)| LanguageLink {
                    code: code.to_string(),
                    name: language_name(code).to_string(),
                    home_url: config.base_url.join(&config.language_folder(index)),
                })
                .collect(),
        })
    }
}

/// One `<link rel="alternate" hreflang>`: a language code (or `x-default`) and a URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alternate {
    /// `uk`, or `x-default`.
    pub lang: String,
    /// Absolute URL.
    pub url: String,
}

/// One entry of the language switcher.
#[derive(Debug, Serialize)]
struct Switch {
    lang: String,
    name: String,
    url: String,
    /// The page's own language.
    current: bool,
    /// The same story (or page) in that language; else the link goes to that language's home.
    translated: bool,
}

/// What the renderer keeps per language: its config view, `site` value and tag values.
pub(super) struct LanguageViews {
    pub(super) configs: Vec<Config>,
    pub(super) sites: Vec<Value>,
    /// Tag values of each non-default language (empty for the default).
    pub(super) tags: Vec<Vec<Value>>,
}

impl LanguageViews {
    pub(super) fn new(site: &crate::site::Site) -> LanguageViews {
        let config = &site.config;
        let count = config.languages.len() + 1;
        LanguageViews {
            configs: (0..count).map(|l| config.for_language(l)).collect(),
            sites: (0..count).map(|l| views::site_value_in(site, l)).collect(),
            tags: (0..count)
                .map(|l| {
                    let folder = config.language_folder(l);
                    let tags = match l {
                        0 => &[][..],
                        _ => &site.languages.lists[l].tags[..],
                    };
                    tags.iter()
                        .map(|tag| views::tag_value_in(tag, config, &folder))
                        .collect()
                })
                .collect(),
        }
    }
}

impl Renderer<'_> {
    /// Each non-default language's home, tag index, tag pages and feeds.
    pub(super) fn plan_languages(&self, planner: &mut Planner) {
        let site = self.site;
        let config = &site.config;
        for (lang, list) in site.languages.lists.iter().enumerate().skip(1) {
            let folder = config.language_folder(lang);
            let kind = |page: LanguagePage| PageKind::Language { lang, page };
            let total = site.page_count(list.entries.len());
            for number in 1..=total {
                let slice = page_slice(&list.entries, config.paginate, number);
                let page = kind(LanguagePage::Home(number));
                // The count too: past `paginate_max_pages` a removed old article changes no
                // slice, but the last page's archive link may come or go.
                let shape = (total, list.entries.len());
                planner.add(
                    list_path(&folder, number),
                    page,
                    shape,
                    slice.iter().copied(),
                );
            }
            let path = format!("{folder}tags/index.html");
            planner.add(
                path,
                kind(LanguagePage::TagIndex),
                hash_tags(&list.tags),
                [],
            );
            for (at, tag) in list.tags.iter().enumerate() {
                let tag_folder = format!("{folder}{}", tag_folder(&tag.slug));
                let page = |page| kind(LanguagePage::Tag { tag: at, page });
                let feed = |format| kind(LanguagePage::TagFeed(at, format));
                self.plan_tag(planner, tag, &tag_folder, page, feed);
            }
            let newest = &list.entries[..list.entries.len().min(config.feeds.limit)];
            let feed = |format| kind(LanguagePage::Feed(format));
            planner.add_feeds(&folder, feed, (), newest);
        }
    }

    /// Renders a page of a non-default language.
    pub(super) fn render_language(
        &self,
        page: &Page,
        lang: usize,
        which: LanguagePage,
    ) -> Result<Vec<u8>> {
        let site = self.site;
        let config = &self.languages.configs[lang];
        let list = &site.languages.lists[lang];
        let folder = site.config.language_folder(lang);
        let site_value = self.languages.sites[lang].clone();
        match which {
            LanguagePage::Home(number) => {
                let title = match number {
                    1 => config.title.clone(),
                    _ => {
                        let n = Some(number as i64);
                        self.theme.strings.text(&config.language, "page_n", n, &[])
                    }
                };
                let slice = page_slice(&list.entries, config.paginate, number);
                let mut context = self.list_context(page, &title, slice)?;
                context.insert_value("site", site_value);
                let links = pagination(&folder, number, list.entries.len(), site);
                context.insert_value("pagination", links);
                templates::render(&self.theme.tera, "index.html", &context)
            }
            LanguagePage::TagIndex => {
                let title = self
                    .theme
                    .strings
                    .text(&config.language, "tags_title", None, &[]);
                let mut context = self.page_context(page, &title, None);
                context.insert_value("site", site_value);
                let tags: Vec<Value> = by_name(&list.tags)
                    .into_iter()
                    .map(|at| self.languages.tags[lang][at].clone())
                    .collect();
                context.insert_value("tags", Value::from(tags));
                templates::render(&self.theme.tera, "tags.html", &context)
            }
            LanguagePage::Tag { tag, page: number } => {
                let tag_data = &list.tags[tag];
                let tag_folder = format!("{folder}{}", tag_folder(&tag_data.slug));
                let slice = page_slice(&tag_data.entries, config.paginate, number);
                let mut context = self.list_context(page, &tag_data.name, slice)?;
                let feeds = views::FeedLinks::new(config, &tag_folder);
                context.insert_value("site", site_value);
                context.insert_value("page", self.page_value(page, &tag_data.name, Some(&feeds)));
                context.insert_value("tag", self.languages.tags[lang][tag].clone());
                let links = pagination(&tag_folder, number, tag_data.entries.len(), site);
                context.insert_value("pagination", links);
                templates::render(&self.theme.tera, "tag.html", &context)
            }
            LanguagePage::Feed(format) => {
                let feed = self.language_feed(lang, None);
                Ok(feeds::render(&feed, format))
            }
            LanguagePage::TagFeed(tag, format) => {
                let feed = self.language_feed(lang, Some(tag));
                Ok(feeds::render(&feed, format))
            }
            LanguagePage::EditionIndex(number) => self.render_edition_index(page, lang, number),
            LanguagePage::Edition(at) => self.render_edition(page, lang, at),
            LanguagePage::EditionFeed(format) => Ok(self.render_edition_feed(lang, format)),
            LanguagePage::AuthorIndex => self.render_author_index(page, lang),
            LanguagePage::Author { author, page: n } => self.render_author(page, lang, author, n),
            LanguagePage::AuthorFeed(at, format) => {
                Ok(feeds::render(&self.author_feed(lang, at), format))
            }
            LanguagePage::ArchiveIndex => self.render_archive_index(page, lang),
            LanguagePage::ArchiveYear(y) => self.render_archive_year(page, lang, y),
            LanguagePage::ArchiveMonth(y, m) => self.render_archive_month(page, lang, (y, m), None),
            LanguagePage::ArchiveDay(y, m, d) => {
                self.render_archive_month(page, lang, (y, m), Some(d))
            }
            LanguagePage::Search => self.render_search(page, lang),
        }
    }

    /// The feed of language `lang`, or of one of its tags: its newest articles.
    fn language_feed(&self, lang: usize, tag: Option<usize>) -> feeds::Feed<'_> {
        let config = &self.languages.configs[lang];
        let list = &self.site.languages.lists[lang];
        let folder = self.site.config.language_folder(lang);
        let (title, description, folder, entries) = match tag.map(|at| &list.tags[at]) {
            None => (
                config.title.clone(),
                config.description.clone(),
                folder,
                &list.entries,
            ),
            Some(tag) => (
                format!("{} — {}", config.title, tag.name),
                format!("{} — {}", tag.name, config.title),
                format!("{folder}{}", tag_folder(&tag.slug)),
                &tag.entries,
            ),
        };
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
            full: tag.is_none() || config.feeds.tag_content == crate::config::FeedContent::Full,
        }
    }

    /// The language of a page: its article's, its folder's, or the default (0).
    pub(super) fn language_of_page(&self, kind: PageKind) -> usize {
        match kind {
            PageKind::Article(index) => self.site.language_of(index),
            PageKind::Language { lang, .. } => lang,
            _ => 0,
        }
    }

    /// The page in every language it exists in, itself included, in language order: an
    /// article's translations, or every language's home and tag index. Empty when the page
    /// has no translation (then it gets no `hreflang`).
    pub(super) fn translations_of(&self, kind: PageKind) -> Vec<(usize, String)> {
        let site = self.site;
        let config = &site.config;
        if !config.is_multilingual() {
            return Vec::new();
        }
        let in_every_language = |path: &str| -> Vec<(usize, String)> {
            (0..=config.languages.len())
                .map(|lang| {
                    let folder = config.language_folder(lang);
                    (lang, config.base_url.join(&format!("{folder}{path}")))
                })
                .collect()
        };
        match kind {
            PageKind::Article(index) => site.languages.translations[index]
                .iter()
                .map(|&i| {
                    let url = config.base_url.join(&site.entries[i].article.url_path);
                    (site.language_of(i), url)
                })
                .collect(),
            PageKind::Home(1)
            | PageKind::Language {
                page: LanguagePage::Home(1),
                ..
            } => in_every_language(""),
            PageKind::TagIndex
            | PageKind::Language {
                page: LanguagePage::TagIndex,
                ..
            } => in_every_language("tags/"),
            PageKind::Edition(at) => self.edition_translations(0, &site.editions[at].id),
            PageKind::Language {
                lang,
                page: LanguagePage::Edition(at),
            } => self.edition_translations(lang, &site.editions_in(lang)[at].id),
            PageKind::EditionIndex(1)
            | PageKind::Language {
                page: LanguagePage::EditionIndex(1),
                ..
            } => {
                // Only the languages that have editions have an edition index.
                let with_editions: Vec<(usize, String)> = in_every_language("editions/")
                    .into_iter()
                    .filter(|(lang, _)| *lang == 0 || !site.editions_in(*lang).is_empty())
                    .collect();
                match with_editions.len() {
                    1 => Vec::new(),
                    _ => with_editions,
                }
            }
            PageKind::AuthorIndex
            | PageKind::Language {
                page: LanguagePage::AuthorIndex,
                ..
            } => in_every_language(crate::site::AUTHORS_FOLDER),
            PageKind::ArchiveIndex
            | PageKind::Language {
                page: LanguagePage::ArchiveIndex,
                ..
            } => in_every_language(crate::site::archive::ARCHIVE_FOLDER),
            PageKind::Search
            | PageKind::Language {
                page: LanguagePage::Search,
                ..
            } => in_every_language(super::search::SEARCH_FOLDER),
            _ => self.shared_translations(kind),
        }
    }

    /// The versions of an author's first page, or of a date archive page, in the languages
    /// that have it (an author who wrote in two of them, a month with articles in both); empty
    /// when only one does.
    fn shared_translations(&self, kind: PageKind) -> Vec<(usize, String)> {
        let site = self.site;
        let lang = self.language_of_page(kind);
        let page = match kind {
            PageKind::Language { page, .. } => page,
            PageKind::Author { author, page } => LanguagePage::Author { author, page },
            PageKind::ArchiveYear(y) => LanguagePage::ArchiveYear(y),
            PageKind::ArchiveMonth(y, m) => LanguagePage::ArchiveMonth(y, m),
            PageKind::ArchiveDay(y, m, d) => LanguagePage::ArchiveDay(y, m, d),
            _ => return Vec::new(),
        };
        let archive = site.archive_in(lang);
        // What identifies the page across languages, and its folder in language `l`.
        let folder_in: Box<dyn Fn(usize) -> Option<String>> = match page {
            LanguagePage::Author { author, page: 1 } => {
                let slug = &site.authors_in(lang)[author].slug;
                Box::new(move |l| {
                    let authors = site.authors_in(l);
                    let at = authors.binary_search_by(|a| a.slug.cmp(slug)).ok()?;
                    Some(authors[at].folder())
                })
            }
            LanguagePage::ArchiveYear(y) => {
                let year = archive.years[y].year;
                Box::new(move |l| {
                    let other = site.archive_in(l);
                    other
                        .has_page(year, None, None)
                        .then(|| other.year_folder(year))
                })
            }
            LanguagePage::ArchiveMonth(y, m) | LanguagePage::ArchiveDay(y, m, _) => {
                let year = &archive.years[y];
                let month = &year.months[m];
                let day = match page {
                    LanguagePage::ArchiveDay(.., d) => Some(month.days[d].day),
                    _ => None,
                };
                let (year, month) = (year.year, month.month);
                Box::new(move |l| {
                    let other = site.archive_in(l);
                    other.has_page(year, Some(month), day).then(|| match day {
                        Some(day) => other.day_folder(year, month, day),
                        None => other.month_folder(year, month),
                    })
                })
            }
            _ => return Vec::new(),
        };
        let found: Vec<(usize, String)> = (0..=site.config.languages.len())
            .filter_map(|l| Some((l, site.config.base_url.join(&folder_in(l)?))))
            .collect();
        match found.len() {
            0 | 1 => Vec::new(),
            _ => found,
        }
    }

    /// The `hreflang` alternates of a page: every translation and itself, then `x-default`
    /// (the default language's version, else the first one).
    pub(super) fn alternates(&self, kind: PageKind) -> Vec<Alternate> {
        let translations = self.translations_of(kind);
        let Some(default) = translations.first().map(|(_, url)| url.clone()) else {
            return Vec::new();
        };
        let codes = self.site.config.language_codes();
        let mut alternates: Vec<Alternate> = translations
            .into_iter()
            .map(|(lang, url)| Alternate {
                lang: codes[lang].to_string(),
                url,
            })
            .collect();
        alternates.push(Alternate {
            lang: "x-default".into(),
            url: default,
        });
        alternates
    }

    /// The language switcher of a page: each language, linking the page's translation when
    /// there is one, else that language's home. Empty on a single-language site.
    pub(super) fn switcher(&self, kind: PageKind, own_url: &str) -> Value {
        let config = &self.site.config;
        if !config.is_multilingual() {
            return Value::from(Vec::<Value>::new());
        }
        let own = self.language_of_page(kind);
        let translations = self.translations_of(kind);
        let switches: Vec<Switch> = config
            .language_codes()
            .into_iter()
            .enumerate()
            .map(|(lang, code)| {
                let translated = translations.iter().find(|(l, _)| *l == lang);
                let url = match translated {
                    Some((_, url)) => url.clone(),
                    // The page itself in its own language, whether or not it has translations.
                    None if lang == own => own_url.to_string(),
                    None => config.base_url.join(&config.language_folder(lang)),
                };
                Switch {
                    lang: code.to_string(),
                    name: language_name(code).to_string(),
                    url,
                    current: lang == own,
                    translated: translated.is_some(),
                }
            })
            .collect();
        Value::from_serializable(&switches)
    }
}

/// A fingerprint of a tag list's names, slugs and counts.
fn hash_tags(tags: &[Tag]) -> u64 {
    let mut hasher = crate::content::fingerprint_hasher();
    for tag in tags {
        (&tag.name, &tag.slug, tag.entries.len()).hash(&mut hasher);
    }
    hasher.finish()
}

/// Tag positions in the order of the tag index: by name, case-insensitively, then by slug.
fn by_name(tags: &[Tag]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..tags.len()).collect();
    order.sort_by_cached_key(|&at| (tags[at].name.to_lowercase(), tags[at].slug.clone()));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_for_open_graph() {
        assert_eq!(og_locale("uk"), "uk_UA");
        assert_eq!(og_locale("ru"), "ru_RU");
        assert_eq!(og_locale("en"), "en_US");
        assert_eq!(og_locale("en-gb"), "en_GB");
        assert_eq!(og_locale("de"), "de_DE");
        assert_eq!(language_name("uk"), "Українська");
        assert_eq!(language_name("xx"), "xx");
    }
}
