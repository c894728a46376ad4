//! The views as what they are, plain egui functions over plain state, driven
//! by egui_kittest without Bevy or a window. Touch targets are found by the
//! names a screen reader says (AccessKit), as a visitor finds them by sight;
//! a tap must come back as the action the kiosk then carries out.

use crate::library::person;
use bevy_egui::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kiosk::images::{ImageLookup, Images};
use kiosk::library::{Filter, Library};
use kiosk::profile::{Exhibition, HonorLevel, Lang, Sector};
use kiosk::screens::ViewModel;
use kiosk::visit::{Action, Key, ScreenUi, Visit};
use std::sync::Arc;

/// Two photos, so that the viewer has somewhere to step.
fn with_media(mut entry: kiosk::library::Entry) -> kiosk::library::Entry {
    let profile = Arc::make_mut(&mut entry.profile);
    for n in 1..=2 {
        profile.media.push(kiosk::profile::Media {
            file: format!("photo-{n}.jpg"),
            kind: kiosk::profile::MediaKind::Photo,
            caption: kiosk::profile::Text::new(format!("照片{n}"), format!("Photo {n}")),
            year: Some(1985),
        });
    }
    entry
}

fn library() -> Library {
    Library::build(
        std::path::Path::new("profiles"),
        Arc::new(Exhibition::default()),
        vec![
            person(
                "zhang",
                "Zhang",
                Sector::Commerce,
                &[(1956, HonorLevel::National)],
            ),
            with_media(person(
                "li",
                // A long English name: it must wrap inside its card and its
                // place on the timeline, never over what is below.
                "Li Xiaoming-Ouyangzhuang",
                Sector::Health,
                &[(1985, HonorLevel::Municipal)],
            )),
            person(
                "wang",
                "Wang",
                Sector::Education,
                &[(2012, HonorLevel::District)],
            ),
        ],
    )
}

/// A visitor reading in `lang`, with `person` open, over `library()`.
fn visit(lang: Lang, person: Option<&str>) -> Visit {
    let library = library();
    Visit {
        lang,
        order: library.filtered(Filter::default()),
        person: person.map(str::to_owned),
        // 找人 has something typed, so that its results are drawn too.
        search: "wang".to_owned(),
        ..Default::default()
    }
}

/// Which view a harness shows: the screen's.
use kiosk::visit::Screen as View;

/// Every screen a visitor browses, with a person open where it needs one.
const EVERY_VIEW: [(View, Option<&str>); 5] = [
    (View::Gallery, None),
    (View::Timeline, None),
    (View::Detail, Some("li")),
    (View::Viewer, Some("li")),
    (View::Search, None),
];

const LANDSCAPE: egui::Vec2 = egui::vec2(1920.0, 1080.0);
const PORTRAIT: egui::Vec2 = egui::vec2(1080.0, 1920.0);

/// One view of `library()` on a 1920×1080 screen with the kiosk's fonts and
/// theme. The harness state is the last action the view returned.
fn show(view: View, visit: Visit) -> Harness<'static, Option<Action>> {
    show_at(view, visit, LANDSCAPE)
}

/// One view of `library()` on a screen of `size` (physical pixels), in the
/// visit's reading modes: large text is a larger pixels-per-point, as the
/// kiosk's zoom makes it, so the view lays out in fewer points.
fn show_at(view: View, visit: Visit, size: egui::Vec2) -> Harness<'static, Option<Action>> {
    show_with(view, visit, size, None)
}

/// `show_at`, with pictures still being prepared ahead: `(done, total)`.
fn show_with(
    view: View,
    visit: Visit,
    size: egui::Vec2,
    preparing: Option<(usize, usize)>,
) -> Harness<'static, Option<Action>> {
    show_over(library(), view, visit, size, preparing)
}

/// `show_with` over another library than `library()`.
fn show_over(
    library: Library,
    view: View,
    visit: Visit,
    size: egui::Vec2,
    preparing: Option<(usize, usize)>,
) -> Harness<'static, Option<Action>> {
    let images = Images::default();
    let mut styled = false;
    let mut state = ScreenUi::default();
    let ppp = if visit.large_text {
        kiosk::theme::LARGE_TEXT_ZOOM
    } else {
        1.0
    };
    let mut harness = Harness::builder()
        .with_size(size / ppp)
        .with_pixels_per_point(ppp)
        .build_ui_state(
            move |ui, last: &mut Option<Action>| {
                if !styled {
                    // As the kiosk does: the bundled CJK fonts and the
                    // theme's font families take effect from the next pass.
                    kiosk::theme::apply(ui.ctx());
                    styled = true;
                    return;
                }
                // As `screens::draw` does: the screen's ground, the colours.
                kiosk::theme::set_high_contrast(visit.high_contrast);
                let ground = match view {
                    View::Viewer => kiosk::theme::NIGHT,
                    _ => kiosk::theme::PAPER,
                };
                ui.painter().rect_filled(ui.max_rect(), 0, ground);
                let lookup = ImageLookup::new(&images);
                let model = ViewModel {
                    library: &library,
                    visit: &visit,
                    images: &lookup,
                    preparing,
                    shown_for: 0.0,
                    whole_page: None,
                };
                let action = kiosk::screens::view(view, ui, &model, &mut state);
                if action.is_some() {
                    *last = action;
                }
            },
            None,
        );
    harness.run_steps(3);
    harness
}

/// A finger lands on (`down`) or leaves the screen at `at`.
fn finger(harness: &mut Harness<'static, Option<Action>>, at: egui::Pos2, down: bool) {
    harness.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: down,
        modifiers: egui::Modifiers::default(),
    });
}

/// Taps the target with this name as a finger does (down in one frame, up
/// in a later one) and returns what the view asked for.
fn tap(harness: &mut Harness<'static, Option<Action>>, name: &str) -> Option<Action> {
    press(harness, name, 0.0)
}

/// Presses the target with this name, holds it still for `secs`, releases
/// it, and returns what the view asked for.
fn press(harness: &mut Harness<'static, Option<Action>>, name: &str, secs: f32) -> Option<Action> {
    let at = harness.get_by_label(name).rect().center();
    harness.event(egui::Event::PointerMoved(at));
    finger(harness, at, true);
    harness.run_steps(2);
    // A still finger: frames pass (egui's clock advances a quarter second
    // with each of the harness's steps).
    let steps = (secs * 4.0).ceil() as usize;
    for _ in 0..steps {
        harness.step();
    }
    finger(harness, at, false);
    harness.run_steps(2);
    harness.state_mut().take()
}

#[test]
fn a_card_says_who_it_is_and_a_tap_opens_that_person() {
    let mut gallery = show(View::Gallery, visit(Lang::Zh, None));
    assert_eq!(
        tap(&mut gallery, "人zhang"),
        Some(Action::Open("zhang".to_owned()))
    );
    // Cards below the fold are not laid out (only what is in view is), so
    // not announced either.
    assert!(gallery.query_by_label("人wang").is_none());
}

#[test]
fn the_decade_rail_takes_the_gallery_to_a_decade() {
    let mut gallery = show(View::Gallery, visit(Lang::Zh, None));
    assert_eq!(
        tap(&mut gallery, "1980年代"),
        Some(Action::JumpDecade(1980))
    );
    // Only decades with people are on the rail.
    assert!(gallery.query_by_label("1970年代").is_none());
}

/// While a cold cache fills, the note saying so ("正在准备图片 5 / 100")
/// sits under the rail: drawn over it, it had hidden the last decades.
#[test]
fn the_rail_stands_above_the_note_that_pictures_are_being_prepared() {
    let last = library().people.iter().map(|p| p.decade).max().unwrap();
    let label = format!("{last}年代");
    for size in [LANDSCAPE, PORTRAIT] {
        let bottom = |preparing| {
            let h = show_with(View::Gallery, visit(Lang::Zh, None), size, preparing);
            h.get_by_label(&label).rect().bottom()
        };
        let (quiet, busy) = (bottom(None), bottom(Some((5, 100))));
        assert!(
            quiet - busy >= 100.0,
            "{size:?}: {label} ends at {busy}, {quiet} without the note"
        );
    }
}

/// With a person in each of eight decades, in large text on a landscape
/// screen, the rail scrolls within reach. A finger dragging it up brings
/// the 2020s into sight, and the rail stays where it was left: it had been
/// pulled back to the gallery's decade (the 1950s) the next frame.
#[test]
fn a_finger_drags_the_decade_rail_to_the_2020s_and_it_stays() {
    let decades = (1950..=2020).step_by(10);
    let library = Library::build(
        std::path::Path::new("profiles"),
        Arc::new(Exhibition::default()),
        decades
            .map(|d| {
                person(
                    &format!("p{d}"),
                    "P",
                    Sector::Manufacturing,
                    &[(d + 5, HonorLevel::National)],
                )
            })
            .collect::<Vec<_>>(),
    );
    let visit = Visit {
        lang: Lang::Zh,
        order: library.filtered(Filter::default()),
        large_text: true,
        ..Default::default()
    };
    let mut h = show_over(library, View::Gallery, visit, LANDSCAPE, None);
    let screen_bottom = LANDSCAPE.y / kiosk::theme::LARGE_TEXT_ZOOM;
    let last = |h: &Harness<'static, Option<Action>>| h.get_by_label("2020年代").rect();
    assert!(
        last(&h).bottom() > screen_bottom,
        "the rail is meant to scroll here: 2020年代 already ends at {}",
        last(&h).bottom()
    );
    // A slow drag up from the rail's 1970s row, as a finger moves.
    let from = h.get_by_label("1970年代").rect().center();
    h.event(egui::Event::PointerMoved(from));
    finger(&mut h, from, true);
    h.run_steps(2);
    for step in 1..=12 {
        h.event(egui::Event::PointerMoved(
            from - egui::vec2(0.0, 25.0 * step as f32),
        ));
        h.step();
    }
    finger(&mut h, from - egui::vec2(0.0, 300.0), false);
    h.run_steps(8);
    let row = last(&h);
    assert!(
        row.bottom() <= screen_bottom,
        "2020年代 still ends at {} below the screen's {screen_bottom}",
        row.bottom()
    );
    // A drag is no tap: nothing was chosen.
    assert_eq!(h.state_mut().take(), None);
    assert_eq!(tap(&mut h, "2020年代"), Some(Action::JumpDecade(2020)));
}

#[test]
fn filter_chips_narrow_the_gallery_and_all_goes_back() {
    let mut visit = visit(Lang::Zh, None);
    visit.filter.level = Some(HonorLevel::National);
    // The sheet is closed: the bar's 筛选 opens it.
    let mut closed = show(View::Gallery, visit.clone());
    assert!(closed.query_by_label("行业：教育").is_none());
    assert_eq!(tap(&mut closed, "筛选"), Some(Action::ToggleFilters));
    visit.filter_open = true;
    let mut gallery = show(View::Gallery, visit);
    assert_eq!(
        tap(&mut gallery, "行业：教育"),
        Some(Action::SetFilter(Filter {
            level: Some(HonorLevel::National),
            sector: Some(Sector::Education),
        }))
    );
    assert_eq!(
        tap(&mut gallery, "荣誉级别：全部"),
        Some(Action::SetFilter(Filter::default()))
    );
    // The bar's 全部 clears everything at once.
    assert_eq!(
        tap(&mut gallery, "全部"),
        Some(Action::SetFilter(Filter::default()))
    );
}

/// Every chip is in sight when the sheet is open: none scrolled away,
/// every one inside the screen and within reach, in both orientations and
/// languages.
#[test]
fn every_filter_chip_is_in_sight_and_within_reach() {
    for size in [LANDSCAPE, PORTRAIT] {
        for lang in [Lang::Zh, Lang::En] {
            let mut v = visit(lang, None);
            v.filter_open = true;
            let h = show_at(View::Gallery, v, size);
            let (level, sector) = (lang.pick("荣誉级别", "Honour"), lang.pick("行业", "Sector"));
            let sep = lang.pick("：", ": ");
            let names = HonorLevel::ALL
                .iter()
                .map(|l| format!("{level}{sep}{}", l.label(lang)))
                .chain(
                    Sector::ALL
                        .iter()
                        .map(|s| format!("{sector}{sep}{}", s.label(lang))),
                );
            for name in names {
                let r = h
                    .query_by_label(&name)
                    .unwrap_or_else(|| panic!("no chip “{name}” at {size:?}"))
                    .rect();
                let at = format!("“{name}” at {size:?}: {r:?}");
                assert!(r.left() >= 0.0 && r.right() <= size.x, "off screen: {at}");
                assert!(
                    r.top() >= size.y * 0.4 && r.bottom() <= size.y,
                    "out of reach: {at}"
                );
                assert!(r.height() >= 64.0 && r.width() >= 64.0, "too small: {at}");
            }
        }
    }
}

#[test]
fn the_gallery_speaks_english_when_asked() {
    let mut gallery = show(View::Gallery, visit(Lang::En, None));
    assert_eq!(
        tap(&mut gallery, "Zhang"),
        Some(Action::Open("zhang".to_owned()))
    );
    assert_eq!(tap(&mut gallery, "中文"), Some(Action::ToggleLang));
    assert_eq!(
        tap(&mut gallery, "Timeline"),
        Some(Action::Show(kiosk::visit::Screen::Timeline))
    );
}

#[test]
fn a_person_on_the_timeline_opens_with_a_tap() {
    let mut timeline = show(View::Timeline, visit(Lang::Zh, None));
    assert_eq!(
        tap(&mut timeline, "人zhang"),
        Some(Action::Open("zhang".to_owned()))
    );
}

#[test]
fn the_detail_page_goes_back_steps_and_switches_language() {
    let mut page = show(View::Detail, visit(Lang::Zh, Some("li")));
    // "2 / 3": the middle person can step both ways.
    assert_eq!(tap(&mut page, "上一位"), Some(Action::Step(-1)));
    assert_eq!(tap(&mut page, "下一位"), Some(Action::Step(1)));
    assert_eq!(tap(&mut page, "English"), Some(Action::ToggleLang));
    assert_eq!(tap(&mut page, "返回"), Some(Action::Back));
}

/// An older visitor presses slowly and long: a press held still for up to
/// ten seconds and released where it landed still acts.
#[test]
fn a_slow_long_press_still_opens_and_still_goes_back() {
    for secs in [1.0, 2.5, 10.0] {
        let mut gallery = show(View::Gallery, visit(Lang::Zh, None));
        assert_eq!(
            press(&mut gallery, "人zhang", secs),
            Some(Action::Open("zhang".to_owned())),
            "a card held {secs} s"
        );
        let mut page = show(View::Detail, visit(Lang::Zh, Some("li")));
        assert_eq!(
            press(&mut page, "返回", secs),
            Some(Action::Back),
            "back held {secs} s"
        );
    }
}

/// The fill under a point in the last frame's shapes (the topmost one).
fn fill_at(harness: &Harness<'static, Option<Action>>, at: egui::Pos2) -> Option<egui::Color32> {
    harness
        .output()
        .shapes
        .iter()
        .rev()
        .find_map(|clipped| match &clipped.shape {
            egui::Shape::Rect(r)
                if r.rect.contains(at) && clipped.clip_rect.contains(at) && r.fill.a() == 255 =>
            {
                Some(r.fill)
            }
            _ => None,
        })
}

/// The frame the finger lands, the target under it changes by at least 3:1.
#[test]
fn a_pressed_target_shows_it_in_the_frame_the_finger_lands() {
    let targets = [
        (View::Gallery, None, "人zhang"),
        (View::Gallery, None, "时间轴"),
        (View::Gallery, None, "1980年代"),
        (View::Gallery, None, "筛选"),
        (View::Detail, Some("li"), "返回"),
        (View::Detail, Some("li"), "下一位"),
        (View::Detail, Some("li"), "English"),
    ];
    for (view, person, name) in targets {
        let mut h = show(view, visit(Lang::Zh, person));
        let rect = h.get_by_label(name).rect();
        // A point inside the target, clear of its text and icon.
        let at = egui::pos2(rect.left() + 6.0, rect.center().y);
        let at_rest = fill_at(&h, at).unwrap_or(kiosk::theme::PAPER);
        h.event(egui::Event::PointerMoved(at));
        finger(&mut h, at, true);
        h.step();
        let pressed = fill_at(&h, at).unwrap_or(kiosk::theme::PAPER);
        let change = kiosk::theme::contrast(at_rest, pressed);
        assert!(
            change >= 3.0,
            "{view:?} {name}: {at_rest:?} → {pressed:?} is only {change:.1}:1"
        );
    }
}

/// Every control a visitor needs to move around is at least 64 px on each
/// side and lies in the lower 60% of the screen, within reach of a seated
/// visitor, in both orientations and both languages.
/// The targets every screen must have within reach, by their names in
/// Chinese and English (with a person open where it needs one).
type Targets = [(
    View,
    Option<&'static str>,
    &'static [(&'static str, &'static str)],
); 5];

fn navigation_targets() -> Targets {
    [
        (
            View::Gallery,
            None,
            &[
                ("时间轴", "Timeline"),
                ("画廊", "Gallery"),
                ("筛选", "Filter"),
                ("找人", "Find"),
                ("English", "中文"),
                ("1950年代", "1950s"),
                ("2010年代", "2010s"),
            ],
        ),
        (
            View::Timeline,
            None,
            &[
                ("时间轴", "Timeline"),
                ("画廊", "Gallery"),
                ("筛选", "Filter"),
                ("找人", "Find"),
                ("English", "中文"),
            ],
        ),
        (
            View::Detail,
            Some("li"),
            &[
                ("返回", "Back"),
                ("上一位", "Previous"),
                ("下一位", "Next"),
                ("找人", "Find"),
                ("English", "中文"),
                ("照片1", "Photo 1"),
            ],
        ),
        (
            View::Viewer,
            Some("li"),
            &[
                ("关闭", "Close"),
                ("下一张", "Next"),
                ("找人", "Find"),
                ("English", "中文"),
            ],
        ),
        (
            View::Search,
            None,
            // The keyboard, every row of it: the lower half of the screen.
            &[
                ("1", "1"),
                ("0", "0"),
                ("q", "q"),
                ("p", "p"),
                ("a", "a"),
                ("z", "z"),
                ("删除", "Delete"),
                ("空格", "Space"),
                ("清空", "Clear"),
                ("找人", "Find"),
                ("English", "中文"),
            ],
        ),
    ]
}

#[test]
fn every_navigation_target_is_large_and_within_reach() {
    let screens = navigation_targets();
    for size in [LANDSCAPE, PORTRAIT] {
        for lang in [Lang::Zh, Lang::En] {
            for large_text in [false, true] {
                for (view, person, names) in screens {
                    let mut v = visit(lang, person);
                    v.large_text = large_text;
                    let h = show_at(view, v, size);
                    let ppp = if large_text {
                        kiosk::theme::LARGE_TEXT_ZOOM
                    } else {
                        1.0
                    };
                    let mut all = names.to_vec();
                    all.extend([("大字", "Large text"), ("高对比", "High contrast")]);
                    for (zh, en) in all {
                        let name = lang.pick(zh, en);
                        let node = h.query_by_label(name).unwrap_or_else(|| {
                            panic!("{view:?} at {size:?} in {lang:?} has no “{name}”")
                        });
                        // In physical pixels.
                        let r = node.rect() * ppp;
                        let at =
                            format!("{view:?} “{name}” at {size:?}, large {large_text}: {r:?}");
                        assert!(r.width() >= 64.0 && r.height() >= 64.0, "too small: {at}");
                        assert!(r.top() >= size.y * 0.4, "out of reach: {at}");
                        assert!(
                            r.bottom() <= size.y + 0.5 && r.right() <= size.x + 0.5,
                            "off screen: {at}"
                        );
                    }
                }
            }
        }
    }
}

/// Every text a view draws, with its colour, size (points) and the fill it
/// stands on (the topmost opaque, untextured rect under its middle).
fn texts(h: &Harness<'static, Option<Action>>) -> Vec<(String, egui::Color32, f32, egui::Color32)> {
    let shapes = &h.output().shapes;
    let mut out = Vec::new();
    for (i, clipped) in shapes.iter().enumerate() {
        let egui::Shape::Text(t) = &clipped.shape else {
            continue;
        };
        let rect = t.visual_bounding_rect();
        if t.galley.is_empty() || !clipped.clip_rect.intersects(rect) {
            continue;
        }
        let mid = clipped.clip_rect.intersect(rect).center();
        let ground = shapes[..i]
            .iter()
            .rev()
            .find_map(|c| match &c.shape {
                egui::Shape::Rect(r)
                    if r.rect.contains(mid)
                        && c.clip_rect.contains(mid)
                        && r.fill.a() == 255
                        && r.brush.is_none() =>
                {
                    Some(r.fill)
                }
                _ => None,
            })
            .unwrap_or(kiosk::theme::PAPER);
        for section in &t.galley.job.sections {
            let color = t.override_text_color.unwrap_or(section.format.color);
            let range = section.byte_range.start.0..section.byte_range.end.0;
            let text = t.galley.job.text[range].to_owned();
            if text.trim().is_empty() || color.a() == 0 {
                continue;
            }
            out.push((text, color, section.format.font_id.size, ground));
        }
    }
    out
}

/// 高对比 · High contrast: every text on every screen at 7:1 or more
/// against what it stands on, in both languages.
#[test]
fn high_contrast_puts_every_text_at_seven_to_one() {
    for lang in [Lang::Zh, Lang::En] {
        for (view, person) in EVERY_VIEW {
            let mut v = visit(lang, person);
            v.high_contrast = true;
            let h = show_at(view, v, LANDSCAPE);
            let seen = texts(&h);
            assert!(seen.len() > 5, "{view:?}: {} texts", seen.len());
            for (text, color, _, ground) in seen {
                let c = kiosk::theme::contrast(color, ground);
                assert!(
                    c >= 7.0,
                    "{view:?} {lang:?}: “{text}” {color:?} on {ground:?} is {c:.1}:1"
                );
            }
        }
    }
}

/// 大字 · Large text: body text at 40 px or more, the smallest labels at 32.
#[test]
fn large_text_draws_no_text_under_32_px_and_body_at_40() {
    for size in [LANDSCAPE, PORTRAIT] {
        for (view, person) in EVERY_VIEW {
            let mut v = visit(Lang::Zh, person);
            v.large_text = true;
            let h = show_at(view, v, size);
            let px = |pt: f32| pt * kiosk::theme::LARGE_TEXT_ZOOM;
            for (text, _, pt, _) in texts(&h) {
                assert!(px(pt) >= 32.0, "{view:?}: “{text}” at {:.0} px", px(pt));
            }
            assert!(px(kiosk::theme::BODY) >= 40.0);
        }
    }
}

/// No text is drawn over another text, on any screen, in either language or
/// text size, landscape or portrait (English names and honours once ran into
/// the portrait below them on the timeline).
#[test]
fn no_text_overlaps_another() {
    for size in [LANDSCAPE, PORTRAIT] {
        for lang in [Lang::Zh, Lang::En] {
            for large_text in [false, true] {
                for (view, person) in EVERY_VIEW {
                    let mut v = visit(lang, person);
                    v.large_text = large_text;
                    let h = show_at(view, v, size);
                    let rects: Vec<(String, egui::Rect)> = h
                        .output()
                        .shapes
                        .iter()
                        .filter_map(|c| match &c.shape {
                            egui::Shape::Text(t) if !t.galley.is_empty() => {
                                let r = t.visual_bounding_rect().intersect(c.clip_rect);
                                (r.is_positive()).then(|| (t.galley.job.text.clone(), r))
                            }
                            _ => None,
                        })
                        .collect();
                    let at = format!("{view:?} {lang:?} large {large_text} at {size:?}");
                    for (i, (a, ra)) in rects.iter().enumerate() {
                        for (b, rb) in &rects[i + 1..] {
                            // A pixel of touching is not an overlap.
                            let both = ra.intersect(*rb);
                            assert!(
                                !(both.width() > 1.0 && both.height() > 1.0),
                                "{at}: “{a}” {ra:?} overlaps “{b}” {rb:?}"
                            );
                        }
                    }
                    // Nor half over an element: a text that meets a filled
                    // shape (a button, a badge, a picture) lies wholly in it.
                    for c in &h.output().shapes {
                        let egui::Shape::Rect(shape) = &c.shape else {
                            continue;
                        };
                        let ground = [kiosk::theme::PAPER, kiosk::theme::BAND, kiosk::theme::NIGHT];
                        let is_ground = shape.brush.is_none() && ground.contains(&shape.fill);
                        if is_ground || (shape.fill.a() < 255 && shape.brush.is_none()) {
                            continue;
                        }
                        let element = shape.rect.intersect(c.clip_rect);
                        for (text, r) in &rects {
                            let both = r.intersect(element);
                            let meets = both.width() > 1.0 && both.height() > 1.0;
                            assert!(
                                !meets || element.expand(1.0).contains_rect(*r),
                                "{at}: “{text}” {r:?} runs over the edge of {element:?}"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn every_screen_has_find_and_it_opens_the_search() {
    for (view, person) in EVERY_VIEW {
        let mut h = show(view, visit(Lang::Zh, person));
        assert_eq!(
            tap(&mut h, "找人"),
            Some(Action::Show(View::Search)),
            "{view:?}"
        );
    }
}

#[test]
fn the_keyboard_types_by_its_keys_names() {
    for (lang, delete, space, clear) in [
        (Lang::Zh, "删除", "空格", "清空"),
        (Lang::En, "Delete", "Space", "Clear"),
    ] {
        let mut search = show(View::Search, visit(lang, None));
        for c in "zxy1959".chars() {
            assert_eq!(
                tap(&mut search, &c.to_string()),
                Some(Action::Key(Key::Char(c)))
            );
        }
        assert_eq!(tap(&mut search, delete), Some(Action::Key(Key::Delete)));
        assert_eq!(tap(&mut search, space), Some(Action::Key(Key::Char(' '))));
        assert_eq!(tap(&mut search, clear), Some(Action::Key(Key::Clear)));
    }
}

#[test]
fn what_is_typed_finds_cards_that_open_their_person() {
    let mut v = visit(Lang::Zh, None);
    // The English name, typed in lower case.
    v.search = "zhang".to_owned();
    let mut search = show(View::Search, v);
    assert!(
        search.query_by_label("人wang").is_none(),
        "wang is not found by zhang"
    );
    assert_eq!(
        tap(&mut search, "人zhang"),
        Some(Action::Open("zhang".to_owned()))
    );
}

#[test]
fn no_one_found_says_so_and_offers_the_decades() {
    let mut v = visit(Lang::En, None);
    v.search = "qqqq".to_owned();
    let mut search = show(View::Search, v);
    assert!(
        texts(&search).iter().any(|t| t.0.contains("No one found")),
        "no friendly line"
    );
    assert_eq!(
        tap(&mut search, "Browse by decade"),
        Some(Action::Show(View::Gallery))
    );
}

/// A seated visitor reaches the lower 60% of the screen: what 找人 finds
/// stands there, just above the keyboard (a trial found it at the top of a
/// portrait screen, out of reach), and so does the way on when nothing is.
#[test]
fn what_is_found_stands_within_reach_above_the_keyboard() {
    for size in [LANDSCAPE, PORTRAIT] {
        let reach = size.y * 0.4;
        let mut v = visit(Lang::Zh, None);
        v.search = "zhang".to_owned();
        let h = show_at(View::Search, v.clone(), size);
        let card = h.get_by_label("人zhang").rect();
        // A card is one target: its lower half at least (the name and the
        // honour) is within reach.
        assert!(
            card.center().y >= reach,
            "{size:?}: the card spans {}–{}",
            card.top(),
            card.bottom()
        );
        if size == PORTRAIT {
            let keys = h.get_by_label("1").rect();
            assert!(
                keys.top() - card.bottom() <= 80.0,
                "the card ends at {}, the keyboard starts at {}",
                card.bottom(),
                keys.top()
            );
        }
        v.search = "qqqq".to_owned();
        let none = show_at(View::Search, v, size);
        let browse = none.get_by_label("按年代浏览").rect();
        assert!(
            browse.top() >= reach,
            "{size:?}: 按年代浏览 at {}",
            browse.top()
        );
    }
}

/// A range of years is typeset as each language does: 1907—1992 in
/// Chinese, 1907–1992 in English (a trial found the Chinese dash in English).
#[test]
fn years_of_life_take_each_languages_dash() {
    use kiosk::screens::widgets::years_of_life;
    assert_eq!(years_of_life(Lang::Zh, 1907, Some(1992)), "1907—1992");
    assert_eq!(years_of_life(Lang::En, 1907, Some(1992)), "1907–1992");
    assert_eq!(years_of_life(Lang::Zh, 1950, None), "1950年生");
    assert_eq!(years_of_life(Lang::En, 1950, None), "born 1950");
}

/// A busy year's people stack up to the decade's name and no further: a
/// trial found the top one under “1950年代” on a landscape screen.
#[test]
fn the_timeline_stacks_people_below_the_decades_name() {
    // Three people a year: they are drawn as large as lets three stand in
    // a year, up to the decade's name.
    let people = (0..12)
        .map(|n| {
            let year = 1951 + n / 3;
            let honors = [(year, HonorLevel::National)];
            person(&format!("p{n}"), "P", Sector::Commerce, &honors)
        })
        .collect::<Vec<_>>();
    let library = Library::build(
        std::path::Path::new("profiles"),
        Arc::new(Exhibition::default()),
        people,
    );
    for size in [LANDSCAPE, PORTRAIT] {
        let visit = Visit {
            lang: Lang::Zh,
            order: library.filtered(Filter::default()),
            ..Default::default()
        };
        let h = show_over(library.clone(), View::Timeline, visit, size, None);
        let heading = h
            .output()
            .shapes
            .iter()
            .find_map(|c| match &c.shape {
                egui::Shape::Text(t) if t.galley.job.text == "1950年代" => {
                    Some(t.visual_bounding_rect())
                }
                _ => None,
            })
            .expect("the decade's name");
        for n in 0..12 {
            let Some(cell) = h.query_by_label(&format!("人p{n}")).map(|c| c.rect()) else {
                continue; // beyond the screen's right edge
            };
            eprintln!("DBG {size:?} {heading:?} p{n} {cell:?}");
            assert!(
                !cell.intersects(heading),
                "{size:?}: p{n} at {cell:?} is under the decade's name at {heading:?}"
            );
        }
    }
}

/// In large text on a portrait screen the portrait above the story takes
/// less of the page, and the story's window grows from 36% of the screen
/// to 44% (a trial found it a third of the screen high, eight lines).
#[test]
fn large_text_gives_the_story_more_of_a_portrait_screen() {
    let mut v = visit(Lang::Zh, Some("li"));
    v.large_text = true;
    let h = show_at(View::Detail, v, PORTRAIT);
    let text = h
        .output()
        .shapes
        .iter()
        .find_map(|c| match &c.shape {
            egui::Shape::Text(t) if t.galley.job.text == "人li" => Some(c.clip_rect),
            _ => None,
        })
        .expect("the name, atop the text");
    let screen_h = PORTRAIT.y / kiosk::theme::LARGE_TEXT_ZOOM;
    assert!(
        text.height() >= 0.42 * screen_h,
        "the text's window is {} of {screen_h}",
        text.height()
    );
}
