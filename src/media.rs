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

/// Where prepared images are kept between runs: outside `profiles/` (the
/// curators' folder stays theirs), `$XDG_CACHE_HOME/kiosk/images` or
/// `~/.cache/kiosk/images`. `KIOSK_IMAGE_CACHE` overrides it.
pub fn cache_dir() -> Option<std::path::PathBuf> {
    if let Some(dir) = std::env::var_os("KIOSK_IMAGE_CACHE") {
        return Some(dir.into());
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".cache")))?;
    Some(base.join("kiosk").join("images"))
}

/// Pictures above this many pixels are decoded one at a time, so that two
/// 100-megapixel scans never sit in memory together.
const LARGE_PIXELS: u64 = 24_000_000;
static ONE_LARGE_DECODE: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The image at the variant's size: from the cache when this file's content
/// was prepared before, else decoded from the original and cached. An edited
/// photo has new content, hence a new key, and is prepared anew.
pub fn prepare(file: &Path, variant: Variant) -> Result<Prepared, image::ImageError> {
    prepare_cached(file, variant, cache_dir().as_deref()).map(|(p, _)| p)
}

/// `prepare` with the cache folder named; also says whether the original
/// had to be decoded (false: the cache had it).
pub fn prepare_cached(
    file: &Path,
    variant: Variant,
    cache: Option<&Path>,
) -> Result<(Prepared, bool), image::ImageError> {
    let bytes = std::fs::read(file)?;
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut h);
        (PREPARE_VERSION, variant).hash(&mut h);
        format!("{:016x}.png", h.finish())
    };
    let cached = cache.map(|d| d.join(key));
    if let Some(path) = &cached
        && let Ok(img) = image::open(path)
    {
        let rgba = img.into_rgba8();
        return Ok((
            Prepared {
                width: rgba.width(),
                height: rgba.height(),
                rgba: rgba.into_raw(),
            },
            false,
        ));
    }
    let prepared = prepare_original(&bytes, variant)?;
    if let Some(path) = &cached {
        // Written aside and renamed: a power cut never leaves half a file.
        let tmp = path.with_extension("tmp");
        let saved = std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))
            .map_err(image::ImageError::IoError)
            .and_then(|()| {
                image::save_buffer_with_format(
                    &tmp,
                    &prepared.rgba,
                    prepared.width,
                    prepared.height,
                    image::ColorType::Rgba8,
                    image::ImageFormat::Png,
                )
            })
            .and_then(|()| std::fs::rename(&tmp, path).map_err(image::ImageError::IoError));
        if let Err(e) = saved {
            bevy::log::warn!("cannot cache a prepared image in {}: {e}", path.display());
        }
    }
    Ok((prepared, true))
}

/// Bumped whenever preparation changes, so old cache entries are not used.
const PREPARE_VERSION: u32 = 1;

/// Decodes, turns upright (EXIF), shrinks to the variant's size and flattens
/// transparency onto the page colour.
fn prepare_original(bytes: &[u8], variant: Variant) -> Result<Prepared, image::ImageError> {
    use image::ImageDecoder;
    let reader = || -> Result<image::ImageReader<std::io::Cursor<&[u8]>>, image::ImageError> {
        let mut r = image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format()?;
        r.limits(limits());
        Ok(r)
    };
    let (w, h) = reader()?.into_dimensions()?;
    let _one_at_a_time = (u64::from(w) * u64::from(h) > LARGE_PIXELS).then(|| {
        ONE_LARGE_DECODE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    });
    let mut decoder = reader()?.into_decoder()?;
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
