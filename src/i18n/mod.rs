//! Theme strings in the site's languages, and the plural rules that pick their forms.
//!
//! Input: `i18n/<code>.yaml` files (flat maps of key → text) from the built-in default theme,
//! then the site's theme folder, then the site's own `i18n/`, each overriding the one before
//! key by key. Output: [`Strings`], which templates read through `t(key=…)`: the text in the
//! page's language, else in the site's default language, else in English, else the key.
//!
//! Plural forms are keys with a CLDR category suffix (`article_count_one`, `_few`, `_many`,
//! `_other`); `t(key="article_count", n=3)` picks the form by the language's rule.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::error::Result;

pub mod dates;

/// The folder of strings files, in a theme and at the site root.
pub const FOLDER: &str = "i18n";

/// The language the built-in theme's strings are written in first: the reference for which
/// keys a language lacks.
pub const REFERENCE: &str = "en";

/// A strings file for the YAML messages: any key is a string's name.
const STRINGS_SCHEMA: crate::yaml::Schema = crate::yaml::Schema::new("a strings file (i18n/)", &[]);

/// Every language's strings.
#[derive(Debug, Clone, Default)]
pub struct Strings {
    by_language: HashMap<String, BTreeMap<String, String>>,
    default: String,
}

impl Strings {
    /// Reads the built-in files (`embedded`: path in the theme, bytes), then the site's theme
    /// folder's `i18n/`, then the site's `i18n/`.
    pub fn load(
        root: &Path,
        theme_folder: &str,
        embedded: &[(&str, &[u8])],
        default: &str,
    ) -> Result<Strings> {
        let mut strings = Strings {
            by_language: HashMap::new(),
            default: default.to_string(),
        };
        for (path, bytes) in embedded {
            if let Some(code) = strings_file_language(path) {
                let text = String::from_utf8_lossy(bytes);
                strings.merge(code, &PathBuf::from("themes/default").join(path), &text)?;
            }
        }
        for folder in [format!("{theme_folder}/{FOLDER}"), FOLDER.to_string()] {
            let found = crate::content::walk::walk(root, &folder);
            for path in found.files {
                let name = path.to_string_lossy().replace('\\', "/");
                let Some(code) = strings_file_language(&name) else {
                    continue;
                };
                let text = std::fs::read_to_string(root.join(&path))
                    .map_err(|e| crate::error::Error::read(root.join(&path), e))?;
                strings.merge(code, &path, &text)?;
            }
        }
        Ok(strings)
    }

    /// Adds the strings of one file over those already read for `code`.
    fn merge(&mut self, code: &str, path: &Path, text: &str) -> Result<()> {
        let map: BTreeMap<String, String> = if text.trim().is_empty() {
            BTreeMap::new()
        } else {
            crate::yaml::parse(path, text, 1, text, &STRINGS_SCHEMA)?
        };
        self.by_language
            .entry(code.to_ascii_lowercase())
            .or_default()
            .extend(map);
        Ok(())
    }

    /// The text of `key` in `language` (for `n` things, when given), with `{n}` and the
    /// `values` put in: the language's, else the default language's, else English, else the key.
    pub fn text(
        &self,
        language: &str,
        key: &str,
        n: Option<i64>,
        values: &[(&str, &str)],
    ) -> String {
        let found = [language, self.default.as_str(), REFERENCE]
            .into_iter()
            .find_map(|code| self.form(code, key, n))
            .unwrap_or(key);
        let mut text = found.to_string();
        if let Some(n) = n {
            text = text.replace("{n}", &n.to_string());
        }
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// The form of `key` for `n` in `language` only.
    fn form(&self, language: &str, key: &str, n: Option<i64>) -> Option<&str> {
        let strings = self
            .by_language
            .get(&language.to_ascii_lowercase())
            .or_else(|| {
                // `en-gb` reads `en` when it has no file of its own.
                let primary = language.split('-').next()?;
                self.by_language.get(&primary.to_ascii_lowercase())
            })?;
        let plural = n.map(|n| plural_category(language, n));
        plural
            .and_then(|category| strings.get(&format!("{key}_{category}")))
            .or_else(|| plural.and_then(|_| strings.get(&format!("{key}_other"))))
            .or_else(|| strings.get(key))
            .map(String::as_str)
    }

    /// The keys the reference (English) strings have that `language` lacks, plural forms
    /// counted by their base key. Empty when the language has everything.
    pub fn missing(&self, language: &str) -> Vec<String> {
        let base_keys = |code: &str| -> BTreeSet<String> {
            self.by_language
                .get(code)
                .into_iter()
                .flat_map(|strings| strings.keys())
                .map(|key| base_key(key).to_string())
                .collect()
        };
        let have = base_keys(&language.to_ascii_lowercase());
        base_keys(REFERENCE)
            .into_iter()
            .filter(|key| !have.contains(key))
            .collect()
    }
}

/// `uk` for `i18n/uk.yaml` (a file right inside an `i18n/` folder), else `None`.
fn strings_file_language(path: &str) -> Option<&str> {
    let (folder, file) = path.rsplit_once('/')?;
    if !(folder == FOLDER || folder.ends_with(&format!("/{FOLDER}"))) {
        return None;
    }
    let code = file
        .strip_suffix(".yaml")
        .or_else(|| file.strip_suffix(".yml"))?;
    crate::config::is_language_code(&code.to_ascii_lowercase()).then_some(code)
}

/// A plural key without its category: `article_count` for `article_count_few`.
fn base_key(key: &str) -> &str {
    ["_zero", "_one", "_two", "_few", "_many", "_other"]
        .into_iter()
        .find_map(|suffix| key.strip_suffix(suffix))
        .unwrap_or(key)
}

/// The CLDR plural category of the integer `n` in `language`: East Slavic (uk, ru, be) has
/// one (1, 21, 31…), few (2–4, 22–24…) and many (0, 5–20, 25…); Polish likewise but 1 alone
/// is one; most other languages one (1) and other.
pub fn plural_category(language: &str, n: i64) -> &'static str {
    let n = n.unsigned_abs();
    let (last, last_two) = (n % 10, n % 100);
    match language.split('-').next().unwrap_or_default() {
        "uk" | "ru" | "be" => match (last, last_two) {
            (1, l) if l != 11 => "one",
            (2..=4, l) if !(12..=14).contains(&l) => "few",
            _ => "many",
        },
        "pl" => match (n, last, last_two) {
            (1, _, _) => "one",
            (_, 2..=4, l) if !(12..=14).contains(&l) => "few",
            _ => "many",
        },
        "ja" | "ko" | "zh" | "vi" | "th" | "id" => "other",
        "fr" | "pt" if n <= 1 => "one",
        _ if n == 1 => "one",
        _ => "other",
    }
}

/// The word that joins the last two names of a byline in `language` ("and", "і", "и").
pub fn conjunction(language: &str) -> &'static str {
    match language.split('-').next().unwrap_or_default() {
        "uk" => "і",
        "ru" => "и",
        _ => "and",
    }
}

/// The words the Markdown stage writes into an article's HTML itself (not the theme's: they
/// are part of the body, in feeds and email too), in the article's language.
#[derive(Debug)]
pub struct MarkupLabels {
    /// The accessible name of a ticked task-list checkbox.
    pub done: &'static str,
    /// The accessible name of an unticked one.
    pub to_do: &'static str,
    /// The heading over the footnotes.
    pub notes: &'static str,
}

/// The [`MarkupLabels`] of `language`: English, Ukrainian and Russian; English for the rest.
pub fn markup_labels(language: &str) -> &'static MarkupLabels {
    const EN: MarkupLabels = MarkupLabels {
        done: "done",
        to_do: "to do",
        notes: "Notes",
    };
    const UK: MarkupLabels = MarkupLabels {
        done: "виконано",
        to_do: "не виконано",
        notes: "Примітки",
    };
    const RU: MarkupLabels = MarkupLabels {
        done: "выполнено",
        to_do: "не выполнено",
        notes: "Примечания",
    };
    match language.split('-').next().unwrap_or_default() {
        "uk" => &UK,
        "ru" => &RU,
        _ => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings() -> Strings {
        let mut strings = Strings {
            by_language: HashMap::new(),
            default: "en".into(),
        };
        let en = "by: By\narticle_count_one: \"{n} article\"\narticle_count_other: \"{n} articles\"\ncovered: Every topic covered in {site}.\n";
        let uk = "by: Автор\narticle_count_one: \"{n} стаття\"\narticle_count_few: \"{n} статті\"\narticle_count_many: \"{n} статей\"\n";
        strings.merge("en", Path::new("en.yaml"), en).unwrap();
        strings.merge("uk", Path::new("uk.yaml"), uk).unwrap();
        strings
    }

    #[test]
    fn plural_forms_follow_the_language() {
        let strings = strings();
        let count = |lang: &str, n| strings.text(lang, "article_count", Some(n), &[]);
        assert_eq!(count("en", 1), "1 article");
        assert_eq!(count("en", 0), "0 articles");
        assert_eq!(count("uk", 1), "1 стаття");
        assert_eq!(count("uk", 3), "3 статті");
        assert_eq!(count("uk", 5), "5 статей");
        assert_eq!(count("uk", 11), "11 статей");
        assert_eq!(count("uk", 21), "21 стаття");
        assert_eq!(count("uk", 22), "22 статті");
        assert_eq!(count("uk", 112), "112 статей");
    }

    #[test]
    fn missing_keys_fall_back_and_are_listed() {
        let strings = strings();
        let covered = strings.text("uk", "covered", None, &[("site", "Д")]);
        assert_eq!(covered, "Every topic covered in Д.");
        assert_eq!(strings.text("ru", "by", None, &[]), "By");
        assert_eq!(strings.text("uk", "nothing", None, &[]), "nothing");
        assert_eq!(strings.missing("uk"), ["covered"]);
        assert!(strings.missing("en").is_empty());
    }

    #[test]
    fn categories_match_cldr() {
        let categories: Vec<&str> = [0, 1, 2, 5, 11, 21, 24, 25, 101]
            .into_iter()
            .map(|n| plural_category("ru", n))
            .collect();
        assert_eq!(
            categories,
            [
                "many", "one", "few", "many", "many", "one", "few", "many", "one"
            ]
        );
        assert_eq!(plural_category("pl", 21), "many");
        assert_eq!(plural_category("en", 1), "one");
        assert_eq!(plural_category("en-gb", 2), "other");
    }

    #[test]
    fn only_language_files_in_i18n_folders_count() {
        assert_eq!(strings_file_language("i18n/uk.yaml"), Some("uk"));
        assert_eq!(
            strings_file_language("themes/x/i18n/pt-br.yml"),
            Some("pt-br")
        );
        assert_eq!(strings_file_language("i18n/notes.yaml"), None);
        assert_eq!(strings_file_language("templates/uk.yaml"), None);
    }
}
