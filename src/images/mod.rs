//! Textures for the images on screen. Views ask for what they draw; what is
//! asked for and missing is prepared in the background at the drawn size;
//! what has not been asked for in a while is dropped, freeing its texture.
//! So the GPU holds what is on screen or near it, whatever the collection size.
//!
//! Each picture is a Bevy `Image` for the render world only, shown through
//! egui as a user texture: once uploaded, its pixels live on the GPU alone.
//! (A texture made by egui itself keeps a second copy in the main world for
//! as long as it is shown; on a kiosk without a GPU of its own, where the
//! "GPU" is main memory too, that was a third copy.)

use crate::AppSystems;
use crate::content::{CuratorReport, PictureChanged};
use crate::media::{self, Prepared, Variant};
use bevy::asset::RenderAssetUsages;
use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};
use bevy::tasks::{AsyncComputeTaskPool, Task, block_on, futures_lite::future};
use bevy_egui::{EguiContexts, EguiTextureHandle, egui};
use std::cell::RefCell;
use std::path::PathBuf;

mod prewarm;
pub use prewarm::Prewarm;
use prewarm::prewarm;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Images>()
        .init_resource::<Prewarm>()
        .add_systems(
            Update,
            (forget_changed_pictures, upload, prewarm, report_broken)
                .chain()
                .in_set(AppSystems::Update),
        );
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ImageKey {
    pub file: PathBuf,
    pub variant: Variant,
}

enum Slot {
    Pending(Task<Result<Prepared, String>>),
    Ready {
        /// Keeps the texture alive; dropping it frees the GPU memory.
        image: Handle<Image>,
        id: egui::TextureId,
        size: egui::Vec2,
    },
    /// Cannot be decoded: the view draws a placeholder. Kept, so a broken
    /// file is not decoded again every frame.
    Failed,
}

struct Entry {
    slot: Slot,
    last_wanted: f64,
}

/// Seconds an unwanted texture is kept (scrolling back is then instant).
const KEEP_SECS: f64 = 20.0;
/// Images prepared at once: enough to use every core, few enough that what
/// the visitor looks at now is not queued behind what they scrolled past.
const MAX_IN_FLIGHT: usize = 8;

#[derive(Resource, Default)]
pub struct Images {
    entries: HashMap<ImageKey, Entry>,
    /// Pictures that could not be prepared since last asked: for the
    /// curator's report (the visitor sees a placeholder).
    pub newly_broken: Vec<(PathBuf, String)>,
    /// Pictures shown whose files are over the check's size limit: the
    /// curator hears of them as the check says it.
    newly_large: Vec<PathBuf>,
    /// Textures dropped since the last upload, whose egui ids are to be freed.
    released: Vec<AssetId<Image>>,
}

/// What a view sees of the images: ready textures, and a note of every image
/// it wanted, so that the system behind it can prepare them.
pub struct ImageLookup<'a> {
    images: &'a Images,
    wanted: RefCell<Vec<ImageKey>>,
}

/// The answer to "can I draw this image?".
pub enum Picture {
    Ready(egui::TextureId, egui::Vec2),
    Loading,
    Broken,
}

impl<'a> ImageLookup<'a> {
    pub fn new(images: &'a Images) -> Self {
        Self {
            images,
            wanted: RefCell::new(Vec::new()),
        }
    }

    pub fn get(&self, file: &std::path::Path, variant: Variant) -> Picture {
        let key = ImageKey {
            file: file.to_path_buf(),
            variant,
        };
        let picture = match self.images.entries.get(&key).map(|e| &e.slot) {
            Some(Slot::Ready { id, size, .. }) => Picture::Ready(*id, *size),
            Some(Slot::Failed) => Picture::Broken,
            _ => Picture::Loading,
        };
        self.wanted.borrow_mut().push(key);
        picture
    }

    /// A picture of a person, by the file the library resolved for it
    /// (None: the reference cannot be used, a placeholder shows).
    pub fn person_picture(&self, file: Option<&std::path::Path>, variant: Variant) -> Picture {
        file.map_or(Picture::Broken, |f| self.get(f, variant))
    }

    pub fn into_wanted(self) -> Vec<ImageKey> {
        self.wanted.into_inner()
    }
}

impl Images {
    /// Called after each UI pass with what the views wanted: keeps it, and
    /// starts preparing what is missing.
    pub fn want(&mut self, wanted: Vec<ImageKey>, now: f64) {
        // Counted once, not per wanted image: this runs every frame.
        let mut in_flight = self.in_flight();
        for key in wanted {
            if let Some(e) = self.entries.get_mut(&key) {
                e.last_wanted = now;
            } else if in_flight < MAX_IN_FLIGHT {
                in_flight += 1;
                debug!("preparing image {} ({:?})", key.file.display(), key.variant);
                let file = key.file.clone();
                let variant = key.variant;
                let task = AsyncComputeTaskPool::get().spawn(async move {
                    media::prepare(&file, variant).map_err(|e| {
                        warn!("image {} cannot be shown: {e}", file.display());
                        // For the curator, the check's own words.
                        media::why_not_shown(&file).unwrap_or_else(|| e.to_string())
                    })
                });
                self.entries.insert(
                    key,
                    Entry {
                        slot: Slot::Pending(task),
                        last_wanted: now,
                    },
                );
            }
        }
    }

    /// Forgets an image (its file changed on disk).
    fn invalidate(&mut self, file: &std::path::Path) {
        self.retain(|key, _| key.file != file);
    }

    /// Keeps the entries `keep` says; the textures of the others are noted
    /// for `upload` to free their egui ids.
    fn retain(&mut self, mut keep: impl FnMut(&ImageKey, &Entry) -> bool) {
        let released = &mut self.released;
        self.entries.retain(|key, e| {
            let kept = keep(key, e);
            if !kept && let Slot::Ready { image, .. } = &e.slot {
                released.push(image.id());
            }
            kept
        });
    }

    /// Lets every texture go: the proof does between pages, where nothing
    /// is scrolled back to and 20 s of keeping held a dozen pages' pictures.
    pub fn release_all(&mut self) {
        self.retain(|_, e| matches!(e.slot, Slot::Pending(_)));
    }

    pub fn in_flight(&self) -> usize {
        self.entries
            .values()
            .filter(|e| matches!(e.slot, Slot::Pending(_)))
            .count()
    }

    /// Textures currently held (for tests and the bench).
    pub fn textures(&self) -> usize {
        self.entries
            .values()
            .filter(|e| matches!(e.slot, Slot::Ready { .. }))
            .count()
    }
}

/// A curator replaced a picture: what was prepared from the old file goes.
fn forget_changed_pictures(mut changed: MessageReader<PictureChanged>, mut images: ResMut<Images>) {
    for PictureChanged(file) in changed.read() {
        images.invalidate(file);
    }
}

/// Pictures prepared in the background become textures; pictures nobody
/// has wanted for a while are dropped. Runs before the views draw, so what
/// arrives is on screen in the same frame.
fn upload(
    mut images: ResMut<Images>,
    mut assets: ResMut<Assets<Image>>,
    // Also egui's user textures: `add_image`, `remove_image`.
    mut contexts: EguiContexts,
    time: Res<Time<Real>>,
) {
    let images = &mut *images;
    let mut finished = false;
    for (key, e) in &mut images.entries {
        if let Slot::Pending(task) = &mut e.slot
            && let Some(result) = block_on(future::poll_once(task))
        {
            finished = true;
            debug!("image ready: {} ({:?})", key.file.display(), key.variant);
            e.slot = match result {
                Ok(p) => {
                    let bytes = std::fs::metadata(&key.file).map_or(0, |m| m.len());
                    if bytes > media::LARGE_FILE_BYTES {
                        images.newly_large.push(key.file.clone());
                    }
                    let size = egui::vec2(p.width as f32, p.height as f32);
                    let image = assets.add(texture(p));
                    let id = contexts.add_image(EguiTextureHandle::Weak(image.id()));
                    Slot::Ready { image, id, size }
                }
                Err(why) => {
                    images.newly_broken.push((key.file.clone(), why));
                    Slot::Failed
                }
            };
        }
    }
    let now = time.elapsed_secs_f64();
    images.retain(|_, e| matches!(e.slot, Slot::Pending(_)) || now - e.last_wanted < KEEP_SECS);
    for id in images.released.drain(..) {
        contexts.remove_image(id);
    }
    if finished && let Ok(ctx) = contexts.ctx_mut() {
        // Show what just arrived. (What is still coming is polled at the
        // pace `pace_frames` sets, not at 60 frames a second: drawing would
        // take the cores the preparation needs.)
        ctx.request_repaint();
    }
}

/// A prepared picture as a texture for the render world alone: its pixels
/// are moved, not copied, and leave main memory once uploaded.
fn texture(p: Prepared) -> Image {
    let mut image = Image::new(
        Extent3d {
            width: p.width,
            height: p.height,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        p.rgba,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    );
    image.sampler = bevy::image::ImageSampler::linear();
    image
}

/// The task pools, with image preparation on every core. Its threads run at
/// a lower priority than drawing, so a cold start stays smooth to touch.
pub fn task_pools() -> bevy::app::TaskPoolPlugin {
    let cores = bevy::tasks::available_parallelism();
    let mut options = bevy::app::TaskPoolOptions::default();
    options.async_compute.min_threads = cores;
    options.async_compute.max_threads = cores;
    // Profiles are read and validated on the I/O pool: on every core, so a
    // start with thousands of people takes half the time on two.
    options.io.min_threads = cores;
    options.io.max_threads = cores;
    #[cfg(unix)]
    {
        options.async_compute.on_thread_spawn = Some(std::sync::Arc::new(|| {
            // On Linux the nice value is per thread: `None` is this thread.
            let _ = rustix::process::setpriority_process(None, 10);
        }));
    }
    bevy::app::TaskPoolPlugin {
        task_pool_options: options,
    }
}

/// A picture that cannot be shown becomes a placeholder for the visitor and
/// a warning for the curator: the line `kiosk check` prints, at the line of
/// each profile that names it.
fn report_broken(
    mut images: ResMut<Images>,
    mut report: ResMut<CuratorReport>,
    library: Res<crate::library::Library>,
    root: Res<crate::content::ProfilesRoot>,
) {
    for (file, why) in images.newly_broken.drain(..) {
        // A file that is not there (or named in other capitals) is already
        // in the report, at its line of profile.ron, as `kiosk check` says
        // it: a second line here would be one the check does not print.
        if !file.is_file() {
            continue;
        }
        let problems = where_named(&library, &root.0, &file)
            .into_iter()
            .map(|(profile_path, at, rel)| {
                let message = media::cannot_show(&file, &rel, &why);
                crate::profile::Problem::warning(profile_path, at, message)
            })
            .collect::<Vec<_>>();
        for problem in &problems {
            warn!("curator: {problem}");
        }
        report.by_file.insert(file.display().to_string(), problems);
    }
    for file in images.newly_large.drain(..) {
        let bytes = std::fs::metadata(&file).map_or(0, |m| m.len());
        let problems: Vec<_> = where_named(&library, &root.0, &file)
            .into_iter()
            .filter_map(|(profile_path, at, rel)| media::large_file(&profile_path, at, &rel, bytes))
            .collect();
        // Under the file, like a broken picture's line (a file is one or
        // the other): a replaced picture clears it.
        report.by_file.insert(file.display().to_string(), problems);
    }
}

/// Where `file` is named: each profile that names it, the position there and
/// the path as written.
fn where_named(
    library: &crate::library::Library,
    root: &std::path::Path,
    file: &std::path::Path,
) -> Vec<(String, crate::profile::Position, String)> {
    use crate::profile::{ProfileDir, curator_file, locate::Locator, references};
    let names = |p: &&crate::library::Person| {
        p.portrait_file.as_deref() == Some(file)
            || p.media_files.iter().any(|m| m.as_deref() == Some(file))
    };
    let mut out = Vec::new();
    for person in library.people.iter().filter(names) {
        let dir = ProfileDir {
            root,
            slug: &person.slug,
        };
        let path = dir.display("profile.ron");
        let bytes = curator_file::read_text_file(std::path::Path::new(&path)).unwrap_or_default();
        let text = curator_file::decode_text(&path, &bytes).unwrap_or_default();
        let loc = Locator::new(&text);
        for (at, rel) in references::referenced_files(&loc, &person.profile) {
            if references::resolve_reference(root, &person.slug, rel)
                .ok()
                .as_deref()
                == Some(file)
            {
                out.push((path.clone(), at, rel.to_owned()));
            }
        }
    }
    out
}
