//! Table tests of when tasks are due (`due.rs`): fixed treatments in Berlin, across both
//! changes of clocks, a treatment late in the evening, and a leap day.

use super::*;
use crate::rules::Rules;
use crate::store::Ticks;
use chrono::{DateTime, FixedOffset};
use chrono_tz::Europe::Berlin;

/// A plan of (id, kind, from_hours, until_hours, repeat, at) rules and an optional next
/// session from 672 h to 1008 h.
fn rules(list: &[(&str, &str, i64, i64, &str, &str)]) -> Rules {
    let rules: Vec<String> = list
        .iter()
        .map(|(id, kind, from, until, repeat, at)| {
            let at = if at.is_empty() {
                String::new()
            } else {
                format!(r#""at":"{at}","#)
            };
            format!(
                r#"{{"id":"{id}","title":"{id}","kind":"{kind}","from_hours":{from},"until_hours":{until},"repeat":"{repeat}",{at}"rationale":"r","sources":[]}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"format":2,"name":"t","procedure":"t","disclaimer":"d","rules":[{}],
            "next_session":{{"from_hours":672,"until_hours":1008}}}}"#,
        rules.join(",")
    );
    Rules::parse(&text, "test").unwrap_or_else(|e| panic!("{e}"))
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Treated on Saturday 28 March 2026 at 14:00 CET; the clocks go forward on Sunday 29th.
const SPRING: &str = "2026-03-28T14:00:00+01:00";

fn spring_rules() -> Rules {
    rules(&[
        ("cleanse", "do", 0, 48, "morning_and_evening", ""),
        ("spf", "do", 0, 72, "daily", ""),
        ("pill", "do", 0, 72, "daily", "02:30"),
        ("walk", "do", 0, 72, "daily", "18:15"),
        ("book", "do", 24, 96, "once", ""),
        ("makeup", "avoid", 0, 48, "daily", ""),
        ("prep", "avoid", -24, 0, "daily", ""),
        ("early", "do", 0, 17, "daily", ""),
        ("short", "do", 24, 28, "morning_and_evening", ""),
    ])
}

/// "begins–ends" of a task's slot on a day, local times with their offsets.
fn span_words<Tz: TimeZone>(plan: &Plan<'_, Tz>, id: &str, day: i64) -> String {
    let d = plan.day(day);
    let Some(task) = d.tasks.iter().find(|t| t.id() == id) else {
        return "not on the day".into();
    };
    match plan.slot_span(task, d.date) {
        Some((b, e)) => format!(
            "{}–{}",
            plan.local(b).format("%d %H:%M%:z"),
            plan.local(e).format("%d %H:%M%:z")
        ),
        None => "not due".into(),
    }
}

#[test]
fn slots_begin_at_the_time_of_day_on_the_wall_across_the_spring_change() {
    let rules = spring_rules();
    let plan = Plan::new(&rules, at(SPRING), Berlin);
    let cases = [
        // Day 1: the window opens at 14:00, after the morning and daily times.
        ("cleanse@evening", 1, "28 20:00+01:00–29 00:00+01:00"),
        ("spf", 1, "28 14:00+01:00–29 00:00+01:00"),
        ("pill", 1, "28 14:00+01:00–29 00:00+01:00"),
        ("walk", 1, "28 18:15+01:00–29 00:00+01:00"),
        // Day 2, the clocks go forward at 02:00: the same wall times, an hour closer in UTC.
        ("cleanse@morning", 2, "29 08:00+02:00–29 12:00+02:00"),
        ("cleanse@evening", 2, "29 20:00+02:00–30 00:00+02:00"),
        ("spf", 2, "29 09:00+02:00–30 00:00+02:00"),
        // 02:30 does not exist that night: due when the clocks resume.
        ("pill", 2, "29 03:00+02:00–30 00:00+02:00"),
        ("pill", 3, "30 02:30+02:00–31 00:00+02:00"),
        // 48 h after 14:00 CET is 15:00 CEST: the morning slot ends at noon, no evening one.
        ("cleanse@morning", 3, "30 08:00+02:00–30 12:00+02:00"),
        ("cleanse@evening", 3, "not on the day"),
        ("spf", 4, "31 09:00+02:00–31 15:00+02:00"),
        // The window closes at 15:00, before 18:15.
        ("walk", 4, "not due"),
        // Once: from its opening (24 h = 15:00 CEST) to its close, on every day it shows.
        ("book", 2, "29 15:00+02:00–01 15:00+02:00"),
        ("book", 4, "29 15:00+02:00–01 15:00+02:00"),
        // Closes at 07:00 on Day 2, before 09:00: not due that day.
        ("early", 1, "28 14:00+01:00–29 00:00+01:00"),
        ("early", 2, "not due"),
        // 15:00–19:00 on Day 2 reaches neither 08–12 nor 20–24: the evening half, from the
        // opening.
        ("short@evening", 2, "29 15:00+02:00–29 19:00+02:00"),
        ("makeup", 2, "not due"),
    ];
    for (id, day, want) in cases {
        assert_eq!(span_words(&plan, id, day), want, "{id} on day {day}");
    }
}

#[test]
fn the_repeated_hour_in_autumn_is_taken_the_first_time() {
    let rules = spring_rules();
    // Treated Saturday 24 October 2026 at 14:00 CEST; the clocks go back on Sunday 25th.
    let plan = Plan::new(&rules, at("2026-10-24T14:00:00+02:00"), Berlin);
    assert_eq!(
        span_words(&plan, "pill", 2),
        "25 02:30+02:00–26 00:00+01:00"
    );
    assert_eq!(span_words(&plan, "spf", 2), "25 09:00+01:00–26 00:00+01:00");
    assert_eq!(
        span_words(&plan, "cleanse@evening", 2),
        "25 20:00+01:00–26 00:00+01:00"
    );
}

#[test]
fn a_treatment_late_in_the_evening_and_a_leap_day() {
    let rules = rules(&[
        ("spf", "do", 0, 48, "daily", ""),
        ("cleanse", "do", 0, 48, "morning_and_evening", ""),
    ]);
    // 2028 is a leap year.
    let plan = Plan::new(&rules, at("2028-02-28T23:30:00+01:00"), Berlin);
    let cases = [
        ("spf", 1, "28 23:30+01:00–29 00:00+01:00"),
        ("cleanse@evening", 1, "28 23:30+01:00–29 00:00+01:00"),
        ("spf", 2, "29 09:00+01:00–01 00:00+01:00"),
        ("spf", 3, "01 09:00+01:00–01 23:30+01:00"),
        ("cleanse@evening", 3, "01 20:00+01:00–01 23:30+01:00"),
    ];
    for (id, day, want) in cases {
        assert_eq!(span_words(&plan, id, day), want, "{id} on day {day}");
    }
}

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

fn rules_without_next() -> Rules {
    Rules::parse(
        r#"{"format":2,"name":"t","procedure":"t","disclaimer":"d","rules":[
            {"id":"a","title":"a","kind":"do","from_hours":0,"until_hours":4,"rationale":"r","sources":[]}]}"#,
        "t",
    )
    .unwrap()
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
