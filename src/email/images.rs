//! Images in an email: measured, scaled to fit the 600 px layout, or turned into links.
//!
//! Input: absolute image URLs (in article HTML or as a lead image) and the site folder. Output:
//! `<img>` tags with `alt`, `width` and `height` (Outlook lays images out by those attributes
//! alone), at most [`MAX_WIDTH`] wide. Only the site's own raster files can be measured; an image
//! on another site, or an SVG (which Gmail and Outlook do not show), becomes a link to it.

use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use crate::markdown::escape_html;
use crate::render::embeds::attribute;
use crate::url::{BaseUrl, percent_decode};

/// The widest an image may be: the 600 px column less its padding.
pub const MAX_WIDTH: u32 = 560;

/// An image the email can show.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Sized {
    /// Absolute URL.
    pub src: String,
    /// Width in CSS pixels, at most [`MAX_WIDTH`].
    pub width: u32,
    /// Height in CSS pixels, scaled with the width.
    pub height: u32,
    /// The text shown when images are off.
    pub alt: String,
}

/// Measures the site's images.
pub struct Sizer<'a> {
    /// The site folder.
    pub root: &'a Path,
    /// The site's base URL: images under it are files of the site.
    pub base_url: &'a BaseUrl,
}

impl Sizer<'_> {
    /// The image at `url`, sized, when it is one of the site's raster files.
    pub fn size(&self, url: &str, alt: &str) -> Option<Sized> {
        let file = self.local_file(url)?;
        let size = imagesize::size(&file).ok()?;
        let (width, height) = (size.width as u32, size.height as u32);
        if width == 0 || height == 0 {
            return None;
        }
        let scaled_width = width.min(MAX_WIDTH);
        let scaled_height =
            (u64::from(height) * u64::from(scaled_width)).div_ceil(u64::from(width));
        Some(Sized {
            src: url.to_string(),
            width: scaled_width,
            height: u32::try_from(scaled_height).unwrap_or(u32::MAX),
            alt: alt.to_string(),
        })
    }

    /// The file behind a URL of the site: a content file or a static file.
    fn local_file(&self, url: &str) -> Option<PathBuf> {
        let relative = url.strip_prefix(self.base_url.as_str())?;
        let relative = relative.split(['?', '#']).next()?;
        let relative = percent_decode(relative)?;
        let path = Path::new(&relative);
        if !path.components().all(|c| matches!(c, Component::Normal(_))) {
            return None;
        }
        ["content", "static"]
            .into_iter()
            .map(|folder| self.root.join(folder).join(path))
            .find(|file| file.is_file())
    }

    /// `html` with every `<img>` sized, or made a link when it cannot be measured.
    pub fn rewrite(&self, html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(at) = find_img(rest) {
            out.push_str(&rest[..at]);
            rest = &rest[at..];
            let Some(end) = rest.find('>') else {
                break;
            };
            let tag = &rest[..=end];
            rest = &rest[end + 1..];
            let src = attribute(tag, "src").unwrap_or_default();
            // Attribute values come escaped from the HTML; keep them so.
            let alt = attribute(tag, "alt").unwrap_or_default();
            match self.size(&unescape(&src), &unescape(&alt)) {
                Some(mut image) => {
                    if let Some(variant) =
                        attribute(tag, "srcset").and_then(|set| fitting_candidate(&unescape(&set)))
                    {
                        image.src = variant;
                    }
                    out.push_str(&img_tag(&image))
                }
                None if src.starts_with("https://") || src.starts_with("http://") => {
                    let label = if alt.is_empty() { "image" } else { &alt };
                    out.push_str(&format!("<a href=\"{src}\">[Image: {label}]</a>"));
                }
                None => {}
            }
        }
        out.push_str(rest);
        out
    }
}

/// `<img>` for a sized image, with the attributes email clients need.
pub fn img_tag(image: &Sized) -> String {
    format!(
        "<img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\" class=\"image\" style=\"display:block;width:100%;max-width:{}px;height:auto;border:0\">",
        escape_html(&image.src),
        escape_html(&image.alt),
        image.width,
        image.height,
        image.width
    )
}

/// The smallest `srcset` candidate at least [`MAX_WIDTH`] wide: sharp in the column without
/// sending the full-size original to every inbox.
fn fitting_candidate(srcset: &str) -> Option<String> {
    srcset
        .split(',')
        .filter_map(|candidate| {
            let (url, descriptor) = candidate.trim().split_once(' ')?;
            let width: u32 = descriptor.trim().strip_suffix('w')?.parse().ok()?;
            Some((width, url))
        })
        .filter(|(width, _)| *width >= MAX_WIDTH)
        .min_by_key(|(width, _)| *width)
        .map(|(_, url)| url.to_string())
}

fn find_img(html: &str) -> Option<usize> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<img") {
        let at = from + found;
        let next = lower.as_bytes().get(at + 4);
        if next.is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/') {
            return Some(at);
        }
        from = at + 4;
    }
    None
}

/// The entities comrak writes in attributes, back to text.
fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG header of `width` × `height`: enough for imagesize.
    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        bytes.extend(width.to_be_bytes());
        bytes.extend(height.to_be_bytes());
        bytes.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
        bytes
    }

    #[test]
    fn local_images_are_sized_and_others_linked() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("content/2025/03")).unwrap();
        std::fs::write(site.path().join("content/2025/03/wide.png"), png(1200, 800)).unwrap();
        std::fs::write(site.path().join("content/2025/03/map.svg"), "<svg/>").unwrap();
        let base = BaseUrl::parse("https://e.org/digest/").unwrap();
        let sizer = Sizer {
            root: site.path(),
            base_url: &base,
        };
        let html = "<p><img src=\"https://e.org/digest/2025/03/wide.png\" alt=\"A &amp; B\"></p>\
                    <img src=\"https://e.org/digest/2025/03/map.svg\" alt=\"Map\">\
                    <img src=\"https://cdn.example.org/x.jpg\"><img src=\"https://e.org/digest/../x.png\">";
        let out = sizer.rewrite(html);
        assert!(out.starts_with("<p><img src=\"https://e.org/digest/2025/03/wide.png\" alt=\"A &amp; B\" width=\"560\" height=\"374\""), "{out}");
        assert!(
            out.contains("<a href=\"https://e.org/digest/2025/03/map.svg\">[Image: Map]</a>"),
            "{out}"
        );
        assert!(
            out.contains("<a href=\"https://cdn.example.org/x.jpg\">[Image: image]</a>"),
            "{out}"
        );
        assert!(!out.contains("../x.png\" width"), "{out}");
    }
}
