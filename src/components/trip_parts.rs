//! Small pieces the map, route, place and trip pages share: the "add to trip" button, the
//! visit-month picker, season badges and leg descriptions.

use crate::components::labels;
use crate::components::lang_of;
use crate::i18n::*;
use crate::state::use_visitor;
use leptos::prelude::*;
use ocop_core::format::{format_km, format_minutes};
use ocop_core::model::StopRef;
use ocop_core::travel::{Leg, LegMode, FERRIES};

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
pub fn totals_text(i18n: labels::I18n, estimate: &ocop_core::travel::PathEstimate) -> String {
    let lang = lang_of(i18n.get_locale());
    t_string!(
        i18n,
        route_totals,
        km = format_km(estimate.total_km, lang),
        time = format_minutes(estimate.total_minutes, lang)
    )
    .to_string()
}

/// "12 km · 25 min by road", "… including the ferry Cái Rồng → Cô Tô (90 min)".
pub fn leg_text(i18n: labels::I18n, leg: &Leg) -> String {
    let lang = lang_of(i18n.get_locale());
    let km = format_km(leg.km, lang);
    let time = format_minutes(leg.minutes, lang);
    match leg.mode {
        LegMode::Road(_) => t_string!(i18n, leg_road, km = km, time = time).to_string(),
        LegMode::Boat => t_string!(i18n, leg_boat, km = km, time = time).to_string(),
        LegMode::Ferry { crossing } => {
            let ferry = FERRIES.iter().find(|f| f.id == crossing);
            let name = ferry
                .map(|f| {
                    if lang == ocop_core::Lang::Vi {
                        f.name_vi
                    } else {
                        f.name_en
                    }
                })
                .unwrap_or(crossing)
                .to_string();
            let crossing_time = format_minutes(ferry.map_or(0.0, |f| f.minutes as f64), lang);
            t_string!(
                i18n,
                leg_ferry,
                km = km,
                time = time,
                ferry = name,
                crossing = crossing_time
            )
            .to_string()
        }
    }
}
