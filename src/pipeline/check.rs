//! `Pipeline::check`: the whole site rendered in memory, every internal link verified.
//!
//! Input: a loaded [`Pipeline`]. Output: a report, or every link from a template or raw HTML that
//! points into the site at a page or file it does not have. Nothing is written.

use std::collections::BTreeSet;
use std::time::Instant;

use rayon::prelude::*;

use super::{Pipeline, Report};
use crate::date::Date;
use crate::error::{Diagnostic, Error, Errors};
use crate::render::Renderer;
use crate::render::views::ViewCache;

impl Pipeline {
    /// Renders every page in memory and checks that each internal link and image resolves to a
    /// page or file of the site. Writes nothing.
    pub fn check(&self) -> std::result::Result<Report, Errors> {
        let started = Instant::now();
        let site = self.site()?;
        let views = ViewCache::default();
        let renderer = Renderer::new(&site, &self.theme, Date::now(), &views);
        let plan = renderer.plan();
        let statics = self.checked_statics(&site, &plan)?;
        let super::statics::Statics {
            files: statics,
            warnings,
            ..
        } = statics;
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
}

/// The links of one rendered page that point into the site but at nothing it has.
fn broken_links(page: &str, html: &str, base: &str, known: &BTreeSet<&str>) -> Vec<Error> {
    let mut errors = Vec::new();
    for link in crate::render::links::links(html) {
        let Some(inside) = link.strip_prefix(base) else {
            continue;
        };
        let path = inside.split(['#', '?']).next().unwrap_or_default();
        let path = crate::url::percent_decode(path).unwrap_or_else(|| path.to_string());
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
