//! One stop of the trip, with its season, festivals, the leg to the next stop, the buttons
//! that move or remove it and the one that starts a day there. Drag and drop (mouse, pen)
//! reorders too; the buttons do the same for touch and keyboard.

use crate::components::lang_of;
use crate::components::trip_parts::{LegSteps, SeasonBadge};
use crate::i18n::*;
use crate::state::language::localized;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use leptos_router::components::A;
use ocop_core::model::StopRef;
use ocop_core::network::Leg;
use ocop_core::places::{place, place_path};
use ocop_core::trip::stop_key;

/// Whether a stop starts its day, and the day starts as they are: what "Start a new day
/// here" / "Join the day before" changes.
#[derive(Clone)]
pub struct DaySplit {
    pub starts_day: bool,
    pub current: Vec<StopRef>,
}

/// One stop. A stop the dataset no longer has is shown by its id, never dropped.
#[component]
pub fn StopRow(
    stop: StopRef,
    index: usize,
    last: usize,
    leg: Option<Leg>,
    split: Option<DaySplit>,
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
    let split = split
        .map(|split| view! { <DaySplitButton stop=stop.clone() split name=Signal::derive(label.clone()) /> });
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
            {split}
            {leg.filter(|_| index < last).map(|leg| view! { <LegSteps leg /> })}
        </li>
    }
    .into_any()
}

/// "Start a new day at …" on a stop inside a day, "Join … to the day before" on one that
/// starts a day. The first press turns the automatic days into the visitor's own.
#[component]
fn DaySplitButton(stop: StopRef, split: DaySplit, name: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let trip = use_visitor().trip;
    let DaySplit { starts_day, current } = split;
    let toggle = {
        let stop = stop.clone();
        move |_| {
            let mut starts = current.clone();
            if starts_day {
                starts.retain(|s| *s != stop);
            } else {
                starts.push(stop.clone());
            }
            trip.update(|t| t.set_day_starts(Some(starts)));
        }
    };
    view! {
        <button type="button" class="button button-secondary day-split" data-testid="day-split" on:click=toggle>
            {move || if starts_day {
                t_string!(i18n, join_previous_day, name = name.get()).to_string()
            } else {
                t_string!(i18n, new_day_here, name = name.get()).to_string()
            }}
        </button>
    }
}
