//! What only staff can reach: a hidden gesture (hold the top-left corner for
//! five seconds), then the PIN from the machine config, then a menu with the
//! curator's problem list and the way out. Visitors meet none of it.

use crate::content::CuratorReport;
use crate::profile::Severity;
use crate::theme;
use bevy::prelude::*;
use bevy_egui::egui::{
    self, Align2, Color32, CornerRadius, Rect, RichText, Sense, Stroke, StrokeKind, pos2, vec2,
};

/// Seconds the corner must be held.
pub const HOLD_SECS: f64 = 5.0;
/// The corner, in points from the top left.
const CORNER: f32 = 110.0;

#[derive(Resource, Debug, Default)]
pub struct Staff {
    /// The PIN that opens the staff menu; without one the menu cannot open.
    pub pin: Option<String>,
    /// The curator's problem list shown beside the exhibition.
    pub curator_panel: bool,
    hold_since: Option<f64>,
    entering: Option<String>,
    menu: bool,
}

impl Staff {
    pub fn new(pin: Option<String>, curator_panel: bool) -> Self {
        Self {
            pin,
            curator_panel,
            ..default()
        }
    }

    /// Whether a staff overlay is open (the idle reset closes it).
    pub fn is_open(&self) -> bool {
        self.entering.is_some() || self.menu
    }

    /// The PIN was right and the menu is showing.
    pub fn menu_open(&self) -> bool {
        self.menu
    }

    pub fn close(&mut self) {
        self.entering = None;
        self.menu = false;
        self.hold_since = None;
    }
}

/// What the staff asked for.
pub enum StaffAction {
    Exit,
}

/// The hidden gesture and, once it has been made, the PIN pad and menu.
pub fn overlay(ctx: &egui::Context, staff: &mut Staff) -> Option<StaffAction> {
    let now = ctx.input(|i| i.time);
    let corner = Rect::from_min_size(pos2(0.0, 0.0), vec2(CORNER, CORNER));
    let held = ctx.input(|i| {
        i.pointer.primary_down()
            && i.pointer.press_origin().is_some_and(|o| corner.contains(o))
            && i.pointer.latest_pos().is_some_and(|p| corner.contains(p))
    });
    if held && staff.pin.is_some() && !staff.is_open() {
        let since = *staff.hold_since.get_or_insert(now);
        if now - since >= HOLD_SECS {
            staff.entering = Some(String::new());
            staff.hold_since = None;
        } else {
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
        }
    } else if !held {
        staff.hold_since = None;
    }
    if !staff.is_open() {
        return None;
    }
    let mut action = None;
    let full = ctx.viewport_rect();
    egui::Area::new(egui::Id::new("staff"))
        .order(egui::Order::Tooltip)
        .fixed_pos(full.min)
        .show(ctx, |ui| {
            let (rect, _) = ui.allocate_exact_size(full.size(), Sense::click_and_drag());
            ui.painter()
                .rect_filled(rect, 0, Color32::from_black_alpha(200));
            let card = Rect::from_center_size(rect.center(), vec2(560.0, 760.0));
            ui.painter().rect(
                card,
                CornerRadius::same(16),
                theme::PAPER,
                Stroke::new(2.0, theme::GOLD),
                StrokeKind::Inside,
            );
            let button = |ui: &mut egui::Ui, r: Rect, label: &str| -> bool {
                let resp = ui.interact(r, ui.id().with(("staff", label)), Sense::click());
                ui.painter().rect_filled(
                    r,
                    CornerRadius::same(10),
                    if resp.is_pointer_button_down_on() {
                        theme::BAND
                    } else {
                        theme::CARD
                    },
                );
                ui.painter().rect_stroke(
                    r,
                    CornerRadius::same(10),
                    Stroke::new(1.5, theme::LINE),
                    StrokeKind::Inside,
                );
                ui.painter().text(
                    r.center(),
                    Align2::CENTER_CENTER,
                    label,
                    theme::heading(theme::LEAD),
                    theme::INK,
                );
                resp.clicked()
            };
            if let Some(entered) = staff.entering.clone() {
                ui.painter().text(
                    card.center_top() + vec2(0.0, 56.0),
                    Align2::CENTER_CENTER,
                    "工作人员 · Staff PIN",
                    theme::heading(theme::LEAD),
                    theme::INK,
                );
                let dots: String = entered.chars().map(|_| '●').collect();
                ui.painter().text(
                    card.center_top() + vec2(0.0, 120.0),
                    Align2::CENTER_CENTER,
                    dots,
                    theme::heading(theme::HEADING),
                    theme::red(),
                );
                let keys = [
                    "1", "2", "3", "4", "5", "6", "7", "8", "9", "取消", "0", "确定",
                ];
                for (i, key) in keys.iter().enumerate() {
                    let (row, col) = (i / 3, i % 3);
                    let r = Rect::from_min_size(
                        card.min + vec2(40.0 + col as f32 * 165.0, 180.0 + row as f32 * 135.0),
                        vec2(150.0, 120.0),
                    );
                    if button(ui, r, key) {
                        match *key {
                            "取消" => staff.close(),
                            "确定" => {
                                if staff.pin.as_deref() == Some(entered.as_str()) {
                                    info!("staff: menu opened");
                                    staff.entering = None;
                                    staff.menu = true;
                                } else {
                                    warn!("staff: wrong PIN");
                                    staff.entering = Some(String::new());
                                }
                            }
                            digit if entered.len() < 12 => {
                                staff.entering = Some(format!("{entered}{digit}"))
                            }
                            _ => {}
                        }
                    }
                }
            } else if staff.menu {
                ui.painter().text(
                    card.center_top() + vec2(0.0, 56.0),
                    Align2::CENTER_CENTER,
                    "工作人员 · Staff",
                    theme::heading(theme::LEAD),
                    theme::INK,
                );
                let rows = [
                    if staff.curator_panel {
                        "隐藏问题列表 · Hide problems"
                    } else {
                        "问题列表 · Problems"
                    },
                    "退出程序 · Quit kiosk",
                    "返回展览 · Back to exhibition",
                ];
                for (i, label) in rows.iter().enumerate() {
                    let r = Rect::from_min_size(
                        card.min + vec2(40.0, 150.0 + i as f32 * 150.0),
                        vec2(480.0, 120.0),
                    );
                    if button(ui, r, label) {
                        match i {
                            0 => staff.curator_panel = !staff.curator_panel,
                            1 => action = Some(StaffAction::Exit),
                            _ => staff.close(),
                        }
                    }
                }
            }
        });
    action
}

/// The curator's live problem list: the same lines as `kiosk check`.
pub fn curator_panel(ui: &mut egui::Ui, report: &CuratorReport, rect: Rect) {
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
