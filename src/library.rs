//! The exhibition's collection as visitors browse it: people in order, in
//! decade buckets, with sector and honour indexes. Built from loaded profiles
//! in one pass; rebuilt whole when a curator's change arrives (cheap next to
//! the change itself, and never half-updated).

use crate::profile::references::resolve_reference;
use crate::profile::{
    Exhibition, Honor, HonorLevel, Lang, Position, Problem, Profile, Sector, msg,
};
use crate::search::SearchIndex;
use bevy::prelude::Resource;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One person in the exhibition.
#[derive(Debug, Clone)]
pub struct Person {
    /// The folder name under `profiles/`: stable, ASCII, unique.
    pub slug: String,
    pub profile: Arc<Profile>,
    /// The year of the earliest honour: places the person on the timeline.
    pub first_honor: i32,
    /// 1950 for the 1950s, and so on.
    pub decade: i32,
    /// Where the name stands in `profile.ron`, for collection-level warnings.
    pub name_at: Position,
    /// The portrait's file, resolved under `profiles/` once, when the library
    /// is built (None: the reference cannot be used; a placeholder shows).
    pub portrait_file: Option<PathBuf>,
    /// Each photo's and document's file, in the profile's order.
    pub media_files: Vec<Option<PathBuf>>,
}

/// The people of one decade: a contiguous range of `Library::people`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decade {
    pub start: i32,
    pub people: Range<usize>,
}

impl Decade {
    pub fn len(&self) -> usize {
        self.people.len()
    }

    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }
}

/// What a visitor can narrow the gallery to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    pub sector: Option<Sector>,
    pub level: Option<HonorLevel>,
}

impl Filter {
    pub fn is_all(&self) -> bool {
        self.sector.is_none() && self.level.is_none()
    }

    /// What the filter lets through, in words: "北京市 · 教育"; None for
    /// everyone.
    pub fn words(self, lang: Lang) -> Option<String> {
        let chosen: Vec<&str> = self
            .level
            .map(|l| l.label(lang))
            .into_iter()
            .chain(self.sector.map(|s| s.label(lang)))
            .collect();
        (!chosen.is_empty()).then(|| chosen.join(" · "))
    }
}

/// A profile loaded and fit to show, as the library takes it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub slug: String,
    pub profile: Arc<Profile>,
    pub name_at: Position,
}

#[derive(Resource, Debug, Clone, Default)]
pub struct Library {
    pub exhibition: Arc<Exhibition>,
    /// Ordered by first honour, then name, then slug: decades are contiguous.
    pub people: Vec<Person>,
    /// Only decades that have people, in order.
    pub decades: Vec<Decade>,
    pub by_sector: BTreeMap<Sector, Vec<usize>>,
    /// People holding at least one honour of the level.
    pub by_level: BTreeMap<HonorLevel, Vec<usize>>,
    /// 找人: everyone by every key a visitor may type.
    pub search: SearchIndex,
    by_slug: HashMap<String, usize>,
    /// For related people: who worked in the same unit, who shares a sector
    /// and a decade.
    by_work_unit: HashMap<String, Vec<usize>>,
    by_sector_decade: HashMap<(Sector, i32), Vec<usize>>,
}

/// How many related people a person's page shows.
pub const RELATED_MAX: usize = 6;

/// The decade a year falls in: 1958 → 1950.
pub fn decade_of(year: i32) -> i32 {
    year.div_euclid(10) * 10
}

impl Library {
    /// Builds the library of the profiles under `root`. Entries without
    /// honours cannot be placed and are left out (validation already reports
    /// them as errors).
    pub fn build(
        root: &Path,
        exhibition: Arc<Exhibition>,
        entries: impl IntoIterator<Item = Entry>,
    ) -> Self {
        let mut people: Vec<Person> = entries
            .into_iter()
            .filter_map(|e| {
                let first_honor = e.profile.first_honor_year()?;
                let file = |rel: &str| resolve_reference(root, &e.slug, rel).ok();
                Some(Person {
                    decade: decade_of(first_honor),
                    first_honor,
                    portrait_file: file(&e.profile.portrait),
                    media_files: e.profile.media.iter().map(|m| file(&m.file)).collect(),
                    slug: e.slug,
                    profile: e.profile,
                    name_at: e.name_at,
                })
            })
            .collect();
        people.sort_by(|a, b| {
            (a.first_honor, sort_name(&a.profile), &a.slug).cmp(&(
                b.first_honor,
                sort_name(&b.profile),
                &b.slug,
            ))
        });

        let mut decades: Vec<Decade> = Vec::new();
        let mut by_sector: BTreeMap<Sector, Vec<usize>> = BTreeMap::new();
        let mut by_level: BTreeMap<HonorLevel, Vec<usize>> = BTreeMap::new();
        let mut by_slug = HashMap::with_capacity(people.len());
        let mut by_work_unit: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_sector_decade: HashMap<(Sector, i32), Vec<usize>> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            match decades.last_mut() {
                Some(d) if d.start == p.decade => d.people.end = i + 1,
                _ => decades.push(Decade {
                    start: p.decade,
                    people: i..i + 1,
                }),
            }
            by_sector.entry(p.profile.sector).or_default().push(i);
            let mut levels: Vec<HonorLevel> = p.profile.honors.iter().map(|h| h.level).collect();
            levels.sort();
            levels.dedup();
            for level in levels {
                by_level.entry(level).or_default().push(i);
            }
            by_slug.insert(p.slug.clone(), i);
            let unit = p.profile.work_unit.zh.trim();
            if !unit.is_empty() {
                by_work_unit.entry(unit.to_owned()).or_default().push(i);
            }
            by_sector_decade
                .entry((p.profile.sector, p.decade))
                .or_default()
                .push(i);
        }
        Self {
            exhibition,
            search: SearchIndex::build(people.iter().map(|p| &*p.profile)),
            people,
            decades,
            by_sector,
            by_level,
            by_slug,
            by_work_unit,
            by_sector_decade,
        }
    }

    /// Up to `RELATED_MAX` others for person `i`'s page: first those of the
    /// same work unit, then those of the same sector and decade, each in
    /// the gallery's order.
    pub fn related(&self, i: usize) -> Vec<usize> {
        let p = &self.people[i];
        let same_unit = self.by_work_unit.get(p.profile.work_unit.zh.trim());
        let same_time = self.by_sector_decade.get(&(p.profile.sector, p.decade));
        let mut out = Vec::with_capacity(RELATED_MAX);
        for &j in same_unit.into_iter().chain(same_time).flatten() {
            if out.len() == RELATED_MAX {
                break;
            }
            if j != i && !out.contains(&j) {
                out.push(j);
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.people.len()
    }

    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }

    pub fn index_of(&self, slug: &str) -> Option<usize> {
        self.by_slug.get(slug).copied()
    }

    pub fn get(&self, slug: &str) -> Option<&Person> {
        self.index_of(slug).map(|i| &self.people[i])
    }

    /// The year that places person `i` in the gallery and on the timeline:
    /// the first honour, or with a level filter the first honour of that
    /// level (the one that let the person through).
    pub fn placed_year(&self, i: usize, filter: Filter) -> i32 {
        let person = &self.people[i];
        filter
            .level
            .and_then(|level| {
                person
                    .profile
                    .honors
                    .iter()
                    .filter(|h| h.level == level)
                    .map(|h| h.year)
                    .min()
            })
            .unwrap_or(person.first_honor)
    }

    /// The honour a card shows: the highest one of the decade the card sits
    /// under (the earliest among equals), so that its year never contradicts the
    /// decade heading; with a level filter, the honour that matched.
    pub fn card_honor(&self, i: usize, filter: Filter) -> Option<&Honor> {
        let decade = decade_of(self.placed_year(i, filter));
        self.people[i]
            .profile
            .honors
            .iter()
            .filter(|h| decade_of(h.year) == decade)
            .filter(|h| filter.level.is_none_or(|level| h.level == level))
            .max_by_key(|h| (h.level, std::cmp::Reverse(h.year)))
    }

    /// Indices of the people a filter lets through, in the order they are
    /// shown: by the year that places them (see `placed_year`), then as the
    /// library orders them.
    pub fn filtered(&self, filter: Filter) -> Vec<usize> {
        let mut out = self.filtered_in_library_order(filter);
        if filter.level.is_some() {
            // Stable: within a year, the library's order (name, slug) stays.
            out.sort_by_key(|&i| self.placed_year(i, filter));
        }
        out
    }

    fn filtered_in_library_order(&self, filter: Filter) -> Vec<usize> {
        let sector = filter
            .sector
            .map(|s| self.by_sector.get(&s).map_or(&[][..], Vec::as_slice));
        let level = filter
            .level
            .map(|l| self.by_level.get(&l).map_or(&[][..], Vec::as_slice));
        match (sector, level) {
            (None, None) => (0..self.people.len()).collect(),
            (Some(a), None) | (None, Some(a)) => a.to_vec(),
            // Both index lists are sorted: intersect by merging.
            (Some(a), Some(b)) => {
                let (mut i, mut j, mut out) = (0, 0, Vec::new());
                while i < a.len() && j < b.len() {
                    match a[i].cmp(&b[j]) {
                        std::cmp::Ordering::Less => i += 1,
                        std::cmp::Ordering::Greater => j += 1,
                        std::cmp::Ordering::Equal => {
                            out.push(a[i]);
                            i += 1;
                            j += 1;
                        }
                    }
                }
                out
            }
        }
    }

    /// Problems that only show across profiles: the same name twice.
    /// `display` turns a slug into the path the curator sees.
    pub fn collection_problems(&self, display: impl Fn(&str) -> String) -> Vec<Problem> {
        // Two people are told apart by their Chinese and English names
        // together: the same Chinese name with different English names is
        // what the warning's hint asks for, and then it clears.
        let mut first_by_name: HashMap<(&str, String), &Person> = HashMap::new();
        let mut out = Vec::new();
        let mut people: Vec<&Person> = self.people.iter().collect();
        people.sort_by(|a, b| a.slug.cmp(&b.slug));
        for p in people {
            let name = p.profile.name.zh.trim();
            let english = p
                .profile
                .name
                .en
                .as_deref()
                .unwrap_or("")
                .trim()
                .to_lowercase();
            if let Some(first) = first_by_name.get(&(name, english.clone())) {
                out.push(Problem::warning(
                    display(&p.slug),
                    p.name_at,
                    msg(
                        format!("与 {} 同名“{name}”", first.slug),
                        format!("same name “{name}” as {}", first.slug),
                        Some((
                            "如确是两个人，可在英文名中加以区分",
                            "if they are two people, tell them apart in the English name",
                        )),
                    ),
                ));
            } else {
                first_by_name.insert((name, english), p);
            }
        }
        out
    }
}

/// Names sort by their English (pinyin) form where given, so that the order
/// within a year is alphabetical for both languages' readers.
fn sort_name(p: &Profile) -> &str {
    p.name.en.as_deref().unwrap_or(&p.name.zh)
}
