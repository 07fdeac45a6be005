//! The kiosk's own screens, all in the kiosk's part (`app/parts.rs`), so none of it weighs
//! on a phone's first load:
//!
//! - `/kiosk`, the attract screen ([`attract`]);
//! - `/kiosk/home`, where "Touch to start" leads: large tiles and search by suggestions or
//!   an on-screen keyboard, nothing that needs a keyboard the kiosk does not have
//!   ([`home`], [`search`]);
//! - `/kiosk/nearby`, the places and routes nearest the kiosk's configured location
//!   ([`nearby`]);
//! - over any page: the full-screen take-away QR ([`take_away`]) and "Start over?"
//!   ([`confirm`]), asked for by the header's kiosk buttons through
//!   `state::kiosk::KioskOverlay`.
//!
//! What to show (tiles, counts, distances, the link, module size) is `ocop_core::kiosk`.

mod attract;
mod confirm;
mod home;
mod nearby;
mod search;
mod take_away;

use crate::components::kiosk::IdleWatcher;
use crate::state::kiosk::{use_kiosk_overlay, KioskLayer, KioskView, KIOSK_HOME_PATH, KIOSK_NEARBY_PATH};
use crate::state::use_app_data;
use attract::KioskAttract;
use confirm::ConfirmStartOver;
use home::KioskHome;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use nearby::KioskNearby;
use ocop_core::Lang;
use take_away::TakeAway;

/// What the kiosk's part draws: beside the routes ([`KioskLayer`]), the idle watcher and the
/// overlays; as a page, the screen for the path.
#[component]
pub fn KioskScreens() -> impl IntoView {
    if use_context::<KioskLayer>().is_some() {
        // `config.json`'s kiosk object is read here, in the kiosk's part (ocop_core::kiosk).
        let config = use_app_data().kiosk.resolved();
        return view! { <IdleWatcher config /> <KioskOverlays /> }.into_any();
    }
    let path = use_location().pathname.get_untracked();
    match Lang::split_path(&path).1 {
        KIOSK_HOME_PATH => view! { <KioskHome /> }.into_any(),
        KIOSK_NEARBY_PATH => view! { <KioskNearby /> }.into_any(),
        _ => view! { <KioskAttract /> }.into_any(),
    }
}

/// Over any page of a kiosk: the take-away QR or the "Start over?" question, as the header
/// asked (`state::kiosk::KioskView`).
#[component]
fn KioskOverlays() -> impl IntoView {
    let overlay = use_kiosk_overlay();
    let close = Callback::new(move |()| {
        if let Some(overlay) = overlay {
            overlay.set(KioskView::Browsing);
        }
    });
    move || match overlay.map(|o| o.get()).unwrap_or_default() {
        KioskView::Browsing => None,
        KioskView::TakeAway => Some(view! { <TakeAway close /> }.into_any()),
        KioskView::ConfirmStartOver => Some(view! { <ConfirmStartOver close /> }.into_any()),
    }
}
