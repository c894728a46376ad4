//! `kiosk bench`: the performance figures, measured on synthetic collections
//! (realistic text, 12-megapixel photos) generated in a temp folder. Each
//! figure is the median over repeated runs with its spread (min–max).
//! Nothing here asserts a time: benchmarks print figures.

use crate::headless;
use crate::library::{Entry, Library};
use crate::media::{self, Variant};
use crate::profile::{
    self, Exhibition, Gender, Honor, HonorLevel, Media, MediaKind, Profile, ProfileDir, Sector,
    Text,
};
use crate::screens::{Action, Screen};
use bevy::input::touch::{TouchInput, TouchPhase};
use bevy::prelude::*;
use serde::Serialize;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// One figure: median and spread of repeated measurements.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub unit: &'static str,
}

impl Figure {
    fn of(mut samples: Vec<f64>, unit: &'static str) -> Self {
        samples.sort_by(f64::total_cmp);
        let median = samples.get(samples.len() / 2).copied().unwrap_or(f64::NAN);
        Self {
            median,
            min: samples.first().copied().unwrap_or(f64::NAN),
            max: samples.last().copied().unwrap_or(f64::NAN),
            unit,
        }
    }
}

impl std::fmt::Display for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = if self.median >= 100.0 { 0 } else { 2 };
        write!(
            f,
            "{:.p$} {} ({:.p$}–{:.p$})",
            self.median, self.unit, self.min, self.max
        )
    }
}

/// The figures for one collection size.
#[derive(Debug, Clone, Serialize)]
pub struct SizeReport {
    pub profiles: usize,
    pub load_and_validate_ms: Figure,
    pub image_prepare_per_image_ms: Figure,
    /// A cold cache filled with `COLD_FILL_PHOTOS` different photos, as a
    /// start does it: on every core, one large decode at a time.
    pub cold_fill_total_ms: Figure,
    pub cold_fill_per_image_ms: Figure,
    pub image_prepare_warm_ms: Figure,
    pub start_to_gallery_ms: Figure,
    pub frame_gallery_scroll_us: Figure,
    pub frame_timeline_pan_us: Figure,
    pub frame_detail_us: Figure,
    pub frames_from_touch_to_screen: usize,
    pub peak_rss_mb: f64,
}

/// Measures each size in `sizes`, `runs` times each.
pub fn run(sizes: &[usize], runs: usize) -> Vec<SizeReport> {
    let photos_dir = tempfile::tempdir().expect("temp dir");
    let photos: Vec<std::path::PathBuf> = (0..COLD_FILL_PHOTOS)
        .map(|i| {
            let path = photos_dir.path().join(format!("photo-{i}.jpg"));
            synthetic_jpeg(&path, 4000, 3000, i as u64 + 1);
            path
        })
        .collect();
    sizes
        .iter()
        .map(|&n| measure(n, runs.max(1), &photos))
        .collect()
}

/// How many different 12 MP photos the cold-fill figure prepares.
pub const COLD_FILL_PHOTOS: usize = 8;

/// Prepares every photo into an empty cache the way a start does: a worker
/// per core, each photo decoded once into all its sizes.
fn cold_fill(photos: &[std::path::PathBuf]) {
    let cache = tempfile::tempdir().expect("cache dir");
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = bevy::tasks::available_parallelism();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(photo) =
                    photos.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                {
                    media::ensure_cached(photo, Some(cache.path())).expect("photo prepared");
                }
            });
        }
    });
}

fn measure(n: usize, runs: usize, photos: &[std::path::PathBuf]) -> SizeReport {
    let dir = tempfile::tempdir().expect("temp dir");
    generate(dir.path(), n);

    let load_and_validate_ms = Figure::of(
        (0..runs).map(|_| ms(|| load_all(dir.path()))).collect(),
        "ms",
    );
    let photo = dir.path().join("p00000").join("1985-at-work.jpg");
    // Cold: a fresh cache every time; warm: the same cache again.
    let cache = tempfile::tempdir().expect("cache dir");
    let image_prepare_per_image_ms = Figure::of(
        (0..runs.max(3))
            .map(|_| {
                let cold = tempfile::tempdir().expect("cache dir");
                ms(|| {
                    drop(media::prepare_cached(
                        &photo,
                        Variant::Card,
                        Some(cold.path()),
                    ))
                })
            })
            .collect(),
        "ms",
    );
    let fills: Vec<f64> = (0..runs).map(|_| ms(|| cold_fill(photos))).collect();
    let per_image: Vec<f64> = fills.iter().map(|t| t / photos.len() as f64).collect();
    let _ = media::prepare_cached(&photo, Variant::Card, Some(cache.path()));
    let image_prepare_warm_ms = Figure::of(
        (0..runs.max(3))
            .map(|_| {
                ms(|| {
                    drop(media::prepare_cached(
                        &photo,
                        Variant::Card,
                        Some(cache.path()),
                    ))
                })
            })
            .collect(),
        "ms",
    );
    let mut starts = Vec::new();
    let mut app = None;
    for _ in 0..runs {
        let started = Instant::now();
        let mut a = headless::app(dir.path(), (1920, 1080));
        headless::settle(&mut a, 100_000);
        wake(&mut a);
        // Until the cards in view have their pictures.
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            a.update();
            let images = a.world().resource::<crate::images::Images>();
            if (images.in_flight() == 0 && images.textures() > 0) || Instant::now() > deadline {
                break;
            }
        }
        starts.push(started.elapsed().as_secs_f64() * 1e3);
        app = Some(a);
    }
    let mut app = app.expect("at least one run");
    let window = headless::window(&mut app);

    let frame_gallery_scroll_us = frames_while(&mut app, window, 240, |i| {
        // A finger scrolling down and up the grid.
        let y = 900.0 - (i % 60) as f32 * 10.0;
        Some((
            if i % 60 == 0 {
                TouchPhase::Started
            } else {
                TouchPhase::Moved
            },
            Vec2::new(900.0, y),
        ))
    });
    end_touch(&mut app, window);
    app.world_mut()
        .write_message(Action::Show(Screen::Timeline));
    app.update();
    let frame_timeline_pan_us = frames_while(&mut app, window, 240, |i| {
        let x = 1600.0 - (i % 60) as f32 * 20.0;
        Some((
            if i % 60 == 0 {
                TouchPhase::Started
            } else {
                TouchPhase::Moved
            },
            Vec2::new(x, 600.0),
        ))
    });
    end_touch(&mut app, window);
    app.world_mut().write_message(Action::Show(Screen::Gallery));
    app.update();
    let frames_from_touch_to_screen = touch_to_detail(&mut app, window);
    let frame_detail_us = frames_while(&mut app, window, 120, |_| None);

    SizeReport {
        profiles: n,
        load_and_validate_ms,
        image_prepare_per_image_ms,
        cold_fill_total_ms: Figure::of(fills, "ms"),
        cold_fill_per_image_ms: Figure::of(per_image, "ms"),
        image_prepare_warm_ms,
        start_to_gallery_ms: Figure::of(starts, "ms"),
        frame_gallery_scroll_us,
        frame_timeline_pan_us,
        frame_detail_us,
        frames_from_touch_to_screen,
        peak_rss_mb: peak_rss_mb(),
    }
}

fn ms(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1e3
}

/// Exactly what the kiosk does to load a collection: read, parse and
/// validate every profile, then build the library.
fn load_all(root: &Path) {
    let entries: Vec<Entry> = crate::content::profile_slugs(root)
        .into_iter()
        .filter_map(|slug| {
            let bytes = std::fs::read(root.join(&slug).join("profile.ron")).ok()?;
            let loaded = profile::load_profile(&ProfileDir { root, slug: &slug }, &bytes);
            let name_at = loaded.name_at;
            loaded.value.map(|p| Entry {
                slug,
                profile: Arc::new(p),
                name_at,
            })
        })
        .collect();
    let library = Library::build(Arc::new(Exhibition::default()), entries);
    std::hint::black_box(library);
}

fn wake(app: &mut App) {
    let window = headless::window(app);
    for phase in [TouchPhase::Started, TouchPhase::Ended] {
        app.world_mut().write_message(TouchInput {
            phase,
            position: Vec2::new(960.0, 540.0),
            window,
            force: None,
            id: 1,
        });
        app.update();
    }
    for _ in 0..3 {
        app.update();
    }
}

/// CPU time of `frames` frames (µs each), feeding the touch `input(i)` gives.
fn frames_while(
    app: &mut App,
    window: Entity,
    frames: usize,
    input: impl Fn(usize) -> Option<(TouchPhase, Vec2)>,
) -> Figure {
    let mut samples = Vec::with_capacity(frames);
    for i in 0..frames {
        if let Some((phase, position)) = input(i) {
            app.world_mut().write_message(TouchInput {
                phase,
                position,
                window,
                force: None,
                id: 3,
            });
        }
        let t = Instant::now();
        app.update();
        samples.push(t.elapsed().as_secs_f64() * 1e6);
    }
    Figure::of(samples, "µs")
}

fn end_touch(app: &mut App, window: Entity) {
    app.world_mut().write_message(TouchInput {
        phase: TouchPhase::Ended,
        position: Vec2::new(900.0, 600.0),
        window,
        force: None,
        id: 3,
    });
    for _ in 0..90 {
        app.update();
    }
}

/// Frames after the touch's release until Detail shows (0: the same frame).
fn touch_to_detail(app: &mut App, window: Entity) -> usize {
    // Back to the top, then tap the first card.
    app.world_mut()
        .resource_mut::<crate::screens::Visit>()
        .generation += 1;
    for _ in 0..3 {
        app.update();
    }
    let at = Vec2::new(420.0, 450.0);
    app.world_mut().write_message(TouchInput {
        phase: TouchPhase::Started,
        position: at,
        window,
        force: None,
        id: 5,
    });
    app.update();
    app.world_mut().write_message(TouchInput {
        phase: TouchPhase::Ended,
        position: at,
        window,
        force: None,
        id: 5,
    });
    for frames in 0..10 {
        app.update();
        if *app.world().resource::<State<Screen>>().get() == Screen::Detail {
            return frames;
        }
    }
    usize::MAX
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// A synthetic collection of `n` people: plausible text of realistic
/// length, and for each a 1500×1875 portrait and a 12-megapixel photo
/// (hard links to one file each, so generating 10,000 stays quick).
pub fn generate(root: &Path, n: usize) {
    std::fs::create_dir_all(root).expect("bench folder");
    let portrait = root.join("portrait-source.jpg");
    let photo = root.join("photo-source.jpg");
    synthetic_jpeg(&portrait, 1500, 1875, 0);
    synthetic_jpeg(&photo, 4000, 3000, 0);
    let story_zh = "她每天下班后对着布尺练习，把各种布料的宽幅、单价和折算方法背得烂熟，顾客报出尺寸，她一剪下去分毫不差，价钱也随口报出。".repeat(8);
    let story_en = "After work she practised with the measuring rod until she knew every fabric's width, price and conversion by heart. ".repeat(8);
    for i in 0..n {
        let slug = format!("p{i:05}");
        let dir = root.join(&slug);
        std::fs::create_dir_all(&dir).expect("person folder");
        let year = 1950 + (i * 7 % 70) as i32;
        let p = Profile {
            sample: true,
            name: Text::new(format!("人物{i}"), format!("Person {i}")),
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
fn synthetic_jpeg(path: &Path, w: u32, h: u32, variant: u64) {
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

/// The table the README shows.
pub fn table(reports: &[SizeReport]) -> String {
    let mut out = String::new();
    let header: Vec<String> = reports
        .iter()
        .map(|r| format!("{} profiles", r.profiles))
        .collect();
    out.push_str(&format!(
        "| figure | {} |\n|---|{}\n",
        header.join(" | "),
        "---|".repeat(reports.len())
    ));
    let fill = format!("fill a cold cache: {COLD_FILL_PHOTOS} different 12 MP photos, total");
    let rows: [(&str, &dyn Fn(&SizeReport) -> String); 11] = [
        ("load + validate all profiles", &|r| {
            r.load_and_validate_ms.to_string()
        }),
        ("prepare one 12 MP photo, all three sizes (cold)", &|r| {
            r.image_prepare_per_image_ms.to_string()
        }),
        ("the same, from the cache (warm)", &|r| {
            r.image_prepare_warm_ms.to_string()
        }),
        (&fill, &|r| r.cold_fill_total_ms.to_string()),
        ("the same, per photo (on every core)", &|r| {
            r.cold_fill_per_image_ms.to_string()
        }),
        ("start to first gallery frame with pictures", &|r| {
            r.start_to_gallery_ms.to_string()
        }),
        ("CPU per frame, gallery scrolling", &|r| {
            r.frame_gallery_scroll_us.to_string()
        }),
        ("CPU per frame, timeline panning", &|r| {
            r.frame_timeline_pan_us.to_string()
        }),
        ("CPU per frame, detail page", &|r| {
            r.frame_detail_us.to_string()
        }),
        ("frames from touch to new screen", &|r| {
            r.frames_from_touch_to_screen.to_string()
        }),
        ("peak resident memory", &|r| {
            format!("{:.0} MB", r.peak_rss_mb)
        }),
    ];
    for (name, f) in rows {
        let cells: Vec<String> = reports.iter().map(f).collect();
        out.push_str(&format!("| {name} | {} |\n", cells.join(" | ")));
    }
    out
}
