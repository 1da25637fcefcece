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
}

impl Error {
    /// The process exit code this error calls for: 1 for problems in the site, 2 for usage and I/O.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Content(_) | Error::Template { .. } => 1,
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
    /// The text of the offending line, shown under the location.
    pub source_line: Option<String>,
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
        let source_line = text
            .lines()
            .nth(position.line.saturating_sub(1))
            .map(|line| line.trim_end_matches('\r').to_string());
        Diagnostic {
            message: message.into(),
            path: path.into(),
            position: Some(position),
            source_line,
            width: width.max(1),
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
            let available = shown.chars().count().saturating_sub(position.column - 1);
            let width = self.width.min(available.max(1));
            write!(f, "\n{gutter} |\n {number} | {shown}\n{gutter} | ")?;
            write!(
                f,
                "{}{}",
                " ".repeat(position.column.saturating_sub(1)),
                "^".repeat(width)
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n{gutter} = help: {help}")?;
        }
        Ok(())
    }
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
            other => (PathBuf::new(), 0, 0, other.to_string()),
        });
        self.0.dedup_by(|a, b| a.to_string() == b.to_string());
        self
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
            writeln!(f, "error: {error}\n")?;
        }
        let count = self.0.len();
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
    fn caret_is_clamped_to_the_line() {
        let d = Diagnostic::at("a.md", "ab", Position { line: 1, column: 2 }, 50, "x");
        assert!(d.to_string().ends_with("|  ^"));
    }
}
