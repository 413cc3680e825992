//! Words for when a task happens: "until Sun 14:00 · 5 h left", "morning", "ended 09:00".
//! Shared by the terminal screens and the command line so both say the same thing.

use super::clock_words::{clock_label_on, day_ended_by, end_label_on};
use super::durations::{Wording, countdown_in};
use super::{Slot, Task};
use crate::rules::{Kind, Repeat};
use chrono::{DateTime, Datelike, Duration, FixedOffset, TimeZone};

/// Where a window stands relative to now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    Upcoming,
    Active,
    Ended,
}

impl Timing {
    pub fn of(
        starts: DateTime<FixedOffset>,
        ends: DateTime<FixedOffset>,
        now: DateTime<FixedOffset>,
    ) -> Self {
        if now < starts {
            Timing::Upcoming
        } else if now < ends {
            Timing::Active
        } else {
            Timing::Ended
        }
    }
}

/// What to say next to a task: its time of day, or its countdown. `ends_with_plan`: the
/// task's window closes on the plan's last day, so it ends only because the plan does (a
/// daily habit is then never counted down as if it stopped).
pub fn when_label<Tz: TimeZone>(
    task: &Task<'_>,
    now: DateTime<FixedOffset>,
    tz: &Tz,
    ends_with_plan: bool,
) -> String {
    when_in(task, now, tz, ends_with_plan, Wording::Short)
}

/// `when_label` with its countdowns worded as `wording` says: "until Fri 14:00 · 5 days
/// left".
pub fn when_in<Tz: TimeZone>(
    task: &Task<'_>,
    now: DateTime<FixedOffset>,
    tz: &Tz,
    ends_with_plan: bool,
    wording: Wording,
) -> String {
    let today = now.with_timezone(tz).date_naive();
    when_on(task, now, today, tz, ends_with_plan, wording)
}

/// The words beside `task` as `when_in` gives them, on the view of the local date `shown`:
/// where it stands and its countdowns are from `now`, its times and weekdays are read from
/// the day shown ("until Mon 10:00" on Sunday's view, whatever today is).
pub fn when_on<Tz: TimeZone>(
    task: &Task<'_>,
    now: DateTime<FixedOffset>,
    shown: chrono::NaiveDate,
    tz: &Tz,
    ends_with_plan: bool,
    wording: Wording,
) -> String {
    let countdown_label = |now, at, tz: &Tz| countdown_in(now, at, tz, wording);
    // A day further on than the window's opening, looked at before it opens (Day 3 seen on
    // the treatment's morning), reads as it will on that day: "morning", "until Mon 10:00".
    let timing = match Timing::of(task.starts, task.ends, now) {
        Timing::Upcoming if task.starts.with_timezone(tz).date_naive() < shown => Timing::Active,
        timing => timing,
    };
    let today = now.with_timezone(tz).date_naive();
    let clock = |at| clock_label_on(at, shown, tz);
    let end = |at| end_label_on(at, shown, today, tz);
    // A slot that begins after its window opens (the evening routine of a treatment at
    // 10:00) is due when the slot begins: "evening · from 20:00", not "from 10:00", which
    // read on the day before as washing right after the treatment (walk-through).
    if let (Timing::Upcoming, Some(slot)) = (timing, task.slot) {
        let at = super::wall_clock::local_hour(tz, shown, slot.hour());
        if at > task.starts && at < task.ends {
            return format!("{} · from {}", slot.as_str(), clock(at));
        }
    }
    match (timing, task.slot, task.rule.kind, task.rule.repeat) {
        (Timing::Upcoming, _, _, _) => {
            format!(
                "from {} · in {}",
                clock(task.starts),
                countdown_label(now, task.starts, tz)
            )
        }
        (Timing::Ended, _, _, _) => {
            match day_ended_by(task.ends.with_timezone(tz).fixed_offset()) {
                Some(_) => format!("ended at {}", end(task.ends)),
                None => format!("ended {}", clock(task.ends)),
            }
        }
        // Never due, so no time of day: only when it applies, and till when near the end.
        // One that lasts the whole plan ("Follow your provider's instructions") does not
        // stop with it: no "until".
        (Timing::Active, _, _, _) if task.rule.as_needed => {
            if task.ends - now > Duration::days(3) || ends_with_plan {
                "as needed".to_string()
            } else if day_ended_by(task.ends.with_timezone(tz).fixed_offset()) == Some(shown) {
                // A task of the shown day only ("If going out: provider-approved SPF only"
                // on the treatment day): "until the end of today" crowded its title.
                let day = if shown == today { "today" } else { "that day" };
                format!("as needed {day}")
            } else {
                format!("as needed · until {}", end(task.ends))
            }
        }
        // The window closes inside the slot (the cleanser's last morning ends at 10:00, a
        // week after a 10:00 treatment): said, or it would read as due until noon and then
        // turn up missed.
        (Timing::Active, Some(slot), _, _)
            if task.ends < super::wall_clock::local_hour(tz, shown, slot.until_hour())
                && task.ends.with_timezone(tz).date_naive() == shown =>
        {
            format!("{} · until {}", slot.as_str(), clock(task.ends))
        }
        // This morning's routine, once due (08:00), says when the morning ends: at noon it
        // turns up missed, and "morning" alone did not say so (only `remind` did). Before
        // 08:00 the row says when it begins ("morning · from 08:00", `TaskLine::when_at`).
        (Timing::Active, Some(slot @ Slot::Morning), _, _)
            if shown == today && now >= super::wall_clock::local_hour(tz, shown, slot.hour()) =>
        {
            let noon = super::wall_clock::local_hour(tz, shown, slot.until_hour());
            format!("{} · by {}", slot.as_str(), clock(noon))
        }
        (Timing::Active, Some(slot), _, _) => slot.as_str().to_string(),
        (Timing::Active, None, Kind::Do, Repeat::Once) => {
            format!(
                "by {} · {} left",
                end(task.ends),
                countdown_label(now, task.ends, tz)
            )
        }
        // A daily habit that runs for weeks needs no countdown until its last days, and never
        // a countdown at all: it is not a deadline. Near its end it says when it stops being
        // asked for, or that the plan ends then (what to keep doing after is the after-plan
        // screen's to say).
        (Timing::Active, None, Kind::Do, _) if task.ends - now > Duration::days(3) => {
            "daily".to_string()
        }
        // A habit the sources ask for beyond the plan (SPF, always) does not end with it.
        (Timing::Active, None, Kind::Do, _)
            if ends_with_plan && task.rule.keep_up_after.is_some() =>
        {
            "daily · always".to_string()
        }
        (Timing::Active, None, Kind::Do, _) if ends_with_plan => {
            let last = task.ends - Duration::nanoseconds(1);
            let day = last.with_timezone(tz).weekday();
            let when = if last.with_timezone(tz).date_naive() == shown && shown == today {
                "today".to_string()
            } else {
                day.to_string()
            };
            format!("daily · plan ends {when}")
        }
        (Timing::Active, None, Kind::Do, Repeat::Daily) => {
            format!("daily · until {}", clock(task.ends))
        }
        (Timing::Active, None, _, _) => {
            format!(
                "until {} · {} left",
                end(task.ends),
                countdown_label(now, task.ends, tz)
            )
        }
    }
}
