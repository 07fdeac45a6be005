//! The app's build pipeline: from the crate to `dist/`, in one order for every build
//! (`cargo xtask build`, `serve`, the test command's release build, `bench`).
//!
//! 1. `cargo build` of the app for wasm32 (the linker keeps its relocations,
//!    `-Clink-args=--emit-relocs` in .cargo/config.toml, which the splitter reads);
//! 2. the splitter (`wasm_split_cli_support`, the library cargo-leptos runs for `--split`)
//!    cuts each part marked `#[wasm_split(part)]` (src/app/parts.rs) out of the main wasm into
//!    `<part>.wasm` and writes `__wasm_split.js`, which loads a part on demand;
//! 3. `wasm-bindgen --target web --keep-lld-exports` on the main wasm only (the parts
//!    import what they need from it through the loader);
//! 4. release: `wasm-opt -Oz` on every wasm, esbuild minifies the JavaScript and the CSS;
//! 5. the static files (public/, Leaflet) copied, the stylesheet under a hashed name;
//! 6. `index.html` written from the source `index.html`: stylesheet, module preloads, the
//!    wasm preload and the start script in place of its `<!-- app -->` marker;
//! 7. [`post_build`]: the Content-Security-Policy, every page pre-rendered,
//!    the link-preview pictures, the service worker's file list — in that order.
//!
//! The app's code goes under `pkg/<id>/`, where `id` is a hash of the cargo wasm, so each
//! build's files have their own URLs (safe to cache forever) while the names inside stay
//! fixed (the loader finds the parts next to itself). The site is built in a staging
//! directory and moved to `dist/` when complete, so a failed build leaves the last good
//! site in place.
//!
//! Why our own pipeline instead of trunk (0.21 in use until issue 17) or cargo-leptos:
//! trunk has no step between wasm-bindgen's input and output where a splitter can run (trunk
//! issue #1022), and a `#[wasm_split]` build that skips the splitter leaves an import no
//! browser can satisfy; cargo-leptos splits, but expects a server crate and brings a second
//! build system to learn and to compile on a fresh machine (~8 minutes, like trunk). The
//! steps are few and each is a tool we already install (docs/architecture.md, "Build").

use crate::install::WASM_TARGET;
use crate::process::{cmd, root, Result, Steps};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The app's binary crate, and the name wasm-bindgen's output takes.
const APP: &str = "ocop-quang-ninh";
/// The file name (without extension) of wasm-bindgen's module and wasm.
const MAIN: &str = "app";
/// What the main wasm imports the part loader from; the loader sits next to `app.js`.
const LOADER: &str = "__wasm_split.js";
/// Each part's files, for the size report (not fetched by the app).
const PARTS_MANIFEST: &str = "parts.json";

/// Release (optimised, minified: what is deployed and tested) or dev (`cargo xtask serve
/// --dev`: a faster rebuild, no wasm-opt or minifier).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Profile {
    Release,
    Dev,
}

impl Profile {
    fn cargo_dir(self) -> &'static str {
        match self {
            Profile::Release => "release",
            Profile::Dev => "debug",
        }
    }
}

/// Builds the site into `dist/` (see the module docs for the steps).
pub fn build(steps: &mut Steps, profile: Profile) -> Result {
    let root = root();
    let staging = root.join("target/site/staging");
    let work = root.join("target/site/work");
    for dir in [&staging, &work] {
        remove(dir)?;
        mkdir(dir)?;
    }

    let mut cargo = vec![
        "build",
        "--offline",
        "--target",
        WASM_TARGET,
        "-p",
        APP,
        "--bin",
        APP,
    ];
    if profile == Profile::Release {
        cargo.push("--release");
    }
    steps.cargo(cmd("cargo", &cargo))?;

    let linked = root.join(format!("target/{WASM_TARGET}/{}/{APP}.wasm", profile.cargo_dir()));
    let wasm = read(&linked)?;
    let id = short_hash(&wasm);
    let pkg_rel = format!("pkg/{id}");
    let pkg = staging.join(&pkg_rel);
    mkdir(&pkg)?;

    let main_split = work.join("main.wasm");
    let started = std::time::Instant::now();
    let parts = split(&wasm, &pkg, &main_split)?;
    steps.record("split the wasm into parts", started.elapsed());
    println!("split: {} part file(s) besides the main wasm", parts.len());

    steps.run(cmd(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--keep-lld-exports",
            "--no-demangle",
            "--no-typescript",
            "--out-name",
            MAIN,
            "--out-dir",
            &path_str(&pkg),
            &path_str(&main_split),
        ],
    ))?;

    if profile == Profile::Release {
        let mut wasm_files = vec![pkg.join(format!("{MAIN}_bg.wasm"))];
        wasm_files.extend(parts);
        for file in &wasm_files {
            let f = path_str(file);
            let mut args = vec!["-Oz"];
            args.extend(WASM_OPT_FEATURES);
            args.extend([f.as_str(), "-o", f.as_str()]);
            steps.run(cmd("wasm-opt", &args))?;
        }
        for js in [MAIN.to_string() + ".js", LOADER.to_string()] {
            minify(steps, &pkg.join(js))?;
        }
    }

    copy_static_files(&root, &staging)?;
    let css = stylesheet(steps, &root, &staging, profile)?;
    let source = std::fs::read_to_string(root.join("index.html")).map_err(|e| format!("index.html: {e}"))?;
    let html = index_html(&source, &css, &pkg_rel)?;
    std::fs::write(staging.join("index.html"), html).map_err(|e| format!("index.html: {e}"))?;

    post_build(&path_str(&staging))?;

    let dist = root.join("dist");
    remove(&dist)?;
    std::fs::rename(&staging, &dist).map_err(|e| format!("moving the site to {}: {e}", dist.display()))?;
    println!("\nsite: {} (app {pkg_rel})", dist.display());
    Ok(())
}

/// The WebAssembly features the app is built with (rustc's wasm32 defaults since 1.82);
/// binaryen 132 must be told, or it rejects the module.
const WASM_OPT_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Runs the splitter on the linked wasm: the parts and the loader go to `pkg`, the main wasm
/// (still to go through wasm-bindgen) to `main_out`. Returns the part files.
fn split(wasm: &[u8], pkg: &Path, main_out: &Path) -> Result<Vec<PathBuf>> {
    let main_module = format!("./{MAIN}.js");
    let link_name = format!("./{LOADER}");
    let mut opts = wasm_split_cli_support::Options::new(wasm);
    opts.output_dir = pkg;
    opts.main_out_path = main_out;
    opts.main_module = &main_module;
    opts.link_name = &link_name;
    let split = wasm_split_cli_support::transform(opts).map_err(|e| format!("splitting the wasm: {e:#}"))?;
    // Which files each part needs (its own and the chunks it shares with others): the size
    // gate and the benchmark list every part with its download (bench/sizes.mjs).
    let manifest: std::collections::BTreeMap<_, _> = split
        .prefetch_map
        .iter()
        .map(|(part, files)| {
            let files: Vec<String> = files.iter().map(|f| format!("{f}.wasm")).collect();
            (part.clone(), files)
        })
        .collect();
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    std::fs::write(pkg.join(PARTS_MANIFEST), json).map_err(|e| format!("{PARTS_MANIFEST}: {e}"))?;
    Ok(split.split_modules)
}

/// esbuild's minifier, in place. Kept as ES modules: the start script imports them.
fn minify(steps: &mut Steps, file: &Path) -> Result {
    let f = path_str(file);
    let out = format!("--outfile={f}");
    steps.run(cmd(
        "esbuild",
        &[
            &f,
            "--minify",
            "--format=esm",
            "--allow-overwrite",
            "--log-level=warning",
            // wasm-bindgen imports the loader once per function it provides, each under the
            // same key of its imports object: the same module every time, so harmless.
            "--log-override:duplicate-object-key=silent",
            &out,
        ],
    ))
}

/// The stylesheet as `main-<hash>.css` (minified in release); returns its name.
fn stylesheet(steps: &mut Steps, root: &Path, staging: &Path, profile: Profile) -> Result<String> {
    let source = root.join("style/main.css");
    let plain = staging.join("main.css");
    match profile {
        Profile::Release => {
            let out = format!("--outfile={}", path_str(&plain));
            steps.run(cmd(
                "esbuild",
                &[&path_str(&source), "--minify", "--log-level=warning", &out],
            ))?;
        }
        Profile::Dev => copy(&source, &plain)?,
    }
    let name = format!("main-{}.css", short_hash(&read(&plain)?));
    std::fs::rename(&plain, staging.join(&name)).map_err(|e| format!("{name}: {e}"))?;
    Ok(name)
}

/// public/ as it is (except the service worker's template, written by precache.rs) and
/// Leaflet's script and stylesheet, which the map loads on demand (src/browser/leaflet.rs).
fn copy_static_files(root: &Path, staging: &Path) -> Result {
    copy_dir(&root.join("public"), staging, &|rel| rel != Path::new("sw.js"))?;
    let leaflet = staging.join("vendor/leaflet");
    mkdir(&leaflet)?;
    for file in ["leaflet.js", "leaflet.css"] {
        copy(
            &root.join("node_modules/leaflet/dist").join(file),
            &leaflet.join(file),
        )?;
    }
    Ok(())
}

/// The marker in the source index.html where the build puts the app's tags.
const MARKER: &str = "<!-- app -->";

/// index.html with the stylesheet, the app's modules and the start script in place of
/// [`MARKER`]. The start script is the page's one inline script; csp.rs allows it by hash.
pub fn index_html(source: &str, css: &str, pkg: &str) -> Result<String> {
    if source.matches(MARKER).count() != 1 {
        return Err(format!(
            "index.html must hold `{MARKER}` exactly once, where the app's tags go"
        ));
    }
    let tags = format!(
        "<link rel=\"stylesheet\" href=\"/{css}\">\n    \
         <link rel=\"modulepreload\" href=\"/{pkg}/{MAIN}.js\">\n    \
         <link rel=\"modulepreload\" href=\"/{pkg}/{LOADER}\">\n    \
         <link rel=\"preload\" href=\"/{pkg}/{MAIN}_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n    \
         <script type=\"module\">{}</script>",
        start_script(pkg)
    );
    Ok(source.replace(MARKER, &tags))
}

/// Starts the wasm, then tells the page (`ocop:app-started`, with the wasm's exports: the
/// benchmarks read its memory from there).
fn start_script(pkg: &str) -> String {
    format!(
        "import init from '/{pkg}/{MAIN}.js';\
         const wasm = await init({{ module_or_path: '/{pkg}/{MAIN}_bg.wasm' }});\
         dispatchEvent(new CustomEvent('ocop:app-started', {{ detail: {{ wasm }} }}));"
    )
}

/// The first 16 hex digits of the SHA-256 of `bytes`.
fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn copy_dir(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> Result {
    fn walk(base: &Path, dir: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> Result {
        for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            let rel = path.strip_prefix(base).expect("under base");
            if !keep(rel) {
                continue;
            }
            if path.is_dir() {
                mkdir(&to.join(rel))?;
                walk(base, &path, to, keep)?;
            } else {
                copy(&path, &to.join(rel))?;
            }
        }
        Ok(())
    }
    walk(from, from, to, keep)
}

fn copy(from: &Path, to: &Path) -> Result {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("copying {} to {}: {e}", from.display(), to.display()))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn mkdir(dir: &Path) -> Result {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

fn remove(dir: &Path) -> Result {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(format!("{}: {e}", dir.display())),
        _ => Ok(()),
    }
}

fn path_str(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// The app's native build with the renderer (feature `ssr`, profile `prerender`): what the
/// build runs here and what the test command's native layer tests (suite.rs).
pub const PRERENDER_BUILD: [&str; 6] = [
    "--profile",
    "prerender",
    "-p",
    "ocop-quang-ninh",
    "--features",
    "ssr",
];

/// Runs src/bin/prerender.rs on `dir`. leptos-use, under leptos_i18n, prints a hint about
/// reading the `Accept-Language` header for every page it renders (there is no request here:
/// the language is in the path); that line is dropped so the build log shows what matters.
fn prerender(dir: &str) -> Result {
    const HINT: &str = "If you're using `use_locales` with SSR";
    let mut args = vec!["run", "--quiet"];
    args.extend(PRERENDER_BUILD);
    args.extend(["--bin", "prerender", "--", dir]);
    let mut c = cmd("cargo", &args);
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

/// Read by [`post_build`]: a dataset to build the pages from instead of the bundled one
/// (`cargo xtask build --dataset FILE`).
pub const DATASET_VAR: &str = "OCOP_DATASET";

/// The last steps of every build, on the staging directory `dir`, in order:
/// 1. the Content-Security-Policy into index.html (csp.rs), so every page copies it;
/// 2. a published dataset in place of the bundled one, when `OCOP_DATASET` names one, and
///    its checked form beside it ([`write_checked_dataset`]);
/// 3. every page pre-rendered from that dataset (src/bin/prerender.rs), index.html kept as
///    `shell.html`, the single-page fallback;
/// 4. the link-preview pictures (og_image.rs);
/// 5. the service worker's file list (precache.rs), which leaves the pre-rendered pages and
///    pictures out: they are cached as they are visited.
fn post_build(dir: &str) -> Result {
    crate::csp::write(dir)?;
    let dataset = std::path::Path::new(dir).join("data/ocop-quang-ninh.json");
    if let Ok(published) = std::env::var(DATASET_VAR) {
        std::fs::copy(&published, &dataset).map_err(|e| format!("--dataset {published}: {e}"))?;
        println!("post-build: pages and data from {published}");
    }
    write_checked_dataset(&dataset)?;
    prerender(dir)?;
    let pictures = crate::og_image::write_all(&dataset, std::path::Path::new(dir))?;
    println!("post-build: {pictures} link-preview pictures");
    crate::precache::write(dir)
}

/// Validates the bundled dataset and writes its checked form beside it
/// (`ocop_core::config::BUNDLED_CHECKED_PATH`), which the app reads without validating: a
/// first visit then neither runs the validator nor downloads its code. A file the app would
/// refuse stops the build.
fn write_checked_dataset(dataset: &Path) -> Result {
    use ocop_core::validate::{parse_and_validate, Limits};
    let text = std::fs::read_to_string(dataset).map_err(|e| format!("{}: {e}", dataset.display()))?;
    let validated = parse_and_validate(&text, &Limits::default())
        .map_err(|e| format!("{}: the app would refuse this dataset: {e}", dataset.display()))?;
    let checked = dataset.with_file_name(
        Path::new(ocop_core::config::BUNDLED_CHECKED_PATH)
            .file_name()
            .expect("a file name"),
    );
    std::fs::write(&checked, validated.to_checked_json())
        .map_err(|e| format!("{}: {e}", checked.display()))?;
    println!(
        "post-build: checked dataset written ({} products, {} issue(s))",
        validated.dataset.products.len(),
        validated.issues.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_tags_replace_the_marker() {
        let html = index_html("<head><!-- app --></head>", "main-1.css", "pkg/ab").unwrap();
        assert!(html.contains("<link rel=\"stylesheet\" href=\"/main-1.css\">"));
        assert!(html.contains("<link rel=\"modulepreload\" href=\"/pkg/ab/app.js\">"));
        assert!(html.contains("<link rel=\"modulepreload\" href=\"/pkg/ab/__wasm_split.js\">"));
        assert!(html.contains("import init from '/pkg/ab/app.js'"));
        assert!(html.contains("module_or_path: '/pkg/ab/app_bg.wasm'"));
        assert!(!html.contains(MARKER));
    }

    #[test]
    fn an_index_without_the_marker_is_refused() {
        assert!(index_html("<head></head>", "m.css", "pkg/a").is_err());
        assert!(index_html("<!-- app --><!-- app -->", "m.css", "pkg/a").is_err());
    }
}
