//! How well the plan has been followed: per day, across the recovery, and as one share.
//!
//! What counts as due (docs/commands.md says the same):
//! - only recovery days (Day 1 on) up to and including today: preparation days are shown but
//!   not counted, since many patients start the app after their treatment;
//! - a daily task counts once on every day it is on, a morning-and-evening task twice;
//! - a once-task counts once for the whole recovery, done if it was ticked by today.
//!
//! Today counts as it stands, so ticking a task moves the share at once; a streak is not broken
//! by a today that is still in progress.

use crate::plan::Plan;
use crate::rules::Repeat;
use crate::store::{Session, Ticks};
use chrono::{NaiveDate, TimeZone};
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
    /// The plan's progress with the tick-offs of `session`, `today` being a plan day.
    pub fn of<Tz: TimeZone>(plan: &Plan<'_, Tz>, session: Option<&Session>, today: i64) -> Self {
        let empty = Ticks::new();
        let ticks = session.map_or(&empty, |s| &s.ticks);
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
            let mut day_done = 0;
            for task in &day.tasks {
                let is_done = plan.is_done(task, day.date, ticks);
                day_done += usize::from(is_done);
                if day.day < 1 || day.day > today {
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
                total: day.tasks.len(),
            });
        }
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
        }
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

/// Complete recovery days in a row back from today; an unfinished today does not count
/// against it, and days with nothing on them are passed over.
fn streak(days: &[DayProgress], today: i64) -> usize {
    let mut count = 0;
    for day in days.iter().rev().filter(|d| d.day >= 1 && d.day <= today) {
        if day.total == 0 || (day.day == today && !day.is_complete()) {
            continue;
        }
        if !day.is_complete() {
            break;
        }
        count += 1;
    }
    count
}

fn best_streak(days: &[DayProgress], today: i64) -> usize {
    let (mut best, mut run) = (0, 0);
    for day in days
        .iter()
        .filter(|d| d.day >= 1 && d.day <= today && d.total > 0)
    {
        if day.is_complete() {
            run += 1;
            best = best.max(run);
        } else if day.day != today {
            run = 0;
        }
    }
    best
}

#[cfg(test)]
mod tests;
