//! `kiosk proof`: every screen and every person's page rendered to PNG, for
//! curators to proofread and for tests to look at. Renders offscreen into an
//! image (no window, no display needed; software Vulkan is enough).

use crate::images::{Images, Prewarm};
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

/// One page to render: a file name and the visit it shows.
#[derive(Debug, Clone)]
pub struct Page {
    pub file: String,
    pub staged: Staged,
    /// A person's whole page, several screens tall: the story, the quote
    /// and the pictures below the portrait, nothing scrolled away.
    pub whole: bool,
}

impl Page {
    fn screen(file: impl Into<String>, screen: Screen, lang: Lang) -> Self {
        Self {
            file: file.into(),
            staged: Staged {
                screen,
                lang,
                ..Default::default()
            },
            whole: false,
        }
    }

    fn person(file: impl Into<String>, screen: Screen, lang: Lang, slug: &str) -> Self {
        Self {
            file: file.into(),
            staged: Staged {
                screen,
                lang,
                person: Some(slug.to_owned()),
                ..Default::default()
            },
            whole: false,
        }
    }

    /// A person's whole page in a language: `detail-<slug>.png` in
    /// Chinese, `detail-<slug>.en.png` in English.
    pub fn whole_person(slug: &str, lang: Lang) -> Self {
        let file = match lang {
            Lang::Zh => format!("detail-{slug}.png"),
            Lang::En => format!("detail-{slug}.en.png"),
        };
        Self {
            whole: true,
            ..Self::person(file, Screen::Detail, lang, slug)
        }
    }

    /// The same page in large text (大字).
    fn large(mut self) -> Self {
        self.staged.large_text = true;
        self
    }

    /// The same page in high contrast (高对比).
    fn contrast(mut self) -> Self {
        self.staged.high_contrast = true;
        self
    }
}

/// Every page a curator proofreads: each screen in both languages (with
/// the first person in the gallery's order for the large-text page and the
/// viewer), the reading modes, then every person's whole page in both
/// languages.
pub fn pages(library: &Library) -> Vec<Page> {
    use Lang::{En, Zh};
    let mut pages = vec![
        Page::screen("attract.png", Screen::Attract, Zh),
        Page::screen("gallery.png", Screen::Gallery, Zh),
        Page::screen("gallery-en.png", Screen::Gallery, En),
        Page::screen("gallery-large.png", Screen::Gallery, Zh).large(),
        Page::screen("gallery-contrast.png", Screen::Gallery, Zh).contrast(),
        Page::screen("timeline.png", Screen::Timeline, Zh),
        Page::screen("timeline-en.png", Screen::Timeline, En),
    ];
    // 找人 with a surname typed: the first person's, read as a surname.
    let surname = library
        .people
        .first()
        .and_then(|p| {
            crate::search::name_readings(&p.profile.name.zh)
                .into_iter()
                .next()
        })
        .map(|r| r.surname())
        .unwrap_or_default();
    for (file, lang) in [("search.png", Zh), ("search-en.png", En)] {
        let mut page = Page::screen(file, Screen::Search, lang);
        page.staged.search = surname.clone();
        pages.push(page);
    }
    if let Some(first) = library.people.first() {
        let slug = &first.slug;
        // How the first screen of a page reflows in large text.
        pages.push(
            Page::person(format!("detail-{slug}-large.png"), Screen::Detail, Zh, slug).large(),
        );
        if !first.profile.media.is_empty() {
            pages.push(Page::person(
                format!("viewer-{slug}.png"),
                Screen::Viewer,
                Zh,
                slug,
            ));
            pages.push(Page::person(
                format!("viewer-{slug}-en.png"),
                Screen::Viewer,
                En,
                slug,
            ));
        }
    }
    for p in &library.people {
        pages.push(Page::whole_person(&p.slug, Zh));
        pages.push(Page::whole_person(&p.slug, En));
    }
    pages
}

/// Renders every page of the exhibition into `out`; returns how many.
pub fn run(profiles: &Path, out: &Path, size: (u32, u32)) -> Result<usize, String> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut app = offscreen_app(profiles, size, true);
    settle(&mut app);
    let (whole, screens): (Vec<Page>, Vec<Page>) = pages(app.world().resource::<Library>())
        .into_iter()
        .partition(|p| p.whole);
    for page in &screens {
        render_page(&mut app, page, &out.join(&page.file))?;
    }
    // The whole pages are drawn by a second kiosk, on a tall target.
    drop(app);
    let mut app = whole_page_app(profiles, size, false);
    super::headless::settle(&mut app, 2000);
    for page in &whole {
        render_page(&mut app, page, &out.join(&page.file))?;
    }
    Ok(screens.len() + whole.len())
}

/// How many screens tall a person's whole page is drawn (a story longer
/// than that is cut at the foot, as the page says).
const WHOLE_PAGE_SCREENS: u32 = 4;

/// The target a whole page is drawn on: as wide as the screen, four tall.
fn whole_size((w, h): (u32, u32)) -> (u32, u32) {
    (w, h * WHOLE_PAGE_SCREENS)
}

/// What `run_people` did: the pages written, and the people asked for who
/// are not in the exhibition (no such folder, or a profile with an error).
#[derive(Debug, Default)]
pub struct Proofed {
    pub pages: usize,
    pub missing: Vec<String>,
}

/// Renders only these people's pages, each whole (one tall page) and in
/// both languages: `detail-<slug>.png`, `detail-<slug>.en.png`. Quick: only
/// their pictures are prepared. People who cannot be shown are skipped and
/// named in `missing`.
pub fn run_people(
    profiles: &Path,
    out: &Path,
    size: (u32, u32),
    slugs: &[String],
) -> Result<Proofed, String> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut app = whole_page_app(profiles, size, true);
    super::headless::settle(&mut app, 2000);
    let library = app.world().resource::<Library>();
    let (shown, missing): (Vec<&String>, Vec<&String>) =
        slugs.iter().partition(|slug| library.get(slug).is_some());
    let mut proofed = Proofed {
        pages: 0,
        missing: missing.into_iter().cloned().collect(),
    };
    // Drawn for a kiosk's report, the pages are of no use once it has gone
    // (stopped or restarted): no orphan goes on drawing beside the next one.
    let parent = rustix::process::getppid();
    for slug in shown {
        if rustix::process::getppid() != parent {
            return Err("the process that asked for these pages has gone".into());
        }
        for lang in [Lang::Zh, Lang::En] {
            let page = Page::whole_person(slug, lang);
            render_page(&mut app, &page, &out.join(&page.file))?;
            proofed.pages += 1;
        }
    }
    Ok(proofed)
}

/// The kiosk drawing people's whole pages for a screen of `size`: only
/// the pages' own pictures are prepared, none ahead.
fn whole_page_app(profiles: &Path, size: (u32, u32), first: bool) -> App {
    let mut app = offscreen_app(profiles, whole_size(size), first);
    app.world_mut().resource_mut::<Prewarm>().turn_off();
    app.insert_resource(crate::screens::WholePage(Some(size.1)));
    app
}

/// The kiosk drawing into an image. The log is set up by the first app a
/// process makes (a second may not set it again).
fn offscreen_app(profiles: &Path, (w, h): (u32, u32), first: bool) -> App {
    let mut app = App::new();
    app.set_error_handler(bevy::ecs::error::warn);
    crate::content::register_source(&mut app, profiles);
    let plugins = DefaultPlugins
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
    let target = Image::new_target_texture(w, h, TextureFormat::Rgba8UnormSrgb, None);
    let handle = app.world_mut().resource_mut::<Assets<Image>>().add(target);
    app.world_mut().spawn((
        Camera2d,
        // As the kiosk draws (egui antialiases itself): a multisampled
        // target of a whole page cost 600 MB on the software renderer.
        bevy::render::view::Msaa::Off,
        RenderTarget::Image(handle.clone().into()),
    ));
    app.insert_resource(ProofTarget(handle));
    app
}

#[derive(Resource)]
struct ProofTarget(Handle<Image>);

/// A frame of the proof's clock: fades finish in two frames.
const FRAME: Duration = Duration::from_millis(100);

/// Every profile loaded and the pictures of a start prepared: no page shows
/// "preparing pictures", and each page comes out the same every time.
fn settle(app: &mut App) {
    super::headless::settle(app, 2000);
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

fn render_page(app: &mut App, page: &Page, path: &Path) -> Result<(), String> {
    crate::visit::stage(app.world_mut(), page.staged.clone());
    // Each page is a visitor who has just touched the screen: without this,
    // a hundred pages of manual time ran into the idle countdown ("Still
    // there?" over ten pages) and its reset (a blank page).
    app.world_mut()
        .resource_mut::<crate::idle::Idle>()
        .visitor_here();
    // Let the screen change (and a zoom for large text, which reaches the
    // layout a frame later) and its images be asked for, then prepared. The
    // camera draws nothing meanwhile: egui lays out all the same, and on a
    // software renderer a whole tall page costs a third of a second a frame.
    draws(app, false);
    for _ in 0..6 {
        app.update();
    }
    while_the_clock_stands(app, |app| app.world().resource::<Images>().in_flight() > 0);
    for _ in 0..3 {
        app.update();
    }
    draws(app, true);
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
                .and_then(|img| save_whole(&img.to_rgb8(), &file).map_err(|e| e.to_string()));
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

/// Whether the proof's camera renders frames (egui lays out either way).
fn draws(app: &mut App, on: bool) {
    let mut cameras = app.world_mut().query::<&mut Camera>();
    for mut camera in cameras.iter_mut(app.world_mut()) {
        camera.is_active = on;
    }
}

/// Writes the page whole or not at all: a preview is taken from here while
/// the next is drawn, and a stopped proof leaves no half page.
fn save_whole(page: &image::RgbImage, file: &Path) -> image::ImageResult<()> {
    let part = file.with_extension("png.part");
    page.save_with_format(&part, image::ImageFormat::Png)?;
    std::fs::rename(&part, file).map_err(image::ImageError::IoError)
}
