//! The report's charts: bars drawn by plotters as SVG, put inline in the
//! page. Text is SVG `<text>` in the browser's own fonts (no font file is
//! built in: plotters only estimates a label's width, so label areas are
//! sized generously).

use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;

/// The exhibition's red, for bars; dark enough to read on white.
const BAR: RGBColor = RGBColor(0xa8, 0x2a, 0x22);
const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);
const FONT: &str = "sans-serif";

/// What a chart shows: one bar per label.
pub struct Bars<'a> {
    pub labels: &'a [String],
    pub values: &'a [f64],
    /// What the value axis counts, e.g. "人次 · visits".
    pub unit: &'a str,
    /// How many labels at most along the axis (a year has 365 days).
    pub labels_shown: usize,
}

/// Bars standing up, labels below, e.g. visits by hour.
pub fn vertical(bars: &Bars, (w, h): (u32, u32)) -> String {
    let mut svg = String::new();
    let drawn = draw_vertical(&mut svg, bars, (w, h));
    finish(svg, drawn)
}

/// Bars lying down, the first label at the top, e.g. the most viewed.
pub fn horizontal(bars: &Bars, (w, h): (u32, u32), label_width: u32) -> String {
    let mut svg = String::new();
    let drawn = draw_horizontal(&mut svg, bars, (w, h), label_width);
    finish(svg, drawn)
}

type Drawn = Result<(), Box<dyn std::error::Error>>;

/// A chart that could not be drawn says so in the page, and only there.
fn finish(svg: String, drawn: Drawn) -> String {
    match drawn {
        Ok(()) => svg,
        Err(e) => format!(
            "<p>图表无法绘制 · the chart could not be drawn: {}</p>",
            html_escape::encode_text(&e.to_string())
        ),
    }
}

/// Segments for `n` bars: plotters' segmented range holds both ends, so
/// 0..n would leave an empty slot after the last bar.
fn slots(n: usize) -> std::ops::Range<usize> {
    0..n.saturating_sub(1).max(1)
}

fn top(values: &[f64]) -> f64 {
    values.iter().copied().fold(0.0, f64::max).max(1.0) * 1.08
}

fn label_of(labels: &[String]) -> impl Fn(&SegmentValue<usize>) -> String + '_ {
    |v| match v {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
            labels.get(*i).cloned().unwrap_or_default()
        }
        SegmentValue::Last => String::new(),
    }
}

/// Every chart counts (visits, times): a tick between whole numbers
/// (a small chart's 0.5) is left unnamed.
fn count(v: &f64) -> String {
    if v.fract().abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        String::new()
    }
}

fn draw_vertical(svg: &mut String, bars: &Bars, (w, h): (u32, u32)) -> Drawn {
    let root = SVGBackend::with_string(svg, (w, h)).into_drawing_area();
    root.fill(&WHITE)?;
    let n = bars.values.len().max(1);
    let mut chart = ChartBuilder::on(&root)
        .margin(16)
        .x_label_area_size(44)
        .y_label_area_size(72)
        .build_cartesian_2d(slots(n).into_segmented(), 0.0..top(bars.values))?;
    let label = label_of(bars.labels);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(bars.labels_shown.min(n))
        .x_label_formatter(&label)
        .y_label_formatter(&count)
        .y_desc(bars.unit)
        .label_style((FONT, 16).into_font().color(&TEXT))
        .axis_desc_style((FONT, 16).into_font().color(&TEXT))
        .light_line_style(WHITE)
        .draw()?;
    chart.draw_series(
        Histogram::vertical(&chart)
            .style(BAR.filled())
            .margin(if n > 150 {
                0
            } else if n > 40 {
                1
            } else {
                3
            })
            .data(bars.values.iter().enumerate().map(|(i, v)| (i, *v))),
    )?;
    root.present()?;
    Ok(())
}

fn draw_horizontal(svg: &mut String, bars: &Bars, (w, h): (u32, u32), label_width: u32) -> Drawn {
    let root = SVGBackend::with_string(svg, (w, h)).into_drawing_area();
    root.fill(&WHITE)?;
    let n = bars.values.len().max(1);
    // Segment 0 is at the bottom: the first bar is drawn in the last one.
    let flipped: Vec<String> = bars.labels.iter().rev().cloned().collect();
    let mut chart = ChartBuilder::on(&root)
        .margin(16)
        .x_label_area_size(44)
        .y_label_area_size(label_width)
        .build_cartesian_2d(0.0..top(bars.values), slots(n).into_segmented())?;
    let label = label_of(&flipped);
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(n)
        .y_label_formatter(&label)
        .x_label_formatter(&count)
        .x_desc(bars.unit)
        .label_style((FONT, 16).into_font().color(&TEXT))
        .axis_desc_style((FONT, 16).into_font().color(&TEXT))
        .light_line_style(WHITE)
        .draw()?;
    let last = bars.values.len().saturating_sub(1);
    chart.draw_series(
        Histogram::horizontal(&chart)
            .style(BAR.filled())
            .margin(3)
            .data(bars.values.iter().enumerate().map(|(i, v)| (last - i, *v))),
    )?;
    root.present()?;
    Ok(())
}
