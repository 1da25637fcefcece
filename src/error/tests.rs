use super::*;

#[test]
fn diagnostic_points_at_the_column() {
    let text = "---\ntitle: Hi\ndate: next Tuesday\n---\n";
    let d = Diagnostic::at(
        "content/a.md",
        text,
        Position { line: 3, column: 7 },
        12,
        "invalid date `next Tuesday`",
    );
    let shown = d.to_string();
    assert_eq!(
        shown,
        "invalid date `next Tuesday`\n --> content/a.md:3:7\n  |\n3 | date: next Tuesday\n  |       ^^^^^^^^^^^^"
    );
}

#[test]
fn long_lines_are_cut_around_the_column() {
    let line = format!("{}[x](gone.md){}", "a".repeat(5000), "b".repeat(5000));
    let d = Diagnostic::at(
        "a.md",
        &line,
        Position {
            line: 1,
            column: 5001,
        },
        12,
        "x",
    );
    let shown = d.to_string();
    let source = shown.lines().nth(3).unwrap();
    assert_eq!(
        source,
        format!("1 | …{}[x](gone.md){}…", "a".repeat(60), "b".repeat(60))
    );
    let caret = shown.lines().nth(4).unwrap();
    assert_eq!(caret, format!("  | {}^^^^^^^^^^^^", " ".repeat(61)));
    assert!(shown.contains("a.md:1:5001"));
    // Near the start: nothing cut before, cut after.
    let d = Diagnostic::at("a.md", &line, Position { line: 1, column: 3 }, 1, "x");
    assert_eq!(d.cut_before, 0);
    assert!(d.source_line.unwrap().ends_with('…'));
}

#[test]
fn errors_are_capped_per_file() {
    let errors = (0..25)
        .map(|i| Diagnostic::file("b.md", format!("e{i:02}")).into())
        .chain([Error::More {
            path: "b.md".into(),
            count: 100,
        }])
        .chain([Diagnostic::file("a.md", "only").into()])
        .collect();
    let errors = Errors(errors).sorted();
    assert_eq!(errors.0.len(), 1 + MAX_ERRORS_PER_FILE + 1);
    assert_eq!(errors.count(), 126);
    let shown = errors.to_string();
    assert!(shown.contains("\nand 105 more errors in b.md\n"), "{shown}");
    assert!(shown.ends_with("build failed with 126 errors"), "{shown}");
}

#[test]
fn carets_are_measured_in_display_width_with_tabs_expanded() {
    let text = "updated: 中文 next Tuesday\n";
    let d = Diagnostic::at(
        "a.md",
        text,
        Position {
            line: 1,
            column: 10,
        },
        15,
        "x",
    );
    let shown = d.to_string();
    // 中 and 文 take two columns each: 17 columns under 15 characters.
    assert!(
        shown.ends_with(&format!("|          {}", "^".repeat(17))),
        "{shown}"
    );
    let d = Diagnostic::at(
        "a.md",
        "date:\tnext",
        Position { line: 1, column: 7 },
        4,
        "x",
    );
    let shown = d.to_string();
    assert!(shown.contains("\n1 | date:    next\n"), "{shown}");
    assert!(shown.ends_with("|          ^^^^"), "{shown}");
}

#[test]
fn caret_is_clamped_to_the_line() {
    let d = Diagnostic::at("a.md", "ab", Position { line: 1, column: 2 }, 50, "x");
    assert!(d.to_string().ends_with("|  ^"));
}

#[test]
fn a_report_says_error_once_and_colours_only_when_asked() {
    let error: Error =
        Diagnostic::at("a.md", "date: x", Position { line: 1, column: 7 }, 1, "bad").into();
    let plain = error.report(Style::Plain);
    assert!(plain.starts_with("error: bad\n --> a.md:1:7\n"), "{plain}");
    assert_eq!(plain.matches("error").count(), 1, "{plain}");
    assert!(!plain.contains('\u{1b}'), "{plain}");
    let colored = error.report(Style::Colored);
    assert!(colored.contains('\u{1b}'), "{colored}");
    let errors = Errors(vec![error]);
    assert_eq!(
        errors.to_string(),
        format!("{plain}\n\nerror: build failed with 1 error")
    );
}

#[test]
fn template_errors_are_drawn_as_diagnostics() {
    let error = Error::Template {
        name: "themes/t/templates/tag.html".into(),
        message: "Found `}` but expected }}.\n --> themes/t/templates/tag.html:2:4\n  |\n2 | {{ x }\n  |    ^".into(),
    };
    assert_eq!(
        error.report(Style::Plain),
        "error: Found `}` but expected }}.\n --> themes/t/templates/tag.html:2:4\n  |\n2 | {{ x }\n  |    ^"
    );
    // Without a location, the template is named in the title.
    let error = Error::Template {
        name: "themes/t/templates/tag.html".into(),
        message: "Template 'base.html' not found".into(),
    };
    assert_eq!(
        error.report(Style::Plain),
        "error: template `themes/t/templates/tag.html`: Template 'base.html' not found"
    );
}
