//! `/routes` and `/routes/<id>`: the curated tourism routes. Each stop lists the products to
//! buy there; distances and times are estimates on the travel graph (`ocop_core::network`) and
//! say so.

use crate::components::about_info::AboutThisInformation;
use crate::components::labels;
use crate::components::lang_of;
use crate::components::list_parts::AddAllToList;
use crate::components::map::{MapMarker, PlaceMap};
use crate::components::trip_parts::{totals_text, AddToTrip, LegSteps, MonthPicker, SeasonBadge};
use crate::i18n::*;
use crate::state::language::localized;
use crate::state::use_visitor;
use crate::state::{use_app_data, AppData};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use ocop_core::model::Dataset;
use ocop_core::model::Route;
use ocop_core::network::{Network, PathEstimate};
use ocop_core::places::{place_path, route_places, Place};

/// A curated route's legs on the same travel graph as "My trip" (issue 20).
fn route_estimate(dataset: &Dataset, places: &[Place]) -> PathEstimate {
    Network::new(dataset).path(&places.iter().map(Place::waypoint).collect::<Vec<_>>())
}

#[component]
pub fn RouteList() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let lang = move || lang_of(i18n.get_locale());
    let dataset = data.dataset();
    let cards = dataset
        .routes
        .iter()
        .map(|route| {
            let places = route_places(dataset, route);
            let estimate = route_estimate(dataset, &places);
            let has_ferry = estimate.ferry_legs > 0;
            let stops: Vec<ocop_core::LocalText> = places.iter().map(|p| p.name.clone()).collect();
            let Route {
                id,
                name,
                theme,
                best_months,
                ..
            } = route.clone();
            let months = best_months.clone();
            let count = stops.len();
            view! {
                <li class="route-card card" data-testid="route-card">
                    <h2>
                        <A href=localized(&format!("/routes/{id}")) attr:class="card-link">{move || name.get(lang()).to_string()}</A>
                    </h2>
                    <p>{move || theme.get(lang()).to_string()}</p>
                    <p class="route-stops">
                        {move || t_count!(i18n, route_stop_count, count)} ": "
                        {move || stops.iter().map(|s| s.get(lang()).to_string()).collect::<Vec<_>>().join(" → ")}
                    </p>
                    <p class="route-totals">
                        {move || totals_text(i18n, &estimate)}
                        {has_ferry.then(|| view! { <span class="badge badge-ferry">{t!(i18n, includes_ferry)}</span> })}
                    </p>
                    <p class="muted">
                        {move || {
                            if best_months.is_empty() {
                                t_string!(i18n, season_unknown).to_string()
                            } else {
                                let names = best_months.iter().map(|m| labels::month(i18n, *m)).collect::<Vec<_>>().join(", ");
                                t_string!(i18n, best_season, months = names).to_string()
                            }
                        }}
                        " "
                        <SeasonBadge months />
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section>
            <h1>{t!(i18n, routes_title)}</h1>
            <p class="muted">{t!(i18n, estimates_note)}</p>
            <MonthPicker />
            <ul class="plain route-list">{cards}</ul>
        </section>
    }
    .into_any()
}

#[component]
pub fn RoutePage() -> impl IntoView {
    let params = use_params_map();
    let data = use_app_data();
    let i18n = use_i18n();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        match data.dataset().routes.iter().position(|r| r.id == id) {
            Some(index) => view! { <RouteDetails data=data.clone() index /> }.into_any(),
            None => view! {
                <section class="not-found" data-testid="route-not-found">
                    <h1>{t!(i18n, route_not_found)}</h1>
                    <A href=localized("/routes") attr:class="button">{t!(i18n, nav_routes)}</A>
                </section>
            }
            .into_any(),
        }
    }
}

#[component]
fn RouteDetails(data: AppData, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let visitor = use_visitor();
    let lang = move || lang_of(i18n.get_locale());
    let dataset = data.dataset();
    let route = dataset.routes[index].clone();
    let places = route_places(dataset, &route);
    let estimate = route_estimate(dataset, &places);
    let stops: Vec<_> = places.iter().map(|p| p.stop.clone()).collect();

    let markers: Vec<MapMarker> = places
        .iter()
        .enumerate()
        .map(|(i, p)| MapMarker::from_place(p, lang_of(i18n.get_locale_untracked())).numbered(i + 1))
        .collect();
    let path: Vec<(f64, f64)> = places
        .iter()
        .map(|p| (p.coordinates.lat, p.coordinates.lon))
        .collect();

    let product_ids: Vec<String> = data
        .places
        .products_for(&stops)
        .into_iter()
        .map(|i| dataset.products[i].id.clone())
        .collect();
    let trip_added = RwSignal::new(None::<usize>);
    let add_route_to_trip = {
        let stops = stops.clone();
        move |_| {
            let mut count = 0;
            visitor.trip.update(|t| count = t.add_all(stops.iter().cloned()));
            trip_added.set(Some(count));
        }
    };

    let itinerary = places
        .iter()
        .enumerate()
        .map(|(i, place)| {
            let note = route.stops.iter().find(|s| s.place == place.stop).and_then(|s| s.note.clone());
            let name = place.name.clone();
            let products: Vec<(String, ocop_core::LocalText)> = data
                .places
                .products_at(&place.stop)
                .iter()
                .map(|&p| (dataset.products[p].id.clone(), dataset.products[p].name.clone()))
                .collect();
            let leg = estimate.legs.get(i).cloned();
            let kind = place.kind.key();
            let events: Vec<_> = place.events.to_vec();
            let months = place.season_months.to_vec();
            let title = name.clone();
            view! {
                <li class="stop" data-testid="route-stop">
                    <h3>
                        <span class="stop-number" aria-hidden="true">{i + 1}</span>
                        <A href=localized(&place_path(&place.stop))>{move || title.get(lang()).to_string()}</A>
                    </h3>
                    <p class="muted">{move || labels::place_kind(i18n, kind)} " " <SeasonBadge months /></p>
                    {note.map(|n| view! { <p>{move || n.get(lang()).to_string()}</p> })}
                    {events
                        .into_iter()
                        .map(|e| {
                            view! {
                                <p class="event">
                                    <span class="badge badge-event">{t!(i18n, festival)}</span> " "
                                    {move || format!("{}: {}", e.name.get(lang()), e.when.get(lang()))}
                                </p>
                            }
                        })
                        .collect_view()}
                    {(!products.is_empty()).then(|| view! {
                        <p class="stop-products">
                            <span>{t!(i18n, buy_here)} " "</span>
                            {products
                                .into_iter()
                                .enumerate()
                                .map(|(j, (id, name))| view! {
                                    {(j > 0).then_some(", ")}
                                    <A href=localized(&format!("/p/{id}"))>{move || name.get(lang()).to_string()}</A>
                                })
                                .collect_view()}
                        </p>
                    })}
                    <AddToTrip stop=place.stop.clone() name=Signal::derive(move || name.get(lang()).to_string()) />
                    {leg.map(|leg| view! { <LegSteps leg /> })}
                </li>
            }
        })
        .collect_view();

    let Route {
        name,
        theme,
        best_months,
        season_note,
        summary,
        ..
    } = route.clone();
    let heading = name.clone();
    view! {
        <article class="route-page">
            <p><A href=localized("/routes")>{t!(i18n, all_routes)}</A></p>
            <h1>{move || heading.get(lang()).to_string()}</h1>
            <p>{move || theme.get(lang()).to_string()}</p>
            {summary.map(|s| view! { <p class="lead">{move || s.get(lang()).to_string()}</p> })}
            <p class="route-totals" data-testid="route-totals">
                {move || totals_text(i18n, &estimate)}
            </p>
            {season_note.map(|n| view! { <p>{move || n.get(lang()).to_string()}</p> })}
            <div class="row">
                <MonthPicker />
                <SeasonBadge months=best_months />
            </div>
            <PlaceMap
                markers=Signal::stored(markers)
                path=Signal::stored(path)
                label=Signal::derive(move || t_string!(i18n, route_map_label, route = name.get(lang()).to_string()).to_string())
                tiles=data.tiles.clone()
            />
            <div class="actions">
                <AddAllToList products=product_ids />
                <button type="button" class="button button-secondary" on:click=add_route_to_trip>
                    {t!(i18n, add_route_to_trip)}
                </button>
            </div>
            <p role="status" class="muted">
                {move || trip_added.get().map(|count| t_count!(i18n, added_to_trip, count))}
            </p>
            <h2>{t!(i18n, itinerary)}</h2>
            <ol class="plain itinerary">{itinerary}</ol>
            // How the totals are estimated is the route's caveat: after the itinerary, as
            // the product and place pages put theirs (issue 19).
            <AboutThisInformation>
                <p>{t!(i18n, estimates_note)}</p>
                <p class="muted">{t!(i18n, route_sources_note)}</p>
            </AboutThisInformation>
        </article>
    }
    .into_any()
}
