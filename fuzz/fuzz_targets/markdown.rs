//! Markdown rendering with link resolution: `markdown::render` on an article with an arbitrary
//! body and a small set of link targets. With raw HTML escaped (the default), nothing the body
//! holds may come out as a script or a `javascript:` link.

#![no_main]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsprint::config::{Config, MarkdownConfig, Overrides};
use newsprint::content::{Article, parse_article};
use newsprint::markdown::{LinkTargets, render};
use newsprint::url::BaseUrl;

fn targets() -> &'static LinkTargets {
    static TARGETS: OnceLock<LinkTargets> = OnceLock::new();
    TARGETS.get_or_init(|| {
        let mut targets = HashMap::new();
        for (file, output) in [
            ("content/2025/03/a.md", "2025/03/a/"),
            ("content/2025/03/map.svg", "2025/03/map.svg"),
            ("content/2025/02/older.md", "2025/02/older/"),
            ("content/2025/03/with space.png", "2025/03/with space.png"),
        ] {
            targets.insert(PathBuf::from(file), output.to_string());
        }
        LinkTargets {
            base_url: BaseUrl::parse("https://e.org/digest/").unwrap(),
            targets,
            failed: Default::default(),
        }
    })
}

/// The article: a fixed front matter (summary and image chosen by `flags`) and `body`.
fn article(body: &str, flags: u8) -> Option<Article> {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    let config = CONFIG.get_or_init(|| {
        let text = "title: Fuzz\nbase_url: https://e.org/digest/\n";
        Config::parse(Path::new("config.yaml"), text, &Overrides::default()).unwrap()
    });
    let mut text = String::from("---\ntitle: Fuzz\ndate: 2025-03-16\n");
    if flags & 2 != 0 {
        text.push_str("summary: \"A <b>summary</b> & more\"\n");
    }
    match flags & 12 {
        4 => text.push_str("image: map.svg\n"),
        8 => text.push_str("image: \"javascript:alert(1)\"\n"),
        12 => text.push_str("image: ../../../etc/passwd\n"),
        _ => {}
    }
    text.push_str("---\n");
    text.push_str(body);
    let path = Path::new("content/2025/03/fuzz.md");
    parse_article(path, path, &text, 0, config).ok()
}

/// The values of `href="…"` and `src="…"` in `html`.
fn attribute_values(html: &str) -> Vec<String> {
    let mut values = Vec::new();
    for name in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(name) {
            rest = &rest[at + name.len()..];
            let end = rest.find('"').unwrap_or(rest.len());
            values.push(rest[..end].to_string());
        }
    }
    values
}

/// What a browser would take the scheme of a URL to be: it ignores ASCII whitespace and
/// control characters anywhere in it, and case.
fn scheme(url: &str) -> String {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect::<String>()
        .replace("&#x9;", "")
        .replace("&#xa;", "")
        .to_ascii_lowercase();
    cleaned.split(':').next().unwrap_or("").to_string()
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, body)) = data.split_first() else {
        return;
    };
    let body = String::from_utf8_lossy(body);
    let config = MarkdownConfig {
        unsafe_html: flags & 1 != 0,
    };
    let Some(article) = article(&body, flags) else {
        return;
    };
    let Ok(rendered) = render(&article, targets(), &config) else {
        return;
    };
    assert!(rendered.reading_time >= 1);
    if config.unsafe_html {
        return;
    }
    for html in [&rendered.html, &rendered.summary_html] {
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "a script came through: {html}");
        assert!(!lower.contains("<iframe"), "an iframe came through: {html}");
        for value in attribute_values(html) {
            let scheme = scheme(&value);
            assert!(
                !matches!(scheme.as_str(), "javascript" | "vbscript"),
                "a script URL came through: {value:?} in {html}"
            );
        }
    }
});
