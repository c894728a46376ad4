//! Pieces every screen uses: the header, buttons and chips sized for
//! fingers, portraits with a dignified placeholder, and swipe detection.

use super::{Action, Screen, ViewModel};
use crate::images::Picture;
use crate::library::Person;
use crate::media::Variant;
use crate::profile::Lang;
use crate::theme;
use bevy_egui::egui::{
    self, Align2, Color32, CornerRadius, Rect, Response, Sense, Stroke, StrokeKind, Ui, pos2, vec2,
};

/// A button at least `theme::TOUCH` high, with the label centred.
pub fn button(
    ui: &mut Ui,
    rect: Rect,
    id: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    filled: bool,
) -> Response {
    let response = ui.interact(rect, ui.id().with(id), Sense::click());
    name(&response, label);
    let (fill, text, stroke) = if filled {
        (theme::RED, theme::ON_DARK, Stroke::NONE)
    } else {
        (theme::CARD, theme::RED_DEEP, Stroke::new(2.0, theme::LINE))
    };
    let fill = if response.is_pointer_button_down_on() {
        fill.gamma_multiply(0.85)
    } else {
        fill
    };
    let painter = ui.painter();
    painter.rect(
        rect,
        CornerRadius::same(theme::RADIUS),
        fill,
        stroke,
        StrokeKind::Inside,
    );
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        label,
        theme::body(),
        text,
    );
    response
}

/// The width a button needs for `label`.
pub fn button_width(ui: &Ui, label: &str) -> f32 {
    let galley = ui
        .painter()
        .layout_no_wrap(label.to_owned(), theme::body(), theme::INK);
    (galley.size().x + 48.0).max(theme::TOUCH)
}

/// Names a touch target the way a screen reader (AccessKit) says it; the
/// widget tests find targets by these names too.
pub fn name(response: &Response, label: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Button, true, label));
}

/// A filter chip: a pill that is red when selected.
pub fn chip(ui: &mut Ui, label: &str, selected: bool) -> Response {
    let galley = ui
        .painter()
        .layout_no_wrap(label.to_owned(), theme::body(), theme::INK);
    let size = vec2(galley.size().x + 44.0, theme::TOUCH);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::WidgetType::Button, true, selected, label)
    });
    let (fill, ink, stroke) = if selected {
        (theme::RED, theme::ON_DARK, Stroke::NONE)
    } else {
        (theme::CARD, theme::INK, Stroke::new(1.5, theme::LINE))
    };
    let r = rect.shrink2(vec2(0.0, 6.0));
    ui.painter()
        .rect(r, CornerRadius::same(30), fill, stroke, StrokeKind::Inside);
    ui.painter()
        .text(r.center(), Align2::CENTER_CENTER, label, theme::body(), ink);
    response
}

/// Draws a picture to cover `rect` (cropping, never stretching), or a
/// placeholder with the person's surname while it loads or if it is broken.
pub fn picture(ui: &Ui, rect: Rect, picture: Picture, placeholder: &str, radius: u8) {
    let painter = ui.painter();
    match picture {
        Picture::Ready(id, size) => {
            let uv = cover_uv(size, rect.size());
            painter.add(
                egui::epaint::RectShape::filled(rect, CornerRadius::same(radius), Color32::WHITE)
                    .with_texture(id, uv),
            );
        }
        Picture::Loading | Picture::Broken => {
            painter.rect_filled(rect, CornerRadius::same(radius), theme::BAND);
            let size = (rect.width().min(rect.height()) * 0.42).max(20.0);
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                placeholder,
                theme::heading(size),
                theme::GOLD_TEXT.gamma_multiply(0.5),
            );
        }
    }
}

/// The part of an image of `image` size that covers a `frame` size.
pub fn cover_uv(image: egui::Vec2, frame: egui::Vec2) -> Rect {
    if image.x <= 0.0 || image.y <= 0.0 || frame.x <= 0.0 || frame.y <= 0.0 {
        return Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
    }
    let image_aspect = image.x / image.y;
    let frame_aspect = frame.x / frame.y;
    if image_aspect > frame_aspect {
        let w = frame_aspect / image_aspect;
        Rect::from_min_max(pos2((1.0 - w) / 2.0, 0.0), pos2((1.0 + w) / 2.0, 1.0))
    } else {
        // Portraits: keep the top (faces) rather than the centre.
        let h = image_aspect / frame_aspect;
        Rect::from_min_max(pos2(0.0, (1.0 - h) * 0.2), pos2(1.0, (1.0 - h) * 0.2 + h))
    }
}

/// A person's portrait at the given variant.
pub fn portrait(ui: &Ui, m: &ViewModel, person: &Person, rect: Rect, variant: Variant, radius: u8) {
    let file = crate::profile::load::resolve_reference(
        m.profiles_root,
        &person.slug,
        &person.profile.portrait,
    );
    let pic = match file {
        Ok(f) => m.images.get(&f, variant),
        Err(_) => Picture::Broken,
    };
    let surname: String = person.profile.name.zh.chars().take(1).collect();
    picture(ui, rect, pic, &surname, radius);
}

/// The exhibition header shared by Gallery and Timeline: title, count,
/// view switch and language. Returns the rect left below it.
pub fn header(ui: &mut Ui, m: &ViewModel, rect: Rect, current: Screen) -> (Rect, Option<Action>) {
    let lang = m.visit.lang;
    let ex = &m.library.exhibition;
    let h = 128.0;
    let bar = Rect::from_min_size(rect.min, vec2(rect.width(), h));
    let painter = ui.painter();
    let left = bar.left() + 48.0;
    painter.text(
        pos2(left, bar.top() + 26.0),
        Align2::LEFT_TOP,
        ex.title.get(lang),
        theme::heading(52.0),
        theme::RED,
    );
    let title_w = ui
        .painter()
        .layout_no_wrap(
            ex.title.get(lang).to_owned(),
            theme::heading(52.0),
            theme::RED,
        )
        .size()
        .x;
    ui.painter().hline(
        bar.x_range().shrink(48.0),
        bar.bottom() - 1.0,
        Stroke::new(2.0, theme::GOLD),
    );

    let mut action = None;
    // Right side, from the right edge: language, view switch, count.
    let mut right = bar.right() - 48.0;
    let y = bar.center().y - theme::TOUCH / 2.0 + 4.0;
    let lang_label = match lang {
        Lang::Zh => "English",
        Lang::En => "中文",
    };
    let w = button_width(ui, lang_label);
    right -= w;
    if button(
        ui,
        Rect::from_min_size(pos2(right, y), vec2(w, theme::TOUCH)),
        "lang",
        lang_label,
        false,
    )
    .clicked()
    {
        action = Some(Action::ToggleLang);
    }
    let (switch_label, target) = match current {
        Screen::Timeline => (lang.pick("画廊", "Gallery"), Screen::Gallery),
        _ => (lang.pick("时间轴", "Timeline"), Screen::Timeline),
    };
    let w = button_width(ui, switch_label);
    right -= w + 16.0;
    if button(
        ui,
        Rect::from_min_size(pos2(right, y), vec2(w, theme::TOUCH)),
        "switch",
        switch_label,
        true,
    )
    .clicked()
    {
        action = Some(Action::Show(target));
    }
    let count = match lang {
        Lang::Zh => format!("共 {} 位", m.visit.order.len()),
        Lang::En => format!("{} people", m.visit.order.len()),
    };
    let count = ui
        .painter()
        .layout_no_wrap(count, theme::body(), theme::INK_SOFT);
    let count_left = right - 28.0 - count.size().x;
    ui.painter().galley(
        pos2(count_left, bar.center().y + 4.0 - count.size().y / 2.0),
        count,
        theme::INK_SOFT,
    );
    // The subtitle, where it fits between the title and the count (a
    // portrait screen has no room for it).
    let subtitle = ui.painter().layout_no_wrap(
        ex.subtitle.get(lang).to_owned(),
        theme::body(),
        theme::INK_SOFT,
    );
    let subtitle_left = left + title_w + 28.0;
    if subtitle_left + subtitle.size().x + 40.0 < count_left {
        ui.painter().galley(
            pos2(subtitle_left, bar.top() + 58.0 - subtitle.size().y / 2.0),
            subtitle,
            theme::INK_SOFT,
        );
    }
    (
        Rect::from_min_max(pos2(rect.left(), bar.bottom()), rect.max),
        action,
    )
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

/// Text in the visitor's language, with Chinese as the fallback.
pub fn years_of_life(lang: Lang, born: i32, died: Option<i32>) -> String {
    match (died, lang) {
        (Some(d), _) => format!("{born}—{d}"),
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

/// Over everything: the "Still there?" countdown, or (with no countdown) an
/// invisible layer that takes the touch that woke the kiosk, so it is not
/// also a tap on what lies beneath.
pub fn modal(ctx: &egui::Context, countdown: Option<f32>) {
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
            let card = Rect::from_center_size(rect.center(), vec2(760.0, 520.0));
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
                theme::INK_SOFT,
            );
            painter.text(
                card.center() + vec2(0.0, 10.0),
                Align2::CENTER_CENTER,
                format!("{}", left.ceil() as i32),
                theme::heading(110.0),
                theme::RED,
            );
            let button =
                Rect::from_center_size(card.center_bottom() - vec2(0.0, 90.0), vec2(420.0, 104.0));
            painter.rect_filled(button, CornerRadius::same(52), theme::RED);
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

/// Text laid out in at most `rows` rows of `width`, ending in "…" when it
/// runs over (cards and captions are a fixed height; the full text is one
/// tap away).
pub fn clipped_text(
    ui: &Ui,
    text: String,
    font: egui::FontId,
    color: Color32,
    width: f32,
    rows: usize,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple(text, font, color, width);
    job.wrap = egui::text::TextWrapping {
        max_width: width,
        max_rows: rows,
        // Between words; egui also breaks between Chinese characters.
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    ui.painter().layout_job(job)
}
