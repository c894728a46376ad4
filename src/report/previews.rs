//! Preview pages for the curators: each person's whole detail page in both
//! languages, `preview/<slug>.zh.png` and `.en.png`, drawn by `kiosk proof`
//! in a child process at the lowest priority. The exhibition's own frames
//! never wait for a preview: the child has its own renderer, and the
//! scheduler gives the kiosk the cores first.
//!
//! A person a curator saved goes first; the sweep at a start (everyone
//! whose preview is older than their folder) goes a few at a time, and
//! gives way to a save.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, SystemTime};

/// How previews are drawn: the kiosk's own binary (`kiosk proof`), or
/// another one (tests name the built binary).
#[derive(Debug, Clone)]
pub struct Previewer {
    pub program: PathBuf,
    /// Passed to the child as they are (e.g. which Vulkan driver to use).
    pub env: Vec<(OsString, OsString)>,
    /// The screen's size: the page is drawn as wide, four screens tall.
    pub size: (u32, u32),
}

impl Previewer {
    /// The running kiosk's own binary.
    pub fn this_kiosk(size: (u32, u32)) -> Option<Self> {
        Some(Self {
            program: std::env::current_exe().ok()?,
            env: Vec::new(),
            size,
        })
    }
}

/// What the kiosk asks of the preview thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// A curator saved this person: draw them next.
    Now(String),
    /// Draw these people when their preview is older than their folder.
    IfStale(Vec<String>),
    /// This person is no longer shown: their previews go.
    Forget(String),
}

/// People drawn by one child in a sweep: a save waits at most this many
/// pages (or the child is stopped for it).
const SWEEP_BATCH: usize = 6;

/// Starts the preview thread; it ends when the sender is dropped.
pub fn start(previewer: Previewer, profiles: PathBuf, folder: PathBuf) -> Sender<Ask> {
    let (send, asks) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("previews".into())
        .spawn(move || {
            Painter {
                previewer,
                profiles,
                folder,
                now: VecDeque::new(),
                sweep: VecDeque::new(),
            }
            .run(asks)
        });
    if let Err(e) = spawned {
        bevy::log::warn!("cannot start the preview thread: {e}");
    }
    send
}

struct Painter {
    previewer: Previewer,
    profiles: PathBuf,
    /// `<report>/preview`.
    folder: PathBuf,
    now: VecDeque<String>,
    sweep: VecDeque<String>,
}

impl Painter {
    fn run(mut self, asks: Receiver<Ask>) {
        let rendering = self.folder.join(".rendering");
        let _ = std::fs::remove_dir_all(&rendering);
        loop {
            if self.now.is_empty() && self.sweep.is_empty() {
                match asks.recv() {
                    Ok(ask) => self.take(ask),
                    Err(_) => return,
                }
            }
            while let Ok(ask) = asks.try_recv() {
                self.take(ask);
            }
            let (batch, urgent) = self.next_batch();
            if batch.is_empty() {
                continue;
            }
            let Some(child) = self.spawn(&batch, &rendering) else {
                return;
            };
            let mut waiting = batch;
            let waited = self.wait(child, urgent, &asks, &mut waiting, &rendering);
            if let Waited::Disconnected = waited {
                return;
            }
            let unfinished = self.collect(&waiting, &rendering);
            let _ = std::fs::remove_dir_all(&rendering);
            // A sweep stopped for a save finishes later; a save that failed
            // (its file broke again meanwhile) waits for the next save.
            if !urgent {
                self.sweep.extend(unfinished);
            }
        }
    }

    fn take(&mut self, ask: Ask) {
        match ask {
            Ask::Now(slug) => {
                self.sweep.retain(|s| *s != slug);
                if !self.now.contains(&slug) {
                    self.now.push_back(slug);
                }
            }
            Ask::IfStale(slugs) => self.sweep.extend(slugs),
            Ask::Forget(slug) => {
                self.now.retain(|s| *s != slug);
                self.sweep.retain(|s| *s != slug);
                for lang in ["zh", "en"] {
                    let _ = std::fs::remove_file(self.folder.join(format!("{slug}.{lang}.png")));
                }
            }
        }
    }

    /// Everyone a curator saved; else the next few of the sweep that are
    /// stale. Whether the batch is urgent.
    fn next_batch(&mut self) -> (Vec<String>, bool) {
        if !self.now.is_empty() {
            return (self.now.drain(..).collect(), true);
        }
        let mut batch = Vec::new();
        while batch.len() < SWEEP_BATCH {
            let Some(slug) = self.sweep.pop_front() else {
                break;
            };
            if self.stale(&slug) && !batch.contains(&slug) {
                batch.push(slug);
            }
        }
        (batch, false)
    }

    /// A preview older than anything in the person's folder, or than the
    /// kiosk itself (a new version may draw the page differently).
    fn stale(&self, slug: &str) -> bool {
        let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        let previews = ["zh", "en"].map(|l| modified(&self.folder.join(format!("{slug}.{l}.png"))));
        let Some(oldest) = previews.into_iter().min().flatten() else {
            return true;
        };
        let newest_file = std::fs::read_dir(self.profiles.join(slug))
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok()?.metadata().ok()?.modified().ok())
            .chain(modified(&self.previewer.program))
            .max()
            .unwrap_or(SystemTime::UNIX_EPOCH);
        newest_file > oldest
    }

    fn spawn(&self, batch: &[String], rendering: &Path) -> Option<Child> {
        let (w, h) = self.previewer.size;
        let mut cmd = Command::new(&self.previewer.program);
        cmd.arg("proof")
            .arg("--profiles")
            .arg(&self.profiles)
            .arg("--out")
            .arg(rendering)
            .arg("--size")
            .arg(format!("{w}x{h}"))
            .envs(self.previewer.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for slug in batch {
            cmd.arg("--person").arg(slug);
        }
        match cmd.spawn() {
            Ok(child) => {
                let pid = rustix::process::Pid::from_child(&child);
                let _ = rustix::process::setpriority_process(Some(pid), 19);
                Some(child)
            }
            Err(e) => {
                bevy::log::warn!(
                    "cannot draw previews with {}: {e}",
                    self.previewer.program.display()
                );
                None
            }
        }
    }

    /// Waits for the child, placing each person's pages as they are done
    /// (`waiting` keeps who is not done yet); a sweep's child is stopped
    /// when a save arrives.
    fn wait(
        &mut self,
        mut child: Child,
        urgent: bool,
        asks: &Receiver<Ask>,
        waiting: &mut Vec<String>,
        rendering: &Path,
    ) -> Waited {
        loop {
            *waiting = self.collect(waiting, rendering);
            if let Ok(Some(_)) | Err(_) = child.try_wait() {
                return Waited::Ended;
            }
            match asks.recv_timeout(Duration::from_millis(100)) {
                Ok(ask) => {
                    self.take(ask);
                    if !urgent && !self.now.is_empty() {
                        let _ = child.kill();
                        let _ = child.wait();
                        return Waited::Ended;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Waited::Disconnected;
                }
            }
        }
    }

    /// Moves each finished pair of pages into place (the proof writes each
    /// page whole); returns who has none yet.
    fn collect(&self, batch: &[String], rendering: &Path) -> Vec<String> {
        let mut unfinished = Vec::new();
        for slug in batch {
            let zh = rendering.join(format!("detail-{slug}.png"));
            let en = rendering.join(format!("detail-{slug}.en.png"));
            if !(zh.is_file() && en.is_file()) {
                unfinished.push(slug.clone());
                continue;
            }
            for (from, lang) in [(zh, "zh"), (en, "en")] {
                let to = self.folder.join(format!("{slug}.{lang}.png"));
                if let Err(e) = std::fs::rename(&from, &to) {
                    bevy::log::warn!("cannot place the preview {}: {e}", to.display());
                }
            }
        }
        unfinished
    }
}

/// How a child's wait ended: it finished or was stopped (either way, its
/// pages are placed), or the kiosk is closing.
enum Waited {
    Ended,
    Disconnected,
}
