//! What the kiosk's home screen and its take-away view show: the category tiles with the
//! counts the catalog will show behind them, the places and routes nearest the kiosk, and
//! the take-away link with the size of its QR code's modules.

use super::Location;
use crate::catalog::{CatalogIndex, CatalogQuery, StarFilter};
use crate::model::{Dataset, ProductGroup, StopRef};
use crate::places::{route_places, Place};
use crate::shopping::ShoppingList;
use crate::travel::great_circle_km;

/// The take-away QR code is drawn at most this many CSS px a side (quiet zone included):
/// on a 1080-px-high kiosk that leaves room for the title, the count, the scan line and
/// "Back" without scrolling.
pub const TAKE_AWAY_QR_PX: u32 = 720;
/// No module smaller than this many CSS px, reached only by the longest links (30 products
/// and a 10-stop trip: 109 modules, 654 px). Phone cameras read modules of about 1/100 of
/// the scanning distance or more: 6 px is 1.7 mm on a 24-inch 1080p screen and 3.8 mm on a
/// 55-inch one; a typical take-away (a few products and stops) gets 10–16 px.
pub const TAKE_AWAY_MIN_MODULE_PX: u32 = 6;
/// Larger modules only make a short link's code needlessly big.
pub const TAKE_AWAY_MAX_MODULE_PX: u32 = 16;

/// Whole CSS px per module for a code `modules` wide (quiet zone included): as large as
/// fits [`TAKE_AWAY_QR_PX`], between [`TAKE_AWAY_MIN_MODULE_PX`] and
/// [`TAKE_AWAY_MAX_MODULE_PX`]. Whole pixels, so every module is drawn crisp, the same
/// size as its neighbours.
pub fn take_away_module_px(modules: usize) -> u32 {
    let fit = TAKE_AWAY_QR_PX / (modules.max(1) as u32);
    fit.clamp(TAKE_AWAY_MIN_MODULE_PX, TAKE_AWAY_MAX_MODULE_PX)
}

/// The link the take-away QR code carries: the list and the trip in the fragment of the
/// list page's address under `site` (origin and language prefix), as the list page's own
/// share link ([`crate::share`]).
pub fn take_away_link(site: &str, list: &ShoppingList, stops: &[StopRef]) -> String {
    format!("{site}/list#{}", crate::share::encode(list, stops))
}

/// The home screen's tiles, each with the number of products the catalog shows behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct HomeTiles {
    /// Groups with products, in the catalog's order.
    pub groups: Vec<(ProductGroup, usize)>,
    /// Products rated 5★ (`stars=5`; the catalog lists the national ones first).
    pub five_stars: usize,
    /// Of those, rated 5★ at national level.
    pub national: usize,
    /// Products in season in the month the tile links to (`month=`).
    pub in_season: usize,
}

impl HomeTiles {
    /// The catalog query behind a group's tile.
    pub fn group_query(group: ProductGroup) -> CatalogQuery {
        CatalogQuery {
            groups: [group].into(),
            ..CatalogQuery::default()
        }
    }

    pub fn five_stars_query() -> CatalogQuery {
        CatalogQuery {
            stars: [StarFilter::Five].into(),
            ..CatalogQuery::default()
        }
    }

    pub fn in_season_query(month: u8) -> CatalogQuery {
        CatalogQuery {
            month: Some(month),
            ..CatalogQuery::default()
        }
    }
}

/// The tiles for `month` (1–12), counted by the catalog itself so a tile never promises
/// another number than the page it opens.
pub fn home_tiles(dataset: &Dataset, catalog: &CatalogIndex, month: u8) -> HomeTiles {
    let count = |query: &CatalogQuery| catalog.run(query, None).total();
    let groups = ProductGroup::ALL
        .into_iter()
        .map(|g| (g, count(&HomeTiles::group_query(g))))
        .filter(|(_, n)| *n > 0)
        .collect();
    let five = catalog.run(&HomeTiles::five_stars_query(), None);
    let national = five
        .items
        .iter()
        .filter(|&&p| dataset.products[p].rating.is_national())
        .count();
    HomeTiles {
        groups,
        five_stars: five.total(),
        national,
        in_season: count(&HomeTiles::in_season_query(month)),
    }
}

/// One place or route and how far it is from the kiosk, as the crow flies.
#[derive(Clone, Debug, PartialEq)]
pub struct Nearby<T> {
    pub item: T,
    pub km: f64,
}

/// The places within `radius_km` of the kiosk, nearest first; when fewer than `at_least`
/// are that close, the nearest others make up the number (a kiosk at the edge of the map
/// still has something to offer). Ties keep `places` order.
pub fn nearby_places<'d>(
    places: &[Place<'d>],
    from: Location,
    radius_km: f64,
    at_least: usize,
) -> Vec<Nearby<Place<'d>>> {
    let mut all: Vec<Nearby<Place<'d>>> = places
        .iter()
        .map(|p| Nearby {
            km: great_circle_km((from.lat, from.lon), (p.coordinates.lat, p.coordinates.lon)),
            item: p.clone(),
        })
        .collect();
    all.sort_by(|a, b| a.km.total_cmp(&b.km));
    let within = all.iter().take_while(|n| n.km <= radius_km).count();
    all.truncate(within.max(at_least));
    all
}

/// Every route, by the distance from the kiosk to its nearest stop, nearest first (routes
/// without known stops last).
pub fn nearby_routes(dataset: &Dataset, from: Location) -> Vec<Nearby<usize>> {
    let mut routes: Vec<Nearby<usize>> = dataset
        .routes
        .iter()
        .enumerate()
        .map(|(i, route)| Nearby {
            item: i,
            km: route_places(dataset, route)
                .iter()
                .map(|p| great_circle_km((from.lat, from.lon), (p.coordinates.lat, p.coordinates.lon)))
                .min_by(f64::total_cmp)
                .unwrap_or(f64::INFINITY),
        })
        .collect();
    routes.sort_by(|a, b| a.km.total_cmp(&b.km));
    routes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::PlaceIndex;
    use crate::qr::qr_matrix;
    use crate::share::decode;
    use crate::test_fixtures::bundled;

    const YEN_TU: Location = Location {
        lat: 21.155,
        lon: 106.72,
    };

    #[test]
    fn tiles_count_what_the_catalog_shows_behind_them() {
        let data = bundled();
        let catalog = CatalogIndex::build(&data);
        let tiles = home_tiles(&data, &catalog, 3);
        let in_group = |g: ProductGroup| data.products.iter().filter(|p| p.group == g).count();
        assert!(!tiles.groups.is_empty());
        for (group, count) in &tiles.groups {
            assert_eq!(*count, in_group(*group), "{group:?}");
        }
        assert_eq!(
            tiles.groups.iter().map(|(_, n)| n).sum::<usize>(),
            data.products.len()
        );
        let five = data.products.iter().filter(|p| p.rating.stars == Some(5)).count();
        assert_eq!(tiles.five_stars, five);
        assert!(tiles.national > 0 && tiles.national <= tiles.five_stars);
        let march = data
            .products
            .iter()
            .filter(|p| p.season_months.contains(&3))
            .count();
        assert_eq!(tiles.in_season, march);
    }

    #[test]
    fn the_places_nearest_the_kiosk_come_first() {
        let data = bundled();
        let index = PlaceIndex::build(&data);
        let places = index.all(&data);
        let near = nearby_places(&places, YEN_TU, 15.0, 3);
        assert!(near.len() >= 3);
        assert_eq!(near[0].item.stop, StopRef::Spot("khu-di-tich-yen-tu".into()));
        assert!(near.windows(2).all(|w| w[0].km <= w[1].km));
        assert!(near.iter().all(|n| n.km <= 15.0) || near.len() == 3);
        // Nothing within 0.001 km: the three nearest anyway.
        let near = nearby_places(
            &places,
            Location {
                lat: 20.0,
                lon: 108.5,
            },
            0.001,
            3,
        );
        assert_eq!(near.len(), 3);
        assert!(near[0].km > 0.001);
    }

    #[test]
    fn routes_are_ordered_by_their_nearest_stop() {
        let data = bundled();
        let routes = nearby_routes(&data, YEN_TU);
        assert_eq!(routes.len(), data.routes.len());
        assert!(routes.windows(2).all(|w| w[0].km <= w[1].km));
        // The Yên Tử pilgrimage route stops at the relic site itself.
        assert!(routes[0].km < 1.0, "{:?}", routes[0]);
    }

    #[test]
    fn the_take_away_link_carries_list_and_trip_and_its_modules_stay_scannable() {
        let mut list = ShoppingList::default();
        let data = bundled();
        for p in data.products.iter().take(5) {
            list.add(&p.id);
        }
        let stops = [StopRef::Spot("khu-di-tich-yen-tu".into())];
        let link = take_away_link("https://ocop.example/en", &list, &stops);
        assert!(link.starts_with("https://ocop.example/en/list#"));
        let shared = decode(link.split_once('#').unwrap().1).unwrap();
        assert_eq!(shared.items.len(), 5);
        assert_eq!(shared.stops, stops);
        // A typical take-away: modules of 10 px or more, the code within its box.
        let modules = qr_matrix(&link).unwrap().view_box_size();
        let px = take_away_module_px(modules);
        assert!(px >= 10, "{px} px for {modules} modules");
        assert!(px * modules as u32 <= TAKE_AWAY_QR_PX);
        // Never below the minimum nor above the maximum, whatever the size.
        assert_eq!(take_away_module_px(177 + 8), TAKE_AWAY_MIN_MODULE_PX);
        assert_eq!(take_away_module_px(21 + 8), TAKE_AWAY_MAX_MODULE_PX);
        assert_eq!(take_away_module_px(0), TAKE_AWAY_MAX_MODULE_PX);
    }

    #[test]
    fn a_full_take_away_still_fits_a_1080p_screen() {
        // A long visit: 30 products and a 10-stop trip.
        let data = bundled();
        let mut list = ShoppingList::default();
        for p in data.products.iter().take(30) {
            list.add(&p.id);
        }
        let stops: Vec<StopRef> = data
            .spots
            .iter()
            .take(10)
            .map(|s| StopRef::Spot(s.id.clone()))
            .collect();
        let link = take_away_link("https://ocop.example/en", &list, &stops);
        let modules = qr_matrix(&link).unwrap().view_box_size() as u32;
        let side = modules * take_away_module_px(modules as usize);
        // Title, count, scan line and Back take under 300 px at kiosk size.
        assert!(side <= 1080 - 300, "{side} px");
    }
}
