//! Any bytes as a dataset file: `parse_and_validate` never panics, and whatever it accepts
//! keeps the promises in `ocop_core_fuzz::check_dataset` (valid unique ids, resolved
//! references, safe links, limits, every dropped record reported, stable when written out).
//! Run twice: with the app's limits, and with tight ones so small inputs reach the limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::validate::Limits;
use ocop_core_fuzz::{check_dataset, small_limits};

fuzz_target!(|data: &[u8]| {
    // Invalid UTF-8 cannot reach the validator (the app reads the file as text); replacing
    // it keeps the mutated bytes useful instead of discarding the input.
    let text = String::from_utf8_lossy(data);
    let _ = check_dataset(&text, &Limits::default());
    let _ = check_dataset(&text, &small_limits());
});
