//! The EXIF orientation of a JPEG, read from its first bytes.
//!
//! Input: the start of a JPEG file. Output: the orientation tag (1 to 8), if there is one. A
//! phone stores a portrait photo as landscape pixels plus this tag, so the shown width is the
//! stored height; the variants are turned by `image` when decoded.

/// The EXIF orientation in `jpeg`'s APP1 segment, if it has one.
pub fn orientation(jpeg: &[u8]) -> Option<u16> {
    let mut at = 2;
    if jpeg.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    loop {
        let marker = *jpeg.get(at + 1)?;
        if *jpeg.get(at)? != 0xFF || marker == 0xDA || marker == 0xD9 {
            return None;
        }
        let length = usize::from(u16::from_be_bytes([*jpeg.get(at + 2)?, *jpeg.get(at + 3)?]));
        let segment = jpeg.get(at + 4..at + 2 + length)?;
        if marker == 0xE1 && segment.starts_with(b"Exif\0\0") {
            return tiff_orientation(&segment[6..]);
        }
        at += 2 + length;
    }
}

/// Tag 0x0112 of the first IFD of a TIFF block.
fn tiff_orientation(tiff: &[u8]) -> Option<u16> {
    let little = match tiff.get(..2)? {
        b"II" => true,
        b"MM" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let bytes = [*tiff.get(at)?, *tiff.get(at + 1)?];
        Some(if little {
            u16::from_le_bytes(bytes)
        } else {
            u16::from_be_bytes(bytes)
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let bytes = [
            *tiff.get(at)?,
            *tiff.get(at + 1)?,
            *tiff.get(at + 2)?,
            *tiff.get(at + 3)?,
        ];
        Some(if little {
            u32::from_le_bytes(bytes)
        } else {
            u32::from_be_bytes(bytes)
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let entries = usize::from(u16_at(ifd)?);
    (0..entries)
        .map(|i| ifd + 2 + i * 12)
        .find(|&entry| u16_at(entry) == Some(0x0112))
        .and_then(|entry| u16_at(entry + 8))
        .filter(|o| (1..=8).contains(o))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    type Write16 = fn(u16) -> [u8; 2];
    type Write32 = fn(u32) -> [u8; 4];

    /// An APP1 Exif segment holding an orientation tag (and a GPS IFD pointer, as phones write).
    pub(crate) fn exif_segment(orientation: u16, little: bool) -> Vec<u8> {
        let (order, u16b, u32b): (&[u8], Write16, Write32) = if little {
            (b"II", u16::to_le_bytes, u32::to_le_bytes)
        } else {
            (b"MM", u16::to_be_bytes, u32::to_be_bytes)
        };
        let mut tiff = order.to_vec();
        tiff.extend(u16b(42));
        tiff.extend(u32b(8));
        tiff.extend(u16b(2));
        // Orientation, SHORT, count 1.
        tiff.extend(u16b(0x0112));
        tiff.extend(u16b(3));
        tiff.extend(u32b(1));
        tiff.extend(u16b(orientation));
        tiff.extend([0, 0]);
        // GPS IFD pointer, LONG, count 1, to an empty IFD.
        tiff.extend(u16b(0x8825));
        tiff.extend(u16b(4));
        tiff.extend(u32b(1));
        tiff.extend(u32b(38));
        tiff.extend(u32b(0));
        tiff.extend(u16b(0));
        tiff.extend(u32b(0));
        let mut segment = vec![0xFF, 0xE1];
        segment.extend(u16::try_from(tiff.len() + 8).unwrap().to_be_bytes());
        segment.extend(b"Exif\0\0");
        segment.extend(tiff);
        segment
    }

    #[test]
    fn orientation_matches_the_image_crate() {
        use image::ImageDecoder;
        let mut plain = Vec::new();
        image::codecs::jpeg::JpegEncoder::new(&mut plain)
            .encode(&[0u8; 3 * 4 * 2], 4, 2, image::ExtendedColorType::Rgb8)
            .unwrap();
        assert_eq!(orientation(&plain), None);
        for little in [true, false] {
            for tag in 1..=8 {
                let mut jpeg = plain[..2].to_vec();
                jpeg.extend(exif_segment(tag, little));
                jpeg.extend(&plain[2..]);
                assert_eq!(orientation(&jpeg), Some(tag));
                let mut decoder =
                    image::codecs::jpeg::JpegDecoder::new(std::io::Cursor::new(&jpeg)).unwrap();
                let oracle = decoder.orientation().unwrap();
                assert_eq!(
                    image::metadata::Orientation::from_exif(tag as u8),
                    Some(oracle)
                );
            }
        }
        assert_eq!(orientation(b"\xFF\xD8\xFF\xE1\x00"), None);
    }
}
