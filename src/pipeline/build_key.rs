//! The build key: what a page's bytes depend on that its fingerprint does not cover.
//!
//! Input: the build options and the checked config. Output: one hash of the running newsprint
//! executable, `config.yaml`, `authors.yaml`, the theme's folder, the `i18n/` folder and the
//! options that change pages (`--base-url`, `--drafts`, `--future`). A page's fingerprint covers
//! what the page shows of the site (its articles, tags, editions, and for the news sitemap the
//! day); under the same key, equal fingerprints render equal bytes, so a build into the last
//! build's output renders only the pages whose fingerprint changed
//! ([`Manifest::fingerprints`](super::manifest::Manifest::fingerprints)). The built-in theme is
//! part of the executable. Anything that cannot be read gives no key: every page is rendered.

use std::hash::{Hash, Hasher};
use std::io::Read;
use std::path::Path;

use super::BuildOptions;
use crate::config::{AUTHORS_FILE, CONFIG_FILE, Config};
use crate::content::walk;

/// The key of a build of `options` with `config`, or `None` when an input cannot be read.
pub(super) fn build_key(options: &BuildOptions, config: &Config) -> Option<u64> {
    let mut hasher = crate::content::fingerprint_hasher();
    // A new format of the key (or of what it covers) must not match an old one.
    "newsprint build key 1".hash(&mut hasher);
    hash_executable(&mut hasher)?;
    (&options.overrides.base_url, options.drafts, options.future).hash(&mut hasher);
    let root = &options.root;
    for file in [CONFIG_FILE, AUTHORS_FILE] {
        file.hash(&mut hasher);
        hash_file(&root.join(file), &mut hasher)?;
    }
    for folder in [
        format!("themes/{}", config.theme),
        crate::i18n::FOLDER.into(),
    ] {
        let found = walk::walk(root, &folder);
        if !found.unreadable.is_empty() {
            return None;
        }
        folder.hash(&mut hasher);
        let mut files: Vec<_> = found.files.iter().chain(&found.articles).collect();
        files.sort_unstable();
        for path in files {
            path.hash(&mut hasher);
            hash_file(&root.join(path), &mut hasher)?;
        }
    }
    Some(hasher.finish())
}

/// Feeds the running executable to `hasher`: its bytes, not its version, as a binary rebuilt
/// in development renders differently under the same version number, and a CI job installs the
/// same bytes anew. An unoptimised (debug) binary is ~250 MB that it hashes slowly: it is known
/// by its size, modification time and inode instead, which a rebuild changes.
fn hash_executable(hasher: &mut impl Hasher) -> Option<()> {
    let path = std::env::current_exe().ok()?;
    if !cfg!(debug_assertions) {
        return hash_file(&path, hasher);
    }
    let meta = std::fs::metadata(&path).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH);
    (meta.len(), modified.ok()?.as_nanos()).hash(hasher);
    #[cfg(unix)]
    std::os::unix::fs::MetadataExt::ino(&meta).hash(hasher);
    Some(())
}

/// Feeds a file's bytes to `hasher` (a missing file hashes as such); `None` when it cannot be
/// read.
fn hash_file(path: &Path, hasher: &mut impl Hasher) -> Option<()> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            hasher.write_u8(0);
            return Some(());
        }
        Err(_) => return None,
    };
    hasher.write_u8(1);
    let mut buffer = vec![0; 1 << 20];
    loop {
        match file.read(&mut buffer) {
            Ok(0) => return Some(()),
            Ok(read) => hasher.write(&buffer[..read]),
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(root: &Path, change: impl FnOnce(&mut BuildOptions)) -> Option<u64> {
        let mut options = BuildOptions::new(root, root.join("public"));
        change(&mut options);
        let config = Config::load(root, &options.overrides).unwrap();
        build_key(&options, &config)
    }

    #[test]
    fn the_key_changes_with_every_input_the_fingerprints_do_not_cover() {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path();
        let write = |path: &str, text: &str| {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("config.yaml", "title: T\nbase_url: https://example.org/\n");
        let first = key(root, |_| {}).unwrap();
        assert_eq!(
            key(root, |_| {}),
            Some(first),
            "the same inputs, the same key"
        );

        let mut seen = vec![first];
        let mut differs = |key: Option<u64>, what: &str| {
            let key = key.unwrap();
            assert!(!seen.contains(&key), "{what} left the key as it was");
            seen.push(key);
        };
        differs(key(root, |o| o.drafts = true), "--drafts");
        differs(key(root, |o| o.future = true), "--future");
        differs(
            key(root, |o| {
                o.overrides.base_url = Some("https://b.org/".into())
            }),
            "--base-url",
        );
        write("themes/default/templates/article.html", "{{ page.title }}");
        differs(key(root, |_| {}), "a theme template");
        write("themes/default/static/style.css", "body {}");
        differs(key(root, |_| {}), "a theme's static file");
        write("i18n/en.yaml", "read_more: More\n");
        differs(key(root, |_| {}), "the site's strings");
        write("authors.yaml", "Ann:\n  bio: Writes.\n");
        differs(key(root, |_| {}), "authors.yaml");
        write("config.yaml", "title: U\nbase_url: https://example.org/\n");
        differs(key(root, |_| {}), "config.yaml");
        // Content and static files are the fingerprints' and the manifest's business.
        write("content/a.md", "---\ntitle: A\ndate: 2025-03-01\n---\n");
        write("static/x.txt", "x");
        assert_eq!(key(root, |_| {}), seen.last().copied());
    }
}
