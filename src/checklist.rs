//! A day's checklist as people see it: each task with its state, its "when" words and
//! whether it is done. The terminal screens and the command line both show this, so a task
//! reads the same everywhere.

use crate::plan::{
    Plan, Span, Standing, Task, Timing, Wording, countdown_in, counts, end_label_on, when_on,
};
use crate::rules::{Kind, Repeat};
use crate::store::{Session, State};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use serde::Serialize;
use std::sync::Arc;

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
    /// as lifted, never ticked, and in no count unless it was kept (ticked) that day
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
    /// Whether the task is in the day's counts: not done as needed, not lifted by now
    /// unless it was kept (ticked) that day, not a once-task done on an earlier day. A kept
    /// restriction stays counted after it lifts, so "3/6 ticked" never turns into "2/5" at
    /// the hour the restriction ends.
    pub fn counts(&self) -> bool {
        (self.done || !self.lifted_by_now)
            && !self.as_needed
            && !self.done_before
            && !self.before_recorded
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
    /// Builds day `day` of `plan` with the tick-offs of `record` (none: the plan as it is), and
    /// without the booking once a later treatment follows (`Record`); worded for `now`, its
    /// countdowns short ("5 d left") for the narrow spaces of the screens and JSON.
    pub fn build<Tz: TimeZone>(
        plan: &Plan<'_, Tz>,
        day: i64,
        record: Option<Record<'_>>,
        now: DateTime<FixedOffset>,
    ) -> Checklist {
        Checklist::build_in(plan, day, record, now, Wording::Short)
    }

    /// As `build`, with the countdowns worded as `wording` says: `Wording::Words` ("5 days
    /// left") where plain text has the room.
    pub fn build_in<Tz: TimeZone>(
        plan: &Plan<'_, Tz>,
        day: i64,
        record: Option<Record<'_>>,
        now: DateTime<FixedOffset>,
        wording: Wording,
    ) -> Checklist {
        // As seen at `now` (`Plan::day_at`): the treatment's day keeps its preparation until
        // the treatment.
        let d = plan.day_at(day, now);
        let tz = plan.time_zone();
        let empty = Default::default();
        let ticks = record.map_or(&empty, |r| &r.session.ticks);
        let recorded = record.and_then(|r| r.session.recorded);
        // Times and weekdays are read from the day shown, not from today: on Sunday's view
        // Monday's 10:00 is "Mon 10:00" whenever the list is looked at.
        let today = plan.local(now).date_naive();
        let line = |task: &Task<'_>, coming_up: bool| {
            let id = task.id();
            let due = plan.slot_span(task, d.date);
            let done = plan.is_done_as(task, &id, d.date, ticks);
            let done_before = done
                && task.rule.repeat == Repeat::Once
                && !ticks.get(&d.date).is_some_and(|ids| ids.contains(&id));
            // The same rule as progress's: over before the app knew of the treatment.
            // Only a chance already closed by `now` (a clock set back reads the days before
            // as still open).
            let before_recorded = !done
                && recorded.is_some_and(|r| {
                    crate::progress::closes(plan, task, d.date, due) <= r.min(now)
                });
            TaskLine {
                standing: match (coming_up, done) {
                    (true, true) => Standing::Done,
                    (true, false) => Standing::Upcoming,
                    (false, _) if before_recorded => Standing::NotDue,
                    (false, _) => plan.standing_in(task, d.date, due, ticks, now),
                },
                done,
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
                when: match (plan.is_booking(task.rule), done, coming_up) {
                    // One truth for the booking, on every screen and in `remind`: once
                    // ticked it is booked, and until its window opens it asks to book now.
                    (true, true, _) => "booked".to_string(),
                    // Its times are the next session's window, not a deadline to book by:
                    // said as the session's, its nearness first (what a narrow row keeps).
                    (_, _, true) => {
                        crate::series::session_possible_row(plan, now, task.starts, wording)
                    }
                    (true, false, false) if task.starts <= now && now < task.ends => format!(
                        "session due by {} · {} left",
                        end_label_on(task.ends, d.date, today, tz),
                        countdown_in(now, task.ends, tz, wording)
                    ),
                    _ => when_on(task, now, d.date, tz, ends_with_plan(plan, task), wording),
                },
                rationale: task.rule.rationale.clone(),
                sources: task.rule.sources.clone(),
                due: due.map(|(from, until)| (plan.local(from), plan.local(until))),
                lifted: task.rule.lifted.clone(),
                lifted_by_now: plan.is_lifted(task, d.date, now),
                done_before,
                coming_up,
                before_recorded,
                of_treatment: None,
            }
        };
        // `Plan::day` already leaves out a slot before the treatment on its day
        // (`is_before_treatment`).
        // The booking stays as offered (since a week before) until its window opens, also
        // on the window's first day before its time: no "Later, from 10:00" after a week of
        // "book now". Only that day, seen on that day (`coming_up` is for before the window).
        // Asked once a day, not once a task: whether it is shown on its own day, and which
        // rule is the booking.
        let booking = (plan.day_of(now) == d.day)
            .then(|| plan.booking_rule())
            .flatten();
        let offered = |task: &Task<'_>| {
            booking.is_some_and(|b| b.id == task.rule.id)
                && now < task.starts
                && plan.day_of(task.starts) == d.day
        };
        let mut tasks: Vec<TaskLine> = d
            .tasks
            .iter()
            .map(|task| line(task, offered(task)))
            .collect();
        if let Some(task) = coming_up_on(plan, d.day) {
            tasks.push(line(&task, true));
        }
        let notes = |spans: &[Span<'_>], warnings: bool| -> Vec<NoteLine> {
            spans
                .iter()
                .map(|s| NoteLine::of(plan, s.note, (s.starts, s.ends), warnings))
                .collect()
        };
        if record.is_some_and(|r| r.followed)
            && let Some(rule) = plan.booking_rule()
        {
            // A later treatment is recorded: the next session exists, nothing to book, and
            // an earlier session's days do not ask for it.
            tasks.retain(|t| t.id != rule.id);
        }
        Checklist {
            day: d.day,
            date: d.date,
            phases: notes(&d.phases, false),
            warnings: notes(&d.warnings, true),
            tasks,
        }
    }

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

    /// Tasks done, of the day's tasks that count: not those done as needed, nor a
    /// restriction lifted by the time the list was built (`TaskLine::lifted_by_now`).
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

/// The booking of the next session, on a day from the one it comes up on (a week before the
/// next session's window opens) to the day before the window opens, when its own window
/// puts it on the day.
fn coming_up_on<'r, Tz: TimeZone>(plan: &Plan<'r, Tz>, day: i64) -> Option<Task<'r>> {
    let up = plan.coming_up()?;
    let shown = plan.day_of(up.shows_from) <= day && day < plan.day_of(up.opens);
    if !shown {
        // Only a day it shows on looks for the booking rule: that reads every rule.
        return None;
    }
    let rule = plan.booking_rule()?;
    let (starts, ends) = plan.span(rule);
    Some(Task::new(rule, None, starts, ends))
}
