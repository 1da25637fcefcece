//! An article's identity beyond its URL: old URLs that redirect to it (`aliases:`) and a
//! pinned feed id (`id:`). Pure checks, no I/O.
//!
//! Input: the values as written in front matter. Output: each alias as the output path of its
//! redirect page (`/2025/03/old-slug/` → `2025/03/old-slug/index.html`), and the id as feeds
//! print it, or a message saying what is wrong.

/// The output file of the redirect page at `alias`, a path in the site: `/2025/03/old/` and
/// `2025/03/old` give `2025/03/old/index.html`, `/old.html` gives `old.html`.
pub fn alias_output_path(alias: &str) -> Result<String, String> {
    let trimmed = alias.trim();
    if crate::url::starts_with_scheme(trimmed) || trimmed.starts_with("//") {
        return Err(format!(
            "invalid alias `{}`: expected a path in the site such as /2025/03/old-slug/",
            trimmed.escape_debug()
        ));
    }
    let path = trimmed.trim_start_matches('/');
    let file = path.ends_with(".html") || path.ends_with(".htm");
    let folder = path.trim_end_matches('/');
    if folder.is_empty() {
        return Err("an alias cannot be the home page `/`".into());
    }
    for segment in folder.split('/') {
        let bad = segment.is_empty()
            || segment == "."
            || segment == ".."
            || segment.starts_with('.')
            || segment
                .chars()
                .any(|c| c.is_control() || c.is_whitespace() || "\\?#%:\"<>|*".contains(c));
        if bad {
            return Err(format!(
                "invalid alias `{}`: `{}` is not a plain folder or file name",
                trimmed.escape_debug(),
                segment.escape_debug()
            ));
        }
    }
    Ok(if file {
        folder.to_string()
    } else {
        format!("{folder}/index.html")
    })
}

/// The feed id for `id:` as written: kept as is when it is a URI (`https://…`, `urn:uuid:…`,
/// `tag:…`), else made one (`urn:newsprint:<id>`), as Atom requires an IRI.
pub fn feed_id(id: &str) -> Result<String, String> {
    let id = id.trim();
    if id.is_empty() || id.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(format!(
            "invalid id `{}`: expected one word without spaces, such as a URL or urn:uuid:…",
            id.escape_debug()
        ));
    }
    Ok(if crate::url::starts_with_scheme(id) {
        id.to_string()
    } else {
        format!("urn:newsprint:{id}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_become_output_paths() {
        assert_eq!(
            alias_output_path("/2025/03/old-slug/").unwrap(),
            "2025/03/old-slug/index.html"
        );
        assert_eq!(
            alias_output_path("2025/03/old").unwrap(),
            "2025/03/old/index.html"
        );
        assert_eq!(alias_output_path("/old.html").unwrap(), "old.html");
        for bad in [
            "/",
            "https://e.org/x/",
            "//e.org/x",
            "/a/../b/",
            "/a//b/",
            "/.git/x",
        ] {
            assert!(alias_output_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ids_are_uris() {
        assert_eq!(
            feed_id("https://e.org/2025/03/a/").unwrap(),
            "https://e.org/2025/03/a/"
        );
        assert_eq!(feed_id("talks-1").unwrap(), "urn:newsprint:talks-1");
        assert!(feed_id("two words").is_err() && feed_id(" ").is_err());
    }
}
