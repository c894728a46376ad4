//! Nobody is touching the kiosk: portraits drift slowly (Ken Burns) and
//! cross-fade, with name and honour, under the exhibition title and an
//! invitation to touch. Any touch wakes it (handled by the idle system, so
//! the waking touch is never also a tap on the gallery beneath).

use super::ViewModel;
use crate::media::Variant;
use crate::profile::Lang;
use crate::theme;
use bevy_egui::egui::{Align2, Color32, CornerRadius, Rect, Stroke, StrokeKind, Ui, pos2, vec2};

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

pub fn view(ui: &mut Ui, m: &ViewModel, elapsed: f64) {
    let full = ui.max_rect();
    let painter = ui.painter().clone();
    painter.rect_filled(full, 0, theme::NIGHT);
    let portrait_mode = full.height() > full.width();
    let lang = Lang::Zh;
    let ex = &m.library.exhibition;

    // The picture stage: left in landscape, top in portrait.
    let stage = if portrait_mode {
        Rect::from_min_size(
            full.min + vec2(80.0, 420.0),
            vec2(full.width() - 160.0, full.height() * 0.45),
        )
    } else {
        Rect::from_min_size(
            full.min + vec2(120.0, 120.0),
            vec2(full.height() * 0.68, full.height() - 240.0),
        )
    };
    let slide = (elapsed / SLIDE_SECS).floor() as u64;
    let t = elapsed - slide as f64 * SLIDE_SECS;
    let len = m.library.people.len();
    if len > 0 {
        let current = &m.library.people[person_for(slide, len)];
        let previous = &m.library.people[person_for(slide.saturating_sub(1), len)];
        let fade_in = if slide == 0 {
            1.0
        } else {
            (t / FADE_SECS).min(1.0) as f32
        };
        if fade_in < 1.0 {
            ken_burns(
                ui,
                m,
                previous,
                stage,
                SLIDE_SECS + t,
                1.0,
                slide.saturating_sub(1),
            );
        }
        ken_burns(ui, m, current, stage, t, fade_in, slide);
        painter.rect_stroke(
            stage.expand(10.0),
            CornerRadius::same(2),
            Stroke::new(2.0, theme::GOLD),
            StrokeKind::Outside,
        );

        // Caption under or beside the picture.
        let p = &current.profile;
        let (cx, cy) = if portrait_mode {
            (stage.left(), stage.bottom() + 40.0)
        } else {
            (stage.right() + 90.0, stage.bottom() - 360.0)
        };
        let alpha = fade_in;
        painter.text(
            pos2(cx, cy),
            Align2::LEFT_TOP,
            &p.name.zh,
            theme::heading(64.0),
            theme::ON_DARK.gamma_multiply(alpha),
        );
        if let Some(h) = p.highest_honor() {
            painter.text(
                pos2(cx, cy + 90.0),
                Align2::LEFT_TOP,
                format!("{} {}", h.year, h.title.get(lang)),
                theme::heading(theme::LEAD),
                theme::GOLD.gamma_multiply(alpha),
            );
        }
        if let Some(en) = &p.name.en {
            painter.text(
                pos2(cx, cy + 140.0),
                Align2::LEFT_TOP,
                en,
                theme::body(),
                theme::ON_DARK.gamma_multiply(0.7 * alpha),
            );
        }
    }

    // Title and invitation.
    let (tx, ty) = if portrait_mode {
        (full.left() + 80.0, full.top() + 120.0)
    } else {
        (stage.right() + 90.0, stage.top() + 20.0)
    };
    painter.text(
        pos2(tx, ty),
        Align2::LEFT_TOP,
        ex.title.get(Lang::Zh),
        theme::heading(120.0),
        Color32::from_rgb(0xD9, 0x4A, 0x4A),
    );
    painter.text(
        pos2(tx + 6.0, ty + 160.0),
        Align2::LEFT_TOP,
        ex.subtitle.get(Lang::Zh),
        theme::heading(theme::HEADING),
        theme::ON_DARK,
    );
    if let Some(en) = ex.subtitle.en.as_deref() {
        painter.text(
            pos2(tx + 6.0, ty + 220.0),
            Align2::LEFT_TOP,
            en,
            theme::body(),
            theme::ON_DARK.gamma_multiply(0.75),
        );
    }
    let pulse = 0.65 + 0.35 * ((elapsed * 2.0).sin() as f32 * 0.5 + 0.5);
    let invite = if portrait_mode {
        Rect::from_center_size(
            pos2(full.center().x, full.bottom() - 110.0),
            vec2(760.0, 96.0),
        )
    } else {
        Rect::from_min_size(
            pos2(stage.right() + 90.0, stage.bottom() - 96.0),
            vec2(760.0, 96.0),
        )
    };
    painter.rect_filled(
        invite,
        CornerRadius::same(48),
        theme::red().gamma_multiply(pulse),
    );
    painter.text(
        invite.center(),
        Align2::CENTER_CENTER,
        "触摸屏幕 开始浏览 · Touch to explore",
        theme::heading(theme::HEADING),
        theme::ON_DARK,
    );
    // The attract loop is the one screen that animates unasked; its frames
    // are paced by `images::pace_frames` (a slow drift needs no 60 fps, and
    // the cores are better spent preparing pictures).
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
    let file = crate::profile::load::resolve_reference(
        m.profiles_root,
        &person.slug,
        &person.profile.portrait,
    );
    let picture = match file {
        Ok(f) => m.images.get(&f, Variant::Detail),
        Err(_) => crate::images::Picture::Broken,
    };
    let progress = (t / (SLIDE_SECS + FADE_SECS)).clamp(0.0, 1.0) as f32;
    match picture {
        crate::images::Picture::Ready(id, size) => {
            let base = super::widgets::cover_uv(size, stage.size());
            let zoom = 1.0 + 0.12 * progress;
            let w = base.width() / zoom;
            let h = base.height() / zoom;
            let dir = if seed.is_multiple_of(2) { 1.0 } else { -1.0 };
            let cx = base.center().x + dir * (base.width() - w) * (progress - 0.5);
            let cy = base.center().y - (base.height() - h) * 0.5 * progress;
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
