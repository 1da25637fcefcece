//! The `search:` section of `config.yaml`: whether `newsprint build` indexes the site for
//! search with Pagefind.
//!
//! Input: the YAML of the section (unknown keys are errors). Output: [`SearchConfig`].

use serde::Deserialize;

/// `search:` in config.yaml.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchConfig {
    /// Run `pagefind --site <output>` after `newsprint build`, when Pagefind is installed. Off
    /// by default: indexing takes far longer than the build (the Pages workflow runs it instead).
    #[serde(default)]
    pub pagefind: bool,
}
