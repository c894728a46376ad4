//! What a curator types in a cell, read forgivingly: years as Excel or a
//! person writes them, choices in Chinese or English, honours and pictures
//! several to a cell. A value that cannot be read is handed on as it was
//! typed, for the profile loader to tell in the check's own words.

use crate::profile::{HonorLevel, Lang, MediaKind, Sector};

/// A value to write into `profile.ron`, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Read: written as the format wants it.
    Known(String),
    /// Not read, but one word: written as typed, so the loader tells what
    /// is wrong with it exactly as `kiosk check` would.
    Typed(String),
    /// Empty.
    Missing,
    /// Not read, and not one word (it would upset the file around it).
    Unreadable(String),
}

/// Full-width digits and letters as ASCII, spaces trimmed.
pub fn half_width(cell: &str) -> String {
    cell.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            c => c,
        })
        .collect()
}

/// Whether `s` can stand as typed after `key:` without upsetting the file.
fn one_word(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// What is not read becomes `Typed` or `Unreadable`.
fn unread(cell: &str) -> Value {
    let cell = cell.trim();
    if cell.is_empty() {
        Value::Missing
    } else if one_word(cell) {
        Value::Typed(cell.to_owned())
    } else {
        Value::Unreadable(cell.to_owned())
    }
}

/// A year: `1958`, Excel's `1958.0`, `1958年`, `１９５８`, or a date
/// (`1958-03-12`, `1958/3`, `1958.3.12`, `1958年3月12日`), of which the
/// kiosk shows only the year.
pub fn year(cell: &str) -> Value {
    let s = half_width(cell);
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    let rest = &s[digits.len()..];
    let rest_ok = rest.is_empty()
        || rest.chars().all(|c| c == '0' || c == '.') && rest.starts_with('.')
        || is_date_tail(rest);
    if digits.len() == 4 && rest_ok {
        return Value::Known(digits);
    }
    unread(cell)
}

/// What may follow a year's four digits in a date: `年`, `年3月12日`,
/// `-03-12`, `/3`, `.3.12`.
fn is_date_tail(rest: &str) -> bool {
    let rest = rest.strip_suffix('日').unwrap_or(rest);
    let mut parts = rest.split(['年', '月', '-', '/', '.']);
    let first = parts.next();
    first == Some("")
        && parts.all(|p| p.is_empty() || (p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit())))
}

/// A year of death: what a person writes for "still living" is no year.
pub fn year_of_death(cell: &str) -> Option<Value> {
    let s = half_width(cell);
    let living = [
        "", "无", "在世", "健在", "-", "—", "－", "–", "/", "0", "none",
    ];
    (!living.contains(&s.to_lowercase().as_str())).then(|| year(cell))
}

/// A key for comparing choices: small letters, no spaces, `&` or `_`.
fn choice_key(s: &str) -> String {
    half_width(s)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '&' | '_' | '-'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// 男 or 女, as the template writes them, from either language.
pub fn gender(cell: &str) -> Value {
    match choice_key(cell).as_str() {
        "男" | "男性" | "male" | "m" | "man" => Value::Known("男".into()),
        "女" | "女性" | "female" | "f" | "woman" => Value::Known("女".into()),
        _ => unread(cell),
    }
}

/// A sector by its Chinese label, English name or English label.
pub fn sector(cell: &str) -> Value {
    let key = choice_key(cell);
    Sector::ALL
        .into_iter()
        .find(|s| {
            [s.label(Lang::Zh), s.label(Lang::En), &format!("{s:?}")]
                .iter()
                .any(|name| choice_key(name) == key)
        })
        .map_or_else(|| unread(cell), |s| Value::Known(s.label(Lang::Zh).into()))
}

/// An honour's level: 全国, 北京市 or 区级, or what the format also takes.
pub fn level(cell: &str) -> Value {
    let found = match choice_key(cell).as_str() {
        "全国" | "国家级" | "national" => Some(HonorLevel::National),
        "北京市" | "市级" | "municipal" | "beijing" => Some(HonorLevel::Municipal),
        "区级" | "district" => Some(HonorLevel::District),
        _ => None,
    };
    found.map_or_else(|| unread(cell), |l| Value::Known(l.label(Lang::Zh).into()))
}

/// Where the face is in the portrait: two fractions, across then down
/// (`0.5, 0.3`), read through full-width digits, a Chinese comma and
/// brackets. Known as the profile writes it: `(x: 0.5, y: 0.3)`. Whether
/// each lies between 0 and 1 is the check's to tell.
pub fn portrait_focus(cell: &str) -> Value {
    let s: String = half_width(cell)
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '（' | '）'))
        .map(|c| match c {
            '，' | '、' => ',',
            '．' => '.',
            c => c,
        })
        .collect();
    if s.trim().is_empty() {
        return Value::Missing;
    }
    let numbers: Vec<Option<f32>> = s
        .split(',')
        .map(|n| n.trim().parse::<f32>().ok().filter(|n| n.is_finite()))
        .collect();
    match numbers.as_slice() {
        // `{:?}` keeps a point (`1.0`), so RON reads a fraction back.
        [Some(x), Some(y)] => Value::Known(format!("(x: {x:?}, y: {y:?})")),
        _ => Value::Unreadable(cell.trim().to_owned()),
    }
}

/// A picture's kind: 照片 or 资料.
pub fn kind(cell: &str) -> Value {
    let found = match choice_key(cell).as_str() {
        "照片" | "photo" => Some(MediaKind::Photo),
        "资料" | "document" | "doc" => Some(MediaKind::Document),
        _ => None,
    };
    found.map_or_else(|| unread(cell), |k| Value::Known(k.label(Lang::Zh).into()))
}

/// The sample mark: empty or a no is false; a yes is true; else None.
pub fn sample(cell: &str) -> Option<bool> {
    match choice_key(cell).as_str() {
        "" | "否" | "不是" | "false" | "no" | "n" | "0" | "×" => Some(false),
        "是" | "示例" | "true" | "yes" | "y" | "1" | "√" | "✓" => Some(true),
        _ => None,
    }
}

/// The items of a cell holding several: separated by `；`, line breaks,
/// and (where `ascii` is true) `;`. Blank items are dropped.
pub fn items(cell: &str, ascii: bool) -> Vec<String> {
    cell.split(|c| c == '；' || c == '\n' || c == '\r' || (ascii && c == ';'))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The honours' English titles, one per honour in order: an empty one
/// keeps its place (`；Title`); empty ones at the end are dropped.
pub fn titles(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = cell
        .split(['；', ';', '\n'])
        .map(|s| s.trim().to_owned())
        .collect();
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

/// One honour as typed: `年份 称号 级别`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HonourCell {
    pub year: Value,
    pub title: String,
    pub level: Value,
}

/// Reads `1989 北京市劳动模范 北京市` (or `1989年北京市劳动模范 北京市`);
/// None when it is not in three parts.
pub fn honour(item: &str) -> Option<HonourCell> {
    let mut words: Vec<String> = item
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    // A year run into the title: split it off.
    if let Some(first) = words.first().cloned() {
        let head = half_width(&first);
        let digits = head.chars().take_while(char::is_ascii_digit).count();
        let after = head[digits..].strip_prefix('年').unwrap_or(&head[digits..]);
        if digits == 4 && !after.is_empty() && !is_date_tail(&head[digits..]) {
            words[0] = head[..digits].to_owned();
            words.insert(1, after.to_owned());
        }
    }
    if words.len() < 3 {
        return None;
    }
    let level = words.pop()?;
    Some(HonourCell {
        year: year(&words[0]),
        title: words[1..].join(" "),
        level: self::level(&level),
    })
}

/// One picture as typed: `文件 | 种类 | 说明 | 英文说明 | 年份`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaCell {
    pub file: String,
    pub kind: Value,
    pub caption: String,
    pub caption_en: String,
    pub year: Option<Value>,
}

/// Reads one picture; None when it has fewer than three parts or more
/// than five. Of four, the last is the year when it reads as one.
pub fn media(item: &str) -> Option<MediaCell> {
    let parts: Vec<&str> = item.split(['|', '｜']).map(str::trim).collect();
    if !(3..=5).contains(&parts.len()) {
        return None;
    }
    let fourth = parts.get(3).copied().unwrap_or_default();
    let (caption_en, year) = match parts.len() {
        5 => (fourth, parts[4]),
        4 if matches!(self::year(fourth), Value::Known(_)) => ("", fourth),
        _ => (fourth, ""),
    };
    Some(MediaCell {
        file: file_name(parts[0]),
        kind: kind(parts[1]),
        caption: parts[2].to_owned(),
        caption_en: caption_en.to_owned(),
        year: (!year.trim().is_empty()).then(|| self::year(year)),
    })
}

/// A picture's name as the format wants it: `/` between folders (Windows
/// writes `\`).
pub fn file_name(cell: &str) -> String {
    cell.trim().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(s: &str) -> Value {
        Value::Known(s.into())
    }

    #[test]
    fn years_as_curators_write_them() {
        for cell in [
            "1958",
            "1958.0",
            "1958年",
            "１９５８",
            "1958-03-12",
            "1958/3",
            "1958年3月12日",
            " 1958 ",
            "1958.3",
        ] {
            assert_eq!(year(cell), known("1958"), "{cell}");
        }
        assert_eq!(year("一九五八"), Value::Typed("一九五八".into()));
        assert_eq!(year("19580"), Value::Typed("19580".into()));
        assert_eq!(year("19 58"), Value::Unreadable("19 58".into()));
        assert_eq!(year(""), Value::Missing);
        assert_eq!(year_of_death("在世"), None);
        assert_eq!(year_of_death("2010"), Some(known("2010")));
    }

    #[test]
    fn choices_in_either_language() {
        assert_eq!(gender("Female"), known("女"));
        assert_eq!(gender("男"), known("男"));
        assert_eq!(sector("公共服务"), known("公共服务"));
        assert_eq!(sector("Public service"), known("公共服务"));
        assert_eq!(sector("PublicService"), known("公共服务"));
        assert_eq!(sector("Science & technology"), known("科学技术"));
        assert_eq!(sector("交通"), Value::Typed("交通".into()));
        assert_eq!(level("国家级"), known("全国"));
        assert_eq!(level("Municipal"), known("北京市"));
        assert_eq!(kind("Document"), known("资料"));
    }

    #[test]
    fn honours_and_pictures_several_to_a_cell() {
        let cell = "1989 北京市劳动模范 北京市；2000年全国劳动模范 全国";
        let honours: Vec<_> = items(cell, true).iter().filter_map(|i| honour(i)).collect();
        assert_eq!(honours.len(), 2);
        assert_eq!(honours[1].year, known("2000"));
        assert_eq!(honours[1].title, "全国劳动模范");
        assert_eq!(honours[1].level, known("全国"));
        assert_eq!(honour("1989 北京市劳动模范"), None);
        let m = media("a.jpg | 照片 | 说明 | 1958").unwrap();
        assert_eq!((m.caption_en.as_str(), m.year), ("", Some(known("1958"))));
        let m = media("a\\b.jpg｜资料｜说明｜Caption").unwrap();
        assert_eq!(
            (m.file.as_str(), m.caption_en.as_str(), m.year),
            ("a/b.jpg", "Caption", None)
        );
        assert_eq!(media("a.jpg | 照片"), None);
    }

    #[test]
    fn a_portrait_focus_as_two_numbers() {
        let focus = known("(x: 0.5, y: 0.3)");
        for cell in [
            "0.5, 0.3",
            "0.5,0.3",
            "（0.5，0.3）",
            "０．５，０．３",
            " 0.50 , 0.3 ",
        ] {
            assert_eq!(portrait_focus(cell), focus, "{cell}");
        }
        // A whole number keeps its point, so that RON reads a fraction.
        assert_eq!(portrait_focus("1, 0"), known("(x: 1.0, y: 0.0)"));
        // Out of range is read: the check tells it, in its own words.
        assert_eq!(portrait_focus("0.5, 30"), known("(x: 0.5, y: 30.0)"));
        assert_eq!(portrait_focus(""), Value::Missing);
        for cell in ["0.5", "中间偏上", "0.5, 0.3, 0.1", "0.5; 0.3"] {
            assert_eq!(
                portrait_focus(cell),
                Value::Unreadable(cell.into()),
                "{cell}"
            );
        }
    }
}
