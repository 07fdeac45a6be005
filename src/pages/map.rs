//! `/map`: every spot and sales point on the province map, filtered by kind, by product and
//! by the visit month. Tapping a marker (or a row in the list) shows what is made or sold
//! there. The list under the map has every place too: it is the keyboard and screen-reader
//! way through the map, and it still works if the map's JavaScript cannot load.
//!
//! Filters live in the URL (`kind=farm,village`, `product=<id>`, `season=1`, `place=s.<id>`) so a view
//! can be shared or bookmarked; the month is the visitor's (see `MonthPicker`).

use crate::app::use_app_data;
use crate::components::labels;
use crate::components::lang_of;
use crate::components::map::{MapMarker, PlaceMap};
use crate::components::trip_parts::{AddToTrip, MonthPicker, SeasonBadge};
use crate::i18n::*;
use crate::state::use_visitor;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use ocop_core::model::StopRef;
use ocop_core::places::{place_path, KIND_KEYS};
use ocop_core::trip::{parse_stop_key, stop_key};

#[component]
pub fn MapPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let visitor = use_visitor();
    let query = use_query_map();
    let lang = move || lang_of(i18n.get_locale());

    // Taken now: marker taps arrive from JavaScript, outside any reactive owner.
    let navigate = StoredValue::new_local(use_navigate());
    let set_param = move |key: &'static str, value: Option<String>| {
        let mut params = query.get_untracked();
        match value.filter(|v| !v.is_empty()) {
            Some(v) => params.replace(key, v),
            None => {
                params.remove(key);
            }
        }
        navigate.with_value(|navigate| {
            navigate(
                &format!("/map{}", params.to_query_string()),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..NavigateOptions::default()
                },
            )
        });
    };

    // Unknown values in a shared link are ignored, never fatal.
    let kinds = Memo::new(move |_| {
        query.with(|q| {
            q.get("kind")
                .map(|k| {
                    k.split(',')
                        .filter_map(|k| KIND_KEYS.iter().find(|known| **known == k).copied())
                        .collect::<Vec<&'static str>>()
                })
                .unwrap_or_default()
        })
    });
    let product_filter = {
        let data = data.clone();
        Memo::new(move |_| {
            query
                .with(|q| q.get("product"))
                .and_then(|id| data.dataset().products.iter().position(|p| p.id == id))
        })
    };
    let season_only = Memo::new(move |_| query.with(|q| q.get("season").as_deref() == Some("1")));
    // One place, or several that share a spot on the map (`place=s.a,p.b`).
    let selected = Memo::new(move |_| {
        query.with(|q| q.get("place")).map_or_else(Vec::new, |keys| {
            keys.split(',')
                .filter_map(parse_stop_key)
                .take(20)
                .collect::<Vec<StopRef>>()
        })
    });

    // Places passing the filters, in dataset order.
    let visible = {
        let data = data.clone();
        Memo::new(move |_| {
            let dataset = data.dataset();
            let kinds = kinds.get();
            let product = product_filter.get();
            let month = visitor.visit_month.get().filter(|_| season_only.get());
            data.places
                .all(dataset)
                .into_iter()
                .filter(|p| kinds.is_empty() || kinds.contains(&p.kind.key()))
                .filter(|p| product.is_none_or(|i| data.places.has_product(&p.stop, i)))
                .filter(|p| month.is_none_or(|m| p.in_season(m) != Some(false)))
                .map(|p| p.stop)
                .collect::<Vec<StopRef>>()
        })
    };

    let markers = {
        let data = data.clone();
        Signal::derive(move || {
            let dataset = data.dataset();
            let month = visitor.visit_month.get();
            let chosen = selected.get();
            let trip = visitor.trip.get();
            visible
                .get()
                .iter()
                .filter_map(|stop| ocop_core::places::place(dataset, stop))
                .map(|p| MapMarker {
                    key: stop_key(&p.stop),
                    lat: p.coordinates.lat,
                    lon: p.coordinates.lon,
                    name: p.name.get(lang()).to_string(),
                    kind: p.kind.key(),
                    label: trip
                        .stops()
                        .iter()
                        .position(|s| s == &p.stop)
                        .map(|i| (i + 1).to_string()),
                    dim: month.and_then(|m| p.in_season(m)) == Some(false),
                    selected: chosen.contains(&p.stop),
                })
                .collect::<Vec<_>>()
        })
    };

    let on_select = Callback::new(move |key: String| set_param("place", Some(key)));

    // Products that have at least one place, for the product filter.
    let product_options = {
        let data = data.clone();
        move || {
            let dataset = data.dataset();
            let mut options: Vec<(String, String)> = dataset
                .products
                .iter()
                .enumerate()
                .filter(|(i, _)| data.places.places_of(*i).next().is_some())
                .map(|(_, p)| (p.id.clone(), p.name.get(lang()).to_string()))
                .collect();
            options.sort_by(|a, b| a.1.cmp(&b.1));
            options
                .into_iter()
                .map(|(id, name)| view! { <option value=id>{name}</option> })
                .collect_view()
        }
    };

    let kind_filters = KIND_KEYS
        .iter()
        .map(|&key| {
            let checked = move || kinds.with(|k| k.contains(&key));
            let toggle = move |_| {
                let mut now = kinds.get_untracked();
                if let Some(i) = now.iter().position(|k| *k == key) {
                    now.remove(i);
                } else {
                    now.push(key);
                }
                set_param("kind", Some(now.join(",")));
            };
            view! {
                <label class=format!("check kind-check pin-{key}")>
                    <input type="checkbox" prop:checked=checked on:change=toggle />
                    <span class="kind-swatch" aria-hidden="true"></span>
                    <span>{move || labels::place_kind(i18n, key)}</span>
                </label>
            }
        })
        .collect_view();

    let selected_panel = {
        let data = data.clone();
        move || {
            let dataset = data.dataset();
            selected
                .get()
                .into_iter()
                .filter_map(|stop| ocop_core::places::place(dataset, &stop))
                .map(|place| {
                    let stop = place.stop.clone();
                    let name = place.name.clone();
                    let products: Vec<(String, ocop_core::LocalText)> = data
                        .places
                        .products_at(&stop)
                        .iter()
                        .map(|&i| (dataset.products[i].id.clone(), dataset.products[i].name.clone()))
                        .collect();
                    let kind = place.kind.key();
                    let path = place_path(&stop);
                    let title = name.clone();
                    let heading_id = format!("selected-{}", stop_key(&stop));
                    let labelled_by = heading_id.clone();
                    view! {
                        <section class="selected-place card" aria-labelledby=labelled_by data-testid="selected-place">
                            <h2 id=heading_id>{move || title.get(lang()).to_string()}</h2>
                            <p class="muted">{move || labels::place_kind(i18n, kind)}</p>
                            {if products.is_empty() {
                                view! { <p class="muted">{t!(i18n, place_no_products)}</p> }.into_any()
                            } else {
                                view! {
                                    <h3>{t!(i18n, place_products)}</h3>
                                    <ul class="plain link-list">
                                        {products
                                            .into_iter()
                                            .map(|(id, name)| {
                                                view! {
                                                    <li>
                                                        <A href=format!("/p/{id}")>{move || name.get(lang()).to_string()}</A>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }}
                            <div class="actions">
                                <AddToTrip stop=stop.clone() name=Signal::derive(move || name.get(lang()).to_string()) />
                                <A href=path attr:class="button button-secondary">{t!(i18n, place_details)}</A>
                            </div>
                        </section>
                    }
                })
                .collect_view()
        }
    };

    let place_list = {
        let data = data.clone();
        move || {
            let dataset = data.dataset();
            visible
                .get()
                .into_iter()
                .filter_map(|stop| ocop_core::places::place(dataset, &stop))
                .map(|p| {
                    let name = p.name.clone();
                    let title = p.name.clone();
                    let kind = p.kind.key();
                    let count = data.places.products_at(&p.stop).len();
                    let months = p.season_months.to_vec();
                    let key = stop_key(&p.stop);
                    view! {
                        <li class="place-row" data-testid="place-row" data-key=key>
                            <span class=format!("kind-swatch pin-{kind}") aria-hidden="true"></span>
                            <div class="place-row-body">
                                <A href=place_path(&p.stop)>{move || title.get(lang()).to_string()}</A>
                                <p class="muted">
                                    {move || labels::place_kind(i18n, kind)} " · "
                                    {move || t_string!(i18n, products_linked, count).to_string()} " "
                                    <SeasonBadge months />
                                </p>
                            </div>
                            <AddToTrip stop=p.stop.clone() name=Signal::derive(move || name.get(lang()).to_string()) />
                        </li>
                    }
                })
                .collect_view()
        }
    };

    view! {
        <section class="map-page">
            <h1>{t!(i18n, map_title)}</h1>
            <p class="muted">{t!(i18n, map_intro)}</p>
            <div class="map-layout">
                <div class="map-main">
                    <PlaceMap
                        markers
                        label=Signal::derive(move || t_string!(i18n, map_label).to_string())
                        on_select
                        tiles=data.tiles.clone()
                    />
                    {selected_panel}
                </div>
                <form class="map-filters" on:submit=|ev| ev.prevent_default() aria-label=move || t_string!(i18n, map_filters).to_string()>
                    <fieldset>
                        <legend>{t!(i18n, map_filter_kind)}</legend>
                        {kind_filters}
                    </fieldset>
                    <label class="field">
                        <span>{t!(i18n, map_filter_product)}</span>
                        <select
                            prop:value=move || query.with(|q| q.get("product")).unwrap_or_default()
                            on:change=move |ev| set_param("product", Some(event_target_value(&ev)))
                        >
                            <option value="">{t!(i18n, map_any_product)}</option>
                            {product_options}
                        </select>
                    </label>
                    <MonthPicker />
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=season_only
                            disabled=move || visitor.visit_month.get().is_none()
                            on:change=move |_| set_param("season", (!season_only.get_untracked()).then(|| "1".to_string()))
                        />
                        <span>{t!(i18n, map_hide_out_of_season)}</span>
                    </label>
                </form>
            </div>
            <h2>{move || t_string!(i18n, map_places_count, count = visible.with(Vec::len)).to_string()}</h2>
            <ul class="plain place-list">{place_list}</ul>
        </section>
    }
}
