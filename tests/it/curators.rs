//! A curator typing in Notepad or WPS with a Chinese input method on: each
//! mistake is told at its own character, in words a curator follows, and a
//! file with several mistakes gets them all in one check.

use crate::check::{VALID, folder};
use kiosk::profile::Severity;
use kiosk::tools::check::check;

/// `VALID` with `from` replaced by `to` (which must be there).
fn with(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "{from} is not in the sample");
    VALID.replacen(from, to, 1)
}

/// The errors `kiosk check` gives for one person whose profile is `text`:
/// (line, column, message).
fn errors(text: &[u8]) -> Vec<(usize, usize, String)> {
    let dir = folder(&[("ce-shiren", text)]);
    check(dir.path())
        .problems
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| (p.line, p.col, p.message))
        .collect()
}

/// Where `needle` stands in `text`: its line and the column of its first
/// character, counted in characters as an editor shows them.
fn at(text: &str, needle: &str) -> (usize, usize) {
    for (n, line) in text.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            return (n + 1, line[..byte].chars().count() + 1);
        }
    }
    panic!("{needle} not in the text")
}

/// One error, at `needle`, saying `says`.
fn one_error_at(text: &str, needle: &str, says: &str) {
    let found = errors(text.as_bytes());
    let (line, col) = at(text, needle);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].0, found[0].1), (line, col), "{found:#?}");
    assert!(
        found[0].2.contains(says),
        "{:?} does not say {says}",
        found[0].2
    );
}

#[test]
fn chinese_punctuation_used_as_syntax() {
    one_error_at(&with("born: 1931,", "born: 1931，"), "，", "Chinese comma");
    one_error_at(
        &with("gender: Female", "gender： Female"),
        "：",
        "Chinese colon",
    );
    one_error_at(
        &with("sector: Commerce,", "sector: Commerce；"),
        "；",
        "Chinese semicolon",
    );
    let brackets = with(
        "quote: (zh: \"柜台也是课堂。\", en: \"The counter is a classroom too.\"),",
        "quote: （zh: \"柜台也是课堂。\", en: \"The counter is a classroom too.\"）,",
    );
    let found = errors(brackets.as_bytes());
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!((found[0].0, found[0].1), at(&brackets, "（"));
    assert_eq!((found[1].0, found[1].1), at(&brackets, "）"));
    assert!(found[0].2.contains("Chinese bracket"), "{found:#?}");
}

#[test]
fn chinese_quotes_around_a_text_and_an_english_quote_inside_one() {
    one_error_at(
        &with("(zh: \"测试人\"", "(zh: “测试人”"),
        "“测试人",
        "between Chinese quotes",
    );
    let inside = with("她每天下班后练习量布。", "她被称为\"量布尺\"，每天练习。");
    one_error_at(&inside, "\"量布尺", "ends it early");
}

#[test]
fn years_written_with_units_or_decorations() {
    for year in ["1931年", "１９３１", "1931.5", "1931-03-12"] {
        let text = with("born: 1931,", &format!("born: {year},"));
        one_error_at(&text, year, "a year is four digits");
    }
    let honour = with("(year: 1956,", "(year: 1956年,");
    one_error_at(&honour, "1956年", "a year is four digits");
}

#[test]
fn still_living_written_as_a_value() {
    for value in ["无", "0", "在世"] {
        let text = with("died: 2012,", &format!("died: {value},"));
        one_error_at(&text, &format!("{value},"), "leave the died line out");
    }
    let empty = with("died: 2012,", "died: ,");
    let found = errors(empty.as_bytes());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].2.contains("leave the died line out"), "{found:#?}");
}

#[test]
fn invisible_spaces_are_named_where_they_are() {
    // A line indented with two full-width spaces: one mistake.
    let text = with("    gender: Female,", "\u{3000}\u{3000}gender: Female,");
    one_error_at(&text, "\u{3000}", "U+3000");
    let nbsp = with("born: 1931,", "born:\u{a0}1931,");
    one_error_at(&nbsp, "\u{a0}", "U+00A0");
    let zero_width = with("sector: Commerce,", "sector: Commerce,\u{200b}");
    one_error_at(&zero_width, "\u{200b}", "U+200B");
}

#[test]
fn a_windows_path_with_backslashes() {
    let text = with(
        "portrait: \"portrait.png\"",
        "portrait: \"photos\\portrait.png\"",
    );
    let found = errors(text.as_bytes());
    let (line, col) = at(&text, "\\portrait");
    assert!(
        found
            .iter()
            .any(|(l, c, m)| (*l, *c) == (line, col) && m.contains("backslash")),
        "{found:#?}"
    );
}

#[test]
fn a_file_saved_as_utf16_is_named_so() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(VALID.encode_utf16().flat_map(u16::to_le_bytes));
    let found = errors(&bytes);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].2.contains("UTF-16"), "{found:#?}");
    // Without a byte order mark too.
    let bare: Vec<u8> = VALID.encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert!(errors(&bare)[0].2.contains("UTF-16"));
}

#[test]
fn five_mistakes_in_one_file_are_five_lines_in_one_check() {
    let text = VALID
        .replacen("born: 1931,", "born: 1931，", 1)
        .replacen("died: 2012,", "died: 无,", 1)
        .replacen("    sector:", "\u{3000}\u{3000}sector:", 1)
        .replacen("(year: 1956,", "(year: 1956年,", 1)
        .replacen(
            "她每天下班后练习量布。",
            "她被称为\"量布尺\"，每天练习。",
            1,
        );
    let found = errors(text.as_bytes());
    let expected = [
        at(&text, "，"),
        at(&text, "无"),
        at(&text, "\u{3000}"),
        at(&text, "1956年"),
        at(&text, "\"量布尺"),
    ];
    let mut places: Vec<(usize, usize)> = found.iter().map(|(l, c, _)| (*l, *c)).collect();
    places.sort();
    let mut expected = expected.to_vec();
    expected.sort();
    assert_eq!(places, expected, "{found:#?}");
}

#[test]
fn the_curators_own_words_are_accepted() {
    let text = VALID
        .replacen("gender: Female", "gender: 女", 1)
        .replacen("sector: Commerce", "sector: 商业服务", 1)
        .replacen("level: Municipal", "level: 市级", 1)
        .replacen("level: National", "level: 国家级", 1)
        .replacen("kind: Photo", "kind: 照片", 1);
    assert_eq!(errors(text.as_bytes()), vec![]);
    let dir = folder(&[("ce-shiren", text.as_bytes())]);
    let bytes = std::fs::read(dir.path().join("ce-shiren/profile.ron")).unwrap();
    let loaded = kiosk::profile::load_profile(
        &kiosk::profile::ProfileDir {
            root: dir.path(),
            slug: "ce-shiren",
        },
        &bytes,
    );
    let p = loaded.value.expect("the profile loads");
    assert_eq!(p.gender, kiosk::profile::Gender::Female);
    assert_eq!(p.sector, kiosk::profile::Sector::Commerce);
    assert_eq!(p.honors[0].level, kiosk::profile::HonorLevel::Municipal);
    assert_eq!(p.honors[1].level, kiosk::profile::HonorLevel::National);
    assert_eq!(p.media[0].kind, kiosk::profile::MediaKind::Photo);
    for (male, level) in [("男", "全国"), ("Male", "北京市"), ("男", "区级")] {
        let text = VALID
            .replacen("gender: Female", &format!("gender: {male}"), 1)
            .replacen("level: Municipal", &format!("level: {level}"), 1);
        assert_eq!(errors(text.as_bytes()), vec![], "{male} {level}");
    }
}

/// Every problem `kiosk check` gives for `root`: (path, severity, message).
fn all_problems(root: &std::path::Path) -> Vec<(String, Severity, String)> {
    check(root)
        .problems
        .into_iter()
        .map(|p| (p.path, p.severity, p.message))
        .collect()
}

#[test]
fn a_folder_meant_to_be_a_person_never_goes_missing_silently() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    let root = dir.path();
    let person = |slug: &str, file: &str| {
        let folder = root.join(slug);
        std::fs::create_dir_all(folder.join(file).parent().unwrap()).unwrap();
        std::fs::write(folder.join(file), VALID).unwrap();
    };
    person("notepad", "profile.ron.txt");
    person("capitals", "Profile.RON");
    person("too-deep", "li-ming/profile.ron");
    std::fs::create_dir_all(root.join("pictures-only")).unwrap();
    std::fs::write(root.join("pictures-only/portrait.jpg"), b"...").unwrap();
    std::fs::create_dir_all(root.join("empty")).unwrap();
    let found = all_problems(root);
    let about = |slug: &str| -> Vec<&(String, Severity, String)> {
        let path = format!("{}/", root.join(slug).display());
        found.iter().filter(|p| p.0 == path).collect()
    };
    let says = |slug: &str, severity: Severity, words: &str| {
        let p = about(slug);
        assert!(
            p.len() == 1 && p[0].1 == severity && p[0].2.contains(words),
            "{slug}: {p:#?}"
        );
    };
    says("notepad", Severity::Error, "Notepad added .txt");
    says("capitals", Severity::Error, "all in small letters");
    says(
        "too-deep",
        Severity::Error,
        "one folder too deep, in too-deep/li-ming",
    );
    says(
        "pictures-only",
        Severity::Error,
        "pictures but no profile.ron",
    );
    assert!(about("empty").is_empty(), "an empty folder is no mistake");
    assert!(about("ce-shiren").is_empty());
}

#[test]
fn folders_that_differ_only_in_capitals_are_told() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    std::fs::create_dir_all(dir.path().join("Ce-Shiren")).unwrap();
    let found = all_problems(dir.path());
    assert!(
        found
            .iter()
            .any(|p| p.1 == Severity::Warning && p.2.contains("differ only in capitals")),
        "{found:#?}"
    );
}

#[test]
fn a_picture_in_a_format_the_kiosk_cannot_show_is_named() {
    let formats: [(&str, &[u8]); 3] = [
        ("HEIC", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"),
        ("TIFF", b"II*\0\x08\0\0\0\0\0\0\0\0\0\0\0"),
        ("BMP", b"BM\x36\0\0\0\0\0\0\0\x36\0\0\0\x28\0"),
    ];
    for (format, head) in formats {
        let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
        // Renamed .png, as a phone's share sheet or a curator does.
        std::fs::write(dir.path().join("ce-shiren/portrait.png"), head).unwrap();
        let found = all_problems(dir.path());
        assert!(
            found
                .iter()
                .any(|p| p.2.contains(&format!("is really a {format} file"))),
            "{format}: {found:#?}"
        );
    }
}

#[test]
fn people_still_marked_sample_are_impossible_to_miss() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    let summary = check(dir.path()).summary();
    assert!(
        summary.contains("1 people are still marked sample: true"),
        "{summary}"
    );
    let real = VALID.replacen("sample: true", "sample: false", 1);
    let dir = folder(&[("ce-shiren", real.as_bytes())]);
    assert!(!check(dir.path()).summary().contains("sample"));
}

#[test]
fn kiosk_new_makes_a_person_the_check_passes() {
    let dir = folder(&[]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(["new", "li-ming", "--name", "李明", "--profiles"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = check(dir.path());
    assert_eq!(report.errors, 0, "{:#?}", report.problems);
    assert_eq!(report.profiles, 1);
    // The expected warnings: each text still to be filled in, at its line.
    let unfilled: Vec<&str> = report
        .problems
        .iter()
        .filter(|p| p.message.contains("still the template"))
        .map(|p| p.message.split('`').nth(1).unwrap_or(""))
        .collect();
    assert_eq!(
        unfilled,
        ["work_unit", "position", "title", "summary", "story"],
        "{:#?}",
        report.problems
    );
    assert_eq!(report.warnings, unfilled.len(), "{:#?}", report.problems);
    let profile = std::fs::read_to_string(dir.path().join("li-ming/profile.ron")).unwrap();
    assert!(profile.contains("name: (zh: \"李明\"") && profile.contains("sample: false"));
    // Not a second time over it, and not with a name a folder should not have.
    for slug in ["li-ming", "Li Ming"] {
        let again = std::process::Command::new(env!("CARGO_BIN_EXE_kiosk"))
            .args(["new", slug, "--name", "李明", "--profiles"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(!again.status.success(), "{slug}");
    }
}

#[test]
fn the_live_panel_and_the_check_say_the_same_lines() {
    // A picture named in other capitals than its file has, and one that is
    // there but is no picture.
    let text = VALID.replacen(
        "portrait: \"portrait.png\"",
        "portrait: \"Portrait.PNG\"",
        1,
    );
    let dir = folder(&[("ce-shiren", text.as_bytes())]);
    std::fs::write(
        dir.path().join("ce-shiren/1958-counter.png"),
        "not a picture",
    )
    .unwrap();
    let lines = |problems: Vec<kiosk::profile::Problem>| -> std::collections::BTreeSet<String> {
        problems.iter().map(ToString::to_string).collect()
    };
    let checked = lines(check(dir.path()).problems);
    assert!(!checked.is_empty());
    let mut kiosk = crate::support::Kiosk::new(dir.path());
    kiosk.wake();
    // The person's page has asked for its pictures and tried every one.
    let first = kiosk.first_card();
    kiosk.tap_on(&first);
    kiosk.frames(10);
    let tried = crate::support::until(&mut kiosk, |k| {
        k.app
            .world()
            .resource::<kiosk::images::Images>()
            .in_flight()
            == 0
    });
    assert!(tried.is_some(), "the pictures were never tried");
    kiosk.frames(10);
    let report = kiosk
        .app
        .world()
        .resource::<kiosk::content::CuratorReport>();
    let live = lines(report.problems().cloned().collect());
    assert_eq!(live, checked);
}

#[test]
fn what_the_ron_library_writes_is_never_taken_for_a_mistake() {
    // Optional years as RON writes them, and `Some` texts.
    let text = VALID
        .replacen("died: 2012,", "died: Some(2012),", 1)
        .replacen("year: 1958),", "year: Some(1958)),", 1)
        .replacen("en: \"Ce Shiren\"", "en: Some(\"Ce Shiren\")", 1);
    assert_eq!(errors(text.as_bytes()), vec![]);
    let living = VALID.replacen("died: 2012,", "died: None,", 1);
    assert_eq!(errors(living.as_bytes()), vec![]);
}

#[test]
fn a_quote_typed_in_chinese_at_one_end_of_a_text() {
    // Opened in English, closed in Chinese.
    let closed = with("(zh: \"测试人\"", "(zh: \"测试人”");
    one_error_at(&closed, "”", "ends with a Chinese quote");
    // Opened in Chinese, closed in English.
    let opened = with("(zh: \"测试人\"", "(zh: “测试人\"");
    one_error_at(&opened, "“", "between Chinese quotes");
    // English text may hold curly quotes before a comma: no mistake.
    let english = with(
        "en: \"She practised measuring cloth every evening.\"",
        "en: \"She said “yes”, then practised every evening.\"",
    );
    assert_eq!(errors(english.as_bytes()), vec![]);
}

#[test]
fn a_text_without_its_opening_quote() {
    let text = with("summary: (zh: \"在柜台", "summary: (zh: 在柜台");
    one_error_at(&text, "在柜台站了", "no English double quote");
}

#[test]
fn a_value_not_in_the_list_and_the_mistakes_after_it_in_one_pass() {
    let text = VALID
        .replacen("gender: Female", "gender: 女性", 1)
        .replacen("sector: Commerce", "sector: 交通", 1)
        .replacen("level: Municipal", "level: 市劳模", 1)
        .replacen("born: 1931,", "born: 1931年,", 1);
    let found = errors(text.as_bytes());
    let mut places: Vec<(usize, usize)> = found.iter().map(|(l, c, _)| (*l, *c)).collect();
    places.sort();
    let mut expected = vec![
        at(&text, "女性"),
        at(&text, "交通"),
        at(&text, "市劳模"),
        at(&text, "1931年"),
    ];
    expected.sort();
    assert_eq!(places, expected, "{found:#?}");
    let sector = found.iter().find(|f| f.2.contains("交通")).unwrap();
    assert!(
        sector.2.contains("交通运输") && sector.2.contains("Transport"),
        "{sector:?}"
    );
}

#[test]
fn a_missing_comma_is_told_at_the_end_of_its_line() {
    let text = with("born: 1931,", "born: 1931");
    let found = errors(text.as_bytes());
    let (line, col) = at(&text, "born: 1931");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].0, found[0].1), (line, col + "born: 1931".len()));
    assert!(found[0].2.contains("end of this line"), "{found:#?}");
}

#[test]
fn a_semicolon_or_a_full_stop_where_a_comma_goes() {
    one_error_at(
        &with("gender: Female,", "gender: Female;"),
        ";",
        "a semicolon",
    );
    one_error_at(
        &with("born: 1931,", "born: 1931。"),
        "。",
        "a Chinese full stop",
    );
}

#[test]
fn a_copy_beside_the_profile_and_folder_names_are_told() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    std::fs::write(dir.path().join("ce-shiren/profile.ron.txt"), VALID).unwrap();
    std::fs::create_dir_all(dir.path().join("王建国")).unwrap();
    std::fs::write(dir.path().join("王建国/新建文本文档.txt"), VALID).unwrap();
    let found = all_problems(dir.path());
    let has = |words: &str, severity: Severity| {
        found.iter().any(|p| p.2.contains(words) && p.1 == severity)
    };
    assert!(
        has("there is also profile.ron.txt here", Severity::Warning),
        "{found:#?}"
    );
    assert!(
        has("has Chinese, capitals or spaces", Severity::Warning),
        "{found:#?}"
    );
    assert!(has("only 新建文本文档.txt", Severity::Error), "{found:#?}");
}

#[test]
fn a_misspelt_field_and_the_mistakes_after_it_in_one_pass() {
    let text = VALID
        .replacen("    sector:", "    secter:", 1)
        .replacen("    story:", "    stroy:", 1)
        .replacen("(year: 1956,", "(year: 1956年,", 1);
    let found = errors(text.as_bytes());
    let mut places: Vec<(usize, usize)> = found.iter().map(|(l, c, _)| (*l, *c)).collect();
    places.sort();
    let mut expected = vec![at(&text, "secter"), at(&text, "stroy"), at(&text, "1956年")];
    expected.sort();
    assert_eq!(places, expected, "{found:#?}");
    assert!(
        found.iter().any(|f| f.2.contains("did you mean `story`")),
        "{found:#?}"
    );
}

#[test]
fn a_picture_over_the_size_limit_is_told_the_same_in_the_panel_and_the_check() {
    let dir = folder(&[("ce-shiren", VALID.as_bytes())]);
    // A picture that decodes, in a file of 31 MB (a scan saved uncompressed
    // would be): trailing bytes after the PNG's end are ignored.
    let portrait = dir.path().join("ce-shiren/portrait.png");
    let mut bytes = std::fs::read(&portrait).unwrap();
    bytes.resize(31 << 20, 0);
    std::fs::write(&portrait, bytes).unwrap();
    let lines = |problems: Vec<kiosk::profile::Problem>| -> std::collections::BTreeSet<String> {
        problems.iter().map(ToString::to_string).collect()
    };
    let checked = lines(check(dir.path()).problems);
    assert!(
        checked.iter().any(|l| l.contains("too large")),
        "{checked:#?}"
    );
    let mut kiosk = crate::support::Kiosk::new(dir.path());
    kiosk.wake();
    let told = crate::support::until(&mut kiosk, |k| {
        k.app
            .world()
            .resource::<kiosk::content::CuratorReport>()
            .problems()
            .any(|p| p.message.contains("too large"))
    });
    assert!(
        told.is_some(),
        "the panel never said the picture is too large"
    );
    let report = kiosk
        .app
        .world()
        .resource::<kiosk::content::CuratorReport>();
    assert_eq!(lines(report.problems().cloned().collect()), checked);
}

#[test]
fn a_national_honour_in_a_year_it_was_never_conferred_is_a_warning() {
    let warned = |text: &str| -> Vec<String> {
        let dir = folder(&[("ce-shiren", text.as_bytes())]);
        let found = all_problems(dir.path());
        assert!(
            found.iter().all(|p| p.1 == Severity::Warning),
            "only warnings: {found:#?}"
        );
        found.into_iter().map(|p| p.2).collect()
    };
    // VALID's 1959 全国先进生产者 fits the calendar.
    assert!(warned(VALID).is_empty());
    let national = |year: &str, title: &str| {
        VALID.replace(
            "(year: 1959, title: (zh: \"全国先进生产者\"",
            &format!("(year: {year}, title: (zh: \"{title}\""),
        )
    };
    let found = warned(&national("1966", "全国劳动模范"));
    assert!(
        found
            .iter()
            .any(|m| m.contains("1966年没有召开全国劳模表彰大会")
                && m.contains("no national conference was held in 1966")),
        "{found:#?}"
    );
    // 1950's title was 全国劳动模范; the May Day medal is not given in a
    // conference year; the Capital medal began in 1986.
    assert!(warned(&national("1950", "全国先进生产者"))[0].contains("只在1956、1959"));
    assert!(
        warned(&national("2015", "全国五一劳动奖章"))[0].contains("2015年召开全国劳模表彰大会")
    );
    assert!(warned(&national("1980", "首都劳动奖章"))[0].contains("从1986年才开始授予"));
    assert!(warned(&national("2016", "全国五一劳动奖章")).is_empty());
    // Curators extend the calendar beside the people (a conference the
    // shipped calendar does not know): the warning goes.
    let dir = folder(&[("ce-shiren", national("1966", "全国劳动模范").as_bytes())]);
    std::fs::write(dir.path().join("honours.ron"), "(conferences: [1966])").unwrap();
    assert!(all_problems(dir.path()).is_empty());
    // Additions typed wrong are told (and the shipped calendar still holds).
    std::fs::write(dir.path().join("honours.ron"), "(conferences: [1966]").unwrap();
    let found = all_problems(dir.path());
    assert!(
        found
            .iter()
            .any(|p| p.0.ends_with("honours.ron") && p.1 == Severity::Warning),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.2.contains("1966年没有召开全国劳模表彰大会"))
    );
}

#[test]
fn a_chinese_comma_or_semicolon_right_after_a_closing_quote() {
    // The full-width mark after the text's closing quote is the mistake,
    // told as it is after `)` or a bare word, and nothing else: the quote
    // is right, and the lines after it are fine.
    let comma = with("name: (zh: \"测试人\", en:", "name: (zh: \"测试人\"，en:");
    one_error_at(&comma, "，en:", "this is a Chinese comma “，”");
    let semicolon = with(
        "portrait: \"portrait.png\",",
        "portrait: \"portrait.png\"；",
    );
    one_error_at(&semicolon, "；", "this is a Chinese semicolon “；”");
    let colon = with(
        "caption: (zh: \"在柜台\", en:",
        "caption: (zh: \"在柜台\"：en:",
    );
    one_error_at(&colon, "：en:", "this is a Chinese colon “：”");
}

#[test]
fn chinese_quotes_inside_a_text_wrapped_in_chinese_quotes() {
    // The outer quotes, the colon and the comma outside the text are the
    // mistakes; the enumeration commas and quotes inside it are the text.
    let text = with(
        "summary: (zh: \"在柜台站了三十二年。\", en:",
        "summary: (zh：“她给柜台定下“量、剪、包、记”四道工序”，en:",
    );
    let found = errors(text.as_bytes());
    let places: Vec<(usize, usize)> = found.iter().map(|(l, c, _)| (*l, *c)).collect();
    assert_eq!(
        places,
        [at(&text, "：“"), at(&text, "“她"), at(&text, "，en:")],
        "{found:#?}"
    );
    assert!(found[0].2.contains("Chinese colon"), "{found:#?}");
    assert!(found[1].2.contains("between Chinese quotes"), "{found:#?}");
    assert!(found[2].2.contains("Chinese comma"), "{found:#?}");
    // An English quote inside such a text is still told, once.
    let english = with(
        "summary: (zh: \"在柜台站了三十二年。\"",
        "summary: (zh: “她被称为\"量布尺\"的售货员”",
    );
    let found = errors(english.as_bytes());
    let places: Vec<(usize, usize)> = found.iter().map(|(l, c, _)| (*l, *c)).collect();
    assert_eq!(
        places,
        [at(&english, "“她"), at(&english, "\"量布尺")],
        "{found:#?}"
    );
}
