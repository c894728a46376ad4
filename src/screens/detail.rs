//! One person: portrait, names, honours, facts, summary, quote, story, and
//! their photos and documents. Swipe for the next or previous person.

use super::framing::Fit;
use super::nav;
use super::widgets::{self, years_of_life};
use super::{ViewModel, related, text};
use crate::library::Person;
use crate::media::Variant;
use crate::profile::{Lang, Profile};
use crate::theme;
use crate::visit::{Action, Screen, ScreenUi};
use bevy_egui::egui::{
    self, CornerRadius, Rect, RichText, Sense, Stroke, StrokeKind, Ui, pos2, vec2,
};

/// The strip of media thumbnails: a margin, a picture and two rows of
/// caption (kept low enough that, in large text on a landscape screen, the
/// pictures stay in the lower 60%).
const THUMBS_H: f32 = 194.0;
const THUMB_H: f32 = 104.0;
const THUMB_TOP: f32 = 22.0;

/// The page's margins: around the column and the text, landscape or portrait.
const MARGIN: f32 = 40.0;
const MARGIN_WIDE: f32 = 48.0;
/// The left column's share of a landscape page, and its widest.
const COLUMN_SHARE: f32 = 0.36;
const COLUMN_MAX: f32 = 700.0;
/// The portrait's share of a portrait page, above the text; in large text
/// less, so that the story's window is not a mere third of the screen.
const PORTRAIT_SHARE: f32 = 0.42;
const PORTRAIT_SHARE_LARGE: f32 = 0.30;
/// The widest a media thumbnail is drawn, and the room between two.
const THUMB_MAX_W: f32 = 200.0;
const THUMB_GAP: f32 = 16.0;
/// Below a thumbnail: its caption, part of the same touch target.
const THUMB_CAPTION_H: f32 = 56.0;

/// Where the parts of a person's page go.
struct Page {
    /// The portrait, framed.
    portrait: Rect,
    /// The text, scrolled by drag.
    text: Rect,
    /// The media thumbnails (empty when there are none).
    strip: Rect,
}

/// Landscape: the portrait and thumbnails in a column at the left, the
/// text at the right. Portrait: top to bottom, the portrait, the text, then
/// the thumbnails just above the bar, where a seated visitor reaches them.
fn page(body: Rect, thumbs_h: f32, share: f32) -> Page {
    let (column, text, strip) = if body.height() > body.width() {
        let strip = Rect::from_min_max(
            pos2(body.left() + MARGIN, body.bottom() - thumbs_h),
            pos2(body.right() - MARGIN, body.bottom()),
        );
        let split = body.top() + (body.height() - thumbs_h) * share;
        (
            Rect::from_min_max(
                body.min + vec2(MARGIN, 24.0),
                pos2(body.right() - MARGIN, split),
            ),
            Rect::from_min_max(
                pos2(body.left() + MARGIN, split + 16.0),
                pos2(body.right() - MARGIN, strip.top() - 8.0),
            ),
            strip,
        )
    } else {
        let split = body.left() + (body.width() * COLUMN_SHARE).min(COLUMN_MAX);
        let column = Rect::from_min_max(
            body.min + vec2(MARGIN_WIDE, 28.0),
            pos2(split, body.bottom() - 24.0),
        );
        (
            Rect::from_min_max(column.min, pos2(column.right(), column.bottom() - thumbs_h)),
            Rect::from_min_max(
                pos2(split + MARGIN_WIDE, body.top() + 28.0),
                body.max - vec2(MARGIN_WIDE, 0.0),
            ),
            Rect::from_min_max(pos2(column.left(), column.bottom() - thumbs_h), column.max),
        )
    };
    // The largest 4:5 portrait the column holds, centred at its top.
    let ph = column.height().min(column.width() * theme::PORTRAIT_RATIO);
    let pw = ph / theme::PORTRAIT_RATIO;
    let portrait = Rect::from_min_size(
        pos2(column.center().x - pw / 2.0, column.top()),
        vec2(pw, ph),
    );
    Page {
        portrait,
        text,
        strip,
    }
}

/// The page drawn whole, several screens tall: laid out as on a screen
/// `screen_h` high (the portrait and the pictures where a visitor sees
/// them), the text running on to the foot of the whole page, where a
/// portrait screen's pictures then stand, above the bar.
fn whole_page(all: Rect, body: Rect, screen_h: f32, thumbs_h: f32, share: f32) -> Page {
    let bar_h = all.height() - body.height();
    let screen = Rect::from_min_size(body.min, vec2(body.width(), screen_h - bar_h));
    let mut at = page(screen, thumbs_h, share);
    let below = body.bottom() - screen.bottom();
    if screen.height() > screen.width() {
        at.strip = at.strip.translate(vec2(0.0, below));
        at.text.max.y = at.strip.top() - 8.0;
    } else {
        at.text.max.y = body.bottom();
    }
    at
}

pub fn view(ui: &mut Ui, m: &ViewModel, _: &mut ScreenUi) -> Option<Action> {
    let person = m.visit.person.as_deref().and_then(|s| m.library.get(s))?;
    // Back, previous and next are in the bottom bar, always in the same place.
    let (body, mut action) = nav::bottom_bar(ui, m, ui.max_rect(), Screen::Detail);
    let thumbs_h = if person.profile.media.is_empty() {
        0.0
    } else {
        THUMBS_H
    };
    let share = if m.visit.large_text {
        PORTRAIT_SHARE_LARGE
    } else {
        PORTRAIT_SHARE
    };
    let at = match m.whole_page {
        Some(screen_h) => whole_page(ui.max_rect(), body, screen_h, thumbs_h, share),
        None => page(body, thumbs_h, share),
    };
    framed_portrait(ui, m, person, at.portrait);
    if let Some(i) = media_strip(ui, m, person, at.strip) {
        action = Some(Action::OpenMedia(i));
    }
    let mut text_rect = at.text;
    if let Some(address) = m.library.exhibition.share_address(&person.slug) {
        // The QR code stands at the top right; the text runs beside it.
        related::share_code(ui, &address, text_rect.right_top());
        text_rect.max.x -= related::QR_SIDE + MARGIN;
    }
    // Text: everything after the name scrolls by drag.
    let mut text_ui = ui.new_child(egui::UiBuilder::new().max_rect(text_rect));
    let chosen = egui::ScrollArea::vertical()
        .id_salt(("detail", &person.slug, m.visit.generation))
        .scroll_source(egui::scroll_area::ScrollSource::ALL)
        .auto_shrink([false, false])
        .show(&mut text_ui, |ui| {
            ui.set_max_width(text_rect.width() - 24.0);
            person_text(ui, m, person)
        })
        .inner;
    if let Some(a) = chosen {
        action = Some(a);
    }
    if action.is_none()
        && let Some(step) = widgets::swipe(ui, body)
    {
        action = Some(Action::Step(step));
    }
    action
}

/// The portrait in a gold frame, with a "示例 · Sample" badge on a sample
/// person.
fn framed_portrait(ui: &Ui, m: &ViewModel, person: &Person, photo: Rect) {
    ui.painter().rect_stroke(
        photo.expand(6.0),
        CornerRadius::same(4),
        Stroke::new(2.0, theme::GOLD),
        StrokeKind::Outside,
    );
    widgets::portrait(ui, m, person, photo, Variant::Detail, 2);
    if !person.profile.sample {
        return;
    }
    // The badge is as wide as its words, whatever the font draws, and never
    // wider than the photo (large text on a narrow one: "示例").
    let painter = ui.painter();
    let mut text = painter.layout_no_wrap(
        "示例 · Sample".to_owned(),
        theme::small(),
        theme::gold_text(),
    );
    if text.size().x + 52.0 > photo.width() {
        text = painter.layout_no_wrap("示例".to_owned(), theme::small(), theme::gold_text());
    }
    let tag = Rect::from_min_size(
        photo.left_bottom() + vec2(12.0, -(text.size().y + 28.0)),
        text.size() + vec2(28.0, 16.0),
    );
    painter.rect_filled(tag, CornerRadius::same(6), theme::CARD.gamma_multiply(0.92));
    painter.galley(tag.center() - text.size() / 2.0, text, theme::gold_text());
}

/// The photos and documents as a row of thumbnails with captions; returns
/// the one tapped.
fn media_strip(ui: &mut Ui, m: &ViewModel, person: &Person, strip: Rect) -> Option<usize> {
    let lang = m.visit.lang;
    let media = &person.profile.media;
    if media.is_empty() {
        return None;
    }
    let n = media.len() as f32;
    let tw = ((strip.width() - THUMB_GAP * (n - 1.0)) / n).min(THUMB_MAX_W);
    let total = tw * n + THUMB_GAP * (n - 1.0);
    let left = strip.center().x - total / 2.0;
    let mut tapped = None;
    for (i, item) in media.iter().enumerate() {
        let r = Rect::from_min_size(
            pos2(left + i as f32 * (tw + THUMB_GAP), strip.top() + THUMB_TOP),
            vec2(tw, THUMB_H),
        );
        // The picture and its caption below it are one target.
        let target = Rect::from_min_max(r.min, r.max + vec2(0.0, THUMB_CAPTION_H));
        let response = ui.interact(target, ui.id().with(("media", i)), Sense::click());
        widgets::name(&response, item.caption.get(lang));
        let file = person.media_files.get(i).and_then(Option::as_deref);
        let mark = item.kind.label(lang);
        let picture = m.images.person_picture(file, Variant::Card);
        widgets::picture(ui, r, picture, mark, 6, Fit::of_media(item.kind));
        // The caption, two lines at most; the viewer shows it whole.
        let caption = item.caption.get(lang);
        let label = if caption.trim().is_empty() {
            item.year
                .map_or_else(|| mark.to_owned(), |y| format!("{y} · {mark}"))
        } else {
            caption.to_owned()
        };
        let galley = text::clipped_text(ui, label, theme::small(), theme::ink_soft(), tw, 2);
        ui.painter()
            .galley(pos2(r.left(), r.bottom() + 6.0), galley, theme::ink_soft());
        if response.clicked() {
            tapped = Some(i);
        }
    }
    tapped
}

/// Everything about the person in words, then related people (the one
/// tapped is returned).
fn person_text(ui: &mut Ui, m: &ViewModel, person: &Person) -> Option<Action> {
    let lang = m.visit.lang;
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
    honours(ui, lang, p);
    ui.add_space(16.0);
    facts(ui, lang, p);
    ui.add_space(20.0);
    text::paragraph(
        ui,
        p.summary.get(lang),
        egui::FontId::proportional(theme::LEAD),
        theme::INK,
        None,
    );
    if let Some(q) = &p.quote {
        ui.add_space(20.0);
        quote(ui, q.get(lang));
    }
    story(ui, lang, p);
    let i = m.library.index_of(&person.slug)?;
    let tapped = related::related_people(ui, m, i);
    ui.add_space(48.0);
    tapped
}

/// Every honour: year, title, level.
fn honours(ui: &mut Ui, lang: Lang, p: &Profile) {
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
}

/// Work unit, position, sector, years of life, as a two-column table.
fn facts(ui: &mut Ui, lang: Lang, p: &Profile) {
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
            lang.pick("生卒", "Lived"),
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
}

/// The person's own words, in a frame.
fn quote(ui: &mut Ui, q: &str) {
    egui::Frame::new()
        .fill(theme::CARD)
        .stroke(Stroke::new(1.0, theme::LINE))
        .inner_margin(egui::Margin::symmetric(28, 20))
        .corner_radius(CornerRadius::same(theme::RADIUS))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // In English text the quotes are drawn from a Latin face
            // (see `fonts::for_text`), not full-width.
            let quote = format!("“{}”", q.trim_matches(['“', '”', '"']));
            text::paragraph(
                ui,
                &quote,
                theme::heading(theme::LEAD),
                theme::RED_DEEP,
                None,
            );
        });
}

/// 事迹 · Story: the deeds, paragraph by paragraph.
fn story(ui: &mut Ui, lang: Lang, p: &Profile) {
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
        text::paragraph(
            ui,
            para.trim(),
            egui::FontId::proportional(theme::BODY),
            theme::INK,
            Some(theme::BODY * 1.7),
        );
        ui.add_space(10.0);
    }
}
