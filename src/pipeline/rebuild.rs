//! `newsprint build` into an output an earlier build left: only the pages whose fingerprint
//! changed are rendered, only the files whose bytes changed are written.
//!
//! Input: the [`Store`](super::store::Store) and the manifest the last build saved
//! ([`Manifest::load`], beside the output folder). Output: a new output staged and swapped in
//! as a full build's is, where the changed files are written and the others are hard links to
//! the previous output's (same bytes, same modification time), and a [`Report`] saying how many
//! pages were rendered and files written of how many; or every error found with the output as it
//! was. A page whose fingerprint the manifest holds, saved under the same
//! [build key](super::build_key) (same executable, config, theme, options), has the same bytes
//! and is linked without rendering; with another key, or a manifest of format 1, every page is
//! rendered (a full build is the case where no page is reusable). Every article's Markdown is
//! still converted, as a fresh build does: its result is what the fingerprints hash, and its
//! link errors are reported exactly as a fresh build reports them. A CI job that restores the
//! output folder from a cache (`actions/cache`) thus renders and writes, and a host that syncs
//! only changed files uploads, only what a change touched. When the output is not what the
//! manifest describes (a file changed or removed behind its back, another version's
//! manifest), the build is full.

use std::collections::HashMap;
use std::time::Instant;

use rayon::prelude::*;

use super::images::{self, Made};
use super::manifest::Manifest;
use super::publish::{add_variants, read_static};
use super::trace::Trace;
use super::{Pipeline, Report, clone_error};
use crate::date::Date;
use crate::error::{Errors, Result};
use crate::render::{Page, Renderer};
use crate::site::Site;

impl Pipeline {
    /// Rebuilds in place when the output holds a manifest that still describes it; `None` when
    /// it does not (then the caller builds everything, staged and swapped in).
    pub(super) fn publish_changed(&mut self) -> Option<std::result::Result<Report, Errors>> {
        let trace = Trace::start();
        let output = self.output.path.clone();
        if !output.join(crate::output::MARKER).is_file() {
            return None;
        }
        let lock = match self
            .output
            .lock()
            .and_then(|lock| Ok((lock, self.output.recover()?)))
        {
            Ok((lock, ())) => lock,
            Err(error) => return Some(Err(error.into())),
        };
        let manifest = match Manifest::load(&output, &self.output.manifest()) {
            Ok(Some(manifest)) => manifest,
            Ok(None) => return None,
            Err(reason) => {
                self.store.warnings.push(format!(
                    "building every file: the output folder {} is not as the last build left it ({reason})",
                    output.display()
                ));
                return None;
            }
        };
        trace.mark("manifest");
        let report = self.publish_in_place(manifest);
        drop(lock);
        Some(report)
    }

    fn publish_in_place(&mut self, manifest: Manifest) -> std::result::Result<Report, Errors> {
        let started = Instant::now();
        let trace = Trace::start();
        let now = Date::now();
        self.store.check_errors(now.unix_seconds())?;
        let published = self.store.published(now.unix_seconds());
        let site = Site::with_intros(
            self.store.config.clone(),
            published,
            self.store.intros.clone(),
        )
        .map_err(|errors| Errors(errors).sorted())?;
        trace.mark("site");
        let mut renderer = Renderer::new(&site, &self.store.theme, now, &self.views);
        let plan = renderer.plan();
        let stale = stale_pages(&plan, &manifest, self.build_key);
        // The process ends after this build: nothing is kept for a next one.
        renderer.drop_values_after_use(&stale);
        let order = renderer.render_order(&stale);
        trace.mark("plan");
        let mut statics = self.store.statics();
        let mut errors = self.store.check_claims(&site, &plan, &statics);
        errors.extend(statics.errors.iter().map(clone_error));
        if !errors.is_empty() {
            return Err(Errors(errors).sorted());
        }
        let root = &self.store.options.root;
        let quality = self.store.config.images.quality;
        let jobs = images::jobs(&self.store.targets.images, &statics.files);
        let made: Vec<Made> = jobs
            .par_iter()
            .with_max_len(1)
            .map(|job| images::make(root, job, quality))
            .collect();
        drop(jobs);
        let images_resized = made.iter().filter(|m| m.decoded).count();
        add_variants(&mut statics.files, &mut statics.warnings, made);
        // Only the bytes that differ from the manifest's are kept for writing: a stale
        // fingerprint may still render the same bytes.
        let changed = |path: &str, bytes: Vec<u8>| {
            let same = manifest.hash_of(path) == Some(Manifest::hash(&bytes));
            Ok((!same).then_some(bytes))
        };
        let results: Vec<Result<Option<Vec<u8>>>> = order
            .par_iter()
            .with_max_len(crate::MAX_ITEMS_PER_TASK)
            .map(|page| changed(&page.path, renderer.render(page, &plan)?))
            .chain(
                statics
                    .files
                    .par_iter()
                    .map(|(path, source)| changed(path, read_static(root, source)?)),
            )
            .collect();
        let rendered_paths: Vec<&str> = order
            .iter()
            .map(|page| page.path.as_str())
            .chain(statics.files.keys().map(String::as_str))
            .collect();
        let mut changed = HashMap::new();
        for (path, result) in rendered_paths.iter().zip(results) {
            match result {
                Ok(Some(bytes)) => {
                    changed.insert(*path, bytes);
                }
                Ok(None) => {}
                Err(error) => errors.push(self.store.theme.name_files(error)),
            }
        }
        errors.extend(self.store.spool_error());
        if !errors.is_empty() {
            return Err(Errors(errors).sorted());
        }
        trace.mark("render");
        // A new output staged and swapped in as a full build's is (an interrupted build leaves
        // the old one whole): the changed files written, the others linked from the old output.
        let out = self.output.path.clone();
        let paths: Vec<&str> = plan
            .iter()
            .map(|page| page.path.as_str())
            .chain(statics.files.keys().map(String::as_str))
            .collect();
        let staging = self.output.stage()?;
        let staged: Vec<Result<u64>> = paths
            .par_iter()
            .with_max_len(crate::MAX_ITEMS_PER_TASK)
            .map(|path| match changed.get(path) {
                Some(bytes) => {
                    staging.write(path, bytes)?;
                    Ok(Manifest::hash(bytes))
                }
                None => {
                    staging.link(path, &crate::output::safe_join(&out, path)?)?;
                    Ok(manifest.hash_of(path).unwrap_or_default())
                }
            })
            .collect();
        let mut hashes = HashMap::with_capacity(paths.len());
        for (path, result) in paths.iter().zip(staged) {
            match result {
                Ok(hash) => {
                    hashes.insert(path.to_string(), hash);
                }
                Err(error) => errors.push(error),
            }
        }
        if !errors.is_empty() {
            staging.abandon();
            return Err(Errors(errors).sorted());
        }
        let removed = manifest
            .paths()
            .filter(|path| !hashes.contains_key(path.as_str()))
            .count();
        trace.mark("link");
        let size = staging.size();
        staging.commit()?;
        trace.mark("commit");
        let written = changed.len();
        let mut manifest = Manifest::sealed(&out, hashes);
        if let Some(key) = self.build_key {
            manifest.remember_pages(key, &plan);
        }
        let mut warnings = std::mem::take(&mut self.store.warnings);
        warnings.extend(statics.warnings);
        if let Err(error) = manifest.save(&out, &self.output.manifest()) {
            warnings.push(format!(
                "could not save the manifest in {} ({error}): the next build writes every file",
                out.display()
            ));
        }
        trace.mark("manifest");
        // The process ends next: freeing every article value would only delay the exit.
        std::mem::forget(renderer);
        let articles = site.entries.len();
        std::mem::forget(site);
        Ok(Report {
            articles,
            rendered: order.len(),
            pages: plan.len(),
            written,
            removed,
            files: manifest.len(),
            elapsed: started.elapsed(),
            warnings,
            images_resized,
            size: Some(size),
        })
    }
}

/// The pages to render: those whose fingerprint differs from the one the output holds for
/// `key`, or all of them when the manifest holds none for it. A page kept must be a file the
/// manifest knows.
fn stale_pages(plan: &[Page], manifest: &Manifest, key: Option<u64>) -> Vec<Page> {
    let Some(last) = manifest.fingerprints(key) else {
        return plan.to_vec();
    };
    plan.iter()
        .filter(|page| {
            last.get(&page.path) != Some(&page.fingerprint)
                || manifest.hash_of(&page.path).is_none()
        })
        .cloned()
        .collect()
}
