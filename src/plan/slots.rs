//! Each task's slot on one day: when it begins and ends, whether the treatment's day has it
//! at all, and when a task is first expected of the patient.
//!
//! - A task to do is due from the moment its *slot* begins until the slot ends; after that,
//!   if it was not ticked, it is *missed*. A slot begins at the task's time of day (08:00 for
//!   a morning task, 20:00 for an evening one, the rule's `at` or else `DAILY_TIME` for a
//!   daily or once task), or when the rule's window opens if that is later. A morning slot
//!   ends at noon, an evening or daily one at midnight, a once task's at its window's close;
//!   any slot ends when the window closes, if that is sooner.
//! - Where the window closes before the task's time on a day it opened (14:00–18:00 for an
//!   evening task), the slot begins when the window opens; where it closes before the time
//!   on a later day (a daily window that closes at 07:00), the task is not due that day.
//! - On the treatment's day, a morning or evening task whose time is before the treatment is
//!   not on the day (`Plan::is_before_treatment`): its routine was before the treatment. Nor
//!   is a daily task due before the treatment that the treatment left under two hours for
//!   (`MIN_TIME_AFTER_TREATMENT`): a slot there was no time for is never missed.
//! - Something to avoid is never due; when its window ends it is *lifted* (`lifted.rs`).
//!
//! Every instant is found in the plan's zone (`wall_clock`), so 08:00 is 08:00 on the wall
//! on both sides of a change of clocks; a time the clocks skip is taken as the moment they
//! resume. Pure: the plan, the tick-offs and the moment are passed in.

use super::due::{DAILY_TIME, MIN_TIME_AFTER_TREATMENT, counts};
use super::{Plan, Task};
use crate::rules::{Kind, Repeat};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};

type Instant = DateTime<FixedOffset>;

impl<'r, Tz: TimeZone> Plan<'r, Tz> {
    /// The local time of day `task` is due: its slot's hour, the rule's `at`, or
    /// `DAILY_TIME`.
    pub fn time_of_day(&self, task: &Task<'_>) -> NaiveTime {
        match task.slot {
            Some(slot) => NaiveTime::from_hms_opt(slot.hour(), 0, 0).unwrap_or(DAILY_TIME),
            None => task.rule.at.unwrap_or(DAILY_TIME),
        }
    }

    /// When `task` (a task of the day dated `date`) is due: its slot's beginning and end, as
    /// the module docs define them. `None` when it is not due that day.
    pub fn slot_span(&self, task: &Task<'_>, date: NaiveDate) -> Option<(Instant, Instant)> {
        if !counts(task.rule) || self.is_before_treatment(task, date) {
            return None;
        }
        if task.rule.repeat == Repeat::Once {
            // One slot for the whole window, from its time of day on its first day.
            let first = self.local_date(task.starts);
            let at = self.wall(first, self.time_of_day(task));
            let begins = if at > task.starts && at < task.ends {
                at
            } else {
                task.starts
            };
            return Some((begins, task.ends));
        }
        let (day_starts, day_ends) = self.day_bounds(date);
        let (part_starts, part_ends) = match task.slot {
            Some(slot) => (
                self.hour_on(date, slot.until_hour() - 12),
                self.hour_on(date, slot.until_hour()),
            ),
            None => (day_starts, day_ends),
        };
        let ends = part_ends.min(task.ends);
        let begins = self.wall(date, self.time_of_day(task)).max(task.starts);
        if begins < ends {
            Some((begins, ends))
        } else if part_starts <= task.starts && task.starts < ends {
            // The window opens and closes in this part of the day, before the task's time.
            Some((task.starts, ends))
        } else {
            None
        }
    }

    /// Whether `task`, something to avoid on the day dated `date`, has been *lifted* there by
    /// `now`: its window closes during that day ("Makeup is fine again" at 15:00 on Day 3),
    /// at or before `now`. Nothing is left to keep then, and it cannot be ticked, so it is in
    /// no count: not the day's "ticked", not "To avoid … kept", not the recovery's share.
    /// A window that closes at the day's end (or later) holds the whole day: that day it is
    /// still kept, and ticked, as on any other.
    pub fn is_lifted(&self, task: &Task<'_>, date: NaiveDate, now: Instant) -> bool {
        task.rule.kind == Kind::Avoid && task.ends <= now && task.ends < self.day_bounds(date).1
    }

    /// Whether `task`, on the day dated `date`, is a task to do whose time of day comes
    /// before the treatment on the treatment's own day, and so is not on Day 1 at all: not
    /// listed, due, missed, reminded of or counted. That is
    /// - the morning or evening task of a twice-daily rule (the morning cleanse of a 10:00
    ///   treatment, the evening moisturizer of a 23:30 one): that routine belonged to before
    ///   the treatment (the clinic cleans and treats the skin);
    /// - a daily task the treatment left less than `MIN_TIME_AFTER_TREATMENT` for before its
    ///   slot ends (the 09:00 sunscreen and water of a 23:30 treatment): there was no time for
    ///   it, so it can never be missed.
    ///
    /// A daily task with time left keeps its slot from the treatment to midnight (sunscreen
    /// after a 14:00 treatment); as-needed and once-tasks are never missed before it either.
    pub fn is_before_treatment(&self, task: &Task<'_>, date: NaiveDate) -> bool {
        if !counts(task.rule)
            || task.rule.repeat == Repeat::Once
            || date != self.treatment_date
            || self.wall(date, self.time_of_day(task)) >= self.treatment
        {
            return false;
        }
        let slot_ends = self.day_bounds(date).1.min(task.ends);
        task.slot.is_some() || slot_ends - self.treatment < MIN_TIME_AFTER_TREATMENT
    }

    /// When `task` of the day dated `date` is first expected of the patient: for a task to
    /// do that is due that day, its slot's beginning (`slot_span`); for anything else
    /// (something to avoid, a task not due that day) `DAILY_TIME` on that date, or the
    /// window's opening if later, and no later than the window's close or the day's end.
    /// Progress counts a task from this moment on, so no day's tasks fall due at midnight.
    pub fn comes_due(&self, task: &Task<'_>, date: NaiveDate) -> Instant {
        self.comes_due_in(task, date, self.slot_span(task, date))
    }

    /// `comes_due` for a caller that has the task's `slot_span` on `date` already (progress
    /// needs it too, and each span asks the zone for wall times).
    pub(crate) fn comes_due_in(
        &self,
        task: &Task<'_>,
        date: NaiveDate,
        slot_span: Option<(Instant, Instant)>,
    ) -> Instant {
        if let Some((begins, _)) = slot_span {
            return begins;
        }
        let day_ends = self.day_bounds(date).1;
        self.wall(date, DAILY_TIME)
            .max(task.starts)
            .min(task.ends)
            .min(day_ends)
    }

    /// Whether the treatment left `task` of the day dated `date` no time to be kept: on the
    /// treatment's day, it comes due at the treatment (`comes_due`) and under
    /// `MIN_TIME_AFTER_TREATMENT` is left before the day or its window ends (the eight things
    /// to avoid after a 23:30 treatment). Such a task is never counted against the patient;
    /// tasks to do are left off Day 1 altogether (`is_before_treatment`).
    pub fn had_no_time(&self, task: &Task<'_>, date: NaiveDate) -> bool {
        date == self.treatment_date
            && self.had_no_time_after(task, date, self.comes_due(task, date))
    }

    /// `had_no_time` for a caller that knows when `task` comes due on `date` (`comes_due`).
    pub(crate) fn had_no_time_after(
        &self,
        task: &Task<'_>,
        date: NaiveDate,
        comes_due: Instant,
    ) -> bool {
        if date != self.treatment_date {
            return false;
        }
        let ends = self.day_bounds(date).1.min(task.ends);
        comes_due <= self.treatment && ends - comes_due < MIN_TIME_AFTER_TREATMENT
    }

    /// The instant the clocks show `time` on `date` (or resume, where they skip it).
    fn wall(&self, date: NaiveDate, time: NaiveTime) -> Instant {
        self.walls.get(&self.tz, date.and_time(time))
    }

    /// `wall_clock::local_hour`, through the plan's remembered wall times and midnights.
    fn hour_on(&self, date: NaiveDate, hour: u32) -> Instant {
        match NaiveTime::from_hms_opt(hour, 0, 0) {
            Some(time) => self.wall(date, time),
            None => self.day_bounds(date).1,
        }
    }
}
