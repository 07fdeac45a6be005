//! Locale-aware formatting of prices and numbers.
//!
//! Pure string building, no ICU: the app needs only Vietnamese đồng and digit grouping in
//! three languages, and shipping CLDR tables to the wasm bundle for that would cost far more
//! than these few lines. The output matches what browsers' `Intl.NumberFormat` gives
//! (checked against Node's full-ICU build):
//!
//! | `lang` | `format_vnd(350_000)` | `format_count(50_000)` |
//! |--------|-----------------------|------------------------|
//! | `vi`   | `350.000 ₫` (the space is U+00A0 NO-BREAK SPACE, as in `vi-VN`) | `50.000` |
//! | `en`   | `₫350,000` (`en-US`)  | `50,000` |
//! | `zh`   | `₫350,000` (`zh-CN`)  | `50,000` |
//!
//! The đồng has no minor unit in use, so amounts are whole numbers. Ranges share one
//! currency sign and join the two numbers with an EN DASH (U+2013) and no spaces
//! (`350.000–400.000 ₫`), which is shorter than `Intl`'s `formatRange` output
//! (`₫350,000 – ₫400,000`) and reads the same in all three languages.

use crate::text::Lang;

/// The đồng sign (U+20AB).
pub const DONG_SIGN: char = '₫';
/// Vietnamese puts the sign after the number, separated by a no-break space so a line
/// never breaks between them.
const NBSP: char = '\u{a0}';
/// Joins the two ends of a range.
const EN_DASH: char = '–';

/// `350.000 ₫` (vi, with U+00A0 before the sign), `₫350,000` (en, zh).
pub fn format_vnd(amount: u64, lang: Lang) -> String {
    with_sign(&format_number(amount, lang), lang)
}

/// `350.000–400.000 ₫` (vi), `₫350,000–400,000` (en, zh); a single value when `min == max`.
/// The ends are swapped if given in the wrong order.
pub fn format_vnd_range(min: u64, max: u64, lang: Lang) -> String {
    let (lo, hi) = if min <= max { (min, max) } else { (max, min) };
    if lo == hi {
        return format_vnd(lo, lang);
    }
    let numbers = format!("{}{EN_DASH}{}", format_number(lo, lang), format_number(hi, lang));
    with_sign(&numbers, lang)
}

/// A count with digit grouping: `50.000` (vi), `50,000` (en, zh).
pub fn format_count(n: usize, lang: Lang) -> String {
    // `usize` is at most 64 bits on every target Rust supports.
    format_number(n as u64, lang)
}

/// A whole number with the language's thousands separator (groups of three; CLDR's
/// minimum grouping is 1 for vi, en and zh, so `1.000` / `1,000`).
pub fn format_number(n: u64, lang: Lang) -> String {
    group_digits(n, separator(lang))
}

fn separator(lang: Lang) -> char {
    match lang {
        Lang::Vi => '.',
        Lang::En | Lang::Zh => ',',
    }
}

fn with_sign(number: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{number}{NBSP}{DONG_SIGN}"),
        Lang::En | Lang::Zh => format!("{DONG_SIGN}{number}"),
    }
}

fn group_digits(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// An estimated distance: one decimal under 10 km (short hops matter on foot or by
/// motorbike), whole kilometres above; Vietnamese uses a decimal comma.
pub fn format_km(km: f64, lang: Lang) -> String {
    let km = if km.is_finite() { km.max(0.0) } else { 0.0 };
    let number = if km < 10.0 {
        let text = format!("{km:.1}");
        if lang == Lang::Vi {
            text.replace('.', ",")
        } else {
            text
        }
    } else {
        format_number(km.round() as u64, lang)
    };
    format!("{number}\u{a0}km")
}

/// An estimated duration, rounded to 5 minutes (the estimates are no finer than that).
pub fn format_minutes(minutes: f64, lang: Lang) -> String {
    let total = if minutes.is_finite() {
        (minutes.max(0.0) / 5.0).round() as u64 * 5
    } else {
        0
    };
    let total = total.max(5);
    let (h, m) = (total / 60, total % 60);
    match (lang, h, m) {
        (Lang::Vi, 0, m) => format!("{m}\u{a0}phút"),
        (Lang::Vi, h, 0) => format!("{h}\u{a0}giờ"),
        (Lang::Vi, h, m) => format!("{h}\u{a0}giờ {m}\u{a0}phút"),
        (Lang::En, 0, m) => format!("{m}\u{a0}min"),
        (Lang::En, h, 0) => format!("{h}\u{a0}h"),
        (Lang::En, h, m) => format!("{h}\u{a0}h {m}\u{a0}min"),
        (Lang::Zh, 0, m) => format!("{m}分钟"),
        (Lang::Zh, h, 0) => format!("{h}小时"),
        (Lang::Zh, h, m) => format!("{h}小时{m}分钟"),
    }
}

/// English month names, January first.
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// An ISO date (`YYYY-MM-DD`) as each language writes it in running text: `30/6/2025`,
/// `30 June 2025`, `2025年6月30日` (as `Intl.DateTimeFormat` with `dateStyle: "long"` does
/// for en and zh; vi's long form spells the month as a word, the short numeric form reads
/// better in a sentence). Anything else is returned as it is.
pub fn format_date(iso: &str, lang: Lang) -> String {
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (Some(Some(year)), Some(Some(month @ 1..=12)), Some(Some(day @ 1..=31))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return iso.to_string();
    };
    match lang {
        Lang::Vi => format!("{day}/{month}/{year}"),
        Lang::En => format!("{day} {} {year}", MONTHS_EN[month as usize - 1]),
        Lang::Zh => format!("{year}年{month}月{day}日"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_read_as_each_language_writes_them() {
        assert_eq!(format_date("2025-06-30", Lang::Vi), "30/6/2025");
        assert_eq!(format_date("2025-06-30", Lang::En), "30 June 2025");
        assert_eq!(format_date("2025-06-30", Lang::Zh), "2025年6月30日");
        assert_eq!(format_date("2025-13-30", Lang::En), "2025-13-30");
        assert_eq!(format_date("soon", Lang::Vi), "soon");
    }

    use super::*;

    #[test]
    fn vietnamese_puts_the_sign_after_a_no_break_space() {
        assert_eq!(format_vnd(350_000, Lang::Vi), "350.000\u{a0}₫");
        assert_eq!(format_vnd(12_000_000, Lang::Vi), "12.000.000\u{a0}₫");
        let s = format_vnd(350_000, Lang::Vi);
        assert!(!s.contains(' '), "must not use a breaking space: {s:?}");
        assert_eq!(s.chars().rev().nth(1), Some('\u{a0}'));
    }

    #[test]
    fn english_and_chinese_put_the_sign_first() {
        assert_eq!(format_vnd(350_000, Lang::En), "₫350,000");
        assert_eq!(format_vnd(350_000, Lang::Zh), "₫350,000");
        assert_eq!(format_vnd(1_800_000, Lang::En), "₫1,800,000");
    }

    #[test]
    fn groups_digits_at_every_length() {
        let cases: [(u64, &str); 10] = [
            (0, "0"),
            (7, "7"),
            (99, "99"),
            (999, "999"),
            (1_000, "1,000"),
            (12_345, "12,345"),
            (100_000, "100,000"),
            (1_000_000, "1,000,000"),
            (12_000_000_000, "12,000,000,000"),
            (u64::MAX, "18,446,744,073,709,551,615"),
        ];
        for (n, en) in cases {
            assert_eq!(format_number(n, Lang::En), en);
            assert_eq!(format_number(n, Lang::Zh), en);
            assert_eq!(format_number(n, Lang::Vi), en.replace(',', "."));
        }
        assert_eq!(format_vnd(0, Lang::Vi), "0\u{a0}₫");
        assert_eq!(format_vnd(0, Lang::En), "₫0");
    }

    #[test]
    fn ranges_share_one_sign() {
        assert_eq!(
            format_vnd_range(350_000, 400_000, Lang::Vi),
            "350.000–400.000\u{a0}₫"
        );
        assert_eq!(format_vnd_range(350_000, 400_000, Lang::En), "₫350,000–400,000");
        assert_eq!(format_vnd_range(350_000, 400_000, Lang::Zh), "₫350,000–400,000");
        assert_eq!(
            format_vnd_range(12_000_000, 15_000_000, Lang::Vi),
            "12.000.000–15.000.000\u{a0}₫"
        );
        assert_eq!(
            format_vnd_range(350_000, 400_000, Lang::Vi).matches('₫').count(),
            1
        );
    }

    #[test]
    fn equal_ends_give_a_single_value_and_reversed_ends_are_swapped() {
        for lang in Lang::ALL {
            assert_eq!(
                format_vnd_range(350_000, 350_000, lang),
                format_vnd(350_000, lang)
            );
            assert_eq!(
                format_vnd_range(400_000, 350_000, lang),
                format_vnd_range(350_000, 400_000, lang)
            );
        }
    }

    #[test]
    fn counts_use_the_language_separator() {
        assert_eq!(format_count(50_000, Lang::Vi), "50.000");
        assert_eq!(format_count(50_000, Lang::En), "50,000");
        assert_eq!(format_count(50_000, Lang::Zh), "50,000");
        assert_eq!(format_count(67, Lang::Vi), "67");
        assert_eq!(format_count(1_000, Lang::Vi), "1.000");
    }

    #[test]
    fn distances_and_durations() {
        assert_eq!(format_km(3.46, Lang::Vi), "3,5\u{a0}km");
        assert_eq!(format_km(3.46, Lang::En), "3.5\u{a0}km");
        assert_eq!(format_km(1234.4, Lang::Vi), "1.234\u{a0}km");
        assert_eq!(format_km(f64::NAN, Lang::En), "0.0\u{a0}km");
        assert_eq!(format_minutes(0.0, Lang::En), "5\u{a0}min");
        assert_eq!(format_minutes(62.0, Lang::En), "1\u{a0}h");
        assert_eq!(format_minutes(143.0, Lang::Vi), "2\u{a0}giờ 25\u{a0}phút");
        assert_eq!(format_minutes(90.0, Lang::Zh), "1小时30分钟");
        assert_eq!(format_minutes(f64::INFINITY, Lang::En), "5\u{a0}min");
    }
}
