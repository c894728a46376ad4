//! `kiosk check`: everything a visitor would see, validated for the curator.
//! Uses the same loader as the kiosk, then also prepares every image, which
//! the kiosk does in the background instead.

use crate::library::{Entry, Library};
use crate::media;
use crate::profile::folders::{folder_problems, read_profile_slugs};
use crate::profile::locate::Locator;
use crate::profile::references::referenced_files;
use crate::profile::{
    self, Exhibition, Position, Problem, Profile, ProfileDir, Severity, counted, msg,
};
use bevy::tasks::ParallelSlice;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
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
    /// People still marked `sample: true` (told in the summary; not in the
    /// JSON, whose shape tools rely on).
    #[serde(skip)]
    pub samples: usize,
}

impl CheckReport {
    pub fn summary(&self) -> String {
        let turned = self.images.iter().filter(|i| i.turned.is_some()).count();
        let broken = self.images.iter().filter(|i| i.error.is_some()).count();
        let images = format!(
            "{} images · {turned} turned upright · {broken} cannot be shown",
            self.images.len()
        );
        // A person copied from a sample is labelled 示例 on the kiosk: the
        // summary makes it impossible to miss.
        let samples = (self.samples > 0).then(|| {
            format!(
                "注意：{n} 位人物仍标为示例（sample: true），看板上显示“示例” · {n} people are still marked sample: true and show “示例 · Sample” on the kiosk",
                n = self.samples
            )
        });
        let counts = [
            counted(self.profiles, "profile"),
            counted(self.errors, "error"),
            counted(self.warnings, "warning"),
        ]
        .join(" · ");
        [Some(images), samples, Some(counts)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Validates the profiles under `root`, preparing every image into the
/// kiosk's image cache on the way (so a kiosk started after a check finds
/// them ready). Never panics, whatever the files hold.
pub fn check(root: &Path) -> CheckReport {
    check_with_cache(root, media::cache_dir().as_deref())
}

/// One image per decoding task, so that one large photo does not hold up
/// the others that would share its task.
const IMAGES_PER_TASK: usize = 1;

/// `check` with the image cache named (`None`: decode without caching).
pub fn check_with_cache(root: &Path, cache: Option<&Path>) -> CheckReport {
    let mut problems = Vec::new();
    problems.extend(missing_folder(root));
    let exhibition = read_exhibition(root, &mut problems);
    let slugs = read_slugs(root, &mut problems);
    let (entries, jobs) = read_profiles(root, &slugs, &mut problems);
    let images = check_images(&jobs, cache, &mut problems);
    problems.extend(folder_problems(root));
    // The curators' additions to the honours calendar, when they cannot be
    // read: the profiles are checked against the shipped calendar alone.
    // A warning, as everything the calendar says is.
    if let Err(mut why) = profile::calendar::Calendar::additions(root) {
        why.severity = Severity::Warning;
        problems.push(why);
    }
    let library = Library::build(root, Arc::new(exhibition), entries);
    problems.extend(
        library.collection_problems(|slug| ProfileDir { root, slug }.display("profile.ron")),
    );
    report(&library, slugs.len(), problems, images)
}

fn missing_folder(root: &Path) -> Option<Problem> {
    (!root.is_dir()).then(|| {
        Problem::error(
            root.display().to_string(),
            Position::START,
            msg(
                "找不到 profiles 文件夹",
                "the profiles folder does not exist",
                None,
            ),
        )
    })
}

/// The exhibition's title and settings; the defaults where its file is
/// missing or broken. A missing folder is reported once, not again here.
fn read_exhibition(root: &Path, problems: &mut Vec<Problem>) -> Exhibition {
    let exhibition_path = root.join("exhibition.ron");
    match profile::curator_file::read_text_file(&exhibition_path) {
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
    }
}

/// The profile folders' names; none where the folder cannot be read.
fn read_slugs(root: &Path, problems: &mut Vec<Problem>) -> Vec<String> {
    match read_profile_slugs(root) {
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
    }
}

/// One referenced image to decode: the file, and where its profile names it.
struct ImageJob {
    file: PathBuf,
    profile_path: String,
    at: Position,
    rel: String,
}

/// Every profile that will be shown, and the images they name that exist.
fn read_profiles(
    root: &Path,
    slugs: &[String],
    problems: &mut Vec<Problem>,
) -> (Vec<Entry>, Vec<ImageJob>) {
    let mut entries = Vec::new();
    let mut jobs = Vec::new();
    for slug in slugs {
        let dir = ProfileDir { root, slug };
        let path = dir.display("profile.ron");
        let bytes = match profile::curator_file::read_text_file(Path::new(&path)) {
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
            jobs.extend(image_jobs(&dir, &path, &bytes, &p));
            entries.push(Entry {
                slug: slug.clone(),
                profile: Arc::new(p),
                name_at: loaded.name_at,
            });
        }
    }
    (entries, jobs)
}

/// The images a loaded profile names that are there to decode. A missing or
/// misplaced one was already reported by the loader.
fn image_jobs(dir: &ProfileDir, path: &str, bytes: &[u8], p: &Profile) -> Vec<ImageJob> {
    let text = profile::curator_file::decode_text(path, bytes).unwrap_or_default();
    let loc = Locator::new(&text);
    referenced_files(&loc, p)
        .into_iter()
        .filter_map(|(at, rel)| {
            let file = profile::references::resolve_reference(dir.root, dir.slug, rel).ok()?;
            file.is_file().then(|| ImageJob {
                file,
                profile_path: path.to_string(),
                at,
                rel: rel.to_string(),
            })
        })
        .collect()
}

/// Decodes the images on every core: decoding a collection of phone photos
/// is the slow part of a check.
fn check_images(
    jobs: &[ImageJob],
    cache: Option<&Path>,
    problems: &mut Vec<Problem>,
) -> Vec<media::ImageInfo> {
    let pool = bevy::tasks::TaskPoolBuilder::new()
        .thread_name("check images".into())
        .build();
    let checked = jobs.par_chunk_map(&pool, IMAGES_PER_TASK, |_, chunk| {
        chunk
            .iter()
            .map(|job| media::check_image(&job.file, cache, &job.profile_path, job.at, &job.rel))
            .collect::<Vec<_>>()
    });
    let mut images = Vec::with_capacity(jobs.len());
    for (info, image_problems) in checked.into_iter().flatten() {
        images.push(info);
        problems.extend(image_problems);
    }
    images
}

fn report(
    library: &Library,
    folders: usize,
    mut problems: Vec<Problem>,
    images: Vec<media::ImageInfo>,
) -> CheckReport {
    // The curator reads one file's problems together, top to bottom.
    problems.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    CheckReport {
        profiles: library.len(),
        folders,
        decades: library
            .decades
            .iter()
            .map(|d| (format!("{}s", d.start), d.len()))
            .collect(),
        errors,
        warnings: problems.len() - errors,
        problems,
        images,
        samples: library.people.iter().filter(|p| p.profile.sample).count(),
    }
}
