//! Property tests of the share code (`ocop_core::share`): what the kiosk writes the phone
//! reads back, and nothing anyone types into a link can make the decoder panic or hand the
//! app an invalid id, an out-of-range quantity or more than the limits allow; and input
//! that does not decode never changes the visitor's list or trip.

use ocop_core::model::StopRef;
use ocop_core::share::{
    decode, encode, import, Choice, ShareError, Shared, MAX_SHARED_ITEMS, MAX_SHARED_STOPS,
};
use ocop_core::shopping::{ShoppingList, MAX_QUANTITY};
use ocop_core::trip::Trip;
use ocop_core::validate::is_valid_id;
use proptest::prelude::*;
use std::collections::HashSet;

/// Valid ids of every shape `is_valid_id` allows: words of `[a-z0-9]` joined by single
/// hyphens, up to 64 characters.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9]{1,20}(-[a-z0-9]{1,20}){0,2}",
        "[a-z0-9]{64}",
        "[a-z]{1,3}-[0-9]{1,3}",
    ]
}

fn list() -> impl Strategy<Value = ShoppingList> {
    prop::collection::vec((id(), 1..=MAX_QUANTITY), 0..=MAX_SHARED_ITEMS).prop_map(|items| {
        let mut list = ShoppingList::default();
        for (product, quantity) in items {
            if list.add(&product) {
                list.set_quantity(&product, quantity);
            }
        }
        list
    })
}

fn stop() -> impl Strategy<Value = StopRef> {
    prop_oneof![id().prop_map(StopRef::Spot), id().prop_map(StopRef::SalesPoint)]
}

fn trip() -> impl Strategy<Value = Vec<StopRef>> {
    prop::collection::vec(stop(), 0..=MAX_SHARED_STOPS)
}

/// What the app may rely on for any `Ok` from `decode`.
fn assert_valid(shared: &Shared) {
    assert!(shared.items.len() <= MAX_SHARED_ITEMS);
    assert!(shared.stops.len() <= MAX_SHARED_STOPS);
    let mut products = HashSet::new();
    for (product, quantity) in &shared.items {
        assert!(is_valid_id(product), "{product}");
        assert!((1..=MAX_QUANTITY).contains(quantity), "{quantity}");
        assert!(products.insert(product), "duplicate {product}");
    }
    let mut stops = HashSet::new();
    for stop in &shared.stops {
        let (StopRef::Spot(id) | StopRef::SalesPoint(id)) = stop;
        assert!(is_valid_id(id), "{id}");
        assert!(stops.insert(stop), "duplicate {stop:?}");
    }
}

/// QR alphanumeric characters that need no escaping in a URL fragment.
fn is_fragment_safe_alphanumeric(byte: u8) -> bool {
    byte.is_ascii_digit() || byte.is_ascii_uppercase() || b"-.*/:".contains(&byte)
}

/// Characters a corrupted code is likely to contain: its own, lower case, `#`, space, `%`.
const NEAR_MISSES: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabc-.*/:# %";

fn check_any(input: &str) {
    match decode(input) {
        Ok(shared) => assert_valid(&shared),
        Err(ShareError::Empty | ShareError::UnknownVersion(_) | ShareError::Malformed(_)) => {
            assert_unchanged_on_error(input)
        }
    }
}

/// Importing input that does not decode leaves a visitor's list and trip exactly as they
/// were, whichever way the visitor chose to bring it in.
fn assert_unchanged_on_error(input: &str) {
    let mut list = ShoppingList::default();
    list.add_all(["tra-hoa-vang-ba-che", "cha-muc-ha-long"]);
    list.set_note("cha-muc-ha-long", "for Mum");
    list.toggle_checked("tra-hoa-vang-ba-che");
    let mut trip = Trip::default();
    trip.add(StopRef::Spot("vinh-ha-long".into()));
    let (list_before, trip_before) = (list.clone(), trip.clone());
    for choice in [Choice::Merge, Choice::Replace] {
        assert!(import(input, choice, &mut list, &mut trip).is_err());
        assert_eq!(list, list_before);
        assert_eq!(trip, trip_before);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn what_is_encoded_decodes_back(list in list(), trip in trip()) {
        let code = encode(&list, &trip);
        let mut seen = HashSet::new();
        let expected_stops: Vec<StopRef> = trip.into_iter().filter(|s| seen.insert(s.clone())).collect();
        let expected_items: Vec<(String, u32)> =
            list.items().iter().map(|i| (i.product.clone(), i.quantity)).collect();
        let shared = decode(&code).unwrap();
        prop_assert_eq!(&shared.items, &expected_items);
        prop_assert_eq!(&shared.stops, &expected_stops);
        prop_assert_eq!(shared.to_shopping_list().items().len(), list.len());
        // Only characters that need no escaping in a fragment and fit QR alphanumeric mode.
        prop_assert!(code.bytes().all(is_fragment_safe_alphanumeric));
        // A reader that lower-cases the link loses nothing.
        prop_assert_eq!(decode(&code.to_lowercase()).unwrap(), shared);
    }

    #[test]
    fn arbitrary_text_never_panics(input in any::<String>()) {
        check_any(&input);
    }

    #[test]
    fn text_made_of_code_characters_never_panics(body in "[0-9A-Za-z.*/:#-]{0,120}") {
        check_any(&body);
        check_any(&format!("1{body}"));
    }

    #[test]
    fn cut_or_changed_codes_never_panic(
        list in list(),
        trip in trip(),
        cut in any::<prop::sample::Index>(),
        position in any::<prop::sample::Index>(),
        replacement in prop_oneof![
            prop::sample::select(NEAR_MISSES.to_vec()).prop_map(char::from),
            any::<char>(),
        ],
    ) {
        let code = encode(&list, &trip);
        // Every prefix: a link cut short in a chat.
        check_any(&code[..cut.index(code.len() + 1)]);
        // One character replaced, inserted or deleted.
        let at = position.index(code.len());
        let mut replaced: Vec<char> = code.chars().collect();
        replaced[at] = replacement;
        check_any(&replaced.iter().collect::<String>());
        let mut inserted = code.clone();
        inserted.insert(at, replacement);
        check_any(&inserted);
        let mut deleted = code.clone();
        deleted.remove(at);
        check_any(&deleted);
    }
}
