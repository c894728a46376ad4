//! `kiosk report`: the visitor statistics of one kiosk or of a whole
//! exhibition (several kiosks' databases), as `index.html` with charts and
//! one CSV per table. Not the curators' report (`crate::report`), which is
//! about their files.

mod charts;
mod figures;
mod page;
mod sections;

pub use figures::{Figures, Kiosk, LENGTH_BANDS, Viewed};
pub use sections::{MOST_VIEWED, Names};

use crate::stats::StatsError;
use std::path::{Path, PathBuf};

/// What to report on.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub out: PathBuf,
    /// One database per kiosk.
    pub databases: Vec<PathBuf>,
    /// Only visits begun on or after this local date.
    pub since: Option<chrono::NaiveDate>,
    /// The profiles, to name people beside their folders.
    pub profiles: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Stats(#[from] StatsError),
    #[error("{path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Csv { path: PathBuf, source: csv::Error },
    #[error("没有给出数据库 · no database given")]
    NoDatabase,
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Written {
    pub index: PathBuf,
    pub tables: Vec<PathBuf>,
    pub figures: Figures,
}

/// Reads every database, adds them up, writes the page and the tables.
pub fn run(opts: &ReportOptions) -> Result<Written, ReportError> {
    let figures = gather(&opts.databases, opts.since)?;
    let names = opts.profiles.as_deref().map(names).unwrap_or_default();
    let sections = sections::sections(&figures, &names);
    let since = opts.since.map(|d| d.format("%Y-%m-%d").to_string());
    let html = page::index_html(&figures, &sections, since.as_deref());
    let write = |path: PathBuf, bytes: &[u8]| {
        write_whole(&path, bytes).map_err(|source| ReportError::Write {
            path: path.clone(),
            source,
        })?;
        Ok::<_, ReportError>(path)
    };
    std::fs::create_dir_all(&opts.out).map_err(|source| ReportError::Write {
        path: opts.out.clone(),
        source,
    })?;
    let mut tables = Vec::new();
    for s in &sections {
        let path = opts.out.join(s.table.file);
        let bytes = csv_of(&s.table).map_err(|source| ReportError::Csv {
            path: path.clone(),
            source,
        })?;
        tables.push(write(path, &bytes)?);
    }
    let index = write(opts.out.join("index.html"), html.as_bytes())?;
    Ok(Written {
        index,
        tables,
        figures,
    })
}

/// Every database's figures, added together.
pub fn gather(
    databases: &[PathBuf],
    since: Option<chrono::NaiveDate>,
) -> Result<Figures, ReportError> {
    if databases.is_empty() {
        return Err(ReportError::NoDatabase);
    }
    let since = since.map_or(f64::MIN, local_midnight);
    let mut all = Figures::default();
    for file in databases {
        let mut one = figures::read(file, since)?;
        for k in &mut one.kiosks {
            k.file = file.clone();
        }
        all.merge(one);
    }
    Ok(all)
}

/// The first second of `day` on this computer's clock, as Unix seconds.
fn local_midnight(day: chrono::NaiveDate) -> f64 {
    use chrono::TimeZone;
    let midnight = day.and_time(chrono::NaiveTime::MIN);
    chrono::Local
        .from_local_datetime(&midnight)
        .earliest()
        .map_or_else(|| midnight.and_utc().timestamp(), |t| t.timestamp()) as f64
}

/// People's names from the profiles folder, read as the kiosk reads them.
pub fn names(profiles: &Path) -> Names {
    crate::profile::folders::profile_slugs(profiles)
        .into_iter()
        .filter_map(|slug| {
            let dir = crate::profile::ProfileDir {
                root: profiles,
                slug: &slug,
            };
            // As the kiosk reads it (a curator's giant file is refused unread).
            let file = profiles.join(&slug).join("profile.ron");
            let bytes = crate::profile::curator_file::read_text_file(&file).ok()?;
            let profile = crate::profile::load_profile(&dir, &bytes).value?;
            let en = profile.name.en.clone().filter(|e| !e.is_empty());
            Some((slug, (profile.name.zh.clone(), en)))
        })
        .collect()
}

/// A table as CSV, with a byte-order mark so that Excel reads it as UTF-8.
fn csv_of(table: &sections::Table) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    out.write_record(&table.head)?;
    for row in &table.rows {
        out.write_record(row)?;
    }
    out.into_inner()
        .map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))
}

/// Written whole or not at all: a temporary file, then a rename.
fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(bytes)?;
    // Readable by whoever opens the share, as any file written there.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    temp.persist(path)?;
    Ok(())
}
