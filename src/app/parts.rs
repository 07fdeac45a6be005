//! Pages whose code loads on demand: the first download holds the shell and the catalog;
//! the product page, the map, routes, places, trip, list (with its QR encoder), kiosk and
//! about pages each come as a separate WebAssembly part when first visited
//! (docs/architecture.md, "Parts"; sizes in docs/performance.md).
//!
//! How: each page below is drawn by a function marked `#[wasm_split(part, …)]`. The build
//! (`cargo xtask build`, xtask/src/bundle.rs) cuts everything only such a function reaches
//! out of the main wasm into `<part>.wasm`, and leaves a small loader in its place. The
//! marked function hands back a plain function pointer that draws the page, so once the
//! part is there the page is drawn synchronously like any other.
//!
//! A part that cannot be fetched shows a translated message with a Retry button in its
//! place (`components::part_status`); the loader does not remember failures, so Retry
//! fetches again. While a part downloads, the pre-rendered page stays on screen
//! (`state::hand_over`). Natively (the build-time renderer) there is nothing to load: the
//! page is drawn directly, so every page is still pre-rendered in full.

use leptos::context::Provider;
use leptos::prelude::*;

/// Draws a page whose part has loaded.
#[cfg(target_arch = "wasm32")]
type Draw = fn() -> AnyView;

/// A part's code could not be fetched or instantiated.
#[cfg(target_arch = "wasm32")]
#[derive(Clone, Copy, Debug)]
struct NotLoaded;

#[cfg(target_arch = "wasm32")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// `on_demand!(fn_name in part_name: view)` defines `fn_name() -> AnyView`, which draws
/// `view` from the part `part_name`. Pages named with the same part share one download.
macro_rules! on_demand {
    ($(#[$doc:meta])* $name:ident in $part:ident: $view:expr) => {
        $(#[$doc])*
        pub fn $name() -> AnyView {
            #[cfg(target_arch = "wasm32")]
            {
                #[leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
                fn load() -> Result<Draw, NotLoaded> {
                    fn draw() -> AnyView {
                        ($view).into_any()
                    }
                    Ok(draw)
                }
                view! { <OnDemand load /> }.into_any()
            }
            #[cfg(not(target_arch = "wasm32"))]
            {
                ($view).into_any()
            }
        }
    };
}

/// Loads a part, then draws its page; on failure, the Retry message.
#[cfg(target_arch = "wasm32")]
#[component]
fn OnDemand<L, F>(load: L) -> impl IntoView
where
    L: Fn() -> F + Send + Sync + 'static,
    F: std::future::Future<Output = Result<Draw, NotLoaded>> + 'static,
{
    use crate::components::part_status::{PartLoading, PartUnavailable};
    use crate::state::hand_over::use_hand_over;
    let attempt = RwSignal::new(0_u32);
    // A visitor who arrives on `/map/` keeps the pre-rendered map page until the part is
    // there (or has failed: its Retry message is then shown), never a loading line between.
    let hand_over = use_hand_over();
    // Held as the download starts, not when its future first runs: the data gate's hand-over
    // effect may run in between.
    let part = LocalResource::new(move || {
        attempt.track();
        if let Some(h) = hand_over {
            h.hold();
        }
        let pending = load();
        async move {
            let result = pending.await;
            if let Some(h) = hand_over {
                h.release();
            }
            result
        }
    });
    let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    view! {
        <Suspense fallback=PartLoading>
            {move || Suspend::new(async move {
                match part.await {
                    Ok(draw) => draw(),
                    Err(NotLoaded) => view! { <PartUnavailable retry /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

use crate::pages::kiosk::KioskScreens;
use crate::pages::place::PlacePage;
use crate::pages::product::ProductPage;
use crate::pages::{
    about::About, list::ListPage, map::MapPage, routes::RouteList, routes::RoutePage, trip::TripPage,
};
use crate::state::kiosk::KioskLayer;
use ocop_core::model::StopRef;
use ocop_core::seo::Page;

/// The part a page's first screen is drawn from, by the name the build gives it in
/// `pkg/<id>/parts.json`: a pre-rendered page preloads that part's files from its HTML
/// (src/bin/prerender.rs), so they download beside the main wasm instead of after it — the
/// pre-rendered page stays until its part is there (`state::hand_over`). Keep in step with
/// the `on_demand!` list below; the catalog is in the main part.
pub fn first_screen_part(page: &Page) -> Option<&'static str> {
    match page {
        Page::Map => Some("map_part"),
        Page::Routes | Page::Route(_) => Some("routes_part"),
        Page::Spot(_) | Page::SalesPoint(_) => Some("place_part"),
        Page::Trip => Some("trip_part"),
        Page::List => Some("list_part"),
        Page::Kiosk => Some("kiosk_part"),
        Page::About => Some("about_part"),
        Page::Product(_) => Some("product_part"),
        Page::Catalog | Page::NotFound => None,
    }
}

on_demand!(
    /// One product: what it is, where to buy it, its places and routes, its sources.
    product_page in product_part: view! { <ProductPage /> }
);
on_demand!(
    /// The province map with every spot and sales point (Leaflet loads after it).
    map_page in map_part: view! { <MapPage /> }
);
on_demand!(
    /// The tourism routes.
    route_list in routes_part: view! { <RouteList /> }
);
on_demand!(
    /// One route on its map, with the products along it.
    route_page in routes_part: view! { <RoutePage /> }
);
on_demand!(
    /// A tourist spot and what is made or sold there.
    spot_page in place_part: view! { <PlacePage make=StopRef::Spot /> }
);
on_demand!(
    /// A sales point and what it sells.
    sales_point_page in place_part: view! { <PlacePage make=StopRef::SalesPoint /> }
);
on_demand!(
    /// The visitor's trip plan.
    trip_page in trip_part: view! { <TripPage /> }
);
on_demand!(
    /// The shopping list, its share link and QR code.
    list_page in list_part: view! { <ListPage /> }
);
on_demand!(
    /// The kiosk's screens by path (attract screen, home, near here) and, drawn by
    /// [`KioskLayerHost`], its idle watcher and overlays. One function for all of them:
    /// every `on_demand!` adds a copy of the loader to the first load.
    kiosk_page in kiosk_part: view! { <KioskScreens /> }
);

/// On a kiosk, beside the routes: the idle watcher, the take-away QR and "Start over?",
/// from the kiosk's part.
#[component]
pub fn KioskLayerHost() -> impl IntoView {
    // `Provider`: a child owner, so the routes beside it do not see the marker.
    view! { <Provider value=KioskLayer>{kiosk_page()}</Provider> }
}
on_demand!(
    /// About the data: sources, version, what was left out and why.
    about_page in about_part: view! { <About /> }
);
