//! The Markdown stage: the only `comrak` use.
//!
//! Input: an [`Article`]'s body and the site's link targets. Output: [`Rendered`] HTML, a summary
//! (front matter `summary:`, else the part before `<!-- more -->`, else the first paragraph), a
//! word count, and every relative link resolved to the URL of the file it points at. A link to a
//! file that does not exist is a [`Diagnostic`] at its line in the article file.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use comrak::html::{ChildRendering, Context};
use comrak::nodes::{AstNode, NodeValue, TableAlignment};
use comrak::{Arena, Options};

use crate::config::MarkdownConfig;
use crate::content::Article;
use crate::error::{Diagnostic, Error, MAX_ERRORS_PER_FILE, Position};
use crate::i18n::MarkupLabels;
use crate::images::ImageInfo;
use crate::render::Html;
use crate::url::BaseUrl;

mod media;
pub use media::BODY_SIZES;
pub mod spool;
pub mod text;

/// The marker that ends a hand-picked summary.
const MORE_MARKER: &str = "<!-- more -->";

/// Words read per minute, for the reading time.
const WORDS_PER_MINUTE: usize = 220;

/// An article body turned into HTML.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Rendered {
    /// The body as HTML.
    pub html: Html,
    /// The summary as HTML.
    pub summary_html: Html,
    /// The summary as plain text (for meta descriptions and feeds).
    pub summary_text: String,
    /// Words in the body.
    pub word_count: usize,
    /// Minutes to read, at least 1.
    pub reading_time: usize,
    /// The lead image's absolute URL, when the article has one.
    pub image: Option<String>,
    /// The lead image's file, relative to the site root, when it is one of the site's files.
    pub image_file: Option<PathBuf>,
    /// The size of `image_file` in bytes, filled in by the pipeline (which knows the root), for
    /// feed enclosures.
    pub image_bytes: Option<u64>,
    /// The lead image's size and variants, when it is one of the site's raster files.
    pub image_info: Option<ImageInfo>,
    /// The content files this article links to (to re-render it when they move).
    pub links: Vec<PathBuf>,
    /// Where the body is when a single build moved it out of memory (`html` is empty then):
    /// read it with [`Rendered::body`].
    pub spooled: Option<spool::Spooled>,
}

impl Rendered {
    /// The body as HTML, read back from the spool when it is there.
    pub fn body(&self) -> Html {
        match &self.spooled {
            Some(spooled) => spooled.read(),
            None => self.html.clone(),
        }
    }

    /// Moves the body into `spool`, so memory keeps only where it is. It stays in memory when
    /// the spool cannot take it (a full disk costs memory, not the build).
    pub fn spool_body(&mut self, spool: &std::sync::Arc<spool::Spool>) {
        if let Some(spooled) = spool.put(self.html.as_str()) {
            self.spooled = Some(spooled);
            self.html = Html::default();
        }
    }
}

/// Where the files a Markdown link may point at end up.
#[derive(Debug, Clone)]
pub struct LinkTargets {
    /// The site's base URL.
    pub base_url: BaseUrl,
    /// Each linkable file (relative to the site root, e.g. `content/2025/03/a.md`) → its path
    /// in the output (`2025/03/a/` for an article, `2025/03/map.png` for a file).
    pub targets: HashMap<PathBuf, String>,
    /// Articles that exist but failed to load: a link to one is reported as such, not as a
    /// missing file.
    pub failed: HashSet<PathBuf>,
    /// The size and variants of each measured image file (same keys as `targets`).
    pub images: HashMap<PathBuf, ImageInfo>,
}

impl LinkTargets {
    /// Link targets of a site whose files are not known yet: only links that need none
    /// resolve ([`render_alone`]).
    fn unknown(base_url: &BaseUrl) -> LinkTargets {
        LinkTargets {
            base_url: base_url.clone(),
            targets: HashMap::new(),
            failed: HashSet::new(),
            images: HashMap::new(),
        }
    }
}

/// Renders one article's body. Errors are the article's broken links, all of them.
pub fn render(
    article: &Article,
    links: &LinkTargets,
    config: &MarkdownConfig,
) -> Result<Rendered, Vec<Error>> {
    let arena = Arena::new();
    render_parsed(article, links, Parsed::new(&arena, article, config))
}

/// [`render`] before the site's link targets are known, for an article whose links and lead
/// image need none (URLs, site paths such as `/tags/x/`, fragments): the same result, or `None`
/// when one points at a file beside the article (render it once the targets are known).
/// A single build renders most articles this way, as it reads them, so it reads each file once.
pub fn render_alone(
    article: &Article,
    base_url: &BaseUrl,
    config: &MarkdownConfig,
) -> Option<Result<Rendered, Vec<Error>>> {
    if article.image.as_deref().is_some_and(needs_targets) {
        return None;
    }
    let arena = Arena::new();
    let parsed = Parsed::new(&arena, article, config);
    let needs = parsed
        .root
        .descendants()
        .any(|node| match &node.data().value {
            NodeValue::Link(link) | NodeValue::Image(link) => needs_targets(&link.url),
            _ => false,
        });
    match needs {
        true => None,
        false => Some(render_parsed(
            article,
            &LinkTargets::unknown(base_url),
            parsed,
        )),
    }
}

/// An article's body parsed, its links not resolved yet.
struct Parsed<'a, 'b> {
    arena: &'a Arena<'a>,
    root: &'a AstNode<'a>,
    /// The body without its `<!-- more -->` marker.
    body: std::borrow::Cow<'b, str>,
    /// Where the marker stood, if there was one.
    more_at: Option<usize>,
    options: Options<'static>,
}

impl<'a, 'b> Parsed<'a, 'b> {
    fn new(arena: &'a Arena<'a>, article: &'b Article, config: &MarkdownConfig) -> Self {
        let options = options(config);
        let (body, more_at) = remove_more_marker(&article.body);
        let root = comrak::parse_document(arena, &body, &options);
        Parsed {
            arena,
            root,
            body,
            more_at,
            options,
        }
    }
}

/// Resolves the links of a parsed body and writes it as HTML.
fn render_parsed(
    article: &Article,
    links: &LinkTargets,
    parsed: Parsed,
) -> Result<Rendered, Vec<Error>> {
    let Parsed {
        arena,
        root,
        body,
        more_at,
        options,
    } = parsed;
    let mut errors = Vec::new();
    let mut linked = Vec::new();
    let mut pictures = Vec::new();
    let mut words = 0;
    let mut more_errors = 0;
    let mut has_footnotes = false;
    for node in root.descendants() {
        let mut data = node.data.borrow_mut();
        let line = article.body_line + data.sourcepos.start.line.saturating_sub(1);
        let column = data.sourcepos.start.column;
        let is_image = matches!(data.value, NodeValue::Image(_));
        match &mut data.value {
            NodeValue::Link(link) | NodeValue::Image(link) => {
                // `//host/x` borrows the scheme of the page, which a saved page or a feed
                // reader does not have: make it what the web means by it today.
                if link.url.starts_with("//") && !link.url.starts_with("///") {
                    link.url.insert_str(0, "https:");
                }
                match resolve(&link.url, &article.path, links) {
                    Resolved::Unchanged => {
                        if is_image {
                            pictures.push((node, None));
                        }
                    }
                    Resolved::To { url, file } => {
                        link.url = url;
                        if is_image {
                            let info = file.as_ref().and_then(|f| links.images.get(f));
                            pictures.push((node, info.cloned()));
                        }
                        linked.extend(file);
                    }
                    Resolved::Missing { file, why } => {
                        linked.push(file);
                        // Past the cap, errors are only counted: each one shows its line.
                        if errors.len() < MAX_ERRORS_PER_FILE {
                            errors.push(link_error(article, line, column, &link.url, &why));
                        } else {
                            more_errors += 1;
                        }
                    }
                }
            }
            NodeValue::FootnoteDefinition(_) => has_footnotes = true,
            NodeValue::Text(text) => words += count_words(text),
            NodeValue::Code(code) => words += count_words(&code.literal),
            _ => {}
        }
    }

    let mut image_file: Option<PathBuf> = None;
    let image = match &article.image {
        Some(image) => match resolve(image, &article.path, links) {
            Resolved::Unchanged if is_absolute_url(image) => Some(image.clone()),
            Resolved::Unchanged => None,
            Resolved::To { url, file } => {
                image_file.clone_from(&file);
                linked.extend(file);
                Some(url)
            }
            Resolved::Missing { file, why } => {
                linked.push(file);
                let message = format!("image `{image}` does not resolve: {why}");
                let position = Position {
                    line: article.image_line,
                    column: 1,
                };
                errors.push(Diagnostic::at(&article.display_path, "", position, 1, message).into());
                None
            }
        },
        None => None,
    };
    if more_errors > 0 {
        errors.push(Error::More {
            path: article.display_path.clone(),
            count: more_errors,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let image_info = image_file
        .as_ref()
        .and_then(|file| links.images.get(file))
        .cloned();
    media::rewrite_images(arena, pictures);
    media::rewrite_embeds(arena, root);

    // HTML runs about a tenth longer than its Markdown: a quarter more, and the buffer rarely
    // has to grow.
    let labels = crate::i18n::markup_labels(&article.lang);
    let mut html = format(root, &options, body.len() + body.len() / 4, labels);
    let page_url = links.base_url.join(&article.url_path);
    if has_footnotes {
        label_footnotes(&mut html, labels.notes);
    }
    let (summary_html, summary_text) = match (&article.summary, more_at) {
        (Some(summary), _) => (
            format!("<p>{}</p>\n", escape_html(summary)),
            summary.clone(),
        ),
        (None, Some(at)) => summary_before(&body[..at], arena, &options, &page_url, labels),
        (None, None) => first_paragraph(root, &options, &page_url, labels),
    };
    let (summary_html, summary_text) = bounded_summary(summary_html, summary_text);
    linked.sort();
    linked.dedup();
    Ok(Rendered {
        html: Html::from(html),
        summary_html: Html::from(summary_html),
        summary_text,
        word_count: words,
        reading_time: words.div_ceil(WORDS_PER_MINUTE).max(1),
        image,
        image_file,
        image_bytes: None,
        image_info,
        links: linked,
        spooled: None,
    })
}

/// comrak's options: GFM, heading ids, smart punctuation, raw HTML escaped unless allowed.
fn options(config: &MarkdownConfig) -> Options<'static> {
    let mut options = Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.tasklist = true;
    // `contains-task-list` on the list, so a theme can drop the bullets before checkboxes.
    options.render.tasklist_classes = true;
    options.extension.footnotes = true;
    options.extension.header_id_prefix = Some(String::new());
    options.parse.smart = true;
    options.render.r#unsafe = config.unsafe_html;
    // Without `unsafe`, comrak would drop raw HTML; escaping shows the writer what happened.
    options.render.escape = !config.unsafe_html;
    options
}

/// `node` as HTML, in a buffer of `capacity` bytes to start with.
fn format<'a>(
    node: &'a AstNode<'a>,
    options: &Options,
    capacity: usize,
    labels: &'static MarkupLabels,
) -> String {
    let mut html = String::with_capacity(capacity);
    let plugins = comrak::options::Plugins::default();
    // Writing into a String cannot fail.
    let _ = comrak::html::format_document_with_formatter(
        node,
        options,
        &mut html,
        &plugins,
        format_node,
        labels,
    );
    html
}

/// The longest summary kept as written, in bytes of plain text.
const MAX_SUMMARY_BYTES: usize = 4096;

/// A summary past [`MAX_SUMMARY_BYTES`] becomes its plain text cut at a word, with `…`: every
/// list page and feed entry repeats the summary, and an article written as one long paragraph
/// would otherwise be repeated whole on every tag page and in every feed.
fn bounded_summary(html: String, text: String) -> (String, String) {
    if text.len() <= MAX_SUMMARY_BYTES {
        return (html, text);
    }
    let mut end = MAX_SUMMARY_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = text[..end]
        .rfind(' ')
        .filter(|&space| space > end / 2)
        .unwrap_or(end);
    let text = format!("{}…", text[..cut].trim_end());
    (format!("<p>{}</p>\n", escape_html(&text)), text)
}

/// comrak's HTML, except where it falls short of today's HTML: a table cell's alignment goes in
/// a `style` (comrak writes the obsolete `align`, which the Nu checker flags and a theme's
/// `text-align` overrides), and a task-list checkbox gets an accessible name (axe-core `label`).
fn format_node<'a>(
    context: &mut Context<&'static MarkupLabels>,
    node: &'a AstNode<'a>,
    entering: bool,
) -> Result<ChildRendering, std::fmt::Error> {
    use std::fmt::Write;
    match special(node) {
        Some(Special::Cell { header, align }) if entering => {
            context.cr()?;
            context.write_str(if header { "<th" } else { "<td" })?;
            if let Some(align) = align {
                write!(context, " style=\"text-align: {align}\"")?;
            }
            context.write_str(">")?;
            Ok(ChildRendering::HTML)
        }
        Some(Special::Cell { header, .. }) => {
            context.write_str(if header { "</th>" } else { "</td>" })?;
            Ok(ChildRendering::HTML)
        }
        Some(Special::Task { done, in_list }) => {
            if entering {
                context.cr()?;
                if in_list {
                    context.write_str("<li class=\"task-list-item\">")?;
                }
                let labels = context.user;
                if done {
                    write!(
                        context,
                        "<input type=\"checkbox\" class=\"task-list-item-checkbox\" checked=\"\" \
                         disabled=\"\" aria-label=\"{}\"> ",
                        labels.done
                    )?;
                } else {
                    write!(
                        context,
                        "<input type=\"checkbox\" class=\"task-list-item-checkbox\" \
                         disabled=\"\" aria-label=\"{}\"> ",
                        labels.to_do
                    )?;
                }
            } else if in_list {
                context.write_str("</li>")?;
                context.lf()?;
            }
            Ok(ChildRendering::HTML)
        }
        None => comrak::html::format_node_default(context, node, entering),
    }
}

/// The nodes [`format_node`] writes itself, with what it needs to know about them.
enum Special {
    Cell {
        header: bool,
        align: Option<&'static str>,
    },
    Task {
        done: bool,
        in_list: bool,
    },
}

/// What [`format_node`] needs to know about `node`, if it writes that kind itself.
fn special<'a>(node: &'a AstNode<'a>) -> Option<Special> {
    let parent = node.parent()?;
    match &node.data().value {
        NodeValue::TableCell => {
            let header = matches!(parent.data().value, NodeValue::TableRow(true));
            let table = parent.parent()?;
            let index =
                std::iter::successors(node.previous_sibling(), |n| n.previous_sibling()).count();
            let align = match &table.data().value {
                NodeValue::Table(table) => match table.alignments.get(index) {
                    Some(TableAlignment::Left) => Some("left"),
                    Some(TableAlignment::Right) => Some("right"),
                    Some(TableAlignment::Center) => Some("center"),
                    _ => None,
                },
                _ => None,
            };
            Some(Special::Cell { header, align })
        }
        NodeValue::TaskItem(item) => Some(Special::Task {
            done: item.symbol.is_some(),
            in_list: matches!(parent.data().value, NodeValue::List(_)),
        }),
        _ => None,
    }
}

/// Gives the footnotes `<section>` comrak writes a heading, so readers (and the Nu checker) see
/// where the notes begin. comrak writes the section last, once, so the last match is it.
fn label_footnotes(html: &mut String, heading: &str) {
    const SECTION: &str = "<section class=\"footnotes\" data-footnotes>";
    if let Some(at) = html.rfind(SECTION) {
        let heading = format!("\n<h2 class=\"footnotes-title\">{heading}</h2>");
        html.insert_str(at + SECTION.len(), &heading);
    }
}

/// The body without the `<!-- more -->` line, and the byte offset where it stood.
fn remove_more_marker(body: &str) -> (std::borrow::Cow<'_, str>, Option<usize>) {
    match find_more_marker(body) {
        Some(at) => {
            let mut text = String::with_capacity(body.len());
            text.push_str(&body[..at]);
            // Keep the line count so error lines still match the file.
            text.push_str(&body[at + MORE_MARKER.len()..]);
            (text.into(), Some(at))
        }
        None => (body.into(), None),
    }
}

/// Where `<!-- more -->` starts. `str::find` with a string pattern runs a two-way search over
/// every byte of every article; `<` is rare in prose, and looking for one byte is fast.
fn find_more_marker(body: &str) -> Option<usize> {
    body.match_indices('<')
        .map(|(at, _)| at)
        .find(|&at| body[at..].starts_with(MORE_MARKER))
}

fn summary_before<'a>(
    text: &str,
    arena: &'a Arena<'a>,
    options: &Options,
    page_url: &str,
    labels: &'static MarkupLabels,
) -> (String, String) {
    let root = comrak::parse_document(arena, text, options);
    fit_for_lists(root, page_url);
    (format(root, options, text.len(), labels), plain_text(root))
}

/// The first paragraph (call after the body is formatted: it changes the tree).
fn first_paragraph<'a>(
    root: &'a AstNode<'a>,
    options: &Options,
    page_url: &str,
    labels: &'static MarkupLabels,
) -> (String, String) {
    root.children()
        .find(|node| matches!(node.data.borrow().value, NodeValue::Paragraph))
        .map(|paragraph| {
            fit_for_lists(paragraph, page_url);
            (format(paragraph, options, 0, labels), plain_text(paragraph))
        })
        .unwrap_or_default()
}

/// Makes a summary work away from its article, on list pages and in feeds: a link to `#id` of
/// the article points at the article page, and footnote references (whose notes are not in the
/// summary) are left out.
fn fit_for_lists<'a>(summary: &'a AstNode<'a>, page_url: &str) {
    let mut footnotes = Vec::new();
    for node in summary.descendants() {
        let mut data = node.data.borrow_mut();
        match &mut data.value {
            NodeValue::Link(link) | NodeValue::Image(link) if link.url.starts_with('#') => {
                link.url = format!("{page_url}{}", link.url);
            }
            NodeValue::FootnoteReference(_) => footnotes.push(node),
            _ => {}
        }
    }
    for node in footnotes {
        node.detach();
    }
}

/// The text of a subtree, with soft breaks as spaces.
fn plain_text<'a>(node: &'a AstNode<'a>) -> String {
    let mut text = String::new();
    for descendant in node.descendants() {
        match &descendant.data.borrow().value {
            NodeValue::Text(t) => text.push_str(t),
            NodeValue::Code(code) => text.push_str(&code.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => text.push(' '),
            NodeValue::Paragraph if !text.is_empty() => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What became of one link.
#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    /// An external URL, a fragment or an e-mail: left as written.
    Unchanged,
    /// A site link, now absolute; `file` is the content file it points at, if any.
    To { url: String, file: Option<PathBuf> },
    /// A content file that does not exist.
    Missing { file: PathBuf, why: String },
}

fn is_absolute_url(url: &str) -> bool {
    url.starts_with("//") || crate::url::starts_with_scheme(url)
}

/// Whether resolving `url` looks up the site's link targets: a path relative to the article's
/// folder does; a URL, a fragment or a path from the site root (`/tags/x/`) does not.
fn needs_targets(url: &str) -> bool {
    !(url.is_empty() || url.starts_with('#') || url.starts_with('/') || is_absolute_url(url))
}

/// Resolves a link written in `article` (a path relative to the site root).
fn resolve(url: &str, article: &Path, links: &LinkTargets) -> Resolved {
    if url.is_empty() || url.starts_with('#') || is_absolute_url(url) {
        return Resolved::Unchanged;
    }
    let (path_part, suffix) = match url.find(['#', '?']) {
        Some(at) => url.split_at(at),
        None => (url, ""),
    };
    if let Some(site_path) = path_part.strip_prefix('/') {
        // `/tags/russia/` means the site root, which may be a sub-path such as `/digest/`.
        return Resolved::To {
            url: format!("{}{suffix}", links.base_url.join_url_path(site_path)),
            file: None,
        };
    }
    // A link with a broken escape is looked up as written (and reported if missing).
    let decoded = crate::url::percent_decode(path_part).unwrap_or_else(|| path_part.to_string());
    let folder = article.parent().unwrap_or(Path::new(""));
    let Some(file) = normalize(&folder.join(&decoded)) else {
        return Resolved::Missing {
            file: folder.join(&decoded),
            why: "it points outside the site".into(),
        };
    };
    match links.targets.get(&file) {
        Some(output) => Resolved::To {
            url: format!("{}{suffix}", links.base_url.join(output)),
            file: Some(file),
        },
        None => {
            let why = if links.failed.contains(&file) {
                format!("`{}` has errors of its own", file.display())
            } else if file.starts_with("content") {
                format!("there is no published file `{}`", file.display())
            } else {
                format!("`{}` is not under content/", file.display())
            };
            Resolved::Missing { file, why }
        }
    }
}

fn link_error(article: &Article, line: usize, column: usize, url: &str, why: &str) -> Error {
    let file_line = article
        .body
        .lines()
        .nth(line - article.body_line)
        .unwrap_or("");
    let column = column.min(file_line.len() + 1);
    let column_chars = file_line
        .get(..column - 1)
        .map_or(column, |s| s.chars().count() + 1);
    // Up to the `)` that closes the link, looked for no further than a diagnostic shows.
    let width = file_line.get(column - 1..).map_or(1, |rest| {
        let near: String = rest.chars().take(200).collect();
        near.find(')')
            .map_or(near.chars().count(), |end| near[..=end].chars().count())
    });
    Diagnostic::on_line(
        &article.display_path,
        Some(file_line),
        Position {
            line,
            column: column_chars,
        },
        width,
        format!("link `{url}` does not resolve: {why}"),
    )
    .into()
}

/// Removes `.` and `..` from a relative path; `None` if it climbs above its start.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut parts: Vec<Component> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::Normal(_) => parts.push(component),
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.iter().collect())
}

/// Words in `text`: runs between ASCII white space (a byte scan: this runs over every body).
fn count_words(text: &str) -> usize {
    // Branch-free: a word starts where a non-space follows a space. On prose the branching
    // version mispredicted at every word edge; this one ran in less than half the time.
    let mut words = 0;
    let mut after_space = 1;
    for &byte in text.as_bytes() {
        let space = ASCII_SPACE[usize::from(byte)];
        words += usize::from(after_space & !space & 1);
        after_space = space;
    }
    words
}

/// 1 for the bytes `u8::is_ascii_whitespace` accepts (space, tab, LF, FF, CR), else 0.
static ASCII_SPACE: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_whitespace() as u8;
        byte += 1;
    }
    table
};

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod props;

#[cfg(test)]
mod tests;
