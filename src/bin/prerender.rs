//! Build-time rendering: every page of the app, in each language, drawn to static HTML from the
//! bundled dataset with the same components the browser runs (feature `ssr`, native only).
//!
//! `prerender [DIST] [--site-url URL]` reads the built `DIST/index.html` (default `dist`) and
//! `DIST/data/ocop-quang-ninh.json`, and writes `<path>/index.html` for every page
//! (`ocop_core::seo::Page::all`) in Vietnamese, English and Chinese, `404.html` for each
//! language, `sitemap.xml` and `robots.txt`. `cargo xtask build` runs it (xtask/src/bundle.rs).
//!
//! The rendered body goes inside the template's `#boot` element: painted as soon as the HTML
//! arrives, it stays until the app has its data and has drawn the same page, then the app
//! takes over in one frame (replacement, not hydration: docs/performance.md says why).

#[path = "prerender/page.rs"]
mod page;
#[path = "prerender/preload.rs"]
mod preload;

use ocop_core::seo::{self, Page, SiteUrl};
use ocop_core::source::{Loaded, Origin};
use ocop_core::validate::{parse_and_validate, Limits};
use ocop_core::Lang;
use ocop_quang_ninh::{first_screen_part, AppData};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Where the site is served when no `--site-url` (or `OCOP_SITE_URL`) is given: the README's
/// serve command. Canonical URLs and link previews need the real origin (README, Deploying).
const LOCAL_SITE: &str = "http://127.0.0.1:8080";
const DATASET: &str = "data/ocop-quang-ninh.json";
const SHELL: &str = "shell.html";

fn main() -> ExitCode {
    // Effects are created while rendering (leptos_i18n's, ours); they never run here, but
    // creating one needs an executor.
    any_spawner::Executor::init_futures_executor().expect("no other executor was set");
    match run(std::env::args().skip(1).collect()) {
        Ok(count) => {
            println!("prerender: {count} pages written");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<usize, String> {
    let (dist, site) = parse_args(&args)?;
    // Trunk's index.html (the loading screen) is written over by the catalog: kept first as
    // `shell.html`, the page a static host serves for any other path (the single-page
    // fallback) and the service worker serves offline. A second run starts from it again.
    let shell = dist.join(SHELL);
    if !shell.exists() {
        std::fs::copy(dist.join("index.html"), &shell).map_err(|e| format!("{}: {e}", shell.display()))?;
    }
    let template = read(&shell)?;
    let part_files = preload::PartFiles::read(&dist, &template)?;
    let data = bundled_data(&read(&dist.join(DATASET))?)?;
    let dataset = data.dataset();
    let mut written = 0;
    for page in Page::all(dataset).into_iter().chain([Page::NotFound]) {
        for lang in Lang::ALL {
            let head = seo::page_head(dataset, &page, lang, &site)
                .ok_or_else(|| format!("no head for {page:?} in {lang:?}"))?;
            let body = page::render_body(&data, &page.path(lang), lang, &seo::noscript_note(&page, lang));
            let preloads = part_files.preload_links(first_screen_part(&page))?;
            let html = page::fill_template(&template, &head, &preloads, &body, lang)?;
            write(&dist.join(page.file(lang)), &html)?;
            written += 1;
        }
    }
    write(&dist.join("sitemap.xml"), &seo::sitemap_xml(dataset, &site))?;
    write(&dist.join("robots.txt"), &seo::robots_txt(&site))?;
    Ok(written)
}

fn parse_args(args: &[String]) -> Result<(PathBuf, SiteUrl), String> {
    let mut dist = PathBuf::from("dist");
    let mut site = std::env::var("OCOP_SITE_URL").ok().filter(|s| !s.is_empty());
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--site-url" => site = Some(it.next().ok_or("--site-url needs a URL")?.clone()),
            flag if flag.starts_with('-') => {
                return Err(format!(
                    "unknown option {flag}\nusage: prerender [DIST] [--site-url URL]"
                ))
            }
            dir => dist = PathBuf::from(dir),
        }
    }
    let site = site.unwrap_or_else(|| {
        eprintln!(
            "prerender: no --site-url or OCOP_SITE_URL: canonical URLs and link previews point at \
             {LOCAL_SITE} (fine for local use; build with the real origin to deploy)"
        );
        LOCAL_SITE.to_string()
    });
    Ok((dist, SiteUrl::parse(&site)?))
}

/// The bundled dataset as the app would load it without `config.json`'s remote dataset.
fn bundled_data(text: &str) -> Result<AppData, String> {
    let validated =
        parse_and_validate(text, &Limits::default()).map_err(|e| format!("{DATASET}: refused: {e}"))?;
    let loaded = Loaded {
        validated,
        origin: Origin::Bundled,
        fallback: None,
        cache_update: None,
    };
    Ok(AppData::new(loaded, None))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
