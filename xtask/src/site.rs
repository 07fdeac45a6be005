//! Building, serving and measuring the site: `cargo xtask build | serve | bench | soak`.

use crate::install::{self, WASM_TARGET};
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

/// The release build into `dist/`: `cargo fetch` (trunk runs `--offline`, using only what
/// is downloaded), the wasm build on its own so its crates are timed, then trunk, which
/// finds the wasm up to date and runs wasm-bindgen, wasm-opt and the post-build hook.
pub fn trunk_build(steps: &mut Steps) -> Result {
    steps.run(cmd("cargo", &["fetch"]))?;
    steps.cargo(cmd(
        "cargo",
        &[
            "build",
            "--release",
            "--offline",
            "--target",
            WASM_TARGET,
            "-p",
            "ocop-quang-ninh",
            "--bin",
            "ocop-quang-ninh",
        ],
    ))?;
    steps.run(cmd("trunk", &["build", "--release", "--offline"]))
}

pub fn release_build() -> Result {
    let mut steps = Steps::default();
    install::build_tools(&mut steps)?;
    trunk_build(&mut steps)
}

/// Read by [`post_build`] (trunk passes its environment on to hooks): the origin the pages
/// are built for, and a dataset to build them from instead of the bundled one.
const SITE_URL_VAR: &str = "OCOP_SITE_URL";
const DATASET_VAR: &str = "OCOP_DATASET";

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
            // Trunk runs the hook from the project root; a relative path means the caller's.
            std::path::absolute(value)
                .map_err(|e| format!("{value}: {e}"))?
                .to_string_lossy()
                .into_owned()
        } else {
            value.to_string()
        };
        // Set before any child process starts; trunk passes it on to its hook.
        std::env::set_var(var, value);
    }
    release_build()
}

/// Runs src/bin/prerender.rs on `dir`. leptos-use, under leptos_i18n, prints a hint about
/// reading the `Accept-Language` header for every page it renders (there is no request here:
/// the language is in the path); that line is dropped so the build log shows what matters.
fn prerender(dir: &str) -> Result {
    const HINT: &str = "If you're using `use_locales` with SSR";
    let mut c = cmd(
        "cargo",
        &[
            "run",
            "--quiet",
            "--profile",
            "prerender",
            "-p",
            "ocop-quang-ninh",
            "--features",
            "ssr",
            "--bin",
            "prerender",
            "--",
            dir,
        ],
    );
    println!("\n$ cargo run --profile prerender --features ssr --bin prerender -- {dir}");
    let out = c
        .output()
        .map_err(|e| format!("could not start the pre-renderer: {e}"))?;
    for stream in [&out.stdout, &out.stderr] {
        for line in String::from_utf8_lossy(stream)
            .lines()
            .filter(|l| !l.starts_with(HINT))
        {
            println!("{line}");
        }
    }
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("the pre-renderer failed ({})", out.status))
    }
}

/// What trunk's `post_build` hook does to its staging directory `dir`, in order:
/// 1. the Content-Security-Policy into index.html (csp.rs), so every page copies it;
/// 2. a published dataset in place of the bundled one, when `OCOP_DATASET` names one;
/// 3. every page pre-rendered from that dataset (src/bin/prerender.rs), index.html kept as
///    `shell.html`, the single-page fallback;
/// 4. the link-preview pictures (og_image.rs);
/// 5. the service worker's file list (precache.rs), which leaves the pre-rendered pages and
///    pictures out: they are cached as they are visited.
pub fn post_build(dir: &str) -> Result {
    crate::csp::write(dir)?;
    let dataset = std::path::Path::new(dir).join("data/ocop-quang-ninh.json");
    if let Ok(published) = std::env::var(DATASET_VAR) {
        std::fs::copy(&published, &dataset).map_err(|e| format!("--dataset {published}: {e}"))?;
        println!("post-build: pages and data from {published}");
    }
    prerender(dir)?;
    let pictures = crate::og_image::write_all(&dataset, std::path::Path::new(dir))?;
    println!("post-build: {pictures} link-preview pictures");
    crate::precache::write(dir)
}

pub fn serve(args: &[&str]) -> Result {
    let port = match args {
        [] => "8080",
        ["--port", p] => p,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    install::build_tools(&mut Steps::default())?;
    run(cmd("cargo", &["fetch"]))?;
    println!(
        "\nServing on http://127.0.0.1:{port}/ (Ctrl+C to stop). Edits rebuild the site; \
         reload the page to see them."
    );
    // Live reload is off on purpose: trunk injects an inline script (and a WebSocket) that the
    // page's Content-Security-Policy (xtask/src/csp.rs) refuses, which logged a violation on
    // every page. Loosening the policy for development would mean testing a different policy
    // from the one we ship; a manual reload after the rebuild costs one key press.
    run(cmd(
        "trunk",
        &[
            "serve",
            "--release",
            "--offline",
            "--no-autoreload=true",
            "--address",
            "127.0.0.1",
            "--port",
            port,
        ],
    ))
}

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
    trunk_build(&mut steps)?;
    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let mut datasets = Vec::new();
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
