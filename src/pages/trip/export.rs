//! "Take the trip with you": Google Maps directions (split into links of 10 points), a GPX
//! file, and a link that opens the trip on another device.

use crate::browser::{copy_text, page};
use crate::components::external_link::ExternalLink;
use crate::components::lang_of;
use crate::i18n::*;
use crate::state::language::page_lang;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use ocop_core::export::{google_maps_links, gpx, ExportStop};
use ocop_core::model::StopRef;
use ocop_core::places::place;
use ocop_core::trip::Trip;

#[component]
pub fn TakeTripWithYou(known: Memo<Vec<StopRef>>) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let trip = use_visitor().trip;
    // (name, lat, lon) of each known stop, named in the current language.
    let export_stops = move || {
        let dataset = data.dataset();
        let lang = lang_of(i18n.get_locale_untracked());
        known
            .get()
            .iter()
            .filter_map(|s| place(dataset, s))
            .map(|p| (p.name.get(lang).to_string(), p.coordinates.lat, p.coordinates.lon))
            .collect::<Vec<_>>()
    };
    let maps_links = {
        let export_stops = export_stops.clone();
        move || {
            let links = google_maps_links(&as_export(&export_stops()));
            let parts = links.len();
            links
                .into_iter()
                .enumerate()
                .map(|(i, href)| {
                    view! {
                        <li>
                            <ExternalLink class="button button-secondary" href=href>
                                {move || if parts > 1 {
                                    t_string!(i18n, open_google_maps_part, part = i + 1, parts).to_string()
                                } else {
                                    t_string!(i18n, open_google_maps).to_string()
                                }}
                            </ExternalLink>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let download_gpx = move |_| {
        let text = gpx(
            t_string!(i18n, trip_title),
            &as_export(&export_stops()),
            "OCOP Quảng Ninh",
        );
        if let Err(e) = page::download("ocop-quang-ninh-trip.gpx", "application/gpx+xml", &text) {
            leptos::logging::warn!("GPX download failed: {e}");
        }
    };
    // In the page's language, like the page.
    let prefix = page_lang().path_prefix();
    let share_link = move || {
        format!(
            "{}{prefix}/trip?stops={}",
            page::origin(),
            trip.with(Trip::to_query)
        )
    };
    let copied = RwSignal::new(false);
    let copy_link = move |_| {
        let link = share_link();
        leptos::task::spawn_local(async move { copied.set(copy_text(&link).await) });
    };
    view! {
        <h2>{t!(i18n, take_trip_with_you)}</h2>
        <ul class="plain actions">{maps_links}</ul>
        <p class="muted">{t!(i18n, google_maps_note)}</p>
        <div class="actions">
            <button type="button" class="button button-secondary" on:click=download_gpx>{t!(i18n, download_gpx)}</button>
        </div>
        <label class="field share-link">
            <span>{t!(i18n, share_link)}</span>
            <input type="text" readonly prop:value=share_link data-testid="share-link" />
        </label>
        <button type="button" class="button button-secondary" on:click=copy_link>{t!(i18n, copy_link)}</button>
        <span role="status" aria-live="polite">{move || copied.get().then(|| t_string!(i18n, copied).to_string())}</span>
    }
    .into_any()
}

/// Borrows (name, lat, lon) triples as the exporters' stops.
fn as_export(stops: &[(String, f64, f64)]) -> Vec<ExportStop<'_>> {
    stops
        .iter()
        .map(|(name, lat, lon)| ExportStop {
            name,
            lat: *lat,
            lon: *lon,
        })
        .collect()
}
