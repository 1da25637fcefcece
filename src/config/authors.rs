//! `authors.yaml`: who writes for the site, read once beside `config.yaml`.
//!
//! Input: the optional file `authors.yaml` at the site root, a map from the name as articles
//! write it to a profile (`slug`, `url`, `bio`, `avatar`, `same_as`). Output: [`Profiles`],
//! checked: slugs are safe path segments, links are web URLs, and an unknown key is an error at
//! its line and column, as in `config.yaml`. A missing file is no profiles, not an error.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Diagnostic, Error, Result};
use crate::url::slugify;
use crate::yaml::{self, Schema, locate_key};

/// The name of the authors file at the site root.
pub const AUTHORS_FILE: &str = "authors.yaml";

/// The authors file for the YAML messages (its top-level keys are names; these are a profile's).
const SCHEMA: Schema = Schema::new(AUTHORS_FILE, PROFILE_KEYS);

/// The keys a profile accepts, for "did you mean" hints.
pub const PROFILE_KEYS: &[&str] = &["slug", "url", "bio", "avatar", "same_as"];

/// What `authors.yaml` says about one author.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The author page's folder name under `authors/` (default: the name, slugified).
    #[serde(default)]
    pub slug: Option<String>,
    /// The author's own home page.
    #[serde(default)]
    pub url: Option<String>,
    /// A short biography, shown on the author page.
    #[serde(default)]
    pub bio: Option<String>,
    /// A portrait: a URL, or a path under the output (`img/ann.jpg` from `static/`).
    #[serde(default)]
    pub avatar: Option<String>,
    /// Profiles elsewhere (schema.org `sameAs`): social networks, Wikidata, …
    #[serde(default)]
    pub same_as: Vec<String>,
}

/// Every profile, by the name articles use.
pub type Profiles = BTreeMap<String, Profile>;

/// Reads `<root>/authors.yaml`; no file is no profiles.
pub fn load(root: &Path, display: &Path) -> Result<Profiles> {
    let path = root.join(AUTHORS_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(display, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Profiles::new()),
        Err(e) => Err(Error::read(&path, e)),
    }
}

/// Checks the text of an authors file; `path` is only used in messages.
pub fn parse(path: &Path, text: &str) -> Result<Profiles> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    }) {
        return Ok(Profiles::new());
    }
    let profiles: Profiles = yaml::parse(path, text, 0, text, &SCHEMA)?;
    let mut slugs: BTreeMap<String, &str> = BTreeMap::new();
    for (name, profile) in &profiles {
        let problem = |message: String| -> Error {
            let (position, width) = locate_key(text, 0, name);
            Diagnostic::at(path, text, position, width.max(1), message).into()
        };
        if name.trim().is_empty() {
            return Err(problem("an author's name is empty".into()));
        }
        let slug = profile_slug(name, profile);
        if slug.is_empty() || slugify(&slug) != slug {
            return Err(problem(format!(
                "invalid slug `{slug}` for `{name}`: expected lowercase letters, digits and -"
            )));
        }
        if let Some(other) = slugs.insert(slug.clone(), name) {
            return Err(problem(format!(
                "`{other}` and `{name}` have the same slug `{slug}`: give one a different `slug:`"
            )));
        }
        let links = profile.url.iter().chain(&profile.same_as);
        if let Some(bad) = links
            .chain(profile.avatar.iter().filter(|a| a.contains(':')))
            .find(|link| !crate::content::article::is_web_url(link))
        {
            return Err(problem(format!(
                "invalid link `{bad}` for `{name}`: expected an https:// or http:// URL"
            )));
        }
    }
    Ok(profiles)
}

/// The slug of an author page: the profile's `slug:`, else the name slugified.
pub fn profile_slug(name: &str, profile: &Profile) -> String {
    match &profile.slug {
        Some(slug) => slug.trim().to_string(),
        None => slugify(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_parse_with_defaults() {
        let text = "Ann Lee:\n  bio: Kyiv correspondent.\n  same_as: [https://example.org/ann]\nBo:\n  slug: bo-k\n";
        let profiles = parse(Path::new("authors.yaml"), text).unwrap();
        assert_eq!(
            profiles["Ann Lee"].bio.as_deref(),
            Some("Kyiv correspondent.")
        );
        assert_eq!(profile_slug("Ann Lee", &profiles["Ann Lee"]), "ann-lee");
        assert_eq!(profile_slug("Bo", &profiles["Bo"]), "bo-k");
        assert!(
            parse(Path::new("authors.yaml"), "# none yet\n")
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn unknown_key_is_an_error_at_its_line_and_column() {
        let text = "Ann:\n  bio: x\n  twiter: y\n";
        let Error::Content(diagnostic) = parse(Path::new("authors.yaml"), text).unwrap_err() else {
            panic!("expected a content error");
        };
        assert!(
            diagnostic
                .message
                .contains("unknown key `twiter` in authors.yaml")
        );
        let position = diagnostic.position.unwrap();
        assert_eq!((position.line, position.column), (3, 3));
    }

    #[test]
    fn bad_links_and_clashing_slugs_are_errors() {
        let bad = parse(Path::new("a.yaml"), "Ann:\n  url: javascript:alert(1)\n");
        assert!(bad.unwrap_err().to_string().contains("invalid link"));
        let clash = parse(Path::new("a.yaml"), "Ann:\n  slug: x\nBo:\n  slug: x\n");
        assert!(clash.unwrap_err().to_string().contains("same slug `x`"));
    }
}
