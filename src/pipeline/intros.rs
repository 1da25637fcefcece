//! Edition intros in the pipeline: read from `content/editions/`, rendered like an article's
//! body (links resolved against the site's files), re-read when `watch` sees one change.
//!
//! Input: the intro files' load results and the link targets. Output: the [`Intros`] the next
//! site is built with, and every error found in them (reported with the articles' errors).

use std::path::Path;
use std::sync::Arc;

use super::store::Store;
use crate::content::{self, Intro};
use crate::error::Error;
use crate::markdown;
use crate::site::{IntroEntry, Intros};

impl Store {
    /// Re-reads one intro file (created, changed or removed).
    pub(super) fn reload_intro(&mut self, path: &Path) {
        let root = &self.options.root;
        match content::load_intro(root, path) {
            Some(result) => {
                self.intro_sources
                    .insert(path.to_path_buf(), result.map(Arc::new));
            }
            None => {
                self.intro_sources.remove(path);
            }
        }
    }

    /// Renders every intro's Markdown (there are few, and a moved link target may change any
    /// of them) and keeps the result and its errors.
    pub(super) fn render_intros(&mut self) {
        let mut intros = Intros::new();
        let mut errors = Vec::new();
        for source in self.intro_sources.values() {
            match source {
                Ok(intro) => match render_intro(intro, &self.targets, &self.config.markdown) {
                    Ok(rendered) => {
                        let entry = IntroEntry {
                            intro: intro.clone(),
                            rendered,
                        };
                        intros.insert(intro.id.clone(), Arc::new(entry));
                    }
                    Err(found) => errors.extend(found),
                },
                Err(found) => errors.extend(found.iter().map(super::clone_error)),
            }
        }
        self.intros = Arc::new(intros);
        self.intro_errors = errors;
    }

    /// Whether `path` is an intro the pipeline reads (not an article).
    pub(super) fn is_intro_path(path: &Path) -> bool {
        content::intro::is_intro(path)
    }
}

/// An intro's body as HTML, through the same Markdown stage as articles (a synthetic article
/// standing at the edition's URL, so relative links resolve as in an editor's preview).
fn render_intro(
    intro: &Intro,
    targets: &markdown::LinkTargets,
    config: &crate::config::MarkdownConfig,
) -> Result<markdown::Rendered, Vec<Error>> {
    markdown::render(&intro.as_article(), targets, config)
}
