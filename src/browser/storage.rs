//! localStorage and sessionStorage: reads that treat disabled storage as empty, writes that
//! report a refusal instead of swallowing it, and the `storage` event other tabs fire.

use super::target::IN_BROWSER;
use js_sys::Reflect;
use leptos::prelude::{window_event_listener, WindowListenerHandle};

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Reads a localStorage entry; `None` when absent or when storage is disabled.
pub fn storage_get(key: &str) -> Option<String> {
    if !IN_BROWSER {
        return None;
    }
    local_storage()?.get_item(key).ok()?
}

/// Why a value could not be saved: storage is disabled (private mode, policy) or full.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveFailure {
    Unavailable,
    QuotaExceeded,
}

/// Writes a localStorage entry and reports a refusal instead of swallowing it.
pub fn storage_set(key: &str, value: &str) -> Result<(), SaveFailure> {
    if !IN_BROWSER {
        return Err(SaveFailure::Unavailable);
    }
    let storage = local_storage().ok_or(SaveFailure::Unavailable)?;
    storage.set_item(key, value).map_err(|e| {
        let name = Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string());
        match name.as_deref() {
            Some("QuotaExceededError") | Some("NS_ERROR_DOM_QUOTA_REACHED") => SaveFailure::QuotaExceeded,
            _ => SaveFailure::Unavailable,
        }
    })
}

/// Empties this tab's sessionStorage (a kiosk's start-over).
pub fn clear_session_storage() {
    if !IN_BROWSER {
        return;
    }
    if let Some(Ok(Some(session))) = web_sys::window().map(|w| w.session_storage()) {
        let _ = session.clear();
    }
}

/// A change another tab of the origin made to localStorage.
pub struct OtherTabChange {
    /// `None` when the other tab cleared all of storage (a kiosk reset).
    key: Option<String>,
    new_value: Option<String>,
}

impl OtherTabChange {
    /// The new value under `key` (`Some(None)`: removed), or `None` when this change is
    /// about another key.
    pub fn value_of(&self, key: &str) -> Option<Option<String>> {
        match &self.key {
            Some(changed) if changed == key => Some(self.new_value.clone()),
            Some(_) => None,
            None => Some(storage_get(key)),
        }
    }
}

/// Calls `on_change` whenever another tab writes localStorage (the browser fires `storage`
/// in every *other* tab of the origin, never in the one that wrote).
pub fn watch_other_tabs(on_change: impl Fn(OtherTabChange) + 'static) -> WindowListenerHandle {
    window_event_listener(leptos::ev::storage, move |event| {
        on_change(OtherTabChange {
            key: event.key(),
            new_value: event.new_value(),
        })
    })
}
