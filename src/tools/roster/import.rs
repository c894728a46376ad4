//! `kiosk import 花名册.xlsx`: one person's folder per row. Each row is
//! written as a `profile.ron` and read back through the kiosk's own loader
//! before anything is saved, so a row that is made always passes the check,
//! and what the loader finds is told against the row and column it came from.

use super::columns::Column;
use super::profile_text::{ProfileText, compose};
use super::report::{ImportReport, Outcome, RowProblem};
use super::row::{self, Cells, Found, Person};
use super::sheet::{self, Sheet};
use crate::profile::{ProfileDir, Severity, load_profile, msg};
use std::collections::HashMap;
use std::path::Path;

/// How many rows at the top may come before the header row (a title, a
/// date, a note).
const HEADER_SEARCH_ROWS: usize = 10;

pub struct ImportOptions<'a> {
    pub file: &'a Path,
    pub profiles: &'a Path,
    /// Report only; write nothing.
    pub dry_run: bool,
    /// Replace a person's profile.ron that differs from the row.
    pub update: bool,
}

/// The header row: which column each cell is, and how the file names it.
struct Header {
    row: usize,
    columns: Vec<Option<Column>>,
    written: HashMap<Column, String>,
}

impl Header {
    /// The column as the curator's file names it (or as the export would).
    fn name(&self, c: Column) -> String {
        self.written
            .get(&c)
            .cloned()
            .unwrap_or_else(|| c.header().to_owned())
    }
}

/// Imports every row of `opts.file` into `opts.profiles`.
pub fn import(opts: &ImportOptions) -> ImportReport {
    let file = opts.file.display().to_string();
    let mut report = ImportReport::new(&file, opts.dry_run);
    let sheet = match sheet::read(opts.file) {
        Ok(sheet) => sheet,
        Err(u) => {
            report.file_error(msg(u.zh, u.en, u.hint));
            return report;
        }
    };
    let Some(header) = find_header(&sheet, &mut report) else {
        return report;
    };
    let source = opts
        .file
        .file_name()
        .map_or(file.clone(), |n| n.to_string_lossy().into_owned());
    let mut taken: HashMap<String, usize> = HashMap::new();
    for (number, cells) in sheet.rows.iter().filter(|(n, _)| *n > header.row) {
        let row = Row {
            number: *number,
            header: &header,
            source: &source,
        };
        row.import(cells, opts, &mut taken, &mut report);
    }
    report
}

/// Finds the row naming the 姓名 column; tells of columns it does not know.
fn find_header(sheet: &Sheet, report: &mut ImportReport) -> Option<Header> {
    let Some((row, cells)) = sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .find(|(_, cells)| {
            cells
                .iter()
                .any(|c| Column::of_header(c) == Some(Column::Name))
        })
    else {
        report.file_error(msg(
            "找不到“姓名”列",
            "there is no 姓名 (Name) column",
            Some((
                "第一行写列名：姓名、英文名、性别、出生……",
                "write the column names in the first row: 姓名 (Name), 英文名, 性别, 出生…",
            )),
        ));
        return None;
    };
    let row = *row;
    let mut header = Header {
        row,
        columns: Vec::new(),
        written: HashMap::new(),
    };
    for cell in cells {
        let column = Column::of_header(cell);
        match column {
            Some(c) if header.written.contains_key(&c) => report.push(RowProblem::new(
                row,
                cell.trim(),
                Severity::Error,
                msg(
                    format!("“{}”列出现了两次", cell.trim()),
                    format!("the column “{}” appears twice", cell.trim()),
                    Some(("删去其中一列", "delete one of them")),
                ),
            )),
            Some(c) => {
                header.written.insert(c, cell.trim().to_owned());
            }
            None if !cell.trim().is_empty() => report.push(unknown_column(row, cell.trim())),
            None => {}
        }
        header.columns.push(column);
    }
    Some(header)
}

/// A column that is none of the roster's: its cells are left out, which
/// the curator must hear of (a misspelt header would lose a whole column).
fn unknown_column(row: usize, cell: &str) -> RowProblem {
    let known: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
    RowProblem::new(
        row,
        cell,
        Severity::Warning,
        msg(
            format!("不认识“{cell}”列，这一列没有导入"),
            format!("unknown column “{cell}”: it is not imported"),
            Some((
                &format!("可用的列：{}", known.join("、")),
                "see the roster's columns in CURATORS.md",
            )),
        ),
    )
}

impl ImportReport {
    fn file_error(&mut self, message: String) {
        self.push(RowProblem::new(1, "1", Severity::Error, message));
    }
}

/// Where a row is: its number in the spreadsheet, the header it is read by.
struct Row<'a> {
    number: usize,
    header: &'a Header,
    source: &'a str,
}

impl Row<'_> {
    fn import(
        &self,
        cells: &[String],
        opts: &ImportOptions,
        taken: &mut HashMap<String, usize>,
        report: &mut ImportReport,
    ) {
        let cells = self.cells(cells);
        let (person, mut found) = row::read(&cells);
        let slug = self.slug(&person, taken, &mut found);
        let text = compose(&person, self.source);
        let dir = ProfileDir {
            root: opts.profiles,
            slug: slug.as_deref().unwrap_or("_"),
        };
        let loaded = load_profile(&dir, text.text.as_bytes());
        found.extend(loader_found(&text, &found, loaded.problems));
        let bad = found.iter().any(|f| f.severity == Severity::Error) || loaded.value.is_none();
        let outcome = match (&slug, &loaded.value) {
            (Some(slug), Some(profile)) if !bad => {
                self.save(opts, slug, profile, &text.text, &person, &mut found)
            }
            _ => None,
        };
        for f in found {
            report.push(RowProblem::new(
                self.number,
                &self.header.name(f.column),
                f.severity,
                f.message,
            ));
        }
        report.row_done(self.number, slug.as_deref(), outcome);
    }

    fn cells<'c>(&self, cells: &'c [String]) -> Cells<'c> {
        let by_column = self
            .header
            .columns
            .iter()
            .zip(cells)
            .filter_map(|(c, cell)| Some(((*c)?, cell.as_str())))
            .collect();
        Cells { by_column }
    }

    /// The person's folder: the 文件夹 cell, or the name in pinyin. A
    /// second row with the same folder is told on that row.
    fn slug(
        &self,
        person: &Person,
        taken: &mut HashMap<String, usize>,
        found: &mut Vec<Found>,
    ) -> Option<String> {
        let (slug, column) = match &person.folder {
            Some(folder) => (folder.clone(), Column::Folder),
            // An empty name is told by the loader; it has no folder.
            None if person.name.zh.is_empty() => return None,
            None => match slug_of_name(&person.name.zh, &person.name.en) {
                Some(slug) => (slug, Column::Name),
                None => {
                    found.push(error(
                        Column::Name,
                        msg(
                            format!("无法从姓名“{}”得出文件夹名", person.name.zh),
                            format!("no folder name can be made from “{}”", person.name.zh),
                            Some((
                                "请在“文件夹”列写上，如 li-ming",
                                "write one in the 文件夹 (Folder) column, e.g. li-ming",
                            )),
                        ),
                    ));
                    return None;
                }
            },
        };
        if let Err(e) = crate::tools::new_person::check_slug(&slug) {
            found.push(error(column, e));
            return None;
        }
        if let Some(first) = taken.get(&slug) {
            found.push(error(
                column,
                msg(
                    format!("文件夹名 {slug} 与第 {first} 行的相同"),
                    format!("the folder name {slug} is the same as row {first}'s"),
                    Some((
                        &format!("在“文件夹”列给这一行另写一个，如 {slug}-2"),
                        &format!("write another in the 文件夹 (Folder) column, e.g. {slug}-2"),
                    )),
                ),
            ));
            return None;
        }
        taken.insert(slug.clone(), self.number);
        Some(slug)
    }

    /// Writes the profile unless an existing one must be kept; what was done.
    fn save(
        &self,
        opts: &ImportOptions,
        slug: &str,
        profile: &crate::profile::Profile,
        text: &str,
        person: &Person,
        found: &mut Vec<Found>,
    ) -> Option<Outcome> {
        let folder = opts.profiles.join(slug);
        let path = folder.join("profile.ron");
        let outcome = match existing(opts.profiles, slug) {
            None => Outcome::Made,
            Some(old) if old.as_ref() == Some(profile) => return Some(Outcome::Unchanged),
            Some(_) if opts.update => Outcome::Updated,
            Some(_) => {
                let column = if person.folder.is_some() {
                    Column::Folder
                } else {
                    Column::Name
                };
                found.push(error(
                    column,
                    msg(
                        format!("{} 已经存在，内容与这一行不同，没有覆盖", path.display()),
                        format!(
                            "{} already exists and differs from this row: not overwritten",
                            path.display()
                        ),
                        Some((
                            "确认要用花名册的内容替换时，加上 --update 再导入",
                            "to replace it with the roster's, import again with --update",
                        )),
                    ),
                ));
                return None;
            }
        };
        if opts.dry_run {
            return Some(outcome);
        }
        match write_profile(&folder, text) {
            Ok(()) => Some(outcome),
            Err(e) => {
                found.push(error(
                    Column::Name,
                    msg(
                        format!("无法写入 {}：{e}", path.display()),
                        format!("cannot write {}: {e}", path.display()),
                        None,
                    ),
                ));
                None
            }
        }
    }
}

/// The profile already in `root/slug`, if there is a `profile.ron`: its
/// value when it loads.
fn existing(root: &Path, slug: &str) -> Option<Option<crate::profile::Profile>> {
    let path = root.join(slug).join("profile.ron");
    let bytes = crate::profile::curator_file::read_text_file(&path).ok()?;
    Some(load_profile(&ProfileDir { root, slug }, &bytes).value)
}

/// Saves the whole file at once (written beside it, then renamed), so a
/// running kiosk never reads half of it.
fn write_profile(folder: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::create_dir_all(folder)?;
    let mut file = tempfile::Builder::new()
        .prefix(".profile.ron.")
        .tempfile_in(folder)?;
    file.write_all(text.as_bytes())?;
    file.persist(folder.join("profile.ron"))
        .map_err(|e| e.error)?;
    Ok(())
}

/// The loader's problems, each told against the column its line came from;
/// none where the row's own reading already told of that column (a value
/// not read stands in there, and what the loader says of it is beside the point).
fn loader_found(
    text: &ProfileText,
    own: &[Found],
    problems: Vec<crate::profile::Problem>,
) -> Vec<Found> {
    problems
        .into_iter()
        .map(|p| Found {
            column: text.column_of(p.line),
            severity: p.severity,
            message: p.message,
        })
        .filter(|f| {
            !own.iter()
                .any(|o| o.column == f.column && o.severity == Severity::Error)
        })
        .collect()
}

fn error(column: Column, message: String) -> Found {
    Found {
        column,
        severity: Severity::Error,
        message,
    }
}

/// A folder name from a name: the pinyin of the Chinese (its surname read
/// as a surname), `wang-jianguo`; failing that, the English name.
pub fn slug_of_name(zh: &str, en: &str) -> Option<String> {
    if let Some(reading) = crate::search::name_readings(zh).first() {
        let slug = match reading.given() {
            Some(given) => format!("{}-{given}", reading.surname()),
            None => reading.surname(),
        };
        if !slug.is_empty() {
            return Some(slug);
        }
    }
    let words: Vec<String> = en
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    (!words.is_empty()).then(|| words.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_from_names() {
        assert_eq!(slug_of_name("白国强", "").as_deref(), Some("bai-guoqiang"));
        assert_eq!(slug_of_name("欧阳海", "").as_deref(), Some("ouyang-hai"));
        assert_eq!(slug_of_name("曾", "").as_deref(), Some("zeng"));
        assert_eq!(
            slug_of_name("", "Ada Lovelace").as_deref(),
            Some("ada-lovelace")
        );
        assert_eq!(slug_of_name("", ""), None);
    }
}
