//! `newsprint build`: the whole site, staged and swapped into the output folder.

use crate::cli::SiteArgs;
use crate::config::Overrides;
use crate::error::Errors;
use crate::pipeline::{BuildOptions, Pipeline, Report};

impl SiteArgs {
    /// The build options these flags ask for.
    pub fn build_options(&self) -> BuildOptions {
        BuildOptions {
            root: self.root.clone(),
            output: self
                .output
                .clone()
                .unwrap_or_else(|| self.root.join("public")),
            overrides: Overrides {
                base_url: self.base_url.clone(),
            },
            drafts: self.drafts,
            future: self.future,
        }
    }
}

/// Builds the site once.
pub fn run(args: &SiteArgs) -> Result<Report, Errors> {
    let mut pipeline = Pipeline::open(args.build_options())?;
    let report = pipeline.build_full()?;
    Ok(report)
}
