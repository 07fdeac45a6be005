//! Where the product leads: the places that make or sell it (spots listing it, its sales
//! points), with "add them to my trip", and the curated routes that stop at any of them.

use crate::components::labels;
use crate::components::lang_of;
use crate::i18n::*;
use crate::state::language::localized;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use leptos_router::components::A;
use ocop_core::geo;
use ocop_core::model::StopRef;
use ocop_core::places;

/// The places of the product at `index`; nothing when it has none.
#[component]
pub fn ProductPlaces(index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let data = use_app_data();
    let dataset = data.dataset();
    let stops: Vec<StopRef> = data.places.places_of(index).cloned().collect();
    let rows: Vec<_> = stops
        .iter()
        .filter_map(|s| places::place(dataset, s))
        .map(|p| {
            (
                p.stop.clone(),
                p.name.clone(),
                p.kind.key(),
                geo::district(p.district),
            )
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let trip = use_visitor().trip;
    let added = RwSignal::new(None::<usize>);
    let add_all = move |_| {
        let mut count = 0;
        trip.update(|t| count = t.add_all(stops.iter().cloned()));
        added.set(Some(count));
    };
    Some(view! {
        <section aria-labelledby="places-title">
            <h2 id="places-title">{t!(i18n, places_to_visit)}</h2>
            <ul class="plain link-list">
                {rows
                    .into_iter()
                    .map(|(stop, name, kind, district)| {
                        view! {
                            <li>
                                <A href=localized(&places::place_path(&stop))>{move || name.get(lang()).to_string()}</A>
                                <span class="muted">
                                    " · " {move || labels::place_kind(i18n, kind)}
                                    {district.map(|d| view! { " · " {move || d.name().get(lang()).to_string()} })}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <button type="button" class="button button-secondary" on:click=add_all>
                {t!(i18n, add_places_to_trip)}
            </button>
            <p role="status" aria-live="polite" class="muted">
                {move || added.get().map(|count| t_count!(i18n, added_to_trip, count))}
            </p>
        </section>
    })
}

/// The curated routes through the product's places; nothing when there are none.
#[component]
pub fn ProductRoutes(index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let data = use_app_data();
    let dataset = data.dataset();
    let routes: Vec<(String, ocop_core::LocalText)> = data
        .places
        .routes_of(index)
        .into_iter()
        .map(|r| (dataset.routes[r].id.clone(), dataset.routes[r].name.clone()))
        .collect();
    (!routes.is_empty()).then(|| {
        view! {
            <section aria-labelledby="routes-title">
                <h2 id="routes-title">{t!(i18n, routes_with_product)}</h2>
                <ul class="plain link-list">
                    {routes
                        .into_iter()
                        .map(|(id, name)| view! { <li><A href=localized(&format!("/routes/{id}"))>{move || name.get(lang()).to_string()}</A></li> })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
