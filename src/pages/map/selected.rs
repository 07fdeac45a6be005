//! What was tapped on the map: each place with the products made or sold there.

use super::view::MapView;
use crate::components::labels;
use crate::components::lang_of;
use crate::components::trip_parts::AddToTrip;
use crate::i18n::*;
use crate::state::language::localized;
use crate::state::use_app_data;
use leptos::prelude::*;
use leptos_router::components::A;
use ocop_core::model::StopRef;
use ocop_core::places::{place, place_path};
use ocop_core::trip::stop_key;

#[component]
pub fn SelectedPlaces(view: MapView) -> impl IntoView {
    move || {
        view.selected
            .get()
            .into_iter()
            .map(|stop| view! { <SelectedPlace stop /> })
            .collect_view()
    }
}

/// One tapped place; nothing when the dataset does not have it.
#[component]
fn SelectedPlace(stop: StopRef) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let data = use_app_data();
    let dataset = data.dataset();
    let place = place(dataset, &stop)?;
    let name = place.name.clone();
    let title = name.clone();
    let kind = place.kind.key();
    let products: Vec<(String, ocop_core::LocalText)> = data
        .places
        .products_at(&stop)
        .iter()
        .map(|&i| (dataset.products[i].id.clone(), dataset.products[i].name.clone()))
        .collect();
    let heading_id = format!("selected-{}", stop_key(&stop));
    let labelled_by = heading_id.clone();
    let products_view = if products.is_empty() {
        view! { <p class="muted">{t!(i18n, place_no_products)}</p> }.into_any()
    } else {
        view! {
            <h3>{t!(i18n, place_products)}</h3>
            <ul class="plain link-list">
                {products
                    .into_iter()
                    .map(|(id, name)| view! { <li><A href=localized(&format!("/p/{id}"))>{move || name.get(lang()).to_string()}</A></li> })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    Some(view! {
        <section class="selected-place card" aria-labelledby=labelled_by data-testid="selected-place">
            <h2 id=heading_id>{move || title.get(lang()).to_string()}</h2>
            <p class="muted">{move || labels::place_kind(i18n, kind)}</p>
            {products_view}
            <div class="actions">
                <AddToTrip stop=stop.clone() name=Signal::derive(move || name.get(lang()).to_string()) />
                <A href=localized(&place_path(&stop)) attr:class="button button-secondary">{t!(i18n, place_details)}</A>
            </div>
        </section>
    })
}
