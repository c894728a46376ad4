//! Curators' images: checking that they decode. (Preparing the sizes the
//! kiosk draws builds on this.)

use crate::profile::{Position, Problem, msg};
use std::path::Path;

/// Files above this size are slow to prepare and usually a mistake.
pub const LARGE_FILE_BYTES: u64 = 30 * 1024 * 1024;
/// Refuse to decode more pixels than this (a decompression bomb guard).
pub const MAX_PIXELS: u64 = 120_000_000;

/// Decoding limits for any curator's image.
pub fn limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(30_000);
    limits.max_image_height = Some(30_000);
    limits.max_alloc = Some(MAX_PIXELS * 4);
    limits
}

/// Problems with one referenced image: `profile_path` and `rel` say where it
/// is referenced, so the curator finds the line to fix.
pub fn check_image(file: &Path, profile_path: &str, at: Position, rel: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    let placeholder = (
        "在看板上会显示为占位图；请换一个 JPEG 或 PNG 文件",
        "the kiosk shows a placeholder; use a JPEG or PNG file",
    );
    if let Ok(meta) = std::fs::metadata(file)
        && meta.len() > LARGE_FILE_BYTES
    {
        out.push(Problem::warning(
            profile_path,
            at,
            msg(
                format!("图片 “{rel}” 有 {} MB，过大", meta.len() / 1_048_576),
                format!("image “{rel}” is {} MB, too large", meta.len() / 1_048_576),
                Some(("建议缩小到 30 MB 以下", "shrink it below 30 MB")),
            ),
        ));
    }
    if let Err(e) = decode(file) {
        out.push(Problem::warning(
            profile_path,
            at,
            msg(
                format!("图片 “{rel}” 无法解码"),
                format!("image “{rel}” cannot be decoded: {e}"),
                Some(placeholder),
            ),
        ));
    }
    out
}

/// Decodes an image with the curator limits.
pub fn decode(file: &Path) -> Result<image::DynamicImage, image::ImageError> {
    let mut reader = image::ImageReader::open(file)?.with_guessed_format()?;
    reader.limits(limits());
    reader.decode()
}

/// The sizes the kiosk draws an image at. Each is made once from the
/// curator's file, at (at most) the pixel size it is drawn, so that a 300 px
/// card never holds a 48 MB texture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Variant {
    /// Gallery cards, timeline markers, media thumbnails.
    Card,
    /// The large portrait and media on a person's page.
    Detail,
    /// Full screen in the image viewer.
    Full,
}

impl Variant {
    /// The largest width and height the variant is drawn at, in pixels.
    pub fn max_size(self) -> (u32, u32) {
        match self {
            Variant::Card => (400, 500),
            Variant::Detail => (900, 1100),
            Variant::Full => (1920, 1920),
        }
    }
}

/// An image prepared for drawing: RGBA8 pixels, alpha composited on the page.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// Decodes, turns upright (EXIF), shrinks to the variant's size and flattens
/// transparency onto the page colour.
pub fn prepare(file: &Path, variant: Variant) -> Result<Prepared, image::ImageError> {
    use image::ImageDecoder;
    let mut reader = image::ImageReader::open(file)?.with_guessed_format()?;
    reader.limits(limits());
    let mut decoder = reader.into_decoder()?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = image::DynamicImage::from_decoder(decoder)?;
    img.apply_orientation(orientation);
    let (mw, mh) = variant.max_size();
    if img.width() > mw || img.height() > mh {
        img = img.resize(mw, mh, image::imageops::FilterType::Triangle);
    }
    let mut rgba = img.into_rgba8();
    let [pr, pg, pb] = [0xF5u16, 0xEE, 0xE0];
    for px in rgba.pixels_mut() {
        let a = u16::from(px[3]);
        if a < 255 {
            let blend = |c: u8, bg: u16| ((u16::from(c) * a + bg * (255 - a)) / 255) as u8;
            *px = image::Rgba([blend(px[0], pr), blend(px[1], pg), blend(px[2], pb), 255]);
        }
    }
    Ok(Prepared {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
    })
}
