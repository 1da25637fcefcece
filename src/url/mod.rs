//! URLs and slugs: the one place that turns names and paths into links.
//!
//! Every internal URL of a site is made by [`BaseUrl::join`], so a site published under a
//! sub-path (`https://me.github.io/digest/`) never loses its prefix. Slugs come from
//! [`slugify`], which transliterates to lowercase ASCII (`Санкции` → `sanktsii`) and so is always
//! a safe single path segment.

use std::fmt;

pub mod translit;

/// The site's base URL, always ending in `/`: `https://me.github.io/digest/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    full: String,
    /// Byte offset in `full` where the path starts (`/digest/`).
    path_start: usize,
}

impl BaseUrl {
    /// Checks a base URL such as `https://me.github.io/digest` (a trailing `/` is added).
    pub fn parse(text: &str) -> Result<BaseUrl, String> {
        let text = text.trim();
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
            .ok_or("expected an absolute http:// or https:// URL, e.g. https://example.org/")?;
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err("a URL cannot contain spaces or control characters".into());
        }
        if text.contains(['?', '#', '"', '<', '>', '\\']) {
            return Err(
                "a base URL cannot contain a query, a fragment, quotes or backslashes".into(),
            );
        }
        // The hand checks above give the clearer message; the URL parser catches the rest (a
        // port past 65535, a broken IPv6 address, a bad host) as every reader will see it.
        let parsed = url::Url::parse(text).map_err(|error| {
            format!("{error}: expected an absolute URL such as https://example.org/digest/")
        })?;
        if parsed.host_str().is_none_or(str::is_empty) {
            return Err("the URL has no host".into());
        }
        let host_end = rest.find('/').unwrap_or(rest.len());
        if host_end == 0 {
            return Err("the URL has no host".into());
        }
        let mut full = text.to_string();
        if !full.ends_with('/') {
            full.push('/');
        }
        let path_start = text.len() - rest.len() + host_end;
        let path = &full[path_start..];
        if path
            .split('/')
            .any(|segment| segment == ".." || segment == ".")
        {
            return Err("the path cannot contain `.` or `..` segments".into());
        }
        Ok(BaseUrl { full, path_start })
    }

    /// The whole base URL, ending in `/`.
    pub fn as_str(&self) -> &str {
        &self.full
    }

    /// The path part, starting and ending with `/`: `/digest/`, or `/` at a domain's root.
    pub fn path(&self) -> &str {
        &self.full[self.path_start..]
    }

    /// The scheme and host, without the path: `https://me.github.io`.
    pub fn origin(&self) -> &str {
        &self.full[..self.path_start]
    }

    /// The absolute URL of `relative`, a path inside the output (`tags/russia/`, `style.css`).
    /// Characters that cannot stand in a URL are percent-encoded, `%` too: a file named
    /// `100%25.pdf` is reached at `100%2525.pdf`.
    pub fn join(&self, relative: &str) -> String {
        self.join_with(relative, |byte, _| keeps(byte) && byte != b'%')
    }

    /// The absolute URL of `relative`, a URL path someone wrote (`/tags/map%20a/` in Markdown or a
    /// template): escapes already in it are kept, everything else is encoded as in [`join`].
    ///
    /// [`join`]: BaseUrl::join
    pub fn join_url_path(&self, relative: &str) -> String {
        self.join_with(relative, |byte, rest| {
            keeps(byte)
                && (byte != b'%'
                    || rest.len() >= 2
                        && rest[0].is_ascii_hexdigit()
                        && rest[1].is_ascii_hexdigit())
        })
    }

    /// Percent-encodes each byte of `relative` that `keep(byte, bytes after it)` refuses.
    fn join_with(&self, relative: &str, keep: impl Fn(u8, &[u8]) -> bool) -> String {
        let relative = relative.trim_start_matches('/');
        let mut url = String::with_capacity(self.full.len() + relative.len());
        url.push_str(&self.full);
        let bytes = relative.as_bytes();
        let mut plain_from = 0;
        for (at, &byte) in bytes.iter().enumerate() {
            if !keep(byte, &bytes[at + 1..]) {
                // Bytes of a multi-byte character are all encoded, one after the other, so a
                // run of kept (ASCII) bytes always starts and ends on a character boundary.
                if plain_from < at {
                    url.push_str(&relative[plain_from..at]);
                }
                url.push_str(&format!("%{byte:02X}"));
                plain_from = at + 1;
            }
        }
        url.push_str(&relative[plain_from..]);
        url
    }

    /// The same site served from another origin, keeping the path: used by `serve` so a site for
    /// `https://me.github.io/digest/` previews at `http://127.0.0.1:1111/digest/`.
    pub fn with_origin(&self, origin: &str) -> BaseUrl {
        let origin = origin.trim_end_matches('/');
        BaseUrl {
            full: format!("{origin}{}", self.path()),
            path_start: origin.len(),
        }
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.full)
    }
}

/// Whether a URL path may hold `byte` as is: `/`, `%` and the characters RFC 3986 allows in a
/// segment.
fn keeps(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@%".contains(&byte)
}

/// Decodes `%XX` escapes in a URL path. `None` for a broken escape or a result that is not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Lowercase ASCII slug of any text: letters and digits, words joined by `-`.
/// Returns an empty string when nothing usable is left (e.g. only punctuation).
pub fn slugify(text: &str) -> String {
    let mut slug = slug::slugify(text);
    // Long titles make unwieldy URLs and can exceed file-name limits (255 bytes).
    if slug.len() > 120 {
        slug.truncate(120);
        while slug.ends_with('-') {
            slug.pop();
        }
    }
    slug
}

/// [`slugify`] after romanizing Cyrillic by `scheme` (`Київ` → `kyiv` in Ukrainian).
pub fn slugify_in(text: &str, scheme: translit::Scheme) -> String {
    match scheme {
        translit::Scheme::Legacy => slugify(text),
        _ => slugify(&translit::romanize(text, scheme)),
    }
}

/// The article URL pattern, e.g. `/:year/:month/:slug/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permalink {
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Year,
    Month,
    Day,
    Slug,
}

/// The values a permalink is filled in with.
#[derive(Debug, Clone, Copy)]
pub struct PermalinkValues<'a> {
    /// Four-digit year.
    pub year: i16,
    /// Month, 1–12.
    pub month: i8,
    /// Day, 1–31.
    pub day: i8,
    /// The article's slug (already checked to be one safe segment).
    pub slug: &'a str,
}

impl Permalink {
    /// Checks a pattern: it starts and ends with `/` and uses `:year`, `:month`, `:day`, `:slug`.
    pub fn parse(pattern: &str) -> Result<Permalink, String> {
        let inner = pattern
            .strip_prefix('/')
            .and_then(|p| p.strip_suffix('/'))
            .ok_or_else(|| format!("`{pattern}` must start and end with `/`"))?;
        let mut segments = Vec::new();
        for part in inner.split('/') {
            let segment = match part {
                ":year" => Segment::Year,
                ":month" => Segment::Month,
                ":day" => Segment::Day,
                ":slug" => Segment::Slug,
                token if token.starts_with(':') => {
                    return Err(format!(
                        "unknown placeholder `{token}`: expected :year, :month, :day or :slug"
                    ));
                }
                "" | "." | ".." => return Err(format!("`{pattern}` has an empty or dot segment")),
                literal
                    if literal
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
                {
                    Segment::Literal(literal.to_string())
                }
                literal => {
                    return Err(format!(
                        "segment `{literal}` may hold only letters, digits, - and _"
                    ));
                }
            };
            segments.push(segment);
        }
        if !segments.contains(&Segment::Slug) {
            return Err(format!(
                "`{pattern}` must contain :slug so every article gets its own URL"
            ));
        }
        Ok(Permalink { segments })
    }

    /// Whether every article URL starts with its year and month (`/:year/:month/…`), so the
    /// date archives can live at those prefixes; `Some(true)` when the day follows too.
    pub fn date_prefix(&self) -> Option<bool> {
        match self.segments.as_slice() {
            [Segment::Year, Segment::Month, Segment::Day, ..] => Some(true),
            [Segment::Year, Segment::Month, ..] => Some(false),
            _ => None,
        }
    }

    /// The article's folder inside the output, ending in `/`: `2025/03/talks-resume/`.
    pub fn render(&self, values: PermalinkValues<'_>) -> String {
        let mut path = String::new();
        for segment in &self.segments {
            match segment {
                Segment::Literal(text) => path.push_str(text),
                Segment::Year => path.push_str(&format!("{:04}", values.year)),
                Segment::Month => path.push_str(&format!("{:02}", values.month)),
                Segment::Day => path.push_str(&format!("{:02}", values.day)),
                Segment::Slug => path.push_str(values.slug),
            }
            path.push('/');
        }
        path
    }
}

/// Whether `text` starts like a URL with a scheme (`https:`, `mailto:`, `javascript:`): a `:`
/// before any `/`, `?` or `#`. Looser than RFC 3986 on purpose: `java\tscript:` counts too,
/// since browsers drop the tab, so checks that refuse schemes cannot be talked around.
pub fn starts_with_scheme(text: &str) -> bool {
    match (text.find(':'), text.find(['/', '?', '#'])) {
        (Some(colon), Some(path)) => colon < path,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

#[cfg(test)]
mod props;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_keeps_sub_path() {
        let base = BaseUrl::parse("https://user.github.io/digest").unwrap();
        assert_eq!(base.as_str(), "https://user.github.io/digest/");
        assert_eq!(base.path(), "/digest/");
        assert_eq!(base.origin(), "https://user.github.io");
        assert_eq!(
            base.join("tags/russia/"),
            "https://user.github.io/digest/tags/russia/"
        );
        assert_eq!(
            base.join("/style.css"),
            "https://user.github.io/digest/style.css"
        );
    }

    #[test]
    fn base_url_at_domain_root() {
        let base = BaseUrl::parse("https://example.org").unwrap();
        assert_eq!(base.path(), "/");
        assert_eq!(base.join(""), "https://example.org/");
    }

    #[test]
    fn base_url_rejects_garbage() {
        for bad in [
            "example.org",
            "ftp://x/",
            "https://",
            "https://x/a b",
            "https://x/../",
            "https://x/?q",
            "https://host:99999/",
            "http://[::1/",
            "https://a b/",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn join_percent_encodes() {
        let base = BaseUrl::parse("https://e.org/").unwrap();
        assert_eq!(
            base.join("2025/03/map of kyiv.png"),
            "https://e.org/2025/03/map%20of%20kyiv.png"
        );
        assert_eq!(base.join("a\"<b>"), "https://e.org/a%22%3Cb%3E");
        assert_eq!(
            base.join("100%25 é.pdf"),
            "https://e.org/100%2525%20%C3%A9.pdf"
        );
        assert_eq!(
            base.join_url_path("/tags/a%20b/100%/é"),
            "https://e.org/tags/a%20b/100%25/%C3%A9"
        );
    }

    #[test]
    fn with_origin_keeps_path() {
        let base = BaseUrl::parse("https://user.github.io/digest/").unwrap();
        let local = base.with_origin("http://127.0.0.1:1111");
        assert_eq!(local.as_str(), "http://127.0.0.1:1111/digest/");
        assert_eq!(local.path(), "/digest/");
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slugify("Санкции"), "sanktsii");
        assert_eq!(slugify("Sanctions"), "sanctions");
        assert_eq!(slugify("Black Sea"), "black-sea");
        assert_eq!(slugify("F-16"), "f-16");
        assert_eq!(slugify("!!!"), "");
        assert_eq!(slugify("../etc/passwd"), "etc-passwd");
        assert!(slugify(&"word ".repeat(100)).len() <= 120);
    }

    #[test]
    fn permalink_renders() {
        let permalink = Permalink::parse("/:year/:month/:slug/").unwrap();
        let values = PermalinkValues {
            year: 2025,
            month: 3,
            day: 16,
            slug: "talks",
        };
        assert_eq!(permalink.render(values), "2025/03/talks/");
        let news = Permalink::parse("/news/:year/:month/:day/:slug/").unwrap();
        assert_eq!(news.render(values), "news/2025/03/16/talks/");
    }

    #[test]
    fn permalink_rejects_bad_patterns() {
        for bad in [
            "/:year/",
            ":slug/",
            "/:slug",
            "/../:slug/",
            "/:nope/:slug/",
            "/a b/:slug/",
        ] {
            assert!(Permalink::parse(bad).is_err(), "{bad} should be refused");
        }
    }
}
