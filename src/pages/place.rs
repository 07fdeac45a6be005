//! `/spot/<id>` and `/sales-point/<id>`: one place in the order a visitor reads it — what it
//! is, "add to trip", what is made or sold there, its season and festivals, the curated
//! routes through it, the map; then "About this information" (the full account, how exact
//! the position is, the sources).

use crate::components::about_info::{AboutThisInformation, Sources};
use crate::components::labels;
use crate::components::lang_of;
use crate::components::list_parts::AddAllToList;
use crate::components::map::{MapMarker, PlaceMap};
use crate::components::photo::Photo;
use crate::components::product_card::ProductCard;
use crate::components::trip_parts::{AddToTrip, MonthPicker, SeasonBadge};
use crate::i18n::*;
use crate::state::language::localized;
use crate::state::use_app_data;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use ocop_core::geo;
use ocop_core::model::{Event, Precision, Product, StopRef};
use ocop_core::places::place;
use ocop_core::where_to_buy::sold_at;
use ocop_core::LocalText;

#[component]
pub fn PlacePage(make: fn(String) -> StopRef) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let data = use_app_data();
    let lang = move || lang_of(i18n.get_locale());
    move || {
        let stop = make(params.read().get("id").unwrap_or_default());
        let dataset = data.dataset();
        let Some(p) = place(dataset, &stop) else {
            return view! {
                <section class="not-found" data-testid="place-not-found">
                    <h1>{t!(i18n, place_not_found)}</h1>
                    <A href=localized("/map") attr:class="button">{t!(i18n, nav_map)}</A>
                </section>
            }
            .into_any();
        };
        let name = p.name.clone();
        let heading = p.name.clone();
        let kind = p.kind.key();
        // What it is first; the full account, with any caveats, under "About this
        // information" (as on the product page). Without a summary the description leads.
        let (lead, account) = match (p.summary.cloned(), p.description.cloned()) {
            (Some(summary), description) => (Some(summary), description),
            (None, description) => (description, None),
        };
        let season_note = p.season_note.cloned();
        let months = p.season_months.to_vec();
        let events = p.events.to_vec();
        let photos = (!p.images.is_empty()).then(|| {
            let photos = p
                .images
                .iter()
                .cloned()
                .map(|image| view! { <Photo image sizes="(min-width: 48rem) 40rem, 100vw" linked_source=true /> })
                .collect_view();
            view! { <div class="photos">{photos}</div> }
        });
        let approximate = p.coordinates.precision == Precision::Approximate;
        let district = geo::district(p.district);
        // The same answer the product pages' "where to buy" and the map's sheet give.
        let products: Vec<_> = sold_at(dataset, &data.places, &stop)
            .into_iter()
            .map(|(i, _)| dataset.products[i].clone())
            .collect();
        let routes: Vec<(String, LocalText)> = data
            .places
            .routes_at(&stop)
            .iter()
            .map(|&r| (dataset.routes[r].id.clone(), dataset.routes[r].name.clone()))
            .collect();
        let marker = MapMarker::from_place(&p, lang_of(i18n.get_locale_untracked())).selected(true);
        let map_name = name.clone();
        let sources = dataset.place_sources(&stop).to_vec();
        view! {
            <article class="place-page" data-testid="place-page">
                <p><A href=localized("/map")>{t!(i18n, back_to_map)}</A></p>
                <h1>{move || heading.get(lang()).to_string()}</h1>
                <p class="muted">
                    {move || labels::place_kind(i18n, kind)}
                    {district.map(|d| view! { " · " {move || d.name().get(lang()).to_string()} })}
                </p>
                {lead.map(|s| view! { <p class="lead">{move || s.get(lang()).to_string()}</p> })}
                {photos}
                <AddToTrip stop=stop.clone() name=Signal::derive(move || name.get(lang()).to_string()) />
                <PlaceProducts products />
                <PlaceSeason months season_note events />
                <PlaceRoutes routes />
                <PlaceMap
                    markers=Signal::stored(vec![marker])
                    label=Signal::derive(move || map_name.get(lang()).to_string())
                    tiles=data.tiles.clone()
                />
                <AboutThisInformation>
                    {account.map(|d| view! { <p class="description">{move || d.get(lang()).to_string()}</p> })}
                    {approximate.then(|| view! { <p class="muted">{t!(i18n, position_approximate)}</p> })}
                    <Sources sources />
                </AboutThisInformation>
            </article>
        }
        .into_any()
    }
}

/// What a visitor can buy here: the products made or sold at the place, and "add all".
#[component]
fn PlaceProducts(products: Vec<Product>) -> impl IntoView {
    let i18n = use_i18n();
    let product_ids: Vec<String> = products.iter().map(|p| p.id.clone()).collect();
    view! {
        <section aria-labelledby="place-products-title">
            <h2 id="place-products-title">{t!(i18n, place_products)}</h2>
            {if products.is_empty() {
                view! { <p class="muted">{t!(i18n, place_no_products)}</p> }.into_any()
            } else {
                view! {
                    <div class="actions"><AddAllToList products=product_ids /></div>
                    <ul class="plain product-list">{products.into_iter().map(|product| view! { <ProductCard product /> }).collect_view()}</ul>
                }.into_any()
            }}
        </section>
    }
}

/// When to go: the best months (against the month picked), the season's note, festivals.
#[component]
fn PlaceSeason(months: Vec<u8>, season_note: Option<LocalText>, events: Vec<Event>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    view! {
        <section aria-labelledby="season-title">
            <h2 id="season-title">{t!(i18n, season)}</h2>
            <div class="row"><MonthPicker /> <SeasonBadge months=months.clone() /></div>
            <p>
                {if months.is_empty() {
                    t_string!(i18n, season_unknown).to_string()
                } else {
                    months.iter().map(|m| labels::month(i18n, *m)).collect::<Vec<_>>().join(", ")
                }}
            </p>
            {season_note.map(|n| view! { <p class="muted">{move || n.get(lang()).to_string()}</p> })}
            {events.into_iter().map(|e| view! {
                <p class="event"><span class="badge badge-event">{t!(i18n, festival)}</span> " " {move || format!("{}: {}", e.name.get(lang()), e.when.get(lang()))}</p>
            }).collect_view()}
        </section>
    }
}

/// The curated routes that pass here.
#[component]
fn PlaceRoutes(routes: Vec<(String, LocalText)>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    (!routes.is_empty()).then(|| view! {
        <section aria-labelledby="place-routes-title">
            <h2 id="place-routes-title">{t!(i18n, routes_through_here)}</h2>
            <ul class="plain link-list">
                {routes.into_iter().map(|(id, name)| view! {
                    <li><A href=localized(&format!("/routes/{id}"))>{move || name.get(lang()).to_string()}</A></li>
                }).collect_view()}
            </ul>
        </section>
    })
}
