//! What `public/pwa.js` (plain JavaScript, alive even after the wasm has crashed) exposes on
//! `window.ocopPwa`, and the browser facts the install and offline notices need.

use super::target::IN_BROWSER;
use js_sys::{Function, Reflect};
use leptos::prelude::window;
use wasm_bindgen::{JsCast, JsValue};

fn pwa() -> Option<JsValue> {
    Reflect::get(&window(), &"ocopPwa".into())
        .ok()
        .filter(|v| v.is_object())
}

/// Whether a new build is installed and waiting.
pub fn update_ready() -> bool {
    if !IN_BROWSER {
        return false;
    }
    pwa()
        .and_then(|p| Reflect::get(&p, &"updateReady".into()).ok())
        .is_some_and(|v| v.is_truthy())
}

/// Lets the waiting build take over; the page reloads.
pub fn apply_update() {
    call("applyUpdate");
}

/// Tells `pwa.js` the app has crashed (from the panic hook): it recovers the page.
pub fn report_crash() {
    call("crashed");
}

fn call(name: &str) {
    if let Some(f) = pwa()
        .and_then(|p| Reflect::get(&p, &name.into()).ok())
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = f.call0(&JsValue::NULL);
    }
}

thread_local! {
    static ANSWERED_OFFLINE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the service worker answered the latest request from its cache because the
/// network failed (`public/sw.js` marks such answers): offline, whatever `navigator.onLine`
/// says; an answer from the network clears it.
pub fn note_answered_offline(offline: bool) {
    ANSWERED_OFFLINE.with(|flag| flag.set(offline));
}

/// Whether the app is online: the browser says so, and this visit's data did not have to come
/// from the service worker's cache for want of a network. (After an offline reload served by
/// the service worker, Chromium reports `navigator.onLine` as true.)
pub fn online() -> bool {
    if !IN_BROWSER {
        return true;
    }
    window().navigator().on_line() && !ANSWERED_OFFLINE.with(|flag| flag.get())
}

/// Safari (or any browser) on iOS/iPadOS, not already running as an installed app.
pub fn is_ios_browser() -> bool {
    if !IN_BROWSER {
        return false;
    }
    let navigator = window().navigator();
    let agent = navigator.user_agent().unwrap_or_default();
    // iPadOS reports itself as a Mac; a touch screen gives it away.
    let ios = agent.contains("iPhone")
        || agent.contains("iPad")
        || agent.contains("iPod")
        || (agent.contains("Macintosh") && navigator.max_touch_points() > 1);
    let standalone = Reflect::get(&navigator, &"standalone".into()).is_ok_and(|v| v.is_truthy())
        || window()
            .match_media("(display-mode: standalone)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
    ios && !standalone
}
