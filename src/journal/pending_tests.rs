//! A rating given before an alert's window opened is said once the window is open, while it
//! is still the symptom's latest (`Plan::pending_on`, `carried_calls`). Walker R of round 11,
//! treated Thu 25 Mar 2027 at 18:30 in Berlin, rated redness 4, swelling 3 and tenderness 3
//! at 08:00 on Day 3 (35.5 h): no alert then, rightly, but none that evening or the next day
//! either, and the plan said makeup and workouts were fine again.

use super::{AlertLine, alerts_on};
use crate::plan::Plan;
use crate::rules::Rules;
use crate::store::{CheckIn, Session};
use chrono::{DateTime, FixedOffset};
use chrono_tz::Europe::Berlin;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

const TREATED: &str = "2027-03-25T18:30:00+01:00";

/// A check-in of `ratings`, each given at `when`, filed on its local day.
fn rate(session: &mut Session, plan: &Plan<'_, chrono_tz::Tz>, when: &str, ratings: &[(&str, u8)]) {
    let date = plan.local_date(at(when));
    let checkin: &mut CheckIn = session.checkins.entry(date).or_default();
    for (id, rating) in ratings {
        checkin.ratings.insert((*id).into(), *rating);
        checkin.rated_at.insert((*id).into(), at(when));
    }
}

fn titles(alerts: &[AlertLine]) -> Vec<&str> {
    alerts.iter().map(|a| a.title.as_str()).collect()
}

#[test]
fn a_morning_rating_is_said_once_its_window_opens_and_the_next_day() {
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at(TREATED), Berlin);
    let mut session = Session::new(at(TREATED));
    let morning = "2027-03-27T08:00:00+01:00";
    rate(
        &mut session,
        &plan,
        morning,
        &[("redness", 4), ("swelling", 3), ("discomfort", 3)],
    );
    let saturday = plan.local_date(at(morning));
    let seen = |session: &Session, now: &str| {
        let now = at(now);
        alerts_on(&plan, session, plan.local_date(now), now)
    };
    // At 35.5 h: not yet two days.
    assert!(seen(&session, "2027-03-27T08:05:00+01:00").is_empty());
    assert!(seen(&session, "2027-03-27T18:29:00+01:00").is_empty());
    // From 48 h (18:30), said as rated earlier today, with the carried alert's condition.
    let evening = seen(&session, "2027-03-27T18:30:00+01:00");
    assert_eq!(
        titles(&evening),
        [
            "Strong redness after 2 days; strong swelling after 2 days; still tender after 2 \
          days, rated today at 08:00"
        ]
    );
    assert!(
        evening[0]
            .message
            .starts_with("If redness or swelling or tenderness is still as strong or worse, call your clinic today."),
        "{}",
        evening[0].message
    );
    assert_eq!(evening[0].rated_on, Some(saturday));
    // The next morning, after the clocks went forward: rated yesterday.
    let sunday = seen(&session, "2027-03-28T09:00:00+02:00");
    assert_eq!(
        titles(&sunday),
        [
            "Strong redness after 2 days; strong swelling after 2 days; still tender after 2 \
          days, rated yesterday (Sat 27 Mar)"
        ]
    );
    // Swelling rated again, lower: it is no longer said; the others still are.
    rate(
        &mut session,
        &plan,
        "2027-03-28T09:05:00+02:00",
        &[("swelling", 1)],
    );
    let after = seen(&session, "2027-03-28T09:10:00+02:00");
    assert_eq!(
        titles(&after),
        ["Strong redness after 2 days; still tender after 2 days, rated yesterday (Sat 27 Mar)"]
    );
}

#[test]
fn a_rating_inside_its_window_is_the_days_own_alert_not_a_pending_one() {
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at(TREATED), Berlin);
    let mut session = Session::new(at(TREATED));
    rate(
        &mut session,
        &plan,
        "2027-03-27T19:00:00+01:00",
        &[("redness", 4)],
    );
    let now = at("2027-03-27T19:05:00+01:00");
    let alerts = alerts_on(&plan, &session, plan.local_date(now), now);
    assert_eq!(titles(&alerts), ["Strong redness after 2 days"]);
    assert_eq!(alerts[0].rated_on, None);
}
