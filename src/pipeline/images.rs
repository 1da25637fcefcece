//! The pipeline's image step: measures the site's images before the Markdown stage (which sizes
//! every `<img>` from the result), and makes their variants while pages render.
//!
//! Input: the content files and the `images` config. Output: an [`ImageInfo`] per image, and
//! for each image with variants the output paths of those variants and the files that hold them
//! (in `.newsprint-cache/`), with a warning for each image that is copied unresized.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::ImagesConfig;
use crate::images::{self, ImageInfo, cache};
use crate::render::templates::StaticSource;

/// Measures every image among `files` (relative to `root`), in parallel.
pub(super) fn measure_all(
    root: &Path,
    files: &BTreeSet<PathBuf>,
    config: &ImagesConfig,
) -> (HashMap<PathBuf, ImageInfo>, Vec<String>) {
    let measured: Vec<(PathBuf, images::Measured)> = files
        .par_iter()
        .filter(|file| images::is_image_path(file))
        .map(|file| (file.clone(), images::measure(root, file, config)))
        .collect();
    let mut infos = HashMap::new();
    let mut warnings = Vec::new();
    for (file, measured) in measured {
        warnings.extend(measured.warning);
        if let Some(info) = measured.info {
            infos.insert(file, info);
        }
    }
    (infos, warnings)
}

/// One image whose variants the output needs.
pub(super) struct Job<'a> {
    /// The source, relative to the site root.
    pub file: &'a PathBuf,
    info: &'a ImageInfo,
    /// Each variant's width and its path in the output.
    outputs: Vec<(u32, String)>,
}

/// The images with variants among the files `statics` copies. A variant whose name is taken by
/// a file of the site is left out: the file wins, as files do over nothing.
pub(super) fn jobs<'a>(
    infos: &'a HashMap<PathBuf, ImageInfo>,
    statics: &'a BTreeMap<String, StaticSource>,
) -> Vec<Job<'a>> {
    let mut jobs: Vec<Job> = statics
        .iter()
        .filter_map(|(output, source)| {
            let StaticSource::File(file) = source else {
                return None;
            };
            let info = infos.get(file).filter(|info| !info.variants.is_empty())?;
            let outputs = info
                .variants
                .iter()
                .map(|&w| (w, images::variant_name(output, w)))
                .filter(|(_, path)| !statics.contains_key(path))
                .collect();
            Some(Job {
                file,
                info,
                outputs,
            })
        })
        .collect();
    // The largest first, so the longest decode does not start last.
    jobs.sort_by_key(|job| {
        std::cmp::Reverse(u64::from(job.info.width) * u64::from(job.info.height))
    });
    jobs
}

impl Job<'_> {
    /// The output paths of the variants.
    pub fn outputs(&self) -> impl Iterator<Item = &str> {
        self.outputs.iter().map(|(_, path)| path.as_str())
    }
}

/// A job done: each variant's output path and the file (relative to the root) to copy there.
pub(super) struct Made {
    pub variants: Vec<(String, PathBuf)>,
    pub decoded: bool,
    pub warning: Option<String>,
}

/// Makes (or finds in the cache) the variants of one image.
pub(super) fn make(root: &Path, job: &Job, quality: u8) -> Made {
    let made = cache::variants_of(root, job.file, job.info, quality);
    let files: HashMap<u32, PathBuf> = made.files.into_iter().collect();
    let variants = job
        .outputs
        .iter()
        .filter_map(|(w, output)| Some((output.clone(), files.get(w)?.clone())))
        .collect();
    if made.decoded && std::env::var_os("NEWSPRINT_TRACE").is_some() {
        eprintln!("trace: image      resized {}", job.file.display());
    }
    Made {
        variants,
        decoded: made.decoded,
        warning: made.warning,
    }
}

/// The outputs `job` would write, if `copied` (the last build's files) holds them all: the
/// image has not changed since, so nothing needs hashing.
pub(super) fn reuse(job: &Job, copied: &BTreeMap<String, StaticSource>) -> Option<Made> {
    let variants = job
        .outputs
        .iter()
        .map(|(_, output)| match copied.get(output)? {
            StaticSource::File(file) => Some((output.clone(), file.clone())),
            StaticSource::Embedded(_) => None,
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Made {
        variants,
        decoded: false,
        warning: None,
    })
}
