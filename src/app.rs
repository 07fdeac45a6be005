//! The application root: translations, router, the shell (header, notices, tab bar) and the
//! data gate that loads the dataset once and hands it to every page. The top of the stack:
//! it imports every page, and nothing imports it (docs/architecture.md). The pages that load
//! on demand are drawn through [`parts`].

mod parts;

pub use parts::first_screen_part;

use crate::browser::page::take_over_from_boot;
use crate::components::header::Header;
use crate::components::language_offer::LanguageOffer;
use crate::components::load_progress::LoadProgressLine;
use crate::components::notice::{DataNotices, LoadFailure, VisitorNotice};
use crate::components::pwa::{ConnectionNotice, InstallHint, UpdatePrompt};
use crate::components::tab_bar::TabBar;
use crate::i18n::*;
use crate::pages::catalog::SEARCH_INPUT_ID;
use crate::pages::{catalog::Catalog, not_found::NotFound};
use crate::state::app_data::{load_app_data, LoadProgress, Prebuilt};
use crate::state::hand_over::{use_hand_over, HandOver};
use crate::state::kiosk::{provide_kiosk_mode, started_as_kiosk};
use crate::state::language::{locale_of, move_to_language_path, speak_the_page_language};
use crate::state::{provide_visitor, provide_visitor_with, Persistence};
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::{path, StaticSegment};
use ocop_core::Lang;

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
    provide_kiosk_mode(kiosk);
    HandOver::provide();
    speak_the_page_language(i18n);
    move_to_language_path(kiosk);
    // The visitor's trip, list and visit month: available before the data arrives, so the
    // header can count them.
    if kiosk {
        crate::browser::page::lock_down_for_kiosk();
        provide_visitor_with(Persistence::MemoryOnly);
    } else {
        provide_visitor();
    }
    let (progress, set_progress) = signal(None::<LoadProgress>);
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <Header />
        <TabBar />
        <main id="main" tabindex="-1">
            {(!kiosk).then(|| view! { <LanguageOffer /> })}
            <VisitorNotice />
            // A kiosk applies updates itself between visitors (components::kiosk::start_over).
            {(!kiosk).then(|| view! { <UpdatePrompt /> })}
            {(!kiosk).then(|| view! { <InstallHint /> })}
            <DataGate kiosk progress=set_progress />
        </main>
        <LoadProgressLine progress />
    }
}

/// Loads the dataset once per visit and shows the page when it is there. Data handed over
/// before start ([`Prebuilt`], the build-time renderer) is shown at once.
#[component]
fn DataGate(kiosk: bool, progress: WriteSignal<Option<LoadProgress>>) -> impl IntoView {
    if let Some(Prebuilt(data)) = use_context::<Prebuilt>() {
        provide_context(data);
        return view! { <AppRoutes /> }.into_any();
    }
    let i18n = use_i18n();
    // `LocalResource` because fetch futures are not `Send`.
    let data = LocalResource::new(move || load_app_data(progress));
    view! {
        <Suspense fallback=move || {
            view! { <p class="loading" role="status">{t!(i18n, loading)}</p> }
        }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(loaded) => {
                        if loaded.test_hooks {
                            listen_for_test_panic();
                        }
                        provide_context(loaded);
                        hand_over();
                        view! {
                            {kiosk.then(|| view! { <parts::KioskLayerHost /> })}
                            <DataNotices />
                            <ConnectionNotice />
                            <AppRoutes />
                        }
                            .into_any()
                    }
                    Err(failure) => {
                        hand_over();
                        view! { <LoadFailure failure /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// The pre-rendered page gives way to the app once the view being built is on the page (an
/// effect runs after this render; the swap itself waits for the next frame) and nothing
/// drawn in a later task holds it (`state::hand_over`: a part downloading, the rest of the
/// catalog).
fn hand_over() {
    let held = use_hand_over();
    Effect::new(move || {
        if held.is_none_or(|h| h.ready()) {
            // Checked again at the swap, a frame later: a part's download may start between.
            take_over_from_boot(SEARCH_INPUT_ID, move || held.is_none_or(|h| h.ready_untracked()));
        }
    });
}

/// Every page, by path, in each language: Vietnamese at the root, English under `/en`,
/// Chinese under `/zh` (`state::language`).
#[component]
fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFound>
            <LanguageRoutes lang=Lang::En />
            <LanguageRoutes lang=Lang::Zh />
            <LanguageRoutes lang=Lang::Vi />
        </Routes>
    }
}

/// The app's pages under one language's prefix. The language is set when the branch is
/// chosen, before any page under it draws, so the first frame (and the build-time renderer,
/// where effects do not run) already speaks it.
#[component(transparent)]
fn LanguageRoutes(lang: Lang) -> impl leptos_router::MatchNestedRoutes + Clone {
    let prefix = StaticSegment(lang.path_prefix().trim_start_matches('/'));
    let in_language = move || {
        use_i18n().set_locale(locale_of(lang));
        view! { <Outlet /> }
    };
    view! {
        <ParentRoute path=prefix view=in_language>
            <Route path=path!("/") view=Catalog />
            <Route path=path!("/p/:id") view=parts::product_page />
            <Route path=path!("/about") view=parts::about_page />
            <Route path=path!("/map") view=parts::map_page />
            <Route path=path!("/routes") view=parts::route_list />
            <Route path=path!("/routes/:id") view=parts::route_page />
            <Route path=path!("/trip") view=parts::trip_page />
            <Route path=path!("/list") view=parts::list_page />
            <Route path=path!("/kiosk") view=parts::kiosk_page />
            <Route path=path!("/kiosk/home") view=parts::kiosk_page />
            <Route path=path!("/kiosk/nearby") view=parts::kiosk_page />
            <Route path=path!("/spot/:id") view=parts::spot_page />
            <Route path=path!("/sales-point/:id") view=parts::sales_point_page />
        </ParentRoute>
    }
    .into_inner()
}

/// End-to-end tests check crash recovery by dispatching `ocop-test-panic` on the window;
/// only when `config.json` sets `test_hooks` (never in a deployment).
fn listen_for_test_panic() {
    let handle = window_event_listener_untyped("ocop-test-panic", |_| {
        panic!("deliberate panic requested by a test (config.json test_hooks)");
    });
    std::mem::forget(handle);
}
