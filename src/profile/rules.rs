//! What a parsed profile or exhibition file must say to be shown: the Chinese
//! texts filled in, plausible years, files that stay inside `profiles/`, and
//! characters the bundled font can draw. Each broken rule is one problem,
//! pointed at its field; an error keeps the file off the kiosk, a warning
//! does not.

use super::calendar::Calendar;
use super::folders::ProfileDir;
use super::format::{Exhibition, Profile, Text};
use super::locate::Locator;
use super::problem::{Position, Problem, msg};
use super::references::{check_reference, referenced_files};
use super::years::{EARLIEST_BIRTH_YEAR, FIRST_HONOR_YEAR};
use crate::fonts;
use std::fmt::Display;
use std::ops::RangeInclusive;

/// The `idle_seconds` an exhibition may set: from ten seconds to an hour.
const IDLE_SECONDS: RangeInclusive<u32> = 10..=3600;
/// The `countdown_seconds` an exhibition may set: from three seconds to a minute.
const COUNTDOWN_SECONDS: RangeInclusive<u32> = 3..=60;

/// The errors found in one file, each pointing into it.
struct Errors<'a> {
    path: &'a str,
    found: Vec<Problem>,
}

impl<'a> Errors<'a> {
    fn new(path: &'a str) -> Self {
        Self {
            path,
            found: Vec::new(),
        }
    }

    fn add(
        &mut self,
        at: Position,
        zh: impl Display,
        en: impl Display,
        hint: Option<(&str, &str)>,
    ) {
        self.found
            .push(Problem::error(self.path, at, msg(zh, en, hint)));
    }
}

/// Every problem with a profile: its texts, years, honours, media years,
/// referenced files, then glyphs.
pub(super) fn validate_profile(
    dir: &ProfileDir,
    path: &str,
    loc: &Locator,
    p: &Profile,
    this_year: i32,
) -> Vec<Problem> {
    let mut errors = Errors::new(path);
    check_required_texts(&mut errors, loc, p);
    check_life_years(&mut errors, loc, p, this_year);
    check_honours(&mut errors, loc, p, this_year);
    check_media_years(&mut errors, loc, p, this_year);
    check_portrait_focus(&mut errors, loc, p);
    let mut out = errors.found;

    // Referenced files: they must stay inside profiles/ and exist.
    for (at, file) in referenced_files(loc, p) {
        out.extend(check_reference(dir, path, at, file));
    }
    out.extend(calendar_warnings(dir, path, loc, p));
    // Characters the bundled font cannot draw would show as boxes.
    for (at, key, text) in shown_texts(loc, p) {
        out.extend(glyph_warning(path, at, key, text));
        out.extend(placeholder_warning(path, at, key, text));
    }
    out
}

/// National honours claimed in years they were never conferred: warnings,
/// since the calendar may not know every conferment.
fn calendar_warnings(dir: &ProfileDir, path: &str, loc: &Locator, p: &Profile) -> Vec<Problem> {
    let calendar = Calendar::of_collection(dir);
    p.honors
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let (zh, en) = calendar.doubt(&h.title.zh, h.year)?;
            // The hint is made only for the rare honour in doubt: this runs
            // for every profile the kiosk loads.
            let years = calendar.conference_years();
            let hint = (
                format!("请核对年份与称号；全国劳模表彰大会的年份：{years}"),
                format!("check the year and the title; national conferences: {years}"),
            );
            let at = loc.item("honors", i, "year");
            Some(Problem::warning(
                path,
                at,
                msg(zh, en, Some((&hint.0, &hint.1))),
            ))
        })
        .collect()
}

/// The words `kiosk new`'s template leaves to be replaced.
pub const PLACEHOLDER: &str = "请填写";

/// A text still as `kiosk new`'s template wrote it: shown (the person is
/// otherwise fine), but the curator hears of it at every check.
fn placeholder_warning(path: &str, at: Position, key: &str, text: &Text) -> Option<Problem> {
    text.zh.contains(PLACEHOLDER).then(|| {
        Problem::warning(
            path,
            at,
            msg(
                format!("`{key}` 还是模板里的“（请填写……）”"),
                format!("`{key}` is still the template's “（请填写……）” (to be filled in)"),
                Some(("请换成真实内容", "write the real text in its place")),
            ),
        )
    })
}

/// The texts every profile must have, by field name.
fn required_texts(p: &Profile) -> [(&'static str, &Text); 5] {
    [
        ("name", &p.name),
        ("work_unit", &p.work_unit),
        ("position", &p.position),
        ("summary", &p.summary),
        ("story", &p.story),
    ]
}

fn check_required_texts(errors: &mut Errors, loc: &Locator, p: &Profile) {
    for (key, t) in required_texts(p) {
        if t.zh.trim().is_empty() {
            errors.add(
                loc.field(key),
                format!("`{key}` 的中文为空"),
                format!("`{key}` has no Chinese text"),
                Some((
                    "中文必须填写，英文可以省略",
                    "Chinese is required; English may be left out",
                )),
            );
        }
    }
}

fn check_life_years(errors: &mut Errors, loc: &Locator, p: &Profile, this_year: i32) {
    if !(EARLIEST_BIRTH_YEAR..=this_year).contains(&p.born) {
        errors.add(
            loc.field("born"),
            format!("出生年份 {} 不合理", p.born),
            format!("birth year {} is not plausible", p.born),
            Some((
                &format!("应在 {EARLIEST_BIRTH_YEAR} 到 {this_year} 之间"),
                &format!("it must be between {EARLIEST_BIRTH_YEAR} and {this_year}"),
            )),
        );
    }
    let Some(died) = p.died else { return };
    if died < p.born {
        errors.add(
            loc.field("died"),
            format!("去世年份 {died} 早于出生年份 {}", p.born),
            format!("died ({died}) before being born ({})", p.born),
            Some((
                "检查 born 与 died 是否写反",
                "check whether born and died are swapped",
            )),
        );
    } else if died > this_year {
        errors.add(
            loc.field("died"),
            format!("去世年份 {died} 在今年之后"),
            format!("year of death {died} is in the future"),
            None,
        );
    }
}

fn check_honours(errors: &mut Errors, loc: &Locator, p: &Profile, this_year: i32) {
    if p.honors.is_empty() {
        errors.add(
            loc.field("honors"),
            "至少需要一项荣誉",
            "at least one honour is needed",
            Some((
                "荣誉决定此人显示在哪个年代",
                "the first honour decides the person's decade",
            )),
        );
    }
    for (i, h) in p.honors.iter().enumerate() {
        let at = loc.item("honors", i, "year");
        if !(FIRST_HONOR_YEAR..=this_year).contains(&h.year) {
            add_year_outside(errors, at, ("荣誉年份", "honour year"), h.year, this_year);
        } else if h.year < p.born {
            errors.add(
                at,
                format!("荣誉年份 {} 早于出生年份 {}", h.year, p.born),
                format!("honour year {} is before the birth year {}", h.year, p.born),
                None,
            );
        }
        if h.title.zh.trim().is_empty() {
            errors.add(
                loc.item("honors", i, "title"),
                "荣誉称号为空",
                "the honour has no title",
                None,
            );
        }
    }
}

fn check_media_years(errors: &mut Errors, loc: &Locator, p: &Profile, this_year: i32) {
    for (i, m) in p.media.iter().enumerate() {
        if let Some(year) = m.year
            && !(FIRST_HONOR_YEAR..=this_year).contains(&year)
        {
            let at = loc.item("media", i, "year");
            add_year_outside(errors, at, ("资料年份", "media year"), year, this_year);
        }
    }
}

/// The face's place in the portrait is a fraction of its width and height:
/// a point outside the picture (`y: 30`, meant as 30%) crops nothing sensible.
fn check_portrait_focus(errors: &mut Errors, loc: &Locator, p: &Profile) {
    let Some(focus) = p.portrait_focus else {
        return;
    };
    for (key, value, from_zh, from_en) in [
        ("x", focus.x, "从左边", "from the left"),
        ("y", focus.y, "从上边", "from the top"),
    ] {
        if !(0.0..=1.0).contains(&value) {
            errors.add(
                loc.item("portrait_focus", 0, key),
                format!("portrait_focus 的 {key} 为 {value}，应在 0 到 1 之间"),
                format!("portrait_focus {key} is {value}; it must be between 0 and 1"),
                Some((
                    &format!("{key} 是人脸{from_zh}量起占整张照片的比例，例如 0.3 是三成处"),
                    &format!("{key} is the face's place {from_en} as a share of the picture, e.g. 0.3 for 30%"),
                )),
            );
        }
    }
}

/// A year before the first honour could be given, or after this one.
fn add_year_outside(
    errors: &mut Errors,
    at: Position,
    (what_zh, what_en): (&str, &str),
    year: i32,
    this_year: i32,
) {
    errors.add(
        at,
        format!("{what_zh} {year} 不在 {FIRST_HONOR_YEAR}—{this_year} 之间"),
        format!("{what_en} {year} is outside {FIRST_HONOR_YEAR}–{this_year}"),
        None,
    );
}

/// Every text of a profile a visitor may read, with where it is written.
fn shown_texts<'p>(loc: &Locator, p: &'p Profile) -> Vec<(Position, &'static str, &'p Text)> {
    let mut texts: Vec<_> = required_texts(p)
        .into_iter()
        .map(|(key, t)| (loc.field(key), key, t))
        .collect();
    if let Some(q) = &p.quote {
        texts.push((loc.field("quote"), "quote", q));
    }
    for (i, h) in p.honors.iter().enumerate() {
        texts.push((loc.item("honors", i, "title"), "title", &h.title));
    }
    for (i, m) in p.media.iter().enumerate() {
        texts.push((loc.item("media", i, "caption"), "caption", &m.caption));
    }
    texts
}

/// Every problem with the exhibition file: its title, its timings, and
/// glyphs its texts would show as boxes.
pub(super) fn validate_exhibition(path: &str, loc: &Locator, e: &Exhibition) -> Vec<Problem> {
    let mut errors = Errors::new(path);
    if e.title.zh.trim().is_empty() {
        errors.add(
            loc.field("title"),
            "展览标题为空",
            "the exhibition title is empty",
            None,
        );
    }
    // The hint names the default the kiosk uses when the field is left out.
    let defaults = Exhibition::default();
    let timings = [
        (
            "idle_seconds",
            e.idle_seconds,
            IDLE_SECONDS,
            defaults.idle_seconds,
        ),
        (
            "countdown_seconds",
            e.countdown_seconds,
            COUNTDOWN_SECONDS,
            defaults.countdown_seconds,
        ),
    ];
    for (key, seconds, allowed, default) in timings {
        if !allowed.contains(&seconds) {
            let (low, high) = (allowed.start(), allowed.end());
            errors.add(
                loc.field(key),
                format!("{key} 为 {seconds}，应在 {low} 到 {high} 之间"),
                format!("{key} is {seconds}; it must be between {low} and {high}"),
                Some((
                    &format!("默认值是 {default}"),
                    &format!("the default is {default}"),
                )),
            );
        }
    }
    if let Some(url) = &e.share_url {
        check_share_url(&mut errors, loc.field("share_url"), url);
    }
    let mut out = errors.found;
    for (key, text) in [
        ("title", &e.title),
        ("subtitle", &e.subtitle),
        ("intro", &e.intro),
    ] {
        out.extend(glyph_warning(path, loc.field(key), key, text));
    }
    out
}

/// The share address must be a web address with a place for the person:
/// a QR code of anything else leads a visitor's phone nowhere.
fn check_share_url(errors: &mut Errors, at: Position, url: &str) {
    let url = url.trim();
    let web = url.starts_with("https://") || url.starts_with("http://");
    if !web || url.chars().any(char::is_whitespace) {
        errors.add(
            at,
            format!("share_url “{url}” 不是网址"),
            format!("share_url “{url}” is not a web address"),
            Some((
                "应以 https:// 开头，例如 \"https://example.org/people/{slug}\"",
                "it must begin with https://, e.g. \"https://example.org/people/{slug}\"",
            )),
        );
    } else if !url.contains("{slug}") {
        errors.add(
            at,
            format!("share_url “{url}” 里没有 {{slug}}"),
            format!("share_url “{url}” has no {{slug}}"),
            Some((
                "{slug} 处会换成每个人的文件夹名",
                "{slug} is replaced by each person's folder name",
            )),
        );
    }
}

/// A warning for the first character in `text` the bundled font cannot draw.
fn glyph_warning(path: &str, at: Position, key: &str, text: &Text) -> Option<Problem> {
    let missing = fonts::first_missing_glyph(&text.zh)
        .or_else(|| text.en.as_deref().and_then(fonts::first_missing_glyph))?;
    Some(Problem::warning(
        path,
        at,
        msg(
            format!(
                "`{key}` 中的字符“{missing}”（U+{:04X}）字体无法显示，会显示为方框",
                missing as u32
            ),
            format!(
                "the bundled font cannot draw “{missing}” (U+{:04X}) in `{key}`; it would show as a box",
                missing as u32
            ),
            Some((
                "换用常用字，或联系技术人员更换字体",
                "use a common character, or ask the technician for a fuller font",
            )),
        ),
    ))
}
