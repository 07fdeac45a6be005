//! Property tests of the trip planner on the real travel network (issue 20): whatever
//! places a visitor picks, in whatever order, "Optimise" returns an order whose every leg is
//! a path of the graph (each step an edge the graph has, chained from stop to stop) and
//! whose total is never longer than the visitor's own order. Before the graph, a leg to a
//! boat-tour place was a straight line to anywhere, so the optimiser invented boat legs.

use ocop_core::model::StopRef;
use ocop_core::network::{Endpoint, Network};
use ocop_core::places::{place, PlaceIndex};
use ocop_core::travel::Waypoint;
use ocop_core::trip::Trip;
use ocop_core::validate::parse_and_validate;
use ocop_core::Dataset;
use proptest::prelude::*;
use std::sync::OnceLock;

fn bundled() -> &'static (Dataset, Vec<StopRef>) {
    static DATA: OnceLock<(Dataset, Vec<StopRef>)> = OnceLock::new();
    DATA.get_or_init(|| {
        let text = include_str!("../../../public/data/ocop-quang-ninh.json");
        let data = parse_and_validate(text, &Default::default())
            .expect("bundled data")
            .dataset;
        let stops = PlaceIndex::build(&data)
            .all(&data)
            .into_iter()
            .map(|p| p.stop)
            .collect();
        (data, stops)
    })
}

/// A trip of 2 to 14 distinct bundled places in a random order: up to 12 the optimiser is
/// exact, above it the heuristic runs.
fn any_trip() -> impl Strategy<Value = Vec<StopRef>> {
    let all = bundled().1.clone();
    proptest::sample::subsequence(all, 2..=14).prop_shuffle()
}

fn waypoints(data: &Dataset, stops: &[StopRef]) -> Vec<Waypoint> {
    stops
        .iter()
        .map(|s| place(data, s).expect("a bundled place").waypoint())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_optimised_leg_is_a_path_of_the_graph_and_never_longer(stops in any_trip()) {
        let (data, _) = bundled();
        let network = Network::new(data);
        let mut trip: Trip = stops.iter().cloned().collect();
        let before = network.path(&waypoints(data, trip.stops())).total_minutes;
        trip.optimise(&network, |s| place(data, s).map(|p| p.waypoint()));
        prop_assert_eq!(trip.stops()[0].clone(), stops[0].clone(), "the first stop is kept");
        let points = waypoints(data, trip.stops());
        let path = network.path(&points);
        prop_assert!(path.total_minutes <= before + 1e-6, "{} > {}", path.total_minutes, before);
        for (pair, leg) in points.windows(2).zip(&path.legs) {
            let (from, to) = (&pair[0], &pair[1]);
            let mut at = Endpoint::Stop(from.stop.clone());
            prop_assert!(!leg.steps.is_empty());
            for step in &leg.steps {
                prop_assert_eq!(&step.from, &at);
                prop_assert!(network.has_edge(from, to, step), "not an edge of the graph: {:?}", step);
                at = step.to.clone();
            }
            prop_assert_eq!(at, Endpoint::Stop(to.stop.clone()));
        }
    }
}

/// `has_edge` itself can say no: a ferry between piers no line joins, and a road from the
/// mainland to an island, are refused.
#[test]
fn has_edge_refuses_what_the_graph_lacks() {
    use ocop_core::network::{Step, StepMode};
    use ocop_core::travel::RoadClass;
    let (data, _) = bundled();
    let network = Network::new(data);
    let spot = |id: &str| place(data, &StopRef::Spot(id.into())).unwrap().waypoint();
    let (farm, co_to) = (spot("trai-ngoc-trai-tung-sau"), spot("dao-co-to"));
    let straight_boat = Step {
        mode: StepMode::BayBoat {
            boat: "tuan-chau-bay-tours".into(),
        },
        from: Endpoint::Stop(farm.stop.clone()),
        to: Endpoint::Stop(co_to.stop.clone()),
        km: 1.0,
        minutes: 1.0,
    };
    assert!(!network.has_edge(&farm, &co_to, &straight_boat));
    let road_to_island = Step {
        mode: StepMode::Road(RoadClass::Rural),
        from: Endpoint::Pier("cai-rong".into()),
        to: Endpoint::Stop(co_to.stop.clone()),
        km: 1.0,
        minutes: 1.0,
    };
    assert!(!network.has_edge(&farm, &co_to, &road_to_island));
    let wrong_ferry = Step {
        mode: StepMode::Ferry {
            line: "cai-rong-quan-lan".into(),
            reverse: false,
        },
        from: Endpoint::Pier("cai-rong".into()),
        to: Endpoint::Pier("co-to".into()),
        km: 1.0,
        minutes: 1.0,
    };
    assert!(!network.has_edge(&farm, &co_to, &wrong_ferry));
}
