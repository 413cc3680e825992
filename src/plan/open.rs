//! Which days the patient may record something on: the one rule the checklist, `check` and
//! `checkin` share, so a day still ahead is refused the same way everywhere.
//!
//! - A day is *open* from its local midnight on: today and every day before it. A tick-off
//!   or a check-in for a day still ahead is refused (nobody can have done tomorrow's tasks,
//!   and a tick saved there would count as done before the day came).
//! - The task that books the next session (a task to do once whose window is the plan's
//!   `next_session` window) may be ticked as soon as the next session comes up, a week
//!   before its window opens (`Plan::coming_up`): booking early is what is asked.
//! - Check-ins are for the recovery: from Day 1 to today, also once the plan has ended (a
//!   check-in then goes to today, not to the plan's last day).
//!
//! "Today" is the plan day of `now` in the plan's zone, asked each time: a zone changed
//! while the app is open moves it, as midnight does.

use super::Plan;
use crate::rules::{Kind, Repeat, Rule};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

type Instant = DateTime<FixedOffset>;

/// Why nothing can be recorded for a day yet, or at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    /// The day is still ahead: it opens at `opens` (its local midnight, or when the next
    /// session comes up). `today` is the plan day of now.
    Ahead {
        day: i64,
        date: NaiveDate,
        opens: Instant,
        today: i64,
    },
    /// Check-ins start on Day 1, the treatment day.
    BeforeTreatment { day: i64 },
    /// The treatment, at `at`, has not happened yet: there is no skin to rate (a 5 at 08:00
    /// for a 10:00 treatment set off "Rated severe").
    TreatmentAhead { at: Instant },
}

impl Closed {
    /// The reason in a few words, for a status line: "Day 4 has not begun (it is Day 3
    /// today)", "check-ins start on Day 1".
    pub fn short(&self) -> String {
        match self {
            Closed::Ahead { day, today, .. } => {
                format!("Day {day} has not begun (it is Day {today} today)")
            }
            Closed::BeforeTreatment { .. } => "check-ins start on Day 1".to_string(),
            Closed::TreatmentAhead { at } => {
                format!(
                    "check-ins start after the treatment ({})",
                    crate::dates::clock(*at)
                )
            }
        }
    }
}

impl std::fmt::Display for Closed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Closed::Ahead {
                day, date, today, ..
            } => write!(
                f,
                "Day {day} ({}) has not begun: it is Day {today} today",
                crate::dates::short_date(*date)
            ),
            Closed::BeforeTreatment { day } => write!(
                f,
                "Day {day} is before the treatment: check-ins start on Day 1"
            ),
            Closed::TreatmentAhead { at } => write!(
                f,
                "the treatment is at {}; check-ins start after it",
                crate::dates::clock(*at)
            ),
        }
    }
}

impl<Tz: TimeZone> Plan<'_, Tz> {
    /// Whether a task of `rule` may be ticked (or unticked) for plan day `day` at `now`.
    ///
    /// # Errors
    /// `Closed::Ahead` while `day` has not begun (see the module docs).
    pub fn may_tick(&self, rule: &Rule, day: i64, now: Instant) -> Result<(), Closed> {
        let opens = self.tick_opens(rule, day);
        if now >= opens {
            return Ok(());
        }
        Err(self.ahead(day, opens, now))
    }

    /// Whether a check-in may be saved for plan day `day` at `now`.
    ///
    /// # Errors
    /// `Closed::BeforeTreatment` before Day 1, `Closed::TreatmentAhead` before the
    /// treatment's hour, `Closed::Ahead` for a day not begun.
    pub fn may_check_in(&self, day: i64, now: Instant) -> Result<(), Closed> {
        if day < 1 {
            return Err(Closed::BeforeTreatment { day });
        }
        if now < self.treatment {
            return Err(Closed::TreatmentAhead {
                at: self.local(self.treatment),
            });
        }
        let opens = self.day_bounds(self.date_of(day)).0;
        if now >= opens {
            return Ok(());
        }
        Err(self.ahead(day, opens, now))
    }

    /// When a tick-off of `rule`'s task for plan day `day` is first taken: that day's local
    /// midnight, or for the task that books the next session, when it comes up if earlier.
    pub fn tick_opens(&self, rule: &Rule, day: i64) -> Instant {
        let midnight = self.day_bounds(self.date_of(day)).0;
        match self.coming_up().filter(|_| self.books_next_session(rule)) {
            Some(up) => midnight.min(up.shows_from),
            None => midnight,
        }
    }

    /// Whether `rule` is the task that books the next session: a task to do once whose
    /// window is the plan's `next_session` window.
    pub fn books_next_session(&self, rule: &Rule) -> bool {
        let Some(next) = &self.rules.next_session else {
            return false;
        };
        rule.kind == Kind::Do && rule.repeat == Repeat::Once && self.span(rule) == self.span(next)
    }

    fn ahead(&self, day: i64, opens: Instant, now: Instant) -> Closed {
        Closed::Ahead {
            day,
            date: self.date_of(day),
            opens,
            today: self.day_of(now),
        }
    }
}
