//! Finding the links of a rendered page, for `newsprint check`.
//!
//! Input: HTML text. Output: the values of its `href` and `src` attributes, and of its `id`
//! attributes, entities decoded.

use super::absolutize::map_urls;

/// The `href` and `src` attribute values of `html`, in order of appearance. Tags are read as
/// `absolutize` reads them for feeds: unquoted values count, comments and scripts do not.
pub fn links(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    map_urls(html, |url| {
        found.push(decode_entities(url));
        String::new()
    });
    found
}

/// The values of the `id` attributes of `html`'s tags, in order of appearance. A quoted
/// ` id=` in text is not a tag's; newsprint escapes quotes in text, so it does not occur.
pub fn ids(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(at) = html[from..].find("id=").map(|at| at + from) {
        from = at + 3;
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let quote = bytes.get(from).copied();
        if !before.is_some_and(|b| b.is_ascii_whitespace()) || !matches!(quote, Some(b'"' | b'\''))
        {
            continue;
        }
        let value_from = from + 1;
        let Some(length) = html[value_from..].find(char::from(quote.unwrap_or(b'"'))) else {
            break;
        };
        found.push(decode_entities(&html[value_from..value_from + length]));
        from = value_from + length;
    }
    found
}

/// Decodes the entities our templates and Markdown emit in URLs; `&amp;` last, so `&amp;quot;`
/// stays `&quot;`.
fn decode_entities(value: &str) -> String {
    value
        .replace("&#x2F;", "/")
        .replace("&#47;", "/")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_href_and_src() {
        let html = r#"<a href="https://e.org/a/?x=1&amp;y=2">a</a> <img alt="" src='b.png'> <p>href="not"</p>"#;
        assert_eq!(links(html), vec!["https://e.org/a/?x=1&y=2", "b.png"]);
    }

    #[test]
    fn finds_ids_of_tags_only() {
        let html = "<h2 id=\"talks\">T</h2><a data-id=\"no\" href=\"#talks\">x</a>\n\
                    <section\nid='fn-1'>grid=\"no\"</section><p id=\"a&amp;b\">";
        assert_eq!(ids(html), vec!["talks", "fn-1", "a&b"]);
    }

    #[test]
    fn ignores_data_attributes_and_text() {
        assert!(links(r#"<a data-href="x">src="y"</a>"#).is_empty());
    }

    #[test]
    fn reads_tags_as_browsers_do() {
        let html = "<a href=plain.html>a</a> <a href = \"spaced.html\">b</a> \
                    <!-- <a href=\"old.html\"> --> <script>x = '<a href=\"code.html\">';</script> \
                    <a href=\"q?a=&amp;quot;\">c</a>";
        assert_eq!(links(html), vec!["plain.html", "spaced.html", "q?a=&quot;"]);
    }
}
