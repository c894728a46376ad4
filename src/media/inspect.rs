//! What `kiosk check` (and the live panel) tells of a picture: its format,
//! size and EXIF turn, and when it cannot be shown, why, in the curator's
//! words.

use super::{LARGE_FILE_BYTES, ensure_cached, with_limits};
use crate::profile::{Position, Problem, msg};
use image::metadata::Orientation;
use std::path::Path;

/// What `kiosk check` tells of one image.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImageInfo {
    pub file: String,
    pub bytes: u64,
    /// Format and size as stored, before turning upright.
    pub format: Option<String>,
    pub width: u32,
    pub height: u32,
    /// The EXIF turn applied, when the photo is not stored upright
    /// (phones store portraits sideways and say so in EXIF).
    pub turned: Option<&'static str>,
    /// Why it cannot be shown (the kiosk draws a placeholder).
    pub error: Option<String>,
}

impl std::fmt::Display for ImageInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mb = self.bytes as f64 / 1_048_576.0;
        match &self.error {
            Some(e) => write!(f, "{}: {mb:.1} MB, cannot be decoded: {e}", self.file),
            None => {
                write!(
                    f,
                    "{}: {} {}×{}, {mb:.1} MB",
                    self.file,
                    self.format.as_deref().unwrap_or("image"),
                    self.width,
                    self.height
                )?;
                if let Some(turn) = self.turned {
                    write!(f, ", turned upright ({turn})")?;
                }
                Ok(())
            }
        }
    }
}

/// Looks at one referenced image the way the kiosk will show it: reads its
/// header (format, size, EXIF orientation) and prepares it into `cache`
/// (which decodes it fully, so a truncated file is caught; a file already
/// prepared is not decoded again). `profile_path` and `at` say where it is
/// referenced, so the curator finds the line to fix.
pub fn check_image(
    file: &Path,
    cache: Option<&Path>,
    profile_path: &str,
    at: Position,
    rel: &str,
) -> (ImageInfo, Vec<Problem>) {
    let mut out = Vec::new();
    let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let mut info = ImageInfo {
        file: file.display().to_string(),
        bytes,
        format: None,
        width: 0,
        height: 0,
        turned: None,
        error: None,
    };
    out.extend(large_file(profile_path, at, rel, bytes));
    let outcome = header(file).and_then(|(format, w, h, orientation)| {
        info.format = Some(format);
        (info.width, info.height) = (w, h);
        info.turned = turn_name(orientation);
        ensure_cached(file, cache)
    });
    if let Err(e) = outcome {
        info.error = Some(e.to_string());
        out.push(Problem::warning(
            profile_path,
            at,
            cannot_show(file, rel, &e),
        ));
    }
    (info, out)
}

/// A picture format the kiosk does not show, by the file's first bytes
/// (whatever its name says): phones save HEIC, scanners TIFF or BMP. (WebP,
/// which phones and messaging apps save too, is shown.)
pub fn foreign_format(file: &Path) -> Option<&'static str> {
    use std::io::Read;
    let mut head = [0u8; 16];
    let n = std::fs::File::open(file).ok()?.read(&mut head).ok()?;
    let head = &head[..n];
    let brand = head.get(4..12);
    if brand.is_some_and(|b| {
        [
            &b"ftypheic"[..],
            b"ftypheix",
            b"ftyphevc",
            b"ftypmif1",
            b"ftypmsf1",
            b"ftypavif",
        ]
        .contains(&b)
    }) {
        Some("HEIC")
    } else if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
        Some("TIFF")
    } else if head.starts_with(b"BM") {
        Some("BMP")
    } else if head.starts_with(b"GIF8") {
        Some("GIF")
    } else {
        None
    }
}

/// What the curator is told of a picture that cannot be shown: its real
/// format and how to get a JPEG, where that is the reason.
pub fn cannot_show(file: &Path, rel: &str, error: &dyn std::fmt::Display) -> String {
    let how = (
        "在看板上会显示为占位图；请用“画图”或“照片”打开后另存为 JPEG，苹果手机可在“设置 › 相机 › 格式”选“兼容性最佳”",
        "the kiosk shows a placeholder; open it in Paint or Photos and save it as JPEG (on an iPhone, Settings › Camera › Formats › Most Compatible)",
    );
    match foreign_format(file) {
        Some(format) => msg(
            format!("图片 “{rel}” 其实是 {format} 格式，看板不能显示"),
            format!("image “{rel}” is really a {format} file, which the kiosk cannot show"),
            Some(how),
        ),
        None => msg(
            format!("图片 “{rel}” 无法解码"),
            format!("image “{rel}” cannot be decoded: {error}"),
            Some((
                "在看板上会显示为占位图；请换一个 JPEG 或 PNG 文件",
                "the kiosk shows a placeholder; use a JPEG or PNG file",
            )),
        ),
    }
}

/// Why a picture cannot be shown, told as `check_image` tells it (the
/// kiosk's own preparation may fail with other words for the same fault);
/// None when it can be.
pub fn why_not_shown(file: &Path) -> Option<String> {
    header(file)
        .and_then(|_| ensure_cached(file, None))
        .err()
        .map(|e| e.to_string())
}

/// Format, stored size and EXIF orientation, from the header alone.
fn header(file: &Path) -> Result<(String, u32, u32, Orientation), image::ImageError> {
    use image::ImageDecoder;
    let reader = image::ImageReader::open(file)?.with_guessed_format()?;
    let format = reader
        .format()
        .map_or_else(|| "image".to_owned(), |f| format!("{f:?}").to_uppercase());
    let mut decoder = with_limits(reader).into_decoder()?;
    let (w, h) = decoder.dimensions();
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    Ok((format, w, h, orientation))
}

/// How the curator would say the EXIF turn; `None` when stored upright.
fn turn_name(orientation: Orientation) -> Option<&'static str> {
    match orientation {
        Orientation::NoTransforms => None,
        Orientation::Rotate90 => Some("EXIF: rotated 90° clockwise"),
        Orientation::Rotate180 => Some("EXIF: rotated 180°"),
        Orientation::Rotate270 => Some("EXIF: rotated 90° counter-clockwise"),
        Orientation::FlipHorizontal => Some("EXIF: mirrored"),
        Orientation::FlipVertical => Some("EXIF: flipped upside down"),
        Orientation::Rotate90FlipH => Some("EXIF: rotated 90° and mirrored"),
        Orientation::Rotate270FlipH => Some("EXIF: rotated 270° and mirrored"),
    }
}

/// A picture file over `LARGE_FILE_BYTES`: shown, but slow to prepare and
/// usually a mistake.
pub fn large_file(profile_path: &str, at: Position, rel: &str, bytes: u64) -> Option<Problem> {
    (bytes > LARGE_FILE_BYTES).then(|| {
        Problem::warning(
            profile_path,
            at,
            msg(
                format!("图片 “{rel}” 有 {} MB，过大", bytes / 1_048_576),
                format!("image “{rel}” is {} MB, too large", bytes / 1_048_576),
                Some(("建议缩小到 30 MB 以下", "shrink it below 30 MB")),
            ),
        )
    })
}
