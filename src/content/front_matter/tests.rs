use std::path::Path;

use super::*;
use crate::yaml::MAX_YAML_BYTES;

fn parse(text: &str) -> Result<FrontMatter> {
    let path = Path::new("content/a.md");
    let split = split(path, text)?;
    yaml::parse(path, text, split.yaml_line, split.yaml, &SCHEMA)
}

#[test]
fn tags_are_one_name_a_list_or_nothing() {
    let tags = |yaml: &str| {
        parse(&format!("---\ntitle: T\ndate: 2025-03-01\n{yaml}\n---\n")).map(|front| front.tags.0)
    };
    assert_eq!(tags("tags: Russia").unwrap(), ["Russia"]);
    assert_eq!(tags("tags: [Russia, \"EU\"]").unwrap(), ["Russia", "EU"]);
    assert_eq!(
        tags("tags:\n  - Russia\n  - 2025").unwrap(),
        ["Russia", "2025"]
    );
    assert_eq!(tags("tags: 2025").unwrap(), ["2025"]);
    assert!(tags("tags:").unwrap().is_empty());
    assert!(tags("tags: []").unwrap().is_empty());
    assert!(tags("").unwrap().is_empty());
}

#[test]
fn a_wrong_tags_value_is_named_at_its_line() {
    let text = "---\ntitle: T\ndate: 2025-03-01\ntags: {a: 1}\n---\n";
    let message = parse(text).unwrap_err().to_string();
    assert!(
        message.contains("expected a name or a list of names"),
        "{message}"
    );
    assert!(message.contains("content/a.md:4:"), "{message}");
    let text = "---\ntitle: T\ndate: 2025-03-01\nauthors: [Ann, [Bo]]\n---\n";
    let message = parse(text).unwrap_err().to_string();
    assert!(message.contains("content/a.md:4:"), "{message}");
}

#[test]
fn splits_at_fences() {
    let text = "---\ntitle: A\n---\nBody\n";
    let split = split(Path::new("a.md"), text).unwrap();
    assert_eq!(split.yaml, "title: A\n");
    assert_eq!(split.body, "Body\n");
    assert_eq!(split.body_line, 4);
}

#[test]
fn splits_crlf() {
    let text = "---\r\ntitle: A\r\n---\r\nBody\r\n";
    let split = split(Path::new("a.md"), text).unwrap();
    assert_eq!(split.yaml, "title: A\r\n");
    assert_eq!(split.body, "Body\r\n");
}

#[test]
fn missing_closing_fence_is_an_error() {
    let error = parse("---\ntitle: A\nBody\n").unwrap_err();
    assert!(error.to_string().contains("not closed"), "{error}");
}

#[test]
fn no_front_matter_is_an_error() {
    let error = parse("# Just markdown\n").unwrap_err();
    assert!(error.to_string().contains("no front matter"), "{error}");
    let error = parse("").unwrap_err();
    assert!(error.to_string().contains("empty"), "{error}");
}

#[test]
fn yaml_error_line_is_counted_in_the_file() {
    let error = parse("---\ntitle: A\ndate: 2025-03-16\ntags: [a, b\n---\nBody\n").unwrap_err();
    let shown = error.to_string();
    assert!(shown.contains("content/a.md:5:"), "{shown}");
}

#[test]
fn an_unclosed_quote_is_shown_where_it_opens() {
    let error = parse("---\ntitle: \"Talks resume\ndate: 2025-03-16\n---\nBody\n").unwrap_err();
    let shown = error.to_string();
    assert!(shown.contains("content/a.md:2:8"), "{shown}");
    assert!(shown.contains("never closed"), "{shown}");
}

#[test]
fn an_unclosed_list_names_where_it_opens() {
    let error = parse("---\ntitle: A\ndate: 2025-03-16\ntags: [a, b\n---\n").unwrap_err();
    let shown = error.to_string();
    assert!(
        shown.contains("the `[…]` list that starts at line 4, column 7"),
        "{shown}"
    );
}

#[test]
fn unknown_key_gets_a_hint() {
    let error = parse("---\ntitle: A\ndate: 2025-03-16\ntgas: [a]\n---\n").unwrap_err();
    let shown = error.to_string();
    assert!(shown.contains("unknown key `tgas`"), "{shown}");
    assert!(shown.contains("content/a.md:4:1"), "{shown}");
    assert!(shown.contains("did you mean `tags`?"), "{shown}");
}

#[test]
fn missing_title_is_named() {
    let error = parse("---\ndate: 2025-03-16\n---\n").unwrap_err();
    assert!(
        error.to_string().contains("missing required key `title`"),
        "{error}"
    );
}

#[test]
fn tabs_get_a_hint() {
    let error = parse("---\ntitle: A\ndate: 2025-03-16\ntags:\n\t- a\n---\n").unwrap_err();
    assert!(error.to_string().contains("tabs"), "{error}");
}

#[test]
fn single_tag_and_author_forms() {
    let fm = parse("---\ntitle: A\ndate: 2025-03-16\ntags: Russia\nauthor: Ann\n---\n").unwrap();
    assert_eq!(fm.tags.0, vec!["Russia"]);
    assert_eq!(fm.author.as_deref(), Some("Ann"));
}

#[test]
fn deeply_nested_yaml_is_refused_quickly() {
    // Regression: 100,000 `[` took the YAML scanner a minute (quadratic in the nesting).
    let deep = format!(
        "---\ntitle: A\ndate: 2025-03-16\nextra: {{a: {}{}}}\n---\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let started = std::time::Instant::now();
    let error = parse(&deep).unwrap_err().to_string();
    assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
    let head: String = error.chars().take(200).collect();
    assert!(error.contains("more than 1000 `[` and `{`"), "{head}");
    // The `{` of `extra: {` is the first bracket, at column 8; the 1001st is at 1011.
    assert!(error.contains("content/a.md:4:1011"), "{head}");
    let shallow = format!(
        "---\ntitle: A\ndate: 2025-03-16\nextra: {{a: {}{}}}\n---\n",
        "[".repeat(100),
        "]".repeat(100)
    );
    assert!(parse(&shallow).is_ok());
}

#[test]
fn huge_front_matter_is_refused() {
    let huge = format!(
        "---\ntitle: A\ndate: 2025-03-16\nsummary: {}\n---\n",
        "a".repeat(MAX_YAML_BYTES)
    );
    let error = parse(&huge).unwrap_err().to_string();
    assert!(error.contains("the front matter is 1024 KiB"), "{error}");
}

#[test]
fn billion_laughs_are_refused() {
    let mut yaml = String::from(
        "---\ntitle: A\ndate: 2025-03-16\nextra:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for (name, previous) in "bcdefghi".chars().zip("abcdefgh".chars()) {
        let refs = vec![format!("*{previous}"); 9].join(", ");
        yaml.push_str(&format!("  {name}: &{name} [{refs}]\n"));
    }
    yaml.push_str("---\n");
    let error = parse(&yaml).unwrap_err().to_string();
    assert!(error.contains("repetition limit exceeded"), "{error}");
}
