//! Estimated distances and travel times between places.
//!
//! The app has no routing engine and no road network: it runs in the browser, offline after
//! the first load, and a routing service would add a server, a key and a failure mode. What
//! a visitor planning a day needs is "about how far, about how long, and is there a boat in
//! the middle", so this module turns straight-line distances into road estimates with a few
//! explicit rules. The UI always labels the results as estimates.
//!
//! # Road legs
//!
//! Roads are longer than the straight line between their ends. The ratio (road km ÷
//! great-circle km) is the *circuity* or *road factor*; national averages are typically about
//! 1.2–1.4 (Ballou, Rahardja & Sakai 2002, "Selected country circuity factors for road travel
//! distance estimation", *Transportation Research Part A* 36(9)). A leg is put in one of three
//! [`RoadClass`]es, each with a road factor and an average speed:
//!
//! | class | when | road factor | average speed |
//! |-------|------|-------------|---------------|
//! | [`RoadClass::Mountain`] | either end in Ba Chẽ or Bình Liêu | 1.6 | 30 km/h |
//! | [`RoadClass::Highway`] | otherwise, ≥ 30 km apart in a straight line | 1.3 | 65 km/h |
//! | [`RoadClass::Rural`] | otherwise (short hops) | 1.35 | 40 km/h |
//!
//! **These numbers are the project's assumptions, not sourced facts.** They encode what the
//! map shows: long trips run along the coastal corridor (the Hạ Long–Vân Đồn–Móng Cái
//! expressway and national road 18), short ones on local roads through towns and villages,
//! and the mountain districts of Ba Chẽ and Bình Liêu are reached by winding roads.
//!
//! # Ferries and boats
//!
//! Cô Tô and the Quan Lạn island (Quan Lạn and Minh Châu communes) are reached only by boat
//! from Cái Rồng pier in Vân Đồn. A place with [`Access::Ferry`] is on the island of the
//! [`FERRIES`] entry whose `district` equals the place's district; if no crossing serves that
//! district, the place is treated as reachable by road (better a plausible road estimate than
//! none). A ferry leg adds up the road to the mainland pier, [`FERRY_BOARDING_MINUTES`]
//! (an assumption), the sourced crossing time, and the road from the island pier to the place.
//!
//! A place with [`Access::Boat`] (a pearl farm, the middle of Hạ Long Bay) is visited on a boat
//! tour: any leg to or from it is a straight line at the assumed [`BOAT_KMH`], with no road factor.
//!
//! # Bad coordinates
//!
//! A coordinate that is not a finite number (NaN, ±∞) counts as **0 km** away from anything,
//! never NaN: validation already drops such places, and one NaN would otherwise poison every
//! total on the trip page. The known parts of a leg (a ferry crossing) still count.

use crate::model::Access;

/// Mean Earth radius (IUGG), in km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// ASSUMED road factor on the coastal corridor (expressway, national road 18).
pub const HIGHWAY_ROAD_FACTOR: f64 = 1.3;
/// ASSUMED average speed on the coastal corridor, km/h.
pub const HIGHWAY_KMH: f64 = 65.0;
/// ASSUMED road factor for short trips on local roads.
pub const RURAL_ROAD_FACTOR: f64 = 1.35;
/// ASSUMED average speed on local roads, km/h.
pub const RURAL_KMH: f64 = 40.0;
/// ASSUMED road factor in the mountain districts (winding roads).
pub const MOUNTAIN_ROAD_FACTOR: f64 = 1.6;
/// ASSUMED average speed in the mountain districts, km/h.
pub const MOUNTAIN_KMH: f64 = 30.0;
/// Legs at least this long in a straight line (and not mountainous) use the highway class:
/// a trip that far almost always runs along the expressway or national road 18.
pub const HIGHWAY_MIN_KM: f64 = 30.0;
/// Districts reached by winding mountain roads.
pub const MOUNTAIN_DISTRICTS: &[&str] = &["ba-che", "binh-lieu"];

/// ASSUMED average speed of a tour boat to a [`Access::Boat`] place, km/h (straight line).
pub const BOAT_KMH: f64 = 20.0;
/// ASSUMED time at the pier before a ferry leaves (ticket, check-in, waiting), minutes.
pub const FERRY_BOARDING_MINUTES: u32 = 30;

/// A stop on a trip, as far as travel estimates are concerned.
#[derive(Clone, Debug, PartialEq)]
pub struct Waypoint {
    pub lat: f64,
    pub lon: f64,
    /// The place's `locality.district` id (see [`crate::geo::DISTRICTS`]); may be empty.
    pub district: String,
    pub access: Access,
}

/// The kind of road a leg runs on, which sets its road factor and average speed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoadClass {
    /// The coastal corridor: expressway and national road 18.
    Highway,
    /// Local roads through towns and villages, and island roads.
    Rural,
    /// Winding roads in Ba Chẽ and Bình Liêu.
    Mountain,
}

impl RoadClass {
    /// Road km per great-circle km (an assumption, see the module docs).
    pub fn road_factor(self) -> f64 {
        match self {
            RoadClass::Highway => HIGHWAY_ROAD_FACTOR,
            RoadClass::Rural => RURAL_ROAD_FACTOR,
            RoadClass::Mountain => MOUNTAIN_ROAD_FACTOR,
        }
    }

    /// Average speed in km/h (an assumption, see the module docs).
    pub fn speed_kmh(self) -> f64 {
        match self {
            RoadClass::Highway => HIGHWAY_KMH,
            RoadClass::Rural => RURAL_KMH,
            RoadClass::Mountain => MOUNTAIN_KMH,
        }
    }
}

/// A scheduled boat between the mainland and an island.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FerryCrossing {
    pub id: &'static str,
    pub name_vi: &'static str,
    pub name_en: &'static str,
    /// (lat, lon) of the pier on the mainland side.
    pub mainland_pier: (f64, f64),
    /// (lat, lon) of the pier on the island.
    pub island_pier: (f64, f64),
    /// The district id of the island: [`Access::Ferry`] places in it use this crossing.
    pub district: &'static str,
    /// Sailing time of the fast boat, minutes (sourced).
    pub minutes: u32,
    /// Where the sailing time comes from.
    pub source: &'static str,
}

/// Cái Rồng pier, Vân Đồn: where the boats to Quan Lạn and Cô Tô leave.
const CAI_RONG_PIER: (f64, f64) = (21.065, 107.422);

/// The crossings the estimates know about. Both leave from Cái Rồng.
///
/// Quan Lạn: the island pier is at the north tip of the Quan Lạn island, which Minh Châu
/// commune shares, so both communes' places use this crossing.
pub const FERRIES: &[FerryCrossing] = &[
    FerryCrossing {
        id: "cai-rong-quan-lan",
        name_vi: "Cái Rồng – Quan Lạn",
        name_en: "Cai Rong – Quan Lan",
        mainland_pier: CAI_RONG_PIER,
        island_pier: (20.96, 107.49),
        district: "van-don",
        // Wikivoyage: "an hour by fast boat, around two and a half by slow boat".
        minutes: 60,
        source: "https://a.osmarks.net/content/wikivoyage_en_all_maxi_2020-08/A/Cai_Rong",
    },
    FerryCrossing {
        id: "cai-rong-co-to",
        name_vi: "Cái Rồng – Cô Tô",
        name_en: "Cai Rong – Co To",
        mainland_pier: CAI_RONG_PIER,
        island_pier: (20.979, 107.76),
        district: "co-to",
        // "After one hour and a half, the boat reached Co To Island".
        minutes: 90,
        source: "http://vietnamtourism.vn/en/index.php/news/items/5854",
    },
];

/// The crossing serving an island district, if any.
pub fn ferry_for_district(district: &str) -> Option<&'static FerryCrossing> {
    FERRIES.iter().find(|f| f.district == district)
}

/// How one leg is travelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegMode {
    Road(RoadClass),
    /// Includes at least one ferry crossing; the leg's km and minutes also cover the roads on
    /// either side. A leg between two different islands sails back to the mainland and out
    /// again; `crossing` then names the second (outbound) crossing.
    Ferry {
        crossing: &'static str,
    },
    /// A tour boat in a straight line to or from an [`Access::Boat`] place.
    Boat,
}

/// The estimate for travelling from one stop to the next.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Leg {
    pub km: f64,
    pub minutes: f64,
    pub mode: LegMode,
}

/// The estimate for a whole trip.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PathEstimate {
    /// One leg per consecutive pair of stops (empty for 0 or 1 stop).
    pub legs: Vec<Leg>,
    pub total_km: f64,
    pub total_minutes: f64,
    /// How many legs include a ferry (a leg between two islands counts once).
    pub ferry_legs: usize,
}

/// Great-circle ("as the crow flies") distance in km between two (lat, lon) points in degrees,
/// by the haversine formula on a sphere of radius [`EARTH_RADIUS_KM`]. Over the province the
/// sphere is off by well under 0.5 %, far less than the road-factor guess.
///
/// Returns 0 if any coordinate is not finite (see the module docs).
pub fn great_circle_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    if ![a.0, a.1, b.0, b.1].iter().all(|c| c.is_finite()) {
        return 0.0;
    }
    let (lat_a, lat_b) = (a.0.to_radians(), b.0.to_radians());
    let half_dlat = (lat_b - lat_a) / 2.0;
    let half_dlon = (b.1 - a.1).to_radians() / 2.0;
    let h = half_dlat.sin().powi(2) + lat_a.cos() * lat_b.cos() * half_dlon.sin().powi(2);
    // Rounding can push `h` a hair outside [0, 1] for antipodal points; asin would give NaN.
    2.0 * EARTH_RADIUS_KM * h.clamp(0.0, 1.0).sqrt().asin()
}

/// Whether a district id is one of the [`MOUNTAIN_DISTRICTS`].
pub fn is_mountain_district(district: &str) -> bool {
    MOUNTAIN_DISTRICTS.contains(&district)
}

/// The road class between two points: mountain if either end is in a mountain district, else
/// highway if they are at least [`HIGHWAY_MIN_KM`] apart in a straight line, else rural.
pub fn road_class(straight_km: f64, either_end_in_mountains: bool) -> RoadClass {
    if either_end_in_mountains {
        RoadClass::Mountain
    } else if straight_km >= HIGHWAY_MIN_KM {
        RoadClass::Highway
    } else {
        RoadClass::Rural
    }
}

/// Where a stop is, for the purpose of getting there.
#[derive(Clone, Copy)]
enum Reach {
    Mainland,
    Island(&'static FerryCrossing),
    BoatTour,
}

fn reach(stop: &Waypoint) -> Reach {
    match stop.access {
        Access::Road => Reach::Mainland,
        Access::Boat => Reach::BoatTour,
        Access::Ferry => match ferry_for_district(&stop.district) {
            Some(crossing) => Reach::Island(crossing),
            None => Reach::Mainland,
        },
    }
}

fn position(stop: &Waypoint) -> (f64, f64) {
    (stop.lat, stop.lon)
}

/// Road km and minutes between two points on a given class of road.
fn road(a: (f64, f64), b: (f64, f64), class: RoadClass) -> (f64, f64) {
    let km = great_circle_km(a, b) * class.road_factor();
    (km, km / class.speed_kmh() * 60.0)
}

/// Road between two points on the mainland, classed by [`road_class`]. Piers are on the
/// coast, never in a mountain district, so a pier end passes `false` for its mountain flag.
fn mainland_road(a: (f64, f64), a_in_mountains: bool, b: (f64, f64), b_in_mountains: bool) -> (f64, f64) {
    let class = road_class(great_circle_km(a, b), a_in_mountains || b_in_mountains);
    road(a, b, class)
}

/// Sea km and minutes of one crossing, boarding included. The sea distance is the straight
/// line between the piers; the time is the sourced sailing time.
fn crossing(ferry: &FerryCrossing) -> (f64, f64) {
    let km = great_circle_km(ferry.mainland_pier, ferry.island_pier);
    (km, f64::from(FERRY_BOARDING_MINUTES) + f64::from(ferry.minutes))
}

/// Estimated distance, time and mode from one stop to the next. Never panics; see the module
/// docs for the rules.
pub fn estimate_leg(from: &Waypoint, to: &Waypoint) -> Leg {
    let (a, b) = (position(from), position(to));
    match (reach(from), reach(to)) {
        (Reach::BoatTour, _) | (_, Reach::BoatTour) => {
            let km = great_circle_km(a, b);
            Leg {
                km,
                minutes: km / BOAT_KMH * 60.0,
                mode: LegMode::Boat,
            }
        }
        (Reach::Mainland, Reach::Mainland) => {
            let class = road_class(
                great_circle_km(a, b),
                is_mountain_district(&from.district) || is_mountain_district(&to.district),
            );
            let (km, minutes) = road(a, b, class);
            Leg {
                km,
                minutes,
                mode: LegMode::Road(class),
            }
        }
        (Reach::Island(island_a), Reach::Island(island_b)) if island_a.id == island_b.id => {
            let (km, minutes) = road(a, b, RoadClass::Rural);
            Leg {
                km,
                minutes,
                mode: LegMode::Road(RoadClass::Rural),
            }
        }
        (Reach::Mainland, Reach::Island(ferry)) => {
            let to_pier = mainland_road(
                a,
                is_mountain_district(&from.district),
                ferry.mainland_pier,
                false,
            );
            let sea = crossing(ferry);
            let from_pier = road(ferry.island_pier, b, RoadClass::Rural);
            sum_ferry_leg(&[to_pier, sea, from_pier], ferry)
        }
        (Reach::Island(ferry), Reach::Mainland) => {
            let to_pier = road(a, ferry.island_pier, RoadClass::Rural);
            let sea = crossing(ferry);
            let from_pier = mainland_road(ferry.mainland_pier, false, b, is_mountain_district(&to.district));
            sum_ferry_leg(&[to_pier, sea, from_pier], ferry)
        }
        (Reach::Island(ferry_a), Reach::Island(ferry_b)) => {
            let to_pier = road(a, ferry_a.island_pier, RoadClass::Rural);
            let sea_back = crossing(ferry_a);
            let between_piers = mainland_road(ferry_a.mainland_pier, false, ferry_b.mainland_pier, false);
            let sea_out = crossing(ferry_b);
            let from_pier = road(ferry_b.island_pier, b, RoadClass::Rural);
            sum_ferry_leg(&[to_pier, sea_back, between_piers, sea_out, from_pier], ferry_b)
        }
    }
}

fn sum_ferry_leg(parts: &[(f64, f64)], named_crossing: &FerryCrossing) -> Leg {
    Leg {
        km: parts.iter().map(|p| p.0).sum(),
        minutes: parts.iter().map(|p| p.1).sum(),
        mode: LegMode::Ferry {
            crossing: named_crossing.id,
        },
    }
}

/// The legs between consecutive stops and their totals.
pub fn estimate_path(stops: &[Waypoint]) -> PathEstimate {
    let legs: Vec<Leg> = stops
        .windows(2)
        .map(|pair| estimate_leg(&pair[0], &pair[1]))
        .collect();
    PathEstimate {
        total_km: legs.iter().map(|l| l.km).sum(),
        total_minutes: legs.iter().map(|l| l.minutes).sum(),
        ferry_legs: legs
            .iter()
            .filter(|l| matches!(l.mode, LegMode::Ferry { .. }))
            .count(),
        legs,
    }
}

/// Estimated minutes from every stop (row) to every other (column), 0 on the diagonal: the
/// cost matrix for [`crate::optimise`].
pub fn time_matrix(stops: &[Waypoint]) -> Vec<Vec<f64>> {
    stops
        .iter()
        .enumerate()
        .map(|(i, from)| {
            stops
                .iter()
                .enumerate()
                .map(|(j, to)| {
                    if i == j {
                        0.0
                    } else {
                        estimate_leg(from, to).minutes
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HA_NOI: (f64, f64) = (21.0285, 105.8542);
    const HA_LONG: (f64, f64) = (20.9510, 107.0800);

    fn stop(lat: f64, lon: f64, district: &str, access: Access) -> Waypoint {
        Waypoint {
            lat,
            lon,
            district: district.to_string(),
            access,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn great_circle_matches_a_known_distance() {
        // Haversine with R = 6371.0088 km gives 127.5496 km.
        let km = great_circle_km(HA_NOI, HA_LONG);
        assert!((km - 127.55).abs() < 0.5, "{km}");
    }

    #[test]
    fn great_circle_is_zero_for_the_same_point_and_symmetric() {
        assert_eq!(great_circle_km(HA_LONG, HA_LONG), 0.0);
        assert_eq!(great_circle_km(HA_NOI, HA_LONG), great_circle_km(HA_LONG, HA_NOI));
    }

    #[test]
    fn great_circle_of_antipodes_is_half_the_circumference() {
        let half = std::f64::consts::PI * EARTH_RADIUS_KM;
        let km = great_circle_km((0.0, 0.0), (0.0, 180.0));
        assert!((km - half).abs() < 1e-6, "{km}");
        let km = great_circle_km((21.0, 107.0), (-21.0, -73.0));
        assert!((km - half).abs() < 1e-3 && km.is_finite(), "{km}");
    }

    #[test]
    fn non_finite_coordinates_count_as_zero_km() {
        assert_eq!(great_circle_km((f64::NAN, 107.0), HA_LONG), 0.0);
        assert_eq!(great_circle_km(HA_LONG, (21.0, f64::INFINITY)), 0.0);
        let broken = stop(f64::NAN, f64::NAN, "ha-long", Access::Road);
        let fine = stop(21.0, 107.3, "cam-pha", Access::Road);
        let leg = estimate_leg(&broken, &fine);
        assert_eq!((leg.km, leg.minutes), (0.0, 0.0));
        let island = stop(f64::NAN, 107.76, "co-to", Access::Ferry);
        let leg = estimate_leg(&fine, &island);
        assert!(leg.km.is_finite() && leg.minutes >= 120.0, "{leg:?}");
        let path = estimate_path(&[broken, fine, island]);
        assert!(path.total_km.is_finite() && path.total_minutes.is_finite());
    }

    #[test]
    fn road_legs_are_symmetric() {
        let pairs = [
            (
                stop(20.95, 107.08, "ha-long", Access::Road),
                stop(21.53, 107.97, "mong-cai", Access::Road),
            ),
            (
                stop(21.01, 107.29, "cam-pha", Access::Road),
                stop(21.04, 107.35, "cam-pha", Access::Road),
            ),
            (
                stop(21.27, 107.29, "ba-che", Access::Road),
                stop(21.33, 107.40, "tien-yen", Access::Road),
            ),
        ];
        for (a, b) in &pairs {
            let (there, back) = (estimate_leg(a, b), estimate_leg(b, a));
            assert!(matches!(there.mode, LegMode::Road(_)));
            assert_eq!(there.mode, back.mode);
            assert!(close(there.km, back.km) && close(there.minutes, back.minutes));
        }
    }

    #[test]
    fn road_km_is_great_circle_times_factor_and_minutes_follow_speed() {
        let a = stop(20.95, 107.08, "ha-long", Access::Road);
        let b = stop(21.53, 107.97, "mong-cai", Access::Road);
        let straight = great_circle_km((a.lat, a.lon), (b.lat, b.lon));
        let leg = estimate_leg(&a, &b);
        assert_eq!(leg.mode, LegMode::Road(RoadClass::Highway));
        assert!(close(leg.km, straight * HIGHWAY_ROAD_FACTOR));
        assert!(close(leg.minutes, leg.km / HIGHWAY_KMH * 60.0));

        let near = stop(21.0, 107.12, "ha-long", Access::Road);
        let leg = estimate_leg(&a, &near);
        assert_eq!(leg.mode, LegMode::Road(RoadClass::Rural));
        assert!(close(
            leg.km,
            great_circle_km((a.lat, a.lon), (near.lat, near.lon)) * RURAL_ROAD_FACTOR
        ));
        assert!(close(leg.minutes, leg.km / RURAL_KMH * 60.0));
    }

    #[test]
    fn mountain_districts_use_the_mountain_class_at_any_distance() {
        let ha_long = stop(20.95, 107.08, "ha-long", Access::Road);
        let ba_che = stop(21.267, 107.287, "ba-che", Access::Road);
        let binh_lieu = stop(21.526, 107.399, "binh-lieu", Access::Road);
        let nearby = stop(21.27, 107.30, "tien-yen", Access::Road);
        for (a, b) in [(&ha_long, &ba_che), (&binh_lieu, &ha_long), (&ba_che, &nearby)] {
            let leg = estimate_leg(a, b);
            assert_eq!(leg.mode, LegMode::Road(RoadClass::Mountain));
            let straight = great_circle_km((a.lat, a.lon), (b.lat, b.lon));
            assert!(close(leg.km, straight * MOUNTAIN_ROAD_FACTOR));
            assert!(close(leg.minutes, leg.km / MOUNTAIN_KMH * 60.0));
        }
        assert_eq!(road_class(5.0, false), RoadClass::Rural);
        assert_eq!(road_class(30.0, false), RoadClass::Highway);
    }

    #[test]
    fn a_leg_to_co_to_includes_the_crossing_and_boarding() {
        let cai_rong = stop(21.065, 107.422, "van-don", Access::Road);
        let co_to = stop(20.985, 107.765, "co-to", Access::Ferry);
        let leg = estimate_leg(&cai_rong, &co_to);
        assert_eq!(
            leg.mode,
            LegMode::Ferry {
                crossing: "cai-rong-co-to"
            }
        );
        assert!(leg.minutes >= 90.0 + f64::from(FERRY_BOARDING_MINUTES), "{leg:?}");
        // The sea part alone is the pier-to-pier straight line (about 36 km).
        assert!(leg.km > 35.0 && leg.km < 40.0, "{leg:?}");
        let back = estimate_leg(&co_to, &cai_rong);
        assert_eq!(back.mode, leg.mode);
        assert!(close(back.minutes, leg.minutes) && close(back.km, leg.km));
    }

    #[test]
    fn a_ferry_leg_adds_road_on_both_sides() {
        let ha_long = stop(20.951, 107.08, "ha-long", Access::Road);
        let quan_lan = stop(20.88, 107.50, "van-don", Access::Ferry);
        let leg = estimate_leg(&ha_long, &quan_lan);
        let ferry = ferry_for_district("van-don").unwrap();
        let to_pier = great_circle_km((ha_long.lat, ha_long.lon), ferry.mainland_pier) * HIGHWAY_ROAD_FACTOR;
        let on_island = great_circle_km(ferry.island_pier, (quan_lan.lat, quan_lan.lon)) * RURAL_ROAD_FACTOR;
        let sea = great_circle_km(ferry.mainland_pier, ferry.island_pier);
        assert_eq!(
            leg.mode,
            LegMode::Ferry {
                crossing: "cai-rong-quan-lan"
            }
        );
        assert!(close(leg.km, to_pier + sea + on_island));
        let minutes = to_pier / HIGHWAY_KMH * 60.0 + 30.0 + 60.0 + on_island / RURAL_KMH * 60.0;
        assert!(close(leg.minutes, minutes));
    }

    #[test]
    fn places_on_the_same_island_are_linked_by_road() {
        let quan_lan = stop(20.88, 107.50, "van-don", Access::Ferry);
        let minh_chau = stop(20.92, 107.53, "van-don", Access::Ferry);
        let leg = estimate_leg(&quan_lan, &minh_chau);
        assert_eq!(leg.mode, LegMode::Road(RoadClass::Rural));
        let path = estimate_path(&[quan_lan, minh_chau]);
        assert_eq!(path.ferry_legs, 0);
    }

    #[test]
    fn island_to_island_sails_back_and_out_again() {
        let quan_lan = stop(20.88, 107.50, "van-don", Access::Ferry);
        let co_to = stop(20.985, 107.765, "co-to", Access::Ferry);
        let leg = estimate_leg(&quan_lan, &co_to);
        assert_eq!(
            leg.mode,
            LegMode::Ferry {
                crossing: "cai-rong-co-to"
            }
        );
        assert!(
            leg.minutes >= 60.0 + 90.0 + 2.0 * f64::from(FERRY_BOARDING_MINUTES),
            "{leg:?}"
        );
    }

    #[test]
    fn a_ferry_place_without_a_crossing_falls_back_to_road() {
        let a = stop(20.95, 107.08, "ha-long", Access::Road);
        for district in ["ha-long", ""] {
            let b = stop(20.97, 107.10, district, Access::Ferry);
            assert_eq!(estimate_leg(&a, &b).mode, LegMode::Road(RoadClass::Rural));
        }
    }

    #[test]
    fn boat_places_are_reached_in_a_straight_line_by_boat() {
        let pier = stop(20.95, 107.08, "ha-long", Access::Road);
        let bay = stop(20.85, 107.15, "ha-long", Access::Boat);
        let leg = estimate_leg(&pier, &bay);
        let straight = great_circle_km((pier.lat, pier.lon), (bay.lat, bay.lon));
        assert_eq!(leg.mode, LegMode::Boat);
        assert!(close(leg.km, straight));
        assert!(close(leg.minutes, straight / BOAT_KMH * 60.0));
        assert_eq!(estimate_leg(&bay, &pier).mode, LegMode::Boat);
    }

    #[test]
    fn path_totals_are_the_sums_of_the_legs() {
        let stops = vec![
            stop(20.95, 107.08, "ha-long", Access::Road),
            stop(21.267, 107.287, "ba-che", Access::Road),
            stop(21.065, 107.422, "van-don", Access::Road),
            stop(20.985, 107.765, "co-to", Access::Ferry),
            stop(20.88, 107.50, "van-don", Access::Ferry),
            stop(20.85, 107.15, "ha-long", Access::Boat),
        ];
        let path = estimate_path(&stops);
        assert_eq!(path.legs.len(), stops.len() - 1);
        assert!(close(path.total_km, path.legs.iter().map(|l| l.km).sum()));
        assert!(close(
            path.total_minutes,
            path.legs.iter().map(|l| l.minutes).sum()
        ));
        assert_eq!(path.ferry_legs, 2);
        assert_eq!(estimate_path(&stops[..1]), PathEstimate::default());
        assert_eq!(estimate_path(&[]), PathEstimate::default());
    }

    #[test]
    fn time_matrix_has_leg_minutes_and_a_zero_diagonal() {
        let stops = vec![
            stop(20.95, 107.08, "ha-long", Access::Road),
            stop(21.065, 107.422, "van-don", Access::Road),
            stop(20.985, 107.765, "co-to", Access::Ferry),
        ];
        let matrix = time_matrix(&stops);
        assert_eq!(matrix.len(), 3);
        for (i, row) in matrix.iter().enumerate() {
            assert_eq!(row.len(), 3);
            for (j, &minutes) in row.iter().enumerate() {
                let expected = if i == j {
                    0.0
                } else {
                    estimate_leg(&stops[i], &stops[j]).minutes
                };
                assert_eq!(minutes, expected);
            }
        }
        assert!(time_matrix(&[]).is_empty());
    }

    #[test]
    fn ferries_are_distinct_and_leave_from_cai_rong() {
        let mut ids: Vec<_> = FERRIES.iter().map(|f| f.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), 2);
        for f in FERRIES {
            assert_eq!(f.mainland_pier, (21.065, 107.422));
            assert!(crate::geo::district(f.district).is_some(), "{}", f.id);
            assert!(f.source.starts_with("http"));
        }
    }
}
