//! Embeds the default theme (`themes/default/`) into the binary, so `newsprint` works on a site
//! that has no theme folder of its own. Generates `$OUT_DIR/default_theme.rs`: a list of
//! (path relative to the theme folder, bytes) pairs.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let theme = Path::new("themes/default");
    println!("cargo:rerun-if-changed=themes/default");
    let mut files = Vec::new();
    collect(theme, theme, &mut files);
    files.sort();
    let mut code = String::from(
        "/// The default theme's files: (path in the theme, contents).\npub const FILES: &[(&str, &[u8])] = &[\n",
    );
    for (relative, absolute) in &files {
        println!("cargo:rerun-if-changed={}", absolute.display());
        code.push_str(&format!(
            "    ({relative:?}, include_bytes!({:?})),\n",
            absolute.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("default_theme.rs"), code).expect("OUT_DIR is writable");
}

fn collect(base: &Path, folder: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(base, &path, files);
        } else if !entry.file_name().to_string_lossy().starts_with('.') {
            let relative = path.strip_prefix(base).expect("walked from base");
            let relative = relative.to_string_lossy().replace('\\', "/");
            let absolute = fs::canonicalize(&path).expect("file exists");
            files.push((relative, absolute));
        }
    }
}
