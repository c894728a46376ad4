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

    fn failed(problem: Problem) -> Self {
        Self {
            value: None,
            problems: vec![problem],
            name_at: Position::START,
        }
    }
}

/// Loads `profiles/<slug>/profile.ron` from its bytes.
pub fn load_profile(dir: &ProfileDir, bytes: &[u8]) -> Loaded<Profile> {
    let path = dir.display("profile.ron");
    let (text, profile) = match decode_and_parse::<Profile>(&path, bytes) {
        Ok(parsed) => parsed,
        Err(problem) => return Loaded::failed(problem),
    };
    let loc = Locator::new(&text);
    let problems = validate_profile(dir, &path, &loc, &profile, this_year());
    Loaded::finish(profile, problems, loc.field("name"))
}

/// Loads `profiles/exhibition.ron` from its bytes.
pub fn load_exhibition(path: &str, bytes: &[u8]) -> Loaded<Exhibition> {
    let (text, exhibition) = match decode_and_parse::<Exhibition>(path, bytes) {
        Ok(parsed) => parsed,
        Err(problem) => return Loaded::failed(problem),
    };
    let problems = validate_exhibition(path, &Locator::new(&text), &exhibition);
    Loaded::finish(exhibition, problems, Position::START)
}

/// The text (kept to locate fields in) and the value it holds, or the one
/// problem that stops it being read at all.
fn decode_and_parse<'a, T: DeserializeOwned>(
    path: &str,
    bytes: &'a [u8],
) -> Result<(Cow<'a, str>, T), Problem> {
    let text = decode_text(path, bytes)?;
    let value = parse_ron(path, &text)?;
    Ok((text, value))
}
