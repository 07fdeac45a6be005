//! The trip as the page shows it: the stops the dataset knows, the legs between them on the
//! travel graph, and the days they fall into. Computed once per change of the trip or the
//! data, and read by the totals, the stops and the exports alike.

use ocop_core::itinerary::{plan_days, visit_minutes, Day};
use ocop_core::model::{Dataset, StopRef, TravelNetwork};
use ocop_core::network::{Network, PathEstimate};
use ocop_core::places::place;
use ocop_core::trip::Trip;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TripPlan {
    /// The trip's stops that the dataset knows, in trip order.
    pub known: Vec<StopRef>,
    /// Legs between consecutive known stops.
    pub path: PathEstimate,
    pub days: Vec<Day>,
    /// The network the legs were planned on, for the names of piers and boats.
    pub travel: TravelNetwork,
}

impl TripPlan {
    pub fn new(dataset: &Dataset, trip: &Trip) -> TripPlan {
        let network = Network::new(dataset);
        let places: Vec<_> = trip.stops().iter().filter_map(|s| place(dataset, s)).collect();
        let known: Vec<StopRef> = places.iter().map(|p| p.stop.clone()).collect();
        let waypoints: Vec<_> = places.iter().map(|p| p.waypoint()).collect();
        let path = network.path(&waypoints);
        let visits: Vec<f64> = places.iter().map(|p| visit_minutes(p.kind)).collect();
        let starts: Option<Vec<usize>> = trip.day_starts().map(|starts| {
            starts
                .iter()
                .filter_map(|s| known.iter().position(|k| k == s))
                .collect()
        });
        let days = plan_days(&visits, &path, &network, starts.as_deref());
        TripPlan {
            known,
            path,
            days,
            travel: network.travel().clone(),
        }
    }

    /// The known stops that start a day after the first: what the visitor's splits are
    /// before they move one.
    pub fn day_starts(&self) -> Vec<StopRef> {
        self.days
            .iter()
            .skip(1)
            .map(|d| self.known[d.first].clone())
            .collect()
    }
}
