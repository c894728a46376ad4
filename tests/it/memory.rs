//! What the kiosk lets go of: on a kiosk PC, as with a software renderer,
//! graphics memory is the PC's own RAM, and egui's glyph atlas (up to
//! 2048×2048, 17 MB) is the largest thing it keeps besides the pictures.

use crate::support::Kiosk;
use bevy::prelude::*;
use bevy_egui::egui;

/// One egui pass drawing `text` at each of `sizes`.
fn draw(ctx: &egui::Context, text: &str, sizes: &[f32]) {
    let _ = ctx.run_ui(egui::RawInput::default(), |ui| {
        for &size in sizes {
            ui.label(egui::RichText::new(text).size(size));
        }
    });
}

/// The proof starts the atlas afresh for each page, the kiosk when a visit
/// ends: after that it holds what is drawn next, not all that came before.
#[test]
fn an_atlas_started_afresh_holds_only_what_is_drawn_after_it() {
    let ctx = egui::Context::default();
    kiosk::fonts::install(&ctx);
    let atlas = |ctx: &egui::Context| ctx.fonts(|f| f.font_image_size());
    // Six hundred characters at two sizes, as a few people's pages bring.
    let many: String = (0x4E00..0x4E00 + 600).filter_map(char::from_u32).collect();
    draw(&ctx, &many, &[24.0, 40.0]);
    let grown = atlas(&ctx);
    kiosk::atlas::start_afresh(&ctx);
    draw(&ctx, "光荣与梦想", &[40.0]);
    let fresh = atlas(&ctx);
    assert!(
        fresh[1] * 4 <= grown[1],
        "the atlas was {grown:?} and is {fresh:?} after starting afresh"
    );
    // And what is drawn after is drawn: its glyphs are in the new atlas.
    draw(&ctx, &many, &[24.0, 40.0]);
    assert_eq!(atlas(&ctx), grown);
}

/// bevy_egui keeps a copy of each texture egui sends, a Bevy image of it in
/// the main world, and a clone of that for the renderer whenever it
/// changes. The kiosk keeps the image for the render world only (its pixels
/// leave main memory once uploaded) and no copy beside it.
#[test]
fn the_glyph_atlas_is_kept_for_the_renderer_only() {
    let dir = crate::check::two_people(60, 10);
    let mut kiosk = Kiosk::new(dir.path());
    kiosk.wake();
    let world = kiosk.app.world();
    let textures = world.resource::<bevy_egui::EguiManagedTextures>();
    assert!(!textures.0.is_empty(), "egui sent no texture");
    let images = world.resource::<Assets<Image>>();
    for texture in textures.0.values() {
        assert!(
            texture.color_image.pixels.is_empty(),
            "a copy of a {:?} texture is kept",
            texture.color_image.size
        );
        let image = images.get(&texture.handle).expect("the texture's image");
        assert_eq!(
            image.asset_usage,
            bevy::asset::RenderAssetUsages::RENDER_WORLD
        );
        // Headless, nothing took the pixels to a renderer: they are whole.
        let [w, h] = [image.width() as usize, image.height() as usize];
        assert_eq!(image.data.as_ref().map(Vec::len), Some(w * h * 4));
    }
}
