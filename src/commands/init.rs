//! `newsprint init DIR`: a new site that builds at once and deploys to GitHub Pages.
//!
//! Input: an empty or missing folder. Output: `config.yaml`, two sample articles, `static/`, a
//! Pages workflow and a `.gitignore`. A folder with anything in it is refused, so nothing is lost.

use std::fs;
use std::path::{Path, PathBuf};

use crate::date::Date;
use crate::error::{Error, Result};

/// The GitHub Pages workflow every new site gets.
const PAGES_WORKFLOW: &str = include_str!("init/pages.yml");

/// Writes a new site into `dir` and returns the files written.
pub fn run(dir: &Path) -> Result<Vec<PathBuf>> {
    if dir.exists() {
        let mut entries = fs::read_dir(dir).map_err(|e| Error::read(dir, e))?;
        if entries.next().is_some() {
            return Err(Error::Usage(format!(
                "`{}` is not empty; init only writes into an empty or new folder",
                dir.display()
            )));
        }
    }
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "digest".into());
    let now = Date::now();
    let (year, month, _) = now.ymd();
    let folder = format!("content/{year:04}/{month:02}");
    let files = [
        ("config.yaml".to_string(), config(&name)),
        (format!("{folder}/welcome.md"), welcome(&now)),
        (format!("{folder}/how-to-publish.md"), how_to_publish(&now)),
        ("static/.gitkeep".to_string(), String::new()),
        (
            ".github/workflows/pages.yml".to_string(),
            PAGES_WORKFLOW.to_string(),
        ),
        (
            ".gitignore".to_string(),
            "/public/\n/.serve/\n/.public.*\n".to_string(),
        ),
    ];
    let mut written = Vec::new();
    for (relative, text) in files {
        let path = dir.join(&relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
        }
        fs::write(&path, text).map_err(|e| Error::write(&path, e))?;
        written.push(path);
    }
    Ok(written)
}

fn config(name: &str) -> String {
    let title = serde_json::to_string(&title_case(name)).unwrap_or_default();
    format!(
        "title: {title}\n\
         # Where the site is published. On GitHub Pages the workflow passes the real URL.\n\
         base_url: https://example.org/\n\
         description: \"\"\n\
         language: en\n\
         timezone: UTC\n\
         paginate: 20\n"
    )
}

fn title_case(name: &str) -> String {
    name.split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn welcome(now: &Date) -> String {
    format!(
        "---\ntitle: Welcome to your news digest\ndate: {}\ntags: [newsprint]\n---\n\
         This is your first article. Edit it in `content/`, or write a new one with\n\
         `newsprint new \"Talks resume in Riyadh\" --tags Russia,Ukraine`.\n\n\
         Preview the site with `newsprint serve`; it reloads as you save.\n\n\
         See [how to publish](how-to-publish.md) when you are ready.\n",
        now.rfc3339()
    )
}

fn how_to_publish(now: &Date) -> String {
    format!(
        "---\ntitle: How to publish on GitHub Pages\ndate: {}\ntags: [newsprint]\nsummary: Push to GitHub and the workflow does the rest.\n---\n\
         1. Push this folder to a GitHub repository.\n\
         2. In the repository's settings, set **Pages → Source** to **GitHub Actions**.\n\
         3. Every push to `main` builds the site with `.github/workflows/pages.yml` and deploys it.\n\n\
         The workflow passes the Pages URL to `newsprint build --base-url`, so a project site\n\
         under `https://user.github.io/<repository>/` works without changing `config.yaml`.\n",
        now.rfc3339()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_folder_with_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "keep me").unwrap();
        assert!(matches!(run(dir.path()), Err(Error::Usage(_))));
        assert_eq!(
            fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
            "keep me"
        );
    }

    #[test]
    fn names_the_site_after_the_folder() {
        assert_eq!(title_case("my-digest"), "My Digest");
    }
}
