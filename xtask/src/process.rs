//! Running other programs: the one place xtask starts a command, prints it and times it.
//!
//! Every step prints what it runs, so a failing CI log reads like a shell transcript.
//! [`Steps`] also keeps how long each command took, and what inside it was slowest (the
//! crates of a cargo build, the fuzz targets, the end-to-end spec files), for the test
//! command's closing summary (`cargo xtask test`, docs/testing.md), which `timings` writes.

use crate::timings::{self, Step};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (xtask/ lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ has a parent")
        .to_path_buf()
}

/// Cargo's install directory (`$CARGO_HOME/bin`, else `~/.cargo/bin`).
pub fn cargo_bin_dir() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin"))
}

/// PATH with the project's npm binaries (wasm-opt from `binaryen`, playwright) and cargo's
/// install directory first, so the build finds the exact tool versions we installed.
fn tool_path() -> String {
    let mut dirs = vec![root().join("node_modules/.bin")];
    dirs.extend(cargo_bin_dir());
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs)
        .expect("PATH entries hold no separator")
        .to_string_lossy()
        .into_owned()
}

/// `program args…` at the workspace root, with the tool PATH.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root()).env("PATH", tool_path());
    c
}

/// The command as a shell would show it.
pub fn shown(c: &Command) -> String {
    let args: Vec<_> = c.get_args().map(|a| a.to_string_lossy()).collect();
    format!("{} {}", c.get_program().to_string_lossy(), args.join(" "))
}

/// Prints and runs `c`; `Err` says which command failed and how.
pub fn run(mut c: Command) -> Result {
    let shown = shown(&c);
    println!("\n$ {shown}");
    let status = c
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs `c` with its output in `log`; whether it succeeded.
pub fn run_logged(mut c: Command, log: &Path) -> Result<bool> {
    let shown = shown(&c);
    println!("\n$ {shown}  > {}", log.display());
    let file = File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
    let copy = file.try_clone().map_err(|e| e.to_string())?;
    let status = c
        .stdout(Stdio::from(file))
        .stderr(Stdio::from(copy))
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    Ok(status.success())
}

/// Runs `program args…` where and as this process was started (a compiler wrapper must keep
/// cargo's directory and environment), passing its exit code back.
pub fn pass_through(
    program: &std::ffi::OsStr,
    args: impl IntoIterator<Item = std::ffi::OsString>,
) -> std::process::ExitCode {
    match Command::new(program).args(args).status() {
        Ok(s) => std::process::ExitCode::from(s.code().unwrap_or(1).clamp(0, 255) as u8),
        Err(e) => {
            eprintln!("xtask: could not run {}: {e}", program.to_string_lossy());
            std::process::ExitCode::FAILURE
        }
    }
}

/// Whether `program args…` runs and exits 0 (its output is discarded).
pub fn succeeds(program: &str, args: &[&str]) -> bool {
    cmd(program, args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The first line of `program --version`, if the program runs.
pub fn version_of(program: &str) -> Option<String> {
    let out = cmd(program, &["--version"]).output().ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_string()
    })
}

/// The steps one layer ran, in order.
#[derive(Debug, Default)]
pub struct Steps {
    pub done: Vec<Step>,
}

impl Steps {
    /// [`run`], timed.
    pub fn run(&mut self, c: Command) -> Result {
        self.run_with_parts(c, Vec::new)
    }

    /// [`run`], timed, with the parts `parts` reads from the command's own report once it
    /// succeeded.
    pub fn run_with_parts(&mut self, c: Command, parts: impl FnOnce() -> Vec<(String, Duration)>) -> Result {
        let what = short(&shown(&c));
        let started = Instant::now();
        let outcome = run(c);
        let took = started.elapsed();
        let parts = if outcome.is_ok() { parts() } else { Vec::new() };
        self.done.push(Step { what, took, parts });
        outcome
    }

    /// A cargo command with `--timings`: its slowest crates become its parts (read from the
    /// HTML report cargo writes to `target/cargo-timings/cargo-timing.html`).
    pub fn cargo(&mut self, c: Command) -> Result {
        let c = with_cargo_timings(c);
        let report = root().join("target/cargo-timings/cargo-timing.html");
        // Only a report this run wrote counts (a no-op build still writes one).
        let _ = std::fs::remove_file(&report);
        self.run_with_parts(c, || {
            std::fs::read_to_string(&report)
                .map(|html| timings::slowest_units(&html, 3))
                .unwrap_or_default()
        })
    }

    /// A step timed elsewhere (a fuzz target's run).
    pub fn record(&mut self, what: impl Into<String>, took: Duration) {
        self.done.push(Step {
            what: what.into(),
            took,
            parts: Vec::new(),
        });
    }
}

/// `c` with `--timings` among cargo's own arguments: before a `--`, whose followers belong to
/// the tool cargo runs (clippy-driver refuses an unknown `--timings`).
fn with_cargo_timings(c: Command) -> Command {
    let mut args: Vec<std::ffi::OsString> = c.get_args().map(|a| a.to_os_string()).collect();
    let at = args.iter().position(|a| a == "--").unwrap_or(args.len());
    args.insert(at, "--timings".into());
    let mut timed = Command::new(c.get_program());
    timed.args(args);
    if let Some(dir) = c.get_current_dir() {
        timed.current_dir(dir);
    }
    for (key, value) in c.get_envs() {
        match value {
            Some(value) => timed.env(key, value),
            None => timed.env_remove(key),
        };
    }
    timed
}

/// A command line cut to fit a summary row.
fn short(line: &str) -> String {
    const MAX: usize = 90;
    if line.chars().count() <= MAX {
        line.to_string()
    } else {
        let cut: String = line.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_timings_go_before_the_tools_own_arguments() {
        let mut c = cmd("cargo", &["clippy", "-p", "app", "--", "-D", "warnings"]);
        c.env("CHROMEDRIVER", "/usr/bin/chromedriver");
        let timed = with_cargo_timings(c);
        assert_eq!(shown(&timed), "cargo clippy -p app --timings -- -D warnings");
        assert!(timed
            .get_envs()
            .any(|(k, v)| k == "CHROMEDRIVER" && v.is_some_and(|v| v == "/usr/bin/chromedriver")));
        assert_eq!(timed.get_current_dir(), Some(root().as_path()));
        let plain = with_cargo_timings(cmd("cargo", &["test", "-p", "app"]));
        assert_eq!(shown(&plain), "cargo test -p app --timings");
    }
}
