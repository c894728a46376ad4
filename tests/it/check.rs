//! Every defect a curator can make is reported on its own line, with the
//! right file and line, and never a panic.

use kiosk::profile::Severity;
use kiosk::tools::check::check;
use std::path::Path;
use std::process::Command;

/// A valid profile. Line numbers below refer to this text.
pub const VALID: &str = r#"// 示例人物 · Sample person
(
    sample: true,
    name: (zh: "测试人", en: "Ce Shiren"),
    gender: Female,
    born: 1931,
    died: 2012,
    sector: Commerce,
    work_unit: (zh: "区第一百货商店", en: "Store No. 1"),
    position: (zh: "售货员", en: "Shop assistant"),
    honors: [
        (year: 1956, title: (zh: "北京市先进生产者", en: "Beijing Advanced Producer"), level: Municipal),
        (year: 1959, title: (zh: "全国先进生产者", en: "National Advanced Producer"), level: National),
    ],
    summary: (zh: "在柜台站了三十二年。", en: "Thirty-two years at the counter."),
    story: (zh: "她每天下班后练习量布。", en: "She practised measuring cloth every evening."),
    quote: (zh: "柜台也是课堂。", en: "The counter is a classroom too."),
    portrait: "portrait.png",
    media: [
        (file: "1958-counter.png", kind: Photo, caption: (zh: "在柜台", en: "At the counter"), year: 1958),
    ],
)
"#;

/// Line of `key:` in VALID (1-based).
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle in fixture")
        + 1
}

fn tiny_png(path: &Path) {
    image::RgbImage::from_pixel(8, 10, image::Rgb([120, 90, 60]))
        .save(path)
        .unwrap();
}

/// A profiles folder with the exhibition file and one person per (slug, text).
pub fn folder(people: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("exhibition.ron"),
        "(title: (zh: \"光荣与梦想\", en: \"Glory and Dreams\"))",
    )
    .unwrap();
    for (slug, text) in people {
        let p = dir.path().join(slug);
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(p.join("profile.ron"), text).unwrap();
        tiny_png(&p.join("portrait.png"));
        tiny_png(&p.join("1958-counter.png"));
    }
    dir
}

/// Two people in different decades (1950s and 1980s), and the exhibition
/// asking "Still there?" after `idle` seconds for `countdown` more.
pub fn two_people(idle: u32, countdown: u32) -> tempfile::TempDir {
    let second = VALID
        .replace("测试人", "另一人")
        .replace("Ce Shiren", "Ling Yiren")
        .replace("(year: 1956,", "(year: 1986,")
        .replace("(year: 1959,", "(year: 1989,");
    let dir = folder(&[
        ("ce-shiren", VALID.as_bytes()),
        ("ling-yiren", second.as_bytes()),
    ]);
    std::fs::write(
        dir.path().join("exhibition.ron"),
        format!(
            "(title: (zh: \"光荣与梦想\"), idle_seconds: {idle}, countdown_seconds: {countdown})"
        ),
    )
    .unwrap();
    dir
}

/// Checks one person whose profile is `text`; returns the problems' (severity, line, message).
fn problems_of(text: &[u8]) -> Vec<(Severity, usize, String)> {
    let dir = folder(&[("ce-shiren", text)]);
    let report = check(dir.path());
    report
        .problems
        .iter()
        .map(|p| {
            assert!(
                p.path.ends_with("ce-shiren/profile.ron"),
                "wrong file: {}",
                p.path
            );
            (p.severity, p.line, p.message.clone())
        })
        .collect()
}

fn single_error(text: &str) -> (usize, String) {
    let problems = problems_of(text.as_bytes());
    let errors: Vec<_> = problems.iter().filter(|p| p.0 == Severity::Error).collect();
    assert_eq!(errors.len(), 1, "expected one error, got {problems:?}");
    (errors[0].1, errors[0].2.clone())
}

#[test]
fn valid_profile_has_no_problems() {
    assert_eq!(problems_of(VALID.as_bytes()), vec![]);
}

#[test]
fn a_file_far_too_large_for_a_profile_is_refused() {
    // A valid profile followed by 2 MB of blank lines: no profile is that big.
    let mut text = VALID.as_bytes().to_vec();
    text.extend(std::iter::repeat_n(b'\n', 2 << 20));
    let (line, message) = single_error(std::str::from_utf8(&text).unwrap());
    assert_eq!(line, 1);
    assert!(message.contains("over 1 MB"), "{message}");
}

#[test]
fn bom_and_crlf_are_accepted() {
    let text = format!("\u{FEFF}{}", VALID.replace('\n', "\r\n"));
    assert_eq!(problems_of(text.as_bytes()), vec![]);
}

#[test]
fn syntax_error_points_at_its_line() {
    let text = VALID.replace("born: 1931,", "born: 1931");
    let (line, msg) = single_error(&text);
    // The line the comma is missing from, not the next, where RON sees it.
    assert_eq!(line, line_of(&text, "born: 1931"), "{msg}");
    assert!(msg.contains("comma") || msg.contains("逗号"), "{msg}");
}

#[test]
fn unknown_field_suggests_the_right_one() {
    let text = VALID.replace("    story:", "    stroy:");
    let (line, msg) = single_error(&text);
    assert_eq!(line, line_of(&text, "stroy:"));
    assert!(
        msg.contains("`stroy`") && msg.contains("did you mean `story`"),
        "{msg}"
    );
}

#[test]
fn missing_field_is_named() {
    let text: String = VALID
        .lines()
        .filter(|l| !l.contains("story:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let (_, msg) = single_error(&text);
    assert!(msg.contains("missing field `story`"), "{msg}");
}

#[test]
fn wrong_type_points_at_the_value() {
    let text = VALID.replace("born: 1931,", "born: \"1931\",");
    let (line, msg) = single_error(&text);
    assert_eq!(line, line_of(&text, "born:"));
    assert!(
        msg.contains("whole number") || msg.contains("without quotes"),
        "{msg}"
    );
}

#[test]
fn gbk_file_is_named_as_such() {
    let (gbk, _, _) = encoding_rs::GBK.encode(VALID);
    let problems = problems_of(&gbk);
    assert_eq!(problems.len(), 1, "{problems:?}");
    let (severity, line, msg) = &problems[0];
    assert_eq!(*severity, Severity::Error);
    // The first Chinese character is in the comment on line 1.
    assert_eq!(*line, 1);
    assert!(msg.contains("GBK") && msg.contains("UTF-8"), "{msg}");
}

#[test]
fn honour_years_outside_the_republic_or_in_the_future() {
    let text = VALID.replace("(year: 1956,", "(year: 1948,");
    let (line, msg) = single_error(&text);
    assert_eq!(line, line_of(&text, "year: 1948"));
    assert!(msg.contains("1948"), "{msg}");

    let text = VALID.replace("(year: 1959,", "(year: 2999,");
    let (line, _) = single_error(&text);
    assert_eq!(line, line_of(&text, "year: 2999"));
}

#[test]
fn died_before_born() {
    let text = VALID.replace("died: 2012,", "died: 1920,");
    let (line, msg) = single_error(&text);
    assert_eq!(line, line_of(&text, "died:"));
    assert!(msg.contains("before being born"), "{msg}");
}

#[test]
fn honour_before_birth() {
    let text = VALID
        .replace("born: 1931,", "born: 1957,")
        .replace("died: 2012,", "");
    let (line, msg) = single_error(&text);
    assert_eq!(line, line_of(&text, "year: 1956"));
    assert!(msg.contains("before the birth year"), "{msg}");
}

#[test]
fn missing_file_is_a_warning_at_its_reference() {
    let text = VALID.replace("1958-counter.png", "1958-missing.png");
    let problems = problems_of(text.as_bytes());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].0, Severity::Warning);
    assert_eq!(problems[0].1, line_of(&text, "1958-missing.png"));
    assert!(problems[0].2.contains("not found"));
}

#[test]
fn paths_may_not_leave_profiles() {
    for path in ["../../etc/passwd", "/etc/passwd", "C:\\Windows\\win.ini"] {
        let text = VALID.replace("\"portrait.png\"", &format!("{path:?}"));
        let (line, msg) = single_error(&text);
        assert_eq!(line, line_of(&text, "portrait:"), "{path}");
        assert!(msg.contains("leaves the profiles folder"), "{msg}");
    }
}

#[test]
fn undecodable_image_is_a_warning() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    std::fs::write(
        dir.path().join("ce-shiren/1958-counter.png"),
        "this is text, not a picture",
    )
    .unwrap();
    let report = check(dir.path());
    assert_eq!(report.errors, 0);
    assert_eq!(report.warnings, 1, "{:?}", report.problems);
    assert_eq!(report.problems[0].line, line_of(VALID, "1958-counter.png"));
    assert!(report.problems[0].message.contains("cannot be decoded"));
}

#[test]
fn characters_outside_the_font_are_warned() {
    let text = VALID.replace("测试人", "测试\u{1FAE0}");
    let problems = problems_of(text.as_bytes());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].0, Severity::Warning);
    assert_eq!(problems[0].1, line_of(&text, "name:"));
    assert!(problems[0].2.contains("U+1FAE0"));
}

#[test]
fn duplicate_names_across_profiles() {
    let dir = folder(&[
        ("a-person", VALID.as_bytes()),
        ("b-person", VALID.as_bytes()),
    ]);
    let report = check(dir.path());
    assert_eq!(report.profiles, 2);
    assert_eq!(report.errors, 0);
    assert_eq!(report.warnings, 1);
    assert!(report.problems[0].path.ends_with("b-person/profile.ron"));
    assert_eq!(report.problems[0].line, line_of(VALID, "name:"));
}

#[test]
fn a_bad_profile_is_left_out_and_the_rest_counted() {
    let broken = VALID.replace("born: 1931,", "born: 1931");
    let dir = folder(&[
        ("a-person", VALID.as_bytes()),
        ("b-person", broken.as_bytes()),
    ]);
    let mut other = VALID.replace("测试人", "另一人");
    other = other
        .replace("(year: 1956,", "(year: 1986,")
        .replace("(year: 1959,", "(year: 1989,");
    std::fs::create_dir_all(dir.path().join("c-person")).unwrap();
    std::fs::write(dir.path().join("c-person/profile.ron"), other).unwrap();
    let report = check(dir.path());
    assert_eq!(report.folders, 3);
    assert_eq!(report.profiles, 2);
    assert_eq!(report.errors, 1);
    assert_eq!(report.decades.get("1950s"), Some(&1));
    assert_eq!(report.decades.get("1980s"), Some(&1));
}

#[test]
fn the_command_prints_lines_and_exits_1_on_error() {
    let broken = VALID.replace("    story:", "    stroy:");
    let dir = folder(&[
        ("a-person", VALID.as_bytes()),
        ("b-person", broken.as_bytes()),
    ]);
    let out = Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(["check", "--profiles"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let expected = format!(
        "{}:{}:5: error: ",
        dir.path().join("b-person/profile.ron").display(),
        line_of(&broken, "stroy:")
    );
    assert!(lines[0].starts_with(&expected), "{stdout}");
    assert_eq!(*lines.last().unwrap(), "1 profile · 1 error · 0 warnings");

    let out = Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(["check", "--json", "--profiles"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["profiles"], 1);
    assert_eq!(json["decades"]["1950s"], 1);
    assert_eq!(json["problems"][0]["severity"], "error");
    assert_eq!(json["problems"][0]["line"], line_of(&broken, "stroy:"));
}

#[test]
fn shipped_profiles_are_108_without_errors() {
    let report = check(&crate::support::shipped_profiles());
    let errors: Vec<String> = report
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(report.profiles, 108);
    // The 1950s to the 2020s.
    assert_eq!(report.decades.len(), 8, "{:?}", report.decades);
    let warnings: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn never_panics_on_garbage() {
    for bytes in [
        &b""[..],
        b"(",
        b"\xFF\xFE\x00",
        b"()",
        b"(name: )",
        &[0u8; 100],
        "(((((((((((((((((((((((".as_bytes(),
    ] {
        let problems = problems_of(bytes);
        assert!(problems.iter().any(|p| p.0 == Severity::Error), "{bytes:?}");
    }
}

#[test]
fn a_share_address_must_be_a_web_address_with_a_place_for_the_person() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    let exhibition = dir.path().join("exhibition.ron");
    let with = |url: &str| {
        std::fs::write(
            &exhibition,
            format!("(title: (zh: \"光荣与梦想\"), share_url: \"{url}\")"),
        )
        .unwrap();
        check(dir.path())
            .problems
            .into_iter()
            .filter(|p| p.path.ends_with("exhibition.ron"))
            .map(|p| p.message)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        with("https://example.org/people/{slug}"),
        Vec::<String>::new()
    );
    let not_web = with("example.org/{slug}");
    assert!(
        not_web.len() == 1 && not_web[0].contains("not a web address"),
        "{not_web:?}"
    );
    let no_slug = with("https://example.org/people/");
    assert!(
        no_slug.len() == 1 && no_slug[0].contains("{slug}"),
        "{no_slug:?}"
    );
}
