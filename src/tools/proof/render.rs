//! Drawing pages offscreen: the kiosk rendering into an image, a page at a
//! time, its pictures prepared and its clock standing still, so that every
//! run draws the same picture.

use super::Page;
use crate::images::{Images, Prewarm};
use crate::screens::DrawnPage;
use bevy::camera::RenderTarget;
use bevy::image::Image;
use bevy::prelude::*;
use bevy::render::render_resource::TextureFormat;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::time::TimeUpdateStrategy;
use bevy::window::ExitCondition;
use bevy_egui::EguiContext;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// How many screens tall a person's whole page is drawn (a story longer
/// than that is cut at the foot, as the page says).
const WHOLE_PAGE_SCREENS: u32 = 4;

/// The kiosk drawing people's whole pages for a screen of `size`: only
/// the pages' own pictures are prepared, none ahead.
pub(super) fn whole_page_app(profiles: &Path, size: (u32, u32), first: bool) -> App {
    let mut app = offscreen_app(profiles, size, first);
    app.world_mut().resource_mut::<Prewarm>().turn_off();
    app.insert_resource(DrawnPage {
        screen: size.1,
        page: size.1 * WHOLE_PAGE_SCREENS,
        offset: 0,
    });
    app
}

/// Each page is drawn in this many pieces a screen high.
const PIECES_A_SCREEN: u32 = 4;

/// The kiosk drawing into an image. The log is set up by the first app a
/// process makes (a second may not set it again).
pub(super) fn offscreen_app(profiles: &Path, (w, h): (u32, u32), first: bool) -> App {
    let mut app = App::new();
    app.set_error_handler(bevy::ecs::error::warn);
    crate::content::register_source(&mut app, profiles);
    let plugins = DefaultPlugins
        .set(crate::render_plugin())
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
        .disable::<bevy::winit::WinitPlugin>();
    if first {
        app.add_plugins(plugins);
    } else {
        app.add_plugins(plugins.disable::<bevy::log::LogPlugin>());
    }
    app.insert_resource(TimeUpdateStrategy::ManualDuration(FRAME));
    app.add_plugins(bevy_egui::EguiPlugin::default());
    app.add_plugins(crate::plugin);
    app.finish();
    app.cleanup();
    // The target is a piece of the screen (see `DrawnPage`).
    let piece = h.div_ceil(PIECES_A_SCREEN);
    let target = Image::new_target_texture(w, piece, TextureFormat::Rgba8UnormSrgb, None);
    let handle = app.world_mut().resource_mut::<Assets<Image>>().add(target);
    app.world_mut().spawn((
        Camera2d,
        // As the kiosk draws (egui antialiases itself): a multisampled
        // target of a whole page cost 600 MB on the software renderer.
        bevy::render::view::Msaa::Off,
        RenderTarget::Image(handle.clone().into()),
    ));
    app.insert_resource(ProofTarget(handle));
    app.insert_resource(DrawnPage {
        screen: h,
        page: h,
        offset: 0,
    });
    app
}

#[derive(Resource)]
struct ProofTarget(Handle<Image>);

/// A frame of the proof's clock: fades finish in two frames.
const FRAME: Duration = Duration::from_millis(100);

/// Every profile loaded and the pictures of a start prepared: no page shows
/// "preparing pictures", and each page comes out the same every time.
pub(super) fn settle(app: &mut App) {
    crate::tools::headless::settle(app, 2000);
    while_the_clock_stands(app, |app| app.world().resource::<Prewarm>().busy());
    for _ in 0..3 {
        app.update();
    }
}

/// Runs frames while `busy` says so (up to a bound), with the clock standing
/// still: however long pictures take to prepare, the attract loop's drift
/// and every fade are at the same moment on every run, so pages can be
/// compared with references.
fn while_the_clock_stands(app: &mut App, busy: impl Fn(&App) -> bool) {
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::ZERO));
    for _ in 0..6000 {
        if !busy(app) {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        app.update();
    }
    app.insert_resource(TimeUpdateStrategy::ManualDuration(FRAME));
}

/// Renders `page` into the PNG at `path`, drawn in pieces (`DrawnPage`),
/// each written to the file as it is drawn: a tall page is never held
/// whole (it was 25 MB, a tenth of the proof's peak).
pub(super) fn render_page(app: &mut App, page: &Page, path: &Path) -> Result<(), String> {
    let failed = |e: String| format!("{}: {e}", path.display());
    stage(app, page);
    let drawn = *app.world().resource::<DrawnPage>();
    let height = if page.whole { drawn.page } else { drawn.screen };
    let piece = drawn.screen.div_ceil(PIECES_A_SCREEN);
    let mut file: Option<PageFile> = None;
    // Every piece shows the same moment (the attract loop drifts, a hint
    // fades in): the clock stands still while the pieces are drawn.
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::ZERO));
    for offset in (0..height).step_by(piece as usize) {
        app.insert_resource(DrawnPage {
            page: height,
            offset,
            ..drawn
        });
        settle_frames(app);
        let part = capture(app).map_err(failed)?;
        let file = match &mut file {
            Some(file) => file,
            None => file.insert(PageFile::create(path, part.width(), height).map_err(failed)?),
        };
        file.write_rows(&part).map_err(failed)?;
    }
    app.insert_resource(drawn);
    app.insert_resource(TimeUpdateStrategy::ManualDuration(FRAME));
    file.ok_or_else(|| failed("no piece drawn".into()))?
        .finish()
        .map_err(failed)
}

/// A page's PNG, written a piece at a time from the top. It is written
/// whole or not at all (`.png.part`, renamed when complete): a preview is
/// taken from here while the next is drawn, and a stopped proof leaves no
/// half page.
struct PageFile {
    rows: png::StreamWriter<'static, std::io::BufWriter<std::fs::File>>,
    part: std::path::PathBuf,
    file: std::path::PathBuf,
    /// Rows still to come: the last piece may reach below the page.
    left: u32,
}

impl PageFile {
    fn create(file: &Path, width: u32, height: u32) -> Result<Self, String> {
        let part = file.with_extension("png.part");
        let out = std::fs::File::create(&part).map_err(|e| e.to_string())?;
        let mut encoder = png::Encoder::new(std::io::BufWriter::new(out), width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let rows = encoder
            .write_header()
            .and_then(png::Writer::into_stream_writer)
            .map_err(|e| e.to_string())?;
        Ok(Self {
            rows,
            part,
            file: file.to_path_buf(),
            left: height,
        })
    }

    fn write_rows(&mut self, piece: &image::RgbImage) -> Result<(), String> {
        use std::io::Write;
        let rows = piece.height().min(self.left);
        let bytes = (rows * piece.width() * 3) as usize;
        self.rows
            .write_all(&piece.as_raw()[..bytes])
            .map_err(|e| e.to_string())?;
        self.left -= rows;
        Ok(())
    }

    fn finish(self) -> Result<(), String> {
        self.rows.finish().map_err(|e| e.to_string())?;
        std::fs::rename(&self.part, &self.file).map_err(|e| e.to_string())
    }
}

/// The page's visit staged, and its pictures prepared.
fn stage(app: &mut App, page: &Page) {
    app.world_mut().resource_mut::<Images>().release_all();
    // And the glyphs: a page's atlas holds its own characters, not every
    // page's before it (a full 2048×2048 atlas is held three times over).
    let world = app.world_mut();
    for mut ctx in world.query::<&mut EguiContext>().iter_mut(world) {
        crate::atlas::start_afresh(ctx.get_mut());
    }
    crate::visit::stage(app.world_mut(), page.staged.clone());
    // Each page is a visitor who has just touched the screen: without this,
    // a hundred pages of manual time ran into the idle countdown ("Still
    // there?" over ten pages) and its reset (a blank page).
    app.world_mut()
        .resource_mut::<crate::idle::Idle>()
        .visitor_here();
    // Let the screen change (and a zoom for large text, which reaches the
    // layout a frame later) and its images be asked for, then prepared.
    draws(app, false);
    for _ in 0..6 {
        app.update();
    }
    while_the_clock_stands(app, |app| app.world().resource::<Images>().in_flight() > 0);
    settle_frames(app);
}

/// Frames for the layout to settle, the camera drawing nothing meanwhile:
/// egui lays out all the same, and on a software renderer a frame costs.
fn settle_frames(app: &mut App) {
    draws(app, false);
    for _ in 0..3 {
        app.update();
    }
}

/// What the camera draws now, as RGB.
fn capture(app: &mut App) -> Result<image::RgbImage, String> {
    draws(app, true);
    let shot = Arc::new(std::sync::Mutex::new(
        None::<Result<image::RgbImage, String>>,
    ));
    let target = app.world().resource::<ProofTarget>().0.clone();
    let shot_in = shot.clone();
    app.world_mut().spawn(Screenshot::image(target)).observe(
        move |captured: On<ScreenshotCaptured>| {
            let rgb = rgb_of(&captured.image);
            *shot_in.lock().unwrap_or_else(|p| p.into_inner()) = Some(rgb);
        },
    );
    for _ in 0..600 {
        app.update();
        if let Some(rgb) = shot.lock().unwrap_or_else(|p| p.into_inner()).take() {
            return rgb;
        }
    }
    Err("the screenshot never arrived".into())
}

/// The screenshot's pixels as RGB, read in place: a copy of the whole
/// frame and a conversion of it were a page's size twice over.
fn rgb_of(image: &Image) -> Result<image::RgbImage, String> {
    let data = image
        .data
        .as_deref()
        .ok_or("the screenshot has no pixels")?;
    let (w, h) = (image.width(), image.height());
    let swap = match image.texture_descriptor.format {
        TextureFormat::Rgba8UnormSrgb | TextureFormat::Rgba8Unorm => false,
        TextureFormat::Bgra8UnormSrgb | TextureFormat::Bgra8Unorm => true,
        other => return Err(format!("a screenshot in {other:?}")),
    };
    if data.len() < (w * h * 4) as usize {
        return Err("the screenshot is short".into());
    }
    let rgb = data
        .chunks_exact(4)
        .take((w * h) as usize)
        .flat_map(|px| {
            if swap {
                [px[2], px[1], px[0]]
            } else {
                [px[0], px[1], px[2]]
            }
        })
        .collect();
    image::RgbImage::from_raw(w, h, rgb).ok_or_else(|| "the screenshot is short".into())
}

/// Whether the proof's camera renders frames (egui lays out either way).
fn draws(app: &mut App, on: bool) {
    let mut cameras = app.world_mut().query::<&mut Camera>();
    for mut camera in cameras.iter_mut(app.world_mut()) {
        camera.is_active = on;
    }
}
