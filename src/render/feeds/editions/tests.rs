//! Tests of the edition entries kept across updates: an edit remakes its edition's entry, the
//! others are taken as they were (escaped text and all), and the feeds equal a fresh render.

use std::path::Path;
use std::sync::Arc;

use super::*;
use crate::config::{Config, Overrides};
use crate::content::parse_article;
use crate::date::Date;
use crate::markdown::Rendered;
use crate::render::views::ViewCache;
use crate::render::{Renderer, templates};
use crate::site::{Entry, Site};

/// Three articles a day for four days: four daily editions of three articles each.
const ARTICLES: usize = 12;

const FEEDS: [&str; 3] = [
    "editions/atom.xml",
    "editions/rss.xml",
    "editions/feed.json",
];

/// Article `i`, with a body of characters every format escapes; `edit` changes its text.
fn article(config: &Config, i: usize, edit: &str) -> Arc<Entry> {
    let text = format!(
        "---\ntitle: \"A{i} <&> {edit}\"\ndate: 2025-03-{:02}T{:02}:00:00Z\ntags: [x]\n---\nBody\n",
        i / 3 + 1,
        i % 3 + 8
    );
    let path = format!("content/2025/03/a{i}.md");
    let version = u64::from(!edit.is_empty());
    let article = parse_article(Path::new(&path), Path::new(&path), text, version, config);
    let rendered = Rendered {
        html: format!(
            "<p>Body {i} {edit} &amp; \"more\"\u{85}</p>\n<p>{}</p>\n",
            "x".repeat(300)
        )
        .into(),
        summary_html: format!("<p>Body {i} {edit}</p>\n").into(),
        summary_text: format!("Body {i} {edit}"),
        ..Rendered::default()
    };
    Arc::new(Entry::new(article.unwrap(), rendered))
}

fn site(extra: &str, edited: Option<usize>) -> Site {
    let text = format!("title: T\nbase_url: https://user.github.io/digest/\n{extra}");
    let config =
        Arc::new(Config::parse(Path::new("config.yaml"), &text, &Overrides::default()).unwrap());
    let entries = (0..ARTICLES)
        .map(|i| article(&config, i, if edited == Some(i) { "edited" } else { "" }))
        .collect();
    Site::new(config, entries).unwrap()
}

/// The three edition feeds of `site` rendered with `cache`, and the editions whose entries had
/// to be made (folder, whole), sorted. The cache learns them.
fn feeds(site: &Site, cache: &mut ViewCache) -> (Vec<Vec<u8>>, Vec<(String, bool)>) {
    let root = tempfile::tempdir().unwrap();
    let theme = templates::load(root.path(), &site.config).unwrap();
    let renderer = Renderer::new(site, &theme, Date::from_unix(0).unwrap(), cache);
    let plan = renderer.plan();
    let bytes = FEEDS
        .iter()
        .map(|path| {
            let page = plan.iter().find(|page| page.path == *path).unwrap();
            renderer.render(page, &plan).unwrap()
        })
        .collect();
    let made = renderer.fresh_edition_items();
    drop(renderer);
    let mut keys: Vec<_> = made.iter().map(|(key, _, _)| key.clone()).collect();
    keys.sort();
    cache.edition_items.learn(made);
    (bytes, keys)
}

/// Renders, edits article `edited`, renders again with what the first render kept; returns
/// the entries the second render made, after checking its feeds equal a fresh render's, show
/// the edit, and that every kept entry is the very one the first render made.
fn edit_and_rerender(extra: &str, edited: usize) -> Vec<(String, bool)> {
    let mut cache = ViewCache::default();
    let (before, made) = feeds(&site(extra, None), &mut cache);
    assert!(!made.is_empty());
    let kept_before = cache.edition_items.0.clone();

    let edited = site(extra, Some(edited));
    let (after, remade) = feeds(&edited, &mut cache);
    let (fresh, _) = feeds(&edited, &mut ViewCache::default());
    for ((after, fresh), before) in after.iter().zip(&fresh).zip(&before) {
        assert_eq!(
            String::from_utf8_lossy(after),
            String::from_utf8_lossy(fresh)
        );
        assert_ne!(after, before, "the edit shows in every feed");
        assert!(String::from_utf8_lossy(after).contains("edited"));
    }
    for (key, (_, item)) in &cache.edition_items.0 {
        let same = kept_before
            .get(key)
            .is_some_and(|(_, old)| Arc::ptr_eq(old, item));
        assert_eq!(same, !remade.contains(key), "{key:?}");
    }
    remade
}

#[test]
fn an_edit_remakes_only_its_editions_entries_and_the_feeds_equal_a_fresh_render() {
    // Article 4 is in the second newest edition.
    let remade = edit_and_rerender("", 4);
    // The whole entry, and the summary one the feeds fall back to when the whole ones are
    // too long; the other three editions are kept.
    assert!(!remade.is_empty());
    assert!(
        remade
            .iter()
            .all(|(folder, _)| folder == "editions/2025-03-02/")
    );
}

#[test]
fn kept_summary_entries_give_the_same_feeds_when_editions_are_left_out() {
    // Too small for every edition's summaries: the oldest are left out. Article 10 is in the
    // newest edition, which always stays.
    let remade = edit_and_rerender("feeds:\n  max_bytes: 4096\n", 10);
    assert!(!remade.is_empty());
    let newest = |(folder, _): &(String, bool)| folder == "editions/2025-03-04/";
    assert!(remade.iter().all(newest));
}

#[test]
fn a_kept_entry_holds_its_finished_text_for_each_format() {
    let mut cache = ViewCache::default();
    let (bytes, _) = feeds(&site("", None), &mut cache);
    let (_, item) = cache
        .edition_items
        .0
        .get(&("editions/2025-03-01/".to_string(), true))
        .unwrap();
    let atom = String::from_utf8(bytes[0].clone()).unwrap();
    assert!(atom.contains(item.atom.get().unwrap()));
    assert!(item.atom().starts_with("  <entry>\n"));
    let rss = String::from_utf8(bytes[1].clone()).unwrap();
    assert!(rss.contains(item.rss.get().unwrap()));
    assert!(item.rss().starts_with("    <item>\n"));
    let json = String::from_utf8(bytes[2].clone()).unwrap();
    assert!(json.contains(item.json.get().unwrap().get()));
    // Escaped once: `&amp;` in the HTML is `&amp;amp;` in XML; C1 controls are dropped.
    assert!(item.atom().contains("&amp;amp; &quot;more&quot;&lt;/p&gt;"));
    assert!(!json.contains('\u{85}'));
}

/// The edition feed as the code before [`super::size`] chose it: writing every candidate.
fn render_by_writing(feed: &EditionFeed<'_>, editions: &[&Edition], format: FeedFormat) -> Vec<u8> {
    let max = feed.config.feeds.max_bytes;
    let items = Items::default();
    if let Some(whole) = items
        .full
        .get_or_init(|| whole_items(feed, editions, max, &items))
    {
        let bytes = document(feed, whole, format, true);
        if bytes.len() <= max {
            return bytes;
        }
    }
    let summaries: Vec<_> = editions
        .iter()
        .map(|e| known_item(feed, e, false, &items))
        .collect();
    let mut bytes = document(feed, &summaries, format, true);
    let mut keep = summaries.len();
    while bytes.len() > max && keep > 1 {
        keep = (keep * max / bytes.len()).clamp(1, keep - 1);
        bytes = document(feed, &summaries[..keep], format, true);
    }
    bytes
}

#[test]
fn measured_sizes_choose_the_editions_writing_them_chose() {
    for max in [4096, 4500, 5000, 6000, 8000, 1 << 20] {
        let site = site(&format!("feeds:\n  max_bytes: {max}\n"), None);
        let known = ItemCache::default();
        let feed = EditionFeed {
            site: &site,
            config: &site.config,
            folder: "editions/".into(),
            title: "T — Editions <&>".into(),
            description: "Every edition of T".into(),
            more: "More".into(),
            read_on_site: "Read on".into(),
            known: &known,
        };
        let editions: Vec<&Edition> = site.editions_in(0).iter().rev().collect();
        for format in FeedFormat::ALL {
            let items = Items::default();
            let got = render(&feed, &editions, format, &items);
            assert_eq!(
                got,
                render_by_writing(&feed, &editions, format),
                "{max} {format:?}"
            );
            let summaries = items.summaries.get().into_iter().flatten();
            let whole = items.full.get().into_iter().flatten().flatten();
            let made: Vec<Arc<EditionItem>> = summaries.chain(whole).cloned().collect();
            for count in 0..=made.len() {
                let bytes = document(&feed, &made[..count], format, true);
                assert_eq!(size(&feed, &made[..count], format), bytes.len());
            }
        }
    }
}

/// The edition feed of `site` in its default language, its last entries in `known`.
fn edition_feed<'a>(site: &'a Site, known: &'a ItemCache, read_on_site: &str) -> EditionFeed<'a> {
    EditionFeed {
        site,
        config: &site.config,
        folder: "editions/".into(),
        title: "T — Editions".into(),
        description: "Every edition of T".into(),
        more: "More".into(),
        read_on_site: read_on_site.into(),
        known,
    }
}

#[test]
fn a_remade_entry_copies_its_unchanged_articles_from_the_last_one() {
    let known = ItemCache::default();
    let before = site("", None);
    let newest = |site: &Site| site.editions_in(0).last().unwrap().clone();
    for full in [true, false] {
        let feed = edition_feed(&before, &known, "Read on");
        let mut last = item(&feed, &newest(&before), full, None);
        // Articles 9, 10 and 11 are the newest edition's; mark 9's HTML, which an edit to
        // 10 leaves as it was, to see where the next entry takes it from.
        let first = before
            .entries
            .iter()
            .position(|e| e.article.title.starts_with("A9 "));
        let fingerprint = before.entries[first.unwrap()].fingerprint;
        let (_, at) = last
            .parts
            .iter()
            .find(|(key, _)| *key == fingerprint)
            .unwrap();
        let marker = "M".repeat(at.len());
        last.html.replace_range(at.clone(), &marker);

        let after = site("", Some(10));
        let feed = edition_feed(&after, &known, "Read on");
        let remade = item(&feed, &newest(&after), full, Some(&last));
        assert!(remade.html.contains(&marker), "article 9 is copied");
        assert!(
            remade.html.contains("A10 &lt;&amp;&gt; edited"),
            "article 10 is made"
        );
        // Each part is where its article is, and the parts tile the articles' HTML.
        let fresh = item(&feed, &newest(&after), full, None);
        assert_eq!(fresh.parts, remade.parts);
        let (_, now) = fresh
            .parts
            .iter()
            .find(|(key, _)| *key == fingerprint)
            .unwrap();
        assert_eq!(
            remade.html.replace(&marker, &fresh.html[now.clone()]),
            fresh.html
        );

        // Made with other words for "read on": nothing is copied.
        let feed = edition_feed(&after, &known, "Read more");
        let other = item(&feed, &newest(&after), full, Some(&last));
        assert!(!other.html.contains(&marker));
    }
}
