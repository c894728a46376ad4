//! One person: portrait, names, honours, facts, summary, quote, story, and
//! their photos and documents. Swipe for the next or previous person.

use super::nav;
use super::widgets::{self, years_of_life};
use super::{Action, Screen, ViewModel};
use crate::media::Variant;
use crate::profile::{Lang, MediaKind};
use crate::theme;
use bevy_egui::egui::{
    self, CornerRadius, Rect, RichText, Sense, Stroke, StrokeKind, Ui, pos2, vec2,
};

/// The strip of media thumbnails: a margin, a picture and two rows of
/// caption (kept low enough that, in large text on a landscape screen, the
/// pictures stay in the lower 60%).
const THUMBS_H: f32 = 194.0;
const THUMB_H: f32 = 104.0;
const THUMB_TOP: f32 = 22.0;

pub fn view(ui: &mut Ui, m: &ViewModel) -> Option<Action> {
    let lang = m.visit.lang;
    let full = ui.max_rect();
    let person = m.visit.person.as_deref().and_then(|s| m.library.get(s))?;
    let p = &person.profile;

    // Back, previous and next are in the bottom bar, always in the same place.
    let (body, mut action) = nav::bottom_bar(ui, m, full, Screen::Detail);
    let portrait_mode = full.height() > full.width();
    let thumbs_h = if p.media.is_empty() { 0.0 } else { THUMBS_H };
    // (left: the portrait; right: the text; strip: the media thumbnails.)
    let (left, right, strip) = if portrait_mode {
        // Top to bottom: portrait, text, then the thumbnails just above the
        // bar, where a seated visitor reaches them.
        let strip = Rect::from_min_max(
            pos2(body.left() + 40.0, body.bottom() - thumbs_h),
            pos2(body.right() - 40.0, body.bottom()),
        );
        let split = body.top() + (body.height() - thumbs_h) * 0.42;
        (
            Rect::from_min_max(
                body.min + vec2(40.0, 24.0),
                pos2(body.right() - 40.0, split),
            ),
            Rect::from_min_max(
                pos2(body.left() + 40.0, split + 16.0),
                pos2(body.right() - 40.0, strip.top() - 8.0),
            ),
            strip,
        )
    } else {
        let split = body.left() + (body.width() * 0.36).min(700.0);
        let column = Rect::from_min_max(
            body.min + vec2(48.0, 28.0),
            pos2(split, body.bottom() - 24.0),
        );
        (
            Rect::from_min_max(column.min, pos2(column.right(), column.bottom() - thumbs_h)),
            Rect::from_min_max(
                pos2(split + 48.0, body.top() + 28.0),
                body.max - vec2(48.0, 0.0),
            ),
            Rect::from_min_max(pos2(column.left(), column.bottom() - thumbs_h), column.max),
        )
    };

    // Portrait and media.
    let avail = left;
    let ph = avail.height().min(avail.width() * 1.25);
    let pw = ph / 1.25;
    let photo = Rect::from_min_size(pos2(avail.center().x - pw / 2.0, avail.top()), vec2(pw, ph));
    ui.painter().rect_stroke(
        photo.expand(6.0),
        CornerRadius::same(4),
        Stroke::new(2.0, theme::GOLD),
        StrokeKind::Outside,
    );
    widgets::portrait(ui, m, person, photo, Variant::Detail, 2);
    if p.sample {
        // The badge is as wide as its words, whatever the font draws, and
        // never wider than the photo (large text on a narrow one: "示例").
        let mut text = ui.painter().layout_no_wrap(
            "示例 · Sample".to_owned(),
            theme::small(),
            theme::gold_text(),
        );
        if text.size().x + 52.0 > photo.width() {
            text =
                ui.painter()
                    .layout_no_wrap("示例".to_owned(), theme::small(), theme::gold_text());
        }
        let tag = Rect::from_min_size(
            photo.left_bottom() + vec2(12.0, -(text.size().y + 28.0)),
            text.size() + vec2(28.0, 16.0),
        );
        ui.painter()
            .rect_filled(tag, CornerRadius::same(6), theme::CARD.gamma_multiply(0.92));
        ui.painter()
            .galley(tag.center() - text.size() / 2.0, text, theme::gold_text());
    }
    if !p.media.is_empty() {
        let n = p.media.len() as f32;
        let tw = ((strip.width() - 16.0 * (n - 1.0)) / n).min(200.0);
        let total = tw * n + 16.0 * (n - 1.0);
        let mut x = strip.center().x - total / 2.0;
        let y = strip.top() + THUMB_TOP;
        for (i, media) in p.media.iter().enumerate() {
            let r = Rect::from_min_size(pos2(x, y), vec2(tw, THUMB_H));
            // The picture and its caption below it are one target.
            let response = ui.interact(
                Rect::from_min_max(r.min, r.max + vec2(0.0, 56.0)),
                ui.id().with(("media", i)),
                Sense::click(),
            );
            widgets::name(&response, media.caption.get(lang));
            let pic = match crate::profile::load::resolve_reference(
                m.profiles_root,
                &person.slug,
                &media.file,
            ) {
                Ok(f) => m.images.get(&f, Variant::Card),
                Err(_) => crate::images::Picture::Broken,
            };
            let mark = match media.kind {
                MediaKind::Photo => lang.pick("照片", "Photo"),
                MediaKind::Document => lang.pick("资料", "Document"),
            };
            widgets::picture(ui, r, pic, mark, 6);
            // The caption, two lines at most; the viewer shows it whole.
            let caption = media.caption.get(lang);
            let label = if caption.trim().is_empty() {
                media
                    .year
                    .map_or_else(|| mark.to_owned(), |y| format!("{y} · {mark}"))
            } else {
                caption.to_owned()
            };
            let galley = widgets::clipped_text(ui, label, theme::small(), theme::ink_soft(), tw, 2);
            ui.painter()
                .galley(pos2(r.left(), r.bottom() + 6.0), galley, theme::ink_soft());
            if response.clicked() {
                action = Some(Action::OpenMedia(i));
            }
            x += tw + 16.0;
        }
    }

    // Text: everything after the name scrolls by drag.
    let mut text_ui = ui.new_child(egui::UiBuilder::new().max_rect(right));
    egui::ScrollArea::vertical()
        .id_salt(("detail", &person.slug, m.visit.generation))
        .scroll_source(egui::scroll_area::ScrollSource::ALL)
        .auto_shrink([false, false])
        .show(&mut text_ui, |ui| {
            ui.set_max_width(right.width() - 24.0);
            person_text(ui, lang, person);
        });

    if action.is_none()
        && let Some(step) = widgets::swipe(ui, body)
    {
        action = Some(Action::Step(step));
    }
    action
}

fn person_text(ui: &mut Ui, lang: Lang, person: &crate::library::Person) {
    let p = &person.profile;
    ui.label(
        RichText::new(&p.name.zh)
            .font(theme::heading(theme::TITLE))
            .color(theme::INK),
    );
    if let Some(en) = &p.name.en {
        ui.label(RichText::new(en).size(theme::LEAD).color(theme::ink_soft()));
    }
    ui.add_space(12.0);
    for h in &p.honors {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(h.year.to_string())
                    .size(theme::BODY)
                    .color(theme::gold_text())
                    .strong(),
            );
            ui.label(
                RichText::new(h.title.get(lang))
                    .size(theme::BODY)
                    .color(theme::red()),
            );
            ui.label(
                RichText::new(format!("· {}", h.level.label(lang)))
                    .size(theme::SMALL)
                    .color(theme::ink_soft()),
            );
        });
    }
    ui.add_space(16.0);
    let facts = [
        (
            lang.pick("工作单位", "Work unit"),
            p.work_unit.get(lang).to_owned(),
        ),
        (
            lang.pick("职务", "Position"),
            p.position.get(lang).to_owned(),
        ),
        (lang.pick("行业", "Sector"), p.sector.label(lang).to_owned()),
        (
            lang.pick("生卒", "Life"),
            years_of_life(lang, p.born, p.died),
        ),
    ];
    egui::Grid::new("facts")
        .num_columns(2)
        .spacing(vec2(24.0, 10.0))
        .show(ui, |ui| {
            for (k, v) in facts {
                ui.label(RichText::new(k).size(theme::SMALL).color(theme::ink_soft()));
                ui.label(RichText::new(v).size(theme::BODY));
                ui.end_row();
            }
        });
    ui.add_space(20.0);
    widgets::paragraph(
        ui,
        p.summary.get(lang),
        egui::FontId::proportional(theme::LEAD),
        theme::INK,
        None,
    );
    if let Some(q) = &p.quote {
        ui.add_space(20.0);
        egui::Frame::new()
            .fill(theme::CARD)
            .stroke(Stroke::new(1.0, theme::LINE))
            .inner_margin(egui::Margin::symmetric(28, 20))
            .corner_radius(CornerRadius::same(theme::RADIUS))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                // In English text the quotes are drawn from a Latin face
                // (see `fonts::for_text`), not full-width.
                let quote = format!("“{}”", q.get(lang).trim_matches(['“', '”', '"']));
                widgets::paragraph(
                    ui,
                    &quote,
                    theme::heading(theme::LEAD),
                    theme::RED_DEEP,
                    None,
                );
            });
    }
    ui.add_space(24.0);
    ui.label(
        RichText::new(lang.pick("事迹", "Story"))
            .font(theme::heading(theme::NAME))
            .color(theme::INK),
    );
    ui.add_space(6.0);
    for para in p
        .story
        .get(lang)
        .split('\n')
        .filter(|s| !s.trim().is_empty())
    {
        widgets::paragraph(
            ui,
            para.trim(),
            egui::FontId::proportional(theme::BODY),
            theme::INK,
            Some(theme::BODY * 1.7),
        );
        ui.add_space(10.0);
    }
    ui.add_space(48.0);
}
