//! `languages:` in `config.yaml`: the languages a site publishes besides its default one.
//!
//! Input: the raw `languages:` map, in the order written. Output: checked [`Language`]s, each
//! with its code and the site values it overrides (title, description, author), and the
//! per-language [`Config`] views the render stage hands to feeds, JSON-LD and templates.

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};

use super::Config;
use crate::url::translit::Scheme;

/// One language besides the default, published under `/<code>/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// The BCP 47 code, lowercase: `uk`, `ru`, `pt-br`. Also the output folder.
    pub code: String,
    /// The site's title in this language (the default title when not given).
    pub title: Option<String>,
    /// The site's description in this language.
    pub description: Option<String>,
    /// The default byline in this language.
    pub author: Option<String>,
}

/// What `languages:` may set for one language: the keys a language overrides.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLanguage {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    author: Option<String>,
}

/// `languages:` as written, in order (the order of the language switcher).
#[derive(Debug, Default)]
pub(super) struct RawLanguages(pub(super) Vec<(String, RawLanguage)>);

impl<'de> Deserialize<'de> for RawLanguages {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InOrder;
        impl<'de> Visitor<'de> for InOrder {
            type Value = RawLanguages;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map of language codes, e.g. `uk: {title: Дайджест}`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawLanguages, A::Error> {
                let mut languages = Vec::new();
                while let Some((code, language)) =
                    map.next_entry::<String, Option<RawLanguage>>()?
                {
                    languages.push((code, language.unwrap_or_default()));
                }
                Ok(RawLanguages(languages))
            }
        }
        deserializer.deserialize_map(InOrder)
    }
}

/// `slugs:` in `config.yaml`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlugsConfig {
    /// How the default language's Cyrillic becomes a slug.
    #[serde(default)]
    pub transliteration: Transliteration,
}

/// How the default language's titles, file names and tags become slugs. The other languages
/// always use their national standard: their URLs are new.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Transliteration {
    /// As newsprint always did (Україна → ukrayina), so an existing site keeps its URLs.
    #[default]
    Legacy,
    /// The language's national standard (Україна → ukraina): Ukrainian KMU 2010, Russian
    /// ICAO Doc 9303. Changes the URLs of existing Cyrillic slugs.
    National,
}

/// Whether `code` looks like a language tag newsprint can use as a folder: `uk`, `pt-br`.
pub fn is_language_code(code: &str) -> bool {
    let mut subtags = code.split('-');
    let primary = subtags.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && subtags
            .all(|s| (2..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Checks `languages:` against the default `language`; the error names the problem.
pub(super) fn check(raw: RawLanguages, default: &str) -> Result<Vec<Language>, String> {
    let mut languages: Vec<Language> = Vec::new();
    for (code, raw) in raw.0 {
        let code = code.trim().to_ascii_lowercase();
        if !is_language_code(&code) {
            return Err(format!(
                "invalid language code `{code}` in languages: expected a code such as `uk` or `pt-br`"
            ));
        }
        if code.eq_ignore_ascii_case(default) {
            return Err(format!(
                "`{code}` is the default language (`language: {default}`): list only the others under languages:"
            ));
        }
        if languages.iter().any(|l| l.code == code) {
            return Err(format!("language `{code}` is listed twice in languages:"));
        }
        let text = |value: Option<String>| {
            value
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        languages.push(Language {
            code,
            title: text(raw.title),
            description: text(raw.description),
            author: text(raw.author),
        });
    }
    Ok(languages)
}

impl Config {
    /// Every language code of the site, the default first, then `languages:` in order.
    pub fn language_codes(&self) -> Vec<&str> {
        std::iter::once(self.language.as_str())
            .chain(self.languages.iter().map(|l| l.code.as_str()))
            .collect()
    }

    /// How slugs of articles and tags in language `code` are romanized.
    pub fn slug_scheme(&self, code: &str) -> Scheme {
        let is_default = self.language_index(code).unwrap_or(0) == 0;
        if is_default && self.slugs.transliteration == Transliteration::Legacy {
            Scheme::Legacy
        } else {
            Scheme::national(code)
        }
    }

    /// Whether the site publishes more than one language.
    pub fn is_multilingual(&self) -> bool {
        !self.languages.is_empty()
    }

    /// The position of `code` in [`Config::language_codes`] (the default is 0).
    pub fn language_index(&self, code: &str) -> Option<usize> {
        if code.eq_ignore_ascii_case(&self.language) {
            return Some(0);
        }
        self.languages
            .iter()
            .position(|l| l.code.eq_ignore_ascii_case(code))
            .map(|i| i + 1)
    }

    /// The output folder of language `index`: `""` for the default, `uk/` for the others.
    pub fn language_folder(&self, index: usize) -> String {
        match index.checked_sub(1).and_then(|i| self.languages.get(i)) {
            Some(language) => format!("{}/", language.code),
            None => String::new(),
        }
    }

    /// This config as seen from language `index`: its title, description, author and
    /// `language` in place of the default ones (0 is the default language, itself).
    pub fn for_language(&self, index: usize) -> Config {
        let mut config = self.clone();
        if let Some(language) = index.checked_sub(1).and_then(|i| self.languages.get(i)) {
            config.language = language.code.clone();
            if let Some(title) = &language.title {
                config.title = title.clone();
            }
            if let Some(description) = &language.description {
                config.description = description.clone();
            }
            if let Some(author) = &language.author {
                config.author = author.clone();
            }
        }
        config
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_folder_safe_language_tags() {
        for good in ["uk", "ru", "en", "pt-br", "zh-hant", "haw"] {
            assert!(is_language_code(good), "{good}");
        }
        for bad in [
            "",
            "u",
            "Uk",
            "ukrainian",
            "../x",
            "uk/",
            "u k",
            "uk-",
            "e1",
        ] {
            assert!(!is_language_code(bad), "{bad}");
        }
    }

    #[test]
    fn default_and_duplicates_are_refused() {
        let raw = |codes: &[&str]| {
            RawLanguages(
                codes
                    .iter()
                    .map(|c| (c.to_string(), RawLanguage::default()))
                    .collect(),
            )
        };
        assert!(check(raw(&["uk", "ru"]), "en").is_ok());
        assert!(
            check(raw(&["en"]), "en")
                .unwrap_err()
                .contains("default language")
        );
        assert!(
            check(raw(&["uk", "UK"]), "en")
                .unwrap_err()
                .contains("twice")
        );
        assert!(
            check(raw(&["ukr ainian"]), "en")
                .unwrap_err()
                .contains("invalid language code")
        );
    }
}
