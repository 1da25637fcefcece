//! Finding the links of a rendered page, for `newsprint check`.
//!
//! Input: HTML text. Output: the values of its `href` and `src` attributes, entities decoded.

/// The `href` and `src` attribute values of `html`, in order of appearance.
pub fn links(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(offset) = lower[at..].find(['h', 's']) {
        let start = at + offset;
        at = start + 1;
        let rest = &lower[start..];
        let name_len = if rest.starts_with("href=") {
            5
        } else if rest.starts_with("src=") {
            4
        } else {
            continue;
        };
        // Only attributes: the name must follow whitespace inside a tag.
        if !lower[..start].ends_with(|c: char| c.is_ascii_whitespace()) {
            continue;
        }
        let value_start = start + name_len;
        let Some(quote) = html[value_start..]
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
        else {
            continue;
        };
        if let Some(end) = html[value_start + 1..].find(quote) {
            let value = &html[value_start + 1..value_start + 1 + end];
            found.push(decode_entities(value));
            at = value_start + 1 + end;
        }
    }
    found
}

/// Decodes the entities our templates and Markdown emit in URLs.
fn decode_entities(value: &str) -> String {
    value
        .replace("&amp;", "&")
        .replace("&#x2F;", "/")
        .replace("&#47;", "/")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
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
    fn ignores_data_attributes_and_text() {
        assert!(links(r#"<a data-href="x">src="y"</a>"#).is_empty());
    }
}
