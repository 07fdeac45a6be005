//! The system share sheet (Web Share API, `navigator.share`), where the browser has one:
//! phones mostly. Elsewhere the page copies instead; [`can_share`] tells it which to offer.

use super::target::IN_BROWSER;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How a share ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// Handed to another app.
    Done,
    /// The visitor closed the sheet: nothing to report or fall back to.
    Cancelled,
    /// No share sheet, or it failed: copy instead.
    Unavailable,
}

/// Whether `navigator.share` exists.
pub fn can_share() -> bool {
    IN_BROWSER && share_function().is_some()
}

fn share_function() -> Option<(JsValue, js_sys::Function)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let share = js_sys::Reflect::get(&navigator, &JsValue::from_str("share")).ok()?;
    share.dyn_into::<js_sys::Function>().ok().map(|f| (navigator, f))
}

/// Opens the share sheet with a title, a text and, if given, a link.
pub async fn share(title: &str, text: &str, url: Option<&str>) -> Shared {
    if !IN_BROWSER {
        return Shared::Unavailable;
    }
    let Some((navigator, share)) = share_function() else {
        return Shared::Unavailable;
    };
    let data = js_sys::Object::new();
    let set = |key: &str, value: &str| {
        let _ = js_sys::Reflect::set(&data, &JsValue::from_str(key), &JsValue::from_str(value));
    };
    set("title", title);
    set("text", text);
    if let Some(url) = url {
        set("url", url);
    }
    let Ok(promise) = share.call1(&navigator, &data) else {
        return Shared::Unavailable;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return Shared::Unavailable;
    };
    match JsFuture::from(promise).await {
        Ok(_) => Shared::Done,
        Err(error) => {
            let name = js_sys::Reflect::get(&error, &JsValue::from_str("name"))
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                Shared::Cancelled
            } else {
                Shared::Unavailable
            }
        }
    }
}
