//! Pieces every screen uses: the header, buttons and chips sized for
//! fingers, portraits with a dignified placeholder, and swipe detection.

use super::ViewModel;
use super::framing::{Fit, Focus};
use crate::images::Picture;
use crate::library::Person;
use crate::media::Variant;
use crate::profile::Lang;
use crate::theme;
use bevy_egui::egui::{
    self, Align2, Color32, CornerRadius, Rect, Response, Sense, Stroke, StrokeKind, Ui, pos2, vec2,
};

/// A scroll area a finger (or an emulated mouse) drags, filling its rect,
/// that starts anew for each visit and each filter (its position is kept by
/// egui under this id).
pub fn drag_scroll(area: egui::ScrollArea, m: &ViewModel, name: &str) -> egui::ScrollArea {
    area.id_salt((name, m.visit.generation, m.visit.filter))
        .scroll_source(egui::scroll_area::ScrollSource::ALL)
        .auto_shrink([false, false])
}

/// A button's fill, text colour and outline, pressed or at rest.
fn button_colors(response: &Response, filled: bool) -> (Color32, Color32, Stroke) {
    let (fill, text, stroke) = if filled {
        (theme::red(), theme::ON_DARK, Stroke::NONE)
    } else {
        (theme::CARD, theme::RED_DEEP, Stroke::new(2.0, theme::LINE))
    };
    if response.is_pointer_button_down_on() {
        let (fill, text) = theme::pressed(fill);
        (fill, text, Stroke::NONE)
    } else {
        (fill, text, stroke)
    }
}

/// A drawn icon: painted, never a font glyph (the bundled fonts have no ✕,
/// and a glyph the font lacks is a box on screen).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    Back,
    Previous,
    Next,
    Close,
    /// The gallery: a grid of cards.
    Grid,
    /// The timeline: an axis with marks.
    Axis,
    /// Filters: a funnel.
    Filter,
    /// 找人: a magnifying glass.
    Find,
}

/// The side of an icon: large enough to read from a wheelchair.
pub const ICON: f32 = 32.0;

/// Paints `icon` in a square of side `size` centred on `c`.
pub fn paint_icon(ui: &Ui, icon: Icon, c: egui::Pos2, size: f32, color: Color32) {
    let painter = ui.painter();
    let s = size / 2.0;
    let stroke = Stroke::new((size * 0.13).max(3.0), color);
    let chevron = |dir: f32| {
        vec![
            c + vec2(dir * s * 0.35, -s * 0.8),
            c + vec2(-dir * s * 0.45, 0.0),
            c + vec2(dir * s * 0.35, s * 0.8),
        ]
    };
    match icon {
        Icon::Back | Icon::Previous => {
            painter.add(egui::Shape::line(chevron(1.0), stroke));
        }
        Icon::Next => {
            painter.add(egui::Shape::line(chevron(-1.0), stroke));
        }
        Icon::Close => {
            let d = s * 0.7;
            painter.line_segment([c + vec2(-d, -d), c + vec2(d, d)], stroke);
            painter.line_segment([c + vec2(-d, d), c + vec2(d, -d)], stroke);
        }
        Icon::Grid => {
            let cell = s * 0.8;
            for (dx, dy) in [(-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0), (1.0, 1.0)] {
                let centre = c + vec2(dx * s * 0.5, dy * s * 0.5);
                painter.rect_filled(
                    Rect::from_center_size(centre, vec2(cell, cell)),
                    CornerRadius::same(2),
                    color,
                );
            }
        }
        Icon::Filter => {
            let funnel = vec![
                c + vec2(-s * 0.9, -s * 0.7),
                c + vec2(s * 0.9, -s * 0.7),
                c + vec2(s * 0.2, s * 0.1),
                c + vec2(s * 0.2, s * 0.8),
                c + vec2(-s * 0.2, s * 0.6),
                c + vec2(-s * 0.2, s * 0.1),
            ];
            painter.add(egui::Shape::convex_polygon(funnel, color, Stroke::NONE));
        }
        Icon::Find => {
            let lens = c + vec2(-s * 0.2, -s * 0.2);
            painter.circle_stroke(lens, s * 0.55, stroke);
            painter.line_segment(
                [lens + vec2(s * 0.4, s * 0.4), c + vec2(s * 0.9, s * 0.9)],
                stroke,
            );
        }
        Icon::Axis => {
            painter.line_segment([c + vec2(-s, s * 0.3), c + vec2(s, s * 0.3)], stroke);
            for dx in [-0.6, 0.0, 0.6] {
                painter.circle_filled(c + vec2(dx * s, -s * 0.25), s * 0.22, color);
            }
        }
    }
}

/// A button with a painted icon before its word (the icon alone says too
/// little to many visitors). At least `theme::TOUCH` on each side.
pub fn icon_button(
    ui: &mut Ui,
    rect: Rect,
    id: impl std::hash::Hash + std::fmt::Debug,
    icon: Option<Icon>,
    label: &str,
    filled: bool,
) -> Response {
    let response = ui.interact(rect, ui.id().with(id), Sense::click());
    name(&response, label);
    let (fill, text, stroke) = button_colors(&response, filled);
    ui.painter().rect(
        rect,
        CornerRadius::same(theme::RADIUS),
        fill,
        stroke,
        StrokeKind::Inside,
    );
    let galley = ui
        .painter()
        .layout_no_wrap(label.to_owned(), theme::body(), text);
    let content = galley.size().x + icon.map_or(0.0, |_| ICON + 12.0);
    let x = rect.center().x - content / 2.0;
    // "Next ›" points the way it goes: its chevron after the word.
    let after = icon == Some(Icon::Next);
    if let Some(icon) = icon {
        let icon_x = if after {
            x + galley.size().x + 12.0 + ICON / 2.0
        } else {
            x + ICON / 2.0
        };
        paint_icon(ui, icon, pos2(icon_x, rect.center().y), ICON, text);
    }
    let text_x = if after {
        x
    } else {
        x + icon.map_or(0.0, |_| ICON + 12.0)
    };
    ui.painter().galley(
        pos2(text_x, rect.center().y - galley.size().y / 2.0),
        galley,
        text,
    );
    response
}

/// The width an `icon_button` needs.
pub fn icon_button_width(ui: &Ui, icon: Option<Icon>, label: &str) -> f32 {
    let galley = ui
        .painter()
        .layout_no_wrap(label.to_owned(), theme::body(), theme::INK);
    (galley.size().x + icon.map_or(0.0, |_| ICON + 12.0) + 44.0).max(theme::TOUCH)
}

/// Names a touch target the way a screen reader (AccessKit) says it; the
/// widget tests find targets by these names too.
pub fn name(response: &Response, label: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Button, true, label));
}

/// The width of a chip for `label`.
pub fn chip_width(ui: &Ui, label: &str) -> f32 {
    let galley = ui
        .painter()
        .layout_no_wrap(label.to_owned(), theme::body(), theme::INK);
    (galley.size().x + 44.0).max(theme::TOUCH)
}

/// A filter chip: a pill that is red when selected. `name` is what a
/// screen reader says ("行业：全部"), where the label alone would be
/// ambiguous.
pub fn chip(ui: &mut Ui, label: &str, name: &str, selected: bool) -> Response {
    let size = vec2(chip_width(ui, label), theme::TOUCH);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::WidgetType::Button, true, selected, name));
    let (fill, ink, stroke) = if selected {
        (theme::red(), theme::ON_DARK, Stroke::NONE)
    } else {
        (theme::CARD, theme::INK, Stroke::new(1.5, theme::LINE))
    };
    let (fill, ink) = if response.is_pointer_button_down_on() {
        theme::pressed(fill)
    } else {
        (fill, ink)
    };
    let r = rect.shrink2(vec2(0.0, 6.0));
    ui.painter()
        .rect(r, CornerRadius::same(30), fill, stroke, StrokeKind::Inside);
    ui.painter()
        .text(r.center(), Align2::CENTER_CENTER, label, theme::body(), ink);
    response
}

/// Draws a picture in `rect` as `fit` says (a photo covers it, a document
/// sits whole on a mat, so the frame and its touch target keep their size),
/// or a placeholder with the person's surname while it loads or if it is
/// broken.
pub fn picture(ui: &Ui, rect: Rect, picture: Picture, placeholder: &str, radius: u8, fit: Fit) {
    let painter = ui.painter();
    match picture {
        Picture::Ready(id, size) => {
            let (drawn, uv) = fit.place(size, rect);
            if fit == Fit::Whole {
                painter.rect_filled(rect, CornerRadius::same(radius), theme::MAT);
            }
            // A fitted picture meets the frame on two sides only: its
            // corners are rounded only where it fills the frame.
            let corners = if drawn == rect { radius } else { 0 };
            painter.add(
                egui::epaint::RectShape::filled(drawn, CornerRadius::same(corners), Color32::WHITE)
                    .with_texture(id, uv),
            );
        }
        Picture::Loading | Picture::Broken => {
            painter.rect_filled(rect, CornerRadius::same(radius), theme::PLACEHOLDER);
            // A quiet mark, but a legible one in high contrast.
            let ink = if theme::high_contrast() {
                theme::gold_text()
            } else {
                theme::gold_text().gamma_multiply(0.5)
            };
            let size = (rect.width().min(rect.height()) * 0.42).max(20.0);
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                placeholder,
                theme::heading(size),
                ink,
            );
        }
    }
}

/// A person's portrait at the given variant, cropped around their face.
pub fn portrait(ui: &Ui, m: &ViewModel, person: &Person, rect: Rect, variant: Variant, radius: u8) {
    let pic = m
        .images
        .person_picture(person.portrait_file.as_deref(), variant);
    let surname: String = person.profile.name.zh.chars().take(1).collect();
    let focus = Focus::of_portrait(person.profile.portrait_focus);
    picture(ui, rect, pic, &surname, radius, Fit::Cover(focus));
}

/// The exhibition header shared by Gallery and Timeline: title, subtitle
/// and count (the controls are in the bottom bar, within reach). Returns the
/// rect left below it.
pub fn header(ui: &mut Ui, m: &ViewModel, rect: Rect) -> Rect {
    let lang = m.visit.lang;
    let ex = &m.library.exhibition;
    let left = rect.left() + 48.0;
    let right = rect.right() - 48.0;
    let painter = ui.painter();
    let title = painter.layout_no_wrap(
        ex.title.get(lang).to_owned(),
        theme::heading(52.0),
        theme::red(),
    );
    let n = m.visit.order.len();
    let count = match (lang, m.visit.filter.words(lang)) {
        (Lang::Zh, None) => format!("共 {n} 位"),
        (Lang::En, None) => format!("{n} people"),
        (Lang::Zh, Some(w)) => format!("{w}：{n} 位"),
        (Lang::En, Some(w)) => format!("{w}: {n} people"),
    };
    let count = painter.layout_no_wrap(count, theme::body(), theme::ink_soft());
    let subtitle = ex.subtitle.get(lang).trim().to_owned();
    let title_top = rect.top() + 26.0;
    let title_mid = title_top + title.size().y / 2.0;
    let beside = left + title.size().x + 28.0;
    // The subtitle beside the title where it fits, else on a line of its own
    // below (a portrait screen is narrow but tall).
    let one_line = painter
        .layout_no_wrap(subtitle.clone(), theme::body(), theme::ink_soft())
        .size()
        .x
        + beside
        + 40.0
        < right - count.size().x;
    let h = if one_line || subtitle.is_empty() {
        128.0
    } else {
        172.0
    };
    painter.galley(pos2(left, title_top), title.clone(), theme::red());
    painter.galley(
        pos2(right - count.size().x, title_mid - count.size().y / 2.0),
        count.clone(),
        theme::ink_soft(),
    );
    if !subtitle.is_empty() {
        let (at, width) = if one_line {
            (
                pos2(beside, title_mid),
                right - count.size().x - 40.0 - beside,
            )
        } else {
            (pos2(left, rect.top() + 126.0), right - left)
        };
        let g = super::text::clipped_text(ui, subtitle, theme::body(), theme::ink_soft(), width, 1);
        ui.painter()
            .galley(pos2(at.x, at.y - g.size().y / 2.0), g, theme::ink_soft());
    }
    ui.painter().hline(
        left..=right,
        rect.top() + h - 1.0,
        Stroke::new(2.0, theme::GOLD),
    );
    Rect::from_min_max(pos2(rect.left(), rect.top() + h), rect.max)
}

/// A horizontal swipe over `rect` that ended this frame: +1 for a swipe to
/// the left (next), -1 to the right (previous).
pub fn swipe(ui: &Ui, rect: Rect) -> Option<i32> {
    let id = ui.id().with("swipe");
    let (pressed, down, released, origin, latest) = ui.input(|i| {
        (
            i.pointer.any_pressed(),
            i.pointer.any_down(),
            i.pointer.any_released(),
            i.pointer.press_origin(),
            i.pointer.latest_pos(),
        )
    });
    // (start, last seen): a lifted finger has no position any more, so the
    // last one is remembered while it is down.
    let mut track: Option<(egui::Pos2, egui::Pos2)> = ui.data(|d| d.get_temp(id));
    if pressed && let Some(o) = origin.filter(|o| rect.contains(*o)) {
        track = Some((o, o));
    }
    if down && let (Some((start, _)), Some(at)) = (track, latest) {
        track = Some((start, at));
    }
    if !released {
        ui.data_mut(|d| {
            if let Some(t) = track {
                d.insert_temp(id, t);
            } else {
                d.remove::<(egui::Pos2, egui::Pos2)>(id);
            }
        });
        return None;
    }
    ui.data_mut(|d| d.remove::<(egui::Pos2, egui::Pos2)>(id));
    let (start, end) = track?;
    let delta = latest.unwrap_or(end) - start;
    // Mostly sideways and far enough to be meant; a tap or scroll never swipes.
    (delta.x.abs() > 120.0 && delta.x.abs() > 2.0 * delta.y.abs()).then_some(if delta.x < 0.0 {
        1
    } else {
        -1
    })
}

/// A life's years: joined by the Chinese dash in Chinese, by an en dash in
/// English (as English typesets a range).
pub fn years_of_life(lang: Lang, born: i32, died: Option<i32>) -> String {
    match (died, lang) {
        (Some(d), Lang::Zh) => format!("{born}—{d}"),
        (Some(d), Lang::En) => format!("{born}–{d}"),
        (None, Lang::Zh) => format!("{born}年生"),
        (None, Lang::En) => format!("born {born}"),
    }
}

pub fn decade_label(lang: Lang, decade: i32) -> String {
    match lang {
        Lang::Zh => format!("{decade}年代"),
        Lang::En => format!("{decade}s"),
    }
}
