//! Content faults while running: the folder deleted or replaced, a huge
//! story, no profiles at all, a name outside the font. Never a crash, never
//! an error on a visitor's screen.

use crate::check::{VALID, folder};
use crate::support::Kiosk;
use bevy::prelude::*;
use kiosk::visit::Screen;

fn until(kiosk: &mut Kiosk, done: impl FnMut(&Kiosk) -> bool) -> bool {
    crate::support::until(kiosk, done).is_some()
}

#[test]
fn no_profiles_shows_a_calm_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut kiosk = Kiosk::new(dir.path());
    assert!(kiosk.library().is_empty());
    kiosk.wake();
    kiosk.frames(30);
    kiosk.tap_anywhere();
    assert_eq!(kiosk.screen(), Screen::Gallery);
    // A missing folder altogether is the same calm screen.
    let mut kiosk = Kiosk::new(&dir.path().join("does-not-exist"));
    kiosk.wake();
    kiosk.frames(30);
    assert!(kiosk.library().is_empty());
}

#[test]
fn the_folder_deleted_and_put_back_while_running() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    let root = dir.path().join("profiles");
    std::fs::create_dir_all(&root).unwrap();
    for entry in ["exhibition.ron", "ce-shiren"] {
        std::fs::rename(dir.path().join(entry), root.join(entry)).unwrap();
    }
    let mut kiosk = Kiosk::new(&root);
    kiosk.wake();
    let first = kiosk.first_card();
    kiosk.tap_on(&first);
    assert_eq!(kiosk.screen(), Screen::Detail);

    let aside = dir.path().join("aside");
    std::fs::rename(&root, &aside).unwrap();
    assert!(
        until(&mut kiosk, |k| k.library().is_empty()),
        "the deleted folder's people stayed"
    );
    // The visitor was on that person's page: back to the gallery, calmly.
    assert_eq!(kiosk.screen(), Screen::Gallery);

    std::fs::rename(&aside, &root).unwrap();
    assert!(
        until(&mut kiosk, |k| k.library().len() == 1),
        "the restored folder never came back"
    );
}

#[test]
fn a_story_of_fifty_thousand_characters() {
    let story = "她每天下班后练习量布。".repeat(5000);
    let text = VALID.replace("她每天下班后练习量布。", &story);
    let dir = folder(&[("ce-shiren", text.as_bytes())]);
    let mut kiosk = Kiosk::new(dir.path());
    assert_eq!(kiosk.library().len(), 1);
    assert_eq!(
        kiosk.library().people[0].profile.story.zh.chars().count(),
        55_000
    );
    kiosk.wake();
    let first = kiosk.first_card();
    kiosk.tap_on(&first);
    assert_eq!(kiosk.screen(), Screen::Detail);
    // Scroll through it.
    for _ in 0..5 {
        kiosk.drag(Vec2::new(1300.0, 900.0), Vec2::new(1300.0, 200.0), 6);
    }
    assert_eq!(kiosk.screen(), Screen::Detail);
}

#[test]
fn a_name_outside_the_font_still_shows_the_person() {
    let text = VALID.replace("测试人", "测试\u{1FAE0}");
    let dir = folder(&[("ce-shiren", text.as_bytes())]);
    let mut kiosk = Kiosk::new(dir.path());
    assert_eq!(kiosk.library().len(), 1);
    let report = kiosk
        .app
        .world()
        .resource::<kiosk::content::CuratorReport>();
    assert_eq!(report.error_count(), 0);
    assert!(
        report.problems().any(|p| p.message.contains("U+1FAE0")),
        "the curator hears of it"
    );
    kiosk.wake();
    let first = kiosk.first_card();
    kiosk.tap_on(&first);
    assert_eq!(kiosk.screen(), Screen::Detail);
}

#[test]
fn a_broken_picture_is_a_placeholder_and_a_line_for_the_curator() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    std::fs::write(dir.path().join("ce-shiren/portrait.png"), "not a picture").unwrap();
    let mut kiosk = Kiosk::new(dir.path());
    kiosk.wake();
    let reported = until(&mut kiosk, |k| {
        k.app
            .world()
            .resource::<kiosk::content::CuratorReport>()
            .problems()
            // At the line of profile.ron that names it, as `kiosk check` says it.
            .any(|p| {
                p.path.ends_with("ce-shiren/profile.ron")
                    && p.message.contains("portrait.png")
                    && !p.is_error()
            })
    });
    assert!(reported, "the curator never heard of the broken picture");
    // The person is still on show, and a tap still opens them.
    let first = kiosk.first_card();
    kiosk.tap_on(&first);
    assert_eq!(kiosk.screen(), Screen::Detail);
}

fn set_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn root_problem(kiosk: &Kiosk, root: &std::path::Path) -> bool {
    kiosk
        .app
        .world()
        .resource::<kiosk::content::CuratorReport>()
        .problems()
        .any(|p| p.is_error() && p.path == root.display().to_string())
}

#[test]
fn the_folder_made_unreadable_while_running() {
    if crate::support::rerun_as_nobody("faults::the_folder_made_unreadable_while_running") {
        return;
    }
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    let root = dir.path();
    let mut kiosk = Kiosk::new(root);
    assert_eq!(kiosk.library().len(), 1);

    set_mode(root, 0o000);
    // The curator hears of it, from the kiosk and from the check…
    assert!(
        until(&mut kiosk, |k| root_problem(k, root)),
        "the curator never heard that the folder cannot be read"
    );
    let report = kiosk::tools::check::check_with_cache(root, None);
    assert!(
        report.errors > 0
            && report
                .problems
                .iter()
                .any(|p| p.message.contains("cannot read the profiles folder")),
        "check: {:?}",
        report.problems
    );
    // …while visitors still see everyone, as last read.
    kiosk.frames(200);
    assert_eq!(kiosk.library().len(), 1);
    kiosk.wake();
    let first = kiosk.first_card();
    kiosk.tap_on(&first);
    assert_eq!(kiosk.screen(), Screen::Detail);

    // A kiosk started while the folder cannot be read: the calm empty
    // screen, then everyone as soon as it can be read again.
    let mut late = Kiosk::new(root);
    assert!(late.library().is_empty());
    assert!(until(&mut late, |k| root_problem(k, root)));
    set_mode(root, 0o755);
    assert!(
        until(&mut late, |k| k.library().len() == 1),
        "the folder was readable again, but its people never came"
    );
    assert!(until(&mut kiosk, |k| !root_problem(k, root)));
    assert_eq!(kiosk.library().len(), 1);
}
