//! `newsprint email`: one edition exported as an email, into a folder outside the published site.

use crate::cli::EmailArgs;
use crate::email::{self, Choice, Exported, Request};
use crate::error::{Error, Errors};
use crate::pipeline::{BuildOptions, Pipeline};

/// Exports the edition the flags name.
pub fn run(args: &EmailArgs) -> Result<Exported, Errors> {
    let out = args.out.clone().unwrap_or_else(|| args.root.join("email"));
    // The output is never written: the export reads the site, it does not build it.
    let mut options = BuildOptions::new(&args.root, args.root.join("public"));
    options.overrides.base_url = args.base_url.clone();
    refuse_output_folder(&options, &out)?;
    // Opened with sources kept: the text part is written from each article's Markdown.
    let pipeline = Pipeline::open(options)?;
    email::export(
        &pipeline,
        &Request {
            edition: Choice::parse(&args.edition),
            language: args.lang.clone(),
            esp: args.esp,
            out,
        },
    )
}

/// The email folder must not be the published output or inside it: the files are not part of
/// the site (they hold merge tags and the sender's address).
fn refuse_output_folder(options: &BuildOptions, out: &std::path::Path) -> Result<(), Errors> {
    let absolute =
        |path: &std::path::Path| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let (out, public) = (absolute(out), absolute(&options.output));
    let root = absolute(&options.root);
    let sources = ["content", "static", "themes"].map(|folder| root.join(folder));
    if out == root || sources.iter().any(|folder| out.starts_with(folder)) {
        return Err(Error::Usage(format!(
            "--out `{}` would put the email among the site's sources: choose another folder",
            out.display()
        ))
        .into());
    }
    if out.starts_with(&public) {
        return Err(Error::Usage(format!(
            "--out `{}` is inside the published output `{}`: choose a folder outside it",
            out.display(),
            public.display()
        ))
        .into());
    }
    Ok(())
}
