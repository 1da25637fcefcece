//! Redirect pages as one page kind: a small HTML file at each old URL, sending readers on.
//!
//! Input: the articles' `aliases` (output paths, checked for collisions by
//! [`crate::site::aliases`]) and, under `slugs.transliteration: national`, the URLs the legacy
//! transliteration gave the default language's articles and tags (Україна: `ukrayina` then,
//! `ukraina` now), so switching schemes breaks no link. Output: for each, a page that sends
//! browsers on at once (meta refresh to the absolute URL), names the target as canonical, asks
//! search engines not to index it, and links it, in the target's language, for clients that
//! ignore the refresh. A legacy URL that a page of the site (or an `aliases:` entry) takes is
//! left to it. Written in code, not a template: it is the same on every site and holds nothing
//! a theme styles. Left out of the sitemap.

use std::collections::HashSet;

use super::plan::Planner;
use super::xml::escape_xml;
use super::{PageKind, Renderer};
use crate::site::tag_folder;
use crate::url::slugify;
use crate::url::translit::Scheme;

/// Where a redirect page comes from, and so where it points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Alias {
    /// An article's `aliases:` entry: the article (index into `site.entries`), the entry.
    Listed(usize, usize),
    /// An article's URL under the legacy transliteration (index into `site.entries`).
    LegacyArticle(usize),
    /// A default-language tag's URL under the legacy transliteration (index into `site.tags`).
    LegacyTag(usize),
}

impl Renderer<'_> {
    /// A redirect page for each alias of each article, then for each legacy URL no other
    /// page takes. Planned after every other HTML page, so it knows what they take.
    pub(super) fn plan_aliases(&self, planner: &mut Planner) {
        let mut aliases: Vec<(String, Alias)> = Vec::new();
        for (index, entry) in self.site.entries.iter().enumerate() {
            for (at, alias) in entry.article.aliases.iter().enumerate() {
                aliases.push((alias.clone(), Alias::Listed(index, at)));
            }
        }
        let listed = aliases.len();
        aliases.extend(self.legacy_urls());
        if aliases.is_empty() {
            // Most sites: no need to learn every page's path.
            return;
        }
        let mut taken: HashSet<&str> = planner
            .pages
            .iter()
            .map(|page| page.path.as_str())
            .collect();
        let mut redirects = Vec::new();
        for (at, (path, alias)) in aliases.iter().enumerate() {
            // `aliases:` entries were checked against every page; legacy URLs give way.
            if !taken.insert(path.as_str()) && at >= listed {
                continue;
            }
            redirects.push((path.clone(), *alias));
        }
        drop(taken);
        for (path, alias) in redirects {
            // The redirect names the article it leads to: its title is on the page.
            let shows = match alias {
                Alias::Listed(index, _) | Alias::LegacyArticle(index) => Some(index),
                _ => None,
            };
            planner.add(
                path,
                PageKind::Alias(alias),
                self.alias_target(alias),
                shows,
            );
        }
    }

    /// The old paths (`…/index.html`) the legacy transliteration gave articles and tags, when
    /// the default language uses the national one.
    fn legacy_urls(&self) -> Vec<(String, Alias)> {
        let site = self.site;
        let config = &site.config;
        if config.slug_scheme(&config.language) == Scheme::Legacy {
            return Vec::new();
        }
        let articles = site
            .entries
            .iter()
            .enumerate()
            .filter_map(|(index, entry)| {
                let old = entry.article.legacy_url_path.as_ref()?;
                Some((format!("{old}index.html"), Alias::LegacyArticle(index)))
            });
        let tags = site.tags.iter().enumerate().filter_map(|(index, tag)| {
            let old = slugify(&tag.name);
            (!old.is_empty() && old != tag.slug).then(|| {
                (
                    format!("{}index.html", tag_folder(&old)),
                    Alias::LegacyTag(index),
                )
            })
        });
        articles.chain(tags).collect()
    }

    /// The target's absolute URL, its title and its language code.
    fn alias_target(&self, alias: Alias) -> (String, &str, &str) {
        let site = self.site;
        let (folder, title, language) = match alias {
            Alias::Listed(index, _) | Alias::LegacyArticle(index) => {
                let article = &site.entries[index].article;
                (article.url_path.clone(), &article.title, &article.lang)
            }
            Alias::LegacyTag(index) => {
                let tag = &site.tags[index];
                (tag_folder(&tag.slug), &tag.name, &site.config.language)
            }
        };
        (site.config.base_url.join(&folder), title, language)
    }

    /// The redirect page's HTML.
    pub(super) fn render_alias(&self, alias: Alias) -> Vec<u8> {
        let (url, title, language) = self.alias_target(alias);
        let url = escape_xml(&url, true);
        let title = escape_xml(title, false);
        let link = format!("<a href=\"{url}\">{title}</a>");
        let moved = self
            .theme
            .strings
            .text(language, "moved_to", None, &[("link", &link)]);
        let language = escape_xml(language, true);
        format!(
            "<!DOCTYPE html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>{title}</title>\n<link rel=\"canonical\" href=\"{url}\">\n\
             <meta name=\"robots\" content=\"noindex\">\n\
             <meta http-equiv=\"refresh\" content=\"0; url={url}\">\n</head>\n<body>\n\
             <main>\n<p>{moved}</p>\n</main>\n\
             </body>\n</html>\n"
        )
        .into_bytes()
    }
}
