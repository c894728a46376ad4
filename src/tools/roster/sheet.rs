//! A roster file read into rows of cell texts, whatever saved it: an Excel
//! or WPS workbook (xlsx, xls, ods, through calamine), or a CSV in UTF-8
//! (with or without a BOM), UTF-16 or GBK, comma- or tab-separated.

use calamine::{Data, Reader};
use std::path::Path;

/// The largest CSV read: a roster of a thousand people with their stories
/// in both languages is ~5 MB; a file far larger is not a roster.
const MAX_CSV_BYTES: u64 = 64 << 20;

/// The rows of the first sheet, each with its number as the spreadsheet
/// shows it (1-based). Rows with nothing in them are left out.
#[derive(Debug, Default)]
pub struct Sheet {
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Why a roster file cannot be read at all, in the curator's words.
#[derive(Debug)]
pub struct Unreadable {
    pub zh: String,
    pub en: String,
    pub hint: Option<(&'static str, &'static str)>,
}

impl Unreadable {
    fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
            hint: None,
        }
    }
}

/// Reads `path` by its extension: `.csv`, `.tsv` and `.txt` as text, the
/// rest as a workbook.
pub fn read(path: &Path) -> Result<Sheet, Unreadable> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let sheet = if matches!(ext.as_str(), "csv" | "tsv" | "txt") {
        read_csv(path)?
    } else {
        read_workbook(path)?
    };
    Ok(sheet)
}

fn read_workbook(path: &Path) -> Result<Sheet, Unreadable> {
    let mut book = calamine::open_workbook_auto(path).map_err(|e| {
        let mut u = Unreadable::new(
            format!("无法读取表格文件：{e}"),
            format!("cannot read the spreadsheet: {e}"),
        );
        u.hint = Some((
            "请用 Excel 或 WPS 另存为 .xlsx 或 CSV UTF-8",
            "save it from Excel or WPS as .xlsx or CSV UTF-8",
        ));
        u
    })?;
    let range = match book.worksheet_range_at(0) {
        Some(Ok(range)) => range,
        Some(Err(e)) => {
            return Err(Unreadable::new(
                format!("无法读取第一个工作表：{e}"),
                format!("cannot read the first sheet: {e}"),
            ));
        }
        None => {
            return Err(Unreadable::new(
                "表格里没有工作表",
                "the workbook has no sheet",
            ));
        }
    };
    // A range starts at its first used cell: count rows from there.
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut sheet = Sheet::default();
    for (i, cells) in range.rows().enumerate() {
        let mut row: Vec<String> = vec![String::new(); first_col as usize];
        row.extend(cells.iter().map(cell_text));
        sheet.push(first_row as usize + i + 1, row);
    }
    Ok(sheet)
}

/// A cell as text. Numbers are written as a person would: 1958, not
/// 1958.0; a date as its year's serial is left to the year reader.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_owned(),
        Data::DateTime(d) => date_text(d.as_f64()),
    }
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// Excel keeps a date as days since 1899-12-30. A cell formatted as a date
/// that holds a year typed as 1958 is that year, not a day in 1905.
fn date_text(serial: f64) -> String {
    if serial.fract() == 0.0 && (1000.0..3000.0).contains(&serial) {
        return number_text(serial);
    }
    const UNIX_EPOCH_SERIAL: i64 = 25_569;
    let days = serial.floor() as i64 - UNIX_EPOCH_SERIAL;
    format!("{}年", crate::profile::years::year_of_unix_day(days))
}

fn read_csv(path: &Path) -> Result<Sheet, Unreadable> {
    let bytes = read_bytes(path)?;
    let text = decode(&bytes)?;
    // Excel's "Unicode text" is tab-separated; its CSV is comma-separated.
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.contains('\t') && !first_line.contains(',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut sheet = Sheet::default();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            Unreadable::new(
                format!("CSV 第 {} 行无法读取：{e}", i + 1),
                format!("CSV row {} cannot be read: {e}", i + 1),
            )
        })?;
        // Excel counts a row with line breaks in its cells as one row.
        sheet.push(i + 1, record.iter().map(str::to_owned).collect());
    }
    Ok(sheet)
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, Unreadable> {
    let cannot = |e: std::io::Error| {
        Unreadable::new(
            format!("无法读取文件：{e}"),
            format!("cannot read the file: {e}"),
        )
    };
    let size = std::fs::metadata(path).map_err(cannot)?.len();
    if size > MAX_CSV_BYTES {
        return Err(Unreadable::new(
            "文件超过 64 MB，不像是花名册",
            "the file is over 64 MB, which no roster is",
        ));
    }
    std::fs::read(path).map_err(cannot)
}

/// CSV text as Excel or WPS saved it: UTF-8 (Excel's "CSV UTF-8" puts a
/// BOM first), UTF-16 with a BOM ("Unicode text"), or, on a Chinese
/// Windows, plain "CSV" in GBK (read as GB18030, which contains it).
fn decode(bytes: &[u8]) -> Result<String, Unreadable> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if !had_errors {
            return Ok(text.into_owned());
        }
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    } else {
        let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
        if !had_errors {
            return Ok(text.into_owned());
        }
    }
    let mut u = Unreadable::new(
        "文件既不是 UTF-8 也不是 GBK 编码",
        "the file is neither UTF-8 nor GBK",
    );
    u.hint = Some((
        "在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
        "in Excel save it as “CSV UTF-8 (Comma delimited)”",
    ));
    Err(u)
}

impl Sheet {
    /// Keeps a row unless every cell in it is blank (Excel's empty trailing
    /// rows, a row of spaces).
    fn push(&mut self, number: usize, cells: Vec<String>) {
        if cells.iter().any(|c| !c.trim().is_empty()) {
            self.rows.push((number, cells));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_as_a_person_writes_them() {
        assert_eq!(cell_text(&Data::Float(1958.0)), "1958");
        assert_eq!(cell_text(&Data::Float(1958.5)), "1958.5");
        // 1958-03-12 is serial 21256.
        assert_eq!(date_text(21_256.0), "1958年");
        assert_eq!(date_text(1958.0), "1958");
    }

    #[test]
    fn encodings_excel_saves() {
        assert_eq!(decode("\u{FEFF}姓名".as_bytes()).unwrap(), "姓名");
        let (gbk, _, _) = encoding_rs::GBK.encode("姓名,性别");
        assert_eq!(decode(&gbk).unwrap(), "姓名,性别");
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("姓名".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16).unwrap(), "姓名");
    }
}
