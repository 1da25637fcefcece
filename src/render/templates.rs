//! The theme: the only `tera` setup.
//!
//! Input: the site root and config. Output: a [`Theme`] with every template compiled once, the
//! site's own templates overriding the built-in default theme's, and the list of static files
//! the theme brings. A template that does not compile is an error naming the file and line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::{Kwargs, State, Tera};

use crate::config::Config;
use crate::content::walk;
use crate::error::{Error, Result};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));
}

/// Where a theme's static file comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaticSource {
    /// A file built into newsprint.
    Embedded(&'static [u8]),
    /// A file on disk, relative to the site root.
    File(PathBuf),
}

/// Compiled templates and the theme's static files.
pub struct Theme {
    /// The compiled templates.
    pub tera: Tera,
    /// Static files by their path in the output.
    pub statics: BTreeMap<String, StaticSource>,
    /// Whether [`CARD_TEMPLATE`] uses nothing but `site` and `article`, so that one rendering
    /// per article serves every list page the article is on.
    pub shared_cards: bool,
}

/// The template of an article's card on list pages.
pub const CARD_TEMPLATE: &str = "partials/article_card.html";

impl std::fmt::Debug for Theme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Theme")
            .field("statics", &self.statics)
            .field("shared_cards", &self.shared_cards)
            .finish_non_exhaustive()
    }
}

/// Loads the built-in default theme, then the site's `themes/<theme>/` over it.
pub fn load(root: &Path, config: &Config) -> Result<Theme> {
    let mut templates: BTreeMap<String, (PathBuf, String)> = BTreeMap::new();
    let mut statics = BTreeMap::new();
    for (path, bytes) in embedded::FILES {
        if let Some(name) = path.strip_prefix("templates/") {
            let text = String::from_utf8_lossy(bytes).into_owned();
            templates.insert(name.to_string(), (PathBuf::from(path), text));
        } else if let Some(name) = path.strip_prefix("static/") {
            statics.insert(name.to_string(), StaticSource::Embedded(bytes));
        }
    }

    let theme_folder = format!("themes/{}", config.theme);
    if config.theme != "default" && !root.join(&theme_folder).is_dir() {
        return Err(Error::Usage(format!(
            "theme `{}` not found: expected a folder `{}`",
            config.theme,
            root.join(&theme_folder).display()
        )));
    }
    let found = walk::walk(root, &format!("{theme_folder}/templates"));
    for path in found.files {
        let name = path
            .strip_prefix(format!("{theme_folder}/templates"))
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(root.join(&path))
            .map_err(|e| Error::read(root.join(&path), e))?;
        templates.insert(name, (path, text));
    }
    for path in walk::walk(root, &format!("{theme_folder}/static")).files {
        let name = path
            .strip_prefix(format!("{theme_folder}/static"))
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        statics.insert(name, StaticSource::File(path));
    }

    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".htm", ".xml"]);
    let base_url = config.base_url.clone();
    tera.register_function(
        "url",
        move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
            let path: &str = kwargs.must_get("path")?;
            Ok(base_url.join_url_path(path))
        },
    );
    // All at once: Tera resolves `extends` and `include` across the whole set.
    let sources = templates
        .iter()
        .map(|(name, (_, text))| (name.as_str(), text.as_str()));
    tera.add_raw_templates(sources)
        .map_err(|error| Error::Template {
            name: format!("{theme_folder}/templates"),
            message: error.to_string(),
        })?;
    for required in REQUIRED_TEMPLATES {
        if !tera.contains_template(required) {
            return Err(Error::Template {
                name: (*required).to_string(),
                message: "the theme has no such template and the built-in theme lacks it too"
                    .into(),
            });
        }
    }
    // Tera lists every variable a template (with what it includes) reads from its context,
    // conditions and all, so a card that might show anything page-specific is never shared.
    let shared_cards = tera
        .get_template_variables(CARD_TEMPLATE)
        .is_ok_and(|used| used.iter().all(|name| ["site", "article"].contains(name)));
    Ok(Theme {
        tera,
        statics,
        shared_cards,
    })
}

/// The templates every page kind needs.
pub const REQUIRED_TEMPLATES: &[&str] = &[
    "article.html",
    "index.html",
    "tag.html",
    "tags.html",
    "404.html",
    "editions.html",
    "edition.html",
];

/// Renders `name` with `context`, naming the template in errors.
pub fn render(tera: &Tera, name: &str, context: &tera::Context) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(16 * 1024);
    tera.render_to(name, context, &mut out)
        .map_err(|error| Error::Template {
            name: name.to_string(),
            message: error.to_string(),
        })?;
    Ok(without_control_characters(out))
}

/// `html` without the control characters feeds drop too (all but tab, line feed and carriage
/// return): they have no meaning in a page, and some (ESC, BEL, backspace) could be meant for
/// a terminal or a tool that reads the page. Done on the whole page, so it holds for every
/// value a theme prints. The common page has none, which one pass over the bytes finds.
fn without_control_characters(html: Vec<u8>) -> Vec<u8> {
    let suspect =
        |byte: &u8| matches!(byte, 0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F | 0xC2 | 0xEF);
    if !html.iter().any(suspect) {
        return html;
    }
    match std::str::from_utf8(&html) {
        Ok(text) => match super::xml::clean(text) {
            std::borrow::Cow::Borrowed(_) => html,
            std::borrow::Cow::Owned(cleaned) => cleaned.into_bytes(),
        },
        Err(_) => html,
    }
}
