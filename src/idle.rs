//! Walk-away visitors: after `idle_seconds` without a touch the kiosk asks
//! "Still there?" for `countdown_seconds`, then resets everything a visitor
//! changed and returns to the attract loop. Any touch wakes the attract loop
//! or cancels the countdown, and that touch is not also taken as a tap.

use crate::AppSystems;
use crate::library::Library;
use crate::screens::{GalleryState, Screen, ViewerState, Visit};
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
    /// Seconds left on the "Still there?" countdown, while it runs.
    pub fn countdown(&self, library: &Library) -> Option<f32> {
        let ex = &library.exhibition;
        let idle = ex.idle_seconds as f32;
        let total = idle + ex.countdown_seconds as f32;
        (self.quiet >= idle).then(|| (total - self.quiet).max(0.0))
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Idle>()
        .add_systems(Update, watch_visitor.in_set(AppSystems::TickTimers));
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
    time: Res<Time>,
    library: Res<Library>,
    screen: Res<State<Screen>>,
    mut idle: ResMut<Idle>,
    mut next: ResMut<NextState<Screen>>,
    mut visit: ResMut<Visit>,
    mut gallery: ResMut<GalleryState>,
    mut viewer: ResMut<ViewerState>,
    mut staff: ResMut<crate::staff::Staff>,
) {
    let mut input = Input::default();
    for t in touches.read() {
        input.any = true;
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
                info!("visitor: woke the kiosk");
                next.set(Screen::Gallery);
            }
        }
        return;
    }
    if *screen.get() == Screen::Attract {
        return;
    }
    idle.quiet += time.delta_secs();
    if idle.countdown(&library) == Some(0.0) {
        info!("visitor: gone; resetting to the attract loop");
        reset_visit(&library, &mut visit, &mut gallery, &mut viewer);
        staff.close();
        idle.quiet = 0.0;
        next.set(Screen::Attract);
    }
}

/// Everything one visitor changed goes back: language, filters, the person
/// open, and (through a new generation of ids) every scroll position.
pub fn reset_visit(
    library: &Library,
    visit: &mut Visit,
    gallery: &mut GalleryState,
    viewer: &mut ViewerState,
) {
    *visit = Visit {
        order: library.filtered(Default::default()),
        generation: visit.generation.wrapping_add(1),
        ..Default::default()
    };
    *gallery = GalleryState::default();
    *viewer = ViewerState::default();
}
