//! An edition's intro: `content/editions/<edition-id>.md`, the lead text, subject line and
//! preheader of one edition. Domain types and parsing only, no I/O.
//!
//! Input: the text of one intro file. Output: an [`Intro`] (optional front matter with `title`
//! or `subject`, `preheader` or `summary`; a Markdown body), or every problem found in it.
//! Intros are not articles: they have no date or URL of their own and never appear in feeds
//! except inside their edition.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::front_matter;
use crate::error::{Diagnostic, Error};
use crate::yaml::{self, Schema, locate_key};

/// The folder of intro files, relative to the site root.
pub const INTRO_FOLDER: &str = "content/editions";

/// The keys an intro's front matter accepts.
pub const INTRO_KEYS: &[&str] = &["title", "subject", "preheader", "summary"];

/// An intro's front matter for the YAML messages.
const SCHEMA: Schema = Schema::new("an edition intro's front matter", INTRO_KEYS);

/// One edition's intro.
#[derive(Debug, Clone)]
pub struct Intro {
    /// The file, relative to the site root: `content/editions/2025-03-16.md`.
    pub path: PathBuf,
    /// The file as named in messages.
    pub display_path: PathBuf,
    /// A hash of the file's bytes.
    pub version: u64,
    /// The edition it introduces: the file name without `.md`.
    pub id: String,
    /// The edition's title and email subject, replacing `editions.title`.
    pub title: Option<String>,
    /// The email preheader (the preview line in an inbox).
    pub preheader: Option<String>,
    /// The Markdown body.
    pub body: String,
    /// The file line the body starts on.
    pub body_line: usize,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct IntroFront {
    #[serde(default, alias = "subject")]
    title: Option<String>,
    #[serde(default, alias = "summary")]
    preheader: Option<String>,
}

impl Intro {
    /// The intro as an article standing at its edition's URL, for the Markdown stage (so its
    /// relative links resolve as an article's do).
    pub fn as_article(&self) -> super::Article {
        super::Article {
            path: self.path.clone(),
            display_path: self.display_path.clone(),
            version: self.version,
            title: self.title.clone().unwrap_or_default(),
            date: crate::date::Date::from_unix(0).expect("the Unix epoch is a valid date"),
            updated: None,
            tags: Vec::new(),
            tag_slugs: Vec::new(),
            authors: Vec::new(),
            summary: self.preheader.clone(),
            slug: self.id.clone(),
            draft: false,
            image: None,
            image_text: Default::default(),
            source: None,
            extra: serde_json::Value::Null,
            edition: None,
            aliases: Vec::new(),
            id: None,
            url_path: crate::site::edition_folder(&self.id),
            legacy_url_path: None,
            lang: String::new(),
            translation_key: String::new(),
            body: self.body.clone(),
            body_line: self.body_line,
            image_line: 0,
        }
    }
}

/// Whether `path` (relative to the site root) is an intro: a `.md` file right inside
/// `content/editions/`.
pub fn is_intro(path: &Path) -> bool {
    path.parent() == Some(Path::new(INTRO_FOLDER)) && path.extension().is_some_and(|e| e == "md")
}

/// Parses an intro file's text. Front matter is optional: a file of plain Markdown is an intro
/// with neither title nor preheader.
pub fn parse_intro(
    path: &Path,
    display_path: &Path,
    text: &str,
    version: u64,
) -> Result<Intro, Vec<Error>> {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let id = super::article::check_slug(&stem).map_err(|why| {
        let why = why.replace("slug", "edition id");
        vec![Error::from(
            Diagnostic::file(
                display_path,
                format!("the intro's file name is not an edition id: {why}"),
            )
            .with_help(
                "name it after its edition: 2025-03-16.md, 2025-W11.md or the `edition:` key",
            ),
        )]
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let starts_with_fence = text.lines().next().is_some_and(|l| l.trim_end() == "---");
    let (front, body, body_line) = if starts_with_fence {
        let split = front_matter::split(display_path, text).map_err(|e| vec![e])?;
        let only_comments = split
            .yaml
            .lines()
            .all(|line| line.trim().is_empty() || line.trim_start().starts_with('#'));
        let front: IntroFront = if only_comments {
            IntroFront::default()
        } else {
            yaml::parse(display_path, text, split.yaml_line, split.yaml, &SCHEMA)
                .map_err(|e| vec![e])?
        };
        if front.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
            let (position, width) = locate_key(split.yaml, split.yaml_line - 1, "title");
            let message = "the title is empty: remove it or give the edition a subject line";
            return Err(vec![
                Diagnostic::at(display_path, text, position, width, message).into(),
            ]);
        }
        (front, split.body, split.body_line)
    } else {
        (IntroFront::default(), text, 1)
    };
    let trimmed = |value: Option<String>| {
        value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    Ok(Intro {
        path: path.to_path_buf(),
        display_path: display_path.to_path_buf(),
        version,
        id,
        title: trimmed(front.title),
        preheader: trimmed(front.preheader),
        body: body.to_string(),
        body_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(name: &str, text: &str) -> Result<Intro, Vec<Error>> {
        let path = PathBuf::from(format!("content/editions/{name}"));
        parse_intro(&path, &path, text, 0)
    }

    #[test]
    fn reads_front_matter_aliases_and_body() {
        let intro = parse(
            "2025-03-16.md",
            "---\nsubject: Перемирие\nsummary: Talks resume\n---\n\nToday *in brief*.\n",
        )
        .unwrap();
        assert_eq!(intro.id, "2025-03-16");
        assert_eq!(intro.title.as_deref(), Some("Перемирие"));
        assert_eq!(intro.preheader.as_deref(), Some("Talks resume"));
        assert_eq!(intro.body, "\nToday *in brief*.\n");
        assert_eq!(intro.body_line, 5);
        let scaffold = parse("2025-03-17.md", "---\n# title: a subject\n---\nText\n").unwrap();
        assert_eq!(
            (scaffold.title, scaffold.body),
            (None, "Text\n".to_string())
        );
        let plain = parse("2025-W11.md", "Just text.\n").unwrap();
        assert_eq!((plain.title, plain.body_line), (None, 1));
    }

    #[test]
    fn unknown_keys_and_bad_names_are_errors() {
        let errors = parse("2025-03-16.md", "---\npreheadr: x\n---\n").unwrap_err();
        let shown = errors[0].to_string();
        assert!(shown.contains("unknown key `preheadr`"), "{shown}");
        assert!(
            shown.contains("content/editions/2025-03-16.md:2:1"),
            "{shown}"
        );
        let errors = parse("Monday edition.md", "Text\n").unwrap_err();
        assert!(
            errors[0].to_string().contains("not an edition id"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn only_files_directly_in_the_folder_are_intros() {
        assert!(is_intro(Path::new("content/editions/2025-03-16.md")));
        assert!(!is_intro(Path::new("content/editions/old/2025-03-16.md")));
        assert!(!is_intro(Path::new("content/2025/03/editions.md")));
        assert!(!is_intro(Path::new("content/editions/map.png")));
    }
}
