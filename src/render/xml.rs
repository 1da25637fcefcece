//! Writing XML by hand, exactly: escaping and a minimal element writer for the feeds and
//! sitemaps.
//!
//! Input: element names from code and values from articles. Output: well-formed XML 1.0 text in
//! which every value is escaped and characters XML cannot hold are dropped.

/// Whether XML 1.0 allows `c`. Control characters other than tab, line feed and carriage return
/// are dropped too (C1 ones are legal but never meant), as are the non-characters U+FFFE/U+FFFF.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// `text` without the characters [`is_xml_char`] refuses, so every format carries the same text.
pub(crate) fn clean(text: &str) -> String {
    if text.chars().all(is_xml_char) {
        return text.to_owned();
    }
    text.chars().filter(|&c| is_xml_char(c)).collect()
}

/// Escapes `text` for XML element content (`attribute == false`) or a quoted attribute value,
/// dropping characters XML 1.0 cannot hold.
pub(crate) fn escape_xml(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // Copy runs of plain characters as slices: feeds escape whole articles, many times over.
    let mut plain_from = 0;
    for (at, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&apos;",
            // Parsers turn a raw CR into LF, and tabs and newlines in attributes into spaces;
            // character references survive both.
            '\r' => "&#13;",
            '\n' if attribute => "&#10;",
            '\t' if attribute => "&#9;",
            c if !is_xml_char(c) => "",
            _ => continue,
        };
        out.push_str(&text[plain_from..at]);
        out.push_str(replacement);
        plain_from = at + c.len_utf8();
    }
    out.push_str(&text[plain_from..]);
    out
}

/// A minimal XML writer: element and attribute names come from code, every value is escaped.
pub(crate) struct XmlWriter {
    out: String,
    depth: usize,
}

impl XmlWriter {
    /// A document with its XML declaration.
    pub(crate) fn new() -> XmlWriter {
        XmlWriter {
            out: String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"),
            depth: 0,
        }
    }

    fn open_tag(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out
                .push_str(&format!(" {key}=\"{}\"", escape_xml(value, true)));
        }
    }

    /// `<name attributes>` on its own line; children follow, indented.
    pub(crate) fn start(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.open_tag(name, attributes);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    /// Closes the element opened by the matching [`XmlWriter::start`].
    pub(crate) fn end(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push_str(&format!("</{name}>\n"));
    }

    /// `<name attributes>text</name>`.
    pub(crate) fn element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.escaped_element(name, attributes, &escape_xml(text, false));
    }

    /// `<name attributes>text</name>` with `text` already escaped by [`escape_xml`].
    pub(crate) fn escaped_element(
        &mut self,
        name: &str,
        attributes: &[(&str, &str)],
        escaped: &str,
    ) {
        self.open_tag(name, attributes);
        self.out.push('>');
        self.out.push_str(escaped);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name attributes/>`.
    pub(crate) fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.open_tag(name, attributes);
        self.out.push_str("/>\n");
    }

    /// The finished document.
    pub(crate) fn finish(self) -> String {
        self.out
    }
}
