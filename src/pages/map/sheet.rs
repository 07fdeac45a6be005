//! The sheet over the map: the place that was tapped or picked, what can be bought there and
//! what to do next. A bottom sheet on a phone (the map stays visible above it), a panel at
//! the map's side on a wide screen (`.map-sheet` in style/main.css). Closed by its button or
//! Escape, which give the focus back to the place's marker. Places no zoom can pull apart
//! (`ocop_core::map_spots::same_spot`) are listed in it together.

use super::view::MapView;
use crate::components::labels;
use crate::components::lang_of;
use crate::components::map::MapControl;
use crate::components::rating::RatingLine;
use crate::components::trip_parts::AddToTrip;
use crate::i18n::*;
use crate::state::app_data::AppData;
use crate::state::language::localized;
use crate::state::use_app_data;
use leptos::html::H2;
use leptos::prelude::*;
use leptos_router::components::A;
use ocop_core::model::StopRef;
use ocop_core::places::{place, place_path};
use ocop_core::trip::stop_key;
use ocop_core::where_to_buy::sold_at;

/// What the sheet lists as made or sold at a place: product indices in dataset order.
///
/// The answer every page gives (`ocop_core::where_to_buy::sold_at`, the reverse of the
/// product page's "where to buy"), so the sheet, the place page and the shopping list agree.
pub fn sheet_products(data: &AppData, stop: &StopRef) -> Vec<usize> {
    sold_at(data.dataset(), &data.places, stop)
        .into_iter()
        .map(|(product, _)| product)
        .collect()
}

/// The sheet, while a place is chosen. `focus`: set when the visitor opens a place (a tap, a
/// search pick); the sheet then takes the focus and clears it. A shared link opens the sheet
/// without it: focus stays where the page starts.
#[component]
pub fn PlaceSheet(view: MapView, control: MapControl, focus: RwSignal<bool>) -> impl IntoView {
    let open = Memo::new(move |_| !view.selected.with(Vec::is_empty));
    let close = move || {
        let first = view.selected.with_untracked(|s| s.first().map(stop_key));
        view.set_param("place", None);
        control.focus.set(first);
    };
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && open.get_untracked() {
            close();
        }
    });
    on_cleanup(move || escape.remove());
    view! {
        <Show when=move || open.get()>
            <SheetPanel view focus close=Callback::new(move |()| close()) />
        </Show>
    }
}

#[component]
fn SheetPanel(view: MapView, focus: RwSignal<bool>, close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let data = use_app_data();
    let title = NodeRef::<H2>::new();
    // Tracks both: the heading may be drawn before or after the request.
    Effect::new(move |_| {
        if let (true, Some(h)) = (focus.get(), title.get()) {
            let _ = h.focus();
            focus.set(false);
        }
    });
    let heading = move || {
        let stops = view.selected.get();
        match stops.as_slice() {
            [one] => place(data.dataset(), one).map(|p| p.name.get(lang()).to_string()),
            many => Some(t_count!(i18n, map_sheet_same_spot, count = many.len())),
        }
    };
    let body = move || {
        let stops = view.selected.get();
        let titled = stops.len() > 1;
        stops
            .into_iter()
            .map(|stop| view! { <SheetPlace stop titled /> })
            .collect_view()
    };
    view! {
        <section class="map-sheet" role="dialog" aria-labelledby="map-sheet-title" data-testid="map-sheet">
            <div class="map-sheet-head">
                <h2 id="map-sheet-title" tabindex="-1" node_ref=title>{heading}</h2>
                <button type="button" class="button button-secondary map-sheet-close" on:click=move |_| close.run(())>
                    {t!(i18n, map_sheet_close)}
                </button>
            </div>
            {body}
        </section>
    }
}

/// One place in the sheet; nothing when the dataset does not have it. `titled`: several
/// places share the sheet, each under its own name.
#[component]
fn SheetPlace(stop: StopRef, titled: bool) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let data = use_app_data();
    let dataset = data.dataset();
    let place = place(dataset, &stop)?;
    let name = place.name.clone();
    let title = name.clone();
    let kind = place.kind.key();
    let products: Vec<_> = sheet_products(&data, &stop)
        .into_iter()
        .map(|i| {
            let p = &dataset.products[i];
            (p.id.clone(), p.name.clone(), p.rating.clone())
        })
        .collect();
    let products_view = if products.is_empty() {
        view! { <p class="muted">{t!(i18n, place_no_products)}</p> }.into_any()
    } else {
        view! {
            <p class="map-sheet-subhead">{t!(i18n, place_products)}</p>
            <ul class="plain map-sheet-products">
                {products
                    .into_iter()
                    .map(|(id, name, rating)| view! {
                        <li>
                            <A href=localized(&format!("/p/{id}"))>{move || name.get(lang()).to_string()}</A>
                            <span class="map-sheet-rating"><RatingLine rating /></span>
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let name_view = titled.then(|| view! { <h3>{move || title.get(lang()).to_string()}</h3> });
    Some(view! {
        <article class="map-sheet-place" data-testid="selected-place" data-key=stop_key(&stop)>
            {name_view}
            <p class="muted">{move || labels::place_kind(i18n, kind)}</p>
            {products_view}
            <div class="actions">
                <A href=localized(&place_path(&stop)) attr:class="button">{t!(i18n, map_sheet_open_place)}</A>
                <AddToTrip stop=stop.clone() name=Signal::derive(move || name.get(lang()).to_string()) />
            </div>
        </article>
    })
}
