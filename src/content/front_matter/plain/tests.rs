//! The plain reader against `serde_yaml`: whatever it takes, it must read exactly as
//! `serde_yaml` does, and it must take the shapes articles commonly use.

use proptest::prelude::*;

use super::{is_special_word, parse};
use crate::content::front_matter::{FrontMatter, OneOrMany};

fn serde(yaml: &str) -> Option<FrontMatter> {
    serde_yaml::from_str(yaml).ok()
}

fn names(list: &[&str]) -> OneOrMany {
    OneOrMany(list.iter().map(|name| name.to_string()).collect())
}

#[test]
fn reads_the_common_shapes() {
    let yaml = "title: \"Kyiv: talks resume — “again”, \\\"again\\\" \\\\o/\"\n\
                date: 2025-03-11T22:15:00+02:00\n\
                updated: \"2025-03-12\"\n\
                tags: [Russia, \"Black Sea\", \"“\\\"sanctions\\\"”\"]\n\
                authors:\n  - Ann Smith\n  - \"Bo Li\"\n\
                \n\
                summary: Talks resume in Jeddah, officials say.\n\
                source: https://example.org/a?b=c\n\
                draft: false\n";
    let front = parse(yaml).expect("plain front matter");
    assert_eq!(front.title, "Kyiv: talks resume — “again”, \"again\" \\o/");
    assert_eq!(front.date, "2025-03-11T22:15:00+02:00");
    assert_eq!(front.updated.as_deref(), Some("2025-03-12"));
    assert_eq!(
        front.tags,
        names(&["Russia", "Black Sea", "“\"sanctions\"”"])
    );
    assert_eq!(front.authors, names(&["Ann Smith", "Bo Li"]));
    assert_eq!(front.source.as_deref(), Some("https://example.org/a?b=c"));
    assert!(!front.draft);
    assert_eq!(Some(front), serde(yaml));

    let one_tag = parse("title: T\ndate: 2025-03-01\ntags: Russia\nauthors: []\n").unwrap();
    assert_eq!(one_tag.tags, names(&["Russia"]));
    assert_eq!(one_tag.authors, names(&[]));
    let unindented = parse("title: T\ndate: 2025-03-01\ntags:\n- a\n- b\ndraft: true\n").unwrap();
    assert_eq!(unindented.tags, names(&["a", "b"]));
    assert!(unindented.draft);
}

#[test]
fn leaves_everything_else_to_serde_yaml() {
    let base = "title: T\ndate: 2025-03-01\n";
    for extra in [
        "extra: {location: Jeddah}", // free data
        "slug: true",                // a boolean where a string is expected
        "author: null",              // null
        "summary: Yes",              // a YAML 1.1 boolean
        "summary: 2025",             // a number
        "summary: \"a\\nb\"",        // escapes other than \" and \\
        "summary: 'single'",         // other quoting
        "summary: a # comment",      // a comment
        "# a comment line",          // a comment
        "summary: a: b",             // a mapping inside
        "summary:value",             // one plain scalar, not a key
        "tags: [a, ]",               // a trailing comma
        "tags: [a, [b]]",            // nesting
        "tags:\n  - a\n   - b",      // uneven indentation
        "tags:",                     // null
        "draft: yes",                // not `true`/`false`
        "title: again",              // a repeated key
        "summary: a\tb",             // a tab
        "summary: \"a\u{2028}b\"",   // a line separator
        "unknown: a",                // an unknown key
        "  summary: a",              // indentation
        "updated: 0-:",              // a date-like mapping key (found by the property test)
    ] {
        let yaml = format!("{base}{extra}\n");
        assert!(parse(&yaml).is_none(), "{yaml:?}");
    }
    assert!(parse("title: T\n").is_none(), "no date");
    assert!(parse("title: T\r\ndate: 2025-03-01\r\n").is_none(), "\\r");
}

/// Scalars that look like strings, or nearly.
fn scalar() -> impl Strategy<Value = String> {
    let tricky = prop::collection::vec(
        prop::sample::select(vec![
            "a", "Z", " ", " ", ":", ": ", ": ", ",", ", ", "'", "\"", "-", "- ", "é", "“", "&",
            "\\\"", "\\\\", "\\n", "\\/", "\\x41", "\\", "*", "!", "|", ">", "%", "@", "`", "?",
            "~", "\\", ".", "0", "#", " #", "[", "]", "{", "}", "\t", "\u{85}", "\u{a0}",
            "\u{2028}", "\u{feff}", "\u{7f}", "\u{1}",
        ]),
        0..5,
    )
    .prop_map(|parts| parts.concat());
    let special = prop::sample::select(vec![
        "true",
        "false",
        "True",
        "FALSE",
        "null",
        "Null",
        "~",
        "yes",
        "No",
        "on",
        "Off",
        "y",
        "N",
        "nan",
        ".nan",
        ".inf",
        "-.inf",
        "0x1F",
        "0o17",
        "1e3",
        "1_000",
        "12:30",
        "2025",
        "2025-03-01",
        "2025-03-01 10:00",
        "inf",
        "NaN",
        "<<",
        "=",
        "1-2",
        "0-",
        "1e-5",
        "+1-2",
    ]);
    prop_oneof![
        3 => "[A-Z][a-z]{0,6}( [a-z]{1,6}){0,2}",
        6 => ("[A-Za-zé]|[.0-9\\- ]", tricky).prop_map(|(first, rest)| format!("{first}{rest}")),
        1 => "[0-9][0-9:TZ+.\\- ]{0,12}",
        2 => special.prop_map(str::to_string),
    ]
}

fn value() -> impl Strategy<Value = String> {
    let quoted = scalar().prop_map(|s| format!("\"{s}\""));
    let item = prop_oneof![scalar(), scalar().prop_map(|s| format!("\"{s}\""))];
    let flow = (
        prop::collection::vec(item.clone(), 0..4),
        prop::sample::select(vec![", ", ",", " , ", ",  "]),
        prop::sample::select(vec!["[", "[ "]),
        prop::sample::select(vec!["]", " ]", ",]"]),
    )
        .prop_map(|(items, sep, open, close)| format!("{open}{}{close}", items.join(sep)));
    let block = (
        prop::collection::vec(item, 0..4),
        prop::sample::select(vec!["", "  ", "    "]),
        prop::sample::select(vec!["", "  ", " "]),
    )
        .prop_map(|(items, indent, other)| {
            let mut text = String::new();
            for (index, item) in items.iter().enumerate() {
                let indent = if index == 2 { other } else { indent };
                text.push_str(&format!("\n{indent}- {item}"));
            }
            text
        });
    prop_oneof![4 => scalar(), 2 => quoted, 2 => flow, 2 => block]
}

/// A `key: value` line for each of a few different keys, now and then something odd instead.
fn lines() -> impl Strategy<Value = Vec<String>> {
    let keys = vec![
        "updated", "tags", "authors", "author", "summary", "slug", "draft", "image", "source",
    ];
    let odd = prop::sample::select(vec![
        "",
        "# note",
        "  ",
        "-",
        "extra: {a: b}",
        "Title: T",
        " title: T",
        "title: T",
        "a:b",
    ])
    .prop_map(str::to_string);
    let colon = prop::sample::select(vec![": ", ": ", ": ", ":", ":  ", " : "]);
    let trail = prop::sample::select(vec!["", "", "", " ", " # c"]);
    (
        prop::sample::subsequence(keys, 0..3),
        prop::collection::vec((colon, value(), trail), 4),
        prop::option::weighted(0.2, odd),
    )
        .prop_map(|(keys, values, odd)| {
            let mut lines: Vec<String> = keys
                .iter()
                .zip(values)
                .map(|(key, (colon, value, trail))| format!("{key}{colon}{value}{trail}"))
                .collect();
            lines.extend(odd);
            lines
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Whatever the plain reader takes, serde_yaml reads the same way.
    #[test]
    fn agrees_with_serde_yaml(
        lines in lines(),
        title in prop::sample::select(vec!["title: T\n", "title: \"T\"\n", ""]),
        date in prop::sample::select(vec!["date: 2025-03-01\n", "date: 1-2\n", ""]),
    ) {
        let yaml = format!("{title}{date}{}\n", lines.join("\n"));
        if let Some(front) = parse(&yaml) {
            prop_assert_eq!(Some(front), serde(&yaml), "{:?}", yaml);
        }
    }

    /// Front matter shaped like the generated corpora's is taken, and read as serde_yaml does.
    #[test]
    fn takes_plain_front_matter(
        title in "[A-Za-z][A-Za-z0-9 ,.:'’—-]{0,40}",
        tags in prop::collection::vec(
            "[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?".prop_filter("a YAML word", |t| !is_special_word(t)),
            0..4,
        ),
        authors in prop::collection::vec("[A-Z][a-z]{1,8} [A-Z][a-z]{1,8}", 1..3),
        quote in any::<bool>(),
        draft in any::<bool>(),
    ) {
        let q = |s: &str| if quote { format!("\"{s}\"") } else { s.to_string() };
        let title = if quote { q(&title) } else { format!("\"{title}\"") };
        let tags: Vec<String> = tags.iter().map(|t| q(t)).collect();
        let mut yaml = format!(
            "title: {title}\ndate: 2024-06-17T13:41:40+02:00\ntags: [{}]\nauthors:\n",
            tags.join(", ")
        );
        for author in &authors {
            yaml.push_str(&format!("  - {}\n", q(author)));
        }
        yaml.push_str(&format!("summary: {}\ndraft: {draft}\n", q("Talks, in Kyiv.")));
        let front = parse(&yaml);
        prop_assert!(front.is_some(), "{:?}", yaml);
        prop_assert_eq!(front, serde(&yaml), "{:?}", yaml);
    }
}
