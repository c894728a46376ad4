//! What an import tells the curator: every problem as
//! `FILE:ROW:COLUMN: severity: message` (the row as the spreadsheet numbers
//! it, the column by its header), what became of each row, and a summary.

use crate::profile::{Severity, counted};
use std::fmt;

/// A problem with one cell (or row, or the whole file) of a roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub file: String,
    pub row: usize,
    /// The column's header as the file writes it.
    pub column: String,
    pub severity: Severity,
    pub message: String,
}

impl RowProblem {
    /// A problem whose file is filled in when it is reported.
    pub fn new(row: usize, column: &str, severity: Severity, message: String) -> Self {
        Self {
            file: String::new(),
            row,
            column: column.to_owned(),
            severity,
            message,
        }
    }
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file, self.row, self.column, self.severity, self.message
        )
    }
}

/// What became of a row that was fit to import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Made,
    Updated,
    /// The folder already holds the same person: nothing to write.
    Unchanged,
}

/// One row fit to import, and its folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowDone {
    pub row: usize,
    pub slug: String,
    pub outcome: Outcome,
}

#[derive(Debug, Default)]
pub struct ImportReport {
    file: String,
    dry_run: bool,
    pub problems: Vec<RowProblem>,
    pub done: Vec<RowDone>,
    /// Rows with an error: nothing was made of them.
    pub bad_rows: Vec<usize>,
}

impl ImportReport {
    pub fn new(file: &str, dry_run: bool) -> Self {
        Self {
            file: file.to_owned(),
            dry_run,
            ..Self::default()
        }
    }

    pub fn push(&mut self, mut problem: RowProblem) {
        problem.file.clone_from(&self.file);
        self.problems.push(problem);
    }

    /// Records what became of a row (None: it had an error).
    pub fn row_done(&mut self, row: usize, slug: Option<&str>, outcome: Option<Outcome>) {
        match (slug, outcome) {
            (Some(slug), Some(outcome)) => self.done.push(RowDone {
                row,
                slug: slug.to_owned(),
                outcome,
            }),
            _ => self.bad_rows.push(row),
        }
    }

    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    /// One line per row made or updated.
    pub fn lines(&self) -> Vec<String> {
        let (made, updated) = if self.dry_run {
            ("将新建 · would make", "将更新 · would update")
        } else {
            ("已新建 · made", "已更新 · updated")
        };
        self.done
            .iter()
            .filter_map(|d| {
                let what = match d.outcome {
                    Outcome::Made => made,
                    Outcome::Updated => updated,
                    Outcome::Unchanged => return None,
                };
                Some(format!("{}:{}: {what} {}", self.file, d.row, d.slug))
            })
            .collect()
    }

    pub fn summary(&self) -> String {
        let count = |o: Outcome| self.done.iter().filter(|d| d.outcome == o).count();
        let (made, updated, same) = (
            count(Outcome::Made),
            count(Outcome::Updated),
            count(Outcome::Unchanged),
        );
        let bad = self.bad_rows.len();
        let warnings = self.problems.len() - self.errors();
        let dry = if self.dry_run {
            "（试运行，未写入任何文件 · dry run: nothing written）"
        } else {
            ""
        };
        format!(
            "新建 {made} · 更新 {updated} · 未变 {same} · 有错未导入 {bad} 行{dry}\n{made} made · {updated} updated · {same} unchanged · {} with errors not imported · {} · {}",
            counted(bad, "row"),
            counted(self.errors(), "error"),
            counted(warnings, "warning"),
        )
    }
}

impl RowProblem {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
