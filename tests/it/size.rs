//! Output size (#20): list pages that stop at `paginate_max_pages` and point at the archive, tag
//! and author feeds of summaries, and the host-limit warnings, on small sites built by the real
//! binary.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use crate::support::tree;

const BASE: &str = "https://example.org/";

/// A site of `count` articles, all tagged Russia and written by Ann Lee, one a day.
fn site(root: &Path, config: &str, count: usize) {
    fs::create_dir_all(root).unwrap();
    fs::write(
        root.join("config.yaml"),
        format!("title: Size\nbase_url: {BASE}\npaginate: 2\n{config}"),
    )
    .unwrap();
    let folder = root.join("content/2025/03");
    fs::create_dir_all(&folder).unwrap();
    for day in 1..=count {
        let body = "A long paragraph about the talks. ".repeat(20);
        fs::write(
            folder.join(format!("story-{day}.md")),
            format!(
                "---\ntitle: Story {day}\ndate: 2025-03-{day:02}\ntags: [Russia]\n\
                 authors: [Ann Lee]\nsummary: Summary {day}.\n---\n{body}\n\nSecret ending {day}.\n"
            ),
        )
        .unwrap();
    }
}

fn build(root: &Path, output: &Path) -> Output {
    let result = Command::new(env!("CARGO_BIN_EXE_newsprint"))
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(output)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    result
}

fn read(output: &Path, path: &str) -> String {
    fs::read_to_string(output.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every `<loc>` of the sitemap files.
fn sitemap_locs(output: &Path) -> Vec<String> {
    let files = tree(output);
    let mut locs = Vec::new();
    for (path, bytes) in files.iter().filter(|(p, _)| p.starts_with("sitemap")) {
        let text = String::from_utf8(bytes.clone()).unwrap();
        for piece in text.split("<loc>").skip(1) {
            let loc = piece.split("</loc>").next().unwrap();
            if !loc.ends_with(".xml") {
                locs.push(loc.to_string());
            }
        }
        assert!(!text.is_empty(), "{path}");
    }
    locs
}

#[test]
fn list_pages_stop_at_paginate_max_pages_and_the_last_links_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let (root, output) = (dir.path().join("site"), dir.path().join("out"));
    site(&root, "paginate_max_pages: 2\n", 7);
    build(&root, &output);
    let files = tree(&output);
    for folder in ["", "tags/russia/", "authors/ann-lee/"] {
        assert!(
            files.contains_key(&format!("{folder}page/2/index.html")),
            "{folder}"
        );
        assert!(
            !files.contains_key(&format!("{folder}page/3/index.html")),
            "{folder}"
        );
        let last = read(&output, &format!("{folder}page/2/index.html"));
        assert!(
            last.contains(r#"<a class="older" href="/archive/">"#),
            "{folder}: {last}"
        );
        let first = read(&output, &format!("{folder}index.html"));
        assert!(
            first.contains(&format!(
                r#"<a class="older" href="/{folder}page/2/" rel="next">"#
            )),
            "{folder}: {first}"
        );
    }
    // Every article is still reachable: its month's archive page lists it.
    let month = read(&output, "2025/03/index.html");
    for day in 1..=7 {
        assert!(
            month.contains(&format!("href=\"/2025/03/story-{day}/\"")),
            "{day}"
        );
    }
    // The sitemap lists the pages that exist, and only them.
    let locs = sitemap_locs(&output);
    assert!(
        locs.contains(&format!("{BASE}tags/russia/page/2/")),
        "{locs:?}"
    );
    let lists = locs.iter().filter(|loc| !loc.contains("/editions/"));
    assert!(
        !lists.clone().any(|loc| loc.contains("/page/3/")),
        "{locs:?}"
    );
    for loc in &locs {
        let path = loc.strip_prefix(BASE).unwrap();
        assert!(
            files.contains_key(&format!("{path}index.html")) || files.contains_key(path),
            "{loc} is in the sitemap but not in the output"
        );
    }
}

#[test]
fn a_list_that_fits_its_pages_links_no_archive_and_zero_means_no_limit() {
    let dir = tempfile::tempdir().unwrap();
    let (root, output) = (dir.path().join("site"), dir.path().join("out"));
    site(&root, "paginate_max_pages: 2\n", 4);
    build(&root, &output);
    let last = read(&output, "tags/russia/page/2/index.html");
    assert!(!last.contains(r#"<a class="older""#), "{last}");

    let (root, output) = (dir.path().join("site0"), dir.path().join("out0"));
    site(&root, "paginate_max_pages: 0\n", 7);
    build(&root, &output);
    let files = tree(&output);
    assert!(files.contains_key("tags/russia/page/4/index.html"));
    assert!(files.contains_key("page/4/index.html"));
}

#[test]
fn tag_and_author_feeds_carry_summaries_and_the_site_feeds_whole_articles() {
    let dir = tempfile::tempdir().unwrap();
    let (root, output) = (dir.path().join("site"), dir.path().join("out"));
    site(&root, "", 3);
    build(&root, &output);
    for feed in ["tags/russia/", "authors/ann-lee/"] {
        for file in ["atom.xml", "rss.xml", "feed.json"] {
            let text = read(&output, &format!("{feed}{file}"));
            assert!(!text.contains("Secret ending"), "{feed}{file}");
            assert!(text.contains("Summary 3."), "{feed}{file}");
            let parsed = feed_rs::parser::parse(text.as_bytes()).unwrap();
            assert_eq!(parsed.entries.len(), 3, "{feed}{file}");
        }
    }
    for file in ["atom.xml", "rss.xml", "feed.json"] {
        assert!(read(&output, file).contains("Secret ending 3."), "{file}");
    }

    let (root, output) = (dir.path().join("full"), dir.path().join("out-full"));
    site(&root, "feeds:\n  tag_content: full\n", 3);
    build(&root, &output);
    for file in ["tags/russia/atom.xml", "authors/ann-lee/feed.json"] {
        assert!(read(&output, file).contains("Secret ending 3."), "{file}");
    }
}

#[test]
fn a_build_past_the_host_limits_warns_with_the_measured_figures() {
    let dir = tempfile::tempdir().unwrap();
    let (root, output) = (dir.path().join("site"), dir.path().join("out"));
    site(&root, "", 3);
    let quiet = build(&root, &output);
    let stderr = String::from_utf8_lossy(&quiet.stderr);
    assert!(!stderr.contains("warning"), "{stderr}");

    site(&root, "deploy:\n  max_files: 5\n  max_bytes: 1000\n", 3);
    let warned = build(&root, &output);
    let stderr = String::from_utf8_lossy(&warned.stderr);
    let files = tree(&output);
    let bytes: usize = files.values().map(Vec::len).sum();
    let grouped = |n: usize| {
        let digits = n.to_string();
        let mut out = String::new();
        for (at, digit) in digits.chars().enumerate() {
            if at > 0 && (digits.len() - at).is_multiple_of(3) {
                out.push(',');
            }
            out.push(digit);
        }
        out
    };
    assert!(
        stderr.contains(&format!(
            "warning: the output holds {} files",
            grouped(files.len())
        )) && stderr.contains("`deploy.max_files` (5 files)"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("takes {} bytes", grouped(bytes)))
            && stderr.contains("`deploy.max_bytes` (1,000 bytes)"),
        "{stderr}"
    );
}

#[test]
fn unknown_deploy_keys_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (root, output) = (dir.path().join("site"), dir.path().join("out"));
    site(&root, "deploy:\n  max_file: 5\n", 1);
    let result = Command::new(env!("CARGO_BIN_EXE_newsprint"))
        .args(["build", "--root"])
        .arg(&root)
        .arg("--output")
        .arg(&output)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("max_file"), "{stderr}");
}
