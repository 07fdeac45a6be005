//! Parse and validate a dataset, keeping everything that is good.
//!
//! The rules, in order:
//! 1. Whole-file problems are fatal ([`LoadError`]): too large, not JSON or cut short, no
//!    `schema_version` or an unknown major version, unusable `meta`, a collection over the
//!    record limit, or no valid product at all. The app then falls back to other data.
//! 2. A record that does not fit the format or breaks a rule is dropped, and an [`Issue`]
//!    names its JSON path (`$.products[12].rating.stars`) and what was wrong.
//! 3. A reference to an id that does not exist (a product's producer or sales point, a
//!    spot's product, a route's stop) is removed and reported; the record itself stays.
//!
//! The app and `cargo xtask data check` both call [`parse_and_validate`], so a publisher
//! sees exactly what the app will do with their file.

use crate::geo;
use crate::model::*;
use crate::pace::Pace;
use crate::url::is_safe_http_url;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use std::fmt;

mod reader;
mod travel;
pub use reader::DatasetReader;

/// Size limits that protect phones and kiosks from hostile or mistaken files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_bytes: usize,
    pub max_string_chars: usize,
    pub max_records: usize,
    /// Items in any one list inside a record (sources, places sold, route stops…). A real
    /// product has a handful; a list of a million would freeze a phone in every view.
    pub max_list_items: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 5 * 1024 * 1024,
            max_string_chars: 2_000,
            max_records: 100_000,
            max_list_items: 500,
        }
    }
}

/// Why a whole file was refused.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LoadError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Truncated,
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    NotAnObject,
    MissingSchemaVersion,
    UnsupportedSchema {
        found: String,
    },
    InvalidMeta {
        path: String,
        message: String,
    },
    TooManyRecords {
        collection: String,
        count: usize,
        limit: usize,
    },
    NoProducts,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::TooLarge { bytes, limit } => {
                write!(f, "file is {bytes} bytes, over the {limit}-byte limit")
            }
            LoadError::Truncated => write!(f, "the JSON ends too early (truncated file?)"),
            LoadError::NotJson {
                line,
                column,
                message,
            } => write!(f, "not valid JSON at line {line}, column {column}: {message}"),
            LoadError::NotAnObject => write!(f, "$: the top level must be a JSON object"),
            LoadError::MissingSchemaVersion => {
                write!(f, "$.schema_version: missing (expected \"{SCHEMA_VERSION}\")")
            }
            LoadError::UnsupportedSchema { found } => write!(
                f,
                "$.schema_version: \"{found}\" is not supported (this app reads {SCHEMA_MAJOR}.x)"
            ),
            LoadError::InvalidMeta { path, message } => write!(f, "{path}: {message}"),
            LoadError::TooManyRecords {
                collection,
                count,
                limit,
            } => write!(f, "$.{collection}: {count} records, over the limit of {limit}"),
            LoadError::NoProducts => write!(f, "$.products: no valid product"),
        }
    }
}

impl std::error::Error for LoadError {}

/// What was wrong with one record or reference.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// The record does not fit the format (wrong type, missing field, unknown enum value).
    Malformed {
        message: String,
    },
    /// A problem found when the site was built, read back as the text it was reported with
    /// (the bundled dataset's checked form, [`Validated::from_checked_json`]).
    AsReported {
        message: String,
    },
    NotAList,
    BadId {
        id: String,
    },
    DuplicateId {
        id: String,
    },
    StringTooLong {
        chars: usize,
        limit: usize,
    },
    ListTooLong {
        items: usize,
        limit: usize,
    },
    StarsOutOfRange {
        stars: u8,
    },
    StarsWithoutStatedEvidence,
    StatedEvidenceWithoutStars,
    NationalNeedsFiveStars,
    BadYear {
        year: u16,
    },
    BadDate {
        value: String,
    },
    BadMonth {
        month: u8,
    },
    OutsideProvince {
        lat: f64,
        lon: f64,
    },
    UnsafeUrl {
        url: String,
    },
    NoSources,
    PriceRange {
        min: u64,
        max: u64,
    },
    UnknownDistrict {
        id: String,
    },
    UnknownSubcategory {
        value: String,
    },
    BrokenReference {
        target: Target,
        id: String,
    },
    EmptyRoute,
    /// `rating.claimed` beside stars, or with evidence other than `ocop_stated`.
    ClaimBesideRating,
    /// `rating.claimed.stars` is not one or two of 3, 4, 5 in rising order.
    ClaimedStars,
    /// `rating.claimed.source` is not one of the product's sources.
    ClaimSourceNotListed {
        url: String,
    },
    /// An image the app cannot show with its attribution.
    BadImage {
        reason: String,
    },
}

/// The collection a reference points into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Product,
    Producer,
    Spot,
    SalesPoint,
    /// A pier of the travel network (format 1.2).
    Pier,
    /// An island of the travel network (format 1.2).
    Island,
}

/// What the validator did about a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The whole record was left out.
    DroppedRecord,
    /// The bad value (a reference, a link, a price) was left out; the record stays.
    RemovedValue,
    /// Only a warning; the data is used as it is.
    Kept,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Issue {
    /// JSONPath of the offending value, e.g. `$.products[3].rating.stars`.
    pub path: String,
    pub problem: Problem,
    pub action: Action,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Malformed { message } | Problem::AsReported { message } => write!(f, "{message}"),
            Problem::NotAList => write!(f, "must be a list"),
            Problem::BadId { id } => write!(f, "id {id:?} is not a lower-case slug like \"tra-hoa-vang\""),
            Problem::DuplicateId { id } => write!(f, "id {id:?} is used twice"),
            Problem::StringTooLong { chars, limit } => {
                write!(f, "text of {chars} characters, over the limit of {limit}")
            }
            Problem::ListTooLong { items, limit } => {
                write!(f, "list of {items} items, over the limit of {limit}")
            }
            Problem::StarsOutOfRange { stars } => write!(f, "stars must be 3, 4 or 5, not {stars}"),
            Problem::StarsWithoutStatedEvidence => {
                write!(f, "stars are given but evidence is not \"star_stated\"")
            }
            Problem::StatedEvidenceWithoutStars => {
                write!(f, "evidence is \"star_stated\" but stars are missing")
            }
            Problem::NationalNeedsFiveStars => write!(f, "level \"national\" requires 5 stars"),
            Problem::BadYear { year } => write!(f, "year {year} is outside 2012 to 2100"),
            Problem::BadDate { value } => write!(f, "{value:?} is not a date in the expected form"),
            Problem::BadMonth { month } => write!(f, "month {month} is not between 1 and 12"),
            Problem::OutsideProvince { lat, lon } => {
                write!(f, "({lat}, {lon}) lies outside Quảng Ninh")
            }
            Problem::UnsafeUrl { url } => write!(f, "{url:?} is not an http(s) URL"),
            Problem::NoSources => write!(f, "at least one source is required"),
            Problem::PriceRange { min, max } => write!(f, "min {min} is above max {max}"),
            Problem::UnknownDistrict { id } => write!(f, "unknown district {id:?}"),
            Problem::UnknownSubcategory { value } => write!(f, "unknown subcategory {value:?}"),
            Problem::BrokenReference { target, id } => {
                let what = match target {
                    Target::Product => "product",
                    Target::Producer => "producer",
                    Target::Spot => "spot",
                    Target::SalesPoint => "sales point",
                    Target::Pier => "pier",
                    Target::Island => "island",
                };
                write!(f, "no {what} has id {id:?}")
            }
            Problem::EmptyRoute => write!(f, "a route needs at least one valid stop"),
            Problem::ClaimBesideRating => write!(
                f,
                "a claimed rating needs evidence \"ocop_stated\" and no stars (a stated rating goes in \"stars\")"
            ),
            Problem::ClaimedStars => write!(f, "claimed stars must be one or two of 3, 4, 5 in rising order"),
            Problem::BadImage { reason } => write!(f, "image left out: {reason}"),
            Problem::ClaimSourceNotListed { url } => {
                write!(f, "{url:?} is not among the product's sources")
            }
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let action = match self.action {
            Action::DroppedRecord => "record dropped",
            Action::RemovedValue => "value removed",
            Action::Kept => "kept",
        };
        write!(f, "{}: {} ({action})", self.path, self.problem)
    }
}

/// A dataset that passed validation, and everything that had to be left out on the way.
///
/// Its "checked" form ([`Validated::to_checked_json`]) is what the build ships for the
/// bundled dataset: read by the app with no validator at all.
#[derive(Clone, Debug, PartialEq)]
pub struct Validated {
    pub dataset: Dataset,
    pub issues: Vec<Issue>,
}

/// The checked form of a dataset. Problems are kept as their text: decoding every kind of
/// [`Problem`] would put 35 KB of deserializer into the app's first download (twiggy, on
/// the release wasm) for data that is only ever displayed.
#[derive(Serialize, Deserialize)]
struct Checked<'a> {
    dataset: std::borrow::Cow<'a, Dataset>,
    issues: Vec<CheckedIssue>,
}

#[derive(Serialize, Deserialize)]
struct CheckedIssue {
    path: String,
    problem: String,
    action: Action,
}

impl Validated {
    /// The checked form of this dataset: what `cargo xtask build` ships next to the bundled
    /// file (`config::BUNDLED_CHECKED_PATH`), so the app starts from it without the
    /// validator's code and without validating again (docs/performance.md, "The bundled
    /// dataset, checked at build time").
    pub fn to_checked_json(&self) -> String {
        let issues = self
            .issues
            .iter()
            .map(|i| CheckedIssue {
                path: i.path.clone(),
                problem: i.problem.to_string(),
                action: i.action,
            })
            .collect();
        let checked = Checked {
            dataset: std::borrow::Cow::Borrowed(&self.dataset),
            issues,
        };
        serde_json::to_string(&checked).expect("a dataset always serializes")
    }

    /// Reads the checked form. It was validated when the site was built, so it is only
    /// decoded: a file that does not decode (damaged, or from another version of the format)
    /// is an error, and the app then validates the bundled file itself. Each issue comes
    /// back as the text it was reported with ([`Problem::AsReported`]).
    pub fn from_checked_json(text: &str) -> Result<Validated, serde_json::Error> {
        let checked: Checked = serde_json::from_str(text)?;
        let issues = checked
            .issues
            .into_iter()
            .map(|i| Issue {
                path: i.path,
                problem: Problem::AsReported { message: i.problem },
                action: i.action,
            })
            .collect();
        Ok(Validated {
            dataset: checked.dataset.into_owned(),
            issues,
        })
    }

    pub fn dropped_records(&self) -> usize {
        self.issues
            .iter()
            .filter(|i| i.action == Action::DroppedRecord)
            .count()
    }
}

/// Parses `text` and validates it against the format's rules. See the module docs.
pub fn parse_and_validate(text: &str, limits: &Limits) -> Result<Validated, LoadError> {
    crate::pace::run_unpaced(parse_and_validate_paced(text, limits, &mut crate::pace::Unpaced))
}

/// [`parse_and_validate`], asking `pace` before each record whether to pause (bytes read so
/// far of the file's size): the browser reads a large remote file without freezing the
/// page, and shows how far it has got. The same [`DatasetReader`] that reads a download as
/// it arrives, given the whole text at once.
pub async fn parse_and_validate_paced(
    text: &str,
    limits: &Limits,
    pace: &mut impl Pace,
) -> Result<Validated, LoadError> {
    if text.len() > limits.max_bytes {
        return Err(LoadError::TooLarge {
            bytes: text.len(),
            limit: limits.max_bytes,
        });
    }
    let mut reader = DatasetReader::new(*limits, text.len());
    reader.feed(text.as_bytes(), pace).await?;
    reader.finish()
}

/// The collections of records, in the order their issues are reported.
const COLLECTIONS: [&str; 5] = ["products", "producers", "spots", "sales_points", "routes"];

/// Longest schema version repeated back in a message.
const MAX_VERSION_CHARS: usize = 20;

/// Whether a syntax error sits at the very end of the text: a file cut short inside a
/// number (`107.`) is an "invalid number" to serde_json, but truncated to a visitor.
fn ends_at(text: &str, e: &serde_json::Error) -> bool {
    let text = text.trim_end();
    let line = text.matches('\n').count() + 1;
    let column = text.len() - text.rfind('\n').map_or(0, |i| i + 1);
    e.line() == line && e.column() >= column
}

/// Deserialises one value, reporting the path inside it of the first mismatch.
fn typed<T: DeserializeOwned>(value: Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = e.into_inner().to_string();
        (if path == "." { String::new() } else { path }, message)
    })
}

fn join_path(base: &str, inner: &str) -> String {
    if inner.is_empty() {
        base.to_string()
    } else if inner.starts_with('[') {
        format!("{base}{inner}")
    } else {
        format!("{base}.{inner}")
    }
}

/// A record's own checks return the first problem that disqualifies it, with its path.
type Verdict = Result<(), (String, Problem)>;

struct Validator {
    limits: Limits,
    issues: Vec<Issue>,
}

impl Validator {
    fn report(&mut self, path: impl Into<String>, problem: Problem, action: Action) {
        self.issues.push(Issue {
            path: path.into(),
            problem,
            action,
        });
    }

    /// The path of the first string or list over the limits (depth-first), and which.
    fn oversized(&self, value: &Value, path: &str) -> Option<(String, Problem)> {
        oversized_at(value, &self.limits).map(|(rest, problem)| (format!("{path}{rest}"), problem))
    }

    fn check_meta(&mut self, meta: &mut Meta) {
        if !is_iso_date(&meta.generated_on) {
            self.report(
                "$.meta.generated_on",
                Problem::BadDate {
                    value: meta.generated_on.clone(),
                },
                Action::Kept,
            );
        }
        // A coverage figure the app cannot date or cite is not shown (the sentence would
        // claim more than the data backs).
        let coverage_problem = meta.coverage.as_ref().and_then(|c| {
            if !is_iso_date(&c.as_of) {
                Some((
                    "$.meta.coverage.as_of",
                    Problem::BadDate {
                        value: c.as_of.clone(),
                    },
                ))
            } else if !is_safe_http_url(&c.source) {
                let url = c.source.clone();
                Some(("$.meta.coverage.source", Problem::UnsafeUrl { url }))
            } else {
                None
            }
        });
        if let Some((path, problem)) = coverage_problem {
            meta.coverage = None;
            self.report(path, problem, Action::RemovedValue);
        }
    }

    /// A star claim that breaks the rules is removed; the product stays as OCOP without stars.
    fn check_claim(&mut self, p: &mut Product, path: &str) {
        let Some(claim) = &p.rating.claimed else { return };
        let stars_ok = matches!(claim.stars.as_slice(), [a] | [a, _] if (3..=5).contains(a))
            && claim.stars.windows(2).all(|w| w[0] < w[1] && w[1] <= 5);
        let problem = if p.rating.stars.is_some() || p.rating.evidence != Evidence::OcopStated {
            Some(("", Problem::ClaimBesideRating))
        } else if !stars_ok {
            Some((".stars", Problem::ClaimedStars))
        } else if !p.sources.contains(&claim.source) {
            let url = claim.source.clone();
            Some((".source", Problem::ClaimSourceNotListed { url }))
        } else {
            None
        };
        if let Some((field, problem)) = problem {
            p.rating.claimed = None;
            self.report(
                format!("{path}.rating.claimed{field}"),
                problem,
                Action::RemovedValue,
            );
        }
    }

    fn check_product(&mut self, p: &mut Product, path: &str) -> Verdict {
        let r = &p.rating;
        let at = |field: &str| format!("{path}.rating.{field}");
        match (r.stars, r.evidence) {
            (Some(s), _) if !(3..=5).contains(&s) => {
                return Err((at("stars"), Problem::StarsOutOfRange { stars: s }))
            }
            (Some(_), Evidence::OcopStated | Evidence::Unconfirmed) => {
                return Err((at("evidence"), Problem::StarsWithoutStatedEvidence))
            }
            (None, Evidence::StarStated) => return Err((at("stars"), Problem::StatedEvidenceWithoutStars)),
            _ => {}
        }
        if r.level == Some(Level::National) && r.stars != Some(5) {
            return Err((at("level"), Problem::NationalNeedsFiveStars));
        }
        if let Some(year) = r.year_rated {
            if !(2012..=2100).contains(&year) {
                return Err((at("year_rated"), Problem::BadYear { year }));
            }
        }
        if let Some(until) = &r.valid_until {
            if !is_year_month(until) {
                return Err((at("valid_until"), Problem::BadDate { value: until.clone() }));
            }
        }
        check_months(&p.season_months, &format!("{path}.season_months"))?;
        check_sources(&p.sources, &format!("{path}.sources"))?;
        self.check_claim(p, path);
        self.check_images(&mut p.images, path);
        self.check_locality(&mut p.locality, path);
        if !SUBCATEGORIES.contains(&p.subcategory.as_str()) {
            self.report(
                format!("{path}.subcategory"),
                Problem::UnknownSubcategory {
                    value: p.subcategory.clone(),
                },
                Action::Kept,
            );
        }
        if let Some(price) = &p.price {
            let price_path = format!("{path}.price");
            let problem = if price.min_vnd > price.max_vnd {
                Some((
                    price_path.clone(),
                    Problem::PriceRange {
                        min: price.min_vnd,
                        max: price.max_vnd,
                    },
                ))
            } else if !is_safe_http_url(&price.source_url) {
                Some((
                    format!("{price_path}.source_url"),
                    Problem::UnsafeUrl {
                        url: price.source_url.clone(),
                    },
                ))
            } else {
                price.as_of.as_ref().filter(|d| !is_partial_date(d)).map(|d| {
                    (
                        format!("{price_path}.as_of"),
                        Problem::BadDate { value: d.clone() },
                    )
                })
            };
            if let Some((at, problem)) = problem {
                // A price without a trustworthy source is worse than none: drop just the price.
                self.report(at, problem, Action::RemovedValue);
                p.price = None;
            }
        }
        let base = format!("{path}.where_to_buy.online");
        self.retain_reported(&mut p.where_to_buy.online, &base, ".url", |listing| {
            (!is_safe_http_url(&listing.url)).then(|| Problem::UnsafeUrl {
                url: listing.url.clone(),
            })
        });
        Ok(())
    }

    fn check_producer(&mut self, p: &mut Producer, path: &str) -> Verdict {
        check_sources(&p.sources, &format!("{path}.sources"))?;
        self.check_locality(&mut p.locality, path);
        Ok(())
    }

    fn check_spot(&mut self, s: &mut Spot, path: &str) -> Verdict {
        check_coordinates(&s.coordinates, &format!("{path}.coordinates"))?;
        check_months(&s.season_months, &format!("{path}.season_months"))?;
        check_sources(&s.sources, &format!("{path}.sources"))?;
        for (i, event) in s.events.iter().enumerate() {
            let at = format!("{path}.events[{i}]");
            check_months(&event.months, &format!("{at}.months"))?;
            for (field, value) in [("start", &event.start), ("end", &event.end)] {
                if let Some(d) = value.as_ref().filter(|d| !is_iso_date(d)) {
                    return Err((format!("{at}.{field}"), Problem::BadDate { value: d.clone() }));
                }
            }
            if let Some(url) = event
                .source
                .as_ref()
                .filter(|u| !is_safe_http_url(u) && !is_seed_source(u))
            {
                return Err((format!("{at}.source"), Problem::UnsafeUrl { url: url.clone() }));
            }
        }
        self.check_images(&mut s.images, path);
        self.check_locality(&mut s.locality, path);
        Ok(())
    }

    fn check_sales_point(&mut self, s: &mut SalesPoint, path: &str) -> Verdict {
        check_coordinates(&s.coordinates, &format!("{path}.coordinates"))?;
        check_sources(&s.sources, &format!("{path}.sources"))?;
        self.check_locality(&mut s.locality, path);
        self.check_images(&mut s.images, path);
        Ok(())
    }

    /// An image that cannot be shown with its attribution, or would shift the page when it
    /// loads (no size), is left out; the record stays.
    fn check_images(&mut self, images: &mut Box<[Image]>, path: &str) {
        if images.is_empty() {
            return;
        }
        let mut kept = Vec::with_capacity(images.len());
        for (i, image) in std::mem::take(images).into_vec().into_iter().enumerate() {
            match image_problem(&image) {
                None => kept.push(image),
                Some(reason) => self.report(
                    format!("{path}.images[{i}]"),
                    Problem::BadImage {
                        reason: reason.to_string(),
                    },
                    Action::RemovedValue,
                ),
            }
        }
        *images = kept.into_boxed_slice();
    }

    fn check_route(&mut self, r: &mut Route, path: &str) -> Verdict {
        check_months(&r.best_months, &format!("{path}.best_months"))?;
        if r.stops.is_empty() {
            return Err((format!("{path}.stops"), Problem::EmptyRoute));
        }
        Ok(())
    }

    /// An unknown district is removed (the place still shows, without an area).
    fn check_locality(&mut self, locality: &mut Locality, path: &str) {
        if let Some(id) = locality.district.as_deref() {
            if geo::district(id).is_none() {
                self.report(
                    format!("{path}.locality.district"),
                    Problem::UnknownDistrict { id: id.to_string() },
                    Action::RemovedValue,
                );
                locality.district = None;
            }
        }
    }

    fn resolve_references(
        &mut self,
        products: &mut [Product],
        producers: &mut [Producer],
        spots: &mut [Spot],
        sales_points: &mut [SalesPoint],
        routes: &mut Vec<Route>,
    ) {
        let product_ids = IdIndex::new(products);
        let producer_ids = IdIndex::new(producers);
        let spot_ids = IdIndex::new(spots);
        let sales_point_ids = IdIndex::new(sales_points);

        for p in products.iter_mut() {
            let path = format!("$.products[id={}]", p.id);
            if let Some(producer) = p
                .producer
                .as_ref()
                .filter(|id| !producer_ids.contains(producers, id))
            {
                self.broken(format!("{path}.producer"), Target::Producer, producer);
                p.producer = None;
            }
            let base = format!("{path}.where_to_buy.sales_points");
            self.retain_known(
                &mut p.where_to_buy.sales_points,
                |id| sales_point_ids.contains(sales_points, id),
                &base,
                Target::SalesPoint,
            );
        }
        for s in spots.iter_mut() {
            let base = format!("$.spots[id={}].products", s.id);
            self.retain_known(
                &mut s.products,
                |id| product_ids.contains(products, id),
                &base,
                Target::Product,
            );
        }
        let mut dropped = Vec::new();
        for r in routes.iter_mut() {
            let path = format!("$.routes[id={}]", r.id);
            self.retain_reported(&mut r.stops, &format!("{path}.stops"), "", |stop| {
                let (known, target, id) = match &stop.place {
                    StopRef::Spot(id) => (spot_ids.contains(spots, id), Target::Spot, id),
                    StopRef::SalesPoint(id) => {
                        (sales_point_ids.contains(sales_points, id), Target::SalesPoint, id)
                    }
                };
                (!known).then(|| Problem::BrokenReference {
                    target,
                    id: id.clone(),
                })
            });
            if r.stops.is_empty() {
                dropped.push(r.id.clone());
                self.report(
                    format!("{path}.stops"),
                    Problem::EmptyRoute,
                    Action::DroppedRecord,
                );
            }
        }
        routes.retain(|r| !dropped.contains(&r.id));
    }

    fn retain_known(
        &mut self,
        ids: &mut Vec<String>,
        known: impl Fn(&str) -> bool,
        base: &str,
        target: Target,
    ) {
        self.retain_reported(ids, base, "", |id| {
            (!known(id)).then(|| Problem::BrokenReference {
                target,
                id: id.clone(),
            })
        });
    }

    /// Keeps the items `problem` finds nothing wrong with; reports each one removed at
    /// `{base}[index]{suffix}`, its index in the list as the publisher wrote it.
    fn retain_reported<T>(
        &mut self,
        items: &mut Vec<T>,
        base: &str,
        suffix: &str,
        mut problem: impl FnMut(&T) -> Option<Problem>,
    ) {
        let mut index = 0;
        items.retain(|item| {
            let found = problem(item);
            let keep = found.is_none();
            if let Some(problem) = found {
                self.issues.push(Issue {
                    path: format!("{base}[{index}]{suffix}"),
                    problem,
                    action: Action::RemovedValue,
                });
            }
            index += 1;
            keep
        });
    }

    fn broken(&mut self, path: String, target: Target, id: &str) {
        self.report(
            path,
            Problem::BrokenReference {
                target,
                id: id.to_string(),
            },
            Action::RemovedValue,
        );
    }
}

trait HasId {
    fn id(&self) -> &str;
}

/// The ids of one collection, to ask whether an id exists: its records' places sorted by
/// id, searched by bisection. A set of the ids would copy every one of them (at 50,000
/// products, megabytes of wasm memory at the end of a file's reading, when it peaks).
struct IdIndex(Vec<u32>);

impl IdIndex {
    fn new<T: HasId>(records: &[T]) -> IdIndex {
        let mut order: Vec<u32> =
            (0..u32::try_from(records.len()).expect("more than u32::MAX records")).collect();
        order.sort_unstable_by(|&a, &b| records[a as usize].id().cmp(records[b as usize].id()));
        IdIndex(order)
    }

    /// Whether `records` (the ones this was made from) hold `id`.
    fn contains<T: HasId>(&self, records: &[T], id: &str) -> bool {
        self.0
            .binary_search_by(|&i| records[i as usize].id().cmp(id))
            .is_ok()
    }
}

macro_rules! has_id {
    ($($t:ty),*) => {$(impl HasId for $t { fn id(&self) -> &str { &self.id } })*};
}
has_id!(Product, Producer, Spot, SalesPoint, Route);

/// Where in `value` the first string longer than `max_string_chars` characters or list
/// longer than `max_list_items` is, as a path suffix (`.name.vi`, `[3]`), depth-first. The
/// path is only built on the way back from a hit: formatting one for every value visited
/// made loading 10k products 40× slower than 1k (allocation, not checking, dominated the
/// profile). Depth needs no limit here: serde_json refuses nesting deeper than 128.
fn oversized_at(value: &Value, limits: &Limits) -> Option<(String, Problem)> {
    let here = |problem| Some((String::new(), problem));
    match value {
        // A string has at least as many bytes as characters: most are ruled out without counting.
        Value::String(s) if s.len() > limits.max_string_chars => {
            let chars = s.chars().count();
            (chars > limits.max_string_chars).then_some(())?;
            here(Problem::StringTooLong {
                chars,
                limit: limits.max_string_chars,
            })
        }
        Value::Array(items) if items.len() > limits.max_list_items => here(Problem::ListTooLong {
            items: items.len(),
            limit: limits.max_list_items,
        }),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| {
            oversized_at(v, limits).map(|(rest, problem)| (format!("[{i}]{rest}"), problem))
        }),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            oversized_at(v, limits).map(|(rest, problem)| (format!(".{k}{rest}"), problem))
        }),
        _ => None,
    }
}

/// Lower-case ASCII slug: `tra-hoa-vang-ba-che`, at most 64 characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The seed article has no URL; datasets cite it as `seed:<slug>`.
fn is_seed_source(source: &str) -> bool {
    source.strip_prefix("seed:").is_some_and(is_valid_id)
}

fn check_sources(sources: &[String], path: &str) -> Verdict {
    if sources.is_empty() {
        return Err((path.to_string(), Problem::NoSources));
    }
    for (i, s) in sources.iter().enumerate() {
        if !is_safe_http_url(s) && !is_seed_source(s) {
            return Err((format!("{path}[{i}]"), Problem::UnsafeUrl { url: s.clone() }));
        }
    }
    Ok(())
}

/// Why an image cannot be shown, if it cannot.
fn image_problem(image: &Image) -> Option<&'static str> {
    const MAX_SIDE: u32 = 20_000;
    if !is_safe_http_url(&image.url) || image.variants.iter().any(|v| !is_safe_http_url(&v.url)) {
        Some("its address is not an http(s) URL")
    } else if !(1..=MAX_SIDE).contains(&image.width) || !(1..=MAX_SIDE).contains(&image.height) {
        Some("width and height must be 1 to 20000 pixels")
    } else if image.variants.iter().any(|v| !(1..=MAX_SIDE).contains(&v.width)) {
        Some("a variant's width must be 1 to 20000 pixels")
    } else if image.author.trim().is_empty() || image.licence.trim().is_empty() {
        Some("author and licence are required")
    } else if !is_safe_http_url(&image.source) {
        Some("its source is not an http(s) URL")
    } else if image.alt.vi.trim().is_empty() {
        Some("alt text (at least in Vietnamese) is required")
    } else {
        None
    }
}

fn check_months(months: &[u8], path: &str) -> Verdict {
    match months.iter().position(|m| !(1..=12).contains(m)) {
        Some(i) => Err((format!("{path}[{i}]"), Problem::BadMonth { month: months[i] })),
        None => Ok(()),
    }
}

fn check_coordinates(c: &Coordinates, path: &str) -> Verdict {
    if geo::PROVINCE_BOUNDS.contains(c.lat, c.lon) {
        Ok(())
    } else {
        Err((
            path.to_string(),
            Problem::OutsideProvince {
                lat: c.lat,
                lon: c.lon,
            },
        ))
    }
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

fn in_range(s: &str, lo: u32, hi: u32) -> bool {
    s.parse::<u32>().is_ok_and(|v| (lo..=hi).contains(&v))
}

fn is_year_month(s: &str) -> bool {
    matches!(s.split('-').collect::<Vec<_>>()[..], [y, m] if digits(y, 4) && digits(m, 2) && in_range(m, 1, 12))
}

fn is_iso_date(s: &str) -> bool {
    matches!(s.split('-').collect::<Vec<_>>()[..],
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) && in_range(m, 1, 12) && in_range(d, 1, 31))
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn is_partial_date(s: &str) -> bool {
    digits(s, 4) || is_year_month(s) || is_iso_date(s)
}

#[cfg(test)]
mod tests;
