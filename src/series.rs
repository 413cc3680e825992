//! A series of treatments: each session's adherence and symptoms side by side, and the
//! countdown to the next one.
//!
//! A session's recovery is counted up to today, or up to the day before the next session
//! began (the newer one takes over the checklist then), whichever is first.

use crate::dates::date_near;
use crate::plan::{Plan, Wording, calendar_days, countdown_in, day_ended_by};
use crate::progress::Progress;
use crate::rules::Rules;
use crate::store::{Session, State};
use chrono::{DateTime, FixedOffset, TimeZone};
use serde::Serialize;

/// A rating and the plan day it was given on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reading {
    pub rating: u8,
    pub day: i64,
}

/// One symptom over a session: the worst and the latest reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SymptomSummary {
    pub id: String,
    pub title: String,
    pub peak: Option<Reading>,
    pub last: Option<Reading>,
}

/// One session of the series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionSummary {
    /// 1 for the first treatment.
    pub number: usize,
    pub treatment: DateTime<FixedOffset>,
    /// The plan day counted up to (see the module docs).
    pub counted_to_day: i64,
    /// The last plan day shown: `counted_to_day`, or a later day's check-in after the
    /// plan's last day (Day 60 of a 43-day plan).
    pub recorded_to_day: i64,
    /// Whether the whole plan is behind it ...
    pub complete: bool,
    /// ... or the next treatment has taken over.
    pub followed_by_next: bool,
    pub done: usize,
    pub due: usize,
    /// `done` of `due` as a whole percentage, rounded down; `None` before anything was due.
    pub adherence_percent: Option<u32>,
    /// Fully done days in a row at the end ...
    pub streak: usize,
    /// ... and the longest such run.
    pub best_streak: usize,
    pub checkins: usize,
    /// Check-ins that set off an alert.
    pub alert_days: usize,
    pub symptoms: Vec<SymptomSummary>,
    /// Photos kept of this treatment (how many; never the photos themselves).
    pub photos: usize,
}

/// Every session of `state`, earliest first, as of `now`, each with the plan `rules`.
pub fn history<Tz: TimeZone>(
    rules: &Rules,
    state: &State,
    tz: &Tz,
    now: DateTime<FixedOffset>,
) -> Vec<SessionSummary> {
    history_by(|_| rules, state, tz, now)
}

/// `history`, each session counted with its own plan (`plan_of` its index in
/// `state.sessions`): a series may change plans between treatments (`rules use`).
pub fn history_by<'r, Tz: TimeZone>(
    plan_of: impl Fn(usize) -> &'r Rules,
    state: &State,
    tz: &Tz,
    now: DateTime<FixedOffset>,
) -> Vec<SessionSummary> {
    state
        .sessions
        .iter()
        .enumerate()
        .map(|(i, session)| {
            let next = state.sessions.get(i + 1).map(|s| s.at);
            summarize(plan_of(i), session, i + 1, next, tz, now)
        })
        .collect()
}

fn summarize<Tz: TimeZone>(
    rules: &Rules,
    session: &Session,
    number: usize,
    next: Option<DateTime<FixedOffset>>,
    tz: &Tz,
    now: DateTime<FixedOffset>,
) -> SessionSummary {
    let plan = Plan::new(rules, session.at, tz.clone());
    let mut until = plan.day_of(now).min(plan.last_day());
    let next = next.filter(|n| *n <= now);
    if let Some(next) = next {
        until = until.min(plan.day_of(next) - 1);
    }
    let progress = Progress::up_to(&plan, Some(session), now, until);
    // Check-ins count up to today (or the day before the next treatment), after the plan's
    // last day too: a patient still rates lasting redness on Day 60.
    let mut checkins_until = plan.day_of(now);
    if let Some(next) = next {
        checkins_until = checkins_until.min(plan.day_of(next) - 1);
    }
    let checkins: Vec<_> = session
        .checkins
        .range(..=plan.date_of(checkins_until))
        .collect();
    let recorded_to_day = checkins
        .last()
        .map_or(until, |(date, _)| until.max(plan.day_of_date(**date)));
    let symptoms = rules
        .symptoms
        .iter()
        .map(|symptom| {
            let readings = checkins.iter().filter_map(|(date, c)| {
                let rating = *c.ratings.get(&symptom.id)?;
                Some(Reading {
                    rating,
                    day: plan.day_of_date(**date),
                })
            });
            // The first day of the highest rating: when it peaked.
            let peak = readings
                .clone()
                .reduce(|best, r| if r.rating > best.rating { r } else { best });
            SymptomSummary {
                id: symptom.id.clone(),
                title: symptom.title.clone(),
                peak,
                last: readings.last(),
            }
        })
        .collect();
    let alert_days = checkins
        .iter()
        .filter(|(date, _)| !plan.alerts_on(session, **date).is_empty())
        .count();
    SessionSummary {
        number,
        treatment: plan.local(session.at),
        counted_to_day: until,
        recorded_to_day,
        complete: until >= plan.last_day(),
        followed_by_next: next.is_some(),
        done: progress.done,
        due: progress.due,
        adherence_percent: progress.percent(),
        streak: progress.streak,
        best_streak: progress.best_streak,
        checkins: checkins.len(),
        alert_days,
        symptoms,
        photos: session.photos.values().map(Vec::len).sum(),
    }
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
        // row gives (`countdown_in`: days and hours under a week), so the header and the
        // row never disagree ("in 7 d" above "session possible in 6 d 13 h").
        let words = match calendar_days(now, from, plan.tz()) {
            0 => format!(
                "possible later today (from {})",
                crate::dates::clock(plan.local(from))
            ),
            1 => format!("possible tomorrow ({})", date(from)),
            _ => format!(
                "possible in {} (from {})",
                countdown_in(now, from, plan.tz(), wording),
                date(from)
            ),
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
    let today = plan.local_date(now);
    let date = date_near(plan.local_date(opens), today);
    match calendar_days(now, opens, plan.tz()) {
        0 => format!(
            "session possible in {} · from {}",
            countdown_in(now, opens, plan.tz(), wording),
            crate::dates::clock(plan.local(opens))
        ),
        1 => format!("session possible tomorrow · {date}"),
        _ => format!(
            "session possible in {} · from {date}",
            countdown_in(now, opens, plan.tz(), wording)
        ),
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

#[cfg(test)]
mod tests;
