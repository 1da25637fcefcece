//! Alias redirect pages as a page kind: one small HTML file at each old URL of an article.
//!
//! Input: the articles' `aliases` (output paths, checked for collisions by
//! [`crate::site::aliases`]). Output: for each, a page that sends browsers on at once (meta
//! refresh to the absolute URL), names the article as canonical, asks search engines not to
//! index it, and links it for clients that ignore the refresh. Written in code, not a template:
//! it is the same on every site and holds nothing a theme styles. Left out of the sitemap.

use std::hash::{DefaultHasher, Hash, Hasher};

use super::xml::escape_xml;
use super::{Page, PageKind, Renderer};

impl Renderer<'_> {
    /// A redirect page for each alias of each article.
    pub(super) fn plan_aliases(&self, pages: &mut Vec<Page>) {
        let site = self.site;
        for (index, entry) in site.entries.iter().enumerate() {
            let article = &entry.article;
            for (at, alias) in article.aliases.iter().enumerate() {
                let mut hasher = DefaultHasher::new();
                (&article.url_path, &article.title).hash(&mut hasher);
                pages.push(Page {
                    path: alias.clone(),
                    kind: PageKind::Alias(index, at),
                    fingerprint: hasher.finish(),
                });
            }
        }
    }

    /// The redirect page to article `index`.
    pub(super) fn render_alias(&self, index: usize) -> Vec<u8> {
        let config = &self.site.config;
        let article = &self.site.entries[index].article;
        let url = escape_xml(&config.base_url.join(&article.url_path), true);
        let title = escape_xml(&article.title, false);
        let language = escape_xml(&config.language, true);
        format!(
            "<!DOCTYPE html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>{title}</title>\n<link rel=\"canonical\" href=\"{url}\">\n\
             <meta name=\"robots\" content=\"noindex\">\n\
             <meta http-equiv=\"refresh\" content=\"0; url={url}\">\n</head>\n<body>\n\
             <main>\n<p>This article has moved to <a href=\"{url}\">{title}</a>.</p>\n</main>\n\
             </body>\n</html>\n"
        )
        .into_bytes()
    }
}
