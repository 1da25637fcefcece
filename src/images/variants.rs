//! Resized variants of one image: decoded with `image` under limits, turned upright, resized
//! with `fast_image_resize` (Lanczos3), encoded again in the source's format.
//!
//! Input: the source's bytes, its [`Kind`] and the widths wanted. Output: the encoded variants.
//! Encoding from pixels writes no metadata: EXIF (camera, GPS position, time) and every other
//! block of the source stay out of the variants.

use std::io::Cursor;

use fast_image_resize::images::Image;
use fast_image_resize::{PixelType, ResizeOptions, Resizer};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{
    DynamicImage, ExtendedColorType, ImageDecoder, ImageEncoder, ImageFormat, ImageReader,
};

use super::{Kind, MAX_PIXELS, MAX_SIDE};

/// What the encoder writes, for the cache key: a new version of either crate or of the settings
/// here may write other bytes.
pub const ENCODER: &str = "image 0.25, fast_image_resize 6, Lanczos3, v1";

/// The variants of `source` at `widths`, in that order, or why it cannot be decoded.
pub fn make(
    source: &[u8],
    kind: Kind,
    widths: &[u32],
    quality: u8,
) -> Result<Vec<Vec<u8>>, String> {
    let format = match kind {
        Kind::Jpeg => ImageFormat::Jpeg,
        Kind::Png => ImageFormat::Png,
        Kind::Other => return Err("not a JPEG or PNG".into()),
    };
    let image = decode(source, format).map_err(|e| e.to_string())?;
    let (width, height) = (image.width(), image.height());
    let alpha = kind == Kind::Png && image.color().has_alpha();
    let (pixels, pixel_type, color) = if alpha {
        (
            image.into_rgba8().into_raw(),
            PixelType::U8x4,
            ExtendedColorType::Rgba8,
        )
    } else {
        (
            image.to_rgb8().into_raw(),
            PixelType::U8x3,
            ExtendedColorType::Rgb8,
        )
    };
    let source_image =
        Image::from_vec_u8(width, height, pixels, pixel_type).map_err(|e| e.to_string())?;
    let mut resizer = Resizer::new();
    let options = ResizeOptions::new();
    widths
        .iter()
        .map(|&target| {
            let target_height =
                u32::try_from((u64::from(height) * u64::from(target)).div_ceil(u64::from(width)))
                    .unwrap_or(1)
                    .max(1);
            let mut resized = Image::new(target, target_height, pixel_type);
            resizer
                .resize(&source_image, &mut resized, &options)
                .map_err(|e| e.to_string())?;
            encode(
                resized.buffer(),
                target,
                target_height,
                color,
                kind,
                quality,
            )
        })
        .collect()
}

/// Decodes under limits and turns the picture upright by its EXIF orientation.
fn decode(source: &[u8], format: ImageFormat) -> image::ImageResult<DynamicImage> {
    let mut reader = ImageReader::with_format(Cursor::new(source), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXELS * 4 + (64 << 20));
    reader.limits(limits);
    let mut decoder = reader.into_decoder()?;
    let orientation = decoder.orientation()?;
    let mut image = DynamicImage::from_decoder(decoder)?;
    image.apply_orientation(orientation);
    Ok(image)
}

fn encode(
    pixels: &[u8],
    width: u32,
    height: u32,
    color: ExtendedColorType,
    kind: Kind,
    quality: u8,
) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let written = match kind {
        Kind::Jpeg => {
            JpegEncoder::new_with_quality(&mut out, quality).encode(pixels, width, height, color)
        }
        _ => PngEncoder::new(&mut out).write_image(pixels, width, height, color),
    };
    written.map_err(|e| e.to_string())?;
    Ok(out)
}
