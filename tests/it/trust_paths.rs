//! The trust boundary around paths (issue #13, classes 1, 2, 4 and 5): what may reach the output
//! (symbolic links, active files, host-control files, draft leftovers), which folder newsprint
//! may replace, and which output paths are newsprint's own. Each test runs the real binary on a
//! site in a temporary folder; the watch test polls every 50 ms for up to 20 s.

#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::Output;

use crate::support::{Running, Site, stderr, tree};

/// A small site: two articles, one static file.
fn two_articles() -> Site {
    let site = Site::with_config("title: Test Digest\nbase_url: https://user.github.io/digest/\n");
    site.write(
        "content/2025/03/alpha.md",
        article("Alpha talks", "2025-03-10"),
    );
    site.write(
        "content/2025/03/beta.md",
        article("Beta truce", "2025-03-11"),
    );
    site.write("static/humans.txt", "people\n");
    site
}

fn article(title: &str, date: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\ntags: [Talks]\n---\n\nThe body of {title}.\n")
}

fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "expected success, got {:?}\n{}",
        output.status.code(),
        stderr(output)
    );
}

/// The command failed with `code` and every one of `needles` is in its stderr.
fn assert_fails(output: &Output, code: i32, needles: &[&str]) {
    let message = stderr(output);
    assert_eq!(output.status.code(), Some(code), "{message}");
    assert!(!message.contains("panicked"), "{message}");
    for needle in needles {
        assert!(message.contains(needle), "`{needle}` not in:\n{message}");
    }
}

// ---------------------------------------------------------------------------------------------
// Class 1: one symbolic-link rule for build, watch and serve.

/// Links that leave the site, or reach a hidden file in it (`.git/config` holds the CI token
/// after `actions/checkout`; `.env`), are skipped whether they exist before `watch` starts or
/// appear while it runs; a link inside the site is followed. Afterwards the watched output is
/// byte for byte what a fresh build of the same files makes.
#[test]
fn links_added_while_watching_follow_the_build_rule() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: SECRET-OUTSIDE\ndate: 2025-03-12\n---\nSECRET-BODY\n",
    )
    .unwrap();
    fs::write(outside.path().join("secret.txt"), "SECRET-FILE").unwrap();
    let site = two_articles();
    site.write(".git/config", "[http]\nextraheader = CI-TOKEN\n");
    site.write(".env", "API_KEY=SECRET-ENV\n");
    site.write("content/2025/03/real.txt", "real file\n");
    // One of each kind before watch starts: the first build must skip them too.
    site.link("content/early-token.txt", &site.path(".git/config"));
    site.link("content/early.txt", &outside.path().join("secret.txt"));

    let root = site.root().to_str().unwrap().to_string();
    let run = Running::start(&["watch", "--root", &root]);
    let public = site.path("public");
    run.wait("the first build", || {
        public.join("2025/03/alpha/index.html").is_file()
    });
    run.wait("the watcher", || run.stdout().contains("watching"));

    site.link("content/x.txt", Path::new("/etc/passwd"));
    site.link("content/environ.txt", Path::new("/proc/self/environ"));
    site.link("content/2025/03/leak.md", &outside.path().join("secret.md"));
    site.link("content/token.txt", &site.path(".git/config"));
    site.link("content/env.txt", &site.path(".env"));
    site.link("content/git", &site.path(".git"));
    site.link("static/leak.txt", &outside.path().join("secret.txt"));
    site.link(
        "content/2025/03/alias.txt",
        &site.path("content/2025/03/real.txt"),
    );
    // The last event: once its file is out, every link above has been seen.
    site.write("content/2025/03/sentinel.txt", "sentinel\n");
    run.wait("the sentinel", || {
        public.join("2025/03/sentinel.txt").is_file()
    });
    run.wait("the in-site link", || {
        public.join("2025/03/alias.txt").is_file()
    });
    drop(run);

    let watched = tree(&public);
    for (path, bytes) in &watched {
        let text = String::from_utf8_lossy(bytes);
        for secret in ["SECRET", "CI-TOKEN", "root:", "PATH="] {
            assert!(!text.contains(secret), "{path} holds `{secret}`");
        }
    }
    for name in [
        "x.txt",
        "environ.txt",
        "token.txt",
        "env.txt",
        "early.txt",
        "leak.txt",
    ] {
        assert!(!watched.contains_key(name), "{name} was published");
    }
    assert!(!watched.keys().any(|p| p.starts_with("git/")));

    let fresh = site.path("fresh");
    let output = site.newsprint(&["build", "--output", fresh.to_str().unwrap()]);
    assert_success(&output);
    let message = stderr(&output);
    assert!(message.contains("content/x.txt"), "{message}");
    assert!(message.contains("content/token.txt"), "{message}");
    assert_eq!(
        watched.keys().collect::<Vec<_>>(),
        tree(&fresh).keys().collect::<Vec<_>>()
    );
    assert!(
        watched == tree(&fresh),
        "watch and build wrote different bytes"
    );
}

// ---------------------------------------------------------------------------------------------
// Class 2: no active content by default.

/// Files that run script on the site's origin are refused from `content/` (and scripted SVGs
/// from `static/` too) unless `security.allow_active_files` opts in.
#[test]
fn active_files_are_refused_unless_opted_in() {
    let cases = [
        ("content/2025/03/page.html", "<script>alert(1)</script>"),
        ("content/app.js", "alert(1)"),
        ("content/module.mjs", "alert(1)"),
        ("content/2025/03/old.HTM", "<p>x</p>"),
        ("content/doc.xhtml", "<html/>"),
        (
            "content/2025/03/evil.svg",
            "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
        ),
        ("static/logo.svg", "<svg><SCRIPT>alert(1)</SCRIPT></svg>"),
        (
            "static/link.svg",
            "<svg><a href=' JaVaScript:alert(1)'>x</a></svg>",
        ),
        (
            "static/fo.svg",
            "<svg><foreignObject><p>x</p></foreignObject></svg>",
        ),
        ("static/tab.svg", "<svg><rect\tONCLICK = \"x()\"/></svg>"),
    ];
    for (path, text) in cases {
        let site = two_articles();
        site.write(path, text);
        let output = site.build();
        assert_fails(&output, 1, &[path, "security.allow_active_files"]);
        assert!(
            !site.path("public").exists(),
            "{path}: something was written"
        );

        site.write(
            "config.yaml",
            "title: T\nbase_url: https://e.org/\nsecurity:\n  allow_active_files: true\n",
        );
        assert_success(&site.build());
        let published = path.split_once('/').unwrap().1;
        let published = published.strip_prefix("content/").unwrap_or(published);
        assert!(site.path("public").join(published).is_file(), "{path}");
    }

    // A plain drawing, and words that only look like the patterns, are fine.
    let site = two_articles();
    site.write(
        "content/2025/03/map.svg",
        "<svg xmlns='http://www.w3.org/2000/svg'><title>Corridor on the Black Sea, scripted once</title><path d='M0 0'/></svg>",
    );
    assert_success(&site.build());
    assert!(site.path("public/2025/03/map.svg").is_file());

    let site = two_articles();
    site.write(
        "config.yaml",
        "title: T\nbase_url: https://e.org/\nsecurity:\n  allow_active: true\n",
    );
    assert_fails(&site.build(), 1, &["allow_active"]);
}

/// Files that steer the web host come from `static/` or config only, never from `content/`,
/// even with active files allowed.
#[test]
fn host_control_files_never_come_from_content() {
    for name in [
        "_redirects",
        "_headers",
        "CNAME",
        "sw.js",
        "service-worker.js",
    ] {
        let site = two_articles();
        site.write(
            "config.yaml",
            "title: T\nbase_url: https://e.org/\nsecurity:\n  allow_active_files: true\n",
        );
        site.write(&format!("content/{name}"), "/* https://evil.example 301\n");
        assert_fails(&site.build(), 1, &[&format!("content/{name}"), "static/"]);
    }
    let site = two_articles();
    site.write("static/_redirects", "/old /new 301\n");
    assert_success(&site.build());
    assert!(site.path("public/_redirects").is_file());
}

/// `.markdown` and `.MD` files are articles; draft leftovers are never copied raw.
#[test]
fn markdown_spellings_are_articles_and_leftovers_are_not_published() {
    let site = two_articles();
    site.write(
        "content/2025/03/gamma.markdown",
        article("Gamma long name", "2025-03-12"),
    );
    site.write(
        "content/2025/03/delta.MD",
        article("Delta caps", "2025-03-13"),
    );
    site.write("content/2025/03/alpha.md.orig", "---\ntitle: OLD-DRAFT\n");
    site.write("content/2025/03/beta.md.bak", "OLD-DRAFT");
    site.write("content/2025/03/notes.bak", "OLD-DRAFT");
    site.write("content/2025/03/alpha.md.rej", "OLD-DRAFT");
    let output = site.build();
    assert_success(&output);
    let public = tree(&site.path("public"));
    assert!(
        String::from_utf8_lossy(&public["2025/03/gamma/index.html"]).contains("Gamma long name")
    );
    assert!(String::from_utf8_lossy(&public["2025/03/delta/index.html"]).contains("Delta caps"));
    for (path, bytes) in &public {
        assert!(
            !String::from_utf8_lossy(bytes).contains("OLD-DRAFT"),
            "{path} holds a leftover"
        );
        assert!(
            !path.ends_with(".markdown") && !path.ends_with(".MD"),
            "{path}"
        );
    }
    let message = stderr(&output);
    for leftover in ["alpha.md.orig", "beta.md.bak", "notes.bak", "alpha.md.rej"] {
        assert!(
            message
                .lines()
                .any(|l| l.contains(leftover) && l.contains("warning")),
            "no warning for {leftover}:\n{message}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Class 4: the output folder is newsprint's alone.

#[test]
fn a_folder_newsprint_did_not_make_is_refused_without_force() {
    let site = two_articles();
    let other = tempfile::tempdir().unwrap();
    fs::write(other.path().join("notes.txt"), "keep me").unwrap();
    let out = other.path().to_str().unwrap();
    let before = tree(other.path());

    let output = site.newsprint(&["build", "--output", out]);
    assert_fails(&output, 2, &["refusing to use", "--force"]);
    assert!(tree(other.path()) == before, "a refused build touched it");

    assert_success(&site.newsprint(&["build", "--output", out, "--force"]));
    assert!(other.path().join(".newsprint-output").is_file());
    assert!(!other.path().join("notes.txt").exists());
    // From now on the marker says the folder is newsprint's.
    assert_success(&site.newsprint(&["build", "--output", out]));

    // An empty folder, and a missing one, are fine and get the marker.
    let empty = tempfile::tempdir().unwrap();
    let out = empty.path().to_str().unwrap();
    assert_success(&site.newsprint(&["build", "--output", out]));
    assert!(empty.path().join(".newsprint-output").is_file());
    assert_success(&site.build());
    assert!(site.path("public/.newsprint-output").is_file());
}

#[test]
fn a_folder_holding_git_is_refused_even_with_force() {
    let site = two_articles();
    site.write(".git/HEAD", "ref: refs/heads/main\n");
    // A gh-pages worktree has a `.git` file; a clone has a folder.
    let worktree = tempfile::tempdir().unwrap();
    fs::write(worktree.path().join(".git"), "gitdir: /elsewhere\n").unwrap();
    fs::write(worktree.path().join("index.html"), "old").unwrap();
    let clone = tempfile::tempdir().unwrap();
    fs::create_dir(clone.path().join(".git")).unwrap();
    fs::write(clone.path().join(".git/HEAD"), "x").unwrap();
    let site_git = site.path(".git");
    let inside_git = site.path(".git/public");
    for folder in [worktree.path(), clone.path(), &site_git, &inside_git] {
        let before = tree(folder);
        for force in [false, true] {
            let mut args = vec!["build", "--output", folder.to_str().unwrap()];
            if force {
                args.push("--force");
            }
            let output = site.newsprint(&args);
            assert_fails(&output, 2, &["refusing to use", ".git"]);
            assert!(tree(folder) == before, "{}: touched", folder.display());
        }
    }
}

#[test]
fn an_output_that_is_a_file_is_left_untouched() {
    let site = two_articles();
    site.write("public", "my notes\n");
    for force in [false, true] {
        let output = if force {
            site.newsprint(&["build", "--force"])
        } else {
            site.build()
        };
        assert_fails(&output, 2, &["refusing to use", "is a file"]);
        assert_eq!(
            fs::read_to_string(site.path("public")).unwrap(),
            "my notes\n"
        );
    }
}

/// `watch` and `serve` refuse at once, instead of failing on every change.
#[test]
fn watch_and_serve_refuse_a_foreign_output_at_start() {
    let site = two_articles();
    site.write("public/notes.txt", "keep me");
    site.write(".serve/notes.txt", "keep me too");
    let root = site.root().to_str().unwrap();
    let mut watch = Running::start(&["watch", "--root", root]);
    assert_eq!(watch.exit_code(), Some(2));
    let mut serve = Running::start(&["serve", "--root", root, "--port", "0"]);
    assert_eq!(serve.exit_code(), Some(2));
    serve.wait("the reason", || serve.stderr().contains("--force"));
    assert_eq!(
        fs::read_to_string(site.path("public/notes.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(
        fs::read_to_string(site.path(".serve/notes.txt")).unwrap(),
        "keep me too"
    );
}

/// A mount point cannot be swapped out by a rename; newsprint says so before writing anything.
#[cfg(target_os = "linux")]
#[test]
fn a_mount_point_output_is_explained() {
    use std::os::unix::fs::MetadataExt;
    let device = |path: &str| fs::metadata(path).map(|m| m.dev()).ok();
    let Some(mount) = ["/proc", "/sys", "/dev"]
        .into_iter()
        .find(|m| device(m).is_some() && device(m) != device("/"))
    else {
        eprintln!("no mount point to try; skipped");
        return;
    };
    let site = two_articles();
    let output = site.newsprint(&["build", "--output", mount, "--force"]);
    assert_fails(&output, 2, &["refusing to use", "mount point"]);
    assert!(
        !Path::new("/")
            .join(format!(".{}.lock", &mount[1..]))
            .exists()
    );
}

// ---------------------------------------------------------------------------------------------
// Class 5: generated paths are reserved.

/// Every way a source can land on a path newsprint generates, or on one that collides with
/// another on a case-insensitive or Windows checkout, is an error naming both; `check` agrees.
#[test]
fn generated_paths_are_reserved() {
    let slug =
        |slug: &str| format!("---\ntitle: T\ndate: 2025-03-01\nslug: \"{slug}\"\n---\nBody\n");
    let root_permalink = "title: T\nbase_url: https://e.org/\npermalink: /:slug/\n";
    // (files to write, config, words the error must hold)
    type Case<'a> = (Vec<(&'a str, String)>, Option<&'a str>, Vec<&'a str>);
    let cases: Vec<Case> = vec![
        (
            vec![("content/2025/03/feed.md", slug("atom.xml"))],
            Some(root_permalink),
            vec!["content/2025/03/feed.md", "atom.xml"],
        ),
        (
            vec![("content/2025/03/home.md", slug("index.html"))],
            Some(root_permalink),
            vec!["content/2025/03/home.md", "index.html"],
        ),
        (
            vec![("content/2025/03/tagged.md", slug("tags"))],
            Some(root_permalink),
            vec!["content/2025/03/tagged.md", "tags/"],
        ),
        (
            vec![("content/2025/03/paged.md", slug("page"))],
            Some(root_permalink),
            vec!["content/2025/03/paged.md", "page/"],
        ),
        (
            vec![("content/sitemap.xml", "<urlset/>".into())],
            None,
            vec!["content/sitemap.xml", "sitemap"],
        ),
        (
            vec![("content/robots.txt", "Disallow: /".into())],
            None,
            vec!["content/robots.txt", "robots.txt"],
        ),
        (
            vec![("content/style.css", "body{}".into())],
            None,
            vec!["content/style.css", "theme"],
        ),
        (
            vec![("content/tags/talks/extra.png", "png".into())],
            None,
            vec!["content/tags/talks/extra.png", "tags/"],
        ),
        (
            vec![("content/page/2.txt", "x".into())],
            None,
            vec!["content/page/2.txt", "page/"],
        ),
        (
            vec![("static/feed.json", "{}".into())],
            None,
            vec!["static/feed.json", "JSON Feed"],
        ),
        (
            vec![("static/404.html", "<p>lost</p>".into())],
            None,
            vec!["static/404.html", "404"],
        ),
        (
            vec![
                ("content/2025/03/Map.png", "a".into()),
                ("content/2025/03/map.png", "b".into()),
            ],
            None,
            vec!["content/2025/03/Map.png", "content/2025/03/map.png", "case"],
        ),
        (
            vec![("content/2025/03/other.md", slug("Alpha"))],
            None,
            vec![
                "content/2025/03/other.md",
                "content/2025/03/alpha.md",
                "case",
            ],
        ),
        (
            vec![("content/2025/03/nul.txt", "x".into())],
            None,
            vec!["content/2025/03/nul.txt", "Windows"],
        ),
        (
            vec![("content/2025/03/aux.md", article("Aux", "2025-03-02"))],
            None,
            vec!["content/2025/03/aux.md", "Windows"],
        ),
        (
            vec![("content/Com1/x.png", "x".into())],
            None,
            vec!["content/Com1/x.png", "Windows"],
        ),
        (
            vec![("content/2025/03/trailing. ", "x".into())],
            None,
            vec!["content/2025/03/trailing. ", "Windows"],
        ),
    ];
    for (files, config, needles) in cases {
        let site = two_articles();
        if let Some(config) = config {
            site.write("config.yaml", config);
        }
        for (path, text) in &files {
            site.write(path, text);
        }
        let output = site.build();
        assert_fails(&output, 1, &needles);
        assert!(
            !site.path("public").exists(),
            "{files:?}: something was written"
        );
        assert_fails(&site.newsprint(&["check"]), 1, &needles);
    }

    // The site's static/ may still replace a file of the theme's (as in Hugo and Zola).
    let site = two_articles();
    site.write("static/style.css", "body { color: red }");
    assert_success(&site.build());
    assert_eq!(
        fs::read_to_string(site.path("public/style.css")).unwrap(),
        "body { color: red }"
    );
}

/// `watch` applies the same rules to files that appear while it runs: the build fails with the
/// error, and the output keeps newsprint's own files.
#[test]
fn watch_refuses_reserved_paths_and_active_files_as_build_does() {
    let site = two_articles();
    let root = site.root().to_str().unwrap().to_string();
    let run = Running::start(&["watch", "--root", &root]);
    let public = site.path("public");
    run.wait("the first build", || public.join("robots.txt").is_file());
    run.wait("the watcher", || run.stdout().contains("watching"));
    let robots = fs::read_to_string(public.join("robots.txt")).unwrap();
    site.write("content/robots.txt", "Disallow: /\n");
    run.wait("the clash", || {
        run.stderr().contains("newsprint's robots.txt")
    });
    fs::remove_file(site.path("content/robots.txt")).unwrap();
    site.write("content/2025/03/app.js", "alert(1)");
    run.wait("the refusal", || {
        run.stderr().contains("security.allow_active_files")
    });
    assert_eq!(
        fs::read_to_string(public.join("robots.txt")).unwrap(),
        robots
    );
    assert!(!public.join("2025/03/app.js").exists());
}
