//! `index.html`: the sections one under another, Chinese first, each with
//! its chart, its table and a link to its CSV. One file, no scripts, no
//! fonts or pictures fetched: it opens from a USB stick.

use super::figures::Figures;
use super::sections::Section;
use html_escape::encode_text as esc;
use std::fmt::Write;

const STYLE: &str = "
body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif;
       max-width: 1140px; margin: 24px auto; padding: 0 16px; color: #222; background: #fff; }
h1 { font-size: 32px; margin-bottom: 4px; }
h1 small, h2 small { font-weight: normal; color: #555; }
h2 { font-size: 24px; margin-top: 40px; border-bottom: 2px solid #a82a22; padding-bottom: 4px; }
.lead { font-size: 20px; line-height: 1.6; }
.lead b { font-size: 28px; color: #a82a22; }
table { border-collapse: collapse; font-size: 16px; margin: 8px 0; }
th, td { border: 1px solid #ccc; padding: 4px 10px; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f3f3f3; }
svg { display: block; max-width: 100%; height: auto; }
.csv { font-size: 14px; }
";

/// The whole page.
pub fn index_html(f: &Figures, sections: &[Section], since: Option<&str>) -> String {
    let mut page = String::new();
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <title>观众统计 · Visitor statistics</title><style>{STYLE}</style></head><body>\n\
         <h1>观众统计 <small>· Visitor statistics</small></h1>\n"
    );
    lead(&mut page, f, since);
    for section in sections {
        write_section(&mut page, section);
    }
    page.push_str("</body></html>\n");
    page
}

/// The figures a reader wants first: how many visits, how long, where.
fn lead(page: &mut String, f: &Figures, since: Option<&str>) {
    let mean = f.mean_session_seconds().round() as u64;
    let (min, sec) = (mean / 60, mean % 60);
    let first = f.per_day.keys().next().map_or("—", String::as_str);
    let last = f.per_day.keys().next_back().map_or("—", String::as_str);
    let days = f.per_day.len().max(1) as f64;
    // Days with visits: a kiosk closed on Mondays is not a quiet Monday.
    let _ = writeln!(
        page,
        "<p class=\"lead\">{first} 至 {last}：共 <b>{n}</b> 次参观，平均每个开放日 {per_day:.0} 次，\
         每次平均 {min} 分 {sec} 秒。<br>\
         {first} to {last}: <b>{n}</b> {visits}, {per_day:.0} a day open on average, \
         each {min} min {sec} s on average.</p>",
        n = f.sessions,
        visits = if f.sessions == 1 { "visit" } else { "visits" },
        per_day = f.sessions as f64 / days,
    );
    if f.sessions == 0 {
        page.push_str("<p class=\"lead\">还没有参观记录 · no visits recorded yet</p>\n");
    }
    if let Some(since) = since {
        let since = esc(since);
        let _ = writeln!(
            page,
            "<p>只计 {since} 起的参观 · only visits from {since} on</p>"
        );
    }
    page.push_str(
        "<table><tr><th>展机 · kiosk</th><th>数据库 · database</th>\
                   <th>参观 · visits</th><th>首日 · first day</th><th>末日 · last day</th></tr>\n",
    );
    for k in &f.kiosks {
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&k.name),
            esc(&k.file.display().to_string()),
            k.sessions,
            esc(k.first.as_deref().unwrap_or("—")),
            esc(k.last.as_deref().unwrap_or("—")),
        );
    }
    page.push_str("</table>\n");
}

fn write_section(page: &mut String, s: &Section) {
    let _ = writeln!(
        page,
        "<section><h2>{} <small>· {}</small></h2>",
        esc(s.zh),
        esc(s.en)
    );
    // The SVG is plotters' own markup, its labels escaped by plotters.
    page.push_str(&s.chart);
    let file = esc(s.table.file);
    if s.folded {
        let _ = write!(
            page,
            "<details><summary>表格 · table ({} 行 · rows)</summary>",
            s.table.rows.len()
        );
    }
    page.push_str("<table><tr>");
    for h in &s.table.head {
        let _ = write!(page, "<th>{}</th>", esc(h));
    }
    page.push_str("</tr>\n");
    for row in s.table.rows.iter().take(s.shown) {
        page.push_str("<tr>");
        for cell in row {
            let numeric = !cell.is_empty() && cell.chars().all(|c| c.is_ascii_digit() || c == '.');
            let class = if numeric { " class=\"n\"" } else { "" };
            let _ = write!(page, "<td{class}>{}</td>", esc(cell));
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</table>");
    if s.table.rows.len() > s.shown {
        let _ = write!(
            page,
            "<p>以上为前 {n} 位，全部 {all} 位见表格文件 · the first {n} of {all}; all are in the spreadsheet</p>",
            n = s.shown,
            all = s.table.rows.len()
        );
    }
    if s.folded {
        page.push_str("</details>");
    }
    let _ = writeln!(
        page,
        "<p class=\"csv\">表格文件 · as a spreadsheet: <a href=\"{file}\">{file}</a></p></section>"
    );
}
