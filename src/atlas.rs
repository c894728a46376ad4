//! egui's glyph atlas (and any texture egui makes itself) on its way to the
//! renderer. bevy_egui 0.42 keeps each such texture three times in main
//! memory: a copy of what egui sent, a Bevy image of it for the main world,
//! and a clone of that image for the render world each time it changes,
//! which with each new character on screen is uploaded whole again. The
//! atlas grows to 2048×2048 (17 MB); on a kiosk PC, as with a software
//! renderer, graphics memory is main memory too. Here the image lives in
//! the render world only, and new characters are written into it in place.

use bevy::asset::RenderAssetUsages;
use bevy::image::{ImageAddressMode, ImageFilterMode, ImageSampler, ImageSamplerDescriptor};
use bevy::prelude::*;
use bevy::render::render_asset::{RenderAssets, prepare_assets};
use bevy::render::render_resource::{
    Extent3d, Origin3d, TexelCopyBufferLayout, TextureDimension, TextureFormat,
};
use bevy::render::renderer::RenderQueue;
use bevy::render::texture::GpuImage;
use bevy::render::{Render, RenderApp, RenderSystems};
use bevy_egui::{
    EguiManagedTexture, EguiManagedTextures, EguiPostUpdateSet, EguiRenderOutput, egui,
};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, mpsc};

pub(super) fn plugin(app: &mut App) {
    let (send, receive) = mpsc::channel();
    app.insert_resource(Patches(send)).add_systems(
        PostUpdate,
        take_texture_deltas
            .in_set(EguiPostUpdateSet::PostProcessOutput)
            .before(bevy_egui::update_egui_textures_system),
    );
    // Headless (tests) nothing renders: the patches go nowhere.
    if let Some(render_app) = app.get_sub_app_mut(RenderApp) {
        render_app
            .insert_resource(PatchesToWrite {
                arriving: Mutex::new(receive),
                waiting: Vec::new(),
            })
            .add_systems(
                Render,
                write_patches
                    .in_set(RenderSystems::PrepareAssets)
                    .after(prepare_assets::<GpuImage>),
            );
    }
}

/// A rectangle of new pixels for a texture already on the renderer.
struct Patch {
    image: AssetId<Image>,
    pos: [u32; 2],
    size: [u32; 2],
    /// RGBA, row after row, as egui sent them.
    pixels: Vec<u8>,
    /// Frames it has waited for its texture to reach the renderer.
    waited: u32,
}

/// Where the main world sends patches for the render world.
#[derive(Resource)]
struct Patches(mpsc::Sender<Patch>);

/// The render world's side: patches as they arrive, and those waiting for
/// their texture (made in the same frame, it may reach the renderer later).
#[derive(Resource)]
struct PatchesToWrite {
    arriving: Mutex<mpsc::Receiver<Patch>>,
    waiting: Vec<Patch>,
}

/// A patch whose texture has not arrived in this many frames was for a
/// texture since let go.
const GIVE_UP_AFTER: u32 = 120;

/// Takes egui's texture changes before bevy_egui does: a whole texture
/// becomes a Bevy image for the render world only, a part of one a patch.
fn take_texture_deltas(
    mut outputs: Query<(Entity, &mut EguiRenderOutput)>,
    mut managed: ResMut<EguiManagedTextures>,
    mut images: ResMut<Assets<Image>>,
    patches: Res<Patches>,
) {
    for (entity, mut output) in &mut outputs {
        if output.textures_delta.set.is_empty() {
            continue;
        }
        for (id, deltas) in std::mem::take(&mut output.textures_delta.set) {
            // A user texture is one of the kiosk's pictures: not egui's.
            let egui::TextureId::Managed(id) = id else {
                continue;
            };
            for delta in deltas {
                let egui::ImageData::Color(image) = &delta.image;
                let size = image.size.map(|n| n as u32);
                let pixels: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
                match delta.pos {
                    None => {
                        let handle = images.add(whole(size, pixels, &delta.options));
                        let color_image = egui::ColorImage::default();
                        managed.0.insert(
                            (entity, id),
                            EguiManagedTexture {
                                handle,
                                color_image,
                            },
                        );
                    }
                    Some(pos) => {
                        let Some(texture) = managed.0.get(&(entity, id)) else {
                            continue;
                        };
                        // With nothing rendering, no one receives: fine.
                        let _ = patches.0.send(Patch {
                            image: texture.handle.id(),
                            pos: pos.map(|n| n as u32),
                            size,
                            pixels,
                            waited: 0,
                        });
                    }
                }
            }
        }
    }
}

/// A whole texture as a Bevy image that lives in the render world only:
/// its pixels leave main memory once uploaded.
fn whole(size: [u32; 2], pixels: Vec<u8>, options: &egui::TextureOptions) -> Image {
    let filter = |f: egui::TextureFilter| match f {
        egui::TextureFilter::Nearest => ImageFilterMode::Nearest,
        egui::TextureFilter::Linear => ImageFilterMode::Linear,
    };
    let address = match options.wrap_mode {
        egui::TextureWrapMode::ClampToEdge => ImageAddressMode::ClampToEdge,
        egui::TextureWrapMode::Repeat => ImageAddressMode::Repeat,
        egui::TextureWrapMode::MirroredRepeat => ImageAddressMode::MirrorRepeat,
    };
    let mut image = Image::new(
        Extent3d {
            width: size[0],
            height: size[1],
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        pixels,
        // As bevy_egui makes them: its shader expects sRGB texels.
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    );
    image.sampler = ImageSampler::Descriptor(ImageSamplerDescriptor {
        mag_filter: filter(options.magnification),
        min_filter: filter(options.minification),
        address_mode_u: address,
        address_mode_v: address,
        ..default()
    });
    image
}

/// Writes the patches into their textures, in the order they came, once
/// the textures are on the renderer (after this frame's new ones are).
fn write_patches(
    mut patches: ResMut<PatchesToWrite>,
    gpu_images: Res<RenderAssets<GpuImage>>,
    queue: Res<RenderQueue>,
) {
    let patches = &mut *patches;
    if let Ok(arriving) = patches.arriving.lock() {
        patches.waiting.extend(arriving.try_iter());
    }
    // Written patches leave the queue; those still waiting keep their order.
    patches.waiting.retain_mut(|patch| {
        let Some(gpu) = gpu_images.get(patch.image) else {
            patch.waited += 1;
            return patch.waited < GIVE_UP_AFTER;
        };
        let [x, y] = patch.pos;
        let [width, height] = patch.size;
        let mut at = gpu.texture.as_image_copy();
        at.origin = Origin3d { x, y, z: 0 };
        queue.write_texture(
            at,
            &patch.pixels,
            TexelCopyBufferLayout {
                offset: 0,
                bytes_per_row: Some(width * 4),
                rows_per_image: Some(height),
            },
            Extent3d {
                width,
                height,
                depth_or_array_layers: 1,
            },
        );
        false
    });
}

/// Starts egui's glyph atlas afresh: the next frame draws the glyphs it
/// needs into a new, small one, and the old one is let go. egui rebuilds
/// its fonts, atlas and all, only when their definitions change, so the
/// definitions gain a family that nothing draws with, named anew each time.
pub fn start_afresh(ctx: &egui::Context) {
    static RENEWALS: AtomicU64 = AtomicU64::new(0);
    let renewal = RENEWALS.fetch_add(1, Ordering::Relaxed);
    let mut fonts = crate::fonts::definitions();
    fonts.families.insert(
        egui::FontFamily::Name(format!("renewal-{renewal}").into()),
        vec!["sans".into()],
    );
    ctx.set_fonts(fonts);
}
