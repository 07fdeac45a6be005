//! Installing what is missing, and running the build and test layers.
//!
//! Every step prints what it runs, so a failing CI log reads like a shell transcript.
//! Tools are only installed when missing or at the wrong version: on a fresh machine trunk
//! and wasm-bindgen-cli take ~25 minutes to compile, on a warm one this is instant.

use std::path::{Path, PathBuf};
use std::process::Command;

const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const DEBIAN_BROWSER_PACKAGES: &[&str] = &["chromium", "chromium-driver"];

type Result<T = ()> = std::result::Result<T, String>;

pub fn root() -> PathBuf {
    // xtask/ lives one level below the workspace root.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// PATH with the project's npm binaries (wasm-opt from `binaryen`, playwright) and cargo's
/// install directory first, so trunk finds the exact tool versions we installed.
fn tool_path() -> String {
    let mut dirs = vec![root().join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        dirs.push(home.join("bin"));
    }
    let rest = std::env::var_os("PATH").unwrap_or_default();
    let mut all: Vec<PathBuf> = dirs;
    all.extend(std::env::split_paths(&rest));
    std::env::join_paths(all).unwrap().to_string_lossy().into_owned()
}

fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root()).env("PATH", tool_path());
    c
}

fn run(mut c: Command) -> Result {
    let shown = format!(
        "{} {}",
        c.get_program().to_string_lossy(),
        c.get_args()
            .map(|a| a.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ")
    );
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

/// The first line of `program --version`, if the program runs.
fn version_of(program: &str) -> Option<String> {
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

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// The wasm-bindgen version locked in Cargo.lock: the CLI must match it byte for byte.
fn locked_wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.trim().strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen not found in Cargo.lock".into())
}

fn cargo_install(krate: &str, version: &str) -> Result {
    let locked = cmd("cargo", &["install", krate, "--version", version, "--locked"]);
    run(locked).or_else(|e| {
        // A crate's own lockfile can name a version the registry mirror lacks: retry unlocked.
        println!("{e}; retrying without --locked");
        run(cmd("cargo", &["install", krate, "--version", version]))
    })
}

/// The wasm target, trunk, wasm-bindgen-cli and the npm packages (binaryen's wasm-opt).
fn ensure_build_tools() -> Result {
    let installed = cmd("rustup", &["target", "list", "--installed"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains(WASM_TARGET))
        .unwrap_or(false);
    if !installed {
        run(cmd("rustup", &["target", "add", WASM_TARGET]))?;
    }
    if version_of("trunk").as_deref() != Some(&format!("trunk {TRUNK_VERSION}")) {
        cargo_install("trunk", TRUNK_VERSION)?;
    }
    let wb = locked_wasm_bindgen_version()?;
    if version_of("wasm-bindgen").as_deref() != Some(&format!("wasm-bindgen {wb}")) {
        cargo_install("wasm-bindgen-cli", &wb)?;
    }
    ensure_node()?;
    ensure_node_packages()
}

fn apt_install(packages: &[&str]) -> Result {
    if !is_root() {
        return Err(format!(
            "missing system packages; install them with: sudo apt-get install {}",
            packages.join(" ")
        ));
    }
    run(cmd("apt-get", &["update", "-q"]))?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend(packages);
    let mut c = cmd("apt-get", &args);
    c.env("DEBIAN_FRONTEND", "noninteractive");
    run(c)
}

fn ensure_node() -> Result {
    if version_of("node").is_none() || version_of("npm").is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    Ok(())
}

fn ensure_node_packages() -> Result {
    let stamp = root().join("node_modules/.package-lock.json");
    let lock = root().join("package-lock.json");
    let fresh = match (
        stamp.metadata().and_then(|m| m.modified()),
        lock.metadata().and_then(|m| m.modified()),
    ) {
        (Ok(installed), Ok(locked)) => installed >= locked,
        _ => false,
    };
    if !fresh {
        run(cmd("npm", &["ci", "--no-audit", "--no-fund"]))?;
    }
    Ok(())
}

/// Debian's Chromium and its driver: Playwright and wasm-bindgen-test drive them (no browser
/// download works on these machines).
fn ensure_browser() -> Result {
    let missing = !Path::new("/usr/bin/chromium").exists() || !Path::new("/usr/bin/chromedriver").exists();
    if missing {
        apt_install(DEBIAN_BROWSER_PACKAGES)?;
    }
    Ok(())
}

fn trunk_build() -> Result {
    // `cargo fetch` first: `--offline` makes trunk and cargo use only what is downloaded.
    run(cmd("cargo", &["fetch"]))?;
    run(cmd("trunk", &["build", "--release", "--offline"]))
}

pub fn release_build() -> Result {
    ensure_build_tools()?;
    trunk_build()
}

pub fn serve(args: &[&str]) -> Result {
    let port = match args {
        [] => "8080",
        ["--port", p] => p,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    ensure_build_tools()?;
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

/// A port nothing listens on right now, for the end-to-end tests' static server.
fn free_port() -> Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// A named test layer.
type Layer = (&'static str, fn() -> Result);

/// Every layer, cheapest first: a formatting slip fails in seconds, not after a build.
const LAYERS: &[Layer] = &[
    ("format", || run(cmd("cargo", &["fmt", "--all", "--check"]))),
    // Native: the domain crate and the tools. The app is linted for its real target.
    ("clippy (native)", || {
        run(cmd(
            "cargo",
            &[
                "clippy",
                "-p",
                "ocop-core",
                "-p",
                "xtask",
                "--all-targets",
                "--all-features",
                "--",
                "-D",
                "warnings",
            ],
        ))
    }),
    ("clippy (wasm app)", || {
        run(cmd(
            "cargo",
            &[
                "clippy",
                "-p",
                "ocop-quang-ninh",
                "--all-targets",
                "--target",
                WASM_TARGET,
                "--",
                "-D",
                "warnings",
            ],
        ))
    }),
    ("native unit tests", || {
        run(cmd(
            "cargo",
            &["test", "-p", "ocop-core", "-p", "xtask", "--all-features"],
        ))
    }),
    // The published dataset must pass the publisher tool with no error.
    ("bundled dataset check", || {
        run(cmd(
            "cargo",
            &[
                "run",
                "--quiet",
                "-p",
                "xtask",
                "--",
                "data",
                "check",
                "public/data/ocop-quang-ninh.json",
            ],
        ))
    }),
    // Coverage-guided fuzzing of the parsers of untrusted input (fuzz/): a dataset file, a
    // share code, a URL query; 60 s per target, any crash or broken invariant fails.
    ("fuzz (cargo-fuzz, 60 s per target)", || crate::fuzz::run_all(60)),
    ("browser component tests (wasm-bindgen-test)", || {
        let mut c = cmd(
            "cargo",
            &["test", "-p", "ocop-quang-ninh", "--target", WASM_TARGET],
        );
        c.env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
        run(c)
    }),
    ("release build (trunk)", trunk_build),
    // Fails when the catalog's first load grows past bench/budgets.json (issue 7).
    ("size budget", || run(cmd("node", &["bench/budget.mjs", "dist"]))),
    ("end-to-end tests (Playwright)", || {
        let mut c = cmd("npx", &["playwright", "test"]);
        c.env("E2E_PORT", free_port()?.to_string());
        run(c)
    }),
];

/// Runs every layer, stopping at the first failure. Prints how long each took (CI has a
/// time budget) and a closing `layers: N passed, 0 failed` line.
pub fn test_all(args: &[&str]) -> Result {
    let started = std::time::Instant::now();
    if !args.contains(&"--skip-install") {
        ensure_build_tools()?;
        ensure_browser()?;
    }
    let mut timings = Vec::new();
    for (name, layer) in LAYERS {
        println!("\n=== {name}");
        let t = std::time::Instant::now();
        layer().map_err(|e| format!("{name}: {e}"))?;
        timings.push((name, t.elapsed()));
    }
    println!("\nTimings:");
    for (name, took) in &timings {
        println!("  {:>6.1}s  {name}", took.as_secs_f64());
    }
    println!(
        "  {:>6.1}s  total, including tool checks",
        started.elapsed().as_secs_f64()
    );
    println!("layers: {} passed, 0 failed", LAYERS.len());
    Ok(())
}

/// `cargo xtask soak [--minutes N] [--seed S]`: builds the release app and drives one kiosk
/// page at random for N minutes (default 10), failing on any console error, panic, or
/// memory growth of 10% or more after the first minute (`bench/soak.mjs`). Not in `test`.
pub fn soak(args: &[&str]) -> Result {
    release_build()?;
    ensure_browser()?;
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
    ensure_build_tools()?;
    ensure_browser()?;
    trunk_build()?;
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
