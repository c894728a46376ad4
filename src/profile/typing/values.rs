//! The values a curator types after a key: years, choices from a fixed
//! list, and the start of a text.

use super::Scanner;
use crate::profile::curator_file::closest_field;

/// The fields that hold a year.
pub(super) const YEAR_KEYS: [&str; 3] = ["year", "born", "died"];
/// The fractions of the portrait's focus.
pub(super) const FRACTION_KEYS: [&str; 2] = ["x", "y"];
/// The parts of a text: each must be in English double quotes.
pub(super) const TEXT_KEYS: [&str; 2] = ["zh", "en"];

/// The English names of the sectors (their Chinese labels are the
/// format's own).
const SECTORS: [&str; 12] = [
    "Manufacturing",
    "Construction",
    "Commerce",
    "Transport",
    "Health",
    "Education",
    "Finance",
    "PublicService",
    "Science",
    "Culture",
    "Energy",
    "Communications",
];

/// What a field with a fixed list of values may hold, English and Chinese.
pub(super) fn allowed_values(key: &str) -> Option<Vec<&'static str>> {
    let zh_sectors =
        crate::profile::format::Sector::ALL.map(|s| s.label(crate::profile::format::Lang::Zh));
    Some(match key {
        "gender" => vec!["男", "女", "Male", "Female"],
        "level" => vec![
            "全国",
            "国家级",
            "北京市",
            "市级",
            "区级",
            "National",
            "Municipal",
            "District",
        ],
        "kind" => vec!["照片", "资料", "Photo", "Document"],
        "sector" => zh_sectors.into_iter().chain(SECTORS).collect(),
        _ => return None,
    })
}

/// Every field name a curator's file may hold (a profile's, a text's, an
/// honour's, a picture's, the exhibition's): any other is misspelt.
pub(super) const KNOWN_KEYS: [&str; 30] = [
    "sample",
    "name",
    "gender",
    "born",
    "died",
    "sector",
    "work_unit",
    "position",
    "honors",
    "summary",
    "story",
    "quote",
    "portrait",
    "portrait_focus",
    "x",
    "y",
    "media",
    "zh",
    "en",
    "year",
    "title",
    "level",
    "file",
    "kind",
    "caption",
    "subtitle",
    "intro",
    "share_url",
    "idle_seconds",
    "countdown_seconds",
];

/// The leading digits of a value, full-width ones read as ASCII.
fn ascii_digits(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            c => c,
        })
        .take_while(char::is_ascii_digit)
        .collect()
}

/// A character of a number as ASCII, full-width digits, point and
/// minus read as theirs; None for what is no part of a number.
fn ascii_number_char(c: char) -> Option<char> {
    match c {
        '0'..='9' | '.' | '-' | '+' => Some(c),
        '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
        '．' | '。' => Some('.'),
        '－' => Some('-'),
        _ => None,
    }
}

impl Scanner<'_> {
    /// A field name that is none of the format's: told with the one meant,
    /// and (when as long) put right in the repaired copy, so that the rest
    /// of the file is read in the same pass.
    pub(super) fn unknown_key(&mut self, word: &str, at: usize) {
        let meant = closest_field(&KNOWN_KEYS, word);
        let (zh, en) = match meant {
            Some(k) => (
                format!("是不是想写 `{k}`？"),
                format!("did you mean `{k}`?"),
            ),
            None => (
                "对照示例文件的格式".to_owned(),
                "compare with a sample profile".to_owned(),
            ),
        };
        self.error(
            at,
            format!("未知字段 `{word}`"),
            format!("unknown field `{word}`"),
            (&zh, &en),
        );
        if let Some(k) = meant.filter(|k| k.chars().count() == word.chars().count()) {
            for (j, c) in k.chars().enumerate() {
                self.repair(at + j, c);
            }
        }
    }

    /// A value from a fixed list (gender, level, sector, kind): one not in
    /// it is told with the list, and replaced in the repaired copy by one
    /// that fits its place, so the rest of the file is still read.
    pub(super) fn choice(&mut self, key: &str, key_end: usize, allowed: Vec<&'static str>) {
        let colon = self.next_non_space(key_end).unwrap_or(key_end);
        let Some(start) = self.next_non_space(colon + 1) else {
            return;
        };
        let end = self.word_end(start);
        if end == start {
            return; // not a name: RON says what is wrong
        }
        let value: String = self.chars[start..end].iter().collect();
        if allowed.contains(&value.as_str()) {
            return;
        }
        let (zh, en): (Vec<&str>, Vec<&str>) = allowed.iter().partition(|v| !v.is_ascii());
        self.error(
            start,
            format!("{key} 写的是 `{value}`，不是可用的取值"),
            format!("{key} is `{value}`, which is not an allowed value"),
            (
                &format!("可写：{}", zh.join("、")),
                &format!("use one of: {}", en.join(", ")),
            ),
        );
        let width = end - start;
        if let Some(fits) = allowed
            .iter()
            .filter(|v| v.chars().count() <= width)
            .min_by_key(|v| width - v.chars().count())
        {
            let mut with = fits.chars();
            for j in start..end {
                let c = with.next().unwrap_or(' ');
                self.repair(j, c);
            }
        }
    }

    /// A text's part (`zh:` or `en:`) must open with an English double
    /// quote; one typed without it is told at its first character.
    pub(super) fn text_start(&mut self, key_end: usize) {
        let colon = self.next_non_space(key_end).unwrap_or(key_end);
        let Some(start) = self.next_non_space(colon + 1) else {
            return;
        };
        let c = self.chars[start];
        let rest: String = self.chars[start..(start + 5).min(self.chars.len())]
            .iter()
            .collect();
        let quoted = matches!(c, '"' | '“' | '”' | '＂')
            || rest.starts_with("Some(")
            || rest.starts_with("None");
        if quoted || !(c.is_alphanumeric()) {
            return;
        }
        self.error(
            start,
            "这段文字前面缺少英文双引号 \"".to_owned(),
            "the text has no English double quote \" before it".to_owned(),
            (
                "文字两边都要用英文双引号 \"…\"",
                "put English double quotes \"…\" at both ends of a text",
            ),
        );
        self.repair(start, '"');
    }

    /// The value after `key:` for a year: four ASCII digits, or for `died`
    /// no line at all while the person lives.
    pub(super) fn year(&mut self, key: &str, key_at: usize, key_end: usize) {
        let (start, end) = self.value_span(key_end);
        let value: String = self.chars[start..end]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_owned();
        let value_end = start + value.chars().count();
        // RON's own way of writing an optional year (`died`, a picture's
        // `year`) is fine as it is: `None`, `Some(1958)`.
        if value == "None" || value.starts_with("Some(") {
            return;
        }
        let digits = ascii_digits(&value);
        let nothing = digits.trim_start_matches('0').is_empty();
        if !value.is_empty()
            && value.chars().all(|c| c.is_ascii_digit())
            && !(key == "died" && nothing)
        {
            return;
        }
        if value.starts_with('"') {
            self.quoted_year(key, &value, start, value_end);
        } else if key == "died" && nothing {
            self.still_living(&value, start, key_at, end);
        } else {
            self.not_a_year(key, &value, &digits, start, value_end);
        }
    }

    /// Where the value after `key:` stands: from its first character to the
    /// punctuation that ends it.
    fn value_span(&self, key_end: usize) -> (usize, usize) {
        let colon = self.next_non_space(key_end).unwrap_or(key_end);
        let start = self.next_non_space(colon + 1).unwrap_or(colon + 1);
        let ends = |c: char| {
            matches!(
                c,
                ',' | ')' | ']' | '\n' | '\r' | '/' | '，' | '）' | '。' | ';' | '；' | '、'
            )
        };
        let end = (start..self.chars.len())
            .find(|&j| ends(self.chars[j]))
            .unwrap_or(self.chars.len());
        (start, end)
    }

    fn quoted_year(&mut self, key: &str, value: &str, start: usize, value_end: usize) {
        self.error(
            start,
            format!("{key} 写的是 {value}，年份不要加引号"),
            format!("{key} is {value}: write years without quotes"),
            ("例如 born: 1931", "e.g. born: 1931"),
        );
        for j in start..value_end {
            if self.chars[j] == '"' {
                self.repair(j, ' ');
            }
        }
    }

    /// A fraction (the portrait focus's `x:` or `y:`) typed with
    /// full-width digits or a Chinese point (`０．３`, `0。3`): told once, at
    /// the number, and typed in ASCII in the repaired copy.
    pub(super) fn fraction(&mut self, key: &str, key_end: usize) {
        let colon = self.next_non_space(key_end).unwrap_or(key_end);
        let Some(start) = self.next_non_space(colon + 1) else {
            return;
        };
        let end = (start..self.chars.len())
            .find(|&j| ascii_number_char(self.chars[j]).is_none())
            .unwrap_or(self.chars.len());
        let value: String = self.chars[start..end].iter().collect();
        if value.is_ascii() {
            return; // RON reads it, or says what is wrong with it
        }
        self.error(
            start,
            format!("{key} 写的是 {value}，数字或小数点是全角的"),
            format!("{key} is {value}: its digits or point are full-width"),
            (
                "数字和小数点请用英文输入法输入，例如 0.3",
                "type digits and the point in English input, e.g. 0.3",
            ),
        );
        for j in start..end {
            if let Some(c) = ascii_number_char(self.chars[j]) {
                self.repair(j, c);
            }
        }
    }

    /// `died: 无`, `died: 0`, `died: ,`: the person lives, and the line goes.
    fn still_living(&mut self, value: &str, start: usize, key_at: usize, end: usize) {
        let (zh, en) = if value.is_empty() {
            ("（空）", "empty")
        } else {
            (value, value)
        };
        self.error(
            start.min(self.chars.len().saturating_sub(1)),
            format!("died 写的是 {zh}，不是年份"),
            format!("died is {en}, which is not a year"),
            (
                "在世的人不写 died 这一行，请删去整行",
                "for a person still living, leave the died line out",
            ),
        );
        // The repaired copy has no died line (its comma goes too).
        let through = if matches!(self.at(end), Some(',' | '，')) {
            end + 1
        } else {
            end
        };
        for j in key_at..through {
            if self.chars[j] != '\n' {
                self.repair(j, ' ');
            }
        }
    }

    /// `1958年`, `１９５８`, `1958.5`, `1958-03-12`: what a year is.
    fn not_a_year(&mut self, key: &str, value: &str, digits: &str, start: usize, value_end: usize) {
        let full_width = value.chars().any(|c| matches!(c, '０'..='９'));
        let (zh_why, en_why) = if full_width {
            ("这是全角数字，", "these are full-width digits; ")
        } else {
            ("", "")
        };
        self.error(
            start.min(self.chars.len().saturating_sub(1)),
            format!("{key} 写的是 {value}，{zh_why}年份只写四位数字"),
            format!("{key} is {value}; {en_why}a year is four digits"),
            (
                "例如 1958，不要加“年”、月、日或小数点，数字用英文输入法",
                "e.g. 1958: no 年, month, day or decimal point, and digits typed in English",
            ),
        );
        // The repaired copy keeps the year's digits and blanks the rest.
        let mut kept = digits.chars();
        for j in start..value_end {
            let with = kept.next().unwrap_or(' ');
            self.repair(j, with);
        }
    }
}
