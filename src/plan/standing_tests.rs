//! Table tests of where tasks stand at a moment (`due.rs`): due until ticked, missed when
//! the slot ends, slots that begin while a screen is open, every slot of a plan.

use super::due_tests::{SPRING, at, spring_rules};
use super::*;
use crate::store::Ticks;
use chrono_tz::Europe::Berlin;

/// The ids due at `now` with `ticked` ticked on their dates, and those missed that day.
fn due_and_missed(
    plan: &Plan<'_, chrono_tz::Tz>,
    ticked: &[(&str, &str)],
    now: &str,
) -> (Vec<String>, Vec<String>) {
    let mut ticks = Ticks::new();
    for (date, id) in ticked {
        ticks
            .entry(date.parse().unwrap())
            .or_default()
            .insert(id.to_string());
    }
    let now = at(now);
    let due = plan
        .due_now(&ticks, now)
        .into_iter()
        .map(|d| d.id)
        .collect();
    let missed = plan
        .missed_on(plan.day_of(now), &ticks, now)
        .into_iter()
        .map(|d| d.id)
        .collect();
    (due, missed)
}

#[test]
fn due_until_ticked_missed_when_the_slot_ends_unticked() {
    let rules = spring_rules();
    let plan = Plan::new(&rules, at(SPRING), Berlin);
    let ids = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let morning = [("2026-03-30", "cleanse@morning")];
    type Case<'a> = (
        &'a str,
        &'a [(&'a str, &'a str)],
        &'a [&'a str],
        &'a [&'a str],
    );
    let cases: [Case<'_>; 9] = [
        // The treatment itself: the day's tasks are due from the window's opening.
        ("2026-03-28T13:59:00+01:00", &[], &[], &[]),
        (
            "2026-03-28T14:00:00+01:00",
            &[],
            &["spf", "pill", "early"],
            &[],
        ),
        (
            "2026-03-28T20:00:00+01:00",
            &[("2026-03-28", "spf")],
            &["pill", "walk", "early", "cleanse@evening"],
            &[],
        ),
        // Day 3 (30 March, summer time): 02:30 pill, 08:00 cleanse, 09:00 spf and book.
        ("2026-03-30T07:59:00+02:00", &[], &["pill", "book"], &[]),
        (
            "2026-03-30T08:00:00+02:00",
            &[],
            &["cleanse@morning", "pill", "book"],
            &[],
        ),
        (
            "2026-03-30T09:00:00+02:00",
            &[],
            &["cleanse@morning", "spf", "pill", "book"],
            &[],
        ),
        (
            "2026-03-30T09:30:00+02:00",
            &morning,
            &["spf", "pill", "book"],
            &[],
        ),
        // Noon ends the morning: unticked, it is missed; ticked, it is not.
        (
            "2026-03-30T12:00:00+02:00",
            &[],
            &["spf", "pill", "book"],
            &["cleanse@morning"],
        ),
        (
            "2026-03-30T12:00:00+02:00",
            &morning,
            &["spf", "pill", "book"],
            &[],
        ),
    ];
    for (now, ticked, due, missed) in cases {
        assert_eq!(
            due_and_missed(&plan, ticked, now),
            (ids(due), ids(missed)),
            "at {now} with {ticked:?}"
        );
    }
    // A once task ticked on any day of its window is done on the days after.
    let booked = [("2026-03-29", "book")];
    let (due, _) = due_and_missed(&plan, &booked, "2026-03-31T10:00:00+02:00");
    assert_eq!(due, ids(&["spf", "pill"]));
    // Not booked by its close (1 April 15:00): missed on that day.
    let (_, missed) = due_and_missed(&plan, &[], "2026-04-01T16:00:00+02:00");
    assert_eq!(missed, ids(&["book"]));
}

#[test]
fn standing_reads_each_state() {
    let rules = spring_rules();
    let plan = Plan::new(&rules, at(SPRING), Berlin);
    let d = plan.day(3);
    let task = |id: &str| d.tasks.iter().find(|t| t.id() == id).unwrap().clone();
    let mut ticks = Ticks::new();
    ticks
        .entry(d.date)
        .or_default()
        .insert("cleanse@morning".into());
    let cases = [
        ("spf", "2026-03-30T08:59:00+02:00", Standing::Upcoming),
        ("spf", "2026-03-30T09:00:00+02:00", Standing::Due),
        ("spf", "2026-03-31T00:00:00+02:00", Standing::Missed),
        (
            "cleanse@morning",
            "2026-03-30T07:00:00+02:00",
            Standing::Done,
        ),
        ("makeup", "2026-03-30T09:00:00+02:00", Standing::NotDue),
    ];
    for (id, now, want) in cases {
        assert_eq!(
            plan.standing(&task(id), d.date, &ticks, at(now)),
            want,
            "{id} at {now}"
        );
    }
}

#[test]
fn every_slot_of_the_plan_once_tasks_once() {
    let rules = spring_rules();
    let plan = Plan::new(&rules, at(SPRING), Berlin);
    let all = plan.all_due();
    let count = |id: &str| all.iter().filter(|d| d.id == id).count();
    assert_eq!(count("book"), 1);
    assert_eq!(count("spf"), 4, "days 1–4");
    assert_eq!(count("cleanse@morning"), 2, "days 2 and 3");
    assert_eq!(count("cleanse@evening"), 2, "days 1 and 2");
    assert_eq!(count("early"), 1);
    assert_eq!(count("makeup"), 0);
    // In order of the days.
    assert!(all.windows(2).all(|w| w[0].day <= w[1].day));
}

#[test]
fn slots_that_begin_while_a_screen_is_open() {
    let rules = spring_rules();
    let plan = Plan::new(&rules, at(SPRING), Berlin);
    let mut ticks = Ticks::new();
    let begun = |after: &str, until: &str, ticks: &Ticks| -> Vec<String> {
        plan.begun_between(at(after), at(until), ticks)
            .into_iter()
            .map(|d| format!("{}@{}", d.id, plan.local(d.begins).format("%d %H:%M")))
            .collect()
    };
    // Across midnight into the Sunday the clocks go forward: the 03:00 tablet (02:30 skipped).
    assert_eq!(
        begun(
            "2026-03-28T23:00:00+01:00",
            "2026-03-29T03:30:00+02:00",
            &ticks
        ),
        ["pill@29 03:00"]
    );
    assert_eq!(
        begun(
            "2026-03-29T07:59:00+02:00",
            "2026-03-29T09:00:00+02:00",
            &ticks
        ),
        ["cleanse@morning@29 08:00", "spf@29 09:00"]
    );
    // A slot that began exactly at the interval's start was announced before it.
    assert_eq!(
        begun(
            "2026-03-29T08:00:00+02:00",
            "2026-03-29T08:30:00+02:00",
            &ticks
        ),
        Vec::<String>::new()
    );
    // Ticked before it was announced: nothing to say.
    ticks
        .entry("2026-03-29".parse().unwrap())
        .or_default()
        .insert("spf".into());
    assert_eq!(
        begun(
            "2026-03-29T08:30:00+02:00",
            "2026-03-29T09:30:00+02:00",
            &ticks
        ),
        Vec::<String>::new()
    );
    // The once task, from its opening (24 h after the treatment: 15:00 summer time).
    assert_eq!(
        begun(
            "2026-03-29T14:00:00+02:00",
            "2026-03-29T16:00:00+02:00",
            &ticks
        ),
        ["book@29 15:00", "short@evening@29 15:00"]
    );
}
