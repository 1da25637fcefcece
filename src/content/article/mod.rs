//! The article: checked front matter plus the Markdown body. Domain types only, no I/O.
//!
//! Input: the raw [`FrontMatter`] of one file. Output: an [`Article`] whose dates parse, whose
//! slug is one safe path segment and whose URL is known, or every problem found in it.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::front_matter::FrontMatter;
use crate::content::language::LanguageProblem;
use crate::date::Date;
use crate::error::{Diagnostic, Error};
use crate::url::translit::Scheme;
use crate::url::{PermalinkValues, slugify_in, starts_with_scheme};
use crate::yaml::locate_key;

/// The body line `newsprint new` writes; `newsprint check` warns while an article still holds it.
pub const PLACEHOLDER: &str = "Write the lede here.";

impl Article {
    /// The file line of the body's [`PLACEHOLDER`] line, if it is still there.
    pub fn placeholder_line(&self) -> Option<usize> {
        self.body
            .lines()
            .position(|line| line.trim() == PLACEHOLDER)
            .map(|index| self.body_line + index)
    }
}

/// One article, checked and ready for the Markdown stage.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file, relative to the site root: `content/2025/03/talks.md`.
    pub path: PathBuf,
    /// The file as named in messages.
    pub display_path: PathBuf,
    /// A hash of the file's bytes: equal versions render equal pages.
    pub version: u64,
    /// The headline.
    pub title: String,
    /// When it was published.
    pub date: Date,
    /// When it was last updated, if ever.
    pub updated: Option<Date>,
    /// Tag names as written (merged by slug later).
    pub tags: Vec<String>,
    /// The slug of each tag in `tags`, in the same order.
    pub tag_slugs: Vec<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// A summary set in front matter.
    pub summary: Option<String>,
    /// The last URL segment.
    pub slug: String,
    /// Whether it is a draft.
    pub draft: bool,
    /// Lead image as written: a URL or a path relative to the article.
    pub image: Option<String>,
    /// The lead image's alt text, caption and credit, as written.
    pub image_text: ImageText,
    /// The original report's URL.
    pub source: Option<String>,
    /// Free data for themes.
    pub extra: serde_json::Value,
    /// The edition set by hand with `edition:`; `None` groups the article by its date.
    pub edition: Option<String>,
    /// Where redirect pages to this article go: output paths (`2025/03/old/index.html`).
    pub aliases: Vec<String>,
    /// The pinned feed id (`id:`), as feeds print it; `None` uses the permalink.
    pub id: Option<String>,
    /// The article's folder in the output: `2025/03/talks/`, `uk/2025/03/talks/`.
    pub url_path: String,
    /// The folder the legacy transliteration gave the article, when
    /// `slugs.transliteration: national` moved it (it redirects to `url_path`).
    pub legacy_url_path: Option<String>,
    /// The article's language code (`en`, `uk`): the file name's suffix, `lang:`, or the
    /// site's default language.
    pub lang: String,
    /// Articles sharing this key are translations of one story (`translation_key:`, else the
    /// file's path without its language suffix).
    pub translation_key: String,
    /// The Markdown body.
    pub body: String,
    /// The file line the body starts on (for error positions).
    pub body_line: usize,
    /// The line of each front matter key that later stages may complain about.
    pub image_line: usize,
}

/// What front matter says about the lead image.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ImageText {
    /// `image_alt`.
    pub alt: Option<String>,
    /// `image_caption`.
    pub caption: Option<String>,
    /// `image_credit`.
    pub credit: Option<String>,
}

fn trimmed(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

/// Everything `check` needs besides the front matter.
pub struct CheckInput<'a> {
    /// The file relative to the site root.
    pub path: &'a Path,
    /// The file as named in messages.
    pub display_path: &'a Path,
    /// The whole file text.
    pub text: &'a str,
    /// The YAML's first line in the file.
    pub yaml_line: usize,
    /// The YAML text.
    pub yaml: &'a str,
    /// The body's first line in the file.
    pub body_line: usize,
    /// A hash of the file's bytes.
    pub version: u64,
}

/// Turns raw front matter into an [`Article`], reporting every problem at its line.
pub fn check(
    front: FrontMatter,
    input: &CheckInput<'_>,
    config: &Config,
) -> Result<Article, Vec<Error>> {
    let mut errors = Vec::new();
    let problem = |key: &str, message: String| -> Error {
        let (position, width) = locate_key(input.yaml, input.yaml_line - 1, key);
        Diagnostic::at(input.display_path, input.text, position, width, message).into()
    };

    let title = front.title.trim().to_string();
    if title.is_empty() {
        errors.push(problem(
            "title",
            "the title is empty: expected a headline".into(),
        ));
    }
    let date = match Date::parse(&front.date, &config.timezone) {
        Ok(date) => Some(date),
        Err(why) => {
            errors.push(problem("date", why));
            None
        }
    };
    let updated = match front
        .updated
        .as_deref()
        .map(|text| Date::parse(text, &config.timezone))
    {
        Some(Ok(date)) => Some(date),
        Some(Err(why)) => {
            errors.push(problem("updated", why));
            None
        }
        None => None,
    };

    let language = super::language::article_language(
        input.path,
        front.lang.as_deref(),
        front.translation_key.as_deref(),
        config,
    )
    .map_err(|problem_found| match problem_found {
        LanguageProblem::Key(why) => errors.push(problem("lang", why)),
        LanguageProblem::FileName(why) => {
            errors.push(Diagnostic::file(input.display_path, why).into())
        }
    })
    .ok();
    // Slugs by the language's national standard, except the default language's under
    // `slugs.transliteration: legacy` (the default), whose URLs stay as they always were.
    let scheme = language
        .as_ref()
        .map_or(Scheme::Legacy, |l| config.slug_scheme(&l.code));
    let mut tags: Vec<String> = Vec::new();
    let mut tag_slugs: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let tag_count = front.tags.0.len();
    if tag_count > MAX_TAGS {
        // Each tag page lists the article with all its tags: tags × tags links.
        errors.push(problem(
            "tags",
            format!("the article has {tag_count} tags: at most {MAX_TAGS} are allowed"),
        ));
    }
    for tag in front.tags.0.into_iter().take(MAX_TAGS) {
        let tag = tag.trim().to_string();
        let slug = slugify_in(&tag, scheme);
        if slug.is_empty() {
            errors.push(problem(
                "tags",
                format!("tag `{tag}` has no letter or digit to make its URL from"),
            ));
        } else if seen.insert(slug.clone()) {
            tags.push(tag);
            tag_slugs.push(slug);
        }
    }

    let mut authors: Vec<String> = front
        .authors
        .0
        .into_iter()
        .map(|a| a.trim().to_string())
        .collect();
    if let Some(author) = front.author {
        authors.insert(0, author.trim().to_string());
    }
    authors.retain(|a| !a.is_empty());
    authors.dedup();
    if authors.is_empty() && !config.author.is_empty() {
        authors.push(config.author.clone());
    }

    let stem = language.as_ref().map_or("", |l| l.stem.as_str());
    let slug = match &front.slug {
        Some(slug) => check_slug(slug).map_err(|why| problem("slug", why)),
        None => default_slug(stem, &title, scheme).ok_or_else(|| {
            problem(
                "title",
                "cannot make a URL from the file name or the title: add `slug:`".into(),
            )
        }),
    };
    let slug = slug.map_err(|error| errors.push(error)).ok();
    // The slug the legacy scheme gave a default-language article before
    // `slugs.transliteration: national`, so its old URL can redirect to the new one.
    let legacy_slug = match (&front.slug, &language, scheme) {
        (None, Some(l), Scheme::Ukrainian | Scheme::Russian)
            if config.language_index(&l.code) == Some(0) =>
        {
            default_slug(stem, &title, Scheme::Legacy)
        }
        _ => None,
    };

    let source = front
        .source
        .map(|s| web_url_as_written(&s))
        .filter(|s| !s.is_empty());
    if let Some(source) = &source
        && !is_web_url(source)
    {
        errors.push(problem(
            "source",
            format!("invalid source `{source}`: expected an http:// or https:// URL"),
        ));
    }
    let image = front
        .image
        .map(|s| web_url_as_written(&s))
        .filter(|s| !s.is_empty());
    if let Some(image) = &image
        && starts_with_scheme(image)
        && !is_web_url(image)
    {
        // `javascript:` or `data:` would land in `<img src>`, `og:image` and the feeds.
        errors.push(problem(
            "image",
            format!(
                "invalid image `{}`: expected an http:// or https:// URL or a file beside the article",
                image.escape_debug()
            ),
        ));
    }
    let extra = front
        .extra
        .unwrap_or(serde_json::Value::Object(Default::default()));
    if !extra.is_object() {
        errors.push(problem(
            "extra",
            "extra must be a map, e.g. `extra: {location: Kyiv}`".into(),
        ));
    }

    let edition = match front.edition.as_deref().map(check_slug) {
        Some(Ok(edition)) => Some(edition),
        Some(Err(why)) => {
            errors.push(problem("edition", why.replace("slug", "edition")));
            None
        }
        None => None,
    };

    let mut aliases = Vec::new();
    for alias in &front.aliases.0 {
        match super::identity::alias_output_path(alias) {
            Ok(path) if !aliases.contains(&path) => aliases.push(path),
            Ok(_) => {}
            Err(why) => errors.push(problem("aliases", why)),
        }
    }
    let id = match front.id.as_deref().map(super::identity::feed_id) {
        Some(Ok(id)) => Some(id),
        Some(Err(why)) => {
            errors.push(problem("id", why));
            None
        }
        None => None,
    };

    let (Some(date), Some(slug), Some(language), true) = (date, slug, language, errors.is_empty())
    else {
        return Err(errors);
    };
    let (year, month, day) = date.ymd();
    let mut url_path = config.permalink.render(PermalinkValues {
        year,
        month,
        day,
        slug: &slug,
    });
    // Other languages live under `/<code>/`; the default keeps the root, as before.
    if let Some(index) = config.language_index(&language.code) {
        url_path.insert_str(0, &config.language_folder(index));
    }
    // Kept for the whole build: no spare capacity (the permalink's writer reserves some).
    url_path.shrink_to_fit();
    tags.shrink_to_fit();
    tag_slugs.shrink_to_fit();
    authors.shrink_to_fit();
    let legacy_url_path = legacy_slug.filter(|old| *old != slug).map(|old| {
        config.permalink.render(PermalinkValues {
            year,
            month,
            day,
            slug: &old,
        })
    });
    Ok(Article {
        path: input.path.to_path_buf(),
        display_path: input.display_path.to_path_buf(),
        version: input.version,
        title,
        date,
        updated,
        tags,
        tag_slugs,
        authors,
        summary: front
            .summary
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        slug,
        draft: front.draft,
        image,
        image_text: ImageText {
            alt: trimmed(front.image_alt),
            caption: trimmed(front.image_caption),
            credit: trimmed(front.image_credit),
        },
        source,
        extra,
        edition,
        aliases,
        id,
        url_path,
        legacy_url_path,
        lang: language.code,
        translation_key: language.translation_key,
        // Moved in by `parse_article`, without a copy.
        body: String::new(),
        body_line: input.body_line,
        image_line: locate_key(input.yaml, input.yaml_line - 1, "image").0.line,
    })
}

impl Article {
    /// When the article last changed: its update, or its publication when never updated.
    pub fn last_change(&self) -> &Date {
        self.updated.as_ref().unwrap_or(&self.date)
    }
}

/// A front matter URL made safe to print in any format: `//host/x` becomes `https://host/x`
/// (a page read from a file or a feed reader has no scheme to borrow), and the characters
/// that could end an attribute or a JSON string or split the URL (`"`, `<`, `>`, `` ` ``,
/// space) are percent-encoded, so every format carries the same URL.
pub fn web_url_as_written(text: &str) -> String {
    let text = text.trim();
    let mut url = String::with_capacity(text.len() + 8);
    if text.starts_with("//") && !text.starts_with("///") {
        url.push_str("https:");
    }
    for c in text.chars() {
        match c {
            '"' | '<' | '>' | '`' | ' ' => url.push_str(&format!("%{:02X}", c as u32)),
            c => url.push(c),
        }
    }
    url
}

/// Whether `text` is an absolute http(s) URL (the scheme in any case, as URLs allow).
pub fn is_web_url(text: &str) -> bool {
    let starts_with = |prefix: &str| {
        text.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    };
    (starts_with("https://") || starts_with("http://"))
        && text.len() > "https://".len()
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The most tags one article may carry.
pub const MAX_TAGS: usize = 100;

/// The longest slug we accept: file systems limit names to 255 bytes.
const MAX_SLUG_BYTES: usize = 200;

/// Checks a slug written in front matter: one URL segment that is safe as a folder name.
pub fn check_slug(slug: &str) -> Result<String, String> {
    let slug = slug.trim();
    if slug.is_empty() {
        return Err(
            "the slug is empty: remove `slug:` or give it a value like `talks-in-riyadh`".into(),
        );
    }
    if slug.len() > MAX_SLUG_BYTES {
        return Err(format!(
            "the slug is {} bytes long: at most {MAX_SLUG_BYTES} are allowed",
            slug.len()
        ));
    }
    if slug.starts_with('.') {
        return Err(format!(
            "invalid slug `{}`: it cannot start with `.`",
            slug.escape_debug()
        ));
    }
    if let Some(bad) = slug
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!(
            "invalid slug `{}`: `{}` is not allowed; use letters a-z, digits, `-`, `_` and `.` (one URL segment)",
            slug.escape_debug(),
            bad.escape_debug()
        ));
    }
    Ok(slug.to_string())
}

/// The slug of an article without `slug:`: its file name (`stem`, without any language
/// suffix), or else its title.
fn default_slug(stem: &str, title: &str, scheme: Scheme) -> Option<String> {
    [slugify_in(stem, scheme), slugify_in(title, scheme)]
        .into_iter()
        .find(|s| !s.is_empty())
}

#[cfg(test)]
mod props;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_that_escape_are_refused() {
        for bad in [
            "../etc",
            "a/b",
            "a\\b",
            "a\0b",
            ".hidden",
            "",
            "ümlaut",
            &"a".repeat(256),
        ] {
            assert!(check_slug(bad).is_err(), "{bad:?} should be refused");
        }
        assert_eq!(check_slug("talks-in-riyadh").unwrap(), "talks-in-riyadh");
        assert_eq!(check_slug("v1.2_final").unwrap(), "v1.2_final");
    }

    #[test]
    fn default_slug_prefers_file_name() {
        assert_eq!(
            default_slug("Talks Resume", "X", Scheme::Legacy).unwrap(),
            "talks-resume"
        );
        assert_eq!(
            default_slug("---", "Санкции", Scheme::Legacy).unwrap(),
            "sanktsii"
        );
        assert_eq!(default_slug("---", "!!!", Scheme::Legacy), None);
    }

    #[test]
    fn images_are_web_urls_or_files() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "vbscript:x",
            "file:///etc/passwd",
        ] {
            assert!(starts_with_scheme(bad) && !is_web_url(bad), "{bad:?}");
        }
        for good in [
            "map.png",
            "../02/map.png",
            "img/a:b.png",
            "https://e.org/a.png",
            "//e.org/a.png",
        ] {
            assert!(!starts_with_scheme(good) || is_web_url(good), "{good:?}");
        }
    }

    #[test]
    fn web_urls_only() {
        assert!(is_web_url("https://example.org/a"));
        assert!(is_web_url("HTTPS://example.org/a.png"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("https://"));
    }
}
