//! The treatment's own day in the per-rule view: `rule_days` and `slot_days` leave out of
//! Day 1 exactly what `Plan::day` leaves out (`is_before_treatment`), for every rule of the
//! built-in plan, at treatments either side of the two-hour line and across changes of clocks.

use super::*;
use chrono::DateTime;
use chrono_tz::Europe::Berlin;

/// Every (task id, day) `Plan::day` lists, over the plan and two days either side.
fn listed<Tz: TimeZone>(plan: &Plan<'_, Tz>) -> Vec<(String, i64)> {
    let mut pairs: Vec<(String, i64)> = (plan.first_day() - 2..=plan.last_day() + 2)
        .flat_map(|d| {
            plan.day(d)
                .tasks
                .iter()
                .map(|t| (t.id(), d))
                .collect::<Vec<_>>()
        })
        .collect();
    pairs.sort();
    pairs
}

/// The same pairs from `rule_days` (a rule without slots) and `slot_days`.
fn derived<Tz: TimeZone>(plan: &Plan<'_, Tz>, rules: &'_ Rules) -> Vec<(String, i64)> {
    let mut pairs = Vec::new();
    for rule in &rules.rules {
        if rule.repeat == Repeat::MorningAndEvening {
            for (slot, days) in plan.slot_days(rule) {
                let id = format!("{}@{}", rule.id, slot.as_str());
                pairs.extend(days.iter().map(|d| (id.clone(), d)));
            }
        } else {
            let days = plan.rule_days(rule);
            pairs.extend(
                days.iter()
                    .flat_map(ShownDays::iter)
                    .map(|d| (rule.id.clone(), d)),
            );
        }
    }
    pairs.sort();
    pairs
}

/// The first day of a rule's days, or of its slot's (`cleanse@evening`).
fn first_day<Tz: TimeZone>(plan: &Plan<'_, Tz>, id: &str) -> Option<i64> {
    let (rule, slot) = plan.find_rule(id)?;
    match slot {
        Some(slot) => plan
            .slot_days(rule)
            .into_iter()
            .find(|(s, _)| *s == slot)
            .map(|(_, d)| d.first),
        None => plan.rule_days(rule).map(|d| d.first),
    }
}

#[test]
fn the_per_rule_view_leaves_out_of_day_one_what_the_day_leaves_out() {
    let rules = Rules::builtin().unwrap();
    // (treatment, first day of drinking water, evening moisturizer, morning moisturizer)
    let cases = [
        // Morning: the day's daily tasks are the patient's; the morning routine was not.
        ("2026-11-20T10:00:00+01:00", 1, 1, 2),
        // 21:59 leaves 2 h 1 min to midnight: daily tasks still on Day 1; 20:00 was before.
        ("2026-11-20T21:59:00+01:00", 1, 2, 2),
        // 22:00 leaves exactly two hours: still on Day 1.
        ("2026-11-20T22:00:00+01:00", 1, 2, 2),
        // 23:30: nothing to do is left on Day 1.
        ("2026-11-20T23:30:00+01:00", 2, 2, 2),
        // The evening before spring forward (29 Mar 2026): Day 2 has 23 hours.
        ("2026-03-28T23:30:00+01:00", 2, 2, 2),
        ("2026-03-28T22:00:00+01:00", 1, 2, 2),
        // The evening before fall back (25 Oct 2026): Day 2 has 25 hours.
        ("2026-10-24T23:30:00+02:00", 2, 2, 2),
        ("2026-10-24T21:59:00+02:00", 1, 2, 2),
        // On the day of fall back itself, late.
        ("2026-10-25T23:30:00+01:00", 2, 2, 2),
    ];
    for (treatment, daily, evening, morning) in cases {
        let plan = Plan::new(
            &rules,
            DateTime::parse_from_rfc3339(treatment).unwrap(),
            Berlin,
        );
        assert_eq!(derived(&plan, &rules), listed(&plan), "{treatment}");
        let first = |id| first_day(&plan, id);
        assert_eq!(first("drink-water"), Some(daily), "{treatment}");
        // The patient's own sunscreen starts on Day 2 whatever the hour; on Day 1 only the
        // provider's, as needed.
        assert_eq!(first("sunscreen-spf30"), Some(2), "{treatment}");
        assert_eq!(first("moisturize@evening"), Some(evening), "{treatment}");
        assert_eq!(first("moisturize@morning"), Some(morning), "{treatment}");
        // What to avoid starts at the treatment whatever its hour.
        assert_eq!(first("no-makeup"), Some(1), "{treatment}");
    }
}

#[test]
fn a_task_only_on_a_day_with_no_time_left_shows_on_no_day() {
    let text = r#"{"format":1,"name":"t","procedure":"t","disclaimer":"d","rules":[
        {"id":"d","title":"d","kind":"do","from_hours":0,"until_hours":1,"repeat":"daily","rationale":"r","sources":[]},
        {"id":"c","title":"c","kind":"do","from_hours":0,"until_hours":1,"repeat":"morning_and_evening","rationale":"r","sources":[]}]}"#;
    let rules = Rules::parse(text, "test").unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T22:30:00+01:00").unwrap();
    let plan = Plan::new(&rules, at, Berlin);
    assert_eq!(plan.rule_days(&rules.rules[0]), None);
    assert_eq!(plan.slot_days(&rules.rules[1]), Vec::new());
    assert_eq!(derived(&plan, &rules), listed(&plan));
}

#[test]
fn a_task_from_before_to_after_a_late_treatment_skips_day_one() {
    let text = r#"{"format":1,"name":"t","procedure":"t","disclaimer":"d","rules":[
        {"id":"d","title":"d","kind":"do","from_hours":-48,"until_hours":48,"repeat":"daily","rationale":"r","sources":[]},
        {"id":"c","title":"c","kind":"do","from_hours":-48,"until_hours":48,"repeat":"morning_and_evening","rationale":"r","sources":[]}]}"#;
    let rules = Rules::parse(text, "test").unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T23:30:00+01:00").unwrap();
    let plan = Plan::new(&rules, at, Berlin);
    let skips = ShownDays {
        first: -1,
        last: 3,
        except: Some(1),
    };
    assert_eq!(plan.rule_days(&rules.rules[0]), Some(skips));
    assert!(!skips.contains(1) && skips.contains(0) && skips.contains(2));
    let slots = plan.slot_days(&rules.rules[1]);
    assert!(slots.iter().all(|(_, d)| d.except == Some(1)), "{slots:?}");
    assert_eq!(derived(&plan, &rules), listed(&plan));
}

/// The preparation rules on a day as seen at `now`, by id.
fn preparation_on<Tz: TimeZone>(plan: &Plan<'_, Tz>, day: i64, now: &str) -> Vec<String> {
    let now = DateTime::parse_from_rfc3339(now).unwrap();
    let mut ids: Vec<String> = plan
        .day_at(day, now)
        .tasks
        .iter()
        .filter(|t| windows::is_preparation(t.rule))
        .map(|t| t.id())
        .collect();
    ids.sort();
    ids
}

#[test]
fn before_the_treatment_its_day_keeps_the_preparation_still_open() {
    let rules = Rules::builtin().unwrap();
    let mut all: Vec<String> = rules
        .rules
        .iter()
        .filter(|r| windows::is_preparation(r))
        .map(|r| r.id.clone())
        .collect();
    all.sort();
    assert_eq!(all.len(), 5, "{all:?}");
    let none: Vec<String> = Vec::new();
    // (treatment, day, seen at, the preparation on that day)
    let cases = [
        // Two hours before a 10:00 treatment: "Stay out of the sun (and a week after) until 10:00" still holds.
        (
            "2026-11-20T10:00:00+01:00",
            1,
            "2026-11-20T08:00:00+01:00",
            &all,
        ),
        (
            "2026-11-20T10:00:00+01:00",
            1,
            "2026-11-20T09:59:59+01:00",
            &all,
        ),
        // From the treatment its own restrictions take over.
        (
            "2026-11-20T10:00:00+01:00",
            1,
            "2026-11-20T10:00:00+01:00",
            &none,
        ),
        (
            "2026-11-20T10:00:00+01:00",
            1,
            "2026-11-20T15:00:00+01:00",
            &none,
        ),
        // Looked back at from a later day, Day 1 is the treatment's.
        (
            "2026-11-20T10:00:00+01:00",
            1,
            "2026-11-24T08:00:00+01:00",
            &none,
        ),
        // The day before shows it whenever it is looked at.
        (
            "2026-11-20T10:00:00+01:00",
            0,
            "2026-11-19T08:00:00+01:00",
            &all,
        ),
        (
            "2026-11-20T10:00:00+01:00",
            0,
            "2026-11-24T08:00:00+01:00",
            &all,
        ),
        // Just after midnight, for a treatment at 00:30.
        (
            "2026-11-20T00:30:00+01:00",
            1,
            "2026-11-20T00:10:00+01:00",
            &all,
        ),
        // The morning clocks go forward (29 Mar 2026, 02:00 → 03:00).
        (
            "2026-03-29T10:00:00+02:00",
            1,
            "2026-03-29T01:30:00+01:00",
            &all,
        ),
        // Not a day after the treatment's, even seen before it.
        (
            "2026-11-20T10:00:00+01:00",
            2,
            "2026-11-20T08:00:00+01:00",
            &none,
        ),
    ];
    for (treatment, day, now, want) in cases {
        let at = DateTime::parse_from_rfc3339(treatment).unwrap();
        let plan = Plan::new(&rules, at, Berlin);
        assert_eq!(
            &preparation_on(&plan, day, now),
            want,
            "{treatment} Day {day} at {now}"
        );
        // Nothing of the course is normal before the treatment; from it on, it is.
        let seen_at = DateTime::parse_from_rfc3339(now).unwrap();
        if day >= 1 {
            let phases = plan.day_at(day, seen_at).phases;
            assert_eq!(phases.is_empty(), seen_at < at, "Day {day} at {now}");
        }
        // The record of the day (progress, the per-rule view) is the treatment's.
        if day == 1 {
            assert!(
                plan.day(1)
                    .tasks
                    .iter()
                    .all(|t| !windows::is_preparation(t.rule))
            );
        }
    }
}

#[test]
fn before_the_treatment_the_preparation_still_to_do_is_due() {
    let rules = Rules::builtin().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T10:00:00+01:00").unwrap();
    let plan = Plan::new(&rules, at, Berlin);
    let due = |now: &str| -> Vec<String> {
        let now = DateTime::parse_from_rfc3339(now).unwrap();
        plan.due_now(&Ticks::new(), now)
            .into_iter()
            .map(|d| d.id)
            .collect()
    };
    assert_eq!(
        due("2026-11-20T08:00:00+01:00"),
        [
            "before-tell-provider",
            "before-ask-products-to-stop",
            "before-postpone-if-flare-up"
        ]
    );
    assert!(
        due("2026-11-20T10:30:00+01:00")
            .iter()
            .all(|id| !id.starts_with("before-"))
    );
}
