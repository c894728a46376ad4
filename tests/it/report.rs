//! What curators see from their own PCs: the last good version kept across
//! a restart, and the report folder (`index.html`, `preview/`) following
//! their saves.

use crate::check::{VALID, folder};
use crate::support::{Kiosk, until};
use kiosk::content::{CuratorReport, LastGood};
use kiosk::report::{Previewer, ReportFolder};
use std::path::Path;

fn keeping(state: &Path) -> impl FnOnce(&mut bevy::prelude::App) + '_ {
    move |app| {
        app.insert_resource(LastGood::in_state_folder(state));
    }
}

fn errors_of(kiosk: &Kiosk, file: &Path) -> Vec<String> {
    let report = kiosk.app.world().resource::<CuratorReport>();
    report
        .by_file
        .get(&file.display().to_string())
        .into_iter()
        .flatten()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn after_a_restart_a_broken_file_is_shown_from_its_last_good_version() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    let file = dir.path().join("ce-shiren/profile.ron");
    let state = tempfile::tempdir().unwrap();

    // A day of the exhibition: the person loads, and is kept.
    let kiosk = Kiosk::with(dir.path(), keeping(state.path()));
    assert!(kiosk.library().get("ce-shiren").is_some());
    let kept = state.path().join("last-good/ce-shiren.ron");
    assert_eq!(std::fs::read(&kept).unwrap(), VALID.as_bytes());
    drop(kiosk);

    // Overnight a curator saves half a file; in the morning the kiosk starts.
    std::fs::write(&file, &VALID[..VALID.len() / 2]).unwrap();
    let kiosk = Kiosk::with(dir.path(), keeping(state.path()));
    let person = kiosk.library().get("ce-shiren").expect("still shown");
    assert_eq!(person.profile.name.zh, "测试人");
    let lines = errors_of(&kiosk, &file);
    assert!(
        lines.iter().any(|l| l.contains(": error: ")),
        "the file's own errors are told: {lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.contains("last good version")),
        "the panel says the last good version is shown: {lines:?}"
    );
    // What was kept is the good version still, not the broken file.
    assert_eq!(std::fs::read(&kept).unwrap(), VALID.as_bytes());
    drop(kiosk);

    // Without a kept version (a kiosk that keeps nothing) the person is out.
    let kiosk = Kiosk::with(dir.path(), |_| {});
    assert!(kiosk.library().get("ce-shiren").is_none());

    // Fixed: the new version is shown, and kept in place of the old one.
    let fixed = VALID.replace("测试人", "测试新名");
    std::fs::write(&file, &fixed).unwrap();
    let kiosk = Kiosk::with(dir.path(), keeping(state.path()));
    assert_eq!(
        kiosk.library().get("ce-shiren").unwrap().profile.name.zh,
        "测试新名"
    );
    assert_eq!(std::fs::read(&kept).unwrap(), fixed.as_bytes());
    assert!(errors_of(&kiosk, &file).is_empty());
}

/// The built kiosk draws the previews, with the software Vulkan driver
/// where there is no GPU.
fn previewer() -> Previewer {
    let lavapipe = "/usr/share/vulkan/icd.d/lvp_icd.x86_64.json";
    let env = if std::env::var_os("VK_DRIVER_FILES").is_none() && Path::new(lavapipe).exists() {
        vec![("VK_DRIVER_FILES".into(), lavapipe.into())]
    } else {
        Vec::new()
    };
    Previewer {
        program: env!("CARGO_BIN_EXE_kiosk").into(),
        env,
        size: (1920, 1080),
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[test]
fn the_report_folder_follows_a_curators_saves() {
    let second = VALID
        .replace("测试人", "另一人")
        .replace("Ce Shiren", "Ling Yiren");
    let dir = folder(&[
        ("ce-shiren", VALID.as_bytes()),
        ("ling-yiren", second.as_bytes()),
    ]);
    let report = tempfile::tempdir().unwrap();
    let folder_setup = ReportFolder {
        dir: report.path().to_path_buf(),
        previewer: Some(previewer()),
    };
    let mut kiosk = Kiosk::with(dir.path(), move |app| {
        app.insert_resource(folder_setup);
    });
    let index = report.path().join("index.html");
    let preview = |slug: &str, lang: &str| report.path().join(format!("preview/{slug}.{lang}.png"));

    // At the start: the page, and everyone's previews in both languages.
    let all_previews = |_: &Kiosk| {
        ["ce-shiren", "ling-yiren"]
            .iter()
            .all(|s| preview(s, "zh").is_file() && preview(s, "en").is_file())
    };
    assert!(until(&mut kiosk, |k| all_previews(k) && index.is_file()).is_some());
    let page = read(&index);
    assert!(
        page.contains("2 人展出") && page.contains("2 shown"),
        "{page}"
    );
    assert!(page.contains("测试人") && page.contains("preview/ce-shiren.en.png"));
    let tall = image::image_dimensions(preview("ce-shiren", "zh")).unwrap();
    assert_eq!(tall, (1920, 4320), "the whole page, four screens tall");
    // Nothing is written into the curators' folder.
    let entries = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(entries, 3, "exhibition.ron and two people only");

    // A curator saves a new story: that person's previews are drawn again.
    let before = modified(&preview("ce-shiren", "zh")).unwrap();
    let untouched = modified(&preview("ling-yiren", "zh")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let file = dir.path().join("ce-shiren/profile.ron");
    std::fs::write(&file, VALID.replace("练习量布", "练习量布和算账")).unwrap();
    let took = until(&mut kiosk, |_| {
        modified(&preview("ce-shiren", "zh")) > Some(before)
            && modified(&preview("ce-shiren", "en")) > Some(before)
    });
    println!("previews drawn again {took:?} after the save");
    assert!(
        took.is_some(),
        "the saved person's previews were never redrawn"
    );
    assert_eq!(modified(&preview("ling-yiren", "zh")), Some(untouched));

    // Then breaks the other's file: the page tells it, line for line as the
    // check does, and that visitors still see the last good version.
    let other = dir.path().join("ling-yiren/profile.ron");
    std::fs::write(&other, &second[..second.len() / 2]).unwrap();
    let took = until(&mut kiosk, |_| {
        read(&index).contains("，1 人展出上一个正确版本")
    });
    assert!(took.is_some(), "the report never told the broken save");
    let page = read(&index);
    let line = errors_of(&kiosk, &other)
        .into_iter()
        .find(|l| l.contains(": error: "))
        .expect("an error line");
    let escaped = html_escape::encode_text(&line).into_owned();
    assert!(page.contains(&escaped), "{line} not in the page");
    assert!(page.contains("1 人展出，1 人展出上一个正确版本"), "{page}");
    assert!(page.contains("shown from the last good version of"));
}
