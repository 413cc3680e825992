//! A series of treatments: each session's adherence and symptoms side by side, and the
//! countdown to the next one.
//!
//! A session's recovery is counted up to today, or up to the day before the next session
//! began (the newer one takes over the checklist then), whichever is first.

use crate::plan::Plan;
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

impl SessionSummary {
    /// The plan days it covers so far, as the history says them: "1–43", "1–12 so far", or
    /// "not begun" for a session recorded ahead ("1–1 so far" read as begun).
    pub fn days_words(&self) -> String {
        if self.recorded_to_day < 1 {
            return "not begun".to_string();
        }
        let until = if self.complete || self.followed_by_next {
            ""
        } else {
            " so far"
        };
        format!("1–{}{until}", self.recorded_to_day)
    }
}

mod next;
pub use next::{
    closed_window, next_session_in, next_session_label, next_treatment_label, next_treatment_today,
    session_possible_row,
};

#[cfg(test)]
mod tests;
