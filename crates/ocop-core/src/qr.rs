//! The QR code of a share link, as plain data: a matrix of dark and light modules, and one
//! SVG path that draws it.
//!
//! # Why a path and not an image
//!
//! The app draws `<svg viewBox="0 0 W W"><path d="…"/></svg>` with `W` from
//! [`QrMatrix::view_box_size`] and `d` from [`svg_path`]: an attribute value, so no
//! `inner_html`, no image crate in the WebAssembly bundle, and a code that stays sharp at any
//! size on any screen. Each run of dark modules on a row is one rectangle, which halves the
//! path (a 30-item code: about 2,000 rectangles for 4,000 dark modules, under 30 kB). Give
//! the path `shape-rendering="crispEdges"` so anti-aliasing draws no hairlines between rows,
//! and keep the quiet zone light.
//!
//! # Why error-correction level M
//!
//! The code is read from a kiosk screen, at arm's length, often under glare or through a
//! smudged protective glass. Level L recovers only 7 % of the code, little margin for a
//! reflection across it. Q and H (25 %, 30 %) recover more but need a larger version for the
//! same link (the 30-item link below: version 15 at L, 17 at M, 20 at Q, 24 at H), and a larger version means
//! smaller modules on the same screen, which a phone at arm's length reads worse. M (15 %)
//! is the usual balance for codes shown on screens.
//!
//! # Why the encoder is left to choose modes
//!
//! [`qrcode::QrCode::with_error_correction_level`] splits the data into segments and picks
//! the cheapest mode for each, and the smallest version that fits. A share link is a short
//! lower-case prefix (`https://host/list#`, byte mode) and a long upper-case code
//! (alphanumeric mode, 5.5 bits a character instead of 8; see [`crate::share`]). The tests
//! check that the code really goes in alphanumeric mode, and pin the version: **30 typical
//! items make a version 17 code (17 × 4 + 17 = 85 modules a side)**. The largest, version 40
//! (177 modules), holds about 3,400 characters of such a link (130 to 150 items), and a
//! longer one is [`QrError::TooLong`]. Each version adds 4 modules a side, so the larger the
//! list, the larger the code must be drawn to stay readable: size it by
//! [`QrMatrix::view_box_size`] (e.g. at least 3 CSS pixels a module), not at a fixed size.

use qrcode::types::QrError as EncodeError;
use qrcode::{Color, EcLevel, QrCode, Version};
use std::fmt;
use std::fmt::Write;

/// Light modules around the code that readers need to find it: 4 is what the standard
/// requires. [`svg_path`] offsets every module by this much.
pub const QUIET_ZONE: usize = 4;

/// A QR code as modules: `dark[y * width + x]` is the module in row `y`, column `x`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    /// Modules a side, without the quiet zone (`version * 4 + 17`).
    pub width: usize,
    /// The QR version, 1 to 40.
    pub version: i16,
    pub dark: Vec<bool>,
}

impl QrMatrix {
    /// Whether the module at column `x`, row `y` is dark; false outside the matrix.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width
            && y < self.width
            && y.checked_mul(self.width)
                .and_then(|row| self.dark.get(row + x))
                .copied()
                .unwrap_or(false)
    }

    /// Side of the SVG `viewBox`: the matrix and its quiet zone on both sides.
    pub fn view_box_size(&self) -> usize {
        self.width.saturating_add(2 * QUIET_ZONE)
    }
}

/// Why a link has no QR code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QrError {
    /// More than the largest QR code holds at level M; the page shows the link only.
    TooLong { bytes: usize },
    /// Any other refusal from the encoder (not expected for text); for logs.
    Encoder(String),
}

impl fmt::Display for QrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QrError::TooLong { bytes } => write!(f, "a {bytes}-byte link is too long for a QR code"),
            QrError::Encoder(why) => write!(f, "QR encoder failed: {why}"),
        }
    }
}

impl std::error::Error for QrError {}

/// Encodes `link` at level M in the smallest version that holds it (see the module docs).
pub fn qr_matrix(link: &str) -> Result<QrMatrix, QrError> {
    let code = QrCode::with_error_correction_level(link, EcLevel::M).map_err(|error| match error {
        EncodeError::DataTooLong => QrError::TooLong { bytes: link.len() },
        other => QrError::Encoder(other.to_string()),
    })?;
    let Version::Normal(version) = code.version() else {
        return Err(QrError::Encoder("unexpected Micro QR version".to_string()));
    };
    Ok(QrMatrix {
        width: code.width(),
        version,
        dark: code
            .to_colors()
            .into_iter()
            .map(|color| color == Color::Dark)
            .collect(),
    })
}

/// The `d` attribute of one SVG path drawing every dark module, each horizontal run of them
/// as one rectangle `M{x},{y}h{run}v1h-{run}z`, shifted by [`QUIET_ZONE`] so it fits
/// `viewBox="0 0 W W"` with `W` = [`QrMatrix::view_box_size`]. Empty for an empty matrix.
pub fn svg_path(matrix: &QrMatrix) -> String {
    let mut d = String::new();
    for y in 0..matrix.width {
        let mut x = 0;
        while x < matrix.width {
            if !matrix.is_dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < matrix.width && matrix.is_dark(x, y) {
                x += 1;
            }
            let run = x - start;
            // Writing to a String cannot fail.
            let _ = write!(d, "M{},{}h{run}v1h-{run}z", start + QUIET_ZONE, y + QUIET_ZONE);
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StopRef;
    use crate::share::fixtures::{thirty_items, LINK_PREFIX};
    use crate::share::{decode, encode};
    use crate::shopping::ShoppingList;
    use qrcode::optimize::Parser;
    use qrcode::types::Mode;

    const PIXELS_PER_MODULE: usize = 4;

    /// Paints what the SVG would show, from the path string alone, `PIXELS_PER_MODULE`
    /// pixels a module, quiet zone included: grey 0 is dark, 255 light.
    fn paint(path: &str, view_box: usize) -> (usize, Vec<u8>) {
        let side = view_box * PIXELS_PER_MODULE;
        let mut pixels = vec![255u8; side * side];
        for rectangle in path.split('z').filter(|r| !r.is_empty()) {
            let numbers: Vec<usize> = rectangle
                .split(['M', ',', 'h', 'v'])
                .filter(|n| !n.is_empty() && !n.starts_with('-'))
                .map(|n| n.parse().unwrap())
                .collect();
            let [x, y, run, height] = numbers[..] else {
                panic!("unexpected rectangle {rectangle}");
            };
            assert_eq!(height, 1);
            for py in y * PIXELS_PER_MODULE..(y + 1) * PIXELS_PER_MODULE {
                for px in x * PIXELS_PER_MODULE..(x + run) * PIXELS_PER_MODULE {
                    pixels[py * side + px] = 0;
                }
            }
        }
        (side, pixels)
    }

    /// Reads the painted code back as a phone would, returning its text and version.
    fn scan(matrix: &QrMatrix) -> (String, usize) {
        let (side, pixels) = paint(&svg_path(matrix), matrix.view_box_size());
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| pixels[y * side + x]);
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one code in the picture");
        let (meta, text) = grids[0].decode().unwrap();
        (text, meta.version.0)
    }

    fn thirty_item_link() -> String {
        format!("{LINK_PREFIX}{}", encode(&thirty_items(), &[]))
    }

    #[test]
    fn a_short_link_scans_back_exactly() {
        let mut list = ShoppingList::default();
        list.add_all(["cha-muc-ha-long", "tra-hoa-vang-ba-che"]);
        let link = format!(
            "{LINK_PREFIX}{}",
            encode(&list, &[StopRef::Spot("vinh-ha-long".into())])
        );
        let matrix = qr_matrix(&link).unwrap();
        assert_eq!(matrix.width, matrix.version as usize * 4 + 17);
        assert_eq!(matrix.dark.len(), matrix.width * matrix.width);
        assert_eq!(scan(&matrix), (link, matrix.version as usize));
    }

    #[test]
    fn thirty_items_make_a_version_17_code_that_scans_back_exactly() {
        let link = thirty_item_link();
        let matrix = qr_matrix(&link).unwrap();
        println!(
            "{} characters → version {}, {} modules",
            link.len(),
            matrix.version,
            matrix.width
        );
        assert_eq!(matrix.version, 17);
        assert_eq!(matrix.width, 85);
        let at = |level| {
            QrCode::with_error_correction_level(&link, level)
                .unwrap()
                .version()
        };
        let by_level = [EcLevel::L, EcLevel::Q, EcLevel::H].map(at);
        assert_eq!(
            by_level,
            [15, 20, 24].map(Version::Normal),
            "as the module docs say"
        );
        let (text, version) = scan(&matrix);
        assert_eq!(text, link);
        assert_eq!(version, 17);
        assert_eq!(decode(text.split_once('#').unwrap().1).unwrap().items.len(), 30);
    }

    #[test]
    fn the_code_goes_in_alphanumeric_mode_and_that_is_what_keeps_it_small() {
        let link = thirty_item_link();
        let segments = Parser::new(link.as_bytes()).optimize(Version::Normal(17));
        // Byte mode for the lower-case prefix (the optimiser may fold the first few
        // characters of the code into it), then one alphanumeric segment to the end.
        let segments: Vec<_> = segments.collect();
        let [prefix, code] = segments[..] else {
            panic!("expected two segments, got {segments:?}");
        };
        assert_eq!(prefix.mode, Mode::Byte);
        assert!(prefix.end <= LINK_PREFIX.len() + 4, "{segments:?}");
        assert_eq!(
            (code.mode, code.begin, code.end),
            (Mode::Alphanumeric, prefix.end, link.len())
        );
        let lower_case = qr_matrix(&link.to_lowercase()).unwrap();
        assert!(
            lower_case.version >= 20,
            "byte mode needs version {}",
            lower_case.version
        );
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules_in_merged_runs() {
        let matrix = QrMatrix {
            width: 3,
            version: 0,
            dark: vec![true, true, false, false, false, false, true, false, true],
        };
        assert_eq!(svg_path(&matrix), "M4,4h2v1h-2zM4,6h1v1h-1zM6,6h1v1h-1z");
        assert_eq!(matrix.view_box_size(), 11);

        let matrix = qr_matrix(&thirty_item_link()).unwrap();
        let (side, pixels) = paint(&svg_path(&matrix), matrix.view_box_size());
        for y in 0..matrix.view_box_size() {
            for x in 0..matrix.view_box_size() {
                let painted = pixels[y * PIXELS_PER_MODULE * side + x * PIXELS_PER_MODULE] == 0;
                let inside = (QUIET_ZONE..QUIET_ZONE + matrix.width).contains(&x)
                    && (QUIET_ZONE..QUIET_ZONE + matrix.width).contains(&y);
                let dark = inside && matrix.is_dark(x - QUIET_ZONE, y - QUIET_ZONE);
                assert_eq!(painted, dark, "module {x},{y}");
            }
        }
    }

    /// The thirty typical ids repeated with a numeric suffix: a long list of realistic ids.
    fn typical_items(count: usize) -> crate::shopping::ShoppingList {
        let ids: Vec<String> = thirty_items().items().iter().map(|i| i.product.clone()).collect();
        let mut list = crate::shopping::ShoppingList::default();
        for n in 0..count {
            list.add(&format!("{}-{}", ids[n % ids.len()], n / ids.len()));
        }
        list
    }

    #[test]
    fn the_largest_list_with_a_qr_code_is_measured() {
        // The documented limit (docs/shopping-list.md): how many typical items still get a
        // QR code at all, and the version at 60 items. If the format changes, this says so.
        let fits =
            |count: usize| qr_matrix(&format!("{LINK_PREFIX}{}", encode(&typical_items(count), &[]))).is_ok();
        assert!(
            fits(143) && !fits(144),
            "143 typical items is the largest list with a QR code"
        );
        let sixty = qr_matrix(&format!("{LINK_PREFIX}{}", encode(&typical_items(60), &[]))).unwrap();
        assert_eq!(sixty.version, 25);
    }

    #[test]
    fn inconsistent_matrices_and_huge_links_do_not_panic() {
        let short = QrMatrix {
            width: 5,
            version: 0,
            dark: vec![true; 3],
        };
        assert_eq!(svg_path(&short), "M4,4h3v1h-3z");
        assert!(!short.is_dark(usize::MAX, usize::MAX));
        let empty = QrMatrix {
            width: 0,
            version: 0,
            dark: Vec::new(),
        };
        assert_eq!(svg_path(&empty), "");
        let huge = "A".repeat(5_000);
        assert_eq!(qr_matrix(&huge), Err(QrError::TooLong { bytes: 5_000 }));
        assert!(qr_matrix("").is_ok());
    }
}
