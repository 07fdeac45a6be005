//! Any text as a page's URL query (split on `&` and the first `=`, as the router hands the
//! pairs over): the catalog's `CatalogQuery::from_query_pairs`, the trip page's
//! `Trip::from_query` (`stops=`) and the map's `parse_stop_key` (`place=`) never panic,
//! stay within their limits, and what they read writes back to a URL that reads the same.
//! See `ocop_core_fuzz::check_query`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ocop_core_fuzz::check_query(&String::from_utf8_lossy(data));
});
