//! The bottom bar: every control a visitor needs to move around, along the
//! bottom of every screen, within reach of a visitor in a wheelchair (the
//! top of a 1080×1920 screen is two metres up). Titles stay at the top.

use super::widgets::{self, Icon};
use super::{Action, Screen, ViewModel};
use crate::library::Filter;
use crate::profile::{HonorLevel, Lang, Sector};
use crate::theme;
use bevy_egui::egui::{self, Align2, Rect, Stroke, Ui, pos2, vec2};

/// The bar's height: a touch target and room around it.
pub const BAR_H: f32 = 112.0;
const EDGE: f32 = 32.0;
const SPACING: f32 = 16.0;

/// Draws the bar for `screen` along the bottom of `full`; returns the rect
/// left above it and what the visitor asked for.
pub fn bottom_bar(
    ui: &mut Ui,
    m: &ViewModel,
    full: Rect,
    screen: Screen,
) -> (Rect, Option<Action>) {
    let bar = Rect::from_min_max(pos2(full.left(), full.bottom() - BAR_H), full.max);
    let above = Rect::from_min_max(full.min, pos2(full.right(), bar.top()));
    let dark = screen == Screen::Viewer;
    let painter = ui.painter();
    painter.rect_filled(bar, 0, if dark { theme::NIGHT } else { theme::CARD });
    painter.hline(
        bar.x_range(),
        bar.top(),
        Stroke::new(2.0, if dark { theme::INK_SOFT } else { theme::GOLD }),
    );
    let lang = m.visit.lang;
    let y = bar.center().y - theme::TOUCH / 2.0;
    let mut action = None;
    let mut left = bar.left() + EDGE;
    let mut right = bar.right() - EDGE;
    // Buttons from the left edge, each after the last.
    let place_left = |ui: &mut Ui, left: &mut f32, id: &str, icon, label: &str, filled| {
        let w = widgets::icon_button_width(ui, icon, label);
        let r = Rect::from_min_size(pos2(*left, y), vec2(w, theme::TOUCH));
        *left += w + SPACING;
        widgets::icon_button(ui, r, id, icon, label, filled).clicked()
    };

    match screen {
        Screen::Attract => return (full, None),
        Screen::Gallery | Screen::Timeline => {
            // The two ways to browse, as a pair: the current one is filled.
            let gallery = lang.pick("画廊", "Gallery");
            if place_left(
                ui,
                &mut left,
                "gallery",
                Some(Icon::Grid),
                gallery,
                screen == Screen::Gallery,
            ) {
                action = Some(Action::Show(Screen::Gallery));
            }
            let timeline = lang.pick("时间轴", "Timeline");
            if place_left(
                ui,
                &mut left,
                "timeline",
                Some(Icon::Axis),
                timeline,
                screen == Screen::Timeline,
            ) {
                action = Some(Action::Show(Screen::Timeline));
            }
            // The filter: what is chosen is always in sight (in the header,
            // beside the count), and one tap on 全部 shows everyone again.
            let filter = m.visit.filter;
            left += SPACING;
            if place_left(
                ui,
                &mut left,
                "filter",
                Some(Icon::Filter),
                lang.pick("筛选", "Filter"),
                m.visit.filter_open || !filter.is_all(),
            ) {
                action = Some(Action::ToggleFilters);
            }
            if !filter.is_all()
                && place_left(
                    ui,
                    &mut left,
                    "all",
                    Some(Icon::Close),
                    lang.pick("全部", "All"),
                    false,
                )
            {
                action = Some(Action::SetFilter(Filter::default()));
            }
        }
        Screen::Detail => {
            if place_left(
                ui,
                &mut left,
                "back",
                Some(Icon::Back),
                lang.pick("返回", "Back"),
                true,
            ) {
                action = Some(Action::Back);
            }
            if let Some((at, len)) = m.visit.position(m.library) {
                let step = stepper(
                    ui,
                    bar,
                    left,
                    StepLabels {
                        previous: lang.pick("上一位", "Previous"),
                        next: lang.pick("下一位", "Next"),
                        hint: lang.pick("也可左右滑动", "or swipe"),
                    },
                    (at, len),
                    false,
                );
                action = step.map(Action::Step).or(action);
            }
        }
        Screen::Viewer => {
            if place_left(
                ui,
                &mut left,
                "close",
                Some(Icon::Close),
                lang.pick("关闭", "Close"),
                true,
            ) {
                action = Some(Action::Back);
            }
            let count = m
                .visit
                .person
                .as_deref()
                .and_then(|s| m.library.get(s))
                .map_or(0, |p| p.profile.media.len());
            if count > 0 {
                let step = stepper(
                    ui,
                    bar,
                    left,
                    StepLabels {
                        previous: lang.pick("上一张", "Previous"),
                        next: lang.pick("下一张", "Next"),
                        hint: lang.pick("也可左右滑动", "or swipe"),
                    },
                    (m.visit.media + 1, count),
                    true,
                );
                action = step.map(Action::StepMedia).or(action);
            }
        }
    }
    // The language, at the right end of every bar.
    let lang_label = match lang {
        Lang::Zh => "English",
        Lang::En => "中文",
    };
    let w = widgets::icon_button_width(ui, None, lang_label);
    right -= w;
    let r = Rect::from_min_size(pos2(right, y), vec2(w, theme::TOUCH));
    if widgets::icon_button(ui, r, "lang", None, lang_label, false).clicked() {
        action = Some(Action::ToggleLang);
    }
    if m.visit.filter_open && matches!(screen, Screen::Gallery | Screen::Timeline) {
        let (rest, chosen) = filter_sheet(ui, m, above);
        return (rest, chosen.or(action));
    }
    (above, action)
}

/// What a filter lets through, in words: "北京市 · 教育"; None for everyone.
pub fn filter_words(lang: Lang, filter: Filter) -> Option<String> {
    let chosen: Vec<&str> = filter
        .level
        .map(|l| l.label(lang))
        .into_iter()
        .chain(filter.sector.map(|s| s.label(lang)))
        .collect();
    (!chosen.is_empty()).then(|| chosen.join(" · "))
}

/// The filter sheet, just above the bar (within reach): honour levels and
/// sectors as two labelled groups, every chip in sight, none scrolled away.
/// Returns the rect left above it.
fn filter_sheet(ui: &mut Ui, m: &ViewModel, above: Rect) -> (Rect, Option<Action>) {
    let lang = m.visit.lang;
    let current = m.visit.filter;
    let inner_w = above.width() - 2.0 * EDGE;
    // Lay the chips out once to know the sheet's height, then draw it.
    let chip_w = |ui: &Ui, label: &str| widgets::chip_width(ui, label) + 10.0;
    let label_w = 220.0;
    let rows_for = |ui: &Ui, labels: &[&str]| {
        let (mut rows, mut x) = (1, 0.0);
        for l in labels {
            let w = chip_w(ui, l);
            if x + w > inner_w - label_w && x > 0.0 {
                rows += 1;
                x = 0.0;
            }
            x += w;
        }
        rows
    };
    let levels: Vec<&str> = std::iter::once(lang.pick("全部", "All"))
        .chain(HonorLevel::ALL.iter().map(|l| l.label(lang)))
        .collect();
    let sectors: Vec<&str> = std::iter::once(lang.pick("全部", "All"))
        .chain(Sector::ALL.iter().map(|s| s.label(lang)))
        .collect();
    let row_h = theme::TOUCH + 8.0;
    let rows = rows_for(ui, &levels) + rows_for(ui, &sectors);
    let h = rows as f32 * row_h + 48.0;
    let sheet = Rect::from_min_max(pos2(above.left(), above.bottom() - h), above.max);
    ui.painter().rect_filled(sheet, 0, theme::CARD);
    ui.painter()
        .hline(sheet.x_range(), sheet.top(), Stroke::new(2.0, theme::GOLD));
    let mut chosen = None;
    let mut y = sheet.top() + 24.0;
    let groups: [(&str, &[&str], usize); 2] = [
        (lang.pick("荣誉级别", "Honour"), &levels, 0),
        (lang.pick("行业", "Sector"), &sectors, 1),
    ];
    for (title, labels, group) in groups {
        let group_rows = rows_for(ui, labels);
        ui.painter().text(
            pos2(sheet.left() + EDGE, y + theme::TOUCH / 2.0),
            Align2::LEFT_CENTER,
            title,
            theme::heading(theme::NAME),
            theme::INK,
        );
        let area = Rect::from_min_size(
            pos2(sheet.left() + EDGE + label_w, y),
            vec2(inner_w - label_w, group_rows as f32 * row_h),
        );
        let mut chips = ui.new_child(egui::UiBuilder::new().max_rect(area));
        chips.spacing_mut().item_spacing = vec2(10.0, 8.0);
        chips.horizontal_wrapped(|ui| {
            for (i, label) in labels.iter().enumerate() {
                let (selected, pick) = if group == 0 {
                    let level = i.checked_sub(1).map(|k| HonorLevel::ALL[k]);
                    (current.level == level, Filter { level, ..current })
                } else {
                    let sector = i.checked_sub(1).map(|k| Sector::ALL[k]);
                    (current.sector == sector, Filter { sector, ..current })
                };
                let name = match lang {
                    Lang::Zh => format!("{title}：{label}"),
                    Lang::En => format!("{title}: {label}"),
                };
                if widgets::chip(ui, label, &name, selected).clicked() {
                    chosen = Some(Action::SetFilter(pick));
                }
            }
        });
        y += group_rows as f32 * row_h;
    }
    let rest = Rect::from_min_max(above.min, pos2(above.right(), sheet.top()));
    (rest, chosen)
}

struct StepLabels<'a> {
    previous: &'a str,
    next: &'a str,
    hint: &'a str,
}

/// Previous · "3 / 12" (and the swipe hint) · next, centred in the room
/// between `left` and the language button; returns -1 or +1 when pressed.
fn stepper(
    ui: &mut Ui,
    bar: Rect,
    left: f32,
    labels: StepLabels,
    (at, len): (usize, usize),
    dark: bool,
) -> Option<i32> {
    let prev_w = widgets::icon_button_width(ui, Some(Icon::Previous), labels.previous);
    let next_w = widgets::icon_button_width(ui, Some(Icon::Next), labels.next);
    let counter_w = 200.0;
    let total = prev_w + counter_w + next_w;
    // Centred on the screen where there is room, else just right of `left`.
    let start = (bar.center().x - total / 2.0).max(left + SPACING);
    let y = bar.center().y - theme::TOUCH / 2.0;
    let mut step = None;
    let prev = Rect::from_min_size(pos2(start, y), vec2(prev_w, theme::TOUCH));
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
    let next = Rect::from_min_size(
        pos2(start + prev_w + counter_w, y),
        vec2(next_w, theme::TOUCH),
    );
    if at < len
        && widgets::icon_button(ui, next, "next", Some(Icon::Next), labels.next, false).clicked()
    {
        step = Some(1);
    }
    let (ink, soft) = if dark {
        (theme::ON_DARK, theme::ON_DARK)
    } else {
        (theme::INK, theme::INK_SOFT)
    };
    let c = pos2(start + prev_w + counter_w / 2.0, bar.center().y);
    let painter = ui.painter();
    painter.text(
        c - vec2(0.0, 16.0),
        Align2::CENTER_CENTER,
        format!("{at} / {len}"),
        theme::heading(theme::LEAD),
        ink,
    );
    if len > 1 {
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
