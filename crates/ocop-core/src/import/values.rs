//! Reading one value from the text of a cell: groups, stars, districts, months, prices,
//! links. Each parser accepts what an officer is likely to type (Vietnamese words with or
//! without tones, the JSON keys, common number and date spellings) and nothing it would
//! have to guess at.

use super::columns::header_key;
use super::report::Reason;
use crate::geo::DISTRICTS;
use crate::model::*;
use crate::search::fold;
use crate::url::is_safe_http_url;

/// Matches `value` against `(key, spellings)` pairs after [`header_key`].
fn lookup<T: Copy>(value: &str, table: &[(T, &[&str])]) -> Option<T> {
    let key = header_key(value);
    table
        .iter()
        .find(|(_, names)| names.iter().any(|n| header_key(n) == key))
        .map(|&(t, _)| t)
}

#[rustfmt::skip]
const GROUPS: &[(ProductGroup, &[&str])] = &[
    (ProductGroup::Food, &["Thực phẩm", "food"]),
    (ProductGroup::Beverage, &["Đồ uống", "beverage", "drinks"]),
    (ProductGroup::Herbal, &["Thảo dược", "dược liệu", "herbal"]),
    (ProductGroup::Textile, &["Vải & may mặc", "Vải và may mặc", "may mặc", "textile"]),
    (ProductGroup::Souvenir, &["Lưu niệm – nội thất – trang trí", "Lưu niệm, nội thất, trang trí", "lưu niệm", "souvenir"]),
    (ProductGroup::RuralTourism, &["Dịch vụ du lịch nông thôn, bán hàng", "Dịch vụ du lịch nông thôn", "du lịch nông thôn", "dịch vụ du lịch", "rural tourism", "rural_tourism"]),
];

pub fn group(value: &str) -> Result<ProductGroup, Reason> {
    lookup(value, GROUPS).ok_or_else(|| Reason::UnknownGroup { value: value.into() })
}

/// The Vietnamese name of a group, as the template writes it (the app's own label).
pub fn group_label(group: ProductGroup) -> &'static str {
    GROUPS
        .iter()
        .find(|(g, _)| *g == group)
        .map(|(_, names)| names[0])
        .expect("every group is listed")
}

/// The app's Vietnamese labels for the subcategories it knows (locales/vi.json `sub_*`).
#[rustfmt::skip]
pub const SUBCATEGORY_LABELS: &[(&str, &str)] = &[
    ("seafood", "Hải sản"), ("meat", "Thịt"), ("eggs", "Trứng"), ("fruit", "Trái cây"),
    ("vegetable", "Rau củ"), ("rice_noodles", "Gạo, miến, bánh"), ("mushroom", "Nấm"),
    ("honey", "Mật ong"), ("cooking_oil", "Dầu ăn"), ("condiment", "Nước mắm, gia vị"),
    ("tea", "Trà"), ("liquor", "Rượu"), ("mineral_water", "Nước khoáng, nước uống"),
    ("soft_drink", "Nước giải khát"), ("herbal", "Dược liệu"), ("essential_oil", "Tinh dầu"),
    ("flowers", "Hoa"), ("jewellery", "Trang sức"), ("handicraft", "Thủ công mỹ nghệ"),
];

/// A known subcategory, by key (`tea`) or Vietnamese label (`Trà`). An unknown one is
/// refused rather than passed on: the app would accept it only with a warning and show it
/// without a label or an icon.
pub fn subcategory(value: &str) -> Result<String, Reason> {
    let key = header_key(value);
    SUBCATEGORY_LABELS
        .iter()
        .find(|(k, label)| header_key(k) == key || header_key(label) == key)
        .map(|(k, _)| k.to_string())
        .filter(|k| SUBCATEGORIES.contains(&k.as_str()))
        .ok_or_else(|| Reason::UnknownSubcategory { value: value.into() })
}

pub fn subcategory_label(key: &str) -> Option<&'static str> {
    SUBCATEGORY_LABELS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, l)| *l)
}

/// 3, 4 or 5, from `4`, `4.0`, `4 sao`, `4*`, `4★`. Anything else (0, 2, 6, 3.5, words)
/// is refused: the format only knows certified ratings.
pub fn stars_from_text(value: &str) -> Result<u8, Reason> {
    let bad = || Reason::BadStars { value: value.into() };
    let key = header_key(value);
    let number = key
        .strip_suffix(" sao")
        .or_else(|| key.strip_suffix(" stars"))
        .unwrap_or(&key);
    let number = number.trim_end_matches(['*', '★', ' ']);
    let n: f64 = number.replace(',', ".").parse().map_err(|_| bad())?;
    stars_from_number(n).map_err(|_| bad())
}

pub fn stars_from_number(n: f64) -> Result<u8, Reason> {
    if n.fract() == 0.0 && (3.0..=5.0).contains(&n) {
        Ok(n as u8)
    } else {
        Err(Reason::BadStars {
            value: format_number(n),
        })
    }
}

#[rustfmt::skip]
const LEVELS: &[(Level, &[&str])] = &[
    (Level::Provincial, &["tỉnh", "cấp tỉnh", "provincial", "province"]),
    (Level::National, &["quốc gia", "cấp quốc gia", "trung ương", "cấp trung ương", "national"]),
];

pub fn level(value: &str) -> Result<Level, Reason> {
    lookup(value, LEVELS).ok_or_else(|| Reason::UnknownLevel { value: value.into() })
}

pub fn level_label(level: Level) -> &'static str {
    match level {
        Level::Provincial => "tỉnh",
        Level::National => "quốc gia",
    }
}

#[rustfmt::skip]
const EVIDENCE: &[(Evidence, &[&str])] = &[
    (Evidence::StarStated, &["nêu số sao", "có số sao", "star stated", "star_stated", "stars stated"]),
    (Evidence::OcopStated, &["nêu là OCOP", "OCOP", "OCOP không nêu sao", "ocop stated", "ocop_stated"]),
    (Evidence::Unconfirmed, &["chưa xác nhận", "unconfirmed", "đặc sản"]),
];

pub fn evidence(value: &str) -> Result<Evidence, Reason> {
    lookup(value, EVIDENCE).ok_or_else(|| Reason::UnknownEvidence { value: value.into() })
}

pub fn evidence_label(e: Evidence) -> &'static str {
    EVIDENCE
        .iter()
        .find(|(x, _)| *x == e)
        .map(|(_, n)| n[0])
        .expect("listed")
}

#[rustfmt::skip]
const PRODUCER_TYPES: &[(ProducerType, &[&str])] = &[
    (ProducerType::Company, &["công ty", "doanh nghiệp", "company"]),
    (ProducerType::Cooperative, &["hợp tác xã", "HTX", "cooperative"]),
    (ProducerType::Household, &["hộ kinh doanh", "hộ gia đình", "hộ", "cơ sở", "household"]),
];

pub fn producer_type(value: &str) -> Result<ProducerType, Reason> {
    lookup(value, PRODUCER_TYPES).ok_or_else(|| Reason::UnknownProducerType { value: value.into() })
}

pub fn producer_type_label(t: ProducerType) -> &'static str {
    PRODUCER_TYPES
        .iter()
        .find(|(x, _)| *x == t)
        .map(|(_, n)| n[0])
        .expect("listed")
}

/// The type a producer's registered name states outright: "Công ty …", "HTX …",
/// "Hợp tác xã …", "Hộ kinh doanh …". Nothing is guessed from other names.
pub fn producer_type_from_name(name: &str) -> Option<ProducerType> {
    let key = header_key(name);
    let starts = |prefix: &str| key == prefix || key.starts_with(&format!("{prefix} "));
    if starts("cong ty") || starts("cty") {
        Some(ProducerType::Company)
    } else if starts("htx") || starts("hop tac xa") {
        Some(ProducerType::Cooperative)
    } else if starts("ho kinh doanh") {
        Some(ProducerType::Household)
    } else {
        None
    }
}

/// A district id from its Vietnamese name with or without its prefix ("TP Hạ Long",
/// "Thành phố Hạ Long", "Hạ Long", "huyen ba che"), its English name or its id. Hoành Bồ,
/// merged into Hạ Long in 2019, is Hạ Long (docs/dataset-format.md).
pub fn district(value: &str) -> Result<&'static str, Reason> {
    let key = header_key(value);
    let bare = strip_district_prefix(&key);
    if bare == "hoanh bo" {
        return Ok("ha-long");
    }
    DISTRICTS
        .iter()
        .find(|d| {
            let vi = header_key(d.name_vi);
            strip_district_prefix(&vi) == bare
                || header_key(d.name_en) == key
                || header_key(d.id) == key
                || strip_english_suffix(&header_key(d.name_en)) == bare
        })
        .map(|d| d.id)
        .ok_or_else(|| Reason::UnknownDistrict { value: value.into() })
}

fn strip_district_prefix(key: &str) -> &str {
    for prefix in ["thanh pho ", "tp ", "thi xa ", "tx ", "huyen ", "dac khu "] {
        if let Some(rest) = key.strip_prefix(prefix) {
            return rest;
        }
    }
    key
}

fn strip_english_suffix(key: &str) -> String {
    for suffix in [" city", " town", " district"] {
        if let Some(rest) = key.strip_suffix(suffix) {
            return rest.to_string();
        }
    }
    key.to_string()
}

/// Whole đồng: a number cell, or text such as `350000`, `350.000`, `350,000`,
/// `12 000 000 đ`. Decimal points are refused: `12.5` is more likely a mistake than a price.
pub fn price_from_text(value: &str) -> Result<u64, Reason> {
    let bad = || Reason::BadPrice { value: value.into() };
    let folded = fold(value);
    let mut s = folded.trim();
    for suffix in ["vnd", "dong", "d"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim();
            break;
        }
    }
    let digits: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(bad());
    }
    // Thousands groups: every separator (`.` or `,`, one kind) followed by exactly three digits.
    let separators: Vec<char> = digits.chars().filter(|c| matches!(c, '.' | ',')).collect();
    if !separators.is_empty() {
        let sep = separators[0];
        if separators.iter().any(|&c| c != sep) {
            return Err(bad());
        }
        let mut groups = digits.split(sep);
        let first = groups.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 || groups.clone().any(|g| g.len() != 3) {
            return Err(bad());
        }
    }
    let plain: String = digits.chars().filter(|c| !matches!(c, '.' | ',')).collect();
    if !plain.chars().all(|c| c.is_ascii_digit()) || plain.len() > 15 {
        return Err(bad());
    }
    plain.parse().map_err(|_| bad())
}

pub fn price_from_number(n: f64) -> Result<u64, Reason> {
    if n.fract() == 0.0 && (0.0..1e15).contains(&n) {
        Ok(n as u64)
    } else {
        Err(Reason::BadPrice {
            value: format_number(n),
        })
    }
}

#[rustfmt::skip]
const PRICE_KINDS: &[(PriceKind, &[&str])] = &[
    (PriceKind::Retail, &["bán lẻ", "giá bán lẻ", "retail"]),
    (PriceKind::Producer, &["giá tại cơ sở", "tại cơ sở", "nhà sản xuất", "giá xuất xưởng", "producer"]),
    (PriceKind::FarmGate, &["giá tại vườn", "tại vườn", "tại ruộng", "farm gate", "farm_gate"]),
    (PriceKind::Restaurant, &["nhà hàng", "restaurant"]),
];

pub fn price_kind(value: &str) -> Result<PriceKind, Reason> {
    lookup(value, PRICE_KINDS).ok_or_else(|| Reason::UnknownPriceKind { value: value.into() })
}

pub fn price_kind_label(k: PriceKind) -> &'static str {
    PRICE_KINDS
        .iter()
        .find(|(x, _)| *x == k)
        .map(|(_, n)| n[0])
        .expect("listed")
}

/// A 4-digit year from 2012 (the first OCOP ratings) to 2100, the validator's range.
pub fn year_from_text(value: &str) -> Result<u16, Reason> {
    let bad = || Reason::BadYear { value: value.into() };
    let t = value.trim();
    if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let y: u16 = t.parse().map_err(|_| bad())?;
    (2012..=2100).contains(&y).then_some(y).ok_or_else(bad)
}

pub fn year_from_number(n: f64) -> Result<u16, Reason> {
    if n.fract() == 0.0 && (2012.0..=2100.0).contains(&n) {
        Ok(n as u16)
    } else {
        Err(Reason::BadYear {
            value: format_number(n),
        })
    }
}

/// `YYYY-MM` from `2028-01`, `2028/1`, `01/2028`, `1-2028` or a full ISO date.
pub fn year_month(value: &str) -> Result<String, Reason> {
    let bad = || Reason::BadYearMonth { value: value.into() };
    let t = value.trim();
    if let Some(date) = iso_date(t) {
        return Ok(date[..7].to_string());
    }
    let parts: Vec<&str> = t.split(['-', '/', '.']).map(str::trim).collect();
    let (y, m) = match parts[..] {
        [a, b] if a.len() == 4 => (a, b),
        [a, b] if b.len() == 4 => (b, a),
        _ => return Err(bad()),
    };
    let ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !ok(y) || !ok(m) || m.len() > 2 {
        return Err(bad());
    }
    let month: u8 = m.parse().map_err(|_| bad())?;
    if !(1..=12).contains(&month) {
        return Err(bad());
    }
    Ok(format!("{y}-{month:02}"))
}

/// `Some` for an ISO `YYYY-MM-DD` with a plausible month and day.
pub fn iso_date(value: &str) -> Option<String> {
    let parts: Vec<&str> = value.trim().split('-').collect();
    match parts[..] {
        [y, m, d]
            if y.len() == 4
                && m.len() == 2
                && d.len() == 2
                && [y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) =>
        {
            let (mo, da): (u8, u8) = (m.parse().ok()?, d.parse().ok()?);
            ((1..=12).contains(&mo) && (1..=31).contains(&da)).then(|| value.trim().to_string())
        }
        _ => None,
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the price's `as_of`); `MM/YYYY` and `DD/MM/YYYY`
/// as Vietnamese write them are turned around.
pub fn partial_date(value: &str) -> Result<String, Reason> {
    let bad = || Reason::BadDate { value: value.into() };
    let t = value.trim();
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(t.to_string());
    }
    if let Some(d) = iso_date(t) {
        return Ok(d);
    }
    let parts: Vec<&str> = t.split('/').collect();
    if let [d, m, y] = parts[..] {
        let candidate = format!("{y}-{m:0>2}-{d:0>2}");
        return iso_date(&candidate).ok_or_else(bad);
    }
    year_month(t).map_err(|_| bad())
}

/// Months from `10-12`, `11-1` (across the new year: 11, 12, 1), `1, 2, 3`, `5-6, 8-9`,
/// in the order written, each once. Empty means all year or unknown.
pub fn months(value: &str) -> Result<Vec<u8>, Reason> {
    let bad = || Reason::BadMonths { value: value.into() };
    let mut out: Vec<u8> = Vec::new();
    let month = |s: &str| -> Result<u8, Reason> {
        let s = s.trim();
        let s = header_key(s);
        let s = s.strip_prefix("thang ").unwrap_or(&s);
        let m: u8 = s.trim().parse().map_err(|_| bad())?;
        (1..=12).contains(&m).then_some(m).ok_or_else(bad)
    };
    let normalised = value.replace(['–', '—'], "-");
    for part in normalised.split([',', ';', '\n']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let range: Vec<&str> = part.split('-').collect();
        let span: Vec<u8> = match range[..] {
            [one] => vec![month(one)?],
            [a, b] => {
                let (a, b) = (month(a)?, month(b)?);
                let mut v = vec![a];
                let mut m = a;
                while m != b {
                    m = m % 12 + 1;
                    v.push(m);
                }
                v
            }
            _ => return Err(bad()),
        };
        for m in span {
            if !out.contains(&m) {
                out.push(m);
            }
        }
    }
    Ok(out)
}

/// Months written back compactly: `[11, 12, 1]` → `11-1`, `[5, 6, 8, 9]` → `5-6, 8-9`.
pub fn months_label(months: &[u8]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < months.len() {
        let start = months[i];
        let mut end = start;
        while i + 1 < months.len() && months[i + 1] == end % 12 + 1 {
            i += 1;
            end = months[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        i += 1;
    }
    parts.join(", ")
}

/// Links from a cell: one or more, separated by line breaks, spaces, `;` or `,`. Each
/// must be an http(s) URL with a host (the app's own rule, [`is_safe_http_url`]) or a
/// `seed:<id>` reference to the project's seed article.
pub fn links(value: &str) -> Result<Vec<String>, Reason> {
    let mut out: Vec<String> = Vec::new();
    for piece in split_list(value, true) {
        let ok = is_safe_http_url(&piece)
            || piece
                .strip_prefix("seed:")
                .is_some_and(crate::validate::is_valid_id);
        if !ok {
            return Err(Reason::BrokenUrl { value: piece });
        }
        if !out.contains(&piece) {
            out.push(piece);
        }
    }
    Ok(out)
}

/// Splits a list cell. Links split at spaces too, so "https://a.vn/x y" is two pieces, the
/// second one refused, rather than one link with a space.
pub fn split_list(value: &str, at_spaces: bool) -> Vec<String> {
    value
        .split(|c: char| c == ';' || c == ',' || c == '\n' || c == '\r' || (at_spaces && c.is_whitespace()))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The channel of an online listing, from its host.
pub fn channel(url: &str) -> OnlineChannel {
    let host = url
        .split("//")
        .nth(1)
        .unwrap_or("")
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let on = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    if on("voso.vn") {
        OnlineChannel::Voso
    } else if on("postmart.vn") {
        OnlineChannel::Postmart
    } else if on("teqni.gov.vn") {
        OnlineChannel::ProvincialExchange
    } else if on("shopee.vn") {
        OnlineChannel::Shopee
    } else if on("tiki.vn") {
        OnlineChannel::Tiki
    } else if on("lazada.vn") {
        OnlineChannel::Lazada
    } else if on("sendo.vn") {
        OnlineChannel::Sendo
    } else {
        OnlineChannel::ProducerSite
    }
}

pub fn yes_no(value: &str) -> Result<Option<bool>, Reason> {
    match header_key(value).as_str() {
        "" => Ok(None),
        "co" | "yes" | "true" | "x" | "dung" => Ok(Some(true)),
        "khong" | "no" | "false" | "sai" => Ok(Some(false)),
        _ => Err(Reason::BadYesNo { value: value.into() }),
    }
}

/// A stable id made from a name: tones dropped, lower case, words joined by `-`, at most
/// 60 characters (room for a `-2` suffix within the format's 64).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.len() > 60 {
        let cut = out[..60].rfind('-').filter(|&i| i > 0).unwrap_or(60);
        out.truncate(cut);
        while out.ends_with('-') {
            out.pop();
        }
    }
    out
}

/// A number as people write it: `4` rather than `4.0`.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_vietnamese_name_or_key() {
        assert_eq!(group("Thực phẩm"), Ok(ProductGroup::Food));
        assert_eq!(group("THUC PHAM"), Ok(ProductGroup::Food));
        assert_eq!(group("rural_tourism"), Ok(ProductGroup::RuralTourism));
        assert_eq!(
            group("Lưu niệm - nội thất - trang trí"),
            Ok(ProductGroup::Souvenir)
        );
        assert!(group("Đồ chơi").is_err());
    }

    #[test]
    fn stars_are_three_four_or_five() {
        assert_eq!(stars_from_text("4"), Ok(4));
        assert_eq!(stars_from_text("5 sao"), Ok(5));
        assert_eq!(stars_from_text("3★"), Ok(3));
        for bad in ["6", "0", "2", "3.5", "bốn", "", "4 sao 5"] {
            assert!(stars_from_text(bad).is_err(), "{bad}");
        }
        assert!(stars_from_number(3.5).is_err());
        assert_eq!(stars_from_number(5.0), Ok(5));
    }

    #[test]
    fn districts_by_name_with_or_without_prefix_and_tones() {
        assert_eq!(district("Ba Chẽ"), Ok("ba-che"));
        assert_eq!(district("huyen ba che"), Ok("ba-che"));
        assert_eq!(district("Thành phố Hạ Long"), Ok("ha-long"));
        assert_eq!(district("Hoành Bồ"), Ok("ha-long"));
        assert_eq!(district("TX Quảng Yên"), Ok("quang-yen"));
        assert_eq!(district("Dong Trieu"), Ok("dong-trieu"));
        assert_eq!(district("mong-cai"), Ok("mong-cai"));
        assert!(district("Hà Nội").is_err());
    }

    #[test]
    fn months_keep_the_written_order_across_the_new_year() {
        assert_eq!(months("11-1"), Ok(vec![11, 12, 1]));
        assert_eq!(months("10–12"), Ok(vec![10, 11, 12]));
        assert_eq!(months("1, 2,3"), Ok(vec![1, 2, 3]));
        assert_eq!(months("5-6, 8-9"), Ok(vec![5, 6, 8, 9]));
        assert_eq!(months("tháng 3"), Ok(vec![3]));
        assert_eq!(months(""), Ok(vec![]));
        assert!(months("13").is_err());
        assert!(months("mùa xuân").is_err());
        for m in [
            vec![11, 12, 1],
            vec![3, 4, 5, 6, 7, 8, 9, 10],
            vec![5, 6, 8, 9],
            vec![7],
        ] {
            assert_eq!(months(&months_label(&m)), Ok(m));
        }
    }

    #[test]
    fn prices_in_whole_dong() {
        assert_eq!(price_from_text("350000"), Ok(350_000));
        assert_eq!(price_from_text("350.000"), Ok(350_000));
        assert_eq!(price_from_text("12.000.000 đ"), Ok(12_000_000));
        assert_eq!(price_from_text("12 000 000 VND"), Ok(12_000_000));
        for bad in ["12.5", "1,2.000", "-5", "abc", "", "3.50"] {
            assert!(price_from_text(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_and_months() {
        assert_eq!(year_month("2028-01"), Ok("2028-01".into()));
        assert_eq!(year_month("1/2028"), Ok("2028-01".into()));
        assert_eq!(year_month("2028-01-17"), Ok("2028-01".into()));
        assert!(year_month("2028-13").is_err());
        assert!(year_month("soon").is_err());
        assert_eq!(partial_date("17/5/2024"), Ok("2024-05-17".into()));
        assert_eq!(partial_date("2024"), Ok("2024".into()));
        assert!(partial_date("2024-02-40").is_err());
    }

    #[test]
    fn links_must_be_whole_http_urls() {
        assert_eq!(
            links("https://a.vn/x\nhttps://b.vn/y; https://a.vn/x"),
            Ok(vec!["https://a.vn/x".to_string(), "https://b.vn/y".to_string()])
        );
        assert!(links("https://a.vn/x y").is_err());
        assert!(links("www.a.vn").is_err());
        assert!(links("https://").is_err());
        assert!(links("javascript:alert(1)").is_err());
        assert_eq!(links("seed:bai-viet"), Ok(vec!["seed:bai-viet".to_string()]));
    }

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(slug("Trà hoa vàng Ba Chẽ"), "tra-hoa-vang-ba-che");
        assert_eq!(slug("  Đông Triều -- (rượu) "), "dong-trieu-ruou");
        assert_eq!(slug("巴扯"), "");
        let long = slug(&"Chả mực ".repeat(30));
        assert!(long.len() <= 60 && crate::validate::is_valid_id(&long), "{long}");
    }

    #[test]
    fn channels_from_hosts() {
        assert_eq!(channel("http://teqni.gov.vn"), OnlineChannel::ProvincialExchange);
        assert_eq!(channel("https://shopee.vn/x"), OnlineChannel::Shopee);
        assert_eq!(channel("https://www.voso.vn/x"), OnlineChannel::Voso);
        assert_eq!(channel("https://notshopee.vn/x"), OnlineChannel::ProducerSite);
    }
}
