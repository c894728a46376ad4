//! The statistics database: its schema, how it is opened (made, repaired
//! after a power cut), how a batch of records goes in, and how it is kept
//! under its size. Only the writer thread and `kiosk report` open it.

use super::Record;
use rusqlite::{Connection, OpenFlags, params};
use std::path::{Path, PathBuf};

/// Bumped when the tables change; `kiosk report` refuses a newer one.
pub const SCHEMA_VERSION: i64 = 1;

/// Times are Unix seconds (UTC, with fractions); a visitor's language and
/// reading modes are what they chose at any moment of the visit. Nothing
/// that names or could find a visitor: no typed text, no touches.
const SCHEMA: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    started REAL NOT NULL,
    ended REAL,
    lang TEXT NOT NULL DEFAULT 'zh',
    large_text INTEGER NOT NULL DEFAULT 0,
    high_contrast INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_started ON sessions(started);
CREATE TABLE views (
    session INTEGER NOT NULL,
    slug TEXT NOT NULL,
    opened REAL NOT NULL,
    seconds REAL NOT NULL
);
CREATE INDEX views_session ON views(session);
CREATE TABLE searches (
    session INTEGER NOT NULL,
    at REAL NOT NULL,
    found INTEGER NOT NULL,
    opened TEXT
);
CREATE INDEX searches_session ON searches(session);
CREATE TABLE choices (
    session INTEGER NOT NULL,
    at REAL NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE INDEX choices_session ON choices(session);
";

/// What can go wrong with the database (logged once; never shown).
#[derive(Debug, thiserror::Error)]
pub enum StatsError {
    #[error("statistics database {path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("statistics database {path}: cannot make its folder: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "statistics database {path}: schema version {found}, this kiosk knows {SCHEMA_VERSION}"
    )]
    Newer { path: PathBuf, found: i64 },
}

impl StatsError {
    fn at(path: &Path) -> impl Fn(rusqlite::Error) -> StatsError + '_ {
        move |source| StatsError::Sqlite {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Opens the database for writing, making it the first time, and closes
/// any session a crash or power cut left open.
pub fn open(path: &Path, kiosk: &str) -> Result<Connection, StatsError> {
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|source| StatsError::Folder {
            path: path.to_path_buf(),
            source,
        })?;
    }
    let at = StatsError::at(path);
    let conn = Connection::open(path).map_err(&at)?;
    // NORMAL under WAL: a commit is durable once checkpointed, a power cut
    // loses at most the last commits, and never corrupts the file.
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 4194304;")
        .map_err(&at)?;
    let made: bool = conn
        .query_row(
            "SELECT count(*) = 0 FROM sqlite_schema WHERE name = 'meta'",
            [],
            |r| r.get(0),
        )
        .map_err(&at)?;
    if made {
        create(&conn, kiosk).map_err(&at)?;
    } else {
        let found = schema_version(&conn).map_err(&at)?;
        if found > SCHEMA_VERSION {
            return Err(StatsError::Newer {
                path: path.to_path_buf(),
                found,
            });
        }
    }
    close_left_open(&conn).map_err(&at)?;
    Ok(conn)
}

/// Opens a database to read, never to change it (a report, over a share).
pub fn open_to_read(path: &Path) -> Result<Connection, StatsError> {
    let at = StatsError::at(path);
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(&at)?;
    let found = schema_version(&conn).map_err(&at)?;
    if found > SCHEMA_VERSION {
        return Err(StatsError::Newer {
            path: path.to_path_buf(),
            found,
        });
    }
    Ok(conn)
}

fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    let text: String = conn.query_row(
        "SELECT value FROM meta WHERE key = 'schema_version'",
        [],
        |r| r.get(0),
    )?;
    Ok(text.parse().unwrap_or(i64::MAX))
}

/// A new file: incremental auto-vacuum (it can only be chosen before the
/// first table), WAL, the tables, and whose kiosk it is.
fn create(conn: &Connection, kiosk: &str) -> rusqlite::Result<()> {
    conn.execute_batch("PRAGMA auto_vacuum = INCREMENTAL;")?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    conn.execute_batch(&format!("BEGIN; {SCHEMA}"))?;
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('schema_version', ?1), ('kiosk', ?2)",
        params![SCHEMA_VERSION.to_string(), kiosk],
    )?;
    conn.execute_batch("COMMIT;")
}

/// A session still open when the database is opened was cut short (a
/// crash, a power cut): it ends at its last record.
fn close_left_open(conn: &Connection) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE sessions SET ended = max(
            started,
            coalesce((SELECT max(opened + seconds) FROM views WHERE session = sessions.id), 0),
            coalesce((SELECT max(at) FROM searches WHERE session = sessions.id), 0),
            coalesce((SELECT max(at) FROM choices WHERE session = sessions.id), 0)
        ) WHERE ended IS NULL",
        [],
    )
}

/// The kiosk's name in the exhibition's reports: its host name.
pub fn kiosk_name() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|f| std::fs::read_to_string(f).ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "kiosk".to_owned())
}

/// Writes one batch in one transaction. `session` is the session being
/// recorded (its rowid), carried from batch to batch.
pub fn write_batch(
    conn: &mut Connection,
    batch: &[Record],
    session: &mut Option<i64>,
) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    for record in batch {
        write_one(&tx, record, session)?;
    }
    tx.commit()
}

fn write_one(
    conn: &Connection,
    record: &Record,
    session: &mut Option<i64>,
) -> rusqlite::Result<()> {
    if let Record::Began { at } = record {
        conn.prepare_cached("INSERT INTO sessions (started) VALUES (?1)")?
            .execute([at])?;
        *session = Some(conn.last_insert_rowid());
        return Ok(());
    }
    // A record outside a session (cannot happen from the kiosk) is dropped.
    let Some(id) = *session else {
        return Ok(());
    };
    match record {
        Record::Began { .. } => {}
        Record::Read {
            english,
            large_text,
            high_contrast,
        } => {
            let lang = if *english { "en" } else { "zh" };
            conn.prepare_cached(
                "UPDATE sessions SET lang = ?2, large_text = ?3, high_contrast = ?4 WHERE id = ?1",
            )?
            .execute(params![id, lang, large_text, high_contrast])?;
        }
        Record::Viewed {
            slug,
            opened,
            seconds,
        } => {
            conn.prepare_cached(
                "INSERT INTO views (session, slug, opened, seconds) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![id, slug, opened, seconds])?;
        }
        Record::Searched { at, found, opened } => {
            conn.prepare_cached(
                "INSERT INTO searches (session, at, found, opened) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![id, at, found, opened])?;
        }
        Record::Chose { at, kind, value } => {
            conn.prepare_cached(
                "INSERT INTO choices (session, at, kind, value) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![id, at, kind.as_str(), value])?;
        }
        Record::Ended { at } => {
            conn.prepare_cached("UPDATE sessions SET ended = ?2 WHERE id = ?1")?
                .execute(params![id, at])?;
            *session = None;
        }
    }
    Ok(())
}

/// The file's size in bytes as SQLite counts it (the main file; the WAL
/// is kept under 4 MB by `journal_size_limit`).
pub fn size_bytes(conn: &Connection) -> rusqlite::Result<u64> {
    let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    let free: i64 = conn.query_row("PRAGMA freelist_count", [], |r| r.get(0))?;
    let size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    Ok(((pages - free).max(0) * size) as u64)
}

/// Past `max_bytes`, the oldest sessions go with their rows, down to nine
/// tenths of it, and the freed pages go back to the disk. `keep` is the
/// session being recorded. Returns how many sessions went.
pub fn prune(conn: &mut Connection, max_bytes: u64, keep: Option<i64>) -> rusqlite::Result<u64> {
    let mut gone = 0;
    // Rows are not all the same size: a few rounds at most reach the bound.
    for _ in 0..8 {
        match prune_once(conn, max_bytes, keep)? {
            0 => break,
            n => gone += n,
        }
    }
    Ok(gone)
}

fn prune_once(conn: &mut Connection, max_bytes: u64, keep: Option<i64>) -> rusqlite::Result<u64> {
    let size = size_bytes(conn)?;
    if size <= max_bytes {
        return Ok(0);
    }
    let sessions: i64 = conn.query_row("SELECT count(*) FROM sessions", [], |r| r.get(0))?;
    let share = 1.0 - 0.9 * max_bytes as f64 / size as f64;
    let drop = ((sessions as f64 * share).ceil() as i64).clamp(1, sessions.max(1));
    let cutoff: Option<i64> = conn
        .query_row(
            "SELECT id FROM sessions ORDER BY id LIMIT 1 OFFSET ?1",
            [drop - 1],
            |r| r.get(0),
        )
        .ok();
    // The session being recorded stays, whatever the size.
    let Some(cutoff) = cutoff.map(|c| keep.map_or(c, |k| c.min(k - 1))) else {
        return Ok(0);
    };
    let tx = conn.transaction()?;
    for table in ["views", "searches", "choices"] {
        tx.execute(
            &format!("DELETE FROM {table} WHERE session <= ?1"),
            [cutoff],
        )?;
    }
    let gone = tx.execute("DELETE FROM sessions WHERE id <= ?1", [cutoff])?;
    tx.commit()?;
    // Stepped to the end: each step of incremental_vacuum frees one page.
    for pragma in [
        "PRAGMA incremental_vacuum",
        "PRAGMA wal_checkpoint(TRUNCATE)",
    ] {
        let mut stmt = conn.prepare(pragma)?;
        let mut rows = stmt.query([])?;
        while rows.next()?.is_some() {}
    }
    Ok(gone as u64)
}
