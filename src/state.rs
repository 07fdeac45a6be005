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
/// The key keeps its first name; the stored document carries its own version (now 2),
/// which is what `ShoppingList::from_storage` migrates from.
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
    /// What the visitor must be told about their saved data, oldest first, each once: a
    /// corrupt list *and* a corrupt trip are two things to know, not one replacing the other.
    pub notices: RwSignal<Vec<StorageNotice>>,
}

/// Adds a notice unless the same one is already showing (every failed save would repeat it).
fn tell(notices: RwSignal<Vec<StorageNotice>>, notice: StorageNotice) {
    if !notices.with_untracked(|all| all.contains(&notice)) {
        notices.update(|all| all.push(notice));
    }
}

pub fn use_visitor() -> Visitor {
    expect_context::<Visitor>()
}

/// Where the visitor's state lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// localStorage, across reloads and tabs (phones, desktops).
    Saved,
    /// Memory only, nothing read from or written to storage: a kiosk never shows one
    /// visitor's list to the next, even after a crash and reload.
    MemoryOnly,
}

/// Loads the visitor's state, provides it as context and saves every later change.
pub fn provide_visitor() -> Visitor {
    provide_visitor_with(Persistence::Saved)
}

/// [`provide_visitor`], choosing where the state lives.
pub fn provide_visitor_with(persistence: Persistence) -> Visitor {
    if persistence == Persistence::MemoryOnly {
        // Stored data is neither read nor touched: a phone that opens /kiosk by mistake
        // keeps its own list for its next normal visit.
        let visitor = Visitor {
            trip: RwSignal::new(Trip::default()),
            list: RwSignal::new(ShoppingList::default()),
            visit_month: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
        };
        provide_context(visitor);
        return visitor;
    }
    let notice = RwSignal::new(Vec::new());
    let trip = load(TRIP_KEY, Stored::Trip, notice, |text| {
        Trip::from_storage(text)
            .map(|r| (r.trip, r.skipped))
            .map_err(drop)
    });
    let list = load(LIST_KEY, Stored::List, notice, |text| {
        ShoppingList::from_storage(text)
            .map(|r| (r.list, r.skipped))
            .map_err(drop)
    });
    let visit_month = storage_get(VISIT_MONTH_KEY)
        .and_then(|m| m.parse::<u8>().ok())
        .filter(|m| (1..=12).contains(m));
    let visitor = Visitor {
        trip: RwSignal::new(trip),
        list: RwSignal::new(list),
        visit_month: RwSignal::new(visit_month),
        notices: notice,
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
    follow_other_tabs(visitor);
    provide_context(visitor);
    visitor
}

/// Reads one stored value. Unreadable (corrupt, or written by a newer build) or partly
/// unreadable copies are kept under `<key>.backup` before anything overwrites them, and
/// the visitor is told; what could be read is used.
fn load<T: Default>(
    key: &str,
    what: Stored,
    notice: RwSignal<Vec<StorageNotice>>,
    parse: impl Fn(&str) -> Result<(T, usize), ()>,
) -> T {
    let Some(text) = storage_get(key) else {
        return T::default();
    };
    match parse(&text) {
        Ok((value, 0)) => value,
        Ok((value, _skipped)) => {
            keep_backup(key, &text);
            tell(notice, StorageNotice::Recovered(what));
            value
        }
        Err(()) => {
            keep_backup(key, &text);
            tell(notice, StorageNotice::Recovered(what));
            T::default()
        }
    }
}

/// Keeps two open tabs in step: the browser fires `storage` in every *other* tab of the
/// origin when one saves, so a product added on one tab shows on the list in the next.
///
/// No echo loop: the receiving tab sets its signal, its save effect writes the very same
/// text back, and `setItem` with an unchanged value fires no event. Unreadable values are
/// ignored here (the tab that wrote them is the one that reports problems).
fn follow_other_tabs(visitor: Visitor) {
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        let key = event.key();
        // `key` is null when another tab cleared all of storage (a kiosk reset).
        let changed = |k: &str| key.as_deref().is_none_or(|key| key == k);
        let value = |k: &str| {
            if key.is_some() {
                event.new_value()
            } else {
                storage_get(k)
            }
        };
        if changed(LIST_KEY) {
            let list = match value(LIST_KEY) {
                None => Some(ShoppingList::default()),
                // Partly unreadable: left alone here (this tab would save the pruned copy).
                Some(text) => ShoppingList::from_storage(&text)
                    .ok()
                    .filter(|r| r.skipped == 0)
                    .map(|r| r.list),
            };
            if let Some(list) = list.filter(|new| visitor.list.with_untracked(|l| l != new)) {
                visitor.list.set(list);
            }
        }
        if changed(TRIP_KEY) {
            let trip = match value(TRIP_KEY) {
                None => Some(Trip::default()),
                Some(text) => Trip::from_storage(&text)
                    .ok()
                    .filter(|r| r.skipped == 0)
                    .map(|r| r.trip),
            };
            if let Some(trip) = trip.filter(|new| visitor.trip.with_untracked(|t| t.stops() != new.stops())) {
                visitor.trip.set(trip);
            }
        }
    });
    // The visitor's state lives as long as the app: so does the listener.
    std::mem::forget(handle);
}

fn keep_backup(key: &str, text: &str) {
    let _ = storage_set(&format!("{key}.backup"), text);
}

/// Saves after each change (not on the first run: what was just loaded is already stored).
fn save_on_change<T: Send + Sync + 'static>(
    signal: RwSignal<T>,
    key: &'static str,
    what: Stored,
    notice: RwSignal<Vec<StorageNotice>>,
    encode: fn(&T) -> String,
) {
    Effect::new(move |first: Option<()>| {
        let text = signal.with(encode);
        if first.is_some() {
            if let Err(failure) = storage_set(key, &text) {
                tell(notice, StorageNotice::NotSaved(what, failure));
            }
        }
    });
}
