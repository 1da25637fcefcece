//! Event classification: the paths the watcher reports → a [`Plan`] for the pipeline.
//!
//! Input: debounced file events and what the watcher found at each path. Output: a [`Change`]
//! (config, theme, or files under `content/` and `static/`) and the paths behind it. A folder
//! created or renamed in stands for every file under it; a folder removed, renamed away or
//! replaced by a file stands for every file the watcher knew under it ([`Sources`]). Pure but
//! for [`probe`], so it is unit-tested (`tests.rs`).

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use notify::EventKind;
use notify_debouncer_full::DebouncedEvent;

use crate::config::CONFIG_FILE;
use crate::content::walk;
use crate::pipeline::Change;

/// Whether a path (relative to the root) is a site source `watch` cares about, and which kind.
pub fn classify(path: &Path, theme: &str) -> Option<ChangeKind> {
    // `authors.yaml` is read with the config, so an edit to it rebuilds like one.
    if path == Path::new(CONFIG_FILE) || path == Path::new(crate::config::AUTHORS_FILE) {
        Some(ChangeKind::Config)
    } else if path.starts_with(Path::new("themes").join(theme))
        || path.starts_with(crate::i18n::FOLDER)
    {
        // The site's `i18n/` overrides the theme's strings: it is part of the theme.
        Some(ChangeKind::Theme)
    } else if path.starts_with("content") || path.starts_with("static") {
        Some(ChangeKind::File)
    } else {
        None
    }
}

/// The three kinds of source change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// `config.yaml` or `authors.yaml`.
    Config,
    /// Something in the theme folder, or the site's `i18n/` strings.
    Theme,
    /// An article, a content file or a static file.
    File,
}

/// What the watcher found at a changed path once its events settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    /// A file.
    File,
    /// A folder, with every file under it (relative to the site root).
    Folder(Vec<PathBuf>),
    /// Nothing: removed, or renamed away.
    Missing,
}

/// The watcher's picture of the sources between builds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    /// The theme named in `config.yaml`.
    pub theme: String,
    /// Every file under `content/` and `static/`, relative to the root, so that a folder removed
    /// or renamed away can be turned into the files it held.
    pub files: BTreeSet<PathBuf>,
}

impl Sources {
    /// Reads the current sources from disk.
    pub fn scan(root: &Path, theme: String) -> Sources {
        let mut files = BTreeSet::new();
        for folder in ["content", "static"] {
            let found = walk::walk(root, folder);
            files.extend(found.articles);
            files.extend(found.files);
        }
        Sources { theme, files }
    }
}

/// One rebuild to do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// What the pipeline is told.
    pub change: Change,
    /// `config.yaml` changed: the pipeline is opened afresh (the config may break or fix the
    /// whole site, or name another theme), and everything is built.
    pub config: bool,
    /// The source paths behind the change (relative to the root), for the report line.
    pub paths: BTreeSet<PathBuf>,
    /// The OS lost events (queue overflow): only a full rebuild is safe.
    pub rescan: bool,
}

impl Plan {
    /// Whether there is nothing to rebuild.
    pub fn is_empty(&self) -> bool {
        !self.rescan && self.paths.is_empty()
    }

    /// What changed, for the report line: the one path, or how many.
    pub fn label(&self) -> String {
        match (self.paths.len(), self.paths.first()) {
            (1, Some(path)) => path.to_string_lossy().replace('\\', "/"),
            (0, _) => "everything".to_string(),
            (count, _) => format!("{count} files"),
        }
    }

    /// Whether only stylesheets changed.
    pub fn css_only(&self) -> bool {
        !self.rescan
            && !self.config
            && !self.paths.is_empty()
            && self
                .paths
                .iter()
                .all(|p| p.extension().is_some_and(|e| e == "css"))
    }
}

/// Turns what the watcher saw at each changed path into a rebuild plan, and keeps `sources` up
/// to date. Paths are relative to the site root; anything that is not a site source, or that
/// `build` skips (hidden and editor scratch files), is left out, and so is a file that came and
/// went between two looks (vim's `4913` test file).
pub fn plan(sources: &mut Sources, seen: &[(PathBuf, Seen)]) -> Plan {
    let mut plan = Plan::default();
    for (path, what) in seen {
        if path.as_os_str().is_empty() || is_skipped(path) {
            continue;
        }
        match kind_of(path, &sources.theme) {
            Some(ChangeKind::Config) => {
                plan.config = true;
                plan.paths.insert(path.clone());
            }
            Some(ChangeKind::Theme) => {
                plan.change.theme = true;
                plan.paths.insert(path.clone());
            }
            Some(ChangeKind::File) => plan_file(sources, &mut plan, path, what),
            None => {}
        }
    }
    plan
}

/// Like [`classify`], but a folder holding the theme folder (`themes/`) counts as the theme.
pub(super) fn kind_of(path: &Path, theme: &str) -> Option<ChangeKind> {
    let theme_folder = Path::new("themes").join(theme);
    if path != theme_folder && theme_folder.starts_with(path) && path.starts_with("themes") {
        return Some(ChangeKind::Theme);
    }
    classify(path, theme)
}

/// A change under `content/` or `static/`.
fn plan_file(sources: &mut Sources, plan: &mut Plan, path: &Path, what: &Seen) {
    // The known files at or under `path`: a path's descendants sort right after it.
    let known_under = |sources: &Sources| -> Vec<PathBuf> {
        sources
            .files
            .range(path.to_path_buf()..)
            .take_while(|f| f.starts_with(path))
            .cloned()
            .collect()
    };
    match what {
        Seen::File => {
            // A file standing where a folder was (`x.md/inner.md`, then `x.md`) replaced every
            // file the folder held.
            for gone in known_under(sources).iter().filter(|f| f.as_path() != path) {
                sources.files.remove(gone);
                plan.change.files.insert(gone.clone());
                plan.paths.insert(gone.clone());
            }
            sources.files.insert(path.to_path_buf());
            plan.change.files.insert(path.to_path_buf());
            plan.paths.insert(path.to_path_buf());
        }
        Seen::Folder(files) => {
            let present: BTreeSet<&PathBuf> = files
                .iter()
                .filter(|f| {
                    f.starts_with(path) && !is_skipped(f) && classify(f, &sources.theme).is_some()
                })
                .collect();
            // Files known under the folder that it no longer holds were replaced away.
            for gone in known_under(sources).iter().filter(|f| !present.contains(f)) {
                sources.files.remove(gone);
                plan.change.files.insert(gone.clone());
                plan.paths.insert(gone.clone());
            }
            for file in present {
                sources.files.insert(file.clone());
                plan.change.files.insert(file.clone());
                plan.paths.insert(file.clone());
            }
        }
        Seen::Missing => {
            for gone in known_under(sources) {
                sources.files.remove(&gone);
                plan.change.files.insert(gone.clone());
                plan.paths.insert(gone);
            }
        }
    }
}

/// Whether `build` skips this path: a hidden or scratch name anywhere in it.
pub(super) fn is_skipped(path: &Path) -> bool {
    path.components().any(|c| match c {
        Component::Normal(name) => walk::is_ignored(name),
        _ => true,
    })
}

/// The paths the debounced events name, relative to the site root, without those under
/// `ignored` (the output folder and its siblings). `roots` are the names of the root that events
/// may use: as given, and with links resolved (macOS reports resolved paths). Also says whether
/// any event asks for a rescan.
pub fn event_paths(
    roots: &[PathBuf],
    ignored: &[PathBuf],
    events: &[DebouncedEvent],
) -> (BTreeSet<PathBuf>, bool) {
    let mut paths = BTreeSet::new();
    let mut rescan = false;
    for event in events {
        if event.need_rescan() {
            rescan = true;
        }
        if !is_change(&event.kind) {
            continue;
        }
        for path in &event.paths {
            if ignored.iter().any(|i| path.starts_with(i)) {
                continue;
            }
            let relative = roots.iter().find_map(|root| path.strip_prefix(root).ok());
            if let Some(relative) = relative
                && !relative.as_os_str().is_empty()
            {
                paths.insert(relative.to_path_buf());
            }
        }
    }
    (paths, rescan)
}

/// Whether an event kind may mean changed sources. Reads (our own, while building) are not
/// changes; a write being closed is.
pub(super) fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(access) => {
            *access == notify::event::AccessKind::Close(notify::event::AccessMode::Write)
        }
        _ => true,
    }
}

/// Looks at a changed path: a file, a folder (and the files under it), or nothing.
pub fn probe(root: &Path, relative: &Path) -> Seen {
    match std::fs::metadata(root.join(relative)) {
        Ok(meta) if meta.is_dir() => {
            let found = walk::walk(root, &relative.to_string_lossy());
            Seen::Folder(found.articles.into_iter().chain(found.files).collect())
        }
        Ok(_) => Seen::File,
        Err(_) => Seen::Missing,
    }
}
