//! Walk-away visitors: idle → countdown → attract, with manual time and on
//! the real clock at a sleeping kiosk's pace.

use crate::check::two_people;
use crate::support::Kiosk;
use bevy::prelude::*;
use kiosk::idle::Idle;
use kiosk::library::Filter;
use kiosk::profile::{HonorLevel, Lang};
use kiosk::visit::{Action, Screen};

/// Two people; the kiosk asks after 10 s and resets 3 s later.
fn quick_kiosk() -> (tempfile::TempDir, Kiosk) {
    let dir = two_people(10, 3);
    let kiosk = Kiosk::new(dir.path());
    (dir, kiosk)
}

fn countdown(kiosk: &Kiosk) -> Option<f32> {
    kiosk
        .app
        .world()
        .resource::<Idle>()
        .countdown(kiosk.library())
}

#[test]
fn idle_asks_then_resets_everything_to_attract() {
    let (_dir, mut kiosk) = quick_kiosk();
    kiosk.wake();
    kiosk.tap_on("English");
    let filter = Filter {
        level: Some(HonorLevel::National),
        sector: None,
    };
    kiosk
        .app
        .world_mut()
        .write_message(Action::SetFilter(filter));
    kiosk.frames(2);
    for mode in [Action::ToggleLargeText, Action::ToggleContrast] {
        kiosk.app.world_mut().write_message(mode);
    }
    kiosk.frames(2);
    assert!(kiosk.visit().large_text && kiosk.visit().high_contrast);
    // Large text moved the cards: open the first person directly.
    kiosk
        .app
        .world_mut()
        .write_message(Action::Open("ce-shiren".to_owned()));
    kiosk.frames(2);
    assert_eq!(kiosk.screen(), Screen::Detail);
    assert_eq!(kiosk.visit().lang, Lang::En);
    assert_eq!(kiosk.visit().filter, filter);

    // 9.5 s of quiet: nothing yet.
    kiosk.frames(570);
    assert_eq!(countdown(&kiosk), None);
    assert_eq!(kiosk.screen(), Screen::Detail);
    // 10.5 s: the countdown runs, the visitor's page is still beneath it.
    kiosk.frames(60);
    let left = countdown(&kiosk).expect("countdown running");
    assert!(left > 2.0 && left <= 3.0, "{left}");
    assert_eq!(kiosk.screen(), Screen::Detail);
    // 13.5 s: reset.
    kiosk.frames(200);
    assert_eq!(kiosk.screen(), Screen::Attract);
    assert_eq!(kiosk.visit().lang, Lang::Zh);
    assert_eq!(kiosk.visit().filter, Filter::default());
    assert_eq!(kiosk.visit().person, None);
    assert_eq!(kiosk.visit().order.len(), 2);
    assert!(!kiosk.visit().large_text && !kiosk.visit().high_contrast);
    assert_eq!(countdown(&kiosk), None);
    // And it stays there, without counting down again.
    kiosk.frames(1200);
    assert_eq!(kiosk.screen(), Screen::Attract);
}

#[test]
fn a_touch_during_the_countdown_cancels_it_and_opens_nothing() {
    let (_dir, mut kiosk) = quick_kiosk();
    kiosk.wake();
    kiosk.frames(11 * 60);
    assert!(countdown(&kiosk).is_some());
    // The touch lands on a card: it only cancels.
    let first = kiosk.first_card();
    kiosk.tap_on(&first);
    assert_eq!(countdown(&kiosk), None);
    assert_eq!(kiosk.screen(), Screen::Gallery);
    assert_eq!(kiosk.visit().person, None);
    // The next tap is a tap again.
    kiosk.tap_on(&first);
    assert_eq!(kiosk.screen(), Screen::Detail);
}

#[test]
fn the_first_touch_on_attract_only_wakes() {
    // Where the first card will be, as a kiosk already awake shows it.
    let (_probe_dir, mut probe) = quick_kiosk();
    probe.wake();
    let first = probe.first_card();
    let card = probe.find(&first).expect("the first card is on screen");
    let (_dir, mut kiosk) = quick_kiosk();
    assert_eq!(kiosk.screen(), Screen::Attract);
    kiosk.tap(card);
    kiosk.frames(5);
    assert_eq!(kiosk.screen(), Screen::Gallery);
    assert_eq!(kiosk.visit().person, None);
    // The attract loop itself never counts down.
    let (_dir2, mut idle_kiosk) = quick_kiosk();
    idle_kiosk.frames(20 * 60);
    assert_eq!(idle_kiosk.screen(), Screen::Attract);
    assert_eq!(countdown(&idle_kiosk), None);
}

#[test]
fn no_touch_anywhere_on_any_screen_exits() {
    let (_dir, mut kiosk) = quick_kiosk();
    kiosk.app.init_resource::<Exits>();
    kiosk.app.add_systems(
        Last,
        |mut exits: MessageReader<AppExit>, mut n: ResMut<Exits>| n.0 += exits.read().count(),
    );
    let points: Vec<Vec2> = (0..12)
        .flat_map(|i| {
            (0..7).map(move |j| Vec2::new(40.0 + i as f32 * 165.0, 30.0 + j as f32 * 160.0))
        })
        .collect();
    for &p in &points {
        kiosk.tap(p);
        // Long presses in the corners, where staff gestures might live.
        kiosk.frames(1);
    }
    assert_eq!(
        kiosk.app.world().resource::<Exits>().0,
        0,
        "a visitor's touch asked the app to exit"
    );
    // The app visited more than one screen on the way.
    assert_ne!(kiosk.screen(), Screen::Attract);
}

#[derive(Resource, Default)]
struct Exits(usize);

#[test]
fn a_resting_palm_does_not_make_taps_dead() {
    use bevy::input::touch::{TouchInput, TouchPhase};
    let (_dir, mut kiosk) = quick_kiosk();
    kiosk.wake();
    let window = kiosk.window;
    // A palm comes to rest on the screen and stays.
    kiosk.app.world_mut().write_message(TouchInput {
        phase: TouchPhase::Started,
        position: Vec2::new(1500.0, 1000.0),
        window,
        force: None,
        id: 9,
    });
    kiosk.frames(150);
    // The visitor taps a card: the first touch makes the palm give way, the tap opens.
    let first = kiosk.first_card();
    kiosk.tap_on(&first);
    if kiosk.screen() != Screen::Detail {
        kiosk.tap_on(&first);
    }
    assert_eq!(kiosk.screen(), Screen::Detail);
}

/// A sleeping kiosk draws a frame only every second or two. On the real
/// clock, at that pace, the first frame after `idle + countdown` seconds of
/// wall-clock quiet finds the attract loop. (Each frame used to count at most
/// 0.25 s, Bevy's cap on the virtual clock: the reset came 3–6× late.)
#[test]
fn the_reset_comes_on_time_on_the_real_clock_at_a_sleeping_pace() {
    use std::time::{Duration, Instant};
    // The shortest times a curator may set: 10 s, then 3 s.
    let dir = two_people(10, 3);
    let mut kiosk = Kiosk::on_the_real_clock(dir.path());
    crate::support::until(&mut kiosk, |k| k.library().exhibition.idle_seconds == 10)
        .expect("the exhibition's idle time arrives");
    kiosk.wake();
    // The app's last input came before this instant, and each frame's clock
    // is read after the instant taken before it: the app's quiet time is at
    // least `quiet` below, however slow the machine.
    let quiet_since = Instant::now();
    let mut frames = 0;
    loop {
        std::thread::sleep(Duration::from_millis(1500));
        let quiet = quiet_since.elapsed();
        kiosk.update();
        frames += 1;
        if quiet >= Duration::from_secs(13) {
            assert_eq!(
                kiosk.screen(),
                Screen::Attract,
                "{quiet:?} of quiet after {frames} sleeping frames and no reset"
            );
            break;
        }
        if quiet >= Duration::from_secs(10) {
            assert!(
                countdown(&kiosk).is_some() || kiosk.screen() == Screen::Attract,
                "{quiet:?} of quiet and no countdown"
            );
        }
        assert!(frames < 20, "the wall clock stopped?");
    }
}

/// The windowed kiosk sleeps between frames; it must wake for the countdown
/// and the reset, not up to two seconds after them.
#[test]
fn a_sleeping_kiosk_wakes_for_the_countdown_and_the_reset() {
    let (_dir, mut kiosk) = quick_kiosk();
    kiosk.wake();
    let due = |k: &Kiosk| {
        k.app
            .world()
            .resource::<Idle>()
            .next_due(k.library(), k.screen())
    };
    // Just touched: the countdown is 10 s away.
    let first = due(&kiosk).unwrap();
    assert!(first > 9.8 && first <= 10.0, "{first}");
    kiosk.frames(9 * 60);
    let soon = due(&kiosk).unwrap();
    assert!(soon <= 1.05, "{soon}");
    // Counting down: the reset is 3 s after the countdown began.
    kiosk.frames(2 * 60);
    let reset = due(&kiosk).unwrap();
    assert!(reset > 1.5 && reset <= 2.05, "{reset}");
    kiosk.frames(3 * 60);
    assert_eq!(kiosk.screen(), Screen::Attract);
    assert_eq!(due(&kiosk), None, "the attract loop has nothing due");
}
