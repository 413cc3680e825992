//! Table tests of the alerts a check-in sets off (`alerts.rs`): thresholds and rises inside
//! their windows, a severe rating on any day, and the built-in plan's calls.

use crate::plan::Plan;
use crate::rules::{Rules, Urgency};
use crate::store::{CheckIn, Session};
use chrono::DateTime;
use chrono_tz::Europe::Berlin;

const RULES: &str = r#"{"format":2,"name":"t","procedure":"t","disclaimer":"d",
        "rules":[{"id":"a","title":"a","kind":"do","from_hours":0,"until_hours":400,"rationale":"r","sources":[]}],
        "symptoms":[{"id":"red","title":"Redness"},{"id":"swell","title":"Swelling"}],
        "alerts":[
          {"id":"late-red","title":"Still red","symptom":"red","at_least":3,"from_hours":168,"until_hours":400,"message":"Call","sources":[]},
          {"id":"swell-up","title":"Swelling up","symptom":"swell","rising":true,"urgency":"mention","from_hours":72,"until_hours":400,"message":"Call","sources":[]},
          {"id":"red-emergency","title":"Red","symptom":"red","at_least":5,"urgency":"emergency","from_hours":480,"until_hours":600,"message":"Call 999","sources":[]}]}"#;

fn checkin(red: u8, swell: u8) -> CheckIn {
    let mut c = CheckIn::default();
    c.ratings.insert("red".into(), red);
    c.ratings.insert("swell".into(), swell);
    c
}

fn fired(ratings: &[(i64, u8, u8)], on: i64) -> Vec<(String, Urgency)> {
    let rules = Rules::parse(RULES, "t").unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    let plan = Plan::new(&rules, at, Berlin);
    let mut session = Session::new(at);
    for &(day, red, swell) in ratings {
        session
            .checkins
            .insert(plan.date_of(day), checkin(red, swell));
    }
    plan.alerts_on(&session, plan.date_of(on))
        .into_iter()
        .map(|f| {
            (
                f.alert
                    .map_or(format!("severe-{}", f.symptom), |a| a.id.clone()),
                f.urgency,
            )
        })
        .collect()
}

#[test]
fn thresholds_and_rises_fire_only_inside_their_windows() {
    let days = [(1, 4, 3), (3, 4, 1), (5, 2, 2), (8, 3, 2), (9, 1, 1)];
    assert!(fired(&days, 1).is_empty(), "red 4 on day 1 is expected");
    assert!(fired(&days, 3).is_empty(), "swelling fell");
    assert_eq!(fired(&days, 5), [("swell-up".into(), Urgency::Mention)]);
    // Day 8 starts after 168 h (treatment at 14:00 on day 1): red 3 fires.
    assert_eq!(fired(&days, 8), [("late-red".into(), Urgency::Call)]);
    assert!(fired(&days, 9).is_empty());
    assert!(fired(&days, 2).is_empty(), "no check-in, no alert");
}

#[test]
fn a_severe_rating_always_alerts_most_urgent_first() {
    let call = Urgency::Call;
    type Case<'a> = (&'a [(i64, u8, u8)], i64, Vec<(String, Urgency)>);
    let cases: [Case<'_>; 6] = [
        // Outside every window of the plan, and with no alert for swelling at all.
        (
            &[(2, 5, 5)],
            2,
            vec![("severe-red".into(), call), ("severe-swell".into(), call)],
        ),
        (
            &[(3, 5, 5)],
            3,
            vec![("severe-red".into(), call), ("severe-swell".into(), call)],
        ),
        (&[(1, 4, 4)], 1, vec![]),
        // A 5 is the severe alert's, in place of the plan's call-level alert for redness
        // and its mention-level rise of swelling: one alert per symptom.
        (
            &[(7, 1, 1), (8, 5, 5)],
            8,
            vec![("severe-red".into(), call), ("severe-swell".into(), call)],
        ),
        // Only the plan's emergency alert says more than the severe one.
        (
            &[(22, 5, 5)],
            22,
            vec![
                ("red-emergency".into(), Urgency::Emergency),
                ("severe-swell".into(), call),
            ],
        ),
        // Before the treatment day, and long after the plan ends.
        (&[(400, 0, 5)], 400, vec![("severe-swell".into(), call)]),
    ];
    for (days, on, want) in cases {
        assert_eq!(fired(days, on), want, "day {on}");
    }
}

/// The built-in plan: redness 4 a week on and long after the plan's last day (Day 43)
/// still calls the clinic, for as long as the plan's sign of lasting redness
/// (`redness-beyond-14-days`, to 2016 h: Day 85 at 14:00) applies.
#[test]
fn the_builtin_plan_alerts_on_lasting_redness_after_the_plan_ends() {
    let rules = Rules::builtin().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    let plan = Plan::new(&rules, at, Berlin);
    assert_eq!(plan.last_day(), 43);
    let cases: [(i64, &[&str]); 6] = [
        // Strong redness within the first week has its own alert (see below).
        (7, &["redness-after-two-days"]),
        (8, &["redness-after-a-week"]),
        (21, &["redness-after-a-week"]),
        (60, &["redness-after-a-week"]),
        (85, &["redness-after-a-week"]),
        (86, &[]),
    ];
    for (day, want) in cases {
        let mut session = Session::new(at);
        let mut c = CheckIn::default();
        c.ratings.insert("redness".into(), 4);
        session.checkins.insert(plan.date_of(day), c);
        let fired: Vec<(&str, Urgency)> = plan
            .alerts_on(&session, plan.date_of(day))
            .iter()
            .map(|f| (f.alert.map_or("severe", |a| a.id.as_str()), f.urgency))
            .collect();
        let want: Vec<(&str, Urgency)> = want.iter().map(|id| (*id, Urgency::Call)).collect();
        assert_eq!(fired, want, "Day {day}");
    }
    // Every symptom the plan alerts on is watched as long as its sign of lasting redness
    // is: an alert of the first days hands over to one that lasts
    // (`redness-after-two-days` to `redness-after-a-week` at 168 h).
    let sign = rules
        .warnings
        .iter()
        .find(|w| w.id == "redness-beyond-14-days")
        .unwrap();
    for alert in &rules.alerts {
        let last = rules
            .alerts
            .iter()
            .filter(|a| a.symptom == alert.symptom)
            .map(|a| a.until_hours)
            .max();
        assert!(last >= Some(sign.until_hours), "{}", alert.symptom);
        let handed_over = rules.alerts.iter().any(|a| {
            a.symptom == alert.symptom && a.from_hours <= alert.until_hours && a.id != alert.id
        });
        assert!(
            alert.until_hours >= sign.until_hours || handed_over,
            "{}",
            alert.id
        );
    }
}

/// The built-in plan on the days after the first two, when redness, swelling and
/// tenderness should have settled (s001, s004: within 24–48 h; C08: 72 h; the earlier
/// figure is taken): a strong rating calls the clinic, one alert per symptom. Treated Fri
/// 20 Nov 14:00; 48 h on is Day 3 at 14:00, so Day 3's check-in counts.
#[test]
fn the_builtin_plan_calls_on_strong_symptoms_after_two_days() {
    let rules = Rules::builtin().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    let plan = Plan::new(&rules, at, Berlin);
    type Ratings<'a> = &'a [(&'a str, u8)];
    // (the day before's ratings, the day, its ratings, the alerts)
    let cases: [(Ratings<'_>, i64, Ratings<'_>, &[&str]); 11] = [
        (&[], 2, &[("swelling", 4), ("redness", 4)], &[]),
        (&[], 3, &[("swelling", 4)], &["swelling-after-two-days"]),
        (&[], 3, &[("swelling", 2)], &[]),
        (&[], 3, &[("redness", 4)], &["redness-after-two-days"]),
        (&[], 3, &[("redness", 3)], &[]),
        (&[], 3, &[("discomfort", 3)], &["tender-after-two-days"]),
        // Strong and rising: one alert, the rise's, which says why it matters.
        (
            &[("swelling", 3)],
            4,
            &[("swelling", 4)],
            &["swelling-rising"],
        ),
        // Day 8 is in both redness windows: the week's alert, first in the file.
        (&[], 8, &[("redness", 4)], &["redness-after-a-week"]),
        // Two 5s: the severe alert for each, in the plan's symptom order.
        (
            &[],
            3,
            &[("swelling", 5), ("redness", 5)],
            &["severe", "severe"],
        ),
        (&[], 3, &[("dryness", 4)], &[]),
        (&[], 43, &[("swelling", 3)], &["swelling-after-two-days"]),
    ];
    for (before, day, ratings, want) in cases {
        let mut session = Session::new(at);
        for (d, r) in [(day - 1, before), (day, ratings)] {
            let mut c = CheckIn::default();
            for (symptom, rating) in r {
                c.ratings.insert((*symptom).into(), *rating);
            }
            if !r.is_empty() {
                session.checkins.insert(plan.date_of(d), c);
            }
        }
        let fired: Vec<&str> = plan
            .alerts_on(&session, plan.date_of(day))
            .iter()
            .map(|f| f.alert.map_or("severe", |a| a.id.as_str()))
            .collect();
        assert_eq!(fired, want, "Day {day} {ratings:?}");
    }
}

/// The rating a rise is from is dated only when older than the day before.
#[test]
fn a_rise_from_a_rating_days_old_carries_its_date() {
    let rules = Rules::parse(RULES, "t").unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    let plan = Plan::new(&rules, at, Berlin);
    for (before, want) in [(4, None), (2, Some(plan.date_of(2)))] {
        let mut session = Session::new(at);
        session.checkins.insert(plan.date_of(before), checkin(1, 1));
        session.checkins.insert(plan.date_of(5), checkin(1, 3));
        let fired = plan.alerts_on(&session, plan.date_of(5));
        assert_eq!(fired.len(), 1, "{fired:?}");
        assert_eq!((fired[0].previous, fired[0].previous_on), (Some(1), want));
    }
}
