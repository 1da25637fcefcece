//! Issue #20: `watch` keeps each edition's finished feed entry (Atom, RSS, JSON Feed) across
//! updates and remakes only the entries of editions an edit changed. After every edit the
//! whole output, the edition feeds included, equals a fresh `newsprint build` byte for byte,
//! with feeds that carry whole editions and with feeds too small for them (summaries, oldest
//! editions left out).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use newsprint::pipeline::{BuildOptions, Pipeline};
use newsprint::watch::{self, Sources};

use crate::support::{difference, tree};

const FEEDS: [&str; 3] = [
    "editions/atom.xml",
    "editions/rss.xml",
    "editions/feed.json",
];

/// Article `n` of the site: four days of three articles, each a daily edition; `body` is its
/// text, with characters every feed format escapes or drops.
fn write_article(root: &Path, n: usize, title: &str, body: &str) -> PathBuf {
    let relative = PathBuf::from(format!("content/2025/03/a{n}.md"));
    let text = format!(
        "---\ntitle: \"{title}\"\ndate: 2025-03-{:02}T{:02}:00:00Z\ntags: [Talks]\n---\n\n\
         {body} <b>&</b> \"quoted\" \u{85}dropped.\n\nSecond paragraph of {title}: {}\n",
        10 + n / 3,
        8 + n % 3,
        "words ".repeat(60)
    );
    std::fs::write(root.join(&relative), text).unwrap();
    relative
}

/// A fresh build of the site.
fn fresh(root: &Path, output: &Path) -> BTreeMap<String, Vec<u8>> {
    let _ = std::fs::remove_dir_all(output);
    let pipeline = Pipeline::open_once(BuildOptions::new(root, output.to_path_buf())).unwrap();
    pipeline.build_once().unwrap();
    tree(output)
}

/// Builds a site with `config` (after the title and base URL), then makes each edit in turn,
/// as `watch` would see it, checking the output against a fresh build after each.
fn edits_equal_fresh_builds(config: &str) {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("site");
    let public = root.join("public");
    let fresh_out = temp.path().join("fresh");
    std::fs::create_dir_all(root.join("content/2025/03")).unwrap();
    std::fs::write(
        root.join("config.yaml"),
        format!("title: T\nbase_url: https://user.github.io/digest/\n{config}"),
    )
    .unwrap();
    for n in 0..12 {
        write_article(&root, n, &format!("Article {n}"), "Body");
    }
    let mut pipeline = Pipeline::open(BuildOptions::new(&root, public.clone())).unwrap();
    pipeline.build_full().unwrap();
    let mut sources = Sources::scan(&root, "default".into());
    let first = tree(&public);
    assert!(FEEDS.iter().all(|feed| first.contains_key(*feed)));

    // An older edition, the newest one, the same one twice, a hostile title, and one back.
    let edits: [(usize, &str, &str); 6] = [
        (4, "Article 4 retold", "Edited"),
        (10, "Article 10 <script>", "Edited again"),
        (10, "Article 10 & more", "Edited again"),
        (1, "Oldest ]]> edit", "Edited \u{1}"),
        (7, "Article 7 'quoted'", "Edited"),
        (4, "Article 4", "Body"),
    ];
    for (number, (n, title, body)) in edits.into_iter().enumerate() {
        let before = tree(&public);
        let relative = write_article(&root, n, title, body);
        let seen = vec![(relative.clone(), watch::probe(&root, &relative))];
        let plan = watch::plan(&mut sources, &seen);
        pipeline.update(&plan.change).unwrap();
        let now = tree(&public);
        let want = fresh(&root, &fresh_out);
        assert!(now == want, "edit {number}: {}", difference(&now, &want));
        assert_ne!(now, before, "edit {number} changed nothing");
    }
}

#[test]
fn edits_keep_other_editions_entries_and_equal_fresh_builds() {
    edits_equal_fresh_builds("");
}

#[test]
fn edits_equal_fresh_builds_when_editions_are_summarised_or_left_out() {
    // Room for the summaries of two or three of the four editions, not for their whole text.
    edits_equal_fresh_builds("feeds:\n  max_bytes: 4096\n");
}
