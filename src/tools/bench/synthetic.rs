//! The bench's synthetic collections: plausible people with text of
//! realistic length and photo-like JPEGs, generated in a temp folder.

use crate::profile::{Gender, Honor, HonorLevel, Media, MediaKind, Profile, Sector, Text};
use std::path::Path;

/// A synthetic collection of `n` people: plausible text of realistic
/// length, and for each a 1500×1875 portrait and a 12-megapixel photo
/// (hard links to one file each, so generating 10,000 stays quick).
pub fn generate(root: &Path, n: usize) {
    std::fs::create_dir_all(root).expect("bench folder");
    let portrait = root.join("portrait-source.jpg");
    let photo = root.join("photo-source.jpg");
    jpeg(&portrait, 1500, 1875, 0);
    jpeg(&photo, 4000, 3000, 0);
    let story_zh = "她每天下班后对着布尺练习，把各种布料的宽幅、单价和折算方法背得烂熟，顾客报出尺寸，她一剪下去分毫不差，价钱也随口报出。".repeat(8);
    let story_en = "After work she practised with the measuring rod until she knew every fabric's width, price and conversion by heart. ".repeat(8);
    for i in 0..n {
        let slug = format!("p{i:05}");
        let dir = root.join(&slug);
        std::fs::create_dir_all(&dir).expect("person folder");
        let year = 1950 + (i * 7 % 70) as i32;
        let p = Profile {
            sample: true,
            name: Text::new(name_of(i), format!("Person {i}")),
            gender: if i % 2 == 0 {
                Gender::Female
            } else {
                Gender::Male
            },
            born: year - 30,
            died: None,
            sector: Sector::ALL[i % Sector::ALL.len()],
            work_unit: Text::new("区第一百货商店", "District No. 1 Department Store"),
            position: Text::new("售货员、柜组长", "Shop assistant, counter team leader"),
            honors: vec![Honor {
                year,
                title: Text::new("北京市劳动模范", "Beijing Model Worker"),
                level: HonorLevel::ALL[i % 3],
            }],
            summary: Text::new(
                "在柜台站了三十二年，练就一抓准、一口清的本领。",
                "Thirty-two years at the counter.",
            ),
            story: Text::new(story_zh.clone(), story_en.clone()),
            quote: Some(Text::new(
                "柜台也是课堂。",
                "The counter is a classroom too.",
            )),
            portrait: "portrait.jpg".into(),
            portrait_focus: None,
            media: vec![Media {
                file: "1985-at-work.jpg".into(),
                kind: MediaKind::Photo,
                caption: Text::new("在工作中", "At work"),
                year: Some(year),
            }],
        };
        let text = ron::ser::to_string_pretty(&p, ron::ser::PrettyConfig::default())
            .expect("profile serialises");
        std::fs::write(dir.join("profile.ron"), text).expect("profile written");
        link_or_copy(&portrait, &dir.join("portrait.jpg"));
        link_or_copy(&photo, &dir.join("1985-at-work.jpg"));
    }
}

fn link_or_copy(from: &Path, to: &Path) {
    if std::fs::hard_link(from, to).is_err() {
        std::fs::copy(from, to).expect("image copied");
    }
}

/// A photograph-like JPEG: smooth gradients with grain, so it compresses
/// (and decodes) like a real photo rather than a flat test card.
/// A photo-sized JPEG with sensor-like grain (as slow to decode as a real
/// one); each `variant` is different content, hence a different cache key.
pub(super) fn jpeg(path: &Path, w: u32, h: u32, variant: u64) {
    let mut seed = 0x2545_F491_4F6C_DD1Du64 ^ variant.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let grain = (seed % 24) as i32 - 12;
        let c = |v: u32| (v as i32 + grain).clamp(0, 255) as u8;
        image::Rgb([
            c(60 + 150 * x / w),
            c(50 + 120 * y / h),
            c(90 + 60 * (x + y) / (w + h)),
        ])
    });
    let file = std::fs::File::create(path).expect("image file");
    let mut enc =
        image::codecs::jpeg::JpegEncoder::new_with_quality(std::io::BufWriter::new(file), 85);
    enc.encode_image(&img).expect("jpeg encoded");
}

/// Surnames (some read only as surnames) and given-name characters, so that
/// 找人 searches names like those of a real collection.
const SURNAMES: [&str; 16] = [
    "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "单", "曾", "欧阳", "解", "乐",
    "翟",
];
const GIVEN: [char; 16] = [
    '秀', '英', '建', '国', '明', '华', '红', '军', '丽', '强', '伟', '芳', '长', '乐', '田', '海',
];

/// A plausible name for person `i`.
fn name_of(i: usize) -> String {
    let surname = SURNAMES[i % SURNAMES.len()];
    let a = GIVEN[(i / SURNAMES.len()) % GIVEN.len()];
    let b = GIVEN[(i / 7 + i / 3) % GIVEN.len()];
    format!("{surname}{a}{b}")
}
