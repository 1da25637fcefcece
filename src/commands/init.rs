//! `newsprint init DIR`: a new site that builds at once and deploys to GitHub Pages.
//!
//! Input: an empty or missing folder, and optionally the site's title and URL. Output:
//! `config.yaml`, two sample articles, `static/`, a Pages workflow pinned to this newsprint's
//! version, and a `.gitignore`. A folder with anything in it is refused, so nothing is lost; it
//! asks nothing, so scripts and CI can run it.

use std::fs;
use std::path::{Path, PathBuf};

use crate::cli::InitArgs;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::url::BaseUrl;

/// Where newsprint is published: its GitHub Releases and tags. Cargo.toml's `repository`.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The GitHub Pages workflow every new site gets, before [`pages_workflow`] fills it in.
const PAGES_WORKFLOW: &str = include_str!("init/pages.yml");

/// Every file newsprint leaves in a site folder besides the sources (the output folder's
/// siblings are its staging folder, lock and manifest, see `output.rs`).
const GITIGNORE: &str = "\
# What newsprint writes into the site folder; none of it belongs in the repository.
# `newsprint build`: the site, and its staging folder, lock and manifest beside it.
/public/
/.public.*
# `newsprint serve`: the local preview, and its staging folder and lock.
/.serve/
/..serve.*
# Processed images, kept between builds.
/.newsprint-cache/
# `newsprint email`: exported emails, not part of the published site.
/email/
";

/// Where a site's pages are published when `--base-url` is not given; the Pages workflow passes
/// the real URL to every build.
const PLACEHOLDER_URL: &str = "https://example.org/";

/// Writes a new site into `args.dir` and returns the files written.
pub fn run(args: &InitArgs) -> Result<Vec<PathBuf>> {
    let dir = &args.dir;
    let base_url = match &args.base_url {
        Some(text) => BaseUrl::parse(text)
            .map_err(|why| Error::Usage(format!("invalid --base-url `{text}`: {why}")))?,
        None => BaseUrl::parse(PLACEHOLDER_URL).expect("the placeholder is a valid URL"),
    };
    let title = site_title(args)?;
    if dir.exists() {
        let mut entries = fs::read_dir(dir).map_err(|e| Error::read(dir, e))?;
        if entries.next().is_some() {
            return Err(Error::Usage(format!(
                "`{}` is not empty; init only writes into an empty or new folder",
                dir.display()
            )));
        }
    }
    let now = Date::now();
    let (year, month, _) = now.ymd();
    let folder = format!("content/{year:04}/{month:02}");
    let files = [
        ("config.yaml".to_string(), config(&title, &base_url)),
        (format!("{folder}/welcome.md"), welcome(&now)),
        (format!("{folder}/how-to-publish.md"), how_to_publish(&now)),
        ("static/.gitkeep".to_string(), String::new()),
        (".github/workflows/pages.yml".to_string(), pages_workflow()),
        (".gitignore".to_string(), GITIGNORE.to_string()),
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

/// `--title`, or a title made from the folder's name.
fn site_title(args: &InitArgs) -> Result<String> {
    match &args.title {
        Some(title) if title.trim().is_empty() => {
            Err(Error::Usage("--title cannot be empty".into()))
        }
        Some(title) => Ok(title.trim().to_string()),
        None => Ok(title_case(
            &args
                .dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "digest".into()),
        )),
    }
}

/// What to do after `init`, printed once the files are written.
pub fn next_steps(dir: &Path) -> String {
    format!(
        "next steps:\n  \
         1. preview it:  cd {} && newsprint serve\n  \
         2. publish it:  git init -b main && git add . && git commit -m \"A new digest\", then push to a\n     \
         GitHub repository\n  \
         3. once, on GitHub: Settings → Pages → Build and deployment → Source: \"GitHub Actions\"\n     \
         (.github/workflows/pages.yml then deploys every push to main, and rebuilds hourly)",
        dir.display()
    )
}

/// The Pages workflow, pinned to this newsprint's version and repository.
fn pages_workflow() -> String {
    PAGES_WORKFLOW
        .replace("@NEWSPRINT_VERSION@", env!("CARGO_PKG_VERSION"))
        .replace("@NEWSPRINT_REPOSITORY@", REPOSITORY)
}

fn config(title: &str, base_url: &BaseUrl) -> String {
    // A JSON string is a YAML double-quoted scalar: any title and URL stay one value.
    let title = serde_json::to_string(title).unwrap_or_default();
    let base_url = serde_json::to_string(base_url.as_str()).unwrap_or_default();
    format!(
        "title: {title}\n\
         # Where the site is published. On GitHub Pages the workflow passes the real URL.\n\
         base_url: {base_url}\n\
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
         2. In the repository's settings, set **Pages → Build and deployment → Source** to\n\
         **GitHub Actions**.\n\
         3. Every push to `main` builds the site with `.github/workflows/pages.yml` and deploys it.\n\
         It also rebuilds every hour, so articles dated in the future appear on time; the\n\
         `schedule:` lines of the workflow say how to change that.\n\n\
         The workflow passes the Pages URL to `newsprint build --base-url`, so a project site\n\
         under `https://user.github.io/<repository>/` works without changing `config.yaml`.\n\
         It installs the newsprint release that wrote it; raise `NEWSPRINT_VERSION` to upgrade.\n",
        now.rfc3339()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::serve::SERVE_OUTPUT;
    use crate::output::OutputDir;

    fn args(dir: &Path) -> InitArgs {
        InitArgs {
            dir: dir.to_path_buf(),
            title: None,
            base_url: None,
        }
    }

    #[test]
    fn refuses_a_folder_with_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "keep me").unwrap();
        assert!(matches!(run(&args(dir.path())), Err(Error::Usage(_))));
        assert_eq!(
            fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
            "keep me"
        );
    }

    #[test]
    fn refuses_a_bad_url_or_title_before_writing() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        for (title, base_url) in [(None, Some("example.org")), (Some(" "), None)] {
            let args = InitArgs {
                title: title.map(String::from),
                base_url: base_url.map(String::from),
                ..args(&site)
            };
            assert!(matches!(run(&args), Err(Error::Usage(_))));
            assert!(!site.exists());
        }
    }

    #[test]
    fn names_the_site_after_the_folder() {
        assert_eq!(title_case("my-digest"), "My Digest");
    }

    #[test]
    fn repository_is_cargo_tomls() {
        assert!(
            REPOSITORY.starts_with("https://github.com/"),
            "{REPOSITORY}"
        );
        assert!(!REPOSITORY.ends_with('/'));
    }

    #[test]
    fn workflow_has_every_placeholder_filled() {
        let workflow = pages_workflow();
        assert!(!workflow.contains("@NEWSPRINT_"), "{workflow}");
        assert!(workflow.contains(&format!(
            "NEWSPRINT_VERSION: \"{}\"",
            env!("CARGO_PKG_VERSION")
        )));
    }

    /// The build and check jobs install newsprint with the same steps, copied in the workflow
    /// because GitHub's YAML anchors are not understood by every tool that reads workflows.
    #[test]
    fn both_jobs_install_newsprint_alike() {
        let workflow: serde_yaml::Value = serde_yaml::from_str(&pages_workflow()).unwrap();
        let install = |job: &str| {
            let steps = workflow["jobs"][job]["steps"].as_sequence().unwrap();
            let first = steps
                .iter()
                .position(|step| step["id"].as_str() == Some("binary"))
                .unwrap();
            steps[first..first + 4].to_vec()
        };
        let build = install("build");
        assert_eq!(build, install("check"));
        assert_eq!(build[3]["name"].as_str(), Some("Check newsprint's version"));
    }

    /// What a build and a preview leave beside the sources is exactly what `.gitignore` lists.
    #[test]
    fn gitignore_covers_the_outputs_and_their_siblings() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let mut locks = Vec::new();
        for name in ["public", SERVE_OUTPUT] {
            let output = OutputDir::new(root, &root.join(name)).unwrap();
            locks.push(output.lock().unwrap());
            output.stage().unwrap().commit().unwrap();
            output.stage().unwrap().abandon();
        }
        let patterns: Vec<&str> = GITIGNORE
            .lines()
            .filter(|line| !line.starts_with('#'))
            .collect();
        let mut names = Vec::new();
        for entry in fs::read_dir(root).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            let folder = entry.file_type().unwrap().is_dir();
            let ignored = patterns.iter().any(|pattern| {
                match pattern.strip_prefix('/').unwrap().strip_suffix('/') {
                    Some(dir_name) => folder && name == dir_name,
                    None => {
                        let prefix = pattern[1..].strip_suffix('*').unwrap();
                        name.starts_with(prefix)
                    }
                }
            });
            assert!(ignored, "`{name}` is not git-ignored");
            names.push(name);
        }
        names.sort();
        assert_eq!(names, ["..serve.lock", ".public.lock", ".serve", "public"]);
    }
}
