//! The command line: `kiosk`, `kiosk check`, `kiosk proof`, `kiosk bench`.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "kiosk",
    version,
    about = "光荣与梦想 — the model-worker exhibition kiosk"
)]
pub struct Cli {
    /// The curators' profiles folder.
    #[arg(long, global = true, default_value = "profiles")]
    pub profiles: PathBuf,
    /// Borderless fullscreen, cursor hidden: the exhibition as visitors see it.
    #[arg(long)]
    pub fullscreen: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate every profile and image; one line per problem; exit 1 on any error.
    Check {
        /// Print one JSON document instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Render every screen and every person's detail page to PNG for proofreading.
    Proof {
        /// Folder to write the PNGs into.
        #[arg(long)]
        out: PathBuf,
        /// Size of each page, WIDTHxHEIGHT.
        #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
        size: (u32, u32),
    },
}

/// `1920x1080` → (1920, 1080).
pub fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once(['x', 'X', '×'])
        .ok_or("expected WIDTHxHEIGHT, e.g. 1920x1080")?;
    let w: u32 = w.trim().parse().map_err(|_| format!("bad width “{w}”"))?;
    let h: u32 = h.trim().parse().map_err(|_| format!("bad height “{h}”"))?;
    if !(320..=8192).contains(&w) || !(320..=8192).contains(&h) {
        return Err("each side must be between 320 and 8192".into());
    }
    Ok((w, h))
}
