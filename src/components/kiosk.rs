//! Kiosk mode: the same app on a touch screen in a public place.
//!
//! A device becomes a kiosk by opening `/kiosk` (point the kiosk browser's start page
//! there; `state::kiosk`). From then on, for the life of the page: the visitor's list and
//! trip live in memory only (`state::Persistence::MemoryOnly`), the language is not
//! remembered, links that would leave the app become QR codes (`components::external_link`),
//! pinch-zoom, text selection and overscroll navigation are off (`browser::page`), and after
//! `kiosk.idle_seconds` without a touch a countdown offers to continue, then everything
//! starts over on the attract screen. A crash reloads `/kiosk` (see `public/pwa.js`), which
//! wipes storage again.
//!
//! The timing rule is `ocop_core::kiosk::idle_phase`; this module only wires it to the
//! browser's events and clock.

use crate::browser::page;
use crate::browser::pwa::{apply_update, update_ready};
use crate::browser::storage::clear_session_storage;
use crate::i18n::*;
use crate::state::kiosk::{use_kiosk_overlay, KioskView, KIOSK_PATH};
use crate::state::use_visitor;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use ocop_core::kiosk::{idle_phase, IdlePhase, KioskConfig};
use std::time::Duration;

/// Starts over for the next visitor: empty list and trip, default language, no filters,
/// top of the attract screen. Nothing is left in storage because a kiosk never writes the
/// visitor's state there (memory only) and never saves the language; session storage is
/// cleared too.
pub fn start_over() -> impl Fn() + Clone + 'static {
    let visitor = use_visitor();
    let navigate = use_navigate();
    let overlay = use_kiosk_overlay();
    move || {
        if let Some(overlay) = overlay {
            overlay.set(KioskView::Browsing);
        }
        visitor.list.set(Default::default());
        visitor.trip.set(Default::default());
        visitor.visit_month.set(None);
        visitor.notices.set(Vec::new());
        clear_session_storage();
        // The attract screen's path is the Vietnamese one: the default language comes with it.
        // Filters, search text and map views live in the URL and the pages: leaving them
        // for the attract screen drops them all.
        navigate(
            KIOSK_PATH,
            NavigateOptions {
                replace: true,
                ..NavigateOptions::default()
            },
        );
        page::scroll_to_top();
        // A kiosk has nobody to tap "Update now": a waiting build takes over between visitors.
        if update_ready() {
            apply_update();
        }
    }
}

/// Watches for touches, keys and wheel turns; shows the countdown when the kiosk has been
/// left alone and starts over when it runs out. Any touch cancels the countdown.
#[component]
pub fn IdleWatcher(config: KioskConfig) -> impl IntoView {
    let i18n = use_i18n();
    // A value an operator mistyped in config.json fell back to its default: say which.
    for warning in &config.warnings {
        leptos::logging::warn!("config.json: {warning}");
    }
    let location = use_location();
    let last_touch = StoredValue::new(page::now_ms());
    let phase = RwSignal::new(IdlePhase::Active);
    let touched = move || {
        last_touch.set_value(page::now_ms());
        phase.set(IdlePhase::Active);
    };
    for handle in [
        window_event_listener(leptos::ev::pointerdown, move |_| touched()),
        window_event_listener(leptos::ev::keydown, move |_| touched()),
        window_event_listener(leptos::ev::wheel, move |_| touched()),
    ] {
        std::mem::forget(handle);
    }
    let visitor = use_visitor();
    // Made here, where the router and i18n contexts are in reach; the interval's callback
    // holds only a handle to it, which goes with the watcher.
    let reset = StoredValue::new_local(start_over());
    let tick = move || {
        // A tick can still arrive while the watcher is being torn down: then do nothing.
        let (Some(last), Some(on_attract)) = (
            last_touch.try_get_value(),
            location.pathname.try_with_untracked(|p| p == KIOSK_PATH),
        ) else {
            return;
        };
        let idle = (page::now_ms() - last).max(0.0) as u64;
        // Someone may have swiped "back" to the attract screen and walked away.
        let left_something = visitor.list.with_untracked(|l| !l.is_empty())
            || visitor.trip.with_untracked(|t| !t.is_empty())
            || visitor.visit_month.with_untracked(Option::is_some);
        match idle_phase(&config, idle) {
            // The attract screen has nothing to warn about: start over quietly.
            IdlePhase::Countdown { .. } | IdlePhase::Reset if on_attract => {
                last_touch.set_value(page::now_ms());
                if left_something {
                    reset.with_value(|reset| reset());
                } else if i18n.get_locale_untracked() != Locale::vi {
                    i18n.set_locale(Locale::vi);
                }
            }
            IdlePhase::Reset => {
                last_touch.set_value(page::now_ms());
                phase.set(IdlePhase::Active);
                reset.with_value(|reset| reset());
            }
            now => {
                if phase.get_untracked() != now {
                    phase.set(now);
                }
            }
        }
    };
    if let Some(handle) = page::every(Duration::from_millis(250), tick) {
        on_cleanup(move || handle.clear());
    }

    // The dialog is drawn once per countdown and only its number changes, so focus and the
    // screen reader stay on it; "Continue" is focused so Enter or a switch also cancels.
    let counting = Memo::new(move |_| matches!(phase.get(), IdlePhase::Countdown { .. }));
    let seconds_left = move || match phase.get() {
        IdlePhase::Countdown { seconds_left } => seconds_left,
        _ => 0,
    };
    let continue_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if counting.get() {
            if let Some(button) = continue_button.get() {
                let _ = button.focus();
            }
        }
    });
    view! {
        <Show when=move || counting.get()>
            <div class="kiosk-countdown" role="alertdialog" aria-modal="true" aria-labelledby="countdown-title" aria-describedby="countdown-text" data-testid="kiosk-countdown">
                <div class="kiosk-countdown-box">
                    <h2 id="countdown-title">{t!(i18n, kiosk_still_there)}</h2>
                    <p id="countdown-text" class="kiosk-countdown-number">
                        {move || t_string!(i18n, kiosk_starting_over_in, count = seconds_left()).to_string()}
                    </p>
                    // A touch anywhere cancels (window listener); a click from a screen reader
                    // or switch device arrives only here.
                    <button type="button" class="button kiosk-continue" node_ref=continue_button on:click=move |_| touched()>
                        {t!(i18n, kiosk_continue)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
