//! `plan --markdown`: the handout a clinic prints for a patient, one or two pages.
//!
//! Each rule appears once, under the period its window opens in, with when it ends; then
//! what is normal then, the warning signs by urgency (emergencies first), the clinic, the
//! check-in and its alert levels, the next-session window and the sources, numbered and
//! cited in full. The periods come from the plan's own windows (`periods`), so a clinic's
//! plan gets periods that fit it. With a treatment time (recorded, or `--at`) every date is
//! a date; without one the handout speaks in plan days ("Day 3"), so it can be printed for
//! anyone.
//!
//! The day-by-day listing with a box per task and day is `day_by_day` (`plan --markdown
//! --days`).

use super::{end_words, escape_markdown as md, moment_words};
use crate::plan::Plan;
use crate::rules::Rules;
use chrono::TimeZone;
use std::cell::RefCell;
use std::io::{self, Write};

/// A line to write on with a pen: underscores, escaped so they are not emphasis.
const BLANK: &str = r"\_\_\_\_\_\_\_\_\_\_\_\_\_\_";

/// How the handout names times: as dates, for a known treatment, or as plan days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dates {
    /// The treatment moment is known (recorded, or given with `--at`).
    Absolute,
    /// No treatment time: "Day 3", "48 hours after treatment".
    Relative,
}

/// Writes the handout of `plan` to `out`. `photos` is how many photos each treatment of the
/// series has kept, earliest first (empty for a plan laid out with no record): the handout
/// says how many, never shows them.
pub fn write<Tz: TimeZone>(
    out: &mut dyn Write,
    plan: &Plan<'_, Tz>,
    dates: Dates,
    photos: &[usize],
) -> io::Result<()> {
    let handout = Handout {
        plan,
        dates,
        cited: RefCell::new(Vec::new()),
    };
    handout.head(out)?;
    handout.help(out)?;
    writeln!(out, "## What to do and avoid\n")?;
    for (n, period) in periods(plan.rules()).iter().enumerate() {
        handout.period(out, *period, n == 0)?;
    }
    handout.next_session(out)?;
    write_photos(out, photos)?;
    handout.sources(out)
}

/// "**Photos:** 3 kept (`aftercare photo list`)", per treatment for a series.
fn write_photos(out: &mut dyn Write, photos: &[usize]) -> io::Result<()> {
    let phrase = |n: usize| match n {
        1 => "1 photo".to_string(),
        n => format!("{n} photos"),
    };
    let counts = match photos {
        [] => return Ok(()),
        [n] => phrase(*n),
        all => all
            .iter()
            .enumerate()
            .map(|(i, n)| format!("session {} {}", i + 1, phrase(*n)))
            .collect::<Vec<_>>()
            .join(", "),
    };
    writeln!(
        out,
        "**Photos:** {counts} kept in aftercare (not printed here; `aftercare photo list` lists them).\n"
    )
}

mod periods;
mod sections;
mod words;

pub use periods::{Period, period_label, periods};

struct Handout<'p, 'r, Tz: TimeZone> {
    plan: &'p Plan<'r, Tz>,
    dates: Dates,
    /// The plan's sources (indices into `sources`) in the order the handout first cites
    /// them: source `cited[n]` is number n + 1, so the numbers rise down the page and the
    /// list at the end is in the same order. Filled as the sections are written.
    cited: RefCell<Vec<usize>>,
}

impl<Tz: TimeZone> Handout<'_, '_, Tz> {
    fn rules(&self) -> &Rules {
        self.plan.rules()
    }
}
