//! The store: every input of a site in memory (config, theme, articles, intros, content files),
//! and what each change to them touches.
//!
//! Input: [`BuildOptions`], then one [`Change`] at a time. Output: the loaded and rendered
//! articles (with the errors of those that failed, kept until fixed), the link targets, and for
//! each change a [`Dirty`]: what the publish step must render again. Nothing here writes.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::{BuildOptions, Change, clone_error};
use crate::config::Config;
use crate::content::{self, Article, Intro, trust, walk};
use crate::date::Date;
use crate::error::{Error, Errors, Result};
use crate::markdown::spool::Spool;
use crate::markdown::{self, LinkTargets};
use crate::render::templates::{self, Theme};
use crate::site::{Entry, Intros, Site};

/// An article with its Markdown rendered, or every problem found in it.
type EntryOrErrors = std::result::Result<Arc<Entry>, Vec<Error>>;

/// The inputs of a site, loaded, with their Markdown rendered.
pub(super) struct Store {
    pub(super) options: BuildOptions,
    /// The site folder with links resolved, for the symbolic-link rule ([`trust::check_link`]).
    pub(super) site_root: PathBuf,
    pub(super) config: Arc<Config>,
    pub(super) theme: Theme,
    /// Each article file's load result (errors are kept so they are reported until fixed).
    pub(super) sources: BTreeMap<PathBuf, std::result::Result<Arc<Article>, Vec<Error>>>,
    /// Rendered articles by path.
    pub(super) entries: HashMap<PathBuf, EntryOrErrors>,
    /// The articles whose source or Markdown holds errors, kept in step with `sources` and
    /// `entries`: looking for errors walks these, not the 100,000 articles of a large site,
    /// in every `watch` update (2 ms at that size).
    failing: BTreeSet<PathBuf>,
    /// Non-Markdown files under content/.
    pub(super) content_files: BTreeSet<PathBuf>,
    /// Every file a Markdown link may point at, kept up to date by [`Store::apply`].
    pub(super) targets: LinkTargets,
    /// Each edition intro file's load result.
    pub(super) intro_sources: BTreeMap<PathBuf, std::result::Result<Arc<Intro>, Vec<Error>>>,
    /// The intros as rendered for the next site, and the errors rendering found.
    pub(super) intros: Arc<Intros>,
    pub(super) intro_errors: Vec<Error>,
    /// Warnings not yet reported.
    pub(super) warnings: Vec<String>,
    /// Where a single build keeps the rendered bodies ([`Sources::DropWhenRendered`]).
    pub(super) spool: Option<Arc<Spool>>,
}

/// What a change touched, for the publish step.
#[derive(Debug, Default)]
pub(super) struct Dirty {
    /// The theme was reloaded: every page may look different.
    pub(super) theme: bool,
    /// Content files (articles, intros, other files) re-read, relative to the root.
    pub(super) touched: BTreeSet<PathBuf>,
    /// Every changed file, `static/` included, relative to the root.
    pub(super) files: BTreeSet<PathBuf>,
}

impl Store {
    /// Reads the whole site. Fails on a broken config or theme; content errors are kept and
    /// reported by the next build.
    pub(super) fn open(options: BuildOptions, kept: Sources) -> Result<Store> {
        let trace = super::trace::Trace::start();
        let config = Arc::new(Config::load(&options.root, &options.overrides)?);
        let site_root = options
            .root
            .canonicalize()
            .map_err(|e| Error::read(&options.root, e))?;
        trace.mark("config");
        let spool = match kept {
            Sources::Keep => None,
            Sources::DropWhenRendered => spool_beside(&options.output),
        };
        // A single build renders an article's Markdown as it reads it, when its links need no
        // link targets (most articles): each file is read once.
        let finish = |article: Article| match kept {
            Sources::Keep => (Arc::new(article), None),
            Sources::DropWhenRendered => render_as_read(&options.root, article, &config, &spool),
        };
        // Compiling the templates and reading the articles do not depend on each other.
        let (theme, (loaded, rendered)) = rayon::join(
            || templates::load(&options.root, &config),
            || content::load_with(&options.root, &config, finish),
        );
        let theme = theme?;
        trace.mark("theme+load");
        let entries = (loaded.articles.iter().zip(rendered))
            .filter_map(|(article, entry)| Some((article.path.clone(), entry?)))
            .collect();
        // Collected, not inserted one by one: the paths come sorted, so the map is built
        // without comparing paths (slow: component by component) a dozen times per article.
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
        let mut store = Store {
            options,
            site_root,
            config,
            theme,
            sources,
            entries,
            failing: BTreeSet::new(),
            content_files: loaded.files.into_iter().collect(),
            targets: LinkTargets {
                base_url: output_base,
                targets: HashMap::new(),
                failed: Default::default(),
                images: HashMap::new(),
            },
            intro_sources: loaded
                .intros
                .into_iter()
                .map(|(path, intro)| (path, intro.map(Arc::new)))
                .collect(),
            intros: Arc::default(),
            intro_errors: Vec::new(),
            warnings: loaded.warnings,
            spool,
        };
        store.targets = store.link_targets();
        let (infos, warnings) = super::images::measure_all(
            &store.options.root,
            &store.content_files,
            &store.config.images,
        );
        store.targets.images = infos;
        store.warnings.extend(warnings);
        trace.mark("images");
        store.render_all_markdown(kept);
        store.failing = store.scan_failing();
        store.render_intros();
        if let Sources::DropWhenRendered = kept {
            // Nothing renders Markdown again in a single build: the link targets (a path and a
            // URL per article) are not needed, only the images' sizes, which the output needs.
            store.targets.targets = HashMap::new();
            store.targets.failed = Default::default();
        }
        trace.mark("markdown");
        Ok(store)
    }

    /// Applies a change: reloads the theme if it changed, re-reads the changed files, renders
    /// the Markdown they (and links to them) need. Fails only when the theme does not compile,
    /// leaving the old theme in place.
    pub(super) fn apply(&mut self, change: &Change) -> Result<Dirty> {
        if change.theme {
            self.theme = templates::load(&self.options.root, &self.config)?;
        }
        let touched = self.reload(&change.files);
        let moved = self.refresh_targets(&touched);
        let rendered = self.render_markdown(&touched, moved);
        for path in touched.iter().chain(&rendered) {
            self.note_failing(path);
        }
        // Intros change only with their files or their links' targets; kept otherwise, the
        // site can keep its editions.
        if moved || touched.iter().any(|path| Store::is_intro_path(path)) {
            self.render_intros();
        }
        Ok(Dirty {
            theme: change.theme,
            touched,
            files: change.files.clone(),
        })
    }

    /// Re-reads changed files; returns the article paths whose Markdown must be rendered again.
    pub(super) fn reload(&mut self, files: &BTreeSet<PathBuf>) -> BTreeSet<PathBuf> {
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
            if Store::is_intro_path(path) {
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

    /// Renders the Markdown of every article not rendered yet. For a single build
    /// ([`Sources::DropWhenRendered`]), those are the articles whose links needed the link
    /// targets, loaded without their bodies: each is read again here, dropped once rendered, and
    /// its HTML goes to the spool until its page renders.
    pub(super) fn render_all_markdown(&mut self, kept: Sources) {
        let (targets, markdown) = (&self.targets, &self.config.markdown);
        let (root, spool) = (&self.options.root, &self.spool);
        let entries = &self.entries;
        let mut articles: Vec<&mut Arc<Article>> = self
            .sources
            .values_mut()
            .filter_map(|source| source.as_mut().ok())
            .filter(|article| !entries.contains_key(&article.path))
            .collect();
        let rendered: Vec<_> = articles
            .par_iter_mut()
            .with_max_len(crate::MAX_ITEMS_PER_TASK)
            .map(|article| {
                let rendered = match kept {
                    Sources::Keep => markdown::render(article, targets, markdown),
                    Sources::DropWhenRendered => render_reread(root, article, targets, markdown),
                };
                let mut entry = entry_of(root, article, rendered);
                spool_body(spool, &mut entry);
                (article.path.clone(), entry)
            })
            .collect();
        self.entries.extend(rendered);
    }

    /// Renders Markdown for the touched articles and, when a link target appeared, moved or
    /// vanished (`moved`), the articles whose links may now resolve differently; returns the
    /// paths it rendered.
    pub(super) fn render_markdown(
        &mut self,
        touched: &BTreeSet<PathBuf>,
        moved: bool,
    ) -> Vec<PathBuf> {
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
        let paths = rendered.iter().map(|(path, _)| path.clone()).collect();
        self.entries.extend(rendered);
        for path in touched {
            if !matches!(self.sources.get(path), Some(Ok(_))) {
                self.entries.remove(path);
            }
        }
        paths
    }

    /// Notes whether `path`'s source or entry now holds errors.
    fn note_failing(&mut self, path: &Path) {
        let failed = matches!(self.sources.get(path), Some(Err(_)))
            || matches!(self.entries.get(path), Some(Err(_)));
        if failed {
            self.failing.insert(path.to_path_buf());
        } else {
            self.failing.remove(path);
        }
    }

    /// The articles whose source or entry holds errors, found by walking them all.
    fn scan_failing(&self) -> BTreeSet<PathBuf> {
        let sources = self.sources.iter().filter(|(_, source)| source.is_err());
        let entries = self.entries.iter().filter(|(_, entry)| entry.is_err());
        let sources = sources.map(|(path, _)| path.clone());
        sources
            .chain(entries.map(|(path, _)| path.clone()))
            .collect()
    }

    /// Updates the link targets for the touched files; returns whether any target appeared,
    /// vanished or moved (so links elsewhere may resolve differently).
    pub(super) fn refresh_targets(&mut self, touched: &BTreeSet<PathBuf>) -> bool {
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
                moved |= self.remeasure(path, target.is_some());
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
    pub(super) fn is_published(&self, article: &Article, now: i64) -> bool {
        (self.options.drafts || !article.draft)
            && (self.options.future || article.date.unix_seconds() <= now)
    }

    /// Every file a Markdown link may point at, and where it lands in the output.
    pub(super) fn link_targets(&self) -> LinkTargets {
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

    /// Measures an image again (or forgets it, when it is no longer a link target); returns
    /// whether its size changed, so the articles showing it are rendered again.
    fn remeasure(&mut self, path: &Path, exists: bool) -> bool {
        let measured = match exists {
            true => crate::images::measure(&self.options.root, path, &self.config.images),
            false => crate::images::Measured::default(),
        };
        self.warnings.extend(measured.warning);
        let previous = match measured.info {
            Some(info) => self.targets.images.insert(path.to_path_buf(), info),
            None => self.targets.images.remove(path),
        };
        previous.as_ref() != self.targets.images.get(path)
    }

    /// The first body the spool could not give back, if any: the pages that show it are
    /// incomplete, so the build publishes nothing.
    pub(super) fn spool_error(&self) -> Option<Error> {
        let error = self.spool.as_ref()?.error()?;
        let spool = self
            .options
            .output
            .with_file_name("(temporary file of article bodies)");
        Some(Error::read(spool, error))
    }

    /// Fails with every error the sources and rendered articles hold, sorted, if there are any.
    pub(super) fn check_errors(&self, now: i64) -> std::result::Result<(), Errors> {
        debug_assert_eq!(self.failing, self.scan_failing());
        let mut errors: Vec<Error> = self.intro_errors.iter().map(clone_error).collect();
        for path in &self.failing {
            match (self.sources.get(path), self.entries.get(path)) {
                (Some(Err(e)), _) => errors.extend(e.iter().map(clone_error)),
                (Some(Ok(article)), Some(Err(e))) if self.is_published(article, now) => {
                    errors.extend(e.iter().map(clone_error))
                }
                _ => {}
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
    pub(super) fn site(&self) -> std::result::Result<Site, Errors> {
        let now = Date::now().unix_seconds();
        self.check_errors(now)?;
        self.assemble(now)
    }

    /// A new site from every published entry (the sources are known to be free of errors).
    pub(super) fn assemble(&self, now: i64) -> std::result::Result<Site, Errors> {
        Site::with_intros(
            self.config.clone(),
            self.published(now),
            self.intros.clone(),
        )
        .map_err(|e| Errors(e).sorted())
    }

    /// The entries of the published articles, in path order.
    pub(super) fn published(&self, now: i64) -> Vec<Arc<Entry>> {
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
pub(super) enum Sources {
    /// Kept, for `watch` and `serve` to render again when a link target moves.
    Keep,
    /// Dropped once rendered, for a single build.
    DropWhenRendered,
}

/// A temporary file for the rendered bodies beside the output folder (which may not exist yet),
/// on the disk that must hold them anyway (the system's temporary folder may be a small RAM
/// disk). Without one the bodies stay in memory: more memory, not a failed build.
fn spool_beside(output: &Path) -> Option<Arc<Spool>> {
    let output = std::path::absolute(output).ok()?;
    Spool::new(output.parent()?).ok()
}

/// Renders the Markdown of an article as the load stage reads it, when its links need no link
/// targets ([`markdown::render_alone`]), and drops its body either way: the article as the store
/// keeps it, and its entry if it was rendered.
fn render_as_read(
    root: &Path,
    mut article: Article,
    config: &Config,
    spool: &Option<Arc<Spool>>,
) -> (Arc<Article>, Option<EntryOrErrors>) {
    let rendered = markdown::render_alone(&article, &config.base_url, &config.markdown);
    article.body = String::new();
    let article = Arc::new(article);
    let entry = rendered.map(|rendered| {
        let mut entry = entry_of(root, &article, rendered);
        spool_body(spool, &mut entry);
        entry
    });
    (article, entry)
}

/// Moves a new entry's HTML into the spool, if there is one.
fn spool_body(spool: &Option<Arc<Spool>>, entry: &mut EntryOrErrors) {
    if let (Some(spool), Ok(entry)) = (spool, entry) {
        // After the fingerprint is taken: it hashes the HTML, not where it went.
        if let Some(entry) = Arc::get_mut(entry) {
            entry.rendered.spool_body(spool);
        }
    }
}

/// Renders the Markdown of an article loaded without its body: the body is read again, and
/// dropped once rendered.
fn render_reread(
    root: &Path,
    article: &mut Arc<Article>,
    targets: &LinkTargets,
    config: &crate::config::MarkdownConfig,
) -> std::result::Result<markdown::Rendered, Vec<Error>> {
    let body = content::reread_body(root, article)?;
    match Arc::get_mut(article) {
        // No entry shares the article yet: the body comes and goes in place.
        Some(article) => {
            article.body = body;
            let rendered = markdown::render(article, targets, config);
            article.body = String::new();
            rendered
        }
        None => {
            let mut copy = Article::clone(article);
            copy.body = body;
            markdown::render(&copy, targets, config)
        }
    }
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

/// Where a file under `content/` lands: the same place relative to the output.
pub(super) fn content_output_path(file: &Path) -> String {
    file.strip_prefix("content")
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/")
}
