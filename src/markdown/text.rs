//! Plain text from Markdown, for the text part of an email: written from the Markdown tree, not
//! scraped from HTML, so headings, lists, quotes, tables and links each read as plain text does.
//!
//! Input: an article (or intro) and the site's link targets. Output: text wrapped at
//! [`WIDTH`] columns (a URL longer than a line stands alone on its line), every link written
//! out as an absolute URL after its text, embeds as a line naming what they showed.

use comrak::Arena;
use comrak::nodes::{AstNode, ListType, NodeValue};

use super::{LinkTargets, Resolved, options, remove_more_marker, resolve};
use crate::config::MarkdownConfig;
use crate::content::Article;

/// The width plain-text email lines wrap at (RFC 5322 recommends at most 78 characters).
pub const WIDTH: usize = 78;

/// The article's body as wrapped plain text.
pub fn to_text(article: &Article, links: &LinkTargets, config: &MarkdownConfig) -> String {
    let options = options(config);
    let arena = Arena::new();
    let (body, _) = remove_more_marker(&article.body);
    let root = comrak::parse_document(&arena, &body, &options);
    let page_url = links.base_url.join(&article.url_path);
    let writer = Writer {
        article,
        links,
        page_url,
    };
    let mut out = Vec::new();
    writer.blocks(root, "", &mut out);
    let mut text = out.join("\n");
    while text.ends_with('\n') {
        text.pop();
    }
    text.push('\n');
    text
}

struct Writer<'a> {
    article: &'a Article,
    links: &'a LinkTargets,
    page_url: String,
}

impl Writer<'_> {
    /// Appends the blocks under `node` as lines, each prefixed (quotes, list indents), with a
    /// blank line between blocks.
    fn blocks<'n>(&self, node: &'n AstNode<'n>, prefix: &str, out: &mut Vec<String>) {
        let mut wrote_any = false;
        for child in node.children() {
            let before = out.len();
            self.block(child, prefix, out);
            if out.len() > before {
                // A blank (or bare `>`) line between blocks, none after the last.
                if wrote_any {
                    out.insert(before, prefix.trim_end().to_string());
                }
                wrote_any = true;
            }
        }
    }

    fn block<'n>(&self, node: &'n AstNode<'n>, prefix: &str, out: &mut Vec<String>) {
        let value = node.data.borrow().value.clone();
        match value {
            NodeValue::Paragraph => {
                out.extend(wrap_lines(&self.inline(node), prefix, prefix));
            }
            NodeValue::Heading(heading) => {
                let text = self.inline(node);
                let lines = wrap_lines(&text, prefix, prefix);
                let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
                let rule = if heading.level <= 2 { '=' } else { '-' };
                out.extend(lines);
                let width = longest.saturating_sub(prefix.chars().count()).max(3);
                out.push(format!("{prefix}{}", rule.to_string().repeat(width)));
            }
            NodeValue::BlockQuote => self.blocks(node, &format!("{prefix}> "), out),
            NodeValue::List(list) => {
                for (number, item) in (list.start..).zip(node.children()) {
                    let marker = match list.list_type {
                        ListType::Bullet => "- ".to_string(),
                        ListType::Ordered => format!("{number}. "),
                    };
                    let indent = " ".repeat(marker.len());
                    let mut lines = Vec::new();
                    self.blocks(item, "", &mut lines);
                    while lines.last().is_some_and(|l| l.is_empty()) {
                        lines.pop();
                    }
                    let text = lines.join("\n");
                    let first = format!("{prefix}{marker}");
                    let rest = format!("{prefix}{indent}");
                    for (at, line) in text.lines().enumerate() {
                        let lead = if at == 0 { &first } else { &rest };
                        out.push(format!("{lead}{line}").trim_end().to_string());
                    }
                }
            }
            NodeValue::CodeBlock(code) => {
                for line in code.literal.lines() {
                    out.push(format!("{prefix}    {line}").trim_end().to_string());
                }
            }
            NodeValue::HtmlBlock(html) => {
                out.extend(wrap_lines(&html_as_text(&html.literal), prefix, prefix));
            }
            NodeValue::ThematicBreak => out.push(format!("{prefix}* * *")),
            NodeValue::Table(_) => self.table(node, prefix, out),
            NodeValue::FootnoteDefinition(definition) => {
                let mut lines = Vec::new();
                self.blocks(node, "", &mut lines);
                let text = lines.join(" ");
                let label = format!("[{}] ", definition.name);
                out.extend(wrap_lines(
                    &format!("{label}{}", text.trim()),
                    prefix,
                    prefix,
                ));
            }
            _ => self.blocks(node, prefix, out),
        }
    }

    /// A table as a list: each body row an item, each cell on a line after its column's
    /// heading (rows of cells side by side do not survive wrapping at 78 columns).
    fn table<'n>(&self, node: &'n AstNode<'n>, prefix: &str, out: &mut Vec<String>) {
        let mut rows = node.children();
        let headings: Vec<String> = match rows.next() {
            Some(row) => row.children().map(|cell| self.inline(cell)).collect(),
            None => return,
        };
        for row in rows {
            for (at, cell) in row.children().enumerate() {
                let heading = headings.get(at).map_or("", String::as_str);
                let text = if heading.is_empty() {
                    self.inline(cell)
                } else {
                    format!("{heading}: {}", self.inline(cell))
                };
                let first = format!("{prefix}{}", if at == 0 { "- " } else { "  " });
                out.extend(wrap_lines(&text, &first, &format!("{prefix}    ")));
            }
        }
    }

    /// The inline text of a block: links as `text (URL)`, images as `[Image: alt] (URL)`.
    fn inline<'n>(&self, node: &'n AstNode<'n>) -> String {
        let mut text = String::new();
        for child in node.children() {
            let value = child.data.borrow().value.clone();
            match value {
                NodeValue::Text(t) => text.push_str(&t),
                NodeValue::Code(code) => text.push_str(&code.literal),
                NodeValue::SoftBreak | NodeValue::LineBreak => text.push(' '),
                NodeValue::Link(link) => {
                    let label = self.inline(child);
                    let url = self.absolute(&link.url);
                    if label.trim() == url || url.is_empty() {
                        text.push_str(&label);
                    } else {
                        text.push_str(&format!("{label} ({url})"));
                    }
                }
                NodeValue::Image(link) => {
                    let alt = self.inline(child);
                    let url = self.absolute(&link.url);
                    text.push_str(&format!("[Image: {alt}] ({url})"));
                }
                NodeValue::HtmlInline(html) => text.push_str(&html_as_text(&html)),
                NodeValue::FootnoteReference(reference) => {
                    text.push_str(&format!("[{}]", reference.name));
                }
                _ => text.push_str(&self.inline(child)),
            }
        }
        text
    }

    /// A link target as an absolute URL (site files resolved as on the page, fragments against
    /// the article's page); a broken link (reported by the build) as its text.
    fn absolute(&self, url: &str) -> String {
        match resolve(url, &self.article.path, self.links) {
            Resolved::To { url, .. } => url,
            Resolved::Missing { .. } => String::new(),
            Resolved::Unchanged if url.starts_with('#') => format!("{}{url}", self.page_url),
            Resolved::Unchanged => url.to_string(),
        }
    }
}

/// Raw HTML in plain text: an embed becomes a line naming its URL; other tags are dropped.
fn html_as_text(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    for embed in ["<iframe", "<video", "<audio", "<object", "<embed"] {
        if let Some(at) = lower.find(embed) {
            let after = &html[at..];
            if let Some(start) = after.find("src=\"") {
                let rest = &after[start + 5..];
                let src = &rest[..rest.find('"').unwrap_or(rest.len())];
                return format!("[Embedded content: {src}]");
            }
        }
    }
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// `text` wrapped at [`WIDTH`]: the first line after `first`, the rest after `rest`. Words never
/// break; a word longer than a line (a URL) gets a line of its own.
pub fn wrap_lines(text: &str, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut empty = true;
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if !empty && len + 1 + word.chars().count() > WIDTH {
            lines.push(line);
            line = rest.to_string();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    if !empty {
        lines.push(line);
    }
    lines
}

/// Every line of `text` longer than [`WIDTH`] wrapped, keeping its leading spaces: the last
/// pass over a rendered `email.txt`, whatever its template did.
pub fn rewrap(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.lines() {
        if line.chars().count() <= WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            continue;
        }
        let indent_len = line.len() - line.trim_start().len();
        let indent = &line[..indent_len];
        for wrapped in wrap_lines(line, indent, indent) {
            out.push_str(&wrapped);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::BaseUrl;
    use std::collections::{HashMap, HashSet};
    use std::path::{Path, PathBuf};

    fn article(body: &str) -> Article {
        let config = crate::config::Config::parse(
            Path::new("config.yaml"),
            "title: T\nbase_url: https://e.org/\n",
            &crate::config::Overrides::default(),
        )
        .unwrap();
        let text = format!("---\ntitle: T\ndate: 2025-03-16\n---\n{body}");
        let path = Path::new("content/2025/03/a.md");
        crate::content::parse_article(path, path, text, 0, &config).unwrap()
    }

    fn targets() -> LinkTargets {
        LinkTargets {
            base_url: BaseUrl::parse("https://e.org/").unwrap(),
            targets: HashMap::from([(
                PathBuf::from("content/2025/03/b.md"),
                "2025/03/b/".to_string(),
            )]),
            failed: HashSet::new(),
            images: HashMap::new(),
        }
    }

    #[test]
    fn blocks_read_as_plain_text() {
        let body = "Talks *resume* in [Riyadh](b.md) and [here](https://x.org/).\n\n\
                    ## Key points\n\n- one\n- two [^1]\n\n> Quoted words\n\n\
                    | A | B |\n|---|---|\n| 1 | 2 |\n\n[^1]: A note.\n";
        let text = to_text(&article(body), &targets(), &MarkdownConfig::default());
        assert!(text.starts_with(
            "Talks resume in Riyadh (https://e.org/2025/03/b/) and here (https://x.org/).\n\nKey points\n==========\n\n- one\n- two [1]\n\n> Quoted words\n\n- A: 1\n  B: 2\n"
        ), "{text}");
        assert!(text.contains("[1] A note."), "{text}");
    }

    #[test]
    fn lines_wrap_at_78_but_urls_stay_whole() {
        let long = "word ".repeat(40);
        let url = format!("https://example.org/{}", "x".repeat(100));
        let text = to_text(
            &article(&format!("{long}\n\n[link]({url})\n")),
            &targets(),
            &MarkdownConfig::default(),
        );
        for line in text.lines() {
            let one_url = !line.contains(' ') && line.contains("://");
            assert!(line.chars().count() <= WIDTH || one_url, "{line:?}");
        }
        assert!(
            text.lines().any(|line| line == format!("({url})")),
            "{text}"
        );
        assert_eq!(
            rewrap(&format!("  {long}\n")).lines().next().unwrap().len(),
            76
        );
    }

    #[test]
    fn embeds_name_their_url() {
        let config = MarkdownConfig { unsafe_html: true };
        let body = "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n";
        let text = to_text(&article(body), &targets(), &config);
        assert_eq!(
            text,
            "[Embedded content: https://www.youtube.com/embed/x]\n"
        );
    }
}
