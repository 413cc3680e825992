//! aftercare: a day-by-day recovery checklist driven by a JSON rules file.
//!
//! The core (`rules`, `plan`, `store`, `timearg`) is plain Rust with no terminal and no clock:
//! time is always passed in. The terminal lives in `tui`; the command line in `cli`.

pub mod checklist;
pub mod cli;
pub mod clock;
pub mod dates;
pub mod export;
pub mod inert;
pub mod journal;
pub mod locale;
pub mod photo;
pub mod plan;
pub mod plausible;
pub mod preparation;
pub mod progress;
pub mod remind;
pub mod rules;
pub mod series;
pub mod store;
pub mod timearg;
pub mod tui;
pub mod wrapping;
