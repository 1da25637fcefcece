//! Front matter splitting and YAML parsing: `content::parse_article` on arbitrary text, with a
//! fixed config. Any outcome is fine except a panic, a hang or unbounded memory; an accepted
//! article must have a safe slug and URL.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsprint::config::{Config, Overrides};
use newsprint::content::parse_article;
use newsprint::output::safe_join;

fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| {
        Config::parse(
            Path::new("config.yaml"),
            "title: Fuzz\nbase_url: https://e.org/digest/\ntimezone: Europe/Kyiv\n",
            &Overrides::default(),
        )
        .expect("the fixed config parses")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // As `load_article` does: a BOM is not part of the text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let path = Path::new("content/2025/03/fuzz.md");
    match parse_article(path, path, text, 0, config()) {
        Ok(article) => {
            assert!(!article.slug.is_empty());
            assert!(
                !article.slug.contains(['/', '\\', '\0']),
                "{:?}",
                article.slug
            );
            assert!(!article.slug.starts_with('.'), "{:?}", article.slug);
            assert!(article.url_path.ends_with('/'), "{:?}", article.url_path);
            let page = format!("{}index.html", article.url_path);
            assert!(safe_join(Path::new("/out"), &page).is_ok(), "{page:?}");
            assert!(article.tags.len() <= 100, "{}", article.tags.len());
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for error in errors {
                // Displaying a diagnostic must not panic either.
                let _ = error.to_string();
            }
        }
    }
});
