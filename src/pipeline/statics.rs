//! The files a build copies as they are, and the check that every output path has one source.
//!
//! Input: the pipeline's theme, the site's `static/` (walked afresh each build) and its content
//! files; then the render plan. Output: the files to copy, by output path, or an error for each
//! file that must not be published ([`trust::active_problem`]) and each output path claimed twice
//! or reserved ([`claims::check`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Pipeline;
use crate::claims::{self, Claimant};
use crate::config::display_root_path;
use crate::content::trust::{self, Origin};
use crate::content::walk;
use crate::error::{Error, Errors};
use crate::render::Page;
use crate::render::templates::StaticSource;
use crate::site::Site;

/// The files copied as they are.
#[derive(Debug, Default)]
pub(super) struct Statics {
    /// By output path: theme files, the site's `static/` over them, then content files.
    pub files: BTreeMap<String, StaticSource>,
    /// Content files whose output path a `static/` or theme file also has (reported by the
    /// claims check, which names both).
    pub doubled: Vec<(String, StaticSource)>,
    /// Things skipped that the user should know about.
    pub warnings: Vec<String>,
    /// Files that must not be published, each with why.
    pub errors: Vec<Error>,
}

impl Pipeline {
    /// The files to copy: the theme's static files, the site's `static/` over them (a site may
    /// replace its theme's `style.css`, as in Hugo and Zola), then the content files, with an
    /// error for every file that would publish script or steer the web host.
    pub(super) fn statics(&self) -> Statics {
        let root = &self.options.root;
        let security = &self.config.security;
        let mut statics = Statics {
            files: self.theme.statics.clone(),
            ..Statics::default()
        };
        let found = walk::walk(root, "static");
        statics.warnings = found.warnings;
        let content = self.content_files.iter().map(|f| (f, Origin::Content));
        for (file, origin) in found
            .files
            .iter()
            .map(|f| (f, Origin::Static))
            .chain(content)
        {
            let output = match origin {
                Origin::Static => file.strip_prefix("static").unwrap_or(file),
                Origin::Content => file.strip_prefix("content").unwrap_or(file),
            };
            let output = output.to_string_lossy().replace('\\', "/");
            let display = display_root_path(root, file);
            let read = || std::fs::read(root.join(file));
            if let Some(error) = trust::active_problem(&display, &output, origin, security, read) {
                statics.errors.push(error);
            }
            let source = StaticSource::File(file.clone());
            if origin == Origin::Content && statics.files.contains_key(&output) {
                statics.doubled.push((output, source));
            } else {
                statics.files.insert(output, source);
            }
        }
        statics
    }

    /// The files to copy, or every error in them and in the claims on output paths.
    pub(super) fn checked_statics(&self, site: &Site, plan: &[Page]) -> Result<Statics, Errors> {
        let mut statics = self.statics();
        let mut errors = std::mem::take(&mut statics.errors);
        errors.extend(self.check_claims(site, plan, &statics));
        if errors.is_empty() {
            Ok(statics)
        } else {
            Err(Errors(errors).sorted())
        }
    }

    /// Every output path has one source, and none takes a path newsprint keeps for itself (see
    /// [`claims`]); the errors if not.
    pub(super) fn check_claims(&self, site: &Site, plan: &[Page], statics: &Statics) -> Vec<Error> {
        let root = &self.options.root;
        let shown = |file: &Path| -> PathBuf { display_root_path(root, file) };
        let files: Vec<(&str, PathBuf)> = statics
            .files
            .iter()
            .chain(statics.doubled.iter().map(|(p, s)| (p, s)))
            .filter_map(|(path, source)| match source {
                StaticSource::File(file) => Some((path.as_str(), shown(file))),
                StaticSource::Embedded(_) => None,
            })
            .collect();
        let mut all: Vec<(&str, Claimant)> = Vec::with_capacity(plan.len() + files.len());
        for page in plan {
            let claimant = match page.kind {
                crate::render::PageKind::Article(index) => {
                    Claimant::Article(&site.entries[index].article.display_path)
                }
                kind => Claimant::Generated(kind.describe()),
            };
            all.push((page.path.as_str(), claimant));
        }
        for (path, source) in &statics.files {
            if matches!(source, StaticSource::Embedded(_)) {
                all.push((path.as_str(), Claimant::BuiltIn));
            }
        }
        all.extend(
            files
                .iter()
                .map(|(path, file)| (*path, Claimant::File(file))),
        );
        claims::check(&all)
    }
}
