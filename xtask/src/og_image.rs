//! `cargo xtask og-images DATASET DIR`: the Open Graph pictures that chat apps and social
//! sites show as link previews, one 1200×630 PNG per pre-rendered page:
//!
//! * `DIR/og/product/<id>.png`, `og/spot/<id>.png`, `og/sales-point/<id>.png`,
//!   `og/route/<id>.png`: the record's Vietnamese name, what and where it is, and its OCOP
//!   rating as the sources state it;
//! * `DIR/og/site.png`: the app's name and tagline, for every other page.
//!
//! A card is described ([`Card`]), laid out ([`layout`], pure arithmetic on font metrics, so
//! tests check wrapping and the rating badge without pixels) and only then drawn. The
//! rating follows the dataset's honesty rules: stars only when a source states them
//! (`evidence: star_stated`), a plain "OCOP" when a source calls it OCOP without a rating,
//! and nothing for an unconfirmed product.
//!
//! Text is Noto Sans (assets/fonts/, subset to Latin + Vietnamese, OFL), drawn with
//! ab_glyph from precomposed letters (the dataset's text is NFC; a test checks every name has
//! its glyphs), kerned with the fonts' GPOS pairs. Shapes (stars, the badge) go through the
//! same antialiasing rasteriser.
//!
//! Speed, measured with the bundled dataset (119 records + the site card) on the 2-core
//! development machine, xtask as `cargo xtask` builds it (dev profile, opt-level 1), while
//! other builds were running: 1.0 s wall, 0.9 s CPU, with one drawing thread per core —
//! per card about 0.1 ms layout, 4 ms drawing, 9 ms PNG encoding. Output: 2.7 MB in all,
//! 17–32 KB a card (palette PNGs, see [`encode_png`]).

use ab_glyph::{point, Font as _, FontRef, GlyphId, Point, PxScale};
use ab_glyph_rasterizer::Rasterizer;
use ocop_core::geo;
use ocop_core::model::{Dataset, Evidence, Level, Rating, SalesPointKind, SpotKind};
use ocop_core::places::route_places;
use ocop_core::validate::{parse_and_validate, Limits};
use std::path::Path;
use std::sync::OnceLock;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

static BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
static REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");

type Rgb = [u8; 3];

// The app's palette (style/main.css).
const GREEN: Rgb = [0x0b, 0x5d, 0x4b];
const GREEN_DARK: Rgb = [0x07, 0x3d, 0x32];
const INK: Rgb = [0x1b, 0x1f, 0x1e];
const MUTED: Rgb = [0x4f, 0x57, 0x54];
const SAND: Rgb = [0xf4, 0xf1, 0xea];
const WHITE: Rgb = [0xff, 0xff, 0xff];
/// The brand star (`.brand-mark`, the favicon).
const GOLD: Rgb = [0xf5, 0xc5, 0x18];
/// The big faint star behind a card's text, a shade darker than the sand.
const WATERMARK: Rgb = [0xec, 0xe7, 0xdc];
/// The footer's secondary text, light green on the brand green (≥ 4.5:1).
const MINT: Rgb = [0xc6, 0xe3, 0xd8];

const APP_NAME: &str = "OCOP Quảng Ninh";
/// The app's tagline (locales/vi.json `tagline`).
const TAGLINE: &str = "Đặc sản Quảng Ninh được xếp hạng theo Chương trình Mỗi xã một sản phẩm";
/// What "OCOP" stands for, on every card's footer.
const MOTTO: &str = "Mỗi xã một sản phẩm";

// Geometry of a record's card, in pixels.
const MARGIN_X: f32 = 80.0;
const FOOTER_H: f32 = 100.0;
const CONTENT_TOP: f32 = 52.0;
const CONTENT_BOTTOM: f32 = HEIGHT as f32 - FOOTER_H - 44.0;
const TITLE_MAX_W: f32 = WIDTH as f32 - 2.0 * MARGIN_X;
/// Title sizes tried: the largest at which the name fits (≤ 3 lines, and the lines fit
/// down) wins.
const TITLE_SIZES: [f32; 12] = [
    96.0, 90.0, 84.0, 78.0, 72.0, 68.0, 64.0, 60.0, 56.0, 52.0, 48.0, 44.0,
];
const TITLE_MAX_LINES: usize = 3;
/// Line spacing of the title, in ems.
const TITLE_LEADING: f32 = 1.22;
/// The tallest Vietnamese capital (Ỗ: a tone mark stacked on a circumflex) and the deepest
/// descender (g), in ems of Noto Sans: the vertical room a title line may ink.
const TITLE_ASCENT: f32 = 1.06;
const TITLE_DESCENT: f32 = 0.25;
const SUBTITLE_SIZES: [f32; 4] = [36.0, 34.0, 32.0, 30.0];
const BADGE_H: f32 = 64.0;
const GAP_TITLE_SUBTITLE: f32 = 22.0;
const GAP_SUBTITLE_BADGE: f32 = 30.0;

// ---------------------------------------------------------------------------------------
// Entry points

/// Writes every picture for `dataset` under `dir/og/`; returns how many it wrote.
pub fn write_all(dataset: &Path, dir: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(dataset).map_err(|e| format!("{}: {e}", dataset.display()))?;
    let data = parse_and_validate(&text, &Limits::default())
        .map_err(|e| format!("{}: refused: {e}", dataset.display()))?
        .dataset;
    let cards = cards(&data)?;
    for sub in ["product", "spot", "sales-point", "route"] {
        let path = dir.join("og").join(sub);
        std::fs::create_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let fonts = fonts();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(8);
    // Cards are independent: each worker takes the next one until none are left.
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> Result<(), String> {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(card) = cards.get(i) else { return Ok(()) };
                        let layout = layout(card, fonts);
                        check_inside(&layout, fonts).map_err(|e| format!("{}: {e}", card.path))?;
                        let png = encode_png(&draw(&layout, fonts));
                        let path = dir.join(&card.path);
                        std::fs::write(&path, png).map_err(|e| format!("{}: {e}", path.display()))?;
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().map_err(|_| "a drawing thread panicked".to_string())?)
    })?;
    Ok(cards.len())
}

// ---------------------------------------------------------------------------------------
// What a card says

/// One picture's content, straight from the dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// Relative to the output directory, e.g. `og/product/ngoc-trai-akoya.png`.
    pub path: String,
    pub kind: CardKind,
    /// The Vietnamese name (the site card: the app's name).
    pub title: String,
    /// What and where (the site card: the tagline).
    pub subtitle: String,
    pub badge: Badge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardKind {
    Site,
    Record,
}

/// The OCOP mark a card may show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Badge {
    /// Not confirmed as OCOP, or not a product: no mark.
    None,
    /// A source calls it OCOP but states no rating: the word only, never stars.
    Ocop,
    /// A source states the rating.
    Stars { stars: u8, national: bool },
}

/// The badge a rating earns. Stars come only from `star_stated` evidence.
pub fn badge(rating: &Rating) -> Badge {
    match (rating.evidence, rating.stars) {
        (Evidence::StarStated, Some(stars @ 1..=5)) => Badge::Stars {
            stars,
            national: stars == 5 && rating.level == Some(Level::National),
        },
        // A stated rating without its number (the validator reports it) is still OCOP.
        (Evidence::StarStated, _) | (Evidence::OcopStated, _) => Badge::Ocop,
        (Evidence::Unconfirmed, _) => Badge::None,
    }
}

/// Every card for a dataset: products, spots, sales points, routes, then the site card.
pub fn cards(data: &Dataset) -> Result<Vec<Card>, String> {
    let mut out = Vec::new();
    let mut push = |dir: &str, id: &str, title: &str, subtitle: String, badge: Badge| {
        // Ids are slugs (validated); anything else must not become a path.
        if id.is_empty()
            || !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(format!("{dir} id {id:?} is not a slug; no picture written"));
        }
        out.push(Card {
            path: format!("og/{dir}/{id}.png"),
            kind: CardKind::Record,
            title: title.trim().to_string(),
            subtitle,
            badge,
        });
        Ok(())
    };
    for p in &data.products {
        let category = subcategory_label(&p.subcategory).unwrap_or_else(|| group_label(p.group));
        let place = p
            .locality
            .district
            .as_deref()
            .and_then(district_name)
            .or(p.locality.commune.as_deref());
        push(
            "product",
            &p.id,
            &p.name.vi,
            join([Some(category), place]),
            badge(&p.rating),
        )?;
    }
    for s in &data.spots {
        let place = s.locality.district.as_deref().and_then(district_name);
        push(
            "spot",
            &s.id,
            &s.name.vi,
            join([Some(spot_kind_label(s.kind)), place]),
            Badge::None,
        )?;
    }
    for s in &data.sales_points {
        let place = s.locality.district.as_deref().and_then(district_name);
        push(
            "sales-point",
            &s.id,
            &s.name.vi,
            join([Some(sales_point_kind_label(s.kind)), place]),
            Badge::None,
        )?;
    }
    for r in &data.routes {
        let places = route_places(data, r);
        let mut districts: Vec<&str> = Vec::new();
        // Several districts read better without "TP"/"Huyện"/"TX" before each.
        let short = |name: &'static str| {
            ["TP ", "TX ", "Huyện "]
                .iter()
                .find_map(|p| name.strip_prefix(p))
                .unwrap_or(name)
        };
        for d in places.iter().filter_map(|p| district_name(p.district)).map(short) {
            if !districts.contains(&d) {
                districts.push(d);
            }
        }
        let stops = format!("{} điểm dừng", places.len());
        let districts = districts.join(", ");
        let subtitle = join([
            Some("Tuyến du lịch"),
            Some(stops.as_str()),
            Some(districts.as_str()),
        ]);
        push("route", &r.id, &r.name.vi, subtitle, Badge::None)?;
    }
    out.push(Card {
        path: "og/site.png".into(),
        kind: CardKind::Site,
        title: APP_NAME.into(),
        subtitle: TAGLINE.into(),
        badge: Badge::None,
    });
    Ok(out)
}

fn join<'a>(parts: impl IntoIterator<Item = Option<&'a str>>) -> String {
    parts
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn district_name(id: &str) -> Option<&'static str> {
    geo::district(id).map(|d| d.name_vi)
}

// Labels as the app shows them (locales/vi.json `sub_*`, `group_*`, `kind_*`; a test keeps
// them equal). Sales points have one label in the app; here each kind says what it is.
const SUBCATEGORY_LABELS: &[(&str, &str)] = &[
    ("seafood", "Hải sản"),
    ("meat", "Thịt"),
    ("eggs", "Trứng"),
    ("fruit", "Trái cây"),
    ("vegetable", "Rau củ"),
    ("rice_noodles", "Gạo, miến, bánh"),
    ("mushroom", "Nấm"),
    ("honey", "Mật ong"),
    ("cooking_oil", "Dầu ăn"),
    ("condiment", "Nước mắm, gia vị"),
    ("tea", "Trà"),
    ("liquor", "Rượu"),
    ("mineral_water", "Nước khoáng, nước uống"),
    ("soft_drink", "Nước giải khát"),
    ("herbal", "Dược liệu"),
    ("essential_oil", "Tinh dầu"),
    ("flowers", "Hoa"),
    ("jewellery", "Trang sức"),
    ("handicraft", "Thủ công mỹ nghệ"),
    ("confectionery", "Bánh kẹo"),
    ("spice", "Gia vị"),
];

fn subcategory_label(key: &str) -> Option<&'static str> {
    SUBCATEGORY_LABELS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| *v)
}

fn group_label(group: ocop_core::model::ProductGroup) -> &'static str {
    use ocop_core::model::ProductGroup::*;
    match group {
        Food => "Thực phẩm",
        Beverage => "Đồ uống",
        Herbal => "Thảo dược",
        Textile => "Vải & may mặc",
        Souvenir => "Lưu niệm – nội thất – trang trí",
        RuralTourism => "Dịch vụ du lịch nông thôn",
    }
}

fn spot_kind_label(kind: SpotKind) -> &'static str {
    match kind {
        SpotKind::EcoTourism => "Du lịch sinh thái",
        SpotKind::Farm => "Vùng trồng, trang trại",
        SpotKind::Village => "Làng nghề",
        SpotKind::Heritage => "Di tích",
        SpotKind::Festival => "Lễ hội",
        SpotKind::Market => "Chợ, trưng bày",
    }
}

fn sales_point_kind_label(kind: SalesPointKind) -> &'static str {
    match kind {
        SalesPointKind::OcopCentre => "Trung tâm OCOP",
        SalesPointKind::OcopShop => "Cửa hàng OCOP",
        SalesPointKind::DisplayPoint => "Điểm trưng bày OCOP",
        SalesPointKind::RestStop => "Điểm dừng chân",
        SalesPointKind::FairVenue => "Nơi tổ chức hội chợ",
    }
}

// ---------------------------------------------------------------------------------------
// Fonts

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

pub struct Face {
    font: FontRef<'static>,
    /// The same file, for what ab_glyph does not read: GPOS kerning, glyph boxes.
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
}

pub struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

/// The embedded fonts, parsed once.
pub fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        regular: Face::new(REGULAR_TTF),
        bold: Face::new(BOLD_TTF),
    })
}

impl Face {
    fn new(bytes: &'static [u8]) -> Face {
        let font = FontRef::try_from_slice(bytes).expect("the embedded font parses");
        let face = ttf_parser::Face::parse(bytes, 0).expect("the embedded font parses");
        Face {
            units_per_em: font.units_per_em().unwrap_or(1000.0),
            face,
            font,
        }
    }

    pub fn glyph_id(&self, c: char) -> GlyphId {
        self.font.glyph_id(c)
    }

    /// The ab_glyph scale that makes one em `size` pixels.
    fn scale(&self, size: f32) -> PxScale {
        PxScale::from(size * self.font.height_unscaled() / self.units_per_em)
    }

    /// Pair kerning from the GPOS table, in font units: within a lookup the first subtable
    /// that covers the pair applies; lookups add up (as OpenType shapers do).
    fn kern(&self, left: GlyphId, right: GlyphId) -> f32 {
        use ttf_parser::gpos::{PairAdjustment, PositioningSubtable};
        let Some(gpos) = self.face.tables().gpos else {
            return 0.0;
        };
        let (a, b) = (ttf_parser::GlyphId(left.0), ttf_parser::GlyphId(right.0));
        let mut total = 0.0;
        for lookup in gpos.lookups {
            for sub in lookup.subtables.into_iter::<PositioningSubtable>() {
                let PositioningSubtable::Pair(pair) = sub else {
                    continue;
                };
                let value = match pair {
                    PairAdjustment::Format1 { coverage, sets } => coverage
                        .get(a)
                        .and_then(|i| sets.get(i))
                        .and_then(|set| set.get(b))
                        .map(|(first, _)| first.x_advance),
                    PairAdjustment::Format2 {
                        coverage,
                        classes,
                        matrix,
                    } if coverage.contains(a) => Some(
                        matrix
                            .get((classes.0.get(a), classes.1.get(b)))
                            .map_or(0, |(first, _)| first.x_advance),
                    ),
                    PairAdjustment::Format2 { .. } => None,
                };
                if let Some(v) = value {
                    total += f32::from(v);
                    break;
                }
            }
        }
        total
    }

    /// How far above the baseline `text` inks, in ems (at least the capital height).
    fn ascent(&self, text: &str) -> f32 {
        let top = text
            .chars()
            .filter_map(|c| {
                self.face
                    .glyph_bounding_box(ttf_parser::GlyphId(self.glyph_id(c).0))
            })
            .map(|b| b.y_max)
            .max()
            .unwrap_or(0);
        f32::from(top.max(714)) / self.units_per_em
    }

    /// Advance width of `text` in font units, kerning included.
    fn width_units(&self, text: &str) -> f32 {
        let mut width = 0.0;
        let mut prev = None;
        for c in text.chars() {
            let id = self.glyph_id(c);
            if let Some(p) = prev {
                width += self.kern(p, id);
            }
            width += self.font.h_advance_unscaled(id);
            prev = Some(id);
        }
        width
    }

    /// Advance width of `text` at `size` pixels per em.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        self.width_units(text) * size / self.units_per_em
    }
}

// ---------------------------------------------------------------------------------------
// Layout: where everything goes, without pixels

/// One line of text, placed: its left edge at `x`, baseline at `baseline`.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    pub weight: Weight,
    /// Pixels per em.
    pub size: f32,
    pub x: f32,
    pub baseline: f32,
    /// Advance width, pixels.
    pub width: f32,
    pub color: Rgb,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// A five-pointed star: centre and outer radius.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Star {
    pub cx: f32,
    pub cy: f32,
    pub r: f32,
    pub color: Rgb,
}

/// One thing to paint.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A rectangle with rounded corners (radius 0: square).
    Rect(Rect, f32, Rgb),
    Star(Star),
    Text(Line),
}

/// A card, laid out: painted in order over `base`.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub base: Base,
    pub shapes: Vec<Shape>,
    /// How many lines the title took.
    pub title_lines: usize,
    /// The rating badge's box and the number of stars in it.
    pub badge: Option<(Rect, usize)>,
}

/// What a card is painted over.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Base {
    /// A plain colour.
    Fill(Rgb),
    /// The record cards' shared background ([`record_base`]), drawn once.
    RecordBase,
}

impl Layout {
    pub fn lines(&self) -> impl Iterator<Item = &Line> {
        self.shapes.iter().filter_map(|s| match s {
            Shape::Text(line) => Some(line),
            _ => None,
        })
    }

    #[cfg(test)]
    pub fn stars(&self) -> impl Iterator<Item = &Star> {
        self.shapes.iter().filter_map(|s| match s {
            Shape::Star(star) => Some(star),
            _ => None,
        })
    }
}

/// Greedy line breaking of `words` (widths in any unit) at `max`; `None` when a word alone
/// is wider. Returns the index of each line's first word.
fn break_lines(widths: &[f32], space: f32, max: f32) -> Option<Vec<usize>> {
    let mut starts = vec![0];
    let mut line = 0.0;
    for (i, &w) in widths.iter().enumerate() {
        if w > max {
            return None;
        }
        if i > 0 && line + space + w > max {
            starts.push(i);
            line = w;
        } else {
            line += if i == 0 { w } else { space + w };
        }
    }
    Some(starts)
}

/// Breaks `text` into at most `max_lines` lines no wider than `max_w`, at the largest of
/// `sizes` that allows it, with the lines balanced (the narrowest width that still needs
/// no extra line). The smallest size ends the last line with "…" if even it is too long.
fn wrap(face: &Face, text: &str, sizes: &[f32], max_w: f32, max_lines: usize) -> (f32, Vec<(String, f32)>) {
    let words: Vec<&str> = text.split_whitespace().collect();
    let widths: Vec<f32> = words.iter().map(|w| face.width_units(w)).collect();
    let space = face.width_units(" ");
    let lines_of = |starts: &[usize], size: f32| -> Vec<(String, f32)> {
        let scale = size / face.units_per_em;
        starts
            .iter()
            .enumerate()
            .map(|(k, &s)| {
                let end = starts.get(k + 1).copied().unwrap_or(words.len());
                let text = words[s..end].join(" ");
                let w = widths[s..end].iter().sum::<f32>() + space * (end - s - 1) as f32;
                (text, w * scale)
            })
            .collect()
    };
    for &size in sizes {
        let max_units = max_w * face.units_per_em / size;
        let Some(starts) = break_lines(&widths, space, max_units) else {
            continue;
        };
        if starts.len() > max_lines {
            continue;
        }
        // Balance: the narrowest measure giving the same number of lines.
        let (mut lo, mut hi) = (widths.iter().copied().fold(0.0, f32::max), max_units);
        for _ in 0..24 {
            let mid = (lo + hi) / 2.0;
            match break_lines(&widths, space, mid) {
                Some(s) if s.len() <= starts.len() => hi = mid,
                _ => lo = mid,
            }
        }
        let balanced = break_lines(&widths, space, hi).unwrap_or(starts);
        return (size, lines_of(&balanced, size));
    }
    // Nothing fits: the smallest size, whole words, as many as fit, then "…".
    let size = *sizes.last().expect("at least one size");
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in words {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if face.width(&candidate, size) <= max_w || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    lines.push(current);
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.last_mut().expect("max_lines ≥ 1");
        while !last.is_empty() && face.width(&format!("{last}…"), size) > max_w {
            match last.rfind(' ') {
                Some(i) => last.truncate(i),
                None => last.clear(),
            }
        }
        last.push('…');
    }
    // A single word wider than the card at the smallest size: drop letters from its end.
    for line in &mut lines {
        while face.width(line, size) > max_w && line.chars().count() > 1 {
            line.pop();
            line.pop();
            line.push('…');
        }
    }
    let lines = lines
        .into_iter()
        .map(|l| {
            let w = face.width(&l, size);
            (l, w)
        })
        .collect();
    (size, lines)
}

/// Lays a card out.
/// Lays a card out.
pub fn layout(card: &Card, fonts: &Fonts) -> Layout {
    match card.kind {
        CardKind::Site => layout_site(card, fonts),
        CardKind::Record => layout_record(card, fonts),
    }
}

/// What every record card shares: sand, a faint brand star, and the brand footer.
fn record_base(fonts: &Fonts) -> Layout {
    let (w, h) = (WIDTH as f32, HEIGHT as f32);
    let top = h - FOOTER_H;
    let mid = top + FOOTER_H / 2.0;
    let bold = fonts.face(Weight::Bold);
    let regular = fonts.face(Weight::Regular);
    let r = 25.0;
    let name_size = 38.0;
    let motto_size = 30.0;
    let motto_w = regular.width(MOTTO, motto_size);
    Layout {
        base: Base::Fill(SAND),
        shapes: vec![
            // The footer cuts the watermark off.
            Shape::Star(Star {
                cx: 1010.0,
                cy: 250.0,
                r: 300.0,
                color: WATERMARK,
            }),
            Shape::Rect(
                Rect {
                    x: 0.0,
                    y: top,
                    w,
                    h: FOOTER_H,
                },
                0.0,
                GREEN,
            ),
            Shape::Star(Star {
                cx: MARGIN_X + r,
                cy: mid + 1.5,
                r,
                color: GOLD,
            }),
            Shape::Text(Line {
                text: APP_NAME.into(),
                weight: Weight::Bold,
                size: name_size,
                x: MARGIN_X + 2.0 * r + 18.0,
                baseline: mid + name_size * 0.36,
                width: bold.width(APP_NAME, name_size),
                color: WHITE,
            }),
            Shape::Text(Line {
                text: MOTTO.into(),
                weight: Weight::Regular,
                size: motto_size,
                x: w - MARGIN_X - motto_w,
                baseline: mid + motto_size * 0.36,
                width: motto_w,
                color: MINT,
            }),
        ],
        title_lines: 0,
        badge: None,
    }
}

fn layout_record(card: &Card, fonts: &Fonts) -> Layout {
    let bold = fonts.face(Weight::Bold);
    let regular = fonts.face(Weight::Regular);
    let mut layout = Layout {
        base: Base::RecordBase,
        shapes: Vec::new(),
        title_lines: 0,
        badge: None,
    };

    // Subtitle: one line, shrunk and then shortened if needed.
    let subtitle = (!card.subtitle.trim().is_empty()).then(|| {
        let (size, mut lines) = wrap(regular, &card.subtitle, &SUBTITLE_SIZES, TITLE_MAX_W, 1);
        let (text, width) = lines.remove(0);
        (size, text, width)
    });
    let subtitle_h = subtitle
        .as_ref()
        .map_or(0.0, |(size, ..)| GAP_TITLE_SUBTITLE + size);
    let badge_h = if card.badge == Badge::None {
        0.0
    } else {
        GAP_SUBTITLE_BADGE + BADGE_H
    };

    // Title: the largest size at which it fits in ≤ 3 lines across and in the room left down.
    let room = CONTENT_BOTTOM - CONTENT_TOP - subtitle_h - badge_h;
    let mut best = None;
    for lines in 1..=TITLE_MAX_LINES {
        let sizes: Vec<f32> = TITLE_SIZES
            .iter()
            .copied()
            .filter(|&s| title_height(s, lines) <= room)
            .collect();
        if sizes.is_empty() {
            continue;
        }
        let (size, wrapped) = wrap(bold, &card.title, &sizes, TITLE_MAX_W, lines);
        let whole = !wrapped.iter().any(|(t, _)| t.ends_with('…'));
        if whole && best.as_ref().is_none_or(|(s, _)| size > *s) {
            best = Some((size, wrapped));
        }
    }
    // Past every size: the smallest, shortened with "…" (never a cut glyph).
    let (size, lines) = best.unwrap_or_else(|| {
        let smallest = TITLE_SIZES[TITLE_SIZES.len() - 1];
        wrap(bold, &card.title, &[smallest], TITLE_MAX_W, TITLE_MAX_LINES)
    });

    // Title, subtitle and badge, stacked and centred in the space above the footer.
    // Centred on the ink: a first line without tall accents starts lower.
    let spare_top = size * (TITLE_ASCENT - bold.ascent(&lines[0].0));
    let block = title_height(size, lines.len()) - spare_top + subtitle_h + badge_h;
    let mut y = CONTENT_TOP + ((CONTENT_BOTTOM - CONTENT_TOP) - block).max(0.0) / 2.0 - spare_top;
    layout.title_lines = lines.len();
    for (i, (text, width)) in lines.into_iter().enumerate() {
        let baseline = y + TITLE_ASCENT * size + i as f32 * size * TITLE_LEADING;
        layout.shapes.push(Shape::Text(Line {
            text,
            weight: Weight::Bold,
            size,
            x: MARGIN_X,
            baseline,
            width,
            color: INK,
        }));
    }
    y += title_height(size, layout.title_lines);
    if let Some((sub_size, text, width)) = subtitle {
        y += GAP_TITLE_SUBTITLE;
        let baseline = y + sub_size * 0.8;
        layout.shapes.push(Shape::Text(Line {
            text,
            weight: Weight::Regular,
            size: sub_size,
            x: MARGIN_X,
            baseline,
            width,
            color: MUTED,
        }));
        y += sub_size;
    }
    if card.badge != Badge::None {
        y += GAP_SUBTITLE_BADGE;
        badge_layout(&mut layout, fonts, card.badge, MARGIN_X, y);
    }
    layout
}

/// Height of `lines` title lines at `size`: from the top of a stacked tone mark (Ổ) on the
/// first line to the descenders of the last.
fn title_height(size: f32, lines: usize) -> f32 {
    size * (TITLE_ASCENT + TITLE_DESCENT) + size * TITLE_LEADING * lines.saturating_sub(1) as f32
}

/// The rating badge: a green pill with "OCOP" and, only for a stated rating, its stars.
fn badge_layout(layout: &mut Layout, fonts: &Fonts, badge: Badge, x: f32, y: f32) {
    let mid = y + BADGE_H / 2.0;
    let (size, pad, r) = (34.0, 26.0, 19.0);
    let ocop_w = fonts.face(Weight::Bold).width("OCOP", size);
    let mut inside = vec![Shape::Text(Line {
        text: "OCOP".into(),
        weight: Weight::Bold,
        size,
        x: x + pad,
        baseline: mid + size * 0.36,
        width: ocop_w,
        color: WHITE,
    })];
    let mut right = x + pad + ocop_w;
    let mut count = 0;
    if let Badge::Stars { stars, national } = badge {
        right += 14.0;
        for k in 0..stars {
            let cx = right + r + f32::from(k) * (2.0 * r + 4.0);
            inside.push(Shape::Star(Star {
                cx,
                cy: mid + 1.0,
                r,
                color: GOLD,
            }));
        }
        right += f32::from(stars) * (2.0 * r + 4.0) - 4.0;
        count = usize::from(stars);
        if national {
            let (label, size) = ("Quốc gia", 30.0);
            let width = fonts.face(Weight::Regular).width(label, size);
            right += 18.0;
            inside.push(Shape::Text(Line {
                text: label.into(),
                weight: Weight::Regular,
                size,
                x: right,
                baseline: mid + size * 0.36,
                width,
                color: WHITE,
            }));
            right += width;
        }
    }
    let rect = Rect {
        x,
        y,
        w: right + pad - x,
        h: BADGE_H,
    };
    layout.shapes.push(Shape::Rect(rect, BADGE_H / 2.0, GREEN));
    layout.shapes.extend(inside);
    layout.badge = Some((rect, count));
}

/// The site card: the brand on green with the tagline, the app's four sections on sand.
fn layout_site(card: &Card, fonts: &Fonts) -> Layout {
    let bold = fonts.face(Weight::Bold);
    let regular = fonts.face(Weight::Regular);
    let (w, h) = (WIDTH as f32, HEIGHT as f32);
    let band = FOOTER_H;
    let star_r = 58.0;
    let tx = MARGIN_X + 2.0 * star_r + 32.0;
    let max_w = w - MARGIN_X - tx;
    let size = (100.0f32)
        .min(100.0 * max_w / bold.width(&card.title, 100.0))
        .floor();
    let (tag_size, tagline) = wrap(regular, &card.subtitle, &[40.0, 36.0, 32.0], max_w, 2);
    let tag_leading = tag_size * 1.4;
    // The group: title capitals, a gap, the tagline; centred above the band.
    let cap = 0.714 * size;
    let gap = 0.8 * size;
    let group = cap + gap + tag_leading * (tagline.len() as f32 - 1.0) + tag_size * 0.3;
    let top = ((h - band) - group) / 2.0;
    let baseline = top + cap;
    let mut shapes = vec![
        Shape::Star(Star {
            cx: 1010.0,
            cy: 250.0,
            r: 300.0,
            color: GREEN_DARK,
        }),
        Shape::Rect(
            Rect {
                x: 0.0,
                y: h - band,
                w,
                h: band,
            },
            0.0,
            SAND,
        ),
        Shape::Star(Star {
            cx: MARGIN_X + star_r,
            cy: baseline - cap / 2.0 + 4.0,
            r: star_r,
            color: GOLD,
        }),
        Shape::Text(Line {
            text: card.title.clone(),
            weight: Weight::Bold,
            size,
            x: tx,
            baseline,
            width: bold.width(&card.title, size),
            color: WHITE,
        }),
    ];
    for (i, (text, width)) in tagline.into_iter().enumerate() {
        let baseline = baseline + gap + i as f32 * tag_leading;
        shapes.push(Shape::Text(Line {
            text,
            weight: Weight::Regular,
            size: tag_size,
            x: tx,
            baseline,
            width,
            color: MINT,
        }));
    }
    let sections = "Sản phẩm OCOP · Điểm tham quan · Điểm bán · Tuyến du lịch";
    let ssize = 32.0;
    let sw = regular.width(sections, ssize);
    shapes.push(Shape::Text(Line {
        text: sections.into(),
        weight: Weight::Regular,
        size: ssize,
        x: (w - sw) / 2.0,
        baseline: h - band / 2.0 + ssize * 0.36,
        width: sw,
        color: GREEN,
    }));
    Layout {
        base: Base::Fill(GREEN),
        shapes,
        title_lines: 1,
        badge: None,
    }
}

// ---------------------------------------------------------------------------------------
// Drawing

/// An RGB picture.
#[derive(Clone)]
pub struct Canvas {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// Antialiasing levels kept per pixel: 16 steps look smooth at these sizes and keep a card
/// within 256 colours, so it can be written as a palette PNG (a third of the RGB size).
const COVERAGE_STEPS: f32 = 16.0;

impl Canvas {
    fn new(width: u32, height: u32, color: Rgb) -> Canvas {
        Canvas {
            width,
            height,
            pixels: color.repeat((width * height) as usize),
        }
    }

    /// Blends `color` over the pixel at (x, y) with coverage `alpha` (0–1).
    fn blend(&mut self, x: i64, y: i64, color: Rgb, alpha: f32) {
        let a = (alpha.min(1.0) * COVERAGE_STEPS).round() / COVERAGE_STEPS;
        if x < 0 || y < 0 || x >= i64::from(self.width) || y >= i64::from(self.height) || a <= 0.0 {
            return;
        }
        let i = (y as usize * self.width as usize + x as usize) * 3;
        for (k, &c) in color.iter().enumerate() {
            let old = f32::from(self.pixels[i + k]);
            self.pixels[i + k] = (old + (f32::from(c) - old) * a).round() as u8;
        }
    }

    /// Fills a closed polygon (antialiased).
    fn fill_polygon(&mut self, points: &[Point], color: Rgb) {
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for p in points {
            (x0, y0, x1, y1) = (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y));
        }
        // Rasterise only the part on the canvas (the watermark runs off it).
        let (ox, oy) = (x0.floor().max(0.0), y0.floor().max(0.0));
        let w = (x1.ceil().min(self.width as f32) - ox).max(0.0) as usize + 1;
        let h = (y1.ceil().min(self.height as f32) - oy).max(0.0) as usize + 1;
        let clamp = |p: &Point| {
            point(
                p.x.clamp(ox, ox + w as f32) - ox,
                p.y.clamp(oy, oy + h as f32) - oy,
            )
        };
        let mut raster = Rasterizer::new(w, h);
        for (i, p) in points.iter().enumerate() {
            raster.draw_line(clamp(p), clamp(&points[(i + 1) % points.len()]));
        }
        raster.for_each_pixel_2d(|x, y, a| {
            self.blend(i64::from(x) + ox as i64, i64::from(y) + oy as i64, color, a)
        });
    }

    fn fill_rect(&mut self, rect: Rect, radius: f32, color: Rgb) {
        let Rect { x, y, w, h } = rect;
        let r = radius.min(w / 2.0).min(h / 2.0).max(0.0);
        let mut points = Vec::new();
        let corners = [
            (x + w - r, y + r, -90.0f32),
            (x + w - r, y + h - r, 0.0),
            (x + r, y + h - r, 90.0),
            (x + r, y + r, 180.0),
        ];
        for (cx, cy, start) in corners {
            let steps = if r > 0.0 { 12 } else { 0 };
            for k in 0..=steps {
                let a = (start + 90.0 * k as f32 / 12.0).to_radians();
                points.push(point(cx + r * a.cos(), cy + r * a.sin()));
            }
        }
        self.fill_polygon(&points, color);
    }

    fn star(&mut self, star: Star) {
        // A regular five-pointed star, point up; inner radius 0.382 of the outer.
        let points: Vec<Point> = (0..10)
            .map(|k| {
                let r = if k % 2 == 0 { star.r } else { star.r * 0.382 };
                let a = (-90.0 + 36.0 * k as f32).to_radians();
                point(star.cx + r * a.cos(), star.cy + r * a.sin())
            })
            .collect();
        self.fill_polygon(&points, star.color);
    }

    fn text(&mut self, line: &Line, fonts: &Fonts) {
        for (glyph, face) in glyphs(line, fonts) {
            if let Some(outline) = face.font.outline_glyph(glyph) {
                let b = outline.px_bounds();
                outline.draw(|gx, gy, a| {
                    self.blend(
                        b.min.x as i64 + i64::from(gx),
                        b.min.y as i64 + i64::from(gy),
                        line.color,
                        a,
                    )
                });
            }
        }
    }
}

/// A line's glyphs, positioned: advances plus GPOS kerning.
fn glyphs<'a>(line: &'a Line, fonts: &'a Fonts) -> impl Iterator<Item = (ab_glyph::Glyph, &'a Face)> {
    let face = fonts.face(line.weight);
    let scale = face.scale(line.size);
    let px_per_unit = line.size / face.units_per_em;
    let mut x = line.x;
    let mut prev = None;
    line.text.chars().map(move |c| {
        let id = face.glyph_id(c);
        if let Some(p) = prev {
            x += face.kern(p, id) * px_per_unit;
        }
        let glyph = id.with_scale_and_position(scale, point(x, line.baseline));
        x += face.font.h_advance_unscaled(id) * px_per_unit;
        prev = Some(id);
        (glyph, face)
    })
}

/// Pixel bounds of a line's ink.
pub fn ink_bounds(line: &Line, fonts: &Fonts) -> Option<Rect> {
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for (glyph, face) in glyphs(line, fonts) {
        if let Some(outline) = face.font.outline_glyph(glyph) {
            let b = outline.px_bounds();
            (x0, y0, x1, y1) = (x0.min(b.min.x), y0.min(b.min.y), x1.max(b.max.x), y1.max(b.max.y));
        }
    }
    (x0 <= x1).then_some(Rect {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
    })
}

/// Refuses a layout that would cut a glyph at the picture's edge.
fn check_inside(layout: &Layout, fonts: &Fonts) -> Result<(), String> {
    for line in layout.lines() {
        if let Some(b) = ink_bounds(line, fonts) {
            if b.x < 0.0 || b.y < 0.0 || b.x + b.w > WIDTH as f32 || b.y + b.h > HEIGHT as f32 {
                return Err(format!("{:?} would be cut off at the edge", line.text));
            }
        }
    }
    Ok(())
}

fn paint(canvas: &mut Canvas, shapes: &[Shape], fonts: &Fonts) {
    for shape in shapes {
        match shape {
            Shape::Rect(rect, radius, color) => canvas.fill_rect(*rect, *radius, *color),
            Shape::Star(star) => canvas.star(*star),
            Shape::Text(line) => canvas.text(line, fonts),
        }
    }
}

/// Draws a laid-out card.
pub fn draw(layout: &Layout, fonts: &'static Fonts) -> Canvas {
    let mut canvas = match layout.base {
        Base::Fill(color) => Canvas::new(WIDTH, HEIGHT, color),
        Base::RecordBase => {
            static BASE: OnceLock<Canvas> = OnceLock::new();
            BASE.get_or_init(|| draw(&record_base(fonts), fonts)).clone()
        }
    };
    paint(&mut canvas, &layout.shapes, fonts);
    canvas
}

/// PNG bytes of a canvas: a palette PNG when it has ≤ 256 colours (every card so far; about
/// 22 KB), RGB otherwise; zlib's default level. Measured on the bundled dataset: `Best`
/// saves 4 % for twice the time, `Fast` (fdeflate) is 14× larger on palette data.
pub fn encode_png(canvas: &Canvas) -> Vec<u8> {
    let mut palette: Vec<Rgb> = Vec::new();
    let mut index = std::collections::HashMap::new();
    let mut indexed = Vec::with_capacity(canvas.pixels.len() / 3);
    // Most pixels repeat their left neighbour: look those up without hashing.
    let mut last: Option<(Rgb, u8)> = None;
    for px in canvas.pixels.chunks_exact(3) {
        let rgb: Rgb = [px[0], px[1], px[2]];
        let i = match last {
            Some((seen, i)) if seen == rgb => i,
            _ => {
                let next = palette.len();
                let i = *index.entry(rgb).or_insert_with(|| {
                    palette.push(rgb);
                    next
                });
                if palette.len() > 256 {
                    break;
                }
                last = Some((rgb, i as u8));
                i as u8
            }
        };
        indexed.push(i);
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, canvas.width, canvas.height);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Default);
    let data = if palette.len() <= 256 {
        encoder.set_color(png::ColorType::Indexed);
        encoder.set_palette(palette.concat());
        // Row filters only hurt palette indices (and cost time).
        encoder.set_filter(png::FilterType::NoFilter);
        &indexed
    } else {
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
        &canvas.pixels
    };
    let mut writer = encoder.write_header().expect("writing to memory");
    writer.write_image_data(data).expect("writing to memory");
    writer.finish().expect("writing to memory");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ocop_core::model::{Product, ProductGroup, SpotKind};
    use std::path::PathBuf;

    fn repo() -> PathBuf {
        crate::process::root()
    }

    fn bundled() -> Dataset {
        let text = std::fs::read_to_string(repo().join("public/data/ocop-quang-ninh.json")).unwrap();
        parse_and_validate(&text, &Limits::default()).unwrap().dataset
    }

    fn record(title: &str, subtitle: &str, badge: Badge) -> Card {
        Card {
            path: "og/product/x.png".into(),
            kind: CardKind::Record,
            title: title.into(),
            subtitle: subtitle.into(),
            badge,
        }
    }

    fn rating(evidence: Evidence, stars: Option<u8>, level: Option<Level>) -> Rating {
        Rating {
            evidence,
            stars,
            level,
            year_rated: None,
            valid_until: None,
            decision: None,
            claimed: None,
        }
    }

    fn title_lines(layout: &Layout) -> Vec<&Line> {
        layout
            .lines()
            .filter(|l| l.weight == Weight::Bold && l.color == INK)
            .collect()
    }

    /// Nothing inks outside the picture, the title stays inside the margins and above the
    /// subtitle, and the subtitle and badge stay above the footer.
    fn assert_fits(layout: &Layout, what: &str) {
        let fonts = fonts();
        check_inside(layout, fonts).unwrap();
        let footer_top = HEIGHT as f32 - FOOTER_H;
        let mut previous_bottom = 0.0f32;
        for line in layout.lines() {
            let b = ink_bounds(line, fonts).unwrap();
            assert!(
                b.x >= MARGIN_X - 8.0 && b.x + b.w <= WIDTH as f32 - MARGIN_X + 8.0,
                "{what}: {:?} leaves the margins: {b:?}",
                line.text
            );
            assert!(
                b.y + b.h <= footer_top - 8.0,
                "{what}: {:?} runs into the footer: {b:?}",
                line.text
            );
            assert!(b.y >= 8.0, "{what}: {:?} touches the top: {b:?}", line.text);
            assert!(
                line.width <= TITLE_MAX_W + 0.5,
                "{what}: {:?} is {} px wide",
                line.text,
                line.width
            );
            // Lines come top to bottom (title, subtitle, badge text): none overlaps the last.
            if line.color == INK || line.color == MUTED {
                assert!(
                    b.y >= previous_bottom - 0.5 * line.size * (TITLE_LEADING - 1.0) - 12.0,
                    "{what}: {:?} overlaps the line above",
                    line.text
                );
                previous_bottom = b.y + b.h;
            }
        }
        if let Some((rect, _)) = layout.badge {
            assert!(rect.y >= previous_bottom, "{what}: the badge overlaps the text");
            assert!(
                rect.y + rect.h <= footer_top - 8.0,
                "{what}: the badge runs into the footer"
            );
        }
    }

    #[test]
    fn pictures_are_1200_by_630_png_at_the_stated_paths() {
        let data = bundled();
        let dir = std::env::temp_dir().join(format!("og-images-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let written = write_all(&repo().join("public/data/ocop-quang-ninh.json"), &dir).unwrap();
        let c = data.counts();
        assert_eq!(written, c.products + c.spots + c.sales_points + c.routes + 1);
        let mut paths = vec![dir.join("og/site.png")];
        paths.extend(
            data.products
                .iter()
                .map(|p| dir.join(format!("og/product/{}.png", p.id))),
        );
        paths.extend(
            data.spots
                .iter()
                .map(|s| dir.join(format!("og/spot/{}.png", s.id))),
        );
        paths.extend(
            data.sales_points
                .iter()
                .map(|s| dir.join(format!("og/sales-point/{}.png", s.id))),
        );
        paths.extend(
            data.routes
                .iter()
                .map(|r| dir.join(format!("og/route/{}.png", r.id))),
        );
        let mut total = 0;
        for path in &paths {
            let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            total += bytes.len();
            let reader = png::Decoder::new(bytes.as_slice()).read_info().unwrap();
            let info = reader.info();
            assert_eq!((info.width, info.height), (1200, 630), "{}", path.display());
        }
        // Compression stays reasonable: the lot goes into dist/.
        assert!(
            total / paths.len() < 60_000,
            "{} bytes a picture on average",
            total / paths.len()
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn decoded_pixels_are_the_drawn_ones() {
        let fonts = fonts();
        let canvas = draw(
            &layout(
                &record("Ngọc trai Akoya", "Trang sức · TP Hạ Long", Badge::Ocop),
                fonts,
            ),
            fonts,
        );
        let png = encode_png(&canvas);
        let mut reader = png::Decoder::new(png.as_slice()).read_info().unwrap();
        assert_eq!(
            reader.info().color_type,
            png::ColorType::Indexed,
            "a card fits a palette"
        );
        let palette = reader.info().palette.clone().unwrap().into_owned();
        let mut buf = vec![0; reader.output_buffer_size()];
        reader.next_frame(&mut buf).unwrap();
        let rgb: Vec<u8> = buf[..(WIDTH * HEIGHT) as usize]
            .iter()
            .flat_map(|&i| palette[usize::from(i) * 3..][..3].to_vec())
            .collect();
        assert!(rgb == canvas.pixels);
    }

    #[test]
    fn long_names_wrap_to_three_lines_inside_the_card() {
        let fonts = fonts();
        // The dataset's longest name, and longer ones.
        let long = "Nước khoáng thiên nhiên Quang Hanh (bổ sung ga chất lượng cao)";
        let layout = layout(
            &record(
                long,
                "Nước khoáng, nước uống · TP Cẩm Phả",
                Badge::Stars {
                    stars: 4,
                    national: false,
                },
            ),
            fonts,
        );
        assert!(layout.title_lines >= 2 && layout.title_lines <= 3);
        let words: Vec<&str> = title_lines(&layout).iter().map(|l| l.text.as_str()).collect();
        assert_eq!(words.join(" "), long, "every word is kept, in order");
        assert_fits(&layout, long);

        let longer = "Trà hoa vàng HTX Dược liệu Trà hoa vàng Ba Chẽ ".repeat(4);
        let layout = super::layout(
            &record(&longer, &"Dược liệu · Huyện Ba Chẽ ".repeat(6), Badge::Ocop),
            fonts,
        );
        assert_eq!(layout.title_lines, 3);
        let lines = title_lines(&layout);
        assert!(
            lines[2].text.ends_with('…'),
            "shortened visibly: {:?}",
            lines[2].text
        );
        assert!(lines.iter().all(|l| l.size >= TITLE_SIZES[TITLE_SIZES.len() - 1]));
        assert_fits(&layout, "repeated name");

        let one_word = "Đ".repeat(80);
        let layout = super::layout(&record(&one_word, "", Badge::None), fonts);
        assert_fits(&layout, "one long word");

        // A short name stays big and on one line.
        let layout = super::layout(
            &record("Na Đông Triều", "Trái cây · TP Đông Triều", Badge::Ocop),
            fonts,
        );
        assert_eq!(layout.title_lines, 1);
        assert_eq!(title_lines(&layout)[0].size, TITLE_SIZES[0]);
    }

    #[test]
    fn every_card_of_the_bundled_dataset_fits_whole() {
        let fonts = fonts();
        for card in cards(&bundled()).unwrap() {
            let layout = layout(&card, fonts);
            check_inside(&layout, fonts).unwrap();
            if card.kind == CardKind::Record {
                assert_fits(&layout, &card.title);
                let title: Vec<&str> = title_lines(&layout).iter().map(|l| l.text.as_str()).collect();
                assert_eq!(
                    title.join(" "),
                    card.title,
                    "{}: the whole name, unshortened",
                    card.path
                );
                assert!(
                    !layout.lines().any(|l| l.text.contains('…')),
                    "{}: nothing shortened",
                    card.path
                );
            }
        }
    }

    #[test]
    fn vietnamese_names_have_real_glyphs() {
        let fonts = fonts();
        let data = bundled();
        let mut texts: Vec<String> = Vec::new();
        texts.extend(data.products.iter().map(|p| p.name.vi.clone()));
        texts.extend(data.spots.iter().map(|s| s.name.vi.clone()));
        texts.extend(data.sales_points.iter().map(|s| s.name.vi.clone()));
        texts.extend(data.routes.iter().map(|r| r.name.vi.clone()));
        for card in cards(&data).unwrap() {
            texts.extend(layout(&card, fonts).lines().map(|l| l.text.clone()));
        }
        texts.extend(record_base(fonts).lines().map(|l| l.text.clone()));
        // Every letter Vietnamese writes, upper and lower case.
        texts.push("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ".into());
        texts
            .push("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ".to_uppercase());
        for text in &texts {
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                for face in [fonts.face(Weight::Regular), fonts.face(Weight::Bold)] {
                    assert_ne!(
                        face.glyph_id(c).0,
                        0,
                        "no glyph for {c:?} (U+{:04X}) in {text:?}",
                        c as u32
                    );
                }
            }
        }
        // Tone marks have ink: "ệ" is taller and deeper than "e".
        let bold = fonts.face(Weight::Bold);
        let line = |text: &str| Line {
            text: text.into(),
            weight: Weight::Bold,
            size: 100.0,
            x: 10.0,
            baseline: 200.0,
            width: 0.0,
            color: INK,
        };
        let (plain, marked) = (
            ink_bounds(&line("e"), fonts).unwrap(),
            ink_bounds(&line("ệ"), fonts).unwrap(),
        );
        assert!(marked.y < plain.y - 10.0 && marked.y + marked.h > plain.y + plain.h + 5.0);
        assert!(bold.ascent("Ỗ") > 1.0 && bold.ascent("an") < 0.75);
    }

    #[test]
    fn stars_only_for_a_stated_rating() {
        assert_eq!(
            badge(&rating(Evidence::StarStated, Some(5), Some(Level::National))),
            Badge::Stars {
                stars: 5,
                national: true
            }
        );
        assert_eq!(
            badge(&rating(Evidence::StarStated, Some(4), None)),
            Badge::Stars {
                stars: 4,
                national: false
            }
        );
        // A source that names OCOP but no rating, or a level without stars: no stars.
        assert_eq!(badge(&rating(Evidence::OcopStated, None, None)), Badge::Ocop);
        assert_eq!(badge(&rating(Evidence::OcopStated, Some(4), None)), Badge::Ocop);
        assert_eq!(badge(&rating(Evidence::StarStated, None, None)), Badge::Ocop);
        assert_eq!(badge(&rating(Evidence::Unconfirmed, Some(3), None)), Badge::None);

        // Layout: stars in the badge exactly for Stars.
        let fonts = fonts();
        let laid = |badge| layout(&record("Gà Tiên Yên", "Thịt · Huyện Tiên Yên", badge), fonts);
        let stars = laid(Badge::Stars {
            stars: 3,
            national: false,
        });
        let (rect, count) = stars.badge.unwrap();
        assert_eq!(count, 3);
        let gold: Vec<&Star> = stars.stars().filter(|s| s.color == GOLD).collect();
        assert_eq!(gold.len(), 3);
        assert!(gold.iter().all(|s| s.cx - s.r >= rect.x
            && s.cx + s.r <= rect.x + rect.w
            && s.cy - s.r >= rect.y
            && s.cy + s.r <= rect.y + rect.h));
        let ocop = laid(Badge::Ocop);
        assert_eq!(ocop.badge.unwrap().1, 0);
        assert_eq!(ocop.stars().count(), 0);
        assert!(ocop.lines().any(|l| l.text == "OCOP"));
        let none = laid(Badge::None);
        assert!(none.badge.is_none() && none.stars().count() == 0 && !none.lines().any(|l| l.text == "OCOP"));

        // Pixels: gold appears above the footer only on the card with stars.
        let gold_above_footer = |layout: &Layout| {
            let canvas = draw(layout, fonts);
            let footer_top = (HEIGHT as f32 - FOOTER_H) as usize;
            canvas.pixels[..footer_top * WIDTH as usize * 3]
                .chunks_exact(3)
                .filter(|p| *p == GOLD)
                .count()
        };
        assert!(gold_above_footer(&stars) > 500);
        assert_eq!(gold_above_footer(&ocop), 0);
        assert_eq!(gold_above_footer(&none), 0);

        // The bundled dataset: stars exactly for star_stated products, none elsewhere.
        let data = bundled();
        let cards = cards(&data).unwrap();
        for p in &data.products {
            let card = cards
                .iter()
                .find(|c| c.path == format!("og/product/{}.png", p.id))
                .unwrap();
            let expect = match p.rating.evidence {
                Evidence::StarStated => Badge::Stars {
                    stars: p.rating.stars.unwrap(),
                    national: p.rating.is_national(),
                },
                Evidence::OcopStated => Badge::Ocop,
                Evidence::Unconfirmed => Badge::None,
            };
            assert_eq!(card.badge, expect, "{}", p.id);
        }
        assert!(cards
            .iter()
            .filter(|c| !c.path.starts_with("og/product/"))
            .all(|c| c.badge == Badge::None));
    }

    #[test]
    fn subtitles_say_what_and_where() {
        let data = bundled();
        let cards = cards(&data).unwrap();
        let find = |path: &str| cards.iter().find(|c| c.path == path).unwrap();
        // No district (the sources do not give one): the commune says where.
        assert_eq!(
            find("og/product/ngoc-trai-akoya.png").subtitle,
            "Trang sức · trại Tùng Sâu, vịnh Hạ Long"
        );
        assert_eq!(
            find("og/product/tra-hoa-vang-ba-che.png").subtitle,
            "Trà · Huyện Ba Chẽ"
        );
        assert_eq!(find("og/site.png").title, "OCOP Quảng Ninh");
        let spot = &data.spots[0];
        assert!(find(&format!("og/spot/{}.png", spot.id))
            .subtitle
            .starts_with(spot_kind_label(spot.kind)));
        let route = find(&format!("og/route/{}.png", data.routes[0].id));
        assert!(
            route.subtitle.starts_with("Tuyến du lịch · "),
            "{}",
            route.subtitle
        );
        // A product without a place still has its category.
        let mut p: Product = data.products[0].clone();
        p.locality = Default::default();
        p.subcategory = "not-a-known-one".into();
        p.group = ProductGroup::Beverage;
        let only = Dataset {
            products: vec![p],
            ..Default::default()
        };
        assert_eq!(super::cards(&only).unwrap()[0].subtitle, "Đồ uống");
    }

    #[test]
    fn labels_match_the_apps_vietnamese_texts() {
        let text = std::fs::read_to_string(repo().join("locales/vi.json")).unwrap();
        let vi: serde_json::Value = serde_json::from_str(&text).unwrap();
        let key = |k: String| {
            vi[&k]
                .as_str()
                .unwrap_or_else(|| panic!("locales/vi.json has no {k}"))
                .to_string()
        };
        for (sub, label) in SUBCATEGORY_LABELS {
            assert_eq!(key(format!("sub_{sub}")), *label);
        }
        assert_eq!(SUBCATEGORY_LABELS.len(), ocop_core::model::SUBCATEGORIES.len());
        for group in ProductGroup::ALL {
            assert_eq!(key(format!("group_{}", group.key())), group_label(group));
        }
        for (kind, k) in [
            (SpotKind::EcoTourism, "eco_tourism"),
            (SpotKind::Farm, "farm"),
            (SpotKind::Village, "village"),
            (SpotKind::Heritage, "heritage"),
            (SpotKind::Festival, "festival"),
            (SpotKind::Market, "market"),
        ] {
            assert_eq!(key(format!("kind_{k}")), spot_kind_label(kind));
        }
        assert_eq!(key("app_name".into()), APP_NAME);
        assert_eq!(key("tagline".into()), TAGLINE);
    }

    #[test]
    fn kerning_comes_from_the_fonts_gpos() {
        let bold = fonts().face(Weight::Bold);
        let (t, o) = (bold.glyph_id('T'), bold.glyph_id('o'));
        assert!(bold.kern(t, o) < 0.0, "T·o kerns tighter");
        assert_eq!(bold.kern(bold.glyph_id('n'), bold.glyph_id('n')), 0.0);
        assert!(bold.width("To", 100.0) < bold.width("T", 100.0) + bold.width("o", 100.0));
    }

    #[test]
    fn ids_that_are_not_slugs_are_refused() {
        let mut data = bundled();
        data.products.truncate(1);
        data.products[0].id = "../../etc".into();
        assert!(cards(&data).is_err());
    }

    /// Writes a few samples to /tmp/og-samples/ to look at: `cargo test -p xtask og_image
    /// -- --ignored`.
    #[test]
    #[ignore]
    fn write_samples() {
        let fonts = fonts();
        let dir = Path::new("/tmp/og-samples");
        std::fs::create_dir_all(dir).unwrap();
        let cards = cards(&bundled()).unwrap();
        for id in [
            "og/site.png",
            "og/product/ngoc-trai-akoya.png",
            "og/product/nuoc-khoang-quang-hanh-co-ga.png",
            "og/product/ruoc-hau-van-don.png",
            "og/product/ruou-mo-yen-tu.png",
            "og/route/dong-trieu-uong-bi-gom-dau-tam-yen-tu.png",
            "og/sales-point/diem-trung-bay-binh-ngoc.png",
            "og/route/ba-che-tien-yen-binh-lieu-vung-cao.png",
            "og/spot/vinh-ha-long.png",
        ] {
            let card = cards.iter().find(|c| c.path == id).unwrap();
            let name = id.trim_start_matches("og/").replace('/', "-");
            std::fs::write(dir.join(name), encode_png(&draw(&layout(card, fonts), fonts))).unwrap();
        }
        let long = record(
            &"Trà hoa vàng HTX Dược liệu Trà hoa vàng Ba Chẽ ".repeat(4),
            "Dược liệu · Huyện Ba Chẽ",
            Badge::Stars {
                stars: 5,
                national: true,
            },
        );
        std::fs::write(
            dir.join("long-name.png"),
            encode_png(&draw(&layout(&long, fonts), fonts)),
        )
        .unwrap();
    }
}
