//! The visitor's own state — "My trip", the shopping list and the planned visit month —
//! shared by every page through context and kept in localStorage across reloads.
//!
//! The rules (what a trip or a list may contain, the stored format and its migrations,
//! what to do with an unreadable copy) are in `ocop_core::trip`, `ocop_core::shopping` and
//! `ocop_core::stored`; the I/O is in [`super::stored`].

use super::notices::{StorageNotice, Stored};
use super::stored::persisted;
use crate::browser::storage::{storage_get, storage_set};
use leptos::prelude::*;
use ocop_core::shopping::ShoppingList;
use ocop_core::trip::Trip;

pub use ocop_core::stored::{LIST_KEY, TRIP_KEY};
pub const VISIT_MONTH_KEY: &str = "ocop.visit-month.v1";

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
    let visitor = match persistence {
        // Stored data is neither read nor touched: a phone that opens /kiosk by mistake
        // keeps its own list for its next normal visit.
        Persistence::MemoryOnly => Visitor {
            trip: RwSignal::new(Trip::default()),
            list: RwSignal::new(ShoppingList::default()),
            visit_month: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
        },
        Persistence::Saved => {
            let notices = RwSignal::new(Vec::new());
            Visitor {
                trip: persisted(Stored::Trip, notices),
                list: persisted(Stored::List, notices),
                visit_month: saved_visit_month(),
                notices,
            }
        }
    };
    provide_context(visitor);
    visitor
}

/// The visit month, kept as plain text (an unreadable value is simply no month).
fn saved_visit_month() -> RwSignal<Option<u8>> {
    let month = RwSignal::new(
        storage_get(VISIT_MONTH_KEY)
            .and_then(|m| m.parse::<u8>().ok())
            .filter(|m| (1..=12).contains(m)),
    );
    Effect::new(move |first: Option<()>| {
        let month = month.get();
        if first.is_some() {
            let _ = storage_set(VISIT_MONTH_KEY, &month.map(|m| m.to_string()).unwrap_or_default());
        }
    });
    month
}
