//! The curators' roster: `kiosk import` makes one folder per row, tells
//! every problem by row and column, makes nothing of a bad row, never
//! overwrites without `--update`; `kiosk export` writes the roster back, and
//! a round trip gives the same people.

use crate::support::{copy_profiles, people, shipped_profiles};
use std::path::Path;
use std::process::{Command, Output};

const HEADER: &str = "姓名,英文名,性别,出生,逝世,行业,工作单位,职务,荣誉,简介,事迹,格言,肖像";

/// A good row for `name`, in the 13 main columns.
fn row(name: &str) -> String {
    format!(
        "{name},,女,1931,2012,商业服务,区第一百货商店,售货员,1956 北京市先进生产者 北京市；1959 全国先进生产者 全国,在柜台站了三十二年。,她每天下班后练习量布。,柜台也是课堂。,portrait.jpg"
    )
}

fn kiosk(args: &[&str], profiles: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(args)
        .arg("--profiles")
        .arg(profiles)
        .output()
        .expect("the kiosk binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A roster file `name` in a temp folder, and an empty profiles folder.
fn roster(name: &str, bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    let profiles = dir.path().join("profiles");
    std::fs::create_dir(&profiles).unwrap();
    (dir, file, profiles)
}

fn import(file: &Path, profiles: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["import", file.to_str().unwrap()];
    args.extend(extra);
    kiosk(&args, profiles)
}

#[test]
fn roster_errors_name_their_row_and_column_and_bad_rows_make_nothing() {
    let rows = [
        HEADER.to_owned(),
        row("张秀英"),                           // 2: good
        row("李明").replace("1931", "一九三一"), // 3: bad year
        row("王芳").replace("商业服务", "交通"), // 4: unknown sector
        row("赵刚").replace("1956 北京市先进生产者 北京市", "1956 北京市先进生产者"), // 5: bad honour
        row(""),                                                                      // 6: no name
        row("张秀英"),                           // 7: same folder as row 2
        row("刘洋").replace(",1931,", ",1700,"), // 8: implausible year
        row("陈静"),                             // 9: good
    ];
    let (_dir, file, profiles) = roster("花名册.csv", rows.join("\n").as_bytes());
    let out = import(&file, &profiles, &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let at = |row: usize, column: &str| format!("{}:{row}:{column}: error: ", file.display());
    let said = |row: usize, column: &str, words: &str| {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&at(row, column)) && l.contains(words)),
            "no “{words}” at row {row}, {column}:\n{text}"
        );
    };
    said(3, "出生", "born 写的是 一九三一");
    said(4, "行业", "`交通`");
    said(4, "行业", "工业制造");
    said(5, "荣誉", "不是“年份 称号 级别”");
    said(6, "姓名", "`name` 的中文为空");
    said(7, "姓名", "与第 2 行的相同");
    said(8, "出生", "出生年份 1700 不合理");
    // Good rows are made; a bad row makes nothing, not even its folder.
    let made: Vec<String> = people(&profiles).into_keys().collect();
    assert_eq!(made, ["chen-jing", "zhang-xiuying"]);
    for slug in ["li-ming", "wang-fang", "zhao-gang", "liu-yang"] {
        assert!(!profiles.join(slug).exists(), "{slug} was made:\n{text}");
    }
    assert!(text.contains("有错未导入 6 行"), "{text}");
}

#[test]
fn roster_never_overwrites_without_update() {
    let csv = format!("{HEADER}\n{}\n", row("张秀英"));
    let (dir, file, profiles) = roster("花名册.csv", csv.as_bytes());
    assert!(import(&file, &profiles, &[]).status.success());
    let ron = profiles.join("zhang-xiuying/profile.ron");
    let first = std::fs::read_to_string(&ron).unwrap();

    // The same roster again: nothing to do, and no error.
    let out = import(&file, &profiles, &[]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("未变 1"), "{}", stdout(&out));

    // A changed row: refused, the file kept as it was.
    let changed = dir.path().join("改过.csv");
    std::fs::write(&changed, csv.replace("售货员", "柜组长")).unwrap();
    let out = import(&changed, &profiles, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains(":2:姓名: error: "),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("--update"), "{}", stdout(&out));
    assert_eq!(std::fs::read_to_string(&ron).unwrap(), first);

    // With --update it is replaced.
    let out = import(&changed, &profiles, &["--update"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert_eq!(people(&profiles)["zhang-xiuying"].position.zh, "柜组长");
}

#[test]
fn roster_dry_run_writes_nothing() {
    let csv = format!("{HEADER}\n{}\n{}\n", row("张秀英"), row("陈静"));
    let (_dir, file, profiles) = roster("花名册.csv", csv.as_bytes());
    let out = import(&file, &profiles, &["--dry-run"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("将新建 · would make zhang-xiuying"),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read_dir(&profiles).unwrap().count(), 0);
}

#[test]
fn roster_csv_with_english_headers_bom_and_forgiving_cells() {
    let csv = "\u{FEFF}Name,English name,Gender,Born,Died,Sector,Work unit,Position,Honours,Summary,Story,Quote,Portrait,Folder,Honours (English),Sample\r\n\
        张秀英,Zhang Xiuying,Female,１９３１年,在世,Commerce,区第一百货商店,售货员,\"1956年北京市先进生产者 市级;1959 全国先进生产者 National\",概括。,事迹。,,,zhang-xy,Beijing Advanced Producer；National Advanced Producer,是\r\n\
        ,,,,,,,,,,,,,,,\r\n";
    let (_dir, file, profiles) = roster("roster.csv", csv.as_bytes());
    let out = import(&file, &profiles, &[]);
    assert!(out.status.success(), "{}", stdout(&out));
    let p = &people(&profiles)["zhang-xy"];
    assert_eq!(p.gender, kiosk::profile::Gender::Female);
    assert_eq!((p.born, p.died), (1931, None));
    assert_eq!(p.sector, kiosk::profile::Sector::Commerce);
    assert!(p.sample);
    assert_eq!(p.quote, None);
    assert_eq!(p.portrait, "portrait.jpg");
    let honours: Vec<_> = p
        .honors
        .iter()
        .map(|h| (h.year, h.level, h.title.en.clone()))
        .collect();
    assert_eq!(
        honours,
        [
            (
                1956,
                kiosk::profile::HonorLevel::Municipal,
                Some("Beijing Advanced Producer".into())
            ),
            (
                1959,
                kiosk::profile::HonorLevel::National,
                Some("National Advanced Producer".into())
            ),
        ]
    );
}

#[test]
fn roster_csv_saved_by_excel_in_gbk() {
    let csv = format!("{HEADER}\r\n{}\r\n", row("张秀英"));
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&csv);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the fixture must not be UTF-8"
    );
    let (_dir, file, profiles) = roster("花名册.csv", &gbk);
    let out = import(&file, &profiles, &[]);
    assert!(out.status.success(), "{}", stdout(&out));
    let p = &people(&profiles)["zhang-xiuying"];
    assert_eq!(p.name.zh, "张秀英");
    assert_eq!(p.honors[1].title.zh, "全国先进生产者");
}

#[test]
fn roster_xlsx_with_numeric_cells() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("花名册.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    // A title row above the header, as curators like to have.
    sheet.write_string(0, 0, "劳动模范花名册").unwrap();
    for (i, h) in HEADER.split(',').enumerate() {
        sheet.write_string(1, i as u16, h).unwrap();
    }
    let cells = row("张秀英");
    for (i, cell) in cells.split(',').enumerate() {
        match cell {
            "1931" => sheet.write_number(2, i as u16, 1931.0).unwrap(),
            "2012" => sheet.write_number(2, i as u16, 2012.0).unwrap(),
            _ => sheet.write_string(2, i as u16, cell).unwrap(),
        };
    }
    // A year in a second row stored as Excel stores any number: a float.
    sheet.write_string(3, 0, "陈静").unwrap();
    for (i, cell) in cells.split(',').enumerate().skip(1) {
        match cell {
            "1931" => sheet.write_number(3, i as u16, 1931.0).unwrap(),
            "2012" => sheet.write_string(3, i as u16, "").unwrap(),
            _ => sheet.write_string(3, i as u16, cell).unwrap(),
        };
    }
    book.save(&file).unwrap();
    let profiles = dir.path().join("profiles");
    let out = import(&file, &profiles, &[]);
    assert!(out.status.success(), "{}", stdout(&out));
    let all = people(&profiles);
    assert_eq!(
        (all["zhang-xiuying"].born, all["zhang-xiuying"].died),
        (1931, Some(2012))
    );
    assert_eq!((all["chen-jing"].born, all["chen-jing"].died), (1931, None));
    // Rows are numbered as Excel shows them: the person is on row 3.
    assert!(
        stdout(&out).contains("花名册.xlsx:3: 已新建 · made zhang-xiuying"),
        "{}",
        stdout(&out)
    );
}

/// Exports `from` to both kinds of roster, imports each into an empty
/// folder, and compares every person.
fn round_trip(from: &Path) {
    let before = people(from);
    assert!(!before.is_empty());
    let dir = tempfile::tempdir().unwrap();
    for name in ["花名册.xlsx", "花名册.csv"] {
        let file = dir.path().join(name);
        let flag = if name.ends_with("xlsx") {
            "--xlsx"
        } else {
            "--csv"
        };
        let out = kiosk(&["export", flag, file.to_str().unwrap()], from);
        assert!(out.status.success(), "{}", stdout(&out));
        assert!(!stdout(&out).contains("warning"), "{}", stdout(&out));
        let into = dir.path().join(format!("profiles-{flag}"));
        std::fs::create_dir(&into).unwrap();
        let out = import(&file, &into, &[]);
        assert!(out.status.success(), "{}", stdout(&out));
        let after = people(&into);
        assert_eq!(after.len(), before.len(), "{name}");
        for (slug, profile) in &before {
            assert_eq!(after.get(slug), Some(profile), "{name}: {slug}");
        }
    }
}

#[test]
fn roster_round_trip_of_the_shipped_profiles() {
    let copy = copy_profiles(&shipped_profiles());
    round_trip(copy.path());
}

#[test]
fn roster_round_trip_of_the_test_collections() {
    let kiosk_new = tempfile::tempdir().unwrap();
    kiosk::tools::new_person::run(kiosk_new.path(), "li-ming", "李明").unwrap();
    round_trip(crate::check::two_people(60, 10).path());
    round_trip(kiosk_new.path());
    // Texts holding what a file or a CSV must escape: quotes, a backslash,
    // a line break, commas; and a living person with no quote or pictures.
    let awkward = crate::check::VALID
        .replace(
            "她每天下班后练习量布。",
            r#"第一段，她说：\"量布\"。\n第二段 a\\b, \"c\"。"#,
        )
        .replace("    died: 2012,\n", "")
        .replace(
            "    quote: (zh: \"柜台也是课堂。\", en: \"The counter is a classroom too.\"),\n",
            "",
        );
    let awkward = awkward
        .split("    media: [")
        .next()
        .map(|head| format!("{head}    media: [],\n)\n"))
        .unwrap();
    let dir = crate::check::folder(&[("ce-shiren", awkward.as_bytes())]);
    let p = &people(dir.path())["ce-shiren"];
    assert!(p.story.zh.contains('\n') && p.story.zh.contains('"') && p.quote.is_none());
    round_trip(dir.path());
    // A portrait's focus, with fractions no decimal writes exactly, and one
    // at the picture's corner.
    let portrait = "    portrait: \"portrait.png\",\n";
    let focused = |focus: &str| {
        crate::check::VALID.replacen(
            portrait,
            &format!("{portrait}    portrait_focus: {focus},\n"),
            1,
        )
    };
    let first = focused("(x: 0.5, y: 0.3)");
    let second = focused("(x: 1, y: 0.1234567)").replace("测试人", "另一人");
    let dir = crate::check::folder(&[
        ("ce-shiren", first.as_bytes()),
        ("ling-yiren", second.as_bytes()),
    ]);
    let before = people(dir.path());
    assert!(before.values().all(|p| p.portrait_focus.is_some()));
    round_trip(dir.path());
}

#[test]
fn roster_portrait_focus_read_forgivingly_and_told_when_unreadable() {
    let header = format!("{HEADER},肖像焦点");
    let rows = [
        header,
        format!("{},（０．５，0.25）", row("张秀英")), // 2: typed in Chinese
        format!("{},中间偏上", row("李明")),           // 3: not two numbers
        format!("{},\"0.5, 1.5\"", row("赵刚")),       // 4: off the picture
    ];
    let (_dir, file, profiles) = roster("花名册.csv", rows.join("\n").as_bytes());
    let out = import(&file, &profiles, &[]);
    let text = stdout(&out);
    let at = |row: usize| format!("{}:{row}:肖像焦点: error: ", file.display());
    let said = |row: usize, words: &str| {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&at(row)) && l.contains(words)),
            "no “{words}” at row {row}:\n{text}"
        );
    };
    said(3, "肖像焦点 写的是 `中间偏上`，不是两个数");
    said(4, "portrait_focus 的 y 为 1.5，应在 0 到 1 之间");
    let made = people(&profiles);
    assert_eq!(
        made["zhang-xiuying"].portrait_focus,
        Some(kiosk::profile::PortraitFocus { x: 0.5, y: 0.25 })
    );
    assert!(!profiles.join("li-ming").exists() && !profiles.join("zhao-gang").exists());
}
