//! Authors as a taxonomy: every name in a byline gets a page, whether or not `authors.yaml`
//! describes it.
//!
//! Input: the site's articles (newest first) and the profiles from `authors.yaml`. Output: every
//! [`Author`], sorted by slug, with the indexes of their articles, newest first. Names that
//! slugify alike (`Ann Lee`, `ann lee`) are one author, as tags are.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use super::Entry;
use crate::config::{Profile, Profiles, authors::profile_slug};

/// The folder of the author pages.
pub const AUTHORS_FOLDER: &str = "authors/";

/// An author and the articles they wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    /// The language's folder: `""` for the default language, `uk/` for another.
    pub base: String,
    /// The name as `authors.yaml` spells it, else as most articles do.
    pub name: String,
    /// The folder name under `authors/`.
    pub slug: String,
    /// The profile from `authors.yaml`, if it has one.
    pub profile: Option<Profile>,
    /// Indexes into `Site::entries`, newest first.
    pub entries: Vec<usize>,
}

impl Author {
    /// The author's folder in the output: `authors/ann-lee/`.
    pub fn folder(&self) -> String {
        format!("{}{}", self.base, author_folder(&self.slug))
    }

    /// Changes whenever what the author's pages show of the author (not the articles) changes.
    pub fn fingerprint(&self) -> u64 {
        let mut hasher = crate::content::fingerprint_hasher();
        (&self.name, &self.slug, &self.profile).hash(&mut hasher);
        hasher.finish()
    }
}

/// The folder of the author `slug`: `authors/ann-lee/`.
pub fn author_folder(slug: &str) -> String {
    format!("{AUTHORS_FOLDER}{slug}/")
}

/// The slug of the author page of `name`.
pub fn author_slug(name: &str, profiles: &Profiles) -> String {
    match profiles.get(name) {
        Some(profile) => profile_slug(name, profile),
        None => crate::url::slugify(name),
    }
}

/// Groups the articles' authors by slug.
pub fn index_authors(entries: &[Arc<Entry>], profiles: &Profiles) -> Vec<Author> {
    index_authors_in(entries, profiles, "", |_| true)
}

/// [`index_authors`] of the entries that `keep` keeps (one language's), their pages under
/// `base` (the language's folder: `uk/`).
pub fn index_authors_in(
    entries: &[Arc<Entry>],
    profiles: &Profiles,
    base: &str,
    keep: impl Fn(usize) -> bool,
) -> Vec<Author> {
    let mut by_slug: HashMap<String, (Vec<usize>, HashMap<&str, usize>)> = HashMap::new();
    for (index, entry) in entries.iter().enumerate().filter(|(i, _)| keep(*i)) {
        for name in &entry.article.authors {
            let slug = author_slug(name, profiles);
            if slug.is_empty() {
                continue;
            }
            let (members, spellings) = by_slug.entry(slug).or_default();
            if members.last() != Some(&index) {
                members.push(index);
            }
            *spellings.entry(name.as_str()).or_default() += 1;
        }
    }
    let mut authors: Vec<Author> = by_slug
        .into_iter()
        .map(|(slug, (entries, spellings))| {
            // A profile's spelling wins; else the commonest, ties broken alphabetically.
            let profiled = spellings
                .keys()
                .filter(|name| profiles.contains_key(**name))
                .min()
                .copied();
            let name = profiled
                .or_else(|| {
                    spellings
                        .iter()
                        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                        .map(|(name, _)| *name)
                })
                .unwrap_or(slug.as_str())
                .to_string();
            Author {
                base: base.to_string(),
                profile: profiles.get(&name).cloned(),
                name,
                slug,
                entries,
            }
        })
        .collect();
    authors.sort_by(|a, b| a.slug.cmp(&b.slug));
    authors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, Overrides};
    use crate::content::parse_article;
    use crate::markdown::Rendered;
    use std::path::Path;

    fn entry(i: usize, authors: &str) -> Arc<Entry> {
        let config = Config::parse(
            Path::new("c.yaml"),
            "title: T\nbase_url: https://e.org/\n",
            &Overrides::default(),
        )
        .unwrap();
        let path = format!("content/{i}.md");
        let text = format!("---\ntitle: A\ndate: 2025-03-0{i}\nauthors: [{authors}]\n---\nB\n");
        let article = parse_article(Path::new(&path), Path::new(&path), text, 0, &config).unwrap();
        Arc::new(Entry::new(article, Rendered::default()))
    }

    #[test]
    fn authors_group_by_slug_and_profiles_name_them() {
        let entries = vec![entry(3, "Ann Lee, Bo"), entry(2, "ann lee"), entry(1, "Cy")];
        let mut profiles = Profiles::new();
        profiles.insert(
            "Cy".into(),
            Profile {
                slug: Some("cy-desk".into()),
                ..Profile::default()
            },
        );
        let authors = index_authors(&entries, &profiles);
        let summary: Vec<(&str, &str, &[usize])> = authors
            .iter()
            .map(|a| (a.name.as_str(), a.slug.as_str(), a.entries.as_slice()))
            .collect();
        assert_eq!(
            summary,
            [
                ("Ann Lee", "ann-lee", &[0, 1][..]),
                ("Bo", "bo", &[0][..]),
                ("Cy", "cy-desk", &[2][..]),
            ]
        );
        assert!(authors[2].profile.is_some() && authors[0].profile.is_none());
    }
}
