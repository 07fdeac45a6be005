//! Property tests of the two parsers that read input from strangers: the dataset validator
//! (`validate::parse_and_validate`, fed by a remote publisher's file) and the URL query
//! readers (`CatalogQuery::from_query_pairs`, `Trip::from_query`, `trip::parse_stop_key`,
//! fed by any link anyone shares). The share-code decoder has its own, `share_props.rs`.
//!
//! # What is proven, and why it matters
//!
//! *Never panic.* A panic in wasm kills the whole app, not one page: a hostile or merely
//! broken file or link must end in a report, never in a blank screen.
//!
//! *What is accepted can be trusted.* The pages index products by id, follow references
//! and render URLs as links without checking again; so for every `Ok`, ids are valid and
//! unique, every reference resolves, every link is http(s), nothing exceeds the limits.
//!
//! *Nothing is lost silently.* Every record of the file is either kept or named by one
//! "record dropped" issue: the publisher's report (`cargo xtask data check`) accounts for
//! every record, so a missing product is always explained.
//!
//! *Damage stays local.* Breaking one record (any field, any value, a string or list over
//! the limit, a deleted or duplicated record) costs that record (and at most the one whose
//! id it now collides with), never the file: the app keeps showing everything else.
//!
//! *Stable.* A validated dataset written back out validates again unchanged, so the rules
//! depend on what a file says, not on how it is spelled; and a catalog query, a trip or a
//! map place written to a URL reads back as itself, so a shared link shows what was shared.
//!
//! # How
//!
//! Examples only show what their author thought of; these generate inputs: arbitrary text,
//! arbitrary JSON, and (the ones that find real bugs) the real bundled dataset with a few
//! random, often plausible, mutations, since a validator is mostly wrong about *almost*
//! valid files. The rules themselves live in `fuzz/src/lib.rs`, included below, so the
//! nightly fuzz targets (`cargo xtask fuzz`, guided by coverage, minutes at a time) and
//! these stable tests (random, every `cargo test`, seconds) check exactly the same
//! promises. The committed fuzz seeds are checked here too, so they stay valid inputs as
//! the format evolves. Case counts are kept low enough for the file to run in seconds in
//! a debug build; `PROPTEST_CASES=5000` runs more.

#[path = "../../../fuzz/src/lib.rs"]
mod invariants;

use invariants::{
    check_catalog_query, check_dataset, check_query, check_round_trip, check_stop_key, check_stops_value,
    small_limits, split_query, COLLECTIONS,
};
use ocop_core::catalog::{
    BuyFilter, CatalogQuery, PriceBand, SortOrder, StarFilter, MAX_PAGE, MAX_TEXT_CHARS, MAX_VALUES,
    ONLINE_CHANNELS, PRODUCER_TYPES,
};
use ocop_core::geo::DISTRICTS;
use ocop_core::model::{ProductGroup, StopRef};
use ocop_core::share::decode;
use ocop_core::trip::{stop_key, Trip, MAX_SHARED_STOPS};
use ocop_core::validate::{Limits, LoadError};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;
use std::collections::BTreeSet;
use std::sync::LazyLock;

const BUNDLED: &str = include_str!("../../../public/data/ocop-quang-ninh.json");
static BUNDLED_TREE: LazyLock<Value> = LazyLock::new(|| serde_json::from_str(BUNDLED).unwrap());

/// The fuzz seeds, committed in `fuzz/corpus/`.
const DATASET_SEEDS: [&str; 2] = [
    include_str!("../../../fuzz/corpus/dataset/seed-bundled-trimmed.json"),
    include_str!("../../../fuzz/corpus/dataset/seed-minimal.json"),
];
const MINIMAL_SEED: &str = DATASET_SEEDS[1];
static MINIMAL_TREE: LazyLock<Value> = LazyLock::new(|| serde_json::from_str(MINIMAL_SEED).unwrap());
const SHARE_SEEDS: [&str; 4] = [
    include_str!("../../../fuzz/corpus/share_decode/seed-link-fragment"),
    include_str!("../../../fuzz/corpus/share_decode/seed-list-and-trip"),
    include_str!("../../../fuzz/corpus/share_decode/seed-list-only"),
    include_str!("../../../fuzz/corpus/share_decode/seed-trip-only"),
];
const QUERY_SEEDS: [&str; 4] = [
    include_str!("../../../fuzz/corpus/url_query/seed-catalog"),
    include_str!("../../../fuzz/corpus/url_query/seed-catalog-every-facet"),
    include_str!("../../../fuzz/corpus/url_query/seed-map"),
    include_str!("../../../fuzz/corpus/url_query/seed-trip"),
];

/// `default` cases per property, or `PROPTEST_CASES` when set (for a longer run).
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// Limits the bundled dataset's records only partly fit: long texts and lists drop some
/// records, and a duplicated collection goes over the record limit (107 products, 214 when
/// duplicated). Its meta
/// is longer than any record, so these go with [`BUNDLED_SHORT_META`].
fn tight() -> Limits {
    Limits {
        max_string_chars: 250,
        max_list_items: 4,
        max_records: 150,
        ..Limits::default()
    }
}

/// The bundled dataset with the small seed's meta, which fits [`tight`].
static BUNDLED_SHORT_META: LazyLock<Value> = LazyLock::new(|| {
    let mut doc = BUNDLED_TREE.clone();
    doc["meta"] = MINIMAL_TREE["meta"].clone();
    doc
});

// ---------------------------------------------------------------------------------------
// Examples the properties rest on
// ---------------------------------------------------------------------------------------

#[test]
fn the_bundled_dataset_validates_untouched_with_no_issue() {
    let validated = check_dataset(BUNDLED, &Limits::default()).unwrap();
    assert_eq!(validated.dropped_records(), 0);
    assert!(validated.issues.is_empty(), "{:#?}", validated.issues);
    let d = &validated.dataset;
    let given = |name: &str| BUNDLED_TREE[name].as_array().unwrap().len();
    let kept = [
        d.products.len(),
        d.producers.len(),
        d.spots.len(),
        d.sales_points.len(),
        d.routes.len(),
    ];
    for (name, kept) in COLLECTIONS.into_iter().zip(kept) {
        assert_eq!(kept, given(name), "{name}");
    }
    // Under the tight limits some records go, and every rule still holds.
    let tight = check_dataset(&BUNDLED_SHORT_META.to_string(), &tight()).unwrap();
    assert!(tight.dropped_records() > 0);
}

#[test]
fn the_committed_fuzz_seeds_are_valid_inputs() {
    for seed in DATASET_SEEDS {
        let validated = check_dataset(seed, &Limits::default()).unwrap();
        assert_eq!(validated.dropped_records(), 0, "{:#?}", validated.issues);
    }
    // The small seed fits the fuzz target's tight limits too, so it reaches their checks.
    let validated = check_dataset(MINIMAL_SEED, &small_limits()).unwrap();
    assert!(validated.issues.is_empty(), "{:#?}", validated.issues);

    for seed in SHARE_SEEDS {
        assert!(decode(seed).is_ok(), "{seed}");
    }
    for seed in QUERY_SEEDS {
        let pairs = split_query(seed);
        let catalog = CatalogQuery::from_query_pairs(pairs.iter().copied());
        let stops = pairs
            .iter()
            .find(|(k, _)| *k == "stops")
            .map(|(_, v)| Trip::from_query(v));
        let places = pairs.iter().any(|(k, _)| *k == "place");
        assert!(
            catalog != CatalogQuery::default() || stops.is_some_and(|s| !s.stops.is_empty()) || places,
            "{seed} reads as nothing"
        );
        check_query(seed);
    }
}

#[test]
fn refusals_are_for_the_right_reason() {
    let limits = Limits::default();
    assert_eq!(check_dataset("", &limits), Err(LoadError::Truncated));
    assert_eq!(check_dataset("[1]", &limits), Err(LoadError::NotAnObject));
    assert_eq!(check_dataset("{}", &limits), Err(LoadError::MissingSchemaVersion));
    let big = "x".repeat(limits.max_bytes + 1);
    assert!(matches!(
        check_dataset(&big, &limits),
        Err(LoadError::TooLarge { .. })
    ));
}

// ---------------------------------------------------------------------------------------
// Dataset: generators
// ---------------------------------------------------------------------------------------

/// Strings a validator has opinions about, and some it should not.
fn interesting_string() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}",
        any::<String>(),
        prop::sample::select(vec![
            "",
            "-",
            "Bad Id",
            "https://baoquangninh.vn/a",
            "http://",
            "javascript:alert(1)",
            "java\tscript:alert(1)",
            "seed:ocop",
            "seed:",
            "2026-11-30",
            "2026-13",
            "2026",
            "1.0",
            "2.0",
            "ha-long",
            "vinh-ha-long",
            "tra-hoa-vang-ba-che",
            "star_stated",
            "national",
            "food",
            "tea",
            "voso",
            "road",
            "ocop_centre",
            "approximate",
        ])
        .prop_map(String::from),
    ]
}

/// Any JSON value, a few levels deep.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0u64..20).prop_map(Value::from),
        (2000u64..2200).prop_map(Value::from),
        // Inside the province, at its edges, outside; `from(NaN)` would be null.
        prop_oneof![20.0..22.0, 106.0..109.0, any::<f64>()].prop_map(Value::from),
        interesting_string().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// One change to a dataset's JSON tree. Indices pick among the nodes that exist when the
/// change is made, so changes compose.
#[derive(Clone, Debug)]
enum Mutation {
    /// Deletes a record (references to it break).
    DeleteRecord(usize, Index),
    /// Appends a copy of a record (a duplicate id).
    DuplicateRecord(usize, Index),
    /// Any value, anywhere, becomes a random JSON value.
    Replace(Index, Value),
    /// A leaf takes another leaf's value: type-correct but wrong (a spot id as a
    /// producer, a year as a month, a date as an id).
    Transplant(Index, Index),
    /// A field disappears.
    RemoveField(Index, Index),
    /// A string exactly at the text limit, or one character over.
    LongString(Index, bool),
    /// A list exactly at the list limit, or one item over (copies of its first item).
    LongList(Index, bool),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let collection = 0..COLLECTIONS.len();
    prop_oneof![
        1 => (collection.clone(), any::<Index>()).prop_map(|(c, i)| Mutation::DeleteRecord(c, i)),
        1 => (collection, any::<Index>()).prop_map(|(c, i)| Mutation::DuplicateRecord(c, i)),
        3 => (any::<Index>(), json()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        3 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::Transplant(a, b)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::RemoveField(a, b)),
        1 => (any::<Index>(), any::<bool>()).prop_map(|(i, over)| Mutation::LongString(i, over)),
        1 => (any::<Index>(), any::<bool>()).prop_map(|(i, over)| Mutation::LongList(i, over)),
    ]
}

/// JSON pointers (`/products/3/rating/stars`) of the nodes `keep` selects, in document order.
fn pointers(doc: &Value, keep: fn(&Value) -> bool) -> Vec<String> {
    fn walk(v: &Value, at: &mut String, keep: fn(&Value) -> bool, out: &mut Vec<String>) {
        if keep(v) {
            out.push(at.clone());
        }
        let len = at.len();
        match v {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    at.push_str(&format!("/{i}"));
                    walk(item, at, keep, out);
                    at.truncate(len);
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    at.push('/');
                    at.push_str(&k.replace('~', "~0").replace('/', "~1"));
                    walk(item, at, keep, out);
                    at.truncate(len);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(doc, &mut String::new(), keep, &mut out);
    out
}

fn pick(pointers: &[String], index: &Index) -> Option<String> {
    (!pointers.is_empty()).then(|| pointers[index.index(pointers.len())].clone())
}

/// Applies `m` to `doc`; returns the pointer it changed, if any.
fn apply(doc: &mut Value, m: &Mutation, limits: &Limits) -> Option<String> {
    let any_node: fn(&Value) -> bool = |_| true;
    let leaf: fn(&Value) -> bool = |v| !v.is_array() && !v.is_object();
    match m {
        Mutation::DeleteRecord(c, i) | Mutation::DuplicateRecord(c, i) => {
            let list = doc.get_mut(COLLECTIONS[*c])?.as_array_mut()?;
            if list.is_empty() {
                return None;
            }
            let at = i.index(list.len());
            if matches!(m, Mutation::DeleteRecord(..)) {
                list.remove(at);
            } else {
                list.push(list[at].clone());
            }
            Some(format!("/{}/{at}", COLLECTIONS[*c]))
        }
        Mutation::Replace(i, value) => {
            let at = pick(&pointers(doc, any_node), i)?;
            match doc.pointer_mut(&at) {
                Some(node) => *node = value.clone(),
                None => *doc = value.clone(), // the root ("")
            }
            Some(at)
        }
        Mutation::Transplant(from, to) => {
            let leaves = pointers(doc, leaf);
            let value = doc.pointer(&pick(&leaves, from)?)?.clone();
            let at = pick(&leaves, to)?;
            *doc.pointer_mut(&at)? = value;
            Some(at)
        }
        Mutation::RemoveField(object, field) => {
            let at = pick(
                &pointers(doc, |v| v.as_object().is_some_and(|o| !o.is_empty())),
                object,
            )?;
            let map = doc.pointer_mut(&at)?.as_object_mut()?;
            let key = map.keys().nth(field.index(map.len()))?.clone();
            map.remove(&key);
            Some(format!("{at}/{key}"))
        }
        Mutation::LongString(i, over) => {
            let at = pick(&pointers(doc, Value::is_string), i)?;
            let chars = limits.max_string_chars + usize::from(*over);
            // Multi-byte characters: the limit counts characters, not bytes.
            *doc.pointer_mut(&at)? = Value::from("ả".repeat(chars));
            Some(at)
        }
        Mutation::LongList(i, over) => {
            let at = pick(&pointers(doc, Value::is_array), i)?;
            let list = doc.pointer_mut(&at)?.as_array_mut()?;
            let item = list.first().cloned().unwrap_or(Value::Null);
            let items = limits.max_list_items + usize::from(*over);
            // Lists of lists made long in turn would grow without bound: skip huge ones.
            if item.to_string().len() * items > 100_000 {
                return None;
            }
            list.resize(items, item);
            Some(at)
        }
    }
}

/// Whether a change at `pointer` lies inside one record, so it may cost that record but
/// never the file.
fn inside_a_record(pointer: &str) -> bool {
    let mut parts = pointer.split('/').skip(1);
    matches!(
        (parts.next(), parts.next()),
        (Some(collection), Some(_)) if COLLECTIONS.contains(&collection)
    )
}

/// Mutates `base`, then checks every rule on the result under each of `limits`; returns
/// the result under the first and whether every change stayed inside one record.
fn check_mutated(
    base: &Value,
    mutations: &[Mutation],
    limits: &[Limits],
    pretty: bool,
) -> (Result<usize, LoadError>, bool) {
    let mut doc = base.clone();
    let mut local = true;
    for m in mutations {
        if let Some(at) = apply(&mut doc, m, &limits[0]) {
            local &= inside_a_record(&at);
        }
    }
    let text = if pretty {
        serde_json::to_string_pretty(&doc).unwrap()
    } else {
        serde_json::to_string(&doc).unwrap()
    };
    let mut first = None;
    for l in limits {
        let result = check_dataset(&text, l).map(|v| v.dataset.products.len());
        first.get_or_insert(result);
    }
    (first.unwrap(), local)
}

// ---------------------------------------------------------------------------------------
// Dataset: properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    /// Plausible damage to the real dataset: every rule holds whatever happens, and damage
    /// inside records costs at most two records per change (the broken one, and one whose
    /// id it may now duplicate), never the file.
    #[test]
    fn the_bundled_dataset_mutated(
        mutations in prop::collection::vec(mutation(), 1..4),
        short_meta in any::<bool>(),
        pretty in any::<bool>(),
    ) {
        let base = if short_meta { &*BUNDLED_SHORT_META } else { &*BUNDLED_TREE };
        let (result, local) = check_mutated(base, &mutations, &[Limits::default(), tight()], pretty);
        if local {
            let given = BUNDLED_TREE["products"].as_array().unwrap().len();
            match result {
                Ok(products) => {
                    prop_assert!(products + 2 * mutations.len() >= given, "{products} of {given} left");
                }
                // Long lists, pretty-printed, can outgrow the file limit: a whole-file rule.
                Err(LoadError::TooLarge { .. }) => {}
                Err(e) => prop_assert!(false, "damage inside records cost the file: {e:?}"),
            }
        }
    }

    /// The same on the small seed under the fuzz target's tight limits, where most changes
    /// reach a limit or the last record of a kind.
    #[test]
    fn the_minimal_dataset_mutated(
        mutations in prop::collection::vec(mutation(), 1..5),
        pretty in any::<bool>(),
    ) {
        let _ = check_mutated(&MINIMAL_TREE, &mutations, &[small_limits(), Limits::default()], pretty);
    }

    /// Truncated files: a link or a download cut short.
    #[test]
    fn the_bundled_dataset_cut_short(cut in any::<Index>()) {
        // Any proper prefix of the object (trailing whitespace is not part of it).
        let object = BUNDLED.trim_end();
        let mut end = cut.index(object.len());
        while !object.is_char_boundary(end) {
            end -= 1;
        }
        let text = &object[..end];
        match check_dataset(text, &Limits::default()) {
            Err(LoadError::Truncated) => {}
            other => prop_assert!(false, "a file cut at {end} gave {other:?}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn any_text_as_a_dataset(text in any::<String>()) {
        let _ = check_dataset(&text, &Limits::default());
        let _ = check_dataset(&text, &small_limits());
    }

    /// Any JSON with a supported schema version and any meta and collections.
    #[test]
    fn any_json_as_a_dataset(
        version in prop_oneof![Just(Value::from("1.0")), json()],
        meta in prop_oneof![Just(MINIMAL_TREE["meta"].clone()), json()],
        collections in prop::collection::vec(
            prop_oneof![json(), prop::collection::vec(json(), 0..4).prop_map(Value::Array)],
            COLLECTIONS.len(),
        ),
    ) {
        let mut doc = serde_json::Map::new();
        doc.insert("schema_version".into(), version);
        doc.insert("meta".into(), meta);
        for (name, value) in COLLECTIONS.into_iter().zip(collections) {
            doc.insert(name.into(), value);
        }
        let text = Value::Object(doc).to_string();
        let _ = check_dataset(&text, &Limits::default());
        let _ = check_dataset(&text, &small_limits());
    }
}

// ---------------------------------------------------------------------------------------
// URL query: generators
// ---------------------------------------------------------------------------------------

/// Valid ids of every shape `is_valid_id` allows.
fn id() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,2}", "[a-z0-9]{64}"]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "q", "group", "sub", "stars", "area", "buy", "month", "price", "ptype", "trip", "sort",
            "page", "stops", "place", "lang",
        ])
        .prop_map(String::from),
        1 => "[a-z]{0,6}",
        1 => any::<String>(),
    ]
}

/// One value token: valid for some key, nearly valid, or anything.
fn token() -> impl Strategy<Value = String> {
    let valid = prop::sample::select(vec![
        "food",
        "beverage",
        "rural_tourism",
        "tea",
        "rice_noodles",
        "3",
        "4",
        "5",
        "unpublished",
        "ha-long",
        "ba-che",
        "point:ocop-ha-long",
        "online:voso",
        "online:provincial_exchange",
        "lt100k",
        "100k-500k",
        "gt2m",
        "company",
        "household",
        "relevance",
        "stars",
        "name",
        "price-asc",
        "price-desc",
        "1",
        "7",
        "12",
        "10000",
        "s.vinh-ha-long",
        "p.ocop-ha-long",
    ]);
    let near = prop::sample::select(vec![
        "",
        " ",
        "0",
        "00",
        "13",
        "6",
        "-1",
        "1.5",
        "99999999999999999999",
        "Food",
        "ha-long ",
        " 5",
        "point:",
        "point:Bad",
        "point:a--b",
        "online:",
        "online:ebay",
        "s.",
        "x.a",
        "s.A",
        "s.a.b",
        "p.-a",
        ",",
        "%2C",
    ]);
    prop_oneof![
        4 => valid.prop_map(String::from),
        2 => near.prop_map(String::from),
        1 => id().prop_map(|id| format!("point:{id}")),
        1 => id().prop_map(|id| format!("s.{id}")),
        1 => "[a-z0-9_-]{1,70}",
        1 => any::<String>(),
    ]
}

fn value() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..6).prop_map(|tokens| tokens.join(","))
}

fn subset<T: Clone + Ord + std::fmt::Debug + 'static>(all: &[T]) -> impl Strategy<Value = BTreeSet<T>> {
    prop::sample::subsequence(all.to_vec(), 0..=all.len()).prop_map(|v| v.into_iter().collect())
}

/// Search text as `from_query_pairs` keeps it: no control characters, at most
/// `MAX_TEXT_CHARS` characters, blank only when empty.
fn kept_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[^\\p{Cc}]{1,20}",
        proptest::string::string_regex(&format!("[^\\p{{Cc}}]{{{MAX_TEXT_CHARS}}}")).unwrap(),
        Just("chả mực  Hạ Long ".to_string()),
    ]
    .prop_map(|text| {
        if text.trim().is_empty() {
            String::new()
        } else {
            text
        }
    })
}

/// Any query the catalog can be in.
fn catalog_query() -> impl Strategy<Value = CatalogQuery> {
    let district_ids: Vec<String> = DISTRICTS.iter().map(|d| d.id.to_string()).collect();
    let buy = prop_oneof![
        id().prop_map(BuyFilter::SalesPoint),
        prop::sample::select(ONLINE_CHANNELS.to_vec()).prop_map(BuyFilter::Online),
    ];
    let facets = (
        subset(&ProductGroup::ALL),
        prop::collection::btree_set("[a-z0-9_-]{1,16}", 0..=MAX_VALUES),
        subset(&StarFilter::ALL),
        subset(&district_ids),
        prop::collection::btree_set(buy, 0..=MAX_VALUES),
        prop::option::of(1u8..=12),
        subset(&PriceBand::ALL),
        subset(&PRODUCER_TYPES),
    );
    let rest = (
        kept_text(),
        any::<bool>(),
        prop::sample::select(SortOrder::ALL.to_vec()),
        prop_oneof![Just(0), 0..MAX_PAGE],
    );
    (facets, rest).prop_map(
        |(
            (groups, subcategories, stars, areas, buy, month, prices, producer_types),
            (text, on_trip, sort, page),
        )| {
            CatalogQuery {
                text,
                groups,
                subcategories,
                stars,
                areas,
                buy: buy.into_iter().take(MAX_VALUES).collect(),
                month,
                prices,
                producer_types,
                on_trip,
                sort,
                page,
            }
        },
    )
}

fn stop() -> impl Strategy<Value = StopRef> {
    prop_oneof![id().prop_map(StopRef::Spot), id().prop_map(StopRef::SalesPoint)]
}

// ---------------------------------------------------------------------------------------
// URL query: properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    /// Whatever pairs a link carries, every page reads them without panicking, within
    /// its limits, and the catalog's canonical URL is a fixed point.
    #[test]
    fn any_pairs_are_read_tolerantly(pairs in prop::collection::vec((key(), value()), 0..10)) {
        let catalog = CatalogQuery::from_query_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        check_catalog_query(&catalog);
        for (key, value) in &pairs {
            match key.as_str() {
                "stops" => check_stops_value(value),
                "place" => value.split(',').for_each(check_stop_key),
                _ => {}
            }
        }
    }

    #[test]
    fn any_text_as_a_query(query in any::<String>()) {
        check_query(&query);
    }

    /// Every state the catalog can be in survives its own URL.
    #[test]
    fn any_catalog_query_round_trips(q in catalog_query()) {
        check_round_trip(&q);
        check_catalog_query(&q);
    }

    /// A trip's link reads back as the same trip (the first `MAX_SHARED_STOPS` stops of a
    /// longer one), whatever stops it holds.
    #[test]
    fn any_trip_round_trips(stops in prop::collection::vec(stop(), 0..=MAX_SHARED_STOPS + 10)) {
        let trip: Trip = stops.into_iter().collect();
        let shared = Trip::from_query(&trip.to_query());
        let expected = &trip.stops()[..trip.len().min(MAX_SHARED_STOPS)];
        prop_assert_eq!(shared.stops.as_slice(), expected);
        prop_assert_eq!(shared.rejected, trip.len().saturating_sub(MAX_SHARED_STOPS));
        check_stops_value(&trip.to_query());
        for stop in trip.stops() {
            check_stop_key(&stop_key(stop));
        }
    }
}
