//! The honours calendar: which national honours were conferred in which
//! years. A national title in a year without a national conference is the
//! first thing a Beijing visitor who knows the history notices; the check
//! warns of it (never an error: the calendar may be incomplete).
//!
//! The calendar ships with the kiosk (`assets/honours.ron`); curators may add
//! to it in `profiles/honours.ron`, in the same form.

use super::ProfileDir;
use serde::Deserialize;
use std::borrow::Cow;
use std::sync::LazyLock;

/// The curators' additions, beside the person folders.
pub const CALENDAR_FILE: &str = "honours.ron";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// The years of the national conferences of model workers.
    #[serde(default)]
    pub conferences: Vec<i32>,
    #[serde(default)]
    pub honours: Vec<Conferred>,
}

/// An honour whose title contains `title`, and when it was conferred.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conferred {
    pub title: String,
    pub when: When,
}

#[derive(Debug, Clone, Deserialize)]
pub enum When {
    /// At the national conferences.
    Conferences,
    /// In these years only.
    Years(Vec<i32>),
    /// Every year from `from`, except the conferences' years.
    BetweenConferences { from: i32 },
    /// Every year from this one.
    From(i32),
}

static SHIPPED: LazyLock<Calendar> = LazyLock::new(|| {
    ron::from_str(include_str!("../../assets/honours.ron"))
        .expect("the shipped honours calendar is valid (a test reads it)")
});

impl Calendar {
    /// The calendar that ships with the kiosk.
    pub fn shipped() -> &'static Calendar {
        &SHIPPED
    }

    /// The shipped calendar and the curators' additions in `root`, if any
    /// (additions that cannot be read are left out; `kiosk check` says so).
    /// Without additions, the shipped calendar itself, not a copy: this runs
    /// for every profile loaded.
    pub fn of_collection(dir: &ProfileDir) -> Cow<'static, Calendar> {
        match Self::additions(dir.root) {
            Ok(Some(more)) => {
                let mut calendar = SHIPPED.clone();
                calendar.conferences.extend(more.conferences);
                calendar.honours.extend(more.honours);
                Cow::Owned(calendar)
            }
            _ => Cow::Borrowed(&SHIPPED),
        }
    }

    /// `profiles/honours.ron`: None when there is none, Err with what the
    /// check says of it when it cannot be read.
    pub fn additions(root: &std::path::Path) -> Result<Option<Calendar>, super::Problem> {
        let Ok(bytes) = std::fs::read(root.join(CALENDAR_FILE)) else {
            return Ok(None);
        };
        let path = root.join(CALENDAR_FILE).display().to_string();
        let text = super::curator_file::decode_text(&path, &bytes)?;
        super::curator_file::parse_ron(&path, &text).map(Some)
    }

    /// Why `title` (Chinese) cannot have been conferred in `year`, in
    /// Chinese and English; None when the calendar allows it (or does not
    /// know the title).
    pub fn doubt(&self, title: &str, year: i32) -> Option<(String, String)> {
        let rule = self.honours.iter().find(|c| title.contains(&c.title))?;
        let t = &rule.title;
        let conference = self.conferences.contains(&year);
        match &rule.when {
            When::Conferences if !conference => Some((
                format!("{year}年没有召开全国劳模表彰大会，不会授予“{t}”"),
                format!("no national conference was held in {year}, so “{t}” was not conferred"),
            )),
            When::Years(years) if !years.contains(&year) => Some((
                format!("“{t}”只在{}年授予过", joined(years, "、")),
                format!("“{t}” was conferred only in {}", joined(years, ", ")),
            )),
            When::BetweenConferences { from } | When::From(from) if year < *from => Some((
                format!("“{t}”从{from}年才开始授予"),
                format!("“{t}” was first conferred in {from}"),
            )),
            When::BetweenConferences { .. } if conference => Some((
                format!("{year}年召开全国劳模表彰大会，这一年不颁发“{t}”"),
                format!("{year} was a national conference year, when “{t}” was not conferred"),
            )),
            _ => None,
        }
    }

    /// The conferences' years, for a hint.
    pub fn conference_years(&self) -> String {
        let mut years = self.conferences.clone();
        years.sort_unstable();
        years.dedup();
        joined(&years, "、")
    }
}

fn joined(years: &[i32], sep: &str) -> String {
    years
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_calendar_reads_and_knows_the_conferences() {
        let c = Calendar::shipped();
        assert!(c.conferences.contains(&1950) && c.conferences.contains(&2025));
        assert!(!c.conferences.contains(&1966));
        assert!(c.doubt("全国劳动模范", 1989).is_none());
        assert!(
            c.doubt("北京市劳动模范", 1966).is_none(),
            "not a national title"
        );
    }
}
