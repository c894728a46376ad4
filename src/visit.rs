//! One visitor's session and the screen it is on. This module alone changes
//! them: views return `Action`s, the idle timer sends `Presence`, the tools
//! `stage` a page; `apply_actions` and `follow_presence` carry them out.

use crate::AppSystems;
use crate::content::LibraryChanged;
use crate::library::{Filter, Library};
use crate::profile::Lang;
use bevy::prelude::*;
use bevy::state::state::StateTransition;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

#[derive(States, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    /// Nobody is touching the kiosk.
    #[default]
    Attract,
    /// The home: portrait cards by decade.
    Gallery,
    /// Everyone on one axis of years.
    Timeline,
    /// One person.
    Detail,
    /// One photo or document, full screen.
    Viewer,
    /// 找人 · Find a person, with the kiosk's own keyboard.
    Search,
}

/// One visitor's session: everything the idle reset puts back.
#[derive(Resource, Debug, Clone, Default)]
pub struct Visit {
    pub lang: Lang,
    pub filter: Filter,
    /// The people in the current order (filters applied), as library indices.
    pub order: Vec<usize>,
    /// The person open in Detail and Viewer.
    pub person: Option<String>,
    /// Where Detail's back button returns to.
    pub back_to: BackTo,
    /// The filter sheet is open above the bottom bar.
    pub filter_open: bool,
    /// 大字 · Large text: everything drawn 1.55 times larger, laid out anew.
    pub large_text: bool,
    /// 高对比 · High contrast: every text at 7:1 or more.
    pub high_contrast: bool,
    /// The media item open in the viewer.
    pub media: usize,
    /// What was typed on 找人's keyboard (kept while a person found is open).
    pub search: String,
    /// Bumped on every reset: egui keeps scroll positions by id, and a new
    /// id starts every scroll area at the top.
    pub generation: u32,
}

impl Visit {
    /// "23 / 108": the open person's place in the current order.
    pub fn position(&self, library: &Library) -> Option<(usize, usize)> {
        let i = library.index_of(self.person.as_deref()?)?;
        let at = self.order.iter().position(|&j| j == i)?;
        Some((at + 1, self.order.len()))
    }

    /// A visit as it begins: everyone in the gallery's order, and (through a
    /// new generation of ids) every scroll position at the top.
    fn fresh(library: &Library, previous: &Visit) -> Visit {
        Visit {
            order: library.filtered(Filter::default()),
            generation: previous.generation.wrapping_add(1),
            ..Default::default()
        }
    }

    /// How many photos and documents the open person has.
    pub fn media_count(&self, library: &Library) -> usize {
        self.person
            .as_deref()
            .and_then(|s| library.get(s))
            .map_or(0, |p| p.profile.media.len())
    }
}

/// Where Detail's back button leads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BackTo {
    #[default]
    Gallery,
    Timeline,
    Search,
}

impl BackTo {
    pub fn screen(self) -> Screen {
        match self {
            BackTo::Gallery => Screen::Gallery,
            BackTo::Timeline => Screen::Timeline,
            BackTo::Search => Screen::Search,
        }
    }
}

/// A key of 找人's keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A letter, a digit or a space.
    Char(char),
    Delete,
    Clear,
}

/// The longest query the keyboard takes (the longest pinyin names are
/// about 20 letters).
pub const QUERY_MAX: usize = 32;

/// What a visitor's touch asks for. Views return these; `apply_actions`
/// carries them out.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum Action {
    /// Open a person's page.
    Open(String),
    /// The back button (or close).
    Back,
    /// The next (+1) or previous (-1) person in the current order.
    Step(i32),
    OpenMedia(usize),
    StepMedia(i32),
    ToggleLang,
    SetFilter(Filter),
    /// Open or close the filter sheet.
    ToggleFilters,
    /// The reading modes.
    ToggleLargeText,
    ToggleContrast,
    Show(Screen),
    /// Scroll the gallery to a decade.
    JumpDecade(i32),
    /// A key of 找人's keyboard.
    Key(Key),
}

/// A visitor came or went, as the idle timer tells it.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// A touch on the attract loop: the gallery opens.
    Arrived,
    /// Nobody touched for `idle_seconds` and the countdown ran out:
    /// everything goes back, and the attract loop returns.
    Left,
}

/// What the views keep from frame to frame during a visit (scroll requests,
/// the viewer's zoom); reset with the visit.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct ScreenUi {
    /// Gallery: a decade to scroll to smoothly, consumed by the view.
    pub jump_to: Option<i32>,
    /// Gallery: a card to bring into view (its place in the order), as when
    /// a visitor comes back from the person's page; consumed by the view.
    pub show_card: Option<usize>,
    /// Gallery: the decade at the top of the grid, as last drawn.
    pub decade_in_view: Option<i32>,
    /// Viewer: zoom and pan, reset for every picture.
    pub zoom: ViewerZoom,
}

/// Zoom and pan of the image viewer.
#[derive(Debug, Clone, Copy)]
pub struct ViewerZoom {
    pub zoom: f32,
    pub pan: egui::Vec2,
}

impl Default for ViewerZoom {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            pan: egui::Vec2::ZERO,
        }
    }
}

/// Where the views' actions are taken, in the egui pass: after the views
/// drew (see `screens::plugin`).
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ApplyActions;

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_message::<Action>()
        .add_message::<Presence>()
        .init_resource::<Visit>()
        .init_resource::<ScreenUi>()
        .add_systems(
            Update,
            (refresh_order, follow_presence)
                .chain()
                .in_set(AppSystems::Actions),
        )
        // A touch is answered in the frame it arrives: the view reports the
        // action, it is applied, the screen changes, and egui lays out the
        // new screen in a second pass of the same frame.
        .add_systems(
            EguiPrimaryContextPass,
            (apply_actions, change_screen_now)
                .chain()
                .in_set(ApplyActions),
        );
}

/// The current order follows the library and the filter.
fn refresh_order(
    mut changed: MessageReader<LibraryChanged>,
    library: Res<Library>,
    mut visit: ResMut<Visit>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    if changed.read().count() == 0 {
        return;
    }
    visit.order = library.filtered(visit.filter);
    // A person deleted while open: back to where the visitor came from.
    let gone = visit
        .person
        .as_deref()
        .is_some_and(|slug| library.get(slug).is_none());
    if gone && matches!(screen.get(), Screen::Detail | Screen::Viewer) {
        visit.person = None;
        next.set(visit.back_to.screen());
    }
}

/// A visitor woke the kiosk, or walked away.
fn follow_presence(
    mut presence: MessageReader<Presence>,
    library: Res<Library>,
    screen: Res<State<Screen>>,
    mut visit: ResMut<Visit>,
    mut ui: ResMut<ScreenUi>,
    mut next: ResMut<NextState<Screen>>,
) {
    for p in presence.read() {
        match p {
            Presence::Arrived if *screen.get() == Screen::Attract => {
                info!("visitor: woke the kiosk");
                next.set(Screen::Gallery);
            }
            Presence::Arrived => {}
            Presence::Left => {
                info!("visitor: gone; resetting to the attract loop");
                reset(&library, &mut visit, &mut ui);
                next.set(Screen::Attract);
            }
        }
    }
}

/// Everything one visitor changed goes back: language, filters, the person
/// open, and (through a new generation of ids) every scroll position.
fn reset(library: &Library, visit: &mut Visit, ui: &mut ScreenUi) {
    *visit = Visit::fresh(library, visit);
    *ui = ScreenUi::default();
}

/// Runs the state transition now rather than next frame.
fn change_screen_now(world: &mut World) {
    let pending = world
        .get_resource::<NextState<Screen>>()
        .is_some_and(|n| matches!(n, NextState::Pending(_) | NextState::PendingIfNeq(_)));
    if pending {
        let _ = world.try_run_schedule(StateTransition);
    }
}

fn apply_actions(
    mut contexts: EguiContexts,
    mut actions: MessageReader<Action>,
    library: Res<Library>,
    screen: Res<State<Screen>>,
    mut visit: ResMut<Visit>,
    mut next: ResMut<NextState<Screen>>,
    mut ui: ResMut<ScreenUi>,
) {
    let mut applied = false;
    for action in actions.read() {
        applied = true;
        apply(
            action.clone(),
            &library,
            *screen.get(),
            &mut visit,
            &mut ui,
            &mut next,
        );
    }
    if applied && let Ok(ctx) = contexts.ctx_mut() {
        ctx.request_discard("a visitor's action changed the screen");
    }
}

/// One action: what it changes of the visit, and which screen follows.
fn apply(
    action: Action,
    library: &Library,
    screen: Screen,
    visit: &mut Visit,
    ui: &mut ScreenUi,
    next: &mut NextState<Screen>,
) {
    match action {
        Action::Open(slug) => {
            if library.get(&slug).is_some() {
                match screen {
                    Screen::Gallery => visit.back_to = BackTo::Gallery,
                    Screen::Timeline => visit.back_to = BackTo::Timeline,
                    Screen::Search => visit.back_to = BackTo::Search,
                    _ => {}
                }
                visit.person = Some(slug);
                next.set(Screen::Detail);
            }
        }
        Action::Back => match screen {
            Screen::Detail => {
                // Back where the visitor was: at the card of the person they
                // leave (they may have stepped on, or changed the text size).
                let to = visit.back_to.screen();
                if to == Screen::Gallery {
                    ui.show_card = visit.position(library).map(|(at, _)| at - 1);
                }
                next.set(to);
            }
            Screen::Viewer => next.set(Screen::Detail),
            Screen::Timeline | Screen::Search => next.set(Screen::Gallery),
            Screen::Gallery | Screen::Attract => {}
        },
        Action::Step(delta) => {
            if let Some((at, len)) = visit.position(library) {
                let to = (at as i64 - 1 + i64::from(delta)).clamp(0, len as i64 - 1) as usize;
                visit.person = Some(library.people[visit.order[to]].slug.clone());
            }
        }
        Action::OpenMedia(i) => {
            visit.media = i;
            ui.zoom = ViewerZoom::default();
            next.set(Screen::Viewer);
        }
        Action::StepMedia(delta) => {
            let count = visit.media_count(library);
            if count > 0 {
                visit.media =
                    (visit.media as i64 + i64::from(delta)).clamp(0, count as i64 - 1) as usize;
                ui.zoom = ViewerZoom::default();
            }
        }
        Action::ToggleLang => visit.lang = visit.lang.toggled(),
        Action::SetFilter(filter) => {
            visit.filter = filter;
            visit.order = library.filtered(filter);
            ui.jump_to = None;
        }
        Action::ToggleFilters => visit.filter_open = !visit.filter_open,
        Action::ToggleLargeText => visit.large_text = !visit.large_text,
        Action::ToggleContrast => visit.high_contrast = !visit.high_contrast,
        Action::Show(s) => next.set(s),
        Action::JumpDecade(d) => ui.jump_to = Some(d),
        Action::Key(key) => type_key(&mut visit.search, key),
    }
}

/// A key pressed on 找人's keyboard.
pub fn type_key(query: &mut String, key: Key) {
    match key {
        Key::Char(c) if query.chars().count() < QUERY_MAX => {
            // One space between words, none first.
            if c != ' ' || !(query.is_empty() || query.ends_with(' ')) {
                query.push(c);
            }
        }
        Key::Char(_) => {}
        Key::Delete => {
            query.pop();
        }
        Key::Clear => query.clear(),
    }
}

/// A page set up whole, as `kiosk proof` and `kiosk bench` want it.
#[derive(Debug, Clone, Default)]
pub struct Staged {
    pub screen: Screen,
    pub lang: Lang,
    pub person: Option<String>,
    pub media: usize,
    pub large_text: bool,
    pub high_contrast: bool,
    /// What is typed on 找人's keyboard.
    pub search: String,
}

/// Sets up a page for the tools: a fresh visit (every scroll at the top)
/// with what `staged` says, on its screen from the next frame.
pub fn stage(world: &mut World, staged: Staged) {
    let fresh = Visit::fresh(world.resource::<Library>(), world.resource::<Visit>());
    *world.resource_mut::<Visit>() = Visit {
        lang: staged.lang,
        person: staged.person,
        media: staged.media,
        large_text: staged.large_text,
        high_contrast: staged.high_contrast,
        search: staged.search,
        ..fresh
    };
    *world.resource_mut::<ScreenUi>() = ScreenUi::default();
    world.resource_mut::<NextState<Screen>>().set(staged.screen);
}
