//! A day's checklist as people see it: each task with its state, its "when" words and
//! whether it is done. The terminal screens and the command line both show this, so a task
//! reads the same everywhere.

use crate::plan::{Plan, Standing, Task};
use crate::rules::{Kind, Repeat};
use crate::store::{Session, State};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use serde::Serialize;
use std::sync::Arc;

mod build;
mod notes;
mod when_at;

pub use notes::NoteLine;

/// A treatment's record as its checklist reads it: its tick-offs, and whether a later
/// treatment is recorded (`State::is_followed`). Then the next session exists, so the
/// booking of it is left out, on every day, on every screen and in every command.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    pub session: &'a Session,
    pub followed: bool,
}

impl<'a> Record<'a> {
    /// `session` as `state` holds it: what every command and screen builds a checklist from.
    pub fn of(state: &State, session: &'a Session) -> Self {
        Record {
            session,
            followed: state.is_followed(session),
        }
    }

    /// `session` with no later treatment recorded, for tests.
    #[cfg(test)]
    pub(crate) fn alone(session: &'a Session) -> Self {
        Record {
            session,
            followed: false,
        }
    }
}

/// One task on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskLine {
    /// What `check` takes: the rule id, with `@morning`/`@evening` for twice-daily rules.
    pub id: String,
    /// The rule's words, shared with it (`Rule`), as are `rationale`, `sources` and `lifted`.
    pub title: Arc<str>,
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
    pub rationale: Arc<str>,
    pub sources: Arc<[String]>,
    /// Where the task stands at `now` (`Plan::standing`): due, missed, done, upcoming or
    /// never due (something to avoid). The main screen groups tasks by it; the JSON output
    /// says the same with `status` and `done`.
    #[serde(skip)]
    pub standing: Standing,
    /// When the task is due on this day (`Plan::slot_span`): from, and until (exclusive).
    /// `None` for something to avoid and a task that is never due.
    #[serde(skip)]
    pub due: Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)>,
    /// Something to avoid: what to tell the patient once its window is over (the rule's
    /// `lifted` words).
    #[serde(skip)]
    pub lifted: Option<Arc<str>>,
    /// Something to avoid whose window closed on this day by `now` (`Plan::is_lifted`): said
    /// as lifted, never ticked; like every thing to avoid, in no count of what was done
    /// (`TaskLine::counts`). In JSON
    /// `"lifted": true`, only when it is.
    #[serde(rename = "lifted", skip_serializing_if = "std::ops::Not::not")]
    pub lifted_by_now: bool,
    /// A task to do once, done on an earlier day (the booking, booked on Day 22, on Day 30):
    /// shown done, and in no count of this day, whose ticks it is not.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub done_before: bool,
    /// The booking of the next session on a day before its window opens: it comes up a
    /// week early (`Plan::coming_up`) and can be ticked from then on.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub coming_up: bool,
    /// A task not ticked whose chance closed before the app knew of the treatment
    /// (`Session::recorded`: the patient installed the app at 15:00, the morning's slot was
    /// over by then): not the patient's miss, never said as missed and in no count, as
    /// progress counts it (`progress`).
    #[serde(skip)]
    pub before_recorded: bool,
    /// The treatment whose tick-offs this task's are, when not the checklist's own: the
    /// next recorded treatment's preparation shown beside the current treatment's day
    /// (`crate::preparation`). Ticking it ticks that treatment.
    #[serde(skip)]
    pub of_treatment: Option<DateTime<FixedOffset>>,
}

impl TaskLine {
    /// Whether the task is in the day's counts: a task to do (`plan::counts`: something to
    /// avoid is counted apart, "0/8 ticked as kept"), not done as needed, not a once-task
    /// done on an earlier day.
    pub fn counts(&self) -> bool {
        self.kind == Kind::Do && !self.as_needed && !self.done_before && !self.before_recorded
    }
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
    /// Whether this day, seen at `now`, is past the plan whose last day is `last_day`: a day
    /// after it, or the last day itself when it is `today` and every task's and phase's
    /// window is over (Day 43 of the built-in plan from 14:00). The screen and `aftercare
    /// today` both ask this, so they say the plan is over at the same moment.
    pub fn is_after_plan(&self, last_day: i64, now: DateTime<FixedOffset>, today: bool) -> bool {
        let over = |ends: DateTime<FixedOffset>| ends <= now;
        self.day > last_day
            || (self.day == last_day
                && today
                && self.tasks.iter().all(|t| over(t.ends))
                && self.phases.iter().all(|p| over(p.ends)))
    }

    /// Tasks done, of the day's tasks that count: tasks to do, not those done as needed
    /// (`TaskLine::counts`).
    pub fn progress(&self) -> (usize, usize) {
        progress_of(&self.tasks)
    }
}

/// Of `tasks`, (done, counted): those that count (`TaskLine::counts`), and of them those
/// done. The day's count, and the count of any part of it a screen shows ("To do now 1/3
/// done", "Evening, from 20:00 (1/2 done)").
pub fn progress_of<'a>(tasks: impl IntoIterator<Item = &'a TaskLine>) -> (usize, usize) {
    let counted = tasks.into_iter().filter(|t| t.counts());
    counted.fold((0, 0), |(done, all), t| {
        (done + usize::from(t.done), all + 1)
    })
}

/// Whether `task`'s window closes on the plan's last day: it ends because the plan does.
/// (Its last instant falls on or after the last day's local midnight, which the plan
/// remembers; this is asked for every task of a day.)
pub fn ends_with_plan<Tz: TimeZone>(plan: &Plan<'_, Tz>, task: &Task<'_>) -> bool {
    let (last_day_starts, _) = plan.day_bounds(plan.date_of(plan.last_day()));
    task.ends > last_day_starts
}
