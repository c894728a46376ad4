//! The 108 sample people are what every visitor and reviewer judges the
//! kiosk by until the curators replace them: names that read as real, the
//! district's own places, every decade to 2025, pictures of their own. The
//! figures are printed for the record (`cargo test samples -- --nocapture`).

use crate::support::shipped_profiles;
use kiosk::library::decade_of;
use kiosk::profile::{MediaKind, Profile};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

fn shipped() -> BTreeMap<String, Profile> {
    crate::support::people(&shipped_profiles())
}

/// The given name: the shipped people all have one-character surnames.
fn given_name(p: &Profile) -> String {
    p.name.zh.chars().skip(1).collect()
}

#[test]
fn no_two_sample_people_share_a_given_name() {
    let people = shipped();
    let mut by_given: HashMap<String, Vec<&str>> = HashMap::new();
    for (slug, p) in &people {
        by_given.entry(given_name(p)).or_default().push(slug);
    }
    println!(
        "distinct given names: {} of {} people",
        by_given.len(),
        people.len()
    );
    let twice: Vec<_> = by_given.iter().filter(|(_, who)| who.len() > 1).collect();
    assert!(twice.is_empty(), "given names used twice: {twice:?}");
    assert!(by_given.len() >= 100);
}

#[test]
fn sample_surnames_are_as_common_as_in_beijing() {
    let people = shipped();
    let mut count: HashMap<char, usize> = HashMap::new();
    for p in people.values() {
        *count.entry(p.name.zh.chars().next().unwrap()).or_default() += 1;
    }
    // The four commonest surnames in Beijing, about 7–8% of people each.
    for surname in ['王', '李', '张', '刘'] {
        let n = count.get(&surname).copied().unwrap_or(0);
        assert!((5..=12).contains(&n), "{surname}: {n} people");
    }
    let most = count.iter().max_by_key(|(_, n)| **n).unwrap();
    assert!(most.1 <= &12, "{} is carried by {} people", most.0, most.1);
}

/// Sample names of the 2000s on people born decades earlier read as made up.
#[test]
fn sample_given_names_fit_their_birth_years() {
    let recent = [
        "子豪", "佳怡", "欣然", "梦瑶", "思雨", "博文", "俊杰", "子涵", "浩然",
    ];
    for (slug, p) in shipped() {
        let given = given_name(&p);
        assert!(
            !(recent.contains(&given.as_str()) && p.born < 1988),
            "{slug}: {given} for someone born in {}",
            p.born
        );
        assert!(
            !(given.contains("文革") && p.born < 1966),
            "{slug}: {given}"
        );
    }
}

#[test]
fn sample_people_work_in_the_district_and_every_decade_to_2025_is_there() {
    let people = shipped();
    let mut decades: BTreeMap<i32, usize> = BTreeMap::new();
    for (slug, p) in &people {
        assert!(!p.work_unit.zh.contains('某'), "{slug}: {}", p.work_unit.zh);
        let first = p.first_honor_year().unwrap();
        *decades.entry(decade_of(first)).or_default() += 1;
        // Nobody is left living past a hundred.
        assert!(p.died.is_some() || p.born >= 1926, "{slug} born {}", p.born);
    }
    println!("first honours by decade: {decades:?}");
    assert_eq!(
        decades.keys().copied().collect::<Vec<_>>(),
        (1950..=2020).step_by(10).collect::<Vec<_>>()
    );
    assert!(decades.values().all(|&n| n >= 5), "{decades:?}");
    let in_xicheng = people
        .values()
        .filter(|p| p.work_unit.zh.contains("西城") || p.work_unit.zh.contains("宣武"))
        .count();
    println!("work units naming 西城 or 宣武: {in_xicheng}");
    assert!(in_xicheng >= people.len() / 3);
}

#[test]
fn sample_pictures_are_each_persons_own() {
    let root = shipped_profiles();
    let people = shipped();
    let mut owner: HashMap<blake3::Hash, String> = HashMap::new();
    let mut shared = Vec::new();
    let mut full = 0;
    for (slug, p) in &people {
        let files =
            std::iter::once(p.portrait.as_str()).chain(p.media.iter().map(|m| m.file.as_str()));
        for file in files {
            let bytes = std::fs::read(Path::new(&root).join(slug).join(file)).unwrap();
            let hash = blake3::hash(&bytes);
            // Not even one person's two pictures may be the same file.
            let here = format!("{slug}/{file}");
            if let Some(other) = owner.insert(hash, here.clone()) {
                shared.push(format!("{here} = {other}"));
            }
        }
        let photos = p
            .media
            .iter()
            .filter(|m| m.kind == MediaKind::Photo)
            .count();
        let documents = p
            .media
            .iter()
            .filter(|m| m.kind == MediaKind::Document)
            .count();
        full += usize::from(photos >= 2 && documents >= 1);
    }
    println!("pictures that are byte for byte another: {}", shared.len());
    println!("people with two photos and a document: {full}");
    assert!(shared.is_empty(), "{shared:#?}");
    assert!(full >= people.len() / 3, "{full}");
}
