//! Article dates: parsing what writers type and formatting for pages and feeds.
//!
//! Input: a front matter string, RFC 3339 with an offset (`2025-03-16T18:00:00+02:00`) or a plain
//! date (`2025-03-16`, taken at midnight in the site's time zone). Output: a [`Date`] that keeps
//! the writer's own offset for display and knows every format the site needs.

use jiff::civil;
use jiff::fmt::temporal::{DateTimePrinter, Pieces};
use jiff::fmt::{rfc2822, strtime};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, Zoned};

/// A point in time with the UTC offset it was written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Date {
    zoned: Zoned,
}

/// The patterns of [`Date::rfc3339`] and [`Date::rfc822`] for the fast path; jiff's own
/// printers write what it does not handle.
const RFC_3339: &str = "%Y-%m-%dT%H:%M:%S%:z";
const RFC_822: &str = "%a, %d %b %Y %H:%M:%S %z";

/// The largest UTC offset RFC 3339 can write: 23:59.
const MAX_OFFSET_SECONDS: i32 = 23 * 3600 + 59 * 60;

/// What a writer is told when a date does not parse.
pub const EXPECTED_DATE: &str = "expected 2025-03-16 or 2025-03-16T18:00:00+02:00";

/// English month names, as newsprint writes dates unless a page's language has its own.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// Parses `text`; plain dates and times without an offset are read in `timezone`.
    pub fn parse(text: &str, timezone: &TimeZone) -> Result<Date, String> {
        let text = text.trim();
        let date = Date::parse_any(text, timezone)?;
        // jiff reads offsets up to ±25:59 and the year 0, which RFC 3339, feeds and sitemaps
        // do not allow: refused here, where the writer sees where the date is.
        let offset = date.zoned.offset().seconds();
        if offset.abs() > MAX_OFFSET_SECONDS {
            return Err(format!(
                "invalid date `{text}`: the UTC offset must be between -23:59 and +23:59"
            ));
        }
        if !(1..=9999).contains(&date.zoned.year()) {
            return Err(format!(
                "invalid date `{text}`: the year must be between 0001 and 9999"
            ));
        }
        Ok(date)
    }

    fn parse_any(text: &str, timezone: &TimeZone) -> Result<Date, String> {
        let timestamp = text.parse::<Timestamp>();
        if let Ok(timestamp) = timestamp {
            // RFC 3339: keep the offset the writer typed, so pages show their local time.
            let offset = offset_of(text).unwrap_or(Offset::UTC);
            return Ok(Date {
                zoned: timestamp.to_zoned(TimeZone::fixed(offset)),
            });
        }
        // `civil::Date` would also accept a date-time and drop its time (and offset), so the
        // pieces are read once: a date, maybe a time, and an offset only if it was out of range.
        let Ok(pieces) = Pieces::parse(text) else {
            return Err(format!("invalid date `{text}`: {EXPECTED_DATE}"));
        };
        if let (Some(_), Err(error)) = (pieces.offset(), timestamp) {
            return Err(format!("invalid date `{text}`: out of range ({error})"));
        }
        let civil = pieces
            .date()
            .to_datetime(pieces.time().unwrap_or(civil::Time::midnight()));
        let zoned = civil
            .to_zoned(timezone.clone())
            .map_err(|error| format!("invalid date `{text}`: {error}"))?;
        Ok(Date { zoned })
    }

    /// A date from a Unix timestamp in seconds, in UTC (used for "now" and tests).
    pub fn from_unix(seconds: i64) -> Option<Date> {
        let timestamp = Timestamp::from_second(seconds).ok()?;
        Some(Date {
            zoned: timestamp.to_zoned(TimeZone::UTC),
        })
    }

    /// The current time.
    pub fn now() -> Date {
        Date {
            zoned: Timestamp::now().to_zoned(TimeZone::UTC),
        }
    }

    /// Seconds since the Unix epoch, for sorting.
    pub fn unix_seconds(&self) -> i64 {
        self.zoned.timestamp().as_second()
    }

    /// The UTC offset it was written in, in seconds.
    pub fn offset_seconds(&self) -> i32 {
        self.zoned.offset().seconds()
    }

    /// Year, month and day in the writer's offset (for permalinks).
    pub fn ymd(&self) -> (i16, i8, i8) {
        (self.zoned.year(), self.zoned.month(), self.zoned.day())
    }

    /// RFC 3339, as Atom, JSON Feed, sitemaps and `<time datetime>` want it.
    pub fn rfc3339(&self) -> String {
        self.format_common(RFC_3339).unwrap_or_else(|| {
            DateTimePrinter::new()
                .precision(Some(0))
                .timestamp_with_offset_to_string(&self.zoned.timestamp(), self.whole_minutes())
        })
    }

    /// RFC 822 with a numeric offset, as RSS wants it: `Sun, 16 Mar 2025 18:00:00 +0200`.
    pub fn rfc822(&self) -> String {
        self.format_common(RFC_822).unwrap_or_else(|| {
            let zoned = self
                .zoned
                .timestamp()
                .to_zoned(TimeZone::fixed(self.whole_minutes()));
            // Only a negative year is refused, and parsing allows none.
            rfc2822::DateTimePrinter::new()
                .zoned_to_string(&zoned)
                .unwrap_or_else(|_| self.rfc3339())
        })
    }

    /// The offset to write in a feed: RFC 3339 and RFC 2822 have no seconds in offsets, which
    /// a zone's local mean time before standard time has (Kyiv's was +02:02:04). The instant
    /// stays the same; only the clock time shown moves to the nearest whole-minute offset.
    fn whole_minutes(&self) -> Offset {
        let seconds = self.zoned.offset().seconds();
        let minutes = (seconds + 30 * seconds.signum()) / 60;
        Offset::from_seconds(minutes * 60).unwrap_or(Offset::UTC)
    }

    /// `2025-03-16`.
    pub fn iso_date(&self) -> String {
        self.format("%Y-%m-%d")
    }

    /// `16 March 2025, 18:00 +02:00`.
    pub fn human(&self) -> String {
        self.format("%-d %B %Y, %H:%M %:z")
    }

    /// `18:00`.
    pub fn time(&self) -> String {
        self.format("%H:%M")
    }

    /// `+02:00`, or `UTC`.
    pub fn zone(&self) -> String {
        if self.zoned.offset() == Offset::UTC {
            "UTC".into()
        } else {
            self.format("%:z")
        }
    }

    /// The day of the week, 0 for Monday to 6 for Sunday.
    pub fn weekday_from_monday(&self) -> usize {
        usize::try_from(self.zoned.weekday().to_monday_zero_offset()).unwrap_or(0)
    }

    /// `Sunday 16 March 2025`.
    pub fn day_label(&self) -> String {
        self.format("%A %-d %B %Y")
    }

    /// The label a newspaper prints after a time in this date's zone: the zone's abbreviation
    /// ("EET", "GMT"), or the city of `iana_name` ("Dubai") where the zone has only a numeric
    /// abbreviation ("+04"), which reads as an offset rather than a place.
    pub fn zone_label(&self, iana_name: &str) -> String {
        let info = self
            .zoned
            .time_zone()
            .to_offset_info(self.zoned.timestamp());
        let abbreviation = info.abbreviation();
        if abbreviation.chars().any(|c| c.is_ascii_alphabetic()) {
            return abbreviation.to_string();
        }
        match iana_name.rsplit('/').next() {
            Some(city) if !city.is_empty() && iana_name.contains('/') => city.replace('_', " "),
            _ => self.zone(),
        }
    }

    /// `16 March 2025, 18:00` followed by `zone`.
    pub fn human_with(&self, zone: &str) -> String {
        let mut text = self.format("%-d %B %Y, %H:%M");
        text.push(' ');
        text.push_str(zone);
        text
    }

    /// The ISO 8601 week: `2025-W11` (weeks start on Monday; the year is the week's own).
    pub fn iso_week(&self) -> String {
        let week = self.zoned.date().iso_week_date();
        format!("{:04}-W{:02}", week.year(), week.week())
    }

    /// `Week 11, 2025`.
    pub fn week_label(&self) -> String {
        let week = self.zoned.date().iso_week_date();
        format!("Week {}, {}", week.week(), week.year())
    }

    /// The same instant seen in another time zone (for grouping the home page by day).
    pub fn in_zone(&self, timezone: &TimeZone) -> Date {
        Date {
            zoned: self.zoned.with_time_zone(timezone.clone()),
        }
    }

    fn format(&self, pattern: &str) -> String {
        if let Some(text) = self.format_common(pattern) {
            return text;
        }
        // Formatting a valid Zoned with a fixed pattern cannot fail; fall back to RFC 3339 anyway.
        strtime::format(pattern, &self.zoned).unwrap_or_else(|_| self.zoned.timestamp().to_string())
    }

    /// `pattern` formatted without strtime, which reads its pattern anew on every call (and an
    /// article formats several dates). Knows the directives the methods
    /// above use, for years 0–9999 and whole-minute offsets; `None` leaves the rest to strtime.
    fn format_common(&self, pattern: &str) -> Option<String> {
        const MONTHS: [&str; 12] = MONTH_NAMES;
        const DAYS: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        let zoned = &self.zoned;
        let offset = zoned.offset().seconds();
        if !(0..=9999).contains(&zoned.year()) || offset % 60 != 0 {
            return None;
        }
        let month = MONTHS[usize::try_from(zoned.month() - 1).ok()?];
        let day = DAYS[usize::try_from(zoned.weekday().to_monday_zero_offset()).ok()?];
        let (sign, minutes) = (if offset < 0 { '-' } else { '+' }, offset.abs() / 60);
        let two = |out: &mut String, n: i32| {
            out.push(char::from(b'0' + (n / 10 % 10) as u8));
            out.push(char::from(b'0' + (n % 10) as u8));
        };
        let mut out = String::with_capacity(32);
        let mut rest = pattern.chars();
        while let Some(c) = rest.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            match rest.next()? {
                'Y' => {
                    let year = i32::from(zoned.year());
                    two(&mut out, year / 100);
                    two(&mut out, year % 100);
                }
                'm' => two(&mut out, i32::from(zoned.month())),
                'd' => two(&mut out, i32::from(zoned.day())),
                'H' => two(&mut out, i32::from(zoned.hour())),
                'M' => two(&mut out, i32::from(zoned.minute())),
                'S' => two(&mut out, i32::from(zoned.second())),
                'B' => out.push_str(month),
                'b' => out.push_str(&month[..3]),
                'A' => out.push_str(day),
                'a' => out.push_str(&day[..3]),
                '-' if rest.next()? == 'd' => match zoned.day() {
                    day @ 10.. => two(&mut out, i32::from(day)),
                    day => out.push(char::from(b'0' + day as u8)),
                },
                ':' if rest.next()? == 'z' => {
                    out.push(sign);
                    two(&mut out, minutes / 60);
                    out.push(':');
                    two(&mut out, minutes % 60);
                }
                'z' => {
                    out.push(sign);
                    two(&mut out, minutes / 60);
                    two(&mut out, minutes % 60);
                }
                _ => return None,
            }
        }
        Some(out)
    }
}

/// The `+02:00` / `Z` of an RFC 3339 string (before any `[Europe/Kyiv]` annotation).
fn offset_of(text: &str) -> Option<Offset> {
    if let Ok(pieces) = Pieces::parse(text) {
        return pieces.offset().map(|offset| offset.to_numeric_offset());
    }
    if text.ends_with(['Z', 'z']) {
        return Some(Offset::UTC);
    }
    let sign_at = text.rfind(['+', '-'])?;
    let (sign, rest) = text[sign_at..].split_at(1);
    let (hours, minutes) = rest
        .split_once(':')
        .unwrap_or((rest.get(..2)?, rest.get(2..)?));
    let seconds = hours.parse::<i32>().ok()? * 3600 + minutes.parse::<i32>().ok()? * 60;
    Offset::from_seconds(if sign == "-" { -seconds } else { seconds }).ok()
}

#[cfg(test)]
mod props;

#[cfg(test)]
mod tests {
    use super::*;

    fn kyiv() -> TimeZone {
        TimeZone::get("Europe/Kyiv").unwrap()
    }

    #[test]
    fn iso_weeks_belong_to_their_own_year() {
        let date = Date::parse("2024-12-30", &TimeZone::UTC).unwrap();
        assert_eq!(date.iso_week(), "2025-W01");
        assert_eq!(date.week_label(), "Week 1, 2025");
        let date = Date::parse("2025-03-16", &TimeZone::UTC).unwrap();
        assert_eq!(date.iso_week(), "2025-W11");
    }

    #[test]
    fn rfc3339_keeps_its_offset() {
        let date = Date::parse("2025-03-16T18:00:00+02:00", &TimeZone::UTC).unwrap();
        assert_eq!(date.rfc3339(), "2025-03-16T18:00:00+02:00");
        assert_eq!(date.rfc822(), "Sun, 16 Mar 2025 18:00:00 +0200");
        assert_eq!(date.human(), "16 March 2025, 18:00 +02:00");
        assert_eq!(date.day_label(), "Sunday 16 March 2025");
        assert_eq!(date.zone(), "+02:00");
    }

    #[test]
    fn plain_date_uses_site_zone() {
        let date = Date::parse("2025-03-16", &kyiv()).unwrap();
        assert_eq!(date.rfc3339(), "2025-03-16T00:00:00+02:00");
        let summer = Date::parse("2025-07-01", &kyiv()).unwrap();
        assert_eq!(summer.rfc3339(), "2025-07-01T00:00:00+03:00");
    }

    #[test]
    fn utc_and_negative_offsets() {
        let date = Date::parse("2025-03-16T18:00:00Z", &kyiv()).unwrap();
        assert_eq!(date.rfc3339(), "2025-03-16T18:00:00+00:00");
        assert_eq!(date.zone(), "UTC");
        let date = Date::parse("2025-03-16T18:00:00-05:00", &kyiv()).unwrap();
        assert_eq!(date.rfc822(), "Sun, 16 Mar 2025 18:00:00 -0500");
    }

    #[test]
    fn local_mean_time_is_written_at_a_whole_minute_offset() {
        // Kyiv kept local mean time, +02:02:04, until 1880: no RFC can write that offset.
        let date = Date::parse("1850-03-16T12:00:00", &kyiv()).unwrap();
        assert_eq!(date.zoned.offset().seconds(), 2 * 3600 + 2 * 60 + 4);
        assert_eq!(date.rfc3339(), "1850-03-16T11:59:56+02:02");
        assert_eq!(date.rfc822(), "Sat, 16 Mar 1850 11:59:56 +0202");
        let again = Date::parse(&date.rfc3339(), &TimeZone::UTC).unwrap();
        assert_eq!(again.unix_seconds(), date.unix_seconds());
        let feed = rfc2822::parse(&date.rfc822()).unwrap();
        assert_eq!(feed.timestamp().as_second(), date.unix_seconds());
    }

    #[test]
    fn odd_years_parse_or_fail_cleanly() {
        assert!(Date::parse("1912-04-15", &TimeZone::UTC).is_ok());
        assert!(Date::parse("0001-01-01", &TimeZone::UTC).is_ok());
        assert!(Date::parse("10000-01-01", &TimeZone::UTC).is_err());
        assert!(
            Date::parse("next Tuesday", &TimeZone::UTC)
                .unwrap_err()
                .contains("expected 2025-03-16")
        );
        assert!(Date::parse("2025-02-30", &TimeZone::UTC).is_err());
        let zero = Date::parse("0000-06-01T00:00:00Z", &TimeZone::UTC).unwrap_err();
        assert!(zero.contains("between 0001 and 9999"), "{zero}");
    }

    #[test]
    fn offsets_stop_at_23_59() {
        assert!(Date::parse("2025-03-16T10:00:00+23:59", &TimeZone::UTC).is_ok());
        for text in ["2025-03-16T10:00:00+24:00", "2025-03-16T10:00:00-25:59"] {
            let error = Date::parse(text, &TimeZone::UTC).unwrap_err();
            assert!(error.contains("between -23:59 and +23:59"), "{error}");
        }
    }

    #[test]
    fn a_time_without_offset_keeps_its_time() {
        // Regression: `civil::Date` parsing accepted this and dropped the time.
        let date = Date::parse("2025-03-16T18:00:00", &kyiv()).unwrap();
        assert_eq!(date.rfc3339(), "2025-03-16T18:00:00+02:00");
        let date = Date::parse("2025-03-16 18:00", &kyiv()).unwrap();
        assert_eq!(date.rfc3339(), "2025-03-16T18:00:00+02:00");
    }

    #[test]
    fn an_annotated_time_keeps_its_offset() {
        let date = Date::parse("2025-03-16T18:00:00+02:00[Europe/Kyiv]", &TimeZone::UTC).unwrap();
        assert_eq!(date.rfc3339(), "2025-03-16T18:00:00+02:00");
    }

    #[test]
    fn out_of_range_instants_are_refused_not_truncated() {
        // Regression: this is after the last instant jiff can hold; it used to come out as
        // midnight of 9999-12-31 in the site's zone.
        for text in ["9999-12-31T23:59:59-12:00", "-9999-01-01T00:00:00+14:00"] {
            let error = Date::parse(text, &kyiv()).unwrap_err();
            assert!(
                error.starts_with(&format!("invalid date `{text}`")),
                "{error}"
            );
        }
        // The last day jiff holds in every zone; the day after is an error, not a panic.
        let last = Date::parse("9999-12-30", &TimeZone::UTC).unwrap();
        assert_eq!(last.in_zone(&kyiv()).iso_date(), "9999-12-30");
        assert!(Date::parse("9999-12-31", &TimeZone::UTC).is_err());
    }

    #[test]
    fn zones_are_labelled_as_newspapers_do() {
        let date = Date::parse("2026-11-19T23:30:00Z", &TimeZone::UTC).unwrap();
        let kyiv_time = date.in_zone(&kyiv());
        assert_eq!(kyiv_time.time(), "01:30");
        assert_eq!(kyiv_time.zone_label("Europe/Kyiv"), "EET");
        assert_eq!(
            kyiv_time.human_with(&kyiv_time.zone_label("Europe/Kyiv")),
            "20 November 2026, 01:30 EET"
        );
        let summer = Date::parse("2026-07-01T12:00:00Z", &TimeZone::UTC).unwrap();
        assert_eq!(summer.in_zone(&kyiv()).zone_label("Europe/Kyiv"), "EEST");
        // Dubai's abbreviation is "+04": a city says more.
        let dubai = TimeZone::get("Asia/Dubai").unwrap();
        assert_eq!(date.in_zone(&dubai).zone_label("Asia/Dubai"), "Dubai");
        let buenos_aires = TimeZone::get("America/Argentina/Buenos_Aires").unwrap();
        let label = date
            .in_zone(&buenos_aires)
            .zone_label("America/Argentina/Buenos_Aires");
        assert_eq!(label, "Buenos Aires");
        assert_eq!(date.zone_label("UTC"), "UTC");
    }

    #[test]
    fn sorting_key_is_the_instant() {
        let a = Date::parse("2025-03-16T18:00:00+02:00", &TimeZone::UTC).unwrap();
        let b = Date::parse("2025-03-16T17:00:00+00:00", &TimeZone::UTC).unwrap();
        assert!(a.unix_seconds() < b.unix_seconds());
    }
}
