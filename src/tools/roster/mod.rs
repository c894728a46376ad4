//! The curators' roster (花名册): a spreadsheet with one person a row,
//! turned into people's folders (`kiosk import`) and written back from them
//! (`kiosk export`). Excel or WPS is where curators keep lists; the kiosk
//! reads only `profile.ron`, so the roster is a way in and out, never a
//! second source the kiosk reads.

pub mod cells;
pub mod columns;
pub mod export;
pub mod import;
pub mod profile_text;
pub mod report;
pub mod row;
pub mod sheet;

pub use columns::Column;
pub use export::{ExportReport, FileKind, export};
pub use import::{ImportOptions, import};
pub use report::{ImportReport, Outcome, RowProblem};
