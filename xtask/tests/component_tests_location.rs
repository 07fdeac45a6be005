//! Every browser component test lives in `tests/web.rs`.
//!
//! The test command builds and runs exactly that test target, in release, against the same
//! artifacts as the deployed app (`xtask/src/suite.rs`, docs/testing.md): a
//! `#[wasm_bindgen_test]` or a `#[cfg(test)]` module inside `src/` would be compiled by no
//! layer and never run, so it must fail here instead of passing unseen.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `file:line: text` for every line of `paths` that declares a test.
fn tests_declared(paths: &[PathBuf]) -> Vec<String> {
    let mut found = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).unwrap();
        for (number, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if code.contains("#[cfg(test)]") || code.contains("wasm_bindgen_test") || code.contains("#[test]")
            {
                found.push(format!("{}:{}: {}", path.display(), number + 1, code));
            }
        }
    }
    found
}

#[test]
fn the_app_declares_no_tests_outside_tests_web_rs() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../src");
    let mut paths = Vec::new();
    rust_files(&src, &mut paths);
    assert!(
        paths.len() > 20,
        "the scan found the sources ({} files)",
        paths.len()
    );
    assert_eq!(
        tests_declared(&paths),
        Vec::<String>::new(),
        "move these tests to tests/web.rs (browser) or crates/ocop-core (native)"
    );
}

#[test]
fn the_scan_finds_a_test_in_the_app() {
    let dir = std::env::temp_dir().join(format!("ocop-test-location-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("page.rs");
    std::fs::write(
        &file,
        "// #[cfg(test)] in a comment is fine\n#[cfg(test)]\nmod tests {\n    #[wasm_bindgen_test]\n    fn renders() {}\n}\n",
    )
    .unwrap();
    let found = tests_declared(std::slice::from_ref(&file));
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].ends_with(":2: #[cfg(test)]"), "{found:?}");
}
