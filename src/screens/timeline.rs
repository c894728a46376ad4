//! Everyone on one axis of years, from the first honour to today, decades
//! as bands. Each person stands at the year of their first honour; a busy
//! year widens to hold everyone. Only the years in view are drawn.

use super::nav;
use super::widgets::{self, decade_label};
use super::{ViewModel, text};
use crate::library::decade_of;
use crate::media::Variant;
use crate::theme;
use crate::visit::{Action, Screen, ScreenUi};
use bevy_egui::egui::{self, Align2, CornerRadius, Rect, Sense, Stroke, Ui, pos2, vec2};

const LANE_W: f32 = 150.0;
const MARKER: f32 = 96.0;
/// A person's cell: the portrait and two rows of name.
const MARKER_H: f32 = 176.0;

/// The axis's band at the bottom, and the room above the people for the
/// decade's name.
const AXIS_H: f32 = 80.0;
const BAND_TOP: f32 = 64.0;
/// The axis line's depth into its band, and the gap from it to the people.
const AXIS_INTO_BAND: f32 = 10.0;
const ABOVE_AXIS: f32 = 24.0;
/// The width of a year with no one in it.
const EMPTY_YEAR_W: f32 = 44.0;
/// Room before the first year and after the last.
const LEAD_IN: f32 = 100.0;
const TAIL: f32 = 200.0;
/// How much larger people may be drawn where the screen is tall.
const MAX_SCALE: f32 = 1.8;

/// One year on the axis: where it stands and who is placed in it.
struct Year<'a> {
    year: i32,
    x: f32,
    w: f32,
    people: &'a [usize],
}

/// The timeline laid out for the current order in a given height.
struct Axis<'a> {
    years: Vec<Year<'a>>,
    /// From the first year's left to the last year's right.
    width: f32,
    lane_w: f32,
    marker: f32,
    marker_h: f32,
    /// People stacked in one lane of a year.
    rows: usize,
}

/// A tall (portrait) screen has room for larger people: cells grow until a
/// typical busy year (three in four years have no more people) fills the
/// height, up to `MAX_SCALE` times; a busier year takes a second lane.
fn axis<'a>(m: &'a ViewModel, height: f32) -> Axis<'a> {
    let order = &m.visit.order;
    let year_of = |i: usize| m.library.placed_year(i, m.visit.filter);
    let mut per_year: Vec<usize> = order
        .chunk_by(|&a, &b| year_of(a) == year_of(b))
        .map(<[usize]>::len)
        .collect();
    per_year.sort_unstable();
    let busy = per_year
        .get(per_year.len() * 3 / 4)
        .copied()
        .unwrap_or(1)
        .max(1);
    // What is left under the decade's name, less the gap over the axis
    // (which is drawn a little into its band).
    let stack_h = height - AXIS_H - BAND_TOP - (ABOVE_AXIS - AXIS_INTO_BAND);
    let scale = (stack_h / (busy as f32 * MARKER_H)).clamp(1.0, MAX_SCALE);
    let (lane_w, marker, marker_h) = (LANE_W * scale, MARKER * scale, MARKER_H * scale);
    let rows = ((stack_h / marker_h).floor() as usize).max(1);
    let mut years = Vec::new();
    let (mut x, mut k) = (0.0, 0);
    for year in decade_of(year_of(order[0]))..=crate::profile::years::this_year() {
        let start = k;
        while k < order.len() && year_of(order[k]) == year {
            k += 1;
        }
        let lanes = (k - start).div_ceil(rows).max(1);
        let w = if k > start {
            lane_w * lanes as f32
        } else {
            EMPTY_YEAR_W
        };
        years.push(Year {
            year,
            x,
            w,
            people: &order[start..k],
        });
        x += w;
    }
    Axis {
        years,
        width: x,
        lane_w,
        marker,
        marker_h,
        rows,
    }
}

pub fn view(ui: &mut Ui, m: &ViewModel, _: &mut ScreenUi) -> Option<Action> {
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
    let axis = axis(m, area.height());
    let total_w = axis.width + TAIL;
    let mut inner = ui.new_child(egui::UiBuilder::new().max_rect(area));
    widgets::drag_scroll(egui::ScrollArea::horizontal(), m, "timeline").show_viewport(
        &mut inner,
        |ui, viewport| {
            ui.set_min_width(total_w);
            let origin = ui.max_rect().min + vec2(LEAD_IN, 0.0);
            decade_bands(ui, m, &axis, origin, area.height(), viewport);
            let axis_y = origin.y + area.height() - AXIS_H + AXIS_INTO_BAND;
            ui.painter().hline(
                origin.x..=origin.x + axis.width,
                axis_y,
                Stroke::new(3.0, theme::red()),
            );
            let visible = |y: &Year| {
                y.x + y.w >= viewport.left() - axis.lane_w && y.x <= viewport.right() + axis.lane_w
            };
            for year in axis.years.iter().filter(|y| visible(y)) {
                let tick_x = origin.x + year.x + year.w / 2.0;
                year_tick(ui, year, tick_x, axis_y);
                if let Some(tapped) = people_of_year(ui, m, &axis, year, origin.x, axis_y, viewport)
                {
                    action = Some(tapped);
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

/// The decades as alternating bands, each named at its top left; only
/// those in view are drawn.
fn decade_bands(ui: &Ui, m: &ViewModel, axis: &Axis, origin: egui::Pos2, h: f32, viewport: Rect) {
    let painter = ui.painter();
    let left = ui.max_rect().left();
    for decade in axis
        .years
        .chunk_by(|a, b| decade_of(a.year) == decade_of(b.year))
    {
        let (first, last) = (&decade[0], &decade[decade.len() - 1]);
        let d = decade_of(first.year);
        let band = Rect::from_min_max(
            origin + vec2(first.x, 0.0),
            origin + vec2(last.x + last.w, h),
        );
        if band.right() < left + viewport.left() - 10.0
            || band.left() > left + viewport.right() + 10.0
        {
            continue;
        }
        let fill = if (d / 10) % 2 == 0 {
            theme::BAND
        } else {
            theme::PAPER
        };
        painter.rect_filled(band, CornerRadius::ZERO, fill);
        painter.text(
            band.left_top() + vec2(20.0, 12.0),
            Align2::LEFT_TOP,
            decade_label(m.visit.lang, d),
            theme::heading(theme::HEADING),
            theme::gold_text(),
        );
    }
}

/// A year's tick on the axis, and its number where it matters (decades,
/// fives, and years with people).
fn year_tick(ui: &Ui, year: &Year, x: f32, axis_y: f32) {
    let painter = ui.painter();
    let major = year.year % 10 == 0;
    painter.vline(
        x,
        axis_y - if major { 14.0 } else { 7.0 }..=axis_y,
        Stroke::new(2.0, theme::red()),
    );
    if major || !year.people.is_empty() || year.year % 5 == 0 {
        painter.text(
            pos2(x, axis_y + 12.0),
            Align2::CENTER_TOP,
            year.year.to_string(),
            theme::small(),
            if year.people.is_empty() {
                theme::ink_soft()
            } else {
                theme::INK
            },
        );
    }
}

/// The people of a year, stacked above the axis in lanes; a busy year is
/// wide, so only the lanes in view are drawn. Returns the person tapped.
fn people_of_year(
    ui: &mut Ui,
    m: &ViewModel,
    axis: &Axis,
    year: &Year,
    origin_x: f32,
    axis_y: f32,
    viewport: Rect,
) -> Option<Action> {
    let mut action = None;
    for (n, &i) in year.people.iter().enumerate() {
        let (lane, row) = (n / axis.rows, n % axis.rows);
        let lane_x = year.x + axis.lane_w * (lane as f32 + 0.5);
        if lane_x + LEAD_IN + axis.lane_w < viewport.left()
            || lane_x + LEAD_IN - axis.lane_w > viewport.right()
        {
            continue;
        }
        let center_x = origin_x + lane_x;
        let top = axis_y - ABOVE_AXIS - axis.marker_h * (row as f32 + 1.0);
        let person = &m.library.people[i];
        if person_cell(ui, m, axis, person, center_x, top).clicked() {
            action = Some(Action::Open(person.slug.clone()));
        }
    }
    action
}

/// One person on the timeline: a small portrait and two rows of name,
/// one touch target.
fn person_cell(
    ui: &mut Ui,
    m: &ViewModel,
    axis: &Axis,
    person: &crate::library::Person,
    center_x: f32,
    top: f32,
) -> egui::Response {
    let lang = m.visit.lang;
    let cell = Rect::from_min_size(
        pos2(center_x - axis.lane_w / 2.0 + 6.0, top),
        vec2(axis.lane_w - 12.0, axis.marker_h - 8.0),
    );
    let response = ui.interact(cell, ui.id().with(("tl", &person.slug)), Sense::click());
    widgets::name(&response, person.profile.name.get(lang));
    let photo = Rect::from_center_size(
        pos2(center_x, top + axis.marker / 2.0 + 4.0),
        vec2(axis.marker * 0.8, axis.marker),
    );
    let pressed = response.is_pointer_button_down_on();
    if pressed {
        let (fill, _) = theme::pressed(theme::PAPER);
        ui.painter()
            .rect_filled(cell, CornerRadius::same(theme::RADIUS), fill);
    }
    widgets::portrait(ui, m, person, photo, Variant::Card, 8);
    // Two rows at most, inside the cell: a long English name must not run
    // over the portrait below it.
    let ink = if pressed { theme::ON_DARK } else { theme::INK };
    let name = text::clipped_text(
        ui,
        person.profile.name.get(lang).to_owned(),
        theme::small(),
        ink,
        axis.lane_w - 12.0,
        2,
    );
    ui.painter().galley(
        pos2(center_x - name.size().x / 2.0, photo.bottom() + 4.0),
        name,
        ink,
    );
    response
}
