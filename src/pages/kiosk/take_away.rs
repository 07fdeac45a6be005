//! "Take it with you": the list and the trip as one full-screen QR code, sized so a phone
//! reads it from arm's length (`ocop_core::kiosk::take_away_module_px`: whole CSS pixels a
//! module), with what it carries, "Scan with your phone camera" in the three languages (the
//! visitor's companion may read another), and its own countdown back to browsing.

use super::confirm::modal_keys;
use crate::browser::page;
use crate::components::qr_code::QrCode;
use crate::i18n::*;
use crate::state::language::page_lang;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use ocop_core::kiosk::{take_away_link, take_away_module_px, TAKE_AWAY_MIN_MODULE_PX};
use ocop_core::qr::qr_matrix;
use ocop_core::trip::Trip;
use std::time::Duration;

#[component]
pub fn TakeAway(close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let visitor = use_visitor();
    let items = visitor.list.with_untracked(|l| l.len());
    let stops = visitor.trip.with_untracked(Trip::len);
    // In the page's language: an English-speaking visitor gets the English list page.
    let site = format!("{}{}", page::origin(), page_lang().path_prefix());
    let link = visitor.list.with_untracked(|l| {
        visitor
            .trip
            .with_untracked(|t| take_away_link(&site, l, t.stops()))
    });
    let module_px = qr_matrix(&link)
        .map(|m| take_away_module_px(m.view_box_size()))
        .unwrap_or(TAKE_AWAY_MIN_MODULE_PX);

    // Its own timeout: a visitor who scanned and walked away leaves the kiosk browsing.
    let limit_ms = data.kiosk.resolved().take_away_ms();
    let opened = page::now_ms();
    let seconds_left = RwSignal::new(limit_ms.div_ceil(1000));
    let tick = move || {
        // A tick can still arrive while the view is being torn down: then do nothing.
        if seconds_left.try_get_untracked().is_none() {
            return;
        }
        let elapsed = (page::now_ms() - opened).max(0.0) as u64;
        if elapsed >= limit_ms {
            close.run(());
        } else {
            seconds_left.set((limit_ms - elapsed).div_ceil(1000));
        }
    };
    if let Some(handle) = page::every(Duration::from_millis(500), tick) {
        on_cleanup(move || handle.clear());
    }
    let back = NodeRef::<leptos::html::Button>::new();
    modal_keys(vec![back], RwSignal::new(0), close);

    let empty = items == 0 && stops == 0;
    let code = (!empty).then(|| {
        view! {
            <QrCode
                link=link
                label=Signal::derive(move || t_string!(i18n, list_qr_label).to_string())
                too_long=Signal::derive(move || t_string!(i18n, list_qr_too_long).to_string())
                module_px=module_px
            />
            <ul class="plain kiosk-scan-lines" data-testid="take-away-scan">
                <li lang="vi">{td_string!(Locale::vi, kiosk_scan_with_camera)}</li>
                <li lang="en">{td_string!(Locale::en, kiosk_scan_with_camera)}</li>
                <li lang="zh">{td_string!(Locale::zh, kiosk_scan_with_camera)}</li>
            </ul>
        }
    });
    view! {
        <div class="kiosk-take-away" role="dialog" aria-modal="true" aria-labelledby="take-away-title" data-testid="kiosk-take-away" data-module-px=module_px>
            <h2 id="take-away-title">{t!(i18n, kiosk_take_away_title)}</h2>
            <p class="kiosk-take-away-count" data-testid="take-away-count">
                {move || t_count!(i18n, kiosk_take_away_products, count = items)} " · "
                {move || t_count!(i18n, kiosk_take_away_stops, count = stops)}
            </p>
            {code}
            {empty.then(|| view! { <p class="notice" data-testid="take-away-empty">{t!(i18n, kiosk_take_away_empty)}</p> })}
            <p class="muted" data-testid="take-away-timer">
                {move || t_string!(i18n, kiosk_take_away_back_in, count = seconds_left.get()).to_string()}
            </p>
            <button type="button" class="button kiosk-take-away-back" node_ref=back on:click=move |_| close.run(()) data-testid="take-away-close">
                {t!(i18n, kiosk_back_to_browsing)}
            </button>
        </div>
    }
}
