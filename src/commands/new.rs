//! `newsprint new "Title"`: writes `content/YYYY/MM/<slug>.md` with front matter filled in.

use std::path::PathBuf;

use crate::cli::NewArgs;
use crate::config::{Config, Overrides, Period};
use crate::content::article::PLACEHOLDER;
use crate::content::intro::INTRO_FOLDER;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::url::slugify;

/// Writes the new article (or, with `--edition`, the edition intro) and returns its path.
pub fn run(args: &NewArgs) -> Result<PathBuf> {
    let config = Config::load(&args.root, &Overrides::default())?;
    if let Some(day) = &args.edition {
        return new_intro(args, &config, day);
    }
    let title = args.title.as_deref().unwrap_or_default();
    let date = match &args.date {
        Some(text) => Date::parse(text, &config.timezone).map_err(Error::Usage)?,
        None => Date::now().in_zone(&config.timezone),
    };
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Error::Usage(format!(
            "cannot make a file name from the title `{title}`"
        )));
    }
    let (year, month, _) = date.ymd();
    let relative = PathBuf::from(format!("content/{year:04}/{month:02}/{slug}.md"));
    let path = args.root.join(&relative);
    let text = front_matter(title, &date, &args.tags, args.publish);
    create_new(&path, &text, "choose another title or edit that file")
}

/// `newsprint new --edition [DATE]`: `content/editions/<edition id>.md` for that day's (or
/// week's) edition, today's by default.
fn new_intro(args: &NewArgs, config: &Config, day: &str) -> Result<PathBuf> {
    let date = if day == "today" {
        Date::now().in_zone(&config.timezone)
    } else {
        Date::parse(day, &config.timezone).map_err(Error::Usage)?
    };
    let id = match config.editions.period {
        Period::Day => date.iso_date(),
        Period::Week => date.iso_week(),
    };
    let path = args.root.join(INTRO_FOLDER).join(format!("{id}.md"));
    let text = "---\n\
        # title: the subject line (default: editions.title in config.yaml)\n\
        # preheader: the line an inbox shows after the subject\n\
        ---\n\n\
        Write the edition's introduction here: what today's digest is about.\n";
    create_new(&path, text, "edit that file")
}

/// Writes `text` to a new file at `path`, never over an existing one.
fn create_new(path: &std::path::Path, text: &str, instead: &str) -> Result<PathBuf> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
    }
    // create_new: never overwrite an article that already exists.
    let file = std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(path);
    match file {
        Ok(mut file) => {
            std::io::Write::write_all(&mut file, text.as_bytes())
                .map_err(|e| Error::write(path, e))?;
            Ok(path.to_path_buf())
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::Usage(
            format!("`{}` already exists; {instead}", path.display()),
        )),
        Err(error) => Err(Error::write(path, error)),
    }
}

/// The new file's text: front matter with every value quoted as a JSON string (valid YAML), a
/// draft unless `publish`, and the [`PLACEHOLDER`] body `check` warns about until it is replaced.
fn front_matter(title: &str, date: &Date, tags: &[String], publish: bool) -> String {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let tags: Vec<String> = tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(quote)
        .collect();
    let draft = if publish { "" } else { "draft: true\n" };
    format!(
        "---\ntitle: {}\ndate: {}\ntags: [{}]\nsummary: \"\"\n{draft}---\n\n{PLACEHOLDER}\n",
        quote(title),
        date.rfc3339(),
        tags.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_quotes_values() {
        let date = Date::parse("2025-03-16T18:00:00+02:00", &jiff::tz::TimeZone::UTC).unwrap();
        let text = front_matter(
            "Analysis: \"talks\"",
            &date,
            &["Russia".into(), " Ukraine".into()],
            false,
        );
        assert!(text.contains("\ndraft: true\n---\n"), "{text}");
        assert!(text.ends_with(&format!("\n{PLACEHOLDER}\n")), "{text}");
        assert!(
            text.contains("title: \"Analysis: \\\"talks\\\"\""),
            "{text}"
        );
        assert!(text.contains("tags: [\"Russia\", \"Ukraine\"]"), "{text}");
        let published = front_matter("T", &date, &[], true);
        assert!(!published.contains("draft"), "{published}");
    }
}
