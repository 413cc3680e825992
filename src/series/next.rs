//! When the next session and the next treatment are, in the words the header, `today`
//! and the checklist's booking row say them: one countdown for all, counted in calendar
//! days as plan days are.

use crate::dates::date_near;
use crate::plan::{Plan, Wording, calendar_days, countdown_in, day_ended_by};
use chrono::{DateTime, FixedOffset, TimeZone};

/// The next-session window's first and last local dates once it has closed at `now`;
/// `None` while it is open or when the rules give none. Its end is exclusive: the last day
/// is the one before the closing midnight.
pub fn closed_window<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    now: DateTime<FixedOffset>,
) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    let (from, until) = plan.span(plan.rules().next_session.as_ref()?);
    let last = plan.local_date(until - chrono::Duration::seconds(1));
    (now >= until).then(|| (plan.local_date(from), last))
}

/// Where the next treatment of the series stands: "next session possible in 25 d (from Fri 18 Dec)",
/// "next session due now (until Fri 1 Jan)". `None` when the rules give no window, or the
/// window has closed. Short, for the terminal's header.
pub fn next_session_label<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    now: DateTime<FixedOffset>,
    booked: bool,
) -> Option<String> {
    next_session_in(plan, now, Wording::Short, booked)
}

/// `next_session_label` worded as `wording` says: "next session possible in 25 days (from Fri 18
/// Dec)" in plain command-line text. Once `booked` (its task ticked), the window is the
/// appointment's, not a deadline: "next session booked (window until Sat 9 Jan)".
pub fn next_session_in<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    now: DateTime<FixedOffset>,
    wording: Wording,
    booked: bool,
) -> Option<String> {
    let window = plan.rules().next_session.as_ref()?;
    let (from, until) = plan.span(window);
    // A window in another year than today's says its year.
    let today = plan.local_date(now);
    let date = |t: DateTime<FixedOffset>| date_near(plan.local_date(t), today);
    if booked && now < until {
        // "Due now" read as "you should be there now" after booking (walk-through).
        let window = match now < from {
            true => format!("window from {}", date(from)),
            false => format!("window until {}", date(until)),
        };
        return Some(format!("next session booked ({window})"));
    }
    if now < from {
        // Today and tomorrow by the calendar; further off, the same countdown the booking
        // row gives (`Opens::at`), so the header and the row never disagree ("in 7 d" above
        // "session possible in 6 d 13 h").
        let words = match Opens::at(plan, now, from, wording) {
            Opens::Today { clock, .. } => format!("possible later today (from {clock})"),
            Opens::Tomorrow { date } => format!("possible tomorrow ({date})"),
            Opens::Later { countdown, date } => format!("possible in {countdown} (from {date})"),
        };
        Some(format!("next session {words}"))
    } else if now < until {
        // A window closing at a day boundary closes with the day before.
        let last = match day_ended_by(plan.local(until)) {
            Some(last) => format!("through {}", date_near(last, today)),
            None => format!("until {}", date(until)),
        };
        Some(format!("next session due now ({last})"))
    } else {
        None
    }
}

/// The booking row's words while the next session's window is still ahead, opening at
/// `opens`: "session possible in 1 h · from 10:00" on its day, "session possible tomorrow
/// · Sat 26 Dec", "session possible in 4 d 1 h · from Sat 26 Dec" further off. Only on its
/// own day is the hour said: "from Sat 10:00" read as an appointment time (walk-through).
pub fn session_possible_row<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    now: DateTime<FixedOffset>,
    opens: DateTime<FixedOffset>,
    wording: Wording,
) -> String {
    match Opens::at(plan, now, opens, wording) {
        Opens::Today { countdown, clock } => {
            format!("session possible in {countdown} · from {clock}")
        }
        Opens::Tomorrow { date } => format!("session possible tomorrow · {date}"),
        Opens::Later { countdown, date } => {
            format!("session possible in {countdown} · from {date}")
        }
    }
}

/// When the next session's window opens, still ahead, by the calendar: later today,
/// tomorrow, or further off. The one answer `next_session_in` and `session_possible_row`
/// word, each in its own place.
enum Opens {
    /// On today's date: the countdown ("1 h", `countdown_in`) and the hour ("10:00").
    Today { countdown: String, clock: String },
    /// On tomorrow's date ("Sat 26 Dec", with its year when another year's).
    Tomorrow { date: String },
    /// Two or more calendar days off: the countdown ("4 d 1 h", days and hours under a
    /// week) and the date.
    Later { countdown: String, date: String },
}

impl Opens {
    /// How `opens` stands from `now` in `plan`'s zone; counted as `wording` says.
    fn at<Tz: TimeZone>(
        plan: &Plan<'_, Tz>,
        now: DateTime<FixedOffset>,
        opens: DateTime<FixedOffset>,
        wording: Wording,
    ) -> Opens {
        let countdown = || countdown_in(now, opens, plan.tz(), wording);
        let date = date_near(plan.local_date(opens), plan.local_date(now));
        match calendar_days(now, opens, plan.tz()) {
            0 => Opens::Today {
                countdown: countdown(),
                clock: crate::dates::clock(plan.local(opens)),
            },
            1 => Opens::Tomorrow { date },
            _ => Opens::Later {
                countdown: countdown(),
                date,
            },
        }
    }
}

/// The next treatment, recorded ahead, as the header names it: "next treatment today at
/// 11:00 (in 2 h)", "next treatment tomorrow at 11:00 (Sat 2 Jan)", "next treatment in 3
/// days (Sat 2 Jan 11:00)", counted in calendar days as plan days are. `plan` is that
/// treatment's; `None` once it has begun (it is then the treatment in force).
pub fn next_treatment_label<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    now: DateTime<FixedOffset>,
) -> Option<String> {
    let at = plan.treatment();
    if now >= at {
        return None;
    }
    let local = plan.local(at);
    let clock = crate::dates::clock(local);
    let today = plan.local_date(now);
    let words = match calendar_days(now, at, plan.tz()) {
        0 => format!(
            "today at {clock} (in {})",
            crate::plan::duration_label(at - now)
        ),
        1 => format!(
            "tomorrow at {clock} ({})",
            date_near(local.date_naive(), today)
        ),
        n => format!("in {n} days ({})", crate::dates::moment_near(local, today)),
    };
    Some(format!("next treatment {words}"))
}

/// The next treatment when it is today, in words that stand alone where the header has no
/// room beside them for when the last treatment was: "Next treatment today at 11:00, in 2 h".
pub fn next_treatment_today<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    now: DateTime<FixedOffset>,
) -> Option<String> {
    let at = plan.treatment();
    (now < at && calendar_days(now, at, plan.tz()) == 0).then(|| {
        format!(
            "Next treatment today at {}, in {}",
            crate::dates::clock(plan.local(at)),
            crate::plan::duration_label(at - now)
        )
    })
}
