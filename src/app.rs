//! The application root: translations, router, the shell (header, notices, tab bar) and the
//! data gate that loads the dataset once and hands it to every page. The top of the stack:
//! it imports every page, and nothing imports it (docs/architecture.md).

use crate::components::header::Header;
use crate::components::kiosk::IdleWatcher;
use crate::components::notice::{DataNotices, LoadFailure, VisitorNotice};
use crate::components::pwa::{ConnectionNotice, InstallHint, UpdatePrompt};
use crate::components::tab_bar::TabBar;
use crate::i18n::*;
use crate::pages::kiosk::KioskAttract;
use crate::pages::{
    about::About, catalog::Catalog, list::ListPage, map::MapPage, not_found::NotFound, place::PlacePage,
    product::ProductPage, routes::RouteList, routes::RoutePage, trip::TripPage,
};
use crate::state::app_data::load_app_data;
use crate::state::kiosk::{started_as_kiosk, KioskMode};
use crate::state::language::{follow_language_in_links, remember_language};
use crate::state::{provide_visitor, provide_visitor_with, Persistence};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use ocop_core::model::StopRef;

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
    follow_language_in_links(i18n);
    // The visitor's trip, list and visit month: available before the data arrives, so the
    // header can count them.
    if kiosk {
        crate::browser::page::lock_down_for_kiosk();
        i18n.set_locale(Locale::vi);
        provide_visitor_with(Persistence::MemoryOnly);
    } else {
        provide_visitor();
        remember_language(i18n);
    }
    // Loaded once per visit. `LocalResource` because fetch futures are not `Send`.
    let data = LocalResource::new(load_app_data);
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <Header />
        <TabBar />
        <main id="main" tabindex="-1">
            <VisitorNotice />
            // A kiosk applies updates itself between visitors (components::kiosk::start_over).
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
                                <AppRoutes />
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

/// Every page, by path.
#[component]
fn AppRoutes() -> impl IntoView {
    view! {
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
            <Route path=path!("/spot/:id") view=|| view! { <PlacePage make=StopRef::Spot /> } />
            <Route path=path!("/sales-point/:id") view=|| view! { <PlacePage make=StopRef::SalesPoint /> } />
        </Routes>
    }
}

/// End-to-end tests check crash recovery by dispatching `ocop-test-panic` on the window;
/// only when `config.json` sets `test_hooks` (never in a deployment).
fn listen_for_test_panic() {
    let handle = window_event_listener_untyped("ocop-test-panic", |_| {
        panic!("deliberate panic requested by a test (config.json test_hooks)");
    });
    std::mem::forget(handle);
}
