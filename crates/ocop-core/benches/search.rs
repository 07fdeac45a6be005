//! Search index build and query times on synthetic catalogs of 1k, 10k and 50k products.
//!
//! Run: `cargo bench -p ocop-core --features synth --bench search` (add `-- --quick` for a
//! fast, rougher run). The queries cover the shapes a search box sees: a full phrase, one
//! short word typed so far, two words, a typo, a two-letter prefix, and the first keystroke
//! (one letter: the broadest query there is, touching a large share of all postings).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ocop_core::search::SearchIndex;
use ocop_core::synth::synth_dataset;
use std::hint::black_box;

const QUERIES: &[(&str, &str)] = &[
    ("phrase", "tra hoa vang"),
    ("short", "cha"),
    ("two_words", "muc kho"),
    ("typo", "chikcen"),
    ("prefix2", "ho"),
    ("prefix1", "c"),
];

fn search(c: &mut Criterion) {
    for size in [1_000, 10_000, 50_000] {
        let data = synth_dataset(size, 42);
        let mut group = c.benchmark_group(format!("search_{size}"));
        group.sample_size(if size >= 50_000 { 10 } else { 30 });

        group.bench_function("build", |b| {
            b.iter(|| SearchIndex::build(black_box(&data.products), black_box(&data.producers)))
        });

        let index = SearchIndex::build(&data.products, &data.producers);
        for &(label, query) in QUERIES {
            let hits = index.search(query).map_or(0, |h| h.len());
            eprintln!("{size} products, {query:?}: {hits} hits");
            group.bench_with_input(BenchmarkId::new("query", label), query, |b, query| {
                b.iter(|| index.search(black_box(query)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, search);
criterion_main!(benches);
