//! `newsprint check`: builds the site in memory and reports every problem, writing nothing.
//!
//! Front matter, Markdown links, duplicate URLs and templates are checked by the build itself;
//! check adds a pass over every rendered page for links (from templates or raw HTML) that
//! point into the site at something it does not have.

use crate::cli::SiteArgs;
use crate::error::Errors;
use crate::pipeline::{Pipeline, Report};

/// Checks the site once.
pub fn run(args: &SiteArgs) -> Result<Report, Errors> {
    let pipeline = Pipeline::open(args.build_options())?;
    pipeline.check()
}
