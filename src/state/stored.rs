//! Keeping a document (the shopping list, the trip) in localStorage, written once for all
//! of them: open it at start-up (backing up an unreadable copy and telling the visitor),
//! save it after every change (reporting a refused save), and follow the saves of other
//! open tabs. What each case means is decided in `ocop_core::stored`; this is the I/O.

use super::notices::{tell, StorageNotice, Stored};
use crate::browser::storage::{storage_get, storage_set, watch_other_tabs};
use leptos::prelude::*;
use ocop_core::stored::{backup_key, from_other_tab, open, StoredDocument};

/// The document `D` as a signal that lives in localStorage for the life of the app.
pub fn persisted<D>(what: Stored, notices: RwSignal<Vec<StorageNotice>>) -> RwSignal<D>
where
    D: StoredDocument + Send + Sync + 'static,
{
    let stored = storage_get(D::KEY);
    let opened = open::<D>(stored.as_deref());
    if opened.keep_backup {
        if let Some(text) = &stored {
            let _ = storage_set(&backup_key(D::KEY), text);
        }
        tell(notices, StorageNotice::Recovered(what));
    }
    let document = RwSignal::new(opened.document);

    // Saves after each change (not on the first run: what was just opened is already stored,
    // and a backed-up copy stays in place until the visitor changes something).
    Effect::new(move |first: Option<()>| {
        let text = document.with(D::to_storage);
        if first.is_some() {
            if let Err(failure) = storage_set(D::KEY, &text) {
                tell(notices, StorageNotice::NotSaved(what, failure));
            }
        }
    });

    // No echo loop: this tab takes the other's document, its save effect writes the very
    // same text back, and `setItem` with an unchanged value fires no event.
    let handle = watch_other_tabs(move |change| {
        let Some(text) = change.value_of(D::KEY) else {
            return;
        };
        if let Some(theirs) = document.with_untracked(|ours| from_other_tab(text.as_deref(), ours)) {
            document.set(theirs);
        }
    });
    // The visitor's state lives as long as the app: so does the listener.
    std::mem::forget(handle);
    document
}
