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
