//! Leaflet, through the small adapter `public/map/ocop-map.js`: loaded the first time a map
//! is shown (so the catalog's first load does not pay for it), then driven through a handle.
//! `components/map.rs` decides what to draw; this file only talks to the JavaScript.

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::document;
use serde::Serialize;
use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    // Resolved when called, not at start-up: `ocopMap` exists only after `load`.
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
    #[wasm_bindgen(js_namespace = ocopMap, js_name = reveal)]
    fn map_reveal(state: &JsValue, lat: f64, lon: f64, min_zoom: f64);
    #[wasm_bindgen(js_namespace = ocopMap, js_name = focusMarker)]
    fn map_focus_marker(state: &JsValue, key: &str) -> bool;
    #[wasm_bindgen(js_namespace = ocopMap, js_name = destroy)]
    fn map_destroy(state: &JsValue);
}

type LoadFuture = Shared<LocalBoxFuture<'static, Result<(), String>>>;

thread_local! {
    // One download per page load, however many maps mount while it is in flight.
    static MAP_JS: RefCell<Option<LoadFuture>> = const { RefCell::new(None) };
}

/// Loads Leaflet (CSS + JS) and the adapter once, on first use.
pub async fn load() -> Result<(), String> {
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

/// A Rust value as a JavaScript one, through JSON (markers, options, points).
fn to_js<T: Serialize>(value: &T) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL)
}

/// Keeps a callback the map holds alive; dropping it frees the callback.
pub struct Callback(#[allow(dead_code)] Box<dyn Any>);

/// One map on the page, made by [`LeafletMap::create`] once [`load`] has succeeded.
pub struct LeafletMap(JsValue);

impl LeafletMap {
    /// A map in `element`, with the adapter's `options` (see `public/map/ocop-map.js`).
    pub fn create(element: &impl AsRef<web_sys::HtmlElement>, options: &impl Serialize) -> LeafletMap {
        LeafletMap(map_create(element.as_ref(), &to_js(options)))
    }

    pub fn set_markers(&self, markers: &impl Serialize) {
        map_set_markers(&self.0, &to_js(markers));
    }

    /// A line through `(lat, lon)` points.
    pub fn set_path(&self, points: &[(f64, f64)]) {
        map_set_path(&self.0, &to_js(&points));
    }

    /// Fits the view to `(lat, lon)` points (the province when empty).
    pub fn fit(&self, points: &[(f64, f64)]) {
        map_fit(&self.0, &to_js(&points));
    }

    /// Calls `on_select` with a marker's key when it is tapped.
    pub fn on_select(&self, on_select: impl Fn(String) + 'static) -> Callback {
        let closure = Closure::<dyn Fn(String)>::new(on_select);
        map_on_select(&self.0, &closure);
        Callback(Box::new(closure))
    }

    /// Asks for the visitor's position; `done(found, lat, lon, error_code)` (code 1: denied).
    pub fn locate(&self, done: impl Fn(bool, f64, f64, i32) + 'static) -> Callback {
        let closure = Closure::<dyn Fn(bool, f64, f64, i32)>::new(done);
        map_locate(&self.0, &closure);
        Callback(Box::new(closure))
    }

    /// Brings `(lat, lon)` into view in the upper part of the map, zoomed in to at least
    /// `min_zoom`.
    pub fn reveal(&self, lat: f64, lon: f64, min_zoom: f64) {
        map_reveal(&self.0, lat, lon, min_zoom);
    }

    /// Focuses the marker with this key, or the group holding it; false when none is drawn.
    pub fn focus_marker(&self, key: &str) -> bool {
        map_focus_marker(&self.0, key)
    }

    pub fn destroy(&self) {
        map_destroy(&self.0);
    }
}
