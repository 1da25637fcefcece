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
            // What newsprint writes, it reads back as the same instant (to the second).
            let again = Date::parse(&date.rfc3339(), &TimeZone::UTC)
                .map_err(|e| TestCaseError::fail(format!("{text:?} → {} → {e}", date.rfc3339())))?;
            prop_assert!((again.unix_seconds() - date.unix_seconds()).abs() <= 1, "{text:?}");
        }
    }
}
