//! What the curator is told: one problem per line, `path:line:col: severity: message`.

use serde::Serialize;
use std::fmt;

/// An error leaves the profile out of the exhibition (or keeps its last good
/// version on screen); a warning is shown to the curator while the visitor
/// sees a graceful fallback (a placeholder image, a missing glyph…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A 1-based position in a curator's file. Column counts characters, not
/// bytes, so it matches what a text editor shows for Chinese text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, col: 1 };

    /// The position of byte `offset` in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let before = &text[..floor_char_boundary(text, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        Position { line, col }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file as the curator knows it, e.g. `profiles/zhang-xiuying/profile.ron`.
    pub path: String,
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    /// Chinese first, then English, then a hint how to fix it.
    pub message: String,
}

impl Problem {
    pub fn new(
        path: impl Into<String>,
        at: Position,
        severity: Severity,
        message: impl Into<String>,
    ) -> Self {
        Self {
            path: path.into(),
            line: at.line,
            col: at.col,
            severity,
            message: message.into(),
        }
    }

    pub fn error(path: impl Into<String>, at: Position, message: impl Into<String>) -> Self {
        Self::new(path, at, Severity::Error, message)
    }

    pub fn warning(path: impl Into<String>, at: Position, message: impl Into<String>) -> Self {
        Self::new(path, at, Severity::Warning, message)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.path, self.line, self.col, self.severity, self.message
        )
    }
}

/// Builds the bilingual message every problem carries: `中文 · English（提示 Hint: …）`.
pub fn msg(zh: impl fmt::Display, en: impl fmt::Display, hint: Option<(&str, &str)>) -> String {
    match hint {
        Some((hzh, hen)) => format!("{zh} · {en} — 提示：{hzh} · Hint: {hen}"),
        None => format!("{zh} · {en}"),
    }
}

/// A count in English: `1 error`, `2 errors`, `0 warnings`.
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
