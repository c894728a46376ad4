//! The writer thread: it alone holds the database. Records arrive over a
//! channel and go in as one transaction about once a second, so a frame
//! never waits for the disk, and a power cut loses at most that second.

use super::store::{self, StatsError};
use super::{Record, StatsFile};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long records gather before they are committed together.
pub const COMMIT_EVERY: Duration = Duration::from_secs(1);

/// The sending end: the kiosk (or the bench) records, the thread writes.
pub struct Recorder {
    send: Option<Sender<Record>>,
    thread: Option<JoinHandle<()>>,
}

impl Recorder {
    /// Starts the writer thread on `file`. A database that cannot be
    /// opened is logged once; records then go nowhere.
    pub fn start(file: StatsFile) -> Recorder {
        let (send, records) = std::sync::mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("stats".into())
            .spawn(move || write_all(file, records));
        let thread = match thread {
            Ok(t) => Some(t),
            Err(e) => {
                bevy::log::warn!("statistics: cannot start the writer thread: {e}");
                None
            }
        };
        Recorder {
            send: Some(send),
            thread,
        }
    }

    /// Never blocks; a writer that has gone is not the visitor's concern.
    pub fn record(&self, record: Record) {
        if let Some(send) = &self.send {
            let _ = send.send(record);
        }
    }

    /// Everything recorded so far committed, and the thread ended (the
    /// bench and the simulation wait for it).
    pub fn finish(mut self) {
        self.close();
    }

    /// The same, in place: the kiosk's last frame (staff quit) waits for
    /// the last second's records; records after it go nowhere.
    pub fn close(&mut self) {
        self.send = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The thread's life: open, then batch after batch until the kiosk goes.
fn write_all(file: StatsFile, records: Receiver<Record>) {
    let mut conn = match store::open(&file.path, &store::kiosk_name()) {
        Ok(conn) => conn,
        Err(e) => {
            bevy::log::warn!("{e}; no visitor statistics are kept");
            // Drained, so that nothing piles up in memory.
            for _ in records {}
            return;
        }
    };
    let mut session = None;
    let mut told = false;
    let mut tell_once = |e: StatsError| {
        if !std::mem::replace(&mut told, true) {
            bevy::log::warn!("{e} (said once; statistics go on where they can)");
        }
    };
    if let Err(e) = store::prune(&mut conn, file.max_bytes, None) {
        tell_once(sqlite(&file, e));
    }
    while let Some(batch) = next_batch(&records) {
        if let Err(e) = store::write_batch(&mut conn, &batch, &mut session) {
            // Rolled back: the visit's row may be gone with it, so its
            // later records are dropped rather than left without it.
            session = None;
            tell_once(sqlite(&file, e));
        }
        if let Err(e) = store::prune(&mut conn, file.max_bytes, session) {
            tell_once(sqlite(&file, e));
        }
    }
}

fn sqlite(file: &StatsFile, source: rusqlite::Error) -> StatsError {
    StatsError::Sqlite {
        path: file.path.clone(),
        source,
    }
}

/// Waits for a record, then gathers whatever else comes within
/// `COMMIT_EVERY`. None once the kiosk has gone and all is taken.
fn next_batch(records: &Receiver<Record>) -> Option<Vec<Record>> {
    let first = records.recv().ok()?;
    let until = Instant::now() + COMMIT_EVERY;
    let mut batch = vec![first];
    loop {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            // A steady stream (the bench's year) is still cut into seconds.
            return Some(batch);
        }
        match records.recv_timeout(left) {
            Ok(record) => batch.push(record),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return Some(batch),
        }
    }
}
