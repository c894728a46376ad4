//! 找人 · Find a person: the kiosk's own keyboard in the lower half of the
//! screen (letters for pinyin and English, digits for years), what was typed
//! above it, and the people it finds as the gallery's cards, best first,
//! after every key. Nothing here reaches the system: no text field, no IME.

use super::{ViewModel, gallery, nav, text, widgets};
use crate::library::Filter;
use crate::theme;
use crate::visit::{Action, Key, Screen, ScreenUi};
use bevy_egui::egui::{self, Align2, CornerRadius, Rect, Stroke, StrokeKind, Ui, pos2, vec2};

/// The keyboard's rows; the last two end in 删除 and hold 空格 and 清空.
const ROWS: [&str; 4] = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
/// A key: never under 64 screen pixels on a side, whatever the zoom (with
/// a little to spare for rounding).
const KEY_MIN_PX: f32 = 66.0;
/// A key's height on a tall screen, where there is room.
const KEY_H_ROOMY: f32 = 80.0;
/// The widest a letter key is drawn.
const KEY_MAX_W: f32 = 96.0;
const KEY_GAP: f32 = 8.0;
/// The box showing what was typed.
const FIELD_H: f32 = 88.0;
/// Where the hint begins below the title.
const HINT_TOP: f32 = 96.0;
const MARGIN: f32 = 40.0;
/// Result cards: as wide as the gallery's at most, and wide enough that an
/// English name fits on its row.
const CARD_MIN_W: f32 = 240.0;
const CARD_MAX_W: f32 = 272.0;
/// A landscape screen's share for the keyboard column; the rest is results.
const KEYBOARD_SHARE: f32 = 0.46;

/// Where the parts of the screen go.
struct Layout {
    title: Rect,
    field: Rect,
    keyboard: Rect,
    results: Rect,
    key: egui::Vec2,
}

/// Landscape: the title, what was typed and the keyboard in a column at the
/// left (the keyboard at the bottom), the results at the right. Portrait:
/// what was typed at the top, the results, then the keyboard above the bar.
fn layout(ui: &Ui, body: Rect) -> Layout {
    let ppp = ui.ctx().pixels_per_point();
    let min_key = KEY_MIN_PX / ppp;
    let landscape = body.width() > body.height() * 1.2;
    let key_h = if landscape {
        min_key
    } else {
        KEY_H_ROOMY.max(min_key)
    };
    let keys_w = if landscape {
        (body.width() * KEYBOARD_SHARE).min(10.0 * (KEY_MAX_W + KEY_GAP))
    } else {
        body.width() - 2.0 * MARGIN
    };
    let key_w = ((keys_w - 9.0 * KEY_GAP) / 10.0).clamp(min_key, KEY_MAX_W);
    let keys_w = 10.0 * key_w + 9.0 * KEY_GAP;
    let keys_h = 5.0 * key_h + 4.0 * KEY_GAP;
    let bottom = body.bottom() - 24.0;
    if landscape {
        let keyboard = Rect::from_min_size(
            pos2(body.left() + MARGIN, bottom - keys_h),
            vec2(keys_w, keys_h),
        );
        let field = Rect::from_min_size(
            keyboard.left_top() - vec2(0.0, FIELD_H + 20.0),
            vec2(keys_w, FIELD_H),
        );
        Layout {
            title: Rect::from_min_max(body.min + vec2(MARGIN, 24.0), field.right_top()),
            field,
            keyboard,
            results: Rect::from_min_max(
                pos2(keyboard.right() + MARGIN, body.top() + 24.0),
                pos2(body.right() - MARGIN, bottom),
            ),
            key: vec2(key_w, key_h),
        }
    } else {
        let keyboard = Rect::from_min_size(
            pos2(body.center().x - keys_w / 2.0, bottom - keys_h),
            vec2(keys_w, keys_h),
        );
        let field = Rect::from_min_size(
            body.min + vec2(MARGIN, 24.0),
            vec2(body.width() - 2.0 * MARGIN, FIELD_H),
        );
        Layout {
            title: Rect::NOTHING,
            field,
            keyboard,
            results: Rect::from_min_max(
                pos2(field.left(), field.bottom() + 24.0),
                pos2(field.right(), keyboard.top() - 24.0),
            ),
            key: vec2(key_w, key_h),
        }
    }
}

pub fn view(ui: &mut Ui, m: &ViewModel, _: &mut ScreenUi) -> Option<Action> {
    let (body, mut action) = nav::bottom_bar(ui, m, ui.max_rect(), Screen::Search);
    let at = layout(ui, body);
    let found = m.library.search.find(&m.visit.search);
    if at.title.is_positive() {
        title(ui, m, at.title);
    } else if m.visit.search.trim().is_empty() {
        // A tall screen: what can be typed, where the results will be.
        title(ui, m, at.results);
    }
    field(ui, m, at.field, found.len());
    if let Some(a) = results(ui, m, at.results, &found) {
        action = Some(a);
    }
    if let Some(key) = keyboard(ui, m, at.keyboard, at.key) {
        action = Some(Action::Key(key));
    }
    action
}

/// 找人 · Find a person, and what can be typed.
fn title(ui: &Ui, m: &ViewModel, rect: Rect) {
    let lang = m.visit.lang;
    ui.painter().text(
        rect.left_top(),
        Align2::LEFT_TOP,
        lang.pick("找人", "Find a person"),
        theme::heading(theme::TITLE),
        theme::INK,
    );
    let hint = lang.pick(
        "可输入姓名拼音（如 zhangxiuying）、首字母（zxy）、工作单位、行业或获奖年份。",
        "Type a name in pinyin (zhangxiuying) or its initials (zxy), a work unit, a sector or the year of an honour.",
    );
    // Whole, or not at all where there is no room above what was typed.
    let font = crate::fonts::for_text(theme::body(), hint);
    let lines = text::broken_lines(ui, hint, &font, rect.width());
    let rows = ((rect.height() - HINT_TOP) / (theme::BODY * 1.3)).floor() as usize;
    if lines.lines().count() > rows {
        return;
    }
    let g = ui.painter().layout_no_wrap(lines, font, theme::ink_soft());
    ui.painter()
        .galley(rect.left_top() + vec2(0.0, HINT_TOP), g, theme::ink_soft());
}

/// What was typed, with a caret, and how many it finds.
fn field(ui: &Ui, m: &ViewModel, rect: Rect, found: usize) {
    let lang = m.visit.lang;
    let painter = ui.painter();
    painter.rect(
        rect,
        CornerRadius::same(theme::RADIUS),
        theme::CARD,
        Stroke::new(2.0, theme::GOLD),
        StrokeKind::Inside,
    );
    let query = &m.visit.search;
    let left = rect.left_center() + vec2(24.0, 0.0);
    if query.is_empty() {
        painter.text(
            left,
            Align2::LEFT_CENTER,
            lang.pick("请在下方键盘输入", "Type below"),
            theme::body(),
            theme::ink_soft(),
        );
    } else {
        let typed = painter.layout_no_wrap(
            format!("{query}|"),
            theme::heading(theme::HEADING),
            theme::INK,
        );
        painter.galley(left - vec2(0.0, typed.size().y / 2.0), typed, theme::INK);
        let count = match lang {
            crate::profile::Lang::Zh => format!("找到 {found} 位"),
            crate::profile::Lang::En => format!("{found} found"),
        };
        painter.text(
            rect.right_center() - vec2(24.0, 0.0),
            Align2::RIGHT_CENTER,
            count,
            theme::body(),
            theme::gold_text(),
        );
    }
}

/// The people found, as the gallery's cards, best first; a tap opens one.
/// Nothing found: a friendly line and the way to browse by decade.
fn results(ui: &mut Ui, m: &ViewModel, rect: Rect, found: &[usize]) -> Option<Action> {
    let lang = m.visit.lang;
    if m.visit.search.trim().is_empty() {
        return None;
    }
    if found.is_empty() {
        // Low on the screen, within a seated visitor's reach.
        let at = pos2(rect.center().x, rect.bottom() - 2.0 * theme::TOUCH);
        ui.painter().text(
            at - vec2(0.0, 60.0),
            Align2::CENTER_CENTER,
            lang.pick(
                "没有找到，换个写法试试",
                "No one found: try another spelling",
            ),
            theme::heading(theme::LEAD),
            theme::ink_soft(),
        );
        let label = lang.pick("按年代浏览", "Browse by decade");
        let w = widgets::icon_button_width(ui, Some(widgets::Icon::Grid), label);
        let r = Rect::from_center_size(at + vec2(0.0, 40.0), vec2(w, theme::TOUCH));
        let browse = widgets::icon_button(ui, r, "browse", Some(widgets::Icon::Grid), label, true);
        return browse.clicked().then_some(Action::Show(Screen::Gallery));
    }
    // As many columns as fit at the narrowest, each as wide as allowed.
    let gap = theme::GAP;
    let cols = (((rect.width() + gap) / (CARD_MIN_W + gap)).floor() as usize).max(1);
    let w = ((rect.width() - gap * (cols as f32 - 1.0)) / cols as f32).min(CARD_MAX_W);
    let card = vec2(w, w * theme::PORTRAIT_RATIO + gallery::TEXT_H);
    let rows = found.len().div_ceil(cols);
    // A few found stand just above the keyboard, where a seated visitor
    // reaches (at the top of a portrait screen they had been out of reach);
    // more than fit scroll from the top as usual.
    let content_h = rows as f32 * (card.y + gap) - gap;
    let lift = (rect.height() - content_h).max(0.0);
    let mut action = None;
    let mut area = ui.new_child(egui::UiBuilder::new().max_rect(rect));
    egui::ScrollArea::vertical()
        .id_salt(("search", m.visit.generation, &m.visit.search))
        .scroll_source(egui::scroll_area::ScrollSource::ALL)
        .auto_shrink([false, false])
        .show_viewport(&mut area, |ui, viewport| {
            ui.set_min_height(rows as f32 * (card.y + theme::GAP));
            let origin = ui.max_rect().min;
            for (n, &i) in found.iter().enumerate() {
                let (row, col) = ((n / cols) as f32, (n % cols) as f32);
                let at = vec2(col * (card.x + gap), lift + row * (card.y + gap));
                if at.y > viewport.bottom() || at.y + card.y < viewport.top() {
                    continue;
                }
                let r = Rect::from_min_size(origin + at, card);
                if gallery::card(ui, m, r, i, Filter::default()).clicked() {
                    action = Some(Action::Open(m.library.people[i].slug.clone()));
                }
            }
        });
    action
}

/// The keyboard: digits, three rows of letters, then 空格 and 清空; 删除
/// ends the last row of letters. Each key is named as it reads.
fn keyboard(ui: &mut Ui, m: &ViewModel, rect: Rect, key: egui::Vec2) -> Option<Key> {
    let lang = m.visit.lang;
    let mut pressed = None;
    let mut press = |ui: &mut Ui, r: Rect, label: &str, what: Key| {
        if widgets::icon_button(ui, r, ("key", label), None, label, false).clicked() {
            pressed = Some(what);
        }
    };
    for (row, keys) in ROWS.iter().enumerate() {
        let y = rect.top() + row as f32 * (key.y + KEY_GAP);
        let n = keys.chars().count() as f32;
        // Rows are centred, as on a typewriter.
        let x0 = rect.center().x
            - (n * key.x + (n - 1.0) * KEY_GAP) / 2.0
            - if row == 3 { key.x + KEY_GAP } else { 0.0 };
        for (k, c) in keys.chars().enumerate() {
            let r = Rect::from_min_size(pos2(x0 + k as f32 * (key.x + KEY_GAP), y), key);
            press(ui, r, &c.to_string(), Key::Char(c));
        }
        if row == 3 {
            let x = x0 + n * (key.x + KEY_GAP);
            let r = Rect::from_min_size(pos2(x, y), vec2(2.0 * key.x + KEY_GAP, key.y));
            press(ui, r, lang.pick("删除", "Delete"), Key::Delete);
        }
    }
    let y = rect.top() + 4.0 * (key.y + KEY_GAP);
    let space = Rect::from_min_size(
        pos2(rect.left() + key.x + KEY_GAP, y),
        vec2(5.0 * key.x + 4.0 * KEY_GAP, key.y),
    );
    press(ui, space, lang.pick("空格", "Space"), Key::Char(' '));
    let clear = Rect::from_min_size(
        pos2(space.right() + KEY_GAP, y),
        vec2(3.0 * key.x + 2.0 * KEY_GAP, key.y),
    );
    press(ui, clear, lang.pick("清空", "Clear"), Key::Clear);
    pressed
}
