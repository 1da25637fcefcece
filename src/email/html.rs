//! The last step of an HTML email: CSS inlined, and the rules email clients impose checked.
//!
//! Input: `email.html` as the theme rendered it, with a `<style>` block. Output: the same email
//! with every rule that can be inlined moved into `style` attributes (by `css-inline`, without
//! ever fetching a stylesheet) and only `@media` rules (dark mode, narrow screens) left in a
//! `<style>`, or an error naming what the template holds that email clients refuse.

use crate::error::Error;

use super::content::HTML_TEMPLATE;

/// Elements no email client runs or shows: a template holding one is an error.
const REFUSED: [&str; 7] = [
    "<script", "<iframe", "<form", "<object", "<embed", "<video", "<audio",
];

/// Inlines the CSS of `html` and checks the result.
pub fn finish(html: &str) -> Result<String, Error> {
    let inliner = css_inline::CSSInliner::options()
        .load_remote_stylesheets(false)
        .keep_link_tags(false)
        .keep_at_rules(true)
        .build();
    let inlined = inliner.inline(html).map_err(|error| Error::Template {
        name: HTML_TEMPLATE.to_string(),
        message: format!("cannot inline its CSS: {error}"),
    })?;
    check(&inlined)?;
    Ok(charset_first(inlined))
}

/// The document with its `<meta charset>` first in `<head>`: css-inline puts the kept `@media`
/// rules there, and a charset declared past the first 1024 bytes may be missed.
fn charset_first(html: String) -> String {
    let meta = "<meta charset=\"utf-8\">";
    match (html.find("<head>"), html.find(meta)) {
        (Some(head), Some(at)) if at > head => {
            let mut out = String::with_capacity(html.len());
            let after_head = head + "<head>".len();
            out.push_str(&html[..after_head]);
            out.push_str(meta);
            out.push_str(&html[after_head..at]);
            out.push_str(&html[at + meta.len()..]);
            out
        }
        _ => html,
    }
}

/// Refuses what email clients strip or block: scripts, frames, forms, media, stylesheets.
fn check(html: &str) -> Result<(), Error> {
    let lower = html.to_ascii_lowercase();
    let refused = REFUSED
        .iter()
        .find(|tag| {
            lower.match_indices(*tag).any(|(at, _)| {
                let next = lower.as_bytes().get(at + tag.len());
                next.is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
            })
        })
        .map(|tag| format!("`{tag}>`"))
        .or_else(|| {
            lower
                .contains("<link")
                .then(|| "a `<link>` stylesheet".to_string())
        });
    match refused {
        Some(what) => Err(Error::Template {
            name: HTML_TEMPLATE.to_string(),
            message: format!(
                "the email holds {what}, which email clients strip or block: remove it from the template"
            ),
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_is_inlined_and_media_rules_kept() {
        let html = "<!DOCTYPE html><html><head><style>p{color:#111} @media (prefers-color-scheme: dark){p{color:#eee !important}}</style></head><body><p>Hi</p></body></html>";
        let out = finish(html).unwrap();
        assert!(out.contains("<p style=\"color: #111;\">Hi</p>"), "{out}");
        let style = &out[out.find("<style>").unwrap()..out.find("</style>").unwrap()];
        assert!(
            style.contains("@media (prefers-color-scheme: dark)"),
            "{out}"
        );
        assert!(
            !style.replace("@media", "").contains("p{color:#111}"),
            "{out}"
        );
    }

    #[test]
    fn scripts_and_stylesheets_are_refused() {
        for bad in [
            "<script>x()</script>",
            "<iframe src=\"https://e.org/\"></iframe>",
            "<link rel=\"stylesheet\" href=\"https://e.org/a.css\">",
        ] {
            let html = format!("<html><head></head><body>{bad}</body></html>");
            assert!(check(&html).is_err(), "{bad}");
        }
        assert!(check("<html><body><p>Scripture</p></body></html>").is_ok());
    }
}
