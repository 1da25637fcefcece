//! The email export: one edition as an HTML email, its plain-text part and a `.eml` message.
//!
//! Input: a loaded [`Pipeline`] (the same store a build reads), which edition, the service
//! profile and the output folder. Output: `<id>.html`, `<id>.txt` and `<id>.eml` in that folder,
//! or every error. The HTML goes through the theme's `email.html`, then [`html::finish`] inlines
//! its CSS and checks it against what email clients accept; the text goes through `email.txt`,
//! written from the Markdown ([`crate::markdown::text`]), never scraped from the HTML. An email
//! past Gmail's clipping size is retried with summaries, then refused.

mod content;
mod eml;
mod esp;
pub mod html;
mod images;

use std::path::{Path, PathBuf};

use crate::config::{EmailContent, Esp};
use crate::error::{Diagnostic, Error, Errors};
use crate::pipeline::Pipeline;
use crate::site::{Edition, Site};

pub use esp::MergeTags;

/// Gmail clips a message whose HTML is larger than this, hiding the rest (and the footer with
/// its unsubscribe link) behind "View entire message".
pub const MAX_HTML_BYTES: usize = 102_400;

/// Which edition to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// The newest edition.
    Latest,
    /// An edition id (`2025-03-16`, `2025-W11`, a hand-set key) or number.
    Named(String),
}

impl Choice {
    /// Reads `latest`, an id or a number.
    pub fn parse(text: &str) -> Choice {
        if text.eq_ignore_ascii_case("latest") {
            Choice::Latest
        } else {
            Choice::Named(text.trim().to_string())
        }
    }
}

/// What to export, from the command line.
#[derive(Debug, Clone)]
pub struct Request {
    /// Which edition.
    pub edition: Choice,
    /// The edition's language (a code); `None` for the site's default language.
    pub language: Option<String>,
    /// The service profile (default: `email.esp` in config.yaml).
    pub esp: Option<Esp>,
    /// The folder to write into.
    pub out: PathBuf,
}

/// What an export wrote.
#[derive(Debug, Clone)]
pub struct Exported {
    /// The edition's id.
    pub id: String,
    /// The subject line.
    pub subject: String,
    /// The preheader (preview text), if the edition has one.
    pub preheader: Option<String>,
    /// The files written.
    pub files: Vec<PathBuf>,
    /// The HTML's size in bytes.
    pub html_bytes: usize,
    /// Whether full articles were cut to summaries to stay under [`MAX_HTML_BYTES`].
    pub shortened: bool,
    /// Things the user should know.
    pub warnings: Vec<String>,
}

/// Exports one edition.
pub fn export(pipeline: &Pipeline, request: &Request) -> Result<Exported, Errors> {
    let site = pipeline.current_site()?;
    let language = language_index(&site, request.language.as_deref())?;
    let edition = choose(&site, language, &request.edition)?;
    let config = &site.config;
    let esp = request.esp.unwrap_or(config.email.esp);
    let tags = MergeTags::new(esp, config, &config.base_url.join(&edition.folder()));
    let mut content_mode = config.email.content;
    let mut shortened = false;
    let (html, text) = loop {
        let made = content::Made::new(pipeline, &site, edition, content_mode, &tags);
        let text = made.text()?;
        let html = html::finish(&made.html()?).map_err(Errors::from)?;
        if html.len() <= MAX_HTML_BYTES {
            break (html, text);
        }
        if content_mode == EmailContent::Full {
            content_mode = EmailContent::Summary;
            shortened = true;
            continue;
        }
        let message = format!(
            "the email of edition `{}` is {} bytes of HTML even with summaries only: Gmail clips messages over {MAX_HTML_BYTES} bytes",
            edition.id,
            html.len()
        );
        let help =
            "split the edition (an `edition:` key on some articles) or shorten its summaries";
        return Err(
            Error::from(Diagnostic::file(edition_path(edition), message).with_help(help)).into(),
        );
    };
    let message = eml::message(&site, edition, &html, &text);
    let mut warnings = message.warnings;
    if shortened {
        warnings.push(format!(
            "edition `{}`: full articles made the email larger than {MAX_HTML_BYTES} bytes, so it carries summaries with \"read on the site\" links",
            edition.id
        ));
    }
    let files = write_files(
        &request.out,
        &edition.id,
        [html.as_bytes(), text.as_bytes(), &message.bytes],
    )?;
    Ok(Exported {
        id: edition.id.clone(),
        subject: edition.title.clone(),
        preheader: edition
            .intro
            .as_ref()
            .and_then(|i| i.intro.preheader.clone()),
        files,
        html_bytes: html.len(),
        shortened,
        warnings,
    })
}

/// The language `--lang` names (0, the default, when none); an unknown code is a usage
/// error listing the site's languages.
fn language_index(site: &Site, code: Option<&str>) -> Result<usize, Errors> {
    let Some(code) = code else {
        return Ok(0);
    };
    site.config.language_index(code.trim()).ok_or_else(|| {
        let codes = site.config.language_codes().join(", ");
        Error::Usage(format!(
            "no language `{code}` on this site: --lang takes one of {codes}"
        ))
        .into()
    })
}

/// The edition `choice` names among language `language`'s: an id first, then a number.
fn choose<'s>(site: &'s Site, language: usize, choice: &Choice) -> Result<&'s Edition, Errors> {
    let editions = site.editions_in(language);
    let found = match choice {
        Choice::Latest => editions.last(),
        Choice::Named(name) => editions.iter().find(|e| &e.id == name).or_else(|| {
            let number: usize = name.parse().ok()?;
            editions.iter().find(|e| e.number == number)
        }),
    };
    found.ok_or_else(|| {
        let known = match (editions.first(), editions.last()) {
            (Some(first), Some(last)) => format!(
                "the site has editions {} (No. {}) to {} (No. {})",
                first.id, first.number, last.id, last.number
            ),
            _ if language > 0 => format!(
                "the site has no published `{}` articles, so no editions in it",
                site.config.language_codes()[language]
            ),
            _ => "the site has no published articles, so no editions".into(),
        };
        let name = match choice {
            Choice::Latest => "latest".to_string(),
            Choice::Named(name) => name.clone(),
        };
        Error::Usage(format!("no edition `{name}`: {known}")).into()
    })
}

/// Where an edition's problems are reported: its intro, else its folder.
fn edition_path(edition: &Edition) -> PathBuf {
    match &edition.intro {
        Some(intro) => intro.intro.display_path.clone(),
        None => PathBuf::from(edition.folder().trim_end_matches('/')),
    }
}

/// Writes `<id>.html`, `<id>.txt` and `<id>.eml` into `out`.
fn write_files(out: &Path, id: &str, bytes: [&[u8]; 3]) -> Result<Vec<PathBuf>, Errors> {
    std::fs::create_dir_all(out).map_err(|e| Error::write(out, e))?;
    let mut files = Vec::new();
    for (extension, bytes) in ["html", "txt", "eml"].into_iter().zip(bytes) {
        let path = out.join(format!("{id}.{extension}"));
        std::fs::write(&path, bytes).map_err(|e| Error::write(&path, e))?;
        files.push(path);
    }
    Ok(files)
}
