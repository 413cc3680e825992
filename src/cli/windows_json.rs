//! `plan --json --windows`: the whole plan in one compact document. Each rule, phase and
//! warning appears once, with its window resolved for this treatment and the plan days it
//! shows on, so a program can lay out any day without the per-day listing (which, for a
//! clinic's plan of thousands of rules over a year, is gigabytes).
//!
//! The days come from the engine (`Plan::rule_windows`), the same answers
//! `Plan::day` gives day by day.

use super::{CliError, Context, Out};
use crate::plan::{Plan, RuleDays};
use crate::rules::{Kind, Note, Repeat, Urgency};
use crate::store::Session;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use serde::{Serialize, Serializer};
use std::io::{self, Write};
use std::ops::RangeInclusive;

type Instant = DateTime<FixedOffset>;

#[derive(Serialize)]
#[serde(bound = "")]
struct WindowsJson<'a, 'r, Tz: TimeZone> {
    treatment: Instant,
    /// False when no treatment is recorded and the plan is shown as if treated now.
    recorded: bool,
    first_day: i64,
    last_day: i64,
    first_date: NaiveDate,
    last_date: NaiveDate,
    /// The clinic (`null` for a plan that names none).
    provider: Option<&'r crate::rules::Provider>,
    rules: EveryRule<'a, 'r, Tz>,
    phases: Vec<NoteWindow<'r>>,
    warnings: Vec<NoteWindow<'r>>,
    /// When the plan's next treatment is due, or `null` when it gives no window.
    next_session: Option<Window>,
}

/// The rules, each resolved as it is written: nothing per rule is kept.
struct EveryRule<'a, 'r, Tz: TimeZone> {
    plan: &'a Plan<'r, Tz>,
}

impl<Tz: TimeZone> Serialize for EveryRule<'_, '_, Tz> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let plan = self.plan;
        serializer.collect_seq(plan.rule_windows().map(|r| RuleWindow::new(plan, r)))
    }
}

/// A rule with its window: the task-level fields of `today --json`, less what depends on a
/// day or on now (`done`, `status`, `when`).
#[derive(Serialize)]
struct RuleWindow<'r> {
    id: &'r str,
    title: &'r str,
    kind: Kind,
    repeat: Repeat,
    #[serde(flatten)]
    window: Window,
    /// A twice-daily rule's tasks, each with the days it shows on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    slots: Vec<SlotWindow>,
    rationale: &'r str,
    sources: &'r [String],
}

#[derive(Serialize)]
struct SlotWindow {
    /// The task id `check` takes: `cleanse@morning`.
    id: String,
    slot: &'static str,
    first_day: i64,
    last_day: i64,
}

#[derive(Serialize)]
struct NoteWindow<'r> {
    id: &'r str,
    title: &'r str,
    detail: &'r str,
    /// Warnings only: "emergency", "call" or "mention".
    #[serde(skip_serializing_if = "Option::is_none")]
    urgency: Option<Urgency>,
    #[serde(flatten)]
    window: Window,
    sources: &'r [String],
}

/// When a window opens and closes (exclusive), in local time, and the first and last plan
/// day it shows on (`null` for a preparation rule that shows on no day).
#[derive(Serialize)]
struct Window {
    starts: Instant,
    ends: Instant,
    first_day: Option<i64>,
    last_day: Option<i64>,
}

impl Window {
    fn new<Tz: TimeZone>(
        plan: &Plan<'_, Tz>,
        (from, until): (Instant, Instant),
        days: Option<RangeInclusive<i64>>,
    ) -> Self {
        let days = days.map(RangeInclusive::into_inner);
        Window {
            starts: plan.local(from),
            ends: plan.local(until),
            first_day: days.map(|d| d.0),
            last_day: days.map(|d| d.1),
        }
    }
}

impl<'r> RuleWindow<'r> {
    fn new<Tz: TimeZone>(plan: &Plan<'r, Tz>, resolved: RuleDays<'r>) -> Self {
        let rule = resolved.rule;
        let slots = resolved
            .slots
            .into_iter()
            .map(|(slot, days)| {
                // The routine before the treatment is not on its day (`is_before_treatment`),
                // as the day-by-day listing leaves it out.
                let (from, until) = plan.span(rule);
                let task = crate::plan::Task::new(rule, Some(slot), from, until);
                let first = *days.start();
                let skipped = plan.is_before_treatment(&task, plan.date_of(first));
                SlotWindow {
                    id: format!("{}@{}", rule.id, slot.as_str()),
                    slot: slot.as_str(),
                    first_day: if skipped { first + 1 } else { first },
                    last_day: *days.end(),
                }
            })
            .collect();
        RuleWindow {
            id: &rule.id,
            title: &rule.title,
            kind: rule.kind,
            repeat: rule.repeat,
            window: Window::new(plan, plan.span(rule), task_days(plan, rule, resolved.days)),
            slots,
            rationale: &rule.rationale,
            sources: &rule.sources,
        }
    }
}

/// The days a rule without slots shows on: its window's, less the treatment's day where its
/// task is not on it (`is_before_treatment`: a daily task the treatment left no time for), as
/// the day-by-day listing leaves it out.
fn task_days<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    rule: &crate::rules::Rule,
    days: Option<RangeInclusive<i64>>,
) -> Option<RangeInclusive<i64>> {
    let (first, last) = days?.into_inner();
    let (from, until) = plan.span(rule);
    let task = crate::plan::Task::new(rule, None, from, until);
    match plan.is_before_treatment(&task, plan.date_of(first)) {
        true => (first < last).then(|| first + 1..=last),
        false => Some(first..=last),
    }
}

/// The phases (`warnings` false) or warnings of a plan with their windows; warnings carry
/// their urgency.
fn notes<'r, Tz: TimeZone>(
    plan: &Plan<'r, Tz>,
    notes: &'r [Note],
    warnings: bool,
) -> Vec<NoteWindow<'r>> {
    notes
        .iter()
        .map(|note| {
            let (from, until) = plan.span(note);
            NoteWindow {
                id: &note.id,
                title: &note.title,
                detail: &note.detail,
                urgency: warnings.then(|| note.urgency()),
                // A warning can reach past the plan's last day; it is listed on the plan's days.
                window: Window::new(plan, (from, until), plan_days(plan, from, until)),
                sources: &note.sources,
            }
        })
        .collect()
}

/// The plan days a window touches, within the plan's own days.
fn plan_days<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    from: Instant,
    until: Instant,
) -> Option<RangeInclusive<i64>> {
    let days = plan.days_touched(from, until)?;
    let (first, last) = (
        (*days.start()).max(plan.first_day()),
        (*days.end()).min(plan.last_day()),
    );
    (first <= last).then_some(first..=last)
}

/// What `plan --json --windows` prints for `plan`; `session` is the recorded treatment, if
/// any. Public so the benchmarks measure exactly this path.
pub fn write_plan_windows_json<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    session: Option<&Session>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rules = plan.rules();
    let next_session = rules.next_session.as_ref().map(|next| {
        let (from, until) = plan.span(next);
        Window::new(plan, (from, until), plan.days_touched(from, until))
    });
    let doc = WindowsJson {
        treatment: plan.local(plan.treatment()),
        recorded: session.is_some(),
        first_day: plan.first_day(),
        last_day: plan.last_day(),
        first_date: plan.date_of(plan.first_day()),
        last_date: plan.date_of(plan.last_day()),
        provider: rules.provider.as_ref(),
        rules: EveryRule { plan },
        phases: notes(plan, &rules.phases, false),
        warnings: notes(plan, &rules.warnings, true),
        next_session,
    };
    // Only the rules' text, made inert when they were loaded: plain serde_json is enough.
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// `plan --json --windows`: like `plan`, it needs no recorded treatment.
pub fn run(ctx: &Context, out: Out) -> Result<(), CliError> {
    let (treatment, session) = ctx.laid_out();
    let plan = ctx.plan(treatment);
    Ok(write_plan_windows_json(&plan, session, out)?)
}
