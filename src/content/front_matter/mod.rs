//! An article's front matter: the [`FrontMatter`] type, [`split`] (a file cut at its `---`
//! fences) and [`parse`], which reads the plain shapes most articles use with the fast reader
//! ([`plain`]) and everything else, and every error, with [`crate::yaml`].
//!
//! Input: a file's text. Output: the raw [`FrontMatter`] and the body, or a
//! [`Diagnostic`](crate::error::Diagnostic) whose line and column are counted in the *file*, not
//! in the front matter block.

use std::path::Path;

use serde::Deserialize;

use crate::error::Result;
use crate::yaml::{self, Schema};

mod plain;
mod split;

pub use split::{Split, split};

/// Front matter as written, before any checking.
#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(PartialEq))]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The headline.
    pub title: String,
    /// Publication date, RFC 3339 or a plain date.
    pub date: String,
    /// Last update, same formats as `date`.
    #[serde(default)]
    pub updated: Option<String>,
    /// Tags (a single string is taken as one tag).
    #[serde(default)]
    pub tags: OneOrMany,
    /// Authors.
    #[serde(default)]
    pub authors: OneOrMany,
    /// One author, the form many sites use.
    #[serde(default)]
    pub author: Option<String>,
    /// A summary that replaces the first paragraph.
    #[serde(default)]
    pub summary: Option<String>,
    /// The last URL segment; defaults to the file name.
    #[serde(default)]
    pub slug: Option<String>,
    /// Left out of the build unless `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// Lead image: a URL or a file beside the article.
    #[serde(default)]
    pub image: Option<String>,
    /// The lead image's text alternative (default: none, as the headline says it beside it).
    #[serde(default)]
    pub image_alt: Option<String>,
    /// The lead image's caption.
    #[serde(default)]
    pub image_caption: Option<String>,
    /// Who made the lead image ("Photo: Ann Lee / Reuters").
    #[serde(default)]
    pub image_credit: Option<String>,
    /// The original report this article is based on.
    #[serde(default)]
    pub source: Option<String>,
    /// Free data for themes.
    #[serde(default)]
    pub extra: Option<serde_json::Value>,
    /// The edition the article belongs to, when issues are grouped by hand (`edition: 42`).
    #[serde(default, deserialize_with = "name_or_number")]
    pub edition: Option<String>,
    /// The article's language code, when its file name does not say (`truce.uk.md` does).
    #[serde(default)]
    pub lang: Option<String>,
    /// Links translations of one story whose file names differ.
    #[serde(default)]
    pub translation_key: Option<String>,
    /// Old URLs of the article (`/2025/03/old-slug/`), each given a redirect page.
    #[serde(default)]
    pub aliases: OneOrMany,
    /// The feed id/GUID, pinned so a changed slug does not make the article new to readers.
    #[serde(default, deserialize_with = "name_or_number")]
    pub id: Option<String>,
}

/// A name, or a number read as its digits (`edition: 42` is the edition "42").
fn name_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NameOrNumber {
        Name(String),
        Number(u64),
    }
    Ok(
        Option::<NameOrNumber>::deserialize(d)?.map(|value| match value {
            NameOrNumber::Name(name) => name,
            NameOrNumber::Number(number) => number.to_string(),
        }),
    )
}

/// Front matter for the YAML messages: its name, keys and hints.
pub const SCHEMA: Schema = Schema {
    place: "front matter",
    keys: FRONT_MATTER_KEYS,
    empty: "the front matter is empty: expected at least `title` and `date`",
    types_help: "title, date, summary, slug, image, image_alt, image_caption, image_credit and source are text; tags and authors are lists like [Russia, Ukraine]; draft is true or false; extra is a map",
    free_keys: Some("free data for themes goes under `extra:`"),
};

/// The keys front matter accepts, for "did you mean" hints.
pub const FRONT_MATTER_KEYS: &[&str] = &[
    "title",
    "date",
    "updated",
    "tags",
    "authors",
    "author",
    "summary",
    "slug",
    "draft",
    "image",
    "image_alt",
    "image_caption",
    "image_credit",
    "source",
    "extra",
    "edition",
    "lang",
    "translation_key",
    "aliases",
    "id",
];

/// A list that may also be written as a single name (`tags: Russia`), or left empty.
#[derive(Debug, Default, Clone)]
#[cfg_attr(test, derive(PartialEq))]
pub struct OneOrMany(pub Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OneOrManyVisitor)
    }
}

/// Takes what YAML offers as it comes: no buffering and retrying (as an untagged enum would),
/// and a type error says what was expected, at the value's own line.
struct OneOrManyVisitor;

impl<'de> serde::de::Visitor<'de> for OneOrManyVisitor {
    type Value = OneOrMany;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a name or a list of names, like `[Russia, Ukraine]`")
    }

    fn visit_str<E: serde::de::Error>(self, one: &str) -> Result<OneOrMany, E> {
        Ok(OneOrMany(vec![one.to_string()]))
    }

    fn visit_string<E: serde::de::Error>(self, one: String) -> Result<OneOrMany, E> {
        Ok(OneOrMany(vec![one]))
    }

    // `tags: 2025` reads as the name "2025", as it would inside a list.
    fn visit_u64<E: serde::de::Error>(self, number: u64) -> Result<OneOrMany, E> {
        Ok(OneOrMany(vec![number.to_string()]))
    }

    fn visit_i64<E: serde::de::Error>(self, number: i64) -> Result<OneOrMany, E> {
        Ok(OneOrMany(vec![number.to_string()]))
    }

    // `tags:` with nothing after it: no names.
    fn visit_unit<E: serde::de::Error>(self) -> Result<OneOrMany, E> {
        Ok(OneOrMany::default())
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<OneOrMany, E> {
        Ok(OneOrMany::default())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
        let mut names = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(name) = seq.next_element::<String>()? {
            names.push(name);
        }
        Ok(OneOrMany(names))
    }
}
/// Parses an article's front matter, which starts at file line `first_line` of `file_text`.
///
/// The plain shapes nearly every article uses are read directly ([`plain`]); anything else,
/// and every error, goes through [`yaml::parse`].
pub fn parse(path: &Path, file_text: &str, first_line: usize, yaml: &str) -> Result<FrontMatter> {
    let line_offset = first_line.saturating_sub(1);
    yaml::check_size(path, file_text, line_offset, yaml, &SCHEMA)?;
    match plain::parse(yaml) {
        Some(front) => Ok(front),
        None => yaml::parse(path, file_text, first_line, yaml, &SCHEMA),
    }
}

#[cfg(test)]
mod tests;
