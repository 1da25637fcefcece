//! Pictures and embeds in an article body, rewritten in the comrak tree before it is formatted.
//!
//! Input: the parsed body, its image nodes (links already resolved) with what the image stage
//! knows of each. Output: the same tree where each image is an `<img>` with `width`, `height`,
//! `srcset`, `loading="lazy"` and `decoding="async"`; an image alone in its paragraph with a
//! title is a `<figure>` with that title as its `<figcaption>`; and a paragraph holding nothing
//! but a link to a YouTube, Vimeo, X, Telegram or Bluesky post is a lite embed (see [`embed`]).
//! The HTML is newsprint's own, so it goes in as `Raw` nodes and works with `unsafe_html: false`.

use comrak::Arena;
use comrak::nodes::{AstNode, NodeValue};

use crate::images::ImageInfo;

mod embed;

/// `sizes` for a picture in the article column (the default theme's body is about 700 px wide).
pub const BODY_SIZES: &str = "(min-width: 760px) 700px, 100vw";

/// Replaces each image node with an `<img>` (or its paragraph with a `<figure>`).
pub fn rewrite_images<'a>(
    arena: &'a Arena<'a>,
    pictures: Vec<(&'a AstNode<'a>, Option<ImageInfo>)>,
) {
    for (node, info) in pictures {
        let (url, title) = match &node.data().value {
            NodeValue::Image(link) => (link.url.clone(), link.title.clone()),
            _ => continue,
        };
        // Other schemes (and comrak's filtering of `javascript:`) stay comrak's business.
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            continue;
        }
        let alt = super::plain_text(node);
        let alone = node.parent().filter(|parent| {
            matches!(parent.data().value, NodeValue::Paragraph)
                && parent.first_child().is_some_and(|c| c.same_node(node))
                && parent.last_child().is_some_and(|c| c.same_node(node))
        });
        let caption = title.trim();
        match alone {
            Some(paragraph) if !caption.is_empty() => {
                let img = img_tag(&url, &alt, info.as_ref(), None);
                let html = format!(
                    "<figure class=\"figure\">{img}<figcaption>{}</figcaption></figure>\n",
                    escape(caption)
                );
                replace(arena, paragraph, html);
            }
            _ => {
                let html = img_tag(&url, &alt, info.as_ref(), Some(caption));
                replace(arena, node, html);
            }
        }
    }
}

/// Replaces each paragraph of the body that is nothing but a link to a post we know how to
/// embed with that post's card.
pub fn rewrite_embeds<'a>(arena: &'a Arena<'a>, root: &'a AstNode<'a>) {
    let found: Vec<(&AstNode, String)> = root
        .children()
        .filter_map(|paragraph| Some((paragraph, embed::card(&lone_link(paragraph)?)?)))
        .collect();
    for (paragraph, html) in found {
        replace(arena, paragraph, html);
    }
}

/// The URL of a paragraph that holds one link and nothing else, whose text is its URL (a bare
/// URL on its own line, or `<https://…>`).
fn lone_link<'a>(paragraph: &'a AstNode<'a>) -> Option<String> {
    if !matches!(paragraph.data().value, NodeValue::Paragraph) {
        return None;
    }
    let link = paragraph.first_child()?;
    if !link.same_node(paragraph.last_child()?) {
        return None;
    }
    let NodeValue::Link(target) = &link.data().value else {
        return None;
    };
    let text = super::plain_text(link);
    (text == target.url).then(|| target.url.clone())
}

/// An `<img>` for `url`: sized, with its variants, lazy. `title` is kept as an attribute for an
/// image inside text (`None` for one in a figure, whose title is the caption).
pub fn img_tag(url: &str, alt: &str, info: Option<&ImageInfo>, title: Option<&str>) -> String {
    let mut html = format!("<img src=\"{}\" alt=\"{}\"", href(url), escape(alt));
    if let Some(info) = info {
        html.push_str(&format!(
            " width=\"{}\" height=\"{}\"",
            info.width, info.height
        ));
        if !info.variants.is_empty() {
            html.push_str(&format!(
                " srcset=\"{}\" sizes=\"{BODY_SIZES}\"",
                info.srcset(&href(url))
            ));
        }
    }
    html.push_str(" loading=\"lazy\" decoding=\"async\"");
    if let Some(title) = title.filter(|t| !t.is_empty()) {
        html.push_str(&format!(" title=\"{}\"", escape(title)));
    }
    html.push('>');
    html
}

fn replace<'a>(arena: &'a Arena<'a>, node: &'a AstNode<'a>, html: String) {
    let raw = arena.alloc(AstNode::from(NodeValue::Raw(html)));
    raw.data_mut().sourcepos = node.data().sourcepos;
    node.insert_before(raw);
    node.detach();
}

/// A URL as comrak writes it into an attribute (unsafe characters percent-encoded).
fn href(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    // Writing into a String cannot fail.
    let _ = comrak::html::escape_href(&mut out, url, false);
    out
}

fn escape(text: &str) -> String {
    super::escape_html(text)
}

#[cfg(test)]
mod tests;
