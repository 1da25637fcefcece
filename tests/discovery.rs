//! Finding the story (issue #18): author pages and feeds, date archives, related coverage,
//! aliases with pinned feed ids, run with the real binary on `tests/fixtures/discovery`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod support;
use support::{copy_tree, tree};

const BASE: &str = "https://user.github.io/digest/";

/// The fixture copied into a fresh folder.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/discovery");
    copy_tree(&from, dir.path());
    dir
}

fn newsprint(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsprint"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap()
}

fn build(root: &Path) -> PathBuf {
    let result = newsprint(&["build"], root);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    root.join("public")
}

fn read(path: impl AsRef<Path>) -> String {
    fs::read_to_string(path.as_ref()).unwrap_or_else(|e| panic!("{}: {e}", path.as_ref().display()))
}

/// The entry links of a feed, in feed order, parsed by a real feed parser.
fn feed_links(path: &Path) -> Vec<String> {
    let feed = feed_rs::parser::parse(fs::read(path).unwrap().as_slice())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    feed.entries
        .iter()
        .map(|entry| entry.links[0].href.clone())
        .collect()
}

fn article(path: &str) -> String {
    format!("{BASE}{path}")
}

#[test]
fn author_pages_and_feeds_hold_exactly_their_articles() {
    let site = fixture();
    let public = build(site.path());
    let files = tree(&public);
    let author_files: Vec<&str> = files
        .keys()
        .map(String::as_str)
        .filter(|path| path.starts_with("authors/"))
        .collect();
    let mut expected = vec!["authors/index.html".to_string()];
    for slug in ["ann-lee", "bo", "cy"] {
        for file in ["atom.xml", "feed.json", "index.html", "rss.xml"] {
            expected.push(format!("authors/{slug}/{file}"));
        }
    }
    // Three articles at two per page.
    expected.push("authors/ann-lee/page/2/index.html".into());
    expected.sort();
    assert_eq!(author_files, expected);

    let ann = [
        article("2025/03/ceasefire-holds/"),
        article("2025/02/black-sea-grain/"),
        article("2025/01/truce-talks/"),
    ];
    let bo = [
        article("2025/02/black-sea-grain/"),
        article("2025/02/new-sanctions/"),
    ];
    let cy = [article("2024/12/grain-corridor/")];
    for (slug, want) in [("ann-lee", &ann[..]), ("bo", &bo[..]), ("cy", &cy[..])] {
        for feed in ["atom.xml", "rss.xml", "feed.json"] {
            let path = public.join(format!("authors/{slug}/{feed}"));
            assert_eq!(feed_links(&path), want, "{}", path.display());
        }
    }

    let page = read(public.join("authors/ann-lee/index.html"));
    assert!(
        page.contains("<h1 class=\"page-title\">Ann Lee</h1>"),
        "{page}"
    );
    assert!(page.contains("<p class=\"bio\">Kyiv correspondent.</p>"));
    assert!(page.contains("href=\"https://social.example/@ann\" rel=\"me external\""));
    assert!(page.contains(&format!("{BASE}authors/ann-lee/atom.xml")));
    let index = read(public.join("authors/index.html"));
    for (slug, name) in [("ann-lee", "Ann Lee"), ("bo", "Bo Chen"), ("cy", "Cy")] {
        assert!(
            index.contains(&format!("<a href=\"{BASE}authors/{slug}/\">{name}</a>")),
            "{index}"
        );
    }

    // Bylines link to the author pages; JSON-LD names the page and the profiles.
    let story = read(public.join("2025/02/black-sea-grain/index.html"));
    assert!(story.contains(&format!(
        "<a class=\"author\" href=\"{BASE}authors/ann-lee/\" rel=\"author\">Ann Lee</a> and \
         <a class=\"author\" href=\"{BASE}authors/bo/\" rel=\"author\">Bo Chen</a>"
    )));
    assert!(story.contains(&format!(
        "{{\"@type\":\"Person\",\"name\":\"Ann Lee\",\"url\":\"{BASE}authors/ann-lee/\",\
         \"sameAs\":[\"https://ann.example/\",\"https://social.example/@ann\"]}}"
    )));
    assert!(story.contains(&format!(
        "{{\"@type\":\"Person\",\"name\":\"Bo Chen\",\"url\":\"{BASE}authors/bo/\"}}"
    )));
    // RSS still names authors with dc:creator.
    let rss = read(public.join("authors/bo/rss.xml"));
    assert!(rss.contains("<dc:creator>Ann Lee</dc:creator>"), "{rss}");
    // Author pages are in the sitemap.
    let sitemap = read(public.join("sitemap.xml"));
    assert!(sitemap.contains(&format!("<loc>{BASE}authors/cy/</loc>")));
}

#[test]
fn an_unknown_key_in_authors_yaml_is_an_error_at_its_place() {
    let site = fixture();
    let path = site.path().join("authors.yaml");
    let text = read(&path).replace("  bio: Kyiv", "  boi: Kyiv");
    fs::write(&path, text).unwrap();
    let result = newsprint(&["build"], site.path());
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("unknown key `boi` in authors.yaml"),
        "{stderr}"
    );
    assert!(stderr.contains("authors.yaml:3:3"), "{stderr}");
    assert!(stderr.contains("did you mean `bio`?"), "{stderr}");
}
