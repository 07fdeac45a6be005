//! One answer to "where can I buy this?", for the product page, the shopping list's
//! grouping, its text copy and (later) the map.
//!
//! Before issue 19 the product page read only `where_to_buy.sales_points` and said "no shop
//! known" for the pearls, while the list filed the same pearls under the first spot that
//! lists them. Both were reading the data; they read different parts of it. This module is
//! the one reading, and every screen words its answer from [`WhereToBuy`].
//!
//! # What the data says, and in what order
//!
//! A product can be bought, according to the dataset:
//!
//! 1. at the **sales points** its `where_to_buy.sales_points` names (an OCOP centre or shop
//!    stocks it), in the order the record gives;
//! 2. **on site** at the spots whose `products` list it — the dataset defines that list as
//!    "made, grown or sold there" — saying which by the spot's kind ([`OnSite`]): grown or
//!    made at a farm, made in a craft village, sold at a market or a festival; spots that are
//!    an area rather than a business (an island, a bay, a heritage site) come after those,
//!    since a visitor has to ask around there;
//! 3. **online**, at the web shops `where_to_buy.online` lists.
//!
//! When none is known, the answer is [`WhereToBuy::nothing_known`]: the page says "no shop
//! known" and names the dataset's OCOP centres and shops (they "usually carry" local
//! specialties) — only those the dataset holds, the product's own district first, so the
//! hint is never a guess about a place the data does not have.

use crate::model::{Dataset, OnlineListing, SalesPointKind, SpotKind, StopRef};
use crate::places::PlaceIndex;

/// How a place comes to have the product, from the kind of record that links them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OnSite {
    /// A sales point whose record says it stocks the product.
    Stocked,
    /// A farm lists it: grown or made there.
    Grown,
    /// A craft village lists it: made there.
    Made,
    /// A market lists it: sold there.
    Sold,
    /// A festival ground lists it: sold while the festival is on.
    AtFestival,
    /// An area or a heritage site lists it: made or sold there, no particular shop.
    InTheArea,
}

impl OnSite {
    /// How the spot of `kind` has a product it lists.
    pub fn of_spot(kind: SpotKind) -> OnSite {
        match kind {
            SpotKind::Farm => OnSite::Grown,
            SpotKind::Village => OnSite::Made,
            SpotKind::Market => OnSite::Sold,
            SpotKind::Festival => OnSite::AtFestival,
            SpotKind::EcoTourism | SpotKind::Heritage => OnSite::InTheArea,
        }
    }

    /// A stable key for translations and tests (`stocked`, `grown`…).
    pub fn key(self) -> &'static str {
        match self {
            OnSite::Stocked => "stocked",
            OnSite::Grown => "grown",
            OnSite::Made => "made",
            OnSite::Sold => "sold",
            OnSite::AtFestival => "festival",
            OnSite::InTheArea => "area",
        }
    }

    /// Sales points first (they keep opening hours), then businesses, then areas.
    fn rank(self) -> u8 {
        match self {
            OnSite::Stocked => 0,
            OnSite::Grown | OnSite::Made | OnSite::Sold | OnSite::AtFestival => 1,
            OnSite::InTheArea => 2,
        }
    }
}

/// A place where the product can be bought, and how the data says it is there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outlet {
    pub stop: StopRef,
    pub how: OnSite,
}

/// Where one product can be bought, best first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WhereToBuy {
    /// Sales points, then spots that make or sell it, then areas; each in dataset order.
    pub places: Vec<Outlet>,
    /// Web shops, as the record lists them.
    pub online: Vec<OnlineListing>,
    /// Only when nothing above is known: the dataset's OCOP centres and shops, the
    /// product's district first, for "no shop known — OCOP centres usually carry …".
    pub ocop_centres: Vec<StopRef>,
}

impl WhereToBuy {
    /// True when the dataset names neither a place nor a web shop for the product.
    pub fn nothing_known(&self) -> bool {
        self.places.is_empty() && self.online.is_empty()
    }

    /// The best place to go, if any.
    pub fn first_place(&self) -> Option<&Outlet> {
        self.places.first()
    }
}

/// Where the product at `product` (an index into `dataset.products`) can be bought.
/// `places` must be built from `dataset`. An index out of range knows nothing.
pub fn where_to_buy(dataset: &Dataset, places: &PlaceIndex, product: usize) -> WhereToBuy {
    let Some(record) = dataset.products.get(product) else {
        return WhereToBuy::default();
    };
    let mut outlets: Vec<(u8, usize, Outlet)> = Vec::new();
    // The sales points in the record's own order (the editors put the main shop first).
    for (order, id) in record.where_to_buy.sales_points.iter().enumerate() {
        let stop = StopRef::SalesPoint(id.clone());
        if places.contains(&stop) && !outlets.iter().any(|(_, _, o)| o.stop == stop) {
            outlets.push((
                0,
                order,
                Outlet {
                    stop,
                    how: OnSite::Stocked,
                },
            ));
        }
    }
    for stop in places.places_of(product) {
        if let StopRef::Spot(id) = stop {
            if let Some(spot) = dataset.spot(id) {
                let how = OnSite::of_spot(spot.kind);
                let position = places.position(stop).unwrap_or(usize::MAX);
                outlets.push((
                    how.rank(),
                    position,
                    Outlet {
                        stop: stop.clone(),
                        how,
                    },
                ));
            }
        }
    }
    outlets.sort_by_key(|(rank, order, _)| (*rank, *order));
    let mut answer = WhereToBuy {
        places: outlets.into_iter().map(|(_, _, o)| o).collect(),
        online: record.where_to_buy.online.clone(),
        ocop_centres: Vec::new(),
    };
    if answer.nothing_known() {
        let district = record.locality.district.as_deref();
        let mut centres: Vec<(bool, usize, StopRef)> = dataset
            .sales_points
            .iter()
            .enumerate()
            .filter(|(_, p)| matches!(p.kind, SalesPointKind::OcopCentre | SalesPointKind::OcopShop))
            .map(|(i, p)| {
                let elsewhere = district.is_none() || p.locality.district.as_deref() != district;
                (elsewhere, i, StopRef::SalesPoint(p.id.clone()))
            })
            .collect();
        centres.sort();
        answer.ocop_centres = centres.into_iter().map(|(_, _, s)| s).collect();
    }
    answer
}

/// What a visitor can buy at a place: product indices with how the data says each is
/// there, in dataset order — the reverse of [`where_to_buy`] (a product is sold at a place
/// exactly when the place is among its [`WhereToBuy::places`]).
pub fn sold_at(dataset: &Dataset, places: &PlaceIndex, stop: &StopRef) -> Vec<(usize, OnSite)> {
    let how = match stop {
        StopRef::SalesPoint(_) => Some(OnSite::Stocked),
        StopRef::Spot(id) => dataset.spot(id).map(|s| OnSite::of_spot(s.kind)),
    };
    let Some(how) = how else {
        return Vec::new();
    };
    places.products_at(stop).iter().map(|&p| (p, how)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{OnlineChannel, OnlineListing};
    use crate::test_fixtures::bundled;

    fn index_of(data: &Dataset, id: &str) -> usize {
        data.products.iter().position(|p| p.id == id).unwrap()
    }

    fn spot(id: &str) -> StopRef {
        StopRef::Spot(id.into())
    }

    fn point(id: &str) -> StopRef {
        StopRef::SalesPoint(id.into())
    }

    /// The pearls: no shop in the data, listed by the Tùng Sâu pearl farm and by Hạ Long
    /// Bay. The farm (grown there) comes before the bay (an area), and no OCOP-centre hint
    /// is given, since a place is known.
    #[test]
    fn the_pearls_are_bought_at_the_pearl_farm_before_the_bay() {
        let data = bundled();
        let places = PlaceIndex::build(&data);
        for id in ["ngoc-trai-akoya", "ngoc-trai-tahiti", "ngoc-trai-southsea"] {
            let answer = where_to_buy(&data, &places, index_of(&data, id));
            assert_eq!(
                answer.places,
                [
                    Outlet {
                        stop: spot("trai-ngoc-trai-tung-sau"),
                        how: OnSite::Grown
                    },
                    Outlet {
                        stop: spot("vinh-ha-long"),
                        how: OnSite::InTheArea
                    },
                ],
                "{id}"
            );
            assert!(!answer.nothing_known());
            assert!(answer.ocop_centres.is_empty());
        }
    }

    /// A product no record links to anything gets the hint, naming only OCOP centres and
    /// shops the dataset holds (never the fair venue or a display point), its district's first.
    #[test]
    fn with_nothing_known_the_hint_names_the_datasets_ocop_centres_own_district_first() {
        let data = bundled();
        let places = PlaceIndex::build(&data);
        let lonely = data
            .products
            .iter()
            .enumerate()
            .find(|(p, r)| {
                places.places_of(*p).next().is_none()
                    && r.where_to_buy.online.is_empty()
                    && r.locality.district.as_deref() == Some("dong-trieu")
            })
            .map(|(p, _)| p)
            .expect("a Đông Triều product with no place");
        let answer = where_to_buy(&data, &places, lonely);
        assert!(answer.nothing_known());
        assert_eq!(
            answer.ocop_centres,
            [
                point("trung-tam-ocop-mao-khe"),
                point("trung-tam-ocop-ha-long"),
                point("diem-ban-ocop-go-ha-long"),
                point("cua-hang-ocop-dam-ha"),
            ]
        );
    }

    #[test]
    fn sales_points_come_first_in_record_order_then_spots_and_online_is_kept() {
        let mut data = bundled();
        let squid = index_of(&data, "muc-ong-co-to-kho");
        let record = &mut data.products[squid];
        record.where_to_buy.sales_points = vec![
            "cua-hang-ocop-dam-ha".into(),
            "no-such-shop".into(),
            "trung-tam-ocop-ha-long".into(),
            "cua-hang-ocop-dam-ha".into(),
        ];
        record.where_to_buy.online.push(OnlineListing {
            channel: OnlineChannel::ProducerSite,
            url: "https://example.org/muc".into(),
        });
        let places = PlaceIndex::build(&data);
        let answer = where_to_buy(&data, &places, squid);
        let stops: Vec<&StopRef> = answer.places.iter().map(|o| &o.stop).collect();
        assert_eq!(
            stops,
            [
                &point("cua-hang-ocop-dam-ha"),
                &point("trung-tam-ocop-ha-long"),
                &spot("dao-co-to"),
            ]
        );
        assert_eq!(answer.places[2].how, OnSite::InTheArea);
        assert_eq!(answer.online.len(), 1);
        assert!(answer.ocop_centres.is_empty());
    }

    /// A hand-made dataset: one product, listed by a market and a farm (the farm later in
    /// the data), and a product linked only online.
    #[test]
    fn on_a_small_dataset_businesses_keep_dataset_order_and_online_only_is_known() {
        let mut data = bundled();
        data.products.truncate(2);
        data.spots.truncate(0);
        data.sales_points.clear();
        let first = data.products[0].id.clone();
        let mut market = bundled()
            .spots
            .into_iter()
            .find(|s| s.kind == SpotKind::Market)
            .unwrap();
        market.products = vec![first.clone()];
        let mut farm = bundled()
            .spots
            .into_iter()
            .find(|s| s.kind == SpotKind::Farm)
            .unwrap();
        farm.products = vec![first];
        data.spots = vec![market.clone(), farm.clone()];
        data.products[0].where_to_buy = Default::default();
        data.products[1].where_to_buy = Default::default();
        data.products[1].where_to_buy.online.push(OnlineListing {
            channel: OnlineChannel::Shopee,
            url: "https://shopee.vn/x".into(),
        });
        let places = PlaceIndex::build(&data);
        let answer = where_to_buy(&data, &places, 0);
        assert_eq!(
            answer.places,
            [
                Outlet {
                    stop: spot(&market.id),
                    how: OnSite::Sold
                },
                Outlet {
                    stop: spot(&farm.id),
                    how: OnSite::Grown
                },
            ]
        );
        let online = where_to_buy(&data, &places, 1);
        assert!(online.places.is_empty() && !online.nothing_known());
        // No OCOP centre in this dataset: nothing to name, even though nothing is known.
        data.products[1].where_to_buy.online.clear();
        let nothing = where_to_buy(&data, &places, 1);
        assert!(nothing.nothing_known() && nothing.ocop_centres.is_empty());
        assert_eq!(where_to_buy(&data, &places, 99), WhereToBuy::default());
    }

    /// `sold_at` is the exact reverse of `where_to_buy`, on the bundled data and with shops.
    #[test]
    fn sold_at_is_the_reverse_of_where_to_buy() {
        let mut data = bundled();
        let squid = index_of(&data, "muc-ong-co-to-kho");
        data.products[squid]
            .where_to_buy
            .sales_points
            .push("trung-tam-ocop-ha-long".into());
        let places = PlaceIndex::build(&data);
        for stop in places.all(&data).into_iter().map(|p| p.stop) {
            let here = sold_at(&data, &places, &stop);
            for (p, _) in data.products.iter().enumerate() {
                let from_product = where_to_buy(&data, &places, p)
                    .places
                    .into_iter()
                    .find(|o| o.stop == stop)
                    .map(|o| o.how);
                let from_place = here.iter().find(|(q, _)| *q == p).map(|(_, how)| *how);
                assert_eq!(from_product, from_place, "{stop:?} {}", data.products[p].id);
            }
        }
        assert!(sold_at(&data, &places, &spot("nowhere")).is_empty());
    }
}
