//! Everyone on one axis of years, from the first honour to today, decades
//! as bands. Each person stands at the year of their first honour; a busy
//! year widens to hold everyone. Only the years in view are drawn.

use super::nav;
use super::widgets::{self, decade_label};
use super::{Action, Screen, ViewModel};
use crate::library::decade_of;
use crate::media::Variant;
use crate::theme;
use bevy_egui::egui::{self, Align2, CornerRadius, Rect, Sense, Stroke, Ui, pos2, vec2};

const LANE_W: f32 = 150.0;
const MARKER: f32 = 96.0;
/// A person's cell: the portrait and two rows of name.
const MARKER_H: f32 = 176.0;

pub fn view(ui: &mut Ui, m: &ViewModel) -> Option<Action> {
    let lang = m.visit.lang;
    let (full, mut action) = nav::bottom_bar(ui, m, ui.max_rect(), Screen::Timeline);
    let below = widgets::header(ui, m, full);
    let area = below.shrink2(vec2(0.0, 16.0));
    if m.visit.order.is_empty() {
        ui.painter().text(
            area.center(),
            Align2::CENTER_CENTER,
            lang.pick("展览内容准备中", "The exhibition is being prepared"),
            theme::heading(theme::HEADING),
            theme::ink_soft(),
        );
        return action;
    }

    // People per year, in the current order (which is by first honour).
    let first_year = decade_of(m.library.placed_year(m.visit.order[0], m.visit.filter));
    let last_year = crate::profile::load::this_year();
    let axis_h = 80.0;
    let band_top = 64.0;
    // A tall (portrait) screen has room for larger people: cells grow until
    // a typical busy year (three in four years have no more people) fills
    // the height, up to 1.8 times; a busier year takes a second lane.
    let order = &m.visit.order;
    let mut per_year: Vec<usize> = order
        .chunk_by(|&a, &b| {
            m.library.placed_year(a, m.visit.filter) == m.library.placed_year(b, m.visit.filter)
        })
        .map(<[usize]>::len)
        .collect();
    per_year.sort_unstable();
    let busy = per_year
        .get(per_year.len() * 3 / 4)
        .copied()
        .unwrap_or(1)
        .max(1);
    let stack_h = area.height() - axis_h - band_top;
    let scale = (stack_h / (busy as f32 * MARKER_H)).clamp(1.0, 1.8);
    let (lane_w, marker, marker_h) = (LANE_W * scale, MARKER * scale, MARKER_H * scale);
    let rows = ((stack_h / marker_h).floor() as usize).max(1);
    let mut columns: Vec<(i32, f32, f32, &[usize])> = Vec::new(); // year, x, width, people
    let mut x = 0.0;
    let mut k = 0;
    for year in first_year..=last_year {
        let start = k;
        while k < order.len() && m.library.placed_year(order[k], m.visit.filter) == year {
            k += 1;
        }
        let lanes = (k - start).div_ceil(rows).max(1);
        let w = if k > start {
            lane_w * lanes as f32
        } else {
            44.0
        };
        columns.push((year, x, w, &order[start..k]));
        x += w;
    }
    let total_w = x + 200.0;

    let mut inner = ui.new_child(egui::UiBuilder::new().max_rect(area));
    widgets::drag_scroll(egui::ScrollArea::horizontal(), m, "timeline").show_viewport(
        &mut inner,
        |ui, viewport| {
            ui.set_min_width(total_w);
            let origin = ui.max_rect().min + vec2(100.0, 0.0);
            let h = area.height();
            let painter = ui.painter().clone();
            // Decade bands.
            let mut decade_start: Option<(i32, f32)> = None;
            for (i, (year, cx, cw, _)) in columns.iter().enumerate() {
                let d = decade_of(*year);
                let end = i + 1 == columns.len() || decade_of(columns[i + 1].0) != d;
                let start = decade_start
                    .filter(|(sd, _)| *sd == d)
                    .map_or(*cx, |(_, sx)| sx);
                decade_start = Some((d, start));
                if end {
                    let band =
                        Rect::from_min_max(origin + vec2(start, 0.0), origin + vec2(cx + cw, h));
                    if band.right() >= ui.max_rect().left() + viewport.left() - 10.0
                        && band.left() <= ui.max_rect().left() + viewport.right() + 10.0
                    {
                        let fill = if (d / 10) % 2 == 0 {
                            theme::BAND
                        } else {
                            theme::PAPER
                        };
                        painter.rect_filled(band, CornerRadius::ZERO, fill);
                        painter.text(
                            band.left_top() + vec2(20.0, 12.0),
                            Align2::LEFT_TOP,
                            decade_label(lang, d),
                            theme::heading(theme::HEADING),
                            theme::gold_text(),
                        );
                    }
                }
            }
            // Axis.
            let axis_y = origin.y + h - axis_h + 10.0;
            painter.hline(
                origin.x..=origin.x + x,
                axis_y,
                Stroke::new(3.0, theme::red()),
            );
            let visible = |cx: f32, cw: f32| {
                cx + cw >= viewport.left() - lane_w && cx <= viewport.right() + lane_w
            };
            for (year, cx, cw, people) in &columns {
                if !visible(*cx, *cw) {
                    continue;
                }
                let tick_x = origin.x + cx + cw / 2.0;
                let major = year % 10 == 0;
                painter.vline(
                    tick_x,
                    axis_y - if major { 14.0 } else { 7.0 }..=axis_y,
                    Stroke::new(2.0, theme::red()),
                );
                if major || !people.is_empty() || year % 5 == 0 {
                    painter.text(
                        pos2(tick_x, axis_y + 12.0),
                        Align2::CENTER_TOP,
                        year.to_string(),
                        theme::small(),
                        if people.is_empty() {
                            theme::ink_soft()
                        } else {
                            theme::INK
                        },
                    );
                }
                for (n, &i) in people.iter().enumerate() {
                    let lane = n / rows;
                    let row = n % rows;
                    // A busy year is wide: draw only the lanes in view.
                    let lane_x = 100.0 + cx + lane_w * (lane as f32 + 0.5);
                    if lane_x + lane_w < viewport.left() || lane_x - lane_w > viewport.right() {
                        continue;
                    }
                    let center_x = origin.x + cx + lane_w * (lane as f32 + 0.5);
                    let top = axis_y - 24.0 - marker_h * (row as f32 + 1.0);
                    let cell = Rect::from_min_size(
                        pos2(center_x - lane_w / 2.0 + 6.0, top),
                        vec2(lane_w - 12.0, marker_h - 8.0),
                    );
                    let person = &m.library.people[i];
                    let response =
                        ui.interact(cell, ui.id().with(("tl", &person.slug)), Sense::click());
                    widgets::name(&response, person.profile.name.get(m.visit.lang));
                    let photo = Rect::from_center_size(
                        pos2(center_x, top + marker / 2.0 + 4.0),
                        vec2(marker * 0.8, marker),
                    );
                    let pressed = response.is_pointer_button_down_on();
                    if pressed {
                        let (fill, _) = theme::pressed(theme::PAPER);
                        painter.rect_filled(cell, CornerRadius::same(theme::RADIUS), fill);
                    }
                    widgets::portrait(ui, m, person, photo, Variant::Card, 8);
                    // Two rows at most, inside the cell: a long English name
                    // must not run over the portrait below it.
                    let ink = if pressed { theme::ON_DARK } else { theme::INK };
                    let name = widgets::clipped_text(
                        ui,
                        person.profile.name.get(lang).to_owned(),
                        theme::small(),
                        ink,
                        lane_w - 12.0,
                        2,
                    );
                    ui.painter().galley(
                        pos2(center_x - name.size().x / 2.0, photo.bottom() + 4.0),
                        name,
                        ink,
                    );
                    if response.clicked() {
                        action = Some(Action::Open(person.slug.clone()));
                    }
                }
            }
            ui.allocate_rect(
                Rect::from_min_size(ui.max_rect().min, vec2(total_w, 1.0)),
                Sense::hover(),
            );
        },
    );
    action
}
