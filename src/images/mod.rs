//! The site's images: the only module that reads image files (`imagesize` for headers, `image`
//! and `fast_image_resize` for variants).
//!
//! Input: a content file and the `images` config. Output: its [`ImageInfo`] (displayed size,
//! kind, the widths of its resized variants), read from the header only, and the `<img>`
//! attributes pages print for it (`width`, `height`, `srcset`). The variants themselves are made
//! by [`variants`] and kept in [`cache`] so a second build decodes nothing.

use std::io::Read;
use std::path::Path;

use crate::config::ImagesConfig;

pub mod cache;
mod exif;
pub mod variants;

/// The largest side decoded for variants; past it an image is copied as it is (a 30,000 ×
/// 30,000 px PNG of a few kilobytes would need 3.6 GB to decode).
pub const MAX_SIDE: u32 = 12_000;
/// The most pixels decoded for variants (a 48-megapixel phone photo fits).
pub const MAX_PIXELS: u64 = 60_000_000;
/// How much of a file the header reader looks at: JPEG's EXIF block comes before its size.
const HEAD_BYTES: u64 = 256 * 1024;

/// What a raster image is encoded as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// JPEG: variants are JPEG.
    Jpeg,
    /// PNG: variants are PNG.
    Png,
    /// Anything else (WebP, GIF, AVIF): shown as it is, without variants.
    Other,
}

/// What pages need to know about one of the site's images.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ImageInfo {
    /// Width as shown (EXIF orientation applied), in pixels.
    pub width: u32,
    /// Height as shown, in pixels.
    pub height: u32,
    /// The encoding, for the variants' encoder.
    pub kind: Kind,
    /// The widths of the resized variants, smallest first (empty: the file is shown as it is).
    pub variants: Vec<u32>,
}

impl ImageInfo {
    /// The height of the variant `width` pixels wide.
    pub fn height_at(&self, width: u32) -> u32 {
        let height = (u64::from(self.height) * u64::from(width)).div_ceil(u64::from(self.width));
        u32::try_from(height).unwrap_or(u32::MAX).max(1)
    }

    /// The URL of the variant `width` pixels wide, from the original's URL.
    pub fn variant_url(url: &str, width: u32) -> String {
        variant_name(url, width)
    }

    /// The `srcset` value: every variant and the original, with their widths.
    pub fn srcset(&self, url: &str) -> String {
        let mut set: Vec<String> = self
            .variants
            .iter()
            .map(|&w| format!("{} {w}w", variant_name(url, w)))
            .collect();
        set.push(format!("{url} {}w", self.width));
        set.join(", ")
    }

    /// The smallest variant at least `width` wide (or the original), and its size.
    pub fn at_least(&self, url: &str, width: u32) -> (String, u32, u32) {
        match self.variants.iter().find(|&&w| w >= width) {
            Some(&w) => (variant_name(url, w), w, self.height_at(w)),
            None => (url.to_string(), self.width, self.height),
        }
    }
}

/// `2025/03/photo-800w.jpg` from `2025/03/photo.jpg`: where a variant lands, beside its original.
pub fn variant_name(path: &str, width: u32) -> String {
    let name_start = path.rfind('/').map_or(0, |at| at + 1);
    match path[name_start..].rfind('.') {
        Some(dot) if dot > 0 => {
            let dot = name_start + dot;
            format!("{}-{width}w{}", &path[..dot], &path[dot..])
        }
        _ => format!("{path}-{width}w"),
    }
}

/// Whether `path` names a file the image stage looks at, by its extension.
pub fn is_image_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

const IMAGE_EXTENSIONS: [&str; 6] = ["jpg", "jpeg", "png", "webp", "gif", "avif"];

/// One image measured: what pages show, and what the user should hear about it.
#[derive(Debug, Default)]
pub struct Measured {
    /// The size and variants, when the header could be read.
    pub info: Option<ImageInfo>,
    /// Why the file gets no variants, when that is a problem with the file.
    pub warning: Option<String>,
}

/// Reads the header of `file` (relative to `root`) and plans its variants.
pub fn measure(root: &Path, file: &Path, config: &ImagesConfig) -> Measured {
    let shown = file.display();
    let mut head = Vec::new();
    let read = std::fs::File::open(root.join(file))
        .and_then(|f| f.take(HEAD_BYTES).read_to_end(&mut head));
    if let Err(error) = read {
        return warn(format!("cannot read image `{shown}`: {error}"));
    }
    let (size, format) = match (imagesize::blob_size(&head), imagesize::image_type(&head)) {
        (Ok(size), Ok(format)) => (size, format),
        (Err(error), _) | (_, Err(error)) => {
            return warn(format!(
                "cannot read the size of image `{shown}` ({error}); it is copied as it is"
            ));
        }
    };
    let (Ok(mut width), Ok(mut height)) = (u32::try_from(size.width), u32::try_from(size.height))
    else {
        return warn(format!(
            "image `{shown}` is too large; it is copied as it is"
        ));
    };
    if width == 0 || height == 0 {
        return warn(format!(
            "image `{shown}` has no pixels; it is copied as it is"
        ));
    }
    let extension = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let kind = match format {
        imagesize::ImageType::Jpeg => Kind::Jpeg,
        imagesize::ImageType::Png => Kind::Png,
        imagesize::ImageType::Webp => Kind::Other,
        _ => Kind::Other,
    };
    let named_right = match extension.as_str() {
        "jpg" | "jpeg" => kind == Kind::Jpeg,
        "png" => kind == Kind::Png,
        "webp" => format == imagesize::ImageType::Webp,
        _ => true,
    };
    if kind == Kind::Jpeg && exif::orientation(&head).is_some_and(|o| o >= 5) {
        // Orientations 5 to 8 turn the picture a quarter: the shown width is the stored height.
        std::mem::swap(&mut width, &mut height);
    }
    let mut info = ImageInfo {
        width,
        height,
        kind,
        variants: Vec::new(),
    };
    // WebP, GIF and AVIF are shown as they are: the `image` build here decodes JPEG and PNG only.
    if kind == Kind::Other {
        return measured(info, None);
    }
    if !named_right {
        let warning = format!(
            "image `{shown}` is not the {} its name says; it is copied unresized",
            extension.to_ascii_uppercase()
        );
        return measured(info, Some(warning));
    }
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        let warning = format!(
            "image `{shown}` is {width} × {height} px, over the {MAX_SIDE} px or {} megapixel \
             limit for resizing; it is copied unresized",
            MAX_PIXELS / 1_000_000
        );
        return measured(info, Some(warning));
    }
    info.variants = config
        .widths
        .iter()
        .copied()
        .filter(|&w| w < width)
        .collect();
    measured(info, None)
}

fn warn(warning: String) -> Measured {
    Measured {
        info: None,
        warning: Some(warning),
    }
}

fn measured(info: ImageInfo, warning: Option<String>) -> Measured {
    Measured {
        info: Some(info),
        warning,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_sit_beside_their_original() {
        assert_eq!(
            variant_name("2025/03/photo.jpg", 800),
            "2025/03/photo-800w.jpg"
        );
        assert_eq!(
            variant_name("https://e.org/a.b/map", 400),
            "https://e.org/a.b/map-400w"
        );
        assert_eq!(variant_name(".hidden", 400), ".hidden-400w");
    }

    #[test]
    fn srcset_lists_variants_then_the_original() {
        let info = ImageInfo {
            width: 1600,
            height: 900,
            kind: Kind::Jpeg,
            variants: vec![400, 800],
        };
        assert_eq!(
            info.srcset("/p.jpg"),
            "/p-400w.jpg 400w, /p-800w.jpg 800w, /p.jpg 1600w"
        );
        assert_eq!(info.height_at(400), 225);
        assert_eq!(
            info.at_least("/p.jpg", 500),
            ("/p-800w.jpg".into(), 800, 450)
        );
        assert_eq!(info.at_least("/p.jpg", 1200), ("/p.jpg".into(), 1600, 900));
    }
}
