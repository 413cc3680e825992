//! What `today --json` and `plan --json` print: the checklist's own fields plus the counts and
//! context a program needs, serialized straight from `Checklist` so the JSON and the screens
//! never disagree.

use super::journal_text::RecoveryJson;
use super::{CliError, Out};
use crate::checklist::{Checklist, Record};
use crate::journal::{AboveUsual, AlertLine};
use crate::plan::Plan;
use crate::rules::Provider;
use crate::store::CheckIn;
use chrono::{DateTime, FixedOffset, TimeZone};
use serde::{Serialize, Serializer};
use std::io::{self, Write};
use std::ops::RangeInclusive;

/// A day in JSON: the checklist's own fields, plus the counts the header shows.
#[derive(Serialize)]
pub(super) struct DayJson<'a> {
    #[serde(flatten)]
    checklist: &'a Checklist,
    done: usize,
    total: usize,
}

impl<'a> DayJson<'a> {
    pub(super) fn new(checklist: &'a Checklist) -> Self {
        let (done, total) = checklist.progress();
        DayJson {
            checklist,
            done,
            total,
        }
    }
}

#[derive(Serialize)]
pub(super) struct TodayJson<'a> {
    #[serde(flatten)]
    pub(super) day: DayJson<'a>,
    pub(super) treatment: DateTime<FixedOffset>,
    /// The day's ratings, `null` before the check-in.
    pub(super) checkin: Option<&'a CheckIn>,
    /// What the check-in set off, and severe ratings carried from earlier days (`journal::carried`); empty without either.
    pub(super) alerts: Vec<AlertLine>,
    /// Ratings of the day well above the plan's usual course that set off no alert
    /// (`journal::above_usual_on`); absent when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) above_usual: Vec<AboveUsual>,
    pub(super) recovery: RecoveryJson,
    pub(super) next_session: Option<String>,
    /// The next recorded treatment's preparation while it is open (`crate::preparation`):
    /// its day (Day -3, or Day 1 before its hour) with only those tasks, ticked on that
    /// treatment by `check`; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) before_next_treatment: Option<DayJson<'a>>,
    /// The clinic (`null` for a plan that names none, such as the built-in one).
    pub(super) provider: Option<&'a Provider>,
    /// Which plan the treatment follows.
    pub(super) plan: FollowedJson,
    /// Once the plan is over (from the moment its last window closes): when it ended, what
    /// to keep up, what to expect; `null` while it runs.
    pub(super) after_plan: Option<super::after_plan_text::AfterPlanJson<'a>>,
}

/// Which plan a treatment follows, in `today --json`.
#[derive(Serialize)]
pub(super) struct FollowedJson {
    pub(super) name: String,
    /// The SHA-256 of the plan's canonical JSON as the treatment recorded it; `null` for a
    /// treatment an older aftercare recorded without one.
    pub(super) sha256: Option<String>,
    /// This aftercare's built-in plan is newer than the built-in plan the treatment follows.
    pub(super) newer_builtin: bool,
}

impl FollowedJson {
    pub(super) fn of(name: &str, basis: &super::Basis) -> Self {
        let (sha256, newer_builtin) = match basis {
            super::Basis::Recorded {
                reference,
                newer_builtin,
            } => (Some(reference.sha256.clone()), *newer_builtin),
            _ => (None, false),
        };
        FollowedJson {
            name: name.to_string(),
            sha256,
            newer_builtin,
        }
    }
}

#[derive(Serialize)]
#[serde(bound = "")]
struct PlanJson<'a, 'r, Tz: TimeZone> {
    treatment: DateTime<FixedOffset>,
    /// False when no treatment is recorded and the plan is shown as if treated now.
    recorded: bool,
    /// The clinic (`null` for a plan that names none).
    provider: Option<&'r Provider>,
    days: EveryDay<'a, 'r, Tz>,
}

/// The plan's days, each built as it is written and dropped after: a clinic's plan of
/// thousands of rules over a year is gigabytes of JSON, which must never sit in memory whole.
struct EveryDay<'a, 'r, Tz: TimeZone> {
    plan: &'a Plan<'r, Tz>,
    record: Option<Record<'a>>,
    now: DateTime<FixedOffset>,
    days: RangeInclusive<i64>,
}

impl<Tz: TimeZone> Serialize for EveryDay<'_, '_, Tz> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let plan = self.plan;
        serializer.collect_seq(self.days.clone().map(|day| BuiltDay {
            checklist: Checklist::build(plan, day, self.record, self.now),
        }))
    }
}

struct BuiltDay {
    checklist: Checklist,
}

impl Serialize for BuiltDay {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        DayJson::new(&self.checklist).serialize(serializer)
    }
}

/// What `plan --json` prints: every day of `plan` with the tick-offs of `record`, worded
/// for `now`. Public so the benchmarks measure exactly this path.
pub fn write_plan_json<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    record: Option<Record<'_>>,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let days = plan.first_day()..=plan.last_day();
    write_plan_days_json(plan, record, now, days, out)
}

/// `plan --json --from N --to M`: as `write_plan_json`, with only the days `days`.
pub fn write_plan_days_json<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    record: Option<Record<'_>>,
    now: DateTime<FixedOffset>,
    days: RangeInclusive<i64>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let doc = PlanJson {
        treatment: plan.local(plan.treatment()),
        recorded: record.is_some(),
        provider: plan.rules().provider.as_ref(),
        days: EveryDay {
            plan,
            record,
            now,
            days,
        },
    };
    // Plain serde_json: every text here is the rules', made inert when they were loaded, and
    // `inert::json`'s scan would add 40% to writing this, the largest output (0.33 → 0.47 ms
    // for the built-in plan's 363 KB, best of 200 runs).
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// `doc` for `today --json`: it carries the check-in as stored (the note, fields of a newer
/// build), so its strings are written inert (`crate::inert::json`).
pub(super) fn write_json(out: Out, doc: &impl Serialize) -> Result<(), CliError> {
    crate::inert::json::to_writer_pretty(&mut *out, doc).map_err(io::Error::from)?;
    writeln!(out)?;
    Ok(())
}
