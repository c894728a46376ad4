//! Integration tests, in one binary so that Bevy is linked once.

mod support;

mod app;
mod bench;
mod check;
mod curators;
mod e2e;
mod faults;
mod idle;
mod images;
mod library;
mod live;
mod memory;
mod pictures;
mod proof;
mod report;
mod robust;
mod roster;
mod samples;
mod search;
mod snapshots;
mod staff;
mod stats;
mod typography;
mod views;
