//! A rating well above the plan's usual course that sets off no alert. Swelling 4 on Day 2
//! (usually about 1) was met with silence: no alert fires before 48 hours, and the chart's
//! "usual ~1" was the only trace (walk-through). It is said, with what to do: look at the
//! warning signs, and call today if one fits.

use super::{AlertLine, expected_on, short_name};
use crate::plan::Plan;
use crate::rules::MAX_RATING;
use crate::store::Session;
use chrono::{NaiveDate, TimeZone};
use serde::Serialize;

/// How far above the usual course (0–5 steps) a rating must be to be said.
pub const ABOVE_BY: f64 = 2.0;

/// The least rating said: a 2 above a usual 0 is mild, and worth no word.
pub const AT_LEAST: u8 = 3;

/// One symptom rated well above its usual course on a day, with no alert of its own.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AboveUsual {
    /// The symptom's id, as the check-in saved it.
    pub symptom: String,
    /// The symptom's short name, lower-cased to sit inside a sentence ("swelling",
    /// "tenderness" for "Tenderness or discomfort").
    pub name: String,
    pub rating: u8,
    /// The usual rating on that day (at local noon), rounded: 0–5.
    pub usual: u8,
}

/// The ratings of `date`'s check-in at least `AT_LEAST` and `ABOVE_BY` above the plan's
/// usual course for that day, in the plan's order; none for a symptom one of `alerts` (the
/// day's own, not carried) is about, nor for a 5, which always sets off the severe alert.
pub fn above_usual_on<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    session: &Session,
    date: NaiveDate,
    alerts: &[AlertLine],
) -> Vec<AboveUsual> {
    let Some(checkin) = session.checkins.get(&date) else {
        return Vec::new();
    };
    let day = plan.day_of_date(date);
    // Its own alerts, and one it set off later that day, once the alert's window opened
    // (`Plan::pending_on`): an alert says more than "above the usual".
    let alerted = |id: &str| {
        alerts.iter().any(|a| {
            (a.rated_on.is_none() || a.rated_on == Some(date)) && a.symptoms.iter().any(|s| s == id)
        })
    };
    plan.rules()
        .symptoms
        .iter()
        .filter_map(|symptom| {
            let rating = *checkin.ratings.get(&symptom.id)?;
            let usual = expected_on(plan, symptom, day)?;
            let said = (AT_LEAST..MAX_RATING).contains(&rating)
                && f64::from(rating) >= usual + ABOVE_BY
                && !alerted(&symptom.id);
            said.then(|| AboveUsual {
                symptom: symptom.id.clone(),
                name: short_name(&symptom.title),
                rating,
                // The course is rated 0–5, so the rounded value fits a u8.
                usual: usual.round().clamp(0.0, f64::from(MAX_RATING)) as u8,
            })
        })
        .collect()
}

/// "swelling 4 (usually about 1), tenderness 4 (usually about 1)": commas, as the words
/// are a sentence (" · " read as a list of items apart).
fn readings(items: &[AboveUsual], usual: &str) -> String {
    items
        .iter()
        .map(|a| format!("{} {} ({usual}{})", a.name, a.rating, a.usual))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The words `today` and `checkin` print: "Above the usual for Day 2: tenderness 4 (usually
/// about 1). If a warning sign fits (such as severe pain), call your clinic today; if not,
/// check in again tomorrow." It sends the patient to the warning signs rather than saying
/// the rating is none: "not a warning sign on its own" beside tenderness 4 had contradicted
/// the sign "Severe pain" (walk-through). `None` when there is nothing.
pub fn above_usual_words(items: &[AboveUsual], day: i64) -> Option<String> {
    (!items.is_empty()).then(|| {
        format!(
            "Above the usual for Day {day}: {}. If a warning sign fits (such as severe pain), \
             call your clinic today; if not, check in again tomorrow.",
            readings(items, "usually about ")
        )
    })
}

/// The one-line notice after a check-in is saved on the main screen (the key `s` shows the
/// warning signs): "Saved · call today if a warning sign fits (s) · above usual: swelling 4
/// (~1)". What to do comes first: the footer's one row cuts the end, and with two symptoms
/// it had cut the advice ("s: call today if a…", walk-through). `None` when there is
/// nothing.
pub fn above_usual_notice(items: &[AboveUsual]) -> Option<String> {
    (!items.is_empty()).then(|| {
        format!(
            "Saved · call today if a warning sign fits (s) · above usual: {}",
            readings(items, "~")
        )
    })
}

#[cfg(test)]
#[path = "above_usual_tests.rs"]
mod tests;
