//! Builds sites with a sub-path base URL and reads every feed with a real feed parser
//! (feed-rs), as a feed reader or an RSS-to-email service would.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::copy_fixture;

const BASE: &str = "https://user.github.io/digest/";
/// The base URL's path: pages link into the site root-relative (#20).
const PATH: &str = "/digest/";

fn build(root: &Path, output: &Path) {
    let result = Command::new(env!("CARGO_BIN_EXE_newsprint"))
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(output)
        .args(["--base-url", "https://user.github.io/digest"])
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
}

fn feeds_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if matches!(
                path.file_name().unwrap().to_str(),
                Some("atom.xml" | "rss.xml" | "feed.json")
            ) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Every href/src inside `html` is absolute.
fn assert_absolute_links(html: &str, context: &str) {
    for attribute in ["href=\"", "src=\"", "href='", "src='"] {
        for (at, _) in html.match_indices(attribute) {
            let value = &html[at + attribute.len()..];
            assert!(
                value.starts_with("https://")
                    || value.starts_with("http://")
                    || value.starts_with("mailto:"),
                "{context}: relative link {}",
                &value[..value.len().min(60)]
            );
        }
    }
}

fn well_formed_xml(text: &str, context: &str) {
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(error) => panic!("{context}: not well-formed XML: {error}"),
        }
    }
}

#[test]
fn example_site_feeds_parse_with_full_content_and_absolute_links() {
    let out = tempfile::tempdir().unwrap();
    build(Path::new(env!("CARGO_MANIFEST_DIR")), out.path());
    let feeds = feeds_under(out.path());
    assert!(feeds.len() >= 3 * 10, "site and tag feeds: {}", feeds.len());
    for path in &feeds {
        let context = path.strip_prefix(out.path()).unwrap().display().to_string();
        let text = fs::read_to_string(path).unwrap();
        if context.ends_with(".xml") {
            well_formed_xml(&text, &context);
        }
        let feed =
            feed_rs::parser::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{context}: {e}"));
        assert!(!feed.entries.is_empty(), "{context}: no entries");
        let self_link = format!("{BASE}{context}");
        assert!(
            feed.links.iter().any(|l| l.href == self_link)
                || text.contains(&format!("\"feed_url\":\"{self_link}\"")),
            "{context}: no self link {self_link}"
        );
        for entry in &feed.entries {
            assert!(entry.id.starts_with(BASE), "{context}: id {}", entry.id);
            assert!(
                entry.links.iter().all(|l| l.href.starts_with("http")),
                "{context}: entry links"
            );
            assert!(entry.published.is_some(), "{context}: entry without date");
            let content = entry
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .unwrap_or_default();
            // Tag and author feeds carry summaries (`feeds.tag_content`), the others whole articles.
            let summaries = context.contains("tags/") || context.contains("authors/");
            if summaries {
                let summary = entry.summary.as_ref().map(|s| s.content.clone());
                let text = summary.unwrap_or(content);
                assert!(!text.is_empty(), "{context}: entry without a summary");
                assert_absolute_links(&text, &context);
            } else {
                assert!(content.len() > 200, "{context}: entry without full content");
                assert_absolute_links(&content, &context);
            }
        }
    }
}

#[test]
fn feeds_are_advertised_on_pages() {
    let out = tempfile::tempdir().unwrap();
    build(Path::new(env!("CARGO_MANIFEST_DIR")), out.path());
    let home = fs::read_to_string(out.path().join("index.html")).unwrap();
    for feed in ["atom.xml", "rss.xml", "feed.json"] {
        assert!(
            home.contains("rel=\"alternate\" type=\"application/"),
            "home"
        );
        assert!(
            home.contains(&format!("href=\"{PATH}{feed}\"")),
            "home lacks {feed}"
        );
    }
    let tag = fs::read_to_string(out.path().join("tags/sanctions/index.html")).unwrap();
    for feed in ["atom.xml", "rss.xml", "feed.json"] {
        assert!(
            tag.contains(&format!("href=\"{PATH}tags/sanctions/{feed}\"")),
            "tag page lacks its {feed}"
        );
        assert!(
            tag.contains(&format!("href=\"{PATH}{feed}\"")),
            "tag page lacks the site {feed}"
        );
    }
}

#[test]
fn feed_ids_survive_edits_to_title_and_tags() {
    let site = tempfile::tempdir().unwrap();
    copy_fixture("basic", site.path());
    let out = site.path().join("public");
    build(site.path(), &out);
    let ids = |out: &Path| -> Vec<String> {
        let text = fs::read_to_string(out.join("atom.xml")).unwrap();
        let mut ids: Vec<String> = feed_rs::parser::parse(text.as_bytes())
            .unwrap()
            .entries
            .into_iter()
            .map(|e| e.id)
            .collect();
        ids.sort();
        ids
    };
    let before = ids(&out);
    let article = site.path().join("content/2025/03/energy.md");
    let text = fs::read_to_string(&article)
        .unwrap()
        .replace("Energy strikes paused", "Energy strikes halted")
        .replace("[energy, Ukraine]", "[energy]");
    fs::write(&article, text).unwrap();
    build(site.path(), &out);
    assert_eq!(before, ids(&out));
}

#[test]
fn feed_snapshots() {
    let site = tempfile::tempdir().unwrap();
    copy_fixture("basic", site.path());
    let out = site.path().join("public");
    build(site.path(), &out);
    for feed in ["atom.xml", "rss.xml", "feed.json"] {
        let mut text = fs::read_to_string(out.join("tags/sanktsii").join(feed)).unwrap();
        if feed.ends_with(".json") {
            // Written compact (#20); indented here, keys sorted, so a change reads as a diff.
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            text = serde_json::to_string_pretty(&value).unwrap() + "\n";
        }
        insta::assert_snapshot!(format!("tag_feed_{feed}"), text);
    }
}
