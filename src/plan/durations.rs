//! How long things last and how long is left: "5 h 20 min", "4 d 22 h", "12 days".
//! Counted down on the wall clock of the plan's zone, and never more than remains.

use chrono::{DateTime, Duration, FixedOffset, TimeZone};

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
