//! `data import`, `data diff` and `data template`, run as the province office would run
//! them, on real files. The .xlsx fixtures are written here with rust_xlsxwriter rather
//! than committed, so each one says in code what is in it.

use rust_xlsxwriter::{Format, Workbook};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

mod tools;
use tools::{repo_file, xtask};

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ocop-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn show(out: &Output) -> String {
    format!(
        "status {}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Imports `file`, returning the exit status, the dataset (if written) and the report.
fn run_import(file: &Path, extra: &[&str]) -> (Output, Option<Value>, String) {
    let out_json = file.with_extension("out.json");
    let report = file.with_extension("report.md");
    let _ = std::fs::remove_file(&out_json);
    let mut args = vec![
        "data",
        "import",
        p(file),
        "--out",
        p(&out_json),
        "--report",
        p(&report),
    ];
    args.extend_from_slice(extra);
    let out = xtask(&args);
    let dataset = std::fs::read_to_string(&out_json)
        .ok()
        .map(|t| serde_json::from_str(&t).unwrap());
    let report = std::fs::read_to_string(&report).unwrap_or_default();
    (out, dataset, report)
}

fn bundled() -> Value {
    serde_json::from_str(&std::fs::read_to_string(repo_file("public/data/ocop-quang-ninh.json")).unwrap())
        .unwrap()
}

/// A product without the fields the template has no column for.
fn covered(product: &Value) -> Value {
    let mut p = product.clone();
    let map = p.as_object_mut().unwrap();
    map.remove("images");
    if let Some(rating) = map.get_mut("rating").and_then(Value::as_object_mut) {
        rating.remove("claimed");
    }
    // Optional fields written as null or left out mean the same.
    strip_nulls(&mut p);
    p
}

fn strip_nulls(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.retain(|_, x| !x.is_null());
            map.values_mut().for_each(strip_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}

#[test]
fn the_committed_template_files_are_up_to_date() {
    let out = xtask(&["data", "template", "--check"]);
    assert!(out.status.success(), "{}", show(&out));
}

#[test]
fn the_template_round_trips_from_csv_and_xlsx() {
    let bundled = bundled();
    for name in ["ocop-template.csv", "ocop-template.xlsx"] {
        let copy = temp(name);
        std::fs::copy(repo_file(&format!("docs/{name}")), &copy).unwrap();
        let (out, dataset, report) = run_import(&copy, &["--version", "test"]);
        assert!(out.status.success(), "{name}: {}\n{report}", show(&out));
        let dataset = dataset.unwrap();
        let products = dataset["products"].as_array().unwrap();
        assert_eq!(products.len(), 3, "{name}");
        for product in products {
            let id = product["id"].as_str().unwrap();
            let original = bundled["products"]
                .as_array()
                .unwrap()
                .iter()
                .find(|b| b["id"] == id)
                .unwrap_or_else(|| panic!("{id} is not a bundled product"));
            assert_eq!(covered(product), covered(original), "{name}: {id}");
        }
        let json = copy.with_extension("out.json");
        let check = xtask(&["data", "check", p(&json)]);
        let stdout = String::from_utf8_lossy(&check.stdout);
        assert!(
            check.status.success() && stdout.contains("ok: 0 warning(s)"),
            "{}",
            show(&check)
        );
    }
}

/// A workbook: the header row, then rows of text cells; `edit` adds the rest.
fn workbook(path: &Path, rows: &[&[&str]], edit: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(r as u32, c as u16, *cell).unwrap();
            }
        }
    }
    edit(sheet);
    book.save(path).unwrap();
}

const HEADER: &[&str] = &[
    "Mã",
    "Tên sản phẩm",
    "Nhóm",
    "Phân nhóm",
    "Số sao",
    "Cấp",
    "Nguồn",
];
const SRC: &str = "https://baoquangninh.vn/a.html";

#[test]
fn a_spreadsheet_with_bad_rows_reports_each_and_imports_the_rest() {
    let file = temp("bad.xlsx");
    workbook(
        &file,
        &[
            HEADER,
            /* 2 */ &["", "Chả mực Hạ Long", "Thực phẩm", "Hải sản", "4", "tỉnh", SRC],
            /* 3 */ &["", "Đồ chơi gỗ", "Đồ chơi", "Thủ công mỹ nghệ", "", "", SRC],
            /* 4 */ &["", "Rượu ba kích", "Đồ uống", "Rượu", "6", "", SRC],
            /* 5 */ &["", "", "Thực phẩm", "Hải sản", "", "", SRC],
            /* 6 */ &["tra-a", "Trà A", "Đồ uống", "Trà", "", "", SRC],
            /* 7 */ &["tra-a", "Trà B", "Đồ uống", "Trà", "", "", SRC],
            /* 8 */ &["", "Nấm", "Thực phẩm", "Nấm", "", "", "baoquangninh.vn/no-scheme"],
            /* 9 */ &["", "Mật ong", "Thực phẩm", "Mật ong", "", "", SRC],
            /* 10 */ &["", "Miến dong", "", "Gạo, miến, bánh", "", "", SRC],
            /* 11 */ &["", "Miến dong 2", "", "Gạo, miến, bánh", "", "", SRC],
        ],
        |sheet| {
            // Row 9: stars from a formula. Rows 10–11: "Nhóm" merged over both.
            sheet.write_formula(8, 4, "=2+2").unwrap();
            sheet
                .merge_range(9, 2, 10, 2, "Thực phẩm", &Format::new())
                .unwrap();
        },
    );
    let (out, dataset, report) = run_import(&file, &[]);
    assert!(out.status.success(), "{}\n{report}", show(&out));
    let ids: Vec<String> = dataset.unwrap()["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["cha-muc-ha-long", "tra-a"]);
    for expected in [
        "| 3 | C · Nhóm (Group) | nhóm \"Đồ chơi\" không có trong 6 nhóm OCOP",
        "| 4 | E · Số sao (Stars) | số sao \"6\" không hợp lệ",
        "| 5 | B · Tên sản phẩm (Name) | bắt buộc, đang để trống | required, but empty |",
        "| 7 | A · Mã (ID) | mã \"tra-a\" đã dùng ở dòng 6",
        "| 8 | G · Nguồn (Sources) | đường dẫn \"baoquangninh.vn/no-scheme\" không hợp lệ",
        "| 9 | E · Số sao (Stars) | ô chứa công thức (=2+2)",
        "| 10 | C · Nhóm (Group) | ô bị gộp (dòng 10–11)",
        "| 11 | C · Nhóm (Group) | ô bị gộp (dòng 10–11)",
        "merged cells (rows 10–11); unmerge them",
        "the cell holds a formula",
        "Rows refused: **8**",
    ] {
        assert!(report.contains(expected), "missing {expected:?} in\n{report}");
    }
}

#[test]
fn an_empty_sheet_or_a_missing_column_imports_nothing_and_fails() {
    let empty = temp("empty.xlsx");
    workbook(&empty, &[], |_| {});
    let (out, dataset, report) = run_import(&empty, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    assert!(dataset.is_none());
    assert!(
        report.contains("the sheet is empty") && report.contains("trang tính trống"),
        "{report}"
    );

    let no_sources = temp("no-sources.csv");
    std::fs::write(
        &no_sources,
        "Tên sản phẩm,Nhóm,Phân nhóm\nChả mực,Thực phẩm,Hải sản\n",
    )
    .unwrap();
    let (out, dataset, report) = run_import(&no_sources, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    assert!(dataset.is_none());
    assert!(report.contains("\"Nguồn\" (Sources)"), "{report}");

    for (name, bytes) in [
        ("garbage.xlsx", &b"PK\x03\x04 not a zip"[..]),
        ("latin1.csv", &b"T\xean\n"[..]),
    ] {
        let file = temp(name);
        std::fs::write(&file, bytes).unwrap();
        let (out, _, _) = run_import(&file, &[]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", show(&out));
    }
    let (out, _, _) = run_import(&temp("does-not-exist.csv"), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
}

#[test]
fn a_csv_from_excel_in_a_vietnamese_locale_imports() {
    // Byte-order mark, `;` between cells, Windows line endings, a `;` inside quotes.
    let file = temp("excel-vi.csv");
    let text = format!(
        "\u{feff}Tên sản phẩm;Nhóm;Phân nhóm;Số sao;Cấp;Tháng mùa vụ;Nguồn\r\n\"Chả mực; loại 1\";Thực phẩm;Hải sản;4;tỉnh;10-12;{SRC}\r\n;;;;;;\r\n"
    );
    std::fs::write(&file, text).unwrap();
    let (out, dataset, report) = run_import(&file, &[]);
    assert!(out.status.success(), "{}\n{report}", show(&out));
    let product = &dataset.unwrap()["products"][0];
    assert_eq!(product["name"]["vi"], "Chả mực; loại 1");
    assert_eq!(product["id"], "cha-muc-loai-1");
    assert_eq!(product["rating"]["stars"], 4);
    assert_eq!(product["season_months"], serde_json::json!([10, 11, 12]));
}

#[test]
fn importing_onto_the_bundled_dataset_keeps_everything_else() {
    let file = temp("update.csv");
    std::fs::write(
        &file,
        format!("Mã,Tên sản phẩm,Nhóm,Phân nhóm,Số sao,Cấp,Nguồn\r\nmuc-ong-co-to-kho,Mực ống Cô Tô khô,Thực phẩm,Hải sản,5,quốc gia,{SRC}\r\n"),
    )
    .unwrap();
    let base = repo_file("public/data/ocop-quang-ninh.json");
    let (out, dataset, report) = run_import(&file, &["--base", p(&base), "--keep-unlisted"]);
    assert!(out.status.success(), "{}\n{report}", show(&out));
    let dataset = dataset.unwrap();
    let bundled = bundled();
    assert_eq!(
        dataset["products"].as_array().unwrap().len(),
        bundled["products"].as_array().unwrap().len()
    );
    assert_eq!(dataset["spots"], bundled["spots"]);
    assert_eq!(dataset["meta"]["title"], bundled["meta"]["title"]);
    let diff = xtask(&["data", "diff", p(&base), p(&file.with_extension("out.json"))]);
    let text = String::from_utf8_lossy(&diff.stdout);
    assert!(diff.status.success(), "{}", show(&diff));
    assert!(
        text.contains("muc-ong-co-to-kho: 4★ tỉnh → 5★ quốc gia  (4★ provincial → 5★ national)"),
        "{text}"
    );
    assert!(text.contains("Added 0 · removed 0 · re-rated 1"), "{text}");
}

#[test]
fn data_diff_lists_added_removed_and_rerated_products() {
    let mut old = bundled();
    old["products"] = Value::Array(old["products"].as_array().unwrap()[..3].to_vec());
    let mut new = old.clone();
    let products = new["products"].as_array_mut().unwrap();
    products.remove(0);
    products[0]["rating"]["stars"] = serde_json::json!(4);
    products[0]["rating"]["level"] = serde_json::json!("provincial");
    let mut added = products[1].clone();
    added["id"] = serde_json::json!("san-pham-moi");
    added["name"]["vi"] = serde_json::json!("Sản phẩm mới");
    products.push(added);
    let (a, b) = (temp("old.json"), temp("new.json"));
    std::fs::write(&a, old.to_string()).unwrap();
    std::fs::write(&b, new.to_string()).unwrap();
    let out = xtask(&["data", "diff", p(&a), p(&b)]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", show(&out));
    let removed = old["products"][0]["id"].as_str().unwrap();
    let rerated = old["products"][1]["id"].as_str().unwrap();
    assert!(text.contains("+ san-pham-moi  Sản phẩm mới"), "{text}");
    assert!(text.contains(&format!("- {removed}")), "{text}");
    assert!(
        text.contains(&format!("* {rerated}: 5★ quốc gia → 4★ tỉnh")),
        "{text}"
    );
    assert!(text.contains("Added 1 · removed 1 · re-rated 1"), "{text}");
}
