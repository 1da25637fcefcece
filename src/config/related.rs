//! The `related:` section of `config.yaml`: how many related articles each article lists.
//!
//! Input: the YAML of the section (unknown keys are errors). Output: [`RelatedConfig`].

use serde::Deserialize;

/// `related:` in config.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelatedConfig {
    /// At most this many related articles per article; 0 turns the feature off.
    #[serde(default = "default_limit")]
    pub limit: usize,
    /// Whether newer articles may be listed too. Off by default: lists then never change once
    /// written, so a new article does not rewrite every older page that shares its tags.
    #[serde(default)]
    pub include_newer: bool,
}

impl Default for RelatedConfig {
    fn default() -> Self {
        RelatedConfig {
            limit: default_limit(),
            include_newer: false,
        }
    }
}

fn default_limit() -> usize {
    5
}
