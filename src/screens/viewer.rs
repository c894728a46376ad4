//! One photo or document, full screen: pinch or double-tap to zoom, drag to
//! pan, swipe to the next item, a big close button.

use super::{Action, ViewModel, ViewerState};
use crate::images::Picture;
use crate::media::Variant;
use crate::profile::MediaKind;
use crate::theme;
use bevy_egui::egui::{self, Align2, Rect, Sense, Ui, pos2, vec2};

const MAX_ZOOM: f32 = 5.0;

pub fn view(ui: &mut Ui, m: &ViewModel, zoom: &mut ViewerState) -> Option<Action> {
    let lang = m.visit.lang;
    let full = ui.max_rect();
    let person = m.visit.person.as_deref().and_then(|s| m.library.get(s))?;
    let media = person.profile.media.get(m.visit.media)?;
    // Close, previous and next in the bottom bar, within reach.
    let (above, mut action) = super::nav::bottom_bar(ui, m, full, super::Screen::Viewer);
    let caption_h = 110.0;
    let stage = Rect::from_min_max(
        full.min + vec2(0.0, 100.0),
        above.max - vec2(0.0, caption_h),
    );
    let file = crate::profile::load::resolve_reference(m.profiles_root, &person.slug, &media.file);
    let picture = match &file {
        Ok(f) => m.images.get(f, Variant::Full),
        Err(_) => Picture::Broken,
    };
    let response = ui.interact(stage, ui.id().with("stage"), Sense::click_and_drag());

    // Pinch (or ctrl+wheel) zooms around the fingers; drag pans when zoomed.
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
            *zoom = ViewerState::default();
        } else if let Some(at) = response.interact_pointer_pos() {
            zoom.zoom = 2.5;
            zoom.pan = -(at - stage.center()) * 1.5;
        }
    }
    if zoom.zoom > 1.0 && response.dragged() {
        zoom.pan += response.drag_delta();
    }
    if zoom.zoom <= 1.0 {
        zoom.pan = egui::Vec2::ZERO;
    }

    match picture {
        Picture::Ready(id, size) => {
            let fit = (stage.width() / size.x).min(stage.height() / size.y);
            let shown = size * fit * zoom.zoom;
            // Keep the image on screen: panning stops at its edges.
            let max_pan = ((shown - stage.size()) / 2.0).max(egui::Vec2::ZERO);
            zoom.pan = zoom.pan.clamp(-max_pan, max_pan);
            let rect = Rect::from_center_size(stage.center() + zoom.pan, shown);
            ui.painter().with_clip_rect(stage).image(
                id,
                rect,
                Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                egui::Color32::WHITE,
            );
        }
        Picture::Loading | Picture::Broken => {
            let mark = match media.kind {
                MediaKind::Photo => lang.pick("照片", "Photo"),
                MediaKind::Document => lang.pick("资料", "Document"),
            };
            ui.painter().text(
                stage.center(),
                Align2::CENTER_CENTER,
                mark,
                theme::heading(theme::HEADING),
                if theme::high_contrast() {
                    theme::ON_DARK
                } else {
                    theme::ON_DARK.gamma_multiply(0.4)
                },
            );
        }
    }

    // Caption and place.
    let caption = match media.year {
        Some(y) if !media.caption.get(lang).contains(&y.to_string()) => {
            format!("{y} · {}", media.caption.get(lang))
        }
        _ => media.caption.get(lang).to_owned(),
    };
    let g = super::widgets::clipped_text(
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
            above.bottom() - caption_h / 2.0 - g.size().y / 2.0,
        ),
        g,
        theme::ON_DARK,
    );
    let count = person.profile.media.len();
    ui.painter().text(
        pos2(full.center().x, full.top() + 50.0),
        Align2::CENTER_CENTER,
        format!(
            "{} · {} / {count}",
            person.profile.name.get(lang),
            m.visit.media + 1
        ),
        theme::body(),
        theme::ON_DARK,
    );

    if action.is_none()
        && zoom.zoom <= 1.0
        && let Some(step) = super::widgets::swipe(ui, stage)
    {
        action = Some(Action::StepMedia(step));
    }
    action
}
