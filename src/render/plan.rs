//! The plan: every output file of the site as a [`Page`], with a fingerprint of what it shows.
//!
//! Input: the [`Site`](crate::site::Site) (one view key per article) and the renderer's settings.
//! Output: the pages, articles first (so `watch` writes the edited page soonest). Each page's
//! fingerprint is made of two parts: a hash of what the page shows that no article edit changes
//! without reshaping the site (counts, names, pagination: its *shape*), and the view keys of the
//! articles it shows. `watch` keeps both parts, so an edit that keeps the site's shape
//! re-fingerprints only the pages that show the edited articles ([`Renderer::next_plan`]) instead
//! of every page of the site.

use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use super::feeds::FeedFormat;
use super::{Page, PageKind, Renderer, hash_of, list_path};
use crate::site::{Edit, Tag, page_slice, tag_folder};

/// A plan with what lets the next edit re-plan only what it touched.
#[derive(Debug, Default)]
pub struct Plan {
    /// Every page, as [`Renderer::plan`] gives them.
    pub pages: Vec<Page>,
    /// What each fingerprint is made of; `None` for a plan that cannot be patched.
    inputs: Option<Inputs>,
}

impl From<Vec<Page>> for Plan {
    /// A plan that cannot be patched: the next update plans anew.
    fn from(pages: Vec<Page>) -> Plan {
        Plan {
            pages,
            inputs: None,
        }
    }
}

impl Plan {
    /// Forgets the pages, so the next publish compares against none and plans anew.
    pub fn clear(&mut self) {
        *self = Plan::default();
    }
}

/// The plan after an edit, made by [`Renderer::next_plan`].
#[derive(Debug)]
pub enum NextPlan {
    /// The last plan, with new fingerprints for the pages showing the edited articles (page
    /// number, fingerprint): an edit that kept the site's shape.
    Patched(Vec<(usize, u64)>),
    /// A plan made anew.
    New(Plan),
}

impl NextPlan {
    /// Every page: those of `last` when patched.
    pub fn pages<'a>(&'a self, last: &'a Plan) -> &'a [Page] {
        match self {
            NextPlan::Patched(_) => &last.pages,
            NextPlan::New(plan) => &plan.pages,
        }
    }

    /// Makes `last` this plan, once it is published.
    pub fn apply(self, last: &mut Plan) {
        match self {
            NextPlan::Patched(fingerprints) => {
                for (at, fingerprint) in fingerprints {
                    last.pages[at].fingerprint = fingerprint;
                }
            }
            NextPlan::New(plan) => *last = plan,
        }
    }
}

/// What the fingerprints of a plan are made of, page by page, as the planner records them.
#[derive(Debug)]
struct Recorded {
    /// Each page's shape hash.
    shapes: Vec<u64>,
    /// Page `p` shows the articles `shown[starts[p]..starts[p + 1]]`, in the order hashed.
    starts: Vec<u32>,
    shown: Vec<u32>,
}

impl Default for Recorded {
    fn default() -> Recorded {
        Recorded {
            shapes: Vec::new(),
            starts: vec![0],
            shown: Vec::new(),
        }
    }
}

/// What a plan kept for the next edit: its record, and the other direction of it.
#[derive(Debug)]
struct Inputs {
    recorded: Recorded,
    /// Article `a` is shown on the pages `showing[showing_starts[a]..showing_starts[a + 1]]`.
    showing_starts: Vec<u32>,
    showing: Vec<u32>,
    /// The day the plan was made: the news sitemap lists that day's articles.
    today: String,
}

/// A page's fingerprint: its shape, then the view key of each article it shows.
fn fingerprint(keys: &[u64], shape: u64, shows: impl IntoIterator<Item = usize>) -> u64 {
    let mut hasher = crate::content::fingerprint_hasher();
    shape.hash(&mut hasher);
    for index in shows {
        keys[index].hash(&mut hasher);
    }
    hasher.finish()
}

/// Builds a plan page by page: the one place a fingerprint is made.
pub(super) struct Planner<'k> {
    keys: &'k [u64],
    pub(super) pages: Vec<Page>,
    /// Kept only for `watch`: a build plans once.
    recorded: Option<Recorded>,
}

impl Planner<'_> {
    /// Adds the page at `path` showing `kind`, whose fingerprint is `shape` and the view keys of
    /// the articles `shows`: every article whose title, summary, tags or text the page shows.
    pub(super) fn add(
        &mut self,
        path: String,
        kind: PageKind,
        shape: impl Hash,
        shows: impl IntoIterator<Item = usize>,
    ) {
        let shape = hash_of(&shape);
        let fingerprint = match &mut self.recorded {
            None => fingerprint(self.keys, shape, shows),
            Some(recorded) => {
                let from = recorded.shown.len();
                recorded
                    .shown
                    .extend(shows.into_iter().map(|index| index as u32));
                recorded.starts.push(recorded.shown.len() as u32);
                recorded.shapes.push(shape);
                let shows = recorded.shown[from..].iter().map(|&index| index as usize);
                fingerprint(self.keys, shape, shows)
            }
        };
        self.pages.push(Page {
            path,
            kind,
            fingerprint,
        });
    }

    /// Adds a feed in its three formats, in `folder`.
    pub(super) fn add_feeds(
        &mut self,
        folder: &str,
        kind: impl Fn(FeedFormat) -> PageKind,
        shape: impl Hash,
        shows: &[usize],
    ) {
        let shape = hash_of(&shape);
        for format in FeedFormat::ALL {
            let path = format!("{folder}{}", format.file_name());
            self.add(path, kind(format), shape, shows.iter().copied());
        }
    }

    /// The plan, with the index from each article to the pages that show it when kept.
    fn finish(self, articles: usize, today: String) -> Plan {
        let inputs = self.recorded.map(|recorded| {
            let (showing_starts, showing) = invert(&recorded.starts, &recorded.shown, articles);
            Inputs {
                recorded,
                showing_starts,
                showing,
                today,
            }
        });
        Plan {
            pages: self.pages,
            inputs,
        }
    }
}

/// From the articles each page shows to the pages each article is shown on (a counting sort).
fn invert(starts: &[u32], shown: &[u32], articles: usize) -> (Vec<u32>, Vec<u32>) {
    let mut counts = vec![0u32; articles + 1];
    for &article in shown {
        counts[article as usize + 1] += 1;
    }
    for at in 1..counts.len() {
        counts[at] += counts[at - 1];
    }
    let showing_starts = counts.clone();
    let mut showing = vec![0u32; shown.len()];
    for (page, range) in starts.windows(2).enumerate() {
        for &article in &shown[range[0] as usize..range[1] as usize] {
            let slot = &mut counts[article as usize];
            showing[*slot as usize] = page as u32;
            *slot += 1;
        }
    }
    (showing_starts, showing)
}

impl Renderer<'_> {
    /// Every page of the site, articles first (so `watch` writes the edited page soonest).
    pub fn plan(&self) -> Vec<Page> {
        self.plan_with(None).pages
    }

    /// [`Renderer::plan`], keeping what [`Renderer::next_plan`] needs to patch it.
    pub fn plan_for_updates(&self) -> Plan {
        self.plan_with(Some(Recorded::default()))
    }

    /// The plan after `edit` (`None`: the site was assembled anew): `last` re-fingerprinted
    /// where it shows the edited articles when the edit kept the site's shape, else a new plan.
    pub fn next_plan(&self, last: &Plan, edit: Option<&Edit>) -> NextPlan {
        let patched = edit
            .filter(|edit| edit.same_shape)
            .and_then(|edit| self.replan(last, &edit.at));
        match patched {
            Some(fingerprints) => NextPlan::Patched(fingerprints),
            None => NextPlan::New(self.plan_for_updates()),
        }
    }

    /// The new fingerprints of the pages of `last` that show one of the articles `edited`, for
    /// an edit that kept the site's shape (the same URLs, order, tags, authors, editions, last
    /// changes: [`Edit::same_shape`]), so every other page is as `last` planned it. `None` when
    /// `last` cannot be patched: it kept no inputs, or a day has passed since.
    fn replan(&self, last: &Plan, edited: &[usize]) -> Option<Vec<(usize, u64)>> {
        let inputs = last.inputs.as_ref()?;
        if inputs.today != self.now.iso_date() {
            return None;
        }
        let mut pages: Vec<usize> = edited
            .iter()
            .flat_map(|&article| {
                let from = inputs.showing_starts[article] as usize;
                let to = inputs.showing_starts[article + 1] as usize;
                inputs.showing[from..to].iter().map(|&page| page as usize)
            })
            .collect();
        pages.sort_unstable();
        pages.dedup();
        let keys = &self.site.view_keys;
        let fingerprints = pages
            .into_iter()
            .map(|page| {
                let recorded = &inputs.recorded;
                let from = recorded.starts[page] as usize;
                let to = recorded.starts[page + 1] as usize;
                let shows = recorded.shown[from..to].iter().map(|&index| index as usize);
                (page, fingerprint(keys, recorded.shapes[page], shows))
            })
            .collect();
        Some(fingerprints)
    }

    fn plan_with(&self, recorded: Option<Recorded>) -> Plan {
        let site = self.site;
        let count = site.entries.len();
        let mut planner = Planner {
            keys: &site.view_keys,
            pages: Vec::with_capacity(count + count / 8),
            recorded,
        };
        self.plan_articles(&mut planner);
        self.plan_lists(&mut planner);
        self.plan_editions(&mut planner);
        self.plan_languages(&mut planner);
        for lang in 0..=site.config.languages.len() {
            self.plan_authors(lang, &mut planner);
            self.plan_archive(lang, &mut planner);
            self.plan_search(lang, &mut planner);
        }
        self.plan_aliases(&mut planner);
        self.plan_sitemaps(&mut planner);
        planner.finish(count, self.now.iso_date())
    }

    /// Article pages. Each shows its neighbours in its language, its translations (hreflang,
    /// the switcher) and its related articles.
    fn plan_articles(&self, planner: &mut Planner) {
        let site = self.site;
        // Paths made in parallel: on one core, the article pages left the other core idle.
        // `concat` allocates the path once; `format!` grew it, and took 25-48 ms at 100,000
        // articles where this takes 17-22.
        let paths: Vec<String> = site
            .entries
            .par_iter()
            .with_max_len(crate::MAX_ITEMS_PER_TASK)
            .map(|entry| [entry.article.url_path.as_str(), "index.html"].concat())
            .collect();
        for (index, path) in paths.into_iter().enumerate() {
            let (newer, older) = site.languages.neighbours(index);
            let translations = &site.languages.translations[index];
            let related = site.related.get(index).map_or(&[][..], Vec::as_slice);
            let shows = [newer, Some(index), older]
                .into_iter()
                .flatten()
                .chain(translations.iter().copied())
                .chain(related.iter().copied());
            planner.add(path, PageKind::Article(index), related.len(), shows);
        }
    }

    /// The default language's home pages, tag pages and feeds, and the fixed files.
    fn plan_lists(&self, planner: &mut Planner) {
        let site = self.site;
        let config = &site.config;
        // The default language's articles: every article on a single-language site.
        let all = &site.languages.lists[0].entries;
        let home_pages = site.page_count(all.len());
        for number in 1..=home_pages {
            let slice = page_slice(all, config.paginate, number);
            let kind = PageKind::Home(number);
            // The count too: past `paginate_max_pages` a removed old article changes no slice,
            // but the last page's archive link may come or go.
            let shape = (home_pages, all.len());
            planner.add(list_path("", number), kind, shape, slice.iter().copied());
        }
        let tag_summary = self.tag_summary();
        planner.add(
            "tags/index.html".into(),
            PageKind::TagIndex,
            tag_summary,
            [],
        );
        for (at, tag) in site.tags.iter().enumerate() {
            let page = |page| PageKind::Tag { tag: at, page };
            let feed = |format| PageKind::TagFeed(at, format);
            self.plan_tag(planner, tag, &tag_folder(&tag.slug), page, feed);
        }
        let newest = &all[..all.len().min(config.feeds.limit)];
        planner.add_feeds("", PageKind::SiteFeed, (), newest);
        planner.add("404.html".into(), PageKind::NotFound, (), []);
        if config.news_sitemap {
            let shape = (tag_summary, self.now.iso_date());
            planner.add(
                "news-sitemap.xml".into(),
                PageKind::NewsSitemap,
                shape,
                0..site.entries.len(),
            );
        }
        planner.add("robots.txt".into(), PageKind::Robots, (), []);
        planner.add(".nojekyll".into(), PageKind::NoJekyll, (), []);
        if let Some(cname) = &config.cname {
            planner.add("CNAME".into(), PageKind::Cname, cname, []);
        }
    }

    /// A tag's pages and feeds in `folder`, of the kinds `page` (by page number) and `feed`.
    pub(super) fn plan_tag(
        &self,
        planner: &mut Planner,
        tag: &Tag,
        folder: &str,
        page: impl Fn(usize) -> PageKind,
        feed: impl Fn(FeedFormat) -> PageKind,
    ) {
        let config = &self.site.config;
        let total = self.site.page_count(tag.entries.len());
        for number in 1..=total {
            let slice = page_slice(&tag.entries, config.paginate, number);
            // The count too: every page shows it, and past `paginate_max_pages` removing an old
            // article changes no page's slice.
            let shape = (&tag.name, total, tag.entries.len());
            let path = list_path(folder, number);
            planner.add(path, page(number), shape, slice.iter().copied());
        }
        let newest = &tag.entries[..tag.entries.len().min(config.feeds.limit)];
        planner.add_feeds(folder, feed, &tag.name, newest);
    }

    /// The tags' names, slugs and counts: what the tag index shows.
    fn tag_summary(&self) -> u64 {
        let mut hasher = crate::content::fingerprint_hasher();
        for tag in &self.site.tags {
            (&tag.name, &tag.slug, tag.entries.len()).hash(&mut hasher);
        }
        hasher.finish()
    }

    /// Last, when every HTML page is planned: their number and URLs decide the sitemap files.
    fn plan_sitemaps(&self, planner: &mut Planner) {
        let files = self.sitemap_files(&planner.pages);
        match self.sitemap_shapes(&planner.pages, &files) {
            Some(shapes) => {
                for ((path, kind), shape) in files.into_iter().zip(shapes) {
                    planner.add(path, kind, (shape, kind), []);
                }
            }
            // A multilingual sitemap: every article, whose translations it links.
            None => {
                let tag_summary = self.tag_summary();
                for (path, kind) in files {
                    let all = 0..self.site.entries.len();
                    planner.add(path, kind, (tag_summary, kind), all);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::invert;

    #[test]
    fn invert_lists_each_articles_pages_in_page_order() {
        // Page 0 shows 1 and 0, page 1 nothing, page 2 shows 1 twice.
        let (starts, showing) = invert(&[0, 2, 2, 4], &[1, 0, 1, 1], 3);
        assert_eq!(starts, [0, 1, 4, 4]);
        assert_eq!(showing, [0, 0, 2, 2]);
    }
}
