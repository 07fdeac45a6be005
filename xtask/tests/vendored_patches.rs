//! The leak fixes in `vendor/` (vendor/README.md) stay in the build.
//!
//! Cargo applies a `[patch.crates-io]` entry only while its version is the one the lock file
//! resolves; otherwise it warns once and builds the crates.io release instead, and the leak
//! is back with every test green. So: the root `Cargo.toml` pins the exact versions the
//! patches apply to, `cargo metadata` must resolve both crates from `vendor/`, and every line
//! each `vendor/<crate>-<version>.diff` adds must still be in the vendored sources.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The patched crates: name and the exact version the patch applies to.
const PATCHED: &[(&str, &str)] = &[("reactive_graph", "0.2.16"), ("leptos_router", "0.8.17")];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .unwrap()
}

fn metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline"])
        .current_dir(repo())
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON")
}

#[test]
fn the_patched_crates_resolve_from_vendor() {
    let metadata = metadata();
    let packages = metadata["packages"].as_array().expect("packages");
    for (name, version) in PATCHED {
        let found: Vec<&Value> = packages.iter().filter(|p| p["name"] == *name).collect();
        let described: Vec<String> = found
            .iter()
            .map(|p| format!("{} {} from {}", p["name"], p["version"], p["source"]))
            .collect();
        assert_eq!(
            found.len(),
            1,
            "one {name} in the build, the vendored one; found {described:?}"
        );
        let package = found[0];
        assert_eq!(
            package["version"], *version,
            "{name}: the patch in vendor/ applies to {version}"
        );
        // A registry crate has a `source`; a path crate (the [patch]) has none.
        assert!(
            package["source"].is_null(),
            "{name} {version} resolves from {} instead of vendor/: the [patch.crates-io] entry \
             is no longer used (Cargo.lock moved to another version?) — re-apply \
             vendor/{name}-{version}.diff to the new release or drop the patch (vendor/README.md)",
            package["source"]
        );
        let manifest = PathBuf::from(package["manifest_path"].as_str().unwrap());
        assert_eq!(
            manifest.canonicalize().unwrap(),
            repo().join("vendor").join(name).join("Cargo.toml"),
            "{name} is built from vendor/{name}"
        );
    }
}

#[test]
fn the_root_manifest_pins_the_patched_versions() {
    let manifest = std::fs::read_to_string(repo().join("Cargo.toml")).unwrap();
    for (name, version) in PATCHED {
        let pin = format!("{name} = \"={version}\"");
        assert!(
            manifest.lines().any(|l| l.trim() == pin),
            "Cargo.toml [dependencies] has `{pin}`"
        );
        let patch = format!("{name} = {{ path = \"vendor/{name}\" }}");
        assert!(
            manifest.lines().any(|l| l.trim() == patch),
            "Cargo.toml [patch.crates-io] has `{patch}`"
        );
    }
}

/// Each diff's added lines, by the file (relative to the crate) they go in.
fn added_lines(diff: &str) -> Vec<(String, Vec<String>)> {
    let mut files: Vec<(String, Vec<String>)> = Vec::new();
    for line in diff.lines() {
        if let Some(path) = line.strip_prefix("+++ b/") {
            files.push((path.trim().to_string(), Vec::new()));
        } else if let Some(added) = line.strip_prefix('+') {
            if let Some((_, lines)) = files.last_mut() {
                lines.push(added.to_string());
            }
        }
    }
    files
}

#[test]
fn every_patch_is_kept_as_a_diff_and_is_in_the_vendored_sources() {
    for (name, version) in PATCHED {
        let diff_path = repo().join("vendor").join(format!("{name}-{version}.diff"));
        let diff =
            std::fs::read_to_string(&diff_path).unwrap_or_else(|e| panic!("{}: {e}", diff_path.display()));
        let files = added_lines(&diff);
        assert!(!files.is_empty(), "{} changes some file", diff_path.display());
        for (file, lines) in files {
            let source = std::fs::read_to_string(Path::new(&repo().join("vendor").join(name).join(&file)))
                .unwrap_or_else(|e| panic!("vendor/{name}/{file}: {e}"));
            let mut rest = source.as_str();
            for line in &lines {
                // In order: each added line after the previous one.
                let at = rest.find(line.as_str()).unwrap_or_else(|| {
                    panic!("vendor/{name}/{file} lacks a line vendor/{name}-{version}.diff adds:\n{line}")
                });
                rest = &rest[at + line.len()..];
            }
            assert!(
                lines.iter().any(|l| l.contains("OCOP Quảng Ninh patch")),
                "vendor/{name}-{version}.diff marks its change in {file} (vendor/README.md)"
            );
        }
    }
}
