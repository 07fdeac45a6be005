//! `data import`, `data diff` and `data template`: the province office's spreadsheet in,
//! a dataset out. This file only reads and writes files; every rule is in
//! `ocop_core::import` and `ocop_core::diff`, where it is tested without files.

use ocop_core::import::template::template_rows;
use ocop_core::import::{import, Cell, ImportOptions, Merge, Sheet};
use ocop_core::validate::{parse_and_validate, Action, Limits};
use ocop_core::Dataset;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The template files, relative to the repository root.
pub const TEMPLATE_CSV: &str = "docs/ocop-template.csv";
pub const TEMPLATE_XLSX: &str = "docs/ocop-template.xlsx";
const BUNDLED: &str = "public/data/ocop-quang-ninh.json";

const IMPORT_USAGE: &str =
    "usage: cargo xtask data import FILE.xlsx|FILE.csv [--out DATASET.json] [--report REPORT.md]
                          [--base EXISTING.json [--keep-unlisted]] [--version VERSION] [--sheet NAME]";

/// `cargo xtask data import`. Exit status 0 when at least one row was imported (refused
/// rows are in the report); 1 when none was, or a file could not be read or written; 2 for
/// a usage error.
pub fn import_command(args: &[&str]) -> ExitCode {
    match run_import(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_import(args: &[&str]) -> Result<ExitCode, String> {
    let mut file = None;
    let (mut out, mut report_path, mut base_path, mut version, mut sheet_name) =
        (None, None, None, None, None);
    let mut keep_unlisted = false;
    let mut it = args.iter();
    while let Some(&arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .map(|v| v.to_string())
                .ok_or(format!("{name} needs a value\n{IMPORT_USAGE}"))
        };
        match arg {
            "--out" => out = Some(value(arg)?),
            "--report" => report_path = Some(value(arg)?),
            "--base" => base_path = Some(value(arg)?),
            "--version" => version = Some(value(arg)?),
            "--sheet" => sheet_name = Some(value(arg)?),
            "--keep-unlisted" => keep_unlisted = true,
            other if other.starts_with("--") => {
                eprintln!("unknown option {other}\n{IMPORT_USAGE}");
                return Ok(ExitCode::from(2));
            }
            other if file.is_none() => file = Some(other.to_string()),
            _ => {
                eprintln!("{IMPORT_USAGE}");
                return Ok(ExitCode::from(2));
            }
        }
    }
    let Some(file) = file else {
        eprintln!("{IMPORT_USAGE}");
        return Ok(ExitCode::from(2));
    };
    let out = out.unwrap_or_else(|| with_extension(&file, "json"));
    let report_path = report_path.unwrap_or_else(|| with_extension(&file, "report.md"));
    let sheet = read_sheet(Path::new(&file), sheet_name.as_deref())?;
    let base = match &base_path {
        Some(path) => Some(load_dataset(path)?),
        None => None,
    };
    let today = today();
    let options = ImportOptions {
        base: base.as_ref(),
        keep_unlisted,
        dataset_version: version.unwrap_or_else(|| today.replace('-', ".")),
        generated_on: today,
    };
    let (dataset, report) = import(&sheet, &options);
    std::fs::write(&report_path, report.to_markdown(&file)).map_err(|e| format!("{report_path}: {e}"))?;
    if let Some(fatal) = &report.fatal {
        println!(
            "{file}: KHÔNG NHẬP ĐƯỢC / NOT IMPORTED\n  {}\n  {}",
            fatal.vi(),
            fatal.en()
        );
    }
    for refused in &report.refused {
        for p in &refused.problems {
            println!("  dòng/row {} · {}: {}", refused.row, p.header, p.reason.en());
        }
    }
    println!(
        "{file}: {} dòng được nhận / rows accepted, {} dòng bị từ chối / rows refused; báo cáo / report: {report_path}",
        report.accepted.len(),
        report.refused.len()
    );
    if report.accepted.is_empty() {
        println!(
            "không có dòng nào được nhận nên không ghi {out} / no row was accepted, so {out} was not written"
        );
        return Ok(ExitCode::FAILURE);
    }
    let json = serde_json::to_string_pretty(&dataset).map_err(|e| e.to_string())? + "\n";
    std::fs::write(&out, &json).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "đã ghi / wrote {out}: {} sản phẩm / products",
        dataset.products.len()
    );
    // The same check as `data check`: what the importer writes, the app takes whole.
    match parse_and_validate(&json, &Limits::default()) {
        Err(e) => {
            println!("{out}: the app would refuse it: {e}");
            Ok(ExitCode::FAILURE)
        }
        Ok(v) => {
            let errors: Vec<_> = v.issues.iter().filter(|i| i.action != Action::Kept).collect();
            for issue in &v.issues {
                println!("  data check: {issue}");
            }
            if errors.is_empty() {
                Ok(ExitCode::SUCCESS)
            } else {
                Ok(ExitCode::FAILURE)
            }
        }
    }
}

/// `report.xlsx` → `report.json`; `a/b.csv` → `a/b.report.md`.
fn with_extension(file: &str, ext: &str) -> String {
    PathBuf::from(file)
        .with_extension(ext)
        .to_string_lossy()
        .into_owned()
}

fn load_dataset(path: &str) -> Result<Dataset, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let v = parse_and_validate(&text, &Limits::default()).map_err(|e| format!("{path}: REFUSED: {e}"))?;
    Ok(v.dataset)
}

/// Reads the first worksheet (or `sheet`) of an .xlsx file, or a .csv file.
pub fn read_sheet(path: &Path, sheet: Option<&str>) -> Result<Sheet, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    // An .xlsx file is a zip archive: trust the bytes over the name.
    if bytes.starts_with(b"PK\x03\x04") || ext == "xlsx" || ext == "xlsm" {
        return read_xlsx(bytes, sheet).map_err(|e| format!("{}: {e}", path.display()));
    }
    match ext.as_str() {
        "xls" | "ods" | "numbers" => Err(format!(
            "{}: .{ext} is not read; save it as .xlsx or as CSV UTF-8 / hãy lưu tệp dạng .xlsx hoặc CSV UTF-8",
            path.display()
        )),
        _ => read_csv(&bytes).map_err(|e| format!("{}: {e}", path.display())),
    }
}

/// CSV as Excel writes it: UTF-8 with or without a byte-order mark, `,` or `;` between
/// cells (Excel in a Vietnamese locale uses `;`, the decimal comma being taken), any line
/// endings. Every cell is text: a CSV has no formulas, dates or numbers, only what they showed.
pub fn read_csv(bytes: &[u8]) -> Result<Sheet, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        "not UTF-8 text: in Excel choose \"CSV UTF-8\" when saving / tệp không phải UTF-8: trong Excel hãy chọn \"CSV UTF-8\" khi lưu".to_string()
    })?;
    let delimiter = detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("CSV row {}: {e}", i + 1))?;
        rows.push(
            record
                .iter()
                .map(|c| {
                    if c.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(c.to_string())
                    }
                })
                .collect(),
        );
    }
    Ok(Sheet {
        rows,
        merged: Vec::new(),
    })
}

/// The separator of the header line: whichever of `,`, `;` and tab occurs most outside quotes.
fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.bytes() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for (d, n) in counts.iter_mut() {
                    if *d == c {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .max_by_key(|(d, n)| (*n, *d == b','))
        .map_or(b',', |(d, _)| *d)
}

/// An .xlsx worksheet with its formulas and merged regions, rows and columns counted
/// from A1 so row numbers in the report are the ones the spreadsheet shows.
fn read_xlsx(bytes: Vec<u8>, sheet: Option<&str>) -> Result<Sheet, String> {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| format!("not a readable .xlsx file: {e}"))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or(format!("no sheet named {s:?} (sheets: {})", names.join(", ")))?,
        None => names.first().cloned().ok_or("the workbook has no sheet")?,
    };
    let values = book.worksheet_range(&name).map_err(|e| e.to_string())?;
    let formulas = book.worksheet_formula(&name).map_err(|e| e.to_string())?;
    let merges = book.merge_cells_by_sheet_name(&name).map_err(|e| e.to_string())?;
    let mut height = values.end().map_or(0, |(r, _)| r as usize + 1);
    let mut width = values.end().map_or(0, |(_, c)| c as usize + 1);
    if let Some((r, c)) = formulas.end() {
        height = height.max(r as usize + 1);
        width = width.max(c as usize + 1);
    }
    let mut rows = vec![vec![Cell::Empty; width]; height];
    for (r, c, value) in values.used_cells() {
        let (r, c) = (
            r + values.start().map_or(0, |s| s.0 as usize),
            c + values.start().map_or(0, |s| s.1 as usize),
        );
        rows[r][c] = match value {
            Data::Empty => Cell::Empty,
            Data::String(s) => Cell::Text(s.clone()),
            Data::Int(i) => Cell::Number(*i as f64),
            Data::Float(f) => Cell::Number(*f),
            Data::Bool(b) => Cell::Bool(*b),
            Data::DateTime(d) if d.is_datetime() => Cell::Date(date_from_serial(d.as_f64())),
            Data::DateTime(d) => Cell::Text(d.to_string()),
            Data::DateTimeIso(s) => Cell::Date(s.chars().take(10).collect()),
            Data::DurationIso(s) => Cell::Text(s.clone()),
            Data::Error(e) => Cell::Error(format!("#{e:?}")),
        };
    }
    for (r, c, formula) in formulas.used_cells() {
        if formula.is_empty() {
            continue;
        }
        let (r, c) = (
            r + formulas.start().map_or(0, |s| s.0 as usize),
            c + formulas.start().map_or(0, |s| s.1 as usize),
        );
        rows[r][c] = Cell::Formula(format!("={formula}"));
    }
    let merged = merges
        .iter()
        .map(|m| Merge {
            first_row: m.start.0 as usize,
            last_row: m.end.0 as usize,
            first_col: m.start.1 as usize,
            last_col: m.end.1 as usize,
        })
        .collect();
    Ok(Sheet { rows, merged })
}

/// An Excel day number (1900 date system) as `YYYY-MM-DD`. Serial 60 is Excel's phantom
/// 29 February 1900; days after it are one too many, which the 1899-12-30 epoch absorbs.
fn date_from_serial(serial: f64) -> String {
    let days = serial.floor() as i64 - 25_569; // days from 1970-01-01
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Today's date (UTC), `YYYY-MM-DD`.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `cargo xtask data diff OLD NEW`: the product changes, for review before uploading.
pub fn diff_command(old: &str, new: &str) -> ExitCode {
    let (old_set, new_set) = match (load_dataset(old), load_dataset(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("xtask: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{old} → {new}");
    print!("{}", ocop_core::diff::diff(&old_set, &new_set).to_text());
    ExitCode::SUCCESS
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `cargo xtask data template [--check]`: writes docs/ocop-template.csv and .xlsx from the
/// bundled dataset's products; `--check` only compares and fails when they are stale.
pub fn template_command(args: &[&str]) -> Result<(), String> {
    let check = match args {
        [] => false,
        ["--check"] => true,
        _ => return Err("usage: cargo xtask data template [--check]".into()),
    };
    let root = repo_root();
    let dataset = load_dataset(&root.join(BUNDLED).to_string_lossy())?;
    let rows = template_rows(&dataset)?;
    let csv = template_csv(&rows)?;
    let (csv_path, xlsx_path) = (root.join(TEMPLATE_CSV), root.join(TEMPLATE_XLSX));
    if check {
        let mut stale = Vec::new();
        if std::fs::read(&csv_path).ok().as_deref() != Some(csv.as_bytes()) {
            stale.push(TEMPLATE_CSV);
        }
        // Compared by content, not bytes: another rust_xlsxwriter may zip the same cells differently.
        let committed = read_sheet(&xlsx_path, None).ok().map(|s| s.rows);
        if committed.as_ref() != Some(&rows) {
            stale.push(TEMPLATE_XLSX);
        }
        if !stale.is_empty() {
            return Err(format!(
                "{} stale: run `cargo xtask data template` and commit the result",
                stale.join(" and ")
            ));
        }
        println!("{TEMPLATE_CSV} and {TEMPLATE_XLSX} are up to date");
        return Ok(());
    }
    std::fs::write(&csv_path, csv).map_err(|e| format!("{}: {e}", csv_path.display()))?;
    std::fs::write(&xlsx_path, template_xlsx(&rows)?).map_err(|e| format!("{}: {e}", xlsx_path.display()))?;
    println!(
        "wrote {TEMPLATE_CSV} and {TEMPLATE_XLSX} ({} example rows)",
        rows.len() - 1
    );
    Ok(())
}

/// The template as CSV UTF-8 with a byte-order mark (without one Excel reads the accents as
/// Latin-1) and Windows line endings, as Excel itself saves it.
pub fn template_csv(rows: &[Vec<Cell>]) -> Result<String, String> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        let cells: Vec<String> = row.iter().map(cell_string).collect();
        writer.write_record(&cells).map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    Ok(format!("\u{feff}{text}"))
}

fn cell_string(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Number(n) if n.fract() == 0.0 => format!("{}", *n as i64),
        Cell::Number(n) => n.to_string(),
        Cell::Text(s) | Cell::Date(s) | Cell::Formula(s) | Cell::Error(s) => s.clone(),
        Cell::Bool(b) => b.to_string(),
    }
}

/// The template as .xlsx: header in bold, frozen, numbers as numbers, every other cell as
/// text (so Excel does not turn `2028-01` into a date), long lists wrapped.
pub fn template_xlsx(rows: &[Vec<Cell>]) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    // A fixed creation date: regenerating the same template gives the same file.
    let created = ExcelDateTime::from_ymd(2026, 1, 1).map_err(|e| e.to_string())?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = book.add_worksheet();
    sheet.set_name("San pham OCOP").map_err(|e| e.to_string())?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            let result = match cell {
                Cell::Empty => continue,
                Cell::Number(n) => sheet.write_number(r, c, *n),
                Cell::Text(s) if r == 0 => sheet.write_string_with_format(r, c, s, &bold),
                Cell::Text(s) if s.contains('\n') => sheet.write_string_with_format(r, c, s, &wrap),
                other => sheet.write_string(r, c, cell_string(other)),
            };
            result.map_err(|e| e.to_string())?;
        }
    }
    for c in 0..rows.first().map_or(0, Vec::len) {
        sheet.set_column_width(c as u16, 22).map_err(|e| e.to_string())?;
    }
    sheet.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    book.save_to_buffer().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_separators_bom_and_line_endings() {
        let semicolon = "\u{feff}Tên sản phẩm;Nhóm\r\n\"Chả mực; loại 1\";Thực phẩm\r\n";
        let sheet = read_csv(semicolon.as_bytes()).unwrap();
        assert_eq!(sheet.rows[0][0], Cell::Text("Tên sản phẩm".into()));
        assert_eq!(sheet.rows[1][0], Cell::Text("Chả mực; loại 1".into()));
        assert_eq!(sheet.rows[1][1], Cell::Text("Thực phẩm".into()));
        let comma = "Tên sản phẩm,Nhóm\n\"a, b\",c\n";
        assert_eq!(
            read_csv(comma.as_bytes()).unwrap().rows[1][0],
            Cell::Text("a, b".into())
        );
        assert!(read_csv(b"T\xean,Nh\xf3m\n").is_err());
        assert_eq!(read_csv(b"").unwrap().rows.len(), 0);
    }

    #[test]
    fn excel_day_numbers_are_dates() {
        assert_eq!(date_from_serial(46_023.0), "2026-01-01");
        assert_eq!(date_from_serial(45_429.5), "2024-05-17");
        assert_eq!(civil_from_days(0), (1970, 1, 1));
    }
}
