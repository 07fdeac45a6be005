use super::*;
use crate::model::{Evidence, Level, OnlineChannel, OnlineListing, PriceKind, PriceRange};
use crate::test_fixtures::bundled;
use proptest::prelude::*;

fn site() -> SiteUrl {
    SiteUrl::parse("https://ocop.example.org").unwrap()
}

fn head(data: &Dataset, page: &Page, lang: Lang) -> PageHead {
    page_head(data, page, lang, &site()).expect("known page")
}

/// The bundled dataset's first product with a star rating, a district and a price, made
/// into one with everything a description can say.
fn full_product(data: &mut Dataset) -> String {
    let shop = data.sales_points[0].id.clone();
    let p = &mut data.products[0];
    p.rating.evidence = Evidence::StarStated;
    p.rating.stars = Some(4);
    p.rating.level = Some(Level::Provincial);
    p.rating.year_rated = Some(2023);
    p.locality.district = Some("ba-che".into());
    p.where_to_buy.sales_points = vec![shop];
    p.price = Some(Box::new(PriceRange {
        min_vnd: 350_000,
        max_vnd: 400_000,
        unit: "kg".into(),
        kind: PriceKind::Retail,
        as_of: Some("2024-05".into()),
        source_url: "https://example.org/price".into(),
    }));
    p.id.clone()
}

#[test]
fn every_page_of_the_bundled_dataset_has_a_head_in_every_language() {
    let data = bundled();
    for page in Page::all(&data).into_iter().chain([Page::NotFound]) {
        for lang in Lang::ALL {
            let h = head(&data, &page, lang);
            assert!(!h.title.trim().is_empty(), "{page:?}");
            assert!(!h.description.trim().is_empty(), "{page:?} {lang:?}");
            assert!(
                h.description.chars().count() <= DESCRIPTION_MAX,
                "{page:?} {lang:?}: {}",
                h.description
            );
            assert_eq!(h.noindex, !page.indexable());
            assert_eq!(h.og_image, site().url(&page.og_image_path()));
            let html = h.to_html();
            assert!(!html.contains("<title"), "{page:?}");
            // Every JSON-LD block parses back and every `url`/`item` in it is absolute.
            for ld in &h.json_ld {
                let text = ld.to_string();
                for key in ["\"url\":\"", "\"item\":\""] {
                    for (i, _) in text.match_indices(key) {
                        assert!(
                            text[i + key.len()..].starts_with("https://ocop.example.org/"),
                            "{page:?}: {text}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn unknown_ids_have_no_head() {
    let data = bundled();
    for page in [
        Page::Product("nope".into()),
        Page::Route("nope".into()),
        Page::Spot("nope".into()),
        Page::SalesPoint("nope".into()),
    ] {
        assert_eq!(page_head(&data, &page, Lang::Vi, &site()), None, "{page:?}");
    }
}

#[test]
fn titles() {
    let data = bundled();
    let p = &data.products[0];
    assert_eq!(
        head(&data, &Page::Catalog, Lang::Vi).title,
        "OCOP Quảng Ninh – đặc sản, điểm đến và nơi mua"
    );
    assert_eq!(
        head(&data, &Page::Routes, Lang::En).title,
        "Tourism routes – OCOP Quảng Ninh"
    );
    assert_eq!(
        head(&data, &Page::Routes, Lang::Zh).title,
        "旅游线路 – 广宁省 OCOP"
    );
    assert_eq!(
        head(&data, &Page::Product(p.id.clone()), Lang::En).title,
        format!("{} – OCOP Quảng Ninh", p.name.get(Lang::En))
    );
    assert_eq!(
        head(&data, &Page::NotFound, Lang::En).title,
        "Page not found – OCOP Quảng Ninh"
    );
}

#[test]
fn canonical_alternates_and_open_graph() {
    let data = bundled();
    let id = data.spots[0].id.clone();
    let h = head(&data, &Page::Spot(id.clone()), Lang::En);
    let base = "https://ocop.example.org";
    assert_eq!(
        h.canonical.as_deref(),
        Some(format!("{base}/en/spot/{id}/").as_str())
    );
    let alts: Vec<(&str, &str)> = h
        .alternates
        .iter()
        .map(|a| (a.hreflang, a.href.as_str()))
        .collect();
    assert_eq!(
        alts,
        [
            ("vi", format!("{base}/spot/{id}/").as_str()),
            ("en", format!("{base}/en/spot/{id}/").as_str()),
            ("zh", format!("{base}/zh/spot/{id}/").as_str()),
            ("x-default", format!("{base}/spot/{id}/").as_str()),
        ]
    );
    assert_eq!(h.og_type, "website");
    assert_eq!(h.og_locale, "en_US");
    assert_eq!(h.og_locale_alternates, ["vi_VN", "zh_CN"]);
    assert_eq!(h.og_image, format!("{base}/og/spot/{id}.png"));
    assert_eq!((h.og_image_width, h.og_image_height), (1200, 630));
    assert_eq!(h.og_image_alt, data.spots[0].name.get(Lang::En));
    assert_eq!(h.twitter_card, "summary_large_image");
    assert!(!h.noindex);

    let html = h.to_html();
    for tag in [
        format!("<link rel=\"canonical\" href=\"{base}/en/spot/{id}/\">"),
        format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{base}/spot/{id}/\">"),
        "<meta property=\"og:type\" content=\"website\">".to_string(),
        format!("<meta property=\"og:url\" content=\"{base}/en/spot/{id}/\">"),
        "<meta property=\"og:locale\" content=\"en_US\">".to_string(),
        "<meta property=\"og:locale:alternate\" content=\"zh_CN\">".to_string(),
        format!("<meta property=\"og:image\" content=\"{base}/og/spot/{id}.png\">"),
        "<meta property=\"og:image:width\" content=\"1200\">".to_string(),
        "<meta property=\"og:image:height\" content=\"630\">".to_string(),
        "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_string(),
        "<script type=\"application/ld+json\">".to_string(),
    ] {
        assert!(html.contains(&tag), "{tag}\n{html}");
    }
    assert!(!html.contains("robots"));
}

#[test]
fn device_only_pages_and_the_404_are_noindex_and_the_404_has_no_canonical() {
    let data = bundled();
    for page in [Page::List, Page::Trip, Page::Kiosk, Page::NotFound] {
        let h = head(&data, &page, Lang::Zh);
        assert!(h.noindex);
        assert!(h.to_html().contains("<meta name=\"robots\" content=\"noindex\">"));
    }
    let h = head(&data, &Page::NotFound, Lang::En);
    assert_eq!(h.canonical, None);
    assert!(h.alternates.is_empty());
    let html = h.to_html();
    assert!(!html.contains("canonical") && !html.contains("hreflang") && !html.contains("og:url"));
    // The list still says where it is: its canonical is itself.
    assert_eq!(
        head(&data, &Page::List, Lang::Vi).canonical.as_deref(),
        Some("https://ocop.example.org/list/")
    );
}

#[test]
fn product_description_states_stars_only_when_a_source_does() {
    let mut data = bundled();
    let id = full_product(&mut data);
    let page = Page::Product(id.clone());
    let shop_en = data.sales_points[0].name.get(Lang::En).to_string();
    let name_en = data.products[0].name.get(Lang::En).to_string();

    let en = head(&data, &page, Lang::En).description;
    assert!(
        en.starts_with(&format!(
            "{name_en}: a 4-star OCOP product (2023), made in Ba Che District. Sold at {shop_en}"
        )),
        "{en}"
    );
    let vi = head(&data, &page, Lang::Vi).description;
    assert!(
        vi.contains("sản phẩm OCOP 4 sao (2023), làm tại Huyện Ba Chẽ."),
        "{vi}"
    );
    let zh = head(&data, &page, Lang::Zh).description;
    assert!(zh.contains("OCOP 4星产品（2023年），产自巴扯县。"), "{zh}");

    // National 5★.
    data.products[0].rating.stars = Some(5);
    data.products[0].rating.level = Some(Level::National);
    assert!(head(&data, &page, Lang::En)
        .description
        .contains("a national 5-star OCOP product (2023)"));

    // A source says OCOP but gives no stars: even if a number is recorded, it is not said.
    data.products[0].rating.evidence = Evidence::OcopStated;
    data.products[0].rating.stars = Some(4);
    let en = head(&data, &page, Lang::En).description;
    assert!(en.contains("an OCOP product (star rating not published)"), "{en}");
    assert!(!en.contains("4-star") && !en.contains('★'), "{en}");
    assert!(head(&data, &page, Lang::Vi)
        .description
        .contains("chưa công bố số sao"));

    // Unconfirmed: not OCOP at all (shop names and the data's own text aside).
    data.products[0].rating.evidence = Evidence::Unconfirmed;
    data.products[0].where_to_buy.sales_points.clear();
    data.products[0].description = None;
    for lang in Lang::ALL {
        let d = head(&data, &page, lang).description;
        assert!(!d.contains("OCOP"), "{lang:?}: {d}");
    }
    assert!(head(&data, &page, Lang::En)
        .description
        .contains("a local specialty"));
}

#[test]
fn product_description_without_shops_says_online_or_nothing() {
    let mut data = bundled();
    let id = full_product(&mut data);
    let page = Page::Product(id);
    data.products[0].where_to_buy.sales_points.clear();
    data.products[0].where_to_buy.online = vec![OnlineListing {
        channel: OnlineChannel::Shopee,
        url: "https://shopee.vn/x".into(),
    }];
    assert!(head(&data, &page, Lang::En).description.contains("Sold online."));
    data.products[0].where_to_buy.online.clear();
    data.products[0].description = None;
    data.products[0].locality.district = None;
    data.products[0].locality.commune = None;
    let name = data.products[0].name.get(Lang::En).to_string();
    assert_eq!(
        head(&data, &page, Lang::En).description,
        format!("{name}: a 4-star OCOP product (2023).")
    );
}

#[test]
fn descriptions_use_data_text_only_in_its_own_language() {
    let mut data = bundled();
    let id = full_product(&mut data);
    data.products[0].name = LocalText::vi("Chả mực");
    data.products[0].description = Some(Box::new(LocalText {
        vi: "Mô tả tiếng Việt.".into(),
        en: Some("Hand-pounded squid cake.".into()),
        zh: None,
    }));
    let page = Page::Product(id);
    let en = head(&data, &page, Lang::En).description;
    assert!(en.ends_with("Hand-pounded squid cake."), "{en}");
    let zh = head(&data, &page, Lang::Zh).description;
    assert!(!zh.contains("Mô tả"), "{zh}");
    // A name has no translation to fall back from: the Vietnamese one is the name.
    assert!(zh.starts_with("Chả mực："), "{zh}");
}

#[test]
fn product_json_ld_is_a_product_with_an_award_and_a_sourced_offer() {
    let mut data = bundled();
    let id = full_product(&mut data);
    let producer = data.producers[0].clone();
    data.products[0].producer = Some(producer.id.clone());
    let h = head(&data, &Page::Product(id.clone()), Lang::En);
    assert_eq!(h.json_ld.len(), 2);
    let p = &h.json_ld[0];
    assert_eq!(p["@context"], "https://schema.org");
    assert_eq!(p["@type"], "Product");
    assert_eq!(p["name"], data.products[0].name.get(Lang::En));
    assert_eq!(p["description"], h.description.as_str());
    assert_eq!(p["url"], format!("https://ocop.example.org/en/p/{id}/"));
    assert_eq!(
        p["image"],
        format!("https://ocop.example.org/og/product/{id}.png")
    );
    assert_eq!(p["award"], "OCOP 4★ (2023)");
    assert_eq!(p["brand"]["@type"], "Organization");
    assert_eq!(p["brand"]["name"], producer.name.as_str());
    assert_eq!(p["manufacturer"], p["brand"]);
    assert!(p.get("aggregateRating").is_none() && p.get("review").is_none());
    let offer = &p["offers"];
    assert_eq!(offer["@type"], "AggregateOffer");
    assert_eq!(offer["priceCurrency"], "VND");
    assert_eq!(offer["lowPrice"], 350_000);
    assert_eq!(offer["highPrice"], 400_000);
    assert_eq!(offer["validFrom"], "2024-05");
    assert_eq!(offer["priceSpecification"]["unitText"], "kg");

    let crumbs = &h.json_ld[1];
    assert_eq!(crumbs["@type"], "BreadcrumbList");
    let items = crumbs["itemListElement"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["name"], "Home");
    assert_eq!(items[0]["item"], "https://ocop.example.org/en/");
    assert_eq!(items[1]["position"], 2);

    // One price: an Offer. No price: no offers. No stars stated: the award says so.
    let price = data.products[0].price.as_mut().unwrap();
    price.max_vnd = price.min_vnd;
    price.as_of = None;
    let p = &head(&data, &Page::Product(id.clone()), Lang::En).json_ld[0];
    assert_eq!(p["offers"]["@type"], "Offer");
    assert_eq!(p["offers"]["price"], 350_000);
    assert!(p["offers"].get("validFrom").is_none());
    data.products[0].price = None;
    data.products[0].rating.evidence = Evidence::OcopStated;
    let p = &head(&data, &Page::Product(id.clone()), Lang::En).json_ld[0];
    assert!(p.get("offers").is_none());
    assert_eq!(p["award"], "OCOP product (star rating not published)");
    data.products[0].rating.evidence = Evidence::Unconfirmed;
    let p = &head(&data, &Page::Product(id), Lang::En).json_ld[0];
    assert!(p.get("award").is_none());
}

#[test]
fn places_and_routes_have_their_schema_types() {
    let mut data = bundled();
    let spot = data.spots[0].id.clone();
    let h = head(&data, &Page::Spot(spot.clone()), Lang::Vi);
    assert_eq!(h.json_ld[0]["@type"], "TouristAttraction");
    assert_eq!(h.json_ld[0]["address"]["addressCountry"], "VN");
    let crumbs = h.json_ld[1]["itemListElement"].as_array().unwrap();
    assert_eq!(crumbs.len(), 3);
    assert_eq!(crumbs[1]["item"], "https://ocop.example.org/map/");
    // Estimated coordinates are not published as facts; sourced ones are.
    data.spots[0].coordinates.precision = crate::model::Precision::Approximate;
    assert!(head(&data, &Page::Spot(spot.clone()), Lang::Vi).json_ld[0]
        .get("geo")
        .is_none());
    data.spots[0].coordinates.precision = crate::model::Precision::Exact;
    let geo = &head(&data, &Page::Spot(spot), Lang::Vi).json_ld[0]["geo"];
    assert_eq!(geo["@type"], "GeoCoordinates");
    assert_eq!(geo["latitude"], data.spots[0].coordinates.lat);

    let point = &data.sales_points[0];
    let h = head(&data, &Page::SalesPoint(point.id.clone()), Lang::En);
    assert_eq!(h.json_ld[0]["@type"], "Store");
    if let Some(address) = &point.address {
        assert_eq!(h.json_ld[0]["address"]["streetAddress"], address.as_str());
    }

    let route = &data.routes[0];
    let h = head(&data, &Page::Route(route.id.clone()), Lang::En);
    let trip = &h.json_ld[0];
    assert_eq!(trip["@type"], "TouristTrip");
    let stops = trip["itinerary"]["itemListElement"].as_array().unwrap();
    assert_eq!(stops.len(), route.stops.len());
    assert_eq!(trip["itinerary"]["numberOfItems"], route.stops.len());
    assert_eq!(stops[0]["position"], 1);
    assert!(stops[0]["item"]["url"]
        .as_str()
        .unwrap()
        .starts_with("https://ocop.example.org/en/"));
    let crumbs = h.json_ld[1]["itemListElement"].as_array().unwrap();
    assert_eq!(crumbs[1]["item"], "https://ocop.example.org/en/routes/");
    assert!(h.description.contains("stops:"), "{}", h.description);
}

#[test]
fn place_descriptions_say_what_is_there() {
    let mut data = bundled();
    // Since the data audit (issue 18) no bundled product names a sales point: add one link.
    let first_point = data.sales_points[0].id.clone();
    data.products[0].where_to_buy.sales_points.push(first_point);
    let spot = data
        .spots
        .iter()
        .find(|s| !s.products.is_empty() && !s.season_months.is_empty())
        .unwrap();
    let d = head(&data, &Page::Spot(spot.id.clone()), Lang::En).description;
    assert!(d.starts_with(&format!("{}: ", spot.name.get(Lang::En))), "{d}");
    assert!(d.contains("Made or sold here: "), "{d}");
    let point = data
        .sales_points
        .iter()
        .find(|s| {
            data.products
                .iter()
                .any(|p| p.where_to_buy.sales_points.contains(&s.id))
        })
        .unwrap();
    let d = head(&data, &Page::SalesPoint(point.id.clone()), Lang::Vi).description;
    assert!(d.contains("Có bán: "), "{d}");
}

#[test]
fn catalog_is_a_website() {
    let data = bundled();
    let h = head(&data, &Page::Catalog, Lang::Zh);
    assert_eq!(h.json_ld.len(), 1);
    assert_eq!(h.json_ld[0]["@type"], "WebSite");
    assert_eq!(h.json_ld[0]["inLanguage"], "zh");
    assert_eq!(h.json_ld[0]["url"], "https://ocop.example.org/zh/");
    assert_eq!(h.site_name, "广宁省 OCOP");
}

#[test]
fn to_html_escapes_attributes_and_script_content() {
    let mut data = bundled();
    let id = full_product(&mut data);
    data.products[0].name = LocalText::vi("\"><script>alert(1)</script> & 'x' </script><!--");
    let h = head(&data, &Page::Product(id), Lang::Vi);
    let html = h.to_html();
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(html.contains("content=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39;"));
    // The only `</script` are the JSON-LD blocks' own ends; no `<!--` at all.
    assert_eq!(html.matches("</script").count(), h.json_ld.len());
    assert!(!html.contains("<!--"));
    // And the JSON still says the same.
    let start = html.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let end = start + html[start..].find("</script>").unwrap();
    let parsed: Value = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(parsed, h.json_ld[0]);
}

#[test]
fn lists_of_names() {
    assert_eq!(some_names(&["A", "B", "C", "D"], Lang::En), "A, B, C, D");
    assert_eq!(
        some_names(&["A", "B", "C", "D", "E"], Lang::En),
        "A, B, C and 2 more"
    );
    assert_eq!(
        some_names(&["A", "B", "C", "D", "E"], Lang::Vi),
        "A, B, C và 2 sản phẩm khác"
    );
    assert_eq!(
        some_names(&["A", "B", "C", "D", "E"], Lang::Zh),
        "A、B、C等5种产品"
    );
    assert_eq!(some_names(&["A", "B"], Lang::Zh), "A、B");
    assert_eq!(lower_first("Eco-tourism"), "eco-tourism");
    assert_eq!(lower_first("OCOP shop"), "OCOP shop");
    assert_eq!(lower_first("生态旅游"), "生态旅游");
}

#[test]
fn clip_cuts_at_words_and_marks_the_cut() {
    assert_eq!(clip("short  text\n here", 155), "short text here");
    assert_eq!(clip("one two three four", 12), "one two…");
    assert_eq!(clip("one two three four", 14), "one two three…");
    assert_eq!(clip("one, two, three", 11), "one, two…");
    assert_eq!(clip("abcdefghijklmnop", 8), "abcdefg…");
    assert_eq!(
        clip("下龙湾：生态旅游，下龙市。当地生产或出售", 12),
        "下龙湾：生态旅游…"
    );
    assert_eq!(clip("x", 0), "");
    assert_eq!(clip("!A", 1), "…");
}

proptest! {
    #[test]
    fn clip_keeps_a_prefix_within_the_limit(text in any::<String>(), max in 1usize..200) {
        let normal = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let out = clip(&text, max);
        prop_assert!(out.chars().count() <= max);
        if normal.chars().count() <= max {
            prop_assert_eq!(out, normal);
        } else {
            let kept = out.strip_suffix('…').expect("marked");
            prop_assert!(normal.starts_with(kept));
            prop_assert!(!kept.is_empty() || max == 1);
        }
    }

    #[test]
    fn descriptions_of_any_text_stay_within_the_limit(
        name in any::<String>(),
        description in any::<String>(),
        lang in prop::sample::select(Lang::ALL.to_vec()),
    ) {
        let mut data = bundled();
        data.products[0].name = LocalText { vi: name.clone(), en: Some(name.clone()), zh: Some(name) };
        data.products[0].description = Some(Box::new(LocalText::vi(description)));
        let id = data.products[0].id.clone();
        let h = page_head(&data, &Page::Product(id), lang, &site()).unwrap();
        prop_assert!(h.description.chars().count() <= DESCRIPTION_MAX);
        let html = h.to_html();
        prop_assert_eq!(html.matches("</script").count(), h.json_ld.len());
        prop_assert_eq!(html.matches("<script").count(), h.json_ld.len());
    }
}
