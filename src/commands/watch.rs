//! `newsprint watch`: builds once, then keeps the output in step with the sources until Ctrl-C.
//!
//! Input: the parsed flags. Output: the watch loop of [`crate::watch`] running; returns when
//! the user stops it, or with an error when the output folder is unsafe or nothing can be
//! watched.

use crate::cli::WatchArgs;
use crate::error::{Error, Result};
use crate::output::OutputDir;
use crate::watch::{self, WatchOptions};

/// Runs the watcher until Ctrl-C.
pub fn run(args: &WatchArgs) -> Result<()> {
    let build = args.site.build_options();
    if !build.root.is_dir() {
        return Err(Error::Usage(format!(
            "the site folder `{}` does not exist",
            build.root.display()
        )));
    }
    // Refuse an unsafe output folder now, rather than on every change.
    OutputDir::new(&build.root, &build.output)?.claim(build.force)?;
    let options = WatchOptions {
        build,
        poll: args.poll,
    };
    watch::run(&options, &mut |_| {})
}
