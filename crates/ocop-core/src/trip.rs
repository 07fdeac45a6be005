//! "My trip": the visitor's own ordered list of stops, with one-tap undo, a storage codec for
//! `localStorage` and a compact codec for share links.
//!
//! # Why the order is sacred
//!
//! The visitor builds the trip by hand and often knows things we do not (a lunch booking, a
//! ferry time), so nothing here ever reorders stops behind their back. Only explicit actions
//! move stops: the arrows ([`Trip::move_up`], [`Trip::move_down`]), drag and drop
//! ([`Trip::move_to`]), [`Trip::reverse`], and "Optimise", which computes an order elsewhere
//! (see [`crate::optimise`]) and hands it to [`Trip::apply_order`] as a permutation.
//!
//! # Why a single undo step
//!
//! Every change remembers the stops as they were just before it, so the toast after "Removed"
//! or "Optimised" can offer one "Undo" tap. A full history would need a redo stack and a UI
//! to explain it; one step covers the real need (an accidental tap) with no extra concepts.
//! Actions that change nothing (adding a stop already there, moving the first stop up) leave
//! the undo step alone, so a stray no-op tap never destroys the way back from a real change.
//!
//! # Why ids are checked here
//!
//! Stops come from three places: the dataset (already validated), `localStorage` (which
//! an older build or the user may have mangled) and share links (which anyone can write).
//! Every [`Trip`] holds only ids accepted by [`is_valid_id`], so the share codec never needs
//! escaping and a hostile link cannot smuggle markup or separators into the app. Whether an
//! id exists in the current dataset is a different question, answered by the caller, which
//! has the dataset.

use crate::model::StopRef;
use crate::network::Network;
use crate::optimise::{optimise, path_cost};
use crate::travel::Waypoint;
use crate::validate::is_valid_id;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;

/// Version written by [`Trip::to_storage`]. Bump it, and add a step to `migrate`, whenever
/// the stored shape changes, so trips saved by older builds survive an app update.
pub const STORAGE_VERSION: u32 = 1;

/// Most stops [`Trip::from_query`] accepts from a share link. A hand-made trip is a day or
/// two of travel; the cap keeps a hostile link from making the app compute distances for
/// thousands of stops.
pub const MAX_SHARED_STOPS: usize = 100;

/// The visitor's trip: distinct stops in the visitor's order, plus the single undo step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trip {
    stops: Vec<StopRef>,
    undo: Option<Vec<StopRef>>,
    /// The stops the visitor chose to start a day ([`crate::itinerary`]); `None` while the
    /// days are split automatically.
    day_starts: Option<Vec<StopRef>>,
}

/// A trip read back from storage, with the number of stored entries that had to be dropped
/// because they were malformed or had an invalid id (duplicates are dropped silently: they
/// lose nothing). The app can say "2 stops could not be restored" when `skipped > 0`.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub trip: Trip,
    pub skipped: usize,
}

/// Why a stored trip could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// Saved by a newer build of the app (e.g. in another tab after an update). The caller
    /// should keep the stored text untouched rather than overwrite it with an empty trip.
    NewerVersion(u32),
    /// Not JSON, or not the shape of any version we know; the message is for logs only.
    Corrupt(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::NewerVersion(version) => {
                write!(
                    f,
                    "saved trip has version {version}, newer than {STORAGE_VERSION}"
                )
            }
            StorageError::Corrupt(reason) => write!(f, "saved trip is unreadable: {reason}"),
        }
    }
}

impl std::error::Error for StorageError {}

/// Stops decoded from a share link. `rejected` counts items that were malformed (wrong
/// prefix, invalid id, empty) or beyond [`MAX_SHARED_STOPS`]; duplicates are dropped without
/// being counted. Ids unknown to the dataset are still here: the caller flags those.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharedTrip {
    pub stops: Vec<StopRef>,
    pub rejected: usize,
}

/// What "Optimise" would do to a trip: see [`Trip::plan_optimise`].
#[derive(Clone, Debug, PartialEq)]
pub struct OptimisePlan {
    /// The new order as a permutation of the trip's positions, for [`Trip::apply_order`].
    pub order: Vec<usize>,
    /// Whether it differs from the current order ("already the best order" when not).
    pub changed: bool,
    /// The estimated travel minutes it saves (0 when unchanged).
    pub minutes_saved: f64,
}

/// The stored document, current version. Private: the JSON text is the contract.
#[derive(Serialize)]
struct StoredTrip<'a> {
    version: u32,
    stops: &'a [StopRef],
    /// Optional, so version 1 still describes the document: an older build ignores it.
    #[serde(skip_serializing_if = "Option::is_none")]
    day_starts: Option<&'a [StopRef]>,
}

const SPOT_PREFIX: &str = "s";
const SALES_POINT_PREFIX: &str = "p";

fn id_of(stop: &StopRef) -> &str {
    match stop {
        StopRef::Spot(id) | StopRef::SalesPoint(id) => id,
    }
}

impl Trip {
    /// The stops, in the visitor's order.
    pub fn stops(&self) -> &[StopRef] {
        &self.stops
    }

    pub fn len(&self) -> usize {
        self.stops.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stops.is_empty()
    }

    pub fn contains(&self, stop: &StopRef) -> bool {
        self.stops.contains(stop)
    }

    /// Appends `stop`. False (and no change) if it is already in the trip or its id is not
    /// a valid id (see the module docs: a trip holds valid ids only).
    pub fn add(&mut self, stop: StopRef) -> bool {
        if !is_valid_id(id_of(&stop)) || self.contains(&stop) {
            return false;
        }
        self.save_undo_step();
        self.stops.push(stop);
        true
    }

    /// Appends every new, valid stop in iteration order (e.g. "add this whole route") and
    /// returns how many were added. The whole batch is one undo step.
    pub fn add_all(&mut self, stops: impl IntoIterator<Item = StopRef>) -> usize {
        let before = self.stops.clone();
        let mut seen: HashSet<StopRef> = self.stops.iter().cloned().collect();
        for stop in stops {
            if is_valid_id(id_of(&stop)) && seen.insert(stop.clone()) {
                self.stops.push(stop);
            }
        }
        let added = self.stops.len() - before.len();
        if added > 0 {
            self.undo = Some(before);
        }
        added
    }

    /// Removes `stop`; false if it was not in the trip.
    pub fn remove(&mut self, stop: &StopRef) -> bool {
        let Some(index) = self.stops.iter().position(|s| s == stop) else {
            return false;
        };
        self.save_undo_step();
        self.stops.remove(index);
        if let Some(starts) = &mut self.day_starts {
            starts.retain(|s| s != stop);
        }
        true
    }

    /// The stops the visitor chose to start a day, or `None` for automatic days.
    pub fn day_starts(&self) -> Option<&[StopRef]> {
        self.day_starts.as_deref()
    }

    /// Sets the visitor's day starts (only stops of the trip are kept), or `None` to go back
    /// to automatic days.
    pub fn set_day_starts(&mut self, starts: Option<Vec<StopRef>>) {
        self.day_starts = starts.map(|mut s| {
            s.retain(|stop| self.stops.contains(stop));
            s
        });
    }

    /// Swaps the stop at `index` with the one before it; false for the first stop or an
    /// index out of range.
    pub fn move_up(&mut self, index: usize) -> bool {
        if index == 0 || index >= self.stops.len() {
            return false;
        }
        self.save_undo_step();
        self.stops.swap(index - 1, index);
        true
    }

    /// Swaps the stop at `index` with the one after it; false for the last stop or an index
    /// out of range.
    pub fn move_down(&mut self, index: usize) -> bool {
        if index.saturating_add(1) >= self.stops.len() {
            return false;
        }
        self.save_undo_step();
        self.stops.swap(index, index + 1);
        true
    }

    /// Drag and drop: takes the stop at `from` out and inserts it so that it ends up at
    /// index `to`; the stops in between shift by one. False if either index is out of range
    /// or `from == to`.
    pub fn move_to(&mut self, from: usize, to: usize) -> bool {
        let len = self.stops.len();
        if from >= len || to >= len || from == to {
            return false;
        }
        self.save_undo_step();
        let stop = self.stops.remove(from);
        self.stops.insert(to, stop);
        true
    }

    /// Reverses the order (drive the loop the other way). False with fewer than two stops.
    pub fn reverse(&mut self) -> bool {
        if self.stops.len() < 2 {
            return false;
        }
        self.save_undo_step();
        self.stops.reverse();
        true
    }

    /// Reorders the stops so that the new `i`-th stop is the old `new_order[i]`-th, as
    /// computed by "Optimise". Returns false, changing nothing, unless `new_order` is a
    /// permutation of `0..len`. A valid identity order returns true but changes nothing,
    /// so it leaves the undo step alone; compare [`Trip::stops`] if "already optimal"
    /// matters to the caller.
    pub fn apply_order(&mut self, new_order: &[usize]) -> bool {
        let len = self.stops.len();
        if new_order.len() != len {
            return false;
        }
        let mut seen = vec![false; len];
        for &index in new_order {
            match seen.get_mut(index) {
                Some(slot) if !*slot => *slot = true,
                _ => return false,
            }
        }
        if new_order
            .iter()
            .enumerate()
            .all(|(position, &index)| position == index)
        {
            return true;
        }
        let reordered: Vec<StopRef> = new_order.iter().map(|&index| self.stops[index].clone()).collect();
        self.undo = Some(std::mem::replace(&mut self.stops, reordered));
        // A new order makes new days: the visitor's splits belonged to the old one.
        self.day_starts = None;
        true
    }

    /// Plans "Optimise": the stops whose position is known (`waypoint` gives it; `None` for
    /// a place the current dataset no longer has) in the order [`crate::optimise::optimise`]
    /// finds, the first of them kept first; the unknown stops after them, in their order.
    /// They have no position to plan with, but are never dropped.
    pub fn plan_optimise(
        &self,
        network: &Network,
        waypoint: impl Fn(&StopRef) -> Option<Waypoint>,
    ) -> OptimisePlan {
        let (known, waypoints): (Vec<usize>, Vec<Waypoint>) = self
            .stops
            .iter()
            .enumerate()
            .filter_map(|(i, stop)| waypoint(stop).map(|w| (i, w)))
            .unzip();
        let matrix = network.time_matrix(&waypoints);
        let visiting: Vec<usize> = (0..known.len()).collect();
        let best = optimise(&matrix, &visiting);
        let mut order: Vec<usize> = best.order.iter().map(|&k| known[k]).collect();
        order.extend((0..self.stops.len()).filter(|i| !known.contains(i)));
        let changed = order.iter().enumerate().any(|(position, &i)| position != i);
        OptimisePlan {
            order,
            changed,
            minutes_saved: if changed {
                path_cost(&matrix, &visiting) - best.cost
            } else {
                0.0
            },
        }
    }

    /// Applies [`Trip::plan_optimise`] when it changes the order (then "Undo" restores the
    /// visitor's order); returns the plan.
    pub fn optimise(
        &mut self,
        network: &Network,
        waypoint: impl Fn(&StopRef) -> Option<Waypoint>,
    ) -> OptimisePlan {
        let plan = self.plan_optimise(network, waypoint);
        if plan.changed {
            self.apply_order(&plan.order);
        }
        plan
    }

    /// Removes every stop; false if the trip was already empty.
    pub fn clear(&mut self) -> bool {
        if self.stops.is_empty() {
            return false;
        }
        self.undo = Some(std::mem::take(&mut self.stops));
        self.day_starts = None;
        true
    }

    /// Whether [`Trip::undo`] would do anything (to show or hide the "Undo" button).
    pub fn can_undo(&self) -> bool {
        self.undo.is_some()
    }

    /// Restores the stops from before the last change and forgets the undo step (there is
    /// no redo). False if there was nothing to undo.
    pub fn undo(&mut self) -> bool {
        match self.undo.take() {
            Some(previous) => {
                self.stops = previous;
                true
            }
            None => false,
        }
    }

    fn save_undo_step(&mut self) {
        self.undo = Some(self.stops.clone());
    }

    /// The text to keep in `localStorage`: `{"version":1,"stops":[{"spot":"id"},…]}`.
    /// The undo step is not stored: it belongs to the current visit only.
    pub fn to_storage(&self) -> String {
        let document = StoredTrip {
            version: STORAGE_VERSION,
            stops: &self.stops,
            day_starts: self.day_starts.as_deref(),
        };
        // Serialising strings and unit-like enums cannot fail; an empty string would read
        // back as `Corrupt` rather than panic if it ever did.
        serde_json::to_string(&document).unwrap_or_default()
    }

    /// Reads text written by [`Trip::to_storage`] of this or an older version.
    ///
    /// A newer version is refused ([`StorageError::NewerVersion`]) so that the caller keeps
    /// it; text that is not JSON, or whose `version` or `stops` has the wrong type, is
    /// [`StorageError::Corrupt`]. Inside a readable list, each malformed entry or invalid id
    /// is skipped and counted, so one bad entry never costs the visitor the whole trip.
    pub fn from_storage(text: &str) -> Result<Restored, StorageError> {
        let document: Value =
            serde_json::from_str(text).map_err(|error| StorageError::Corrupt(error.to_string()))?;
        let version = document
            .get("version")
            .and_then(Value::as_u64)
            .ok_or_else(|| StorageError::Corrupt("missing or non-integer version".to_string()))?;
        let version = u32::try_from(version)
            .map_err(|_| StorageError::Corrupt(format!("version {version} out of range")))?;
        let current = migrate(version, document)?;
        decode_current(current)
    }

    /// The value of the `stops` query parameter of a share link: items joined by `,`, each
    /// `s.<id>` for a spot or `p.<id>` for a sales point, e.g. `s.vinh-ha-long,p.cho-ha-long-1`.
    ///
    /// Ids contain only `[a-z0-9-]` (see [`is_valid_id`]), all unreserved in URLs, and `,`
    /// and `.` are legal in a query value, so no escaping is needed and the link stays short
    /// and readable.
    pub fn to_query(&self) -> String {
        let items: Vec<String> = self.stops.iter().map(stop_key).collect();
        items.join(",")
    }

    /// Decodes a `stops` query value (already percent-decoded by the router). Never fails:
    /// malformed items are counted in [`SharedTrip::rejected`], duplicates are dropped, and
    /// items after the first [`MAX_SHARED_STOPS`] accepted ones are rejected. An empty value
    /// is an empty trip with nothing rejected.
    pub fn from_query(value: &str) -> SharedTrip {
        let mut shared = SharedTrip::default();
        if value.is_empty() {
            return shared;
        }
        let mut seen = HashSet::new();
        for item in value.split(',') {
            match parse_stop_key(item) {
                Some(stop) if shared.stops.len() < MAX_SHARED_STOPS => {
                    if seen.insert(stop.clone()) {
                        shared.stops.push(stop);
                    }
                }
                _ => shared.rejected += 1,
            }
        }
        shared
    }
}

/// Builds a trip with no undo step (e.g. from a [`SharedTrip`] the caller has checked
/// against the dataset), keeping the order and dropping duplicates and invalid ids.
impl FromIterator<StopRef> for Trip {
    fn from_iter<I: IntoIterator<Item = StopRef>>(stops: I) -> Self {
        let mut trip = Trip::default();
        trip.add_all(stops);
        trip.undo = None;
        trip
    }
}

/// A place as one URL-safe token, `s.<id>` or `p.<id>`: the items of a trip link, and the
/// app's marker keys and `place=` parameter.
pub fn stop_key(stop: &StopRef) -> String {
    match stop {
        StopRef::Spot(id) => format!("{SPOT_PREFIX}.{id}"),
        StopRef::SalesPoint(id) => format!("{SALES_POINT_PREFIX}.{id}"),
    }
}

/// Reads a [`stop_key`] back; `None` for a wrong prefix or an invalid id.
pub fn parse_stop_key(item: &str) -> Option<StopRef> {
    let (prefix, id) = item.split_once('.')?;
    if !is_valid_id(id) {
        return None;
    }
    match prefix {
        SPOT_PREFIX => Some(StopRef::Spot(id.to_string())),
        SALES_POINT_PREFIX => Some(StopRef::SalesPoint(id.to_string())),
        _ => None,
    }
}

/// Brings a stored document of `version` up to [`STORAGE_VERSION`], one version at a time.
///
/// Only version 1 exists today, so the only arm that succeeds is the current one. When the
/// stored shape changes, bump `STORAGE_VERSION` to 2, write `fn v1_to_v2(Value) ->
/// Result<Value, StorageError>` and add the arm `1 => migrate(2, v1_to_v2(document)?)`:
/// a trip saved by any older build then climbs the chain step by step, and each step only
/// ever has to know two neighbouring shapes.
fn migrate(version: u32, document: Value) -> Result<Value, StorageError> {
    match version {
        STORAGE_VERSION => Ok(document),
        0 => Err(StorageError::Corrupt("version 0 never existed".to_string())),
        newer => Err(StorageError::NewerVersion(newer)),
    }
}

/// Decodes a document already migrated to [`STORAGE_VERSION`].
fn decode_current(document: Value) -> Result<Restored, StorageError> {
    let Value::Object(mut fields) = document else {
        return Err(StorageError::Corrupt("not a JSON object".to_string()));
    };
    let Some(Value::Array(entries)) = fields.remove("stops") else {
        return Err(StorageError::Corrupt("missing or non-array stops".to_string()));
    };
    let mut skipped = 0;
    let mut readable = Vec::with_capacity(entries.len());
    for entry in entries {
        match serde_json::from_value::<StopRef>(entry) {
            Ok(stop) if is_valid_id(id_of(&stop)) => readable.push(stop),
            _ => skipped += 1,
        }
    }
    let mut trip: Trip = readable.into_iter().collect();
    // The day splits are a preference: unreadable ones mean automatic days, never a lost trip.
    if let Some(Value::Array(starts)) = fields.remove("day_starts") {
        let starts = starts
            .into_iter()
            .filter_map(|s| serde_json::from_value::<StopRef>(s).ok())
            .collect();
        trip.set_day_starts(Some(starts));
    }
    Ok(Restored { trip, skipped })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spot(id: &str) -> StopRef {
        StopRef::Spot(id.to_string())
    }

    fn sales_point(id: &str) -> StopRef {
        StopRef::SalesPoint(id.to_string())
    }

    fn trip_of(stops: &[StopRef]) -> Trip {
        stops.iter().cloned().collect()
    }

    fn abcd() -> Trip {
        trip_of(&[spot("a"), spot("b"), sales_point("c"), spot("d")])
    }

    /// A place on a line at `km` kilometres east of the first, on an ordinary road.
    fn on_a_line(stop: StopRef, km: f64) -> Waypoint {
        Waypoint {
            stop,
            lat: 21.0,
            // ~104 km per degree of longitude at 21° N.
            lon: 107.0 + km / 104.0,
            district: "ha-long".into(),
            access: crate::model::Access::Road,
        }
    }

    /// Positions for `a`…`d` (`c` is a sales point): a at 0 km, b at 30, c at 10, d at 20;
    /// anything else is unknown to the dataset.
    fn positions(stop: &StopRef) -> Option<Waypoint> {
        match stop {
            StopRef::Spot(id) if id == "a" => Some(on_a_line(stop.clone(), 0.0)),
            StopRef::Spot(id) if id == "b" => Some(on_a_line(stop.clone(), 30.0)),
            StopRef::SalesPoint(id) if id == "c" => Some(on_a_line(stop.clone(), 10.0)),
            StopRef::Spot(id) if id == "d" => Some(on_a_line(stop.clone(), 20.0)),
            _ => None,
        }
    }

    #[test]
    fn optimise_keeps_the_first_stop_and_saves_time() {
        let mut trip = abcd();
        let plan = trip.optimise(&Network::default(), positions);
        // a (0 km) first, then c (10), d (20), b (30): one drive east.
        assert_eq!(plan.order, [0, 2, 3, 1]);
        assert!(plan.changed);
        assert!(plan.minutes_saved > 10.0, "{plan:?}");
        assert_eq!(trip.stops(), [spot("a"), sales_point("c"), spot("d"), spot("b")]);
        // One tap undoes it.
        assert!(trip.undo());
        assert_eq!(trip.stops(), abcd().stops());
    }

    #[test]
    fn optimise_keeps_unknown_stops_at_the_end_in_their_order() {
        let mut trip = trip_of(&[
            spot("a"),
            spot("gone-1"),
            spot("b"),
            sales_point("c"),
            spot("gone-2"),
        ]);
        let plan = trip.optimise(&Network::default(), positions);
        assert_eq!(plan.order, [0, 3, 2, 1, 4]);
        assert_eq!(
            trip.stops(),
            [
                spot("a"),
                sales_point("c"),
                spot("b"),
                spot("gone-1"),
                spot("gone-2")
            ]
        );
    }

    #[test]
    fn an_optimal_trip_is_left_alone() {
        let mut trip = trip_of(&[spot("a"), sales_point("c"), spot("d"), spot("b")]);
        let plan = trip.optimise(&Network::default(), positions);
        assert_eq!(plan.order, [0, 1, 2, 3]);
        assert!(!plan.changed);
        assert_eq!(plan.minutes_saved, 0.0);
        assert!(!trip.can_undo(), "nothing changed, nothing to undo");
        // No known place at all: nothing to plan with, nothing moves.
        let unknown = trip_of(&[spot("x"), spot("y")]);
        let plan = unknown.plan_optimise(&Network::default(), positions);
        assert_eq!((plan.order, plan.changed), (vec![0, 1], false));
    }

    /// Applies `edit`, checks it reported a change, then checks undo restores exactly.
    fn assert_edit_undoes(edit: impl FnOnce(&mut Trip) -> bool) {
        let original = abcd();
        let mut trip = original.clone();
        assert!(edit(&mut trip), "edit should change the trip");
        assert_ne!(trip.stops(), original.stops());
        assert!(trip.can_undo());
        assert!(trip.undo());
        assert_eq!(trip.stops(), original.stops());
        assert!(!trip.can_undo(), "undo is a single step");
        assert!(!trip.undo());
    }

    #[test]
    fn every_edit_is_undone_exactly() {
        assert_edit_undoes(|t| t.add(spot("e")));
        assert_edit_undoes(|t| t.add_all([spot("e"), spot("a"), sales_point("f")]) == 2);
        assert_edit_undoes(|t| t.remove(&sales_point("c")));
        assert_edit_undoes(|t| t.move_up(2));
        assert_edit_undoes(|t| t.move_down(0));
        assert_edit_undoes(|t| t.move_to(0, 3));
        assert_edit_undoes(|t| t.move_to(3, 1));
        assert_edit_undoes(|t| t.reverse());
        assert_edit_undoes(|t| t.apply_order(&[3, 1, 0, 2]));
        assert_edit_undoes(|t| t.clear());
    }

    #[test]
    fn edits_do_what_they_say() {
        let mut trip = abcd();
        assert!(trip.move_to(0, 2));
        assert_eq!(trip.stops(), &[spot("b"), sales_point("c"), spot("a"), spot("d")]);
        assert!(trip.move_up(1));
        assert_eq!(trip.stops(), &[sales_point("c"), spot("b"), spot("a"), spot("d")]);
        assert!(trip.apply_order(&[3, 2, 1, 0]));
        assert_eq!(trip.stops(), &[spot("d"), spot("a"), spot("b"), sales_point("c")]);
        assert!(trip.add(sales_point("a")), "same id, other kind, is another stop");
        assert_eq!(trip.len(), 5);
        assert!(trip.contains(&sales_point("a")));
    }

    #[test]
    fn no_op_edits_keep_the_undo_step() {
        let mut trip = abcd();
        assert!(trip.remove(&spot("d")));
        let after_remove = trip.clone();
        assert!(!trip.add(spot("a")), "already there");
        assert!(!trip.add(spot("Not Valid")), "invalid id");
        assert_eq!(trip.add_all([spot("a"), spot("b")]), 0);
        assert!(!trip.remove(&spot("zzz")));
        assert!(!trip.move_up(0));
        assert!(!trip.move_up(99));
        assert!(!trip.move_down(2));
        assert!(!trip.move_down(usize::MAX));
        assert!(!trip.move_to(1, 1));
        assert!(!trip.move_to(0, 3));
        assert!(!trip.move_to(usize::MAX, 0));
        assert!(trip.apply_order(&[0, 1, 2]), "identity is valid");
        assert_eq!(trip, after_remove, "no-ops change neither stops nor undo");
        assert!(trip.undo());
        assert_eq!(trip.stops(), abcd().stops());

        let mut empty = Trip::default();
        assert!(!empty.clear());
        assert!(!empty.reverse());
        assert!(!empty.can_undo());
        let mut single = trip_of(&[spot("a")]);
        assert!(!single.reverse());
    }

    #[test]
    fn apply_order_rejects_non_permutations() {
        for bad in [
            &[][..],
            &[0, 1, 2],
            &[0, 1, 2, 3, 4],
            &[0, 1, 1, 2],
            &[0, 1, 2, 4],
            &[usize::MAX; 4],
        ] {
            let mut trip = abcd();
            assert!(!trip.apply_order(bad), "{bad:?}");
            assert_eq!(trip, abcd());
        }
    }

    #[test]
    fn add_all_keeps_order_and_skips_duplicates() {
        let mut trip = trip_of(&[spot("b")]);
        let added = trip.add_all([spot("c"), spot("b"), spot("a"), spot("c"), spot("BAD")]);
        assert_eq!(added, 2);
        assert_eq!(trip.stops(), &[spot("b"), spot("c"), spot("a")]);
    }

    #[test]
    fn storage_round_trips_without_the_undo_step() {
        let mut trip = abcd();
        assert!(trip.reverse());
        let text = trip.to_storage();
        assert_eq!(
            text,
            r#"{"version":1,"stops":[{"spot":"d"},{"sales_point":"c"},{"spot":"b"},{"spot":"a"}]}"#
        );
        let restored = Trip::from_storage(&text).unwrap();
        assert_eq!(restored.skipped, 0);
        assert_eq!(restored.trip.stops(), trip.stops());
        assert!(!restored.trip.can_undo());

        let empty = Trip::from_storage(&Trip::default().to_storage()).unwrap();
        assert!(empty.trip.is_empty());
    }

    #[test]
    fn storage_refuses_corrupt_and_newer_documents() {
        for corrupt in [
            "",
            "{",
            "null",
            "[]",
            r#""text""#,
            r#"{"stops":[]}"#,
            r#"{"version":"1","stops":[]}"#,
            r#"{"version":1.5,"stops":[]}"#,
            r#"{"version":-1,"stops":[]}"#,
            r#"{"version":0,"stops":[]}"#,
            r#"{"version":1}"#,
            r#"{"version":1,"stops":{"spot":"a"}}"#,
            r#"{"version":1,"stops":"s.a"}"#,
            r#"{"version":99999999999,"stops":[]}"#,
        ] {
            assert!(
                matches!(Trip::from_storage(corrupt), Err(StorageError::Corrupt(_))),
                "{corrupt}"
            );
        }
        assert_eq!(
            Trip::from_storage(r#"{"version":2,"stops":"whatever v2 looks like"}"#),
            Err(StorageError::NewerVersion(2))
        );
        assert!(StorageError::NewerVersion(2).to_string().contains('2'));
    }

    #[test]
    fn storage_skips_bad_entries_and_drops_duplicates() {
        let text = r#"{"version":1,"stops":[
            {"spot":"a"}, {"spot":"A"}, {"sales_point":"b"}, {"spot":"a"}, {"spot":""},
            {"spot":"x y"}, 42, null, {"museum":"m"}, {"spot":7}, {"spot":"c","extra":1},
            {"sales_point":"c-2"}, {"spot":"-c"}
        ]}"#;
        let restored = Trip::from_storage(text).unwrap();
        assert_eq!(
            restored.trip.stops(),
            &[spot("a"), sales_point("b"), sales_point("c-2")]
        );
        assert_eq!(restored.skipped, 9);
    }

    /// Tiny deterministic generator (64-bit LCG), enough to vary ids and trip lengths.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, below: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % below.max(1)
        }

        fn id(&mut self) -> String {
            const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
            let words = 1 + self.next(3);
            let parts: Vec<String> = (0..words)
                .map(|_| {
                    (0..1 + self.next(8))
                        .map(|_| ALPHABET[self.next(ALPHABET.len())] as char)
                        .collect()
                })
                .collect();
            parts.join("-")
        }

        fn trip(&mut self) -> Trip {
            let len = self.next(MAX_SHARED_STOPS + 1);
            (0..len)
                .map(|_| {
                    if self.next(2) == 0 {
                        StopRef::Spot(self.id())
                    } else {
                        StopRef::SalesPoint(self.id())
                    }
                })
                .collect()
        }
    }

    #[test]
    fn query_round_trips_for_many_trips() {
        let mut random = Lcg(2024);
        for _ in 0..500 {
            let trip = random.trip();
            let query = trip.to_query();
            let shared = Trip::from_query(&query);
            assert_eq!(shared.rejected, 0, "{query}");
            assert_eq!(shared.stops, trip.stops(), "{query}");
            let restored: Trip = shared.stops.into_iter().collect();
            assert_eq!(restored.stops(), trip.stops());
        }
        assert_eq!(abcd().to_query(), "s.a,s.b,p.c,s.d");
        assert_eq!(Trip::default().to_query(), "");
    }

    #[test]
    fn hostile_queries_yield_only_valid_stops() {
        let long_id = format!("s.{}", "a".repeat(100_000));
        let many_commas = ",".repeat(100_000);
        let repeated = "s.a,".repeat(50_000);
        let cases: Vec<(&str, usize, usize)> = vec![
            ("", 0, 0),
            (",,,", 0, 4),
            ("s.", 0, 1),
            ("x.abc", 0, 1),
            ("s.ABC", 0, 1),
            ("s.a b", 0, 1),
            ("s.a.b", 0, 1),
            ("s", 0, 1),
            (".a", 0, 1),
            ("sp.a", 0, 1),
            ("S.a", 0, 1),
            ("s.-a", 0, 1),
            ("s.hạ-long,p.chợ", 0, 2),
            ("s.🦀,p.ok", 1, 1),
            ("s.a,s.a,p.a", 2, 0),
            (" s.a", 0, 1),
            ("s.a%2Cs.b", 0, 1),
            (&long_id, 0, 1),
            (&many_commas, 0, 100_001),
            (&repeated, 1, 1),
        ];
        for (query, stops, rejected) in cases {
            let shared = Trip::from_query(query);
            let shown: String = query.chars().take(40).collect();
            assert_eq!(shared.stops.len(), stops, "{shown}");
            assert_eq!(shared.rejected, rejected, "{shown}");
            assert!(shared.stops.iter().all(|s| is_valid_id(id_of(s))));
        }
    }

    #[test]
    fn query_keeps_at_most_the_first_hundred_stops() {
        let items: Vec<String> = (0..150).map(|i| format!("s.stop-{i}")).collect();
        let shared = Trip::from_query(&items.join(","));
        assert_eq!(shared.stops.len(), MAX_SHARED_STOPS);
        assert_eq!(shared.rejected, 50);
        assert_eq!(shared.stops[0], spot("stop-0"));
        assert_eq!(shared.stops[99], spot("stop-99"));
    }

    #[test]
    fn day_starts_are_stored_kept_to_the_trip_and_reset_by_a_new_order() {
        let mut trip = abcd();
        assert_eq!(trip.day_starts(), None);
        trip.set_day_starts(Some(vec![spot("d"), spot("nowhere")]));
        assert_eq!(trip.day_starts(), Some(&[spot("d")][..]));
        let text = trip.to_storage();
        assert!(text.contains("day_starts"), "{text}");
        let restored = Trip::from_storage(&text).unwrap().trip;
        assert_eq!(restored.day_starts(), Some(&[spot("d")][..]));
        assert_eq!(restored.stops(), trip.stops());
        // Unreadable splits are automatic days; the stops are all kept.
        let broken = r#"{"version":1,"stops":[{"spot":"a"}],"day_starts":[42]}"#;
        let restored = Trip::from_storage(broken).unwrap();
        assert_eq!((restored.trip.len(), restored.skipped), (1, 0));
        // Removing the stop removes its split; a new order resets them.
        trip.remove(&spot("d"));
        assert_eq!(trip.day_starts(), Some(&[][..]));
        trip.set_day_starts(Some(vec![spot("b")]));
        trip.optimise(&Network::default(), positions);
        assert_eq!(trip.day_starts(), None);
        // A trip without splits stores the version 1 document it always did.
        assert!(!abcd().to_storage().contains("day_starts"));
    }
}
