//! The load stage: from files under `content/` to checked [`Article`]s.
//!
//! Input: the site root and its [`Config`]. Output: every article parsed and checked (in
//! parallel, one file per task), the other files to copy, and every error found, so a build can
//! report them all at once.

pub mod article;
pub mod front_matter;
pub mod identity;
pub mod intro;
pub mod language;
pub mod trust;
pub mod walk;

use std::hash::{BuildHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

pub use article::Article;
pub use intro::Intro;

use crate::config::{Config, display_root_path};
use crate::error::{Diagnostic, Error, Position};
use article::CheckInput;

/// What the load stage found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Articles that parsed, in path order (shared: the pipeline and its sites hold them).
    pub articles: Vec<Arc<Article>>,
    /// Non-Markdown files under `content/`, relative to the root.
    pub files: Vec<PathBuf>,
    /// Articles that did not load, in path order, each with every problem found in it.
    pub failed: Vec<(PathBuf, Vec<Error>)>,
    /// Edition intros (`content/editions/*.md`), loaded or with their problems, in path order.
    pub intros: Vec<(PathBuf, Result<Intro, Vec<Error>>)>,
    /// Things skipped that the user should know about.
    pub warnings: Vec<String>,
}

/// Loads every article under `root/content/`.
pub fn load(root: &Path, config: &Config) -> Loaded {
    load_with(root, config, |article| (Arc::new(article), ())).0
}

/// [`load`], handing each article, body and all, to `finish` on the core that read it: `finish`
/// returns the article as the caller keeps it (a single build drops the body once it has
/// rendered the Markdown, so it holds metadata, not text) and what else it made of it, one for
/// each of [`Loaded::articles`], in their order.
pub fn load_with<R: Send>(
    root: &Path,
    config: &Config,
    finish: impl Fn(Article) -> (Arc<Article>, R) + Sync,
) -> (Loaded, Vec<R>) {
    let mut found = walk::walk(root, "content");
    // Intros are Markdown but not articles: they are read on their own.
    let (intros, articles) = found.articles.into_iter().partition(|p| intro::is_intro(p));
    found.articles = articles;
    let intros: Vec<PathBuf> = intros;
    crate::memory::fit_to_build(found.articles.len());
    let results: Vec<_> = found
        .articles
        .par_iter()
        .with_max_len(crate::MAX_ITEMS_PER_TASK)
        // Each article goes behind its `Arc` here, on the core that read it: moved there later,
        // every article would be copied on one core, into memory first touched there.
        .map(|path| {
            let loaded = load_article(root, path, config);
            loaded.map(|article| article.map(&finish))
        })
        .collect();
    let mut loaded = Loaded {
        intros: intros
            .into_iter()
            .filter_map(|path| Some((path.clone(), load_intro(root, &path)?)))
            .collect(),
        files: found.files,
        warnings: found.warnings,
        ..Loaded::default()
    };
    for (path, why) in found.unreadable {
        let message = format!("cannot read `{}`: {why}", path.display());
        let diagnostic = Diagnostic::file(display_root_path(root, &path), message)
            .with_help("give newsprint read access, or move it out of content/");
        loaded.failed.push((path, vec![diagnostic.into()]));
    }
    let mut made = Vec::new();
    for (path, result) in found.articles.iter().zip(results) {
        match result {
            Ok(Some((article, extra))) => {
                loaded.articles.push(article);
                made.push(extra);
            }
            Ok(None) => loaded.warnings.push(format!(
                "skipping `{}`: it disappeared while the site was read",
                path.display()
            )),
            Err(errors) => loaded.failed.push((path.clone(), errors)),
        }
    }
    (loaded, made)
}

/// Reads and checks one article. `Ok(None)` means the file no longer exists.
pub fn load_article(
    root: &Path,
    path: &Path,
    config: &Config,
) -> Result<Option<Article>, Vec<Error>> {
    let display_path = display_root_path(root, path);
    let bytes = match read_limited(&root.join(path), MAX_ARTICLE_BYTES) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(vec![Error::read(&display_path, error)]),
    };
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        let message = format!(
            "the file is larger than {} MiB: an article must be smaller (link to large data as a file beside it)",
            MAX_ARTICLE_BYTES >> 20
        );
        return Err(vec![Diagnostic::file(&display_path, message).into()]);
    }
    let version = hash_bytes(&bytes);
    let mut text = decode(&display_path, bytes).map_err(|error| vec![error])?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    parse_article(path, &display_path, text, version, config).map(Some)
}

/// The body of an article loaded without it ([`load_with`]), read from its file again.
/// Fails when the file changed since: the site would mix two versions of it.
pub fn reread_body(root: &Path, article: &Article) -> Result<String, Vec<Error>> {
    let display_path = &article.display_path;
    let bytes = read_limited(&root.join(&article.path), MAX_ARTICLE_BYTES)
        .map_err(|error| vec![Error::read(display_path, error)])?;
    if hash_bytes(&bytes) != article.version {
        let message = "the file changed while the site was being built: build again";
        return Err(vec![Diagnostic::file(display_path, message).into()]);
    }
    let mut text = decode(display_path, bytes).map_err(|error| vec![error])?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    let split = front_matter::split(display_path, &text).map_err(|error| vec![error])?;
    let body_start = text.len() - split.body.len();
    text.drain(..body_start);
    Ok(text)
}

/// Reads one edition intro; `None` means the file no longer exists.
pub fn load_intro(root: &Path, path: &Path) -> Option<Result<Intro, Vec<Error>>> {
    let display_path = display_root_path(root, path);
    let bytes = match read_limited(&root.join(path), MAX_ARTICLE_BYTES) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return None,
        Err(error) => return Some(Err(vec![Error::read(&display_path, error)])),
    };
    let version = hash_bytes(&bytes);
    Some(
        decode(&display_path, bytes)
            .map_err(|error| vec![error])
            .and_then(|text| intro::parse_intro(path, &display_path, &text, version)),
    )
}

/// The largest article file read. A 50 MB article builds (in about 6 s and 1 GB of memory), but
/// every feed repeats it, so it makes half a gigabyte of output; no news article is this long.
pub const MAX_ARTICLE_BYTES: u64 = 10 << 20;

/// Reads at most `limit + 1` bytes of a file, so an oversized one is known without reading it all.
fn read_limited(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    // Sized from the file's length, the buffer is filled by one read and never regrows (growing
    // from empty costs reallocations, probe reads and page faults on every article).
    let expected = file.metadata().map_or(0, |m| m.len()).min(limit + 1);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0) + 1);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Parses the text of one article file. The article's body keeps the file's buffer.
pub fn parse_article(
    path: &Path,
    display_path: &Path,
    mut text: String,
    version: u64,
    config: &Config,
) -> Result<Article, Vec<Error>> {
    let split = front_matter::split(display_path, &text).map_err(|error| vec![error])?;
    let body_start = text.len() - split.body.len();
    let front = front_matter::parse(display_path, &text, split.yaml_line, split.yaml)
        .map_err(|error| vec![error])?;
    let input = CheckInput {
        path,
        display_path,
        text: &text,
        yaml_line: split.yaml_line,
        yaml: split.yaml,
        body_line: split.body_line,
        version,
    };
    let mut article = article::check(front, &input, config)?;
    // The body moves to the front of the buffer it was read into: copied into a new one, every
    // body would be fresh memory to fault in.
    text.drain(..body_start);
    article.body = text;
    Ok(article)
}

/// The file's text, or what makes it not UTF-8, at its place.
fn decode(display_path: &Path, bytes: Vec<u8>) -> Result<String, Error> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::file(display_path, "the file is UTF-16: save it as UTF-8").into());
    }
    String::from_utf8(bytes).map_err(|error| {
        let bytes = error.as_bytes();
        let valid = &bytes[..error.utf8_error().valid_up_to()];
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
    let mut hasher = fingerprint_hasher();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// The hasher for fingerprints: fast (they cover every byte of every article on each build) and
/// seeded the same in every process, so equal inputs always give equal fingerprints.
pub fn fingerprint_hasher() -> impl Hasher {
    ahash::RandomState::with_seeds(0x6e65, 0x7773, 0x7072, 0x696e).build_hasher()
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
        parse_article(path, path, text.to_string(), 0, &config())
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
        let error = decode(Path::new("a.md"), b"---\ntitle: caf\xe9\n".to_vec()).unwrap_err();
        assert!(error.to_string().contains("a.md:2:11"), "{error}");
        let error = decode(Path::new("a.md"), b"\xff\xfe-\0-\0".to_vec()).unwrap_err();
        assert!(error.to_string().contains("UTF-16"), "{error}");
    }

    #[test]
    fn too_many_tags_are_refused() {
        let tags: Vec<String> = (0..10_000).map(|i| format!("tag{i}")).collect();
        let text = format!(
            "---\ntitle: A\ndate: 2025-03-16\ntags: [{}]\n---\nBody\n",
            tags.join(", ")
        );
        let errors = parse(&text).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        let shown = errors[0].to_string();
        assert!(shown.contains("the article has 10000 tags: at most 100 are allowed"));
        assert!(
            shown.contains("content/2025/03/talks.md:4:7"),
            "{}",
            &shown[..200]
        );
        let text = text
            .replace(&tags[100..].join(", "), "")
            .replace(", ]", "]");
        assert_eq!(parse(&text).unwrap().tags.len(), 100);
    }

    #[test]
    fn a_missing_file_is_none_and_an_oversized_one_an_error() {
        let site = tempfile::tempdir().unwrap();
        let path = Path::new("content/a.md");
        assert!(matches!(
            load_article(site.path(), path, &config()),
            Ok(None)
        ));
        std::fs::create_dir_all(site.path().join("content")).unwrap();
        let file = std::fs::File::create(site.path().join(path)).unwrap();
        file.set_len(MAX_ARTICLE_BYTES + 1).unwrap();
        let errors = load_article(site.path(), path, &config()).unwrap_err();
        assert!(
            errors[0].to_string().contains("larger than 10 MiB"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn a_loaded_article_keeps_its_body_after_a_byte_order_mark() {
        let site = tempfile::tempdir().unwrap();
        let text = "\u{feff}---\ntitle: A\ndate: 2025-03-16\n---\n\nBody, “quoted”.\n";
        std::fs::create_dir_all(site.path().join("content")).unwrap();
        std::fs::write(site.path().join("content/a.md"), text).unwrap();
        let article = load_article(site.path(), Path::new("content/a.md"), &config())
            .unwrap()
            .unwrap();
        assert_eq!(article.title, "A");
        assert_eq!(article.body, "\nBody, “quoted”.\n");
        assert_eq!(article.body_line, 5);
    }

    #[test]
    fn bom_and_crlf_are_fine() {
        let path = Path::new("content/a.md");
        let text = "---\r\ntitle: A\r\ndate: 2025-03-16\r\n---\r\nBody\r\n";
        let article = parse_article(path, path, text.to_string(), 0, &config()).unwrap();
        assert_eq!(article.date.rfc3339(), "2025-03-16T00:00:00+02:00");
    }
}
