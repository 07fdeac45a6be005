//! Loading a dataset: parsing the JSON text and validating every record, as the app does once
//! per visit, on synthetic catalogs of 1k, 10k and 50k products (the same text
//! `cargo xtask data synth` writes).
//!
//! Run: `cargo bench -p ocop-core --features synth --bench dataset` (add `-- --quick` for a
//! fast, rougher run).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ocop_core::synth::synth_dataset;
use ocop_core::validate::{parse_and_validate, Limits};
use std::hint::black_box;

fn parse_and_validate_bench(c: &mut Criterion) {
    // Limits wide enough for 50k products (the app's defaults cap the bundled file at 5 MB).
    let limits = Limits {
        max_bytes: 512 * 1024 * 1024,
        ..Limits::default()
    };
    let mut group = c.benchmark_group("dataset");
    for size in [1_000, 10_000, 50_000] {
        let text = serde_json::to_string(&synth_dataset(size, 42)).expect("synthetic data serialises");
        let validated = parse_and_validate(&text, &limits).expect("synthetic data is valid");
        assert_eq!(validated.dataset.products.len(), size, "no product dropped");
        eprintln!("{size} products: {} bytes of JSON", text.len());
        group.sample_size(if size >= 50_000 { 10 } else { 20 });
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("parse_and_validate", size), &text, |b, text| {
            b.iter(|| parse_and_validate(black_box(text), &limits))
        });
    }
    group.finish();
}

criterion_group!(benches, parse_and_validate_bench);
criterion_main!(benches);
