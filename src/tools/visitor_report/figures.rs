//! The figures of one kiosk's database, added up in SQL, and several
//! kiosks' figures added together in Rust: every figure is a count or a
//! sum, so an exhibition's report is the sum of its kiosks'.

use crate::stats::{self, StatsError};
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Session lengths are counted in these bands: the upper bound of each
/// band in seconds (the last has none).
pub const LENGTH_BANDS: [(f64, &str, &str); 7] = [
    (30.0, "30秒以内", "under 30 s"),
    (60.0, "30秒–1分", "30 s–1 min"),
    (120.0, "1–2分", "1–2 min"),
    (300.0, "2–5分", "2–5 min"),
    (600.0, "5–10分", "5–10 min"),
    (1200.0, "10–20分", "10–20 min"),
    (f64::INFINITY, "20分以上", "over 20 min"),
];

/// One kiosk's database, as the report names it.
#[derive(Debug, Clone, Default)]
pub struct Kiosk {
    pub name: String,
    pub file: PathBuf,
    pub sessions: u64,
    /// The first and last day with a visit (local dates).
    pub first: Option<String>,
    pub last: Option<String>,
}

/// A person's page: how often it was opened and the seconds spent on it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Viewed {
    pub opened: u64,
    pub seconds: f64,
}

impl Viewed {
    pub fn mean_seconds(&self) -> f64 {
        if self.opened == 0 {
            0.0
        } else {
            self.seconds / self.opened as f64
        }
    }
}

/// Everything the report shows, for one kiosk or all of them.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub kiosks: Vec<Kiosk>,
    pub sessions: u64,
    /// The seconds of all ended sessions, for the mean length.
    pub session_seconds: f64,
    /// Visits by local date, `2026-11-30`.
    pub per_day: BTreeMap<String, u64>,
    /// Visits by the local hour they began.
    pub per_hour: [u64; 24],
    /// Visits by length, in `LENGTH_BANDS`.
    pub lengths: [u64; LENGTH_BANDS.len()],
    pub people: BTreeMap<String, Viewed>,
    /// Sessions in Chinese only, and with English chosen.
    pub chinese_only: u64,
    pub english: u64,
    pub large_text: u64,
    pub high_contrast: u64,
    pub searches_found: u64,
    pub searches_not_found: u64,
    /// Searches from which a person was opened.
    pub searches_opened: u64,
    /// (kind, value) → times chosen: filters and decades.
    pub choices: BTreeMap<(String, String), u64>,
}

impl Figures {
    /// Adds another kiosk's figures to these.
    pub fn merge(&mut self, other: Figures) {
        self.kiosks.extend(other.kiosks);
        self.sessions += other.sessions;
        self.session_seconds += other.session_seconds;
        for (day, n) in other.per_day {
            *self.per_day.entry(day).or_default() += n;
        }
        for (mine, theirs) in self.per_hour.iter_mut().zip(other.per_hour) {
            *mine += theirs;
        }
        for (mine, theirs) in self.lengths.iter_mut().zip(other.lengths) {
            *mine += theirs;
        }
        for (slug, v) in other.people {
            let mine = self.people.entry(slug).or_default();
            mine.opened += v.opened;
            mine.seconds += v.seconds;
        }
        self.chinese_only += other.chinese_only;
        self.english += other.english;
        self.large_text += other.large_text;
        self.high_contrast += other.high_contrast;
        self.searches_found += other.searches_found;
        self.searches_not_found += other.searches_not_found;
        self.searches_opened += other.searches_opened;
        for (key, n) in other.choices {
            *self.choices.entry(key).or_default() += n;
        }
    }

    /// The most opened people, most first (ties by slug).
    pub fn most_viewed(&self, n: usize) -> Vec<(&str, Viewed)> {
        let mut all: Vec<(&str, Viewed)> =
            self.people.iter().map(|(s, v)| (s.as_str(), *v)).collect();
        all.sort_by(|a, b| b.1.opened.cmp(&a.1.opened).then(a.0.cmp(b.0)));
        all.truncate(n);
        all
    }

    pub fn mean_session_seconds(&self) -> f64 {
        if self.sessions == 0 {
            0.0
        } else {
            self.session_seconds / self.sessions as f64
        }
    }
}

/// A count as SQLite holds it (a 64-bit signed integer).
fn n(row: &rusqlite::Row, i: usize) -> rusqlite::Result<u64> {
    Ok(row.get::<_, i64>(i)?.max(0) as u64)
}

/// One database's figures for the sessions begun at or after `since`
/// (Unix seconds).
pub fn read(file: &Path, since: f64) -> Result<Figures, StatsError> {
    let conn = stats::open_to_read(file)?;
    read_from(&conn, since).map_err(|source| StatsError::Sqlite {
        path: file.to_path_buf(),
        source,
    })
}

fn read_from(conn: &Connection, since: f64) -> rusqlite::Result<Figures> {
    let mut f = Figures::default();
    sessions(conn, since, &mut f)?;
    people(conn, since, &mut f)?;
    searches(conn, since, &mut f)?;
    let mut stmt = conn.prepare(
        "SELECT kind, value, count(*) FROM choices
         WHERE session IN (SELECT id FROM sessions WHERE started >= ?1) GROUP BY kind, value",
    )?;
    for row in stmt.query_map([since], |r| Ok((r.get(0)?, r.get(1)?, n(r, 2)?)))? {
        let (kind, value, times): (String, String, u64) = row?;
        f.choices.insert((kind, value), times);
    }
    Ok(f)
}

/// Visits: by day, by hour, by length; languages and reading modes.
fn sessions(conn: &Connection, since: f64, f: &mut Figures) -> rusqlite::Result<()> {
    let name: String = conn
        .query_row("SELECT value FROM meta WHERE key = 'kiosk'", [], |r| {
            r.get(0)
        })
        .unwrap_or_default();
    let mut stmt = conn.prepare(
        "SELECT date(started, 'unixepoch', 'localtime') AS day, count(*) FROM sessions
         WHERE started >= ?1 GROUP BY day",
    )?;
    for row in stmt.query_map([since], |r| Ok((r.get(0)?, n(r, 1)?)))? {
        let (day, visits): (String, u64) = row?;
        f.per_day.insert(day, visits);
    }
    let mut stmt = conn.prepare(
        "SELECT CAST(strftime('%H', started, 'unixepoch', 'localtime') AS INTEGER) AS hour,
                count(*) FROM sessions WHERE started >= ?1 GROUP BY hour",
    )?;
    for row in stmt.query_map([since], |r| Ok((n(r, 0)?, n(r, 1)?)))? {
        let (hour, visits) = row?;
        if let Some(slot) = f.per_hour.get_mut(hour as usize) {
            *slot = visits;
        }
    }
    let bands: Vec<String> = LENGTH_BANDS
        .iter()
        .enumerate()
        .filter(|(_, (upper, _, _))| upper.is_finite())
        .map(|(i, (upper, _, _))| format!("WHEN d < {upper} THEN {i}"))
        .collect();
    let mut stmt = conn.prepare(&format!(
        "SELECT CASE {} ELSE {} END AS band, count(*), sum(d) FROM
           (SELECT ended - started AS d FROM sessions WHERE started >= ?1 AND ended IS NOT NULL)
         GROUP BY band",
        bands.join(" "),
        LENGTH_BANDS.len() - 1
    ))?;
    for row in stmt.query_map([since], |r| Ok((n(r, 0)?, n(r, 1)?, r.get(2)?)))? {
        let (band, visits, seconds): (u64, u64, f64) = row?;
        if let Some(slot) = f.lengths.get_mut(band as usize) {
            *slot = visits;
        }
        f.session_seconds += seconds;
    }
    let (sessions, english, large, contrast): (u64, u64, u64, u64) = conn.query_row(
        "SELECT count(*), coalesce(sum(lang = 'en'), 0), coalesce(sum(large_text), 0),
                coalesce(sum(high_contrast), 0)
         FROM sessions WHERE started >= ?1",
        [since],
        |r| Ok((n(r, 0)?, n(r, 1)?, n(r, 2)?, n(r, 3)?)),
    )?;
    (f.sessions, f.english, f.large_text, f.high_contrast) = (sessions, english, large, contrast);
    f.chinese_only = sessions - english;
    f.kiosks.push(Kiosk {
        name,
        sessions,
        first: f.per_day.keys().next().cloned(),
        last: f.per_day.keys().next_back().cloned(),
        ..Kiosk::default()
    });
    Ok(())
}

fn people(conn: &Connection, since: f64, f: &mut Figures) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(
        "SELECT slug, count(*), sum(seconds) FROM views
         WHERE session IN (SELECT id FROM sessions WHERE started >= ?1) GROUP BY slug",
    )?;
    for row in stmt.query_map([since], |r| Ok((r.get(0)?, n(r, 1)?, r.get(2)?)))? {
        let (slug, opened, seconds): (String, u64, f64) = row?;
        f.people.insert(slug, Viewed { opened, seconds });
    }
    Ok(())
}

fn searches(conn: &Connection, since: f64, f: &mut Figures) -> rusqlite::Result<()> {
    let (found, not_found, opened): (u64, u64, u64) = conn.query_row(
        "SELECT coalesce(sum(found != 0), 0), coalesce(sum(found = 0), 0),
                coalesce(sum(opened IS NOT NULL), 0)
         FROM searches WHERE session IN (SELECT id FROM sessions WHERE started >= ?1)",
        [since],
        |r| Ok((n(r, 0)?, n(r, 1)?, n(r, 2)?)),
    )?;
    (f.searches_found, f.searches_not_found, f.searches_opened) = (found, not_found, opened);
    Ok(())
}
