//! The one code path that turns a curator's bytes into a profile and a list of
//! problems. The Bevy asset loader and `kiosk check` both call it, so what the
//! kiosk accepts and what `check` reports can never disagree.

use super::format::{Exhibition, Profile, Text};
use super::locate::Locator;
use super::problem::{Position, Problem, msg};
use crate::fonts;
use ron::error::Error as RonError;
use serde::de::DeserializeOwned;
use std::borrow::Cow;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// The largest `profile.ron` or `exhibition.ron` read. A profile with a
/// 50,000-character story is ~150 KB; a file of gigabytes saved under that
/// name by mistake must not be read into memory.
pub const MAX_TEXT_FILE_BYTES: usize = 1 << 20;

/// A curator's text file, read up to one byte past the limit (enough for
/// `decode_text` to refuse it).
pub fn read_text_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_TEXT_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The first year an honour can have: the People's Republic's first.
pub const FIRST_HONOR_YEAR: i32 = 1949;
/// The earliest birth year that is plausible for anyone shown.
pub const EARLIEST_BIRTH_YEAR: i32 = 1880;

/// What came of loading one file: the value if it is fit to show, and every
/// problem found. `value` is `None` exactly when a problem is an error.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub value: Option<T>,
    pub problems: Vec<Problem>,
    /// Where the `name` field stands, for problems found across profiles
    /// (duplicate names) that must still point at a line.
    pub name_at: Position,
}

impl<T> Loaded<T> {
    fn finish(value: T, problems: Vec<Problem>, name_at: Position) -> Self {
        let ok = !problems.iter().any(Problem::is_error);
        Self {
            value: ok.then_some(value),
            problems,
            name_at,
        }
    }

    fn failed(problem: Problem) -> Self {
        Self {
            value: None,
            problems: vec![problem],
            name_at: Position::START,
        }
    }
}

/// Where a profile's files are: the profiles root on disk, how to show paths
/// to the curator, and the person's folder (slug).
#[derive(Debug, Clone)]
pub struct ProfileDir<'a> {
    pub root: &'a Path,
    pub slug: &'a str,
}

impl ProfileDir<'_> {
    pub fn display(&self, file: &str) -> String {
        self.root.join(self.slug).join(file).display().to_string()
    }
}

/// Loads `profiles/<slug>/profile.ron` from its bytes.
pub fn load_profile(dir: &ProfileDir, bytes: &[u8]) -> Loaded<Profile> {
    let path = dir.display("profile.ron");
    let text = match decode_text(&path, bytes) {
        Ok(text) => text,
        Err(problem) => return Loaded::failed(problem),
    };
    let profile: Profile = match parse_ron(&path, &text) {
        Ok(profile) => profile,
        Err(problem) => return Loaded::failed(problem),
    };
    let loc = Locator::new(&text);
    let problems = validate_profile(dir, &path, &loc, &profile, this_year());
    Loaded::finish(profile, problems, loc.field("name"))
}

/// Loads `profiles/exhibition.ron` from its bytes.
pub fn load_exhibition(path: &str, bytes: &[u8]) -> Loaded<Exhibition> {
    let text = match decode_text(path, bytes) {
        Ok(text) => text,
        Err(problem) => return Loaded::failed(problem),
    };
    let exhibition: Exhibition = match parse_ron(path, &text) {
        Ok(e) => e,
        Err(problem) => return Loaded::failed(problem),
    };
    let loc = Locator::new(&text);
    let mut problems = Vec::new();
    if exhibition.title.zh.trim().is_empty() {
        problems.push(Problem::error(
            path,
            loc.field("title"),
            msg("展览标题为空", "the exhibition title is empty", None),
        ));
    }
    if !(10..=3600).contains(&exhibition.idle_seconds) {
        problems.push(Problem::error(
            path,
            loc.field("idle_seconds"),
            msg(
                format!(
                    "idle_seconds 为 {}，应在 10 到 3600 之间",
                    exhibition.idle_seconds
                ),
                format!(
                    "idle_seconds is {}; it must be between 10 and 3600",
                    exhibition.idle_seconds
                ),
                Some(("默认值是 60", "the default is 60")),
            ),
        ));
    }
    if !(3..=60).contains(&exhibition.countdown_seconds) {
        problems.push(Problem::error(
            path,
            loc.field("countdown_seconds"),
            msg(
                format!(
                    "countdown_seconds 为 {}，应在 3 到 60 之间",
                    exhibition.countdown_seconds
                ),
                format!(
                    "countdown_seconds is {}; it must be between 3 and 60",
                    exhibition.countdown_seconds
                ),
                Some(("默认值是 10", "the default is 10")),
            ),
        ));
    }
    for (key, text) in [
        ("title", &exhibition.title),
        ("subtitle", &exhibition.subtitle),
        ("intro", &exhibition.intro),
    ] {
        problems.extend(glyph_warning(path, loc.field(key), key, text));
    }
    Loaded::finish(exhibition, problems, Position::START)
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
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // The position is that of the first bad byte, counted in the good text before it.
            let at = Position::of_offset(std::str::from_utf8(good).unwrap_or_default(), good.len());
            let (_, _, gbk_errors) = encoding_rs::GBK.decode(bytes);
            let (zh, en) = if gbk_errors {
                ("文件不是 UTF-8 编码", "the file is not UTF-8")
            } else {
                (
                    "文件不是 UTF-8 编码（看起来是 GBK）",
                    "the file is not UTF-8 (it looks like GBK)",
                )
            };
            Err(Problem::error(
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
            ))
        }
    }
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
        Problem::error(path, at, describe_ron_error(&e.code))
    })
}

fn describe_ron_error(code: &RonError) -> String {
    match code {
        RonError::NoSuchStructField {
            expected, found, ..
        } => {
            let closest = expected
                .iter()
                .min_by_key(|f| strsim::levenshtein(f, found))
                .filter(|f| strsim::levenshtein(f, found) <= 3);
            let hint_zh;
            let hint_en;
            match closest {
                Some(f) => {
                    hint_zh = format!("是不是想写 `{f}`？");
                    hint_en = format!("did you mean `{f}`?");
                }
                None => {
                    hint_zh = format!("这里可以用的字段：{}", expected.join("、"));
                    hint_en = format!("fields allowed here: {}", expected.join(", "));
                }
            }
            msg(
                format!("未知字段 `{found}`"),
                format!("unknown field `{found}`"),
                Some((&hint_zh, &hint_en)),
            )
        }
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
            Some(("对照示例文件的格式", "compare with a sample profile")),
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
            Some(("对照示例文件的格式", "compare with a sample profile")),
        ),
    }
}

fn validate_profile(
    dir: &ProfileDir,
    path: &str,
    loc: &Locator,
    p: &Profile,
    this_year: i32,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut error = |at: Position, zh: String, en: String, hint: Option<(&str, &str)>| {
        out.push(Problem::error(path, at, msg(zh, en, hint)));
    };

    let required = [
        ("name", &p.name),
        ("work_unit", &p.work_unit),
        ("position", &p.position),
        ("summary", &p.summary),
        ("story", &p.story),
    ];
    for (key, t) in required {
        if t.zh.trim().is_empty() {
            error(
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

    if !(EARLIEST_BIRTH_YEAR..=this_year).contains(&p.born) {
        error(
            loc.field("born"),
            format!("出生年份 {} 不合理", p.born),
            format!("birth year {} is not plausible", p.born),
            Some((
                &format!("应在 {EARLIEST_BIRTH_YEAR} 到 {this_year} 之间"),
                &format!("it must be between {EARLIEST_BIRTH_YEAR} and {this_year}"),
            )),
        );
    }
    if let Some(died) = p.died {
        if died < p.born {
            error(
                loc.field("died"),
                format!("去世年份 {died} 早于出生年份 {}", p.born),
                format!("died ({died}) before being born ({})", p.born),
                Some((
                    "检查 born 与 died 是否写反",
                    "check whether born and died are swapped",
                )),
            );
        } else if died > this_year {
            error(
                loc.field("died"),
                format!("去世年份 {died} 在今年之后"),
                format!("year of death {died} is in the future"),
                None,
            );
        }
    }

    if p.honors.is_empty() {
        error(
            loc.field("honors"),
            "至少需要一项荣誉".into(),
            "at least one honour is needed".into(),
            Some((
                "荣誉决定此人显示在哪个年代",
                "the first honour decides the person's decade",
            )),
        );
    }
    for (i, h) in p.honors.iter().enumerate() {
        let at = loc.item("honors", i, "year");
        if !(FIRST_HONOR_YEAR..=this_year).contains(&h.year) {
            error(
                at,
                format!(
                    "荣誉年份 {} 不在 {FIRST_HONOR_YEAR}—{this_year} 之间",
                    h.year
                ),
                format!(
                    "honour year {} is outside {FIRST_HONOR_YEAR}–{this_year}",
                    h.year
                ),
                None,
            );
        } else if h.year < p.born {
            error(
                at,
                format!("荣誉年份 {} 早于出生年份 {}", h.year, p.born),
                format!("honour year {} is before the birth year {}", h.year, p.born),
                None,
            );
        }
        if h.title.zh.trim().is_empty() {
            error(
                loc.item("honors", i, "title"),
                "荣誉称号为空".into(),
                "the honour has no title".into(),
                None,
            );
        }
    }
    for (i, m) in p.media.iter().enumerate() {
        if let Some(year) = m.year
            && !(FIRST_HONOR_YEAR..=this_year).contains(&year)
        {
            error(
                loc.item("media", i, "year"),
                format!("资料年份 {year} 不在 {FIRST_HONOR_YEAR}—{this_year} 之间"),
                format!("media year {year} is outside {FIRST_HONOR_YEAR}–{this_year}"),
                None,
            );
        }
    }

    // Referenced files: they must stay inside profiles/ and exist.
    out.extend(check_reference(
        dir,
        path,
        loc.field("portrait"),
        &p.portrait,
    ));
    for (i, m) in p.media.iter().enumerate() {
        out.extend(check_reference(
            dir,
            path,
            loc.item("media", i, "file"),
            &m.file,
        ));
    }

    // Characters the bundled font cannot draw would show as boxes.
    let mut texts: Vec<(Position, &str, &Text)> = vec![
        (loc.field("name"), "name", &p.name),
        (loc.field("work_unit"), "work_unit", &p.work_unit),
        (loc.field("position"), "position", &p.position),
        (loc.field("summary"), "summary", &p.summary),
        (loc.field("story"), "story", &p.story),
    ];
    if let Some(q) = &p.quote {
        texts.push((loc.field("quote"), "quote", q));
    }
    for (i, h) in p.honors.iter().enumerate() {
        texts.push((loc.item("honors", i, "title"), "title", &h.title));
    }
    for (i, m) in p.media.iter().enumerate() {
        texts.push((loc.item("media", i, "caption"), "caption", &m.caption));
    }
    for (at, key, t) in texts {
        out.extend(glyph_warning(path, at, key, t));
    }
    out
}

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

/// Why a referenced path cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathError {
    Empty,
    Absolute,
    LeavesProfiles,
}

/// Resolves a path written in a profile (relative to the person's folder,
/// `/` or `\` separators) to a path under `root`, refusing any that leaves it.
pub fn resolve_reference(root: &Path, slug: &str, rel: &str) -> Result<PathBuf, PathError> {
    let rel = rel.trim().replace('\\', "/");
    if rel.is_empty() {
        return Err(PathError::Empty);
    }
    let has_drive =
        rel.len() >= 2 && rel.as_bytes()[1] == b':' && rel.as_bytes()[0].is_ascii_alphabetic();
    if rel.starts_with('/') || has_drive {
        return Err(PathError::Absolute);
    }
    let mut parts: Vec<&std::ffi::OsStr> = vec![std::ffi::OsStr::new(slug)];
    for c in Path::new(&rel).components() {
        match c {
            Component::Normal(p) => parts.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                if parts.pop().is_none() {
                    return Err(PathError::LeavesProfiles);
                }
            }
            Component::RootDir | Component::Prefix(_) => return Err(PathError::Absolute),
        }
    }
    if parts.is_empty() {
        return Err(PathError::LeavesProfiles);
    }
    Ok(parts.iter().fold(root.to_path_buf(), |p, c| p.join(c)))
}

fn check_reference(dir: &ProfileDir, path: &str, at: Position, rel: &str) -> Option<Problem> {
    let problem = |zh: String, en: String, hint: (&str, &str)| {
        Some(Problem::error(path, at, msg(zh, en, Some(hint))))
    };
    match resolve_reference(dir.root, dir.slug, rel) {
        Err(PathError::Empty) => problem(
            "文件名为空".into(),
            "the file name is empty".into(),
            (
                "写上此人文件夹中的图片文件名",
                "name an image in the person's folder",
            ),
        ),
        Err(PathError::Absolute | PathError::LeavesProfiles) => problem(
            format!("路径 “{rel}” 指向 profiles 文件夹之外"),
            format!("the path “{rel}” leaves the profiles folder"),
            (
                "把图片放进此人的文件夹，只写文件名",
                "put the image in the person's folder and write just its name",
            ),
        ),
        Ok(file) => {
            if !file.is_file() {
                // The person is still shown, with a placeholder in its place.
                return Some(Problem::warning(
                    path,
                    at,
                    msg(
                        format!("找不到文件 “{rel}”，看板上显示占位图"),
                        format!("file “{rel}” not found; the kiosk shows a placeholder"),
                        Some((
                            "检查文件名的拼写与大小写，以及文件是否已复制进来",
                            "check spelling and capitals, and that the file was copied in",
                        )),
                    ),
                ));
            }
            // A symbolic link could still lead outside; compare real paths.
            match (file.canonicalize(), dir.root.canonicalize()) {
                (Ok(real), Ok(root)) if !real.starts_with(&root) => problem(
                    format!("路径 “{rel}” 指向 profiles 文件夹之外"),
                    format!("the path “{rel}” leaves the profiles folder"),
                    ("不要使用快捷方式或链接", "do not use shortcuts or links"),
                ),
                _ => None,
            }
        }
    }
}

/// The current year by the system clock (UTC), used to reject future years.
pub fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    year_of_unix_day((secs / 86_400) as i64)
}

/// Civil year of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn year_of_unix_day(days: i64) -> i32 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_year() {
        assert_eq!(year_of_unix_day(0), 1970);
        assert_eq!(year_of_unix_day(20_780), 2026); // 2026-11-23
        assert_eq!(year_of_unix_day(20_818), 2026); // 2026-12-31
        assert_eq!(year_of_unix_day(20_819), 2027);
    }

    #[test]
    fn references_stay_inside_profiles() {
        let root = Path::new("/p");
        assert_eq!(
            resolve_reference(root, "a", "x.jpg"),
            Ok(PathBuf::from("/p/a/x.jpg"))
        );
        assert_eq!(
            resolve_reference(root, "a", "../b/x.jpg"),
            Ok(PathBuf::from("/p/b/x.jpg"))
        );
        assert_eq!(
            resolve_reference(root, "a", "photos\\x.jpg"),
            Ok(PathBuf::from("/p/a/photos/x.jpg"))
        );
        assert_eq!(
            resolve_reference(root, "a", "../../etc/passwd"),
            Err(PathError::LeavesProfiles)
        );
        assert_eq!(
            resolve_reference(root, "a", "/etc/passwd"),
            Err(PathError::Absolute)
        );
        assert_eq!(
            resolve_reference(root, "a", "C:\\x.jpg"),
            Err(PathError::Absolute)
        );
        assert_eq!(resolve_reference(root, "a", " "), Err(PathError::Empty));
    }
}
