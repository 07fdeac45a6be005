//! The application shell: translations, router, header, and the data gate that loads the
//! dataset once and hands it to every page.

use crate::browser::{save_cached_copy, storage_get, storage_set, BrowserPort};
use crate::components::header::Header;
use crate::components::notice::{DataNotices, LoadFailure, VisitorNotice};
use crate::components::pwa::{ConnectionNotice, InstallHint, UpdatePrompt};
use crate::i18n::*;
use crate::kiosk::{lock_down_page, started_as_kiosk, IdleWatcher, KioskMode};
use crate::pages::kiosk::KioskAttract;
use crate::pages::{
    about::About, catalog::Catalog, list::ListPage, map::MapPage, not_found::NotFound, place::PlacePage,
    product::ProductPage, routes::RouteList, routes::RoutePage, trip::TripPage,
};
use crate::state::{provide_visitor, provide_visitor_with, Persistence};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_query_map;
use leptos_router::path;
use ocop_core::catalog::CatalogIndex;
use ocop_core::config::{AppConfig, ConfigProblem, TileLayer};
use ocop_core::kiosk::KioskConfig;
use ocop_core::model::StopRef;
use ocop_core::places::PlaceIndex;
use ocop_core::search::SearchIndex;
use ocop_core::source::{load_dataset, DataPort, Loaded, NoData};
use ocop_core::Dataset;
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
        let dataset = &loaded.validated.dataset;
        let search = Arc::new(SearchIndex::build(&dataset.products, &dataset.producers));
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

pub fn use_app_data() -> AppData {
    expect_context::<AppData>()
}

#[component]
pub fn App() -> impl IntoView {
    // Decided once: a kiosk never remembers a visitor's language.
    let kiosk = started_as_kiosk();
    // No cookie: leptos_i18n's cookie support brings the `cookie` and `time` crates (28.6 KiB
    // brotli of wasm, measured) for one value; the Shell keeps the choice in localStorage instead.
    view! {
        <I18nContextProvider enable_cookie=false>
            <Router>
                <Shell kiosk />
            </Router>
        </I18nContextProvider>
    }
}

#[component]
fn Shell(kiosk: bool) -> impl IntoView {
    let i18n = use_i18n();
    provide_context(KioskMode(kiosk));
    // `?lang=en` (from a shared link or a kiosk QR code) selects the interface language.
    // Unknown values are ignored.
    let query = use_query_map();
    Effect::new(move |_| {
        let wanted = query
            .with(|q| q.get("lang"))
            .and_then(|l| l.parse::<Locale>().ok());
        if let Some(locale) = wanted.filter(|l| *l != i18n.get_locale_untracked()) {
            i18n.set_locale(locale);
        }
    });
    // The visitor's trip, list and visit month: available before the data arrives, so the
    // header can count them.
    if kiosk {
        lock_down_page();
        i18n.set_locale(Locale::vi);
        provide_visitor_with(Persistence::MemoryOnly);
    } else {
        provide_visitor();
        remember_language(i18n);
    }
    // Loaded once per visit. `LocalResource` because fetch futures are not `Send`.
    let data = LocalResource::new(load);
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <Header />
        <main id="main" tabindex="-1">
            <VisitorNotice />
            // A kiosk applies updates itself between visitors (kiosk::start_over).
            {(!kiosk).then(|| view! { <UpdatePrompt /> })}
            {(!kiosk).then(|| view! { <InstallHint /> })}
            <Suspense fallback=move || {
                view! { <p class="loading" role="status">{t!(i18n, loading)}</p> }
            }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(loaded) => {
                            let kiosk_config = loaded.kiosk.clone();
                            if loaded.test_hooks {
                                listen_for_test_panic();
                            }
                            provide_context(loaded);
                            view! {
                                {kiosk.then(|| view! { <IdleWatcher config=kiosk_config /> })}
                                <DataNotices />
                                <ConnectionNotice />
                                <Routes fallback=NotFound>
                                    <Route path=path!("/") view=Catalog />
                                    <Route path=path!("/p/:id") view=ProductPage />
                                    <Route path=path!("/about") view=About />
                                    <Route path=path!("/map") view=MapPage />
                                    <Route path=path!("/routes") view=RouteList />
                                    <Route path=path!("/routes/:id") view=RoutePage />
                                    <Route path=path!("/trip") view=TripPage />
                                    <Route path=path!("/list") view=ListPage />
                                    <Route path=path!("/kiosk") view=KioskAttract />
                                    <Route
                                        path=path!("/spot/:id")
                                        view=|| view! { <PlacePage make=StopRef::Spot /> }
                                    />
                                    <Route
                                        path=path!("/sales-point/:id")
                                        view=|| view! { <PlacePage make=StopRef::SalesPoint /> }
                                    />
                                </Routes>
                            }
                                .into_any()
                        }
                        Err(failure) => view! { <LoadFailure failure /> }.into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}

/// The language a phone visitor chose last time, unless the link names one (`?lang=`, applied
/// by the Shell's effect); every later choice is saved. Without a saved choice leptos_i18n
/// follows the browser's languages.
fn remember_language(i18n: leptos_i18n::I18nContext<Locale>) {
    let from_link = use_query_map().with_untracked(|q| q.get("lang").is_some());
    let saved = storage_get(LANGUAGE_KEY).and_then(|l| l.parse::<Locale>().ok());
    // In an effect, not right away: leptos_i18n sets its initial locale (from the browser's
    // languages) in an effect of its own, which would overwrite an earlier choice.
    Effect::new(move |_| {
        if let Some(locale) = saved.filter(|_| !from_link) {
            i18n.set_locale(locale);
        }
    });
    Effect::new(move |previous: Option<Locale>| {
        let locale = i18n.get_locale();
        // Not on start-up: only a change is a choice worth keeping.
        if previous.is_some_and(|p| p != locale) {
            let _ = storage_set(LANGUAGE_KEY, locale.as_str());
        }
        locale
    });
}

/// localStorage key of the interface language a phone visitor chose.
pub const LANGUAGE_KEY: &str = "ocop.lang.v1";

/// End-to-end tests check crash recovery by dispatching `ocop-test-panic` on the window;
/// only when `config.json` sets `test_hooks` (never in a deployment).
fn listen_for_test_panic() {
    let handle = window_event_listener_untyped("ocop-test-panic", |_| {
        panic!("deliberate panic requested by a test (config.json test_hooks)");
    });
    std::mem::forget(handle);
}

/// Reads `config.json`, then runs the fallback chain (remote → cached copy → bundled).
async fn load() -> Result<AppData, Arc<NoData>> {
    let port = BrowserPort;
    // Small and same-origin: a short timeout and cap are plenty.
    let config = match port.fetch_text("config.json", 5_000, 64 * 1024).await {
        Ok(text) => AppConfig::parse(&text),
        Err(e) => Err(ConfigProblem::Unreadable {
            message: e.to_string(),
        }),
    };
    let settings = config.clone().unwrap_or_default();
    let mut loaded = load_dataset(&port, config).await.map_err(Arc::new)?;
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
    let mut data = AppData::new(loaded, settings.tiles().cloned());
    data.kiosk = settings.kiosk;
    data.test_hooks = settings.test_hooks;
    Ok(data)
}
