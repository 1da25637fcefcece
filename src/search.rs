//! Site search: runs Pagefind over a finished build, the only place newsprint starts it.
//!
//! Input: the output folder of a successful build. Output: Pagefind's index in
//! `<output>/pagefind/`, which the theme's `search/index.html` loads, or a warning saying why
//! there is none. Pagefind is a separate program (`npm i -g pagefind`, or `npx pagefind`), not a
//! library: linked in, it would bring an async runtime and ~165 crates to every build, and it
//! takes far longer than the build itself, so it runs only when `search.pagefind` asks.

use std::path::Path;
use std::process::Command;

/// The Pagefind release the docs and the Pages workflow pin.
pub const PAGEFIND_VERSION: &str = "1.6.0";

/// Indexes `output` with the `pagefind` on the PATH, else the one in the site's
/// `node_modules/.bin/`. Returns a warning when it is missing or fails: the site itself is
/// fine, and its search page falls back to a web search form.
pub fn index(root: &Path, output: &Path) -> Option<String> {
    let local = root.join("node_modules/.bin/pagefind");
    let program = if local.is_file() {
        local
    } else {
        "pagefind".into()
    };
    let result = Command::new(&program)
        .arg("--site")
        .arg(output)
        .arg("--silent")
        .output();
    match result {
        Ok(done) if done.status.success() => None,
        Ok(done) => Some(format!(
            "search: `{} --site {}` failed ({}): {}",
            program.display(),
            output.display(),
            done.status,
            String::from_utf8_lossy(&done.stderr).trim()
        )),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Some(format!(
            "search: `search.pagefind` is on but Pagefind is not installed, so the site has no \
             search index (its search page offers a web search instead); install it with \
             `npm install -g pagefind@{PAGEFIND_VERSION}` or run `npx -y pagefind@{PAGEFIND_VERSION} --site {}`",
            output.display()
        )),
        Err(error) => Some(format!(
            "search: could not run `{}`: {error}",
            program.display()
        )),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_pages_workflow_pins_the_same_pagefind() {
        let workflow = include_str!("commands/init/pages.yml");
        let pinned = format!("pagefind@{} --site public", super::PAGEFIND_VERSION);
        assert!(workflow.contains(&pinned), "{pinned}");
    }
}
