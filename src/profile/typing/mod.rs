//! The mistakes a curator makes typing RON with a Chinese input method on,
//! found before the file is parsed, each at its own character, and all of
//! them in one pass: full-width punctuation used as syntax, Chinese quotes
//! around a text, an English quote inside a Chinese text, years written
//! with 年 or full-width digits (and fractions with full-width ones),
//! "still living" written as a value,
//! invisible spaces, and backslashes in a picture's path.
//!
//! Each mistake is also repaired in a copy of the text, character for
//! character (so every line and column stays where the curator sees it),
//! and the copy is parsed: what else is wrong is found in the same pass.

mod values;

use super::problem::{Position, Problem, msg};
use values::{FRACTION_KEYS, KNOWN_KEYS, TEXT_KEYS, YEAR_KEYS, allowed_values};

/// What the scan found: the problems, and the repaired text when anything
/// was repaired.
pub struct Typed {
    pub problems: Vec<Problem>,
    pub repaired: Option<String>,
}

/// Full-width punctuation a Chinese input method types, and the ASCII the
/// file needs, with what it is called.
const FULL_WIDTH: [(char, char, &str, &str); 12] = [
    ('，', ',', "中文逗号", "a Chinese comma"),
    ('：', ':', "中文冒号", "a Chinese colon"),
    ('（', '(', "中文括号", "a Chinese bracket"),
    ('）', ')', "中文括号", "a Chinese bracket"),
    ('；', ',', "中文分号", "a Chinese semicolon"),
    ('【', '[', "中文方括号", "a Chinese square bracket"),
    ('】', ']', "中文方括号", "a Chinese square bracket"),
    ('［', '[', "全角方括号", "a full-width square bracket"),
    ('］', ']', "全角方括号", "a full-width square bracket"),
    (';', ',', "分号", "a semicolon"),
    ('。', ',', "句号", "a Chinese full stop"),
    ('、', ',', "顿号", "a Chinese enumeration comma"),
];

/// Characters a text editor does not show, which RON cannot read between
/// fields.
const INVISIBLE: [(char, &str, &str); 6] = [
    ('\u{3000}', "全角空格", "full-width space"),
    ('\u{00A0}', "不换行空格", "non-breaking space"),
    ('\u{200B}', "零宽空格", "zero-width space"),
    ('\u{200C}', "零宽字符", "zero-width character"),
    ('\u{200D}', "零宽字符", "zero-width character"),
    ('\u{FEFF}', "零宽字符（BOM）", "zero-width character (BOM)"),
];

/// The fields that hold a picture's path.
const PATH_KEYS: [&str; 2] = ["portrait", "file"];

/// Scans `text` (the file `path`) for a curator's typing mistakes.
pub fn scan(path: &str, text: &str) -> Typed {
    let mut s = Scanner {
        path,
        chars: text.chars().collect(),
        problems: Vec::new(),
        changed: false,
    };
    s.run();
    Typed {
        repaired: s.changed.then(|| s.chars.iter().collect()),
        problems: s.problems,
    }
}

struct Scanner<'a> {
    path: &'a str,
    chars: Vec<char>,
    problems: Vec<Problem>,
    changed: bool,
}

impl Scanner<'_> {
    fn run(&mut self) {
        let mut i = 0;
        let mut key: Option<(String, usize)> = None;
        while i < self.chars.len() {
            let c = self.chars[i];
            i = match c {
                '/' if self.at(i + 1) == Some('/') => self.skip_line(i),
                '/' if self.at(i + 1) == Some('*') => self.skip_block(i),
                '"' => self.string(i, key.as_ref().map(|k| k.0.as_str())),
                '“' | '”' | '＂' => self.chinese_quotes(i, key.as_ref().map(|k| k.0.as_str())),
                c if c.is_alphabetic() || c == '_' => {
                    let end = self.word_end(i);
                    match self.next_non_space(end).map(|j| self.chars[j]) {
                        Some(':') => {
                            let word: String = self.chars[i..end].iter().collect();
                            self.value_of(&word, i, end);
                            key = Some((word, i));
                        }
                        // A fraction typed in one go with the Chinese input
                        // method on: its colon is told on its own, its
                        // digits here.
                        Some('：') if self.is_fraction_key(i, end) => {
                            let word: String = self.chars[i..end].iter().collect();
                            self.fraction(&word, end);
                        }
                        _ => {}
                    }
                    end
                }
                _ => {
                    self.punctuation(i);
                    i + 1
                }
            };
        }
    }

    /// The value after `key:`, checked as what the key holds.
    fn value_of(&mut self, word: &str, at: usize, end: usize) {
        if YEAR_KEYS.contains(&word) {
            self.year(word, at, end);
        } else if FRACTION_KEYS.contains(&word) {
            self.fraction(word, end);
        } else if let Some(allowed) = allowed_values(word) {
            self.choice(word, end, allowed);
        } else if TEXT_KEYS.contains(&word) {
            self.text_start(end);
        } else if !KNOWN_KEYS.contains(&word) {
            self.unknown_key(word, at);
        }
    }

    fn is_fraction_key(&self, start: usize, end: usize) -> bool {
        FRACTION_KEYS
            .iter()
            .any(|k| k.chars().eq(self.chars[start..end].iter().copied()))
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn position(&self, i: usize) -> Position {
        let before = &self.chars[..i.min(self.chars.len())];
        let line = before.iter().filter(|&&c| c == '\n').count() + 1;
        let line_start = before.iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1);
        Position {
            line,
            col: i - line_start + 1,
        }
    }

    fn error(&mut self, i: usize, zh: String, en: String, hint: (&str, &str)) {
        let at = self.position(i);
        self.problems
            .push(Problem::error(self.path, at, msg(zh, en, Some(hint))));
    }

    /// An error told once for a whole text, however often it recurs in it.
    fn error_once(&mut self, told: &mut bool, i: usize, zh: &str, en: &str, hint: (&str, &str)) {
        if !*told {
            self.error(i, zh.to_owned(), en.to_owned(), hint);
            *told = true;
        }
    }

    fn repair(&mut self, i: usize, with: char) {
        self.chars[i] = with;
        self.changed = true;
    }

    fn skip_line(&self, mut i: usize) -> usize {
        while i < self.chars.len() && self.chars[i] != '\n' {
            i += 1;
        }
        i
    }

    fn skip_block(&self, mut i: usize) -> usize {
        i += 2;
        while i + 1 < self.chars.len() && !(self.chars[i] == '*' && self.chars[i + 1] == '/') {
            i += 1;
        }
        i + 2
    }

    fn word_end(&self, mut i: usize) -> usize {
        while i < self.chars.len() && (self.chars[i].is_alphanumeric() || self.chars[i] == '_') {
            i += 1;
        }
        i
    }

    /// The next character that is not a space or a tab (or an invisible
    /// space, told on its own) on the same line.
    fn next_non_space(&self, mut i: usize) -> Option<usize> {
        let blank = |c: char| matches!(c, ' ' | '\t') || INVISIBLE.iter().any(|f| f.0 == c);
        while i < self.chars.len() && blank(self.chars[i]) {
            i += 1;
        }
        (i < self.chars.len()).then_some(i)
    }

    /// Full-width punctuation and invisible characters between fields.
    fn punctuation(&mut self, i: usize) {
        let c = self.chars[i];
        if let Some(&(_, ascii, zh, en)) = FULL_WIDTH.iter().find(|f| f.0 == c) {
            self.error(
                i,
                format!("这里是{zh}“{c}”"),
                format!("this is {en} “{c}”"),
                (
                    &format!("请切换到英文输入法，改成“{ascii}”"),
                    &format!("switch to English input and type “{ascii}”"),
                ),
            );
            self.repair(i, ascii);
        } else if let Some(&(_, zh, en)) = INVISIBLE.iter().find(|f| f.0 == c) {
            // A run of them (a line indented with full-width spaces) is one
            // mistake, told once.
            let run = self.chars[i..].iter().take_while(|&&d| d == c).count();
            let code = format!("U+{:04X}", u32::from(c));
            let (zh_n, en_n) = if run > 1 {
                (format!(" {run} 个"), format!("are {run} invisible {en}s"))
            } else {
                ("一个".to_owned(), format!("is an invisible {en}"))
            };
            self.error(
                i,
                format!("这里有{zh_n}看不见的{zh}（{code}）"),
                format!("there {en_n} ({code}) here"),
                (
                    "请删去，需要空格的地方用普通空格（切换到英文输入法再按空格）",
                    "delete them; where a space is wanted, type an ordinary one in English input",
                ),
            );
            for j in i..i + run {
                self.repair(j, ' ');
            }
        }
    }

    /// A text in "…": an English quote inside it that ends it early, and
    /// backslashes in a picture's path. Returns where the text ends.
    fn string(&mut self, open: usize, key: Option<&str>) -> usize {
        let mut i = open + 1;
        let mut reported = false;
        while i < self.chars.len() {
            match self.chars[i] {
                // A Windows path: `\` (written `\\` in the file) is read as
                // a folder separator, but a single one starts an escape that
                // RON cannot read (`\1958.jpg`).
                '\\' if self.at(i + 1) == Some('\\') => i += 1,
                '\\' if key.is_some_and(|k| PATH_KEYS.contains(&k)) => {
                    self.error_once(
                        &mut reported,
                        i,
                        "路径里用了反斜杠 \\",
                        "the path uses a backslash \\",
                        (
                            "请改用正斜杠 /，例如 photos/1958.jpg",
                            "use a forward slash /, e.g. photos/1958.jpg",
                        ),
                    );
                    self.repair(i, '/');
                }
                '\\' => i += 1,
                // A Chinese quote where the text ends (right before `,` or
                // `)`): the closing quote was typed in Chinese.
                '”' | '“' | '＂' if self.file_goes_on(i + 1) => {
                    self.error(
                        i,
                        "文字结尾用了中文引号".to_owned(),
                        "the text ends with a Chinese quote".to_owned(),
                        (
                            "文字两边都要用英文双引号 \"…\"",
                            "use English double quotes \"…\" at both ends of a text",
                        ),
                    );
                    self.repair(i, '"');
                    return i + 1;
                }
                '"' => {
                    if self.quote_ends_text(i) {
                        return i + 1;
                    }
                    self.error_once(
                        &mut reported,
                        i,
                        "文字里的英文引号 \" 提前结束了这段文字",
                        "the English quote \" inside the text ends it early",
                        (
                            "文字里面的引号请用中文引号“”",
                            "inside a text use Chinese quotes “”",
                        ),
                    );
                    self.repair(i, '”');
                }
                '\n' => return i,
                _ => {}
            }
            i += 1;
        }
        i
    }

    /// Whether the English quote at `i`, inside a text, ends it: a quote
    /// followed by more text (not by , ) ] or the line's end) was meant
    /// inside the text.
    fn quote_ends_text(&self, i: usize) -> bool {
        let next = self.next_non_space(i + 1).map(|j| self.chars[j]);
        let ascii_end = matches!(next, None | Some(',' | ')' | ']' | ':' | '\n' | '\r' | '/'));
        // A quote followed by Chinese punctuation ends the text when no
        // other quote follows on the line, or when the file's own syntax
        // follows the punctuation (`"孙秀贞"，en: "…"`): the punctuation is
        // the mistake, told on its own.
        let chinese_end = matches!(next, Some('，' | '）' | '：' | '】' | '］'))
            && !self.chars[i + 1..]
                .iter()
                .take_while(|&&d| d != '\n')
                .any(|&d| d == '"');
        ascii_end || chinese_end || self.closes_text(i + 1)
    }

    /// Whether what follows a quote that ends at `i` is the file's own
    /// syntax after a text, full-width punctuation typed for it included:
    /// the line's end, `)`, `]`, or a comma (semicolon, colon, full stop)
    /// followed by the line's end, a closing bracket or a `key:`. (Not `）`:
    /// a text may hold （俗称“量布尺”）.)
    fn closes_text(&self, i: usize) -> bool {
        let Some(j) = self.next_non_space(i) else {
            return true;
        };
        match self.chars[j] {
            '\n' | '\r' | ')' | ']' => true,
            '/' => self.at(j + 1) == Some('/'),
            ',' | '，' | ';' | '；' | '：' | '。' => self.syntax_follows(j + 1),
            _ => false,
        }
    }

    /// Whether the file's own syntax follows a separator that ends at `i`:
    /// nothing, the line's end, a closing bracket, a comment or a `key:`
    /// (an ASCII name: a text's words are not taken for one).
    fn syntax_follows(&self, i: usize) -> bool {
        let Some(k) = self.next_non_space(i) else {
            return true;
        };
        match self.chars[k] {
            '\n' | '\r' | ')' | '）' | ']' | '】' | '/' => true,
            _ => {
                let end = self.word_end(k);
                end > k
                    && self.chars[k..end].iter().all(char::is_ascii)
                    && self
                        .next_non_space(end)
                        .is_some_and(|m| matches!(self.chars[m], ':' | '：'))
            }
        }
    }

    /// A text between Chinese quotes “…” where the file needs "…".
    fn chinese_quotes(&mut self, open: usize, key: Option<&str>) -> usize {
        // Closed by the quote after which the file goes on, whatever quotes
        // the text holds (“她定下“煮、晾”四道工序”，en: …): the text inside
        // is read as a text, the quotes around it are the mistake.
        let line_end = self.skip_line(open);
        let quote = |c: char| matches!(c, '”' | '“' | '＂' | '"');
        if let Some(close) =
            (open + 1..line_end).find(|&j| quote(self.chars[j]) && self.closes_text(j + 1))
        {
            self.wrong_quotes(open);
            self.repair(close, '"');
            return self.string(open, key).max(close + 1);
        }
        // Else closed by a Chinese quote, or by an English one (mixed quotes).
        let close = (open + 1..line_end).find(|&j| quote(self.chars[j]));
        self.wrong_quotes(open);
        match close {
            Some(j) => {
                self.repair(j, '"');
                j + 1
            }
            None => open + 1,
        }
    }

    /// The text opened at `open` is between Chinese quotes: told there, and
    /// opened with an English one in the repaired copy.
    fn wrong_quotes(&mut self, open: usize) {
        self.error(
            open,
            "文字两边用了中文引号“”".to_owned(),
            "the text is between Chinese quotes “”".to_owned(),
            (
                "文字两边要用英文双引号 \"…\"；中文引号只用在文字里面",
                "put English double quotes \"…\" around a text; Chinese quotes go only inside it",
            ),
        );
        self.repair(open, '"');
    }

    /// Whether what follows `i` reads as the file's own syntax after a
    /// text (`)`, or `,` (`，` `；`) then the line's end, `)` or a `key:`),
    /// not as more of the text ("He said “yes”, then left").
    fn file_goes_on(&self, i: usize) -> bool {
        let Some(j) = self.next_non_space(i) else {
            return false;
        };
        match self.chars[j] {
            ')' => true,
            ',' | '，' | '；' => self.syntax_follows(j + 1),
            _ => false,
        }
    }
}
