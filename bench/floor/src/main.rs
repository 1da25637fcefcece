//! The benchmark "floor": the least work any static site generator must do for a corpus.
//!
//! `floor CONTENT_DIR OUT_DIR` reads every `.md` file under CONTENT_DIR, strips its YAML front
//! matter, renders the Markdown body to HTML with comrak (GFM-like options) on all cores, and
//! writes one HTML file per article to OUT_DIR, mirroring the source layout
//! (`content/2024/03/x.md` → `OUT_DIR/2024/03/x.html`). No templates, no indexes, no feeds.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use comrak::{Options, markdown_to_html};
use rayon::prelude::*;
use walkdir::WalkDir;

/// Returns the Markdown body: everything after a leading `---` … `---` front matter block.
fn strip_front_matter(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text;
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == "---" {
            return &rest[offset..];
        }
    }
    text
}

fn gfm_options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    options.extension.footnotes = true;
    options.extension.tasklist = true;
    options
}

fn markdown_files(content: &Path) -> Vec<PathBuf> {
    WalkDir::new(content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(walkdir::DirEntry::into_path)
        .collect()
}

fn render_one(src: &Path, content: &Path, out: &Path, options: &Options) -> Result<(), String> {
    let text = fs::read_to_string(src).map_err(|e| format!("{}: {e}", src.display()))?;
    let html = markdown_to_html(strip_front_matter(&text), options);
    let rel = src.strip_prefix(content).expect("walked under content");
    let dest = out.join(rel).with_extension("html");
    if let Some(parent) = dest.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(&dest, html).map_err(|e| format!("{}: {e}", dest.display()))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, content, out] = args.as_slice() else {
        eprintln!("usage: floor CONTENT_DIR OUT_DIR");
        return ExitCode::from(2);
    };
    let (content, out) = (Path::new(content), Path::new(out));
    let files = markdown_files(content);
    let options = gfm_options();
    let errors: Vec<String> = files
        .par_iter()
        .filter_map(|src| render_one(src, content, out, &options).err())
        .collect();
    for e in &errors {
        eprintln!("error: {e}");
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::strip_front_matter;

    #[test]
    fn strips_front_matter() {
        assert_eq!(strip_front_matter("---\ntitle: x\n---\n\nBody\n"), "\nBody\n");
        assert_eq!(strip_front_matter("No front matter\n"), "No front matter\n");
        assert_eq!(strip_front_matter("---\nunterminated\n"), "---\nunterminated\n");
    }
}
