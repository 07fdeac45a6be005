//! Optimise (first stop kept), Undo, Reverse, and what the last of them did.

use crate::components::lang_of;
use crate::i18n::*;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use ocop_core::format::format_minutes;
use ocop_core::network::Network;
use ocop_core::places::place;
use ocop_core::trip::Trip;

#[component]
pub fn TripActions() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let trip = use_visitor().trip;
    let message = RwSignal::new(None::<String>);
    let on_optimise = move |_| {
        let dataset = data.dataset();
        let network = Network::new(dataset);
        let plan =
            trip.with_untracked(|t| t.plan_optimise(&network, |s| place(dataset, s).map(|p| p.waypoint())));
        if plan.changed {
            trip.update(|t| {
                t.apply_order(&plan.order);
            });
        }
        message.set(Some(if plan.changed {
            let time = format_minutes(plan.minutes_saved, lang_of(i18n.get_locale_untracked()));
            t_string!(i18n, optimised, time).to_string()
        } else {
            t_string!(i18n, already_optimal).to_string()
        }));
    };
    let undo = move |_| {
        trip.update(|t| {
            t.undo();
        });
        message.set(Some(t_string!(i18n, undone).to_string()));
    };
    view! {
        <div class="actions trip-actions">
            <button type="button" class="button" on:click=on_optimise disabled=move || trip.with(|t| t.len() < 3)>
                {t!(i18n, optimise)}
            </button>
            <button type="button" class="button button-secondary" on:click=undo disabled=move || !trip.with(Trip::can_undo)>
                {t!(i18n, undo)}
            </button>
            <button type="button" class="button button-secondary" on:click=move |_| trip.update(|t| { t.reverse(); })>
                {t!(i18n, reverse)}
            </button>
        </div>
        <p role="status" aria-live="polite" data-testid="trip-status">{move || message.get()}</p>
    }
}
