use super::*;
use crate::model::{BayBoat, Coordinates, Island, Pier};
use crate::places::{place, PlaceIndex};
use crate::test_fixtures::bundled;
use crate::text::LocalText;
use crate::travel::{road_class, HIGHWAY_ROAD_FACTOR};

fn spot(id: &str) -> StopRef {
    StopRef::Spot(id.to_string())
}

/// The bundled place `id` (a spot) as a waypoint.
fn waypoint(data: &Dataset, id: &str) -> Waypoint {
    place(data, &spot(id))
        .unwrap_or_else(|| panic!("{id} in the bundled data"))
        .waypoint()
}

fn modes(leg: &Leg) -> Vec<StepMode> {
    leg.steps.iter().map(|s| s.mode.clone()).collect()
}

fn ferry(line: &str, reverse: bool) -> StepMode {
    StepMode::Ferry {
        line: line.to_string(),
        reverse,
    }
}

fn boat(id: &str) -> StepMode {
    StepMode::BayBoat { boat: id.to_string() }
}

fn pier(id: &str) -> Endpoint {
    Endpoint::Pier(id.to_string())
}

/// The steps chain from the leg's first stop to its second, each an edge of the graph.
fn assert_is_a_path(network: &Network, from: &Waypoint, to: &Waypoint, leg: &Leg) {
    let mut at = Endpoint::Stop(from.stop.clone());
    for step in &leg.steps {
        assert_eq!(step.from, at, "{leg:#?}");
        assert!(network.has_edge(from, to, step), "not an edge: {step:?}");
        at = step.to.clone();
    }
    assert_eq!(at, Endpoint::Stop(to.stop.clone()), "{leg:#?}");
    let minutes: f64 = leg.steps.iter().map(|s| s.minutes).sum();
    assert!((minutes - leg.minutes).abs() < 1e-9);
}

#[test]
fn tung_sau_to_quan_lan_is_the_bay_boat_back_road_to_cai_rong_and_the_ferry() {
    let data = bundled();
    let network = Network::new(&data);
    let (farm, island) = (
        waypoint(&data, "trai-ngoc-trai-tung-sau"),
        waypoint(&data, "dao-quan-lan"),
    );
    let leg = network.leg(&farm, &island);
    assert_is_a_path(&network, &farm, &island, &leg);
    assert_eq!(
        modes(&leg),
        [
            boat("tuan-chau-bay-tours"),
            StepMode::Road(RoadClass::Highway),
            ferry("cai-rong-quan-lan", false),
            StepMode::Road(RoadClass::Rural),
        ]
    );
    assert_eq!(leg.steps[0].to, pier("tuan-chau"));
    assert_eq!(leg.steps[1].to, pier("cai-rong"));
    assert_eq!(leg.steps[2].to, pier("quan-lan"));
    assert!(leg.has_ferry() && !leg.access_unknown);
    // The ferry alone is 30 min at the pier and 60 at sea: far more than the 1 h 55 min
    // "by boat" of the straight line the old model drew.
    assert!(leg.minutes > 60.0 + 30.0 + 60.0, "{leg:#?}");
    // And back the same way, reversed.
    let back = network.leg(&island, &farm);
    assert_is_a_path(&network, &island, &farm, &back);
    assert_eq!(back.steps[1].mode, ferry("cai-rong-quan-lan", true));
    assert!((back.minutes - leg.minutes).abs() < 1e-6);
}

#[test]
fn co_to_is_reached_only_on_the_co_to_ferry() {
    let data = bundled();
    let network = Network::new(&data);
    let co_to = waypoint(&data, "dao-co-to");
    for other in PlaceIndex::build(&data).all(&data) {
        let from = other.waypoint();
        if from.stop == co_to.stop {
            continue;
        }
        for (a, b) in [(&from, &co_to), (&co_to, &from)] {
            let leg = network.leg(a, b);
            assert_is_a_path(&network, a, b, &leg);
            let at_sea: Vec<_> = modes(&leg)
                .into_iter()
                .filter(|m| !matches!(m, StepMode::Road(_)))
                .collect();
            // Cô Tô's end of the leg is the Cô Tô ferry; nothing sails there by any other way.
            let co_to_end = if a.stop == co_to.stop {
                at_sea.first()
            } else {
                at_sea.last()
            };
            assert!(
                matches!(co_to_end, Some(StepMode::Ferry { line, .. }) if line == "cai-rong-co-to"),
                "{:?} ↔ Cô Tô: {at_sea:?}",
                from.stop
            );
        }
    }
}

#[test]
fn a_boat_place_is_an_out_and_back_from_its_harbour() {
    let data = bundled();
    let network = Network::new(&data);
    let farm = waypoint(&data, "trai-ngoc-trai-tung-sau");
    let museum = waypoint(&data, "bao-tang-ngoc-trai-tuan-chau");
    let there = network.leg(&museum, &farm);
    assert_eq!(
        modes(&there),
        [StepMode::Road(RoadClass::Rural), boat("tuan-chau-bay-tours")]
    );
    assert_eq!(there.steps[0].to, pier("tuan-chau"));
    // Two places in the bay: back to the harbour between them, never a hop.
    let bay = waypoint(&data, "vinh-ha-long");
    let hop = network.leg(&farm, &bay);
    assert_is_a_path(&network, &farm, &bay, &hop);
    assert_eq!(
        modes(&hop),
        [boat("tuan-chau-bay-tours"), boat("tuan-chau-bay-tours")]
    );
    // The bay's own harbours: Bãi Cháy is the nearer one from the Hạ Long OCOP point.
    let shop = place(&data, &StopRef::SalesPoint("diem-ban-ocop-go-ha-long".into()))
        .unwrap()
        .waypoint();
    let out = network.leg(&shop, &bay);
    assert_eq!(
        out.steps.last().map(|s| &s.mode),
        Some(&boat("bai-chay-bay-tours"))
    );
}

#[test]
fn places_on_one_island_are_joined_by_the_island_road() {
    let data = bundled();
    let network = Network::new(&data);
    let leg = network.leg(
        &waypoint(&data, "dao-quan-lan"),
        &waypoint(&data, "dao-minh-chau"),
    );
    assert_eq!(modes(&leg), [StepMode::Road(RoadClass::Rural)]);
    assert!(!leg.has_ferry());
}

#[test]
fn mainland_legs_are_one_road_step_as_before() {
    let data = bundled();
    let network = Network::new(&data);
    let (a, b) = (
        waypoint(&data, "khu-di-tich-yen-tu"),
        waypoint(&data, "bai-bien-tra-co"),
    );
    let leg = network.leg(&a, &b);
    let straight = great_circle_km((a.lat, a.lon), (b.lat, b.lon));
    assert_eq!(modes(&leg), [StepMode::Road(road_class(straight, false))]);
    assert!((leg.km - straight * HIGHWAY_ROAD_FACTOR).abs() < 1e-9);
}

#[test]
fn the_bundled_network_has_sources_and_every_listed_place_exists() {
    let data = bundled();
    let travel = &data.travel.decode();
    assert_eq!(data.schema_version, "1.2");
    assert!(travel.piers.len() >= 5 && travel.ferries.len() >= 2 && travel.bay_boats.len() >= 2);
    for p in &travel.piers {
        assert!(!p.sources.is_empty(), "{}", p.id);
    }
    for island in &travel.islands {
        for stop in &island.places {
            assert!(place(&data, stop).is_some(), "{stop:?}");
        }
    }
    // Every boat or ferry place is somewhere in the network: nothing falls back to road.
    let network = Network::new(&data);
    for p in PlaceIndex::build(&data).all(&data) {
        assert!(!network.access_unknown(&p.waypoint()), "{:?}", p.stop);
    }
}

fn text(vi: &str) -> LocalText {
    LocalText {
        vi: vi.to_string(),
        en: None,
        zh: None,
    }
}

fn at(lat: f64, lon: f64) -> Coordinates {
    Coordinates {
        lat,
        lon,
        precision: Precision::Approximate,
    }
}

fn stop(id: &str, lat: f64, lon: f64, access: Access) -> Waypoint {
    Waypoint {
        stop: spot(id),
        lat,
        lon,
        district: "van-don".into(),
        access,
    }
}

#[test]
fn an_unlisted_boat_or_ferry_place_is_reached_by_road_and_flagged() {
    let network = Network::default();
    let mainland = stop("a", 21.0, 107.3, Access::Road);
    for access in [Access::Ferry, Access::Boat] {
        let island = stop("b", 20.9, 107.5, access);
        let leg = network.leg(&mainland, &island);
        assert!(leg.access_unknown);
        assert!(matches!(modes(&leg)[..], [StepMode::Road(_)]));
    }
    assert!(
        !network
            .leg(&mainland, &stop("c", 21.1, 107.3, Access::Road))
            .access_unknown
    );
}

/// A network whose island has a pier but no ferry: its places are not on a reachable
/// island, so they fall back to road with the flag, and a bay boat from that pier is unused.
#[test]
fn an_island_no_ferry_reaches_is_not_used() {
    let network = Network::from_travel(TravelNetwork {
        piers: vec![Pier {
            id: "lonely".into(),
            name: text("Bến"),
            coordinates: at(20.9, 107.5),
            island: Some("x".into()),
            sources: vec!["https://example.org".into()],
        }],
        islands: vec![Island {
            id: "x".into(),
            name: text("Đảo"),
            places: vec![spot("b")],
        }],
        ferries: vec![],
        bay_boats: vec![BayBoat {
            id: "boats".into(),
            harbour: "lonely".into(),
            places: vec![spot("c")],
            assumed: false,
            sources: vec!["https://example.org".into()],
        }],
    });
    let mainland = stop("a", 21.0, 107.3, Access::Road);
    for id in ["b", "c"] {
        let leg = network.leg(&mainland, &stop(id, 20.9, 107.5, Access::Ferry));
        assert!(leg.access_unknown, "{id}");
        assert!(!leg.has_ferry() && !leg.has_bay_boat());
    }
}

#[test]
fn last_departures_are_read_per_direction() {
    let mut travel = crate::network::migrate_travel(&[]);
    travel.ferries[0].departures = vec!["07:30".into(), "13:30".into(), "bad".into()];
    travel.ferries[0].return_departures = vec!["15:00".into()];
    let network = Network::from_travel(travel);
    let step = |reverse| Step {
        mode: ferry("cai-rong-quan-lan", reverse),
        from: pier("cai-rong"),
        to: pier("quan-lan"),
        km: 0.0,
        minutes: 0.0,
    };
    assert_eq!(network.last_departure(&step(false)), Some(13 * 60 + 30));
    assert_eq!(network.last_departure(&step(true)), Some(15 * 60));
    assert_eq!(clock_minutes("24:00"), None);
    assert_eq!(clock_minutes("7:30"), None);
}

#[test]
fn a_format_1_1_file_gets_the_two_cai_rong_crossings() {
    let text = include_str!("../../../../public/data/ocop-quang-ninh.json");
    let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
    value["schema_version"] = "1.1".into();
    value.as_object_mut().unwrap().remove("travel");
    let data = crate::validate::parse_and_validate(&value.to_string(), &Default::default())
        .unwrap()
        .dataset;
    // The dataset stays as the file says; the graph supplies what 1.1 implied.
    assert!(data.travel.is_empty());
    let network = Network::new(&data);
    let ids: Vec<_> = network.travel().ferries.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["cai-rong-quan-lan", "cai-rong-co-to"]);
    let leg = network.leg(&waypoint(&data, "cai-rong"), &waypoint(&data, "dao-co-to"));
    assert_eq!(
        leg.steps
            .iter()
            .filter(|s| matches!(s.mode, StepMode::Ferry { .. }))
            .count(),
        1
    );
    // 1.1 knew no harbours: its boat places are flagged, never sailed to in a straight line.
    let farm = waypoint(&data, "trai-ngoc-trai-tung-sau");
    assert!(
        network
            .leg(&farm, &waypoint(&data, "dao-quan-lan"))
            .access_unknown
    );
}

#[test]
fn bad_travel_entries_are_dropped_and_reported() {
    let text = include_str!("../../../../public/data/ocop-quang-ninh.json");
    let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
    let travel = &mut value["travel"];
    travel["ferries"][0]["to"] = "nowhere".into();
    travel["ferries"][1]["departures"] = serde_json::json!(["08:00", "25:99"]);
    travel["islands"][0]["places"][0] = serde_json::json!({"spot": "no-such-place"});
    travel["bay_boats"][0]["sources"] = serde_json::json!([]);
    let validated = crate::validate::parse_and_validate(&value.to_string(), &Default::default()).unwrap();
    let paths: Vec<_> = validated.issues.iter().map(|i| i.path.as_str()).collect();
    for expected in [
        "$.travel.ferries[0].to",
        "$.travel.ferries[1].departures[1]",
        "$.travel.islands[0].places[0]",
        "$.travel.bay_boats[0].sources",
    ] {
        assert!(paths.contains(&expected), "{expected} in {paths:#?}");
    }
    let travel = &validated.dataset.travel.decode();
    assert_eq!(travel.ferries.len(), 1);
    assert_eq!(travel.ferries[0].departures, ["08:00"]);
    // A malformed section is reported, and the rest of the file still loads.
    value["travel"] = serde_json::json!([1, 2]);
    let validated = crate::validate::parse_and_validate(&value.to_string(), &Default::default()).unwrap();
    assert!(validated.dataset.travel.is_empty());
    assert!(validated.issues.iter().any(|i| i.path == "$.travel"));
}
