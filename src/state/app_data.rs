//! The dataset on screen and what was built from it, loaded once per visit and provided to
//! every page by the app shell's data gate. Reachable with [`use_app_data`] from anywhere
//! under a provider, without the app root (the component tests provide it themselves).

use crate::browser::pace::BrowserPace;
use crate::browser::{save_cached_copy, BrowserPort};
use leptos::prelude::*;
use ocop_core::catalog::CatalogIndex;
use ocop_core::config::{AppConfig, ConfigProblem, TileLayer};
use ocop_core::kiosk::KioskConfig;
use ocop_core::pace::{run_unpaced, Pace, Unpaced};
use ocop_core::places::PlaceIndex;
use ocop_core::search::SearchIndex;
use ocop_core::source::{load_dataset, DataPort, Loaded, NoData};
use ocop_core::Dataset;
use std::rc::Rc;
use std::sync::Arc;

/// The dataset on screen, where it came from, and its search index: provided to every page
/// by the data gate. Behind `Arc`s because pages clone the handle, never the (possibly
/// large) dataset or index.
#[derive(Clone)]
pub struct AppData {
    pub loaded: Arc<Loaded>,
    /// Built once per dataset, so a keystroke only looks words up instead of rescanning text.
    pub search: Arc<SearchIndex>,
    /// Per-product facet values, precomputed once so filtering and counting stay fast.
    pub catalog: Arc<CatalogIndex>,
    /// Spots and sales points with their links to products and routes.
    pub places: Arc<PlaceIndex>,
    /// The online map tiles from `config.json` (`None`: outline only).
    pub tiles: Option<TileLayer>,
    /// Kiosk timings from `config.json`.
    pub kiosk: KioskConfig,
    /// `config.json`'s `test_hooks`: end-to-end tests may trigger a crash on purpose.
    pub test_hooks: bool,
}

impl AppData {
    pub fn new(loaded: Loaded, tiles: Option<TileLayer>) -> Self {
        run_unpaced(Self::new_paced(loaded, tiles, &mut Unpaced))
    }

    /// [`AppData::new`], the search index built in slices that `pace` may pause between.
    pub async fn new_paced(loaded: Loaded, tiles: Option<TileLayer>, pace: &mut impl Pace) -> Self {
        let dataset = &loaded.validated.dataset;
        let search = Arc::new(SearchIndex::build_paced(&dataset.products, &dataset.producers, pace).await);
        let catalog = Arc::new(CatalogIndex::build(dataset));
        let places = Arc::new(PlaceIndex::build(dataset));
        AppData {
            loaded: Arc::new(loaded),
            search,
            catalog,
            places,
            tiles,
            kiosk: KioskConfig::default(),
            test_hooks: false,
        }
    }

    pub fn dataset(&self) -> &Dataset {
        &self.loaded.validated.dataset
    }
}

/// Data handed to the app before it starts, instead of loading it: the build-time renderer
/// (src/bin/prerender.rs) draws every page from the bundled dataset this way. In the browser
/// there is none, and the data gate loads as usual.
#[derive(Clone)]
pub struct Prebuilt(pub AppData);

pub fn use_app_data() -> AppData {
    expect_context::<AppData>()
}

/// How far loading a large dataset has got, for the progress line: the bundled dataset (read
/// in its checked form) and small files load within one slice and never report any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadProgress {
    /// Bytes of the file checked so far, of its size (0 when the server did not say: a
    /// compressed download's size is known only at its end).
    Checking { done: usize, total: usize },
    /// Products added to the search index so far, of all.
    Indexing { done: usize, total: usize },
}

impl LoadProgress {
    /// Whole percent done, for the progress bar; `None` when the total is not known.
    pub fn percent(self) -> Option<u32> {
        let (LoadProgress::Checking { done, total } | LoadProgress::Indexing { done, total }) = self;
        (done * 100).checked_div(total).map(|p| p.min(100) as u32)
    }
}

/// Reads `config.json`, then runs the fallback chain (remote → cached copy → bundled).
/// `progress` hears how far a large dataset has got; it is cleared once the data is there.
pub async fn load_app_data(progress: WriteSignal<Option<LoadProgress>>) -> Result<AppData, Arc<NoData>> {
    let port = BrowserPort {
        checked: Rc::new(move |done, total| progress.set(Some(LoadProgress::Checking { done, total }))),
    };
    // Small and same-origin: a short timeout and cap are plenty.
    let config = match port.fetch_text("config.json", 5_000, 64 * 1024).await {
        Ok(text) => AppConfig::parse(&text),
        Err(e) => Err(ConfigProblem::Unreadable {
            message: e.to_string(),
        }),
    };
    let settings = config.clone().unwrap_or_default();
    let mut loaded = load_dataset(&port, config).await.map_err(|failure| {
        progress.set(None);
        Arc::new(failure)
    })?;
    // Saved, then dropped before the indexes are built: kept in `Loaded`, the text of a
    // large remote file would sit in wasm memory beside the parsed data for the whole visit.
    if let Some(copy) = loaded.cache_update.take() {
        if !save_cached_copy(&copy) {
            leptos::logging::warn!("could not keep a copy of the dataset for offline use");
        }
    }
    for issue in &loaded.validated.issues {
        leptos::logging::warn!("dataset: {issue}");
    }
    // Reading the dataset, building its indexes and drawing the first page are three tasks,
    // not one long one (docs/performance.md, "Start-up").
    crate::browser::page::yield_to_browser().await;
    let mut pace =
        BrowserPace::new(move |done, total| progress.set(Some(LoadProgress::Indexing { done, total })));
    let mut data = AppData::new_paced(loaded, settings.tiles().cloned(), &mut pace).await;
    data.kiosk = settings.kiosk;
    data.test_hooks = settings.test_hooks;
    crate::browser::page::yield_to_browser().await;
    progress.set(None);
    Ok(data)
}
