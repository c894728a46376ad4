//! The bottom bar: every control a visitor needs to move around, along the
//! bottom of every screen, within reach of a visitor in a wheelchair (the
//! top of a 1080×1920 screen is two metres up). Titles stay at the top.

use super::ViewModel;
use super::widgets::{self, Icon};
use crate::library::Filter;
use crate::profile::Lang;
use crate::theme;
use crate::visit::{Action, Screen};
use bevy_egui::egui::{Align2, Rect, Stroke, Ui, pos2, vec2};

/// One row of the bar: a touch target and room around it.
pub const ROW_H: f32 = 104.0;
pub(super) const EDGE: f32 = 32.0;
const SPACING: f32 = 16.0;
/// The "3 / 12" between previous and next, with the swipe hint under it;
/// without the hint where the bar is narrow (a portrait screen in large text).
const COUNTER_W: f32 = 180.0;
const COUNTER_W_NARROW: f32 = 110.0;

/// One thing in the bar.
enum Item<'a> {
    Button {
        id: &'static str,
        icon: Option<Icon>,
        label: &'a str,
        filled: bool,
        action: Action,
    },
    /// Previous · "3 / 12" · next; `step` makes the action for -1 or +1.
    Stepper {
        labels: StepLabels<'a>,
        at: usize,
        len: usize,
        step: fn(i32) -> Action,
        narrow: bool,
    },
}

impl Item<'_> {
    fn width(&self, ui: &Ui) -> f32 {
        match self {
            Item::Button { icon, label, .. } => widgets::icon_button_width(ui, *icon, label),
            Item::Stepper { labels, narrow, .. } => {
                widgets::icon_button_width(ui, Some(Icon::Previous), labels.previous)
                    + if *narrow { COUNTER_W_NARROW } else { COUNTER_W }
                    + widgets::icon_button_width(ui, Some(Icon::Next), labels.next)
            }
        }
    }

    fn draw(&self, ui: &mut Ui, x: f32, row: Rect, dark: bool) -> Option<Action> {
        let y = row.center().y - theme::TOUCH / 2.0;
        match self {
            Item::Button {
                id,
                icon,
                label,
                filled,
                action,
            } => {
                let r = Rect::from_min_size(pos2(x, y), vec2(self.width(ui), theme::TOUCH));
                widgets::icon_button(ui, r, *id, *icon, label, *filled)
                    .clicked()
                    .then(|| action.clone())
            }
            Item::Stepper {
                labels,
                at,
                len,
                step,
                narrow,
            } => stepper(ui, x, row, labels, (*at, *len), dark, *narrow).map(step),
        }
    }
}

/// Draws the bar for `screen` along the bottom of `full`: navigation on the
/// left, the reading modes and the language on the right, in one row where
/// they fit and two where they do not (a portrait screen, large text).
/// Returns the rect left above it and what the visitor asked for.
pub fn bottom_bar(
    ui: &mut Ui,
    m: &ViewModel,
    full: Rect,
    screen: Screen,
) -> (Rect, Option<Action>) {
    if screen == Screen::Attract {
        return (full, None);
    }
    let mut navigation = navigation_items(m, screen);
    let reading = reading_items(m);
    let span = |items: &[Item]| -> f32 {
        items.iter().map(|i| i.width(ui)).sum::<f32>()
            + SPACING * items.len().saturating_sub(1) as f32
    };
    let room = full.width() - 2.0 * EDGE;
    if span(&navigation) > room {
        for item in &mut navigation {
            if let Item::Stepper { narrow, .. } = item {
                *narrow = true;
            }
        }
    }
    let mut reading = Vec::from(reading);
    if span(&navigation) > room
        && let Some(at) = navigation
            .iter()
            .position(|i| matches!(i, Item::Button { id: "find", .. }))
    {
        // Still too wide (a portrait screen in large text): 找人 goes to the
        // row above, with the reading modes.
        reading.insert(0, navigation.remove(at));
    }
    let (nav_w, reading_w) = (span(&navigation), span(&reading));
    let one_row = nav_w + reading_w + 3.0 * SPACING <= room;
    let bar_h = if one_row { ROW_H } else { 2.0 * ROW_H };
    let bar = Rect::from_min_max(pos2(full.left(), full.bottom() - bar_h), full.max);
    let above = Rect::from_min_max(full.min, pos2(full.right(), bar.top()));
    let dark = screen == Screen::Viewer;
    let painter = ui.painter();
    painter.rect_filled(bar, 0, if dark { theme::NIGHT } else { theme::CARD });
    painter.hline(
        bar.x_range(),
        bar.top(),
        Stroke::new(2.0, if dark { theme::ink_soft() } else { theme::GOLD }),
    );
    // The lowest row is navigation; reading modes share it or sit above.
    let bottom_row = Rect::from_min_max(pos2(bar.left(), bar.bottom() - ROW_H), bar.max);
    let reading_row = if one_row {
        bottom_row
    } else {
        bottom_row.translate(vec2(0.0, -ROW_H))
    };
    let mut action = None;
    let mut x = bar.left() + EDGE;
    for item in &navigation {
        action = item.draw(ui, x, bottom_row, dark).or(action);
        x += item.width(ui) + SPACING;
    }
    let mut x = bar.right() - EDGE - reading_w;
    for item in &reading {
        action = item.draw(ui, x, reading_row, dark).or(action);
        x += item.width(ui) + SPACING;
    }
    if m.visit.filter_open && matches!(screen, Screen::Gallery | Screen::Timeline) {
        let (rest, chosen) = super::filters::filter_sheet(ui, m, above);
        return (rest, chosen.or(action));
    }
    (above, action)
}

/// The reading modes and the language, at the right end of the bar.
fn reading_items<'a>(m: &ViewModel) -> [Item<'a>; 3] {
    let lang = m.visit.lang;
    [
        Item::Button {
            id: "large",
            icon: None,
            label: lang.pick("大字", "Large text"),
            filled: m.visit.large_text,
            action: Action::ToggleLargeText,
        },
        Item::Button {
            id: "contrast",
            icon: None,
            label: lang.pick("高对比", "High contrast"),
            filled: m.visit.high_contrast,
            action: Action::ToggleContrast,
        },
        Item::Button {
            id: "lang",
            icon: None,
            label: match lang {
                Lang::Zh => "English",
                Lang::En => "中文",
            },
            filled: false,
            action: Action::ToggleLang,
        },
    ]
}

/// The bar's navigation for `screen`, from the left edge.
fn navigation_items<'a>(m: &'a ViewModel, screen: Screen) -> Vec<Item<'a>> {
    match screen {
        Screen::Attract => Vec::new(),
        Screen::Gallery | Screen::Timeline | Screen::Search => browsing_items(m, screen),
        Screen::Detail => with_find(detail_items(m), m, screen),
        Screen::Viewer => with_find(viewer_items(m), m, screen),
    }
}

/// 找人 · Find, at the end of the navigation: on every screen.
fn find_item<'a>(m: &ViewModel, screen: Screen) -> Item<'a> {
    Item::Button {
        id: "find",
        icon: Some(Icon::Find),
        label: m.visit.lang.pick("找人", "Find"),
        filled: screen == Screen::Search,
        action: Action::Show(Screen::Search),
    }
}

fn with_find<'a>(mut items: Vec<Item<'a>>, m: &ViewModel, screen: Screen) -> Vec<Item<'a>> {
    items.push(find_item(m, screen));
    items
}

/// The two ways to browse, as a pair (the current one filled), then the
/// filter: what is chosen shows in the header beside the count, and 全部
/// shows everyone again in one tap.
fn browsing_items<'a>(m: &ViewModel, screen: Screen) -> Vec<Item<'a>> {
    let lang = m.visit.lang;
    let filter = m.visit.filter;
    let mut items = vec![
        Item::Button {
            id: "gallery",
            icon: Some(Icon::Grid),
            label: lang.pick("画廊", "Gallery"),
            filled: screen == Screen::Gallery,
            action: Action::Show(Screen::Gallery),
        },
        Item::Button {
            id: "timeline",
            icon: Some(Icon::Axis),
            label: lang.pick("时间轴", "Timeline"),
            filled: screen == Screen::Timeline,
            action: Action::Show(Screen::Timeline),
        },
        find_item(m, screen),
    ];
    if screen == Screen::Search {
        // Finding looks at everyone: no filter here.
        return items;
    }
    items.push(Item::Button {
        id: "filter",
        icon: Some(Icon::Filter),
        label: lang.pick("筛选", "Filter"),
        filled: m.visit.filter_open || !filter.is_all(),
        action: Action::ToggleFilters,
    });
    if !filter.is_all() {
        items.push(Item::Button {
            id: "all",
            icon: Some(Icon::Close),
            label: lang.pick("全部", "All"),
            filled: false,
            action: Action::SetFilter(Filter::default()),
        });
    }
    items
}

/// Back, then the previous and next person in the current order.
fn detail_items<'a>(m: &ViewModel) -> Vec<Item<'a>> {
    let lang = m.visit.lang;
    let mut items = vec![Item::Button {
        id: "back",
        icon: Some(Icon::Back),
        label: lang.pick("返回", "Back"),
        filled: true,
        action: Action::Back,
    }];
    if let Some((at, len)) = m.visit.position(m.library) {
        items.push(Item::Stepper {
            labels: StepLabels {
                previous: lang.pick("上一位", "Previous"),
                next: lang.pick("下一位", "Next"),
                hint: lang.pick("也可左右滑动", "or swipe"),
            },
            at,
            len,
            step: Action::Step,
            narrow: false,
        });
    }
    items
}

/// Close, then the previous and next picture of the person.
fn viewer_items<'a>(m: &ViewModel) -> Vec<Item<'a>> {
    let lang = m.visit.lang;
    let mut items = vec![Item::Button {
        id: "close",
        icon: Some(Icon::Close),
        label: lang.pick("关闭", "Close"),
        filled: true,
        action: Action::Back,
    }];
    let count = m.visit.media_count(m.library);
    if count > 0 {
        items.push(Item::Stepper {
            labels: StepLabels {
                previous: lang.pick("上一张", "Previous"),
                next: lang.pick("下一张", "Next"),
                hint: lang.pick("也可左右滑动", "or swipe"),
            },
            at: m.visit.media + 1,
            len: count,
            step: Action::StepMedia,
            narrow: false,
        });
    }
    items
}

struct StepLabels<'a> {
    previous: &'a str,
    next: &'a str,
    hint: &'a str,
}

/// Previous · "3 / 12" (and the swipe hint) · next, from `x` in `row`;
/// returns -1 or +1 when pressed. A button at the end of the order is not
/// drawn, but keeps its place.
fn stepper(
    ui: &mut Ui,
    x: f32,
    row: Rect,
    labels: &StepLabels,
    (at, len): (usize, usize),
    dark: bool,
    narrow: bool,
) -> Option<i32> {
    let counter_w = if narrow { COUNTER_W_NARROW } else { COUNTER_W };
    let prev_w = widgets::icon_button_width(ui, Some(Icon::Previous), labels.previous);
    let next_w = widgets::icon_button_width(ui, Some(Icon::Next), labels.next);
    let y = row.center().y - theme::TOUCH / 2.0;
    let mut step = None;
    let prev = Rect::from_min_size(pos2(x, y), vec2(prev_w, theme::TOUCH));
    if at > 1
        && widgets::icon_button(
            ui,
            prev,
            "previous",
            Some(Icon::Previous),
            labels.previous,
            false,
        )
        .clicked()
    {
        step = Some(-1);
    }
    let next = Rect::from_min_size(pos2(x + prev_w + counter_w, y), vec2(next_w, theme::TOUCH));
    if at < len
        && widgets::icon_button(ui, next, "next", Some(Icon::Next), labels.next, false).clicked()
    {
        step = Some(1);
    }
    let (ink, soft) = if dark {
        (theme::ON_DARK, theme::ON_DARK)
    } else {
        (theme::INK, theme::ink_soft())
    };
    let c = pos2(x + prev_w + counter_w / 2.0, row.center().y);
    let painter = ui.painter();
    painter.text(
        c - vec2(0.0, 16.0),
        Align2::CENTER_CENTER,
        format!("{at} / {len}"),
        theme::heading(theme::LEAD),
        ink,
    );
    if len > 1 && !narrow {
        painter.text(
            c + vec2(0.0, 22.0),
            Align2::CENTER_CENTER,
            labels.hint,
            theme::small(),
            soft,
        );
    }
    step
}
