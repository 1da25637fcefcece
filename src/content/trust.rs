//! Which of the site's files may reach the output: the input side of the trust boundary.
//!
//! Input: a path relative to the site root, from the first walk or from a watch event. Output:
//! whether it may be read at all ([`check_link`]: one symbolic-link rule for `build`, `watch`
//! and `serve`), what a file under `content/` is ([`content_kind`]: an article, a file to copy,
//! or a draft leftover never published), and whether a file to copy would publish script on the
//! site's origin or steer the web host ([`active_problem`]).

use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

use crate::config::SecurityConfig;
use crate::error::{Diagnostic, Error, Position};

/// Why a path of the site is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// It resolves to a place outside the site folder.
    Outside,
    /// It resolves to a hidden file or folder (`.git/config`, `.env`), named relative to the site.
    Hidden(PathBuf),
    /// It cannot be resolved (a loop, a dangling link, a vanished file).
    Unresolved(String),
}

impl Refusal {
    /// The warning printed when `path` is skipped.
    pub fn warning(&self, path: &Path) -> String {
        let path = path.display();
        match self {
            Refusal::Outside => {
                format!("skipping `{path}`: it is a symbolic link to a place outside the site")
            }
            Refusal::Hidden(target) => format!(
                "skipping `{path}`: it is a symbolic link to the hidden `{}`, which is never published",
                target.display()
            ),
            Refusal::Unresolved(why) => format!("skipping `{path}`: {why}"),
        }
    }
}

/// The one rule for symbolic links: `path` (under the site folder `site`, which is already
/// canonical) is read only if, with every link resolved, it stays inside the site and has no
/// hidden component there. A path without links passes as long as it exists.
pub fn check_link(path: &Path, site: &Path) -> Result<(), Refusal> {
    let target = path.canonicalize().map_err(|error| {
        Refusal::Unresolved(if error.raw_os_error() == Some(40) {
            "it is a symbolic link loop".to_string()
        } else {
            format!("it cannot be resolved: {error}")
        })
    })?;
    let Ok(inside) = target.strip_prefix(site) else {
        return Err(Refusal::Outside);
    };
    if has_hidden_component(inside) {
        return Err(Refusal::Hidden(inside.to_path_buf()));
    }
    Ok(())
}

/// Whether any name in `path` is hidden (starts with `.`).
pub fn has_hidden_component(path: &Path) -> bool {
    path.components().any(|c| match c {
        Component::Normal(name) => name.as_encoded_bytes().starts_with(b"."),
        _ => false,
    })
}

/// What a file under `content/` is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    /// Markdown: `.md` or `.markdown`, in any case.
    Article,
    /// A file copied beside the articles.
    File,
    /// A copy an editor, a merge or a patch left behind (`a.md.orig`, `a.md.bak`, `x.rej`):
    /// skipped with a warning, since its text is a draft and not meant for readers.
    Leftover,
}

/// Endings of files that editors, merges and patches leave behind.
const LEFTOVER_ENDINGS: &[&str] = &[".bak", ".orig", ".rej", ".swo", ".swn", ".old"];

/// Classifies a file under `content/` by its name.
pub fn content_kind(name: &OsStr) -> ContentKind {
    let name = name.as_encoded_bytes();
    let ends_with = |suffix: &str| {
        name.len() >= suffix.len()
            && name[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    if ends_with(".md") || ends_with(".markdown") {
        return ContentKind::Article;
    }
    let lower = name.to_ascii_lowercase();
    let holds = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if holds(b".md.") || holds(b".markdown.") || LEFTOVER_ENDINGS.iter().any(|e| ends_with(e)) {
        ContentKind::Leftover
    } else {
        ContentKind::File
    }
}

/// Whether a path under `content/` is an article.
pub fn is_article(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| content_kind(name) == ContentKind::Article)
}

/// The warning for a leftover that is not published.
pub fn leftover_warning(path: &Path) -> String {
    format!(
        "skipping `{}`: it looks like a copy left by an editor, a merge or a patch; it is not published (delete it, or rename it to `.md` if it is an article)",
        path.display()
    )
}

/// Where a site file comes from, for [`active_problem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `content/`: anyone who writes articles.
    Content,
    /// `static/`: the site's maintainers.
    Static,
}

/// Files a web host reads as instructions, at the output root.
const HOST_FILES: &[&str] = &[
    "_redirects",
    "_headers",
    "CNAME",
    ".htaccess",
    "sw.js",
    "service-worker.js",
];

/// Extensions of files a browser runs as a page or script on the site's origin.
const ACTIVE_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "js", "mjs"];

/// Why the site file `display` (at `output`, its path in the output) must not be published, if
/// it must not: a host-control file from `content/`, or an active file without the opt-in.
/// `read` gives the file's bytes (only SVGs are read).
pub fn active_problem(
    display: &Path,
    output: &str,
    origin: Origin,
    security: &SecurityConfig,
    read: impl FnOnce() -> std::io::Result<Vec<u8>>,
) -> Option<Error> {
    let name = output.rsplit('/').next().unwrap_or(output);
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if origin == Origin::Content
        && !output.contains('/')
        && HOST_FILES.iter().any(|h| h.eq_ignore_ascii_case(name))
    {
        let message = format!(
            "`{}` would publish `{name}`, a file that gives the web host instructions (redirects, headers, domain, service worker)",
            display.display()
        );
        let help = "such files may come only from the site's static/ folder (or `cname:` in config.yaml), never from content/";
        return Some(Diagnostic::file(display, message).with_help(help).into());
    }
    if security.allow_active_files {
        return None;
    }
    let opt_in =
        "if every writer is trusted, set `security.allow_active_files: true` in config.yaml";
    if origin == Origin::Content && ACTIVE_EXTENSIONS.contains(&extension.as_str()) {
        let message = format!(
            "`{}` is a `.{extension}` file: published, it would run as a page or script on the site's own origin",
            display.display()
        );
        let help = format!(
            "write it as a Markdown article, or publish it from elsewhere and link to it; {opt_in}"
        );
        return Some(Diagnostic::file(display, message).with_help(help).into());
    }
    if extension != "svg" {
        return None;
    }
    let bytes = match read() {
        Ok(bytes) => bytes,
        Err(error) => return Some(Error::read(display, error)),
    };
    let (offset, width, what) = svg_script(&bytes)?;
    let text = String::from_utf8_lossy(&bytes);
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    let message = format!(
        "`{}` is an SVG with {what}: opened from the site, it would run script on the site's own origin",
        display.display()
    );
    let help = format!("remove the script (a drawing needs none); {opt_in}");
    Some(
        Diagnostic::at(display, &text, Position { line, column }, width, message)
            .with_help(help)
            .into(),
    )
}

/// The first thing in an SVG that runs script: its offset, length and name. `<script`,
/// `<foreignObject` (HTML inside the drawing), an `on…=` event attribute or a `javascript:` URL,
/// in any case; tabs and line breaks inside `javascript:` are ignored, as browsers ignore them
/// in URLs.
fn svg_script(bytes: &[u8]) -> Option<(usize, usize, &'static str)> {
    let lower = bytes.to_ascii_lowercase();
    let find = |needle: &[u8]| lower.windows(needle.len()).position(|w| w == needle);
    let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
    found.extend(find(b"<script").map(|i| (i, 7, "a `<script>` element")));
    found.extend(find(b"<foreignobject").map(|i| (i, 14, "a `<foreignObject>` element")));
    // An XML parser decodes character references in attribute values before the browser sees
    // the URL, so `&#106;avascript:` and `java&#x09;script:` are looked for decoded.
    let (decoded, origin) = decode_references(&lower);
    let url = javascript_url(&decoded).map(|i| (origin[i], 11, "a `javascript:` URL"));
    found.extend(url);
    found.extend(event_attribute(&lower).map(|(i, n)| (i, n, "an `on…=` event attribute")));
    found.into_iter().min_by_key(|(offset, ..)| *offset)
}

/// `lower` with numeric character references (`&#106;`, `&#x6a;`) and `&tab;`, `&newline;`,
/// `&colon;` decoded where they stand for ASCII, and for each decoded byte its offset in `lower`.
fn decode_references(lower: &[u8]) -> (Vec<u8>, Vec<usize>) {
    let mut decoded = Vec::with_capacity(lower.len());
    let mut origin = Vec::with_capacity(lower.len());
    let mut i = 0;
    while i < lower.len() {
        match reference_at(&lower[i..]) {
            Some((byte, length)) => {
                decoded.push(byte);
                origin.push(i);
                i += length;
            }
            None => {
                decoded.push(lower[i]);
                origin.push(i);
                i += 1;
            }
        }
    }
    (decoded, origin)
}

/// The ASCII byte a character reference at the start of `text` stands for, and its length.
fn reference_at(text: &[u8]) -> Option<(u8, usize)> {
    let rest = text.strip_prefix(b"&")?;
    for (name, byte) in [
        (&b"tab;"[..], b'\t'),
        (b"newline;", b'\n'),
        (b"colon;", b':'),
    ] {
        if rest.starts_with(name) {
            return Some((byte, 1 + name.len()));
        }
    }
    let rest = rest.strip_prefix(b"#")?;
    let (digits, radix, skip) = match rest.strip_prefix(b"x") {
        Some(hex) => (hex, 16, 3),
        None => (rest, 10, 2),
    };
    let count = digits
        .iter()
        .take_while(|b| b.is_ascii_digit() || radix == 16 && b.is_ascii_hexdigit())
        .count();
    let text_digits = std::str::from_utf8(&digits[..count.min(8)]).ok()?;
    let value = u32::from_str_radix(text_digits, radix).ok()?;
    let byte = u8::try_from(value).ok().filter(u8::is_ascii)?;
    let semicolon = usize::from(digits.get(count) == Some(&b';'));
    Some((byte.to_ascii_lowercase(), skip + count + semicolon))
}

/// Where `javascript:` starts, ignoring tabs and line breaks within it.
fn javascript_url(lower: &[u8]) -> Option<usize> {
    const WORD: &[u8] = b"javascript:";
    (0..lower.len()).find(|&start| {
        let mut letters = lower[start..]
            .iter()
            .filter(|b| !matches!(b, b'\t' | b'\n' | b'\r'));
        lower[start] == b'j' && WORD.iter().all(|w| letters.next() == Some(w))
    })
}

/// Where an event attribute (`onload=`, `ONCLICK =`) starts inside a tag, and its name's length.
fn event_attribute(lower: &[u8]) -> Option<(usize, usize)> {
    let mut in_tag = false;
    let mut quote = None;
    for (i, &b) in lower.iter().enumerate() {
        match (in_tag, quote, b) {
            (false, _, b'<') => in_tag = true,
            (true, None, b'>') => in_tag = false,
            (true, None, b'"' | b'\'') => quote = Some(b),
            (true, Some(q), _) if b == q => quote = None,
            (true, None, b'o') if i > 0 && is_separator(lower[i - 1]) => {
                let rest = &lower[i..];
                if rest.starts_with(b"on") {
                    let name = rest[2..].iter().take_while(|c| c.is_ascii_alphabetic());
                    let after = 2 + name.count();
                    let tail = rest[after..].iter().skip_while(|c| c.is_ascii_whitespace());
                    if after > 2 && tail.take(1).eq(b"=".iter()) {
                        return Some((i, after));
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn is_separator(b: u8) -> bool {
    b.is_ascii_whitespace() || b == b'/' || b == b'"' || b == b'\''
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_leftovers_and_files() {
        for name in ["a.md", "a.MD", "a.Md", "a.markdown", "a.MARKDOWN"] {
            assert_eq!(content_kind(name.as_ref()), ContentKind::Article, "{name}");
        }
        for name in [
            "a.md.orig",
            "a.md.bak",
            "a.markdown.old",
            "x.bak",
            "x.rej",
            "a.MD.txt",
        ] {
            assert_eq!(content_kind(name.as_ref()), ContentKind::Leftover, "{name}");
        }
        for name in ["map.svg", "report.pdf", "mdash.png", "a.mdx"] {
            assert_eq!(content_kind(name.as_ref()), ContentKind::File, "{name}");
        }
    }

    #[test]
    fn scripted_svgs_are_found() {
        for (svg, what) in [
            ("<svg><script>x</script></svg>", "<script"),
            ("<svg><SCRIPT >x</SCRIPT></svg>", "<script"),
            ("<svg onload='x()'/>", "on…="),
            ("<svg><rect\nOnClick = \"x\"/></svg>", "on…="),
            ("<svg><a href=\"java\tscript:x\">a</a></svg>", "javascript:"),
            (
                "<svg><a xlink:href='JAVASCRIPT:x'>a</a></svg>",
                "javascript:",
            ),
            ("<svg><foreignObject/></svg>", "foreignObject"),
            (
                "<svg><a href='&#106;avascript:x'>a</a></svg>",
                "javascript:",
            ),
            (
                "<svg><a href='&#X6A;&#x61;vascript&colon;x'>a</a></svg>",
                "javascript:",
            ),
            (
                "<svg><a href='java&Tab;script:x'>a</a></svg>",
                "javascript:",
            ),
        ] {
            let (.., found) = svg_script(svg.as_bytes()).unwrap_or_else(|| panic!("{svg}"));
            assert!(found.contains(what), "{svg}: {found}");
        }
        for svg in [
            "<svg><title>onset = spring; on and on</title><path d='M0 0'/></svg>",
            "<svg data-online='1'><text>script</text></svg>",
            "<svg><desc>one=two</desc></svg>",
        ] {
            assert_eq!(svg_script(svg.as_bytes()), None, "{svg}");
        }
    }

    #[test]
    fn the_error_points_at_the_script() {
        let security = SecurityConfig::default();
        let error = active_problem(
            Path::new("static/a.svg"),
            "a.svg",
            Origin::Static,
            &security,
            || Ok(b"<svg>\n  <script>x</script>\n</svg>".to_vec()),
        )
        .unwrap()
        .to_string();
        assert!(error.contains("static/a.svg:2:3"), "{error}");
        assert!(error.contains("security.allow_active_files"), "{error}");
        let allowed = SecurityConfig {
            allow_active_files: true,
        };
        let none = active_problem(
            Path::new("a.svg"),
            "a.svg",
            Origin::Static,
            &allowed,
            || unreachable!("an allowed file is not read"),
        );
        assert!(none.is_none());
    }

    #[test]
    fn host_files_only_from_static() {
        let security = SecurityConfig {
            allow_active_files: true,
        };
        let read = || Ok(Vec::new());
        for name in ["_redirects", "cname", "sw.js"] {
            let problem = active_problem(name.as_ref(), name, Origin::Content, &security, read);
            assert!(problem.is_some(), "{name}");
            assert!(active_problem(name.as_ref(), name, Origin::Static, &security, read).is_none());
        }
        let nested = active_problem(
            "a/_redirects".as_ref(),
            "a/_redirects",
            Origin::Content,
            &security,
            read,
        );
        assert!(nested.is_none());
    }

    #[cfg(unix)]
    #[test]
    fn links_must_stay_inside_and_visible() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "x").unwrap();
        let site = tempfile::tempdir().unwrap();
        let root = site.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join(".git/config"), "token").unwrap();
        std::fs::write(root.join("real.txt"), "x").unwrap();
        let link = |name: &str, target: &Path| {
            std::os::unix::fs::symlink(target, root.join(name)).unwrap();
            root.join(name)
        };
        let out = link("out", &outside.path().join("secret"));
        let token = link("token", &root.join(".git/config"));
        let git = link("git", &root.join(".git"));
        let fine = link("fine", &root.join("real.txt"));
        let dangling = link("dangling", &root.join("nothing"));
        assert_eq!(check_link(&out, &root), Err(Refusal::Outside));
        assert!(matches!(check_link(&token, &root), Err(Refusal::Hidden(_))));
        assert!(matches!(
            check_link(&git.join("config"), &root),
            Err(Refusal::Hidden(_))
        ));
        assert!(matches!(
            check_link(&dangling, &root),
            Err(Refusal::Unresolved(_))
        ));
        assert_eq!(check_link(&fine, &root), Ok(()));
        assert_eq!(check_link(&root.join("real.txt"), &root), Ok(()));
    }
}
