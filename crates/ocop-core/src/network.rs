//! The travel graph: how a visitor gets from one stop of a trip to the next.
//!
//! A trip planner whose best answer cannot be travelled is worse than none. Before this
//! module, a place "with boat access" was joined to *any* other place by a straight line at
//! 20 km/h, and the optimiser happily sailed from a pearl farm in Hạ Long Bay to Quan Lạn
//! island. Now a leg can only use edges of this graph:
//!
//! | edge | between | km, minutes |
//! |------|---------|-------------|
//! | road | two nodes on the same land: the mainland, or one island | [`crate::travel::road`]: great circle × road factor, at the road class's speed (assumptions) |
//! | ferry | the two piers of a [`FerryLine`] | straight line between the piers; [`FERRY_BOARDING_MINUTES`] + the sourced sailing time |
//! | bay boat | a harbour and a place its [`BayBoat`] serves | straight line at [`BOAT_KMH`] (assumption) |
//!
//! The nodes are the trip's places and the dataset's piers. **Places are never passed
//! through**: a leg runs from one place to the next over piers only, so "by road" always
//! means straight from one stop to the next. The leg is the quickest path (Dijkstra over
//! the two places and the piers, a dozen nodes); every step of it says how it travels.
//!
//! Which land a place is on comes from the dataset's `travel` section, not from the place's
//! `access` field: a place an [`Island`] lists is on that island (if a ferry reaches the
//! island from the mainland); a place a [`BayBoat`] lists is in the bay, reached only by
//! that boat from its harbour and back. A place whose `access` says ferry or boat but that
//! no island or bay boat lists is **reached by road and flagged** ([`Leg::access_unknown`]):
//! a plausible estimate with a warning beats no plan, and it never invents a boat.
//!
//! docs/map.md lists every pier, line and harbour with its source, and every assumption.

use crate::model::{Access, Dataset, Precision, StopRef, TravelNetwork};
use crate::travel::{great_circle_km, is_mountain_district, road, road_class, RoadClass, Waypoint, BOAT_KMH};
use std::collections::HashMap;

pub use crate::travel::FERRY_BOARDING_MINUTES;

/// Where a step starts or ends: one of the leg's two stops, or a pier (by id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Endpoint {
    Stop(StopRef),
    Pier(String),
}

/// How one step of a leg travels.
#[derive(Clone, Debug, PartialEq)]
pub enum StepMode {
    Road(RoadClass),
    /// On the [`FerryLine`] with this id; `reverse` when sailing from its `to` pier.
    Ferry {
        line: String,
        reverse: bool,
    },
    /// On the [`BayBoat`] with this id, between its harbour and a place in the bay.
    BayBoat {
        boat: String,
    },
}

/// One edge of the graph, as travelled.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub mode: StepMode,
    pub from: Endpoint,
    pub to: Endpoint,
    pub km: f64,
    pub minutes: f64,
}

/// The quickest way from one stop to the next.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Leg {
    pub km: f64,
    pub minutes: f64,
    /// In travel order; empty only between a stop and itself.
    pub steps: Vec<Step>,
    /// An end says it is reached by ferry or boat, but the network does not say how: the
    /// leg is a road estimate and the app says so.
    pub access_unknown: bool,
}

impl Leg {
    /// Whether any step is a ferry crossing.
    pub fn has_ferry(&self) -> bool {
        self.steps
            .iter()
            .any(|s| matches!(s.mode, StepMode::Ferry { .. }))
    }

    /// Whether any step is a bay boat.
    pub fn has_bay_boat(&self) -> bool {
        self.steps
            .iter()
            .any(|s| matches!(s.mode, StepMode::BayBoat { .. }))
    }
}

/// The legs of a whole trip and their totals.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PathEstimate {
    /// One leg per consecutive pair of stops (empty for 0 or 1 stop).
    pub legs: Vec<Leg>,
    pub total_km: f64,
    pub total_minutes: f64,
    /// How many legs include a ferry.
    pub ferry_legs: usize,
}

/// Which land a node is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Land {
    Mainland,
    /// An island (index into `TravelNetwork::islands`) a ferry reaches.
    Island(usize),
    /// In the bay: reached only by the bay boats of these harbours.
    Bay,
}

/// The graph of one dataset's travel network, built once per dataset.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Network {
    travel: TravelNetwork,
    /// Land of each pier, by index: `None` for a pier on an island no ferry connects.
    pier_land: Vec<Option<Land>>,
    /// Places on islands a ferry reaches.
    island_of: HashMap<StopRef, usize>,
    /// Places in the bay: (harbour pier index, bay boat index) for each boat serving them.
    boats_of: HashMap<StopRef, Vec<(usize, usize)>>,
}

/// A node of one leg's search: the leg's two stops, then every pier.
const FROM: usize = 0;
const TO: usize = 1;
const PIERS: usize = 2;

impl Network {
    /// The graph of `dataset.travel`; for a format 1.0 or 1.1 file, which has none, the
    /// network its version implied ([`migrate_travel`]). The migration happens here, not in
    /// validation, so a checked dataset written back out is still the file it was.
    pub fn new(dataset: &Dataset) -> Network {
        let travel = if dataset.travel.is_empty() && predates_travel(&dataset.schema_version) {
            migrate_travel(&dataset.spots)
        } else {
            dataset.travel.decode()
        };
        Network::from_travel(travel)
    }

    pub fn from_travel(travel: TravelNetwork) -> Network {
        let pier_index: HashMap<&str, usize> = travel
            .piers
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let island_index: HashMap<&str, usize> = travel
            .islands
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        // An island counts only if ferries connect one of its piers to the mainland, maybe
        // through other islands: otherwise its places fall back to "access unknown".
        let mut pier_land: Vec<Option<Land>> = travel
            .piers
            .iter()
            .map(|p| match &p.island {
                None => Some(Land::Mainland),
                Some(_) => None,
            })
            .collect();
        loop {
            let mut grew = false;
            for line in &travel.ferries {
                let (Some(&a), Some(&b)) = (
                    pier_index.get(line.from.as_str()),
                    pier_index.get(line.to.as_str()),
                ) else {
                    continue;
                };
                for (known, other) in [(a, b), (b, a)] {
                    if pier_land[known].is_some() && pier_land[other].is_none() {
                        let island = travel.piers[other]
                            .island
                            .as_deref()
                            .and_then(|i| island_index.get(i));
                        if let Some(&island) = island {
                            pier_land[other] = Some(Land::Island(island));
                            grew = true;
                        }
                    }
                }
            }
            if !grew {
                break;
            }
        }
        let reached: Vec<usize> = pier_land
            .iter()
            .filter_map(|l| match l {
                Some(Land::Island(i)) => Some(*i),
                _ => None,
            })
            .collect();
        let mut island_of = HashMap::new();
        for (i, island) in travel.islands.iter().enumerate() {
            if reached.contains(&i) {
                for place in &island.places {
                    island_of.entry(place.clone()).or_insert(i);
                }
            }
        }
        let mut boats_of: HashMap<StopRef, Vec<(usize, usize)>> = HashMap::new();
        for (b, boat) in travel.bay_boats.iter().enumerate() {
            let Some(&harbour) = pier_index.get(boat.harbour.as_str()) else {
                continue;
            };
            if pier_land[harbour].is_none() {
                continue;
            }
            for place in &boat.places {
                if !island_of.contains_key(place) {
                    boats_of.entry(place.clone()).or_default().push((harbour, b));
                }
            }
        }
        Network {
            travel,
            pier_land,
            island_of,
            boats_of,
        }
    }

    /// The dataset's travel section this graph was built from.
    pub fn travel(&self) -> &TravelNetwork {
        &self.travel
    }

    fn land(&self, stop: &StopRef) -> Land {
        if let Some(&island) = self.island_of.get(stop) {
            Land::Island(island)
        } else if self.boats_of.contains_key(stop) {
            Land::Bay
        } else {
            Land::Mainland
        }
    }

    /// Whether the network does not say how a place the data marks as ferry or boat access
    /// is reached (it is then estimated by road and flagged).
    pub fn access_unknown(&self, stop: &Waypoint) -> bool {
        stop.access != Access::Road && self.land(&stop.stop) == Land::Mainland
    }

    /// The quickest way from one stop to the next on the graph.
    pub fn leg(&self, from: &Waypoint, to: &Waypoint) -> Leg {
        let access_unknown = self.access_unknown(from) || self.access_unknown(to);
        if from.stop == to.stop {
            return Leg {
                access_unknown,
                ..Leg::default()
            };
        }
        let search = Search {
            network: self,
            from,
            to,
        };
        let steps = search.quickest();
        Leg {
            km: steps.iter().map(|s| s.km).sum(),
            minutes: steps.iter().map(|s| s.minutes).sum(),
            steps,
            access_unknown,
        }
    }

    /// The legs between consecutive stops and their totals.
    pub fn path(&self, stops: &[Waypoint]) -> PathEstimate {
        let legs: Vec<Leg> = stops
            .windows(2)
            .map(|pair| self.leg(&pair[0], &pair[1]))
            .collect();
        PathEstimate {
            total_km: legs.iter().map(|l| l.km).sum(),
            total_minutes: legs.iter().map(|l| l.minutes).sum(),
            ferry_legs: legs.iter().filter(|l| l.has_ferry()).count(),
            legs,
        }
    }

    /// Minutes from every stop (row) to every other (column), 0 on the diagonal: the cost
    /// matrix for [`crate::optimise`]. Every entry is a path of this graph, so the optimiser
    /// can only choose orders the graph can travel.
    pub fn time_matrix(&self, stops: &[Waypoint]) -> Vec<Vec<f64>> {
        stops
            .iter()
            .enumerate()
            .map(|(i, from)| {
                stops
                    .iter()
                    .enumerate()
                    .map(|(j, to)| if i == j { 0.0 } else { self.leg(from, to).minutes })
                    .collect()
            })
            .collect()
    }

    /// Whether `step` is an edge of this graph between `from` and `to` (the leg's stops):
    /// the check the property tests hold every optimised leg to.
    pub fn has_edge(&self, from: &Waypoint, to: &Waypoint, step: &Step) -> bool {
        let search = Search {
            network: self,
            from,
            to,
        };
        let (Some(a), Some(b)) = (search.node_of(&step.from), search.node_of(&step.to)) else {
            return false;
        };
        search.edge(a, b).is_some_and(|edge| edge.mode == step.mode)
    }

    /// Where a pier is, by id.
    pub fn pier_position(&self, id: &str) -> Option<(f64, f64)> {
        self.travel
            .pier(id)
            .map(|p| (p.coordinates.lat, p.coordinates.lon))
    }

    /// Whether a pier's coordinates are an estimate.
    pub fn pier_is_approximate(&self, id: &str) -> bool {
        self.travel
            .pier(id)
            .is_some_and(|p| p.coordinates.precision == Precision::Approximate)
    }

    /// The last departure, in minutes after midnight, of a ferry step's boat in the
    /// direction it sails; `None` when no source gives the times.
    pub fn last_departure(&self, step: &Step) -> Option<u32> {
        let StepMode::Ferry { line, reverse } = &step.mode else {
            return None;
        };
        let line = self.travel.ferry(line)?;
        let times = if *reverse {
            &line.return_departures
        } else {
            &line.departures
        };
        times.iter().filter_map(|t| clock_minutes(t)).max()
    }
}

/// Whether a `schema_version` predates the travel section (1.0, 1.1).
fn predates_travel(version: &str) -> bool {
    let minor = version.split('.').nth(1).and_then(|m| m.parse::<u32>().ok());
    minor.is_none_or(|m| m < 2)
}

/// "HH:MM" → minutes after midnight.
pub fn clock_minutes(text: &str) -> Option<u32> {
    let (h, m) = text.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && text.len() == 5).then_some(h * 60 + m)
}

/// One leg's shortest-path search over its two stops and the network's piers.
struct Search<'a> {
    network: &'a Network,
    from: &'a Waypoint,
    to: &'a Waypoint,
}

impl Search<'_> {
    fn node_count(&self) -> usize {
        PIERS + self.network.travel.piers.len()
    }

    fn node_of(&self, endpoint: &Endpoint) -> Option<usize> {
        match endpoint {
            Endpoint::Stop(s) if *s == self.from.stop => Some(FROM),
            Endpoint::Stop(s) if *s == self.to.stop => Some(TO),
            Endpoint::Stop(_) => None,
            Endpoint::Pier(id) => self
                .network
                .travel
                .piers
                .iter()
                .position(|p| p.id == *id)
                .map(|i| PIERS + i),
        }
    }

    fn endpoint(&self, node: usize) -> Endpoint {
        match node {
            FROM => Endpoint::Stop(self.from.stop.clone()),
            TO => Endpoint::Stop(self.to.stop.clone()),
            pier => Endpoint::Pier(self.network.travel.piers[pier - PIERS].id.clone()),
        }
    }

    fn position(&self, node: usize) -> (f64, f64) {
        match node {
            FROM => (self.from.lat, self.from.lon),
            TO => (self.to.lat, self.to.lon),
            pier => {
                let c = &self.network.travel.piers[pier - PIERS].coordinates;
                (c.lat, c.lon)
            }
        }
    }

    fn land(&self, node: usize) -> Option<Land> {
        match node {
            FROM => Some(self.network.land(&self.from.stop)),
            TO => Some(self.network.land(&self.to.stop)),
            pier => self.network.pier_land[pier - PIERS],
        }
    }

    fn in_mountains(&self, node: usize) -> bool {
        match node {
            FROM => is_mountain_district(&self.from.district),
            TO => is_mountain_district(&self.to.district),
            _ => false,
        }
    }

    /// The edge from node `a` to node `b`, if the graph has one (the quickest, if several).
    fn edge(&self, a: usize, b: usize) -> Option<Step> {
        if a == b {
            return None;
        }
        let (land_a, land_b) = (self.land(a)?, self.land(b)?);
        let (pa, pb) = (self.position(a), self.position(b));
        let step = |mode, km: f64, minutes: f64| Step {
            mode,
            from: self.endpoint(a),
            to: self.endpoint(b),
            km,
            minutes,
        };
        let mut best: Option<Step> = None;
        let mut offer = |candidate: Step| {
            if best.as_ref().is_none_or(|b| candidate.minutes < b.minutes) {
                best = Some(candidate);
            }
        };
        // Road: on the same land. Island roads are local roads.
        match (land_a, land_b) {
            (Land::Mainland, Land::Mainland) => {
                let class = road_class(
                    great_circle_km(pa, pb),
                    self.in_mountains(a) || self.in_mountains(b),
                );
                let (km, minutes) = road(pa, pb, class);
                offer(step(StepMode::Road(class), km, minutes));
            }
            (Land::Island(x), Land::Island(y)) if x == y => {
                let (km, minutes) = road(pa, pb, RoadClass::Rural);
                offer(step(StepMode::Road(RoadClass::Rural), km, minutes));
            }
            _ => {}
        }
        let travel = &self.network.travel;
        if a >= PIERS && b >= PIERS {
            let (id_a, id_b) = (&travel.piers[a - PIERS].id, &travel.piers[b - PIERS].id);
            for line in &travel.ferries {
                let reverse = if line.from == *id_a && line.to == *id_b {
                    false
                } else if line.from == *id_b && line.to == *id_a {
                    true
                } else {
                    continue;
                };
                let minutes = f64::from(FERRY_BOARDING_MINUTES) + f64::from(line.minutes);
                let mode = StepMode::Ferry {
                    line: line.id.clone(),
                    reverse,
                };
                offer(step(mode, great_circle_km(pa, pb), minutes));
            }
        }
        // Bay boat: between a place in the bay and one of its harbours, either way.
        for (place, pier) in [(a, b), (b, a)] {
            let stop = match place {
                FROM => &self.from.stop,
                TO => &self.to.stop,
                _ => continue,
            };
            let boats = self
                .network
                .boats_of
                .get(stop)
                .map(Vec::as_slice)
                .unwrap_or_default();
            for &(harbour, boat) in boats {
                if PIERS + harbour == pier {
                    let km = great_circle_km(pa, pb);
                    let mode = StepMode::BayBoat {
                        boat: travel.bay_boats[boat].id.clone(),
                    };
                    offer(step(mode, km, km / BOAT_KMH * 60.0));
                }
            }
        }
        best
    }

    /// Dijkstra from the leg's first stop to its second. The graph is tiny (two stops and
    /// the piers), so the plain O(n²) form is the simplest, and fast enough: the 132 legs of
    /// a 12-stop trip's cost matrix take well under a millisecond natively
    /// (`benches/travel.rs`, figures in docs/performance.md).
    fn quickest(&self) -> Vec<Step> {
        let n = self.node_count();
        let mut minutes = vec![f64::INFINITY; n];
        let mut via: Vec<Option<Step>> = vec![None; n];
        let mut done = vec![false; n];
        minutes[FROM] = 0.0;
        loop {
            let next = (0..n)
                .filter(|&i| !done[i] && minutes[i].is_finite())
                .min_by(|&a, &b| minutes[a].total_cmp(&minutes[b]));
            let Some(u) = next else { break };
            done[u] = true;
            if u == TO {
                break;
            }
            // The leg's stops are its ends, never a way through.
            for v in (TO..n).filter(|&v| !done[v]) {
                if let Some(edge) = self.edge(u, v) {
                    let total = minutes[u] + edge.minutes;
                    if total < minutes[v] {
                        minutes[v] = total;
                        via[v] = Some(edge);
                    }
                }
            }
        }
        let mut steps = Vec::new();
        let mut node = TO;
        while let Some(step) = via[node].take() {
            node = self.node_of(&step.from).unwrap_or(FROM);
            steps.push(step);
            if node == FROM {
                break;
            }
        }
        steps.reverse();
        steps
    }
}

/// The network a format 1.0 or 1.1 file implied, for files without a `travel` section.
///
/// The 1.1 app knew two crossings, both from Cái Rồng pier, and put every ferry-access
/// place on the island of its district (Vân Đồn's on Quan Lạn, Cô Tô's on Cô Tô). That is
/// kept, with 1.1's pier positions and sources. 1.1 had no harbours: its boat-access places
/// joined anything in a straight line, which is exactly what 1.2 stops, so an old file's
/// boat places are "access unknown" until its publisher lists their bay boats.
pub fn migrate_travel(spots: &[crate::model::Spot]) -> TravelNetwork {
    use crate::model::{Coordinates, FerryLine, Island, Pier};
    use crate::text::LocalText;
    let text = |vi: &str, en: &str| LocalText {
        vi: vi.to_string(),
        en: Some(en.to_string()),
        zh: None,
    };
    let pier =
        |id: &str, vi: &str, en: &str, (lat, lon): (f64, f64), island: Option<&str>, source: &str| Pier {
            id: id.to_string(),
            name: text(vi, en),
            coordinates: Coordinates {
                lat,
                lon,
                precision: Precision::Approximate,
            },
            island: island.map(str::to_string),
            sources: vec![source.to_string()],
        };
    const QUAN_LAN_SOURCE: &str = "https://a.osmarks.net/content/wikivoyage_en_all_maxi_2020-08/A/Cai_Rong";
    const CO_TO_SOURCE: &str = "http://vietnamtourism.vn/en/index.php/news/items/5854";
    let ferry_places = |district: &str| -> Vec<StopRef> {
        // Sales points have no access field: they are all reached by road.
        spots
            .iter()
            .filter(|s| s.access == Access::Ferry && s.locality.district.as_deref() == Some(district))
            .map(|s| StopRef::Spot(s.id.clone()))
            .collect()
    };
    let line = |id: &str, to: &str, minutes: u32, source: &str| FerryLine {
        id: id.to_string(),
        from: "cai-rong".to_string(),
        to: to.to_string(),
        minutes,
        departures: Vec::new(),
        return_departures: Vec::new(),
        sources: vec![source.to_string()],
    };
    TravelNetwork {
        piers: vec![
            pier(
                "cai-rong",
                "Cảng Cái Rồng",
                "Cai Rong pier",
                (21.065, 107.422),
                None,
                QUAN_LAN_SOURCE,
            ),
            pier(
                "quan-lan",
                "Bến tàu Quan Lạn",
                "Quan Lan pier",
                (20.96, 107.49),
                Some("quan-lan"),
                QUAN_LAN_SOURCE,
            ),
            pier(
                "co-to",
                "Cảng Cô Tô",
                "Co To pier",
                (20.979, 107.76),
                Some("co-to"),
                CO_TO_SOURCE,
            ),
        ],
        islands: vec![
            Island {
                id: "quan-lan".to_string(),
                name: text("Đảo Quan Lạn", "Quan Lan island"),
                places: ferry_places("van-don"),
            },
            Island {
                id: "co-to".to_string(),
                name: text("Đảo Cô Tô", "Co To island"),
                places: ferry_places("co-to"),
            },
        ],
        ferries: vec![
            line("cai-rong-quan-lan", "quan-lan", 60, QUAN_LAN_SOURCE),
            line("cai-rong-co-to", "co-to", 90, CO_TO_SOURCE),
        ],
        bay_boats: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
