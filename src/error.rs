//! The error type of newsprint and its compiler-style display.
//!
//! Every problem a build finds becomes an [`Error`]. Problems in a user's files carry a
//! [`Diagnostic`]: the file, the line and column *in that file*, the offending source line and a
//! hint, printed like a compiler so the writer can jump straight to it. A build collects all of
//! them before it gives up (see [`Errors`]); only `main` turns them into an exit code.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// The result type used across newsprint.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in newsprint.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A problem in the site's own files: front matter, Markdown, config, links.
    #[error("{0}")]
    Content(Box<Diagnostic>),

    /// A theme template failed to parse or render.
    #[error("template `{name}`: {message}")]
    Template {
        /// The template's name, e.g. `article.html`.
        name: String,
        /// Tera's own report, which already shows the template line.
        message: String,
    },

    /// Reading a file or folder failed.
    #[error("cannot read `{}`: {source}", path.display())]
    Read {
        /// What we tried to read.
        path: PathBuf,
        /// Why it failed.
        source: io::Error,
    },

    /// Writing a file or folder failed.
    #[error("cannot write `{}`: {source}", path.display())]
    Write {
        /// What we tried to write.
        path: PathBuf,
        /// Why it failed.
        source: io::Error,
    },

    /// The output folder is one newsprint must never write into or replace.
    #[error("refusing to use `{}` as the output folder: {reason}", path.display())]
    UnsafeOutput {
        /// The output folder that was asked for.
        path: PathBuf,
        /// Why it is refused.
        reason: String,
    },

    /// Another newsprint process holds the output folder's lock.
    #[error("another newsprint build is writing to `{}`; wait for it to finish", path.display())]
    Locked {
        /// The output folder.
        path: PathBuf,
    },

    /// A request the command line cannot satisfy (e.g. `new` would overwrite a file).
    #[error("{0}")]
    Usage(String),

    /// Errors of one file past the first [`MAX_ERRORS_PER_FILE`], counted, not kept.
    #[error("and {count} more errors in {}", path.display())]
    More {
        /// The file, as the other errors name it.
        path: PathBuf,
        /// How many errors are not shown.
        count: usize,
    },
}

/// The most errors reported for one file; the rest are counted in one [`Error::More`] line. A
/// file with thousands of broken links would otherwise bury every other problem (and once made
/// gigabytes of output).
pub const MAX_ERRORS_PER_FILE: usize = 20;

/// How many characters of a long source line a diagnostic shows on each side of the column.
const SNIPPET_RADIUS: usize = 60;

impl Error {
    /// The process exit code this error calls for: 1 for problems in the site, 2 for usage and I/O.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Content(_) | Error::Template { .. } | Error::More { .. } => 1,
            Error::Read { .. }
            | Error::Write { .. }
            | Error::UnsafeOutput { .. }
            | Error::Locked { .. }
            | Error::Usage(_) => 2,
        }
    }

    /// Wraps a read failure with the path it happened on.
    pub fn read(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Read {
            path: path.into(),
            source,
        }
    }

    /// Wraps a write failure with the path it happened on.
    pub fn write(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Write {
            path: path.into(),
            source,
        }
    }
}

impl From<Diagnostic> for Error {
    fn from(diagnostic: Diagnostic) -> Self {
        Error::Content(Box::new(diagnostic))
    }
}

/// A problem at a place in a user's file, displayed like a compiler error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong and what was expected.
    pub message: String,
    /// The file, as the user would type it (relative to where they ran newsprint when possible).
    pub path: PathBuf,
    /// Where in the file: 1-based line and column (column counted in characters). `None` when the
    /// problem is the file as a whole.
    pub position: Option<Position>,
    /// The text of the offending line, shown under the location; a long line is cut around the
    /// column, with `…` where text was left out.
    pub source_line: Option<String>,
    /// How many characters of the line `source_line` leaves out at its start (0 when whole).
    pub cut_before: usize,
    /// How many characters to underline from the column.
    pub width: usize,
    /// An extra line of advice (`did you mean …`).
    pub help: Option<String>,
}

/// A 1-based line and column in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Diagnostic {
    /// A problem with a whole file, with no position in it.
    pub fn file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            path: path.into(),
            position: None,
            source_line: None,
            cut_before: 0,
            width: 0,
            help: None,
        }
    }

    /// A problem at `line`/`column` of `text`, the full contents of the file at `path`.
    /// The underline covers `width` characters (at least one).
    pub fn at(
        path: impl Into<PathBuf>,
        text: &str,
        position: Position,
        width: usize,
        message: impl Into<String>,
    ) -> Self {
        let line = text.lines().nth(position.line.saturating_sub(1));
        Diagnostic::on_line(path, line, position, width, message)
    }

    /// [`Diagnostic::at`] when the caller has the offending line (`line`, the text of line
    /// `position.line`), not the whole file.
    pub fn on_line(
        path: impl Into<PathBuf>,
        line: Option<&str>,
        position: Position,
        width: usize,
        message: impl Into<String>,
    ) -> Self {
        let width = width.max(1);
        let (source_line, cut_before) = match line {
            Some(line) => {
                let (shown, cut) = snippet(line.trim_end_matches('\r'), position.column, width);
                (Some(shown), cut)
            }
            None => (None, 0),
        };
        Diagnostic {
            message: message.into(),
            path: path.into(),
            position: Some(position),
            source_line,
            cut_before,
            width,
            help: None,
        }
    }

    /// Adds a line of advice shown under the source.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.message)?;
        let Some(position) = self.position else {
            write!(f, "  --> {}", self.path.display())?;
            if let Some(help) = &self.help {
                write!(f, "\n   = help: {help}")?;
            }
            return Ok(());
        };
        let number = position.line.to_string();
        // Laid out like rustc: ` 3 | source`, with the arrow and bars aligned to the number.
        let gutter = " ".repeat(number.len() + 1);
        write!(
            f,
            "{gutter}--> {}:{}:{}",
            self.path.display(),
            position.line,
            position.column
        )?;
        if let Some(line) = &self.source_line {
            // Tabs would shift the caret; show them as single spaces so the caret lines up.
            let shown: String = line
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .collect();
            // The column in the shown text: after the `…` that stands for the cut start.
            let column = match self.cut_before {
                0 => position.column,
                cut => position.column.saturating_sub(cut) + 1,
            };
            let available = shown.chars().count().saturating_sub(column - 1);
            let width = self.width.min(available.max(1));
            write!(f, "\n{gutter} |\n {number} | {shown}\n{gutter} | ")?;
            write!(
                f,
                "{}{}",
                " ".repeat(column.saturating_sub(1)),
                "^".repeat(width)
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n{gutter} = help: {help}")?;
        }
        Ok(())
    }
}

/// The part of `line` a diagnostic shows: all of it when short, else about [`SNIPPET_RADIUS`]
/// characters on each side of `column` (1-based) and its underline, with `…` for what is left
/// out. Returns the text and how many characters were cut from the start.
fn snippet(line: &str, column: usize, width: usize) -> (String, usize) {
    let limit = 2 * SNIPPET_RADIUS + width.min(SNIPPET_RADIUS);
    // Short lines, the usual case, are shown whole; `nth` stops counting past the limit.
    if line.chars().nth(limit).is_none() {
        return (line.to_string(), 0);
    }
    let start = column.saturating_sub(1).saturating_sub(SNIPPET_RADIUS);
    let end = column.saturating_sub(1) + width.min(SNIPPET_RADIUS) + SNIPPET_RADIUS;
    let mut shown = String::with_capacity(4 * (end - start) + 6);
    if start > 0 {
        shown.push('…');
    }
    let mut chars = line.chars().skip(start);
    shown.extend(chars.by_ref().take(end - start));
    if chars.next().is_some() {
        shown.push('…');
    }
    (shown, start)
}

/// Every error a build found, in a stable order (by file, then line).
#[derive(Debug, Default)]
pub struct Errors(pub Vec<Error>);

impl Errors {
    /// The exit code for the whole set: the most serious of its errors.
    pub fn exit_code(&self) -> i32 {
        self.0.iter().map(Error::exit_code).max().unwrap_or(0)
    }

    /// Sorts errors by file and line so reports are stable across parallel runs, and drops
    /// repeats: a template error hits every page that renders the same thing.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by_cached_key(|error| match error {
            Error::Content(d) => (
                d.path.clone(),
                d.position.map_or(0, |p| p.line),
                d.position.map_or(0, |p| p.column),
                d.message.clone(),
            ),
            Error::More { path, .. } => (path.clone(), usize::MAX, usize::MAX, String::new()),
            other => (PathBuf::new(), 0, 0, other.to_string()),
        });
        self.0.dedup_by(|a, b| a.to_string() == b.to_string());
        self.capped()
    }

    /// At most [`MAX_ERRORS_PER_FILE`] errors per file (sorted by file first), the rest folded
    /// into one [`Error::More`] per file with what earlier stages had already counted.
    fn capped(self) -> Self {
        let mut kept: Vec<Error> = Vec::with_capacity(self.0.len());
        let mut shown = 0;
        let mut more = 0;
        let mut current: Option<PathBuf> = None;
        let flush = |kept: &mut Vec<Error>, path: &Option<PathBuf>, more: usize| {
            if let (Some(path), true) = (path, more > 0) {
                kept.push(Error::More {
                    path: path.clone(),
                    count: more,
                });
            }
        };
        for error in self.0 {
            let path = match &error {
                Error::Content(d) => Some(d.path.clone()),
                Error::More { path, .. } => Some(path.clone()),
                _ => None,
            };
            if path != current || path.is_none() {
                flush(&mut kept, &current, more);
                (shown, more, current) = (0, 0, path);
            }
            match error {
                Error::More { count, .. } => more += count,
                _ if current.is_some() && shown >= MAX_ERRORS_PER_FILE => more += 1,
                error => {
                    shown += 1;
                    kept.push(error);
                }
            }
        }
        flush(&mut kept, &current, more);
        Errors(kept)
    }

    /// How many errors the set stands for, counting those folded into [`Error::More`].
    pub fn count(&self) -> usize {
        self.0
            .iter()
            .map(|error| match error {
                Error::More { count, .. } => *count,
                _ => 1,
            })
            .sum()
    }
}

impl From<Error> for Errors {
    fn from(error: Error) -> Self {
        Errors(vec![error])
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for error in &self.0 {
            match error {
                Error::More { .. } => writeln!(f, "{error}\n")?,
                _ => writeln!(f, "error: {error}\n")?,
            }
        }
        let count = self.count();
        write!(
            f,
            "error: build failed with {count} error{}",
            if count == 1 { "" } else { "s" }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostic_points_at_the_column() {
        let text = "---\ntitle: Hi\ndate: next Tuesday\n---\n";
        let d = Diagnostic::at(
            "content/a.md",
            text,
            Position { line: 3, column: 7 },
            12,
            "invalid date `next Tuesday`",
        );
        let shown = d.to_string();
        assert_eq!(
            shown,
            "invalid date `next Tuesday`\n  --> content/a.md:3:7\n   |\n 3 | date: next Tuesday\n   |       ^^^^^^^^^^^^"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}[x](gone.md){}", "a".repeat(5000), "b".repeat(5000));
        let d = Diagnostic::at(
            "a.md",
            &line,
            Position {
                line: 1,
                column: 5001,
            },
            12,
            "x",
        );
        let shown = d.to_string();
        let source = shown.lines().nth(3).unwrap();
        assert_eq!(
            source,
            format!(" 1 | …{}[x](gone.md){}…", "a".repeat(60), "b".repeat(60))
        );
        let caret = shown.lines().nth(4).unwrap();
        assert_eq!(caret, format!("   | {}^^^^^^^^^^^^", " ".repeat(61)));
        assert!(shown.contains("a.md:1:5001"));
        // Near the start: nothing cut before, cut after.
        let d = Diagnostic::at("a.md", &line, Position { line: 1, column: 3 }, 1, "x");
        assert_eq!(d.cut_before, 0);
        assert!(d.source_line.unwrap().ends_with('…'));
    }

    #[test]
    fn errors_are_capped_per_file() {
        let errors = (0..25)
            .map(|i| Diagnostic::file("b.md", format!("e{i:02}")).into())
            .chain([Error::More {
                path: "b.md".into(),
                count: 100,
            }])
            .chain([Diagnostic::file("a.md", "only").into()])
            .collect();
        let errors = Errors(errors).sorted();
        assert_eq!(errors.0.len(), 1 + MAX_ERRORS_PER_FILE + 1);
        assert_eq!(errors.count(), 126);
        let shown = errors.to_string();
        assert!(shown.contains("\nand 105 more errors in b.md\n"), "{shown}");
        assert!(shown.ends_with("build failed with 126 errors"), "{shown}");
    }

    #[test]
    fn caret_is_clamped_to_the_line() {
        let d = Diagnostic::at("a.md", "ab", Position { line: 1, column: 2 }, 50, "x");
        assert!(d.to_string().ends_with("|  ^"));
    }
}
