//! `index.html` in the report folder: the lines `kiosk check` prints,
//! grouped by person, with what visitors see of each. A plain page with no
//! script and no outside file, for any browser on the curators' PCs.

use crate::content::saved_at;
use crate::profile::{Problem, counted};
use html_escape::encode_text as text;
use std::fmt::Write;
use std::time::SystemTime;

/// What visitors see of a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Shown,
    /// Their file has errors; visitors see the version saved then.
    FromLastGood(SystemTime),
    /// Their file has errors and no good version was ever kept.
    LeftOut,
}

impl Standing {
    fn words(self) -> (String, &'static str) {
        match self {
            Standing::Shown => ("展出 · shown".to_owned(), "shown"),
            Standing::FromLastGood(t) => {
                let at = saved_at(t);
                (
                    format!(
                        "展出 {at} 保存的上一个正确版本 · shown from the last good version of {at}"
                    ),
                    "last-good",
                )
            }
            Standing::LeftOut => ("未展出 · left out".to_owned(), "left-out"),
        }
    }
}

/// One person's part of the report.
#[derive(Debug, Clone)]
pub struct PersonReport<'a> {
    pub slug: &'a str,
    /// Their Chinese name, when a version of their profile has loaded.
    pub name: Option<&'a str>,
    pub standing: Standing,
    pub problems: Vec<&'a Problem>,
    /// Their preview pages are kept beside the report.
    pub previews: bool,
}

/// The whole page: the summary, the people with something to fix (left out
/// first), the exhibition's own problems, then everyone else.
pub fn index_html(people: &[PersonReport], others: &[&Problem], now: SystemTime) -> String {
    let mut order: Vec<&PersonReport> = people.iter().collect();
    order.sort_by_key(|p| {
        let rank = match (p.standing, p.problems.iter().any(|x| x.is_error())) {
            (Standing::LeftOut, _) => 0,
            (Standing::FromLastGood(_), _) => 1,
            (_, true) => 2,
            _ if !p.problems.is_empty() => 3,
            _ => 4,
        };
        (rank, p.slug)
    });
    let mut html = String::with_capacity(4096 + people.len() * 512);
    head(&mut html, people, others, now);
    let (fine, to_fix): (Vec<&PersonReport>, Vec<&PersonReport>) = order
        .into_iter()
        .partition(|p| p.standing == Standing::Shown && p.problems.is_empty());
    for person in to_fix {
        section(&mut html, person);
    }
    if !others.is_empty() {
        html.push_str("<section><h2>展览与文件夹 · The exhibition and its folders</h2>\n");
        lines(&mut html, others);
        html.push_str("</section>\n");
    }
    if !fine.is_empty() {
        html.push_str("<section><h2>没有问题 · Nothing to fix</h2>\n<ul class=\"fine\">\n");
        for person in fine {
            let _ = writeln!(html, "<li>{}</li>", who(person));
        }
        html.push_str("</ul></section>\n");
    }
    html.push_str("</body>\n</html>\n");
    html
}

const STYLE: &str = "body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;\
margin:2em;max-width:70em;color:#222;background:#faf7f0}\
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em}\
section{border-top:1px solid #ccc}.state{font-weight:normal;font-size:.9em;padding:0 .4em}\
.left-out .state{background:#b3261e;color:#fff}.last-good .state{background:#f0b400}\
li{margin:.3em 0;font-family:monospace;white-space:pre-wrap}\
li.error{color:#b3261e}li.warning{color:#7a5200}.fine{columns:20em}.fine li{font-family:inherit}\
.slug{color:#666;font-size:.8em}";

fn head(html: &mut String, people: &[PersonReport], others: &[&Problem], now: SystemTime) {
    let count = |s: fn(&Standing) -> bool| people.iter().filter(|p| s(&p.standing)).count();
    let shown = count(|s| *s == Standing::Shown);
    let last_good = count(|s| matches!(s, Standing::FromLastGood(_)));
    let left_out = count(|s| *s == Standing::LeftOut);
    let all = people.iter().flat_map(|p| p.problems.iter()).chain(others);
    let (errors, warnings) = all.fold(
        (0, 0),
        |(e, w), p| {
            if p.is_error() { (e + 1, w) } else { (e, w + 1) }
        },
    );
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"refresh\" content=\"15\">\n\
         <title>检查报告 · Check report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>展览检查报告 · Exhibition check report</h1>\n\
         <p>更新于 {at} · updated {at}（每 15 秒自动刷新 · refreshes every 15 s）</p>\n\
         <p><b>{shown} 人展出，{last_good} 人展出上一个正确版本，{left_out} 人未展出；\
         {errors} 个错误，{warnings} 个提醒</b><br>\
         {shown} shown, {last_good} shown from their last good version, {left_out} left out; \
         {}, {}</p>\n",
        counted(errors, "error"),
        counted(warnings, "warning"),
        at = saved_at(now),
    );
}

fn section(html: &mut String, person: &PersonReport) {
    let (words, class) = person.standing.words();
    let _ = writeln!(
        html,
        "<section class=\"{class}\"><h2>{} <span class=\"state\">{}</span></h2>",
        who(person),
        text(&words)
    );
    lines(html, &person.problems);
    html.push_str("</section>\n");
}

/// The name, the folder, and the links to the preview pages.
fn who(person: &PersonReport) -> String {
    let slug = text(person.slug);
    let mut out = match person.name {
        Some(name) => format!("{} <span class=\"slug\">{slug}</span>", text(name)),
        None => format!("<span class=\"slug\">{slug}</span>"),
    };
    if person.previews {
        let _ = write!(
            out,
            " · <a href=\"preview/{slug}.zh.png\">中文预览</a> · <a href=\"preview/{slug}.en.png\">English preview</a>"
        );
    }
    out
}

/// The lines as `kiosk check` prints them, errors marked.
fn lines(html: &mut String, problems: &[&Problem]) {
    if problems.is_empty() {
        return;
    }
    html.push_str("<ul>\n");
    for p in problems {
        let _ = writeln!(
            html,
            "<li class=\"{}\">{}</li>",
            p.severity,
            text(&p.to_string())
        );
    }
    html.push_str("</ul>\n");
}
