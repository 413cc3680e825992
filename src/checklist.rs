//! A day's checklist as people see it: each task with its state, its "when" words and
//! whether it is done. The terminal screens and the command line both show this, so a task
//! reads the same everywhere.

use crate::plan::{Plan, Span, Timing, counts, when_label};
use crate::rules::{Kind, Repeat, Urgency};
use crate::store::Session;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use serde::Serialize;

/// One task on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskLine {
    /// What `check` takes: the rule id, with `@morning`/`@evening` for twice-daily rules.
    pub id: String,
    pub title: String,
    pub kind: Kind,
    pub repeat: Repeat,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slot: Option<&'static str>,
    /// Done only when it applies: never due, missed or counted (`plan::counts`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub as_needed: bool,
    pub done: bool,
    /// Where the rule's window stands at `now`.
    pub status: &'static str,
    /// When the window opens and closes (exclusive), in local time.
    pub starts: DateTime<FixedOffset>,
    pub ends: DateTime<FixedOffset>,
    /// "until Sun 14:00 · 5 h left", "morning", "daily".
    pub when: String,
    pub rationale: String,
    pub sources: Vec<String>,
}

/// A phase or warning sign on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteLine {
    pub id: String,
    pub title: String,
    pub detail: String,
    /// Warning signs only: how soon to act ("emergency", "call", "mention"); warnings come
    /// most urgent first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Urgency>,
    pub starts: DateTime<FixedOffset>,
    pub ends: DateTime<FixedOffset>,
}

/// Everything about one day of the recovery.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checklist {
    /// 1 on the treatment's date.
    pub day: i64,
    pub date: NaiveDate,
    pub tasks: Vec<TaskLine>,
    pub phases: Vec<NoteLine>,
    pub warnings: Vec<NoteLine>,
}

impl Checklist {
    /// Builds day `day` of `plan` with the tick-offs of `session`, worded for `now`.
    pub fn build<Tz: TimeZone>(
        plan: &Plan<'_, Tz>,
        day: i64,
        session: Option<&Session>,
        now: DateTime<FixedOffset>,
    ) -> Checklist {
        let d = plan.day(day);
        let tz = plan.time_zone();
        let empty = Default::default();
        let ticks = session.map_or(&empty, |s| &s.ticks);
        let tasks = d
            .tasks
            .iter()
            .map(|task| {
                let id = task.id();
                TaskLine {
                    done: plan.is_done_as(task, &id, d.date, ticks),
                    id,
                    title: task.rule.title.clone(),
                    kind: task.rule.kind,
                    repeat: task.rule.repeat,
                    slot: task.slot.map(|s| s.as_str()),
                    as_needed: !counts(task.rule),
                    status: match Timing::of(task.starts, task.ends, now) {
                        Timing::Upcoming => "upcoming",
                        Timing::Active => "active",
                        Timing::Ended => "ended",
                    },
                    starts: plan.local(task.starts),
                    ends: plan.local(task.ends),
                    when: when_label(task, now, tz),
                    rationale: task.rule.rationale.clone(),
                    sources: task.rule.sources.clone(),
                }
            })
            .collect();
        let notes = |spans: &[Span<'_>], warnings: bool| -> Vec<NoteLine> {
            spans
                .iter()
                .map(|s| NoteLine {
                    id: s.note.id.clone(),
                    title: s.note.title.clone(),
                    detail: s.note.detail.clone(),
                    urgency: warnings.then(|| s.note.urgency()),
                    starts: plan.local(s.starts),
                    ends: plan.local(s.ends),
                })
                .collect()
        };
        Checklist {
            day: d.day,
            date: d.date,
            phases: notes(&d.phases, false),
            warnings: notes(&d.warnings, true),
            tasks,
        }
    }

    /// Tasks done, of the day's tasks that count (not those done as needed).
    pub fn progress(&self) -> (usize, usize) {
        let counted = self.tasks.iter().filter(|t| !t.as_needed);
        counted.fold((0, 0), |(done, all), t| {
            (done + usize::from(t.done), all + 1)
        })
    }
}
