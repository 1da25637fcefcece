//! The site's `config.yaml`, read once and validated into a checked [`Config`].
//!
//! Input: the text of `config.yaml` (plus command-line overrides). Output: a `Config` whose base
//! URL, time zone and permalink are known to be usable, so later stages never re-check them.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Diagnostic, Error, Result};
use crate::url::{BaseUrl, Permalink};
use crate::yaml::{self, Schema, locate_key};

pub mod authors;
pub mod deploy;
mod editions;
mod related;
mod search;
pub use authors::{AUTHORS_FILE, Profile, Profiles};
pub use deploy::{DeployConfig, FeedContent};
pub use editions::{EditionsConfig, EmailConfig, EmailContent, Esp, Period};
mod languages;
pub use languages::{Language, SlugsConfig, Transliteration, is_language_code};
pub use related::RelatedConfig;
pub use search::SearchConfig;

/// The name of the config file at the site root.
pub const CONFIG_FILE: &str = "config.yaml";

/// The checked site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site's name, shown in the masthead and feeds.
    pub title: String,
    /// Where the site is published; every URL is built from it.
    pub base_url: BaseUrl,
    /// One line about the site.
    pub description: String,
    /// BCP 47 language tag, e.g. `en`.
    pub language: String,
    /// Time zone for plain dates (`2025-03-16`) and for grouping the home page by day.
    pub timezone: jiff::tz::TimeZone,
    /// The IANA name of `timezone`, for display.
    pub timezone_name: String,
    /// The theme folder under `themes/`.
    pub theme: String,
    /// The article URL pattern.
    pub permalink: Permalink,
    /// Articles per list page.
    pub paginate: usize,
    /// The most pages a home, tag or author list gets; the last one points at the date archive.
    /// `None`: no limit.
    pub paginate_max_pages: Option<usize>,
    /// Default byline for articles that name no author.
    pub author: String,
    /// Markdown options.
    pub markdown: MarkdownConfig,
    /// Feed options.
    pub feeds: FeedsConfig,
    /// Whether to write a Google News sitemap.
    pub news_sitemap: bool,
    /// A custom domain for GitHub Pages, written to `CNAME`.
    pub cname: Option<String>,
    /// The absolute URL of the site's social-card image (`og:image` where an article has no
    /// raster lead image of its own).
    pub image: Option<String>,
    /// How articles are grouped into editions.
    pub editions: EditionsConfig,
    /// What `newsprint email` puts in the sender, footer and headers.
    pub email: EmailConfig,
    /// Responsive image variants.
    pub images: ImagesConfig,
    /// What the site's own files may do.
    pub security: SecurityConfig,
    /// The languages besides `language`, each published under `/<code>/`; empty for a
    /// single-language site.
    pub languages: Vec<Language>,
    /// How slugs are romanized.
    pub slugs: SlugsConfig,
    /// Author profiles from `authors.yaml`, by name (empty without the file).
    pub authors: std::sync::Arc<Profiles>,
    /// How related articles are chosen.
    pub related: RelatedConfig,
    /// Whether `build` runs Pagefind.
    pub search: SearchConfig,
    /// The host limits a build warns about.
    pub deploy: DeployConfig,
}

/// Options for the resized variants of the site's raster images.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImagesConfig {
    /// The widths, in pixels, of the variants made of each JPEG or PNG wider than them.
    #[serde(default = "default_image_widths")]
    pub widths: Vec<u32>,
    /// JPEG quality of the variants, 1 to 100.
    #[serde(default = "default_image_quality")]
    pub quality: u8,
}

impl Default for ImagesConfig {
    fn default() -> Self {
        ImagesConfig {
            widths: default_image_widths(),
            quality: default_image_quality(),
        }
    }
}

fn default_image_widths() -> Vec<u32> {
    vec![400, 800, 1200]
}

fn default_image_quality() -> u8 {
    80
}

/// What the site's files may bring into the published site.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityConfig {
    /// Publish files that run script on the site's origin: `.html`, `.htm`, `.xhtml`, `.js` and
    /// `.mjs` files under `content/`, and SVGs with script in `content/` or `static/`.
    #[serde(default)]
    pub allow_active_files: bool,
}

/// Options for the Markdown stage.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// Let raw HTML in Markdown through instead of escaping it.
    #[serde(default)]
    pub unsafe_html: bool,
}

/// Options for the feeds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedsConfig {
    /// How many of the newest articles a feed holds.
    #[serde(default = "default_feed_limit")]
    pub limit: usize,
    /// Whether entries carry the full article, not only the summary.
    #[serde(default = "default_true")]
    pub full_content: bool,
    /// A wide image for the feeds (RSS channel `<image>`, Atom `<logo>`): a URL or a path under
    /// the output (`logo.png` from `static/`).
    #[serde(default)]
    pub logo: Option<String>,
    /// A small square image for the feeds (Atom `<icon>`, JSON Feed `icon`/`favicon`).
    #[serde(default)]
    pub icon: Option<String>,
    /// The most bytes one feed file may take: past it, entries carry their summary instead of
    /// the full article, and then the oldest entries are left out (never the newest).
    #[serde(default = "default_feed_max_bytes")]
    pub max_bytes: usize,
    /// How much of each article the tag and author feeds carry (the site's and the languages'
    /// feeds follow `full_content` alone).
    #[serde(default)]
    pub tag_content: FeedContent,
}

impl Default for FeedsConfig {
    fn default() -> Self {
        FeedsConfig {
            limit: default_feed_limit(),
            full_content: true,
            logo: None,
            icon: None,
            max_bytes: default_feed_max_bytes(),
            tag_content: FeedContent::default(),
        }
    }
}

fn default_feed_limit() -> usize {
    30
}

/// 1 MiB: thirty long articles in full, and what feed readers fetch without complaint (an
/// article with 100 tags is in 303 feeds: without a bound, a 10 MB article made 3 GB).
fn default_feed_max_bytes() -> usize {
    1 << 20
}

/// The smallest `feeds.max_bytes` accepted: room for a feed's own fields and one entry.
const MIN_FEED_BYTES: usize = 4096;

fn default_true() -> bool {
    true
}

/// `config.yaml` as written, before checking.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    base_url: String,
    #[serde(default)]
    description: String,
    #[serde(default = "default_language")]
    language: String,
    #[serde(default = "default_timezone")]
    timezone: String,
    #[serde(default = "default_theme")]
    theme: String,
    #[serde(default = "default_permalink")]
    permalink: String,
    #[serde(default = "default_paginate")]
    paginate: usize,
    #[serde(default = "deploy::default_paginate_max_pages")]
    paginate_max_pages: usize,
    #[serde(default)]
    author: String,
    #[serde(default)]
    markdown: MarkdownConfig,
    #[serde(default)]
    feeds: FeedsConfig,
    #[serde(default)]
    news_sitemap: bool,
    #[serde(default)]
    cname: Option<String>,
    #[serde(default)]
    image: Option<String>,
    #[serde(default)]
    editions: EditionsConfig,
    #[serde(default)]
    email: EmailConfig,
    #[serde(default)]
    images: ImagesConfig,
    #[serde(default)]
    security: SecurityConfig,
    #[serde(default)]
    languages: languages::RawLanguages,
    #[serde(default)]
    slugs: SlugsConfig,
    #[serde(default)]
    related: RelatedConfig,
    #[serde(default)]
    search: SearchConfig,
    #[serde(default)]
    deploy: DeployConfig,
}

/// The keys `config.yaml` accepts, for "did you mean" hints.
/// config.yaml for the YAML messages.
const SCHEMA: Schema = Schema {
    empty: "config.yaml is empty: expected at least `title` and `base_url`",
    ..Schema::new("config.yaml", CONFIG_KEYS)
};

const CONFIG_KEYS: &[&str] = &[
    "title",
    "base_url",
    "description",
    "language",
    "timezone",
    "theme",
    "permalink",
    "paginate",
    "paginate_max_pages",
    "author",
    "markdown",
    "feeds",
    "news_sitemap",
    "cname",
    "image",
    "editions",
    "email",
    "images",
    "security",
    "languages",
    "slugs",
    "related",
    "search",
    "deploy",
];

fn default_language() -> String {
    "en".into()
}
fn default_timezone() -> String {
    "UTC".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_permalink() -> String {
    "/:year/:month/:slug/".into()
}
fn default_paginate() -> usize {
    20
}

/// Command-line values that take precedence over `config.yaml`.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--base-url`.
    pub base_url: Option<String>,
}

impl Config {
    /// Reads and checks `<root>/config.yaml`.
    pub fn load(root: &Path, overrides: &Overrides) -> Result<Config> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|source| Error::read(&path, source))?;
        let mut config = Config::parse(&display_root_path(root, CONFIG_FILE), &text, overrides)?;
        config.authors =
            std::sync::Arc::new(authors::load(root, &display_root_path(root, AUTHORS_FILE))?);
        Ok(config)
    }

    /// Checks the text of a config file; `path` is only used in messages.
    pub fn parse(path: &Path, text: &str, overrides: &Overrides) -> Result<Config> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let raw: RawConfig = yaml::parse(path, text, 0, text, &SCHEMA)?;
        let problem = |key: &str, message: String| -> Error {
            let (position, width) = locate_key(text, 0, key);
            Diagnostic::at(path, text, position, width, message).into()
        };

        let base_url_text = overrides.base_url.as_deref().unwrap_or(&raw.base_url);
        let base_url = BaseUrl::parse(base_url_text).map_err(|why| match overrides.base_url {
            Some(_) => Error::Usage(format!("invalid --base-url `{base_url_text}`: {why}")),
            None => problem(
                "base_url",
                format!("invalid base_url `{base_url_text}`: {why}"),
            ),
        })?;
        // The zone data built into newsprint: the same on every machine, and looking it up does
        // not scan the system's zoneinfo folder (milliseconds on every start).
        let timezone = jiff::tz::TimeZoneDatabase::bundled().get(&raw.timezone).map_err(|_| {
            problem(
                "timezone",
                format!(
                    "unknown timezone `{}`: expected an IANA name such as `UTC` or `Europe/Kyiv`",
                    raw.timezone
                ),
            )
        })?;
        let permalink = Permalink::parse(&raw.permalink)
            .map_err(|why| problem("permalink", format!("invalid permalink: {why}")))?;
        if raw.paginate == 0 {
            return Err(problem("paginate", "paginate must be at least 1".into()));
        }
        if raw.title.trim().is_empty() {
            return Err(problem("title", "title must not be empty".into()));
        }
        if raw.feeds.limit == 0 {
            return Err(problem("feeds", "feeds.limit must be at least 1".into()));
        }
        if raw.feeds.max_bytes < MIN_FEED_BYTES {
            return Err(problem(
                "feeds",
                format!(
                    "feeds.max_bytes is {}: expected at least {MIN_FEED_BYTES} (bytes per feed file)",
                    raw.feeds.max_bytes
                ),
            ));
        }
        if !is_safe_theme_name(&raw.theme) {
            return Err(problem(
                "theme",
                format!(
                    "invalid theme `{}`: expected a folder name under themes/",
                    raw.theme
                ),
            ));
        }
        let cname = raw
            .cname
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty());
        if let Some(cname) = &cname
            && !cname
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        {
            return Err(problem(
                "cname",
                format!("invalid cname `{cname}`: expected a domain such as news.example.org"),
            ));
        }

        // `//host/card.png` and quotes or spaces land as they do for an article's `image:`.
        let image = raw
            .image
            .map(|i| crate::content::article::web_url_as_written(&i))
            .filter(|i| !i.is_empty());
        if let Some(image) = &image
            && !is_raster_image(image)
        {
            return Err(problem(
                "image",
                format!(
                    "invalid image `{image}`: social networks need a PNG, JPEG, GIF or WebP, not SVG"
                ),
            ));
        }
        let image = image.map(|image| {
            if image.starts_with("https://") || image.starts_with("http://") {
                image
            } else {
                // `card.png` and `/card.png` both mean the file at the site root (already
                // percent-encoded above, so its escapes are kept).
                base_url.join_url_path(image.trim_start_matches('/'))
            }
        });
        editions::check(&raw.editions, &raw.email).map_err(|(key, why)| problem(key, why))?;
        let languages = languages::check(raw.languages, &raw.language)
            .map_err(|why| problem("languages", why))?;
        let mut images = raw.images;
        if let Some(bad) = images.widths.iter().find(|w| !(16..=8192).contains(*w)) {
            return Err(problem(
                "images",
                format!("invalid images.widths entry {bad}: expected a width from 16 to 8192"),
            ));
        }
        if !(1..=100).contains(&images.quality) {
            return Err(problem(
                "images",
                format!(
                    "invalid images.quality {}: expected 1 to 100",
                    images.quality
                ),
            ));
        }
        images.widths.sort_unstable();
        images.widths.dedup();
        for (name, value) in [("logo", &raw.feeds.logo), ("icon", &raw.feeds.icon)] {
            if let Some(value) = value
                && crate::url::starts_with_scheme(value)
                && !crate::content::article::is_web_url(value)
            {
                return Err(problem(
                    "feeds",
                    format!(
                        "invalid feeds.{name} `{value}`: expected an https:// URL or a path in the site"
                    ),
                ));
            }
        }

        Ok(Config {
            title: raw.title,
            base_url,
            description: raw.description,
            language: raw.language,
            timezone,
            timezone_name: raw.timezone,
            theme: raw.theme,
            permalink,
            paginate: raw.paginate,
            paginate_max_pages: (raw.paginate_max_pages > 0).then_some(raw.paginate_max_pages),
            author: raw.author,
            markdown: raw.markdown,
            feeds: raw.feeds,
            news_sitemap: raw.news_sitemap,
            cname,
            image,
            editions: raw.editions,
            email: raw.email,
            images,
            security: raw.security,
            languages,
            slugs: raw.slugs,
            authors: std::sync::Arc::default(),
            related: raw.related,
            search: raw.search,
            deploy: raw.deploy,
        })
    }
}

/// Whether `url` names an image social networks show as a card: anything but SVG, which
/// Facebook, X and LinkedIn ignore.
pub fn is_raster_image(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let path = path.to_ascii_lowercase();
    !(path.ends_with(".svg") || path.ends_with(".svgz") || path.starts_with("data:image/svg"))
}

/// A theme name is one plain folder name: no separators, no `..`.
fn is_safe_theme_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '.')
}

/// How a file under the site root is named in messages: relative when the root is `.`.
pub fn display_root_path(root: &Path, relative: impl AsRef<Path>) -> PathBuf {
    if root == Path::new(".") || root.as_os_str().is_empty() {
        relative.as_ref().to_path_buf()
    } else {
        root.join(relative)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config> {
        Config::parse(Path::new("config.yaml"), text, &Overrides::default())
    }

    #[test]
    fn config_errors_name_config_yaml() {
        let empty = parse("\n").unwrap_err().to_string();
        assert!(empty.contains("config.yaml is empty"), "{empty}");
        assert!(!empty.contains("front matter"), "{empty}");
        let broken = parse("title: \"T\nbase_url: https://e.org/\n")
            .unwrap_err()
            .to_string();
        assert!(broken.contains("invalid config.yaml"), "{broken}");
        let unknown = parse("title: T\nbase_url: https://e.org/\nzzz: 1\n")
            .unwrap_err()
            .to_string();
        assert!(!unknown.contains("extra:"), "{unknown}");
    }

    #[test]
    fn defaults_fill_in() {
        let config = parse("title: T\nbase_url: https://example.org/digest\n").unwrap();
        assert_eq!(config.base_url.as_str(), "https://example.org/digest/");
        assert_eq!(config.paginate, 20);
        assert_eq!(config.language, "en");
        assert_eq!(config.feeds.limit, 30);
        assert_eq!(config.feeds.max_bytes, 1_048_576);
        assert!(config.feeds.full_content);
        assert!(!config.markdown.unsafe_html);
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let error = parse("title: T\nbase_url: https://e.org/\npaginte: 3\n").unwrap_err();
        let shown = error.to_string();
        assert!(shown.contains("unknown key `paginte`"), "{shown}");
        assert!(shown.contains("config.yaml:3:1"), "{shown}");
        assert!(shown.contains("did you mean `paginate`?"), "{shown}");
    }

    #[test]
    fn site_image_is_absolute_and_never_svg() {
        let config = parse("title: T\nbase_url: https://e.org/d/\nimage: /card.png\n").unwrap();
        assert_eq!(config.image.as_deref(), Some("https://e.org/d/card.png"));
        let config = parse("title: T\nbase_url: https://e.org/\nimage: https://c.org/x.jpg\n");
        assert_eq!(
            config.unwrap().image.as_deref(),
            Some("https://c.org/x.jpg")
        );
        let config =
            parse("title: T\nbase_url: https://e.org/\nimage: \"//c.org/a\\\"b <c>.png\"\n");
        assert_eq!(
            config.unwrap().image.as_deref(),
            Some("https://c.org/a%22b%20%3Cc%3E.png")
        );
        let config = parse("title: T\nbase_url: https://e.org/\nimage: my card.png\n").unwrap();
        assert_eq!(config.image.as_deref(), Some("https://e.org/my%20card.png"));
        let error = parse("title: T\nbase_url: https://e.org/\nimage: logo.SVG\n").unwrap_err();
        assert!(error.to_string().contains("not SVG"), "{error}");
        assert!(error.to_string().contains(":3:"), "{error}");
        assert!(!is_raster_image("https://e.org/map.svg?v=2"));
        assert!(is_raster_image("https://e.org/photo.webp"));
    }

    #[test]
    fn bad_timezone_points_at_its_line() {
        let error = parse("title: T\nbase_url: https://e.org/\ntimezone: Mars/Base\n").unwrap_err();
        assert!(error.to_string().contains("config.yaml:3:11"), "{error}");
    }

    #[test]
    fn base_url_override_wins() {
        let overrides = Overrides {
            base_url: Some("https://user.github.io/digest".into()),
        };
        let config = Config::parse(
            Path::new("config.yaml"),
            "title: T\nbase_url: https://e.org/\n",
            &overrides,
        )
        .unwrap();
        assert_eq!(config.base_url.path(), "/digest/");
    }

    #[test]
    fn editions_and_email_sections_are_read_and_checked() {
        let config = parse(
            "title: T\nbase_url: https://e.org/\neditions:\n  period: week\n  sections: [Ukraine, Russia]\nemail:\n  esp: mailchimp\n  content: full\n",
        )
        .unwrap();
        assert_eq!(config.editions.period, Period::Week);
        assert_eq!(config.editions.sections, ["Ukraine", "Russia"]);
        assert_eq!(config.email.esp, Esp::Mailchimp);
        assert_eq!(config.email.content, EmailContent::Full);
        let typo = parse("title: T\nbase_url: https://e.org/\neditions:\n  perod: week\n")
            .unwrap_err()
            .to_string();
        assert!(
            typo.contains("perod") && typo.contains("config.yaml:4"),
            "{typo}"
        );
        let bad = parse("title: T\nbase_url: https://e.org/\nemail:\n  unsubscribe: ftp://x\n")
            .unwrap_err()
            .to_string();
        assert!(
            bad.contains("invalid email.unsubscribe") && bad.contains("config.yaml:3"),
            "{bad}"
        );
    }

    #[test]
    fn theme_cannot_escape_themes_folder() {
        assert!(parse("title: T\nbase_url: https://e.org/\ntheme: ../x\n").is_err());
    }
}
