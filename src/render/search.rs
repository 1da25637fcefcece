//! The search page as a page kind: `search/index.html`, through the theme's `search.html`.
//!
//! Input: the site's config. Output: the page, which loads Pagefind's UI from `pagefind/` when
//! the index is there (see [`crate::search`]) and otherwise, or without JavaScript, offers a
//! plain form to a web search restricted to the site, plus links to the tags and the archive.

use std::hash::{DefaultHasher, Hash, Hasher};

use tera::Value;

use super::{Page, PageKind, Renderer, templates};
use crate::error::Result;

/// The folder of the search page.
pub const SEARCH_FOLDER: &str = "search/";

impl Renderer<'_> {
    /// The search page; it shows nothing of the articles, so only the config changes it.
    pub(super) fn plan_search(&self, pages: &mut Vec<Page>) {
        let mut hasher = DefaultHasher::new();
        self.site.config.base_url.as_str().hash(&mut hasher);
        pages.push(Page {
            path: format!("{SEARCH_FOLDER}index.html"),
            kind: PageKind::Search,
            fingerprint: hasher.finish(),
        });
    }

    /// `search/index.html`.
    pub(super) fn render_search(&self, page: &Page) -> Result<Vec<u8>> {
        let base_url = &self.site.config.base_url;
        let mut search = tera::Map::new();
        // `user.github.io/digest`: what a web search's `site:` takes.
        let scope = base_url
            .as_str()
            .split_once("://")
            .map_or(base_url.as_str(), |(_, rest)| rest)
            .trim_end_matches('/');
        search.insert("scope".into(), Value::from(scope));
        // A path, not a URL: the page then also works where the site is previewed (serve, a
        // local copy under the same sub-path), not only on the published host.
        let bundle = format!("{}pagefind/", base_url.path());
        search.insert("bundle_url".into(), Value::from(bundle));
        let title = self.default_text("search_title");
        let mut context = self.page_context(page, &title, None);
        context.insert_value("search", Value::from(search));
        templates::render(&self.theme.tera, "search.html", &context)
    }
}
