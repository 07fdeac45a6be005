//! Audit rules: checks of a whole dataset that record-by-record validation cannot make.
//!
//! [`crate::validate`] keeps out what is malformed; these rules find what is well formed but
//! implausible, so that a test can hold the bundled data to them (issue 18, "data audit";
//! `docs/data-audit.md` lists what they found and what was done):
//!
//! * [`route_detours`]: curated routes that take much longer than the optimiser's order of the
//!   same stops (a route that doubles back).
//! * [`land_places_off_outline`]: places reached by road or ferry that the province outline
//!   the map draws puts at sea, with how far off the outline they are.
//! * [`untranslated`] and [`mixed_script_names`]: names and summaries a visitor reading
//!   English or Chinese would see in Vietnamese, and Chinese names with Latin letters mixed
//!   in ("Cái Rồng鱼露"), which read as neither language.
//!
//! Everything here is pure: the outline is passed in as GeoJSON text (the app's copy is
//! `public/data/quang-ninh-outline.geojson`).

use crate::model::{Access, Dataset, StopRef};
use crate::network::Network;
use crate::optimise::{optimise, path_cost};
use crate::places::{place, route_places};
use crate::text::{Lang, LocalText};
use crate::travel::EARTH_RADIUS_KM;

/// A curated route against the optimiser's order of the same stops, first stop kept first.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteDetour {
    /// The route's id.
    pub route: String,
    /// Estimated minutes of the stops in the route's own order ([`crate::travel`]).
    pub curated_minutes: f64,
    /// Estimated minutes of the optimiser's order ([`crate::optimise::optimise`]).
    pub optimised_minutes: f64,
    /// The optimiser's order.
    pub optimised_order: Vec<StopRef>,
}

impl RouteDetour {
    /// Curated minutes ÷ optimised minutes: 1.0 when the route is already the quickest order
    /// (or has nothing to travel), 1.5 when it takes half as long again.
    pub fn ratio(&self) -> f64 {
        if self.optimised_minutes > 0.0 && self.curated_minutes.is_finite() {
            self.curated_minutes / self.optimised_minutes
        } else {
            1.0
        }
    }
}

/// Every route with at least two stops that exist, compared with the optimiser's order of
/// its stops (the route's first stop kept first, the end left free, as in "My trip").
pub fn route_comparisons(dataset: &Dataset) -> Vec<RouteDetour> {
    let network = Network::new(dataset);
    dataset
        .routes
        .iter()
        .filter_map(|route| {
            let places = route_places(dataset, route);
            if places.len() < 2 {
                return None;
            }
            let waypoints: Vec<_> = places.iter().map(|p| p.waypoint()).collect();
            let cost = network.time_matrix(&waypoints);
            let order: Vec<usize> = (0..places.len()).collect();
            let best = optimise(&cost, &order);
            Some(RouteDetour {
                route: route.id.clone(),
                curated_minutes: path_cost(&cost, &order),
                optimised_minutes: best.cost,
                optimised_order: best.order.iter().map(|&i| places[i].stop.clone()).collect(),
            })
        })
        .collect()
}

/// The routes whose own order takes more than `max_ratio` times the optimiser's (see
/// [`route_comparisons`]): routes that double back.
pub fn route_detours(dataset: &Dataset, max_ratio: f64) -> Vec<RouteDetour> {
    route_comparisons(dataset)
        .into_iter()
        .filter(|d| d.ratio() > max_ratio)
        .collect()
}

/// A province outline: the rings of the polygon(s) the map draws for the province, as
/// (lon, lat) pairs in degrees (GeoJSON order). Even-odd filling, so holes count as outside.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outline {
    pub rings: Vec<Vec<(f64, f64)>>,
}

impl Outline {
    /// The outline of the feature whose `properties.role` is `"province"` in a GeoJSON
    /// `FeatureCollection` (the format of `public/data/quang-ninh-outline.geojson`); its
    /// geometry may be a `Polygon` or a `MultiPolygon`.
    pub fn from_geojson(text: &str) -> Result<Outline, String> {
        let doc: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let feature = doc["features"]
            .as_array()
            .ok_or("no features")?
            .iter()
            .find(|f| f["properties"]["role"] == "province")
            .ok_or("no feature with role \"province\"")?;
        let geometry = &feature["geometry"];
        let polygons: Vec<&serde_json::Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["coordinates"]],
            Some("MultiPolygon") => geometry["coordinates"]
                .as_array()
                .ok_or("bad MultiPolygon")?
                .iter()
                .collect(),
            other => return Err(format!("unsupported geometry {other:?}")),
        };
        let mut rings = Vec::new();
        for polygon in polygons {
            for ring in polygon.as_array().ok_or("bad polygon")? {
                let points = ring
                    .as_array()
                    .ok_or("bad ring")?
                    .iter()
                    .map(|p| match (p[0].as_f64(), p[1].as_f64()) {
                        (Some(lon), Some(lat)) => Ok((lon, lat)),
                        _ => Err("bad position".to_string()),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                if points.len() >= 3 {
                    rings.push(points);
                }
            }
        }
        if rings.is_empty() {
            return Err("empty outline".into());
        }
        Ok(Outline { rings })
    }

    /// Whether (lat, lon) lies inside the outline (even-odd ray casting over all rings).
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        let mut inside = false;
        for ring in &self.rings {
            for (i, &(x1, y1)) in ring.iter().enumerate() {
                let (x0, y0) = ring[if i == 0 { ring.len() - 1 } else { i - 1 }];
                if (y0 > lat) != (y1 > lat) && lon < x0 + (lat - y0) / (y1 - y0) * (x1 - x0) {
                    inside = !inside;
                }
            }
        }
        inside
    }

    /// Distance in km from (lat, lon) to the nearest edge of the outline. Degrees become km
    /// on a plane tangent at the point (1° of latitude = πR/180 km, a degree of longitude
    /// that times cos(lat)): within a few km of the point the error is far below 0.1 %.
    pub fn distance_km(&self, lat: f64, lon: f64) -> f64 {
        let km_per_deg = EARTH_RADIUS_KM * std::f64::consts::PI / 180.0;
        let x_scale = km_per_deg * lat.to_radians().cos();
        let to_km = |(x, y): (f64, f64)| ((x - lon) * x_scale, (y - lat) * km_per_deg);
        let mut best = f64::INFINITY;
        for ring in &self.rings {
            for (i, &end) in ring.iter().enumerate() {
                let start = ring[if i == 0 { ring.len() - 1 } else { i - 1 }];
                best = best.min(point_to_segment(to_km(start), to_km(end)));
            }
        }
        best
    }
}

/// Distance from the origin to the segment a–b, in the plane.
fn point_to_segment(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length_sq = dx * dx + dy * dy;
    let t = if length_sq > 0.0 {
        (-(a.0 * dx + a.1 * dy) / length_sq).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (a.0 + t * dx).hypot(a.1 + t * dy)
}

/// A place on land (reached by road or ferry) that the outline puts outside the province.
#[derive(Clone, Debug, PartialEq)]
pub struct OffOutline {
    pub place: StopRef,
    /// Distance to the outline, km.
    pub km: f64,
}

/// Spots reached by road or ferry, and all sales points (reached by road), that fall outside
/// `outline`, with their distance to it; spots reached by boat (in the bay) are skipped. In
/// dataset order: spots first, then sales points.
pub fn land_places_off_outline(dataset: &Dataset, outline: &Outline) -> Vec<OffOutline> {
    let spots = dataset.spots.iter().map(|s| StopRef::Spot(s.id.clone()));
    let points = dataset
        .sales_points
        .iter()
        .map(|p| StopRef::SalesPoint(p.id.clone()));
    spots
        .chain(points)
        .filter_map(|stop| {
            let p = place(dataset, &stop)?;
            let (lat, lon) = (p.coordinates.lat, p.coordinates.lon);
            (p.access != Access::Boat && !outline.contains(lat, lon)).then(|| OffOutline {
                km: outline.distance_km(lat, lon),
                place: stop,
            })
        })
        .collect()
}

/// Where a record's name or summary has no text in `lang`: `products/<id>/name`,
/// `routes/<id>/summary`… (the app would show the Vietnamese there).
pub fn untranslated(dataset: &Dataset, lang: Lang) -> Vec<String> {
    let mut missing = Vec::new();
    let mut check = |collection: &str, id: &str, name: &LocalText, summary: Option<&LocalText>| {
        if !name.has(lang) {
            missing.push(format!("{collection}/{id}/name"));
        }
        if !summary.is_some_and(|s| s.has(lang) && !s.vi.trim().is_empty()) {
            missing.push(format!("{collection}/{id}/summary"));
        }
    };
    for p in &dataset.products {
        check("products", &p.id, &p.name, p.summary.as_deref());
    }
    for s in &dataset.spots {
        check("spots", &s.id, &s.name, s.summary.as_ref());
    }
    for s in &dataset.sales_points {
        check("sales_points", &s.id, &s.name, s.summary.as_ref());
    }
    for r in &dataset.routes {
        check("routes", &r.id, &r.name, r.summary.as_ref());
    }
    missing
}

/// Names written in Latin letters that may stand in a Chinese name: the programme's own, and
/// a supermarket chain's, as its signs in Hạ Long show it (a visitor looks for those letters).
const LATIN_IN_CHINESE: &[&str] = &["OCOP", "GO!", "BigC"];

/// Chinese names with Latin letters in them (other than [`LATIN_IN_CHINESE`]), as
/// `products/<id>: <name>`. A brand or place is transliterated instead, the same way
/// everywhere (docs/translation-glossary.md).
pub fn mixed_script_names(dataset: &Dataset) -> Vec<String> {
    let names = dataset
        .products
        .iter()
        .map(|p| ("products", &p.id, &p.name))
        .chain(dataset.spots.iter().map(|s| ("spots", &s.id, &s.name)))
        .chain(
            dataset
                .sales_points
                .iter()
                .map(|s| ("sales_points", &s.id, &s.name)),
        )
        .chain(dataset.routes.iter().map(|r| ("routes", &r.id, &r.name)));
    names
        .filter_map(|(collection, id, name)| {
            let zh = name.zh.as_deref()?;
            let rest = LATIN_IN_CHINESE
                .iter()
                .fold(zh.to_string(), |text, allowed| text.replace(allowed, ""));
            rest.chars()
                .any(|c| {
                    c.is_alphabetic()
                        && (c.is_ascii()
                            || ('\u{c0}'..='\u{24f}').contains(&c)
                            || ('\u{1e00}'..='\u{1eff}').contains(&c))
                })
                .then(|| format!("{collection}/{id}: {zh}"))
        })
        .collect()
}

#[cfg(test)]
mod tests;
