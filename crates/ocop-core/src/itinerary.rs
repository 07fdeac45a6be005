//! Days: a trip split where a day's travel and visits run out.
//!
//! A visitor who adds Yên Tử, the Hạ Long pearl farm and Cô Tô is planning two or three
//! days, and a page that shows "7 h 10 min of travel" as one block does not tell them. The
//! trip is cut into days by two rules, both documented in docs/map.md:
//!
//! 1. **The day's budget.** Travel plus an assumed visit time per stop ([`visit_minutes`],
//!    by kind of place) fits in [`DAY_BUDGET_MINUTES`]. The leg between two days belongs to
//!    the second: the visitor sleeps near the last stop of a day and sets off from there.
//!    So an island stop whose ferry back does not fit ends its day there, and the crossing
//!    starts the next.
//! 2. **The last boat.** Where a source gives a ferry's departures, a leg that would reach
//!    the pier after the last one of the day (counting from [`DAY_START_MINUTES`]) starts a
//!    new day. No bundled source gives departures today, so the page says to check them.
//!
//! The visitor may move the splits ([`crate::trip::Trip::set_day_starts`]); a day they make
//! too long is kept and flagged ([`Day::too_long`]), never silently re-cut.

use crate::model::{SalesPointKind, SpotKind};
use crate::network::{Leg, Network, PathEstimate};
use crate::places::PlaceKind;

/// ASSUMED time a visitor has for travel and visits in one day: 9 hours (08:00–17:00).
pub const DAY_BUDGET_MINUTES: f64 = 540.0;
/// ASSUMED time the day starts, minutes after midnight (08:00); only compared with a
/// ferry's last departure.
pub const DAY_START_MINUTES: f64 = 480.0;

/// ASSUMED time spent at a stop, by kind of place, in minutes. A market or shop is a
/// purchase; a farm or village a visit with a tasting or a workshop; heritage sites and
/// landscapes (Yên Tử, the bay, an island's beaches) half a day's walking.
pub fn visit_minutes(kind: PlaceKind) -> f64 {
    match kind {
        PlaceKind::Spot(SpotKind::EcoTourism) => 120.0,
        PlaceKind::Spot(SpotKind::Heritage) => 90.0,
        PlaceKind::Spot(SpotKind::Farm | SpotKind::Village) => 60.0,
        PlaceKind::Spot(SpotKind::Festival | SpotKind::Market) => 45.0,
        PlaceKind::SalesPoint(SalesPointKind::FairVenue) => 60.0,
        PlaceKind::SalesPoint(_) => 30.0,
    }
}

/// One day of a trip: a run of consecutive stops.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Day {
    /// Index of the day's first stop, and one past its last, in the trip's known stops.
    pub first: usize,
    pub end: usize,
    /// The legs travelled this day: the one from the previous day's last stop, then those
    /// between this day's stops.
    pub travel_minutes: f64,
    pub km: f64,
    pub visit_minutes: f64,
    /// Travel and visits exceed [`DAY_BUDGET_MINUTES`] (or the day misses a last boat).
    pub too_long: bool,
    /// Whether a leg of the day crosses by ferry.
    pub has_ferry: bool,
}

impl Day {
    pub fn total_minutes(&self) -> f64 {
        self.travel_minutes + self.visit_minutes
    }

    /// The stop indices of the day.
    pub fn stops(&self) -> std::ops::Range<usize> {
        self.first..self.end
    }
}

/// The days of a trip whose known stops have these visit times and legs (`path.legs[i]` from
/// stop `i` to `i + 1`). `starts`: the stop indices the visitor chose to start days (the
/// first stop always starts one); `None` for the automatic split.
pub fn plan_days(
    visits: &[f64],
    path: &PathEstimate,
    network: &Network,
    starts: Option<&[usize]>,
) -> Vec<Day> {
    if visits.is_empty() {
        return Vec::new();
    }
    let starts: Vec<usize> = match starts {
        Some(chosen) => {
            let mut s: Vec<usize> = chosen
                .iter()
                .copied()
                .filter(|&i| i > 0 && i < visits.len())
                .collect();
            s.sort_unstable();
            s.dedup();
            s
        }
        None => automatic_starts(visits, &path.legs, network),
    };
    let bounds: Vec<usize> = std::iter::once(0)
        .chain(starts)
        .chain(std::iter::once(visits.len()))
        .collect();
    bounds
        .windows(2)
        .map(|w| {
            let (first, end) = (w[0], w[1]);
            // The leg into the day's first stop, then the legs inside the day.
            let legs: Vec<&Leg> = (first.max(1) - 1..end - 1)
                .filter_map(|i| path.legs.get(i))
                .collect();
            let travel_minutes = legs.iter().map(|l| l.minutes).sum();
            let visit_minutes = visits[first..end].iter().sum();
            let misses_boat = day_misses_last_boat(first, end, visits, &path.legs, network);
            let mut day = Day {
                first,
                end,
                travel_minutes,
                km: legs.iter().map(|l| l.km).sum(),
                visit_minutes,
                too_long: misses_boat,
                has_ferry: legs.iter().any(|l| l.has_ferry()),
            };
            day.too_long |= day.total_minutes() > DAY_BUDGET_MINUTES + 1e-9;
            day
        })
        .collect()
}

/// Greedy: a stop joins the current day if its leg and visit still fit and no last boat is
/// missed; otherwise it starts the next day.
fn automatic_starts(visits: &[f64], legs: &[Leg], network: &Network) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut elapsed = visits[0];
    for (j, &visit) in visits.iter().enumerate().skip(1) {
        let leg = legs.get(j - 1);
        let leg_minutes = leg.map_or(0.0, |l| l.minutes);
        let fits = elapsed + leg_minutes + visit <= DAY_BUDGET_MINUTES;
        let boat_ok = leg.is_none_or(|l| !misses_last_boat(elapsed, l, network));
        if fits && boat_ok {
            elapsed += leg_minutes + visit;
        } else {
            starts.push(j);
            elapsed = leg_minutes + visit;
        }
    }
    starts
}

/// Whether a leg begun `elapsed` minutes into the day reaches a ferry after its last
/// departure (only where a source gives departures).
fn misses_last_boat(elapsed: f64, leg: &Leg, network: &Network) -> bool {
    let mut clock = DAY_START_MINUTES + elapsed;
    for step in &leg.steps {
        if let Some(last) = network.last_departure(step) {
            if clock > f64::from(last) {
                return true;
            }
        }
        clock += step.minutes;
    }
    false
}

fn day_misses_last_boat(first: usize, end: usize, visits: &[f64], legs: &[Leg], network: &Network) -> bool {
    let mut elapsed = 0.0;
    if first > 0 {
        if let Some(leg) = legs.get(first - 1) {
            if misses_last_boat(0.0, leg, network) {
                return true;
            }
            elapsed += leg.minutes;
        }
    }
    elapsed += visits[first];
    for (j, &visit) in visits.iter().enumerate().take(end).skip(first + 1) {
        if let Some(leg) = legs.get(j - 1) {
            if misses_last_boat(elapsed, leg, network) {
                return true;
            }
            elapsed += leg.minutes;
        }
        elapsed += visit;
    }
    false
}

#[cfg(test)]
mod tests;
