//! From a request path to a file of the output, and never to any other file.
//!
//! Input: the path part of a request URL (after the site's base path) and the output folder.
//! Output: the file to send, a folder to redirect to, or nothing. The checks run in this order:
//! percent-decoding first (so `%2e%2e` is seen as `..`), then refusing `..` and `.` segments,
//! backslashes, NUL, empty segments and anything absolute, then resolving symbolic links and
//! checking that the result is still inside the output folder as resolved.

use std::fs;
use std::path::{Component, Path, PathBuf};

/// What a request path leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A file inside the output (canonical path).
    File(PathBuf),
    /// A folder asked for without its trailing `/`: redirect there.
    Folder,
    /// Nothing that may be served.
    Missing,
}

pub use crate::url::percent_decode;

/// The decoded path inside the output as a relative path, or `None` if it could name anything
/// outside it. `""` (the folder itself) is allowed; a trailing `/` is allowed.
pub fn safe_relative(decoded: &str) -> Option<PathBuf> {
    if decoded.contains(['\\', '\0']) || decoded.starts_with('/') {
        return None;
    }
    let inner = decoded.strip_suffix('/').unwrap_or(decoded);
    if inner.is_empty() {
        return Some(PathBuf::new());
    }
    let mut path = PathBuf::new();
    for segment in inner.split('/') {
        if segment.is_empty() || segment == "." || segment == ".." {
            return None;
        }
        path.push(segment);
    }
    // Belt and braces: on any platform, only plain names (no `C:`, no root) may remain.
    path.components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then_some(path)
}

/// Finds what `relative` (from [`safe_relative`]) names inside `output`. `wants_folder` is
/// whether the request ended in `/`, which serves the folder's `index.html`.
pub fn resolve(output: &Path, relative: &Path, wants_folder: bool) -> Resolved {
    let Ok(base) = output.canonicalize() else {
        return Resolved::Missing;
    };
    let mut candidate = base.join(relative);
    if wants_folder || relative.as_os_str().is_empty() {
        candidate.push("index.html");
    }
    // Resolving links before the check is what keeps a symbolic link from leading out.
    let Ok(real) = candidate.canonicalize() else {
        return Resolved::Missing;
    };
    if !real.starts_with(&base) {
        return Resolved::Missing;
    }
    match fs::metadata(&real) {
        Ok(meta) if meta.is_file() => Resolved::File(real),
        Ok(meta) if meta.is_dir() && !wants_folder => Resolved::Folder,
        _ => Resolved::Missing,
    }
}

/// The `Content-Type` for a file, by its name.
pub fn content_type(path: &Path) -> &'static str {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match name.as_str() {
        "atom.xml" => return "application/atom+xml; charset=utf-8",
        "rss.xml" => return "application/rss+xml; charset=utf-8",
        "feed.json" => return "application/feed+json; charset=utf-8",
        _ => {}
    }
    let extension = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match extension {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Whether a file is an HTML page (which gets the live-reload script).
pub fn is_html(path: &Path) -> bool {
    content_type(path).starts_with("text/html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        assert_eq!(percent_decode("a%20b").as_deref(), Some("a b"));
        assert_eq!(percent_decode("%2e%2E/x").as_deref(), Some("../x"));
        assert_eq!(percent_decode("%D0%A1").as_deref(), Some("С"));
        for bad in ["%", "%2", "%zz", "%ff"] {
            assert_eq!(percent_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn unsafe_paths_are_refused() {
        for bad in [
            "..",
            "../etc/passwd",
            "a/../../b",
            "a/./b",
            ".",
            "/etc/passwd",
            "a//b",
            "a\\b",
            "a\0b",
            "a/..",
        ] {
            assert_eq!(safe_relative(bad), None, "{bad:?}");
        }
        assert_eq!(safe_relative(""), Some(PathBuf::new()));
        assert_eq!(safe_relative("tags/"), Some(PathBuf::from("tags")));
        assert_eq!(
            safe_relative("2025/03/a/index.html"),
            Some(PathBuf::from("2025/03/a/index.html"))
        );
        assert_eq!(
            safe_relative(".well-known/x"),
            Some(PathBuf::from(".well-known/x"))
        );
    }

    #[test]
    fn resolves_files_folders_and_misses() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir_all(out.join("tags")).unwrap();
        fs::write(out.join("index.html"), "home").unwrap();
        fs::write(out.join("tags/index.html"), "tags").unwrap();
        let real = out.canonicalize().unwrap();
        assert_eq!(
            resolve(&out, Path::new(""), true),
            Resolved::File(real.join("index.html"))
        );
        assert_eq!(
            resolve(&out, Path::new("tags"), true),
            Resolved::File(real.join("tags/index.html"))
        );
        assert_eq!(resolve(&out, Path::new("tags"), false), Resolved::Folder);
        assert_eq!(
            resolve(&out, Path::new("nope.html"), false),
            Resolved::Missing
        );
        assert_eq!(
            resolve(&out, Path::new("index.html"), true),
            Resolved::Missing
        );
        assert_eq!(
            resolve(&dir.path().join("unbuilt"), Path::new(""), true),
            Resolved::Missing
        );
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_cannot_lead_out() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir_all(&out).unwrap();
        fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), out.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(dir.path(), out.join("up")).unwrap();
        assert_eq!(
            resolve(&out, Path::new("leak.txt"), false),
            Resolved::Missing
        );
        assert_eq!(
            resolve(&out, Path::new("up/secret.txt"), false),
            Resolved::Missing
        );
        assert_eq!(resolve(&out, Path::new("up"), false), Resolved::Missing);
    }

    #[test]
    fn content_types() {
        let cases = [
            ("index.html", "text/html; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("app.js", "text/javascript; charset=utf-8"),
            ("atom.xml", "application/atom+xml; charset=utf-8"),
            ("tags/x/rss.xml", "application/rss+xml; charset=utf-8"),
            ("sitemap.xml", "application/xml; charset=utf-8"),
            ("feed.json", "application/feed+json; charset=utf-8"),
            ("data.json", "application/json; charset=utf-8"),
            ("map.SVG", "image/svg+xml"),
            ("a.png", "image/png"),
            ("a.jpeg", "image/jpeg"),
            ("a.gif", "image/gif"),
            ("a.webp", "image/webp"),
            ("favicon.ico", "image/x-icon"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("f.woff2", "font/woff2"),
            ("r.pdf", "application/pdf"),
            ("CNAME", "application/octet-stream"),
        ];
        for (name, expected) in cases {
            assert_eq!(content_type(Path::new(name)), expected, "{name}");
        }
        assert!(is_html(Path::new("a/index.html")));
    }
}
