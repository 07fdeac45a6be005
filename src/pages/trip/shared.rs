//! A trip shared as a link (`/trip?stops=…`): offered, never applied silently.

use crate::i18n::*;
use crate::state::language::page_lang;
use crate::state::{use_app_data, use_visitor};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use ocop_core::places::place;
use ocop_core::trip::Trip;

/// "A trip was shared with you": use it, add it to mine, or ignore it. Stops the dataset
/// does not know, and items the link could not read, are counted.
#[component]
pub fn SharedTripOffer() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let trip = use_visitor().trip;
    let query = use_query_map();
    let shared = Memo::new(move |_| query.with(|q| q.get("stops")).map(|v| Trip::from_query(&v)));
    let navigate = StoredValue::new_local(use_navigate());
    let lang = page_lang();
    let dismiss = move || {
        let mut params = query.get_untracked();
        params.remove("stops");
        navigate.with_value(|navigate| {
            navigate(
                &lang.localize(&format!("/trip{}", params.to_query_string())),
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            )
        });
    };
    move || {
        let shared = shared.get()?;
        let unknown = shared
            .stops
            .iter()
            .filter(|s| place(data.dataset(), s).is_none())
            .count();
        let count = shared.stops.len();
        let rejected = shared.rejected;
        let take = move |replace: bool| {
            let stops = shared.stops.clone();
            move |_| {
                let stops = stops.clone();
                trip.update(|t| {
                    if replace {
                        t.clear();
                    }
                    t.add_all(stops);
                });
                dismiss();
            }
        };
        Some(view! {
            <section class="notice shared-trip" role="region" aria-labelledby="shared-title" data-testid="shared-trip">
                <h2 id="shared-title">{move || t_count!(i18n, shared_trip_title, count)}</h2>
                {(unknown > 0).then(|| view! { <p>{move || t_count!(i18n, shared_trip_unknown, count = unknown)}</p> })}
                {(rejected > 0).then(|| view! { <p>{move || t_count!(i18n, shared_trip_rejected, count = rejected)}</p> })}
                <div class="actions">
                    <button type="button" class="button" on:click=take(true)>{t!(i18n, shared_trip_replace)}</button>
                    <button type="button" class="button button-secondary" on:click=take(false)>{t!(i18n, shared_trip_merge)}</button>
                    <button type="button" class="button button-secondary" on:click=move |_| dismiss()>{t!(i18n, shared_trip_ignore)}</button>
                </div>
            </section>
        })
    }
}
