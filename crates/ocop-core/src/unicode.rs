//! Canonical decomposition, composition (NFC) and combining marks for the Latin letters
//! Vietnamese (and French, German, Spanish…) is written with, from tables generated from
//! `unicode-normalization`.
//!
//! Why not that crate at run time: to compose it links every normalisation table, the
//! compatibility ones (NFKD) included, which the app never uses — **128 KB** of data in the
//! main part of the wasm (measured with the linker's symbol table, docs/performance.md), more
//! than all the app's translations. The tables here cover what search folding and note
//! cleaning meet: the precomposed letters of Latin-1, Latin Extended-A/B and Latin Extended
//! Additional (U+00C0–U+024F, U+1E00–U+1EFF), the combining diacritics (U+0300–U+036F) and
//! every combining mark's code point (for telling marks from letters) — 11 KB.
//!
//! Outside those letters text passes through unchanged: a Greek or Cyrillic letter with a
//! mark is not decomposed, and Hangul is not composed. `unicode/tests.rs` regenerates the
//! tables from `unicode-normalization` (a dev-dependency) and checks that they are fresh, and
//! property tests compare [`nfc`] and [`decompose_canonical`] with it on the text covered.

mod tables;

use tables::{COMBINING_CLASSES, COMBINING_MARKS, COMPOSITIONS, DECOMPOSITIONS};

/// Calls `emit` with the canonical decomposition of `c` (NFD of one character): `'ặ'` gives
/// `a`, U+0323, U+0306. A character the tables do not cover is passed on as it is.
///
/// ```
/// let mut pieces = String::new();
/// ocop_core::unicode::decompose_canonical('ặ', |c| pieces.push(c));
/// assert_eq!(pieces, "a\u{323}\u{306}");
/// ```
#[inline]
pub fn decompose_canonical(c: char, mut emit: impl FnMut(char)) {
    match decomposition(c) {
        Some(pieces) => pieces
            .iter()
            .take_while(|&&p| p != 0)
            .for_each(|&p| emit(to_char(p))),
        None => emit(c),
    }
}

/// Whether `c` is a combining mark (general category Mn, Mc or Me), in any script.
pub fn is_combining_mark(c: char) -> bool {
    let c = c as u32;
    if c < 0x300 {
        return false;
    }
    COMBINING_MARKS
        .binary_search_by(|&(first, last)| {
            if last < c {
                std::cmp::Ordering::Less
            } else if first > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Whether `text` may be other than NFC: it holds a combining diacritic. Cheap, and false for
/// nearly all text typed or stored (keyboards and the dataset send precomposed letters).
pub fn may_need_composing(text: &str) -> bool {
    text.chars().any(|c| combining_class(c) != 0)
}

/// `text` in Unicode Normalization Form C, for the letters the tables cover: decomposed, its
/// marks put in canonical order, then composed, so that "e" + U+0323 + U+0302, "ẹ" + U+0302
/// and "ê" + U+0323 all become "ệ".
///
/// ```
/// assert_eq!(ocop_core::unicode::nfc("Tie\u{302}\u{301}n Ye\u{302}n"), "Tiến Yên");
/// ```
pub fn nfc(text: &str) -> String {
    if !may_need_composing(text) {
        return text.to_string();
    }
    let mut decomposed: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars() {
        decompose_canonical(c, |p| decomposed.push(p));
    }
    put_marks_in_canonical_order(&mut decomposed);
    compose(&decomposed)
}

/// Sorts each run of marks by combining class, keeping the order of marks of equal class
/// (the Canonical Ordering Algorithm).
fn put_marks_in_canonical_order(chars: &mut [char]) {
    let mut start = 0;
    while start < chars.len() {
        if combining_class(chars[start]) == 0 {
            start += 1;
            continue;
        }
        let end = chars[start..]
            .iter()
            .position(|&c| combining_class(c) == 0)
            .map_or(chars.len(), |n| start + n);
        chars[start..end].sort_by_key(|&c| combining_class(c)); // stable
        start = end;
    }
}

/// The Canonical Composition Algorithm: each mark joins the last starter unless a mark of
/// the same or a higher class stands between them.
fn compose(decomposed: &[char]) -> String {
    let mut out: Vec<char> = Vec::with_capacity(decomposed.len());
    let mut starter: Option<usize> = None;
    // The class of the last character kept since the starter; `None` right after it.
    let mut last_class: Option<u8> = None;
    for &c in decomposed {
        let class = combining_class(c);
        let blocked = last_class.is_some_and(|last| last == 0 || last >= class);
        if let Some(at) = starter.filter(|_| !blocked) {
            if let Some(composite) = composition(out[at], c) {
                out[at] = composite;
                continue;
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        out.push(c);
    }
    out.into_iter().collect()
}

fn decomposition(c: char) -> Option<&'static [u16; 3]> {
    let code = u16::try_from(c as u32).ok()?;
    DECOMPOSITIONS
        .binary_search_by_key(&code, |&(composite, _)| composite)
        .ok()
        .map(|i| &DECOMPOSITIONS[i].1)
}

fn composition(first: char, second: char) -> Option<char> {
    let key = (
        u16::try_from(first as u32).ok()?,
        u16::try_from(second as u32).ok()?,
    );
    COMPOSITIONS
        .binary_search_by_key(&key, |&(first, second, _)| (first, second))
        .ok()
        .map(|i| to_char(COMPOSITIONS[i].2))
}

/// The canonical combining class of a combining diacritic (the blocks in
/// `tests::DIACRITIC_BLOCKS`); 0 for every other character.
fn combining_class(c: char) -> u8 {
    let Ok(code) = u16::try_from(c as u32) else {
        return 0;
    };
    if code < 0x300 {
        return 0;
    }
    COMBINING_CLASSES
        .binary_search_by_key(&code, |&(mark, _)| mark)
        .map_or(0, |i| COMBINING_CLASSES[i].1)
}

fn to_char(code: u16) -> char {
    char::from_u32(u32::from(code)).expect("the tables hold only BMP scalar values")
}

#[cfg(test)]
mod tests;
