//! Visual regression: every screen in both languages, rendered by `kiosk
//! proof` from a fixed collection (`tests/snapshots/profiles`), compared with
//! the reference images beside it. A layout change shows up here, in review,
//! as a changed PNG.
//!
//! To accept a change on purpose: `KIOSK_UPDATE_SNAPSHOTS=1 cargo test
//! --release snapshots`, then look at the new images before committing them.

use std::path::{Path, PathBuf};

/// References are kept at half size: a quarter of the bytes in the
/// repository, and still a moved button or a changed word is plain.
const SCALE: u32 = 2;
/// A pixel differs when a channel moved by more than this (a software
/// renderer of another version may round a little differently)…
const CHANNEL_TOLERANCE: u8 = 24;
/// …and a page differs when more than this share of its pixels do. One
/// changed word of body text is about 0.05% of a page.
const PIXEL_SHARE: f64 = 0.0002;

fn snapshots() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

/// A rendered page as kept: half size, RGB.
fn reduced(page: &Path) -> image::RgbImage {
    let img = image::open(page)
        .unwrap_or_else(|e| panic!("{}: {e}", page.display()))
        .to_rgb8();
    let (w, h) = (img.width() / SCALE, img.height() / SCALE);
    image::imageops::resize(&img, w, h, image::imageops::FilterType::Triangle)
}

/// How many pixels of `a` and `b` differ, and an image showing where (red).
fn difference(a: &image::RgbImage, b: &image::RgbImage) -> (usize, image::RgbImage) {
    let mut diff = image::RgbImage::new(a.width(), a.height());
    let mut n = 0;
    for ((pa, pb), pd) in a.pixels().zip(b.pixels()).zip(diff.pixels_mut()) {
        let moved =
            pa.0.iter()
                .zip(pb.0)
                .any(|(x, y)| x.abs_diff(y) > CHANNEL_TOLERANCE);
        if moved {
            n += 1;
            *pd = image::Rgb([255, 0, 0]);
        } else {
            let grey = (pa.0.iter().map(|&c| u32::from(c)).sum::<u32>() / 12) as u8;
            *pd = image::Rgb([grey, grey, grey]);
        }
    }
    (n, diff)
}

/// The fixed collection's pages, rendered once for every test that looks.
fn rendered() -> &'static Path {
    crate::support::rendered_snapshot_collection()
}

#[test]
fn a_persons_page_carries_their_address_as_a_qr_code_a_phone_reads() {
    let profiles = snapshots().join("profiles");
    let library = crate::support::library_of(&profiles);
    for person in &library.people {
        let page = rendered().join(format!("detail-{}.png", person.slug));
        let img = image::open(&page).unwrap().to_luma8();
        let mut decoder = quircs::Quirc::new();
        let codes: Vec<String> = decoder
            .identify(img.width() as usize, img.height() as usize, img.as_raw())
            .filter_map(|code| code.ok()?.decode().ok())
            .map(|data| String::from_utf8_lossy(&data.payload).into_owned())
            .collect();
        assert_eq!(
            codes,
            [format!("https://example.org/people/{}", person.slug)],
            "{}",
            page.display()
        );
    }
}

/// How a page differs from its reference, beyond the tolerance (with an
/// image of where, when the sizes match); None when it does not.
fn compare(reference: &Path, now: &image::RgbImage) -> Option<(String, Option<image::RgbImage>)> {
    let Ok(before) = image::open(reference).map(|i| i.to_rgb8()) else {
        return Some(("no reference image".to_owned(), None));
    };
    if before.dimensions() != now.dimensions() {
        return Some(("the size changed".to_owned(), None));
    }
    let (n, diff) = difference(&before, now);
    let share = n as f64 / f64::from(now.width() * now.height());
    (share > PIXEL_SHARE).then(|| {
        let what = format!("{n} pixels ({:.3}%) differ", share * 100.0);
        (what, Some(diff))
    })
}

#[test]
fn every_screen_in_both_languages_matches_its_reference() {
    let out = rendered();
    let profiles = snapshots().join("profiles");
    let library = crate::support::library_of(&profiles);
    let pages = kiosk::tools::proof::pages(&library);
    assert!(pages.len() >= 11, "too few pages: {}", pages.len());

    let update = std::env::var_os("KIOSK_UPDATE_SNAPSHOTS").is_some();
    let failures = Path::new(env!("CARGO_TARGET_TMPDIR")).join("snapshots");
    std::fs::create_dir_all(&failures).unwrap();
    let mut changed = Vec::new();
    for page in &pages {
        let now = reduced(&out.join(&page.file));
        let reference = snapshots().join(&page.file);
        let change = compare(reference.as_path(), &now);
        let Some(change) = change else {
            continue;
        };
        if update {
            // Only what changed is written again: references stay as they
            // are through the renderer's sub-tolerance noise.
            now.save(&reference).unwrap();
            continue;
        }
        now.save(failures.join(&page.file)).unwrap();
        if let Some(diff) = change.1 {
            diff.save(failures.join(page.file.replace(".png", ".diff.png")))
                .unwrap();
        }
        changed.push(format!("{}: {}", page.file, change.0));
    }
    // No reference is left for a page that is no longer rendered.
    let kept: Vec<String> = std::fs::read_dir(snapshots())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".png"))
        .collect();
    for name in kept {
        if !pages.iter().any(|p| p.file == name) {
            changed.push(format!("{name}: a reference for no page"));
        }
    }
    assert!(
        changed.is_empty(),
        "the screens changed (new images and diffs in {}):\n{}\n\
         If the change is meant, run KIOSK_UPDATE_SNAPSHOTS=1 cargo test --release snapshots \
         and review the new references.",
        failures.display(),
        changed.join("\n")
    );
}
