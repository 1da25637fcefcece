//! Hardening: the real `newsprint` binary against hostile and broken input, escaping in every
//! output context, builds killed midway or run twice at once, output folders that cannot be
//! written, and the preview server under abuse. Every site lives in a temporary folder; every
//! network request goes to 127.0.0.1 only, and every loop is bounded in count and time.
//!
//! Fast tests run in the normal suite. Slow ones are `#[ignore]`d, and the ones that need root
//! (`mount`, `chattr`) skip themselves with a note when they cannot set up: run them with
//! `cargo test --test it -- --ignored hardening::`.

#![cfg(unix)]

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::{BIN, Site, assert_no_panic, assert_success, stderr, tree};

// ---------------------------------------------------------------------------------------------
// Helpers

/// The first 2,000 characters of a message, for assertion failures about huge outputs.
fn head(text: &str) -> String {
    text.chars().take(2000).collect()
}

/// The basic fixture plus `count` small generated articles, for builds that take a while.
fn generated(count: usize) -> Site {
    let site = Site::fixture("basic");
    for i in 0..count {
        let month = i % 12 + 1;
        site.write(
            &format!("content/2024/{month:02}/generated-{i}.md"),
            format!(
                "---\ntitle: Generated article {i}\ndate: 2024-{month:02}-{:02}T{:02}:00:00Z\ntags: [topic{}, Russia]\n---\nParagraph {i} with *emphasis* and a [link](https://example.org/{i}).\n\nA second paragraph.\n",
                i % 28 + 1,
                i % 24,
                i % 40
            ),
        );
    }
    site
}

fn assert_fails(output: &Output, code: i32, needle: &str) {
    let message = stderr(output);
    assert_eq!(output.status.code(), Some(code), "{}", head(&message));
    assert!(
        message.contains(needle),
        "expected {needle:?} in:\n{}",
        head(&message)
    );
}

// ---------------------------------------------------------------------------------------------
// Hostile and broken input: a clear error or a correct page, never a panic

/// What a case must give.
enum Expect {
    /// Success, and this output file contains this text.
    Page(&'static str, String),
    /// This exit code and this text in the message.
    Error(i32, &'static str),
}

fn front(extra: &str) -> String {
    format!("---\ntitle: Case\ndate: 2025-03-16\n{extra}---\nBody text.\n")
}

fn body(markdown: &str) -> String {
    format!("---\ntitle: Case\ndate: 2025-03-16\n---\n{markdown}")
}

/// Builds the basic fixture plus `content/2025/03/case.md`, once per case. Cases that fail must
/// leave the previous output exactly as it was. (`tests/build.rs` covers the empty file, no or an
/// unclosed front matter, invalid UTF-8 in the YAML, UTF-16 LE, tabs, `slug: ../../etc` and a
/// duplicate URL; they are not repeated here.)
#[test]
fn hostile_inputs_get_a_clear_error_or_a_correct_page() {
    let title_100k = "T".repeat(100 * 1024);
    let mut laughs =
        String::from("extra:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (name, previous) in "bcdefghi".chars().zip("abcdefgh".chars()) {
        let refs = vec![format!("*{previous}"); 9].join(", ");
        laughs.push_str(&format!("  {name}: &{name} [{refs}]\n"));
    }
    let tags: Vec<String> = (0..10_000).map(|i| format!("tag{i}")).collect();
    let cases: Vec<(&str, Vec<u8>, Expect)> = vec![
        (
            "front matter only",
            b"---\ntitle: Only front matter\ndate: 2025-03-16\n---\n".to_vec(),
            Expect::Page("2025/03/case/index.html", "Only front matter</h1>".into()),
        ),
        (
            "front matter only, no final newline",
            b"---\ntitle: No newline\ndate: 2025-03-16\n---".to_vec(),
            Expect::Page("2025/03/case/index.html", "No newline</h1>".into()),
        ),
        (
            "BOM and CRLF",
            b"\xef\xbb\xbf---\r\ntitle: Windows\r\ndate: 2025-03-16\r\ntags: [Russia]\r\n---\r\nFirst line.\r\n\r\nSecond.\r\n".to_vec(),
            Expect::Page("2025/03/case/index.html", "<p>Second.</p>".into()),
        ),
        (
            "UTF-16 big endian",
            b"\xfe\xff\0-\0-\0-\0\n".to_vec(),
            Expect::Error(1, "the file is UTF-16: save it as UTF-8"),
        ),
        (
            "invalid UTF-8 in the body",
            b"---\ntitle: A\ndate: 2025-03-16\n---\nCaf\xe9 au lait\n".to_vec(),
            Expect::Error(1, "case.md:5:4"),
        ),
        (
            "NUL bytes in the body",
            b"---\ntitle: Nul\ndate: 2025-03-16\n---\nBefore\0after.\n".to_vec(),
            Expect::Page("2025/03/case/index.html", "Before\u{fffd}after.".into()),
        ),
        (
            "YAML anchors that expand exponentially",
            front(&laughs).into_bytes(),
            Expect::Error(1, "repetition limit exceeded"),
        ),
        (
            "a few YAML aliases",
            b"---\ntitle: &t Aliased title\ndate: 2025-03-16\nsummary: *t\n---\nBody.\n".to_vec(),
            Expect::Page("2025/03/case/index.html", "Aliased title</h1>".into()),
        ),
        (
            "YAML nested 100,000 deep",
            front(&format!("extra: {{a: {}{}}}\n", "[".repeat(100_000), "]".repeat(100_000)))
                .into_bytes(),
            Expect::Error(1, "the front matter has more than 1000 `[` and `{`"),
        ),
        (
            "10,000 tags",
            front(&format!("tags: [{}]\n", tags.join(", "))).into_bytes(),
            Expect::Error(1, "the article has 10000 tags: at most 100 are allowed"),
        ),
        (
            "block quotes nested 10,000 deep",
            body(&format!("{}deep quote\n", "> ".repeat(10_000))).into_bytes(),
            Expect::Page("2025/03/case/index.html", "deep quote".into()),
        ),
        (
            "lists nested 10,000 deep",
            body(&format!("{}deep item\n", "- ".repeat(10_000))).into_bytes(),
            Expect::Page("2025/03/case/index.html", "deep item".into()),
        ),
        (
            "ordered lists and quotes nested 5,000 deep",
            body(&format!("{}mixed item\n", "1. > ".repeat(5_000))).into_bytes(),
            Expect::Page("2025/03/case/index.html", "mixed item".into()),
        ),
        (
            "10,000 open brackets and emphasis",
            body(&format!("{}{}x{}\n", "[".repeat(10_000), "*_".repeat(5_000), "_*".repeat(5_000)))
                .into_bytes(),
            Expect::Page("2025/03/case/index.html", "[[[[".into()),
        ),
        (
            "a 100 KB title",
            format!("---\ntitle: {title_100k}\ndate: 2025-03-16\n---\nBody.\n").into_bytes(),
            Expect::Page("2025/03/case/index.html", format!("<title>{title_100k}")),
        ),
        (
            "slug with a slash",
            front("slug: a/b\n").into_bytes(),
            Expect::Error(1, "invalid slug `a/b`: `/` is not allowed"),
        ),
        (
            "slug with a backslash",
            front("slug: 'a\\b'\n").into_bytes(),
            Expect::Error(1, "invalid slug `a\\\\b`"),
        ),
        (
            "slug with a NUL",
            front("slug: \"a\\0b\"\n").into_bytes(),
            Expect::Error(1, "invalid slug `a\\0b`"),
        ),
        ("slug ..", front("slug: ..\n").into_bytes(), Expect::Error(1, "it cannot start with `.`")),
        (
            "slug over 255 bytes",
            front(&format!("slug: {}\n", "a".repeat(300))).into_bytes(),
            Expect::Error(1, "the slug is 300 bytes long"),
        ),
        (
            "tags whose slugs collide",
            front("tags: [sanktsii, Sanktsii, \"SANKTSII!\", Russia, russia]\n").into_bytes(),
            // One tag page for all spellings, shared with the fixture's `Санкции`.
            Expect::Page("tags/sanktsii/index.html", "/2025/03/case/".into()),
        ),
        (
            "a date before 1970",
            b"---\ntitle: Titanic\ndate: 1912-04-15T02:20:00-03:00\n---\nBody.\n".to_vec(),
            Expect::Page("1912/04/case/index.html", "datetime=\"1912-04-15T02:20:00-03:00\"".into()),
        ),
        (
            "the year 1",
            b"---\ntitle: Year one\ndate: 0001-01-01\n---\nBody.\n".to_vec(),
            Expect::Page("0001/01/case/index.html", "Year one</h1>".into()),
        ),
        (
            "a date after 9999",
            front("").replace("2025-03-16", "10000-01-01").into_bytes(),
            Expect::Error(1, "invalid date `10000-01-01`"),
        ),
        (
            "an instant after the last one",
            front("").replace("2025-03-16", "9999-12-31T23:59:59-12:00").into_bytes(),
            Expect::Error(1, "invalid date `9999-12-31T23:59:59-12:00`: out of range"),
        ),
        (
            "a time without offset keeps its time",
            front("").replace("2025-03-16", "2025-03-16T18:30:00").into_bytes(),
            Expect::Page("2025/03/case/index.html", "datetime=\"2025-03-16T18:30:00+02:00\"".into()),
        ),
        (
            "source that is javascript:",
            front("source: javascript:alert(1)\n").into_bytes(),
            Expect::Error(1, "invalid source `javascript:alert(1)`: expected an http:// or https:// URL"),
        ),
        (
            "image that is javascript:",
            front("image: \"javascript:alert(1)\"\n").into_bytes(),
            Expect::Error(1, "invalid image `javascript:alert(1)`"),
        ),
        (
            "image that is a data: URL",
            front("image: \"data:image/svg+xml,<svg onload=alert(1)>\"\n").into_bytes(),
            Expect::Error(1, "invalid image `data:image/svg+xml"),
        ),
        (
            "image outside the site",
            front("image: ../../../../etc/passwd\n").into_bytes(),
            Expect::Error(1, "it points outside the site"),
        ),
        (
            "link outside the site",
            body("[passwd](../../../../../etc/passwd)\n").into_bytes(),
            Expect::Error(1, "it points outside the site"),
        ),
    ];

    let site = Site::fixture("basic");
    assert_success(&site.build());
    let good = tree(&site.public());
    for (name, bytes, expect) in cases {
        site.write("content/2025/03/case.md", &bytes);
        let output = site.build();
        match expect {
            Expect::Page(page, needle) => {
                assert!(
                    output.status.success(),
                    "{name}: {}",
                    head(&stderr(&output))
                );
                let text = site.page(page);
                assert!(
                    text.contains(&needle),
                    "{name}: {page} lacks {:?}",
                    head(&needle)
                );
                // Restore the reference output for the next failing case.
                fs::remove_file(site.root().join("content/2025/03/case.md")).unwrap();
                assert_success(&site.build());
                assert!(
                    good == tree(&site.public()),
                    "{name}: the rebuilt output differs"
                );
            }
            Expect::Error(code, needle) => {
                let message = stderr(&output);
                assert_eq!(
                    output.status.code(),
                    Some(code),
                    "{name}: {}",
                    head(&message)
                );
                assert!(
                    message.contains(needle),
                    "{name}: expected {needle:?} in:\n{}",
                    head(&message)
                );
                assert!(
                    good == tree(&site.public()),
                    "{name}: the previous output changed"
                );
            }
        }
    }
}

/// A 50 MB article is refused before it is parsed, with a clear error: it would build (in about
/// 6 s and 1 GB of memory with a release build), but every feed repeats it, which makes about
/// half a gigabyte of output, and no news article is that long. See `MAX_ARTICLE_BYTES`.
#[test]
fn a_fifty_megabyte_article_is_refused_quickly() {
    let site = Site::fixture("basic");
    assert_success(&site.build());
    let good = tree(&site.public());
    let paragraph =
        "Delegations met in Riyadh on Sunday, officials said, and *talks* will resume soon. "
            .repeat(8)
            + "\n\n";
    let mut text = String::from("---\ntitle: Huge\ndate: 2025-03-16\n---\n");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(&paragraph);
    }
    site.write("content/2025/03/huge.md", &text);
    let started = Instant::now();
    let output = site.build();
    assert_fails(&output, 1, "the file is larger than 10 MiB");
    assert!(
        stderr(&output).contains("content/2025/03/huge.md"),
        "{}",
        stderr(&output)
    );
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
    assert!(good == tree(&site.public()));
}

/// Just under the limit, a long article builds, in bounded time.
#[test]
#[ignore = "slow: builds a 9 MiB article with a debug binary"]
fn an_article_just_under_the_size_limit_builds() {
    let site = Site::fixture("basic");
    let paragraph =
        "Delegations met in Riyadh on Sunday, officials said, and *talks* will resume soon. "
            .repeat(8)
            + "\n\n";
    let mut text = String::from("---\ntitle: Long read\ndate: 2025-03-16\n---\n");
    while text.len() + paragraph.len() < 9 * 1024 * 1024 {
        text.push_str(&paragraph);
    }
    site.write("content/2025/03/long.md", &text);
    let started = Instant::now();
    assert_success(&site.build());
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "took {:?}",
        started.elapsed()
    );
    assert!(site.page("2025/03/long/index.html").len() > 9 * 1024 * 1024);
}

#[test]
fn symbolic_links_that_loop_or_leave_the_site_are_skipped_with_a_warning() {
    let outside = tempfile::tempdir().unwrap();
    let secret = "---\ntitle: SECRET-OUTSIDE\ndate: 2025-03-16\n---\nSECRET-BODY\n";
    fs::create_dir_all(outside.path().join("folder")).unwrap();
    fs::write(outside.path().join("folder/secret.md"), secret).unwrap();
    fs::write(outside.path().join("secret.md"), secret).unwrap();
    fs::write(outside.path().join("secret.txt"), "SECRET-FILE").unwrap();

    let site = Site::fixture("basic");
    let content = site.root().join("content");
    std::os::unix::fs::symlink(&content, content.join("2025/loop")).unwrap();
    std::os::unix::fs::symlink(
        content.join("2025/03/self-a"),
        content.join("2025/03/self-b"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        content.join("2025/03/self-b"),
        content.join("2025/03/self-a"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path().join("folder"), content.join("leak-folder")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        content.join("2025/03/leak.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        content.join("2025/03/leak.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink("/etc", site.root().join("static/etc")).unwrap();
    let output = site.build();
    assert_success(&output);
    let message = stderr(&output);
    assert!(message.contains("symbolic link loop"), "{message}");
    for leak in ["leak-folder", "leak.md", "leak.txt", "static/etc"] {
        assert!(
            message
                .lines()
                .any(|l| l.contains(leak) && l.contains("outside the site")),
            "no warning for {leak}:\n{message}"
        );
    }
    for (path, bytes) in tree(&site.public()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("SECRET"),
            "{path} holds a file from outside the site"
        );
        assert!(!path.contains("etc/"), "{path} comes from /etc");
    }
}

/// A file that disappears between the walk and the read is skipped, not an error.
#[test]
fn an_article_that_disappears_is_none() {
    use newsprint::config::{Config, Overrides};
    let site = Site::fixture("basic");
    let config = Config::load(site.root(), &Overrides::default()).unwrap();
    let gone = Path::new("content/2025/03/gone.md");
    assert!(matches!(
        newsprint::content::load_article(site.root(), gone, &config),
        Ok(None)
    ));
    let folder = Path::new("content/2025/03");
    assert!(newsprint::content::load_article(site.root(), folder, &config).is_err());
}

// ---------------------------------------------------------------------------------------------
// Escaping, checked per context on every output file

/// What a checker found wrong in a file.
type Problems = Vec<String>;

/// A start tag: its lowercase name and its attributes (names lowercase, values decoded).
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// The start tags of an HTML text, skipping comments. Unquoted, single- and double-quoted
/// values are read as a browser would.
fn start_tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut at = 0;
    while let Some(offset) = html[at..].find('<') {
        let start = at + offset;
        if html[start..].starts_with("<!--") {
            at = html[start..]
                .find("-->")
                .map_or(html.len(), |end| start + end + 3);
            continue;
        }
        at = start + 1;
        if !bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = html[at..]
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .map_or(html.len(), |e| at + e);
        let name = html[at..name_end].to_ascii_lowercase();
        let mut i = name_end;
        let mut attributes = Vec::new();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let attr_start = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !b"=>/".contains(&bytes[i])
            {
                i += 1;
            }
            let attr = html[attr_start..i].to_ascii_lowercase();
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let end = html[i + 1..]
                            .find(quote as char)
                            .map_or(html.len(), |e| i + 1 + e);
                        value = html[i + 1..end].to_string();
                        i = (end + 1).min(html.len());
                    }
                    _ => {
                        let end = html[i..]
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .map_or(html.len(), |e| i + e);
                        value = html[i..end].to_string();
                        i = end;
                    }
                }
            }
            attributes.push((attr, decode_entities(&value)));
        }
        at = i.min(html.len());
        tags.push(Tag { name, attributes });
    }
    tags
}

/// Decodes the character references a browser would in an attribute value.
fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|end| {
            let entity = &rest[1..end];
            let code = if let Some(hex) = entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
            {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(decimal) = entity.strip_prefix('#') {
                decimal.parse().ok()
            } else {
                match entity {
                    "amp" => Some('&' as u32),
                    "lt" => Some('<' as u32),
                    "gt" => Some('>' as u32),
                    "quot" => Some('"' as u32),
                    "apos" => Some('\'' as u32),
                    "colon" => Some(':' as u32),
                    "Tab" => Some('\t' as u32),
                    "NewLine" => Some('\n' as u32),
                    _ => None,
                }
            };
            code.and_then(char::from_u32).map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The scheme a browser sees in a URL: it drops ASCII whitespace and controls anywhere in it.
fn url_scheme(url: &str) -> String {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    match cleaned.find(':') {
        Some(colon) if !cleaned[..colon].contains(['/', '?', '#']) => {
            cleaned[..colon].to_ascii_lowercase()
        }
        _ => String::new(),
    }
}

/// An HTML page or fragment: no script but our JSON-LD, no event handler, no script URL.
fn check_html(html: &str, context: &str, problems: &mut Problems) {
    for tag in start_tags(html) {
        let attribute = |name: &str| {
            tag.attributes
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        if tag.name == "script" && attribute("type") != Some("application/ld+json") {
            problems.push(format!("{context}: a <script> tag"));
        }
        if matches!(
            tag.name.as_str(),
            "iframe" | "object" | "embed" | "frame" | "base" | "form"
        ) {
            problems.push(format!("{context}: a <{}> tag", tag.name));
        }
        if tag.name == "meta" && attribute("http-equiv").is_some() {
            problems.push(format!("{context}: a <meta http-equiv>"));
        }
        for (name, value) in &tag.attributes {
            if name.starts_with("on") {
                problems.push(format!("{context}: <{} {name}=…>", tag.name));
            }
            // `<meta content>` holds a URL only for images and URLs (og:image, og:url).
            let url_meta = name == "content"
                && ["property", "name"]
                    .iter()
                    .filter_map(|a| attribute(a))
                    .any(|p| p.ends_with("image") || p.ends_with("url"));
            let url_attribute = matches!(
                name.as_str(),
                "href" | "src" | "action" | "formaction" | "poster" | "xlink:href" | "srcset"
            );
            if (url_attribute || url_meta)
                && matches!(
                    url_scheme(value).as_str(),
                    "javascript" | "vbscript" | "data" | "file"
                )
            {
                problems.push(format!("{context}: <{} {name}={value:?}>", tag.name));
            }
        }
    }
    // Our only script element is JSON-LD: it must parse, and nothing may close it early.
    let mut rest = html;
    while let Some(at) = rest.find("<script type=\"application/ld+json\">") {
        rest = &rest[at + "<script type=\"application/ld+json\">".len()..];
        let end = rest.find("</script>").unwrap_or(rest.len());
        let json = &rest[..end];
        if json.contains('<') || json.contains('\u{2028}') || json.contains('\u{2029}') {
            problems.push(format!("{context}: raw `<` or a line separator in JSON-LD"));
        }
        if serde_json::from_str::<serde_json::Value>(json).is_err() {
            problems.push(format!("{context}: JSON-LD does not parse"));
        }
        rest = &rest[end..];
    }
}

/// A feed or sitemap: well-formed XML, no character XML 1.0 forbids, and its HTML (Atom
/// `content`/`summary`, RSS `description`/`content:encoded`) safe as HTML.
fn check_xml(xml: &str, context: &str, problems: &mut Problems) {
    use quick_xml::events::Event;
    if xml.chars().any(|c| matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')) {
        problems.push(format!("{context}: a character XML 1.0 forbids"));
    }
    let check_url = |value: &str, problems: &mut Problems| {
        if matches!(
            url_scheme(value).as_str(),
            "javascript" | "vbscript" | "data"
        ) {
            problems.push(format!("{context}: attribute {value:?}"));
        }
    };
    let mut reader = quick_xml::Reader::from_str(xml);
    // Open elements (name, whether it holds HTML), and the text of the innermost one
    // (quick-xml reports `&amp;` apart from the text around it).
    let mut open: Vec<(String, bool)> = Vec::new();
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(start)) => {
                let name = lossy(start.name().into_inner());
                let mut html_type = false;
                for attribute in start.attributes() {
                    match attribute {
                        Ok(a) => {
                            let value = decode_entities(&lossy(&*a.value));
                            html_type |= lossy(a.key.into_inner()) == "type" && value == "html";
                            check_url(&value, problems);
                        }
                        Err(error) => problems.push(format!("{context}: bad attribute: {error}")),
                    }
                }
                // Atom says which text is HTML; RSS items' descriptions are HTML by custom.
                let in_item = open.iter().any(|(n, _)| n == "item");
                let holds_html = match name.as_str() {
                    "content" | "summary" => html_type,
                    "description" | "content:encoded" => in_item,
                    _ => false,
                };
                open.push((name, holds_html));
                text.clear();
            }
            Ok(Event::Empty(empty)) => {
                for attribute in empty.attributes() {
                    match attribute {
                        Ok(a) => check_url(&decode_entities(&lossy(&*a.value)), problems),
                        Err(error) => problems.push(format!("{context}: bad attribute: {error}")),
                    }
                }
            }
            Ok(Event::Text(raw)) => {
                let raw = lossy(&*raw);
                if raw.contains("]]>") {
                    problems.push(format!("{context}: `]]>` in text"));
                }
                text.push_str(&decode_entities(&raw));
            }
            Ok(Event::GeneralRef(reference)) => {
                let entity = format!("&{};", lossy(&*reference));
                let decoded = decode_entities(&entity);
                if decoded == entity {
                    problems.push(format!("{context}: unknown entity {entity}"));
                }
                text.push_str(&decoded);
            }
            Ok(Event::CData(data)) => text.push_str(&lossy(&*data)),
            Ok(Event::End(_)) => {
                if let Some((element, true)) = open.pop() {
                    check_html(&text, &format!("{context} <{element}>"), problems);
                }
                text.clear();
            }
            Ok(_) => {}
            Err(error) => {
                problems.push(format!("{context}: not well-formed XML: {error}"));
                return;
            }
        }
    }
    if !open.is_empty() {
        let names: Vec<&str> = open.iter().map(|(n, _)| n.as_str()).collect();
        problems.push(format!("{context}: unclosed <{}>", names.join("> <")));
    }
}

/// Bytes or text from quick-xml as a `String`.
fn lossy<T: AsRef<[u8]> + ?Sized>(bytes: &T) -> String {
    String::from_utf8_lossy(bytes.as_ref()).into_owned()
}

/// JSON Feed: it parses, its URLs are web URLs, and its `content_html`/`summary` HTML is safe.
fn check_json_feed(text: &str, context: &str, problems: &mut Problems) {
    let feed: serde_json::Value = match serde_json::from_str(text) {
        Ok(feed) => feed,
        Err(error) => {
            problems.push(format!("{context}: not JSON: {error}"));
            return;
        }
    };
    let mut urls = vec![&feed["home_page_url"], &feed["feed_url"], &feed["icon"]];
    for item in feed["items"].as_array().into_iter().flatten() {
        if let Some(html) = item["content_html"].as_str() {
            check_html(html, &format!("{context} content_html"), problems);
        }
        urls.extend([
            &item["url"],
            &item["external_url"],
            &item["image"],
            &item["banner_image"],
        ]);
    }
    for url in urls.into_iter().filter_map(|u| u.as_str()) {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            problems.push(format!("{context}: URL {url:?}"));
        }
    }
}

/// Checks every file of an output folder by its kind.
fn check_output(public: &Path) -> Problems {
    let mut problems = Vec::new();
    for (path, bytes) in tree(public) {
        let Ok(text) = String::from_utf8(bytes) else {
            if path.ends_with(".html") || path.ends_with(".xml") || path.ends_with(".json") {
                problems.push(format!("{path}: not UTF-8"));
            }
            continue;
        };
        if path == "search/index.html" {
            // The search page's fallback form and Pagefind loader are the theme's own (#18);
            // the rest of the page is checked like any other.
            check_html(&without_search_widgets(&text), &path, &mut problems);
        } else if path.ends_with(".html") {
            check_html(&text, &path, &mut problems);
        } else if path.ends_with(".xml") {
            check_xml(&text, &path, &mut problems);
        } else if path.ends_with(".json") {
            check_json_feed(&text, &path, &mut problems);
        }
    }
    problems
}

/// The search page without its one `<form` tag and its one inline `<script>` block.
fn without_search_widgets(html: &str) -> String {
    let html = html.replacen(
        "<form class=\"search-fallback\"",
        "<div class=\"search-fallback\"",
        1,
    );
    match (html.find("<script>\n(function"), html.find("</script>")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{}", &html[..start], &html[end + "</script>".len()..])
        }
        _ => html,
    }
}

/// The checkers themselves catch what they are for.
#[test]
fn the_escaping_checkers_catch_breakouts() {
    let cases = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//x></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href='&#106;avascript:alert(1)'>x</a>",
        "<a href=\" JAVASCRIPT:alert(1)\">x</a>",
        "<iframe src=\"https://e.org\"></iframe>",
        "<a href=\"data:text/html,x\">x</a>",
        "<div title=\"x\" onmouseover=\"alert(1)\">",
        "<script type=\"application/ld+json\">{\"a\":\"</script><script>alert(1)</script>\"}</script>",
    ];
    for html in cases {
        let mut problems = Vec::new();
        check_html(html, "case", &mut problems);
        assert!(!problems.is_empty(), "{html} passed");
    }
    let mut problems = Vec::new();
    check_html(
        "<p title=\"a onmouseover=x\">&lt;script&gt; javascript:alert(1)</p><a href=\"https://e.org/?q=javascript:x\">",
        "fine",
        &mut problems,
    );
    assert!(problems.is_empty(), "{problems:?}");
    for xml in [
        "<a><b></a>",
        "<a><b>",
        "<a>x]]>y</a>",
        "<a>\u{1}</a>",
        "<a>&bogus;</a>",
        "<feed><entry><content type=\"html\">&lt;script&gt;alert(1)&lt;/script&gt;</content></entry></feed>",
        "<rss><item><description><![CDATA[<img src=x onerror=alert(1)>]]></description></item></rss>",
        "<feed><link href=\"javascript:alert(1)\"/></feed>",
    ] {
        let mut problems = Vec::new();
        check_xml(xml, "case", &mut problems);
        assert!(!problems.is_empty(), "{xml} passed");
    }
}

/// `tests/fixtures/hostile` tries to break out of every context from front matter, config and
/// Markdown; nothing executable may come through in any output file.
#[test]
fn escaping_holds_in_every_output_context() {
    let site = Site::fixture("hostile");
    assert_success(&site.build());
    let files = tree(&site.public());
    assert!(
        files.contains_key("2025/03/hostile/index.html"),
        "{:?}",
        files.keys()
    );
    for feed in [
        "atom.xml",
        "rss.xml",
        "feed.json",
        "tags/b-bold-b/atom.xml",
        "sitemap.xml",
    ] {
        assert!(
            files.contains_key(feed),
            "{feed} missing: {:?}",
            files.keys()
        );
    }
    let problems = check_output(&site.public());
    assert!(problems.is_empty(), "{problems:#?}");

    // The hostile text is there, as text.
    let page = site.page("2025/03/hostile/index.html");
    assert!(
        page.contains("&lt;&#x2F;title&gt;&lt;script&gt;")
            || page.contains("&lt;/title&gt;&lt;script&gt;"),
        "{}",
        head(&page)
    );
    // (Smart punctuation curls the quotes of text, raw HTML included.)
    assert!(
        page.contains("&lt;script&gt;alert(‘raw script’)&lt;/script&gt;"),
        "{}",
        head(&page)
    );
    let feed: serde_json::Value = serde_json::from_str(&site.page("feed.json")).unwrap();
    let title = feed["items"][0]["title"].as_str().unwrap();
    assert!(
        title.starts_with("</title><script>alert('title')</script>"),
        "{title:?}"
    );
    assert!(
        !title.contains('\u{1}'),
        "control characters are dropped: {title:?}"
    );
}

/// With `markdown.unsafe_html: true` the site opts out of escaping raw HTML in Markdown (and
/// SECURITY.md says so), but front matter stays text.
#[test]
fn unsafe_html_lets_raw_html_through_and_only_that() {
    let site = Site::fixture("hostile");
    let config = fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write(
        "config.yaml",
        format!("{config}markdown:\n  unsafe_html: true\n"),
    );
    assert_success(&site.build());
    let page = site.page("2025/03/hostile/index.html");
    assert!(
        page.contains("<script>alert(‘raw script’)</script>"),
        "raw HTML is kept"
    );
    assert!(
        page.contains("<div onmouseover=\"alert('raw block')\">"),
        "raw HTML is kept"
    );
    assert!(
        !page.contains("<script>alert('title')"),
        "front matter is still text"
    );
    // comrak's unsafe mode also stops dropping `javascript:` links (raw HTML could write them
    // anyway): SECURITY.md says `unsafe_html` trusts the Markdown completely.
    assert!(page.contains("href=\"javascript:alert("));
    assert!(!site.page("atom.xml").contains("<script>alert('title')"));
}

// ---------------------------------------------------------------------------------------------
// Never lose data

/// Kills a build at several points with SIGKILL: each time the output is byte for byte either
/// the old tree or the new one, and the next build succeeds.
fn kill_at_several_points(articles: usize, points: u32) {
    let site = generated(articles);
    assert_success(&site.build());
    let old = tree(&site.public());
    // The new version changes every page (the site title), so a mix would show anywhere.
    let config = fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write(
        "config.yaml",
        config.replace("title: Fixture Digest", "title: Renamed Digest"),
    );
    let expected = site.root().join("expected");
    let started = Instant::now();
    assert_success(&site.newsprint(&["build", "--output", expected.to_str().unwrap()]));
    let duration = started.elapsed();
    let new = tree(&expected);
    fs::remove_dir_all(&expected).unwrap();
    assert!(new != old);

    let mut outcomes = (0, 0);
    for point in 0..points {
        let delay = duration.mul_f64(f64::from(point) / f64::from(points) * 1.5);
        let mut child = site
            .command(&["build"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = tree(&site.public());
        if now == old {
            outcomes.0 += 1;
        } else if now == new {
            outcomes.1 += 1;
            // Start over from the old version, so later kills can catch a swap again.
            site.write("config.yaml", &config);
            assert_success(&site.build());
            assert!(tree(&site.public()) == old);
            site.write(
                "config.yaml",
                config.replace("title: Fixture Digest", "title: Renamed Digest"),
            );
        } else {
            let differing = now
                .keys()
                .chain(old.keys())
                .find(|k| now.get(*k) != old.get(*k) && now.get(*k) != new.get(*k));
            panic!(
                "killed after {delay:?}: the output is a mix of old and new (e.g. {differing:?})"
            );
        }
    }
    assert_success(&site.build());
    assert!(
        tree(&site.public()) == new,
        "the build after the kills differs"
    );
    let leftovers: Vec<_> = fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.") && n != ".public.lock" && n != ".public.manifest")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    eprintln!(
        "{articles} articles, build {duration:?}: {} kills left the old output, {} the new",
        outcomes.0, outcomes.1
    );
}

#[test]
fn a_killed_build_leaves_the_old_or_the_new_output() {
    kill_at_several_points(300, 6);
}

#[test]
#[ignore = "slow: 2,000 articles killed at 16 points"]
fn a_killed_big_build_leaves_the_old_or_the_new_output() {
    kill_at_several_points(2000, 16);
}

/// Two builds of two different sites into one output folder at the same time: one waits its
/// turn or fails clearly, and the output is one whole site.
#[test]
fn two_builds_at_once_never_mix() {
    let first = generated(200);
    let second = generated(200);
    let config = fs::read_to_string(second.root().join("config.yaml")).unwrap();
    second.write(
        "config.yaml",
        config.replace("title: Fixture Digest", "title: Other Digest"),
    );
    let shared = tempfile::tempdir().unwrap();
    let output = shared.path().join("public");
    let mut expected = Vec::new();
    for site in [&first, &second] {
        let out = site.root().join("expected");
        assert_success(&site.newsprint(&["build", "--output", out.to_str().unwrap()]));
        expected.push(tree(&out));
        fs::remove_dir_all(&out).unwrap();
    }
    let mut refused = 0;
    for _ in 0..4 {
        let start = |site: &Site| {
            site.command(&["build", "--output", output.to_str().unwrap()])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let children = [start(&first), start(&second)];
        let outputs: Vec<Output> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        for result in &outputs {
            assert_no_panic(result);
            if !result.status.success() {
                assert_fails(result, 2, "another newsprint build is writing");
                refused += 1;
            }
        }
        assert!(
            outputs.iter().any(|o| o.status.success()),
            "both builds failed"
        );
        let now = tree(&output);
        assert!(
            now == expected[0] || now == expected[1],
            "the output mixes two builds"
        );
    }
    eprintln!("{refused} of 8 builds were refused by the lock");
}

/// Every folder newsprint must never replace is refused, by `--output`, and nothing is touched.
#[test]
fn the_output_folder_rules_hold() {
    let site = Site::fixture("basic");
    let home = tempfile::tempdir().unwrap();
    let other_site = tempfile::tempdir().unwrap();
    fs::write(other_site.path().join("config.yaml"), "title: x\n").unwrap();
    let holds_content = tempfile::tempdir().unwrap();
    fs::create_dir_all(holds_content.path().join("content")).unwrap();
    std::os::unix::fs::symlink(site.root(), site.root().join("root-link")).unwrap();
    let before = tree(site.root());
    let cases: Vec<(String, &str)> = vec![
        (".".into(), "it is the site folder or holds it"),
        ("..".into(), "it is the site folder or holds it"),
        ("public/..".into(), "it is the site folder or holds it"),
        ("/".into(), "it is the file system root"),
        ("content".into(), "inside the site's `content`"),
        ("content/2025".into(), "inside the site's `content`"),
        ("static".into(), "inside the site's `static`"),
        ("themes/default".into(), "inside the site's `themes`"),
        ("config.yaml".into(), "inside the site's `config.yaml`"),
        (
            home.path().to_str().unwrap().into(),
            "it is your home folder",
        ),
        (
            other_site.path().to_str().unwrap().into(),
            "looks like a site",
        ),
        (
            holds_content.path().to_str().unwrap().into(),
            "looks like a site",
        ),
        ("root-link".into(), "looks like a site"),
    ];
    for (output, reason) in &cases {
        let result = site
            .command(&["build", "--output", output])
            .env("HOME", home.path())
            .output()
            .unwrap();
        assert_no_panic(&result);
        assert_fails(&result, 2, "refusing to use");
        assert!(
            stderr(&result).contains(reason),
            "--output {output}: {}",
            stderr(&result)
        );
    }
    // --root pointing below the current folder, --output the current folder.
    let parent = site.root().parent().unwrap().to_path_buf();
    let result = Command::new(BIN)
        .args([
            "build",
            "--root",
            site.root().to_str().unwrap(),
            "--output",
            ".",
        ])
        .current_dir(&parent)
        .output()
        .unwrap();
    assert_fails(&result, 2, "refusing to use");
    assert!(
        before == tree(site.root()),
        "a refused build changed the site"
    );
    assert!(
        fs::read_dir(other_site.path()).unwrap().count() == 1
            && home.path().read_dir().unwrap().next().is_none()
    );
}

/// An output path that is a symbolic link: the link is replaced by the site, and the folder it
/// pointed at (outside the site) is left alone.
#[test]
fn an_output_symlink_is_replaced_not_followed() {
    let site = Site::fixture("basic");
    let elsewhere = tempfile::tempdir().unwrap();
    fs::write(elsewhere.path().join("keep.txt"), "keep").unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), site.root().join("public")).unwrap();
    assert_success(&site.build());
    assert!(
        !fs::symlink_metadata(site.public())
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(site.public().join("index.html").is_file());
    assert_eq!(
        fs::read_to_string(elsewhere.path().join("keep.txt")).unwrap(),
        "keep"
    );
    assert_eq!(fs::read_dir(elsewhere.path()).unwrap().count(), 1);
}

/// Runs `chattr` on a path; `false` when the file system or the user cannot.
fn chattr(flag: &str, path: &Path) -> bool {
    Command::new("chattr")
        .arg(flag)
        .arg(path)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Makes a folder immutable for as long as it lives (even root cannot create files in it).
struct Immutable(PathBuf);

impl Drop for Immutable {
    fn drop(&mut self) {
        chattr("-i", &self.0);
    }
}

/// Output folders that cannot be written: a clear I/O error, exit 2, previous output untouched.
/// Tests run as root in CI, which ignores permissions, so these use what root cannot get past:
/// a parent that is a file, a path under /proc, and an immutable (`chattr +i`) parent.
#[test]
fn an_unwritable_output_location_is_a_clear_io_error() {
    let site = Site::fixture("basic");
    site.write("blocker", "a file, not a folder");
    let result = site.newsprint(&["build", "--output", "blocker/public"]);
    assert_fails(&result, 2, "cannot write");
    assert!(stderr(&result).contains("blocker"), "{}", stderr(&result));

    let result = site.newsprint(&["build", "--output", "/proc/newsprint-hardening/public"]);
    assert_fails(&result, 2, "cannot write");

    let parent = tempfile::tempdir().unwrap();
    let output = parent.path().join("public");
    let output_arg = output.to_str().unwrap();
    assert_success(&site.newsprint(&["build", "--output", output_arg]));
    let good = tree(&output);
    site.write(
        "content/2025/03/energy.md",
        "---\ntitle: Changed\ndate: 2025-03-18\n---\nNew.\n",
    );
    if !chattr("+i", parent.path()) {
        eprintln!("skipping the immutable-folder case: chattr +i is not available here");
        return;
    }
    let guard = Immutable(parent.path().to_path_buf());
    let result = site.newsprint(&["build", "--output", output_arg]);
    assert_fails(&result, 2, "cannot write");
    assert!(good == tree(&output), "the previous output changed");
    drop(guard);
    assert_success(&site.newsprint(&["build", "--output", output_arg]));
    assert!(
        fs::read_to_string(output.join("2025/03/energy/index.html"))
            .unwrap()
            .contains("Changed")
    );
}

/// A write that fails half way (here: `/dev/full`, as on a full disk) is an I/O error; staged
/// builds are abandoned and in-place updates leave the old file, never a truncated one.
#[test]
fn a_failing_write_is_an_io_error_and_keeps_the_old_file() {
    use newsprint::output::{OutputDir, write_if_changed};
    let site = Site::fixture("basic");
    let output = OutputDir::new(site.root(), &site.public()).unwrap();
    let staging = output.stage().unwrap();
    staging.write("index.html", b"old").unwrap();
    staging.commit().unwrap();

    let staging = output.stage().unwrap();
    std::os::unix::fs::symlink("/dev/full", staging.dir().join("full.html")).unwrap();
    let error = staging.write("full.html", &[b'x'; 64 * 1024]).unwrap_err();
    assert_eq!(error.exit_code(), 2);
    assert!(
        error.to_string().contains("No space left on device"),
        "{error}"
    );
    staging.abandon();
    assert_eq!(fs::read(site.public().join("index.html")).unwrap(), b"old");

    // In place (watch): the temporary file is the one that fails; the page keeps its bytes.
    let temporary = site.public().join(".index.html.newsprint-tmp");
    std::os::unix::fs::symlink("/dev/full", &temporary).unwrap();
    let error = write_if_changed(&site.public(), "index.html", &[b'y'; 64 * 1024]).unwrap_err();
    assert_eq!(error.exit_code(), 2);
    assert_eq!(fs::read(site.public().join("index.html")).unwrap(), b"old");
    assert!(
        fs::symlink_metadata(&temporary).is_err(),
        "the temporary file is cleaned up"
    );
}

/// Unmounts a tmpfs when dropped.
struct Mount(PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// A full disk for real: a 1 MiB tmpfs (needs root). The build fails with exit 2 and "No space
/// left on device", the previous output stays, the partial staging folder is removed, and once
/// there is room again the build succeeds.
#[test]
#[ignore = "needs root to mount a tmpfs"]
fn a_full_disk_fails_cleanly() {
    let mount_point = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "newsprint-test"])
        .arg(mount_point.path())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipping: cannot mount a tmpfs here (not root?)");
        return;
    }
    let _mount = Mount(mount_point.path().to_path_buf());
    let site = Site::fixture("basic");
    let output = mount_point.path().join("public");
    let output_arg = output.to_str().unwrap();
    assert_success(&site.newsprint(&["build", "--output", output_arg]));
    let good = tree(&output);
    // Fill what is left.
    let filler = mount_point.path().join("filler");
    let mut file = fs::File::create(&filler).unwrap();
    let chunk = vec![0u8; 4096];
    while file.write_all(&chunk).is_ok() {}
    drop(file);
    site.write(
        "content/2025/03/energy.md",
        "---\ntitle: Changed\ndate: 2025-03-18\n---\nNew.\n",
    );
    let result = site.newsprint(&["build", "--output", output_arg]);
    assert_fails(&result, 2, "No space left on device");
    assert!(good == tree(&output), "the previous output changed");
    assert!(
        !mount_point.path().join(".public.staging").exists(),
        "the staging folder is left behind"
    );
    fs::remove_file(&filler).unwrap();
    assert_success(&site.newsprint(&["build", "--output", output_arg]));
}

// ---------------------------------------------------------------------------------------------
// The preview server under abuse (127.0.0.1 only)

/// A running `newsprint serve` on a free port, killed when dropped.
struct Server {
    child: Child,
    port: u16,
    base: String,
    stdout: Arc<Mutex<String>>,
    site: Site,
}

impl Server {
    fn start() -> Server {
        let site = Site::fixture("basic");
        site.write("secret.txt", "TOP-SECRET-42");
        let mut child = site
            .command(&["serve", "--port", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = Arc::new(Mutex::new(String::new()));
        let sink = stdout.clone();
        let pipe = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines() {
                let Ok(line) = line else { break };
                let mut sink = sink.lock().unwrap();
                sink.push_str(&line);
                sink.push('\n');
            }
        });
        let started = Instant::now();
        let url = loop {
            let text = stdout.lock().unwrap().clone();
            if let Some(line) = text.lines().find(|l| l.starts_with("serving ")) {
                break line["serving ".len()..].trim().to_string();
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "serve did not start:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        let rest = url
            .strip_prefix("http://127.0.0.1:")
            .unwrap_or_else(|| panic!("not a loopback URL: {url}"));
        let (port, path) = rest.split_at(rest.find('/').unwrap());
        let server = Server {
            child,
            port: port.parse().unwrap(),
            base: path.to_string(),
            stdout,
            site,
        };
        while server.get("/digest/").status != 200 {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the site was not built:\n{}",
                server.stdout.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(15)))
            .unwrap();
        stream
            .set_write_timeout(Some(Duration::from_secs(15)))
            .unwrap();
        stream
    }

    /// Sends raw bytes, reads the whole answer.
    fn raw(&self, request: &[u8]) -> Reply {
        let mut stream = self.connect();
        let _ = stream.write_all(request);
        read_reply(&mut stream)
    }

    fn get(&self, target: &str) -> Reply {
        self.raw(
            format!(
                "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
                self.port
            )
            .as_bytes(),
        )
    }

    fn rss_kib(&self) -> u64 {
        let status = fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap()
    }

    fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer: status 0 when none came (reset or closed), and whether the body has exactly
/// the announced length.
#[derive(Debug)]
struct Reply {
    status: u16,
    body: Vec<u8>,
    complete: bool,
}

fn read_reply(stream: &mut TcpStream) -> Reply {
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let Some(end) = bytes.windows(4).position(|w| w == b"\r\n\r\n") else {
        return Reply {
            status: 0,
            body: bytes,
            complete: false,
        };
    };
    let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
    let body = bytes[end + 4..].to_vec();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let length = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().to_string())
        })
        .and_then(|v| v.parse::<usize>().ok());
    let complete = length == Some(body.len());
    Reply {
        status,
        body,
        complete,
    }
}

#[test]
fn serve_refuses_path_traversal_in_every_encoding() {
    let server = Server::start();
    assert_eq!(server.base, "/digest/");
    let targets = [
        "/digest/../secret.txt",
        "/digest/../../../../../../etc/passwd",
        "/digest/%2e%2e/secret.txt",
        "/digest/%2E%2E/%2E%2E/secret.txt",
        "/digest/.%2e/secret.txt",
        "/digest/%2e%2e%2fsecret.txt",
        "/digest/..%2fsecret.txt",
        "/digest/..%2F..%2F..%2Fetc%2Fpasswd",
        "/digest/%252e%252e/secret.txt",
        "/digest/%252e%252e%252fsecret.txt",
        "/digest/..\\secret.txt",
        "/digest/..%5csecret.txt",
        "/digest/%5c..%5c..%5csecret.txt",
        "/digest/%c0%ae%c0%ae/secret.txt",
        "/digest/..%00/secret.txt",
        "/digest/index.html%00.txt",
        "/digest/%00",
        "/digest//etc/passwd",
        "/digest/%2fetc%2fpasswd",
        "//etc/passwd",
        "/etc/passwd",
        "/../secret.txt",
        "/digest/2025/../../secret.txt",
        "/digest/./../secret.txt",
        "/digest/....//secret.txt",
        "/digest/..;/secret.txt",
        "http://127.0.0.1/digest/../secret.txt",
        "/proc/self/environ",
        "*",
    ];
    for target in targets {
        let reply = server.get(target);
        let body = String::from_utf8_lossy(&reply.body);
        assert!(
            !body.contains("TOP-SECRET") && !body.contains("root:x:0"),
            "{target}: leaked"
        );
        assert!(
            matches!(reply.status, 301 | 302 | 400 | 404),
            "{target}: {}",
            reply.status
        );
        assert!(reply.complete, "{target}: truncated answer");
    }
    // Absolute paths in other request forms, and junk.
    for request in [
        &b"GET /digest/../secret.txt HTTP/1.0\r\n\r\n"[..],
        b"GET ../secret.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        b"GET /digest/\0/../secret.txt HTTP/1.1\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",
    ] {
        let reply = server.raw(request);
        assert!(!String::from_utf8_lossy(&reply.body).contains("TOP-SECRET"));
        assert!(
            matches!(reply.status, 400 | 404),
            "{request:?}: {}",
            reply.status
        );
    }
    assert_eq!(server.get("/digest/").status, 200);
}

#[test]
fn serve_answers_a_huge_header_with_431_and_keeps_serving() {
    let mut server = Server::start();
    let mut request = format!(
        "GET /digest/ HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Big: ",
        server.port
    )
    .into_bytes();
    request.extend(std::iter::repeat_n(b'a', 64 * 1024));
    request.extend(b"\r\n\r\n");
    let reply = server.raw(&request);
    assert!(matches!(reply.status, 431 | 400), "{}", reply.status);
    // Many header lines instead of one long one.
    let mut request = b"GET /digest/ HTTP/1.1\r\n".to_vec();
    for i in 0..5000 {
        request.extend(format!("X-{i}: a\r\n").bytes());
    }
    request.extend(b"\r\n");
    let reply = server.raw(&request);
    assert!(matches!(reply.status, 431 | 400), "{}", reply.status);
    assert!(server.is_running());
    let reply = server.get("/digest/");
    assert_eq!(reply.status, 200);
    assert!(reply.complete);
}

#[test]
fn serve_answers_only_this_machine_by_default() {
    let server = Server::start();
    // The listening socket is bound to 127.0.0.1 (0100007F in /proc/net/tcp), not 0.0.0.0.
    let sockets = fs::read_to_string("/proc/net/tcp").unwrap();
    let port = format!(":{:04X}", server.port);
    let listening: Vec<&str> = sockets
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            (fields.get(3) == Some(&"0A") && fields[1].ends_with(&port)).then_some(fields[1])
        })
        .collect();
    assert_eq!(
        listening,
        [format!("0100007F{port}")],
        "listening on {listening:?}"
    );
    let reply = server.raw(b"GET /digest/ HTTP/1.1\r\nHost: evil.example\r\n\r\n");
    assert_eq!(
        reply.status, 403,
        "DNS rebinding: a foreign Host must be refused"
    );
    let reply = server.raw(
        format!(
            "GET /digest/ HTTP/1.1\r\nHost: localhost:{}\r\n\r\n",
            server.port
        )
        .as_bytes(),
    );
    assert_eq!(reply.status, 200);
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT"] {
        let reply = server.raw(
            format!("{method} /digest/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n")
                .as_bytes(),
        );
        assert_eq!(reply.status, 405, "{method}");
    }
}

/// A burst of 1,000 requests at once (10 threads each open 100 connections, send on all, then
/// read all): more than the server's 256 connections, so some get 503, and connections that
/// stay silent while the server is nearly full get 408. Every answer must be a complete 200,
/// 408 or 503, and the server's memory must stay bounded.
#[test]
fn serve_answers_a_burst_of_requests_cleanly() {
    let server = Arc::new(Server::start());
    let before = server.rss_kib();
    let threads: Vec<_> = (0..10)
        .map(|_| {
            let server = server.clone();
            std::thread::spawn(move || {
                let request = format!(
                    "GET /digest/2025/03/energy/ HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
                    server.port
                );
                let mut streams: Vec<TcpStream> = (0..100).map(|_| server.connect()).collect();
                for stream in &mut streams {
                    let _ = stream.write_all(request.as_bytes());
                }
                streams
                    .iter_mut()
                    .map(read_reply)
                    .map(|r| (r.status, r.complete))
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut counts = BTreeMap::new();
    for thread in threads {
        for (status, complete) in thread.join().unwrap() {
            assert!(complete || status == 0, "a truncated {status}");
            *counts.entry(status).or_insert(0) += 1;
        }
    }
    eprintln!("burst of 1,000: {counts:?} (0: reset or closed without an answer)");
    assert!(counts.get(&200).copied().unwrap_or(0) >= 200, "{counts:?}");
    let unexpected: Vec<_> = counts
        .keys()
        .filter(|s| !matches!(s, 200 | 408 | 503))
        .collect();
    assert!(unexpected.is_empty(), "statuses {counts:?}");
    let after = server.rss_kib();
    assert!(
        after < before + 384 * 1024,
        "memory grew from {before} KiB to {after} KiB"
    );
    assert_eq!(server.get("/digest/").status, 200);
}

/// 300 clients that connect and send nothing fill every connection slot (256): the server then
/// gives silent clients 1 s instead of 10 (408), refuses the rest meanwhile (503), and serves
/// again within a few seconds. Memory grows with the connection threads and stays bounded flood
/// after flood.
#[test]
#[ignore = "slow: three floods of silent clients"]
fn serve_recovers_from_many_silent_clients() {
    let mut server = Server::start();
    let before = server.rss_kib();
    let flood = |server: &Server| -> Vec<TcpStream> {
        let silent: Vec<TcpStream> = (0..300)
            .filter_map(|_| TcpStream::connect(("127.0.0.1", server.port)).ok())
            .collect();
        assert!(silent.len() >= 256, "only {} connections", silent.len());
        std::thread::sleep(Duration::from_millis(500));
        silent
    };
    let silent = flood(&server);
    let first_peak = server.rss_kib();
    let started = Instant::now();
    let mut last = 0;
    while started.elapsed() < Duration::from_secs(16) {
        last = server.get("/digest/").status;
        if last == 200 {
            break;
        }
        assert!(matches!(last, 0 | 503), "while flooded: {last}");
        std::thread::sleep(Duration::from_millis(250));
    }
    let waited = started.elapsed();
    assert_eq!(last, 200, "still refused after {waited:?}");
    assert!(
        waited < Duration::from_secs(4),
        "served again only after {waited:?}"
    );
    assert!(server.is_running());
    drop(silent);
    let mut peaks = vec![first_peak];
    for _ in 0..2 {
        std::thread::sleep(Duration::from_secs(1));
        let silent = flood(&server);
        peaks.push(server.rss_kib());
        drop(silent);
    }
    eprintln!(
        "served again {waited:?} after 300 silent clients; memory {before} KiB, peaks {peaks:?} KiB"
    );
    // At most 256 connection threads, whatever comes: memory is bounded, not leaking.
    assert!(
        peaks.iter().all(|&peak| peak < before + 384 * 1024),
        "{peaks:?} KiB"
    );
    assert!(server.is_running());
}

/// Pages requested while the site is rebuilt again and again: every answer is a complete 200
/// or 404, never a 500 or half a page.
#[test]
fn serve_answers_completely_while_the_site_rebuilds() {
    let server = Server::start();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let port = server.port;
    let readers: Vec<_> = (0..4)
        .map(|_| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut replies = Vec::new();
                let paths = [
                    "/digest/",
                    "/digest/2025/03/energy/",
                    "/digest/tags/energy/",
                    "/digest/atom.xml",
                    "/digest/2025/03/added-5/",
                ];
                let mut i = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) && replies.len() < 2000 {
                    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
                    stream
                        .set_read_timeout(Some(Duration::from_secs(15)))
                        .unwrap();
                    let request = format!(
                        "GET {} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                        paths[i % paths.len()]
                    );
                    stream.write_all(request.as_bytes()).unwrap();
                    let reply = read_reply(&mut stream);
                    replies.push((paths[i % paths.len()], reply.status, reply.complete));
                    i += 1;
                }
                replies
            })
        })
        .collect();
    let started = Instant::now();
    for round in 0..30 {
        if started.elapsed() > Duration::from_secs(8) {
            break;
        }
        let title = if round % 2 == 0 {
            "Energy strikes resume"
        } else {
            "Energy strikes paused"
        };
        server.site.write(
            "content/2025/03/energy.md",
            format!("---\ntitle: {title}\ndate: 2025-03-18T23:10:00+02:00\ntags: [energy, Ukraine]\n---\nRound {round}.\n"),
        );
        // New articles change the home page, the feeds and a tag page. (Pages are not deleted
        // here: a page removed between the server's lookup and its read gets a 500, a known
        // problem of `serve` reported separately.)
        server.site.write(
            &format!("content/2025/03/added-{round}.md"),
            format!("---\ntitle: Added {round}\ndate: 2025-03-18\ntags: [energy]\n---\nNew.\n"),
        );
        std::thread::sleep(Duration::from_millis(120));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut total = 0;
    for reader in readers {
        for (path, status, complete) in reader.join().unwrap() {
            assert!(matches!(status, 200 | 404), "{path}: {status}");
            assert!(complete, "{path}: a truncated {status}");
            total += 1;
        }
    }
    assert!(total > 20, "only {total} requests");
}
