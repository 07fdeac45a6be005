//! "Start over?": the header's "Start over" asks first and says what it clears, because on a
//! public screen a stray tap must not wipe a visitor's list. A real modal: focus starts on
//! the safe answer, Tab and Shift+Tab stay on its two buttons, Escape keeps browsing.

use crate::components::kiosk::start_over;
use crate::i18n::*;
use crate::state::use_visitor;
use leptos::prelude::*;
use ocop_core::trip::Trip;

/// Keeps Tab and Shift+Tab on a dialog's buttons (in order, wrapping) and closes it on
/// Escape; focuses the first button when it opens. `focused` is the button that has focus,
/// kept by the buttons' `focus` handlers (no `document.activeElement` outside
/// `src/browser/`).
pub fn modal_keys(
    buttons: Vec<NodeRef<leptos::html::Button>>,
    focused: RwSignal<usize>,
    close: Callback<()>,
) {
    let count = buttons.len().max(1);
    let first = buttons.first().copied();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| match ev.key().as_str() {
        "Escape" => close.run(()),
        "Tab" => {
            ev.prevent_default();
            let now = focused.get_untracked();
            let next = if ev.shift_key() {
                (now + count - 1) % count
            } else {
                (now + 1) % count
            };
            if let Some(button) = buttons.get(next).and_then(|b| b.get_untracked()) {
                let _ = button.focus();
            }
        }
        _ => {}
    });
    on_cleanup(move || keys.remove());
    Effect::new(move |_| {
        if let Some(button) = first.and_then(|b| b.get()) {
            let _ = button.focus();
        }
    });
}

#[component]
pub fn ConfirmStartOver(close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let visitor = use_visitor();
    let items = visitor.list.with_untracked(|l| l.len());
    let stops = visitor.trip.with_untracked(Trip::len);
    let start_over = start_over();
    let keep = NodeRef::<leptos::html::Button>::new();
    let clear = NodeRef::<leptos::html::Button>::new();
    let focused = RwSignal::new(0usize);
    modal_keys(vec![keep, clear], focused, close);
    view! {
        <div class="kiosk-modal" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-text" data-testid="kiosk-confirm">
            <div class="kiosk-modal-box">
                <h2 id="confirm-title">{t!(i18n, kiosk_confirm_title)}</h2>
                <div id="confirm-text">
                    <p>{t!(i18n, kiosk_confirm_clears)}</p>
                    <ul class="kiosk-confirm-what">
                        <li data-testid="confirm-list">{move || t_count!(i18n, kiosk_confirm_list, count = items)}</li>
                        <li data-testid="confirm-trip">{move || t_count!(i18n, kiosk_confirm_trip, count = stops)}</li>
                        <li>{t!(i18n, kiosk_confirm_rest)}</li>
                    </ul>
                </div>
                <div class="actions">
                    <button type="button" class="button" node_ref=keep on:focus=move |_| focused.set(0) on:click=move |_| close.run(()) data-testid="kiosk-confirm-cancel">
                        {t!(i18n, kiosk_confirm_cancel)}
                    </button>
                    <button type="button" class="button button-secondary" node_ref=clear on:focus=move |_| focused.set(1) on:click=move |_| start_over() data-testid="kiosk-confirm-start-over">
                        {t!(i18n, kiosk_confirm_yes)}
                    </button>
                </div>
            </div>
        </div>
    }
}
