//! `cargo xtask fuzz`: every cargo-fuzz target in `fuzz/`, each for a fixed time.
//!
//! The targets feed `ocop-core`'s parsers of untrusted input (a publisher's dataset file,
//! a share code, a URL query) with inputs libFuzzer grows by following code coverage, and
//! check on each one the invariants in `fuzz/src/lib.rs` (the stable property tests in
//! `crates/ocop-core/tests/properties.rs` check the same ones on every `cargo test`). A
//! fixed time, not a run count, keeps the CI budget predictable; zero crashes in that time
//! is the gate.
//!
//! How each step is chosen:
//! * cargo-fuzz is installed when `cargo fuzz` is missing (with `--locked`, then without).
//! * It needs nightly compiler flags (`-Zsanitizer=address`, coverage instrumentation): the
//!   nightly toolchain when rustup has one, otherwise the pinned stable toolchain with
//!   `RUSTC_BOOTSTRAP=1`, which unlocks the same flags on a stable compiler.
//! * One build, then one run per target. The build uses cargo-fuzz's default profile:
//!   optimised, but *with* debug assertions and overflow checks (`-O` would turn those off,
//!   and an overflow is exactly the kind of bug to find here), plus AddressSanitizer.
//!   It goes to the root `target/fuzz` (`--target-dir`), so one `target/` holds every build.
//! * Each run reads two corpus directories. libFuzzer writes the inputs it discovers into
//!   the first, a scratch one under `target/fuzz-corpus/<target>`, which persists between
//!   runs on one machine so later runs start from what earlier ones found; the committed
//!   seeds in `fuzz/corpus/<target>` (second) stay as they are.
//! * libFuzzer's output goes to `target/fuzz-logs/<target>.log`; this prints one summary
//!   line per target, or the log's end and the crash input's path when a target fails.
//!   Reproduce a crash with `cd fuzz && cargo +nightly fuzz run --target-dir ../target/fuzz
//!   <target> <crash file>`.

use crate::process::{cmd, root, run_logged, Result, Steps};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// A fuzz target in `fuzz/fuzz_targets/`, with its libFuzzer options.
struct Target {
    name: &'static str,
    /// Tokens of the input format (in `fuzz/`), so mutations can build structure.
    dict: Option<&'static str>,
    /// Longest input to try; by default libFuzzer keeps to its longest seed.
    max_len: Option<usize>,
}

const TARGETS: &[Target] = &[
    // The seeds (a trimmed copy of the bundled dataset, ~20 KB) bound the length.
    Target {
        name: "dataset",
        dict: Some("dict/dataset.dict"),
        max_len: None,
    },
    // Past the longest code the decoder reads, to reach its "too long" refusal.
    Target {
        name: "share_decode",
        dict: None,
        max_len: Some(ocop_core::share::MAX_CODE_LEN + 100),
    },
    // Room for a search text at its 200-character cap and a trip of 100 stops.
    Target {
        name: "url_query",
        dict: Some("dict/url_query.dict"),
        max_len: Some(8192),
    },
];

/// A single input slower than this is reported as a hang, like a crash.
const INPUT_TIMEOUT_SECONDS: u32 = 20;
const RSS_LIMIT_MB: u32 = 2048;

/// Builds every fuzz target, then runs each for `seconds`; `Err` names the first target
/// that crashed, hung or ran out of memory, and where libFuzzer wrote the input.
pub fn run_all(seconds: u64, steps: &mut Steps) -> Result {
    if seconds == 0 {
        return Err("fuzz: give at least 1 second per target (0 would mean forever)".into());
    }
    let root = root();
    let fuzz_dir = root.join("fuzz");
    let target_dir = root.join("target/fuzz");
    crate::install::cargo_fuzz(steps)?;
    let toolchain = Toolchain::pick();

    let target_dir_arg = target_dir.to_string_lossy().into_owned();
    steps.run(toolchain.cargo(&fuzz_dir, &["fuzz", "build", "--target-dir", &target_dir_arg]))?;

    let mut summaries = Vec::new();
    for target in TARGETS {
        let scratch = root.join("target/fuzz-corpus").join(target.name);
        let logs = root.join("target/fuzz-logs");
        for dir in [&scratch, &logs] {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let scratch = scratch.to_string_lossy().into_owned();
        let seeds = format!("corpus/{}", target.name);
        let mut args: Vec<String> = ["fuzz", "run", target.name, "--target-dir", &target_dir_arg]
            .into_iter()
            .map(String::from)
            .collect();
        args.extend([scratch, seeds, "--".into()]);
        args.push(format!("-max_total_time={seconds}"));
        args.push(format!("-rss_limit_mb={RSS_LIMIT_MB}"));
        args.push(format!("-timeout={INPUT_TIMEOUT_SECONDS}"));
        if let Some(dict) = target.dict {
            args.push(format!("-dict={dict}"));
        }
        if let Some(max_len) = target.max_len {
            args.push(format!("-max_len={max_len}"));
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();

        let log_path = logs.join(format!("{}.log", target.name));
        let started = Instant::now();
        let outcome = run_logged(toolchain.cargo(&fuzz_dir, &args), &log_path)?;
        steps.record(format!("fuzz target {}", target.name), started.elapsed());
        let log = std::fs::read_to_string(&log_path).unwrap_or_default();
        let summary = format!(
            "{}: {:.0} s, {}",
            target.name,
            started.elapsed().as_secs_f64(),
            last_stats(&log)
        );
        if !outcome {
            let tail: Vec<&str> = log.lines().rev().take(60).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            println!("{}", tail.join("\n"));
            let artifact = log
                .lines()
                .rev()
                .find_map(|l| l.split_once("Test unit written to ").map(|(_, path)| path.trim()))
                .map(|path| fuzz_dir.join(path).display().to_string())
                .unwrap_or_else(|| "none written (see the log)".into());
            return Err(format!(
                "fuzz target `{}` failed: crash input {artifact}; full log {}. Reproduce: cd fuzz && \
                 cargo {}fuzz run --target-dir ../target/fuzz {} <crash input>",
                target.name,
                log_path.display(),
                toolchain.plus_arg().map(|t| format!("{t} ")).unwrap_or_default(),
                target.name,
            ));
        }
        println!("{summary}");
        summaries.push(summary);
    }
    println!("\nfuzz: {} targets, 0 crashes", summaries.len());
    for summary in &summaries {
        println!("  {summary}");
    }
    Ok(())
}

/// Which compiler builds the targets.
enum Toolchain {
    Nightly,
    /// The toolchain `rust-toolchain.toml` pins, with nightly features unlocked.
    PinnedWithBootstrap,
}

impl Toolchain {
    fn pick() -> Toolchain {
        let nightly = cmd("rustup", &["toolchain", "list"])
            .output()
            .map(|out| {
                String::from_utf8_lossy(&out.stdout)
                    .lines()
                    .any(|line| line.starts_with("nightly"))
            })
            .unwrap_or(false);
        if nightly {
            Toolchain::Nightly
        } else {
            println!(
                "fuzz: no nightly toolchain; building with the pinned stable one and RUSTC_BOOTSTRAP=1 \
                 (cargo-fuzz needs -Z flags)"
            );
            Toolchain::PinnedWithBootstrap
        }
    }

    fn plus_arg(&self) -> Option<&'static str> {
        match self {
            Toolchain::Nightly => Some("+nightly"),
            Toolchain::PinnedWithBootstrap => None,
        }
    }

    /// `cargo [+nightly] <args>` in `dir`.
    fn cargo(&self, dir: &Path, args: &[&str]) -> Command {
        let mut all: Vec<&str> = self.plus_arg().into_iter().collect();
        all.extend(args);
        let mut c = cmd("cargo", &all);
        c.current_dir(dir);
        if let Toolchain::PinnedWithBootstrap = self {
            c.env("RUSTC_BOOTSTRAP", "1");
        }
        c
    }
}

/// libFuzzer's last status line, e.g. `#123456 DONE cov: 6428 ft: 20367 corp: 438/3481Kb
/// exec/s: 604 rss: 439Mb`, shortened to runs, coverage and corpus.
fn last_stats(log: &str) -> String {
    let Some(line) = log
        .lines()
        .rev()
        .find(|l| l.starts_with('#') && l.contains(" cov: "))
    else {
        return "no libFuzzer status line".into();
    };
    let field = |name: &str| {
        let mut words = line.split_whitespace();
        words
            .find(|w| *w == name)
            .and_then(|_| words.next())
            .unwrap_or("?")
    };
    let runs = line
        .split_whitespace()
        .next()
        .unwrap_or("#?")
        .trim_start_matches('#');
    format!(
        "{runs} runs ({} exec/s), coverage {} edges / {} features, corpus {}",
        field("exec/s:"),
        field("cov:"),
        field("ft:"),
        field("corp:"),
    )
}

#[cfg(test)]
mod tests {
    use super::last_stats;

    #[test]
    fn reads_libfuzzers_last_status_line() {
        let log = "INFO: Seed: 1\n#3\tINITED cov: 4605 ft: 7127 corp: 2/23Kb exec/s: 0 rss: 53Mb\n\
                   #12698\tDONE   cov: 6428 ft: 20367 corp: 438/3481Kb lim: 21354 exec/s: 604 rss: 439Mb\n\
                   Done 12698 runs in 21 second(s)\n";
        assert_eq!(
            last_stats(log),
            "12698 runs (604 exec/s), coverage 6428 edges / 20367 features, corpus 438/3481Kb"
        );
        assert_eq!(last_stats(""), "no libFuzzer status line");
    }
}
