//! Spots and sales points as one kind of *place*, linked both ways to products and routes.
//!
//! The map, the route pages and "My trip" all deal in places: a spot (a farm, a village, a
//! festival ground…) or a sales point (an OCOP centre, a shop). They share a name, a
//! position and a district, and both link to products: a spot lists what is made or sold
//! there, a sales point is named in a product's `where_to_buy`. [`PlaceIndex`] resolves
//! those links once per dataset, so pages never rescan the product list.
//!
//! ```
//! use ocop_core::places::{place, PlaceIndex};
//! use ocop_core::model::StopRef;
//! # let dataset: ocop_core::Dataset = serde_json::from_str(r#"{"schema_version":"1.0",
//! #   "meta":{"dataset_version":"t","generated_on":"2026-01-01","title":{"vi":"t"},"licence":"x","sources":[]},
//! #   "products":[],"producers":[],"spots":[],"sales_points":[],"routes":[]}"#).unwrap();
//! let places = PlaceIndex::build(&dataset);
//! let nowhere = StopRef::Spot("nowhere".into());
//! assert!(!places.contains(&nowhere) && place(&dataset, &nowhere).is_none());
//! assert!(places.products_at(&nowhere).is_empty());
//! ```

use crate::model::{Access, Coordinates, Dataset, Event, Image, Route, SalesPointKind, SpotKind, StopRef};
use crate::text::LocalText;
use std::collections::{BTreeSet, HashMap};

/// What kind of place it is; the map draws a different marker for each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Spot(SpotKind),
    SalesPoint(SalesPointKind),
}

impl PlaceKind {
    /// A stable key for CSS classes, filters and URLs (`farm`, `sales_point`…). All sales
    /// points share one key: visitors look for "where to buy", not for the kind of shop.
    pub fn key(self) -> &'static str {
        match self {
            PlaceKind::Spot(SpotKind::EcoTourism) => "eco_tourism",
            PlaceKind::Spot(SpotKind::Farm) => "farm",
            PlaceKind::Spot(SpotKind::Village) => "village",
            PlaceKind::Spot(SpotKind::Heritage) => "heritage",
            PlaceKind::Spot(SpotKind::Festival) => "festival",
            PlaceKind::Spot(SpotKind::Market) => "market",
            PlaceKind::SalesPoint(_) => "sales_point",
        }
    }
}

/// The marker kinds in the order the map's filter lists them.
pub const KIND_KEYS: &[&str] = &[
    "eco_tourism",
    "farm",
    "village",
    "heritage",
    "festival",
    "market",
    "sales_point",
];

/// A borrowed view of a spot or a sales point with what both have in common.
#[derive(Clone, Debug)]
pub struct Place<'a> {
    pub stop: StopRef,
    pub kind: PlaceKind,
    pub name: &'a LocalText,
    pub description: Option<&'a LocalText>,
    /// What it is in a sentence or two, when the data has one.
    pub summary: Option<&'a LocalText>,
    pub coordinates: Coordinates,
    /// `locality.district`, empty when unknown.
    pub district: &'a str,
    /// Sales points are reached by road.
    pub access: Access,
    /// Best months to visit (1–12); empty = all year or unknown. Sales points: empty.
    pub season_months: &'a [u8],
    pub season_note: Option<&'a LocalText>,
    pub events: &'a [Event],
    /// Photos with their attribution; usually none.
    pub images: &'a [Image],
}

impl Place<'_> {
    /// Whether a visit in `month` is in season: `None` when the place has no season (open
    /// all year, or the sources do not say), so the UI flags only what is known.
    pub fn in_season(&self, month: u8) -> Option<bool> {
        in_season(self.season_months, month)
    }

    /// Where it is, for travel estimates.
    pub fn waypoint(&self) -> crate::travel::Waypoint {
        crate::travel::Waypoint {
            stop: self.stop.clone(),
            lat: self.coordinates.lat,
            lon: self.coordinates.lon,
            district: self.district.to_string(),
            access: self.access,
        }
    }

    /// Events (festivals) usually held in `month`.
    pub fn events_in(&self, month: u8) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(move |e| e.months.contains(&month))
    }
}

/// `None` when `months` is empty (all year or unknown), else whether `month` is listed.
pub fn in_season(months: &[u8], month: u8) -> Option<bool> {
    (!months.is_empty()).then(|| months.contains(&month))
}

/// Places of a dataset with their links to products and routes, resolved once.
#[derive(Clone, Debug, Default)]
pub struct PlaceIndex {
    /// Every place in dataset order: spots first, then sales points.
    stops: Vec<StopRef>,
    position: HashMap<StopRef, usize>,
    /// Product indices (into `dataset.products`) linked to each place, in dataset order.
    products_at: Vec<Vec<usize>>,
    /// Place positions linked to each product: product `p`'s are
    /// `place_list[place_start[p]..place_start[p + 1]]`. One list for all products, not a
    /// list each: at 50,000 products, 50,000 small lists took more wasm memory (a header
    /// and an allocation each) than what they held.
    place_start: Vec<u32>,
    place_list: Vec<u32>,
    /// Route indices (into `dataset.routes`) that stop at each place.
    routes_at: Vec<Vec<usize>>,
}

impl PlaceIndex {
    pub fn build(dataset: &Dataset) -> PlaceIndex {
        let stops: Vec<StopRef> = dataset
            .spots
            .iter()
            .map(|s| StopRef::Spot(s.id.clone()))
            .chain(
                dataset
                    .sales_points
                    .iter()
                    .map(|p| StopRef::SalesPoint(p.id.clone())),
            )
            .collect();
        let position: HashMap<StopRef, usize> =
            stops.iter().enumerate().map(|(i, s)| (s.clone(), i)).collect();
        let product_position: HashMap<&str, usize> = dataset
            .products
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();

        let mut products_at = vec![BTreeSet::new(); stops.len()];
        for (i, spot) in dataset.spots.iter().enumerate() {
            for id in &spot.products {
                if let Some(&p) = product_position.get(id.as_str()) {
                    products_at[i].insert(p);
                }
            }
        }
        for (p, product) in dataset.products.iter().enumerate() {
            for point in &product.where_to_buy.sales_points {
                if let Some(&at) = position.get(&StopRef::SalesPoint(point.clone())) {
                    products_at[at].insert(p);
                }
            }
        }
        // Counted, then placed: each product's places in place order.
        let mut place_start = vec![0u32; dataset.products.len() + 1];
        for products in &products_at {
            for &p in products {
                place_start[p + 1] += 1;
            }
        }
        for p in 0..dataset.products.len() {
            place_start[p + 1] += place_start[p];
        }
        let mut next = place_start.clone();
        let mut place_list = vec![0u32; place_start[dataset.products.len()] as usize];
        for (at, products) in products_at.iter().enumerate() {
            for &p in products {
                place_list[next[p] as usize] = at as u32;
                next[p] += 1;
            }
        }
        let mut routes_at = vec![Vec::new(); stops.len()];
        for (r, route) in dataset.routes.iter().enumerate() {
            for stop in &route.stops {
                if let Some(&at) = position.get(&stop.place) {
                    if !routes_at[at].contains(&r) {
                        routes_at[at].push(r);
                    }
                }
            }
        }
        PlaceIndex {
            stops,
            position,
            products_at: products_at.into_iter().map(|s| s.into_iter().collect()).collect(),
            place_start,
            place_list,
            routes_at,
        }
    }

    /// Every place, spots first, in dataset order.
    pub fn all<'d>(&self, dataset: &'d Dataset) -> Vec<Place<'d>> {
        self.stops.iter().filter_map(|s| place(dataset, s)).collect()
    }

    /// Where a place comes in dataset order (spots first), for stable sorting.
    pub fn position(&self, stop: &StopRef) -> Option<usize> {
        self.position.get(stop).copied()
    }

    pub fn contains(&self, stop: &StopRef) -> bool {
        self.position.contains_key(stop)
    }

    /// Product indices linked to a place (empty for an unknown place).
    pub fn products_at(&self, stop: &StopRef) -> &[usize] {
        self.position.get(stop).map_or(&[], |&i| &self.products_at[i])
    }

    /// Places linked to a product, spots first.
    pub fn places_of(&self, product: usize) -> impl Iterator<Item = &StopRef> {
        let range = match (self.place_start.get(product), self.place_start.get(product + 1)) {
            (Some(&start), Some(&end)) => start as usize..end as usize,
            _ => 0..0,
        };
        self.place_list[range].iter().map(|&at| &self.stops[at as usize])
    }

    /// Route indices that stop at a place.
    pub fn routes_at(&self, stop: &StopRef) -> &[usize] {
        self.position.get(stop).map_or(&[], |&i| &self.routes_at[i])
    }

    /// Route indices that stop anywhere the product is made or sold.
    pub fn routes_of(&self, product: usize) -> Vec<usize> {
        let set: BTreeSet<usize> = self
            .places_of(product)
            .flat_map(|stop| self.routes_at(stop).iter().copied())
            .collect();
        set.into_iter().collect()
    }

    /// Products linked to any of `stops`, each once, in dataset order: the catalog's
    /// "on my trip" filter and a route's "add all to list".
    pub fn products_for(&self, stops: &[StopRef]) -> Vec<usize> {
        let set: BTreeSet<usize> = stops
            .iter()
            .flat_map(|s| self.products_at(s).iter().copied())
            .collect();
        set.into_iter().collect()
    }

    /// Places whose linked products include `product` (for the map's product filter).
    pub fn has_product(&self, stop: &StopRef, product: usize) -> bool {
        self.products_at(stop).binary_search(&product).is_ok()
    }
}

/// Looks a place up by reference.
pub fn place<'d>(dataset: &'d Dataset, stop: &StopRef) -> Option<Place<'d>> {
    match stop {
        StopRef::Spot(id) => dataset.spot(id).map(|s| Place {
            stop: stop.clone(),
            kind: PlaceKind::Spot(s.kind),
            name: &s.name,
            description: s.description.as_ref(),
            summary: s.summary.as_ref(),
            coordinates: s.coordinates,
            district: s.locality.district.as_deref().unwrap_or(""),
            access: s.access,
            season_months: &s.season_months,
            season_note: s.season_note.as_ref(),
            events: &s.events,
            images: &s.images,
        }),
        StopRef::SalesPoint(id) => dataset.sales_point(id).map(|p| Place {
            stop: stop.clone(),
            kind: PlaceKind::SalesPoint(p.kind),
            name: &p.name,
            description: p.description.as_ref(),
            summary: p.summary.as_ref(),
            coordinates: p.coordinates,
            district: p.locality.district.as_deref().unwrap_or(""),
            access: Access::Road,
            season_months: &[],
            season_note: None,
            events: &[],
            images: &p.images,
        }),
    }
}

/// The stops of a curated route that exist in the dataset, in route order.
pub fn route_places<'d>(dataset: &'d Dataset, route: &Route) -> Vec<Place<'d>> {
    route
        .stops
        .iter()
        .filter_map(|s| place(dataset, &s.place))
        .collect()
}

/// A place's URL path in the app: `/spot/<id>` or `/sales-point/<id>`.
pub fn place_path(stop: &StopRef) -> String {
    match stop {
        StopRef::Spot(id) => format!("/spot/{id}"),
        StopRef::SalesPoint(id) => format!("/sales-point/{id}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::bundled;

    #[test]
    fn spot_links_match_the_spot_record_and_sales_points_match_where_to_buy() {
        let data = bundled();
        let index = PlaceIndex::build(&data);
        for spot in &data.spots {
            let linked: Vec<&str> = index
                .products_at(&StopRef::Spot(spot.id.clone()))
                .iter()
                .map(|&p| data.products[p].id.as_str())
                .collect();
            let mut expected: Vec<&str> = data
                .products
                .iter()
                .filter(|p| spot.products.contains(&p.id))
                .map(|p| p.id.as_str())
                .collect();
            expected.dedup();
            assert_eq!(linked, expected, "{}", spot.id);
        }
        for point in &data.sales_points {
            let stop = StopRef::SalesPoint(point.id.clone());
            for (p, product) in data.products.iter().enumerate() {
                assert_eq!(
                    index.has_product(&stop, p),
                    product.where_to_buy.sales_points.contains(&point.id)
                );
            }
        }
    }

    #[test]
    fn links_go_both_ways() {
        let data = bundled();
        let index = PlaceIndex::build(&data);
        for (p, _) in data.products.iter().enumerate() {
            for stop in index.places_of(p) {
                assert!(index.products_at(stop).contains(&p));
            }
        }
        for place in index.all(&data) {
            for &p in index.products_at(&place.stop) {
                assert!(index.places_of(p).any(|s| s == &place.stop));
            }
        }
    }

    #[test]
    fn a_spot_and_a_sales_point_may_share_an_id_and_stay_distinct() {
        let data = bundled();
        let index = PlaceIndex::build(&data);
        let spot = StopRef::Spot("mui-sa-vi".into());
        let shop = StopRef::SalesPoint("mui-sa-vi".into());
        assert!(index.contains(&spot) && index.contains(&shop));
        assert_eq!(place(&data, &spot).unwrap().kind.key(), "eco_tourism");
        assert_eq!(place(&data, &shop).unwrap().kind.key(), "sales_point");
        assert_ne!(place_path(&spot), place_path(&shop));
    }

    #[test]
    fn routes_at_and_routes_of_agree_with_route_stops() {
        let data = bundled();
        let index = PlaceIndex::build(&data);
        for (r, route) in data.routes.iter().enumerate() {
            for stop in &route.stops {
                assert!(index.routes_at(&stop.place).contains(&r));
            }
            assert_eq!(route_places(&data, route).len(), route.stops.len());
        }
        let oi = data
            .products
            .iter()
            .position(|p| p.id.contains("oi"))
            .unwrap_or(0);
        for r in index.routes_of(oi) {
            let stops = &data.routes[r].stops;
            assert!(stops.iter().any(|s| index.has_product(&s.place, oi)));
        }
    }

    #[test]
    fn products_for_stops_are_unique_and_unknown_stops_add_nothing() {
        let data = bundled();
        let index = PlaceIndex::build(&data);
        let stops = vec![
            StopRef::Spot("vinh-ha-long".into()),
            StopRef::Spot("vinh-ha-long".into()),
            StopRef::Spot("no-such-place".into()),
        ];
        let products = index.products_for(&stops);
        assert_eq!(products.len(), index.products_at(&stops[0]).len());
        assert!(index
            .products_for(&[StopRef::SalesPoint("nope".into())])
            .is_empty());
    }

    #[test]
    fn season_is_unknown_when_no_months_are_given() {
        assert_eq!(in_season(&[], 3), None);
        assert_eq!(in_season(&[5, 6], 5), Some(true));
        assert_eq!(in_season(&[5, 6], 12), Some(false));
    }

    #[test]
    fn every_kind_key_is_listed_for_the_filter() {
        let data = bundled();
        for place in PlaceIndex::build(&data).all(&data) {
            assert!(KIND_KEYS.contains(&place.kind.key()));
        }
    }

    #[test]
    fn every_curated_route_has_finite_estimates_and_the_island_route_takes_the_ferry() {
        let data = bundled();
        let network = crate::network::Network::new(&data);
        for route in &data.routes {
            let places = route_places(&data, route);
            let estimate = network.path(&places.iter().map(Place::waypoint).collect::<Vec<_>>());
            assert_eq!(estimate.legs.len(), places.len() - 1, "{}", route.id);
            assert!(
                estimate.total_km.is_finite() && estimate.total_km > 0.0,
                "{}",
                route.id
            );
            assert!(
                estimate.total_minutes.is_finite() && estimate.total_minutes > 0.0,
                "{}",
                route.id
            );
            let expects_ferry = places.iter().any(|p| p.access == Access::Ferry);
            assert_eq!(estimate.ferry_legs > 0, expects_ferry, "{}", route.id);
        }
    }
}
