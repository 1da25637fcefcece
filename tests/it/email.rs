//! `newsprint email` (issue #15): the HTML email walked as a DOM and checked against every rule
//! email clients impose, the plain-text part, the `.eml` parsed back as MIME, each service's
//! merge tags, and Gmail's clipping size.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use mail_parser::MimeHeaders;
use scraper::{ElementRef, Html, Selector};

use crate::support::fixture_dir;

const BASE: &str = "https://user.github.io/digest/";
const SUBJECT: &str = "Дайджест: переговоры и санкции";

fn email(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsprint"))
        .arg("email")
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .unwrap()
}

/// Exports an edition into `<root>/out` and returns the three files' paths.
fn export(root: &Path, args: &[&str]) -> [PathBuf; 3] {
    let out = root.join("out");
    let mut all = vec!["--out", out.to_str().unwrap()];
    all.extend(args);
    let result = email(root, &all);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let id = args
        .windows(2)
        .find(|w| w[0] == "--edition")
        .map_or("2025-03-17", |w| w[1]);
    ["html", "txt", "eml"].map(|extension| out.join(format!("{id}.{extension}")))
}

fn select<'a>(document: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    document.select(&Selector::parse(css).unwrap()).collect()
}

#[test]
fn the_html_obeys_every_email_rule() {
    let site = fixture_dir("editions");
    let [html_path, ..] = export(site.path(), &["--edition", "2025-03-14"]);
    let html = fs::read_to_string(&html_path).unwrap();
    assert!(html.len() <= 102_400, "{} bytes", html.len());
    let document = Html::parse_document(&html);

    // Nothing email clients strip or block.
    for refused in [
        "script", "iframe", "form", "object", "embed", "video", "audio", "link", "input", "button",
    ] {
        assert!(
            select(&document, refused).is_empty(),
            "<{refused}> in {html}"
        );
    }
    // One <style>, holding only @media rules; everything else is inlined.
    let styles = select(&document, "style");
    assert_eq!(styles.len(), 1);
    let css: String = styles[0].text().collect();
    assert!(css.contains("@media (prefers-color-scheme: dark)"), "{css}");
    assert!(
        css.contains("@media only screen and (max-width: 620px)"),
        "{css}"
    );
    assert_eq!(outside_media_rules(&css).trim(), "", "{css}");
    for element in select(&document, "td.article, h2.headline, .content p") {
        assert!(
            element
                .value()
                .attr("style")
                .is_some_and(|s| s.contains(':')),
            "{}",
            element.html()
        );
    }
    // color-scheme meta.
    let meta = select(&document, "meta[name=color-scheme]");
    assert_eq!(meta[0].value().attr("content"), Some("light dark"));
    // The hidden preheader is the body's first element.
    let body = select(&document, "body")[0];
    let first = body.children().filter_map(ElementRef::wrap).next().unwrap();
    assert_eq!(first.value().attr("class"), Some("preheader"));
    let hidden = first.value().attr("style").unwrap();
    assert!(
        hidden.contains("display:none") && hidden.contains("mso-hide:all"),
        "{hidden}"
    );
    assert!(
        first
            .text()
            .collect::<String>()
            .starts_with("Эр-Рияд, новый пакет санкций")
    );
    // A 600 px table layout.
    let container = select(&document, "table.container")[0];
    assert_eq!(container.value().attr("width"), Some("600"));
    assert!(select(&document, "table[role=presentation]").len() >= 3);
    // Web-safe font stacks, each ending in a generic family.
    for element in select(&document, "[style*=font-family]") {
        let style = element.value().attr("style").unwrap();
        let family = style
            .split("font-family:")
            .nth(1)
            .unwrap()
            .split(';')
            .next()
            .unwrap();
        assert!(
            ["serif", "sans-serif", "monospace"]
                .iter()
                .any(|g| family.trim().ends_with(g)),
            "{family}"
        );
        assert!(
            family.contains("Georgia")
                || family.contains("Arial")
                || family.contains("Courier New"),
            "{family}"
        );
    }
    // Every link and image absolute.
    for (attribute, css) in [("href", "[href]"), ("src", "[src]")] {
        for element in select(&document, css) {
            let url = element.value().attr(attribute).unwrap();
            assert!(
                url.starts_with("https://") || url.starts_with("mailto:"),
                "{attribute}={url}"
            );
        }
    }
    // Every image: alt, width and height, at most 600 wide; the lead image scaled from 1200x600.
    let images = select(&document, "img");
    assert!(!images.is_empty());
    for image in &images {
        let value = image.value();
        assert!(value.attr("alt").is_some(), "{}", image.html());
        let width: u32 = value.attr("width").unwrap().parse().unwrap();
        let height: u32 = value.attr("height").unwrap().parse().unwrap();
        assert!(width <= 600 && height > 0, "{}", image.html());
    }
    let lead = images
        .iter()
        // The lead image, or its smallest variant at least as wide as the 560 px column (#17).
        .find(|i| {
            i.value()
                .attr("src")
                .is_some_and(|src| src.starts_with(&format!("{BASE}2025/03/lead")))
        })
        .expect("the lead image");
    assert_eq!(lead.value().attr("width"), Some("560"));
    assert_eq!(lead.value().attr("height"), Some("280"));
    assert_eq!(
        lead.value().attr("alt"),
        Some("Переговоры в Эр-Рияде: делегации встретились")
    );
    // A remote image cannot be measured: linked instead.
    assert!(html.contains("href=\"https://cdn.example.org/photo.jpg\""));
    // The embed degraded to a link; the table kept.
    assert!(html.contains("href=\"https://www.youtube.com/embed/abc123\""));
    assert_eq!(select(&document, ".content table").len(), 1);
    // The intro, and the footer with the postal address and unsubscribe link.
    assert!(html.contains("Two stories today"));
    let footer: String = select(&document, "td.footer")[0].text().collect();
    assert!(
        footer.contains("Digest Desk, 1 Example Street, 01001 Kyiv"),
        "{footer}"
    );
    let unsubscribe = select(&document, "td.footer a")
        .into_iter()
        .find(|a| a.text().collect::<String>() == "Unsubscribe")
        .unwrap();
    assert_eq!(
        unsubscribe.value().attr("href"),
        Some("https://user.github.io/digest/unsubscribe/")
    );
}

/// The CSS outside `@media { … }` blocks.
fn outside_media_rules(css: &str) -> String {
    let mut outside = String::new();
    let mut depth = 0;
    let mut in_media = false;
    let mut rest = css;
    while !rest.is_empty() {
        if depth == 0 && rest.starts_with("@media") {
            in_media = true;
        }
        let c = rest.chars().next().unwrap();
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 && in_media {
                    in_media = false;
                    rest = &rest[1..];
                    continue;
                }
            }
            _ => {}
        }
        if !in_media {
            outside.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    outside
}

#[test]
fn the_text_part_is_written_from_the_markdown() {
    let site = fixture_dir("editions");
    let [_, text_path, _] = export(site.path(), &["--edition", "2025-03-14"]);
    let text = fs::read_to_string(&text_path).unwrap();
    assert!(
        text.starts_with(&format!("{SUBJECT}\nNo. 1 · Friday 14 March 2025\n")),
        "{text}"
    );
    for line in text.lines() {
        let long_url = !line.contains(' ') && line.contains("https://");
        assert!(line.chars().count() <= 78 || long_url, "{line:?}");
    }
    for url in ["2025/03/riyadh/", "2025/03/sanctions/"] {
        assert!(
            text.contains(&format!("{BASE}{url}")),
            "{url} missing from {text}"
        );
    }
    // From the Markdown: the table as a list, the embed as a line, links written out.
    assert!(
        text.contains("- Delegation: United States\n  Lead: Marco Rubio"),
        "{text}"
    );
    assert!(
        text.contains("[Embedded content: https://www.youtube.com/embed/abc123]"),
        "{text}"
    );
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(&format!("map of the talks ({BASE}2025/03/talks/)")),
        "{text}"
    );
    assert!(!text.contains('<'), "{text}");
    assert!(
        text.contains("UKRAINE\n") && text.contains("САНКЦИИ\n"),
        "{text}"
    );
    assert!(text.contains("Digest Desk, 1 Example Street, 01001 Kyiv"));
    assert!(text.contains("Unsubscribe: https://user.github.io/digest/unsubscribe/"));
}

#[test]
fn the_eml_is_multipart_alternative_with_an_encoded_subject() {
    let site = fixture_dir("editions");
    let [html_path, text_path, eml_path] = export(site.path(), &["--edition", "2025-03-14"]);
    let bytes = fs::read(&eml_path).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    // The subject is Cyrillic, so RFC 2047 encoded in the header.
    let subject_line = raw.lines().find(|l| l.starts_with("Subject:")).unwrap();
    assert!(subject_line.contains("=?utf-8?"), "{subject_line}");
    let message = mail_parser::MessageParser::default().parse(&bytes).unwrap();
    assert_eq!(message.subject(), Some(SUBJECT));
    let content_type = message.content_type().unwrap();
    assert_eq!(content_type.ctype(), "multipart");
    assert_eq!(content_type.subtype(), Some("alternative"));
    // Text first, then HTML, each the file written beside it.
    let parts: Vec<String> = message.parts[1..]
        .iter()
        .map(|p| {
            let t = p.content_type().unwrap();
            format!("{}/{}", t.ctype(), t.subtype().unwrap_or_default())
        })
        .collect();
    assert_eq!(parts, ["text/plain", "text/html"]);
    assert_eq!(
        message.body_text(0).unwrap().replace("\r\n", "\n"),
        fs::read_to_string(&text_path).unwrap()
    );
    assert_eq!(
        message.body_html(0).unwrap().replace("\r\n", "\n"),
        fs::read_to_string(&html_path)
            .unwrap()
            .replace("\r\n", "\n")
    );
    let from = message.from().unwrap().first().unwrap();
    assert_eq!(from.name(), Some("Дайджест"));
    assert_eq!(from.address(), Some("digest@example.org"));
    assert!(message.date().is_some());
    let id = message.message_id().unwrap();
    assert!(
        id.starts_with("edition-2025-03-14.") && id.ends_with("@user.github.io"),
        "{id}"
    );
    let header = |name: &str| {
        raw.lines()
            .find(|l| l.starts_with(name))
            .map(str::to_string)
    };
    assert_eq!(
        header("List-Unsubscribe:").as_deref(),
        Some("List-Unsubscribe: <https://user.github.io/digest/unsubscribe/>")
    );
    assert_eq!(
        header("List-Unsubscribe-Post:").as_deref(),
        Some("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
    );
}

#[test]
fn each_service_gets_its_merge_tags_in_both_parts() {
    let site = fixture_dir("editions");
    let cases = [
        (
            "mailchimp",
            ["*|UNSUB|*", "*|ARCHIVE|*"],
            Some("*|MC_PREVIEW_TEXT|*"),
        ),
        (
            "buttondown",
            ["{{ unsubscribe_url }}", "editions/2025-03-14/"],
            None,
        ),
        (
            "listmonk",
            ["{{ UnsubscribeURL }}", "{{ MessageURL }}"],
            None,
        ),
        ("brevo", ["{{ unsubscribe }}", "{{ mirror }}"], None),
    ];
    for (esp, tags, preview) in cases {
        let out = site.path().join(esp);
        let result = email(
            site.path(),
            &[
                "--esp",
                esp,
                "--edition",
                "2025-03-14",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert!(
            result.status.success(),
            "{esp}: {}",
            String::from_utf8_lossy(&result.stderr)
        );
        let html = fs::read_to_string(out.join("2025-03-14.html")).unwrap();
        let text = fs::read_to_string(out.join("2025-03-14.txt")).unwrap();
        for tag in tags {
            assert!(
                html.contains(&format!("href=\"{}", tag.replace('"', "&quot;")))
                    || html.contains(tag),
                "{esp}: {tag} not in the HTML"
            );
            assert!(text.contains(tag), "{esp}: {tag} not in the text");
        }
        let document = Html::parse_document(&html);
        let first = select(&document, "body > div")[0]
            .text()
            .collect::<String>();
        match preview {
            Some(tag) => assert!(first.starts_with(tag), "{esp}: {first}"),
            None => assert!(first.starts_with("Эр-Рияд"), "{esp}: {first}"),
        }
        assert!(text.contains("Digest Desk, 1 Example Street"), "{esp}");
    }
}

#[test]
fn editions_are_chosen_by_id_number_or_latest() {
    let site = fixture_dir("editions");
    let result = email(site.path(), &[]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    // The default folder is <root>/email, outside the published site.
    assert!(site.path().join("email/2025-03-17.html").is_file());
    let result = email(site.path(), &["--edition", "3"]);
    assert!(result.status.success());
    assert!(site.path().join("email/special.eml").is_file());
    let result = email(site.path(), &["--edition", "2031-01-01"]);
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("no edition `2031-01-01`: the site has editions 2025-03-14 (No. 1) to 2025-03-17 (No. 4)"), "{stderr}");
    let public = site.path().join("public/email");
    let result = email(site.path(), &["--out", public.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("inside the published output"));
    assert!(!public.exists());
}

/// Gmail clips HTML past 102,400 bytes: full articles give way to summaries, and an edition
/// too large even then is refused, naming it and its size.
#[test]
fn emails_past_gmails_clipping_size_are_shortened_then_refused() {
    let site = fixture_dir("editions");
    // The fixture asks for full articles (`email.content: full`).
    let paragraph = "A long paragraph of reporting on the talks. ".repeat(40);
    for i in 0..12 {
        fs::write(
            site.path().join(format!("content/2025/03/long-{i}.md")),
            format!("---\ntitle: Long story {i}\ndate: 2025-03-20T10:{i:02}:00+02:00\nsummary: Story {i} in brief.\n---\n\n{}\n", format!("{paragraph}\n\n").repeat(6)),
        )
        .unwrap();
    }
    let out = site.path().join("out");
    let result = email(
        site.path(),
        &["--edition", "2025-03-20", "--out", out.to_str().unwrap()],
    );
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("so it carries summaries with \"read on the site\" links"),
        "{stderr}"
    );
    let html = fs::read_to_string(out.join("2025-03-20.html")).unwrap();
    assert!(html.len() <= 102_400);
    assert!(html.contains("Read on the site") && html.contains("Story 7 in brief."));
    assert!(!html.contains("A long paragraph"));

    // Summaries (and bodies) so long that even the summaries pass the limit.
    let summary = "A very long summary that says everything. ".repeat(60);
    for i in 0..60 {
        fs::write(
            site.path().join(format!("content/2025/03/long-{i}.md")),
            format!("---\ntitle: Long story {i}\ndate: 2025-03-20T10:{i:02}:00+02:00\nsummary: {summary}\n---\n\n{summary}\n"),
        )
        .unwrap();
    }
    let result = email(
        site.path(),
        &[
            "--edition",
            "2025-03-20",
            "--out",
            out.join("again").to_str().unwrap(),
        ],
    );
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("the email of edition `2025-03-20` is "),
        "{stderr}"
    );
    assert!(
        stderr.contains("bytes of HTML even with summaries only"),
        "{stderr}"
    );
    assert!(!out.join("again").exists());
}
