//! A curator's text file (`profile.ron`, `exhibition.ron`) from disk to a
//! value: read with a size limit, decoded as the curator's editor saved it,
//! and parsed as RON, with RON's errors told in the curator's words.

use super::problem::{Position, Problem, msg};
use ron::error::Error as RonError;
use serde::de::DeserializeOwned;
use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

/// The largest `profile.ron` or `exhibition.ron` read. A profile with a
/// 50,000-character story is ~150 KB; a file of gigabytes saved under that
/// name by mistake must not be read into memory.
pub const MAX_TEXT_FILE_BYTES: usize = 1 << 20;

/// The byte order mark some Windows editors put before UTF-8 text.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// How many letters an unknown field name may differ by from an allowed one
/// and still be suggested as the one meant (`stroy` is 2 from `story`); any
/// further and the suggestion would be a guess, so every allowed name is listed.
const MAX_TYPO_DISTANCE: usize = 3;

/// The field a misspelt `found` was meant to be, when one is close enough.
pub(super) fn closest_field<'a>(candidates: &[&'a str], found: &str) -> Option<&'a str> {
    candidates
        .iter()
        .copied()
        .min_by_key(|f| strsim::levenshtein(f, found))
        .filter(|f| strsim::levenshtein(f, found) <= MAX_TYPO_DISTANCE)
}

/// The hint where only a look at a correct file helps.
const COMPARE_WITH_SAMPLE: (&str, &str) = ("对照示例文件的格式", "compare with a sample profile");

/// A curator's text file, read up to one byte past the limit (enough for
/// `decode_text` to refuse it).
pub fn read_text_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_TEXT_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Text as the curator's editor saved it: UTF-8, with or without a BOM, with
/// any line endings. Anything else is an error that says which encoding it
/// probably is, since Windows editors still save GBK.
pub fn decode_text<'a>(path: &str, bytes: &'a [u8]) -> Result<Cow<'a, str>, Problem> {
    if bytes.len() > MAX_TEXT_FILE_BYTES {
        return Err(Problem::error(
            path,
            Position::START,
            msg(
                "文件超过 1 MB，不像是人物资料",
                "the file is over 1 MB, which no profile is",
                Some((
                    "请检查是否把别的文件存成了这个名字",
                    "check that another file was not saved under this name",
                )),
            ),
        ));
    }
    if looks_like_utf16(bytes) {
        return Err(Problem::error(
            path,
            Position::START,
            msg(
                "文件是 UTF-16 编码（记事本里叫“Unicode”），不是 UTF-8",
                "the file is UTF-16 (Notepad calls it “Unicode”), not UTF-8",
                Some((
                    "在记事本中选择“另存为”，编码选“UTF-8”后保存",
                    "in Notepad choose Save As and set Encoding to UTF-8",
                )),
            ),
        ));
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(e) => Err(not_utf8(path, bytes, e.valid_up_to())),
    }
}

/// UTF-16, as Notepad saves "Unicode": a byte order mark, or (without one)
/// a zero byte beside nearly every ASCII character.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let sample = &bytes[..bytes.len().min(512)];
    let zeros = sample.iter().filter(|&&b| b == 0).count();
    sample.len() >= 8 && zeros * 3 >= sample.len()
}

/// The error for text that is not UTF-8, at its first bad byte.
fn not_utf8(path: &str, bytes: &[u8], valid_up_to: usize) -> Problem {
    let good = &bytes[..valid_up_to];
    // The position is that of the first bad byte, counted in the good text before it.
    let at = Position::of_offset(std::str::from_utf8(good).unwrap_or_default(), good.len());
    let (_, _, gbk_errors) = encoding_rs::GBK.decode(bytes);
    let (zh, en) = if gbk_errors {
        ("文件不是 UTF-8 编码", "the file is not UTF-8")
    } else {
        (
            "文件不是 UTF-8 编码（看起来是 GBK，记事本里叫“ANSI”）",
            "the file is not UTF-8 (it looks like GBK, which Notepad calls “ANSI”)",
        )
    };
    Problem::error(
        path,
        at,
        msg(
            zh,
            en,
            Some((
                "在记事本中选择“另存为”，编码选“UTF-8”后保存",
                "in Notepad choose Save As and set Encoding to UTF-8",
            )),
        ),
    )
}

/// The RON options curators get: `died: 1990` works without `Some(…)`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Parses RON, turning its error into a located, bilingual problem.
pub fn parse_ron<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, Problem> {
    ron_options().from_str(text).map_err(|e| {
        let at = Position {
            line: e.span.start.line.max(1),
            col: e.span.start.col.max(1),
        };
        if matches!(e.code, RonError::ExpectedComma)
            && let Some(end) = end_of_line_before(text, at)
        {
            // RON notices the missing comma at the next field; the curator
            // must type it at the end of the line before.
            return Problem::error(
                path,
                end,
                msg(
                    "这一行末尾缺少逗号",
                    "a comma is missing at the end of this line",
                    Some(("每个字段后面都要有逗号 ,", "put a comma after each field")),
                ),
            );
        }
        Problem::error(path, at, describe_ron_error(&e.code))
    })
}

/// Where the last line with text before `at` ends, when `at` is the first
/// thing on its line; None when something stands before it on its line.
fn end_of_line_before(text: &str, at: Position) -> Option<Position> {
    let lines: Vec<&str> = text.lines().collect();
    let here = lines.get(at.line - 1)?;
    let before: String = here.chars().take(at.col - 1).collect();
    if !before.trim().is_empty() {
        return None;
    }
    (1..at.line).rev().find_map(|n| {
        let line = lines[n - 1];
        // The end of its text, before any comment.
        let content = line.find(" //").map_or(line, |i| &line[..i]).trim_end();
        (!content.trim().is_empty()).then(|| Position {
            line: n,
            col: content.chars().count() + 1,
        })
    })
}

/// RON's error as the curator is told it: what is wrong, and how to fix it.
fn describe_ron_error(code: &RonError) -> String {
    describe_field_error(code)
        .or_else(|| describe_value_error(code))
        .unwrap_or_else(|| describe_syntax_error(code))
}

/// A field that is misspelt, missing or written twice.
fn describe_field_error(code: &RonError) -> Option<String> {
    Some(match code {
        RonError::NoSuchStructField {
            expected, found, ..
        } => describe_unknown_field(expected, found),
        RonError::MissingStructField { field, .. } => msg(
            format!("缺少字段 `{field}`"),
            format!("missing field `{field}`"),
            Some((
                &format!("请补上 `{field}: …`"),
                &format!("add `{field}: …`"),
            )),
        ),
        RonError::DuplicateStructField { field, .. } => msg(
            format!("字段 `{field}` 写了两次"),
            format!("field `{field}` appears twice"),
            Some(("删去其中一个", "delete one of them")),
        ),
        _ => return None,
    })
}

/// An unknown field: most often a typo, so the closest allowed name is
/// suggested; failing that, every allowed name.
fn describe_unknown_field(expected: &[&str], found: &str) -> String {
    let (hint_zh, hint_en) = match closest_field(expected, found) {
        Some(f) => (
            format!("是不是想写 `{f}`？"),
            format!("did you mean `{f}`?"),
        ),
        None => (
            format!("这里可以用的字段：{}", expected.join("、")),
            format!("fields allowed here: {}", expected.join(", ")),
        ),
    };
    msg(
        format!("未知字段 `{found}`"),
        format!("unknown field `{found}`"),
        Some((&hint_zh, &hint_en)),
    )
}

/// A value of the wrong kind: a name not in the list, a text for a number…
fn describe_value_error(code: &RonError) -> Option<String> {
    Some(match code {
        RonError::NoSuchEnumVariant {
            expected, found, ..
        } => msg(
            format!("`{found}` 不是可用的取值"),
            format!("`{found}` is not an allowed value"),
            Some((
                &format!("可用：{}", expected.join("、")),
                &format!("use one of: {}", expected.join(", ")),
            )),
        ),
        RonError::InvalidValueForType { expected, found } => msg(
            format!("类型不对：这里需要 {expected}，写的是 {found}"),
            format!("wrong type: expected {expected}, found {found}"),
            None,
        ),
        RonError::ExpectedInteger
        | RonError::IntegerOutOfBounds
        | RonError::InvalidIntegerDigit { .. } => msg(
            "这里需要一个整数（如年份 1985）",
            "a whole number is expected here (such as the year 1985)",
            Some(("年份不要加引号", "write years without quotes")),
        ),
        RonError::ExpectedString | RonError::ExpectedStringEnd => msg(
            "这里需要一段用英文双引号括起的文字",
            "a text in double quotes is expected here",
            Some((
                "文字中的引号请用中文引号“”，不要用英文引号\"",
                "inside a text use Chinese quotes “” rather than \"",
            )),
        ),
        _ => return None,
    })
}

/// Punctuation out of place: a comma, a bracket, a comment, the file's end.
/// Any other error is told as RON says it.
fn describe_syntax_error(code: &RonError) -> String {
    match code {
        RonError::ExpectedComma => msg(
            "缺少逗号",
            "a comma is missing",
            Some(("每个字段后面都要有逗号 ,", "put a comma after each field")),
        ),
        RonError::ExpectedArrayEnd | RonError::ExpectedStructLikeEnd | RonError::ExpectedMapEnd => {
            msg(
                "括号没有配对，或缺少逗号",
                "a bracket is not closed, or a comma is missing",
                Some((
                    "检查这一行附近的 ( ) [ ] 与逗号",
                    "check the ( ) [ ] and commas near this line",
                )),
            )
        }
        RonError::ExpectedStructLike | RonError::ExpectedArray => msg(
            "这里应以 ( 或 [ 开始",
            "this should start with ( or [",
            Some(COMPARE_WITH_SAMPLE),
        ),
        RonError::Eof => msg(
            "文件意外结束",
            "the file ends too early",
            Some((
                "可能缺少右括号 ) 或 ]，或文件没有保存完整",
                "a ) or ] may be missing, or the file was not saved completely",
            )),
        ),
        RonError::TrailingCharacters => msg(
            "文件末尾有多余的内容",
            "there is extra text after the end",
            Some((
                "最外层的 ( ) 之后不应再有内容",
                "nothing may follow the outermost ( )",
            )),
        ),
        RonError::UnclosedBlockComment | RonError::UnclosedLineComment => msg(
            "注释没有结束",
            "a comment is not closed",
            Some(("/* 要用 */ 结束", "close /* with */")),
        ),
        other => msg(
            "格式错误",
            format!("syntax error: {other}"),
            Some(COMPARE_WITH_SAMPLE),
        ),
    }
}
