//! What the benchmarks share: generated plans and states, and one fixed treatment and "now".

// Each bench uses its own part of what is here.
#![allow(dead_code)]

pub mod generate;

use chrono::{DateTime, FixedOffset};
use criterion::Criterion;
use std::time::Duration;

/// Fri 20 Nov 2026 14:00 in Berlin, as in the tests.
pub const TREATMENT: &str = "2026-11-20T14:00:00+01:00";

/// The sizes of generated plans, in rules.
pub const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// The sizes for work over the whole plan. At 100k rules that is ~24 M task-days (~10 GB of
/// JSON) per run, so it is measured only when BENCH_HUGE=1 is set.
pub fn whole_plan_sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000];
    if std::env::var_os("BENCH_HUGE").is_some() {
        sizes.push(100_000);
    }
    sizes
}

pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

pub fn treatment() -> DateTime<FixedOffset> {
    at(TREATMENT)
}

/// Short runs: the machine has two cores shared with builds, and the figures are read as a
/// curve over sizes, not to the last percent.
pub fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args()
}
