//! The bench's figures from the running kiosk (headless): the start, the
//! CPU time of frames while a finger scrolls and pans, and how many frames a
//! touch takes to change the screen.

use super::Figure;
use crate::tools::headless;
use crate::visit::{Action, Screen};
use bevy::input::touch::{TouchInput, TouchPhase};
use bevy::prelude::*;
use std::path::Path;
use std::time::{Duration, Instant};

/// Starts the kiosk `runs` times on `root` until the cards in view have
/// their pictures; returns the figure and the last kiosk, still running.
pub(super) fn start_to_gallery(root: &Path, runs: usize) -> (Figure, App) {
    let mut starts = Vec::new();
    let mut app = None;
    for _ in 0..runs {
        let started = Instant::now();
        let mut a = headless::app(root, (1920, 1080));
        headless::settle(&mut a, 100_000);
        wake(&mut a);
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            a.update();
            let images = a.world().resource::<crate::images::Images>();
            if (images.in_flight() == 0 && images.textures() > 0) || Instant::now() > deadline {
                break;
            }
        }
        starts.push(started.elapsed().as_secs_f64() * 1e3);
        app = Some(a);
    }
    (Figure::of(starts, "ms"), app.expect("at least one run"))
}

/// What frames cost while a visitor browses.
pub(super) struct FrameFigures {
    pub gallery_scroll: Figure,
    pub timeline_pan: Figure,
    pub detail: Figure,
    pub touch_to_screen: usize,
}

impl FrameFigures {
    pub(super) fn measure(app: &mut App) -> Self {
        let window = headless::window(app);
        let gallery_scroll = frames_while(app, window, 240, |i| {
            // A finger scrolling down and up the grid.
            let y = 900.0 - (i % 60) as f32 * 10.0;
            Some((stroke_phase(i), Vec2::new(900.0, y)))
        });
        end_touch(app, window);
        app.world_mut()
            .write_message(Action::Show(Screen::Timeline));
        app.update();
        let timeline_pan = frames_while(app, window, 240, |i| {
            let x = 1600.0 - (i % 60) as f32 * 20.0;
            Some((stroke_phase(i), Vec2::new(x, 600.0)))
        });
        end_touch(app, window);
        app.world_mut().write_message(Action::Show(Screen::Gallery));
        app.update();
        let touch_to_screen = touch_to_detail(app, window);
        let detail = frames_while(app, window, 120, |_| None);
        Self {
            gallery_scroll,
            timeline_pan,
            detail,
            touch_to_screen,
        }
    }
}

/// A stroke of 60 frames: the finger lands, then moves.
fn stroke_phase(i: usize) -> TouchPhase {
    if i.is_multiple_of(60) {
        TouchPhase::Started
    } else {
        TouchPhase::Moved
    }
}

fn wake(app: &mut App) {
    let window = headless::window(app);
    for phase in [TouchPhase::Started, TouchPhase::Ended] {
        app.world_mut().write_message(TouchInput {
            phase,
            position: Vec2::new(960.0, 540.0),
            window,
            force: None,
            id: 1,
        });
        app.update();
    }
    for _ in 0..3 {
        app.update();
    }
}

/// CPU time of `frames` frames (µs each), feeding the touch `input(i)` gives.
fn frames_while(
    app: &mut App,
    window: Entity,
    frames: usize,
    input: impl Fn(usize) -> Option<(TouchPhase, Vec2)>,
) -> Figure {
    let mut samples = Vec::with_capacity(frames);
    for i in 0..frames {
        if let Some((phase, position)) = input(i) {
            app.world_mut().write_message(TouchInput {
                phase,
                position,
                window,
                force: None,
                id: 3,
            });
        }
        let t = Instant::now();
        app.update();
        samples.push(t.elapsed().as_secs_f64() * 1e6);
    }
    Figure::of(samples, "µs")
}

fn end_touch(app: &mut App, window: Entity) {
    app.world_mut().write_message(TouchInput {
        phase: TouchPhase::Ended,
        position: Vec2::new(900.0, 600.0),
        window,
        force: None,
        id: 3,
    });
    for _ in 0..90 {
        app.update();
    }
}

/// Frames after the touch's release until Detail shows (0: the same frame).
fn touch_to_detail(app: &mut App, window: Entity) -> usize {
    // A fresh gallery at the top, then a tap on the first card.
    crate::visit::stage(
        app.world_mut(),
        crate::visit::Staged {
            screen: Screen::Gallery,
            ..Default::default()
        },
    );
    for _ in 0..3 {
        app.update();
    }
    let at = Vec2::new(420.0, 450.0);
    app.world_mut().write_message(TouchInput {
        phase: TouchPhase::Started,
        position: at,
        window,
        force: None,
        id: 5,
    });
    app.update();
    app.world_mut().write_message(TouchInput {
        phase: TouchPhase::Ended,
        position: at,
        window,
        force: None,
        id: 5,
    });
    for frames in 0..10 {
        app.update();
        if *app.world().resource::<State<Screen>>().get() == Screen::Detail {
            return frames;
        }
    }
    usize::MAX
}
