//! The head's wording in each language: page names, fixed descriptions, and the phrases
//! descriptions of products and places are built from.
//!
//! Kept here rather than in `locales/*.json`: those are compiled into the app's wasm, whose
//! download size is gated, and these strings are needed only when pages are pre-rendered.
//! Page names follow the app's own wording (`nav_*`, `*_title` in the locale files) so a
//! search result reads like the page it opens.

use crate::format::MONTHS_EN;
use crate::model::{SalesPointKind, SpotKind};
use crate::text::Lang;

/// Fixed wording of one language.
#[derive(Debug)]
pub struct Words {
    /// `og:site_name` and the suffix of every title; the app's `app_name`.
    pub site_name: &'static str,
    /// The catalog's title: the site's name and what it offers.
    pub catalog_title: &'static str,
    pub catalog_description: &'static str,
    /// The first breadcrumb.
    pub home: &'static str,
    pub routes: &'static str,
    pub routes_description: &'static str,
    pub map: &'static str,
    pub map_description: &'static str,
    pub about: &'static str,
    pub about_description: &'static str,
    pub list: &'static str,
    pub list_description: &'static str,
    pub trip: &'static str,
    pub trip_description: &'static str,
    pub kiosk: &'static str,
    pub kiosk_description: &'static str,
    pub not_found: &'static str,
    pub not_found_description: &'static str,
    /// The `award` of an OCOP product whose stars no source gives.
    pub ocop_no_stars_award: &'static str,
}

pub static VI: Words = Words {
    site_name: "OCOP Quảng Ninh",
    catalog_title: "OCOP Quảng Ninh – đặc sản, điểm đến và nơi mua",
    catalog_description: "Sản phẩm OCOP 3–5 sao của Quảng Ninh: đặc sản, nơi làm ra, nơi mua, bản đồ điểm tham quan và tuyến du lịch. Dùng được cả khi không có mạng.",
    home: "Trang chủ",
    routes: "Tuyến du lịch",
    routes_description: "Tuyến du lịch qua làng nghề, vùng trồng và điểm bán OCOP ở Quảng Ninh: các điểm dừng, quãng đường, thời gian và mùa đẹp nhất.",
    map: "Bản đồ điểm du lịch và nơi mua OCOP",
    map_description: "Bản đồ tỉnh Quảng Ninh với điểm tham quan, làng nghề và điểm bán OCOP: chạm vào một điểm để xem sản phẩm làm ra hoặc bán ở đó.",
    about: "Giới thiệu & dữ liệu",
    about_description: "Chương trình OCOP (Mỗi xã một sản phẩm), cách xếp hạng sao, nguồn và giấy phép của dữ liệu trong ứng dụng.",
    list: "Danh sách mua",
    list_description: "Danh sách sản phẩm OCOP bạn định mua, nhóm theo nơi bán, kèm tổng ước tính.",
    trip: "Chuyến đi của tôi",
    trip_description: "Lên chuyến đi qua các điểm tham quan và điểm bán OCOP ở Quảng Ninh, sắp xếp thứ tự và mở trong Google Maps.",
    kiosk: "Ki-ốt thông tin",
    kiosk_description: "Màn hình cảm ứng giới thiệu sản phẩm OCOP và tuyến du lịch Quảng Ninh.",
    not_found: "Không tìm thấy trang",
    not_found_description: "Trang này không có trong OCOP Quảng Ninh. Hãy xem danh mục sản phẩm, bản đồ hoặc các tuyến du lịch.",
    ocop_no_stars_award: "Sản phẩm OCOP (chưa công bố số sao)",
};

pub static EN: Words = Words {
    site_name: "OCOP Quảng Ninh",
    catalog_title: "OCOP Quảng Ninh – local specialties, places to visit, where to buy",
    catalog_description: "Quảng Ninh's OCOP-rated local specialties (3 to 5 stars): where each is made and sold, a map of places to visit, and tourism routes. Works offline.",
    home: "Home",
    routes: "Tourism routes",
    routes_description: "Tourism routes through Quảng Ninh's craft villages, farms and OCOP shops: the stops, distances, travel times and the best season.",
    map: "Map of tourist spots and OCOP shops",
    map_description: "A map of Quảng Ninh's places to visit, craft villages and OCOP shops: tap a place to see what is made or sold there.",
    about: "About & data",
    about_description: "The OCOP programme (One Commune One Product), how products are rated, and where this app's data comes from and under which licence.",
    list: "Shopping list",
    list_description: "Your list of OCOP products to buy, grouped by where to buy them, with an estimated total.",
    trip: "My trip",
    trip_description: "Plan a trip through Quảng Ninh's places to visit and OCOP shops, put the stops in order and open it in Google Maps.",
    kiosk: "Information kiosk",
    kiosk_description: "The touch-screen kiosk showing Quảng Ninh's OCOP products and tourism routes.",
    not_found: "Page not found",
    not_found_description: "This page does not exist on OCOP Quảng Ninh. See the product catalog, the map or the tourism routes.",
    ocop_no_stars_award: "OCOP product (star rating not published)",
};

pub static ZH: Words = Words {
    site_name: "广宁省 OCOP",
    catalog_title: "广宁省 OCOP – 特产、景点与购买点",
    catalog_description:
        "广宁省OCOP（一乡一品）3至5星特产：产地、购买地点、景点地图与旅游线路。离线也可使用。",
    home: "首页",
    routes: "旅游线路",
    routes_description: "途经广宁省手工艺村、种植区和OCOP销售点的旅游线路：站点、距离、行程时间与最佳季节。",
    map: "旅游景点与OCOP购买点地图",
    map_description: "广宁省景点、手工艺村和OCOP销售点地图：点击地点即可查看当地生产或出售的产品。",
    about: "关于与数据",
    about_description: "OCOP（一乡一品）计划简介、星级评定方式，以及本应用数据的来源与许可。",
    list: "购物清单",
    list_description: "您要购买的OCOP产品清单，按购买地点分组，并附估计总价。",
    trip: "我的行程",
    trip_description: "规划途经广宁省景点和OCOP销售点的行程，安排站点顺序并在谷歌地图中打开。",
    kiosk: "信息亭",
    kiosk_description: "展示广宁省OCOP产品和旅游线路的触摸屏信息亭。",
    not_found: "页面不存在",
    not_found_description: "OCOP网站上没有此页面。请查看产品目录、地图或旅游线路。",
    ocop_no_stars_award: "OCOP产品（星级未公布）",
};

/// The fixed wording of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// `og:locale` of each language.
pub fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi_VN",
        Lang::En => "en_US",
        Lang::Zh => "zh_CN",
    }
}

/// A spot's kind, as the app's map legend names it (`kind_*` in the locale files).
pub fn spot_kind(kind: SpotKind, lang: Lang) -> &'static str {
    use SpotKind::*;
    match (lang, kind) {
        (Lang::Vi, EcoTourism) => "Du lịch sinh thái",
        (Lang::Vi, Farm) => "Vùng trồng, trang trại",
        (Lang::Vi, Village) => "Làng nghề",
        (Lang::Vi, Heritage) => "Di tích",
        (Lang::Vi, Festival) => "Lễ hội",
        (Lang::Vi, Market) => "Chợ, trưng bày",
        (Lang::En, EcoTourism) => "Eco-tourism",
        (Lang::En, Farm) => "Farm or growing area",
        (Lang::En, Village) => "Craft village",
        (Lang::En, Heritage) => "Heritage site",
        (Lang::En, Festival) => "Festival ground",
        (Lang::En, Market) => "Market or showroom",
        (Lang::Zh, EcoTourism) => "生态旅游",
        (Lang::Zh, Farm) => "种植区、农场",
        (Lang::Zh, Village) => "手工艺村",
        (Lang::Zh, Heritage) => "历史遗迹",
        (Lang::Zh, Festival) => "节庆场地",
        (Lang::Zh, Market) => "市场、展示点",
    }
}

/// A sales point's kind.
pub fn sales_point_kind(kind: SalesPointKind, lang: Lang) -> &'static str {
    use SalesPointKind::*;
    match (lang, kind) {
        (Lang::Vi, OcopCentre) => "Trung tâm giới thiệu sản phẩm OCOP",
        (Lang::Vi, OcopShop) => "Cửa hàng OCOP",
        (Lang::Vi, DisplayPoint) => "Điểm trưng bày sản phẩm OCOP",
        (Lang::Vi, RestStop) => "Trạm dừng chân",
        (Lang::Vi, FairVenue) => "Nơi tổ chức hội chợ",
        (Lang::En, OcopCentre) => "OCOP product centre",
        (Lang::En, OcopShop) => "OCOP shop",
        (Lang::En, DisplayPoint) => "OCOP display point",
        (Lang::En, RestStop) => "Rest stop",
        (Lang::En, FairVenue) => "Fair venue",
        (Lang::Zh, OcopCentre) => "OCOP产品介绍中心",
        (Lang::Zh, OcopShop) => "OCOP商店",
        (Lang::Zh, DisplayPoint) => "OCOP产品展示点",
        (Lang::Zh, RestStop) => "休息站",
        (Lang::Zh, FairVenue) => "展会场地",
    }
}

/// Months (1–12) as a reader says them: a run of consecutive months as a range
/// (`tháng 5–8`, `May–August`, `5–8月`), others as a list (`tháng 1, 5`, `January, May`,
/// `1月、5月`). Out-of-range months are ignored; `None` when none is left.
pub fn months(months: &[u8], lang: Lang) -> Option<String> {
    let mut m: Vec<u8> = months.iter().copied().filter(|m| (1..=12).contains(m)).collect();
    m.sort_unstable();
    m.dedup();
    let (first, last) = (*m.first()?, *m.last()?);
    let run = m.len() > 1 && usize::from(last - first) + 1 == m.len();
    let en = |n: u8| MONTHS_EN[usize::from(n - 1)];
    Some(match (lang, run) {
        (Lang::Vi, true) => format!("tháng {first}–{last}"),
        (Lang::En, true) => format!("{}–{}", en(first), en(last)),
        (Lang::Zh, true) => format!("{first}–{last}月"),
        (Lang::Vi, false) => format!("tháng {}", join(m.iter().map(u8::to_string), ", ")),
        (Lang::En, false) => join(m.iter().map(|&n| en(n).to_string()), ", "),
        (Lang::Zh, false) => join(m.iter().map(|n| format!("{n}月")), "、"),
    })
}

fn join(items: impl Iterator<Item = String>, sep: &str) -> String {
    items.collect::<Vec<_>>().join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_as_ranges_and_lists() {
        assert_eq!(months(&[5, 6, 7, 8], Lang::Vi).unwrap(), "tháng 5–8");
        assert_eq!(months(&[8, 5, 6, 7], Lang::En).unwrap(), "May–August");
        assert_eq!(months(&[2, 3, 4], Lang::Zh).unwrap(), "2–4月");
        assert_eq!(months(&[1, 5], Lang::Vi).unwrap(), "tháng 1, 5");
        assert_eq!(months(&[1, 5], Lang::En).unwrap(), "January, May");
        assert_eq!(months(&[1, 5], Lang::Zh).unwrap(), "1月、5月");
        assert_eq!(months(&[9], Lang::En).unwrap(), "September");
        assert_eq!(months(&[9, 9, 0, 13], Lang::Vi).unwrap(), "tháng 9");
        assert_eq!(months(&[], Lang::En), None);
        assert_eq!(months(&[0, 13], Lang::En), None);
    }

    #[test]
    fn every_language_has_all_its_wording() {
        for lang in Lang::ALL {
            let w = words(lang);
            for text in [
                w.site_name,
                w.catalog_title,
                w.catalog_description,
                w.home,
                w.routes,
                w.routes_description,
                w.map,
                w.map_description,
                w.about,
                w.about_description,
                w.list,
                w.list_description,
                w.trip,
                w.trip_description,
                w.kiosk,
                w.kiosk_description,
                w.not_found,
                w.not_found_description,
                w.ocop_no_stars_award,
            ] {
                assert!(!text.trim().is_empty(), "{lang:?}");
                assert!(text.chars().count() <= super::super::DESCRIPTION_MAX, "{text}");
            }
        }
    }
}
