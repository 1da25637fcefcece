//! The write stage: the only code that writes the site.
//!
//! Input: output-relative paths and their bytes. Output: files on disk, with three promises:
//! nothing is written outside the output folder (every path is checked by [`safe_join`]); a full
//! build is staged in a sibling folder and swapped into place only when complete, so a failed or
//! killed build leaves the previous output untouched; and in-place updates (`watch`) rewrite a
//! file only when its bytes change, atomically, so a server never sees half a page.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::CONFIG_FILE;
use crate::error::{Error, Result};

pub mod limits;
pub use limits::Size;

/// A checked output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputDir {
    /// The output folder itself (absolute).
    pub path: PathBuf,
}

impl OutputDir {
    /// Checks that `output` is safe to replace: not `/`, not the home folder, not the site root
    /// or a folder that holds it, not inside the site's sources, not a folder of sources.
    pub fn new(root: &Path, output: &Path) -> Result<OutputDir> {
        let refuse = |reason: &str| Error::UnsafeOutput {
            path: output.to_path_buf(),
            reason: reason.to_string(),
        };
        let root = absolute(root).map_err(|e| Error::read(root, e))?;
        let path = absolute(output).map_err(|e| Error::read(output, e))?;
        if path.parent().is_none() {
            return Err(refuse("it is the file system root"));
        }
        if std::env::var_os("HOME")
            .is_some_and(|home| absolute(Path::new(&home)).ok() == Some(path.clone()))
        {
            return Err(refuse("it is your home folder"));
        }
        if root.starts_with(&path) {
            return Err(refuse("it is the site folder or holds it"));
        }
        for source in ["content", "static", "themes", CONFIG_FILE] {
            if path.starts_with(root.join(source)) {
                return Err(refuse(&format!("it is inside the site's `{source}`")));
            }
        }
        if path.join(CONFIG_FILE).exists() || path.join("content").is_dir() {
            return Err(refuse(
                "it holds a config.yaml or a content/ folder, so it looks like a site",
            ));
        }
        Ok(OutputDir { path })
    }

    /// Checks that this folder is newsprint's to replace: missing, empty, or marked by an
    /// earlier build ([`MARKER`]); a folder of other files only with `force`. Never a folder
    /// inside or holding `.git`, a regular file, or a mount point (the swap is a rename).
    pub fn claim(&self, force: bool) -> Result<()> {
        let refuse = |reason: String| Error::UnsafeOutput {
            path: self.path.clone(),
            reason,
        };
        if self.path.components().any(|c| c.as_os_str() == ".git") {
            return Err(refuse(
                "it is inside a `.git` folder, git's own data".into(),
            ));
        }
        // Nothing there (or a parent that is a file): nothing to lose, and writing reports why
        // the folder cannot be made.
        let Ok(meta) = fs::symlink_metadata(&self.path) else {
            return Ok(());
        };
        // A link is replaced by the site, never followed (see `Staging::commit`).
        if meta.file_type().is_symlink() {
            return Ok(());
        }
        if !meta.is_dir() {
            return Err(refuse(
                "it is a file, not a folder; it is left as it is: name another folder".into(),
            ));
        }
        if fs::symlink_metadata(self.path.join(".git")).is_ok() {
            return Err(refuse(
                "it holds `.git` (a git repository or worktree, such as a gh-pages checkout), which every build would delete, even with --force; build into another folder and copy the site into the checkout, or deploy with GitHub Actions".into(),
            ));
        }
        if is_mount_point(&self.path, &meta) {
            return Err(refuse(format!(
                "it is a mount point: a build writes the new site beside it and swaps it in with a rename, which cannot replace a mount point; use a folder inside it, e.g. `--output {}`",
                self.path.join("site").display()
            )));
        }
        if force || self.path.join(MARKER).is_file() {
            return Ok(());
        }
        let mut entries = fs::read_dir(&self.path).map_err(|e| Error::read(&self.path, e))?;
        if entries.next().is_none() {
            return Ok(());
        }
        Err(refuse(format!(
            "it is not empty and was not made by newsprint (it has no `{MARKER}`), and a build replaces everything in it; if it only holds files you mean to lose (or a build of a newsprint older than this marker), run again with --force"
        )))
    }

    fn sibling(&self, suffix: &str) -> PathBuf {
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        self.path.with_file_name(format!(".{name}.{suffix}"))
    }

    /// Where a build saves the output's manifest for the next build: beside the output folder,
    /// like the lock, so it is not published with the site.
    pub fn manifest(&self) -> PathBuf {
        self.sibling("manifest")
    }

    /// Takes the output folder's lock, so two builds never write into it at once.
    pub fn lock(&self) -> Result<OutputLock> {
        let path = self.sibling("lock");
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
        }
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::write(&path, e))?;
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(OutputLock { _file: file }),
                Err(fs::TryLockError::WouldBlock) if started.elapsed() < LOCK_PATIENCE => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(Error::Locked {
                        path: self.path.clone(),
                    });
                }
                Err(fs::TryLockError::Error(error)) => return Err(Error::write(&path, error)),
            }
        }
    }

    /// Undoes what a build killed mid-swap left behind, and removes stale staging folders.
    pub fn recover(&self) -> Result<()> {
        let old = self.sibling("old");
        if old.exists() {
            if self.path.exists() {
                fs::remove_dir_all(&old).map_err(|e| Error::write(&old, e))?;
            } else {
                fs::rename(&old, &self.path).map_err(|e| Error::write(&self.path, e))?;
            }
        }
        let staging = self.sibling("staging");
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(|e| Error::write(&staging, e))?;
        }
        Ok(())
    }

    /// A fresh staging folder for a full build.
    pub fn stage(&self) -> Result<Staging> {
        let dir = self.sibling("staging");
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(|e| Error::write(&dir, e))?;
        }
        fs::create_dir_all(&dir).map_err(|e| Error::write(&dir, e))?;
        let marker = dir.join(MARKER);
        if let Err(error) = fs::write(&marker, MARKER_TEXT) {
            // A full disk fails here first: leave nothing behind, as a failed build must.
            let _ = fs::remove_dir_all(&dir);
            return Err(Error::write(&marker, error));
        }
        Ok(Staging {
            dir,
            output: self.clone(),
            files: AtomicU64::new(1),
            bytes: AtomicU64::new(MARKER_TEXT.len() as u64),
        })
    }
}

/// How long taking the lock may wait before saying another build holds it. A lock is held
/// by an open file, and a process this one starts holds a copy of every open file until it
/// runs its program: when another thread starts a process (`serve` opening the browser, a
/// test harness running builds) just as a publish ends, the next publish finds its own lock
/// still held for that moment, longer on a loaded machine. Another build holds it far longer.
const LOCK_PATIENCE: Duration = Duration::from_secs(2);

/// The file that marks a folder as a newsprint output, which the next build may replace.
pub const MARKER: &str = ".newsprint-output";

const MARKER_TEXT: &str =
    "This folder is a site built by newsprint. Every build replaces all of it.\n";

/// Whether `path` (a folder, `meta` its metadata) is the root of a mounted file system.
#[cfg(unix)]
fn is_mount_point(path: &Path, meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    let parent = path.parent().unwrap_or(path);
    fs::metadata(parent).is_ok_and(|p| p.dev() != meta.dev())
}

#[cfg(not(unix))]
fn is_mount_point(_: &Path, _: &fs::Metadata) -> bool {
    false
}

/// Held while a build writes; released on drop.
#[derive(Debug)]
pub struct OutputLock {
    _file: File,
}

/// A full build being written; [`Staging::commit`] swaps it into place.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    output: OutputDir,
    /// Files written so far (the marker included), for the host-limit warnings.
    files: AtomicU64,
    /// Their bytes.
    bytes: AtomicU64,
}

impl Staging {
    /// The folder being filled.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes one file of the new output. Its folder is made only when the file cannot be
    /// created without it: most folders hold many files, or were made by [`Staging::folders`].
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        let path = safe_join(&self.dir, relative)?;
        match fs::write(&path, bytes) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                create_parent(&path)?;
                fs::write(&path, bytes)
            }
            written => written,
        }
        .map_err(|e| Error::write(&path, e))?;
        self.count(bytes.len() as u64);
        Ok(())
    }

    fn count(&self, bytes: u64) {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    /// The files written so far and their bytes: the new output's size, once it is complete.
    pub fn size(&self) -> Size {
        Size {
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        }
    }

    /// Makes these folders of the new output, in parallel. A full build makes each article's
    /// folder while one core assembles the site: on ext4 a `mkdir` costs ~15 µs of CPU (it
    /// allocates the folder's first block at once), and the other core would be idle.
    pub fn folders(&self, relatives: &[&str]) -> Result<()> {
        relatives
            .par_iter()
            .with_max_len(crate::MAX_ITEMS_PER_TASK)
            .try_for_each(|relative| {
                let path = safe_join(&self.dir, relative)?;
                fs::create_dir_all(&path).map_err(|e| Error::write(&path, e))
            })
    }

    /// Puts the file `source` (of the current output) into the new output as a hard link: the
    /// same bytes and modification time, without writing them again; a copy where links fail.
    pub fn link(&self, relative: &str, source: &Path) -> Result<()> {
        let path = safe_join(&self.dir, relative)?;
        create_parent(&path)?;
        let bytes = match fs::hard_link(source, &path) {
            Ok(()) => fs::metadata(&path).map_or(0, |metadata| metadata.len()),
            Err(_) => fs::copy(source, &path).map_err(|e| Error::write(&path, e))?,
        };
        // Counted like a written file: the host limits apply to the whole new output.
        self.count(bytes);
        Ok(())
    }

    /// Copies one file into the new output.
    pub fn copy(&self, relative: &str, source: &Path) -> Result<()> {
        let path = safe_join(&self.dir, relative)?;
        create_parent(&path)?;
        let bytes = fs::copy(source, &path).map_err(|e| Error::write(&path, e))?;
        self.count(bytes);
        Ok(())
    }

    /// Puts the new output in place of the old one.
    pub fn commit(self) -> Result<()> {
        let output = &self.output.path;
        if !output.exists() {
            return fs::rename(&self.dir, output).map_err(|e| Error::write(output, e));
        }
        if exchange(&self.dir, output).is_ok() {
            // The staging folder now holds the previous output.
            return fs::remove_dir_all(&self.dir).map_err(|e| Error::write(&self.dir, e));
        }
        let old = self.output.sibling("old");
        fs::rename(output, &old).map_err(|e| Error::write(output, e))?;
        fs::rename(&self.dir, output).map_err(|e| Error::write(output, e))?;
        fs::remove_dir_all(&old).map_err(|e| Error::write(&old, e))
    }

    /// Throws the staging folder away, leaving the previous output as it was.
    pub fn abandon(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Swaps two folders atomically (Linux `renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both pointers are valid NUL-terminated strings that outlive the call.
    let result = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Writes `bytes` to `relative` inside `output` unless the file already holds them.
/// Returns whether it wrote. The write goes through a temporary file and a rename.
pub fn write_if_changed(output: &Path, relative: &str, bytes: &[u8]) -> Result<bool> {
    let path = safe_join(output, relative)?;
    if fs::read(&path).is_ok_and(|current| current == bytes) {
        return Ok(false);
    }
    write_in_place(output, relative, bytes)?;
    Ok(true)
}

/// Writes `bytes` to `relative` inside `output` through a temporary file and a rename, so a
/// reader sees the old file or the new one, never half of it.
pub fn write_in_place(output: &Path, relative: &str, bytes: &[u8]) -> Result<()> {
    let path = safe_join(output, relative)?;
    create_parent(&path)?;
    let temporary = path.with_file_name(format!(
        ".{}.newsprint-tmp",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    let result = File::create(&temporary)
        .and_then(|mut file| file.write_all(bytes))
        .and_then(|()| fs::rename(&temporary, &path));
    if let Err(error) = result {
        let _ = fs::remove_file(&temporary);
        return Err(Error::write(&path, error));
    }
    Ok(())
}

/// Removes a file of the output (and any folders it leaves empty).
pub fn remove(output: &Path, relative: &str) -> Result<()> {
    let path = safe_join(output, relative)?;
    match fs::remove_file(&path) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(Error::write(&path, error)),
    }
    let mut folder = path.parent();
    while let Some(dir) = folder {
        if dir == output || fs::remove_dir(dir).is_err() {
            break;
        }
        folder = dir.parent();
    }
    Ok(())
}

/// `base/relative`, refusing any `relative` that could leave `base`: absolute paths, `..`,
/// NUL bytes, backslashes, empty names.
pub fn safe_join(base: &Path, relative: &str) -> Result<PathBuf> {
    let refuse = || Error::UnsafeOutput {
        path: PathBuf::from(relative),
        reason: "the path would leave the output folder".into(),
    };
    if relative.is_empty() || relative.contains(['\0', '\\']) {
        return Err(refuse());
    }
    let path = Path::new(relative);
    if !path.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(refuse());
    }
    Ok(base.join(path))
}

fn create_parent(path: &Path) -> Result<()> {
    match path.parent() {
        Some(parent) => fs::create_dir_all(parent).map_err(|e| Error::write(parent, e)),
        None => Ok(()),
    }
}

/// `path` made absolute against the current folder, with `.` and `..` resolved by name (not by
/// following links).
pub fn absolute(path: &Path) -> io::Result<PathBuf> {
    let joined = std::path::absolute(path)?;
    let mut clean = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    Ok(clean)
}

#[cfg(test)]
mod props;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_join_refuses_escapes() {
        let base = Path::new("/out");
        for bad in [
            "../x",
            "/etc/passwd",
            "a/../../b",
            "a\\b",
            "a\0b",
            "",
            "./a",
        ] {
            assert!(safe_join(base, bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            safe_join(base, "2025/03/a/index.html").unwrap(),
            Path::new("/out/2025/03/a/index.html")
        );
    }

    #[test]
    fn output_folder_rules() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        fs::create_dir_all(root.join("content")).unwrap();
        fs::write(root.join("config.yaml"), "").unwrap();
        assert!(OutputDir::new(root, root).is_err());
        assert!(OutputDir::new(root, &root.join("content/out")).is_err());
        assert!(OutputDir::new(root, root.parent().unwrap()).is_err());
        assert!(OutputDir::new(root, Path::new("/")).is_err());
        assert!(OutputDir::new(root, &root.join("public")).is_ok());
        assert!(OutputDir::new(root, &root.join("public/../content")).is_err());
    }

    #[test]
    fn only_newsprints_own_folders_are_claimed() {
        let site = tempfile::tempdir().unwrap();
        let output = OutputDir::new(site.path(), &site.path().join("public")).unwrap();
        assert!(output.claim(false).is_ok(), "a missing folder");
        fs::create_dir(&output.path).unwrap();
        assert!(output.claim(false).is_ok(), "an empty folder");
        fs::write(output.path.join("notes.txt"), "mine").unwrap();
        let refused = output.claim(false).unwrap_err().to_string();
        assert!(refused.contains("--force"), "{refused}");
        assert!(output.claim(true).is_ok());
        fs::write(output.path.join(MARKER), "").unwrap();
        assert!(output.claim(false).is_ok(), "a marked folder");
        fs::write(output.path.join(".git"), "gitdir: x").unwrap();
        assert!(output.claim(true).is_err(), "a worktree, even forced");
        let file = OutputDir::new(site.path(), &site.path().join("file")).unwrap();
        fs::write(&file.path, "x").unwrap();
        assert!(file.claim(true).is_err());
        let git = OutputDir::new(site.path(), &site.path().join(".git/out")).unwrap();
        assert!(git.claim(true).is_err());
    }

    /// The flaky `watch_equals_a_fresh_build`: a copy of the lock's file, held for a moment by
    /// a process another thread was starting, made the next publish fail as locked.
    #[test]
    fn lock_held_for_a_moment_is_waited_for() {
        let site = tempfile::tempdir().unwrap();
        let output = OutputDir::new(site.path(), &site.path().join("public")).unwrap();
        let held = output.lock().unwrap();
        let holder = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            drop(held);
        });
        assert!(output.lock().is_ok());
        holder.join().unwrap();
    }

    #[test]
    fn a_staged_build_carries_the_marker() {
        let site = tempfile::tempdir().unwrap();
        let output = OutputDir::new(site.path(), &site.path().join("public")).unwrap();
        output.stage().unwrap().commit().unwrap();
        assert!(output.path.join(MARKER).is_file());
    }

    #[test]
    fn staging_swaps_and_abandon_keeps_old() {
        let site = tempfile::tempdir().unwrap();
        let output = OutputDir::new(site.path(), &site.path().join("public")).unwrap();
        let staging = output.stage().unwrap();
        staging.write("a/index.html", b"one").unwrap();
        staging.commit().unwrap();
        assert_eq!(fs::read(output.path.join("a/index.html")).unwrap(), b"one");

        let staging = output.stage().unwrap();
        staging.write("a/index.html", b"two").unwrap();
        staging.abandon();
        assert_eq!(fs::read(output.path.join("a/index.html")).unwrap(), b"one");

        let staging = output.stage().unwrap();
        staging.write("b.txt", b"three").unwrap();
        staging.commit().unwrap();
        assert!(!output.path.join("a/index.html").exists());
        assert_eq!(fs::read(output.path.join("b.txt")).unwrap(), b"three");
    }

    #[test]
    fn staging_makes_folders_ahead_or_on_demand() {
        let site = tempfile::tempdir().unwrap();
        let output = OutputDir::new(site.path(), &site.path().join("public")).unwrap();
        let staging = output.stage().unwrap();
        staging.folders(&["2025/03/a/", "2025/03/b/"]).unwrap();
        assert!(staging.dir().join("2025/03/b").is_dir());
        staging.write("2025/03/a/index.html", b"a").unwrap();
        // A folder nobody made ahead is made when its first file is written.
        staging.write("tags/x/page/2/index.html", b"x").unwrap();
        assert!(staging.folders(&["../escape/"]).is_err());
        assert!(staging.write("../escape.html", b"!").is_err());
        staging.commit().unwrap();
        assert_eq!(
            fs::read(output.path.join("2025/03/a/index.html")).unwrap(),
            b"a"
        );
        assert_eq!(
            fs::read(output.path.join("tags/x/page/2/index.html")).unwrap(),
            b"x"
        );
        assert!(!site.path().join("escape").exists());
    }

    #[test]
    fn second_lock_is_refused() {
        let site = tempfile::tempdir().unwrap();
        let output = OutputDir::new(site.path(), &site.path().join("public")).unwrap();
        let _held = output.lock().unwrap();
        assert!(matches!(output.lock(), Err(Error::Locked { .. })));
    }

    #[test]
    fn write_if_changed_skips_equal_bytes() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_if_changed(dir.path(), "a/b.html", b"x").unwrap());
        assert!(!write_if_changed(dir.path(), "a/b.html", b"x").unwrap());
        assert!(write_if_changed(dir.path(), "a/b.html", b"y").unwrap());
        remove(dir.path(), "a/b.html").unwrap();
        assert!(!dir.path().join("a").exists());
    }

    #[test]
    fn recover_restores_an_interrupted_swap() {
        let site = tempfile::tempdir().unwrap();
        let output = OutputDir::new(site.path(), &site.path().join("public")).unwrap();
        fs::create_dir_all(output.sibling("old")).unwrap();
        fs::write(output.sibling("old").join("keep.html"), "k").unwrap();
        output.recover().unwrap();
        assert_eq!(fs::read(output.path.join("keep.html")).unwrap(), b"k");
    }
}
