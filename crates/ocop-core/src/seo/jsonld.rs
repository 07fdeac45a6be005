//! schema.org structured data (JSON-LD) for each kind of page.
//!
//! What is said here follows the data's honesty rules: the OCOP rating is an `award` (a
//! certificate the product was granted), never an `aggregateRating` or a review; `offers`
//! only with a sourced price; `geo` only for coordinates taken from a source, not estimated.

use crate::geo;
use crate::model::{Dataset, Evidence, Locality, PriceRange, Product, Route, SalesPoint, Spot, StopRef};
use crate::places::place;
use crate::text::Lang;
use serde_json::{json, Map, Value};

use super::words::words;
use super::{Page, SiteUrl};

const CONTEXT: &str = "https://schema.org";

/// What every page's object has: name, description, absolute url and image.
pub(super) struct Common<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub url: &'a str,
    pub image: &'a str,
}

fn base(kind: &str, c: &Common) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("@context".into(), CONTEXT.into());
    m.insert("@type".into(), kind.into());
    m.insert("name".into(), c.name.into());
    m.insert("description".into(), c.description.into());
    m.insert("url".into(), c.url.into());
    m.insert("image".into(), c.image.into());
    m
}

/// The rating as award text: `OCOP 4★ (2023)` when a source states the stars (`OCOP 4★`
/// without a year), the language's "OCOP product, stars not published" when a source says
/// only that it is OCOP, `None` when no source confirms it is OCOP at all.
pub(super) fn award(product: &Product, lang: Lang) -> Option<String> {
    let rating = &product.rating;
    match (rating.evidence, rating.stars) {
        (Evidence::StarStated, Some(stars)) => Some(match rating.year_rated {
            Some(year) => format!("OCOP {stars}★ ({year})"),
            None => format!("OCOP {stars}★"),
        }),
        (Evidence::Unconfirmed, _) => None,
        _ => Some(words(lang).ocop_no_stars_award.to_string()),
    }
}

pub(super) fn product(data: &Dataset, p: &Product, lang: Lang, c: &Common) -> Value {
    let mut m = base("Product", c);
    m.insert("productID".into(), p.id.as_str().into());
    if let Some(producer) = p.producer.as_deref().and_then(|id| data.producer(id)) {
        let org = json!({ "@type": "Organization", "name": producer.name });
        m.insert("brand".into(), org.clone());
        m.insert("manufacturer".into(), org);
    }
    if let Some(award) = award(p, lang) {
        m.insert("award".into(), award.into());
    }
    if let Some(price) = &p.price {
        m.insert("offers".into(), offer(price));
    }
    Value::Object(m)
}

/// An `Offer` for one price, an `AggregateOffer` for a range; in VND, per the price's unit,
/// from the date the source saw it (`validFrom`) when it gives one.
fn offer(price: &PriceRange) -> Value {
    let (low, high) = if price.min_vnd <= price.max_vnd {
        (price.min_vnd, price.max_vnd)
    } else {
        (price.max_vnd, price.min_vnd)
    };
    let mut m = Map::new();
    if low == high {
        m.insert("@type".into(), "Offer".into());
        m.insert("price".into(), low.into());
    } else {
        m.insert("@type".into(), "AggregateOffer".into());
        m.insert("lowPrice".into(), low.into());
        m.insert("highPrice".into(), high.into());
    }
    m.insert("priceCurrency".into(), "VND".into());
    m.insert(
        "priceSpecification".into(),
        json!({
            "@type": "UnitPriceSpecification",
            "minPrice": low,
            "maxPrice": high,
            "priceCurrency": "VND",
            "unitText": price.unit,
        }),
    );
    if let Some(date) = price.as_of.as_deref().filter(|d| !d.trim().is_empty()) {
        m.insert("validFrom".into(), date.into());
    }
    Value::Object(m)
}

pub(super) fn spot(spot: &Spot, lang: Lang, c: &Common) -> Value {
    let mut m = base("TouristAttraction", c);
    m.insert("address".into(), address(&spot.locality, None, lang));
    if let Some(geo) = geo(&spot.coordinates) {
        m.insert("geo".into(), geo);
    }
    Value::Object(m)
}

pub(super) fn store(point: &SalesPoint, lang: Lang, c: &Common) -> Value {
    let mut m = base("Store", c);
    m.insert(
        "address".into(),
        address(&point.locality, point.address.as_deref(), lang),
    );
    if let Some(geo) = geo(&point.coordinates) {
        m.insert("geo".into(), geo);
    }
    Value::Object(m)
}

/// A route as a `TouristTrip` whose itinerary lists the stops (those in the dataset) in order.
pub(super) fn trip(data: &Dataset, route: &Route, lang: Lang, site: &SiteUrl, c: &Common) -> Value {
    let mut m = base("TouristTrip", c);
    let stops: Vec<Value> = route
        .stops
        .iter()
        .filter_map(|stop| {
            let p = place(data, &stop.place)?;
            let (kind, page) = match &stop.place {
                StopRef::Spot(id) => ("TouristAttraction", Page::Spot(id.clone())),
                StopRef::SalesPoint(id) => ("Store", Page::SalesPoint(id.clone())),
            };
            Some((kind, p.name.get(lang).to_string(), site.url(&page.path(lang))))
        })
        .enumerate()
        .map(|(i, (kind, name, url))| {
            json!({
                "@type": "ListItem",
                "position": i + 1,
                "item": { "@type": kind, "name": name, "url": url },
            })
        })
        .collect();
    m.insert(
        "itinerary".into(),
        json!({ "@type": "ItemList", "numberOfItems": stops.len(), "itemListElement": stops }),
    );
    Value::Object(m)
}

/// `Home → … → this page`, each with its absolute URL.
pub(super) fn breadcrumbs(items: &[(&str, String)]) -> Value {
    let list: Vec<Value> = items
        .iter()
        .enumerate()
        .map(|(i, (name, url))| json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": url }))
        .collect();
    json!({ "@context": CONTEXT, "@type": "BreadcrumbList", "itemListElement": list })
}

pub(super) fn website(lang: Lang, url: &str, description: &str) -> Value {
    json!({
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": words(lang).site_name,
        "url": url,
        "inLanguage": lang.code(),
        "description": description,
    })
}

fn address(locality: &Locality, street: Option<&str>, lang: Lang) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), "PostalAddress".into());
    if let Some(street) = street.filter(|s| !s.trim().is_empty()) {
        m.insert("streetAddress".into(), street.into());
    }
    if let Some(district) = locality.district.as_deref().and_then(geo::district) {
        m.insert("addressLocality".into(), district.name().get(lang).into());
    }
    m.insert("addressRegion".into(), "Quảng Ninh".into());
    m.insert("addressCountry".into(), "VN".into());
    Value::Object(m)
}

/// Coordinates a source gives; `None` for estimated ones, which schema.org cannot mark as such.
fn geo(c: &crate::model::Coordinates) -> Option<Value> {
    (c.precision == crate::model::Precision::Exact && c.lat.is_finite() && c.lon.is_finite())
        .then(|| json!({ "@type": "GeoCoordinates", "latitude": c.lat, "longitude": c.lon }))
}
