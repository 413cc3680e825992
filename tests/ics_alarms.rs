//! The calendar's alarms as two independent iCalendar parsers read them (icalendar and
//! vobject from PyPI, run by tests/ics_alarms.py): for the built-in plan, an alarm for each
//! recurring task on each day of its window at the right local time, and one at the end of
//! each avoid window, for treatments before both changes of clocks in Berlin. The expected
//! alarms are worked out here from the rules file and the documented times (08:00, 20:00,
//! 09:00, or the window's opening when later), not by the app's engine.
//! The parsers run in a virtual environment under target/ (tests/calendar_parsers).

mod calendar_parsers;
mod cli_common;

use aftercare::rules::BUILTIN_JSON;
use calendar_parsers::{Alarm, parsed};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use cli_common::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The built-in plan exported for a treatment at `treated` (Berlin).
fn export_builtin(treated: &str) -> (Patient, PathBuf) {
    let p = Patient::new();
    p.at(treated).arg("start").assert().success();
    let file = p.data().join("plan.ics");
    p.at(treated)
        .args(["export", "ics"])
        .arg(&file)
        .assert()
        .success();
    (p, file)
}

fn berlin(at: DateTime<Utc>) -> String {
    at.with_timezone(&Berlin)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The instant the clocks in Berlin show `time` on `date` (where they skip it, when they
/// resume; where they show it twice, the first time).
fn wall(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let mut t = date.and_time(time);
    loop {
        if let Some(at) = Berlin.from_local_datetime(&t).earliest() {
            return at.with_timezone(&Utc);
        }
        t += Duration::minutes(1);
    }
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// The alarms the built-in plan should have for a treatment at `treated`, from its rules
/// file and the documented times.
fn expected(treated: DateTime<Utc>) -> Vec<Alarm> {
    let plan: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    let date = |t: DateTime<Utc>| t.with_timezone(&Berlin).date_naive();
    // An edge in hours after the treatment, or the local midnight that starts plan day
    // `from_day` (Day 1 is the treatment's date) or ends day `until_day`.
    let hours = |v: &Value, key: &str| {
        if let Some(h) = v[key].as_i64() {
            return treated + Duration::hours(h);
        }
        let (day_key, after) = match key {
            "from_hours" => ("from_day", 1),
            _ => ("until_day", 0),
        };
        let day = v[day_key]
            .as_i64()
            .unwrap_or_else(|| panic!("{key} or {day_key}: {v}"));
        let midnight = date(treated) + Duration::days(day - after);
        wall(midnight, hm(0, 0))
    };
    let mut alarms: Vec<(String, DateTime<Utc>)> = Vec::new();
    for rule in plan["rules"].as_array().unwrap() {
        let (opens, closes) = (hours(rule, "from_hours"), hours(rule, "until_hours"));
        let title = rule["title"].as_str().unwrap().to_string();
        match (
            rule["kind"].as_str().unwrap(),
            rule["repeat"].as_str().unwrap_or("daily"),
        ) {
            ("avoid", _) if closes > treated => {
                let words = rule["lifted"]
                    .as_str()
                    .map_or(format!("{title}: over"), String::from);
                alarms.push((words, closes));
            }
            ("avoid", _) => {}
            // Done as needed: never due, so never an alarm.
            ("do", _) if rule["as_needed"] == true => {}
            ("do", "once") => {
                let at = wall(date(opens), hm(9, 0));
                alarms.push((title, if at > opens && at < closes { at } else { opens }));
            }
            ("do", repeat) => {
                // A daily task is due at its `at` ("08:00"), or 09:00.
                let at = rule["at"]
                    .as_str()
                    .map_or(hm(9, 0), |t| NaiveTime::parse_from_str(t, "%H:%M").unwrap());
                let slots: &[(Option<&str>, NaiveTime, NaiveTime)] = match repeat {
                    "daily" => &[(None, at, hm(23, 59))],
                    _ => &[
                        (Some("morning"), hm(8, 0), hm(11, 59)),
                        (Some("evening"), hm(20, 0), hm(23, 59)),
                    ],
                };
                let last = date(closes - Duration::nanoseconds(1));
                for day in date(opens).iter_days().take_while(|d| *d <= last) {
                    for (name, time, part_end) in slots {
                        // Due when the window is open between the slot's time and the end of
                        // its part of the day: from that time, or from the opening if later.
                        let (from, to) = (
                            wall(day, *time),
                            wall(day, *part_end) + Duration::minutes(1),
                        );
                        if opens < to && closes > from {
                            let summary = name.map_or(title.clone(), |n| format!("{title} ({n})"));
                            alarms.push((summary, from.max(opens)));
                        }
                    }
                }
            }
            (kind, _) => panic!("kind {kind}"),
        }
    }
    let next = &plan["next_session"];
    let (opens, closes) = (hours(next, "from_hours"), hours(next, "until_hours"));
    let local = |t: DateTime<Utc>| {
        t.with_timezone(&Berlin)
            .format("%a %-d %b %H:%M")
            .to_string()
    };
    let week_before = wall(
        date(opens) - Duration::days(7),
        opens.with_timezone(&Berlin).time(),
    );
    alarms.push((
        format!(
            "Your next session is possible from {}: time to book it",
            local(opens)
        ),
        week_before,
    ));
    alarms.push((
        format!("Your next session is due from now until {}", local(closes)),
        opens,
    ));
    let mut alarms: Vec<Alarm> = alarms.into_iter().map(|(d, t)| (d, berlin(t))).collect();
    alarms.sort();
    alarms
}

/// What differs between two sorted lists of alarms, for a readable failure.
fn difference(got: &[Alarm], want: &[Alarm]) -> String {
    let count = |list: &[Alarm]| {
        let mut map: BTreeMap<Alarm, i32> = BTreeMap::new();
        for a in list {
            *map.entry(a.clone()).or_default() += 1;
        }
        map
    };
    let (got, want) = (count(got), count(want));
    let mut lines = Vec::new();
    for (alarm, n) in &want {
        let m = got.get(alarm).copied().unwrap_or(0);
        if m != *n {
            lines.push(format!("want {n}, got {m}: {alarm:?}"));
        }
    }
    for (alarm, m) in &got {
        if !want.contains_key(alarm) {
            lines.push(format!("unexpected {m}: {alarm:?}"));
        }
    }
    lines.join("\n")
}

fn check_builtin(treated: &str) {
    let (_p, file) = export_builtin(treated);
    let Some(parsed) = parsed(&file) else { return };
    let at = Berlin
        .from_local_datetime(
            &chrono::NaiveDateTime::parse_from_str(treated, "%Y-%m-%d %H:%M").unwrap(),
        )
        .unwrap()
        .with_timezone(&Utc);
    let want = expected(at);
    for (parser, got) in ["icalendar", "vobject"].iter().zip(&parsed) {
        let diff = difference(got, &want);
        assert!(
            diff.is_empty(),
            "{parser} read other alarms than expected:\n{diff}"
        );
    }
    println!("{treated}: {} alarms, the same in both parsers", want.len());
}

#[test]
fn the_builtin_plan_alarms_at_the_right_local_times_across_the_spring_change() {
    // The clocks go forward on Sunday 29 March, Day 10.
    check_builtin("2026-03-20 14:00");
}

#[test]
fn the_builtin_plan_alarms_at_the_right_local_times_across_the_autumn_change() {
    // The clocks go back on Sunday 25 October, Day 6.
    check_builtin("2026-10-20 14:00");
}

/// A plan with a time of day the clocks skip and repeat, a window in days and a short one.
const TIMES_PLAN: &str = r#"{
  "format": 2, "name": "Times", "procedure": "Test fixture", "disclaimer": "Not advice.",
  "rules": [
    { "id": "pill", "title": "Night tablet", "kind": "do", "at": "02:30",
      "from_hours": 0, "until_hours": 240, "rationale": "r", "sources": [] },
    { "id": "walk", "title": "Evening walk", "kind": "do", "at": "18:15",
      "from_day": 2, "until_day": 3, "rationale": "r", "sources": [] },
    { "id": "rinse", "title": "Rinse", "kind": "do", "repeat": "morning_and_evening",
      "from_hours": 24, "until_hours": 28, "rationale": "r", "sources": [] },
    { "id": "no-swim", "title": "No swimming", "kind": "avoid",
      "from_hours": 0, "until_hours": 36, "rationale": "r", "sources": [] }
  ]
}"#;

#[test]
fn times_the_clocks_skip_or_repeat_are_exact_instants() {
    // Friday 27 March 2026 at 14:00: Sunday 02:30 does not exist; and 23 October, the
    // Sunday 25th has 02:30 twice.
    let cases: [(&str, &[(&str, &str)]); 2] = [
        (
            "2026-03-27 14:00",
            &[
                ("Night tablet", "2026-03-27 14:00"),
                ("Night tablet", "2026-03-28 02:30"),
                ("Night tablet", "2026-03-29 03:00"),
                ("Night tablet", "2026-03-30 02:30"),
                ("Evening walk", "2026-03-28 18:15"),
                ("Evening walk", "2026-03-29 18:15"),
                ("Rinse (evening)", "2026-03-28 14:00"),
                ("No swimming: over", "2026-03-29 03:00"),
            ],
        ),
        (
            "2026-10-23 14:00",
            &[
                ("Night tablet", "2026-10-23 14:00"),
                ("Night tablet", "2026-10-24 02:30"),
                ("Night tablet", "2026-10-25 02:30"),
                ("Evening walk", "2026-10-24 18:15"),
                ("Evening walk", "2026-10-25 18:15"),
                ("Rinse (evening)", "2026-10-24 14:00"),
                ("No swimming: over", "2026-10-25 02:00"),
            ],
        ),
    ];
    for (treated, some) in cases {
        let p = Patient::new();
        let rules = write(p.data(), "times.json", TIMES_PLAN);
        p.at(treated)
            .arg("--rules")
            .arg(&rules)
            .arg("start")
            .assert()
            .success();
        let file = p.data().join("times.ics");
        p.at(treated)
            .arg("--rules")
            .arg(&rules)
            .args(["export", "ics"])
            .arg(&file)
            .assert()
            .success();
        let Some([icalendar, vobject]) = parsed(&file) else {
            return;
        };
        assert_eq!(icalendar, vobject, "the parsers disagree");
        for (what, when) in some {
            let alarm = (what.to_string(), when.to_string());
            assert!(
                icalendar.contains(&alarm),
                "{treated}: no {alarm:?} in {icalendar:#?}"
            );
        }
        // Ten days of the tablet, one alarm each: no day twice, none left out.
        let tablets = icalendar.iter().filter(|a| a.0 == "Night tablet").count();
        assert_eq!(
            tablets, 11,
            "{treated}: Day 1 at the opening, then 02:30 on days 2–11"
        );
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.contains("EXDATE:"),
            "{treated}: the odd day is left out of the series"
        );
    }
}
