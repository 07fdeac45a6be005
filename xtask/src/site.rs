//! Building, serving and measuring the site: `cargo xtask build | serve | bench | soak`.

use crate::install::{self, WASM_TARGET};
use crate::process::{cmd, root, run, Result, Steps};

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

pub fn serve(args: &[&str]) -> Result {
    let port = match args {
        [] => "8080",
        ["--port", p] => p,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    install::build_tools(&mut Steps::default())?;
    run(cmd("cargo", &["fetch"]))?;
    println!("\nServing on http://127.0.0.1:{port}/ (Ctrl+C to stop)");
    run(cmd(
        "trunk",
        &[
            "serve",
            "--release",
            "--offline",
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
