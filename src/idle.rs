//! Walk-away visitors: after `idle_seconds` without a touch the kiosk asks
//! "Still there?" for `countdown_seconds`, then resets everything a visitor
//! changed and returns to the attract loop. Any touch wakes the attract loop
//! or cancels the countdown, and that touch is not also taken as a tap.
//! The timer only tells (`Presence`); the visit module resets the visit.

use crate::AppSystems;
use crate::library::Library;
use crate::visit::{Presence, Screen};
use bevy::input::ButtonState;
use bevy::input::touch::{TouchInput, TouchPhase};
use bevy::prelude::*;
use bevy::window::WindowEvent;

#[derive(Resource, Debug, Default)]
pub struct Idle {
    /// Seconds since the last touch, click or key.
    pub quiet: f32,
    /// A touch woke the kiosk or cancelled the countdown: the UI ignores the
    /// pointer until it is lifted.
    pub swallow_touch: bool,
}

impl Idle {
    /// A visitor is here now: the timer starts again (`kiosk proof` stages
    /// each page as if just touched).
    pub fn visitor_here(&mut self) {
        self.quiet = 0.0;
    }

    /// Seconds left on the "Still there?" countdown, while it runs.
    pub fn countdown(&self, library: &Library) -> Option<f32> {
        let ex = &library.exhibition;
        let idle = ex.idle_seconds as f32;
        let total = idle + ex.countdown_seconds as f32;
        (self.quiet >= idle).then(|| (total - self.quiet).max(0.0))
    }

    /// Seconds until the next thing the idle timer does by itself (the
    /// countdown appears, or the reset), so that a sleeping kiosk wakes for
    /// it on time; None on the attract loop, where nothing is pending.
    pub fn next_due(&self, library: &Library, screen: Screen) -> Option<f32> {
        if screen == Screen::Attract {
            return None;
        }
        let ex = &library.exhibition;
        let idle = ex.idle_seconds as f32;
        let total = idle + ex.countdown_seconds as f32;
        let next = if self.quiet < idle { idle } else { total };
        Some((next - self.quiet).max(0.0))
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Idle>().add_systems(
        Update,
        (watch_visitor, release_stuck_touches)
            .chain()
            .in_set(AppSystems::TickTimers),
    );
}

/// A touch held this long is taken as stuck (a resting palm, a glitching
/// panel) and cancelled. Longer than the slowest deliberate press (an older
/// visitor may rest a finger ten seconds) and than the staff gesture.
pub const STUCK_TOUCH_SECS: f32 = 20.0;
/// A touch that has not moved for this long gives way to a new touch.
pub const RESTING_TOUCH_SECS: f32 = 2.0;

/// egui follows one finger as its pointer; a finger that never lifts would
/// make every other tap dead. Cancel touches held too long, and resting ones
/// as soon as another finger arrives.
fn release_stuck_touches(
    time: Res<Time<Real>>,
    touches: Res<bevy::input::touch::Touches>,
    windows: Query<Entity, With<bevy::window::PrimaryWindow>>,
    mut held: Local<bevy::platform::collections::HashMap<u64, (f32, Vec2, f32)>>,
    mut out: MessageWriter<TouchInput>,
) {
    let dt = time.delta_secs();
    held.retain(|id, _| touches.get_pressed(*id).is_some());
    let newcomer = touches.iter_just_pressed().next().map(|t| t.id());
    let Ok(window) = windows.single() else {
        return;
    };
    for t in touches.iter() {
        let (down, last, still) = held.entry(t.id()).or_insert((0.0, t.position(), 0.0));
        *down += dt;
        *still = if t.position().distance(*last) < 8.0 {
            *still + dt
        } else {
            0.0
        };
        *last = t.position();
        let resting = newcomer.is_some_and(|n| n != t.id()) && *still >= RESTING_TOUCH_SECS;
        if *down >= STUCK_TOUCH_SECS || resting {
            warn!(
                "touch {} stuck ({:.0} s down): cancelling it",
                t.id(),
                *down
            );
            out.write(TouchInput {
                phase: TouchPhase::Canceled,
                position: t.position(),
                window,
                force: None,
                id: t.id(),
            });
            *down = f32::NEG_INFINITY; // once
        }
    }
}

/// What the visitor did this frame.
#[derive(Default)]
struct Input {
    any: bool,
    pressed: bool,
    released: bool,
}

fn watch_visitor(
    mut touches: MessageReader<TouchInput>,
    mut window_events: MessageReader<WindowEvent>,
    // The real clock: `Time<Virtual>` caps each frame's delta at 0.25 s, and
    // a sleeping kiosk draws a frame only every second or two, which made the
    // reset three to four times late.
    time: Res<Time<Real>>,
    library: Res<Library>,
    screen: Res<State<Screen>>,
    mut idle: ResMut<Idle>,
    mut presence: MessageWriter<Presence>,
) {
    let mut input = Input::default();
    for t in touches.read() {
        // A cancelled touch (the OS's, or ours for a stuck one) is no visitor.
        input.any |= t.phase != TouchPhase::Canceled;
        input.pressed |= t.phase == TouchPhase::Started;
        input.released |= matches!(t.phase, TouchPhase::Ended | TouchPhase::Canceled);
    }
    for e in window_events.read() {
        match e {
            WindowEvent::MouseButtonInput(b) => {
                input.any = true;
                input.pressed |= b.state == ButtonState::Pressed;
                input.released |= b.state == ButtonState::Released;
            }
            WindowEvent::CursorMoved(_)
            | WindowEvent::MouseWheel(_)
            | WindowEvent::KeyboardInput(_) => input.any = true,
            _ => {}
        }
    }

    if input.released {
        idle.swallow_touch = false;
    }
    if input.any {
        let counting_down = idle.countdown(&library).is_some();
        idle.quiet = 0.0;
        if input.pressed && (*screen.get() == Screen::Attract || counting_down) {
            idle.swallow_touch = !input.released;
            if *screen.get() == Screen::Attract {
                presence.write(Presence::Arrived);
            }
        }
        return;
    }
    if *screen.get() == Screen::Attract {
        return;
    }
    idle.quiet += time.delta_secs();
    if idle.countdown(&library) == Some(0.0) {
        idle.quiet = 0.0;
        presence.write(Presence::Left);
    }
}
