//! The gallery's decade rail: one row a decade with its count, the decade
//! in view marked, standing on the bottom bar within a seated visitor's
//! reach. A tap scrolls the gallery to that decade.

use super::ViewModel;
use super::widgets::{self, decade_label};
use crate::library::decade_of;
use crate::profile::Lang;
use crate::theme;
use bevy_egui::egui::{self, CornerRadius, Rect, Sense, Ui, pos2, vec2};

/// A decade's row on the rail: a 64 px target and its spacing, up to a
/// roomier one where the screen is tall.
const RAIL_ROW_MIN: f32 = 76.0;
const RAIL_ROW_MAX: f32 = 120.0;
/// Where a seated visitor's reach begins, as a share of the screen's height
/// from the top: the lower 60% is within reach.
const REACH: f32 = 0.4;
/// A rail row this tall holds the decade and its count on two lines.
const RAIL_TWO_LINES: f32 = 96.0;

/// Draws the rail in `rect`; returns the decade tapped.
pub fn decade_rail(ui: &mut Ui, m: &ViewModel, rect: Rect, in_view: Option<i32>) -> Option<i32> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for &i in &m.visit.order {
        let d = decade_of(m.library.placed_year(i, m.visit.filter));
        match counts.last_mut() {
            Some((last, n)) if *last == d => *n += 1,
            _ => counts.push((d, 1)),
        }
    }
    // The rail stands on the bottom bar, within a seated visitor's reach,
    // and uses the height a portrait screen gives it.
    // (The screen is this ui's whole rect: a proof draws it in pieces.)
    let screen = ui.max_rect();
    let reach_top = (screen.top() + screen.height() * REACH).max(rect.top() + 8.0);
    let n = counts.len().max(1) as f32;
    let row_h = ((rect.bottom() - 4.0 - reach_top) / n).clamp(RAIL_ROW_MIN, RAIL_ROW_MAX);
    let needed = row_h * n + 12.0;
    let within_reach = Rect::from_min_max(pos2(rect.left(), reach_top), rect.max);
    if needed <= within_reach.height() + 8.0 {
        let top = rect.bottom() - 4.0 - row_h * n;
        return rail_rows(ui, m, rect, top, row_h, &counts, in_view);
    }
    // More decades than fit within reach (large text on a short screen):
    // the rail scrolls there, its bar showing, from the decade in view.
    let mut chosen = None;
    let mut rail = ui.new_child(egui::UiBuilder::new().max_rect(within_reach));
    // On a touch screen a bar is never hovered: egui's bars stay invisible
    // at rest, and the rail's last decades (the 2020s) looked absent.
    let scroll = &mut rail.style_mut().spacing.scroll;
    scroll.dormant_handle_opacity = 0.8;
    scroll.dormant_background_opacity = 0.4;
    let current = counts.iter().position(|(d, _)| Some(*d) == in_view);
    // The rail brings the gallery's decade into view when that decade
    // changes, and only until it is in view: held there every frame, it
    // had pulled itself back under a finger dragging it to the 2020s.
    let follow_id = egui::Id::new(("rail follows", m.visit.generation));
    let (followed, mut following) = rail
        .data(|d| d.get_temp::<(Option<i32>, bool)>(follow_id))
        .unwrap_or((None, true));
    if followed != in_view {
        following = true;
    }
    widgets::drag_scroll(egui::ScrollArea::vertical(), m, "rail")
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show_viewport(&mut rail, |ui, viewport| {
            ui.set_min_height(needed);
            let top = ui.max_rect().top() + 8.0;
            chosen = rail_rows(ui, m, ui.max_rect(), top, row_h, &counts, in_view);
            if let Some(k) = current {
                let row = Rect::from_min_size(
                    pos2(ui.max_rect().left(), top + k as f32 * row_h),
                    vec2(10.0, row_h),
                );
                let shown = viewport.translate(ui.max_rect().min.to_vec2());
                if shown.contains_rect(row) {
                    following = false;
                } else if following {
                    ui.scroll_to_rect(row, None);
                }
            }
        });
    rail.data_mut(|d| d.insert_temp(follow_id, (in_view, following)));
    chosen
}

/// The rail's rows from `top`, one a decade: the decade and its count on two
/// lines where a row is tall, on one where it is not.
fn rail_rows(
    ui: &mut Ui,
    m: &ViewModel,
    rect: Rect,
    top: f32,
    row_h: f32,
    counts: &[(i32, usize)],
    in_view: Option<i32>,
) -> Option<i32> {
    let lang = m.visit.lang;
    let mut chosen = None;
    let mut y = top;
    let two_lines = row_h >= RAIL_TWO_LINES;
    for &(decade, count) in counts {
        let r = Rect::from_min_size(
            pos2(rect.left() + 24.0, y),
            vec2(rect.width() - 40.0, row_h - 12.0),
        );
        let response = ui.interact(r, ui.id().with(("rail", decade)), Sense::click());
        widgets::name(&response, &decade_label(lang, decade));
        let current = in_view == Some(decade);
        let painter = ui.painter();
        let (fill, ink, soft) = if response.is_pointer_button_down_on() {
            let (fill, ink) = theme::pressed(if current { theme::red() } else { theme::PAPER });
            (Some(fill), ink, ink)
        } else if current {
            (Some(theme::red()), theme::ON_DARK, theme::ON_DARK)
        } else {
            (None, theme::INK, theme::gold_text())
        };
        if let Some(fill) = fill {
            painter.rect_filled(r, CornerRadius::same(theme::RADIUS), fill);
        }
        let label =
            painter.layout_no_wrap(decade_label(lang, decade), theme::heading(theme::LEAD), ink);
        let n = match lang {
            Lang::Zh => format!("{count} 位"),
            Lang::En => format!("{count} people"),
        };
        let n = painter.layout_no_wrap(n, theme::small(), soft);
        let x = r.left() + 16.0;
        if two_lines {
            let h = label.size().y + n.size().y;
            let y0 = r.center().y - h / 2.0;
            painter.galley(pos2(x, y0 + label.size().y), n, soft);
            painter.galley(pos2(x, y0), label, ink);
        } else {
            let mid = r.center().y;
            let label_w = label.size().x;
            painter.galley(
                pos2(x + label_w + 10.0, mid - n.size().y / 2.0 + 2.0),
                n,
                soft,
            );
            painter.galley(pos2(x, mid - label.size().y / 2.0), label, ink);
        }
        if response.clicked() {
            chosen = Some(decade);
        }
        y += row_h;
    }
    chosen
}
