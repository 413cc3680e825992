//! Which alerts a day's check-in sets off: the plan's own, and a rating of 5 (severe) on any
//! symptom on any day, which always alerts whatever the plan says.

use super::Plan;
use crate::rules::{Alert, MAX_RATING, Urgency};
use crate::store::Session;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

/// An alert set off by a reading, with the readings that did it.
#[derive(Debug, Clone, PartialEq)]
pub struct Firing<'r> {
    /// The plan's alert, or `None` for a severe rating the plan has no alert for.
    pub alert: Option<&'r Alert>,
    /// The symptom's id, as the check-in saved it.
    pub symptom: String,
    pub rating: u8,
    /// The same symptom's rating at the check-in before, for `rising` alerts.
    pub previous: Option<u8>,
    /// The date of `previous` when it is older than the day before: a rise from a rating
    /// weeks old is said with its date ("up from 1 on Sat 5 Dec").
    pub previous_on: Option<NaiveDate>,
    pub urgency: Urgency,
}

impl<'r, Tz: TimeZone> Plan<'r, Tz> {
    /// The alerts the check-in of `date` sets off, most urgent first (the plan's order within
    /// a tier); none when there is no check-in that day. A plan's alert fires for a rating
    /// given inside its window (`CheckIn::rated_at`), or, where the rating's time is not
    /// known, on a day the window overlaps.
    ///
    /// A rating of `MAX_RATING` on any symptom always alerts with `Urgency::Call`, on any day
    /// and whether or not the plan has an alert for it, in place of the plan's alerts for that
    /// symptom, unless one of them fired at `Urgency::Emergency`. Those severe firings come in
    /// the plan's symptom order (`journal::alerts_on` makes them one alert). Each symptom sets
    /// off one alert at most: the first of its most urgent tier.
    pub fn alerts_on(&self, session: &Session, date: NaiveDate) -> Vec<Firing<'r>> {
        let Some(checkin) = session.checkins.get(&date) else {
            return Vec::new();
        };
        let day = self.day_bounds(date);
        let previous_of = |symptom: &str| {
            session
                .checkins
                .range(..date)
                .rev()
                .find_map(|(on, c)| c.ratings.get(symptom).map(|r| (*r, *on)))
        };
        let long_ago = |on: NaiveDate| (Some(on) < date.pred_opt()).then_some(on);
        let mut fired: Vec<Firing<'r>> = self
            .rules()
            .alerts
            .iter()
            .filter_map(|alert| {
                let rating = *checkin.ratings.get(&alert.symptom)?;
                // A rating whose time is known counts inside the alert's window only: "after
                // 2 days" (from 48 h) had fired at 35 h, on a Day 3 that the window reaches
                // only in its evening. One without (rated afterwards, or saved before times
                // were kept) counts for its whole day.
                let (from, until) = self.span(alert);
                let inside = match checkin.rated_at.get(&alert.symptom) {
                    Some(at) => from <= *at && *at < until,
                    None => from < day.1 && until > day.0,
                };
                if !inside {
                    return None;
                }
                let before = previous_of(&alert.symptom);
                let previous = before.map(|(p, _)| p);
                let high = alert.at_least.is_some_and(|n| rating >= n);
                let rising = alert.rising && previous.is_some_and(|p| rating > p);
                (high || rising).then(|| Firing {
                    alert: Some(alert),
                    symptom: alert.symptom.clone(),
                    rating,
                    previous,
                    previous_on: before.and_then(|(_, on)| long_ago(on)),
                    urgency: alert.urgency(),
                })
            })
            .collect();
        // The plan's symptom order (then any id the plan no longer lists), so one severe alert
        // names them as every other screen lists them.
        let rated: Vec<&str> = checkin.ratings.keys().map(String::as_str).collect();
        for symptom in self.rules().in_symptom_order(&rated) {
            let Some(&rating) = checkin.ratings.get(symptom) else {
                continue;
            };
            // A 5 is said in the one severe alert, with every other symptom rated 5: one
            // block that says what to do, not an alert per symptom each saying it again.
            // Only an emergency alert of the plan for the symptom says more.
            let covered = fired
                .iter()
                .any(|f| f.symptom == symptom && f.urgency == Urgency::Emergency);
            if rating >= MAX_RATING && !covered {
                fired.retain(|f| f.symptom != symptom);
                let before = previous_of(symptom);
                fired.push(Firing {
                    alert: None,
                    symptom: symptom.to_string(),
                    rating,
                    previous: before.map(|(p, _)| p),
                    previous_on: before.and_then(|(_, on)| long_ago(on)),
                    urgency: Urgency::Call,
                });
            }
        }
        fired.sort_by_key(|f| f.urgency);
        // One alert per symptom, its most urgent (the plan's order within a tier): swelling
        // that is both strong and rising is one "call your clinic", not two.
        let mut said: Vec<String> = Vec::new();
        fired.retain(|f| {
            let first = !said.contains(&f.symptom);
            said.push(f.symptom.clone());
            first
        });
        fired
    }

    /// The plan's alerts of the emergency and call tiers that the check-in of `date` would
    /// set off at `now` but did not when it was given: a rating whose time is kept, given
    /// before the alert's window opened, with `now` inside the window ("Strong redness after
    /// 2 days", from 48 h, rated at 35 h and seen at 49 h). Thresholds only (`at_least`): a
    /// rise was a rise when it was rated. A 5 is the severe alert's. One per symptom, the
    /// first in the plan's order.
    pub fn pending_on(
        &self,
        session: &Session,
        date: NaiveDate,
        now: DateTime<FixedOffset>,
    ) -> Vec<Firing<'r>> {
        let Some(checkin) = session.checkins.get(&date) else {
            return Vec::new();
        };
        let mut fired: Vec<Firing<'r>> = Vec::new();
        for alert in &self.rules().alerts {
            let urgency = alert.urgency();
            let (Some(at_least), Some(&rating), Some(&at)) = (
                alert.at_least,
                checkin.ratings.get(&alert.symptom),
                checkin.rated_at.get(&alert.symptom),
            ) else {
                continue;
            };
            let (from, until) = self.span(alert);
            let pending = urgency != Urgency::Mention
                && (at_least..MAX_RATING).contains(&rating)
                && at < from
                && from <= now
                && now < until;
            if pending && !fired.iter().any(|f| f.symptom == alert.symptom) {
                fired.push(Firing {
                    alert: Some(alert),
                    symptom: alert.symptom.clone(),
                    rating,
                    previous: None,
                    previous_on: None,
                    urgency,
                });
            }
        }
        fired.sort_by_key(|f| f.urgency);
        fired
    }
}
