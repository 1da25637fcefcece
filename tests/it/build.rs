//! Runs the real `newsprint` binary on fixture sites and checks exit codes, messages and the
//! output tree. A missing *or* unexpected output file fails a test.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::{Site, assert_expected_output, assert_success, stderr, tree};

/// Each fixture that builds has `expected/`: its exact file list and some files byte for byte.
#[test]
fn fixture_sites_have_exactly_their_expected_output() {
    for fixture in ["basic", "discovery", "editions", "languages", "polish"] {
        let site = Site::fixture(fixture);
        assert_success(&site.build());
        assert_expected_output(fixture, &site.public());
    }
}

#[test]
fn article_page_shows_what_a_reader_needs() {
    let site = Site::fixture("basic");
    assert_success(&site.build());
    let page = site.page("2025/03/talks-resume/index.html");
    for needle in [
        "<title>Talks resume in Riyadh",
        "Talks resume in Riyadh</h1>",
        "datetime=\"2025-03-16T18:00:00+02:00\"",
        // Shown in the site's zone (Europe/Kyiv), labelled as newspapers do (#21).
        "16 March 2025, 18:00 EET",
        // The byline links each author's page (#18).
        // Links into the site are root-relative, the base path kept (#20).
        ">Anna Kowalska</a> and <a class=\"author\" href=\"/digest/authors/david-cohen/\"",
        "href=\"/digest/tags/russia/\"",
        "href=\"/digest/tags/sanctions/\"",
        // The relative Markdown link and image resolve to the target's URL.
        "href=\"/digest/2025/03/truce/#terms\"",
        "src=\"/digest/2025/03/map.svg\"",
        "href=\"https://news.example.org/riyadh\"",
        "application/ld+json",
        "rel=\"canonical\" href=\"https://user.github.io/digest/2025/03/talks-resume/\"",
        // prev (older) and next (newer) articles.
        "href=\"/digest/2025/03/truce/\" rel=\"prev\"",
        "href=\"/digest/2025/03/energy/\" rel=\"next\"",
    ] {
        assert!(page.contains(needle), "article page lacks {needle:?}");
    }
}

#[test]
fn drafts_and_future_articles_need_flags() {
    let site = Site::fixture("basic");
    assert_success(&site.build());
    assert!(!site.public().join("2025/03/draft").exists());
    assert!(!site.public().join("2999").exists());
    assert_success(&site.newsprint(&["build", "--drafts", "--future"]));
    assert!(site.public().join("2025/03/draft/index.html").exists());
    assert!(site.public().join("2999/01/future/index.html").exists());
}

#[test]
fn home_is_newest_first_and_grouped_by_day() {
    let site = Site::fixture("basic");
    assert_success(&site.build());
    let home = site.page("index.html");
    let energy = home.find("Energy strikes paused").unwrap();
    let talks = home.find("Talks resume in Riyadh").unwrap();
    assert!(energy < talks, "newest first");
    assert!(home.contains("Tuesday 18 March 2025"), "day heading");
    assert!(
        home.contains("href=\"/digest/page/2/\""),
        "link to the older page"
    );
    let older = site.page("page/2/index.html");
    assert!(older.contains("what a 30-day truce would mean"));
}

#[test]
fn list_pages_show_a_card_per_article_shared_or_per_page() {
    let site = Site::fixture("basic");
    assert_success(&site.build());
    // The built-in card reads only `article`: rendered once, the same on home and tag pages.
    let card_of = |page: &str, title: &str| -> String {
        let html = site.page(page);
        let at = html
            .find(title)
            .unwrap_or_else(|| panic!("{title} not on {page}"));
        let start = html[..at].rfind("<article class=\"card\">").unwrap();
        let end = at + html[at..].find("</article>").unwrap();
        html[start..end].to_string()
    };
    let on_home = card_of("index.html", "Energy strikes paused");
    assert!(on_home.contains("<ul class=\"tags\">"), "{on_home}");
    assert!(!on_home.contains("rel=\"tag\""), "{on_home}");
    assert_eq!(
        on_home,
        card_of("tags/energy/index.html", "Energy strikes paused")
    );
    assert!(
        site.page("2025/03/energy/index.html")
            .contains("rel=\"tag\"")
    );

    // A card that reads the page cannot be shared: it is rendered on every page, as written.
    site.write(
        "themes/default/templates/partials/article_card.html",
        "<article class=\"card\">{{ article.title }} on the {{ page.kind }} page</article>\n",
    );
    assert_success(&site.build());
    assert!(
        site.page("index.html")
            .contains("Energy strikes paused on the home page")
    );
    let tag_page = site.page("tags/energy/index.html");
    assert!(tag_page.contains("Energy strikes paused on the tag page"));

    // A shared card that fails names the template and the article.
    site.write(
        "themes/default/templates/partials/article_card.html",
        "<article class=\"card\">{{ article.title ~ article.nope.deeper }}</article>\n",
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains("partials/article_card.html"), "{message}");
    assert!(message.contains("content/2025/03/energy.md"), "{message}");
    assert_eq!(
        message.matches("energy.md").count(),
        1,
        "once, not per page: {message}"
    );
}

/// A file on the path of a page, or where a page needs a folder, is an error naming both
/// (issue #13: generated paths are reserved; this used to be a warning and the page won).
#[test]
fn a_file_on_a_pages_path_or_folder_is_an_error() {
    let site = Site::fixture("basic");
    site.write("static/index.html", "not the home page");
    site.write("static/robots.txt", "User-agent: *\nDisallow: /\n");
    site.write(
        "content/2025/03/chart.md",
        "---\ntitle: The chart\ndate: 2025-03-17\nslug: map.svg\n---\nA page where map.svg was.\n",
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    for (file, other) in [
        ("static/index.html", "newsprint's home page"),
        ("static/robots.txt", "newsprint's robots.txt"),
        ("content/2025/03/chart.md", "content/2025/03/map.svg"),
    ] {
        assert!(
            errors
                .lines()
                .any(|line| line.contains(file) && line.contains(other)),
            "{file}: {errors}"
        );
    }
    assert!(errors.contains("build failed with 3 errors"), "{errors}");
    assert!(!site.public().exists());
}

#[test]
fn tags_merge_case_and_transliterate() {
    let site = Site::fixture("basic");
    assert_success(&site.build());
    let tags = site.page("tags/index.html");
    assert!(tags.contains("Санкции"));
    let sanctions = site.page("tags/sanctions/index.html");
    assert!(sanctions.contains("Talks resume in Riyadh") && sanctions.contains("30-day truce"));
    // Tag pages advertise their own feeds.
    assert!(sanctions.contains("href=\"/digest/tags/sanctions/atom.xml\""));
}

#[test]
fn base_url_flag_overrides_config() {
    let site = Site::fixture("basic");
    assert_success(&site.newsprint(&["build", "--base-url", "https://me.example.net/news"]));
    let page = site.page("2025/03/energy/index.html");
    assert!(page.contains("href=\"/news/tags/energy/\""));
    assert!(
        page.contains(
            "<link rel=\"canonical\" href=\"https://me.example.net/news/2025/03/energy/\">"
        )
    );
    assert!(!page.contains("user.github.io"));
}

#[test]
fn hostile_front_matter_is_text() {
    let site = Site::fixture("basic");
    site.write(
        "content/2025/03/hostile.md",
        "---\ntitle: \"<script>alert('x')</script> & \\\"quotes\\\"\"\ndate: 2025-03-17\ntags: [\"<b>bold</b>\"]\nauthors: [\"<img src=x onerror=alert(1)>\"]\nsummary: \"</script><script>alert(2)</script>\"\n---\n<script>alert(3)</script>\n\n[click](javascript:alert(4))\n",
    );
    assert_success(&site.build());
    for (path, bytes) in tree(&site.public()) {
        let mut text = String::from_utf8_lossy(&bytes).into_owned();
        if path.ends_with(".json") {
            // JSON Feed titles are plain text by definition; only its HTML must be inert.
            let feed: serde_json::Value = serde_json::from_str(&text).unwrap();
            text = feed["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|item| item["content_html"].to_string())
                .collect();
        }
        for bad in ["<script>alert", "<b>bold", "<img src=x", "javascript:alert"] {
            assert!(!text.contains(bad), "{path} contains {bad}");
        }
    }
    let page = site.page("2025/03/hostile/index.html");
    assert!(
        page.contains("&lt;script&gt;alert("),
        "the title shows as text"
    );
}

#[test]
fn output_is_the_same_single_threaded_and_parallel() {
    let site = Site::fixture("basic");
    assert_success(&site.build());
    let parallel = tree(&site.public());
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsprint"));
    command
        .args(["build"])
        .current_dir(site.root())
        .env("RAYON_NUM_THREADS", "1");
    assert_success(&command.output().unwrap());
    assert!(parallel == tree(&site.public()), "outputs differ");
}

#[test]
fn unsafe_output_folders_are_refused() {
    let site = Site::fixture("basic");
    for output in [".", "content", "..", "/"] {
        let result = site.newsprint(&["build", "--output", output]);
        assert_eq!(
            result.status.code(),
            Some(2),
            "--output {output}: {}",
            stderr(&result)
        );
        assert!(
            stderr(&result).contains("refusing to use"),
            "{}",
            stderr(&result)
        );
    }
    assert!(site.root().join("content/2025/03/energy.md").exists());
}

#[test]
fn new_writes_an_article_and_refuses_to_overwrite() {
    let site = Site::fixture("basic");
    let args = [
        "new",
        "Talks resume in Riyadh",
        "--tags",
        "Russia,Ukraine",
        "--date",
        "2025-03-20",
    ];
    let first = site.newsprint(&args);
    assert_success(&first);
    let text = fs::read_to_string(
        site.root()
            .join("content/2025/03/talks-resume-in-riyadh.md"),
    )
    .unwrap();
    assert!(text.contains("title: \"Talks resume in Riyadh\""));
    assert!(text.contains("tags: [\"Russia\", \"Ukraine\"]"));
    let second = site.newsprint(&args);
    assert_eq!(second.status.code(), Some(2));
    assert!(stderr(&second).contains("already exists"));
    assert_success(&site.build());
}

/// Each broken input: exit 1, a compiler-style message (snapshotted), previous output untouched.
#[test]
fn broken_inputs_fail_cleanly_and_keep_the_last_output() {
    let cases: &[(&str, &str, &[u8])] = &[
        (
            "bad_date",
            "content/2025/03/bad.md",
            b"---\ntitle: Bad\ndate: next Tuesday\n---\nBody\n",
        ),
        (
            "unknown_key",
            "content/2025/03/bad.md",
            b"---\ntitle: Bad\ndate: 2025-03-16\ntgas: [x]\n---\nBody\n",
        ),
        (
            "unclosed_front_matter",
            "content/2025/03/bad.md",
            b"---\ntitle: Bad\ndate: 2025-03-16\nBody\n",
        ),
        (
            "no_front_matter",
            "content/2025/03/bad.md",
            b"# Just a heading\n\nBody\n",
        ),
        ("empty_file", "content/2025/03/bad.md", b""),
        (
            "yaml_syntax",
            "content/2025/03/bad.md",
            b"---\ntitle: Bad\ndate: 2025-03-16\ntags: [a, b\n---\nBody\n",
        ),
        (
            "tabs_in_yaml",
            "content/2025/03/bad.md",
            b"---\ntitle: Bad\ndate: 2025-03-16\ntags:\n\t- a\n---\nBody\n",
        ),
        (
            "unquoted_colon",
            "content/2025/03/bad.md",
            b"---\ntitle: Analysis: what next\ndate: 2025-03-16\n---\nBody\n",
        ),
        (
            "missing_title",
            "content/2025/03/bad.md",
            b"---\ndate: 2025-03-16\n---\nBody\n",
        ),
        (
            "broken_link",
            "content/2025/03/bad.md",
            b"---\ntitle: Bad\ndate: 2025-03-16\n---\nIntro.\n\nSee [the truce](truse.md).\n",
        ),
        (
            "bad_slug",
            "content/2025/03/bad.md",
            b"---\ntitle: Bad\ndate: 2025-03-16\nslug: ../../etc\n---\nBody\n",
        ),
        (
            "duplicate_url",
            "content/2025/03/bad.md",
            b"---\ntitle: Bad\ndate: 2025-03-16\nslug: energy\n---\nBody\n",
        ),
        (
            "invalid_utf8",
            "content/2025/03/bad.md",
            b"---\ntitle: Caf\xe9\ndate: 2025-03-16\n---\nBody\n",
        ),
        (
            "utf16",
            "content/2025/03/bad.md",
            b"\xff\xfe-\x00-\x00-\x00\n\x00",
        ),
        (
            "bad_config",
            "config.yaml",
            b"title: T\nbase_url: https://e.org/\npaginte: 5\n",
        ),
        (
            "bad_template",
            "themes/default/templates/article.html",
            b"{% extends \"base.html\" %}{% block content %}{{ article.title }{% endblock %}",
        ),
    ];
    let site = Site::fixture("basic");
    assert_success(&site.build());
    let good = tree(&site.public());
    for (name, file, bytes) in cases {
        let original = fs::read(site.root().join(file)).ok();
        site.write(file, bytes);
        let output = site.build();
        assert_eq!(output.status.code(), Some(1), "{name}: {}", stderr(&output));
        insta::assert_snapshot!(format!("broken_{name}"), stderr(&output));
        assert!(
            good == tree(&site.public()),
            "{name}: the previous output changed"
        );
        match original {
            Some(bytes) => fs::write(site.root().join(file), bytes).unwrap(),
            None => fs::remove_file(site.root().join(file)).unwrap(),
        }
    }
    assert_success(&site.build());
}

#[test]
fn every_error_of_a_build_is_reported() {
    let site = Site::fixture("basic");
    site.write("content/2025/03/a.md", "---\ntitle: A\ndate: soon\n---\n");
    site.write(
        "content/2025/03/b.md",
        "---\ntitle: B\ndate: 2025-03-16\nauthr: x\n---\n",
    );
    site.write(
        "content/2025/03/c.md",
        "---\ntitle: C\ndate: 2025-03-16\n---\n[x](nowhere.md)\n",
    );
    site.write(
        "content/2025/03/d.md",
        "---\ntitle: D\ndate: 2025-13-45\nslug: \"d/e\"\n---\n",
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    for needle in [
        "content/2025/03/a.md:3:7",
        "content/2025/03/b.md:4:1",
        "content/2025/03/c.md:5:1",
        "content/2025/03/d.md:3:7",
        "content/2025/03/d.md:4:7",
        "build failed with 5 errors",
    ] {
        assert!(message.contains(needle), "missing {needle} in\n{message}");
    }
    assert!(
        !site.public().exists(),
        "a failed first build writes nothing"
    );
}

/// The `href` and `src` values of an HTML page.
fn links(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attribute) {
            rest = &rest[at + attribute.len()..];
            if let Some(end) = rest.find('"') {
                found.push(rest[..end].replace("&amp;", "&"));
            }
        }
    }
    found
}

/// Checks every link under `base` on every HTML page resolves to a file of the output.
fn assert_internal_links_resolve(public: &Path, base: &str, at_least: usize) {
    let files = tree(public);
    let mut checked = 0;
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        for link in links(&String::from_utf8_lossy(bytes)) {
            // Pages link into the site root-relative (#20): resolve as a browser on it would.
            let origin = &base[..base[8..].find('/').map_or(base.len(), |at| at + 8)];
            let link = match link.starts_with('/') && !link.starts_with("//") {
                true => format!("{origin}{link}"),
                false => link,
            };
            let Some(inside) = link.strip_prefix(base) else {
                assert!(
                    !link.starts_with('/'),
                    "{path}: root-relative link {link} misses the base path"
                );
                continue;
            };
            let inside = inside.split('#').next().unwrap();
            let target = if inside.is_empty() || inside.ends_with('/') {
                format!("{inside}index.html")
            } else {
                inside.to_string()
            };
            assert!(
                files.contains_key(&target),
                "{path}: link {link} does not resolve"
            );
            checked += 1;
        }
    }
    assert!(checked >= at_least, "only {checked} links checked");
}

#[test]
fn example_site_builds_under_a_sub_path_and_every_link_resolves() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("site");
    let root = env!("CARGO_MANIFEST_DIR");
    let output = Command::new(env!("CARGO_BIN_EXE_newsprint"))
        .args(["build", "--root", root, "--output"])
        .arg(&public)
        .args(["--base-url", "https://user.github.io/digest"])
        .output()
        .unwrap();
    assert_success(&output);
    for page in [
        "index.html",
        "tags/russia/index.html",
        "tags/ukraine/index.html",
        "tags/sanctions/index.html",
        "2025/03/black-sea-corridor.svg",
    ] {
        assert!(public.join(page).exists(), "{page} missing");
    }
    assert_internal_links_resolve(&public, "https://user.github.io/digest/", 500);
}

#[test]
fn fixture_links_resolve_too() {
    let site = Site::fixture("basic");
    assert_success(&site.build());
    assert_internal_links_resolve(&site.public(), "https://user.github.io/digest/", 50);
}

#[test]
fn check_writes_nothing_and_catches_broken_links_and_dates() {
    let site = Site::fixture("basic");
    let clean = site.newsprint(&["check"]);
    assert_success(&clean);
    assert!(!site.public().exists(), "check must not write");

    site.write(
        "content/2025/03/bad.md",
        "---\ntitle: Bad\ndate: 16/03/2025\n---\nSee [gone](gone.md).\n",
    );
    site.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<a href=\"{{ url(path='no-such-page/') }}\">home</a>{% endblock %}",
    );
    let output = site.newsprint(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("content/2025/03/bad.md:3:7"), "{message}");

    // Fix the date: the broken link and the template's link remain.
    site.write(
        "content/2025/03/bad.md",
        "---\ntitle: Bad\ndate: 2025-03-16\n---\nSee [gone](gone.md).\n",
    );
    let output = site.newsprint(&["check"]);
    let message = stderr(&output);
    assert!(
        message.contains("link `gone.md` does not resolve") && message.contains("bad.md:5:5"),
        "{message}"
    );
    site.write(
        "content/2025/03/bad.md",
        "---\ntitle: Bad\ndate: 2025-03-16\n---\nFine.\n",
    );
    let output = site.newsprint(&["check"]);
    let message = stderr(&output);
    assert!(
        message.contains("`404.html` links to `https://user.github.io/digest/no-such-page/`"),
        "{message}"
    );
    assert!(!site.public().exists());
}

#[test]
fn init_makes_a_site_that_builds_and_refuses_a_used_folder() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_newsprint"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    assert_success(&run(&["init", "my-digest"]));
    let site = dir.path().join("my-digest");
    for file in [
        "config.yaml",
        ".github/workflows/pages.yml",
        ".gitignore",
        "static",
    ] {
        assert!(site.join(file).exists(), "{file} missing");
    }
    let workflow = fs::read_to_string(site.join(".github/workflows/pages.yml")).unwrap();
    for needle in [
        "actions/upload-pages-artifact",
        "include-hidden-files: true",
        "actions/deploy-pages",
        "--base-url",
    ] {
        assert!(workflow.contains(needle), "workflow lacks {needle}");
    }
    assert_success(&run(&[
        "build",
        "--root",
        "my-digest",
        "--base-url",
        "https://user.github.io/my-digest",
    ]));
    assert!(site.join("public/.nojekyll").exists());
    assert_internal_links_resolve(
        &site.join("public"),
        "https://user.github.io/my-digest/",
        10,
    );
    let again = run(&["init", "my-digest"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("not empty"));
}

/// At its own `base_url` (what `newsprint check` in the repository does) and under a sub-path,
/// as GitHub Pages serves it.
#[test]
fn example_site_passes_check_at_its_base_url_and_under_a_sub_path() {
    let root = env!("CARGO_MANIFEST_DIR");
    for base_url in [&[][..], &["--base-url", "https://user.github.io/digest"]] {
        let output = Command::new(env!("CARGO_BIN_EXE_newsprint"))
            .args(["check", "--root", root])
            .args(base_url)
            .output()
            .unwrap();
        assert_success(&output);
    }
}

#[test]
fn not_found_page_links_work_at_any_path() {
    let site = Site::fixture("basic");
    assert_success(&site.build());
    let page = site.page("404.html");
    // Served at whatever path was missing: only absolute or root-relative links (with the base
    // path) reach their target from there, never a document-relative one.
    for link in links(&page) {
        assert!(
            link.starts_with("https://user.github.io/digest/")
                || link.starts_with("/digest/")
                || link.starts_with('#'),
            "404.html has a link that breaks at other paths: {link}"
        );
    }
}

#[test]
fn pages_output_has_nojekyll_and_cname() {
    let site = Site::fixture("basic");
    let config = fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write("config.yaml", format!("{config}cname: news.example.org\n"));
    assert_success(&site.build());
    assert_eq!(site.page(".nojekyll"), "");
    assert_eq!(site.page("CNAME"), "news.example.org\n");
    assert!(
        site.page("robots.txt")
            .contains("Sitemap: https://user.github.io/digest/sitemap.xml")
    );
}
