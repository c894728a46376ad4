//! `kiosk export --xlsx 花名册.xlsx` (or `--csv`): every person who loads,
//! one row each, in the columns `kiosk import` reads. Each row is read back
//! as the import would read it before it is written, so a row that would not
//! give the same person again is told, never silently lost.

use super::columns::Column;
use super::profile_text::compose;
use super::row::{self, Cells};
use crate::profile::folders::profile_slugs;
use crate::profile::{HonorLevel, Lang, Media, Profile, ProfileDir, Text, load_profile};
use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook, XlsxError};
use std::path::Path;

/// Excel's limit on the characters in one cell.
const EXCEL_CELL_CHARS: usize = 32_767;

/// Which kind of file to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    Xlsx,
}

/// What an export did: how many people, and what stopped any of them.
#[derive(Debug, Default)]
pub struct ExportReport {
    pub people: usize,
    /// One line each, `path: error: …` or `file:row:column: warning: …`.
    pub problems: Vec<String>,
    pub errors: usize,
}

/// One person's row: their folder and the cells in `Column::ALL` order.
struct Row {
    slug: String,
    cells: Vec<String>,
}

/// Writes every person under `profiles` who loads to `out`.
pub fn export(profiles: &Path, out: &Path, format: FileKind) -> ExportReport {
    let mut report = ExportReport::default();
    let mut rows = Vec::new();
    for slug in profile_slugs(profiles) {
        let dir = ProfileDir {
            root: profiles,
            slug: &slug,
        };
        let path = dir.display("profile.ron");
        let loaded = crate::profile::curator_file::read_text_file(Path::new(&path))
            .ok()
            .and_then(|bytes| load_profile(&dir, &bytes).value);
        let Some(profile) = loaded else {
            report.error(format!(
                "{path}: error: {}",
                crate::profile::msg(
                    "这份资料有错误，没有导出",
                    "this profile has errors and is not exported",
                    Some((
                        "先运行 kiosk check 改正",
                        "run kiosk check and put it right first"
                    )),
                )
            ));
            continue;
        };
        let cells = cells_of(&slug, &profile);
        check_read_back(
            profiles,
            out,
            rows.len() + 2,
            &slug,
            &cells,
            &profile,
            &mut report,
        );
        rows.push(Row { slug, cells });
    }
    let written = match format {
        FileKind::Csv => write_csv(out, &rows).map_err(|e| e.to_string()),
        FileKind::Xlsx => write_xlsx(out, &rows, &mut report).map_err(|e| e.to_string()),
    };
    match written {
        Ok(n) => report.people = n,
        Err(e) => report.error(format!(
            "{}: error: 无法写入 · cannot write: {e}",
            out.display()
        )),
    }
    report
}

impl ExportReport {
    fn error(&mut self, line: String) {
        self.errors += 1;
        self.problems.push(line);
    }
}

/// A profile as the roster's cells.
fn cells_of(slug: &str, p: &Profile) -> Vec<String> {
    let en = |t: &Text| t.en.clone().unwrap_or_default();
    let quote = p.quote.clone().unwrap_or_default();
    Column::ALL
        .iter()
        .map(|c| match c {
            Column::Name => p.name.zh.clone(),
            Column::NameEn => en(&p.name),
            Column::Gender => match p.gender {
                crate::profile::Gender::Male => "男".into(),
                crate::profile::Gender::Female => "女".into(),
            },
            Column::Born => p.born.to_string(),
            Column::Died => p.died.map(|d| d.to_string()).unwrap_or_default(),
            Column::Sector => p.sector.label(Lang::Zh).into(),
            Column::WorkUnit => p.work_unit.zh.clone(),
            Column::Position => p.position.zh.clone(),
            Column::Honours => honours_cell(p),
            Column::Summary => p.summary.zh.clone(),
            Column::Story => p.story.zh.clone(),
            Column::Quote => quote.zh.clone(),
            Column::Portrait => p.portrait.clone(),
            Column::Folder => slug.to_owned(),
            Column::WorkUnitEn => en(&p.work_unit),
            Column::PositionEn => en(&p.position),
            Column::HonoursEn => honours_en_cell(p),
            Column::SummaryEn => en(&p.summary),
            Column::StoryEn => en(&p.story),
            Column::QuoteEn => en(&quote),
            Column::Media => p
                .media
                .iter()
                .map(media_item)
                .collect::<Vec<_>>()
                .join("；\n"),
            // Shortest decimals that read back as the same numbers.
            Column::PortraitFocus => p
                .portrait_focus
                .map(|f| format!("{}, {}", f.x, f.y))
                .unwrap_or_default(),
            Column::Sample => if p.sample { "是" } else { "" }.into(),
        })
        .collect()
}

fn level_label(l: HonorLevel) -> &'static str {
    l.label(Lang::Zh)
}

fn honours_cell(p: &Profile) -> String {
    p.honors
        .iter()
        .map(|h| format!("{} {} {}", h.year, h.title.zh, level_label(h.level)))
        .collect::<Vec<_>>()
        .join("；")
}

/// The English titles in the honours' order; an honour without one keeps
/// its place (`；Title`), and none at all is an empty cell.
fn honours_en_cell(p: &Profile) -> String {
    let titles: Vec<String> = p
        .honors
        .iter()
        .map(|h| h.title.en.clone().unwrap_or_default())
        .collect();
    if titles.iter().all(String::is_empty) {
        return String::new();
    }
    titles.join("；")
}

/// `file | kind | caption | English caption | year`, trailing parts left
/// out when empty; a year stands fourth only when there is no English
/// caption that could be taken for one.
fn media_item(m: &Media) -> String {
    let kind = m.kind.label(Lang::Zh);
    let en = m.caption.en.clone().unwrap_or_default();
    let year = m.year.map(|y| y.to_string()).unwrap_or_default();
    let en_looks_like_year = matches!(super::cells::year(&en), super::cells::Value::Known(_));
    let mut parts = vec![m.file.clone(), kind.to_owned(), m.caption.zh.clone()];
    match (en.is_empty(), year.is_empty()) {
        (true, true) => {}
        (true, false) => parts.push(year),
        (false, true) if !en_looks_like_year => parts.push(en),
        _ => parts.extend([en, year]),
    }
    parts.join(" | ")
}

/// Reads the row back as `kiosk import` would and tells when it would not
/// give the same person again (a text with `；` or `|` where the roster
/// separates items, say).
fn check_read_back(
    profiles: &Path,
    out: &Path,
    row_number: usize,
    slug: &str,
    cells: &[String],
    profile: &Profile,
    report: &mut ExportReport,
) {
    let by_column = Column::ALL
        .iter()
        .copied()
        .zip(cells.iter().map(String::as_str))
        .collect();
    let (person, _) = row::read(&Cells { by_column });
    let text = compose(&person, "");
    let again = load_profile(
        &ProfileDir {
            root: profiles,
            slug,
        },
        text.text.as_bytes(),
    )
    .value;
    if again.as_ref() != Some(profile) {
        report.problems.push(format!(
            "{}:{row_number}:{}: warning: {}",
            out.display(),
            Column::Folder.header(),
            crate::profile::msg(
                format!("{slug} 的某段文字含有花名册用作分隔的符号（；或 |），再导入时会与原资料不同"),
                format!("a text of {slug} holds a separator the roster uses (； or |): imported again, it would differ"),
                Some(("改用别的标点，或直接编辑 profile.ron", "use other punctuation, or edit profile.ron itself")),
            )
        ));
    }
}

/// CSV as Excel opens it: UTF-8 with a BOM (without one, Excel on a Chinese
/// Windows reads it as GBK), lines ending in CR LF.
fn write_csv(out: &Path, rows: &[Row]) -> std::io::Result<usize> {
    use std::io::Write;
    let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
    file.write_all(b"\xEF\xBB\xBF")?;
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(file);
    writer.write_record(Column::ALL.iter().map(|c| c.header()))?;
    for row in rows {
        writer.write_record(&row.cells)?;
    }
    writer.flush()?;
    Ok(rows.len())
}

/// A workbook with one sheet, 花名册: the header bold and frozen, long
/// texts wrapped, years as numbers.
fn write_xlsx(out: &Path, rows: &[Row], report: &mut ExportReport) -> Result<usize, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("花名册")?;
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x00EE_E6D8));
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (i, c) in Column::ALL.iter().enumerate() {
        sheet.write_string_with_format(0, i as u16, c.header(), &header)?;
        sheet.set_column_width(i as u16, width(*c))?;
    }
    sheet.set_freeze_panes(1, 1)?;
    let mut written = 0u32;
    for row in rows {
        if let Some((c, _)) = Column::ALL
            .iter()
            .zip(&row.cells)
            .find(|(_, cell)| cell.chars().count() > EXCEL_CELL_CHARS)
        {
            report.error(format!(
                "{}: error: {}",
                row.slug,
                crate::profile::msg(
                    format!(
                        "{} 超过 Excel 一格 32767 字的上限，这一行没有导出",
                        c.header()
                    ),
                    format!(
                        "{} is over Excel's 32,767 characters a cell: the row is not exported",
                        c.english()
                    ),
                    Some((
                        "请导出为 CSV：kiosk export --csv 花名册.csv",
                        "export to CSV instead: kiosk export --csv roster.csv"
                    )),
                )
            ));
            continue;
        }
        written += 1;
        for (i, (c, cell)) in Column::ALL.iter().zip(&row.cells).enumerate() {
            let year = matches!(c, Column::Born | Column::Died)
                .then(|| cell.parse::<i32>().ok())
                .flatten();
            match year {
                Some(y) => sheet.write_number(written, i as u16, y)?,
                None => sheet.write_string_with_format(written, i as u16, cell, &wrap)?,
            };
        }
    }
    book.save(out)?;
    Ok(written as usize)
}

/// Column widths in Excel's units (about one Latin letter; a Chinese
/// character is two).
fn width(c: Column) -> f64 {
    match c {
        Column::Born | Column::Died | Column::Gender | Column::Sample => 7.0,
        Column::Summary | Column::Story | Column::SummaryEn | Column::StoryEn | Column::Media => {
            50.0
        }
        Column::Honours | Column::HonoursEn => 36.0,
        _ => 18.0,
    }
}
