//! What must hold for *any* input to the dataset validator and the URL query parsers.
//!
//! One definition, two users: the fuzz targets (`fuzz/fuzz_targets/`, run by
//! `cargo xtask fuzz` on nightly) and the stable property tests
//! (`crates/ocop-core/tests/properties.rs`, which includes this file by path). The fuzzer
//! searches for inputs that break these rules, guided by code coverage; the property tests
//! run the same rules over generated inputs on every `cargo test`. Each `check_*` function
//! panics with a message when a rule is broken, which is what both runners look for.
//!
//! The rules are the promises the app builds on, not a second implementation of the
//! validator: after `parse_and_validate` says `Ok`, pages index products by id, follow
//! references without checking them again and render URLs as links. If any of that could
//! be false for some file, the app would show a broken page or an unsafe link instead of
//! the validator's report.

use ocop_core::catalog::{BuyFilter, CatalogQuery, MAX_PAGE, MAX_TEXT_CHARS, MAX_VALUES};
use ocop_core::geo::{self, PROVINCE_BOUNDS};
use ocop_core::model::{Coordinates, Evidence, Level, Locality, StopRef, SCHEMA_MAJOR};
use ocop_core::pace::{run_unpaced, Unpaced};
use ocop_core::trip::{parse_stop_key, stop_key, Trip, MAX_SHARED_STOPS};
use ocop_core::url::is_safe_http_url;
use ocop_core::validate::{
    is_valid_id, parse_and_validate, Action, DatasetReader, Limits, LoadError, Validated,
};
use serde::Serialize;
use serde_json::Value;
use std::collections::HashSet;

/// Tight limits, so that small inputs reach the "over the limit" branches too.
pub fn small_limits() -> Limits {
    Limits {
        max_bytes: 4096,
        max_string_chars: 64,
        max_records: 8,
        max_list_items: 8,
    }
}

/// The five record collections, as named in the JSON.
pub const COLLECTIONS: [&str; 5] = ["products", "producers", "spots", "sales_points", "routes"];

// ---------------------------------------------------------------------------------------
// Dataset: parse + validate
// ---------------------------------------------------------------------------------------

/// Runs [`parse_and_validate`] on `text` and checks every rule below; returns its result
/// for callers that want to assert more.
pub fn check_dataset(text: &str, limits: &Limits) -> Result<Validated, LoadError> {
    let result = parse_and_validate(text, limits);
    check_pieces(text, limits, &result);
    match &result {
        Ok(validated) => {
            check_validated(validated, limits);
            check_nothing_lost(text, validated);
            check_revalidates(validated, limits);
        }
        Err(error) => check_refusal(text, error, limits),
    }
    result
}

/// A download is read as it arrives (`DatasetReader`): however the text is cut into pieces,
/// the result is the one of the whole text. Cut at three places that depend on the text,
/// so that the fuzzer's mutations move them (inside a key, a string, a number, a letter).
fn check_pieces(text: &str, limits: &Limits, whole: &Result<Validated, LoadError>) {
    if text.len() > limits.max_bytes {
        return; // refused before reading (the browser's download stops at the limit too)
    }
    let bytes = text.as_bytes();
    let seed = bytes
        .iter()
        .fold(7usize, |h, &b| h.wrapping_mul(31).wrapping_add(b as usize));
    let mut cuts = [
        seed % (bytes.len() + 1),
        bytes.len() / 2,
        (seed / 7) % (bytes.len() + 1),
    ];
    cuts.sort_unstable();
    let mut reader = DatasetReader::new(*limits, 0);
    let mut from = 0;
    let mut fed = Ok(());
    for end in cuts.into_iter().chain([bytes.len()]) {
        fed = fed.and_then(|()| run_unpaced(reader.feed(&bytes[from..end], &mut Unpaced)));
        from = end;
    }
    let pieces = fed.and_then(|()| reader.finish());
    assert_eq!(&pieces, whole, "read in pieces cut at {cuts:?}");
}

/// A refusal is for the right reason: the size limit is exact, and a file that is
/// well-formed JSON is never called "not JSON" or "truncated".
///
/// "Well-formed" means readable as text, as `serde_json::Value` reads it: a lone UTF-16
/// surrogate escape (`"\ud800"`) is valid JSON grammar but no text can hold it. In a record
/// it drops the record; in a top-level key it makes the file unreadable, refused with the
/// escape's line and column (`validate::parse_and_validate`). The fuzzer found the key case
/// (a crash input with `"sales_points\ud800"`), which `IgnoredAny`, skipping strings without
/// decoding them, had counted as well-formed.
fn check_refusal(text: &str, error: &LoadError, limits: &Limits) {
    assert_eq!(
        matches!(error, LoadError::TooLarge { .. }),
        text.len() > limits.max_bytes,
        "size limit misapplied: {error:?}"
    );
    if matches!(error, LoadError::NotJson { .. } | LoadError::Truncated) {
        assert!(
            serde_json::from_str::<serde_json::Value>(text).is_err(),
            "well-formed JSON refused as {error:?}"
        );
    }
    assert!(!error.to_string().is_empty());
}

/// What the app relies on in a dataset that loaded.
pub fn check_validated(validated: &Validated, limits: &Limits) {
    let d = &validated.dataset;
    assert!(!d.products.is_empty(), "Ok without a product");
    let major = d
        .schema_version
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok());
    assert_eq!(
        major,
        Some(SCHEMA_MAJOR),
        "schema {:?} accepted",
        d.schema_version
    );

    // Ids: valid slugs, unique within their collection, no collection over the limit.
    let products = ids("products", d.products.iter().map(|p| &p.id), limits);
    let producers = ids("producers", d.producers.iter().map(|p| &p.id), limits);
    let spots = ids("spots", d.spots.iter().map(|s| &s.id), limits);
    let sales_points = ids("sales_points", d.sales_points.iter().map(|s| &s.id), limits);
    ids("routes", d.routes.iter().map(|r| &r.id), limits);

    // Every reference leads somewhere: pages follow them without looking twice.
    for p in &d.products {
        if let Some(producer) = &p.producer {
            assert!(
                producers.contains(producer.as_str()),
                "{}: dangling producer {producer}",
                p.id
            );
        }
        for s in &p.where_to_buy.sales_points {
            assert!(
                sales_points.contains(s.as_str()),
                "{}: dangling sales point {s}",
                p.id
            );
        }
    }
    for s in &d.spots {
        for p in &s.products {
            assert!(products.contains(p.as_str()), "{}: dangling product {p}", s.id);
        }
    }
    for r in &d.routes {
        assert!(!r.stops.is_empty(), "route {} without stops", r.id);
        for stop in &r.stops {
            let known = match &stop.place {
                StopRef::Spot(id) => spots.contains(id.as_str()),
                StopRef::SalesPoint(id) => sales_points.contains(id.as_str()),
            };
            assert!(known, "route {}: dangling stop {:?}", r.id, stop.place);
        }
        months(&r.best_months);
    }

    // Each record's own rules.
    for p in &d.products {
        let r = &p.rating;
        if let Some(stars) = r.stars {
            assert!((3..=5).contains(&stars), "{}: {stars} stars", p.id);
            assert_eq!(
                r.evidence,
                Evidence::StarStated,
                "{}: stars without evidence",
                p.id
            );
        } else {
            assert_ne!(r.evidence, Evidence::StarStated, "{}: stated but no stars", p.id);
        }
        if r.level == Some(Level::National) {
            assert_eq!(r.stars, Some(5), "{}: national below 5 stars", p.id);
        }
        if let Some(year) = r.year_rated {
            assert!((2012..=2100).contains(&year), "{}: year {year}", p.id);
        }
        if let Some(price) = &p.price {
            assert!(price.min_vnd <= price.max_vnd, "{}: price range", p.id);
            assert!(is_safe_http_url(&price.source_url), "{}: price source", p.id);
        }
        for listing in &p.where_to_buy.online {
            assert!(
                is_safe_http_url(&listing.url),
                "{}: unsafe link {}",
                p.id,
                listing.url
            );
        }
        months(&p.season_months);
        sources(&p.id, &p.sources);
        locality(&p.locality);
    }
    for p in &d.producers {
        sources(&p.id, &p.sources);
        locality(&p.locality);
    }
    for s in &d.spots {
        inside_province(&s.id, &s.coordinates);
        months(&s.season_months);
        sources(&s.id, &s.sources);
        locality(&s.locality);
        for e in &s.events {
            months(&e.months);
            if let Some(url) = &e.source {
                assert!(is_source(url), "{}: unsafe event source {url}", s.id);
            }
        }
    }
    for s in &d.sales_points {
        inside_province(&s.id, &s.coordinates);
        sources(&s.id, &s.sources);
        locality(&s.locality);
    }

    // No text or list over the limits anywhere the app displays it. (`schema_version` is
    // not displayed and not limited; `max_bytes` bounds it.)
    within_limits(&d.meta, limits);
    for record in d.products.iter().map(to_value) {
        within_limits(&record, limits);
    }
    for record in d.producers.iter().map(to_value) {
        within_limits(&record, limits);
    }
    for record in d.spots.iter().map(to_value) {
        within_limits(&record, limits);
    }
    for record in d.sales_points.iter().map(to_value) {
        within_limits(&record, limits);
    }
    for record in d.routes.iter().map(to_value) {
        within_limits(&record, limits);
    }

    for issue in &validated.issues {
        assert!(issue.path.starts_with("$."), "issue path {:?}", issue.path);
        assert!(!issue.to_string().is_empty());
    }
}

/// Nothing is lost silently: every element of every collection given as a list is either
/// kept or named by exactly one "record dropped" issue. A publisher can then trust the
/// report of `cargo xtask data check` to account for every record of their file.
fn check_nothing_lost(text: &str, validated: &Validated) {
    // The validator reads the top level as raw slices; a full tree is only for this check.
    // (A lone UTF-16 surrogate escape is accepted in a slice but not in a tree; then skip.)
    let Ok(Value::Object(root)) = serde_json::from_str::<Value>(text) else {
        return;
    };
    let d = &validated.dataset;
    let kept = [
        d.products.len(),
        d.producers.len(),
        d.spots.len(),
        d.sales_points.len(),
        d.routes.len(),
    ];
    for (name, kept) in COLLECTIONS.into_iter().zip(kept) {
        let Some(Value::Array(given)) = root.get(name) else {
            assert_eq!(kept, 0, "{name}: records kept from no list");
            continue;
        };
        let prefix = format!("$.{name}[");
        let dropped = validated
            .issues
            .iter()
            .filter(|i| i.action == Action::DroppedRecord && i.path.starts_with(&prefix))
            .count();
        assert_eq!(
            kept + dropped,
            given.len(),
            "{name}: {kept} kept + {dropped} dropped of {}",
            given.len()
        );
    }
}

/// A validated dataset, written back out as JSON (as `cargo xtask data synth` and any
/// publisher's tool would), validates again with nothing dropped or removed and reads back
/// the same. If it did not, the rules would depend on how a file happens to be spelled
/// (field order, unknown fields, defaults left out) rather than on its content.
fn check_revalidates(validated: &Validated, limits: &Limits) {
    let json = serde_json::to_string(&validated.dataset).expect("a validated dataset serialises");
    // Written-out defaults (`"price":null`, `21` as `21.0`) can make the text longer.
    let relaxed = Limits {
        max_bytes: json.len().max(limits.max_bytes),
        ..*limits
    };
    let again = parse_and_validate(&json, &relaxed)
        .unwrap_or_else(|e| panic!("a validated dataset is refused when written out: {e:?}"));
    let changed: Vec<_> = again.issues.iter().filter(|i| i.action != Action::Kept).collect();
    assert!(changed.is_empty(), "second validation changed data: {changed:?}");
    same_json(&to_value(&again.dataset), &to_value(&validated.dataset), "$");
}

fn ids<'a>(collection: &str, ids: impl Iterator<Item = &'a String>, limits: &Limits) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for id in ids {
        assert!(is_valid_id(id), "{collection}: invalid id {id:?} kept");
        assert!(seen.insert(id.as_str()), "{collection}: duplicate id {id:?} kept");
    }
    assert!(
        seen.len() <= limits.max_records,
        "{collection}: over the record limit"
    );
    seen
}

fn months(months: &[u8]) {
    assert!(
        months.iter().all(|m| (1..=12).contains(m)),
        "month out of range: {months:?}"
    );
}

/// A link the app may render: http(s), or the seed article's `seed:<id>`.
fn is_source(s: &str) -> bool {
    is_safe_http_url(s) || s.strip_prefix("seed:").is_some_and(is_valid_id)
}

fn sources(id: &str, sources: &[String]) {
    assert!(!sources.is_empty(), "{id}: no source");
    for s in sources {
        assert!(is_source(s), "{id}: unsafe source {s:?}");
    }
}

fn locality(locality: &Locality) {
    if let Some(district) = &locality.district {
        assert!(
            geo::district(district).is_some(),
            "unknown district {district:?} kept"
        );
    }
}

fn inside_province(id: &str, c: &Coordinates) {
    assert!(
        PROVINCE_BOUNDS.contains(c.lat, c.lon),
        "{id}: ({}, {}) outside",
        c.lat,
        c.lon
    );
}

fn to_value(value: &impl Serialize) -> Value {
    serde_json::to_value(value).expect("model types serialise")
}

fn within_limits(value: &impl Serialize, limits: &Limits) {
    let (chars, items) = largest(&to_value(value));
    assert!(
        chars <= limits.max_string_chars,
        "a string of {chars} characters kept"
    );
    assert!(items <= limits.max_list_items, "a list of {items} items kept");
}

/// The longest string (in characters) and the longest list in `value`.
fn largest(value: &Value) -> (usize, usize) {
    let inner = |values: &mut dyn Iterator<Item = &Value>| {
        values
            .map(largest)
            .fold((0, 0), |(c, i), (c2, i2)| (c.max(c2), i.max(i2)))
    };
    match value {
        Value::String(s) => (s.chars().count(), 0),
        Value::Array(items) => {
            let (chars, longest) = inner(&mut items.iter());
            (chars, longest.max(items.len()))
        }
        Value::Object(map) => inner(&mut map.values()),
        _ => (0, 0),
    }
}

/// Equal JSON trees, numbers within a rounding error: serde_json's default float parser
/// may land one unit in the last place away from the value it wrote.
fn same_json(a: &Value, b: &Value, path: &str) {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert!((x - y).abs() <= 1e-9 * x.abs().max(1.0), "{path}: {x} became {y}");
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{path}: length changed");
            for (i, (x, y)) in x.iter().zip(y).enumerate() {
                same_json(x, y, &format!("{path}[{i}]"));
            }
        }
        (Value::Object(x), Value::Object(y)) => {
            let keys = |m: &serde_json::Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(x), keys(y), "{path}: fields changed");
            for (k, v) in x {
                same_json(v, &y[k], &format!("{path}.{k}"));
            }
        }
        _ => assert_eq!(a, b, "{path}: changed"),
    }
}

// ---------------------------------------------------------------------------------------
// URL query: the catalog's state, a shared trip, map places
// ---------------------------------------------------------------------------------------

/// `a=1&b&c=x=y` → `[("a", "1"), ("b", ""), ("c", "x=y")]`: how a router splits an
/// (already percent-decoded) query, minus the decoding.
pub fn split_query(query: &str) -> Vec<(&str, &str)> {
    query
        .split('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .collect()
}

/// Reads `query` the way each page does and checks what it got: the catalog's state,
/// the `stops` of a shared trip and the `place` keys of the map.
pub fn check_query(query: &str) {
    let pairs = split_query(query);
    check_catalog_query(&CatalogQuery::from_query_pairs(pairs.iter().copied()));
    for (key, value) in pairs {
        match key {
            "stops" => check_stops_value(value),
            "place" => value.split(',').for_each(check_stop_key),
            _ => {}
        }
    }
}

/// A query as [`CatalogQuery::from_query_pairs`] can produce it is within its limits, and
/// its canonical URL reads back as the very same query (a bookmarked or shared view is the
/// view that was shared). The chip row, "remove chip", "toggle" and "clear all" agree.
pub fn check_catalog_query(q: &CatalogQuery) {
    let text_chars = q.text.chars().count();
    assert!(text_chars <= MAX_TEXT_CHARS, "text of {text_chars} characters");
    assert!(
        !q.text.chars().any(char::is_control),
        "control character in {:?}",
        q.text
    );
    assert!(
        q.text.is_empty() || !q.text.trim().is_empty(),
        "blank text {:?}",
        q.text
    );
    assert!(q.page < MAX_PAGE, "page {}", q.page);
    assert!(
        q.month.is_none_or(|m| (1..=12).contains(&m)),
        "month {:?}",
        q.month
    );
    assert!(q.subcategories.len() <= MAX_VALUES && q.buy.len() <= MAX_VALUES);
    assert!(
        q.areas.iter().all(|a| geo::district(a).is_some()),
        "{:?}",
        q.areas
    );
    for b in &q.buy {
        if let BuyFilter::SalesPoint(id) = b {
            assert!(is_valid_id(id), "sales point {id:?}");
        }
    }

    check_round_trip(q);

    let chips = q.chips();
    assert_eq!(q.is_filtered(), !chips.is_empty() || q.on_trip);
    let first_page = CatalogQuery { page: 0, ..q.clone() };
    for chip in &chips {
        assert!(!q.without(chip).chips().contains(chip), "{chip:?} not removed");
        let toggled = q.toggled(chip.facet, &chip.value);
        assert!(!toggled.chips().contains(chip), "{chip:?} not toggled off");
        assert_eq!(
            toggled.toggled(chip.facet, &chip.value),
            first_page,
            "{chip:?} not back"
        );
    }
    let cleared = q.cleared();
    assert!(!cleared.is_filtered());
    assert_eq!((&cleared.text, cleared.sort), (&q.text, q.sort));
}

/// `from_query_pairs(to_query_pairs(q)) == q`, and the pairs are then a fixed point.
pub fn check_round_trip(q: &CatalogQuery) {
    let canonical = q.to_query_pairs();
    let again = CatalogQuery::from_query_pairs(canonical.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(&again, q, "query changed through its URL {canonical:?}");
    assert_eq!(again.to_query_pairs(), canonical);
}

/// A trip link's `stops` value gives distinct, valid stops within the cap, every item is
/// accounted for (kept, rejected or a duplicate), and the trip's own link reads back as
/// the same stops with nothing rejected.
pub fn check_stops_value(value: &str) {
    let shared = Trip::from_query(value);
    assert!(
        shared.stops.len() <= MAX_SHARED_STOPS,
        "{} stops",
        shared.stops.len()
    );
    let mut seen = HashSet::new();
    for stop in &shared.stops {
        let (StopRef::Spot(id) | StopRef::SalesPoint(id)) = stop;
        assert!(is_valid_id(id), "invalid id {id:?}");
        assert!(seen.insert(stop), "duplicate {stop:?}");
    }
    let items = if value.is_empty() {
        0
    } else {
        value.split(',').count()
    };
    assert!(
        shared.stops.len() + shared.rejected <= items,
        "{shared:?} from {items} items"
    );

    let trip: Trip = shared.stops.iter().cloned().collect();
    assert_eq!(
        trip.stops(),
        shared.stops.as_slice(),
        "the trip changed the stops"
    );
    let again = Trip::from_query(&trip.to_query());
    assert_eq!(again.stops, shared.stops, "trip link does not read back");
    assert_eq!(again.rejected, 0);
}

/// A place key that parses is written back exactly as it was read.
pub fn check_stop_key(item: &str) {
    if let Some(stop) = parse_stop_key(item) {
        assert_eq!(stop_key(&stop), item);
    }
}
