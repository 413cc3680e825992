//! Table tests of the per-rule view (`rule_days`, `slot_days`): each case gives the days a
//! rule should show on, and checks them against `Plan::day` as well.

use super::*;
use chrono::{DateTime, FixedOffset};
use chrono_tz::America::Sao_Paulo;
use chrono_tz::Europe::Berlin;

fn rules(list: &[(&str, i64, i64, &str)]) -> Rules {
    let rules: Vec<String> = list
        .iter()
        .map(|(id, from, until, repeat)| {
            format!(
                r#"{{"id":"{id}","title":"{id}","kind":"do","from_hours":{from},"until_hours":{until},"repeat":"{repeat}","rationale":"r","sources":[]}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"format":1,"name":"t","procedure":"t","disclaimer":"d","rules":[{}]}}"#,
        rules.join(",")
    );
    Rules::parse(&text, "test").unwrap()
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// The task ids `Plan::day` lists for the rule `id`, as sorted (day, id) pairs.
fn listed<Tz: TimeZone>(plan: &Plan<'_, Tz>, id: &str) -> Vec<(i64, String)> {
    let mut pairs: Vec<(i64, String)> = (plan.first_day() - 2..=plan.last_day() + 2)
        .flat_map(|d| {
            plan.day(d)
                .tasks
                .iter()
                .filter(|t| t.rule.id == id)
                .map(|t| (d, t.id()))
                .collect::<Vec<_>>()
        })
        .collect();
    pairs.sort();
    pairs
}

/// The same pairs as the per-rule view gives them, sorted.
fn derived<Tz: TimeZone>(plan: &Plan<'_, Tz>, rule: &Rule) -> Vec<(i64, String)> {
    let slots = plan.slot_days(rule);
    let mut pairs: Vec<(i64, String)> = if rule.repeat == Repeat::MorningAndEvening {
        slots
            .iter()
            .flat_map(|(slot, days)| {
                days.iter()
                    .map(|d| (d, format!("{}@{}", rule.id, slot.as_str())))
            })
            .collect()
    } else {
        plan.rule_days(rule)
            .iter()
            .flat_map(ShownDays::iter)
            .map(|d| (d, rule.id.clone()))
            .collect()
    };
    pairs.sort();
    pairs
}

#[test]
fn a_rule_shows_on_the_days_its_window_touches() {
    // (treatment, from, until, expected first..=last, or None)
    type Case<'a> = (&'a str, i64, i64, Option<(i64, i64)>);
    let cases: [Case<'_>; 9] = [
        // 48 h from 14:00 ends at 14:00 on Day 3.
        ("2026-11-20T14:00:00+01:00", 0, 48, Some((1, 3))),
        // From midnight, 48 h ends exactly at a midnight: Day 3 is not touched.
        ("2026-11-20T00:00:00+01:00", 0, 48, Some((1, 2))),
        // A minute before midnight, one hour spills into Day 2; a minute left no time on Day 1
        // (`is_before_treatment`).
        ("2026-11-20T23:59:00+01:00", 0, 1, Some((2, 2))),
        // Spring forward in Berlin (29 Mar 2026): Day 2 has 23 hours, so 48 h from midnight
        // reaches 01:00 on Day 3.
        ("2026-03-28T00:00:00+01:00", 0, 48, Some((1, 3))),
        // Fall back (25 Oct 2026): Day 2 has 25 hours, so 48 h from midnight ends at 23:00
        // on Day 2.
        ("2026-10-24T00:00:00+02:00", 0, 48, Some((1, 2))),
        // A week of preparation: it touches Day 1 until 14:00 but stays on the days before.
        ("2026-11-20T14:00:00+01:00", -168, 0, Some((-6, 0))),
        // Preparation that closes exactly at a midnight treatment ends on Day 0 anyway.
        ("2026-11-20T00:00:00+01:00", -24, 0, Some((0, 0))),
        // Preparation that opens and closes on the treatment day shows on no day at all.
        ("2026-11-20T14:00:00+01:00", -2, 0, None),
        // A window from before to after the treatment is not preparation.
        ("2026-11-20T14:00:00+01:00", -20, 30, Some((0, 2))),
    ];
    for (treatment, from, until, want) in cases {
        let r = rules(&[("a", from, until, "daily")]);
        let plan = Plan::new(&r, at(treatment), Berlin);
        let got = plan.rule_days(&r.rules[0]).map(|d| (d.first, d.last));
        assert_eq!(got, want, "{treatment} {from}..{until}");
        assert_eq!(
            derived(&plan, &r.rules[0]),
            listed(&plan, "a"),
            "{treatment} {from}..{until}"
        );
    }
}

#[test]
fn each_slot_of_a_twice_daily_rule_has_its_own_days() {
    // (treatment, from, until, expected (slot, first, last) pairs)
    type Case<'a> = (&'a str, i64, i64, &'a [(Slot, i64, i64)]);
    let cases: [Case<'_>; 6] = [
        // Treated at 14:00: no morning on Day 1; closes at 14:00 on Day 3: no evening there.
        (
            "2026-11-20T14:00:00+01:00",
            0,
            48,
            &[(Slot::Morning, 2, 3), (Slot::Evening, 1, 2)],
        ),
        // Too short for either usual time: the half of the day it falls in.
        ("2026-11-20T14:00:00+01:00", 0, 4, &[(Slot::Evening, 1, 1)]),
        // Overnight, 13:00 to 07:00: that evening, and the next day's morning half.
        (
            "2026-11-20T13:00:00+01:00",
            0,
            18,
            &[(Slot::Morning, 2, 2), (Slot::Evening, 1, 1)],
        ),
        // Across spring forward; the 08:00 routine came before a 09:00 treatment.
        (
            "2026-03-28T09:00:00+01:00",
            0,
            72,
            &[(Slot::Morning, 2, 4), (Slot::Evening, 1, 3)],
        ),
        // Preparation: both slots end on Day 0.
        (
            "2026-11-20T14:00:00+01:00",
            -48,
            0,
            &[(Slot::Morning, 0, 0), (Slot::Evening, -1, 0)],
        ),
        // Preparation shown on no day has no slots either.
        ("2026-11-20T14:00:00+01:00", -2, 0, &[]),
    ];
    for (treatment, from, until, want) in cases {
        let r = rules(&[("c", from, until, "morning_and_evening")]);
        let plan = Plan::new(&r, at(treatment), Berlin);
        let got: Vec<(Slot, i64, i64)> = plan
            .slot_days(&r.rules[0])
            .into_iter()
            .map(|(slot, days)| (slot, days.first, days.last))
            .collect();
        assert_eq!(got, want, "{treatment} {from}..{until}");
        assert_eq!(
            derived(&plan, &r.rules[0]),
            listed(&plan, "c"),
            "{treatment} {from}..{until}"
        );
    }
}

#[test]
fn other_rules_have_no_slot_days() {
    let r = rules(&[("a", 0, 48, "daily"), ("b", 0, 48, "once")]);
    let plan = Plan::new(&r, at("2026-11-20T14:00:00+01:00"), Berlin);
    assert!(r.rules.iter().all(|rule| plan.slot_days(rule).is_empty()));
}

#[test]
fn a_skipped_midnight_does_not_move_a_window_to_another_day() {
    // São Paulo moved clocks from 00:00 to 01:00 on 4 Nov 2018: Day 2 starts at 01:00.
    let r = rules(&[("a", 0, 11, "daily"), ("c", 0, 36, "morning_and_evening")]);
    let plan = Plan::new(&r, at("2018-11-03T14:00:00-03:00"), Sao_Paulo);
    // 14:00 + 11 h is 02:00 on 4 Nov (the clocks having skipped an hour): Day 2.
    assert_eq!(plan.rule_days(&r.rules[0]), Some(ShownDays::between(1, 2)));
    for rule in &r.rules {
        assert_eq!(derived(&plan, rule), listed(&plan, &rule.id), "{}", rule.id);
    }
}

#[test]
fn empty_windows_touch_no_day() {
    let r = rules(&[("a", 0, 1, "daily")]);
    let plan = Plan::new(&r, at("2026-11-20T14:00:00+01:00"), Berlin);
    let t = at("2026-11-20T15:00:00+01:00");
    assert_eq!(plan.days_touched(t, t), None);
    assert_eq!(plan.days_touched(t, t - Duration::hours(1)), None);
}

#[test]
fn the_whole_plan_view_gives_each_rule_its_days() {
    let r = rules(&[
        ("prep", -48, 0, "morning_and_evening"),
        ("a", 0, 48, "daily"),
        ("c", 5, 300, "morning_and_evening"),
        ("short", 2, 4, "morning_and_evening"),
        ("gone", -2, 0, "morning_and_evening"),
    ]);
    for treatment in ["2026-11-20T14:00:00+01:00", "2026-03-28T23:30:00+01:00"] {
        let plan = Plan::new(&r, at(treatment), Berlin);
        let all: Vec<RuleDays<'_>> = plan.rule_windows().collect();
        assert_eq!(all.len(), r.rules.len());
        for (rule, got) in r.rules.iter().zip(all) {
            assert_eq!(got.rule.id, rule.id);
            assert_eq!(got.days, plan.rule_days(rule), "{treatment} {}", rule.id);
            assert_eq!(got.slots, plan.slot_days(rule), "{treatment} {}", rule.id);
        }
    }
}
