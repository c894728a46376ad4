//! The bundled CJK fonts. egui ships no Chinese glyphs, and a kiosk must never
//! show tofu boxes, so both faces are compiled into the binary: nothing to
//! install, nothing a technician can misplace.

use bevy_egui::egui::{self, FontData, FontDefinitions, FontFamily};
use skrifa::{FontRef, MetadataProvider};
use std::sync::{Arc, OnceLock};

/// Noto Sans CJK SC Regular: body text; covers CJK Unified Ideographs with
/// extensions A and B, so rare characters in names still draw.
pub static SANS: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Regular.otf");
/// Noto Serif CJK SC Bold (GB2312 subset): names and headings. Glyphs it
/// lacks fall back to the sans face.
pub static SERIF_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSerifSC-Bold.otf");
/// ‘ ’ “ ” of Noto Serif Bold, for English in the serif (see `heading_latin`).
static SERIF_QUOTES: &[u8] = include_bytes!("../assets/fonts/NotoSerif-Bold-quotes.ttf");

/// The family for names and headings.
pub fn heading() -> FontFamily {
    FontFamily::Name("heading".into())
}

/// English headings and quotes: the four curly quotes of Noto Serif Bold
/// (a 3 KB subset) before the CJK serif face, whose quotes are full-width:
/// "doesn’t" had been drawn "doesn’ t".
fn heading_latin() -> FontFamily {
    FontFamily::Name("heading-latin".into())
}

/// The family for text with no Chinese in it: egui's own Latin face first,
/// so that English has proportional Latin punctuation (a CJK face draws “ ”
/// ‘ ’ full-width), the bundled faces after it.
pub fn latin() -> FontFamily {
    FontFamily::Name("latin".into())
}

/// `font` for drawing `text`: a proportional font becomes the Latin family
/// when the text holds no CJK character.
pub fn for_text(font: egui::FontId, text: &str) -> egui::FontId {
    let cjk = |c: char| matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3FFFF}');
    if text.chars().any(cjk) {
        font
    } else if font.family == FontFamily::Proportional {
        egui::FontId::new(font.size, latin())
    } else if font.family == heading() {
        egui::FontId::new(font.size, heading_latin())
    } else {
        font
    }
}

/// egui font definitions with the bundled faces first, egui's own after
/// them (for symbols like arrows).
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("sans".into(), Arc::new(FontData::from_static(SANS)));
    fonts.font_data.insert(
        "serif-bold".into(),
        Arc::new(FontData::from_static(SERIF_BOLD)),
    );
    let defaults = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let proportional: Vec<String> = std::iter::once("sans".to_string())
        .chain(defaults.iter().cloned())
        .collect();
    let headings: Vec<String> = ["serif-bold".to_string(), "sans".to_string()]
        .into_iter()
        .chain(defaults.iter().cloned())
        .collect();
    fonts.font_data.insert(
        "serif-quotes".into(),
        Arc::new(FontData::from_static(SERIF_QUOTES)),
    );
    let heading_latin_faces: Vec<String> = std::iter::once("serif-quotes".to_string())
        .chain(headings.iter().cloned())
        .collect();
    fonts.families.insert(heading_latin(), heading_latin_faces);
    let latin_faces: Vec<String> = defaults
        .into_iter()
        .chain(std::iter::once("sans".to_string()))
        .collect();
    fonts.families.insert(latin(), latin_faces);
    fonts
        .families
        .insert(FontFamily::Proportional, proportional);
    fonts.families.insert(heading(), headings);
    fonts
}

/// Installs the bundled fonts into an egui context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

/// Which characters the bundled fonts draw: a bit per Basic Multilingual
/// Plane code point (8 KiB, built once), the font's own table beyond it.
/// Validation asks this for every character of every story.
struct Coverage {
    bmp: Vec<u64>,
    sans: Option<FontRef<'static>>,
}

fn coverage() -> &'static Coverage {
    static COVERAGE: OnceLock<Coverage> = OnceLock::new();
    COVERAGE.get_or_init(|| {
        let sans = FontRef::new(SANS).ok();
        let mut bmp = vec![0u64; 0x10000 / 64];
        if let Some(font) = &sans {
            for (cp, _) in font.charmap().mappings() {
                if cp < 0x10000 {
                    bmp[cp as usize / 64] |= 1 << (cp % 64);
                }
            }
        }
        Coverage { bmp, sans }
    })
}

/// Whether the bundled fonts can draw `c` (whitespace and control characters
/// are never drawn, so they count as drawable).
pub fn can_draw(c: char) -> bool {
    if c.is_whitespace() || c.is_control() {
        return true;
    }
    let cp = c as u32;
    let coverage = coverage();
    if cp < 0x10000 {
        return coverage.bmp[cp as usize / 64] & (1 << (cp % 64)) != 0;
    }
    coverage
        .sans
        .as_ref()
        .is_some_and(|f| f.charmap().map(c).is_some())
}

/// The first character in `text` that would show as a box.
pub fn first_missing_glyph(text: &str) -> Option<char> {
    text.chars().find(|&c| !can_draw(c))
}

#[cfg(test)]
mod tests {
    #[test]
    fn draws_common_and_rare_chinese_but_not_everything() {
        assert!(super::first_missing_glyph("张秀英 Zhang “活算盘” 1958—2012").is_none());
        assert!(super::can_draw('䶮')); // extension A, seen in names
        assert!(!super::can_draw('\u{1FAE0}')); // an emoji the fonts lack
    }
}
