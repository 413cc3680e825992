//! `plan --from N --to M`: which days of the plan to print, checked against the plan so a
//! mistyped number is an error that names the plan's days rather than an empty listing.

use super::text::short_date;
use super::{CliError, PlanArgs};
use crate::plan::Plan;
use chrono::TimeZone;
use std::ops::RangeInclusive;

/// The days `args` asks for: the whole plan unless `--from`/`--to` narrow it.
pub fn days_asked<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    args: &PlanArgs,
) -> Result<RangeInclusive<i64>, CliError> {
    let (first, last) = (plan.first_day(), plan.last_day());
    let from = args.from.unwrap_or(first);
    let to = args.to.unwrap_or(last);
    let end = |d| format!("Day {d} ({})", short_date(plan.date_of(d)));
    let runs = format!("the plan runs from {} to {}", end(first), end(last));
    for (flag, day) in [("--from", args.from), ("--to", args.to)] {
        if let Some(day) = day.filter(|d| !(first..=last).contains(d)) {
            return Err(CliError::Usage(format!(
                "{flag} {day} is not a day of the plan: {runs}"
            )));
        }
    }
    if from > to {
        return Err(CliError::Usage(format!(
            "--from {from} is after --to {to}: {runs}"
        )));
    }
    Ok(from..=to)
}
