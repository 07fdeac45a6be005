//! The template spreadsheet (docs/ocop-template.csv and .xlsx): the header row and example
//! rows written from real products of the bundled dataset, the inverse of [`super::import`].
//!
//! Made from the dataset rather than typed by hand, so the examples carry the bundled
//! facts and sources exactly, and importing the template gives those products back (a
//! test checks both, and that the committed files are what `cargo xtask data template`
//! writes now).

use super::columns::{Col, COLUMNS};
use super::values;
use super::Cell;
use crate::geo;
use crate::model::{Dataset, Product};

/// The bundled products the template's rows show: a national 5★ product with a price, an
/// online listing and a season across the new year; a provincial 4★ with its season as a
/// range; an OCOP product with no stars stated, from a cooperative.
pub const TEMPLATE_IDS: &[&str] = &[
    "tra-hoa-vang-ba-che",
    "che-duong-hoa-hai-ha",
    "tra-hoa-vang-htx-ba-che",
];

/// The header row, in the template's column order.
pub fn header_row() -> Vec<Cell> {
    COLUMNS.iter().map(|c| Cell::Text(c.header.to_string())).collect()
}

/// The template: the header row, then one row per [`TEMPLATE_IDS`] product of `dataset`.
pub fn template_rows(dataset: &Dataset) -> Result<Vec<Vec<Cell>>, String> {
    let mut rows = vec![header_row()];
    for id in TEMPLATE_IDS {
        let product = dataset
            .product(id)
            .ok_or_else(|| format!("the dataset has no product {id:?} for the template"))?;
        rows.push(product_row(product, dataset));
    }
    Ok(rows)
}

/// One product as a spreadsheet row: Vietnamese labels where the import accepts them,
/// numbers as numbers, lists one item per line.
pub fn product_row(p: &Product, dataset: &Dataset) -> Vec<Cell> {
    let producer = p.producer.as_deref().and_then(|id| dataset.producer(id));
    let price = p.price.as_deref();
    let description = p.description.as_deref();
    let summary = p.summary.as_deref();
    COLUMNS
        .iter()
        .map(|c| match c.col {
            Col::Id => text(&p.id),
            Col::Name => text(&p.name.vi),
            Col::NameEn => opt(p.name.en.as_deref()),
            Col::NameZh => opt(p.name.zh.as_deref()),
            Col::Group => text(values::group_label(p.group)),
            Col::Subcategory => text(values::subcategory_label(&p.subcategory).unwrap_or(&p.subcategory)),
            Col::Stars => number(p.rating.stars.map(f64::from)),
            Col::Level => opt(p.rating.level.map(values::level_label)),
            Col::Evidence => text(values::evidence_label(p.rating.evidence)),
            Col::YearRated => number(p.rating.year_rated.map(f64::from)),
            Col::ValidUntil => opt(p.rating.valid_until.as_deref()),
            Col::Decision => opt(p.rating.decision.as_deref()),
            Col::Producer => opt(producer.map(|x| x.name.as_str())),
            Col::ProducerId => opt(producer.map(|x| x.id.as_str())),
            Col::ProducerType => opt(producer.map(|x| values::producer_type_label(x.kind))),
            Col::District => opt(p
                .locality
                .district
                .as_deref()
                .and_then(geo::district)
                .map(|d| d.name_vi)),
            Col::Commune => opt(p.locality.commune.as_deref()),
            Col::Commune2025 => opt(p.locality.commune_2025.as_deref()),
            Col::Summary => opt(summary.map(|d| d.vi.as_str())),
            Col::SummaryEn => opt(summary.and_then(|d| d.en.as_deref())),
            Col::SummaryZh => opt(summary.and_then(|d| d.zh.as_deref())),
            Col::Description => opt(description.map(|d| d.vi.as_str())),
            Col::DescriptionEn => opt(description.and_then(|d| d.en.as_deref())),
            Col::DescriptionZh => opt(description.and_then(|d| d.zh.as_deref())),
            Col::PriceMin => number(price.map(|x| x.min_vnd as f64)),
            Col::PriceMax => number(price.map(|x| x.max_vnd as f64)),
            Col::PriceUnit => opt(price.map(|x| x.unit.as_str())),
            Col::PriceKind => opt(price.map(|x| values::price_kind_label(x.kind))),
            Col::PriceAsOf => opt(price.and_then(|x| x.as_of.as_deref())),
            Col::PriceSource => opt(price.map(|x| x.source_url.as_str())),
            Col::Season => opt(Some(values::months_label(&p.season_months)).as_deref()),
            Col::SalesPoints => opt(Some(p.where_to_buy.sales_points.join(", ")).as_deref()),
            Col::Online => opt(Some(
                p.where_to_buy
                    .online
                    .iter()
                    .map(|o| o.url.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
            .as_deref()),
            Col::Traceability => opt(p.traceability.map(|t| if t { "có" } else { "không" })),
            Col::Sources => text(&p.sources.join("\n")),
        })
        .collect()
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn opt(s: Option<&str>) -> Cell {
    s.map_or(Cell::Empty, text)
}

fn number(n: Option<f64>) -> Cell {
    n.map_or(Cell::Empty, Cell::Number)
}
