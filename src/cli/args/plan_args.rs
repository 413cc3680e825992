//! `plan`'s options, and the days its `--from`/`--to` ask for.

use crate::cli::CliError;
use crate::cli::text::short_date;
use crate::plan::Plan;
use chrono::TimeZone;
use clap::Args as ClapArgs;
use std::ops::RangeInclusive;

#[derive(Debug, ClapArgs)]
pub struct PlanArgs {
    /// Print JSON instead of text: {"treatment", "recorded", "days": [...]}
    #[arg(long)]
    pub json: bool,
    /// With --json: the whole plan in one compact document, each rule once with the days
    /// its window touches ({"rules": [{"id", "first_day", "last_day", ...}], ...}) instead
    /// of every day in full
    #[arg(long, requires = "json", conflicts_with_all = ["markdown", "from", "to"])]
    pub windows: bool,
    /// Print the handout in Markdown, for printing: the plan on one or two pages, grouped
    /// by period, with the warning signs by urgency and the clinic's contact details
    #[arg(long, conflicts_with = "json")]
    pub markdown: bool,
    /// With --markdown: every day of the plan in turn, with boxes to tick, instead of the
    /// handout (--from and --to ask for it too)
    #[arg(long, requires = "markdown")]
    pub days: bool,
    /// Lay the plan out for a treatment at TIME, without reading or writing any data
    /// directory: for a clinic preparing a patient's papers before the treatment is recorded
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Start at plan day N (1 = the treatment day; 0 and below are the days before)
    /// [default: Day 1, or today before the treatment; with --json or --markdown, the plan's
    /// first day]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub from: Option<i64>,
    /// End at plan day N, included [default: the plan's last day]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub to: Option<i64>,
}

impl PlanArgs {
    /// The days asked for: the whole plan unless `--from`/`--to` narrow it. A day the plan
    /// does not have is an error naming the plan's days, rather than an empty listing.
    pub fn days<Tz: TimeZone>(&self, plan: &Plan<'_, Tz>) -> Result<RangeInclusive<i64>, CliError> {
        self.days_from(plan, plan.first_day())
    }

    /// The days the text `plan` shows a patient: what they need first. Without `--from`,
    /// from the treatment day (Day 1) on, or from today while the treatment is still ahead
    /// (plan day `today` below 1); the days before it stay a `--from` away (`days_before`
    /// says so). With `--to` alone, never past it.
    pub fn patient_days<Tz: TimeZone>(
        &self,
        plan: &Plan<'_, Tz>,
        today: i64,
    ) -> Result<RangeInclusive<i64>, CliError> {
        let (first, last) = (plan.first_day(), plan.last_day());
        let start = if today < 1 { today } else { 1 };
        let start = start.min(self.to.unwrap_or(last)).clamp(first, last);
        self.days_from(plan, start)
    }

    fn days_from<Tz: TimeZone>(
        &self,
        plan: &Plan<'_, Tz>,
        default_from: i64,
    ) -> Result<RangeInclusive<i64>, CliError> {
        let (first, last) = (plan.first_day(), plan.last_day());
        let (from, to) = (self.from.unwrap_or(default_from), self.to.unwrap_or(last));
        let end = |d| format!("Day {d} ({})", short_date(plan.date_of(d)));
        let runs = format!("the plan runs from {} to {}", end(first), end(last));
        for (flag, day) in [("--from", self.from), ("--to", self.to)] {
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
}
