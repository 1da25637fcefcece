//! Related coverage: for each article, the few others that share its rarest tags and are
//! closest to it in time.
//!
//! Input: the site's articles (newest first), its tags and `related:` from config. Output: for
//! each article, the indexes of at most `related.limit` related articles, best first. Never the
//! article itself; older articles only unless `related.include_newer`, so an article's list is
//! fixed once written and a new article does not rewrite older pages.
//!
//! Score of a candidate: the sum over shared tags of the tag's rarity, `ln(1 + N / df)` (a tag
//! on a third of the site adds little, one on three articles a lot), times a closeness factor
//! `1 / (1 + days apart / 30)`. Candidates come from an inverted index (each tag's articles in
//! date order), and from each tag only the [`WINDOW`] articles nearest in time: scoring is then
//! linear in the articles, never quadratic, while candidates found are scored over every tag
//! they share.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::{Entry, Tag};
use crate::config::RelatedConfig;

/// How many articles nearest in time each shared tag contributes as candidates. Past a hundred
/// articles on one tag, the closeness factor makes a candidate's chance of making a top-5 list
/// negligible, and a bound keeps tags on half the site from costing N² work.
pub const WINDOW: usize = 100;

/// Seconds in a day, for the closeness factor.
const DAY: f64 = 86_400.0;

/// The related articles of every entry, by entry index.
pub fn index_related(
    entries: &[Arc<Entry>],
    tags: &[Tag],
    config: RelatedConfig,
) -> Vec<Vec<usize>> {
    let all: Vec<usize> = (0..entries.len()).collect();
    related_of(entries, tags, config, &all)
}

/// The related articles of the entries `only` (indexes into `entries`), in that order: what
/// [`index_related`] gives them. An article's list depends only on the articles of its own tags
/// and on how many articles each of those tags has, so an edit of some articles' tags changes
/// only the lists of articles on those tags (old or new): `watch` makes just those again.
pub fn related_of(
    entries: &[Arc<Entry>],
    tags: &[Tag],
    config: RelatedConfig,
    only: &[usize],
) -> Vec<Vec<usize>> {
    if config.limit == 0 || tags.is_empty() {
        return vec![Vec::new(); only.len()];
    }
    let total = entries.len() as f64;
    let rarity: Vec<f64> = tags
        .iter()
        .map(|tag| (1.0 + total / tag.entries.len().max(1) as f64).ln())
        .collect();
    let tag_index: HashMap<&str, usize> = tags
        .iter()
        .enumerate()
        .map(|(at, tag)| (tag.slug.as_str(), at))
        .collect();
    let seconds: Vec<i64> = entries
        .iter()
        .map(|e| e.article.date.unix_seconds())
        .collect();
    let input = Input {
        entries,
        tags,
        tag_index: &tag_index,
        rarity: &rarity,
        seconds: &seconds,
        config,
    };
    // Rayon makes one `Scratch` per piece of work it splits off, and a `Scratch` is the size
    // of the site: so a few pieces per thread, not one per few articles. Pieces of 16 made this
    // step quadratic (484 ms at 100,000 articles against 16 ms at 10,000).
    let pieces = 4 * rayon::current_num_threads();
    only.par_iter()
        .with_min_len(only.len().div_ceil(pieces).max(1))
        .map_init(
            || Scratch {
                seen: vec![usize::MAX; entries.len()],
                shared: vec![0.0; entries.len()],
                touched: Vec::new(),
                scored: Vec::new(),
                own: Vec::new(),
            },
            |scratch, &index| input.related(index, scratch),
        )
        .collect()
}

/// Buffers for one piece of the work, so finding one article's candidates allocates nothing.
struct Scratch {
    /// For each entry, the article whose candidates it last joined (dedup without sorting).
    seen: Vec<usize>,
    /// For each candidate, the rarity of the tags it shares with the current article.
    shared: Vec<f64>,
    /// The current article's candidates, in the order found.
    touched: Vec<usize>,
    /// (score, seconds apart, index) of the current article's candidates.
    scored: Vec<(f64, i64, usize)>,
    /// The current article's tags, as indexes into `tags`.
    own: Vec<usize>,
}

/// What scoring reads, shared by every article's search.
struct Input<'a> {
    entries: &'a [Arc<Entry>],
    tags: &'a [Tag],
    tag_index: &'a HashMap<&'a str, usize>,
    rarity: &'a [f64],
    seconds: &'a [i64],
    config: RelatedConfig,
}

impl Input<'_> {
    fn related(&self, index: usize, scratch: &mut Scratch) -> Vec<usize> {
        scratch.touched.clear();
        // Its tags sorted, each once, so a candidate's rarities add up in one order.
        let own = &mut scratch.own;
        own.clear();
        let slugs = &self.entries[index].article.tag_slugs;
        own.extend(
            slugs
                .iter()
                .filter_map(|slug| self.tag_index.get(slug.as_str())),
        );
        own.sort_unstable();
        own.dedup();
        for &tag in own.iter() {
            // Newest first, so by index: the older articles follow this one. Members of one
            // tag near in time are near in index, so the buffers below are read in runs.
            let members = &self.tags[tag].entries;
            let at = members.partition_point(|&m| m <= index);
            let older = members[at..].iter().take(WINDOW);
            let newer = members[..at].iter().rev().filter(|&&m| m != index);
            let newer = newer.take(if self.config.include_newer { WINDOW } else { 0 });
            for &other in older.chain(newer) {
                if scratch.seen[other] != index {
                    scratch.seen[other] = index;
                    scratch.shared[other] = 0.0;
                    scratch.touched.push(other);
                }
                scratch.shared[other] += self.rarity[tag];
            }
        }
        scratch.scored.clear();
        for &other in &scratch.touched {
            let apart = (self.seconds[index] - self.seconds[other]).abs();
            let score = scratch.shared[other] / (1.0 + apart as f64 / DAY / 30.0);
            scratch.scored.push((score, apart, other));
        }
        // Best score first; ties by closeness in time, then by the site's order.
        let order = |a: &(f64, i64, usize), b: &(f64, i64, usize)| {
            b.0.total_cmp(&a.0)
                .then_with(|| a.1.cmp(&b.1))
                .then_with(|| a.2.cmp(&b.2))
        };
        let scored = &mut scratch.scored;
        let limit = self.config.limit;
        if scored.len() > limit {
            // Only the best few need sorting: select them first, in linear time.
            scored.select_nth_unstable_by(limit - 1, order);
            scored.truncate(limit);
        }
        scored.sort_by(order);
        scored.iter().map(|&(_, _, other)| other).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, Overrides};
    use crate::content::parse_article;
    use crate::markdown::Rendered;
    use crate::site::Site;
    use std::path::Path;

    fn site(specs: &[(&str, &str)], related: &str) -> Site {
        let text = format!("title: T\nbase_url: https://e.org/\nrelated: {related}\n");
        let config =
            Arc::new(Config::parse(Path::new("c.yaml"), &text, &Overrides::default()).unwrap());
        let entries = specs
            .iter()
            .enumerate()
            .map(|(i, (date, tags))| {
                let path = format!("content/a{i}.md");
                let text = format!("---\ntitle: A{i}\ndate: {date}\ntags: [{tags}]\n---\nB\n");
                let article =
                    parse_article(Path::new(&path), Path::new(&path), text, 0, &config).unwrap();
                Arc::new(Entry::new(article, Rendered::default()))
            })
            .collect();
        Site::new(config, entries).unwrap()
    }

    fn names(site: &Site, indexes: &[usize]) -> Vec<String> {
        indexes
            .iter()
            .map(|&i| site.entries[i].article.title.clone())
            .collect()
    }

    #[test]
    fn rare_shared_tags_and_closeness_rank_older_articles() {
        let site = site(
            &[
                ("2025-03-10", "common, grain"),
                ("2025-03-09", "common"),
                ("2025-03-08", "common, grain"),
                ("2025-02-25", "common, grain"),
                ("2025-03-11", "common, grain"),
                ("2025-03-12", "other"),
            ],
            "{limit: 3}",
        );
        // A0 (10 March): A2 shares the rare tag and is close; A3 shares it but is far; A1
        // shares only the common tag. A4 is newer: left out.
        let a0 = site.entries.iter().position(|e| e.article.title == "A0");
        let related = &site.related[a0.unwrap()];
        assert_eq!(names(&site, related), ["A2", "A3", "A1"]);
        // Never itself, and the newest article with no shared tag has none.
        for (index, list) in site.related.iter().enumerate() {
            assert!(!list.contains(&index));
            assert!(list.iter().all(|&other| other > index), "older only");
        }
        assert!(site.related[0].is_empty());
    }

    /// Every older article sharing a tag with `index`, scored as [`Input::related`] scores
    /// them (rarities summed in tag order) and fully sorted: the lists without the window or
    /// the selection of the best few.
    fn by_sorting_every_candidate(site: &Site, index: usize, limit: usize) -> Vec<usize> {
        let total = site.entries.len() as f64;
        let has = |at: usize, tag: &Tag| tag.entries.contains(&at);
        let seconds = |at: usize| site.entries[at].article.date.unix_seconds();
        let mut scored: Vec<(f64, i64, usize)> = (index + 1..site.entries.len())
            .filter_map(|other| {
                let shared: Vec<&Tag> = (site.tags.iter())
                    .filter(|tag| has(index, tag) && has(other, tag))
                    .collect();
                if shared.is_empty() {
                    return None;
                }
                let rarity = |tag: &Tag| (1.0 + total / tag.entries.len() as f64).ln();
                let sum = shared.iter().fold(0.0, |sum, tag| sum + rarity(tag));
                let apart = (seconds(index) - seconds(other)).abs();
                Some((sum / (1.0 + apart as f64 / DAY / 30.0), apart, other))
            })
            .collect();
        scored.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| a.1.cmp(&b.1))
                .then_with(|| a.2.cmp(&b.2))
        });
        scored.iter().take(limit).map(|s| s.2).collect()
    }

    #[test]
    fn the_lists_are_the_best_of_every_candidate_fully_sorted() {
        // 80 articles on six days, each with one to three of five tags: many equal scores
        // and equal distances, so the tie-breaks decide.
        let names = ["a", "b", "c", "d", "e"];
        let mut state = 7u64;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        let specs: Vec<(String, String)> = (0..80)
            .map(|_| {
                let date = format!("2025-03-{:02}", 1 + 5 * next(6));
                let tags: Vec<&str> = (0..1 + next(3)).map(|_| names[next(5) as usize]).collect();
                (date, tags.join(", "))
            })
            .collect();
        let specs: Vec<(&str, &str)> = specs
            .iter()
            .map(|(d, t)| (d.as_str(), t.as_str()))
            .collect();
        for limit in [1, 3, 10, 100] {
            let site = site(&specs, &format!("{{limit: {limit}}}"));
            assert!(site.tags.iter().all(|tag| tag.entries.len() < WINDOW));
            for index in 0..site.entries.len() {
                let expected = by_sorting_every_candidate(&site, index, limit);
                assert_eq!(
                    site.related[index], expected,
                    "article {index}, limit {limit}"
                );
            }
        }
    }

    #[test]
    fn newer_articles_when_asked_and_nothing_at_limit_zero() {
        let specs = [("2025-03-10", "x"), ("2025-03-11", "x")];
        let newer = site(&specs, "{include_newer: true}");
        assert_eq!(newer.related[1], [0]);
        let off = site(&specs, "{limit: 0}");
        assert!(off.related.iter().all(Vec::is_empty));
    }
}
