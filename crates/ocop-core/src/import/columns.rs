//! The spreadsheet's columns: their Vietnamese headers, the other spellings accepted, and
//! their English meaning (docs/data-template.md lists the same table for the office).
//!
//! Headers are matched after [`header_key`]: tones, case, punctuation and spacing do not
//! count, so "Tên sản phẩm", "TEN SAN PHAM" and "Tên  sản phẩm:" are the same column. An
//! officer retyping a header on a phone without a Vietnamese keyboard still gets a match.

use crate::search::fold;

/// One column the importer understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Col {
    Id,
    Name,
    NameEn,
    NameZh,
    Group,
    Subcategory,
    Stars,
    Level,
    Evidence,
    YearRated,
    ValidUntil,
    Decision,
    Producer,
    ProducerId,
    ProducerType,
    District,
    Commune,
    Commune2025,
    Summary,
    SummaryEn,
    SummaryZh,
    Description,
    DescriptionEn,
    DescriptionZh,
    PriceMin,
    PriceMax,
    PriceUnit,
    PriceKind,
    PriceAsOf,
    PriceSource,
    Season,
    SalesPoints,
    Online,
    Traceability,
    Sources,
}

/// How a column is written in the template, what else is accepted, and what it means.
pub struct ColumnSpec {
    pub col: Col,
    /// The header the template uses (Vietnamese).
    pub header: &'static str,
    /// The header in English: also accepted, and used in the English half of the report.
    pub english: &'static str,
    /// Other spellings accepted (compared after [`header_key`]).
    pub aliases: &'static [&'static str],
    /// Without this column the file is refused as a whole.
    pub required: bool,
}

/// Every column, in the template's order.
#[rustfmt::skip]
pub const COLUMNS: &[ColumnSpec] = &[
    ColumnSpec { col: Col::Id, header: "Mã", english: "ID", aliases: &["ma san pham", "ma sp"], required: false },
    ColumnSpec { col: Col::Name, header: "Tên sản phẩm", english: "Name", aliases: &["ten", "product name", "name vi"], required: true },
    ColumnSpec { col: Col::NameEn, header: "Tên tiếng Anh", english: "Name in English", aliases: &["english name", "name en"], required: false },
    ColumnSpec { col: Col::NameZh, header: "Tên tiếng Trung", english: "Name in Chinese", aliases: &["chinese name", "name zh"], required: false },
    ColumnSpec { col: Col::Group, header: "Nhóm", english: "Group", aliases: &["nhom san pham", "bo san pham", "product group"], required: true },
    ColumnSpec { col: Col::Subcategory, header: "Phân nhóm", english: "Subcategory", aliases: &["phan loai", "loai san pham"], required: true },
    ColumnSpec { col: Col::Stars, header: "Số sao", english: "Stars", aliases: &["sao", "hang sao", "xep hang"], required: false },
    ColumnSpec { col: Col::Level, header: "Cấp", english: "Level", aliases: &["cap cong nhan", "cap danh gia"], required: false },
    ColumnSpec { col: Col::Evidence, header: "Xác nhận OCOP", english: "Evidence", aliases: &["muc xac nhan", "bang chung"], required: false },
    ColumnSpec { col: Col::YearRated, header: "Năm công nhận", english: "Year rated", aliases: &["nam", "nam danh gia"], required: false },
    ColumnSpec { col: Col::ValidUntil, header: "Hiệu lực đến", english: "Valid until", aliases: &["het hieu luc", "han chung nhan"], required: false },
    ColumnSpec { col: Col::Decision, header: "Quyết định", english: "Decision", aliases: &["so quyet dinh", "quyet dinh cong nhan"], required: false },
    ColumnSpec { col: Col::Producer, header: "Chủ thể", english: "Producer", aliases: &["ten chu the", "chu the san xuat", "co so san xuat"], required: false },
    ColumnSpec { col: Col::ProducerId, header: "Mã chủ thể", english: "Producer ID", aliases: &["ma cs"], required: false },
    ColumnSpec { col: Col::ProducerType, header: "Loại chủ thể", english: "Producer type", aliases: &["loai hinh chu the"], required: false },
    ColumnSpec { col: Col::District, header: "Huyện/Thị xã/Thành phố", english: "District", aliases: &["huyen", "dia ban", "huyen thi xa"], required: false },
    ColumnSpec { col: Col::Commune, header: "Xã/Phường", english: "Commune", aliases: &["xa", "xa phuong thi tran"], required: false },
    ColumnSpec { col: Col::Commune2025, header: "Xã/Phường mới (2025)", english: "Commune since 2025", aliases: &["xa phuong moi", "commune 2025"], required: false },
    ColumnSpec { col: Col::Summary, header: "Tóm tắt", english: "Summary", aliases: &["tom tat tieng viet"], required: false },
    ColumnSpec { col: Col::SummaryEn, header: "Tóm tắt tiếng Anh", english: "Summary in English", aliases: &["summary en"], required: false },
    ColumnSpec { col: Col::SummaryZh, header: "Tóm tắt tiếng Trung", english: "Summary in Chinese", aliases: &["summary zh"], required: false },
    ColumnSpec { col: Col::Description, header: "Mô tả", english: "Description", aliases: &["mo ta tieng viet", "gioi thieu"], required: false },
    ColumnSpec { col: Col::DescriptionEn, header: "Mô tả tiếng Anh", english: "Description in English", aliases: &["description en"], required: false },
    ColumnSpec { col: Col::DescriptionZh, header: "Mô tả tiếng Trung", english: "Description in Chinese", aliases: &["description zh"], required: false },
    ColumnSpec { col: Col::PriceMin, header: "Giá thấp nhất", english: "Lowest price (VND)", aliases: &["gia tu", "gia", "min price"], required: false },
    ColumnSpec { col: Col::PriceMax, header: "Giá cao nhất", english: "Highest price (VND)", aliases: &["gia den", "max price"], required: false },
    ColumnSpec { col: Col::PriceUnit, header: "Đơn vị giá", english: "Price unit", aliases: &["don vi", "don vi tinh"], required: false },
    ColumnSpec { col: Col::PriceKind, header: "Loại giá", english: "Price kind", aliases: &["kieu gia"], required: false },
    ColumnSpec { col: Col::PriceAsOf, header: "Thời điểm giá", english: "Price date", aliases: &["ngay gia", "price as of"], required: false },
    ColumnSpec { col: Col::PriceSource, header: "Nguồn giá", english: "Price source", aliases: &["nguon gia tham khao", "price source url"], required: false },
    ColumnSpec { col: Col::Season, header: "Tháng mùa vụ", english: "Season months", aliases: &["mua vu", "thang thu hoach", "season"], required: false },
    ColumnSpec { col: Col::SalesPoints, header: "Điểm bán", english: "Sales points", aliases: &["noi ban", "ma diem ban"], required: false },
    ColumnSpec { col: Col::Online, header: "Bán trực tuyến", english: "Online listings", aliases: &["gian hang truc tuyen", "san thuong mai dien tu", "online"], required: false },
    ColumnSpec { col: Col::Traceability, header: "Truy xuất nguồn gốc", english: "Traceability", aliases: &["tem truy xuat", "ma qr"], required: false },
    ColumnSpec { col: Col::Sources, header: "Nguồn", english: "Sources", aliases: &["nguon tham khao", "nguon thong tin", "link nguon", "source"], required: true },
];

pub fn spec(col: Col) -> &'static ColumnSpec {
    COLUMNS
        .iter()
        .find(|c| c.col == col)
        .expect("every column has a spec")
}

/// A header or a value as compared: folded (no tones, lower case), every run of anything
/// but letters and digits one space, trimmed. "Huyện/Thị xã/Thành phố" → "huyen thi xa
/// thanh pho"; "Lưu niệm – nội thất – trang trí" → "luu niem noi that trang tri".
pub fn header_key(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The column a header names, if any.
pub fn column_for(header: &str) -> Option<Col> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    COLUMNS
        .iter()
        .find(|c| {
            header_key(c.header) == key
                || header_key(c.english) == key
                || c.aliases.iter().any(|a| header_key(a) == key)
        })
        .map(|c| c.col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_without_tones_case_or_punctuation() {
        assert_eq!(column_for("Tên sản phẩm"), Some(Col::Name));
        assert_eq!(column_for("  TEN SAN PHAM: "), Some(Col::Name));
        assert_eq!(column_for("Huyện / Thị xã / Thành phố"), Some(Col::District));
        assert_eq!(column_for("Name"), Some(Col::Name));
        assert_eq!(column_for("Mã"), Some(Col::Id));
        assert_eq!(column_for("Ma chu the"), Some(Col::ProducerId));
        assert_eq!(column_for("Ghi chú"), None);
        assert_eq!(column_for(""), None);
    }

    #[test]
    fn no_two_columns_share_a_spelling() {
        let mut seen: Vec<(String, Col)> = Vec::new();
        for c in COLUMNS {
            let spellings = [c.header, c.english].into_iter().chain(c.aliases.iter().copied());
            for key in spellings.map(header_key) {
                if let Some((_, other)) = seen.iter().find(|(k, _)| *k == key) {
                    assert_eq!(*other, c.col, "{key:?} names two columns");
                }
                seen.push((key, c.col));
            }
        }
    }
}
