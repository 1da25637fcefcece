//! Properties of output paths, on generated input (proptest).

use proptest::prelude::*;

use super::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn safe_join_never_leaves_the_base(
        relative in prop_oneof![
            any::<String>(),
            "(\\.\\.|\\.|/|//|\\\\|\u{0}|a|b\\.html|~| |%2e){0,20}",
        ]
    ) {
        let base = Path::new("/srv/site/public");
        if let Ok(path) = safe_join(base, &relative) {
            prop_assert!(path.starts_with(base), "{path:?}");
            let inside = path.strip_prefix(base).unwrap();
            prop_assert!(inside.components().next().is_some(), "{relative:?} names the base itself");
            prop_assert!(
                inside.components().all(|c| matches!(c, Component::Normal(_))),
                "{path:?}"
            );
            prop_assert!(!relative.contains(['\0', '\\']));
        }
    }
}
