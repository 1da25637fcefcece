//! What the email templates see, and rendering them.
//!
//! Input: the site, one edition, the content mode (full or summary) and the merge tags. Output:
//! the rendered `email.html` (before CSS inlining) and `email.txt` (wrapped at 78 columns). Each
//! article's HTML has absolute URLs, embeds as links and sized images; its text comes from its
//! Markdown. The context is documented in docs/theme-context.md.

use serde::Serialize;

use super::MergeTags;
use super::images::{Sized, Sizer};
use crate::config::EmailContent;
use crate::error::Errors;
use crate::i18n::dates;
use crate::markdown::text::{WIDTH, rewrap, to_text, wrap_lines};
use crate::pipeline::Pipeline;
use crate::render::absolutize::absolutize;
use crate::render::embeds::degrade_embeds;
use crate::render::{Context, views};
use crate::site::{Edition, Entry, Site};

/// The templates an email is made from.
pub const HTML_TEMPLATE: &str = "email.html";
/// The plain-text template.
pub const TEXT_TEMPLATE: &str = "email.txt";

/// One email being made.
pub struct Made<'a> {
    pipeline: &'a Pipeline,
    site: &'a Site,
    edition: &'a Edition,
    mode: EmailContent,
    tags: &'a MergeTags,
}

#[derive(Serialize)]
struct ArticleView {
    title: String,
    url: String,
    byline: String,
    date: String,
    time: String,
    tags: Vec<String>,
    image: Option<Sized>,
    /// A lead image that cannot be shown in email (remote, SVG): linked instead.
    image_link: Option<String>,
    html: String,
    text: String,
    /// Whether `html`/`text` hold the summary only (so the template offers "read on").
    summary_only: bool,
}

#[derive(Serialize)]
struct SectionView {
    name: Option<String>,
    articles: Vec<ArticleView>,
}

#[derive(Serialize)]
struct EditionView<'a> {
    id: &'a str,
    number: usize,
    title: &'a str,
    label: &'a str,
    date: String,
    url: String,
    preheader: Option<&'a str>,
    intro_html: Option<String>,
    intro_text: Option<String>,
    count: usize,
}

#[derive(Serialize)]
struct EmailView<'a> {
    #[serde(flatten)]
    tags: &'a MergeTags,
    /// What the hidden preheader holds.
    preheader: String,
    postal_address: Option<&'a str>,
    from_name: String,
    content: &'static str,
}

impl<'a> Made<'a> {
    /// An email of `edition` in content `mode`.
    pub fn new(
        pipeline: &'a Pipeline,
        site: &'a Site,
        edition: &'a Edition,
        mode: EmailContent,
        tags: &'a MergeTags,
    ) -> Made<'a> {
        Made {
            pipeline,
            site,
            edition,
            mode,
            tags,
        }
    }

    /// `email.html` rendered (CSS not yet inlined).
    pub fn html(&self) -> std::result::Result<String, Errors> {
        let bytes = self
            .pipeline
            .theme()
            .render(HTML_TEMPLATE, &self.context())?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// `email.txt` rendered, blank runs squeezed and every line wrapped at 78 columns.
    pub fn text(&self) -> std::result::Result<String, Errors> {
        let bytes = self
            .pipeline
            .theme()
            .render(TEXT_TEMPLATE, &self.context())?;
        let text = String::from_utf8_lossy(&bytes);
        let mut squeezed = String::with_capacity(text.len());
        let mut blank = 0;
        for line in text.lines() {
            blank = if line.trim().is_empty() { blank + 1 } else { 0 };
            if blank <= 1 {
                squeezed.push_str(line);
                squeezed.push('\n');
            }
        }
        Ok(rewrap(squeezed.trim_start_matches('\n')))
    }

    fn context(&self) -> Context {
        let site = self.site;
        let sizer = Sizer {
            root: self.pipeline.root(),
            base_url: &site.config.base_url,
        };
        let sections: Vec<SectionView> = self
            .edition
            .sections
            .iter()
            .map(|section| SectionView {
                name: section.name.clone(),
                articles: section
                    .entries
                    .iter()
                    .map(|&i| self.article(&site.entries[i], &sizer))
                    .collect(),
            })
            .collect();
        let mut context = Context::new();
        // The edition's language: its title, `lang` and the theme strings.
        context.insert_value("site", views::site_value_in(site, self.edition.language));
        context.insert("edition", &self.edition_view(&sizer));
        context.insert("sections", &sections);
        context.insert("email", &self.email_view());
        context.insert("width", &WIDTH);
        context
    }

    /// The edition, with its intro made ready for email and as plain text.
    fn edition_view(&self, sizer: &Sizer<'_>) -> EditionView<'a> {
        let config = &self.site.config;
        let edition = self.edition;
        let url = config.base_url.join(&edition.folder());
        let intro = edition.intro.as_ref();
        let intro_html = intro.map(|i| {
            let html = absolutize(&i.rendered.html, &url, &config.base_url);
            sizer.rewrite(&strip_heading_anchors(&degrade_embeds(&html)))
        });
        let targets = self.pipeline.targets();
        let intro_text = intro.map(|i| to_text(&i.intro.as_article(), targets, &config.markdown));
        EditionView {
            id: &edition.id,
            number: edition.number,
            title: &edition.title,
            label: &edition.label,
            date: edition.date.iso_date(),
            url,
            preheader: intro.and_then(|i| i.intro.preheader.as_deref()),
            intro_html,
            intro_text,
            count: edition.entries.len(),
        }
    }

    /// The sender, footer and service links; the preheader is the service's preview-text tag,
    /// else the intro's preheader, else the headlines.
    fn email_view(&self) -> EmailView<'a> {
        let config = &self.site.config;
        let edition = self.edition;
        let own_preheader = match edition
            .intro
            .as_ref()
            .and_then(|i| i.intro.preheader.clone())
        {
            Some(preheader) => preheader,
            None => {
                let entries = &self.site.entries;
                let headlines: Vec<&str> = edition
                    .entries
                    .iter()
                    .map(|&i| entries[i].article.title.as_str())
                    .collect();
                headlines.join(" · ")
            }
        };
        EmailView {
            tags: self.tags,
            preheader: self.tags.preview_text.clone().unwrap_or(own_preheader),
            postal_address: config.email.postal_address.as_deref(),
            from_name: config
                .email
                .from_name
                .clone()
                .unwrap_or_else(|| config.for_language(edition.language).title),
            content: match self.mode {
                EmailContent::Full => "full",
                EmailContent::Summary => "summary",
            },
        }
    }

    fn article(&self, entry: &Entry, sizer: &Sizer<'_>) -> ArticleView {
        let config = &self.site.config;
        let article = &entry.article;
        let url = config.base_url.join(&article.url_path);
        let full = self.mode == EmailContent::Full;
        let source = if full {
            entry.rendered.body()
        } else {
            entry.rendered.summary_html.clone()
        };
        let html = absolutize(&source, &url, &config.base_url);
        let html = sizer.rewrite(&strip_heading_anchors(&degrade_embeds(&html)));
        let text = if full {
            to_text(article, self.pipeline.targets(), &config.markdown)
        } else {
            wrap_lines(&entry.rendered.summary_text, "", "").join("\n")
        };
        let lead = entry.rendered.image.as_deref();
        let image = lead.and_then(|src| {
            let alt = article.image_text.alt.as_deref().unwrap_or(&article.title);
            let mut sized = sizer.size(src, alt)?;
            // The column is 560 px: the smallest variant at least that wide is sharp enough.
            if let Some(info) = &entry.rendered.image_info {
                sized.src = info.at_least(src, super::images::MAX_WIDTH).0;
            }
            Some(sized)
        });
        let local = article.date.in_zone(&config.timezone);
        let language = config.language_codes()[self.edition.language];
        ArticleView {
            title: article.title.clone(),
            byline: views::byline_in(&article.authors, language),
            date: dates::day_label(&local, language),
            time: local.time(),
            tags: article.tags.clone(),
            image_link: lead.filter(|_| image.is_none()).map(str::to_string),
            image,
            html,
            text,
            summary_only: !full,
            url,
        }
    }
}

/// `html` without the empty self-links comrak puts in headings (`<a class="anchor">`): an email
/// has no use for them, and screen readers would announce each.
fn strip_heading_anchors(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<a ") {
        let Some(end) = rest[at..].find('>') else {
            break;
        };
        let tag = &rest[at..at + end + 1];
        let closes = rest[at + end + 1..].starts_with("</a>");
        out.push_str(&rest[..at]);
        if tag.contains("class=\"anchor\"") && closes {
            rest = &rest[at + end + 1 + "</a>".len()..];
        } else {
            out.push_str(tag);
            rest = &rest[at + end + 1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_anchors_go_and_other_links_stay() {
        let html = "<h2 id=\"a\">What<a href=\"https://e.org/x/#a\" aria-label=\"Link\" class=\"anchor\"></a></h2><p><a href=\"https://e.org/\">e</a></p>";
        assert_eq!(
            strip_heading_anchors(html),
            "<h2 id=\"a\">What</h2><p><a href=\"https://e.org/\">e</a></p>"
        );
    }
}
