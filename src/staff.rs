//! What only staff can reach: a hidden gesture (hold the top-left corner for
//! five seconds), then the PIN from the machine config, then a menu with the
//! curator's problem list and the way out. Visitors meet none of it. This is
//! its state; `screens::staff` draws it.

use crate::visit::Presence;
use bevy::prelude::*;

/// Seconds the corner must be held.
pub const HOLD_SECS: f64 = 5.0;
/// The longest PIN the pad takes.
const PIN_MAX: usize = 12;

#[derive(Resource, Debug, Default)]
pub struct Staff {
    /// The PIN that opens the staff menu; without one the menu cannot open.
    pub pin: Option<String>,
    /// The curator's problem list shown beside the exhibition.
    pub curator_panel: bool,
    hold_since: Option<f64>,
    entering: Option<String>,
    menu: bool,
}

/// A key of the PIN pad.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinKey {
    Digit(char),
    Cancel,
    Enter,
}

impl Staff {
    pub fn new(pin: Option<String>, curator_panel: bool) -> Self {
        Self {
            pin,
            curator_panel,
            ..default()
        }
    }

    /// Whether a staff overlay is open (the idle reset closes it).
    pub fn is_open(&self) -> bool {
        self.entering.is_some() || self.menu
    }

    /// The PIN was right and the menu is showing.
    pub fn menu_open(&self) -> bool {
        self.menu
    }

    /// The digits typed so far, while the PIN pad is open.
    pub fn entering(&self) -> Option<&str> {
        self.entering.as_deref()
    }

    pub fn close(&mut self) {
        self.entering = None;
        self.menu = false;
        self.hold_since = None;
    }

    /// The hidden corner, held (or not) at `now`: after `HOLD_SECS` the PIN
    /// pad opens. Returns whether a hold is under way (to be looked at again).
    pub fn hold_corner(&mut self, held: bool, now: f64) -> bool {
        if !held || self.pin.is_none() || self.is_open() {
            if !held {
                self.hold_since = None;
            }
            return false;
        }
        let since = *self.hold_since.get_or_insert(now);
        if now - since >= HOLD_SECS {
            self.entering = Some(String::new());
            self.hold_since = None;
            return false;
        }
        true
    }

    /// A key of the PIN pad pressed.
    pub fn press(&mut self, key: PinKey) {
        let Some(entered) = self.entering.as_mut() else {
            return;
        };
        match key {
            PinKey::Digit(d) if entered.len() < PIN_MAX => entered.push(d),
            PinKey::Digit(_) => {}
            PinKey::Cancel => self.close(),
            PinKey::Enter if self.pin.as_deref() == Some(entered.as_str()) => {
                info!("staff: menu opened");
                self.entering = None;
                self.menu = true;
            }
            PinKey::Enter => {
                warn!("staff: wrong PIN");
                entered.clear();
            }
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Staff>()
        .add_systems(Update, close_when_visitor_leaves);
}

/// A staff member who walks away from the open menu leaves it to the idle
/// reset, like any visitor.
fn close_when_visitor_leaves(mut presence: MessageReader<Presence>, mut staff: ResMut<Staff>) {
    if presence.read().any(|p| *p == Presence::Left) {
        staff.close();
    }
}
