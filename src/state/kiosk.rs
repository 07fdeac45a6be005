//! Whether this page runs as a kiosk: decided once, at start, by the path it was opened at
//! (`/kiosk`), and provided as context. What a kiosk does differently is described in
//! `components/kiosk.rs` and docs/kiosk-and-offline.md.

use crate::browser::page;
use leptos::prelude::*;

/// The attract screen's path, and the start page of a kiosk.
pub const KIOSK_PATH: &str = "/kiosk";
/// Where "Touch to start" leads: the kiosk's home with its tiles.
pub const KIOSK_HOME_PATH: &str = "/kiosk/home";
/// The places and routes near the kiosk.
pub const KIOSK_NEARBY_PATH: &str = "/kiosk/nearby";

/// Whether this page runs as a kiosk; provided as context by the app shell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KioskMode(pub bool);

/// True when the page was opened at `/kiosk`, in any language (`/en/kiosk`): decided once,
/// at start.
pub fn started_as_kiosk() -> bool {
    let path = page::path();
    let (_, path) = ocop_core::Lang::split_path(&path);
    path == KIOSK_PATH || path.starts_with("/kiosk/")
}

pub fn use_kiosk() -> bool {
    use_context::<KioskMode>().is_some_and(|k| k.0)
}

/// What a kiosk shows over the page it is on: nothing, the full-screen take-away QR, or the
/// "Start over?" question. Set from the header's kiosk tools (main part), drawn by
/// `pages::kiosk::KioskOverlays` (the kiosk's part, with the QR encoder).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KioskView {
    #[default]
    Browsing,
    TakeAway,
    ConfirmStartOver,
}

/// The kiosk's overlay, as context.
#[derive(Clone, Copy, Debug)]
pub struct KioskOverlay(pub RwSignal<KioskView>);

/// Provides [`KioskMode`] and, on a kiosk, its [`KioskOverlay`].
pub fn provide_kiosk_mode(kiosk: bool) {
    provide_context(KioskMode(kiosk));
    if kiosk {
        provide_context(KioskOverlay(RwSignal::new(KioskView::Browsing)));
    }
}

/// The kiosk's overlay; `None` off a kiosk.
pub fn use_kiosk_overlay() -> Option<RwSignal<KioskView>> {
    use_context::<KioskOverlay>().map(|o| o.0)
}

/// Marks the kiosk part's drawing that sits beside the routes (idle watcher and overlays)
/// rather than a page (`app::parts::KioskLayerHost`).
#[derive(Clone, Copy, Debug)]
pub struct KioskLayer;
