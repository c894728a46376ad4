//! End to end in a real X window: the built `kiosk` binary under Xvfb, driven
//! by xdotool (emulated mouse, as many touchscreens send), judged by
//! screenshots of what it shows after each step.

use crate::check::two_people;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Killed(Child);

impl Drop for Killed {
    /// Asked to end first (SIGTERM), so that Xvfb removes its lock file and
    /// socket: killed outright, each run left them behind, and after fifty
    /// runs on one machine no display was free.
    fn drop(&mut self) {
        if let Some(pid) = rustix::process::Pid::from_raw(self.0.id() as i32) {
            let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
        }
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A display no running X server holds. A lock file whose server is gone
/// (a run killed outright) does not hold one: it is removed.
fn free_display() -> u32 {
    (90..140)
        .find(|n| {
            let lock = PathBuf::from(format!("/tmp/.X{n}-lock"));
            let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
            let held_by = std::fs::read_to_string(&lock)
                .ok()
                .and_then(|pid| pid.trim().parse::<u32>().ok());
            if let Some(pid) = held_by
                && !Path::new(&format!("/proc/{pid}")).exists()
            {
                let _ = std::fs::remove_file(&lock);
                let _ = std::fs::remove_file(&socket);
            }
            !lock.exists() && !socket.exists()
        })
        .expect("a free X display")
}

fn run(display: &str, args: &[&str]) {
    let status = Command::new(args[0])
        .args(&args[1..])
        .env("DISPLAY", display)
        .status()
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (see README: apt-get install xvfb xdotool imagemagick)",
                args[0]
            )
        });
    assert!(status.success(), "{args:?} failed");
}

/// What the screen shows, judged by a few pixels of the kiosk's palette.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Seen {
    Attract,
    Gallery,
    Detail,
    Other,
}

fn look(display: &str, shot: &Path) -> Seen {
    run(
        display,
        &[
            "import",
            "-window",
            "root",
            &format!("png:{}", shot.display()),
        ],
    );
    let img = image::open(shot).expect("screenshot").to_rgb8();
    let px = |x: u32, y: u32| img.get_pixel(x, y).0;
    let near = |p: [u8; 3], q: [u8; 3]| {
        p.iter()
            .zip(q)
            .all(|(a, b)| (i16::from(*a) - i16::from(b)).abs() < 24)
    };
    const PAPER: [u8; 3] = [0xF5, 0xEE, 0xE0];
    const NIGHT: [u8; 3] = [0x14, 0x10, 0x0D];
    const RED: [u8; 3] = [0x9E, 0x22, 0x2A];
    // A window not yet drawn is dark too: the attract loop is dark *and*
    // has a portrait and text on it (many colours), so a tap is not sent to
    // a window that cannot take it yet.
    let colours: std::collections::HashSet<[u8; 3]> =
        img.pixels().step_by(331).map(|p| p.0).collect();
    if near(px(10, 10), NIGHT) && colours.len() > 40 {
        Seen::Attract
    } else if near(px(10, 10), PAPER) && near(px(50, 786), RED) {
        Seen::Gallery // the decade rail on the bar, the 1950s highlighted
    } else if near(px(10, 10), PAPER) && near(px(40, 1024), RED) {
        Seen::Detail // the back button, bottom left (the rail is not there)
    } else {
        Seen::Other
    }
}

fn wait_for(display: &str, shots: &Path, want: Seen, within: Duration) -> Seen {
    let start = Instant::now();
    let mut n = 0;
    loop {
        n += 1;
        let seen = look(display, &shots.join(format!("{want:?}-{n}.png")));
        if seen == want || start.elapsed() > within {
            return seen;
        }
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// Waits until two screenshots in a row are the same: a scroll or fade has
/// finished, however slowly this machine draws today.
fn settled(display: &str, shots: &Path, name: &str) {
    let start = Instant::now();
    let mut last: Option<Vec<u8>> = None;
    for n in 0.. {
        let shot = shots.join(format!("{name}-{n}.png"));
        look(display, &shot);
        let now = image::open(&shot).expect("screenshot").to_rgb8().into_raw();
        if last.as_ref() == Some(&now) || start.elapsed() > Duration::from_secs(60) {
            return;
        }
        last = Some(now);
        std::thread::sleep(Duration::from_millis(400));
    }
}

/// Where the targets are in the window, found by their AccessKit names in
/// the same kiosk laid out headless at the same size (xdotool has no screen
/// reader to ask): a layout change moves them for both.
struct Targets {
    first_decade: (u32, u32),
    first_card: (u32, u32),
    back: (u32, u32),
}

impl Targets {
    fn of(profiles: &Path) -> Self {
        let mut probe = crate::support::Kiosk::new(profiles);
        probe.wake();
        let at = |v: bevy::math::Vec2| (v.x.round() as u32, v.y.round() as u32);
        let name = probe.first_card();
        let first_card = at(probe.find(&name).expect("the first card"));
        let first_decade = at(probe.find("1950年代").expect("the rail's first decade"));
        probe.tap_on(&name);
        let back = at(probe.find("返回").expect("the back button"));
        Self {
            first_decade,
            first_card,
            back,
        }
    }
}

fn press(display: &str, (x, y): (u32, u32)) {
    run(
        display,
        &["xdotool", "mousemove", &x.to_string(), &y.to_string()],
    );
    std::thread::sleep(Duration::from_millis(150));
    run(display, &["xdotool", "mousedown", "1"]);
    std::thread::sleep(Duration::from_millis(150));
    run(display, &["xdotool", "mouseup", "1"]);
}

fn drag(display: &str, from: (u32, u32), to: (u32, u32)) {
    run(
        display,
        &[
            "xdotool",
            "mousemove",
            &from.0.to_string(),
            &from.1.to_string(),
        ],
    );
    std::thread::sleep(Duration::from_millis(150));
    run(display, &["xdotool", "mousedown", "1"]);
    for s in 1..=10 {
        let x = from.0 as i64 + (to.0 as i64 - from.0 as i64) * s / 10;
        let y = from.1 as i64 + (to.1 as i64 - from.1 as i64) * s / 10;
        run(
            display,
            &["xdotool", "mousemove", &x.to_string(), &y.to_string()],
        );
        std::thread::sleep(Duration::from_millis(60));
    }
    run(display, &["xdotool", "mouseup", "1"]);
}

#[test]
fn a_visit_in_a_real_window() {
    let dir = two_people(12, 3);
    let shots: PathBuf = dir.path().join("shots");
    std::fs::create_dir_all(&shots).unwrap();

    let n = free_display();
    let display = format!(":{n}");
    let _xvfb = Killed(
        Command::new("Xvfb")
            .args([
                display.as_str(),
                "-screen",
                "0",
                "1920x1080x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (apt-get install xvfb)"),
    );
    let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
    let start = Instant::now();
    while !socket.exists() && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let targets = Targets::of(dir.path());
    let state = tempfile::tempdir().unwrap();
    let mut kiosk = kiosk_in_window(dir.path(), &display, state.path());
    let _kiosk = Killed(kiosk.spawn().expect("the kiosk binary"));

    // It starts by itself in the attract loop.
    assert_eq!(
        wait_for(&display, &shots, Seen::Attract, Duration::from_secs(120)),
        Seen::Attract
    );
    // A tap wakes it into the gallery.
    press(&display, (960, 540));
    assert_eq!(
        wait_for(&display, &shots, Seen::Gallery, Duration::from_secs(90)),
        Seen::Gallery
    );
    // A drag scrolls and opens nothing; the rail's first decade brings it back.
    drag(&display, (700, 900), (700, 350));
    settled(&display, &shots, "after-drag");
    assert_ne!(
        look(&display, &shots.join("after-drag.png")),
        Seen::Detail,
        "a drag opened a card"
    );
    press(&display, targets.first_decade);
    settled(&display, &shots, "back-to-the-1950s");
    // A tap on the first card opens that person.
    press(&display, targets.first_card);
    assert_eq!(
        wait_for(&display, &shots, Seen::Detail, Duration::from_secs(90)),
        Seen::Detail
    );
    // Back, at the bottom left, within a seated visitor's reach.
    press(&display, targets.back);
    assert_eq!(
        wait_for(&display, &shots, Seen::Gallery, Duration::from_secs(90)),
        Seen::Gallery
    );
    // Walk away: countdown, then the attract loop again.
    assert_eq!(
        wait_for(&display, &shots, Seen::Attract, Duration::from_secs(120)),
        Seen::Attract
    );
}

/// The kiosk binary, fullscreen on `display`. Its state (last good
/// profiles, visitor statistics) goes to `state`, not the home of whoever
/// runs the tests.
fn kiosk_in_window(profiles: &Path, display: &str, state: &Path) -> Command {
    let mut kiosk = Command::new(env!("CARGO_BIN_EXE_kiosk"));
    kiosk
        .args(["--fullscreen", "--profiles"])
        .arg(profiles)
        .env("DISPLAY", display)
        .env("XDG_STATE_HOME", state)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let lavapipe = "/usr/share/vulkan/icd.d/lvp_icd.x86_64.json";
    if std::env::var_os("VK_DRIVER_FILES").is_none() && Path::new(lavapipe).exists() {
        kiosk.env("VK_DRIVER_FILES", lavapipe);
    }
    kiosk
}
