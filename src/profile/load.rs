//! The one code path that turns a curator's bytes into a profile and a list of
//! problems. The Bevy asset loader and `kiosk check` both call it, so what the
//! kiosk accepts and what `check` reports can never disagree.
//!
//! Reading the file is in `curator_file`, the rules a profile must keep in
//! `rules`, the files it names in `references`, its years in `years`.

use super::curator_file::{decode_text, parse_ron};
use super::folders::ProfileDir;
use super::format::{Exhibition, Profile};
use super::locate::Locator;
use super::problem::{Position, Problem};
use super::rules::{validate_exhibition, validate_profile};
use super::typing;
use super::years::this_year;
use serde::de::DeserializeOwned;
use std::borrow::Cow;

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

    fn failed(problems: Vec<Problem>) -> Self {
        Self {
            value: None,
            problems,
            name_at: Position::START,
        }
    }
}

/// Loads `profiles/<slug>/profile.ron` from its bytes.
pub fn load_profile(dir: &ProfileDir, bytes: &[u8]) -> Loaded<Profile> {
    let path = dir.display("profile.ron");
    let parsed = match decode_and_parse::<Profile>(&path, bytes) {
        Ok(parsed) => parsed,
        Err(problems) => return Loaded::failed(problems),
    };
    let loc = Locator::new(&parsed.text);
    let found = validate_profile(dir, &path, &loc, &parsed.value, this_year());
    let problems = merge(parsed.typed, found);
    Loaded::finish(parsed.value, problems, loc.field("name"))
}

/// Loads `profiles/exhibition.ron` from its bytes.
pub fn load_exhibition(path: &str, bytes: &[u8]) -> Loaded<Exhibition> {
    let parsed = match decode_and_parse::<Exhibition>(path, bytes) {
        Ok(parsed) => parsed,
        Err(problems) => return Loaded::failed(problems),
    };
    let found = validate_exhibition(path, &Locator::new(&parsed.text), &parsed.value);
    let problems = merge(parsed.typed, found);
    Loaded::finish(parsed.value, problems, Position::START)
}

/// A file read: its text (repaired of typing mistakes, character for
/// character, so positions hold), the value it holds, and the typing
/// mistakes found on the way.
struct Parsed<'a, T> {
    text: Cow<'a, str>,
    value: T,
    typed: Vec<Problem>,
}

/// Decodes, scans for typing mistakes, and parses the repaired text; or
/// every problem that stops it being read at all.
fn decode_and_parse<'a, T: DeserializeOwned>(
    path: &str,
    bytes: &'a [u8],
) -> Result<Parsed<'a, T>, Vec<Problem>> {
    let text = decode_text(path, bytes).map_err(|p| vec![p])?;
    let typed = typing::scan(path, &text);
    let text = match typed.repaired {
        Some(repaired) => Cow::Owned(repaired),
        None => text,
    };
    match parse_ron(path, &text) {
        Ok(value) => Ok(Parsed {
            text,
            value,
            typed: typed.problems,
        }),
        Err(problem) => Err(merge(typed.problems, vec![problem])),
    }
}

/// The typing mistakes, then whatever else was found on lines they do not
/// already explain (a mistake the scan repaired can still upset the parse
/// on its line).
fn merge(typed: Vec<Problem>, found: Vec<Problem>) -> Vec<Problem> {
    let lines: Vec<usize> = typed.iter().map(|p| p.line).collect();
    let mut all = typed;
    all.extend(found.into_iter().filter(|p| !lines.contains(&p.line)));
    all
}
