//! "Still there?": the idle countdown over whatever screen is showing, and
//! the veil that swallows the touch which woke the kiosk or cancelled it.

use crate::theme;
use bevy_egui::egui::{self, Align2, Color32, CornerRadius, Rect, Sense, Stroke, StrokeKind, vec2};

/// Over everything: the "Still there?" countdown, or (with no countdown) an
/// invisible layer that takes the touch that woke the kiosk, so it is not
/// also a tap on what lies beneath.
pub fn view(ctx: &egui::Context, countdown: Option<f32>) {
    let full = ctx.viewport_rect();
    egui::Area::new(egui::Id::new("modal"))
        .order(egui::Order::Foreground)
        .fixed_pos(full.min)
        .show(ctx, |ui| {
            let (rect, _) = ui.allocate_exact_size(full.size(), Sense::click_and_drag());
            let Some(left) = countdown else {
                return;
            };
            let painter = ui.painter();
            painter.rect_filled(rect, 0, Color32::from_black_alpha(150));
            let card = Rect::from_center_size(
                rect.center(),
                vec2(760.0_f32.min(rect.width() - 40.0), 520.0),
            );
            painter.rect(
                card,
                CornerRadius::same(16),
                theme::PAPER,
                Stroke::new(3.0, theme::GOLD),
                StrokeKind::Inside,
            );
            painter.text(
                card.center_top() + vec2(0.0, 70.0),
                Align2::CENTER_CENTER,
                "还在浏览吗？",
                theme::heading(theme::TITLE),
                theme::INK,
            );
            painter.text(
                card.center_top() + vec2(0.0, 135.0),
                Align2::CENTER_CENTER,
                "Still there?",
                theme::heading(theme::HEADING),
                theme::ink_soft(),
            );
            painter.text(
                card.center() + vec2(0.0, 10.0),
                Align2::CENTER_CENTER,
                format!("{}", left.ceil() as i32),
                theme::heading(110.0),
                theme::red(),
            );
            let button = Rect::from_center_size(
                card.center_bottom() - vec2(0.0, 90.0),
                vec2(420.0_f32.min(card.width() - 40.0), 104.0),
            );
            painter.rect_filled(button, CornerRadius::same(52), theme::red());
            painter.text(
                button.center(),
                Align2::CENTER_CENTER,
                "继续 Continue",
                theme::heading(theme::HEADING),
                theme::ON_DARK,
            );
            // Keep the number counting down.
            ui.ctx().request_repaint();
        });
}
