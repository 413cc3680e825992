//! Table tests of when tasks are due (`due.rs`): fixed treatments in Berlin, across both
//! changes of clocks, a treatment late in the evening, and a leap day.

use super::*;
use crate::rules::Rules;
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

pub(super) fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Treated on Saturday 28 March 2026 at 14:00 CET; the clocks go forward on Sunday 29th.
pub(super) const SPRING: &str = "2026-03-28T14:00:00+01:00";

pub(super) fn spring_rules() -> Rules {
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
        // Half an hour after the treatment left no time for the daily task: not on Day 1.
        ("spf", 1, "not on the day"),
        // 20:00 came before the 23:30 treatment: the evening routine starts on Day 2's.
        ("cleanse@evening", 1, "not on the day"),
        ("spf", 2, "29 09:00+01:00–01 00:00+01:00"),
        ("spf", 3, "01 09:00+01:00–01 23:30+01:00"),
        ("cleanse@evening", 3, "01 20:00+01:00–01 23:30+01:00"),
    ];
    for (id, day, want) in cases {
        assert_eq!(span_words(&plan, id, day), want, "{id} on day {day}");
    }
}

#[test]
fn a_morning_or_evening_routine_before_the_treatment_is_not_on_its_day() {
    let rules = rules(&[
        ("spf", "do", 0, 72, "daily", ""),
        ("cleanse", "do", 0, 72, "morning_and_evening", ""),
    ]);
    let ticks = Ticks::new();
    // (treatment, now, standing of each task of Day 1 at now; None when not on the list)
    type Want = [(&'static str, Option<Standing>); 3];
    let cases: [(&str, &str, Want); 5] = [
        // Treated at 10:00, opened at 12:00: the 08:00 routine was before it; the daily
        // sunscreen is due from the treatment.
        (
            "2026-11-20T10:00:00+01:00",
            "2026-11-20T12:00:00+01:00",
            [
                ("spf", Some(Standing::Due)),
                ("cleanse@morning", None),
                ("cleanse@evening", Some(Standing::Upcoming)),
            ],
        ),
        // Treated at 07:30: the 08:00 slot comes after it, as on any day.
        (
            "2026-11-20T07:30:00+01:00",
            "2026-11-20T12:00:00+01:00",
            [
                ("spf", Some(Standing::Due)),
                ("cleanse@morning", Some(Standing::Missed)),
                ("cleanse@evening", Some(Standing::Upcoming)),
            ],
        ),
        // Treated at 23:30: the evening routine was before it, and the daily sunscreen had
        // half an hour left: not on Day 1, so not missed at 00:10 (issue 15).
        (
            "2026-11-20T23:30:00+01:00",
            "2026-11-21T00:10:00+01:00",
            [
                ("spf", None),
                ("cleanse@morning", None),
                ("cleanse@evening", None),
            ],
        ),
        // Treated at 22:00: two hours to midnight are time enough for the daily task.
        (
            "2026-11-20T22:00:00+01:00",
            "2026-11-21T00:10:00+01:00",
            [
                ("spf", Some(Standing::Missed)),
                ("cleanse@morning", None),
                ("cleanse@evening", None),
            ],
        ),
        // Treated at 22:01: 1 h 59 min is not.
        (
            "2026-11-20T22:01:00+01:00",
            "2026-11-20T23:00:00+01:00",
            [
                ("spf", None),
                ("cleanse@morning", None),
                ("cleanse@evening", None),
            ],
        ),
    ];
    for (treatment, now, want) in cases {
        let plan = Plan::new(&rules, at(treatment), Berlin);
        let day = plan.day(1);
        for (id, standing) in want {
            let task = day.tasks.iter().find(|t| t.id() == id);
            let got = task.filter(|t| !plan.is_before_treatment(t, day.date));
            let got = got.map(|t| plan.standing(t, day.date, &ticks, at(now)));
            assert_eq!(got, standing, "{id}, treated {treatment}, at {now}");
        }
    }
}
