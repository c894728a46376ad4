//! How a picture fills its frame. A photo covers the frame and is cropped:
//! a portrait around the face (where its profile says the face is, else the
//! upper part, where faces are). A document (a certificate, a letter, a
//! phone screenshot) is shown whole, fitted inside the frame on a mat: a
//! certificate cropped loses its 奖状 heading, and a tall screenshot cropped
//! to a wide thumbnail is only its grey status bar.
//!
//! Only geometry here, in the picture's fractions (uv) and the screen's
//! points, so that it is tested without a window; `widgets::picture` draws.

use crate::profile::{MediaKind, PortraitFocus};
use bevy_egui::egui::{Pos2, Rect, Vec2, pos2};

/// Where a cropped picture keeps its subject.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Focus {
    /// Nothing said: centred across, and from top to bottom a fifth of the
    /// way down what is cut off, so that more goes from the bottom than
    /// from the top (a face is rarely in the vertical middle of a photo).
    Upper,
    /// This point of the picture (fractions of its width and height from
    /// its top-left) as near the frame's centre as the picture allows.
    At(Pos2),
}

impl Focus {
    /// A portrait's: where its profile says the face is, if it says.
    pub fn of_portrait(focus: Option<PortraitFocus>) -> Self {
        focus.map_or(Focus::Upper, |f| Focus::At(pos2(f.x, f.y)))
    }
}

/// How a picture fills its frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fit {
    /// Covers the whole frame, cropped (never stretched) around the focus.
    Cover(Focus),
    /// Whole, inside the frame, its shape kept, on a mat filling the rest.
    Whole,
}

impl Fit {
    /// A photo or document among a person's pictures.
    pub fn of_media(kind: MediaKind) -> Self {
        match kind {
            MediaKind::Photo => Fit::Cover(Focus::Upper),
            MediaKind::Document => Fit::Whole,
        }
    }

    /// Where a picture of `image` size is drawn in `frame`, and which part
    /// of it (uv): for `Cover` the whole frame and part of the picture, for
    /// `Whole` part of the frame and the whole picture.
    pub fn place(self, image: Vec2, frame: Rect) -> (Rect, Rect) {
        match self {
            Fit::Cover(focus) => (frame, cover_uv(image, frame.size(), focus)),
            Fit::Whole => (whole_rect(image, frame), FULL_UV),
        }
    }
}

/// The whole picture.
pub const FULL_UV: Rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));

/// The part of a picture of `image` size that covers a `frame` size, keeping
/// `focus` as near the frame's centre as the picture allows.
pub fn cover_uv(image: Vec2, frame: Vec2, focus: Focus) -> Rect {
    if image.x <= 0.0 || image.y <= 0.0 || frame.x <= 0.0 || frame.y <= 0.0 {
        return FULL_UV;
    }
    let image_aspect = image.x / image.y;
    let frame_aspect = frame.x / frame.y;
    // The share of the picture's width and height that shows: one of them whole.
    let (w, h) = if image_aspect > frame_aspect {
        (frame_aspect / image_aspect, 1.0)
    } else {
        (1.0, image_aspect / frame_aspect)
    };
    let (left, top) = match focus {
        Focus::Upper => ((1.0 - w) / 2.0, (1.0 - h) * 0.2),
        Focus::At(p) => (start_around(p.x, w), start_around(p.y, h)),
    };
    Rect::from_min_max(pos2(left, top), pos2(left + w, top + h))
}

/// Where a window of `share` of a side starts for `at` to be at its middle,
/// moved only as far as needed to stay on the picture.
fn start_around(at: f32, share: f32) -> f32 {
    let at = if at.is_finite() { at } else { 0.5 };
    (at - share / 2.0).clamp(0.0, 1.0 - share)
}

/// The largest rect with the picture's shape inside `frame`, centred in it.
pub fn whole_rect(image: Vec2, frame: Rect) -> Rect {
    if image.x <= 0.0 || image.y <= 0.0 {
        return frame;
    }
    let scale = (frame.width() / image.x).min(frame.height() / image.y);
    Rect::from_center_size(frame.center(), image * scale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy_egui::egui::vec2;

    const EPS: f32 = 1e-4;

    fn aspect(r: Rect) -> f32 {
        r.width() / r.height()
    }

    #[test]
    fn a_document_is_drawn_whole_inside_its_frame_in_its_own_shape() {
        let frame = Rect::from_min_size(pos2(100.0, 50.0), vec2(200.0, 104.0));
        // A certificate (landscape), a tall phone screenshot, a letter.
        for image in [
            vec2(1600.0, 1130.0),
            vec2(1080.0, 2340.0),
            vec2(850.0, 1100.0),
        ] {
            let (drawn, uv) = Fit::Whole.place(image, frame);
            assert_eq!(uv, FULL_UV, "the whole picture, nothing cropped");
            assert!(
                frame.expand(EPS).contains_rect(drawn),
                "{drawn:?} in {frame:?}"
            );
            assert!((aspect(drawn) - image.x / image.y).abs() < EPS, "{image:?}");
            // As large as the frame allows: it meets two of its sides.
            assert!(
                (drawn.width() - frame.width()).abs() < EPS
                    || (drawn.height() - frame.height()).abs() < EPS
            );
            assert!((drawn.center() - frame.center()).length() < EPS);
        }
        // The screenshot is as tall as the thumbnail and much narrower.
        let (drawn, _) = Fit::Whole.place(vec2(1080.0, 2340.0), frame);
        assert!((drawn.height() - 104.0).abs() < EPS && drawn.width() < 50.0);
    }

    #[test]
    fn a_photo_still_covers_its_frame() {
        let frame = Rect::from_min_size(pos2(0.0, 0.0), vec2(200.0, 104.0));
        let image = vec2(1080.0, 2340.0);
        let (drawn, uv) = Fit::of_media(MediaKind::Photo).place(image, frame);
        assert_eq!(drawn, frame);
        // The part shown has the frame's shape (in the picture's pixels).
        let shown = vec2(uv.width() * image.x, uv.height() * image.y);
        assert!((shown.x / shown.y - 200.0 / 104.0).abs() < 1e-3);
        assert!(FULL_UV.expand(EPS).contains_rect(uv));
        assert_eq!(Fit::of_media(MediaKind::Document), Fit::Whole);
    }

    #[test]
    fn the_default_crop_keeps_the_upper_part() {
        // A 3:5 photo in a 4:5 frame: a quarter of the height must go.
        let uv = cover_uv(vec2(600.0, 1000.0), vec2(400.0, 500.0), Focus::Upper);
        assert!((uv.height() - 0.75).abs() < EPS && (uv.width() - 1.0).abs() < EPS);
        // More is cut from the bottom than from the top.
        assert!(uv.top() < 1.0 - uv.bottom(), "{uv:?}");
        assert!(uv.top() < 0.125, "above the middle crop: {uv:?}");
        // A wide photo is cropped at its sides, equally.
        let wide = cover_uv(vec2(1600.0, 900.0), vec2(400.0, 500.0), Focus::Upper);
        assert!((wide.left() - (1.0 - wide.right())).abs() < EPS);
        assert!((wide.height() - 1.0).abs() < EPS);
    }

    #[test]
    fn the_crop_centres_the_focus_as_far_as_the_picture_allows() {
        let frame = vec2(400.0, 500.0);
        // A tall photo, face a third down: the face is at the crop's middle.
        let uv = cover_uv(vec2(600.0, 1500.0), frame, Focus::At(pos2(0.5, 0.35)));
        assert!((uv.height() - 0.5).abs() < EPS, "{uv:?}");
        assert!((uv.center().y - 0.35).abs() < EPS, "{uv:?}");
        // A face near the bottom: the crop stops at the picture's edge, and
        // still holds the face.
        let low = cover_uv(vec2(600.0, 1500.0), frame, Focus::At(pos2(0.5, 0.95)));
        assert!((low.bottom() - 1.0).abs() < EPS && low.contains(pos2(0.5, 0.95)));
        // A group photo, the person at the right: the crop moves right.
        let group = cover_uv(vec2(2000.0, 1000.0), frame, Focus::At(pos2(0.8, 0.3)));
        assert!((group.center().x - 0.8).abs() < EPS, "{group:?}");
        assert!((group.height() - 1.0).abs() < EPS);
        let left = cover_uv(vec2(2000.0, 1000.0), frame, Focus::At(pos2(0.05, 0.3)));
        assert!(left.left().abs() < EPS && left.contains(pos2(0.05, 0.3)));
    }

    #[test]
    fn a_portrait_focus_from_the_profile_is_used() {
        let focus = PortraitFocus { x: 0.7, y: 0.2 };
        assert_eq!(Focus::of_portrait(Some(focus)), Focus::At(pos2(0.7, 0.2)));
        assert_eq!(Focus::of_portrait(None), Focus::Upper);
    }
}
