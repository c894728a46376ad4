//! The staff's screens: the PIN pad and menu over the exhibition, and the
//! curator's live problem list beside it. Their state is `crate::staff`.

use super::widgets;
use crate::content::CuratorReport;
use crate::profile::Severity;
use crate::staff::{PinKey, Staff};
use crate::theme;
use bevy_egui::egui::{
    self, Align2, Color32, CornerRadius, Rect, RichText, Stroke, StrokeKind, Ui, pos2, vec2,
};

/// The hidden corner, in points from the top left.
const CORNER: f32 = 110.0;
/// The card the pad and menu stand on.
const CARD: egui::Vec2 = vec2(560.0, 760.0);
/// A PIN key, and the step from one key to the next.
const KEY: egui::Vec2 = vec2(150.0, 120.0);
const KEY_STEP: egui::Vec2 = vec2(165.0, 135.0);
/// Where the pad's keys and the menu's rows begin on the card.
const KEYS_AT: egui::Vec2 = vec2(40.0, 180.0);
const ROWS_AT: egui::Vec2 = vec2(40.0, 150.0);
/// A menu row, and the step from one row to the next.
const ROW: egui::Vec2 = vec2(480.0, 120.0);
const ROW_STEP: f32 = 150.0;
/// The curator's panel: a share of the screen, within bounds.
const PANEL_SHARE: f32 = 0.3;
const PANEL_MIN: f32 = 420.0;
const PANEL_MAX: f32 = 640.0;

/// What the staff asked for.
pub enum StaffAction {
    Exit,
}

/// The PIN pad's keys, row by row, with what each is called.
const KEYS: [(&str, PinKey); 12] = [
    ("1", PinKey::Digit('1')),
    ("2", PinKey::Digit('2')),
    ("3", PinKey::Digit('3')),
    ("4", PinKey::Digit('4')),
    ("5", PinKey::Digit('5')),
    ("6", PinKey::Digit('6')),
    ("7", PinKey::Digit('7')),
    ("8", PinKey::Digit('8')),
    ("9", PinKey::Digit('9')),
    ("取消", PinKey::Cancel),
    ("0", PinKey::Digit('0')),
    ("确定", PinKey::Enter),
];

/// The hidden gesture and, once it has been made, the PIN pad or the menu
/// over everything.
pub fn view(ctx: &egui::Context, staff: &mut Staff) -> Option<StaffAction> {
    let corner = Rect::from_min_size(pos2(0.0, 0.0), vec2(CORNER, CORNER));
    let held = ctx.input(|i| {
        i.pointer.primary_down()
            && i.pointer.press_origin().is_some_and(|o| corner.contains(o))
            && i.pointer.latest_pos().is_some_and(|p| corner.contains(p))
    });
    if staff.hold_corner(held, ctx.input(|i| i.time)) {
        ctx.request_repaint_after(std::time::Duration::from_millis(200));
    }
    if !staff.is_open() {
        return None;
    }
    let full = ctx.viewport_rect();
    egui::Area::new(egui::Id::new("staff"))
        .order(egui::Order::Tooltip)
        .fixed_pos(full.min)
        .show(ctx, |ui| {
            let (rect, _) = ui.allocate_exact_size(full.size(), egui::Sense::click_and_drag());
            ui.painter()
                .rect_filled(rect, 0, Color32::from_black_alpha(200));
            let card = Rect::from_center_size(rect.center(), CARD);
            ui.painter().rect(
                card,
                CornerRadius::same(16),
                theme::PAPER,
                Stroke::new(2.0, theme::GOLD),
                StrokeKind::Inside,
            );
            if staff.menu_open() {
                menu(ui, card, staff)
            } else {
                pin_pad(ui, card, staff);
                None
            }
        })
        .inner
}

fn title(ui: &Ui, card: Rect, text: &str) {
    ui.painter().text(
        card.center_top() + vec2(0.0, 56.0),
        Align2::CENTER_CENTER,
        text,
        theme::heading(theme::LEAD),
        theme::INK,
    );
}

/// The PIN pad: a dot per digit typed, twelve keys named as they read.
fn pin_pad(ui: &mut Ui, card: Rect, staff: &mut Staff) {
    title(ui, card, "工作人员 · Staff PIN");
    let dots: String = staff
        .entering()
        .unwrap_or("")
        .chars()
        .map(|_| '●')
        .collect();
    ui.painter().text(
        card.center_top() + vec2(0.0, 120.0),
        Align2::CENTER_CENTER,
        dots,
        theme::heading(theme::HEADING),
        theme::red(),
    );
    for (i, (label, key)) in KEYS.iter().enumerate() {
        let (row, col) = ((i / 3) as f32, (i % 3) as f32);
        let r = Rect::from_min_size(card.min + KEYS_AT + KEY_STEP * vec2(col, row), KEY);
        if widgets::icon_button(ui, r, ("staff", *label), None, label, false).clicked() {
            staff.press(*key);
        }
    }
}

/// The staff menu: the problem list, the way out, and back to the visitors.
fn menu(ui: &mut Ui, card: Rect, staff: &mut Staff) -> Option<StaffAction> {
    title(ui, card, "工作人员 · Staff");
    let rows = [
        if staff.curator_panel {
            "隐藏问题列表 · Hide problems"
        } else {
            "问题列表 · Problems"
        },
        "退出程序 · Quit kiosk",
        "返回展览 · Back to exhibition",
    ];
    let mut action = None;
    for (i, label) in rows.iter().enumerate() {
        let r = Rect::from_min_size(card.min + ROWS_AT + vec2(0.0, i as f32 * ROW_STEP), ROW);
        if widgets::icon_button(ui, r, ("staff", i), None, label, false).clicked() {
            match i {
                0 => staff.curator_panel = !staff.curator_panel,
                1 => action = Some(StaffAction::Exit),
                _ => staff.close(),
            }
        }
    }
    action
}

/// The curator's desktop: draws the live problem list along the right of
/// `screen` and returns the rect left for the exhibition.
pub fn beside_curator_panel(ctx: &egui::Context, mut screen: Rect, report: &CuratorReport) -> Rect {
    let panel_w = (screen.width() * PANEL_SHARE).clamp(PANEL_MIN, PANEL_MAX);
    let panel = Rect::from_min_max(pos2(screen.right() - panel_w, screen.top()), screen.max);
    screen.max.x -= panel_w;
    let mut side = Ui::new(
        ctx.clone(),
        egui::Id::new("curator"),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(panel),
    );
    curator_panel(&mut side, report, panel);
    screen
}

/// The curator's live problem list: the same lines as `kiosk check`.
pub fn curator_panel(ui: &mut Ui, report: &CuratorReport, rect: Rect) {
    ui.painter().rect_filled(rect, 0, theme::CARD);
    ui.painter()
        .vline(rect.left(), rect.y_range(), Stroke::new(2.0, theme::GOLD));
    let mut panel = ui.new_child(egui::UiBuilder::new().max_rect(rect.shrink(24.0)));
    let errors = report.error_count();
    let total = report.problems().count();
    panel.label(RichText::new("内容问题 · Content problems").font(theme::heading(theme::NAME)));
    panel.label(
        RichText::new(format!("{errors} errors · {} warnings", total - errors))
            .size(theme::SMALL)
            .color(theme::ink_soft()),
    );
    panel.add_space(8.0);
    egui::ScrollArea::vertical()
        .id_salt("curator-problems")
        .auto_shrink([false, false])
        .scroll_source(egui::scroll_area::ScrollSource::ALL)
        .show(&mut panel, |ui| {
            if total == 0 {
                ui.label(
                    RichText::new("没有问题 · No problems")
                        .size(theme::BODY)
                        .color(theme::ink_soft()),
                );
            }
            for p in report.problems() {
                let colour = if p.severity == Severity::Error {
                    theme::red()
                } else {
                    theme::gold_text()
                };
                ui.label(
                    RichText::new(format!("{}:{}:{}", p.path, p.line, p.col))
                        .size(18.0)
                        .color(colour)
                        .monospace(),
                );
                ui.label(RichText::new(&p.message).size(18.0));
                ui.add_space(10.0);
            }
        });
}
