//! Profiles: the curators' files, how they are read, and what is wrong with them.

pub mod calendar;
pub mod curator_file;
pub mod folders;
pub mod format;
pub mod load;
pub mod locate;
pub mod problem;
pub mod references;
mod rules;
pub mod typing;
pub mod years;

pub use folders::ProfileDir;
pub use format::{
    Exhibition, Gender, Honor, HonorLevel, Lang, Media, MediaKind, PortraitFocus, Profile, Sector,
    Text,
};
pub use load::{Loaded, load_exhibition, load_profile};
pub use problem::{Position, Problem, Severity, counted, msg};
