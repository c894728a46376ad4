//! `kiosk check`: everything a visitor would see, validated for the curator.
//! Uses the same loader as the kiosk, then also prepares every image, which
//! the kiosk does in the background instead.

use crate::library::{Entry, Library};
use crate::media;
use crate::profile::folders::read_profile_slugs;
use crate::profile::locate::Locator;
use crate::profile::{self, Position, Problem, ProfileDir, Severity, msg};
use bevy::tasks::ParallelSlice;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

#[derive(Debug, Serialize)]
pub struct CheckReport {
    /// Profiles that load and will be shown.
    pub profiles: usize,
    /// Profile folders found, shown or not.
    pub folders: usize,
    pub decades: BTreeMap<String, usize>,
    pub errors: usize,
    pub warnings: usize,
    pub problems: Vec<Problem>,
    /// Every referenced image: format, size, the EXIF turn applied, or why
    /// it cannot be shown.
    pub images: Vec<media::ImageInfo>,
}

impl CheckReport {
    pub fn summary(&self) -> String {
        let turned = self.images.iter().filter(|i| i.turned.is_some()).count();
        let broken = self.images.iter().filter(|i| i.error.is_some()).count();
        format!(
            "{} images · {turned} turned upright · {broken} cannot be shown\n{} profiles · {} errors · {} warnings",
            self.images.len(),
            self.profiles,
            self.errors,
            self.warnings,
        )
    }
}

/// Validates the profiles under `root`, preparing every image into the
/// kiosk's image cache on the way (so a kiosk started after a check finds
/// them ready). Never panics, whatever the files hold.
pub fn check(root: &Path) -> CheckReport {
    check_with_cache(root, media::cache_dir().as_deref())
}

/// `check` with the image cache named (`None`: decode without caching).
pub fn check_with_cache(root: &Path, cache: Option<&Path>) -> CheckReport {
    let mut problems = Vec::new();
    if !root.is_dir() {
        problems.push(Problem::error(
            root.display().to_string(),
            Position::START,
            msg(
                "找不到 profiles 文件夹",
                "the profiles folder does not exist",
                None,
            ),
        ));
    }
    let exhibition_path = root.join("exhibition.ron");
    let exhibition = match profile::load::read_text_file(&exhibition_path) {
        Ok(bytes) => {
            let loaded = profile::load_exhibition(&exhibition_path.display().to_string(), &bytes);
            problems.extend(loaded.problems);
            loaded.value.unwrap_or_default()
        }
        Err(_) if root.is_dir() => {
            problems.push(Problem::warning(
                exhibition_path.display().to_string(),
                Position::START,
                msg(
                    "没有 exhibition.ron，使用默认标题与设置",
                    "no exhibition.ron: the default title and settings are used",
                    None,
                ),
            ));
            Default::default()
        }
        Err(_) => Default::default(),
    };

    let slugs = match read_profile_slugs(root) {
        Ok(slugs) => slugs,
        Err(e) => {
            if root.is_dir() {
                problems.push(Problem::error(
                    root.display().to_string(),
                    Position::START,
                    msg(
                        "无法读取 profiles 文件夹",
                        format!("cannot read the profiles folder: {e}"),
                        Some((
                            "请检查文件夹的权限，看板需要能读取它",
                            "check the folder's permissions: the kiosk must be able to read it",
                        )),
                    ),
                ));
            }
            Vec::new()
        }
    };
    let mut entries = Vec::new();
    let mut images = Vec::new();
    for slug in &slugs {
        let dir = ProfileDir { root, slug };
        let path = dir.display("profile.ron");
        let bytes = match profile::load::read_text_file(Path::new(&path)) {
            Ok(b) => b,
            Err(e) => {
                problems.push(Problem::error(
                    &path,
                    Position::START,
                    msg("无法读取文件", format!("cannot read the file: {e}"), None),
                ));
                continue;
            }
        };
        let loaded = profile::load_profile(&dir, &bytes);
        problems.extend(loaded.problems);
        if let Some(p) = loaded.value {
            // Images: decoded here so the curator hears of a broken one now
            // rather than seeing a placeholder on the kiosk later.
            let text = profile::load::decode_text(&path, &bytes).unwrap_or_default();
            let loc = Locator::new(&text);
            let files = std::iter::once((loc.field("portrait"), &p.portrait)).chain(
                p.media
                    .iter()
                    .enumerate()
                    .map(|(i, m)| (loc.item("media", i, "file"), &m.file)),
            );
            for (at, file) in files {
                if let Ok(file_path) = profile::load::resolve_reference(root, slug, file)
                    && file_path.is_file()
                {
                    images.push((file_path, path.clone(), at, file.clone()));
                }
            }
            entries.push(Entry {
                slug: slug.clone(),
                profile: Arc::new(p),
                name_at: loaded.name_at,
            });
        }
    }
    // Images on every core: decoding a collection of phone photos is the
    // slow part of a check.
    let pool = bevy::tasks::TaskPoolBuilder::new()
        .thread_name("check images".into())
        .build();
    let checked = images.par_chunk_map(&pool, 1, |_, job| {
        let (file, profile_path, at, rel) = &job[0];
        media::check_image(file, cache, profile_path, *at, rel)
    });
    let mut images = Vec::with_capacity(checked.len());
    for (info, image_problems) in checked {
        images.push(info);
        problems.extend(image_problems);
    }
    let library = Library::build(root, Arc::new(exhibition), entries);
    problems.extend(
        library.collection_problems(|slug| ProfileDir { root, slug }.display("profile.ron")),
    );

    // The curator reads one file's problems together, top to bottom.
    problems.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    CheckReport {
        profiles: library.len(),
        folders: slugs.len(),
        decades: library
            .decades
            .iter()
            .map(|d| (format!("{}s", d.start), d.len()))
            .collect(),
        errors,
        warnings: problems.len() - errors,
        problems,
        images,
    }
}
