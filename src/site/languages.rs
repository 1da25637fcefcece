//! The site's articles by language, and which articles translate one story.
//!
//! Input: the sorted entries and the config. Output: [`Languages`]: each configured
//! language's articles (newest first) and tags, each article's language and its
//! translations. A single-language site has one list holding every article.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Entry, Tag, index_tags};
use crate::config::Config;
use crate::error::{Diagnostic, Error};

/// The articles of one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LanguageList {
    /// Indexes into `Site::entries`, newest first.
    pub entries: Vec<usize>,
    /// The language's tags, by slug (empty for the default language, whose tags are
    /// `Site::tags`, where they always were).
    pub tags: Vec<Tag>,
}

/// Every article by language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Languages {
    /// One list per configured language, the default first (`Config::language_codes`).
    pub lists: Vec<LanguageList>,
    /// Each entry's language (an index into `lists`).
    pub of_entry: Vec<usize>,
    /// Each entry's place in its language's list.
    pub position: Vec<usize>,
    /// Each entry's story: the entries of every language that translate it, itself
    /// included, in language order; empty when the story has one language only.
    pub translations: Vec<Vec<usize>>,
}

impl Languages {
    /// Sorts `entries` (already newest first) by language and links translations; two
    /// articles of one language with one translation key are an error naming both.
    pub fn index(entries: &[Arc<Entry>], config: &Config) -> Result<Languages, Vec<Error>> {
        let count = config.languages.len() + 1;
        let mut lists = vec![LanguageList::default(); count];
        let mut of_entry = Vec::with_capacity(entries.len());
        let mut position = Vec::with_capacity(entries.len());
        let mut stories: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut errors = Vec::new();
        for (index, entry) in entries.iter().enumerate() {
            let article = &entry.article;
            let language = config.language_index(&article.lang).unwrap_or(0);
            position.push(lists[language].entries.len());
            lists[language].entries.push(index);
            of_entry.push(language);
            let story = stories.entry(&article.translation_key).or_default();
            if let Some(&other) = story.iter().find(|&&o| of_entry[o] == language) {
                let first = &entries[other].article;
                errors.push(
                    Diagnostic::file(
                        &article.display_path,
                        format!(
                            "two `{}` articles translate one story: `{}` and `{}`",
                            article.lang,
                            first.display_path.display(),
                            article.display_path.display()
                        ),
                    )
                    .with_help("give one of them another file name or `translation_key:`")
                    .into(),
                );
                continue;
            }
            story.push(index);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut translations = vec![Vec::new(); entries.len()];
        for mut story in stories.into_values().filter(|story| story.len() > 1) {
            story.sort_by_key(|&index| of_entry[index]);
            for &index in &story {
                translations[index] = story.clone();
            }
        }
        let mut languages = Languages {
            lists,
            of_entry,
            position,
            translations,
        };
        languages.index_tags(entries);
        Ok(languages)
    }

    /// Indexes the tags of each language but the default (whose are [`super::Site::tags`]),
    /// again after an edit of tags that left every article's language alone.
    pub fn index_tags(&mut self, entries: &[Arc<Entry>]) {
        let of_entry = &self.of_entry;
        for (language, list) in self.lists.iter_mut().enumerate().skip(1) {
            list.tags = index_tags(entries, |index| of_entry[index] == language);
        }
    }

    /// The entries of `index`'s language just before and after it (newer, older).
    pub fn neighbours(&self, index: usize) -> (Option<usize>, Option<usize>) {
        let list = &self.lists[self.of_entry[index]].entries;
        let at = self.position[index];
        (
            at.checked_sub(1).map(|i| list[i]),
            list.get(at + 1).copied(),
        )
    }
}

impl super::Site {
    /// The tag with this slug among the tags of language `language` (0 is the default).
    pub fn tag_in(&self, language: usize, slug: &str) -> Option<&Tag> {
        let tags = match language {
            0 => &self.tags,
            _ => &self.languages.lists.get(language)?.tags,
        };
        tags.binary_search_by(|tag| tag.slug.as_str().cmp(slug))
            .ok()
            .map(|index| &tags[index])
    }

    /// The language of entry `index` (0 is the default).
    pub fn language_of(&self, index: usize) -> usize {
        self.languages.of_entry.get(index).copied().unwrap_or(0)
    }
}
