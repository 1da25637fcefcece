//! The pipeline: config → load → markdown → site → render → output, kept in memory between
//! builds so `watch` and `serve` redo only what a change touches.
//!
//! Input: [`BuildOptions`] and, after the first build, a [`Change`]. Output: the written site and
//! a [`Report`], or every error found. Three parts, one way through them:
//! - `store.rs` holds the inputs (config, theme, articles, intros, content files), applies a
//!   change and says what it made dirty;
//! - `publish.rs` plans the pages, renders every dirty page into memory and writes only when
//!   all of them rendered; a full build is the case where everything is dirty (staged and
//!   swapped in whole), an update rewrites in place only files whose bytes changed;
//! - `manifest.rs` records what the output holds, so an update knows what changed and notices
//!   an output removed or replaced behind its back (then it builds everything); `newsprint
//!   build` saves it with each page's fingerprint and the `build_key.rs` of what fingerprints do
//!   not cover, so the next build into that output renders only the pages that changed.
//!
//! Either way, a build with errors leaves the output as it was.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::config::{Config, Overrides};
use crate::error::{Error, Errors, Result};
use crate::markdown::LinkTargets;
use crate::output::OutputDir;
use crate::render::Plan;
use crate::render::templates::{StaticSource, Theme};
use crate::render::views::ViewCache;
use crate::site::Site;

mod build_key;
mod check;
mod images;
mod intros;
mod manifest;
mod publish;
mod rebuild;
mod statics;
mod store;
mod trace;

use manifest::Manifest;
use store::{Sources, Store};

/// What to build, from the command line.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The output folder.
    pub output: PathBuf,
    /// Values that override `config.yaml`.
    pub overrides: Overrides,
    /// Include drafts.
    pub drafts: bool,
    /// Include articles dated in the future.
    pub future: bool,
    /// Replace an output folder newsprint did not make ([`OutputDir::claim`]).
    pub force: bool,
}

impl BuildOptions {
    /// Builds `root` into `output` as `newsprint build` does without flags: no overrides, no
    /// drafts or future articles, and only into a folder newsprint made.
    pub fn new(root: &Path, output: PathBuf) -> BuildOptions {
        BuildOptions {
            root: root.to_path_buf(),
            output,
            overrides: Overrides::default(),
            drafts: false,
            future: false,
            force: false,
        }
    }
}

/// What changed since the last build, as `watch` sees it. A changed `config.yaml` is not one:
/// `watch` opens the pipeline afresh for it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    /// A template or theme file changed: reload the theme, re-render every page.
    pub theme: bool,
    /// Files under `content/` or `static/` that were created, changed or removed, relative to
    /// the site root.
    pub files: BTreeSet<PathBuf>,
}

/// What a build did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Articles published.
    pub articles: usize,
    /// Pages rendered.
    pub rendered: usize,
    /// Pages the site has, when a build rendered only some of them (0 when not counted).
    pub pages: usize,
    /// Files written (for updates: only those whose bytes changed).
    pub written: usize,
    /// Files removed (updates only).
    pub removed: usize,
    /// Files the output holds after the build (0 when not counted).
    pub files: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// Things skipped that the user should know about.
    pub warnings: Vec<String>,
    /// Images decoded to make variants (0 when the cache held them all).
    pub images_resized: usize,
    /// The whole output's files and bytes, after a full build (`None` after an update).
    pub size: Option<crate::output::Size>,
}

impl Report {
    /// "built 17 articles, 79 files in 12 ms": the line a full build ends with; a build into
    /// the last build's output says how many pages it rendered and files it wrote.
    pub fn summary(&self) -> String {
        let resized = match self.images_resized {
            0 => String::new(),
            1 => ", resized 1 image".to_string(),
            n => format!(", resized {n} images"),
        };
        let files = if self.files > self.written {
            format!(
                "wrote {} of {} files",
                thousands(self.written),
                thousands(self.files)
            )
        } else {
            format!("{} files", self.written)
        };
        let rendered = match self.pages > self.rendered {
            true => format!(
                "rendered {} of {} pages, ",
                thousands(self.rendered),
                thousands(self.pages)
            ),
            false => String::new(),
        };
        format!(
            "built {} articles, {rendered}{files}{resized} in {} ms",
            self.articles,
            self.elapsed.as_millis()
        )
    }
}

/// `13345` as `13,345`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut text = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// The in-memory state of a site between builds: the inputs, and what was last published.
pub struct Pipeline {
    store: Store,
    output: OutputDir,
    /// What the output holds, by path, as this pipeline last published it.
    manifest: Manifest,
    /// The pages as last published, with their fingerprints (equal fingerprints render equal
    /// bytes) and what they are made of.
    plan: Plan,
    /// Files copied as they are, by output path, as last published.
    copied: BTreeMap<String, StaticSource>,
    /// Template values of articles, reused while they do not change.
    views: ViewCache,
    /// The site of the last good build, patched in place when an edit keeps the order.
    site: Option<Site>,
    /// The last build's output paths passed the claims check ([`claims`](crate::claims)).
    claims_hold: bool,
    /// Changes applied to the store but not published yet (the update failed): the next update
    /// publishes them too.
    pending: Change,
    /// The key of what the pages' fingerprints do not cover ([`build_key`]), for a build whose
    /// manifest is saved for the next `newsprint build`; `None` otherwise (a later build then
    /// renders every page).
    build_key: Option<u64>,
}

impl Pipeline {
    /// Reads the whole site. Fails on a broken config or theme; content errors are kept and
    /// reported by the next build.
    pub fn open(options: BuildOptions) -> Result<Pipeline> {
        Pipeline::open_with(options, Sources::Keep)
    }

    /// [`Pipeline::open`] for one build ([`Pipeline::build_once`]): each article's Markdown
    /// source is dropped once rendered, as nothing renders it again, and the rest of the build
    /// reuses that memory instead of touching new memory.
    pub fn open_once(options: BuildOptions) -> Result<Pipeline> {
        Pipeline::open_with(options, Sources::DropWhenRendered)
    }

    fn open_with(options: BuildOptions, kept: Sources) -> Result<Pipeline> {
        let output = OutputDir::new(&options.root, &options.output)?;
        Ok(Pipeline {
            store: Store::open(options, kept)?,
            output,
            manifest: Manifest::default(),
            plan: Plan::default(),
            copied: BTreeMap::new(),
            views: ViewCache::default(),
            site: None,
            claims_hold: false,
            pending: Change::default(),
            build_key: None,
        })
    }

    /// The checked config.
    pub fn config(&self) -> &Config {
        &self.store.config
    }

    /// The output folder.
    pub fn output(&self) -> &OutputDir {
        &self.output
    }

    /// The site folder.
    pub fn root(&self) -> &Path {
        &self.store.options.root
    }

    /// The compiled theme.
    pub fn theme(&self) -> &Theme {
        &self.store.theme
    }

    /// Where each linkable file lands, for exports that resolve Markdown links themselves.
    pub fn targets(&self) -> &LinkTargets {
        &self.store.targets
    }

    /// The site as the next build would publish it, or every error its sources hold (for
    /// `newsprint email`, which renders from the same store as a build).
    pub fn current_site(&self) -> std::result::Result<Site, Errors> {
        self.store.site()
    }

    /// Renders every page in memory and checks that each internal link and image resolves to a
    /// page or file of the site. Writes nothing.
    pub fn check(&self) -> std::result::Result<Report, Errors> {
        self.store.check()
    }
}

/// Errors are reported on every build until fixed, so the pipeline keeps copies.
fn clone_error(error: &Error) -> Error {
    match error {
        Error::Content(d) => Error::Content(d.clone()),
        Error::Template { name, message } => Error::Template {
            name: name.clone(),
            message: message.clone(),
        },
        Error::Read { path, source } => {
            Error::read(path, std::io::Error::new(source.kind(), source.to_string()))
        }
        Error::Write { path, source } => {
            Error::write(path, std::io::Error::new(source.kind(), source.to_string()))
        }
        Error::UnsafeOutput { path, reason } => Error::UnsafeOutput {
            path: path.clone(),
            reason: reason.clone(),
        },
        Error::Locked { path } => Error::Locked { path: path.clone() },
        Error::Usage(message) => Error::Usage(message.clone()),
        Error::More { path, count } => Error::More {
            path: path.clone(),
            count: *count,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(root: &Path) -> BuildOptions {
        BuildOptions::new(root, root.join("public"))
    }

    #[test]
    fn a_build_in_place_says_how_many_files_it_wrote() {
        assert_eq!(thousands(13345), "13,345");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
        let report = Report {
            articles: 9886,
            written: 14,
            files: 13345,
            ..Report::default()
        };
        assert_eq!(
            report.summary(),
            "built 9886 articles, wrote 14 of 13,345 files in 0 ms"
        );
        let full = Report {
            written: 79,
            files: 79,
            ..report.clone()
        };
        assert!(
            full.summary().contains(", 79 files in"),
            "{}",
            full.summary()
        );
        let in_place = Report {
            rendered: 12,
            pages: 11366,
            ..report
        };
        assert_eq!(
            in_place.summary(),
            "built 9886 articles, rendered 12 of 11,366 pages, wrote 14 of 13,345 files in 0 ms"
        );
    }

    #[test]
    fn a_single_build_holds_neither_markdown_sources_nor_html() {
        let site = tempfile::tempdir().unwrap();
        let write = |path: &str, text: &str| {
            let path = site.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("config.yaml", "title: T\nbase_url: https://example.org/\n");
        write(
            "content/a.md",
            "---\ntitle: A\ndate: 2025-03-01\n---\n\nSee [b](b.md).\n",
        );
        write(
            "content/b.md",
            "---\ntitle: B\ndate: 2025-03-02\n---\n\nText.\n",
        );
        let body_lengths = |pipeline: &Pipeline| -> Vec<usize> {
            let articles = pipeline
                .store
                .sources
                .values()
                .filter_map(|s| s.as_ref().ok());
            articles.map(|article| article.body.len()).collect()
        };

        let kept = Pipeline::open(options(site.path())).unwrap();
        assert_eq!(body_lengths(&kept), [16, 7]);
        let once = Pipeline::open_once(options(site.path())).unwrap();
        assert_eq!(body_lengths(&once), [0, 0]);
        // The HTML waits in the spool, not in memory, until its page renders.
        for entry in once.store.entries.values() {
            let entry = entry.as_ref().unwrap();
            assert_eq!(entry.rendered.html.as_str(), "");
            assert!(entry.rendered.spooled.is_some());
        }

        let report = once.build_once().unwrap();
        assert_eq!(report.articles, 2);
        let read = |path: &str| std::fs::read_to_string(site.path().join("public").join(path));
        let page = read("2025/03/a/index.html").unwrap();
        assert!(page.contains("See <a href=\"/2025/03/b/\">b</a>"));
        assert!(
            read("2025/03/b/index.html")
                .unwrap()
                .contains("<p>Text.</p>")
        );
        // The site feed carries the newest articles whole, read back from the spool.
        let atom = read("atom.xml").unwrap();
        assert!(atom.contains("See &lt;a href="), "{atom}");
        assert!(atom.contains("&lt;p&gt;Text.&lt;/p&gt;"), "{atom}");
    }
}
