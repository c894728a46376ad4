//! How pictures fill their frames. A document is drawn whole, on a mat that
//! fills the rest of its frame; a photo covers its frame. And
//! `portrait_focus: (x: 0.5, y: 0.3)`, where the face is in a portrait: it
//! is read, a value off the picture is told at its own line and column, and
//! typed with a Chinese input method it is told character by character.

use crate::check::{VALID, folder};
use bevy_egui::egui::{self, Rect, epaint::Shape, pos2, vec2};
use kiosk::images::Picture;
use kiosk::profile::{MediaKind, PortraitFocus, Profile, ProfileDir, Severity, load_profile};
use kiosk::screens::framing::{FULL_UV, Fit};
use kiosk::screens::widgets;
use kiosk::theme;
use kiosk::tools::check::check;

/// The rects `widgets::picture` paints for a picture of `size` in `frame`:
/// (rect, fill, uv when textured).
fn painted(size: egui::Vec2, frame: Rect, fit: Fit) -> Vec<(Rect, egui::Color32, Option<Rect>)> {
    let texture = egui::TextureId::User(7);
    let ctx = egui::Context::default();
    let out = ctx.run_ui(egui::RawInput::default(), |ui| {
        widgets::picture(ui, frame, Picture::Ready(texture, size), "资", 6, fit);
    });
    out.shapes
        .into_iter()
        .filter_map(|clipped| match clipped.shape {
            Shape::Rect(r) => {
                let textured = (r.brush.as_ref().map(|b| b.fill_texture_id) == Some(texture))
                    .then(|| r.brush.as_ref().map(|b| b.uv))
                    .flatten();
                Some((r.rect, r.fill, textured))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_document_is_drawn_whole_on_a_mat_and_a_photo_covers_its_frame() {
    let frame = Rect::from_min_size(pos2(40.0, 300.0), vec2(200.0, 104.0));
    // A tall phone screenshot, as a document's thumbnail.
    let screenshot = vec2(1080.0, 2340.0);
    let shapes = painted(screenshot, frame, Fit::of_media(MediaKind::Document));
    let mat = shapes.iter().find(|s| s.2.is_none() && s.1 == theme::MAT);
    assert_eq!(
        mat.map(|s| s.0),
        Some(frame),
        "the mat fills the frame: {shapes:#?}"
    );
    let picture = shapes.iter().find(|s| s.2.is_some()).expect("the picture");
    assert_eq!(picture.2, Some(FULL_UV), "all of it");
    assert!(frame.contains_rect(picture.0.shrink(1e-3)), "{picture:?}");
    let shape = picture.0.width() / picture.0.height();
    assert!(
        (shape - screenshot.x / screenshot.y).abs() < 1e-3,
        "{picture:?}"
    );
    assert!((picture.0.height() - frame.height()).abs() < 1e-3);
    // The same picture as a photo: cropped to cover the frame, no mat.
    let shapes = painted(screenshot, frame, Fit::of_media(MediaKind::Photo));
    assert!(!shapes.iter().any(|s| s.2.is_none() && s.1 == theme::MAT));
    let picture = shapes.iter().find(|s| s.2.is_some()).expect("the picture");
    assert_eq!(picture.0, frame);
    assert!(picture.2.unwrap().height() < 0.3, "{picture:?}");
}

/// `VALID` with a focus line after the portrait's.
fn with_focus(line: &str) -> String {
    let portrait = "    portrait: \"portrait.png\",\n";
    assert!(VALID.contains(portrait));
    VALID.replacen(portrait, &format!("{portrait}    {line}\n"), 1)
}

/// The profile as the kiosk loads it, and the check's errors:
/// (line, column, message).
fn load(text: &str) -> (Option<Profile>, Vec<(usize, usize, String)>) {
    let dir = folder(&[("ce-shiren", text.as_bytes())]);
    let loaded = load_profile(
        &ProfileDir {
            root: dir.path(),
            slug: "ce-shiren",
        },
        text.as_bytes(),
    );
    let errors = check(dir.path())
        .problems
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| (p.line, p.col, p.message))
        .collect();
    (
        loaded
            .value
            .filter(|_| !loaded.problems.iter().any(|p| p.is_error())),
        errors,
    )
}

/// Line and column (in characters) of `needle` in `text`.
fn at(text: &str, needle: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find_map(|(n, line)| {
            line.find(needle)
                .map(|b| (n + 1, line[..b].chars().count() + 1))
        })
        .unwrap_or_else(|| panic!("{needle} not in the text"))
}

#[test]
fn the_focus_is_read_and_is_optional() {
    let (profile, errors) = load(&with_focus("portrait_focus: (x: 0.5, y: 0.3),"));
    assert_eq!(errors, vec![]);
    assert_eq!(
        profile.unwrap().portrait_focus,
        Some(PortraitFocus { x: 0.5, y: 0.3 })
    );
    // Whole numbers are fractions too: the picture's corner.
    let (profile, errors) = load(&with_focus("portrait_focus: (x: 1, y: 0),"));
    assert_eq!(errors, vec![]);
    assert_eq!(
        profile.unwrap().portrait_focus,
        Some(PortraitFocus { x: 1.0, y: 0.0 })
    );
    let (profile, _) = load(VALID);
    assert_eq!(profile.unwrap().portrait_focus, None);
}

#[test]
fn a_focus_off_the_picture_is_told_at_its_value() {
    let text = with_focus("portrait_focus: (x: 0.5, y: 30),");
    let (profile, errors) = load(&text);
    assert!(
        profile.is_none(),
        "an error keeps the profile off the kiosk"
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let (line, col) = at(&text, "y: 30");
    assert_eq!((errors[0].0, errors[0].1), (line, col), "{errors:#?}");
    let message = &errors[0].2;
    assert!(
        message.starts_with("portrait_focus 的 y 为 30，应在 0 到 1 之间"),
        "Chinese first: {message}"
    );
    assert!(message.contains("must be between 0 and 1"), "{message}");
    // Both wrong: two errors, each at its own value.
    let text = with_focus("portrait_focus: (x: -0.2, y: 1.5),");
    let (_, errors) = load(&text);
    let places: Vec<_> = errors.iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(places, vec![at(&text, "x: -0.2"), at(&text, "y: 1.5")]);
}

#[test]
fn a_misspelt_or_missing_part_of_the_focus_is_told() {
    let text = with_focus("portrait_focus: (x: 0.5, z: 0.3),");
    let (_, errors) = load(&text);
    assert!(!errors.is_empty());
    assert_eq!(
        (errors[0].0, errors[0].1),
        at(&text, "z: 0.3"),
        "{errors:#?}"
    );
    assert!(errors[0].2.contains("unknown field `z`"), "{errors:#?}");
    let (_, errors) = load(&with_focus("portrait_focus: (x: 0.5),"));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].2.contains("missing field `y`"), "{errors:#?}");
}

#[test]
fn the_focus_typed_with_a_chinese_input_method_is_told_character_by_character() {
    // Brackets, colons and the comma typed in Chinese: each told where it
    // is, and nothing else (the repaired copy reads).
    let text = with_focus("portrait_focus: （x：0.5，y：0.3）,");
    let (_, errors) = load(&text);
    let (line, _) = at(&text, "portrait_focus");
    let told: Vec<(usize, String)> = errors
        .iter()
        .map(|e| (e.1, e.2.split(" — ").next().unwrap_or("").to_owned()))
        .collect();
    assert!(errors.iter().all(|e| e.0 == line), "{errors:#?}");
    let col = |needle: &str| at(&text, needle).1;
    assert_eq!(
        told,
        vec![
            (
                col("（"),
                "这里是中文括号“（” · this is a Chinese bracket “（”".into()
            ),
            (
                col("：0.5"),
                "这里是中文冒号“：” · this is a Chinese colon “：”".into()
            ),
            (
                col("，"),
                "这里是中文逗号“，” · this is a Chinese comma “，”".into()
            ),
            (
                col("：0.3"),
                "这里是中文冒号“：” · this is a Chinese colon “：”".into()
            ),
            (
                col("）"),
                "这里是中文括号“）” · this is a Chinese bracket “）”".into()
            ),
        ],
        "{errors:#?}"
    );
    // Full-width digits and a full-width point: told at the number, once.
    let text = with_focus("portrait_focus: (x: ０．５, y: 0.3),");
    let (_, errors) = load(&text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!((errors[0].0, errors[0].1), at(&text, "０．５"));
    assert!(errors[0].2.contains("full-width"), "{errors:#?}");
    // All of it typed in Chinese: the digits are told among the rest, and
    // nothing is left for RON to call a syntax error.
    let text = with_focus("portrait_focus: （x：０．５，y：0.3）,");
    let (_, errors) = load(&text);
    assert_eq!(errors.len(), 6, "{errors:#?}");
    let digits = errors.iter().find(|e| e.2.contains("full-width"));
    assert_eq!(
        digits.map(|e| (e.0, e.1)),
        Some(at(&text, "０．５")),
        "{errors:#?}"
    );
    assert!(
        !errors.iter().any(|e| e.2.contains("syntax")),
        "{errors:#?}"
    );
}
