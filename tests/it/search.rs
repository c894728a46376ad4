//! 找人: who each kind of query finds, in what order, and surnames read as
//! surnames.

use crate::library::person;
use bevy_egui::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kiosk::library::{Entry, Library};
use kiosk::profile::{HonorLevel, Sector, Text};
use kiosk::search::name_readings;
use kiosk::visit::{Action, Screen, Visit};
use std::path::Path;
use std::sync::Arc;

/// A person with a real name, work unit and position.
fn named(slug: &str, zh: &str, en: &str, unit: (&str, &str), year: i32, sector: Sector) -> Entry {
    let mut e = person(slug, en, sector, &[(year, HonorLevel::Municipal)]);
    let p = Arc::make_mut(&mut e.profile);
    p.name = Text::new(zh, en);
    p.work_unit = Text::new(unit.0, unit.1);
    p.position = Text::new("售货员", "Shop assistant");
    e
}

fn library() -> Library {
    let store = ("区第一百货商店", "District No. 1 Department Store");
    let mine = ("门头沟煤矿", "Mentougou Coal Mine");
    Library::build(
        Path::new("profiles"),
        Arc::default(),
        vec![
            named(
                "zhang-xiuying",
                "张秀英",
                "Zhang Xiuying",
                store,
                1956,
                Sector::Commerce,
            ),
            named(
                "zhao-xiaoyan",
                "赵小燕",
                "Zhao Xiaoyan",
                mine,
                1959,
                Sector::Manufacturing,
            ),
            named(
                "shan-tianfang",
                "单田芳",
                "Shan Tianfang",
                mine,
                1985,
                Sector::Manufacturing,
            ),
            named(
                "ouyang-hai",
                "欧阳海",
                "Ouyang Hai",
                mine,
                1966,
                Sector::Manufacturing,
            ),
            named(
                "zhang-xiu",
                "张修",
                "Zhang Xiu",
                store,
                1990,
                Sector::Commerce,
            ),
        ],
    )
}

/// The slugs `query` finds, best first.
fn find(lib: &Library, query: &str) -> Vec<String> {
    lib.search
        .find(query)
        .into_iter()
        .map(|i| lib.people[i].slug.clone())
        .collect()
}

#[test]
fn a_whole_name_in_pinyin_with_or_without_spaces() {
    let lib = library();
    for q in [
        "zhangxiuying",
        "zhang xiuying",
        "ZHANG XIUYING",
        "Zhang Xiuying",
    ] {
        assert_eq!(find(&lib, q)[0], "zhang-xiuying", "{q}");
    }
}

#[test]
fn initials_and_prefixes() {
    let lib = library();
    assert_eq!(find(&lib, "zxy"), ["zhang-xiuying", "zhao-xiaoyan"]);
    // A prefix of the whole name, and of the initials.
    assert_eq!(find(&lib, "zhangx"), ["zhang-xiuying", "zhang-xiu"]);
    assert!(find(&lib, "zx").contains(&"zhang-xiu".to_owned()));
    // The given name alone.
    assert_eq!(find(&lib, "xiuying"), ["zhang-xiuying"]);
}

#[test]
fn the_english_name_work_unit_position_sector_and_year() {
    let lib = library();
    assert_eq!(find(&lib, "ouyang hai"), ["ouyang-hai"]);
    // The work unit by its pinyin initials and by its English words.
    assert_eq!(
        find(&lib, "mtgmk"),
        ["zhao-xiaoyan", "ouyang-hai", "shan-tianfang"]
    );
    assert_eq!(find(&lib, "department"), ["zhang-xiuying", "zhang-xiu"]);
    assert_eq!(find(&lib, "qdybhsd"), ["zhang-xiuying", "zhang-xiu"]);
    // The position, the sector, the year of an honour.
    assert_eq!(find(&lib, "shop").len(), 5);
    assert_eq!(
        find(&lib, "manufac"),
        ["zhao-xiaoyan", "ouyang-hai", "shan-tianfang"]
    );
    assert_eq!(find(&lib, "1985"), ["shan-tianfang"]);
    assert_eq!(find(&lib, "195"), ["zhang-xiuying", "zhao-xiaoyan"]);
    // Nothing typed finds no one; nonsense finds no one.
    assert!(find(&lib, "").is_empty());
    assert!(find(&lib, "qqqq").is_empty());
}

#[test]
fn whole_names_rank_before_initials_before_prefixes_before_the_rest() {
    let lib = library();
    // "zhangxiu" is 张修's whole name and the start of 张秀英's.
    assert_eq!(find(&lib, "zhangxiu"), ["zhang-xiu", "zhang-xiuying"]);
    // "zx": 张修's initials, whole; a prefix of 张秀英's and 赵小燕's.
    assert_eq!(find(&lib, "zx")[0], "zhang-xiu");
    // Ties keep the gallery's order (by first honour).
    assert_eq!(
        find(&lib, "z"),
        ["zhang-xiuying", "zhao-xiaoyan", "zhang-xiu"]
    );
}

/// The reading of a name's surname, as the index files it.
fn surname(name: &str) -> Vec<String> {
    let mut out: Vec<String> = name_readings(name).iter().map(|r| r.surname()).collect();
    out.dedup();
    out
}

#[test]
fn surnames_are_read_as_surnames() {
    let cases = [
        ("单田芳", "shan"),
        ("曾志伟", "zeng"),
        ("仇英", "qiu"),
        ("解缙", "xie"),
        ("区志文", "ou"),
        ("朴成", "piao"),
        ("查良镛", "zha"),
        ("盖叫天", "ge"),
        ("乐嘉", "yue"),
        ("召伯", "shao"),
        ("缪荃孙", "miao"),
        ("翟志刚", "zhai"),
        ("覃振", "qin"),
        ("尉迟恭", "yuchi"),
        ("万俟卨", "moqi"),
        ("长孙无忌", "zhangsun"),
        ("欧阳海", "ouyang"),
        ("司马光", "sima"),
        ("诸葛亮", "zhuge"),
        ("上官云珠", "shangguan"),
    ];
    for (name, reading) in cases {
        assert_eq!(surname(name), [reading], "{name}");
    }
    // A compound surname gives two initials.
    assert!(
        name_readings("欧阳海")
            .iter()
            .any(|r| r.initials() == "oyh")
    );
}

#[test]
fn other_characters_match_under_any_reading() {
    // 长 in a given name: cháng or zhǎng; 乐: lè or yuè.
    let whole: Vec<String> = name_readings("张长乐").iter().map(|r| r.whole()).collect();
    for expected in ["zhangchangle", "zhangzhangle", "zhangchangyue"] {
        assert!(
            whole.contains(&expected.to_owned()),
            "{expected} not in {whole:?}"
        );
    }
    // ü as a pinyin keyboard types it, and as people often do.
    let lv: Vec<String> = name_readings("吕玉兰").iter().map(|r| r.whole()).collect();
    assert!(
        lv.contains(&"lvyulan".to_owned()) && lv.contains(&"luyulan".to_owned()),
        "{lv:?}"
    );
}

#[test]
fn related_people_share_a_work_unit_first_then_a_sector_and_decade() {
    let lib = library();
    let of = |slug: &str| -> Vec<String> {
        let i = lib.index_of(slug).unwrap();
        lib.related(i)
            .into_iter()
            .map(|j| lib.people[j].slug.clone())
            .collect()
    };
    // The mine: the other two who worked there.
    assert_eq!(of("shan-tianfang"), ["zhao-xiaoyan", "ouyang-hai"]);
    assert_eq!(of("zhang-xiuying"), ["zhang-xiu"]);
    // Never oneself, never more than six.
    let many = Library::build(
        Path::new("profiles"),
        Arc::default(),
        (0..20).map(|n| {
            named(
                &format!("p{n}"),
                "张秀英",
                "Zhang Xiuying",
                ("区第一百货商店", "Store"),
                1956,
                Sector::Commerce,
            )
        }),
    );
    let related = many.related(0);
    assert_eq!(related.len(), kiosk::library::RELATED_MAX);
    assert!(!related.contains(&0));
}

/// 找人 on a 1920×1080 screen over `lib`, as a visitor types: the harness
/// keeps the visit, and each key pressed goes into it as the kiosk does it.
fn typing(lib: Library, lang: kiosk::profile::Lang) -> Harness<'static, Visit> {
    let images = kiosk::images::Images::default();
    let mut styled = false;
    let mut state = kiosk::visit::ScreenUi::default();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(
            move |ui, visit: &mut Visit| {
                if !styled {
                    kiosk::theme::apply(ui.ctx());
                    styled = true;
                    return;
                }
                ui.painter()
                    .rect_filled(ui.max_rect(), 0, kiosk::theme::PAPER);
                let lookup = kiosk::images::ImageLookup::new(&images);
                let current = visit.clone();
                let model = kiosk::screens::ViewModel {
                    library: &lib,
                    visit: &current,
                    images: &lookup,
                    preparing: None,
                    shown_for: 0.0,
                    whole_page: None,
                };
                let action = kiosk::screens::view(Screen::Search, ui, &model, &mut state);
                if let Some(Action::Key(key)) = action {
                    kiosk::visit::type_key(&mut visit.search, key);
                }
            },
            Visit {
                lang,
                ..Default::default()
            },
        );
    harness.run_steps(3);
    harness
}

/// Types `keys` on the keyboard, each found by the name it reads.
fn type_on(h: &mut Harness<'static, Visit>, keys: &[&str]) {
    for key in keys {
        let at = h.get_by_label(key).rect().center();
        h.event(egui::Event::PointerMoved(at));
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::default(),
            });
            h.run_steps(2);
        }
    }
}

/// The cards 找人 shows, by the names a screen reader says, in order.
fn cards(h: &Harness<'static, Visit>, lib: &Library) -> Vec<String> {
    let mut shown: Vec<(f32, f32, String)> = lib
        .people
        .iter()
        .filter_map(|p| {
            let r = h.query_by_label(&p.profile.name.zh)?.rect();
            Some((r.top(), r.left(), p.slug.clone()))
        })
        .collect();
    shown.sort_by(|a, b| a.partial_cmp(b).unwrap());
    shown.into_iter().map(|(_, _, slug)| slug).collect()
}

#[test]
fn typed_on_the_keyboard_every_kind_of_query_finds_its_people() {
    let lang = kiosk::profile::Lang::Zh;
    let queries: [(&[&str], &[&str]); 8] = [
        // The whole name, with a space between its words.
        (
            &[
                "z", "h", "a", "n", "g", "空格", "x", "i", "u", "y", "i", "n", "g",
            ],
            &["zhang-xiuying"],
        ),
        (&["z", "x", "y"], &["zhang-xiuying", "zhao-xiaoyan"]),
        (
            &["z", "h", "a", "n", "g", "x"],
            &["zhang-xiuying", "zhang-xiu"],
        ),
        (&["o", "u", "y", "a", "n", "g"], &["ouyang-hai"]),
        (&["s", "h", "a", "n", "t"], &["shan-tianfang"]),
        (
            &["m", "t", "g", "m", "k"],
            &["zhao-xiaoyan", "ouyang-hai", "shan-tianfang"],
        ),
        (
            &["d", "e", "p", "a", "r", "t"],
            &["zhang-xiuying", "zhang-xiu"],
        ),
        (&["1", "9", "8", "5"], &["shan-tianfang"]),
    ];
    for (keys, expected) in queries {
        let mut h = typing(library(), lang);
        type_on(&mut h, keys);
        assert_eq!(
            cards(&h, &library()),
            expected,
            "typed {:?} ({})",
            keys,
            h.state().search
        );
    }
    // Delete and clear.
    let mut h = typing(library(), lang);
    type_on(&mut h, &["z", "x", "y", "删除"]);
    assert_eq!(h.state().search, "zx");
    type_on(&mut h, &["清空"]);
    assert_eq!(h.state().search, "");
    assert!(cards(&h, &library()).is_empty());
}
