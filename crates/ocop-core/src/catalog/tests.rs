use super::*;
use crate::model::{Evidence, Product};
use crate::validate::{parse_and_validate, Limits};
use serde_json::json;
use std::cmp::Reverse;
use std::collections::HashMap;

// ---------------------------------------------------------------------------------------
// Fixture
// ---------------------------------------------------------------------------------------

#[allow(clippy::too_many_arguments)]
fn product(
    id: &str,
    name: &str,
    group: &str,
    sub: &str,
    rating: serde_json::Value,
    producer: Option<&str>,
    district: Option<&str>,
    points: &[&str],
    online: &[&str],
    price: Option<u64>,
    season: &[u8],
) -> serde_json::Value {
    json!({
        "id": id,
        "name": { "vi": name },
        "group": group,
        "subcategory": sub,
        "rating": rating,
        "producer": producer,
        "locality": { "district": district },
        "where_to_buy": {
            "sales_points": points,
            "online": online.iter().map(|c| json!({ "channel": c, "url": format!("https://shop.example/{id}") }))
                .collect::<Vec<_>>(),
        },
        "price": price.map(|p| json!({ "min_vnd": p, "max_vnd": p + 50_000, "unit": "kg", "kind": "retail",
                                        "source_url": "https://price.example/x" })),
        "season_months": season,
        "sources": ["https://source.example/x"],
    })
}

fn stars(n: u8, national: bool) -> serde_json::Value {
    json!({ "evidence": "star_stated", "stars": n, "level": if national { "national" } else { "provincial" } })
}

fn point(id: &str) -> serde_json::Value {
    json!({
        "id": id, "name": { "vi": id }, "kind": "ocop_shop",
        "coordinates": { "lat": 20.95, "lon": 107.08, "precision": "approximate" },
        "sources": ["https://source.example/p"],
    })
}

fn producer(id: &str, kind: &str) -> serde_json::Value {
    json!({ "id": id, "name": id, "type": kind, "sources": ["https://source.example/q"] })
}

/// Nine products. Index: id — group/sub, rating, producer type, district, where to buy,
/// min price, season:
/// 0 trà hoa vàng — beverage/tea, 5★ national, company, ba-che, ocop-ha-long + provincial_exchange, 12M, 11,12,1
/// 1 ngọc trai — souvenir/jewellery, 5★ provincial, company, ha-long, both points, 500k, —
/// 2 chả mực — food/seafood, 4★, household, ha-long, cho-ha-long + shopee, 350k, —
/// 3 miến dong — food/rice_noodles, 4★, cooperative, binh-lieu, voso, 99 999, 9,10
/// 4 rượu ba kích — beverage/liquor, 3★, cooperative, ba-che, ocop-ha-long, 100k, —
/// 5 ruốc hàu — food/seafood, OCOP without stars, company, van-don, —, no price, 3,4,5
/// 6 mộc nhĩ — food/mushroom, unconfirmed, no producer, ha-long, cho-ha-long, no price, 5,6
/// 7 sá sùng — food/seafood, 3★, no producer, van-don, shopee + tiki, 2M, 12,1,2
/// 8 đinh lăng — herbal/herbal, 4★, household, no district, —, 1 999 999, —
fn fixture_json() -> serde_json::Value {
    let products = vec![
        product(
            "tra-hoa-vang-ba-che",
            "Trà hoa vàng Ba Chẽ",
            "beverage",
            "tea",
            stars(5, true),
            Some("cty-a"),
            Some("ba-che"),
            &["ocop-ha-long"],
            &["provincial_exchange"],
            Some(12_000_000),
            &[11, 12, 1],
        ),
        product(
            "ngoc-trai-ha-long",
            "Ngọc trai Hạ Long",
            "souvenir",
            "jewellery",
            stars(5, false),
            Some("cty-b"),
            Some("ha-long"),
            &["ocop-ha-long", "cho-ha-long"],
            &[],
            Some(500_000),
            &[],
        ),
        product(
            "cha-muc-ha-long",
            "Chả mực Hạ Long",
            "food",
            "seafood",
            stars(4, false),
            Some("hkd-c"),
            Some("ha-long"),
            &["cho-ha-long"],
            &["shopee"],
            Some(350_000),
            &[],
        ),
        product(
            "mien-dong-binh-lieu",
            "Miến dong Bình Liêu",
            "food",
            "rice_noodles",
            stars(4, false),
            Some("htx-d"),
            Some("binh-lieu"),
            &[],
            &["voso"],
            Some(99_999),
            &[9, 10],
        ),
        product(
            "ruou-ba-kich",
            "Rượu ba kích",
            "beverage",
            "liquor",
            stars(3, false),
            Some("htx-d"),
            Some("ba-che"),
            &["ocop-ha-long"],
            &[],
            Some(100_000),
            &[],
        ),
        product(
            "ruoc-hau-van-don",
            "Ruốc hàu Vân Đồn",
            "food",
            "seafood",
            json!({ "evidence": "ocop_stated" }),
            Some("cty-a"),
            Some("van-don"),
            &[],
            &[],
            None,
            &[3, 4, 5],
        ),
        product(
            "moc-nhi-den",
            "Mộc nhĩ đen",
            "food",
            "mushroom",
            json!({ "evidence": "unconfirmed" }),
            None,
            Some("ha-long"),
            &["cho-ha-long"],
            &[],
            None,
            &[5, 6],
        ),
        product(
            "sa-sung-van-don",
            "Sá sùng Vân Đồn",
            "food",
            "seafood",
            stars(3, false),
            None,
            Some("van-don"),
            &[],
            &["shopee", "tiki"],
            Some(2_000_000),
            &[12, 1, 2],
        ),
        product(
            "dinh-lang",
            "Đinh lăng",
            "herbal",
            "herbal",
            stars(4, false),
            Some("hkd-c"),
            None,
            &[],
            &[],
            Some(1_999_999),
            &[],
        ),
    ];
    json!({
        "schema_version": "1.0",
        "meta": { "dataset_version": "t", "generated_on": "2026-11-30", "title": { "vi": "Thử" }, "licence": "CC0-1.0" },
        "products": products,
        "producers": [producer("cty-a", "company"), producer("cty-b", "company"),
                      producer("hkd-c", "household"), producer("htx-d", "cooperative")],
        "sales_points": [point("ocop-ha-long"), point("cho-ha-long"), point("diem-mong-cai")],
    })
}

fn fixture() -> Dataset {
    let v = parse_and_validate(&fixture_json().to_string(), &Limits::default()).unwrap();
    assert!(v.issues.is_empty(), "{:#?}", v.issues);
    v.dataset
}

fn query(pairs: &[(&str, &str)]) -> CatalogQuery {
    CatalogQuery::from_query_pairs(pairs.iter().copied())
}

fn run(pairs: &[(&str, &str)]) -> CatalogResults {
    let results = run_query(&fixture(), &query(pairs), None);
    check_against_naive(&fixture(), &query(pairs), None, &results);
    results
}

fn ids(ds: &Dataset, items: &[usize]) -> Vec<String> {
    items.iter().map(|&i| ds.products[i].id.clone()).collect()
}

fn s(v: &str) -> String {
    v.to_string()
}

// ---------------------------------------------------------------------------------------
// A naive reference implementation: filters written directly against the model, counts by
// brute force. The fast path must agree with it on every query.
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Category,
    Stars,
    Area,
    Buy,
    Month,
    Price,
    PType,
}

const PARTS: [Part; 7] = [
    Part::Category,
    Part::Stars,
    Part::Area,
    Part::Buy,
    Part::Month,
    Part::Price,
    Part::PType,
];

fn naive_star(p: &Product) -> Option<StarFilter> {
    if p.rating.evidence == Evidence::Unconfirmed {
        return None;
    }
    match p.rating.stars {
        None => Some(StarFilter::Unpublished),
        Some(3) => Some(StarFilter::Three),
        Some(4) => Some(StarFilter::Four),
        Some(5) => Some(StarFilter::Five),
        Some(_) => None,
    }
}

fn naive_band(p: &Product) -> Option<PriceBand> {
    let min = p.price.as_ref()?.min_vnd;
    Some(if min < 100_000 {
        PriceBand::Under100k
    } else if min < 500_000 {
        PriceBand::From100kTo500k
    } else if min < 2_000_000 {
        PriceBand::From500kTo2m
    } else {
        PriceBand::Over2m
    })
}

struct Naive<'a> {
    ds: &'a Dataset,
    ptypes: HashMap<&'a str, ProducerType>,
    points: BTreeSet<&'a str>,
}

impl<'a> Naive<'a> {
    fn new(ds: &'a Dataset) -> Self {
        let mut ptypes = HashMap::new();
        for p in &ds.producers {
            ptypes.entry(p.id.as_str()).or_insert(p.kind);
        }
        Naive {
            ds,
            ptypes,
            points: ds.sales_points.iter().map(|s| s.id.as_str()).collect(),
        }
    }

    fn ptype(&self, p: &Product) -> Option<ProducerType> {
        p.producer.as_deref().and_then(|id| self.ptypes.get(id).copied())
    }

    fn buy_values(&self, p: &Product) -> BTreeSet<BuyFilter> {
        let mut v: BTreeSet<BuyFilter> = p
            .where_to_buy
            .sales_points
            .iter()
            .filter(|id| self.points.contains(id.as_str()))
            .map(|id| BuyFilter::SalesPoint(id.clone()))
            .collect();
        v.extend(p.where_to_buy.online.iter().map(|l| BuyFilter::Online(l.channel)));
        v
    }

    fn passes(&self, p: &Product, q: &CatalogQuery, skip: Option<Part>) -> bool {
        let on = |part| skip != Some(part);
        (!on(Part::Category)
            || (q.groups.is_empty() && q.subcategories.is_empty())
            || q.groups.contains(&p.group)
            || q.subcategories.contains(&p.subcategory))
            && (!on(Part::Stars) || q.stars.is_empty() || naive_star(p).is_some_and(|s| q.stars.contains(&s)))
            && (!on(Part::Area)
                || q.areas.is_empty()
                || p.locality.district.as_ref().is_some_and(|d| q.areas.contains(d)))
            && (!on(Part::Buy) || q.buy.is_empty() || !self.buy_values(p).is_disjoint(&q.buy))
            && (!on(Part::Month) || q.month.is_none_or(|m| p.season_months.contains(&m)))
            && (!on(Part::Price)
                || q.prices.is_empty()
                || naive_band(p).is_some_and(|b| q.prices.contains(&b)))
            && (!on(Part::PType)
                || q.producer_types.is_empty()
                || self.ptype(p).is_some_and(|t| q.producer_types.contains(&t)))
    }

    /// Matching indices (unordered) and facet counts, lists with sub and buy sorted.
    fn run(&self, q: &CatalogQuery, hits: Option<&[(usize, u32)]>) -> (BTreeSet<usize>, FacetCounts) {
        let text_ok = |i: usize| hits.is_none_or(|h| h.iter().any(|&(j, _)| j == i));
        let mut items = BTreeSet::new();
        let mut groups: HashMap<ProductGroup, usize> = HashMap::new();
        let mut subs: HashMap<String, usize> = HashMap::new();
        let mut star_counts: HashMap<StarFilter, usize> = HashMap::new();
        let mut national = 0;
        let mut areas: HashMap<String, usize> = HashMap::new();
        let mut buy: HashMap<BuyFilter, usize> = HashMap::new();
        let mut months = [0; 12];
        let mut prices: HashMap<PriceBand, usize> = HashMap::new();
        let mut ptypes: HashMap<ProducerType, usize> = HashMap::new();
        for (i, p) in self.ds.products.iter().enumerate() {
            if !text_ok(i) {
                continue;
            }
            if self.passes(p, q, None) {
                items.insert(i);
            }
            for part in PARTS {
                if !self.passes(p, q, Some(part)) {
                    continue;
                }
                match part {
                    Part::Category => {
                        *groups.entry(p.group).or_default() += 1;
                        *subs.entry(p.subcategory.clone()).or_default() += 1;
                    }
                    Part::Stars => {
                        if let Some(s) = naive_star(p) {
                            *star_counts.entry(s).or_default() += 1;
                        }
                        if p.rating.stars == Some(5) && p.rating.level == Some(crate::model::Level::National)
                        {
                            national += 1;
                        }
                    }
                    Part::Area => {
                        if let Some(d) = &p.locality.district {
                            *areas.entry(d.clone()).or_default() += 1;
                        }
                    }
                    Part::Buy => {
                        for b in self.buy_values(p) {
                            *buy.entry(b).or_default() += 1;
                        }
                    }
                    Part::Month => {
                        let distinct: BTreeSet<u8> = p.season_months.iter().copied().collect();
                        for m in distinct {
                            months[m as usize - 1] += 1;
                        }
                    }
                    Part::Price => {
                        if let Some(b) = naive_band(p) {
                            *prices.entry(b).or_default() += 1;
                        }
                    }
                    Part::PType => {
                        if let Some(t) = self.ptype(p) {
                            *ptypes.entry(t).or_default() += 1;
                        }
                    }
                }
            }
        }
        fn listed<K: Clone + Eq + std::hash::Hash>(
            order: impl IntoIterator<Item = K>,
            counts: &HashMap<K, usize>,
            selected: impl Fn(&K) -> bool,
        ) -> Vec<(K, usize)> {
            order
                .into_iter()
                .map(|k| {
                    let n = counts.get(&k).copied().unwrap_or(0);
                    (k, n)
                })
                .filter(|(k, n)| *n > 0 || selected(k))
                .collect()
        }
        let mut sub_keys: BTreeSet<String> = subs.keys().cloned().collect();
        sub_keys.extend(q.subcategories.iter().cloned());
        let mut buy_keys: BTreeSet<BuyFilter> = buy.keys().cloned().collect();
        buy_keys.extend(q.buy.iter().cloned());
        let facets = FacetCounts {
            groups: listed(ProductGroup::ALL, &groups, |g| q.groups.contains(g)),
            subcategories: listed(sub_keys, &subs, |s| q.subcategories.contains(s)),
            stars: listed(StarFilter::ALL, &star_counts, |s| q.stars.contains(s)),
            national,
            areas: listed(DISTRICTS.iter().map(|d| d.id.to_string()), &areas, |a| {
                q.areas.contains(a)
            }),
            buy: listed(buy_keys, &buy, |b| q.buy.contains(b)),
            months,
            prices: listed(PriceBand::ALL, &prices, |p| q.prices.contains(p)),
            producer_types: listed(PRODUCER_TYPES, &ptypes, |t| q.producer_types.contains(t)),
        };
        (items, facets)
    }
}

/// Compares `results` with the naive implementation: same matches, same counts, and the
/// items in the requested order.
fn check_against_naive(
    ds: &Dataset,
    q: &CatalogQuery,
    hits: Option<&[(usize, u32)]>,
    results: &CatalogResults,
) {
    let (items, expected) = Naive::new(ds).run(q, hits);
    let got_items: BTreeSet<usize> = results.items.iter().copied().collect();
    assert_eq!(got_items.len(), results.items.len(), "duplicate items for {q:?}");
    assert_eq!(got_items, items, "items for {q:?}");
    let mut got = results.facets.clone();
    got.subcategories.sort();
    got.buy.sort();
    assert_eq!(got, expected, "facets for {q:?}");
    check_order(ds, q, hits, &results.items);
}

/// How a product ranks among those a search matched equally well, written out plainly:
/// stars (5, 4, 3, OCOP without stars, unconfirmed), then valid before lapsed (as of the
/// data's date), then national before provincial.
fn text_tie_rank(ds: &Dataset, i: usize) -> (u8, bool, bool) {
    let rating = &ds.products[i].rating;
    let stars = match naive_star(&ds.products[i]) {
        Some(StarFilter::Five) => 0,
        Some(StarFilter::Four) => 1,
        Some(StarFilter::Three) => 2,
        Some(StarFilter::Unpublished) => 3,
        None => 4,
    };
    let month = ds.meta.generated_on.get(..7).unwrap_or("");
    (stars, rating.lapse(month).is_some(), !rating.is_national())
}

/// Checks that consecutive items are in the sort order the query asks for.
fn check_order(ds: &Dataset, q: &CatalogQuery, hits: Option<&[(usize, u32)]>, items: &[usize]) {
    let score = |i: usize| hits.and_then(|h| h.iter().filter(|&&(j, _)| j == i).map(|&(_, s)| s).max());
    let star_rank = |i: usize| match naive_star(&ds.products[i]) {
        Some(StarFilter::Five) => 0,
        Some(StarFilter::Four) => 1,
        Some(StarFilter::Three) => 2,
        Some(StarFilter::Unpublished) => 3,
        None => 4,
    };
    let national = |i: usize| ds.products[i].rating.is_national();
    let month = ds.meta.generated_on.get(..7).unwrap_or("");
    let lapsed = |i: usize| ds.products[i].rating.lapse(month).is_some();
    let name = |i: usize| {
        let n = &ds.products[i].name.vi;
        (name_sort_key(n), n.to_lowercase())
    };
    let price = |i: usize| ds.products[i].price.as_ref().map(|p| p.min_vnd);
    for w in items.windows(2) {
        let (a, b) = (w[0], w[1]);
        let ok = match q.sort {
            SortOrder::Relevance if hits.is_some() => {
                let key = |i: usize| {
                    (
                        Reverse(score(i).map(crate::search::strength)),
                        text_tie_rank(ds, i),
                        Reverse(score(i)),
                        i,
                    )
                };
                key(a) < key(b)
            }
            SortOrder::Relevance => {
                // A valid national 5★ first.
                let key = |i: usize| (!national(i) || lapsed(i), star_rank(i), lapsed(i), name(i), i);
                key(a) < key(b)
            }
            SortOrder::Stars => (star_rank(a), lapsed(a), name(a), a) < (star_rank(b), lapsed(b), name(b), b),
            SortOrder::Name => (name(a), a) < (name(b), b),
            SortOrder::PriceLow => (price(a).is_none(), price(a), a) < (price(b).is_none(), price(b), b),
            SortOrder::PriceHigh => {
                (price(a).is_none(), Reverse(price(a)), a) < (price(b).is_none(), Reverse(price(b)), b)
            }
        };
        assert!(ok, "{a} before {b} breaks {:?}", q.sort);
    }
}

// ---------------------------------------------------------------------------------------
// A small deterministic generator (no extra dependencies)
// ---------------------------------------------------------------------------------------

struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn subset<T: Clone + Ord>(&mut self, pool: &[T]) -> BTreeSet<T> {
        if self.chance(2) {
            return BTreeSet::new();
        }
        pool.iter().filter(|_| self.chance(3)).cloned().collect()
    }

    fn text(&mut self) -> String {
        const CHARS: &[char] = &[
            'a', 'z', 'T', 'r', 'à', 'ộ', 'Đ', ' ', ',', '&', '=', '?', '#', '%', '+', '/', '"', '\'', '木',
            '🦪', '\u{a0}',
        ];
        let len = self.below(12);
        let t: String = (0..len).map(|_| CHARS[self.below(CHARS.len())]).collect();
        if t.trim().is_empty() {
            String::new()
        } else {
            t
        }
    }

    /// A query whose every value is valid (so it must survive the URL round trip).
    fn query(&mut self, points: &[String]) -> CatalogQuery {
        let subs: Vec<String> = SUBCATEGORIES
            .iter()
            .map(|s| s.to_string())
            .chain([s("not_in_data")])
            .collect();
        let stars = [
            StarFilter::Three,
            StarFilter::Four,
            StarFilter::Five,
            StarFilter::Unpublished,
        ];
        let areas: Vec<String> = DISTRICTS.iter().map(|d| d.id.to_string()).collect();
        let mut buy: Vec<BuyFilter> = points.iter().cloned().map(BuyFilter::SalesPoint).collect();
        buy.push(BuyFilter::SalesPoint(s("no-such-point")));
        buy.extend(ONLINE_CHANNELS.map(BuyFilter::Online));
        let sort = SortOrder::ALL[self.below(SortOrder::ALL.len())];
        CatalogQuery {
            text: self.text(),
            groups: self.subset(&ProductGroup::ALL),
            subcategories: self.subset(&subs),
            stars: self.subset(&stars),
            areas: self.subset(&areas),
            buy: self.subset(&buy),
            month: (!self.chance(2)).then(|| 1 + self.below(12) as u8),
            prices: self.subset(&PriceBand::ALL),
            producer_types: self.subset(&PRODUCER_TYPES),
            on_trip: self.chance(3),
            sort,
            page: if self.chance(2) { 0 } else { self.below(MAX_PAGE) },
        }
    }

    /// Random search hits: some indices (a few out of range, some repeated), random scores.
    fn hits(&mut self, n: usize) -> Option<Vec<(usize, u32)>> {
        if self.chance(2) {
            return None;
        }
        let count = self.below(n + 3);
        Some(
            (0..count)
                .map(|_| (self.below(n + 2), self.below(5) as u32))
                .collect(),
        )
    }
}

// ---------------------------------------------------------------------------------------
// Filtering and counting
// ---------------------------------------------------------------------------------------

#[test]
fn no_filters_lists_everything_national_first_then_by_stars_then_name() {
    let ds = fixture();
    let r = run(&[]);
    assert_eq!(r.items, vec![0, 1, 2, 8, 3, 4, 7, 5, 6]);
    assert_eq!(r.total(), 9);
    let f = &r.facets;
    use ProductGroup::*;
    assert_eq!(
        f.groups,
        vec![(Food, 5), (Beverage, 2), (Herbal, 1), (Souvenir, 1)]
    );
    assert_eq!(
        f.subcategories,
        vec![
            (s("seafood"), 3),
            (s("rice_noodles"), 1),
            (s("mushroom"), 1),
            (s("tea"), 1),
            (s("liquor"), 1),
            (s("herbal"), 1),
            (s("jewellery"), 1),
        ]
    );
    assert_eq!(
        f.stars,
        vec![
            (StarFilter::Five, 2),
            (StarFilter::Four, 3),
            (StarFilter::Three, 2),
            (StarFilter::Unpublished, 1),
        ],
        "the unconfirmed product matches no star value"
    );
    assert_eq!(f.national, 1);
    assert_eq!(
        f.areas,
        vec![
            (s("ha-long"), 3),
            (s("binh-lieu"), 1),
            (s("ba-che"), 2),
            (s("van-don"), 2)
        ]
    );
    assert_eq!(
        f.buy,
        vec![
            (BuyFilter::SalesPoint(s("ocop-ha-long")), 3),
            (BuyFilter::SalesPoint(s("cho-ha-long")), 3),
            (BuyFilter::Online(OnlineChannel::Voso), 1),
            (BuyFilter::Online(OnlineChannel::ProvincialExchange), 1),
            (BuyFilter::Online(OnlineChannel::Shopee), 2),
            (BuyFilter::Online(OnlineChannel::Tiki), 1),
        ],
        "unused sales point diem-mong-cai is not listed"
    );
    assert_eq!(f.months, [2, 1, 1, 1, 2, 1, 0, 0, 1, 1, 1, 2]);
    assert_eq!(
        f.prices,
        vec![
            (PriceBand::Under100k, 1),
            (PriceBand::From100kTo500k, 2),
            (PriceBand::From500kTo2m, 2),
            (PriceBand::Over2m, 2),
        ]
    );
    assert_eq!(
        f.producer_types,
        vec![
            (ProducerType::Company, 3),
            (ProducerType::Cooperative, 2),
            (ProducerType::Household, 2),
        ]
    );
    assert_eq!(
        ids(&ds, &r.items[..2]),
        ["tra-hoa-vang-ba-che", "ngoc-trai-ha-long"]
    );
}

#[test]
fn a_facet_counts_under_the_other_filters_but_not_its_own() {
    let r = run(&[("stars", "4")]);
    assert_eq!(r.items, vec![2, 8, 3]);
    // Group counts shrink to the 4★ products…
    assert_eq!(
        r.facets.groups,
        vec![(ProductGroup::Food, 2), (ProductGroup::Herbal, 1)]
    );
    // …but star counts are those of the unfiltered list, so the user can switch or add.
    assert_eq!(r.facets.stars, run(&[]).facets.stars);
    assert_eq!(r.facets.national, 1);
    assert_eq!(r.facets.months, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0]);
}

#[test]
fn values_of_one_facet_are_ored() {
    assert_eq!(run(&[("stars", "4,3")]).items, vec![2, 8, 3, 4, 7]);
    assert_eq!(run(&[("stars", "4"), ("stars", "3")]).items, vec![2, 8, 3, 4, 7]);
    assert_eq!(run(&[("area", "van-don,ba-che")]).items, vec![0, 4, 7, 5]);
}

#[test]
fn facets_are_anded() {
    let r = run(&[("stars", "4"), ("group", "food")]);
    assert_eq!(r.items, vec![2, 3]);
    // Stars counted among food products; groups counted among 4★ products.
    assert_eq!(
        r.facets.stars,
        vec![
            (StarFilter::Four, 2),
            (StarFilter::Three, 1),
            (StarFilter::Unpublished, 1),
        ]
    );
    assert_eq!(r.facets.national, 0);
    assert_eq!(
        r.facets.groups,
        vec![(ProductGroup::Food, 2), (ProductGroup::Herbal, 1)]
    );
    assert_eq!(
        run(&[("stars", "4"), ("group", "food"), ("area", "ha-long")]).items,
        vec![2]
    );
    assert_eq!(
        run(&[("stars", "5"), ("price", "lt100k")]).items,
        Vec::<usize>::new()
    );
}

#[test]
fn group_and_subcategory_are_one_facet_ored() {
    let r = run(&[("group", "beverage"), ("sub", "seafood")]);
    assert_eq!(r.items, vec![0, 2, 4, 7, 5]);
    // Both lists count without the category selection.
    assert_eq!(r.facets.groups, run(&[]).facets.groups);
    assert_eq!(r.facets.subcategories, run(&[]).facets.subcategories);
    assert_eq!(run(&[("sub", "tea")]).items, vec![0]);
}

#[test]
fn selected_values_stay_listed_with_a_zero_count() {
    let r = run(&[("stars", "5"), ("area", "van-don")]);
    assert!(r.items.is_empty());
    assert_eq!(
        r.facets.areas,
        vec![(s("ha-long"), 1), (s("ba-che"), 1), (s("van-don"), 0)]
    );
    assert_eq!(
        r.facets.stars,
        vec![
            (StarFilter::Five, 0),
            (StarFilter::Three, 1),
            (StarFilter::Unpublished, 1),
        ]
    );

    let r = run(&[("group", "textile")]);
    assert!(r.items.is_empty());
    use ProductGroup::*;
    assert_eq!(
        r.facets.groups,
        vec![(Food, 5), (Beverage, 2), (Herbal, 1), (Textile, 0), (Souvenir, 1)]
    );

    // A subcategory or sales point the dataset does not have is listed after the known ones.
    let r = run(&[
        ("sub", "flowers,zz_unknown"),
        ("buy", "point:diem-mong-cai,point:nowhere"),
    ]);
    assert!(r.items.is_empty());
    assert_eq!(r.facets.subcategories.last(), Some(&(s("zz_unknown"), 0)));
    assert!(r.facets.subcategories.contains(&(s("flowers"), 0)));
    let buy: Vec<_> = r.facets.buy.iter().map(|(b, n)| (b.key(), *n)).collect();
    assert_eq!(
        buy,
        vec![(s("point:diem-mong-cai"), 0), (s("point:nowhere"), 0)],
        "only the selected points: counts are under the category filter, which matches nothing"
    );
}

#[test]
fn month_matches_only_products_known_to_be_in_season() {
    assert_eq!(run(&[("month", "1")]).items, vec![0, 7]);
    assert_eq!(run(&[("month", "5")]).items, vec![5, 6]);
    // Nothing is in season in July: products with no season data (all year or unknown)
    // are not listed as in season.
    let july = run(&[("month", "7")]);
    assert!(july.items.is_empty());
    // Month counts ignore the month selection itself.
    assert_eq!(july.facets.months, run(&[]).facets.months);
    assert_eq!(run(&[("month", "1"), ("stars", "3")]).items, vec![7]);
}

#[test]
fn price_bands_use_the_minimum_price_with_inclusive_lower_bounds() {
    assert_eq!(run(&[("price", "lt100k")]).items, vec![3]); // 99 999
    assert_eq!(run(&[("price", "100k-500k")]).items, vec![2, 4]); // 350 000, 100 000
    assert_eq!(run(&[("price", "500k-2m")]).items, vec![1, 8]); // 500 000, 1 999 999
    assert_eq!(run(&[("price", "gt2m")]).items, vec![0, 7]); // 12M, 2 000 000
    assert_eq!(run(&[("price", "500k-2m,gt2m")]).items, vec![0, 1, 8, 7]);
    // Products without a price match no band.
    let all: usize = run(&[]).facets.prices.iter().map(|(_, n)| n).sum();
    assert_eq!(all, 7);
    assert_eq!(PriceBand::of(0), PriceBand::Under100k);
    assert_eq!(PriceBand::of(99_999), PriceBand::Under100k);
    assert_eq!(PriceBand::of(100_000), PriceBand::From100kTo500k);
    assert_eq!(PriceBand::of(499_999), PriceBand::From100kTo500k);
    assert_eq!(PriceBand::of(500_000), PriceBand::From500kTo2m);
    assert_eq!(PriceBand::of(2_000_000), PriceBand::Over2m);
    assert_eq!(PriceBand::of(u64::MAX), PriceBand::Over2m);
    for b in PriceBand::ALL {
        let (from, to) = b.bounds();
        assert_eq!(PriceBand::of(from), b);
        if let Some(to) = to {
            assert_ne!(PriceBand::of(to), b);
            assert_eq!(PriceBand::of(to - 1), b);
        }
    }
}

#[test]
fn producer_type_comes_from_the_producer_record() {
    assert_eq!(run(&[("ptype", "household")]).items, vec![2, 8]);
    assert_eq!(
        run(&[("ptype", "company,cooperative")]).items,
        vec![0, 1, 3, 4, 5]
    );
    // Products without a producer (6, 7) match no type.
    let all: usize = run(&[]).facets.producer_types.iter().map(|(_, n)| n).sum();
    assert_eq!(all, 7);

    // A producer id that is not in the dataset gives no type either.
    let mut ds = fixture();
    ds.products[2].producer = Some(s("ghost"));
    let r = run_query(&ds, &query(&[("ptype", "household")]), None);
    assert_eq!(r.items, vec![8]);
}

#[test]
fn where_to_buy_matches_sales_points_and_online_channels() {
    let r = run(&[("buy", "point:cho-ha-long,online:shopee")]);
    assert_eq!(r.items, vec![1, 2, 7, 6]);
    assert_eq!(run(&[("buy", "online:tiki")]).items, vec![7]);
    assert_eq!(run(&[("buy", "point:ocop-ha-long")]).items, vec![0, 1, 4]);
    assert_eq!(run(&[("buy", "online:lazada")]).items, Vec::<usize>::new());
    // Counts among the 3★ products.
    let r = run(&[("stars", "3")]);
    let buy: Vec<_> = r.facets.buy.iter().map(|(b, n)| (b.key(), *n)).collect();
    assert_eq!(
        buy,
        vec![
            (s("point:ocop-ha-long"), 1),
            (s("online:shopee"), 1),
            (s("online:tiki"), 1),
        ]
    );
}

#[test]
fn a_product_listing_one_sales_point_twice_counts_once() {
    let mut ds = fixture();
    ds.products[4].where_to_buy.sales_points = vec![s("ocop-ha-long"), s("ocop-ha-long"), s("unknown-point")];
    let r = run_query(&ds, &CatalogQuery::default(), None);
    assert_eq!(r.facets.buy[0], (BuyFilter::SalesPoint(s("ocop-ha-long")), 3));
    check_against_naive(&ds, &CatalogQuery::default(), None, &r);
}

#[test]
fn subcategories_outside_the_known_list_follow_it_alphabetically() {
    let mut ds = fixture();
    ds.products[0].subcategory = s("zz_new");
    ds.products[1].subcategory = s("aa_new");
    let r = run_query(&ds, &CatalogQuery::default(), None);
    let subs: Vec<&str> = r.facets.subcategories.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        subs,
        [
            "seafood",
            "rice_noodles",
            "mushroom",
            "liquor",
            "herbal",
            "aa_new",
            "zz_new"
        ]
    );
    assert_eq!(run_query(&ds, &query(&[("sub", "zz_new")]), None).items, vec![0]);
}

#[test]
fn text_hits_restrict_and_order_the_results() {
    let ds = fixture();
    // Scores as the search gives them: what matched, then word positions in the low bits.
    let s = |strength: u32| strength << crate::search::POSITION_BITS;
    let hits = [(6, s(10)), (2, s(30)), (99, s(5)), (4, s(30)), (6, s(3))];
    let q = CatalogQuery::default();
    let r = run_query(&ds, &q, Some(&hits));
    check_against_naive(&ds, &q, Some(&hits), &r);
    // Score descending; equal scores in dataset order; repeated hit keeps its best score.
    assert_eq!(r.items, vec![2, 4, 6]);
    assert_eq!(
        r.facets.stars,
        vec![(StarFilter::Four, 1), (StarFilter::Three, 1)]
    );
    assert_eq!(
        r.facets.groups,
        vec![(ProductGroup::Food, 2), (ProductGroup::Beverage, 1)]
    );

    // Another sort ignores the score.
    let by_name = CatalogQuery {
        sort: SortOrder::Name,
        ..CatalogQuery::default()
    };
    assert_eq!(run_query(&ds, &by_name, Some(&hits)).items, vec![2, 6, 4]);

    // Text AND facets.
    let q3 = query(&[("stars", "3")]);
    let r = run_query(&ds, &q3, Some(&hits));
    check_against_naive(&ds, &q3, Some(&hits), &r);
    assert_eq!(r.items, vec![4]);
    assert_eq!(r.facets.groups, vec![(ProductGroup::Beverage, 1)]);

    // A text query with no hits: nothing, and no counts.
    let r = run_query(&ds, &q, Some(&[]));
    assert!(r.items.is_empty());
    assert_eq!(r.facets, FacetCounts::default());
    assert_eq!(r.page_count(20), 0);

    // Later hits with higher scores still come first.
    let r = run_query(&ds, &q, Some(&[(0, s(1)), (1, s(7)), (8, s(7))]));
    assert_eq!(r.items, vec![1, 8, 0]);
}

// ---------------------------------------------------------------------------------------
// Sorting and pages
// ---------------------------------------------------------------------------------------

fn sorted(sort: &str) -> Vec<usize> {
    run(&[("sort", sort)]).items
}

#[test]
fn every_sort_order() {
    let ds = fixture();
    assert_eq!(sorted("relevance"), vec![0, 1, 2, 8, 3, 4, 7, 5, 6]);
    // Stars: 5★ by name (so the provincial pearl before the national tea), 4★, 3★,
    // unpublished, unconfirmed.
    assert_eq!(sorted("stars"), vec![1, 0, 2, 8, 3, 4, 7, 5, 6]);
    // Tone-insensitive: "Đinh" sorts as "dinh", between "Chả" and "Miến"; "Ruốc" < "Rượu".
    assert_eq!(sorted("name"), vec![2, 8, 3, 6, 1, 5, 4, 7, 0]);
    assert_eq!(
        ids(&ds, &sorted("name")[..3]),
        ["cha-muc-ha-long", "dinh-lang", "mien-dong-binh-lieu"]
    );
    // Without a price last in both directions, in dataset order.
    assert_eq!(sorted("price-asc"), vec![3, 4, 2, 1, 8, 7, 0, 5, 6]);
    assert_eq!(sorted("price-desc"), vec![0, 7, 8, 1, 2, 4, 3, 5, 6]);
}

#[test]
fn ties_keep_dataset_order() {
    let mut ds = fixture();
    for p in &mut ds.products {
        p.name.vi = "Cùng tên".into();
        if let Some(price) = &mut p.price {
            price.min_vnd = 100_000;
        }
    }
    let q = |sort| CatalogQuery {
        sort,
        ..CatalogQuery::default()
    };
    assert_eq!(
        run_query(&ds, &q(SortOrder::Name), None).items,
        (0..9).collect::<Vec<_>>()
    );
    assert_eq!(
        run_query(&ds, &q(SortOrder::PriceLow), None).items,
        vec![0, 1, 2, 3, 4, 7, 8, 5, 6]
    );
    assert_eq!(
        run_query(&ds, &q(SortOrder::PriceHigh), None).items,
        vec![0, 1, 2, 3, 4, 7, 8, 5, 6]
    );
    assert_eq!(
        run_query(&ds, &q(SortOrder::Stars), None).items,
        vec![0, 1, 2, 3, 8, 4, 7, 5, 6]
    );
}

#[test]
fn name_key_folds_vietnamese_marks() {
    assert_eq!(name_sort_key("Đinh Lăng"), "dinh lang");
    assert_eq!(name_sort_key("Rượu Ba Kích"), "ruou ba kich");
    assert_eq!(name_sort_key("TRÀ HOA VÀNG"), "tra hoa vang");
    assert_eq!(name_sort_key("Mộc nhĩ đen"), "moc nhi den");
    assert_eq!(name_sort_key("Sá sùng Cô Tô"), "sa sung co to");
    // Decomposed input (NFD): combining marks are skipped.
    assert_eq!(name_sort_key("Tra\u{300} hoa\u{300}"), "tra hoa");
    assert_eq!(name_sort_key("Ru\u{31b}o\u{31b}\u{323}u"), "ruou");
    // Other characters are kept as they are.
    assert_eq!(name_sort_key("Ngọc trai 南珠 #1"), "ngoc trai 南珠 #1");
    assert!(name_sort_key("Đông") < name_sort_key("Giò"));
}

#[test]
fn pagination() {
    let r = run(&[]);
    assert_eq!(r.page_count(4), 3);
    assert_eq!(r.page(0, 4), &[0, 1, 2, 8]);
    assert_eq!(r.page(1, 4), &[3, 4, 7, 5]);
    assert_eq!(r.page(2, 4), &[6]);
    assert!(r.page(3, 4).is_empty());
    assert!(r.page(usize::MAX, 4).is_empty());
    assert!(r.page(0, 0).is_empty());
    assert_eq!(r.page_count(0), 0);
    assert_eq!(r.page_count(9), 1);
    assert_eq!(r.page_count(1), 9);
    assert_eq!(r.page(0, usize::MAX), r.items.as_slice());
    let pages: Vec<usize> = (0..r.page_count(2)).flat_map(|p| r.page(p, 2).to_vec()).collect();
    assert_eq!(pages, r.items);
}

#[test]
fn the_index_can_be_reused_and_agrees_with_run_query() {
    let ds = fixture();
    let index = CatalogIndex::build(&ds);
    assert_eq!(index.len(), 9);
    assert!(!index.is_empty());
    let mut g = Gen(42);
    let points: Vec<String> = ds.sales_points.iter().map(|p| p.id.clone()).collect();
    for _ in 0..50 {
        let q = g.query(&points);
        assert_eq!(index.run(&q, None), run_query(&ds, &q, None));
    }
    let empty = CatalogIndex::build(&Dataset::default());
    assert!(empty.is_empty());
    assert_eq!(
        empty.run(&CatalogQuery::default(), Some(&[(0, 1)])),
        CatalogResults::default()
    );
}

#[test]
fn random_queries_agree_with_the_naive_implementation() {
    let ds = fixture();
    let index = CatalogIndex::build(&ds);
    let points: Vec<String> = ds.sales_points.iter().map(|p| p.id.clone()).collect();
    let mut g = Gen(0x5eed);
    let mut nonempty = 0;
    for _ in 0..1500 {
        let q = g.query(&points);
        let hits = g.hits(ds.products.len());
        let r = index.run(&q, hits.as_deref());
        check_against_naive(&ds, &q, hits.as_deref(), &r);
        nonempty += usize::from(!r.items.is_empty());
    }
    assert!(
        nonempty > 100,
        "the generator should produce matches too ({nonempty})"
    );
}

#[test]
fn invalid_struct_values_match_nothing_rather_than_everything() {
    // The URL codec never produces these, but the UI could build them by hand.
    let ds = fixture();
    let q = CatalogQuery {
        month: Some(13),
        ..CatalogQuery::default()
    };
    assert!(run_query(&ds, &q, None).items.is_empty());
    let q = CatalogQuery {
        areas: [s("atlantis")].into(),
        ..CatalogQuery::default()
    };
    assert!(run_query(&ds, &q, None).items.is_empty());
}

// ---------------------------------------------------------------------------------------
// URL codec
// ---------------------------------------------------------------------------------------

#[test]
fn parses_every_key() {
    let q = query(&[
        ("q", "trà hoa vàng"),
        ("group", "food,beverage"),
        ("group", "herbal"),
        ("sub", "tea"),
        ("stars", "5,unpublished"),
        ("area", "ha-long"),
        ("buy", "point:ocop-ha-long,online:shopee"),
        ("month", "7"),
        ("price", "lt100k"),
        ("ptype", "household"),
        ("sort", "price-desc"),
        ("page", "3"),
        ("lang", "en"),
    ]);
    let expected = CatalogQuery {
        text: s("trà hoa vàng"),
        groups: [ProductGroup::Food, ProductGroup::Beverage, ProductGroup::Herbal].into(),
        subcategories: [s("tea")].into(),
        stars: [StarFilter::Five, StarFilter::Unpublished].into(),
        areas: [s("ha-long")].into(),
        buy: [
            BuyFilter::SalesPoint(s("ocop-ha-long")),
            BuyFilter::Online(OnlineChannel::Shopee),
        ]
        .into(),
        month: Some(7),
        prices: [PriceBand::Under100k].into(),
        producer_types: [ProducerType::Household].into(),
        on_trip: false,
        sort: SortOrder::PriceHigh,
        page: 2,
    };
    assert_eq!(q, expected);
    assert!(q.is_filtered());
    let pairs: Vec<(&str, String)> = q.to_query_pairs();
    let expected_pairs: Vec<(&str, String)> = vec![
        ("q", s("trà hoa vàng")),
        ("group", s("food,beverage,herbal")),
        ("sub", s("tea")),
        ("stars", s("5,unpublished")),
        ("area", s("ha-long")),
        ("buy", s("point:ocop-ha-long,online:shopee")),
        ("month", s("7")),
        ("price", s("lt100k")),
        ("ptype", s("household")),
        ("sort", s("price-desc")),
        ("page", s("3")),
    ];
    assert_eq!(pairs, expected_pairs);
}

#[test]
fn every_enum_value_round_trips() {
    for g in ProductGroup::ALL {
        assert_eq!(query(&[("group", g.key())]).groups, [g].into());
    }
    for st in StarFilter::ALL {
        assert_eq!(query(&[("stars", st.key())]).stars, [st].into());
    }
    for d in DISTRICTS {
        assert_eq!(query(&[("area", d.id)]).areas, [s(d.id)].into());
    }
    for c in ONLINE_CHANNELS {
        let key = format!("online:{}", channel_key(c));
        assert_eq!(query(&[("buy", &key)]).buy, [BuyFilter::Online(c)].into());
    }
    for m in 1..=12u8 {
        assert_eq!(query(&[("month", &m.to_string())]).month, Some(m));
    }
    for b in PriceBand::ALL {
        assert_eq!(query(&[("price", b.key())]).prices, [b].into());
    }
    for t in PRODUCER_TYPES {
        assert_eq!(
            query(&[("ptype", producer_type_key(t))]).producer_types,
            [t].into()
        );
    }
    for so in SortOrder::ALL {
        assert_eq!(query(&[("sort", so.key())]).sort, so);
    }
    for f in Facet::ALL {
        assert_eq!(Facet::from_key(f.key()), Some(f));
    }
}

#[test]
fn url_values_are_the_json_names() {
    for c in ONLINE_CHANNELS {
        assert_eq!(serde_json::to_value(c).unwrap(), json!(channel_key(c)));
        assert_eq!(channel_from_key(channel_key(c)), Some(c));
        assert_eq!(ONLINE_CHANNELS[channel_index(c)], c);
    }
    for t in PRODUCER_TYPES {
        assert_eq!(serde_json::to_value(t).unwrap(), json!(producer_type_key(t)));
        assert_eq!(PRODUCER_TYPES[producer_type_index(t)], t);
    }
    for g in ProductGroup::ALL {
        assert_eq!(serde_json::to_value(g).unwrap(), json!(g.key()));
        assert_eq!(group_from_key(g.key()), Some(g));
    }
}

#[test]
fn repeated_and_comma_separated_values_merge() {
    let a = query(&[("group", "food"), ("group", "beverage")]);
    let b = query(&[("group", "food,beverage")]);
    let c = query(&[("group", "beverage,food"), ("group", "food"), ("group", "food,,")]);
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert_eq!(a.groups.len(), 2);
    assert_eq!(a.to_query_pairs(), vec![("group", s("food,beverage"))]);
}

#[test]
fn the_default_query_is_an_empty_query_string() {
    assert!(CatalogQuery::default().to_query_pairs().is_empty());
    assert_eq!(CatalogQuery::from_query_pairs([]), CatalogQuery::default());
    assert!(!CatalogQuery::default().is_filtered());
    let only_defaults = query(&[("sort", "relevance"), ("page", "1"), ("q", "")]);
    assert_eq!(only_defaults, CatalogQuery::default());
}

#[test]
fn ignores_garbage_without_failing() {
    let q = query(&[
        ("stars", "9"),
        ("stars", "4,,x, 3 ,05"),
        ("month", "13"),
        ("month", "0"),
        ("month", "abc"),
        ("month", "-1"),
        ("month", "007"),
        ("page", "-1"),
        ("page", "abc"),
        ("page", "0"),
        ("page", "+2"),
        ("page", "1.5"),
        ("page", ""),
        ("buy", "point:"),
        ("buy", "point:Bad Id"),
        ("buy", "point:-x"),
        ("buy", "online:ebay"),
        ("buy", "shopee"),
        ("buy", "online:"),
        ("area", "hanoi"),
        ("area", "HA-LONG"),
        ("group", "Food"),
        ("group", "textiles"),
        ("sub", "Trà"),
        ("sub", "a b"),
        ("sort", "random"),
        ("sort", "PRICE-ASC"),
        ("ptype", "ngo"),
        ("price", "cheap"),
        ("price", "lt100"),
        ("lang", "en"),
        ("utm_source", "x"),
        ("", ""),
        ("q", "   "),
        ("Q", "ignored: keys are case-sensitive"),
    ]);
    let expected = CatalogQuery {
        stars: [StarFilter::Four, StarFilter::Three].into(),
        ..CatalogQuery::default()
    };
    assert_eq!(q, expected);
}

#[test]
fn first_valid_single_value_wins() {
    let q = query(&[
        ("month", "13"),
        ("month", "5,6"),
        ("month", "8"),
        ("page", "abc"),
        ("page", "4"),
        ("page", "9"),
        ("sort", "nope"),
        ("sort", "name"),
        ("sort", "stars"),
        ("q", " "),
        ("q", "mực"),
        ("q", "hàu"),
    ]);
    assert_eq!(q.month, Some(5));
    assert_eq!(q.page, 3);
    assert_eq!(q.sort, SortOrder::Name);
    assert_eq!(q.text, "mực");
}

#[test]
fn caps_text_pages_and_value_lists() {
    let q = query(&[("q", &"x".repeat(10_000))]);
    assert_eq!(q.text.chars().count(), MAX_TEXT_CHARS);
    let q = query(&[("q", &"ộ".repeat(500))]);
    assert_eq!(q.text, "ộ".repeat(MAX_TEXT_CHARS));
    assert_eq!(query(&[("q", "trà\u{0}\n\t")]).text, "trà");
    assert_eq!(query(&[("q", " trà ")]).text, " trà ", "spaces are kept as typed");

    assert_eq!(query(&[("page", "10001")]).page, MAX_PAGE - 1);
    assert_eq!(
        query(&[("page", "99999999999999999999999999")]).page,
        MAX_PAGE - 1
    );
    assert_eq!(query(&[("page", "0002")]).page, 1);
    let far = CatalogQuery {
        page: usize::MAX,
        ..CatalogQuery::default()
    };
    assert_eq!(far.to_query_pairs(), vec![("page", MAX_PAGE.to_string())]);

    let many: Vec<String> = (0..200).map(|i| format!("sub_{i}")).collect();
    let q = CatalogQuery::from_query_pairs([("sub", many.join(",").as_str())]);
    assert_eq!(q.subcategories.len(), MAX_VALUES);
    let many: Vec<String> = (0..200).map(|i| format!("point:p{i}")).collect();
    let q = CatalogQuery::from_query_pairs([("buy", many.join(",").as_str())]);
    assert_eq!(q.buy.len(), MAX_VALUES);
}

#[test]
fn random_queries_round_trip_through_the_url() {
    let mut g = Gen(7);
    let points = [s("ocop-ha-long"), s("cho-ha-long"), s("a1"), s("z-9")];
    let mut keys_seen = BTreeSet::new();
    for _ in 0..2000 {
        let q = g.query(&points);
        let pairs = q.to_query_pairs();
        let back = CatalogQuery::from_query_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, q, "{pairs:?}");
        assert_eq!(back.to_query_pairs(), pairs);
        // Canonical: each key once, in a fixed order.
        let order = [
            "q", "group", "sub", "stars", "area", "buy", "month", "price", "ptype", "trip", "sort", "page",
        ];
        let positions: Vec<usize> = pairs
            .iter()
            .map(|(k, _)| order.iter().position(|o| o == k).unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{pairs:?}");
        keys_seen.extend(pairs.iter().map(|(k, _)| *k));
        // The same query written with repeated keys instead of commas parses the same.
        let split: Vec<(&str, String)> = pairs
            .iter()
            .flat_map(|(k, v)| {
                if *k == "q" {
                    vec![(*k, v.clone())]
                } else {
                    v.split(',').map(|part| (*k, part.to_string())).collect()
                }
            })
            .collect();
        let again = CatalogQuery::from_query_pairs(split.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(again, q);
    }
    assert_eq!(
        keys_seen.len(),
        12,
        "the generator exercises every key: {keys_seen:?}"
    );
}

#[test]
fn other_app_parameters_do_not_disturb_the_query() {
    let q = query(&[("lang", "zh"), ("stars", "5"), ("lang", "en"), ("view", "map")]);
    assert_eq!(
        q,
        CatalogQuery {
            stars: [StarFilter::Five].into(),
            ..CatalogQuery::default()
        }
    );
}

#[test]
fn buy_filters_order_points_before_channels() {
    let a = BuyFilter::SalesPoint(s("zzz"));
    let b = BuyFilter::Online(OnlineChannel::Voso);
    let c = BuyFilter::Online(OnlineChannel::ProducerSite);
    assert!(a < b && b < c);
    assert!(BuyFilter::SalesPoint(s("a")) < a);
    assert!(ProducerType::Company < ProducerType::Cooperative);
    assert!(ProducerType::Cooperative < ProducerType::Household);
    assert_eq!(
        BuyFilter::from_key("point:ocop-ha-long"),
        Some(BuyFilter::SalesPoint(s("ocop-ha-long")))
    );
    assert_eq!(BuyFilter::from_key(&b.key()), Some(b));
    assert_eq!(BuyFilter::from_key("point:"), None);
    assert_eq!(BuyFilter::from_key("online:shopee "), None);
}

#[test]
fn star_filter_of_a_rating() {
    let ds = fixture();
    let got: Vec<Option<StarFilter>> = ds.products.iter().map(|p| StarFilter::of(&p.rating)).collect();
    use StarFilter::*;
    assert_eq!(
        got,
        vec![
            Some(Five),
            Some(Five),
            Some(Four),
            Some(Four),
            Some(Three),
            Some(Unpublished),
            None,
            Some(Three),
            Some(Four)
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Chips, toggling, clearing
// ---------------------------------------------------------------------------------------

fn busy_query() -> CatalogQuery {
    let mut q = query(&[
        ("q", "mực"),
        ("ptype", "household"),
        ("price", "gt2m"),
        ("month", "7"),
        ("buy", "online:tiki,point:cho-ha-long"),
        ("area", "van-don,ha-long"),
        ("stars", "3,5"),
        ("sub", "tea"),
        ("group", "food"),
        ("sort", "name"),
    ]);
    q.page = 4;
    q
}

#[test]
fn chips_list_every_active_value_in_facet_order() {
    let chips: Vec<(Facet, String)> = busy_query()
        .chips()
        .into_iter()
        .map(|c| (c.facet, c.value))
        .collect();
    assert_eq!(
        chips,
        vec![
            (Facet::Group, s("food")),
            (Facet::Subcategory, s("tea")),
            (Facet::Stars, s("5")),
            (Facet::Stars, s("3")),
            (Facet::Area, s("ha-long")),
            (Facet::Area, s("van-don")),
            (Facet::Buy, s("point:cho-ha-long")),
            (Facet::Buy, s("online:tiki")),
            (Facet::Month, s("7")),
            (Facet::Price, s("gt2m")),
            (Facet::ProducerType, s("household")),
        ]
    );
    assert!(CatalogQuery::default().chips().is_empty());
    assert!(query(&[("q", "x"), ("sort", "name")]).chips().is_empty());
}

#[test]
fn removing_a_chip_removes_only_that_value() {
    let q = busy_query();
    let chips = q.chips();
    for chip in &chips {
        let without = q.without(chip);
        assert_eq!(without.page, 0);
        assert_eq!(without.text, q.text);
        assert_eq!(without.sort, q.sort);
        let rest: Vec<Chip> = chips.iter().filter(|c| *c != chip).cloned().collect();
        assert_eq!(without.chips(), rest, "removing {chip:?}");
    }
    let mut q2 = q.clone();
    for chip in &chips {
        q2 = q2.without(chip);
    }
    assert!(!q2.is_filtered());
    assert_eq!(q2, q.cleared());
    // Removing a value that is not there only resets the page.
    let stale = Chip {
        facet: Facet::Group,
        value: s("textile"),
    };
    assert_eq!(q.without(&stale), CatalogQuery { page: 0, ..q.clone() });
}

#[test]
fn toggling_adds_and_removes() {
    let q = CatalogQuery {
        page: 3,
        ..CatalogQuery::default()
    };
    let food = q.toggled(Facet::Group, "food");
    assert_eq!(food.groups, [ProductGroup::Food].into());
    assert_eq!(food.page, 0);
    let both = food.toggled(Facet::Group, "beverage");
    assert_eq!(both.groups.len(), 2);
    assert_eq!(
        both.toggled(Facet::Group, "food").groups,
        [ProductGroup::Beverage].into()
    );
    assert_eq!(food.toggled(Facet::Group, "food"), CatalogQuery::default());

    let july = q.toggled(Facet::Month, "7");
    assert_eq!(july.month, Some(7));
    assert_eq!(
        july.toggled(Facet::Month, "8").month,
        Some(8),
        "month is single-valued"
    );
    assert_eq!(july.toggled(Facet::Month, "7").month, None);

    for facet in Facet::ALL {
        let value = match facet {
            Facet::Group => "textile",
            Facet::Subcategory => "honey",
            Facet::Stars => "unpublished",
            Facet::Area => "co-to",
            Facet::Buy => "online:sendo",
            Facet::Month => "12",
            Facet::Price => "500k-2m",
            Facet::ProducerType => "cooperative",
        };
        let on = q.toggled(facet, value);
        assert!(on.is_filtered());
        assert_eq!(
            on.chips(),
            vec![Chip {
                facet,
                value: s(value)
            }]
        );
        assert_eq!(on.toggled(facet, value), CatalogQuery::default());
    }

    // Invalid values change nothing (not even the page).
    for (facet, bad) in [
        (Facet::Stars, "9"),
        (Facet::Month, "13"),
        (Facet::Area, "hanoi"),
        (Facet::Buy, "point:"),
        (Facet::Group, "Food"),
        (Facet::Subcategory, ""),
    ] {
        assert_eq!(q.toggled(facet, bad), q, "{facet:?} {bad:?}");
    }
}

#[test]
fn clearing_keeps_text_and_sort() {
    let q = busy_query();
    assert!(q.is_filtered());
    let c = q.cleared();
    assert!(!c.is_filtered());
    assert_eq!(c.text, "mực");
    assert_eq!(c.sort, SortOrder::Name);
    assert_eq!(c.page, 0);
    assert_eq!(c.to_query_pairs(), vec![("q", s("mực")), ("sort", s("name"))]);
    assert!(query(&[("month", "3")]).is_filtered());
    assert!(!query(&[("q", "x"), ("sort", "stars"), ("page", "2")]).is_filtered());
}

// ---------------------------------------------------------------------------------------
// The real bundled dataset
// ---------------------------------------------------------------------------------------

use crate::test_fixtures::bundled;

#[test]
fn bundled_five_stars_are_the_six_national_products() {
    let ds = bundled();
    let q = query(&[("stars", "5")]);
    let r = run_query(&ds, &q, None);
    check_against_naive(&ds, &q, None, &r);
    let got: BTreeSet<String> = ids(&ds, &r.items).into_iter().collect();
    let expected: BTreeSet<String> = [
        "ngoc-trai-akoya",
        "ngoc-trai-tahiti",
        "ngoc-trai-southsea",
        "tra-hoa-vang-quy-hoa",
        "tra-hoa-vang-ba-che",
        "mien-dong-binh-lieu",
    ]
    .into_iter()
    .map(s)
    .collect();
    assert_eq!(got, expected);
    assert_eq!(r.facets.national, 6);
    assert!(r.facets.stars.contains(&(StarFilter::Five, 6)));
    // Unfiltered, the national products lead the list.
    let all = run_query(&ds, &CatalogQuery::default(), None);
    let first: BTreeSet<String> = ids(&ds, &all.items[..6]).into_iter().collect();
    assert_eq!(first, expected);
    // Unconfirmed products are in the list but in no star count.
    let unconfirmed = ds.products.iter().filter(|p| !p.rating.is_ocop()).count();
    assert!(unconfirmed > 0);
    let starred: usize = all.facets.stars.iter().map(|(_, n)| n).sum();
    assert_eq!(starred + unconfirmed, ds.products.len());
    assert_eq!(all.total(), ds.products.len());
}

/// Runs `rounds` random queries (from `seed`, over the given sales points) through the
/// index and checks each against the naive implementation.
fn agrees_with_naive(ds: &Dataset, points: &[String], seed: u64, rounds: usize) {
    let index = CatalogIndex::build(ds);
    let mut g = Gen(seed);
    for _ in 0..rounds {
        let q = g.query(points);
        let hits = g.hits(ds.products.len());
        let r = index.run(&q, hits.as_deref());
        check_against_naive(ds, &q, hits.as_deref(), &r);
    }
}

#[test]
fn bundled_dataset_agrees_with_the_naive_implementation() {
    let ds = bundled();
    let points: Vec<String> = ds.sales_points.iter().map(|p| p.id.clone()).collect();
    agrees_with_naive(&ds, &points, 2026, 300);
}

// ---------------------------------------------------------------------------------------
// Large synthetic datasets
// ---------------------------------------------------------------------------------------

#[cfg(feature = "synth")]
#[test]
fn synthetic_dataset_agrees_with_the_naive_implementation() {
    let ds = crate::synth::synth_dataset(3_000, 11);
    let points: Vec<String> = ds.sales_points.iter().take(20).map(|p| p.id.clone()).collect();
    agrees_with_naive(&ds, &points, 99, 40);
}

#[test]
fn name_sort_follows_the_names_shown_in_the_interface_language() {
    let dataset = bundled();
    let index = CatalogIndex::build(&dataset);
    let query = CatalogQuery::from_query_pairs([("stars", "5"), ("sort", "name")]);
    for lang in crate::text::Lang::ALL {
        let names: Vec<String> = index
            .run_in(&query, None, lang)
            .items
            .iter()
            .map(|&i| name_sort_key(dataset.products[i].name.get(lang)))
            .collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "{lang:?}");
    }
    // English names order differently from the Vietnamese ones for these six.
    let en: Vec<usize> = index.run_in(&query, None, crate::text::Lang::En).items;
    let vi: Vec<usize> = index.run_in(&query, None, crate::text::Lang::Vi).items;
    assert_ne!(en, vi);
}

#[test]
fn on_trip_round_trips_and_restricts() {
    let q = CatalogQuery::from_query_pairs([("trip", "1"), ("group", "food")]);
    assert!(q.on_trip && q.is_filtered());
    let pairs = q.to_query_pairs();
    assert!(pairs.contains(&("trip", "1".to_string())));
    let back: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(CatalogQuery::from_query_pairs(back), q);
    assert!(!CatalogQuery::from_query_pairs([("trip", "yes")]).on_trip);
    assert!(!q.cleared().on_trip);
    assert_eq!(restrict_to(None, &[1, 4]), vec![(1, 0), (4, 0)]);
    assert_eq!(
        restrict_to(Some(vec![(4, 9), (2, 5), (1, 3)]), &[1, 4]),
        vec![(4, 9), (1, 3)]
    );
}

// ---------------------------------------------------------------------------------------
// Ranking a search: what matched, then the rating
// ---------------------------------------------------------------------------------------

/// The catalog's order for a search, as the app runs it (search index, then catalog).
fn searched(ds: &Dataset, text: &str) -> Vec<String> {
    let index = crate::search::SearchIndex::build(&ds.products, &ds.producers);
    let hits: Option<Vec<(usize, u32)>> = index
        .search(text)
        .map(|h| h.iter().map(|h| (h.index, h.score)).collect());
    let q = CatalogQuery {
        text: text.into(),
        ..CatalogQuery::default()
    };
    let r = run_query(ds, &q, hits.as_deref());
    check_against_naive(ds, &q, hits.as_deref(), &r);
    r.items.iter().map(|&i| ds.products[i].id.clone()).collect()
}

#[test]
fn tea_lists_the_national_golden_camellia_teas_first() {
    let ds = crate::test_fixtures::bundled();
    for text in ["tea", "茶", "trà"] {
        let order = searched(&ds, text);
        let mut top: Vec<&str> = order.iter().take(2).map(String::as_str).collect();
        top.sort_unstable();
        assert_eq!(
            top,
            ["tra-hoa-vang-ba-che", "tra-hoa-vang-quy-hoa"],
            "{text}: {order:?}"
        );
        let at = |id: &str| {
            order
                .iter()
                .position(|x| x == id)
                .unwrap_or_else(|| panic!("{id} for {text}"))
        };
        assert!(
            at("tra-hoa-vang-quy-hoa") < at("tra-giao-co-lam-binh-lieu"),
            "{order:?}"
        );
    }
    // The text still decides first: a name match before a category match.
    let order = searched(&ds, "sa sung");
    assert_eq!(order.len(), 2, "{order:?}");
}

/// A rating for the ranking and sort tests: `national` with a certificate `until` a month.
fn rating(evidence: Evidence, stars: Option<u8>, national: bool, until: Option<&str>) -> Rating {
    Rating {
        evidence,
        stars,
        level: national.then_some(crate::model::Level::National),
        year_rated: None,
        valid_until: until.map(str::to_string),
        decision: None,
        claimed: None,
    }
}

#[test]
fn equal_matches_go_by_stars_then_valid_before_lapsed_then_national() {
    let mut ds = fixture();
    ds.meta.generated_on = "2026-11-30".into();
    let ratings = [
        rating(Evidence::Unconfirmed, None, false, None),
        rating(Evidence::OcopStated, None, false, None),
        rating(Evidence::StarStated, Some(4), false, None),
        rating(Evidence::StarStated, Some(5), true, Some("2024-06")), // lapsed national 5★
        rating(Evidence::StarStated, Some(5), false, None),
        rating(Evidence::StarStated, Some(5), true, Some("2028-01")),
        rating(Evidence::StarStated, Some(3), false, None),
    ];
    for (p, r) in ds.products.iter_mut().zip(ratings) {
        p.rating = r;
    }
    let s = |strength: u32, position: u32| strength << crate::search::POSITION_BITS | position;
    // Same strength, positions favouring the worst-rated: the rating decides.
    let hits: Vec<(usize, u32)> = (0..7).map(|i| (i, s(440, 7 - i as u32))).collect();
    let r = run_query(&ds, &CatalogQuery::default(), Some(&hits));
    check_against_naive(&ds, &CatalogQuery::default(), Some(&hits), &r);
    assert_eq!(r.items, vec![5, 4, 3, 2, 6, 1, 0]);
    // A stronger match wins whatever the rating.
    let mut hits = hits;
    hits[0].1 = s(441, 0);
    let r = run_query(&ds, &CatalogQuery::default(), Some(&hits));
    assert_eq!(r.items[0], 0);
    // Positions count only between equal ratings: the rating first.
    let hits = [(4, s(440, 1)), (1, s(440, 0)), (2, s(440, 3)), (3, s(440, 3))];
    let r = run_query(&ds, &CatalogQuery::default(), Some(&hits));
    assert_eq!(r.items, vec![4, 3, 2, 1]);
}

#[test]
fn star_sort_tells_the_truth_valid_before_lapsed_and_claims_are_not_stars() {
    let mut ds = fixture();
    ds.meta.generated_on = "2026-11-30".into();
    // Ratings by index; names (fixture order) would put index 0 first among equals.
    let mut claimed = rating(Evidence::OcopStated, None, false, None);
    claimed.claimed = Some(Box::new(crate::model::ClaimedStars {
        stars: vec![5],
        kind: crate::model::ClaimKind::Proposed,
        year: Some(2024),
        source: "https://source.example/x".into(),
    }));
    let ratings = [
        rating(Evidence::StarStated, Some(5), true, Some("2024-06")), // 0 lapsed national 5★
        rating(Evidence::StarStated, Some(5), false, Some("2027-01")), // 1 valid provincial 5★
        rating(Evidence::StarStated, Some(4), false, Some("2023-01")), // 2 lapsed 4★
        rating(Evidence::StarStated, Some(4), false, None),           // 3 4★, validity unknown
        claimed,                                                      // 4 "proposed 5★": no stars
        rating(Evidence::Unconfirmed, None, false, None),             // 5 unconfirmed
        rating(Evidence::StarStated, Some(3), false, None),           // 6 3★
        rating(Evidence::StarStated, Some(5), true, Some("2028-01")), // 7 valid national 5★
        rating(Evidence::OcopStated, None, false, None),              // 8 OCOP, stars unpublished
    ];
    for (p, r) in ds.products.iter_mut().zip(ratings) {
        p.rating = r;
    }
    // By name the lapsed ones would come first among their stars.
    ds.products[0].name.vi = "A hết hạn".into();
    let q = |sort| CatalogQuery {
        sort,
        ..CatalogQuery::default()
    };
    let stars = run_query(&ds, &q(SortOrder::Stars), None);
    check_against_naive(&ds, &q(SortOrder::Stars), None, &stars);
    let at = |items: &[usize], i: usize| items.iter().position(|&x| x == i).unwrap();
    let s = &stars.items;
    // Every valid 5★ before the lapsed one, whatever the names or the level.
    assert!(at(s, 1) < at(s, 0) && at(s, 7) < at(s, 0), "{s:?}");
    // A lapsed 5★ still stated 5★: before every 4★ (the badge says "5★ in 2020").
    assert!(at(s, 0) < at(s, 3), "{s:?}");
    assert!(at(s, 3) < at(s, 2), "{s:?}");
    // Claimed stars are not stars: the claim ranks with the unpublished, after 3★.
    assert!(at(s, 6) < at(s, 4) && at(s, 6) < at(s, 8), "{s:?}");
    assert_eq!(s.last(), Some(&5), "{s:?}");

    // Without text the default order puts a *valid* national 5★ first, never a lapsed one.
    let relevance = run_query(&ds, &q(SortOrder::Relevance), None);
    check_against_naive(&ds, &q(SortOrder::Relevance), None, &relevance);
    let r = &relevance.items;
    assert_eq!(r[0], 7, "{r:?}");
    assert!(at(r, 1) < at(r, 0), "{r:?}");
}

#[test]
fn category_tree_nests_each_subcategory_once_under_its_main_group() {
    use ProductGroup::*;
    let mut ds = fixture();
    // A second tea in the herbal group: one each, the tie goes to Drinks (first group).
    ds.products[8].subcategory = "tea".into();
    let index = CatalogIndex::build(&ds);
    let r = index.run(&CatalogQuery::default(), None);
    let (tree, unplaced) = index.category_tree(&r.facets);
    let shape: Vec<(ProductGroup, usize, Vec<&str>)> = tree
        .iter()
        .map(|b| {
            (
                b.group,
                b.count,
                b.subcategories.iter().map(|(s, _)| s.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            (Food, 5, vec!["seafood", "rice_noodles", "mushroom"]),
            (Beverage, 2, vec!["tea", "liquor"]),
            (Herbal, 1, vec![]),
            (Souvenir, 1, vec!["jewellery"]),
        ]
    );
    assert!(unplaced.is_empty());
    let tea = tree[1].subcategories.iter().find(|(s, _)| s == "tea").unwrap();
    assert_eq!(tea.1, 2, "the count is every tea's, whatever its group");

    // Under a filter that leaves no drink (4★: two foods and the herbal tea), tea still
    // shows under Drinks, and a subcategory from the URL that no product uses is kept apart
    // so it can be unselected.
    let q = query(&[("stars", "4"), ("sub", "kelp")]);
    let r = index.run(&q, None);
    let (tree, unplaced) = index.category_tree(&r.facets);
    type Shape<'a> = Vec<(ProductGroup, usize, Vec<(&'a str, usize)>)>;
    let shape: Shape = tree
        .iter()
        .map(|b| {
            (
                b.group,
                b.count,
                b.subcategories.iter().map(|(s, n)| (s.as_str(), *n)).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            (Food, 2, vec![("seafood", 1), ("rice_noodles", 1)]),
            (Beverage, 0, vec![("tea", 1)]),
            (Herbal, 1, vec![]),
        ]
    );
    assert_eq!(unplaced, vec![(s("kelp"), 0)]);
}

#[test]
fn bundled_seafood_is_under_food_not_souvenirs() {
    let ds = bundled();
    let index = CatalogIndex::build(&ds);
    let r = index.run(&CatalogQuery::default(), None);
    let (tree, unplaced) = index.category_tree(&r.facets);
    let parent = |sub: &str| {
        tree.iter()
            .find(|b| b.subcategories.iter().any(|(s, _)| s == sub))
            .map(|b| b.group)
    };
    assert_eq!(parent("seafood"), Some(ProductGroup::Food));
    assert_eq!(parent("jewellery"), Some(ProductGroup::Souvenir));
    assert_eq!(parent("tea"), Some(ProductGroup::Beverage));
    assert!(unplaced.is_empty());
    let drawn: usize = tree.iter().map(|b| b.subcategories.len()).sum();
    assert_eq!(drawn, r.facets.subcategories.len());
}
