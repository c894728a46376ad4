//! Pictures prepared ahead on a cold start, so that what visitors reach
//! first is ready before they reach it.

use super::Images;
use crate::content::LibraryChanged;
use crate::media;
use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, block_on, futures_lite::future};
use std::path::PathBuf;

/// On a cold cache, the pictures of the first few hundred people (portrait,
/// then media) are prepared in the background on every core, at every size
/// the kiosk draws, and the gallery shows how far it has got: "正在准备图片
/// 37 / 108". What a view asks for goes first: preparation for later only
/// takes the cores the views leave free.
#[derive(Resource, Default)]
pub struct Prewarm {
    queue: std::collections::VecDeque<PathBuf>,
    /// Every file ever started (each is prepared ahead once).
    started: bevy::platform::collections::HashSet<PathBuf>,
    running: Vec<Task<bool>>,
    done: usize,
    total: usize,
    /// Whether anything had to be decoded: on a warm cache every file is
    /// found prepared in a moment, and no progress is shown for that.
    decoded: bool,
    /// Nothing is prepared ahead (a proof of a few people needs only theirs).
    off: bool,
}

impl Prewarm {
    /// Whether pictures are being prepared ahead right now.
    pub fn busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// Prepares nothing ahead from now on.
    pub fn turn_off(&mut self) {
        self.off = true;
        self.queue.clear();
    }

    /// (prepared, total) while a cold cache is being filled.
    pub fn progress(&self) -> Option<(usize, usize)> {
        (self.decoded && self.done < self.total).then_some((self.done, self.total))
    }
}

/// How many people's pictures a start prepares ahead.
const PREWARM_MAX: usize = 200;

pub(super) fn prewarm(
    mut changed: MessageReader<LibraryChanged>,
    library: Res<crate::library::Library>,
    images: Res<Images>,
    mut prewarm: ResMut<Prewarm>,
) {
    let prewarm = &mut *prewarm;
    let before = prewarm.running.len();
    prewarm
        .running
        .retain_mut(|task| match block_on(future::poll_once(task)) {
            Some(decoded) => {
                prewarm.decoded |= decoded;
                false
            }
            None => true,
        });
    prewarm.done += before - prewarm.running.len();
    if changed.read().count() > 0 && !prewarm.off {
        // The first few hundred people: what a visitor reaches soon. Beyond
        // that, pictures are prepared when they come into view, so a start
        // costs the same with 10,000 people as with 108.
        let people = library.people.iter().take(PREWARM_MAX);
        let portraits = people.clone().map(|p| &p.portrait_file);
        let media = people.flat_map(|p| &p.media_files);
        // The library grows as profiles load, and as curators add people:
        // each time the queue is made anew in gallery order, less what was
        // started already.
        prewarm.queue = portraits
            .chain(media)
            .flatten()
            .filter(|file| !prewarm.started.contains(*file))
            .cloned()
            .collect();
        prewarm.total = prewarm.started.len() + prewarm.queue.len();
    }
    let pool = AsyncComputeTaskPool::get();
    while prewarm.running.len() + images.in_flight() < pool.thread_num()
        && let Some(file) = prewarm.queue.pop_front()
    {
        if !prewarm.started.insert(file.clone()) {
            continue; // the same picture referenced twice
        }
        let cache = media::cache_dir();
        debug!("preparing ahead {}", file.display());
        prewarm.running.push(pool.spawn(async move {
            // Only to fill the cache: a broken file is reported when shown.
            media::ensure_cached(&file, cache.as_deref()).unwrap_or(false)
        }));
    }
}
