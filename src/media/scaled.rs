//! Decoding and shrinking at the scale a picture is drawn. A JPEG far larger
//! than the kiosk ever draws it is decoded by libjpeg-turbo at 1/2, 1/4 or
//! 1/8 scale straight from its DCT: a 12 MP phone photo becomes 3 MP while it
//! is decoded, a 100 MP scan 1.6 MP, so no decode allocates more than a few
//! times the largest size prepared. Shrinking is done with SIMD
//! (`fast_image_resize`): with the `image` crate's own decoder and
//! `thumbnail`, a 12 MP photo took ~215 ms, most of it the shrinking.

use image::error::{DecodingError, ImageFormatHint};
use image::{ImageError, ImageFormat, RgbImage};

/// How an original is decoded: at the scale it is needed, with the fast
/// shrink (what the kiosk does); or whole by the `image` crate and shrunk by
/// its `thumbnail` (what it did before; the bench compares the two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decode {
    Scaled,
    Full,
}

/// The JPEG in `bytes` decoded to RGB at the smallest of 1/8, 1/4, 1/2 and 1
/// whose result still covers `needed`; None for what libjpeg-turbo does not
/// turn into RGB (CMYK), which the general decoder then reads.
pub(super) fn scaled_jpeg(
    bytes: &[u8],
    needed: (u32, u32),
) -> Result<Option<RgbImage>, ImageError> {
    use turbojpeg::{Colorspace, Decompressor, Image, PixelFormat, ScalingFactor};
    let mut decompressor = Decompressor::new().map_err(failed)?;
    let header = decompressor.read_header(bytes).map_err(failed)?;
    if matches!(header.colorspace, Colorspace::CMYK | Colorspace::YCCK) {
        return Ok(None);
    }
    let covers = |f: ScalingFactor| {
        let scaled = header.scaled(f);
        scaled.width >= needed.0 as usize && scaled.height >= needed.1 as usize
    };
    let factor = [
        ScalingFactor::ONE_EIGHTH,
        ScalingFactor::ONE_QUARTER,
        ScalingFactor::ONE_HALF,
    ]
    .into_iter()
    .find(|&f| covers(f))
    .unwrap_or(ScalingFactor::ONE);
    let size = header.scaled(factor);
    if (size.width as u64) * (size.height as u64) > super::MAX_PIXELS {
        return Err(failed("the picture is too large to decode"));
    }
    decompressor.set_scaling_factor(factor).map_err(failed)?;
    let mut pixels = vec![0; 3 * size.width * size.height];
    let image = Image {
        pixels: pixels.as_mut_slice(),
        width: size.width,
        pitch: 3 * size.width,
        height: size.height,
        format: PixelFormat::RGB,
    };
    decompressor.decompress(bytes, image).map_err(failed)?;
    let (w, h) = (size.width as u32, size.height as u32);
    RgbImage::from_raw(w, h, pixels)
        .map(Some)
        .ok_or_else(|| failed("the decoded picture has the wrong size"))
}

fn failed(e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> ImageError {
    ImageError::Decoding(DecodingError::new(
        ImageFormatHint::Exact(ImageFormat::Jpeg),
        e,
    ))
}

/// The size `(w, h)` takes fitted inside `frame` (never enlarged).
pub(super) fn fitted((w, h): (u32, u32), frame: (u32, u32)) -> (u32, u32) {
    let scale = (f64::from(frame.0) / f64::from(w.max(1)))
        .min(f64::from(frame.1) / f64::from(h.max(1)))
        .min(1.0);
    let side = |n: u32| ((f64::from(n) * scale).round() as u32).max(1);
    (side(w), side(h))
}

/// `img` shrunk to fit inside `frame`; None when it is inside already (the
/// caller keeps or copies it: no 8 MB copy of a photo made for nothing).
pub(super) fn fit(img: &RgbImage, frame: (u32, u32), decode: Decode) -> Option<RgbImage> {
    let (w, h) = fitted(img.dimensions(), frame);
    if (w, h) == img.dimensions() {
        return None;
    }
    let thumbnail = || image::imageops::thumbnail(img, w, h);
    Some(match decode {
        Decode::Full => thumbnail(),
        Decode::Scaled => shrink(img, (w, h)).unwrap_or_else(thumbnail),
    })
}

/// A SIMD shrink: each pixel the average of the source area it covers (a
/// box filter widened to the scale; a bilinear one cost a third more time
/// for no difference at these scales). None should the library refuse the
/// buffers.
fn shrink(img: &RgbImage, (w, h): (u32, u32)) -> Option<RgbImage> {
    use fast_image_resize::images::{Image, ImageRef};
    use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
    let (sw, sh) = img.dimensions();
    let src = ImageRef::new(sw, sh, img.as_raw(), PixelType::U8x3).ok()?;
    let mut dst = Image::new(w, h, PixelType::U8x3);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Box));
    Resizer::new().resize(&src, &mut dst, &options).ok()?;
    RgbImage::from_raw(w, h, dst.into_vec())
}
