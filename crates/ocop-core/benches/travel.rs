//! What "Optimise" and the trip page cost on the travel graph (issue 20): the cost matrix of
//! a trip of 12 bundled places (the optimiser's exact limit) and of every bundled place, a
//! whole trip's legs, and building the graph. Figures in docs/performance.md.
//!
//! Run: `cargo bench -p ocop-core --bench travel` (`-- --quick` for a rougher, faster run).

use criterion::{criterion_group, criterion_main, Criterion};
use ocop_core::network::Network;
use ocop_core::places::PlaceIndex;
use ocop_core::trip::Trip;
use ocop_core::validate::parse_and_validate;
use std::hint::black_box;

fn travel(c: &mut Criterion) {
    let text = include_str!("../../../public/data/ocop-quang-ninh.json");
    let data = parse_and_validate(text, &Default::default())
        .expect("bundled data")
        .dataset;
    let places = PlaceIndex::build(&data).all(&data);
    let all: Vec<_> = places.iter().map(|p| p.waypoint()).collect();
    // Every fourth place: mainland, islands and the bay mixed, as a visitor's trip would be.
    let twelve: Vec<_> = all.iter().step_by(4).take(12).cloned().collect();
    let network = Network::new(&data);
    c.bench_function("network_new", |b| b.iter(|| Network::new(black_box(&data))));
    c.bench_function("time_matrix_12", |b| {
        b.iter(|| network.time_matrix(black_box(&twelve)))
    });
    c.bench_function(&format!("time_matrix_all_{}", all.len()), |b| {
        b.iter(|| network.time_matrix(black_box(&all)))
    });
    c.bench_function("path_12", |b| b.iter(|| network.path(black_box(&twelve))));
    let trip: Trip = twelve.iter().map(|w| w.stop.clone()).collect();
    let lookup = |s: &ocop_core::model::StopRef| places.iter().find(|p| p.stop == *s).map(|p| p.waypoint());
    c.bench_function("plan_optimise_12", |b| {
        b.iter(|| trip.plan_optimise(&network, lookup))
    });
}

criterion_group!(benches, travel);
criterion_main!(benches);
