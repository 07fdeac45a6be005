//! `/trip`: "My trip". The visitor's order is kept; it changes only by their hand (drag,
//! the up/down buttons, reverse) or when they ask for **Optimise**, which keeps the first
//! stop and can be undone with one tap (the rule is `ocop_core::trip::Trip::optimise`).
//! Legs follow the travel graph (`ocop_core::network`: roads, ferries, bay boats), the trip
//! is split into days (`ocop_core::itinerary`), and totals are estimates. The trip can leave
//! as Google Maps directions per day (cut at every boat), as a GPX file with a route per
//! day, or as a link (`/trip?stops=s.<id>,p.<id>`) that opens it on another device.

mod actions;
mod days;
mod export;
mod plan;
mod shared;
mod stops;

use crate::components::lang_of;
use crate::components::map::{MapMarker, PlaceMap};
use crate::components::trip_parts::{totals_text, MonthPicker};
use crate::i18n::*;
use crate::state::language::localized;
use crate::state::{use_app_data, use_visitor};
use actions::TripActions;
use days::TripDays;
use export::TakeTripWithYou;
use leptos::prelude::*;
use leptos_router::components::A;
use ocop_core::model::StopRef;
use ocop_core::places::place;
use ocop_core::trip::Trip;
use plan::TripPlan;
use shared::SharedTripOffer;

#[component]
pub fn TripPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let trip = use_visitor().trip;
    let plan = Memo::new(move |_| trip.with(|t| TripPlan::new(data.dataset(), t)));
    let known = Memo::new(move |_| plan.with(|p| p.known.clone()));
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
                    {move || plan.with(|p| totals_text(i18n, &p.path))}
                    {move || {
                        let count = plan.with(|p| p.days.len());
                        (count > 1).then(|| view! { " · " <span data-testid="trip-day-count">{move || t_count!(i18n, trip_days, count)}</span> })
                    }}
                    {move || (plan.with(|p| p.path.ferry_legs) > 0).then(|| view! { <span class="badge badge-ferry">{t!(i18n, includes_ferry)}</span> })}
                </p>
                <p class="muted">{t!(i18n, estimates_note)}</p>
                <MonthPicker />
                <TripActions />
                <TripMap known />
                <TripDays plan />
                <TakeTripWithYou plan />
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
