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
use crate::content::{self, Article, Intro, trust, walk};
use crate::date::Date;
use crate::error::{Error, Errors, Result};
use crate::markdown::{self, LinkTargets};
use crate::output::{self, OutputDir};
use crate::render::templates::{self, StaticSource, Theme};
use crate::render::views::ViewCache;

mod check;
mod images;
mod intros;
mod statics;
mod trace;

use crate::render::{Page, Renderer};
use crate::site::{Entry, Intros, Site};
use trace::Trace;

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
    /// Images decoded to make variants (0 when the cache held them all).
    pub images_resized: usize,
}

impl Report {
    /// "built 17 articles, 79 files in 12 ms": the line a full build ends with.
    pub fn summary(&self) -> String {
        let resized = match self.images_resized {
            0 => String::new(),
            1 => ", resized 1 image".to_string(),
            n => format!(", resized {n} images"),
        };
        format!(
            "built {} articles, {} files{resized} in {} ms",
            self.articles,
            self.written,
            self.elapsed.as_millis()
        )
    }
}

/// The in-memory state of a site between builds.
pub struct Pipeline {
    options: BuildOptions,
    /// The site folder with links resolved, for the symbolic-link rule ([`trust::check_link`]).
    site_root: PathBuf,
    output: OutputDir,
    config: Arc<Config>,
    theme: Theme,
    /// Each article file's load result (errors are kept so they are reported until fixed).
    sources: BTreeMap<PathBuf, std::result::Result<Arc<Article>, Vec<Error>>>,
    /// Rendered articles by path.
    entries: HashMap<PathBuf, std::result::Result<Arc<Entry>, Vec<Error>>>,
    /// Non-Markdown files under content/.
    content_files: BTreeSet<PathBuf>,
    /// What the output holds: path → fingerprint of the page, for pages; files copied as is.
    written: HashMap<String, u64>,
    copied: BTreeMap<String, StaticSource>,
    /// Template values of articles, reused while they do not change.
    views: ViewCache,
    /// Every file a Markdown link may point at, kept up to date by `update`.
    targets: LinkTargets,
    /// The site of the last good build, patched in place when an edit keeps the order.
    site: Option<Site>,
    /// Each edition intro file's load result.
    intro_sources: BTreeMap<PathBuf, std::result::Result<Arc<Intro>, Vec<Error>>>,
    /// The intros as rendered for the next site, and the errors rendering found.
    intros: Arc<Intros>,
    intro_errors: Vec<Error>,
    /// The last build's output paths passed [`Pipeline::check_claims`].
    claims_hold: bool,
    warnings: Vec<String>,
}

impl Pipeline {
    /// Reads the whole site. Fails on a broken config or theme; content errors are kept and
    /// reported by the next build.
    pub fn open(options: BuildOptions) -> Result<Pipeline> {
        Pipeline::open_with(options, Sources::Keep)
    }

    /// [`Pipeline::open`] for one build ([`Pipeline::build_once`]): each article's Markdown
    /// source is dropped once rendered, as nothing renders it again (~50 MB at 10,000 articles,
    /// which the rest of the build then reuses instead of touching new memory).
    pub fn open_once(options: BuildOptions) -> Result<Pipeline> {
        Pipeline::open_with(options, Sources::DropWhenRendered)
    }

    fn open_with(options: BuildOptions, kept: Sources) -> Result<Pipeline> {
        let trace = Trace::start();
        let output = OutputDir::new(&options.root, &options.output)?;
        let config = Arc::new(Config::load(&options.root, &options.overrides)?);
        let site_root = options
            .root
            .canonicalize()
            .map_err(|e| Error::read(&options.root, e))?;
        trace.mark("config");
        // Compiling the templates and reading the articles do not depend on each other.
        let (theme, loaded) = rayon::join(
            || templates::load(&options.root, &config),
            || content::load(&options.root, &config),
        );
        let theme = theme?;
        trace.mark("theme+load");
        // Collected, not inserted one by one: the paths come sorted, so the map is built
        // without comparing paths (slow: component by component) 140,000 times at 10,000.
        let articles = loaded
            .articles
            .into_iter()
            .map(|article| (article.path.clone(), Ok(article)));
        let failed = loaded
            .failed
            .into_iter()
            .map(|(path, errors)| (path, Err(errors)));
        let sources = articles.chain(failed).collect();
        let output_base = config.base_url.clone();
        let mut pipeline = Pipeline {
            options,
            site_root,
            output,
            config,
            theme,
            sources,
            entries: HashMap::new(),
            content_files: loaded.files.into_iter().collect(),
            written: HashMap::new(),
            copied: BTreeMap::new(),
            views: ViewCache::default(),
            targets: LinkTargets {
                base_url: output_base,
                targets: HashMap::new(),
                failed: Default::default(),
                images: HashMap::new(),
            },
            site: None,
            intro_sources: loaded
                .intros
                .into_iter()
                .map(|(path, intro)| (path, intro.map(Arc::new)))
                .collect(),
            intros: Arc::default(),
            intro_errors: Vec::new(),
            claims_hold: false,
            warnings: loaded.warnings,
        };
        pipeline.targets = pipeline.link_targets();
        let (infos, warnings) = images::measure_all(
            &pipeline.options.root,
            &pipeline.content_files,
            &pipeline.config.images,
        );
        pipeline.targets.images = infos;
        pipeline.warnings.extend(warnings);
        trace.mark("images");
        pipeline.render_all_markdown(kept);
        pipeline.render_intros();
        trace.mark("markdown");
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

    /// The site folder.
    pub fn root(&self) -> &Path {
        &self.options.root
    }

    /// The compiled theme.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// Where each linkable file lands, for exports that resolve Markdown links themselves.
    pub fn targets(&self) -> &LinkTargets {
        &self.targets
    }

    /// The site as the next build would publish it, or every error its sources hold (for
    /// `newsprint email`, which renders from the same store as a build).
    pub fn current_site(&self) -> std::result::Result<Site, Errors> {
        self.site()
    }

    /// Builds everything into a staging folder and swaps it into place, and keeps what
    /// [`Pipeline::update`] needs to rebuild only what a change touches.
    pub fn build_full(&mut self) -> std::result::Result<Report, Errors> {
        self.build_everything(true)
    }

    /// `newsprint build`: [`Pipeline::build_full`] in a process that ends next, so nothing is
    /// kept for a next build and nothing is freed: the OS takes the memory back at once, and
    /// learning and freeing 10,000 article values kept one core busy ~30 ms at the end.
    pub fn build_once(mut self) -> std::result::Result<Report, Errors> {
        let report = self.build_everything(false);
        std::mem::forget(self);
        report
    }

    fn build_everything(&mut self, keep: bool) -> std::result::Result<Report, Errors> {
        let started = Instant::now();
        let trace = Trace::start();
        let now = Date::now();
        self.check_errors(now.unix_seconds())?;
        // Before the lock, whose file goes beside the output folder.
        self.output.claim(self.options.force)?;
        let _lock = self.output.lock()?;
        self.output.recover()?;
        let staging = self.output.stage()?;
        let published = self.published(now.unix_seconds());
        let folders: Vec<&str> = published
            .iter()
            .map(|entry| entry.article.url_path.as_str())
            .collect();
        // Sorting and indexing the site runs on one core; the other makes the article folders.
        let (site, made) = rayon::join(
            || Site::with_intros(self.config.clone(), published.clone(), self.intros.clone()),
            || staging.folders(&folders),
        );
        let site = match (site, made) {
            (Ok(site), Ok(())) => site,
            (site, made) => {
                staging.abandon();
                let mut errors = site.err().unwrap_or_default();
                errors.extend(made.err());
                return Err(Errors(errors).sorted());
            }
        };
        trace.mark("site");
        let renderer = Renderer::new(&site, &self.theme, now, &self.views);
        let plan = renderer.plan();
        trace.mark("plan");
        let statics = self.statics();
        if !statics.errors.is_empty() {
            staging.abandon();
            return Err(self.checked_statics(&site, &plan).err().unwrap_or_default());
        }
        let mut order: Vec<&Page> = plan.iter().collect();
        order.sort_by_key(|page| page.kind.render_rank());
        let jobs = images::jobs(&self.targets.images, &statics.files);
        let root = &self.options.root;
        let quality = self.config.images.quality;
        let made = std::sync::Mutex::new(Vec::new());
        // The claims on output paths are checked while the pages render into the staging
        // folder, which is thrown away if any claim fails: on one core they kept the other idle.
        // Images are resized on the same cores as pages render: the largest first, each one a
        // task of its own, so a slow decode runs beside pages rather than after them.
        let (claimed, results): (_, Vec<Result<()>>) = rayon::join(
            || self.check_claims(&site, &plan, &statics),
            || {
                jobs.par_iter()
                    .with_max_len(1)
                    .map(|job| {
                        let done = images::make(root, job, quality);
                        let copied = done
                            .variants
                            .iter()
                            .try_for_each(|(path, file)| staging.copy(path, &root.join(file)));
                        made.lock().unwrap_or_else(|e| e.into_inner()).push(done);
                        copied
                    })
                    .chain(
                        order
                            .par_iter()
                            .with_max_len(crate::MAX_ITEMS_PER_TASK)
                            .map(|page| staging.write(&page.path, &renderer.render(page, &plan)?)),
                    )
                    .chain(
                        statics
                            .files
                            .par_iter()
                            .map(|(path, source)| copy_static(&staging, root, path, source)),
                    )
                    .collect()
            },
        );
        let errors: Vec<Error> = results.into_iter().filter_map(|r| r.err()).collect();
        if !claimed.is_empty() || !errors.is_empty() {
            staging.abandon();
            // A clash explains the write errors it causes (a file where a folder must go).
            let shown = if claimed.is_empty() { errors } else { claimed };
            return Err(Errors(shown).sorted());
        }
        let statics::Statics {
            files: mut statics,
            warnings,
            ..
        } = statics;
        let made = made.into_inner().unwrap_or_else(|e| e.into_inner());
        let images_resized = made.iter().filter(|m| m.decoded).count();
        for done in made {
            self.warnings.extend(done.warning);
            for (path, file) in done.variants {
                statics.insert(path, StaticSource::File(file));
            }
        }
        trace.mark("render");
        staging.commit()?;
        trace.mark("commit");
        self.warnings.extend(warnings);
        let report = Report {
            articles: site.entries.len(),
            rendered: plan.len(),
            written: plan.len() + statics.len(),
            removed: 0,
            elapsed: started.elapsed(),
            warnings: std::mem::take(&mut self.warnings),
            images_resized,
        };
        if !keep {
            // Its article values are the bulk of the memory; freeing them would only delay the exit.
            std::mem::forget(renderer);
            return Ok(report);
        }
        let fresh = renderer.fresh_views();
        drop(renderer);
        self.views.learn(fresh);
        self.views.retain(&site);
        self.written = plan
            .iter()
            .map(|p| (p.path.clone(), p.fingerprint))
            .collect();
        self.copied = statics;
        self.site = Some(site);
        self.claims_hold = true;
        Ok(report)
    }

    /// Applies a change and updates the output in place, rewriting only what changed.
    pub fn update(&mut self, change: &Change) -> std::result::Result<Report, Errors> {
        let trace = Trace::start();
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
        let moved = self.refresh_targets(&touched);
        self.render_markdown(&touched, moved);
        self.render_intros();
        trace.mark("read");
        let (site, same_urls) = self.next_site(&touched)?;
        trace.mark("site");
        let statics = self.statics();
        let _lock = self.output.lock()?;
        let renderer = Renderer::new(&site, &self.theme, Date::now(), &self.views);
        trace.mark("renderer");
        // Claims on output paths change only when URLs move, files come or go or the theme
        // changes; then they are checked before anything is written. An edit that keeps every
        // URL skips the check (milliseconds at 10,000 articles), and its page goes out first.
        let files_changed = change.theme
            || change
                .files
                .iter()
                .any(|path| path.starts_with("static") || !trust::is_article(path));
        let early_plan = if same_urls && !files_changed && self.claims_hold {
            if !statics.errors.is_empty() {
                return Err(Errors(statics.errors).sorted());
            }
            None
        } else {
            let plan = renderer.plan();
            self.claims_hold = false;
            let mut errors = self.check_claims(&site, &plan, &statics);
            self.claims_hold = errors.is_empty();
            errors.extend(statics.errors.iter().map(clone_error));
            if !errors.is_empty() {
                return Err(Errors(errors).sorted());
            }
            Some(plan)
        };
        let out = &self.output.path;
        let mut written = 0;
        let mut errors = Vec::new();
        // The edited articles' own pages first: that is what the writer is looking at.
        let first = edited_pages(&site, &touched);
        for page in &first {
            match renderer
                .render(page, &[])
                .and_then(|bytes| output::write_if_changed(out, &page.path, &bytes))
            {
                Ok(true) => written += 1,
                Ok(false) => {}
                Err(error) => errors.push(error),
            }
        }
        trace.mark("edited");
        let plan = early_plan.unwrap_or_else(|| renderer.plan());
        let statics::Statics {
            files: mut statics,
            mut warnings,
            ..
        } = statics;
        let images_resized = self.refresh_variants(&mut statics, &mut warnings, change);
        let stale: Vec<&Page> = plan
            .iter()
            .filter(|page| self.written.get(&page.path) != Some(&page.fingerprint))
            .filter(|page| !first.iter().any(|done| done.path == page.path))
            .collect();
        let results: Vec<Result<bool>> = stale
            .par_iter()
            .map(|page| output::write_if_changed(out, &page.path, &renderer.render(page, &plan)?))
            .collect();
        for result in results {
            match result {
                Ok(true) => written += 1,
                Ok(false) => {}
                Err(error) => errors.push(error),
            }
        }
        trace.mark("pages");
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
        let report = Report {
            articles: site.entries.len(),
            rendered: first.len() + stale.len(),
            written,
            removed,
            elapsed: started.elapsed(),
            warnings: std::mem::take(&mut self.warnings),
            images_resized,
        };
        let fresh = renderer.fresh_views();
        drop(renderer);
        self.views.learn(fresh);
        self.views.retain(&site);
        self.site = Some(site);
        Ok(report)
    }

    /// Adds the image variants to `statics` for an update: images that changed (or whose
    /// variants the output lacks) are made again, the others reuse the last build's files.
    /// Returns how many images were decoded.
    fn refresh_variants(
        &self,
        statics: &mut BTreeMap<String, StaticSource>,
        warnings: &mut Vec<String>,
        change: &Change,
    ) -> usize {
        let root = &self.options.root;
        let quality = self.config.images.quality;
        let copied = &self.copied;
        let jobs = images::jobs(&self.targets.images, statics);
        let made: Vec<images::Made> = jobs
            .par_iter()
            .with_max_len(1)
            .map(|job| match images::reuse(job, copied) {
                Some(done) if !change.files.contains(job.file) => done,
                _ => images::make(root, job, quality),
            })
            .collect();
        let resized = made.iter().filter(|m| m.decoded).count();
        for done in made {
            warnings.extend(done.warning);
            for (path, file) in done.variants {
                statics.insert(path, StaticSource::File(file));
            }
        }
        resized
    }

    /// Re-reads changed files; returns the article paths whose Markdown must be rendered again.
    fn reload(&mut self, files: &BTreeSet<PathBuf>) -> BTreeSet<PathBuf> {
        let root = &self.options.root.clone();
        let mut touched = BTreeSet::new();
        for path in files {
            let name = path.file_name().unwrap_or_default();
            let in_content = path.starts_with("content");
            let kind = trust::content_kind(name);
            // The same rules as the first walk: hidden and scratch files are not sources, a
            // link must pass `check_link`, a leftover is never published.
            let mut exists = root.join(path).is_file()
                && !walk::is_ignored(name)
                && !trust::has_hidden_component(path);
            if exists && let Err(refusal) = trust::check_link(&root.join(path), &self.site_root) {
                self.warnings.push(refusal.warning(path));
                exists = false;
            }
            if exists && in_content && kind == trust::ContentKind::Leftover {
                self.warnings.push(trust::leftover_warning(path));
                exists = false;
            }
            if Pipeline::is_intro_path(path) {
                // Not an article: the site is regrouped with the new intro (see `next_site`).
                touched.insert(path.clone());
                if exists {
                    self.reload_intro(path);
                } else {
                    self.intro_sources.remove(path);
                }
            } else if in_content && kind == trust::ContentKind::Article {
                touched.insert(path.clone());
                if exists {
                    match content::load_article(root, path, &self.config) {
                        Ok(Some(article)) => {
                            self.sources.insert(path.clone(), Ok(Arc::new(article)))
                        }
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

    /// Renders every article's Markdown, dropping each source once rendered if `kept` says so
    /// (see [`Pipeline::open_once`]).
    fn render_all_markdown(&mut self, kept: Sources) {
        let (targets, markdown) = (&self.targets, &self.config.markdown);
        let root = &self.options.root;
        let mut articles: Vec<&mut Arc<Article>> = self
            .sources
            .values_mut()
            .filter_map(|source| source.as_mut().ok())
            .collect();
        let rendered: Vec<_> = articles
            .par_iter_mut()
            .with_max_len(crate::MAX_ITEMS_PER_TASK)
            .map(|article| {
                let rendered = markdown::render(article, targets, markdown);
                // No entry shares the article yet, so it can still be changed in place.
                if let (Sources::DropWhenRendered, Some(article)) = (kept, Arc::get_mut(article)) {
                    article.body = String::new();
                }
                (article.path.clone(), entry_of(root, article, rendered))
            })
            .collect();
        self.entries.extend(rendered);
    }

    /// Renders Markdown for the touched articles and, when a link target appeared, moved or
    /// vanished (`moved`), the articles whose links may now resolve differently.
    fn render_markdown(&mut self, touched: &BTreeSet<PathBuf>, moved: bool) {
        let markdown = &self.config.markdown;
        let entries = &self.entries;
        let needs_render = |article: &Article| {
            touched.contains(&article.path)
                || moved
                    && match entries.get(&article.path) {
                        Some(Ok(entry)) => entry.rendered.links.iter().any(|l| touched.contains(l)),
                        // Broken links may have been fixed by the new file.
                        Some(Err(_)) | None => true,
                    }
        };
        let todo: Vec<&Arc<Article>> = if moved {
            self.sources
                .values()
                .filter_map(|source| source.as_ref().ok())
                .filter(|article| needs_render(article))
                .collect()
        } else {
            // Only the edited files changed: no need to look at the other 10,000.
            touched
                .iter()
                .filter_map(|path| self.sources.get(path)?.as_ref().ok())
                .collect()
        };
        let targets = &self.targets;
        let root = &self.options.root;
        let rendered: Vec<_> = todo
            .par_iter()
            .with_max_len(crate::MAX_ITEMS_PER_TASK)
            .map(|article| {
                let rendered = markdown::render(article, targets, markdown);
                (article.path.clone(), entry_of(root, article, rendered))
            })
            .collect();
        self.entries.extend(rendered);
        for path in touched {
            if !matches!(self.sources.get(path), Some(Ok(_))) {
                self.entries.remove(path);
            }
        }
    }

    /// Updates the link targets for the touched files; returns whether any target appeared,
    /// vanished or moved (so links elsewhere may resolve differently).
    fn refresh_targets(&mut self, touched: &BTreeSet<PathBuf>) -> bool {
        let now = Date::now().unix_seconds();
        let mut moved = false;
        for path in touched {
            let target = match self.sources.get(path) {
                Some(Ok(article)) if self.is_published(article, now) => {
                    Some(article.url_path.clone())
                }
                Some(_) => None,
                None if self.content_files.contains(path) => Some(content_output_path(path)),
                None => None,
            };
            let previous = match &target {
                Some(output) => self.targets.targets.insert(path.clone(), output.clone()),
                None => self.targets.targets.remove(path),
            };
            moved |= previous != target;
            if crate::images::is_image_path(path) {
                let measured = match &target {
                    Some(_) => {
                        crate::images::measure(&self.options.root, path, &self.config.images)
                    }
                    None => crate::images::Measured::default(),
                };
                self.warnings.extend(measured.warning);
                let previous = match measured.info {
                    Some(info) => self.targets.images.insert(path.clone(), info.clone()),
                    None => self.targets.images.remove(path),
                };
                moved |= previous != self.targets.images.get(path).cloned();
            }
            if matches!(self.sources.get(path), Some(Err(_))) {
                self.targets.failed.insert(path.clone());
            } else {
                self.targets.failed.remove(path);
            }
        }
        moved
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
        let failed = self
            .sources
            .iter()
            .filter(|(_, source)| source.is_err())
            .map(|(path, _)| path.clone())
            .collect();
        LinkTargets {
            base_url: self.config.base_url.clone(),
            targets,
            failed,
            // Filled in by `images::measure_all`.
            images: HashMap::new(),
        }
    }

    /// The site after an update: the last one with the edited entries swapped in when nothing
    /// moved (same URLs, same dates, nothing added or removed), else a new one.
    /// Also says whether every URL stayed the same (the last site, patched).
    fn next_site(
        &mut self,
        touched: &BTreeSet<PathBuf>,
    ) -> std::result::Result<(Site, bool), Errors> {
        let now = Date::now().unix_seconds();
        self.check_errors(now)?;
        let mut edited = Vec::new();
        let reassembled = |site| Ok((site?, false));
        for path in touched.iter().filter(|p| trust::is_article(p)) {
            match (self.sources.get(path), self.entries.get(path)) {
                (Some(Ok(article)), Some(Ok(entry))) if self.is_published(article, now) => {
                    edited.push(entry.clone())
                }
                // Gone, unpublished or failed: the site changes shape.
                _ => return reassembled(self.assemble(now)),
            }
        }
        let intros = &self.intros;
        match self
            .site
            .as_ref()
            .and_then(|site| site.with_edits(&edited, intros))
        {
            Some(site) => Ok((site, true)),
            None => reassembled(self.assemble(now)),
        }
    }

    /// Fails with every error the sources and rendered articles hold, sorted, if there are any.
    fn check_errors(&self, now: i64) -> std::result::Result<(), Errors> {
        let mut errors: Vec<Error> = self
            .sources
            .values()
            .filter_map(|source| source.as_ref().err())
            .flatten()
            .map(clone_error)
            .chain(self.intro_errors.iter().map(clone_error))
            .collect();
        // Walk the values, not the keys: hashing 10,000 paths would cost a watch edit milliseconds.
        for (path, entry) in &self.entries {
            if let Err(e) = entry
                && matches!(self.sources.get(path), Some(Ok(article)) if self.is_published(article, now))
            {
                errors.extend(e.iter().map(clone_error));
            }
        }
        if errors.is_empty() {
            return Ok(());
        }
        // Two articles with one URL are found when the site is assembled, which the errors
        // above prevent: look for them now, so one run reports every problem.
        if let Err(clashes) = crate::site::check_urls(&self.published(now)) {
            errors.extend(clashes);
        }
        Err(Errors(errors).sorted())
    }

    /// The site from the current entries, or every error the sources hold.
    fn site(&self) -> std::result::Result<Site, Errors> {
        let now = Date::now().unix_seconds();
        self.check_errors(now)?;
        self.assemble(now)
    }

    /// A new site from every published entry (the sources are known to be free of errors).
    fn assemble(&self, now: i64) -> std::result::Result<Site, Errors> {
        Site::with_intros(
            self.config.clone(),
            self.published(now),
            self.intros.clone(),
        )
        .map_err(|e| Errors(e).sorted())
    }

    /// The entries of the published articles, in path order.
    fn published(&self, now: i64) -> Vec<Arc<Entry>> {
        self.sources
            .values()
            .filter_map(|source| source.as_ref().ok())
            .filter(|article| self.is_published(article, now))
            .filter_map(|article| match self.entries.get(&article.path) {
                Some(Ok(entry)) => Some(entry.clone()),
                _ => None,
            })
            .collect()
    }
}

/// What the pipeline keeps of each article's Markdown source.
#[derive(Debug, Clone, Copy)]
enum Sources {
    /// Kept, for `watch` and `serve` to render again when a link target moves.
    Keep,
    /// Dropped once rendered, for a single build.
    DropWhenRendered,
}

/// An article's entry, once its Markdown is rendered.
fn entry_of(
    root: &Path,
    article: &Arc<Article>,
    rendered: std::result::Result<markdown::Rendered, Vec<Error>>,
) -> std::result::Result<Arc<Entry>, Vec<Error>> {
    rendered.map(|mut rendered| {
        // Feed enclosures carry the lead image's size; the Markdown stage does not know the root.
        if let Some(file) = &rendered.image_file {
            rendered.image_bytes = std::fs::metadata(root.join(file)).ok().map(|m| m.len());
        }
        Arc::new(Entry::new(Arc::clone(article), rendered))
    })
}

/// The article pages of the edited articles, found in `site`.
fn edited_pages(site: &Site, touched: &BTreeSet<PathBuf>) -> Vec<Page> {
    // Compare bytes: `Path` comparison parses components, slow over 10,000 entries.
    let touched: Vec<&std::ffi::OsStr> = touched.iter().map(|p| p.as_os_str()).collect();
    site.entries
        .iter()
        .enumerate()
        .filter(|(_, entry)| touched.contains(&entry.article.path.as_os_str()))
        .map(|(index, entry)| Page {
            path: format!("{}index.html", entry.article.url_path),
            kind: crate::render::PageKind::Article(index),
            fingerprint: 0,
        })
        .collect()
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

/// Whether a path (relative to the root) is a site source `watch` cares about, and which kind.
pub fn classify(path: &Path, theme: &str) -> Option<ChangeKind> {
    // `authors.yaml` is read with the config, so an edit to it rebuilds like one.
    if path == Path::new(CONFIG_FILE) || path == Path::new(crate::config::AUTHORS_FILE) {
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
    /// `config.yaml` or `authors.yaml`.
    Config,
    /// Something in the theme folder.
    Theme,
    /// An article, a content file or a static file.
    File,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(root: &Path) -> BuildOptions {
        BuildOptions {
            root: root.to_path_buf(),
            output: root.join("public"),
            overrides: Overrides::default(),
            drafts: false,
            future: false,
            force: false,
        }
    }

    #[test]
    fn authors_yaml_changes_like_config() {
        let kind = classify(Path::new(crate::config::AUTHORS_FILE), "default");
        assert_eq!(kind, Some(ChangeKind::Config));
    }

    #[test]
    fn a_single_build_drops_markdown_sources_once_rendered() {
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
            let articles = pipeline.sources.values().filter_map(|s| s.as_ref().ok());
            articles.map(|article| article.body.len()).collect()
        };

        let kept = Pipeline::open(options(site.path())).unwrap();
        assert_eq!(body_lengths(&kept), [16, 7]);
        let once = Pipeline::open_once(options(site.path())).unwrap();
        assert_eq!(body_lengths(&once), [0, 0]);
        assert!(once.entries.values().all(|entry| entry.is_ok()));

        let report = once.build_once().unwrap();
        assert_eq!(report.articles, 2);
        let page = std::fs::read_to_string(site.path().join("public/2025/03/a/index.html"));
        assert!(
            page.unwrap()
                .contains("See <a href=\"https://example.org/2025/03/b/\">b</a>")
        );
    }
}
