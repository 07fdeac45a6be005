//! `/map`: every spot and sales point on the province map, filtered by kind, by product and
//! by the visit month. Tapping a marker, or picking a place from the search box, opens the
//! place's sheet over the map (`sheet.rs`): a bottom sheet on a phone, a side panel on a wide
//! screen. The list of every place stays under the map, folded (`place_list.rs`): it is the
//! keyboard and screen-reader way through the map, and it still works if the map's
//! JavaScript cannot load.
//!
//! Filters and the open place live in the URL (`view.rs`) so a view can be shared or
//! bookmarked; the month is the visitor's (see `MonthPicker`).

mod filters;
mod place_list;
mod search;
mod sheet;
mod view;

use crate::components::lang_of;
use crate::components::map::{MapControl, MapMarker, PlaceMap};
use crate::i18n::*;
use crate::state::{use_app_data, use_visitor};
use filters::MapFilters;
use leptos::prelude::*;
use ocop_core::model::StopRef;
use ocop_core::places::place;
use ocop_core::trip::parse_stop_key;
use place_list::PlaceList;
use search::MapSearch;
use sheet::PlaceSheet;
use view::MapView;

/// How far a search pick or a shared link zooms in: a town's streets, the place's neighbours.
const PICKED_ZOOM: f64 = 13.0;

#[component]
pub fn MapPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_app_data();
    let visitor = use_visitor();
    let view = MapView::from_url();
    let control = MapControl::new();
    // The sheet takes the focus when the visitor opens a place, not for a shared link.
    let focus_sheet = RwSignal::new(false);
    let tiles = data.tiles.clone();
    // Numbered when on the trip, faded when out of season, highlighted when tapped.
    let markers = {
        let data = data.clone();
        Signal::derive(move || {
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
        })
    };
    // Opens a place's sheet and brings the place into view, zoomed in to at least `zoom`.
    let open = {
        let data = data.clone();
        move |stops: Vec<StopRef>, zoom: f64| {
            if let Some(p) = stops.first().and_then(|s| place(data.dataset(), s)) {
                control
                    .reveal
                    .set(Some((p.coordinates.lat, p.coordinates.lon, zoom)));
            }
            let keys: Vec<String> = stops.iter().map(ocop_core::trip::stop_key).collect();
            focus_sheet.set(true);
            view.set_param("place", Some(keys.join(",")));
        }
    };
    let on_select = {
        let open = open.clone();
        // A tap keeps the zoom: the visitor chose it.
        Callback::new(move |keys: String| open(keys.split(',').filter_map(parse_stop_key).collect(), 0.0))
    };
    let on_pick = {
        let open = open.clone();
        Callback::new(move |stop: StopRef| open(vec![stop], PICKED_ZOOM))
    };
    // A shared link with `?place=`: the sheet is open from the start; show the place too.
    if let Some(p) = view
        .selected
        .get_untracked()
        .first()
        .and_then(|s| place(data.dataset(), s))
    {
        control
            .reveal
            .set(Some((p.coordinates.lat, p.coordinates.lon, PICKED_ZOOM)));
    }
    view! {
        <section class="map-page">
            <h1>{t!(i18n, map_title)}</h1>
            <p class="muted">{t!(i18n, map_intro)}</p>
            // The outline is Natural Earth's, coarse at this scale: docs/data-audit.md lists
            // every place it leaves at sea, and a test keeps that list known.
            <p class="muted" data-testid="map-outline-note">{t!(i18n, map_outline_note)}</p>
            <div class="map-layout">
                <div class="map-main">
                    <MapSearch view on_pick />
                    <div class="map-stage">
                        <PlaceMap
                            markers
                            label=Signal::derive(move || t_string!(i18n, map_label).to_string())
                            on_select
                            control
                            tiles
                        />
                        <PlaceSheet view control focus=focus_sheet />
                    </div>
                </div>
                <MapFilters view />
            </div>
            <PlaceList view />
        </section>
    }
    .into_any()
}
