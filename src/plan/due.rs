//! When tasks are due: the answers the checklist, `aftercare remind` and the calendar
//! export share, so a task is due at the same minute everywhere.
//!
//! A task's slot (when it begins and ends, and whether the treatment's day has it) is
//! worked out in `slots.rs`; this module holds what is due, missed and ticked across days.

use super::{Day, Plan, Task};
use crate::rules::{Kind, Repeat, Rule};
use crate::store::Ticks;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};

type Instant = DateTime<FixedOffset>;

/// When a daily or once task is due where its rule gives no `at`: 09:00, after the morning
/// routine (08:00) and early enough for sunscreen before going out.
pub const DAILY_TIME: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// The least time a treatment must leave a daily task due before it (09:00) for that day's
/// slot to be the patient's (`Plan::is_before_treatment`): two hours, time to get home and do
/// it. Less, and it is not on the treatment's day, so it is never missed.
pub const MIN_TIME_AFTER_TREATMENT: Duration = Duration::hours(2);

/// Whether a rule's tasks count towards the recovery's progress: tasks to do, but not those
/// done "as needed" (`Rule::as_needed`), which are shown and tickable but never expected.
/// Something to avoid does not count either: it is kept unless the patient says otherwise,
/// and ticking it ("ticked as kept") is a choice, counted in its own block. Counted, a
/// patient who did every task and ticked no restriction read "4/12 ticked today", "33% of
/// tasks done" and a longest streak of 0 days (walker P, round 10).
///
/// This is the one place that says which tasks are expected, and so ever due, reminded of
/// and missed: progress, `remind`, the calendar's alarms and the checklist's counts all ask
/// here. Something to avoid is never due; its end is *lifted* instead.
pub fn counts(rule: &Rule) -> bool {
    rule.kind == Kind::Do && !rule.as_needed
}

/// One task's slot on one plan day: when it is due, and when it counts as missed.
#[derive(Debug, Clone, PartialEq)]
pub struct DueTask<'r> {
    pub task: Task<'r>,
    /// What tick-offs are saved under (`Task::id`).
    pub id: String,
    /// The plan day the slot is on, and its date (a once task: the first day of its window).
    pub day: i64,
    pub date: NaiveDate,
    /// The slot begins (the task is due, and reminded of) ...
    pub begins: Instant,
    /// ... and ends (exclusive): not ticked by then, it was missed.
    pub ends: Instant,
}

/// Where a task stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Never due on this day: something to avoid, or a window that closes before the task's
    /// time of day; for the checklist also a slot over before the app knew of the treatment
    /// (`TaskLine::before_recorded`).
    NotDue,
    /// Its slot has not begun.
    Upcoming,
    /// Its slot has begun and it is not ticked.
    Due,
    /// Its slot is over and it was not ticked.
    Missed,
    /// Ticked.
    Done,
}

impl<'r, Tz: TimeZone> Plan<'r, Tz> {
    /// The tasks of `day` that are due at some point of it, each with its slot, in the
    /// day's order. A once task is listed on every day of its window, with the same slot.
    pub fn due_on(&self, day: i64) -> Vec<DueTask<'r>> {
        self.due_in(self.day(day))
    }

    /// `due_on` for a day already built.
    fn due_in(&self, d: Day<'r>) -> Vec<DueTask<'r>> {
        d.tasks
            .into_iter()
            .filter_map(|task| {
                let (begins, ends) = self.slot_span(&task, d.date)?;
                let (day, date) = match task.rule.repeat {
                    Repeat::Once => {
                        let first = self.local_date(task.starts);
                        (self.day_of_date(first), first)
                    }
                    _ => (d.day, d.date),
                };
                Some(DueTask {
                    id: task.id(),
                    task,
                    day,
                    date,
                    begins,
                    ends,
                })
            })
            .collect()
    }

    /// Where `task` of the day dated `date` stands at `now`, with the tick-offs `ticks`.
    pub fn standing(
        &self,
        task: &Task<'_>,
        date: NaiveDate,
        ticks: &Ticks,
        now: Instant,
    ) -> Standing {
        self.standing_in(task, date, self.slot_span(task, date), ticks, now)
    }

    /// `standing` for a caller that has the task's `slot_span` on `date` already (the
    /// checklist needs it too, and each span asks the zone for wall times).
    pub(crate) fn standing_in(
        &self,
        task: &Task<'_>,
        date: NaiveDate,
        slot_span: Option<(Instant, Instant)>,
        ticks: &Ticks,
        now: Instant,
    ) -> Standing {
        let Some((begins, ends)) = slot_span else {
            return Standing::NotDue;
        };
        if self.is_ticked(task, date, ticks, now) {
            Standing::Done
        } else if now < begins {
            Standing::Upcoming
        } else if now < ends {
            Standing::Due
        } else {
            Standing::Missed
        }
    }

    /// The tasks due at `now` and not ticked: their slot has begun and not ended. Only
    /// today's tasks can be (slots end by midnight, and once tasks are on every day of their
    /// window).
    pub fn due_now(&self, ticks: &Ticks, now: Instant) -> Vec<DueTask<'r>> {
        let today = self.local_date(now);
        // As seen now: before the treatment, on its day, the preparation still open.
        self.due_in(self.day_at(self.day_of(now), now))
            .into_iter()
            .filter(|due| due.begins <= now && now < due.ends)
            .filter(|due| !self.is_ticked(&due.task, today, ticks, now))
            .collect()
    }

    /// The tasks whose slot began after `after` and by `until`, not ticked at `until`: what
    /// a screen open across that interval announces ("Morning: 2 tasks due"). Looks at the
    /// days of both ends, so an interval across midnight is covered.
    pub fn begun_between(&self, after: Instant, until: Instant, ticks: &Ticks) -> Vec<DueTask<'r>> {
        let mut begun: Vec<DueTask<'r>> = Vec::new();
        for day in self.day_of(after)..=self.day_of(until) {
            for due in self.due_on(day) {
                // A once task is listed on every day of its window, with one slot.
                let listed = begun.iter().any(|b| b.id == due.id && b.date == due.date);
                let ticked = self.is_ticked(&due.task, due.date, ticks, until);
                if after < due.begins && due.begins <= until && !listed && !ticked {
                    begun.push(due);
                }
            }
        }
        begun
    }

    /// The tasks of `day` whose slot ended by `now` without a tick: missed.
    pub fn missed_on(&self, day: i64, ticks: &Ticks, now: Instant) -> Vec<DueTask<'r>> {
        let date = self.date_of(day);
        self.due_on(day)
            .into_iter()
            .filter(|due| due.ends <= now)
            .filter(|due| !self.is_ticked(&due.task, date, ticks, now))
            .collect()
    }

    /// Every slot of the whole plan, day by day (a once task once, on its first day): what
    /// the calendar export reminds of.
    pub fn all_due(&self) -> Vec<DueTask<'r>> {
        let mut once_seen = std::collections::HashSet::new();
        let mut all = Vec::new();
        for day in self.first_day..=self.last_day {
            for due in self.due_on(day) {
                if due.task.rule.repeat != Repeat::Once || once_seen.insert(due.id.clone()) {
                    all.push(due);
                }
            }
        }
        all
    }

    /// Whether `task` of the day dated `date` counts as ticked at `now`: a repeating task
    /// when ticked on that date, a once task when ticked on any day of its window so far.
    fn is_ticked(&self, task: &Task<'_>, date: NaiveDate, ticks: &Ticks, now: Instant) -> bool {
        let date = match task.rule.repeat {
            Repeat::Once => date.max(self.local_date(now)),
            Repeat::Daily | Repeat::MorningAndEvening => date,
        };
        self.is_done(task, date, ticks)
    }
}
