//! `newsprint build`: the whole site, staged and swapped into the output folder.

use std::time::Instant;

use crate::cli::SiteArgs;
use crate::config::Overrides;
use crate::error::Errors;
use crate::output::limits;
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
            force: self.force,
        }
    }
}

/// Builds the site once; the report's time covers reading as well as writing.
pub fn run(args: &SiteArgs) -> Result<Report, Errors> {
    let started = Instant::now();
    let pipeline = Pipeline::open_once(args.build_options())?;
    let search = pipeline.config().search.pagefind;
    let deploy = pipeline.config().deploy;
    let (root, output) = (
        pipeline.root().to_path_buf(),
        pipeline.output().path.clone(),
    );
    let mut report = pipeline.build_once()?;
    if search {
        report.warnings.extend(crate::search::index(&root, &output));
    }
    if let Some(size) = report.size {
        // Pagefind writes its index after the build, beside the pages.
        let index = search
            .then(|| limits::size_of_folder(&output.join("pagefind")))
            .and_then(Result::ok)
            .unwrap_or_default();
        report.size = Some(size + index);
        report
            .warnings
            .extend(limits::warnings(size + index, &deploy));
    }
    report.elapsed = started.elapsed();
    Ok(report)
}
