//! What the import says about each row, in Vietnamese and in English.
//!
//! The report is read by the province's OCOP office, not by developers: every reason says
//! what is wrong with the cell as the officer sees it (row number as the spreadsheet shows
//! it, column header as they typed it) and what to write instead.

use super::columns::{spec, Col};
use std::fmt::Write as _;

/// Why a row was refused: one cell's problem.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// A required value is empty.
    Missing,
    /// The cell holds a formula: the importer does not calculate, and the value shown in
    /// the spreadsheet may not be the one saved.
    Formula {
        formula: String,
    },
    /// The cell holds a spreadsheet error (`#N/A`, `#REF!`…).
    ErrorCell {
        error: String,
    },
    /// The cell is part of merged cells spanning these spreadsheet rows (1-based).
    Merged {
        first_row: usize,
        last_row: usize,
    },
    /// A date or a true/false value where text or a number is expected.
    WrongKind {
        found: &'static str,
    },
    TooLong {
        chars: usize,
        limit: usize,
    },
    TooMany {
        items: usize,
        limit: usize,
    },
    BadId {
        value: String,
        suggestion: String,
    },
    DuplicateId {
        id: String,
        first_row: usize,
    },
    UnknownGroup {
        value: String,
    },
    UnknownSubcategory {
        value: String,
    },
    BadStars {
        value: String,
    },
    UnknownLevel {
        value: String,
    },
    FiveStarsNotNational,
    NationalNeedsFiveStars,
    UnknownEvidence {
        value: String,
    },
    StarsWithoutStatedEvidence,
    StatedEvidenceWithoutStars,
    BadYear {
        value: String,
    },
    BadYearMonth {
        value: String,
    },
    UnknownProducerType {
        value: String,
    },
    ProducerTypeNeeded,
    ProducerTypeConflict {
        first_row: usize,
    },
    UnknownProducerId {
        id: String,
    },
    UnknownDistrict {
        value: String,
    },
    BadPrice {
        value: String,
    },
    PriceRange {
        min: u64,
        max: u64,
    },
    PriceNeeds {
        column: Col,
    },
    PriceDetailsWithoutPrice,
    UnknownPriceKind {
        value: String,
    },
    BadDate {
        value: String,
    },
    BadMonths {
        value: String,
    },
    BrokenUrl {
        value: String,
    },
    UnknownSalesPoint {
        value: String,
    },
    BadYesNo {
        value: String,
    },
    TranslationWithoutVietnamese,
}

impl Reason {
    pub fn vi(&self) -> String {
        match self {
            Reason::Missing => "bắt buộc, đang để trống".into(),
            Reason::Formula { formula } => format!(
                "ô chứa công thức ({formula}); hãy nhập giá trị, không dùng công thức (chương trình không tính công thức)"
            ),
            Reason::ErrorCell { error } => format!("ô báo lỗi {error}; hãy nhập giá trị đúng"),
            Reason::Merged { first_row, last_row } => format!(
                "ô bị gộp (dòng {first_row}–{last_row}); hãy bỏ gộp ô và nhập giá trị ở từng dòng"
            ),
            Reason::WrongKind { found } => format!("ô chứa {} thay vì chữ hoặc số", kind_vi(found)),
            Reason::TooLong { chars, limit } => format!("dài {chars} ký tự, quá giới hạn {limit}"),
            Reason::TooMany { items, limit } => format!("{items} mục, quá giới hạn {limit}"),
            Reason::BadId { value, suggestion } => format!(
                "mã {value:?} không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ {suggestion:?} (hoặc để trống để tự tạo mã)"
            ),
            Reason::DuplicateId { id, first_row } => {
                format!("mã {id:?} đã dùng ở dòng {first_row}; giữ dòng {first_row}, bỏ dòng này")
            }
            Reason::UnknownGroup { value } => format!(
                "nhóm {value:?} không có trong 6 nhóm OCOP: Thực phẩm, Đồ uống, Thảo dược, Vải & may mặc, Lưu niệm – nội thất – trang trí, Dịch vụ du lịch nông thôn"
            ),
            Reason::UnknownSubcategory { value } => format!(
                "phân nhóm {value:?} không có trong danh sách (xem docs/data-template.md)"
            ),
            Reason::BadStars { value } => format!(
                "số sao {value:?} không hợp lệ: chỉ 3, 4 hoặc 5 (sản phẩm 1–2 sao không được công nhận OCOP); để trống nếu nguồn không nêu số sao"
            ),
            Reason::UnknownLevel { value } => format!("cấp {value:?} không hợp lệ: ghi \"tỉnh\" hoặc \"quốc gia\""),
            Reason::FiveStarsNotNational => "sản phẩm 5 sao phải ghi cấp \"quốc gia\" (từ 2020 chỉ Hội đồng trung ương công nhận 5 sao; 5 sao cấp tỉnh chỉ với năm công nhận trước 2020)".into(),
            Reason::NationalNeedsFiveStars => "cấp quốc gia chỉ dành cho sản phẩm 5 sao".into(),
            Reason::UnknownEvidence { value } => format!(
                "{value:?} không hợp lệ: ghi \"nêu số sao\", \"nêu là OCOP\" hoặc \"chưa xác nhận\""
            ),
            Reason::StarsWithoutStatedEvidence => "có số sao nhưng cột Xác nhận OCOP không phải \"nêu số sao\"".into(),
            Reason::StatedEvidenceWithoutStars => "ghi \"nêu số sao\" nhưng cột Số sao để trống".into(),
            Reason::BadYear { value } => format!("năm {value:?} không hợp lệ: ghi năm 4 chữ số từ 2012 đến 2100"),
            Reason::BadYearMonth { value } => format!("{value:?} không phải tháng/năm: ghi dạng 2028-01 hoặc 01/2028"),
            Reason::UnknownProducerType { value } => format!(
                "loại chủ thể {value:?} không hợp lệ: ghi \"công ty\", \"hợp tác xã\" hoặc \"hộ kinh doanh\""
            ),
            Reason::ProducerTypeNeeded => "chủ thể mới: cần ghi Loại chủ thể (công ty, hợp tác xã hoặc hộ kinh doanh)".into(),
            Reason::ProducerTypeConflict { first_row } => format!("loại chủ thể khác với dòng {first_row} cho cùng chủ thể"),
            Reason::UnknownProducerId { id } => format!("không có chủ thể mã {id:?}; ghi tên chủ thể ở cột Chủ thể"),
            Reason::UnknownDistrict { value } => format!(
                "không nhận ra huyện/thị xã/thành phố {value:?} (các đơn vị trước 7/2025 của Quảng Ninh, ví dụ \"Ba Chẽ\", \"TP Hạ Long\")"
            ),
            Reason::BadPrice { value } => format!("giá {value:?} không phải số đồng nguyên, ví dụ 350000 hoặc 350.000"),
            Reason::PriceRange { min, max } => format!("giá thấp nhất {min} lớn hơn giá cao nhất {max}"),
            Reason::PriceNeeds { column } => format!("có giá thì phải ghi cột {}", spec(*column).header),
            Reason::PriceDetailsWithoutPrice => "có thông tin giá nhưng không có giá".into(),
            Reason::UnknownPriceKind { value } => format!(
                "loại giá {value:?} không hợp lệ: ghi \"bán lẻ\", \"giá tại cơ sở\", \"giá tại vườn\" hoặc \"nhà hàng\""
            ),
            Reason::BadDate { value } => format!("{value:?} không phải ngày: ghi dạng 2024, 2024-05 hoặc 2024-05-17"),
            Reason::BadMonths { value } => format!("tháng {value:?} không hợp lệ: ghi số tháng 1–12, ví dụ \"10-12\" hoặc \"1, 2, 3\""),
            Reason::BrokenUrl { value } => format!(
                "đường dẫn {value:?} không hợp lệ: phải bắt đầu bằng http:// hoặc https://, có tên miền, không có dấu cách"
            ),
            Reason::UnknownSalesPoint { value } => format!("không có điểm bán {value:?} trong dữ liệu gốc (--base)"),
            Reason::BadYesNo { value } => format!("{value:?} không hợp lệ: ghi \"có\", \"không\" hoặc để trống"),
            Reason::TranslationWithoutVietnamese => "có bản dịch nhưng thiếu bản tiếng Việt".into(),
        }
    }

    pub fn en(&self) -> String {
        match self {
            Reason::Missing => "required, but empty".into(),
            Reason::Formula { formula } => format!(
                "the cell holds a formula ({formula}); type the value itself (the importer does not calculate formulas)"
            ),
            Reason::ErrorCell { error } => format!("the cell shows the error {error}; type the right value"),
            Reason::Merged { first_row, last_row } => format!(
                "merged cells (rows {first_row}–{last_row}); unmerge them and type the value in every row"
            ),
            Reason::WrongKind { found } => format!("the cell holds {found} instead of text or a number"),
            Reason::TooLong { chars, limit } => format!("{chars} characters, over the limit of {limit}"),
            Reason::TooMany { items, limit } => format!("{items} items, over the limit of {limit}"),
            Reason::BadId { value, suggestion } => format!(
                "ID {value:?} is not valid: use lower-case letters without tones, digits and hyphens, e.g. {suggestion:?} (or leave it empty to generate one)"
            ),
            Reason::DuplicateId { id, first_row } => {
                format!("ID {id:?} is already used in row {first_row}; row {first_row} is kept, this one is not")
            }
            Reason::UnknownGroup { value } => format!(
                "group {value:?} is not one of the six OCOP groups: food, beverage, herbal, textile, souvenir, rural tourism"
            ),
            Reason::UnknownSubcategory { value } => {
                format!("subcategory {value:?} is not in the list (see docs/data-template.md)")
            }
            Reason::BadStars { value } => format!(
                "stars {value:?} is not valid: only 3, 4 or 5 (1–2 star products are not OCOP-certified); leave it empty if no source states the stars"
            ),
            Reason::UnknownLevel { value } => format!("level {value:?} is not valid: write \"tỉnh\" (provincial) or \"quốc gia\" (national)"),
            Reason::FiveStarsNotNational => "a 5-star product must have level \"quốc gia\" (national): since 2020 only the central council awards 5 stars (provincial 5 stars only with a rating year before 2020)".into(),
            Reason::NationalNeedsFiveStars => "the national level is only for 5-star products".into(),
            Reason::UnknownEvidence { value } => format!(
                "{value:?} is not valid: write \"nêu số sao\" (stars stated), \"nêu là OCOP\" (OCOP stated) or \"chưa xác nhận\" (unconfirmed)"
            ),
            Reason::StarsWithoutStatedEvidence => "stars are given but Evidence is not \"stars stated\"".into(),
            Reason::StatedEvidenceWithoutStars => "Evidence says \"stars stated\" but Stars is empty".into(),
            Reason::BadYear { value } => format!("year {value:?} is not valid: a 4-digit year from 2012 to 2100"),
            Reason::BadYearMonth { value } => format!("{value:?} is not a month: write 2028-01 or 01/2028"),
            Reason::UnknownProducerType { value } => format!(
                "producer type {value:?} is not valid: write \"công ty\" (company), \"hợp tác xã\" (cooperative) or \"hộ kinh doanh\" (household)"
            ),
            Reason::ProducerTypeNeeded => "a new producer needs its Producer type (company, cooperative or household)".into(),
            Reason::ProducerTypeConflict { first_row } => {
                format!("producer type differs from row {first_row} for the same producer")
            }
            Reason::UnknownProducerId { id } => format!("no producer has ID {id:?}; write the producer's name in the Producer column"),
            Reason::UnknownDistrict { value } => format!(
                "district {value:?} is not recognised (Quảng Ninh's units before July 2025, e.g. \"Ba Chẽ\", \"TP Hạ Long\")"
            ),
            Reason::BadPrice { value } => format!("price {value:?} is not a whole number of đồng, e.g. 350000 or 350.000"),
            Reason::PriceRange { min, max } => format!("lowest price {min} is above highest price {max}"),
            Reason::PriceNeeds { column } => format!("a price needs the column {}", spec(*column).english),
            Reason::PriceDetailsWithoutPrice => "price details are given but no price".into(),
            Reason::UnknownPriceKind { value } => format!(
                "price kind {value:?} is not valid: write \"bán lẻ\" (retail), \"giá tại cơ sở\" (producer), \"giá tại vườn\" (farm gate) or \"nhà hàng\" (restaurant)"
            ),
            Reason::BadDate { value } => format!("{value:?} is not a date: write 2024, 2024-05 or 2024-05-17"),
            Reason::BadMonths { value } => format!("months {value:?} are not valid: month numbers 1–12, e.g. \"10-12\" or \"1, 2, 3\""),
            Reason::BrokenUrl { value } => format!(
                "link {value:?} is broken: it must start with http:// or https://, have a host name and no spaces"
            ),
            Reason::UnknownSalesPoint { value } => format!("no sales point {value:?} in the base dataset (--base)"),
            Reason::BadYesNo { value } => format!("{value:?} is not valid: write \"có\" (yes), \"không\" (no) or leave it empty"),
            Reason::TranslationWithoutVietnamese => "a translation is given without the Vietnamese text".into(),
        }
    }
}

fn kind_vi(found: &str) -> &'static str {
    match found {
        "a date" => "ngày tháng",
        "a true/false value" => "giá trị đúng/sai",
        _ => "giá trị khác",
    }
}

/// A whole-file problem: nothing is imported.
#[derive(Clone, Debug, PartialEq)]
pub enum FileProblem {
    /// No cell holds anything.
    EmptySheet,
    /// The header row lacks required columns (their Vietnamese headers).
    MissingColumns { columns: Vec<Col> },
    /// Two columns of the header name the same field: which one to use is a guess.
    DuplicateColumn { header: String, first: String },
}

impl FileProblem {
    pub fn vi(&self) -> String {
        match self {
            FileProblem::EmptySheet => "trang tính trống: không có dòng nào".into(),
            FileProblem::MissingColumns { columns } => format!(
                "dòng tiêu đề thiếu cột bắt buộc: {}",
                columns
                    .iter()
                    .map(|c| format!("\"{}\"", spec(*c).header))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            FileProblem::DuplicateColumn { header, first } => {
                format!("cột \"{header}\" trùng với cột \"{first}\"; hãy xóa một cột")
            }
        }
    }

    pub fn en(&self) -> String {
        match self {
            FileProblem::EmptySheet => "the sheet is empty: it has no rows".into(),
            FileProblem::MissingColumns { columns } => format!(
                "the header row lacks required columns: {}",
                columns
                    .iter()
                    .map(|c| format!("\"{}\" ({})", spec(*c).header, spec(*c).english))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            FileProblem::DuplicateColumn { header, first } => {
                format!("column \"{header}\" names the same field as column \"{first}\"; delete one of them")
            }
        }
    }
}

/// Something worth knowing that refused nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// A header the importer does not know: the column is ignored.
    UnknownColumn { header: String },
    /// Rows above the header row (a title, a date) were skipped.
    RowsAboveHeader { header_row: usize },
    /// Merged cells in the header row.
    MergedHeader,
    /// The row's name repeats an earlier row's: its generated ID got a number.
    RepeatedName { id: String, first_row: usize },
    /// A producer record was created for a name not in the base dataset.
    NewProducer { id: String, name: String },
    /// A refused row named a product of the base dataset: its previous version is kept.
    KeptPrevious { id: String },
    /// A product of the base dataset is not in the spreadsheet: left out.
    Removed { id: String },
    /// A base product not in the spreadsheet is kept (`--keep-unlisted`).
    KeptUnlisted { id: String },
    /// The base product's claimed stars no longer fit its new rating or sources.
    ClaimDropped { id: String },
    /// A spot of the base dataset listed a product that is no longer there.
    SpotLinkRemoved { spot: String, product: String },
}

impl Note {
    pub fn vi(&self) -> String {
        match self {
            Note::UnknownColumn { header } => format!("bỏ qua cột không dùng \"{header}\""),
            Note::RowsAboveHeader { header_row } => {
                format!("dòng tiêu đề là dòng {header_row}; các dòng phía trên được bỏ qua")
            }
            Note::MergedHeader => "dòng tiêu đề có ô gộp; mỗi cột nên có tiêu đề riêng".into(),
            Note::RepeatedName { id, first_row } => {
                format!("tên trùng với dòng {first_row}; tự tạo mã {id:?} — kiểm tra xem có phải một sản phẩm bị nhập hai lần")
            }
            Note::NewProducer { id, name } => format!("tạo chủ thể mới {name:?} với mã {id:?}"),
            Note::KeptPrevious { id } => format!("dòng bị từ chối; giữ nguyên bản cũ của sản phẩm {id:?} trong dữ liệu gốc"),
            Note::Removed { id } => format!("sản phẩm {id:?} của dữ liệu gốc không có trong bảng tính nên bị bỏ"),
            Note::KeptUnlisted { id } => format!("sản phẩm {id:?} của dữ liệu gốc không có trong bảng tính, vẫn được giữ"),
            Note::ClaimDropped { id } => format!(
                "bỏ số sao \"được nêu\" (claimed) của {id:?} trong dữ liệu gốc vì không còn khớp với xếp hạng hoặc nguồn mới"
            ),
            Note::SpotLinkRemoved { spot, product } => {
                format!("điểm đến {spot:?} không còn liên kết tới sản phẩm đã bỏ {product:?}")
            }
        }
    }

    pub fn en(&self) -> String {
        match self {
            Note::UnknownColumn { header } => format!("unknown column \"{header}\" ignored"),
            Note::RowsAboveHeader { header_row } => {
                format!("the header is row {header_row}; the rows above it were skipped")
            }
            Note::MergedHeader => "the header row has merged cells; give each column its own header".into(),
            Note::RepeatedName { id, first_row } => format!(
                "same name as row {first_row}; generated ID {id:?} — check the product is not listed twice"
            ),
            Note::NewProducer { id, name } => format!("new producer {name:?} created with ID {id:?}"),
            Note::KeptPrevious { id } => format!("row refused; the base dataset's version of {id:?} is kept unchanged"),
            Note::Removed { id } => format!("base product {id:?} is not in the spreadsheet, so it is left out"),
            Note::KeptUnlisted { id } => format!("base product {id:?} is not in the spreadsheet and is kept"),
            Note::ClaimDropped { id } => format!(
                "the base dataset's claimed stars of {id:?} were left out: they no longer fit the new rating or sources"
            ),
            Note::SpotLinkRemoved { spot, product } => {
                format!("spot {spot:?} no longer lists the removed product {product:?}")
            }
        }
    }
}

/// One problem in a refused row.
#[derive(Clone, Debug, PartialEq)]
pub struct CellProblem {
    /// The column header as written in the file (or the template's, for a missing column).
    pub header: String,
    pub column: Option<Col>,
    /// Spreadsheet column letter (`A`, `B`… `AA`), when the column exists.
    pub letter: Option<String>,
    pub reason: Reason,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RefusedRow {
    /// The row number as the spreadsheet shows it (1-based, the header row included).
    pub row: usize,
    pub problems: Vec<CellProblem>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptedRow {
    pub row: usize,
    pub id: String,
    pub name: String,
    /// The base dataset had a product with this id, now replaced.
    pub updated: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NoteAt {
    pub row: Option<usize>,
    pub note: Note,
}

/// Everything the import did, row by row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// Set when the whole file was refused; then nothing is accepted.
    pub fatal: Option<FileProblem>,
    pub accepted: Vec<AcceptedRow>,
    pub refused: Vec<RefusedRow>,
    pub notes: Vec<NoteAt>,
}

impl ImportReport {
    /// The report as Markdown, Vietnamese first and English next to it.
    pub fn to_markdown(&self, file: &str) -> String {
        let mut md = String::new();
        let _ = writeln!(md, "# Báo cáo nhập dữ liệu OCOP / OCOP import report\n");
        let _ = writeln!(md, "Tệp / File: `{}`\n", file.replace('`', "'"));
        if let Some(fatal) = &self.fatal {
            let _ = writeln!(md, "**Không nhập được tệp / The file was not imported:**\n");
            let _ = writeln!(md, "- {}", fatal.vi());
            let _ = writeln!(md, "- {}\n", fatal.en());
        }
        let _ = writeln!(
            md,
            "- Dòng được nhận / Rows accepted: **{}**\n- Dòng bị từ chối / Rows refused: **{}**\n",
            self.accepted.len(),
            self.refused.len()
        );
        if !self.refused.is_empty() {
            let _ = writeln!(md, "## Dòng bị từ chối / Refused rows\n");
            let _ = writeln!(md, "| Dòng / Row | Cột / Column | Lý do | Reason |");
            let _ = writeln!(md, "|---:|---|---|---|");
            for r in &self.refused {
                for p in &r.problems {
                    let column = match (&p.letter, p.column) {
                        (Some(l), Some(c)) => format!("{l} · {} ({})", p.header, spec(c).english),
                        (Some(l), None) => format!("{l} · {}", p.header),
                        (None, Some(c)) => format!("{} ({})", p.header, spec(c).english),
                        (None, None) => p.header.clone(),
                    };
                    let _ = writeln!(
                        md,
                        "| {} | {} | {} | {} |",
                        r.row,
                        cell(&column),
                        cell(&p.reason.vi()),
                        cell(&p.reason.en())
                    );
                }
            }
            md.push('\n');
        }
        if !self.accepted.is_empty() {
            let _ = writeln!(md, "## Dòng được nhận / Accepted rows\n");
            let _ = writeln!(md, "| Dòng / Row | Mã / ID | Tên / Name | |");
            let _ = writeln!(md, "|---:|---|---|---|");
            for a in &self.accepted {
                let what = if a.updated {
                    "cập nhật / updated"
                } else {
                    "mới / new"
                };
                let _ = writeln!(md, "| {} | `{}` | {} | {what} |", a.row, a.id, cell(&a.name));
            }
            md.push('\n');
        }
        if !self.notes.is_empty() {
            let _ = writeln!(md, "## Ghi chú / Notes\n");
            let _ = writeln!(md, "| Dòng / Row | Ghi chú | Note |");
            let _ = writeln!(md, "|---:|---|---|");
            for n in &self.notes {
                let row = n.row.map(|r| r.to_string()).unwrap_or_default();
                let _ = writeln!(md, "| {row} | {} | {} |", cell(&n.note.vi()), cell(&n.note.en()));
            }
        }
        md
    }
}

/// Text safe inside a Markdown table cell: no line breaks, pipes escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\r', '\n'], " ")
}
