use super::*;
use crate::config::{Config, Overrides};
use crate::content::parse_article;

fn targets() -> LinkTargets {
    let mut targets = HashMap::new();
    targets.insert(
        PathBuf::from("content/2025/03/truce.md"),
        "2025/03/truce/".to_string(),
    );
    targets.insert(
        PathBuf::from("content/2025/03/map of kyiv.png"),
        "2025/03/map of kyiv.png".to_string(),
    );
    LinkTargets {
        base_url: BaseUrl::parse("https://user.github.io/digest/").unwrap(),
        targets,
        failed: HashSet::new(),
        images: HashMap::new(),
    }
}

fn article(body: &str) -> Article {
    let config = Config::parse(
        Path::new("c.yaml"),
        "title: T\nbase_url: https://e.org/\n",
        &Overrides::default(),
    )
    .unwrap();
    let text = format!("---\ntitle: A\ndate: 2025-03-16\n---\n{body}");
    let path = Path::new("content/2025/03/talks.md");
    parse_article(path, path, text, 0, &config).unwrap()
}

fn render_body(body: &str) -> Result<Rendered, Vec<Error>> {
    render(&article(body), &targets(), &MarkdownConfig::default())
}

#[test]
fn relative_links_resolve_to_urls() {
    let rendered =
        render_body("See [the truce](truce.md#terms) and ![Map](map%20of%20kyiv.png).\n").unwrap();
    assert!(
        rendered
            .html
            .contains(r#"href="https://user.github.io/digest/2025/03/truce/#terms""#),
        "{}",
        rendered.html
    );
    assert!(
        rendered
            .html
            .contains(r#"src="https://user.github.io/digest/2025/03/map%20of%20kyiv.png""#),
        "{}",
        rendered.html
    );
    assert_eq!(rendered.links.len(), 2);
}

#[test]
fn site_rooted_links_keep_the_sub_path() {
    let rendered = render_body("[tags](/tags/)\n").unwrap();
    assert!(
        rendered
            .html
            .contains(r#"href="https://user.github.io/digest/tags/""#),
        "{}",
        rendered.html
    );
}

#[test]
fn external_links_are_left_alone() {
    let rendered = render_body("[a](https://x.org/a) [b](mailto:a@b.c) [c](#top)\n").unwrap();
    assert!(rendered.html.contains(r#"href="https://x.org/a""#));
    assert!(rendered.html.contains(r#"href="mailto:a@b.c""#));
    assert!(rendered.html.contains(r##"href="#top""##));
}

#[test]
fn missing_link_is_an_error_at_its_line() {
    let errors = render_body("Intro.\n\nSee [gone](gone.md) and [up](../../../../etc/passwd).\n")
        .unwrap_err();
    assert_eq!(errors.len(), 2);
    let shown = errors[0].to_string();
    assert!(shown.contains("link `gone.md` does not resolve"), "{shown}");
    assert!(shown.contains("content/2025/03/talks.md:7:5"), "{shown}");
    assert!(
        errors[1].to_string().contains("outside the site"),
        "{}",
        errors[1]
    );
}

#[test]
fn a_link_to_an_article_with_errors_says_so() {
    let mut links = targets();
    links
        .failed
        .insert(PathBuf::from("content/2025/03/broken.md"));
    let errors = render(
        &article("See [it](broken.md).\n"),
        &links,
        &MarkdownConfig::default(),
    )
    .unwrap_err();
    let shown = errors[0].to_string();
    assert!(shown.contains("has errors of its own"), "{shown}");
    assert!(!shown.contains("no published file"), "{shown}");
}

#[test]
fn raw_html_is_escaped_by_default() {
    let rendered = render_body("<script>alert(1)</script>\n\n[x](javascript:alert(1))\n").unwrap();
    assert!(!rendered.html.contains("<script>"), "{}", rendered.html);
    assert!(!rendered.html.contains("javascript:"), "{}", rendered.html);
    let unsafe_html = MarkdownConfig { unsafe_html: true };
    let rendered = render(
        &article("<div class=\"x\">hi</div>\n"),
        &targets(),
        &unsafe_html,
    )
    .unwrap();
    assert!(
        rendered.html.contains("<div class=\"x\">"),
        "{}",
        rendered.html
    );
}

#[test]
fn summary_is_first_paragraph() {
    let rendered = render_body("# Head\n\nFirst *para*\ngraph.\n\nSecond.\n").unwrap();
    assert_eq!(rendered.summary_text, "First para graph.");
    assert!(
        rendered.summary_html.starts_with("<p>First <em>para</em>"),
        "{}",
        rendered.summary_html
    );
}

#[test]
fn summary_stops_at_more_marker() {
    let rendered = render_body("One.\n\nTwo.\n\n<!-- more -->\n\nThree.\n").unwrap();
    assert_eq!(rendered.summary_text, "One. Two.");
    assert!(!rendered.html.contains("more"), "{}", rendered.html);
    assert!(rendered.html.contains("Three."));
}

#[test]
fn gfm_extensions_and_smart_punctuation() {
    let rendered = render_body("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ \"quoted\"\n\n- [x] done\n\nNote[^1].\n\n[^1]: Footnote.\n").unwrap();
    for needle in [
        "<table>",
        "<del>old</del>",
        "\u{201c}quoted\u{201d}",
        "checkbox",
        "footnote",
    ] {
        assert!(
            rendered.html.contains(needle),
            "{needle} missing in {}",
            rendered.html
        );
    }
}

/// Pins smart punctuation around the characters vendor/comrak's patch scans differently: lone
/// `.`, `-` and `>` stay as they are; `..`, `...`, `--`, `---` and `>>` change.
#[test]
fn smart_punctuation_of_periods_dashes_and_guillemets() {
    let body =
        "U.S. talks... resumed -- briefly --- on 3.5 km. A-B > C, <<D>> and 'e' \"f\". \\-- end.\n";
    let rendered = render_body(body).unwrap();
    assert_eq!(
        rendered.html.as_str(),
        "<p>U.S. talks\u{2026} resumed \u{2013} briefly \u{2014} on 3.5 km. A-B &gt; C, \u{ab}D\u{bb} \
         and \u{2018}e\u{2019} \u{201c}f\u{201d}. -- end.</p>\n"
    );
}

#[test]
fn words_and_reading_time() {
    let rendered = render_body(&"word ".repeat(450)).unwrap();
    assert_eq!(rendered.word_count, 450);
    assert_eq!(rendered.reading_time, 3);
}

#[test]
fn deep_nesting_does_not_crash() {
    let body = format!("{}deep\n", "> ".repeat(10_000));
    assert!(render_body(&body).is_ok());
    let body = format!("{}deep\n", "- ".repeat(10_000));
    assert!(render_body(&body).is_ok());
}

#[test]
fn one_long_paragraph_gives_a_bounded_summary() {
    let body = format!("**Bold** {}\n\nSecond.\n", "fish & chips ".repeat(2000));
    let rendered = render_body(&body).unwrap();
    assert!(rendered.summary_text.len() <= MAX_SUMMARY_BYTES + '…'.len_utf8());
    assert!(rendered.summary_text.starts_with("Bold fish & chips fish"));
    let word_end = ["chips…", "fish…", "&…"];
    assert!(
        word_end
            .iter()
            .any(|end| rendered.summary_text.ends_with(end))
    );
    assert!(
        rendered
            .summary_html
            .starts_with("<p>Bold fish &amp; chips")
    );
    assert!(rendered.summary_html.ends_with("…</p>\n"));
    // Short summaries keep their HTML.
    let rendered = render_body("**Bold** start.\n\nSecond.\n").unwrap();
    assert_eq!(
        rendered.summary_html.as_str(),
        "<p><strong>Bold</strong> start.</p>\n"
    );
}

#[test]
fn protocol_relative_links_become_https() {
    let rendered =
        render_body("[a](//host.example/x) ![b](//img.example/y.png) [c](///z)").unwrap();
    assert!(
        rendered.html.contains("href=\"https://host.example/x\""),
        "{}",
        rendered.html
    );
    assert!(
        rendered.html.contains("src=\"https://img.example/y.png\""),
        "{}",
        rendered.html
    );
}

#[test]
fn rendering_alone_waits_for_the_targets_only_when_a_link_needs_them() {
    let markdown = MarkdownConfig::default();
    let base_url = targets().base_url;
    let alone = |article: &Article| render_alone(article, &base_url, &markdown);
    assert!(alone(&article("See [the truce](truce.md).\n")).is_none());
    assert!(alone(&article("![Map](map%20of%20kyiv.png)\n")).is_none());
    assert!(alone(&article("[Search](?q=truce)\n")).is_none());

    let body =
        "See [x](https://x.org/), [tags](/tags/x/), [terms](#terms) and ![m](//x.org/m.png).\n";
    let rendered = alone(&article(body)).unwrap().unwrap();
    assert_eq!(rendered, render_body(body).unwrap());
    assert!(
        rendered
            .html
            .contains(r#"href="https://user.github.io/digest/tags/x/""#)
    );

    // The lead image resolves like a link.
    let mut lead = article("Text.\n");
    lead.image = Some("map of kyiv.png".into());
    assert!(alone(&lead).is_none());
    lead.image = Some("https://x.org/lead.jpg".into());
    let rendered = alone(&lead).unwrap().unwrap();
    assert_eq!(rendered, render(&lead, &targets(), &markdown).unwrap());
    assert_eq!(rendered.image.as_deref(), Some("https://x.org/lead.jpg"));
}
