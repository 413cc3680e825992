//! Moments and window ends as a person reads them from a day: "14:00", "Sun 14:00",
//! "Sun 3 Jan 14:00", "the end of Thu".

use chrono::{DateTime, Datelike, FixedOffset, TimeZone, Timelike};

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
