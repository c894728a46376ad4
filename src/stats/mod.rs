//! Visitor statistics, kept on the kiosk: each visit (when, how long, the
//! language and reading modes chosen), each person's page opened and the
//! seconds spent on it, each search (found or not, and whom it opened;
//! never what was typed), and the filters and decades chosen. Nothing
//! that names a visitor or could find one again.
//!
//! This module only watches: it reads the `Presence` and `Action` messages
//! (its own readers take nothing from anyone else's), the `Visit` and the
//! `Screen`, and sends small records over a channel to the writer thread,
//! which alone holds the SQLite database (`<state_dir>/stats.sqlite`).

mod store;
mod writer;

pub use store::{SCHEMA_VERSION, StatsError, kiosk_name, open, open_to_read, prune, size_bytes};
pub use writer::{COMMIT_EVERY, Recorder};

use crate::library::{Filter, Library};
use crate::visit::{Action, BackTo, Presence, Screen, Visit};
use bevy::prelude::*;
use std::path::{Path, PathBuf};

/// Where the statistics are kept, and how large the file may grow.
#[derive(Resource, Debug, Clone)]
pub struct StatsFile {
    pub path: PathBuf,
    /// Past this size the oldest visits are let go.
    pub max_bytes: u64,
}

/// The machine config's `stats_max_mb` when it says nothing: a busy
/// kiosk's year (500 visits a day) is ~32 MB (see the README's
/// Performance), so this keeps some six years, on any disk a mini-PC has.
pub const DEFAULT_MAX_MB: u64 = 200;

impl StatsFile {
    /// `<state>/stats.sqlite`, at most `max_mb` megabytes.
    pub fn in_state_folder(state: &Path, max_mb: u64) -> Self {
        Self {
            path: state.join("stats.sqlite"),
            max_bytes: max_mb.max(1) * 1024 * 1024,
        }
    }
}

/// One thing worth counting. Times are Unix seconds.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    /// A visitor woke the kiosk.
    Began { at: f64 },
    /// What the visitor has chosen so far: English at any moment, and
    /// either reading mode at any moment.
    Read {
        english: bool,
        large_text: bool,
        high_contrast: bool,
    },
    /// A person's page (with their pictures in the viewer) was open.
    Viewed {
        slug: String,
        opened: f64,
        seconds: f64,
    },
    /// A stint on 找人: whether what was typed found anyone, and whom the
    /// visitor opened from it.
    Searched {
        at: f64,
        found: bool,
        opened: Option<String>,
    },
    /// A filter chip or a decade.
    Chose {
        at: f64,
        kind: Choice,
        value: String,
    },
    /// The visitor left: the idle reset, dated when "Still there?"
    /// appeared (the countdown's seconds are nobody's).
    Ended { at: f64 },
}

/// What a visitor chose to narrow the collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// An honour level chip (value: its English label, e.g. "National").
    Level,
    /// A sector chip (value: e.g. "Education").
    Sector,
    /// 全部 · All: the filter cleared.
    All,
    /// A decade on the rail (value: e.g. "1950").
    Decade,
}

impl Choice {
    pub fn as_str(self) -> &'static str {
        match self {
            Choice::Level => "level",
            Choice::Sector => "sector",
            Choice::All => "all",
            Choice::Decade => "decade",
        }
    }
}

/// The writer, and the visit being followed.
#[derive(Resource)]
struct Recording {
    recorder: Recorder,
    tally: Option<Tally>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, start_recording)
        .add_systems(Last, (observe, close_on_exit).chain());
}

/// Staff quit: the visit ends now and the last records are committed
/// before the process goes (a crash or a power cut loses that second).
fn close_on_exit(
    time: Res<Time<Real>>,
    mut exit: MessageReader<AppExit>,
    recording: Option<ResMut<Recording>>,
) {
    let Some(mut recording) = recording else {
        return;
    };
    if exit.read().count() == 0 {
        return;
    }
    let Recording { recorder, tally } = &mut *recording;
    if let Some(ended) = tally.take() {
        ended.end(time.elapsed_secs_f64(), recorder);
    }
    recorder.close();
}

fn start_recording(file: Option<Res<StatsFile>>, mut commands: Commands) {
    if let Some(file) = file {
        commands.insert_resource(Recording {
            recorder: Recorder::start(file.clone()),
            tally: None,
        });
    }
}

/// After everything a frame did to the visit: what changed, as records.
fn observe(
    time: Res<Time<Real>>,
    mut presence: MessageReader<Presence>,
    mut actions: MessageReader<Action>,
    visit: Res<Visit>,
    screen: Res<State<Screen>>,
    library: Res<Library>,
    recording: Option<ResMut<Recording>>,
) {
    let Some(mut recording) = recording else {
        return;
    };
    let Recording { recorder, tally } = &mut *recording;
    let now = time.elapsed_secs_f64();
    for p in presence.read() {
        match p {
            Presence::Arrived if tally.is_none() => {
                let begun = Tally::begin(now, &visit);
                recorder.record(Record::Began {
                    at: begun.wall(now),
                });
                *tally = Some(begun);
            }
            Presence::Arrived => {}
            Presence::Left => {
                // The visitor had gone when "Still there?" appeared: the
                // countdown's seconds are nobody's.
                let gone = now - f64::from(library.exhibition.countdown_seconds);
                if let Some(ended) = tally.take() {
                    ended.end(gone, recorder);
                }
            }
        }
    }
    let Some(tally) = tally.as_mut() else {
        actions.clear();
        return;
    };
    for action in actions.read() {
        if let Action::JumpDecade(decade) = action {
            recorder.record(Record::Chose {
                at: tally.wall(now),
                kind: Choice::Decade,
                value: decade.to_string(),
            });
        }
    }
    tally.follow(now, &visit, *screen.get(), &library, recorder);
}

/// One visit as it has gone so far.
struct Tally {
    /// The wall clock (Unix seconds) and the real clock when it began:
    /// times within the visit run on the real clock, which never jumps.
    wall0: f64,
    real0: f64,
    english: bool,
    large_text: bool,
    high_contrast: bool,
    filter: Filter,
    /// The person whose page is open, and since when (real clock).
    page: Option<(String, f64)>,
    /// On 找人 now.
    stint: Option<Stint>,
}

/// A stint on 找人.
#[derive(Default)]
struct Stint {
    query: String,
    /// A key was pressed during the stint.
    typed: bool,
    /// The query as it stands found someone.
    found: bool,
}

impl Tally {
    fn begin(now: f64, visit: &Visit) -> Self {
        let wall0 = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        Self {
            wall0,
            real0: now,
            english: false,
            large_text: false,
            high_contrast: false,
            filter: visit.filter,
            page: None,
            stint: None,
        }
    }

    fn wall(&self, real: f64) -> f64 {
        self.wall0 + (real - self.real0)
    }

    fn follow(
        &mut self,
        now: f64,
        visit: &Visit,
        screen: Screen,
        library: &Library,
        recorder: &Recorder,
    ) {
        self.follow_reading(visit, recorder);
        self.follow_filter(now, visit.filter, recorder);
        let on_page = matches!(screen, Screen::Detail | Screen::Viewer);
        let person = visit.person.as_deref().filter(|_| on_page);
        if self.page.as_ref().map(|(slug, _)| slug.as_str()) != person {
            self.close_page(now, recorder);
            self.page = person.map(|slug| (slug.to_owned(), now));
        }
        if screen == Screen::Search {
            let stint = self.stint.get_or_insert_with(|| Stint {
                query: visit.search.clone(),
                typed: false,
                found: !library.search.find(&visit.search).is_empty(),
            });
            if stint.query != visit.search {
                stint.query.clone_from(&visit.search);
                stint.typed = true;
                stint.found = !library.search.find(&visit.search).is_empty();
            }
        } else if self.stint.is_some() {
            let from_search = screen == Screen::Detail && visit.back_to == BackTo::Search;
            let opened = visit.person.clone().filter(|_| from_search);
            self.close_stint(now, opened, recorder);
        }
    }

    /// English and the reading modes, once chosen, count for the visit.
    fn follow_reading(&mut self, visit: &Visit, recorder: &Recorder) {
        let english = self.english || visit.lang == crate::profile::Lang::En;
        let large_text = self.large_text || visit.large_text;
        let high_contrast = self.high_contrast || visit.high_contrast;
        if (english, large_text, high_contrast)
            != (self.english, self.large_text, self.high_contrast)
        {
            (self.english, self.large_text, self.high_contrast) =
                (english, large_text, high_contrast);
            recorder.record(Record::Read {
                english,
                large_text,
                high_contrast,
            });
        }
    }

    /// A chip tapped: the level or sector it chose, or 全部 · All.
    fn follow_filter(&mut self, now: f64, filter: Filter, recorder: &Recorder) {
        if filter == self.filter {
            return;
        }
        let at = self.wall(now);
        let en = crate::profile::Lang::En;
        let chose = |kind: Choice, value: &str| {
            recorder.record(Record::Chose {
                at,
                kind,
                value: value.to_owned(),
            });
        };
        if filter.is_all() {
            chose(Choice::All, "all");
        }
        if let Some(level) = filter.level.filter(|_| filter.level != self.filter.level) {
            chose(Choice::Level, level.label(en));
        }
        if let Some(sector) = filter
            .sector
            .filter(|_| filter.sector != self.filter.sector)
        {
            chose(Choice::Sector, sector.label(en));
        }
        self.filter = filter;
    }

    fn close_page(&mut self, now: f64, recorder: &Recorder) {
        if let Some((slug, since)) = self.page.take() {
            recorder.record(Record::Viewed {
                slug,
                opened: self.wall(since),
                seconds: (now - since).max(0.0),
            });
        }
    }

    /// A stint counts when something was typed, or someone was opened
    /// from what had been typed before.
    fn close_stint(&mut self, now: f64, opened: Option<String>, recorder: &Recorder) {
        if let Some(stint) = self.stint.take()
            && (stint.typed || opened.is_some())
        {
            recorder.record(Record::Searched {
                at: self.wall(now),
                found: stint.found,
                opened,
            });
        }
    }

    /// The visitor left at `gone` (real clock): the page and the search end
    /// with the visit.
    fn end(mut self, gone: f64, recorder: &Recorder) {
        let gone = gone.max(self.real0);
        self.close_page(gone, recorder);
        self.close_stint(gone, None, recorder);
        recorder.record(Record::Ended {
            at: self.wall(gone),
        });
    }
}
