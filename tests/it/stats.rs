//! Visitor statistics: a visit as the database keeps it, a writer killed
//! mid-write, the report against the database, and two kiosks in one
//! report.

use crate::check::two_people;
use crate::support::{Kiosk, REAL_TIME_LIMIT};
use kiosk::library::Filter;
use kiosk::profile::HonorLevel;
use kiosk::stats::{Record, Recorder, StatsFile};
use kiosk::tools::bench::year::simulate;
use kiosk::tools::visitor_report::{self, ReportOptions};
use kiosk::visit::{Action, Key, Screen};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Waits until the writer has committed what `ready` looks for.
fn wait_for(db: &Path, ready: &str) -> Connection {
    let start = Instant::now();
    while start.elapsed() < REAL_TIME_LIMIT {
        if let Ok(conn) = kiosk::stats::open_to_read(db)
            && conn
                .query_row(ready, [], |r| r.get::<_, bool>(0))
                .unwrap_or(false)
        {
            return conn;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the database never held: {ready}");
}

fn act(kiosk: &mut Kiosk, action: Action, frames: usize) {
    kiosk.app.world_mut().write_message(action);
    kiosk.frames(frames);
}

fn typed(kiosk: &mut Kiosk, text: &str) {
    for c in text.chars() {
        act(kiosk, Action::Key(Key::Char(c)), 1);
    }
}

/// Every row of a query, as `T`.
fn rows<T: rusqlite::types::FromSql>(conn: &Connection, sql: &str) -> Vec<Vec<T>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let columns = stmt.column_count();
    stmt.query_map([], |r| (0..columns).map(|i| r.get::<_, T>(i)).collect())
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// A visitor's few seconds: two people, a search that finds and opens, a
/// return without typing, a search that finds no one, a filter, a decade,
/// English, and a page left open when they walk away. Returns the two
/// people the gallery opened, in order.
fn a_visit(kiosk: &mut Kiosk) -> (String, String) {
    kiosk.wake();
    let first = kiosk.first_card();
    kiosk.tap_on(&first); // the last touch: the rest is views' actions
    let a = kiosk.visit().person.clone().expect("a person opened");
    kiosk.frames(120);
    act(kiosk, Action::Step(1), 60);
    let b = kiosk.visit().person.clone().unwrap();
    assert_ne!(a, b);
    act(kiosk, Action::Back, 2);
    act(kiosk, Action::Show(Screen::Search), 2);
    typed(kiosk, "ce");
    act(kiosk, Action::Open("ce-shiren".into()), 30);
    // Back to the kept query, and away without typing: no search.
    act(kiosk, Action::Back, 2);
    assert_eq!(kiosk.screen(), Screen::Search);
    act(kiosk, Action::Show(Screen::Gallery), 2);
    act(kiosk, Action::Show(Screen::Search), 2);
    typed(kiosk, "zzqq");
    act(kiosk, Action::Show(Screen::Gallery), 2);
    let national = Filter {
        level: Some(HonorLevel::National),
        sector: None,
    };
    act(kiosk, Action::SetFilter(national), 2);
    act(kiosk, Action::JumpDecade(1950), 2);
    act(kiosk, Action::ToggleLang, 2);
    act(kiosk, Action::Open(b.clone()), 2);
    // "Still there?" 10 s after the last touch, the reset 3 s later.
    kiosk.frames(14 * 60);
    assert_eq!(kiosk.screen(), Screen::Attract);
    (a, b)
}

#[test]
fn a_headless_visit_writes_its_session_people_and_times() {
    let dir = two_people(10, 3);
    let state = tempfile::tempdir().unwrap();
    let file = StatsFile::in_state_folder(state.path(), 200);
    let db = file.path.clone();
    let mut kiosk = Kiosk::new_with(dir.path(), move |app| {
        app.insert_resource(file);
    });
    let (a, b) = a_visit(&mut kiosk);
    drop(kiosk);

    let conn = wait_for(
        &db,
        "SELECT count(*) = 1 FROM sessions WHERE ended IS NOT NULL",
    );
    let (started, ended, lang, large): (f64, f64, String, bool) = conn
        .query_row(
            "SELECT started, ended, lang, large_text FROM sessions",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    // From the wake to "Still there?", 10 s after the last touch.
    let length = ended - started;
    assert!((10.0..10.5).contains(&length), "{length} s");
    assert_eq!((lang.as_str(), large), ("en", false));

    let slugs: Vec<String> =
        rows::<String>(&conn, "SELECT slug FROM views ORDER BY opened").concat();
    assert_eq!(slugs, [a.as_str(), b.as_str(), "ce-shiren", b.as_str()]);
    let times = rows::<f64>(&conn, "SELECT opened, seconds FROM views ORDER BY opened");
    let seconds: Vec<f64> = times.iter().map(|t| t[1]).collect();
    let near = |x: f64, want: f64| (x - want).abs() < 0.1;
    assert!(near(seconds[0], 2.0) && near(seconds[1], 1.0) && near(seconds[2], 0.5));
    // The last page ends with the visit; every page within it.
    assert!(
        (times[3][0] + times[3][1] - ended).abs() < 0.01,
        "{times:?}"
    );
    assert!(
        times
            .iter()
            .all(|t| t[0] >= started && t[0] + t[1] <= ended + 0.01)
    );

    let searches = rows::<Option<String>>(
        &conn,
        "SELECT CAST(found AS TEXT), opened FROM searches ORDER BY at",
    );
    let found = |s: &str| Some(s.to_owned());
    assert_eq!(
        searches,
        [[found("1"), found("ce-shiren")], [found("0"), None]]
    );
    let choices = rows::<String>(&conn, "SELECT kind, value FROM choices ORDER BY at");
    assert_eq!(choices, [["level", "National"], ["decade", "1950"]]);
    // Nothing typed is kept anywhere in the file.
    let bytes = std::fs::read(&db).unwrap();
    for typed in [&b"zzqq"[..], b"cezzqq"] {
        assert!(!bytes.windows(typed.len()).any(|w| w == typed));
    }
}

#[test]
fn a_writer_killed_mid_write_leaves_a_readable_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stats.sqlite");
    // Killed three times, at different moments of its stream of commits;
    // each time it starts again on the same file.
    let mut before = 0;
    for wait_ms in [150, 450, 800] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kiosk"))
            .args([
                "simulate-visits",
                "--sessions",
                "500000",
                "--per-second",
                "20000",
            ])
            .arg("--db")
            .arg(&db)
            .spawn()
            .expect("the kiosk binary runs");
        // A first second's batch is in; the writer is on the next ones (25 s
        // of them at 20,000 visits a second).
        let more = format!("SELECT count(*) > {before} FROM sessions");
        drop(wait_for(&db, &more));
        std::thread::sleep(std::time::Duration::from_millis(wait_ms));
        assert!(
            child.try_wait().unwrap().is_none(),
            "the writer finished before it could be killed"
        );
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        before = still_readable(&db);
    }
}

/// After a kill: the file is whole, its rows are there, and opened again
/// for writing, a visit cut short ends at its last record. Returns how
/// many visits it holds.
fn still_readable(db: &Path) -> i64 {
    let conn = kiosk::stats::open_to_read(db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let (sessions, views): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM sessions), (SELECT count(*) FROM views)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(
        sessions > 0 && views > 0,
        "{sessions} sessions, {views} views"
    );
    drop(conn);
    let conn = kiosk::stats::open(db, "test").unwrap();
    let open: i64 = conn
        .query_row(
            "SELECT count(*) FROM sessions WHERE ended IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(open, 0);
    println!("killed after {sessions} visits, {views} pages: integrity ok");
    sessions
}

/// A small exhibition year: `sessions` visits, `per_day` a day.
fn simulated(dir: &Path, name: &str, sessions: usize, per_day: usize) -> PathBuf {
    let db = dir.join(name);
    simulate(&db, sessions, per_day, &[], 0);
    db
}

fn counts(conn: &Connection, sql: &str) -> Vec<(String, i64)> {
    conn.prepare(sql)
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn report(out: &Path, databases: Vec<PathBuf>) -> visitor_report::Written {
    visitor_report::run(&ReportOptions {
        out: out.to_path_buf(),
        databases,
        since: None,
        profiles: None,
    })
    .unwrap()
}

#[test]
fn the_report_holds_its_charts_and_agrees_with_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = simulated(dir.path(), "stats.sqlite", 150, 50);
    let out = dir.path().join("report");
    let written = report(&out, vec![db.clone()]);
    let page = std::fs::read_to_string(&written.index).unwrap();
    assert!(
        page.matches("<svg").count() >= 6,
        "the charts are in the page"
    );
    assert!(page.contains("观众统计") && page.contains("Visitor statistics"));
    assert!(page.contains("<b>150</b>"), "the visits in the lead");

    let conn = Connection::open(&db).unwrap();
    let days = counts(
        &conn,
        "SELECT date(started, 'unixepoch', 'localtime') d, count(*) FROM sessions GROUP BY d",
    );
    assert_eq!(days.iter().map(|d| d.1).sum::<i64>(), 150);
    for (day, n) in &days {
        let row = format!("<tr><td>{day}</td><td class=\"n\">{n}</td></tr>");
        assert!(page.contains(&row), "{row} not in the page");
    }
    let per_day: Vec<(String, i64)> = csv_rows(&out.join("visits-per-day.csv"))
        .into_iter()
        .map(|r| (r[0].clone(), r[1].parse().unwrap()))
        .collect();
    assert_eq!(per_day, days);
    // Everyone's pages, opened and seconds, as the database has them.
    let mut people = counts(&conn, "SELECT slug, count(*) FROM views GROUP BY slug");
    people.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let csv: Vec<(String, i64)> = csv_rows(&out.join("people.csv"))
        .into_iter()
        .map(|r| (r[2].clone(), r[3].parse().unwrap()))
        .collect();
    assert_eq!(csv, people);
    let (top, opened) = &people[0];
    assert!(page.contains(&format!("<td>{top}</td><td class=\"n\">{opened}</td>")));
    let found: i64 = conn
        .query_row("SELECT count(*) FROM searches WHERE found", [], |r| {
            r.get(0)
        })
        .unwrap();
    let searches = csv_rows(&out.join("searches.csv"));
    assert_eq!(searches[0][1], found.to_string());
    // From the second day on: two days' visits.
    let since = visitor_report::gather(&[db], chrono::NaiveDate::from_ymd_opt(2025, 1, 2)).unwrap();
    let later: i64 = days
        .iter()
        .filter(|d| d.0.as_str() >= "2025-01-02")
        .map(|d| d.1)
        .sum();
    assert_eq!(since.sessions as i64, later);
}

#[test]
fn two_kiosks_databases_make_one_report() {
    let dir = tempfile::tempdir().unwrap();
    let one = simulated(dir.path(), "kiosk-1.sqlite", 100, 50);
    let two = simulated(dir.path(), "kiosk-2.sqlite", 60, 30);
    let out = dir.path().join("report");
    let both = report(&out, vec![one.clone(), two.clone()]).figures;
    let each: Vec<_> = [&one, &two]
        .iter()
        .map(|db| visitor_report::gather(&[db.to_path_buf()], None).unwrap())
        .collect();
    assert_eq!(both.kiosks.len(), 2);
    assert_eq!(both.sessions, 160);
    let first_day = "2025-01-01";
    let day = |f: &visitor_report::Figures| f.per_day.get(first_day).copied().unwrap_or(0);
    assert_eq!(day(&both), day(&each[0]) + day(&each[1]));
    for (slug, v) in &both.people {
        let opened: u64 = each
            .iter()
            .filter_map(|f| f.people.get(slug))
            .map(|v| v.opened)
            .sum();
        assert_eq!(v.opened, opened, "{slug}");
    }
    let found = each[0].searches_found + each[1].searches_found;
    assert_eq!(both.searches_found, found);
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(page.contains("kiosk-1.sqlite") && page.contains("kiosk-2.sqlite"));
    assert!(page.contains("<b>160</b>"));
}

#[test]
fn the_database_stays_under_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stats.sqlite");
    let max_bytes = 256 * 1024;
    let recorder = Recorder::start(StatsFile {
        path: db.clone(),
        max_bytes,
    });
    for i in 0..6000 {
        let at = 1_735_689_600.0 + f64::from(i) * 60.0;
        recorder.record(Record::Began { at });
        for p in 0..4 {
            recorder.record(Record::Viewed {
                slug: format!("person-{p:03}"),
                opened: at + 1.0,
                seconds: 20.0,
            });
        }
        recorder.record(Record::Ended { at: at + 50.0 });
    }
    recorder.finish();
    let conn = kiosk::stats::open_to_read(&db).unwrap();
    assert!(kiosk::stats::size_bytes(&conn).unwrap() <= max_bytes);
    let (oldest, newest, left): (i64, i64, i64) = conn
        .query_row("SELECT min(id), max(id), count(*) FROM sessions", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert!(oldest > 1, "the oldest visits went");
    assert_eq!(newest, 6000, "the newest stayed");
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM views WHERE session < ?1",
            [oldest],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "their pages went with them");
    println!("{left} of 6000 visits kept in {max_bytes} bytes");
}

#[test]
fn stats_false_keeps_none() {
    let parse = |text: &str| -> kiosk::tools::cli::MachineConfig {
        let path = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(path.path(), text).unwrap();
        kiosk::tools::cli::MachineConfig::load(path.path()).unwrap()
    };
    let on = parse("(state_dir: \"/var/lib/kiosk\")");
    let file = on.stats_file().expect("on by default");
    assert_eq!(file.path, Path::new("/var/lib/kiosk/stats.sqlite"));
    assert_eq!(file.max_bytes, kiosk::stats::DEFAULT_MAX_MB * 1024 * 1024);
    let off = parse("(state_dir: \"/var/lib/kiosk\", stats: false)");
    assert!(off.stats_file().is_none());
    let small = parse("(state_dir: \"/var/lib/kiosk\", stats_max_mb: 20)");
    assert_eq!(small.stats_file().unwrap().max_bytes, 20 * 1024 * 1024);
}

#[test]
fn staff_quitting_ends_the_visit_and_commits_it_at_once() {
    let dir = two_people(60, 10);
    let state = tempfile::tempdir().unwrap();
    let file = StatsFile::in_state_folder(state.path(), 200);
    let db = file.path.clone();
    let mut kiosk = Kiosk::new_with(dir.path(), move |app| {
        app.insert_resource(file);
    });
    kiosk.wake();
    act(&mut kiosk, Action::Open("ce-shiren".into()), 90);
    kiosk
        .app
        .world_mut()
        .write_message(bevy::app::AppExit::Success);
    kiosk.update();
    // No waiting: the last frame waited for the writer.
    let conn = kiosk::stats::open_to_read(&db).unwrap();
    let (length, seconds): (f64, f64) = conn
        .query_row(
            "SELECT ended - started, (SELECT seconds FROM views) FROM sessions",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!((1.5..1.7).contains(&length), "{length}");
    assert!((1.4..1.6).contains(&seconds), "{seconds}");
}
