//! Bytes per article (#20): HTML pages link into the site root-relative (the base path kept, so
//! a sub-path works), what must stay absolute does, the JSON-LD says only what the page's other
//! tags do not, and JSON feeds carry no indentation or repeated text.

use crate::support::{Site, assert_success, stdout};

const BASE: &str = "https://user.github.io/digest/";

fn site() -> Site {
    let site = Site::with_config(&format!("title: Digest\nbase_url: {BASE}\n"));
    site.write(
        "content/2025/03/talks.md",
        "---\ntitle: Talks resume\ndate: 2025-03-16T18:00:00+02:00\ntags: [Russia, Ukraine]\n\
         authors: [Anna Kowalska]\nsummary: Delegations met in Riyadh.\n---\n\
         Delegations met. See [the truce](truce.md) and [the terms](truce.md#terms).\n",
    );
    site.write(
        "content/2025/03/truce.md",
        "---\ntitle: Truce\ndate: 2025-03-15T10:00:00Z\nupdated: 2025-03-17T09:30:00Z\n\
         tags: [Russia]\nauthors: [Anna Kowalska]\n---\nThe truce holds.\n\n## Terms\n\nThirty days.\n",
    );
    assert_success(&site.build());
    site
}

#[test]
fn pages_link_into_the_site_root_relative_under_the_base_path() {
    let site = site();
    let page = site.page("2025/03/talks/index.html");
    for needle in [
        "<link rel=\"stylesheet\" href=\"/digest/style.css\">",
        "<a href=\"/digest/\" rel=\"home\">Digest</a>",
        "<a href=\"/digest/tags/russia/\">Russia</a>",
        "href=\"/digest/authors/anna-kowalska/\" rel=\"author\"",
        // Links written in Markdown too, fragment and all.
        "<a href=\"/digest/2025/03/truce/#terms\">the terms</a>",
        "type=\"application/atom+xml\" title=\"Digest (Atom)\" href=\"/digest/atom.xml\"",
    ] {
        assert!(
            page.contains(needle),
            "article page lacks {needle}:\n{page}"
        );
    }
    // What crawlers and social networks read without a page to resolve against stays whole.
    for needle in [
        format!("<link rel=\"canonical\" href=\"{BASE}2025/03/talks/\">"),
        format!("<meta property=\"og:url\" content=\"{BASE}2025/03/talks/\">"),
        format!("\"url\":\"{BASE}2025/03/talks/\""),
    ] {
        assert!(page.contains(&needle), "article page lacks {needle}");
    }
    let absolute_links = page.matches(&format!("href=\"{BASE}")).count();
    assert_eq!(
        absolute_links, 1,
        "only the canonical link is absolute:\n{page}"
    );
    // Feeds keep absolute links: readers have no page to resolve against.
    let atom = site.read("public/atom.xml");
    assert!(
        atom.contains(&format!("href=&quot;{BASE}2025/03/truce/#terms&quot;")),
        "{atom}"
    );
    assert!(!atom.contains("href=&quot;/digest/"));
}

#[test]
fn check_follows_root_relative_links() {
    let site = site();
    let output = site.newsprint(&["check"]);
    assert_success(&output);
    // A root-relative link at nothing is still found.
    site.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<a href=\"{{ url(path='gone/') }}\">x</a>{% endblock %}",
    );
    let output = site.newsprint(&["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let told = String::from_utf8_lossy(&output.stderr);
    assert!(
        told.contains("links to `https://user.github.io/digest/gone/`"),
        "{told}"
    );
}

#[test]
fn json_ld_says_what_the_page_does_not() {
    let site = site();
    let talks = site.page("2025/03/talks/index.html");
    let json = json_ld(&talks);
    assert_eq!(json["@type"], "NewsArticle");
    assert_eq!(json["headline"], "Talks resume");
    assert_eq!(json["datePublished"], "2025-03-16T18:00:00+02:00");
    assert_eq!(
        json["author"][0]["url"],
        format!("{BASE}authors/anna-kowalska/")
    );
    for repeated in [
        "mainEntityOfPage",
        "description",
        "keywords",
        "inLanguage",
        "dateModified",
    ] {
        assert!(
            json.get(repeated).is_none(),
            "{repeated} repeats the page: {json}"
        );
    }
    // The page itself still says them.
    assert!(talks.contains("<meta name=\"description\" content=\"Delegations met in Riyadh.\">"));
    assert!(talks.contains("<meta property=\"article:tag\" content=\"Ukraine\">"));
    let truce = json_ld(&site.page("2025/03/truce/index.html"));
    assert_eq!(truce["dateModified"], "2025-03-17T09:30:00+00:00");
}

fn json_ld(page: &str) -> serde_json::Value {
    let start = page.find("application/ld+json\">").unwrap() + 21;
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).unwrap()
}

#[test]
fn json_feeds_are_compact_and_say_things_once() {
    let site = site();
    let feed = site.read("public/tags/russia/feed.json");
    assert_eq!(feed.lines().count(), 1, "one line:\n{feed}");
    let json: serde_json::Value = serde_json::from_str(&feed).unwrap();
    let items = json["items"].as_array().unwrap();
    // Tag feeds carry summaries: the summary is the content, once.
    assert_eq!(
        items[0]["content_html"],
        "<p>Delegations met in Riyadh.</p>\n"
    );
    assert!(items[0].get("summary").is_none(), "{}", items[0]);
    assert!(items[0].get("date_modified").is_none(), "never updated");
    assert_eq!(items[1]["date_modified"], "2025-03-17T09:30:00+00:00");
    // The site feed carries whole articles, and the summary beside them.
    let site_feed: serde_json::Value =
        serde_json::from_str(&site.read("public/feed.json")).unwrap();
    assert_eq!(
        site_feed["items"][0]["summary"],
        "Delegations met in Riyadh."
    );
}
