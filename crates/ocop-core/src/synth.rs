//! Synthetic datasets of any size, for benchmarks and load tests (`cargo xtask data synth`).
//!
//! The output is valid by construction (a test runs it through the validator), marked
//! `meta.synthetic = true` so the app labels it, and deterministic for a given seed so
//! benchmark runs compare like with like. It is never shipped in `dist/`.

use crate::geo::DISTRICTS;
use crate::model::*;
use crate::text::LocalText;

const WORDS: &[&str] = &[
    "Trà", "Hoa", "Vàng", "Mực", "Chả", "Ruốc", "Hàu", "Miến", "Dong", "Nước", "Mắm", "Rượu", "Ba", "Kích",
    "Ngọc", "Trai", "Gà", "Đồi", "Sá", "Sùng", "Nấm", "Mật", "Ong", "Gạo", "Nếp", "Cái", "Rồng", "Đặc",
    "Sản", "Khô", "Tươi", "Biển", "Núi", "Xanh", "Đỏ", "Thơm", "Quế",
];

const EN_WORDS: &[&str] = &[
    "tea", "golden", "squid", "cake", "floss", "oyster", "noodles", "fish", "sauce", "wine", "pearl",
    "chicken", "honey", "rice", "dried", "fresh", "sea", "mountain", "green", "herbal",
];

/// Builds a dataset of `count` products (plus producers, spots, sales points and routes in
/// proportion) from `seed`.
pub fn synth_dataset(count: usize, seed: u64) -> Dataset {
    let mut rng = fastrand::Rng::with_seed(seed);
    let producers_n = (count / 4).clamp(1, 20_000);
    let points_n = (count / 50).clamp(1, 2_000);
    let spots_n = (count / 20).clamp(1, 5_000);

    let coords = |rng: &mut fastrand::Rng| Coordinates {
        lat: 20.7 + rng.f64() * 0.9,
        lon: 106.5 + rng.f64() * 1.5,
        precision: Precision::Approximate,
    };
    let district = |rng: &mut fastrand::Rng| Some(DISTRICTS[rng.usize(..DISTRICTS.len())].id.to_string());
    let source = |kind: &str, i: usize| vec![format!("https://synthetic.example/{kind}/{i}")];

    let producers: Vec<Producer> = (0..producers_n)
        .map(|i| Producer {
            id: format!("synth-producer-{i}"),
            name: format!("HTX {} {i}", phrase(&mut rng, WORDS, 2)),
            kind: [
                ProducerType::Company,
                ProducerType::Cooperative,
                ProducerType::Household,
            ][i % 3],
            locality: Locality {
                district: district(&mut rng),
                ..Locality::default()
            },
            sources: source("producer", i),
        })
        .collect();

    let sales_points: Vec<SalesPoint> = (0..points_n)
        .map(|i| SalesPoint {
            id: format!("synth-point-{i}"),
            name: LocalText::vi(format!("Điểm bán OCOP {i}")),
            kind: SalesPointKind::OcopShop,
            locality: Locality {
                district: district(&mut rng),
                ..Locality::default()
            },
            address: None,
            coordinates: coords(&mut rng),
            opening_hours: None,
            description: None,
            sources: source("point", i),
            images: Box::default(),
            summary: None,
        })
        .collect();

    let products: Vec<Product> = (0..count)
        .map(|i| {
            let stars = [None, Some(3), Some(3), Some(4), Some(5)][rng.usize(..5)];
            let group = ProductGroup::ALL[rng.usize(..4)];
            let min = 10_000 * rng.u64(1..200);
            Product {
                id: format!("synth-{i}"),
                name: LocalText {
                    vi: format!("{} {i}", phrase(&mut rng, WORDS, 3)),
                    en: rng
                        .bool()
                        .then(|| format!("{} {i}", phrase(&mut rng, EN_WORDS, 2))),
                    zh: None,
                },
                group,
                subcategory: SUBCATEGORIES[rng.usize(..SUBCATEGORIES.len())].to_string(),
                rating: Rating {
                    evidence: if stars.is_some() {
                        Evidence::StarStated
                    } else {
                        Evidence::OcopStated
                    },
                    stars,
                    level: stars.map(|s| {
                        if s == 5 {
                            Level::National
                        } else {
                            Level::Provincial
                        }
                    }),
                    year_rated: stars.map(|_| 2019 + rng.u16(0..7)),
                    valid_until: None,
                    decision: None,
                    claimed: None,
                },
                producer: Some(producers[rng.usize(..producers.len())].id.clone()),
                locality: Locality {
                    district: district(&mut rng),
                    ..Locality::default()
                },
                description: Some(Box::new(LocalText::vi(phrase(&mut rng, WORDS, 12)))),
                where_to_buy: WhereToBuy {
                    sales_points: vec![sales_points[rng.usize(..sales_points.len())].id.clone()],
                    online: Vec::new(),
                },
                price: rng.bool().then(|| {
                    Box::new(PriceRange {
                        min_vnd: min,
                        max_vnd: min + 10_000 * rng.u64(0..50),
                        unit: "kg".into(),
                        kind: PriceKind::Retail,
                        as_of: Some("2026".into()),
                        source_url: format!("https://synthetic.example/price/{i}"),
                    })
                }),
                season_months: if rng.bool() {
                    Vec::new()
                } else {
                    vec![rng.u8(1..=12), rng.u8(1..=12)]
                },
                traceability: None,
                sources: source("product", i),
                images: Box::default(),
                summary: None,
            }
        })
        .collect();

    let spots: Vec<Spot> = (0..spots_n)
        .map(|i| Spot {
            id: format!("synth-spot-{i}"),
            name: LocalText::vi(format!("Điểm du lịch {}", phrase(&mut rng, WORDS, 2))),
            kind: SpotKind::Farm,
            locality: Locality::default(),
            coordinates: coords(&mut rng),
            description: None,
            season_months: Vec::new(),
            season_note: None,
            events: Vec::new(),
            access: Access::Road,
            products: (0..3)
                .map(|_| products[rng.usize(..products.len())].id.clone())
                .collect(),
            sources: source("spot", i),
            images: Box::default(),
            summary: None,
        })
        .collect();

    let routes = (0..(spots_n / 5).max(1))
        .map(|i| Route {
            id: format!("synth-route-{i}"),
            name: LocalText::vi(format!("Tuyến {i}")),
            theme: LocalText::vi("Tổng hợp"),
            summary: None,
            stops: (0..4)
                .map(|_| RouteStop {
                    place: StopRef::Spot(spots[rng.usize(..spots.len())].id.clone()),
                    note: None,
                })
                .collect(),
            best_months: Vec::new(),
            season_note: None,
        })
        .collect();

    Dataset {
        schema_version: SCHEMA_VERSION.to_string(),
        meta: Meta {
            dataset_version: format!("synthetic-{count}-{seed}"),
            generated_on: "2026-01-01".into(),
            title: LocalText {
                vi: format!("Dữ liệu TỔNG HỢP NHÂN TẠO ({count} sản phẩm) – không phải sản phẩm thật"),
                en: Some(format!("SYNTHETIC data ({count} products) – not real products")),
                zh: None,
            },
            licence: "CC0-1.0".into(),
            attribution: Vec::new(),
            sources: Vec::new(),
            synthetic: true,
            notes: None,
            coverage: None,
            translated_by_project: Vec::new(),
        },
        products,
        producers,
        spots,
        sales_points,
        routes,
        // Synthetic places are all reached by road: no piers or boats are made up.
        travel: Default::default(),
    }
}

fn phrase(rng: &mut fastrand::Rng, words: &[&str], n: usize) -> String {
    (0..n)
        .map(|_| words[rng.usize(..words.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{parse_and_validate, Limits};

    #[test]
    fn synthetic_data_is_valid_and_labelled() {
        let d = synth_dataset(500, 7);
        let text = serde_json::to_string(&d).unwrap();
        let v = parse_and_validate(&text, &Limits::default()).unwrap();
        assert!(v.issues.is_empty(), "{:#?}", &v.issues[..v.issues.len().min(5)]);
        assert_eq!(v.dataset.products.len(), 500);
        assert!(v.dataset.meta.synthetic);
    }

    #[test]
    fn same_seed_same_data() {
        assert_eq!(synth_dataset(50, 1), synth_dataset(50, 1));
        assert_ne!(synth_dataset(50, 1), synth_dataset(50, 2));
    }
}
