//! The command line: `kiosk`, `kiosk check`, `kiosk new`, `kiosk proof`,
//! `kiosk import`, `kiosk export`, `kiosk bench`, `kiosk report`.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "kiosk",
    version,
    about = "光荣与梦想 — the model-worker exhibition kiosk"
)]
pub struct Cli {
    /// The curators' profiles folder [default: profiles, or the machine config's].
    #[arg(long)]
    pub profiles: Option<PathBuf>,
    /// The exhibition as visitors see it: an undecorated, always-on-top window
    /// over the whole monitor, cursor hidden.
    #[arg(long)]
    pub fullscreen: bool,
    /// For a curator's desktop: the live list of problems beside the exhibition.
    #[arg(long)]
    pub curator: bool,
    /// The machine config (kiosk mode, staff PIN, profiles path, window size).
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate every profile and image; one line per problem; exit 1 on any error.
    Check {
        /// The profiles folder [default: profiles, or the machine config's].
        #[arg(long)]
        profiles: Option<PathBuf>,
        /// Print one JSON document instead of lines.
        #[arg(long)]
        json: bool,
        /// Also one line per image: format, size, the EXIF turn applied.
        #[arg(long)]
        images: bool,
    },
    /// Render every screen and every person's detail page to PNG for proofreading.
    Proof {
        /// Folder to write the PNGs into.
        #[arg(long)]
        out: PathBuf,
        /// The profiles folder [default: profiles, or the machine config's].
        #[arg(long)]
        profiles: Option<PathBuf>,
        /// Size of each page, WIDTHxHEIGHT.
        #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
        size: (u32, u32),
        /// Only this person's page, whole, in both languages (repeatable).
        #[arg(long = "person", value_name = "SLUG")]
        persons: Vec<String>,
    },
    /// Make a new person's folder from a template: profile.ron with Chinese
    /// comments, and a placeholder portrait.
    New {
        /// The folder's name: small letters, digits and -, e.g. li-ming.
        slug: String,
        /// The person's name in Chinese.
        #[arg(long)]
        name: String,
        /// The profiles folder [default: profiles, or the machine config's].
        #[arg(long)]
        profiles: Option<PathBuf>,
    },
    /// Make one person's folder per row of a roster (花名册): .xlsx, .xls,
    /// .ods or .csv; every problem as FILE:ROW:COLUMN; exit 1 on any error.
    Import {
        /// The roster: a workbook (its first sheet) or a CSV.
        file: PathBuf,
        /// The profiles folder [default: profiles, or the machine config's].
        #[arg(long)]
        profiles: Option<PathBuf>,
        /// Report what would be done; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Replace a person's profile.ron that differs from their row.
        #[arg(long)]
        update: bool,
    },
    /// Write every person back as a roster, one row each.
    #[command(group = clap::ArgGroup::new("out").required(true).args(["csv", "xlsx"]))]
    Export {
        /// A CSV file (UTF-8 with a BOM, as Excel opens it).
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// An Excel workbook.
        #[arg(long, value_name = "FILE")]
        xlsx: Option<PathBuf>,
        /// The profiles folder [default: profiles, or the machine config's].
        #[arg(long)]
        profiles: Option<PathBuf>,
    },
    /// The performance figures on synthetic collections.
    Bench {
        /// How many people in each synthetic collection, comma-separated.
        #[arg(
            long = "profiles",
            value_name = "N",
            default_value = "108,1000,10000",
            value_delimiter = ','
        )]
        sizes: Vec<usize>,
        /// Repeated runs per figure.
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// Print one JSON document instead of the table.
        #[arg(long)]
        json: bool,
        /// Simulated visits for the statistics' figures (0: none).
        #[arg(long, default_value_t = crate::tools::bench::year::YEAR_SESSIONS)]
        year_sessions: usize,
    },
    /// Visitor statistics as a web page with charts and CSV tables, from
    /// one kiosk's database or several (one report for the exhibition).
    Report {
        /// The folder to write index.html and the CSV files into.
        #[arg(long)]
        out: PathBuf,
        /// A kiosk's statistics database (repeatable) [default: this
        /// kiosk's, in the machine config's state folder].
        #[arg(long = "db", value_name = "FILE")]
        databases: Vec<PathBuf>,
        /// Only visits from this day on, YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        since: Option<chrono::NaiveDate>,
        /// The profiles, to name people beside their folders [default:
        /// profiles, or the machine config's].
        #[arg(long)]
        profiles: Option<PathBuf>,
    },
    /// Writes simulated visits through the statistics writer (for tests).
    #[command(hide = true)]
    SimulateVisits {
        #[arg(long = "db", value_name = "FILE")]
        database: PathBuf,
        #[arg(long)]
        sessions: usize,
        #[arg(long, default_value_t = crate::tools::bench::year::VISITS_PER_DAY)]
        per_day: usize,
        /// Visits to these profiles' people [default: made-up ones].
        #[arg(long)]
        profiles: Option<PathBuf>,
        /// At most this many visits a second (0: as fast as it can).
        #[arg(long, default_value_t = 0)]
        per_second: usize,
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

/// The machine config a technician writes once per kiosk, e.g.
/// `/etc/kiosk/kiosk.ron`. Every field may be left out.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MachineConfig {
    /// Run as a kiosk: an undecorated, always-on-top window over the whole
    /// monitor, cursor hidden.
    #[serde(default)]
    pub kiosk: bool,
    /// The staff PIN for the hidden gesture (hold the top-left corner 5 s).
    #[serde(default)]
    pub pin: Option<String>,
    /// Where the curators' profiles are.
    #[serde(default)]
    pub profiles: Option<PathBuf>,
    /// Window size when not fullscreen, e.g. `(1080, 1920)` for portrait.
    #[serde(default)]
    pub window: Option<(u32, u32)>,
    /// Where the kiosk keeps its state (each person's last good profile)
    /// [default: `$XDG_STATE_HOME/kiosk`, else `~/.local/state/kiosk`].
    #[serde(default)]
    pub state_dir: Option<PathBuf>,
    /// Where the curators' report is kept, e.g. on their shared folder:
    /// `index.html` and `preview/`. None writes no report.
    #[serde(default)]
    pub report_dir: Option<PathBuf>,
    /// Visitor statistics in `<state_dir>/stats.sqlite` (what is kept:
    /// README, "Visitor statistics"); `false` keeps none.
    #[serde(default = "yes")]
    pub stats: bool,
    /// The largest the statistics may grow, in MB, before the oldest
    /// visits are let go [default: 200].
    #[serde(default)]
    pub stats_max_mb: Option<u64>,
}

impl Default for MachineConfig {
    fn default() -> Self {
        Self {
            kiosk: false,
            pin: None,
            profiles: None,
            window: None,
            state_dir: None,
            report_dir: None,
            stats: true,
            stats_max_mb: None,
        }
    }
}

fn yes() -> bool {
    true
}

impl MachineConfig {
    /// The kiosk's state folder: `state_dir`, else the default one.
    pub fn state_folder(&self) -> Option<PathBuf> {
        self.state_dir
            .clone()
            .or_else(crate::content::LastGood::default_state_folder)
    }

    /// The statistics database, unless `stats: false` (or there is no
    /// state folder at all).
    pub fn stats_file(&self) -> Option<crate::stats::StatsFile> {
        let max_mb = self.stats_max_mb.unwrap_or(crate::stats::DEFAULT_MAX_MB);
        self.stats
            .then(|| self.state_folder())
            .flatten()
            .map(|state| crate::stats::StatsFile::in_state_folder(&state, max_mb))
    }

    pub fn load(path: &std::path::Path) -> Result<Self, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = crate::profile::curator_file::decode_text(&path.display().to_string(), &bytes)
            .map_err(|p| p.to_string())?;
        crate::profile::curator_file::parse_ron(&path.display().to_string(), &text)
            .map_err(|p| p.to_string())
    }
}

impl Cli {
    /// The machine config, if one was named.
    pub fn machine(&self) -> Result<MachineConfig, String> {
        self.config
            .as_deref()
            .map_or(Ok(MachineConfig::default()), MachineConfig::load)
    }

    /// The profiles folder: the flag (the command's, else the top-level
    /// one), else the machine config's, else `profiles`.
    pub fn profiles_dir(&self, machine: &MachineConfig) -> PathBuf {
        let of_command = match &self.command {
            Some(
                Command::Check { profiles, .. }
                | Command::Proof { profiles, .. }
                | Command::New { profiles, .. }
                | Command::Import { profiles, .. }
                | Command::Export { profiles, .. }
                | Command::Report { profiles, .. },
            ) => profiles.clone(),
            _ => None,
        };
        of_command
            .or_else(|| self.profiles.clone())
            .or_else(|| machine.profiles.clone())
            .unwrap_or_else(|| PathBuf::from("profiles"))
    }
}
