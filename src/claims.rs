//! Output path claims: every file of the output belongs to exactly one source.
//!
//! Input: every path the output will hold, each with who claims it: a page newsprint generates,
//! an article, a site file, a theme file. Output: an error for each claim that cannot stand, naming
//! both sources: two claims on one path, a file where another claim needs a folder, a source
//! inside a folder newsprint reserves for its own pages ([`RESERVED_FOLDERS`]), two paths that
//! differ only in case (one file on macOS and Windows checkouts of a Pages repository), and names
//! Windows cannot hold (`CON`, `nul.txt`, a trailing dot or space).
//!
//! A new page kind claims its pages through the render plan, and a folder it owns through
//! [`RESERVED_FOLDERS`]; nothing else needs to learn about it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use crate::error::{Diagnostic, Error};

/// Folders whose every path is newsprint's, with what lives there. An article or file may not
/// publish into them even where no page of that name exists yet.
pub const RESERVED_FOLDERS: &[(&str, &str)] = &[
    ("tags/", "the tag pages"),
    ("page/", "the home page's later pages"),
    (crate::site::editions::EDITIONS_FOLDER, "the edition pages"),
    (crate::site::authors::AUTHORS_FOLDER, "the author pages"),
    (crate::site::archive::ARCHIVE_FOLDER, "the date archives"),
    ("search/", "the search page"),
    ("pagefind/", "the search index"),
];

/// Who puts a file at a path of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claimant<'a> {
    /// A page newsprint generates, described (`the Atom feed`).
    Generated(&'a str),
    /// An article's page; its file as shown to the user.
    Article(&'a Path),
    /// A file of the site copied as is (`content/…`, `static/…`, `themes/…`), as shown.
    File(&'a Path),
    /// A file of the built-in theme.
    BuiltIn,
}

impl Claimant<'_> {
    fn describe(&self) -> String {
        match self {
            Claimant::Generated(what) => format!("newsprint's {what}"),
            Claimant::Article(path) => format!("the article `{}`", path.display()),
            Claimant::File(path) => format!("the file `{}`", path.display()),
            Claimant::BuiltIn => "a file of the built-in theme".to_string(),
        }
    }

    /// The file the error is reported against: the user's, where there is one.
    fn path(&self) -> Option<&Path> {
        match self {
            Claimant::Article(path) | Claimant::File(path) => Some(path),
            Claimant::Generated(_) | Claimant::BuiltIn => None,
        }
    }

    fn is_newsprints(&self) -> bool {
        matches!(self, Claimant::Generated(_) | Claimant::BuiltIn)
    }
}

/// Checks every claim against the others; each problem once, naming both sides.
pub fn check<'a>(claims: &[(&'a str, Claimant<'a>)]) -> Vec<Error> {
    let mut errors = Vec::new();
    let mut files: HashMap<&str, Claimant> = HashMap::with_capacity(claims.len());
    for &(path, claimant) in claims {
        if let Some(first) = files.insert(path, claimant) {
            errors.push(conflict(Clash::Same(path), first, claimant));
        }
    }
    // Folded (lowercase) path or folder → its first spelling and claimant.
    let mut folded: HashMap<Cow<str>, (&str, Claimant)> = HashMap::with_capacity(claims.len());
    for &(path, claimant) in claims {
        if !claimant.is_newsprints() {
            if let Some((folder, what)) = RESERVED_FOLDERS.iter().find(|(f, _)| path.starts_with(f))
            {
                let message = format!(
                    "{} would publish `{path}`, inside `{folder}`, which newsprint keeps for {what}",
                    claimant.describe()
                );
                errors.push(reported(
                    claimant,
                    message,
                    "rename it, or move it to another folder",
                ));
            }
            if let Some(bad) = windows_trouble(path) {
                let message = format!(
                    "{} would publish `{path}`, a name Windows cannot hold ({bad}), so a Windows checkout of the published site breaks",
                    claimant.describe()
                );
                errors.push(reported(claimant, message, "rename it"));
            }
        }
        check_prefixes(path, claimant, &files, &mut folded, &mut errors);
    }
    errors
}

/// Checks `path` and each folder above it: no folder may be another claim's file, and no
/// spelling may differ from another's only in case.
fn check_prefixes<'a>(
    path: &'a str,
    claimant: Claimant<'a>,
    files: &HashMap<&str, Claimant<'a>>,
    folded: &mut HashMap<Cow<'a, str>, (&'a str, Claimant<'a>)>,
    errors: &mut Vec<Error>,
) {
    let mut end = path.len();
    loop {
        let prefix = &path[..end];
        if end < path.len()
            && let Some(&owner) = files.get(prefix)
        {
            let clash = Clash::Folder {
                path,
                folder: prefix,
            };
            errors.push(conflict(clash, owner, claimant));
        }
        // Most paths are lowercase already: fold only the others (no copy per page).
        let key = if prefix
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            Cow::Owned(prefix.to_lowercase())
        } else {
            Cow::Borrowed(prefix)
        };
        match folded.entry(key) {
            std::collections::hash_map::Entry::Occupied(seen) => {
                let (spelling, owner) = *seen.get();
                if spelling != prefix {
                    let clash = Clash::Case {
                        first: spelling,
                        second: prefix,
                    };
                    errors.push(conflict(clash, owner, claimant));
                }
                // The folders above were looked at when this one was first seen.
                if end < path.len() {
                    return;
                }
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert((prefix, claimant));
            }
        }
        match prefix.rfind('/') {
            Some(slash) => end = slash,
            None => return,
        }
    }
}

/// Why Windows cannot hold a name in `path`, if it cannot.
fn windows_trouble(path: &str) -> Option<String> {
    const DEVICES: &[&str] = &["CON", "PRN", "AUX", "NUL"];
    const SUPERSCRIPTS: &[&str] = &["¹", "²", "³"];
    for name in path.split('/').filter(|n| !n.is_empty()) {
        if name.ends_with('.') || name.ends_with(' ') {
            return Some(format!("`{name}` ends with a dot or a space"));
        }
        // Compared without allocating: this runs for every article.
        let stem = name.split('.').next().unwrap_or(name).trim_end();
        let device = DEVICES.iter().any(|d| stem.eq_ignore_ascii_case(d));
        let numbered = stem.len() >= 4
            && stem.is_char_boundary(3)
            && ["COM", "LPT"]
                .iter()
                .any(|p| stem[..3].eq_ignore_ascii_case(p))
            && (stem.len() == 4 && stem.as_bytes()[3].is_ascii_digit()
                || SUPERSCRIPTS.contains(&&stem[3..]));
        if device || numbered {
            return Some(format!("`{stem}` is a device name"));
        }
    }
    None
}

/// How two claims collide.
enum Clash<'a> {
    /// Both on `path`.
    Same(&'a str),
    /// The second's `path` needs `folder` to be a folder; the first puts a file there.
    Folder { path: &'a str, folder: &'a str },
    /// The first's `first` and the second's `second` differ only in case.
    Case { first: &'a str, second: &'a str },
}

/// An error about two claims, reported against the user's file of the two, naming both.
fn conflict(clash: Clash, first: Claimant, second: Claimant) -> Error {
    let (a, b) = (first.describe(), second.describe());
    let message = match clash {
        Clash::Same(path) if first.is_newsprints() => {
            format!("{b} would publish `{path}`, which is {a}")
        }
        Clash::Same(path) if second.is_newsprints() => {
            format!("{a} would publish `{path}`, which is {b}")
        }
        Clash::Same(path) => format!("{a} and {b} would both publish `{path}`"),
        Clash::Folder { path, folder } => format!(
            "{b} would publish `{path}`, which needs `{folder}` to be a folder, but that path is {a}"
        ),
        Clash::Case { first, second } => format!(
            "{a} would publish `{first}` and {b} would publish `{second}`, which differ only in case: on macOS and Windows checkouts (and hosts that ignore case) they are one path"
        ),
    };
    let help = if first.is_newsprints() || second.is_newsprints() {
        "newsprint writes that path itself: rename the file, or change the `slug:` or the `permalink` in config.yaml"
    } else {
        "give one of them another name (or another `slug:`)"
    };
    let user = if first.path().is_some() {
        first
    } else {
        second
    };
    reported(user, message, help)
}

fn reported(claimant: Claimant, message: String, help: &str) -> Error {
    let path = claimant.path().unwrap_or(Path::new("(output)"));
    Diagnostic::file(path, message).with_help(help).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(claims: &[(&str, Claimant)]) -> Vec<String> {
        check(claims).iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn distinct_paths_pass() {
        let a = Path::new("content/a.md");
        let claims = [
            ("index.html", Claimant::Generated("home page")),
            ("2025/03/a/index.html", Claimant::Article(a)),
            (
                "2025/03/a.png",
                Claimant::File(Path::new("content/2025/03/a.png")),
            ),
            ("tags/x/index.html", Claimant::Generated("tag page")),
            ("style.css", Claimant::BuiltIn),
        ];
        assert!(errors(&claims).is_empty(), "{:?}", errors(&claims));
    }

    #[test]
    fn a_file_where_a_folder_must_be() {
        let shown = errors(&[
            ("atom.xml", Claimant::Generated("Atom feed")),
            (
                "atom.xml/index.html",
                Claimant::Article(Path::new("content/f.md")),
            ),
        ]);
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert!(
            shown[0].contains("content/f.md") && shown[0].contains("Atom feed"),
            "{shown:?}"
        );
    }

    #[test]
    fn case_twins_reserved_folders_and_windows_names() {
        let shown = errors(&[
            (
                "2025/a.png",
                Claimant::File(Path::new("content/2025/a.png")),
            ),
            (
                "2025/A.png",
                Claimant::File(Path::new("content/2025/A.png")),
            ),
        ]);
        assert!(shown[0].contains("differ only in case"), "{shown:?}");
        let shown = errors(&[
            ("Tags/x/index.html", Claimant::Generated("tag page")),
            (
                "tags/y.png",
                Claimant::File(Path::new("content/tags/y.png")),
            ),
        ]);
        assert!(
            shown.iter().any(|e| e.contains("keeps for the tag pages")),
            "{shown:?}"
        );
        assert!(
            shown.iter().any(|e| e.contains("differ only in case")),
            "{shown:?}"
        );
        for bad in ["con", "a/NUL.txt", "com1.png", "Lpt9", "x. ", "dot."] {
            let claims = [(bad, Claimant::File(Path::new("content/x")))];
            assert!(
                errors(&claims).iter().any(|e| e.contains("Windows")),
                "{bad}"
            );
        }
        for fine in ["console.txt", "com10", "nullable", "a.b"] {
            let claims = [(fine, Claimant::File(Path::new("content/x")))];
            assert!(errors(&claims).is_empty(), "{fine}");
        }
    }
}
