//! Spreadsheet rows → dataset: how the province's OCOP office publishes without a developer.
//!
//! The office keeps its product list in a spreadsheet, one product per row under a header
//! row of Vietnamese column names ([`columns::COLUMNS`], docs/data-template.md). The command
//! `cargo xtask data import` reads the file (.xlsx or .csv) into a [`Sheet`] of [`Cell`]s
//! and calls [`import`], which returns the dataset and an [`ImportReport`]: every row
//! accepted, every row refused with its row number, column and reason in Vietnamese and
//! English. Pure: no file is read or written here, so every rule is tested in memory.
//!
//! The rules:
//! - A row is **refused as a whole** when any of its cells is wrong; the others still go
//!   in. A row is never half-imported: a product with a silently dropped rating or link
//!   would be worse than a product missing until the cell is fixed.
//! - Everything the importer accepts passes the app's validator with no issue at all
//!   ([`crate::validate::parse_and_validate`]; a property test checks it): what the
//!   validator would only warn about (an unknown subcategory) or silently remove (an
//!   unknown district, a broken link) is refused here, where the officer can fix it.
//! - Cells the file cannot be trusted for are refused, not interpreted: a formula (the
//!   value shown may not be the one saved, and nothing here calculates), an error cell
//!   (`#N/A`), and merged cells (the value sits in the first row only; the rows below
//!   would silently be empty where the officer sees it filled).
//! - A whole-file problem (an empty sheet, a required column missing from the header, a
//!   column twice) imports nothing: [`ImportReport::fatal`].
//!
//! With a base dataset (`--base`), see [`ImportOptions::base`]: the sheet is the product
//! list; everything else (meta, producers, spots, sales points, routes) is kept.

mod columns;
mod report;
pub mod template;
mod values;

pub use columns::{column_for, header_key, Col, ColumnSpec, COLUMNS};
pub use report::{AcceptedRow, CellProblem, FileProblem, ImportReport, Note, NoteAt, Reason, RefusedRow};
pub use values::slug;

use crate::model::*;
use crate::text::LocalText;
use crate::validate::{is_valid_id, Limits};
use std::collections::{HashMap, HashSet};

/// One spreadsheet cell, as the file holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A cell formatted as a date, as an ISO date `YYYY-MM-DD` (spreadsheets store dates as
    /// day numbers; typing `2028-01` into Excel makes one).
    Date(String),
    /// A formula (its text, `=SUM(A1:A3)`): refused, whatever value it shows.
    Formula(String),
    /// An error value (`#N/A`, `#REF!`…): refused.
    Error(String),
}

/// Merged cells: a rectangle of 0-based row and column positions in [`Sheet::rows`],
/// bounds included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    pub first_row: usize,
    pub last_row: usize,
    pub first_col: usize,
    pub last_col: usize,
}

/// A worksheet: rows from the sheet's first row (so row `i` is what the spreadsheet shows
/// as row `i + 1`), each from its column A, and the merged regions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub rows: Vec<Vec<Cell>>,
    pub merged: Vec<Merge>,
}

/// How to build the dataset around the imported products.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions<'a> {
    /// The dataset being updated (`--base`, already validated). When set:
    /// - `meta` (title, licence, attribution, sources, notes), producers, spots, sales
    ///   points and routes are kept; `dataset_version` and `generated_on` are replaced;
    /// - a row whose ID (written, or made from the name) is a base product **replaces** that
    ///   product, field by field for the columns the sheet has: a column the sheet lacks
    ///   keeps the base value, a column present but empty clears it;
    /// - a refused row whose ID is a base product keeps that product unchanged (a typo
    ///   does not delete a product);
    /// - producers are matched by "Mã chủ thể" or by name (tone- and case-insensitive);
    ///   sales points ("Điểm bán") must exist in the base;
    /// - base products not in the sheet are **left out**, unless `keep_unlisted`; spots
    ///   stop listing products that are left out.
    ///
    /// Without a base the dataset has a default `meta`, the products, and a producer record
    /// for each producer named (ID from "Mã chủ thể" or made from the name).
    pub base: Option<&'a Dataset>,
    /// Keep base products the sheet does not list (`--keep-unlisted`): the sheet then only
    /// adds and updates.
    pub keep_unlisted: bool,
    /// `meta.dataset_version` of the result (the publisher's version, e.g. `2026.12.03`).
    pub dataset_version: String,
    /// `meta.generated_on`, `YYYY-MM-DD`.
    pub generated_on: String,
}

/// The `meta` of a dataset imported without a base. The title names the programme, not a
/// column: the sheet holds products only.
pub fn default_meta(dataset_version: &str, generated_on: &str) -> Meta {
    Meta {
        dataset_version: dataset_version.to_string(),
        generated_on: generated_on.to_string(),
        title: LocalText {
            vi: "Sản phẩm OCOP Quảng Ninh".into(),
            en: Some("Quảng Ninh OCOP products".into()),
            zh: None,
        },
        licence: "Facts belong to their cited sources (each record's `sources`)".into(),
        attribution: vec![
            "Nhập từ bảng tính bằng cargo xtask data import; mỗi sản phẩm ghi nguồn của nó / Imported from a spreadsheet with cargo xtask data import; each product cites its sources".into(),
        ],
        ..Meta::default()
    }
}

/// Imports the products of `sheet`. Never panics, whatever the cells hold.
pub fn import(sheet: &Sheet, options: &ImportOptions) -> (Dataset, ImportReport) {
    let mut report = ImportReport::default();
    let mut dataset = match options.base {
        Some(base) => {
            let mut d = base.clone();
            d.meta.dataset_version = options.dataset_version.clone();
            d.meta.generated_on = options.generated_on.clone();
            d.products.clear();
            d
        }
        None => Dataset {
            schema_version: SCHEMA_VERSION.to_string(),
            meta: default_meta(&options.dataset_version, &options.generated_on),
            ..Dataset::default()
        },
    };
    let header = match read_header(sheet, &mut report) {
        Ok(header) => header,
        Err(problem) => {
            report.fatal = Some(problem);
            if let Some(base) = options.base {
                dataset.products = base.products.clone();
            }
            return (dataset, report);
        }
    };
    let mut state = State::new(options, &dataset, &header, sheet);
    // Rows in order: accepted products, and base products kept because their row was refused.
    let mut results: Vec<(usize, Result<Product, Option<String>>)> = Vec::new();
    for (index, cells) in sheet.rows.iter().enumerate().skip(header.row + 1) {
        if cells.iter().all(is_blank) {
            continue;
        }
        let row_no = index + 1;
        let mut row = Row {
            number: row_no,
            cells,
            header: &header,
            problems: Vec::new(),
        };
        for m in sheet
            .merged
            .iter()
            .filter(|m| (m.first_row..=m.last_row).contains(&index) && m.first_row > header.row)
        {
            row.fail_at(
                m.first_col,
                Reason::Merged {
                    first_row: m.first_row + 1,
                    last_row: m.last_row + 1,
                },
            );
        }
        let (product, producer) = state.product(&mut row, &mut report);
        if row.problems.is_empty() {
            state.commit_producer(producer, &product, row_no, &mut report);
            report.accepted.push(AcceptedRow {
                row: row_no,
                id: product.id.clone(),
                name: product.name.vi.clone(),
                updated: options.base.is_some_and(|b| b.product(&product.id).is_some()),
            });
            results.push((row_no, Ok(product)));
        } else {
            report.refused.push(RefusedRow {
                row: row_no,
                problems: row.problems,
            });
            // The id the row was about, if any: its base version is then kept.
            results.push((row_no, Err(Some(product.id).filter(|id| !id.is_empty()))));
        }
    }
    dataset.producers = state.producers;
    assemble(&mut dataset, options, results, &mut report);
    (dataset, report)
}

fn is_blank(cell: &Cell) -> bool {
    match cell {
        Cell::Empty => true,
        Cell::Text(t) => t.trim().is_empty(),
        _ => false,
    }
}

/// A product with nothing but its id, to fill from the row. Made through serde, as a file
/// would make it: optional fields the format gains later take their defaults here too.
fn empty_product(id: &str) -> Product {
    let minimal = serde_json::json!({
        "id": id,
        "name": {"vi": ""},
        "group": "food",
        "subcategory": "",
        "rating": {"evidence": "ocop_stated"},
        "sources": [],
    });
    serde_json::from_value(minimal).expect("a minimal product decodes")
}

/// The header row: which column is where.
struct Header {
    /// 0-based index of the header row in [`Sheet::rows`].
    row: usize,
    /// Column index → what it is, for the columns recognised.
    by_index: HashMap<usize, Col>,
    by_col: HashMap<Col, usize>,
    /// Header texts as written, by column index.
    texts: Vec<String>,
}

/// Finds the header row: the first of the first 20 rows that names the "Tên sản phẩm"
/// column. Offices often put a title ("DANH SÁCH SẢN PHẨM OCOP…") above the header.
fn read_header(sheet: &Sheet, report: &mut ImportReport) -> Result<Header, FileProblem> {
    let first_filled = sheet
        .rows
        .iter()
        .position(|r| !r.iter().all(is_blank))
        .ok_or(FileProblem::EmptySheet)?;
    let row = sheet
        .rows
        .iter()
        .enumerate()
        .take(20)
        .find(|(_, r)| r.iter().any(|c| column_for(&cell_text(c)) == Some(Col::Name)))
        .map_or(first_filled, |(i, _)| i);
    if row > first_filled {
        report.notes.push(NoteAt {
            row: None,
            note: Note::RowsAboveHeader { header_row: row + 1 },
        });
    }
    let texts: Vec<String> = sheet.rows[row].iter().map(cell_text).collect();
    let mut by_index = HashMap::new();
    let mut by_col: HashMap<Col, usize> = HashMap::new();
    for (i, text) in texts.iter().enumerate() {
        match column_for(text) {
            Some(col) => {
                if let Some(&first) = by_col.get(&col) {
                    return Err(FileProblem::DuplicateColumn {
                        header: text.clone(),
                        first: texts[first].clone(),
                    });
                }
                by_col.insert(col, i);
                by_index.insert(i, col);
            }
            None if !text.trim().is_empty() => report.notes.push(NoteAt {
                row: Some(row + 1),
                note: Note::UnknownColumn {
                    header: text.trim().to_string(),
                },
            }),
            None => {}
        }
    }
    let missing: Vec<Col> = COLUMNS
        .iter()
        .filter(|c| c.required && !by_col.contains_key(&c.col))
        .map(|c| c.col)
        .collect();
    if !missing.is_empty() {
        return Err(FileProblem::MissingColumns { columns: missing });
    }
    if sheet
        .merged
        .iter()
        .any(|m| (m.first_row..=m.last_row).contains(&row))
    {
        report.notes.push(NoteAt {
            row: Some(row + 1),
            note: Note::MergedHeader,
        });
    }
    Ok(Header {
        row,
        by_index,
        by_col,
        texts,
    })
}

/// A cell as plain text, for headers.
fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.trim().to_string(),
        Cell::Number(n) => values::format_number(*n),
        _ => String::new(),
    }
}

/// `A`, `B`, … `Z`, `AA`: the column letter a spreadsheet shows.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// One data row being read, and what is wrong with it so far.
struct Row<'a> {
    number: usize,
    cells: &'a [Cell],
    header: &'a Header,
    problems: Vec<CellProblem>,
}

impl Row<'_> {
    fn present(&self, col: Col) -> bool {
        self.header.by_col.contains_key(&col)
    }

    fn fail(&mut self, col: Col, reason: Reason) {
        match self.header.by_col.get(&col) {
            Some(&i) => self.fail_at(i, reason),
            None => self.problems.push(CellProblem {
                header: columns::spec(col).header.to_string(),
                column: Some(col),
                letter: None,
                reason,
            }),
        }
    }

    fn fail_at(&mut self, index: usize, reason: Reason) {
        self.problems.push(CellProblem {
            header: self.header.texts.get(index).cloned().unwrap_or_default(),
            column: self.header.by_index.get(&index).copied(),
            letter: Some(column_letter(index)),
            reason,
        });
    }

    /// The cell under `col`, `None` when the column is absent or the cell empty. Formulas
    /// and error cells are refused here, once, for every column.
    fn cell(&mut self, col: Col) -> Option<Cell> {
        let &i = self.header.by_col.get(&col)?;
        let cell = self.cells.get(i).cloned().unwrap_or(Cell::Empty);
        match cell {
            Cell::Empty => None,
            Cell::Text(t) => {
                let t = crate::unicode::nfc(t.trim());
                let limit = Limits::default().max_string_chars;
                let chars = t.chars().count();
                if t.is_empty() {
                    None
                } else if chars > limit {
                    self.fail(col, Reason::TooLong { chars, limit });
                    None
                } else {
                    Some(Cell::Text(t))
                }
            }
            Cell::Formula(f) => {
                self.fail(col, Reason::Formula { formula: f });
                None
            }
            Cell::Error(e) => {
                self.fail(col, Reason::ErrorCell { error: e });
                None
            }
            Cell::Number(n) if !n.is_finite() => {
                self.fail(
                    col,
                    Reason::ErrorCell {
                        error: format!("{n}"),
                    },
                );
                None
            }
            other => Some(other),
        }
    }

    /// The cell as text; a number is written as people write it, a date or a true/false
    /// value is refused.
    fn text(&mut self, col: Col) -> Option<String> {
        match self.cell(col)? {
            Cell::Text(t) => Some(t),
            Cell::Number(n) => Some(values::format_number(n)),
            Cell::Date(_) => {
                self.fail(col, Reason::WrongKind { found: "a date" });
                None
            }
            Cell::Bool(_) => {
                self.fail(
                    col,
                    Reason::WrongKind {
                        found: "a true/false value",
                    },
                );
                None
            }
            Cell::Empty | Cell::Formula(_) | Cell::Error(_) => None,
        }
    }

    /// Parses the text of `col`, refusing the row with the parser's reason.
    fn parsed<T>(&mut self, col: Col, parse: impl Fn(&str) -> Result<T, Reason>) -> Option<T> {
        let text = self.text(col)?;
        match parse(&text) {
            Ok(v) => Some(v),
            Err(reason) => {
                self.fail(col, reason);
                None
            }
        }
    }

    /// Like [`Row::parsed`] with a separate parser for number cells.
    fn number_or_text<T>(
        &mut self,
        col: Col,
        from_number: impl Fn(f64) -> Result<T, Reason>,
        from_text: impl Fn(&str) -> Result<T, Reason>,
    ) -> Option<T> {
        let result = match self.cell(col)? {
            Cell::Number(n) => from_number(n),
            Cell::Text(t) => from_text(&t),
            Cell::Date(_) => Err(Reason::WrongKind { found: "a date" }),
            Cell::Bool(_) => Err(Reason::WrongKind {
                found: "a true/false value",
            }),
            Cell::Empty | Cell::Formula(_) | Cell::Error(_) => return None,
        };
        result.map_err(|reason| self.fail(col, reason)).ok()
    }

    fn required(&mut self, col: Col) -> Option<String> {
        let before = self.problems.len();
        let text = self.text(col);
        if text.is_none() && self.problems.len() == before {
            self.fail(col, Reason::Missing);
        }
        text
    }

    fn list_limit<T>(&mut self, col: Col, list: Vec<T>) -> Option<Vec<T>> {
        let limit = Limits::default().max_list_items;
        if list.len() > limit {
            self.fail(
                col,
                Reason::TooMany {
                    items: list.len(),
                    limit,
                },
            );
            return None;
        }
        Some(list)
    }
}

/// Which producer a row names, decided before the row is known to be accepted.
enum ProducerChoice {
    None,
    Existing(String),
    New(Producer),
}

/// What the import keeps across rows.
struct State<'a> {
    base: Option<&'a Dataset>,
    producers: Vec<Producer>,
    /// Producers created by this import: id → (first row, type).
    created: HashMap<String, (usize, ProducerType)>,
    /// Ids written in the "Mã" column: id → first row writing it.
    written_ids: HashMap<String, usize>,
    /// Ids used so far (written or generated): id → row.
    taken: HashMap<String, usize>,
}

impl<'a> State<'a> {
    fn new(options: &ImportOptions<'a>, dataset: &Dataset, header: &Header, sheet: &Sheet) -> State<'a> {
        let mut written_ids = HashMap::new();
        if let Some(&i) = header.by_col.get(&Col::Id) {
            for (index, cells) in sheet.rows.iter().enumerate().skip(header.row + 1) {
                let id = match cells.get(i) {
                    Some(Cell::Text(t)) => t.trim().to_string(),
                    Some(Cell::Number(n)) => values::format_number(*n),
                    _ => continue,
                };
                if is_valid_id(&id) {
                    written_ids.entry(id).or_insert(index + 1);
                }
            }
        }
        State {
            base: options.base,
            producers: dataset.producers.clone(),
            created: HashMap::new(),
            written_ids,
            taken: HashMap::new(),
        }
    }

    /// The row's product id: the one written in "Mã", or one made from the name, unique.
    fn id(&mut self, row: &mut Row, name: Option<&str>, report: &mut ImportReport) -> Option<String> {
        if let Some(written) = row.text(Col::Id) {
            if !is_valid_id(&written) {
                let suggestion = slug(&written);
                row.fail(
                    Col::Id,
                    Reason::BadId {
                        value: written,
                        suggestion,
                    },
                );
                return None;
            }
            if let Some(&first_row) = self.taken.get(&written) {
                row.fail(
                    Col::Id,
                    Reason::DuplicateId {
                        id: written.clone(),
                        first_row,
                    },
                );
                return Some(String::new());
            }
            self.taken.insert(written.clone(), row.number);
            return Some(written);
        }
        let name = name?;
        let base = Some(slug(name))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| format!("san-pham-{}", row.number));
        let claimed = |id: &str, taken: &HashMap<String, usize>| {
            taken
                .get(id)
                .copied()
                .or_else(|| self.written_ids.get(id).copied().filter(|&r| r != row.number))
        };
        let mut id = base.clone();
        let mut n = 2;
        while claimed(&id, &self.taken).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        if id != base {
            let first_row = claimed(&base, &self.taken).unwrap_or(0);
            report.notes.push(NoteAt {
                row: Some(row.number),
                note: Note::RepeatedName {
                    id: id.clone(),
                    first_row,
                },
            });
        }
        self.taken.insert(id.clone(), row.number);
        Some(id)
    }

    /// Reads one row into a product; it is accepted only if `row.problems` stays empty.
    fn product(&mut self, row: &mut Row, report: &mut ImportReport) -> (Product, ProducerChoice) {
        // A row with a problem is still read to the end, so the report lists all of them.
        let name = row.required(Col::Name);
        let id = self.id(row, name.as_deref(), report).unwrap_or_default();
        let name = name.unwrap_or_default();
        let base_product = self.base.and_then(|b| b.product(&id)).filter(|_| !id.is_empty());
        let mut p = base_product.cloned().unwrap_or_else(|| empty_product(&id));
        p.id = id;
        p.name.vi = name;
        if row.present(Col::NameEn) {
            p.name.en = row.text(Col::NameEn);
        }
        if row.present(Col::NameZh) {
            p.name.zh = row.text(Col::NameZh);
        }
        if let Some(text) = row.required(Col::Group) {
            match values::group(&text) {
                Ok(g) => p.group = g,
                Err(r) => row.fail(Col::Group, r),
            }
        }
        if let Some(text) = row.required(Col::Subcategory) {
            match values::subcategory(&text) {
                Ok(s) => p.subcategory = s,
                Err(r) => row.fail(Col::Subcategory, r),
            }
        }
        self.rating(row, &mut p, base_product);
        if row.present(Col::District) {
            p.locality.district = row.parsed(Col::District, values::district).map(str::to_string);
        }
        if row.present(Col::Commune) {
            p.locality.commune = row.text(Col::Commune);
        }
        if row.present(Col::Commune2025) {
            p.locality.commune_2025 = row.text(Col::Commune2025);
        }
        let description = [Col::Description, Col::DescriptionEn, Col::DescriptionZh];
        if let Some(text) = Self::local_text(row, description, p.description.as_deref().cloned()) {
            p.description = text;
        }
        let summary = [Col::Summary, Col::SummaryEn, Col::SummaryZh];
        if let Some(text) = Self::local_text(row, summary, p.summary.as_deref().cloned()) {
            p.summary = text;
        }
        self.price(row, &mut p);
        if row.present(Col::Season) {
            let months = row.number_or_text(
                Col::Season,
                |n| values::months(&values::format_number(n)),
                values::months,
            );
            p.season_months = months.unwrap_or_default();
        }
        if row.present(Col::SalesPoints) {
            p.where_to_buy.sales_points = self.sales_points(row).unwrap_or_default();
        }
        if row.present(Col::Online) {
            let urls = row
                .parsed(Col::Online, |t| {
                    let urls = values::links(t)?;
                    match urls.iter().find(|u| u.starts_with("seed:")) {
                        Some(seed) => Err(Reason::BrokenUrl { value: seed.clone() }),
                        None => Ok(urls),
                    }
                })
                .and_then(|urls| row.list_limit(Col::Online, urls))
                .unwrap_or_default();
            p.where_to_buy.online = urls
                .into_iter()
                .map(|url| OnlineListing {
                    channel: values::channel(&url),
                    url,
                })
                .collect();
        }
        if row.present(Col::Traceability) {
            p.traceability = match row.cell(Col::Traceability) {
                None => None,
                Some(Cell::Bool(b)) => Some(b),
                Some(Cell::Text(t)) => values::yes_no(&t).unwrap_or_else(|r| {
                    row.fail(Col::Traceability, r);
                    None
                }),
                Some(other) => {
                    let value = cell_text(&other);
                    row.fail(Col::Traceability, Reason::BadYesNo { value });
                    None
                }
            };
        }
        if let Some(text) = row.required(Col::Sources) {
            match values::links(&text) {
                Ok(urls) if urls.is_empty() => row.fail(Col::Sources, Reason::Missing),
                Ok(urls) => {
                    if let Some(urls) = row.list_limit(Col::Sources, urls) {
                        p.sources = urls;
                    }
                }
                Err(r) => row.fail(Col::Sources, r),
            }
        }
        let producer = self.producer(row, &mut p);
        // Stars a source only claims (format 1.1, kept from the base) stand beside no
        // stated rating and cite one of the product's sources: when the sheet changes either,
        // the claim no longer fits and is left out, said in the report.
        if let Some(claim) = &p.rating.claimed {
            if p.rating.stars.is_some()
                || p.rating.evidence != Evidence::OcopStated
                || !p.sources.contains(&claim.source)
            {
                p.rating.claimed = None;
                report.notes.push(NoteAt {
                    row: Some(row.number),
                    note: Note::ClaimDropped { id: p.id.clone() },
                });
            }
        }
        (p, producer)
    }

    fn rating(&mut self, row: &mut Row, p: &mut Product, base: Option<&Product>) {
        let before = row.problems.len();
        let r = &mut p.rating;
        if row.present(Col::Stars) {
            r.stars = row.number_or_text(Col::Stars, values::stars_from_number, values::stars_from_text);
        }
        if row.present(Col::Level) {
            r.level = row.parsed(Col::Level, values::level);
        }
        if row.present(Col::YearRated) {
            r.year_rated =
                row.number_or_text(Col::YearRated, values::year_from_number, values::year_from_text);
        }
        if row.present(Col::ValidUntil) {
            r.valid_until = match row.cell(Col::ValidUntil) {
                Some(Cell::Date(d)) => values::year_month(&d).ok(),
                Some(_) => row.parsed(Col::ValidUntil, values::year_month),
                None => None,
            };
        }
        if row.present(Col::Decision) {
            r.decision = row.text(Col::Decision);
        }
        let written = if row.present(Col::Evidence) {
            row.parsed(Col::Evidence, values::evidence)
        } else {
            None
        };
        // Unstated evidence follows the stars; a product the base marks unconfirmed is
        // never promoted to OCOP by a sheet that simply lacks the column.
        r.evidence = match (written, r.stars) {
            (Some(e), _) => e,
            (None, Some(_)) => Evidence::StarStated,
            (None, None) if base.is_some_and(|b| b.rating.evidence == Evidence::Unconfirmed) => {
                Evidence::Unconfirmed
            }
            (None, None) => Evidence::OcopStated,
        };
        if row.problems.len() != before {
            return;
        }
        match (r.stars, r.evidence) {
            (Some(_), Evidence::OcopStated | Evidence::Unconfirmed) => {
                row.fail(Col::Evidence, Reason::StarsWithoutStatedEvidence)
            }
            (None, Evidence::StarStated) => row.fail(Col::Stars, Reason::StatedEvidenceWithoutStars),
            _ => {}
        }
        if r.level == Some(Level::National) && r.stars != Some(5) {
            row.fail(Col::Level, Reason::NationalNeedsFiveStars);
        }
        let provincial_before_2020 =
            r.level == Some(Level::Provincial) && r.year_rated.is_some_and(|y| y < 2020);
        if r.stars == Some(5) && r.level != Some(Level::National) && !provincial_before_2020 {
            row.fail(Col::Level, Reason::FiveStarsNotNational);
        }
    }

    /// A localised text from three columns (Vietnamese, English, Chinese), for the
    /// description and the summary. Columns the sheet lacks keep the base's text.
    fn local_text(row: &mut Row, cols: [Col; 3], base: Option<LocalText>) -> Option<Option<Box<LocalText>>> {
        if !cols.iter().any(|&c| row.present(c)) {
            return None;
        }
        let base = base.unwrap_or_default();
        let vi = if row.present(cols[0]) {
            row.text(cols[0])
        } else {
            Some(base.vi).filter(|v| !v.is_empty())
        };
        let en = if row.present(cols[1]) {
            row.text(cols[1])
        } else {
            base.en
        };
        let zh = if row.present(cols[2]) {
            row.text(cols[2])
        } else {
            base.zh
        };
        Some(match vi {
            Some(vi) => Some(Box::new(LocalText { vi, en, zh })),
            None if en.is_some() || zh.is_some() => {
                row.fail(cols[0], Reason::TranslationWithoutVietnamese);
                None
            }
            None => None,
        })
    }

    fn price(&mut self, row: &mut Row, p: &mut Product) {
        let cols = [
            Col::PriceMin,
            Col::PriceMax,
            Col::PriceUnit,
            Col::PriceKind,
            Col::PriceAsOf,
            Col::PriceSource,
        ];
        if !cols.iter().any(|&c| row.present(c)) {
            return;
        }
        let before = row.problems.len();
        let base = p.price.take();
        let amount = |row: &mut Row, col: Col, base: Option<u64>| {
            if row.present(col) {
                row.number_or_text(col, values::price_from_number, values::price_from_text)
            } else {
                base
            }
        };
        let min = amount(row, Col::PriceMin, base.as_ref().map(|b| b.min_vnd));
        let max = amount(row, Col::PriceMax, base.as_ref().map(|b| b.max_vnd));
        let unit = if row.present(Col::PriceUnit) {
            row.text(Col::PriceUnit)
        } else {
            base.as_ref().map(|b| b.unit.clone())
        };
        let kind = if row.present(Col::PriceKind) {
            row.parsed(Col::PriceKind, values::price_kind)
        } else {
            base.as_ref().map(|b| b.kind)
        };
        let as_of = if row.present(Col::PriceAsOf) {
            match row.cell(Col::PriceAsOf) {
                Some(Cell::Date(d)) => Some(d),
                Some(Cell::Number(n)) => row.parsed(Col::PriceAsOf, |_| {
                    values::partial_date(&values::format_number(n))
                }),
                Some(_) => row.parsed(Col::PriceAsOf, values::partial_date),
                None => None,
            }
        } else {
            base.as_ref().and_then(|b| b.as_of.clone())
        };
        let source = if row.present(Col::PriceSource) {
            row.parsed(Col::PriceSource, |t| match values::links(t)?.as_slice() {
                [one] if !one.starts_with("seed:") => Ok(one.clone()),
                _ => Err(Reason::BrokenUrl { value: t.to_string() }),
            })
        } else {
            base.as_ref().map(|b| b.source_url.clone())
        };
        if row.problems.len() != before {
            return;
        }
        let (min, max) = match (min, max) {
            (None, None) => {
                if unit.is_some() || kind.is_some() || as_of.is_some() || source.is_some() {
                    let col = if row.present(Col::PriceMin) {
                        Col::PriceMin
                    } else {
                        Col::PriceMax
                    };
                    row.fail(col, Reason::PriceDetailsWithoutPrice);
                }
                return;
            }
            // One price given: a single price, written twice (docs/dataset-format.md).
            (Some(a), None) | (None, Some(a)) => (a, a),
            (Some(a), Some(b)) => (a, b),
        };
        if min > max {
            row.fail(Col::PriceMax, Reason::PriceRange { min, max });
            return;
        }
        let (Some(unit), Some(kind), Some(source_url)) = (unit.clone(), kind, source.clone()) else {
            for (missing, col) in [
                (unit.is_none(), Col::PriceUnit),
                (kind.is_none(), Col::PriceKind),
                (source.is_none(), Col::PriceSource),
            ] {
                if missing {
                    row.fail(col, Reason::PriceNeeds { column: col });
                }
            }
            return;
        };
        p.price = Some(Box::new(PriceRange {
            min_vnd: min,
            max_vnd: max,
            unit,
            kind,
            as_of,
            source_url,
        }));
    }

    /// Sales points by id or by Vietnamese name, from the base dataset: a reference the app
    /// would drop is refused here instead.
    fn sales_points(&mut self, row: &mut Row) -> Option<Vec<String>> {
        let text = row.text(Col::SalesPoints)?;
        let points = self.base.map(|b| b.sales_points.as_slice()).unwrap_or(&[]);
        let mut ids: Vec<String> = Vec::new();
        for piece in values::split_list(&text, false) {
            let key = header_key(&piece);
            match points
                .iter()
                .find(|s| s.id == piece || header_key(&s.name.vi) == key)
            {
                Some(s) if !ids.contains(&s.id) => ids.push(s.id.clone()),
                Some(_) => {}
                None => {
                    row.fail(Col::SalesPoints, Reason::UnknownSalesPoint { value: piece });
                    return None;
                }
            }
        }
        row.list_limit(Col::SalesPoints, ids)
    }

    fn producer(&mut self, row: &mut Row, p: &mut Product) -> ProducerChoice {
        if !row.present(Col::Producer) && !row.present(Col::ProducerId) {
            return ProducerChoice::None;
        }
        let name = if row.present(Col::Producer) {
            row.text(Col::Producer)
        } else {
            None
        };
        let written_id = row.text(Col::ProducerId);
        let kind = row.parsed(Col::ProducerType, values::producer_type);
        if let Some(id) = &written_id {
            if !is_valid_id(id) {
                let suggestion = slug(id);
                row.fail(
                    Col::ProducerId,
                    Reason::BadId {
                        value: id.clone(),
                        suggestion,
                    },
                );
                return ProducerChoice::None;
            }
        }
        let choice = match (name, written_id) {
            (None, None) => ProducerChoice::None,
            (None, Some(id)) => {
                if self.producers.iter().any(|x| x.id == id) {
                    ProducerChoice::Existing(id)
                } else {
                    row.fail(Col::ProducerId, Reason::UnknownProducerId { id });
                    ProducerChoice::None
                }
            }
            (Some(name), written_id) => {
                let key = header_key(&name);
                let found = match &written_id {
                    Some(id) => self.producers.iter().find(|x| &x.id == id),
                    None => self.producers.iter().find(|x| header_key(&x.name) == key),
                };
                match found {
                    Some(existing) => {
                        if let (Some(kind), Some(&(first_row, first_kind))) =
                            (kind, self.created.get(&existing.id))
                        {
                            if kind != first_kind {
                                row.fail(Col::ProducerType, Reason::ProducerTypeConflict { first_row });
                            }
                        }
                        ProducerChoice::Existing(existing.id.clone())
                    }
                    None => {
                        let Some(kind) = kind.or_else(|| values::producer_type_from_name(&name)) else {
                            if !row.problems.iter().any(|x| x.column == Some(Col::ProducerType)) {
                                row.fail(Col::ProducerType, Reason::ProducerTypeNeeded);
                            }
                            return ProducerChoice::None;
                        };
                        let id = written_id.unwrap_or_else(|| {
                            let base = Some(slug(&name))
                                .filter(|s| !s.is_empty())
                                .unwrap_or_else(|| "chu-the".to_string());
                            let mut id = base.clone();
                            let mut n = 2;
                            while self.producers.iter().any(|x| x.id == id) {
                                id = format!("{base}-{n}");
                                n += 1;
                            }
                            id
                        });
                        ProducerChoice::New(Producer {
                            id,
                            name,
                            kind,
                            locality: Locality::default(),
                            sources: p.sources.clone(),
                        })
                    }
                }
            }
        };
        p.producer = match &choice {
            ProducerChoice::None => None,
            ProducerChoice::Existing(id) => Some(id.clone()),
            ProducerChoice::New(x) => Some(x.id.clone()),
        };
        choice
    }

    /// Records the producer of an accepted row: a new record, or this row's sources added to
    /// a producer this import created (each record needs sources; the rows naming it are them).
    fn commit_producer(
        &mut self,
        choice: ProducerChoice,
        product: &Product,
        row: usize,
        report: &mut ImportReport,
    ) {
        match choice {
            ProducerChoice::None => {}
            ProducerChoice::New(producer) => {
                report.notes.push(NoteAt {
                    row: Some(row),
                    note: Note::NewProducer {
                        id: producer.id.clone(),
                        name: producer.name.clone(),
                    },
                });
                self.created.insert(producer.id.clone(), (row, producer.kind));
                self.producers.push(producer);
            }
            ProducerChoice::Existing(id) => {
                if self.created.contains_key(&id) {
                    let limit = Limits::default().max_list_items;
                    if let Some(x) = self.producers.iter_mut().find(|x| x.id == id) {
                        for s in &product.sources {
                            if !x.sources.contains(s) && x.sources.len() < limit {
                                x.sources.push(s.clone());
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Puts the products together with the base dataset (see [`ImportOptions::base`]).
fn assemble(
    dataset: &mut Dataset,
    options: &ImportOptions,
    results: Vec<(usize, Result<Product, Option<String>>)>,
    report: &mut ImportReport,
) {
    let accepted_ids: HashSet<String> = results
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok().map(|p| p.id.clone()))
        .collect();
    let Some(base) = options.base else {
        dataset.products = results.into_iter().filter_map(|(_, r)| r.ok()).collect();
        return;
    };
    // Sheet order: accepted rows, and the base version of products whose row was refused.
    let mut listed: Vec<Product> = Vec::new();
    let mut mentioned: HashSet<String> = HashSet::new();
    for (row, result) in results {
        match result {
            Ok(p) => {
                mentioned.insert(p.id.clone());
                listed.push(p);
            }
            Err(Some(id)) if !accepted_ids.contains(&id) && !mentioned.contains(&id) => {
                if let Some(previous) = base.product(&id) {
                    mentioned.insert(id.clone());
                    report.notes.push(NoteAt {
                        row: Some(row),
                        note: Note::KeptPrevious { id: id.clone() },
                    });
                    listed.push(previous.clone());
                }
            }
            Err(_) => {}
        }
    }
    if options.keep_unlisted {
        let mut by_id: HashMap<String, Product> = listed.iter().map(|p| (p.id.clone(), p.clone())).collect();
        let mut products = Vec::new();
        for b in &base.products {
            match by_id.remove(&b.id) {
                Some(updated) => products.push(updated),
                None => {
                    report.notes.push(NoteAt {
                        row: None,
                        note: Note::KeptUnlisted { id: b.id.clone() },
                    });
                    products.push(b.clone());
                }
            }
        }
        products.extend(listed.into_iter().filter(|p| by_id.contains_key(&p.id)));
        dataset.products = products;
    } else {
        for b in &base.products {
            if !mentioned.contains(&b.id) {
                report.notes.push(NoteAt {
                    row: None,
                    note: Note::Removed { id: b.id.clone() },
                });
            }
        }
        dataset.products = listed;
    }
    let present: HashSet<&str> = dataset.products.iter().map(|p| p.id.as_str()).collect();
    for spot in &mut dataset.spots {
        let spot_id = spot.id.clone();
        spot.products.retain(|id| {
            let keep = present.contains(id.as_str());
            if !keep {
                report.notes.push(NoteAt {
                    row: None,
                    note: Note::SpotLinkRemoved {
                        spot: spot_id.clone(),
                        product: id.clone(),
                    },
                });
            }
            keep
        });
    }
}

#[cfg(test)]
mod tests;
