//! Small pieces the map, route, place and trip pages share: the "add to trip" button, the
//! visit-month picker, season badges and leg descriptions.

use crate::components::labels;
use crate::components::lang_of;
use crate::i18n::*;
use crate::state::use_app_data;
use crate::state::use_visitor;
use leptos::prelude::*;
use ocop_core::format::{format_km, format_minutes};
use ocop_core::model::{Dataset, StopRef, TravelNetwork};
use ocop_core::network::{Endpoint, Leg, Network, Step, StepMode};
use ocop_core::places::place;
use ocop_core::Lang;

/// Adds a place to "My trip", or removes it again; the label says which.
#[component]
pub fn AddToTrip(stop: StopRef, #[prop(into)] name: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let trip = use_visitor().trip;
    let on_trip = {
        let stop = stop.clone();
        Memo::new(move |_| trip.with(|t| t.contains(&stop)))
    };
    let toggle = move |_| {
        let stop = stop.clone();
        trip.update(|t| {
            if !t.remove(&stop) {
                t.add(stop);
            }
        });
    };
    view! {
        <button
            type="button"
            class="button add-to-trip"
            class:active=on_trip
            aria-pressed=move || on_trip.get().to_string()
            on:click=toggle
        >
            {move || if on_trip.get() { t_string!(i18n, on_my_trip) } else { t_string!(i18n, add_to_trip) }}
            <span class="visually-hidden">": " {move || name.get()}</span>
        </button>
    }
}

/// Chooses the month of the visit; seasons and festivals are flagged against it.
#[component]
pub fn MonthPicker() -> impl IntoView {
    let i18n = use_i18n();
    let month = use_visitor().visit_month;
    view! {
        <label class="month-picker">
            <span>{t!(i18n, visit_month)}</span>
            <select
                prop:value=move || month.get().map(|m| m.to_string()).unwrap_or_default()
                on:change=move |ev| month.set(event_target_value(&ev).parse::<u8>().ok().filter(|m| (1..=12).contains(m)))
            >
                <option value="">{t!(i18n, visit_month_any)}</option>
                {(1..=12u8)
                    .map(|m| view! { <option value=m.to_string()>{move || labels::month(i18n, m)}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

/// "In season" / "Out of season in May" for the chosen month; nothing when the season is
/// unknown or no month is chosen.
#[component]
pub fn SeasonBadge(months: Vec<u8>) -> impl IntoView {
    let i18n = use_i18n();
    let visit = use_visitor().visit_month;
    move || {
        let month = visit.get()?;
        let in_season = ocop_core::places::in_season(&months, month)?;
        let name = labels::month(i18n, month);
        Some(if in_season {
            view! { <span class="badge badge-season">{t_string!(i18n, in_season, month = name).to_string()}</span> }
                .into_any()
        } else {
            view! { <span class="badge badge-off-season">{t_string!(i18n, out_of_season, month = name).to_string()}</span> }
                .into_any()
        })
    }
}

/// "About 120 km, 2 h 30 min of travel" for a whole route or trip.
pub fn totals_text(i18n: labels::I18n, estimate: &ocop_core::network::PathEstimate) -> String {
    let lang = lang_of(i18n.get_locale());
    t_string!(
        i18n,
        route_totals,
        km = format_km(estimate.total_km, lang),
        time = format_minutes(estimate.total_minutes, lang)
    )
    .to_string()
}

/// A leg between two stops: one line for a plain road leg ("12 km · 25 min by road"), else
/// its total and every step in words, so a ferry or a tour boat is never hidden inside a
/// total ("Tour boat back to Tuần Châu harbour", "By road to Cái Rồng pier", "Ferry…").
#[component]
pub fn LegSteps(leg: Leg) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let lang = move || lang_of(i18n.get_locale());
    let plain_road = leg.steps.len() <= 1 && !leg.has_ferry() && !leg.has_bay_boat();
    let (km, minutes) = (leg.km, leg.minutes);
    let summary = move || {
        let (km, time) = (format_km(km, lang()), format_minutes(minutes, lang()));
        if plain_road {
            t_string!(i18n, leg_road, km = km, time = time).to_string()
        } else {
            t_string!(i18n, leg_total, km = km, time = time).to_string()
        }
    };
    let steps = (!plain_road).then(|| {
        // The graph's own network: for a format 1.1 file, the one its version implied.
        let travel = Network::new(data.dataset()).travel().clone();
        let items = leg
            .steps
            .iter()
            .map(|step| {
                let (step, travel, data) = (step.clone(), travel.clone(), data.clone());
                view! { <li>{move || step_text(i18n, data.dataset(), &travel, &step)}</li> }
            })
            .collect_view();
        view! { <ol class="leg-steps">{items}</ol> }
    });
    let unknown = leg
        .access_unknown
        .then(|| view! { <p class="muted">{t!(i18n, access_unknown_leg)}</p> });
    view! {
        <div class="leg" data-testid="leg">
            <p>"↓ " {summary}</p>
            {steps}
            {unknown}
        </div>
    }
}

/// The name of a step's end: the place, or the pier or harbour.
pub fn endpoint_name(dataset: &Dataset, travel: &TravelNetwork, endpoint: &Endpoint, lang: Lang) -> String {
    match endpoint {
        Endpoint::Stop(stop) => place(dataset, stop).map(|p| p.name.get(lang).to_string()),
        Endpoint::Pier(id) => travel.pier(id).map(|p| p.name.get(lang).to_string()),
    }
    .unwrap_or_default()
}

/// One step in words: "By road to Cái Rồng pier: 41 km · 45 min", "Ferry from Cái Rồng pier
/// to Quan Lạn pier: 1 h 30 min (1 h at sea; no source gives the departure times)".
pub fn step_text(i18n: labels::I18n, dataset: &Dataset, travel: &TravelNetwork, step: &Step) -> String {
    let lang = lang_of(i18n.get_locale());
    let from = endpoint_name(dataset, travel, &step.from, lang);
    let to = endpoint_name(dataset, travel, &step.to, lang);
    let (km, time) = (format_km(step.km, lang), format_minutes(step.minutes, lang));
    match &step.mode {
        StepMode::Road(_) => t_string!(i18n, step_road, to = to, km = km, time = time).to_string(),
        StepMode::Ferry { line, .. } => {
            let line = travel.ferry(line);
            let sailing = format_minutes(line.map_or(0.0, |l| f64::from(l.minutes)), lang);
            let text = t_string!(
                i18n,
                step_ferry,
                from = from,
                to = to,
                time = time,
                sailing = sailing
            )
            .to_string();
            if line.is_some_and(|l| l.departures.is_empty()) {
                format!("{text} {}", t_string!(i18n, ferry_times_unknown))
            } else {
                text
            }
        }
        StepMode::BayBoat { boat } => {
            let back = matches!(step.to, Endpoint::Pier(_));
            let text = if back {
                t_string!(i18n, step_boat_back, to = to, time = time).to_string()
            } else {
                t_string!(i18n, step_boat_out, from = from, to = to, time = time).to_string()
            };
            if travel.bay_boat(boat).is_some_and(|b| b.assumed) {
                format!("{text} ({})", t_string!(i18n, harbour_assumed))
            } else {
                text
            }
        }
    }
}
