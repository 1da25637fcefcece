//! Splitting an article into front matter and body, and parsing the YAML: the only `serde_yaml`
//! use in newsprint (front matter in the plain shapes most articles use is read by
//! `content::plain_yaml` first).
//!
//! Input: a file's text. Output: the raw [`FrontMatter`] and the body, or a [`Diagnostic`] whose
//! line and column are counted in the *file*, not in the front matter block.

use std::path::Path;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::plain_yaml;
use crate::error::{Diagnostic, Error, Position, Result};

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

/// A file cut in two at its front matter fences.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences.
    pub yaml: &'a str,
    /// The 1-based file line of the first YAML line.
    pub yaml_line: usize,
    /// Everything after the closing fence.
    pub body: &'a str,
    /// The 1-based file line where the body starts.
    pub body_line: usize,
}

/// Cuts `text` (a whole file, BOM already removed) at its `---` fences.
pub fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if !is_fence(first) {
        let message = if text.trim().is_empty() {
            "the file is empty: expected front matter between `---` lines with at least `title` and `date`"
        } else {
            "no front matter: expected the file to start with a `---` line, then `title:` and `date:`, then `---`"
        };
        return Err(Diagnostic::at(path, text, Position { line: 1, column: 1 }, 3, message).into());
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for (index, line) in lines.enumerate() {
        if is_fence(line) || line.trim_end() == "..." {
            let closing_line = index + 2;
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[offset + line.len()..],
                body_line: closing_line + 1,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::at(
        path,
        text,
        Position { line: 1, column: 1 },
        3,
        "the front matter is not closed: expected a second `---` line after the YAML",
    )
    .into())
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// Parses an article's front matter, which starts at file line `first_line` of `file_text`.
///
/// The plain shapes nearly every article uses are read directly (`plain_yaml`); anything else,
/// and every error, goes through [`parse_yaml`] and `serde_yaml`.
pub fn parse_front_matter(
    path: &Path,
    file_text: &str,
    first_line: usize,
    yaml: &str,
) -> Result<FrontMatter> {
    let line_offset = first_line.saturating_sub(1);
    check_yaml_size(path, file_text, line_offset, yaml, FRONT_MATTER_KEYS)?;
    match plain_yaml::parse(yaml) {
        Some(front) => Ok(front),
        None => parse_yaml(path, file_text, first_line, yaml, FRONT_MATTER_KEYS),
    }
}

/// Parses a YAML mapping into `T`, turning errors into diagnostics at the right file line.
///
/// `file_text` is the whole file (for showing the source line); `yaml` starts at file line
/// `first_line` (0 when `yaml` is the whole file, as for `config.yaml`); `keys` are the keys `T`
/// accepts, for hints.
pub fn parse_yaml<T: DeserializeOwned>(
    path: &Path,
    file_text: &str,
    first_line: usize,
    yaml: &str,
    keys: &[&str],
) -> Result<T> {
    let line_offset = first_line.saturating_sub(1);
    if yaml.trim().is_empty() {
        let line = first_line.max(1);
        return Err(Diagnostic::at(
            path,
            file_text,
            Position { line, column: 1 },
            3,
            if is_front_matter(keys) {
                "the front matter is empty: expected at least `title` and `date`"
            } else {
                "config.yaml is empty: expected at least `title` and `base_url`"
            },
        )
        .into());
    }
    check_yaml_size(path, file_text, line_offset, yaml, keys)?;
    serde_yaml::from_str(yaml)
        .map_err(|error| yaml_diagnostic(path, file_text, line_offset, yaml, keys, &error))
}

/// The largest YAML text read: front matter and `config.yaml` are a few hundred bytes.
pub const MAX_YAML_BYTES: usize = 1024 * 1024;

/// The most `[` and `{` a YAML text may hold. The YAML scanner's work grows with its tokens
/// times the nesting of `[`/`{` collections, so 200 KB of `[[[[…` took a minute; counting every
/// bracket, quoted or not, bounds the nesting from above.
pub const MAX_YAML_BRACKETS: usize = 1000;

/// Refuses YAML too large or too bracket-heavy to parse in bounded time.
fn check_yaml_size(
    path: &Path,
    file_text: &str,
    line_offset: usize,
    yaml: &str,
    keys: &[&str],
) -> Result<()> {
    if yaml.len() > MAX_YAML_BYTES {
        return Err(Diagnostic::at(
            path,
            file_text,
            Position {
                line: line_offset + 1,
                column: 1,
            },
            3,
            format!(
                "the {} is {} KiB: at most {} KiB are allowed",
                place(keys),
                yaml.len() / 1024,
                MAX_YAML_BYTES / 1024
            ),
        )
        .into());
    }
    let Some((at, _)) = yaml.match_indices(['[', '{']).nth(MAX_YAML_BRACKETS) else {
        return Ok(());
    };
    let before = &yaml[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let position = Position {
        line: line_offset + before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    };
    let message = format!(
        "the {} has more than {MAX_YAML_BRACKETS} `[` and `{{`: nesting this deep is not supported",
        place(keys)
    );
    Err(Diagnostic::at(path, file_text, position, 1, message).into())
}

/// Makes a compiler-style diagnostic from a YAML error.
fn yaml_diagnostic(
    path: &Path,
    file_text: &str,
    line_offset: usize,
    yaml: &str,
    keys: &[&str],
    error: &serde_yaml::Error,
) -> Error {
    let raw = error.to_string();
    // yaml_serde appends " at line L column C"; we print our own location instead.
    let message = match raw.find(" at line ") {
        Some(at) => raw[..at].to_string(),
        None => raw.clone(),
    };
    if let Some(key) = backticked_after(&message, "unknown field `") {
        let (position, _) = locate_key(yaml, line_offset, &key);
        // A key inside a section (`editions: {perod: week}`) is not at the start of a line:
        // serde_yaml's own location finds it, and its message lists the section's keys.
        let nested = position.line == line_offset + 1 && !yaml.starts_with(key.as_str());
        let key_position = match error.location() {
            Some(at) if nested => Position {
                line: line_offset + at.line(),
                column: at.column(),
            },
            _ => Position {
                line: position.line,
                column: 1,
            },
        };
        let section_keys = expected_keys(&message);
        let keys_named: Vec<&str> = section_keys.iter().map(String::as_str).collect();
        let keys: &[&str] = if nested && !keys_named.is_empty() {
            &keys_named
        } else {
            keys
        };
        let mut diagnostic = Diagnostic::at(
            path,
            file_text,
            key_position,
            key.chars().count(),
            format!("unknown key `{key}` in {}", place(keys)),
        );
        diagnostic = match closest(&key, keys) {
            Some(best) if is_front_matter(keys) => diagnostic.with_help(format!(
                "did you mean `{best}`? Free data for themes goes under `extra:`"
            )),
            Some(best) => diagnostic.with_help(format!("did you mean `{best}`?")),
            None if is_front_matter(keys) => diagnostic.with_help(format!(
                "the keys are: {}; free data for themes goes under `extra:`",
                keys.join(", ")
            )),
            None => diagnostic.with_help(format!("the keys are: {}", keys.join(", "))),
        };
        return diagnostic.into();
    }
    if let Some(key) = backticked_after(&message, "missing field `") {
        let line = line_offset.max(1);
        return Diagnostic::at(
            path,
            file_text,
            Position { line, column: 1 },
            3,
            format!("missing required key `{key}` in {}", place(keys)),
        )
        .into();
    }
    let context = yaml_context(&raw);
    if let Some(("scanning a quoted scalar", Some((line, column)))) = context {
        // libyaml notices at the end of the text; the fix belongs where the quote opens.
        return Diagnostic::at(
            path,
            file_text,
            Position {
                line: line + line_offset,
                column,
            },
            1,
            format!("invalid {}: this quoted value is never closed", place(keys)),
        )
        .with_help("end the value with the quote mark it starts with")
        .into();
    }
    let position = match error.location() {
        Some(location) => Position {
            line: location.line() + line_offset,
            column: location.column(),
        },
        None => Position {
            line: line_offset + 1,
            column: 1,
        },
    };
    let mut diagnostic = Diagnostic::at(
        path,
        file_text,
        position,
        1,
        format!("invalid {}: {message}", place(keys)),
    );
    let offending = file_text
        .lines()
        .nth(position.line.saturating_sub(1))
        .unwrap_or("");
    if offending.starts_with('\t') || yaml.lines().any(|l| l.starts_with('\t')) {
        diagnostic = diagnostic.with_help("YAML does not allow tabs for indentation: use spaces");
    } else if message.contains("mapping values are not allowed") {
        diagnostic = diagnostic.with_help(
            "a value containing `: ` must be quoted, e.g. title: \"Analysis: what next\"",
        );
    } else if message.contains("invalid type") {
        diagnostic = diagnostic.with_help(expected_types_help(keys));
    } else if let Some((what, Some((line, column)))) = context {
        let what = what
            .strip_prefix("parsing ")
            .or_else(|| what.strip_prefix("scanning "))
            .unwrap_or(what);
        // libyaml's words for what it was reading, in the words of a front matter's author.
        let what = match what {
            "a flow sequence" => "the `[…]` list",
            "a flow mapping" => "the `{…}` map",
            "a block sequence" => "the `- ` list",
            "a block mapping" => "the `key: value` lines",
            other => other,
        };
        diagnostic = diagnostic.with_help(format!(
            "while reading {what} that starts at line {}, column {column}",
            line + line_offset
        ));
    }
    diagnostic.into()
}

/// What libyaml was reading when it failed and where that began (line and column in the YAML,
/// from 1): "…, while scanning a quoted scalar at line 2 column 8" → ("scanning a quoted
/// scalar", Some((2, 8))).
fn yaml_context(raw: &str) -> Option<(&str, Option<(usize, usize)>)> {
    let (_, context) = raw.split_once(", while ")?;
    let Some((what, at)) = context.rsplit_once(" at line ") else {
        return Some((context, None));
    };
    let (line, column) = at.split_once(" column ")?;
    Some((
        what,
        Some((line.parse().ok()?, column.trim().parse().ok()?)),
    ))
}

/// Front matter and config.yaml share this parser; the key lists tell them apart.
fn is_front_matter(keys: &[&str]) -> bool {
    keys == FRONT_MATTER_KEYS
}

fn place(keys: &[&str]) -> &'static str {
    if is_front_matter(keys) {
        "front matter"
    } else if keys == super::intro::INTRO_KEYS {
        "an edition intro's front matter"
    } else if keys.is_empty() {
        "a strings file (i18n/)"
    } else {
        "config.yaml"
    }
}

fn expected_types_help(keys: &[&str]) -> String {
    if is_front_matter(keys) {
        "title, date, summary, slug, image, image_alt, image_caption, image_credit and source are text; tags and authors are lists like [Russia, Ukraine]; draft is true or false; extra is a map".into()
    } else {
        "check the value's type (text, number, true/false or a map)".into()
    }
}

/// The text between a prefix and the next backtick: `unknown field `x`` → `x`.
fn backticked_after(message: &str, prefix: &str) -> Option<String> {
    let start = message.find(prefix)? + prefix.len();
    let end = message[start..].find('`')?;
    Some(message[start..start + end].to_string())
}

/// Where a top-level `key:` is in a YAML text, as a file position of its value (or of the key
/// when it has no value on that line) and the value's width. Falls back to the first line.
pub fn locate_key(yaml: &str, line_offset: usize, key: &str) -> (Position, usize) {
    for (index, line) in yaml.lines().enumerate() {
        let Some(rest) = line.strip_prefix(key) else {
            continue;
        };
        let Some(after_colon) = rest.strip_prefix(':') else {
            continue;
        };
        let value = after_colon.trim_start();
        let value_trimmed = value.trim_end();
        let line_number = line_offset + index + 1;
        if value_trimmed.is_empty() {
            return (
                Position {
                    line: line_number,
                    column: 1,
                },
                key.chars().count(),
            );
        }
        let column = line[..line.len() - value.len()].chars().count() + 1;
        return (
            Position {
                line: line_number,
                column,
            },
            value_trimmed.chars().count(),
        );
    }
    (
        Position {
            line: line_offset + 1,
            column: 1,
        },
        1,
    )
}

/// The keys serde lists after "expected one of" in an unknown-field message.
fn expected_keys(message: &str) -> Vec<String> {
    let Some(at) = message.find("expected ") else {
        return Vec::new();
    };
    message[at..]
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The known key nearest to a misspelt one, if it is close enough to be a typo.
pub fn closest<'k>(word: &str, candidates: &[&'k str]) -> Option<&'k str> {
    let word = word.to_lowercase();
    candidates
        .iter()
        .map(|candidate| (strsim::levenshtein(&word, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<FrontMatter> {
        let path = Path::new("content/a.md");
        let split = split(path, text)?;
        parse_yaml(path, text, split.yaml_line, split.yaml, FRONT_MATTER_KEYS)
    }

    #[test]
    fn tags_are_one_name_a_list_or_nothing() {
        let tags = |yaml: &str| {
            parse(&format!("---\ntitle: T\ndate: 2025-03-01\n{yaml}\n---\n"))
                .map(|front| front.tags.0)
        };
        assert_eq!(tags("tags: Russia").unwrap(), ["Russia"]);
        assert_eq!(tags("tags: [Russia, \"EU\"]").unwrap(), ["Russia", "EU"]);
        assert_eq!(
            tags("tags:\n  - Russia\n  - 2025").unwrap(),
            ["Russia", "2025"]
        );
        assert_eq!(tags("tags: 2025").unwrap(), ["2025"]);
        assert!(tags("tags:").unwrap().is_empty());
        assert!(tags("tags: []").unwrap().is_empty());
        assert!(tags("").unwrap().is_empty());
    }

    #[test]
    fn a_wrong_tags_value_is_named_at_its_line() {
        let text = "---\ntitle: T\ndate: 2025-03-01\ntags: {a: 1}\n---\n";
        let message = parse(text).unwrap_err().to_string();
        assert!(
            message.contains("expected a name or a list of names"),
            "{message}"
        );
        assert!(message.contains("content/a.md:4:"), "{message}");
        let text = "---\ntitle: T\ndate: 2025-03-01\nauthors: [Ann, [Bo]]\n---\n";
        let message = parse(text).unwrap_err().to_string();
        assert!(message.contains("content/a.md:4:"), "{message}");
    }

    #[test]
    fn splits_at_fences() {
        let text = "---\ntitle: A\n---\nBody\n";
        let split = split(Path::new("a.md"), text).unwrap();
        assert_eq!(split.yaml, "title: A\n");
        assert_eq!(split.body, "Body\n");
        assert_eq!(split.body_line, 4);
    }

    #[test]
    fn splits_crlf() {
        let text = "---\r\ntitle: A\r\n---\r\nBody\r\n";
        let split = split(Path::new("a.md"), text).unwrap();
        assert_eq!(split.yaml, "title: A\r\n");
        assert_eq!(split.body, "Body\r\n");
    }

    #[test]
    fn missing_closing_fence_is_an_error() {
        let error = parse("---\ntitle: A\nBody\n").unwrap_err();
        assert!(error.to_string().contains("not closed"), "{error}");
    }

    #[test]
    fn no_front_matter_is_an_error() {
        let error = parse("# Just markdown\n").unwrap_err();
        assert!(error.to_string().contains("no front matter"), "{error}");
        let error = parse("").unwrap_err();
        assert!(error.to_string().contains("empty"), "{error}");
    }

    #[test]
    fn yaml_error_line_is_counted_in_the_file() {
        let error = parse("---\ntitle: A\ndate: 2025-03-16\ntags: [a, b\n---\nBody\n").unwrap_err();
        let shown = error.to_string();
        assert!(shown.contains("content/a.md:5:"), "{shown}");
    }

    #[test]
    fn an_unclosed_quote_is_shown_where_it_opens() {
        let error = parse("---\ntitle: \"Talks resume\ndate: 2025-03-16\n---\nBody\n").unwrap_err();
        let shown = error.to_string();
        assert!(shown.contains("content/a.md:2:8"), "{shown}");
        assert!(shown.contains("never closed"), "{shown}");
    }

    #[test]
    fn an_unclosed_list_names_where_it_opens() {
        let error = parse("---\ntitle: A\ndate: 2025-03-16\ntags: [a, b\n---\n").unwrap_err();
        let shown = error.to_string();
        assert!(
            shown.contains("the `[…]` list that starts at line 4, column 7"),
            "{shown}"
        );
    }

    #[test]
    fn unknown_key_gets_a_hint() {
        let error = parse("---\ntitle: A\ndate: 2025-03-16\ntgas: [a]\n---\n").unwrap_err();
        let shown = error.to_string();
        assert!(shown.contains("unknown key `tgas`"), "{shown}");
        assert!(shown.contains("content/a.md:4:1"), "{shown}");
        assert!(shown.contains("did you mean `tags`?"), "{shown}");
    }

    #[test]
    fn missing_title_is_named() {
        let error = parse("---\ndate: 2025-03-16\n---\n").unwrap_err();
        assert!(
            error.to_string().contains("missing required key `title`"),
            "{error}"
        );
    }

    #[test]
    fn tabs_get_a_hint() {
        let error = parse("---\ntitle: A\ndate: 2025-03-16\ntags:\n\t- a\n---\n").unwrap_err();
        assert!(error.to_string().contains("tabs"), "{error}");
    }

    #[test]
    fn single_tag_and_author_forms() {
        let fm =
            parse("---\ntitle: A\ndate: 2025-03-16\ntags: Russia\nauthor: Ann\n---\n").unwrap();
        assert_eq!(fm.tags.0, vec!["Russia"]);
        assert_eq!(fm.author.as_deref(), Some("Ann"));
    }

    #[test]
    fn deeply_nested_yaml_is_refused_quickly() {
        // Regression: 100,000 `[` took the YAML scanner a minute (quadratic in the nesting).
        let deep = format!(
            "---\ntitle: A\ndate: 2025-03-16\nextra: {{a: {}{}}}\n---\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let started = std::time::Instant::now();
        let error = parse(&deep).unwrap_err().to_string();
        assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
        let head: String = error.chars().take(200).collect();
        assert!(error.contains("more than 1000 `[` and `{`"), "{head}");
        // The `{` of `extra: {` is the first bracket, at column 8; the 1001st is at 1011.
        assert!(error.contains("content/a.md:4:1011"), "{head}");
        let shallow = format!(
            "---\ntitle: A\ndate: 2025-03-16\nextra: {{a: {}{}}}\n---\n",
            "[".repeat(100),
            "]".repeat(100)
        );
        assert!(parse(&shallow).is_ok());
    }

    #[test]
    fn huge_front_matter_is_refused() {
        let huge = format!(
            "---\ntitle: A\ndate: 2025-03-16\nsummary: {}\n---\n",
            "a".repeat(MAX_YAML_BYTES)
        );
        let error = parse(&huge).unwrap_err().to_string();
        assert!(error.contains("the front matter is 1024 KiB"), "{error}");
    }

    #[test]
    fn billion_laughs_are_refused() {
        let mut yaml = String::from(
            "---\ntitle: A\ndate: 2025-03-16\nextra:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
        );
        for (name, previous) in "bcdefghi".chars().zip("abcdefgh".chars()) {
            let refs = vec![format!("*{previous}"); 9].join(", ");
            yaml.push_str(&format!("  {name}: &{name} [{refs}]\n"));
        }
        yaml.push_str("---\n");
        let error = parse(&yaml).unwrap_err().to_string();
        assert!(error.contains("repetition limit exceeded"), "{error}");
    }

    #[test]
    fn locate_key_finds_value_column() {
        let (position, width) = locate_key("title: A\ndate: next Tuesday\n", 1, "date");
        assert_eq!(position, Position { line: 3, column: 7 });
        assert_eq!(width, 12);
    }

    #[test]
    fn closest_suggests_typos_only() {
        assert_eq!(closest("titel", FRONT_MATTER_KEYS), Some("title"));
        assert_eq!(closest("sumary", FRONT_MATTER_KEYS), Some("summary"));
        assert_eq!(closest("zzzzzzzz", FRONT_MATTER_KEYS), None);
    }
}
