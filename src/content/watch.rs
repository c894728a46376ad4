//! The curators' folder, watched: profiles saved, people added or deleted,
//! pictures replaced, the whole folder swapped, made unreadable or put back.
//! Each change becomes a load, a reload or a removal once the folder has
//! settled (an editor's save is often several writes).

use super::{
    CuratorReport, EXHIBITION_FILE, LibraryChanged, PictureChanged, ProfileHandles, ProfilesRoot,
};
use crate::profile::folders::{
    folder_problem, misnamed_profile, misnamed_while_shown, profile_slugs,
};
use crate::profile::{Position, Problem, msg};
use bevy::prelude::*;
use bevy::tasks::{IoTaskPool, Task, block_on, futures_lite::future};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Instant, SystemTime};

/// File events under the profiles root: profiles saved, people added or
/// deleted (folders appearing, `profile.ron` created or removed) and images
/// replaced. The only watcher: Bevy watches nothing (see `asset_plugin`).
#[derive(Resource)]
pub(super) struct FolderWatcher {
    _watcher: notify::RecommendedWatcher,
    events: std::sync::Mutex<std::sync::mpsc::Receiver<notify::Event>>,
    /// The watched root as the OS reports paths under it.
    absolute_root: PathBuf,
}

/// A watcher being set up in the background: watching 10,000 folders takes
/// a quarter of a second, which the first frame need not wait for.
#[derive(Resource)]
pub(super) struct StartingWatcher(Task<notify::Result<FolderWatcher>>);

/// Wakes the kiosk when a curator's file changes. With nothing moving on
/// screen the kiosk sleeps up to two seconds between frames (see
/// `pace_frames` in lib.rs); a save must not wait for that.
#[derive(Resource, Clone)]
pub(super) struct WakeOnChange(Arc<dyn Fn() + Send + Sync>);

pub(super) fn watch_folders(
    mut commands: Commands,
    root: Res<ProfilesRoot>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
) {
    // Headless (tests, proof, bench) every update is a frame: nothing to wake.
    let wake = WakeOnChange(match proxy {
        Some(proxy) => {
            let proxy = (**proxy).clone();
            Arc::new(move || {
                let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
            })
        }
        None => Arc::new(|| {}),
    });
    start_watching(&mut commands, &root.0, &wake);
    commands.insert_resource(wake);
}

fn start_watching(commands: &mut Commands, root: &Path, wake: &WakeOnChange) {
    let root = root.to_path_buf();
    let wake = wake.clone();
    let task = IoTaskPool::get().spawn(async move { FolderWatcher::start(&root, wake) });
    commands.insert_resource(StartingWatcher(task));
}

/// The watcher, once it is set up.
pub(super) fn watcher_ready(
    mut commands: Commands,
    root: Res<ProfilesRoot>,
    starting: Option<ResMut<StartingWatcher>>,
) {
    let Some(mut starting) = starting else {
        return;
    };
    let Some(result) = block_on(future::poll_once(&mut starting.0)) else {
        return;
    };
    commands.remove_resource::<StartingWatcher>();
    match result {
        Ok(watcher) => {
            info!("watching {} for curators' changes", root.0.display());
            commands.insert_resource(watcher);
        }
        // Tried again at every look at the root, silently (see `look_at_root`).
        Err(e) => warn!("cannot watch {} for new people: {e}", root.0.display()),
    }
}

impl FolderWatcher {
    fn start(root: &Path, wake: WakeOnChange) -> notify::Result<FolderWatcher> {
        use notify::Watcher;
        let absolute_root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
        let absolute_root = absolute_root.canonicalize().unwrap_or(absolute_root);
        let (tx, rx) = std::sync::mpsc::channel();
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if let Ok(event) = event {
                let _ = tx.send(event);
                (wake.0)();
            }
        });
        let watching = watcher.and_then(|mut w| {
            w.watch(&absolute_root, notify::RecursiveMode::Recursive)
                .map(|()| w)
        });
        watching.map(|watcher| FolderWatcher {
            _watcher: watcher,
            events: std::sync::Mutex::new(rx),
            absolute_root,
        })
    }
}

/// How long a person's folder must be quiet before its change is taken.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(100);
/// How often the root itself is looked at: events can be missed (the whole
/// folder deleted, replaced, or put back from a backup).
const LOOK_AT_ROOT_SECS: f32 = 2.0;

/// Curators' changes noticed and not yet taken: folders still being written.
#[derive(Resource, Default)]
pub struct PendingChanges {
    touched: BTreeMap<String, Touched>,
    /// The root cannot be read: whether a person is still there cannot be
    /// told, so everyone stays as last seen until it can be read again.
    root_unreadable: bool,
}

impl PendingChanges {
    /// Whether a change is waiting (the kiosk keeps drawing frames for it).
    pub fn waiting(&self) -> bool {
        !self.touched.is_empty()
    }

    /// Notes a change in a person's folder (or to `exhibition.ron`).
    fn touch(&mut self, slug: &str, now: Instant, other_file: bool) {
        let t = self.touched.entry(slug.to_owned()).or_insert(Touched {
            last: now,
            other_file,
        });
        t.last = now;
        t.other_file |= other_file;
    }
}

/// A person's folder changed.
struct Touched {
    /// When its last file event came. Wall-clock time: the frame clock
    /// (`Time<Real>`) comes from the previous frame, which for a kiosk that
    /// slept is a second old.
    last: Instant,
    /// Whether anything but `profile.ron` changed (pictures).
    other_file: bool,
}

/// What a look at the root saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RootSeen {
    /// No folder there.
    Missing,
    /// Its modification time, and whether it could be read.
    Present {
        modified: SystemTime,
        readable: bool,
    },
}

/// The periodic look at the root, between frames.
#[derive(Default)]
pub(super) struct RootLook {
    since: f32,
    /// None before the first look.
    seen: Option<RootSeen>,
}

/// Every `LOOK_AT_ROOT_SECS`, one look at the profiles folder itself: is it
/// readable (the curator report says so when not), did it change as a whole
/// (then everyone is read again), did it come back (then it is watched).
pub(super) fn look_at_root(
    mut commands: Commands,
    time: Res<Time<Real>>,
    root: Res<ProfilesRoot>,
    watching: Option<Res<FolderWatcher>>,
    starting: Option<Res<StartingWatcher>>,
    wake: Option<Res<WakeOnChange>>,
    handles: Res<ProfileHandles>,
    mut look: Local<RootLook>,
    mut pending: ResMut<PendingChanges>,
    mut report: ResMut<CuratorReport>,
) {
    look.since += time.delta_secs();
    if look.since < LOOK_AT_ROOT_SECS && look.seen.is_some() {
        return;
    }
    look.since = 0.0;
    let unreadable = unreadable_root(&root.0);
    let root_path = root.0.display().to_string();
    if let Some(problem) = &unreadable {
        if !report.by_file.contains_key(&root_path) {
            warn!("curator: {problem}");
        }
        report.by_file.insert(root_path, vec![problem.clone()]);
    } else {
        report.by_file.remove(&root_path);
    }
    let seen = std::fs::metadata(&root.0)
        .and_then(|m| m.modified())
        .map_or(RootSeen::Missing, |modified| RootSeen::Present {
            modified,
            readable: unreadable.is_none(),
        });
    pending.root_unreadable = matches!(
        seen,
        RootSeen::Present {
            readable: false,
            ..
        }
    );
    let may_watch = watching.is_none() && starting.is_none() && unreadable.is_none();
    if may_watch && root.0.is_dir() {
        // The folder came (back) after the start: watch it from now on.
        if let Some(wake) = &wake {
            start_watching(&mut commands, &root.0, wake);
        }
    }
    if look.seen.is_some_and(|last| last != seen) {
        info!("curator: the profiles folder changed as a whole");
        // Everyone again: a replaced folder may hold new versions.
        let now = Instant::now();
        for slug in profile_slugs(&root.0)
            .into_iter()
            .chain(handles.people.keys().cloned())
        {
            pending.touch(&slug, now, true);
        }
    }
    look.seen = Some(seen);
}

/// The watcher's events, as changes per person folder. A changed picture is
/// told at once (`PictureChanged`): it is prepared anew when next shown.
pub(super) fn collect_file_events(
    root: Res<ProfilesRoot>,
    watcher: Option<Res<FolderWatcher>>,
    mut pending: ResMut<PendingChanges>,
    mut report: ResMut<CuratorReport>,
    mut pictures: MessageWriter<PictureChanged>,
) {
    let Some(watcher) = watcher else {
        return;
    };
    let Ok(events) = watcher.events.lock() else {
        return;
    };
    if pending.root_unreadable {
        return;
    }
    let now = Instant::now();
    for event in events.try_iter() {
        // Reading a file (as the image preparation does) is no change.
        if matches!(
            event.kind,
            notify::EventKind::Access(_)
                | notify::EventKind::Modify(notify::event::ModifyKind::Metadata(_))
        ) {
            continue;
        }
        for path in &event.paths {
            let Ok(rel) = path.strip_prefix(&watcher.absolute_root) else {
                continue;
            };
            let mut parts = rel.components();
            let Some(slug) = parts.next().and_then(|c| c.as_os_str().to_str()) else {
                continue;
            };
            let picture = parts
                .next()
                .filter(|file| file.as_os_str() != "profile.ron")
                .map(|file| root.0.join(slug).join(file.as_os_str()));
            if let Some(picture) = &picture {
                // What the panel said of the old file (broken, too large).
                report.by_file.remove(&picture.display().to_string());
                pictures.write(PictureChanged(picture.clone()));
            }
            pending.touch(slug, now, picture.is_some());
        }
    }
}

/// Folders whose files have been quiet for `SETTLE`: a new person is loaded,
/// a removed one dropped, a saved one read again.
pub(super) fn take_settled_changes(
    root: Res<ProfilesRoot>,
    server: Res<AssetServer>,
    mut pending: ResMut<PendingChanges>,
    mut handles: ResMut<ProfileHandles>,
    mut report: ResMut<CuratorReport>,
    mut changed: MessageWriter<LibraryChanged>,
) {
    if pending.root_unreadable {
        return;
    }
    let now = Instant::now();
    let settled: Vec<(String, bool)> = pending
        .touched
        .iter()
        .filter(|(_, t)| now - t.last >= SETTLE)
        .map(|(slug, t)| (slug.clone(), t.other_file))
        .collect();
    for (slug, other_file) in settled {
        pending.touched.remove(&slug);
        if slug == EXHIBITION_FILE {
            info!("curator: {EXHIBITION_FILE} saved");
            handles.follow_exhibition(&server, &root.0);
            continue;
        }
        let present = root.0.join(&slug).join("profile.ron").is_file();
        match (present, handles.people.contains_key(&slug)) {
            (true, false) => {
                info!("curator: new person {slug}");
                report.by_file.remove(&root.folder_display(&slug));
                handles.load(&server, slug);
            }
            (false, true) => {
                // Saved again by a text editor under another name
                // (profile.ron.txt): not meant as a removal, so visitors
                // keep the person as they were while the curator is told.
                if let Some(name) = misnamed_profile(&root.0, &slug) {
                    warn!("curator: {slug}/profile.ron saved as {name}");
                    let problem = misnamed_while_shown(&root.0, &slug, &name);
                    report.by_file.insert(problem.path.clone(), vec![problem]);
                    continue;
                }
                info!("curator: {slug} removed");
                handles.people.remove(&slug);
                report.by_file.remove(&root.display(&slug));
                changed.write(LibraryChanged);
            }
            // The profile was saved, or a picture arrived or changed (a
            // missing-file warning may no longer hold): validate it again.
            (true, true) => {
                // Named profile.ron again, if it had not been.
                report.by_file.remove(&root.folder_display(&slug));
                if !other_file {
                    info!("curator: {slug} saved");
                }
                handles.reload(&server, &slug);
            }
            // Not a person (yet): say why, if it looks meant to be one
            // (a profile.ron.txt, pictures without a profile…).
            (false, false) => {
                let folder = root.folder_display(&slug);
                match folder_problem(&root.0, &slug) {
                    Some(problem) => {
                        warn!("curator: {problem}");
                        report.by_file.insert(folder, vec![problem]);
                    }
                    None => {
                        report.by_file.remove(&folder);
                    }
                }
            }
        }
    }
}

/// The curator's problem when the profiles folder exists but cannot be read
/// (its permissions changed, a network share went away half-way).
fn unreadable_root(root: &Path) -> Option<Problem> {
    if !root.is_dir() {
        return None;
    }
    let e = std::fs::read_dir(root).err()?;
    Some(Problem::error(
        root.display().to_string(),
        Position::START,
        msg(
            "无法读取 profiles 文件夹，看板继续显示上次读到的内容",
            format!(
                "cannot read the profiles folder ({e}); the kiosk keeps showing what it last read"
            ),
            Some((
                "请检查文件夹的权限，看板需要能读取它",
                "check the folder's permissions: the kiosk must be able to read it",
            )),
        ),
    ))
}
