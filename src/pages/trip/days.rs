//! The trip's stops grouped into days: each day's heading with its travel and visit time,
//! a warning when it is too long, then its stops. Stops the dataset no longer has follow
//! the days, by their id, so they can still be removed.

use super::plan::TripPlan;
use super::stops::{DaySplit, StopRow};
use crate::components::lang_of;
use crate::i18n::*;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use ocop_core::format::format_minutes;
use ocop_core::itinerary::{Day, DAY_BUDGET_MINUTES};
use ocop_core::places::place;

#[component]
pub fn TripDays(plan: Memo<TripPlan>) -> impl IntoView {
    let i18n = use_i18n();
    let trip = use_visitor().trip;
    let data = use_app_data();
    let dragging = RwSignal::new(None::<usize>);
    let budget = move || format_minutes(DAY_BUDGET_MINUTES, lang_of(i18n.get_locale()));
    // Each day shows the trip's stops from its first known stop to the next day's, so a
    // stop the dataset no longer has stays where the visitor put it (by its id, removable).
    let days = move || {
        let plan = plan.get();
        let stops = trip.with(|t| t.stops().to_vec());
        let last = stops.len().saturating_sub(1);
        let starts = plan.day_starts();
        let position = |k: usize| stops.iter().position(|s| *s == plan.known[k]).unwrap_or(k);
        let count = plan.days.len();
        plan.days
            .iter()
            .enumerate()
            .map(|(n, day)| {
                let from = if n == 0 { 0 } else { position(day.first) };
                let to = plan
                    .days
                    .get(n + 1)
                    .map_or(stops.len(), |next| position(next.first));
                let rows = (from..to)
                    .map(|index| {
                        let stop = stops[index].clone();
                        let known = plan.known.iter().position(|k| *k == stop);
                        let leg = known.and_then(|k| plan.path.legs.get(k).cloned());
                        let split = known.filter(|&k| k > 0).map(|k| DaySplit {
                            starts_day: day.first == k,
                            current: starts.clone(),
                        });
                        view! { <StopRow stop index last leg split dragging /> }
                    })
                    .collect_view();
                view! {
                    <li class="trip-day" data-testid="trip-day">
                        {(count > 1).then(|| view! { <DayHeading n=n + 1 day=*day /> })}
                        {(count == 1).then(|| view! { <DayTotals day=*day /> })}
                        <ol class="plain trip-stops" start=from + 1>{rows}</ol>
                    </li>
                }
            })
            .collect_view()
    };
    // Nothing the dataset knows: every stop is listed by its id.
    let unknown = move || {
        let dataset = data.dataset();
        let stops = trip.with(|t| t.stops().to_vec());
        let last = stops.len().saturating_sub(1);
        let none_known = stops.iter().all(|s| place(dataset, s).is_none());
        stops
            .into_iter()
            .enumerate()
            .filter(|_| none_known)
            .map(|(index, stop)| view! { <StopRow stop index last leg=None split=None dragging /> })
            .collect_view()
    };
    let automatic = move |_| trip.update(|t| t.set_day_starts(None));
    view! {
        <ol class="plain trip-days">{days}</ol>
        <ol class="plain trip-stops">{unknown}</ol>
        <p class="muted">
            {move || t_string!(i18n, days_note, budget = budget()).to_string()} " "
            {move || trip.with(|t| t.day_starts().is_some()).then(|| view! {
                <button type="button" class="button button-secondary" on:click=automatic>{t!(i18n, automatic_days)}</button>
            })}
        </p>
    }
}

/// "Day 2", its travel and visit time, and a warning when it does not fit in a day.
#[component]
fn DayHeading(n: usize, day: Day) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2 class="day-heading">{move || t_string!(i18n, day_heading, n = n).to_string()}</h2>
        <DayTotals day />
    }
}

/// A day's travel and visit time; a warning when it does not fit in a day.
#[component]
fn DayTotals(day: Day) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let totals = move || {
        let (travel, visits) = (
            format_minutes(day.travel_minutes, lang()),
            format_minutes(day.visit_minutes, lang()),
        );
        let total = format_minutes(day.total_minutes(), lang());
        t_string!(i18n, day_totals, travel = travel, visits = visits, total = total).to_string()
    };
    let budget = move || format_minutes(DAY_BUDGET_MINUTES, lang());
    view! {
        <p class="day-totals" data-testid="day-totals">{totals}</p>
        {day.too_long.then(|| view! {
            <p class="notice notice-warning" role="note" data-testid="day-too-long">
                {move || t_string!(i18n, day_too_long, budget = budget()).to_string()}
            </p>
        })}
    }
}
