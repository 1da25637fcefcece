//! An article's language and the story it translates, from its file name or front matter.
//!
//! Input: the file's path, its `lang:` and `translation_key:` keys and the config. Output: the
//! article's language code, its file stem without the language (`truce.uk.md` → `truce`, which
//! the default slug comes from) and its translation key, or what is wrong with them.

use std::path::Path;

use crate::config::{Config, is_language_code};

/// What [`article_language`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLanguage {
    /// The language code, as configured (`en`, `uk`).
    pub code: String,
    /// The file stem without the language suffix.
    pub stem: String,
    /// Articles sharing this key are translations of one story.
    pub translation_key: String,
}

/// Where a language problem is: in the file name or at the `lang:` key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LanguageProblem {
    /// The file name's suffix (`truce.de.md`).
    FileName(String),
    /// The `lang:` key.
    Key(String),
}

/// The language of the article at `path`. A suffix (`truce.uk.md`, the Hugo and Zola
/// convention) counts only on a multilingual site, so a single-language site's file names
/// and URLs stay as they were.
pub fn article_language(
    path: &Path,
    lang: Option<&str>,
    translation_key: Option<&str>,
    config: &Config,
) -> Result<ArticleLanguage, LanguageProblem> {
    let full_stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (stem, suffix) = match full_stem.rsplit_once('.') {
        Some((stem, suffix))
            if config.is_multilingual() && !stem.is_empty() && is_language_code(suffix) =>
        {
            (stem.to_string(), Some(suffix))
        }
        _ => (full_stem.clone(), None),
    };
    let known = |code: &str| -> Option<String> {
        config
            .language_index(code)
            .map(|index| config.language_codes()[index].to_string())
    };
    let listed = || config.language_codes().join(", ");
    let from_name = match suffix {
        Some(code) => Some(known(code).ok_or_else(|| {
            LanguageProblem::FileName(format!(
                "unknown language `{code}` in the file name: the site's languages are {}",
                listed()
            ))
        })?),
        None => None,
    };
    let from_key = match lang.map(str::trim) {
        Some(code) => Some(known(code).ok_or_else(|| {
            LanguageProblem::Key(format!(
                "unknown language `{code}`: the site's languages are {} (add it under `languages:` in config.yaml)",
                listed()
            ))
        })?),
        None => None,
    };
    let code = match (from_name, from_key) {
        (Some(name), Some(key)) if name != key => {
            return Err(LanguageProblem::Key(format!(
                "`lang: {key}` contradicts the file name, which says `{name}`"
            )));
        }
        (name, key) => name.or(key).unwrap_or_else(|| config.language.clone()),
    };
    let translation_key = match translation_key.map(str::trim).filter(|k| !k.is_empty()) {
        Some(key) => key.to_string(),
        None => path.with_file_name(&stem).to_string_lossy().into_owned(),
    };
    Ok(ArticleLanguage {
        code,
        stem,
        translation_key,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;

    fn config(languages: &str) -> Config {
        let text = format!("title: T\nbase_url: https://e.org/\n{languages}");
        Config::parse(Path::new("config.yaml"), &text, &Overrides::default()).unwrap()
    }

    #[test]
    fn suffix_names_the_language_on_a_multilingual_site() {
        let config = config("languages:\n  uk: {title: Т}\n  ru: {}\n");
        let found = article_language(Path::new("content/a/truce.uk.md"), None, None, &config);
        let found = found.unwrap();
        assert_eq!(found.code, "uk");
        assert_eq!(found.stem, "truce");
        assert_eq!(found.translation_key, "content/a/truce");
        let english = article_language(Path::new("content/a/truce.md"), None, None, &config);
        assert_eq!(english.unwrap().translation_key, "content/a/truce");
        let keyed = article_language(Path::new("content/b.md"), Some("ru"), Some("x"), &config);
        assert_eq!(keyed.clone().unwrap().code, "ru");
        assert_eq!(keyed.unwrap().translation_key, "x");
    }

    #[test]
    fn unknown_languages_list_the_configured_ones() {
        let config = config("languages:\n  uk: {}\n");
        let name = article_language(Path::new("content/t.de.md"), None, None, &config);
        assert_eq!(
            name.unwrap_err(),
            LanguageProblem::FileName(
                "unknown language `de` in the file name: the site's languages are en, uk".into()
            )
        );
        let key = article_language(Path::new("content/t.md"), Some("fr"), None, &config);
        assert!(matches!(key, Err(LanguageProblem::Key(m)) if m.contains("en, uk")));
        let clash = article_language(Path::new("content/t.uk.md"), Some("en"), None, &config);
        assert!(matches!(clash, Err(LanguageProblem::Key(m)) if m.contains("contradicts")));
    }

    #[test]
    fn single_language_sites_keep_dotted_names() {
        let config = config("");
        let found = article_language(Path::new("content/truce.uk.md"), None, None, &config);
        let found = found.unwrap();
        assert_eq!(
            (found.code.as_str(), found.stem.as_str()),
            ("en", "truce.uk")
        );
        // `v1.2.md` is never a language.
        let config = self::config("languages:\n  uk: {}\n");
        let dotted = article_language(Path::new("content/v1.2.md"), None, None, &config);
        assert_eq!(dotted.unwrap().stem, "v1.2");
    }
}
