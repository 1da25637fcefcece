//! The search page as a page kind: `search/index.html`, through the theme's `search.html`.
//!
//! Input: the site's config. Output: the page, which loads Pagefind's UI from `pagefind/` when
//! the index is there (see [`crate::search`]) and otherwise, or without JavaScript, offers a
//! plain form to a web search restricted to the site, plus links to the tags and the archive.

use tera::Value;

use super::languages::LanguagePage;
use super::plan::Planner;
use super::{Page, PageKind, Renderer, templates};
use crate::error::Result;

/// The folder of the search page.
pub const SEARCH_FOLDER: &str = "search/";

impl Renderer<'_> {
    /// The search page of language `lang` (0 is the default, `uk/search/` another); it shows
    /// nothing of the articles, so only the config changes it. Pagefind indexes each
    /// `<html lang>` separately and its UI searches the page's language, so `uk/search/`
    /// finds only Ukrainian articles.
    pub(super) fn plan_search(&self, lang: usize, planner: &mut Planner) {
        let folder = self.site.config.language_folder(lang);
        let kind = match lang {
            0 => PageKind::Search,
            _ => PageKind::Language {
                lang,
                page: LanguagePage::Search,
            },
        };
        let path = format!("{folder}{SEARCH_FOLDER}index.html");
        planner.add(path, kind, self.site.config.base_url.as_str(), []);
    }

    /// `search/index.html`.
    pub(super) fn render_search(&self, page: &Page, lang: usize) -> Result<Vec<u8>> {
        let base_url = &self.site.config.base_url;
        let mut search = tera::Map::new();
        // `user.github.io/digest`: what a web search's `site:` takes.
        let scope = base_url
            .as_str()
            .split_once("://")
            .map_or(base_url.as_str(), |(_, rest)| rest)
            .trim_end_matches('/');
        // Another language's form searches its folder: `user.github.io/digest/uk`.
        let folder = self.site.config.language_folder(lang);
        let scope = format!("{scope}/{folder}");
        search.insert("scope".into(), Value::from(scope.trim_end_matches('/')));
        // A path, not a URL: the page then also works where the site is previewed (serve, a
        // local copy under the same sub-path), not only on the published host.
        let bundle = format!("{}pagefind/", base_url.path());
        search.insert("bundle_url".into(), Value::from(bundle));
        let title = self.text_in(lang, "search_title");
        let mut context = self.page_context(page, &title, None);
        context.insert_value("search", Value::from(search));
        templates::render(&self.theme.tera, "search.html", &context)
    }
}
