//! Finds where a field stands in a curator's RON text, so that a problem found
//! after parsing (died before born, a missing photo…) still points at its line.
//!
//! RON parsing gives positions only for syntax errors; this scans the same text
//! for `key:` outside strings and comments, which is all a locator needs.

use super::problem::Position;

/// Every `identifier :` in the text, outside strings and comments, in order.
pub struct Locator<'a> {
    text: &'a str,
    keys: Vec<(&'a str, usize)>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            keys: scan_keys(text),
        }
    }

    /// The first `key:` at or after byte `from`.
    fn find_from(&self, key: &str, from: usize, nth: usize) -> Option<usize> {
        self.keys
            .iter()
            .filter(|(k, at)| *k == key && *at >= from)
            .nth(nth)
            .map(|&(_, at)| at)
    }

    /// The position of a top-level field, or the file's start if absent.
    pub fn field(&self, key: &str) -> Position {
        self.position(self.find_from(key, 0, 0))
    }

    /// The `nth` (0-based) `key:` inside the list `list:` — e.g. the year of
    /// the third honour is `item("honors", 2, "year")`.
    pub fn item(&self, list: &str, nth: usize, key: &str) -> Position {
        let start = self.find_from(list, 0, 0);
        let at = start.and_then(|s| self.find_from(key, s, nth)).or(start);
        self.position(at)
    }

    fn position(&self, offset: Option<usize>) -> Position {
        offset.map_or(Position::START, |o| Position::of_offset(self.text, o))
    }
}

fn scan_keys(text: &str) -> Vec<(&str, usize)> {
    let bytes = text.as_bytes();
    let mut keys = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i = skip_string(bytes, i + 1),
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < bytes.len() && !(bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i += 2;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                let mut j = i;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if bytes.get(j) == Some(&b':') {
                    keys.push((&text[start..i], start));
                }
            }
            _ => i += 1,
        }
    }
    keys
}

fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_outside_strings_and_comments() {
        let text = "(\n  // born: 1900\n  name: (zh: \"born: no\"),\n  born: 1931,\n  honors: [\n    (year: 1956),\n    (year: 1959),\n  ],\n)";
        let loc = Locator::new(text);
        assert_eq!(loc.field("born"), Position { line: 4, col: 3 });
        assert_eq!(loc.item("honors", 1, "year"), Position { line: 7, col: 6 });
        assert_eq!(loc.field("died"), Position::START);
    }
}
