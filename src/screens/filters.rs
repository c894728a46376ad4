//! The filter sheet, opened from the bottom bar: honour levels and sectors
//! as two labelled groups of chips.

use super::ViewModel;
use super::nav::EDGE;
use super::widgets;
use crate::library::Filter;
use crate::profile::{HonorLevel, Lang, Sector};
use crate::theme;
use crate::visit::Action;
use bevy_egui::egui::{self, Align2, Rect, Stroke, Ui, pos2, vec2};

/// The filter sheet, just above the bar (within reach): honour levels and
/// sectors as two labelled groups, every chip in sight, none scrolled away.
/// Returns the rect left above it.
pub(super) fn filter_sheet(ui: &mut Ui, m: &ViewModel, above: Rect) -> (Rect, Option<Action>) {
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
