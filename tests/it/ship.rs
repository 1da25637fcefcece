//! Shipping a site: what `newsprint init` writes (the Pages workflow pinned to this release, with
//! its checksum check, fallback and schedule; the `.gitignore`), how the release archives are
//! named for `cargo binstall` and that workflow, and the example site built as the workflow builds
//! it, under a GitHub Pages project URL.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_yaml::Value;

use crate::support::tree;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn newsprint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsprint"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "newsprint failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A site made by `newsprint init digest --title … --base-url …` in a temporary folder.
struct NewSite {
    dir: tempfile::TempDir,
    stdout: String,
}

impl NewSite {
    fn init() -> NewSite {
        let dir = tempfile::tempdir().unwrap();
        let output = newsprint(
            dir.path(),
            &[
                "init",
                "digest",
                "--title",
                "Kyiv: Morning Digest",
                "--base-url",
                "https://user.github.io/digest",
            ],
        );
        assert_success(&output);
        let stdout = String::from_utf8(output.stdout).unwrap();
        NewSite { dir, stdout }
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("digest")
    }

    fn workflow(&self) -> Value {
        let text = fs::read_to_string(self.root().join(".github/workflows/pages.yml")).unwrap();
        serde_yaml::from_str(&text).unwrap()
    }
}

/// Cargo.toml's `key = "value"` in the section `[section]`.
fn cargo_toml(section: &str, key: &str) -> String {
    let text =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let text = format!("\n{text}");
    let start = text.find(&format!("\n[{section}]\n")).unwrap();
    let body = &text[start + section.len() + 4..];
    let body = &body[..body.find("\n[").unwrap_or(body.len())];
    let line = body
        .lines()
        .find(|line| line.starts_with(&format!("{key} = \"")))
        .unwrap_or_else(|| panic!("Cargo.toml [{section}] has no {key}"));
    line.split('"').nth(1).unwrap().to_string()
}

/// The URL `cargo binstall` downloads for `target` (Cargo.toml's binstall `pkg-url`).
fn binstall_url(target: &str) -> String {
    let section = if target.contains("windows") {
        format!("package.metadata.binstall.overrides.{target}")
    } else {
        "package.metadata.binstall".to_string()
    };
    cargo_toml(&section, "pkg-url")
        .replace("{ repo }", &cargo_toml("package", "repository"))
        .replace("{ version }", VERSION)
        .replace("{ name }", "newsprint")
        .replace("{ target }", target)
}

fn steps(job: &Value) -> &Vec<Value> {
    job["steps"].as_sequence().unwrap()
}

fn run_text(step: &Value) -> &str {
    step["run"].as_str().unwrap_or("")
}

/// The step that downloads and checks the release binary, and the steps that run if it fails.
fn install_steps(job: &Value) -> (&Value, Vec<&Value>) {
    let binary = steps(job)
        .iter()
        .find(|step| step["id"].as_str() == Some("binary"))
        .expect("a step with id `binary`");
    let fallback = steps(job)
        .iter()
        .filter(|step| step["if"].as_str() == Some("steps.binary.outcome == 'failure'"))
        .collect();
    (binary, fallback)
}

#[test]
fn init_writes_a_workflow_pinned_to_this_release() {
    let site = NewSite::init();
    let workflow = site.workflow();
    let env = &workflow["env"];
    assert_eq!(env["NEWSPRINT_VERSION"].as_str(), Some(VERSION));
    assert_eq!(
        env["NEWSPRINT_REPOSITORY"].as_str(),
        Some(cargo_toml("package", "repository").as_str())
    );

    for job in ["build", "check"] {
        let job = &workflow["jobs"][job];
        let (binary, fallback) = install_steps(job);
        assert_eq!(binary["continue-on-error"].as_bool(), Some(true));
        let script = run_text(binary);
        // The archive is the one the release workflow and `cargo binstall` name.
        let url = binstall_url("x86_64-unknown-linux-gnu");
        let archive = url.rsplit('/').next().unwrap();
        let templated = archive.replace(VERSION, "$NEWSPRINT_VERSION");
        assert!(
            script.contains(&format!("archive=\"{templated}\"")),
            "{script}"
        );
        assert!(script.contains("$NEWSPRINT_REPOSITORY/releases/download/v$NEWSPRINT_VERSION"));
        assert!(script.contains("SHA256SUMS"), "{script}");
        assert!(script.contains("sha256sum --check --strict"), "{script}");
        assert!(script.starts_with("set -euo pipefail"), "{script}");
        // Otherwise: a cache of an earlier build, then the tagged source.
        assert_eq!(fallback.len(), 2, "{fallback:?}");
        assert!(
            fallback[0]["uses"]
                .as_str()
                .unwrap()
                .starts_with("actions/cache@v")
        );
        assert!(
            fallback[0]["with"]["key"]
                .as_str()
                .unwrap()
                .contains("${{ env.NEWSPRINT_VERSION }}")
        );
        assert!(run_text(fallback[1]).contains(
            "cargo +stable install --locked --git \"$NEWSPRINT_REPOSITORY\" --tag \"v$NEWSPRINT_VERSION\" newsprint"
        ));
        assert!(
            steps(job)
                .iter()
                .any(|step| run_text(step).contains("newsprint --version")),
            "the installed version is checked"
        );
        assert!(job["timeout-minutes"].as_u64().is_some_and(|m| m <= 60));
    }
    let build = &workflow["jobs"]["build"];
    let deploy = &workflow["jobs"]["deploy"];
    assert!(steps(build).iter().any(|step| {
        step["uses"].as_str() == Some("actions/configure-pages@v5")
            && step["id"].as_str() == Some("pages")
    }));
    let build_step = steps(build)
        .iter()
        .find(|step| run_text(step).contains("newsprint build"))
        .unwrap();
    assert!(run_text(build_step).contains("newsprint build --base-url \"$BASE_URL\""));
    assert_eq!(
        build_step["env"]["BASE_URL"].as_str(),
        Some("${{ steps.pages.outputs.base_url }}")
    );
    assert_eq!(deploy["needs"].as_str(), Some("build"));
    assert!(deploy["timeout-minutes"].as_u64().is_some());
    assert_eq!(deploy["environment"]["name"].as_str(), Some("github-pages"));
    assert_eq!(workflow["permissions"]["pages"].as_str(), Some("write"));
    assert_eq!(workflow["permissions"]["id-token"].as_str(), Some("write"));
    assert_eq!(
        workflow["concurrency"]["group"].as_str(),
        Some(
            "${{ github.event_name == 'pull_request' && format('check-{0}', github.ref) || 'pages' }}"
        )
    );
}

#[test]
fn init_workflow_runs_on_push_schedule_dispatch_and_checks_pull_requests() {
    let workflow = NewSite::init().workflow();
    let on = &workflow["on"];
    assert_eq!(on["push"]["branches"][0].as_str(), Some("main"));
    assert!(on.get("workflow_dispatch").is_some());
    assert!(on.get("pull_request").is_some());
    // Hourly: a fixed minute, every hour of every day.
    let cron = on["schedule"][0]["cron"].as_str().unwrap();
    let fields: Vec<&str> = cron.split(' ').collect();
    assert_eq!(fields.len(), 5, "{cron}");
    assert!(fields[0].parse::<u8>().is_ok_and(|minute| minute < 60));
    assert_eq!(fields[1..], ["*", "*", "*", "*"]);

    // Pull requests run `newsprint check` in a job of their own that cannot deploy.
    let jobs = workflow["jobs"].as_mapping().unwrap();
    let check = &workflow["jobs"]["check"];
    assert_eq!(
        check["if"].as_str(),
        Some("github.event_name == 'pull_request'")
    );
    assert_eq!(check["permissions"]["contents"].as_str(), Some("read"));
    assert_eq!(check["permissions"].as_mapping().unwrap().len(), 1);
    assert!(
        steps(check)
            .iter()
            .any(|s| run_text(s) == "newsprint check")
    );
    for (name, job) in jobs {
        let deploys = job["steps"].as_sequence().unwrap().iter().any(|step| {
            step["uses"]
                .as_str()
                .is_some_and(|uses| uses.contains("pages-artifact") || uses.contains("deploy"))
        });
        let runs_on_pull_requests =
            job["if"].as_str() == Some("github.event_name == 'pull_request'");
        assert!(
            !(deploys && runs_on_pull_requests),
            "{name:?} deploys a pull request"
        );
    }
    assert_eq!(
        workflow["jobs"]["build"]["if"].as_str(),
        Some("github.event_name != 'pull_request'")
    );
    // Every action is pinned to a major version.
    for job in jobs.values() {
        for step in steps(job) {
            if let Some(uses) = step["uses"].as_str() {
                let (_, version) = uses.split_once('@').unwrap();
                assert!(
                    version.starts_with('v') && version[1..].parse::<u32>().is_ok(),
                    "{uses}"
                );
            }
        }
    }
}

#[test]
fn init_takes_title_and_url_and_says_how_to_publish() {
    let site = NewSite::init();
    let config = fs::read_to_string(site.root().join("config.yaml")).unwrap();
    let config: Value = serde_yaml::from_str(&config).unwrap();
    assert_eq!(config["title"].as_str(), Some("Kyiv: Morning Digest"));
    assert_eq!(
        config["base_url"].as_str(),
        Some("https://user.github.io/digest/")
    );
    assert!(site.stdout.contains("newsprint serve"), "{}", site.stdout);
    assert!(
        site.stdout
            .contains("Settings → Pages → Build and deployment → Source: \"GitHub Actions\""),
        "{}",
        site.stdout
    );
    // The new site passes its own pull-request check as it is.
    assert_success(&newsprint(&site.root(), &["check"]));
}

#[test]
fn init_refuses_a_non_empty_folder_and_bad_flags() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("used")).unwrap();
    fs::write(dir.path().join("used/notes.md"), "mine").unwrap();
    let output = newsprint(dir.path(), &["init", "used", "--title", "T"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not empty"));
    assert_eq!(
        tree(&dir.path().join("used"))
            .into_keys()
            .collect::<Vec<_>>(),
        ["notes.md"]
    );
    let output = newsprint(dir.path(), &["init", "new", "--base-url", "user.github.io"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid --base-url"));
    assert!(!dir.path().join("new").exists());
}

/// After a build and a preview build, git sees only the sources `init` wrote.
#[test]
fn gitignore_covers_what_newsprint_leaves_in_the_site() {
    let site = NewSite::init();
    let root = site.root();
    let written: Vec<String> = tree(&root).into_keys().collect();
    assert_success(&newsprint(&root, &["build"]));
    // What `newsprint serve` writes: the same build, into .serve.
    assert_success(&newsprint(&root, &["build", "--output", ".serve"]));
    for leftover in ["public", ".public.lock", ".serve", "..serve.lock"] {
        assert!(root.join(leftover).exists(), "{leftover}");
    }
    // Stand-ins for what later features write (image cache, email export).
    fs::create_dir_all(root.join(".newsprint-cache/images")).unwrap();
    fs::write(root.join(".newsprint-cache/images/a.webp"), "x").unwrap();
    fs::create_dir_all(root.join("email")).unwrap();
    fs::write(root.join("email/2025-03-16.html"), "x").unwrap();

    let git = |args: &[&str]| {
        let output = Command::new("git")
            .args(args)
            .current_dir(&root)
            .output()
            .expect("git runs");
        assert!(output.status.success(), "git {args:?} failed");
        String::from_utf8(output.stdout).unwrap()
    };
    git(&["init", "--quiet"]);
    let untracked = git(&["ls-files", "--others", "--exclude-standard"]);
    let mut untracked: Vec<&str> = untracked.lines().collect();
    untracked.sort();
    let mut expected: Vec<String> = written.iter().map(|p| p.replace('\\', "/")).collect();
    expected.sort();
    assert_eq!(untracked, expected);
}

#[test]
fn release_archives_are_what_binstall_and_the_workflow_fetch() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = fs::read_to_string(root.join(".github/workflows/release.yml")).unwrap();
    let release: Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(release["on"]["push"]["tags"][0].as_str(), Some("v*"));
    let build = &release["jobs"]["build"];
    let targets: Vec<&str> = build["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|entry| entry["target"].as_str().unwrap())
        .collect();
    for target in [
        "x86_64-unknown-linux-gnu",
        "aarch64-unknown-linux-gnu",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(targets.contains(&target), "no release build for {target}");
    }
    let pack = steps(build)
        .iter()
        .find(|step| step["name"].as_str() == Some("Pack"))
        .unwrap();
    let script = run_text(pack);
    assert!(script.contains("name=\"newsprint-$GITHUB_REF_NAME-$TARGET\""));
    assert!(script.contains("cp README.md LICENSE \"$name/\""));
    for target in targets {
        let suffix = if target.contains("windows") {
            "zip"
        } else {
            "tar.gz"
        };
        assert!(script.contains(&format!("\"dist/$name.{suffix}\"")));
        let expected = format!(
            "{}/releases/download/v{VERSION}/newsprint-v{VERSION}-{target}.{suffix}",
            cargo_toml("package", "repository")
        );
        assert_eq!(binstall_url(target), expected);
    }
    let checksums = steps(&release["jobs"]["release"])
        .iter()
        .map(run_text)
        .collect::<String>();
    assert!(checksums.contains("> SHA256SUMS"));
    assert!(checksums.contains("> \"$archive.sha256\""));
    assert!(root.join("LICENSE").is_file());
}

/// Every link of the example site, built as the Pages workflow builds it for a project site,
/// carries the `/digest/` prefix: in pages, feeds and sitemap.
#[test]
fn example_site_builds_under_a_project_sub_path() {
    let out = tempfile::tempdir().unwrap();
    let output_dir = out.path().join("site");
    let root = env!("CARGO_MANIFEST_DIR");
    let output = Command::new(env!("CARGO_BIN_EXE_newsprint"))
        .args(["build", "--root", root, "--output"])
        .arg(&output_dir)
        .args(["--base-url", "https://user.github.io/digest"])
        .output()
        .unwrap();
    assert_success(&output);
    // Keys with `/` on every OS, as in URLs.
    let files: BTreeMap<String, Vec<u8>> = tree(&output_dir)
        .into_iter()
        .map(|(path, bytes)| (path.replace('\\', "/"), bytes))
        .collect();
    let base = "https://user.github.io/digest/";
    let mut checked = 0;
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        for link in attribute_values(&String::from_utf8_lossy(bytes)) {
            let inside = if let Some(inside) = link.strip_prefix(base) {
                inside
            } else if let Some(inside) = link.strip_prefix("/digest/") {
                inside
            } else {
                assert!(
                    !link.starts_with('/') && !link.starts_with("https://user.github.io"),
                    "{path}: {link} misses the /digest/ prefix"
                );
                continue;
            };
            let inside = inside.split(['#', '?']).next().unwrap();
            let target = if inside.is_empty() || inside.ends_with('/') {
                format!("{inside}index.html")
            } else {
                inside.to_string()
            };
            assert!(
                files.contains_key(&target),
                "{path}: {link} does not resolve"
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links");
    for feed in ["atom.xml", "rss.xml", "feed.json"] {
        let parsed = feed_rs::parser::parse(&files[feed][..]).unwrap();
        assert!(!parsed.entries.is_empty(), "{feed}");
        for entry in &parsed.entries {
            // The entry's own page (an RSS item's link, an Atom alternate, a JSON url); other
            // links may point at the reports an article is based on.
            let page = entry
                .links
                .iter()
                .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
                .unwrap_or_else(|| panic!("{feed}: an entry without a link"));
            assert!(page.href.starts_with(base), "{feed}: {}", page.href);
            assert!(
                entry.id.starts_with(base) || entry.id.starts_with("tag:"),
                "{feed}: {}",
                entry.id
            );
        }
    }
    let sitemap = String::from_utf8_lossy(&files["sitemap.xml"]).into_owned();
    let locs: Vec<&str> = sitemap.split("<loc>").skip(1).collect();
    assert!(!locs.is_empty());
    for loc in locs {
        assert!(loc.starts_with(base), "sitemap: {loc}");
    }
}

/// The values of every `href` and `src` attribute in `html`.
fn attribute_values(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        for piece in html.split(attribute).skip(1) {
            if let Some(end) = piece.find('"') {
                found.push(piece[..end].replace("&amp;", "&"));
            }
        }
    }
    found
}

/// The release workflow's packing and checksum scripts and the init workflow's install script,
/// run for real: a release served over HTTP installs, a tampered or missing one does not.
#[cfg(target_os = "linux")]
mod install {
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;
    use std::thread;

    use super::*;

    const TARGET: &str = "x86_64-unknown-linux-gnu";

    /// Serves the files of `dir` over HTTP at `/<any path>/<file name>` until the test ends.
    fn serve(dir: PathBuf) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut request = String::new();
                BufReader::new(&stream).read_line(&mut request).unwrap();
                let path = request.split(' ').nth(1).unwrap_or("/");
                let name = path.rsplit('/').next().unwrap();
                let response = match fs::read(dir.join(name)) {
                    Ok(body) if !name.is_empty() => {
                        let head = format!(
                            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        );
                        [head.into_bytes(), body].concat()
                    }
                    _ => {
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .to_vec()
                    }
                };
                let _ = stream.write_all(&response);
            }
        });
        format!("http://{address}/newsprint-ssg/newsprint")
    }

    /// Runs a workflow step's script with bash in `dir`.
    fn bash(script: &str, dir: &Path, env: &[(&str, &str)]) -> Output {
        Command::new("bash")
            .args(["-e", "-c", script])
            .current_dir(dir)
            .envs(env.iter().copied())
            .output()
            .unwrap()
    }

    fn step<'a>(job: &'a Value, name: &str) -> &'a str {
        let found = steps(job)
            .iter()
            .find(|step| step["name"].as_str() == Some(name))
            .unwrap_or_else(|| panic!("no step {name}"));
        run_text(found)
    }

    /// A release of this newsprint for Linux x86_64, made by release.yml's own scripts (the
    /// other targets' archives are placeholders), in `<work>/dist`.
    fn make_release(work: &Path) -> PathBuf {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = fs::read_to_string(root.join(".github/workflows/release.yml")).unwrap();
        let release: Value = serde_yaml::from_str(&text).unwrap();
        let binary = work.join(format!("target/{TARGET}/release/newsprint"));
        fs::create_dir_all(binary.parent().unwrap()).unwrap();
        // A stand-in that answers `--version` as the real binary does: packing and downloading
        // the 130 MB debug build would make the test slow and prove nothing more.
        let version = newsprint(work, &["--version"]);
        assert_success(&version);
        let version = String::from_utf8(version.stdout).unwrap();
        assert_eq!(version, format!("newsprint {VERSION}\n"));
        fs::write(&binary, format!("#!/bin/sh\nprintf '%s' '{version}'\n")).unwrap();
        let mut permissions = fs::metadata(&binary).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
        fs::set_permissions(&binary, permissions).unwrap();
        for file in ["README.md", "LICENSE"] {
            fs::copy(root.join(file), work.join(file)).unwrap();
        }
        let tag = format!("v{VERSION}");
        let pack = step(&release["jobs"]["build"], "Pack");
        let env = [
            ("RUNNER_OS", "Linux"),
            ("GITHUB_REF_NAME", tag.as_str()),
            ("TARGET", TARGET),
        ];
        assert_success(&bash(pack, work, &env));
        let dist = work.join("dist");
        for other in [
            "aarch64-unknown-linux-gnu.tar.gz",
            "x86_64-apple-darwin.tar.gz",
            "aarch64-apple-darwin.tar.gz",
            "x86_64-pc-windows-msvc.zip",
        ] {
            fs::write(dist.join(format!("newsprint-{tag}-{other}")), other).unwrap();
        }
        let checksums = step(&release["jobs"]["release"], "Checksums");
        assert_success(&bash(checksums, &dist, &[]));
        dist
    }

    /// Runs the init workflow's install step; returns its output and what it added to PATH.
    fn install(
        workflow: &Value,
        repository: &str,
        version: &str,
        runner: &Path,
    ) -> (Output, String) {
        let script = run_text(install_steps(&workflow["jobs"]["build"]).0);
        let temp = runner.join("temp");
        fs::create_dir_all(&temp).unwrap();
        let github_path = runner.join("github_path");
        fs::write(&github_path, "").unwrap();
        let output = bash(
            script,
            runner,
            &[
                ("NEWSPRINT_VERSION", version),
                ("NEWSPRINT_REPOSITORY", repository),
                ("RUNNER_TEMP", temp.to_str().unwrap()),
                ("GITHUB_PATH", github_path.to_str().unwrap()),
            ],
        );
        (output, fs::read_to_string(github_path).unwrap())
    }

    #[test]
    fn init_workflow_installs_the_release_binary_only_if_its_checksum_matches() {
        let work = tempfile::tempdir().unwrap();
        let dist = make_release(work.path());
        let sums = fs::read_to_string(dist.join("SHA256SUMS")).unwrap();
        assert_eq!(sums.lines().count(), 5, "{sums}");
        let archive = format!("newsprint-v{VERSION}-{TARGET}.tar.gz");
        assert!(
            fs::read_to_string(dist.join(format!("{archive}.sha256")))
                .unwrap()
                .ends_with(&format!("  {archive}\n"))
        );
        let repository = serve(dist.clone());
        let workflow = NewSite::init().workflow();

        let runner = tempfile::tempdir().unwrap();
        let (output, path) = install(&workflow, &repository, VERSION, runner.path());
        assert_success(&output);
        let bin = PathBuf::from(path.trim_end());
        for file in ["newsprint", "README.md", "LICENSE"] {
            assert!(bin.join(file).is_file(), "{file} missing from the archive");
        }
        // The workflow's next step checks the version of the newsprint on PATH.
        let check = steps(&workflow["jobs"]["build"])
            .iter()
            .find(|step| run_text(step).contains("newsprint --version"))
            .unwrap();
        let search = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
        let env = [("PATH", search.as_str()), ("NEWSPRINT_VERSION", VERSION)];
        assert_success(&bash(run_text(check), runner.path(), &env));
        let wrong = [
            ("PATH", search.as_str()),
            ("NEWSPRINT_VERSION", "0.0.0-other"),
        ];
        assert!(
            !bash(run_text(check), runner.path(), &wrong)
                .status
                .success()
        );

        // A release that does not exist fails the step, and the fallback takes over.
        let runner = tempfile::tempdir().unwrap();
        let (output, path) = install(&workflow, &repository, "99.0.0", runner.path());
        assert!(!output.status.success());
        assert_eq!(path, "");

        // An archive that does not match SHA256SUMS is never put on PATH.
        let mut bytes = fs::read(dist.join(&archive)).unwrap();
        bytes.push(0);
        fs::write(dist.join(&archive), bytes).unwrap();
        let runner = tempfile::tempdir().unwrap();
        let (output, path) = install(&workflow, &repository, VERSION, runner.path());
        assert!(!output.status.success());
        assert!(String::from_utf8_lossy(&output.stdout).contains(&format!("{archive}: FAILED")));
        assert_eq!(path, "");
    }
}
