//! The staff exit: a hidden gesture, then the PIN, then the menu.

use crate::check::{VALID, folder};
use crate::support::Kiosk;
use bevy::input::touch::{TouchInput, TouchPhase};
use bevy::prelude::*;
use kiosk::staff::Staff;

fn hold(kiosk: &mut Kiosk, at: Vec2, frames: usize) {
    let window = kiosk.window;
    let touch = |phase| TouchInput {
        phase,
        position: at,
        window,
        force: None,
        id: 7,
    };
    kiosk
        .app
        .world_mut()
        .write_message(touch(TouchPhase::Started));
    kiosk.frames(frames);
    kiosk
        .app
        .world_mut()
        .write_message(touch(TouchPhase::Ended));
    kiosk.frames(3);
}

/// Keys of the PIN pad, by what they read ('x' is 确定, OK).
fn keys(kiosk: &mut Kiosk, keys: &str) {
    for key in keys.chars() {
        match key {
            'x' => kiosk.tap_on("确定"),
            digit => kiosk.tap_on(&digit.to_string()),
        }
    }
}

/// Counts exit requests as they happen (messages expire after two frames).
#[derive(Resource, Default)]
struct Exits(usize);

fn count_exits(kiosk: &mut Kiosk) {
    kiosk.app.init_resource::<Exits>();
    kiosk.app.add_systems(
        Last,
        |mut exits: MessageReader<AppExit>, mut n: ResMut<Exits>| n.0 += exits.read().count(),
    );
}

fn exits(kiosk: &Kiosk) -> usize {
    kiosk.app.world().resource::<Exits>().0
}

#[test]
fn hold_the_corner_then_the_pin_then_quit() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    let mut kiosk = Kiosk::new(dir.path());
    kiosk
        .app
        .insert_resource(Staff::new(Some("2468".into()), false));
    count_exits(&mut kiosk);
    kiosk.wake();

    // A short hold in the corner does nothing.
    hold(&mut kiosk, Vec2::new(40.0, 40.0), 120);
    assert!(!kiosk.app.world().resource::<Staff>().is_open());
    // Five seconds opens the PIN pad.
    hold(&mut kiosk, Vec2::new(40.0, 40.0), 320);
    assert!(kiosk.app.world().resource::<Staff>().is_open());
    // A wrong PIN keeps it closed to the menu.
    keys(&mut kiosk, "1235x");
    assert!(!kiosk.app.world().resource::<Staff>().menu_open());
    keys(&mut kiosk, "2468x");
    assert!(kiosk.app.world().resource::<Staff>().menu_open());
    assert_eq!(exits(&kiosk), 0);
    // Quit.
    kiosk.tap_on("退出程序 · Quit kiosk");
    assert_eq!(exits(&kiosk), 1);
}

#[test]
fn without_a_pin_the_gesture_opens_nothing() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    let mut kiosk = Kiosk::new(dir.path());
    count_exits(&mut kiosk);
    kiosk.wake();
    hold(&mut kiosk, Vec2::new(40.0, 40.0), 400);
    assert!(!kiosk.app.world().resource::<Staff>().is_open());
    assert_eq!(exits(&kiosk), 0);
}
