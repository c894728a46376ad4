//! One row of the roster read into a person: each cell read forgivingly
//! (see `cells`), and what cannot be read told against its column in the
//! words `kiosk check` uses. What the check itself can judge (years out of
//! range, empty texts, unknown values typed as one word) is left to it.

use super::cells::{self, Value};
use super::columns::Column;
use crate::profile::{Severity, msg};
use std::collections::HashMap;

/// A problem with one cell of a row, before it is given its file and row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub column: Column,
    pub severity: Severity,
    pub message: String,
}

/// A text in both languages, as the cells hold them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pair {
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HonourOut {
    pub year: String,
    pub title: Pair,
    pub level: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaOut {
    pub file: String,
    pub kind: String,
    pub caption: Pair,
    pub year: Option<String>,
}

/// A person as the row gives them: every value ready to be written into
/// `profile.ron` (one that could not be read stands in as a placeholder,
/// its problem already told).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub sample: bool,
    pub name: Pair,
    pub gender: String,
    pub born: String,
    pub died: Option<String>,
    pub sector: String,
    pub work_unit: Pair,
    pub position: Pair,
    pub honours: Vec<HonourOut>,
    pub summary: Pair,
    pub story: Pair,
    pub quote: Option<Pair>,
    pub portrait: String,
    /// `(x: …, y: …)`, when the 肖像焦点 cell gives one.
    pub portrait_focus: Option<String>,
    pub media: Vec<MediaOut>,
    /// The 文件夹 cell, when filled in.
    pub folder: Option<String>,
}

/// The portrait's name when the 肖像 cell is empty: the guide's.
pub const DEFAULT_PORTRAIT: &str = "portrait.jpg";

/// The cells of one row by column.
pub struct Cells<'a> {
    pub by_column: HashMap<Column, &'a str>,
}

impl Cells<'_> {
    pub fn get(&self, c: Column) -> &str {
        self.by_column.get(&c).map_or("", |s| s.trim())
    }

    fn pair(&self, zh: Column, en: Column) -> Pair {
        Pair {
            zh: text(self.get(zh)),
            en: text(self.get(en)),
        }
    }
}

/// A text as kept: line breaks as `\n` (Excel's, or a CSV's `\r\n`).
fn text(cell: &str) -> String {
    cell.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_owned()
}

/// Reads a row into a person and what is wrong with its cells.
pub fn read(cells: &Cells) -> (Person, Vec<Found>) {
    let mut found = Vec::new();
    let mut need = |c: Column, v: Value, kind: Kind| settle(&mut found, c, v, kind);
    let gender = need(
        Column::Gender,
        cells::gender(cells.get(Column::Gender)),
        Kind::Gender,
    );
    let born = need(
        Column::Born,
        cells::year(cells.get(Column::Born)),
        Kind::Year,
    );
    let died =
        cells::year_of_death(cells.get(Column::Died)).map(|v| need(Column::Died, v, Kind::Year));
    let sector = need(
        Column::Sector,
        cells::sector(cells.get(Column::Sector)),
        Kind::Sector,
    );
    let honours = honours(cells, &mut found);
    let media = media(cells, &mut found);
    let sample = cells::sample(cells.get(Column::Sample)).unwrap_or_else(|| {
        found.push(bad_sample(cells.get(Column::Sample)));
        false
    });
    let quote = cells.pair(Column::Quote, Column::QuoteEn);
    let portrait = cells::file_name(cells.get(Column::Portrait));
    let portrait_focus = focus(cells.get(Column::PortraitFocus), &mut found);
    let folder = cells.get(Column::Folder);
    let person = Person {
        sample,
        name: cells.pair(Column::Name, Column::NameEn),
        gender,
        born,
        died,
        sector,
        work_unit: cells.pair(Column::WorkUnit, Column::WorkUnitEn),
        position: cells.pair(Column::Position, Column::PositionEn),
        honours,
        summary: cells.pair(Column::Summary, Column::SummaryEn),
        story: cells.pair(Column::Story, Column::StoryEn),
        quote: (!quote.zh.is_empty() || !quote.en.is_empty()).then_some(quote),
        portrait: if portrait.is_empty() {
            DEFAULT_PORTRAIT.into()
        } else {
            portrait
        },
        portrait_focus,
        media,
        folder: (!folder.is_empty()).then(|| folder.to_owned()),
    };
    (person, found)
}

/// The kinds of value a cell holds, for what is said of one not read and
/// what stands in for it.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Year,
    Gender,
    Sector,
    Level,
    Picture,
}

impl Kind {
    /// What stands in the file for a value not read, so that the rest of
    /// the row is still checked (1880 is before any honour, so it upsets
    /// no other year).
    fn stand_in(self) -> &'static str {
        match self {
            Kind::Year => "1880",
            Kind::Gender => "男",
            Kind::Sector => "工业制造",
            Kind::Level => "全国",
            Kind::Picture => "照片",
        }
    }

    /// The values allowed, Chinese and English, as the check lists them.
    fn allowed(self) -> (String, &'static str) {
        match self {
            Kind::Year => ("例如 1958".into(), "e.g. 1958"),
            Kind::Gender => ("可写：男、女".into(), "use one of: Male, Female"),
            Kind::Sector => (
                format!(
                    "可写：{}",
                    crate::profile::Sector::ALL
                        .map(|s| s.label(crate::profile::Lang::Zh))
                        .join("、")
                ),
                "use one of: Manufacturing, Construction, Commerce, Transport, Health, Education, Finance, PublicService, Science, Culture, Energy, Communications",
            ),
            Kind::Level => (
                "可写：全国、国家级、北京市、市级、区级".into(),
                "use one of: National, Municipal, District",
            ),
            Kind::Picture => ("可写：照片、资料".into(), "use one of: Photo, Document"),
        }
    }
}

/// The text to write for a value, telling what is wrong with one not read.
fn settle(found: &mut Vec<Found>, column: Column, value: Value, kind: Kind) -> String {
    let (zh, en) = match value {
        Value::Known(s) | Value::Typed(s) => return s,
        Value::Missing => (
            format!("缺少{}", column.header()),
            format!("{} is missing", column.english()),
        ),
        Value::Unreadable(s) => match kind {
            Kind::Year => (
                format!("{} 写的是 {s}，年份只写四位数字", column.header()),
                format!("{} is {s}; a year is four digits", column.english()),
            ),
            _ => (
                format!("{} 写的是 `{s}`，不是可用的取值", column.header()),
                format!(
                    "{} is `{s}`, which is not an allowed value",
                    column.english()
                ),
            ),
        },
    };
    let (hint_zh, hint_en) = kind.allowed();
    found.push(Found {
        column,
        severity: Severity::Error,
        message: msg(zh, en, Some((&hint_zh, hint_en))),
    });
    kind.stand_in().to_owned()
}

fn error(column: Column, zh: String, en: String, hint: (&str, &str)) -> Found {
    Found {
        column,
        severity: Severity::Error,
        message: msg(zh, en, Some(hint)),
    }
}

fn bad_sample(cell: &str) -> Found {
    error(
        Column::Sample,
        format!("示例 写的是 `{cell}`"),
        format!("Sample is `{cell}`"),
        (
            "示例人物写“是”，真实人物留空或写“否”",
            "write 是 (yes) for a sample person; leave it empty or 否 (no) for a real one",
        ),
    )
}

/// The portrait's focus; one not read is told and left out (the portrait
/// is then cropped as by default, and the rest of the row still checked).
fn focus(cell: &str, found: &mut Vec<Found>) -> Option<String> {
    match cells::portrait_focus(cell) {
        Value::Known(focus) => Some(focus),
        Value::Missing => None,
        Value::Typed(_) | Value::Unreadable(_) => {
            found.push(error(
                Column::PortraitFocus,
                format!("肖像焦点 写的是 `{cell}`，不是两个数"),
                format!("Portrait focus is `{cell}`, which is not two numbers"),
                (
                    "写人脸的位置：从左边、从上边量起各占几成，例如 0.5, 0.3",
                    "write where the face is, as shares across and down, e.g. 0.5, 0.3",
                ),
            ));
            None
        }
    }
}

/// The honours, with their English titles from the honours' English column
/// (in the same order).
fn honours(cells: &Cells, found: &mut Vec<Found>) -> Vec<HonourOut> {
    let titles_en = cells::titles(cells.get(Column::HonoursEn));
    let mut out = Vec::new();
    for item in cells::items(cells.get(Column::Honours), true) {
        let Some(h) = cells::honour(&item) else {
            found.push(error(
                Column::Honours,
                format!("荣誉 “{item}” 不是“年份 称号 级别”"),
                format!("the honour “{item}” is not “year title level”"),
                (
                    "例如 1989 北京市劳动模范 北京市；多项之间用“；”隔开",
                    "e.g. 1989 北京市劳动模范 北京市; separate several with ；",
                ),
            ));
            continue;
        };
        let year = settle(found, Column::Honours, h.year, Kind::Year);
        let level = settle(found, Column::Honours, h.level, Kind::Level);
        let en = titles_en.get(out.len()).cloned().unwrap_or_default();
        out.push(HonourOut {
            year,
            title: Pair { zh: h.title, en },
            level,
        });
    }
    if titles_en.len() > out.len() {
        found.push(error(
            Column::HonoursEn,
            format!(
                "英文称号有 {} 项，荣誉只有 {} 项",
                titles_en.len(),
                out.len()
            ),
            format!(
                "{} English titles for {} honours",
                titles_en.len(),
                out.len()
            ),
            (
                "每项荣誉一个英文称号，顺序相同，用“；”隔开",
                "one English title per honour, in the same order, separated by ；",
            ),
        ));
    }
    out
}

fn media(cells: &Cells, found: &mut Vec<Found>) -> Vec<MediaOut> {
    let mut out = Vec::new();
    for item in cells::items(cells.get(Column::Media), false) {
        let Some(m) = cells::media(&item) else {
            found.push(error(
                Column::Media,
                format!("照片资料 “{item}” 不是“文件 | 种类 | 说明”"),
                format!("the picture “{item}” is not “file | kind | caption”"),
                (
                    "例如 1958-工作照.jpg | 照片 | 说明 | English caption | 1958；英文说明和年份可以不写；多项之间用“；”或换行隔开",
                    "e.g. 1958-at-work.jpg | 照片 | 说明 | English caption | 1958; the English caption and year may be left out; separate several with ； or a line break",
                ),
            ));
            continue;
        };
        out.push(MediaOut {
            file: m.file,
            kind: settle(found, Column::Media, m.kind, Kind::Picture),
            caption: Pair {
                zh: m.caption,
                en: m.caption_en,
            },
            year: m.year.map(|y| settle(found, Column::Media, y, Kind::Year)),
        });
    }
    out
}
