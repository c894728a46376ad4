//! What visitors see. Every screen is a view of one shape — `view(ui,
//! &ViewModel, &mut ScreenUi) -> Option<Action>` — a plain egui function over
//! plain state; `draw` only sets the stage and dispatches, and the visit
//! module carries out the actions.

pub mod attract;
pub mod countdown;
pub mod detail;
pub mod filters;
pub mod framing;
pub mod gallery;
pub mod nav;
pub mod rail;
pub mod related;
pub mod search;
pub mod staff;
pub mod text;
pub mod timeline;
pub mod viewer;
pub mod widgets;

use crate::content::CuratorReport;
use crate::idle::Idle;
use crate::images::{ImageLookup, Images, Prewarm};
use crate::library::Library;
use crate::theme;
use crate::visit::{Action, ApplyActions, Screen, ScreenUi, Visit};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// What every view gets to draw from.
pub struct ViewModel<'a> {
    pub library: &'a Library,
    pub visit: &'a Visit,
    pub images: &'a ImageLookup<'a>,
    /// Pictures prepared so far on a cold start, and how many there are.
    pub preparing: Option<(usize, usize)>,
    /// Seconds since the screen appeared (the attract loop's clock).
    pub shown_for: f64,
    /// A person's page drawn whole (`DrawnPage`): the height, in points, of
    /// the screen it stands for.
    pub whole_page: Option<f32>,
}

/// A page drawn in pieces, for a proof or a preview: the screen it stands
/// for is `screen` pixels high, the page `page` (several screens for a
/// person's whole page: it keeps the screen's layout, and its text runs on
/// below, unscrolled), and this piece starts `offset` pixels down. A
/// software renderer needs ~60 bytes a pixel of target: drawn whole, a
/// person's page took 400 MB.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct DrawnPage {
    pub screen: u32,
    pub page: u32,
    pub offset: u32,
}

/// The view of `screen`: the one place that knows which function draws what.
pub fn view(
    screen: Screen,
    ui: &mut egui::Ui,
    m: &ViewModel,
    state: &mut ScreenUi,
) -> Option<Action> {
    match screen {
        Screen::Attract => attract::view(ui, m, state),
        Screen::Gallery => gallery::view(ui, m, state),
        Screen::Timeline => timeline::view(ui, m, state),
        Screen::Detail => detail::view(ui, m, state),
        Screen::Viewer => viewer::view(ui, m, state),
        Screen::Search => search::view(ui, m, state),
    }
}

/// When the current screen was entered, for its fade-in.
#[derive(Resource, Debug, Default)]
struct Transition {
    since: Option<f64>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Transition>()
        .add_systems(
            PreUpdate,
            pass_on_changed_modifiers_only
                .after(bevy_egui::EguiPreUpdateSet::ProcessInput)
                .before(bevy_egui::EguiPreUpdateSet::BeginPass),
        )
        .add_systems(EguiPrimaryContextPass, draw.before(ApplyActions));
}

/// Everything `draw` reads besides the egui context.
#[derive(bevy::ecs::system::SystemParam)]
struct Stage<'w> {
    screen: Res<'w, State<Screen>>,
    library: Res<'w, Library>,
    visit: Res<'w, Visit>,
    prewarm: Res<'w, Prewarm>,
    idle: Res<'w, Idle>,
    report: Res<'w, CuratorReport>,
    drawn: Option<Res<'w, DrawnPage>>,
}

fn draw(
    mut contexts: EguiContexts,
    mut styled: Local<bool>,
    stage: Stage,
    mut state: ResMut<ScreenUi>,
    mut images: ResMut<Images>,
    mut transition: ResMut<Transition>,
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
    let screen = *stage.screen.get();
    reading_modes(&ctx, &stage.visit);
    if stage.screen.is_changed() && screen == Screen::Attract {
        // A visit has ended: its characters need not stay in the glyph
        // atlas (up to 2048×2048, held three times over) while the loop plays.
        crate::atlas::start_afresh(&ctx);
    }
    let now = ctx.input(|i| i.time);
    if stage.screen.is_changed() || transition.since.is_none() {
        transition.since = Some(now);
    }
    let shown_for = now - transition.since.unwrap_or(now);
    let lookup = ImageLookup::new(&images);
    let model = ViewModel {
        library: &stage.library,
        visit: &stage.visit,
        images: &lookup,
        preparing: stage.prewarm.progress(),
        shown_for,
        whole_page: stage
            .drawn
            .as_deref()
            .filter(|d| d.page > d.screen)
            .map(|d| d.screen as f32 / ctx.pixels_per_point()),
    };
    let mut rect = ctx.viewport_rect();
    if let Some(d) = stage.drawn.as_deref() {
        // The whole page, moved up to the piece drawn now.
        let ppp = ctx.pixels_per_point();
        rect = egui::Rect::from_min_size(
            rect.min - egui::vec2(0.0, d.offset as f32 / ppp),
            egui::vec2(rect.width(), d.page as f32 / ppp),
        );
    }
    if staff.curator_panel {
        // The curator's desktop: the exhibition beside the live problem list.
        rect = staff::beside_curator_panel(&ctx, rect, &stage.report);
    }
    let mut ui = screen_ui(&ctx, rect, screen, stage.visit.generation, shown_for);
    let action = view(screen, &mut ui, &model, &mut state);
    let countdown = stage
        .idle
        .countdown(&stage.library)
        .filter(|_| screen != Screen::Attract);
    if countdown.is_some() || stage.idle.swallow_touch {
        countdown::view(&ctx, countdown);
    }
    if let Some(staff::StaffAction::Exit) = staff::view(&ctx, &mut staff) {
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

/// The visit's reading modes: colours for this frame's drawing, and the zoom
/// that large text is (egui lays every screen out anew at the smaller size
/// in points, so nothing is cut).
fn reading_modes(ctx: &egui::Context, visit: &Visit) {
    theme::set_high_contrast(visit.high_contrast);
    let zoom = if visit.large_text {
        theme::LARGE_TEXT_ZOOM
    } else {
        1.0
    };
    if ctx.zoom_factor() != zoom {
        ctx.set_zoom_factor(zoom);
    }
}

/// The screen's ground in `rect`, fading and rising in for its first
/// moments: the new screen arrives without hiding the touch that caused it.
fn screen_ui(
    ctx: &egui::Context,
    rect: egui::Rect,
    screen: Screen,
    generation: u32,
    shown_for: f64,
) -> egui::Ui {
    let mut ui = egui::Ui::new(
        ctx.clone(),
        egui::Id::new(("screen", generation)),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(rect),
    );
    let ground = if screen == Screen::Viewer {
        theme::NIGHT
    } else {
        theme::PAPER
    };
    ui.painter().rect_filled(rect, 0, ground);
    let fade = (shown_for as f32 / theme::TRANSITION_SECS).clamp(0.0, 1.0);
    if fade < 1.0 {
        ctx.request_repaint();
    }
    ui.multiply_opacity(egui::emath::easing::cubic_out(fade));
    ui
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
