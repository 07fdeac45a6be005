//! `/map`: every spot and sales point on the province map, filtered by kind, by product and
//! by the visit month. Tapping a marker (or a row in the list) shows what is made or sold
//! there. The list under the map has every place too: it is the keyboard and screen-reader
//! way through the map, and it still works if the map's JavaScript cannot load.
//!
//! Filters live in the URL (`view.rs`) so a view can be shared or bookmarked; the month is
//! the visitor's (see `MonthPicker`).

mod filters;
mod place_list;
mod selected;
mod view;

use crate::components::lang_of;
use crate::components::map::{MapMarker, PlaceMap};
use crate::i18n::*;
use crate::state::{use_app_data, use_visitor};
use filters::MapFilters;
use leptos::prelude::*;
use ocop_core::places::place;
use place_list::PlaceList;
use selected::SelectedPlaces;
use view::MapView;

#[component]
pub fn MapPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let visitor = use_visitor();
    let view = MapView::from_url();
    let tiles = data.tiles.clone();
    // Numbered when on the trip, faded when out of season, highlighted when tapped.
    let markers = Signal::derive(move || {
        let dataset = data.dataset();
        let lang = lang_of(i18n.get_locale());
        let month = visitor.visit_month.get();
        let chosen = view.selected.get();
        let trip = visitor.trip.get();
        view.visible
            .get()
            .iter()
            .filter_map(|stop| place(dataset, stop))
            .map(|p| {
                let marker = MapMarker::from_place(&p, lang)
                    .dimmed(month.and_then(|m| p.in_season(m)) == Some(false))
                    .selected(chosen.contains(&p.stop));
                match trip.stops().iter().position(|s| s == &p.stop) {
                    Some(i) => marker.numbered(i + 1),
                    None => marker,
                }
            })
            .collect::<Vec<_>>()
    });
    let on_select = Callback::new(move |key: String| view.set_param("place", Some(key)));
    view! {
        <section class="map-page">
            <h1>{t!(i18n, map_title)}</h1>
            <p class="muted">{t!(i18n, map_intro)}</p>
            // The outline is Natural Earth's, coarse at this scale: docs/data-audit.md lists
            // every place it leaves at sea, and a test keeps that list known.
            <p class="muted" data-testid="map-outline-note">{t!(i18n, map_outline_note)}</p>
            <div class="map-layout">
                <div class="map-main">
                    <PlaceMap
                        markers
                        label=Signal::derive(move || t_string!(i18n, map_label).to_string())
                        on_select
                        tiles
                    />
                    <SelectedPlaces view />
                </div>
                <MapFilters view />
            </div>
            <h2>{move || t_count!(i18n, map_places_count, count = view.visible.with(Vec::len))}</h2>
            <PlaceList view />
        </section>
    }
    .into_any()
}
