//! The roster's columns: what each holds, its Chinese header (the one the
//! export writes), and the other headers a curator may have typed for it.

/// One column of the roster. The first thirteen are the curators' main
/// interface; the rest carry what a profile holds besides (the English
/// halves, pictures, the sample mark, the folder), so that nothing is lost
/// between a roster and the profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    NameEn,
    Gender,
    Born,
    Died,
    Sector,
    WorkUnit,
    Position,
    Honours,
    Summary,
    Story,
    Quote,
    Portrait,
    Folder,
    WorkUnitEn,
    PositionEn,
    HonoursEn,
    SummaryEn,
    StoryEn,
    QuoteEn,
    Media,
    PortraitFocus,
    Sample,
}

impl Column {
    /// Every column, in the order the export writes them.
    pub const ALL: [Column; 23] = [
        Column::Name,
        Column::NameEn,
        Column::Gender,
        Column::Born,
        Column::Died,
        Column::Sector,
        Column::WorkUnit,
        Column::Position,
        Column::Honours,
        Column::Summary,
        Column::Story,
        Column::Quote,
        Column::Portrait,
        Column::Folder,
        Column::WorkUnitEn,
        Column::PositionEn,
        Column::HonoursEn,
        Column::SummaryEn,
        Column::StoryEn,
        Column::QuoteEn,
        Column::Media,
        Column::PortraitFocus,
        Column::Sample,
    ];

    /// The header the export writes, and the first one accepted.
    pub fn header(self) -> &'static str {
        self.headers()[0]
    }

    /// The English header the guide gives for it.
    pub fn english(self) -> &'static str {
        self.headers()[1]
    }

    /// Every header accepted for this column: Chinese first, then English.
    /// Compared after `normalise_header`, so capitals, spaces and full- or
    /// half-width brackets do not matter.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Column::Name => &["姓名", "Name", "名字"],
            Column::NameEn => &["英文名", "English name", "Name (English)", "拼音"],
            Column::Gender => &["性别", "Gender", "Sex"],
            Column::Born => &["出生", "Born", "出生年份", "Birth year"],
            Column::Died => &["逝世", "Died", "去世", "逝世年份", "Death year"],
            Column::Sector => &["行业", "Sector"],
            Column::WorkUnit => &["工作单位", "Work unit", "单位"],
            Column::Position => &["职务", "Position", "Job"],
            Column::Honours => &["荣誉", "Honours", "Honors", "荣誉称号"],
            Column::Summary => &["简介", "Summary"],
            Column::Story => &["事迹", "Story"],
            Column::Quote => &["格言", "Quote"],
            Column::Portrait => &["肖像", "Portrait", "肖像照片"],
            Column::Folder => &["文件夹", "Folder", "Slug"],
            Column::WorkUnitEn => &["工作单位（英文）", "Work unit (English)"],
            Column::PositionEn => &["职务（英文）", "Position (English)"],
            Column::HonoursEn => &["荣誉（英文）", "Honours (English)", "Honors (English)"],
            Column::SummaryEn => &["简介（英文）", "Summary (English)"],
            Column::StoryEn => &["事迹（英文）", "Story (English)"],
            Column::QuoteEn => &["格言（英文）", "Quote (English)"],
            Column::Media => &["照片资料", "Media", "Pictures", "照片与资料"],
            Column::PortraitFocus => &["肖像焦点", "Portrait focus", "人脸位置"],
            Column::Sample => &["示例", "Sample"],
        }
    }

    /// The column a header names, if any.
    pub fn of_header(header: &str) -> Option<Column> {
        let header = normalise_header(header);
        Column::ALL
            .into_iter()
            .find(|c| c.headers().iter().any(|h| normalise_header(h) == header))
    }
}

/// A header as compared: no spaces, small letters, ASCII brackets, and
/// "英文" or "EN" in brackets read alike (`简介(英文)`, `简介 (EN)`).
pub fn normalise_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{FEFF}')
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c.to_ascii_lowercase(),
        })
        .collect::<String>()
        .replace("(英文)", "(english)")
        .replace("(en)", "(english)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_either_language_and_either_width() {
        assert_eq!(Column::of_header(" 姓名 "), Some(Column::Name));
        assert_eq!(Column::of_header("name"), Some(Column::Name));
        assert_eq!(Column::of_header("简介(英文)"), Some(Column::SummaryEn));
        assert_eq!(Column::of_header("Summary (EN)"), Some(Column::SummaryEn));
        assert_eq!(Column::of_header("HONORS"), Some(Column::Honours));
        assert_eq!(Column::of_header("备注"), None);
        // No header is claimed by two columns.
        for a in Column::ALL {
            for h in a.headers() {
                assert_eq!(Column::of_header(h), Some(a), "{h}");
            }
        }
    }
}
