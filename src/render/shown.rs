//! Which articles' template values each page shows, so a single build can render the pages in
//! date order and drop each article's value and card after the last page that shows it.
//!
//! Input: a [`PageKind`] and the site. Output: the indexes (into `site.entries`) of the articles
//! whose value ([`Renderer::article`]) or card ([`Renderer::listed`]) the page renders with.
//! Counting these for the whole plan gives each value's number of uses; a page that shows an
//! article not listed here still renders right (the value is made again), it only keeps that
//! value longer.

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

use rayon::prelude::*;
use tera::Value;

use super::{LanguagePage, Page, PageKind, Renderer};
use crate::site::page_slice;

/// A value made on first use and, in a single build, dropped after its last use.
pub(super) type Slot<T> = Mutex<Option<T>>;

/// How many articles' slots are made at once.
const CHUNK: usize = 1024;

/// One [`Slot`] per article, made a chunk at a time on first use. A `watch` update renders a
/// few pages; at 100,000 articles, making (and dropping) every slot of its renderer up front
/// took 3–6 ms of each update, longer than planning it.
pub(super) struct Slots<T> {
    chunks: Vec<OnceLock<Box<[Slot<T>]>>>,
}

impl<T> Slots<T> {
    /// Room for `len` articles' slots, none made yet.
    pub(super) fn new(len: usize) -> Slots<T> {
        let chunks = (0..len.div_ceil(CHUNK)).map(|_| OnceLock::new()).collect();
        Slots { chunks }
    }

    /// The slots made so far, with their articles' indexes.
    pub(super) fn made(&self) -> impl Iterator<Item = (usize, &Slot<T>)> {
        self.chunks
            .iter()
            .enumerate()
            .filter_map(|(at, chunk)| Some((at * CHUNK, chunk.get()?)))
            .flat_map(|(first, chunk)| (first..).zip(chunk.iter()))
    }
}

impl<T> std::ops::Index<usize> for Slots<T> {
    type Output = Slot<T>;

    fn index(&self, index: usize) -> &Slot<T> {
        let chunk = self.chunks[index / CHUNK]
            .get_or_init(|| (0..CHUNK).map(|_| Mutex::new(None)).collect());
        &chunk[index % CHUNK]
    }
}

/// An article's card on list pages (a safe string).
#[derive(Debug, Clone)]
pub(super) struct Card {
    /// What the card shows ([`Renderer::listed`]): a card for another key is rendered again.
    pub(super) key: u64,
    pub(super) html: Value,
}

/// An article's value on list pages (with its card), and whether this renderer made it rather
/// than took it from the cache (so the cache learns it).
#[derive(Debug, Clone)]
pub(super) struct Listed {
    /// What the value shows ([`Renderer::listed`]).
    pub(super) key: u64,
    pub(super) value: Result<Value, String>,
    pub(super) fresh: bool,
}

/// The slot's value, even if a page panicked while holding it (the value is whole either way:
/// it is only ever replaced whole).
pub(super) fn lock<T>(slot: &Slot<T>) -> MutexGuard<'_, Option<T>> {
    slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Renderer<'_> {
    /// Makes this renderer drop each article's value and card once the last page of `plan`
    /// that shows it has rendered: a single build then holds the values of the pages being
    /// rendered, not the whole site's. (`watch` keeps them all, for the next edit.)
    pub fn drop_values_after_use(&mut self, plan: &[Page]) {
        let uses: Vec<AtomicU32> = self
            .site
            .entries
            .iter()
            .map(|_| AtomicU32::new(0))
            .collect();
        plan.par_iter()
            .with_max_len(crate::MAX_ITEMS_PER_TASK)
            .for_each(|page| {
                for index in self.values_shown(page.kind) {
                    uses[index].fetch_add(1, Ordering::Relaxed);
                }
            });
        self.uses = Some(uses);
        // Feed pages render first ([`PageKind::render_rank`]); their entries (each with its
        // body escaped for XML and JSON) are not needed after the last of them.
        let feeds = plan.iter().filter(|page| page.kind.render_rank() == 1);
        self.feeds_left = Some(AtomicUsize::new(feeds.count()));
    }

    /// The order to render `plan` in: the pages that show no article value first (the
    /// sitemap and feeds among them: the longest pages, started first so no core works alone
    /// at the end), then the others by the newest article they show. An article's page, the
    /// list pages that show it and its neighbours' pages then come close together, and its
    /// value lives from the first to the last of them.
    pub fn render_order<'p>(&self, plan: &'p [Page]) -> Vec<&'p Page> {
        let mut order: Vec<(usize, &Page)> = plan
            .par_iter()
            .map(|page| {
                let newest = match page.kind.render_rank() {
                    0 | 1 => None,
                    _ => self.values_shown(page.kind).into_iter().min(),
                };
                (newest.map_or(0, |index| index + 1), page)
            })
            .collect();
        order.par_sort_by_key(|(newest, page)| (*newest, page.kind.render_rank()));
        order.into_iter().map(|(_, page)| page).collect()
    }

    /// Called once a page has rendered: drops the values and cards whose last use it was.
    ///
    /// A page showing articles far older than its newest (a month's archive, an edition index)
    /// keeps their values until their own pages, which render soon after in date order. Dropping
    /// them after the list page and making them again cost 6–15% of a 100,000-article build
    /// (each value was made 2.2 times on average) and saved no peak memory (`bench/README.md`):
    /// that page holds them all while it renders anyway.
    pub(super) fn release(&self, kind: PageKind) {
        let Some(uses) = &self.uses else { return };
        if kind.render_rank() == 1 {
            self.release_feed_page();
        }
        for index in self.values_shown(kind) {
            let left =
                uses[index].fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
            if left == Ok(1) {
                // Taken out under the lock, freed outside it.
                let listed = lock(&self.listed[index]).take();
                let article = lock(&self.articles[index]).take();
                let card = lock(&self.cards[index]).take();
                drop((listed, article, card));
            }
        }
    }

    /// Called once a feed page has rendered: after the last one, drops every feed entry (a
    /// page that still needs one prepares it again).
    fn release_feed_page(&self) {
        let Some(left) = &self.feeds_left else { return };
        let was = left.fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
        if was == Ok(1) {
            for (_, slot) in self.feed_entries.made() {
                let prepared = lock(slot).take();
                drop(prepared);
            }
        }
    }

    /// The articles whose value or card page `kind` renders with.
    pub(super) fn values_shown(&self, kind: PageKind) -> Vec<usize> {
        let site = self.site;
        let paginate = site.config.paginate;
        match kind {
            PageKind::Article(index) => {
                let (newer, older) = site.languages.neighbours(index);
                let related = site.related.get(index).map_or(&[][..], Vec::as_slice);
                [newer, Some(index), older]
                    .into_iter()
                    .flatten()
                    .chain(related.iter().copied())
                    .collect()
            }
            PageKind::Home(number) => {
                page_slice(&site.languages.lists[0].entries, paginate, number).to_vec()
            }
            PageKind::Tag { tag, page } => {
                page_slice(&site.tags[tag].entries, paginate, page).to_vec()
            }
            PageKind::Author { author, page } => self.author_shown(0, author, page),
            PageKind::ArchiveMonth(y, m) => self.month_shown(0, (y, m), None),
            PageKind::ArchiveDay(y, m, d) => self.month_shown(0, (y, m), Some(d)),
            PageKind::Edition(at) => self.edition_shown(0, at),
            PageKind::EditionIndex(number) => self.edition_index_shown(0, number),
            PageKind::Language { lang, page } => self.language_shown(lang, page),
            _ => Vec::new(),
        }
    }

    fn language_shown(&self, lang: usize, page: LanguagePage) -> Vec<usize> {
        let list = &self.site.languages.lists[lang];
        let paginate = self.languages.configs[lang].paginate;
        match page {
            LanguagePage::Home(number) => page_slice(&list.entries, paginate, number).to_vec(),
            LanguagePage::Tag { tag, page } => {
                page_slice(&list.tags[tag].entries, paginate, page).to_vec()
            }
            LanguagePage::Author { author, page } => self.author_shown(lang, author, page),
            LanguagePage::ArchiveMonth(y, m) => self.month_shown(lang, (y, m), None),
            LanguagePage::ArchiveDay(y, m, d) => self.month_shown(lang, (y, m), Some(d)),
            LanguagePage::Edition(at) => self.edition_shown(lang, at),
            LanguagePage::EditionIndex(number) => self.edition_index_shown(lang, number),
            _ => Vec::new(),
        }
    }

    fn author_shown(&self, lang: usize, at: usize, number: usize) -> Vec<usize> {
        let paginate = self.languages.configs[lang].paginate;
        let author = &self.site.authors_in(lang)[at];
        page_slice(&author.entries, paginate, number).to_vec()
    }

    fn month_shown(&self, lang: usize, (y, m): (usize, usize), day: Option<usize>) -> Vec<usize> {
        let month = &self.site.archive_in(lang).years[y].months[m];
        match day {
            Some(d) => month.days[d].entries.clone(),
            None => month.entries.clone(),
        }
    }

    /// An edition page shows its articles, and its neighbours' (`prev` and `next`).
    fn edition_shown(&self, lang: usize, at: usize) -> Vec<usize> {
        let editions = self.site.editions_in(lang);
        let around = at.saturating_sub(1)..(at + 2).min(editions.len());
        editions[around]
            .iter()
            .flat_map(|edition| edition.entries.iter().copied())
            .collect()
    }

    fn edition_index_shown(&self, lang: usize, number: usize) -> Vec<usize> {
        let editions = self.site.editions_in(lang);
        let newest_first: Vec<usize> = (0..editions.len()).rev().collect();
        page_slice(&newest_first, self.editions_per_page(), number)
            .iter()
            .flat_map(|&at| editions[at].entries.iter().copied())
            .collect()
    }
}
