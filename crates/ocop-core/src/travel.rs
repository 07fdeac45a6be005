//! Estimated road distances and travel times between two points.
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
//! Roads are one kind of edge of the travel graph; ferries and bay-tour boats are the others,
//! and they come from the dataset ([`crate::network`]), never from this module.
//!
//! # Bad coordinates
//!
//! A coordinate that is not a finite number (NaN, ±∞) counts as **0 km** away from anything,
//! never NaN: validation already drops such places, and one NaN would otherwise poison every
//! total on the trip page. The known parts of a leg (a ferry crossing) still count.

use crate::model::{Access, StopRef};

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

/// ASSUMED average speed of a tour boat from its harbour to a place in the bay, km/h
/// (straight line).
pub const BOAT_KMH: f64 = 20.0;
/// ASSUMED time at the pier before a ferry leaves (ticket, check-in, waiting), minutes.
pub const FERRY_BOARDING_MINUTES: u32 = 30;

/// A stop on a trip, as far as travel estimates are concerned.
#[derive(Clone, Debug, PartialEq)]
pub struct Waypoint {
    /// Which place it is: the travel network lists islands' and bay boats' places by it.
    pub stop: StopRef,
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

/// Road km and minutes between two points on a given class of road.
pub fn road(a: (f64, f64), b: (f64, f64), class: RoadClass) -> (f64, f64) {
    let km = great_circle_km(a, b) * class.road_factor();
    (km, km / class.speed_kmh() * 60.0)
}
#[cfg(test)]
mod tests {
    use super::*;

    const HA_NOI: (f64, f64) = (21.0285, 105.8542);
    const HA_LONG: (f64, f64) = (20.9510, 107.0800);

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
    fn road_km_is_great_circle_times_factor_and_minutes_follow_speed() {
        let (a, b) = ((20.95, 107.08), (21.53, 107.97));
        for class in [RoadClass::Highway, RoadClass::Rural, RoadClass::Mountain] {
            let (km, minutes) = road(a, b, class);
            assert!(close(km, great_circle_km(a, b) * class.road_factor()));
            assert!(close(minutes, km / class.speed_kmh() * 60.0));
        }
        assert_eq!(road(a, (f64::NAN, 107.0), RoadClass::Rural), (0.0, 0.0));
    }

    #[test]
    fn road_class_is_mountain_then_by_distance() {
        assert_eq!(road_class(5.0, true), RoadClass::Mountain);
        assert_eq!(road_class(50.0, true), RoadClass::Mountain);
        assert_eq!(road_class(5.0, false), RoadClass::Rural);
        assert_eq!(road_class(30.0, false), RoadClass::Highway);
        assert!(is_mountain_district("ba-che") && !is_mountain_district("ha-long"));
    }
}
