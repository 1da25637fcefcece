//! The manifest: what the output holds, as this pipeline last published it.
//!
//! Input: the bytes of every file a publish writes, and the output folder. Output: for each
//! output path a hash of its bytes, so an update writes only the files whose bytes changed
//! without reading the old ones back; and a seal, the identity of the marker file every full
//! build writes anew ([`output::MARKER`]), so an update can tell whether the output is still the
//! one this pipeline published. Removed (`rm -rf public`, `git clean -fdX`) or replaced by
//! another build (`newsprint build --base-url …` into the same folder), it is not, and the update
//! becomes a full build instead of patching someone else's site.
//!
//! A `newsprint build` also saves each page's fingerprint and the [build key](super::build_key)
//! it holds for, so the next build into the same output renders only the pages whose
//! fingerprint changed ([`Manifest::fingerprints`]).

use std::collections::HashMap;
use std::path::Path;
use std::time::SystemTime;

use rayon::prelude::*;

use crate::output;
use crate::render::Page;

/// The saved manifest's first line: a manifest of another version is not trusted (its hashes
/// may be computed differently). Format 2 adds the build key and each page's fingerprint.
const SAVED_HEADER: &str = concat!("newsprint manifest 2 ", env!("CARGO_PKG_VERSION"));

/// The first line of format 1, without fingerprints: it loads, and the next build renders
/// every page.
const SAVED_HEADER_1: &str = concat!("newsprint manifest 1 ", env!("CARGO_PKG_VERSION"));

/// What a saved manifest knows of one file: the hash of its bytes, and its size and modification
/// time when saved, in whole seconds (an archive such as a CI cache may keep no finer time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified_ns: i128,
}

/// Output path → hash of its bytes, and the seal of the output they are in.
#[derive(Debug, Default)]
pub(super) struct Manifest {
    files: HashMap<String, u64>,
    /// The fingerprint of each page the output holds, and the build key they hold for.
    pages: Option<Pages>,
    /// `None` until a full build, and after a write failed half-way: then the output is not
    /// known, and only a full build makes it known again.
    seal: Option<Seal>,
}

/// The pages as rendered into the output: equal fingerprints render equal bytes as long as the
/// build key is the same.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Pages {
    key: u64,
    fingerprints: HashMap<String, u64>,
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
        crate::content::hash_bytes(bytes)
    }

    /// The manifest of a full build just swapped into `output`.
    pub(super) fn sealed(output: &Path, files: HashMap<String, u64>) -> Manifest {
        Manifest {
            files,
            pages: None,
            seal: seal(output),
        }
    }

    /// Remembers the fingerprint of each page of `plan` (all in the output), valid for `key`.
    pub(super) fn remember_pages(&mut self, key: u64, plan: &[Page]) {
        let fingerprints = plan
            .iter()
            .map(|page| (page.path.clone(), page.fingerprint))
            .collect();
        self.pages = Some(Pages { key, fingerprints });
    }

    /// The fingerprint of each page the output holds, by path, when they were saved for a build
    /// of this `key`; `None` when every page must be rendered.
    pub(super) fn fingerprints(&self, key: Option<u64>) -> Option<&HashMap<String, u64>> {
        let pages = self.pages.as_ref()?;
        (Some(pages.key) == key).then_some(&pages.fingerprints)
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

    /// The hash of the bytes `path` holds, if the output has it.
    pub(super) fn hash_of(&self, path: &str) -> Option<u64> {
        self.files.get(path).copied()
    }

    /// How many files the output holds.
    pub(super) fn len(&self) -> usize {
        self.files.len()
    }

    /// The manifest an earlier build saved in `file` (beside the output folder: see
    /// [`OutputDir::manifest`](output::OutputDir::manifest)), if there is one and `output` is
    /// still what it describes: each of its files there, of the same size and modification
    /// time. Files added since are not looked for: a build in place stages a new output of the
    /// files it knows ([`Pipeline::publish_changed`](super::Pipeline::publish_changed)), so
    /// they are not carried over, as a fresh build would not have them. `Err` says why it cannot be used
    /// (none saved is `Ok(None)`).
    pub(super) fn load(output: &Path, file: &Path) -> Result<Option<Manifest>, String> {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(format!("its manifest cannot be read ({error})")),
        };
        let mut lines = text.lines();
        let format = match lines.next() {
            Some(SAVED_HEADER) => 2,
            Some(SAVED_HEADER_1) => 1,
            _ => return Err("its manifest is from another version of newsprint".into()),
        };
        let damaged = || "its manifest is damaged".to_string();
        let key = match format {
            1 => None,
            _ => parse_key(lines.next().ok_or_else(damaged)?).ok_or_else(damaged)?,
        };
        let saved: Vec<(u64, Stamp, Option<u64>, &str)> = lines
            .map(|line| parse_line(line, format))
            .collect::<Option<_>>()
            .ok_or_else(damaged)?;
        // Each file looked up by its path, in parallel: walking the output would read every one
        // of its ~10,000 folders too.
        let changed = saved
            .par_iter()
            .with_max_len(crate::MAX_ITEMS_PER_TASK)
            .find_any(|(_, stamp, _, path)| stamp_of(output, path).as_ref() != Some(stamp));
        if let Some((_, _, _, path)) = changed {
            return Err(format!(
                "`{path}` changed or was removed since the last build"
            ));
        }
        let mut files = HashMap::with_capacity(saved.len());
        let mut fingerprints = HashMap::new();
        for (hash, _, fingerprint, path) in saved {
            if let Some(fingerprint) = fingerprint {
                fingerprints.insert(path.to_string(), fingerprint);
            }
            files.insert(path.to_string(), hash);
        }
        let mut manifest = Manifest::sealed(output, files);
        manifest.pages = key.map(|key| Pages { key, fingerprints });
        Ok(Some(manifest))
    }

    /// Saves the manifest of `output` in `file`, with each file's size and modification time as
    /// they are now, and each page's fingerprint. A file whose path a line cannot hold leaves no
    /// manifest (the next build is full).
    pub(super) fn save(&self, output: &Path, file: &Path) -> std::io::Result<()> {
        let mut paths: Vec<(&String, &u64)> = self.files.iter().collect();
        paths.sort_unstable();
        // Each known file looked up, in parallel: walking the output reads every one of its
        // ~10,000 folders, which took longer than the files' own lookups.
        let found: Vec<Option<Stamp>> = paths
            .par_iter()
            .with_max_len(crate::MAX_ITEMS_PER_TASK)
            .map(|(path, _)| stamp_of(output, path))
            .collect();
        let mut lines: Vec<String> = Vec::with_capacity(paths.len() + 1);
        lines.push(match &self.pages {
            Some(pages) => format!("key {:016x}", pages.key),
            None => "key -".to_string(),
        });
        let fingerprint = |path: &str| {
            let pages = self.pages.as_ref()?;
            pages.fingerprints.get(path).map(|f| format!("{f:016x}"))
        };
        for ((path, hash), stamp) in paths.into_iter().zip(found) {
            match stamp {
                Some(stamp) if !path.contains(['\n', '\r']) => lines.push(format!(
                    "{hash:016x} {} {} {} {path}",
                    stamp.len,
                    stamp.modified_ns,
                    fingerprint(path).as_deref().unwrap_or("-"),
                )),
                _ => return forget_saved(file),
            }
        }
        let text = format!("{SAVED_HEADER}\n{}\n", lines.join("\n"));
        let mut temporary = file.as_os_str().to_owned();
        temporary.push(".tmp");
        std::fs::write(&temporary, text)?;
        std::fs::rename(&temporary, file)
    }
}

/// Removes a saved manifest.
fn forget_saved(file: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(file) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

/// `key <hex>`, or `key -` when the pages' fingerprints were not saved: `None` when damaged,
/// `Some(None)` for `-`.
fn parse_key(line: &str) -> Option<Option<u64>> {
    match line.strip_prefix("key ")? {
        "-" => Some(None),
        hex => u64::from_str_radix(hex, 16).ok().map(Some),
    }
}

/// One file's line. Format 2: `<hash> <len> <modified ns> <fingerprint or -> <path>`; format 1
/// has no fingerprint.
fn parse_line(line: &str, format: u8) -> Option<(u64, Stamp, Option<u64>, &str)> {
    let mut parts = line.splitn(if format == 1 { 4 } else { 5 }, ' ');
    let hash = u64::from_str_radix(parts.next()?, 16).ok()?;
    let len = parts.next()?.parse().ok()?;
    let modified_ns = parts.next()?.parse().ok()?;
    let fingerprint = match format {
        1 => None,
        _ => match parts.next()? {
            "-" => None,
            hex => Some(u64::from_str_radix(hex, 16).ok()?),
        },
    };
    Some((hash, Stamp { len, modified_ns }, fingerprint, parts.next()?))
}

/// The size and modification time of the file at `path` in the output, if it is one.
fn stamp_of(output: &Path, path: &str) -> Option<Stamp> {
    let meta = std::fs::symlink_metadata(output::safe_join(output, path).ok()?).ok()?;
    (!meta.is_dir()).then(|| stamp(&meta).ok()).flatten()
}

/// A file's size and modification time, in whole seconds.
fn stamp(meta: &std::fs::Metadata) -> std::io::Result<Stamp> {
    let modified_ns = meta
        .modified()?
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i128);
    Ok(Stamp {
        len: meta.len(),
        modified_ns,
    })
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
    fn a_saved_manifest_loads_only_while_the_output_matches_it() {
        let temp = tempfile::tempdir().unwrap();
        let output = temp.path().join("public");
        let file = temp.path().join(".public.manifest");
        marked(&output);
        std::fs::create_dir_all(output.join("a")).unwrap();
        std::fs::write(output.join("a/index.html"), "page").unwrap();
        std::fs::create_dir_all(output.join("pagefind")).unwrap();
        std::fs::write(output.join("pagefind/x.js"), "not ours").unwrap();
        let mut files = HashMap::new();
        files.insert("a/index.html".to_string(), Manifest::hash(b"page"));
        Manifest::sealed(&output, files)
            .save(&output, &file)
            .unwrap();

        let loaded = Manifest::load(&output, &file).unwrap().unwrap();
        assert_eq!(
            loaded.hash_of("a/index.html"),
            Some(Manifest::hash(b"page"))
        );
        assert!(loaded.holds(&output));

        // An added file is not looked for: the build in place does not carry it over.
        std::fs::write(output.join("stray.html"), "added").unwrap();
        assert!(Manifest::load(&output, &file).unwrap().is_some());
        std::fs::rename(output.join("a/index.html"), output.join("moved.html")).unwrap();
        assert!(Manifest::load(&output, &file).is_err());
        std::fs::rename(output.join("moved.html"), output.join("a/index.html")).unwrap();
        assert!(Manifest::load(&output, &file).unwrap().is_some());
        std::fs::write(output.join("a/index.html"), "longer page").unwrap();
        assert!(Manifest::load(&output, &file).is_err());
        std::fs::write(&file, "newsprint manifest 0\n").unwrap();
        assert!(Manifest::load(&output, &file).is_err());
        std::fs::remove_file(&file).unwrap();
        assert!(Manifest::load(&output, &file).unwrap().is_none());
    }

    /// A sealed output of one page, `a/index.html`, and the file its manifest is saved in.
    fn one_page(temp: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
        let output = temp.join("public");
        marked(&output);
        std::fs::create_dir_all(output.join("a")).unwrap();
        std::fs::write(output.join("a/index.html"), "page").unwrap();
        std::fs::write(output.join("style.css"), "body {}").unwrap();
        (output, temp.join(".public.manifest"))
    }

    fn page(path: &str, fingerprint: u64) -> Page {
        Page {
            path: path.into(),
            kind: crate::render::PageKind::NotFound,
            fingerprint,
        }
    }

    fn files() -> HashMap<String, u64> {
        let mut files = HashMap::new();
        files.insert("a/index.html".to_string(), Manifest::hash(b"page"));
        files.insert("style.css".to_string(), Manifest::hash(b"body {}"));
        files
    }

    #[test]
    fn fingerprints_are_saved_with_their_build_key() {
        let temp = tempfile::tempdir().unwrap();
        let (output, file) = one_page(temp.path());
        let mut manifest = Manifest::sealed(&output, files());
        manifest.remember_pages(7, &[page("a/index.html", 0xfeed)]);
        manifest.save(&output, &file).unwrap();

        let loaded = Manifest::load(&output, &file).unwrap().unwrap();
        let fingerprints = loaded.fingerprints(Some(7)).unwrap();
        assert_eq!(fingerprints.get("a/index.html"), Some(&0xfeed));
        // A copied file has no fingerprint: its bytes are compared.
        assert_eq!(fingerprints.get("style.css"), None);
        assert_eq!(
            loaded.hash_of("style.css"),
            Some(Manifest::hash(b"body {}"))
        );
        assert!(loaded.fingerprints(Some(8)).is_none(), "another key");
        assert!(loaded.fingerprints(None).is_none(), "no key");

        // Saved without fingerprints (not a `newsprint build`): they are not reused.
        Manifest::sealed(&output, files())
            .save(&output, &file)
            .unwrap();
        let loaded = Manifest::load(&output, &file).unwrap().unwrap();
        assert!(loaded.fingerprints(Some(7)).is_none());
        assert_eq!(loaded.len(), 2);
    }

    #[test]
    fn a_manifest_of_format_1_loads_without_fingerprints() {
        let temp = tempfile::tempdir().unwrap();
        let (output, file) = one_page(temp.path());
        let mut manifest = Manifest::sealed(&output, files());
        manifest.remember_pages(7, &[page("a/index.html", 0xfeed)]);
        manifest.save(&output, &file).unwrap();
        // What the last release saved: no key line, no fingerprint field.
        let saved = std::fs::read_to_string(&file).unwrap();
        let mut lines = saved.lines().skip(2).map(|line| {
            let parts: Vec<&str> = line.splitn(5, ' ').collect();
            [parts[0], parts[1], parts[2], parts[4]].join(" ")
        });
        let old = format!(
            "{SAVED_HEADER_1}\n{}\n{}\n",
            lines.next().unwrap(),
            lines.next().unwrap()
        );
        std::fs::write(&file, old).unwrap();

        let loaded = Manifest::load(&output, &file).unwrap().unwrap();
        assert!(loaded.holds(&output));
        assert_eq!(
            loaded.hash_of("a/index.html"),
            Some(Manifest::hash(b"page"))
        );
        assert!(
            loaded.fingerprints(Some(7)).is_none(),
            "every page is rendered"
        );
    }

    #[test]
    fn a_damaged_manifest_is_not_used() {
        let temp = tempfile::tempdir().unwrap();
        let (output, file) = one_page(temp.path());
        Manifest::sealed(&output, files())
            .save(&output, &file)
            .unwrap();
        let saved = std::fs::read_to_string(&file).unwrap();
        for damaged in [
            saved.replace("key -", "key zz"),
            saved.replace("\nkey -", ""),
            saved.replace(" - a/index.html", " xyz a/index.html"),
        ] {
            std::fs::write(&file, &damaged).unwrap();
            assert!(Manifest::load(&output, &file).is_err(), "{damaged}");
        }
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
