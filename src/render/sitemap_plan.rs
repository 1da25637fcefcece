//! The sitemap files a plan gets: which pages the sitemap lists, with their last change, and
//! whether they fit one `sitemap.xml` or need an index of parts.
//!
//! Input: the planned pages. Output: the sitemap files to add to the plan, and the URLs they
//! list; [`super::sitemap`] writes the XML.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use rayon::prelude::*;

use super::{LanguagePage, Page, PageKind, Renderer, hash_of, sitemap};
use crate::date::Date;
use crate::site::Entry;

/// The pages of `plan` the sitemap lists, in plan order: a `sitemap-N.xml` part lists the
/// URLs of a range of them.
pub(super) fn listed_pages(plan: &[Page]) -> Vec<&Page> {
    plan.iter()
        .filter(|page| is_sitemap_page(page.kind))
        .collect()
}

/// The URL ranges of the sitemap parts among `kinds`, in order.
fn part_ranges(kinds: impl IntoIterator<Item = PageKind>) -> impl Iterator<Item = Range<usize>> {
    kinds.into_iter().filter_map(|kind| match kind {
        PageKind::SitemapPart { start, end } => Some(start..end),
        _ => None,
    })
}

impl<'a> Renderer<'a> {
    /// The sitemap files for the HTML pages of `pages`: `sitemap.xml` alone, or, past the
    /// protocol's limits, `sitemap.xml` as an index and its `sitemap-N.xml` parts.
    pub(super) fn sitemap_files(&self, pages: &[Page]) -> Vec<(String, PageKind)> {
        let limits = self.sitemap_limits;
        let listed = listed_pages(pages);
        debug_assert!(
            listed.len()
                == pages
                    .iter()
                    .filter(|p| self.lastmod(p.kind).is_some())
                    .count(),
            "the sitemap lists the pages is_sitemap_page takes"
        );
        // Translations add `<xhtml:link>` lines the length bound does not count.
        let by_count = match self.site.config.is_multilingual() {
            true => None,
            false => {
                let base_len = self.site.config.base_url.as_str().len();
                let paths: Vec<&str> = listed.iter().map(|page| page.path.as_str()).collect();
                sitemap::chunks_by_count(base_len, &paths, limits)
            }
        };
        let parts =
            by_count.unwrap_or_else(|| sitemap::chunks(&self.sitemap_urls(&listed), limits));
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

    /// The bytes of a sitemap file of `plan`. Each file makes the URLs it lists, and only
    /// those: an edit that changes one part's URLs renders that part alone, and a build holds
    /// at most one part's URLs per core.
    pub(super) fn render_sitemap(&self, kind: PageKind, plan: &[Page]) -> Vec<u8> {
        let listed = listed_pages(plan);
        match kind {
            PageKind::SitemapIndex { .. } => {
                let newest: Vec<Option<&Date>> = part_ranges(plan.iter().map(|page| page.kind))
                    .map(|range| self.newest_lastmod(&listed[range]))
                    .collect();
                sitemap::sitemap_index(&self.site.config.base_url, &newest)
            }
            PageKind::SitemapPart { start, end } => {
                sitemap::sitemap(&self.sitemap_urls(&listed[start..end]))
            }
            _ => sitemap::sitemap(&self.sitemap_urls(&listed)),
        }
    }

    /// The URLs of `pages`, each with its last change: an article's update or date, a list's
    /// newest article.
    fn sitemap_urls(&self, pages: &[&Page]) -> Vec<sitemap::SitemapUrl> {
        let site = self.site;
        pages
            .par_iter()
            .with_min_len(1024)
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

    /// The newest last change among `pages`: what the sitemap index shows for their part.
    fn newest_lastmod(&self, pages: &[&Page]) -> Option<&Date> {
        sitemap::newest(
            pages
                .iter()
                .filter_map(|page| self.lastmod(page.kind).flatten()),
        )
    }

    /// The shape of each sitemap file of `files`: what it shows, so that `watch` renders a
    /// file again only when that changes. A part shows its pages' paths and last changes (a
    /// title or body edit leaves it alone); the index shows each part's newest last change.
    /// `None` on a multilingual site, whose alternates this does not cover: the caller falls
    /// back to a fingerprint of every article.
    pub(super) fn sitemap_shapes(
        &self,
        pages: &[Page],
        files: &[(String, PageKind)],
    ) -> Option<Vec<u64>> {
        if self.site.config.is_multilingual() {
            return None;
        }
        let listed = listed_pages(pages);
        let (lastmods, hashes): (Vec<Option<&Date>>, Vec<u64>) = listed
            .par_iter()
            .with_min_len(1024)
            .map(|page| {
                let lastmod = self.lastmod(page.kind).flatten();
                // The instant and offset say all that `<lastmod>` prints, without printing it.
                let mut hasher = crate::content::fingerprint_hasher();
                page.path.hash(&mut hasher);
                lastmod.map(stamp).hash(&mut hasher);
                (lastmod, hasher.finish())
            })
            .unzip();
        let ranges: Vec<Range<usize>> = part_ranges(files.iter().map(|(_, kind)| *kind)).collect();
        let shapes = files
            .iter()
            .map(|(_, kind)| match *kind {
                PageKind::SitemapPart { start, end } => hash_of(&&hashes[start..end]),
                PageKind::SitemapIndex { .. } => {
                    let newest: Vec<Option<(i64, i32)>> = ranges
                        .iter()
                        .map(|range| {
                            sitemap::newest(lastmods[range.clone()].iter().flatten().copied())
                                .map(stamp)
                        })
                        .collect();
                    hash_of(&newest)
                }
                _ => hash_of(&hashes),
            })
            .collect();
        Some(shapes)
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

/// What `<lastmod>` prints of a date: its instant and offset.
fn stamp(date: &Date) -> (i64, i32) {
    (date.unix_seconds(), date.offset_seconds())
}
