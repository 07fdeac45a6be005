//! Planning the shopping: where each item on the list can be bought, grouped for a walk
//! through the shops, what the whole list may cost, and the list as plain text.
//!
//! [`crate::shopping`] holds the list itself (what the visitor wants); this module reads it
//! against a dataset and a trip, so the list page, its print view and its plain-text copy
//! all group and total the same way.
//!
//! # Where to buy, in the order the visitor will pass
//!
//! Each item goes in exactly one group, the first that applies:
//!
//! 1. the first place **on the visitor's trip** (in trip order) that makes or sells it —
//!    a sales point, or a spot such as a farm or a festival ground;
//! 2. otherwise the first place of [`crate::where_to_buy::where_to_buy`] — the answer the
//!    product page gives: a sales point that stocks it, else a farm, village, market or
//!    festival that makes or sells it, else an area that does (groups not on the trip come
//!    after the trip's: sales points, then spots, each in dataset order);
//! 3. otherwise **online**, when the dataset lists a shop on the web;
//! 4. otherwise **anywhere**: no place is known, ask at an OCOP shop;
//! 5. items whose product the dataset no longer has: **unavailable**, kept and shown last.
//!
//! One group per item keeps a shopping walk simple: nothing is listed twice, and ticking an
//! item off in the first shop that has it is what a visitor does anyway.
//!
//! # The estimate is a range, and says what it leaves out
//!
//! Prices in the dataset are sourced ranges per unit (a kilogram of golden-camellia tea, a
//! bottle of fish sauce). The estimate multiplies each range by the item's quantity *in that
//! unit* and adds them up; items without a price are counted, never guessed, so the page can
//! say "3 items have no known price".
//!
//! ```
//! use ocop_core::shopping::ShoppingList;
//! use ocop_core::shopping_plan::estimate;
//! # let dataset = ocop_core::Dataset::default();
//! let mut list = ShoppingList::default();
//! list.add("no-such-product");
//! let total = estimate(&list, &dataset);
//! assert_eq!((total.priced, total.unpriced, total.unavailable), (0, 0, 1));
//! ```

use crate::model::{Dataset, ProductGroup, StopRef};
use crate::places::PlaceIndex;
use crate::shopping::ShoppingList;
use crate::text::Lang;
use std::collections::HashMap;

/// How the list page groups items; the value of its `by` query parameter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupBy {
    #[default]
    WhereToBuy,
    Category,
}

impl GroupBy {
    /// The query-parameter value: `where` or `category`.
    pub fn key(self) -> &'static str {
        match self {
            GroupBy::WhereToBuy => "where",
            GroupBy::Category => "category",
        }
    }

    /// Reads a query-parameter value; anything unknown means the default.
    pub fn from_key(key: &str) -> GroupBy {
        match key {
            "category" => GroupBy::Category,
            _ => GroupBy::WhereToBuy,
        }
    }
}

/// What a group of items has in common.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupKey {
    /// A place (sales point or spot) where the items can be bought; `on_trip` when it is one
    /// of the visitor's stops.
    Place { stop: StopRef, on_trip: bool },
    /// No place known, but a web shop is.
    Online,
    /// No place or shop known.
    Anywhere,
    /// A product group (when grouping by category).
    Category(ProductGroup),
    /// Products the dataset no longer has.
    Unavailable,
}

/// Items sharing a [`GroupKey`], as indices into [`ShoppingList::items`], in list order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemGroup {
    pub key: GroupKey,
    pub items: Vec<usize>,
}

/// Products of a dataset by id, built once per grouping (the dataset may hold 50,000).
fn product_positions(dataset: &Dataset) -> HashMap<&str, usize> {
    dataset
        .products
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect()
}

/// Groups the list's items. See the module documentation for the order.
pub fn group_items(
    list: &ShoppingList,
    dataset: &Dataset,
    places: &PlaceIndex,
    trip: &[StopRef],
    by: GroupBy,
) -> Vec<ItemGroup> {
    let positions = product_positions(dataset);
    let keys: Vec<GroupKey> = list
        .items()
        .iter()
        .map(|item| match positions.get(item.product.as_str()) {
            None => GroupKey::Unavailable,
            Some(&p) => match by {
                GroupBy::Category => GroupKey::Category(dataset.products[p].group),
                GroupBy::WhereToBuy => where_to_buy(dataset, p, places, trip),
            },
        })
        .collect();

    let mut groups: Vec<ItemGroup> = Vec::new();
    for (index, key) in keys.into_iter().enumerate() {
        match groups.iter_mut().find(|g| g.key == key) {
            Some(group) => group.items.push(index),
            None => groups.push(ItemGroup {
                key,
                items: vec![index],
            }),
        }
    }
    groups.sort_by_key(|g| group_rank(&g.key, places, trip));
    groups
}

/// The first group that applies to one available product, from the one where-to-buy
/// answer ([`crate::where_to_buy`]) the product page shows too.
fn where_to_buy(dataset: &Dataset, position: usize, places: &PlaceIndex, trip: &[StopRef]) -> GroupKey {
    let answer = crate::where_to_buy::where_to_buy(dataset, places, position);
    if let Some(stop) = trip.iter().find(|s| answer.places.iter().any(|o| &o.stop == *s)) {
        return GroupKey::Place {
            stop: stop.clone(),
            on_trip: true,
        };
    }
    if let Some(outlet) = answer.first_place() {
        return GroupKey::Place {
            stop: outlet.stop.clone(),
            on_trip: false,
        };
    }
    if answer.online.is_empty() {
        GroupKey::Anywhere
    } else {
        GroupKey::Online
    }
}

/// Sort key: trip stops in trip order, other sales points then other spots in dataset
/// order, then online,
/// anywhere, categories in their declared order, unavailable last.
fn group_rank(key: &GroupKey, places: &PlaceIndex, trip: &[StopRef]) -> (u8, usize) {
    match key {
        GroupKey::Place { stop, on_trip: true } => (0, trip.iter().position(|s| s == stop).unwrap_or(0)),
        // Shops before the farms and villages that also sell: a shop keeps opening hours.
        GroupKey::Place { stop, on_trip: false } => {
            let shop_first = u8::from(matches!(stop, StopRef::Spot(_)));
            (1 + shop_first, places.position(stop).unwrap_or(usize::MAX))
        }
        GroupKey::Online => (3, 0),
        GroupKey::Anywhere => (4, 0),
        GroupKey::Category(group) => (
            5,
            ProductGroup::ALL
                .iter()
                .position(|g| g == group)
                .unwrap_or(usize::MAX),
        ),
        GroupKey::Unavailable => (6, 0),
    }
}

/// What the list may cost, from the sourced price ranges.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Estimate {
    /// Sum of quantity × lowest price over the priced items.
    pub min_vnd: u64,
    /// Sum of quantity × highest price over the priced items.
    pub max_vnd: u64,
    /// Items with a known price (counted once each, whatever their quantity).
    pub priced: usize,
    /// Items whose product has no known price: left out of the sums.
    pub unpriced: usize,
    /// Items whose product the dataset no longer has: left out of the sums.
    pub unavailable: usize,
}

impl Estimate {
    /// Whether any item had a price, i.e. whether the sums mean anything.
    pub fn has_prices(&self) -> bool {
        self.priced > 0
    }
}

/// Adds up quantity × price range for every item with a price. Sums saturate rather than
/// overflow (a hostile dataset could claim a price near `u64::MAX`).
pub fn estimate(list: &ShoppingList, dataset: &Dataset) -> Estimate {
    let positions = product_positions(dataset);
    let mut total = Estimate::default();
    for item in list.items() {
        let Some(&p) = positions.get(item.product.as_str()) else {
            total.unavailable += 1;
            continue;
        };
        match &dataset.products[p].price {
            Some(price) => {
                let (lo, hi) = if price.min_vnd <= price.max_vnd {
                    (price.min_vnd, price.max_vnd)
                } else {
                    (price.max_vnd, price.min_vnd)
                };
                let quantity = u64::from(item.quantity);
                total.min_vnd = total.min_vnd.saturating_add(lo.saturating_mul(quantity));
                total.max_vnd = total.max_vnd.saturating_add(hi.saturating_mul(quantity));
                total.priced += 1;
            }
            None => total.unpriced += 1,
        }
    }
    total
}

/// The list as plain text for a message or a note app: a heading, then one line per item
/// with a box (`[ ]`, or `[x]` when ticked off), the quantity, the name in `lang` and the
/// note. A product the dataset no longer has is named by its id followed by
/// `unavailable_label`, so nothing is dropped.
///
/// ```
/// use ocop_core::shopping::ShoppingList;
/// use ocop_core::shopping_plan::plain_text;
/// # let dataset = ocop_core::Dataset::default();
/// let mut list = ShoppingList::default();
/// list.add("cha-muc-ha-long");
/// list.set_note("cha-muc-ha-long", "500 g");
/// assert_eq!(
///     plain_text(&list, &dataset, ocop_core::Lang::En, "Shopping list", "(unavailable)"),
///     "Shopping list\n[ ] 1 × cha-muc-ha-long (unavailable) — 500 g\n"
/// );
/// ```
pub fn plain_text(
    list: &ShoppingList,
    dataset: &Dataset,
    lang: Lang,
    heading: &str,
    unavailable_label: &str,
) -> String {
    let positions = product_positions(dataset);
    let mut text = format!("{heading}\n");
    for item in list.items() {
        let name = match positions.get(item.product.as_str()) {
            Some(&p) => dataset.products[p].name.get(lang).to_string(),
            None => format!("{} {unavailable_label}", item.product),
        };
        let tick = if item.checked { "[x]" } else { "[ ]" };
        text.push_str(&format!("{tick} {} × {name}", item.quantity));
        if !item.note.is_empty() {
            text.push_str(&format!(" — {}", item.note));
        }
        text.push('\n');
    }
    text
}

/// The Vietnamese word for a price unit of the dataset (`kg`, `bottle`…), or `None` for a
/// unit this table does not know: a seller's phrase never mixes in an English word.
pub fn vi_unit(unit: &str) -> Option<&'static str> {
    Some(match unit.trim().to_ascii_lowercase().as_str() {
        "kg" | "kilogram" => "kg",
        "g" | "gram" => "g",
        "l" | "litre" | "liter" => "lít",
        "bottle" => "chai",
        "box" => "hộp",
        "jar" => "hũ",
        "pack" | "packet" => "gói",
        "bag" => "túi",
        "can" => "lon",
        "serving" => "suất",
        "piece" => "cái",
        _ => return None,
    })
}

/// What the visitor shows a seller, in Vietnamese: "Cho tôi mua 1 kg Chả mực Hạ Long."
/// With no unit (or one [`vi_unit`] does not know) a count before the name would need a
/// classifier word the data does not give, so the count goes after it:
/// "Cho tôi mua Ngọc trai Akoya, số lượng 2." (just the name for one).
///
/// ```
/// use ocop_core::shopping_plan::seller_phrase;
/// assert_eq!(seller_phrase(1, Some("kg"), "Chả mực Hạ Long"), "Cho tôi mua 1 kg Chả mực Hạ Long.");
/// assert_eq!(seller_phrase(1, None, "Ngọc trai Akoya"), "Cho tôi mua Ngọc trai Akoya.");
/// ```
pub fn seller_phrase(quantity: u32, unit: Option<&str>, vi_name: &str) -> String {
    let name = vi_name.trim();
    match unit.and_then(vi_unit) {
        Some(unit) => format!("Cho tôi mua {quantity} {unit} {name}."),
        None if quantity <= 1 => format!("Cho tôi mua {name}."),
        None => format!("Cho tôi mua {name}, số lượng {quantity}."),
    }
}

/// The words of one language's part of [`counter_text`], from the app's translations.
#[derive(Clone, Debug)]
pub struct TextLabels<'a> {
    pub lang: Lang,
    /// "Shopping list".
    pub heading: &'a str,
    /// Follows the id of a product the dataset no longer has: "(unavailable)".
    pub unavailable: &'a str,
    /// The heading of the products the dataset no longer has: "No longer in the data".
    pub unavailable_group: &'a str,
    /// The group of items only sold online.
    pub online: &'a str,
    /// The group of items with no known place or shop.
    pub anywhere: &'a str,
    /// The site's address in this language (`https://host/en`): product links start with it.
    pub site: &'a str,
}

/// The list as text for the counter and for messages, grouped as the list page groups it
/// (by where to buy): each group names its place and the sales point's address when the
/// data has one; each item has its quantity, its name, the Vietnamese name in brackets when
/// it differs, the note, and its product page's link. Written in the visitor's language,
/// then — unless that is Vietnamese — again in Vietnamese for the seller, after a blank line.
pub fn counter_text(
    list: &ShoppingList,
    dataset: &Dataset,
    places: &PlaceIndex,
    trip: &[StopRef],
    visitor: &TextLabels,
    vietnamese: &TextLabels,
) -> String {
    let mut text = text_block(list, dataset, places, trip, visitor);
    if visitor.lang != Lang::Vi {
        text.push('\n');
        text.push_str(&text_block(list, dataset, places, trip, vietnamese));
    }
    text
}

fn text_block(
    list: &ShoppingList,
    dataset: &Dataset,
    places: &PlaceIndex,
    trip: &[StopRef],
    labels: &TextLabels,
) -> String {
    let lang = labels.lang;
    let mut text = format!("{}\n", labels.heading);
    for group in group_items(list, dataset, places, trip, GroupBy::WhereToBuy) {
        let title = match &group.key {
            GroupKey::Place { stop, .. } => {
                let name = crate::places::place(dataset, stop).map_or("", |p| p.name.get(lang));
                let address = match stop {
                    StopRef::SalesPoint(id) => dataset.sales_point(id).and_then(|p| p.address.as_deref()),
                    StopRef::Spot(_) => None,
                };
                match address {
                    Some(address) => format!("{name} — {address}"),
                    None => name.to_string(),
                }
            }
            GroupKey::Online => labels.online.to_string(),
            GroupKey::Anywhere => labels.anywhere.to_string(),
            GroupKey::Category(_) => String::new(),
            GroupKey::Unavailable => labels.unavailable_group.to_string(),
        };
        text.push_str(&format!("\n{title}\n"));
        for &i in &group.items {
            let item = &list.items()[i];
            let tick = if item.checked { "[x]" } else { "[ ]" };
            let (name, link) = match dataset.product(&item.product) {
                Some(p) => {
                    let shown = p.name.get(lang);
                    let name = if shown == p.name.vi {
                        shown.to_string()
                    } else {
                        format!("{shown} ({})", p.name.vi)
                    };
                    (name, Some(format!("{}/p/{}", labels.site, p.id)))
                }
                None => (format!("{} {}", item.product, labels.unavailable), None),
            };
            text.push_str(&format!("{tick} {} × {name}", item.quantity));
            if !item.note.is_empty() {
                text.push_str(&format!(" — {}", item.note));
            }
            text.push('\n');
            if let Some(link) = link {
                text.push_str(&format!("    {link}\n"));
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{OnlineChannel, OnlineListing};
    use crate::test_fixtures::bundled;

    fn list_of(ids: &[&str]) -> ShoppingList {
        let mut list = ShoppingList::default();
        list.add_all(ids.iter().copied());
        list
    }

    fn spot(id: &str) -> StopRef {
        StopRef::Spot(id.into())
    }

    fn point(id: &str) -> StopRef {
        StopRef::SalesPoint(id.into())
    }

    /// The bundled data with `products` stocked at the Hạ Long OCOP centre. Since the data
    /// audit (issue 18, docs/data-audit.md) the bundled data links no product to a sales
    /// point, because no source names a brand there; these tests add the links they need.
    fn bundled_with_centre(products: &[&str]) -> Dataset {
        let mut data = bundled();
        for p in data
            .products
            .iter_mut()
            .filter(|p| products.contains(&p.id.as_str()))
        {
            p.where_to_buy.sales_points.push("trung-tam-ocop-ha-long".into());
        }
        data
    }

    fn ids<'a>(list: &'a ShoppingList, group: &ItemGroup) -> Vec<&'a str> {
        group
            .items
            .iter()
            .map(|&i| list.items()[i].product.as_str())
            .collect()
    }

    #[test]
    fn without_a_trip_items_go_to_their_sales_point_then_online_then_anywhere() {
        let data = bundled_with_centre(&["cha-muc-manh-ha", "ruoc-tom-van-don"]);
        let places = PlaceIndex::build(&data);
        // Online only; unknown place or shop; at the Hạ Long OCOP centre; gone from the data.
        let list = list_of(&[
            "tra-hoa-vang-quy-hoa",
            "ngoc-trai-akoya-gone",
            "cha-muc-manh-ha",
            "ruoc-tom-van-don",
        ]);
        let groups = group_items(&list, &data, &places, &[], GroupBy::WhereToBuy);
        let keys: Vec<GroupKey> = groups.iter().map(|g| g.key.clone()).collect();
        assert_eq!(
            keys,
            [
                // A shop before a place where it is made (the golden-camellia tea hill).
                GroupKey::Place {
                    stop: point("trung-tam-ocop-ha-long"),
                    on_trip: false
                },
                GroupKey::Place {
                    stop: spot("doi-che-duong-hoa"),
                    on_trip: false
                },
                GroupKey::Unavailable,
            ]
        );
        // Both Hạ Long centre items together, in list order.
        assert_eq!(ids(&list, &groups[0]), ["cha-muc-manh-ha", "ruoc-tom-van-don"]);
        assert_eq!(groups.last().unwrap().key, GroupKey::Unavailable);
        assert_eq!(ids(&list, groups.last().unwrap()), ["ngoc-trai-akoya-gone"]);
        // Every item is in exactly one group.
        let mut all: Vec<usize> = groups.iter().flat_map(|g| g.items.clone()).collect();
        all.sort();
        assert_eq!(all, (0..list.len()).collect::<Vec<_>>());
    }

    #[test]
    fn a_product_with_no_place_but_a_web_shop_is_online_and_one_with_neither_is_anywhere() {
        let mut data = bundled();
        let places = PlaceIndex::build(&data);
        let product = data
            .products
            .iter_mut()
            .find(|p| p.id == "tra-hoa-vang-quy-hoa")
            .unwrap();
        product.where_to_buy.sales_points.clear();
        // The bundled data has no web shop for it (issue 18 removed a homepage given as one).
        product.where_to_buy.online.push(OnlineListing {
            channel: OnlineChannel::ProducerSite,
            url: "https://example.org/tra-hoa-vang".into(),
        });
        // Rebuild without its spot link too, so only the web shop is left.
        for s in &mut data.spots {
            s.products.retain(|p| p != "tra-hoa-vang-quy-hoa");
        }
        let places_without = PlaceIndex::build(&data);
        let list = list_of(&["tra-hoa-vang-quy-hoa"]);
        let groups = group_items(&list, &data, &places_without, &[], GroupBy::WhereToBuy);
        assert_eq!(groups[0].key, GroupKey::Online);
        data.products
            .iter_mut()
            .find(|p| p.id == "tra-hoa-vang-quy-hoa")
            .unwrap()
            .where_to_buy
            .online
            .clear();
        let groups = group_items(&list, &data, &places_without, &[], GroupBy::WhereToBuy);
        assert_eq!(groups[0].key, GroupKey::Anywhere);
        // With its spot link the same product goes to the tea hill.
        let groups = group_items(&list, &data, &places, &[], GroupBy::WhereToBuy);
        assert_eq!(
            groups[0].key,
            GroupKey::Place {
                stop: spot("doi-che-duong-hoa"),
                on_trip: false
            }
        );
    }

    #[test]
    fn trip_stops_come_first_in_trip_order_and_win_over_other_places() {
        let data = bundled_with_centre(&["muc-ong-co-to-kho", "cha-muc-manh-ha"]);
        let places = PlaceIndex::build(&data);
        // Dried squid is sold at the Hạ Long centre (added above) and made on Cô Tô; chả mực
        // is at the centre; Sơn Dương guavas only at their farm.
        let list = list_of(&["oi-son-duong", "muc-ong-co-to-kho", "cha-muc-manh-ha"]);
        let trip = [spot("dao-co-to"), point("trung-tam-ocop-ha-long")];
        let groups = group_items(&list, &data, &places, &trip, GroupBy::WhereToBuy);
        assert_eq!(
            groups[0].key,
            GroupKey::Place {
                stop: spot("dao-co-to"),
                on_trip: true
            }
        );
        assert_eq!(ids(&list, &groups[0]), ["muc-ong-co-to-kho"]);
        assert_eq!(
            groups[1].key,
            GroupKey::Place {
                stop: point("trung-tam-ocop-ha-long"),
                on_trip: true
            }
        );
        assert_eq!(ids(&list, &groups[1]), ["cha-muc-manh-ha"]);
        assert_eq!(
            groups[2].key,
            GroupKey::Place {
                stop: spot("vuon-oi-son-duong"),
                on_trip: false
            }
        );
        // Reversing the trip reverses the first two groups.
        let reversed = [point("trung-tam-ocop-ha-long"), spot("dao-co-to")];
        let groups = group_items(&list, &data, &places, &reversed, GroupBy::WhereToBuy);
        assert_eq!(ids(&list, &groups[0]), ["muc-ong-co-to-kho", "cha-muc-manh-ha"]);
    }

    /// The list files the pearls where the product page sends the visitor (issue 19: they
    /// disagreed): the pearl farm that grows them, not the bay around it.
    #[test]
    fn the_list_files_the_pearls_where_the_product_page_sends_the_visitor() {
        let data = bundled();
        let places = PlaceIndex::build(&data);
        let list = list_of(&["ngoc-trai-akoya"]);
        let groups = group_items(&list, &data, &places, &[], GroupBy::WhereToBuy);
        let p = data
            .products
            .iter()
            .position(|p| p.id == "ngoc-trai-akoya")
            .unwrap();
        let page = crate::where_to_buy::where_to_buy(&data, &places, p);
        assert_eq!(
            groups[0].key,
            GroupKey::Place {
                stop: page.places[0].stop.clone(),
                on_trip: false
            }
        );
        assert_eq!(page.places[0].stop, spot("trai-ngoc-trai-tung-sau"));
    }

    #[test]
    fn grouping_by_category_follows_the_declared_group_order() {
        let data = bundled();
        let places = PlaceIndex::build(&data);
        let list = list_of(&[
            "tra-hoa-vang-ba-che",
            "gone-product",
            "cha-muc-manh-ha",
            "oi-son-duong",
        ]);
        let groups = group_items(&list, &data, &places, &[], GroupBy::Category);
        let keys: Vec<GroupKey> = groups.iter().map(|g| g.key.clone()).collect();
        assert_eq!(
            keys,
            [
                GroupKey::Category(ProductGroup::Food),
                GroupKey::Category(ProductGroup::Beverage),
                GroupKey::Unavailable
            ]
        );
        assert_eq!(ids(&list, &groups[0]), ["cha-muc-manh-ha", "oi-son-duong"]);
    }

    #[test]
    fn group_by_keys_round_trip_and_unknown_means_where_to_buy() {
        for by in [GroupBy::WhereToBuy, GroupBy::Category] {
            assert_eq!(GroupBy::from_key(by.key()), by);
        }
        assert_eq!(GroupBy::from_key("<script>"), GroupBy::WhereToBuy);
    }

    #[test]
    fn estimate_multiplies_ranges_by_quantity_and_counts_what_it_leaves_out() {
        let data = bundled();
        // Chả mực Mạnh Hà 350,000–400,000 ₫/kg; dried squid 1.8–1.9 M ₫/kg; guavas unpriced.
        let mut list = list_of(&[
            "cha-muc-manh-ha",
            "muc-ong-co-to-kho",
            "oi-son-duong",
            "gone-product",
        ]);
        list.set_quantity("cha-muc-manh-ha", 2);
        let total = estimate(&list, &data);
        assert_eq!(
            total,
            Estimate {
                min_vnd: 2 * 350_000 + 1_800_000,
                max_vnd: 2 * 400_000 + 1_900_000,
                priced: 2,
                unpriced: 1,
                unavailable: 1,
            }
        );
        assert!(total.has_prices());
        assert!(!estimate(&list_of(&["oi-son-duong"]), &data).has_prices());
    }

    #[test]
    fn estimate_saturates_instead_of_overflowing_and_orders_swapped_ends() {
        let mut data = bundled();
        let price = data
            .products
            .iter_mut()
            .find(|p| p.id == "cha-muc-manh-ha")
            .unwrap()
            .price
            .as_mut()
            .unwrap();
        price.min_vnd = u64::MAX;
        price.max_vnd = 5;
        let mut list = list_of(&["cha-muc-manh-ha"]);
        list.set_quantity("cha-muc-manh-ha", 999);
        let total = estimate(&list, &data);
        assert_eq!((total.min_vnd, total.max_vnd), (5 * 999, u64::MAX));
    }

    #[test]
    fn plain_text_names_items_in_the_language_and_keeps_unavailable_ones() {
        let data = bundled();
        let mut list = list_of(&["cha-muc-manh-ha", "gone-product"]);
        list.set_quantity("cha-muc-manh-ha", 2);
        list.set_note("cha-muc-manh-ha", "for Mum");
        list.toggle_checked("gone-product");
        let vi_name = data
            .product("cha-muc-manh-ha")
            .unwrap()
            .name
            .get(Lang::Vi)
            .to_string();
        assert_eq!(
            plain_text(&list, &data, Lang::Vi, "Danh sách mua sắm", "(không còn)"),
            format!("Danh sách mua sắm\n[ ] 2 × {vi_name} — for Mum\n[x] 1 × gone-product (không còn)\n")
        );
    }

    #[test]
    fn the_seller_phrase_puts_the_unit_before_the_name_and_the_count_after_it_without_one() {
        assert_eq!(
            seller_phrase(1, Some("kg"), "Chả mực Hạ Long"),
            "Cho tôi mua 1 kg Chả mực Hạ Long."
        );
        assert_eq!(
            seller_phrase(3, Some("bottle"), "Nước mắm Cái Rồng "),
            "Cho tôi mua 3 chai Nước mắm Cái Rồng."
        );
        assert_eq!(
            seller_phrase(1, None, "Ngọc trai Akoya"),
            "Cho tôi mua Ngọc trai Akoya."
        );
        assert_eq!(
            seller_phrase(2, None, "Ngọc trai Akoya"),
            "Cho tôi mua Ngọc trai Akoya, số lượng 2."
        );
        // An unknown unit is left out rather than put into the Vietnamese sentence.
        assert_eq!(
            seller_phrase(2, Some("crate"), "Ổi"),
            "Cho tôi mua Ổi, số lượng 2."
        );
        assert_eq!(vi_unit(" KG "), Some("kg"));
    }

    fn labels(lang: Lang, site: &'static str) -> TextLabels<'static> {
        TextLabels {
            lang,
            heading: if lang == Lang::Vi {
                "Danh sách mua sắm"
            } else {
                "Shopping list"
            },
            unavailable: "(gone)",
            unavailable_group: "Gone",
            online: "Online",
            anywhere: "Ask at an OCOP shop",
            site,
        }
    }

    #[test]
    fn counter_text_groups_by_shop_with_its_address_and_links_in_both_languages() {
        let data = bundled_with_centre(&["cha-muc-manh-ha"]);
        let places = PlaceIndex::build(&data);
        let mut list = list_of(&["ngoc-trai-akoya", "cha-muc-manh-ha", "gone-product"]);
        list.set_quantity("cha-muc-manh-ha", 2);
        list.set_note("cha-muc-manh-ha", "for Mum");
        let en = labels(Lang::En, "https://x.vn/en");
        let vi = labels(Lang::Vi, "https://x.vn");
        let text = counter_text(&list, &data, &places, &[], &en, &vi);
        let cha = data.product("cha-muc-manh-ha").unwrap();
        let pearl = data.product("ngoc-trai-akoya").unwrap();
        let expected_en = format!(
            "Shopping list\n\n\
             Ha Long OCOP Product Centre — Khu Đồn Điền, phường Hà Khẩu, TP Hạ Long\n\
             [ ] 2 × {} ({}) — for Mum\n    https://x.vn/en/p/cha-muc-manh-ha\n\n\
             Tung Sau pearl farm\n\
             [ ] 1 × Akoya pearls (Ngọc trai Akoya)\n    https://x.vn/en/p/ngoc-trai-akoya\n\n\
             Gone\n[ ] 1 × gone-product (gone)\n",
            cha.name.get(Lang::En),
            cha.name.vi
        );
        assert!(text.starts_with(&expected_en), "{text}");
        let vi_part = &text[expected_en.len()..];
        assert!(vi_part.starts_with("\nDanh sách mua sắm\n"), "{vi_part}");
        assert!(vi_part.contains(&format!(
            "[ ] 2 × {} — for Mum\n    https://x.vn/p/cha-muc-manh-ha\n",
            cha.name.vi
        )));
        assert!(vi_part.contains(&format!("Trại ngọc trai Tùng Sâu\n[ ] 1 × {}\n", pearl.name.vi)));
        // In Vietnamese the list is written once.
        let only_vi = counter_text(&list, &data, &places, &[], &vi, &vi);
        assert_eq!(only_vi.matches("Danh sách mua sắm").count(), 1);
    }
}
