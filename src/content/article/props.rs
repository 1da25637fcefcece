//! Properties of slug checking, on generated input (proptest).

use proptest::prelude::*;

use super::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn check_slug_accepts_only_one_plain_segment(
        slug in prop_oneof![
            any::<String>(),
            "[ -~]{0,260}",
            "(\\.\\.|\\.|/|\\\\|\u{0}|a|Z|0|-|_| |ü){0,40}",
        ]
    ) {
        if let Ok(checked) = check_slug(&slug) {
            prop_assert!(!checked.is_empty());
            prop_assert!(checked.len() <= 255, "{} bytes", checked.len());
            prop_assert!(!checked.contains(['/', '\\', '\0']), "{checked:?}");
            prop_assert!(!checked.starts_with('.'), "{checked:?}");
            prop_assert!(checked != "." && checked != "..");
            prop_assert!(
                Path::new(&checked)
                    .components()
                    .all(|c| matches!(c, std::path::Component::Normal(_))),
                "{checked:?}"
            );
        }
    }
}
