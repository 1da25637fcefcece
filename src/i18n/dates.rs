//! Dates in the page's language, with the grammatical case each place needs.
//!
//! Input: a [`Date`] already in the site's zone and a language code. Output: the running date
//! (`16 березня 2025`, month in the genitive), the month heading (`березень 2025`, nominative),
//! day labels with the weekday, for English, Ukrainian and Russian; other languages get the
//! English forms. A hand table, not ICU4X: three languages need 57 words, and the tests check
//! them against glibc's locale data (`pure-rust-locales`, a dev-dependency only).

use crate::date::Date;

/// One language's month and weekday names.
struct Names {
    /// Months in the genitive, as in "16 березня": what a running date needs.
    genitive: [&'static str; 12],
    /// Months in the nominative, as in the heading "березень 2025".
    nominative: [&'static str; 12],
    /// Weekdays from Monday, lowercase as they stand inside a sentence.
    weekdays: [&'static str; 7],
}

const UK: Names = Names {
    genitive: [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    nominative: [
        "січень",
        "лютий",
        "березень",
        "квітень",
        "травень",
        "червень",
        "липень",
        "серпень",
        "вересень",
        "жовтень",
        "листопад",
        "грудень",
    ],
    weekdays: [
        "понеділок",
        "вівторок",
        "середа",
        "четвер",
        "п'ятниця",
        "субота",
        "неділя",
    ],
};

const RU: Names = Names {
    genitive: [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    nominative: [
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ],
    weekdays: [
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ],
};

/// The names of `language`, when it has its own (else English, which `Date` writes itself).
fn names(language: &str) -> Option<&'static Names> {
    match language.split('-').next().unwrap_or_default() {
        "uk" => Some(&UK),
        "ru" => Some(&RU),
        _ => None,
    }
}

/// Month (0–11) and day of `date`.
fn month_day(date: &Date) -> (usize, i8, i16) {
    let (year, month, day) = date.ymd();
    (usize::try_from(month - 1).unwrap_or(0), day, year)
}

/// `16 березня 2025, 18:00 EET`: the dateline of an article, month in the genitive.
pub fn human(date: &Date, language: &str, zone: &str) -> String {
    match names(language) {
        None => date.human_with(zone),
        Some(names) => {
            let (month, day, year) = month_day(date);
            let time = date.time();
            format!("{day} {} {year}, {time} {zone}", names.genitive[month])
        }
    }
}

/// `неділя, 16 березня 2025`: a day's heading on a list page (English: `Sunday 16 March 2025`).
pub fn day_label(date: &Date, language: &str) -> String {
    match names(language) {
        None => date.day_label(),
        Some(names) => {
            let (month, day, year) = month_day(date);
            let weekday = names.weekdays[date.weekday_from_monday()];
            format!("{weekday}, {day} {} {year}", names.genitive[month])
        }
    }
}

/// `березень`: the name of month `month` (1–12) in the nominative, as a heading shows it.
pub fn month_name(month: i8, language: &str) -> &'static str {
    const EN: [&str; 12] = crate::date::MONTH_NAMES;
    let at = usize::try_from(month - 1).unwrap_or(0).min(11);
    names(language).map_or(EN[at], |names| names.nominative[at])
}

/// `тиждень 11, 2025`: an ISO week's label (English: `Week 11, 2025`).
pub fn week_label(date: &Date, language: &str) -> String {
    let word = match language.split('-').next().unwrap_or_default() {
        "uk" => "Тиждень",
        "ru" => "Неделя",
        _ => return date.week_label(),
    };
    // `2025-W11`: the ISO week-numbering year and the week.
    let iso = date.iso_week();
    let (year, week) = iso.split_once("-W").unwrap_or((&iso, ""));
    let week = week.trim_start_matches('0');
    format!("{word} {week}, {year}")
}

/// `березень 2025`: a month's heading (an archive's), month in the nominative.
pub fn month_label(date: &Date, language: &str) -> String {
    const EN: [&str; 12] = crate::date::MONTH_NAMES;
    let (month, _, year) = month_day(date);
    let name = names(language).map_or(EN[month], |names| names.nominative[month]);
    format!("{name} {year}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use pure_rust_locales::{ru_RU, uk_UA};

    fn date(text: &str) -> Date {
        let zone = jiff::tz::TimeZone::get("Europe/Kyiv").unwrap();
        Date::parse(text, &zone).unwrap()
    }

    #[test]
    fn running_dates_take_the_genitive_and_headings_the_nominative() {
        let sunday = date("2025-03-16T18:00:00+02:00");
        assert_eq!(human(&sunday, "uk", "EET"), "16 березня 2025, 18:00 EET");
        assert_eq!(human(&sunday, "ru", "EET"), "16 марта 2025, 18:00 EET");
        assert_eq!(human(&sunday, "en", "EET"), "16 March 2025, 18:00 EET");
        assert_eq!(day_label(&sunday, "uk"), "неділя, 16 березня 2025");
        assert_eq!(day_label(&sunday, "ru"), "воскресенье, 16 марта 2025");
        assert_eq!(day_label(&sunday, "en"), "Sunday 16 March 2025");
        assert_eq!(month_label(&sunday, "uk"), "березень 2025");
        assert_eq!(month_label(&sunday, "ru"), "март 2025");
        assert_eq!(month_label(&sunday, "en-gb"), "March 2025");
        assert_eq!(month_name(3, "uk"), "березень");
        assert_eq!(week_label(&sunday, "uk"), "Тиждень 11, 2025");
        assert_eq!(week_label(&sunday, "ru"), "Неделя 11, 2025");
        assert_eq!(week_label(&sunday, "en"), "Week 11, 2025");
        assert_eq!(month_name(12, "en"), "December");
    }

    /// The hand tables against glibc's locale data: `MON` is the genitive (format) form,
    /// `ALT_MON` the nominative (standalone); glibc capitalizes the Russian ones, which
    /// stand lowercase in a sentence.
    #[test]
    fn names_match_glibc_locale_data() {
        let lower =
            |words: &[&str]| -> Vec<String> { words.iter().map(|w| w.to_lowercase()).collect() };
        let sunday_first = |names: &Names| -> Vec<String> {
            let mut days = vec![names.weekdays[6].to_string()];
            days.extend(names.weekdays[..6].iter().map(|d| d.to_string()));
            days
        };
        assert_eq!(lower(&UK.genitive), lower(uk_UA::LC_TIME::MON));
        assert_eq!(
            lower(&UK.nominative),
            lower(uk_UA::LC_TIME::ALT_MON.unwrap())
        );
        assert_eq!(sunday_first(&UK), lower(uk_UA::LC_TIME::DAY));
        assert_eq!(lower(&RU.genitive), lower(ru_RU::LC_TIME::MON));
        assert_eq!(
            lower(&RU.nominative),
            lower(ru_RU::LC_TIME::ALT_MON.unwrap())
        );
        assert_eq!(sunday_first(&RU), lower(ru_RU::LC_TIME::DAY));
    }
}
