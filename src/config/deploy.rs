//! The options that bound the output's size: how much of each article the tag and author feeds
//! carry, and the host limits a build warns about (`deploy:` in `config.yaml`).
//!
//! Input: the YAML of those keys (unknown keys are errors). Output: [`FeedContent`] and
//! [`DeployConfig`].

use serde::Deserialize;

/// How much of each article a feed's entries carry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FeedContent {
    /// The summary and a link. The default for tag and author feeds: a site with 70 tags
    /// otherwise publishes every article in full up to 140 times over.
    #[default]
    Summary,
    /// The whole article (as long as `feeds.full_content` is on).
    Full,
}

/// `deploy:` in config.yaml: the limits of the host the site is published to. A build that
/// passes one warns, naming the limit and the measured figure; it never fails for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeployConfig {
    /// The most bytes the published site may take; 0 turns the warning off.
    #[serde(default = "default_max_bytes")]
    pub max_bytes: u64,
    /// The most files one deployment may hold; 0 turns the warning off.
    #[serde(default = "default_max_files")]
    pub max_files: u64,
}

impl Default for DeployConfig {
    fn default() -> Self {
        DeployConfig {
            max_bytes: default_max_bytes(),
            max_files: default_max_files(),
        }
    }
}

/// GitHub Pages: "Published GitHub Pages sites may be no larger than 1 GB."
pub const GITHUB_PAGES_MAX_BYTES: u64 = 1_000_000_000;

/// Cloudflare Pages: 20,000 files per deployment on the free plan.
pub const CLOUDFLARE_PAGES_MAX_FILES: u64 = 20_000;

fn default_max_bytes() -> u64 {
    GITHUB_PAGES_MAX_BYTES
}

fn default_max_files() -> u64 {
    CLOUDFLARE_PAGES_MAX_FILES
}

/// The default number of list pages a home, tag or author list gets before its last page points
/// at the date archive: five pages of twenty reach back a hundred articles, more than a reader
/// pages through; the archive lists the rest at a line each instead of a card.
pub(super) fn default_paginate_max_pages() -> usize {
    5
}
