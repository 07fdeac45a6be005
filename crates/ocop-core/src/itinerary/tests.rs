use super::*;
use crate::model::{Access, StopRef};
use crate::network::{migrate_travel, Endpoint, Step, StepMode};
use crate::travel::{RoadClass, Waypoint};

/// A road leg of `minutes`.
fn road(minutes: f64) -> Leg {
    Leg {
        km: minutes,
        minutes,
        steps: vec![Step {
            mode: StepMode::Road(RoadClass::Rural),
            from: Endpoint::Stop(StopRef::Spot("a".into())),
            to: Endpoint::Stop(StopRef::Spot("b".into())),
            km: minutes,
            minutes,
        }],
        access_unknown: false,
    }
}

fn path(legs: Vec<Leg>) -> PathEstimate {
    PathEstimate {
        total_km: legs.iter().map(|l| l.km).sum(),
        total_minutes: legs.iter().map(|l| l.minutes).sum(),
        ferry_legs: legs.iter().filter(|l| l.has_ferry()).count(),
        legs,
    }
}

fn ranges(days: &[Day]) -> Vec<(usize, usize)> {
    days.iter().map(|d| (d.first, d.end)).collect()
}

#[test]
fn a_short_trip_is_one_day() {
    let days = plan_days(
        &[60.0, 60.0, 60.0],
        &path(vec![road(30.0), road(30.0)]),
        &Network::default(),
        None,
    );
    assert_eq!(ranges(&days), [(0, 3)]);
    assert_eq!(days[0].total_minutes(), 240.0);
    assert!(!days[0].too_long);
    assert!(plan_days(&[], &PathEstimate::default(), &Network::default(), None).is_empty());
}

#[test]
fn a_stop_that_does_not_fit_starts_the_next_day_with_the_leg_to_it() {
    // 120 + 60 + 120 + 200 + 120 = 620 > 540: the third stop starts day 2.
    let visits = [120.0, 120.0, 120.0];
    let days = plan_days(
        &visits,
        &path(vec![road(60.0), road(200.0)]),
        &Network::default(),
        None,
    );
    assert_eq!(ranges(&days), [(0, 2), (2, 3)]);
    assert_eq!(days[0].travel_minutes, 60.0);
    assert_eq!(days[1].travel_minutes, 200.0);
    assert_eq!(days[1].visit_minutes, 120.0);
    assert!(days.iter().all(|d| !d.too_long));
}

#[test]
fn a_single_stop_longer_than_a_day_is_its_own_day_flagged_too_long() {
    let days = plan_days(&[60.0, 60.0], &path(vec![road(600.0)]), &Network::default(), None);
    assert_eq!(ranges(&days), [(0, 1), (1, 2)]);
    assert!(!days[0].too_long && days[1].too_long);
}

#[test]
fn the_visitor_s_splits_are_kept_and_a_day_they_make_too_long_is_flagged() {
    let visits = [120.0, 120.0, 120.0, 120.0];
    let legs = path(vec![road(100.0), road(100.0), road(100.0)]);
    let days = plan_days(&visits, &legs, &Network::default(), Some(&[]));
    assert_eq!(ranges(&days), [(0, 4)]);
    assert!(days[0].too_long);
    // Out-of-range and repeated starts are ignored; 0 is always a start.
    let days = plan_days(&visits, &legs, &Network::default(), Some(&[3, 1, 1, 0, 9]));
    assert_eq!(ranges(&days), [(0, 1), (1, 3), (3, 4)]);
}

#[test]
fn a_leg_that_reaches_the_pier_after_the_last_boat_starts_a_new_day() {
    let waypoint = |id: &str, lat, lon, access| Waypoint {
        stop: StopRef::Spot(id.into()),
        lat,
        lon,
        district: "van-don".into(),
        access,
    };
    let mainland = waypoint("a", 21.07, 107.42, Access::Road);
    let island = waypoint("b", 20.95, 107.49, Access::Ferry);
    let mut travel = migrate_travel(&[]);
    travel.ferries[0].departures = vec!["10:00".into()];
    travel.islands[0].places = vec![island.stop.clone()];
    let network_with_island = Network::from_travel(travel);
    let leg = network_with_island.leg(&mainland, &island);
    assert!(leg.has_ferry(), "{leg:#?}");
    // 08:00 + 120 min at the first stop = 10:00 plus the road to the pier: too late.
    let days = plan_days(
        &[120.0, 60.0],
        &path(vec![leg.clone()]),
        &network_with_island,
        None,
    );
    assert_eq!(ranges(&days), [(0, 1), (1, 2)]);
    // With 30 minutes at the first stop the 10:00 boat is caught.
    let days = plan_days(
        &[30.0, 60.0],
        &path(vec![leg.clone()]),
        &network_with_island,
        None,
    );
    assert_eq!(ranges(&days), [(0, 2)]);
    // The visitor may still join them: the day is flagged.
    let days = plan_days(&[120.0, 60.0], &path(vec![leg]), &network_with_island, Some(&[]));
    assert!(days[0].too_long);
}

#[test]
fn visit_times_are_positive_for_every_kind() {
    use crate::model::{SalesPointKind as P, SpotKind as S};
    let kinds = [
        PlaceKind::Spot(S::EcoTourism),
        PlaceKind::Spot(S::Farm),
        PlaceKind::Spot(S::Village),
        PlaceKind::Spot(S::Heritage),
        PlaceKind::Spot(S::Festival),
        PlaceKind::Spot(S::Market),
        PlaceKind::SalesPoint(P::OcopCentre),
        PlaceKind::SalesPoint(P::OcopShop),
        PlaceKind::SalesPoint(P::DisplayPoint),
        PlaceKind::SalesPoint(P::RestStop),
        PlaceKind::SalesPoint(P::FairVenue),
    ];
    for kind in kinds {
        let minutes = visit_minutes(kind);
        assert!((30.0..=DAY_BUDGET_MINUTES / 2.0).contains(&minutes), "{kind:?}");
    }
}
