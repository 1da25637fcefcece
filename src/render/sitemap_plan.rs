//! The sitemap files a plan gets: which pages the sitemap lists, with their last change, and
//! whether they fit one `sitemap.xml` or need an index of parts.
//!
//! Input: the planned pages. Output: the sitemap files to add to the plan, and the URLs they
//! list; [`super::sitemap`] writes the XML.

use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

use std::sync::Arc;

use super::shown::lock;
use super::{LanguagePage, Page, PageKind, Renderer, sitemap};
use crate::date::Date;
use crate::site::Entry;

impl<'a> Renderer<'a> {
    /// The sitemap files for the HTML pages of `pages`: `sitemap.xml` alone, or, past the
    /// protocol's limits, `sitemap.xml` as an index and its `sitemap-N.xml` parts.
    pub(super) fn sitemap_files(&self, pages: &[Page]) -> Vec<(String, PageKind)> {
        let limits = self.sitemap_limits;
        let base_len = self.site.config.base_url.as_str().len();
        let html: Vec<&str> = pages
            .iter()
            .filter(|page| is_sitemap_page(page.kind))
            .map(|page| page.path.as_str())
            .collect();
        // Translations add `<xhtml:link>` lines the quick estimates do not count.
        let multilingual = self.site.config.is_multilingual();
        debug_assert!(
            multilingual
                || html.len()
                    == pages
                        .iter()
                        .filter(|p| self.lastmod(p.kind).is_some())
                        .count(),
            "the sitemap lists the pages is_sitemap_page takes"
        );
        if !multilingual && !sitemap::may_need_index(base_len, html.iter().copied(), limits) {
            return vec![("sitemap.xml".into(), PageKind::Sitemap)];
        }
        let by_count = match multilingual {
            false => sitemap::chunks_by_count(base_len, &html, limits),
            true => None,
        };
        let parts = by_count.unwrap_or_else(|| sitemap::chunks(&self.sitemap_urls(pages), limits));
        if parts.len() == 1 {
            return vec![("sitemap.xml".into(), PageKind::Sitemap)];
        }
        let mut files = vec![(
            "sitemap.xml".to_string(),
            PageKind::SitemapIndex { parts: parts.len() },
        )];
        for (index, part) in parts.into_iter().enumerate() {
            let kind = PageKind::SitemapPart {
                start: part.start,
                end: part.end,
            };
            files.push((sitemap::part_name(index + 1), kind));
        }
        files
    }

    /// Every HTML page of the plan with its last change: an article's update or date, a list's
    /// newest article. Made on the first call and kept: a renderer plans and renders one plan,
    /// and the sitemap files it adds to the plan list no URL of their own. A single build
    /// drops them after the last sitemap file ([`Renderer::release`]).
    pub(super) fn sitemap_urls(&self, plan: &[Page]) -> Arc<Vec<sitemap::SitemapUrl>> {
        // Made under the lock, on this core alone: parallel work here could let this thread
        // pick up another sitemap file's page while it waits, which would wait on this lock.
        let mut kept = lock(&self.sitemap_urls);
        let urls = kept.get_or_insert_with(|| Arc::new(self.make_sitemap_urls(plan)));
        debug_assert_eq!(
            urls.len(),
            plan.iter()
                .filter(|p| self.lastmod(p.kind).is_some())
                .count(),
            "sitemap URLs made for another plan"
        );
        Arc::clone(urls)
    }

    fn make_sitemap_urls(&self, plan: &[Page]) -> Vec<sitemap::SitemapUrl> {
        let site = self.site;
        plan.iter()
            .filter_map(|page| {
                let lastmod = self.lastmod(page.kind)?;
                let folder = page.path.strip_suffix("index.html").unwrap_or(&page.path);
                Some(sitemap::SitemapUrl {
                    loc: site.config.base_url.join(folder),
                    lastmod: lastmod.cloned(),
                    alternates: self.alternates(page.kind),
                })
            })
            .collect()
    }

    /// Changes when anything the sitemap files show changes: which pages they list and each
    /// one's last change. A title or body edit leaves it alone, so `watch` does not render the
    /// sitemap (every URL of the site) again for it. `None` on a multilingual site, whose
    /// alternates this does not cover: the caller falls back to a fingerprint of every article.
    pub(super) fn sitemap_fingerprint(&self, pages: &[Page]) -> Option<u64> {
        if self.site.config.is_multilingual() {
            return None;
        }
        let hashes: Vec<u64> = pages
            .par_iter()
            .with_min_len(256)
            .filter_map(|page| {
                let lastmod = self.lastmod(page.kind)?;
                // The instant and offset say all that `<lastmod>` prints, without printing it.
                let mut hasher = crate::content::fingerprint_hasher();
                page.path.hash(&mut hasher);
                lastmod
                    .map(|date| (date.unix_seconds(), date.offset_seconds()))
                    .hash(&mut hasher);
                Some(hasher.finish())
            })
            .collect();
        let mut hasher = DefaultHasher::new();
        hashes.hash(&mut hasher);
        Some(hasher.finish())
    }

    /// The `<lastmod>` of a page: its newest article's last change. `None` when the sitemap does
    /// not list the page. Borrowed: cloning a date clones its time zone, whose shared count
    /// both cores would fight over for every page of the plan.
    fn lastmod(&self, kind: PageKind) -> Option<Option<&Date>> {
        let site = self.site;
        let newest = |entry: Option<&'a Entry>| entry.map(|e| e.article.last_change());
        let lastmod = match kind {
            PageKind::Article(i) => newest(Some(&site.entries[i])),
            PageKind::Home(n) => {
                let first = site.languages.lists[0]
                    .entries
                    .get((n - 1) * site.config.paginate);
                newest(first.map(|&i| &*site.entries[i]))
            }
            PageKind::Language { lang, page } => {
                let list = &site.languages.lists[lang];
                let first = match page {
                    LanguagePage::Home(n) => list.entries.get((n - 1) * site.config.paginate),
                    LanguagePage::TagIndex => list.entries.first(),
                    LanguagePage::Tag { tag, page } => list.tags[tag]
                        .entries
                        .get((page - 1) * site.config.paginate),
                    LanguagePage::EditionIndex(_) => list.entries.first(),
                    LanguagePage::Edition(at) => site.editions_in(lang)[at].entries.first(),
                    LanguagePage::AuthorIndex | LanguagePage::ArchiveIndex => list.entries.first(),
                    LanguagePage::Author { author, page } => site.authors_in(lang)[author]
                        .entries
                        .get((page - 1) * site.config.paginate),
                    LanguagePage::ArchiveYear(y) => {
                        site.archive_in(lang).years[y].months[0].entries.first()
                    }
                    LanguagePage::ArchiveMonth(y, m) => {
                        site.archive_in(lang).years[y].months[m].entries.first()
                    }
                    LanguagePage::ArchiveDay(y, m, d) => site.archive_in(lang).years[y].months[m]
                        .days[d]
                        .entries
                        .first(),
                    _ => return None,
                };
                newest(first.map(|&i| &*site.entries[i]))
            }
            PageKind::TagIndex => newest(site.entries.first().map(|e| &**e)),
            PageKind::Tag { tag, page } => {
                let first = site.tags[tag]
                    .entries
                    .get((page - 1) * site.config.paginate);
                newest(first.map(|&i| &*site.entries[i]))
            }
            PageKind::Edition(at) => newest(
                site.editions[at]
                    .entries
                    .first()
                    .map(|&i| &*site.entries[i]),
            ),
            PageKind::EditionIndex(_) | PageKind::AuthorIndex | PageKind::ArchiveIndex => {
                let first = site.languages.lists[0].entries.first();
                newest(first.map(|&i| &*site.entries[i]))
            }
            PageKind::ArchiveYear(y) => {
                let first = site.archive.years[y].months[0].entries.first();
                newest(first.map(|&i| &*site.entries[i]))
            }
            PageKind::ArchiveMonth(y, m) => {
                let first = site.archive.years[y].months[m].entries.first();
                newest(first.map(|&i| &*site.entries[i]))
            }
            PageKind::ArchiveDay(y, m, d) => {
                let first = site.archive.years[y].months[m].days[d].entries.first();
                newest(first.map(|&i| &*site.entries[i]))
            }
            PageKind::Author { author, page } => {
                let first = site.authors[author]
                    .entries
                    .get((page - 1) * site.config.paginate);
                newest(first.map(|&i| &*site.entries[i]))
            }
            _ => return None,
        };
        Some(lastmod)
    }
}

/// Whether the sitemap lists pages of this kind: the HTML pages a reader lands on.
pub(super) fn is_sitemap_page(kind: PageKind) -> bool {
    matches!(
        kind,
        PageKind::Article(_)
            | PageKind::Home(_)
            | PageKind::TagIndex
            | PageKind::Tag { .. }
            | PageKind::EditionIndex(_)
            | PageKind::Edition(_)
            | PageKind::AuthorIndex
            | PageKind::Author { .. }
            | PageKind::ArchiveIndex
            | PageKind::ArchiveYear(_)
            | PageKind::ArchiveMonth(..)
            | PageKind::ArchiveDay(..)
    ) || matches!(kind, PageKind::Language { page, .. } if page.is_html())
}
