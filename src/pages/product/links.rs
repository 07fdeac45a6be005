//! Where the product leads: where to buy it (the one answer of
//! `ocop_core::where_to_buy`, which the shopping list groups by too), the places that make
//! or sell it with "add them to my trip", and the curated routes that stop at any of them.

use crate::components::external_link::ExternalLink;
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
use ocop_core::url::is_safe_http_url;
use ocop_core::where_to_buy::{where_to_buy, OnSite};

/// Where to buy the product at `index`: its places best first, each saying how it has the
/// product (stocked, grown, made, sold…) with a sales point's address, its web shops, or —
/// only when the data knows neither — "no shop known" with the dataset's OCOP centres.
/// The shopping list files the product under the first of these places. The lists only:
/// `BuyFacts` (facts.rs) draws them in its section, above the price.
#[component]
pub fn WhereToBuyAnswer(index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let data = use_app_data();
    let dataset = data.dataset();
    let answer = where_to_buy(dataset, &data.places, index);
    let nothing_known = answer.nothing_known();
    let place_row = |stop: &StopRef, how: Option<OnSite>| {
        let found = places::place(dataset, stop)?;
        let name = found.name.clone();
        // A shop's address and opening hours, as the data gives them, to find it open.
        let point = match stop {
            StopRef::SalesPoint(id) => dataset.sales_point(id),
            StopRef::Spot(_) => None,
        };
        let address = point.and_then(|p| p.address.clone());
        let hours = point.map(|p| p.opening_hours.clone()).map(move |hours| {
            move || match &hours {
                Some(h) => t_string!(i18n, hours, hours = h.get(lang()).to_string()).to_string(),
                None => t_string!(i18n, hours_unknown).to_string(),
            }
        });
        Some(view! {
            <li class="sales-point" data-testid="buy-place">
                <A href=localized(&places::place_path(stop))>{move || name.get(lang()).to_string()}</A>
                {how.map(|how| view! { <span class="muted">" · " {move || labels::on_site(i18n, how)}</span> })}
                {address.map(|a| view! { <br /> <span lang="vi">{a}</span> })}
                {hours.map(|h| view! { <br /> <span class="muted">{h}</span> })}
            </li>
        })
    };
    let places_view: Vec<_> = answer
        .places
        .iter()
        .filter_map(|o| place_row(&o.stop, Some(o.how)))
        .collect();
    let centres: Vec<_> = answer
        .ocop_centres
        .iter()
        .filter_map(|s| place_row(s, None))
        .collect();
    let online = answer
        .online
        .into_iter()
        .filter(|l| is_safe_http_url(&l.url))
        .map(|l| {
            let name = labels::channel(i18n, l.channel);
            view! { <li><ExternalLink href=l.url>{t_string!(i18n, online_prefix, name = name.clone()).to_string()}</ExternalLink></li> }
        })
        .collect_view();
    view! {
        <ul class="plain buy-list">{places_view} {online}</ul>
        {nothing_known.then(|| view! {
            <p class="muted" data-testid="no-shop-known">{t!(i18n, buy_no_shop_known)}</p>
            <ul class="plain buy-list">{centres}</ul>
        })}
    }
    .into_any()
}

/// The places of the product at `index`; nothing when it has none.
#[component]
pub fn ProductPlaces(index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let data = use_app_data();
    let dataset = data.dataset();
    // In the where-to-buy order, saying how each has it: the list files the product under
    // the first of these (`ocop_core::where_to_buy`).
    let outlets = where_to_buy(dataset, &data.places, index).places;
    let stops: Vec<StopRef> = outlets.iter().map(|o| o.stop.clone()).collect();
    let rows: Vec<_> = outlets
        .iter()
        .filter_map(|o| places::place(dataset, &o.stop).map(|p| (p, o.how)))
        .map(|(p, how)| {
            (
                p.stop.clone(),
                p.name.clone(),
                (p.kind.key(), how),
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
                                    " · " {move || labels::place_kind(i18n, kind.0)} " · " {move || labels::on_site(i18n, kind.1)}
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
