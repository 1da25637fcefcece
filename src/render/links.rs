//! Finding the links of a rendered page, for `newsprint check`.
//!
//! Input: HTML text. Output: the values of its `href` and `src` attributes, entities decoded.

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
