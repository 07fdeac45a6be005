//! The one map component. Pages hand it markers and an optional path; how they are drawn
//! (Leaflet, through the small adapter `public/map/ocop-map.js`) stays behind this file and
//! `browser::leaflet`.
//!
//! Leaflet's JavaScript and CSS are fetched only when a map is first shown, so the catalog's
//! first load does not pay for them. The province outline ships with the app and is always
//! drawn; online tiles (from `config.json`) are an optional layer whose failure changes
//! nothing else. If the map cannot load at all, the page's place list (always rendered
//! next to it) still has every place, and a translated message says so.

use crate::browser::leaflet::{self, LeafletMap};
use crate::i18n::*;
use leptos::html::Div;
use leptos::prelude::*;
use ocop_core::config::TileLayer;
use ocop_core::geo::PROVINCE_BOUNDS;
use ocop_core::map_spots::{same_spot, DEFAULT_MAX_ZOOM};
use ocop_core::places::Place;
use ocop_core::trip::stop_key;
use ocop_core::Lang;
use serde::Serialize;

pub const OUTLINE_PATH: &str = "data/quang-ninh-outline.geojson";
const OUTLINE_ATTRIBUTION: &str = "Outline: Natural Earth (public domain)";

/// One marker. `key` comes back through `on_select` when it is tapped.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MapMarker {
    pub key: String,
    pub lat: f64,
    pub lon: f64,
    pub name: String,
    /// Selects the marker's colour and shape (`farm`, `sales_point`…).
    pub kind: &'static str,
    /// A stop number on routes and trips.
    pub label: Option<String>,
    /// Drawn faded (out of season for the chosen month).
    pub dim: bool,
    pub selected: bool,
    /// Markers with the same number are closer than a touch target even at the deepest zoom
    /// (`ocop_core::map_spots::same_spot`): their group opens as a list. Set by [`PlaceMap`].
    pub spot: usize,
}

/// What a page asks of its map besides markers: bring a place into view, give a marker the
/// focus back (when a place's sheet closes). Each request is taken once, then cleared.
#[derive(Clone, Copy)]
pub struct MapControl {
    /// `(lat, lon, min_zoom)`.
    pub reveal: RwSignal<Option<(f64, f64, f64)>>,
    /// A marker's key.
    pub focus: RwSignal<Option<String>>,
}

impl MapControl {
    pub fn new() -> MapControl {
        MapControl {
            reveal: RwSignal::new(None),
            focus: RwSignal::new(None),
        }
    }
}

impl Default for MapControl {
    fn default() -> Self {
        MapControl::new()
    }
}

impl MapMarker {
    /// A place's marker, named in `lang`; not numbered, faded or selected.
    pub fn from_place(place: &Place, lang: Lang) -> MapMarker {
        MapMarker {
            key: stop_key(&place.stop),
            lat: place.coordinates.lat,
            lon: place.coordinates.lon,
            name: place.name.get(lang).to_string(),
            kind: place.kind.key(),
            label: None,
            dim: false,
            selected: false,
            spot: 0,
        }
    }

    /// With a stop number (`number` from 1).
    pub fn numbered(self, number: usize) -> Self {
        MapMarker {
            label: Some(number.to_string()),
            ..self
        }
    }

    /// Faded, e.g. out of season for the chosen month.
    pub fn dimmed(self, dim: bool) -> Self {
        MapMarker { dim, ..self }
    }

    pub fn selected(self, selected: bool) -> Self {
        MapMarker { selected, ..self }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Options<'a> {
    outline_url: &'a str,
    outline_attribution: &'a str,
    tiles: Option<Tiles<'a>>,
    /// "{count} places: zoom in", for a cluster of markers.
    cluster_label: &'a str,
    /// "{count} places at one spot", for a group no zoom separates.
    spot_label: &'a str,
    /// The deepest zoom, the one `same_spot` is worked out at.
    max_zoom: u8,
    /// south, west, north, east
    bounds: [f64; 4],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Tiles<'a> {
    url: &'a str,
    attribution: &'a str,
    max_zoom: u8,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Loading,
    Ready,
    Failed,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Located {
    Idle,
    Busy,
    Found,
    Denied,
    Unavailable,
}

/// A map of the province with `markers`, and `path` drawn as a line through its points.
/// The view fits `fit_to` (all markers when empty) once, when the map is ready.
#[component]
pub fn PlaceMap(
    #[prop(into)] markers: Signal<Vec<MapMarker>>,
    #[prop(into, optional)] path: Signal<Vec<(f64, f64)>>,
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] on_select: Option<Callback<String>>,
    #[prop(optional)] control: Option<MapControl>,
    tiles: Option<TileLayer>,
) -> impl IntoView {
    let max_zoom = tiles.as_ref().map_or(DEFAULT_MAX_ZOOM, |t| t.max_zoom);
    let i18n = use_i18n();
    let element = NodeRef::<Div>::new();
    let status = RwSignal::new(Status::Loading);
    let located = RwSignal::new(Located::Idle);
    let handle = StoredValue::new_local(None::<LeafletMap>);
    let select_closure = StoredValue::new_local(None::<leaflet::Callback>);
    let locate_closure = StoredValue::new_local(None::<leaflet::Callback>);

    Effect::new(move |_| {
        let Some(el) = element.get() else { return };
        let tiles = tiles.clone();
        leptos::task::spawn_local(async move {
            let loaded = leaflet::load().await;
            // The page may have gone while Leaflet loaded (a link tapped, the language changed,
            // which is a change of route): its signals are disposed and there is nothing to
            // draw into. Reading them would panic ("already disposed"); the rest is synchronous.
            if status.try_get_untracked().is_none() {
                return;
            }
            if let Err(e) = loaded {
                leptos::logging::warn!("map: {e}");
                status.set(Status::Failed);
                return;
            }
            let b = PROVINCE_BOUNDS;
            let cluster_label = t_string!(i18n, map_cluster, count = "{count}").to_string();
            let spot_label = t_string!(i18n, map_cluster_spot, count = "{count}").to_string();
            let options = Options {
                outline_url: OUTLINE_PATH,
                outline_attribution: OUTLINE_ATTRIBUTION,
                tiles: tiles.as_ref().map(|t| Tiles {
                    url: &t.url,
                    attribution: &t.attribution,
                    max_zoom: t.max_zoom,
                }),
                bounds: [b.south, b.west, b.north, b.east],
                cluster_label: &cluster_label,
                spot_label: &spot_label,
                max_zoom,
            };
            let map = LeafletMap::create(&el, &options);
            if let Some(on_select) = on_select {
                select_closure.set_value(Some(map.on_select(move |key: String| on_select.run(key))));
            }
            let points: Vec<(f64, f64)> =
                markers.with_untracked(|m| m.iter().map(|m| (m.lat, m.lon)).collect());
            map.fit(&points);
            handle.set_value(Some(map));
            status.set(Status::Ready);
        });
    });

    Effect::new(move |_| {
        let mut list = markers.get();
        let points: Vec<(f64, f64)> = list.iter().map(|m| (m.lat, m.lon)).collect();
        for (marker, spot) in list.iter_mut().zip(same_spot(&points, f64::from(max_zoom))) {
            marker.spot = spot;
        }
        if status.get() == Status::Ready {
            handle.with_value(|h| {
                if let Some(map) = h {
                    map.set_markers(&list);
                }
            });
        }
    });
    Effect::new(move |_| {
        let points = path.get();
        if status.get() == Status::Ready {
            handle.with_value(|h| {
                if let Some(map) = h {
                    map.set_path(&points);
                }
            });
        }
    });
    if let Some(control) = control {
        follow(control, status, handle, element);
    }
    on_cleanup(move || {
        handle.with_value(|h| {
            if let Some(map) = h {
                map.destroy();
            }
        });
    });

    let locate = move |_| {
        located.set(Located::Busy);
        let callback = handle.with_value(|h| {
            h.as_ref().map(|map| {
                map.locate(move |ok: bool, _lat: f64, _lon: f64, code: i32| {
                    located.set(match (ok, code) {
                        (true, _) => Located::Found,
                        (false, 1) => Located::Denied,
                        _ => Located::Unavailable,
                    });
                })
            })
        });
        if callback.is_some() {
            locate_closure.set_value(callback);
        }
    };
    let locate_message = move || match located.get() {
        Located::Idle => None,
        Located::Busy => Some(t_string!(i18n, map_locating).to_string()),
        Located::Found => Some(t_string!(i18n, map_located).to_string()),
        Located::Denied => Some(t_string!(i18n, map_locate_denied).to_string()),
        Located::Unavailable => Some(t_string!(i18n, map_locate_unavailable).to_string()),
    };

    view! {
        <div class="map-frame">
            <div
                class="map"
                node_ref=element
                role="region"
                aria-label=move || label.get()
                data-status=move || match status.get() {
                    Status::Loading => "loading",
                    Status::Ready => "ready",
                    Status::Failed => "failed",
                }
            ></div>
            {move || match status.get() {
                Status::Loading => Some(view! { <p class="map-status" role="status">{t!(i18n, map_loading)}</p> }.into_any()),
                Status::Failed => Some(view! { <p class="map-status notice" role="alert">{t!(i18n, map_failed)}</p> }.into_any()),
                Status::Ready => None,
            }}
            <div class="map-tools">
                <button type="button" class="button" on:click=locate disabled=move || status.get() != Status::Ready>
                    {t!(i18n, map_locate_me)}
                </button>
                <p class="muted" role="status" aria-live="polite">{locate_message}</p>
            </div>
        </div>
    }
}

/// Carries out a page's requests ([`MapControl`]) once the map is ready.
fn follow(
    control: MapControl,
    status: RwSignal<Status>,
    handle: StoredValue<Option<LeafletMap>, LocalStorage>,
    element: NodeRef<Div>,
) {
    Effect::new(move |_| {
        let Some((lat, lon, zoom)) = control.reveal.get() else {
            return;
        };
        if status.get() == Status::Ready {
            handle.with_value(|h| {
                if let Some(map) = h {
                    map.reveal(lat, lon, zoom);
                }
            });
            control.reveal.set(None);
        }
    });
    Effect::new(move |_| {
        let Some(key) = control.focus.get() else { return };
        let found = handle.with_value(|h| h.as_ref().is_some_and(|map| map.focus_marker(&key)));
        if !found {
            // Not drawn (filtered out, or the map failed): the map itself.
            if let Some(el) = element.get_untracked() {
                let _ = el.focus();
            }
        }
        control.focus.set(None);
    });
}
