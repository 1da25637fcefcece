//! `newsprint new "Title"`: writes `content/YYYY/MM/<slug>.md` with front matter filled in.

use std::path::PathBuf;

use crate::cli::NewArgs;
use crate::config::{Config, Overrides};
use crate::content::article::PLACEHOLDER;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::url::slugify;

/// Writes the new article and returns its path.
pub fn run(args: &NewArgs) -> Result<PathBuf> {
    let config = Config::load(&args.root, &Overrides::default())?;
    let date = match &args.date {
        Some(text) => Date::parse(text, &config.timezone).map_err(Error::Usage)?,
        None => Date::now().in_zone(&config.timezone),
    };
    let slug = slugify(&args.title);
    if slug.is_empty() {
        return Err(Error::Usage(format!(
            "cannot make a file name from the title `{}`",
            args.title
        )));
    }
    let (year, month, _) = date.ymd();
    let relative = PathBuf::from(format!("content/{year:04}/{month:02}/{slug}.md"));
    let path = args.root.join(&relative);
    let text = front_matter(&args.title, &date, &args.tags, args.publish);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
    }
    // create_new: never overwrite an article that already exists.
    let file = std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(&path);
    match file {
        Ok(mut file) => {
            std::io::Write::write_all(&mut file, text.as_bytes())
                .map_err(|e| Error::write(&path, e))?;
            Ok(path)
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Error::Usage(format!(
                "`{}` already exists; choose another title or edit that file",
                path.display()
            )))
        }
        Err(error) => Err(Error::write(&path, error)),
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
