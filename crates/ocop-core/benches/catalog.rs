//! What one keystroke costs: search + facet counts + sort, as the catalog runs them, on
//! synthetic catalogs of 1k, 10k and 50k products. The budget is ≤ 10 ms median per
//! query at 50k products at desktop speed.
//!
//! Run: `cargo bench -p ocop-core --features synth --bench catalog` (`-- --quick` for a
//! rougher, faster run).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ocop_core::catalog::{CatalogIndex, CatalogQuery};
use ocop_core::search::SearchIndex;
use ocop_core::synth::synth_dataset;
use ocop_core::Lang;
use std::hint::black_box;

/// URL query strings, as the catalog receives them.
const QUERIES: &[(&str, &[(&str, &str)])] = &[
    ("no_query", &[]),
    ("text", &[("q", "tra hoa")]),
    ("first_letter", &[("q", "c")]),
    (
        "facets",
        &[("stars", "4,5"), ("group", "food,beverage"), ("month", "11")],
    ),
    (
        "text_and_facets",
        &[
            ("q", "muc"),
            ("stars", "3,4"),
            ("price", "100k-500k"),
            ("sort", "price-asc"),
        ],
    ),
    ("sort_by_name", &[("sort", "name")]),
];

fn keystroke(c: &mut Criterion) {
    for size in [1_000, 10_000, 50_000] {
        let data = synth_dataset(size, 42);
        let search = SearchIndex::build(&data.products, &data.producers);
        let catalog = CatalogIndex::build(&data);
        let mut group = c.benchmark_group(format!("catalog_{size}"));
        group.sample_size(if size >= 50_000 { 20 } else { 50 });
        group.bench_function("build_catalog_index", |b| {
            b.iter(|| CatalogIndex::build(black_box(&data)))
        });
        for &(label, pairs) in QUERIES {
            let query = CatalogQuery::from_query_pairs(pairs.iter().copied());
            group.bench_with_input(
                BenchmarkId::new("search_and_facets", label),
                &query,
                |b, query| {
                    b.iter(|| {
                        let hits: Option<Vec<(usize, u32)>> = search
                            .search(black_box(&query.text))
                            .map(|h| h.iter().map(|h| (h.index, h.score)).collect());
                        catalog.run_in(black_box(query), hits.as_deref(), Lang::En)
                    })
                },
            );
        }
        group.finish();
    }
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
