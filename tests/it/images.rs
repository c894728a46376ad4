//! Curators' pictures as phones and scanners make them, generated here (no
//! big files in the repository): each is prepared upright at the size it is
//! drawn, or refused (the kiosk then shows its placeholder), and cached.

use image::{ImageEncoder, Rgb, RgbImage, Rgba, RgbaImage};
use kiosk::media::{Variant, prepare_cached};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A 400×200 landscape picture, red in its top-left corner.
fn marked() -> RgbImage {
    RgbImage::from_fn(400, 200, |x, y| {
        if x < 40 && y < 40 {
            Rgb([220, 20, 20])
        } else {
            Rgb([30, 90, 160])
        }
    })
}

/// EXIF (TIFF, big-endian) holding only an orientation.
fn exif_orientation(o: u16) -> Vec<u8> {
    let mut v = b"MM\0\x2a\0\0\0\x08".to_vec();
    v.extend_from_slice(&[0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1]);
    v.extend_from_slice(&o.to_be_bytes());
    v.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    v
}

fn jpeg_with_orientation(path: &Path, o: u16) {
    std::fs::write(path, jpeg_bytes(&marked(), Some(o))).unwrap();
}

fn magick(args: &[&str]) {
    let status = Command::new("convert")
        .args(args)
        .status()
        .expect("ImageMagick's convert (apt-get install imagemagick)");
    assert!(status.success(), "convert {args:?}");
}

fn prepare(file: &Path) -> Option<(u32, u32, Vec<u8>)> {
    let cache = tempfile::tempdir().unwrap();
    prepare_cached(file, Variant::Card, Some(cache.path()))
        .ok()
        .map(|(p, _)| (p.width, p.height, p.rgba))
}

fn pixel(p: &(u32, u32, Vec<u8>), x: u32, y: u32) -> [u8; 4] {
    let i = ((y * p.0 + x) * 4) as usize;
    p.2[i..i + 4].try_into().unwrap()
}

fn is_red(px: [u8; 4]) -> bool {
    px[0] > 150 && px[1] < 90 && px[2] < 90
}

#[test]
fn every_exif_orientation_stands_upright() {
    let dir = tempfile::tempdir().unwrap();
    // Where the red corner lands after each orientation is applied.
    let expect = [
        (1, (400, 200), "tl"),
        (2, (400, 200), "tr"),
        (3, (400, 200), "br"),
        (4, (400, 200), "bl"),
        (5, (200, 400), "tl"),
        (6, (200, 400), "tr"),
        (7, (200, 400), "br"),
        (8, (200, 400), "bl"),
    ];
    for (o, (w, h), corner) in expect {
        let file = dir.path().join(format!("o{o}.jpg"));
        jpeg_with_orientation(&file, o);
        let p = prepare(&file).unwrap_or_else(|| panic!("orientation {o} refused"));
        assert_eq!((p.0, p.1), (w, h), "orientation {o}");
        let (x, y) = match corner {
            "tl" => (5, 5),
            "tr" => (w - 6, 5),
            "br" => (w - 6, h - 6),
            _ => (5, h - 6),
        };
        assert!(
            is_red(pixel(&p, x, y)),
            "orientation {o}: red corner not at {corner}"
        );
    }
}

#[test]
fn colour_models_and_formats_all_show() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.png");
    marked().save(&base).unwrap();
    let b = base.to_str().unwrap();
    let cases: Vec<(PathBuf, Vec<&str>)> = vec![
        (dir.path().join("cmyk.jpg"), vec![b, "-colorspace", "CMYK"]),
        (dir.path().join("grey.jpg"), vec![b, "-colorspace", "Gray"]),
        (
            dir.path().join("progressive.jpg"),
            vec![b, "-interlace", "JPEG"],
        ),
        (
            dir.path().join("palette.png"),
            vec![b, "-type", "Palette", "-colors", "16"],
        ),
    ];
    for (file, args) in &cases {
        let mut a = args.clone();
        let out = if file.extension().unwrap() == "png" {
            format!("png8:{}", file.display())
        } else {
            file.display().to_string()
        };
        a.push(&out);
        magick(&a);
        let p = prepare(file).unwrap_or_else(|| panic!("{} refused", file.display()));
        assert_eq!((p.0, p.1), (400, 200), "{}", file.display());
        if !file.ends_with("grey.jpg") {
            assert!(
                is_red(pixel(&p, 5, 5)),
                "{} lost its colours: {:?}",
                file.display(),
                pixel(&p, 5, 5)
            );
        }
    }
    // 16-bit PNG.
    let sixteen = dir.path().join("sixteen.png");
    image::ImageBuffer::<Rgb<u16>, _>::from_fn(400, 200, |x, y| {
        if x < 40 && y < 40 {
            Rgb([60000, 5000, 5000])
        } else {
            Rgb([8000, 24000, 42000])
        }
    })
    .save(&sixteen)
    .unwrap();
    let p = prepare(&sixteen).expect("16-bit PNG");
    assert!(is_red(pixel(&p, 5, 5)));
    // Transparency is laid on the page colour, not on black.
    let alpha = dir.path().join("alpha.png");
    RgbaImage::from_fn(400, 200, |x, _| {
        if x < 200 {
            Rgba([0, 0, 0, 0])
        } else {
            Rgba([200, 30, 30, 255])
        }
    })
    .save(&alpha)
    .unwrap();
    let p = prepare(&alpha).expect("alpha PNG");
    assert_eq!(pixel(&p, 10, 10), [0xF5, 0xEE, 0xE0, 255]);
    // The smallest picture there is.
    let one = dir.path().join("one.png");
    RgbImage::from_pixel(1, 1, Rgb([1, 2, 3]))
        .save(&one)
        .unwrap();
    assert_eq!(prepare(&one).map(|p| (p.0, p.1)), Some((1, 1)));
}

#[test]
fn a_huge_scan_is_shrunk_to_the_card() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("scan.png");
    RgbImage::from_pixel(12000, 9000, Rgb([240, 230, 210]))
        .save(&big)
        .unwrap();
    let p = prepare(&big).expect("a 108-megapixel scan");
    let (mw, mh) = Variant::Card.max_size();
    assert!(
        p.0 <= mw && p.1 <= mh && (p.0 == mw || p.1 == mh),
        "{}×{}",
        p.0,
        p.1
    );
}

#[test]
fn broken_files_are_refused_never_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.png");
    marked().save(&good).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated.png", bytes[..bytes.len() / 3].to_vec()),
        ("zero.jpg", Vec::new()),
        (
            "text.jpg",
            b"this is a text file with a picture's name".to_vec(),
        ),
        // A PNG header promising 100000 x 100000 pixels: a decompression bomb.
        ("bomb.png", {
            let mut b = bytes[..8].to_vec();
            let mut ihdr = b"IHDR".to_vec();
            ihdr.extend_from_slice(&100_000u32.to_be_bytes());
            ihdr.extend_from_slice(&100_000u32.to_be_bytes());
            ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
            b.extend_from_slice(&13u32.to_be_bytes());
            b.extend_from_slice(&ihdr);
            b.extend_from_slice(&[0, 0, 0, 0]);
            b
        }),
    ];
    for (name, content) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, content).unwrap();
        let started = std::time::Instant::now();
        assert!(prepare(&file).is_none(), "{name} was accepted");
        println!("{name} refused in {:?}", started.elapsed());
    }
}

#[test]
fn the_cache_is_used_and_an_edit_is_redone() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let file = dir.path().join("photo.jpg");
    jpeg_with_orientation(&file, 1);
    let (_, decoded) = prepare_cached(&file, Variant::Card, Some(cache.path())).unwrap();
    assert!(decoded, "the first time decodes the original");
    let (again, decoded) = prepare_cached(&file, Variant::Card, Some(cache.path())).unwrap();
    assert!(!decoded, "the second time comes from the cache");
    assert_eq!((again.width, again.height), (400, 200));
    // The curator edits the photo: new content, prepared anew.
    jpeg_with_orientation(&file, 6);
    let (edited, decoded) = prepare_cached(&file, Variant::Card, Some(cache.path())).unwrap();
    assert!(decoded, "an edited photo is redone");
    assert_eq!((edited.width, edited.height), (200, 400));
}

#[test]
fn one_decode_makes_every_size_the_kiosk_draws() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let file = dir.path().join("scan.jpg");
    // Stored sideways (EXIF 6), 3000×2000: upright it is 2000×3000.
    let img = RgbImage::from_fn(3000, 2000, |x, y| Rgb([(x / 12) as u8, (y / 8) as u8, 90]));
    let mut out = Vec::new();
    let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80);
    enc.set_exif_metadata(exif_orientation(6)).unwrap();
    enc.write_image(img.as_raw(), 3000, 2000, image::ExtendedColorType::Rgb8)
        .unwrap();
    std::fs::write(&file, out).unwrap();

    assert!(kiosk::media::ensure_cached(&file, Some(cache.path())).unwrap());
    assert!(
        !kiosk::media::ensure_cached(&file, Some(cache.path())).unwrap(),
        "a second start decodes nothing"
    );
    for (variant, size) in [
        (Variant::Card, (333, 500)),
        (Variant::Detail, (733, 1100)),
        (Variant::Full, (1280, 1920)),
    ] {
        let (p, decoded) = prepare_cached(&file, variant, Some(cache.path())).unwrap();
        assert!(!decoded, "{variant:?} came from the one decode");
        let got = (p.width, p.height);
        assert!(
            got.0.abs_diff(size.0) <= 1 && got.1 == size.1,
            "{variant:?}: {got:?}, expected about {size:?}"
        );
    }
}

#[test]
fn check_tells_each_image_its_size_turn_and_trouble() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let sideways = dir.path().join("sideways.jpg");
    jpeg_with_orientation(&sideways, 6);
    let broken = dir.path().join("broken.jpg");
    std::fs::write(&broken, "not a picture").unwrap();
    // A valid JPEG padded past 30 MB (decoders stop at its end marker).
    let huge = dir.path().join("huge.jpg");
    jpeg_with_orientation(&huge, 1);
    let mut bytes = std::fs::read(&huge).unwrap();
    bytes.resize(31 * 1024 * 1024, 0);
    std::fs::write(&huge, bytes).unwrap();

    let at = kiosk::profile::Position::START;
    let check =
        |f: &Path| kiosk::media::check_image(f, Some(cache.path()), "profile.ron", at, "x.jpg");
    let (info, problems) = check(&sideways);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((info.width, info.height), (400, 200));
    assert_eq!(info.format.as_deref(), Some("JPEG"));
    assert!(info.turned.unwrap().contains("90°"), "{info}");
    assert!(info.to_string().contains("turned upright"), "{info}");

    let (info, problems) = check(&broken);
    assert!(info.error.is_some());
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("cannot be decoded"))
    );

    let (info, problems) = check(&huge);
    assert!(info.error.is_none() && info.turned.is_none(), "{info}");
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("31 MB, too large")),
        "{problems:?}"
    );
}

#[test]
fn a_jpeg_cut_short_is_refused_though_the_decoder_would_fill_it_in() {
    let dir = tempfile::tempdir().unwrap();
    let whole = dir.path().join("whole.jpg");
    // With an EXIF block: its thumbnail-like data must not be taken for the end.
    jpeg_with_orientation(&whole, 6);
    let bytes = std::fs::read(&whole).unwrap();
    assert!(kiosk::media::jpeg_is_complete(&bytes));
    assert!(prepare(&whole).is_some());
    for keep in [bytes.len() - 2, bytes.len() / 2, 700] {
        let cut = dir.path().join(format!("cut-{keep}.jpg"));
        std::fs::write(&cut, &bytes[..keep]).unwrap();
        assert!(prepare(&cut).is_none(), "cut to {keep} bytes was accepted");
    }
    // A progressive JPEG (several scans) that is whole is accepted.
    let progressive = dir.path().join("progressive.jpg");
    magick(&[
        whole.to_str().unwrap(),
        "-interlace",
        "JPEG",
        progressive.to_str().unwrap(),
    ]);
    assert!(kiosk::media::jpeg_is_complete(
        &std::fs::read(&progressive).unwrap()
    ));
}

/// A 12-megapixel photo with detail everywhere: gradients, a red corner,
/// fine stripes (what a scaled decode could blur or shift).
fn busy_photo(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| {
        if x < w / 10 && y < h / 10 {
            Rgb([220, 20, 20])
        } else if (x / 40 + y / 40) % 2 == 0 {
            Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 120])
        } else {
            Rgb([30, 90, ((x + y) % 256) as u8])
        }
    })
}

fn jpeg_bytes(img: &RgbImage, orientation: Option<u16>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90);
    if let Some(o) = orientation {
        enc.set_exif_metadata(exif_orientation(o)).unwrap();
    }
    enc.write_image(
        img.as_raw(),
        img.width(),
        img.height(),
        image::ExtendedColorType::Rgb8,
    )
    .unwrap();
    out
}

/// The mean difference of two pictures per channel, and the share of
/// pixels where some channel differs by more than 24.
fn difference(a: &image::DynamicImage, b: &image::DynamicImage) -> (f64, f64) {
    // Softened first: two good ways of shrinking blur a hard edge a little
    // differently, and that is no difference a visitor sees.
    let soft = |i: &image::DynamicImage| image::imageops::blur(&i.to_rgb8(), 1.5);
    let (a, b) = (soft(a), soft(b));
    assert_eq!(a.dimensions(), b.dimensions());
    let (mut sum, mut far) = (0u64, 0usize);
    for (pa, pb) in a.pixels().zip(b.pixels()) {
        let d: Vec<u8> = pa.0.iter().zip(pb.0).map(|(x, y)| x.abs_diff(y)).collect();
        sum += d.iter().map(|&v| u64::from(v)).sum::<u64>();
        far += usize::from(d.iter().any(|&v| v > 24));
    }
    let n = (a.width() * a.height()) as f64;
    (sum as f64 / (n * 3.0), far as f64 / n)
}

#[test]
fn a_big_jpeg_decoded_at_scale_is_the_picture_a_full_decode_makes() {
    use kiosk::media::{Decode, prepare_decoded};
    let photo = busy_photo(4000, 3000);
    // As a phone stores it: upright, and turned sideways with an EXIF note.
    for orientation in [None, Some(6)] {
        let bytes = jpeg_bytes(&photo, orientation);
        let scaled = prepare_decoded(&bytes, Decode::Scaled).unwrap();
        let full = prepare_decoded(&bytes, Decode::Full).unwrap();
        for ((s, f), v) in scaled.iter().zip(&full).zip(["full", "detail", "card"]) {
            // The full-screen size decoded at 1/2 is kept when it is within
            // a tenth of the full decode's (2000×1500 for 1920×1440), so it
            // is compared at that size.
            let near = |a: u32, b: u32| b <= a && a * 10 <= b * 11;
            assert!(
                near(s.width(), f.width()) && near(s.height(), f.height()),
                "{v}: {}×{} for {}×{}",
                s.width(),
                s.height(),
                f.width(),
                f.height()
            );
            let s = &s.resize_exact(f.width(), f.height(), image::imageops::FilterType::Triangle);
            let (mean, far) = difference(s, f);
            assert!(
                // Measured: a mean of 1.5–4 (of 255), and at most 1.5% of
                // pixels far apart, on the squares' hard edges. A picture
                // shifted by a pixel, turned or in the wrong colours is many
                // times that.
                mean < 5.0 && far < 0.03,
                "{v} ({orientation:?}): mean difference {mean:.2}, {:.2}% of pixels far",
                far * 100.0
            );
        }
        // Upright either way: the red corner is at the top left.
        let card = scaled[2].to_rgb8();
        let corner = card.get_pixel(3, 3).0;
        let turned = orientation.is_some();
        let expect_red = !turned;
        assert_eq!(corner[0] > 150 && corner[1] < 90, expect_red, "{corner:?}");
    }
}

#[test]
fn grey_and_cmyk_jpegs_and_webp_show_in_their_colours() {
    let dir = tempfile::tempdir().unwrap();
    // A big grey scan takes the scaled decode; a big CMYK one the general
    // decoder (which converts its colours).
    let base = dir.path().join("big.png");
    busy_photo(4000, 3000).save(&base).unwrap();
    let b = base.to_str().unwrap();
    let grey = dir.path().join("grey.jpg");
    magick(&[b, "-colorspace", "Gray", grey.to_str().unwrap()]);
    let p = prepare(&grey).expect("a big grey JPEG");
    assert_eq!((p.0, p.1), (400, 300));
    let px = pixel(&p, 3, 3);
    assert!(px[0] == px[1] && px[1] == px[2], "grey stays grey: {px:?}");
    let cmyk = dir.path().join("cmyk.jpg");
    magick(&[b, "-colorspace", "CMYK", cmyk.to_str().unwrap()]);
    let p = prepare(&cmyk).expect("a big CMYK JPEG");
    assert!(is_red(pixel(&p, 3, 3)), "{:?}", pixel(&p, 3, 3));
    // WebP, as a messaging app saves a photo.
    let webp = dir.path().join("photo.webp");
    let img = marked();
    image::codecs::webp::WebPEncoder::new_lossless(std::fs::File::create(&webp).unwrap())
        .write_image(img.as_raw(), 400, 200, image::ExtendedColorType::Rgb8)
        .unwrap();
    let p = prepare(&webp).expect("WebP");
    assert_eq!((p.0, p.1), (400, 200));
    assert!(is_red(pixel(&p, 5, 5)));
}
