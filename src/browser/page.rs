//! The page itself: its address, title, scroll position, clock, printing, downloads, the
//! clipboard, and the User Timing entries the benchmark reads.

use super::target::IN_BROWSER;
use leptos::prelude::{document, window};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The path of the current address (`/list`).
pub fn path() -> String {
    // Rendered at build time: the path being rendered.
    #[cfg(feature = "ssr")]
    if !IN_BROWSER {
        return leptos::prelude::use_context::<leptos_router::location::RequestUrl>()
            .map(|url| url.as_ref().to_string())
            .unwrap_or_default();
    }
    window().location().pathname().unwrap_or_default()
}

/// The page's origin (`https://host`), for links that leave the device.
pub fn origin() -> String {
    if !IN_BROWSER {
        return String::new();
    }
    window().location().origin().unwrap_or_default()
}

pub fn reload() {
    let _ = window().location().reload();
}

pub fn print() {
    let _ = window().print();
}

pub fn set_title(title: &str) {
    if !IN_BROWSER {
        return;
    }
    document().set_title(title);
}

pub fn scroll_to_top() {
    if !IN_BROWSER {
        return;
    }
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Scrolls the element with this id into view, if there is one.
pub fn scroll_to(id: &str) {
    if !IN_BROWSER {
        return;
    }
    if let Some(element) = document().get_element_by_id(id) {
        element.scroll_into_view();
    }
}

/// Moves keyboard focus to the element with this id, if there is one.
pub fn focus(id: &str) {
    if !IN_BROWSER {
        return;
    }
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// [`focus`] once the current updates are drawn: an element shown by the same click (a
/// dialog's close button) is not in the page until then.
pub fn focus_soon(id: &'static str) {
    if IN_BROWSER {
        gloo_timers::callback::Timeout::new(0, move || focus(id)).forget();
    }
}

/// The id of the element that has keyboard focus (empty when none has, or it has no id).
pub fn focused_id() -> String {
    if !IN_BROWSER {
        return String::new();
    }
    document().active_element().map(|e| e.id()).unwrap_or_default()
}

/// Removes the element with this id (index.html's static loading screen).
pub fn remove_element(id: &str) {
    if !IN_BROWSER {
        return;
    }
    if let Some(element) = document().get_element_by_id(id) {
        element.remove();
    }
}

/// The pre-rendered page (`#boot`, written by the build-time renderer) gives way to the app,
/// which has just drawn the same page: after the next frame has been painted it is removed,
/// the scroll position kept, and what the visitor had typed into its text box `input_id` carried into the app's
/// box of that id (value, focus) with an `input` event, so the app applies it as if typed
/// there. Nothing happens when there is no `#boot` (already taken over), nor when `ready`
/// says no by then: something began drawing in between (a part's download), and the caller
/// asks again when it is done.
pub fn take_over_from_boot(input_id: &'static str, ready: impl Fn() -> bool + 'static) {
    if !IN_BROWSER {
        return;
    }
    // After a painted frame, never before the first one: on a fast device the app can be
    // ready before the browser has painted at all, and the page's first paint (its LCP) would
    // then wait for the wasm. An animation frame's callback runs before that frame's paint; a
    // task queued from it runs after. The swap itself is one task, so nothing paints between
    // the removal and the app.
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(
            move || {
                if ready() {
                    swap_boot_for_app(input_id);
                }
            },
            std::time::Duration::ZERO,
        )
    });
}

fn swap_boot_for_app(input_id: &str) {
    let document = document();
    let Some(boot) = document.get_element_by_id("boot") else {
        return;
    };
    let typed = boot
        .query_selector(&format!("#{input_id}"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| {
            let focused = document.active_element().is_some_and(|a| a == *input.as_ref());
            (input.value(), focused)
        });
    let scroll_y = window().scroll_y().unwrap_or(0.0);
    boot.remove();
    window().scroll_to_with_x_and_y(0.0, scroll_y);
    let Some((text, focused)) = typed else {
        return;
    };
    let Some(input) = document
        .get_element_by_id(input_id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    // The pre-rendered box starts empty: only text the visitor typed is carried over (the
    // app's box may already hold a search from the URL).
    if !text.is_empty() && input.value() != text {
        input.set_value(&text);
        // Bubbling: Leptos listens for `input` once, on the document (event delegation).
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
            let _ = input.dispatch_event(&event);
        }
    }
    if focused {
        let _ = input.focus();
    }
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    if !IN_BROWSER {
        return 0.0;
    }
    js_sys::Date::now()
}

/// This year and month (1–12), on the visitor's clock.
pub fn this_month() -> (i32, u8) {
    if !IN_BROWSER {
        return build_month();
    }
    let now = js_sys::Date::new_0();
    (now.get_full_year() as i32, (now.get_month() + 1) as u8)
}

/// `YYYY-MM` of [`this_month`], the form certificate dates are kept in.
pub fn this_month_key() -> String {
    let (year, month) = this_month();
    format!("{year:04}-{month:02}")
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
    if !IN_BROWSER {
        return;
    }
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
    if !IN_BROWSER {
        return work();
    }
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

/// Runs `f` in a task of its own, so that the browser can handle input and paint in
/// between; `None` (and `f` never called) where there is no browser.
pub fn in_next_task(f: impl FnOnce() + 'static) -> Option<Timer> {
    IN_BROWSER.then(|| Timer::after(0, f))
}

/// Lets the browser handle input and paint before the caller goes on (a zero-delay timer);
/// returns at once where there is no browser.
pub async fn yield_to_browser() {
    if IN_BROWSER {
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
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
    if !IN_BROWSER {
        return None;
    }
    leptos::prelude::set_interval_with_handle(f, period).ok()
}

/// The browser's preferred languages, most wanted first (`navigator.languages`).
pub fn preferred_languages() -> Vec<String> {
    if !IN_BROWSER {
        return Vec::new();
    }
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect()
}

/// The month the pages are rendered in (UTC): "this month" on a pre-rendered page, until the
/// app takes over with the visitor's clock.
fn build_month() -> (i32, u8) {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days to a civil date (Howard Hinnant's algorithm), kept to year and month.
    let z = (seconds / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month as u8)
}
