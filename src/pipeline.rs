//! The pipeline: config → load → markdown → site → render → output, kept in memory between
//! builds so `watch` and `serve` redo only what a change touches.
//!
//! Input: [`BuildOptions`] and, after the first build, a [`Change`]. Output: the written site and
//! a [`Report`], or every error found. A full build stages the whole output and swaps it in; an
//! update re-reads only the changed files, re-renders only pages whose fingerprint changed and
//! rewrites only files whose bytes changed. Either way, a build with errors writes nothing.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::{CONFIG_FILE, Config, Overrides};
use crate::content::{self, Article, walk};
use crate::date::Date;
use crate::error::{Diagnostic, Error, Errors, Result};
use crate::markdown::{self, LinkTargets};
use crate::output::{self, OutputDir};
use crate::render::templates::{self, StaticSource, Theme};
use crate::render::views::ViewCache;
use crate::render::{Page, Renderer};
use crate::site::{Entry, Site};

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
}

/// What changed since the last build, as `watch` sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    /// `config.yaml` changed: rebuild everything.
    pub config: bool,
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
    /// Files written (for updates: only those whose bytes changed).
    pub written: usize,
    /// Files removed (updates only).
    pub removed: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// Things skipped that the user should know about.
    pub warnings: Vec<String>,
}

/// The in-memory state of a site between builds.
pub struct Pipeline {
    options: BuildOptions,
    output: OutputDir,
    config: Arc<Config>,
    theme: Theme,
    /// Each article file's load result (errors are kept so they are reported until fixed).
    sources: BTreeMap<PathBuf, std::result::Result<Article, Vec<Error>>>,
    /// Rendered articles by path.
    entries: HashMap<PathBuf, std::result::Result<Arc<Entry>, Vec<Error>>>,
    /// Non-Markdown files under content/.
    content_files: BTreeSet<PathBuf>,
    /// What the output holds: path → fingerprint of the page, for pages; files copied as is.
    written: HashMap<String, u64>,
    copied: BTreeMap<String, StaticSource>,
    /// Template values of articles, reused while they do not change.
    views: ViewCache,
    warnings: Vec<String>,
}

impl Pipeline {
    /// Reads the whole site. Fails on a broken config or theme; content errors are kept and
    /// reported by the next build.
    pub fn open(options: BuildOptions) -> Result<Pipeline> {
        let output = OutputDir::new(&options.root, &options.output)?;
        let config = Arc::new(Config::load(&options.root, &options.overrides)?);
        let theme = templates::load(&options.root, &config)?;
        let loaded = content::load(&options.root, &config);
        let mut sources = BTreeMap::new();
        for article in loaded.articles {
            sources.insert(article.path.clone(), Ok(article));
        }
        for error in loaded.errors {
            let path = error_path(&error, &options.root);
            sources.insert(path, Err(vec![error]));
        }
        let mut pipeline = Pipeline {
            options,
            output,
            config,
            theme,
            sources,
            entries: HashMap::new(),
            content_files: loaded.files.into_iter().collect(),
            written: HashMap::new(),
            copied: BTreeMap::new(),
            views: ViewCache::default(),
            warnings: loaded.warnings,
        };
        pipeline.render_markdown(None);
        Ok(pipeline)
    }

    /// The checked config.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The output folder.
    pub fn output(&self) -> &OutputDir {
        &self.output
    }

    /// Builds everything into a staging folder and swaps it into place.
    pub fn build_full(&mut self) -> std::result::Result<Report, Errors> {
        let started = Instant::now();
        let site = self.site()?;
        let _lock = self.output.lock()?;
        self.output.recover()?;
        let now = Date::now();
        let renderer = Renderer::new(&site, &self.theme, now, &mut self.views);
        let plan = renderer.plan();
        let (statics, warnings) = self.statics(&plan);
        let staging = self.output.stage()?;
        let results: Vec<Result<()>> = plan
            .par_iter()
            .map(|page| staging.write(&page.path, &renderer.render(page, &plan)?))
            .chain(
                statics
                    .par_iter()
                    .map(|(path, source)| copy_static(&staging, &self.options.root, path, source)),
            )
            .collect();
        let errors: Vec<Error> = results.into_iter().filter_map(|r| r.err()).collect();
        if !errors.is_empty() {
            staging.abandon();
            return Err(Errors(errors).sorted());
        }
        staging.commit()?;
        self.warnings.extend(warnings);
        self.written = plan
            .iter()
            .map(|p| (p.path.clone(), p.fingerprint))
            .collect();
        self.copied = statics;
        Ok(Report {
            articles: site.entries.len(),
            rendered: plan.len(),
            written: plan.len() + self.copied.len(),
            removed: 0,
            elapsed: started.elapsed(),
            warnings: std::mem::take(&mut self.warnings),
        })
    }

    /// Renders every page in memory and checks that each internal link and image resolves to a
    /// page or file of the site. Writes nothing.
    pub fn check(&self) -> std::result::Result<Report, Errors> {
        let started = Instant::now();
        let site = self.site()?;
        let renderer = Renderer::new(&site, &self.theme, Date::now(), &mut ViewCache::default());
        let plan = renderer.plan();
        let (statics, warnings) = self.statics(&plan);
        let known: BTreeSet<&str> = plan
            .iter()
            .map(|p| p.path.as_str())
            .chain(statics.keys().map(String::as_str))
            .collect();
        let base = self.config.base_url.as_str();
        let results: Vec<Vec<Error>> = plan
            .par_iter()
            .map(|page| match renderer.render(page, &plan) {
                Err(error) => vec![error],
                Ok(bytes) if page.path.ends_with(".html") => {
                    broken_links(&page.path, &String::from_utf8_lossy(&bytes), base, &known)
                }
                Ok(_) => Vec::new(),
            })
            .collect();
        let errors: Vec<Error> = results.into_iter().flatten().collect();
        if !errors.is_empty() {
            return Err(Errors(errors).sorted());
        }
        Ok(Report {
            articles: site.entries.len(),
            rendered: plan.len(),
            warnings: self.warnings.iter().cloned().chain(warnings).collect(),
            elapsed: started.elapsed(),
            ..Report::default()
        })
    }

    /// Applies a change and updates the output in place, rewriting only what changed.
    pub fn update(&mut self, change: &Change) -> std::result::Result<Report, Errors> {
        let started = Instant::now();
        if change.config {
            *self = Pipeline::open(self.options.clone())?;
            return self.build_full();
        }
        if change.theme {
            self.theme = templates::load(&self.options.root, &self.config)?;
            // Every page may look different now; byte comparison still avoids needless writes.
            self.written.clear();
        }
        let touched = self.reload(&change.files);
        self.render_markdown(Some(&touched));
        let site = self.site()?;
        let _lock = self.output.lock()?;
        let renderer = Renderer::new(&site, &self.theme, Date::now(), &mut self.views);
        let plan = renderer.plan();
        let (statics, warnings) = self.statics(&plan);

        let stale: Vec<&Page> = plan
            .iter()
            .filter(|page| self.written.get(&page.path) != Some(&page.fingerprint))
            .collect();
        // Article pages first: the page being edited is what the writer is looking at.
        let (articles, others): (Vec<&Page>, Vec<&Page>) = stale
            .iter()
            .partition(|page| matches!(page.kind, crate::render::PageKind::Article(_)));
        let out = &self.output.path;
        let mut written = 0;
        let mut errors = Vec::new();
        for batch in [articles, others] {
            let results: Vec<Result<bool>> = batch
                .par_iter()
                .map(|page| {
                    output::write_if_changed(out, &page.path, &renderer.render(page, &plan)?)
                })
                .collect();
            for result in results {
                match result {
                    Ok(true) => written += 1,
                    Ok(false) => {}
                    Err(error) => errors.push(error),
                }
            }
        }
        for (path, source) in &statics {
            // A theme change may have edited a theme's static file in place.
            let changed = change.theme
                || self.copied.get(path) != Some(source)
                || change
                    .files
                    .iter()
                    .any(|f| StaticSource::File(f.clone()) == *source);
            if changed {
                match read_static(&self.options.root, source)
                    .and_then(|bytes| output::write_if_changed(out, path, &bytes))
                {
                    Ok(true) => written += 1,
                    Ok(false) => {}
                    Err(error) => errors.push(error),
                }
            }
        }
        if !errors.is_empty() {
            return Err(Errors(errors).sorted());
        }

        let keep: BTreeSet<&str> = plan
            .iter()
            .map(|p| p.path.as_str())
            .chain(statics.keys().map(String::as_str))
            .collect();
        let mut removed = 0;
        for path in self.written.keys().chain(self.copied.keys()) {
            if !keep.contains(path.as_str()) {
                output::remove(out, path).map_err(Errors::from)?;
                removed += 1;
            }
        }
        self.written = plan
            .iter()
            .map(|p| (p.path.clone(), p.fingerprint))
            .collect();
        self.copied = statics;
        self.warnings.extend(warnings);
        Ok(Report {
            articles: site.entries.len(),
            rendered: stale.len(),
            written,
            removed,
            elapsed: started.elapsed(),
            warnings: std::mem::take(&mut self.warnings),
        })
    }

    /// Re-reads changed files; returns the article paths whose Markdown must be rendered again.
    fn reload(&mut self, files: &BTreeSet<PathBuf>) -> BTreeSet<PathBuf> {
        let root = &self.options.root;
        let mut touched = BTreeSet::new();
        for path in files {
            let name = path.file_name().unwrap_or_default();
            let is_article =
                path.starts_with("content") && path.extension().is_some_and(|e| e == "md");
            let exists = root.join(path).is_file() && !walk::is_ignored(name);
            if is_article {
                touched.insert(path.clone());
                if exists {
                    match content::load_article(root, path, &self.config) {
                        Ok(Some(article)) => self.sources.insert(path.clone(), Ok(article)),
                        Ok(None) => self.sources.remove(path),
                        Err(errors) => self.sources.insert(path.clone(), Err(errors)),
                    };
                } else {
                    self.sources.remove(path);
                    self.entries.remove(path);
                }
            } else if path.starts_with("content") {
                touched.insert(path.clone());
                if exists {
                    self.content_files.insert(path.clone());
                } else {
                    self.content_files.remove(path);
                }
            }
        }
        touched
    }

    /// Renders Markdown for every article (`None`) or for the touched ones and the articles that
    /// link to them.
    fn render_markdown(&mut self, touched: Option<&BTreeSet<PathBuf>>) {
        let targets = self.link_targets();
        let markdown = &self.config.markdown;
        let entries = &self.entries;
        let todo: Vec<&Article> = self
            .sources
            .values()
            .filter_map(|source| source.as_ref().ok())
            .filter(|article| match touched {
                None => true,
                Some(touched) => {
                    touched.contains(&article.path)
                        || match entries.get(&article.path) {
                            Some(Ok(entry)) => {
                                entry.rendered.links.iter().any(|l| touched.contains(l))
                            }
                            // Broken links may have been fixed by the new file.
                            Some(Err(_)) | None => true,
                        }
                }
            })
            .collect();
        let rendered: Vec<_> = todo
            .par_iter()
            .map(|article| {
                let result = markdown::render(article, &targets, markdown)
                    .map(|rendered| Arc::new(Entry::new((*article).clone(), rendered)));
                (article.path.clone(), result)
            })
            .collect();
        self.entries.extend(rendered);
        let sources = &self.sources;
        self.entries
            .retain(|path, _| matches!(sources.get(path), Some(Ok(_))));
    }

    /// Whether an article is published in this build.
    fn is_published(&self, article: &Article, now: i64) -> bool {
        (self.options.drafts || !article.draft)
            && (self.options.future || article.date.unix_seconds() <= now)
    }

    /// Every file a Markdown link may point at, and where it lands in the output.
    fn link_targets(&self) -> LinkTargets {
        let now = Date::now().unix_seconds();
        let mut targets = HashMap::new();
        for article in self.sources.values().filter_map(|s| s.as_ref().ok()) {
            if self.is_published(article, now) {
                targets.insert(article.path.clone(), article.url_path.clone());
            }
        }
        for file in &self.content_files {
            targets.insert(file.clone(), content_output_path(file));
        }
        LinkTargets {
            base_url: self.config.base_url.clone(),
            targets,
        }
    }

    /// The site from the current entries, or every error the sources hold.
    fn site(&self) -> std::result::Result<Site, Errors> {
        let now = Date::now().unix_seconds();
        let mut errors = Vec::new();
        for source in self.sources.values() {
            if let Err(e) = source {
                errors.extend(e.iter().map(clone_error));
            }
        }
        let mut published = Vec::new();
        for article in self.sources.values().filter_map(|s| s.as_ref().ok()) {
            match self.entries.get(&article.path) {
                Some(Ok(entry)) if self.is_published(article, now) => published.push(entry.clone()),
                Some(Err(e)) if self.is_published(article, now) => {
                    errors.extend(e.iter().map(clone_error))
                }
                _ => {}
            }
        }
        if !errors.is_empty() {
            return Err(Errors(errors).sorted());
        }
        Site::new(self.config.clone(), published).map_err(|e| Errors(e).sorted())
    }

    /// Files copied as they are: theme static, then site `static/`, then content files; pages
    /// win over any of them.
    fn statics(&self, plan: &[Page]) -> (BTreeMap<String, StaticSource>, Vec<String>) {
        let mut statics = self.theme.statics.clone();
        let found = walk::walk(&self.options.root, "static");
        let mut warnings = found.warnings;
        for file in found.files {
            let relative = file
                .strip_prefix("static")
                .unwrap_or(&file)
                .to_string_lossy()
                .replace('\\', "/");
            statics.insert(relative, StaticSource::File(file));
        }
        for file in &self.content_files {
            statics.insert(content_output_path(file), StaticSource::File(file.clone()));
        }
        for page in plan {
            if statics.remove(&page.path).is_some() {
                warnings.push(format!(
                    "`{}` is generated by newsprint; the static file of that name is ignored",
                    page.path
                ));
            }
        }
        (statics, warnings)
    }
}

/// The links of one rendered page that point into the site but at nothing it has.
fn broken_links(page: &str, html: &str, base: &str, known: &BTreeSet<&str>) -> Vec<Error> {
    let mut errors = Vec::new();
    for link in crate::render::links::links(html) {
        let Some(inside) = link.strip_prefix(base) else {
            continue;
        };
        let path = inside.split(['#', '?']).next().unwrap_or_default();
        let path = crate::markdown::percent_decode(path);
        let target = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path
        };
        if !known.contains(target.as_str()) {
            let message =
                format!("`{page}` links to `{link}`, which is not a page or file of the site");
            let help =
                "the link comes from a template or from raw HTML; fix the URL or add the file";
            errors.push(
                Diagnostic::file(format!("(output) {page}"), message)
                    .with_help(help)
                    .into(),
            );
        }
    }
    errors
}

/// Where a file under `content/` lands: the same place relative to the output.
fn content_output_path(file: &Path) -> String {
    file.strip_prefix("content")
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/")
}

fn read_static(root: &Path, source: &StaticSource) -> Result<Vec<u8>> {
    match source {
        StaticSource::Embedded(bytes) => Ok(bytes.to_vec()),
        StaticSource::File(path) => {
            std::fs::read(root.join(path)).map_err(|e| Error::read(root.join(path), e))
        }
    }
}

fn copy_static(
    staging: &output::Staging,
    root: &Path,
    path: &str,
    source: &StaticSource,
) -> Result<()> {
    match source {
        StaticSource::Embedded(bytes) => staging.write(path, bytes),
        StaticSource::File(file) => staging.copy(path, &root.join(file)),
    }
}

/// The article file an error is about, for keeping it with that file in the pipeline.
fn error_path(error: &Error, root: &Path) -> PathBuf {
    let path = match error {
        Error::Content(d) => d.path.clone(),
        Error::Read { path, .. } => path.clone(),
        _ => PathBuf::new(),
    };
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or(path)
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
    }
}

/// Whether a path (relative to the root) is a site source `watch` cares about, and which kind.
pub fn classify(path: &Path, theme: &str) -> Option<ChangeKind> {
    if path == Path::new(CONFIG_FILE) {
        Some(ChangeKind::Config)
    } else if path.starts_with(Path::new("themes").join(theme)) {
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
    /// `config.yaml`.
    Config,
    /// Something in the theme folder.
    Theme,
    /// An article, a content file or a static file.
    File,
}
