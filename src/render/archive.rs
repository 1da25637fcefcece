//! Date archive pages as page kinds: the archive index, year, month and day pages, planned and
//! fingerprinted like every other page.
//!
//! Input: the [`Site`](crate::site::Site)'s [`Archive`]. Output: `archive/index.html` (every
//! month with its count), `2025/index.html` (the year's months), `2025/03/index.html` (the
//! month's articles by day) and, when the permalink has `:day`, `2025/03/16/index.html` — or the
//! same under `archive/` when article URLs do not start with a date.

use serde::Serialize;
use tera::Value;

use super::languages::LanguagePage;
use super::plan::Planner;
use super::{Page, PageKind, Renderer, templates};
use crate::error::Result;
use crate::i18n::dates;
use crate::site::archive::{Archive, Month, Year};

#[derive(Debug, Serialize)]
struct MonthView {
    year: i16,
    month: i8,
    name: &'static str,
    label: String,
    url: String,
    count: usize,
}

#[derive(Debug, Serialize)]
struct YearView {
    year: i16,
    url: String,
    count: usize,
    months: Vec<MonthView>,
}

#[derive(Debug, Serialize)]
struct DayView {
    date: String,
    label: String,
    url: String,
    count: usize,
}

impl Renderer<'_> {
    /// The archive pages of language `lang` (0 is the default); `shown` is what each article
    /// page shows, by entry index.
    pub(super) fn plan_archive(&self, lang: usize, planner: &mut Planner) {
        let archive = self.site.archive_in(lang);
        let kind = |root: PageKind, page: LanguagePage| match lang {
            0 => root,
            _ => PageKind::Language { lang, page },
        };
        // What the index and year pages show: each month's count.
        let counts = |year: &Year| -> (i16, Vec<(i8, usize)>) {
            let months = year.months.iter();
            (
                year.year,
                months.map(|m| (m.month, m.entries.len())).collect(),
            )
        };
        let everything: Vec<_> = archive.years.iter().map(counts).collect();
        let path = format!("{}index.html", archive.index_folder());
        let index = kind(PageKind::ArchiveIndex, LanguagePage::ArchiveIndex);
        planner.add(path, index, everything, []);
        for (y, year) in archive.years.iter().enumerate() {
            let path = format!("{}index.html", archive.year_folder(year.year));
            let page = kind(PageKind::ArchiveYear(y), LanguagePage::ArchiveYear(y));
            planner.add(path, page, counts(year), []);
            for (m, month) in year.months.iter().enumerate() {
                let path = format!("{}index.html", archive.month_folder(year.year, month.month));
                let page = kind(
                    PageKind::ArchiveMonth(y, m),
                    LanguagePage::ArchiveMonth(y, m),
                );
                let shows = month.entries.iter().copied();
                planner.add(path, page, archive.has_days, shows);
                if !archive.has_days {
                    continue;
                }
                for (d, day) in month.days.iter().enumerate() {
                    let folder = archive.day_folder(year.year, month.month, day.day);
                    let page = kind(
                        PageKind::ArchiveDay(y, m, d),
                        LanguagePage::ArchiveDay(y, m, d),
                    );
                    planner.add(
                        format!("{folder}index.html"),
                        page,
                        (),
                        day.entries.iter().copied(),
                    );
                }
            }
        }
    }

    fn month_view(&self, lang: usize, year: &Year, month: &Month) -> MonthView {
        let archive = self.site.archive_in(lang);
        let name = dates::month_name(month.month, self.site.config.language_codes()[lang]);
        MonthView {
            year: year.year,
            month: month.month,
            name,
            label: format!("{name} {}", year.year),
            url: self.url(&archive.month_folder(year.year, month.month)),
            count: month.entries.len(),
        }
    }

    fn year_view(&self, lang: usize, year: &Year) -> YearView {
        YearView {
            year: year.year,
            url: self.url(&self.site.archive_in(lang).year_folder(year.year)),
            count: year.count(),
            months: year
                .months
                .iter()
                .map(|month| self.month_view(lang, year, month))
                .collect(),
        }
    }

    fn url(&self, folder: &str) -> String {
        self.site.config.base_url.join(folder)
    }

    /// `archive/index.html`: every month of every year of language `lang`.
    pub(super) fn render_archive_index(&self, page: &Page, lang: usize) -> Result<Vec<u8>> {
        let years: Vec<YearView> = self
            .site
            .archive_in(lang)
            .years
            .iter()
            .map(|year| self.year_view(lang, year))
            .collect();
        let title = self.text_in(lang, "archive_title");
        let mut context = self.page_context(page, &title, None);
        context.insert_value("years", Value::from_serializable(&years));
        templates::render(&self.theme.tera, "archive.html", &context)
    }

    /// A year's page: its months with their counts.
    pub(super) fn render_archive_year(
        &self,
        page: &Page,
        lang: usize,
        y: usize,
    ) -> Result<Vec<u8>> {
        let year = &self.site.archive_in(lang).years[y];
        let mut context = self.page_context(page, &year.year.to_string(), None);
        context.insert_value(
            "year",
            Value::from_serializable(&self.year_view(lang, year)),
        );
        templates::render(&self.theme.tera, "archive_year.html", &context)
    }

    /// A month's page (`day` is `None`) or a day's page: the articles, grouped by day.
    pub(super) fn render_archive_month(
        &self,
        page: &Page,
        lang: usize,
        (y, m): (usize, usize),
        day: Option<usize>,
    ) -> Result<Vec<u8>> {
        let archive: &Archive = self.site.archive_in(lang);
        let year = &archive.years[y];
        let month = &year.months[m];
        let month_view = self.month_view(lang, year, month);
        let days: Vec<DayView> = month
            .days
            .iter()
            .filter(|_| archive.has_days)
            .map(|d| self.day_view(lang, (year.year, month.month), d))
            .collect();
        let (title, entries, day_value) = match day {
            Some(d) => {
                let view = self.day_view(lang, (year.year, month.month), &month.days[d]);
                (view.label.clone(), &month.days[d].entries, Some(view))
            }
            None => (month_view.label.clone(), &month.entries, None),
        };
        let mut context = self.list_context(page, &title, entries)?;
        context.insert_value("month", Value::from_serializable(&month_view));
        context.insert_value(
            "year",
            Value::from_serializable(&self.year_view(lang, year)),
        );
        context.insert_value("archive_days", Value::from_serializable(&days));
        context.insert_value(
            "day",
            day_value.map_or(Value::none(), |v| Value::from_serializable(&v)),
        );
        templates::render(&self.theme.tera, "archive_month.html", &context)
    }

    fn day_view(
        &self,
        lang: usize,
        (year, month): (i16, i8),
        day: &crate::site::archive::Day,
    ) -> DayView {
        let first = &self.site.entries[day.entries[0]].article.date;
        let language = self.site.config.language_codes()[lang];
        DayView {
            date: format!("{year:04}-{month:02}-{:02}", day.day),
            label: dates::day_label(first, language),
            url: self.url(&self.site.archive_in(lang).day_folder(year, month, day.day)),
            count: day.entries.len(),
        }
    }
}
