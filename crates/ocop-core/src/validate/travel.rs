//! The `travel` section (format 1.2): piers, islands, ferry lines and bay boats.
//!
//! Same rules as the rest of the file: a bad entry is left out and reported, a reference to
//! a place or pier that does not exist is removed and reported, the rest is used. Whatever
//! is left out only makes the planner flag a place as "access unknown"; it never makes it
//! invent a boat. A 1.0 or 1.1 file has no section: the graph gives it the one its version
//! implied ([`crate::network::migrate_travel`]), and the dataset stays as the file says.

use super::{check_coordinates, check_sources, is_valid_id, typed, Action, Problem, Target, Validator};
use crate::model::{BayBoat, FerryLine, Island, Pier, SalesPoint, Spot, StopRef, TravelNetwork};
use crate::network::clock_minutes;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashSet;

/// Longest sailing the format accepts, minutes: a day.
const MAX_SAILING_MINUTES: u32 = 24 * 60;

impl Validator {
    /// The travel network of a file whose other parts are already checked.
    pub(super) fn check_travel(
        &mut self,
        text: Option<&str>,
        spots: &[Spot],
        sales_points: &[SalesPoint],
    ) -> TravelNetwork {
        let Some(text) = text.filter(|t| t.trim() != "null") else {
            return TravelNetwork::default();
        };
        let value = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => map,
            Ok(_) | Err(_) => {
                let message = "must be an object with piers, islands, ferries and bay_boats".to_string();
                self.report("$.travel", Problem::Malformed { message }, Action::RemovedValue);
                return TravelNetwork::default();
            }
        };
        if let Some((path, problem)) = self.oversized(&Value::Object(value.clone()), "$.travel") {
            self.report(path, problem, Action::RemovedValue);
            return TravelNetwork::default();
        }
        let place_exists = |stop: &StopRef| match stop {
            StopRef::Spot(id) => spots.iter().any(|s| s.id == *id),
            StopRef::SalesPoint(id) => sales_points.iter().any(|s| s.id == *id),
        };
        let islands: Vec<Island> = self.entries(&value, "islands", |v, island: &mut Island, path| {
            v.retain_places(&mut island.places, &format!("{path}.places"), &place_exists);
            Ok(())
        });
        let island_ids: HashSet<String> = islands.iter().map(|i| i.id.clone()).collect();
        let piers: Vec<Pier> = self.entries(&value, "piers", |_, pier: &mut Pier, path| {
            check_coordinates(&pier.coordinates, &format!("{path}.coordinates"))?;
            check_sources(&pier.sources, &format!("{path}.sources"))?;
            match &pier.island {
                Some(island) if !island_ids.contains(island) => Err((
                    format!("{path}.island"),
                    Problem::BrokenReference {
                        target: Target::Island,
                        id: island.clone(),
                    },
                )),
                _ => Ok(()),
            }
        });
        let pier_ids: HashSet<String> = piers.iter().map(|p| p.id.clone()).collect();
        let missing_pier = |id: &str, path: String| {
            (!pier_ids.contains(id)).then(|| {
                let problem = Problem::BrokenReference {
                    target: Target::Pier,
                    id: id.to_string(),
                };
                (path, problem)
            })
        };
        let ferries: Vec<FerryLine> = self.entries(&value, "ferries", |v, line: &mut FerryLine, path| {
            if let Some(bad) = missing_pier(&line.from, format!("{path}.from"))
                .or(missing_pier(&line.to, format!("{path}.to")))
            {
                return Err(bad);
            }
            if !(1..=MAX_SAILING_MINUTES).contains(&line.minutes) {
                let message = format!("minutes must be 1 to {MAX_SAILING_MINUTES}, not {}", line.minutes);
                return Err((format!("{path}.minutes"), Problem::Malformed { message }));
            }
            check_sources(&line.sources, &format!("{path}.sources"))?;
            v.retain_times(&mut line.departures, &format!("{path}.departures"));
            v.retain_times(&mut line.return_departures, &format!("{path}.return_departures"));
            Ok(())
        });
        let bay_boats: Vec<BayBoat> = self.entries(&value, "bay_boats", |v, boat: &mut BayBoat, path| {
            if let Some(bad) = missing_pier(&boat.harbour, format!("{path}.harbour")) {
                return Err(bad);
            }
            check_sources(&boat.sources, &format!("{path}.sources"))?;
            v.retain_places(&mut boat.places, &format!("{path}.places"), &place_exists);
            Ok(())
        });
        TravelNetwork {
            piers,
            islands,
            ferries,
            bay_boats,
        }
    }

    /// The entries of one list of the section that fit the format, have a fresh valid id
    /// and pass `check`; the others are reported and left out.
    fn entries<T: DeserializeOwned + HasTravelId>(
        &mut self,
        section: &serde_json::Map<String, Value>,
        list: &str,
        check: impl Fn(&mut Validator, &mut T, &str) -> super::Verdict,
    ) -> Vec<T> {
        let items = match section.get(list) {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.report(
                    format!("$.travel.{list}"),
                    Problem::NotAList,
                    Action::RemovedValue,
                );
                return Vec::new();
            }
        };
        let mut seen = HashSet::new();
        let mut kept = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("$.travel.{list}[{i}]");
            let verdict = typed::<T>(item.clone())
                .map_err(|(inner, message)| {
                    (
                        format!("{path}{}", dotted(&inner)),
                        Problem::Malformed { message },
                    )
                })
                .and_then(|mut entry| {
                    let id = entry.travel_id().to_string();
                    if !is_valid_id(&id) {
                        return Err((format!("{path}.id"), Problem::BadId { id }));
                    }
                    if !seen.insert(id.clone()) {
                        return Err((format!("{path}.id"), Problem::DuplicateId { id }));
                    }
                    check(self, &mut entry, &path)?;
                    Ok(entry)
                });
            match verdict {
                Ok(entry) => kept.push(entry),
                Err((path, problem)) => self.report(path, problem, Action::DroppedRecord),
            }
        }
        kept
    }

    fn retain_places(&mut self, places: &mut Vec<StopRef>, path: &str, exists: &impl Fn(&StopRef) -> bool) {
        let mut index = 0;
        places.retain(|stop| {
            let keep = exists(stop);
            if !keep {
                let (target, id) = match stop {
                    StopRef::Spot(id) => (Target::Spot, id),
                    StopRef::SalesPoint(id) => (Target::SalesPoint, id),
                };
                self.broken(format!("{path}[{index}]"), target, id);
            }
            index += 1;
            keep
        });
    }

    fn retain_times(&mut self, times: &mut Vec<String>, path: &str) {
        let mut index = 0;
        times.retain(|t| {
            let keep = clock_minutes(t).is_some();
            if !keep {
                self.report(
                    format!("{path}[{index}]"),
                    Problem::BadDate { value: t.clone() },
                    Action::RemovedValue,
                );
            }
            index += 1;
            keep
        });
    }
}

/// `serde_path_to_error`'s inner path ("island", "places[2]") joined to a JSONPath.
fn dotted(inner: &str) -> String {
    match inner {
        "" => String::new(),
        _ if inner.starts_with('[') => inner.to_string(),
        _ => format!(".{inner}"),
    }
}

trait HasTravelId {
    fn travel_id(&self) -> &str;
}

macro_rules! travel_id {
    ($($t:ty),*) => {$(impl HasTravelId for $t { fn travel_id(&self) -> &str { &self.id } })*};
}
travel_id!(Pier, Island, FerryLine, BayBoat);
