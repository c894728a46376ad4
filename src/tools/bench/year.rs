//! A year at a busy kiosk: simulated visits written through the kiosk's
//! own statistics writer, then `kiosk report` over the database. The same
//! simulation is the hidden `kiosk simulate-visits`, which the tests kill
//! mid-write.

use super::{Figure, ms};
use crate::stats::{Choice, Record, Recorder, StatsFile};
use serde::Serialize;
use std::path::Path;

/// 500 visits a day, every day of a year.
pub const YEAR_SESSIONS: usize = 500 * 365;
pub const VISITS_PER_DAY: usize = 500;

/// The visitor statistics' figures.
#[derive(Debug, Clone, Serialize)]
pub struct YearReport {
    pub sessions: usize,
    /// All of them written through the writer thread, committed.
    pub write_s: f64,
    pub database_mb: f64,
    /// `kiosk report` over the year: read, add up, draw, write.
    pub report_ms: Figure,
}

/// Writes `sessions` simulated visits into a fresh database, then times
/// the report over it `runs` times.
pub fn measure(sessions: usize, runs: usize) -> YearReport {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("stats.sqlite");
    let write_s = ms(|| {
        simulate(&db, sessions, VISITS_PER_DAY, &[], 0);
    }) / 1e3;
    let database_mb = ["stats.sqlite", "stats.sqlite-wal"]
        .iter()
        .filter_map(|f| std::fs::metadata(dir.path().join(f)).ok())
        .map(|m| m.len() as f64)
        .sum::<f64>()
        / (1024.0 * 1024.0);
    let out = dir.path().join("report");
    let opts = crate::tools::visitor_report::ReportOptions {
        out,
        databases: vec![db],
        since: None,
        profiles: None,
    };
    let report_ms = (0..runs.max(1))
        .map(|_| {
            ms(|| {
                crate::tools::visitor_report::run(&opts).expect("the year's report is written");
            })
        })
        .collect();
    YearReport {
        sessions,
        write_s,
        database_mb,
        report_ms: Figure::of(report_ms, "ms"),
    }
}

/// A small, fixed random sequence (splitmix64): the same year every run.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// 2025-01-01 00:00 UTC: the simulated year's first day.
const YEAR_START: f64 = 1_735_689_600.0;

/// Writes `sessions` visits, `per_day` a day from the year's first day,
/// through the real writer, of `people` (slugs; none: 108 made-up ones),
/// at most `per_second` visits a second of real time (0: at once).
/// Returns once every record is committed.
pub fn simulate(
    db: &Path,
    sessions: usize,
    per_day: usize,
    people: &[String],
    per_second: usize,
) -> usize {
    let file = StatsFile {
        path: db.to_path_buf(),
        max_bytes: u64::MAX,
    };
    let made_up: Vec<String> = (0..108).map(|i| format!("person-{i:03}")).collect();
    let people = if people.is_empty() { &made_up } else { people };
    let recorder = Recorder::start(file);
    let mut dice = Dice(sessions as u64);
    let began = std::time::Instant::now();
    for i in 0..sessions {
        if per_second > 0 && i % 100 == 0 {
            // A steady stream, so that commits follow one another.
            let due = std::time::Duration::from_secs_f64(i as f64 / per_second as f64);
            std::thread::sleep(due.saturating_sub(began.elapsed()));
        }
        let day = (i / per_day.max(1)) as f64;
        // Opening hours 9:00–17:00 (Beijing, UTC+8), busier after lunch.
        let hour = 1.0 + 8.0 * dice.unit().powf(0.8);
        let at = YEAR_START + day * 86_400.0 + hour * 3600.0;
        one_visit(&recorder, &mut dice, at, people);
    }
    recorder.finish();
    sessions
}

/// One visitor: a few people (the famous more often), perhaps a search,
/// a filter or a decade, perhaps English or a reading mode.
fn one_visit(recorder: &Recorder, dice: &mut Dice, start: f64, people: &[String]) {
    recorder.record(Record::Began { at: start });
    let (english, large_text, high_contrast) =
        (dice.chance(0.12), dice.chance(0.06), dice.chance(0.03));
    if english || large_text || high_contrast {
        recorder.record(Record::Read {
            english,
            large_text,
            high_contrast,
        });
    }
    let mut at = start + 5.0 + 20.0 * dice.unit();
    if dice.chance(0.2) {
        let (kind, value) = if dice.chance(0.5) {
            (Choice::Decade, format!("{}", 1950 + 10 * (dice.next() % 8)))
        } else {
            (Choice::Level, "National".to_owned())
        };
        recorder.record(Record::Chose { at, kind, value });
    }
    let opened = (dice.unit().powi(2) * 7.0) as usize;
    for _ in 0..opened {
        let slug = people[(dice.unit().powi(3) * people.len() as f64) as usize].clone();
        if dice.chance(0.25) {
            let found = dice.chance(0.85);
            at += 10.0 + 20.0 * dice.unit();
            recorder.record(Record::Searched {
                at,
                found,
                opened: found.then(|| slug.clone()),
            });
        }
        let seconds = 5.0 + 110.0 * dice.unit().powi(2);
        recorder.record(Record::Viewed {
            slug,
            opened: at,
            seconds,
        });
        at += seconds + 3.0;
    }
    recorder.record(Record::Ended { at: at + 5.0 });
}
