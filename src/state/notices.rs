//! What the visitor must be told about their saved data.

use crate::browser::SaveFailure;
use leptos::prelude::*;

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

/// Adds a notice unless the same one is already showing (every failed save would repeat it).
pub(crate) fn tell(notices: RwSignal<Vec<StorageNotice>>, notice: StorageNotice) {
    if !notices.with_untracked(|all| all.contains(&notice)) {
        notices.update(|all| all.push(notice));
    }
}
