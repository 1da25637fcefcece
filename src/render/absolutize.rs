//! Making every link in an article's HTML absolute, for feeds.
//!
//! Input: HTML rendered for the article page, the article's URL and the site's base URL. Output:
//! the same HTML with every `href` and `src` absolute, since many feed readers and RSS-to-email
//! services ignore `xml:base` and relative links break in them.

use crate::markdown::escape_html;
use crate::url::BaseUrl;

/// Elements whose content is raw text: an `href="…"` inside a script is code, not a link.
const RAW_TEXT_ELEMENTS: [&str; 2] = ["script", "style"];

/// Makes every `href` and `src` attribute in `html` absolute: fragments and relative paths
/// against `article_url`, root-relative paths against the site's origin (as the article page
/// itself would resolve them), scheme-relative ones with the site's scheme. The Markdown stage
/// already makes site links absolute; this catches footnotes (`#fn-1`) and raw HTML.
pub(crate) fn absolutize(html: &str, article_url: &str, base_url: &BaseUrl) -> String {
    let resolver = Resolver::new(article_url, base_url);
    map_urls(html, |url| resolver.resolve(url))
}

/// `html` with every `href` and `src` value (as written, entities and all) replaced by what
/// `map` makes of it. Comments and the insides of `<script>` and `<style>` are left alone.
pub(crate) fn map_urls(html: &str, mut map: impl FnMut(&str) -> String) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with("<!--") {
            // A comment is copied whole: commented-out markup is not a link.
            let len = rest[4..].find("-->").map_or(rest.len(), |end| 4 + end + 3);
            out.push_str(&rest[..len]);
            rest = &rest[len..];
            continue;
        }
        let before = out.len();
        let Some(tag) = rewrite_tag(rest, &mut map, &mut out) else {
            // Not a tag (`a < b` in raw HTML, or an unterminated one): keep the `<` as text.
            out.truncate(before);
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        rest = &rest[tag.len..];
        if RAW_TEXT_ELEMENTS
            .iter()
            .any(|raw| tag.name.eq_ignore_ascii_case(raw))
        {
            let len = find_closing_tag(rest, tag.name);
            out.push_str(&rest[..len]);
            rest = &rest[len..];
        }
    }
    out.push_str(rest);
    out
}

/// Where `</name` starts in `text` (any case), or the end of `text`.
fn find_closing_tag(text: &str, name: &str) -> usize {
    let needle = format!("</{}", name.to_ascii_lowercase());
    // ASCII lowercasing keeps byte offsets, so the offset is valid in `text` too.
    text.to_ascii_lowercase()
        .find(&needle)
        .unwrap_or(text.len())
}

/// A start tag, copied with its `href`/`src` values rewritten.
struct Tag<'t> {
    /// Bytes of the input the tag spans, `>` included.
    len: usize,
    /// The element name as written.
    name: &'t str,
}

/// Reads the start tag at the beginning of `text` (`<name …>`) and appends it to `out` with its
/// URLs rewritten (straight into `out`: a string per tag was an allocation for every `<p>`);
/// `None` if it is not one, with part of it perhaps appended.
fn rewrite_tag<'t>(
    text: &'t str,
    map: &mut impl FnMut(&str) -> String,
    out: &mut String,
) -> Option<Tag<'t>> {
    let bytes = text.as_bytes();
    if !bytes.get(1)?.is_ascii_alphabetic() {
        return None;
    }
    let name_end = scan(bytes, 1, |b| {
        !(b.is_ascii_whitespace() || b == b'/' || b == b'>')
    });
    let mut copied = 0;
    let mut at = name_end;
    loop {
        at = scan(bytes, at, |b| b.is_ascii_whitespace() || b == b'/');
        if *bytes.get(at)? == b'>' {
            break;
        }
        let name_start = at;
        at = scan(bytes, at + 1, |b| {
            !(b.is_ascii_whitespace() || matches!(b, b'/' | b'>' | b'='))
        });
        let attribute = &text[name_start..at];
        let equals = scan(bytes, at, |b| b.is_ascii_whitespace());
        if bytes.get(equals) != Some(&b'=') {
            continue;
        }
        let value = read_value(text, scan(bytes, equals + 1, |b| b.is_ascii_whitespace()))?;
        if attribute.eq_ignore_ascii_case("href") || attribute.eq_ignore_ascii_case("src") {
            out.push_str(&text[copied..value.start]);
            let url = map(&text[value.start..value.end]);
            if value.quoted {
                out.push_str(&url);
            } else {
                // An unquoted value gets quotes, so the new URL cannot end the tag early.
                out.push_str(&format!("\"{}\"", url.replace('"', "&quot;")));
            }
            copied = value.end;
        }
        at = value.next;
    }
    out.push_str(&text[copied..=at]);
    Some(Tag {
        len: at + 1,
        name: &text[1..name_end],
    })
}

/// Where an attribute value lies in its tag.
struct ValueSpan {
    /// First byte of the value, inside any quotes.
    start: usize,
    /// One past its last byte.
    end: usize,
    /// Where parsing goes on (past a closing quote).
    next: usize,
    quoted: bool,
}

/// The attribute value starting at `at`; `None` if a quote never closes.
fn read_value(text: &str, at: usize) -> Option<ValueSpan> {
    let bytes = text.as_bytes();
    match *bytes.get(at)? {
        quote @ (b'"' | b'\'') => {
            let end = at + 1 + text[at + 1..].find(quote as char)?;
            Some(ValueSpan {
                start: at + 1,
                end,
                next: end + 1,
                quoted: true,
            })
        }
        _ => {
            let end = scan(bytes, at, |b| !(b.is_ascii_whitespace() || b == b'>'));
            Some(ValueSpan {
                start: at,
                end,
                next: end,
                quoted: false,
            })
        }
    }
}

/// The first index from `from` whose byte does not satisfy `keep_going`.
fn scan(bytes: &[u8], from: usize, keep_going: impl Fn(u8) -> bool) -> usize {
    let mut at = from;
    while at < bytes.len() && keep_going(bytes[at]) {
        at += 1;
    }
    at
}

/// Resolves URL references the way a browser on the article page would (RFC 3986 §5.2).
///
/// Everything is kept HTML-escaped: attribute values arrive escaped (`&amp;`), so the base is
/// escaped up front and the result can go straight back into the attribute.
struct Resolver {
    /// `https`.
    scheme: String,
    /// `https://user.github.io`, escaped.
    origin: String,
    /// The article's path, `/digest/2025/03/talks/`, escaped.
    path: String,
}

impl Resolver {
    fn new(article_url: &str, base_url: &BaseUrl) -> Resolver {
        let origin = base_url.origin();
        // Article URLs are made by `BaseUrl::join`, so they start with the origin.
        let path = article_url
            .strip_prefix(origin)
            .filter(|p| p.starts_with('/'))
            .unwrap_or("/");
        Resolver {
            scheme: origin.split(':').next().unwrap_or("https").to_string(),
            origin: escape_html(origin),
            path: escape_html(path),
        }
    }

    fn resolve(&self, value: &str) -> String {
        // Browsers ignore spaces around a URL.
        let value = value.trim_matches(|c: char| c.is_ascii_whitespace());
        if value.starts_with("//") {
            return format!("{}:{value}", self.scheme);
        }
        if has_scheme(value) {
            return value.to_string();
        }
        let (path, suffix) = value.split_at(value.find(['?', '#']).unwrap_or(value.len()));
        let merged = if path.is_empty() {
            self.path.clone()
        } else if path.starts_with('/') {
            path.to_string()
        } else {
            let folder = &self.path[..=self.path.rfind('/').unwrap_or(0)];
            format!("{folder}{path}")
        };
        format!("{}{}{suffix}", self.origin, remove_dot_segments(&merged))
    }
}

/// Whether `url` starts with a scheme (`https:`, `mailto:`, `data:`): it is absolute already.
fn has_scheme(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else {
        return false;
    };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Removes `.` and `..` segments from an absolute path (RFC 3986 §5.2.4).
fn remove_dot_segments(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let mut kept: Vec<&str> = Vec::with_capacity(segments.len());
    for (index, segment) in segments.iter().enumerate() {
        let last = index + 1 == segments.len();
        match *segment {
            "." => {}
            ".." => {
                kept.pop();
            }
            other => kept.push(other),
        }
        // `a/.` and `a/..` name a folder, so the path keeps its trailing slash.
        if last && matches!(*segment, "." | "..") {
            kept.push("");
        }
    }
    format!("/{}", kept.join("/"))
}
