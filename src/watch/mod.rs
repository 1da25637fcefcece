//! `watch`: keeps the output in step with the sources until Ctrl-C.
//!
//! Input: [`WatchOptions`] and the file system's change events, from `notify` (inotify, FSEvents,
//! … or, with `--poll`, a polling watcher) debounced by `notify-debouncer-full`. Output: one
//! incremental rebuild through [`Pipeline`] per settled burst of events, one line about it on
//! stdout (errors on stderr, as `build` prints them) and a [`BuildEvent`] for each build, which
//! `serve` turns into a browser reload.
//!
//! The watcher follows only what a site is made of: the site root (not recursively, to see
//! `config.yaml` and folders appear), and `content/`, `static/` and the theme folder
//! recursively. So the output folder, `.git` or a `target/` under the root cost nothing.
//!
//! Turning event paths into a [`Change`](crate::pipeline::Change) is the pure [`plan`] (in
//! `plan.rs`), kept apart from the I/O so it can be tested.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebouncedEvent, Debouncer, NoCache, RecommendedCache};

use crate::config::{Config, Overrides};
use crate::error::{Error, Errors, Result};
use crate::pipeline::{BuildOptions, Pipeline, Report};

mod plan;

pub use plan::{ChangeKind, Plan, Seen, Sources, classify, event_paths, plan, probe};
use plan::{is_change, is_skipped, kind_of};

/// How old an event is before the debouncer hands it over: short, as every edit waits this
/// long (plus one tick) before its rebuild starts.
const DEBOUNCE: Duration = Duration::from_millis(3);
/// How often the debouncer looks for events old enough. It wakes this often even when idle.
const TICK: Duration = Duration::from_millis(1);
/// After a batch, how long to wait for another before building, so a burst (`git checkout`, an
/// editor's save in several steps) becomes one rebuild. Longer than a tick, so the batches of
/// consecutive ticks join.
const SETTLE: Duration = Duration::from_millis(2);
/// The longest a burst is collected before building anyway.
const MAX_BURST: Duration = Duration::from_secs(1);
/// The longest a burst waits for a file being written to be closed: a writer that keeps its
/// file open (or a link made without opening anything) costs this much, not a lost edit.
const OPEN_WRITE_WAIT: Duration = Duration::from_millis(200);
/// How often `--poll` looks at the files.
const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// What to watch and build.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// What to build.
    pub build: BuildOptions,
    /// Poll the files instead of using the OS's change events.
    pub poll: bool,
}

/// The outcome of one build, for whoever listens (the dev server's live reload).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildEvent {
    /// The output is up to date.
    Built {
        /// Only stylesheets changed, so a page can swap them instead of reloading.
        css_only: bool,
    },
    /// The build failed; the output still holds the last good build.
    Failed {
        /// The compiler-style report, as printed.
        message: String,
    },
}

/// What the watch loop receives.
enum Signal {
    Events(Vec<DebouncedEvent>),
    Trouble(Vec<notify::Error>),
    Stop,
}

/// Builds once, then rebuilds on every change until Ctrl-C. Content errors never end it; only
/// a watcher that cannot be set up does.
pub fn run(options: &WatchOptions, on_build: &mut dyn FnMut(&BuildEvent)) -> Result<()> {
    let (sender, receiver) = mpsc::channel();
    let stop = sender.clone();
    // Stop between builds, so no rebuild is cut short. Fails only if a handler is already set.
    let _ = ctrlc::set_handler(move || {
        let _ = stop.send(Signal::Stop);
    });
    let mut session = Session::new(options.build.clone());
    // inotify reports each close of a file written to; the other backends do not, and there
    // a burst ends when the events stop.
    let closes_reported = cfg!(any(target_os = "linux", target_os = "android")) && !options.poll;
    // Watch before the first build, so nothing saved while it runs is missed.
    let mut watches = Watches::new(options.poll, sender)?;
    watches.sync(&session.root, &session.sources.theme);
    let event = session.guarded(None);
    on_build(&event);
    println!(
        "watching {} for changes; press Ctrl-C to stop",
        options.build.root.display()
    );
    while let Some((events, errors)) = next_burst(&receiver, closes_reported) {
        for error in errors {
            eprintln!("warning: watching files: {error}");
        }
        let (paths, rescan) = event_paths(&session.roots, &session.ignored, &events);
        // Watch folders that just appeared before reading them, so no later save is missed.
        watches.sync(&session.root, &session.sources.theme);
        let mut plan = session.plan(&paths);
        plan.rescan = rescan;
        if plan.is_empty() {
            continue;
        }
        let event = session.guarded(Some(&plan));
        watches.sync(&session.root, &session.sources.theme);
        on_build(&event);
    }
    println!("stopped watching");
    Ok(())
}

/// Waits for events, then keeps collecting while more arrive, so a burst is one rebuild; and,
/// where the OS reports closes (`closes_reported`), while a file written to is still open, so
/// a file is not built half-written (created, but its text not yet written). `None` on Ctrl-C.
fn next_burst(
    receiver: &Receiver<Signal>,
    closes_reported: bool,
) -> Option<(Vec<DebouncedEvent>, Vec<notify::Error>)> {
    let mut events = Vec::new();
    let mut errors = Vec::new();
    let mut open = OpenWrites::default();
    let mut next = Ok(receiver.recv().ok()?);
    let started = Instant::now();
    loop {
        match next {
            Ok(Signal::Events(batch)) => {
                if closes_reported {
                    open.see(&batch);
                }
                events.extend(batch);
            }
            Ok(Signal::Trouble(batch)) => errors.extend(batch),
            Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return None,
            // Quiet for a while: the burst is over, unless a file written to is still open.
            Err(RecvTimeoutError::Timeout) => {
                if !open.any() || started.elapsed() >= OPEN_WRITE_WAIT {
                    break;
                }
            }
        }
        if started.elapsed() >= MAX_BURST {
            break;
        }
        next = receiver.recv_timeout(SETTLE);
    }
    Some((events, errors))
}

/// The files a burst saw written to and not yet closed.
#[derive(Debug, Default)]
struct OpenWrites(BTreeSet<PathBuf>);

impl OpenWrites {
    fn see(&mut self, events: &[DebouncedEvent]) {
        use notify::EventKind::{Access, Create, Modify, Remove};
        use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind};
        for event in events {
            let Some(path) = event.paths.first() else {
                continue;
            };
            match event.kind {
                Create(CreateKind::File | CreateKind::Any)
                | Modify(ModifyKind::Data(_) | ModifyKind::Any) => {
                    self.0.insert(path.clone());
                }
                Access(AccessKind::Close(AccessMode::Write)) | Remove(_) => {
                    self.0.remove(path);
                }
                // Renamed away, or into place: a finished file, as editors save.
                Modify(ModifyKind::Name(_)) => {
                    for path in &event.paths {
                        self.0.remove(path);
                    }
                }
                _ => {}
            }
        }
    }

    fn any(&self) -> bool {
        !self.0.is_empty()
    }
}

/// The pipeline and what the watcher knows, between builds.
struct Session {
    options: BuildOptions,
    /// The site root, absolute, as the watches name it.
    root: PathBuf,
    /// The names event paths may give the root: `root`, and `root` with links resolved.
    roots: Vec<PathBuf>,
    /// The output folder and its hidden siblings, whose events are ours.
    ignored: Vec<PathBuf>,
    /// The pipeline of the last good full build; `None` until there is one, and every change
    /// is a full build until then.
    pipeline: Option<Pipeline>,
    sources: Sources,
}

impl Session {
    fn new(options: BuildOptions) -> Session {
        let root = clean_absolute(&options.root);
        let output = clean_absolute(&options.output);
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut ignored = vec![output.clone()];
        for suffix in ["staging", "lock", "old"] {
            ignored.push(output.with_file_name(format!(".{name}.{suffix}")));
        }
        let theme = Config::load(&options.root, &Overrides::default())
            .map(|c| c.theme)
            .unwrap_or_else(|_| "default".to_string());
        let sources = Sources::scan(&options.root, theme);
        let mut roots = vec![root.clone()];
        roots.extend(root.canonicalize().ok().filter(|real| *real != root));
        Session {
            options,
            root,
            roots,
            ignored,
            pipeline: None,
            sources,
        }
    }

    /// Looks at each changed path and plans the rebuild.
    fn plan(&mut self, paths: &BTreeSet<PathBuf>) -> Plan {
        // Only sources are looked at on disk: a new `node_modules/` beside them is not walked.
        let seen: Vec<(PathBuf, Seen)> = paths
            .iter()
            .filter(|p| {
                !p.as_os_str().is_empty()
                    && !is_skipped(p)
                    && kind_of(p, &self.sources.theme).is_some()
            })
            .map(|p| (p.clone(), probe(&self.root, p)))
            .collect();
        plan(&mut self.sources, &seen)
    }

    /// Builds everything (`None`, the first build) or what `plan` touches, surviving a panic
    /// in the pipeline: a bug should cost one build, not the whole session.
    fn guarded(&mut self, plan: Option<&Plan>) -> BuildEvent {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match plan {
            None => self.full_build(None),
            Some(plan) => self.rebuild(plan),
        }));
        result.unwrap_or_else(|_| {
            // The pipeline may be half-updated: start from scratch on the next change.
            self.pipeline = None;
            let message = "error: the build crashed (a bug in newsprint, reported above); \
                           the next change rebuilds everything"
                .to_string();
            eprintln!("{message}");
            BuildEvent::Failed { message }
        })
    }

    /// Rebuilds what `plan` touches: in place when the last build worked, else from scratch.
    fn rebuild(&mut self, plan: &Plan) -> BuildEvent {
        let pipeline = match self.pipeline.as_mut() {
            Some(pipeline) if !needs_full_build(true, plan) => pipeline,
            _ => return self.full_build(Some(plan)),
        };
        match pipeline.update(&plan.change) {
            Ok(report) => {
                print_report(&plan.label(), &report, false);
                BuildEvent::Built {
                    css_only: plan.css_only(),
                }
            }
            Err(errors) => failed(&errors),
        }
    }

    /// Opens the pipeline afresh and builds everything (`plan` is `None` for the first build).
    fn full_build(&mut self, plan: Option<&Plan>) -> BuildEvent {
        // Drop the old state first: a reopened pipeline re-reads everything anyway.
        self.pipeline = None;
        let mut pipeline = match Pipeline::open(self.options.clone()) {
            Ok(pipeline) => pipeline,
            Err(error) => return failed(&Errors::from(error)),
        };
        let theme = pipeline.config().theme.clone();
        if theme != self.sources.theme || plan.is_some_and(|p| p.rescan) {
            self.sources = Sources::scan(&self.options.root, theme);
        }
        match pipeline.build_full() {
            Ok(report) => {
                self.pipeline = Some(pipeline);
                match plan {
                    Some(plan) => print_report(&plan.label(), &report, true),
                    None => {
                        for warning in &report.warnings {
                            eprintln!("warning: {warning}");
                        }
                        println!("{}", report.summary());
                    }
                }
                BuildEvent::Built { css_only: false }
            }
            Err(errors) => failed(&errors),
        }
    }
}

/// Whether a change needs the pipeline opened afresh and everything rebuilt: before the first
/// good build, after a lost-events rescan, and when `config.yaml` changed (it may break or fix
/// the whole site, or name another theme).
pub fn needs_full_build(ready: bool, plan: &Plan) -> bool {
    !ready || plan.rescan || plan.config
}

fn print_report(label: &str, report: &Report, full: bool) {
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    let removed = match report.removed {
        0 => String::new(),
        n => format!(", {n} removed"),
    };
    let full = if full { " (full build)" } else { "" };
    println!(
        "rebuilt {label}: {} files written{removed} in {} ms{full}",
        report.written,
        report.elapsed.as_millis()
    );
}

fn failed(errors: &Errors) -> BuildEvent {
    let message = errors.to_string();
    eprintln!("{message}");
    BuildEvent::Failed { message }
}

/// `path` made absolute against the current folder, with `.` and `..` resolved by name.
fn clean_absolute(path: &Path) -> PathBuf {
    crate::output::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The two kinds of debounced watcher.
enum Backend {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, NoCache>),
}

/// The folders being watched, kept in line with the folders that exist.
struct Watches {
    backend: Backend,
    /// Watched folder → its identity when the watch was set, to notice one replaced under us.
    watched: BTreeMap<PathBuf, (RecursiveMode, Option<(u64, u64)>)>,
}

impl Watches {
    fn new(poll: bool, sender: Sender<Signal>) -> Result<Watches> {
        let handler = move |result: notify_debouncer_full::DebounceEventResult| {
            let signal = match result {
                // Drop reads here, so they neither wake the loop nor stretch a burst.
                Ok(mut events) => {
                    events.retain(|e| is_change(&e.kind) || e.need_rescan());
                    if events.is_empty() {
                        return;
                    }
                    Signal::Events(events)
                }
                Err(errors) => Signal::Trouble(errors),
            };
            let _ = sender.send(signal);
        };
        let cannot = |e: notify::Error| Error::Usage(format!("cannot watch for changes: {e}"));
        let backend = if poll {
            // notify's poller compares modification times in whole seconds, so a second save
            // within the same second (a formatter run on save) would be missed; comparing
            // contents too costs a read of each watched file per poll, which a site's sources
            // afford, and polling is only for where the OS's events do not work.
            let config = notify::Config::default()
                .with_poll_interval(POLL_INTERVAL)
                .with_compare_contents(true)
                .with_follow_symlinks(false);
            Backend::Poll(
                notify_debouncer_full::new_debouncer_opt(
                    DEBOUNCE,
                    Some(TICK),
                    handler,
                    NoCache,
                    config,
                )
                .map_err(cannot)?,
            )
        } else {
            // Links are not followed: `content/x -> /` would have the watcher walk (or poll)
            // the whole disk, and nothing outside the site is published anyway. A folder
            // linked from inside the site is watched at its real place when that is a source.
            let config = notify::Config::default().with_follow_symlinks(false);
            let cache = RecommendedCache::new();
            Backend::Native(
                notify_debouncer_full::new_debouncer_opt(
                    DEBOUNCE,
                    Some(TICK),
                    handler,
                    cache,
                    config,
                )
                .map_err(cannot)?,
            )
        };
        Ok(Watches {
            backend,
            watched: BTreeMap::new(),
        })
    }

    /// Watches the root (not recursively), `content/`, `static/`, `i18n/` and the theme
    /// folder, each if it exists; drops watches on folders that are gone or were replaced.
    fn sync(&mut self, root: &Path, theme: &str) {
        let mut wanted = vec![(root.to_path_buf(), RecursiveMode::NonRecursive)];
        // `themes/` itself, so the theme folder is seen when it is created.
        wanted.push((root.join("themes"), RecursiveMode::NonRecursive));
        for folder in [
            root.join("content"),
            root.join("static"),
            root.join(crate::i18n::FOLDER),
            root.join("themes").join(theme),
        ] {
            wanted.push((folder, RecursiveMode::Recursive));
        }
        let wanted: BTreeMap<PathBuf, (RecursiveMode, Option<(u64, u64)>)> = wanted
            .into_iter()
            .filter(|(path, _)| path.is_dir())
            .map(|(path, mode)| {
                let id = identity(&path);
                (path, (mode, id))
            })
            .collect();
        let stale: Vec<PathBuf> = self
            .watched
            .iter()
            .filter(|(path, now)| wanted.get(*path) != Some(now))
            .map(|(p, _)| p.clone())
            .collect();
        for path in stale {
            // The folder may be gone already, and its watch with it.
            let _ = self.unwatch(&path);
            self.watched.remove(&path);
        }
        for (path, (mode, id)) in wanted {
            if self.watched.contains_key(&path) {
                continue;
            }
            match self.watch(&path, mode) {
                Ok(()) => {
                    self.watched.insert(path, (mode, id));
                }
                Err(error) => eprintln!("warning: cannot watch `{}`: {error}", path.display()),
            }
        }
    }

    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match &mut self.backend {
            Backend::Native(debouncer) => debouncer.watch(path, mode),
            Backend::Poll(debouncer) => debouncer.watch(path, mode),
        }
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        match &mut self.backend {
            Backend::Native(debouncer) => debouncer.unwatch(path),
            Backend::Poll(debouncer) => debouncer.unwatch(path),
        }
    }
}

/// A folder's device and inode, to tell a folder from another made at the same path.
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(_: &Path) -> Option<(u64, u64)> {
    None
}

#[cfg(test)]
mod tests;
