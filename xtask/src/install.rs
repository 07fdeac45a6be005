//! Installing what is missing: each tool only when it is absent or at the wrong version, so
//! a warm machine checks in a second and a fresh one installs exactly once.
//!
//! Nothing here downloads a prebuilt binary (these machines reach only crates.io, npm, PyPI
//! and Debian): cargo tools are compiled, the browser is Debian's.

use crate::process::{cmd, succeeds, version_of, Result, Steps};
use std::path::Path;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CARGO_FUZZ_VERSION: &str = "0.13.2";
const DEBIAN_BROWSER_PACKAGES: &[&str] = &["chromium", "chromium-driver", "fonts-noto-core"];
/// Noto Sans, the face Android phones draw the app in (`system-ui` there is Roboto/Noto). A
/// fresh Debian has only DejaVu Sans, which is wider: the one-line "What is OCOP?" wrapped
/// and the first product card fell below the fold at 360×640, so the layout tests measured
/// a phone no tourist has (found on a fresh machine, issue 21's merge).
const NOTO_SANS: &str = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";

/// The wasm target, wasm-bindgen-cli and the npm packages (binaryen's wasm-opt, esbuild,
/// Playwright, the static server): what building the app needs.
pub fn build_tools(steps: &mut Steps) -> Result {
    let installed = cmd("rustup", &["target", "list", "--installed"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains(WASM_TARGET))
        .unwrap_or(false);
    if !installed {
        steps.run(cmd("rustup", &["target", "add", WASM_TARGET]))?;
    }
    // Without default features, that is without a TLS stack (rustls, ring, webpki): nothing
    // here downloads over HTTPS; the test runner of wasm-bindgen-cli talks plain HTTP to the
    // local chromedriver. Fewer crates to compile on a fresh machine (docs/testing.md).
    let wb = locked_wasm_bindgen_version()?;
    if version_of("wasm-bindgen").as_deref() != Some(&format!("wasm-bindgen {wb}")) {
        cargo_install(steps, "wasm-bindgen-cli", &wb, &["--no-default-features"])?;
    }
    node(steps)?;
    node_packages(steps)
}

/// cargo-fuzz, for `cargo xtask fuzz`.
pub fn cargo_fuzz(steps: &mut Steps) -> Result {
    if succeeds("cargo", &["fuzz", "--version"]) {
        return Ok(());
    }
    cargo_install(steps, "cargo-fuzz", CARGO_FUZZ_VERSION, &[])
}

/// Debian's Chromium and its driver: Playwright and wasm-bindgen-test drive them (no browser
/// download works on these machines).
pub fn browser(steps: &mut Steps) -> Result {
    let missing = !Path::new("/usr/bin/chromium").exists()
        || !Path::new("/usr/bin/chromedriver").exists()
        || !Path::new(NOTO_SANS).exists();
    if missing {
        apt_install(steps, DEBIAN_BROWSER_PACKAGES)?;
    }
    Ok(())
}

/// The wasm-bindgen version locked in Cargo.lock: the CLI must match it byte for byte.
fn locked_wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(crate::process::root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
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

/// `cargo install KRATE --version VERSION`, compiled for a short build rather than a fast
/// tool: these tools spend their time waiting on cargo, wasm-opt and the browser, so their
/// own release profiles (trunk's: fat LTO, one codegen unit) only cost install time. On the
/// 2-core CI machine this cut trunk's install from ~8.5 to 5.6 minutes (docs/testing.md).
fn cargo_install(steps: &mut Steps, krate: &str, version: &str, extra: &[&str]) -> Result {
    let install = |locked: bool| {
        let mut args = vec!["install", krate, "--version", version];
        if locked {
            args.push("--locked");
        }
        args.extend(extra);
        let mut c = cmd("cargo", &args);
        c.env("CARGO_PROFILE_RELEASE_LTO", "off")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1")
            .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
            .env("CARGO_PROFILE_RELEASE_INCREMENTAL", "false");
        c
    };
    steps.run(install(true)).or_else(|e| {
        // A crate's own lockfile can name a version the registry mirror lacks: retry unlocked.
        println!("{e}; retrying without --locked");
        steps.run(install(false))
    })
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn apt_install(steps: &mut Steps, packages: &[&str]) -> Result {
    if !is_root() {
        return Err(format!(
            "missing system packages; install them with: sudo apt-get install {}",
            packages.join(" ")
        ));
    }
    steps.run(cmd("apt-get", &["update", "-q"]))?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend(packages);
    let mut c = cmd("apt-get", &args);
    c.env("DEBIAN_FRONTEND", "noninteractive");
    steps.run(c)
}

fn node(steps: &mut Steps) -> Result {
    if version_of("node").is_none() || version_of("npm").is_none() {
        apt_install(steps, &["nodejs", "npm"])?;
    }
    Ok(())
}

fn node_packages(steps: &mut Steps) -> Result {
    let root = crate::process::root();
    let modified = |p: &Path| p.metadata().and_then(|m| m.modified());
    let fresh = match (
        modified(&root.join("node_modules/.package-lock.json")),
        modified(&root.join("package-lock.json")),
    ) {
        (Ok(installed), Ok(locked)) => installed >= locked,
        _ => false,
    };
    if !fresh {
        steps.run(cmd("npm", &["ci", "--no-audit", "--no-fund"]))?;
    }
    Ok(())
}
