//! A headless kiosk for tests: the real plugins, no window server, no GPU,
//! manual time, and input faked the way a touchscreen sends it.

#![allow(dead_code)]

use bevy::input::touch::{TouchInput, TouchPhase};
use bevy::prelude::*;
use bevy::window::WindowEvent;
use kiosk::profile::{Profile, ProfileDir, load_profile};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const W: u32 = 1920;
pub const H: u32 = 1080;

/// The shipped profiles folder.
pub fn shipped_profiles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles")
}

/// The library of a profiles folder, built as the kiosk builds it.
pub fn library_of(profiles: &Path) -> kiosk::library::Library {
    let entries = kiosk::profile::folders::profile_slugs(profiles)
        .into_iter()
        .filter_map(|slug| {
            let bytes = std::fs::read(profiles.join(&slug).join("profile.ron")).ok()?;
            let dir = kiosk::profile::ProfileDir {
                root: profiles,
                slug: &slug,
            };
            let loaded = kiosk::profile::load_profile(&dir, &bytes);
            Some(kiosk::library::Entry {
                slug: slug.clone(),
                profile: std::sync::Arc::new(loaded.value?),
                name_at: loaded.name_at,
            })
        });
    kiosk::library::Library::build(profiles, Default::default(), entries)
}

/// Runs `kiosk proof` on `profiles` at 1920×1080 into `out` (software Vulkan
/// where there is no GPU), with its image cache in `cache` when given.
pub fn proof(profiles: &Path, out: &Path, cache: Option<&Path>) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kiosk"));
    cmd.args(["proof", "--size", "1920x1080", "--out"])
        .arg(out)
        .arg("--profiles")
        .arg(profiles);
    let lavapipe = "/usr/share/vulkan/icd.d/lvp_icd.x86_64.json";
    if std::env::var_os("VK_DRIVER_FILES").is_none() && Path::new(lavapipe).exists() {
        cmd.env("VK_DRIVER_FILES", lavapipe);
    }
    if let Some(cache) = cache {
        cmd.env("KIOSK_IMAGE_CACHE", cache);
    }
    let status = cmd.status().expect("the kiosk binary runs");
    assert!(status.success(), "kiosk proof failed");
}

/// The fixed collection of the visual references (`tests/snapshots/profiles`),
/// rendered by `kiosk proof` once for every test that looks at its pages.
pub fn rendered_snapshot_collection() -> &'static Path {
    static RENDERED: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    RENDERED.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("snapshots-rendered");
        let _ = std::fs::remove_dir_all(&out);
        let cache = tempfile::tempdir().unwrap();
        let profiles = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/profiles");
        proof(&profiles, &out, Some(cache.path()));
        out
    })
}

/// A temp copy of a profiles folder, to break or edit.
pub fn copy_profiles(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(from, dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub struct Kiosk {
    pub app: App,
    pub window: Entity,
}

impl Kiosk {
    /// The kiosk on `profiles`, headless, at 1920×1080, 60 frames a second of manual time.
    pub fn new(profiles: &Path) -> Self {
        let mut app = kiosk::tools::headless::app(profiles, (W, H));
        let window = kiosk::tools::headless::window(&mut app);
        let mut kiosk = Self { app, window };
        kiosk.settle();
        kiosk.name_targets();
        kiosk
    }

    /// The kiosk on `profiles` on manual time (as `new`), with `setup` run
    /// before its plugins are built (a statistics file).
    pub fn new_with(profiles: &Path, setup: impl FnOnce(&mut App)) -> Self {
        let mut app = kiosk::tools::headless::app_with(profiles, (W, H), setup);
        let window = kiosk::tools::headless::window(&mut app);
        let mut kiosk = Self { app, window };
        kiosk.settle();
        kiosk.name_targets();
        kiosk
    }

    /// The kiosk on `profiles` on the real clock, with `setup` run before
    /// its plugins are built (a state folder, a report folder).
    pub fn with(profiles: &Path, setup: impl FnOnce(&mut App)) -> Self {
        let mut app = kiosk::tools::headless::app_with(profiles, (W, H), setup);
        app.insert_resource(bevy::time::TimeUpdateStrategy::Automatic);
        let window = kiosk::tools::headless::window(&mut app);
        let mut kiosk = Self { app, window };
        kiosk.settle();
        kiosk
    }

    /// egui says what it drew to a screen reader (AccessKit) from now on:
    /// tests find touch targets by those names, as a visitor finds them by
    /// sight, never by coordinates a layout change would move.
    fn name_targets(&mut self) {
        let mut q = self.app.world_mut().query::<&mut bevy_egui::EguiContext>();
        for mut ctx in q.iter_mut(self.app.world_mut()) {
            ctx.get_mut().enable_accesskit();
        }
        self.frames(2);
    }

    /// The centre of the target a screen reader calls `name`, in window
    /// coordinates, as last drawn; None when nothing so named is on screen.
    pub fn find(&mut self, name: &str) -> Option<Vec2> {
        let mut q = self
            .app
            .world_mut()
            .query::<(&bevy_egui::EguiOutput, &mut bevy_egui::EguiContext)>();
        let (output, mut ctx) = q.iter_mut(self.app.world_mut()).next()?;
        // AccessKit bounds are in points; a touch is in window pixels.
        let zoom = ctx.get_mut().zoom_factor();
        let update = output.platform_output.accesskit_update.as_ref()?;
        let (_, node) = update
            .nodes
            .iter()
            .find(|(_, node)| node.label() == Some(name))?;
        let r = node.bounds()?;
        Some(Vec2::new(
            ((r.x0 + r.x1) / 2.0) as f32 * zoom,
            ((r.y0 + r.y1) / 2.0) as f32 * zoom,
        ))
    }

    fn expect(&mut self, name: &str) -> Vec2 {
        self.find(name).unwrap_or_else(|| {
            panic!(
                "nothing called “{name}” is on the {:?} screen",
                self.screen()
            )
        })
    }

    /// A finger taps the target called `name`.
    pub fn tap_on(&mut self, name: &str) {
        let at = self.expect(name);
        self.tap(at);
    }

    /// An emulated mouse clicks the target called `name`.
    pub fn click_on(&mut self, name: &str) {
        let at = self.expect(name);
        self.click(at);
    }

    /// What the first card of the gallery is called: the first person's name.
    pub fn first_card(&self) -> String {
        let first = self.visit().order[0];
        self.library().people[first].profile.name.zh.clone()
    }

    /// The kiosk on the real clock (`TimeUpdateStrategy::Automatic`) from its
    /// first frame: manual time runs ahead of the wall clock, and a clock
    /// switched later would stand still until the wall clock caught up.
    pub fn on_the_real_clock(profiles: &Path) -> Self {
        let mut app = kiosk::tools::headless::app(profiles, (W, H));
        app.insert_resource(bevy::time::TimeUpdateStrategy::Automatic);
        let window = kiosk::tools::headless::window(&mut app);
        let mut kiosk = Self { app, window };
        kiosk.settle();
        kiosk.name_targets();
        kiosk
    }

    pub fn settle(&mut self) {
        kiosk::tools::headless::settle(&mut self.app, 600);
        self.frames(5);
    }

    /// A touch anywhere: the middle of the screen.
    pub fn tap_anywhere(&mut self) {
        self.tap(Vec2::new(W as f32 / 2.0, H as f32 / 2.0));
    }

    /// The first touch: wakes the attract loop into the gallery.
    pub fn wake(&mut self) {
        assert_eq!(self.screen(), kiosk::visit::Screen::Attract);
        self.tap_anywhere();
        self.frames(3);
        assert_eq!(self.screen(), kiosk::visit::Screen::Gallery);
    }

    pub fn update(&mut self) {
        self.app.update();
    }

    pub fn frames(&mut self, n: usize) {
        for _ in 0..n {
            self.app.update();
        }
    }

    /// Every texture the kiosk holds: egui's own (the font atlas) and every
    /// image asset (the pictures, shown to egui as user textures).
    pub fn egui_textures(&mut self) -> usize {
        let mut q = self.app.world_mut().query::<&mut bevy_egui::EguiContext>();
        let egui_owned: usize = q
            .iter_mut(self.app.world_mut())
            .map(|mut c| c.get_mut().tex_manager().read().num_allocated())
            .sum();
        let images = self.app.world().resource::<Assets<Image>>().len();
        egui_owned + images
    }

    pub fn screen(&self) -> kiosk::visit::Screen {
        *self
            .app
            .world()
            .resource::<State<kiosk::visit::Screen>>()
            .get()
    }

    pub fn visit(&self) -> &kiosk::visit::Visit {
        self.app.world().resource::<kiosk::visit::Visit>()
    }

    pub fn library(&self) -> &kiosk::library::Library {
        self.app.world().resource::<kiosk::library::Library>()
    }

    fn touch(&mut self, phase: TouchPhase, at: Vec2) {
        let window = self.window;
        self.app.world_mut().write_message(TouchInput {
            phase,
            position: at,
            window,
            force: None,
            id: 1,
        });
    }

    /// A finger taps `at`: press and release in separate frames.
    pub fn tap(&mut self, at: Vec2) {
        self.touch(TouchPhase::Started, at);
        self.update();
        self.touch(TouchPhase::Ended, at);
        self.update();
        self.frames(2);
    }

    /// A finger drags from `from` to `to` over `steps` frames.
    pub fn drag(&mut self, from: Vec2, to: Vec2, steps: usize) {
        self.touch(TouchPhase::Started, from);
        self.update();
        for s in 1..=steps {
            let at = from.lerp(to, s as f32 / steps as f32);
            self.touch(TouchPhase::Moved, at);
            self.update();
        }
        self.touch(TouchPhase::Ended, to);
        self.update();
        self.frames(2);
    }

    /// The emulated mouse moves to `at` (one frame).
    fn cursor(&mut self, at: Vec2) {
        let window = self.window;
        let moved = bevy::window::CursorMoved {
            window,
            position: at,
            delta: None,
        };
        self.app
            .world_mut()
            .write_message(WindowEvent::CursorMoved(moved));
        self.update();
    }

    /// The emulated mouse's button goes down or up (one frame).
    fn button(&mut self, pressed: bool) {
        use bevy::input::ButtonState;
        use bevy::input::mouse::{MouseButton, MouseButtonInput};
        let state = if pressed {
            ButtonState::Pressed
        } else {
            ButtonState::Released
        };
        let input = MouseButtonInput {
            button: MouseButton::Left,
            state,
            window: self.window,
        };
        self.app
            .world_mut()
            .write_message(WindowEvent::MouseButtonInput(input));
        self.update();
    }

    /// An emulated-mouse tap, as many kiosk touchscreens send it.
    pub fn click(&mut self, at: Vec2) {
        self.cursor(at);
        self.button(true);
        self.button(false);
        self.frames(2);
    }

    /// An emulated-mouse drag.
    pub fn mouse_drag(&mut self, from: Vec2, to: Vec2, steps: usize) {
        self.cursor(from);
        self.button(true);
        for s in 1..=steps {
            self.cursor(from.lerp(to, s as f32 / steps as f32));
        }
        self.button(false);
        self.frames(2);
    }
}

/// How long a test waits on the real clock for something that happens in the
/// background (a file watcher, an image thread, a window). Only a bound for a
/// hang: on a loaded 2-core machine, with other tests beside it, a change that
/// takes 0.2 s alone can take several seconds, and a test must not flip on it.
pub const REAL_TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Steps the kiosk (one frame, then ~1/60 s of real time) until `done`
/// holds; returns the real time it took, or None after [`REAL_TIME_LIMIT`].
pub fn until(
    kiosk: &mut Kiosk,
    mut done: impl FnMut(&Kiosk) -> bool,
) -> Option<std::time::Duration> {
    let start = std::time::Instant::now();
    while start.elapsed() < REAL_TIME_LIMIT {
        kiosk.update();
        if done(kiosk) {
            return Some(start.elapsed());
        }
        std::thread::sleep(std::time::Duration::from_millis(16));
    }
    None
}

/// Memory figures are read from the whole process (`/proc/self/status`), and
/// the test binary runs many tests at once on other threads — a 100-megapixel
/// decode beside the soak once added 300 MB to its figure. A test that
/// asserts on memory therefore runs itself again in a child process of this
/// binary, alone. Returns true when it did so and the child passed (the
/// caller then returns); false in the child, which runs the test itself.
pub fn rerun_alone(test: &str) -> bool {
    if std::env::var_os("KIOSK_TEST_ALONE").is_some() {
        return false;
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([test, "--exact", "--test-threads=1", "--nocapture"])
        .env("KIOSK_TEST_ALONE", "1")
        .output()
        .expect("the test binary runs itself");
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The child's figures, for whoever reads the test log.
    print!("{stdout}");
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "{test}, run alone, failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    true
}

/// File permissions do not bind root, and CI runs as root: there, a test
/// about an unreadable folder runs itself again, in a child process, as the
/// user `nobody` (`setpriv`, from util-linux). Returns true when it did so
/// and the child passed; false when this process should run the test itself.
pub fn rerun_as_nobody(test: &str) -> bool {
    let root = rustix::process::geteuid().is_root();
    if !root || std::env::var_os("KIOSK_TEST_AS_NOBODY").is_some() {
        return false;
    }
    use std::os::unix::fs::PermissionsExt;
    // The test binary lives under root's home, which nobody cannot enter:
    // a copy goes where nobody can run it.
    let dir = tempfile::Builder::new()
        .prefix("kiosk-as-nobody")
        .tempdir()
        .unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o777)).unwrap();
    let copy = dir.path().join("tests");
    std::fs::copy(std::env::current_exe().unwrap(), &copy).unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(&copy)
        .args([test, "--exact", "--test-threads=1"])
        .env("KIOSK_TEST_AS_NOBODY", "1")
        .env("HOME", &home)
        .env_remove("KIOSK_IMAGE_CACHE")
        .current_dir(&home)
        .output()
        .expect("setpriv (util-linux) runs the test as nobody");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "{test} as nobody failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    true
}

/// Every person under `profiles`, as the kiosk loads them.
pub fn people(profiles: &Path) -> BTreeMap<String, Profile> {
    kiosk::profile::folders::profile_slugs(profiles)
        .into_iter()
        .map(|slug| {
            let bytes = std::fs::read(profiles.join(&slug).join("profile.ron")).unwrap();
            let loaded = load_profile(
                &ProfileDir {
                    root: profiles,
                    slug: &slug,
                },
                &bytes,
            );
            let profile = loaded
                .value
                .unwrap_or_else(|| panic!("{slug} does not load: {:?}", loaded.problems));
            (slug, profile)
        })
        .collect()
}
