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

pub use attract::KioskAttract;
pub use home::KioskHome;
pub use nearby::KioskNearby;

use crate::state::kiosk::{use_kiosk_overlay, KioskView};
use confirm::ConfirmStartOver;
use leptos::prelude::*;
use take_away::TakeAway;

/// Where "Touch to start" leads.
pub const KIOSK_HOME_PATH: &str = "/kiosk/home";
/// The places and routes near the kiosk.
pub const KIOSK_NEARBY_PATH: &str = "/kiosk/nearby";

/// Over any page of a kiosk: the take-away QR or the "Start over?" question, as the header
/// asked (`state::kiosk::KioskView`).
#[component]
pub fn KioskOverlays() -> impl IntoView {
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
