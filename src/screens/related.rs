//! What leads on from a person's page: others from the same work unit, then
//! of the same sector and decade; and, where the exhibition has a share
//! address, a QR code to read the page at home (the kiosk itself never opens
//! an address).

use super::{ViewModel, text, widgets};
use crate::media::Variant;
use crate::theme;
use crate::visit::Action;
use bevy_egui::egui::{self, Align2, Color32, CornerRadius, Rect, RichText, Sense, Ui, pos2, vec2};
use std::sync::Arc;

/// A related person: a small portrait above two rows of name.
const TILE: egui::Vec2 = vec2(150.0, 210.0);
const TILE_PHOTO: egui::Vec2 = vec2(112.0, 140.0);
/// The QR code's side, its quiet zone (in modules, as the standard asks)
/// and the room its two lines of caption take below it.
pub const QR_SIDE: f32 = 176.0;
const QR_QUIET: usize = 4;
pub const QR_CAPTION_H: f32 = 72.0;

/// 相关人物 · Related people, as a row of small tiles; returns the one tapped.
pub fn related_people(ui: &mut Ui, m: &ViewModel, i: usize) -> Option<Action> {
    let related = m.library.related(i);
    if related.is_empty() {
        return None;
    }
    let lang = m.visit.lang;
    ui.add_space(24.0);
    ui.label(
        RichText::new(lang.pick("相关人物", "Related people"))
            .font(theme::heading(theme::NAME))
            .color(theme::INK),
    );
    ui.add_space(8.0);
    let mut tapped = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = vec2(16.0, 16.0);
        for j in related {
            let person = &m.library.people[j];
            let (rect, response) = ui.allocate_exact_size(TILE, Sense::click());
            widgets::name(&response, person.profile.name.get(lang));
            if response.is_pointer_button_down_on() {
                let (fill, _) = theme::pressed(theme::PAPER);
                ui.painter()
                    .rect_filled(rect, CornerRadius::same(theme::RADIUS), fill);
            }
            let photo = Rect::from_min_size(
                pos2(rect.center().x - TILE_PHOTO.x / 2.0, rect.top() + 6.0),
                TILE_PHOTO,
            );
            widgets::portrait(ui, m, person, photo, Variant::Card, 6);
            let ink = if response.is_pointer_button_down_on() {
                theme::ON_DARK
            } else {
                theme::INK
            };
            let name = person.profile.name.get(lang).to_owned();
            let g = text::clipped_text(ui, name, theme::small(), ink, TILE.x - 8.0, 2);
            ui.painter().galley(
                pos2(rect.center().x - g.size().x / 2.0, photo.bottom() + 6.0),
                g,
                ink,
            );
            if response.clicked() {
                tapped = Some(Action::Open(person.slug.clone()));
            }
        }
    });
    tapped
}

/// The person's page to take home: a QR code of `address` whose top right
/// corner is `top_right`, and "扫码带回家 · Scan to read at home" under it.
pub fn share_code(ui: &Ui, address: &str, top_right: egui::Pos2) {
    // Made once per address (kept in egui's memory), not in every frame.
    let code: Option<Arc<(usize, Vec<bool>)>> = ui.ctx().data_mut(|d| {
        d.get_temp_mut_or_insert_with(egui::Id::new(("qr", address)), || {
            let code = qrcode::QrCode::new(address.as_bytes()).ok()?;
            let dark = code.to_colors().into_iter();
            let dark = dark.map(|c| c == qrcode::Color::Dark).collect();
            Some(Arc::new((code.width(), dark)))
        })
        .clone()
    });
    // An address of thousands of characters has no QR code: none is drawn.
    let Some(code) = code else {
        return;
    };
    let (modules, dark) = (code.0, &code.1);
    let side = modules + 2 * QR_QUIET;
    // Whole pixels a module, so that every edge is sharp for a phone.
    let ppp = ui.ctx().pixels_per_point();
    let module = ((QR_SIDE * ppp / side as f32).floor() / ppp).max(1.0 / ppp);
    let size = module * side as f32;
    let min = pos2(top_right.x - size, top_right.y);
    let painter = ui.painter();
    painter.rect_filled(
        Rect::from_min_size(min, vec2(size, size)),
        0,
        Color32::WHITE,
    );
    for (n, &is_dark) in dark.iter().enumerate() {
        if is_dark {
            let (x, y) = (
                (n % modules + QR_QUIET) as f32,
                (n / modules + QR_QUIET) as f32,
            );
            let r = Rect::from_min_size(min + vec2(x * module, y * module), vec2(module, module));
            painter.rect_filled(r, 0, Color32::BLACK);
        }
    }
    let centre = min.x + size / 2.0;
    painter.text(
        pos2(centre, min.y + size + 8.0),
        Align2::CENTER_TOP,
        "扫码带回家",
        theme::small(),
        theme::INK,
    );
    painter.text(
        pos2(centre, min.y + size + 38.0),
        Align2::CENTER_TOP,
        "Scan to read at home",
        egui::FontId::new(theme::SMALL * 0.85, crate::fonts::latin()),
        theme::ink_soft(),
    );
}
