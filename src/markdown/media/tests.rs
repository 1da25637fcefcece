use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::config::{Config, MarkdownConfig, Overrides};
use crate::images::{ImageInfo, Kind};
use crate::markdown::{LinkTargets, render};
use crate::url::BaseUrl;

fn render_body(body: &str) -> crate::markdown::Rendered {
    let config = Config::parse(
        Path::new("c.yaml"),
        "title: T\nbase_url: https://e.org/\n",
        &Overrides::default(),
    )
    .unwrap();
    let text = format!("---\ntitle: A\ndate: 2025-03-16\nimage: photo.jpg\n---\n{body}");
    let path = Path::new("content/2025/03/a.md");
    let article = crate::content::parse_article(path, path, text, 0, &config).unwrap();
    let photo = PathBuf::from("content/2025/03/photo.jpg");
    let links = LinkTargets {
        base_url: BaseUrl::parse("https://e.org/").unwrap(),
        targets: HashMap::from([(photo.clone(), "2025/03/photo.jpg".to_string())]),
        failed: HashSet::new(),
        images: HashMap::from([(
            photo,
            ImageInfo {
                width: 1600,
                height: 1000,
                kind: Kind::Jpeg,
                variants: vec![400, 800, 1200],
            },
        )]),
    };
    render(&article, &links, &MarkdownConfig::default()).unwrap()
}

#[test]
fn images_are_sized_lazy_and_responsive() {
    let rendered = render_body(
        "Text ![A \"map\"](photo.jpg) and ![far](https://cdn.example.org/x.png \"Far\").\n",
    );
    let html = rendered.html.as_str();
    assert!(html.contains(
        "<img src=\"https://e.org/2025/03/photo.jpg\" alt=\"A “map”\" width=\"1600\" height=\"1000\" \
         srcset=\"https://e.org/2025/03/photo-400w.jpg 400w, https://e.org/2025/03/photo-800w.jpg 800w, \
         https://e.org/2025/03/photo-1200w.jpg 1200w, https://e.org/2025/03/photo.jpg 1600w\" \
         sizes=\"(min-width: 760px) 700px, 100vw\" loading=\"lazy\" decoding=\"async\">"
    ), "{html}");
    assert!(html.contains(
        "<img src=\"https://cdn.example.org/x.png\" alt=\"far\" loading=\"lazy\" decoding=\"async\" title=\"Far\">"
    ), "{html}");
    assert_eq!(rendered.image_info.unwrap().variants, [400, 800, 1200]);
}

#[test]
fn an_image_alone_with_a_title_is_a_figure() {
    let html = render_body("First.\n\n![Kherson](photo.jpg \"Kherson <after> the flood\")\n").html;
    assert!(html.contains("<figure class=\"figure\"><img src=\"https://e.org/2025/03/photo.jpg\" alt=\"Kherson\" width=\"1600\""), "{html}");
    assert!(
        html.contains("<figcaption>Kherson &lt;after&gt; the flood</figcaption></figure>"),
        "{html}"
    );
    assert!(!html.contains("<p><figure"), "{html}");
    // Without a title it stays an image in a paragraph.
    let plain = render_body("![Kherson](photo.jpg)\n").html;
    assert!(plain.starts_with("<p><img "), "{plain}");
}

#[test]
fn a_bare_post_url_is_a_card_and_a_link_in_text_is_not() {
    let html = render_body(
        "Intro.\n\nhttps://t.me/ukrpravda_news/41234\n\nSee https://youtu.be/dQw4w9WgXcQ here.\n\n\
         [a video](https://youtu.be/dQw4w9WgXcQ)\n",
    )
    .html;
    assert!(html.contains("<p class=\"embed embed-telegram\"><a class=\"embed-link\" href=\"https://t.me/ukrpravda_news/41234\">"), "{html}");
    assert_eq!(html.matches("class=\"embed ").count(), 1, "{html}");
    assert!(
        html.contains("<p>See <a href=\"https://youtu.be/dQw4w9WgXcQ\">"),
        "{html}"
    );
}

#[test]
fn embeds_work_with_raw_html_escaped() {
    // The card is newsprint's HTML; raw HTML in the same body is still escaped.
    let html = render_body("https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n<iframe src=\"https://evil.example\"></iframe>\n").html;
    assert!(
        html.contains(
            "data-embed-src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1\""
        ),
        "{html}"
    );
    assert!(html.contains("&lt;iframe"), "{html}");
    assert!(!html.contains("<iframe"), "{html}");
}
