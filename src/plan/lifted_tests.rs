//! Table tests of what changes at a moment (`lifted.rs`): avoid windows that end, and the
//! next session coming up, in Berlin across the spring change of clocks.

use super::due_tests::{SPRING, at, spring_rules};
use super::*;
use chrono::Duration;
use chrono_tz::Europe::Berlin;

#[test]
fn avoid_windows_lift_at_their_exact_end_and_preparation_lifts_nothing() {
    let rules = spring_rules();
    let plan = Plan::new(&rules, at(SPRING), Berlin);
    let t = at(SPRING);
    let lifted = |from: i64, until: i64| -> Vec<(String, String)> {
        plan.lifted(t + Duration::hours(from), t + Duration::hours(until))
            .iter()
            .map(|l| (l.rule.id.clone(), plan.local(l.at).to_rfc3339()))
            .collect()
    };
    let makeup = vec![(
        "makeup".to_string(),
        "2026-03-30T15:00:00+02:00".to_string(),
    )];
    // The interval includes its start and leaves its end to the next one.
    assert_eq!(lifted(47, 48), vec![]);
    assert_eq!(lifted(48, 49), makeup);
    assert_eq!(
        lifted(-48, 47),
        vec![],
        "the preparation window ends at 0 h"
    );
    assert_eq!(plan.all_lifted().len(), 1);
    let words = plan.all_lifted()[0].words();
    assert_eq!(words, "makeup: over");
}

#[test]
fn the_next_session_comes_up_seven_local_days_before_it_opens() {
    let rules = spring_rules();
    // 672 h after 1 March 14:00 CET is 29 March 15:00 CEST; a week before that on the wall
    // is 22 March 15:00 CET, 167 h earlier.
    let plan = Plan::new(&rules, at("2026-03-01T14:00:00+01:00"), Berlin);
    let up = plan.coming_up().unwrap();
    assert_eq!(up.opens, at("2026-03-29T15:00:00+02:00"));
    assert_eq!(up.shows_from, at("2026-03-22T15:00:00+01:00"));
    assert_eq!(up.opens - up.shows_from, Duration::hours(167));
    assert_eq!(up.closes, at("2026-04-12T15:00:00+02:00"));
    assert!(!up.is_shown(at("2026-03-22T14:59:00+01:00")));
    assert!(up.is_shown(at("2026-03-22T15:00:00+01:00")));
    assert!(!up.is_shown(up.closes));
    let none = rules_without_next();
    assert!(Plan::new(&none, at(SPRING), Berlin).coming_up().is_none());
}

fn rules_without_next() -> crate::rules::Rules {
    crate::rules::Rules::parse(
        r#"{"format":2,"name":"t","procedure":"t","disclaimer":"d","rules":[
            {"id":"a","title":"a","kind":"do","from_hours":0,"until_hours":4,"rationale":"r","sources":[]}]}"#,
        "t",
    )
    .unwrap()
}

#[test]
fn the_booking_comes_up_with_the_next_session_and_a_tick_from_then_counts() {
    use crate::checklist::{Checklist, Record};
    use crate::store::Ticks;
    let rules = crate::rules::Rules::builtin().unwrap();
    // Fri 20 Nov 2026 14:00: the next session's window opens on Day 29 (Fri 18 Dec 14:00)
    // and comes up on Day 22 (Fri 11 Dec).
    let treated = at("2026-11-20T14:00:00+01:00");
    let plan = Plan::new(&rules, treated, Berlin);
    assert_eq!(
        plan.booking_rule().map(|r| r.id.as_str()),
        Some("book-next-session")
    );
    let on = |day: i64, ticks: &Ticks| {
        let now = plan.day_bounds(plan.date_of(day)).0 + Duration::hours(10);
        Checklist::build(&plan, day, None, now)
            .tasks
            .into_iter()
            .filter(|t| t.id == "book-next-session")
            .map(|t| (t.coming_up, is_done(&plan, ticks, day)))
            .collect::<Vec<_>>()
    };
    fn is_done(plan: &Plan<'_, chrono_tz::Tz>, ticks: &Ticks, day: i64) -> bool {
        let d = plan.day(day);
        let task = d.tasks.iter().find(|t| t.rule.id == "book-next-session");
        task.is_some_and(|t| plan.is_done(t, d.date, ticks))
    }
    let none = Ticks::new();
    assert_eq!(on(21, &none), vec![]);
    assert_eq!(on(22, &none), vec![(true, false)]);
    assert_eq!(on(28, &none), vec![(true, false)]);
    // Day 29 at 10:00, before its window opens at 14:00: still offered as since Day 22.
    assert_eq!(on(29, &none), vec![(true, false)]);
    // Ticked on Day 23, while it is coming up: done then, and once its window opens.
    let mut ticks = Ticks::new();
    ticks
        .entry(plan.date_of(23))
        .or_default()
        .insert("book-next-session".into());
    let session = crate::store::Session {
        ticks: ticks.clone(),
        ..crate::store::Session::new(treated)
    };
    let now = plan.day_bounds(plan.date_of(25)).0;
    let day25 = Checklist::build(&plan, 25, Some(Record::alone(&session)), now);
    assert!(day25.tasks.iter().any(|t| t.coming_up && t.done));
    assert_eq!(on(30, &ticks), vec![(false, true)]);
    let day30 = plan.day_bounds(plan.date_of(30)).0 + Duration::hours(10);
    assert!(
        plan.due_now(&ticks, day30)
            .iter()
            .all(|d| d.id != "book-next-session"),
        "a booking ticked while it came up is not reminded of"
    );
}
