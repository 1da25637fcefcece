//! `newsprint build` holds each article's metadata, not its text (#20): bodies are read again
//! for their Markdown and their HTML waits in a temporary file until its page renders. These
//! tests check what a user sees of that: whole bodies everywhere they belong, nothing left
//! beside the output, and failures that still report everything and publish nothing.

use crate::support::{Site, article, assert_success, stderr};

/// A site whose articles have bodies long enough to tell whole from cut.
fn site_with_bodies() -> Site {
    let site = Site::three_articles();
    let long: String = (0..40)
        .map(|i| format!("Paragraph {i} of the *long* report.\n\n"))
        .collect();
    site.write(
        "content/2025/03/long.md",
        format!("---\ntitle: Long report\ndate: 2025-03-13\ntags: [Talks]\n---\n\n{long}"),
    );
    site
}

#[test]
fn bodies_reach_article_pages_and_the_full_site_feed_whole() {
    let site = site_with_bodies();
    assert_success(&site.build());
    let page = site.read("public/2025/03/long/index.html");
    for i in [0, 20, 39] {
        let paragraph = format!("<p>Paragraph {i} of the <em>long</em> report.</p>");
        assert!(
            page.contains(&paragraph),
            "{paragraph} missing from the page"
        );
    }
    let feed = site.read("public/feed.json");
    assert!(
        feed.contains("Paragraph 39 of the <em>long</em> report."),
        "{feed}"
    );
    assert!(
        site.read("public/2025/03/alpha/index.html")
            .contains("The body of Alpha talks begin.")
    );
    // The temporary file of bodies is anonymous: nothing is left beside the output.
    let beside: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".tmp") || name.contains("spool"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}

#[test]
fn a_failed_build_still_reports_every_broken_article_and_keeps_the_last_output() {
    let site = site_with_bodies();
    assert_success(&site.build());
    let before = site.read("public/2025/03/long/index.html");
    site.write(
        "content/2025/03/broken-link.md",
        "---\ntitle: Broken\ndate: 2025-03-14\n---\n\nSee [gone](gone.md).\n",
    );
    site.write(
        "content/2025/03/broken-front.md",
        article("Bad", "not-a-date", "[Talks]"),
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains("broken-link.md"), "{message}");
    assert!(message.contains("broken-front.md"), "{message}");
    assert_eq!(site.read("public/2025/03/long/index.html"), before);
    assert!(!site.root().join("public/2025/03/broken-link").exists());
}

/// Each article's card and summary on every list page and feed that shows it, though a single
/// build drops the article's value after its last page and its feed entry after the last feed.
#[test]
fn every_list_page_and_feed_shows_each_articles_summary() {
    let site = Site::with_config(
        "title: Test Digest\nbase_url: https://user.github.io/digest/\npaginate: 2\n",
    );
    for day in 1..=9 {
        site.write(
            &format!("content/2025/03/day-{day}.md"),
            format!(
                "---\ntitle: Day {day}\ndate: 2025-03-0{day}\ntags: [Talks]\nauthors: [Anna Kowalska]\n\
                 summary: Summary of day {day}.\n---\n\nThe body of day {day}.\n"
            ),
        );
    }
    assert_success(&site.build());
    let summary = |day: usize| format!("Summary of day {day}.");
    // Paginated by two, newest first: day 9 and 8 on the first page, day 1 on the fifth.
    for (page, days) in [("", [9, 8]), ("page/4/", [3, 2])] {
        for folder in ["", "tags/talks/", "authors/anna-kowalska/"] {
            let html = site.read(&format!("public/{folder}{page}index.html"));
            for day in days {
                assert!(html.contains(&summary(day)), "{folder}{page}: day {day}");
            }
        }
    }
    let month = site.read("public/2025/03/index.html");
    for day in 1..=9 {
        assert!(month.contains(&format!("Day {day}</a>")), "{month}");
        assert!(site.read("public/feed.json").contains(&summary(day)));
        let page = site.read(&format!("public/2025/03/day-{day}/index.html"));
        assert!(page.contains(&format!("The body of day {day}.")), "{page}");
    }
    for feed in ["tags/talks/atom.xml", "authors/anna-kowalska/rss.xml"] {
        let xml = site.read(&format!("public/{feed}"));
        assert!(
            xml.contains(&summary(1)) && xml.contains(&summary(9)),
            "{feed}"
        );
    }
}
