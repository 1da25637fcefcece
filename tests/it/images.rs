//! Images and embeds (issue #17): sized, lazy, responsive pictures whose variants really have the
//! widths `srcset` claims, captions, EXIF stripped from variants, the variant cache, bad images
//! copied with a warning, and lite embeds in pages, feeds and email. The test images are made
//! here with the `image` crate, so no binary fixture is needed.

use std::fs;
use std::path::{Path, PathBuf};

use image::{ExtendedColorType, ImageEncoder};
use scraper::{Html, Selector};

use crate::support::{newsprint, read, tree};

const BASE: &str = "https://user.github.io/digest/";
/// The base URL's path: pages link into the site root-relative (#20).
const PATH: &str = "/digest/";

/// Builds the site; returns the output folder and what the build printed (stdout, stderr).
fn build(root: &Path) -> (PathBuf, String, String) {
    let result = newsprint(&["build", "--base-url", BASE], root);
    let stdout = String::from_utf8_lossy(&result.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
    assert!(result.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    (root.join("public"), stdout, stderr)
}

fn write(root: &Path, path: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// RGB pixels of a smooth picture, so JPEG has something to encode.
fn pixels(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity((width * height * 3) as usize);
    for y in 0..height {
        for x in 0..width {
            out.extend([(x * 255 / width) as u8, (y * 255 / height) as u8, 128]);
        }
    }
    out
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode(
            &pixels(width, height),
            width,
            height,
            ExtendedColorType::Rgb8,
        )
        .unwrap();
    out
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(
            &pixels(width, height),
            width,
            height,
            ExtendedColorType::Rgb8,
        )
        .unwrap();
    out
}

/// A JPEG with an EXIF block after SOI: orientation 6 (turned a quarter, as phones store a
/// portrait photo), a GPS IFD with a latitude, and a camera make, as a phone writes them.
fn jpeg_with_exif(width: u32, height: u32) -> Vec<u8> {
    let plain = jpeg(width, height);
    let mut tiff: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
    // IFD0 at 8: three entries.
    tiff.extend(3u16.to_be_bytes());
    tiff.extend([0x01, 0x0F, 0, 2, 0, 0, 0, 4]); // Make, ASCII, 4 bytes inline
    tiff.extend(b"Cam\0");
    tiff.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation = 6
    tiff.extend([0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 50]); // GPS IFD at 50
    tiff.extend(0u32.to_be_bytes());
    // GPS IFD at 50: GPSLatitudeRef "N".
    tiff.extend(1u16.to_be_bytes());
    tiff.extend([0x00, 0x01, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0]);
    tiff.extend(0u32.to_be_bytes());
    assert_eq!(&tiff[50..52], &1u16.to_be_bytes());
    let mut out = plain[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(u16::try_from(tiff.len() + 8).unwrap().to_be_bytes());
    out.extend(b"Exif\0\0");
    out.extend(tiff);
    out.extend(&plain[2..]);
    out
}

/// A site with a lead photo, a figure and a small picture.
fn photo_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "config.yaml",
        "title: Digest\nbase_url: https://e.org/\n",
    );
    write(root, "content/2025/03/photo.jpg", jpeg(1600, 1000));
    write(root, "content/2025/03/map.png", png(1000, 500));
    write(root, "content/2025/03/icon.png", png(300, 300));
    write(
        root,
        "content/2025/03/talks.md",
        "---\ntitle: Talks resume\ndate: 2025-03-16T10:00:00Z\ntags: [Ukraine]\nimage: photo.jpg\n\
         image_alt: Delegates at a long table\nimage_caption: The delegations in Riyadh.\n\
         image_credit: \"Photo: Ann Lee / Example Agency\"\n---\n\nThe talks resumed.\n\n\
         ![The front line in March](map.png \"The front line on 16 March\")\n\n\
         An icon ![icon](icon.png) in text.\n",
    );
    dir
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn attr<'a>(element: &scraper::ElementRef<'a>, name: &str) -> &'a str {
    element
        .value()
        .attr(name)
        .unwrap_or_else(|| panic!("no {name} on {:?}", element.value()))
}

/// The real pixel width of each `srcset` candidate, read from the output.
fn check_srcset(public: &Path, srcset: &str) -> Vec<u32> {
    srcset
        .split(", ")
        .map(|candidate| {
            let (url, descriptor) = candidate.split_once(' ').unwrap();
            let width: u32 = descriptor.strip_suffix('w').unwrap().parse().unwrap();
            let file = public.join(url.strip_prefix(PATH).unwrap());
            let size = imagesize::size(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            assert_eq!(size.width as u32, width, "{url}");
            width
        })
        .collect()
}

#[test]
fn images_are_sized_and_variants_have_the_widths_srcset_says() {
    let site = photo_site();
    let (public, stdout, _) = build(site.path());
    assert!(stdout.contains("resized 2 images"), "{stdout}");
    let page = Html::parse_document(&read(public.join("2025/03/talks/index.html")));

    let lead = select(&page, ".lead-image img");
    let lead = lead.first().expect("a lead image");
    assert_eq!(attr(lead, "alt"), "Delegates at a long table");
    assert_eq!(
        (attr(lead, "width"), attr(lead, "height")),
        ("1600", "1000")
    );
    assert_eq!(attr(lead, "fetchpriority"), "high");
    assert!(lead.value().attr("loading").is_none());
    assert_eq!(
        check_srcset(&public, attr(lead, "srcset")),
        [400, 800, 1200, 1600]
    );
    let caption = select(&page, ".lead-image figcaption")[0]
        .text()
        .collect::<String>();
    assert_eq!(
        caption,
        "The delegations in Riyadh. Photo: Ann Lee / Example Agency"
    );

    let figure = select(&page, ".story-body figure.figure img");
    let figure = figure.first().expect("a figure");
    assert_eq!(
        (attr(figure, "width"), attr(figure, "height")),
        ("1000", "500")
    );
    assert_eq!(
        (attr(figure, "loading"), attr(figure, "decoding")),
        ("lazy", "async")
    );
    assert_eq!(
        check_srcset(&public, attr(figure, "srcset")),
        [400, 800, 1000]
    );
    let figcaption = select(&page, ".story-body figure figcaption")[0]
        .text()
        .collect::<String>();
    assert_eq!(figcaption, "The front line on 16 March");

    // Smaller than every configured width: sized, no variants.
    let icon = select(&page, ".story-body p img[alt=icon]");
    assert_eq!(
        (attr(&icon[0], "width"), attr(&icon[0], "height")),
        ("300", "300")
    );
    assert!(icon[0].value().attr("srcset").is_none());
    assert!(!public.join("2025/03/icon-400w.png").exists());

    // Social cards: the 1200 px variant, with its size.
    let meta = |property: &str| {
        let found = select(&page, &format!("meta[property=\"{property}\"]"));
        attr(&found[0], "content").to_string()
    };
    assert_eq!(meta("og:image"), format!("{BASE}2025/03/photo-1200w.jpg"));
    assert_eq!(
        (meta("og:image:width"), meta("og:image:height")),
        ("1200".into(), "750".into())
    );
    let robots = select(&page, "meta[name=robots]");
    assert_eq!(attr(&robots[0], "content"), "max-image-preview:large");
    let json_ld = select(&page, "script[type=\"application/ld+json\"]")[0].inner_html();
    let json: serde_json::Value = serde_json::from_str(&json_ld).unwrap();
    assert_eq!(
        json["image"],
        serde_json::json!([
            format!("{BASE}2025/03/photo.jpg"),
            format!("{BASE}2025/03/photo-1200w.jpg"),
            format!("{BASE}2025/03/photo-800w.jpg"),
            format!("{BASE}2025/03/photo-400w.jpg"),
        ])
    );

    // List pages show the 400 px variant as a thumbnail.
    for list in ["index.html", "tags/ukraine/index.html"] {
        let html = Html::parse_document(&read(public.join(list)));
        let thumb = select(&html, ".card-image img");
        assert_eq!(
            attr(&thumb[0], "src"),
            format!("{PATH}2025/03/photo-400w.jpg"),
            "{list}"
        );
        assert_eq!(
            (attr(&thumb[0], "width"), attr(&thumb[0], "height")),
            ("400", "250")
        );
    }
    assert!(select(&page, "script[src]").is_empty());
    // JPEG stays JPEG, PNG stays PNG.
    let files = tree(&public);
    assert!(files["2025/03/photo-800w.jpg"].starts_with(&[0xFF, 0xD8]));
    assert!(files["2025/03/map-800w.png"].starts_with(b"\x89PNG"));
}

#[test]
fn variants_are_upright_and_carry_no_exif() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "config.yaml",
        "title: Digest\nbase_url: https://e.org/\n",
    );
    // Stored 1600 × 1000 with orientation 6: shown 1000 wide, 1600 tall.
    let source = jpeg_with_exif(1600, 1000);
    write(root, "content/2025/03/phone.jpg", &source);
    write(
        root,
        "content/2025/03/a.md",
        "---\ntitle: A\ndate: 2025-03-16\nimage: phone.jpg\n---\n\nText.\n",
    );
    let (public, _, _) = build(root);
    let page = Html::parse_document(&read(public.join("2025/03/a/index.html")));
    let lead = &select(&page, ".lead-image img")[0];
    assert_eq!(
        (attr(lead, "width"), attr(lead, "height")),
        ("1000", "1600")
    );
    // The original is described by its shown width; browsers turn it by its EXIF tag too.
    let srcset = attr(lead, "srcset");
    assert!(srcset.ends_with("2025/03/phone.jpg 1000w"), "{srcset}");
    let variants = srcset.rsplit_once(", ").unwrap().0;
    assert_eq!(check_srcset(&public, variants), [400, 800]);
    let has_exif = |bytes: &[u8]| bytes.windows(6).any(|w| w == b"Exif\0\0");
    assert!(has_exif(&source));
    // The original is published as it is; its variants carry no APP1 segment at all.
    for width in [400, 800] {
        let variant = fs::read(public.join(format!("2025/03/phone-{width}w.jpg"))).unwrap();
        assert!(!has_exif(&variant), "{width}");
        assert!(
            !variant.windows(2).any(|w| w == [0xFF, 0xE1]),
            "{width}: APP1"
        );
        let size = imagesize::blob_size(&variant).unwrap();
        assert_eq!(
            (size.width, size.height),
            (width as usize, width as usize * 8 / 5)
        );
    }
}

#[test]
fn a_second_build_decodes_no_image() {
    let site = photo_site();
    let root = site.path();
    let (_, first, _) = build(root);
    assert!(first.contains("resized 2 images"), "{first}");
    let cache = root.join(".newsprint-cache/images");
    let stamps = |dir: &Path| -> Vec<(String, std::time::SystemTime)> {
        let mut all: Vec<_> = tree(dir)
            .keys()
            .map(|path| {
                (
                    path.clone(),
                    fs::metadata(dir.join(path)).unwrap().modified().unwrap(),
                )
            })
            .collect();
        all.sort();
        all
    };
    let before = stamps(&cache);
    // Three variants of the photo, two of the map.
    assert_eq!(before.len(), 5, "{before:?}");
    let (public, second, _) = build(root);
    assert!(!second.contains("resized"), "{second}");
    assert_eq!(stamps(&cache), before);
    assert!(public.join("2025/03/photo-1200w.jpg").is_file());

    // A changed image is made again; the other comes from the cache.
    write(root, "content/2025/03/map.png", png(900, 450));
    let (_, third, _) = build(root);
    assert!(third.contains("resized 1 image"), "{third}");
}

#[test]
fn bad_images_are_copied_with_a_warning_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "config.yaml",
        "title: Digest\nbase_url: https://e.org/\n",
    );
    let whole = jpeg(1600, 1000);
    write(root, "content/2025/03/cut.jpg", &whole[..whole.len() / 3]);
    write(root, "content/2025/03/named.jpg", png(900, 600));
    // A 30,000 × 30,000 PNG: a valid header, a few bytes, 3.6 GB if decoded.
    let mut bomb = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bomb.extend(30_000u32.to_be_bytes());
    bomb.extend(30_000u32.to_be_bytes());
    bomb.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
    write(root, "content/2025/03/bomb.png", &bomb);
    write(root, "content/2025/03/garbage.png", b"not an image at all");
    write(
        root,
        "content/2025/03/map.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
    );
    write(
        root,
        "content/2025/03/a.md",
        "---\ntitle: A\ndate: 2025-03-16\nimage: map.svg\n---\n\n![cut](cut.jpg) ![named](named.jpg) \
         ![bomb](bomb.png) ![garbage](garbage.png) ![map](map.svg)\n",
    );
    let (public, _, stderr) = build(root);
    for name in ["named.jpg", "bomb.png", "garbage.png"] {
        assert!(
            stderr.contains(&format!("content/2025/03/{name}")),
            "{name}: {stderr}"
        );
    }
    assert!(stderr.contains("30000 × 30000"), "{stderr}");
    let files = tree(&public);
    for name in ["cut.jpg", "named.jpg", "bomb.png", "garbage.png", "map.svg"] {
        assert_eq!(
            files[&format!("2025/03/{name}")],
            fs::read(root.join("content/2025/03").join(name)).unwrap()
        );
    }
    assert!(
        !files
            .keys()
            .any(|p| p.contains("named-") || p.contains("bomb-"))
    );
    // The truncated JPEG's variants exist either way: decoded as far as it goes, or copies of
    // the original with a warning; `srcset` never names a missing file.
    let page = Html::parse_document(&read(public.join("2025/03/a/index.html")));
    for img in select(&page, "img[srcset]") {
        for candidate in attr(&img, "srcset").split(", ") {
            let url = candidate.split(' ').next().unwrap();
            assert!(
                public.join(url.strip_prefix(PATH).unwrap()).is_file(),
                "{url}"
            );
        }
    }
    // An SVG is never og:image.
    assert!(
        !read(public.join("2025/03/a/index.html")).contains(
            "property=\"og:image\" content=\"https://user.github.io/digest/2025/03/map.svg"
        )
    );
}

#[test]
fn embeds_are_cards_in_pages_and_links_in_feeds_and_email() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "config.yaml",
        "title: Digest\nbase_url: https://e.org/\nemail:\n  content: full\n",
    );
    write(
        root,
        "content/2025/03/a.md",
        "---\ntitle: A\ndate: 2025-03-16T10:00:00Z\n---\n\nThe statement:\n\n\
         https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nAnd the channel:\n\n\
         https://t.me/ukrpravda_news/41234\n",
    );
    let (public, _, _) = build(root);
    let page = read(public.join("2025/03/a/index.html"));
    let html = Html::parse_document(&page);
    let cards = select(&html, ".story-body .embed a.embed-link");
    assert_eq!(cards.len(), 2);
    assert_eq!(
        attr(&cards[0], "href"),
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    );
    assert_eq!(
        attr(&cards[0], "data-embed-src"),
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    );
    assert_eq!(
        cards[1].text().collect::<String>(),
        "Telegram · @ukrpravda_news · post 41234"
    );
    // Nothing third-party loads with the page: no iframe, and every script is the site's own.
    assert!(!page.contains("<iframe"));
    for script in select(&html, "script[src]") {
        assert!(
            attr(&script, "src").starts_with(PATH),
            "{}",
            attr(&script, "src")
        );
    }
    assert!(public.join("embed.js").is_file());
    // The player script is on pages with a video card only.
    assert_eq!(select(&html, "script[src]").len(), 1);
    for feed in ["atom.xml", "rss.xml", "feed.json"] {
        let text = read(public.join(feed));
        assert!(
            !text.contains("iframe") && !text.contains("youtube-nocookie.com/embed\\\""),
            "{feed}"
        );
        assert!(text.contains("https://t.me/ukrpravda_news/41234"), "{feed}");
    }
    let parsed =
        feed_rs::parser::parse(fs::read(public.join("atom.xml")).unwrap().as_slice()).unwrap();
    let content = parsed.entries[0]
        .content
        .as_ref()
        .unwrap()
        .body
        .clone()
        .unwrap();
    assert!(content.contains("Telegram"), "{content}");

    let out = root.join("mail");
    let result = newsprint(
        &[
            "email",
            "--out",
            out.to_str().unwrap(),
            "--edition",
            "2025-03-16",
        ],
        root,
    );
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let email = read(out.join("2025-03-16.html"));
    assert!(
        email.contains("href=\"https://t.me/ukrpravda_news/41234\""),
        "{email}"
    );
    assert!(
        email.contains("https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        "{email}"
    );
    assert!(!email.contains("<iframe") && !email.contains("<script"));
}

/// `watch` and `serve` update in place: an image added or changed after the first build gets
/// its variants; unchanged images are not hashed or decoded again.
#[test]
fn an_update_makes_the_variants_of_new_and_changed_images_only() {
    use newsprint::pipeline::{BuildOptions, Change, Pipeline};
    let site = photo_site();
    let root = site.path();
    let options = BuildOptions::new(root, root.join("public"));
    let mut pipeline = Pipeline::open(options).unwrap();
    assert_eq!(pipeline.build_full().unwrap().images_resized, 2);
    write(root, "content/2025/03/new.png", png(1300, 650));
    write(
        root,
        "content/2025/03/talks.md",
        fs::read_to_string(root.join("content/2025/03/talks.md")).unwrap() + "\n![new](new.png)\n",
    );
    let change = Change {
        files: ["content/2025/03/new.png", "content/2025/03/talks.md"]
            .map(PathBuf::from)
            .into_iter()
            .collect(),
        ..Change::default()
    };
    let report = pipeline.update(&change).unwrap();
    assert_eq!(report.images_resized, 1);
    let public = root.join("public");
    for width in [400, 800, 1200] {
        let size = imagesize::size(public.join(format!("2025/03/new-{width}w.png"))).unwrap();
        assert_eq!(size.width, width as usize);
    }
    assert!(public.join("2025/03/photo-800w.jpg").is_file());
    let page = read(public.join("2025/03/talks/index.html"));
    assert!(page.contains("new-1200w.png 1200w"), "{page}");
}
