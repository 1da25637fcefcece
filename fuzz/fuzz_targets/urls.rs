//! Slugs and URLs: `url::slugify`, `BaseUrl::parse`/`join`, `Permalink::parse`/`render`,
//! `content::article::check_slug`, `date::Date::parse` and `markdown::escape_html`, each checked
//! against the promise its documentation makes.

#![no_main]

use std::path::Path;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use newsprint::content::article::check_slug;
use newsprint::date::Date;
use newsprint::markdown::escape_html;
use newsprint::output::safe_join;
use newsprint::url::{BaseUrl, Permalink, PermalinkValues, slugify};

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    text: &'a str,
    base: &'a str,
    relative: &'a str,
    pattern: &'a str,
    slug: &'a str,
    year: i16,
    month: i8,
    day: i8,
}

fuzz_target!(|input: Input<'_>| {
    let slug = slugify(input.text);
    if !slug.is_empty() {
        assert!(
            slug.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{slug:?}"
        );
        assert!(!slug.starts_with('-') && !slug.ends_with('-'), "{slug:?}");
        assert!(slug.len() <= 120, "{slug:?}");
    }

    let checked = check_slug(input.slug);
    if let Ok(checked) = &checked {
        assert!(!checked.is_empty() && checked.len() <= 255, "{checked:?}");
        assert!(!checked.contains(['/', '\\', '\0']), "{checked:?}");
        assert!(!checked.starts_with('.'), "{checked:?}");
        assert!(safe_join(Path::new("/out"), checked).is_ok(), "{checked:?}");
    }

    if let Ok(base) = BaseUrl::parse(input.base) {
        let joined = base.join(input.relative);
        assert!(joined.starts_with(base.as_str()), "{joined:?} {base:?}");
        assert!(
            !joined.contains(|c: char| c.is_whitespace() || c.is_control() || "\"<>\\".contains(c)),
            "{joined:?}"
        );
        assert!(base.as_str().ends_with('/') && base.path().starts_with('/'));
        assert_eq!(format!("{}{}", base.origin(), base.path()), base.as_str());
    }

    if let Ok(permalink) = Permalink::parse(input.pattern) {
        let slug = checked.unwrap_or_else(|_| "fallback".into());
        let path = permalink.render(PermalinkValues {
            year: input.year,
            month: input.month,
            day: input.day,
            slug: &slug,
        });
        assert!(path.ends_with('/') && !path.starts_with('/'), "{path:?}");
        let page = format!("{path}index.html");
        assert!(safe_join(Path::new("/out"), &page).is_ok(), "{page:?}");
    }

    let escaped = escape_html(input.text);
    assert!(!escaped.contains(['<', '>', '"', '\'']), "{escaped:?}");

    if let Ok(date) = Date::parse(input.text, &jiff::tz::TimeZone::UTC) {
        let _ = (
            date.rfc3339(),
            date.rfc822(),
            date.human(),
            date.day_label(),
            date.zone(),
        );
        let kyiv = jiff::tz::TimeZone::get("Europe/Kyiv").unwrap();
        let _ = date.in_zone(&kyiv).iso_date();
        let _ = date.ymd();
    }
});
