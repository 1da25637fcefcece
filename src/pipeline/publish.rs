//! The publish step: the one way the output changes.
//!
//! Input: the [`Store`](super::store::Store) and what a change made dirty. Output: the written
//! site and a [`Report`], or every error found with nothing written. The pages are planned, every
//! dirty page is rendered into memory, and only when all of them rendered does anything reach
//! the output. A full build is the case where everything is dirty: it renders into a staging
//! folder that is swapped into place whole. An update writes in place, each file atomically, only
//! the files whose bytes differ from the [`Manifest`]; when the output is not the one the
//! manifest describes (removed, or replaced by another build), the update is a full build.
//! Image variants ([`images`](super::images)) are files copied like the others: a full build
//! makes them (or finds them in the cache) beside the pages it renders; an update makes only
//! those of images that changed or are new.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use super::images::{self, Made};
use super::manifest::Manifest;
use super::statics::Statics;
use super::trace::Trace;
use super::{Change, Pipeline, Report, clone_error};
use crate::content::trust;
use crate::date::Date;
use crate::error::{Error, Errors, Result};
use crate::output;
use crate::render::templates::StaticSource;
use crate::render::{NextPlan, Page, Plan, Renderer};
use crate::site::{Edit, Entry, Site};

/// What a full build keeps once written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Keep {
    /// What the next update needs: the site, the views, the manifest.
    ForUpdates,
    /// Nothing in memory, as the process ends next; the manifest is saved in the output for the
    /// next `newsprint build` ([`Pipeline::publish_changed`]) beside it.
    Nothing,
}

impl Pipeline {
    /// Builds everything into a staging folder and swaps it into place, and keeps what
    /// [`Pipeline::update`] needs to rebuild only what a change touches.
    pub fn build_full(&mut self) -> std::result::Result<Report, Errors> {
        self.publish_all(Keep::ForUpdates)
    }

    /// `newsprint build`: [`Pipeline::build_full`] in a process that ends next, so nothing is
    /// kept for a next build and nothing is freed: the OS takes the memory back at once, and
    /// learning and freeing every article value would keep one core busy at the end.
    ///
    /// Into an output whose saved manifest still describes it, it renders only the pages whose
    /// fingerprint changed and writes only the files whose bytes changed
    /// ([`Pipeline::publish_changed`]).
    pub fn build_once(mut self) -> std::result::Result<Report, Errors> {
        let trace = Trace::start();
        self.build_key = super::build_key::build_key(&self.store.options, &self.store.config);
        trace.mark("build key");
        let report = match self.publish_changed() {
            Some(report) => report,
            None => self.publish_all(Keep::Nothing),
        };
        std::mem::forget(self);
        report
    }

    /// Applies a change and publishes it, rewriting only what changed. When the update fails,
    /// nothing is written, and the change is published with the next one.
    pub fn update(&mut self, change: &Change) -> std::result::Result<Report, Errors> {
        let mut change_now = std::mem::take(&mut self.pending);
        change_now.theme |= change.theme;
        change_now.files.extend(change.files.iter().cloned());
        let result = self.publish_change(&change_now);
        if result.is_err() {
            self.pending = change_now;
        }
        result
    }

    fn publish_change(&mut self, change: &Change) -> std::result::Result<Report, Errors> {
        let trace = Trace::start();
        let started = Instant::now();
        let dirty = self.store.apply(change)?;
        if dirty.theme {
            // Every page may look different now; the manifest still avoids needless writes.
            self.plan.clear();
            self.views.forget_theme();
        }
        trace.mark("read");
        // Taken: a failed update must not leave a site that no longer matches the store.
        let last = self.site.take();
        let (site, edit) = self.next_site(last, &dirty.touched)?;
        trace.mark("site");
        if !self.manifest.holds(&self.output.path) {
            // Removed or replaced behind our back: patching it would mix two sites.
            return self.publish_all(Keep::ForUpdates);
        }
        let mut statics = self.store.statics();
        let _lock = self.output.lock()?;
        let renderer = Renderer::new(&site, &self.store.theme, Date::now(), &self.views);
        let next = renderer.next_plan(&self.plan, edit.as_ref());
        let plan = next.pages(&self.plan);
        trace.mark("plan");
        // Claims on output paths change only when URLs move, files come or go or the theme
        // changes; an edit that keeps every URL skips the check.
        let files_changed = dirty.theme
            || dirty
                .files
                .iter()
                .any(|path| path.starts_with("static") || !trust::is_article(path));
        let mut errors = Vec::new();
        if !(edit.is_some() && !files_changed && self.claims_hold) {
            self.claims_hold = false;
            errors = self.store.check_claims(&site, plan, &statics);
            self.claims_hold = errors.is_empty();
        }
        errors.extend(statics.errors.iter().map(clone_error));
        if !errors.is_empty() {
            return Err(Errors(errors).sorted());
        }
        let images_resized = self.refresh_variants(&mut statics, &dirty.files);
        let edited = edited_pages(&site, edit.as_ref(), &dirty.touched);
        let last = Published::new(&self.plan.pages, plan);
        let changed = |at: usize, fingerprint: u64| {
            let page = &plan[at];
            (last.fingerprint(at, page) != Some(fingerprint) || edited.contains(&page.path))
                .then_some(page)
        };
        let stale: Vec<&Page> = match &next {
            NextPlan::Patched(patch) => {
                patch.iter().filter_map(|&(at, f)| changed(at, f)).collect()
            }
            NextPlan::New(_) => (0..plan.len())
                .filter_map(|at| changed(at, plan[at].fingerprint))
                .collect(),
        };
        let rendered_count = stale.len();
        let rendered: Vec<_> = stale
            .par_iter()
            .map(|page| {
                let started = Instant::now();
                let bytes = renderer.render(page, plan);
                (
                    bytes.map(|bytes| (page.path.as_str(), bytes)),
                    started.elapsed(),
                )
            })
            .collect();
        trace.slowest(
            rendered
                .iter()
                .zip(&stale)
                .map(|((_, took), page)| (&page.path, *took)),
        );
        let rendered: Vec<_> = rendered.into_iter().map(|(result, _)| result).collect();
        let copies = self.changed_statics(&statics, &dirty.files, dirty.theme);
        let mut files = Vec::with_capacity(rendered.len() + copies.len());
        for result in rendered.into_iter().chain(copies) {
            match result {
                Ok(file) => files.push(file),
                Err(error) => errors.push(self.store.theme.name_files(error)),
            }
        }
        if !errors.is_empty() {
            return Err(Errors(errors).sorted());
        }
        trace.mark("render");
        // The edited articles' own pages first: that is what the writer is looking at.
        files.sort_by_key(|(path, _)| !edited.contains(*path));
        let written = write(&mut self.manifest, &self.output.path, &files)?;
        // The output holds the last plan's pages and copied files: when both are the same
        // paths again, nothing is gone.
        let same_files = last.same_paths() && statics.files.keys().eq(self.copied.keys());
        drop(files);
        let removed = match same_files {
            true => 0,
            false => remove_gone(&mut self.manifest, &self.output.path, plan, &statics)?,
        };
        trace.mark("write");
        let Statics {
            files: copied,
            warnings,
            ..
        } = statics;
        next.apply(&mut self.plan);
        self.copied = copied;
        self.store.warnings.extend(warnings);
        let report = Report {
            articles: site.entries.len(),
            rendered: rendered_count,
            pages: 0,
            written,
            removed,
            files: self.manifest.len(),
            elapsed: started.elapsed(),
            warnings: std::mem::take(&mut self.store.warnings),
            images_resized,
            size: None,
        };
        let fresh = renderer.fresh_views();
        let fresh_feed_entries = renderer.fresh_feed_entries();
        let fresh_edition_items = renderer.fresh_edition_items();
        let fresh_listed = renderer.fresh_listed();
        drop(renderer);
        self.views.learn(fresh);
        self.views.learn_listed(fresh_listed);
        self.views.learn_feed_entries(fresh_feed_entries);
        self.views.edition_items.learn(fresh_edition_items);
        self.views.retain(&site);
        self.site = Some(site);
        Ok(report)
    }

    /// Adds the image variants to `statics` for an update: images that changed (or whose
    /// variants the output lacks) are made again, the others reuse the last build's files.
    /// Returns how many images were decoded.
    fn refresh_variants(&self, statics: &mut Statics, files: &BTreeSet<PathBuf>) -> usize {
        let root = &self.store.options.root;
        let quality = self.store.config.images.quality;
        let copied = &self.copied;
        let jobs = images::jobs(&self.store.targets.images, &statics.files);
        let made: Vec<Made> = jobs
            .par_iter()
            .with_max_len(1)
            .map(|job| match images::reuse(job, copied) {
                Some(done) if !files.contains(job.file) => done,
                _ => images::make(root, job, quality),
            })
            .collect();
        drop(jobs);
        let resized = made.iter().filter(|m| m.decoded).count();
        add_variants(&mut statics.files, &mut statics.warnings, made);
        resized
    }

    /// The bytes of every copied file that may have changed: new ones, ones whose source
    /// changed, and all of them when the theme changed (its files may have been edited).
    fn changed_statics<'s>(
        &self,
        statics: &'s Statics,
        files: &BTreeSet<PathBuf>,
        theme: bool,
    ) -> Vec<Result<(&'s str, Vec<u8>)>> {
        let root = &self.store.options.root;
        statics
            .files
            .iter()
            .filter(|(path, source)| {
                theme
                    || self.copied.get(*path) != Some(source)
                    || matches!(source, StaticSource::File(file) if files.contains(file))
            })
            .map(|(path, source)| Ok((path.as_str(), read_static(root, source)?)))
            .collect()
    }

    /// The site after an update: the last one with the edited entries swapped in when nothing
    /// moved (same URLs, same dates, nothing added or removed), else a new one.
    /// Also says what the edit changed when it patched the last site (so every URL stayed).
    fn next_site(
        &self,
        last: Option<Site>,
        touched: &BTreeSet<PathBuf>,
    ) -> std::result::Result<(Site, Option<Edit>), Errors> {
        let store = &self.store;
        let now = Date::now().unix_seconds();
        store.check_errors(now)?;
        let mut edited = Vec::new();
        let reassembled = |site| Ok((site?, None));
        for path in touched.iter().filter(|p| trust::is_article(p)) {
            match (store.sources.get(path), store.entries.get(path)) {
                (Some(Ok(article)), Some(Ok(entry))) if store.is_published(article, now) => {
                    edited.push(entry.clone())
                }
                // Gone, unpublished or failed: the site changes shape.
                _ => return reassembled(store.assemble(now)),
            }
        }
        match last.and_then(|site| site.with_edits(&edited, &store.intros)) {
            Some((site, edit)) => Ok((site, Some(edit))),
            None => reassembled(store.assemble(now)),
        }
    }

    /// Publishes everything: renders into a staging folder and swaps it into place when every
    /// page rendered and every claim on an output path holds.
    fn publish_all(&mut self, keep: Keep) -> std::result::Result<Report, Errors> {
        let started = Instant::now();
        let trace = Trace::start();
        let now = Date::now();
        self.store.check_errors(now.unix_seconds())?;
        // Before the lock, whose file goes beside the output folder.
        self.output.claim(self.store.options.force)?;
        let _lock = self.output.lock()?;
        self.output.recover()?;
        let staging = self.output.stage()?;
        let published = self.store.published(now.unix_seconds());
        let folders: Vec<&str> = published
            .iter()
            .map(|entry| entry.article.url_path.as_str())
            .collect();
        let site = match self.assemble_beside(published.clone(), &staging, &folders) {
            Ok(site) => site,
            Err(errors) => {
                staging.abandon();
                return Err(errors);
            }
        };
        trace.mark("site");
        let mut renderer = Renderer::new(&site, &self.store.theme, now, &self.views);
        let plan = match keep {
            Keep::ForUpdates => renderer.plan_for_updates(),
            Keep::Nothing => {
                let plan = Plan::from(renderer.plan());
                renderer.drop_values_after_use(&plan.pages);
                plan
            }
        };
        trace.mark("plan");
        let statics = self.store.statics();
        if !statics.errors.is_empty() {
            staging.abandon();
            return Err(self
                .store
                .checked_statics(&site, &plan.pages)
                .err()
                .unwrap_or_default());
        }
        let order = renderer.render_order(&plan.pages);
        let jobs = images::jobs(&self.store.targets.images, &statics.files);
        // The claims on output paths are checked while the pages render into the staging
        // folder, which is thrown away if any claim fails: on one core they kept the other idle.
        // Images are resized on the same cores as pages render: the largest first, each one a
        // task of its own, so a slow decode runs beside pages rather than after them.
        let root = &self.store.options.root;
        let quality = self.store.config.images.quality;
        let (claimed, (made, results)): (_, (Vec<ImageCopies>, Vec<Result<u64>>)) = rayon::join(
            || self.store.check_claims(&site, &plan.pages, &statics),
            || {
                rayon::join(
                    || {
                        jobs.par_iter()
                            .with_max_len(1)
                            .map(|job| make_into(&staging, root, job, quality))
                            .collect()
                    },
                    || {
                        let pages = in_order(&order, |page| {
                            let bytes = renderer.render(page, &plan.pages)?;
                            staging.write(&page.path, &bytes)?;
                            Ok(Manifest::hash(&bytes))
                        });
                        let files: Vec<Result<u64>> = statics
                            .files
                            .par_iter()
                            .map(|(path, source)| copy_static(&staging, root, path, source))
                            .collect();
                        pages.into_iter().chain(files).collect()
                    },
                )
            },
        );
        drop(jobs);
        let mut hashes = Vec::with_capacity(results.len());
        let mut errors = Vec::new();
        for result in results {
            match result {
                Ok(hash) => hashes.push(hash),
                Err(error) => errors.push(self.store.theme.name_files(error)),
            }
        }
        // Each variant's output path and hash, for the manifest.
        let mut variant_hashes = Vec::new();
        let mut images = Vec::with_capacity(made.len());
        for (done, copied) in made {
            match copied {
                Ok(hashes) => {
                    let paths = done.variants.iter().map(|(path, _)| path.clone());
                    variant_hashes.extend(paths.zip(hashes));
                    images.push(done);
                }
                Err(error) => errors.push(error),
            }
        }
        errors.extend(self.store.spool_error());
        if !claimed.is_empty() || !errors.is_empty() {
            staging.abandon();
            // A clash explains the write errors it causes (a file where a folder must go).
            let shown = if claimed.is_empty() { errors } else { claimed };
            return Err(Errors(shown).sorted());
        }
        trace.mark("render");
        let size = staging.size();
        staging.commit()?;
        trace.mark("commit");
        let Statics {
            files: mut copied,
            mut warnings,
            ..
        } = statics;
        // The manifest's paths in the order their hashes were collected: pages, then files.
        let paths: Vec<String> = order
            .iter()
            .map(|page| page.path.clone())
            .chain(copied.keys().cloned())
            .collect();
        let images_resized = images.iter().filter(|m| m.decoded).count();
        add_variants(&mut copied, &mut warnings, images);
        self.store.warnings.extend(warnings);
        let mut report = Report {
            articles: site.entries.len(),
            rendered: plan.pages.len(),
            pages: plan.pages.len(),
            written: plan.pages.len() + copied.len(),
            removed: 0,
            files: 0,
            elapsed: started.elapsed(),
            warnings: std::mem::take(&mut self.store.warnings),
            images_resized,
            size: Some(size),
        };
        let files = paths.into_iter().zip(hashes).chain(variant_hashes);
        self.manifest = Manifest::sealed(&self.output.path, files.collect());
        if let Some(key) = self.build_key {
            self.manifest.remember_pages(key, &plan.pages);
        }
        report.files = report.written;
        if let Err(error) = self
            .manifest
            .save(&self.output.path, &self.output.manifest())
        {
            // The site is built; only the next build's shortcut is lost.
            report.warnings.push(format!(
                "could not save the manifest in {} ({error}): the next build writes every file",
                self.output.path.display()
            ));
        }
        if keep == Keep::Nothing {
            // Its article values are the bulk of the memory; freeing them would only delay the exit.
            std::mem::forget(renderer);
            return Ok(report);
        }
        let fresh = renderer.fresh_views();
        let fresh_feed_entries = renderer.fresh_feed_entries();
        let fresh_edition_items = renderer.fresh_edition_items();
        let fresh_listed = renderer.fresh_listed();
        drop(renderer);
        self.views.learn(fresh);
        self.views.learn_listed(fresh_listed);
        self.views.learn_feed_entries(fresh_feed_entries);
        self.views.edition_items.learn(fresh_edition_items);
        self.views.retain(&site);
        self.plan = plan;
        self.copied = copied;
        self.site = Some(site);
        self.claims_hold = true;
        self.pending = Change::default();
        Ok(report)
    }

    /// The site from `published`, assembled on one core while the other makes the article
    /// folders in the staging folder.
    fn assemble_beside(
        &self,
        published: Vec<Arc<Entry>>,
        staging: &output::Staging,
        folders: &[&str],
    ) -> std::result::Result<Site, Errors> {
        let (site, made) = rayon::join(
            || {
                Site::with_intros(
                    self.store.config.clone(),
                    published,
                    self.store.intros.clone(),
                )
            },
            || staging.folders(folders),
        );
        match (site, made) {
            (Ok(site), Ok(())) => Ok(site),
            (site, made) => {
                let mut errors = site.err().unwrap_or_default();
                errors.extend(made.err());
                Err(Errors(errors).sorted())
            }
        }
    }
}

/// Writes the files whose bytes the output does not hold yet, in parallel; returns how many.
/// A failed write leaves the output unknown: the next update is a full build.
pub(super) fn write(
    manifest: &mut Manifest,
    out: &Path,
    files: &[(&str, Vec<u8>)],
) -> std::result::Result<usize, Errors> {
    let todo: Vec<(&str, &[u8], u64)> = files
        .par_iter()
        .map(|(path, bytes)| (*path, bytes.as_slice(), Manifest::hash(bytes)))
        .filter(|(path, _, hash)| !manifest.unchanged(out, path, *hash))
        .collect();
    let results: Vec<Result<()>> = todo
        .par_iter()
        .map(|(path, bytes, _)| output::write_in_place(out, path, bytes))
        .collect();
    let mut errors = Vec::new();
    for ((path, _, hash), result) in todo.iter().zip(results) {
        match result {
            Ok(()) => manifest.record(path, *hash),
            Err(error) => errors.push(error),
        }
    }
    if !errors.is_empty() {
        manifest.break_seal();
        return Err(Errors(errors).sorted());
    }
    Ok(todo.len())
}

/// Removes what the output holds that the site no longer has; returns how many.
pub(super) fn remove_gone(
    manifest: &mut Manifest,
    out: &Path,
    plan: &[Page],
    statics: &Statics,
) -> std::result::Result<usize, Errors> {
    let keep: HashSet<&str> = plan
        .iter()
        .map(|p| p.path.as_str())
        .chain(statics.files.keys().map(String::as_str))
        .collect();
    let gone: Vec<String> = manifest
        .paths()
        .filter(|path| !keep.contains(path.as_str()))
        .cloned()
        .collect();
    for path in &gone {
        if let Err(error) = output::remove(out, path) {
            manifest.break_seal();
            return Err(error.into());
        }
        manifest.forget(path);
    }
    Ok(gone.len())
}

/// Pages a core takes at a time in [`in_order`]: enough to make taking them cost nothing, few
/// enough to keep the cores close together.
const PAGES_PER_TAKE: usize = 8;

/// `render` run on every page on all cores, each core taking the next [`PAGES_PER_TAKE`] pages of
/// `order` when it is free; the results in `order`'s order. The cores then move through the
/// order together, so a single build holds the article values of one stretch of it (split in
/// halves, as a parallel iterator splits it, two stretches were alive at once).
fn in_order(order: &[&Page], render: impl Fn(&Page) -> Result<u64> + Sync) -> Vec<Result<u64>> {
    let mut done: Vec<(usize, Result<u64>)> = order
        .chunks(PAGES_PER_TAKE)
        .enumerate()
        .par_bridge()
        .flat_map_iter(|(block, pages)| {
            let first = block * PAGES_PER_TAKE;
            (first..).zip(pages).map(|(at, page)| (at, render(page)))
        })
        .collect();
    done.sort_unstable_by_key(|(at, _)| *at);
    done.into_iter().map(|(_, result)| result).collect()
}

/// One image's variants made, and the hashes of their copies in the staging folder.
type ImageCopies = (Made, Result<Vec<u64>>);

/// Makes (or finds in the cache) one image's variants and copies them into the staging folder;
/// also returns each variant's hash, in the order of [`Made::variants`].
fn make_into(
    staging: &output::Staging,
    root: &Path,
    job: &images::Job,
    quality: u8,
) -> ImageCopies {
    let done = images::make(root, job, quality);
    let copied = done
        .variants
        .iter()
        .map(|(path, file)| {
            let source = StaticSource::File(file.clone());
            copy_static(staging, root, path, &source)
        })
        .collect();
    (done, copied)
}

/// Adds the variants of the images made to the files copied, and their warnings.
pub(super) fn add_variants(
    copied: &mut BTreeMap<String, StaticSource>,
    warnings: &mut Vec<String>,
    made: Vec<Made>,
) {
    for done in made {
        warnings.extend(done.warning);
        for (path, file) in done.variants {
            copied.insert(path, StaticSource::File(file));
        }
    }
}

/// The fingerprint each page had when last published.
struct Published<'a> {
    last: &'a [Page],
    /// By path, when the pages are not the same paths in the same order as last time.
    by_path: Option<HashMap<&'a str, u64>>,
}

impl<'a> Published<'a> {
    /// Compares by position when `plan` has the paths of `last` in the same order (an edit
    /// that moves no URL), else by path.
    fn new(last: &'a [Page], plan: &[Page]) -> Published<'a> {
        // A patched plan is the last one itself.
        let same = std::ptr::eq(last, plan)
            || last.len() == plan.len() && last.iter().zip(plan).all(|(a, b)| a.path == b.path);
        let by_path = (!same).then(|| {
            last.iter()
                .map(|page| (page.path.as_str(), page.fingerprint))
                .collect()
        });
        Published { last, by_path }
    }

    /// Whether the plan holds the same pages as last time.
    fn same_paths(&self) -> bool {
        self.by_path.is_none()
    }

    /// The last fingerprint of `page`, the plan's page number `at`.
    fn fingerprint(&self, at: usize, page: &Page) -> Option<u64> {
        match &self.by_path {
            None => Some(self.last[at].fingerprint),
            Some(by_path) => by_path.get(page.path.as_str()).copied(),
        }
    }
}

/// The output paths of the edited articles' pages: those at `edit`'s indexes, or, when the
/// site was assembled anew, those whose source is in `touched`.
fn edited_pages(site: &Site, edit: Option<&Edit>, touched: &BTreeSet<PathBuf>) -> HashSet<String> {
    let page = |entry: &Entry| format!("{}index.html", entry.article.url_path);
    if let Some(edit) = edit {
        return edit.at.iter().map(|&at| page(&site.entries[at])).collect();
    }
    // Compare bytes: `Path` comparison parses components, slow over 10,000 entries.
    let touched: Vec<&std::ffi::OsStr> = touched.iter().map(|p| p.as_os_str()).collect();
    site.entries
        .iter()
        .filter(|entry| touched.contains(&entry.article.path.as_os_str()))
        .map(|entry| page(entry))
        .collect()
}

pub(super) fn read_static(root: &Path, source: &StaticSource) -> Result<Vec<u8>> {
    match source {
        StaticSource::Embedded(bytes) => Ok(bytes.to_vec()),
        StaticSource::File(path) => {
            std::fs::read(root.join(path)).map_err(|e| Error::read(root.join(path), e))
        }
    }
}

/// Copies one file into the staging folder, through memory to hash it for the manifest.
fn copy_static(
    staging: &output::Staging,
    root: &Path,
    path: &str,
    source: &StaticSource,
) -> Result<u64> {
    let bytes = read_static(root, source)?;
    staging.write(path, &bytes)?;
    Ok(Manifest::hash(&bytes))
}
