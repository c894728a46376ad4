//! `kiosk proof` renders every page of the shipped exhibition offscreen.

use std::collections::HashSet;
use std::process::Command;

#[test]
fn proof_renders_every_page_at_full_hd() {
    let out = tempfile::tempdir().unwrap();
    let profiles = crate::support::shipped_profiles();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kiosk"));
    cmd.args(["proof", "--size", "1920x1080", "--out"])
        .arg(out.path())
        .arg("--profiles")
        .arg(&profiles);
    let lavapipe = "/usr/share/vulkan/icd.d/lvp_icd.x86_64.json";
    if std::env::var_os("VK_DRIVER_FILES").is_none() && std::path::Path::new(lavapipe).exists() {
        cmd.env("VK_DRIVER_FILES", lavapipe);
    }
    let status = cmd.status().unwrap();
    assert!(status.success(), "kiosk proof failed");

    let people = kiosk::profile::folders::profile_slugs(&profiles);
    let mut expected = vec![
        "gallery.png".to_string(),
        "gallery-en.png".into(),
        "gallery-large.png".into(),
        "gallery-contrast.png".into(),
        "timeline.png".into(),
    ];
    // The first person in the gallery's order, in large text.
    let first = kiosk::library::Library::build(
        &profiles,
        Default::default(),
        people.iter().map(|slug| {
            let bytes = std::fs::read(profiles.join(slug).join("profile.ron")).unwrap();
            let dir = kiosk::profile::ProfileDir {
                root: &profiles,
                slug,
            };
            let loaded = kiosk::profile::load_profile(&dir, &bytes);
            kiosk::library::Entry {
                slug: slug.clone(),
                profile: std::sync::Arc::new(loaded.value.unwrap()),
                name_at: loaded.name_at,
            }
        }),
    )
    .people[0]
        .slug
        .clone();
    expected.push(format!("detail-{first}-large.png"));
    expected.extend(people.iter().map(|s| format!("detail-{s}.png")));
    let mut seen = HashSet::new();
    for name in &expected {
        let img = image::open(out.path().join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .to_rgb8();
        assert_eq!(img.dimensions(), (1920, 1080), "{name}");
        // The page as a visitor sees it after a touch: the top-left corner is
        // the page colour, not dimmed by the idle countdown's overlay.
        let corner = img.get_pixel(8, 8).0;
        let paper = kiosk::theme::PAPER;
        assert!(
            corner
                .iter()
                .zip([paper.r(), paper.g(), paper.b()])
                .all(|(a, b)| (i16::from(*a) - i16::from(b)).abs() < 6),
            "{name}: the corner is {corner:?}, not the page (an overlay?)"
        );
        // Not blank: a page has text and pictures, so many distinct colours.
        let colours: HashSet<[u8; 3]> = img.pixels().step_by(97).map(|p| p.0).collect();
        assert!(
            colours.len() > 50,
            "{name} looks blank ({} colours)",
            colours.len()
        );
        // Every page is different: each detail page shows its own person.
        assert!(
            seen.insert(img.into_raw()),
            "{name} is identical to another page"
        );
    }
    let files = std::fs::read_dir(out.path()).unwrap().count();
    assert_eq!(files, expected.len());
}
