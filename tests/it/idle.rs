//! Walk-away visitors, with manual time: idle → countdown → attract.

use crate::check::two_people;
use crate::support::Kiosk;
use bevy::prelude::*;
use kiosk::idle::Idle;
use kiosk::library::Filter;
use kiosk::profile::{HonorLevel, Lang};
use kiosk::screens::{Action, Screen};

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
    kiosk.tap(Vec2::new(1800.0, 68.0)); // English
    let filter = Filter {
        level: Some(HonorLevel::National),
        sector: None,
    };
    kiosk
        .app
        .world_mut()
        .write_message(Action::SetFilter(filter));
    kiosk.frames(2);
    kiosk.tap(Vec2::new(420.0, 450.0));
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
    // The touch lands where a card is: it only cancels.
    kiosk.tap(Vec2::new(420.0, 450.0));
    assert_eq!(countdown(&kiosk), None);
    assert_eq!(kiosk.screen(), Screen::Gallery);
    assert_eq!(kiosk.visit().person, None);
    // The next tap is a tap again.
    kiosk.tap(Vec2::new(420.0, 450.0));
    assert_eq!(kiosk.screen(), Screen::Detail);
}

#[test]
fn the_first_touch_on_attract_only_wakes() {
    let (_dir, mut kiosk) = quick_kiosk();
    assert_eq!(kiosk.screen(), Screen::Attract);
    // Where the first card will be.
    kiosk.tap(Vec2::new(420.0, 450.0));
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
    kiosk.tap(Vec2::new(420.0, 450.0));
    if kiosk.screen() != Screen::Detail {
        kiosk.tap(Vec2::new(420.0, 450.0));
    }
    assert_eq!(kiosk.screen(), Screen::Detail);
}
