//! Catalog queries: filters, facet counts, sorting and the URL codec.
//!
//! A [`CatalogQuery`] is everything the catalog page's state is made of (search text,
//! facet selections, sort, page). It lives in the URL query string, so a view can be
//! bookmarked and shared: [`CatalogQuery::from_query_pairs`] reads it tolerantly (anything
//! unknown or malformed is ignored, never an error) and [`CatalogQuery::to_query_pairs`]
//! writes it canonically.
//!
//! ## Facets
//!
//! | facet (URL key)      | a product matches a value when…                                        |
//! |----------------------|------------------------------------------------------------------------|
//! | category (`group`, `sub`) | its group is a selected group **or** its subcategory a selected subcategory (one facet) |
//! | stars (`stars`)      | its [`StarFilter`]: 3/4/5 stated stars, `unpublished` = OCOP without a published rating; `evidence: "unconfirmed"` matches no value |
//! | area (`area`)        | `locality.district` is the selected [`crate::geo::DISTRICTS`] id        |
//! | where to buy (`buy`) | a listed sales point (`point:<id>`) or online channel (`online:<channel>`) |
//! | in season (`month`)  | `season_months` contains the month; **empty `season_months` never matches** (it means "all year or unknown", and tourists filter to find what is seasonal now) |
//! | price (`price`)      | `price.min_vnd` falls in the [`PriceBand`]; no price never matches      |
//! | producer type (`ptype`) | the product's producer (looked up in `dataset.producers`) has that type; no or unknown producer never matches |
//!
//! Values of one facet are OR-ed, facets are AND-ed, and the text search (the `text_hits`
//! given to [`run_query`]) is AND-ed with everything. Each facet value's count is the
//! number of products it would match *under all the other active filters* (the text
//! search included, the facet's own selection excluded), the usual "drill sideways" rule.
//!
//! ## Evaluating
//!
//! [`CatalogIndex::build`] digests a dataset once (interned ids, bitmasks, sort ranks);
//! [`CatalogIndex::run`] then answers a query with one pass over the products plus a sort
//! of the matches: each product gets a bitmask of the facets it fails, it is a result if
//! the mask is empty, and it counts towards facet F if F is the only facet it fails.
//! [`run_query`] is the one-shot convenience (build + run); the app should keep the index
//! next to the dataset and call [`CatalogIndex::run`] on every query change.

use crate::geo::DISTRICTS;
use crate::model::{Dataset, OnlineChannel, ProducerType, ProductGroup, Rating, SUBCATEGORIES};
use crate::text::Lang;
use crate::validate::is_valid_id;
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap, HashSet};

/// Longest search text kept from a URL (characters).
pub const MAX_TEXT_CHARS: usize = 200;
/// Highest page number accepted from a URL (1-based); larger numbers are clamped to it.
pub const MAX_PAGE: usize = 10_000;
/// Most values kept for a free-form facet (`sub`, `buy`) from a URL; the rest are ignored.
pub const MAX_VALUES: usize = 64;

// ---------------------------------------------------------------------------------------
// Facet values and their URL spellings
// ---------------------------------------------------------------------------------------

/// The star facet's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StarFilter {
    Three,
    Four,
    Five,
    /// An OCOP product (a source says so) whose rating no source states (`stars: null`).
    Unpublished,
}

impl StarFilter {
    /// Display order of the facet: 5★, 4★, 3★, unpublished.
    pub const ALL: [StarFilter; 4] = [
        StarFilter::Five,
        StarFilter::Four,
        StarFilter::Three,
        StarFilter::Unpublished,
    ];

    /// The URL value: `3`, `4`, `5`, `unpublished`.
    pub fn key(self) -> &'static str {
        match self {
            StarFilter::Three => "3",
            StarFilter::Four => "4",
            StarFilter::Five => "5",
            StarFilter::Unpublished => "unpublished",
        }
    }

    pub fn from_key(key: &str) -> Option<StarFilter> {
        StarFilter::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The value a rating matches, if any. Unconfirmed products (not shown as OCOP) match
    /// none; an OCOP product without stated stars is [`StarFilter::Unpublished`].
    pub fn of(rating: &Rating) -> Option<StarFilter> {
        if !rating.is_ocop() {
            return None;
        }
        match rating.stars {
            Some(3) => Some(StarFilter::Three),
            Some(4) => Some(StarFilter::Four),
            Some(5) => Some(StarFilter::Five),
            Some(_) => None,
            None => Some(StarFilter::Unpublished),
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// 0 = 5★ … 3 = unpublished; used by the star and relevance sorts.
    fn rank(self) -> u8 {
        match self {
            StarFilter::Five => 0,
            StarFilter::Four => 1,
            StarFilter::Three => 2,
            StarFilter::Unpublished => 3,
        }
    }
}

/// The "where to buy" facet's values.
///
/// Ordered sales points first (by id), then online channels (in declaration order).
/// `OnlineChannel` has no `Ord` in the model, so the order is implemented here by hand.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum BuyFilter {
    /// The id of a [`crate::model::SalesPoint`].
    SalesPoint(String),
    Online(OnlineChannel),
}

impl BuyFilter {
    /// The URL value: `point:<sales-point-id>` or `online:<channel>`.
    pub fn key(&self) -> String {
        match self {
            BuyFilter::SalesPoint(id) => format!("point:{id}"),
            BuyFilter::Online(c) => format!("online:{}", channel_key(*c)),
        }
    }

    /// Parses a URL value; the sales point id must be a valid id (it is not checked
    /// against a dataset here: an unknown point simply matches no product).
    pub fn from_key(key: &str) -> Option<BuyFilter> {
        if let Some(id) = key.strip_prefix("point:") {
            is_valid_id(id).then(|| BuyFilter::SalesPoint(id.to_string()))
        } else if let Some(c) = key.strip_prefix("online:") {
            channel_from_key(c).map(BuyFilter::Online)
        } else {
            None
        }
    }

    fn sort_key(&self) -> (usize, &str) {
        match self {
            BuyFilter::SalesPoint(id) => (0, id.as_str()),
            BuyFilter::Online(c) => (1 + channel_index(*c), ""),
        }
    }
}

impl PartialOrd for BuyFilter {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for BuyFilter {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

/// Price bands by `price.min_vnd`: `[0, 100k)`, `[100k, 500k)`, `[500k, 2M)`, `[2M, ∞)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PriceBand {
    Under100k,
    From100kTo500k,
    From500kTo2m,
    Over2m,
}

impl PriceBand {
    pub const ALL: [PriceBand; 4] = [
        PriceBand::Under100k,
        PriceBand::From100kTo500k,
        PriceBand::From500kTo2m,
        PriceBand::Over2m,
    ];

    /// The URL value: `lt100k`, `100k-500k`, `500k-2m`, `gt2m`.
    pub fn key(self) -> &'static str {
        match self {
            PriceBand::Under100k => "lt100k",
            PriceBand::From100kTo500k => "100k-500k",
            PriceBand::From500kTo2m => "500k-2m",
            PriceBand::Over2m => "gt2m",
        }
    }

    pub fn from_key(key: &str) -> Option<PriceBand> {
        PriceBand::ALL.into_iter().find(|b| b.key() == key)
    }

    /// The band of a price in đồng (lower bound inclusive, upper exclusive).
    pub fn of(min_vnd: u64) -> PriceBand {
        match min_vnd {
            0..100_000 => PriceBand::Under100k,
            100_000..500_000 => PriceBand::From100kTo500k,
            500_000..2_000_000 => PriceBand::From500kTo2m,
            _ => PriceBand::Over2m,
        }
    }

    /// `(from, to)` in đồng, `from` inclusive, `to` exclusive (`None` = no upper bound),
    /// for labels such as "100.000–500.000 ₫".
    pub fn bounds(self) -> (u64, Option<u64>) {
        match self {
            PriceBand::Under100k => (0, Some(100_000)),
            PriceBand::From100kTo500k => (100_000, Some(500_000)),
            PriceBand::From500kTo2m => (500_000, Some(2_000_000)),
            PriceBand::Over2m => (2_000_000, None),
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Text score (descending) when searching, products matched equally well
    /// ([`crate::search::strength`]) by rating: stated stars, more first, valid before lapsed
    /// (as of the dataset's `generated_on`), national first; then OCOP without stars, then
    /// unconfirmed. Without text: valid national 5★ first, then as [`SortOrder::Stars`]. Whatever
    /// the order, remaining ties keep dataset order.
    #[default]
    Relevance,
    /// Stars descending (5, 4, 3, unpublished, unconfirmed); among the same stars a valid
    /// (or not known to have lapsed) certificate before a lapsed one, as of the dataset's
    /// `generated_on`; then name. `rating.claimed` is never stars: a claim ranks as
    /// "unpublished" or "unconfirmed", as its badge reads.
    Stars,
    /// Name (Vietnamese, tone-insensitive), see [`name_sort_key`].
    Name,
    /// `price.min_vnd` ascending; products without a price last.
    PriceLow,
    /// `price.min_vnd` descending; products without a price last.
    PriceHigh,
}

impl SortOrder {
    pub const ALL: [SortOrder; 5] = [
        SortOrder::Relevance,
        SortOrder::Stars,
        SortOrder::Name,
        SortOrder::PriceLow,
        SortOrder::PriceHigh,
    ];

    /// The URL value: `relevance` (never written: it is the default), `stars`, `name`,
    /// `price-asc`, `price-desc`.
    pub fn key(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::Stars => "stars",
            SortOrder::Name => "name",
            SortOrder::PriceLow => "price-asc",
            SortOrder::PriceHigh => "price-desc",
        }
    }

    pub fn from_key(key: &str) -> Option<SortOrder> {
        SortOrder::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// The facets, in the order the filter panel and the chips row show them. `Group` and
/// `Subcategory` are two value lists of the one "category" facet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Facet {
    Group,
    Subcategory,
    Stars,
    Area,
    Buy,
    Month,
    Price,
    ProducerType,
}

impl Facet {
    pub const ALL: [Facet; 8] = [
        Facet::Group,
        Facet::Subcategory,
        Facet::Stars,
        Facet::Area,
        Facet::Buy,
        Facet::Month,
        Facet::Price,
        Facet::ProducerType,
    ];

    /// The URL key.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Group => "group",
            Facet::Subcategory => "sub",
            Facet::Stars => "stars",
            Facet::Area => "area",
            Facet::Buy => "buy",
            Facet::Month => "month",
            Facet::Price => "price",
            Facet::ProducerType => "ptype",
        }
    }

    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// Online channels in declaration order (the facet's display order).
pub const ONLINE_CHANNELS: [OnlineChannel; 8] = [
    OnlineChannel::Voso,
    OnlineChannel::Postmart,
    OnlineChannel::ProvincialExchange,
    OnlineChannel::Shopee,
    OnlineChannel::Tiki,
    OnlineChannel::Lazada,
    OnlineChannel::Sendo,
    OnlineChannel::ProducerSite,
];

/// Position in [`ONLINE_CHANNELS`] (exhaustive, so a new channel fails to compile here).
fn channel_index(c: OnlineChannel) -> usize {
    match c {
        OnlineChannel::Voso => 0,
        OnlineChannel::Postmart => 1,
        OnlineChannel::ProvincialExchange => 2,
        OnlineChannel::Shopee => 3,
        OnlineChannel::Tiki => 4,
        OnlineChannel::Lazada => 5,
        OnlineChannel::Sendo => 6,
        OnlineChannel::ProducerSite => 7,
    }
}

/// The snake_case name used in the JSON and the URL (`provincial_exchange`).
pub fn channel_key(c: OnlineChannel) -> &'static str {
    match c {
        OnlineChannel::Voso => "voso",
        OnlineChannel::Postmart => "postmart",
        OnlineChannel::ProvincialExchange => "provincial_exchange",
        OnlineChannel::Shopee => "shopee",
        OnlineChannel::Tiki => "tiki",
        OnlineChannel::Lazada => "lazada",
        OnlineChannel::Sendo => "sendo",
        OnlineChannel::ProducerSite => "producer_site",
    }
}

pub fn channel_from_key(key: &str) -> Option<OnlineChannel> {
    ONLINE_CHANNELS.into_iter().find(|c| channel_key(*c) == key)
}

/// Producer types in the facet's display order.
pub const PRODUCER_TYPES: [ProducerType; 3] = [
    ProducerType::Company,
    ProducerType::Cooperative,
    ProducerType::Household,
];

fn producer_type_index(t: ProducerType) -> usize {
    match t {
        ProducerType::Company => 0,
        ProducerType::Cooperative => 1,
        ProducerType::Household => 2,
    }
}

/// The snake_case name used in the JSON and the URL (`cooperative`).
pub fn producer_type_key(t: ProducerType) -> &'static str {
    match t {
        ProducerType::Company => "company",
        ProducerType::Cooperative => "cooperative",
        ProducerType::Household => "household",
    }
}

pub fn producer_type_from_key(key: &str) -> Option<ProducerType> {
    PRODUCER_TYPES.into_iter().find(|t| producer_type_key(*t) == key)
}

pub fn group_from_key(key: &str) -> Option<ProductGroup> {
    ProductGroup::ALL.into_iter().find(|g| g.key() == key)
}

/// Subcategory keys are snake_case (`rice_noodles`); hyphens and digits are allowed too.
fn is_subcategory_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 64
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

fn district_index(id: &str) -> Option<usize> {
    DISTRICTS.iter().position(|d| d.id == id)
}

fn parse_month(value: &str) -> Option<u8> {
    if value.is_empty() || value.len() > 2 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse::<u8>().ok().filter(|m| (1..=12).contains(m))
}

/// One parsed facet value.
enum Value {
    Group(ProductGroup),
    Sub(String),
    Stars(StarFilter),
    Area(String),
    Buy(BuyFilter),
    Month(u8),
    Price(PriceBand),
    ProducerType(ProducerType),
}

impl Value {
    /// Parses a URL value of `facet`; `None` when it is not a valid id or enum value.
    fn parse(facet: Facet, raw: &str) -> Option<Value> {
        let raw = raw.trim();
        match facet {
            Facet::Group => group_from_key(raw).map(Value::Group),
            Facet::Subcategory => is_subcategory_key(raw).then(|| Value::Sub(raw.to_string())),
            Facet::Stars => StarFilter::from_key(raw).map(Value::Stars),
            Facet::Area => district_index(raw).map(|i| Value::Area(DISTRICTS[i].id.to_string())),
            Facet::Buy => BuyFilter::from_key(raw).map(Value::Buy),
            Facet::Month => parse_month(raw).map(Value::Month),
            Facet::Price => PriceBand::from_key(raw).map(Value::Price),
            Facet::ProducerType => producer_type_from_key(raw).map(Value::ProducerType),
        }
    }
}

/// Search text as kept: control characters dropped, at most [`MAX_TEXT_CHARS`]
/// characters, and blank text is no text. Other whitespace is kept as typed.
fn clean_text(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_TEXT_CHARS)
        .collect();
    if cleaned.trim().is_empty() {
        String::new()
    } else {
        cleaned
    }
}

// ---------------------------------------------------------------------------------------
// The query and its URL codec
// ---------------------------------------------------------------------------------------

/// Narrows the search hits (or, with no search text, the whole catalog) to the products in
/// `allowed` (sorted product indices), for the "on my trip" filter. Facet counts then count
/// only those products, as with any other filter.
pub fn restrict_to(text_hits: Option<Vec<(usize, u32)>>, allowed: &[usize]) -> Vec<(usize, u32)> {
    match text_hits {
        Some(hits) => hits
            .into_iter()
            .filter(|(i, _)| allowed.binary_search(i).is_ok())
            .collect(),
        None => allowed.iter().map(|&i| (i, 0)).collect(),
    }
}

/// The catalog page's state. See the module docs for the meaning of each facet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogQuery {
    /// Search text (`q`); searching itself is done by the caller, see [`run_query`].
    pub text: String,
    /// Category facet, part 1: a product passes if both `groups` and `subcategories` are
    /// empty, or its group is in `groups`, or its subcategory is in `subcategories`.
    pub groups: BTreeSet<ProductGroup>,
    /// Category facet, part 2 (see `groups`).
    pub subcategories: BTreeSet<String>,
    pub stars: BTreeSet<StarFilter>,
    /// District ids from [`crate::geo::DISTRICTS`].
    pub areas: BTreeSet<String>,
    pub buy: BTreeSet<BuyFilter>,
    /// In season that month (1–12). Products with empty `season_months` (all year or
    /// unknown) are *not* known to be in season and do not match.
    pub month: Option<u8>,
    pub prices: BTreeSet<PriceBand>,
    pub producer_types: BTreeSet<ProducerType>,
    /// Only products made or sold at a stop of the visitor's trip (`trip=1`). The trip
    /// lives in the browser, so the caller narrows the products with [`restrict_to`].
    pub on_trip: bool,
    pub sort: SortOrder,
    /// 0-based page (1-based in the URL). Not a filter: see [`CatalogResults::page`].
    pub page: usize,
}

/// One active facet value, for the row of removable chips.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Chip {
    pub facet: Facet,
    /// The value as written in the URL (`food`, `5`, `point:ocop-ha-long`, `7`…).
    pub value: String,
}

impl CatalogQuery {
    /// Reads a query from already percent-decoded URL pairs.
    ///
    /// Tolerant by design: unknown keys (e.g. the app's `lang`), invalid values and
    /// duplicates are ignored. Multi-valued facets accept repeated keys
    /// (`group=food&group=beverage`) and comma-separated values (`group=food,beverage`),
    /// merged. For single-valued keys (`q`, `month`, `sort`, `page`) the first valid value
    /// wins. `q` is cut to [`MAX_TEXT_CHARS`] characters, `page` clamped to [`MAX_PAGE`],
    /// `sub` and `buy` keep at most [`MAX_VALUES`] values each.
    pub fn from_query_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> CatalogQuery {
        let mut q = CatalogQuery::default();
        let (mut sort_seen, mut page_seen) = (false, false);
        for (key, value) in pairs {
            match key {
                "q" => {
                    if q.text.is_empty() {
                        q.text = clean_text(value);
                    }
                }
                "sort" => {
                    if !sort_seen {
                        if let Some(sort) = SortOrder::from_key(value.trim()) {
                            q.sort = sort;
                            sort_seen = true;
                        }
                    }
                }
                "trip" => q.on_trip |= value.trim() == "1",
                "page" => {
                    if !page_seen {
                        if let Some(page) = parse_page(value) {
                            q.page = page;
                            page_seen = true;
                        }
                    }
                }
                _ => {
                    if let Some(facet) = Facet::from_key(key) {
                        for token in value.split(',') {
                            if facet == Facet::Month && q.month.is_some() {
                                break;
                            }
                            if let Some(v) = Value::parse(facet, token) {
                                q.insert(v);
                            }
                        }
                    }
                }
            }
        }
        q
    }

    /// The canonical URL pairs: keys in the order `q`, `group`, `sub`, `stars`, `area`,
    /// `buy`, `month`, `price`, `ptype`, `trip`, `sort`, `page`; multiple values comma-separated in
    /// sorted order; defaults (no text, no selection, relevance, first page) omitted.
    /// `from_query_pairs(to_query_pairs(q)) == q` for every query whose text is as
    /// [`from_query_pairs`](Self::from_query_pairs) would keep it.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        fn join<'b>(values: impl Iterator<Item = &'b str>) -> String {
            values.collect::<Vec<_>>().join(",")
        }
        let mut out = Vec::new();
        let text = clean_text(&self.text);
        if !text.is_empty() {
            out.push(("q", text));
        }
        if !self.groups.is_empty() {
            out.push(("group", join(self.groups.iter().map(|g| g.key()))));
        }
        if !self.subcategories.is_empty() {
            out.push(("sub", join(self.subcategories.iter().map(String::as_str))));
        }
        if !self.stars.is_empty() {
            out.push(("stars", join(self.stars.iter().map(|s| s.key()))));
        }
        if !self.areas.is_empty() {
            out.push(("area", join(self.areas.iter().map(String::as_str))));
        }
        if !self.buy.is_empty() {
            let keys: Vec<String> = self.buy.iter().map(BuyFilter::key).collect();
            out.push(("buy", keys.join(",")));
        }
        if let Some(m) = self.month {
            out.push(("month", m.to_string()));
        }
        if !self.prices.is_empty() {
            out.push(("price", join(self.prices.iter().map(|p| p.key()))));
        }
        if !self.producer_types.is_empty() {
            out.push((
                "ptype",
                join(self.producer_types.iter().map(|t| producer_type_key(*t))),
            ));
        }
        if self.on_trip {
            out.push(("trip", "1".to_string()));
        }
        if self.sort != SortOrder::Relevance {
            out.push(("sort", self.sort.key().to_string()));
        }
        if self.page > 0 {
            out.push(("page", (self.page.min(MAX_PAGE - 1) + 1).to_string()));
        }
        out
    }

    /// Whether any facet is active (text, sort and page do not count).
    pub fn is_filtered(&self) -> bool {
        !(self.groups.is_empty()
            && self.subcategories.is_empty()
            && self.stars.is_empty()
            && self.areas.is_empty()
            && self.buy.is_empty()
            && self.month.is_none()
            && self.prices.is_empty()
            && self.producer_types.is_empty()
            && !self.on_trip)
    }

    /// One chip per active facet value, facets in [`Facet::ALL`] order; within a facet in
    /// the filter panel's order (stars 5→3→unpublished, areas in district order), else
    /// sorted.
    pub fn chips(&self) -> Vec<Chip> {
        let mut chips = Vec::new();
        let mut push = |facet: Facet, value: &str| {
            chips.push(Chip {
                facet,
                value: value.to_string(),
            })
        };
        for g in &self.groups {
            push(Facet::Group, g.key());
        }
        for s in &self.subcategories {
            push(Facet::Subcategory, s);
        }
        for s in StarFilter::ALL.into_iter().filter(|s| self.stars.contains(s)) {
            push(Facet::Stars, s.key());
        }
        for d in DISTRICTS.iter().filter(|d| self.areas.contains(d.id)) {
            push(Facet::Area, d.id);
        }
        for b in &self.buy {
            push(Facet::Buy, &b.key());
        }
        if let Some(m) = self.month {
            push(Facet::Month, &m.to_string());
        }
        for p in &self.prices {
            push(Facet::Price, p.key());
        }
        for t in &self.producer_types {
            push(Facet::ProducerType, producer_type_key(*t));
        }
        chips
    }

    /// This query without the chip's value, back on the first page.
    pub fn without(&self, chip: &Chip) -> CatalogQuery {
        let mut q = self.clone();
        if let Some(v) = Value::parse(chip.facet, &chip.value) {
            q.remove(&v);
        }
        q.page = 0;
        q
    }

    /// Adds the value if absent, removes it if present (for [`Facet::Month`]: sets that
    /// month, or unsets it if it is the current one), back on the first page. An invalid
    /// value leaves the query unchanged.
    pub fn toggled(&self, facet: Facet, value: &str) -> CatalogQuery {
        let Some(v) = Value::parse(facet, value) else {
            return self.clone();
        };
        let mut q = self.clone();
        if q.contains(&v) {
            q.remove(&v);
        } else if let Value::Month(m) = v {
            q.month = Some(m);
        } else {
            q.insert(v);
        }
        q.page = 0;
        q
    }

    /// Every facet cleared; text and sort kept, back on the first page.
    pub fn cleared(&self) -> CatalogQuery {
        CatalogQuery {
            text: self.text.clone(),
            sort: self.sort,
            ..CatalogQuery::default()
        }
    }

    /// Inserts a value (the month only if none is set); free-form sets are capped.
    fn insert(&mut self, v: Value) {
        match v {
            Value::Group(g) => {
                self.groups.insert(g);
            }
            Value::Sub(s) => {
                if self.subcategories.len() < MAX_VALUES {
                    self.subcategories.insert(s);
                }
            }
            Value::Stars(s) => {
                self.stars.insert(s);
            }
            Value::Area(a) => {
                self.areas.insert(a);
            }
            Value::Buy(b) => {
                if self.buy.len() < MAX_VALUES {
                    self.buy.insert(b);
                }
            }
            Value::Month(m) => {
                self.month.get_or_insert(m);
            }
            Value::Price(p) => {
                self.prices.insert(p);
            }
            Value::ProducerType(t) => {
                self.producer_types.insert(t);
            }
        }
    }

    fn contains(&self, v: &Value) -> bool {
        match v {
            Value::Group(g) => self.groups.contains(g),
            Value::Sub(s) => self.subcategories.contains(s),
            Value::Stars(s) => self.stars.contains(s),
            Value::Area(a) => self.areas.contains(a),
            Value::Buy(b) => self.buy.contains(b),
            Value::Month(m) => self.month == Some(*m),
            Value::Price(p) => self.prices.contains(p),
            Value::ProducerType(t) => self.producer_types.contains(t),
        }
    }

    fn remove(&mut self, v: &Value) {
        match v {
            Value::Group(g) => {
                self.groups.remove(g);
            }
            Value::Sub(s) => {
                self.subcategories.remove(s);
            }
            Value::Stars(s) => {
                self.stars.remove(s);
            }
            Value::Area(a) => {
                self.areas.remove(a);
            }
            Value::Buy(b) => {
                self.buy.remove(b);
            }
            Value::Month(m) => {
                if self.month == Some(*m) {
                    self.month = None;
                }
            }
            Value::Price(p) => {
                self.prices.remove(p);
            }
            Value::ProducerType(t) => {
                self.producer_types.remove(t);
            }
        }
    }
}

/// `1`…`MAX_PAGE` (plain digits only) → 0-based page; larger numbers are clamped.
fn parse_page(value: &str) -> Option<usize> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = value.trim_start_matches('0');
    if digits.is_empty() {
        return None; // page 0 does not exist
    }
    let page = if digits.len() > 6 {
        MAX_PAGE
    } else {
        digits.parse::<usize>().ok()?.min(MAX_PAGE)
    };
    Some(page - 1)
}

// ---------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------

/// Per-facet value counts under the other active filters. Each list holds every value
/// with a count above zero plus every selected value (possibly with 0, so it can be
/// unselected), in the filter panel's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// In [`ProductGroup::ALL`] order.
    pub groups: Vec<(ProductGroup, usize)>,
    /// Known subcategories in [`SUBCATEGORIES`] order, then others alphabetically, then
    /// selected ones the dataset does not use.
    pub subcategories: Vec<(String, usize)>,
    /// 5★, 4★, 3★, unpublished.
    pub stars: Vec<(StarFilter, usize)>,
    /// National 5★ products among the 5★ count (same filters).
    pub national: usize,
    /// In [`crate::geo::DISTRICTS`] order.
    pub areas: Vec<(String, usize)>,
    /// Sales points in dataset order, then selected points the dataset does not have,
    /// then online channels in [`ONLINE_CHANNELS`] order.
    pub buy: Vec<(BuyFilter, usize)>,
    /// `months[m - 1]`: products in season in month `m`.
    pub months: [usize; 12],
    /// In [`PriceBand::ALL`] order.
    pub prices: Vec<(PriceBand, usize)>,
    /// Company, cooperative, household.
    pub producer_types: Vec<(ProducerType, usize)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogResults {
    /// Indices into `dataset.products` of all matching products, in display order.
    pub items: Vec<usize>,
    pub facets: FacetCounts,
}

impl CatalogResults {
    pub fn total(&self) -> usize {
        self.items.len()
    }

    /// The items of 0-based `page`; empty past the end or when `per_page` is 0.
    pub fn page(&self, page: usize, per_page: usize) -> &[usize] {
        if per_page == 0 {
            return &[];
        }
        let start = page.saturating_mul(per_page).min(self.items.len());
        let end = start.saturating_add(per_page).min(self.items.len());
        &self.items[start..end]
    }

    /// Number of pages (0 when there are no results or `per_page` is 0).
    pub fn page_count(&self, per_page: usize) -> usize {
        if per_page == 0 {
            0
        } else {
            self.items.len().div_ceil(per_page)
        }
    }
}

/// Runs `query` over `dataset` (one-shot: builds a [`CatalogIndex`] and runs it; to answer
/// many queries over one dataset, build the index once and call [`CatalogIndex::run`]).
///
/// `text_hits`: `None` = no text query (every product passes the text step);
/// `Some(hits)` = (product index, relevance score) pairs from the search index, best first.
/// Indices out of range are ignored; a repeated index keeps its best score.
pub fn run_query(
    dataset: &Dataset,
    query: &CatalogQuery,
    text_hits: Option<&[(usize, u32)]>,
) -> CatalogResults {
    CatalogIndex::build(dataset).run(query, text_hits)
}

/// A group of the category facet with the subcategories drawn under it
/// ([`CatalogIndex::category_tree`]). Counts as in [`FacetCounts`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryBranch {
    pub group: ProductGroup,
    pub count: usize,
    /// Whether the facet shows it (in [`FacetCounts::groups`], or holding a shown subcategory).
    shown: bool,
    pub subcategories: Vec<(String, usize)>,
}

/// What the catalog needs to know of one product, precomputed.
#[derive(Clone, Debug)]
struct Entry {
    group: ProductGroup,
    /// Into `CatalogIndex::subcategories`.
    sub: u32,
    star: Option<StarFilter>,
    national: bool,
    /// Its certificate had lapsed when the dataset was compiled ([`Rating::lapse`] as of
    /// `meta.generated_on`).
    lapsed: bool,
    /// Into [`DISTRICTS`].
    area: Option<u8>,
    /// Range of `CatalogIndex::point_refs` holding its sales points (deduplicated).
    points: (u32, u32),
    /// Bit `channel_index(c)` per online channel.
    online: u8,
    /// Bit `m` for each season month `m` (1–12).
    months: u16,
    price: Option<u64>,
    ptype: Option<ProducerType>,
    /// Position in name order (unique).
    name_rank: u32,
    /// Precomputed unique sort keys: (rank << 32) | name_rank.
    relevance_key: u64,
    /// [`Entry::text_tie_rank`], precomputed.
    tie_rank: u8,
    stars_key: u64,
}

impl Entry {
    fn with_sort_keys(mut self) -> Entry {
        let name = u64::from(self.name_rank);
        self.relevance_key = u64::from(self.relevance_rank()) << 32 | name;
        self.stars_key = u64::from(self.star_rank() * 2 + u8::from(self.lapsed)) << 32 | name;
        self.tie_rank = self.text_tie_rank();
        self
    }

    fn band(&self) -> Option<PriceBand> {
        self.price.map(PriceBand::of)
    }

    /// 0 = 5★ … 3 = unpublished, 4 = unconfirmed.
    fn star_rank(&self) -> u8 {
        self.star.map_or(4, StarFilter::rank)
    }

    /// Among products a search matched equally well: stated stars first, more first, then
    /// OCOP without stars, then unconfirmed; among the same stars a valid certificate before
    /// a lapsed one, then national before provincial. `rating.claimed` is not stars.
    fn text_tie_rank(&self) -> u8 {
        self.star_rank() * 4 + u8::from(self.lapsed) * 2 + u8::from(!self.national)
    }

    /// A valid national 5★ first, then as the star sort: a lapsed certificate must not lead
    /// the catalog's first screen as if it were the province's best (issue 19, item 4).
    fn relevance_rank(&self) -> u8 {
        if self.national && !self.lapsed {
            0
        } else {
            1 + self.star_rank() * 2 + u8::from(self.lapsed)
        }
    }
}

/// A dataset digested for catalog queries. Owns its data (no borrow of the dataset), so it
/// can sit in a reactive store; it must be rebuilt whenever the dataset changes, and
/// result indices refer to that dataset's `products`.
#[derive(Clone, Debug)]
pub struct CatalogIndex {
    entries: Vec<Entry>,
    /// Every product in each fixed sort order, computed once: a query then only keeps the
    /// products that pass, in order, instead of sorting up to 50,000 items per keystroke.
    /// Name orders follow the names shown in each interface language (`Lang::ALL` order).
    orders: FixedOrders,
    /// Interned subcategories in facet order.
    subcategories: Vec<String>,
    /// Per interned subcategory, the group it is drawn under ([`CatalogIndex::category_tree`]).
    sub_groups: Vec<ProductGroup>,
    sub_ids: HashMap<String, u32>,
    /// Sales point ids in dataset order (first of duplicates).
    points: Vec<String>,
    point_ids: HashMap<String, u32>,
    point_refs: Vec<u32>,
}

// Facet bits in a product's "failed" mask.
const F_CATEGORY: u8 = 1 << 0;
const F_STARS: u8 = 1 << 1;
const F_AREA: u8 = 1 << 2;
const F_BUY: u8 = 1 << 3;
const F_MONTH: u8 = 1 << 4;
const F_PRICE: u8 = 1 << 5;
const F_PTYPE: u8 = 1 << 6;

const _: () = assert!(DISTRICTS.len() <= 32, "area masks are u32");

impl CatalogIndex {
    pub fn build(dataset: &Dataset) -> CatalogIndex {
        // Lapsed as of the data's own date: no clock, so the same data ranks the same
        // everywhere; a certificate that lapsed since is not seen (docs/testing.md, "Search
        // that speaks the visitor's words").
        let compiled = dataset.meta.generated_on.get(..7).unwrap_or("");
        // Subcategories: the known ones in their canonical order, then the rest sorted.
        let used: HashSet<&str> = dataset.products.iter().map(|p| p.subcategory.as_str()).collect();
        let mut subcategories: Vec<String> = SUBCATEGORIES
            .iter()
            .filter(|s| used.contains(*s))
            .map(|s| s.to_string())
            .collect();
        let extra: BTreeSet<&str> = used.into_iter().filter(|s| !SUBCATEGORIES.contains(s)).collect();
        subcategories.extend(extra.into_iter().map(str::to_string));
        let sub_ids: HashMap<String, u32> = subcategories
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), i as u32))
            .collect();

        let mut points = Vec::with_capacity(dataset.sales_points.len());
        let mut point_ids = HashMap::with_capacity(dataset.sales_points.len());
        for sp in &dataset.sales_points {
            if !point_ids.contains_key(&sp.id) {
                point_ids.insert(sp.id.clone(), points.len() as u32);
                points.push(sp.id.clone());
            }
        }

        let mut producer_types: HashMap<&str, ProducerType> = HashMap::with_capacity(dataset.producers.len());
        for p in &dataset.producers {
            producer_types.entry(p.id.as_str()).or_insert(p.kind);
        }

        // Name order per interface language: sorting must follow the names on screen. The
        // Vietnamese one also ranks names for the other orders' ties.
        let names = Lang::ALL.map(|lang| name_order(&dataset.products, |p| p.name.get(lang)));
        let vi = Lang::ALL
            .iter()
            .position(|l| *l == Lang::Vi)
            .expect("Vietnamese is a language");
        let mut name_rank = vec![0u32; dataset.products.len()];
        for (rank, &i) in names[vi].iter().enumerate() {
            name_rank[i as usize] = rank as u32;
        }

        let mut point_refs = Vec::new();
        let entries: Vec<Entry> = dataset
            .products
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let start = point_refs.len() as u32;
                for id in &p.where_to_buy.sales_points {
                    if let Some(&pi) = point_ids.get(id) {
                        if !point_refs[start as usize..].contains(&pi) {
                            point_refs.push(pi);
                        }
                    }
                }
                let months = p
                    .season_months
                    .iter()
                    .filter(|m| (1..=12).contains(*m))
                    .fold(0u16, |acc, m| acc | 1 << *m);
                Entry {
                    group: p.group,
                    sub: sub_ids[&p.subcategory],
                    star: StarFilter::of(&p.rating),
                    national: p.rating.is_ocop() && p.rating.is_national(),
                    lapsed: p.rating.lapse(compiled).is_some(),
                    area: p
                        .locality
                        .district
                        .as_deref()
                        .and_then(district_index)
                        .map(|d| d as u8),
                    points: (start, point_refs.len() as u32),
                    online: p
                        .where_to_buy
                        .online
                        .iter()
                        .fold(0u8, |acc, l| acc | 1 << channel_index(l.channel)),
                    months,
                    price: p.price.as_ref().map(|pr| pr.min_vnd),
                    ptype: p
                        .producer
                        .as_deref()
                        .and_then(|id| producer_types.get(id).copied()),
                    name_rank: name_rank[i],
                    relevance_key: 0,
                    tie_rank: 0,
                    stars_key: 0,
                }
                .with_sort_keys()
            })
            .collect();

        // Each subcategory under the group most of its products belong to; a tie goes to the
        // first group in `ProductGroup::ALL` order.
        let mut per_group = vec![[0usize; ProductGroup::ALL.len()]; subcategories.len()];
        for e in &entries {
            per_group[e.sub as usize][e.group as usize] += 1;
        }
        let sub_groups = per_group
            .iter()
            .map(|counts| {
                let best = counts.iter().copied().max().unwrap_or(0);
                ProductGroup::ALL
                    .into_iter()
                    .find(|g| counts[*g as usize] == best)
                    .unwrap_or(ProductGroup::Food)
            })
            .collect();

        let orders = FixedOrders::new(&entries, names);
        CatalogIndex {
            entries,
            orders,
            subcategories,
            sub_groups,
            sub_ids,
            points,
            point_ids,
            point_refs,
        }
    }

    /// The category facet as the tree a visitor reads: each group with its subcategories
    /// under it, in facet order, and the subcategories no product uses (a value from the URL,
    /// kept so it can be unselected) apart.
    ///
    /// The data model keeps a product's group and subcategory independent (a tea can be a
    /// drink or a herbal product), but drawn as one flat list the subcategories read as if
    /// they belonged to the group above them ("Seafood" under "Souvenirs & crafts", issue 19).
    /// Each subcategory is drawn once, under the group most of its products belong to, so
    /// every value keeps one checkbox. A group with no product under the other filters is
    /// still drawn when one of its subcategories has some.
    pub fn category_tree(&self, facets: &FacetCounts) -> (Vec<CategoryBranch>, Vec<(String, usize)>) {
        let mut branches: Vec<CategoryBranch> = ProductGroup::ALL
            .into_iter()
            .map(|group| CategoryBranch {
                group,
                count: 0,
                shown: false,
                subcategories: Vec::new(),
            })
            .collect();
        for &(group, count) in &facets.groups {
            let b = &mut branches[group as usize];
            b.count = count;
            b.shown = true;
        }
        let mut unplaced = Vec::new();
        for (sub, count) in &facets.subcategories {
            match self.sub_ids.get(sub) {
                Some(&i) => {
                    let b = &mut branches[self.sub_groups[i as usize] as usize];
                    b.shown = true;
                    b.subcategories.push((sub.clone(), *count));
                }
                None => unplaced.push((sub.clone(), *count)),
            }
        }
        branches.retain(|b| b.shown);
        (branches, unplaced)
    }

    /// Number of products indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn points_of(&self, e: &Entry) -> &[u32] {
        &self.point_refs[e.points.0 as usize..e.points.1 as usize]
    }

    /// Filters, counts and sorts (names in Vietnamese order); see [`run_query`] for `text_hits`.
    pub fn run(&self, query: &CatalogQuery, text_hits: Option<&[(usize, u32)]>) -> CatalogResults {
        self.run_in(query, text_hits, Lang::Vi)
    }

    /// As [`CatalogIndex::run`], sorting by name in the order of the names shown in `lang`.
    pub fn run_in(
        &self,
        query: &CatalogQuery,
        text_hits: Option<&[(usize, u32)]>,
        lang: Lang,
    ) -> CatalogResults {
        let n = self.entries.len();
        let sel = Selection::new(self, query);

        // Text step: best score per product, `None` = not a hit.
        let scores: Option<Vec<Option<u32>>> = text_hits.map(|hits| {
            let mut scores = vec![None; n];
            for &(i, score) in hits {
                if let Some(slot) = scores.get_mut(i) {
                    *slot = Some(slot.map_or(score, |s: u32| s.max(score)));
                }
            }
            scores
        });

        let mut c = Counters::new(self);
        let mut passes = vec![false; n];
        let mut matched = 0;
        for (i, e) in self.entries.iter().enumerate() {
            if scores.as_ref().is_some_and(|s| s[i].is_none()) {
                continue;
            }
            let failed = sel.failed(self, e);
            if failed == 0 {
                passes[i] = true;
                matched += 1;
                c.add(self, e, u8::MAX);
            } else if failed & (failed - 1) == 0 {
                // Fails exactly one facet: counts towards that facet's values only.
                c.add(self, e, failed);
            }
        }

        let in_order = |order: &[u32]| -> Vec<usize> {
            let mut items = Vec::with_capacity(matched);
            items.extend(order.iter().map(|&i| i as usize).filter(|&i| passes[i]));
            items
        };
        let items = match (query.sort, &scores) {
            (SortOrder::Relevance, Some(scores)) => {
                // Only the text score needs sorting per query. Products the text matched
                // equally well (the same fields, whole words and tones; only word positions
                // may differ, `search::strength`) go by rating, then position; remaining ties
                // keep dataset order.
                // One integer key per item, computed once: the sort compares plain numbers.
                let mut keyed: Vec<(u64, u32)> = (0..n)
                    .filter(|&i| passes[i])
                    .map(|i| {
                        let score = scores[i].unwrap_or(0);
                        let strength = u64::from(crate::search::strength(score));
                        let rest = u64::from(score) - (strength << crate::search::POSITION_BITS);
                        let tie = u64::from(self.entries[i].tie_rank);
                        let key = (u64::from(u32::MAX) - strength) << 32 | tie << 24 | (0xFF_FFFF - rest);
                        (key, i as u32)
                    })
                    .collect();
                keyed.sort_unstable();
                keyed.into_iter().map(|(_, i)| i as usize).collect()
            }
            (SortOrder::Relevance, None) => in_order(&self.orders.relevance),
            (SortOrder::Stars, _) => in_order(&self.orders.stars),
            (SortOrder::Name, _) => {
                let at = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
                in_order(&self.orders.names[at])
            }
            (SortOrder::PriceLow, _) => in_order(&self.orders.price_low),
            (SortOrder::PriceHigh, _) => in_order(&self.orders.price_high),
        };

        CatalogResults {
            items,
            facets: c.finish(self, query),
        }
    }
}

/// Product indices in name order: tone-insensitive key, then the exact lower-case name,
/// then position. The keys are written into one buffer, not two strings per product: at
/// 50,000 products those strings were the largest short-lived block of memory while the
/// catalog index was built (docs/performance.md, "Memory").
fn name_order<'d>(
    products: &'d [crate::model::Product],
    name_of: impl Fn(&'d crate::model::Product) -> &'d str,
) -> Vec<u32> {
    let mut text = String::with_capacity(products.iter().map(|p| 2 * name_of(p).len()).sum());
    // Per product: where its key ends, and where its lower-case name (which follows) ends.
    let mut ends: Vec<(u32, u32)> = Vec::with_capacity(products.len());
    for p in products {
        let name = name_of(p);
        text.push_str(&name_sort_key(name));
        let key_end = text.len() as u32;
        text.push_str(&name.to_lowercase());
        ends.push((key_end, text.len() as u32));
    }
    let start = |i: usize| if i == 0 { 0 } else { ends[i - 1].1 as usize };
    let key = |i: usize| &text[start(i)..ends[i].0 as usize];
    let lower = |i: usize| &text[ends[i].0 as usize..ends[i].1 as usize];
    let mut order: Vec<u32> =
        (0..u32::try_from(products.len()).expect("more than u32::MAX products")).collect();
    order.sort_unstable_by(|&a, &b| {
        let (a, b) = (a as usize, b as usize);
        key(a)
            .cmp(key(b))
            .then_with(|| lower(a).cmp(lower(b)))
            .then(a.cmp(&b))
    });
    order
}

/// Product indices in each sort order that does not depend on the query.
#[derive(Clone, Debug)]
struct FixedOrders {
    relevance: Vec<u32>,
    stars: Vec<u32>,
    /// Products without a price last, in both price orders.
    price_low: Vec<u32>,
    price_high: Vec<u32>,
    names: [Vec<u32>; 3],
}

impl FixedOrders {
    fn new(entries: &[Entry], names: [Vec<u32>; 3]) -> FixedOrders {
        let sorted = |key: &dyn Fn(usize, &Entry) -> (bool, u64, u64)| {
            let mut order: Vec<u32> = (0..entries.len() as u32).collect();
            order.sort_by_key(|&i| key(i as usize, &entries[i as usize]));
            order
        };
        FixedOrders {
            relevance: sorted(&|_, e| (false, e.relevance_key, 0)),
            stars: sorted(&|_, e| (false, e.stars_key, 0)),
            price_low: sorted(&|i, e| (e.price.is_none(), e.price.unwrap_or(0), i as u64)),
            price_high: sorted(&|i, e| (e.price.is_none(), u64::MAX - e.price.unwrap_or(0), i as u64)),
            names,
        }
    }
}

/// A query resolved against an index: selections as masks over interned values.
struct Selection {
    /// Category facet inactive (no group and no subcategory selected).
    any_category: bool,
    groups: u8,
    subs: Vec<bool>,
    stars: u8,
    areas_active: bool,
    areas: u32,
    buy_active: bool,
    points: Vec<bool>,
    online: u8,
    /// Bit `m` for the month; bit 0 (which no product has) for an invalid month.
    month: u16,
    prices: u8,
    ptypes: u8,
}

impl Selection {
    fn new(index: &CatalogIndex, q: &CatalogQuery) -> Selection {
        let mut subs = vec![false; index.subcategories.len()];
        for s in &q.subcategories {
            if let Some(&i) = index.sub_ids.get(s) {
                subs[i as usize] = true;
            }
        }
        let mut points = vec![false; index.points.len()];
        let mut online = 0u8;
        for b in &q.buy {
            match b {
                BuyFilter::SalesPoint(id) => {
                    if let Some(&i) = index.point_ids.get(id) {
                        points[i as usize] = true;
                    }
                }
                BuyFilter::Online(c) => online |= 1 << channel_index(*c),
            }
        }
        Selection {
            any_category: q.groups.is_empty() && q.subcategories.is_empty(),
            groups: q.groups.iter().fold(0, |acc, g| acc | 1 << (*g as u8)),
            subs,
            stars: q.stars.iter().fold(0, |acc, s| acc | s.bit()),
            areas_active: !q.areas.is_empty(),
            areas: q
                .areas
                .iter()
                .filter_map(|a| district_index(a))
                .fold(0, |acc, d| acc | 1 << d),
            buy_active: !q.buy.is_empty(),
            points,
            online,
            month: q
                .month
                .map_or(0, |m| if (1..=12).contains(&m) { 1 << m } else { 1 }),
            prices: q.prices.iter().fold(0, |acc, p| acc | p.bit()),
            ptypes: q
                .producer_types
                .iter()
                .fold(0, |acc, t| acc | 1 << producer_type_index(*t)),
        }
    }

    /// Bitmask of the facets `e` fails.
    fn failed(&self, index: &CatalogIndex, e: &Entry) -> u8 {
        let mut failed = 0;
        if !(self.any_category || self.groups & (1 << (e.group as u8)) != 0 || self.subs[e.sub as usize]) {
            failed |= F_CATEGORY;
        }
        if self.stars != 0 && e.star.is_none_or(|s| self.stars & s.bit() == 0) {
            failed |= F_STARS;
        }
        if self.areas_active && e.area.is_none_or(|a| self.areas & (1 << a) == 0) {
            failed |= F_AREA;
        }
        if self.buy_active
            && self.online & e.online == 0
            && !index.points_of(e).iter().any(|&p| self.points[p as usize])
        {
            failed |= F_BUY;
        }
        if self.month != 0 && self.month & e.months == 0 {
            failed |= F_MONTH;
        }
        if self.prices != 0 && e.band().is_none_or(|b| self.prices & b.bit() == 0) {
            failed |= F_PRICE;
        }
        if self.ptypes != 0
            && e.ptype
                .is_none_or(|t| self.ptypes & (1 << producer_type_index(t)) == 0)
        {
            failed |= F_PTYPE;
        }
        failed
    }
}

/// Raw per-value counters, indexed like the index's interned values.
struct Counters {
    groups: [usize; 6],
    subs: Vec<usize>,
    /// By `StarFilter as usize`.
    stars: [usize; 4],
    national: usize,
    areas: Vec<usize>,
    points: Vec<usize>,
    online: [usize; 8],
    months: [usize; 12],
    prices: [usize; 4],
    ptypes: [usize; 3],
}

impl Counters {
    fn new(index: &CatalogIndex) -> Counters {
        Counters {
            groups: [0; 6],
            subs: vec![0; index.subcategories.len()],
            stars: [0; 4],
            national: 0,
            areas: vec![0; DISTRICTS.len()],
            points: vec![0; index.points.len()],
            online: [0; 8],
            months: [0; 12],
            prices: [0; 4],
            ptypes: [0; 3],
        }
    }

    /// Counts `e` towards the values of the facets in `facets`.
    fn add(&mut self, index: &CatalogIndex, e: &Entry, facets: u8) {
        if facets & F_CATEGORY != 0 {
            self.groups[e.group as usize] += 1;
            self.subs[e.sub as usize] += 1;
        }
        if facets & F_STARS != 0 {
            if let Some(s) = e.star {
                self.stars[s as usize] += 1;
            }
            if e.national {
                self.national += 1;
            }
        }
        if facets & F_AREA != 0 {
            if let Some(a) = e.area {
                self.areas[a as usize] += 1;
            }
        }
        if facets & F_BUY != 0 {
            for &p in index.points_of(e) {
                self.points[p as usize] += 1;
            }
            for (c, count) in self.online.iter_mut().enumerate() {
                if e.online & (1 << c) != 0 {
                    *count += 1;
                }
            }
        }
        if facets & F_MONTH != 0 && e.months != 0 {
            for (m, count) in self.months.iter_mut().enumerate() {
                if e.months & (1 << (m + 1)) != 0 {
                    *count += 1;
                }
            }
        }
        if facets & F_PRICE != 0 {
            if let Some(b) = e.band() {
                self.prices[b as usize] += 1;
            }
        }
        if facets & F_PTYPE != 0 {
            if let Some(t) = e.ptype {
                self.ptypes[producer_type_index(t)] += 1;
            }
        }
    }

    fn finish(self, index: &CatalogIndex, q: &CatalogQuery) -> FacetCounts {
        let groups = ProductGroup::ALL
            .into_iter()
            .map(|g| (g, self.groups[g as usize]))
            .filter(|(g, n)| *n > 0 || q.groups.contains(g))
            .collect();

        let mut subcategories: Vec<(String, usize)> = index
            .subcategories
            .iter()
            .zip(&self.subs)
            .filter(|(s, n)| **n > 0 || q.subcategories.contains(*s))
            .map(|(s, n)| (s.clone(), *n))
            .collect();
        subcategories.extend(
            q.subcategories
                .iter()
                .filter(|s| !index.sub_ids.contains_key(*s))
                .map(|s| (s.clone(), 0)),
        );

        let stars = StarFilter::ALL
            .into_iter()
            .map(|s| (s, self.stars[s as usize]))
            .filter(|(s, n)| *n > 0 || q.stars.contains(s))
            .collect();

        let areas = DISTRICTS
            .iter()
            .zip(&self.areas)
            .filter(|(d, n)| **n > 0 || q.areas.contains(d.id))
            .map(|(d, n)| (d.id.to_string(), *n))
            .collect();

        let mut buy = Vec::new();
        for (id, &n) in index.points.iter().zip(&self.points) {
            let value = BuyFilter::SalesPoint(id.clone());
            if n > 0 || q.buy.contains(&value) {
                buy.push((value, n));
            }
        }
        for b in &q.buy {
            if let BuyFilter::SalesPoint(id) = b {
                if !index.point_ids.contains_key(id) {
                    buy.push((b.clone(), 0));
                }
            }
        }
        for c in ONLINE_CHANNELS {
            let (value, n) = (BuyFilter::Online(c), self.online[channel_index(c)]);
            if n > 0 || q.buy.contains(&value) {
                buy.push((value, n));
            }
        }

        let prices = PriceBand::ALL
            .into_iter()
            .map(|p| (p, self.prices[p as usize]))
            .filter(|(p, n)| *n > 0 || q.prices.contains(p))
            .collect();

        let producer_types = PRODUCER_TYPES
            .into_iter()
            .map(|t| (t, self.ptypes[producer_type_index(t)]))
            .filter(|(t, n)| *n > 0 || q.producer_types.contains(t))
            .collect();

        FacetCounts {
            groups,
            subcategories,
            stars,
            national: self.national,
            areas,
            buy,
            months: self.months,
            prices,
            producer_types,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Name order
// ---------------------------------------------------------------------------------------

/// The primary key of the name sort: lower case with Vietnamese tone and vowel marks
/// removed and `đ` → `d` (`"Đinh lăng"` → `"dinh lang"`), so names sort as Vietnamese
/// readers expect rather than by code point (which puts every `Đ…` after `Z`).
///
/// Done with a small table of precomposed letters (plus skipping combining marks
/// U+0300–U+036F, for decomposed input) instead of Unicode normalisation, so this module
/// does not depend on `unicode-normalization`. Letters with different marks are equal
/// here (`a`, `ă`, `â` all sort as `a`); the full lower-case name breaks such ties.
pub fn name_sort_key(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(base_letter)
        .collect()
}

fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ầ' | 'ấ' | 'ẩ' | 'ẫ'
        | 'ậ' | 'ä' | 'å' | 'ā' => 'a',
        'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' | 'ë' => 'e',
        'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ồ' | 'ố' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ờ' | 'ớ' | 'ở' | 'ỡ'
        | 'ợ' | 'ö' => 'o',
        'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' | 'û' | 'ü' => {
            'u'
        }
        'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' | 'ÿ' => 'y',
        'đ' => 'd',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

#[cfg(test)]
mod tests;
