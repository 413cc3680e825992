//! The words beside a task where it stands at a moment (`TaskLine::when_at`), shared by
//! the screen's rows and `aftercare today`.

use super::TaskLine;
use crate::plan::Standing;
use chrono::{DateTime, FixedOffset};

impl TaskLine {
    /// The words beside the task where it stands at `now`, shared by the screen's rows and
    /// `today`: its `when` ("morning", "daily", "until Sun 14:00 · 5 h left"), or, for a task
    /// to do that is not on, "missed · morning" once its slot is over unticked, and "evening
    /// · from 20:00" before its slot begins later on `now`'s date (its slot is not yet due).
    /// `now` is `None` where the slot's beginning is said elsewhere (the screen's folded
    /// line "Evening, from 20:00").
    pub fn when_at(&self, now: Option<DateTime<FixedOffset>>) -> String {
        if self.coming_up || self.done {
            return self.when.clone();
        }
        match (self.standing, self.due, now) {
            (Standing::Missed, ..) => match self.slot {
                Some(slot) => format!("missed · {slot}"),
                None => "missed".to_string(),
            },
            // A window that opens later today already says "from 10:00 · in 30 min".
            (Standing::Upcoming, Some((from, _)), Some(now))
                if from > now
                    && from.date_naive() == now.with_timezone(from.offset()).date_naive() =>
            {
                let at = crate::dates::clock(from);
                // A slot beginning after its window opens (the evening's 20:00 after a 10:00
                // treatment) is already said so by `plan::when`: "evening · from 20:00".
                match self.starts <= now {
                    true => format!("{} · from {at}", self.when),
                    false => self.when.clone(),
                }
            }
            _ => self.when.clone(),
        }
    }
}
