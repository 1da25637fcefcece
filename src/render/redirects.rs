//! Redirect pages for URLs that `slugs.transliteration: national` moved.
//!
//! Input: the site's default-language articles and tags whose slug the legacy scheme spelled
//! otherwise (Україна: `ukrayina` then, `ukraina` now). Output: at each old folder, a small
//! page that sends readers and search engines to the new URL (`<meta http-equiv="refresh">`
//! and `rel="canonical"`), so switching schemes breaks no link. A page of the site planned at
//! the same path wins over a redirect.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::{Page, PageKind, Renderer};
use crate::markdown::escape_html;
use crate::site::tag_folder;
use crate::url::slugify;
use crate::url::translit::Scheme;

/// Where a redirect page points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Redirect {
    /// To an article (index into `site.entries`).
    Article(usize),
    /// To a default-language tag (index into `site.tags`).
    Tag(usize),
}

impl Renderer<'_> {
    /// A redirect at each old URL no other page takes.
    pub(super) fn plan_redirects(&self, pages: &mut Vec<Page>) {
        let site = self.site;
        let config = &site.config;
        if config.slug_scheme(&config.language) == Scheme::Legacy {
            return;
        }
        let taken: HashSet<String> = pages.iter().map(|page| page.path.clone()).collect();
        let mut redirects: Vec<(String, Redirect)> = Vec::new();
        for (index, entry) in site.entries.iter().enumerate() {
            if let Some(old) = &entry.article.legacy_url_path {
                redirects.push((old.clone(), Redirect::Article(index)));
            }
        }
        for (index, tag) in site.tags.iter().enumerate() {
            let old = slugify(&tag.name);
            if !old.is_empty() && old != tag.slug {
                redirects.push((tag_folder(&old), Redirect::Tag(index)));
            }
        }
        for (folder, redirect) in redirects {
            let path = format!("{folder}index.html");
            if taken.contains(&path) {
                continue;
            }
            let mut hasher = DefaultHasher::new();
            self.redirect_target(redirect).hash(&mut hasher);
            pages.push(Page {
                path,
                kind: PageKind::Redirect(redirect),
                fingerprint: hasher.finish(),
            });
        }
    }

    fn redirect_target(&self, redirect: Redirect) -> String {
        let site = self.site;
        let folder = match redirect {
            Redirect::Article(index) => site.entries[index].article.url_path.clone(),
            Redirect::Tag(index) => tag_folder(&site.tags[index].slug),
        };
        site.config.base_url.join(&folder)
    }

    /// The redirect page's HTML.
    pub(super) fn render_redirect(&self, redirect: Redirect) -> Vec<u8> {
        let target = escape_html(&self.redirect_target(redirect));
        let lang = escape_html(&self.site.config.language);
        format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>{target}</title>\n<meta name=\"robots\" content=\"noindex\">\n\
             <link rel=\"canonical\" href=\"{target}\">\n\
             <meta http-equiv=\"refresh\" content=\"0; url={target}\">\n</head>\n<body>\n\
             <p><a href=\"{target}\">{target}</a></p>\n</body>\n</html>\n"
        )
        .into_bytes()
    }
}
