//! Writing XML by hand, exactly: escaping and a minimal element writer for the feeds and
//! sitemaps.
//!
//! Input: element names from code and values from articles. Output: well-formed XML 1.0 text in
//! which every value is escaped and characters XML cannot hold are dropped.

use std::borrow::Cow;

/// Whether XML 1.0 allows `c`. Control characters other than tab, line feed and carriage return
/// are dropped too (C1 ones are legal but never meant), as are the non-characters U+FFFE/U+FFFF.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// `text` without the characters [`is_xml_char`] refuses, so every format carries the same text.
/// Borrowed when it has none, the usual case.
pub(crate) fn clean(text: &str) -> Cow<'_, str> {
    match first_refused(text.as_bytes()) {
        None => Cow::Borrowed(text),
        Some(at) => {
            let mut kept = String::with_capacity(text.len());
            kept.push_str(&text[..at]);
            kept.extend(text[at..].chars().filter(|&c| is_xml_char(c)));
            Cow::Owned(kept)
        }
    }
}

/// The byte offset in UTF-8 `bytes` of the first character [`is_xml_char`] refuses, found
/// without decoding. Each refused character starts with a byte [`may_start_refused`] marks, so
/// blocks are tested with no early exit (which the compiler turns into vector code) and only a
/// block holding such a byte is looked at closely: every page goes through here.
pub(crate) fn first_refused(bytes: &[u8]) -> Option<usize> {
    const BLOCK: usize = 64;
    let mut block_start = 0;
    for block in bytes.chunks(BLOCK) {
        if block
            .iter()
            .fold(false, |any, &byte| any | may_start_refused(byte))
        {
            let refused =
                (block_start..block_start + block.len()).find(|&at| refused_at(bytes, at));
            if refused.is_some() {
                return refused;
            }
        }
        block_start += block.len();
    }
    None
}

/// Whether a refused character may start with `byte`: a C0 control or DEL, `0xC2` for the C1
/// controls (U+0080–U+009F), `0xEF` for U+FFFE/U+FFFF.
fn may_start_refused(byte: u8) -> bool {
    matches!(byte, 0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F | 0xC2 | 0xEF)
}

/// Whether the character starting at `at` is refused. `0xC2` and `0xEF` only ever lead a
/// character, so the bytes after them are that character's.
fn refused_at(bytes: &[u8], at: usize) -> bool {
    match bytes[at] {
        0xC2 => matches!(bytes.get(at + 1), Some(0x80..=0x9F)),
        0xEF => bytes.get(at + 1) == Some(&0xBF) && matches!(bytes.get(at + 2), Some(0xBE | 0xBF)),
        byte => byte < 0x80 && may_start_refused(byte),
    }
}

/// Escapes `text` for XML element content (`attribute == false`) or a quoted attribute value,
/// dropping characters XML 1.0 cannot hold.
pub(crate) fn escape_xml(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text, attribute);
    out
}

/// [`escape_xml`], appending to `out`.
///
/// Feeds escape whole articles, so this looks at 16 bytes at a time and copies runs of plain
/// text as slices. Every character it replaces or drops starts with a byte [`needs_care`]
/// marks: ASCII for the markup characters and C0 controls, `0xC2` for the C1 controls
/// (U+0080–U+009F) and `0xEF` for U+FFFE/U+FFFF. Those lead bytes start a character, so the
/// slices stay on char boundaries, and the bytes inside a character are never marked.
pub(crate) fn escape_into(out: &mut String, text: &str, attribute: bool) {
    if attribute {
        escape_marked::<true>(out, text);
    } else {
        escape_marked::<false>(out, text);
    }
}

/// Bytes [`care_mask`] looks at together: one SSE2 register, which the compiler uses for it.
const LANES: usize = 16;

fn escape_marked<const ATTRIBUTE: bool>(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    let mut block_start = 0;
    while block_start < bytes.len() {
        let mut mask = match bytes.get(block_start..block_start + LANES) {
            Some(block) => care_mask::<ATTRIBUTE>(block),
            None => care_mask::<ATTRIBUTE>(&bytes[block_start..]),
        };
        while mask != 0 {
            let at = block_start + mask.trailing_zeros() as usize;
            mask &= mask - 1;
            if let Some((replacement, width)) = replacement(bytes, at) {
                out.push_str(&text[plain_from..at]);
                out.push_str(replacement);
                plain_from = at + width;
            }
        }
        block_start += LANES;
    }
    out.push_str(&text[plain_from..]);
}

/// Bit `i` set when byte `i` of `block` (at most [`LANES`] long) [`needs_care`]. Written
/// without branches, so the compiler compares all sixteen bytes at once.
#[inline(always)]
fn care_mask<const ATTRIBUTE: bool>(block: &[u8]) -> u32 {
    let mut mask = 0u16;
    for (i, &byte) in block.iter().enumerate() {
        mask |= u16::from(needs_care::<ATTRIBUTE>(byte)) << i;
    }
    u32::from(mask)
}

/// What replaces the character starting at `at`, a byte [`needs_care`] marked, and how many
/// bytes it takes; `None` when the character is kept as it is.
fn replacement(bytes: &[u8], at: usize) -> Option<(&'static str, usize)> {
    Some(match bytes[at] {
        b'&' => ("&amp;", 1),
        b'<' => ("&lt;", 1),
        b'>' => ("&gt;", 1),
        b'"' => ("&quot;", 1),
        b'\'' => ("&apos;", 1),
        // Parsers turn a raw CR into LF, and tabs and newlines in attributes into spaces;
        // character references survive both. In element content they are never marked.
        b'\r' => ("&#13;", 1),
        b'\n' => ("&#10;", 1),
        b'\t' => ("&#9;", 1),
        // The other C0 controls and DEL: dropped.
        0x00..=0x1F | 0x7F => ("", 1),
        // U+0080–U+009F: dropped; other characters from U+0080 to U+00BF are kept.
        0xC2 if matches!(bytes.get(at + 1), Some(0x80..=0x9F)) => ("", 2),
        // U+FFFE and U+FFFF: dropped.
        0xEF if bytes.get(at + 1) == Some(&0xBF)
            && matches!(bytes.get(at + 2), Some(0xBE | 0xBF)) =>
        {
            ("", 3)
        }
        _ => return None,
    })
}

/// Whether `byte` may start a character [`escape_into`] replaces or drops: tab and line feed
/// only in an attribute (`ATTRIBUTE`), where they become character references.
#[inline(always)]
fn needs_care<const ATTRIBUTE: bool>(byte: u8) -> bool {
    let control = byte < 0x20 && (ATTRIBUTE || (byte != b'\n' && byte != b'\t'));
    control
        | (byte == b'&')
        | (byte == b'<')
        | (byte == b'>')
        | (byte == b'"')
        | (byte == b'\'')
        | (byte == 0x7F)
        | (byte == 0xC2)
        | (byte == 0xEF)
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

    /// A document with its XML declaration and room for about `capacity` bytes.
    pub(crate) fn with_capacity(capacity: usize) -> XmlWriter {
        let mut writer = XmlWriter::new();
        writer.out.reserve(capacity);
        writer
    }

    /// A part of a document, without the declaration, whose elements are `depth` levels deep:
    /// an entry made once and placed in many documents with [`XmlWriter::raw`]. Room for about
    /// `capacity` bytes.
    pub(crate) fn fragment(depth: usize, capacity: usize) -> XmlWriter {
        XmlWriter {
            out: String::with_capacity(capacity),
            depth,
        }
    }

    /// Appends `xml`, a finished [`XmlWriter::fragment`] made at this writer's depth.
    pub(crate) fn raw(&mut self, xml: &str) {
        self.out.push_str(xml);
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn open_tag(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value, true);
            self.out.push('"');
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
        self.indent();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name attributes>text</name>`.
    pub(crate) fn element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.open_tag(name, attributes);
        self.out.push('>');
        escape_into(&mut self.out, text, false);
        self.close_inline(name);
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
        self.close_inline(name);
    }

    fn close_inline(&mut self, name: &str) {
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The byte-at-a-time escaper [`escape_into`] replaced: its oracle.
    fn escape_bytewise(out: &mut String, text: &str, attribute: bool) {
        let bytes = text.as_bytes();
        let mut plain_from = 0;
        let mut at = 0;
        while at < bytes.len() {
            let byte = bytes[at];
            if !needs_care_bytewise(byte) {
                at += 1;
                continue;
            }
            let (replacement, width) = match byte {
                b'&' => ("&amp;", 1),
                b'<' => ("&lt;", 1),
                b'>' => ("&gt;", 1),
                b'"' => ("&quot;", 1),
                b'\'' => ("&apos;", 1),
                // Parsers turn a raw CR into LF, and tabs and newlines in attributes into spaces;
                // character references survive both.
                b'\r' => ("&#13;", 1),
                b'\n' if attribute => ("&#10;", 1),
                b'\t' if attribute => ("&#9;", 1),
                b'\n' | b'\t' => {
                    at += 1;
                    continue;
                }
                // The other C0 controls and DEL: dropped.
                0x00..=0x1F | 0x7F => ("", 1),
                // U+0080–U+009F: dropped; other characters from U+0080 to U+00BF are kept.
                0xC2 if matches!(bytes.get(at + 1), Some(0x80..=0x9F)) => ("", 2),
                // U+FFFE and U+FFFF: dropped.
                0xEF if bytes.get(at + 1) == Some(&0xBF)
                    && matches!(bytes.get(at + 2), Some(0xBE | 0xBF)) =>
                {
                    ("", 3)
                }
                _ => {
                    at += 1;
                    continue;
                }
            };
            out.push_str(&text[plain_from..at]);
            out.push_str(replacement);
            at += width;
            plain_from = at;
        }
        out.push_str(&text[plain_from..]);
    }

    /// Whether `byte` may start a character `escape_bytewise` replaces or drops.
    fn needs_care_bytewise(byte: u8) -> bool {
        matches!(
            byte,
            0x00..=0x1F | b'&' | b'<' | b'>' | b'"' | b'\'' | 0x7F | 0xC2 | 0xEF
        )
    }

    /// The definition [`escape_into`] implements byte by byte, one character at a time.
    fn escape_by_char(text: &str, attribute: bool) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&apos;"),
                '\r' => out.push_str("&#13;"),
                '\n' if attribute => out.push_str("&#10;"),
                '\t' if attribute => out.push_str("&#9;"),
                c if !is_xml_char(c) => {}
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn escape_handles_marked_bytes_at_block_edges() {
        // Each special character at the last place of a 16-byte block, straddling the next.
        for special in [
            "&", "\u{85}", "\u{a0}", "\u{fffe}", "\u{ffef}", "\r", "\n", "\u{1}",
        ] {
            for at in 12..20 {
                let text = format!("{}{special}tail<", "x".repeat(at));
                for attribute in [false, true] {
                    let mut want = String::new();
                    escape_bytewise(&mut want, &text, attribute);
                    assert_eq!(escape_xml(&text, attribute), want, "{text:?}");
                }
            }
        }
        assert_eq!(escape_xml("a\tb\nc", false), "a\tb\nc");
        assert_eq!(escape_xml("a\tb\nc", true), "a&#9;b&#10;c");
    }

    #[test]
    fn escape_drops_exactly_the_characters_xml_forbids() {
        let text = "\u{7e}\u{7f}\u{80}\u{9f}\u{a0}\u{bf}\u{c0}\u{fffd}\u{fffe}\u{ffff}\u{10000}é€";
        assert_eq!(
            escape_xml(text, false),
            "\u{7e}\u{a0}\u{bf}\u{c0}\u{fffd}\u{10000}é€"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn escape_matches_the_character_definition(
            text in prop_oneof![
                any::<String>(),
                "[\u{0}-\u{ff}\u{fff0}-\u{ffff}<>&\"' ]{0,80}",
            ],
            attribute: bool,
        ) {
            prop_assert_eq!(escape_xml(&text, attribute), escape_by_char(&text, attribute));
        }

        #[test]
        fn escape_matches_the_bytewise_escaper(
            // Long runs of plain text with the characters that matter here and there, so
            // marked bytes fall at every place in a block and multi-byte characters straddle
            // two blocks.
            text in prop_oneof![
                any::<String>(),
                "([a-z ]{0,40}[\u{0}-\u{ff}\u{fff0}-\u{ffff}<>&\"'\t\n\ré€ф😀]{0,3}){0,12}",
                "[a-zé\u{c2}\u{80}-\u{9f}\u{a0}\u{fffe}\u{ffff}\u{efff}\n\t\r<]{0,100}",
            ],
            attribute: bool,
            prefix in 0usize..17,
        ) {
            // A prefix of plain bytes shifts every character against the 16-byte blocks.
            let text = format!("{}{text}", "p".repeat(prefix));
            let mut want = String::from("kept");
            escape_bytewise(&mut want, &text, attribute);
            let mut got = String::from("kept");
            escape_into(&mut got, &text, attribute);
            prop_assert_eq!(got, want);
        }

        #[test]
        fn clean_keeps_exactly_the_xml_characters(
            text in prop_oneof![any::<String>(), "[\u{0}-\u{ff}\u{fff0}-\u{ffff}a ]{0,40}"],
        ) {
            let kept: String = text.chars().filter(|&c| is_xml_char(c)).collect();
            let cleaned = clean(&text);
            prop_assert_eq!(matches!(cleaned, Cow::Borrowed(_)), kept == text);
            prop_assert_eq!(cleaned, kept);
        }

        #[test]
        fn first_refused_finds_the_first_refused_character(
            // Long enough to cross the 64-byte blocks, and mostly characters XML allows.
            text in "([a-zé ф\u{a0}\u{ffef}]{0,90}[\u{0}-\u{ff}\u{fff0}-\u{ffff}]?){0,4}",
        ) {
            let expected = text.char_indices().find(|&(_, c)| !is_xml_char(c)).map(|(at, _)| at);
            prop_assert_eq!(first_refused(text.as_bytes()), expected);
        }
    }
}
