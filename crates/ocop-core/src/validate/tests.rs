use super::*;
use serde_json::json;

/// A small dataset that passes every rule; each test breaks one thing in it.
fn good() -> Value {
    json!({
        "schema_version": "1.0",
        "meta": {
            "dataset_version": "test.1",
            "generated_on": "2026-11-30",
            "title": { "vi": "Dữ liệu thử", "en": "Test data" },
            "licence": "CC BY 4.0",
            "attribution": ["Natural Earth"],
            "sources": [{ "title": "Bảo Quảng Ninh", "url": "https://baoquangninh.vn/" }]
        },
        "products": [
            {
                "id": "tra-hoa-vang-ba-che",
                "name": { "vi": "Trà hoa vàng Ba Chẽ", "en": "Ba Che golden camellia tea" },
                "group": "beverage",
                "subcategory": "tea",
                "rating": { "evidence": "star_stated", "stars": 5, "level": "national",
                            "year_rated": 2024, "valid_until": "2028-01" },
                "producer": "dap-thanh",
                "locality": { "district": "ba-che", "commune": "xã Đạp Thanh" },
                "where_to_buy": { "sales_points": ["ocop-ha-long"],
                                  "online": [{ "channel": "provincial_exchange", "url": "http://teqni.gov.vn" }] },
                "price": { "min_vnd": 12000000, "max_vnd": 15000000, "unit": "kg", "kind": "producer",
                           "source_url": "https://nongnghiep.vn/x" },
                "season_months": [11, 12, 1],
                "sources": ["https://nongnghiep.vn/x"]
            },
            {
                "id": "cha-muc",
                "name": { "vi": "Chả mực" },
                "group": "food",
                "subcategory": "seafood",
                "rating": { "evidence": "ocop_stated" },
                "sources": ["seed:ket-noi-quang-ba-ocop-quang-ninh-2023"]
            }
        ],
        "producers": [
            { "id": "dap-thanh", "name": "Công ty CP Kinh doanh Lâm sản Đạp Thanh", "type": "company",
              "sources": ["https://nongnghiep.vn/x"] }
        ],
        "spots": [
            { "id": "doi-tra-dap-thanh", "name": { "vi": "Đồi trà hoa vàng Đạp Thanh" }, "kind": "farm",
              "coordinates": { "lat": 21.3, "lon": 107.14, "precision": "approximate" },
              "access": "road", "products": ["tra-hoa-vang-ba-che"],
              "events": [{ "name": { "vi": "Lễ hội" }, "when": { "vi": "Tháng 12" }, "months": [12],
                           "start": "2018-01-05", "end": "2018-01-07" }],
              "sources": ["https://nongnghiep.vn/x"] }
        ],
        "sales_points": [
            { "id": "ocop-ha-long", "name": { "vi": "Trung tâm OCOP Hạ Long" }, "kind": "ocop_centre",
              "coordinates": { "lat": 20.98, "lon": 106.995, "precision": "approximate" },
              "sources": ["https://vietnamnet.vn/x"] }
        ],
        "routes": [
            { "id": "ba-che-tea", "name": { "vi": "Trà hoa vàng" }, "theme": { "vi": "Trà" },
              "stops": [{ "spot": "doi-tra-dap-thanh" }, { "sales_point": "ocop-ha-long", "note": { "vi": "Mua quà" } }],
              "best_months": [12, 1] }
        ]
    })
}

fn check(value: &Value) -> Result<Validated, LoadError> {
    parse_and_validate(&value.to_string(), &Limits::default())
}

fn only_issue(v: &Validated) -> &Issue {
    assert_eq!(
        v.issues.len(),
        1,
        "expected exactly one issue, got {:#?}",
        v.issues
    );
    &v.issues[0]
}

#[test]
fn good_dataset_passes_without_issues() {
    let v = check(&good()).unwrap();
    assert!(v.issues.is_empty(), "{:#?}", v.issues);
    let c = v.dataset.counts();
    assert_eq!(
        (c.products, c.producers, c.spots, c.sales_points, c.routes),
        (2, 1, 1, 1, 1)
    );
    let route = &v.dataset.routes[0];
    assert_eq!(route.stops[0].place, StopRef::Spot("doi-tra-dap-thanh".into()));
    assert_eq!(route.stops[1].place, StopRef::SalesPoint("ocop-ha-long".into()));
    assert!(v.dataset.products[0].rating.is_national());
    assert!(!v.dataset.products[1].rating.is_national());
}

#[test]
fn round_trips_through_serialisation() {
    let v = check(&good()).unwrap();
    let again = check(&serde_json::to_value(&v.dataset).unwrap()).unwrap();
    assert_eq!(again.dataset, v.dataset);
}

#[test]
fn malformed_record_is_dropped_with_its_field_path() {
    let mut d = good();
    d["products"][1]["rating"]["stars"] = json!("four");
    let v = check(&d).unwrap();
    let issue = only_issue(&v);
    assert_eq!(issue.path, "$.products[1].rating.stars");
    assert!(matches!(issue.problem, Problem::Malformed { .. }));
    assert_eq!(issue.action, Action::DroppedRecord);
    assert_eq!(v.dataset.products.len(), 1);
}

#[test]
fn missing_required_field_is_reported() {
    let mut d = good();
    d["products"][1].as_object_mut().unwrap().remove("group");
    let v = check(&d).unwrap();
    let issue = only_issue(&v);
    assert_eq!(issue.path, "$.products[1]");
    assert!(issue.problem.to_string().contains("group"), "{}", issue.problem);
}

#[test]
fn unknown_enum_value_is_reported() {
    let mut d = good();
    d["spots"][0]["kind"] = json!("casino");
    let v = check(&d).unwrap();
    // The spot goes, and the route stop that pointed at it with it.
    assert_eq!(v.issues[0].path, "$.spots[0].kind");
    assert!(v.dataset.spots.is_empty());
    assert!(v.issues.iter().any(|i| matches!(
        &i.problem,
        Problem::BrokenReference {
            target: Target::Spot,
            ..
        }
    )));
}

#[test]
fn star_rules() {
    let cases = [
        (
            json!({ "evidence": "star_stated", "stars": 6 }),
            "$.products[1].rating.stars",
        ),
        (
            json!({ "evidence": "star_stated", "stars": 2 }),
            "$.products[1].rating.stars",
        ),
        (
            json!({ "evidence": "ocop_stated", "stars": 4 }),
            "$.products[1].rating.evidence",
        ),
        (
            json!({ "evidence": "unconfirmed", "stars": 3 }),
            "$.products[1].rating.evidence",
        ),
        (json!({ "evidence": "star_stated" }), "$.products[1].rating.stars"),
        (
            json!({ "evidence": "star_stated", "stars": 4, "level": "national" }),
            "$.products[1].rating.level",
        ),
        (
            json!({ "evidence": "star_stated", "stars": 4, "year_rated": 1999 }),
            "$.products[1].rating.year_rated",
        ),
        (
            json!({ "evidence": "star_stated", "stars": 4, "valid_until": "2026-13" }),
            "$.products[1].rating.valid_until",
        ),
    ];
    for (rating, path) in cases {
        let mut d = good();
        d["products"][1]["rating"] = rating.clone();
        let v = check(&d).unwrap();
        assert_eq!(only_issue(&v).path, path, "rating {rating}");
        assert_eq!(v.dataset.products.len(), 1, "rating {rating}");
    }
}

#[test]
fn bad_months_coordinates_dates_and_sources_drop_the_record() {
    let cases: [(&str, Value, &str); 7] = [
        (
            "/products/0/season_months",
            json!([0, 5]),
            "$.products[0].season_months[0]",
        ),
        ("/spots/0/coordinates/lat", json!(10.8), "$.spots[0].coordinates"),
        (
            "/spots/0/events/0/start",
            json!("5/1/2018"),
            "$.spots[0].events[0].start",
        ),
        ("/products/1/sources", json!([]), "$.products[1].sources"),
        (
            "/products/1/sources",
            json!(["javascript:alert(1)"]),
            "$.products[1].sources[0]",
        ),
        (
            "/sales_points/0/sources",
            json!(["ftp://x.example/y"]),
            "$.sales_points[0].sources[0]",
        ),
        ("/routes/0/best_months", json!([13]), "$.routes[0].best_months[0]"),
    ];
    for (pointer, value, path) in cases {
        let mut d = good();
        *d.pointer_mut(pointer).unwrap() = value;
        let v = check(&d).unwrap();
        let dropped: Vec<_> = v
            .issues
            .iter()
            .filter(|i| i.action == Action::DroppedRecord)
            .collect();
        assert_eq!(dropped.len(), 1, "{pointer}: {:#?}", v.issues);
        assert_eq!(dropped[0].path, path, "{pointer}");
    }
}

#[test]
fn unsafe_link_and_unsourced_price_are_removed_but_product_kept() {
    let mut d = good();
    d["products"][0]["where_to_buy"]["online"][0]["url"] = json!("javascript:alert(document.cookie)");
    d["products"][0]["price"]["min_vnd"] = json!(20000000);
    let v = check(&d).unwrap();
    assert_eq!(v.dataset.products.len(), 2);
    let p = &v.dataset.products[0];
    assert!(p.where_to_buy.online.is_empty());
    assert!(p.price.is_none());
    assert!(
        v.issues.iter().all(|i| i.action == Action::RemovedValue),
        "{:#?}",
        v.issues
    );
    assert_eq!(v.issues.len(), 2);
}

#[test]
fn bad_and_duplicate_ids_are_dropped() {
    let mut d = good();
    d["products"][1]["id"] = json!("Chả-Mực");
    let v = check(&d).unwrap();
    assert!(matches!(only_issue(&v).problem, Problem::BadId { .. }));

    let mut d = good();
    d["products"][1]["id"] = json!("tra-hoa-vang-ba-che");
    let v = check(&d).unwrap();
    assert_eq!(only_issue(&v).path, "$.products[1].id");
    assert!(matches!(only_issue(&v).problem, Problem::DuplicateId { .. }));
}

#[test]
fn broken_references_are_removed_and_reported() {
    let mut d = good();
    d["products"][0]["producer"] = json!("nobody");
    d["products"][0]["where_to_buy"]["sales_points"] = json!(["ocop-ha-long", "nowhere"]);
    d["spots"][0]["products"] = json!(["tra-hoa-vang-ba-che", "ghost"]);
    d["routes"][0]["stops"][1] = json!({ "sales_point": "closed-shop" });
    let v = check(&d).unwrap();
    let paths: Vec<&str> = v.issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "$.products[id=tra-hoa-vang-ba-che].producer",
            "$.products[id=tra-hoa-vang-ba-che].where_to_buy.sales_points[1]",
            "$.spots[id=doi-tra-dap-thanh].products[1]",
            "$.routes[id=ba-che-tea].stops[1]",
        ]
    );
    assert!(v.issues.iter().all(|i| i.action == Action::RemovedValue));
    let p = &v.dataset.products[0];
    assert_eq!(p.producer, None);
    assert_eq!(p.where_to_buy.sales_points, ["ocop-ha-long"]);
    assert_eq!(v.dataset.spots[0].products, ["tra-hoa-vang-ba-che"]);
    assert_eq!(v.dataset.routes[0].stops.len(), 1);
}

#[test]
fn route_left_without_stops_is_dropped() {
    let mut d = good();
    d["routes"][0]["stops"] = json!([{ "spot": "ghost" }]);
    let v = check(&d).unwrap();
    assert!(v.dataset.routes.is_empty());
    assert_eq!(v.dropped_records(), 1);
}

#[test]
fn unknown_district_and_subcategory_are_warnings() {
    let mut d = good();
    d["products"][0]["locality"]["district"] = json!("atlantis");
    d["products"][1]["subcategory"] = json!("spaceship");
    let v = check(&d).unwrap();
    assert_eq!(v.dataset.products.len(), 2);
    assert_eq!(v.dataset.products[0].locality.district, None);
    assert_eq!(v.issues.len(), 2);
    assert_eq!(v.issues[1].action, Action::Kept);
}

#[test]
fn unknown_major_schema_version_is_refused() {
    let mut d = good();
    d["schema_version"] = json!("2.0");
    assert_eq!(
        check(&d).unwrap_err(),
        LoadError::UnsupportedSchema { found: "2.0".into() }
    );
    d["schema_version"] = json!("1.7");
    assert!(
        check(&d).is_ok(),
        "a newer minor version only adds optional fields"
    );
    d.as_object_mut().unwrap().remove("schema_version");
    assert_eq!(check(&d).unwrap_err(), LoadError::MissingSchemaVersion);
}

#[test]
fn truncated_json_is_detected() {
    let text = good().to_string();
    let cut = &text[..text.len() / 2];
    assert_eq!(
        parse_and_validate(cut, &Limits::default()).unwrap_err(),
        LoadError::Truncated
    );
}

#[test]
fn garbage_is_not_json() {
    let err = parse_and_validate("<html>502 Bad Gateway</html>", &Limits::default()).unwrap_err();
    assert!(
        matches!(
            err,
            LoadError::NotJson {
                line: 1,
                column: 1,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        parse_and_validate("[1,2]", &Limits::default()).unwrap_err(),
        LoadError::NotAnObject
    );
}

#[test]
fn a_broken_document_is_reported_as_broken_whatever_its_top_level() {
    let load = |text: &str| parse_and_validate(text, &Limits::default()).unwrap_err();
    assert_eq!(load("[1,2"), LoadError::Truncated);
    assert_eq!(load("  \n\"just text\""), LoadError::NotAnObject);
    assert!(matches!(
        load(r#"{"schema_version": "1.0"} trailing"#),
        LoadError::NotJson { line: 1, .. }
    ));
}

#[test]
fn oversized_file_is_refused_before_parsing() {
    let text = good().to_string();
    let limits = Limits {
        max_bytes: text.len() - 1,
        ..Limits::default()
    };
    assert!(matches!(
        parse_and_validate(&text, &limits),
        Err(LoadError::TooLarge { .. })
    ));
}

#[test]
fn too_many_records_is_refused() {
    let limits = Limits {
        max_records: 1,
        ..Limits::default()
    };
    let err = parse_and_validate(&good().to_string(), &limits).unwrap_err();
    assert_eq!(
        err,
        LoadError::TooManyRecords {
            collection: "products".into(),
            count: 2,
            limit: 1
        }
    );
}

#[test]
fn overlong_string_drops_the_record() {
    let mut d = good();
    d["products"][1]["name"]["vi"] = json!("á".repeat(2_001));
    let v = check(&d).unwrap();
    assert_eq!(only_issue(&v).path, "$.products[1].name.vi");
    assert_eq!(
        only_issue(&v).problem,
        Problem::StringTooLong {
            chars: 2_001,
            limit: 2_000
        }
    );
}

#[test]
fn a_huge_list_inside_a_record_drops_only_that_record() {
    let mut d = good();
    d["products"][1]["sources"] = json!(vec!["https://example.org/s"; 501]);
    let v = check(&d).unwrap();
    assert_eq!(only_issue(&v).path, "$.products[1].sources");
    assert_eq!(
        only_issue(&v).problem,
        Problem::ListTooLong {
            items: 501,
            limit: 500
        }
    );
    assert_eq!(v.dataset.products.len(), 1, "the other product is kept");
}

#[test]
fn a_huge_list_in_meta_is_refused_with_its_path() {
    let mut d = good();
    d["meta"]["sources"] = json!(vec![0; 501]);
    match check(&d) {
        Err(LoadError::InvalidMeta { path, message }) => {
            assert_eq!(path, "$.meta.sources");
            assert_eq!(message, "list of 501 items, over the limit of 500");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn invalid_meta_is_fatal_with_path() {
    let mut d = good();
    d["meta"]["title"] = json!(42);
    match check(&d).unwrap_err() {
        LoadError::InvalidMeta { path, .. } => assert_eq!(path, "$.meta.title"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn dataset_with_no_valid_product_is_refused() {
    let mut d = good();
    d["products"] = json!([{ "id": "x" }, "not an object"]);
    assert_eq!(check(&d).unwrap_err(), LoadError::NoProducts);
}

#[test]
fn collection_of_wrong_type_is_reported() {
    let mut d = good();
    d["routes"] = json!({ "oops": true });
    let v = check(&d).unwrap();
    assert_eq!(only_issue(&v).path, "$.routes");
    assert!(v.dataset.routes.is_empty());
}

#[test]
fn ids_must_be_slugs() {
    for ok in ["a", "tra-hoa-vang", "ocop-2024"] {
        assert!(is_valid_id(ok), "{ok}");
    }
    for bad in ["", "-a", "a-", "a--b", "Tra", "trà", "a b", &"a".repeat(65)] {
        assert!(!is_valid_id(bad), "{bad}");
    }
}

#[test]
fn date_shapes() {
    assert!(is_iso_date("2026-02-06"));
    assert!(!is_iso_date("2026-2-6"));
    assert!(!is_iso_date("2026-02-32"));
    assert!(is_year_month("2028-01"));
    assert!(!is_year_month("2028-00"));
    assert!(is_partial_date("2024"));
    assert!(!is_partial_date("24"));
}

#[test]
fn a_file_cut_inside_a_number_is_truncated_not_garbage() {
    let text = good().to_string();
    let cut = text.find("\"lat\":").unwrap() + "\"lat\":20.".len();
    assert_eq!(
        parse_and_validate(&text[..cut], &Limits::default()).unwrap_err(),
        LoadError::Truncated
    );
}

#[test]
fn lone_surrogate_escapes_are_reported_where_they_are() {
    // Found by fuzzing: slices accept `\ud800`, decoded text cannot hold it.
    assert!(matches!(
        parse_and_validate(r#"{"\ud800": 1}"#, &Limits::default()),
        Err(LoadError::NotJson { .. })
    ));
    let mut d = good().to_string();
    d = d.replacen("\"Dữ liệu thử\"", r#""\ud800""#, 1);
    assert!(matches!(
        parse_and_validate(&d, &Limits::default()),
        Err(LoadError::InvalidMeta { ref path, .. }) if path == "$.meta"
    ));
    let broken = good()
        .to_string()
        .replacen("\"Trà hoa vàng Ba Chẽ\"", r#""\ud800""#, 1);
    let v = parse_and_validate(&broken, &Limits::default()).unwrap();
    assert_eq!(v.issues[0].path, "$.products[0]");
    assert!(matches!(v.issues[0].problem, Problem::Malformed { .. }));
    assert_eq!(v.issues[0].action, Action::DroppedRecord);
}

#[test]
fn an_overlong_schema_version_is_cut_in_the_message() {
    let mut d = good();
    d["schema_version"] = json!(format!("9{}", "0".repeat(3000)));
    match check(&d) {
        Err(LoadError::UnsupportedSchema { found }) => assert_eq!(found.chars().count(), 21),
        other => panic!("{other:?}"),
    }
}

/// A pace that really pauses before every second record (its future is pending once), as
/// the browser's does when a slice has run long enough, and records what it was told.
struct Pausing {
    told: Vec<(usize, usize)>,
}

impl crate::pace::Pace for Pausing {
    async fn pause(&mut self, done: usize, total: usize) {
        self.told.push((done, total));
        if !done.is_multiple_of(2) {
            let mut waited = false;
            std::future::poll_fn(|cx| {
                if waited {
                    std::task::Poll::Ready(())
                } else {
                    waited = true;
                    cx.waker().wake_by_ref();
                    std::task::Poll::Pending
                }
            })
            .await;
        }
    }
}

#[test]
fn paced_reading_pauses_between_records_tells_progress_and_gives_the_same_result() {
    let mut data = good();
    data["products"][1]["rating"]["stars"] = json!(6); // one record dropped on the way
    let text = data.to_string();
    let records = ["products", "producers", "spots", "sales_points", "routes"]
        .iter()
        .map(|c| data[c].as_array().map_or(0, Vec::len))
        .sum::<usize>();

    let mut pace = Pausing { told: Vec::new() };
    let paced = futures::executor::block_on(parse_and_validate_paced(&text, &Limits::default(), &mut pace));
    let unpaced = parse_and_validate(&text, &Limits::default());

    assert_eq!(paced, unpaced, "pausing changes nothing in the result");
    assert_eq!(pace.told.len(), records, "asked once before each record");
    for (done, total) in &pace.told {
        assert_eq!(*total, text.len(), "progress is told in bytes of the file");
        assert!(text[*done..].starts_with('{'), "asked where a record starts");
    }
    assert!(
        pace.told.windows(2).all(|w| w[0].0 < w[1].0),
        "progress only grows"
    );
}

/// The same file given in pieces: every way of cutting it gives what the whole gives.
fn in_pieces(text: &str, cuts: &[usize], limits: &Limits) -> Result<Validated, LoadError> {
    let mut reader = DatasetReader::new(*limits, 0);
    let mut from = 0;
    let mut ends: Vec<usize> = cuts.iter().map(|c| c % (text.len() + 1)).collect();
    ends.sort_unstable();
    ends.push(text.len());
    for end in ends {
        let piece = &text.as_bytes()[from..end];
        from = end;
        crate::pace::run_unpaced(reader.feed(piece, &mut crate::pace::Unpaced))?;
    }
    reader.finish()
}

#[test]
fn a_file_read_in_pieces_gives_what_the_whole_gives() {
    let mut data = good();
    data["products"][1]["rating"]["stars"] = json!(6);
    data["products"][0]["name"]["vi"] = json!("Chả mực \"Hạ Long\" [đặc sản] {1}");
    let text = serde_json::to_string_pretty(&data).unwrap();
    let whole = parse_and_validate(&text, &Limits::default());
    assert!(whole.is_ok());
    // Every single cut (a multi-byte letter cut in two included), then every third byte.
    for cut in 0..=text.len() {
        assert_eq!(
            in_pieces(&text, &[cut], &Limits::default()),
            whole,
            "cut at {cut}"
        );
    }
    let every_third: Vec<usize> = (0..text.len()).step_by(3).collect();
    assert_eq!(in_pieces(&text, &every_third, &Limits::default()), whole);
}

#[test]
fn a_repeated_key_counts_once_its_last_value() {
    let data = good();
    let products = data["products"].to_string();
    let mut text = data.to_string();
    // An earlier, broken list of products: the later list replaces it and its problems.
    text.insert_str(1, r#""products": [{"id": "Bad Id"}, 7], "meta": {"oops": 1}, "#);
    let repeated = parse_and_validate(&text, &Limits::default()).unwrap();
    let plain = parse_and_validate(&data.to_string(), &Limits::default()).unwrap();
    assert_eq!(repeated, plain, "{products}");
}

#[test]
fn syntax_errors_are_placed_by_line_and_column() {
    let load = |text: &str| parse_and_validate(text, &Limits::default()).unwrap_err();
    // Where serde_json, reading the whole text, places the same error.
    let at = |text: &str| match load(text) {
        LoadError::NotJson { line, column, .. } => {
            let e = serde_json::from_str::<Value>(text).unwrap_err();
            assert_eq!((line, column), (e.line(), e.column()), "{text}");
            (line, column)
        }
        other => panic!("{other:?}"),
    };
    // Between records, inside a record, and after the end, on later lines.
    assert_eq!(at("{\n \"products\": [{}\n  {}]}"), (3, 3));
    assert_eq!(at("{\n \"products\": [\n  {\"id\": tru}]}"), (3, 13));
    assert_eq!(at("{\"products\": []}\n\n x"), (3, 2));
    assert_eq!(at("{\"a\": 1,}"), (1, 9));
}

#[test]
fn whatever_follows_an_error_changes_nothing() {
    let mut reader = DatasetReader::new(Limits::default(), 0);
    let mut feed =
        |piece: &str| crate::pace::run_unpaced(reader.feed(piece.as_bytes(), &mut crate::pace::Unpaced));
    assert!(feed("{\"products\": [1 2").is_err());
    assert!(feed("]}").is_err(), "an error is final");
    assert!(matches!(reader.finish(), Err(LoadError::NotJson { .. })));
}

/// Format 1.1: a star figure a source only claims (a proposal, a figure for a group).
#[test]
fn a_claimed_rating_is_kept_only_beside_no_stars_and_with_its_source() {
    let claim =
        json!({ "stars": [3, 4], "kind": "group", "year": 2018, "source": "https://nongnghiep.vn/x" });
    let mut d = good();
    d["products"][1]["sources"] = json!(["https://nongnghiep.vn/x"]);
    d["products"][1]["rating"]["claimed"] = claim.clone();
    let v = check(&d).unwrap();
    assert!(v.issues.is_empty(), "{:#?}", v.issues);
    let kept = v.dataset.products[1].rating.claimed.as_deref().unwrap();
    assert_eq!(
        (kept.stars.as_slice(), kept.kind),
        ([3, 4].as_slice(), ClaimKind::Group)
    );
    assert_eq!(
        v.dataset.products[1].rating.stars, None,
        "a claim is never the rating"
    );

    let broken = |edit: &dyn Fn(&mut Value)| {
        let mut d = d.clone();
        edit(&mut d);
        let v = check(&d).unwrap();
        assert_eq!(v.dataset.products.len(), 2, "the product stays");
        assert_eq!(v.dataset.products[1].rating.claimed, None, "the claim goes");
        let issue = only_issue(&v).clone();
        assert_eq!(issue.action, Action::RemovedValue);
        issue
    };
    let issue = broken(&|d| d["products"][1]["rating"]["claimed"]["stars"] = json!([6]));
    assert_eq!(issue.path, "$.products[1].rating.claimed.stars");
    broken(&|d| d["products"][1]["rating"]["claimed"]["stars"] = json!([4, 3]));
    broken(&|d| d["products"][1]["rating"]["claimed"]["stars"] = json!([]));
    broken(&|d| d["products"][1]["rating"]["claimed"]["stars"] = json!([3, 4, 5]));
    let issue = broken(&|d| d["products"][1]["rating"]["claimed"]["source"] = json!("https://elsewhere.vn/"));
    assert!(matches!(issue.problem, Problem::ClaimSourceNotListed { .. }));
    let issue = broken(&|d| {
        d["products"][1]["rating"] =
            json!({ "evidence": "star_stated", "stars": 4, "claimed": claim.clone() })
    });
    assert_eq!(issue.problem, Problem::ClaimBesideRating);
}

#[test]
fn a_format_1_0_dataset_reads_as_1_1_with_the_new_fields_empty() {
    let v = check(&good()).unwrap();
    assert_eq!(v.dataset.schema_version, "1.0");
    assert_eq!(v.dataset.meta.coverage, None);
    assert!(v.dataset.meta.translated_by_project.is_empty());
    assert!(v.dataset.products.iter().all(|p| p.rating.claimed.is_none()));
    assert_eq!(v.dataset.coverage(), None);
}

#[test]
fn coverage_counts_rated_products_and_an_undated_total_is_removed() {
    let mut d = good();
    d["schema_version"] = json!("1.1");
    d["meta"]["coverage"] =
        json!({ "rated_total": 437, "as_of": "2025-06-30", "source": "https://baoquocte.vn/x" });
    let v = check(&d).unwrap();
    let summary = v.dataset.coverage().unwrap();
    assert_eq!((summary.listed, summary.rated, summary.others), (2, 1, 1));
    assert_eq!(summary.coverage.rated_total, 437);

    d["meta"]["coverage"]["as_of"] = json!("mid-2025");
    let v = check(&d).unwrap();
    assert_eq!(v.dataset.meta.coverage, None);
    assert_eq!(only_issue(&v).path, "$.meta.coverage.as_of");
    d["meta"]["coverage"]["as_of"] = json!("2025-06-30");
    d["meta"]["coverage"]["source"] = json!("javascript:alert(1)");
    let v = check(&d).unwrap();
    assert_eq!(only_issue(&v).path, "$.meta.coverage.source");
}

#[test]
fn images_without_attribution_or_size_are_left_out_and_the_record_stays() {
    let image = json!({
        "url": "https://upload.wikimedia.org/a.jpg", "width": 1200, "height": 800,
        "alt": { "vi": "Đồi chè", "en": "Tea hills" }, "author": "A. Photographer",
        "licence": "CC BY-SA 4.0", "source": "https://commons.wikimedia.org/wiki/File:A.jpg",
        "variants": [{ "url": "https://upload.wikimedia.org/a-480.jpg", "width": 480 }]
    });
    let mut d = good();
    d["products"][0]["images"] = json!([image.clone()]);
    d["spots"][0]["images"] = json!([image.clone()]);
    d["sales_points"][0]["images"] = json!([image.clone()]);
    let v = check(&d).unwrap();
    assert!(v.issues.is_empty(), "{:#?}", v.issues);
    assert_eq!(v.dataset.products[0].images[0].variants[0].width, 480);
    assert_eq!(v.dataset.spots[0].images.len(), 1);
    assert_eq!(v.dataset.sales_points[0].images.len(), 1);

    for (field, value) in [
        ("url", json!("javascript:alert(1)")),
        ("width", json!(0)),
        ("author", json!(" ")),
        ("licence", json!("")),
        ("source", json!("ftp://x")),
        ("alt", json!({ "vi": "" })),
        ("variants", json!([{ "url": "https://x/a.jpg", "width": 0 }])),
    ] {
        let mut bad = image.clone();
        bad[field] = value;
        let mut d = good();
        d["products"][0]["images"] = json!([bad, image.clone()]);
        let v = check(&d).unwrap();
        assert_eq!(v.dataset.products.len(), 2, "{field}: the product stays");
        assert_eq!(
            v.dataset.products[0].images.len(),
            1,
            "{field}: only the bad image goes"
        );
        let issue = only_issue(&v);
        assert_eq!(issue.path, "$.products[0].images[0]", "{field}");
        assert_eq!(issue.action, Action::RemovedValue);
    }
}
