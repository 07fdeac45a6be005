use super::*;
use crate::network::{Network, StepMode};
use crate::places::route_places;
use crate::test_fixtures::bundled;
use crate::travel::RoadClass;

/// The outline the app's map draws (`OUTLINE_PATH` in `src/components/map.rs`).
const APP_OUTLINE: &str = include_str!("../../../../public/data/quang-ninh-outline.geojson");

/// A curated route may take at most this many times the optimiser's estimated minutes for the
/// same stops (first stop kept), both on the travel graph (`crate::network`). Measured on the
/// bundled data (2026-12-03, issue 20): the worst route is `mong-cai-tra-co-hai-ha-bien-gioi`
/// at 1.165 (a leg of 30 km or more is costed at highway speed, so a longer hop can be
/// "quicker" than a shorter one); all others are 1.000, `van-don-co-to-dao` included now that
/// its oyster farms are an out-and-back by boat from Cái Rồng (1.189 before, when a boat leg
/// skipped the ferry). Before the issue-18 reordering the worst were 1.571
/// (`vinh-ha-long-ngoc-trai`), 1.373 (`mong-cai-…`) and 1.175 (`ba-che-…`).
const MAX_ROUTE_DETOUR: f64 = 1.25;

/// Routes allowed above [`MAX_ROUTE_DETOUR`], with the reason (the format has no field for
/// one). Keep it empty unless a route's order is deliberate.
const DETOUR_ALLOWED: &[(&str, &str)] = &[];

fn app_outline() -> Outline {
    Outline::from_geojson(APP_OUTLINE).expect("the app's outline parses")
}

fn stop_id(stop: &StopRef) -> &str {
    match stop {
        StopRef::Spot(id) | StopRef::SalesPoint(id) => id,
    }
}

#[test]
fn curated_routes_are_not_much_longer_than_the_optimised_order() {
    let data = bundled();
    let all = route_comparisons(&data);
    assert_eq!(all.len(), data.routes.len(), "every bundled route has 2+ stops");
    for d in &all {
        println!(
            "{:40} curated {:6.1} min, optimised {:6.1} min, ratio {:.3}",
            d.route,
            d.curated_minutes,
            d.optimised_minutes,
            d.ratio()
        );
        assert!(d.ratio() >= 1.0 - 1e-9, "the optimiser is never worse: {d:?}");
    }
    let too_long: Vec<_> = route_detours(&data, MAX_ROUTE_DETOUR)
        .into_iter()
        .filter(|d| !DETOUR_ALLOWED.iter().any(|(id, _)| *id == d.route))
        .map(|d| format!("{} ×{:.3}: try {:?}", d.route, d.ratio(), d.optimised_order))
        .collect();
    assert!(too_long.is_empty(), "routes that double back: {too_long:#?}");
    for (id, reason) in DETOUR_ALLOWED {
        assert!(
            data.routes.iter().any(|r| r.id == *id) && !reason.is_empty(),
            "{id}"
        );
    }
}

/// A tiny dataset: four places on a line, west to east, and a route that zig-zags.
fn zig_zag() -> Dataset {
    let spot = |id: &str, lon: f64| {
        serde_json::json!({
            "id": id, "name": {"vi": id}, "kind": "farm", "access": "road",
            "locality": {"district": "dam-ha"},
            "coordinates": {"lat": 21.35, "lon": lon, "precision": "approximate"},
            "sources": ["https://example.org/"]
        })
    };
    let route = |id: &str, order: &[&str]| {
        serde_json::json!({
            "id": id, "name": {"vi": id}, "theme": {"vi": id},
            "stops": order.iter().map(|s| serde_json::json!({"spot": s})).collect::<Vec<_>>()
        })
    };
    serde_json::from_value(serde_json::json!({
        "schema_version": "1.1",
        "meta": {"dataset_version": "t", "generated_on": "2026-01-01", "title": {"vi": "t"}, "licence": "t"},
        "spots": [spot("a", 107.50), spot("b", 107.55), spot("c", 107.60), spot("d", 107.65)],
        "routes": [route("zig-zag", &["a", "c", "b", "d"]), route("straight", &["a", "b", "c", "d"])]
    }))
    .expect("fixture parses")
}

#[test]
fn route_detours_fire_on_a_route_that_doubles_back() {
    let data = zig_zag();
    let all = route_comparisons(&data);
    assert_eq!(all.len(), 2);
    let straight = all.iter().find(|d| d.route == "straight").unwrap();
    assert!((straight.ratio() - 1.0).abs() < 1e-9, "{straight:?}");
    // a→c→b→d covers 0.10 + 0.05 + 0.10 degrees of longitude against 0.15 in order: ×5/3.
    let found = route_detours(&data, MAX_ROUTE_DETOUR);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].route, "zig-zag");
    assert!((found[0].ratio() - 5.0 / 3.0).abs() < 0.01, "{:?}", found[0]);
    let order: Vec<&str> = found[0].optimised_order.iter().map(stop_id).collect();
    assert_eq!(order, ["a", "b", "c", "d"]);
    assert!(route_detours(&data, 2.0).is_empty());
}

/// Issue 18: Minh Châu is a commune on Quan Lạn island, not a separate island.
#[test]
fn minh_chau_is_by_road_from_quan_lan_and_co_to_is_by_ferry_via_cai_rong() {
    let data = bundled();
    let route = data.routes.iter().find(|r| r.id == "van-don-co-to-dao").unwrap();
    let places = route_places(&data, route);
    let waypoints: Vec<_> = places.iter().map(|p| p.waypoint()).collect();
    let path = Network::new(&data).path(&waypoints);
    for (pair, leg) in places.windows(2).zip(&path.legs) {
        println!(
            "{:28} → {:28} {:?}, {:.1} km, {:.0} min",
            stop_id(&pair[0].stop),
            stop_id(&pair[1].stop),
            leg.steps.iter().map(|s| &s.mode).collect::<Vec<_>>(),
            leg.km,
            leg.minutes
        );
    }
    let leg = |from: &str, to: &str| {
        let i = places
            .iter()
            .position(|p| stop_id(&p.stop) == from)
            .unwrap_or_else(|| panic!("{from} on the route"));
        assert_eq!(stop_id(&places[i + 1].stop), to, "{to} follows {from}");
        path.legs[i].clone()
    };
    let modes = |leg: &crate::network::Leg| leg.steps.iter().map(|s| s.mode.clone()).collect::<Vec<_>>();
    assert_eq!(
        modes(&leg("dao-quan-lan", "dao-minh-chau")),
        [StepMode::Road(RoadClass::Rural)]
    );
    let to_co_to = leg("dao-minh-chau", "dao-co-to");
    let ferries: Vec<_> = modes(&to_co_to)
        .into_iter()
        .filter_map(|m| match m {
            StepMode::Ferry { line, reverse } => Some((line, reverse)),
            _ => None,
        })
        .collect();
    assert_eq!(
        ferries,
        [
            ("cai-rong-quan-lan".to_string(), true),
            ("cai-rong-co-to".to_string(), false)
        ]
    );
    // Back to Cái Rồng (60 min) and out to Cô Tô (90 min), boarding twice.
    assert!(to_co_to.minutes > 60.0 + 90.0 + 2.0 * 30.0, "{to_co_to:?}");
    // And the point sits by the island, not 7 km out at sea as before.
    let minh_chau = data.spot("dao-minh-chau").unwrap().coordinates;
    assert!(app_outline().distance_km(minh_chau.lat, minh_chau.lon) < 1.0);
}

#[test]
fn every_ferry_source_is_in_the_bundled_meta_sources() {
    let data = bundled();
    let travel = data.travel.decode();
    assert!(!travel.ferries.is_empty());
    for ferry in &travel.ferries {
        for source in &ferry.sources {
            assert!(
                data.meta
                    .sources
                    .iter()
                    .any(|s| s.url.as_deref() == Some(source.as_str()) && !s.title.trim().is_empty()),
                "{}: {} is not in meta.sources",
                ferry.id,
                source
            );
        }
    }
}

#[test]
fn meta_notes_exist_in_every_language_and_give_the_product_count() {
    let data = bundled();
    let notes = data.meta.notes.as_ref().expect("notes");
    let count = data.products.len().to_string();
    for (lang, text) in [
        ("vi", Some(&notes.vi)),
        ("en", notes.en.as_ref()),
        ("zh", notes.zh.as_ref()),
    ] {
        let text = text.unwrap_or_else(|| panic!("notes.{lang} missing"));
        assert!(
            text.contains(&count),
            "notes.{lang} does not say {count} products"
        );
    }
}

/// Land places (reached by road or ferry) that the app's coarse outline puts outside the
/// province, with their distance to it in km, as measured when the list was made (issue
/// 18). Natural Earth's 1:10m outline, simplified, leaves out the Trà Cổ peninsula, Tuần
/// Châu, most of the Vân Đồn islands and some shore. A new entry fails the test: check its
/// coordinates before adding it here (and to docs/data-audit.md).
const KNOWN_OFF_OUTLINE: &[(&str, &str, f64)] = &[
    ("spot", "bao-tang-ngoc-trai-tuan-chau", 2.36),
    ("spot", "vung-vai-chin-som-phuong-nam", 1.22),
    ("spot", "cai-rong", 0.78),
    ("spot", "dao-quan-lan", 1.38),
    ("spot", "dao-minh-chau", 0.12),
    ("spot", "cua-khau-hoanh-mo", 1.82),
    ("spot", "dinh-trang-y", 0.89),
    ("spot", "mui-sa-vi", 8.01),
    ("spot", "bai-bien-tra-co", 4.09),
    ("spot", "diem-trung-bay-binh-ngoc", 3.99),
    ("spot", "bai-coc-bach-dang", 0.48),
    ("sales_point", "diem-ban-ocop-go-ha-long", 0.32),
    ("sales_point", "mui-sa-vi", 8.01),
    ("sales_point", "diem-trung-bay-binh-ngoc", 3.99),
];

#[test]
fn land_places_off_the_outline_are_the_known_ones() {
    let data = bundled();
    let found = land_places_off_outline(&data, &app_outline());
    let found: Vec<(&str, &str, f64)> = found
        .iter()
        .map(|off| {
            let kind = match off.place {
                StopRef::Spot(_) => "spot",
                StopRef::SalesPoint(_) => "sales_point",
            };
            println!("{kind:12} {:32} {:.2} km", stop_id(&off.place), off.km);
            (kind, stop_id(&off.place), off.km)
        })
        .collect();
    let ids = |list: &[(&str, &str, f64)]| -> Vec<String> {
        list.iter().map(|(k, id, _)| format!("{k}:{id}")).collect()
    };
    assert_eq!(ids(&found), ids(KNOWN_OFF_OUTLINE));
    for ((_, id, km), (_, _, expected)) in found.iter().zip(KNOWN_OFF_OUTLINE) {
        assert!(
            (km - expected).abs() < 0.05,
            "{id}: {km:.2} km, expected {expected}"
        );
    }
}

#[test]
fn the_app_outline_is_the_province_and_holds_inland_places() {
    let outline = app_outline();
    assert!(outline.rings.len() >= 10, "the mainland and the island polygons");
    // Inland district centres (Đông Triều, Uông Bí, Bình Liêu, Ba Chẽ, Tiên Yên) are inside …
    for (lat, lon) in [
        (21.084, 106.514),
        (21.036, 106.77),
        (21.526, 107.399),
        (21.267, 107.287),
        (21.333, 107.396),
    ] {
        assert!(outline.contains(lat, lon), "{lat},{lon}");
        assert!(outline.distance_km(lat, lon) > 0.0);
    }
    // … the open Gulf of Tonkin is not, and Hà Nội is far off.
    assert!(!outline.contains(20.6, 107.9));
    assert!(outline.distance_km(21.0285, 105.8542) > 40.0);
    assert!(Outline::from_geojson(r#"{"features": []}"#).is_err());
    assert!(Outline::from_geojson("not json").is_err());
}

#[test]
fn outline_contains_and_distance_on_a_hand_made_square_with_a_hole() {
    // A 1°×1° square at the equator with a hole of 0.2°, as GeoJSON (lon, lat).
    let text = r#"{"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"role": "neighbour"},
         "geometry": {"type": "Polygon", "coordinates": [[[5,5],[6,5],[6,6],[5,5]]]}},
        {"type": "Feature", "properties": {"role": "province"},
         "geometry": {"type": "MultiPolygon", "coordinates": [[
            [[0,0],[1,0],[1,1],[0,1],[0,0]],
            [[0.4,0.4],[0.6,0.4],[0.6,0.6],[0.4,0.6],[0.4,0.4]]
         ]]}}]}"#;
    let outline = Outline::from_geojson(text).unwrap();
    assert_eq!(outline.rings.len(), 2);
    let km_per_deg = EARTH_RADIUS_KM * std::f64::consts::PI / 180.0;
    assert!(outline.contains(0.1, 0.1));
    assert!(!outline.contains(0.5, 0.5), "in the hole");
    assert!(!outline.contains(1.5, 0.5));
    assert!(!outline.contains(5.5, 5.8), "the neighbour is not the province");
    // 0.5° east of the east edge, level with it: 0.5° of longitude at lat 0.5.
    let d = outline.distance_km(0.5, 1.5);
    assert!(
        (d - 0.5 * km_per_deg * 0.5_f64.to_radians().cos()).abs() < 1e-6,
        "{d}"
    );
    // Beyond a corner: the distance to the corner, not to the line through the edge.
    let d = outline.distance_km(-0.3, -0.4);
    let expected = (0.3 * km_per_deg).hypot(0.4 * km_per_deg * 0.3_f64.to_radians().cos());
    assert!((d - expected).abs() < 1e-6, "{d} vs {expected}");
    // In the hole: to the hole's edge.
    assert!((outline.distance_km(0.5, 0.5) - 0.1 * km_per_deg).abs() < 0.01);
}

#[test]
fn every_name_and_summary_of_the_bundled_data_is_in_english_and_chinese() {
    let data = bundled();
    for lang in [Lang::En, Lang::Zh] {
        let missing = untranslated(&data, lang);
        assert!(missing.is_empty(), "not in {lang:?}: {missing:#?}");
    }
    // Vietnamese is the original: every record has it.
    assert!(untranslated(&data, Lang::Vi).is_empty());
}

#[test]
fn untranslated_names_and_summaries_are_found() {
    let mut data = bundled();
    data.products[0].name.zh = None;
    data.routes[0].summary = None;
    data.spots[1].summary.as_mut().unwrap().en = Some("  ".into());
    let missing = untranslated(&data, Lang::Zh);
    assert_eq!(
        missing,
        [
            format!("products/{}/name", data.products[0].id),
            format!("routes/{}/summary", data.routes[0].id)
        ]
    );
    assert_eq!(
        untranslated(&data, Lang::En),
        [
            format!("spots/{}/summary", data.spots[1].id),
            format!("routes/{}/summary", data.routes[0].id)
        ]
    );
}

#[test]
fn no_bundled_chinese_name_mixes_in_latin_letters() {
    assert_eq!(mixed_script_names(&bundled()), Vec::<String>::new());
}

#[test]
fn mixed_script_chinese_names_are_found() {
    let mut data = bundled();
    data.products[0].name.zh = Some("Cái Rồng鱼露".into());
    data.products[1].name.zh = Some("广宁OCOP产品".into());
    data.spots[0].name.zh = Some("Akoya珍珠".into());
    let found = mixed_script_names(&data);
    assert_eq!(
        found,
        [
            format!("products/{}: Cái Rồng鱼露", data.products[0].id),
            format!("spots/{}: Akoya珍珠", data.spots[0].id)
        ]
    );
}
