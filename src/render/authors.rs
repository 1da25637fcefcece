//! Author pages and feeds as page kinds, planned and fingerprinted like the tag pages.
//!
//! Input: the [`Site`](crate::site::Site)'s authors. Output: `authors/index.html` (every author
//! with a count), `authors/<slug>/index.html` (paginated, with the bio from `authors.yaml`) and
//! `authors/<slug>/{atom.xml,rss.xml,feed.json}` holding exactly that author's newest articles.
//! Each page's fingerprint covers the author's profile and the articles it shows, so `watch`
//! re-renders an author's pages when one of their articles or `authors.yaml` changes.

use serde::Serialize;
use tera::Value;

use super::feeds;
use super::languages::LanguagePage;
use super::plan::Planner;
use super::{Page, PageKind, Renderer, list_path, pagination, templates, views};
use crate::config::Config;
use crate::error::Result;
use crate::site::authors::{AUTHORS_FOLDER, Author};
use crate::site::page_slice;

/// What templates see of an author (see docs/theme-context.md).
#[derive(Debug, Serialize)]
struct AuthorView<'a> {
    name: &'a str,
    slug: &'a str,
    url: String,
    count: usize,
    bio: Option<&'a str>,
    avatar: Option<String>,
    /// The author's own home page, from `authors.yaml`.
    homepage: Option<&'a str>,
    same_as: &'a [String],
}

/// The template value of an author.
pub fn author_value(author: &Author, config: &Config) -> Value {
    let profile = author.profile.as_ref();
    Value::from_serializable(&AuthorView {
        name: &author.name,
        slug: &author.slug,
        url: config.base_url.join(&author.folder()),
        count: author.entries.len(),
        bio: profile.and_then(|p| p.bio.as_deref()),
        avatar: profile.and_then(|p| feeds::config_image(config, p.avatar.as_ref())),
        homepage: profile.and_then(|p| p.url.as_deref()),
        same_as: profile.map_or(&[], |p| p.same_as.as_slice()),
    })
}

impl Renderer<'_> {
    /// The author pages and feeds of language `lang` (0 is the default); `shown` is what each
    /// article page shows, by entry index.
    pub(super) fn plan_authors(&self, lang: usize, planner: &mut Planner) {
        let site = self.site;
        let config = &site.config;
        let kind = |root: PageKind, page: LanguagePage| match lang {
            0 => root,
            _ => PageKind::Language { lang, page },
        };
        let authors = site.authors_in(lang);
        let summary: Vec<(u64, usize)> = authors
            .iter()
            .map(|author| (author.fingerprint(), author.entries.len()))
            .collect();
        let path = format!("{}{AUTHORS_FOLDER}index.html", config.language_folder(lang));
        let index = kind(PageKind::AuthorIndex, LanguagePage::AuthorIndex);
        planner.add(path, index, summary, []);
        for (at, author) in authors.iter().enumerate() {
            let folder = author.folder();
            let total = site.page_count(author.entries.len());
            for number in 1..=total {
                let slice = page_slice(&author.entries, config.paginate, number);
                let kind = kind(
                    PageKind::Author {
                        author: at,
                        page: number,
                    },
                    LanguagePage::Author {
                        author: at,
                        page: number,
                    },
                );
                // The count too: every page shows it, and past `paginate_max_pages` removing
                // an old article changes no page's slice.
                let shape = (total, author.entries.len(), author.fingerprint());
                planner.add(
                    list_path(&folder, number),
                    kind,
                    shape,
                    slice.iter().copied(),
                );
            }
            let newest = &author.entries[..author.entries.len().min(config.feeds.limit)];
            let feed = |format| {
                kind(
                    PageKind::AuthorFeed(at, format),
                    LanguagePage::AuthorFeed(at, format),
                )
            };
            planner.add_feeds(&folder, feed, author.fingerprint(), newest);
        }
    }

    /// `authors/index.html` (`uk/authors/index.html`): every author of a language, by name.
    pub(super) fn render_author_index(&self, page: &Page, lang: usize) -> Result<Vec<u8>> {
        let config = &self.site.config;
        let mut order: Vec<&Author> = self.site.authors_in(lang).iter().collect();
        order.sort_by_cached_key(|author| (author.name.to_lowercase(), author.slug.clone()));
        let authors: Vec<Value> = order
            .into_iter()
            .map(|author| author_value(author, config))
            .collect();
        let title = self.text_in(lang, "authors_title");
        let mut context = self.page_context(page, &title, None);
        context.insert_value("authors", Value::from(authors));
        templates::render(&self.theme.tera, "authors.html", &context)
    }

    /// Page `number` of an author's articles in language `lang`.
    pub(super) fn render_author(
        &self,
        page: &Page,
        lang: usize,
        at: usize,
        number: usize,
    ) -> Result<Vec<u8>> {
        let config = &self.languages.configs[lang];
        let author = &self.site.authors_in(lang)[at];
        let folder = author.folder();
        let slice = page_slice(&author.entries, config.paginate, number);
        let mut context = self.list_context(page, &author.name, slice)?;
        let feeds = views::FeedLinks::new(config, &folder);
        context.insert_value("page", self.page_value(page, &author.name, Some(&feeds)));
        context.insert_value("author", author_value(author, config));
        let links = pagination(&folder, number, author.entries.len(), self.site);
        context.insert_value("pagination", links);
        templates::render(&self.theme.tera, "author.html", &context)
    }

    /// An author's feed in language `lang`: their newest articles in it.
    pub(super) fn author_feed(&self, lang: usize, at: usize) -> feeds::Feed<'_> {
        let config = &self.languages.configs[lang];
        let author = &self.site.authors_in(lang)[at];
        let folder = author.folder();
        let description = self.theme.strings.text(
            &config.language,
            "author_feed",
            None,
            &[("author", &author.name), ("site", &config.title)],
        );
        feeds::Feed {
            config,
            title: format!("{} — {}", config.title, author.name),
            description,
            home_url: config.base_url.join(&folder),
            folder,
            entries: author
                .entries
                .iter()
                .take(config.feeds.limit)
                .map(|&index| self.feed_entry(index))
                .collect(),
            // Like a tag feed: summaries unless `feeds.tag_content: full`.
            full: config.feeds.tag_content == crate::config::FeedContent::Full,
        }
    }
}
