//! The report's sections: for each, its chart and the table beneath it.
//! The page shows each table and writes it as a CSV, from the same rows,
//! so the page, the files and the database agree.

use super::charts::{self, Bars};
use super::figures::{Figures, LENGTH_BANDS};
use std::collections::HashMap;

/// People's names by slug: Chinese, then English when there is one.
pub type Names = HashMap<String, (String, Option<String>)>;

/// How many people the most-viewed chart shows.
pub const MOST_VIEWED: usize = 20;

/// A table: its CSV file's name, its bilingual headings, its rows.
pub struct Table {
    pub file: &'static str,
    pub head: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

pub struct Section {
    pub zh: &'static str,
    pub en: &'static str,
    /// Inline SVG (empty: no chart).
    pub chart: String,
    pub table: Table,
    /// A long table (a year's days) is folded away under its chart.
    pub folded: bool,
    /// The rows the page shows (the CSV has them all).
    pub shown: usize,
}

const WIDE: (u32, u32) = (1100, 360);

pub fn sections(f: &Figures, names: &Names) -> Vec<Section> {
    vec![
        per_day(f),
        per_hour(f),
        lengths(f),
        people(f, names),
        reading(f),
        searches(f),
        choices(f),
    ]
}

fn bars(labels: &[String], values: &[f64], unit: &'static str, shown: usize) -> String {
    charts::vertical(
        &Bars {
            labels,
            values,
            unit,
            labels_shown: shown,
        },
        WIDE,
    )
}

fn per_day(f: &Figures) -> Section {
    let labels: Vec<String> = f.per_day.keys().map(|d| d[5..].to_owned()).collect();
    let values: Vec<f64> = f.per_day.values().map(|&n| n as f64).collect();
    counts(
        ("每日参观人次", "Visits per day"),
        "visits-per-day.csv",
        ["日期 · date", "人次 · visits"],
        bars(&labels, &values, "人次 · visits", 12),
        f.per_day.iter().map(|(d, &n)| (d.clone(), n)),
        true,
    )
}

fn per_hour(f: &Figures) -> Section {
    // The chart spans the hours the kiosk had visitors (its opening hours).
    let open = |h: &usize| f.per_hour[*h] > 0;
    let first = (0..24).find(open).unwrap_or(0);
    let last = (0..24).rev().find(open).unwrap_or(23).max(first);
    let labels: Vec<String> = (first..=last).map(|h| format!("{h}时")).collect();
    let values: Vec<f64> = f.per_hour[first..=last].iter().map(|&n| n as f64).collect();
    counts(
        (
            "各时段参观人次（按开始的钟点）",
            "Visits by hour of the day (when they began)",
        ),
        "visits-per-hour.csv",
        ["钟点 · hour", "人次 · visits"],
        bars(&labels, &values, "人次 · visits", 24),
        (f.per_hour.iter().enumerate()).map(|(h, &n)| (format!("{h:02}:00"), n)),
        true,
    )
}

fn lengths(f: &Figures) -> Section {
    let short: Vec<String> = LENGTH_BANDS
        .iter()
        .map(|(_, zh, _)| zh.to_string())
        .collect();
    let values: Vec<f64> = f.lengths.iter().map(|&n| n as f64).collect();
    counts(
        ("每次参观的时长", "How long a visit lasts"),
        "visit-lengths.csv",
        ["时长 · length", "人次 · visits"],
        bars(&short, &values, "人次 · visits", LENGTH_BANDS.len()),
        (LENGTH_BANDS.iter().zip(f.lengths)).map(|((_, zh, en), n)| (format!("{zh} · {en}"), n)),
        false,
    )
}

/// A section of counts: its chart, and a table of (label, count) rows.
fn counts(
    (zh, en): (&'static str, &'static str),
    file: &'static str,
    head: [&'static str; 2],
    chart: String,
    rows: impl IntoIterator<Item = (String, u64)>,
    folded: bool,
) -> Section {
    Section {
        zh,
        en,
        chart,
        table: Table {
            file,
            head: head.to_vec(),
            rows: rows
                .into_iter()
                .map(|(l, n)| vec![l, n.to_string()])
                .collect(),
        },
        folded,
        shown: usize::MAX,
    }
}

/// "张秀英 Zhang Xiuying" where the profiles name them, else the slug.
fn name_of(slug: &str, names: &Names) -> String {
    match names.get(slug) {
        Some((zh, Some(en))) => format!("{zh} {en}"),
        Some((zh, None)) => zh.clone(),
        None => "—".to_owned(),
    }
}

/// The most viewed in the chart; everyone in the table and its CSV.
fn people(f: &Figures, names: &Names) -> Section {
    let top = f.most_viewed(MOST_VIEWED);
    let labels: Vec<String> = top
        .iter()
        .map(|(slug, v)| {
            let name = names.get(*slug).map_or(*slug, |n| n.0.as_str());
            format!("{name}（平均 {:.0} 秒）", v.mean_seconds())
        })
        .collect();
    let values: Vec<f64> = top.iter().map(|(_, v)| v.opened as f64).collect();
    let height = 60 + 30 * top.len().max(1) as u32;
    let chart = charts::horizontal(
        &Bars {
            labels: &labels,
            values: &values,
            unit: "打开次数 · times opened",
            labels_shown: MOST_VIEWED,
        },
        (WIDE.0, height),
        300,
    );
    let rows = f
        .most_viewed(usize::MAX)
        .iter()
        .enumerate()
        .map(|(i, (slug, v))| {
            vec![
                (i + 1).to_string(),
                name_of(slug, names),
                slug.to_string(),
                v.opened.to_string(),
                format!("{:.0}", v.mean_seconds()),
            ]
        })
        .collect();
    Section {
        zh: "最受关注的 20 位",
        en: "The 20 most viewed people",
        chart,
        table: Table {
            file: "people.csv",
            head: vec![
                "名次 · rank",
                "姓名 · name",
                "文件夹 · folder",
                "打开次数 · times opened",
                "平均秒数 · mean seconds",
            ],
            rows,
        },
        folded: false,
        shown: MOST_VIEWED,
    }
}

fn reading(f: &Figures) -> Section {
    let rows = [
        ("只用中文 · Chinese only", f.chinese_only),
        ("选过英文 · English chosen", f.english),
        ("大字 · Large text", f.large_text),
        ("高对比 · High contrast", f.high_contrast),
    ];
    counted(
        ("语言与阅读方式", "Languages and reading modes"),
        "languages-and-reading-modes.csv",
        ["参观 · visits", "人次 · visits"],
        &rows,
    )
}

fn searches(f: &Figures) -> Section {
    let rows = [
        ("找到了 · found someone", f.searches_found),
        ("没找到 · found no one", f.searches_not_found),
        ("打开了找到的人 · opened someone found", f.searches_opened),
    ];
    counted(
        ("找人", "Searches"),
        "searches.csv",
        ["找人 · searches", "次数 · times"],
        &rows,
    )
}

/// A section of a few named counts, one bar each.
fn counted(
    title: (&'static str, &'static str),
    file: &'static str,
    head: [&'static str; 2],
    rows: &[(&str, u64)],
) -> Section {
    let labels: Vec<String> = rows.iter().map(|(l, _)| l.to_string()).collect();
    let values: Vec<f64> = rows.iter().map(|(_, n)| *n as f64).collect();
    let chart = bars(&labels, &values, head[1], rows.len());
    let rows = rows.iter().map(|(l, n)| (l.to_string(), *n));
    counts(title, file, head, chart, rows, false)
}

/// Filters and decades: a table only (a dozen sectors, seven decades).
fn choices(f: &Figures) -> Section {
    let mut all: Vec<(&(String, String), &u64)> = f.choices.iter().collect();
    all.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let kind = |k: &str| match k {
        "level" => "荣誉级别 · honour level",
        "sector" => "行业 · sector",
        "all" => "全部 · all",
        "decade" => "年代 · decade",
        _ => "其他 · other",
    };
    Section {
        zh: "筛选与年代",
        en: "Filters and decades chosen",
        chart: String::new(),
        table: Table {
            file: "filters-and-decades.csv",
            head: vec!["种类 · kind", "选择 · chosen", "次数 · times"],
            rows: all
                .into_iter()
                .map(|((k, v), n)| vec![kind(k).to_owned(), chosen(k, v), n.to_string()])
                .collect(),
        },
        folded: false,
        shown: usize::MAX,
    }
}

/// A chip or decade as the exhibition says it: "全国 · National".
fn chosen(kind: &str, value: &str) -> String {
    use crate::profile::{HonorLevel, Lang, Sector};
    let both = |zh: &str, en: &str| format!("{zh} · {en}");
    let level = HonorLevel::ALL.iter().find(|l| l.label(Lang::En) == value);
    let sector = Sector::ALL.iter().find(|s| s.label(Lang::En) == value);
    match (kind, level, sector) {
        ("level", Some(l), _) => both(l.label(Lang::Zh), value),
        ("sector", _, Some(s)) => both(s.label(Lang::Zh), value),
        ("decade", _, _) => both(&format!("{value}年代"), &format!("{value}s")),
        ("all", _, _) => "全部 · All".to_owned(),
        _ => value.to_owned(),
    }
}
