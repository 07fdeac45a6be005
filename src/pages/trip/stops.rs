//! The trip's stops in order, each with its season, festivals, the leg to the next stop and
//! the buttons that move or remove it. Drag and drop (mouse, pen) reorders too; the buttons
//! do the same for touch and keyboard.

use crate::components::lang_of;
use crate::components::trip_parts::{leg_text, SeasonBadge};
use crate::i18n::*;
use crate::state::language::localized;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use leptos_router::components::A;
use ocop_core::model::StopRef;
use ocop_core::places::{place, place_path};
use ocop_core::travel::{Leg, PathEstimate};
use ocop_core::trip::stop_key;

#[component]
pub fn TripStops(estimate: Memo<PathEstimate>) -> impl IntoView {
    let trip = use_visitor().trip;
    let data = use_app_data();
    let dragging = RwSignal::new(None::<usize>);
    let rows = move || {
        let legs = estimate.get().legs;
        let stops = trip.with(|t| t.stops().to_vec());
        let last = stops.len().saturating_sub(1);
        // Legs join the known stops only: a stop the dataset lost has none.
        let mut known_index = 0;
        stops
            .into_iter()
            .enumerate()
            .map(|(index, stop)| {
                let known = place(data.dataset(), &stop).is_some();
                let leg = known.then(|| legs.get(known_index).cloned()).flatten();
                known_index += usize::from(known);
                let leg = leg.filter(|_| index < last);
                view! { <StopRow stop index last leg dragging /> }
            })
            .collect_view()
    };
    view! { <ol class="plain trip-stops">{rows}</ol> }
}

/// One stop. A stop the dataset no longer has is shown by its id, never dropped.
#[component]
fn StopRow(
    stop: StopRef,
    index: usize,
    last: usize,
    leg: Option<Leg>,
    dragging: RwSignal<Option<usize>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let trip = use_visitor().trip;
    let lang = move || lang_of(i18n.get_locale());
    let place = place(data.dataset(), &stop);
    let name = place.as_ref().map(|p| p.name.clone());
    let months = place
        .as_ref()
        .map(|p| p.season_months.to_vec())
        .unwrap_or_default();
    let events: Vec<_> = place.as_ref().map(|p| p.events.to_vec()).unwrap_or_default();
    let label = {
        let name = name.clone();
        let id = match &stop {
            StopRef::Spot(id) | StopRef::SalesPoint(id) => id.clone(),
        };
        move || {
            name.as_ref()
                .map(|n| n.get(lang()).to_string())
                .unwrap_or_else(|| id.clone())
        }
    };
    let remove = {
        let stop = stop.clone();
        move |_| {
            trip.update(|t| {
                t.remove(&stop);
            })
        }
    };
    let (label_up, label_down, label_remove) = (label.clone(), label.clone(), label.clone());
    view! {
        <li
            class="trip-stop"
            data-testid="trip-stop"
            data-key=stop_key(&stop)
            draggable="true"
            on:dragstart=move |ev| {
                dragging.set(Some(index));
                if let Some(dt) = ev.data_transfer() {
                    let _ = dt.set_data("text/plain", &index.to_string());
                }
            }
            on:dragover=move |ev| ev.prevent_default()
            on:drop=move |ev| {
                ev.prevent_default();
                if let Some(from) = dragging.get_untracked() {
                    trip.update(|t| {
                        t.move_to(from, index);
                    });
                }
                dragging.set(None);
            }
        >
            <span class="stop-number" aria-hidden="true">{index + 1}</span>
            <div class="trip-stop-body">
                {match &name {
                    Some(_) => view! { <A href=localized(&place_path(&stop))>{label.clone()}</A> }.into_any(),
                    None => view! { <span>{label.clone()}</span> " " <span class="badge badge-unconfirmed">{t!(i18n, place_unavailable)}</span> }.into_any(),
                }}
                " " <SeasonBadge months />
                {events.into_iter().map(|e| view! {
                    <p class="event"><span class="badge badge-event">{t!(i18n, festival)}</span> " " {move || format!("{}: {}", e.name.get(lang()), e.when.get(lang()))}</p>
                }).collect_view()}
                {(index == 0).then(|| view! { <p class="muted">{t!(i18n, first_stop_locked)}</p> })}
            </div>
            <div class="trip-stop-actions">
                <button type="button" class="icon-button" disabled=index == 0 on:click=move |_| trip.update(|t| { t.move_up(index); })>
                    <span aria-hidden="true">"↑"</span>
                    <span class="visually-hidden">{move || t_string!(i18n, move_up, name = label_up()).to_string()}</span>
                </button>
                <button type="button" class="icon-button" disabled=index == last on:click=move |_| trip.update(|t| { t.move_down(index); })>
                    <span aria-hidden="true">"↓"</span>
                    <span class="visually-hidden">{move || t_string!(i18n, move_down, name = label_down()).to_string()}</span>
                </button>
                <button type="button" class="icon-button" on:click=remove>
                    <span aria-hidden="true">"✕"</span>
                    <span class="visually-hidden">{move || t_string!(i18n, remove_stop, name = label_remove()).to_string()}</span>
                </button>
            </div>
            {leg.map(|leg| view! { <p class="leg" data-testid="leg">{move || format!("↓ {}", leg_text(i18n, &leg))}</p> })}
        </li>
    }
    .into_any()
}
