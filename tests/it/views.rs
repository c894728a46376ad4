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
use kiosk::screens::{Action, ViewModel, Visit, detail, gallery, timeline};
use std::path::Path;
use std::sync::Arc;

fn library() -> Library {
    Library::build(
        Arc::new(Exhibition::default()),
        vec![
            person(
                "zhang",
                "Zhang",
                Sector::Commerce,
                &[(1956, HonorLevel::National)],
            ),
            person("li", "Li", Sector::Health, &[(1985, HonorLevel::Municipal)]),
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
        ..Default::default()
    }
}

/// Which view a harness shows.
#[derive(Clone, Copy)]
enum View {
    Gallery,
    Timeline,
    Detail,
}

/// One view of `library()` on a 1920×1080 screen with the kiosk's fonts and
/// theme. The harness state is the last action the view returned.
fn show(view: View, visit: Visit) -> Harness<'static, Option<Action>> {
    let library = library();
    let images = Images::default();
    let mut styled = false;
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(
            move |ui, last: &mut Option<Action>| {
                if !styled {
                    // As the kiosk does: the bundled CJK fonts and the
                    // theme's font families take effect from the next pass.
                    kiosk::theme::apply(ui.ctx());
                    styled = true;
                    return;
                }
                let lookup = ImageLookup::new(&images);
                let model = ViewModel {
                    library: &library,
                    visit: &visit,
                    images: &lookup,
                    profiles_root: Path::new("profiles"),
                    preparing: None,
                };
                let action = match view {
                    View::Gallery => gallery::view(ui, &model, None).action,
                    View::Timeline => timeline::view(ui, &model),
                    View::Detail => detail::view(ui, &model),
                };
                if action.is_some() {
                    *last = action;
                }
            },
            None,
        );
    harness.run_steps(3);
    harness
}

/// Taps the target with this name as a finger does (down in one frame, up
/// in a later one) and returns what the view asked for.
fn tap(harness: &mut Harness<'static, Option<Action>>, name: &str) -> Option<Action> {
    let at = harness.get_by_label(name).rect().center();
    harness.event(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
        harness.run_steps(2);
    }
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

#[test]
fn filter_chips_narrow_the_gallery_and_all_goes_back() {
    let mut visit = visit(Lang::Zh, None);
    visit.filter.level = Some(HonorLevel::National);
    let mut gallery = show(View::Gallery, visit);
    assert_eq!(
        tap(&mut gallery, "教育"),
        Some(Action::SetFilter(Filter {
            level: Some(HonorLevel::National),
            sector: Some(Sector::Education),
        }))
    );
    assert_eq!(
        tap(&mut gallery, "全部"),
        Some(Action::SetFilter(Filter::default()))
    );
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
        Some(Action::Show(kiosk::screens::Screen::Timeline))
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
    assert_eq!(tap(&mut page, "‹"), Some(Action::Step(-1)));
    assert_eq!(tap(&mut page, "›"), Some(Action::Step(1)));
    assert_eq!(tap(&mut page, "English"), Some(Action::ToggleLang));
    assert_eq!(tap(&mut page, "‹  返回"), Some(Action::Back));
}
