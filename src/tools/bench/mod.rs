//! `kiosk bench`: the performance figures, measured on synthetic collections
//! (realistic text, 12-megapixel photos) generated in a temp folder. Each
//! figure is the median over repeated runs with its spread (min–max).
//! Nothing here asserts a time: benchmarks print figures.

mod frames;
mod synthetic;
pub mod year;

use crate::library::{Entry, Library};
use crate::media::{self, Variant};
use crate::profile::{self, Exhibition, ProfileDir};
use crate::search::SearchIndex;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// One figure: median and spread of repeated measurements.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub unit: &'static str,
}

impl Figure {
    pub(super) fn of(mut samples: Vec<f64>, unit: &'static str) -> Self {
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
    /// One 12 MP photo's three sizes, no cache: decoded whole (as before)…
    pub image_full_decode_ms: Figure,
    /// …and decoded at the scale needed (as now), in the same run.
    pub image_scaled_decode_ms: Figure,
    pub start_to_gallery_ms: Figure,
    pub frame_gallery_scroll_us: Figure,
    pub frame_timeline_pan_us: Figure,
    pub frame_detail_us: Figure,
    pub frames_from_touch_to_screen: usize,
    /// 找人's index of everyone, built anew (at each library rebuild).
    pub search_index_build_ms: Figure,
    /// One keystroke's search and its result list.
    pub search_per_key_us: Figure,
    pub peak_rss_mb: f64,
}

/// Measures each size in `sizes`, `runs` times each.
pub fn run(sizes: &[usize], runs: usize) -> Vec<SizeReport> {
    let photos_dir = tempfile::tempdir().expect("temp dir");
    let photos: Vec<PathBuf> = (0..COLD_FILL_PHOTOS)
        .map(|i| {
            let path = photos_dir.path().join(format!("photo-{i}.jpg"));
            synthetic::jpeg(&path, 4000, 3000, i as u64 + 1);
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
fn cold_fill(photos: &[PathBuf]) {
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

fn measure(n: usize, runs: usize, photos: &[PathBuf]) -> SizeReport {
    let dir = tempfile::tempdir().expect("temp dir");
    synthetic::generate(dir.path(), n);
    let load_and_validate_ms = Figure::of(
        (0..runs)
            .map(|_| ms(|| drop(std::hint::black_box(load_all(dir.path())))))
            .collect(),
        "ms",
    );
    let search = SearchFigures::measure(&load_all(dir.path()), runs);
    let photo = dir.path().join("p00000").join("1985-at-work.jpg");
    let images = ImageFigures::measure(&photo, runs, photos);
    let (start_to_gallery_ms, mut app) = frames::start_to_gallery(dir.path(), runs);
    let frames = frames::FrameFigures::measure(&mut app);
    SizeReport {
        profiles: n,
        load_and_validate_ms,
        image_prepare_per_image_ms: images.cold,
        cold_fill_total_ms: images.fill_total,
        cold_fill_per_image_ms: images.fill_per_image,
        image_prepare_warm_ms: images.warm,
        image_full_decode_ms: images.full_decode,
        image_scaled_decode_ms: images.scaled_decode,
        start_to_gallery_ms,
        frame_gallery_scroll_us: frames.gallery_scroll,
        frame_timeline_pan_us: frames.timeline_pan,
        frame_detail_us: frames.detail,
        frames_from_touch_to_screen: frames.touch_to_screen,
        search_index_build_ms: search.index_build,
        search_per_key_us: search.per_key,
        peak_rss_mb: peak_rss_mb(),
    }
}

/// What preparing pictures costs.
struct ImageFigures {
    /// One 12 MP photo into all three sizes, on an empty cache.
    cold: Figure,
    /// The same photo again, from the cache.
    warm: Figure,
    /// `COLD_FILL_PHOTOS` different photos on every core, as a start does.
    fill_total: Figure,
    fill_per_image: Figure,
    full_decode: Figure,
    scaled_decode: Figure,
}

impl ImageFigures {
    fn measure(photo: &Path, runs: usize, photos: &[PathBuf]) -> Self {
        let prepare = |cache: &Path| drop(media::prepare_cached(photo, Variant::Card, Some(cache)));
        // Cold: a fresh cache every time; warm: the same cache again.
        let cold = (0..runs.max(3))
            .map(|_| {
                let cold = tempfile::tempdir().expect("cache dir");
                ms(|| prepare(cold.path()))
            })
            .collect();
        let fills: Vec<f64> = (0..runs).map(|_| ms(|| cold_fill(photos))).collect();
        let per_image = fills.iter().map(|t| t / photos.len() as f64).collect();
        let cache = tempfile::tempdir().expect("cache dir");
        prepare(cache.path());
        let warm = (0..runs.max(3))
            .map(|_| ms(|| prepare(cache.path())))
            .collect();
        // Whole against scaled, in turns, so that both meet the same machine.
        let bytes = std::fs::read(photo).expect("the bench's photo");
        let (mut full, mut scaled) = (Vec::new(), Vec::new());
        for _ in 0..runs.max(3) {
            full.push(ms(|| {
                drop(media::prepare_decoded(&bytes, media::Decode::Full))
            }));
            scaled.push(ms(|| {
                drop(media::prepare_decoded(&bytes, media::Decode::Scaled))
            }));
        }
        Self {
            full_decode: Figure::of(full, "ms"),
            scaled_decode: Figure::of(scaled, "ms"),
            cold: Figure::of(cold, "ms"),
            warm: Figure::of(warm, "ms"),
            fill_total: Figure::of(fills, "ms"),
            fill_per_image: Figure::of(per_image, "ms"),
        }
    }
}

fn ms(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1e3
}

/// Exactly what the kiosk does to load a collection: read, parse and
/// validate every profile, then build the library.
fn load_all(root: &Path) -> Library {
    let entries: Vec<Entry> = crate::profile::folders::profile_slugs(root)
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
    Library::build(root, Arc::new(Exhibition::default()), entries)
}

/// 找人: building the index, and one keystroke's search with its result
/// list, as a visitor types a name letter by letter.
struct SearchFigures {
    index_build: Figure,
    per_key: Figure,
}

/// What a visitor types: a surname and initials, key by key.
const TYPED: &[&str] = &["zhangxy", "wang", "lxm", "1985", "shan tian"];

impl SearchFigures {
    fn measure(library: &Library, runs: usize) -> Self {
        let index_build = (0..runs.max(3))
            .map(|_| {
                ms(|| {
                    drop(std::hint::black_box(SearchIndex::build(
                        library.people.iter().map(|p| &*p.profile),
                    )))
                })
            })
            .collect();
        let mut per_key = Vec::new();
        for _ in 0..runs.max(3) {
            for typed in TYPED {
                for end in 1..=typed.len() {
                    let query = &typed[..end];
                    let t = Instant::now();
                    std::hint::black_box(library.search.find(query));
                    per_key.push(t.elapsed().as_secs_f64() * 1e6);
                }
            }
        }
        Self {
            index_build: Figure::of(index_build, "ms"),
            per_key: Figure::of(per_key, "µs"),
        }
    }
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
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
    let rows: [(&str, &dyn Fn(&SizeReport) -> String); 15] = [
        ("load + validate all profiles", &|r| {
            r.load_and_validate_ms.to_string()
        }),
        ("prepare one 12 MP photo, all three sizes (cold)", &|r| {
            r.image_prepare_per_image_ms.to_string()
        }),
        ("the same, from the cache (warm)", &|r| {
            r.image_prepare_warm_ms.to_string()
        }),
        ("one 12 MP photo's sizes, decoded whole (before)", &|r| {
            r.image_full_decode_ms.to_string()
        }),
        ("the same, decoded at the scale needed (now)", &|r| {
            r.image_scaled_decode_ms.to_string()
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
        ("找人: build the index of everyone", &|r| {
            r.search_index_build_ms.to_string()
        }),
        ("找人: one keystroke's search and result list", &|r| {
            r.search_per_key_us.to_string()
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

/// The visitor statistics' table the README shows.
pub fn year_table(r: &year::YearReport) -> String {
    format!(
        "| visitor statistics | {sessions} visits ({per_day} a day for a year) |\n|---|---|\n\
         | write them all through the kiosk's writer | {write:.1} s |\n\
         | database size | {mb:.1} MB |\n\
         | `kiosk report` over the year | {report} |\n",
        sessions = r.sessions,
        per_day = year::VISITS_PER_DAY,
        write = r.write_s,
        mb = r.database_mb,
        report = r.report_ms,
    )
}
