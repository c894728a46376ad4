//! The real app, headless, driven by touch and emulated mouse.

use crate::check::{VALID, folder};
use crate::support::Kiosk;
use bevy::prelude::*;
use kiosk::visit::Screen;

fn two_people() -> tempfile::TempDir {
    crate::check::two_people(60, 10)
}

#[test]
fn a_broken_profile_is_skipped_and_reported() {
    let broken = VALID.replace("born: 1931,", "born: 1931");
    let dir = folder(&[("good", VALID.as_bytes()), ("bad", broken.as_bytes())]);
    let kiosk = Kiosk::new(dir.path());
    assert_eq!(kiosk.library().len(), 1);
    assert_eq!(kiosk.library().people[0].slug, "good");
    let report = kiosk
        .app
        .world()
        .resource::<kiosk::content::CuratorReport>();
    assert_eq!(report.error_count(), 1);
    let line = report.problems().find(|p| p.is_error()).unwrap();
    assert!(line.path.ends_with("bad/profile.ron"));
    // The line the comma is missing from.
    assert_eq!(line.line, 6);
}

#[test]
fn tap_a_card_opens_that_person() {
    let dir = two_people();
    let mut kiosk = Kiosk::new(dir.path());
    kiosk.wake();
    assert_eq!(kiosk.library().len(), 2);
    // The first card, found by its name.
    let first = kiosk.first_card();
    kiosk.tap_on(&first);
    assert_eq!(kiosk.screen(), Screen::Detail);
    assert_eq!(kiosk.visit().person.as_deref(), Some("ce-shiren"));
}

#[test]
fn swipe_moves_to_the_next_and_previous_person() {
    let dir = two_people();
    let mut kiosk = Kiosk::new(dir.path());
    kiosk.wake();
    let first = kiosk.first_card();
    kiosk.tap_on(&first);
    assert_eq!(kiosk.visit().person.as_deref(), Some("ce-shiren"));
    assert_eq!(kiosk.visit().position(kiosk.library()), Some((1, 2)));
    kiosk.drag(Vec2::new(1500.0, 700.0), Vec2::new(900.0, 710.0), 8);
    assert_eq!(kiosk.screen(), Screen::Detail);
    assert_eq!(kiosk.visit().person.as_deref(), Some("ling-yiren"));
    kiosk.drag(Vec2::new(900.0, 700.0), Vec2::new(1500.0, 690.0), 8);
    assert_eq!(kiosk.visit().person.as_deref(), Some("ce-shiren"));
    // The back button returns to the gallery.
    kiosk.tap_on("返回");
    assert_eq!(kiosk.screen(), Screen::Gallery);
}

#[test]
fn a_drag_on_the_gallery_scrolls_and_opens_nothing() {
    let dir = two_people();
    let mut kiosk = Kiosk::new(dir.path());
    kiosk.wake();
    assert_eq!(decade_in_view(&kiosk), Some(1950));
    // Starts on the first card and drags it up: a scroll, not a tap.
    kiosk.drag(Vec2::new(400.0, 900.0), Vec2::new(400.0, 200.0), 12);
    kiosk.frames(60);
    assert_eq!(kiosk.screen(), Screen::Gallery);
    assert_eq!(kiosk.visit().person, None);
    assert_eq!(decade_in_view(&kiosk), Some(1980));
}

#[test]
fn emulated_mouse_drags_scroll_and_clicks_open() {
    let dir = two_people();
    let mut kiosk = Kiosk::new(dir.path());
    kiosk.wake();
    kiosk.mouse_drag(Vec2::new(400.0, 900.0), Vec2::new(400.0, 200.0), 12);
    kiosk.frames(60);
    assert_eq!(kiosk.screen(), Screen::Gallery);
    assert_eq!(decade_in_view(&kiosk), Some(1980));
    kiosk.mouse_drag(Vec2::new(400.0, 300.0), Vec2::new(400.0, 1000.0), 12);
    kiosk.frames(60);
    assert_eq!(decade_in_view(&kiosk), Some(1950));
    let first = kiosk.first_card();
    kiosk.click_on(&first);
    assert_eq!(kiosk.screen(), Screen::Detail);
    assert_eq!(kiosk.visit().person.as_deref(), Some("ce-shiren"));
}

#[test]
fn tapping_a_decade_brings_it_into_view() {
    let dir = two_people();
    let mut kiosk = Kiosk::new(dir.path());
    kiosk.wake();
    assert_eq!(decade_in_view(&kiosk), Some(1950));
    kiosk.tap_on("1980年代");
    kiosk.frames(40);
    assert_eq!(decade_in_view(&kiosk), Some(1980));
    assert_eq!(kiosk.screen(), Screen::Gallery);
}

#[test]
fn the_language_button_switches_to_english_and_back() {
    let dir = two_people();
    let mut kiosk = Kiosk::new(dir.path());
    kiosk.wake();
    assert_eq!(kiosk.visit().lang, kiosk::profile::Lang::Zh);
    kiosk.tap_on("English");
    assert_eq!(kiosk.visit().lang, kiosk::profile::Lang::En);
    kiosk.tap_on("中文");
    assert_eq!(kiosk.visit().lang, kiosk::profile::Lang::Zh);
}

#[test]
fn timeline_tap_opens_a_person() {
    let dir = two_people();
    let mut kiosk = Kiosk::new(dir.path());
    kiosk
        .app
        .world_mut()
        .write_message(kiosk::visit::Action::Show(Screen::Timeline));
    kiosk.frames(3);
    assert_eq!(kiosk.screen(), Screen::Timeline);
    let first = kiosk.first_card();
    kiosk.tap_on(&first);
    assert_eq!(kiosk.screen(), Screen::Detail);
    assert_eq!(kiosk.visit().person.as_deref(), Some("ce-shiren"));
    assert_eq!(kiosk.visit().back_to, kiosk::visit::BackTo::Timeline);
}

fn decade_in_view(kiosk: &Kiosk) -> Option<i32> {
    kiosk
        .app
        .world()
        .resource::<kiosk::visit::ScreenUi>()
        .decade_in_view
}

#[test]
fn portraits_are_prepared_into_textures_and_stay() {
    let dir = two_people();
    let mut kiosk = Kiosk::new(dir.path());
    kiosk.wake();
    let textures = |k: &Kiosk| k.app.world().resource::<kiosk::images::Images>().textures();
    crate::support::until(&mut kiosk, |k| textures(k) >= 2);
    assert!(
        textures(&kiosk) >= 2,
        "both card portraits on screen become textures"
    );
    let ready = textures(&kiosk);
    // Reading the files is not a change to them: nothing is prepared again.
    kiosk.frames(30);
    let images = kiosk.app.world().resource::<kiosk::images::Images>();
    assert_eq!(images.in_flight(), 0);
    assert_eq!(images.textures(), ready);
}

#[test]
fn find_a_person_on_the_keyboard_and_come_back_to_the_search() {
    let dir = two_people();
    let mut kiosk = Kiosk::new(dir.path());
    kiosk.wake();
    kiosk.tap_on("找人");
    assert_eq!(kiosk.screen(), Screen::Search);
    // 另一人: Ling Yiren, by the initials.
    for key in ["l", "y", "r"] {
        kiosk.tap_on(key);
    }
    assert_eq!(kiosk.visit().search, "lyr");
    kiosk.tap_on("另一人");
    assert_eq!(kiosk.screen(), Screen::Detail);
    assert_eq!(kiosk.visit().person.as_deref(), Some("ling-yiren"));
    // Back returns to the search, with what was typed kept.
    kiosk.tap_on("返回");
    assert_eq!(kiosk.screen(), Screen::Search);
    assert_eq!(kiosk.visit().search, "lyr");
    kiosk.tap_on("删除");
    assert_eq!(kiosk.visit().search, "ly");
    // A visitor who walks away takes their search with them.
    kiosk.frames(75 * 60);
    assert_eq!(kiosk.screen(), Screen::Attract);
    assert_eq!(kiosk.visit().search, "");
}

/// Back from a person's page comes back to that person's card, even after
/// stepping on to people far down the gallery (a trial came back to the top
/// of the decade, the card out of sight).
#[test]
fn back_from_a_person_comes_back_to_their_card() {
    let mut kiosk = Kiosk::new(&crate::support::shipped_profiles());
    kiosk.wake();
    let first = kiosk.first_card();
    kiosk.tap_on(&first);
    for _ in 0..20 {
        kiosk.tap_on("下一位");
    }
    let slug = kiosk.visit().person.clone().expect("a person open");
    let name = kiosk.library().get(&slug).unwrap().profile.name.zh.clone();
    kiosk.tap_on("返回");
    kiosk.frames(3);
    assert_eq!(kiosk.screen(), Screen::Gallery);
    assert!(
        kiosk.find(&name).is_some(),
        "{name}'s card is not in sight after coming back"
    );
}
