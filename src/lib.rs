//! 光荣与梦想 — the touchscreen kiosk of a model-worker exhibition.
//!
//! The library builds the whole app so that tests can drive it headless;
//! `main.rs` only parses the command line.

pub mod atlas;
pub mod content;
pub mod fonts;
pub mod idle;
pub mod images;
pub mod library;
pub mod media;
pub mod profile;
pub mod report;
pub mod screens;
pub mod search;
pub mod staff;
pub mod stats;
pub mod theme;
pub mod tools;
pub mod typography;
pub mod visit;

use bevy::prelude::*;
use bevy::window::CursorOptions;
use bevy::winit::WinitSettings;
use std::path::PathBuf;
use std::time::Duration;

/// The order of everything the app does in `Update`, configured once.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AppSystems {
    /// Curators' content arrives (loads, reloads, failures).
    Content,
    /// Timers tick (idle, countdown, attract loop).
    TickTimers,
    /// Visitor input and view actions become state changes.
    Actions,
    /// Everything else that follows from the new state.
    Update,
}

/// How to run the exhibition.
#[derive(Debug, Clone)]
pub struct KioskOptions {
    pub profiles: PathBuf,
    /// Kiosk mode: an undecorated, always-on-top window over the whole
    /// monitor, no cursor, no way to close by keyboard.
    pub fullscreen: bool,
    /// The curator's desktop: the live problem list beside the exhibition.
    pub curator: bool,
    /// Staff PIN for the hidden corner gesture; none disables the staff menu.
    pub pin: Option<String>,
    /// Window size when not fullscreen.
    pub size: (u32, u32),
    /// The kiosk's state folder: each person's last good profile is kept
    /// there, to outlive a restart. None keeps nothing.
    pub state: Option<PathBuf>,
    /// The curators' report folder (`index.html`, `preview/`), if any.
    pub report: Option<PathBuf>,
    /// Where visitor statistics are kept; None keeps none (`stats: false`).
    pub stats: Option<stats::StatsFile>,
}

/// The kiosk's own plugins, one per module that holds state. No window,
/// renderer or egui: `build_app` adds those, and tests add what they need.
pub fn plugin(app: &mut App) {
    app.configure_sets(
        Update,
        (
            AppSystems::Content,
            AppSystems::TickTimers,
            AppSystems::Actions,
            AppSystems::Update,
        )
            .chain(),
    );
    app.add_plugins((
        content::plugin,
        atlas::plugin,
        images::plugin,
        visit::plugin,
        idle::plugin,
        staff::plugin,
        screens::plugin,
        report::plugin,
        stats::plugin,
    ));
}

/// A bad profile or a missing image must never take the exhibition down:
/// a system that fails logs a warning and the kiosk goes on.
fn never_crash(app: &mut App) {
    app.set_error_handler(bevy::ecs::error::warn);
}

/// The renderer asks for small blocks of graphics memory (8–64 MB, not
/// 128–256 MB). On a kiosk PC's integrated GPU, as with a software
/// renderer, graphics memory is the PC's own RAM: the 108 people's proof
/// peaked at 396 MB with wgpu's default blocks and at 331 MB with these.
pub fn render_plugin() -> bevy::render::RenderPlugin {
    let settings = bevy::render::settings::WgpuSettings {
        memory_hints: bevy::render::settings::MemoryHints::MemoryUsage,
        ..default()
    };
    bevy::render::RenderPlugin {
        render_creation: settings.into(),
        ..default()
    }
}

/// The whole kiosk in a window.
pub fn build_app(opts: &KioskOptions) -> App {
    let mut app = App::new();
    never_crash(&mut app);
    content::register_source(&mut app, &opts.profiles);
    app.add_plugins(
        DefaultPlugins
            .set(images::task_pools())
            .set(render_plugin())
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "光荣与梦想".into(),
                    resolution: opts.size.into(),
                    // Kiosk mode is an undecorated, always-on-top window that
                    // fills the monitor (see `fill_the_monitor`): unlike
                    // borderless fullscreen it works with or without a window
                    // manager, as kiosk sessions often have none.
                    decorations: !opts.fullscreen,
                    position: if opts.fullscreen {
                        bevy::window::WindowPosition::At(IVec2::ZERO)
                    } else {
                        bevy::window::WindowPosition::Automatic
                    },
                    window_level: if opts.fullscreen {
                        bevy::window::WindowLevel::AlwaysOnTop
                    } else {
                        bevy::window::WindowLevel::Normal
                    },
                    ..default()
                }),
                primary_cursor_options: Some(CursorOptions {
                    visible: !opts.fullscreen,
                    ..default()
                }),
                // In kiosk mode Alt+F4 and the like do nothing: only staff leave.
                close_when_requested: !opts.fullscreen,
                ..default()
            })
            .set(crate::content::asset_plugin()),
    );
    // Reactive: with nothing moving on screen the kiosk sleeps; egui asks for
    // frames while it animates, and `pace_frames` sets the pace. (Headless,
    // every update is a frame: tests, proof and bench have no pace.)
    app.insert_resource(WinitSettings {
        focused_mode: bevy::winit::UpdateMode::reactive(Duration::from_secs(1)),
        unfocused_mode: bevy::winit::UpdateMode::reactive(Duration::from_secs(1)),
    });
    app.add_systems(Update, pace_frames.in_set(AppSystems::Update));
    app.add_plugins(bevy_egui::EguiPlugin::default());
    app.add_systems(Startup, |mut commands: Commands| {
        // egui draws antialiased meshes itself: a multisampled target would
        // only cost memory and fill time (lavapipe draws on the CPU).
        commands.spawn((Camera2d, bevy::render::view::Msaa::Off));
    });
    if let Some(state) = &opts.state {
        app.insert_resource(content::LastGood::in_state_folder(state));
    }
    if let Some(dir) = &opts.report {
        app.insert_resource(report::ReportFolder {
            dir: dir.clone(),
            previewer: report::Previewer::this_kiosk(opts.size),
        });
    }
    if let Some(file) = &opts.stats {
        app.insert_resource(file.clone());
    }
    app.add_plugins(plugin);
    if opts.fullscreen {
        app.add_systems(Update, fill_the_monitor);
    }
    app.insert_resource(staff::Staff::new(opts.pin.clone(), opts.curator));
    app
}

/// How often the kiosk wakes by itself: twenty times a second while the
/// attract loop drifts, ten while pictures are being prepared or a curator's
/// change is being read (to show them as they arrive), once a second while
/// the "Still there?" countdown counts, else every two seconds (for the idle
/// timer and a look at the profiles folder; on a software renderer each
/// frame costs a tenth of a second of CPU). A touch, or a file saved under
/// `profiles/`, always wakes it at once.
fn pace_frames(
    images: Res<images::Images>,
    prewarm: Res<images::Prewarm>,
    profiles: Res<crate::content::ProfileHandles>,
    changes: Res<crate::content::PendingChanges>,
    screen: Res<State<crate::visit::Screen>>,
    idle: Res<crate::idle::Idle>,
    library: Res<crate::library::Library>,
    mut settings: ResMut<WinitSettings>,
) {
    let busy =
        images.in_flight() > 0 || prewarm.busy() || changes.waiting() || profiles.still_loading();
    let wait = if *screen.get() == crate::visit::Screen::Attract {
        50
    } else if busy {
        100
    } else if idle.countdown(&library).is_some() {
        1000
    } else {
        2000
    };
    // Wake for the countdown and the reset on time, not up to 2 s late.
    let due = idle
        .next_due(&library, *screen.get())
        .map_or(u64::MAX, |s| (s * 1000.0).ceil() as u64 + 10);
    let mode = bevy::winit::UpdateMode::reactive(Duration::from_millis(wait.min(due)));
    if settings.focused_mode != mode {
        settings.focused_mode = mode;
        settings.unfocused_mode = mode;
    }
}

/// Kiosk mode: the window covers the primary monitor, whatever its size.
fn fill_the_monitor(
    monitors: Query<&bevy::window::Monitor, With<bevy::window::PrimaryMonitor>>,
    mut windows: Query<&mut Window, With<bevy::window::PrimaryWindow>>,
) {
    let (Some(monitor), Ok(mut window)) = (monitors.iter().next(), windows.single_mut()) else {
        return;
    };
    let (w, h) = (monitor.physical_width, monitor.physical_height);
    if w > 0 && h > 0 && (window.physical_width() != w || window.physical_height() != h) {
        info!("sizing the window to the monitor: {w}×{h}");
        window.resolution.set_physical_resolution(w, h);
        window.position = bevy::window::WindowPosition::At(monitor.physical_position);
    }
}

/// Runs the exhibition until the window closes.
pub fn run(opts: KioskOptions) {
    build_app(&opts).run();
}
