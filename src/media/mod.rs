//! Curators' images as phones and scanners give them: each decoded once,
//! turned upright, flattened onto the page and shrunk to every size the
//! kiosk draws, into a cache keyed by the file's content.

mod inspect;
mod scaled;

pub use inspect::{ImageInfo, cannot_show, check_image, foreign_format, large_file, why_not_shown};
pub use scaled::Decode;

use image::metadata::Orientation;

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

pub(crate) fn with_limits<R: std::io::BufRead + std::io::Seek>(
    mut reader: image::ImageReader<R>,
) -> image::ImageReader<R> {
    reader.limits(limits());
    reader
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
    pub const ALL: [Variant; 3] = [Variant::Full, Variant::Detail, Variant::Card];

    fn name(self) -> &'static str {
        match self {
            Variant::Card => "card",
            Variant::Detail => "detail",
            Variant::Full => "full",
        }
    }

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

/// Pictures above this many pixels (a phone photo has 12 million) are
/// decoded one at a time when they are decoded whole (a JPEG is decoded at
/// the scale needed, far smaller): two at once stayed in the allocator and
/// took the kiosk from ~330 to ~450 MB while a cold cache filled.
/// Smaller pictures, resizing and caching still use every core.
const LARGE_PIXELS: u64 = 8_000_000;
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
    let key = content_key(&bytes);
    if let Some(dir) = cache
        && let Ok(img) = image::open(cached_path(dir, &key, variant))
    {
        return Ok((Prepared::from(img), false));
    }
    let [full, detail, card] = prepare_and_save(&bytes, &key, cache)?;
    let chosen = match variant {
        Variant::Full => full,
        Variant::Detail => detail,
        Variant::Card => card,
    };
    Ok((Prepared::from(chosen), true))
}

/// Makes sure every size of `file` is in the cache, decoding it only when
/// one is missing. Says whether it decoded.
pub fn ensure_cached(file: &Path, cache: Option<&Path>) -> Result<bool, image::ImageError> {
    let bytes = std::fs::read(file)?;
    let key = content_key(&bytes);
    if let Some(dir) = cache
        && Variant::ALL
            .iter()
            .all(|&v| cached_path(dir, &key, v).is_file())
    {
        return Ok(false);
    }
    prepare_and_save(&bytes, &key, cache)?;
    Ok(true)
}

/// The one decode of an original, all its sizes written to the cache.
fn prepare_and_save(
    bytes: &[u8],
    key: &str,
    cache: Option<&Path>,
) -> Result<[image::DynamicImage; 3], image::ImageError> {
    let all = prepare_original(bytes)?;
    if let Some(dir) = cache {
        save(dir, key, &all);
    }
    Ok(all)
}

impl From<image::DynamicImage> for Prepared {
    fn from(img: image::DynamicImage) -> Self {
        let rgba = img.into_rgba8();
        Prepared {
            width: rgba.width(),
            height: rgba.height(),
            rgba: rgba.into_raw(),
        }
    }
}

/// Bumped whenever preparation changes, so old cache entries are not used.
const PREPARE_VERSION: u32 = 3;

/// The cache's name for this content (the variant is added per file):
/// BLAKE3 of the bytes and the preparation version. A hash fixed by its
/// specification, so a new Rust release (which may change `DefaultHasher`)
/// never silently empties every kiosk's cache. (Bevy's asset system already
/// builds BLAKE3: it costs nothing here.)
fn content_key(bytes: &[u8]) -> String {
    let mut h = blake3::Hasher::new();
    h.update(bytes);
    h.update(&PREPARE_VERSION.to_le_bytes());
    h.finalize().to_hex()[..32].to_owned()
}

fn cached_path(dir: &Path, key: &str, variant: Variant) -> std::path::PathBuf {
    dir.join(format!("{key}-{}.png", variant.name()))
}

/// Writes the three sizes into the cache. Each is written aside and renamed:
/// a power cut never leaves half a file. A cache that cannot be written only
/// costs time (the image is prepared again next start).
fn save(dir: &Path, key: &str, all: &[image::DynamicImage; 3]) {
    use image::ImageEncoder;
    let write = |variant: Variant, img: &image::DynamicImage| -> Result<(), image::ImageError> {
        let path = cached_path(dir, key, variant);
        let tmp = path.with_extension(format!("{}.tmp", std::process::id()));
        let file = std::fs::File::create(&tmp)?;
        let rgb = img.as_rgb8().expect("prepared images are RGB");
        // Fast compression: the cache is read far more often than written,
        // and a PNG decodes equally fast however hard it was squeezed.
        image::codecs::png::PngEncoder::new_with_quality(
            std::io::BufWriter::new(file),
            image::codecs::png::CompressionType::Fast,
            image::codecs::png::FilterType::Adaptive,
        )
        .write_image(
            rgb.as_raw(),
            rgb.width(),
            rgb.height(),
            image::ExtendedColorType::Rgb8,
        )?;
        std::fs::rename(&tmp, &path)?;
        Ok(())
    };
    let saved = std::fs::create_dir_all(dir)
        .map_err(image::ImageError::IoError)
        .and_then(|()| {
            Variant::ALL
                .iter()
                .zip([&all[0], &all[1], &all[2]])
                .try_for_each(|(&v, img)| write(v, img))
        });
    if let Err(e) = saved {
        bevy::log::warn!("cannot cache a prepared image in {}: {e}", dir.display());
    }
}

/// Decodes once, turns upright (EXIF), flattens transparency onto the page
/// colour and shrinks step by step to the sizes drawn: [Full, Detail, Card].
fn prepare_original(bytes: &[u8]) -> Result<[image::DynamicImage; 3], image::ImageError> {
    prepare_decoded(bytes, Decode::Scaled)
}

/// `prepare_original`, with the decode chosen (the bench compares them).
pub fn prepare_decoded(
    bytes: &[u8],
    decode: Decode,
) -> Result<[image::DynamicImage; 3], image::ImageError> {
    use image::ImageDecoder;
    let reader =
        with_limits(image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format()?);
    let format = reader.format();
    if format == Some(image::ImageFormat::Jpeg) && !jpeg_is_complete(bytes) {
        // The decoder would fill the missing part with grey and say nothing.
        return Err(image::ImageError::IoError(std::io::Error::new(
            std::io::ErrorKind::UnexpectedEof,
            "the file ends before the picture does (truncated)",
        )));
    }
    // Only the headers are read here: the size and the EXIF turn.
    let mut decoder = reader.into_decoder()?;
    let size = decoder.dimensions();
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    // A photo stored sideways is fitted to the box turned the same way.
    let sideways = matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    );
    let (mw, mh) = Variant::Full.max_size();
    let (mw, mh) = if sideways { (mh, mw) } else { (mw, mh) };
    let jpeg = match (format, decode) {
        (Some(image::ImageFormat::Jpeg), Decode::Scaled) => {
            scaled::scaled_jpeg(bytes, scaled::fitted(size, (mw, mh)))?
        }
        _ => None,
    };
    let rgb = match jpeg {
        Some(rgb) => rgb,
        None => {
            let _one_at_a_time =
                (u64::from(size.0) * u64::from(size.1) > LARGE_PIXELS).then(|| {
                    ONE_LARGE_DECODE
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                });
            let mut img = image::DynamicImage::from_decoder(decoder)?;
            // Shrunk before the page colour is laid under every pixel of a
            // big transparent original (and before, everything: `Full`).
            let big = img.width() > mw || img.height() > mh;
            if big && (decode == Decode::Full || img.color().has_alpha()) {
                img = img.thumbnail(mw, mh);
            }
            flatten(img)
        }
    };
    // A picture decoded at scale within a tenth of the full-screen size is
    // kept as it is (a 12 MP photo at 1/2 is 2000×1500): shrinking it by
    // 4% was a whole pass over 3 MP, for nothing a screen shows.
    let nearly = |(w, h): (u32, u32)| w * 10 <= mw * 11 && h * 10 <= mh * 11;
    let fitted = if decode == Decode::Scaled && nearly(rgb.dimensions()) {
        rgb
    } else {
        scaled::fit(&rgb, (mw, mh), decode).unwrap_or(rgb)
    };
    let mut img = image::DynamicImage::ImageRgb8(fitted);
    img.apply_orientation(orientation);
    let full = img.into_rgb8();
    // Each size from the one before; a picture already small enough is copied.
    let detail = scaled::fit(&full, Variant::Detail.max_size(), decode);
    let card = scaled::fit(
        detail.as_ref().unwrap_or(&full),
        Variant::Card.max_size(),
        decode,
    );
    let card = card.unwrap_or_else(|| detail.clone().unwrap_or_else(|| full.clone()));
    let detail = detail.unwrap_or_else(|| full.clone());
    Ok([full, detail, card].map(image::DynamicImage::ImageRgb8))
}

/// RGB on the page colour: transparency composited, 16-bit and grey made RGB8.
fn flatten(img: image::DynamicImage) -> image::RgbImage {
    if !img.color().has_alpha() {
        return img.into_rgb8();
    }
    let rgba = img.into_rgba8();
    let [pr, pg, pb] = [0xF5u16, 0xEE, 0xE0];
    image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let px = rgba.get_pixel(x, y);
        let a = u16::from(px[3]);
        let blend = |c: u8, bg: u16| ((u16::from(c) * a + bg * (255 - a)) / 255) as u8;
        image::Rgb([blend(px[0], pr), blend(px[1], pg), blend(px[2], pb)])
    })
}

/// Whether a JPEG's picture data ends with its end-of-image marker: a copy
/// cut short (an interrupted transfer) does not. The header segments are
/// skipped by their lengths, since the EXIF thumbnail inside them is a
/// complete JPEG of its own; inside the picture data a 0xFF byte is always
/// followed by 0x00 or a restart marker, so an end marker there is the end.
pub fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut i = 2; // after the start-of-image marker
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return false;
        }
        let marker = bytes[i + 1];
        if marker == 0xFF {
            i += 1; // fill byte
            continue;
        }
        if marker == 0xDA {
            // Start of scan: the picture data follows (and, in a progressive
            // JPEG, further segments and scans): it must end with 0xFFD9.
            // Searched from the end, where a whole file has it.
            return memchr::memmem::rfind(&bytes[i..], &[0xFF, 0xD9]).is_some();
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        i += 2 + len;
    }
    false
}
