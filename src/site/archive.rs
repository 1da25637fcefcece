//! Date archives: the articles grouped by year, month and day of their permalink date.
//!
//! Input: the site's articles (newest first) and the permalink. Output: an [`Archive`], newest
//! year, month and day first. Under a permalink that starts with `/:year/:month/` the archive
//! pages sit at those URL prefixes (`2025/`, `2025/03/`, and `2025/03/16/` when `:day` follows),
//! so every prefix of an article URL is a page; otherwise under `archive/2025/03/`. Dates are
//! the ones the permalink uses (the writer's offset), so an article is always filed under the
//! folder its URL names.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::Entry;
use crate::url::Permalink;

/// The folder of the archive index, and of the year pages when URLs do not start with a date.
pub const ARCHIVE_FOLDER: &str = "archive/";

/// Every article by date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Archive {
    /// The language's folder: `""` for the default language, `uk/` for another.
    pub base: String,
    /// Where year folders go: `""` (at the URL prefixes) or `archive/`, after `base`.
    pub root: String,
    /// Whether each day gets a page too (the permalink has `:day` after the month).
    pub has_days: bool,
    /// Newest first.
    pub years: Vec<Year>,
}

/// One year of articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    /// The year, e.g. 2025.
    pub year: i16,
    /// Newest first.
    pub months: Vec<Month>,
}

/// One month of articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Month {
    /// 1–12.
    pub month: i8,
    /// Indexes into `Site::entries`, newest first.
    pub entries: Vec<usize>,
    /// Newest first.
    pub days: Vec<Day>,
}

/// One day of articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// 1–31.
    pub day: i8,
    /// Indexes into `Site::entries`, newest first.
    pub entries: Vec<usize>,
}

impl Year {
    /// How many articles the year holds.
    pub fn count(&self) -> usize {
        self.months.iter().map(|m| m.entries.len()).sum()
    }
}

impl Archive {
    /// The archive index's folder: `archive/`, or `uk/archive/` in another language.
    pub fn index_folder(&self) -> String {
        format!("{}{ARCHIVE_FOLDER}", self.base)
    }

    /// Whether the archive has a page for this year, month (1–12) and day, `None` meaning
    /// the year's or the month's page.
    pub fn has_page(&self, year: i16, month: Option<i8>, day: Option<i8>) -> bool {
        let Some(y) = self.years.iter().find(|y| y.year == year) else {
            return false;
        };
        let Some(month) = month else { return true };
        let Some(m) = y.months.iter().find(|m| m.month == month) else {
            return false;
        };
        day.is_none_or(|day| self.has_days && m.days.iter().any(|d| d.day == day))
    }

    /// A year's folder: `2025/` or `archive/2025/`.
    pub fn year_folder(&self, year: i16) -> String {
        format!("{}{year:04}/", self.root)
    }

    /// A month's folder: `2025/03/`.
    pub fn month_folder(&self, year: i16, month: i8) -> String {
        format!("{}{year:04}/{month:02}/", self.root)
    }

    /// A day's folder: `2025/03/16/`.
    pub fn day_folder(&self, year: i16, month: i8, day: i8) -> String {
        format!("{}{year:04}/{month:02}/{day:02}/", self.root)
    }
}

/// English month names, as the rest of newsprint's dates are written.
pub use crate::date::MONTH_NAMES;

/// The name of month 1–12.
pub fn month_name(month: i8) -> &'static str {
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| MONTH_NAMES.get(i))
        .copied()
        .unwrap_or("")
}

/// Files `entries` (newest first) by their permalink date.
pub fn index_archive(entries: &[Arc<Entry>], permalink: &Permalink) -> Archive {
    index_archive_in(entries, permalink, "", |_| true)
}

/// [`index_archive`] of the entries that `keep` keeps (one language's), under `base` (the
/// language's folder, where its article URLs start: `uk/`).
pub fn index_archive_in(
    entries: &[Arc<Entry>],
    permalink: &Permalink,
    base: &str,
    keep: impl Fn(usize) -> bool,
) -> Archive {
    let (root, has_days) = match permalink.date_prefix() {
        Some(has_days) => (base.to_string(), has_days),
        None => (format!("{base}{ARCHIVE_FOLDER}"), false),
    };
    // Keyed by date: sorted by instant, two articles in different offsets may file out of order.
    let mut by_day: BTreeMap<(i16, i8, i8), Vec<usize>> = BTreeMap::new();
    for (index, entry) in entries.iter().enumerate().filter(|(i, _)| keep(*i)) {
        by_day
            .entry(entry.article.date.ymd())
            .or_default()
            .push(index);
    }
    let mut years: Vec<Year> = Vec::new();
    for ((year, month, day), mut indexes) in by_day.into_iter().rev() {
        indexes.sort_unstable();
        if years.last().is_none_or(|y| y.year != year) {
            years.push(Year {
                year,
                months: Vec::new(),
            });
        }
        let months = &mut years.last_mut().expect("pushed above").months;
        if months.last().is_none_or(|m| m.month != month) {
            months.push(Month {
                month,
                entries: Vec::new(),
                days: Vec::new(),
            });
        }
        let current = months.last_mut().expect("pushed above");
        current.entries.extend(&indexes);
        current.days.push(Day {
            day,
            entries: indexes,
        });
    }
    for month in years.iter_mut().flat_map(|y| y.months.iter_mut()) {
        month.entries.sort_unstable();
    }
    Archive {
        base: base.to_string(),
        root,
        has_days,
        years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, Overrides};
    use crate::content::parse_article;
    use crate::markdown::Rendered;
    use std::path::Path;

    fn entries(permalink: &str, dates: &[&str]) -> (Config, Vec<Arc<Entry>>) {
        let text = format!("title: T\nbase_url: https://e.org/\npermalink: \"{permalink}\"\n");
        let config = Config::parse(Path::new("c.yaml"), &text, &Overrides::default()).unwrap();
        let mut entries: Vec<Arc<Entry>> = dates
            .iter()
            .enumerate()
            .map(|(i, date)| {
                let path = format!("content/{i}.md");
                let text = format!("---\ntitle: A\ndate: {date}\n---\nB\n");
                let article =
                    parse_article(Path::new(&path), Path::new(&path), text, 0, &config).unwrap();
                Arc::new(Entry::new(article, Rendered::default()))
            })
            .collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.article.date.unix_seconds()));
        (config, entries)
    }

    #[test]
    fn filed_by_permalink_date_newest_first() {
        // 23:30 at -05:00 is the next day in UTC, but its URL says the 1st: filed on the 1st.
        let dates = [
            "2025-03-01T23:30:00-05:00",
            "2025-03-02T01:00:00+02:00",
            "2025-02-10",
            "2024-12-31",
        ];
        let (config, entries) = entries("/:year/:month/:day/:slug/", &dates);
        let archive = index_archive(&entries, &config.permalink);
        assert_eq!((archive.root.as_str(), archive.has_days), ("", true));
        type Shape = Vec<(i16, Vec<(i8, Vec<i8>)>)>;
        let shape: Shape = archive
            .years
            .iter()
            .map(|y| {
                let months = y
                    .months
                    .iter()
                    .map(|m| (m.month, m.days.iter().map(|d| d.day).collect::<Vec<_>>()));
                (y.year, months.collect())
            })
            .collect();
        assert_eq!(
            shape,
            [
                (2025, vec![(3, vec![2, 1]), (2, vec![10])]),
                (2024, vec![(12, vec![31])])
            ]
        );
        assert_eq!(archive.years[0].count(), 3);
        assert_eq!(archive.day_folder(2025, 3, 2), "2025/03/02/");
    }

    #[test]
    fn without_a_date_prefix_archives_live_under_archive() {
        let (config, entries) = entries("/news/:slug/", &["2025-03-01"]);
        let archive = index_archive(&entries, &config.permalink);
        assert_eq!(
            (archive.root.as_str(), archive.has_days),
            ("archive/", false)
        );
        assert_eq!(archive.month_folder(2025, 3), "archive/2025/03/");
        assert_eq!(month_name(3), "March");
    }
}
