//! `kiosk`: run the exhibition, or one of the curators' commands.

use clap::Parser;
use kiosk::tools::cli::{Cli, Command};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    give_large_buffers_back();
    let cli = Cli::parse();
    let machine = match cli.machine() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("machine config: {e}");
            return ExitCode::from(2);
        }
    };
    let profiles = cli.profiles_dir(&machine);
    match cli.command {
        None => {
            kiosk::run(kiosk::KioskOptions {
                profiles,
                fullscreen: cli.fullscreen || machine.kiosk,
                curator: cli.curator,
                stats: machine.stats_file(),
                state: machine.state_folder(),
                pin: machine.pin,
                size: machine.window.unwrap_or((1920, 1080)),
                report: machine.report_dir,
            });
            ExitCode::SUCCESS
        }
        Some(Command::Check { json, images, .. }) => check(&profiles, json, images),
        Some(Command::New { slug, name, .. }) => new_person(&profiles, &slug, &name),
        Some(Command::Import {
            file,
            dry_run,
            update,
            ..
        }) => import(&profiles, &file, dry_run, update),
        Some(Command::Export { csv, xlsx, .. }) => export(&profiles, csv, xlsx),
        Some(Command::Bench {
            sizes,
            runs,
            json,
            year_sessions,
        }) => bench(&sizes, runs, json, year_sessions),
        Some(Command::Report {
            out,
            databases,
            since,
            ..
        }) => report(&machine, out, databases, since, &profiles),
        Some(Command::SimulateVisits {
            database,
            sessions,
            per_day,
            profiles,
            per_second,
        }) => {
            let people = profiles
                .map(|p| kiosk::profile::folders::profile_slugs(&p))
                .unwrap_or_default();
            kiosk::tools::bench::year::simulate(&database, sessions, per_day, &people, per_second);
            ExitCode::SUCCESS
        }
        Some(Command::Proof {
            out, size, persons, ..
        }) => proof(&profiles, &out, size, &persons),
    }
}

/// `kiosk check`: every problem, one line each (or JSON), then the summary;
/// exit 1 on any error.
fn check(profiles: &Path, json: bool, images: bool) -> ExitCode {
    let report = kiosk::tools::check::check(profiles);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("a report always serialises")
        );
    } else {
        for p in &report.problems {
            println!("{p}");
        }
        if images {
            for i in &report.images {
                println!("{i}");
            }
        }
        println!("{}", report.summary());
    }
    if report.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `kiosk new`: a person's folder from the template.
fn new_person(profiles: &Path, slug: &str, name: &str) -> ExitCode {
    match kiosk::tools::new_person::run(profiles, slug, name) {
        Ok(folder) => {
            println!(
                "已建立 {0}：请编辑 {0}/profile.ron 并换上肖像照片 · made {0}: edit its profile.ron and replace the portrait",
                folder.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// `kiosk import`: every problem, one line each, then what was made and
/// the summary; exit 1 when any row (or the file) has an error.
fn import(profiles: &Path, file: &Path, dry_run: bool, update: bool) -> ExitCode {
    use kiosk::tools::roster;
    let report = roster::import(&roster::ImportOptions {
        file,
        profiles,
        dry_run,
        update,
    });
    for p in &report.problems {
        println!("{p}");
    }
    for line in report.lines() {
        println!("{line}");
    }
    println!("{}", report.summary());
    if report.errors() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `kiosk export`: the roster of everyone who loads; exit 1 when anyone
/// could not be written.
fn export(profiles: &Path, csv: Option<PathBuf>, xlsx: Option<PathBuf>) -> ExitCode {
    use kiosk::tools::roster::{FileKind, export};
    let (out, kind) = match (csv, xlsx) {
        (Some(csv), _) => (csv, FileKind::Csv),
        (None, Some(xlsx)) => (xlsx, FileKind::Xlsx),
        (None, None) => unreachable!("clap requires --csv or --xlsx"),
    };
    let report = export(profiles, &out, kind);
    for p in &report.problems {
        println!("{p}");
    }
    println!(
        "已导出 {n} 人到 {0} · exported {n} people to {0}",
        out.display(),
        n = report.people
    );
    if report.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `kiosk bench`: the figures, as the README's tables or as JSON (the
/// collections' array, then the visitor statistics' object).
fn bench(sizes: &[usize], runs: usize, json: bool, year_sessions: usize) -> ExitCode {
    use kiosk::tools::bench;
    let reports = bench::run(sizes, runs);
    let year = (year_sessions > 0).then(|| bench::year::measure(year_sessions, runs));
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&reports).expect("a report always serialises")
        );
        if let Some(year) = &year {
            println!(
                "{}",
                serde_json::to_string_pretty(year).expect("a report always serialises")
            );
        }
    } else {
        print!("{}", bench::table(&reports));
        if let Some(year) = &year {
            print!("\n{}", bench::year_table(year));
        }
    }
    ExitCode::SUCCESS
}

/// `kiosk report`: the visitor statistics of one kiosk or several.
fn report(
    machine: &kiosk::tools::cli::MachineConfig,
    out: PathBuf,
    mut databases: Vec<PathBuf>,
    since: Option<chrono::NaiveDate>,
    profiles: &Path,
) -> ExitCode {
    use kiosk::tools::visitor_report::{ReportOptions, run};
    if databases.is_empty() {
        databases.extend(machine.stats_file().map(|f| f.path));
    }
    let opts = ReportOptions {
        out,
        databases,
        since,
        profiles: profiles.is_dir().then(|| profiles.to_path_buf()),
    };
    match run(&opts) {
        Ok(written) => {
            println!(
                "已写出 {}（{} 次参观，{} 台展机）· wrote it ({}, {})",
                written.index.display(),
                written.figures.sessions,
                written.figures.kiosks.len(),
                kiosk::profile::counted(written.figures.sessions as usize, "visit"),
                kiosk::profile::counted(written.figures.kiosks.len(), "kiosk"),
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// `kiosk proof`: every page to PNG (or only some people's, whole).
fn proof(profiles: &Path, out: &Path, size: (u32, u32), persons: &[String]) -> ExitCode {
    let done = if persons.is_empty() {
        kiosk::tools::proof::run(profiles, out, size).map(|pages| (pages, Vec::new()))
    } else {
        kiosk::tools::proof::run_people(profiles, out, size, persons).map(|p| (p.pages, p.missing))
    };
    match done {
        Ok((pages, missing)) => {
            println!("wrote {pages} pages to {}", out.display());
            for slug in &missing {
                eprintln!(
                    "没有 {slug} 这个人（或其资料有错误）· no person {slug} (or their profile has an error)"
                );
            }
            if missing.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("proof failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A cold start decodes hundreds of phone photos, each leaving freed buffers
/// of 1–36 MB. glibc serves buffers that size from its heap after the first
/// few (its threshold for asking the system directly adapts upwards) and
/// keeps them when freed: ~60 MB more resident memory for as long as the
/// kiosk runs. With a fixed threshold of 1 MB, such buffers are mapped from
/// the system and unmapped when freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn give_large_buffers_back() {
    // SAFETY: mallopt only sets a tuning parameter of the allocator; it is
    // called first thing in main, before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn give_large_buffers_back() {}
