//! The share code: a shopping list (and optionally a trip) packed into the fragment of a
//! link, so a visitor can carry what they picked on a kiosk away on their phone by scanning
//! a QR code.
//!
//! ```text
//! https://host/list#1HDPCHA-MUC-HA-LONG*2.TRA-HOA-VANG-BA-CHE/VINH-HA-LONG:CHO-HA-LONG-1
//!                   │└┬┘└────────────── items ──────────────┘└───────── stops ─────────┘
//!                   │ └ check: three base-36 digits over the rest
//!                   └ format version
//! ```
//!
//! # Why the fragment
//!
//! Everything after `#` stays in the browser: it is never sent to the server, so a static
//! host needs no route for it and no server log keeps what a visitor meant to buy.
//! Browsers never percent-encode the characters used here in a fragment, so the link stays
//! exactly as written.
//!
//! # Why upper case
//!
//! The link must fit a QR code that a phone reads from a kiosk screen at arm's length, and
//! every extra version adds four modules per side, which makes each module smaller on the
//! same screen. QR codes store text in *alphanumeric* mode (`0-9 A-Z $%*+-./:` and space) at
//! 5.5 bits a character, against 8 bits in byte mode. Ids are lower-case `[a-z0-9-]` (see
//! [`is_valid_id`]), so the code writes them in upper case and [`decode`] reads them back in
//! lower case; every separator (`. * / :`) is both alphanumeric and fragment-safe (`%` and
//! space would need escaping, `+` becomes a space in some decoders, `$` is not needed). The
//! QR encoder switches modes inside one code, so the lower-case `https://host/list#` costs
//! byte mode only for its own few dozen characters while the long code goes in alphanumeric
//! mode. Measured with 30 typical items (ids of 14 to 25 characters,
//! see the tests) the code is 645 characters and its 680-character link a version 17 QR code
//! (85 modules a side), against version 21 (101 modules) for the same code in lower case.
//! Upper-casing the rest of the link as well (`HTTPS://HOST/L#…`, which would need a new
//! route and relies on every reader treating an upper-case scheme as a link) was measured
//! too: the same version from 10 to 30 items, one version less only for a 5-item list that
//! is small anyway. So the app keeps its lower-case `/list` path.
//!
//! # Why these separators and no more
//!
//! Each item costs its id plus one `.`; a quantity is written only when it is not 1
//! (`*3`), which is rare in a shopping list. Each stop costs its id plus one character that
//! also says its kind: `/` before a spot, `:` before a sales point (ids are unique per kind
//! only, see [`StopRef`]). Order is kept, because it is the visitor's order. Notes and ticks
//! are not shared: they are private reminders and would make the code long and need escaping.
//!
//! # Why a check
//!
//! A link pasted into a chat may be cut short, and a cut in the middle of an id leaves a
//! code that still parses, silently dropping items. Three check characters (an FNV-1a hash
//! of the rest, mod 36³) turn almost every cut or typo into an error instead: a false accept
//! is 1 in 46,656 (with two, one of the several hundred ways to cut the 30-item code in the
//! tests was accepted). QR codes carry their own error correction, so a scanned code is exact.
//!
//! # What the decoder accepts
//!
//! Anything may arrive here: [`decode`] never panics, reads upper or lower case alike and
//! ignores one leading `#` and surrounding spaces. It refuses, as [`ShareError::Malformed`],
//! codes whose check fails, invalid ids (a valid check means a code was crafted, so partial
//! data would be a guess), empty items or stops, non-digit quantities, more than
//! [`MAX_SHARED_ITEMS`] items or [`MAX_SHARED_STOPS`] stops, and anything longer than
//! [`MAX_CODE_LEN`]. Quantities are clamped to `1..=`[`MAX_QUANTITY`] and duplicates dropped
//! (first wins). Ids unknown to the dataset are kept: the page flags them.

use crate::model::StopRef;
use crate::shopping::{ShoppingList, MAX_QUANTITY};
use crate::trip::Trip;
use crate::validate::is_valid_id;
use std::collections::HashSet;
use std::fmt;

pub use crate::trip::MAX_SHARED_STOPS;

/// The first character of every code this module writes. A future format picks another
/// digit or letter, so an old app says "made by a newer version" instead of misreading it.
pub const VERSION: char = '1';

/// Most items a code may carry. Beyond what a QR code can hold (130 to 150 typical items
/// fill the largest one); it only bounds the work a hand-made link can cause.
pub const MAX_SHARED_ITEMS: usize = 200;

/// Longest id [`is_valid_id`] accepts.
const MAX_ID_LEN: usize = 64;

/// Longest code [`decode`] looks at: the most the encoder could ever write (every id at its
/// longest, every quantity three digits). Anything longer is refused before it is parsed.
pub const MAX_CODE_LEN: usize =
    1 + CHECK_LEN + MAX_SHARED_ITEMS * (MAX_ID_LEN + "*999.".len()) + MAX_SHARED_STOPS * (1 + MAX_ID_LEN);

const ITEM_SEPARATOR: char = '.';
const QUANTITY_MARK: char = '*';
const SPOT_MARK: char = '/';
const SALES_POINT_MARK: char = ':';
const STOP_MARKS: [char; 2] = [SPOT_MARK, SALES_POINT_MARK];
const CHECK_LEN: usize = 3;

/// What a share code carries: product ids with quantities, and trip stops, both in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shared {
    pub items: Vec<(String, u32)>,
    pub stops: Vec<StopRef>,
}

impl Shared {
    /// The shared items as a shopping list (empty notes, nothing ticked), ready for
    /// [`ShoppingList::merge`] or [`ShoppingList::replace_with`].
    pub fn to_shopping_list(&self) -> ShoppingList {
        let mut list = ShoppingList::default();
        for (product, quantity) in &self.items {
            if list.add(product) {
                list.set_quantity(product, *quantity);
            }
        }
        list
    }
}

/// What the visitor chose to do with a shared list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Add what is not listed yet (see [`ShoppingList::merge`]) and append the stops.
    Merge,
    /// Use the shared list instead; the shared trip too, when the link carries one.
    Replace,
}

impl Shared {
    /// Brings the shared list (and trip) in as the visitor chose; returns how many products
    /// are new to the list. Ids unknown to the dataset are kept: the page flags them. A link
    /// without stops leaves the trip alone, and one without items the list, even on
    /// [`Choice::Replace`]: the sender had nothing of that kind to give, not an empty one.
    pub fn apply(&self, choice: Choice, list: &mut ShoppingList, trip: &mut Trip) -> usize {
        let incoming = self.to_shopping_list();
        match choice {
            Choice::Merge => {
                trip.add_all(self.stops.iter().cloned());
                list.merge(&incoming)
            }
            Choice::Replace => {
                if !self.stops.is_empty() {
                    trip.clear();
                    trip.add_all(self.stops.iter().cloned());
                }
                // Likewise a link with a trip but no items leaves the list alone.
                if incoming.is_empty() {
                    return 0;
                }
                let new = incoming
                    .items()
                    .iter()
                    .filter(|i| !list.contains(&i.product))
                    .count();
                list.replace_with(incoming);
                new
            }
        }
    }
}

/// Reads a share code and applies it ([`decode`], then [`Shared::apply`]). On any error the
/// list and trip are left exactly as they were.
pub fn import(
    code: &str,
    choice: Choice,
    list: &mut ShoppingList,
    trip: &mut Trip,
) -> Result<usize, ShareError> {
    let shared = decode(code)?;
    Ok(shared.apply(choice, list, trip))
}

/// Why a code could not be read. The page shows a different message for each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing after the `#`: the link was opened without a code.
    Empty,
    /// Starts with a version this build does not know: made by a newer app (or not a share
    /// code at all, e.g. an in-page anchor). Carries the version character, in upper case.
    UnknownVersion(char),
    /// Not readable: a cut, changed or hand-made code, or not a share code at all (first
    /// character not a letter or digit). The reason is for logs and tests.
    Malformed(&'static str),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => write!(f, "the share link has no code"),
            ShareError::UnknownVersion(version) => {
                write!(f, "share code version {version} is not known to this app")
            }
            ShareError::Malformed(reason) => write!(f, "share code unreadable: {reason}"),
        }
    }
}

impl std::error::Error for ShareError {}

/// Writes the share code for `list` and `trip` (see the module docs for the format).
///
/// Only the first [`MAX_SHARED_ITEMS`] items and the first [`MAX_SHARED_STOPS`] distinct
/// stops with valid ids are written (a trip slice may come from anywhere; a list holds only
/// valid ids), so whatever this returns, [`decode`] reads back.
pub fn encode(list: &ShoppingList, trip: &[StopRef]) -> String {
    let mut body = String::new();
    for (index, item) in list.items().iter().take(MAX_SHARED_ITEMS).enumerate() {
        if index > 0 {
            body.push(ITEM_SEPARATOR);
        }
        body.push_str(&item.product.to_ascii_uppercase());
        let quantity = item.quantity.clamp(1, MAX_QUANTITY);
        if quantity > 1 {
            body.push(QUANTITY_MARK);
            body.push_str(&quantity.to_string());
        }
    }
    let mut seen = HashSet::new();
    let shareable = trip
        .iter()
        .filter(|stop| is_valid_id(id_of(stop)) && seen.insert(*stop));
    for stop in shareable.take(MAX_SHARED_STOPS) {
        body.push(match stop {
            StopRef::Spot(_) => SPOT_MARK,
            StopRef::SalesPoint(_) => SALES_POINT_MARK,
        });
        body.push_str(&id_of(stop).to_ascii_uppercase());
    }
    format!("{VERSION}{}{body}", check(&body))
}

/// Reads a share code written by [`encode`], from the fragment of a link (with or without
/// its `#`). See the module docs for what is accepted and refused.
pub fn decode(code: &str) -> Result<Shared, ShareError> {
    let code = code.trim();
    let code = code.strip_prefix('#').unwrap_or(code).trim();
    let Some(version) = code.chars().next() else {
        return Err(ShareError::Empty);
    };
    if version != VERSION {
        return Err(if version.is_ascii_alphanumeric() {
            ShareError::UnknownVersion(version.to_ascii_uppercase())
        } else {
            ShareError::Malformed("not a share code")
        });
    }
    if code.len() > MAX_CODE_LEN {
        return Err(ShareError::Malformed("too long"));
    }
    // Checked before any slicing: from here on every character is one byte.
    if !code.chars().all(is_code_char) {
        return Err(ShareError::Malformed("unexpected character"));
    }
    let upper = code[VERSION.len_utf8()..].to_ascii_uppercase();
    if upper.len() < CHECK_LEN {
        return Err(ShareError::Malformed("cut short"));
    }
    let (expected, body) = upper.split_at(CHECK_LEN);
    if expected != check(body) {
        return Err(ShareError::Malformed("check failed: the link was cut or changed"));
    }
    decode_body(body)
}

/// Decodes the part after the version and check, already in upper case.
fn decode_body(body: &str) -> Result<Shared, ShareError> {
    let (items_part, mut stops_part) = body.split_at(body.find(STOP_MARKS).unwrap_or(body.len()));
    let mut shared = Shared::default();

    if !items_part.is_empty() {
        let mut seen = HashSet::new();
        for (count, piece) in items_part.split(ITEM_SEPARATOR).enumerate() {
            if count >= MAX_SHARED_ITEMS {
                return Err(ShareError::Malformed("too many items"));
            }
            let (product, quantity) = decode_item(piece)?;
            if seen.insert(product.clone()) {
                shared.items.push((product, quantity));
            }
        }
    }

    let mut seen = HashSet::new();
    let mut count = 0;
    while let Some(mark) = stops_part.chars().next() {
        if count >= MAX_SHARED_STOPS {
            return Err(ShareError::Malformed("too many stops"));
        }
        count += 1;
        let rest = &stops_part[mark.len_utf8()..];
        let (id, next) = rest.split_at(rest.find(STOP_MARKS).unwrap_or(rest.len()));
        let id = decode_id(id)?;
        let stop = if mark == SPOT_MARK {
            StopRef::Spot(id)
        } else {
            StopRef::SalesPoint(id)
        };
        if seen.insert(stop.clone()) {
            shared.stops.push(stop);
        }
        stops_part = next;
    }
    Ok(shared)
}

/// `ID` or `ID*QUANTITY`.
fn decode_item(piece: &str) -> Result<(String, u32), ShareError> {
    let Some((id, digits)) = piece.split_once(QUANTITY_MARK) else {
        return Ok((decode_id(piece)?, 1));
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::Malformed("quantity is not a number"));
    }
    let quantity = digits.bytes().fold(0u32, |n, digit| {
        n.saturating_mul(10).saturating_add(u32::from(digit - b'0'))
    });
    Ok((decode_id(id)?, quantity.clamp(1, MAX_QUANTITY)))
}

fn decode_id(upper: &str) -> Result<String, ShareError> {
    if upper.is_empty() {
        return Err(ShareError::Malformed("empty item or stop"));
    }
    let id = upper.to_ascii_lowercase();
    if is_valid_id(&id) {
        Ok(id)
    } else {
        Err(ShareError::Malformed("invalid id"))
    }
}

fn is_code_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '-' | ITEM_SEPARATOR | QUANTITY_MARK | SPOT_MARK | SALES_POINT_MARK
        )
}

fn id_of(stop: &StopRef) -> &str {
    match stop {
        StopRef::Spot(id) | StopRef::SalesPoint(id) => id,
    }
}

/// Three base-36 digits (`0-9A-Z`, alphanumeric in a QR code) of the 32-bit FNV-1a hash
/// of the version and upper-case body. Not a defence against forgery (anyone can recompute
/// it), only against accidents.
fn check(upper_body: &str) -> String {
    const DIGITS: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut hash: u32 = 0x811c_9dc5;
    let mut buffer = [0u8; 4];
    for byte in VERSION.encode_utf8(&mut buffer).bytes().chain(upper_body.bytes()) {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    let value = (hash % (36 * 36 * 36)) as usize;
    [value / (36 * 36), value / 36 % 36, value % 36]
        .iter()
        .map(|&digit| char::from(DIGITS[digit]))
        .collect()
}

/// Realistic data shared by this module's tests and [`crate::qr`]'s.
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::shopping::ShoppingList;

    /// A host as long as a real provincial one, to measure real link lengths.
    pub const LINK_PREFIX: &str = "https://ocop.quangninh.gov.vn/list#";

    /// Thirty products as a kiosk visitor might pick them: ids of 14 to 25 characters, as
    /// in the dataset, a few with a quantity above one.
    pub fn thirty_items() -> ShoppingList {
        const IDS: [&str; 30] = [
            "cha-muc-ha-long",
            "tra-hoa-vang-ba-che",
            "mien-dong-binh-lieu",
            "ruou-ba-kich-tien-yen",
            "nuoc-mam-cai-rong-van-don",
            "sa-sung-quan-lan-van-don",
            "gom-su-dong-trieu-xanh",
            "hai-sam-co-to-say-kho",
            "ga-tien-yen-nguyen-con",
            "mat-ong-rung-ba-che",
            "tinh-dau-que-van-don",
            "banh-gat-gu-ha-long",
            "yen-sao-co-to-hop-qua",
            "sa-sung-kho-van-don",
            "tom-he-kho-quang-yen",
            "nem-chua-dong-trieu",
            "na-dai-dong-trieu",
            "ruou-mo-dong-trieu",
            "ca-gay-mong-cai-say",
            "banh-cuon-cha-muc",
            "muc-kho-co-to-loai-1",
            "mien-rong-binh-lieu-500g",
            "tra-shan-tuyet-binh-lieu",
            "ba-kich-tim-tien-yen",
            "dua-can-hai-ha-sach",
            "hau-van-don-tuoi-song",
            "ngao-tu-long-van-don",
            "bach-tuoc-kho-ha-long",
            "ca-phe-ba-che-rang-xay",
            "nuoc-mam-ruoi-co-to",
        ];
        let mut list = ShoppingList::default();
        list.add_all(IDS);
        for (product, quantity) in [
            ("cha-muc-ha-long", 2),
            ("tra-hoa-vang-ba-che", 3),
            ("mat-ong-rung-ba-che", 2),
        ] {
            list.set_quantity(product, quantity);
        }
        list
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{thirty_items, LINK_PREFIX};
    use super::*;

    fn spot(id: &str) -> StopRef {
        StopRef::Spot(id.to_string())
    }

    fn sales_point(id: &str) -> StopRef {
        StopRef::SalesPoint(id.to_string())
    }

    fn small_list() -> ShoppingList {
        let mut list = ShoppingList::default();
        list.add_all(["cha-muc-ha-long", "tra-hoa-vang-ba-che"]);
        list.set_quantity("cha-muc-ha-long", 2);
        list.set_note("cha-muc-ha-long", "not shared");
        list.toggle_checked("tra-hoa-vang-ba-che");
        list
    }

    /// A code with a correct check around any body, to test the parser past the check.
    fn with_check(body: &str) -> String {
        format!("{VERSION}{}{body}", check(&body.to_ascii_uppercase()))
    }

    #[test]
    fn exact_encoding_of_a_small_example() {
        let trip = [spot("vinh-ha-long"), sales_point("cho-ha-long-1")];
        let code = encode(&small_list(), &trip);
        assert_eq!(
            code,
            "1HDPCHA-MUC-HA-LONG*2.TRA-HOA-VANG-BA-CHE/VINH-HA-LONG:CHO-HA-LONG-1"
        );
        let shared = decode(&code).unwrap();
        assert_eq!(
            shared.items,
            [
                ("cha-muc-ha-long".to_string(), 2),
                ("tra-hoa-vang-ba-che".to_string(), 1)
            ]
        );
        assert_eq!(shared.stops, trip);

        assert_eq!(encode(&ShoppingList::default(), &[]), "1NQ4");
        assert_eq!(decode("1NQ4"), Ok(Shared::default()));
        assert_eq!(encode(&ShoppingList::default(), &[spot("a")]), with_check("/A"));
        assert_eq!(decode(&with_check("/A")).unwrap().stops, [spot("a")]);
    }

    #[test]
    fn case_a_leading_hash_and_spaces_do_not_matter() {
        let code = encode(&small_list(), &[spot("vinh-ha-long")]);
        let expected = decode(&code).unwrap();
        for variant in [code.to_lowercase(), format!("#{code}"), format!("  #{code}\n")] {
            assert_eq!(decode(&variant).as_ref(), Ok(&expected), "{variant}");
        }
    }

    #[test]
    fn errors_say_what_went_wrong() {
        assert_eq!(decode(""), Err(ShareError::Empty));
        assert_eq!(decode(" # "), Err(ShareError::Empty));
        assert_eq!(decode("2ABCD"), Err(ShareError::UnknownVersion('2')));
        assert_eq!(decode("main-content"), Err(ShareError::UnknownVersion('M')));
        assert_eq!(decode("~1NQ4"), Err(ShareError::Malformed("not a share code")));
        assert_eq!(decode("🦀"), Err(ShareError::Malformed("not a share code")));
        assert_eq!(decode("1"), Err(ShareError::Malformed("cut short")));
        assert_eq!(decode("1NQ"), Err(ShareError::Malformed("cut short")));
        assert_eq!(
            decode("1NQ4 A"),
            Err(ShareError::Malformed("unexpected character"))
        );
        assert_eq!(
            decode("1NQ4hạ"),
            Err(ShareError::Malformed("unexpected character"))
        );
        assert_eq!(
            decode("1NQ4%2F"),
            Err(ShareError::Malformed("unexpected character"))
        );
        let too_long = format!("1{}", "A".repeat(MAX_CODE_LEN));
        assert_eq!(decode(&too_long), Err(ShareError::Malformed("too long")));
        assert!(ShareError::UnknownVersion('2').to_string().contains('2'));
    }

    #[test]
    fn a_cut_or_changed_code_fails_its_check() {
        let code = encode(&thirty_items(), &[spot("vinh-ha-long")]);
        let mut accepted = Vec::new();
        for end in 0..code.len() {
            if decode(&code[..end]).is_ok() {
                accepted.push(end);
            }
        }
        assert!(accepted.is_empty(), "truncations accepted at {accepted:?}");
        let changed = code.replacen("CHA-MUC", "CHA-MOC", 1);
        assert_eq!(
            decode(&changed),
            Err(ShareError::Malformed("check failed: the link was cut or changed"))
        );
    }

    #[test]
    fn merging_keeps_my_items_notes_and_trip_and_appends_the_shared_ones() {
        let mut mine = ShoppingList::default();
        mine.add("tra-hoa-vang-ba-che");
        mine.set_note("tra-hoa-vang-ba-che", "mine");
        let mut trip = Trip::default();
        trip.add(spot("vinh-ha-long"));
        let mut theirs = ShoppingList::default();
        theirs.add_all(["cha-muc-ha-long", "tra-hoa-vang-ba-che", "not-in-any-dataset"]);
        theirs.set_quantity("tra-hoa-vang-ba-che", 3);
        let code = encode(&theirs, &[spot("dao-co-to"), spot("vinh-ha-long")]);

        assert_eq!(import(&code, Choice::Merge, &mut mine, &mut trip), Ok(2));
        let ids: Vec<&str> = mine.items().iter().map(|i| i.product.as_str()).collect();
        assert_eq!(
            ids,
            ["tra-hoa-vang-ba-che", "cha-muc-ha-long", "not-in-any-dataset"]
        );
        assert_eq!(mine.items()[0].note, "mine");
        assert_eq!(mine.items()[0].quantity, 3);
        assert_eq!(trip.stops(), [spot("vinh-ha-long"), spot("dao-co-to")]);
    }

    #[test]
    fn replacing_uses_the_shared_list_and_trip_but_keeps_my_trip_if_none_was_shared() {
        let mut mine = ShoppingList::default();
        mine.add("tra-hoa-vang-ba-che");
        let mut trip = Trip::default();
        trip.add(spot("vinh-ha-long"));
        let mut theirs = ShoppingList::default();
        theirs.add_all(["cha-muc-ha-long", "tra-hoa-vang-ba-che"]);

        let without_stops = encode(&theirs, &[]);
        assert_eq!(
            import(&without_stops, Choice::Replace, &mut mine, &mut trip),
            Ok(1)
        );
        assert_eq!(mine, theirs);
        assert_eq!(trip.stops(), [spot("vinh-ha-long")]);

        let with_stops = encode(&theirs, &[spot("dao-co-to")]);
        assert_eq!(import(&with_stops, Choice::Replace, &mut mine, &mut trip), Ok(0));
        assert_eq!(trip.stops(), [spot("dao-co-to")]);

        let trip_only = encode(&ShoppingList::default(), &[spot("vinh-ha-long")]);
        assert_eq!(import(&trip_only, Choice::Replace, &mut mine, &mut trip), Ok(0));
        assert_eq!(mine, theirs, "a trip-only link keeps my list");
        assert_eq!(trip.stops(), [spot("vinh-ha-long")]);
    }

    #[test]
    fn a_damaged_code_changes_nothing() {
        let mut mine = thirty_items();
        let mut trip = Trip::default();
        trip.add(spot("vinh-ha-long"));
        let (list_before, trip_before) = (mine.clone(), trip.stops().to_vec());
        let code = encode(&thirty_items(), &[spot("dao-co-to")]);
        for choice in [Choice::Merge, Choice::Replace] {
            for end in 0..code.len() {
                assert!(import(&code[..end], choice, &mut mine, &mut trip).is_err());
            }
            assert_eq!(mine, list_before);
            assert_eq!(trip.stops(), trip_before);
        }
    }

    #[test]
    fn invalid_ids_make_the_code_malformed() {
        for body in [
            "-A", "A-", "A--B", "A.", ".A", "A..B", "A/", "A:", "A//B", "A*", "A*X", "A*1*2", "*2",
        ] {
            assert!(
                matches!(decode(&with_check(body)), Err(ShareError::Malformed(_))),
                "{body}"
            );
        }
        let long_id = "A".repeat(MAX_ID_LEN + 1);
        assert_eq!(
            decode(&with_check(&long_id)),
            Err(ShareError::Malformed("invalid id"))
        );
        assert!(decode(&with_check(&"A".repeat(MAX_ID_LEN))).is_ok());
    }

    #[test]
    fn quantities_are_clamped_and_duplicates_dropped() {
        let shared = decode(&with_check("A*0.B*0999.C*4294967296999.A*5/X/X:X/Y")).unwrap();
        assert_eq!(
            shared.items,
            [
                ("a".to_string(), 1),
                ("b".to_string(), 999),
                ("c".to_string(), MAX_QUANTITY)
            ]
        );
        assert_eq!(shared.stops, [spot("x"), sales_point("x"), spot("y")]);
        let list = shared.to_shopping_list();
        assert_eq!(list.len(), 3);
        assert_eq!(list.items()[1].quantity, 999);
    }

    #[test]
    fn limits_on_items_and_stops() {
        let items: Vec<String> = (0..MAX_SHARED_ITEMS).map(|i| format!("P{i}")).collect();
        assert_eq!(
            decode(&with_check(&items.join("."))).unwrap().items.len(),
            MAX_SHARED_ITEMS
        );
        let one_too_many = format!("{}.X", items.join("."));
        assert_eq!(
            decode(&with_check(&one_too_many)),
            Err(ShareError::Malformed("too many items"))
        );

        let stops: String = (0..MAX_SHARED_STOPS).map(|i| format!("/S{i}")).collect();
        assert_eq!(decode(&with_check(&stops)).unwrap().stops.len(), MAX_SHARED_STOPS);
        let one_too_many = format!("{stops}:X");
        assert_eq!(
            decode(&with_check(&one_too_many)),
            Err(ShareError::Malformed("too many stops"))
        );
    }

    #[test]
    fn encode_caps_and_skips_what_decode_would_refuse() {
        let mut big = ShoppingList::default();
        let ids: Vec<String> = (0..MAX_SHARED_ITEMS + 50).map(|i| format!("p{i}")).collect();
        big.add_all(ids.iter().map(String::as_str));
        let mut trip: Vec<StopRef> = vec![spot("Not Valid"), spot("a"), spot("a"), sales_point("")];
        trip.extend((0..MAX_SHARED_STOPS + 5).map(|i| sales_point(&format!("s{i}"))));
        let shared = decode(&encode(&big, &trip)).unwrap();
        assert_eq!(shared.items.len(), MAX_SHARED_ITEMS);
        assert_eq!(
            shared.items[MAX_SHARED_ITEMS - 1].0,
            format!("p{}", MAX_SHARED_ITEMS - 1)
        );
        assert_eq!(shared.stops.len(), MAX_SHARED_STOPS);
        assert_eq!(shared.stops[0], spot("a"));
        assert_eq!(shared.stops[1], sales_point("s0"));
    }

    #[test]
    fn thirty_realistic_items_make_a_code_of_645_characters() {
        let list = thirty_items();
        let code = encode(&list, &[]);
        let id_chars: usize = list.items().iter().map(|i| i.product.len()).sum();
        println!(
            "30 items, ids {id_chars} characters in all: code {} characters",
            code.len()
        );
        println!("{LINK_PREFIX}{code}");
        // Ids, 29 separators, 3 quantities (`*2`), version and check: nothing else.
        assert_eq!(code.len(), id_chars + 29 + 3 * 2 + 1 + CHECK_LEN);
        assert_eq!(code.len(), 645);
        assert!(code
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || "-.*/:".contains(c)));
        let shared = decode(&code).unwrap();
        assert_eq!(shared.to_shopping_list().len(), 30);
    }

    proptest::proptest! {
        /// The integration tests' random codes almost never pass the check; these do, so
        /// the parser behind it meets every shape of body too.
        #[test]
        fn any_body_with_a_valid_check_decodes_to_valid_data_or_an_error(
            body in "([A-Za-z0-9-]{0,8}[.*/:]{0,2}){0,40}[A-Z0-9]{0,4}"
        ) {
            if let Ok(shared) = decode(&with_check(&body)) {
                proptest::prop_assert!(shared.items.len() <= MAX_SHARED_ITEMS);
                proptest::prop_assert!(shared.stops.len() <= MAX_SHARED_STOPS);
                for (product, quantity) in &shared.items {
                    proptest::prop_assert!(is_valid_id(product));
                    proptest::prop_assert!((1..=MAX_QUANTITY).contains(quantity));
                }
                proptest::prop_assert!(shared.stops.iter().all(|stop| is_valid_id(id_of(stop))));
            }
        }
    }
}
