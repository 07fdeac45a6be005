//! The dataset format, version 1 (`schema_version: "1.x"`; this build writes 1.1).
//!
//! One JSON document holds everything the app shows. It is documented field by field in
//! `docs/dataset-format.md` and published as a JSON Schema next to the data
//! (`public/data/ocop-dataset.schema.json`) so remote publishers can validate before
//! deploying. Identifiers are stable, lower-case slugs (`tra-hoa-vang-ba-che`) that other
//! records, shopping lists and shared links refer to.
//!
//! Honesty rules the format encodes: a star rating that no source states is `null`, not a
//! guess; a coordinate that was estimated is flagged `approximate`; a product whose OCOP
//! status no source confirms carries `evidence: "unconfirmed"` and is never shown as OCOP.

use crate::text::LocalText;
use serde::{Deserialize, Serialize};

/// The major schema version this build understands. A dataset with another major version
/// is refused as a whole; minor versions only add optional fields and are accepted.
pub const SCHEMA_MAJOR: u32 = 1;
/// The version this build writes (`data synth`) and documents.
///
/// 1.2 added the optional `travel` section ([`TravelNetwork`]): piers, islands, ferry lines
/// and bay-tour boats. A 1.0 or 1.1 file has none; [`crate::network::migrate_travel`] gives
/// it the network the 1.1 app assumed, so old files plan trips as before.
///
/// 1.1 added optional fields only (a 1.0 file reads as 1.1 with them empty, and a 1.0 app
/// ignores them): `rating.claimed`, `meta.coverage`, `meta.translated_by_project`, and
/// `images` on products, spots and sales points, `summary` on products, places and routes.
pub const SCHEMA_VERSION: &str = "1.2";

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub schema_version: String,
    pub meta: Meta,
    #[serde(default)]
    pub products: Vec<Product>,
    #[serde(default)]
    pub producers: Vec<Producer>,
    #[serde(default)]
    pub spots: Vec<Spot>,
    #[serde(default)]
    pub sales_points: Vec<SalesPoint>,
    #[serde(default)]
    pub routes: Vec<Route>,
    /// How visitors get between places by road, ferry and bay boat (format 1.2).
    #[serde(default, skip_serializing_if = "TravelSection::is_empty")]
    pub travel: TravelSection,
}

/// Who made the dataset, when, from what, and under which terms.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The publisher's own version of the data, e.g. `2026.11.30`.
    pub dataset_version: String,
    /// ISO date (`YYYY-MM-DD`) the data was compiled.
    pub generated_on: String,
    pub title: LocalText,
    pub licence: String,
    #[serde(default)]
    pub attribution: Vec<String>,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
    /// True for generated benchmark data (`data synth`); the app says so on screen.
    #[serde(default)]
    pub synthetic: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<LocalText>,
    /// How much of the province's rated products this dataset lists (format 1.1): the
    /// province's own total, as of a date, with its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Coverage>,
    /// Languages whose texts are all translations made by the dataset's publisher (format
    /// 1.1), not the sources' words: `["en", "zh"]` for the bundled data, whose sources
    /// are Vietnamese. The app says so on About.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translated_by_project: Vec<String>,
}

/// How many products a dataset lists against the province's total ([`Dataset::coverage`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CoverageSummary<'a> {
    pub coverage: &'a Coverage,
    /// Every product listed.
    pub listed: usize,
    /// Those with a star rating a source states (lapsed ones included).
    pub rated: usize,
    /// The rest: OCOP without published stars, or local specialties.
    pub others: usize,
}

/// The province's count of rated products that a dataset's size is measured against.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// Products the province had rated (3★ to 5★) on `as_of`.
    pub rated_total: u32,
    /// ISO date (`YYYY-MM-DD`) the total refers to.
    pub as_of: String,
    /// The publication that gives the total.
    pub source: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The six official OCOP product groups (QĐ 490/QĐ-TTg, 7/5/2018).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductGroup {
    /// Thực phẩm (fresh and processed food).
    Food,
    /// Đồ uống (alcoholic and non-alcoholic drinks).
    Beverage,
    /// Thảo dược (herbal products).
    Herbal,
    /// Vải & may mặc (textiles and garments).
    Textile,
    /// Lưu niệm – nội thất – trang trí (souvenirs, furniture, decoration).
    Souvenir,
    /// Dịch vụ du lịch nông thôn, bán hàng (rural tourism and sales services).
    RuralTourism,
}

impl ProductGroup {
    pub const ALL: [ProductGroup; 6] = [
        ProductGroup::Food,
        ProductGroup::Beverage,
        ProductGroup::Herbal,
        ProductGroup::Textile,
        ProductGroup::Souvenir,
        ProductGroup::RuralTourism,
    ];

    /// The key used in the JSON and in translation files (`group.food`…).
    pub fn key(self) -> &'static str {
        match self {
            ProductGroup::Food => "food",
            ProductGroup::Beverage => "beverage",
            ProductGroup::Herbal => "herbal",
            ProductGroup::Textile => "textile",
            ProductGroup::Souvenir => "souvenir",
            ProductGroup::RuralTourism => "rural_tourism",
        }
    }
}

/// How strongly the sources back the product's OCOP status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// A source states the star rating.
    StarStated,
    /// A source calls it an OCOP product but gives no rating.
    OcopStated,
    /// Only seen at an OCOP fair or booth: a local specialty, not shown as OCOP.
    Unconfirmed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Provincial,
    National,
}

/// The OCOP rating as far as the sources tell it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    pub evidence: Evidence,
    /// 3, 4 or 5; `null` when no source states it.
    #[serde(default)]
    pub stars: Option<u8>,
    #[serde(default)]
    pub level: Option<Level>,
    /// Year of the rating round (or re-certification) the stars come from.
    #[serde(default)]
    pub year_rated: Option<u16>,
    /// `YYYY-MM` the certificate lapses (ratings last 36 months), when the decision date is known.
    #[serde(default)]
    pub valid_until: Option<String>,
    /// The decision that granted it, e.g. `QĐ 377/QĐ-BNN-VPĐP, 17/1/2025`.
    #[serde(default)]
    pub decision: Option<String>,
    /// A star figure a source attaches without confirming this product's certificate (format
    /// 1.1). `stars` stays `null`: the app shows the claim as "proposed" or "unconfirmed",
    /// with its source, never as the rating. Boxed: few products have one, and every
    /// product pays for the inline bytes (docs/performance.md, "Memory").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed: Option<Box<ClaimedStars>>,
}

/// A photo of a product or place, with what its licence requires the app to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// The picture (http or https).
    pub url: String,
    /// Its size in pixels: the page keeps the box at this aspect ratio before it loads, so
    /// nothing moves when it arrives.
    pub width: u32,
    pub height: u32,
    /// What it shows, for screen readers and when it cannot load.
    pub alt: LocalText,
    pub author: String,
    /// The licence's short name, e.g. `CC BY-SA 4.0`.
    pub licence: String,
    /// The page the picture and its licence come from.
    pub source: String,
    /// Smaller copies (`url`, `width`), for the browser to choose from (`srcset`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<ImageVariant>,
}

/// A copy of an [`Image`] at another width.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImageVariant {
    pub url: String,
    pub width: u32,
}

/// How a certificate is known to have lapsed ([`Rating::lapse`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lapse<'a> {
    /// Its validity (`YYYY-MM`) ended.
    Ended(&'a str),
    /// Rated in this round, too long ago for any decision of it to be valid still.
    RoundOf(u16),
}

/// Stars a source names for a product without stating its certificate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimedStars {
    /// One figure (`[3]`) or the two a source gives for a group (`[3, 4]`: "rated 3 or 4 stars").
    pub stars: Vec<u8>,
    pub kind: ClaimKind,
    /// The year the source gives for the claim.
    #[serde(default)]
    pub year: Option<u16>,
    /// The source that says it: one of the product's `sources`.
    pub source: String,
}

/// Why a star figure is only claimed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A district's proposal to the provincial rating council; the final decision is not found.
    Proposed,
    /// Said of a group of products together ("these were rated 3 or 4 stars", or "the
    /// company's product line is 4★"), not of this product alone.
    Group,
}

impl Rating {
    /// Whether the app may show this product as an OCOP product.
    pub fn is_ocop(&self) -> bool {
        self.evidence != Evidence::Unconfirmed
    }

    /// National 5★ ("OCOP quốc gia"): the only rating that earns the national badge.
    pub fn is_national(&self) -> bool {
        self.stars == Some(5) && self.level == Some(Level::National)
    }

    /// Whether the certificate has lapsed by `this_month` (`YYYY-MM`), as far as the data
    /// tells: its `valid_until` has passed, or, without one, its rating round is so old that
    /// no decision from it can still be valid. A round's decision can come the next year
    /// (the 2020 national round was decided on 30/6/2021) and lasts 36 months, so a rating
    /// from round Y has lapsed by the end of Y + 4 at the latest. `None` = valid or unknown.
    ///
    /// ```
    /// # use ocop_core::model::{Evidence, Lapse, Rating};
    /// let mut rating = Rating { evidence: Evidence::StarStated, stars: Some(5), level: None,
    ///     year_rated: Some(2020), valid_until: Some("2024-06".into()), decision: None, claimed: None };
    /// assert_eq!(rating.lapse("2026-12"), Some(Lapse::Ended("2024-06")));
    /// assert_eq!(rating.lapse("2024-06"), None);
    /// rating.valid_until = None;
    /// assert_eq!(rating.lapse("2024-12"), None); // decided in 2021 at the latest: valid into 2024
    /// assert_eq!(rating.lapse("2025-01"), Some(Lapse::RoundOf(2020)));
    /// rating.year_rated = None;
    /// assert_eq!(rating.lapse("2030-01"), None);
    /// ```
    pub fn lapse(&self, this_month: &str) -> Option<Lapse<'_>> {
        if let Some(until) = self.valid_until.as_deref() {
            return (until < this_month).then_some(Lapse::Ended(until));
        }
        let this_year: u16 = this_month.get(..4)?.parse().ok()?;
        let round = self.year_rated?;
        (self.stars.is_some() && this_year > round.saturating_add(4)).then_some(Lapse::RoundOf(round))
    }
}

/// Pre-2025 district (as all OCOP sources use) plus the commune, old and new, where known.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Locality {
    /// A district id from [`crate::geo::DISTRICTS`], e.g. `ba-che`.
    #[serde(default)]
    pub district: Option<String>,
    /// Commune, ward or village as the sources name it (before the July 2025 reform).
    #[serde(default)]
    pub commune: Option<String>,
    /// The commune-level unit after the July 2025 reform, where a source gives it.
    #[serde(default)]
    pub commune_2025: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnlineChannel {
    Voso,
    Postmart,
    /// The provincial e-commerce exchange (teqni.gov.vn).
    ProvincialExchange,
    Shopee,
    Tiki,
    Lazada,
    Sendo,
    /// The producer's own website or shop.
    ProducerSite,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OnlineListing {
    pub channel: OnlineChannel,
    pub url: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WhereToBuy {
    /// Ids of [`SalesPoint`]s known to stock it.
    #[serde(default)]
    pub sales_points: Vec<String>,
    #[serde(default)]
    pub online: Vec<OnlineListing>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceKind {
    Retail,
    Producer,
    FarmGate,
    Restaurant,
}

/// An indicative price range, always with its source: prices change and vary by grade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PriceRange {
    pub min_vnd: u64,
    pub max_vnd: u64,
    /// What the price is for: `kg`, `bottle`, `box`, `serving`…
    pub unit: String,
    pub kind: PriceKind,
    /// When the price was seen (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), if the source dates it.
    #[serde(default)]
    pub as_of: Option<String>,
    pub source_url: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub id: String,
    pub name: LocalText,
    pub group: ProductGroup,
    /// A finer category from [`crate::model::SUBCATEGORIES`], e.g. `seafood`, `tea`.
    pub subcategory: String,
    pub rating: Rating,
    /// Id of a [`Producer`]; `null` when the sources do not name one.
    #[serde(default)]
    pub producer: Option<String>,
    #[serde(default)]
    pub locality: Locality,
    /// One or two sentences on what it is, in every language (format 1.1); `description`
    /// keeps the full account with its caveats. Boxed: see `description`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Box<LocalText>>,
    /// Boxed, like `price`: a product is held in a list of up to 100,000, and each inline
    /// byte is paid for every product, with or without one (at 50,000 products the list
    /// grew to 20 MB in wasm memory, docs/performance.md "Memory").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Box<LocalText>>,
    #[serde(default)]
    pub where_to_buy: WhereToBuy,
    #[serde(default)]
    pub price: Option<Box<PriceRange>>,
    /// Months (1–12) it is harvested or best bought; empty = all year or unknown.
    #[serde(default)]
    pub season_months: Vec<u8>,
    /// `true` when a source says it carries an e-stamp/QR traceability code, `null` if unknown.
    #[serde(default)]
    pub traceability: Option<bool>,
    pub sources: Vec<String>,
    /// Photos, when openly licensed with their attribution (format 1.1). None is required.
    /// Boxed slice, not `Vec`: 16 inline bytes instead of 24 on every record.
    #[serde(default, skip_serializing_if = "<[Image]>::is_empty")]
    pub images: Box<[Image]>,
}

/// Subcategories the app has labels and icons for. Others are accepted with a warning.
pub const SUBCATEGORIES: &[&str] = &[
    "seafood",
    "meat",
    "eggs",
    "fruit",
    "vegetable",
    "rice_noodles",
    "mushroom",
    "honey",
    "cooking_oil",
    "condiment",
    "tea",
    "liquor",
    "mineral_water",
    "soft_drink",
    "herbal",
    "essential_oil",
    "flowers",
    "jewellery",
    "handicraft",
    "confectionery",
    "spice",
];

// Ordered (declaration order) so filters can hold producer types in a `BTreeSet`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProducerType {
    Company,
    Cooperative,
    Household,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Producer {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: ProducerType,
    #[serde(default)]
    pub locality: Locality,
    pub sources: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// Taken from a cited source.
    Exact,
    /// Estimated (within a few km); the map says so.
    Approximate,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Coordinates {
    pub lat: f64,
    pub lon: f64,
    pub precision: Precision,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpotKind {
    EcoTourism,
    Farm,
    Village,
    Heritage,
    Festival,
    Market,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    Road,
    Ferry,
    /// Reached by boat from the mainland on a tour (e.g. a pearl farm in the bay).
    Boat,
}

/// A dated event at a spot. Many festivals follow the lunar calendar, so the date is text;
/// `months` gives the usual solar months for season filters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub name: LocalText,
    pub when: LocalText,
    #[serde(default)]
    pub months: Vec<u8>,
    /// ISO dates of a specific, announced edition.
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub lunar: bool,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spot {
    pub id: String,
    pub name: LocalText,
    pub kind: SpotKind,
    #[serde(default)]
    pub locality: Locality,
    pub coordinates: Coordinates,
    /// One or two sentences on what it is or why to go, in every language (format 1.1);
    /// `description` keeps the full account with its caveats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<LocalText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalText>,
    /// Best months to visit (1–12); empty = all year or unknown.
    #[serde(default)]
    pub season_months: Vec<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub season_note: Option<LocalText>,
    #[serde(default)]
    pub events: Vec<Event>,
    pub access: Access,
    /// Ids of products made, grown or sold there.
    #[serde(default)]
    pub products: Vec<String>,
    pub sources: Vec<String>,
    /// Photos, when openly licensed with their attribution (format 1.1). None is required.
    /// Boxed slice, not `Vec`: 16 inline bytes instead of 24 on every record.
    #[serde(default, skip_serializing_if = "<[Image]>::is_empty")]
    pub images: Box<[Image]>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SalesPointKind {
    OcopCentre,
    OcopShop,
    DisplayPoint,
    RestStop,
    FairVenue,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SalesPoint {
    pub id: String,
    pub name: LocalText,
    pub kind: SalesPointKind,
    #[serde(default)]
    pub locality: Locality,
    #[serde(default)]
    pub address: Option<String>,
    pub coordinates: Coordinates,
    /// Opening hours as published (localised text, e.g. `{"vi": "7:30–21:00 hằng ngày"}`); `null` when unknown.
    #[serde(default)]
    pub opening_hours: Option<LocalText>,
    /// One or two sentences on what it is or why to go, in every language (format 1.1);
    /// `description` keeps the full account with its caveats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<LocalText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalText>,
    pub sources: Vec<String>,
    /// Photos, when openly licensed with their attribution (format 1.1). None is required.
    /// Boxed slice, not `Vec`: 16 inline bytes instead of 24 on every record.
    #[serde(default, skip_serializing_if = "<[Image]>::is_empty")]
    pub images: Box<[Image]>,
}

/// A stop on a curated route or a trip: a spot or a sales point. (Ids are unique per kind
/// only: a display point can also be a spot, so the kind is part of the reference.)
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StopRef {
    Spot(String),
    SalesPoint(String),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RouteStop {
    #[serde(flatten)]
    pub place: StopRef,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<LocalText>,
}

/// An itinerary curated by the app's editors from the sourced spots and sales points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Route {
    pub id: String,
    pub name: LocalText,
    pub theme: LocalText,
    /// One or two sentences on what the route offers, in every language (format 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<LocalText>,
    pub stops: Vec<RouteStop>,
    #[serde(default)]
    pub best_months: Vec<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub season_note: Option<LocalText>,
}

/// The dataset's `travel` section, kept as the JSON value and decoded on demand
/// ([`TravelSection::decode`]). Only the trip and route pages need it: kept as a value, its
/// decoder is in their code, not in the catalog's first download, which reads the whole
/// dataset (measured: 387.8 → 386.0 KiB brotli, docs/performance.md).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TravelSection(serde_json::Value);

impl TravelSection {
    /// A checked network as the section (`null` when it has nothing).
    pub fn new(network: &TravelNetwork) -> TravelSection {
        if network.is_empty() {
            return TravelSection::default();
        }
        TravelSection(serde_json::to_value(network).unwrap_or_default())
    }

    /// The network. Validation checked the section, so it decodes; anything else reads as
    /// no network (places then fall back to road, flagged).
    pub fn decode(&self) -> TravelNetwork {
        serde_json::from_value(self.0.clone()).unwrap_or_default()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_null()
    }
}

/// The travel network (format 1.2): what the trip planner may use besides roads. Roads are
/// not listed: every two places on the same land (the mainland, or one island) are joined
/// by an estimated road ([`crate::travel`]). Everything at sea must be listed here with its
/// source, so the planner never invents a boat ([`crate::network`], docs/map.md).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TravelNetwork {
    #[serde(default)]
    pub piers: Vec<Pier>,
    #[serde(default)]
    pub islands: Vec<Island>,
    #[serde(default)]
    pub ferries: Vec<FerryLine>,
    #[serde(default)]
    pub bay_boats: Vec<BayBoat>,
}

impl TravelNetwork {
    pub fn is_empty(&self) -> bool {
        self.piers.is_empty()
            && self.islands.is_empty()
            && self.ferries.is_empty()
            && self.bay_boats.is_empty()
    }

    pub fn pier(&self, id: &str) -> Option<&Pier> {
        self.piers.iter().find(|p| p.id == id)
    }

    pub fn ferry(&self, id: &str) -> Option<&FerryLine> {
        self.ferries.iter().find(|f| f.id == id)
    }

    pub fn bay_boat(&self, id: &str) -> Option<&BayBoat> {
        self.bay_boats.iter().find(|b| b.id == id)
    }
}

/// A pier or tour-boat harbour: on the mainland (`island: null`) or on one of the
/// [`Island`]s.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pier {
    pub id: String,
    pub name: LocalText,
    pub coordinates: Coordinates,
    /// The [`Island`] it is on; `None` on the mainland.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub island: Option<String>,
    pub sources: Vec<String>,
}

/// An island reached only by ferry, and the places on it (joined to each other and to its
/// piers by island roads).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Island {
    pub id: String,
    pub name: LocalText,
    pub places: Vec<StopRef>,
}

/// A scheduled boat between two piers, both ways.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FerryLine {
    pub id: String,
    /// Pier ids; `from` is the end the line is named from (usually the mainland).
    pub from: String,
    pub to: String,
    /// Sailing time as the sources give it, minutes.
    pub minutes: u32,
    /// Departures from `from` ("HH:MM", local time) when a source gives them; empty when
    /// none does (then the app says to check the times, and no last boat is assumed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departures: Vec<String>,
    /// Departures from `to`, likewise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub return_departures: Vec<String>,
    pub sources: Vec<String>,
}

/// Tour boats that leave a harbour for places in the bay and come back to it: a place listed
/// here is visited as an out-and-back from the harbour, never as a hop to somewhere else.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BayBoat {
    pub id: String,
    /// The harbour's pier id.
    pub harbour: String,
    pub places: Vec<StopRef>,
    /// No source names the harbour: the dataset's publisher chose the nearest one. The app
    /// says so wherever the boat is mentioned.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assumed: bool,
    pub sources: Vec<String>,
}

impl Dataset {
    pub fn product(&self, id: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.id == id)
    }

    pub fn producer(&self, id: &str) -> Option<&Producer> {
        self.producers.iter().find(|p| p.id == id)
    }

    pub fn spot(&self, id: &str) -> Option<&Spot> {
        self.spots.iter().find(|s| s.id == id)
    }

    pub fn sales_point(&self, id: &str) -> Option<&SalesPoint> {
        self.sales_points.iter().find(|s| s.id == id)
    }

    /// The sources a spot's or sales point's facts come from; empty for an unknown place.
    pub fn place_sources(&self, place: &StopRef) -> &[String] {
        match place {
            StopRef::Spot(id) => self.spot(id).map(|s| s.sources.as_slice()),
            StopRef::SalesPoint(id) => self.sales_point(id).map(|s| s.sources.as_slice()),
        }
        .unwrap_or_default()
    }

    /// Record counts for the data-status panel and `data check`.
    /// The dataset against the province's total, for the coverage sentence: `None` when
    /// the dataset gives no total.
    pub fn coverage(&self) -> Option<CoverageSummary<'_>> {
        let coverage = self.meta.coverage.as_ref()?;
        let rated = self.products.iter().filter(|p| p.rating.stars.is_some()).count();
        Some(CoverageSummary {
            coverage,
            listed: self.products.len(),
            rated,
            others: self.products.len() - rated,
        })
    }

    pub fn counts(&self) -> Counts {
        Counts {
            products: self.products.len(),
            producers: self.producers.len(),
            spots: self.spots.len(),
            sales_points: self.sales_points.len(),
            routes: self.routes.len(),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub products: usize,
    pub producers: usize,
    pub spots: usize,
    pub sales_points: usize,
    pub routes: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::bundled;

    #[test]
    fn a_place_s_sources_are_its_own_and_an_unknown_place_has_none() {
        let data = bundled();
        let spot = &data.spots[0];
        let point = &data.sales_points[0];
        assert_eq!(
            data.place_sources(&StopRef::Spot(spot.id.clone())),
            &spot.sources[..]
        );
        assert_eq!(
            data.place_sources(&StopRef::SalesPoint(point.id.clone())),
            &point.sources[..]
        );
        // The two kinds are looked up in their own lists: a spot's id is not a sales point.
        assert!(data
            .place_sources(&StopRef::SalesPoint(spot.id.clone()))
            .is_empty());
        assert!(data
            .place_sources(&StopRef::Spot("no-such-place".into()))
            .is_empty());
    }
}
