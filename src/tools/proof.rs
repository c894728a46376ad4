//! `kiosk proof`: every screen and every person's page rendered to PNG, for
//! curators to proofread and for tests to look at. Renders offscreen into an
//! image (no window, no display needed; software Vulkan is enough).

use crate::images::Images;
use crate::library::Library;
use crate::profile::Lang;
use crate::visit::{Screen, Staged};
use bevy::camera::RenderTarget;
use bevy::image::Image;
use bevy::prelude::*;
use bevy::render::render_resource::TextureFormat;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::time::TimeUpdateStrategy;
use bevy::window::ExitCondition;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// One page to render.
#[derive(Debug, Clone)]
pub enum Page {
    Screen {
        file: String,
        screen: Screen,
        lang: Lang,
        reading: Reading,
    },
    Detail {
        file: String,
        slug: String,
        reading: Reading,
    },
}

/// The visitor's reading modes for a page (大字, 高对比).
#[derive(Debug, Clone, Copy, Default)]
pub struct Reading {
    pub large_text: bool,
    pub high_contrast: bool,
}

const LARGE: Reading = Reading {
    large_text: true,
    high_contrast: false,
};
const CONTRAST: Reading = Reading {
    large_text: false,
    high_contrast: true,
};

impl Page {
    fn file(&self) -> &str {
        match self {
            Page::Screen { file, .. } | Page::Detail { file, .. } => file,
        }
    }
}

/// Renders every page of the exhibition into `out`; returns how many.
pub fn run(profiles: &Path, out: &Path, size: (u32, u32)) -> Result<usize, String> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut app = offscreen_app(profiles, size);
    settle(&mut app);
    let library = app.world().resource::<Library>().clone();
    let mut pages = vec![
        Page::Screen {
            file: "gallery.png".into(),
            screen: Screen::Gallery,
            lang: Lang::Zh,
            reading: Reading::default(),
        },
        Page::Screen {
            file: "gallery-en.png".into(),
            screen: Screen::Gallery,
            lang: Lang::En,
            reading: Reading::default(),
        },
        Page::Screen {
            file: "gallery-large.png".into(),
            screen: Screen::Gallery,
            lang: Lang::Zh,
            reading: LARGE,
        },
        Page::Screen {
            file: "gallery-contrast.png".into(),
            screen: Screen::Gallery,
            lang: Lang::Zh,
            reading: CONTRAST,
        },
        Page::Screen {
            file: "timeline.png".into(),
            screen: Screen::Timeline,
            lang: Lang::Zh,
            reading: Reading::default(),
        },
    ];
    // One person's page in large text, to proofread how it reflows.
    pages.extend(library.people.first().map(|p| Page::Detail {
        file: format!("detail-{}-large.png", p.slug),
        slug: p.slug.clone(),
        reading: LARGE,
    }));
    pages.extend(library.people.iter().map(|p| Page::Detail {
        file: format!("detail-{}.png", p.slug),
        slug: p.slug.clone(),
        reading: Reading::default(),
    }));
    for page in &pages {
        render_page(&mut app, page, &out.join(page.file()))?;
    }
    Ok(pages.len())
}

fn offscreen_app(profiles: &Path, (w, h): (u32, u32)) -> App {
    let mut app = App::new();
    app.set_error_handler(bevy::ecs::error::warn);
    crate::content::register_source(&mut app, profiles);
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: None,
                primary_cursor_options: None,
                exit_condition: ExitCondition::DontExit,
                ..default()
            })
            .set(crate::content::asset_plugin())
            .set(bevy::log::LogPlugin {
                level: bevy::log::Level::WARN,
                ..default()
            })
            .disable::<bevy::winit::WinitPlugin>(),
    );
    // Time moves a tenth of a second a frame: fades finish in two frames.
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        100,
    )));
    app.add_plugins(bevy_egui::EguiPlugin::default());
    app.add_plugins(crate::plugin);
    app.finish();
    app.cleanup();
    let target = Image::new_target_texture(w, h, TextureFormat::Rgba8UnormSrgb, None);
    let handle = app.world_mut().resource_mut::<Assets<Image>>().add(target);
    app.world_mut()
        .spawn((Camera2d, RenderTarget::Image(handle.clone().into())));
    app.insert_resource(ProofTarget(handle));
    app
}

#[derive(Resource)]
struct ProofTarget(Handle<Image>);

fn settle(app: &mut App) {
    super::headless::settle(app, 2000);
    for _ in 0..3 {
        app.update();
    }
}

fn render_page(app: &mut App, page: &Page, path: &Path) -> Result<(), String> {
    let staged = match page {
        Page::Screen {
            screen,
            lang,
            reading,
            ..
        } => Staged {
            screen: *screen,
            lang: *lang,
            large_text: reading.large_text,
            high_contrast: reading.high_contrast,
            ..Default::default()
        },
        Page::Detail { slug, reading, .. } => Staged {
            screen: Screen::Detail,
            person: Some(slug.clone()),
            large_text: reading.large_text,
            high_contrast: reading.high_contrast,
            ..Default::default()
        },
    };
    crate::visit::stage(app.world_mut(), staged);
    // Each page is a visitor who has just touched the screen: without this,
    // a hundred pages of manual time ran into the idle countdown ("Still
    // there?" over ten pages) and its reset (a blank page).
    app.world_mut()
        .resource_mut::<crate::idle::Idle>()
        .visitor_here();
    // Let the screen change (and a zoom for large text, which reaches the
    // layout a frame later) and its images be asked for, then prepared.
    for _ in 0..6 {
        app.update();
    }
    for _ in 0..600 {
        if app.world().resource::<Images>().in_flight() == 0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        app.update();
    }
    for _ in 0..3 {
        app.update();
    }
    let done = Arc::new(AtomicBool::new(false));
    let failed = Arc::new(std::sync::Mutex::new(None::<String>));
    let target = app.world().resource::<ProofTarget>().0.clone();
    let (done_in, failed_in, file): (_, _, PathBuf) =
        (done.clone(), failed.clone(), path.to_path_buf());
    app.world_mut().spawn(Screenshot::image(target)).observe(
        move |captured: On<ScreenshotCaptured>| {
            let result = captured
                .image
                .clone()
                .try_into_dynamic()
                .map_err(|e| e.to_string())
                .and_then(|img| img.to_rgb8().save(&file).map_err(|e| e.to_string()));
            if let Err(e) = result {
                *failed_in.lock().unwrap_or_else(|p| p.into_inner()) = Some(e);
            }
            done_in.store(true, Ordering::SeqCst);
        },
    );
    for _ in 0..600 {
        app.update();
        if done.load(Ordering::SeqCst) {
            break;
        }
    }
    if !done.load(Ordering::SeqCst) {
        return Err(format!("{}: the screenshot never arrived", path.display()));
    }
    match failed.lock().unwrap_or_else(|p| p.into_inner()).take() {
        Some(e) => Err(format!("{}: {e}", path.display())),
        None => Ok(()),
    }
}
