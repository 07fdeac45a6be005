//! Building, serving and measuring the site: `cargo xtask build | serve | bench | soak`.

use crate::bundle::{self, Profile, DATASET_VAR};
use crate::install;
use crate::process::{cmd, root, run, Result, Steps};

/// `c` (a cargo command building for wasm) with clippy as the compiler of the workspace's own
/// crates, warnings denied.
///
/// Why: a separate `cargo clippy --target wasm32-unknown-unknown` type-checks the whole
/// Leptos stack once more only to lint our crates — 650 s of a fresh-machine run
/// (docs/testing.md). Cargo's `RUSTC_WORKSPACE_WRAPPER` runs a program in front of rustc for
/// the workspace's members only, while dependencies keep plain rustc: here that program is
/// this xtask binary, which runs clippy-driver (what `cargo clippy` runs) with `-D warnings`
/// ([`lint_wrapper`]). The component tests' build compiles every target of the app (lib,
/// bin, their test harnesses, tests/web.rs: what `clippy --all-targets` checked), so it is
/// linted while it is really compiled. (`-Dwarnings` in RUSTFLAGS would also reach the
/// vendored Leptos crates, which are path dependencies and so not capped, and fail on their
/// upstream warnings.)
pub fn linted(mut c: std::process::Command) -> Result<std::process::Command> {
    let out = cmd("rustup", &["which", "clippy-driver"])
        .output()
        .map_err(|e| format!("rustup which clippy-driver: {e}"))?;
    let driver = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || driver.is_empty() {
        return Err("clippy-driver not found: rust-toolchain.toml's `clippy` component is missing".into());
    }
    c.env("RUSTC_WORKSPACE_WRAPPER", wrapper_copy()?)
        .env(CLIPPY_DRIVER_VAR, driver);
    Ok(c)
}

/// A copy of this binary for cargo to run as the wrapper, so that a rebuild of
/// `target/debug/xtask` (the native layer's `cargo test -p xtask` relinks it) cannot leave
/// cargo pointing at a deleted file. Written once per xtask run, by rename, so a compiler
/// already running an older copy is unaffected.
fn wrapper_copy() -> Result<std::path::PathBuf> {
    static COPY: std::sync::OnceLock<std::result::Result<std::path::PathBuf, String>> =
        std::sync::OnceLock::new();
    COPY.get_or_init(|| {
        // An earlier layer may have rebuilt target/debug/xtask under this very process
        // (`cargo test -p xtask` relinks it), leaving `current_exe` pointing at a deleted
        // file; on Linux /proc/self/exe still reads the running binary.
        let me = match std::path::Path::new("/proc/self/exe") {
            p if p.exists() => p.to_path_buf(),
            _ => std::env::current_exe().map_err(|e| format!("the xtask binary: {e}"))?,
        };
        let dir = root().join("target/xtask-lint-wrapper");
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = dir.join("xtask");
        let staging = dir.join(format!("xtask.{}", std::process::id()));
        std::fs::copy(&me, &staging)
            .and_then(|_| std::fs::rename(&staging, &path))
            .map_err(|e| format!("copying {} to {}: {e}", me.display(), path.display()))?;
        Ok(path)
    })
    .clone()
}

/// Set by [`linted`]: the clippy-driver that [`lint_wrapper`] runs.
const CLIPPY_DRIVER_VAR: &str = "OCOP_XTASK_CLIPPY_DRIVER";

/// When cargo runs this binary as `RUSTC_WORKSPACE_WRAPPER` (`xtask /path/to/rustc ARGS…`,
/// with [`CLIPPY_DRIVER_VAR`] set), runs `clippy-driver /path/to/rustc ARGS… -D warnings`
/// and gives its exit code; `None` for every other use of xtask.
pub fn lint_wrapper() -> Option<std::process::ExitCode> {
    let driver = std::env::var_os(CLIPPY_DRIVER_VAR)?;
    let mut args = std::env::args_os().skip(1);
    let rustc = args.next()?;
    if std::path::Path::new(&rustc).file_stem()? != "rustc" {
        return None;
    }
    let args = std::iter::once(rustc)
        .chain(args)
        .chain(["-D".into(), "warnings".into()]);
    Some(crate::process::pass_through(&driver, args))
}

/// The release build into `dist/` (bundle.rs), after `cargo fetch`: the build itself runs
/// `--offline`, using only what is downloaded.
pub fn release_site(steps: &mut Steps) -> Result {
    steps.run(cmd("cargo", &["fetch"]))?;
    bundle::build(steps, Profile::Release)
}

pub fn release_build() -> Result {
    let mut steps = Steps::default();
    install::build_tools(&mut steps)?;
    release_site(&mut steps)
}

/// Read by the pre-renderer (src/bin/prerender.rs): the origin the pages are built for.
const SITE_URL_VAR: &str = "OCOP_SITE_URL";

/// `cargo xtask build [--site-url URL] [--dataset FILE]`.
pub fn build_command(args: &[&str]) -> Result {
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (var, value) = match *arg {
            "--site-url" => (SITE_URL_VAR, it.next()),
            "--dataset" => (DATASET_VAR, it.next()),
            _ => return Err("usage: cargo xtask build [--site-url URL] [--dataset FILE]".into()),
        };
        let value = value.ok_or(format!("{arg} needs a value"))?;
        let value = if var == DATASET_VAR {
            // The build runs from the project root; a relative path means the caller's.
            std::path::absolute(value)
                .map_err(|e| format!("{value}: {e}"))?
                .to_string_lossy()
                .into_owned()
        } else {
            value.to_string()
        };
        // Set before any child process starts, which inherit it.
        std::env::set_var(var, value);
    }
    release_build()
}

/// `cargo xtask serve [--port N] [--dev]`: builds the site (release, as deployed; `--dev`
/// skips wasm-opt and the minifier for a faster rebuild), serves `dist/` and rebuilds when a
/// source changes. A failed rebuild is reported and the last good site keeps being served.
pub fn serve(args: &[&str]) -> Result {
    const USAGE: &str = "usage: cargo xtask serve [--port N] [--dev]";
    let mut port = "8080".to_string();
    let mut profile = Profile::Release;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match *arg {
            "--port" => port = it.next().ok_or(USAGE)?.to_string(),
            "--dev" => profile = Profile::Dev,
            _ => return Err(USAGE.into()),
        }
    }
    let mut steps = Steps::default();
    install::build_tools(&mut steps)?;
    run(cmd("cargo", &["fetch"]))?;
    bundle::build(&mut steps, profile)?;
    // sirv's `--dev` reads each file when asked (a rebuild replaces dist/); `--single` answers
    // every unknown path with the app shell, as a deployment's fallback rule does.
    let mut server = cmd(
        "sirv",
        &[
            "dist",
            "--dev",
            "--single",
            "shell.html",
            "--host",
            "127.0.0.1",
            "--port",
            &port,
        ],
    )
    .spawn()
    .map_err(|e| format!("could not start sirv (npm package sirv-cli): {e}"))?;
    println!(
        "\nServing on http://127.0.0.1:{port}/ (Ctrl+C to stop). Edits rebuild the site; \
         reload the page to see them."
    );
    // No live reload: it needs an injected script (and a WebSocket) that the page's
    // Content-Security-Policy (xtask/src/csp.rs) refuses. Loosening the policy for
    // development would mean testing a different policy from the one we ship; a manual
    // reload after the rebuild costs one key press.
    let watched = crate::watch::Sources::watch(&WATCHED)?;
    loop {
        let changed = watched.next_change()?;
        println!("\nchanged: {changed} — rebuilding");
        if let Err(e) = bundle::build(&mut Steps::default(), profile) {
            eprintln!("\nrebuild failed, still serving the last good site: {e}");
        }
        if let Ok(Some(status)) = server.try_wait() {
            return Err(format!("the static server stopped ({status})"));
        }
    }
}

/// What `serve` watches: every input of the build.
const WATCHED: [&str; 8] = [
    "src",
    "crates/ocop-core/src",
    "style",
    "public",
    "locales",
    "index.html",
    "Cargo.toml",
    "crates/ocop-core/Cargo.toml",
];

/// `cargo xtask soak [--minutes N] [--seed S]`: builds the release app and drives one kiosk
/// page at random for N minutes (default 10), failing on any console error, panic, or
/// memory growth of 10% or more after the first minute (`bench/soak.mjs`). Not in `test`.
pub fn soak(args: &[&str]) -> Result {
    release_build()?;
    install::browser(&mut Steps::default())?;
    let mut node_args = vec!["bench/soak.mjs"];
    node_args.extend(args);
    run(cmd("node", &node_args))
}

/// `cargo xtask bench [--runs N] [--update-readme]`: builds the release app, writes the
/// synthetic datasets (10k and 50k products) and runs the browser benchmark report
/// (`bench/report.mjs`): sizes, first load on the mobile profile, Lighthouse, keystrokes,
/// memory, and MiniSearch side by side. Reports only; the size gate is part of `test`.
pub fn bench(args: &[&str]) -> Result {
    let mut runs = "5".to_string();
    let mut update_readme = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match *arg {
            "--runs" => runs = it.next().ok_or("--runs needs a number")?.to_string(),
            "--update-readme" => update_readme = true,
            _ => return Err("usage: cargo xtask bench [--runs N] [--update-readme]".into()),
        }
    }
    runs.parse::<u32>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or("--runs: a whole number of at least 1")?;
    let mut steps = Steps::default();
    install::build_tools(&mut steps)?;
    install::browser(&mut steps)?;
    release_site(&mut steps)?;
    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    // The bundled dataset first (served to the app as a remote file: the same data and
    // rendering), then the synthetic ones.
    let mut datasets = vec![root()
        .join("dist/data/ocop-quang-ninh.json")
        .to_string_lossy()
        .into_owned()];
    for count in [10_000, 50_000] {
        let path = dir.join(format!("synthetic-{count}.json"));
        // Same count and seed, same file: written once.
        if !path.exists() {
            let out = path.to_string_lossy().into_owned();
            let count = count.to_string();
            run(cmd(
                "cargo",
                &[
                    "run",
                    "--quiet",
                    "--release",
                    "-p",
                    "xtask",
                    "--",
                    "data",
                    "synth",
                    "--count",
                    &count,
                    "--out",
                    &out,
                ],
            ))?;
        }
        datasets.push(path.to_string_lossy().into_owned());
    }
    let mut c = cmd("node", &["bench/report.mjs"]);
    c.env("BENCH_DATASETS", datasets.join(","))
        .env("BENCH_RUNS", &runs)
        .env("BENCH_OUT_DIR", &dir);
    if update_readme {
        c.env("BENCH_UPDATE_README", "1");
    }
    run(c)
}
