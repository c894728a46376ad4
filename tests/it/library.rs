use kiosk::library::{Entry, Filter, Library, decade_of};
use kiosk::profile::{Exhibition, Gender, Honor, HonorLevel, Position, Profile, Sector, Text};
use std::sync::Arc;

pub(crate) fn person(
    slug: &str,
    name_en: &str,
    sector: Sector,
    honors: &[(i32, HonorLevel)],
) -> Entry {
    Entry {
        slug: slug.into(),
        name_at: Position::START,
        profile: Arc::new(Profile {
            sample: true,
            name: Text::new(format!("人{slug}"), name_en),
            gender: Gender::Female,
            born: 1920,
            died: None,
            sector,
            work_unit: Text::new("单位", "Unit"),
            position: Text::new("职务", "Position"),
            honors: honors
                .iter()
                .map(|&(year, level)| Honor {
                    year,
                    title: Text::new("劳模", "Model"),
                    level,
                })
                .collect(),
            summary: Text::new("概要", "Summary"),
            story: Text::new("事迹", "Story"),
            quote: None,
            portrait: "portrait.jpg".into(),
            portrait_focus: None,
            media: vec![],
        }),
    }
}

#[test]
fn decade_is_that_of_the_earliest_honour() {
    assert_eq!(decade_of(1950), 1950);
    assert_eq!(decade_of(1959), 1950);
    assert_eq!(decade_of(2010), 2010);
    let lib = Library::build(
        std::path::Path::new("profiles"),
        Arc::new(Exhibition::default()),
        [person(
            "a",
            "A",
            Sector::Health,
            &[(1979, HonorLevel::National), (1961, HonorLevel::District)],
        )],
    );
    assert_eq!(lib.people[0].decade, 1960);
    assert_eq!(lib.people[0].first_honor, 1961);
}

#[test]
fn people_are_ordered_by_first_honour_then_name_and_bucketed() {
    let lib = Library::build(
        std::path::Path::new("profiles"),
        Arc::new(Exhibition::default()),
        [
            person(
                "c",
                "Chen",
                Sector::Health,
                &[(1995, HonorLevel::Municipal)],
            ),
            person(
                "b",
                "Bai",
                Sector::Commerce,
                &[(1956, HonorLevel::National)],
            ),
            person(
                "a",
                "Zhao",
                Sector::Commerce,
                &[(1956, HonorLevel::District)],
            ),
            person("d", "An", Sector::Finance, &[(1990, HonorLevel::National)]),
        ],
    );
    let slugs: Vec<&str> = lib.people.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["b", "a", "d", "c"]);
    let decades: Vec<(i32, usize)> = lib.decades.iter().map(|d| (d.start, d.len())).collect();
    assert_eq!(decades, [(1950, 2), (1990, 2)]);
    assert_eq!(lib.index_of("d"), Some(2));
    assert!(lib.decades[1].people.contains(&3));
}

#[test]
fn filters_intersect_sector_and_level() {
    let lib = Library::build(
        std::path::Path::new("profiles"),
        Arc::new(Exhibition::default()),
        [
            person("a", "A", Sector::Commerce, &[(1956, HonorLevel::National)]),
            person("b", "B", Sector::Commerce, &[(1960, HonorLevel::District)]),
            person(
                "c",
                "C",
                Sector::Health,
                &[(1970, HonorLevel::National), (1980, HonorLevel::District)],
            ),
        ],
    );
    assert_eq!(lib.filtered(Filter::default()), [0, 1, 2]);
    assert_eq!(
        lib.filtered(Filter {
            sector: Some(Sector::Commerce),
            level: None
        }),
        [0, 1]
    );
    assert_eq!(
        lib.filtered(Filter {
            sector: None,
            level: Some(HonorLevel::District)
        }),
        [1, 2]
    );
    assert_eq!(
        lib.filtered(Filter {
            sector: Some(Sector::Commerce),
            level: Some(HonorLevel::National)
        }),
        [0]
    );
    assert!(
        lib.filtered(Filter {
            sector: Some(Sector::Energy),
            level: None
        })
        .is_empty()
    );
}

#[test]
fn duplicate_names_are_warned_once() {
    let mut a = person(
        "a",
        "Same",
        Sector::Commerce,
        &[(1956, HonorLevel::National)],
    );
    let mut b = person(
        "b",
        "Same",
        Sector::Commerce,
        &[(1966, HonorLevel::National)],
    );
    Arc::get_mut(&mut a.profile).unwrap().name.zh = "王秀兰".into();
    Arc::get_mut(&mut b.profile).unwrap().name.zh = "王秀兰".into();
    let lib = Library::build(
        std::path::Path::new("profiles"),
        Arc::new(Exhibition::default()),
        [a, b],
    );
    let problems = lib.collection_problems(|slug| format!("profiles/{slug}/profile.ron"));
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "profiles/b/profile.ron");
    assert!(!problems[0].is_error());
    // Told apart in the English name, as the hint says: the warning clears.
    let mut people = lib.people.clone();
    Arc::make_mut(&mut people[1].profile).name.en = Some("Wang Xiulan (Tianjin)".into());
    let entries = people.into_iter().map(|p| Entry {
        slug: p.slug,
        profile: p.profile,
        name_at: p.name_at,
    });
    let lib = Library::build(std::path::Path::new("profiles"), Arc::default(), entries);
    assert_eq!(lib.collection_problems(|slug| slug.to_owned()), vec![]);
}

/// A card's year lies in the decade it is shown under, and a filtered card
/// shows the honour that let its person through.
#[test]
fn a_card_shows_an_honour_of_its_own_decade_and_the_one_the_filter_matched() {
    use HonorLevel::*;
    let lib = Library::build(
        std::path::Path::new("profiles"),
        Arc::new(Exhibition::default()),
        [
            // First honoured in the 1980s, highest honour in 1993.
            person(
                "a",
                "A",
                Sector::Health,
                &[(1984, Municipal), (1993, National), (1987, District)],
            ),
            person(
                "b",
                "B",
                Sector::Health,
                &[(1959, National), (1984, District)],
            ),
            person("c", "C", Sector::Health, &[(1970, District)]),
        ],
    );
    let all = Filter::default();
    for (i, p) in lib.people.iter().enumerate() {
        let h = lib.card_honor(i, all).unwrap();
        assert_eq!(decade_of(h.year), p.decade, "{}", p.slug);
    }
    let a = lib.index_of("a").unwrap();
    let shown = lib.card_honor(a, all).unwrap();
    assert_eq!((shown.year, shown.level), (1984, Municipal));

    // The district filter: b is placed by (and shows) its 1984 district
    // honour, after c's 1970 one, in the order the gallery shows them.
    let district = Filter {
        level: Some(District),
        sector: None,
    };
    let order = lib.filtered(district);
    let slugs: Vec<&str> = order.iter().map(|&i| lib.people[i].slug.as_str()).collect();
    assert_eq!(slugs, ["c", "b", "a"]);
    for &i in &order {
        let h = lib.card_honor(i, district).unwrap();
        assert_eq!(h.level, District);
        assert_eq!(decade_of(h.year), decade_of(lib.placed_year(i, district)));
    }
    let b = lib.index_of("b").unwrap();
    assert_eq!(lib.card_honor(b, district).unwrap().year, 1984);
}
