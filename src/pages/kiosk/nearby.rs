//! `/kiosk/nearby`: what is near the kiosk (`config.json`'s `kiosk.location`), nearest
//! first — places within `kiosk.nearby_radius_km` (at least a few), then every route by its
//! nearest stop. Distances are as the crow flies; the place and route pages give travel
//! times.

use crate::components::labels;
use crate::components::lang_of;
use crate::i18n::*;
use crate::state::language::localized;
use crate::state::use_app_data;
use leptos::prelude::*;
use leptos_router::components::A;
use ocop_core::kiosk::{nearby_places, nearby_routes};
use ocop_core::places::place_path;

/// Places listed even when fewer are within the radius.
const AT_LEAST: usize = 4;
/// At most this many places: the list must fit a screen or two.
const MAX_PLACES: usize = 12;

/// "12.3 km", or "800 m" under a kilometre.
fn distance(km: f64) -> String {
    if km < 1.0 {
        format!("{} m", ((km * 1000.0) / 50.0).round() as u32 * 50)
    } else {
        format!("{km:.1} km")
    }
}

#[component]
pub fn KioskNearby() -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let data = use_app_data();
    let kiosk = data.kiosk.resolved();
    let Some(from) = kiosk.location else {
        return view! {
            <section class="kiosk-nearby" data-testid="kiosk-nearby">
                <h1>{t!(i18n, kiosk_nearby_title)}</h1>
                <p>{t!(i18n, kiosk_nearby_no_location)}</p>
                <p><A href=localized("/map") attr:class="button">{t!(i18n, nav_map)}</A></p>
            </section>
        }
        .into_any();
    };
    let dataset = data.dataset();
    let all = data.places.all(dataset);
    let places = nearby_places(&all, from, kiosk.nearby_radius_km, AT_LEAST)
        .into_iter()
        .take(MAX_PLACES)
        .map(|near| {
            let name = near.item.name.clone();
            let kind = near.item.kind.key();
            let href = localized(&place_path(&near.item.stop));
            view! {
                <li class="kiosk-near-item" data-testid="kiosk-near-place">
                    <A href=href attr:class="kiosk-near-link">
                        <span class="kiosk-near-name">{move || name.get(lang()).to_string()}</span>
                        <span class="muted">{move || labels::place_kind(i18n, kind)}</span>
                        <span class="kiosk-near-km" data-testid="kiosk-near-km">{distance(near.km)}</span>
                    </A>
                </li>
            }
        })
        .collect_view();
    let routes = nearby_routes(dataset, from)
        .into_iter()
        .map(|near| {
            let route = &dataset.routes[near.item];
            let name = route.name.clone();
            let href = localized(&format!("/routes/{}", route.id));
            view! {
                <li class="kiosk-near-item" data-testid="kiosk-near-route">
                    <A href=href attr:class="kiosk-near-link">
                        <span class="kiosk-near-name">{move || name.get(lang()).to_string()}</span>
                        <span class="kiosk-near-km">{distance(near.km)}</span>
                    </A>
                </li>
            }
        })
        .collect_view();
    let radius = kiosk.nearby_radius_km.round() as u32;
    view! {
        <section class="kiosk-nearby" data-testid="kiosk-nearby" aria-labelledby="kiosk-nearby-title">
            <h1 id="kiosk-nearby-title">{t!(i18n, kiosk_nearby_title)}</h1>
            <p class="muted">{move || t_string!(i18n, kiosk_nearby_note, count = radius).to_string()}</p>
            <h2>{t!(i18n, kiosk_nearby_places)}</h2>
            <ol class="plain kiosk-near-list">{places}</ol>
            <h2>{t!(i18n, kiosk_nearby_routes)}</h2>
            <ol class="plain kiosk-near-list">{routes}</ol>
        </section>
    }
    .into_any()
}
