//! `newsprint build` into the output of the last build (a CI job that restores it from a cache):
//! only the pages whose fingerprint changed are rendered and only the files whose bytes changed
//! are written, and the output is byte for byte a fresh build's (#20).

use std::collections::BTreeMap;
use std::fs;

use crate::support::*;

/// `newsprint build <args>` into `public/`, which must succeed; its report line.
fn in_place(site: &Site, args: &[&str]) -> String {
    stdout(&site.built(args))
}

/// The output of a fresh build of `site` with `args` into a new folder.
fn fresh(site: &Site, args: &[&str]) -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    let mut all = vec!["--output", output.to_str().unwrap()];
    all.extend(args);
    site.built(&all);
    tree(&output)
}

/// Asserts that `public/` is what a fresh build with `args` makes, naming the files that differ.
fn assert_fresh(site: &Site, args: &[&str], step: &str) {
    let got = site.output();
    let want = fresh(site, args);
    assert!(
        got == want,
        "{step}: the build in place differs from a fresh build: {}",
        difference(&got, &want)
    );
}

/// The two numbers of `<what> 3 of 1,234 <unit>` in a report line.
fn counts(report: &str, what: &str, unit: &str) -> Option<(usize, usize)> {
    let start = report.find(&format!("{what} "))? + what.len() + 1;
    let rest = &report[start..];
    let (done, rest) = rest.split_once(" of ")?;
    let (total, _) = rest.split_once(&format!(" {unit}"))?;
    let number = |text: &str| text.replace(',', "").parse().ok();
    Some((number(done)?, number(total)?))
}

/// How many pages a build rendered of how many: `None` when it rendered them all (a full
/// render does not say "of").
fn rendered(report: &str) -> Option<(usize, usize)> {
    counts(report, "rendered", "pages")
}

/// How many files a build wrote of how many the output holds.
fn written(report: &str) -> (usize, usize) {
    counts(report, "wrote", "files").unwrap_or_else(|| panic!("no files counted: {report}"))
}

/// Replaces the line of `content/<path>` that starts with `key:` (or adds it to the front
/// matter).
fn set_field(site: &Site, path: &str, key: &str, value: &str) {
    let text = site.read(path);
    let prefix = format!("{key}:");
    let line = format!("{key}: {value}");
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    match lines.iter().position(|l| l.starts_with(&prefix)) {
        Some(at) => lines[at] = line,
        None => lines.insert(1, line),
    }
    site.write(path, lines.join("\n") + "\n");
}

/// One article edited, one added, one removed, each built in place and compared with a fresh
/// build; each build in place renders some pages, not all.
fn edits_render_only_what_changed(fixture: &str, edited: &str, removed: &str) {
    let site = Site::fixture(fixture);
    let first = in_place(&site, &[]);
    assert!(rendered(&first).is_none(), "{first}");
    type Step<'a> = (&'a str, Box<dyn Fn(&Site) + 'a>);
    let steps: Vec<Step> = vec![
        (
            "title",
            Box::new(|s| set_field(s, edited, "title", "A new title")),
        ),
        (
            "body",
            Box::new(|s| s.write(edited, s.read(edited) + "\nOne more paragraph.\n")),
        ),
        (
            "date",
            Box::new(|s| set_field(s, edited, "date", "2025-03-12T09:30:00+02:00")),
        ),
        (
            "tags",
            Box::new(|s| set_field(s, edited, "tags", "[energy, Brand New Tag]")),
        ),
        (
            "added",
            Box::new(|s| {
                let text = article("Added late", "2025-03-19", "[Ukraine, energy]");
                s.write("content/2025/03/added-late.md", text + "Fresh text.\n");
            }),
        ),
        (
            "removed",
            Box::new(|s| fs::remove_file(s.path(removed)).unwrap()),
        ),
    ];
    for (step, change) in steps {
        change(&site);
        let report = in_place(&site, &[]);
        let (done, pages) = rendered(&report).unwrap_or_else(|| panic!("{step}: {report}"));
        assert!(0 < done && done < pages, "{step}: {report}");
        let (wrote, files) = written(&report);
        assert!(0 < wrote && wrote < files, "{step}: {report}");
        assert_fresh(&site, &[], step);
    }
    // Nothing changed: nothing rendered, nothing written.
    let report = in_place(&site, &[]);
    assert_eq!(rendered(&report).map(|(done, _)| done), Some(0), "{report}");
    assert_eq!(written(&report).0, 0, "{report}");
}

#[test]
fn article_edits_render_only_what_changed() {
    edits_render_only_what_changed(
        "basic",
        "content/2025/03/energy.md",
        "content/2025/03/talks-resume.md",
    );
}

#[test]
fn article_edits_render_only_what_changed_with_editions() {
    edits_render_only_what_changed(
        "editions",
        "content/2025/03/sanctions.md",
        "content/2025/03/late.md",
    );
}

#[test]
fn article_edits_render_only_what_changed_in_three_languages() {
    edits_render_only_what_changed(
        "languages",
        "content/2025/03/talks.md",
        "content/2025/03/truce.uk.md",
    );
}

#[test]
fn a_static_file_change_renders_no_page() {
    let site = Site::fixture("basic");
    in_place(&site, &[]);
    site.write(
        "static/humans.txt",
        "Written by the desk, and a new line.\n",
    );
    let report = in_place(&site, &[]);
    assert_eq!(rendered(&report).map(|(done, _)| done), Some(0), "{report}");
    assert_eq!(written(&report).0, 1, "{report}");
    assert_fresh(&site, &[], "static");
}

#[test]
fn what_fingerprints_do_not_cover_renders_every_page() {
    let site = Site::fixture("basic");
    in_place(&site, &[]);
    let every_page = |site: &Site, args: &[&str], step: &str| {
        let report = in_place(site, args);
        assert!(rendered(&report).is_none(), "{step}: {report}");
        assert_fresh(site, args, step);
    };
    site.write(
        "config.yaml",
        site.read("config.yaml")
            .replace("Fixture Digest", "Renamed Digest"),
    );
    every_page(&site, &[], "config");
    site.write(
        "themes/default/templates/partials/article_card.html",
        "<article class=\"card\"><h2>{{ article.title }}</h2></article>\n",
    );
    every_page(&site, &[], "theme template");
    every_page(&site, &["--base-url", "https://example.org/"], "--base-url");
    every_page(&site, &["--drafts"], "--drafts");
    // Back to the options of the build before: the key is that build's again, but the output
    // holds the last one's pages.
    every_page(&site, &[], "no options");
    let report = in_place(&site, &[]);
    assert_eq!(rendered(&report).map(|(done, _)| done), Some(0), "{report}");
}

#[test]
fn a_manifest_without_fingerprints_renders_every_page() {
    let site = Site::fixture("basic");
    in_place(&site, &[]);
    // The format of the last release: no build key, no fingerprints.
    let saved = site.read(".public.manifest");
    let mut lines = saved.lines();
    let header = lines.next().unwrap().replace("manifest 2 ", "manifest 1 ");
    assert!(lines.next().unwrap().starts_with("key "));
    let old: Vec<String> = lines
        .map(|line| {
            let parts: Vec<&str> = line.splitn(5, ' ').collect();
            format!("{} {} {} {}", parts[0], parts[1], parts[2], parts[4])
        })
        .collect();
    site.write(
        ".public.manifest",
        format!("{header}\n{}\n", old.join("\n")),
    );
    let report = in_place(&site, &[]);
    assert!(rendered(&report).is_none(), "{report}");
    assert_eq!(written(&report).0, 0, "{report}");
    // It saved the fingerprints: the next build renders nothing.
    let report = in_place(&site, &[]);
    assert_eq!(rendered(&report).map(|(done, _)| done), Some(0), "{report}");
}

#[test]
fn a_bad_article_fails_as_a_fresh_build_and_leaves_the_output() {
    let site = Site::three_articles();
    site.write(
        "content/2025/03/delta.md",
        article("Delta", "2025-03-13", "[Talks]") + "See [beta](beta.md).\n",
    );
    in_place(&site, &[]);
    let before = site.output();
    // A broken date in one article, and a link left dangling in another (whose own file did
    // not change: its Markdown must be checked again all the same).
    fs::remove_file(site.path("content/2025/03/beta.md")).unwrap();
    site.write(
        "content/2025/03/alpha.md",
        article("Alpha", "next Tuesday", "[Talks]"),
    );
    let failed = site.build();
    assert_eq!(failed.status.code(), Some(1), "{}", stderr(&failed));
    let errors = stderr(&failed);
    assert!(errors.contains("next Tuesday"), "{errors}");
    assert!(errors.contains("beta.md"), "{errors}");
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("site");
    let fresh = site.build_with(&["--output", other.to_str().unwrap()]);
    assert_eq!(fresh.status.code(), Some(1));
    assert_eq!(errors, stderr(&fresh), "the same errors as a fresh build");
    assert!(site.output() == before, "a failed build changed the output");

    site.write(
        "content/2025/03/alpha.md",
        article("Alpha", "2025-03-10", "[Talks]"),
    );
    site.write(
        "content/2025/03/delta.md",
        article("Delta", "2025-03-13", "[Talks]"),
    );
    let report = in_place(&site, &[]);
    assert!(rendered(&report).is_some(), "{report}");
    assert_fresh(&site, &[], "fixed");
}

#[test]
fn a_file_added_to_the_output_by_hand_is_not_carried_over() {
    let site = Site::fixture("basic");
    in_place(&site, &[]);
    site.write("public/stray.html", "added by hand");
    site.write("public/2025/03/stray/index.html", "added by hand");
    let report = in_place(&site, &[]);
    assert_eq!(rendered(&report).map(|(done, _)| done), Some(0), "{report}");
    assert_fresh(&site, &[], "stray files");
}

#[test]
fn an_edition_intro_edit_renders_its_pages() {
    let site = Site::fixture("editions");
    in_place(&site, &[]);
    let intro = "content/editions/2025-03-14.md";
    site.write(intro, site.read(intro) + "\nA last word from the desk.\n");
    let report = in_place(&site, &[]);
    let (done, pages) = rendered(&report).unwrap_or_else(|| panic!("{report}"));
    assert!(0 < done && done < pages, "{report}");
    assert_fresh(&site, &[], "intro");
    fs::remove_file(site.path("content/editions/2025-03-20.md")).unwrap();
    in_place(&site, &[]);
    assert_fresh(&site, &[], "intro removed");
}

/// Past `paginate_max_pages` the oldest articles are on no list page, but every tag and author
/// page shows the count: removing one must render them again.
#[test]
fn removing_an_article_past_the_last_list_page_updates_the_counts() {
    let site = Site::with_config(
        "title: T\nbase_url: https://example.org/\nauthor: Desk\npaginate: 1\npaginate_max_pages: 2\n",
    );
    for day in 10..16 {
        site.write(
            &format!("content/2025/03/a{day}.md"),
            article(
                &format!("Story {day}"),
                &format!("2025-03-{day}"),
                "[Talks]",
            ),
        );
    }
    in_place(&site, &[]);
    fs::remove_file(site.path("content/2025/03/a10.md")).unwrap();
    let report = in_place(&site, &[]);
    assert!(rendered(&report).is_some(), "{report}");
    assert_fresh(&site, &[], "oldest removed");
    fs::remove_file(site.path("content/2025/03/a11.md")).unwrap();
    fs::remove_file(site.path("content/2025/03/a12.md")).unwrap();
    fs::remove_file(site.path("content/2025/03/a13.md")).unwrap();
    in_place(&site, &[]);
    assert_fresh(&site, &[], "no longer cut");
}
