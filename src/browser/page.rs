//! The page itself: its address, title, scroll position, clock, printing, downloads, the
//! clipboard, and the User Timing entries the benchmark reads.

use leptos::prelude::{document, window};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The path of the current address (`/list`).
pub fn path() -> String {
    window().location().pathname().unwrap_or_default()
}

/// The page's origin (`https://host`), for links that leave the device.
pub fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

pub fn reload() {
    let _ = window().location().reload();
}

pub fn print() {
    let _ = window().print();
}

pub fn set_title(title: &str) {
    document().set_title(title);
}

pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Scrolls the element with this id into view, if there is one.
pub fn scroll_to(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        element.scroll_into_view();
    }
}

/// Removes the element with this id (index.html's static loading screen).
pub fn remove_element(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        element.remove();
    }
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// This year and month (1–12), on the visitor's clock.
pub fn this_month() -> (i32, u8) {
    let now = js_sys::Date::new_0();
    (now.get_full_year() as i32, (now.get_month() + 1) as u8)
}

/// The input an event came from.
fn input_of(ev: &web_sys::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()
}

/// Selects the text of the input an event came from (a share link, so one tap copies it).
pub fn select_input_text(ev: &web_sys::Event) {
    if let Some(input) = input_of(ev) {
        input.select();
    }
}

/// Sets the value of the input an event came from (redraws a field the state did not take).
pub fn set_input_value(ev: &web_sys::Event, value: &str) {
    if let Some(input) = input_of(ev) {
        input.set_value(value);
    }
}

/// Turns off what a public touch screen must not do: pinch-zoom, text selection, long-press
/// menus and overscroll navigation (CSS on `html.kiosk`, see style/main.css).
///
/// Pinch-zoom is stopped with `touch-action: pan-x pan-y`, not `user-scalable=no` in the
/// viewport: the latter also blocks zoom for people who need it on a phone, and axe flags
/// it (WCAG 1.4.4). Kiosk type is 125 % instead.
pub fn lock_down_for_kiosk() {
    if let Some(html) = document().document_element() {
        let _ = html.class_list().add_1("kiosk");
    }
    let menu = leptos::prelude::window_event_listener(leptos::ev::contextmenu, |ev| ev.prevent_default());
    // For the life of the page.
    std::mem::forget(menu);
}

/// Copies text to the clipboard; false when the browser refuses (no permission, an
/// insecure origin, an old browser), so the page can point at the visible text instead.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    JsFuture::from(window.navigator().clipboard().write_text(text))
        .await
        .is_ok()
}

/// Saves `text` as a file through a temporary object URL.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    download_js(file_name, mime, text).map_err(|e| format!("{e:?}"))
}

fn download_js(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Runs `work` between two User Timing marks and records it as the measure `name`.
/// `cargo xtask bench` (bench/report.mjs) reads these to time work apart from rendering.
/// Only the latest measure of a name is kept: the browser keeps every entry until it is
/// cleared, and a kiosk runs thousands of queries a day (the soak run saw the JS heap creep
/// up by them).
pub fn measure<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let timing = window().performance();
    let start = format!("{name}-start");
    if let Some(p) = &timing {
        p.clear_measures_with_measure_name(name);
        let _ = p.mark(&start);
    }
    let result = work();
    if let Some(p) = &timing {
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
    result
}

/// A one-shot timer; dropping it (or [`Timer::cancel`]) stops it from firing.
pub struct Timer(gloo_timers::callback::Timeout);

impl Timer {
    /// Calls `f` once, after `ms` milliseconds.
    pub fn after(ms: u32, f: impl FnOnce() + 'static) -> Timer {
        Timer(gloo_timers::callback::Timeout::new(ms, f))
    }

    pub fn cancel(self) {
        self.0.cancel();
    }
}

/// Calls `f` every `period` until the handle is cleared; `None` when the browser refuses.
pub fn every(period: std::time::Duration, f: impl Fn() + 'static) -> Option<leptos::prelude::IntervalHandle> {
    leptos::prelude::set_interval_with_handle(f, period).ok()
}
