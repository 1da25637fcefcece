//! `newsprint check`: the whole site rendered in memory, every internal link verified.
//!
//! Input: a loaded [`Store`]. Output: a report (with a warning for each article that still
//! holds `newsprint new`'s placeholder), or every link from a template or raw HTML that points
//! into the site at a page or file it does not have, and every link to a `#fragment` that its
//! target page has no element for. Nothing is written.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::time::Instant;

use rayon::prelude::*;

use super::Report;
use super::store::Store;
use crate::date::Date;
use crate::error::{Diagnostic, Error, Errors, Position};
use crate::render::views::ViewCache;
use crate::render::{Page, PageKind, Renderer};
use crate::site::Site;

impl Store {
    /// Renders every page in memory and checks that each internal link and image resolves to a
    /// page or file of the site. Writes nothing.
    pub(super) fn check(&self) -> std::result::Result<Report, Errors> {
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
        // The image variants a build would write (planned from headers: `check` decodes nothing).
        let variants: Vec<String> = super::images::jobs(&self.targets.images, &statics)
            .iter()
            .flat_map(|job| job.outputs().map(str::to_string).collect::<Vec<_>>())
            .collect();
        let known: BTreeSet<&str> = plan
            .iter()
            .map(|p| p.path.as_str())
            .chain(statics.keys().map(String::as_str))
            .chain(variants.iter().map(String::as_str))
            .collect();
        let base = self.config.base_url.as_str();
        let pages: Vec<PageLinks> = plan
            .par_iter()
            .map(|page| match renderer.render(page, &plan) {
                Err(error) => PageLinks::failed(self.theme.name_files(error)),
                Ok(bytes) if page.path.ends_with(".html") => {
                    PageLinks::read(page, &String::from_utf8_lossy(&bytes), base, &known)
                }
                Ok(_) => PageLinks::default(),
            })
            .collect();
        let ids: HashMap<&str, &HashSet<String>> = plan
            .iter()
            .zip(&pages)
            .map(|(page, links)| (page.path.as_str(), &links.ids))
            .collect();
        let mut errors = Vec::new();
        for (page, links) in plan.iter().zip(&pages) {
            errors.extend(links.errors.iter().map(super::clone_error));
            for link in &links.fragments {
                if ids
                    .get(link.target.as_str())
                    .is_some_and(|ids| !ids.contains(&link.id))
                {
                    errors.push(missing_fragment(&site, page, link));
                }
            }
        }
        if !errors.is_empty() {
            return Err(Errors(errors).sorted());
        }
        let placeholders = self.sources.values().filter_map(|source| {
            let article = source.as_ref().ok()?;
            let line = article.placeholder_line()?;
            Some(format!(
                "{}:{line}: still holds `{}`, the placeholder `newsprint new` wrote; replace it \
                 with the story",
                article.display_path.display(),
                crate::content::article::PLACEHOLDER
            ))
        });
        let warnings = warnings
            .into_iter()
            .chain(placeholders)
            .chain(missing_strings(&self.config, &self.theme.strings));
        Ok(Report {
            articles: site.entries.len(),
            rendered: plan.len(),
            warnings: self.warnings.iter().cloned().chain(warnings).collect(),
            elapsed: started.elapsed(),
            ..Report::default()
        })
    }
}

/// What one rendered page holds for the link check.
#[derive(Default)]
struct PageLinks {
    /// Links into the site at nothing it has, or the page's render error.
    errors: Vec<Error>,
    /// The page's element ids.
    ids: HashSet<String>,
    /// Its links to a fragment of a page of the site (itself included).
    fragments: Vec<FragmentLink>,
}

/// A link to `#id` on the page at output path `target`.
struct FragmentLink {
    link: String,
    target: String,
    id: String,
}

impl PageLinks {
    fn failed(error: Error) -> PageLinks {
        PageLinks {
            errors: vec![error],
            ..PageLinks::default()
        }
    }

    fn read(page: &Page, html: &str, base: &str, known: &BTreeSet<&str>) -> PageLinks {
        // Pages link into the site root-relative (`/digest/tags/x/`): checked as the absolute
        // URL a browser makes of them.
        let scheme_end = base.find("://").map_or(0, |at| at + 3);
        let origin = base[scheme_end..]
            .find('/')
            .map_or(base, |at| &base[..scheme_end + at]);
        let links: Vec<String> = crate::render::links::links(html)
            .into_iter()
            .map(
                |link| match link.starts_with('/') && !link.starts_with("//") {
                    true => format!("{origin}{link}"),
                    false => link,
                },
            )
            .collect();
        let fragments = links
            .iter()
            .filter_map(|link| fragment_link(&page.path, link, base))
            .collect();
        PageLinks {
            errors: broken_links(&page.path, &links, base, known),
            ids: crate::render::links::ids(html).into_iter().collect(),
            fragments,
        }
    }
}

/// The page and id `link`, found on the page at `page`, points at, if it points at a fragment
/// of a page of the site. `#` and `#top` are left out: browsers take them to the page's top.
fn fragment_link(page: &str, link: &str, base: &str) -> Option<FragmentLink> {
    let (path, fragment) = link.split_once('#')?;
    let target = if path.is_empty() {
        page.to_string()
    } else {
        output_path(path.strip_prefix(base)?)
    };
    let id = crate::url::percent_decode(fragment).unwrap_or_else(|| fragment.to_string());
    if id.is_empty() || id.eq_ignore_ascii_case("top") {
        return None;
    }
    Some(FragmentLink {
        link: link.to_string(),
        target,
        id,
    })
}

/// The output file a site path (after the base URL, before any `#` or `?`) is served from.
fn output_path(inside: &str) -> String {
    let path = inside.split(['#', '?']).next().unwrap_or_default();
    let path = crate::url::percent_decode(path).unwrap_or_else(|| path.to_string());
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    }
}

/// The error for a link to an id its target page does not have: at the line of the article's
/// Markdown that holds it, when the page is an article's.
fn missing_fragment(site: &Site, page: &Page, link: &FragmentLink) -> Error {
    let message = format!(
        "link `{}` points at `#{}`, but `{}` has no element with that id",
        link.link, link.id, link.target
    );
    let help = "link to a heading by its id (`## Talks resume` has `#talks-resume`) or add the id";
    let PageKind::Article(index) = page.kind else {
        let path = format!("(output) {}", page.path);
        return Diagnostic::file(path, message).with_help(help).into();
    };
    let article = &site.entries[index].article;
    let needle = format!("#{}", link.link.split_once('#').map_or("", |(_, f)| f));
    let found = article.body.lines().enumerate().find_map(|(index, line)| {
        let column = line.find(&needle)?;
        Some((index, line, column))
    });
    let Some((index, line, column)) = found else {
        return Diagnostic::file(&article.display_path, message)
            .with_help(help)
            .into();
    };
    let line_number = article.body_line + index;
    let mut text = "\n".repeat(line_number - 1);
    text.push_str(line);
    let position = Position {
        line: line_number,
        column: line[..column].chars().count() + 1,
    };
    Diagnostic::at(
        &article.display_path,
        &text,
        position,
        needle.chars().count(),
        message,
    )
    .with_help(help)
    .into()
}

/// The links of one rendered page that point into the site but at nothing it has.
fn broken_links(page: &str, links: &[String], base: &str, known: &BTreeSet<&str>) -> Vec<Error> {
    let mut errors = Vec::new();
    for link in links {
        let Some(inside) = link.strip_prefix(base) else {
            continue;
        };
        let target = output_path(inside);
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

/// A warning for each language of the site whose theme strings lack keys the English ones
/// have: those show in the default language (or English) on its pages.
fn missing_strings(config: &crate::config::Config, strings: &crate::i18n::Strings) -> Vec<String> {
    config
        .language_codes()
        .into_iter()
        .filter_map(|code| {
            let missing = strings.missing(code);
            if missing.is_empty() {
                return None;
            }
            let keys: Vec<String> = missing.iter().map(|key| format!("`{key}`")).collect();
            Some(format!(
                "theme strings: no `{code}` text for {}: add them to i18n/{code}.yaml (pages show the default language's text meanwhile)",
                keys.join(", ")
            ))
        })
        .collect()
}
