//! Curators' saves reach the running kiosk: edits, broken saves, new and
//! deleted people. File watching runs in real time, so these tests step
//! frames with short real pauses and report how long the change took.

use crate::check::{VALID, folder};
use crate::support::{Kiosk, until};

fn name_of(kiosk: &Kiosk, slug: &str) -> Option<String> {
    kiosk.library().get(slug).map(|p| p.profile.name.zh.clone())
}

#[test]
fn an_edit_shows_and_a_broken_save_keeps_the_last_good_version() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    let file = dir.path().join("ce-shiren/profile.ron");
    let mut kiosk = Kiosk::new(dir.path());
    kiosk.wake();
    let first = kiosk.first_card();
    kiosk.tap_on(&first);
    assert_eq!(kiosk.screen(), kiosk::visit::Screen::Detail);

    std::fs::write(&file, VALID.replace("测试人", "测试新名")).unwrap();
    let took = until(&mut kiosk, |k| {
        name_of(k, "ce-shiren").as_deref() == Some("测试新名")
    });
    println!("edit shown after {took:?}");
    assert!(took.is_some(), "the edit never arrived");
    // Once the save is read the kiosk is at rest again (it draws frames
    // quickly only while a change is pending or being read).
    let settled = until(&mut kiosk, |k| {
        let world = k.app.world();
        !world
            .resource::<kiosk::content::ProfileHandles>()
            .still_loading()
            && !world.resource::<kiosk::content::PendingChanges>().waiting()
    });
    assert!(
        settled.is_some(),
        "the kiosk never came to rest after the save"
    );
    // The visitor stays on the page they were reading; it updated in place.
    assert_eq!(kiosk.screen(), kiosk::visit::Screen::Detail);
    assert_eq!(kiosk.visit().person.as_deref(), Some("ce-shiren"));

    // Half a file, as a save interrupted by a power cut leaves it.
    std::fs::write(&file, &VALID[..VALID.len() / 2]).unwrap();
    let took = until(&mut kiosk, |k| {
        k.app
            .world()
            .resource::<kiosk::content::CuratorReport>()
            .error_count()
            > 0
    });
    println!("broken save reported after {took:?}");
    assert!(took.is_some(), "the broken save was never reported");
    assert_eq!(
        name_of(&kiosk, "ce-shiren").as_deref(),
        Some("测试新名"),
        "the last good version stays"
    );
    assert_eq!(kiosk.screen(), kiosk::visit::Screen::Detail);

    // Fixed again: the error goes away.
    std::fs::write(&file, VALID).unwrap();
    let took = until(&mut kiosk, |k| {
        k.app
            .world()
            .resource::<kiosk::content::CuratorReport>()
            .error_count()
            == 0
            && name_of(k, "ce-shiren").as_deref() == Some("测试人")
    });
    assert!(took.is_some(), "the fix never arrived");
}

#[test]
fn a_new_folder_appears_in_its_decade_and_a_deleted_one_goes() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    let mut kiosk = Kiosk::new(dir.path());
    assert_eq!(kiosk.library().len(), 1);

    let new = dir.path().join("xin-ren");
    std::fs::create_dir_all(&new).unwrap();
    std::fs::copy(
        dir.path().join("ce-shiren/portrait.png"),
        new.join("portrait.png"),
    )
    .unwrap();
    std::fs::copy(
        dir.path().join("ce-shiren/1958-counter.png"),
        new.join("1958-counter.png"),
    )
    .unwrap();
    let text = VALID
        .replace("测试人", "新人")
        .replace("(year: 1956,", "(year: 1996,")
        .replace("(year: 1959,", "(year: 1999,");
    std::fs::write(new.join("profile.ron"), text).unwrap();
    let took = until(&mut kiosk, |k| k.library().len() == 2);
    println!("new person shown after {took:?}");
    assert!(took.is_some(), "the new person never appeared");
    let decades: Vec<i32> = kiosk.library().decades.iter().map(|d| d.start).collect();
    assert_eq!(decades, [1950, 1990]);
    assert_eq!(kiosk.visit().order.len(), 2);

    std::fs::remove_dir_all(dir.path().join("ce-shiren")).unwrap();
    let took = until(&mut kiosk, |k| k.library().len() == 1);
    assert!(took.is_some(), "the deleted person never left");
    assert_eq!(kiosk.library().people[0].slug, "xin-ren");
    assert_eq!(kiosk.visit().order.len(), 1);
}

/// The idle time is the curators' to change: a saved `exhibition.ron`
/// applies to the running kiosk, no restart.
#[test]
fn a_saved_idle_time_applies_without_a_restart() {
    let dir = crate::check::two_people(60, 10);
    let mut kiosk = Kiosk::new(dir.path());
    std::fs::write(
        dir.path().join("exhibition.ron"),
        "(title: (zh: \"光荣与梦想\"), idle_seconds: 12, countdown_seconds: 4)",
    )
    .unwrap();
    let took = until(&mut kiosk, |k| k.library().exhibition.idle_seconds == 12);
    assert!(took.is_some(), "the new idle time never arrived");
    assert_eq!(kiosk.library().exhibition.countdown_seconds, 4);
    kiosk.wake();
    // 12 s of quiet (manual time) now bring the question, and 4 more the reset.
    kiosk.frames(12 * 60 + 5);
    let idle = kiosk.app.world().resource::<kiosk::idle::Idle>();
    assert!(idle.countdown(kiosk.library()).is_some());
    kiosk.frames(4 * 60 + 5);
    assert_eq!(kiosk.screen(), kiosk::visit::Screen::Attract);
}

#[test]
fn a_renamed_person_is_found_under_the_new_name_at_once() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    let file = dir.path().join("ce-shiren/profile.ron");
    let mut kiosk = Kiosk::new(dir.path());
    let found = |k: &Kiosk, q: &str| k.library().search.find(q).len();
    assert_eq!(found(&kiosk, "ceshiren"), 1);
    assert_eq!(found(&kiosk, "wangxiuying"), 0);
    let renamed = VALID
        .replace("测试人", "王秀英")
        .replace("Ce Shiren", "Wang Xiuying");
    std::fs::write(&file, renamed).unwrap();
    let took = until(&mut kiosk, |k| found(k, "wangxiuying") == 1);
    println!("found under the new name after {took:?}");
    assert!(took.is_some(), "the new name was never found");
    assert_eq!(found(&kiosk, "wxy"), 1);
    assert_eq!(
        found(&kiosk, "ceshiren"),
        0,
        "the old name still finds them"
    );
}

/// Notepad's Save As, its type left at 文本文档, leaves `profile.ron.txt`
/// and no `profile.ron`: a slip, not a removal. The person stays before
/// the visitor reading them (a trial saw them vanish mid-page); the curator
/// is told to rename it, and where Windows hides the `.txt`; renamed, the
/// error goes.
#[test]
fn a_profile_saved_as_profile_ron_txt_keeps_the_person_shown() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    let file = dir.path().join("ce-shiren/profile.ron");
    let txt = file.with_extension("ron.txt");
    let mut kiosk = Kiosk::new(dir.path());
    kiosk.wake();
    let first = kiosk.first_card();
    kiosk.tap_on(&first);
    let errors = |k: &Kiosk| {
        k.app
            .world()
            .resource::<kiosk::content::CuratorReport>()
            .error_count()
    };

    std::fs::rename(&file, &txt).unwrap();
    let took = until(&mut kiosk, |k| errors(k) > 0);
    println!("the misnamed save reported after {took:?}");
    assert!(took.is_some(), "the curator was never told");
    assert_eq!(name_of(&kiosk, "ce-shiren").as_deref(), Some("测试人"));
    assert_eq!(kiosk.screen(), kiosk::visit::Screen::Detail);
    let report = kiosk
        .app
        .world()
        .resource::<kiosk::content::CuratorReport>();
    let told = report
        .problems()
        .find(|p| p.is_error())
        .unwrap()
        .to_string();
    assert!(told.contains("profile.ron.txt"), "{told}");
    assert!(told.contains("文件扩展名"), "{told}");

    std::fs::rename(&txt, &file).unwrap();
    let took = until(&mut kiosk, |k| errors(k) == 0);
    assert!(took.is_some(), "the error stayed after the rename");
    assert_eq!(kiosk.library().len(), 1);
}
