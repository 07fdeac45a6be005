//! The publisher tools, run as a publisher would run them.

use std::path::PathBuf;
use std::process::Output;

mod tools;
use tools::{repo_file, xtask};

/// A refusal exits with status 1, the documented value (`data check`: "exits 1 if the app
/// would drop anything"; 2 is a usage error, and a crash or a signal is neither).
fn assert_exit_1(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit status {}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("ocop-xtask-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn bundled_dataset_passes_data_check() {
    let out = xtask(&[
        "data",
        "check",
        repo_file("public/data/ocop-quang-ninh.json").to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("products"), "{stdout}");
    assert!(!stdout.contains("error:"), "{stdout}");
}

#[test]
fn broken_copy_fails_naming_the_json_path() {
    let text = std::fs::read_to_string(repo_file("public/data/ocop-quang-ninh.json")).unwrap();
    let mut dataset: serde_json::Value = serde_json::from_str(&text).unwrap();
    dataset["products"][3]["rating"]["stars"] = serde_json::json!(9);
    dataset["spots"][0]["products"] = serde_json::json!(["no-such-product"]);
    let path = temp_file("broken.json", &dataset.to_string());
    let out = xtask(&["data", "check", path.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_exit_1(&out);
    assert!(stdout.contains("$.products[3].rating.stars"), "{stdout}");
    assert!(
        stdout.contains("no product has id \"no-such-product\""),
        "{stdout}"
    );
}

#[test]
fn truncated_or_unknown_version_is_refused() {
    let text = std::fs::read_to_string(repo_file("public/data/ocop-quang-ninh.json")).unwrap();
    // Cut at a character boundary: the data is Vietnamese, most letters take several bytes.
    let cut = (0..=text.len() / 3)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap();
    let path = temp_file("truncated.json", &text[..cut]);
    let out = xtask(&["data", "check", path.to_str().unwrap()]);
    assert_exit_1(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("REFUSED"));

    let path = temp_file(
        "v2.json",
        // Whatever 1.x minor version the bundled file is at.
        &text.replacen("\"schema_version\": \"1.", "\"schema_version\": \"2.", 1),
    );
    let out = xtask(&["data", "check", path.to_str().unwrap()]);
    assert_exit_1(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("REFUSED") && stderr.contains("$.schema_version"),
        "{stderr}"
    );
}

#[test]
fn synthetic_dataset_is_valid_and_marked() {
    let path = std::env::temp_dir().join(format!("ocop-xtask-{}-synth.json", std::process::id()));
    let out = xtask(&["data", "synth", "--count", "300", "--out", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = xtask(&["data", "check", path.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("300 products") && stdout.contains("SYNTHETIC"),
        "{stdout}"
    );
}
