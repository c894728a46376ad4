//! What visitors see: one Bevy `State` per screen, views that are plain egui
//! functions over plain state returning `Action`s, and one system that turns
//! those actions into state changes.

pub mod attract;
pub mod detail;
pub mod gallery;
pub mod nav;
pub mod timeline;
pub mod viewer;
pub mod widgets;

use crate::AppSystems;
use crate::content::LibraryChanged;
use crate::images::{ImageLookup, Images};
use crate::library::{Filter, Library};
use crate::profile::Lang;
use crate::theme;
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
}

/// Where Detail's back button leads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BackTo {
    #[default]
    Gallery,
    Timeline,
}

impl BackTo {
    pub fn screen(self) -> Screen {
        match self {
            BackTo::Gallery => Screen::Gallery,
            BackTo::Timeline => Screen::Timeline,
        }
    }
}

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
}

/// The gallery's scroll requests and what it reports back.
#[derive(Resource, Debug, Default)]
pub struct GalleryState {
    /// A decade to scroll to smoothly, consumed by the view.
    pub jump_to: Option<i32>,
    /// The decade at the top of the grid, as last drawn.
    pub decade_in_view: Option<i32>,
}

/// Zoom and pan of the image viewer, reset for every image.
#[derive(Resource, Debug, Clone, Copy)]
pub struct ViewerState {
    pub zoom: f32,
    pub pan: egui::Vec2,
}

impl Default for ViewerState {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            pan: egui::Vec2::ZERO,
        }
    }
}

/// When the current screen was entered, for its fade-in.
#[derive(Resource, Debug, Default)]
pub struct Transition {
    pub since: Option<f64>,
}

/// What every view gets to draw from.
pub struct ViewModel<'a> {
    pub library: &'a Library,
    pub visit: &'a Visit,
    pub images: &'a ImageLookup<'a>,
    pub profiles_root: &'a std::path::Path,
    /// Pictures prepared so far on a cold start, and how many there are.
    pub preparing: Option<(usize, usize)>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_message::<Action>()
        .init_resource::<Visit>()
        .init_resource::<GalleryState>()
        .init_resource::<ViewerState>()
        .init_resource::<Transition>()
        .init_resource::<Images>()
        .init_resource::<crate::images::Prewarm>()
        .init_resource::<crate::staff::Staff>()
        .add_systems(
            PreUpdate,
            pass_on_changed_modifiers_only
                .after(bevy_egui::EguiPreUpdateSet::ProcessInput)
                .before(bevy_egui::EguiPreUpdateSet::BeginPass),
        )
        .add_systems(Update, refresh_order.in_set(AppSystems::Actions))
        .add_systems(
            Update,
            (
                crate::images::upload,
                crate::images::prewarm,
                crate::images::report_broken,
            )
                .in_set(AppSystems::Update),
        )
        // A touch is answered in the frame it arrives: the view reports the
        // action, it is applied, the screen changes, and egui lays out the
        // new screen in a second pass of the same frame.
        .add_systems(
            EguiPrimaryContextPass,
            (draw, apply_actions, change_screen_now).chain(),
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

/// Runs the state transition now rather than next frame.
fn change_screen_now(world: &mut World) {
    let pending = world
        .get_resource::<NextState<Screen>>()
        .is_some_and(|n| matches!(n, NextState::Pending(_) | NextState::PendingIfNeq(_)));
    if pending {
        let _ = world.try_run_schedule(StateTransition);
    }
}

pub fn apply_actions(
    mut contexts: EguiContexts,
    mut actions: MessageReader<Action>,
    library: Res<Library>,
    screen: Res<State<Screen>>,
    mut visit: ResMut<Visit>,
    mut next: ResMut<NextState<Screen>>,
    mut gallery: ResMut<GalleryState>,
    mut viewer: ResMut<ViewerState>,
) {
    let mut applied = false;
    for action in actions.read() {
        applied = true;
        match action.clone() {
            Action::Open(slug) => {
                if library.get(&slug).is_some() {
                    match screen.get() {
                        Screen::Gallery => visit.back_to = BackTo::Gallery,
                        Screen::Timeline => visit.back_to = BackTo::Timeline,
                        _ => {}
                    }
                    visit.person = Some(slug);
                    next.set(Screen::Detail);
                }
            }
            Action::Back => match screen.get() {
                Screen::Detail => next.set(visit.back_to.screen()),
                Screen::Viewer => next.set(Screen::Detail),
                Screen::Timeline => next.set(Screen::Gallery),
                Screen::Gallery | Screen::Attract => {}
            },
            Action::Step(delta) => {
                if let Some((at, len)) = visit.position(&library) {
                    let to = (at as i64 - 1 + i64::from(delta)).clamp(0, len as i64 - 1) as usize;
                    let slug = library.people[visit.order[to]].slug.clone();
                    visit.person = Some(slug);
                }
            }
            Action::OpenMedia(i) => {
                visit.media = i;
                *viewer = ViewerState::default();
                next.set(Screen::Viewer);
            }
            Action::StepMedia(delta) => {
                let count = visit
                    .person
                    .as_deref()
                    .and_then(|s| library.get(s))
                    .map_or(0, |p| p.profile.media.len());
                if count > 0 {
                    visit.media =
                        (visit.media as i64 + i64::from(delta)).clamp(0, count as i64 - 1) as usize;
                    *viewer = ViewerState::default();
                }
            }
            Action::ToggleLang => visit.lang = visit.lang.toggled(),
            Action::SetFilter(filter) => {
                visit.filter = filter;
                visit.order = library.filtered(filter);
                gallery.jump_to = None;
            }
            Action::ToggleFilters => visit.filter_open = !visit.filter_open,
            Action::ToggleLargeText => visit.large_text = !visit.large_text,
            Action::ToggleContrast => visit.high_contrast = !visit.high_contrast,
            Action::Show(s) => next.set(s),
            Action::JumpDecade(d) => gallery.jump_to = Some(d),
        }
    }
    if applied && let Ok(ctx) = contexts.ctx_mut() {
        ctx.request_discard("a visitor's action changed the screen");
    }
}

fn draw(
    mut contexts: EguiContexts,
    mut styled: Local<bool>,
    screen: Res<State<Screen>>,
    library: Res<Library>,
    visit: Res<Visit>,
    root: Res<crate::content::ProfilesRoot>,
    mut gallery: ResMut<GalleryState>,
    mut viewer: ResMut<ViewerState>,
    mut images: ResMut<Images>,
    prewarm: Res<crate::images::Prewarm>,
    mut transition: ResMut<Transition>,
    idle: Res<crate::idle::Idle>,
    report: Res<crate::content::CuratorReport>,
    mut staff: ResMut<crate::staff::Staff>,
    mut exit: MessageWriter<AppExit>,
    mut actions: MessageWriter<Action>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    if !*styled {
        // Fonts take effect from the next pass: draw nothing until then.
        theme::apply(&ctx);
        *styled = true;
        ctx.request_discard("fonts installed");
        ctx.request_repaint();
        return Ok(());
    }
    // The visit's reading modes: colours for this frame's drawing, and the
    // zoom that large text is (egui lays every screen out anew at the
    // smaller size in points, so nothing is cut).
    theme::set_high_contrast(visit.high_contrast);
    let zoom = if visit.large_text {
        theme::LARGE_TEXT_ZOOM
    } else {
        1.0
    };
    if ctx.zoom_factor() != zoom {
        ctx.set_zoom_factor(zoom);
    }
    let now = ctx.input(|i| i.time);
    if screen.is_changed() || transition.since.is_none() {
        transition.since = Some(now);
    }
    let fade =
        ((now - transition.since.unwrap_or(now)) as f32 / theme::TRANSITION_SECS).clamp(0.0, 1.0);
    if fade < 1.0 {
        ctx.request_repaint();
    }

    let lookup = ImageLookup::new(&images);
    let model = ViewModel {
        library: &library,
        visit: &visit,
        images: &lookup,
        profiles_root: &root.0,
        preparing: prewarm.progress(),
    };
    let mut rect = ctx.viewport_rect();
    if staff.curator_panel {
        // The curator's desktop: the exhibition beside the live problem list.
        let panel_w = (rect.width() * 0.3).clamp(420.0, 640.0);
        let panel =
            egui::Rect::from_min_max(egui::pos2(rect.right() - panel_w, rect.top()), rect.max);
        rect.max.x -= panel_w;
        let mut side = egui::Ui::new(
            ctx.clone(),
            egui::Id::new("curator"),
            egui::UiBuilder::new()
                .layer_id(egui::LayerId::background())
                .max_rect(panel),
        );
        crate::staff::curator_panel(&mut side, &report, panel);
    }
    let mut ui = egui::Ui::new(
        ctx.clone(),
        egui::Id::new(("screen", visit.generation)),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(rect),
    );
    let background = if *screen.get() == Screen::Viewer {
        theme::NIGHT
    } else {
        theme::PAPER
    };
    ui.painter().rect_filled(rect, 0, background);
    // A quick fade and rise: the new screen arrives without hiding the touch that caused it.
    ui.multiply_opacity(egui::emath::easing::cubic_out(fade));

    let action = match screen.get() {
        Screen::Attract => {
            attract::view(&mut ui, &model, now - transition.since.unwrap_or(now));
            None
        }
        Screen::Gallery => {
            let out = gallery::view(&mut ui, &model, gallery.jump_to);
            if out.jump_done {
                gallery.jump_to = None;
            }
            gallery.decade_in_view = out.decade_in_view;
            out.action
        }
        Screen::Timeline => timeline::view(&mut ui, &model),
        Screen::Detail => detail::view(&mut ui, &model),
        Screen::Viewer => viewer::view(&mut ui, &model, &mut viewer),
    };
    let countdown = idle
        .countdown(&library)
        .filter(|_| *screen.get() != Screen::Attract);
    if countdown.is_some() || idle.swallow_touch {
        widgets::modal(&ctx, countdown);
    }
    if let Some(crate::staff::StaffAction::Exit) = crate::staff::overlay(&ctx, &mut staff) {
        info!("staff: quitting the kiosk");
        exit.write(AppExit::Success);
    }
    let wanted = lookup.into_wanted();
    images.want(wanted, now);
    if let Some(action) = action {
        actions.write(action);
    }
    Ok(())
}

/// bevy_egui reports the modifier keys every frame, changed or not, and egui
/// takes any input event as a reason to draw the next frame at once: the
/// kiosk never slept, drawing ~20 frames a second with nothing moving. Only
/// a real change is passed on.
fn pass_on_changed_modifiers_only(
    mut inputs: Query<&mut bevy_egui::EguiInput>,
    mut last: Local<egui::Modifiers>,
) {
    for mut input in &mut inputs {
        input.events.retain(|event| match event {
            egui::Event::ModifiersChanged(now) => {
                let changed = *now != *last;
                *last = *now;
                changed
            }
            _ => true,
        });
    }
}
