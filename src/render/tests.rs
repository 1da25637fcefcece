//! Tests of the render stage's plan that need a whole site and theme.

use std::path::Path;
use std::sync::Arc;

use super::*;
use crate::config::{Config, Overrides};
use crate::content::parse_article;
use crate::markdown::Rendered;
use crate::render::feeds::tests::xml_texts;
use crate::render::sitemap::{PROTOCOL_LIMITS, SitemapLimits};
use crate::render::sitemap_plan::is_sitemap_page;

fn site(articles: usize) -> Site {
    site_titled(articles, |i| format!("A{i}"))
}

/// A site of `articles` whose article `i` is titled `title(i)`.
fn site_titled(articles: usize, title: impl Fn(usize) -> String) -> Site {
    let text = "title: T\nbase_url: https://user.github.io/digest/\npaginate: 2\n";
    let config =
        Arc::new(Config::parse(Path::new("config.yaml"), text, &Overrides::default()).unwrap());
    let entries = (0..articles)
        .map(|i| {
            let text = format!(
                "---\ntitle: {}\ndate: 2025-03-{:02}\ntags: [x]\n---\nBody\n",
                title(i),
                i + 1
            );
            let path = format!("content/2025/03/a{i}.md");
            // The version stands for the file's hash: an edit changes it.
            let version = hash_of(&text);
            let article =
                parse_article(Path::new(&path), Path::new(&path), text, version, &config).unwrap();
            Arc::new(Entry::new(article, Rendered::default()))
        })
        .collect();
    Site::new(config, entries).unwrap()
}

/// Renders the sitemap files of a site of `articles` with `limits`: (path, bytes) in plan order.
fn sitemaps(articles: usize, limits: SitemapLimits) -> (Vec<(String, Vec<u8>)>, usize) {
    let site = site(articles);
    let root = tempfile::tempdir().unwrap();
    let theme = templates::load(root.path(), &site.config).unwrap();
    let cache = views::ViewCache::default();
    let mut renderer = Renderer::new(&site, &theme, Date::from_unix(0).unwrap(), &cache);
    renderer.sitemap_limits = limits;
    let plan = renderer.plan();
    let html_pages = plan
        .iter()
        .filter(|page| is_sitemap_page(page.kind))
        .count();
    let files = plan
        .iter()
        .filter(|page| page.path.starts_with("sitemap"))
        .map(|page| (page.path.clone(), renderer.render(page, &plan).unwrap()))
        .collect();
    (files, html_pages)
}

#[test]
fn a_small_site_has_one_sitemap() {
    let (files, html_pages) = sitemaps(5, PROTOCOL_LIMITS);
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "sitemap.xml");
    assert_eq!(xml_texts(&files[0].1, "loc").len(), html_pages);
}

#[test]
fn past_the_limit_sitemap_xml_becomes_an_index() {
    let limits = SitemapLimits {
        urls: 4,
        bytes: PROTOCOL_LIMITS.bytes,
    };
    // 9 articles, 5 home pages, the tag index and 5 tag pages, 9 daily editions and 5 pages
    // of the edition index, the author index, and the archive's index, year and month: 38 URLs,
    // 10 files of at most 4.
    let (files, html_pages) = sitemaps(9, limits);
    assert_eq!(html_pages, 38);
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    let expected: Vec<String> = std::iter::once("sitemap.xml".to_string())
        .chain((1..=10).map(|n| format!("sitemap-{n}.xml")))
        .collect();
    assert_eq!(names, expected);
    let index = String::from_utf8(files[0].1.clone()).unwrap();
    assert!(index.contains("<sitemapindex"), "{index}");
    let parts: Vec<String> = (1..=10)
        .map(|n| format!("https://user.github.io/digest/sitemap-{n}.xml"))
        .collect();
    assert_eq!(xml_texts(&files[0].1, "loc"), parts);
    let mut locs = Vec::new();
    for (_, xml) in &files[1..] {
        let part = xml_texts(xml, "loc");
        assert!(part.len() <= 4);
        locs.extend(part);
    }
    let (whole, _) = sitemaps(9, PROTOCOL_LIMITS);
    assert_eq!(
        locs,
        xml_texts(&whole[0].1, "loc"),
        "the parts hold every URL once"
    );
}

/// The sitemap files of `site` under `limits`: (path, fingerprint, bytes) in plan order.
fn sitemap_files(site: &Site, limits: SitemapLimits) -> Vec<(String, u64, Vec<u8>)> {
    let root = tempfile::tempdir().unwrap();
    let theme = templates::load(root.path(), &site.config).unwrap();
    let cache = views::ViewCache::default();
    let mut renderer = Renderer::new(site, &theme, Date::from_unix(0).unwrap(), &cache);
    renderer.sitemap_limits = limits;
    let plan = renderer.plan_for_updates().pages;
    plan.iter()
        .filter(|page| page.path.starts_with("sitemap"))
        .map(|page| {
            let bytes = renderer.render(page, &plan).unwrap();
            (page.path.clone(), page.fingerprint, bytes)
        })
        .collect()
}

#[test]
fn a_sitemap_file_is_fingerprinted_anew_exactly_when_its_bytes_change() {
    let limits = SitemapLimits {
        urls: 4,
        bytes: PROTOCOL_LIMITS.bytes,
    };
    let before = sitemap_files(&site(9), limits);
    // The oldest article updated: its page and its day's edition list a new last change.
    // Then updated past every other article: the index's newest change moves too.
    for (updated, index_changes) in [("2025-03-01T12:00:00Z", false), ("2025-04-01", true)] {
        let text =
            format!("---\ntitle: A0\ndate: 2025-03-01\nupdated: {updated}\ntags: [x]\n---\nBody\n");
        let last = site(9);
        let path = Path::new("content/2025/03/a0.md");
        let article = parse_article(path, path, text, 1, &last.config).unwrap();
        let edited = Arc::new(Entry::new(article, Rendered::default()));
        let intros = last.intros.clone();
        let (site, _) = last.with_edits(&[edited], &intros).unwrap();
        let after = sitemap_files(&site, limits);
        assert_eq!(after.len(), before.len());
        let mut changed = Vec::new();
        for ((path, old_print, old_bytes), (_, new_print, new_bytes)) in before.iter().zip(&after) {
            assert_eq!(
                old_print != new_print,
                old_bytes != new_bytes,
                "{path}: the fingerprint changes when the bytes do, and only then"
            );
            if old_bytes != new_bytes {
                changed.push(path.as_str());
            }
        }
        assert_eq!(
            changed.contains(&"sitemap.xml"),
            index_changes,
            "{changed:?}"
        );
        let parts = changed
            .iter()
            .filter(|path| **path != "sitemap.xml")
            .count();
        // a0's own page, and the last home, tag and edition pages, which it heads: not all ten.
        assert!((1..=4).contains(&parts), "{changed:?}");
    }
}

#[test]
fn a_single_build_drops_every_article_value_after_its_last_page_and_renders_the_same_bytes() {
    let site = site(7);
    let root = tempfile::tempdir().unwrap();
    let theme = templates::load(root.path(), &site.config).unwrap();
    let cache = views::ViewCache::default();
    let now = Date::from_unix(0).unwrap();
    let kept = Renderer::new(&site, &theme, now.clone(), &cache);
    let plan = kept.plan();
    let mut dropping = Renderer::new(&site, &theme, now, &cache);
    dropping.drop_values_after_use(&plan);
    let order = dropping.render_order(&plan);
    assert_eq!(order.len(), plan.len());
    // Feeds and sitemaps first; then the newest article's pages before the oldest's.
    assert!(order[0].kind.render_rank() <= 1);
    let position = |kind: PageKind| order.iter().position(|page| page.kind == kind).unwrap();
    assert!(position(PageKind::Article(0)) < position(PageKind::Article(6)));
    assert!(position(PageKind::Home(1)) < position(PageKind::Home(4)));

    for page in order {
        let bytes = dropping.render(page, &plan).unwrap();
        assert_eq!(bytes, kept.render(page, &plan).unwrap(), "{}", page.path);
    }
    let held = |renderer: &Renderer, index: usize| shown::lock(&renderer.articles[index]).is_some();
    for index in 0..site.entries.len() {
        assert!(!held(&dropping, index), "article {index} is still held");
        assert!(shown::lock(&dropping.listed[index]).is_none());
        assert!(
            shown::lock(&dropping.cards[index]).is_none(),
            "card {index}"
        );
        // The feeds rendered first; their entries went after the last of them.
        assert!(shown::lock(&dropping.feed_entries[index]).is_none());
        // `watch` keeps them, to render the next edit's pages without making them again.
        assert!(held(&kept, index));
    }
    assert_eq!(kept.fresh_views().len(), site.entries.len());
}

/// Article `i` of [`site`] with another title and body: an edit that keeps the site's shape.
fn retitled(site: &Site, i: usize) -> Arc<Entry> {
    let text = format!(
        "---\ntitle: Retitled {i}\ndate: 2025-03-{:02}\ntags: [x]\n---\nNew body\n",
        i + 1
    );
    let path = format!("content/2025/03/a{i}.md");
    // A new version, as the store gives an article whose file changed.
    let article = parse_article(Path::new(&path), Path::new(&path), text, 1, &site.config);
    Arc::new(Entry::new(article.unwrap(), Rendered::default()))
}

#[test]
fn a_patched_plan_equals_a_fresh_plan_of_the_edited_site() {
    let root = tempfile::tempdir().unwrap();
    let last = site(9);
    let theme = templates::load(root.path(), &last.config).unwrap();
    let cache = views::ViewCache::default();
    let now = Date::from_unix(0).unwrap();
    let mut plan = Renderer::new(&last, &theme, now.clone(), &cache).plan_for_updates();
    let before = plan.pages.clone();
    let intros = last.intros.clone();
    let edited = retitled(&last, 4);
    let (site, edit) = last.with_edits(&[edited], &intros).unwrap();
    assert_eq!(edit.at, [4]);
    assert!(edit.same_shape);

    let renderer = Renderer::new(&site, &theme, now, &cache);
    let NextPlan::Patched(patch) = renderer.next_plan(&plan, Some(&edit)) else {
        panic!("an edit that keeps the shape patches the plan");
    };
    NextPlan::Patched(patch.clone()).apply(&mut plan);
    assert_eq!(plan.pages, renderer.plan());
    // Only pages that show article 4 were looked at: its own, its neighbours', lists and feeds.
    let changed: Vec<&str> = before
        .iter()
        .zip(&plan.pages)
        .filter(|(old, new)| old.fingerprint != new.fingerprint)
        .map(|(page, _)| page.path.as_str())
        .collect();
    assert!(changed.contains(&"2025/03/a4/index.html"), "{changed:?}");
    assert!(changed.contains(&"2025/03/a3/index.html"), "{changed:?}");
    assert!(!changed.contains(&"2025/03/a1/index.html"), "{changed:?}");
    assert!(!changed.contains(&"sitemap.xml"), "{changed:?}");
    assert!(
        patch.len() < before.len() / 2,
        "{} of {}",
        patch.len(),
        before.len()
    );
}

#[test]
fn an_edit_that_reshapes_the_site_plans_anew() {
    let root = tempfile::tempdir().unwrap();
    let last = site(5);
    let theme = templates::load(root.path(), &last.config).unwrap();
    let cache = views::ViewCache::default();
    let now = Date::from_unix(0).unwrap();
    let plan = Renderer::new(&last, &theme, now.clone(), &cache).plan_for_updates();
    let text = "---\ntitle: A2\ndate: 2025-03-03\ntags: [x, y]\n---\nBody\n";
    let path = Path::new("content/2025/03/a2.md");
    let article = parse_article(path, path, text.into(), 1, &last.config).unwrap();
    let edited = Arc::new(Entry::new(article, Rendered::default()));
    let intros = last.intros.clone();
    let (site, edit) = last.with_edits(&[edited], &intros).unwrap();
    assert!(!edit.same_shape, "a new tag");
    let renderer = Renderer::new(&site, &theme, now, &cache);
    let NextPlan::New(next) = renderer.next_plan(&plan, Some(&edit)) else {
        panic!("a new tag adds pages: the plan is made anew");
    };
    assert_eq!(next.pages, renderer.plan());
    assert!(
        next.pages
            .iter()
            .any(|page| page.path == "tags/y/index.html")
    );
}

/// What a renderer made of a site: every page, and the list values it had to make.
type Made = (Vec<Vec<u8>>, Vec<(std::path::PathBuf, u64, Value)>);

/// Every page of `site` rendered with `cache`, and the list values the renderer had to make.
fn render_with(site: &Site, theme: &Theme, cache: &views::ViewCache) -> Made {
    let renderer = Renderer::new(site, theme, Date::from_unix(0).unwrap(), cache);
    let plan = renderer.plan();
    let pages = plan
        .iter()
        .map(|page| renderer.render(page, &plan).unwrap())
        .collect();
    (pages, renderer.fresh_listed())
}

#[test]
fn list_values_kept_between_builds_render_the_same_pages_and_an_edit_remakes_only_its_own() {
    let site = site(6);
    let root = tempfile::tempdir().unwrap();
    let theme = templates::load(root.path(), &site.config).unwrap();
    let mut cache = views::ViewCache::default();
    let (first, made) = render_with(&site, &theme, &cache);
    assert_eq!(made.len(), 6, "every article is listed on the home page");
    cache.learn_listed(made);
    let (again, made) = render_with(&site, &theme, &cache);
    assert_eq!(again, first);
    assert!(made.is_empty(), "nothing to make again: {made:?}");

    let edited = site_titled(6, |i| match i {
        2 => "Retitled".to_string(),
        i => format!("A{i}"),
    });
    let (pages, made) = render_with(&edited, &theme, &cache);
    let (fresh, _) = render_with(&edited, &theme, &views::ViewCache::default());
    for (at, (page, fresh)) in pages.iter().zip(&fresh).enumerate() {
        let (page, fresh) = (
            String::from_utf8_lossy(page),
            String::from_utf8_lossy(fresh),
        );
        let line = page.lines().zip(fresh.lines()).find(|(a, b)| a != b);
        assert!(
            page == fresh,
            "page {at}: kept values render what fresh ones do: {line:?}"
        );
    }
    let made: Vec<_> = made.iter().map(|(path, ..)| path.clone()).collect();
    assert!(made.contains(&"content/2025/03/a2.md".into()), "{made:?}");
    assert!(made.len() < 6, "unchanged articles are kept: {made:?}");
}
