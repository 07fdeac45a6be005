//! The installable, offline-first side of the app as the visitor sees it: an offline
//! banner with the date of the data on screen, the "update available" prompt, and on iOS
//! (which has no install prompt) a short "Add to Home Screen" hint.
//!
//! The service worker and its registration are plain JavaScript (`public/sw.js`,
//! `public/pwa.js`); `browser::pwa` reads what `pwa.js` exposes.

use crate::browser::pwa::{apply_update, is_ios_browser, online, update_ready};
use crate::browser::storage::{storage_get, storage_set};
use crate::i18n::*;
use crate::state::use_app_data;
use leptos::prelude::*;

const INSTALL_HINT_KEY: &str = "ocop.install-hint-dismissed.v1";

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
    let online = RwSignal::new(online());
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
