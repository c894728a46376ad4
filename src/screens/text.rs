//! Text that fits: paragraphs and clipped lines broken by the Chinese rules
//! (禁则, see `typography`) and drawn in the font that suits their script.

use bevy_egui::egui::{self, Color32, Response, Ui};

/// `text` broken into lines of at most `width` by the Chinese rules (禁则,
/// see `typography`), joined by newlines, for egui to draw without breaking
/// again.
pub fn broken_lines(ui: &Ui, text: &str, font: &egui::FontId, width: f32) -> String {
    ui.fonts_mut(|fonts| {
        crate::typography::break_lines(text, width, |c| fonts.glyph_width(font, c))
    })
    .join("\n")
}

/// A paragraph of running text: broken by 禁则, at `line_height`.
pub fn paragraph(
    ui: &mut Ui,
    text: &str,
    font: egui::FontId,
    color: Color32,
    line_height: Option<f32>,
) -> Response {
    let width = ui.available_width();
    let font = crate::fonts::for_text(font, text);
    let lines = broken_lines(ui, text, &font, width);
    ui.add(
        egui::Label::new(
            egui::RichText::new(lines)
                .font(font)
                .color(color)
                .line_height(line_height),
        )
        // The lines fit already: egui must not break them again elsewhere.
        .wrap_mode(egui::TextWrapMode::Extend),
    )
}

/// Text laid out in at most `rows` rows of `width`, broken by 禁则, ending
/// in "…" when it runs over (cards and captions are a fixed height; the
/// full text is one tap away).
pub fn clipped_text(
    ui: &Ui,
    text: String,
    font: egui::FontId,
    color: Color32,
    width: f32,
    rows: usize,
) -> std::sync::Arc<egui::Galley> {
    let font = crate::fonts::for_text(font, &text);
    let lines = broken_lines(ui, &text, &font, width);
    let mut job = egui::text::LayoutJob::simple(lines, font, color, f32::INFINITY);
    job.wrap = egui::text::TextWrapping {
        // The lines fit; the slack only lets "…" take the last row's end.
        max_width: width + 1.0,
        max_rows: rows,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    ui.painter().layout_job(job)
}
