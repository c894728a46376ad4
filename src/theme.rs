//! The exhibition's look, defined once: warm paper, dark ink, red and gold
//! used sparingly. Every screen takes its colours and sizes from here.
//!
//! Contrast (WCAG) against `PAPER`: INK 14:1, INK_SOFT 7.4:1, RED 6.6:1,
//! GOLD_TEXT 5.3:1 — all above the 4.5:1 the design asks for body text.

use crate::fonts;
use bevy_egui::egui::{self, Color32, FontFamily, FontId, TextStyle, vec2};

pub const PAPER: Color32 = Color32::from_rgb(0xF5, 0xEE, 0xE0);
pub const CARD: Color32 = Color32::from_rgb(0xFF, 0xFB, 0xF3);
pub const INK: Color32 = Color32::from_rgb(0x24, 0x1C, 0x15);
pub const INK_SOFT: Color32 = Color32::from_rgb(0x55, 0x45, 0x38);
pub const RED: Color32 = Color32::from_rgb(0x9E, 0x22, 0x2A);
pub const RED_DEEP: Color32 = Color32::from_rgb(0x6E, 0x14, 0x1B);
/// Gold for rules and ornaments (not text on paper: too light).
pub const GOLD: Color32 = Color32::from_rgb(0xC8, 0x9B, 0x3C);
/// Gold dark enough for text on paper.
pub const GOLD_TEXT: Color32 = Color32::from_rgb(0x7A, 0x55, 0x10);
pub const LINE: Color32 = Color32::from_rgb(0xE2, 0xD5, 0xBF);
pub const BAND: Color32 = Color32::from_rgb(0xEE, 0xE4, 0xD1);
/// The mat a document sits on, whole, where its shape leaves the frame
/// empty: a shade darker than the page, so the frame still shows.
pub const MAT: Color32 = BAND;
/// A picture's place while it loads, or when it cannot be shown.
pub const PLACEHOLDER: Color32 = Color32::from_rgb(0xEA, 0xDF, 0xCA);
pub const NIGHT: Color32 = Color32::from_rgb(0x14, 0x10, 0x0D);
pub const ON_DARK: Color32 = Color32::from_rgb(0xF7, 0xF0, 0xE3);

/// The 高对比 · High contrast reading mode's colours: every text at 7:1 or
/// more against its ground (the everyday palette keeps 4.5:1).
pub const RED_CONTRAST: Color32 = RED_DEEP;
pub const INK_SOFT_CONTRAST: Color32 = Color32::from_rgb(0x3E, 0x2E, 0x22);
pub const GOLD_TEXT_CONTRAST: Color32 = Color32::from_rgb(0x4A, 0x34, 0x08);

thread_local! {
    /// The reading mode of the frame being drawn. Every view reads colours
    /// from here; `screens::draw` sets it from the visit before drawing (the
    /// views run on that one thread), and a test sets it for its own thread.
    static HIGH_CONTRAST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Draw with the high-contrast colours (or not) from now on, on this thread.
pub fn set_high_contrast(on: bool) {
    HIGH_CONTRAST.with(|c| c.set(on));
}

pub fn high_contrast() -> bool {
    HIGH_CONTRAST.with(std::cell::Cell::get)
}

/// Red for titles, honours and filled buttons.
pub fn red() -> Color32 {
    if high_contrast() { RED_CONTRAST } else { RED }
}

/// Ink for secondary text.
pub fn ink_soft() -> Color32 {
    if high_contrast() {
        INK_SOFT_CONTRAST
    } else {
        INK_SOFT
    }
}

/// Gold dark enough for text.
pub fn gold_text() -> Color32 {
    if high_contrast() {
        GOLD_TEXT_CONTRAST
    } else {
        GOLD_TEXT
    }
}

/// The fill of a dark target (red, ink) while a finger is on it.
pub const PRESSED_LIGHT: Color32 = Color32::from_rgb(0xE0, 0xB8, 0x5C);

/// A target's fill and text colour while a finger is on it. The fill changes
/// by at least 3:1 from `rest` (light targets turn dark red, dark ones light
/// gold) so that the press shows in the frame the finger lands, even to weak
/// eyes; the text on it keeps 7:1.
pub fn pressed(rest: Color32) -> (Color32, Color32) {
    if luminance(rest) > 0.18 {
        (RED_DEEP, ON_DARK)
    } else {
        (PRESSED_LIGHT, INK)
    }
}

/// WCAG relative luminance of an sRGB colour.
pub fn luminance(c: Color32) -> f32 {
    let channel = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// Sizes in points (1 pt = 1 px at 1080p).
pub const BODY: f32 = 26.0;
pub const SMALL: f32 = 24.0;
pub const LEAD: f32 = 30.0;
pub const NAME: f32 = 32.0;
pub const HEADING: f32 = 40.0;
pub const TITLE: f32 = 60.0;
/// 大字 · Large text draws everything this much larger: body text 26 → 40 px,
/// the smallest labels 24 → 37 px.
pub const LARGE_TEXT_ZOOM: f32 = 1.55;
/// The smallest side of anything a visitor can touch.
pub const TOUCH: f32 = 72.0;
/// Portraits are 4:5, as curators' photos of people usually are: height
/// over width.
pub const PORTRAIT_RATIO: f32 = 1.25;
pub const GAP: f32 = 24.0;
pub const RADIUS: u8 = 10;
/// Screen transitions: quick enough never to be in the way.
pub const TRANSITION_SECS: f32 = 0.2;

pub fn body() -> FontId {
    FontId::proportional(BODY)
}

pub fn small() -> FontId {
    FontId::proportional(SMALL)
}

pub fn heading(size: f32) -> FontId {
    FontId::new(size, fonts::heading())
}

/// Sets fonts, text styles and visuals on a context. Called once at start.
pub fn apply(ctx: &egui::Context) {
    fonts::install(ctx);
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(SMALL)),
            (TextStyle::Body, FontId::proportional(BODY)),
            (TextStyle::Button, FontId::proportional(BODY)),
            (TextStyle::Monospace, FontId::monospace(SMALL)),
            (
                TextStyle::Heading,
                FontId::new(HEADING, FontFamily::Name("heading".into())),
            ),
        ]
        .into();
        style.spacing.item_spacing = vec2(16.0, 12.0);
        style.spacing.button_padding = vec2(20.0, 12.0);
        style.spacing.interact_size = vec2(TOUCH, TOUCH);
        style.spacing.scroll.bar_width = 8.0;
        style.interaction.selectable_labels = false;
        style.interaction.tooltip_delay = f32::INFINITY;
        let v = &mut style.visuals;
        *v = egui::Visuals::light();
        v.panel_fill = PAPER;
        v.window_fill = PAPER;
        v.extreme_bg_color = CARD;
        v.override_text_color = Some(INK);
        v.widgets.inactive.bg_fill = CARD;
        v.widgets.inactive.weak_bg_fill = CARD;
        v.widgets.hovered.weak_bg_fill = CARD;
        v.widgets.active.weak_bg_fill = BAND;
        v.selection.bg_fill = RED;
        v.selection.stroke.color = ON_DARK;
    });
    ctx.options_mut(|o| {
        // Visitors must not be able to zoom the UI with Ctrl +/-.
        o.zoom_with_keyboard = false;
        // Elderly visitors press slowly and long: any press released where
        // it landed is a tap, however long it was held (a touch held longer
        // than this is taken as stuck and cancelled, see `idle`).
        o.input_options.max_click_duration = f64::from(crate::idle::STUCK_TOUCH_SECS);
    });
}
