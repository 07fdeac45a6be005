//! Any text as the `#` fragment of a share link: `share::decode` never panics, what it
//! accepts is within the limits (valid distinct ids, quantities 1..=999, at most 200 items
//! and 100 stops), and it encodes back to a code that decodes to the same list and trip,
//! which then re-encodes to itself (one canonical code per content).
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::model::StopRef;
use ocop_core::share::{decode, encode, Shared, MAX_SHARED_ITEMS, MAX_SHARED_STOPS};
use ocop_core::shopping::MAX_QUANTITY;
use ocop_core::validate::is_valid_id;
use std::collections::HashSet;

/// What the app may rely on for any `Ok` from `decode` (as in `tests/share_props.rs`).
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

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    match decode(&input) {
        Ok(shared) => {
            assert_valid(&shared);
            let code = encode(&shared.to_shopping_list(), &shared.stops);
            let again = decode(&code).expect("what encode writes, decode reads");
            assert_eq!(again, shared, "{input:?} → {code:?}");
            assert_eq!(encode(&again.to_shopping_list(), &again.stops), code);
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
});
