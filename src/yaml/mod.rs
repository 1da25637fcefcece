//! YAML for every file newsprint reads as YAML (front matter, `config.yaml`, `authors.yaml`,
//! edition intros, the strings files of `i18n/`): the only `serde_yaml` use, its limits, its
//! errors turned into diagnostics at the right line of the *file*, and [`locate_key`] to point
//! later checks at a key's value.
//!
//! Input: a file's text, where its YAML starts, and a [`Schema`] naming the file kind and its
//! keys. Output: the deserialized value, or a [`Diagnostic`](crate::error::Diagnostic).
//! This module knows nothing of articles or config: each caller describes its own file kind.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::{Diagnostic, Error, Position, Result};

/// What a YAML text is, for messages: its name, the keys it accepts and its hints.
#[derive(Debug, Clone, Copy)]
pub struct Schema {
    /// The file kind as messages name it: "front matter", "config.yaml".
    pub place: &'static str,
    /// The top-level keys accepted, for "did you mean" (empty: any key).
    pub keys: &'static [&'static str],
    /// The message for a text with nothing in it.
    pub empty: &'static str,
    /// Help for a value of the wrong type.
    pub types_help: &'static str,
    /// Where keys of one's own go, told with an unknown key ("free data for themes goes under
    /// `extra:`").
    pub free_keys: Option<&'static str>,
}

impl Schema {
    /// A schema for `place` with the generic hints.
    pub const fn new(place: &'static str, keys: &'static [&'static str]) -> Schema {
        Schema {
            place,
            keys,
            empty: "the file is empty",
            types_help: "check the value's type (text, number, true/false or a map)",
            free_keys: None,
        }
    }
}

/// Parses a YAML mapping into `T`, turning errors into diagnostics at the right file line.
///
/// `file_text` is the whole file (for showing the source line); `yaml` starts at file line
/// `first_line` (0 when `yaml` is the whole file, as for `config.yaml`).
pub fn parse<T: DeserializeOwned>(
    path: &Path,
    file_text: &str,
    first_line: usize,
    yaml: &str,
    schema: &Schema,
) -> Result<T> {
    let line_offset = first_line.saturating_sub(1);
    if yaml.trim().is_empty() {
        let line = first_line.max(1);
        return Err(Diagnostic::at(
            path,
            file_text,
            Position { line, column: 1 },
            3,
            schema.empty,
        )
        .into());
    }
    check_size(path, file_text, line_offset, yaml, schema)?;
    serde_yaml::from_str(yaml)
        .map_err(|error| diagnostic(path, file_text, line_offset, yaml, schema, &error))
}

/// The largest YAML text read: front matter and `config.yaml` are a few hundred bytes.
pub const MAX_YAML_BYTES: usize = 1024 * 1024;

/// The most `[` and `{` a YAML text may hold. The YAML scanner's work grows with its tokens
/// times the nesting of `[`/`{` collections, so 200 KB of `[[[[…` took a minute; counting every
/// bracket, quoted or not, bounds the nesting from above.
pub const MAX_YAML_BRACKETS: usize = 1000;

/// Refuses YAML too large or too bracket-heavy to parse in bounded time.
pub fn check_size(
    path: &Path,
    file_text: &str,
    line_offset: usize,
    yaml: &str,
    schema: &Schema,
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
                schema.place,
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
        schema.place
    );
    Err(Diagnostic::at(path, file_text, position, 1, message).into())
}

/// Makes a compiler-style diagnostic from a YAML error.
fn diagnostic(
    path: &Path,
    file_text: &str,
    line_offset: usize,
    yaml: &str,
    schema: &Schema,
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
        let (keys, free_keys): (&[&str], _) = if nested && !keys_named.is_empty() {
            (&keys_named, None)
        } else {
            (schema.keys, schema.free_keys)
        };
        let mut diagnostic = Diagnostic::at(
            path,
            file_text,
            key_position,
            key.chars().count(),
            format!("unknown key `{key}` in {}", schema.place),
        );
        diagnostic = diagnostic.with_help(match (closest(&key, keys), free_keys) {
            (Some(best), Some(free)) => format!("did you mean `{best}`? {}", sentence(free)),
            (Some(best), None) => format!("did you mean `{best}`?"),
            (None, Some(free)) => format!("the keys are: {}; {free}", keys.join(", ")),
            (None, None) => format!("the keys are: {}", keys.join(", ")),
        });
        return diagnostic.into();
    }
    if let Some(key) = backticked_after(&message, "missing field `") {
        let line = line_offset.max(1);
        return Diagnostic::at(
            path,
            file_text,
            Position { line, column: 1 },
            3,
            format!("missing required key `{key}` in {}", schema.place),
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
            format!(
                "invalid {}: this quoted value is never closed",
                schema.place
            ),
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
        format!("invalid {}: {message}", schema.place),
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
        diagnostic = diagnostic.with_help(schema.types_help);
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

/// `text` with its first letter in capitals, to start a sentence.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
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
mod tests;
