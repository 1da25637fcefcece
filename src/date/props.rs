//! Properties of date parsing, on generated input (proptest).

use proptest::prelude::*;

use super::*;

fn date_like() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[+-]?[0-9]{1,6}-[0-9]{1,2}-[0-9]{1,2}([T ][0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2}(\\.[0-9]{1,12})?)?)?(Z|z|[+-][0-9]{1,2}(:?[0-9]{2}(:?[0-9]{2})?)?)?(\\[[A-Za-z/_+-]{1,20}\\])?",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parse_never_panics_and_what_parses_formats(text in date_like()) {
        let kyiv = TimeZone::get("Europe/Kyiv").unwrap();
        if let Ok(date) = Date::parse(&text, &kyiv) {
            let _ = (date.rfc822(), date.human(), date.day_label(), date.time(), date.zone(), date.ymd());
            let _ = date.in_zone(&kyiv).iso_date();
            // What a feed reader reads is the same instant (jiff's RFC 2822 parser as the oracle).
            let rss = jiff::fmt::rfc2822::parse(&date.rfc822())
                .map_err(|e| TestCaseError::fail(format!("{text:?} → {} → {e}", date.rfc822())))?;
            prop_assert!((rss.timestamp().as_second() - date.unix_seconds()).abs() <= 1, "{:?}", text);
            // What newsprint writes, it reads back as the same instant (to the second).
            let again = Date::parse(&date.rfc3339(), &TimeZone::UTC)
                .map_err(|e| TestCaseError::fail(format!("{text:?} → {} → {e}", date.rfc3339())))?;
            prop_assert!((again.unix_seconds() - date.unix_seconds()).abs() <= 1, "{text:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn hand_formatting_matches_strtime(
        seconds in -62_000_000_000i64..253_000_000_000,
        offset in prop_oneof![-93_599i32..=93_599, (-1_559i32..=1_559).prop_map(|m| m * 60)],
    ) {
        let zoned = Timestamp::from_second(seconds)
            .unwrap()
            .to_zoned(TimeZone::fixed(Offset::from_seconds(offset).unwrap()));
        let date = Date { zoned };
        // Every pattern Date's methods use.
        for pattern in [
            "%Y-%m-%dT%H:%M:%S%:z",
            "%a, %d %b %Y %H:%M:%S %z",
            "%Y-%m-%d",
            "%-d %B %Y, %H:%M %:z",
            "%H:%M",
            "%:z",
            "%A %-d %B %Y",
        ] {
            let by_hand = date.format_common(pattern);
            let expected = strtime::format(pattern, &date.zoned).unwrap();
            if let Some(by_hand) = by_hand {
                prop_assert_eq!(by_hand, expected, "{}", pattern);
            } else {
                prop_assert!(!(0..=9999).contains(&date.zoned.year()) || offset % 60 != 0);
            }
        }
    }
}
