//! One photo or document, full screen: pinch or double-tap to zoom, drag to
//! pan, swipe to the next item, a big close button.

use super::framing::{FULL_UV, Fit};
use super::{ViewModel, nav, text, widgets};
use crate::images::Picture;
use crate::library::Person;
use crate::media::Variant;
use crate::profile::Media;
use crate::theme;
use crate::visit::{Action, Screen, ScreenUi, ViewerZoom};
use bevy_egui::egui::{self, Align2, Rect, Sense, Ui, pos2, vec2};

const MAX_ZOOM: f32 = 5.0;
/// A double tap zooms this far, around the finger.
const DOUBLE_TAP_ZOOM: f32 = 2.5;
/// Room above the picture (name and place) and below it (the caption).
const TOP_H: f32 = 100.0;
const CAPTION_H: f32 = 110.0;

pub fn view(ui: &mut Ui, m: &ViewModel, state: &mut ScreenUi) -> Option<Action> {
    let full = ui.max_rect();
    let person = m.visit.person.as_deref().and_then(|s| m.library.get(s))?;
    let media = person.profile.media.get(m.visit.media)?;
    // Close, previous and next in the bottom bar, within reach.
    let (above, mut action) = nav::bottom_bar(ui, m, full, Screen::Viewer);
    let stage = Rect::from_min_max(
        full.min + vec2(0.0, TOP_H),
        above.max - vec2(0.0, CAPTION_H),
    );
    let file = person
        .media_files
        .get(m.visit.media)
        .and_then(Option::as_deref);
    let picture = m.images.person_picture(file, Variant::Full);
    let response = ui.interact(stage, ui.id().with("stage"), Sense::click_and_drag());
    zoom_and_pan(ui, &response, stage, &mut state.zoom);
    match picture {
        Picture::Ready(id, size) => show(ui, stage, id, size, &mut state.zoom),
        Picture::Loading | Picture::Broken => {
            ui.painter().text(
                stage.center(),
                Align2::CENTER_CENTER,
                media.kind.label(m.visit.lang),
                theme::heading(theme::HEADING),
                if theme::high_contrast() {
                    theme::ON_DARK
                } else {
                    theme::ON_DARK.gamma_multiply(0.4)
                },
            );
        }
    }
    caption_and_place(ui, m, person, media, full, above);
    if action.is_none()
        && state.zoom.zoom <= 1.0
        && let Some(step) = widgets::swipe(ui, stage)
    {
        action = Some(Action::StepMedia(step));
    }
    action
}

/// Pinch (or ctrl+wheel) zooms around the fingers, a double tap zooms in
/// or back out, and a drag pans while zoomed.
fn zoom_and_pan(ui: &Ui, response: &egui::Response, stage: Rect, zoom: &mut ViewerZoom) {
    let (pinch, pinch_at) = ui.input(|i| (i.zoom_delta(), i.multi_touch().map(|t| t.center_pos)));
    if pinch != 1.0 {
        let old = zoom.zoom;
        zoom.zoom = (zoom.zoom * pinch).clamp(1.0, MAX_ZOOM);
        if let Some(at) = pinch_at {
            let from_center = at - stage.center() - zoom.pan;
            zoom.pan -= from_center * (zoom.zoom / old - 1.0);
        }
    }
    if response.double_clicked() {
        if zoom.zoom > 1.01 {
            *zoom = ViewerZoom::default();
        } else if let Some(at) = response.interact_pointer_pos() {
            zoom.zoom = DOUBLE_TAP_ZOOM;
            zoom.pan = -(at - stage.center()) * (DOUBLE_TAP_ZOOM - 1.0);
        }
    }
    if zoom.zoom > 1.0 && response.dragged() {
        zoom.pan += response.drag_delta();
    }
    if zoom.zoom <= 1.0 {
        zoom.pan = egui::Vec2::ZERO;
    }
}

/// The picture fitted to the stage, zoomed and panned.
fn show(ui: &Ui, stage: Rect, id: egui::TextureId, size: egui::Vec2, zoom: &mut ViewerZoom) {
    let rect = placed(stage, size, zoom);
    ui.painter()
        .with_clip_rect(stage)
        .image(id, rect, FULL_UV, egui::Color32::WHITE);
}

/// Where a picture of `size` is drawn: whole on the stage, as documents are
/// everywhere (a photo too: this is where it is seen uncropped), then
/// zoomed; panning stops at its edges, so it never leaves the screen.
fn placed(stage: Rect, size: egui::Vec2, zoom: &mut ViewerZoom) -> Rect {
    let (whole, _) = Fit::Whole.place(size, stage);
    let shown = whole.size() * zoom.zoom;
    let max_pan = ((shown - stage.size()) / 2.0).max(egui::Vec2::ZERO);
    zoom.pan = zoom.pan.clamp(-max_pan, max_pan);
    Rect::from_center_size(stage.center() + zoom.pan, shown)
}

/// The caption under the picture (with its year, unless the caption says
/// it), and "name · 2 / 5" above it.
fn caption_and_place(
    ui: &Ui,
    m: &ViewModel,
    person: &Person,
    media: &Media,
    full: Rect,
    above: Rect,
) {
    let lang = m.visit.lang;
    let caption = match media.year {
        Some(y) if !media.caption.get(lang).contains(&y.to_string()) => {
            format!("{y} · {}", media.caption.get(lang))
        }
        _ => media.caption.get(lang).to_owned(),
    };
    let g = text::clipped_text(
        ui,
        caption,
        theme::body(),
        theme::ON_DARK,
        full.width() - 160.0,
        2,
    );
    ui.painter().galley(
        pos2(
            full.center().x - g.size().x / 2.0,
            above.bottom() - CAPTION_H / 2.0 - g.size().y / 2.0,
        ),
        g,
        theme::ON_DARK,
    );
    let count = person.profile.media.len();
    ui.painter().text(
        pos2(full.center().x, full.top() + TOP_H / 2.0),
        Align2::CENTER_CENTER,
        format!(
            "{} · {} / {count}",
            person.profile.name.get(lang),
            m.visit.media + 1
        ),
        theme::body(),
        theme::ON_DARK,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tall_screenshot_is_seen_whole_until_zoomed() {
        let stage = Rect::from_min_size(pos2(0.0, 100.0), vec2(1920.0, 770.0));
        let screenshot = vec2(1080.0, 2340.0);
        let mut zoom = ViewerZoom::default();
        let rect = placed(stage, screenshot, &mut zoom);
        assert!(stage.expand(1e-3).contains_rect(rect), "{rect:?}");
        assert!((rect.height() - stage.height()).abs() < 1e-3);
        assert!((rect.width() / rect.height() - 1080.0 / 2340.0).abs() < 1e-4);
        // Zoomed and dragged far down, it stops at its own top edge.
        zoom.zoom = 2.0;
        zoom.pan = vec2(0.0, 10_000.0);
        let rect = placed(stage, screenshot, &mut zoom);
        assert!((rect.top() - stage.top()).abs() < 1e-3, "{rect:?}");
    }
}
