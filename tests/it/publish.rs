//! End to end, issue #14: `newsprint watch` publishes the way `build` does. A failed update
//! writes nothing, an output replaced or removed behind the watcher's back is noticed, and a
//! folder replaced by a file of the same name leaves no trace. Each test runs the real binary on
//! a small site in a temporary folder and compares the output, byte for byte, with what it held
//! before or with a fresh `newsprint build`. Every wait polls every 50 ms for up to 20 s.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{BIN, PATIENCE, POLL, Running, Site, article, difference, tree};

/// What `newsprint build` makes of the site now, built into a folder of its own.
fn fresh_build(site: &Site) -> BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("site");
    let status = Command::new(BIN)
        .args(["build", "--root", site.root().to_str().unwrap(), "--output"])
        .arg(&output)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "a fresh build of the site fails");
    tree(&output)
}

/// A tag template that fails at run time once an article titled "Boom" is listed: a string
/// cannot be rounded.
const TAG_FAILING_ON_BOOM: &str = r#"{% extends "base.html" %}
{% block content %}
{%- for article in articles %}<p>{{ article.title }}{% if article.title == "Boom" %}{{ article.title | round }}{% endif %}</p>{% endfor %}
{% endblock content %}
"#;

/// Starts `newsprint watch` on the site and waits for the first build and the watcher.
fn start_watch(site: &Site) -> Running {
    let watch = Running::start(&["watch", "--root", site.root().to_str().unwrap()]);
    watch.wait("the watcher to start", || {
        watch.stdout().contains("watching")
    });
    watch
}

/// Waits for the `count`th failed build.
fn wait_failures(watch: &Running, count: usize) {
    watch.wait(&format!("failed build number {count}"), || {
        watch.stderr().matches("error: build failed").count() >= count
    });
    // Anything a failed update would write is written by now.
    std::thread::sleep(Duration::from_millis(300));
}

/// Waits until the output equals a fresh build, and says what differs if it never does.
fn wait_fresh(watch: &Running, site: &Site) {
    let started = Instant::now();
    let mut fresh = fresh_build(site);
    while started.elapsed() < PATIENCE {
        if site.output() == fresh {
            return;
        }
        std::thread::sleep(POLL);
        fresh = fresh_build(site);
    }
    panic!(
        "the output never equalled a fresh build: {}\n--- stdout\n{}\n--- stderr\n{}",
        difference(&site.output(), &fresh),
        watch.stdout(),
        watch.stderr()
    );
}

/// Asserts the output is exactly `before`, naming what changed if not.
fn assert_unchanged(site: &Site, before: &BTreeMap<String, Vec<u8>>) {
    let now = site.output();
    assert!(
        now == *before,
        "the output changed: {}",
        difference(&now, before)
    );
}

#[test]
fn failed_update_writes_nothing() {
    let site = Site::three_articles();
    site.write("themes/default/templates/tag.html", TAG_FAILING_ON_BOOM);
    let watch = start_watch(&site);
    let before = site.output();
    assert!(before.contains_key("tags/talks/index.html"));

    // The article, home page and atom.xml render; the Talks tag page does not.
    site.write(
        "content/2025/03/alpha.md",
        article("Boom", "2025-03-10", "[Talks, Europe]"),
    );
    wait_failures(&watch, 1);
    assert!(watch.stderr().contains("tag.html"), "{}", watch.stderr());
    assert_unchanged(&site, &before);

    // The fix publishes the edit everywhere.
    site.write(
        "content/2025/03/alpha.md",
        article("Boom fixed", "2025-03-10", "[Talks, Europe]"),
    );
    watch.wait("the fix", || {
        site.read_or_empty("public/tags/talks/index.html")
            .contains("Boom fixed")
    });
    wait_fresh(&watch, &site);
}

#[test]
fn failing_theme_override_leaves_the_old_theme() {
    let site = Site::three_articles();
    let watch = start_watch(&site);
    let before = site.output();

    // A whole theme folder appears at once: a base template every page uses, and a tag
    // template that fails on every tag page.
    let templates = "themes.new/default/templates";
    let base = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html"),
    )
    .unwrap();
    site.write(
        &format!("{templates}/base.html"),
        format!("<!-- New theme -->\n{base}"),
    );
    site.write(
        &format!("{templates}/tag.html"),
        "{% extends \"base.html\" %}{% block content %}{{ tag.name | round }}{% endblock content %}\n",
    );
    fs::rename(site.path("themes.new"), site.path("themes")).unwrap();
    wait_failures(&watch, 1);
    assert_unchanged(&site, &before);

    // Fixing the tag template publishes the new theme everywhere.
    site.write(
        "themes/default/templates/tag.html",
        "{% extends \"base.html\" %}{% block content %}{{ tag.name }}{% endblock content %}\n",
    );
    watch.wait("the new theme", || {
        site.read_or_empty("public/2025/03/alpha/index.html")
            .contains("New theme")
    });
    wait_fresh(&watch, &site);
}

#[test]
fn removed_output_is_rebuilt_whole() {
    let site = Site::three_articles();
    let watch = start_watch(&site);
    fs::remove_dir_all(site.path("public")).unwrap();
    site.write(
        "content/2025/03/beta.md",
        article("Beta sanctions widen", "2025-03-11", "[Sanctions]"),
    );
    watch.wait("the edit", || {
        site.read_or_empty("public/2025/03/beta/index.html")
            .contains("Beta sanctions widen")
    });
    wait_fresh(&watch, &site);
}

#[test]
fn output_rebuilt_by_another_build_is_not_mixed() {
    let site = Site::three_articles();
    let watch = start_watch(&site);
    let status = Command::new(env!("CARGO_BIN_EXE_newsprint"))
        .args(["build", "--root", site.root().to_str().unwrap()])
        .args(["--base-url", "https://other.example/"])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        site.read_or_empty("public/index.html")
            .contains("other.example")
    );

    site.write(
        "content/2025/03/beta.md",
        article("Beta sanctions widen", "2025-03-11", "[Sanctions]"),
    );
    watch.wait("the edit", || {
        site.read_or_empty("public/2025/03/beta/index.html")
            .contains("Beta sanctions widen")
    });
    wait_fresh(&watch, &site);
    let mixed: Vec<String> = site
        .output()
        .into_iter()
        .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains("other.example"))
        .map(|(path, _)| path)
        .collect();
    assert!(mixed.is_empty(), "still on the other base URL: {mixed:?}");
}

#[test]
fn folder_replaced_by_file_leaves_no_phantom() {
    let site = Site::three_articles();
    site.write(
        "content/2025/03/x.md/inner.md",
        article("Inner piece", "2025-03-13", "[Inner]"),
    );
    let watch = start_watch(&site);
    assert!(
        site.read_or_empty("public/index.html")
            .contains("Inner piece")
    );

    // Replaced in one burst: the folder goes, a file of the same name takes its place.
    site.write(
        "content/2025/03/.x.md.new",
        article("Ex piece", "2025-03-13", "[Ex]"),
    );
    fs::remove_dir_all(site.path("content/2025/03/x.md")).unwrap();
    fs::rename(
        site.path("content/2025/03/.x.md.new"),
        site.path("content/2025/03/x.md"),
    )
    .unwrap();
    watch.wait("the new article", || {
        site.read_or_empty("public/index.html").contains("Ex piece")
    });
    wait_fresh(&watch, &site);

    // Later edits still publish.
    site.write(
        "content/2025/03/beta.md",
        article("Beta sanctions widen", "2025-03-11", "[Sanctions]"),
    );
    watch.wait("the later edit", || {
        site.read_or_empty("public/2025/03/beta/index.html")
            .contains("Beta sanctions widen")
    });
    wait_fresh(&watch, &site);
    assert!(!watch.stderr().contains("error"), "{}", watch.stderr());
}

/// The property behind all of the above: whatever happens to the sources, `watch` (the library's
/// event planning and update, as the watch loop drives them) leaves the output a fresh build
/// would make, byte for byte, or, when the site is broken, the output it held before.
mod any_sequence {
    use std::path::{Path, PathBuf};

    use newsprint::pipeline::{BuildOptions, Pipeline};
    use newsprint::watch::{self, Seen, Sources};
    use proptest::prelude::*;

    use super::{article, difference, tree};

    const DAY: &str = "content/2025/03";

    /// One thing a writer, an editor or a tool does to the site.
    #[derive(Debug, Clone)]
    enum Step {
        /// Creates or rewrites article `n` with title `t` and tag `g`.
        Write(u8, u8, u8),
        /// Rewrites article `n` as `Write` does, with title `t`, an author, an alias and an
        /// update `u` (none when 0): repeated, the edits keep the site's shape, so `watch` only
        /// re-fingerprints the pages that show the article.
        Detail(u8, u8, u8),
        /// Deletes article `n`.
        Delete(u8),
        /// Renames article `n` to `m`.
        Rename(u8, u8),
        /// Breaks article `n`'s front matter.
        Break(u8),
        /// Creates or rewrites a static file (`true`) or a content file beside the articles.
        Static(u8, bool, u8),
        /// Deletes a static file or a content file.
        Unstatic(u8, bool),
        /// `x.md` becomes a folder holding an article, or the folder becomes a file `x.md`.
        Swap,
        /// Adds a theme override of `base.html`, or removes it.
        Theme,
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            4 => (0..4u8, 0..3u8, 0..3u8).prop_map(|(n, t, g)| Step::Write(n, t, g)),
            3 => (0..4u8, 0..3u8, 0..3u8).prop_map(|(n, t, u)| Step::Detail(n, t, u)),
            2 => (0..4u8).prop_map(Step::Delete),
            2 => (0..4u8, 0..4u8).prop_map(|(n, m)| Step::Rename(n, m)),
            1 => (0..4u8).prop_map(Step::Break),
            2 => (0..2u8, any::<bool>(), 0..3u8).prop_map(|(n, s, v)| Step::Static(n, s, v)),
            1 => (0..2u8, any::<bool>()).prop_map(|(n, s)| Step::Unstatic(n, s)),
            2 => Just(Step::Swap),
            2 => Just(Step::Theme),
        ]
    }

    fn article_path(n: u8) -> String {
        format!("{DAY}/a{n}.md")
    }

    fn file_path(n: u8, in_static: bool) -> String {
        match in_static {
            true => format!("static/s{n}.txt"),
            false => format!("{DAY}/c{n}.txt"),
        }
    }

    /// Does `step` to the site; returns the paths a watcher would report.
    fn apply(root: &Path, step: &Step) -> Vec<String> {
        let write = |relative: &str, text: &str| {
            let path = root.join(relative);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        let titles = ["Talks", "Truce", "Sanctions"];
        let tags = ["[Talks]", "[Talks, Europe]", "[Deals]"];
        match *step {
            Step::Write(n, t, g) => {
                let date = format!("2025-03-{:02}", 10 + n);
                let title = format!("{} {n}", titles[t as usize]);
                write(&article_path(n), &article(&title, &date, tags[g as usize]));
                vec![article_path(n)]
            }
            Step::Detail(n, t, u) => {
                let date = format!("2025-03-{:02}", 10 + n);
                let title = format!("{} {n}", titles[t as usize]);
                let updated = match u {
                    0 => String::new(),
                    _ => format!("updated: 2025-04-0{u}\n"),
                };
                let text = format!(
                    "---\ntitle: {title}\ndate: {date}\n{updated}tags: [Talks]\n\
                     authors: [Ann Lee]\naliases: [/old/a{n}/]\n---\n\nThe body of {title}.\n"
                );
                write(&article_path(n), &text);
                vec![article_path(n)]
            }
            Step::Delete(n) => {
                let _ = std::fs::remove_file(root.join(article_path(n)));
                vec![article_path(n)]
            }
            Step::Rename(n, m) => {
                let _ = std::fs::rename(root.join(article_path(n)), root.join(article_path(m)));
                vec![article_path(n), article_path(m)]
            }
            Step::Break(n) => {
                write(&article_path(n), "---\ntitle: [broken\n---\n");
                vec![article_path(n)]
            }
            Step::Static(n, in_static, v) => {
                write(&file_path(n, in_static), &format!("version {v}\n"));
                vec![file_path(n, in_static)]
            }
            Step::Unstatic(n, in_static) => {
                let _ = std::fs::remove_file(root.join(file_path(n, in_static)));
                vec![file_path(n, in_static)]
            }
            Step::Swap => {
                let x = root.join(DAY).join("x.md");
                if x.is_dir() {
                    std::fs::remove_dir_all(&x).unwrap();
                    write(&format!("{DAY}/x.md"), &article("Ex", "2025-03-20", "[Ex]"));
                } else {
                    let _ = std::fs::remove_file(&x);
                    let inner = article("Inner", "2025-03-21", "[Inner]");
                    write(&format!("{DAY}/x.md/inner.md"), &inner);
                }
                vec![format!("{DAY}/x.md")]
            }
            Step::Theme => {
                let relative = "themes/default/templates/base.html";
                if root.join(relative).exists() {
                    std::fs::remove_dir_all(root.join("themes")).unwrap();
                } else {
                    let base = std::fs::read_to_string(
                        Path::new(env!("CARGO_MANIFEST_DIR"))
                            .join("themes/default/templates/base.html"),
                    )
                    .unwrap();
                    write(relative, &format!("<!-- override -->\n{base}"));
                }
                vec![relative.to_string()]
            }
        }
    }

    fn options(root: &Path, output: PathBuf) -> BuildOptions {
        BuildOptions::new(root, output)
    }

    /// A fresh `newsprint build` of the site, or `None` when it fails.
    fn fresh(root: &Path, output: &Path) -> Option<std::collections::BTreeMap<String, Vec<u8>>> {
        let _ = std::fs::remove_dir_all(output);
        let pipeline = Pipeline::open_once(options(root, output.to_path_buf())).ok()?;
        pipeline.build_once().ok()?;
        Some(tree(output))
    }

    fn run(steps: &[Step]) -> Result<(), TestCaseError> {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path().join("site");
        let public = root.join("public");
        let fresh_out = temp.path().join("fresh");
        std::fs::create_dir_all(root.join(DAY)).unwrap();
        std::fs::write(
            root.join("config.yaml"),
            "title: T\nbase_url: https://user.github.io/digest/\nnews_sitemap: true\n",
        )
        .unwrap();
        apply(&root, &Step::Write(0, 0, 0));
        let mut pipeline = Pipeline::open(options(&root, public.clone())).unwrap();
        pipeline.build_full().unwrap();
        let mut sources = Sources::scan(&root, "default".into());
        for (number, step) in steps.iter().enumerate() {
            let before = tree(&public);
            let paths = apply(&root, step);
            let seen: Vec<(PathBuf, Seen)> = paths
                .iter()
                .map(|p| (PathBuf::from(p), watch::probe(&root, Path::new(p))))
                .collect();
            let plan = watch::plan(&mut sources, &seen);
            let updated = pipeline.update(&plan.change);
            let now = tree(&public);
            match fresh(&root, &fresh_out) {
                Some(want) => {
                    prop_assert!(updated.is_ok(), "step {number} {step:?}: {updated:?}");
                    prop_assert!(
                        now == want,
                        "step {number} {step:?}: {}",
                        difference(&now, &want)
                    );
                }
                None => {
                    prop_assert!(updated.is_err(), "step {number} {step:?} passed");
                    prop_assert!(
                        now == before,
                        "step {number} {step:?} wrote: {}",
                        difference(&now, &before)
                    );
                }
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

        #[test]
        fn watch_equals_a_fresh_build(steps in proptest::collection::vec(step(), 1..16)) {
            run(&steps)?;
        }
    }
}

/// `newsprint build` into an output an earlier build left (a CI job restoring it from a cache).
mod build_in_place {
    use super::*;

    /// Builds the site into `public/`; returns the exit status's success, stdout and stderr.
    fn build(site: &Site) -> (bool, String, String) {
        let output = Command::new(env!("CARGO_BIN_EXE_newsprint"))
            .args(["build", "--root", site.root().to_str().unwrap()])
            .output()
            .unwrap();
        let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
        (
            output.status.success(),
            text(&output.stdout),
            text(&output.stderr),
        )
    }

    fn modified(site: &Site, relative: &str) -> std::time::SystemTime {
        fs::metadata(site.path(relative))
            .unwrap()
            .modified()
            .unwrap()
    }

    #[test]
    fn rewrites_only_the_files_whose_bytes_changed() {
        let site = Site::three_articles();
        let (ok, first, _) = build(&site);
        assert!(ok && !first.contains(" of "), "{first}");
        let untouched = modified(&site, "public/2025/03/beta/index.html");

        // A body edit: its page changes, and the feeds that carry its text; not beta's page.
        let alpha = article("Alpha talks begin", "2025-03-10", "[Talks, Europe]");
        site.write("content/2025/03/alpha.md", format!("{alpha}More.\n"));
        let (ok, out, err) = build(&site);
        assert!(ok, "{err}");
        assert!(out.contains("wrote ") && out.contains(" of "), "{out}");
        assert!(
            site.read("public/2025/03/alpha/index.html")
                .contains("More.")
        );
        assert_eq!(modified(&site, "public/2025/03/beta/index.html"), untouched);
        let now = tree(&site.public());
        let want = fresh_build(&site);
        assert!(now == want, "{}", difference(&now, &want));

        // Nothing changed: nothing is written.
        let (ok, out, _) = build(&site);
        assert!(ok && out.contains("wrote 0 of "), "{out}");
    }

    #[test]
    fn removes_the_files_of_a_removed_article() {
        let site = Site::three_articles();
        assert!(build(&site).0);
        fs::remove_file(site.path("content/2025/03/gamma.md")).unwrap();
        let (ok, out, err) = build(&site);
        assert!(ok && out.contains(" of "), "{out}{err}");
        assert!(!site.path("public/2025/03/gamma/index.html").exists());
        let now = tree(&site.public());
        let want = fresh_build(&site);
        assert!(now == want, "{}", difference(&now, &want));
    }

    #[test]
    fn an_output_changed_behind_its_back_is_built_whole() {
        let site = Site::three_articles();
        assert!(build(&site).0);
        site.write("public/2025/03/beta/index.html", "changed by hand");
        site.write("public/stray.html", "added by hand");
        let (ok, out, err) = build(&site);
        assert!(ok, "{err}");
        assert!(!out.contains(" of "), "{out}");
        assert!(err.contains("not as the last build left it"), "{err}");
        let now = tree(&site.public());
        let want = fresh_build(&site);
        assert!(now == want, "{}", difference(&now, &want));
    }

    #[test]
    fn a_failed_build_leaves_the_output_as_it_was() {
        let site = Site::three_articles();
        site.write("themes/default/templates/tag.html", TAG_FAILING_ON_BOOM);
        assert!(build(&site).0);
        let before = tree(&site.public());
        site.write(
            "content/2025/03/alpha.md",
            article("Boom", "2025-03-10", "[Talks, Europe]"),
        );
        let (ok, _, err) = build(&site);
        assert!(!ok && err.contains("tag.html"), "{err}");
        assert_unchanged(&site, &before);

        // The fix is written in place: the output's manifest still holds.
        site.write(
            "content/2025/03/alpha.md",
            article("Boom fixed", "2025-03-10", "[Talks, Europe]"),
        );
        let (ok, out, err) = build(&site);
        assert!(ok && out.contains(" of "), "{out}{err}");
        let now = tree(&site.public());
        let want = fresh_build(&site);
        assert!(now == want, "{}", difference(&now, &want));
    }
}
