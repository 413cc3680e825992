//! Table tests of the tasks a day holds (slots, order, days before treatment, once tasks, phases, ids) and of how their times are labelled.

use super::tests::{at, date, days_of, rules};
use super::*;
use chrono_tz::Europe::Berlin;

#[test]
fn morning_and_evening_follow_the_window() {
    let r = rules(&[("cleanse", "do", 0, 48, "morning_and_evening")]);
    let plan = Plan::new(&r, at("2026-11-20T14:00:00+01:00"), Berlin);
    let ids = |day: i64| -> Vec<String> { plan.day(day).tasks.iter().map(|t| t.id()).collect() };
    // Treated at 14:00: no morning on Day 1. The window closes at 14:00 on Day 3: that morning
    // is still in it, but an evening task whose window closed at 14:00 would only read "ended".
    assert_eq!(ids(1), ["cleanse@evening"]);
    assert_eq!(ids(2), ["cleanse@morning", "cleanse@evening"]);
    assert_eq!(ids(3), ["cleanse@morning"]);
    // A window opening at 22:00 on a later day still gets that evening's task ...
    let later = rules(&[("cleanse", "do", 8, 48, "morning_and_evening")]);
    let later = Plan::new(&later, at("2026-11-20T14:00:00+01:00"), Berlin);
    assert_eq!(
        later
            .day(1)
            .tasks
            .iter()
            .map(|t| t.id())
            .collect::<Vec<_>>(),
        ["cleanse@evening"]
    );
    // ... but a 22:00 treatment does not: that evening's routine was before it
    // (`is_before_treatment`), so Day 1 has none.
    let late = Plan::new(&r, at("2026-11-20T22:00:00+01:00"), Berlin);
    assert!(late.day(1).tasks.is_empty());
    // A window that misses both usual times still shows, in the half of the day it falls in.
    let short = rules(&[("cleanse", "do", 0, 4, "morning_and_evening")]);
    let short = Plan::new(&short, at("2026-11-20T14:00:00+01:00"), Berlin);
    assert_eq!(
        short
            .day(1)
            .tasks
            .iter()
            .map(|t| t.id())
            .collect::<Vec<_>>(),
        ["cleanse@evening"]
    );
    let plan = Plan::new(&r, at("2026-11-20T09:00:00+01:00"), Berlin);
    assert_eq!(
        plan.day(3).tasks.iter().map(|t| t.id()).collect::<Vec<_>>(),
        ["cleanse@morning"]
    );
}

#[test]
fn tasks_are_ordered_by_time_of_day_then_kind() {
    let r = rules(&[
        ("sun", "avoid", 0, 100, "daily"),
        ("spf", "do", 0, 100, "daily"),
        ("cleanse", "do", 0, 100, "morning_and_evening"),
        ("book", "do", 0, 100, "once"),
    ]);
    let plan = Plan::new(&r, at("2026-11-20T08:00:00+01:00"), Berlin);
    let ids: Vec<String> = plan.day(2).tasks.iter().map(|t| t.id()).collect();
    assert_eq!(
        ids,
        ["cleanse@morning", "spf", "book", "cleanse@evening", "sun"]
    );
}

#[test]
fn rules_before_treatment_give_days_before_day_one() {
    let r = rules(&[
        ("prep", "avoid", -168, 0, "daily"),
        ("a", "do", 0, 30, "daily"),
    ]);
    let plan = Plan::new(&r, at("2026-11-20T14:00:00+01:00"), Berlin);
    assert_eq!(plan.first_day(), -6);
    assert_eq!(plan.last_day(), 3); // the fixture's phase runs 48 h
    assert_eq!(plan.date_of(0), date("2026-11-19"));
    assert_eq!(
        days_of(&plan, "prep").first().unwrap(),
        &(-6, "2026-11-13".to_string())
    );
    // The window touches Day 1 until 14:00, but preparation stays on the days before.
    assert_eq!(
        days_of(&plan, "prep").last().unwrap(),
        &(0, "2026-11-19".to_string())
    );
}

#[test]
fn once_tasks_stay_done_for_the_rest_of_their_window() {
    let r = rules(&[
        ("book", "do", 24, 96, "once"),
        ("spf", "do", 0, 96, "daily"),
    ]);
    let plan = Plan::new(&r, at("2026-11-20T14:00:00+01:00"), Berlin);
    let mut ticks = Ticks::new();
    ticks
        .entry(date("2026-11-22"))
        .or_default()
        .insert("book".into());
    ticks
        .entry(date("2026-11-22"))
        .or_default()
        .insert("spf".into());
    let done = |day: i64, id: &str| {
        let d = plan.day(day);
        let task = d.tasks.iter().find(|t| t.id() == id).unwrap().clone();
        plan.is_done(&task, d.date, &ticks)
    };
    assert!(!done(2, "book"));
    assert!(done(3, "book"));
    assert!(done(4, "book"));
    assert!(!done(2, "spf"));
    assert!(done(3, "spf"));
    assert!(!done(4, "spf"));
}

#[test]
fn phases_show_on_the_days_they_cover() {
    let r = rules(&[("a", "do", 0, 96, "daily")]);
    let plan = Plan::new(&r, at("2026-11-20T14:00:00+01:00"), Berlin);
    let phase_days: Vec<i64> = plan
        .days()
        .filter(|d| !d.phases.is_empty())
        .map(|d| d.day)
        .collect();
    assert_eq!(phase_days, [1, 2, 3]);
}

#[test]
fn task_ids_resolve_to_rules_and_slots() {
    let r = rules(&[
        ("cleanse", "do", 0, 48, "morning_and_evening"),
        ("spf", "do", 0, 48, "daily"),
    ]);
    let plan = Plan::new(&r, at("2026-11-20T14:00:00+01:00"), Berlin);
    assert_eq!(
        plan.find_rule("spf").map(|(r, s)| (r.id.as_str(), s)),
        Some(("spf", None))
    );
    assert_eq!(
        plan.find_rule("cleanse@evening")
            .map(|(r, s)| (r.id.as_str(), s)),
        Some(("cleanse", Some(Slot::Evening)))
    );
    for unknown in ["cleanse", "spf@morning", "cleanse@noon", "nope"] {
        assert!(plan.find_rule(unknown).is_none(), "{unknown}");
    }
}

#[test]
fn labels_say_when() {
    let r = rules(&[
        ("makeup", "avoid", 0, 48, "daily"),
        ("spf", "do", 0, 1000, "daily"),
        ("cleanse", "do", 0, 1000, "morning_and_evening"),
        ("book", "do", 672, 1008, "once"),
    ]);
    let plan = Plan::new(&r, at("2026-11-20T14:00:00+01:00"), Berlin);
    let now = at("2026-11-22T09:00:00+01:00");
    let label = |day: i64, id: &str| {
        let d = plan.day(day);
        let task = d.tasks.iter().find(|t| t.id() == id).unwrap().clone();
        when_label(&task, now, &Berlin, false)
    };
    assert_eq!(label(3, "makeup"), "until 14:00 · 5 h left");
    assert_eq!(label(3, "spf"), "daily");
    // Today's morning, once due, says when it ends (at noon it is missed); another day's
    // and one not yet due say only the slot.
    assert_eq!(label(3, "cleanse@morning"), "morning · by 12:00");
    let d4 = plan.day(4);
    let tomorrows = d4
        .tasks
        .iter()
        .find(|t| t.id() == "cleanse@morning")
        .unwrap();
    let wording = crate::plan::Wording::Short;
    assert_eq!(
        when_on(tomorrows, now, d4.date, &Berlin, false, wording),
        "morning"
    );
    let early = at("2026-11-22T07:00:00+01:00");
    let d3 = plan.day(3);
    let cleanse = d3
        .tasks
        .iter()
        .find(|t| t.id() == "cleanse@morning")
        .unwrap();
    assert_eq!(when_label(cleanse, early, &Berlin, false), "morning");
    assert_eq!(label(29, "book"), "from Fri 18 Dec 14:00 · in 26 d");
    let later = at("2026-11-23T09:00:00+01:00");
    let d = plan.day(3);
    assert_eq!(
        when_label(&d.tasks[d.tasks.len() - 1], later, &Berlin, false),
        "ended Sun 14:00"
    );
}

/// A daily habit never counts down: near the plan's end it says the plan ends (sunscreen is
/// not over then), and a habit that stops earlier says until when, with no "left".
#[test]
fn a_daily_habit_near_its_end_is_not_counted_down() {
    let r = rules(&[
        ("spf", "do", 0, 1008, "daily"),
        ("water", "do", 0, 1000, "daily"),
    ]);
    let plan = Plan::new(&r, at("2026-10-19T14:00:00+01:00"), Berlin);
    let now = at("2026-11-29T21:00:00+01:00");
    let d = plan.day(42);
    let task = |id: &str| d.tasks.iter().find(|t| t.id() == id).unwrap().clone();
    assert_eq!(
        when_label(&task("spf"), now, &Berlin, true),
        "daily · plan ends Mon"
    );
    assert_eq!(
        when_label(&task("water"), now, &Berlin, false),
        "daily · until Mon 06:00"
    );
    let monday = at("2026-11-30T09:00:00+01:00");
    let d = plan.day(43);
    let spf = d.tasks.iter().find(|t| t.id() == "spf").unwrap();
    assert_eq!(
        when_label(spf, monday, &Berlin, true),
        "daily · plan ends today"
    );
}

#[test]
fn durations_read_naturally() {
    // Minutes, the short form (screens), and in words (plain command-line text).
    let cases = [
        (0, "under a minute", "under a minute"),
        (1, "1 min", "1 minute"),
        (35, "35 min", "35 minutes"),
        (60, "1 h", "1 hour"),
        (61, "1 h 1 min", "1 hour 1 minute"),
        (320, "5 h 20 min", "5 hours 20 minutes"),
        (11 * 60 + 5, "11 h", "11 hours"),
        (24 * 60, "1 d", "1 day"),
        (25 * 60, "1 d 1 h", "1 day 1 hour"),
        (53 * 60, "2 d 5 h", "2 days 5 hours"),
        (12 * 24 * 60, "12 d", "12 days"),
        (-5, "under a minute", "under a minute"),
    ];
    for (minutes, short, words) in cases {
        let d = Duration::minutes(minutes);
        assert_eq!(duration_label(d), short);
        assert_eq!(duration_in(d, Wording::Short), short);
        assert_eq!(duration_in(d, Wording::Words), words);
    }
}
