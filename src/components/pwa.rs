//! The installable, offline-first side of the app as the visitor sees it: an offline
//! banner with the date of the data on screen, the "update available" prompt, and on iOS
//! (which has no install prompt) a short "Add to Home Screen" hint.
//!
//! The service worker and its registration are plain JavaScript (`public/sw.js`,
//! `public/pwa.js`); this module reads what `pwa.js` exposes on `window.ocopPwa`.

use crate::app::use_app_data;
use crate::browser::{storage_get, storage_set};
use crate::i18n::*;
use js_sys::{Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

const INSTALL_HINT_KEY: &str = "ocop.install-hint-dismissed.v1";

fn pwa() -> Option<JsValue> {
    Reflect::get(&window(), &"ocopPwa".into())
        .ok()
        .filter(|v| v.is_object())
}

/// Whether a new build is installed and waiting.
pub fn update_ready() -> bool {
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

/// "A new version is available — Reload".
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let i18n = use_i18n();
    let ready = RwSignal::new(update_ready());
    let handle = window_event_listener_untyped("ocop-update-ready", move |_| ready.set(true));
    on_cleanup(move || handle.remove());
    move || {
        ready.get().then(|| {
            view! {
                <div class="notice update-prompt" role="status" data-testid="update-prompt">
                    <span>{t!(i18n, update_available)}</span>
                    <button type="button" class="button" on:click=|_| apply_update()>{t!(i18n, update_reload)}</button>
                </div>
            }
        })
    }
}

/// Shown while the browser is offline: the app keeps working, with the data of a date.
#[component]
pub fn ConnectionNotice() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let date = data.dataset().meta.generated_on.clone();
    let online = RwSignal::new(window().navigator().on_line());
    let up = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let down = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        up.remove();
        down.remove();
    });
    move || {
        let date = date.clone();
        (!online.get()).then(|| {
            view! {
                <p class="notice notice-warning" role="status" data-testid="offline-notice">
                    {t_string!(i18n, offline_notice, date).to_string()}
                </p>
            }
        })
    }
}

/// iPhones and iPads have no install prompt: a one-line hint, until dismissed.
#[component]
pub fn InstallHint() -> impl IntoView {
    let i18n = use_i18n();
    let show = RwSignal::new(is_ios_browser() && storage_get(INSTALL_HINT_KEY).is_none());
    let dismiss = move |_| {
        show.set(false);
        let _ = storage_set(INSTALL_HINT_KEY, "1");
    };
    move || {
        show.get().then(|| {
            view! {
                <div class="notice install-hint" role="note" data-testid="install-hint">
                    <span>{t!(i18n, install_hint_ios)}</span>
                    <button type="button" class="button button-secondary" on:click=dismiss>{t!(i18n, dismiss)}</button>
                </div>
            }
        })
    }
}

/// Safari (or any browser) on iOS/iPadOS, not already running as an installed app.
fn is_ios_browser() -> bool {
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
