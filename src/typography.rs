//! Line breaking by the Chinese rules (禁则): no line begins with closing
//! punctuation and none ends with opening punctuation. egui breaks between
//! any two Chinese characters and knows only the half-width forms of these
//! marks, so a line could begin with “，” or hold only “”。”. The kiosk breaks
//! its text itself — where Unicode's line breaking algorithm (UAX #14) allows,
//! tightened by 禁则 — and hands egui lines that need no further breaking.

use unicode_linebreak::{BreakOpportunity, linebreaks};

/// Marks that may not begin a line: closing brackets and quotes, sentence
/// and clause punctuation, the ellipsis (full- and half-width).
pub const NO_LINE_START: &str = "，。、；：？！）」』》】〕〉”’…·,.;:?!)]}%";

/// Marks that may not end a line: opening brackets and quotes.
pub const NO_LINE_END: &str = "“‘（「『《【〔〈([{";

/// Units a number keeps on its line (1950年, 3月, 80岁, 10万): “…1950” at a
/// line's end and “年…” at the next one's start read badly.
const UNIT_AFTER_NUMBER: &str = "年月日号岁万亿";

/// Where a line may end before byte `at` of `text` (a new line starting at
/// `at`), by 禁则, and never between a number and its unit.
fn allowed_by_kinsoku(text: &str, at: usize) -> bool {
    let next = text[at..].chars().next();
    let prev = text[..at].trim_end().chars().next_back();
    let number_and_unit = prev.is_some_and(|c| c.is_ascii_digit())
        && next.is_some_and(|c| UNIT_AFTER_NUMBER.contains(c));
    !next.is_some_and(|c| NO_LINE_START.contains(c))
        && !prev.is_some_and(|c| NO_LINE_END.contains(c))
        && !number_and_unit
}

/// Breaks `text` into lines no wider than `max_width`, measuring each
/// character with `width_of`. Newlines in the text are kept as line ends;
/// spaces at a break are dropped. A word wider than a line is broken inside,
/// still never before closing or after opening punctuation: where no break is
/// allowed before the edge, the punctuation hangs past it (标点悬挂).
pub fn break_lines(
    text: &str,
    max_width: f32,
    mut width_of: impl FnMut(char) -> f32,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_w = 0.0;
    let mut start = 0;
    let mut paragraph = 0;
    for (end, opportunity) in linebreaks(text) {
        // The segment runs to the next place a line may end; a 禁则 mark
        // glues it to the next one (the loop carries `start` over).
        if opportunity == BreakOpportunity::Allowed && !allowed_by_kinsoku(text, end) {
            continue;
        }
        let segment = &text[start..end];
        start = end;
        let mandatory = opportunity == BreakOpportunity::Mandatory;
        let body = segment.trim_end_matches(['\n', '\r', '\u{2028}', '\u{2029}']);
        let visible = body.trim_end();
        let visible_w: f32 = visible.chars().map(&mut width_of).sum();
        let body_w: f32 = body.chars().map(&mut width_of).sum();
        if !line.is_empty() && line_w + visible_w > max_width {
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
            line_w = 0.0;
        }
        if line.is_empty() && visible_w > max_width {
            // One word longer than the line: break it by characters.
            for piece in break_inside(body.trim_start(), max_width, &mut width_of) {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line).trim_end().to_owned());
                }
                line_w = piece.chars().map(&mut width_of).sum();
                line = piece;
            }
        } else {
            line.push_str(if line.is_empty() {
                body.trim_start()
            } else {
                body
            });
            line_w += body_w;
        }
        if mandatory {
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
            line_w = 0.0;
            if let [.., before, last] = &mut lines[paragraph..] {
                no_lone_character(before, last);
            }
            paragraph = lines.len();
        }
    }
    // `linebreaks` always ends with a mandatory break at the end of the text,
    // which pushed the last line; an empty text is one empty line.
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// A paragraph does not end on a line of one character (孤字, “位。”): the
/// line before gives it its last character, where the rules allow.
fn no_lone_character(before: &mut String, last: &mut String) {
    let is_han = |c: char| matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}');
    let mut body = last.chars().filter(|&c| !NO_LINE_START.contains(c));
    let lone = matches!((body.next(), body.next()), (Some(c), None) if is_han(c));
    let Some(moved) = before.chars().next_back() else {
        return;
    };
    // The new break, before the moved character, by the same rules.
    let at = before.len() - moved.len_utf8();
    let allowed = is_han(moved) && at > 0 && allowed_by_kinsoku(before, at);
    if lone && allowed {
        before.pop();
        last.insert(0, moved);
    }
}

/// Breaks a word that does not fit on a line by characters, moving a break
/// that 禁则 forbids back by a character or two where that helps.
fn break_inside(word: &str, max_width: f32, width_of: &mut impl FnMut(char) -> f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = word;
    while !rest.is_empty() {
        let mut w = 0.0;
        let mut cut = rest.len();
        for (i, c) in rest.char_indices() {
            w += width_of(c);
            if w > max_width && i > 0 {
                cut = i;
                break;
            }
        }
        if cut < rest.len() {
            let mut at = cut;
            while at > 0 && !allowed_by_kinsoku(rest, at) {
                at = rest[..at].char_indices().next_back().map_or(0, |(i, _)| i);
            }
            if at > 0 {
                cut = at;
            } else {
                // No allowed break before the edge: let the marks hang past
                // it (标点悬挂) rather than start the next line with them.
                while cut < rest.len() && !allowed_by_kinsoku(rest, cut) {
                    cut += rest[cut..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
        pieces.push(rest[..cut].to_owned());
        rest = &rest[cut..];
    }
    pieces
}

/// The lines of `lines` that break the rules: (line number from 0, the line).
/// For tests and the curators' check.
pub fn violations(lines: &[String]) -> Vec<(usize, String)> {
    let last = lines.len().saturating_sub(1);
    lines
        .iter()
        .enumerate()
        .filter(|(n, line)| {
            let starts_badly = *n > 0
                && line
                    .chars()
                    .next()
                    .is_some_and(|c| NO_LINE_START.contains(c));
            let ends_badly = *n < last
                && line
                    .trim_end()
                    .chars()
                    .next_back()
                    .is_some_and(|c| NO_LINE_END.contains(c));
            starts_badly || ends_badly
        })
        .map(|(n, line)| (n, line.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character one unit wide: a line of `n` holds n characters.
    fn lines(text: &str, n: usize) -> Vec<String> {
        break_lines(text, n as f32, |c| if c.is_ascii() { 0.5 } else { 1.0 })
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        // Five a line: the comma would start line two, so 了 goes with it.
        let out = lines("他干了一辈子，从不叫苦。", 6);
        assert!(violations(&out).is_empty(), "{out:?}");
        assert!(out.iter().all(|l| l.chars().count() <= 6), "{out:?}");
        assert_eq!(out.concat(), "他干了一辈子，从不叫苦。");
    }

    #[test]
    fn opening_punctuation_never_ends_a_line() {
        let out = lines("工友们都叫他“李一刀”。", 5);
        assert!(violations(&out).is_empty(), "{out:?}");
        assert_eq!(out.concat(), "工友们都叫他“李一刀”。");
    }

    #[test]
    fn a_closing_quote_and_full_stop_never_make_a_line_alone() {
        for width in 3..14 {
            let text = "她说：“先把活干好。”";
            let out = lines(text, width);
            assert!(violations(&out).is_empty(), "{width}: {out:?}");
            assert!(
                !out.iter().any(|l| l == "”" || l == "。" || l == "”。"),
                "{out:?}"
            );
            assert_eq!(out.concat(), text);
        }
    }

    #[test]
    fn english_breaks_between_words_and_drops_the_space() {
        let out = lines("National Model Worker", 4);
        assert_eq!(out, ["National", "Model", "Worker"]);
    }

    #[test]
    fn newlines_are_kept_and_a_word_too_long_is_broken() {
        assert_eq!(lines("一\n二", 10), ["一", "二"]);
        let out = lines("abcdefghijkl", 3);
        assert!(out.iter().all(|l| l.len() <= 6), "{out:?}");
        assert_eq!(out.concat(), "abcdefghijkl");
        assert_eq!(lines("", 5), [""]);
    }

    #[test]
    fn violations_are_found() {
        let bad = vec![
            "他说".to_owned(),
            "，好".to_owned(),
            "看“".to_owned(),
            "x".to_owned(),
        ];
        assert_eq!(violations(&bad).len(), 2);
    }
}
