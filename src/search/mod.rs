//! 找人 · Find a person. Every person is filed under the words a visitor
//! may type on the kiosk's keyboard: the name in pinyin (whole, given name,
//! initials; a surname read as a surname, other characters every way they
//! can be read), the English name, the work unit, the position and the
//! sector (their initials and English words), and the year of each honour.
//! Keys are kept sorted, so a keystroke's search is a binary search and a
//! walk over the keys that start with what was typed.

mod surnames;

use crate::profile::Profile;
use pinyin::{ToPinyin, ToPinyinMulti};

/// How well a key matched; lower ranks first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// The whole name, as typed: `zhangxiuying`, `zhang xiuying`.
    WholeName,
    /// The name's initials, all of them: `zxy`.
    Initials,
    /// The start of the name or of its initials: `zhangx`, `zx`.
    NamePrefix,
    /// The given name, or a word of the English name: `xiuying`. After the
    /// name's start: a visitor typing `zhang` means 张 before a given name
    /// 长林 that can also be read zhǎnglín.
    NameWord,
    /// The work unit, position, sector or an honour's year.
    Other,
}

/// What a key is, and so how a match on it ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Name,
    Initials,
    NameWord,
    Other,
}

impl Kind {
    fn rank(self, whole: bool) -> Rank {
        match (self, whole) {
            (Kind::Name, true) => Rank::WholeName,
            (Kind::Initials, true) => Rank::Initials,
            (Kind::Name | Kind::Initials, _) => Rank::NamePrefix,
            (Kind::NameWord, _) => Rank::NameWord,
            (Kind::Other, _) => Rank::Other,
        }
    }
}

/// How many readings of one name are filed at most (a name of characters
/// each with several readings multiplies them).
const MAX_READINGS: usize = 16;

/// One key as filed: where its text is, whose it is, what kind.
#[derive(Debug, Clone, Copy)]
struct Filed {
    /// The key's first eight bytes, big-endian: comparing these orders
    /// keys as their text does, and most comparisons in a sort end here.
    prefix: u64,
    start: u32,
    len: u32,
    person: u32,
    kind: Kind,
}

/// The people by every key, sorted by key. Keys are kept back to back in
/// one string: no allocation each, and a sort that stays in cache.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    text: String,
    keys: Vec<Filed>,
    people: usize,
}

impl SearchIndex {
    /// Files the people (the library's, in gallery order: a person is found
    /// as their place in it) under their keys.
    pub fn build<'a>(people: impl ExactSizeIterator<Item = &'a Profile>) -> Self {
        let count = people.len();
        let mut text = String::with_capacity(count * 256);
        let mut keys = Vec::with_capacity(count * 24);
        for (i, profile) in people.enumerate() {
            let mut add = |key: String, kind: Kind| {
                if !key.is_empty() {
                    keys.push(Filed {
                        prefix: prefix_of(&key),
                        start: text.len() as u32,
                        len: key.len() as u32,
                        person: i as u32,
                        kind,
                    });
                    text.push_str(&key);
                }
            };
            person_keys(profile, &mut add);
        }
        let key = |f: &Filed| &text[f.start as usize..(f.start + f.len) as usize];
        keys.sort_unstable_by(|a, b| a.prefix.cmp(&b.prefix).then_with(|| key(a).cmp(key(b))));
        keys.dedup_by(|a, b| a.person == b.person && a.kind == b.kind && key(a) == key(b));
        Self {
            text,
            keys,
            people: count,
        }
    }

    fn key(&self, f: &Filed) -> &str {
        &self.text[f.start as usize..(f.start + f.len) as usize]
    }

    /// The people `typed` finds, best first, ties in the gallery's order
    /// (library indices). Spaces and case do not matter; nothing typed finds
    /// no one.
    pub fn find(&self, typed: &str) -> Vec<usize> {
        let query = normalise(typed);
        if query.is_empty() {
            return Vec::new();
        }
        let mut best: Vec<Option<Rank>> = vec![None; self.people];
        let start = self.keys.partition_point(|f| self.key(f) < query.as_str());
        for f in &self.keys[start..] {
            let key = self.key(f);
            if !key.starts_with(&query) {
                break;
            }
            let rank = f.kind.rank(key.len() == query.len());
            let slot = &mut best[f.person as usize];
            if slot.is_none_or(|r| rank < r) {
                *slot = Some(rank);
            }
        }
        let mut found: Vec<(Rank, usize)> = best
            .into_iter()
            .enumerate()
            .filter_map(|(i, r)| r.map(|r| (r, i)))
            .collect();
        found.sort_unstable();
        found.into_iter().map(|(_, i)| i).collect()
    }
}

/// A key's first eight bytes as a number that sorts as the text does (keys
/// are ASCII letters and digits, so a shorter key's zero padding sorts
/// first, as the shorter text does).
fn prefix_of(key: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let n = key.len().min(8);
    bytes[..n].copy_from_slice(&key.as_bytes()[..n]);
    u64::from_be_bytes(bytes)
}

/// What a visitor typed, as keys are kept: lower case letters and digits.
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Every key of one person.
fn person_keys(p: &Profile, add: &mut impl FnMut(String, Kind)) {
    for reading in name_readings(&p.name.zh) {
        add(reading.initials(), Kind::Initials);
        if let Some(given) = reading.given() {
            add(given, Kind::NameWord);
        }
        add(reading.whole(), Kind::Name);
    }
    if let Some(en) = &p.name.en {
        add(normalise(en), Kind::Name);
        for word in en.split_whitespace().skip(1) {
            add(normalise(word), Kind::NameWord);
        }
    }
    for text in [&p.work_unit, &p.position] {
        add(initials_of(&text.zh), Kind::Other);
        words(text.en.as_deref().unwrap_or(""), &mut |w| {
            add(w, Kind::Other)
        });
    }
    let sector = p.sector;
    add(
        initials_of(sector.label(crate::profile::Lang::Zh)),
        Kind::Other,
    );
    words(sector.label(crate::profile::Lang::En), &mut |w| {
        add(w, Kind::Other)
    });
    for h in &p.honors {
        add(h.year.to_string(), Kind::Other);
    }
}

/// The English words of a text, each as a key.
fn words(text: &str, add: &mut impl FnMut(String)) {
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.len() > 1 {
            add(word.to_ascii_lowercase());
        }
    }
}

/// One way to read a name: a syllable for each character (or one for a
/// compound surname), the surname's syllables first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    syllables: Vec<&'static str>,
    /// How many of the syllables are the surname's (2 for a compound one).
    surname: usize,
}

impl Reading {
    /// `zhangxiuying`.
    pub fn whole(&self) -> String {
        self.syllables.concat()
    }

    /// `zxy`; a compound surname gives two letters (`oyh` for 欧阳海).
    pub fn initials(&self) -> String {
        self.syllables
            .iter()
            .filter_map(|s| s.chars().next())
            .collect()
    }

    /// `zhang`: the surname alone.
    pub fn surname(&self) -> String {
        self.syllables[..self.surname.min(self.syllables.len())].concat()
    }

    /// `xiuying`, when there is a given name.
    pub fn given(&self) -> Option<String> {
        (self.syllables.len() > self.surname).then(|| self.syllables[self.surname..].concat())
    }
}

/// Every reading of a Chinese name (up to `MAX_READINGS`): its surname as
/// the table reads it, every other character every way it can be read.
pub fn name_readings(name: &str) -> Vec<Reading> {
    let name = name.trim();
    let (head, rest, surname_syllables) = match surnames::surname(name) {
        Some((chars, syllables)) => {
            let split = name
                .char_indices()
                .nth(chars)
                .map_or(name.len(), |(i, _)| i);
            let head = syllables.iter().map(|s| vec![*s]).collect();
            (head, &name[split..], syllables.len())
        }
        None => (Vec::new(), name, 1),
    };
    let mut per_char: Vec<Vec<&'static str>> = head;
    per_char.extend(rest.chars().filter_map(readings_of));
    let mut out = vec![Reading {
        syllables: Vec::new(),
        surname: surname_syllables,
    }];
    for options in per_char {
        let mut next = Vec::new();
        for reading in &out {
            for option in &options {
                if next.len() < MAX_READINGS {
                    let mut r = reading.clone();
                    r.syllables.push(option);
                    next.push(r);
                }
            }
        }
        out = next;
    }
    out.retain(|r| !r.syllables.is_empty());
    out
}

/// Every plain reading of a character; None for what is not a Chinese
/// character. ü is filed both as a pinyin keyboard types it (`lv`) and as
/// people often do (`lu`).
fn readings_of(c: char) -> Option<Vec<&'static str>> {
    let multi = c.to_pinyin_multi()?;
    let mut out: Vec<&'static str> = Vec::new();
    for p in multi {
        for plain in typed_as(p.plain()) {
            if !out.contains(&plain) {
                out.push(plain);
            }
        }
    }
    Some(out)
}

/// How a plain syllable is typed on a keyboard without ü.
fn typed_as(plain: &'static str) -> Vec<&'static str> {
    match plain {
        "lü" | "lv" => vec!["lv", "lu"],
        "nü" | "nv" => vec!["nv", "nu"],
        "lüe" | "lve" => vec!["lve", "lue"],
        "nüe" | "nve" => vec!["nve", "nue"],
        other => vec![other],
    }
}

/// The initials of a Chinese text, each character by its first reading:
/// 区第一百货商店 → `qdybhsd`.
fn initials_of(text: &str) -> String {
    text.chars()
        .filter_map(|c| c.to_pinyin())
        .filter_map(|p| p.plain().chars().next())
        .collect()
}
