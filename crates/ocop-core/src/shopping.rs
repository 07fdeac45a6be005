//! The shopping list: products a visitor means to buy, with a quantity each.
//!
//! Items are kept by product id, not by index, so a list made with one dataset survives a
//! newer one; an id the dataset no longer knows stays in the list and the page marks it
//! unavailable instead of dropping it. The order is the order things were added.
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
pub const STORAGE_VERSION: u32 = 1;

/// More than any visitor needs; keeps a hostile or corrupt store from growing unbounded.
pub const MAX_ITEMS: usize = 500;
pub const MAX_QUANTITY: u32 = 999;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    pub product: String,
    pub quantity: u32,
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

    /// Adds one of `product` (or one more, if it is already listed). False for an invalid
    /// id or a full list.
    pub fn add(&mut self, product: &str) -> bool {
        if !is_valid_id(product) {
            return false;
        }
        if let Some(item) = self.items.iter_mut().find(|i| i.product == product) {
            item.quantity = (item.quantity + 1).min(MAX_QUANTITY);
            return true;
        }
        if self.items.len() >= MAX_ITEMS {
            return false;
        }
        self.items.push(ListItem {
            product: product.to_string(),
            quantity: 1,
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
        let before = self.items.len();
        self.items.retain(|i| i.product != product);
        self.items.len() != before
    }

    /// Sets a quantity (clamped to 1..=[`MAX_QUANTITY`]).
    pub fn set_quantity(&mut self, product: &str, quantity: u32) -> bool {
        match self.items.iter_mut().find(|i| i.product == product) {
            Some(item) => {
                item.quantity = quantity.clamp(1, MAX_QUANTITY);
                true
            }
            None => false,
        }
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
            match serde_json::from_value::<ListItem>(entry.clone()) {
                Ok(item) if is_valid_id(&item.product) && !list.contains(&item.product) => {
                    if list.items.len() < MAX_ITEMS {
                        list.items.push(ListItem {
                            quantity: item.quantity.clamp(1, MAX_QUANTITY),
                            ..item
                        });
                    } else {
                        skipped += 1;
                    }
                }
                Ok(item) if list.contains(&item.product) => {}
                _ => skipped += 1,
            }
        }
        Ok(RestoredList { list, skipped })
    }
}

/// Brings an older stored document up to [`STORAGE_VERSION`], one version at a time, so
/// each step stays small and testable. Version 1 is the first; the next format adds an arm.
fn migrate(value: Value, version: u64) -> Result<Value, ListStorageError> {
    match version {
        1 => Ok(value),
        v if v > STORAGE_VERSION as u64 => Err(ListStorageError::NewerVersion(v.min(u32::MAX as u64) as u32)),
        _ => Err(ListStorageError::Corrupt(format!("unknown version {version}"))),
    }
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
}
