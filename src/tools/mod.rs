//! The kiosk's commands besides running the exhibition — the curators'
//! `check` and `proof`, the roster's `import` and `export`, the `bench`, the visitors'
//! `report` — and the headless app that they and the
//! tests drive. Nothing of the running kiosk depends on this module.

pub mod bench;
pub mod check;
pub mod cli;
pub mod headless;
pub mod new_person;
pub mod proof;
pub mod roster;
pub mod visitor_report;
