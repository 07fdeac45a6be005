//! What the tests that run the `xtask` binary as a publisher would (`data_tools.rs`,
//! `import_tools.rs`) share; the source-scanning tidy tests have `common/`.

use std::path::PathBuf;
use std::process::{Command, Output};

/// Runs `cargo xtask ARGS…` (the binary this test build made) and returns what it printed.
pub fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .unwrap()
}

/// A file of the repository, by its path from the root.
pub fn repo_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}
