//! Properties of slugs and URLs, checked on generated input (proptest).

use proptest::prelude::*;

use super::*;

/// Text of every kind: ASCII punctuation, path tricks, Cyrillic, CJK, emoji, controls.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,300}",
        "(\\.\\.|/|\\\\|\u{0}|-|_|\\.| |a|Я|ß|東|🦀|\u{301}|\u{200b}){0,80}",
    ]
}

fn base_url() -> impl Strategy<Value = BaseUrl> {
    "https?://[a-z0-9.-]{1,20}(:[0-9]{1,5})?(/[A-Za-z0-9_~-]{1,10}){0,3}/?"
        .prop_filter_map("not a valid base URL", |text| BaseUrl::parse(&text).ok())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn slugs_are_safe_path_segments(text in any_text()) {
        let slug = slugify(&text);
        if !slug.is_empty() {
            prop_assert!(
                slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{slug:?}"
            );
            prop_assert!(!slug.starts_with('-') && !slug.ends_with('-'), "{slug:?}");
            prop_assert!(slug.len() <= 120, "{} bytes", slug.len());
        }
        // Slugs are stable: a slug is its own slug.
        prop_assert_eq!(slugify(&slug), slug);
    }

    #[test]
    fn join_always_starts_with_the_base_url(base in base_url(), relative in any_text()) {
        let joined = base.join(&relative);
        prop_assert!(joined.starts_with(base.as_str()), "{joined:?} lost {base}");
        prop_assert!(
            !joined.contains(|c: char| c.is_whitespace() || c.is_control() || "\"<>\\`".contains(c)),
            "{joined:?}"
        );
    }

    #[test]
    fn base_urls_that_parse_are_well_formed(text in any_text()) {
        if let Ok(base) = BaseUrl::parse(&text) {
            prop_assert!(base.as_str().starts_with("http://") || base.as_str().starts_with("https://"));
            prop_assert!(base.as_str().ends_with('/'));
            prop_assert!(base.path().starts_with('/'));
            prop_assert_eq!(format!("{}{}", base.origin(), base.path()), base.as_str());
        }
    }

    #[test]
    fn permalinks_render_relative_folders_without_dot_segments(
        pattern in "(/(:year|:month|:day|:slug|[a-z_-]{1,5}|\\.\\.|\\.|)){1,5}/?",
        slug in "[a-z0-9][a-z0-9._-]{0,30}",
        year in any::<i16>(),
        month in any::<i8>(),
        day in any::<i8>(),
    ) {
        if let Ok(permalink) = Permalink::parse(&pattern) {
            let path = permalink.render(PermalinkValues { year, month, day, slug: &slug });
            prop_assert!(path.ends_with('/') && !path.starts_with('/'), "{path:?}");
            for segment in path.trim_end_matches('/').split('/') {
                prop_assert!(!segment.is_empty() && segment != "." && segment != "..", "{path:?}");
            }
        }
    }
}
