//! The curators' folder as the kiosk follows it: profiles read through
//! Bevy's asset system (`source`), the folder watched for every change a
//! curator makes (`watch`), and the `Library` rebuilt whenever a load
//! finishes or fails (`rebuild`).
//!
//! Bevy keeps the last successfully loaded version of an asset when a reload
//! fails, so a curator's broken save leaves the last good profile on screen
//! while the curator report shows what is wrong. The kiosk also keeps each
//! last good version on disk (`last_good`), so that it outlives a restart.

mod last_good;
mod rebuild;
mod source;
mod watch;

pub use last_good::{LastGood, saved_at};
pub use rebuild::ProfileHandles;
pub use source::{
    ContentError, ExhibitionAsset, ProfileAsset, asset_plugin, register_source,
    shown_from_last_good,
};
pub use watch::PendingChanges;

use crate::AppSystems;
use crate::library::Library;
use crate::profile::Problem;
use bevy::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The asset source name for the curators' folder.
pub const SOURCE: &str = "profiles";

/// The exhibition's own file, beside the person folders.
pub const EXHIBITION_FILE: &str = "exhibition.ron";

/// Where the profiles live on disk.
#[derive(Resource, Debug, Clone)]
pub struct ProfilesRoot(pub PathBuf);

impl ProfilesRoot {
    /// A person's `profile.ron`, as the curator report names it.
    pub fn display(&self, slug: &str) -> String {
        self.0.join(slug).join("profile.ron").display().to_string()
    }

    /// A person's folder, as the curator report names it (problems with the
    /// folder rather than with its profile).
    pub fn folder_display(&self, slug: &str) -> String {
        format!("{}/", self.0.join(slug).display())
    }

    /// `exhibition.ron`, as the curator report names it.
    pub fn exhibition_display(&self) -> String {
        self.0.join(EXHIBITION_FILE).display().to_string()
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

/// A picture file under `profiles/` was replaced, added or deleted: whoever
/// holds it prepared must prepare it anew.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct PictureChanged(pub PathBuf);

pub(super) fn plugin(app: &mut App) {
    let root = app.world().resource::<ProfilesRoot>().0.clone();
    // Set before the plugins are added (`LastGood` is the kiosk's choice;
    // tests, proofs and the bench keep nothing).
    let last_good = app.world().get_resource::<LastGood>().cloned();
    app.init_asset::<ProfileAsset>()
        .init_asset::<ExhibitionAsset>()
        .register_asset_loader(source::ProfileLoader {
            root: root.clone(),
            last_good,
        })
        .register_asset_loader(source::ExhibitionLoader { root })
        .init_resource::<ProfileHandles>()
        .init_resource::<PendingChanges>()
        .init_resource::<CuratorReport>()
        .init_resource::<Library>()
        .add_message::<LibraryChanged>()
        .add_message::<PictureChanged>()
        .add_systems(Startup, (rebuild::discover_profiles, watch::watch_folders))
        .add_systems(
            Update,
            (
                watch::watcher_ready,
                watch::look_at_root,
                watch::collect_file_events,
                watch::take_settled_changes,
                rebuild::record_failures,
                rebuild::rebuild_library,
            )
                .chain()
                .in_set(AppSystems::Content),
        );
}
