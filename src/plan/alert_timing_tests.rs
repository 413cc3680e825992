//! When a check-in's rating falls inside an alert's window: by the time it was given where
//! that is known (`CheckIn::rated_at`), else by its day. Two walkers of round 10, treated at
//! 20:30 and 16:45, were told "Strong redness after 2 days — call your clinic today" at 28,
//! 35 and 40 hours, because Day 3 overlaps the window from 48 h in its evening.

use super::Plan;
use crate::rules::Rules;
use crate::store::{CheckIn, Session};
use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Europe::Berlin;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// The built-in plan's alerts set off by `symptom` rated `rating` on the local date of
/// `rated` (RFC 3339), with its time kept or not.
fn fired(treated: &str, symptom: &str, rating: u8, rated: &str, timed: bool) -> Vec<String> {
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at(treated), Berlin);
    let date: NaiveDate = plan.local_date(at(rated));
    let mut checkin = CheckIn::default();
    checkin.ratings.insert(symptom.into(), rating);
    if timed {
        checkin.rated_at.insert(symptom.into(), at(rated));
    }
    let mut session = Session::new(at(treated));
    session.checkins.insert(date, checkin);
    plan.alerts_on(&session, date)
        .into_iter()
        .filter_map(|f| f.alert.map(|a| a.id.clone()))
        .collect()
}

#[test]
fn a_timed_rating_sets_off_an_alert_only_inside_its_window() {
    const LATE: &str = "2026-12-12T20:30:00+01:00"; // Sat 20:30: Day 3 is Mon 14 Dec.
    const AFTER_2_DAYS: &[&str] = &["redness-after-two-days"];
    let none: &[&str] = &[];
    let cases: [(&str, &str, bool, &[&str]); 7] = [
        // 28 h and 35.5 h: Day 3, but not yet two days.
        (
            "at 00:30 on Day 3 (28 h)",
            "2026-12-14T00:30:00+01:00",
            true,
            none,
        ),
        (
            "at 08:00 on Day 3 (35.5 h)",
            "2026-12-14T08:00:00+01:00",
            true,
            none,
        ),
        (
            "a minute before 48 h",
            "2026-12-14T20:29:00+01:00",
            true,
            none,
        ),
        (
            "at 48 h exactly",
            "2026-12-14T20:30:00+01:00",
            true,
            AFTER_2_DAYS,
        ),
        (
            "at 22:00 on Day 3 (49.5 h)",
            "2026-12-14T22:00:00+01:00",
            true,
            AFTER_2_DAYS,
        ),
        // Rated afterwards for its day (no time): the day overlaps the window, as before.
        (
            "Day 3 with no time",
            "2026-12-14T08:00:00+01:00",
            false,
            AFTER_2_DAYS,
        ),
        // The window closes at 168 h: a week later "after a week" takes over.
        (
            "at 168 h",
            "2026-12-19T20:30:00+01:00",
            true,
            &["redness-after-a-week"],
        ),
    ];
    for (what, rated, timed, want) in cases {
        assert_eq!(fired(LATE, "redness", 4, rated, timed), want, "{what}");
    }
}

#[test]
fn the_window_is_counted_in_real_hours_across_a_clock_change() {
    // Sat 28 Mar 2026 20:30 CET; the clocks go forward on Sunday, so 48 h later is Monday
    // 21:30 CEST on the wall clock, not 20:30.
    const TREATED: &str = "2026-03-28T20:30:00+01:00";
    let tender = |rated| fired(TREATED, "discomfort", 3, rated, true);
    assert!(tender("2026-03-30T21:00:00+02:00").is_empty(), "47.5 h");
    assert_eq!(
        tender("2026-03-30T21:30:00+02:00"),
        ["tender-after-two-days"]
    );
}

#[test]
fn a_time_past_midnight_belongs_to_its_own_day() {
    // Treated Fri 20 Nov 14:00: rated at 00:10 on Day 3 (34 h), swelling 3 is not yet two
    // days; rated on Day 3 at 14:00 it is.
    const TREATED: &str = "2026-11-20T14:00:00+01:00";
    let swelling = |rated| fired(TREATED, "swelling", 3, rated, true);
    assert!(swelling("2026-11-22T00:10:00+01:00").is_empty());
    assert_eq!(
        swelling("2026-11-22T14:00:00+01:00"),
        ["swelling-after-two-days"]
    );
}
