//! The manifest: what the output holds, as this pipeline last published it.
//!
//! Input: the bytes of every file a publish writes, and the output folder. Output: for each
//! output path a hash of its bytes, so an update writes only the files whose bytes changed
//! without reading the old ones back; and a seal, the identity of the marker file every full
//! build writes anew ([`output::MARKER`]), so an update can tell whether the output is still the
//! one this pipeline published. Removed (`rm -rf public`, `git clean -fdX`) or replaced by
//! another build (`newsprint build --base-url …` into the same folder), it is not, and the update
//! becomes a full build instead of patching someone else's site.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};
use std::path::Path;
use std::time::SystemTime;

use crate::output;

/// Output path → hash of its bytes, and the seal of the output they are in.
#[derive(Debug, Default)]
pub(super) struct Manifest {
    files: HashMap<String, u64>,
    /// `None` until a full build, and after a write failed half-way: then the output is not
    /// known, and only a full build makes it known again.
    seal: Option<Seal>,
}

/// What identifies one full build's marker file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seal {
    modified: Option<SystemTime>,
    len: u64,
    /// Device and inode, where there are such: a new build's marker is a new file.
    id: Option<(u64, u64)>,
}

impl Manifest {
    /// The hash the manifest keeps of a file's bytes.
    pub(super) fn hash(bytes: &[u8]) -> u64 {
        let mut hasher = DefaultHasher::new();
        hasher.write(bytes);
        hasher.finish()
    }

    /// The manifest of a full build just swapped into `output`.
    pub(super) fn sealed(output: &Path, files: HashMap<String, u64>) -> Manifest {
        Manifest {
            files,
            seal: seal(output),
        }
    }

    /// Whether `output` is still the folder this manifest describes.
    pub(super) fn holds(&self, output: &Path) -> bool {
        self.seal.is_some() && self.seal == seal(output)
    }

    /// Whether `path` already holds bytes of this hash (and is still there).
    pub(super) fn unchanged(&self, output: &Path, path: &str, hash: u64) -> bool {
        self.files.get(path) == Some(&hash)
            && output::safe_join(output, path).is_ok_and(|file| file.is_file())
    }

    /// Records a file written.
    pub(super) fn record(&mut self, path: &str, hash: u64) {
        match self.files.get_mut(path) {
            Some(known) => *known = hash,
            None => {
                self.files.insert(path.to_string(), hash);
            }
        }
    }

    /// Forgets a file removed.
    pub(super) fn forget(&mut self, path: &str) {
        self.files.remove(path);
    }

    /// Every path the output holds.
    pub(super) fn paths(&self) -> impl Iterator<Item = &String> {
        self.files.keys()
    }

    /// The output is no longer known (a write failed half-way): the next update builds it all.
    pub(super) fn break_seal(&mut self) {
        self.seal = None;
    }
}

/// The seal of the output folder's marker, if it has one.
fn seal(output: &Path) -> Option<Seal> {
    let meta = std::fs::symlink_metadata(output.join(output::MARKER)).ok()?;
    Some(Seal {
        modified: meta.modified().ok(),
        len: meta.len(),
        id: file_id(&meta),
    })
}

#[cfg(unix)]
fn file_id(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(dir: &Path) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(output::MARKER), "marker").unwrap();
    }

    #[test]
    fn the_seal_breaks_when_the_output_is_removed_or_replaced() {
        let temp = tempfile::tempdir().unwrap();
        let output = temp.path().join("public");
        marked(&output);
        let manifest = Manifest::sealed(&output, HashMap::new());
        assert!(manifest.holds(&output));

        // Another build stages a new folder with a marker of its own and swaps it in.
        let other = temp.path().join(".public.staging");
        marked(&other);
        std::fs::remove_dir_all(&output).unwrap();
        assert!(!manifest.holds(&output));
        std::fs::rename(&other, &output).unwrap();
        assert!(!manifest.holds(&output));
        assert!(!Manifest::default().holds(&output));
    }

    #[test]
    fn unchanged_needs_the_same_hash_and_the_file() {
        let temp = tempfile::tempdir().unwrap();
        let mut manifest = Manifest::sealed(temp.path(), HashMap::new());
        let hash = Manifest::hash(b"page");
        manifest.record("a.html", hash);
        assert!(!manifest.unchanged(temp.path(), "a.html", hash), "no file");
        std::fs::write(temp.path().join("a.html"), "page").unwrap();
        assert!(manifest.unchanged(temp.path(), "a.html", hash));
        assert!(!manifest.unchanged(temp.path(), "a.html", Manifest::hash(b"other")));
        manifest.forget("a.html");
        assert!(!manifest.unchanged(temp.path(), "a.html", hash));
    }
}
