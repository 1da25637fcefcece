//! Alias collisions, checked in one place: an alias may not take the URL of a real page (an
//! article, a date archive page, a page of newsprint's own) nor another article's alias.
//!
//! Input: the site's articles (their aliases are output paths, `2025/03/old/index.html`) and
//! its archive. Output: every collision as an error naming both files, or nothing.

use std::collections::HashMap;
use std::sync::Arc;

use super::archive::Archive;
use super::{Entry, RESERVED};
use crate::content::Article;
use crate::error::{Diagnostic, Error};

/// Files newsprint writes at the root of the output, besides the home page.
const ROOT_FILES: &[&str] = &[
    "index.html",
    "404.html",
    "atom.xml",
    "rss.xml",
    "feed.json",
    "sitemap.xml",
    "news-sitemap.xml",
    "robots.txt",
    "CNAME",
    ".nojekyll",
];

/// Every alias that collides with a page or another alias, as an error.
pub fn check_aliases(entries: &[Arc<Entry>], archive: &Archive) -> Result<(), Vec<Error>> {
    if entries.iter().all(|entry| entry.article.aliases.is_empty()) {
        return Ok(());
    }
    let pages: HashMap<String, &Article> = entries
        .iter()
        .map(|entry| {
            (
                format!("{}index.html", entry.article.url_path),
                &*entry.article,
            )
        })
        .collect();
    let mut dated: Vec<String> = Vec::new();
    for year in &archive.years {
        dated.push(format!("{}index.html", archive.year_folder(year.year)));
        for month in &year.months {
            dated.push(format!(
                "{}index.html",
                archive.month_folder(year.year, month.month)
            ));
            if archive.has_days {
                for day in &month.days {
                    let folder = archive.day_folder(year.year, month.month, day.day);
                    dated.push(format!("{folder}index.html"));
                }
            }
        }
    }
    let mut errors = Vec::new();
    let mut aliases: HashMap<&str, &Article> = HashMap::new();
    // In path order, so the first file keeps the alias and the message names the second.
    let mut owners: Vec<&Article> = entries.iter().map(|e| &*e.article).collect();
    owners.sort_by(|a, b| a.path.cmp(&b.path));
    for article in owners {
        for alias in &article.aliases {
            let shown = format!("/{}", alias.trim_end_matches("index.html"));
            let taken_by = if let Some(owner) = pages.get(alias) {
                Some(format!("the URL of `{}`", owner.display_path.display()))
            } else if let Some(owner) = aliases.insert(alias, article) {
                Some(format!(
                    "also an alias of `{}`",
                    owner.display_path.display()
                ))
            } else if dated.contains(alias) {
                Some("the URL of a date archive page".into())
            } else if ROOT_FILES.contains(&alias.as_str())
                || RESERVED.iter().any(|folder| alias.starts_with(folder))
            {
                Some("taken by newsprint's own pages".into())
            } else {
                None
            };
            if let Some(taken_by) = taken_by {
                let message = format!(
                    "the alias `{shown}` of `{}` is {taken_by}",
                    article.display_path.display()
                );
                errors.push(
                    Diagnostic::file(&article.display_path, message)
                        .with_help("remove the alias or change it")
                        .into(),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
