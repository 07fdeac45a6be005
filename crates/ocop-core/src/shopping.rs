//! The shopping list: products a visitor means to buy, with a quantity, a note and a
//! "got it" tick each.
//!
//! Items are kept by product id, not by index, so a list made with one dataset survives a
//! newer one; an id the dataset no longer knows stays in the list and the page marks it
//! unavailable instead of dropping it. The order is the order things were added.
//!
//! # Why every removal hands the item back
//!
//! A visitor ticks items off in a shop with one thumb, then clears the ticked ones. A
//! mis-tap must be cheap to undo, so [`ShoppingList::remove_with_undo`] and
//! [`ShoppingList::clear_checked`] return what they removed *with its position*, and
//! [`ShoppingList::restore`] puts it back exactly there. The list itself keeps no history:
//! the page holds the removed items for as long as its "Undo" toast is shown.
//!
//! # Why notes are cleaned here
//!
//! Notes ("the 500 g jar", "for Mum") are typed by the visitor but also read back from
//! `localStorage`, which an older build or a curious visitor may have edited. Every way in
//! ([`ShoppingList::set_note`], [`ShoppingList::restore`], [`ShoppingList::merge`],
//! [`ShoppingList::from_storage`]) goes through one cleaner, so the page can trust that a
//! note is at most [`MAX_NOTE_CHARS`] characters with no control characters.
//!
//! ```
//! use ocop_core::shopping::ShoppingList;
//! let mut list = ShoppingList::default();
//! assert_eq!(list.add_all(["cha-muc-ha-long", "cha-muc-ha-long", "tra-hoa-vang"]), 2);
//! assert_eq!(list.len(), 2);
//! let restored = ShoppingList::from_storage(&list.to_storage()).unwrap();
//! assert_eq!(restored.list, list);
//! ```

use crate::validate::is_valid_id;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Bumped when the stored shape changes; [`ShoppingList::from_storage`] migrates older ones.
///
/// * 1: `{"version":1,"items":[{"product":"…","quantity":2}]}`
/// * 2: items also have `"note":"…"` and `"checked":false`.
pub const STORAGE_VERSION: u32 = 2;

/// More than any visitor needs; keeps a hostile or corrupt store from growing unbounded.
pub const MAX_ITEMS: usize = 500;
pub const MAX_QUANTITY: u32 = 999;
/// A note is a reminder, not a letter: 200 characters fit two lines on a phone.
pub const MAX_NOTE_CHARS: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    pub product: String,
    pub quantity: u32,
    /// The visitor's own reminder; cleaned by [`clean_note`] on every way in.
    #[serde(default)]
    pub note: String,
    /// Ticked off in the shop ("got it").
    #[serde(default)]
    pub checked: bool,
}

impl ListItem {
    /// The item as the list would hold it: quantity clamped, note cleaned. `None` for an
    /// invalid product id.
    fn sanitised(self) -> Option<ListItem> {
        is_valid_id(&self.product).then(|| ListItem {
            quantity: self.quantity.clamp(1, MAX_QUANTITY),
            note: clean_note(&self.note),
            ..self
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShoppingList {
    items: Vec<ListItem>,
}

/// A list read back from storage, and how many unreadable entries were left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RestoredList {
    pub list: ShoppingList,
    pub skipped: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListStorageError {
    /// Written by a newer version of the app: left untouched rather than overwritten.
    NewerVersion(u32),
    Corrupt(String),
}

impl std::fmt::Display for ListStorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ListStorageError::NewerVersion(v) => {
                write!(f, "shopping list version {v} is newer than this app")
            }
            ListStorageError::Corrupt(why) => write!(f, "shopping list unreadable: {why}"),
        }
    }
}

/// Cleans a note: composed to NFC (so a Vietnamese letter typed as base + marks counts as
/// one character and is never cut in half), tabs and line breaks turned into spaces, other
/// control characters removed, trimmed, and cut to [`MAX_NOTE_CHARS`] characters.
pub fn clean_note(note: &str) -> String {
    let cleaned: String = crate::unicode::nfc(note)
        .chars()
        .filter_map(|c| match c {
            c if c.is_whitespace() && c.is_control() => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    let cut: String = cleaned.trim().chars().take(MAX_NOTE_CHARS).collect();
    cut.trim_end().to_string()
}

impl ShoppingList {
    pub fn items(&self) -> &[ListItem] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn contains(&self, product: &str) -> bool {
        self.items.iter().any(|i| i.product == product)
    }

    fn position(&self, product: &str) -> Option<usize> {
        self.items.iter().position(|i| i.product == product)
    }

    fn item_mut(&mut self, product: &str) -> Option<&mut ListItem> {
        self.items.iter_mut().find(|i| i.product == product)
    }

    /// Adds one of `product` (or one more, if it is already listed). False for an invalid
    /// id or a full list.
    pub fn add(&mut self, product: &str) -> bool {
        if !is_valid_id(product) {
            return false;
        }
        if let Some(item) = self.item_mut(product) {
            item.quantity = (item.quantity + 1).min(MAX_QUANTITY);
            return true;
        }
        if self.items.len() >= MAX_ITEMS {
            return false;
        }
        self.items.push(ListItem {
            product: product.to_string(),
            quantity: 1,
            note: String::new(),
            checked: false,
        });
        true
    }

    /// Adds each product not yet listed ("add all to list" leaves quantities alone);
    /// returns how many were new.
    pub fn add_all<'a>(&mut self, products: impl IntoIterator<Item = &'a str>) -> usize {
        products
            .into_iter()
            .filter(|p| !self.contains(p) && self.add(p))
            .count()
    }

    pub fn remove(&mut self, product: &str) -> bool {
        self.remove_with_undo(product).is_some()
    }

    /// Removes `product` and returns its index and the item, to hand to
    /// [`ShoppingList::restore`] if the visitor taps "Undo". `None` if it was not listed.
    pub fn remove_with_undo(&mut self, product: &str) -> Option<(usize, ListItem)> {
        let index = self.position(product)?;
        Some((index, self.items.remove(index)))
    }

    /// Sets a quantity (clamped to 1..=[`MAX_QUANTITY`]).
    pub fn set_quantity(&mut self, product: &str, quantity: u32) -> bool {
        match self.item_mut(product) {
            Some(item) => {
                item.quantity = quantity.clamp(1, MAX_QUANTITY);
                true
            }
            None => false,
        }
    }

    /// Sets the note of `product`, cleaned by [`clean_note`] (an empty note clears it).
    /// False if the product is not listed.
    pub fn set_note(&mut self, product: &str, note: &str) -> bool {
        match self.item_mut(product) {
            Some(item) => {
                item.note = clean_note(note);
                true
            }
            None => false,
        }
    }

    /// Ticks `product` off, or unticks it. True if it was listed (read the new state from
    /// [`ShoppingList::items`]); false, changing nothing, if it was not.
    pub fn toggle_checked(&mut self, product: &str) -> bool {
        match self.item_mut(product) {
            Some(item) => {
                item.checked = !item.checked;
                true
            }
            None => false,
        }
    }

    /// Removes every ticked item ("clear bought items") and returns them with the index
    /// each had, in ascending order. Restoring them in that order with
    /// [`ShoppingList::restore`] rebuilds the list exactly.
    pub fn clear_checked(&mut self) -> Vec<(usize, ListItem)> {
        let (checked, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.items)
            .into_iter()
            .enumerate()
            .partition(|(_, item)| item.checked);
        self.items = kept.into_iter().map(|(_, item)| item).collect();
        checked
    }

    /// Puts a removed item back at `index` (clamped to the end of the list), as returned
    /// by [`ShoppingList::remove_with_undo`] or [`ShoppingList::clear_checked`]. False,
    /// changing nothing, if the product is listed again meanwhile (no duplicates), its id is
    /// invalid or the list is full. The quantity and note are cleaned like any input.
    pub fn restore(&mut self, index: usize, item: ListItem) -> bool {
        if self.contains(&item.product) || self.items.len() >= MAX_ITEMS {
            return false;
        }
        match item.sanitised() {
            Some(item) => {
                self.items.insert(index.min(self.items.len()), item);
                true
            }
            None => false,
        }
    }

    /// Merges another list (e.g. one shared from a kiosk) into this one: products not yet
    /// listed are appended in `other`'s order; for a product in both, the larger quantity
    /// wins and this list's note and tick are kept, because they are the visitor's own.
    /// Returns how many products were new. Items beyond [`MAX_ITEMS`] are left out.
    pub fn merge(&mut self, other: &ShoppingList) -> usize {
        let mut added = 0;
        for theirs in &other.items {
            if let Some(ours) = self.item_mut(&theirs.product) {
                ours.quantity = ours.quantity.max(theirs.quantity).clamp(1, MAX_QUANTITY);
            } else if self.items.len() < MAX_ITEMS {
                if let Some(item) = theirs.clone().sanitised() {
                    self.items.push(item);
                    added += 1;
                }
            }
        }
        added
    }

    /// Replaces the whole list with `other` ("use the shared list instead of mine") and
    /// returns the previous list, so the page can offer "Undo" by replacing it back.
    pub fn replace_with(&mut self, other: ShoppingList) -> ShoppingList {
        std::mem::replace(self, other)
    }

    pub fn to_storage(&self) -> String {
        serde_json::json!({ "version": STORAGE_VERSION, "items": self.items }).to_string()
    }

    /// Reads a stored list. Unreadable entries are skipped and counted, never fatal; an
    /// unreadable document is an error so the caller can keep it as a backup.
    pub fn from_storage(text: &str) -> Result<RestoredList, ListStorageError> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| ListStorageError::Corrupt(e.to_string()))?;
        let version = value
            .get("version")
            .and_then(Value::as_u64)
            .ok_or_else(|| ListStorageError::Corrupt("no version".into()))?;
        let value = migrate(value, version)?;
        let entries = value
            .get("items")
            .and_then(Value::as_array)
            .ok_or_else(|| ListStorageError::Corrupt("no items".into()))?;
        let mut list = ShoppingList::default();
        let mut skipped = 0;
        for entry in entries {
            match serde_json::from_value::<ListItem>(entry.clone())
                .ok()
                .and_then(ListItem::sanitised)
            {
                Some(item) if list.contains(&item.product) => {}
                Some(item) if list.items.len() < MAX_ITEMS => list.items.push(item),
                _ => skipped += 1,
            }
        }
        Ok(RestoredList { list, skipped })
    }
}

/// Brings an older stored document up to [`STORAGE_VERSION`], one version at a time, so
/// each step only ever has to know two neighbouring shapes and stays small and testable.
fn migrate(value: Value, version: u64) -> Result<Value, ListStorageError> {
    match version {
        1 => migrate(v1_to_v2(value), 2),
        2 => Ok(value),
        v if v > STORAGE_VERSION as u64 => Err(ListStorageError::NewerVersion(v.min(u32::MAX as u64) as u32)),
        _ => Err(ListStorageError::Corrupt(format!("unknown version {version}"))),
    }
}

/// Version 2 added a note and a tick to each item: version 1 items get an empty note and
/// are not ticked. Entries that are not objects are left for the reader to skip and count.
fn v1_to_v2(mut value: Value) -> Value {
    if let Some(items) = value.get_mut("items").and_then(Value::as_array_mut) {
        for item in items.iter_mut().filter_map(Value::as_object_mut) {
            item.entry("note").or_insert_with(|| Value::from(""));
            item.entry("checked").or_insert(Value::Bool(false));
        }
    }
    if let Some(version) = value.get_mut("version") {
        *version = Value::from(2);
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_again_raises_the_quantity_and_add_all_does_not() {
        let mut list = ShoppingList::default();
        assert!(list.add("a"));
        assert!(list.add("a"));
        assert_eq!(list.items()[0].quantity, 2);
        assert_eq!(list.add_all(["a", "b", "b", "c"]), 2);
        assert_eq!(list.items()[0].quantity, 2);
        let ids: Vec<_> = list.items().iter().map(|i| i.product.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn invalid_ids_are_refused() {
        let mut list = ShoppingList::default();
        assert!(!list.add(""));
        assert!(!list.add("<script>"));
        assert!(!list.add("Upper"));
        assert!(list.is_empty());
    }

    #[test]
    fn remove_and_quantities() {
        let mut list = ShoppingList::default();
        list.add_all(["a", "b"]);
        assert!(list.set_quantity("b", 5_000));
        assert_eq!(list.items()[1].quantity, MAX_QUANTITY);
        assert!(list.set_quantity("b", 0));
        assert_eq!(list.items()[1].quantity, 1);
        assert!(!list.set_quantity("zzz", 2));
        assert!(list.remove("a"));
        assert!(!list.remove("a"));
        assert_eq!(list.len(), 1);
    }

    #[test]
    fn storage_round_trip() {
        let mut list = ShoppingList::default();
        list.add_all(["cha-muc", "tra-hoa-vang", "ruou-ba-kich"]);
        list.set_quantity("tra-hoa-vang", 3);
        let restored = ShoppingList::from_storage(&list.to_storage()).unwrap();
        assert_eq!(restored, RestoredList { list, skipped: 0 });
    }

    #[test]
    fn corrupt_or_newer_storage_is_an_error_and_bad_entries_are_skipped() {
        assert!(matches!(
            ShoppingList::from_storage("{oops"),
            Err(ListStorageError::Corrupt(_))
        ));
        assert!(matches!(
            ShoppingList::from_storage("[]"),
            Err(ListStorageError::Corrupt(_))
        ));
        assert!(matches!(
            ShoppingList::from_storage(r#"{"version":1,"items":{}}"#),
            Err(ListStorageError::Corrupt(_))
        ));
        assert_eq!(
            ShoppingList::from_storage(r#"{"version":7,"items":[]}"#),
            Err(ListStorageError::NewerVersion(7))
        );
        let restored = ShoppingList::from_storage(
            r#"{"version":1,"items":[{"product":"a","quantity":2},{"product":"BAD","quantity":1},
                {"product":"a","quantity":9},7,{"product":"b","quantity":0}]}"#,
        )
        .unwrap();
        assert_eq!(restored.skipped, 2);
        assert_eq!(restored.list.items()[0].quantity, 2);
        assert_eq!(restored.list.items()[1].quantity, 1);
    }

    #[test]
    fn the_list_is_capped() {
        let mut list = ShoppingList::default();
        let ids: Vec<String> = (0..MAX_ITEMS + 10).map(|i| format!("p{i}")).collect();
        assert_eq!(list.add_all(ids.iter().map(String::as_str)), MAX_ITEMS);
        assert!(!list.add("one-more"));
    }

    fn ids(list: &ShoppingList) -> Vec<&str> {
        list.items().iter().map(|i| i.product.as_str()).collect()
    }

    fn item(product: &str, quantity: u32, note: &str, checked: bool) -> ListItem {
        ListItem {
            product: product.to_string(),
            quantity,
            note: note.to_string(),
            checked,
        }
    }

    #[test]
    fn a_v1_document_migrates_to_v2_with_empty_notes_unchecked() {
        let v1 = r#"{"version":1,"items":[{"product":"cha-muc-ha-long","quantity":2},
            {"product":"tra-hoa-vang","quantity":1}]}"#;
        let restored = ShoppingList::from_storage(v1).unwrap();
        assert_eq!(restored.skipped, 0);
        assert_eq!(
            restored.list.items(),
            &[
                item("cha-muc-ha-long", 2, "", false),
                item("tra-hoa-vang", 1, "", false)
            ]
        );
        let migrated = v1_to_v2(serde_json::from_str(v1).unwrap());
        assert_eq!(migrated["version"], 2);
        assert_eq!(migrated["items"][0]["note"], "");
        assert_eq!(migrated["items"][1]["checked"], false);
        let stored: Value = serde_json::from_str(&restored.list.to_storage()).unwrap();
        assert_eq!(stored["version"], STORAGE_VERSION);
        assert_eq!(stored["items"][0]["note"], "");
    }

    #[test]
    fn notes_and_ticks_survive_storage_and_stored_notes_are_cleaned() {
        let mut list = ShoppingList::default();
        list.add_all(["a", "b"]);
        assert!(list.set_note("a", "  hũ 500 g\n cho mẹ  "));
        assert!(list.toggle_checked("b"));
        assert_eq!(list.items()[0].note, "hũ 500 g  cho mẹ");
        let restored = ShoppingList::from_storage(&list.to_storage()).unwrap();
        assert_eq!(restored.list, list);

        let long = "x".repeat(300);
        let text = format!(
            r#"{{"version":2,"items":[{{"product":"a","quantity":1,"note":"{long}","checked":true}},
                {{"product":"b","quantity":1,"note":"a\u0000b\u001b[31m"}}]}}"#
        );
        let restored = ShoppingList::from_storage(&text).unwrap();
        assert_eq!(restored.list.items()[0].note.chars().count(), MAX_NOTE_CHARS);
        assert!(restored.list.items()[0].checked);
        assert_eq!(restored.list.items()[1].note, "ab[31m");
        assert!(!restored.list.items()[1].checked);
    }

    #[test]
    fn notes_are_trimmed_cut_and_free_of_control_characters() {
        assert_eq!(clean_note("  \t "), "");
        assert_eq!(clean_note("a\r\nb\u{7}c"), "a  bc");
        // Decomposed "ệ" (e + circumflex + dot below) is composed, so it counts once.
        let decomposed = "e\u{302}\u{323}".repeat(MAX_NOTE_CHARS + 5);
        let cleaned = clean_note(&decomposed);
        assert_eq!(cleaned.chars().count(), MAX_NOTE_CHARS);
        assert!(cleaned.chars().all(|c| c == 'ệ'));
        let cut_at_a_space = format!("{} tail", "y".repeat(MAX_NOTE_CHARS - 1));
        assert_eq!(clean_note(&cut_at_a_space), "y".repeat(MAX_NOTE_CHARS - 1));
        let mut list = ShoppingList::default();
        assert!(!list.set_note("missing", "x"));
        assert!(!list.toggle_checked("missing"));
    }

    #[test]
    fn clearing_ticked_items_can_be_undone_exactly() {
        let mut list = ShoppingList::default();
        list.add_all(["a", "b", "c", "d", "e"]);
        list.set_note("b", "note b");
        for product in ["b", "d", "e"] {
            assert!(list.toggle_checked(product));
        }
        assert!(list.toggle_checked("e"));
        let before = list.clone();
        let removed = list.clear_checked();
        assert_eq!(ids(&list), ["a", "c", "e"]);
        let positions: Vec<usize> = removed.iter().map(|(index, _)| *index).collect();
        assert_eq!(positions, [1, 3]);
        assert_eq!(removed[0].1.note, "note b");
        for (index, item) in removed {
            assert!(list.restore(index, item));
        }
        assert_eq!(list, before);
        assert!(ShoppingList::default().clear_checked().is_empty());
    }

    #[test]
    fn removal_with_undo_restores_in_place_and_never_duplicates() {
        let mut list = ShoppingList::default();
        list.add_all(["a", "b", "c"]);
        list.set_quantity("b", 4);
        let before = list.clone();
        let (index, removed) = list.remove_with_undo("b").unwrap();
        assert_eq!((index, removed.quantity), (1, 4));
        assert_eq!(list.remove_with_undo("b"), None);
        assert!(list.restore(index, removed.clone()));
        assert_eq!(list, before);
        assert!(!list.restore(0, removed.clone()), "already listed");
        assert_eq!(list, before);

        let (_, removed) = list.remove_with_undo("c").unwrap();
        assert!(list.restore(usize::MAX, removed), "index is clamped to the end");
        assert_eq!(list, before);
        assert!(!list.restore(0, item("Not Valid", 1, "", false)));
        assert!(list.restore(0, item("z", 0, " \u{0}hi ", true)));
        assert_eq!(list.items()[0], item("z", 1, "hi", true));
    }

    #[test]
    fn merge_adds_missing_items_and_keeps_the_larger_quantity_and_our_note() {
        let mut ours = ShoppingList::default();
        ours.add_all(["a", "b"]);
        ours.set_quantity("a", 3);
        ours.set_note("a", "ours");
        ours.set_note("b", "ours too");
        let mut theirs = ShoppingList::default();
        theirs.add_all(["c", "b", "a"]);
        theirs.set_quantity("a", 2);
        theirs.set_quantity("b", 5);
        theirs.set_note("b", "theirs");
        theirs.set_note("c", "from the kiosk");
        assert_eq!(ours.merge(&theirs), 1);
        assert_eq!(
            ours.items(),
            &[
                item("a", 3, "ours", false),
                item("b", 5, "ours too", false),
                item("c", 1, "from the kiosk", false)
            ]
        );
        assert_eq!(ours.merge(&theirs), 0, "merging twice changes nothing");
    }

    #[test]
    fn merge_respects_the_cap_and_replace_with_returns_the_old_list() {
        let mut full = ShoppingList::default();
        let ids_: Vec<String> = (0..MAX_ITEMS).map(|i| format!("p{i}")).collect();
        full.add_all(ids_.iter().map(String::as_str));
        let mut other = ShoppingList::default();
        other.add_all(["p0", "new-one"]);
        assert_eq!(full.merge(&other), 0);
        assert_eq!(full.len(), MAX_ITEMS);

        let mut list = ShoppingList::default();
        list.add("mine");
        let previous = list.replace_with(other.clone());
        assert_eq!(list, other);
        assert_eq!(ids(&previous), ["mine"]);
    }
}
