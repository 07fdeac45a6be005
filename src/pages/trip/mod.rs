//! `/trip`: "My trip". The visitor's order is kept; it changes only by their hand (drag,
//! the up/down buttons, reverse) or when they ask for **Optimise**, which keeps the first
//! stop and can be undone with one tap (the rule is `ocop_core::trip::Trip::optimise`).
//! Totals and legs are estimates. The trip can leave as Google Maps directions (split into
//! links of 10 points), as a GPX file, or as a link (`/trip?stops=s.<id>,p.<id>`) that opens
//! it on another device.

mod actions;
mod export;
mod shared;
mod stops;

use crate::components::lang_of;
use crate::components::map::{MapMarker, PlaceMap};
use crate::components::trip_parts::{totals_text, MonthPicker};
use crate::i18n::*;
use crate::state::language::localized;
use crate::state::{use_app_data, use_visitor};
use actions::TripActions;
use export::TakeTripWithYou;
use leptos::prelude::*;
use leptos_router::components::A;
use ocop_core::model::StopRef;
use ocop_core::places::place;
use ocop_core::travel::estimate_path;
use ocop_core::trip::Trip;
use shared::SharedTripOffer;
use stops::TripStops;

#[component]
pub fn TripPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let trip = use_visitor().trip;
    // The trip's places that the dataset knows, in trip order.
    let known = {
        let data = data.clone();
        Memo::new(move |_| {
            let dataset = data.dataset();
            trip.with(|t| {
                t.stops()
                    .iter()
                    .filter(|s| place(dataset, s).is_some())
                    .cloned()
                    .collect::<Vec<StopRef>>()
            })
        })
    };
    let estimate = Memo::new(move |_| {
        let dataset = data.dataset();
        let points: Vec<_> = known
            .get()
            .iter()
            .filter_map(|s| place(dataset, s))
            .map(|p| p.waypoint())
            .collect();
        estimate_path(&points)
    });
    let empty = move || trip.with(Trip::is_empty);
    view! {
        <section class="trip-page">
            <h1>{t!(i18n, trip_title)}</h1>
            <SharedTripOffer />
            <Show
                when=move || !empty()
                fallback=move || view! {
                    <p data-testid="trip-empty">{t!(i18n, trip_empty)}</p>
                    <p><A href=localized("/map") attr:class="button">{t!(i18n, nav_map)}</A> " " <A href=localized("/routes") attr:class="button button-secondary">{t!(i18n, nav_routes)}</A></p>
                }
            >
                <p class="route-totals" data-testid="trip-totals">
                    {move || totals_text(i18n, &estimate.get())}
                    {move || (estimate.get().ferry_legs > 0).then(|| view! { <span class="badge badge-ferry">{t!(i18n, includes_ferry)}</span> })}
                </p>
                <p class="muted">{t!(i18n, estimates_note)}</p>
                <MonthPicker />
                <TripActions />
                <TripMap known />
                <TripStops estimate />
                <TakeTripWithYou known />
            </Show>
        </section>
    }
    .into_any()
}

/// The known stops on the map, numbered in trip order and joined by a line; out-of-season
/// stops (for the chosen visit month) faded.
#[component]
fn TripMap(known: Memo<Vec<StopRef>>) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let visit_month = use_visitor().visit_month;
    let tiles = data.tiles.clone();
    let markers = Signal::derive(move || {
        let dataset = data.dataset();
        let lang = lang_of(i18n.get_locale());
        let month = visit_month.get();
        known
            .get()
            .iter()
            .filter_map(|s| place(dataset, s))
            .enumerate()
            .map(|(i, p)| {
                MapMarker::from_place(&p, lang)
                    .numbered(i + 1)
                    .dimmed(month.and_then(|m| p.in_season(m)) == Some(false))
            })
            .collect::<Vec<_>>()
    });
    let path = Signal::derive(move || markers.with(|m| m.iter().map(|m| (m.lat, m.lon)).collect::<Vec<_>>()));
    view! {
        <PlaceMap markers path label=Signal::derive(move || t_string!(i18n, trip_map_label).to_string()) tiles />
    }
}
