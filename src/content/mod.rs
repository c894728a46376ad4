//! Profiles through Bevy's asset system: a `profiles://` asset source over the
//! curators' folder, RON loaders that run the same code as `kiosk check`, and
//! the `Library` rebuilt whenever a load finishes or fails.
//!
//! Bevy keeps the last successfully loaded version of an asset when a reload
//! fails, so a curator's broken save leaves the last good profile on screen
//! while the curator report shows what is wrong.

use crate::AppSystems;
use crate::library::{Entry, Library};
use crate::profile::{self, Exhibition, Position, Problem, Profile, ProfileDir, msg};
use bevy::asset::io::{
    AssetReader, AssetReaderError, AssetSourceBuilder, AssetSourceId, ErasedAssetReader,
    PathStream, Reader, VecReader,
};
use bevy::asset::{AssetLoadError, AssetLoadFailedEvent, AssetLoader, AssetPath, LoadContext};
use bevy::prelude::*;
use bevy::tasks::{IoTaskPool, Task, block_on, futures_lite::future};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The asset source name for the curators' folder.
pub const SOURCE: &str = "profiles";

/// Where the profiles live on disk.
#[derive(Resource, Debug, Clone)]
pub struct ProfilesRoot(pub PathBuf);

impl ProfilesRoot {
    pub fn display(&self, slug: &str) -> String {
        self.0.join(slug).join("profile.ron").display().to_string()
    }
}

/// Bevy's asset plugin as the kiosk uses it. Bevy watches nothing: the
/// kiosk's own watcher (`FolderWatcher`) follows every curator's change and
/// asks for reloads; two recursive watchers over 10,000 folders took a core
/// for a second at every start. Curators keep no `.meta` files beside their
/// profiles: looking for one first doubled the file operations of a load.
pub fn asset_plugin() -> AssetPlugin {
    AssetPlugin {
        watch_for_changes_override: Some(false),
        meta_check: bevy::asset::AssetMetaCheck::Never,
        ..default()
    }
}

/// Registers the `profiles://` source. Must run before `AssetPlugin` is added.
pub fn register_source(app: &mut App, root: &Path) {
    // Bevy resolves relative sources against the executable's folder; the
    // curator means the working directory.
    let absolute = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let source = AssetSourceBuilder::new(move || {
        Box::new(ProfileReader {
            root: absolute.clone(),
        }) as Box<dyn ErasedAssetReader>
    });
    app.register_asset_source(AssetSourceId::from(SOURCE), source);
    app.insert_resource(ProfilesRoot(root.to_path_buf()));
}

/// Reads the curators' files whole, on the loading thread. Profiles are a
/// few kilobytes: Bevy's default reader hands every read to another thread
/// pool through an 8 MB buffer, which made a start with 10,000 people take
/// seconds. (Pictures are not read here: `images` reads them itself.)
struct ProfileReader {
    root: PathBuf,
}

impl ProfileReader {
    fn read_whole(&self, path: &Path) -> Result<VecReader, AssetReaderError> {
        let full = self.root.join(path);
        match crate::profile::load::read_text_file(&full) {
            Ok(bytes) => Ok(VecReader::new(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(AssetReaderError::NotFound(full))
            }
            Err(e) => Err(e.into()),
        }
    }
}

impl AssetReader for ProfileReader {
    async fn read<'a>(&'a self, path: &'a Path) -> Result<impl Reader + 'a, AssetReaderError> {
        self.read_whole(path)
    }

    async fn read_meta<'a>(&'a self, path: &'a Path) -> Result<impl Reader + 'a, AssetReaderError> {
        // Curators keep no `.meta` files (and `asset_plugin` never asks).
        Err::<VecReader, _>(AssetReaderError::NotFound(self.root.join(path)))
    }

    async fn read_directory<'a>(
        &'a self,
        path: &'a Path,
    ) -> Result<Box<PathStream>, AssetReaderError> {
        let entries: Vec<PathBuf> = std::fs::read_dir(self.root.join(path))?
            .filter_map(Result::ok)
            .map(|e| path.join(e.file_name()))
            .collect();
        Ok(Box::new(bevy::tasks::futures_lite::stream::iter(entries)))
    }

    async fn is_directory<'a>(&'a self, path: &'a Path) -> Result<bool, AssetReaderError> {
        Ok(self.root.join(path).is_dir())
    }
}

#[derive(Asset, TypePath, Debug)]
pub struct ProfileAsset {
    pub slug: String,
    pub profile: Arc<Profile>,
    /// Warnings found while loading (a profile with errors never loads).
    pub warnings: Vec<Problem>,
    pub name_at: Position,
}

#[derive(Asset, TypePath, Debug)]
pub struct ExhibitionAsset {
    pub exhibition: Arc<Exhibition>,
    pub warnings: Vec<Problem>,
}

/// Why a file did not load: the same problems `kiosk check` prints.
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
}

#[derive(TypePath)]
struct ProfileLoader {
    root: PathBuf,
}

impl AssetLoader for ProfileLoader {
    type Asset = ProfileAsset;
    type Settings = ();
    type Error = ContentError;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _: &(),
        ctx: &mut LoadContext<'_>,
    ) -> Result<ProfileAsset, ContentError> {
        let slug = slug_of(ctx.path());
        let dir = ProfileDir {
            root: &self.root,
            slug: &slug,
        };
        let bytes = read_all(reader, &dir.display("profile.ron")).await?;
        let loaded = profile::load_profile(&dir, &bytes);
        match loaded.value {
            Some(p) => Ok(ProfileAsset {
                slug,
                profile: Arc::new(p),
                warnings: loaded.problems,
                name_at: loaded.name_at,
            }),
            None => Err(ContentError::Invalid(loaded.problems)),
        }
    }
}

#[derive(TypePath)]
struct ExhibitionLoader {
    root: PathBuf,
}

impl AssetLoader for ExhibitionLoader {
    type Asset = ExhibitionAsset;
    type Settings = ();
    type Error = ContentError;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _: &(),
        _: &mut LoadContext<'_>,
    ) -> Result<ExhibitionAsset, ContentError> {
        let path = self.root.join("exhibition.ron").display().to_string();
        let bytes = read_all(reader, &path).await?;
        let loaded = profile::load_exhibition(&path, &bytes);
        match loaded.value {
            Some(e) => Ok(ExhibitionAsset {
                exhibition: Arc::new(e),
                warnings: loaded.problems,
            }),
            None => Err(ContentError::Invalid(loaded.problems)),
        }
    }
}

async fn read_all(reader: &mut dyn Reader, path: &str) -> Result<Vec<u8>, ContentError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).await.map_err(|e| {
        ContentError::Invalid(vec![Problem::error(
            path,
            Position::START,
            msg("无法读取文件", format!("cannot read the file: {e}"), None),
        )])
    })?;
    Ok(bytes)
}

/// `zhang-xiuying/profile.ron` → `zhang-xiuying`.
fn slug_of(path: &AssetPath) -> String {
    path.path()
        .parent()
        .and_then(Path::file_name)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `zhang-xiuying` → `profiles://zhang-xiuying/profile.ron`.
fn profile_path(slug: &str) -> AssetPath<'static> {
    AssetPath::from(format!("{slug}/profile.ron")).with_source(SOURCE)
}

/// The exhibition's own file, beside the person folders.
pub const EXHIBITION_FILE: &str = "exhibition.ron";

/// Handles that keep every profile loaded (and hot-reloaded).
#[derive(Resource, Default)]
pub struct ProfileHandles {
    pub exhibition: Option<Handle<ExhibitionAsset>>,
    pub people: HashMap<String, Handle<ProfileAsset>>,
    /// Profiles asked for (loads and reloads) that have not finished or
    /// failed yet.
    arriving: HashSet<AssetId<ProfileAsset>>,
}

impl ProfileHandles {
    /// Starts loading a person's profile (kept loaded from then on).
    fn load(&mut self, server: &AssetServer, slug: String) {
        let handle: Handle<ProfileAsset> = server.load(profile_path(&slug));
        self.arriving.insert(handle.id());
        self.people.insert(slug, handle);
    }

    /// Reads a person's profile again; the last good version stays until
    /// the new one has loaded (or for good, when it fails).
    fn reload(&mut self, server: &AssetServer, slug: &str) {
        if let Some(handle) = self.people.get(slug) {
            self.arriving.insert(handle.id());
            server.reload(profile_path(slug));
        }
    }

    /// `exhibition.ron` was saved, created or deleted: read it again (the
    /// idle time and titles apply without a restart), or fall back to the
    /// defaults when it is gone.
    fn follow_exhibition(&mut self, server: &AssetServer, root: &Path) {
        let path = AssetPath::from(EXHIBITION_FILE).with_source(SOURCE);
        match (root.join(EXHIBITION_FILE).is_file(), &self.exhibition) {
            (true, Some(_)) => server.reload(path),
            (true, None) => self.exhibition = Some(server.load(path)),
            // Dropping the handle unloads it, and the library is rebuilt.
            (false, _) => self.exhibition = None,
        }
    }

    /// Whether any profile is still being read: a start, a curator's save,
    /// or a folder of new people.
    pub fn still_loading(&self) -> bool {
        !self.arriving.is_empty()
    }
}

/// Everything a curator should fix, by file, as the curator view and the log
/// show it. Lines are the same as `kiosk check` prints.
#[derive(Resource, Debug, Default, Clone)]
pub struct CuratorReport {
    pub by_file: BTreeMap<String, Vec<Problem>>,
    pub collection: Vec<Problem>,
}

impl CuratorReport {
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.by_file.values().flatten().chain(&self.collection)
    }

    pub fn error_count(&self) -> usize {
        self.problems().filter(|p| p.is_error()).count()
    }
}

/// Sent whenever the library was rebuilt from a content change.
#[derive(Message, Debug, Clone, Copy)]
pub struct LibraryChanged;

pub(super) fn plugin(app: &mut App) {
    let root = app.world().resource::<ProfilesRoot>().0.clone();
    app.init_asset::<ProfileAsset>()
        .init_asset::<ExhibitionAsset>()
        .register_asset_loader(ProfileLoader { root: root.clone() })
        .register_asset_loader(ExhibitionLoader { root })
        .init_resource::<ProfileHandles>()
        .init_resource::<PendingChanges>()
        .init_resource::<CuratorReport>()
        .init_resource::<Library>()
        .add_message::<LibraryChanged>()
        .add_systems(Startup, (discover_profiles, watch_folders))
        .add_systems(
            Update,
            (
                watcher_ready,
                follow_folders,
                record_failures,
                rebuild_library,
            )
                .chain()
                .in_set(AppSystems::Content),
        );
}

/// File events under the profiles root: profiles saved, people added or
/// deleted (folders appearing, `profile.ron` created or removed) and images
/// replaced. The only watcher: Bevy watches nothing (see `asset_plugin`).
#[derive(Resource)]
struct FolderWatcher {
    _watcher: notify::RecommendedWatcher,
    events: std::sync::Mutex<std::sync::mpsc::Receiver<notify::Event>>,
    /// The watched root as the OS reports paths under it.
    absolute_root: PathBuf,
}

/// A watcher being set up in the background: watching 10,000 folders takes
/// a quarter of a second, which the first frame need not wait for.
#[derive(Resource)]
struct StartingWatcher(Task<notify::Result<FolderWatcher>>);

/// Wakes the kiosk when a curator's file changes. With nothing moving on
/// screen the kiosk sleeps up to a second between frames; a save must not
/// wait for that.
#[derive(Resource, Clone)]
struct WakeOnChange(Arc<dyn Fn() + Send + Sync>);

fn watch_folders(
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
fn watcher_ready(
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
        // Tried again every two seconds, silently (see `follow_folders`).
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

/// Curators' changes noticed and not yet taken: folders still being written.
#[derive(Resource, Default)]
pub struct PendingChanges {
    touched: BTreeMap<String, Touched>,
}

impl PendingChanges {
    /// Whether a change is waiting (the kiosk keeps drawing frames for it).
    pub fn waiting(&self) -> bool {
        !self.touched.is_empty()
    }
}

/// A person's folder changed.
struct Touched {
    /// When its last file event came. Wall-clock time: the frame clock
    /// (`Time<Real>`) comes from the previous frame, which for a kiosk that
    /// slept is a second old.
    last: std::time::Instant,
    /// Whether anything but `profile.ron` changed (pictures).
    other_file: bool,
}

/// Curators' changes: profiles saved, people who appeared or left, and
/// pictures that changed.
fn follow_folders(
    mut commands: Commands,
    watcher: Option<Res<FolderWatcher>>,
    starting: Option<Res<StartingWatcher>>,
    wake: Option<Res<WakeOnChange>>,
    root: Res<ProfilesRoot>,
    server: Res<AssetServer>,
    mut handles: ResMut<ProfileHandles>,
    mut report: ResMut<CuratorReport>,
    mut images: ResMut<crate::images::Images>,
    mut changed: MessageWriter<LibraryChanged>,
    time: Res<Time<Real>>,
    mut last_look: Local<(f32, Option<Option<(std::time::SystemTime, bool)>>)>,
    mut settling: ResMut<PendingChanges>,
) {
    let starting = starting.is_some();
    // Per person folder: what changed, and when it last did.
    let now = std::time::Instant::now();
    let touched = &mut settling.touched;
    // Every two seconds, one look at the root itself: events can be missed
    // (the whole folder deleted, replaced, or put back from a backup).
    last_look.0 += time.delta_secs();
    if last_look.0 >= 2.0 || last_look.1.is_none() {
        last_look.0 = 0.0;
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
        let stamp = std::fs::metadata(&root.0)
            .and_then(|m| m.modified())
            .ok()
            .map(|t| (t, unreadable.is_none()));
        if watcher.is_none() && !starting && unreadable.is_none() && root.0.is_dir() {
            // The folder came (back) after the start: watch it from now on.
            if let Some(wake) = &wake {
                start_watching(&mut commands, &root.0, wake);
            }
        }
        if last_look.1.is_some_and(|last| last != stamp) {
            info!("curator: the profiles folder changed as a whole");
            // Everyone again: a replaced folder may hold new versions.
            for slug in profile_slugs(&root.0)
                .into_iter()
                .chain(handles.people.keys().cloned())
            {
                touched.insert(
                    slug,
                    Touched {
                        last: now,
                        other_file: true,
                    },
                );
            }
        }
        last_look.1 = Some(stamp);
    }
    if matches!(last_look.1, Some(Some((_, false)))) {
        // Unreadable: whether a person is still there cannot be told, so
        // everyone stays as last seen until the folder can be read again.
        return;
    }
    if let Some(watcher) = &watcher
        && let Ok(events) = watcher.events.lock()
    {
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
                let other_file = match parts.next() {
                    Some(file) if file.as_os_str() != "profile.ron" => {
                        // An image replaced: prepare it anew.
                        let image = root.0.join(slug).join(file.as_os_str());
                        images.invalidate(&image);
                        report.by_file.remove(&image.display().to_string());
                        true
                    }
                    _ => false,
                };
                let t = touched.entry(slug.to_owned()).or_insert(Touched {
                    last: now,
                    other_file,
                });
                t.last = now;
                t.other_file |= other_file;
            }
        }
    }
    // An editor's save is often several writes (truncate, write, rename):
    // a folder is looked at once its files have been quiet for a moment.
    let settled: Vec<(String, bool)> = touched
        .iter()
        .filter(|(_, t)| now - t.last >= SETTLE)
        .map(|(slug, t)| (slug.clone(), t.other_file))
        .collect();
    for (slug, other_file) in settled {
        touched.remove(&slug);
        if slug == EXHIBITION_FILE {
            info!("curator: {EXHIBITION_FILE} saved");
            handles.follow_exhibition(&server, &root.0);
            continue;
        }
        let present = root.0.join(&slug).join("profile.ron").is_file();
        match (present, handles.people.contains_key(&slug)) {
            (true, false) => {
                info!("curator: new person {slug}");
                handles.load(&server, slug);
            }
            (false, true) => {
                info!("curator: {slug} removed");
                handles.people.remove(&slug);
                report.by_file.remove(&root.display(&slug));
                changed.write(LibraryChanged);
            }
            // The profile was saved, or a picture arrived or changed (a
            // missing-file warning may no longer hold): validate it again.
            (true, true) => {
                if !other_file {
                    info!("curator: {slug} saved");
                }
                handles.reload(&server, &slug);
            }
            (false, false) => {}
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

/// The people folders under the profiles root: those holding a `profile.ron`
/// (none when the folder cannot be read).
pub fn profile_slugs(root: &Path) -> Vec<String> {
    read_profile_slugs(root).unwrap_or_default()
}

/// The people folders, or why the root cannot be read.
pub fn read_profile_slugs(root: &Path) -> std::io::Result<Vec<String>> {
    let dir = std::fs::read_dir(root)?;
    let mut slugs: Vec<String> = dir
        .filter_map(Result::ok)
        .filter(|e| e.path().join("profile.ron").is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .collect();
    slugs.sort();
    Ok(slugs)
}

fn discover_profiles(
    root: Res<ProfilesRoot>,
    server: Res<AssetServer>,
    mut handles: ResMut<ProfileHandles>,
) {
    if !root.0.is_dir() {
        warn!(
            "profiles folder {} does not exist: showing no one",
            root.0.display()
        );
        return;
    }
    if root.0.join(EXHIBITION_FILE).is_file() {
        handles.exhibition =
            Some(server.load(AssetPath::from(EXHIBITION_FILE).with_source(SOURCE)));
    }
    let slugs = profile_slugs(&root.0);
    info!("loading {} profiles from {}", slugs.len(), root.0.display());
    for slug in slugs {
        handles.load(&server, slug);
    }
}

fn problems_of(error: &AssetLoadError, path: &str) -> Vec<Problem> {
    if let AssetLoadError::AssetLoaderError(e) = error
        && let Some(ContentError::Invalid(problems)) = e.error().downcast_ref::<ContentError>()
    {
        return problems.clone();
    }
    vec![Problem::error(
        path,
        Position::START,
        msg("无法加载", format!("cannot load: {error}"), None),
    )]
}

/// Failed loads and reloads: record why, for the curator.
fn record_failures(
    root: Res<ProfilesRoot>,
    mut handles: ResMut<ProfileHandles>,
    mut profile_failures: MessageReader<AssetLoadFailedEvent<ProfileAsset>>,
    mut exhibition_failures: MessageReader<AssetLoadFailedEvent<ExhibitionAsset>>,
    mut report: ResMut<CuratorReport>,
    mut changed: MessageWriter<LibraryChanged>,
) {
    let paths = profile_failures
        .read()
        .map(|f| {
            handles.arriving.remove(&f.id);
            (root.display(&slug_of(&f.path)), &f.error)
        })
        .chain(exhibition_failures.read().map(|f| {
            (
                root.0.join("exhibition.ron").display().to_string(),
                &f.error,
            )
        }));
    for (path, error) in paths {
        let problems = problems_of(error, &path);
        for p in &problems {
            warn!("curator: {p}");
        }
        report.by_file.insert(path, problems);
        changed.write(LibraryChanged);
    }
}

/// While profiles are still arriving, the library is rebuilt at most this
/// often. Loads finish over many frames: rebuilding 10,000 people for each
/// frame's handful cost seconds at a start.
const REBUILD_WHILE_LOADING_SECS: f64 = 0.25;

/// Any profile loaded, changed or dropped: rebuild the library from the
/// versions that loaded (a failed reload leaves its last good one in place).
fn rebuild_library(
    root: Res<ProfilesRoot>,
    time: Res<Time<Real>>,
    mut pending: Local<bool>,
    mut last_build: Local<Option<f64>>,
    mut handles: ResMut<ProfileHandles>,
    profiles: Res<Assets<ProfileAsset>>,
    exhibitions: Res<Assets<ExhibitionAsset>>,
    mut profile_events: MessageReader<AssetEvent<ProfileAsset>>,
    mut exhibition_events: MessageReader<AssetEvent<ExhibitionAsset>>,
    mut report: ResMut<CuratorReport>,
    mut library: ResMut<Library>,
    mut changed: MessageWriter<LibraryChanged>,
) {
    let mut dirty = false;
    for event in profile_events.read() {
        dirty = true;
        if let AssetEvent::LoadedWithDependencies { id } = event {
            handles.arriving.remove(id);
        }
        if let AssetEvent::LoadedWithDependencies { id } = event
            && let Some(asset) = profiles.get(*id)
        {
            info!("loaded profile {}", asset.slug);
            report
                .by_file
                .insert(root.display(&asset.slug), asset.warnings.clone());
        }
    }
    for event in exhibition_events.read() {
        dirty = true;
        if let AssetEvent::LoadedWithDependencies { id } = event
            && let Some(asset) = exhibitions.get(*id)
        {
            report.by_file.insert(
                root.0.join("exhibition.ron").display().to_string(),
                asset.warnings.clone(),
            );
        }
    }
    *pending |= dirty;
    let now = time.elapsed_secs_f64();
    let recently = last_build.is_some_and(|t| now - t < REBUILD_WHILE_LOADING_SECS);
    if !*pending || (recently && handles.still_loading()) {
        return;
    }
    *pending = false;
    *last_build = Some(now);
    let exhibition = handles
        .exhibition
        .as_ref()
        .and_then(|h| exhibitions.get(h))
        .map(|e| e.exhibition.clone())
        .unwrap_or_default();
    let entries = handles
        .people
        .values()
        .filter_map(|h| profiles.get(h))
        .map(|a| Entry {
            slug: a.slug.clone(),
            profile: a.profile.clone(),
            name_at: a.name_at,
        });
    *library = Library::build(exhibition, entries);
    report.collection = library.collection_problems(|slug| root.display(slug));
    changed.write(LibraryChanged);
}
