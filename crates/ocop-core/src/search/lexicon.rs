//! The visitor's words for the catalog's categories: the names of the six OCOP groups and of
//! the subcategories in three languages ([`CATEGORY_NAMES`]), and a small curated table of
//! synonyms ([`SYNONYMS`]) — "gift", "海鲜", "đặc sản" — each pointing at categories.
//!
//! Kept as data, with tests: every target exists ([`crate::model::SUBCATEGORIES`], the groups),
//! no phrase is listed twice, every language has entries, and the names include every word
//! of the app's own labels (`locales/*.json`, keys `group_*` and `sub_*`; core reads no locale
//! file at run time, the test does).
//!
//! A phrase makes a query word match every product of its categories (the search's
//! "category" field), never arbitrary text: "gift" finds the souvenir group and the
//! subcategories below, not products whose description happens to say "gift" — those are
//! found by the text search anyway.
//!
//! # Decisions
//!
//! * **gift / present / quà / quà tặng / 礼物 / 礼品 / 伴手礼** → the souvenir group and the
//!   subcategories a tourist takes home as a present: tea, liquor, confectionery, honey.
//!   Not seafood (much of it is fresh or frozen), not rice or vegetables.
//! * **specialty / đặc sản / 特产 / 土特产** → the food, beverage and herbal groups: in
//!   Vietnamese and Chinese the word means "the local produce", i.e. nearly everything OCOP
//!   rates; the ranking (stars first among equal matches) then shows the best first.
//! * **keepsake / memento / quà lưu niệm / 手信** → the souvenir group only.
//! * **fish / cá / 鱼 / 海鲜 / 水产** → seafood (not the fish sauces: those are found as
//!   "fish sauce", "nước mắm", "鱼露", the condiment's names).
//! * **dried / khô / 干** has no category: drying is a property of single products ("Mực ống
//!   Cô Tô khô", "鱿鱼干"), found by their names, and a synonym may only name categories.
//! * Vietnamese "quà" (gift) and "quả" (fruit) fold to the same "qua": the search is
//!   tone-insensitive, so "qua" finds both the gift categories and, as "hoa quả", fruit.

use crate::model::{ProductGroup, SUBCATEGORIES};

/// A category a phrase names: one of the six OCOP groups, or a subcategory key from
/// [`SUBCATEGORIES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    Group(ProductGroup),
    Sub(&'static str),
}

impl Category {
    /// Its bit in a category mask: the groups in [`ProductGroup::ALL`] order, then the
    /// subcategories in [`SUBCATEGORIES`] order. `None` for an unknown subcategory.
    pub fn bit(self) -> Option<u32> {
        match self {
            Category::Group(g) => ProductGroup::ALL.iter().position(|x| *x == g).map(|i| 1 << i),
            Category::Sub(key) => SUBCATEGORIES
                .iter()
                .position(|s| *s == key)
                .map(|i| 1 << (ProductGroup::ALL.len() + i)),
        }
    }

    /// Every category, groups first, in bit order.
    pub fn all() -> impl Iterator<Item = Category> {
        ProductGroup::ALL
            .into_iter()
            .map(Category::Group)
            .chain(SUBCATEGORIES.iter().map(|s| Category::Sub(s)))
    }

    /// The categories of a mask, in bit order.
    pub fn of_mask(mask: u32) -> impl Iterator<Item = Category> {
        Category::all().filter(move |c| c.bit().is_some_and(|b| mask & b != 0))
    }
}

const _: () = assert!(
    ProductGroup::ALL.len() + SUBCATEGORIES.len() <= 32,
    "category masks are u32"
);

/// Phrases in each language. A phrase is one or more words ("nước mắm", "fish sauce") or, in
/// Chinese, a run of characters ("鱼露").
#[derive(Clone, Copy, Debug)]
pub struct Phrases {
    pub vi: &'static [&'static str],
    pub en: &'static [&'static str],
    pub zh: &'static [&'static str],
}

impl Phrases {
    pub fn all(&self) -> impl Iterator<Item = &'static str> {
        self.vi.iter().chain(self.en).chain(self.zh).copied()
    }
}

use Category::{Group, Sub};
use ProductGroup::*;

const fn names(
    vi: &'static [&'static str],
    en: &'static [&'static str],
    zh: &'static [&'static str],
) -> Phrases {
    Phrases { vi, en, zh }
}

/// What each category is called, in each language: the app's labels split at their
/// separators ("Fish sauce & condiments" → "fish sauce", "condiments"), plus the key's
/// own words and a few plain forms.
#[rustfmt::skip]
pub const CATEGORY_NAMES: &[(Category, Phrases)] = &[
    (Group(Food), names(&["thực phẩm"], &["food"], &["食品"])),
    (Group(Beverage), names(&["đồ uống", "thức uống"], &["drinks", "beverage"], &["饮品", "饮料"])),
    (Group(Herbal), names(&["thảo dược"], &["herbal products", "herbal"], &["草药产品", "草药"])),
    (Group(Textile), names(&["vải", "may mặc"], &["textiles", "garments", "clothing"], &["纺织服装", "纺织", "服装"])),
    (Group(Souvenir), names(&["lưu niệm", "nội thất", "trang trí"], &["souvenirs", "crafts", "decoration"], &["纪念品", "工艺品"])),
    (
        Group(RuralTourism),
        names(&["dịch vụ du lịch nông thôn", "du lịch"], &["rural tourism", "tourism", "services"], &["乡村旅游", "服务"]),
    ),
    (Sub("seafood"), names(&["hải sản", "thủy sản"], &["seafood"], &["海产品"])),
    (Sub("meat"), names(&["thịt"], &["meat"], &["肉类", "肉"])),
    (Sub("eggs"), names(&["trứng"], &["eggs"], &["蛋类", "蛋"])),
    (Sub("fruit"), names(&["trái cây", "hoa quả"], &["fruit"], &["水果"])),
    (Sub("vegetable"), names(&["rau củ", "rau"], &["vegetables"], &["蔬菜"])),
    (Sub("rice_noodles"), names(&["gạo", "miến", "bánh"], &["rice", "noodles", "cakes"], &["米", "粉丝", "糕点"])),
    (Sub("mushroom"), names(&["nấm"], &["mushrooms"], &["菌菇"])),
    (Sub("honey"), names(&["mật ong"], &["honey"], &["蜂蜜"])),
    (Sub("cooking_oil"), names(&["dầu ăn"], &["cooking oil"], &["食用油"])),
    (Sub("condiment"), names(&["nước mắm", "gia vị"], &["fish sauce", "condiments"], &["鱼露", "调味品"])),
    (Sub("tea"), names(&["trà", "chè"], &["tea"], &["茶"])),
    (Sub("liquor"), names(&["rượu"], &["liquor", "wine"], &["酒类", "酒"])),
    (Sub("mineral_water"), names(&["nước khoáng", "nước uống"], &["mineral", "mineral water", "drinking water"], &["矿泉水", "饮用水"])),
    (Sub("soft_drink"), names(&["nước giải khát"], &["soft drinks"], &["软饮料"])),
    (Sub("herbal"), names(&["dược liệu"], &["medicinal herbs"], &["药材"])),
    (Sub("essential_oil"), names(&["tinh dầu"], &["essential oils"], &["精油"])),
    (Sub("flowers"), names(&["hoa"], &["flowers"], &["花卉"])),
    (Sub("jewellery"), names(&["trang sức"], &["jewellery", "jewelry"], &["珠宝"])),
    (Sub("handicraft"), names(&["thủ công mỹ nghệ", "thủ công"], &["handicrafts"], &["手工艺品"])),
    (Sub("confectionery"), names(&["bánh kẹo"], &["sweets", "confectionery"], &["糖果糕点", "糖果"])),
    (Sub("spice"), names(&["gia vị"], &["spices"], &["香料"])),
];

/// The gift subcategories and group (see the module docs, "Decisions").
const GIFT: &[Category] = &[
    Group(Souvenir),
    Sub("tea"),
    Sub("liquor"),
    Sub("confectionery"),
    Sub("honey"),
];
const SPECIALTY: &[Category] = &[Group(Food), Group(Beverage), Group(Herbal)];

/// Words a visitor may use for a category that are not its name.
#[rustfmt::skip]
pub const SYNONYMS: &[(Phrases, &[Category])] = &[
    (names(&["quà", "quà tặng", "quà biếu"], &["gift", "gifts", "present", "presents"], &["礼物", "礼品", "伴手礼"]), GIFT),
    (names(&["quà lưu niệm", "đồ lưu niệm"], &["souvenir", "keepsake", "memento"], &["手信", "旅游纪念品"]), &[Group(Souvenir)]),
    (names(&["đặc sản"], &["specialty", "specialties", "speciality", "delicacy"], &["特产", "土特产"]), SPECIALTY),
    (names(&["đồ biển", "cá"], &["fish", "shellfish", "sea food"], &["海鲜", "海产", "水产", "鱼"]), &[Sub("seafood")]),
    (names(&["nước chè"], &["teas"], &["茶叶"]), &[Sub("tea")]),
    (names(&["rượu vang", "rượu ngâm"], &["spirits", "alcohol", "rice wine"], &["白酒", "米酒"]), &[Sub("liquor")]),
    (names(&["mật"], &["bee"], &["蜂糖"]), &[Sub("honey")]),
    (names(&["ngọc trai"], &["pearl", "pearls"], &["珍珠"]), &[Sub("jewellery")]),
    (names(&["mắm"], &["sauce"], &["酱"]), &[Sub("condiment")]),
    (names(&["bún", "phở", "mì", "bánh đa"], &["vermicelli"], &["粉条", "米粉", "面条"]), &[Sub("rice_noodles")]),
    (names(&[], &["mushroom", "fungi"], &["蘑菇", "香菇"]), &[Sub("mushroom")]),
    (names(&["dược"], &["herbs", "medicine"], &["中药"]), &[Sub("herbal"), Group(Herbal)]),
    (names(&["nước suối"], &["water"], &["水"]), &[Sub("mineral_water")]),
    (names(&["nước ngọt", "nước ép"], &["juice", "soda"], &["果汁"]), &[Sub("soft_drink")]),
    (names(&["kẹo", "mứt"], &["candy", "sweet", "snacks"], &["零食", "点心"]), &[Sub("confectionery")]),
    (names(&["hoa trái"], &["fruits"], &["果"]), &[Sub("fruit")]),
    (names(&[], &["vegetable", "veggies"], &["菜"]), &[Sub("vegetable")]),
    (names(&[], &["oil"], &["油"]), &[Sub("cooking_oil"), Sub("essential_oil")]),
    (names(&[], &["flower"], &["花"]), &[Sub("flowers")]),
    (names(&["đồ trang sức"], &["necklace", "bracelet"], &["首饰", "项链"]), &[Sub("jewellery")]),
    (names(&["đồ thủ công"], &["craft", "handmade"], &["手工"]), &[Sub("handicraft"), Group(Souvenir)]),
];

/// A few searches that find something in the bundled catalog, in each language, offered
/// when a search finds nothing (the catalog's empty state).
pub fn popular_searches(lang: crate::Lang) -> &'static [&'static str] {
    match lang {
        crate::Lang::Vi => &[
            "trà hoa vàng",
            "chả mực",
            "ngọc trai",
            "hải sản",
            "quà tặng",
            "rượu",
        ],
        crate::Lang::En => &[
            "golden camellia tea",
            "squid cake",
            "pearls",
            "seafood",
            "gift",
            "liquor",
        ],
        crate::Lang::Zh => &["金花茶", "鱿鱼", "珍珠", "海鲜", "礼物", "酒"],
    }
}

/// The bit of a subcategory key, `None` for a key the app has no names for.
pub(super) fn subcategory_bit(key: &str) -> Option<u32> {
    SUBCATEGORIES
        .iter()
        .position(|s| *s == key)
        .map(|i| 1 << (ProductGroup::ALL.len() + i))
}

/// A product's categories as a mask: its group's bit and its subcategory's.
pub(super) fn category_mask(group: ProductGroup, subcategory: &str) -> u32 {
    Category::Group(group).bit().unwrap_or(0) | subcategory_bit(subcategory).unwrap_or(0)
}

/// A query word shorter than this matches a category phrase only in full: "ba" is not
/// "bánh", "te" not "tea".
const MIN_PREFIX_CHARS: usize = 3;

/// [`CATEGORY_NAMES`] and [`SYNONYMS`] folded for matching: Latin phrases as words, CJK
/// phrases as runs; a phrase listed for several categories keeps them all.
#[derive(Clone, Debug)]
pub(super) struct Lexicon {
    latin: Vec<(Vec<Box<str>>, u32)>,
    cjk: Vec<(Box<str>, u32)>,
}

impl Lexicon {
    pub(super) fn new() -> Lexicon {
        let mut lexicon = Lexicon {
            latin: Vec::new(),
            cjk: Vec::new(),
        };
        let mask_of = |cats: &[Category]| cats.iter().filter_map(|c| c.bit()).fold(0, |a, b| a | b);
        let entries = CATEGORY_NAMES
            .iter()
            .map(|(c, phrases)| (phrases, mask_of(&[*c])))
            .chain(SYNONYMS.iter().map(|(phrases, cats)| (phrases, mask_of(cats))));
        for (phrases, mask) in entries {
            for phrase in phrases.all() {
                let (words, runs) = split(phrase);
                if !words.is_empty() {
                    match lexicon.latin.iter_mut().find(|(w, _)| *w == words) {
                        Some((_, m)) => *m |= mask,
                        None => lexicon.latin.push((words, mask)),
                    }
                }
                for run in runs {
                    match lexicon.cjk.iter_mut().find(|(r, _)| *r == run) {
                        Some((_, m)) => *m |= mask,
                        None => lexicon.cjk.push((run, mask)),
                    }
                }
            }
        }
        lexicon
    }

    /// For each folded query word, the categories it names: (typed in full, only begun).
    /// A phrase names its categories when its words appear in order, each typed in full or
    /// begun with at least [`MIN_PREFIX_CHARS`] letters; every one of those query words then
    /// names them.
    pub(super) fn latin_masks(&self, words: &[&str]) -> Vec<(u32, u32)> {
        let mut out = vec![(0, 0); words.len()];
        for (phrase, mask) in &self.latin {
            let m = phrase.len();
            if m > words.len() {
                continue;
            }
            for i in 0..=words.len() - m {
                let mut whole = true;
                let found = phrase.iter().zip(&words[i..i + m]).all(|(w, q)| {
                    if **w == **q {
                        true
                    } else if w.starts_with(q) && q.chars().count() >= MIN_PREFIX_CHARS {
                        whole = false;
                        true
                    } else {
                        false
                    }
                });
                if found {
                    for slot in &mut out[i..i + m] {
                        if whole {
                            slot.0 |= mask;
                        } else {
                            slot.1 |= mask;
                        }
                    }
                }
            }
        }
        out
    }

    /// Splits a CJK query run into pieces with the categories they name (0: none).
    ///
    /// Chinese has no spaces, so the phrases are found by substring: a run of two or more
    /// characters inside a phrase ("海产" in "海产品") names the phrase's categories; a single
    /// character only a phrase of exactly that character ("茶", "酒"). Otherwise the run is cut
    /// at the phrases it contains, longest first from the left ("下龙海鲜" → "下龙", "海鲜"),
    /// the rest kept as text pieces. A run naming nothing is one piece with no category.
    pub(super) fn cjk_pieces(&self, run: &str) -> Vec<(String, u32)> {
        let single = run.chars().nth(1).is_none();
        let naming: u32 = self
            .cjk
            .iter()
            .filter(|(p, _)| if single { **p == *run } else { p.contains(run) })
            .fold(0, |a, (_, m)| a | m);
        if naming != 0 || single {
            return vec![(run.to_string(), naming)];
        }
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut rest = run;
        while let Some(c) = rest.chars().next() {
            let longest = self
                .cjk
                .iter()
                .filter(|(p, _)| rest.starts_with(&**p))
                .max_by_key(|(p, _)| p.len());
            match longest {
                Some((phrase, mask)) => {
                    if !text.is_empty() {
                        pieces.push((std::mem::take(&mut text), 0));
                    }
                    pieces.push((phrase.to_string(), *mask));
                    rest = &rest[phrase.len()..];
                }
                None => {
                    text.push(c);
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        if !text.is_empty() {
            pieces.push((text, 0));
        }
        pieces
    }
}

/// A phrase's folded words and CJK runs, split as the search splits text.
fn split(phrase: &str) -> (Vec<Box<str>>, Vec<Box<str>>) {
    let mut words = Vec::new();
    let mut runs = Vec::new();
    super::Tokenizer::default().run(phrase, |token| match token {
        super::Token::Word { folded, .. } => words.push(folded.into()),
        super::Token::Cjk(run) => runs.push(run.into()),
    });
    (words, runs)
}

impl Lexicon {
    /// Every word of every Latin phrase, with the phrase's categories (for "did you mean").
    pub(super) fn words(&self) -> impl Iterator<Item = (&str, u32)> {
        self.latin
            .iter()
            .flat_map(|(words, mask)| words.iter().map(move |w| (&**w, *mask)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fold;
    use crate::Lang;
    use std::collections::{HashMap, HashSet};

    fn in_lang(phrases: &Phrases, lang: Lang) -> &'static [&'static str] {
        match lang {
            Lang::Vi => phrases.vi,
            Lang::En => phrases.en,
            Lang::Zh => phrases.zh,
        }
    }

    fn is_cjk_phrase(p: &str) -> bool {
        p.chars().all(crate::search::is_cjk)
    }

    #[test]
    fn every_category_has_names_in_every_language_once() {
        let named: Vec<Category> = CATEGORY_NAMES.iter().map(|(c, _)| *c).collect();
        assert_eq!(
            named,
            Category::all().collect::<Vec<_>>(),
            "one entry per category, in bit order"
        );
        for (category, phrases) in CATEGORY_NAMES {
            for lang in Lang::ALL {
                assert!(
                    !in_lang(phrases, lang).is_empty(),
                    "{category:?} has no {lang:?} name"
                );
            }
        }
    }

    #[test]
    fn every_target_exists() {
        for (category, _) in CATEGORY_NAMES {
            assert!(category.bit().is_some(), "{category:?}");
        }
        for (phrases, targets) in SYNONYMS {
            assert!(!targets.is_empty(), "{phrases:?} names nothing");
            for t in *targets {
                assert!(
                    t.bit().is_some(),
                    "{phrases:?} → {t:?}: not a group or a known subcategory"
                );
                if let Category::Sub(key) = t {
                    assert!(SUBCATEGORIES.contains(key));
                }
            }
        }
    }

    #[test]
    fn phrases_are_written_in_their_language_and_folded_form_is_not_empty() {
        for phrases in CATEGORY_NAMES
            .iter()
            .map(|(_, p)| p)
            .chain(SYNONYMS.iter().map(|(p, _)| p))
        {
            for lang in Lang::ALL {
                for p in in_lang(phrases, lang) {
                    assert_eq!(p.trim(), *p, "{p:?}");
                    assert!(!fold(p).trim().is_empty(), "{p:?}");
                    assert_eq!(is_cjk_phrase(p), lang == Lang::Zh, "{p:?} in {lang:?}");
                    assert_eq!(p.to_lowercase(), *p, "{p:?}: lower case, as the search folds it");
                }
            }
        }
    }

    #[test]
    fn no_phrase_is_listed_twice() {
        // Within one language, a phrase appears once in the synonyms, and never repeats a
        // category name. Names may share a phrase only where the app's labels do.
        const SHARED_NAMES: &[&str] = &["gia vi"];
        for lang in Lang::ALL {
            let mut names: HashMap<String, usize> = HashMap::new();
            for (_, phrases) in CATEGORY_NAMES {
                for p in in_lang(phrases, lang) {
                    *names.entry(fold(p)).or_default() += 1;
                }
            }
            for (p, n) in &names {
                assert!(
                    *n == 1 || SHARED_NAMES.contains(&p.as_str()),
                    "name {p:?} listed {n} times"
                );
            }
            let mut synonyms = HashSet::new();
            for (phrases, _) in SYNONYMS {
                for p in in_lang(phrases, lang) {
                    let folded = fold(p);
                    assert!(!names.contains_key(&folded), "synonym {p:?} is already a name");
                    assert!(synonyms.insert(folded), "synonym {p:?} listed twice");
                }
            }
        }
    }

    #[test]
    fn every_language_has_synonyms_and_the_requested_ones_are_there() {
        for lang in Lang::ALL {
            let count: usize = SYNONYMS.iter().map(|(p, _)| in_lang(p, lang).len()).sum();
            assert!(count >= 10, "{lang:?}: {count} synonyms");
        }
        let lexicon = Lexicon::new();
        let names_of = |phrase: &str| -> Vec<Category> {
            let words: Vec<String> = fold(phrase).split(' ').map(str::to_string).collect();
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let mask = if is_cjk_phrase(phrase) {
                lexicon.cjk_pieces(phrase).iter().fold(0, |m, (_, b)| m | b)
            } else {
                lexicon
                    .latin_masks(&refs)
                    .iter()
                    .fold(u32::MAX, |m, (w, _)| m & w)
            };
            Category::of_mask(mask).collect()
        };
        for gift in ["gift", "present", "quà tặng", "quà", "礼物", "礼品"] {
            let c = names_of(gift);
            assert!(
                c.contains(&Category::Group(ProductGroup::Souvenir)),
                "{gift}: {c:?}"
            );
            assert!(c.contains(&Category::Sub("tea")), "{gift}: {c:?}");
        }
        for (phrase, sub) in [
            ("seafood", "seafood"),
            ("hải sản", "seafood"),
            ("海鲜", "seafood"),
            ("海产", "seafood"),
            ("tea", "tea"),
            ("trà", "tea"),
            ("chè", "tea"),
            ("茶", "tea"),
            ("wine", "liquor"),
            ("liquor", "liquor"),
            ("rượu", "liquor"),
            ("酒", "liquor"),
            ("honey", "honey"),
            ("mật ong", "honey"),
            ("蜂蜜", "honey"),
            ("pearl", "jewellery"),
            ("ngọc trai", "jewellery"),
            ("珍珠", "jewellery"),
            ("fish sauce", "condiment"),
            ("nước mắm", "condiment"),
            ("鱼露", "condiment"),
            ("noodles", "rice_noodles"),
            ("miến", "rice_noodles"),
            ("bún", "rice_noodles"),
            ("粉丝", "rice_noodles"),
            ("米粉", "rice_noodles"),
            ("mushroom", "mushroom"),
            ("nấm", "mushroom"),
            ("蘑菇", "mushroom"),
        ] {
            assert!(
                names_of(phrase).contains(&Category::Sub(sub)),
                "{phrase}: {:?}",
                names_of(phrase)
            );
        }
        for souvenir in ["souvenir", "纪念品", "lưu niệm"] {
            assert_eq!(
                names_of(souvenir),
                [Category::Group(ProductGroup::Souvenir)],
                "{souvenir}"
            );
        }
        for specialty in ["specialty", "đặc sản", "特产"] {
            assert!(names_of(specialty).contains(&Category::Group(ProductGroup::Food)));
        }
    }

    /// The app's labels are in `locales/*.json`; core never reads them, but every word of
    /// every label must be a name here, or a visitor could not find a category by the very
    /// name the filter panel shows.
    #[test]
    fn names_include_the_app_labels() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../locales");
        for lang in Lang::ALL {
            let file = match lang {
                Lang::Vi => "vi.json",
                Lang::En => "en.json",
                Lang::Zh => "zh.json",
            };
            let text = std::fs::read_to_string(format!("{root}/{file}")).expect("locale file");
            let labels: HashMap<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
            for (category, phrases) in CATEGORY_NAMES {
                let key = match category {
                    Category::Group(g) => format!("group_{}", g.key()),
                    Category::Sub(s) => format!("sub_{s}"),
                };
                let label = labels[&key].as_str().unwrap_or_else(|| panic!("{key} in {file}"));
                let ours: HashSet<String> = in_lang(phrases, lang).iter().map(|p| fold(p)).collect();
                for piece in label.split(['&', ',', '–', '、', '与']) {
                    let piece = fold(piece.trim());
                    assert!(
                        ours.contains(&piece),
                        "{file} {key}: {piece:?} of {label:?} is not a name"
                    );
                }
            }
        }
    }

    #[test]
    fn phrases_match_in_order_and_begun_words_from_three_letters() {
        let lexicon = Lexicon::new();
        let tea = Category::Sub("tea").bit().unwrap();
        let condiment = Category::Sub("condiment").bit().unwrap();
        let seafood = Category::Sub("seafood").bit().unwrap();
        assert_eq!(lexicon.latin_masks(&["tea"])[0].0 & tea, tea);
        assert_eq!(lexicon.latin_masks(&["te"])[0], (0, 0));
        assert_eq!(lexicon.latin_masks(&["sea"])[0].1 & seafood, seafood);
        let masks = lexicon.latin_masks(&["nuoc", "mam"]);
        assert!(masks.iter().all(|(w, _)| w & condiment != 0), "{masks:?}");
        // Out of order, or only one word of the phrase: not the phrase.
        assert_eq!(lexicon.latin_masks(&["mam", "nuoc"])[1].0 & condiment, 0);
        assert_eq!(lexicon.latin_masks(&["sauce", "fish"])[1].0 & condiment, 0);
        // "hai" alone is not "hải sản".
        assert_eq!(lexicon.latin_masks(&["hai"])[0].0 & seafood, 0);
    }

    #[test]
    fn chinese_runs_are_cut_at_the_phrases_they_contain() {
        let lexicon = Lexicon::new();
        let seafood = Category::Sub("seafood").bit().unwrap();
        let tea = Category::Sub("tea").bit().unwrap();
        assert_eq!(lexicon.cjk_pieces("海鲜"), [("海鲜".to_string(), seafood)]);
        // Inside a longer name.
        assert_eq!(lexicon.cjk_pieces("海产"), [("海产".to_string(), seafood)]);
        assert_eq!(
            lexicon.cjk_pieces("下龙海鲜"),
            [("下龙".to_string(), 0), ("海鲜".to_string(), seafood)]
        );
        assert_eq!(
            lexicon.cjk_pieces("绿茶"),
            [("绿".to_string(), 0), ("茶".to_string(), tea)]
        );
        // Longest first: 鱼露 (fish sauce), not 鱼 (fish).
        let fish_sauce = lexicon.cjk_pieces("鱼露");
        assert_eq!(fish_sauce.len(), 1);
        assert_eq!(fish_sauce[0].1 & seafood, 0);
        // A single character names only a phrase of exactly that character.
        assert_eq!(lexicon.cjk_pieces("海"), [("海".to_string(), 0)]);
        assert_eq!(lexicon.cjk_pieces("巴扯"), [("巴扯".to_string(), 0)]);
    }
}
