//! The documents the visitor keeps on the device (the shopping list, the trip), as one
//! abstraction: what to do with the text found in storage when the app starts, and with
//! the text another tab just wrote. The app's `state::stored` does the I/O (localStorage,
//! the `storage` event) for every document the same way; the rules are here, tested
//! natively.
//!
//! # The rules
//!
//! * Nothing stored: a fresh, empty document.
//! * A readable document: used as it is.
//! * A document that cannot be read at all (corrupt, or written by a newer build), or only
//!   in part (some entries unreadable): what could be read is used, and the stored text
//!   must be kept as a backup (under [`backup_key`]) before anything overwrites it; the
//!   visitor is told. Never thrown away silently.
//! * Another tab saved: its document replaces ours when it is readable in full and differs
//!   in what is stored; a partly unreadable one is left alone (the tab that wrote it is the
//!   one that reports and backs it up), and an unchanged one changes nothing, so the two
//!   tabs never echo each other's saves.

use crate::shopping::ShoppingList;
use crate::trip::Trip;

/// A document kept in storage under one key, with its own versioned format.
pub trait StoredDocument: Default + Sized {
    /// The storage key. It never changes; the document carries its own version.
    const KEY: &'static str;

    /// The text to store.
    fn to_storage(&self) -> String;

    /// The stored text read back, with the number of entries that could not be read; `None`
    /// when the document cannot be read at all.
    fn read(text: &str) -> Option<(Self, usize)>;

    /// Whether two copies store the same text (a trip's undo step is not stored, so it
    /// does not count).
    fn same_stored(&self, other: &Self) -> bool;
}

/// The key under which an unreadable stored copy is kept.
pub fn backup_key(key: &str) -> String {
    format!("{key}.backup")
}

/// A document opened at start-up.
#[derive(Debug, PartialEq)]
pub struct Opened<D> {
    pub document: D,
    /// The stored text was unreadable, at least in part: keep it under [`backup_key`] and
    /// tell the visitor.
    pub keep_backup: bool,
}

/// Opens the document from the text found in storage (`None`: nothing stored).
pub fn open<D: StoredDocument>(stored: Option<&str>) -> Opened<D> {
    match stored.map(D::read) {
        None => Opened {
            document: D::default(),
            keep_backup: false,
        },
        Some(Some((document, skipped))) => Opened {
            document,
            keep_backup: skipped > 0,
        },
        Some(None) => Opened {
            document: D::default(),
            keep_backup: true,
        },
    }
}

/// What another tab's save means for ours: `Some(document)` to take it, `None` to change
/// nothing. `stored` is the new text (`None`: removed, or all of storage cleared).
pub fn from_other_tab<D: StoredDocument>(stored: Option<&str>, current: &D) -> Option<D> {
    let theirs = match stored {
        None => D::default(),
        Some(text) => match D::read(text) {
            Some((document, 0)) => document,
            // Partly or wholly unreadable: left alone here.
            _ => return None,
        },
    };
    (!theirs.same_stored(current)).then_some(theirs)
}

/// localStorage key of the trip.
pub const TRIP_KEY: &str = "ocop.trip.v1";
/// localStorage key of the shopping list. The key keeps its first name; the stored document
/// carries its own version (now 2), which is what `ShoppingList::from_storage` migrates from.
pub const LIST_KEY: &str = "ocop.list.v1";

impl StoredDocument for Trip {
    const KEY: &'static str = TRIP_KEY;

    fn to_storage(&self) -> String {
        Trip::to_storage(self)
    }

    fn read(text: &str) -> Option<(Self, usize)> {
        Trip::from_storage(text).ok().map(|r| (r.trip, r.skipped))
    }

    fn same_stored(&self, other: &Self) -> bool {
        self.stops() == other.stops()
    }
}

impl StoredDocument for ShoppingList {
    const KEY: &'static str = LIST_KEY;

    fn to_storage(&self) -> String {
        ShoppingList::to_storage(self)
    }

    fn read(text: &str) -> Option<(Self, usize)> {
        ShoppingList::from_storage(text).ok().map(|r| (r.list, r.skipped))
    }

    fn same_stored(&self, other: &Self) -> bool {
        self == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StopRef;

    fn trip(ids: &[&str]) -> Trip {
        ids.iter().map(|id| StopRef::Spot(id.to_string())).collect()
    }

    #[test]
    fn nothing_stored_opens_a_fresh_document() {
        assert_eq!(
            open::<Trip>(None),
            Opened {
                document: Trip::default(),
                keep_backup: false
            }
        );
    }

    #[test]
    fn a_readable_document_opens_as_it_was_saved() {
        let saved = trip(&["dao-co-to", "vinh-ha-long"]);
        let opened = open::<Trip>(Some(&saved.to_storage()));
        assert_eq!(opened.document.stops(), saved.stops());
        assert!(!opened.keep_backup);
    }

    #[test]
    fn an_unreadable_document_starts_fresh_and_is_backed_up() {
        for text in ["{not json", r#"{"version": 99, "stops": []}"#, "[]"] {
            let opened = open::<Trip>(Some(text));
            assert!(opened.document.is_empty(), "{text}");
            assert!(opened.keep_backup, "{text}");
            let list = open::<ShoppingList>(Some(text));
            assert!(list.document.is_empty(), "{text}");
            assert!(list.keep_backup, "{text}");
        }
    }

    #[test]
    fn a_partly_readable_document_keeps_what_it_can_and_is_backed_up() {
        let text = r#"{"version": 1, "stops": [{"spot": "dao-co-to"}, {"spot": "<script>"}, 7]}"#;
        let opened = open::<Trip>(Some(text));
        assert_eq!(opened.document.stops(), trip(&["dao-co-to"]).stops());
        assert!(opened.keep_backup);
    }

    #[test]
    fn another_tabs_save_is_taken_when_readable_and_different() {
        let ours = trip(&["dao-co-to"]);
        let theirs = trip(&["dao-co-to", "vinh-ha-long"]);
        assert_eq!(
            from_other_tab(Some(&theirs.to_storage()), &ours).map(|t| t.stops().to_vec()),
            Some(theirs.stops().to_vec())
        );
        // Cleared in the other tab (a kiosk reset, "clear storage"): ours empties too.
        assert_eq!(from_other_tab::<Trip>(None, &ours), Some(Trip::default()));
    }

    #[test]
    fn an_unchanged_or_unreadable_save_from_another_tab_changes_nothing() {
        let mut ours = trip(&["dao-co-to", "vinh-ha-long"]);
        ours.reverse();
        // Same stops: no echo, even though our undo step differs from theirs.
        assert_eq!(from_other_tab(Some(&ours.to_storage()), &ours), None);
        assert_eq!(from_other_tab::<Trip>(None, &Trip::default()), None);
        assert_eq!(from_other_tab(Some("{not json"), &ours), None);
        let partly = r#"{"version": 1, "stops": [{"spot": "dao-co-to"}, 7]}"#;
        assert_eq!(from_other_tab(Some(partly), &ours), None);
    }

    #[test]
    fn the_list_uses_the_same_rules() {
        let mut ours = ShoppingList::default();
        ours.add("cha-muc-ha-long");
        let opened = open::<ShoppingList>(Some(&ours.to_storage()));
        assert_eq!(opened.document, ours);
        assert!(!opened.keep_backup);
        let mut theirs = ours.clone();
        theirs.add("tra-hoa-vang-ba-che");
        assert_eq!(
            from_other_tab(Some(&theirs.to_storage()), &ours),
            Some(theirs.clone())
        );
        assert_eq!(from_other_tab(Some(&theirs.to_storage()), &theirs), None);
        assert_eq!(backup_key(ShoppingList::KEY), "ocop.list.v1.backup");
    }
}
