//! Words for when things happen: "until Sun 14:00 · 5 h left", "morning", "ended 09:00".
//! Shared by the terminal screens and the command line so both say the same thing.

use super::{Slot, Task};
use crate::rules::{Kind, Repeat};
use chrono::{DateTime, Datelike, Duration, FixedOffset, TimeZone, Timelike};

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

/// How much room an interval has, and so how it is worded: `Short` where a narrow space
/// needs it (the terminal's header and task rows, `today --short`), `Words` in plain
/// command-line text ("5 hours 20 minutes", "12 days").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Wording {
    /// "35 min", "5 h 20 min", "2 d 5 h", "12 d".
    #[default]
    Short,
    /// "35 minutes", "5 hours 20 minutes", "2 days 5 hours", "12 days".
    Words,
}

impl Wording {
    /// `n` local calendar days: "12 d" / "12 days", "1 day".
    pub fn days(self, n: i64) -> String {
        self.count(n, Unit::Day)
    }

    /// `n` of a unit: "5 h" / "5 hours", "1 d" / "1 day".
    fn count(self, n: i64, unit: Unit) -> String {
        let (short, one, many) = match unit {
            Unit::Minute => ("min", "minute", "minutes"),
            Unit::Hour => ("h", "hour", "hours"),
            Unit::Day => ("d", "day", "days"),
        };
        match self {
            Wording::Short => format!("{n} {short}"),
            Wording::Words if n == 1 => format!("1 {one}"),
            Wording::Words => format!("{n} {many}"),
        }
    }
}

#[derive(Clone, Copy)]
enum Unit {
    Minute,
    Hour,
    Day,
}

/// "35 min", "5 h 20 min", "2 d 5 h", "12 d": short, and exact enough for a countdown.
pub fn duration_label(d: Duration) -> String {
    duration_in(d, Wording::Short)
}

/// A duration as `duration_label` gives it, worded as `wording` says: "5 hours 20 minutes".
pub fn duration_in(d: Duration, wording: Wording) -> String {
    // From three days on the hours are noise for how long ago or how long something lasts.
    days_hours_minutes(d, wording, 3)
}

/// The one formatter of durations: minutes under an hour, hours and minutes under ten hours,
/// hours under a day, then days and hours ("2 d 5 h"), and whole days alone ("12 d") from
/// `whole_days_from` days on. Rounded down: it never says more time than `d` holds.
fn days_hours_minutes(d: Duration, wording: Wording, whole_days_from: i64) -> String {
    let minutes = d.num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let n = |n, unit| wording.count(n, unit);
    match (days, hours) {
        (0, 0) if mins == 0 => "under a minute".to_string(),
        (0, 0) => n(mins, Unit::Minute),
        (0, h) if h < 10 && mins > 0 => format!("{} {}", n(h, Unit::Hour), n(mins, Unit::Minute)),
        (0, h) => n(h, Unit::Hour),
        (d, _) if d >= whole_days_from => n(d, Unit::Day),
        (d, 0) => n(d, Unit::Day),
        (d, h) => format!("{} {}", n(d, Unit::Day), n(h, Unit::Hour)),
    }
}

/// How long from `now` until `at`, as a countdown reads it: `duration_label` for under a
/// week ("4 d 22 h", "35 min"); from a week on, whole days ("12 d"), counted on the wall
/// clock of `tz` so that a change of clocks does not shift them by an hour.
///
/// Under a week the hours are said: "4 d left" for 4 days 22 hours made a restriction
/// (direct sun) sound a day shorter than it is, and "5 d" would claim more than remains.
///
/// A countdown never claims more time than remains: days and hours are rounded down, so 6
/// days 15 hours before "until Fri 27 Nov 10:00" reads "6 d 15 h", never the 7 dates to that
/// Friday (`calendar_days` counts dates where a day is meant).
pub fn countdown_label<Tz: TimeZone>(
    now: DateTime<FixedOffset>,
    at: DateTime<FixedOffset>,
    tz: &Tz,
) -> String {
    countdown_in(now, at, tz, Wording::Short)
}

/// Countdowns shorter than this many days say their hours too (`countdown_label`).
const EXACT_UNDER_DAYS: i64 = 7;

/// `countdown_label` worded as `wording` says: "2 days 5 hours", "12 days".
pub fn countdown_in<Tz: TimeZone>(
    now: DateTime<FixedOffset>,
    at: DateTime<FixedOffset>,
    tz: &Tz,
    wording: Wording,
) -> String {
    let left = at - now;
    if left < Duration::days(EXACT_UNDER_DAYS) {
        // Elapsed days and hours, rounded down ("4 d 22 h"): `duration_in` says whole days
        // from three on, which is right for "ago" but not for what is left.
        return days_hours_minutes(left, wording, EXACT_UNDER_DAYS);
    }
    wording.count(whole_days(now, at, tz), Unit::Day)
}

/// Whole days from `now` until `at`, rounded down: by the wall clock of `tz` (Fri 10:00 to
/// Tue 10:00 is 4 days across a change of clocks), and never more than the elapsed time
/// holds (the spring-forward day's missing hour is not claimed).
fn whole_days<Tz: TimeZone>(now: DateTime<FixedOffset>, at: DateTime<FixedOffset>, tz: &Tz) -> i64 {
    let wall = |t: DateTime<FixedOffset>| t.with_timezone(tz).naive_local();
    let on_the_wall = (wall(at) - wall(now)).num_days();
    on_the_wall.min((at - now).num_days()).max(0)
}

/// How many local calendar days (dates in `tz`) `at` is after `now`: 1 for any time tomorrow.
pub fn calendar_days<Tz: TimeZone>(
    now: DateTime<FixedOffset>,
    at: DateTime<FixedOffset>,
    tz: &Tz,
) -> i64 {
    let date = |t: DateTime<FixedOffset>| t.with_timezone(tz).date_naive();
    (date(at) - date(now)).num_days()
}

/// A moment as a person near `now` reads it: "14:00" today, "Sun 14:00" within three days,
/// "Sun 3 Jan 14:00" further away. Six days off, a weekday alone names the same weekday as
/// yesterday (or tomorrow): on Saturday, "until Fri 14:00" read as the Friday just gone; and
/// five days off, "until Sun 17:30" seen on a Tuesday read as the Sunday just gone (both
/// walk-throughs). So from four days on the date is said (`WEEKDAY_ALONE`).
pub fn clock_label<Tz: TimeZone>(
    at: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
    tz: &Tz,
) -> String {
    clock_label_on(at, now.with_timezone(tz).date_naive(), tz)
}

/// A moment as `clock_label` says it, read from the local date `shown` (the day a screen
/// shows, which need not be today): on Sun 29 Nov's view, Mon 10:00 is "Mon 10:00", never
/// "10:00", whatever today is.
pub fn clock_label_on<Tz: TimeZone>(
    at: DateTime<FixedOffset>,
    shown: chrono::NaiveDate,
    tz: &Tz,
) -> String {
    let at = at.with_timezone(tz).fixed_offset();
    let days_apart = (at.date_naive() - shown).num_days();
    // Written field by field: a format string is parsed again on every call, and this runs
    // for every task of a day each time its checklist is built.
    let (weekday, hour, minute) = (at.weekday(), at.hour(), at.minute());
    if days_apart == 0 {
        format!("{hour:02}:{minute:02}")
    } else if WEEKDAY_ALONE.contains(&days_apart) {
        format!("{weekday} {hour:02}:{minute:02}")
    } else {
        let month = MONTHS[at.month0() as usize % 12];
        format!("{weekday} {} {month} {hour:02}:{minute:02}", at.day())
    }
}

/// The local date a window ending at `at` closes with, when `at` is a local midnight (as
/// every `until_day` end is): such an end is the end of the day before, and "until Fri 00:00"
/// reads as "Friday included" to some and "Thursday night" to others. `None` for any other
/// time of day.
pub fn day_ended_by(at: DateTime<FixedOffset>) -> Option<chrono::NaiveDate> {
    let midnight = at.hour() == 0 && at.minute() == 0 && at.second() == 0;
    midnight.then(|| at.date_naive().pred_opt()).flatten()
}

/// The end of a window as a person near `now` reads it, after "until" or "by": as
/// `clock_label` ("14:00", "Sun 14:00", "Sun 3 Jan 14:00"), or at a day boundary (a local
/// midnight) the day it closes: "the end of today", "the end of Thu", "the end of Thu 3 Dec".
pub fn end_label<Tz: TimeZone>(
    at: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
    tz: &Tz,
) -> String {
    let today = now.with_timezone(tz).date_naive();
    end_label_on(at, today, today, tz)
}

/// The end of a window as `end_label` says it, read from the local date `shown` (the day a
/// screen shows) when today is `today`: on another day than today, a window closing with the
/// shown day ends at "the end of the day", not "of today".
pub fn end_label_on<Tz: TimeZone>(
    at: DateTime<FixedOffset>,
    shown: chrono::NaiveDate,
    today: chrono::NaiveDate,
    tz: &Tz,
) -> String {
    let local = at.with_timezone(tz).fixed_offset();
    // A weekday alone is read from today as well as from the day shown: on Day 3 looked at
    // ahead on Sat 28 Nov, "until Sat 10:00" read as today's (it was Sat 5 Dec); and a day
    // gone by is dated: on a Tuesday, "until Mon 10:00" read as the coming Monday.
    let from_today =
        |date: chrono::NaiveDate| AHEAD_BY_WEEKDAY.contains(&(date - today).num_days());
    let Some(last) = day_ended_by(local) else {
        let date = local.date_naive();
        if date != shown && !from_today(date) {
            return crate::dates::short_moment(local);
        }
        return clock_label_on(at, shown, tz);
    };
    let weekday = last.weekday();
    match (last - shown).num_days() {
        0 if shown == today => "the end of today".to_string(),
        0 => "the end of the day".to_string(),
        d if WEEKDAY_ALONE.contains(&d) && from_today(last) => format!("the end of {weekday}"),
        _ => {
            let month = MONTHS[last.month0() as usize % 12];
            format!("the end of {weekday} {} {month}", last.day())
        }
    }
}

/// How many days from the day shown a weekday alone names a day without doubt: up to three
/// either way (six days off shares its name with yesterday or tomorrow, and five days off
/// was read as a day gone by).
const WEEKDAY_ALONE: std::ops::RangeInclusive<i64> = -3..=3;

/// Which days from today a weekday alone names: today and the next three. "Until Mon" is
/// read forward, so a Monday gone by is never named by its weekday alone.
const AHEAD_BY_WEEKDAY: std::ops::RangeInclusive<i64> = 0..=3;

/// As `%b` writes them.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

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
