//! `kiosk proof` renders every page of an exhibition offscreen.

use kiosk::visit::Screen;
use std::collections::HashSet;

#[test]
fn proof_renders_every_screen_and_everyones_whole_page() {
    let out = crate::support::rendered_snapshot_collection();
    let profiles =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/profiles");
    let library = crate::support::library_of(&profiles);
    let pages = kiosk::tools::proof::pages(&library);
    // Each screen in both languages, the reading modes, and everyone.
    let expected: Vec<String> = pages.iter().map(|p| p.file.clone()).collect();
    let first = &library.people[0].slug;
    for name in [
        "attract.png".to_owned(),
        "gallery.png".into(),
        "gallery-en.png".into(),
        "gallery-large.png".into(),
        "gallery-contrast.png".into(),
        "timeline.png".into(),
        "timeline-en.png".into(),
        "search.png".into(),
        "search-en.png".into(),
        format!("detail-{first}-large.png"),
        format!("viewer-{first}.png"),
        format!("viewer-{first}-en.png"),
    ] {
        assert!(expected.contains(&name), "no {name} among the pages");
    }
    for p in &library.people {
        for name in [
            format!("detail-{}.png", p.slug),
            format!("detail-{}.en.png", p.slug),
        ] {
            assert!(expected.contains(&name), "no {name} among the pages");
        }
    }
    let mut seen = HashSet::new();
    for (name, page) in expected.iter().zip(&pages) {
        let img = image::open(out.join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .to_rgb8();
        // A person's page is whole: four screens tall, one PNG.
        let size = if page.whole {
            (1920, 4320)
        } else {
            (1920, 1080)
        };
        assert_eq!(img.dimensions(), size, "{name}");
        // The page as a visitor sees it after a touch: the top-left corner is
        // the screen's ground, not dimmed by the idle countdown's overlay.
        let corner = img.get_pixel(8, 8).0;
        let ground = match page.staged.screen {
            Screen::Attract | Screen::Viewer => kiosk::theme::NIGHT,
            _ => kiosk::theme::PAPER,
        };
        assert!(
            corner
                .iter()
                .zip([ground.r(), ground.g(), ground.b()])
                .all(|(a, b)| (i16::from(*a) - i16::from(b)).abs() < 6),
            "{name}: the corner is {corner:?}, not the screen's ground (an overlay?)"
        );
        // Not blank: a page has text and pictures, so many distinct colours.
        let colours: HashSet<[u8; 3]> = img.pixels().step_by(97).map(|p| p.0).collect();
        assert!(
            colours.len() > 50,
            "{name} looks blank ({} colours)",
            colours.len()
        );
        // Every page is different: each detail page shows its own person,
        // in its own language.
        assert!(
            seen.insert(img.into_raw()),
            "{name} is identical to another page"
        );
    }
    let files = std::fs::read_dir(out).unwrap().count();
    assert_eq!(files, expected.len());
}

#[test]
fn one_persons_whole_page_in_both_languages() {
    let out = tempfile::tempdir().unwrap();
    let profiles =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/profiles");
    let run = |slug: &str| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kiosk"));
        cmd.args(["proof", "--person", slug, "--out"])
            .arg(out.path())
            .arg("--profiles")
            .arg(&profiles);
        let lavapipe = "/usr/share/vulkan/icd.d/lvp_icd.x86_64.json";
        if std::env::var_os("VK_DRIVER_FILES").is_none() && std::path::Path::new(lavapipe).exists()
        {
            cmd.env("VK_DRIVER_FILES", lavapipe);
        }
        cmd.output().unwrap()
    };
    assert!(run("wu-guangcai").status.success());
    let mut files: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        ["detail-wu-guangcai.en.png", "detail-wu-guangcai.png"]
    );
    let zh = image::open(out.path().join("detail-wu-guangcai.png"))
        .unwrap()
        .to_rgb8();
    let en = image::open(out.path().join("detail-wu-guangcai.en.png"))
        .unwrap()
        .to_rgb8();
    // The whole page: four screens tall, nothing of the story scrolled away.
    assert_eq!(zh.dimensions(), (1920, 4320));
    assert_ne!(
        zh.as_raw(),
        en.as_raw(),
        "the English page is the Chinese one"
    );
    // No such person: a clear failure, no page.
    let missing = run("no-one");
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no person no-one"));
}
