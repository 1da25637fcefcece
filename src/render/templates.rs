//! The theme: the only `tera` setup.
//!
//! Input: the site root and config. Output: a [`Theme`] with every template compiled once, the
//! site's own templates overriding the built-in default theme's, and the list of static files
//! the theme brings. A template that does not compile is an error naming the file and line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tera::{Kwargs, State, Tera};

use crate::config::Config;
use crate::content::walk;
use crate::error::{Error, Result};
use crate::i18n::Strings;

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
    /// Each template's file as the user would open it, by template name.
    files: BTreeMap<String, String>,
    /// The theme's strings in every language, which templates read with `t(key=…)`.
    pub strings: Arc<Strings>,
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
    let strings = Arc::new(Strings::load(
        root,
        &theme_folder,
        embedded::FILES,
        &config.language,
    )?);
    register_t(&mut tera, strings.clone());
    // All at once: Tera resolves `extends` and `include` across the whole set.
    let sources = templates
        .iter()
        .map(|(name, (_, text))| (name.as_str(), text.as_str()));
    let files: BTreeMap<String, String> = templates
        .iter()
        .map(|(name, (path, _))| {
            let file = match path.starts_with(&theme_folder) {
                true => crate::config::display_root_path(root, path)
                    .to_string_lossy()
                    .replace('\\', "/"),
                false => format!("{name} (built-in theme)"),
            };
            (name.clone(), file)
        })
        .collect();
    if let Err(error) = tera.add_raw_templates(sources) {
        // Tera names no template when the set fails; its location line does.
        let error = Error::Template {
            name: format!("{theme_folder}/templates"),
            message: without_error_prefix(error.to_string()),
        };
        return Err(name_files(&files, error));
    }
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
        files,
        strings,
    })
}

impl Theme {
    /// `error` pointing at the template files a user can open: a template error's name and
    /// its location line (`--> tag.html:2:4`) name the site's file, or the built-in template.
    pub fn name_files(&self, error: Error) -> Error {
        name_files(&self.files, error)
    }

    /// Template `name` rendered with `context`, outside the page plan (the email stage); an
    /// error names the template's file.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<Vec<u8>> {
        render(&self.tera, name, context).map_err(|error| self.name_files(error))
    }
}

fn name_files(files: &BTreeMap<String, String>, error: Error) -> Error {
    let Error::Template { name, message } = error else {
        return error;
    };
    // Tera's location line: ` --> name:line:column`.
    let located = message.lines().find_map(|line| {
        let place = line.trim_start().strip_prefix("--> ")?;
        let mut parts = place.rsplitn(3, ':');
        let (_, _) = (parts.next()?, parts.next()?);
        parts.next()
    });
    let Some(template) = located
        .or(Some(name.as_str()))
        .filter(|t| files.contains_key(*t))
    else {
        return Error::Template { name, message };
    };
    let file = &files[template];
    let message = match located {
        Some(located) => message.replacen(&format!("--> {located}:"), &format!("--> {file}:"), 1),
        None => message,
    };
    Error::Template {
        name: file.clone(),
        message,
    }
}

/// Tera's report without its own `error: `, which newsprint's report already prints.
fn without_error_prefix(message: String) -> String {
    match message.strip_prefix("error: ") {
        Some(rest) => rest.to_string(),
        None => message,
    }
}

/// `t(key="by")`: the theme string `key` in the page's language (`site.language`, or a
/// `lang=` argument); `n=` picks the plural form and fills `{n}`; any other argument fills
/// the placeholder of its name (`t(key="covered", site=site.title)` fills `{site}`), escaped.
fn register_t(tera: &mut Tera, strings: Arc<Strings>) {
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<tera::Value> {
            let key: &str = kwargs.must_get("key")?;
            let n: Option<i64> = kwargs.get("n")?;
            let site: Option<tera::Value> = state.get("site")?;
            let language = match kwargs.get::<&str>("lang")? {
                Some(lang) => lang.to_string(),
                None => site
                    .as_ref()
                    .and_then(|site| site.get_from_path("language"))
                    .and_then(|language| language.as_str())
                    .unwrap_or(crate::i18n::REFERENCE)
                    .to_string(),
            };
            // The strings are the theme's own text, like a template's, and print as written;
            // the values put in them come from the site and are escaped as `{{ }}` would.
            let mut values: Vec<(String, String)> = Vec::new();
            for (name, value) in kwargs.iter() {
                match name.as_str() {
                    Some("key" | "n" | "lang") | None => {}
                    Some(name) => values.push((name.to_string(), state.escape_if_needed(value)?)),
                }
            }
            let values: Vec<(&str, &str)> = values
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_str()))
                .collect();
            Ok(tera::Value::safe_string(
                &strings.text(&language, key, n, &values),
            ))
        },
    );
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
    "authors.html",
    "author.html",
    "archive.html",
    "archive_year.html",
    "archive_month.html",
    "search.html",
];

/// Renders `name` with `context`, naming the template in errors.
pub fn render(tera: &Tera, name: &str, context: &tera::Context) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(16 * 1024);
    tera.render_to(name, context, &mut out)
        .map_err(|error| Error::Template {
            name: name.to_string(),
            message: without_error_prefix(error.to_string()),
        })?;
    Ok(without_control_characters(out))
}

/// `html` without the control characters feeds drop too (all but tab, line feed and carriage
/// return): they have no meaning in a page, and some (ESC, BEL, backspace) could be meant for
/// a terminal or a tool that reads the page. Done on the whole page, so it holds for every
/// value a theme prints. The common page has none, which one pass over the bytes finds.
fn without_control_characters(html: Vec<u8>) -> Vec<u8> {
    if super::xml::first_refused(&html).is_none() {
        return html;
    }
    match String::from_utf8(html) {
        Ok(text) => match super::xml::clean(&text) {
            std::borrow::Cow::Borrowed(_) => text.into_bytes(),
            std::borrow::Cow::Owned(cleaned) => cleaned.into_bytes(),
        },
        Err(error) => error.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> BTreeMap<String, String> {
        BTreeMap::from([
            (
                "tag.html".into(),
                "themes/default/templates/tag.html".into(),
            ),
            ("base.html".into(), "base.html (built-in theme)".into()),
        ])
    }

    fn template(name: &str, message: &str) -> Error {
        Error::Template {
            name: name.into(),
            message: message.into(),
        }
    }

    #[test]
    fn template_errors_name_the_file_to_open_and_say_error_once() {
        let tera = "error: Found `}` but expected }}.\n --> tag.html:1:57\n  |";
        let error = name_files(
            &files(),
            template(
                "themes/default/templates",
                &without_error_prefix(tera.into()),
            ),
        );
        assert_eq!(
            error.to_string(),
            "template `themes/default/templates/tag.html`: Found `}` but expected }}.\n \
             --> themes/default/templates/tag.html:1:57\n  |"
        );
        // A failure inside the built-in base template, while rendering the site's tag.html.
        let error = name_files(&files(), template("tag.html", "Bad\n --> base.html:3:1"));
        assert_eq!(
            error.to_string(),
            "template `base.html (built-in theme)`: Bad\n --> base.html (built-in theme):3:1"
        );
        // No location: the template rendered is named.
        let error = name_files(&files(), template("tag.html", "Bad"));
        assert_eq!(
            error.to_string(),
            "template `themes/default/templates/tag.html`: Bad"
        );
    }
}
