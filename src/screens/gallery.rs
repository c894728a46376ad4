//! The home screen: portrait cards grouped by decade, a decade rail, and
//! filter chips. Only the rows in view are laid out, so the cost of a frame
//! does not grow with the collection.

use super::ViewModel;
use super::nav;
use super::widgets::{self, decade_label};
use super::{rail, text};
use crate::library::decade_of;
use crate::media::Variant;
use crate::profile::Lang;
use crate::theme;
use crate::visit::{Action, Screen, ScreenUi};
use bevy_egui::egui::{
    self, Align2, CornerRadius, Rect, Sense, Stroke, StrokeKind, Ui, pos2, vec2,
};

const RAIL_W: f32 = 264.0;
const CARD_W: f32 = 272.0;
/// The gap above the grid and the room right of it (for the scroll bar).
const BODY_TOP: f32 = 12.0;
const GRID_RIGHT: f32 = 40.0;
/// How long a jump to a decade scrolls.
const JUMP_SECS: f32 = 0.45;
const HEADER_H: f32 = 96.0;
/// Below the photo: the name, two rows of honour, two of work unit.
pub(super) const TEXT_H: f32 = 196.0;
/// The card's text: its inset from the card's edges, and the name's row.
const CARD_PAD: f32 = 18.0;
const NAME_ROW_H: f32 = 44.0;

/// One row of the grid: a decade header or a row of cards.
enum Row {
    Header { decade: i32, count: usize },
    Cards { decade: i32, from: usize, to: usize },
}

struct Layout {
    rows: Vec<(f32, f32, Row)>,
    total: f32,
    card: egui::Vec2,
}

/// Rows for the people in `order` (grouped by decade, as the library orders them).
fn layout(m: &ViewModel, width: f32, view_h: f32) -> Layout {
    let cols = (((width + theme::GAP) / (CARD_W + theme::GAP)).floor() as usize).max(1);
    let card_w = (width - theme::GAP * (cols as f32 - 1.0)) / cols as f32;
    let card = vec2(card_w, card_w * theme::PORTRAIT_RATIO + TEXT_H);
    let mut rows = Vec::new();
    let mut y = 0.0;
    let order = &m.visit.order;
    let mut i = 0;
    let mut last_decade_top = 0.0;
    while i < order.len() {
        let decade_at = |j: usize| decade_of(m.library.placed_year(j, m.visit.filter));
        let decade = decade_at(order[i]);
        let end = order[i..]
            .iter()
            .position(|&j| decade_at(j) != decade)
            .map_or(order.len(), |n| i + n);
        last_decade_top = y;
        rows.push((
            y,
            HEADER_H,
            Row::Header {
                decade,
                count: end - i,
            },
        ));
        y += HEADER_H;
        let mut from = i;
        while from < end {
            let to = (from + cols).min(end);
            rows.push((y, card.y, Row::Cards { decade, from, to }));
            y += card.y + theme::GAP;
            from = to;
        }
        i = end;
    }
    // Room below the last decade so that every decade can scroll to the top.
    let total = y.max(last_decade_top + view_h);
    Layout { rows, total, card }
}

pub fn view(ui: &mut Ui, m: &ViewModel, state: &mut ScreenUi) -> Option<Action> {
    let (full, mut action) = nav::bottom_bar(ui, m, ui.max_rect(), Screen::Gallery);
    let below = widgets::header(ui, m, full);
    let body = Rect::from_min_max(pos2(below.left(), below.top() + BODY_TOP), below.max);
    let grid_rect = Rect::from_min_max(
        pos2(body.left() + RAIL_W, body.top()),
        pos2(body.right() - GRID_RIGHT, body.bottom()),
    );
    let rail_rect = Rect::from_min_max(body.min, pos2(body.left() + RAIL_W, body.bottom()));
    if m.visit.order.is_empty() {
        nobody(ui, m, grid_rect);
        state.jump_to = None;
        state.decade_in_view = None;
        return action;
    }
    let picked = grid(ui, m, grid_rect, state);
    // While pictures are prepared the rail stands above the note that says
    // so: drawn over it, the note had hidden the last decades' rows.
    let rail_rect = match m.preparing {
        Some((done, total)) => {
            let (rail, note) = rail_rect.split_top_bottom_at_y(rail_rect.bottom() - PREPARING_H);
            preparing(ui, m, note, done, total);
            rail
        }
        None => rail_rect,
    };
    if let Some(d) = rail::decade_rail(ui, m, rail_rect, state.decade_in_view) {
        action = Some(Action::JumpDecade(d));
    }
    picked.or(action)
}

/// No one to show: the exhibition is still arriving, or the filter lets no
/// one through.
fn nobody(ui: &Ui, m: &ViewModel, rect: Rect) {
    let lang = m.visit.lang;
    let text = if m.library.is_empty() {
        lang.pick("展览内容准备中", "The exhibition is being prepared")
    } else {
        lang.pick(
            "没有符合条件的人物，请点“全部”",
            "No one matches: tap “All”",
        )
    };
    ui.painter().text(
        rect.center(),
        Align2::CENTER_CENTER,
        text,
        theme::heading(theme::HEADING),
        theme::ink_soft(),
    );
}

/// The grid of cards by decade, scrolled by drag; only the rows in view are
/// drawn. Notes the decade at the top in `state`, and starts a jump to a
/// decade asked for. Returns the card tapped.
fn grid(ui: &mut Ui, m: &ViewModel, rect: Rect, state: &mut ScreenUi) -> Option<Action> {
    let lay = layout(m, rect.width(), rect.height());
    let mut grid_ui = ui.new_child(egui::UiBuilder::new().max_rect(rect));
    let mut action = None;
    state.decade_in_view = None;
    let scroll = widgets::drag_scroll(egui::ScrollArea::vertical(), m, "gallery")
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible);
    scroll.show_viewport(&mut grid_ui, |ui, viewport| {
        ui.set_min_height(lay.total);
        let origin = ui.max_rect().min;
        let first = lay.rows.partition_point(|(y, h, _)| y + h < viewport.top());
        for (y, h, row) in &lay.rows[first..] {
            if *y > viewport.bottom() {
                break;
            }
            let rect = Rect::from_min_size(origin + vec2(0.0, *y), vec2(ui.max_rect().width(), *h));
            match row {
                Row::Header { decade, count } => {
                    draw_decade_header(ui, rect, m.visit.lang, *decade, *count);
                }
                Row::Cards { from, to, .. } => {
                    if let Some(tapped) = card_row(ui, m, &lay, rect.min, *from..*to) {
                        action = Some(tapped);
                    }
                }
            }
        }
        // The decade at the top edge: the row under a line half a header down.
        let probe = viewport.top() + HEADER_H * 0.5;
        let at = lay.rows.partition_point(|(y, h, _)| y + h <= probe);
        if let Some((_, _, Row::Header { decade, .. } | Row::Cards { decade, .. })) =
            lay.rows.get(at)
        {
            state.decade_in_view = Some(*decade);
        }
        if let Some(target) = state.jump_to.take() {
            jump(ui, &lay, origin, viewport.height(), target);
        } else if let Some(k) = state.show_card.take() {
            bring_into_view(ui, &lay, origin, viewport, k);
        }
    });
    action
}

/// One row of cards from `min`; returns the card tapped.
fn card_row(
    ui: &mut Ui,
    m: &ViewModel,
    lay: &Layout,
    min: egui::Pos2,
    cards: std::ops::Range<usize>,
) -> Option<Action> {
    let mut action = None;
    for (col, k) in cards.enumerate() {
        let rect = Rect::from_min_size(
            min + vec2(col as f32 * (lay.card.x + theme::GAP), 0.0),
            lay.card,
        );
        if card(ui, m, rect, m.visit.order[k], m.visit.filter).clicked() {
            let person = &m.library.people[m.visit.order[k]];
            action = Some(Action::Open(person.slug.clone()));
        }
    }
    action
}

/// Scrolls smoothly until `decade`'s header is at the top.
fn jump(ui: &Ui, lay: &Layout, origin: egui::Pos2, view_h: f32, decade: i32) {
    let header_y = lay.rows.iter().find_map(|(y, _, r)| match r {
        Row::Header { decade: d, .. } if *d == decade => Some(*y),
        _ => None,
    });
    if let Some(y) = header_y {
        let rect = Rect::from_min_size(origin + vec2(0.0, y), vec2(10.0, view_h));
        ui.scroll_to_rect_animation(
            rect,
            Some(egui::Align::TOP),
            egui::style::ScrollAnimation::duration(JUMP_SECS),
        );
    }
}

/// Scrolls, at once, so that the row holding the `k`th card is in view,
/// unless it already is.
fn bring_into_view(ui: &Ui, lay: &Layout, origin: egui::Pos2, viewport: Rect, k: usize) {
    let row = lay.rows.iter().find_map(|(y, h, r)| match r {
        Row::Cards { from, to, .. } if (*from..*to).contains(&k) => Some((*y, *h)),
        _ => None,
    });
    if let Some((y, h)) = row
        && !(viewport.top() <= y && y + h <= viewport.bottom())
    {
        let rect = Rect::from_min_size(origin + vec2(0.0, y), vec2(10.0, h));
        ui.scroll_to_rect_animation(
            rect,
            Some(egui::Align::Center),
            egui::style::ScrollAnimation::none(),
        );
    }
}

/// The height of the note under the rail while pictures are prepared.
const PREPARING_H: f32 = 104.0;

/// A cold start: say so, quietly, under the rail, and keep the gallery
/// usable. (Redrawn as `pace_frames` in lib.rs wakes the kiosk: bevy_egui
/// takes any repaint request, delayed or not, as one for the next frame.)
fn preparing(ui: &Ui, m: &ViewModel, note: Rect, done: usize, total: usize) {
    let lang = m.visit.lang;
    let bar = Rect::from_min_size(
        pos2(note.left() + 32.0, note.bottom() - 28.0),
        vec2(RAIL_W - 56.0, 10.0),
    );
    let painter = ui.painter();
    painter.rect_filled(bar, CornerRadius::same(5), theme::LINE);
    let share = done as f32 / total.max(1) as f32;
    let filled = Rect::from_min_size(bar.min, vec2(bar.width() * share, bar.height()));
    painter.rect_filled(filled, CornerRadius::same(5), theme::GOLD);
    painter.text(
        bar.left_top() - vec2(0.0, 40.0),
        Align2::LEFT_BOTTOM,
        lang.pick("正在准备图片", "Preparing"),
        theme::small(),
        theme::ink_soft(),
    );
    painter.text(
        bar.left_top() - vec2(0.0, 8.0),
        Align2::LEFT_BOTTOM,
        format!("{done} / {total}"),
        theme::small(),
        theme::ink_soft(),
    );
}

fn draw_decade_header(ui: &Ui, rect: Rect, lang: Lang, decade: i32, count: usize) {
    let p = ui.painter();
    let baseline = rect.bottom() - 22.0;
    p.text(
        pos2(rect.left(), baseline),
        Align2::LEFT_BOTTOM,
        decade_label(lang, decade),
        theme::heading(theme::HEADING),
        theme::INK,
    );
    let label_w = p
        .layout_no_wrap(
            decade_label(lang, decade),
            theme::heading(theme::HEADING),
            theme::INK,
        )
        .size()
        .x;
    let count = match lang {
        Lang::Zh => format!("{count} 位"),
        Lang::En => format!("{count} people"),
    };
    p.text(
        pos2(rect.left() + label_w + 20.0, baseline - 4.0),
        Align2::LEFT_BOTTOM,
        count,
        theme::body(),
        theme::gold_text(),
    );
    p.hline(
        rect.x_range(),
        rect.bottom() - 10.0,
        Stroke::new(1.0, theme::LINE),
    );
}

/// A person's card: portrait, name, the honour that placed them (under
/// `filter`) and the work unit; the whole card is one touch target. The
/// gallery's, and 找人's results.
pub(super) fn card(
    ui: &mut Ui,
    m: &ViewModel,
    rect: Rect,
    i: usize,
    filter: crate::library::Filter,
) -> egui::Response {
    let lang = m.visit.lang;
    let person = &m.library.people[i];
    let p = &person.profile;
    let response = ui.interact(rect, ui.id().with(("card", &person.slug)), Sense::click());
    widgets::name(&response, p.name.get(lang));
    // Pressed: the whole card turns dark red under the finger.
    let (fill, ink, honor_ink, soft) = if response.is_pointer_button_down_on() {
        let (fill, ink) = theme::pressed(theme::CARD);
        (fill, ink, ink, ink)
    } else {
        (theme::CARD, theme::INK, theme::red(), theme::ink_soft())
    };
    let painter = ui.painter();
    painter.rect(
        rect,
        CornerRadius::same(theme::RADIUS),
        fill,
        Stroke::new(1.0, theme::LINE),
        StrokeKind::Inside,
    );
    let photo_h = rect.width() * theme::PORTRAIT_RATIO;
    let photo = Rect::from_min_size(rect.min, vec2(rect.width(), photo_h)).shrink(8.0);
    widgets::portrait(ui, m, person, photo, Variant::Card, 6);

    let x = rect.left() + CARD_PAD;
    let width = rect.width() - 2.0 * CARD_PAD;
    let mut y = photo.bottom() + 14.0;
    // One row: a long English name ends in "…" inside the card.
    let name = text::clipped_text(
        ui,
        p.name.get(lang).to_owned(),
        theme::heading(theme::NAME),
        ink,
        width,
        1,
    );
    ui.painter().galley(pos2(x, y), name, ink);
    y += NAME_ROW_H;
    // The whole honour, on two rows where it needs them ("1985 National
    // May Day Labour Medal"); the work unit below it.
    if let Some(h) = m.library.card_honor(i, filter) {
        let line = format!("{} {}", h.year, h.title.get(lang));
        let g = text::clipped_text(ui, line, theme::small(), honor_ink, width, 2);
        let h = g.size().y;
        ui.painter().galley(pos2(x, y), g, honor_ink);
        y += h + 4.0;
    }
    let g = text::clipped_text(
        ui,
        p.work_unit.get(lang).to_owned(),
        theme::small(),
        soft,
        width,
        2,
    );
    ui.painter().galley(pos2(x, y), g, soft);
    response
}
