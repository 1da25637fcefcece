//! The in-memory site: articles sorted newest first and indexed by tag, edition, language,
//! author and date, with each article's related articles; pagination.
//!
//! Input: the checked config and every rendered article. Output: a [`Site`] that the render
//! stage reads. An edit that keeps every article's place (same URL, same date, nothing added or
//! removed) patches the last site ([`Site::with_edits`]); any other change builds a new one.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::Article;
use crate::error::{Diagnostic, Error};
use crate::markdown::Rendered;

pub mod aliases;
pub mod archive;
pub mod authors;
pub mod editions;
pub mod related;
pub use authors::{AUTHORS_FOLDER, Author, author_folder};
pub use editions::{Edition, IntroEntry, Intros, edition_folder};
pub mod languages;
pub use languages::Languages;

/// An article with its rendered body.
#[derive(Debug)]
pub struct Entry {
    /// Metadata and source (shared with the pipeline, which keeps it between builds).
    pub article: Arc<Article>,
    /// HTML, summary and word count.
    pub rendered: Rendered,
    /// Changes whenever anything a page shows of this article changes.
    pub fingerprint: u64,
}

impl Entry {
    /// Pairs an article with its rendered body.
    pub fn new(article: impl Into<Arc<Article>>, rendered: Rendered) -> Entry {
        let article = article.into();
        let mut hasher = crate::content::fingerprint_hasher();
        (article.version, &article.url_path, &rendered).hash(&mut hasher);
        let fingerprint = hasher.finish();
        Entry {
            article,
            rendered,
            fingerprint,
        }
    }
}

/// A tag and the articles that carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The most common spelling among its articles.
    pub name: String,
    /// Lowercase ASCII: `sanctions`, `sanktsii`.
    pub slug: String,
    /// Indexes into [`Site::entries`], newest first.
    pub entries: Vec<usize>,
}

/// The whole site, ready to render.
#[derive(Debug)]
pub struct Site {
    /// The configuration.
    pub config: Arc<Config>,
    /// Published articles, newest first (ties broken by path, so order is stable).
    pub entries: Vec<Arc<Entry>>,
    /// Every tag, by slug.
    pub tags: Vec<Tag>,
    /// Every edition of the default language, oldest first (numbered 1, 2, …).
    pub editions: Vec<Edition>,
    /// The editions of each language, as `editions` (index 0, the default, stays empty: its
    /// editions are `editions`, where they always were). See [`Site::editions_in`].
    pub language_editions: Vec<Vec<Edition>>,
    /// Edition intros by edition id (also those of editions with no article yet).
    pub intros: Arc<Intros>,
    /// The articles by language and their translations (one list on a single-language site).
    pub languages: Languages,
    /// Every author named in a byline of the default language, by slug.
    pub authors: Vec<Author>,
    /// The authors of each language, as `authors` (index 0, the default, stays empty: its
    /// authors are `authors`). See [`Site::authors_in`].
    pub language_authors: Vec<Vec<Author>>,
    /// The default language's articles by year, month and day.
    pub archive: archive::Archive,
    /// The archive of each language, as `archive` (index 0 stays empty). See
    /// [`Site::archive_in`].
    pub language_archives: Vec<archive::Archive>,
    /// Each article's related articles (indexes into `entries`), best first.
    pub related: Arc<Vec<Vec<usize>>>,
    /// Each entry's key of what pages show of it ([`Site::view_key`]), kept by
    /// [`Site::with_edits`] for the entries an edit leaves alone.
    pub view_keys: Vec<u64>,
}

/// What an edit changed, when it kept every URL and the order ([`Site::with_edits`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The edited articles (indexes into `entries`).
    pub at: Vec<usize>,
    /// Whether the edit changed nothing but the edited articles' view keys: the same tags,
    /// authors, editions, last changes and legacy URLs, so every page keeps its path and shows
    /// the same articles, and only the pages showing the edited ones may look different.
    pub same_shape: bool,
}

/// Generated pages live here; an article may not take these URLs.
pub(crate) const RESERVED: &[&str] = &[
    "tags/",
    "page/",
    editions::EDITIONS_FOLDER,
    authors::AUTHORS_FOLDER,
    archive::ARCHIVE_FOLDER,
    "search/",
    "pagefind/",
];

/// The default language's editions, and each language's (the default's slot left empty).
fn index_all_editions(
    entries: &[Arc<Entry>],
    config: &Config,
    intros: &Intros,
) -> (Vec<Edition>, Vec<Vec<Edition>>) {
    let defaults = editions::index_editions(entries, config, intros, 0);
    let others = (0..=config.languages.len())
        .map(|language| match language {
            0 => Vec::new(),
            _ => editions::index_editions(entries, config, intros, language),
        })
        .collect();
    (defaults, others)
}

/// The authors of each language, the default's first; on a single-language site, every author.
fn index_all_authors(
    entries: &[Arc<Entry>],
    config: &Config,
    languages: &Languages,
) -> (Vec<Author>, Vec<Vec<Author>>) {
    let mut all: Vec<Vec<Author>> = (0..=config.languages.len())
        .map(|language| {
            let folder = config.language_folder(language);
            let keep = |index: usize| languages.of_entry[index] == language;
            authors::index_authors_in(entries, &config.authors, &folder, keep)
        })
        .collect();
    let defaults = std::mem::take(&mut all[0]);
    (defaults, all)
}

/// The archive of each language, the default's first; on a single-language site, every article.
fn index_all_archives(
    entries: &[Arc<Entry>],
    config: &Config,
    languages: &Languages,
) -> (archive::Archive, Vec<archive::Archive>) {
    let mut all: Vec<archive::Archive> = (0..=config.languages.len())
        .map(|language| {
            let folder = config.language_folder(language);
            let keep = |index: usize| languages.of_entry[index] == language;
            archive::index_archive_in(entries, &config.permalink, &folder, keep)
        })
        .collect();
    let defaults = std::mem::take(&mut all[0]);
    (defaults, all)
}

/// A tag's folder in the output: `tags/russia/`.
pub fn tag_folder(slug: &str) -> String {
    format!("tags/{slug}/")
}

impl Site {
    /// Sorts and indexes the articles; two articles with one URL are an error naming both.
    pub fn new(config: Arc<Config>, entries: Vec<Arc<Entry>>) -> Result<Site, Vec<Error>> {
        Site::with_intros(config, entries, Arc::default())
    }

    /// [`Site::new`] with the intros of its editions.
    pub fn with_intros(
        config: Arc<Config>,
        mut entries: Vec<Arc<Entry>>,
        intros: Arc<Intros>,
    ) -> Result<Site, Vec<Error>> {
        entries.sort_by(|a, b| newest_first(&a.article, &b.article));
        check_urls(&entries)?;
        let languages = Languages::index(&entries, &config)?;
        // `tags` are the default language's; the others' are in `languages`.
        let tags = index_tags(&entries, |index| languages.of_entry[index] == 0);
        let (editions, language_editions) = index_all_editions(&entries, &config, &intros);
        let (authors, language_authors) = index_all_authors(&entries, &config, &languages);
        let (archive, language_archives) = index_all_archives(&entries, &config, &languages);
        aliases::check_aliases(&entries, &archive)?;
        let started = std::time::Instant::now();
        let related = Arc::new(related::index_related(&entries, &tags, config.related));
        // Printed with the pipeline's stage timings: its share of a build is watched (#18).
        if std::env::var_os("NEWSPRINT_TRACE").is_some() {
            let ms = started.elapsed().as_secs_f64() * 1e3;
            eprintln!("trace: related    {ms:>7.2} ms (of the site stage)");
        }
        let mut site = Site {
            config,
            entries,
            tags,
            editions,
            language_editions,
            intros,
            languages,
            authors,
            language_authors,
            archive,
            language_archives,
            related,
            view_keys: Vec::new(),
        };
        site.view_keys = site.all_view_keys();
        Ok(site)
    }

    /// Changes when anything a page shows of entry `index` changes: the article, or how the
    /// site spells its tags (editing one article can respell a tag on every page showing another).
    pub fn view_key(&self, index: usize) -> u64 {
        let entry = &self.entries[index];
        let mut hasher = crate::content::fingerprint_hasher();
        entry.fingerprint.hash(&mut hasher);
        for slug in &entry.article.tag_slugs {
            self.tag_in(self.language_of(index), slug)
                .map(|tag| &tag.name)
                .hash(&mut hasher);
        }
        hasher.finish()
    }

    fn all_view_keys(&self) -> Vec<u64> {
        (0..self.entries.len())
            .into_par_iter()
            .with_max_len(crate::MAX_ITEMS_PER_TASK)
            .map(|index| self.view_key(index))
            .collect()
    }

    /// This site with `edited` entries swapped in for the ones of the same path, when that
    /// keeps every URL and the order (same dates); `None` when the site must be rebuilt.
    /// Patched in place: copying every index of a large site would cost an edit milliseconds.
    pub fn with_edits(
        mut self,
        edited: &[Arc<Entry>],
        intros: &Arc<Intros>,
    ) -> Option<(Site, Edit)> {
        // What the sitemap and the redirects show of an article beside its view key.
        let mut same_rest = true;
        let mut same_tags = true;
        let mut same_authors = true;
        // Each article's language and translations.
        let mut same_languages = true;
        // Editions group by `edition:` key or date, sections by tag, titles by intro.
        let mut same_editions = Arc::ptr_eq(&self.intros, intros);
        let mut at = Vec::with_capacity(edited.len());
        // The tags (slugs) whose articles or spelling an edit may change.
        let mut retagged: Vec<String> = Vec::new();
        for entry in edited {
            let new = &entry.article;
            // Entries are sorted by date, then path: an article that kept its date is found
            // by a binary search, and one that did not is not found, which the full
            // assembly handles.
            let index = self
                .entries
                .binary_search_by(|e| newest_first(&e.article, new))
                .ok()?;
            let old = &self.entries[index].article;
            // The same instant in another offset may fall on another day of the archive.
            let same_date = old.date.unix_seconds() == new.date.unix_seconds()
                && old.date.offset_seconds() == new.date.offset_seconds();
            if old.url_path != new.url_path || !same_date {
                return None;
            }
            let same_language = old.lang == new.lang && old.translation_key == new.translation_key;
            same_languages &= same_language;
            let tags_kept = old.tags == new.tags && same_language;
            if !same_language {
                retagged.extend(old.tag_slugs.iter().chain(&new.tag_slugs).cloned());
            } else if !tags_kept {
                retagged.extend(respelled(old, new).into_iter().map(str::to_string));
            }
            same_tags &= tags_kept;
            same_authors &= old.authors == new.authors;
            same_editions &= old.edition == new.edition;
            if old.aliases != new.aliases {
                // A new alias may collide: the full assembly checks.
                return None;
            }
            let (old_change, new_change) = (old.last_change(), new.last_change());
            same_rest &= old_change.unix_seconds() == new_change.unix_seconds()
                && old_change.offset_seconds() == new_change.offset_seconds()
                && old.legacy_url_path == new.legacy_url_path;
            self.entries[index] = entry.clone();
            at.push(index);
        }
        // Same dates, same order: every article stays where it was filed in the archive.
        if !same_languages {
            self.languages = Languages::index(&self.entries, &self.config).ok()?;
        } else if !same_tags {
            // Which articles each language has is the same: only its tags change.
            self.languages.index_tags(&self.entries);
        }
        retagged.sort_unstable();
        retagged.dedup();
        if !same_tags {
            let languages = &self.languages;
            let tags = std::mem::take(&mut self.tags);
            let keep = |index| languages.of_entry[index] == 0;
            self.tags = retag(tags, &self.entries, &retagged, &at, keep);
        }
        // The articles an edit of tags can change the page of: the edited ones, and those on
        // a retagged tag, whose related articles (the tag's rarity) and tag names may change.
        let mut affected = at.clone();
        for language in 0..self.languages.lists.len() {
            for slug in &retagged {
                let tag = self.tag_in(language, slug);
                affected.extend(tag.iter().flat_map(|tag| &tag.entries));
            }
        }
        affected.sort_unstable();
        affected.dedup();
        if !same_tags {
            let lists =
                related::related_of(&self.entries, &self.tags, self.config.related, &affected);
            let related = Arc::make_mut(&mut self.related);
            for (&index, list) in affected.iter().zip(lists) {
                related[index] = list;
            }
        }
        // Editions take tags only to group their articles into `editions.sections`.
        let sections_retagged = (self.config.editions.sections.iter())
            .any(|name| retagged.binary_search(&crate::url::slugify(name)).is_ok());
        if !(same_editions && same_languages) || sections_retagged {
            (self.editions, self.language_editions) =
                index_all_editions(&self.entries, &self.config, intros);
        }
        if !(same_authors && same_languages) {
            (self.authors, self.language_authors) =
                index_all_authors(&self.entries, &self.config, &self.languages);
        }
        self.intros = intros.clone();
        let keys: Vec<u64> = affected
            .par_iter()
            .with_max_len(crate::MAX_ITEMS_PER_TASK)
            .map(|&index| self.view_key(index))
            .collect();
        for (&index, key) in affected.iter().zip(keys) {
            self.view_keys[index] = key;
        }
        let same_shape = same_rest && same_tags && same_authors && same_editions;
        Some((self, Edit { at, same_shape }))
    }

    /// The editions of language `language` (0 is the default), oldest first.
    pub fn editions_in(&self, language: usize) -> &[Edition] {
        match language {
            0 => &self.editions,
            _ => self
                .language_editions
                .get(language)
                .map_or(&[][..], Vec::as_slice),
        }
    }

    /// The authors of language `language` (0 is the default), by slug.
    pub fn authors_in(&self, language: usize) -> &[Author] {
        match language {
            0 => &self.authors,
            _ => self
                .language_authors
                .get(language)
                .map_or(&[][..], Vec::as_slice),
        }
    }

    /// The archive of language `language` (0 is the default).
    pub fn archive_in(&self, language: usize) -> &archive::Archive {
        match language {
            0 => &self.archive,
            _ => self
                .language_archives
                .get(language)
                .unwrap_or(&self.archive),
        }
    }

    /// The tag with this slug.
    pub fn tag(&self, slug: &str) -> Option<&Tag> {
        self.tags
            .binary_search_by(|tag| tag.slug.as_str().cmp(slug))
            .ok()
            .map(|index| &self.tags[index])
    }

    /// The author with this slug.
    pub fn author(&self, slug: &str) -> Option<&Author> {
        self.authors
            .binary_search_by(|author| author.slug.as_str().cmp(slug))
            .ok()
            .map(|index| &self.authors[index])
    }

    /// The indexes of [`Site::tags`] in the tag index's order: by name, case-insensitively,
    /// letters compared by code point, so digits come first, then Latin, Greek and Cyrillic
    /// (`diplomacy`, `Energy`, `енергетика`); ties by slug, so the order is stable.
    pub fn tags_by_name(&self) -> Vec<usize> {
        let mut keyed: Vec<(String, usize)> = self
            .tags
            .iter()
            .enumerate()
            .map(|(index, tag)| (tag.name.to_lowercase(), index))
            .collect();
        keyed.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| self.tags[a.1].slug.cmp(&self.tags[b.1].slug))
        });
        keyed.into_iter().map(|(_, index)| index).collect()
    }

    /// How many list pages `count` articles fill (at least one, so an empty site has a home),
    /// at most `paginate_max_pages`: older articles are reached through the date archive.
    pub fn page_count(&self, count: usize) -> usize {
        let pages = count.div_ceil(self.config.paginate).max(1);
        self.config
            .paginate_max_pages
            .map_or(pages, |max| pages.min(max))
    }

    /// Whether a list of `count` articles has more than its pages show.
    pub fn list_is_cut(&self, count: usize) -> bool {
        self.page_count(count) * self.config.paginate < count
    }
}

/// The site's order: newest first, and by source path within one second.
fn newest_first(a: &Article, b: &Article) -> std::cmp::Ordering {
    b.date
        .unix_seconds()
        .cmp(&a.date.unix_seconds())
        .then_with(|| a.path.cmp(&b.path))
}

/// Two articles with one URL, or an article on a URL of newsprint's own pages, as errors.
pub(crate) fn check_urls(entries: &[Arc<Entry>]) -> Result<(), Vec<Error>> {
    let mut errors = Vec::new();
    let mut seen: HashMap<&str, &Article> = HashMap::with_capacity(entries.len());
    for entry in entries {
        let article: &Article = &entry.article;
        if let Some(first) = seen.insert(&article.url_path, article) {
            let (first, second) = if first.path < article.path {
                (first, article)
            } else {
                (article, first)
            };
            errors.push(
                Diagnostic::file(
                    &second.display_path,
                    format!(
                        "two articles have the URL `/{}`: `{}` and `{}`",
                        article.url_path,
                        first.display_path.display(),
                        second.display_path.display()
                    ),
                )
                .with_help("give one of them a different `slug:`")
                .into(),
            );
        }
        // Paths newsprint keeps for its own pages are checked with every other output path,
        // once the pages are planned (`crate::claims`).
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Groups the tags of the entries `keep` accepts by slug, so `Sanctions` and `sanctions` are
/// one tag.
fn index_tags(entries: &[Arc<Entry>], keep: impl Fn(usize) -> bool) -> Vec<Tag> {
    let mut by_slug: HashMap<&str, (Vec<usize>, HashMap<&str, usize>)> = HashMap::new();
    for (index, entry) in entries.iter().enumerate().filter(|(i, _)| keep(*i)) {
        let article = &entry.article;
        for (name, slug) in article.tags.iter().zip(&article.tag_slugs) {
            let (members, spellings) = by_slug.entry(slug.as_str()).or_default();
            if members.last() != Some(&index) {
                members.push(index);
            }
            *spellings.entry(name.as_str()).or_default() += 1;
        }
    }
    let mut tags: Vec<Tag> = by_slug
        .into_iter()
        .map(|(slug, (entries, spellings))| Tag {
            name: most_used(slug, spellings),
            slug: slug.to_string(),
            entries,
        })
        .collect();
    tags.sort_by(|a, b| a.slug.cmp(&b.slug));
    tags
}

/// `tags` (of the articles `keep` takes) after the articles `edited` changed their tags: the
/// tags of the `retagged` slugs indexed again from their articles, the others kept. What
/// [`index_tags`] gives, without reading every article: at 100,000 articles it took ~100 ms
/// of a `watch` update.
fn retag(
    mut tags: Vec<Tag>,
    entries: &[Arc<Entry>],
    retagged: &[String],
    edited: &[usize],
    keep: impl Fn(usize) -> bool,
) -> Vec<Tag> {
    for slug in retagged {
        let at = tags.binary_search_by(|tag| tag.slug.cmp(slug));
        let old = at.map_or_else(|_| Vec::new(), |at| std::mem::take(&mut tags[at].entries));
        let now_on = |index: usize| keep(index) && entries[index].article.tag_slugs.contains(slug);
        let mut members: Vec<usize> = old.into_iter().filter(|i| !edited.contains(i)).collect();
        members.extend(edited.iter().copied().filter(|&index| now_on(index)));
        members.sort_unstable();
        members.dedup();
        let mut spellings: HashMap<&str, usize> = HashMap::new();
        for &index in &members {
            let article = &entries[index].article;
            for (name, _) in (article.tags.iter().zip(&article.tag_slugs)).filter(|t| t.1 == slug) {
                *spellings.entry(name.as_str()).or_default() += 1;
            }
        }
        let tag = Tag {
            name: most_used(slug, spellings),
            slug: slug.clone(),
            entries: members,
        };
        match (at, tag.entries.is_empty()) {
            (Ok(at), false) => tags[at] = tag,
            (Ok(at), true) => drop(tags.remove(at)),
            (Err(at), false) => tags.insert(at, tag),
            (Err(_), true) => {}
        }
    }
    tags
}

/// The tags (slugs) `new` joined, left or spells otherwise than `old`: the tags whose articles
/// or spellings an edit from `old` to `new` changes. A tag kept as it was is not among them,
/// nor are its other articles: their related lists and names stay as they were.
fn respelled<'a>(old: &'a Article, new: &'a Article) -> Vec<&'a str> {
    // An article has each slug once, under one spelling: a slug whose (slug, name) pair is on
    // one side only was joined, left or respelled.
    let pairs = |article: &'a Article| -> Vec<(&'a str, &'a str)> {
        (article.tag_slugs.iter().map(String::as_str))
            .zip(article.tags.iter().map(String::as_str))
            .collect()
    };
    let (before, after) = (pairs(old), pairs(new));
    let mut slugs: Vec<&str> = (before.iter().filter(|pair| !after.contains(pair)))
        .chain(after.iter().filter(|pair| !before.contains(pair)))
        .map(|pair| pair.0)
        .collect();
    slugs.sort_unstable();
    slugs.dedup();
    slugs
}

/// A tag's name: its most used spelling, the first in code point order of equally used ones.
fn most_used(slug: &str, spellings: HashMap<&str, usize>) -> String {
    spellings
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map_or_else(|| slug.to_string(), |(name, _)| name.to_string())
}

/// One list page's slice of a list, 1-based `number`.
pub fn page_slice<T>(items: &[T], per_page: usize, number: usize) -> &[T] {
    let start = (number - 1) * per_page;
    let end = (start + per_page).min(items.len());
    items.get(start..end).unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;
    use crate::content::parse_article;
    use std::path::Path;

    fn config() -> Arc<Config> {
        let text = "title: T\nbase_url: https://e.org/\npaginate: 2\n";
        Arc::new(Config::parse(Path::new("c.yaml"), text, &Overrides::default()).unwrap())
    }

    fn entry(path: &str, date: &str, tags: &str, slug: Option<&str>) -> Arc<Entry> {
        let slug_line = slug.map(|s| format!("slug: {s}\n")).unwrap_or_default();
        let text = format!("---\ntitle: A\ndate: {date}\ntags: [{tags}]\n{slug_line}---\nBody\n");
        let article = parse_article(Path::new(path), Path::new(path), text, 0, &config()).unwrap();
        Arc::new(Entry::new(article, Rendered::default()))
    }

    #[test]
    fn tag_index_sorts_by_name_latin_before_cyrillic() {
        let entries = vec![
            entry("content/a.md", "2025-03-01", "Energy", Some("a")),
            entry("content/b.md", "2025-03-02", "енергетика", Some("b")),
            entry("content/c.md", "2025-03-03", "diplomacy", Some("c")),
            entry("content/d.md", "2025-03-04", "Zapad", Some("d")),
        ];
        let site = Site::new(config(), entries).unwrap();
        let names: Vec<&str> = site
            .tags_by_name()
            .into_iter()
            .map(|i| site.tags[i].name.as_str())
            .collect();
        assert_eq!(names, ["diplomacy", "Energy", "Zapad", "енергетика"]);
    }

    #[test]
    fn sorted_newest_first_and_tags_merged() {
        let site = Site::new(
            config(),
            vec![
                entry("content/a.md", "2025-03-01", "Sanctions, Russia", None),
                entry("content/b.md", "2025-03-03", "sanctions", None),
                entry("content/c.md", "2025-03-02", "sanctions, Санкции", None),
            ],
        )
        .unwrap();
        let order: Vec<_> = site
            .entries
            .iter()
            .map(|e| e.article.path.to_str().unwrap())
            .collect();
        assert_eq!(order, ["content/b.md", "content/c.md", "content/a.md"]);
        let sanctions = site.tag("sanctions").unwrap();
        assert_eq!(sanctions.name, "sanctions");
        assert_eq!(sanctions.entries, vec![0, 1, 2]);
        assert_eq!(site.tag("sanktsii").unwrap().name, "Санкции");
        assert_eq!(site.page_count(3), 2);
        assert_eq!(site.page_count(0), 1);
    }

    #[test]
    fn list_pages_stop_at_paginate_max_pages() {
        let text = "title: T\nbase_url: https://e.org/\npaginate: 2\npaginate_max_pages: 3\n";
        let config = Config::parse(Path::new("c.yaml"), text, &Overrides::default()).unwrap();
        let site = Site::new(Arc::new(config), Vec::new()).unwrap();
        assert_eq!((site.page_count(6), site.list_is_cut(6)), (3, false));
        assert_eq!((site.page_count(7), site.list_is_cut(7)), (3, true));
        let unlimited = "title: T\nbase_url: https://e.org/\npaginate: 2\npaginate_max_pages: 0\n";
        let config = Config::parse(Path::new("c.yaml"), unlimited, &Overrides::default()).unwrap();
        let site = Site::new(Arc::new(config), Vec::new()).unwrap();
        assert_eq!((site.page_count(7), site.list_is_cut(7)), (4, false));
    }

    #[test]
    fn tag_case_variants_merge() {
        let site = Site::new(
            config(),
            vec![
                entry("content/a.md", "2025-03-01", "Sanctions", None),
                entry("content/b.md", "2025-03-02", "Sanctions", None),
                entry("content/c.md", "2025-03-03", "sanctions", None),
            ],
        )
        .unwrap();
        assert_eq!(site.tags.len(), 1);
        assert_eq!(site.tags[0].name, "Sanctions");
    }

    #[test]
    fn duplicate_urls_name_both_files() {
        let errors = Site::new(
            config(),
            vec![
                entry("content/2025/03/a.md", "2025-03-01", "x", Some("same")),
                entry("content/2025/03/b.md", "2025-03-02", "x", Some("same")),
            ],
        )
        .unwrap_err();
        let shown = errors[0].to_string();
        assert!(
            shown.contains("content/2025/03/a.md") && shown.contains("content/2025/03/b.md"),
            "{shown}"
        );
    }

    #[test]
    fn page_slices() {
        let items = [1, 2, 3, 4, 5];
        assert_eq!(page_slice(&items, 2, 1), &[1, 2]);
        assert_eq!(page_slice(&items, 2, 3), &[5]);
        assert!(page_slice(&items, 2, 4).is_empty());
    }

    /// 300 articles, six hours apart, on tags of varied rarity (the common ones past the
    /// related window); article `i` with tags `tags(i)`.
    fn tagged_entries(tags: impl Fn(usize) -> String) -> Vec<Arc<Entry>> {
        (0..300)
            .map(|i| {
                let (day, hour) = (1 + i / 4, (i % 4) * 6);
                let text = format!(
                    "---\ntitle: A{i}\ndate: 2025-01-{:02}T{hour:02}:00:00Z\ntags: [{}]\n---\nB\n",
                    day % 28 + 1,
                    tags(i)
                );
                let path = format!("content/m{}/a{i}.md", day / 28);
                let article =
                    parse_article(Path::new(&path), Path::new(&path), text, 0, &config()).unwrap();
                Arc::new(Entry::new(article, Rendered::default()))
            })
            .collect()
    }

    fn tags_of(i: usize) -> String {
        let mut tags = vec!["common"];
        if i.is_multiple_of(3) {
            tags.push("third");
        }
        if i.is_multiple_of(17) {
            tags.push("Rare");
        }
        if i.is_multiple_of(2) {
            tags.push("half");
        }
        tags.join(", ")
    }

    #[test]
    fn respelled_tags_are_those_joined_left_or_spelled_otherwise() {
        let config = config();
        let article = |tags: &str| {
            let text = format!("---\ntitle: A\ndate: 2025-03-01\ntags: [{tags}]\n---\nB\n");
            let path = Path::new("content/a.md");
            parse_article(path, path, text, 0, &config).unwrap()
        };
        let old = article("Russia, Ukraine, sanctions");
        let cases = [
            ("nuclear, Russia, Ukraine, sanctions", vec!["nuclear"]),
            ("Russia, Ukraine", vec!["sanctions"]),
            ("russia, Ukraine, sanctions", vec!["russia"]),
            ("sanctions, Ukraine, Russia", vec![]),
        ];
        for (tags, expected) in cases {
            assert_eq!(respelled(&old, &article(tags)), expected, "{tags}");
        }
    }

    #[test]
    fn an_edit_of_tags_patches_tags_related_lists_view_keys_and_editions_as_a_fresh_site_has_them()
    {
        let every_kind: &[(usize, &str)] = &[
            (40, "common, rare, new"), // respells a tag, joins a rare one, starts one
            (41, ""),                  // leaves every tag
            (150, "third, half"),      // leaves the common tag
            (299, "common, third, Rare"), // the oldest joins more
        ];
        // The common tags kept: only the rare tag's articles change.
        let kept: &[(usize, &str)] = &[
            (60, "common, third, Rare, half"), // joins the rare tag
            (51, "common, third, rare"),       // respells it
        ];
        for edits in [every_kind, kept] {
            check_edits_of_tags(edits);
        }
    }

    /// Edits the tags of `edits` (article, tags) in one update, with and without
    /// `editions.sections`, and compares what the edit patches with a fresh site.
    fn check_edits_of_tags(edits: &[(usize, &str)]) {
        let edited_tags = |i: usize| match edits.iter().find(|(at, _)| *at == i) {
            Some((_, tags)) => tags.to_string(),
            None => tags_of(i),
        };
        // Editions group by tag only with `editions.sections`: then a retagged section's.
        let text = "title: T\nbase_url: https://e.org/\neditions: {sections: [Rare, third]}\n";
        let sectioned = Config::parse(Path::new("c.yaml"), text, &Overrides::default()).unwrap();
        for config in [config(), Arc::new(sectioned)] {
            let last = Site::new(config.clone(), tagged_entries(tags_of)).unwrap();
            let fresh = Site::new(config, tagged_entries(edited_tags)).unwrap();
            let edited: Vec<Arc<Entry>> = tagged_entries(edited_tags)
                .into_iter()
                .filter(|entry| {
                    let title = &entry.article.title;
                    edits.iter().any(|(at, _)| *title == format!("A{at}"))
                })
                .collect();
            let intros = last.intros.clone();
            let (patched, edit) = last.with_edits(&edited, &intros).unwrap();
            assert!(!edit.same_shape);
            assert!(fresh.related.iter().filter(|list| list.len() == 5).count() > 200);
            assert_eq!(patched.related, fresh.related);
            assert_eq!(patched.view_keys, fresh.view_keys);
            let names = |site: &Site| -> Vec<(String, Vec<usize>)> {
                (site.tags.iter())
                    .map(|tag| (tag.name.clone(), tag.entries.clone()))
                    .collect()
            };
            assert_eq!(names(&patched), names(&fresh));
            let sections = |site: &Site| -> Vec<Vec<editions::Section>> {
                (site.editions.iter())
                    .map(|edition| edition.sections.clone())
                    .collect()
            };
            assert!(!fresh.editions.is_empty());
            assert_eq!(sections(&patched), sections(&fresh));
        }
    }
}
