//! The kiosk without a window or GPU: the real plugins over `MinimalPlugins`,
//! manual time, input faked as a touchscreen sends it. Tests and `kiosk
//! bench` drive it.

use bevy::camera::Viewport;
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use bevy::window::{PrimaryWindow, WindowResolution};
use std::path::Path;
use std::time::Duration;

/// The kiosk on `profiles` at `size`, 60 frames a second of manual time.
pub fn app(profiles: &Path, size: (u32, u32)) -> App {
    app_with(profiles, size, |_| {})
}

/// The same, with `setup` run before the kiosk's plugins are added: what
/// they read as they are built (`LastGood`, `ReportFolder`).
pub fn app_with(profiles: &Path, (w, h): (u32, u32), setup: impl FnOnce(&mut App)) -> App {
    let mut app = App::new();
    crate::content::register_source(&mut app, profiles);
    setup(&mut app);
    app.add_plugins((
        MinimalPlugins.set(crate::images::task_pools()),
        bevy::state::app::StatesPlugin,
        bevy::input::InputPlugin,
        crate::content::asset_plugin(),
        bevy::window::WindowPlugin {
            primary_window: Some(Window {
                resolution: WindowResolution::new(w, h),
                ..default()
            }),
            exit_condition: bevy::window::ExitCondition::DontExit,
            ..default()
        },
        bevy::image::ImagePlugin::default(),
    ));
    // bevy_egui registers its shader even when nothing renders.
    app.init_asset::<bevy::shader::Shader>();
    app.add_plugins((bevy_egui::EguiPlugin::default(), crate::plugin));
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs_f64(
        1.0 / 60.0,
    )));
    app.world_mut().spawn((
        Camera2d,
        Camera {
            viewport: Some(Viewport {
                physical_position: UVec2::ZERO,
                physical_size: UVec2::new(w, h),
                ..default()
            }),
            ..default()
        },
    ));
    app.finish();
    app.cleanup();
    app
}

/// The primary window entity (touch input names it).
pub fn window(app: &mut App) -> Entity {
    app.world_mut()
        .query_filtered::<Entity, With<PrimaryWindow>>()
        .single(app.world())
        .expect("the headless app has a primary window")
}

/// Runs frames until every profile has loaded, or `max_frames` pass.
pub fn settle(app: &mut App, max_frames: usize) {
    for _ in 0..max_frames {
        app.update();
        let handles = app.world().resource::<crate::content::ProfileHandles>();
        if !handles.still_loading() {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}
