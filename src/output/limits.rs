//! Host limits: whether a built site still fits where it is published.
//!
//! Input: the output's [`Size`] (counted while a full build writes it) and `deploy:` of
//! `config.yaml`. Output: warnings that name the limit passed and the figure measured. A site past
//! a limit still builds: the host, not newsprint, refuses it, and some hosts (an object store
//! behind a CDN) have no such limit at all.

use std::fs;
use std::io;
use std::path::Path;

use crate::config::DeployConfig;
use crate::config::deploy::{CLOUDFLARE_PAGES_MAX_FILES, GITHUB_PAGES_MAX_BYTES};

/// How many files an output holds and how many bytes they take.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Size {
    /// Regular files.
    pub files: u64,
    /// Their lengths, summed (not the blocks they take on disk: hosts count bytes).
    pub bytes: u64,
}

impl std::ops::Add for Size {
    type Output = Size;

    fn add(self, other: Size) -> Size {
        Size {
            files: self.files + other.files,
            bytes: self.bytes + other.bytes,
        }
    }
}

/// The files under `folder` (none when it does not exist): for what a step after the build adds
/// to the output, such as the Pagefind index.
pub fn size_of_folder(folder: &Path) -> io::Result<Size> {
    let mut size = Size::default();
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(size),
        Err(error) => return Err(error),
    };
    for entry in entries {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            size = size + size_of_folder(&entry.path())?;
        } else if kind.is_file() {
            size.files += 1;
            size.bytes += entry.metadata()?.len();
        }
    }
    Ok(size)
}

/// A warning for each limit of `deploy` that `size` passes (a limit of 0 is off).
pub fn warnings(size: Size, deploy: &DeployConfig) -> Vec<String> {
    let mut warnings = Vec::new();
    if deploy.max_bytes > 0 && size.bytes > deploy.max_bytes {
        let limit = if deploy.max_bytes == GITHUB_PAGES_MAX_BYTES {
            "GitHub Pages' limit of 1 GB for a published site".to_string()
        } else {
            format!("`deploy.max_bytes` ({})", bytes(deploy.max_bytes))
        };
        warnings.push(format!(
            "the output takes {}, past {limit}; a host may refuse it. Shrink it or publish \
             elsewhere: see \"Past a host's limits\" in the README (`deploy.max_bytes` sets \
             the limit, 0 turns this warning off)",
            bytes(size.bytes)
        ));
    }
    if deploy.max_files > 0 && size.files > deploy.max_files {
        let limit = if deploy.max_files == CLOUDFLARE_PAGES_MAX_FILES {
            "Cloudflare Pages' limit of 20,000 files per deployment".to_string()
        } else {
            format!("`deploy.max_files` ({} files)", grouped(deploy.max_files))
        };
        warnings.push(format!(
            "the output holds {} files, past {limit}; a host may refuse it. See \"Past a \
             host's limits\" in the README (`deploy.max_files` sets the limit, 0 turns this \
             warning off)",
            grouped(size.files)
        ));
    }
    warnings
}

/// `1.07 GB (1,070,000,000 bytes)`: decimal units, as the hosts state their limits.
fn bytes(count: u64) -> String {
    let exact = format!("{} bytes", grouped(count));
    let (value, unit) = match count {
        0..1_000_000 => return exact,
        1_000_000..1_000_000_000 => (count as f64 / 1e6, "MB"),
        _ => (count as f64 / 1e9, "GB"),
    };
    format!("{value:.2} {unit} ({exact})")
}

/// `20,000`.
fn grouped(count: u64) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(files: u64, bytes: u64) -> Size {
        Size { files, bytes }
    }

    #[test]
    fn within_the_limits_nothing_is_said() {
        let limits = DeployConfig::default();
        assert!(warnings(size(20_000, GITHUB_PAGES_MAX_BYTES), &limits).is_empty());
    }

    #[test]
    fn past_the_default_limits_the_hosts_are_named_with_the_figures() {
        let shown = warnings(size(115_402, 1_712_345_678), &DeployConfig::default());
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(
            shown[0].contains("1.71 GB (1,712,345,678 bytes)")
                && shown[0].contains("GitHub Pages' limit of 1 GB"),
            "{}",
            shown[0]
        );
        assert!(
            shown[1].contains("115,402 files")
                && shown[1].contains("Cloudflare Pages' limit of 20,000 files per deployment"),
            "{}",
            shown[1]
        );
    }

    #[test]
    fn configured_limits_are_named_by_their_key_and_zero_turns_them_off() {
        let limits = DeployConfig {
            max_bytes: 5_000,
            max_files: 0,
        };
        let shown = warnings(size(1_000_000, 12_345), &limits);
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert!(
            shown[0].contains("12,345 bytes")
                && shown[0].contains("`deploy.max_bytes` (5,000 bytes)"),
            "{}",
            shown[0]
        );
    }

    #[test]
    fn folders_are_summed_file_by_file() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("a/b")).unwrap();
        fs::write(dir.path().join("a/one"), b"12345").unwrap();
        fs::write(dir.path().join("a/b/two"), b"678").unwrap();
        assert_eq!(size_of_folder(dir.path()).unwrap(), size(2, 8));
        assert_eq!(
            size_of_folder(&dir.path().join("none")).unwrap(),
            size(0, 0)
        );
    }
}
