//! The curators' file format: what a `profile.ron` and `exhibition.ron` may
//! hold. Field names are the curators' documented interface — never rename one.
//!
//! Every struct denies unknown fields, so a typo such as `stroy:` is reported
//! instead of silently dropping the story.

use serde::{Deserialize, Serialize};

/// A text in Chinese, optionally in English: `(zh: "…", en: "…")`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: Some(en.into()),
        }
    }

    /// The text in the visitor's language; English falls back to Chinese
    /// where the curator has not written it.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, self.en.as_deref()) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => en,
            _ => &self.zh,
        }
    }
}

/// The two languages a visitor can choose. Chinese comes first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn toggled(self) -> Self {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Gender {
    #[serde(alias = "女")]
    Female,
    #[serde(alias = "男")]
    Male,
}

/// The sectors the gallery can filter by. A fixed list, so that every chip
/// has a proper bilingual label. Curators may write either the English name
/// or the Chinese label visitors see (as for every value below).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Sector {
    #[serde(alias = "工业制造")]
    Manufacturing,
    #[serde(alias = "建筑建设")]
    Construction,
    #[serde(alias = "商业服务")]
    Commerce,
    #[serde(alias = "交通运输")]
    Transport,
    #[serde(alias = "医疗卫生")]
    Health,
    #[serde(alias = "教育")]
    Education,
    #[serde(alias = "金融")]
    Finance,
    #[serde(alias = "公共服务")]
    PublicService,
    #[serde(alias = "科学技术")]
    Science,
    #[serde(alias = "文化艺术")]
    Culture,
    #[serde(alias = "能源电力")]
    Energy,
    #[serde(alias = "邮电通信")]
    Communications,
}

impl Sector {
    pub const ALL: [Sector; 12] = [
        Sector::Manufacturing,
        Sector::Construction,
        Sector::Commerce,
        Sector::Transport,
        Sector::Health,
        Sector::Education,
        Sector::Finance,
        Sector::PublicService,
        Sector::Science,
        Sector::Culture,
        Sector::Energy,
        Sector::Communications,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Sector::Manufacturing => ("工业制造", "Manufacturing"),
            Sector::Construction => ("建筑建设", "Construction"),
            Sector::Commerce => ("商业服务", "Commerce"),
            Sector::Transport => ("交通运输", "Transport"),
            Sector::Health => ("医疗卫生", "Health"),
            Sector::Education => ("教育", "Education"),
            Sector::Finance => ("金融", "Finance"),
            Sector::PublicService => ("公共服务", "Public service"),
            Sector::Science => ("科学技术", "Science & technology"),
            Sector::Culture => ("文化艺术", "Culture"),
            Sector::Energy => ("能源电力", "Energy"),
            Sector::Communications => ("邮电通信", "Post & telecom"),
        };
        lang.pick(zh, en)
    }
}

/// How high an honour reaches. Ordered so that `max()` is the highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum HonorLevel {
    #[serde(alias = "区级")]
    District,
    #[serde(alias = "北京市", alias = "市级")]
    Municipal,
    #[serde(alias = "全国", alias = "国家级")]
    National,
}

impl HonorLevel {
    pub const ALL: [HonorLevel; 3] = [
        HonorLevel::National,
        HonorLevel::Municipal,
        HonorLevel::District,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            HonorLevel::National => ("全国", "National"),
            HonorLevel::Municipal => ("北京市", "Beijing"),
            HonorLevel::District => ("区级", "District"),
        };
        lang.pick(zh, en)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Honor {
    pub year: i32,
    pub title: Text,
    pub level: HonorLevel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum MediaKind {
    #[serde(alias = "照片")]
    Photo,
    #[serde(alias = "资料")]
    Document,
}

impl MediaKind {
    /// What a visitor calls it: the word on its placeholder.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            MediaKind::Photo => lang.pick("照片", "Photo"),
            MediaKind::Document => lang.pick("资料", "Document"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Media {
    pub file: String,
    pub kind: MediaKind,
    pub caption: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

/// Where the face is in a portrait: `(x: 0.5, y: 0.3)`, fractions of the
/// picture's width and height from its top-left corner. The portrait's crops
/// (4:5 on cards and the page, the attract loop's whole screen) keep this
/// point as near their middle as the picture allows.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PortraitFocus {
    pub x: f32,
    pub y: f32,
}

/// One person, as a curator writes them in `profiles/<slug>/profile.ron`.
/// (Not `Eq`: the portrait's focus is a pair of fractions.)
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Fictional example content; the kiosk marks it "示例 · Sample".
    #[serde(default)]
    pub sample: bool,
    pub name: Text,
    pub gender: Gender,
    pub born: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub died: Option<i32>,
    pub sector: Sector,
    pub work_unit: Text,
    pub position: Text,
    pub honors: Vec<Honor>,
    pub summary: Text,
    pub story: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Text>,
    pub portrait: String,
    /// Where the face is in the portrait; without it, crops keep the
    /// portrait's upper part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portrait_focus: Option<PortraitFocus>,
    #[serde(default)]
    pub media: Vec<Media>,
}

impl Profile {
    /// The earliest honour's year: it places the person in a decade.
    pub fn first_honor_year(&self) -> Option<i32> {
        self.honors.iter().map(|h| h.year).min()
    }

    /// The highest honour (latest among equals), shown on the gallery card.
    pub fn highest_honor(&self) -> Option<&Honor> {
        self.honors.iter().max_by_key(|h| (h.level, h.year))
    }
}

/// The exhibition as a whole: `profiles/exhibition.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Exhibition {
    pub title: Text,
    #[serde(default)]
    pub subtitle: Text,
    #[serde(default)]
    pub intro: Text,
    /// Seconds without a touch before the kiosk asks "Still there?".
    #[serde(default = "default_idle_seconds")]
    pub idle_seconds: u32,
    /// Seconds the "Still there?" countdown lasts before the kiosk resets.
    #[serde(default = "default_countdown_seconds")]
    pub countdown_seconds: u32,
    /// Where a visitor can read a person's page at home, with `{slug}` for
    /// the person's folder: `"https://example.org/people/{slug}"`. Each page
    /// then shows its address as a QR code; without it, none is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_url: Option<String>,
}

impl Exhibition {
    /// The address of a person's page to take home, when there is one.
    pub fn share_address(&self, slug: &str) -> Option<String> {
        let template = self.share_url.as_deref()?.trim();
        (!template.is_empty()).then(|| template.replace("{slug}", slug))
    }
}

fn default_idle_seconds() -> u32 {
    60
}

fn default_countdown_seconds() -> u32 {
    10
}

impl Default for Exhibition {
    fn default() -> Self {
        Self {
            title: Text::new("光荣与梦想", "Glory and Dreams"),
            subtitle: Text::new("劳动模范风采展", "Model Workers Exhibition"),
            intro: Text::default(),
            idle_seconds: default_idle_seconds(),
            countdown_seconds: default_countdown_seconds(),
            share_url: None,
        }
    }
}
