//! Properties of Markdown rendering and escaping, on generated input (proptest).

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::*;
use crate::config::{Config, Overrides};
use crate::content::parse_article;

fn article(body: &str) -> Article {
    let config = Config::parse(
        Path::new("config.yaml"),
        "title: T\nbase_url: https://e.org/\n",
        &Overrides::default(),
    )
    .unwrap();
    let text = format!("---\ntitle: T\ndate: 2025-03-16\n---\n{body}");
    let path = Path::new("content/2025/03/a.md");
    parse_article(path, path, text, 0, &config).unwrap()
}

/// The text of an HTML fragment: tags dropped, the entities comrak writes decoded, whitespace
/// removed.
fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    squash(&text)
}

/// The text without whitespace: tags may or may not separate words (`<code>a</code>b`).
fn squash(text: &str) -> String {
    text.split_whitespace().collect()
}

/// Markdown made of paragraphs, lists, headings and code, with inline emphasis and code, but
/// none of what is not text in the HTML (images' alt, footnote numbers, raw HTML).
fn body() -> impl Strategy<Value = String> {
    let word = "[A-Za-z0-9]{1,8}|[.,;:?'\"()&*_`~-]|\\*[a-z]{1,5}\\*|`[a-z ]{1,6}`|\\\\[*_]";
    let line = prop::collection::vec(word, 1..12).prop_map(|words| words.join(" "));
    let block = prop_oneof![
        3 => prop::collection::vec(line.clone(), 1..4).prop_map(|lines| lines.join("\n")),
        1 => line.clone().prop_map(|l| format!("- {l}")),
        1 => line.clone().prop_map(|l| format!("## {l}")),
        1 => line.prop_map(|l| format!("    {l}")),
    ];
    prop::collection::vec(block, 1..6).prop_map(|blocks| blocks.join("\n\n") + "\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_more_marker_is_found_where_find_finds_it(
        text in "(<|<!|<!--|<!-- more|<!-- more -->|more -->|é| |a){0,12}"
    ) {
        prop_assert_eq!(find_more_marker(&text), text.find(MORE_MARKER));
    }

    #[test]
    fn words_are_runs_of_non_whitespace(text in "[a-z .,\t\n\r\x0c\u{a0}é-]{0,40}") {
        prop_assert_eq!(count_words(&text), text.split_ascii_whitespace().count());
    }

    #[test]
    fn escape_html_leaves_no_markup(text in any::<String>()) {
        let escaped = escape_html(&text);
        prop_assert!(!escaped.contains(['<', '>', '"', '\'']), "{escaped:?}");
        let back = escaped
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        prop_assert_eq!(back, text);
    }

    #[test]
    fn the_summary_is_text_of_the_body(body in body()) {
        let markdown = MarkdownConfig::default();
        let links = LinkTargets {
            base_url: BaseUrl::parse("https://e.org/").unwrap(),
            targets: HashMap::new(),
            failed: Default::default(),
            images: Default::default(),
        };
        let rendered = render(&article(&body), &links, &markdown).unwrap();
        let summary = squash(&rendered.summary_text);
        prop_assert!(
            html_text(&rendered.html).contains(&summary),
            "summary {:?} is not in the body {:?}", summary, html_text(&rendered.html)
        );
        prop_assert_eq!(html_text(&rendered.summary_html), summary);
    }

    #[test]
    fn rendering_alone_renders_what_the_targets_would(body in linked_body()) {
        let markdown = MarkdownConfig::default();
        let links = site_targets();
        let article = article(&body);
        let full = render(&article, &links, &markdown);
        // A link that needs the targets is one that no site without files resolves.
        let needs_targets = render(&article, &LinkTargets::unknown(&links.base_url), &markdown)
            .is_err();
        match render_alone(&article, &links.base_url, &markdown) {
            Some(alone) => {
                prop_assert!(!needs_targets);
                prop_assert_eq!(alone.unwrap(), full.unwrap());
            }
            None => prop_assert!(needs_targets, "{:?}", body),
        }
    }
}

/// Link targets of a site with one other article and one image beside `article`.
fn site_targets() -> LinkTargets {
    let mut targets = HashMap::new();
    targets.insert(
        PathBuf::from("content/2025/03/b.md"),
        "2025/03/b/".to_string(),
    );
    targets.insert(
        PathBuf::from("content/2025/03/map.png"),
        "2025/03/map.png".to_string(),
    );
    LinkTargets {
        base_url: BaseUrl::parse("https://e.org/news/").unwrap(),
        targets,
        failed: Default::default(),
        images: Default::default(),
    }
}

/// Text with links and images of every kind: URLs, `//host` ones, site paths, fragments,
/// queries, files beside the article (present or missing) and reference links.
fn linked_body() -> impl Strategy<Value = String> {
    let url = prop_oneof![
        Just("https://x.org/a"),
        Just("//cdn.x.org/i.png"),
        Just("/tags/x/"),
        Just("#terms"),
        Just("mailto:a@x.org"),
        Just("?q=1"),
        Just("b.md"),
        Just("a.md#x"),
        Just("map.png"),
        Just("missing.md"),
        Just(""),
    ];
    let piece = prop_oneof![
        "[A-Za-z]{1,8}".prop_map(|w| w),
        url.clone().prop_map(|u| format!("[link]({u})")),
        url.clone().prop_map(|u| format!("![alt]({u})")),
        url.prop_map(|u| format!("[ref][r]\n\n[r]: {u}\n")),
    ];
    prop::collection::vec(piece, 1..8).prop_map(|pieces| pieces.join(" ") + "\n")
}
