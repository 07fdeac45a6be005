//! The visitor's own state — "My trip", the shopping list and the planned visit month —
//! shared by every page through context and kept in localStorage across reloads.
//!
//! The rules (what a trip or a list may contain, the stored format and its migrations)
//! are in `ocop_core::trip` and `ocop_core::shopping`; this module only loads, saves and
//! reports. Unreadable stored data is never thrown away: it is copied to a `.backup` key,
//! the visitor starts fresh and is told.

use crate::browser::{storage_get, storage_set, SaveFailure};
use leptos::prelude::*;
use ocop_core::shopping::ShoppingList;
use ocop_core::trip::Trip;

pub const TRIP_KEY: &str = "ocop.trip.v1";
pub const LIST_KEY: &str = "ocop.list.v1";
pub const VISIT_MONTH_KEY: &str = "ocop.visit-month.v1";

/// Which stored thing a notice is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    Trip,
    List,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// The stored copy was unreadable; it was kept under `<key>.backup` and a fresh one started.
    Recovered(Stored),
    /// The browser refused to save (disabled or full): changes last only until the tab closes.
    NotSaved(Stored, SaveFailure),
}

#[derive(Clone, Copy)]
pub struct Visitor {
    pub trip: RwSignal<Trip>,
    pub list: RwSignal<ShoppingList>,
    /// The month the visitor plans to come (1–12); seasons and festivals are judged by it.
    pub visit_month: RwSignal<Option<u8>>,
    pub notice: RwSignal<Option<StorageNotice>>,
}

pub fn use_visitor() -> Visitor {
    expect_context::<Visitor>()
}

/// Loads the visitor's state, provides it as context and saves every later change.
pub fn provide_visitor() -> Visitor {
    let notice = RwSignal::new(None);
    let trip = match storage_get(TRIP_KEY) {
        None => Trip::default(),
        Some(text) => match Trip::from_storage(&text) {
            Ok(restored) => restored.trip,
            Err(_) => {
                keep_backup(TRIP_KEY, &text);
                notice.set(Some(StorageNotice::Recovered(Stored::Trip)));
                Trip::default()
            }
        },
    };
    let list = match storage_get(LIST_KEY) {
        None => ShoppingList::default(),
        Some(text) => match ShoppingList::from_storage(&text) {
            Ok(restored) => restored.list,
            Err(_) => {
                keep_backup(LIST_KEY, &text);
                notice.set(Some(StorageNotice::Recovered(Stored::List)));
                ShoppingList::default()
            }
        },
    };
    let visit_month = storage_get(VISIT_MONTH_KEY)
        .and_then(|m| m.parse::<u8>().ok())
        .filter(|m| (1..=12).contains(m));
    let visitor = Visitor {
        trip: RwSignal::new(trip),
        list: RwSignal::new(list),
        visit_month: RwSignal::new(visit_month),
        notice,
    };
    save_on_change(visitor.trip, TRIP_KEY, Stored::Trip, notice, Trip::to_storage);
    save_on_change(
        visitor.list,
        LIST_KEY,
        Stored::List,
        notice,
        ShoppingList::to_storage,
    );
    Effect::new(move |first: Option<()>| {
        let month = visitor.visit_month.get();
        if first.is_some() {
            let _ = storage_set(VISIT_MONTH_KEY, &month.map(|m| m.to_string()).unwrap_or_default());
        }
    });
    provide_context(visitor);
    visitor
}

fn keep_backup(key: &str, text: &str) {
    let _ = storage_set(&format!("{key}.backup"), text);
}

/// Saves after each change (not on the first run: what was just loaded is already stored).
fn save_on_change<T: Send + Sync + 'static>(
    signal: RwSignal<T>,
    key: &'static str,
    what: Stored,
    notice: RwSignal<Option<StorageNotice>>,
    encode: fn(&T) -> String,
) {
    Effect::new(move |first: Option<()>| {
        let text = signal.with(encode);
        if first.is_some() {
            if let Err(failure) = storage_set(key, &text) {
                notice.set(Some(StorageNotice::NotSaved(what, failure)));
            }
        }
    });
}
