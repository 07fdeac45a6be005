//! `/trip`: "My trip". The visitor's order is kept; it changes only by their hand (drag,
//! the up/down buttons, reverse) or when they ask for **Optimise**, which keeps the first
//! stop and can be undone with one tap. Totals and legs are estimates. The trip can leave
//! as Google Maps directions (split into links of 10 points), as a GPX file, or as a link
//! (`/trip?stops=s.<id>,p.<id>`) that opens it on another device.

use crate::app::use_app_data;
use crate::components::external_link::ExternalLink;
use crate::components::lang_of;
use crate::components::map::{MapMarker, PlaceMap};
use crate::components::trip_parts::{leg_text, totals_text, MonthPicker, SeasonBadge};
use crate::i18n::*;
use crate::state::use_visitor;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use ocop_core::export::{google_maps_links, gpx, ExportStop};
use ocop_core::format::format_minutes;
use ocop_core::model::StopRef;
use ocop_core::optimise::optimise;
use ocop_core::places::{place, place_path, Place};
use ocop_core::travel::{estimate_path, time_matrix};
use ocop_core::trip::{stop_key, Trip};
use wasm_bindgen::JsCast;

#[component]
pub fn TripPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let visitor = use_visitor();
    let trip = visitor.trip;
    let query = use_query_map();
    let lang = move || lang_of(i18n.get_locale());

    // A shared link: offer to use it, never overwrite the visitor's trip silently.
    let shared = Memo::new(move |_| query.with(|q| q.get("stops")).map(|v| Trip::from_query(&v)));
    let navigate = StoredValue::new_local(use_navigate());
    let dismiss_shared = move || {
        let mut params = query.get_untracked();
        params.remove("stops");
        navigate.with_value(|navigate| {
            navigate(
                &format!("/trip{}", params.to_query_string()),
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            )
        });
    };
    let shared_banner = {
        let data = data.clone();
        move || {
            let shared = shared.get()?;
            let dataset = data.dataset();
            let unknown = shared
                .stops
                .iter()
                .filter(|s| place(dataset, s).is_none())
                .count();
            let count = shared.stops.len();
            let rejected = shared.rejected;
            let replace = {
                let stops = shared.stops.clone();
                move |_| {
                    let stops = stops.clone();
                    trip.update(|t| {
                        t.clear();
                        t.add_all(stops);
                    });
                    dismiss_shared();
                }
            };
            let merge = {
                let stops = shared.stops.clone();
                move |_| {
                    let stops = stops.clone();
                    trip.update(|t| {
                        t.add_all(stops);
                    });
                    dismiss_shared();
                }
            };
            Some(view! {
                <section class="notice shared-trip" role="region" aria-labelledby="shared-title" data-testid="shared-trip">
                    <h2 id="shared-title">{move || t_string!(i18n, shared_trip_title, count).to_string()}</h2>
                    {(unknown > 0).then(|| view! { <p>{move || t_string!(i18n, shared_trip_unknown, count = unknown).to_string()}</p> })}
                    {(rejected > 0).then(|| view! { <p>{move || t_string!(i18n, shared_trip_rejected, count = rejected).to_string()}</p> })}
                    <div class="actions">
                        <button type="button" class="button" on:click=replace>{t!(i18n, shared_trip_replace)}</button>
                        <button type="button" class="button button-secondary" on:click=merge>{t!(i18n, shared_trip_merge)}</button>
                        <button type="button" class="button button-secondary" on:click=move |_| dismiss_shared()>{t!(i18n, shared_trip_ignore)}</button>
                    </div>
                </section>
            })
        }
    };

    // The trip's places that the dataset knows, with their positions in the trip.
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
    let estimate = {
        let data = data.clone();
        Memo::new(move |_| {
            let dataset = data.dataset();
            let points: Vec<_> = known
                .get()
                .iter()
                .filter_map(|s| place(dataset, s))
                .map(|p| p.waypoint())
                .collect();
            estimate_path(&points)
        })
    };

    let optimise_message = RwSignal::new(None::<String>);
    let on_optimise = {
        let data = data.clone();
        move |_| {
            let dataset = data.dataset();
            let stops: Vec<StopRef> = trip.with_untracked(|t| t.stops().to_vec());
            // Unknown stops (from an older dataset) have no position: they keep their
            // place at the end rather than being dropped.
            let places: Vec<Place> = stops.iter().filter_map(|s| place(dataset, s)).collect();
            let matrix = time_matrix(&places.iter().map(Place::waypoint).collect::<Vec<_>>());
            let before: Vec<usize> = (0..places.len()).collect();
            let result = optimise(&matrix, &before);
            let known_order: Vec<&StopRef> = result.order.iter().map(|&i| &places[i].stop).collect();
            let mut order: Vec<usize> = known_order
                .iter()
                .filter_map(|s| stops.iter().position(|x| x == *s))
                .collect();
            let unknown: Vec<usize> = (0..stops.len()).filter(|i| !order.contains(i)).collect();
            order.extend(unknown);
            let changed = order.iter().enumerate().any(|(i, &j)| i != j);
            if changed {
                trip.update(|t| {
                    t.apply_order(&order);
                });
            }
            let saved = ocop_core::optimise::path_cost(&matrix, &before) - result.cost;
            optimise_message.set(Some(if changed {
                t_string!(
                    i18n,
                    optimised,
                    time = format_minutes(saved, lang_of(i18n.get_locale_untracked()))
                )
                .to_string()
            } else {
                t_string!(i18n, already_optimal).to_string()
            }));
        }
    };
    let undo = move |_| {
        trip.update(|t| {
            t.undo();
        });
        optimise_message.set(Some(t_string!(i18n, undone).to_string()));
    };

    let markers = {
        let data = data.clone();
        Signal::derive(move || {
            let dataset = data.dataset();
            known
                .get()
                .iter()
                .enumerate()
                .filter_map(|(i, s)| place(dataset, s).map(|p| (i, p)))
                .map(|(i, p)| MapMarker {
                    key: stop_key(&p.stop),
                    lat: p.coordinates.lat,
                    lon: p.coordinates.lon,
                    name: p.name.get(lang()).to_string(),
                    kind: p.kind.key(),
                    label: Some((i + 1).to_string()),
                    dim: visitor.visit_month.get().and_then(|m| p.in_season(m)) == Some(false),
                    selected: false,
                })
                .collect::<Vec<_>>()
        })
    };
    let path = Signal::derive(move || markers.with(|m| m.iter().map(|m| (m.lat, m.lon)).collect::<Vec<_>>()));

    // Drag and drop (mouse, pen) reorders; the buttons do the same for touch and keyboard.
    let dragging = RwSignal::new(None::<usize>);

    let rows = {
        let data = data.clone();
        move || {
            let dataset = data.dataset();
            let legs = estimate.get().legs;
            let stops = trip.with(|t| t.stops().to_vec());
            let last = stops.len().saturating_sub(1);
            let mut known_index = 0;
            stops
                .into_iter()
                .enumerate()
                .map(|(i, stop)| {
                    let place = place(dataset, &stop);
                    let leg = place.as_ref().and_then(|_| {
                        let leg = legs.get(known_index).cloned();
                        known_index += 1;
                        leg
                    });
                    let name = place.as_ref().map(|p| p.name.clone());
                    let months = place.as_ref().map(|p| p.season_months.to_vec()).unwrap_or_default();
                    let events: Vec<_> = place.as_ref().map(|p| p.events.to_vec()).unwrap_or_default();
                    // A stop the dataset no longer has is shown by its id, never dropped.
                    let label = {
                        let name = name.clone();
                        let id = match &stop {
                            StopRef::Spot(id) | StopRef::SalesPoint(id) => id.clone(),
                        };
                        move || name.as_ref().map(|n| n.get(lang()).to_string()).unwrap_or_else(|| id.clone())
                    };
                    let remove = {
                        let stop = stop.clone();
                        move |_| trip.update(|t| {
                            t.remove(&stop);
                        })
                    };
                    let label_up = label.clone();
                    let label_down = label.clone();
                    let label_remove = label.clone();
                    view! {
                        <li
                            class="trip-stop"
                            data-testid="trip-stop"
                            data-key=stop_key(&stop)
                            draggable="true"
                            on:dragstart=move |ev| {
                                dragging.set(Some(i));
                                if let Some(dt) = ev.data_transfer() {
                                    let _ = dt.set_data("text/plain", &i.to_string());
                                }
                            }
                            on:dragover=move |ev| ev.prevent_default()
                            on:drop=move |ev| {
                                ev.prevent_default();
                                if let Some(from) = dragging.get_untracked() {
                                    trip.update(|t| {
                                        t.move_to(from, i);
                                    });
                                }
                                dragging.set(None);
                            }
                        >
                            <span class="stop-number" aria-hidden="true">{i + 1}</span>
                            <div class="trip-stop-body">
                                {match &name {
                                    Some(_) => view! { <A href=place_path(&stop)>{label.clone()}</A> }.into_any(),
                                    None => view! { <span>{label.clone()}</span> " " <span class="badge badge-unconfirmed">{t!(i18n, place_unavailable)}</span> }.into_any(),
                                }}
                                " " <SeasonBadge months />
                                {events.into_iter().map(|e| view! {
                                    <p class="event"><span class="badge badge-event">{t!(i18n, festival)}</span> " " {move || format!("{}: {}", e.name.get(lang()), e.when.get(lang()))}</p>
                                }).collect_view()}
                                {(i == 0).then(|| view! { <p class="muted">{t!(i18n, first_stop_locked)}</p> })}
                            </div>
                            <div class="trip-stop-actions">
                                <button type="button" class="icon-button" disabled=i == 0 on:click=move |_| trip.update(|t| { t.move_up(i); })>
                                    <span aria-hidden="true">"↑"</span>
                                    <span class="visually-hidden">{move || t_string!(i18n, move_up, name = label_up()).to_string()}</span>
                                </button>
                                <button type="button" class="icon-button" disabled=i == last on:click=move |_| trip.update(|t| { t.move_down(i); })>
                                    <span aria-hidden="true">"↓"</span>
                                    <span class="visually-hidden">{move || t_string!(i18n, move_down, name = label_down()).to_string()}</span>
                                </button>
                                <button type="button" class="icon-button" on:click=remove>
                                    <span aria-hidden="true">"✕"</span>
                                    <span class="visually-hidden">{move || t_string!(i18n, remove_stop, name = label_remove()).to_string()}</span>
                                </button>
                            </div>
                            {(i < last).then_some(()).and(leg).map(|leg| view! { <p class="leg" data-testid="leg">{move || format!("↓ {}", leg_text(i18n, &leg))}</p> })}
                        </li>
                    }
                })
                .collect_view()
        }
    };

    let export_stops = {
        let data = data.clone();
        move || {
            let dataset = data.dataset();
            known
                .get()
                .iter()
                .filter_map(|s| place(dataset, s))
                .map(|p| {
                    (
                        p.name.get(lang_of(i18n.get_locale_untracked())).to_string(),
                        p.coordinates.lat,
                        p.coordinates.lon,
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    let maps_links = {
        let export_stops = export_stops.clone();
        move || {
            let stops = export_stops();
            let links = google_maps_links(&as_export(&stops));
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
        let stops = export_stops();
        let text = gpx(t_string!(i18n, trip_title), &as_export(&stops), "OCOP Quảng Ninh");
        if let Err(e) = download("ocop-quang-ninh-trip.gpx", "application/gpx+xml", &text) {
            leptos::logging::warn!("GPX download failed: {e:?}");
        }
    };
    let share_link = move || {
        let query = trip.with(Trip::to_query);
        let origin = window().location().origin().unwrap_or_default();
        format!("{origin}/trip?stops={query}")
    };
    let copied = RwSignal::new(false);
    let copy_link = move |_| {
        let link = share_link();
        leptos::task::spawn_local(async move { copied.set(crate::browser::copy_text(&link).await) });
    };

    let empty = move || trip.with(Trip::is_empty);
    view! {
        <section class="trip-page">
            <h1>{t!(i18n, trip_title)}</h1>
            {shared_banner}
            <Show
                when=move || !empty()
                fallback=move || view! {
                    <p data-testid="trip-empty">{t!(i18n, trip_empty)}</p>
                    <p><A href="/map" attr:class="button">{t!(i18n, nav_map)}</A> " " <A href="/routes" attr:class="button button-secondary">{t!(i18n, nav_routes)}</A></p>
                }
            >
                <p class="route-totals" data-testid="trip-totals">
                    {move || totals_text(i18n, &estimate.get())}
                    {move || (estimate.get().ferry_legs > 0).then(|| view! { <span class="badge badge-ferry">{t!(i18n, includes_ferry)}</span> })}
                </p>
                <p class="muted">{t!(i18n, estimates_note)}</p>
                <MonthPicker />
                <div class="actions trip-actions">
                    <button type="button" class="button" on:click=on_optimise.clone() disabled=move || trip.with(|t| t.len() < 3)>
                        {t!(i18n, optimise)}
                    </button>
                    <button type="button" class="button button-secondary" on:click=undo disabled=move || !trip.with(Trip::can_undo)>
                        {t!(i18n, undo)}
                    </button>
                    <button type="button" class="button button-secondary" on:click=move |_| trip.update(|t| { t.reverse(); })>
                        {t!(i18n, reverse)}
                    </button>
                </div>
                <p role="status" aria-live="polite" data-testid="trip-status">{move || optimise_message.get()}</p>
                <PlaceMap
                    markers
                    path
                    label=Signal::derive(move || t_string!(i18n, trip_map_label).to_string())
                    tiles=data.tiles.clone()
                />
                <ol class="plain trip-stops">{rows.clone()}</ol>
                <h2>{t!(i18n, take_trip_with_you)}</h2>
                <ul class="plain actions">{maps_links.clone()}</ul>
                <p class="muted">{t!(i18n, google_maps_note)}</p>
                <div class="actions">
                    <button type="button" class="button button-secondary" on:click=download_gpx.clone()>{t!(i18n, download_gpx)}</button>
                </div>
                <label class="field share-link">
                    <span>{t!(i18n, share_link)}</span>
                    <input type="text" readonly prop:value=share_link data-testid="share-link" />
                </label>
                <button type="button" class="button button-secondary" on:click=copy_link>{t!(i18n, copy_link)}</button>
                <span role="status" aria-live="polite">{move || copied.get().then(|| t_string!(i18n, copied).to_string())}</span>
            </Show>
        </section>
    }
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

/// Saves `text` as a file through a temporary object URL.
fn download(file_name: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}
