//! The `profiles://` asset source over the curators' folder, and the RON
//! loaders behind it, which run the same parse-and-validate code as `kiosk
//! check`.

use super::last_good::{LastGood, saved_at};
use super::{ProfilesRoot, SOURCE};
use crate::profile::{self, Exhibition, Loaded, Position, Problem, Profile, ProfileDir, msg};
use bevy::asset::io::{
    AssetReader, AssetReaderError, AssetSourceBuilder, AssetSourceId, ErasedAssetReader,
    PathStream, Reader, VecReader,
};
use bevy::asset::{AssetLoader, AssetPath, LoadContext};
use bevy::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

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
        match crate::profile::curator_file::read_text_file(&full) {
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
    /// What the curator is told of the file: its warnings; and, when it is
    /// shown from its last good version, the errors of the file as it is.
    pub problems: Vec<Problem>,
    pub name_at: Position,
    /// When the version shown was saved.
    pub saved: SystemTime,
    /// The file as it is has errors: this is its last good version, kept
    /// from before (`LastGood`).
    pub from_last_good: bool,
}

#[derive(Asset, TypePath, Debug)]
pub struct ExhibitionAsset {
    pub exhibition: Arc<Exhibition>,
    pub problems: Vec<Problem>,
}

/// Why a file did not load: the same problems `kiosk check` prints.
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
}

#[derive(TypePath)]
pub(super) struct ProfileLoader {
    pub(super) root: PathBuf,
    /// Where last good versions are kept across restarts, if anywhere.
    pub(super) last_good: Option<LastGood>,
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
        let path = dir.display("profile.ron");
        let bytes = read_all(reader, &path).await?;
        let saved = std::fs::metadata(self.root.join(&slug).join("profile.ron"))
            .and_then(|m| m.modified())
            .unwrap_or_else(|_| SystemTime::now());
        let loaded = profile::load_profile(&dir, &bytes);
        if let Some(p) = loaded.value {
            if let Some(store) = &self.last_good
                && let Err(e) = store.keep(&slug, &bytes, saved)
            {
                warn!("cannot keep the last good version of {slug}: {e}");
            }
            return Ok(ProfileAsset {
                slug,
                profile: Arc::new(p),
                problems: loaded.problems,
                name_at: loaded.name_at,
                saved,
                from_last_good: false,
            });
        }
        // Errors: the last good version stands in, when one was kept.
        let Some((profile, name_at, good_saved)) =
            self.last_good.as_ref().and_then(|s| s.recall(&dir))
        else {
            return Err(ContentError::Invalid(loaded.problems));
        };
        let mut problems = loaded.problems;
        problems.push(shown_from_last_good(&path, good_saved));
        Ok(ProfileAsset {
            slug,
            profile: Arc::new(profile),
            problems,
            name_at,
            saved: good_saved,
            from_last_good: true,
        })
    }
}

/// What the curator is told of a file with errors whose last good version
/// visitors still see.
pub fn shown_from_last_good(path: &str, saved: SystemTime) -> Problem {
    let at = saved_at(saved);
    Problem::warning(
        path,
        Position::START,
        msg(
            format!("此文件有错误，观众看到的是 {at} 保存的上一个正确版本"),
            format!("this file has errors: visitors see its last good version, saved {at}"),
            Some((
                "改正错误并保存，新版本即会显示",
                "fix the errors and save: the new version is shown",
            )),
        ),
    )
}

#[derive(TypePath)]
pub(super) struct ExhibitionLoader {
    pub(super) root: PathBuf,
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
        let path = self.root.join(super::EXHIBITION_FILE).display().to_string();
        let bytes = read_all(reader, &path).await?;
        let (e, problems, _) = accepted(profile::load_exhibition(&path, &bytes))?;
        Ok(ExhibitionAsset {
            exhibition: Arc::new(e),
            problems,
        })
    }
}

/// A file fit to show, with its warnings and where its name stands; or its
/// problems, which keep it from loading (the last good version stays).
fn accepted<T>(loaded: Loaded<T>) -> Result<(T, Vec<Problem>, Position), ContentError> {
    match loaded.value {
        Some(value) => Ok((value, loaded.problems, loaded.name_at)),
        None => Err(ContentError::Invalid(loaded.problems)),
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
pub(super) fn slug_of(path: &AssetPath) -> String {
    path.path()
        .parent()
        .and_then(Path::file_name)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `zhang-xiuying` → `profiles://zhang-xiuying/profile.ron`.
pub(super) fn profile_path(slug: &str) -> AssetPath<'static> {
    AssetPath::from(format!("{slug}/profile.ron")).with_source(SOURCE)
}
