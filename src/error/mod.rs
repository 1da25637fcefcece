//! The error type of newsprint and its compiler-style display.
//!
//! Every problem a build finds becomes an [`Error`]. Problems in a user's files carry a
//! [`Diagnostic`]: the file, the line and column *in that file*, the offending source line and a
//! hint, printed like a compiler so the writer can jump straight to it. A build collects all of
//! them before it gives up (see [`Errors`]); only `main` turns them into an exit code.

use std::fmt;
use std::io;
use std::path::PathBuf;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

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

impl Diagnostic {
    /// The diagnostic as annotate-snippets draws it, titled `error: …`, and the column its
    /// location line shows when that is not the column in the file (a cut line).
    fn report(&self) -> (Group<'_>, Option<usize>) {
        let title = Level::ERROR.primary_title(self.message.as_str());
        let path = self.path.to_string_lossy();
        let mut shown_column = None;
        let mut group = match (self.position, &self.source_line) {
            (None, _) => title.element(Origin::path(path)),
            (Some(position), None) => title.element(
                Origin::path(path)
                    .line(position.line)
                    .char_column(position.column),
            ),
            (Some(position), Some(line)) => {
                // The column in the shown text: after the `…` that stands for the cut start.
                let column = match self.cut_before {
                    0 => position.column,
                    cut => position.column.saturating_sub(cut) + 1,
                };
                let start = byte_at(line, column.saturating_sub(1)).min(line.len());
                let end = byte_at(line, column.saturating_sub(1) + self.width);
                if column != position.column {
                    shown_column = Some(column);
                }
                title.element(
                    Snippet::source(line.as_str())
                        .path(path)
                        .line_start(position.line)
                        .annotation(AnnotationKind::Primary.span(start..end.max(start))),
                )
            }
        };
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        (group, shown_column)
    }

    /// The diagnostic drawn by `renderer`, its location naming the column in the file.
    fn render(&self, renderer: &Renderer) -> String {
        let (group, shown_column) = self.report();
        let drawn = renderer.render(&[group]);
        match (shown_column, self.position) {
            (Some(shown), Some(position)) => {
                let path = self.path.to_string_lossy();
                drawn.replacen(
                    &format!("{path}:{}:{shown}", position.line),
                    &format!("{path}:{}:{}", position.line, position.column),
                    1,
                )
            }
            _ => drawn,
        }
    }
}

/// The byte offset of character `index` of `line` (its length past the end).
fn byte_at(line: &str, index: usize) -> usize {
    line.char_indices()
        .nth(index)
        .map_or(line.len(), |(at, _)| at)
}

/// How reports are drawn: plain text, or coloured for a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// No colour (files, pipes, tests, `NO_COLOR`).
    Plain,
    /// ANSI colours, as rustc and cargo use on a terminal.
    Colored,
}

impl Style {
    /// Colour when standard error is a terminal and `NO_COLOR` is not set (no-color.org), and
    /// not on a `dumb` terminal.
    pub fn for_stderr() -> Style {
        use std::io::IsTerminal;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = std::env::var_os("TERM").is_some_and(|term| term == "dumb");
        if !no_color && !dumb && io::stderr().is_terminal() {
            Style::Colored
        } else {
            Style::Plain
        }
    }

    fn renderer(self) -> Renderer {
        let renderer = match self {
            Style::Plain => Renderer::plain(),
            Style::Colored => Renderer::styled(),
        };
        // Long lines are already cut around the column (see `snippet`), keeping the column in
        // the file exact; the renderer must not cut them again to the terminal's width.
        renderer.term_width(usize::MAX / 4)
    }
}

impl fmt::Display for Diagnostic {
    /// The report without its leading `error: `, which the caller prints (as for every
    /// [`Error`]); [`Error::report`] draws the whole of it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = self.render(&Style::Plain.renderer());
        f.write_str(shown.strip_prefix("error: ").unwrap_or(&shown))
    }
}

impl Error {
    /// The error as the user sees it: `error: …`, with the source line and carets when it has a
    /// place in a file (a template error from Tera included).
    pub fn report(&self, style: Style) -> String {
        let renderer = style.renderer();
        match self {
            Error::Content(diagnostic) => diagnostic.render(&renderer),
            Error::Template { name, message } => match template_diagnostic(message) {
                Some(diagnostic) => diagnostic.render(&renderer),
                None => renderer.render(&[Group::with_title(
                    Level::ERROR.primary_title(format!("template `{name}`: {message}")),
                )]),
            },
            // A count, not an error of its own: no `error: ` before it.
            Error::More { .. } => self.to_string(),
            other => renderer.render(&[Group::with_title(
                Level::ERROR.primary_title(other.to_string()),
            )]),
        }
    }
}

/// Tera's own report (`message`, ` --> file:line:column`, the source line, carets) as a
/// [`Diagnostic`], so template errors are drawn as every other error is. `None` when the
/// message has another shape (then it is shown as Tera wrote it).
fn template_diagnostic(message: &str) -> Option<Diagnostic> {
    let mut lines = message.lines();
    let title = lines.next()?;
    let place = lines.next()?.trim_start().strip_prefix("--> ")?;
    let mut parts = place.rsplitn(3, ':');
    let column: usize = parts.next()?.parse().ok()?;
    let line: usize = parts.next()?.parse().ok()?;
    let file = parts.next()?;
    lines.next()?; // the ` |` under the location
    let (number, source) = lines.next()?.split_once(" | ")?;
    if number.trim().parse() != Ok(line) {
        return None;
    }
    let carets = lines.next()?;
    let width = carets.chars().filter(|&c| c == '^').count();
    // Anything after the carets (Tera's notes) has no place in the drawing: keep Tera's text.
    if lines.any(|rest| !rest.trim().is_empty()) {
        return None;
    }
    Some(Diagnostic::on_line(
        file,
        Some(source),
        Position { line, column },
        width,
        title,
    ))
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

impl Errors {
    /// Every error, then `error: build failed with N errors`, each drawn in `style`.
    pub fn report(&self, style: Style) -> String {
        let mut out = String::new();
        for error in &self.0 {
            out.push_str(&error.report(style));
            out.push_str("\n\n");
        }
        let count = self.count();
        let summary = format!(
            "build failed with {count} error{}",
            if count == 1 { "" } else { "s" }
        );
        out.push_str(
            &style
                .renderer()
                .render(&[Group::with_title(Level::ERROR.primary_title(summary))]),
        );
        out
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.report(Style::Plain))
    }
}

#[cfg(test)]
mod tests;
