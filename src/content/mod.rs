//! The load stage: from files under `content/` to checked [`Article`]s.
//!
//! Input: the site root and its [`Config`]. Output: every article parsed and checked (in
//! parallel, one file per task), the other files to copy, and every error found, so a build can
//! report them all at once.

pub mod article;
pub mod front_matter;
pub mod walk;

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use article::Article;

use crate::config::{Config, display_root_path};
use crate::error::{Diagnostic, Error, Position};
use article::CheckInput;
use front_matter::{FRONT_MATTER_KEYS, FrontMatter};

/// What the load stage found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Articles that parsed, in path order.
    pub articles: Vec<Article>,
    /// Non-Markdown files under `content/`, relative to the root.
    pub files: Vec<PathBuf>,
    /// Every problem, in path order.
    pub errors: Vec<Error>,
    /// Things skipped that the user should know about.
    pub warnings: Vec<String>,
}

/// Loads every article under `root/content/`.
pub fn load(root: &Path, config: &Config) -> Loaded {
    let found = walk::walk(root, "content");
    let results: Vec<_> = found
        .articles
        .par_iter()
        .map(|path| load_article(root, path, config))
        .collect();
    let mut loaded = Loaded {
        files: found.files,
        warnings: found.warnings,
        ..Loaded::default()
    };
    for (path, result) in found.articles.iter().zip(results) {
        match result {
            Ok(Some(article)) => loaded.articles.push(article),
            Ok(None) => loaded.warnings.push(format!(
                "skipping `{}`: it disappeared while the site was read",
                path.display()
            )),
            Err(errors) => loaded.errors.extend(errors),
        }
    }
    loaded
}

/// Reads and checks one article. `Ok(None)` means the file no longer exists.
pub fn load_article(
    root: &Path,
    path: &Path,
    config: &Config,
) -> Result<Option<Article>, Vec<Error>> {
    let display_path = display_root_path(root, path);
    let bytes = match std::fs::read(root.join(path)) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(vec![Error::read(&display_path, error)]),
    };
    let text = decode(&display_path, &bytes).map_err(|error| vec![error])?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse_article(path, &display_path, text, hash_bytes(&bytes), config).map(Some)
}

/// Parses the text of one article file.
pub fn parse_article(
    path: &Path,
    display_path: &Path,
    text: &str,
    version: u64,
    config: &Config,
) -> Result<Article, Vec<Error>> {
    let split = front_matter::split(display_path, text).map_err(|error| vec![error])?;
    let front: FrontMatter = front_matter::parse_yaml(
        display_path,
        text,
        split.yaml_line,
        split.yaml,
        FRONT_MATTER_KEYS,
    )
    .map_err(|error| vec![error])?;
    let input = CheckInput {
        path,
        display_path,
        text,
        yaml_line: split.yaml_line,
        yaml: split.yaml,
        body: split.body,
        body_line: split.body_line,
        version,
    };
    article::check(front, &input, config)
}

/// Checks that a file is UTF-8, naming the place where it is not.
fn decode<'a>(display_path: &Path, bytes: &'a [u8]) -> Result<&'a str, Error> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::file(display_path, "the file is UTF-16: save it as UTF-8").into());
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..]).chars().count() + 1;
        let lossy = String::from_utf8_lossy(bytes);
        Diagnostic::at(
            display_path,
            &lossy,
            Position { line, column },
            1,
            "the file is not valid UTF-8: expected UTF-8 text (was it saved as Latin-1 or Windows-1252?)",
        )
        .into()
    })
}

/// A fast, stable hash of a file's bytes, used to tell whether it changed.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;

    fn config() -> Config {
        Config::parse(
            Path::new("config.yaml"),
            "title: T\nbase_url: https://e.org/\ntimezone: Europe/Kyiv\n",
            &Overrides::default(),
        )
        .unwrap()
    }

    fn parse(text: &str) -> Result<Article, Vec<Error>> {
        let path = Path::new("content/2025/03/talks.md");
        parse_article(path, path, text, 0, &config())
    }

    #[test]
    fn parses_a_full_article() {
        let article = parse(
            "---\ntitle: Talks resume\ndate: 2025-03-16T18:00:00+02:00\ntags: [Russia, sanctions, Sanctions]\nauthor: Ann\n---\nBody\n",
        )
        .unwrap();
        assert_eq!(article.title, "Talks resume");
        assert_eq!(article.tags, vec!["Russia", "sanctions"]);
        assert_eq!(article.authors, vec!["Ann"]);
        assert_eq!(article.url_path, "2025/03/talks/");
        assert_eq!(article.body, "Body\n");
        assert_eq!(article.body_line, 7);
    }

    #[test]
    fn bad_date_points_at_value() {
        let errors = parse("---\ntitle: A\ndate: next Tuesday\n---\n").unwrap_err();
        let shown = errors[0].to_string();
        assert!(shown.contains("invalid date `next Tuesday`"), "{shown}");
        assert!(shown.contains("content/2025/03/talks.md:3:7"), "{shown}");
    }

    #[test]
    fn every_problem_in_a_file_is_reported() {
        let errors =
            parse("---\ntitle: A\ndate: soon\nupdated: later\nslug: ../x\n---\n").unwrap_err();
        assert_eq!(errors.len(), 3, "{errors:?}");
    }

    #[test]
    fn invalid_utf8_is_located() {
        let error = decode(Path::new("a.md"), b"---\ntitle: caf\xe9\n").unwrap_err();
        assert!(error.to_string().contains("a.md:2:11"), "{error}");
        let error = decode(Path::new("a.md"), b"\xff\xfe-\0-\0").unwrap_err();
        assert!(error.to_string().contains("UTF-16"), "{error}");
    }

    #[test]
    fn bom_and_crlf_are_fine() {
        let path = Path::new("content/a.md");
        let text = "---\r\ntitle: A\r\ndate: 2025-03-16\r\n---\r\nBody\r\n";
        let article = parse_article(path, path, text, 0, &config()).unwrap();
        assert_eq!(article.date.rfc3339(), "2025-03-16T00:00:00+02:00");
    }
}
