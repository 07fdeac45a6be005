use super::template::{template_rows, TEMPLATE_IDS};
use super::*;
use crate::test_fixtures::bundled;
use crate::validate::{parse_and_validate, Limits};
use proptest::prelude::*;

fn t(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn options() -> ImportOptions<'static> {
    ImportOptions {
        base: None,
        keep_unlisted: false,
        dataset_version: "2026.12.03".into(),
        generated_on: "2026-12-03".into(),
    }
}

const HEADER: &[&str] = &[
    "Mã",
    "Tên sản phẩm",
    "Nhóm",
    "Phân nhóm",
    "Số sao",
    "Cấp",
    "Huyện/Thị xã/Thành phố",
    "Chủ thể",
    "Loại chủ thể",
    "Tháng mùa vụ",
    "Nguồn",
];

fn sheet(rows: &[&[&str]]) -> Sheet {
    let mut all = vec![HEADER.iter().map(|h| t(h)).collect::<Vec<_>>()];
    all.extend(rows.iter().map(|r| r.iter().map(|c| t(c)).collect()));
    Sheet {
        rows: all,
        merged: Vec::new(),
    }
}

/// The app's own validator on the imported dataset: the promise is "no issue at all".
fn assert_validates_cleanly(dataset: &Dataset) {
    let json = serde_json::to_string(dataset).unwrap();
    let v = parse_and_validate(&json, &Limits::default()).expect("the dataset loads");
    assert!(v.issues.is_empty(), "{:#?}", v.issues);
    assert_eq!(&v.dataset, dataset);
}

fn problems_of(report: &ImportReport, row: usize) -> Vec<(String, Reason)> {
    report
        .refused
        .iter()
        .find(|r| r.row == row)
        .unwrap_or_else(|| panic!("row {row} was not refused: {report:#?}"))
        .problems
        .iter()
        .map(|p| (p.header.clone(), p.reason.clone()))
        .collect()
}

const SRC: &str = "https://baoquangninh.vn/a.html";

#[test]
fn a_good_row_becomes_a_valid_product_with_its_producer() {
    let s = sheet(&[&[
        "",
        "Chả mực Hạ Long",
        "Thực phẩm",
        "Hải sản",
        "4",
        "tỉnh",
        "TP Hạ Long",
        "Hộ kinh doanh Mạnh Hà",
        "",
        "10-12",
        SRC,
    ]]);
    let (dataset, report) = import(&s, &options());
    assert!(report.refused.is_empty(), "{report:#?}");
    let p = &dataset.products[0];
    assert_eq!(p.id, "cha-muc-ha-long");
    assert_eq!(p.rating.stars, Some(4));
    assert_eq!(p.rating.evidence, Evidence::StarStated);
    assert_eq!(p.rating.level, Some(Level::Provincial));
    assert_eq!(p.locality.district.as_deref(), Some("ha-long"));
    assert_eq!(p.season_months, vec![10, 11, 12]);
    assert_eq!(p.producer.as_deref(), Some("ho-kinh-doanh-manh-ha"));
    assert_eq!(dataset.producers[0].kind, ProducerType::Household);
    assert_eq!(dataset.producers[0].sources, vec![SRC.to_string()]);
    assert_validates_cleanly(&dataset);
}

#[test]
fn bad_rows_are_refused_with_row_column_and_reason_and_the_rest_kept() {
    let s = sheet(&[
        /* row 2 */
        &[
            "",
            "Chả mực",
            "Thực phẩm",
            "Hải sản",
            "4",
            "",
            "",
            "",
            "",
            "",
            SRC,
        ],
        /* row 3 */
        &[
            "",
            "Đồ chơi gỗ",
            "Đồ chơi",
            "Thủ công mỹ nghệ",
            "",
            "",
            "",
            "",
            "",
            "",
            SRC,
        ],
        /* row 4 */ &["", "Rượu", "Đồ uống", "Rượu", "6", "", "", "", "", "", SRC],
        /* row 5 */ &["", "", "Thực phẩm", "Hải sản", "", "", "", "", "", "", SRC],
        /* row 6 */ &["x-1", "Trà A", "Đồ uống", "Trà", "", "", "", "", "", "", SRC],
        /* row 7 */ &["x-1", "Trà B", "Đồ uống", "Trà", "", "", "", "", "", "", SRC],
        /* row 8 */
        &[
            "",
            "Nấm",
            "Thực phẩm",
            "Nấm",
            "",
            "",
            "",
            "",
            "",
            "",
            "htps//bad link",
        ],
        /* row 9 */
        &[
            "",
            "Mật ong",
            "Thực phẩm",
            "Mật ong",
            "3.5",
            "",
            "Hà Nội",
            "",
            "",
            "13",
            SRC,
        ],
        /* row 10 */ &["", "Hoa", "Thực phẩm", "Hoa", "2", "", "", "", "", "", SRC],
        /* row 11 */ &["", "Trứng", "Thực phẩm", "Trứng", "năm", "", "", "", "", "", SRC],
        /* row 12 */
        &[
            "",
            "Ngọc",
            "Lưu niệm",
            "Trang sức",
            "5",
            "tỉnh",
            "",
            "",
            "",
            "",
            SRC,
        ],
    ]);
    let (dataset, report) = import(&s, &options());
    let ids: Vec<&str> = dataset.products.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["cha-muc", "x-1"]);
    assert_eq!(report.accepted.len(), 2);
    assert_eq!(report.refused.len(), 9);
    assert_eq!(
        problems_of(&report, 3),
        [(
            "Nhóm".into(),
            Reason::UnknownGroup {
                value: "Đồ chơi".into()
            }
        )]
    );
    assert_eq!(
        problems_of(&report, 4),
        [("Số sao".into(), Reason::BadStars { value: "6".into() })]
    );
    assert_eq!(
        problems_of(&report, 5),
        [("Tên sản phẩm".into(), Reason::Missing)]
    );
    assert_eq!(
        problems_of(&report, 7),
        [(
            "Mã".into(),
            Reason::DuplicateId {
                id: "x-1".into(),
                first_row: 6
            }
        )]
    );
    assert!(matches!(&problems_of(&report, 8)[..], [(h, Reason::BrokenUrl { .. })] if h == "Nguồn"));
    // Every problem of a row, not just the first.
    let nine: Vec<String> = problems_of(&report, 9).into_iter().map(|p| p.0).collect();
    assert_eq!(nine, ["Số sao", "Huyện/Thị xã/Thành phố", "Tháng mùa vụ"]);
    assert!(matches!(problems_of(&report, 10)[0].1, Reason::BadStars { .. }));
    assert!(matches!(problems_of(&report, 11)[0].1, Reason::BadStars { .. }));
    assert_eq!(
        problems_of(&report, 12),
        [("Cấp".into(), Reason::FiveStarsNotNational)]
    );
    assert_validates_cleanly(&dataset);
    let md = report.to_markdown("bad.xlsx");
    assert!(md.contains("| 4 | E · Số sao (Stars) |"), "{md}");
    assert!(md.contains("không có trong 6 nhóm OCOP"), "{md}");
    assert!(md.contains("is not one of the six OCOP groups"), "{md}");
}

#[test]
fn formulas_errors_and_merged_cells_are_refused_not_guessed() {
    let mut s = sheet(&[
        /* row 2 */ &["", "Chả mực", "Thực phẩm", "Hải sản", "", "", "", "", "", "", SRC],
        /* row 3 */
        &[
            "",
            "Miến dong",
            "Thực phẩm",
            "Gạo, miến, bánh",
            "",
            "",
            "",
            "",
            "",
            "",
            SRC,
        ],
        /* row 4 */ &["", "Trà", "Đồ uống", "Trà", "", "", "", "", "", "", SRC],
        /* row 5 */ &["", "Rượu", "", "Rượu", "", "", "", "", "", "", SRC],
        /* row 6 */ &["", "Mật ong", "Thực phẩm", "Mật ong", "", "", "", "", "", "", SRC],
    ]);
    s.rows[1][4] = Cell::Formula("=3+1".into());
    s.rows[2][6] = Cell::Error("#N/A".into());
    // "Nhóm" merged down rows 4–5: row 5's group only exists because of the merge.
    s.merged.push(Merge {
        first_row: 3,
        last_row: 4,
        first_col: 2,
        last_col: 2,
    });
    let (dataset, report) = import(&s, &options());
    let ids: Vec<&str> = dataset.products.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["mat-ong"]);
    assert!(
        matches!(&problems_of(&report, 2)[..], [(h, Reason::Formula { formula })] if h == "Số sao" && formula == "=3+1")
    );
    assert!(matches!(&problems_of(&report, 3)[..], [(_, Reason::ErrorCell { error })] if error == "#N/A"));
    let merged = Reason::Merged {
        first_row: 4,
        last_row: 5,
    };
    assert!(problems_of(&report, 4).contains(&("Nhóm".into(), merged.clone())));
    assert!(problems_of(&report, 5).contains(&("Nhóm".into(), merged)));
    assert_validates_cleanly(&dataset);
}

#[test]
fn whole_file_problems_import_nothing() {
    let (_, report) = import(&Sheet::default(), &options());
    assert_eq!(report.fatal, Some(FileProblem::EmptySheet));
    assert!(report.to_markdown("x.csv").contains("the sheet is empty"));
    let blank = Sheet {
        rows: vec![vec![Cell::Empty, t("  ")], vec![]],
        merged: vec![],
    };
    assert_eq!(import(&blank, &options()).1.fatal, Some(FileProblem::EmptySheet));

    let no_sources = Sheet {
        rows: vec![
            vec![t("Tên sản phẩm"), t("Nhóm"), t("Phân nhóm")],
            vec![t("Chả mực"), t("Thực phẩm"), t("Hải sản")],
        ],
        merged: vec![],
    };
    let (dataset, report) = import(&no_sources, &options());
    assert_eq!(
        report.fatal,
        Some(FileProblem::MissingColumns {
            columns: vec![Col::Sources]
        })
    );
    assert!(dataset.products.is_empty() && report.accepted.is_empty());
    let md = report.to_markdown("x.csv");
    assert!(md.contains("\"Nguồn\" (Sources)"), "{md}");

    let twice = Sheet {
        rows: vec![vec![
            t("Tên sản phẩm"),
            t("Nhóm"),
            t("Phân nhóm"),
            t("Nguồn"),
            t("Nguon"),
        ]],
        merged: vec![],
    };
    assert!(matches!(
        import(&twice, &options()).1.fatal,
        Some(FileProblem::DuplicateColumn { .. })
    ));
}

#[test]
fn a_title_above_the_header_and_unknown_columns_are_noted() {
    let mut s = sheet(&[&["", "Chả mực", "Thực phẩm", "Hải sản", "", "", "", "", "", "", SRC]]);
    s.rows.insert(0, vec![t("DANH SÁCH SẢN PHẨM OCOP 2024")]);
    s.rows[1].push(t("Ghi chú"));
    s.rows[2].push(t("gọi trước"));
    let (dataset, report) = import(&s, &options());
    assert_eq!(dataset.products.len(), 1);
    assert_eq!(report.accepted[0].row, 3);
    assert!(report
        .notes
        .iter()
        .any(|n| n.note == Note::RowsAboveHeader { header_row: 2 }));
    assert!(report.notes.iter().any(|n| n.note
        == Note::UnknownColumn {
            header: "Ghi chú".into()
        }));
}

#[test]
fn generated_ids_are_deterministic_and_unique() {
    let s = sheet(&[
        &["", "Chả mực", "Thực phẩm", "Hải sản", "", "", "", "", "", "", SRC],
        &["", "Chả Mực", "Thực phẩm", "Hải sản", "", "", "", "", "", "", SRC],
        &["", "Trà", "Đồ uống", "Trà", "", "", "", "", "", "", SRC],
        // Row 5 writes the id row 4's name would make: row 4 must not take it.
        &["tra", "Trà khác", "Đồ uống", "Trà", "", "", "", "", "", "", SRC],
    ]);
    let (a, report) = import(&s, &options());
    let (b, _) = import(&s, &options());
    assert_eq!(a, b);
    let ids: Vec<&str> = a.products.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["cha-muc", "cha-muc-2", "tra-2", "tra"]);
    assert!(report.notes.iter().any(|n| n.note
        == Note::RepeatedName {
            id: "cha-muc-2".into(),
            first_row: 2
        }));
    assert_validates_cleanly(&a);
}

#[test]
fn numbers_dates_and_booleans_from_xlsx_cells() {
    let header = [
        "Tên sản phẩm",
        "Nhóm",
        "Phân nhóm",
        "Số sao",
        "Cấp",
        "Năm công nhận",
        "Hiệu lực đến",
        "Giá thấp nhất",
        "Đơn vị giá",
        "Loại giá",
        "Nguồn giá",
        "Thời điểm giá",
        "Truy xuất nguồn gốc",
        "Nguồn",
    ];
    let row = vec![
        t("Trà hoa vàng"),
        t("Đồ uống"),
        t("tea"),
        Cell::Number(5.0),
        t("quốc gia"),
        Cell::Number(2024.0),
        Cell::Date("2028-01-01".into()),
        t("12.000.000"),
        t("kg"),
        t("giá tại cơ sở"),
        t(SRC),
        Cell::Date("2024-05-17".into()),
        Cell::Bool(true),
        t(SRC),
    ];
    let s = Sheet {
        rows: vec![header.iter().map(|h| t(h)).collect(), row],
        merged: vec![],
    };
    let (dataset, report) = import(&s, &options());
    assert!(report.refused.is_empty(), "{report:#?}");
    let p = &dataset.products[0];
    assert_eq!(p.rating.year_rated, Some(2024));
    assert_eq!(p.rating.valid_until.as_deref(), Some("2028-01"));
    assert!(p.rating.is_national());
    let price = p.price.as_deref().unwrap();
    assert_eq!((price.min_vnd, price.max_vnd), (12_000_000, 12_000_000));
    assert_eq!(price.kind, PriceKind::Producer);
    assert_eq!(price.as_of.as_deref(), Some("2024-05-17"));
    assert_eq!(p.traceability, Some(true));
    assert_validates_cleanly(&dataset);
}

#[test]
fn a_price_needs_its_unit_kind_and_source() {
    let s = Sheet {
        rows: vec![
            [
                "Tên sản phẩm",
                "Nhóm",
                "Phân nhóm",
                "Giá thấp nhất",
                "Giá cao nhất",
                "Nguồn",
            ]
            .iter()
            .map(|h| t(h))
            .collect(),
            vec![
                t("Chả mực"),
                t("Thực phẩm"),
                t("Hải sản"),
                t("400000"),
                t("350000"),
                t(SRC),
            ],
            vec![
                t("Chả cá"),
                t("Thực phẩm"),
                t("Hải sản"),
                t("300000"),
                t(""),
                t(SRC),
            ],
        ],
        merged: vec![],
    };
    let (dataset, report) = import(&s, &options());
    assert!(dataset.products.is_empty());
    assert_eq!(
        problems_of(&report, 2),
        [(
            "Giá cao nhất".into(),
            Reason::PriceRange {
                min: 400_000,
                max: 350_000
            }
        )]
    );
    let missing: Vec<Reason> = problems_of(&report, 3).into_iter().map(|p| p.1).collect();
    assert_eq!(
        missing,
        [
            Reason::PriceNeeds {
                column: Col::PriceUnit
            },
            Reason::PriceNeeds {
                column: Col::PriceKind
            },
            Reason::PriceNeeds {
                column: Col::PriceSource
            }
        ]
    );
}

#[test]
fn the_template_imports_back_to_the_bundled_products() {
    let bundled = bundled();
    let rows = template_rows(&bundled).unwrap();
    let s = Sheet { rows, merged: vec![] };
    // Without a base: the products exactly, and producer records with the bundled names.
    let (dataset, report) = import(&s, &options());
    assert!(report.refused.is_empty() && report.fatal.is_none(), "{report:#?}");
    assert_eq!(dataset.products.len(), TEMPLATE_IDS.len());
    for p in &dataset.products {
        assert_eq!(Some(p), bundled.product(&p.id));
        if let Some(id) = &p.producer {
            let (ours, theirs) = (dataset.producer(id).unwrap(), bundled.producer(id).unwrap());
            assert_eq!((&ours.name, ours.kind), (&theirs.name, theirs.kind));
        }
    }
    assert_validates_cleanly(&dataset);

    // With the bundled dataset as base: everything else is kept, the products unchanged.
    let opts = ImportOptions {
        base: Some(&bundled),
        keep_unlisted: true,
        ..options()
    };
    let (merged, report) = import(&s, &opts);
    assert!(report.accepted.iter().all(|a| a.updated));
    assert_eq!(merged.products, bundled.products);
    assert_eq!(merged.producers, bundled.producers);
    assert_eq!(merged.spots, bundled.spots);
    assert_eq!(merged.meta.title, bundled.meta.title);
    assert_eq!(merged.meta.dataset_version, "2026.12.03");
    assert_validates_cleanly(&merged);
}

#[test]
fn with_a_base_the_sheet_is_the_product_list() {
    let bundled = bundled();
    let opts = ImportOptions {
        base: Some(&bundled),
        ..options()
    };
    let s = Sheet {
        rows: vec![
            [
                "Mã",
                "Tên sản phẩm",
                "Nhóm",
                "Phân nhóm",
                "Số sao",
                "Cấp",
                "Điểm bán",
                "Chủ thể",
                "Nguồn",
            ]
            .iter()
            .map(|h| t(h))
            .collect(),
            // Re-rated, sold at a base sales point named by its Vietnamese name.
            vec![
                t("muc-ong-co-to-kho"),
                t("Mực ống Cô Tô khô"),
                t("Thực phẩm"),
                t("Hải sản"),
                t("5"),
                t("quốc gia"),
                t(&bundled.sales_points[0].name.vi),
                t(""),
                t(SRC),
            ],
            // A typo in a base product's row: the base version stays.
            vec![
                t("tra-hoa-vang-ba-che"),
                t("Trà hoa vàng Ba Chẽ"),
                t("Đồ uống"),
                t("Trà"),
                t("7"),
                t("quốc gia"),
                t(""),
                t(""),
                t(SRC),
            ],
            // New, with a producer of the base named without tones.
            vec![
                t(""),
                t("Chè mới"),
                t("Đồ uống"),
                t("Trà"),
                t(""),
                t(""),
                t("no-such-point"),
                t("cong ty tnhh thuan quynh"),
                t(SRC),
            ],
        ],
        merged: vec![],
    };
    let (dataset, report) = import(&s, &opts);
    let ids: Vec<&str> = dataset.products.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["muc-ong-co-to-kho", "tra-hoa-vang-ba-che"]);
    assert!(dataset.products[0].rating.is_national());
    // Columns the sheet lacks keep their base values.
    let base_muc = bundled.product("muc-ong-co-to-kho").unwrap();
    assert_eq!(dataset.products[0].price, base_muc.price);
    assert_eq!(
        dataset.products[0].where_to_buy.sales_points,
        vec![bundled.sales_points[0].id.clone()]
    );
    assert_eq!(
        &dataset.products[1],
        bundled.product("tra-hoa-vang-ba-che").unwrap()
    );
    assert!(report.notes.iter().any(|n| n.note
        == Note::KeptPrevious {
            id: "tra-hoa-vang-ba-che".into()
        }));
    assert!(matches!(
        problems_of(&report, 4)[0].1,
        Reason::UnknownSalesPoint { .. }
    ));
    assert!(report.notes.iter().any(|n| n.note
        == Note::Removed {
            id: "ngoc-trai-akoya".into()
        }));
    assert_eq!(dataset.spots.len(), bundled.spots.len());
    assert!(dataset
        .spots
        .iter()
        .flat_map(|s| &s.products)
        .all(|id| ids.contains(&id.as_str())));
    assert_validates_cleanly(&dataset);
}

#[test]
fn column_letters_as_spreadsheets_show_them() {
    assert_eq!(column_letter(0), "A");
    assert_eq!(column_letter(25), "Z");
    assert_eq!(column_letter(26), "AA");
    assert_eq!(column_letter(27), "AB");
}

/// A cell: mostly a value that fits its column, sometimes a plausible mistake, sometimes
/// anything at all. Mistakes are rare enough that about half the rows are accepted: the
/// property is about what gets through.
fn cell_for(col: usize) -> BoxedStrategy<Cell> {
    let (good, bad): (Vec<&'static str>, Vec<&'static str>) = match HEADER[col] {
        "Mã" => (vec!["", "", "", "tra", "cha-muc", "a-1"], vec!["Bad Id", "-x"]),
        "Tên sản phẩm" => (
            vec!["Chả mực", "Trà", "Chả mực", "巴扯", "!!", "Miến dong"],
            vec![""],
        ),
        "Nhóm" => (
            vec!["Thực phẩm", "Đồ uống", "herbal", "souvenir"],
            vec!["Đồ chơi"],
        ),
        "Phân nhóm" => (
            vec!["Hải sản", "tea", "Trà", "Gạo, miến, bánh"],
            vec!["spice", "Gia vị", ""],
        ),
        "Số sao" => (vec!["", "3", "4", "5", "4 sao"], vec!["6", "3.5", "2", "0"]),
        "Cấp" => (vec!["", "tỉnh", "quốc gia", "quoc gia"], vec!["huyện"]),
        "Huyện/Thị xã/Thành phố" => (vec!["", "Ba Chẽ", "TP Hạ Long", "Hoành Bồ"], vec!["Hà Nội"]),
        "Chủ thể" => (vec!["", "Công ty A", "HTX B", "Hộ kinh doanh D"], vec!["Cơ sở C"]),
        "Loại chủ thể" => (vec!["", "", "công ty", "hộ"], vec!["xyz"]),
        "Tháng mùa vụ" => (vec!["", "10-12", "11-1", "1,2,3"], vec!["13", "0"]),
        _ => (
            vec![SRC, "https://a.vn/x\nhttps://b.vn/y", "seed:bai-viet"],
            vec!["", "ftp://x", "https:// x"],
        ),
    };
    let good: Vec<Cell> = good.into_iter().map(t).collect();
    let bad: Vec<Cell> = bad.into_iter().map(t).collect();
    prop_oneof![
        40 => proptest::sample::select(good),
        1 => proptest::sample::select(bad),
        1 => any::<String>().prop_map(Cell::Text),
        1 => prop_oneof![
            any::<f64>().prop_map(Cell::Number),
            Just(Cell::Empty),
            any::<bool>().prop_map(Cell::Bool),
            Just(Cell::Date("2024-05-01".into())),
            Just(Cell::Formula("=A1".into())),
            Just(Cell::Error("#REF!".into())),
        ],
    ]
    .boxed()
}

fn row_strategy() -> impl Strategy<Value = Vec<Cell>> {
    (0..HEADER.len()).map(cell_for).collect::<Vec<_>>()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Whatever the cells hold, the import does not panic, and whatever it accepts the
    /// app's validator accepts with no issue at all (not even a warning).
    #[test]
    fn what_the_import_accepts_the_app_accepts(
        rows in proptest::collection::vec(row_strategy(), 0..8),
        merges in proptest::collection::vec((1usize..9, 0usize..3, 0usize..11), 0..2),
    ) {
        let mut all = vec![HEADER.iter().map(|h| t(h)).collect::<Vec<_>>()];
        all.extend(rows);
        let merged = merges
            .into_iter()
            .map(|(r, h, c)| Merge { first_row: r, last_row: r + h, first_col: c, last_col: c })
            .collect();
        let s = Sheet { rows: all, merged };
        let (dataset, report) = import(&s, &options());
        prop_assert_eq!(dataset.products.len(), report.accepted.len());
        if !dataset.products.is_empty() {
            let json = serde_json::to_string(&dataset).unwrap();
            let v = parse_and_validate(&json, &Limits::default());
            prop_assert!(v.is_ok(), "{:?}", v.err());
            let v = v.unwrap();
            prop_assert!(v.issues.is_empty(), "{:#?}", v.issues);
        }
        let _ = report.to_markdown("x");
    }
}
