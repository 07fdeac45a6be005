//! The one map component. Pages hand it markers and an optional path; how they are drawn
//! (Leaflet, through the small adapter `public/map/ocop-map.js`) stays behind this file.
//!
//! Leaflet's JavaScript and CSS are fetched only when a map is first shown, so the catalog's
//! first load does not pay for them. The province outline ships with the app and is always
//! drawn; online tiles (from `config.json`) are an optional layer whose failure changes
//! nothing else. If the map cannot load at all, the page's place list (always rendered
//! next to it) still has every place, and a translated message says so.

use crate::i18n::*;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::html::Div;
use leptos::prelude::*;
use ocop_core::config::TileLayer;
use ocop_core::geo::PROVINCE_BOUNDS;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

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
}

#[wasm_bindgen]
extern "C" {
    // Resolved when called, not at start-up: `ocopMap` exists only after `load_map_js`.
    #[wasm_bindgen(js_namespace = ocopMap, js_name = create)]
    fn map_create(element: &web_sys::HtmlElement, options: &JsValue) -> JsValue;
    #[wasm_bindgen(js_namespace = ocopMap, js_name = setMarkers)]
    fn map_set_markers(state: &JsValue, markers: &JsValue);
    #[wasm_bindgen(js_namespace = ocopMap, js_name = setPath)]
    fn map_set_path(state: &JsValue, points: &JsValue);
    #[wasm_bindgen(js_namespace = ocopMap, js_name = fit)]
    fn map_fit(state: &JsValue, points: &JsValue);
    #[wasm_bindgen(js_namespace = ocopMap, js_name = onSelect)]
    fn map_on_select(state: &JsValue, callback: &Closure<dyn Fn(String)>);
    #[wasm_bindgen(js_namespace = ocopMap, js_name = locate)]
    fn map_locate(state: &JsValue, callback: &Closure<dyn Fn(bool, f64, f64, i32)>);
    #[wasm_bindgen(js_namespace = ocopMap, js_name = destroy)]
    fn map_destroy(state: &JsValue);
}

type LoadFuture = Shared<LocalBoxFuture<'static, Result<(), String>>>;

thread_local! {
    // One download per page load, however many maps mount while it is in flight.
    static MAP_JS: RefCell<Option<LoadFuture>> = const { RefCell::new(None) };
}

/// Loads Leaflet (CSS + JS) and the adapter once, on first use.
async fn load_map_js() -> Result<(), String> {
    let future = MAP_JS.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                async {
                    add_stylesheet("vendor/leaflet/leaflet.css")?;
                    add_script("vendor/leaflet/leaflet.js").await?;
                    add_script("map/ocop-map.js").await
                }
                .boxed_local()
                .shared()
            })
            .clone()
    });
    let result = future.await;
    if result.is_err() {
        // Let a later visit to a map page try again (the network may be back).
        MAP_JS.with(|cell| cell.borrow_mut().take());
    }
    result
}

fn add_stylesheet(href: &str) -> Result<(), String> {
    let document = document();
    let link = document.create_element("link").map_err(js_error)?;
    link.set_attribute("rel", "stylesheet").map_err(js_error)?;
    link.set_attribute("href", href).map_err(js_error)?;
    document
        .head()
        .ok_or("no <head>")?
        .append_child(&link)
        .map_err(js_error)?;
    Ok(())
}

async fn add_script(src: &str) -> Result<(), String> {
    let document = document();
    let script: web_sys::HtmlElement = document
        .create_element("script")
        .map_err(js_error)?
        .unchecked_into();
    script.set_attribute("src", src).map_err(js_error)?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    document
        .head()
        .ok_or("no <head>")?
        .append_child(&script)
        .map_err(js_error)?;
    JsFuture::from(loaded)
        .await
        .map(|_| ())
        .map_err(|_| format!("could not load {src}"))
}

fn js_error(e: JsValue) -> String {
    format!("{e:?}")
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Options<'a> {
    outline_url: &'a str,
    outline_attribution: &'a str,
    tiles: Option<Tiles<'a>>,
    /// "{count} places: zoom in", for a cluster of markers.
    cluster_label: &'a str,
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
    tiles: Option<TileLayer>,
) -> impl IntoView {
    let i18n = use_i18n();
    let element = NodeRef::<Div>::new();
    let status = RwSignal::new(Status::Loading);
    let located = RwSignal::new(Located::Idle);
    let handle = StoredValue::new_local(None::<JsValue>);
    let select_closure = StoredValue::new_local(None::<Closure<dyn Fn(String)>>);
    let locate_closure = StoredValue::new_local(None::<Closure<dyn Fn(bool, f64, f64, i32)>>);

    Effect::new(move |_| {
        let Some(el) = element.get() else { return };
        let tiles = tiles.clone();
        leptos::task::spawn_local(async move {
            if let Err(e) = load_map_js().await {
                leptos::logging::warn!("map: {e}");
                status.set(Status::Failed);
                return;
            }
            let b = PROVINCE_BOUNDS;
            let cluster_label = t_string!(i18n, map_cluster, count = "{count}").to_string();
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
            };
            let el: &web_sys::HtmlElement = &el;
            let state = map_create(el, &to_js(&options));
            if let Some(on_select) = on_select {
                let closure = Closure::<dyn Fn(String)>::new(move |key: String| on_select.run(key));
                map_on_select(&state, &closure);
                select_closure.set_value(Some(closure));
            }
            let points: Vec<(f64, f64)> =
                markers.with_untracked(|m| m.iter().map(|m| (m.lat, m.lon)).collect());
            map_fit(&state, &to_js(&points));
            handle.set_value(Some(state));
            status.set(Status::Ready);
        });
    });

    Effect::new(move |_| {
        let list = markers.get();
        if status.get() == Status::Ready {
            handle.with_value(|h| {
                if let Some(state) = h {
                    map_set_markers(state, &to_js(&list));
                }
            });
        }
    });
    Effect::new(move |_| {
        let points = path.get();
        if status.get() == Status::Ready {
            handle.with_value(|h| {
                if let Some(state) = h {
                    map_set_path(state, &to_js(&points));
                }
            });
        }
    });
    on_cleanup(move || {
        handle.with_value(|h| {
            if let Some(state) = h {
                map_destroy(state);
            }
        });
    });

    let locate = move |_| {
        located.set(Located::Busy);
        let closure =
            Closure::<dyn Fn(bool, f64, f64, i32)>::new(move |ok: bool, _lat: f64, _lon: f64, code: i32| {
                located.set(match (ok, code) {
                    (true, _) => Located::Found,
                    (false, 1) => Located::Denied,
                    _ => Located::Unavailable,
                });
            });
        handle.with_value(|h| {
            if let Some(state) = h {
                map_locate(state, &closure);
            }
        });
        locate_closure.set_value(Some(closure));
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
