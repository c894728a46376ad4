//! Nobody is touching the kiosk: portraits drift slowly (Ken Burns) and
//! cross-fade, with name and honour, under the exhibition title and an
//! invitation to touch. Any touch wakes it (handled by the idle system, so
//! the waking touch is never also a tap on the gallery beneath).

use super::framing::{Focus, cover_uv};
use super::{ViewModel, text};
use crate::media::Variant;
use crate::profile::Lang;
use crate::theme;
use crate::visit::{Action, ScreenUi};
use bevy_egui::egui::{
    self, Align2, Color32, CornerRadius, Rect, Stroke, StrokeKind, Ui, pos2, vec2,
};

/// Seconds each portrait is shown.
pub const SLIDE_SECS: f64 = 8.0;
const FADE_SECS: f64 = 1.5;

/// The person shown in slide `n`: a fixed stride through the collection so
/// that neighbours in time are not shown one after another.
fn person_for(n: u64, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let stride = [37usize, 41, 43, 47]
        .into_iter()
        .find(|s| !len.is_multiple_of(*s))
        .unwrap_or(1);
    (n as usize).wrapping_mul(stride) % len
}

/// The invitation to touch: a pill, pulsing gently.
const INVITE: egui::Vec2 = vec2(760.0, 96.0);
const TITLE_SIZE: f32 = 120.0;
const NAME_SIZE: f32 = 64.0;
/// The title block (title, subtitle, English subtitle) and the caption
/// block (name, honour, English name), top to bottom.
const TITLE_H: f32 = 270.0;
const CAPTION_H: f32 = 200.0;
/// The title's red, lighter than the page's: it stands on the night ground.
const TITLE_RED: Color32 = Color32::from_rgb(0xD9, 0x4A, 0x4A);

/// Where things stand on the attract loop, landscape or portrait.
struct Places {
    /// The picture.
    stage: Rect,
    /// The top left of the name and honour.
    caption: egui::Pos2,
    /// The top left of the title.
    title: egui::Pos2,
    /// The exhibition's introduction.
    intro: Rect,
    invite: Rect,
}

fn places(full: Rect) -> Places {
    if full.height() > full.width() {
        let stage = Rect::from_min_size(
            full.min + vec2(80.0, 420.0),
            vec2(full.width() - 160.0, full.height() * 0.45),
        );
        let caption = pos2(stage.left(), stage.bottom() + 40.0);
        let invite = Rect::from_center_size(pos2(full.center().x, full.bottom() - 110.0), INVITE);
        Places {
            stage,
            caption,
            title: full.min + vec2(80.0, 120.0),
            intro: Rect::from_min_max(
                caption + vec2(0.0, CAPTION_H),
                pos2(stage.right(), invite.top() - 30.0),
            ),
            invite,
        }
    } else {
        let stage = Rect::from_min_size(
            full.min + vec2(120.0, 120.0),
            vec2(full.height() * 0.68, full.height() - 240.0),
        );
        let right = stage.right() + 90.0;
        let title = pos2(right, stage.top() + 20.0);
        let caption = pos2(right, stage.bottom() - 300.0);
        Places {
            stage,
            caption,
            title,
            intro: Rect::from_min_max(
                title + vec2(6.0, TITLE_H),
                pos2(full.right() - 120.0, caption.y - 30.0),
            ),
            invite: Rect::from_min_size(pos2(right, stage.bottom() - INVITE.y), INVITE),
        }
    }
}

/// The attract loop asks for nothing: any touch wakes it, and that is the
/// idle timer's to see.
pub fn view(ui: &mut Ui, m: &ViewModel, _: &mut ScreenUi) -> Option<Action> {
    let full = ui.max_rect();
    ui.painter().rect_filled(full, 0, theme::NIGHT);
    let at = places(full);
    let elapsed = m.shown_for;
    if !m.library.people.is_empty() {
        slides(ui, m, &at, elapsed);
    }
    title(ui, m, at.title);
    intro(ui, m, at.intro);
    invitation(ui, at.invite, elapsed);
    // The attract loop is the one screen that animates unasked; its frames
    // are paced by `pace_frames` in lib.rs (a slow drift needs no 60 fps,
    // and the cores are better spent preparing pictures).
    None
}

/// The current portrait drifting (and the previous one fading out under
/// it), framed in gold, with its name and honour.
fn slides(ui: &Ui, m: &ViewModel, at: &Places, elapsed: f64) {
    let len = m.library.people.len();
    let slide = (elapsed / SLIDE_SECS).floor() as u64;
    let t = elapsed - slide as f64 * SLIDE_SECS;
    let current = &m.library.people[person_for(slide, len)];
    let previous = &m.library.people[person_for(slide.saturating_sub(1), len)];
    let fade_in = if slide == 0 {
        1.0
    } else {
        (t / FADE_SECS).min(1.0) as f32
    };
    if fade_in < 1.0 {
        let before = slide.saturating_sub(1);
        ken_burns(ui, m, previous, at.stage, SLIDE_SECS + t, 1.0, before);
    }
    ken_burns(ui, m, current, at.stage, t, fade_in, slide);
    ui.painter().rect_stroke(
        at.stage.expand(10.0),
        CornerRadius::same(2),
        Stroke::new(2.0, theme::GOLD),
        StrokeKind::Outside,
    );
    caption(ui, &current.profile, at.caption, fade_in);
}

/// The name, the highest honour and the English name, fading in with the
/// portrait.
fn caption(ui: &Ui, p: &crate::profile::Profile, at: egui::Pos2, alpha: f32) {
    let painter = ui.painter();
    painter.text(
        at,
        Align2::LEFT_TOP,
        &p.name.zh,
        theme::heading(NAME_SIZE),
        theme::ON_DARK.gamma_multiply(alpha),
    );
    if let Some(h) = p.highest_honor() {
        painter.text(
            at + vec2(0.0, 90.0),
            Align2::LEFT_TOP,
            format!("{} {}", h.year, h.title.get(Lang::Zh)),
            theme::heading(theme::LEAD),
            theme::GOLD.gamma_multiply(alpha),
        );
    }
    if let Some(en) = &p.name.en {
        painter.text(
            at + vec2(0.0, 140.0),
            Align2::LEFT_TOP,
            en,
            theme::body(),
            theme::ON_DARK.gamma_multiply(0.7 * alpha),
        );
    }
}

/// The exhibition's title and subtitle, in Chinese, then English.
fn title(ui: &Ui, m: &ViewModel, at: egui::Pos2) {
    let ex = &m.library.exhibition;
    let painter = ui.painter();
    painter.text(
        at,
        Align2::LEFT_TOP,
        ex.title.get(Lang::Zh),
        theme::heading(TITLE_SIZE),
        TITLE_RED,
    );
    painter.text(
        at + vec2(6.0, 160.0),
        Align2::LEFT_TOP,
        ex.subtitle.get(Lang::Zh),
        theme::heading(theme::HEADING),
        theme::ON_DARK,
    );
    if let Some(en) = ex.subtitle.en.as_deref() {
        painter.text(
            at + vec2(6.0, 220.0),
            Align2::LEFT_TOP,
            en,
            theme::body(),
            theme::ON_DARK.gamma_multiply(0.75),
        );
    }
}

/// What the exhibition is, in the curators' words (`intro` in
/// exhibition.ron): Chinese first, then English as room allows.
fn intro(ui: &Ui, m: &ViewModel, rect: Rect) {
    let intro = &m.library.exhibition.intro;
    let mut y = rect.top();
    let texts = [
        (
            intro.zh.as_str(),
            theme::body(),
            theme::ON_DARK.gamma_multiply(0.9),
        ),
        (
            intro.en.as_deref().unwrap_or(""),
            theme::small(),
            theme::ON_DARK.gamma_multiply(0.7),
        ),
    ];
    for (text, font, color) in texts {
        let text = text.trim();
        let row_h = font.size * 1.5;
        let rows = ((rect.bottom() - y) / row_h).floor() as usize;
        let font = crate::fonts::for_text(font, text);
        // Whole or not at all: an attract loop that ends a sentence in "…"
        // is one nobody can finish reading.
        let lines = text::broken_lines(ui, text, &font, rect.width());
        if text.is_empty() || lines.lines().count() > rows {
            continue;
        }
        let galley = ui.painter().layout_no_wrap(lines, font, color);
        let h = galley.size().y;
        ui.painter().galley(pos2(rect.left(), y), galley, color);
        y += h + 12.0;
    }
}

/// "Touch to explore", on a pill whose red breathes slowly.
fn invitation(ui: &Ui, rect: Rect, elapsed: f64) {
    let pulse = 0.65 + 0.35 * ((elapsed * 2.0).sin() as f32 * 0.5 + 0.5);
    let painter = ui.painter();
    painter.rect_filled(
        rect,
        CornerRadius::same(48),
        theme::red().gamma_multiply(pulse),
    );
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        "触摸屏幕 开始浏览 · Touch to explore",
        theme::heading(theme::HEADING),
        theme::ON_DARK,
    );
}

/// One portrait, slowly zooming and panning.
fn ken_burns(
    ui: &Ui,
    m: &ViewModel,
    person: &crate::library::Person,
    stage: Rect,
    t: f64,
    alpha: f32,
    seed: u64,
) {
    let picture = m
        .images
        .person_picture(person.portrait_file.as_deref(), Variant::Detail);
    let progress = (t / (SLIDE_SECS + FADE_SECS)).clamp(0.0, 1.0) as f32;
    match picture {
        crate::images::Picture::Ready(id, size) => {
            let focus = Focus::of_portrait(person.profile.portrait_focus);
            let base = cover_uv(size, stage.size(), focus);
            let zoom = 1.0 + 0.12 * progress;
            let w = base.width() / zoom;
            let h = base.height() / zoom;
            let dir = if seed.is_multiple_of(2) { 1.0 } else { -1.0 };
            let cx = base.center().x + dir * (base.width() - w) * (progress - 0.5);
            // Zooming in, the window drifts to the face (or the top).
            let face_y = match focus {
                Focus::At(p) => p.y.clamp(base.top() + h / 2.0, base.bottom() - h / 2.0),
                Focus::Upper => base.top() + h / 2.0,
            };
            let cy = base.center().y + (face_y - base.center().y) * progress;
            let uv = Rect::from_center_size(pos2(cx, cy), vec2(w, h));
            ui.painter()
                .image(id, stage, uv, Color32::WHITE.gamma_multiply(alpha));
        }
        _ => {
            ui.painter()
                .rect_filled(stage, 0, theme::INK.gamma_multiply(alpha));
            let surname: String = person.profile.name.zh.chars().take(1).collect();
            ui.painter().text(
                stage.center(),
                Align2::CENTER_CENTER,
                surname,
                theme::heading(200.0),
                theme::GOLD.gamma_multiply(0.4 * alpha),
            );
        }
    }
}
