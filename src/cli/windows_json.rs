//! `plan --json --windows`: the whole plan in one compact document. Each rule, phase and
//! warning appears once, with its window resolved for this treatment and the plan days it
//! shows on, so a program can lay out any day without the per-day listing (which, for a
//! clinic's plan of thousands of rules over a year, is gigabytes).
//!
//! The days come from the engine (`Plan::rule_windows`), the same answers
//! `Plan::day` gives day by day.

use super::{CliError, Context, Out};
use crate::plan::{Plan, RuleDays, ShownDays};
use crate::rules::{Kind, Note, Repeat, Urgency};
use crate::store::Session;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use serde::{Serialize, Serializer};
use std::io::{self, Write};

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
    #[serde(flatten)]
    days: Days,
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

/// When a window opens and closes (exclusive), in local time, and the plan days it shows on.
#[derive(Serialize)]
struct Window {
    starts: Instant,
    ends: Instant,
    #[serde(flatten)]
    days: Days,
}

/// The first and last plan day something shows on (`null` for a preparation rule that shows
/// on no day), and `except_day`, a day between them it is not on (Day 1, for a task to do
/// from before to after a treatment that left it no time that day), left out when none.
#[derive(Serialize)]
struct Days {
    first_day: Option<i64>,
    last_day: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    except_day: Option<i64>,
}

impl From<Option<ShownDays>> for Days {
    fn from(days: Option<ShownDays>) -> Self {
        Days {
            first_day: days.map(|d| d.first),
            last_day: days.map(|d| d.last),
            except_day: days.and_then(|d| d.except),
        }
    }
}

impl Window {
    fn new<Tz: TimeZone>(
        plan: &Plan<'_, Tz>,
        (from, until): (Instant, Instant),
        days: Option<ShownDays>,
    ) -> Self {
        Window {
            starts: plan.local(from),
            ends: plan.local(until),
            days: days.into(),
        }
    }
}

impl<'r> RuleWindow<'r> {
    fn new<Tz: TimeZone>(plan: &Plan<'r, Tz>, resolved: RuleDays<'r>) -> Self {
        let rule = resolved.rule;
        let slots = resolved
            .slots
            .into_iter()
            .map(|(slot, days)| SlotWindow {
                id: format!("{}@{}", rule.id, slot.as_str()),
                slot: slot.as_str(),
                days: Some(days).into(),
            })
            .collect();
        RuleWindow {
            id: &rule.id,
            title: &rule.title,
            kind: rule.kind,
            repeat: rule.repeat,
            window: Window::new(plan, plan.span(rule), resolved.days),
            slots,
            rationale: &rule.rationale,
            sources: &rule.sources,
        }
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
) -> Option<ShownDays> {
    let days = plan.days_touched(from, until)?;
    let (first, last) = (
        (*days.start()).max(plan.first_day()),
        (*days.end()).min(plan.last_day()),
    );
    (first <= last).then(|| ShownDays::between(first, last))
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
        let days = plan.days_touched(from, until);
        let days = days.map(|d| ShownDays::between(*d.start(), *d.end()));
        Window::new(plan, (from, until), days)
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
