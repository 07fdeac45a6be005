//! Keeping the screen on while the visitor shows the list to a seller (Screen Wake Lock
//! API). Feature-detected: where the browser has no `navigator.wakeLock`, or refuses (a
//! hidden tab, low battery), nothing happens and nothing is reported — the screen then
//! dims as usual, which is all the visitor loses.
//!
//! Read through `js_sys::Reflect` rather than web_sys bindings: the API is small, and the
//! bindings would need an unstable web_sys cfg.

use super::target::IN_BROWSER;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A request to keep the screen awake; [`ScreenAwake::release`] (or dropping the last
/// handle) lets it dim again, also when the request is still pending.
#[derive(Clone, Default)]
pub struct ScreenAwake {
    state: Rc<RefCell<State>>,
}

#[derive(Default)]
struct State {
    sentinel: Option<JsValue>,
    released: bool,
}

/// Dropping the last handle releases the lock too, so a view torn down without its cleanup
/// (or a request that resolves after the view closed) never keeps the screen on.
impl Drop for State {
    fn drop(&mut self) {
        if let Some(sentinel) = self.sentinel.take() {
            release_sentinel(&sentinel);
        }
    }
}

impl ScreenAwake {
    /// Asks the browser to keep the screen on, where it can.
    pub fn request() -> ScreenAwake {
        let awake = ScreenAwake::default();
        if !IN_BROWSER {
            return awake;
        }
        let Some(promise) = request_promise() else {
            return awake;
        };
        let state = awake.state.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(sentinel) = JsFuture::from(promise).await else {
                return;
            };
            if state.borrow().released {
                release_sentinel(&sentinel);
            } else {
                state.borrow_mut().sentinel = Some(sentinel);
            }
        });
        awake
    }

    /// Lets the screen dim again.
    pub fn release(&self) {
        let mut state = self.state.borrow_mut();
        state.released = true;
        if let Some(sentinel) = state.sentinel.take() {
            release_sentinel(&sentinel);
        }
    }
}

fn request_promise() -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    let lock = js_sys::Reflect::get(&navigator, &JsValue::from_str("wakeLock")).ok()?;
    if lock.is_undefined() || lock.is_null() {
        return None;
    }
    let request: js_sys::Function = js_sys::Reflect::get(&lock, &JsValue::from_str("request"))
        .ok()?
        .dyn_into()
        .ok()?;
    request
        .call1(&lock, &JsValue::from_str("screen"))
        .ok()?
        .dyn_into()
        .ok()
}

fn release_sentinel(sentinel: &JsValue) {
    let release = js_sys::Reflect::get(sentinel, &JsValue::from_str("release"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(release) = release {
        // A promise; a refusal to release changes nothing for the visitor.
        let _ = release.call0(sentinel);
    }
}
