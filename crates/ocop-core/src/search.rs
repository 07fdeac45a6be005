//! Tone-insensitive Vietnamese search over the product catalog.
//!
//! # Why fold
//!
//! Vietnamese writes six tones and several vowel qualities as diacritics: "Chả mực" (squid
//! cake), "Trà hoa vàng" (golden camellia tea). Many visitors type without them: a foreign
//! keyboard, a phone without a Vietnamese input method, or simply haste. So "cha muc" must find
//! "Chả mực". [`fold`] turns both sides into the same plain form: Unicode canonical
//! decomposition (NFD) splits "ả" into "a" + U+0309 (hook above) and "ắ" into "a" + breve +
//! acute, and dropping every combining mark leaves the base letter. "đ" is the one letter that
//! does not decompose (it is a letter of its own, not "d" plus a mark), so it is mapped by hand.
//!
//! # Why an index
//!
//! The search box filters on every keystroke, in WebAssembly, on phones. Folding and scanning
//! every product's text on every keystroke costs time proportional to the whole catalog's
//! text. Instead [`SearchIndex::build`] folds everything once and keeps:
//!
//! * a **vocabulary**: every distinct folded word, sorted. In a sorted list all the words
//!   that start with "mu" ("mu", "muc", "muoi"…) sit next to each other, so two binary
//!   searches find the range of words a query word is a prefix of;
//! * for each word its **postings**: which product, which field, at which word position, and
//!   which tone-ful spelling ("variant": "mực", "múc"…) the text had. Postings of neighbouring
//!   words are stored contiguously, so a prefix range's postings are one slice;
//! * each word's length and a 64-bit letter signature, so typo matching only runs the
//!   edit-distance check on the few words that could possibly be within reach.
//!
//! A query then costs time proportional to the postings it touches, not to the catalog.
//!
//! # Matching
//!
//! Text is split into words at every character that is not a letter, digit or combining mark:
//! "salted-lemon" is two words, "Hà-Nội" too, and so are the same strings in a query, so
//! punctuation behaves the same on both sides. (`fold` itself keeps punctuation; only the
//! word splitting treats it as a separator.) Every query word must match (AND), each possibly
//! in a different field, by being a prefix of an indexed word ("ngoc tr" finds "Ngọc trai").
//! A *finished* word — one the visitor typed past: any but the last, or the last followed by a
//! space — begins words only in names; elsewhere it must be a whole word. So "ng tr ak" still
//! finds "Ngọc trai Akoya", but "sa sung" no longer finds a mineral water whose name says "bổ
//! sung" (added) and whose description says "4 sao" (stars): "sa" was finished, not "sao".
//! A query word of at least 5 letters may also match a word one edit away (8 letters: two),
//! counting insertions, deletions, substitutions and swaps of neighbours ("camelia" finds
//! "camellia"). Shorter words get no typo tolerance: "mien" is one edit away from far too many
//! short Vietnamese words. Words containing digits get none either: codes and years are exact.
//!
//! # Categories and synonyms
//!
//! A query word also matches every product of a category it names: the groups' and
//! subcategories' names in three languages and a small table of synonyms ("gift", "海鲜",
//! "đặc sản"), kept as data with tests in [`lexicon`]. A multi-word name matches when its
//! words appear in order ("nước mắm", not "mắm nước"); a word begun with at least three
//! letters counts ("seaf"). The index stores each product's categories as a 32-bit mask, not
//! as postings: a category word costs one pass over that array, and the index is smaller than
//! when it held the subcategory key as text (a key the app has no names for still is).
//!
//! # Chinese
//!
//! Chinese is written without spaces, so "金花茶" has no words to split. Each run of CJK
//! characters is indexed as its single characters *and* its character bigrams ("金花", "花茶").
//! A one-character query looks up the character; a longer one visits the products with any of
//! its bigrams, which are then checked for the query as a real substring (so "金花 … 花茶" in
//! two places does not count as "金花茶"). This is the usual way CJK search engines avoid a
//! dictionary-based word segmenter, which would be far too big for the app.
//!
//! The category names and synonyms are the one small dictionary there is: a query run inside
//! one of their Chinese phrases ("海产" in "海产品") names its categories, and a longer run is
//! cut at the phrases it contains ("下龙海鲜" → "下龙" + "海鲜"). A product then matches the
//! run if it has it as a substring, or if it has every piece, each in its text or as its
//! category, at least one as its category ("下龙" in the name of a seafood product).
//!
//! # Ranking
//!
//! Every query word scores its best posting in each product; a product's score is the sum.
//! A posting's score is its field's weight plus bonuses, chosen so that the field always
//! decides first: a prefix match in a name (400) beats the best match in a producer or place
//! (200 + 90), which beats the best match in a description (100 + 90).
//!
//! * **field**: name (vi/en/zh) 400; producer, commune, district 200; subcategory 150;
//!   description 100;
//! * **whole word** (+40): "tra" equals "tra" rather than merely starting "trang";
//! * **exact tone** (+50): the user typed diacritics and the text has exactly them, so the
//!   query "chả" puts "Chả mực" above "Chà bông". A query without diacritics gives no tone
//!   bonus to anyone: it does not say which tone was meant;
//! * **position** (+8 … +0): earlier words of a name score slightly higher;
//! * **typo** matches score a fifth of their field weight and no bonus (80 at best), below any
//!   real match;
//! * a **category** the word names scores as the subcategory field: 150, +40 when its phrase
//!   was typed in full.
//!
//! A [`Hit`]'s score keeps the position bonuses in its low [`POSITION_BITS`] bits: its
//! [`strength`] is what matched, and the catalog orders products of equal strength by their
//! rating before their word positions ("tea": the national 5★ teas before an unconfirmed one
//! whose name merely says "tea" one word earlier). Ties keep catalog order (lower index
//! first), so results are deterministic.

mod lexicon;
mod suggest;

pub use lexicon::{popular_searches, Category, Phrases, CATEGORY_NAMES, SYNONYMS};

use crate::geo;
use crate::model::{Producer, Product, ProductGroup};
use crate::unicode::{decompose_canonical, is_combining_mark};
use lexicon::{category_mask, subcategory_bit, Lexicon};
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

/// Lower-case, strip Vietnamese tones and other combining marks (Unicode NFD, drop marks),
/// map đ/Đ → d. Letters are decomposed as far as [`crate::unicode`]'s tables go: the Latin
/// ones (Vietnamese among them).
///
/// Everything else is kept as it is, punctuation and spaces included (`"Hà-Nội!"` →
/// `"ha-noi!"`), so the result can be shown or compared as a whole. The search splits words
/// at punctuation after folding, on the index and the query alike.
///
/// ```
/// use ocop_core::search::fold;
/// assert_eq!(fold("Chả mực"), "cha muc");
/// assert_eq!(fold("ĐÔNG TRIỀU"), "dong trieu");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, |f| out.push(f));
    }
    out
}

/// Folds one character, passing 0, 1 or more characters to `emit`.
///
/// Decomposing first and lower-casing each piece handles upper-case stacked letters ("Ặ" →
/// "A" + dot below + breve → "a") and characters whose lower case itself carries a mark
/// ("İ" → "i" + dot above → "i"). ASCII, the bulk of any text here, takes a fast path.
#[inline]
fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
        return;
    }
    decompose_canonical(c, |base| {
        if is_combining_mark(base) {
            return;
        }
        for lower in base.to_lowercase() {
            if !is_combining_mark(lower) {
                // Đ lower-cases to đ, and neither decomposes: map by hand.
                emit(if lower == 'đ' { 'd' } else { lower });
            }
        }
    });
}

/// One search result: the product's index in the `products` slice the index was built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub score: u32,
}

// ---------------------------------------------------------------------------------------------
// Splitting text into words
// ---------------------------------------------------------------------------------------------

/// Han ideographs (with extensions and compatibility forms) and Japanese kana: scripts written
/// without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0x20000..=0x323AF  // Extensions B–H and compatibility supplement
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CharClass {
    /// A letter or digit: part of a word.
    Word,
    /// A combining mark: continues the word before it (text stored in NFD has its tones as
    /// separate marks).
    Mark,
    /// A CJK character: part of a run that is indexed by characters and bigrams.
    Cjk,
    /// Anything else separates words.
    Separator,
}

fn classify(c: char) -> CharClass {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            CharClass::Word
        } else {
            CharClass::Separator
        };
    }
    // Fast path for the Latin letters Vietnamese uses: Latin-1, Latin Extended-A/B (đ, ơ, ư)
    // and Latin Extended Additional (ả, ắ, ự…), all letters except × and ÷.
    if matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c != '×' && c != '÷' {
        return CharClass::Word;
    }
    if is_cjk(c) {
        CharClass::Cjk
    } else if is_combining_mark(c) {
        CharClass::Mark
    } else if c.is_alphanumeric() {
        CharClass::Word
    } else {
        CharClass::Separator
    }
}

/// What the tokenizer hands out. The strings borrow its buffers, valid until the next token.
enum Token<'a> {
    /// A word: `folded` is what is matched; `toned` is the lower-cased original in NFC,
    /// compared with a tone-ful query for the exact-tone bonus. Both are equal for words
    /// without diacritics.
    Word { folded: &'a str, toned: &'a str },
    /// A run of CJK characters (folded, which leaves ideographs unchanged).
    Cjk(&'a str),
}

/// Splits text into [`Token`]s, reusing its buffers from one text to the next so that
/// indexing 50,000 products does not allocate per word.
#[derive(Default)]
struct Tokenizer {
    folded: String,
    /// The current word lower-cased, marks kept, not yet composed.
    lowered: String,
    toned: String,
    /// Whether the current word is pure ASCII, where `toned == folded` and NFC is skipped.
    ascii: bool,
    cjk: String,
}

impl Tokenizer {
    fn run(&mut self, text: &str, mut emit: impl FnMut(Token<'_>)) {
        self.folded.clear();
        self.lowered.clear();
        self.cjk.clear();
        self.ascii = true;
        for c in text.chars() {
            let class = classify(c);
            if class != CharClass::Cjk {
                self.flush_cjk(&mut emit);
            }
            match class {
                CharClass::Word => {
                    fold_char(c, |f| self.folded.push(f));
                    if c.is_ascii() {
                        self.lowered.push(c.to_ascii_lowercase());
                    } else {
                        self.ascii = false;
                        self.lowered.extend(c.to_lowercase());
                    }
                }
                CharClass::Mark => {
                    if !self.lowered.is_empty() {
                        self.ascii = false;
                        self.lowered.push(c);
                    }
                }
                CharClass::Cjk => {
                    self.flush_word(&mut emit);
                    fold_char(c, |f| self.cjk.push(f));
                }
                CharClass::Separator => self.flush_word(&mut emit),
            }
        }
        self.flush_word(&mut emit);
        self.flush_cjk(&mut emit);
    }

    fn flush_word(&mut self, emit: &mut impl FnMut(Token<'_>)) {
        if !self.folded.is_empty() {
            let toned = if self.ascii {
                &self.folded
            } else {
                // NFC, so that text typed precomposed and text stored decomposed compare equal.
                // Text is nearly always NFC already, which a scan for marks confirms cheaply.
                if crate::unicode::may_need_composing(&self.lowered) {
                    self.toned = crate::unicode::nfc(&self.lowered);
                    &self.toned
                } else {
                    &self.lowered
                }
            };
            emit(Token::Word {
                folded: &self.folded,
                toned,
            });
        }
        self.folded.clear();
        self.lowered.clear();
        self.ascii = true;
    }

    fn flush_cjk(&mut self, emit: &mut impl FnMut(Token<'_>)) {
        if !self.cjk.is_empty() {
            emit(Token::Cjk(&self.cjk));
            self.cjk.clear();
        }
    }
}

/// Calls `f(gram, offset)` for each character of a CJK run and each pair of neighbours, with
/// the character offset of the gram's first character.
fn cjk_grams(run: &str, mut f: impl FnMut(&str, u32)) {
    let mut previous: Option<usize> = None;
    for (i, (at, c)) in run.char_indices().enumerate() {
        let end = at + c.len_utf8();
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        f(&run[at..end], i);
        if let Some(start) = previous {
            f(&run[start..end], i - 1);
        }
        previous = Some(at);
    }
}

// ---------------------------------------------------------------------------------------------
// Fields and scores
// ---------------------------------------------------------------------------------------------

/// Where in a product a word was found. Kept per posting (one byte) so that a result could be
/// explained or highlighted later; ranking only looks at its [`Tier`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Field {
    NameVi,
    NameEn,
    NameZh,
    Producer,
    Commune,
    District,
    Subcategory,
    DescriptionVi,
    DescriptionEn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Tier {
    Name,
    Place,
    Category,
    Description,
}

impl Field {
    fn tier(self) -> Tier {
        match self {
            Field::NameVi | Field::NameEn | Field::NameZh => Tier::Name,
            Field::Producer | Field::Commune | Field::District => Tier::Place,
            Field::Subcategory => Tier::Category,
            Field::DescriptionVi | Field::DescriptionEn => Tier::Description,
        }
    }
}

/// Indexed by [`Tier`]. The gaps are wider than all bonuses together (40 + 50 + 8), so a
/// better field always wins; see the module docs.
const TIER_WEIGHT: [u32; 4] = [400, 200, 150, 100];
const WHOLE_WORD_BONUS: u32 = 40;
const EXACT_TONE_BONUS: u32 = 50;
/// The first word of a name gets this much, the second one less, and so on down to 0.
const POSITION_BONUS_MAX: u32 = 8;
/// A typo match scores its tier weight divided by this: at most 80, below every real match.
const TYPO_DIVISOR: u32 = 5;

/// A word naming a product's category ("tea", "海鲜", "gift"): the category tier, with the
/// whole-word bonus when the phrase was typed in full. No position, no tone bonus.
fn category_score(whole: bool) -> u32 {
    let score = TIER_WEIGHT[Tier::Category as usize] + if whole { WHOLE_WORD_BONUS } else { 0 };
    score << POSITION_BITS
}

/// How a vocabulary word matched a query word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Whole,
    Prefix,
    Typo,
}

/// One occurrence of a word. Eight bytes: 50,000 synthetic products make about 1.6 million.
#[derive(Clone, Copy, Debug)]
struct Posting {
    product: u32,
    /// Which of the word's tone-ful spellings ([`SearchIndex::variants`]) the text had.
    /// `u16::MAX` if the word has more spellings than that (never in practice): no tone bonus.
    variant: u16,
    field: Field,
    /// Word position in the field, saturating at 255.
    position: u8,
}

impl Posting {
    /// `tone_ok[variant]` says whether that spelling agrees with a tone-ful query word; it is
    /// empty when the query word had no diacritics.
    #[inline]
    fn score(&self, kind: Kind, tone_ok: &[bool]) -> u32 {
        let tier = self.field.tier();
        let weight = TIER_WEIGHT[tier as usize];
        if kind == Kind::Typo {
            return (weight / TYPO_DIVISOR) << POSITION_BITS;
        }
        let mut score = weight;
        if kind == Kind::Whole {
            score += WHOLE_WORD_BONUS;
        }
        if tone_ok.get(usize::from(self.variant)).copied().unwrap_or(false) {
            score += EXACT_TONE_BONUS;
        }
        let mut position = 0;
        if tier == Tier::Name {
            position = POSITION_BONUS_MAX.saturating_sub(u32::from(self.position));
        }
        score << POSITION_BITS | position
    }
}

/// A [`Hit`]'s score keeps the position bonuses (at most 8 per query word, 32 words) in its
/// low bits, below the field and match bonuses: two products with the same `strength` matched
/// the query equally well, only at other word positions, and the catalog may order them by
/// their rating instead ([`crate::catalog`]).
pub const POSITION_BITS: u32 = 9;

const _: () = assert!(POSITION_BONUS_MAX * MAX_QUERY_TERMS as u32 <= 1 << POSITION_BITS);

/// What a query matched in a product, without the position bonuses: see [`POSITION_BITS`].
pub fn strength(score: u32) -> u32 {
    score >> POSITION_BITS
}

// ---------------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------------

/// Many short strings in one allocation: item `i` is `text[bounds[i]..bounds[i + 1]]`.
/// Compared with `Vec<String>` this saves 24 bytes and a heap block per string, and keeps the
/// sorted vocabulary contiguous for the binary search.
#[derive(Clone)]
struct StrList {
    text: String,
    bounds: Vec<u32>,
}

impl StrList {
    fn new() -> Self {
        StrList {
            text: String::new(),
            bounds: vec![0],
        }
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.bounds
            .push(u32::try_from(self.text.len()).expect("search index text over 4 GiB"));
    }

    fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    fn get(&self, i: usize) -> &str {
        &self.text[self.bounds[i] as usize..self.bounds[i + 1] as usize]
    }
}

/// The first index in `range` where `pred` turns false (`pred` must be true, then false).
fn partition_point(range: Range<usize>, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (range.start, range.end);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// A search index over one dataset's products. Build it once when a dataset is loaded (it
/// takes a few hundred milliseconds for 50,000 synthetic products, about a millisecond for
/// the real catalog) and query it on every keystroke.
#[derive(Clone)]
pub struct SearchIndex {
    product_count: usize,
    /// Sorted distinct folded words and CJK grams.
    terms: StrList,
    /// Per term: its letter signature, for typos.
    term_signature: Vec<u64>,
    /// Term ids ordered by length; those of length `l` are
    /// `by_length[length_start[l]..length_start[l + 1]]`.
    by_length: Vec<u32>,
    length_start: Vec<u32>,
    /// Term `t`'s postings are `postings[posting_start[t]..posting_start[t + 1]]`, ordered
    /// by product.
    posting_start: Vec<u32>,
    postings: Vec<Posting>,
    /// Term `t`'s tone-ful spellings are items `variant_start[t]..variant_start[t + 1]` of
    /// `variants`; a posting's `variant` counts from the term's first.
    variant_start: Vec<u32>,
    variants: StrList,
    /// Per product, its CJK runs joined by newlines, to confirm multi-character CJK queries.
    cjk_text: StrList,
    /// Per product, its group's and subcategory's bits ([`Category::bit`]).
    product_categories: Vec<u32>,
    /// Products per category bit.
    category_counts: [u32; 32],
    /// Category bit `b`'s products are `category_members[category_start[b]..category_start[b + 1]]`.
    category_start: Vec<u32>,
    category_members: Vec<u32>,
    /// The category names and synonyms, folded ([`lexicon`]).
    lexicon: Lexicon,
}

impl fmt::Debug for SearchIndex {
    /// A summary: the index itself runs to megabytes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchIndex")
            .field("products", &self.product_count)
            .field("terms", &self.terms.len())
            .field("postings", &self.postings.len())
            .finish_non_exhaustive()
    }
}

/// Query words longer than this (in characters) get no typo tolerance; it bounds the
/// edit-distance work and lets it run in fixed-size stack buffers.
const MAX_TYPO_WORD: usize = 32;
/// Words beyond this many in one query are ignored (a pasted paragraph is not a search).
const MAX_QUERY_TERMS: usize = 32;

impl SearchIndex {
    /// Build once per loaded dataset. Indexes each product's name (vi, en, zh), producer name
    /// (looked up in `producers` by `product.producer` id), locality commune text (old and
    /// 2025), district name ([`crate::geo::district`] → `name_vi`/`name_en`/`name_zh`),
    /// subcategory key, and description (vi, en).
    ///
    /// A producer id that `producers` lacks, or an unknown district id, is simply not indexed.
    pub fn build(products: &[Product], producers: &[Producer]) -> SearchIndex {
        crate::pace::run_unpaced(Self::build_paced(products, producers, &mut crate::pace::Unpaced))
    }

    /// [`SearchIndex::build`], asking `pace` before each product whether to pause: at 50,000
    /// products the build takes about a second on a phone, which must not be one task.
    pub async fn build_paced(
        products: &[Product],
        producers: &[Producer],
        pace: &mut impl crate::pace::Pace,
    ) -> SearchIndex {
        let producer_names: HashMap<&str, &str> = producers
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str()))
            .collect();
        // Two passes over the same texts: the first counts each word's postings, the second
        // writes them straight into place. A list of every (word, posting) sorted afterwards
        // needs 12 + 8 bytes per posting at once; this needs the 8 of the index itself (at
        // 50,000 products about 1.8 million postings: docs/performance.md, "Memory").
        let mut builder = Builder::new();
        let total = 2 * products.len();
        for pass in 0..2 {
            if pass == 1 {
                builder.start_placing();
            }
            for (i, p) in products.iter().enumerate() {
                pace.pause(pass * products.len() + i, total).await;
                let i = u32::try_from(i).expect("more than u32::MAX products");
                let producer = p
                    .producer
                    .as_deref()
                    .and_then(|id| producer_names.get(id).copied());
                builder.add_product(i, p, producer);
            }
        }
        let mut index = builder.finish(products.len());
        // Each product's categories, and each category's products (a counting sort).
        let mut masks: HashMap<(ProductGroup, &str), u32> = HashMap::new();
        index.product_categories = products
            .iter()
            .map(|p| {
                *masks
                    .entry((p.group, p.subcategory.as_str()))
                    .or_insert_with(|| category_mask(p.group, &p.subcategory))
            })
            .collect();
        let bits = |mask: u32| (0..32usize).filter(move |b| mask >> b & 1 != 0);
        for &mask in &index.product_categories {
            for bit in bits(mask) {
                index.category_counts[bit] += 1;
            }
        }
        let mut start = vec![0u32; 33];
        for bit in 0..32 {
            start[bit + 1] = start[bit] + index.category_counts[bit];
        }
        let mut members = vec![0u32; start[32] as usize];
        let mut next = start.clone();
        for (p, &mask) in index.product_categories.iter().enumerate() {
            for bit in bits(mask) {
                members[next[bit] as usize] = p as u32;
                next[bit] += 1;
            }
        }
        index.category_start = start;
        index.category_members = members;
        index
    }

    /// `None` when the query has no searchable characters (the caller then shows everything).
    /// Otherwise every product that matches ALL query words, best first (ties: lower index first).
    ///
    /// A word matches a product through its text (see the module docs) or through its
    /// category: "tea", "trà", "茶" and the synonyms of [`SYNONYMS`] match every product of the
    /// categories they name, scoring as the category field.
    pub fn search(&self, query: &str) -> Option<Vec<Hit>> {
        let query = Query::parse(query, &self.lexicon);
        if query.terms.is_empty() {
            return None;
        }
        let mut plans: Vec<Plan<'_>> = query.terms.iter().map(|t| self.plan(t)).collect();
        if plans.iter().any(|p| p.cost == 0) {
            return Some(Vec::new());
        }
        // Rarest word first: every later word only updates products still in the running, so
        // "muc kho" costs about as much as its rarer word.
        plans.sort_by_key(|p| p.cost);

        // Per product: how many query words it has matched so far, its running total, and
        // its best score for the current word. Three flat arrays are cheaper than any map:
        // about 0.5 MB zeroed at 50,000 products, a few tens of microseconds.
        let n = self.product_count;
        let mut matched = vec![0u8; n];
        let mut total = vec![0u32; n];
        let mut current = vec![0u32; n];
        let mut candidates: Vec<u32> = Vec::new();
        let mut tone_ok: Vec<bool> = Vec::new();

        for (k, plan) in plans.iter().enumerate() {
            let k = k as u8; // at most MAX_QUERY_TERMS
            let mut visit = |p: usize, score: u32| {
                let m = matched[p];
                if m < k {
                    return; // missed an earlier word: can no longer match them all
                }
                if m == k {
                    matched[p] = k + 1;
                    current[p] = score;
                    total[p] += score;
                    if k == 0 {
                        candidates.push(p as u32);
                    }
                } else if score > current[p] {
                    total[p] += score - current[p];
                    current[p] = score;
                }
            };
            let postings = |term: usize| {
                &self.postings[self.posting_start[term] as usize..self.posting_start[term + 1] as usize]
            };
            for term in plan.range.clone() {
                let kind = if plan.whole && term == plan.range.start {
                    Kind::Whole
                } else {
                    Kind::Prefix
                };
                self.tone_flags(term, plan.term, kind, &mut tone_ok);
                let names_only = kind == Kind::Prefix && !plan.term.open;
                for posting in postings(term) {
                    if names_only && posting.field.tier() != Tier::Name {
                        continue;
                    }
                    visit(posting.product as usize, posting.score(kind, &tone_ok));
                }
            }
            for &term in &plan.grams {
                for posting in postings(term as usize) {
                    visit(posting.product as usize, posting.score(Kind::Whole, &[]));
                }
            }
            for &term in &plan.typos {
                for posting in postings(term as usize) {
                    visit(posting.product as usize, posting.score(Kind::Typo, &[]));
                }
            }
            let categories = plan.term.categories();
            for bit in (0..32).filter(|b| categories >> b & 1 != 0) {
                let score = category_score(plan.term.cat_whole >> bit & 1 != 0);
                let members = self.category_start[bit] as usize..self.category_start[bit + 1] as usize;
                for &p in &self.category_members[members] {
                    visit(p as usize, score);
                }
            }
        }

        let need = plans.len() as u8;
        let cjk: Vec<&QueryTerm> = query.terms.iter().filter(|t| t.cjk).collect();
        let mut hits: Vec<Hit> = candidates
            .into_iter()
            .map(|p| p as usize)
            .filter(|&p| matched[p] == need)
            .filter(|&p| cjk.iter().all(|term| self.cjk_matches(p, term)))
            .map(|p| Hit {
                index: p,
                score: total[p],
            })
            .collect();
        hits.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        Some(hits)
    }

    /// Whether product `p` has a CJK run: as a real substring of its CJK text ("金花 … 花茶"
    /// in two places is not "金花茶"), or piece by piece, each piece in its text or naming its
    /// category, at least one by category ("海鲜" in a seafood product; "下龙海鲜": 下龙 in its
    /// text, 海鲜 its category).
    fn cjk_matches(&self, p: usize, term: &QueryTerm) -> bool {
        let text = self.cjk_text.get(p);
        if text.contains(term.folded.as_str()) {
            return true;
        }
        let categories = self.product_categories[p];
        let mut by_category = false;
        for (piece, mask) in &term.pieces {
            if categories & mask != 0 {
                by_category = true;
            } else if !text.contains(piece.as_str()) {
                return false;
            }
        }
        by_category
    }

    /// Finds the vocabulary words a query word matches, without touching any posting.
    fn plan<'q>(&self, term: &'q QueryTerm) -> Plan<'q> {
        let q = term.folded.as_str();
        let count = self.terms.len();
        let mut grams = Vec::new();
        let mut cost = 0usize;
        let (range, whole) = if term.cjk {
            // CJK grams are looked up exactly: the unigrams already cover every occurrence.
            let single = q.chars().nth(1).is_none();
            cjk_grams(q, |gram, _| {
                if single || gram.chars().nth(1).is_some() {
                    if let Some(t) = self.term_id(gram) {
                        grams.push(t as u32);
                        cost += (self.posting_start[t + 1] - self.posting_start[t]) as usize;
                    }
                }
            });
            (0..0, false)
        } else {
            let start = partition_point(0..count, |i| self.terms.get(i) < q);
            let end = partition_point(start..count, |i| self.terms.get(i).starts_with(q));
            (start..end, start < end && self.terms.get(start) == q)
        };
        cost += (self.posting_start[range.end] - self.posting_start[range.start]) as usize;
        let categories = term.categories();
        cost += self
            .category_counts
            .iter()
            .enumerate()
            .filter(|(bit, _)| categories >> bit & 1 != 0)
            .map(|(_, &c)| c as usize)
            .sum::<usize>();

        let mut typos = Vec::new();
        if term.max_typos > 0 {
            let max = usize::from(term.max_typos);
            let mut query_chars = ['\0'; MAX_TYPO_WORD];
            let mut word_chars = ['\0'; MAX_TYPO_WORD + 2];
            let query_len = fill_chars(q, &mut query_chars)
                .expect("QueryTerm::word allows typos only for short enough words");
            let signature = letter_signature(q);
            for length in query_len.saturating_sub(max)..=query_len + max {
                let bucket = self.length_start[length] as usize..self.length_start[length + 1] as usize;
                for &t in &self.by_length[bucket] {
                    let t = t as usize;
                    // Each edit adds or removes at most one distinct letter: a cheap filter
                    // that skips almost every word before the real distance check.
                    let other = self.term_signature[t];
                    if (signature & !other).count_ones() as usize > max
                        || (other & !signature).count_ones() as usize > max
                        || range.contains(&t)
                    {
                        continue;
                    }
                    let Some(len) = fill_chars(self.terms.get(t), &mut word_chars) else {
                        continue;
                    };
                    if within_distance(&query_chars[..query_len], &word_chars[..len], max) {
                        typos.push(t as u32);
                        cost += (self.posting_start[t + 1] - self.posting_start[t]) as usize;
                    }
                }
            }
        }
        Plan {
            term,
            range,
            whole,
            grams,
            typos,
            cost,
        }
    }

    /// The vocabulary id of exactly `word`, if indexed.
    fn term_id(&self, word: &str) -> Option<usize> {
        let count = self.terms.len();
        let at = partition_point(0..count, |i| self.terms.get(i) < word);
        (at < count && self.terms.get(at) == word).then_some(at)
    }

    /// Fills `tone_ok` with, for each tone-ful spelling of `term`, whether it agrees with the
    /// query word's diacritics. Left empty (no bonus anywhere) when the query had none.
    fn tone_flags(&self, term: usize, query: &QueryTerm, kind: Kind, tone_ok: &mut Vec<bool>) {
        tone_ok.clear();
        let Some(toned) = query.toned.as_deref() else {
            return;
        };
        for v in self.variant_start[term] as usize..self.variant_start[term + 1] as usize {
            let variant = self.variants.get(v);
            tone_ok.push(match kind {
                Kind::Whole => variant == toned,
                Kind::Prefix => variant.starts_with(toned),
                Kind::Typo => false,
            });
        }
    }
}

/// A text split into words and interned: what it contributes to any product that has it.
#[derive(Clone, Default)]
struct Analysed {
    /// (provisional term id, variant, word position) per word or CJK gram.
    tokens: Vec<(u32, u16, u8)>,
    /// Its CJK runs, newline-separated.
    cjk: String,
}

/// Maps words to provisional term ids (order of first appearance) and their tone-ful
/// spellings to variant numbers.
///
/// Words and spellings are kept in flat lists, not a `Box<str>` and a `Vec` each: at 50,000
/// products (50,000 words) those small blocks took several MiB of wasm memory while the
/// index was built, on top of the index itself (docs/performance.md, "Memory").
struct Interner {
    tokenizer: Tokenizer,
    ids: HashMap<Box<str>, u32>,
    /// Each term's folded word, by provisional id.
    words: StrList,
    /// Every tone-ful spelling met. A term's spellings form a chain, in the order met:
    /// `first_spelling[term]`, then `next_spelling[s]` until [`NO_SPELLING`].
    spellings: StrList,
    first_spelling: Vec<u32>,
    next_spelling: Vec<u32>,
}

const NO_SPELLING: u32 = u32::MAX;

impl Interner {
    /// Term `id`'s spellings, in the order met (their variant numbers).
    fn spellings_of(&self, id: u32) -> impl Iterator<Item = &str> {
        let mut at = self.first_spelling[id as usize];
        std::iter::from_fn(move || {
            (at != NO_SPELLING).then(|| {
                let spelling = self.spellings.get(at as usize);
                at = self.next_spelling[at as usize];
                spelling
            })
        })
    }

    fn analyse(&mut self, text: &str, out: &mut Analysed) {
        out.tokens.clear();
        out.cjk.clear();
        let Interner {
            tokenizer,
            ids,
            words,
            spellings,
            first_spelling,
            next_spelling,
        } = self;
        let mut intern = |folded: &str, toned: &str, position: u32| {
            let id = match ids.get(folded) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(words.len()).expect("more than u32::MAX distinct words");
                    ids.insert(folded.into(), id);
                    words.push(folded);
                    first_spelling.push(NO_SPELLING);
                    id
                }
            };
            // The spelling's number in the term's chain, appended if new.
            let (mut variant, mut at, mut last) = (0u16, first_spelling[id as usize], NO_SPELLING);
            while at != NO_SPELLING && spellings.get(at as usize) != toned {
                variant = variant.saturating_add(1);
                last = at;
                at = next_spelling[at as usize];
            }
            if at == NO_SPELLING {
                if variant < u16::MAX {
                    let new = u32::try_from(spellings.len()).expect("more than u32::MAX spellings");
                    spellings.push(toned);
                    next_spelling.push(NO_SPELLING);
                    match last {
                        NO_SPELLING => first_spelling[id as usize] = new,
                        last => next_spelling[last as usize] = new,
                    }
                } else {
                    variant = u16::MAX;
                }
            }
            let position = u8::try_from(position).unwrap_or(u8::MAX);
            out.tokens.push((id, variant, position));
        };
        let mut position: u32 = 0;
        tokenizer.run(text, |token| match token {
            Token::Word { folded, toned } => {
                intern(folded, toned, position);
                position += 1;
            }
            Token::Cjk(run) => {
                if !out.cjk.is_empty() {
                    out.cjk.push('\n');
                }
                out.cjk.push_str(run);
                let mut chars = 0;
                cjk_grams(run, |gram, offset| {
                    intern(gram, gram, position + offset);
                    chars = chars.max(offset + 1);
                });
                position += chars;
            }
        });
    }
}

/// Accumulates postings while products are added; [`Builder::finish`] sorts them into a
/// [`SearchIndex`].
struct Builder<'a> {
    interner: Interner,
    scratch: Analysed,
    /// District names, producer names and subcategory keys are shared by many products
    /// (at 50,000 products: 13 districts, 12,500 producers, 19 keys), so each distinct text
    /// is analysed once. That is about a third of all words, and halves the build time.
    shared: HashMap<&'a str, Analysed>,
    sink: Sink,
    product_cjk: String,
    cjk_text: StrList,
}

/// Where a product's postings go: counted in the first pass, placed in the second.
enum Sink {
    /// Postings per provisional term id.
    Counting(Vec<u32>),
    Placing(Placing),
}

/// The second pass: each word's postings have their slots, in the final (sorted) term order.
struct Placing {
    /// Final term number of each provisional term id (words in sorted order).
    rank: Vec<u32>,
    /// Provisional term ids in final order.
    order: Vec<u32>,
    /// Each term's first slot; one more entry, the total.
    start: Vec<u32>,
    /// Each term's next free slot.
    next: Vec<u32>,
    postings: Vec<Posting>,
}

impl Placing {
    fn place(&mut self, id: u32, posting: Posting) {
        let term = self.rank[id as usize] as usize;
        let slot = self.next[term] as usize;
        // A word repeated in one field ("mực một nắng, mực khô") keeps only its first,
        // best-placed posting: the others can never raise the product's score. Postings
        // arrive in product order, so a repeat follows the one it repeats.
        if slot > self.start[term] as usize {
            let last = self.postings[slot - 1];
            if last.product == posting.product
                && last.field == posting.field
                && last.variant == posting.variant
            {
                return;
            }
        }
        self.postings[slot] = posting;
        self.next[term] += 1;
    }
}

impl<'a> Builder<'a> {
    fn new() -> Self {
        Builder {
            interner: Interner {
                tokenizer: Tokenizer::default(),
                ids: HashMap::new(),
                words: StrList::new(),
                spellings: StrList::new(),
                first_spelling: Vec::new(),
                next_spelling: Vec::new(),
            },
            scratch: Analysed::default(),
            shared: HashMap::new(),
            sink: Sink::Counting(Vec::new()),
            product_cjk: String::new(),
            cjk_text: StrList::new(),
        }
    }

    /// Indexes one product's texts (see [`SearchIndex::build`] for which), once per pass.
    fn add_product(&mut self, i: u32, p: &'a Product, producer: Option<&'a str>) {
        self.add(i, Field::NameVi, &p.name.vi);
        self.add_opt(i, Field::NameEn, p.name.en.as_deref());
        self.add_opt(i, Field::NameZh, p.name.zh.as_deref());
        if let Some(name) = producer {
            self.add_shared(i, Field::Producer, name);
        }
        self.add_opt(i, Field::Commune, p.locality.commune.as_deref());
        self.add_opt(i, Field::Commune, p.locality.commune_2025.as_deref());
        if let Some(d) = p.locality.district.as_deref().and_then(geo::district) {
            self.add_shared(i, Field::District, d.name_vi);
            self.add_shared(i, Field::District, d.name_en);
            self.add_shared(i, Field::District, d.name_zh);
        }
        // A known subcategory is found by its names and synonyms in every language
        // ([`lexicon`]); only a key the app has no names for is indexed as text.
        if subcategory_bit(&p.subcategory).is_none() {
            self.add_shared(i, Field::Subcategory, &p.subcategory);
        }
        if let Some(desc) = &p.description {
            self.add(i, Field::DescriptionVi, &desc.vi);
            self.add_opt(i, Field::DescriptionEn, desc.en.as_deref());
        }
        self.end_product();
    }

    fn add_opt(&mut self, product: u32, field: Field, text: Option<&str>) {
        if let Some(text) = text {
            self.add(product, field, text);
        }
    }

    /// Indexes a text that belongs to this product alone (name, description, commune).
    fn add(&mut self, product: u32, field: Field, text: &str) {
        self.interner.analyse(text, &mut self.scratch);
        Self::post(
            &mut self.sink,
            &mut self.product_cjk,
            product,
            field,
            &self.scratch,
        );
    }

    /// Indexes a text that many products share, analysing it only the first time.
    fn add_shared(&mut self, product: u32, field: Field, text: &'a str) {
        let interner = &mut self.interner;
        let analysed = self.shared.entry(text).or_insert_with(|| {
            let mut analysed = Analysed::default();
            interner.analyse(text, &mut analysed);
            analysed
        });
        Self::post(&mut self.sink, &mut self.product_cjk, product, field, analysed);
    }

    fn post(sink: &mut Sink, cjk: &mut String, product: u32, field: Field, text: &Analysed) {
        match sink {
            Sink::Counting(counts) => {
                for &(id, _, _) in &text.tokens {
                    let id = id as usize;
                    if id >= counts.len() {
                        counts.resize(id + 1, 0);
                    }
                    counts[id] += 1;
                }
                if !text.cjk.is_empty() {
                    if !cjk.is_empty() {
                        cjk.push('\n');
                    }
                    cjk.push_str(&text.cjk);
                }
            }
            Sink::Placing(placing) => {
                for &(id, variant, position) in &text.tokens {
                    placing.place(
                        id,
                        Posting {
                            product,
                            variant,
                            field,
                            position,
                        },
                    );
                }
            }
        }
    }

    fn end_product(&mut self) {
        // Each product's CJK text is kept once, in the first pass (the second adds none).
        if matches!(self.sink, Sink::Counting(_)) {
            self.cjk_text.push(&self.product_cjk);
        }
        self.product_cjk.clear();
    }

    /// Between the passes: every word is known, so each one's postings get their slots in
    /// the final term order (words sorted).
    fn start_placing(&mut self) {
        let Sink::Counting(mut counts) = std::mem::replace(&mut self.sink, Sink::Counting(Vec::new())) else {
            panic!("start_placing called twice");
        };
        let words = &self.interner.words;
        let n = words.len();
        counts.resize(n, 0);
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_unstable_by(|&a, &b| words.get(a as usize).cmp(words.get(b as usize)));
        let mut rank = vec![0u32; n];
        for (new, &old) in order.iter().enumerate() {
            rank[old as usize] = new as u32;
        }
        let mut start = vec![0u32; n + 1];
        for (id, &count) in counts.iter().enumerate() {
            start[rank[id] as usize + 1] = count;
        }
        for t in 0..n {
            start[t + 1] += start[t];
        }
        let filler = Posting {
            product: 0,
            variant: 0,
            field: Field::NameVi,
            position: 0,
        };
        self.sink = Sink::Placing(Placing {
            rank,
            order,
            next: start[..n].to_vec(),
            postings: vec![filler; start[n] as usize],
            start,
        });
    }

    fn finish(self, product_count: usize) -> SearchIndex {
        // The texts analysed once for many products: not needed any more, freed before the
        // index's lists are written.
        drop(self.shared);
        let Sink::Placing(Placing {
            order,
            start,
            next,
            mut postings,
            ..
        }) = self.sink
        else {
            panic!("finish called before the second pass");
        };
        let mut interner = self.interner;
        // Not needed any more: freed before the term lists are written.
        interner.ids = HashMap::new();
        let n = interner.words.len();

        // Repeats were skipped, leaving gaps at the ends of terms' ranges: close them in place.
        let mut deduped_start = Vec::with_capacity(n + 1);
        let mut kept = 0usize;
        for t in 0..n {
            let (first, end) = (start[t] as usize, next[t] as usize);
            postings.copy_within(first..end, kept);
            deduped_start.push(kept as u32);
            kept += end - first;
        }
        deduped_start.push(kept as u32);
        postings.truncate(kept);
        postings.shrink_to_fit();

        let mut terms = StrList::new();
        let mut variants = StrList::new();
        let mut variant_start = Vec::with_capacity(n + 1);
        variant_start.push(0u32);
        let mut term_chars = Vec::with_capacity(n);
        let mut term_signature = Vec::with_capacity(n);
        for &old in &order {
            let word = interner.words.get(old as usize);
            terms.push(word);
            term_chars.push(u8::try_from(word.chars().count()).unwrap_or(u8::MAX));
            term_signature.push(letter_signature(word));
            for v in interner.spellings_of(old) {
                variants.push(v);
            }
            variant_start.push(variants.len() as u32);
        }

        // Term ids grouped by length (counting sort again), for the typo scan.
        let mut length_start = vec![0u32; 258];
        for &l in &term_chars {
            length_start[usize::from(l) + 1] += 1;
        }
        for l in 0..257 {
            length_start[l + 1] += length_start[l];
        }
        let mut fill = length_start.clone();
        let mut by_length = vec![0u32; n];
        for (t, &l) in term_chars.iter().enumerate() {
            let slot = &mut fill[usize::from(l)];
            by_length[*slot as usize] = t as u32;
            *slot += 1;
        }

        SearchIndex {
            product_count,
            terms,
            term_signature,
            by_length,
            length_start,
            posting_start: deduped_start,
            postings,
            variant_start,
            variants,
            cjk_text: self.cjk_text,
            product_categories: Vec::new(),
            category_counts: [0; 32],
            category_start: vec![0; 33],
            category_members: Vec::new(),
            lexicon: Lexicon::new(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/// One thing a product must match: a word, or a run of CJK characters.
#[derive(Debug, PartialEq, Eq)]
struct QueryTerm {
    /// The folded word, or the CJK run.
    folded: String,
    /// The lower-cased, NFC query word when it differs from `folded`, i.e. when the user
    /// typed diacritics (or đ).
    toned: Option<String>,
    /// 0, 1 or 2 edits allowed.
    max_typos: u8,
    cjk: bool,
    /// Whether the word may still be being typed: the query's last word, with nothing after
    /// it. It then matches as a prefix in every field; a finished word ("sa" in "sa sung")
    /// matches a prefix only in names, and elsewhere whole words ("sa" is not "sao", stars).
    open: bool,
    /// Categories the word names ([`lexicon`]): all of a phrase's words typed in full, or
    /// some only begun.
    cat_whole: u32,
    cat_prefix: u32,
    /// For a CJK run: the pieces the lexicon splits it into, with their categories (0: none).
    pieces: Vec<(String, u32)>,
}

impl QueryTerm {
    fn word(folded: &str, toned: &str) -> Self {
        let letters = folded.chars().filter(|c| c.is_alphabetic()).count();
        let has_digit = folded.chars().any(|c| c.is_numeric());
        let max_typos = if has_digit || folded.chars().count() > MAX_TYPO_WORD {
            0
        } else if letters >= 8 {
            2
        } else if letters >= 5 {
            1
        } else {
            0
        };
        QueryTerm {
            folded: folded.to_string(),
            toned: (toned != folded).then(|| toned.to_string()),
            max_typos,
            cjk: false,
            open: false,
            cat_whole: 0,
            cat_prefix: 0,
            pieces: Vec::new(),
        }
    }

    fn cjk(run: &str, lexicon: &Lexicon) -> Self {
        let pieces = lexicon.cjk_pieces(run);
        QueryTerm {
            folded: run.to_string(),
            toned: None,
            max_typos: 0,
            cjk: true,
            open: true,
            cat_whole: pieces.iter().fold(0, |mask, (_, m)| mask | m),
            cat_prefix: 0,
            pieces,
        }
    }

    fn categories(&self) -> u32 {
        self.cat_whole | self.cat_prefix
    }
}

struct Query {
    terms: Vec<QueryTerm>,
}

/// A query's words and CJK runs, before they become terms.
enum QueryToken {
    Word { folded: String, toned: String },
    Cjk(String),
}

/// Splits a query as the index splits text; also says whether its last token may still be
/// being typed (nothing follows it).
fn query_tokens(text: &str) -> (Vec<QueryToken>, bool) {
    let mut tokens = Vec::new();
    Tokenizer::default().run(text, |token| match token {
        Token::Word { folded, toned } => tokens.push(QueryToken::Word {
            folded: folded.to_string(),
            toned: toned.to_string(),
        }),
        Token::Cjk(run) => tokens.push(QueryToken::Cjk(run.to_string())),
    });
    let open = text
        .chars()
        .next_back()
        .is_some_and(|c| classify(c) != CharClass::Separator);
    (tokens, open)
}

impl Query {
    fn parse(text: &str, lexicon: &Lexicon) -> Query {
        let (tokens, open_end) = query_tokens(text);
        // The categories each word names, phrase by phrase over runs of consecutive words.
        let mut masks = vec![(0u32, 0u32); tokens.len()];
        let mut start = 0;
        while start < tokens.len() {
            let end = (start..tokens.len())
                .find(|&i| matches!(tokens[i], QueryToken::Cjk(_)))
                .unwrap_or(tokens.len());
            let words: Vec<&str> = tokens[start..end]
                .iter()
                .map(|t| match t {
                    QueryToken::Word { folded, .. } => folded.as_str(),
                    QueryToken::Cjk(_) => unreachable!("runs end before CJK"),
                })
                .collect();
            masks[start..end].copy_from_slice(&lexicon.latin_masks(&words));
            start = end + 1;
        }
        let mut terms: Vec<QueryTerm> = Vec::new();
        let last = tokens.len().saturating_sub(1);
        for (i, token) in tokens.iter().enumerate() {
            let term = match token {
                QueryToken::Word { folded, toned } => {
                    let mut term = QueryTerm::word(folded, toned);
                    term.open = i == last && open_end;
                    (term.cat_whole, term.cat_prefix) = masks[i];
                    term
                }
                QueryToken::Cjk(run) => QueryTerm::cjk(run, lexicon),
            };
            // "ba Ba" is one requirement, not two.
            let same = terms
                .iter_mut()
                .find(|t| t.folded == term.folded && t.toned == term.toned && t.cjk == term.cjk);
            if let Some(t) = same {
                t.open |= term.open;
                t.cat_whole |= term.cat_whole;
                t.cat_prefix |= term.cat_prefix;
            } else if terms.len() < MAX_QUERY_TERMS {
                terms.push(term);
            }
        }
        Query { terms }
    }
}

/// The vocabulary words one query term matched.
struct Plan<'q> {
    term: &'q QueryTerm,
    /// Vocabulary ids the term is a prefix of.
    range: Range<usize>,
    /// Whether `range.start` equals the term (a whole-word match).
    whole: bool,
    /// For a CJK run: the vocabulary ids of its character (one) or bigrams (more).
    grams: Vec<u32>,
    /// Vocabulary ids within the allowed edit distance, outside `range`.
    typos: Vec<u32>,
    /// Postings and category members to visit; 0 means the term matches nothing, so neither
    /// does the query.
    cost: usize,
}

/// One bit per letter or digit present (other characters share the remaining bits). If two
/// words are `d` edits apart, each has at most `d` bits the other lacks.
fn letter_signature(word: &str) -> u64 {
    word.chars().fold(0u64, |sig, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            _ => 36 + c as u32 % 28,
        };
        sig | 1 << bit
    })
}

/// Copies the characters of `s` into `buf`, returning how many, or `None` if they don't fit.
fn fill_chars(s: &str, buf: &mut [char]) -> Option<usize> {
    let mut n = 0;
    for c in s.chars() {
        *buf.get_mut(n)? = c;
        n += 1;
    }
    Some(n)
}

/// Whether `a` and `b` are at most `max` edits apart, counting insertions, deletions,
/// substitutions and swaps of two neighbours (the "optimal string alignment" variant of the
/// Damerau–Levenshtein distance: "trieu" → "treiu" is one edit, not two).
///
/// Three rolling rows of the classic dynamic programme, in stack arrays; it gives up as soon
/// as a whole row exceeds `max`, which for unrelated words happens within a character or two.
fn within_distance(a: &[char], b: &[char], max: usize) -> bool {
    const W: usize = MAX_TYPO_WORD + 3;
    if a.len().abs_diff(b.len()) > max || b.len() >= W {
        return false;
    }
    let mut before: [usize; W] = [0; W];
    let mut previous: [usize; W] = std::array::from_fn(|j| j);
    let mut row: [usize; W] = [0; W];
    for i in 1..=a.len() {
        row[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let substitution = previous[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut d = substitution.min(previous[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return false;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut row);
    }
    previous[b.len()] <= max
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use crate::text::LocalText;

    // --- fold ---------------------------------------------------------------------------

    #[test]
    fn fold_strips_tones_and_lower_cases() {
        assert_eq!(fold("Chả mực"), "cha muc");
        assert_eq!(fold("Trà hoa vàng"), "tra hoa vang");
        assert_eq!(fold("Đông Triều"), "dong trieu");
        assert_eq!(fold("ĐÔNG TRIỀU"), "dong trieu");
        assert_eq!(fold("ĐĐ"), "dd");
        assert_eq!(fold("đđ"), "dd");
        assert_eq!(fold("TrÀ HoA VàNg"), "tra hoa vang");
    }

    #[test]
    fn fold_handles_stacked_marks() {
        assert_eq!(fold("ắ ố ứ ặ ỗ ự ẫ"), "a o u a o u a");
        assert_eq!(fold("Ắ Ố Ứ Ặ Ỗ Ự Ẫ"), "a o u a o u a");
        assert_eq!(fold("ơ ư ă â ê ô"), "o u a a e o");
    }

    #[test]
    fn fold_accepts_decomposed_input() {
        // "Chả" stored in NFD: "a" followed by a separate U+0309 hook above.
        assert_eq!(fold("Cha\u{309} mu\u{31b}\u{323}c"), "cha muc");
    }

    #[test]
    fn fold_keeps_punctuation_digits_and_cjk() {
        assert_eq!(fold("Hà-Nội, 2025!"), "ha-noi, 2025!");
        assert_eq!(fold("  Ba  Chẽ  "), "  ba  che  ");
        assert_eq!(fold("巴扯金花茶"), "巴扯金花茶");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn fold_is_idempotent() {
        for s in [
            "Chả mực Mạnh Hà",
            "ĐẶC SẢN",
            "Nõn ghẹ Móng Cái",
            "İstanbul",
            "巴扯金花茶（合作社）",
        ] {
            let once = fold(s);
            assert_eq!(fold(&once), once, "{s}");
        }
    }

    // --- helpers ------------------------------------------------------------------------

    fn product(name: &str) -> Product {
        Product {
            id: fold(name).replace(' ', "-"),
            name: LocalText::vi(name),
            group: ProductGroup::Food,
            subcategory: "seafood".into(),
            rating: Rating {
                evidence: Evidence::OcopStated,
                stars: None,
                level: None,
                year_rated: None,
                valid_until: None,
                decision: None,
                claimed: None,
            },
            producer: None,
            locality: Locality::default(),
            description: None,
            where_to_buy: WhereToBuy::default(),
            price: None,
            season_months: Vec::new(),
            traceability: None,
            sources: Vec::new(),
            images: Box::default(),
            summary: None,
        }
    }

    fn with_description(mut p: Product, description: &str) -> Product {
        p.description = Some(Box::new(LocalText::vi(description)));
        p
    }

    /// Indices of the hits, in order.
    fn found(index: &SearchIndex, query: &str) -> Vec<usize> {
        index
            .search(query)
            .unwrap_or_else(|| panic!("{query:?} gave None"))
            .iter()
            .map(|h| h.index)
            .collect()
    }

    fn sorted(mut v: Vec<usize>) -> Vec<usize> {
        v.sort_unstable();
        v
    }

    fn index_of(products: &[Product]) -> SearchIndex {
        SearchIndex::build(products, &[])
    }

    // --- matching -----------------------------------------------------------------------

    #[test]
    fn toneless_and_toneful_queries_find_the_same_products() {
        let products = [
            product("Chả mực Mạnh Hà"),
            product("Trà hoa vàng Ba Chẽ"),
            product("Mực ống khô"),
            product("Chà bông cá"),
            product("Gạo nếp cái hoa vàng Đông Triều"),
        ];
        let index = index_of(&products);
        for (plain, toned) in [
            ("cha muc", "Chả mực"),
            ("tra hoa vang", "Trà hoa vàng"),
            ("muc", "mực"),
            ("cha", "chả"),
            ("dong trieu", "Đông Triều"),
        ] {
            let a = found(&index, plain);
            assert!(!a.is_empty(), "{plain:?} found nothing");
            assert_eq!(sorted(a), sorted(found(&index, toned)), "{plain:?} vs {toned:?}");
        }
        assert_eq!(found(&index, "cha muc"), vec![0]);
        assert_eq!(found(&index, "tra hoa vang"), vec![1]);
        for q in [
            "ĐÔNG TRIỀU",
            "dong trieu",
            "Đông Triều",
            "DoNg TrIeU",
            "đông triều",
        ] {
            assert_eq!(found(&index, q), vec![4], "{q:?}");
        }
    }

    #[test]
    fn decomposed_data_matches_precomposed_queries() {
        let index = index_of(&[product("Cha\u{309} mu\u{31b}\u{323}c")]);
        assert_eq!(found(&index, "chả mực"), vec![0]);
        assert_eq!(found(&index, "cha muc"), vec![0]);
    }

    #[test]
    fn every_query_word_is_a_prefix() {
        let products = [
            product("Ngọc trai Akoya"),
            product("Mực một nắng"),
            product("Trà xanh"),
        ];
        let index = index_of(&products);
        assert_eq!(found(&index, "muc"), vec![1]);
        assert_eq!(found(&index, "mu"), vec![1]);
        assert_eq!(found(&index, "ngoc tr"), vec![0]);
        assert_eq!(found(&index, "ng tr ak"), vec![0]);
        assert_eq!(sorted(found(&index, "tr")), vec![0, 2]);
        // A query word must start a word, not sit inside one.
        assert_eq!(found(&index, "rai"), Vec::<usize>::new());
        assert_eq!(found(&index, "koya"), Vec::<usize>::new());
    }

    #[test]
    fn all_query_words_must_match_possibly_in_different_fields() {
        let mut dried = product("Mực ống khô");
        dried.locality.district = Some("co-to".into());
        let mut cake = product("Chả mực");
        cake.producer = Some("p1".into());
        let producers = [Producer {
            id: "p1".into(),
            name: "Hộ kinh doanh Mạnh Hà".into(),
            kind: ProducerType::Household,
            locality: Locality::default(),
            sources: Vec::new(),
        }];
        let products = [dried, cake, product("Chả cá"), product("Mực tươi")];
        let index = SearchIndex::build(&products, &producers);
        assert_eq!(found(&index, "cha muc"), vec![1]);
        assert_eq!(found(&index, "muc cha"), vec![1]);
        // Name + district (vi and en names of "Huyện Cô Tô").
        assert_eq!(found(&index, "muc co to"), vec![0]);
        assert_eq!(found(&index, "squid district"), Vec::<usize>::new());
        assert_eq!(found(&index, "muc district"), vec![0]);
        // Name + producer.
        assert_eq!(found(&index, "muc manh ha"), vec![1]);
        assert_eq!(found(&index, "cha muc tuoi"), Vec::<usize>::new());
    }

    #[test]
    fn punctuation_separates_words_on_both_sides() {
        let mut p = product("Nước khoáng vị chanh-muối");
        p.name.en = Some("Mineral water, salted-lemon flavour".into());
        let index = index_of(&[p]);
        assert_eq!(found(&index, "chanh muoi"), vec![0]);
        assert_eq!(found(&index, "salted-lemon"), vec![0]);
        assert_eq!(found(&index, "lemon, salted!"), vec![0]);
        assert_eq!(found(&index, "water."), vec![0]);
    }

    #[test]
    fn exact_tone_ranks_above_folded_match() {
        // The tone-less and differently toned products come first in the catalog, so only
        // the tone bonus can put "Chả mực" on top.
        let products = [
            product("Cha cá"),
            product("Chà bông"),
            product("Chả mực"),
            product("Chá"),
        ];
        let index = index_of(&products);
        let hits = found(&index, "chả");
        assert_eq!(hits[0], 2, "{hits:?}");
        assert_eq!(sorted(hits), vec![0, 1, 2, 3]);
        assert_eq!(found(&index, "chà")[0], 1);
        assert_eq!(found(&index, "CHÀ")[0], 1);
        // A query without diacritics favours no spelling: catalog order decides.
        assert_eq!(found(&index, "cha"), vec![0, 1, 2, 3]);
    }

    #[test]
    fn exact_tone_applies_to_prefixes() {
        let products = [product("Mù tạt"), product("Mực khô")];
        let index = index_of(&products);
        assert_eq!(found(&index, "mự"), vec![1, 0]);
        assert_eq!(found(&index, "mu"), vec![0, 1]);
    }

    #[test]
    fn name_ranks_above_place_above_description() {
        let mut in_producer = product("Sản phẩm A");
        in_producer.producer = Some("p".into());
        let producers = [Producer {
            id: "p".into(),
            name: "HTX Mực Cô Tô".into(),
            kind: ProducerType::Cooperative,
            locality: Locality::default(),
            sources: Vec::new(),
        }];
        let in_description = with_description(product("Sản phẩm B"), "Làm từ mực tươi");
        let products = [
            in_description,
            in_producer,
            product("Sản phẩm C"),
            product("Mực ống"),
        ];
        let index = SearchIndex::build(&products, &producers);
        assert_eq!(found(&index, "muc"), vec![3, 1, 0]);
        // With the tone bonus on all three ("mự" is a prefix of "mực"), fields still decide.
        assert_eq!(found(&index, "mự"), vec![3, 1, 0]);
    }

    #[test]
    fn whole_word_ranks_above_prefix_and_earlier_position_slightly_higher() {
        let products = [
            product("Rượu dâu tằm Tràng An"),
            product("Trà xanh"),
            product("Bánh trà"),
            product("Rượu ba kích"),
        ];
        let index = index_of(&products);
        // "trà" whole at position 0, then at position 1, then "tràng" (prefix).
        assert_eq!(found(&index, "tra"), vec![1, 2, 0]);
        assert_eq!(found(&index, "ruou"), vec![0, 3]);
        let hits = index.search("tra").unwrap();
        assert!(
            hits[0].score > hits[1].score && hits[1].score > hits[2].score,
            "{hits:?}"
        );
    }

    #[test]
    fn english_and_chinese_names_are_searchable() {
        let mut pearl = product("Ngọc trai Akoya");
        pearl.name.en = Some("Akoya pearls".into());
        pearl.name.zh = Some("Akoya珍珠".into());
        let mut tea = product("Trà hoa vàng Ba Chẽ");
        tea.name.en = Some("Ba Che golden camellia tea".into());
        tea.name.zh = Some("巴扯金花茶".into());
        let mut squid = product("Mực ống Cô Tô khô");
        squid.name.en = Some("Co To dried squid".into());
        squid.name.zh = Some("姑苏鱿鱼干".into());
        let index = index_of(&[pearl, tea, squid]);
        assert_eq!(found(&index, "squid"), vec![2]);
        assert_eq!(found(&index, "Pearl"), vec![0]);
        assert_eq!(found(&index, "golden camellia"), vec![1]);
        assert_eq!(found(&index, "珍珠"), vec![0]);
        assert_eq!(found(&index, "金花茶"), vec![1]);
        assert_eq!(found(&index, "花"), vec![1]);
        assert_eq!(found(&index, "茶"), vec![1]);
        assert_eq!(found(&index, "akoya 珍珠"), vec![0]);
        assert_eq!(found(&index, "Akoya珍珠"), vec![0]);
        assert_eq!(found(&index, "鱿鱼"), vec![2]);
        // Characters in another order are another word.
        assert_eq!(found(&index, "茶花"), Vec::<usize>::new());
        assert_eq!(found(&index, "珍茶"), Vec::<usize>::new());
    }

    #[test]
    fn cjk_query_must_be_a_real_substring() {
        // Both bigrams of "金花茶" occur, but never as one run.
        let mut p = product("Hoa");
        p.name.zh = Some("金花 花茶".into());
        let index = index_of(&[p]);
        assert_eq!(found(&index, "金花"), vec![0]);
        assert_eq!(found(&index, "花茶"), vec![0]);
        assert_eq!(found(&index, "金花茶"), Vec::<usize>::new());
    }

    #[test]
    fn long_words_tolerate_typos_short_words_do_not() {
        let mut tea = product("Trà hoa vàng");
        tea.name.en = Some("Golden camellia tea".into());
        let mut noodles = product("Miến dong Bình Liêu");
        noodles.locality.district = Some("dong-trieu".into());
        let index = index_of(&[tea, noodles]);
        // 7 letters, one deletion.
        assert_eq!(found(&index, "camelia"), vec![0]);
        // 8 letters, two edits.
        assert_eq!(found(&index, "cammelia"), vec![0]);
        // 6 letters, two edits: too many.
        assert_eq!(found(&index, "camlia"), Vec::<usize>::new());
        // 5 letters, one extra letter.
        assert_eq!(found(&index, "mienn"), vec![1]);
        // 5 letters, two neighbours swapped (one Damerau edit).
        assert_eq!(found(&index, "treiu"), vec![1]);
        assert_eq!(found(&index, "goldne"), vec![0]);
        // 4 letters or fewer: no typo tolerance.
        assert_eq!(found(&index, "mein"), Vec::<usize>::new());
        assert_eq!(found(&index, "trsi"), Vec::<usize>::new());
        assert_eq!(found(&index, "hoz"), Vec::<usize>::new());
        // Numbers are exact.
        assert!(!within_distance(&['1', '2'], &['1', '3', '4', '5'], 1));
    }

    #[test]
    fn typo_matches_rank_below_real_matches() {
        let products = [
            product("Hoành Bồ"),
            with_description(product("Bánh gật gù"), "Đặc sản hoàng gia"),
        ];
        let index = index_of(&products);
        // "hoang" is one substitution from "hoanh" (in a name) and a real word of a
        // description: the real match wins despite the weaker field.
        assert_eq!(found(&index, "hoang"), vec![1, 0]);
        let hits = index.search("hoang").unwrap();
        assert!(
            strength(hits[1].score) < TIER_WEIGHT[Tier::Description as usize],
            "{hits:?}"
        );
    }

    #[test]
    fn edit_distance() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        let d = |a: &str, b: &str, max| within_distance(&chars(a), &chars(b), max);
        assert!(d("camellia", "camellia", 0));
        assert!(d("camelia", "camellia", 1));
        assert!(!d("camlia", "camellia", 1));
        assert!(d("camlia", "camellia", 2));
        assert!(d("treiu", "trieu", 1));
        assert!(!d("tierU", "trieu", 1));
        assert!(d("mien", "mienn", 1));
        assert!(d("ab", "ba", 1));
        assert!(!d("abc", "cab", 1));
        assert!(d("", "a", 1));
        assert!(!d("", "ab", 1));
    }

    #[test]
    fn queries_without_searchable_characters_give_none() {
        let index = index_of(&[product("Chả mực")]);
        for q in ["", "   ", "\t\n", "!?-.,", "\u{301}", " – … ( ) "] {
            assert_eq!(index.search(q), None, "{q:?}");
        }
        assert_eq!(index.search("xyz"), Some(Vec::new()));
        assert_eq!(index.search("cha xyz"), Some(Vec::new()));
        // A whole word in a name (400 + 40), its first word (position bonus 8).
        let score = 440 << POSITION_BITS | 8;
        assert_eq!(index.search("cha!"), Some(vec![Hit { index: 0, score }]));
    }

    #[test]
    fn empty_catalog() {
        let index = index_of(&[]);
        assert_eq!(index.search("cha"), Some(Vec::new()));
        assert_eq!(index.search("金花茶"), Some(Vec::new()));
        assert_eq!(index.search(" "), None);
    }

    #[test]
    fn repeated_query_words_count_once_and_repeated_text_words_too() {
        let index = index_of(&[product("Mực một nắng, mực khô"), product("Mực ống")]);
        assert_eq!(index.search("muc"), index.search("muc MUC muc"));
        let hits = index.search("muc").unwrap();
        assert_eq!(hits[0].score, hits[1].score);
    }

    #[test]
    fn ties_keep_catalog_order() {
        let products = [product("Hàu sữa"), product("Hàu nướng"), product("Hàu tươi")];
        let index = index_of(&products);
        assert_eq!(found(&index, "hau"), vec![0, 1, 2]);
    }

    // --- categories, synonyms, finished words -------------------------------------------

    fn in_sub(mut p: Product, group: ProductGroup, sub: &str) -> Product {
        p.group = group;
        p.subcategory = sub.into();
        p
    }

    #[test]
    fn category_names_are_words_of_every_product_in_the_category() {
        let squid = product("Chả mực"); // seafood
        let tea = in_sub(product("Lá vối"), ProductGroup::Beverage, "tea");
        let index = index_of(&[squid, tea]);
        for q in [
            "seafood",
            "hải sản",
            "hai san",
            "Hải Sản",
            "海产品",
            "海产",
            "food",
            "thực phẩm",
            "食品",
        ] {
            assert_eq!(found(&index, q), vec![0], "{q:?}");
        }
        for q in ["tea", "trà", "chè", "茶", "drinks", "đồ uống", "饮品", "饮料"] {
            assert_eq!(found(&index, q), vec![1], "{q:?}");
        }
        // Begun from three letters, as any last word.
        assert_eq!(found(&index, "seaf"), vec![0]);
        assert_eq!(found(&index, "se"), Vec::<usize>::new());
        // A category word AND a text word.
        assert_eq!(found(&index, "seafood muc"), vec![0]);
        assert_eq!(found(&index, "tea muc"), Vec::<usize>::new());
        // "hai" alone is not "hải sản".
        assert_eq!(found(&index, "hai"), Vec::<usize>::new());
    }

    #[test]
    fn synonyms_name_categories_not_text() {
        let squid = product("Chả mực");
        let tea = in_sub(product("Lá vối"), ProductGroup::Beverage, "tea");
        let pearl = in_sub(product("Ngọc trai Akoya"), ProductGroup::Souvenir, "jewellery");
        let water = in_sub(product("Nước khoáng"), ProductGroup::Beverage, "mineral_water");
        let index = index_of(&[squid, tea, pearl, water]);
        for q in ["gift", "gifts", "present", "quà tặng", "礼物", "礼品", "伴手礼"] {
            assert_eq!(sorted(found(&index, q)), vec![1, 2], "{q:?}");
        }
        for q in ["海鲜", "fish", "cá", "海产"] {
            assert_eq!(found(&index, q), vec![0], "{q:?}");
        }
        for q in ["souvenir", "纪念品", "quà lưu niệm"] {
            assert_eq!(found(&index, q), vec![2], "{q:?}");
        }
        for q in ["特产", "đặc sản", "specialty"] {
            assert_eq!(sorted(found(&index, q)), vec![0, 1, 3], "{q:?}");
        }
    }

    #[test]
    fn a_category_match_ranks_below_a_name_match() {
        let named = in_sub(product("Trà xanh"), ProductGroup::Beverage, "soft_drink");
        let in_category = in_sub(product("Lá vối"), ProductGroup::Beverage, "tea");
        let index = index_of(&[in_category, named]);
        assert_eq!(found(&index, "tra"), vec![1, 0]);
        let hits = index.search("tra").unwrap();
        assert_eq!(
            strength(hits[1].score),
            TIER_WEIGHT[Tier::Category as usize] + WHOLE_WORD_BONUS
        );
    }

    #[test]
    fn chinese_runs_mix_place_names_and_categories() {
        let mut squid = product("Mực Hạ Long");
        squid.name.zh = Some("下龙鱿鱼".into());
        let mut tea = in_sub(product("Trà Hạ Long"), ProductGroup::Beverage, "tea");
        tea.name.zh = Some("下龙茶".into());
        let index = index_of(&[squid, tea]);
        assert_eq!(found(&index, "下龙海鲜"), vec![0]);
        assert_eq!(found(&index, "下龙茶"), vec![1]);
        assert_eq!(found(&index, "下龙绿茶"), Vec::<usize>::new());
        assert_eq!(found(&index, "海鲜"), vec![0]);
        assert_eq!(found(&index, "海鲜 下龙"), vec![0]);
    }

    #[test]
    fn a_finished_word_begins_only_names_the_last_word_anything() {
        // The bundled mineral water said "bổ sung" (added) in its name and "4 sao" (stars)
        // in its description: "sa sung" found it, "sa" as the start of "sao".
        let worm = product("Sá sùng Hải Hà");
        let water = with_description(
            product("Nước khoáng Quang Hanh (bổ sung ga)"),
            "Được công nhận OCOP 4 sao",
        );
        let index = index_of(&[water, worm]);
        assert_eq!(found(&index, "sa sung"), vec![1]);
        assert_eq!(found(&index, "sá sùng"), vec![1]);
        // Still typing: the last word begins words anywhere.
        assert_eq!(found(&index, "sa"), vec![1, 0]);
        assert_eq!(found(&index, "4 sa"), vec![0]);
        // Finished words still begin words of names: "ng tr ak".
        assert_eq!(found(&index, "nuoc kh quang"), vec![0]);
        // A trailing space finishes the last word too.
        assert_eq!(found(&index, "sa "), vec![1]);
    }

    #[test]
    fn did_you_mean_corrects_unknown_words_and_words_that_find_nothing_together() {
        let mut tea = in_sub(product("Trà hoa vàng Ba Chẽ"), ProductGroup::Beverage, "tea");
        tea.name.en = Some("Golden camellia tea".into());
        let products = [product("Chả mực"), tea, product("Hà Nội"), product("Hạt điều")];
        let index = index_of(&products);
        assert_eq!(index.did_you_mean("seafod").as_deref(), Some("seafood"));
        assert_eq!(index.did_you_mean("sefood").as_deref(), Some("seafood"));
        assert_eq!(
            index.did_you_mean("tra hao vang").as_deref(),
            Some("tra hoa vang")
        );
        assert_eq!(index.did_you_mean("camelia tea").as_deref(), Some("camellia tea"));
        assert_eq!(
            index.did_you_mean("trà hao vàng").as_deref(),
            Some("trà hoa vàng")
        );
        // Nothing to correct.
        assert_eq!(index.did_you_mean("seafood"), None);
        assert_eq!(index.did_you_mean("tra hoa"), None);
        assert_eq!(index.did_you_mean("xyzzyq"), None);
        assert_eq!(index.did_you_mean(""), None);
        assert_eq!(index.did_you_mean("茶"), None);
    }

    #[test]
    fn nearest_categories_named_then_found_then_largest() {
        let tea = in_sub(product("Lá vối"), ProductGroup::Beverage, "tea");
        let wine = in_sub(product("Rượu"), ProductGroup::Beverage, "liquor");
        let products = [product("Chả mực"), product("Mực khô"), tea, wine];
        let index = index_of(&products);
        let subs = |q: &str| index.nearest_categories(q, 3);
        assert_eq!(subs("tea")[0], Category::Sub("tea"));
        assert_eq!(subs("teaa")[0], Category::Sub("tea"));
        assert_eq!(subs("liqour")[0], Category::Sub("liquor"));
        // Nothing near: the largest first, only categories with products.
        assert_eq!(
            subs("xyzzy"),
            [
                Category::Sub("seafood"),
                Category::Sub("tea"),
                Category::Sub("liquor")
            ]
        );
        assert_eq!(index.nearest_categories("xyzzy", 1).len(), 1);
        assert_eq!(index.category_count(Category::Sub("seafood")), 2);
        assert_eq!(index.category_count(Category::Group(ProductGroup::Beverage)), 2);
    }

    // --- the real catalog ---------------------------------------------------------------

    use crate::test_fixtures::bundled;

    fn ids<'a>(data: &'a Dataset, index: &SearchIndex, query: &str) -> Vec<&'a str> {
        let hits = index.search(query).unwrap_or_default();
        hits.iter().map(|h| data.products[h.index].id.as_str()).collect()
    }

    #[test]
    fn bundled_catalog() {
        let data = bundled();
        let index = SearchIndex::build(&data.products, &data.producers);

        let cha_muc = ids(&data, &index, "cha muc");
        assert_eq!(cha_muc.first(), Some(&"cha-muc-manh-ha"), "{cha_muc:?}");
        assert_eq!(ids(&data, &index, "Chả mực").first(), Some(&"cha-muc-manh-ha"));

        let teas = ids(&data, &index, "tra hoa vang");
        let mut top: Vec<&str> = teas.iter().take(3).copied().collect();
        top.sort_unstable();
        assert_eq!(
            top,
            [
                "tra-hoa-vang-ba-che",
                "tra-hoa-vang-htx-ba-che",
                "tra-hoa-vang-quy-hoa"
            ],
            "{teas:?}"
        );
        assert_eq!(sorted_ids(ids(&data, &index, "Trà hoa vàng")), sorted_ids(teas));

        let pearls = ids(&data, &index, "pearl");
        assert!(
            pearls.iter().take(3).any(|id| *id == "ngoc-trai-akoya"),
            "{pearls:?}"
        );
        assert!(ids(&data, &index, "珍珠").contains(&"ngoc-trai-akoya"));
        assert!(ids(&data, &index, "金花茶").contains(&"tra-hoa-vang-ba-che"));
        assert!(ids(&data, &index, "squid").contains(&"cha-muc-manh-ha"));
        assert!(ids(&data, &index, "camelia").contains(&"tra-hoa-vang-quy-hoa"));
    }

    #[test]
    fn bundled_catalog_speaks_the_visitors_words() {
        let data = bundled();
        let index = SearchIndex::build(&data.products, &data.producers);
        let categories = |q: &str| -> Vec<(ProductGroup, String)> {
            let hits = index.search(q).unwrap_or_default();
            hits.iter()
                .map(|h| {
                    let p = &data.products[h.index];
                    (p.group, p.subcategory.clone())
                })
                .collect()
        };
        let seafood_count = data
            .products
            .iter()
            .filter(|p| p.subcategory == "seafood")
            .count();
        for q in ["seafood", "hải sản", "海鲜", "海产品"] {
            let found = categories(q);
            let seafood = found.iter().filter(|(_, s)| s == "seafood").count();
            assert_eq!(seafood, seafood_count, "{q}: {found:?}");
        }
        for q in ["gift", "礼物", "quà tặng"] {
            let found = categories(q);
            assert!(
                found.iter().any(|(g, _)| *g == ProductGroup::Souvenir),
                "{q}: {found:?}"
            );
            assert!(found.iter().any(|(_, s)| s == "tea"), "{q}: {found:?}");
        }
        for q in ["souvenir", "纪念品"] {
            let found = categories(q);
            assert!(
                !found.is_empty() && found.iter().all(|(g, _)| *g == ProductGroup::Souvenir),
                "{q}: {found:?}"
            );
        }
        assert!(categories("特产").len() > data.products.len() / 2);
        assert!(categories("茶").iter().filter(|(_, s)| s == "tea").count() >= 10);

        // "sa sung": the two peanut-worm products, not the mineral water.
        let worms = ids(&data, &index, "sa sung");
        assert_eq!(
            sorted_ids(worms.clone()),
            ["nuoc-mam-sa-sung-van-don", "sa-sung-hai-ha"],
            "{worms:?}"
        );
        assert_eq!(worms, ids(&data, &index, "sá sùng"));

        assert_eq!(index.did_you_mean("seafod").as_deref(), Some("seafood"));
        assert_eq!(
            index.did_you_mean("tra hao vang").as_deref(),
            Some("tra hoa vang")
        );
        assert_eq!(
            index.did_you_mean("golden camelia").as_deref(),
            Some("golden camellia")
        );
        assert_eq!(index.nearest_categories("seafod", 3)[0], Category::Sub("seafood"));
        for lang in crate::Lang::ALL {
            for q in popular_searches(lang) {
                assert!(
                    !ids(&data, &index, q).is_empty(),
                    "popular search {q:?} finds nothing"
                );
            }
        }
    }

    fn sorted_ids(mut v: Vec<&str>) -> Vec<&str> {
        v.sort_unstable();
        v
    }

    /// A pace that really pauses (its future is pending once) before every third product.
    struct Pausing(Vec<(usize, usize)>);

    impl crate::pace::Pace for Pausing {
        async fn pause(&mut self, done: usize, total: usize) {
            self.0.push((done, total));
            if done.is_multiple_of(3) {
                let mut waited = false;
                std::future::poll_fn(|cx| {
                    if std::mem::replace(&mut waited, true) {
                        std::task::Poll::Ready(())
                    } else {
                        cx.waker().wake_by_ref();
                        std::task::Poll::Pending
                    }
                })
                .await;
            }
        }
    }

    #[test]
    fn an_index_built_with_pauses_is_the_same_and_tells_both_passes() {
        let data = bundled();
        let mut pace = Pausing(Vec::new());
        let paced = futures::executor::block_on(SearchIndex::build_paced(
            &data.products,
            &data.producers,
            &mut pace,
        ));
        let straight = SearchIndex::build(&data.products, &data.producers);
        for query in [
            "cha muc",
            "Chả mực",
            "tra",
            "hạ long",
            "茶",
            "ba che",
            "mien dong rieng",
        ] {
            assert_eq!(paced.search(query), straight.search(query), "{query}");
        }
        let n = data.products.len();
        let expected: Vec<(usize, usize)> = (0..2 * n).map(|done| (done, 2 * n)).collect();
        assert_eq!(pace.0, expected);
    }

    // --- against a brute-force reference --------------------------------------------------

    /// Every folded word of every indexed field, the slow way, and whether it is in a name.
    #[cfg(feature = "synth")]
    fn words_of(p: &Product, producers: &[Producer]) -> Vec<(String, bool)> {
        let mut names: Vec<&str> = vec![&p.name.vi];
        names.extend(p.name.en.as_deref());
        let mut texts: Vec<&str> = Vec::new();
        if lexicon::subcategory_bit(&p.subcategory).is_none() {
            texts.push(&p.subcategory);
        }
        if let Some(d) = &p.description {
            texts.push(&d.vi);
            texts.extend(d.en.as_deref());
        }
        if let Some(id) = &p.producer {
            texts.extend(producers.iter().filter(|r| &r.id == id).map(|r| r.name.as_str()));
        }
        if let Some(d) = p.locality.district.as_deref().and_then(geo::district) {
            texts.extend([d.name_vi, d.name_en]);
        }
        let split = |t: &str, in_name: bool| {
            fold(t)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty() && !w.chars().any(is_cjk))
                .map(|w| (w.to_string(), in_name))
                .collect::<Vec<_>>()
        };
        let mut words: Vec<(String, bool)> = names.iter().flat_map(|t| split(t, true)).collect();
        words.extend(texts.iter().flat_map(|t| split(t, false)));
        words
    }

    #[cfg(feature = "synth")]
    #[test]
    fn agrees_with_a_brute_force_scan_on_synthetic_data() {
        let data = crate::synth::synth_dataset(2_000, 7);
        let index = SearchIndex::build(&data.products, &data.producers);
        let words: Vec<Vec<(String, bool)>> = data
            .products
            .iter()
            .map(|p| words_of(p, &data.producers))
            .collect();
        // Short words only (no typo tolerance), so the reference is plain AND: a finished
        // word begins a word of a name or is a whole word elsewhere, the last word begins any
        // word, or the word names the product's category.
        for query in [
            "cha", "tra hoa", "muc kho", "ng", "htx que", "ba che", "1", "12 tra", "xyz", "huy do",
            "hai san", "tea", "ruou", "che vang",
        ] {
            let folded: Vec<String> = query.split_whitespace().map(fold).collect();
            let refs: Vec<&str> = folded.iter().map(String::as_str).collect();
            let masks = index.lexicon.latin_masks(&refs);
            let expected: Vec<usize> = (0..data.products.len())
                .filter(|&i| {
                    let p = &data.products[i];
                    let categories = lexicon::category_mask(p.group, &p.subcategory);
                    folded.iter().enumerate().all(|(k, q)| {
                        let open = k + 1 == folded.len();
                        let named = categories & (masks[k].0 | masks[k].1) != 0;
                        named
                            || words[i].iter().any(|(w, in_name)| {
                                w == q || (w.starts_with(q.as_str()) && (open || *in_name))
                            })
                    })
                })
                .collect();
            assert_eq!(sorted(found(&index, query)), expected, "{query:?}");
        }
    }
}
