//! Textures for the images on screen. Views ask for what they draw; what is
//! asked for and missing is prepared in the background at the drawn size;
//! what has not been asked for in a while is dropped, freeing its texture.
//! So the GPU holds what is on screen or near it, whatever the collection size.

use crate::media::{self, Prepared, Variant};
use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, block_on, futures_lite::future};
use bevy_egui::egui;
use std::cell::RefCell;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ImageKey {
    pub file: PathBuf,
    pub variant: Variant,
}

enum Slot {
    Pending(Task<Option<Prepared>>),
    Ready(egui::TextureHandle),
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
    pub newly_broken: Vec<PathBuf>,
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
            Some(Slot::Ready(t)) => Picture::Ready(t.id(), t.size_vec2()),
            Some(Slot::Failed) => Picture::Broken,
            _ => Picture::Loading,
        };
        self.wanted.borrow_mut().push(key);
        picture
    }

    pub fn into_wanted(self) -> Vec<ImageKey> {
        self.wanted.into_inner()
    }
}

impl Images {
    /// Called after each UI pass with what the views wanted.
    pub fn update(&mut self, ctx: &egui::Context, wanted: Vec<ImageKey>, now: f64) {
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
                    media::prepare(&file, variant)
                        .inspect_err(|e| warn!("image {} cannot be shown: {e}", file.display()))
                        .ok()
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
        let mut finished = false;
        for (key, e) in &mut self.entries {
            if let Slot::Pending(task) = &mut e.slot
                && let Some(result) = block_on(future::poll_once(task))
            {
                finished = true;
                debug!("image ready: {} ({:?})", key.file.display(), key.variant);
                e.slot = match result {
                    Some(p) => {
                        let image = egui::ColorImage::from_rgba_unmultiplied(
                            [p.width as usize, p.height as usize],
                            &p.rgba,
                        );
                        Slot::Ready(ctx.load_texture(
                            key.file.to_string_lossy(),
                            image,
                            egui::TextureOptions::LINEAR,
                        ))
                    }
                    None => {
                        self.newly_broken.push(key.file.clone());
                        Slot::Failed
                    }
                };
            }
        }
        self.entries
            .retain(|_, e| matches!(e.slot, Slot::Pending(_)) || now - e.last_wanted < KEEP_SECS);
        if finished || self.in_flight() > 0 {
            // Show what just arrived, and keep polling what is still coming.
            ctx.request_repaint();
        }
    }

    /// Forgets an image (its file changed on disk).
    pub fn invalidate(&mut self, file: &std::path::Path) {
        self.entries.retain(|k, _| k.file != file);
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
            .filter(|e| matches!(e.slot, Slot::Ready(_)))
            .count()
    }
}

/// On a cold cache, every card picture is prepared once in the background
/// (one core, so the pictures in view come first), and the gallery shows
/// how far it has got: "正在准备图片 37 / 108".
#[derive(Resource, Default)]
pub struct Prewarm {
    done: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    total: usize,
    task: Option<Task<()>>,
}

impl Prewarm {
    /// (prepared, total) while the preparation runs.
    pub fn progress(&self) -> Option<(usize, usize)> {
        let done = self.done.load(std::sync::atomic::Ordering::Relaxed);
        (self.task.is_some() && done < self.total).then_some((done, self.total))
    }
}

/// How many people's card pictures a cold start prepares ahead.
const PREWARM_MAX: usize = 200;

pub(crate) fn prewarm(
    mut changed: MessageReader<crate::content::LibraryChanged>,
    library: Res<crate::library::Library>,
    root: Res<crate::content::ProfilesRoot>,
    mut prewarm: ResMut<Prewarm>,
) {
    if let Some(task) = &mut prewarm.task
        && block_on(future::poll_once(task)).is_some()
    {
        prewarm.task = None;
        prewarm.total = 0;
    }
    if changed.read().count() == 0
        || prewarm.task.is_some()
        || prewarm.total > 0
        || library.is_empty()
    {
        return;
    }
    // The first few hundred: what a visitor reaches soon. Beyond that,
    // pictures are prepared when they come into view, so a start costs the
    // same with 10,000 people as with 108.
    let files: Vec<PathBuf> = library
        .people
        .iter()
        .take(PREWARM_MAX)
        .filter_map(|p| {
            crate::profile::load::resolve_reference(&root.0, &p.slug, &p.profile.portrait).ok()
        })
        .collect();
    prewarm.total = files.len();
    let done = prewarm.done.clone();
    prewarm.task = Some(AsyncComputeTaskPool::get().spawn(async move {
        for file in files {
            // Only to fill the cache: a broken file is reported elsewhere.
            let _ = media::prepare(&file, Variant::Card);
            done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }));
}

/// A picture that cannot be shown becomes a placeholder for the visitor and
/// a warning for the curator, in the same report as `kiosk check`.
pub(crate) fn report_broken(
    mut images: ResMut<Images>,
    mut report: ResMut<crate::content::CuratorReport>,
) {
    for file in images.newly_broken.drain(..) {
        let path = file.display().to_string();
        let problem = crate::profile::Problem::warning(
            &path,
            crate::profile::Position::START,
            crate::profile::msg(
                "图片无法显示，看板上显示占位图",
                "the picture cannot be shown; the kiosk shows a placeholder",
                Some(("请换一个 JPEG 或 PNG 文件", "use a JPEG or PNG file")),
            ),
        );
        warn!("curator: {problem}");
        report.by_file.insert(path, vec![problem]);
    }
}
