//! The one harness of the integration tests: a site in a temporary folder (a copy of a fixture
//! under `tests/fixtures/`, or files written by the test), the real `newsprint` binary run on it,
//! and its output read back as a tree of files.

// Each test module uses its own subset of these.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_newsprint");

/// The folder of a fixture that holds what its build must output (see [`assert_expected_output`]);
/// not part of the site.
const EXPECTED: &str = "expected";

/// `tests/fixtures/`.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A site in a fresh temporary folder, removed when dropped.
pub struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    /// An empty folder.
    pub fn empty() -> Site {
        Site {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Site {
        let site = Site::empty();
        copy_fixture(name, site.root());
        site
    }

    /// A site with only `config.yaml`.
    pub fn with_config(config: &str) -> Site {
        let site = Site::empty();
        site.write("config.yaml", config);
        site
    }

    /// A small site: three tagged articles in March 2025.
    pub fn three_articles() -> Site {
        let site =
            Site::with_config("title: Test Digest\nbase_url: https://user.github.io/digest/\n");
        site.write(
            "content/2025/03/alpha.md",
            article("Alpha talks begin", "2025-03-10", "[Talks, Europe]"),
        );
        site.write(
            "content/2025/03/beta.md",
            article("Beta sanctions", "2025-03-11", "[Sanctions]"),
        );
        site.write(
            "content/2025/03/gamma.md",
            article("Gamma truce", "2025-03-12", "[Talks]"),
        );
        site
    }

    /// The site's folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// `relative` inside the site.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    /// The default output folder, `public/`.
    pub fn public(&self) -> PathBuf {
        self.path("public")
    }

    /// Writes a file of the site, making its folders.
    pub fn write(&self, relative: &str, bytes: impl AsRef<[u8]>) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }

    /// A symbolic link at `relative` to `target`.
    #[cfg(unix)]
    pub fn link(&self, relative: &str, target: &Path) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target, path).unwrap();
    }

    /// A file of the site (sources and output alike), which must exist.
    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path(relative))
            .unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
    }

    /// A file of the site, or "" while it does not exist (for polling).
    pub fn read_or_empty(&self, relative: &str) -> String {
        fs::read_to_string(self.path(relative)).unwrap_or_default()
    }

    /// A file of the output, `public/<relative>`, which must exist.
    pub fn page(&self, relative: &str) -> String {
        self.read(&format!("public/{relative}"))
    }

    /// Every output file with its bytes.
    pub fn output(&self) -> BTreeMap<String, Vec<u8>> {
        tree(&self.public())
    }

    /// `newsprint <args>` run in the site's folder, not yet started.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        command.args(args).current_dir(self.root());
        command
    }

    /// Runs `newsprint <args>` in the site's folder; whatever it reports, it must not panic.
    pub fn newsprint(&self, args: &[&str]) -> Output {
        let output = self.command(args).output().unwrap();
        assert_no_panic(&output);
        output
    }

    /// `newsprint build`.
    pub fn build(&self) -> Output {
        self.newsprint(&["build"])
    }

    /// `newsprint build <args>`.
    pub fn build_with(&self, args: &[&str]) -> Output {
        let mut all = vec!["build"];
        all.extend(args);
        self.newsprint(&all)
    }

    /// `newsprint build <args>`, which must succeed.
    pub fn built(&self, args: &[&str]) -> Output {
        let output = self.build_with(args);
        assert_success(&output);
        output
    }
}

/// An article with a title, a date and tags (`[Talks, Europe]`).
pub fn article(title: &str, date: &str, tags: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\ntags: {tags}\n---\n\nThe body of {title}.\n")
}

/// What a run printed on standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// What a run printed on standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Fails the test, showing what newsprint printed, unless the run succeeded.
pub fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "newsprint failed:\n{}{}",
        head(&stdout(output)),
        head(&stderr(output))
    );
}

/// The first 2,000 characters of a message, for assertion failures about huge outputs.
pub fn head(text: &str) -> String {
    text.chars().take(2000).collect()
}

/// Fails the test if newsprint panicked or died of a signal: every outcome must be a report
/// and an exit code (0, 1 or 2), never a crash.
pub fn assert_no_panic(output: &Output) {
    let message = stderr(output);
    assert!(
        !message.contains("panicked") && !message.contains("RUST_BACKTRACE"),
        "newsprint panicked:\n{}",
        head(&message)
    );
    assert!(
        matches!(output.status.code(), Some(0..=2)),
        "exit {:?} (a signal?):\n{}",
        output.status,
        head(&message)
    );
}

/// Fails the test unless the output under `dir` is what `tests/fixtures/<fixture>/expected/`
/// says: exactly the files listed in its `files.txt` (one path a line; a missing *or* an extra
/// file fails), and every other file under `expected/` byte for byte.
pub fn assert_expected_output(fixture: &str, dir: &Path) {
    let expected_dir = fixtures().join(fixture).join(EXPECTED);
    let listed = fs::read_to_string(expected_dir.join("files.txt")).unwrap();
    let expected: Vec<&str> = listed.lines().filter(|l| !l.trim().is_empty()).collect();
    let built = tree(dir);
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|path| !built.contains_key(*path))
        .collect();
    let extra: Vec<&str> = built
        .keys()
        .map(String::as_str)
        .filter(|path| !expected.contains(path))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "the output of `{fixture}` is not expected/files.txt\nmissing: {missing:?}\nextra: {extra:?}"
    );
    for (path, bytes) in tree(&expected_dir) {
        if path == "files.txt" {
            continue;
        }
        assert!(
            built.get(&path) == Some(&bytes),
            "`{fixture}`: {path} differs from expected/{path}"
        );
    }
}

/// Copies the site of `tests/fixtures/<name>` into the existing folder `to`, without the
/// fixture's `expected/` output.
pub fn copy_fixture(name: &str, to: &Path) {
    for entry in fs::read_dir(fixtures().join(name)).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_name() == EXPECTED {
            continue;
        } else if entry.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Copies the folder `from` into the existing folder `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, by relative path; empty if `dir` does not exist.
/// Symbolic links are listed with their target, not followed.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let entry = entry.unwrap();
            let path = entry.path();
            let relative = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let kind = entry.file_type().unwrap();
            if kind.is_symlink() {
                // Not followed: a link is its target's name.
                let target = fs::read_link(&path).unwrap();
                files.insert(relative, target.to_string_lossy().as_bytes().to_vec());
            } else if kind.is_dir() {
                stack.push(path);
            } else {
                files.insert(relative, fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// How often a wait polls.
pub const POLL: Duration = Duration::from_millis(50);

/// How long a wait polls before it fails the test: a slow machine makes tests slower, not flaky.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// A running `newsprint` (`watch`, `serve`), killed when dropped; its output is collected as it
/// comes.
pub struct Running {
    child: Child,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

impl Running {
    /// Starts `newsprint <args>`.
    pub fn start(args: &[&str]) -> Running {
        let mut child = Command::new(BIN)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("newsprint starts");
        let stdout = collect(child.stdout.take().unwrap());
        let stderr = collect(child.stderr.take().unwrap());
        Running {
            child,
            stdout,
            stderr,
        }
    }

    /// What it printed on standard output so far.
    pub fn stdout(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }

    /// What it printed on standard error so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Polls `check` until it holds; fails the test with the process's output if it never does.
    pub fn wait(&self, what: &str, mut check: impl FnMut() -> bool) {
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            if check() {
                return;
            }
            std::thread::sleep(POLL);
        }
        panic!(
            "timed out waiting for {what}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout(),
            self.stderr()
        );
    }

    /// Waits for the process to exit on its own; its exit code.
    pub fn exit_code(&mut self) -> Option<i32> {
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(POLL);
        }
        None
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Collects a stream's lines as they come, on a thread of its own.
fn collect(stream: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let sink = text.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            let mut sink = sink.lock().unwrap();
            sink.push_str(&line);
            sink.push('\n');
        }
    });
    text
}

/// A copy of `tests/fixtures/<name>` in a fresh temporary folder, for tests that work with
/// paths rather than a [`Site`].
pub fn fixture_dir(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(name, dir.path());
    dir
}

/// Runs `newsprint <args> --root <root>`; whatever it reports, it must not panic.
pub fn newsprint(args: &[&str], root: &Path) -> Output {
    let output = Command::new(BIN)
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap();
    assert_no_panic(&output);
    output
}

/// Builds the site at `root`, which must succeed; its output folder.
pub fn build(root: &Path) -> PathBuf {
    assert_success(&newsprint(&["build"], root));
    root.join("public")
}

/// A file that must exist.
pub fn read(path: impl AsRef<Path>) -> String {
    fs::read_to_string(path.as_ref()).unwrap_or_else(|e| panic!("{}: {e}", path.as_ref().display()))
}

/// The paths only one tree holds, and those whose bytes differ.
pub fn difference(got: &BTreeMap<String, Vec<u8>>, want: &BTreeMap<String, Vec<u8>>) -> String {
    let extra: Vec<&String> = got.keys().filter(|k| !want.contains_key(*k)).collect();
    let missing: Vec<&String> = want.keys().filter(|k| !got.contains_key(*k)).collect();
    let differ: Vec<&String> = got
        .iter()
        .filter(|(k, v)| want.get(*k).is_some_and(|w| w != *v))
        .map(|(k, _)| k)
        .collect();
    format!("extra {extra:?}, missing {missing:?}, different {differ:?}")
}
