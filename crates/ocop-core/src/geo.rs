//! The province's districts and extent.
//!
//! OCOP sources, producers and tourists still name places by the district-level units that
//! existed before the July 2025 reform (which abolished districts), so the catalog's "Area"
//! facet uses them. Centres are approximate (compiled in `research/ocop-facts.md` §4.1).

use crate::text::LocalText;

pub struct District {
    /// Stable id used in datasets (`locality.district`).
    pub id: &'static str,
    pub name_vi: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    /// General Statistics Office code of the pre-2025 unit.
    pub gso_code: u16,
    /// Approximate centre (lat, lon).
    pub centre: (f64, f64),
}

impl District {
    pub fn name(&self) -> LocalText {
        LocalText {
            vi: self.name_vi.to_string(),
            en: Some(self.name_en.to_string()),
            zh: Some(self.name_zh.to_string()),
        }
    }
}

#[rustfmt::skip]
pub const DISTRICTS: &[District] = &[
    District { id: "ha-long", name_vi: "TP Hạ Long", name_en: "Ha Long City", name_zh: "下龙市", gso_code: 193, centre: (20.9510, 107.0800) },
    District { id: "mong-cai", name_vi: "TP Móng Cái", name_en: "Mong Cai City", name_zh: "芒街市", gso_code: 194, centre: (21.5280, 107.9650) },
    District { id: "cam-pha", name_vi: "TP Cẩm Phả", name_en: "Cam Pha City", name_zh: "锦普市", gso_code: 195, centre: (21.0100, 107.2900) },
    District { id: "uong-bi", name_vi: "TP Uông Bí", name_en: "Uong Bi City", name_zh: "汪秘市", gso_code: 196, centre: (21.0360, 106.7700) },
    District { id: "binh-lieu", name_vi: "Huyện Bình Liêu", name_en: "Binh Lieu District", name_zh: "平辽县", gso_code: 198, centre: (21.5260, 107.3990) },
    District { id: "tien-yen", name_vi: "Huyện Tiên Yên", name_en: "Tien Yen District", name_zh: "先安县", gso_code: 199, centre: (21.3330, 107.3960) },
    District { id: "dam-ha", name_vi: "Huyện Đầm Hà", name_en: "Dam Ha District", name_zh: "潭河县", gso_code: 200, centre: (21.3540, 107.6010) },
    District { id: "hai-ha", name_vi: "Huyện Hải Hà", name_en: "Hai Ha District", name_zh: "海河县", gso_code: 201, centre: (21.4520, 107.7500) },
    District { id: "ba-che", name_vi: "Huyện Ba Chẽ", name_en: "Ba Che District", name_zh: "巴扯县", gso_code: 202, centre: (21.2670, 107.2870) },
    District { id: "van-don", name_vi: "Huyện Vân Đồn", name_en: "Van Don District", name_zh: "云屯县", gso_code: 203, centre: (21.0660, 107.4190) },
    District { id: "dong-trieu", name_vi: "TP Đông Triều", name_en: "Dong Trieu", name_zh: "东潮市", gso_code: 205, centre: (21.0840, 106.5140) },
    District { id: "quang-yen", name_vi: "TX Quảng Yên", name_en: "Quang Yen Town", name_zh: "广安市社", gso_code: 206, centre: (20.9380, 106.8070) },
    District { id: "co-to", name_vi: "Huyện Cô Tô", name_en: "Co To District", name_zh: "姑苏县", gso_code: 207, centre: (20.9790, 107.7600) },
];

pub fn district(id: &str) -> Option<&'static District> {
    DISTRICTS.iter().find(|d| d.id == id)
}

/// A generous box around the province and its islands (Wikipedia gives lat 20.667–21.667,
/// lon 106.417–108.417): coordinates outside it are certainly wrong.
pub const PROVINCE_BOUNDS: Bounds = Bounds {
    south: 20.5,
    north: 21.8,
    west: 106.3,
    east: 108.5,
};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub south: f64,
    pub north: f64,
    pub west: f64,
    pub east: f64,
}

impl Bounds {
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.south..=self.north).contains(&lat) && (self.west..=self.east).contains(&lon)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_district_centre_lies_in_the_province() {
        for d in DISTRICTS {
            assert!(PROVINCE_BOUNDS.contains(d.centre.0, d.centre.1), "{}", d.id);
        }
    }

    #[test]
    fn district_ids_are_unique() {
        let mut ids: Vec<_> = DISTRICTS.iter().map(|d| d.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), DISTRICTS.len());
    }
}
