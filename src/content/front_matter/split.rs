//! Cutting an article at its `---` fences into YAML and body, with the file line of each.

use std::path::Path;

use crate::error::{Diagnostic, Position, Result};

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
