//! The last good version of each person's profile, kept in the kiosk's state
//! folder so that it outlives a restart. Bevy keeps the last good version in
//! memory only: a curator's broken save, then a power cut, and the person
//! silently left the exhibition.
//!
//! What is kept is the curator's file itself, byte for byte, as it last
//! loaded without an error; the file's time is the time it was saved.

use crate::profile::{self, Position, Profile, ProfileDir};
use bevy::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Where the last good versions are kept: `<state>/last-good/<slug>.ron`.
#[derive(Resource, Debug, Clone)]
pub struct LastGood {
    dir: PathBuf,
}

impl LastGood {
    /// The store under the kiosk's state folder.
    pub fn in_state_folder(state: &Path) -> Self {
        Self {
            dir: state.join("last-good"),
        }
    }

    /// `$XDG_STATE_HOME/kiosk`, else `~/.local/state/kiosk`: the state of
    /// one kiosk, apart from the curators' folder (nothing is written there)
    /// and from the picture cache (which may be thrown away).
    pub fn default_state_folder() -> Option<PathBuf> {
        let base = std::env::var_os("XDG_STATE_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/state")))?;
        Some(base.join("kiosk"))
    }

    fn file(&self, slug: &str) -> PathBuf {
        self.dir.join(format!("{slug}.ron"))
    }

    /// Keeps `bytes` as the person's last good version, saved at `saved`.
    /// The same bytes are not written again (a start reads every profile),
    /// and a new version replaces the old one whole or not at all.
    pub fn keep(&self, slug: &str, bytes: &[u8], saved: SystemTime) -> std::io::Result<()> {
        let file = self.file(slug);
        if std::fs::read(&file).is_ok_and(|kept| kept == bytes) {
            return Ok(());
        }
        std::fs::create_dir_all(&self.dir)?;
        let mut temp = tempfile::NamedTempFile::new_in(&self.dir)?;
        temp.write_all(bytes)?;
        temp.as_file().set_modified(saved)?;
        temp.persist(&file)?;
        Ok(())
    }

    /// The person's last good version, read as the kiosk reads a profile
    /// now (its pictures must still be there): the profile, where its name
    /// stands, and when it was saved. None when none was kept or it no
    /// longer loads.
    pub fn recall(&self, dir: &ProfileDir) -> Option<(Profile, Position, SystemTime)> {
        let file = self.file(dir.slug);
        let bytes = std::fs::read(&file).ok()?;
        let saved = std::fs::metadata(&file).and_then(|m| m.modified()).ok()?;
        let loaded = profile::load_profile(dir, &bytes);
        Some((loaded.value?, loaded.name_at, saved))
    }
}

/// When a version of a file was saved, as a curator reads it: local time,
/// to the minute (`2026-11-29 14:02`).
pub fn saved_at(time: SystemTime) -> String {
    chrono::DateTime::<chrono::Local>::from(time)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}
