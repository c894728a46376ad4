//! A person from the roster written as the `profile.ron` a curator edits in
//! Notepad: laid out like `kiosk new`'s template, with its Chinese notes,
//! and with the roster column each line came from, so that what the loader
//! finds on a line is told against that column.

use super::columns::Column;
use super::row::{Pair, Person};

/// The file's text, and for each of its lines (0-based) the column it
/// came from.
pub struct ProfileText {
    pub text: String,
    pub columns: Vec<Column>,
}

impl ProfileText {
    /// The column of a 1-based line; the name's for the file as a whole.
    pub fn column_of(&self, line: usize) -> Column {
        line.checked_sub(1)
            .and_then(|i| self.columns.get(i))
            .copied()
            .unwrap_or(Column::Name)
    }

    fn line(&mut self, column: Column, line: impl AsRef<str>) {
        self.text.push_str(line.as_ref());
        self.text.push('\n');
        self.columns.push(column);
    }

    /// A line with its note aligned after it, as in the template.
    fn noted(&mut self, column: Column, line: String, note: &str) {
        let pad = NOTE_COLUMN.saturating_sub(width(&line)).max(1);
        self.line(column, format!("{line}{:pad$}// {note}", ""));
    }
}

/// The focus line as `kiosk new`'s template has it, for a person without one.
const FOCUS_LEFT_OUT: &str = "    // portrait_focus: (x: 0.5, y: 0.3), // 可选：人脸在肖像里的位置，x 从左、y 从上，0 到 1（删去开头的 //）";

/// Where the notes start, as a monospaced editor shows the line.
const NOTE_COLUMN: usize = 40;

/// How wide a line looks in Notepad: a Chinese character takes two places.
fn width(line: &str) -> usize {
    line.chars()
        .map(|c| if c >= '\u{2E80}' { 2 } else { 1 })
        .sum()
}

/// A text as RON writes it: in double quotes, with `"`, `\` and line
/// breaks escaped so the text stays on its line.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `(zh: "…", en: "…")`: English is always written, empty where the roster
/// has none, so the curator sees where it goes (as the template does).
fn pair(p: &Pair) -> String {
    format!("(zh: {}, en: {})", quoted(&p.zh), quoted(&p.en))
}

/// The profile of `person`, imported from the roster `source`.
pub fn compose(person: &Person, source: &str) -> ProfileText {
    let mut t = ProfileText {
        text: String::new(),
        columns: Vec::new(),
    };
    let name = Column::Name;
    header(&mut t, source);
    t.noted(
        Column::Sample,
        format!("    sample: {},", person.sample),
        "示例人物写 true，真实人物写 false",
    );
    t.noted(
        name,
        format!("    name: {},", pair(&person.name)),
        "en：英文或拼音名；可留空",
    );
    t.noted(
        Column::Gender,
        format!("    gender: {},", person.gender),
        "男 或 女",
    );
    t.noted(
        Column::Born,
        format!("    born: {},", person.born),
        "出生年份，四位数字",
    );
    match &person.died {
        Some(died) => t.noted(Column::Died, format!("    died: {died},"), "去世年份"),
        None => t.line(Column::Died, "    // died: 2010,                      // 已故者写去世年份（删去开头的 //）；在世者不写这一行"),
    }
    t.noted(
        Column::Sector,
        format!("    sector: {},", person.sector),
        "工业制造、建筑建设、商业服务、交通运输、医疗卫生、教育、",
    );
    t.line(
        Column::Sector,
        format!(
            "{:NOTE_COLUMN$}// 金融、公共服务、科学技术、文化艺术、能源电力、邮电通信",
            ""
        ),
    );
    t.line(
        Column::WorkUnit,
        format!("    work_unit: {},", pair(&person.work_unit)),
    );
    t.line(
        Column::Position,
        format!("    position: {},", pair(&person.position)),
    );
    honours(&mut t, person);
    long_text(
        &mut t,
        "summary",
        &person.summary,
        (Column::Summary, Column::SummaryEn),
    );
    long_text(
        &mut t,
        "story",
        &person.story,
        (Column::Story, Column::StoryEn),
    );
    match &person.quote {
        Some(q) => t.noted(Column::Quote, format!("    quote: {},", pair(q)), "可选"),
        None => t.line(
            Column::Quote,
            "    // quote: (zh: \"本人的一句话\", en: \"\"),   // 可选",
        ),
    }
    portrait(&mut t, person);
    media(&mut t, person);
    t.line(name, ")");
    t
}

/// The portrait's file, and where the face is in it (when the roster says).
fn portrait(t: &mut ProfileText, person: &Person) {
    t.noted(
        Column::Portrait,
        format!("    portrait: {},", quoted(&person.portrait)),
        "肖像照片，放在本文件夹里",
    );
    match &person.portrait_focus {
        Some(focus) => t.noted(
            Column::PortraitFocus,
            format!("    portrait_focus: {focus},"),
            "人脸在肖像里的位置：x 从左、y 从上，0 到 1",
        ),
        None => t.line(Column::PortraitFocus, FOCUS_LEFT_OUT),
    }
}

/// The notes on top, as the `kiosk new` template has them, and the opening.
fn header(t: &mut ProfileText, source: &str) {
    let name = Column::Name;
    t.line(
        name,
        format!("// 人物资料，由花名册 {source} 导入。每一行“//”后面是说明，看板不显示。"),
    );
    t.line(
        name,
        "// 文字两边用英文双引号 \"…\"，文字里面的引号用中文引号“”。",
    );
    t.line(name, "// 改好保存后，可运行 kiosk check 检查。");
    t.line(name, "(");
}

fn honours(t: &mut ProfileText, person: &Person) {
    t.noted(
        Column::Honours,
        "    honors: [".into(),
        "每项荣誉一行；最早的荣誉决定他/她在哪个年代",
    );
    for h in &person.honours {
        t.line(
            Column::Honours,
            format!(
                "        (year: {}, title: {}, level: {}),",
                h.year,
                pair(&h.title),
                h.level
            ),
        );
    }
    t.noted(
        Column::Honours,
        "    ],".into(),
        "level：全国、北京市 或 区级",
    );
}

/// A long text over three lines, Chinese and English each on its own.
fn long_text(t: &mut ProfileText, key: &str, text: &Pair, (zh, en): (Column, Column)) {
    t.line(zh, format!("    {key}: ("));
    t.line(zh, format!("        zh: {},", quoted(&text.zh)));
    t.line(en, format!("        en: {},", quoted(&text.en)));
    t.line(zh, "    ),");
}

fn media(t: &mut ProfileText, person: &Person) {
    t.noted(
        Column::Media,
        "    media: [".into(),
        "照片与资料；kind：照片 或 资料",
    );
    for m in &person.media {
        let year = m
            .year
            .as_ref()
            .map_or(String::new(), |y| format!(", year: {y}"));
        t.line(
            Column::Media,
            format!(
                "        (file: {}, kind: {}, caption: {}{year}),",
                quoted(&m.file),
                m.kind,
                pair(&m.caption)
            ),
        );
    }
    t.line(Column::Media, "    ],");
}
