//! `kiosk`: run the exhibition, or one of the curators' commands.

use clap::Parser;
use kiosk::cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => {
            kiosk::run(kiosk::KioskOptions {
                profiles: cli.profiles,
                fullscreen: cli.fullscreen,
            });
            ExitCode::SUCCESS
        }
        Some(Command::Check { json }) => {
            let report = kiosk::check::check(&cli.profiles);
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).expect("a report always serialises")
                );
            } else {
                for p in &report.problems {
                    println!("{p}");
                }
                println!("{}", report.summary());
            }
            if report.errors > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Some(Command::Proof { out, size }) => match kiosk::proof::run(&cli.profiles, &out, size) {
            Ok(n) => {
                println!("wrote {n} pages to {}", out.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("proof failed: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
