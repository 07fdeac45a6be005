//! No code path turns text into markup. Leptos escapes text children and attribute values,
//! but `inner_html` hands a string to the HTML parser as it is, and so do `innerHTML`,
//! `outerHTML`, `insertAdjacentHTML` and `document.write` in our plain JavaScript. Dataset
//! text is untrusted (a remote file, a shared link), so none of them may appear in code —
//! only in comments that explain why. The QR code, the one place SVG is built, is made of
//! elements too (`src/components/qr_code.rs`).
//!
//! A source scan rather than a lint: clippy cannot see into the `view!` macro's attributes.

use std::path::{Path, PathBuf};

const RUST_FORBIDDEN: &[&str] = &[
    "inner_html",
    "set_inner_html",
    "set_outer_html",
    "insert_adjacent_html",
];
const JS_FORBIDDEN: &[&str] = &["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, extension, out);
        } else if path.extension().is_some_and(|e| e == extension) {
            out.push(path);
        }
    }
}

/// `file:line: text` for each code line (not a comment) naming a forbidden API.
fn offenders(paths: &[PathBuf], forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).unwrap();
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let code = code.trim_start();
            if code.starts_with('*') || code.starts_with("/*") {
                continue;
            }
            if forbidden.iter().any(|f| code.contains(f)) {
                found.push(format!("{}:{}: {}", path.display(), number + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn no_rust_code_sets_raw_html() {
    let mut paths = Vec::new();
    for dir in ["src", "crates/ocop-core/src"] {
        files(&repo().join(dir), "rs", &mut paths);
    }
    assert!(
        paths.len() > 20,
        "the scan found the sources ({} files)",
        paths.len()
    );
    assert_eq!(offenders(&paths, RUST_FORBIDDEN), Vec::<String>::new());
}

#[test]
fn no_javascript_sets_raw_html() {
    let mut paths = Vec::new();
    files(&repo().join("public"), "js", &mut paths);
    assert!(
        paths.len() >= 3,
        "the scan found the scripts ({} files)",
        paths.len()
    );
    assert_eq!(offenders(&paths, JS_FORBIDDEN), Vec::<String>::new());
}

#[test]
fn the_scan_catches_what_it_is_for() {
    let dir = std::env::temp_dir().join(format!("ocop-raw-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.js");
    std::fs::write(&bad, "// innerHTML in a comment is fine\nel.innerHTML = name;\n").unwrap();
    let found = offenders(std::slice::from_ref(&bad), JS_FORBIDDEN);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].ends_with(":2: el.innerHTML = name;"));
    std::fs::remove_dir_all(&dir).unwrap();
}
