//! The report folder: what the curators see of the kiosk from their own
//! PCs, over the shared folder the machine config names (`report_dir`).
//! `index.html` holds the lines of `kiosk check`, grouped by person, with
//! what visitors see of each; `preview/` holds each person's whole page in
//! both languages, drawn again within seconds of a save.
//!
//! Everything is written by threads of its own, whole or not at all (a
//! temporary file, then a rename), so a slow share never costs visitors a
//! frame and a curator never opens half a page. Nothing is written into the
//! profiles folder.

mod page;
mod previews;

pub use page::{PersonReport, Standing, index_html};
pub use previews::{Ask, Previewer};

use crate::AppSystems;
use crate::content::{
    CuratorReport, LibraryChanged, PictureChanged, ProfileAsset, ProfileHandles, ProfilesRoot,
};
use crate::library::Library;
use crate::profile::{Problem, Profile};
use bevy::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::SystemTime;

/// Where the report is kept, and how previews are drawn (none: no previews).
#[derive(Resource, Debug, Clone)]
pub struct ReportFolder {
    pub dir: PathBuf,
    pub previewer: Option<Previewer>,
}

/// The threads that write the report, and what the previews show now.
#[derive(Resource)]
struct Writers {
    index: Sender<String>,
    previews: Option<Sender<Ask>>,
    /// Each person's profile as last asked to be drawn.
    drawn: HashMap<String, Arc<Profile>>,
    /// The first full collection has been looked at (the start's sweep).
    swept: bool,
    /// Something changed since the index was last written.
    index_dirty: bool,
    /// The library changed since it was last compared with `drawn`.
    library_dirty: bool,
    last_written: Option<f64>,
}

/// The index is written at most this often while a curator saves and saves.
const INDEX_EVERY_SECS: f64 = 0.5;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (start_writers, ask_for_previews, write_index)
            .chain()
            .in_set(AppSystems::Update)
            .run_if(resource_exists::<ReportFolder>),
    );
}

/// Starts the threads once every profile has been read (and the window
/// has its size on the monitor: previews are drawn as wide as it).
fn start_writers(
    folder: Res<ReportFolder>,
    root: Res<ProfilesRoot>,
    handles: Res<ProfileHandles>,
    window: Query<&Window, With<bevy::window::PrimaryWindow>>,
    writers: Option<Res<Writers>>,
    mut commands: Commands,
) {
    if writers.is_some() || handles.still_loading() {
        return;
    }
    let profiles = std::path::absolute(&root.0).unwrap_or_else(|_| root.0.clone());
    let dir = std::path::absolute(&folder.dir).unwrap_or_else(|_| folder.dir.clone());
    if dir.starts_with(&profiles) {
        // The watcher would see every report written as a curator's change.
        warn!(
            "report_dir {} is inside the profiles folder: no report is written",
            dir.display()
        );
        commands.remove_resource::<ReportFolder>();
        return;
    }
    let previews = folder.previewer.clone().map(|mut previewer| {
        if let Ok(window) = window.single() {
            previewer.size = (window.physical_width(), window.physical_height());
        }
        let into = dir.join("preview");
        if let Err(e) = std::fs::create_dir_all(&into) {
            warn!("cannot make {}: {e}", into.display());
        }
        previews::start(previewer, profiles, into)
    });
    commands.insert_resource(Writers {
        index: start_index_writer(dir),
        previews,
        drawn: HashMap::new(),
        swept: false,
        index_dirty: true,
        library_dirty: true,
        last_written: None,
    });
}

/// The thread that writes `index.html`: always the latest page, whole.
fn start_index_writer(dir: PathBuf) -> Sender<String> {
    let (send, pages) = std::sync::mpsc::channel::<String>();
    let spawned = std::thread::Builder::new()
        .name("report".into())
        .spawn(move || {
            while let Ok(mut page) = pages.recv() {
                while let Ok(newer) = pages.try_recv() {
                    page = newer;
                }
                if let Err(e) = write_whole(&dir, "index.html", page.as_bytes()) {
                    warn!("cannot write the report in {}: {e}", dir.display());
                }
            }
        });
    if let Err(e) = spawned {
        warn!("cannot start the report thread: {e}");
    }
    send
}

/// Writes `dir/name` whole or not at all.
fn write_whole(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::create_dir_all(dir)?;
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(bytes)?;
    temp.persist(dir.join(name))?;
    Ok(())
}

/// Whom to draw again: everyone stale at the start; then whoever a curator
/// changed (their profile or a picture); and whose previews go.
fn ask_for_previews(
    root: Res<ProfilesRoot>,
    handles: Res<ProfileHandles>,
    library: Res<Library>,
    report: Res<CuratorReport>,
    mut library_changed: MessageReader<LibraryChanged>,
    mut pictures: MessageReader<PictureChanged>,
    writers: Option<ResMut<Writers>>,
) {
    let Some(mut writers) = writers else {
        return;
    };
    if library_changed.read().count() > 0 || report.is_changed() {
        writers.index_dirty = true;
        writers.library_dirty = true;
    }
    let Some(previews) = writers.previews.clone() else {
        return;
    };
    for PictureChanged(file) in pictures.read() {
        let slug = file
            .strip_prefix(&root.0)
            .ok()
            .and_then(|rel| rel.components().next())
            .and_then(|c| c.as_os_str().to_str());
        if let Some(slug) = slug.filter(|s| library.get(s).is_some()) {
            let _ = previews.send(Ask::Now(slug.to_owned()));
        }
    }
    if !writers.library_dirty || handles.still_loading() {
        return;
    }
    writers.library_dirty = false;
    let now: HashMap<String, Arc<Profile>> = library
        .people
        .iter()
        .map(|p| (p.slug.clone(), p.profile.clone()))
        .collect();
    if !writers.swept {
        writers.swept = true;
        let mut everyone: Vec<String> = now.keys().cloned().collect();
        everyone.sort();
        let _ = previews.send(Ask::IfStale(everyone));
    } else {
        for (slug, profile) in &now {
            if writers
                .drawn
                .get(slug)
                .is_none_or(|before| before != profile)
            {
                let _ = previews.send(Ask::Now(slug.clone()));
            }
        }
        for slug in writers.drawn.keys().filter(|s| !now.contains_key(*s)) {
            let _ = previews.send(Ask::Forget(slug.clone()));
        }
    }
    writers.drawn = now;
}

fn write_index(
    root: Res<ProfilesRoot>,
    time: Res<Time<Real>>,
    handles: Res<ProfileHandles>,
    profiles: Res<Assets<ProfileAsset>>,
    report: Res<CuratorReport>,
    writers: Option<ResMut<Writers>>,
) {
    let Some(mut writers) = writers else {
        return;
    };
    let now = time.elapsed_secs_f64();
    let recently = writers
        .last_written
        .is_some_and(|t| now - t < INDEX_EVERY_SECS);
    if !writers.index_dirty || recently || handles.still_loading() {
        return;
    }
    writers.index_dirty = false;
    writers.last_written = Some(now);
    let previews = writers.previews.is_some();
    let page = build_index(&root, &handles, &profiles, &report, previews);
    let _ = writers.index.send(page);
}

/// The index as it stands: each person's problems and standing.
pub fn build_index(
    root: &ProfilesRoot,
    handles: &ProfileHandles,
    profiles: &Assets<ProfileAsset>,
    report: &CuratorReport,
    previews: bool,
) -> String {
    let mut by_person: BTreeMap<&str, Vec<&Problem>> = BTreeMap::new();
    let mut others = Vec::new();
    for problem in report.problems() {
        match person_of(&root.0, &problem.path).filter(|s| handles.people.contains_key(*s)) {
            Some(slug) => by_person.entry(slug).or_default().push(problem),
            None => others.push(problem),
        }
    }
    let people: Vec<PersonReport> = handles
        .people
        .iter()
        .map(|(slug, handle)| {
            let problems = by_person.remove(slug.as_str()).unwrap_or_default();
            let asset = profiles.get(handle);
            let standing = match asset {
                None => Standing::LeftOut,
                Some(a) if a.from_last_good || problems.iter().any(|p| p.is_error()) => {
                    Standing::FromLastGood(a.saved)
                }
                Some(_) => Standing::Shown,
            };
            PersonReport {
                slug,
                name: asset.map(|a| a.profile.name.zh.as_str()),
                standing,
                problems,
                previews: previews && asset.is_some(),
            }
        })
        .collect();
    index_html(&people, &others, SystemTime::now())
}

/// `profiles/zhang-xiuying/…` → `zhang-xiuying`.
fn person_of<'a>(root: &Path, path: &'a str) -> Option<&'a str> {
    Path::new(path)
        .strip_prefix(root)
        .ok()?
        .components()
        .next()?
        .as_os_str()
        .to_str()
}
