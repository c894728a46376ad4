//! The handles that keep every profile loaded, and the `Library` rebuilt
//! from whatever loaded whenever a load finishes or fails.

use super::source::{profile_path, shown_from_last_good, slug_of};
use super::{
    ContentError, CuratorReport, EXHIBITION_FILE, ExhibitionAsset, LibraryChanged, ProfileAsset,
    ProfilesRoot, SOURCE,
};
use crate::library::{Entry, Library};
use crate::profile::folders::{folder_problems, profile_slugs};
use crate::profile::{Position, Problem, msg};
use bevy::asset::{AssetLoadError, AssetLoadFailedEvent, AssetPath};
use bevy::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::Path;

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
    pub(super) fn load(&mut self, server: &AssetServer, slug: String) {
        let handle: Handle<ProfileAsset> = server.load(profile_path(&slug));
        self.arriving.insert(handle.id());
        self.people.insert(slug, handle);
    }

    /// Reads a person's profile again; the last good version stays until
    /// the new one has loaded (or for good, when it fails).
    pub(super) fn reload(&mut self, server: &AssetServer, slug: &str) {
        if let Some(handle) = self.people.get(slug) {
            self.arriving.insert(handle.id());
            server.reload(profile_path(slug));
        }
    }

    /// `exhibition.ron` was saved, created or deleted: read it again (the
    /// idle time and titles apply without a restart), or fall back to the
    /// defaults when it is gone.
    pub(super) fn follow_exhibition(&mut self, server: &AssetServer, root: &Path) {
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

pub(super) fn discover_profiles(
    root: Res<ProfilesRoot>,
    server: Res<AssetServer>,
    mut handles: ResMut<ProfileHandles>,
    mut report: ResMut<CuratorReport>,
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
    // Folders meant to be people that show no one, as the check tells them.
    for problem in folder_problems(&root.0) {
        warn!("curator: {problem}");
        report.by_file.insert(problem.path.clone(), vec![problem]);
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

/// Failed loads and reloads: record why, for the curator (and that
/// visitors still see the last good version, when Bevy kept one).
pub(super) fn record_failures(
    root: Res<ProfilesRoot>,
    mut handles: ResMut<ProfileHandles>,
    profiles: Res<Assets<ProfileAsset>>,
    mut profile_failures: MessageReader<AssetLoadFailedEvent<ProfileAsset>>,
    mut exhibition_failures: MessageReader<AssetLoadFailedEvent<ExhibitionAsset>>,
    mut report: ResMut<CuratorReport>,
    mut changed: MessageWriter<LibraryChanged>,
) {
    let paths = profile_failures
        .read()
        .map(|f| {
            handles.arriving.remove(&f.id);
            let kept = profiles.get(f.id).map(|a| a.saved);
            (root.display(&slug_of(&f.path)), &f.error, kept)
        })
        .chain(
            exhibition_failures
                .read()
                .map(|f| (root.exhibition_display(), &f.error, None)),
        );
    for (path, error, kept) in paths {
        let mut problems = problems_of(error, &path);
        problems.extend(kept.map(|saved| shown_from_last_good(&path, saved)));
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
pub(super) fn rebuild_library(
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
                .insert(root.display(&asset.slug), asset.problems.clone());
        }
    }
    for event in exhibition_events.read() {
        dirty = true;
        if let AssetEvent::LoadedWithDependencies { id } = event
            && let Some(asset) = exhibitions.get(*id)
        {
            report
                .by_file
                .insert(root.exhibition_display(), asset.problems.clone());
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
    *library = Library::build(&root.0, exhibition, entries);
    report.collection = library.collection_problems(|slug| root.display(slug));
    changed.write(LibraryChanged);
}
