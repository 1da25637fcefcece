//! Raw HTML that cannot work in an email or an RSS-to-email service, degraded to what can.
//!
//! Input: article HTML whose URLs are already absolute (see `absolutize`). Output: the same
//! HTML with every `<iframe>`, `<video>`, `<audio>`, `<object>` and `<embed>` replaced by a
//! paragraph linking to what it showed, and every `<script>`, `<style>`, `<form>`, `<noscript>`
//! and form control removed. Email clients strip or block all of these; a link still works.
//! Only raw HTML (`markdown.unsafe_html: true`) can hold them; escaped HTML is text.

/// Elements replaced by a link to their source.
const LINKED: [&str; 5] = ["iframe", "video", "audio", "object", "embed"];
/// Elements removed with everything inside them.
const REMOVED: [&str; 8] = [
    "script", "style", "form", "noscript", "button", "select", "textarea", "input",
];
/// Elements with no closing tag.
const VOID: [&str; 2] = ["embed", "input"];

/// `html` with embeds as links and scripts, styles and forms removed.
pub(crate) fn degrade_embeds(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let name_len = rest[1..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = rest[1..1 + name_len].to_ascii_lowercase();
        let linked = LINKED.contains(&name.as_str());
        if !linked && !REMOVED.contains(&name.as_str()) {
            out.push('<');
            rest = &rest[1..];
            continue;
        }
        let Some(start_len) = start_tag_len(rest) else {
            // An unterminated tag: drop the rest rather than pass half an iframe on.
            return out;
        };
        let start_tag = &rest[..start_len];
        let self_closing = start_tag.ends_with("/>") || VOID.contains(&name.as_str());
        let element_len = if self_closing {
            start_len
        } else {
            start_len + closing_tag_end(&rest[start_len..], &name)
        };
        if linked {
            let element = &rest[..element_len];
            if let Some(src) = attribute(start_tag, "src")
                .or_else(|| attribute(start_tag, "data"))
                .or_else(|| attribute(element, "src"))
                .filter(|src| src.starts_with("https://") || src.starts_with("http://"))
            {
                let label = attribute(start_tag, "title").unwrap_or_else(|| host_of(&src));
                out.push_str("<p class=\"embed-link\"><a href=\"");
                out.push_str(&src);
                out.push_str("\">View the embedded ");
                out.push_str(&name_label(&name));
                out.push_str(": ");
                out.push_str(&label);
                out.push_str("</a></p>");
            }
        }
        rest = &rest[element_len..];
    }
    out.push_str(rest);
    out
}

fn name_label(name: &str) -> String {
    match name {
        "video" => "video".into(),
        "audio" => "audio".into(),
        _ => "content".into(),
    }
}

/// The length of the start tag at the start of `text` (quotes respected), if it ends.
fn start_tag_len(text: &str) -> Option<usize> {
    let mut quote = None;
    for (at, c) in text.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(at + 1),
            _ => {}
        }
    }
    None
}

/// Where the element's closing tag ends in `text` (the part after its start tag); the end of
/// `text` when it never closes.
fn closing_tag_end(text: &str, name: &str) -> usize {
    let lower = text.to_ascii_lowercase();
    let closing = format!("</{name}");
    match lower.find(&closing) {
        Some(at) => text[at..].find('>').map_or(text.len(), |end| at + end + 1),
        None => text.len(),
    }
}

/// The value of attribute `name` in `tag` (as written: entities stay escaped, which is what
/// goes back into the output).
pub(crate) fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before = lower[..at].chars().last();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let after = tag[at + name.len()..].trim_start();
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let (quote, value) = match value.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &value[1..]),
            _ => (None, value),
        };
        let end = match quote {
            Some(q) => value.find(q),
            None => value.find(|c: char| c.is_whitespace() || c == '>'),
        };
        return Some(value[..end.unwrap_or(value.len())].to_string());
    }
    None
}

/// `www.youtube.com` from `https://www.youtube.com/embed/x`.
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embeds_become_links() {
        let html = "<p>Before</p>\n<IFRAME width=\"560\" src=\"https://www.youtube.com/embed/x?a=1&amp;b=2\" title='Press conference'></iframe>\n<p>After</p>";
        assert_eq!(
            degrade_embeds(html),
            "<p>Before</p>\n<p class=\"embed-link\"><a href=\"https://www.youtube.com/embed/x?a=1&amp;b=2\">View the embedded content: Press conference</a></p>\n<p>After</p>"
        );
        let video = "<video controls><source src=\"https://e.org/v.mp4\"></video>";
        assert_eq!(
            degrade_embeds(video),
            "<p class=\"embed-link\"><a href=\"https://e.org/v.mp4\">View the embedded video: e.org</a></p>"
        );
    }

    #[test]
    fn scripts_styles_and_forms_are_removed() {
        let html = "<p>a</p><script>if (a<b) alert(1)</script><form action=x><input name=q><button>Go</button></form><style>p{}</style><p>b</p>";
        assert_eq!(degrade_embeds(html), "<p>a</p><p>b</p>");
        // Other tags and stray `<` are left alone.
        assert_eq!(
            degrade_embeds("<p>a < b <em>c</em></p>"),
            "<p>a < b <em>c</em></p>"
        );
        // An embed of a non-web URL is dropped, not linked.
        assert_eq!(degrade_embeds("<iframe src=\"javascript:x\"></iframe>"), "");
        assert_eq!(
            degrade_embeds("<p>x</p><iframe src=\"https://e.org"),
            "<p>x</p>"
        );
    }
}
