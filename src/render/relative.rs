//! Root-relative links in HTML pages.
//!
//! Input: a rendered HTML page and the origin of the site's base URL. Output: the page with
//! every link into that origin written from its path: `href="https://me.github.io/digest/tags/x/"`
//! becomes `href="/digest/tags/x/"`, which a browser resolves to the same URL on the site and
//! which keeps working under a sub-path (GitHub Pages' `/<repository>/`). An absolute URL costs
//! its origin again in every link, some thirty times a page.
//!
//! Templates keep absolute URLs (`article.url`, `site.home_url`): this pass runs on the page
//! newsprint writes, so every theme gets it. What must stay absolute does: `<link
//! rel="canonical">` and `<link hreflang>` (search engines read them whole), and every URL
//! outside `href`, `src`, `srcset` and `poster` (Open Graph `content`, JSON-LD), which crawlers
//! and social networks read without a page to resolve against.

/// Attributes whose URL a browser resolves against the page.
const LINK_ATTRIBUTES: [&[u8]; 4] = [b"href", b"src", b"srcset", b"poster"];

/// `html` with every `href`, `src`, `srcset` and `poster` URL on `origin`
/// (`https://me.github.io`, no trailing slash) written root-relative, but for canonical and
/// hreflang `<link>`s. `html` comes back unchanged when it holds no such URL.
pub(crate) fn root_relative(html: Vec<u8>, origin: &str) -> Vec<u8> {
    let origin = origin.as_bytes();
    if origin.is_empty() {
        return html;
    }
    let mut out: Vec<u8> = Vec::new();
    let mut copied = 0;
    for at in memchr::memmem::find_iter(&html, origin) {
        let end = at + origin.len();
        if html.get(end) != Some(&b'/') || !in_link_attribute(&html, at) {
            continue;
        }
        if out.capacity() == 0 {
            out.reserve(html.len());
        }
        out.extend_from_slice(&html[copied..at]);
        copied = end;
    }
    if copied == 0 {
        return html;
    }
    out.extend_from_slice(&html[copied..]);
    out
}

/// Whether the URL starting at `at` begins the quoted value of a link attribute (or follows a
/// comma in a `srcset`), in a tag that is not a canonical or hreflang `<link>`.
fn in_link_attribute(html: &[u8], at: usize) -> bool {
    let Some(quote) = value_start(html, at) else {
        return false;
    };
    let Some(name_start) = attribute_name_start(html, quote) else {
        return false;
    };
    let name = &html[name_start..attribute_name_end(html, name_start)];
    let direct = quote + 1 == at;
    let allowed = if direct {
        LINK_ATTRIBUTES.iter().any(|a| name.eq_ignore_ascii_case(a))
    } else {
        name.eq_ignore_ascii_case(b"srcset")
    };
    allowed && !is_kept_link(html, name_start)
}

/// The index of the quote that opens the attribute value holding `at`: right before it, or,
/// for a later candidate of a `srcset`, before `…, ` with no quote or tag end in between.
fn value_start(html: &[u8], at: usize) -> Option<usize> {
    let before = at.checked_sub(1)?;
    if matches!(html[before], b'"' | b'\'') {
        return Some(before);
    }
    let mut index = before;
    while html[index].is_ascii_whitespace() {
        index = index.checked_sub(1)?;
    }
    if html[index] != b',' {
        return None;
    }
    let quote = html[..index]
        .iter()
        .rposition(|&b| matches!(b, b'"' | b'\'' | b'<' | b'>'))?;
    matches!(html[quote], b'"' | b'\'').then_some(quote)
}

/// The start of the name of the attribute whose value opens with the quote at `quote`
/// (`name="`, `name = '`), if there is one.
fn attribute_name_start(html: &[u8], quote: usize) -> Option<usize> {
    let mut index = quote.checked_sub(1)?;
    while html[index].is_ascii_whitespace() {
        index = index.checked_sub(1)?;
    }
    if html[index] != b'=' {
        return None;
    }
    index = index.checked_sub(1)?;
    while html[index].is_ascii_whitespace() {
        index = index.checked_sub(1)?;
    }
    let end = index + 1;
    while index > 0 && is_name_byte(html[index - 1]) {
        index -= 1;
    }
    let preceded_by_space = index > 0 && html[index - 1].is_ascii_whitespace();
    (index < end && is_name_byte(html[index]) && preceded_by_space).then_some(index)
}

fn attribute_name_end(html: &[u8], start: usize) -> usize {
    start
        + html[start..]
            .iter()
            .position(|&b| !is_name_byte(b))
            .unwrap_or(html.len() - start)
}

fn is_name_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b':')
}

/// Whether the tag around `inside` is a `<link>` search engines want an absolute URL in: the
/// canonical URL, or a page's translation (`hreflang`).
fn is_kept_link(html: &[u8], inside: usize) -> bool {
    let Some(open) = html[..inside].iter().rposition(|&b| b == b'<') else {
        return false;
    };
    let tag_name = &html[open + 1..attribute_name_end(html, open + 1)];
    if !tag_name.eq_ignore_ascii_case(b"link") {
        return false;
    }
    let close = html[inside..]
        .iter()
        .position(|&b| b == b'>')
        .map_or(html.len(), |end| inside + end);
    let tag = html[open..close].to_ascii_lowercase();
    contains(&tag, b"canonical") || contains(&tag, b"hreflang")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> String {
        String::from_utf8(root_relative(html.as_bytes().to_vec(), "https://e.org")).unwrap()
    }

    #[test]
    fn links_into_the_site_lose_their_origin() {
        assert_eq!(
            run(
                r#"<a href="https://e.org/digest/tags/x/">x</a><img src='https://e.org/a.png' alt="">"#
            ),
            r#"<a href="/digest/tags/x/">x</a><img src='/a.png' alt="">"#
        );
        assert_eq!(
            run(r#"<link rel="stylesheet" href = "https://e.org/style.css">"#),
            r#"<link rel="stylesheet" href = "/style.css">"#
        );
    }

    #[test]
    fn canonical_hreflang_and_metadata_stay_absolute() {
        let kept = concat!(
            r#"<link rel="canonical" href="https://e.org/a/">"#,
            r#"<link href="https://e.org/uk/a/" rel="alternate" hreflang="uk">"#,
            r#"<meta property="og:url" content="https://e.org/a/">"#,
            r#"<script type="application/ld+json">{"url":"https://e.org/a/"}</script>"#,
            r#"<p>See https://e.org/a/ or href="https://e.org/b/" in text</p>"#,
        );
        // The last one is text, as a page escapes it (`href=&quot;…`): only a tag's own
        // attribute counts, and a word before `=` in text has no space-separated name.
        let text = kept.replace(
            r#"href="https://e.org/b/""#,
            "href=&quot;https://e.org/b/&quot;",
        );
        assert_eq!(run(&text), text);
    }

    #[test]
    fn other_origins_and_look_alikes_stay() {
        let html = concat!(
            r#"<a href="https://e.org.evil.example/x">a</a>"#,
            r#"<a href="https://other.org/?u=https://e.org/x">b</a>"#,
            r#"<a href="https://e.org">c</a>"#,
            r#"<a data-href="https://e.org/x">d</a>"#,
        );
        assert_eq!(run(html), html);
    }

    #[test]
    fn every_candidate_of_a_srcset() {
        assert_eq!(
            run(
                r#"<img srcset="https://e.org/a-400.jpg 400w, https://e.org/a.jpg 1200w" src="https://e.org/a.jpg">"#
            ),
            r#"<img srcset="/a-400.jpg 400w, /a.jpg 1200w" src="/a.jpg">"#
        );
    }

    #[test]
    fn a_page_without_such_links_is_returned_as_is() {
        assert_eq!(run("<p>plain</p>"), "<p>plain</p>");
        assert_eq!(run("https://e.org/"), "https://e.org/");
    }
}
