//! `export ics`: the calendar file, parsed back with the icalendar crate's parser. A small
//! plan treated on Saturday 28 March 2026 at 14:00 in Berlin, the day before the clocks go
//! forward, shows that windows end at the exact instant and reminders stay at the same
//! wall-clock time across the change.

mod cli_common;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use cli_common::*;
use icalendar::{Calendar, Component, Event};
use predicates::str::contains;
use std::fs;
use std::path::Path;

const TREATED_BEFORE_DST: &str = "2026-03-28 14:00";

const DST_PLAN: &str = r#"{
  "format": 1,
  "name": "Test plan",
  "procedure": "Invented procedure (test fixture, not medical advice)",
  "disclaimer": "A test fixture, not medical advice.",
  "sources": [{ "id": "s1", "title": "Test leaflet" }],
  "rules": [
    { "id": "before-no-sun", "title": "No sun before", "kind": "avoid",
      "from_hours": -24, "until_hours": 0, "rationale": "Calm skin first.", "sources": ["s1"] },
    { "id": "no-makeup", "title": "No makeup", "kind": "avoid",
      "from_hours": 0, "until_hours": 48, "rationale": "Pores are open.", "sources": ["s1"] },
    { "id": "sunscreen", "title": "Sunscreen", "kind": "do", "repeat": "daily",
      "from_hours": 0, "until_hours": 72, "rationale": "UV harms new skin.", "sources": [] },
    { "id": "cleanse", "title": "Cleanse", "kind": "do", "repeat": "morning_and_evening",
      "from_hours": 0, "until_hours": 48, "rationale": "Keep it clean.", "sources": [] },
    { "id": "book-next", "title": "Book the next session", "kind": "do", "repeat": "once",
      "from_hours": 672, "until_hours": 1008, "rationale": "Sessions are weeks apart.",
      "sources": ["s1"] }
  ]
}"#;

/// A patient on the DST plan, treated at TREATED_BEFORE_DST.
fn patient() -> (Patient, String) {
    let p = Patient::new();
    let rules = write(p.data(), "plan.json", DST_PLAN);
    let rules = rules.to_str().unwrap().to_string();
    p.at(TREATED_BEFORE_DST)
        .args(["--rules", &rules, "start"])
        .assert()
        .success();
    (p, rules)
}

fn export(p: &Patient, rules: &str, file: &Path) -> String {
    let out = p
        .at("2026-03-28 15:00")
        .args(["--rules", rules, "export", "ics"])
        .arg(file)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// The DST patient's calendar, exported and parsed.
fn exported_events() -> Vec<Event> {
    let (p, rules) = patient();
    let file = p.data().join("plan.ics");
    export(&p, &rules, &file);
    events(&file)
}

fn events(file: &Path) -> Vec<Event> {
    let text = fs::read_to_string(file).unwrap();
    let calendar: Calendar = text.parse().unwrap();
    calendar.events().cloned().collect()
}

fn event<'a>(events: &'a [Event], uid_start: &str) -> &'a Event {
    let uid = format!("{uid_start}-20260328T130000Z@aftercare");
    events
        .iter()
        .find(|e| e.get_uid() == Some(uid.as_str()))
        .unwrap_or_else(|| panic!("no event {uid}"))
}

fn value<'a>(event: &'a Event, key: &str) -> &'a str {
    event
        .property_value(key)
        .unwrap_or_else(|| panic!("no {key}"))
}

fn utc(text: &str) -> DateTime<Utc> {
    NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%SZ")
        .unwrap_or_else(|e| panic!("{text} is not a UTC time: {e}"))
        .and_utc()
}

fn floating(text: &str) -> NaiveDateTime {
    assert!(!text.ends_with('Z'), "{text} should be floating local time");
    NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").unwrap()
}

fn berlin(text: &str) -> String {
    utc(text)
        .with_timezone(&Berlin)
        .format("%Y-%m-%d %H:%M %Z")
        .to_string()
}

#[test]
fn writes_one_event_per_window_and_reminder_series() {
    let (p, rules) = patient();
    let file = p.data().join("plan.ics");
    let out = export(&p, &rules, &file);
    // Two avoid windows, the end of the one that is not preparation, a one-off and a series
    // for sunscreen, a morning and an evening series for cleansing, the once task.
    assert_eq!(out, format!("Wrote 8 events to {}\n", file.display()));
    let events = events(&file);
    assert_eq!(events.len(), 8);
    for e in &events {
        let uid = e.get_uid().unwrap();
        assert!(uid.ends_with("-20260328T130000Z@aftercare"), "{uid}");
        let description = e.get_description().unwrap();
        assert!(description.ends_with("Not medical advice; follow your provider."));
        assert_eq!(
            value(e, "DTSTAMP"),
            "20260328T140000Z",
            "stamped with --now"
        );
    }
    let mut uids: Vec<&str> = events.iter().filter_map(|e| e.get_uid()).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), 8, "UIDs are unique");
    let text = fs::read_to_string(&file).unwrap();
    assert!(!text.contains("TZID") && !text.contains("VTIMEZONE"));
    assert!(text.contains("PRODID:-//aftercare//aftercare "));
}

#[test]
fn avoid_windows_end_at_the_exact_instant_across_the_dst_change() {
    let events = exported_events();
    let makeup = event(&events, "no-makeup");
    assert_eq!(value(makeup, "SUMMARY"), "No makeup");
    assert_eq!(value(makeup, "DTSTART"), "20260328T130000Z");
    assert_eq!(value(makeup, "DTEND"), "20260330T130000Z");
    assert_eq!(
        utc(value(makeup, "DTEND")) - utc(value(makeup, "DTSTART")),
        chrono::Duration::hours(48)
    );
    // 48 h after 14:00 CET is 15:00 CEST: the clocks went forward in between.
    assert_eq!(berlin(value(makeup, "DTEND")), "2026-03-30 15:00 CEST");
    let description = makeup.get_description().unwrap();
    assert!(
        description.starts_with("Until Mon 30 Mar 15:00.\n\nPores are open."),
        "{description}"
    );
    assert!(description.contains("Sources:\n- Test leaflet."));
    let before = event(&events, "before-no-sun");
    assert_eq!(berlin(value(before, "DTSTART")), "2026-03-27 14:00 CET");
    assert_eq!(berlin(value(before, "DTEND")), "2026-03-28 14:00 CET");
}

#[test]
fn one_time_tasks_span_their_window() {
    let events = exported_events();
    let next = event(&events, "book-next");
    assert_eq!(
        value(next, "DTSTART"),
        "20260425T130000Z",
        "672 h after treatment"
    );
    assert_eq!(
        value(next, "DTEND"),
        "20260509T130000Z",
        "1008 h after treatment"
    );
    assert!(next.property_value("RRULE").is_none());
    assert!(next.get_description().unwrap().starts_with(
        "Once, between Sat 25 Apr 15:00 and Sat 9 May 15:00.\n\nSessions are weeks apart."
    ));
}

/// The local times of a daily floating series: its start on each of COUNT days.
fn occurrences(event: &Event) -> Vec<NaiveDateTime> {
    let start = floating(value(event, "DTSTART"));
    let count = match event.property_value("RRULE") {
        Some(rule) => rule
            .strip_prefix("FREQ=DAILY;COUNT=")
            .unwrap_or_else(|| panic!("unexpected RRULE {rule}"))
            .parse()
            .unwrap(),
        None => 1,
    };
    (0..count)
        .map(|d| start + chrono::Duration::days(d))
        .collect()
}

fn local(texts: &[&str]) -> Vec<NaiveDateTime> {
    texts
        .iter()
        .map(|t| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M").unwrap())
        .collect()
}

#[test]
fn reminders_stay_at_the_same_local_time_across_the_dst_change() {
    let events = exported_events();
    let evening = event(&events, "cleanse.evening");
    assert_eq!(value(evening, "SUMMARY"), "Cleanse (evening)");
    assert_eq!(
        occurrences(evening),
        local(&["2026-03-28 20:00", "2026-03-29 20:00"]),
        "20:00 on both sides of the change; Monday 20:00 is after the window"
    );
    // The same wall time is a different UTC hour on each side: a UTC series would drift.
    let offsets: Vec<String> = occurrences(evening)
        .iter()
        .map(|t| {
            Berlin
                .from_local_datetime(t)
                .unwrap()
                .format("%:z")
                .to_string()
        })
        .collect();
    assert_eq!(offsets, ["+01:00", "+02:00"]);
    let morning = event(&events, "cleanse.morning");
    assert_eq!(
        occurrences(morning),
        local(&["2026-03-29 08:00", "2026-03-30 08:00"]),
        "no morning reminder on the treatment day: the window opens at 14:00"
    );
    // A daily task whose window opens after 09:00 starts with a reminder at the opening:
    // an instant, so in UTC.
    let first = event(&events, "sunscreen.20260328");
    assert_eq!(berlin(value(first, "DTSTART")), "2026-03-28 14:00 CET");
    assert!(first.property_value("RRULE").is_none());
    assert_eq!(
        occurrences(event(&events, "sunscreen")),
        local(&["2026-03-29 09:00", "2026-03-30 09:00", "2026-03-31 09:00"])
    );
    let description = event(&events, "sunscreen").get_description().unwrap();
    assert!(description.starts_with("Daily until Tue 31 Mar 15:00.\n\nUV harms new skin."));
}

#[test]
fn exporting_again_replaces_the_file_with_the_same_events() {
    let (p, rules) = patient();
    let file = p.data().join("plan.ics");
    fs::write(&file, "old").unwrap();
    export(&p, &rules, &file);
    let first = fs::read_to_string(&file).unwrap();
    export(&p, &rules, &file);
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        first,
        "same UIDs, same text"
    );
    let mut names: Vec<String> = fs::read_dir(p.data())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("state") && n != "plans")
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["plan.ics", "plan.json"],
        "no temporary file left behind"
    );
}

#[test]
fn the_built_in_plan_exports() {
    let p = Patient::treated();
    let file = p.data().join("microneedling.ics");
    p.at(DAY3)
        .args(["export", "ics"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("Wrote 36 events to"));
    // Each rule once; the three done as needed too (one event over the window, "(as
    // needed)", no alarm: never due).
    assert_eq!(events(&file).len(), 36);
}

#[test]
fn a_plan_name_with_commas_and_semicolons_is_escaped_in_name_and_x_wr_calname() {
    // Issue 16 item 9: NAME was written "NAME:Smith, Jones; Skin", a list of three values.
    let p = Patient::new();
    let plan = DST_PLAN.replace("\"Test plan\"", r#""Smith, Jones; Skin \\ Co""#);
    let rules = write(p.data(), "plan.json", &plan);
    let rules = rules.to_str().unwrap().to_string();
    p.at(TREATED_BEFORE_DST)
        .args(["--rules", &rules, "start"])
        .assert()
        .success();
    let file = p.data().join("plan.ics");
    export(&p, &rules, &file);
    let text = fs::read_to_string(&file).unwrap();
    let names: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("NAME") || l.starts_with("X-WR-CALNAME"))
        .collect();
    assert_eq!(
        names,
        [
            r"NAME:Smith\, Jones\; Skin \\ Co",
            r"X-WR-CALNAME:Smith\, Jones\; Skin \\ Co"
        ]
    );
}
