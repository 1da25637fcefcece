//! The front matter most articles have, read without the YAML parser.
//!
//! Input: the YAML between an article's fences. Output: its [`FrontMatter`], or `None` when the
//! text uses anything beyond the plain shapes below; `None` sends it to `serde_yaml`, which stays
//! the parser of record (and the one that reports errors). Parsing front matter with
//! `serde_yaml` was a large share of a big build; nearly all of it is lines such as
//!
//! ```yaml
//! title: "Kyiv: talks resume"
//! date: 2025-03-11T22:15:00+02:00
//! tags: [Russia, "Black Sea"]
//! authors:
//!   - Ann Smith
//! draft: false
//! ```
//!
//! Only text whose meaning is certain is taken: each known key once, at the start of its line;
//! values that are double-quoted strings (escaping only `\"` and `\\`), plain words that start
//! with a letter and cannot read as anything but a string (not `true`, `null`, …), dates,
//! `true`/`false` for `draft`, and lists of such strings (`[a, "b"]` or `- a` lines). Anything
//! else (comments, other escapes, other quoting, nesting, `extra`, repeated keys, tabs, `\r`)
//! is left to `serde_yaml`.
//! A property test checks that whatever this accepts, `serde_yaml` reads the same way.

use std::iter::Peekable;
use std::str::Split;

use super::{FrontMatter, OneOrMany};

/// The front matter in `yaml`, when it has only the shapes this module reads with certainty.
pub fn parse(yaml: &str) -> Option<FrontMatter> {
    let mut front = Fields::default();
    let mut lines = yaml.split('\n').peekable();
    while let Some(line) = lines.next() {
        if line.is_empty() {
            continue;
        }
        let (key, rest) = line.split_once(':')?;
        let field = Field::named(key)?;
        let value = match rest {
            // Only a block list may follow an empty value: `key:` then `  - item` lines.
            "" => Value::List(block_list(&mut lines)?),
            // `key:value` is one plain scalar in YAML, not a key: a space must follow the colon.
            _ => Value::inline(rest.strip_prefix(' ')?.trim_start_matches(' '))?,
        };
        front.set(field, value)?;
    }
    front.finish()
}

/// The keys read here (`extra` holds free YAML and is always left to `serde_yaml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Date,
    Updated,
    Tags,
    Authors,
    Author,
    Summary,
    Slug,
    Draft,
    Image,
    ImageAlt,
    ImageCaption,
    ImageCredit,
    Source,
}

impl Field {
    fn named(key: &str) -> Option<Field> {
        Some(match key {
            "title" => Field::Title,
            "date" => Field::Date,
            "updated" => Field::Updated,
            "tags" => Field::Tags,
            "authors" => Field::Authors,
            "author" => Field::Author,
            "summary" => Field::Summary,
            "slug" => Field::Slug,
            "draft" => Field::Draft,
            "image" => Field::Image,
            "image_alt" => Field::ImageAlt,
            "image_caption" => Field::ImageCaption,
            "image_credit" => Field::ImageCredit,
            "source" => Field::Source,
            _ => return None,
        })
    }
}

/// A value as written.
#[derive(Debug)]
enum Value {
    /// A double-quoted string or a plain word: a string whatever the key.
    Text(String),
    /// A plain scalar that reads as a date: a string for the date keys only.
    Date(String),
    /// `true` or `false`.
    Bool(bool),
    List(Vec<String>),
}

impl Value {
    /// A value on the key's own line.
    fn inline(text: &str) -> Option<Value> {
        let text = text.trim_end_matches(' ');
        if let Some(inner) = text.strip_prefix('[') {
            return flow_list(inner.strip_suffix(']')?).map(Value::List);
        }
        if let Some(quoted) = text.strip_prefix('"') {
            return double_quoted(quoted.strip_suffix('"')?).map(Value::Text);
        }
        match text {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ if is_date(text) => Some(Value::Date(text.to_string())),
            _ => plain_word(text, false).map(Value::Text),
        }
    }
}

/// The items of `- item` lines after an empty `key:`, all at one indentation.
fn block_list(lines: &mut Peekable<Split<'_, char>>) -> Option<Vec<String>> {
    let mut items = Vec::new();
    let mut indent = None;
    while let Some(line) = lines.next_if(|line| line.trim_start_matches(' ').starts_with("- ")) {
        let item = line.trim_start_matches(' ');
        let this_indent = line.len() - item.len();
        if *indent.get_or_insert(this_indent) != this_indent {
            return None;
        }
        let text = item[2..].trim_matches(' ');
        let value = match text.strip_prefix('"') {
            Some(quoted) => double_quoted(quoted.strip_suffix('"')?)?,
            None => plain_word(text, false)?,
        };
        items.push(value);
    }
    // `key:` with nothing under it is null: left to serde_yaml, which knows what each key makes
    // of it.
    (!items.is_empty()).then_some(items)
}

/// The items of `[a, "b"]`, given what is between the brackets.
fn flow_list(inner: &str) -> Option<Vec<String>> {
    if inner.trim_matches(' ').is_empty() {
        return Some(Vec::new());
    }
    let mut items = Vec::new();
    let mut rest = inner;
    loop {
        rest = rest.trim_start_matches(' ');
        let (item, after) = if let Some(quoted) = rest.strip_prefix('"') {
            let end = closing_quote(quoted)?;
            (double_quoted(&quoted[..end])?, &quoted[end + 1..])
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            (
                plain_word(rest[..end].trim_end_matches(' '), true)?,
                &rest[end..],
            )
        };
        items.push(item);
        let after = after.trim_start_matches(' ');
        if after.is_empty() {
            return Some(items);
        }
        // Another item must follow a comma (`[a, ]` is left to serde_yaml).
        rest = after.strip_prefix(',')?;
        if rest.trim_matches(' ').is_empty() {
            return None;
        }
    }
}

/// The text of a double-quoted string, given what is between the quotes: printable characters
/// and the escapes `\"` and `\\` (JSON writes titles that quote someone that way); any other
/// escape is left to serde_yaml.
fn double_quoted(inner: &str) -> Option<String> {
    let mut text = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                escaped @ ('"' | '\\') => text.push(escaped),
                _ => return None,
            },
            '"' => return None,
            c if is_printable(c) => text.push(c),
            _ => return None,
        }
    }
    Some(text)
}

/// Where the double-quoted string that `text` starts inside of ends: its first quote that no
/// backslash escapes.
fn closing_quote(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return Some(at),
            _ => at += 1,
        }
    }
    None
}

/// A plain (unquoted) scalar that can only be a string: it starts with a letter, is not a word
/// YAML reads as something else, and holds no `: `, `#` or bracket (which could end it, start
/// a comment or open a collection). In a flow list (`in_list`), `:` is left to serde_yaml too.
fn plain_word(text: &str, in_list: bool) -> Option<String> {
    let first = text.chars().next()?;
    let unsafe_to_take = !first.is_alphabetic()
        || is_special_word(text)
        || text.ends_with(':')
        || text.contains(": ")
        || text.contains(['#', '[', ']', '{', '}'])
        || (in_list && text.contains([':', ',']))
        || !text.chars().all(is_printable);
    (!unsafe_to_take).then(|| text.to_string())
}

/// Words YAML 1.1 or 1.2 reads as a boolean or null, in any case.
fn is_special_word(text: &str) -> bool {
    const WORDS: [&str; 10] = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan",
    ];
    WORDS.iter().any(|word| text.eq_ignore_ascii_case(word))
}

/// `2025-03-11`, `2025-03-11T22:15:00+02:00` and the like: digits first, a `-` after the first
/// character (which no YAML number has without an exponent) and only date characters, not
/// ending in `:` (which makes a mapping of it).
fn is_date(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit())
        && text[1..].contains('-')
        && !text.ends_with(':')
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b':' | b'.' | b'+' | b'T' | b'Z'))
}

/// What YAML allows in a scalar as is: no control characters, no C1 controls, no byte order
/// mark and no Unicode line or paragraph separators (line breaks to a YAML 1.1 reader).
fn is_printable(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && !matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}')
}

/// The keys seen so far; each may appear once (`serde_yaml` refuses a repeated key).
#[derive(Default)]
struct Fields {
    title: Option<String>,
    date: Option<String>,
    updated: Option<String>,
    tags: Option<Vec<String>>,
    authors: Option<Vec<String>>,
    author: Option<String>,
    summary: Option<String>,
    slug: Option<String>,
    draft: Option<bool>,
    image: Option<String>,
    image_alt: Option<String>,
    image_caption: Option<String>,
    image_credit: Option<String>,
    source: Option<String>,
}

impl Fields {
    /// Records one key's value; `None` if the key was seen before or the value has a shape
    /// the key's type does not take as is.
    fn set(&mut self, field: Field, value: Value) -> Option<()> {
        fn once<T>(slot: &mut Option<T>, value: T) -> Option<()> {
            slot.is_none().then(|| *slot = Some(value))
        }
        let text = |value: Value| match value {
            Value::Text(text) => Some(text),
            _ => None,
        };
        let date = |value: Value| match value {
            Value::Text(text) | Value::Date(text) => Some(text),
            _ => None,
        };
        let names = |value: Value| match value {
            Value::Text(name) => Some(vec![name]),
            Value::List(names) => Some(names),
            _ => None,
        };
        match field {
            Field::Title => once(&mut self.title, text(value)?),
            Field::Date => once(&mut self.date, date(value)?),
            Field::Updated => once(&mut self.updated, date(value)?),
            Field::Tags => once(&mut self.tags, names(value)?),
            Field::Authors => once(&mut self.authors, names(value)?),
            Field::Author => once(&mut self.author, text(value)?),
            Field::Summary => once(&mut self.summary, text(value)?),
            Field::Slug => once(&mut self.slug, text(value)?),
            Field::Draft => match value {
                Value::Bool(draft) => once(&mut self.draft, draft),
                _ => None,
            },
            Field::Image => once(&mut self.image, text(value)?),
            Field::ImageAlt => once(&mut self.image_alt, text(value)?),
            Field::ImageCaption => once(&mut self.image_caption, text(value)?),
            Field::ImageCredit => once(&mut self.image_credit, text(value)?),
            Field::Source => once(&mut self.source, text(value)?),
        }
    }

    /// The front matter, when both required keys are present (else serde_yaml says which is not).
    fn finish(self) -> Option<FrontMatter> {
        Some(FrontMatter {
            title: self.title?,
            date: self.date?,
            updated: self.updated,
            tags: OneOrMany(self.tags.unwrap_or_default()),
            authors: OneOrMany(self.authors.unwrap_or_default()),
            author: self.author,
            summary: self.summary,
            slug: self.slug,
            draft: self.draft.unwrap_or_default(),
            image: self.image,
            image_alt: self.image_alt,
            image_caption: self.image_caption,
            image_credit: self.image_credit,
            source: self.source,
            extra: None,
            // An `edition:` key is read by serde_yaml (an unknown key here sends it there).
            edition: None,
            // Likewise `lang:` and `translation_key:`.
            lang: None,
            translation_key: None,
            // Likewise `aliases:` and `id:`.
            aliases: OneOrMany::default(),
            id: None,
        })
    }
}

#[cfg(test)]
mod tests;
