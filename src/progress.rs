//! How well the plan has been followed: per day, across the recovery, and as one share.
//!
//! What counts as due (docs/commands.md says the same):
//! - only recovery days (Day 1 on) up to and including today: preparation days are shown but
//!   not counted, since many patients start the app after their treatment;
//! - only tasks that have come due by now (`Plan::comes_due`: a slot from when it begins,
//!   08:00 or 20:00; a daily task from 09:00), or that were ticked already:
//!   so the share never drops just because the clock passed midnight (a new day's tasks join
//!   one slot at a time, as they can be done), and ticking ahead of time counts at once;
//! - only tasks to do that count (`plan::counts`): one done "as needed" never does, nor
//!   something to avoid, which is kept unless the patient says otherwise (ticking it is
//!   counted apart, "0/8 ticked as kept");
//! - only from when the treatment was recorded (`Session::recorded`): a task whose slot ended
//!   before the app knew of the treatment is not counted, unless it was ticked anyway (a
//!   patient who records on Day 2 is not behind for Day 1);
//! - only from the treatment on: a slot whose time is before the treatment on its day is not
//!   the patient's (`Plan::is_before_treatment`), nor, unless ticked, a task the treatment left
//!   under two hours for (`Plan::had_no_time`: the 09:00 tasks of a 23:30 treatment);
//! - a daily task counts once on every day it is on, a morning-and-evening task twice;
//! - a once-task counts once for the whole recovery, done if it was ticked by now (ahead of
//!   its window too); on the heat map it is on one day: the day it was ticked, or, not done,
//!   its window's last day once that has come (`place_once_tasks`).
//!
//! Today counts as it stands, so ticking a task moves the share at once; a streak is not broken
//! by a today that is still in progress. The days (`DayProgress`, the heat map and streaks)
//! count each day whole.

mod days;

use crate::plan::{Plan, Task, counts};
use crate::rules::Repeat;
use crate::store::{Session, Ticks};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use days::{best_streak, place_once_tasks, streak};
use std::collections::BTreeMap;

/// Tasks done of tasks on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayProgress {
    pub day: i64,
    pub date: NaiveDate,
    pub done: usize,
    pub total: usize,
}

/// The whole recovery, as of `today`.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Every day of the plan, first to last; days after today have no counts yet (0 of 0).
    pub days: Vec<DayProgress>,
    /// Today's plan day, unclamped.
    pub today: i64,
    /// Fully done recovery days in a row, ending today (or yesterday while today is open).
    pub streak: usize,
    /// The longest run of fully done recovery days so far.
    pub best_streak: usize,
    /// Tasks due so far (see the module docs) ...
    pub due: usize,
    /// ... and how many of them are done.
    pub done: usize,
    /// The next moment a task of today comes due and joins `due`: a screen that keeps this
    /// progress asks again from then on. `None` when none is left today.
    pub changes_at: Option<DateTime<FixedOffset>>,
}

/// How a day looks on the heat map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shade {
    /// Still ahead.
    Future,
    /// Nothing on the day.
    Empty,
    /// Share done in quarters: 0 (nothing) to 4 (all).
    Done(u8),
}

impl DayProgress {
    pub fn is_complete(&self) -> bool {
        self.total > 0 && self.done == self.total
    }

    pub fn shade(&self, today: i64) -> Shade {
        if self.day > today {
            Shade::Future
        } else if self.total == 0 {
            Shade::Empty
        } else if self.done == self.total {
            Shade::Done(4)
        } else {
            // 1–3 for partly done, never rounded up to "all".
            let quarters = (self.done * 3).div_ceil(self.total).min(3);
            Shade::Done(u8::try_from(quarters).unwrap_or(3))
        }
    }
}

impl Progress {
    /// The plan's progress at `now` with the tick-offs of `session`.
    pub fn of<Tz: TimeZone>(
        plan: &Plan<'_, Tz>,
        session: Option<&Session>,
        now: DateTime<FixedOffset>,
    ) -> Self {
        let today = plan.day_of(now);
        let mut changes_at: Option<DateTime<FixedOffset>> = None;
        let empty = Ticks::new();
        let ticks = session.map_or(&empty, |s| &s.ticks);
        let recorded = session.and_then(|s| s.recorded);
        let mut days = Vec::new();
        let (mut due, mut done) = (0, 0);
        // Once-tasks: id → done by the last day counted.
        let mut once: BTreeMap<String, bool> = BTreeMap::new();
        for number in plan.first_day()..=plan.last_day() {
            if number > today {
                // Days still ahead are only ever drawn as "still ahead", and deriving them is
                // most of the cost on a long plan, so they are not derived at all.
                days.push(DayProgress {
                    day: number,
                    date: plan.date_of(number),
                    done: 0,
                    total: 0,
                });
                continue;
            }
            let day = plan.day(number);
            let (mut day_done, mut day_total) = (0, 0);
            let counted = day.tasks.iter().filter(|t| counts(t.rule));
            // `Plan::day` already leaves out what the treatment left no time for.
            for task in counted {
                let is_done = plan.is_done(task, day.date, ticks);
                // Its slot and when it comes due are asked of the zone once per task and day.
                let span = plan.slot_span(task, day.date);
                if !is_done && recorded.is_some_and(|r| closes(plan, task, day.date, span) <= r) {
                    // Over before the app knew of the treatment: not the patient's miss.
                    continue;
                }
                // Only recovery days count towards the share, and only Day 1 can have left a
                // task no time; days ahead were passed over above.
                let comes_due = (day.day >= 1).then(|| plan.comes_due_in(task, day.date, span));
                let no_time =
                    comes_due.is_some_and(|at| plan.had_no_time_after(task, day.date, at));
                if !is_done && no_time {
                    // The treatment left it no time (the 09:00 tasks after a 23:30 treatment).
                    continue;
                }
                // On the heat map a once-task is on one day only (`place_once_tasks`).
                if task.rule.repeat != Repeat::Once {
                    day_done += usize::from(is_done);
                    day_total += 1;
                }
                let Some(comes_due) = comes_due else {
                    continue;
                };
                if !is_done && comes_due > now {
                    // Not expected yet: it joins when its slot begins.
                    changes_at = Some(changes_at.map_or(comes_due, |at| at.min(comes_due)));
                    continue;
                }
                if task.rule.repeat == Repeat::Once {
                    once.insert(task.id(), is_done);
                } else {
                    due += 1;
                    done += usize::from(is_done);
                }
            }
            days.push(DayProgress {
                day: day.day,
                date: day.date,
                done: day_done,
                total: day_total,
            });
        }
        place_once_tasks(plan, ticks, now, &mut days, &mut once);
        due += once.len();
        done += once.values().filter(|d| **d).count();
        let streak = streak(&days, today);
        let best_streak = best_streak(&days, today);
        Progress {
            days,
            today,
            streak,
            best_streak,
            due,
            done,
            changes_at,
        }
    }

    /// `of` for a treatment counted no further than plan day `last` (an earlier treatment of
    /// a series, up to the day before the next began): at `now`, or at the last moment of
    /// `last` once that day is over.
    pub fn up_to<Tz: TimeZone>(
        plan: &Plan<'_, Tz>,
        session: Option<&Session>,
        now: DateTime<FixedOffset>,
        last: i64,
    ) -> Self {
        let last_moment = plan.day_bounds(plan.date_of(last)).1 - chrono::Duration::nanoseconds(1);
        Progress::of(plan, session, now.min(last_moment))
    }

    /// The share of due tasks done, 0–1; `None` before anything is due.
    pub fn share(&self) -> Option<f64> {
        (self.due > 0).then(|| self.done as f64 / self.due as f64)
    }

    /// The share as a whole percentage, rounded down so that 100 % means all of it.
    pub fn percent(&self) -> Option<u32> {
        (self.due > 0).then(|| u32::try_from(self.done * 100 / self.due).unwrap_or(100))
    }

    pub fn day(&self, day: i64) -> Option<&DayProgress> {
        self.days.iter().find(|d| d.day == day)
    }
}

/// The last moment `task` of the day dated `date` could be ticked in time: its slot's end
/// for a task to do (`slot_span`, `Plan::slot_span` on that date), else the end of that day or of its window, whichever
/// is first.
pub(crate) fn closes<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    task: &Task<'_>,
    date: NaiveDate,
    slot_span: Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)>,
) -> DateTime<FixedOffset> {
    match slot_span {
        Some((_, ends)) => ends,
        None => plan.day_bounds(date).1.min(task.ends),
    }
}

#[cfg(test)]
mod tests;
