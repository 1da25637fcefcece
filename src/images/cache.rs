//! The cache of image variants, under `<root>/.newsprint-cache/images/`.
//!
//! Input: a source image and the variants it needs. Output: a cache file per variant, made if
//! missing. A variant's name is the SHA-256 of the source's bytes, the operation (width, quality)
//! and the encoder's version, so an edit, a new setting or a new encoder makes a new file and a
//! second build decodes nothing. SHA-256 is stable across versions and platforms, so the folder
//! can be kept between CI runs (`actions/cache`).

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{ImageInfo, Kind, variants};

/// The cache folder, relative to the site root.
pub const CACHE_DIR: &str = ".newsprint-cache";

/// The variants of one source, in the cache.
#[derive(Debug)]
pub struct Made {
    /// Each variant's width and the file that holds it, relative to the site root: a cache file,
    /// or the source itself when it could not be decoded.
    pub files: Vec<(u32, PathBuf)>,
    /// Whether anything was decoded (false: every variant came from the cache).
    pub decoded: bool,
    /// Why the source was copied in place of its variants.
    pub warning: Option<String>,
}

/// Makes the variants of `file` (relative to `root`) that the cache does not hold yet.
pub fn variants_of(root: &Path, file: &Path, info: &ImageInfo, quality: u8) -> Made {
    let source_path = root.join(file);
    let copies = |warning: String| Made {
        files: info
            .variants
            .iter()
            .map(|&w| (w, file.to_path_buf()))
            .collect(),
        decoded: false,
        warning: Some(warning),
    };
    let source = match std::fs::read(&source_path) {
        Ok(bytes) => bytes,
        Err(error) => return copies(format!("cannot read image `{}`: {error}", file.display())),
    };
    let digest = Sha256::digest(&source);
    let folder = Path::new(CACHE_DIR).join("images");
    let extension = match info.kind {
        Kind::Jpeg => "jpg",
        _ => "png",
    };
    let files: Vec<(u32, PathBuf)> = info
        .variants
        .iter()
        .map(|&width| {
            let mut key = Sha256::new();
            key.update(digest);
            key.update(format!("{width}w q{quality} {}", variants::ENCODER));
            let hex: String = key.finalize().iter().map(|b| format!("{b:02x}")).collect();
            let name = format!("{hex}.{extension}");
            (width, folder.join(&name[..2]).join(name))
        })
        .collect();
    let missing: Vec<&(u32, PathBuf)> = files
        .iter()
        .filter(|(_, path)| !root.join(path).is_file())
        .collect();
    if missing.is_empty() {
        return Made {
            files,
            decoded: false,
            warning: None,
        };
    }
    let widths: Vec<u32> = missing.iter().map(|(w, _)| *w).collect();
    let encoded = match variants::make(&source, info.kind, &widths, quality) {
        Ok(encoded) => encoded,
        Err(why) => {
            return copies(format!(
                "cannot decode image `{}` ({why}); it is copied unresized in place of its variants",
                file.display()
            ));
        }
    };
    for ((_, path), bytes) in missing.iter().zip(encoded) {
        if let Err(error) = write_atomically(&root.join(path), &bytes) {
            return copies(format!(
                "cannot write the cache file `{}`: {error}; image `{}` is copied unresized",
                path.display(),
                file.display()
            ));
        }
    }
    Made {
        files,
        decoded: true,
        warning: None,
    }
}

/// Writes beside and renames, so a build stopped midway never leaves half a cache file.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let temporary = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path)
}
