//! `cargo xtask …`: every project command, each installing what it needs first.
//!
//! * `serve [--dev]`    build the app, serve it on http://127.0.0.1:8080 (bundled data),
//!   rebuild on change
//! * `test [--only ID,…]` every test layer (fmt, clippy, native, fuzz, browser, release build,
//!   size budget, e2e), timed, failing past its time limit (suite.rs)
//! * `build [--site-url URL] [--dataset FILE]`  release build into `dist/`, every page
//!   pre-rendered (for the origin URL, from the dataset FILE instead of the bundled one)
//! * `data check FILE`  validate a dataset exactly as the app does; exit 1 on problems
//! * `data synth --count N [--seed S] [--out FILE]`  write a synthetic dataset for benchmarks
//! * `data import FILE [--out F] [--report F] [--base F [--keep-unlisted]] [--version V]`
//!   a spreadsheet (.xlsx, .csv) of products → a dataset and a report (import.rs)
//! * `data diff OLD NEW`  products added, removed, re-rated, renamed
//! * `data template [--check]`  write (or check) docs/ocop-template.csv and .xlsx
//! * `bench [--runs N] [--update-readme]`  the browser benchmark report (target/bench/report.md)
//! * `fuzz [SECONDS]`   every cargo-fuzz target in fuzz/ for SECONDS each (default 60); fails on any crash
//! * `soak [--minutes N] [--seed S]`  random kiosk use for N minutes: no errors, no leaks
//! * `icons`            redraw the PNG app icons in `public/icons/`
//! * `csp DIR`          give the built index.html its Content-Security-Policy, write `_headers`
//! * `precache DIR`     write the service worker with this build's file list
//! * `og-images DATASET DIR`  draw the link-preview pictures
//!
//! `build`, `serve`, `bench`, `soak` and the test command's release build all run the same
//! pipeline (bundle.rs): cargo, the wasm splitter, wasm-bindgen, wasm-opt, esbuild, then the
//! CSP, pre-rendered pages, link-preview pictures and service worker list.
//!
//! Written as an xtask (plain Rust, no extra runner) so a newcomer needs nothing but cargo.

mod bundle;
mod csp;
mod data;
mod fuzz;
mod icons;
mod import;
mod install;
mod og_image;
mod precache;
mod process;
mod site;
mod suite;
mod timings;
mod watch;

use std::process::ExitCode;

fn main() -> ExitCode {
    // The test command's release build runs this binary in front of rustc (site::linted).
    if let Some(code) = site::lint_wrapper() {
        return code;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["serve", rest @ ..] => site::serve(rest),
        ["build", rest @ ..] => site::build_command(rest),
        ["test", rest @ ..] => suite::test_all(rest),
        ["data", "check", file] => return data::check(file),
        ["data", "synth", rest @ ..] => data::synth(rest),
        ["data", "import", rest @ ..] => return import::import_command(rest),
        ["data", "diff", old, new] => return import::diff_command(old, new),
        ["data", "template", rest @ ..] => import::template_command(rest),
        ["bench", rest @ ..] => site::bench(rest),
        ["soak", rest @ ..] => site::soak(rest),
        ["fuzz"] => fuzz::run_all(60, &mut process::Steps::default()),
        ["fuzz", seconds] => match seconds.parse() {
            Ok(seconds) => fuzz::run_all(seconds, &mut process::Steps::default()),
            Err(_) => Err(format!("fuzz: {seconds:?} is not a whole number of seconds")),
        },
        ["icons"] => icons::write_all(),
        ["og-images", dataset, dir] => og_image::write_all(dataset.as_ref(), dir.as_ref())
            .map(|n| println!("wrote {n} pictures in {dir}/og/")),
        ["csp", dir] => csp::write(dir),
        ["precache", dir] => precache::write(dir),
        _ => {
            eprintln!("{}", USAGE);
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage:
  cargo xtask serve [--port N] [--dev] serve the app on http://127.0.0.1:8080 with the bundled dataset,
                                      rebuilding on change (--dev: no wasm-opt/minifier, faster)
  cargo xtask test [--skip-install] [--only ID[,ID…]]
                                      run every test layer (installs missing tools first), or only
                                      the named ones: fmt, clippy-native, native, data, fuzz,
                                      wasm, build, size, e2e
  cargo xtask build [--site-url URL] [--dataset FILE]
                                      release build into dist/ with every page pre-rendered for
                                      the origin URL (default http://127.0.0.1:8080), optionally
                                      from a published dataset FILE instead of the bundled one
  cargo xtask data check FILE         validate a dataset file as the app does
  cargo xtask data synth --count N [--seed S] [--out FILE]
  cargo xtask data import FILE.xlsx|FILE.csv [--out DATASET.json] [--report REPORT.md]
                          [--base EXISTING.json [--keep-unlisted]] [--version VERSION] [--sheet NAME]
                                      a spreadsheet of products (docs/data-template.md) → a dataset
                                      and a report of every refused row; exit 1 if no row is accepted
  cargo xtask data diff OLD NEW       products added, removed, re-rated and renamed (vi + en)
  cargo xtask data template [--check] write docs/ocop-template.csv and .xlsx from the bundled data
                                      (--check: fail if the committed ones are stale)
  cargo xtask fuzz [SECONDS]          run each cargo-fuzz target (fuzz/) for SECONDS, default 60; fails on a crash
  cargo xtask soak [--minutes N] [--seed S]
                                      drive a kiosk at random for N minutes (default 10): zero
                                      errors, memory growth < 10% (target/soak/report.md)
  cargo xtask bench [--runs N] [--update-readme]
                                      browser benchmark report: sizes, load, Lighthouse, keystrokes,
                                      memory, MiniSearch side by side (target/bench/report.md)
  cargo xtask icons                   redraw the PNG app icons in public/icons/
  cargo xtask og-images DATASET DIR   draw the 1200×630 link-preview PNGs into DIR/og/
  cargo xtask csp DIR                 add the Content-Security-Policy to DIR/index.html, write DIR/_headers
  cargo xtask precache DIR            write DIR/sw.js with the build's file list";
