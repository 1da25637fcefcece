//! Editions: the articles of one day (or ISO week, or hand-set `edition:` key) as one issue.
//!
//! Input: the site's articles (newest first), the config and the intros. Output: every
//! [`Edition`], oldest first, numbered 1, 2, … in date order, each with its articles grouped into
//! sections (`editions.sections`, in that order, then the rest). Grouping is a pass over indexes,
//! cheap enough to redo on every `watch` change.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use super::Entry;
use crate::config::{Config, Period};
use crate::content::Intro;
use crate::date::Date;
use crate::i18n::dates;
use crate::markdown::Rendered;
use crate::url::slugify;

/// An intro with its Markdown rendered.
#[derive(Debug)]
pub struct IntroEntry {
    /// The intro as read.
    pub intro: Arc<Intro>,
    /// Its body as HTML (links resolved like an article's).
    pub rendered: Rendered,
}

/// Intros by edition id.
pub type Intros = BTreeMap<String, Arc<IntroEntry>>;

/// One group of an edition's articles.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Section {
    /// The tag name from `editions.sections`; `None` for the articles no section took.
    pub name: Option<String>,
    /// Indexes into `Site::entries`, newest first.
    pub entries: Vec<usize>,
}

/// One edition.
#[derive(Debug, Clone)]
pub struct Edition {
    /// The URL segment and file name: `2025-03-16`, `2025-W11` or the `edition:` key.
    pub id: String,
    /// 1, 2, … in date order.
    pub number: usize,
    /// The first article's date, in the site's time zone.
    pub date: Date,
    /// The date as shown: `Sunday 16 March 2025`, `Week 11, 2025`.
    pub label: String,
    /// The intro's title, else `editions.title` filled in.
    pub title: String,
    /// Indexes into `Site::entries`, newest first.
    pub entries: Vec<usize>,
    /// The articles grouped for display; together they hold every entry once.
    pub sections: Vec<Section>,
    /// The intro, when `content/editions/<id>.md` exists (`<id>.<code>.md` in another
    /// language than the default).
    pub intro: Option<Arc<IntroEntry>>,
    /// Its language (an index into `Config::language_codes`; 0 is the default).
    pub language: usize,
    /// Its language's output folder: `""`, or `uk/`.
    pub language_folder: String,
}

impl Edition {
    /// The edition's folder in the output: `editions/2025-03-16/`, `uk/editions/2025-03-16/`.
    pub fn folder(&self) -> String {
        format!("{}{}", self.language_folder, edition_folder(&self.id))
    }

    /// Changes whenever anything an edition page or entry shows of the edition itself changes
    /// (its articles are fingerprinted separately).
    pub fn fingerprint(&self) -> u64 {
        let mut hasher = crate::content::fingerprint_hasher();
        (
            &self.id,
            self.number,
            &self.label,
            &self.title,
            &self.sections,
            self.language,
        )
            .hash(&mut hasher);
        self.intro
            .as_ref()
            .map(|intro| (intro.intro.version, &intro.rendered))
            .hash(&mut hasher);
        hasher.finish()
    }
}

/// The folder of edition `id`: `editions/2025-03-16/`.
pub fn edition_folder(id: &str) -> String {
    format!("{EDITIONS_FOLDER}{id}/")
}

/// The folder of the edition pages and feeds.
pub const EDITIONS_FOLDER: &str = "editions/";

/// Groups the articles of language `language` (an index into `Config::language_codes`) among
/// `entries` (newest first) into editions, oldest edition first: each language numbers its own.
pub fn index_editions(
    entries: &[Arc<Entry>],
    config: &Config,
    intros: &Intros,
    language: usize,
) -> Vec<Edition> {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    let in_language =
        |entry: &Entry| config.language_index(&entry.article.lang).unwrap_or(0) == language;
    let codes = config.language_codes();
    let code = codes.get(language).copied().unwrap_or(&config.language);
    let site_title = config.for_language(language).title;
    let language_folder = config.language_folder(language);
    for (index, entry) in entries.iter().enumerate().filter(|(_, e)| in_language(e)) {
        groups
            .entry(edition_id(entry, config))
            .or_default()
            .push(index);
    }
    // The oldest article dates an edition; ties (two hand-set editions on one day) by id.
    let mut editions: Vec<(String, Vec<usize>)> = groups.into_iter().collect();
    let oldest = |indexes: &[usize]| {
        indexes
            .last()
            .map_or(0, |&i| entries[i].article.date.unix_seconds())
    };
    editions.sort_by(|a, b| oldest(&a.1).cmp(&oldest(&b.1)).then_with(|| a.0.cmp(&b.0)));
    editions
        .into_iter()
        .enumerate()
        .map(|(position, (id, indexes))| {
            let first = &entries[*indexes.last().unwrap_or(&0)].article;
            let date = first.date.in_zone(&config.timezone);
            let label = match (config.editions.period, &first.edition) {
                (Period::Week, None) => dates::week_label(&date, code),
                _ => dates::day_label(&date, code),
            };
            let number = position + 1;
            // Another language's intro is `<id>.<code>.md`, as its articles are named.
            let intro = match language {
                0 => intros.get(&id).cloned(),
                _ => intros.get(&format!("{id}.{code}")).cloned(),
            };
            let title = match intro.as_ref().and_then(|i| i.intro.title.clone()) {
                Some(title) => title,
                None => fill_title(&config.editions.title, &site_title, &label, number),
            };
            Edition {
                sections: sections(&indexes, entries, &config.editions.sections),
                id,
                number,
                date,
                label,
                title,
                entries: indexes,
                intro,
                language,
                language_folder: language_folder.clone(),
            }
        })
        .collect()
}

/// The edition an article belongs to: its `edition:` key, else its day or ISO week.
pub fn edition_id(entry: &Entry, config: &Config) -> String {
    let article = &entry.article;
    if let Some(edition) = &article.edition {
        return edition.clone();
    }
    let local = article.date.in_zone(&config.timezone);
    match config.editions.period {
        Period::Day => local.iso_date(),
        Period::Week => local.iso_week(),
    }
}

/// `editions.title` with `{site}`, `{date}` and `{number}` filled in.
fn fill_title(template: &str, site: &str, date: &str, number: usize) -> String {
    template
        .replace("{site}", site)
        .replace("{date}", date)
        .replace("{number}", &number.to_string())
}

/// The articles under each configured tag (matched by slug, so `sanctions` finds `Sanctions`),
/// each article in the first section that takes it; then the rest.
fn sections(indexes: &[usize], entries: &[Arc<Entry>], order: &[String]) -> Vec<Section> {
    let mut placed = vec![false; indexes.len()];
    let mut sections = Vec::new();
    for name in order {
        let slug = slugify(name);
        let mut members = Vec::new();
        for (at, &index) in indexes.iter().enumerate() {
            if !placed[at] && entries[index].article.tag_slugs.contains(&slug) {
                placed[at] = true;
                members.push(index);
            }
        }
        if !members.is_empty() {
            sections.push(Section {
                name: Some(name.clone()),
                entries: members,
            });
        }
    }
    let rest: Vec<usize> = indexes
        .iter()
        .zip(&placed)
        .filter(|(_, placed)| !**placed)
        .map(|(&index, _)| index)
        .collect();
    if !rest.is_empty() {
        sections.push(Section {
            name: None,
            entries: rest,
        });
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;
    use crate::content::parse_article;
    use std::path::Path;

    fn config(extra: &str) -> Config {
        let text =
            format!("title: Digest\nbase_url: https://e.org/\ntimezone: Europe/Kyiv\n{extra}");
        Config::parse(Path::new("config.yaml"), &text, &Overrides::default()).unwrap()
    }

    fn entries(config: &Config, specs: &[(&str, &str, &str)]) -> Vec<Arc<Entry>> {
        let mut entries: Vec<Arc<Entry>> = specs
            .iter()
            .enumerate()
            .map(|(i, (date, tags, more))| {
                let path = format!("content/{i}.md");
                let text =
                    format!("---\ntitle: A{i}\ndate: {date}\ntags: [{tags}]\n{more}---\nBody\n");
                let article =
                    parse_article(Path::new(&path), Path::new(&path), text, 0, config).unwrap();
                Arc::new(Entry::new(article, Rendered::default()))
            })
            .collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.article.date.unix_seconds()));
        entries
    }

    #[test]
    fn days_in_the_site_time_zone_numbered_oldest_first() {
        let config = config("editions:\n  sections: [Ukraine, sanctions]\n");
        let entries = entries(
            &config,
            &[
                // 23:30 UTC on the 15th is the 16th in Kyiv.
                ("2025-03-15T23:30:00Z", "Russia", ""),
                ("2025-03-16T10:00:00+02:00", "Sanctions, Ukraine", ""),
                ("2025-03-16T12:00:00+02:00", "sanctions", ""),
                ("2025-03-14", "Ukraine", ""),
            ],
        );
        let editions = index_editions(&entries, &config, &Intros::new(), 0);
        let ids: Vec<_> = editions.iter().map(|e| (e.id.as_str(), e.number)).collect();
        assert_eq!(ids, [("2025-03-14", 1), ("2025-03-16", 2)]);
        let day = &editions[1];
        assert_eq!(day.title, "Digest — Sunday 16 March 2025");
        assert_eq!(day.entries.len(), 3);
        let names: Vec<_> = day.sections.iter().map(|s| s.name.as_deref()).collect();
        assert_eq!(names, [Some("Ukraine"), Some("sanctions"), None]);
        // Each article once, in the first section that takes it.
        let placed: usize = day.sections.iter().map(|s| s.entries.len()).sum();
        assert_eq!(placed, 3);
    }

    #[test]
    fn weeks_and_hand_set_editions() {
        let config = config("editions:\n  period: week\n  title: \"No. {number}: {date}\"\n");
        let entries = entries(
            &config,
            &[
                ("2025-03-10", "x", ""),
                ("2025-03-16", "x", ""),
                ("2025-03-17", "x", ""),
                ("2025-03-12", "x", "edition: 7\n"),
            ],
        );
        let editions = index_editions(&entries, &config, &Intros::new(), 0);
        let ids: Vec<_> = editions.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["2025-W11", "7", "2025-W12"]);
        assert_eq!(editions[0].title, "No. 1: Week 11, 2025");
        assert_eq!(editions[1].title, "No. 2: Wednesday 12 March 2025");
    }

    #[test]
    fn later_editions_keep_earlier_numbers() {
        let config = config("");
        let before = entries(&config, &[("2025-03-14", "x", ""), ("2025-03-15", "x", "")]);
        let after = entries(
            &config,
            &[
                ("2025-03-14", "x", ""),
                ("2025-03-15", "x", ""),
                ("2025-03-16", "x", ""),
            ],
        );
        let numbers = |entries: &[Arc<Entry>]| -> Vec<(String, usize)> {
            index_editions(entries, &config, &Intros::new(), 0)
                .into_iter()
                .map(|e| (e.id, e.number))
                .collect()
        };
        assert_eq!(numbers(&after)[..2], numbers(&before)[..]);
    }
}
