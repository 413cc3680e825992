//! Issue 15, "time and counting", on the command line: `today` says where each task to do
//! stands as the screen does. Before its slot begins it says from when ("evening · from
//! 20:00"), never as if due; once over unticked, "missed". Berlin, treatment Fri 20 Nov 2026
//! 14:00.

mod cli_common;

use cli_common::*;

/// The "when" beside `title` in `today`'s text at `now`.
fn when_of(p: &Patient, now: &str, title: &str) -> Vec<String> {
    let text = stdout(p.at(now).arg("today"));
    text.lines()
        .filter(|l| l.starts_with(&format!("  [ ] {title}")))
        .map(|l| l[l.find(title).unwrap() + title.len()..].trim().to_string())
        .collect()
}

#[test]
fn today_says_a_slot_is_later_until_it_begins_and_missed_once_over() {
    let p = Patient::treated();
    let cleanser = "Use a gentle, fragrance-free cleanser";
    // (now, the cleanser's words in the day's order: morning, then evening)
    let cases: [(&str, &[&str]); 6] = [
        // Day 1 at 18:30: the evening routine is from 20:00 (the morning's was before the
        // 14:00 treatment).
        ("2026-11-20 18:30", &["evening · from 20:00"]),
        ("2026-11-20 20:00", &["evening"]),
        // Day 2 just after midnight: nothing is due yet.
        (
            "2026-11-21 00:05",
            &["morning · from 08:00", "evening · from 20:00"],
        ),
        (
            "2026-11-21 08:00",
            &["morning · by 12:00", "evening · from 20:00"],
        ),
        (
            "2026-11-21 13:00",
            &["missed · morning", "evening · from 20:00"],
        ),
        ("2026-11-21 23:59", &["missed · morning", "evening"]),
    ];
    for (now, want) in cases {
        assert_eq!(when_of(&p, now, cleanser), want, "at {now}");
    }
    // A daily task due from 09:00 says so before then; after, plain "daily". The sunscreen
    // is due from 08:00, before the patient goes out.
    assert_eq!(
        when_of(&p, "2026-11-21 00:05", "Drink plenty of water"),
        ["daily · from 09:00"]
    );
    assert_eq!(
        when_of(&p, "2026-11-21 09:00", "Drink plenty of water"),
        ["daily"]
    );
    assert_eq!(
        when_of(&p, "2026-11-21 00:05", "Apply SPF 30+ sunscreen"),
        ["daily · from 08:00"]
    );
    assert_eq!(
        when_of(&p, "2026-11-21 08:00", "Apply SPF 30+ sunscreen"),
        ["daily"]
    );
    // Ticked, the words are the slot's again.
    p.at("2026-11-21 07:00")
        .args(["check", "gentle-cleanser@morning"])
        .assert()
        .success();
    assert_eq!(
        when_of(
            &p,
            "2026-11-21 07:01",
            "Use a gentle, fragrance-free cleanser"
        ),
        ["evening · from 20:00"]
    );
}

/// Tasks done only as needed come after the rest, as on the screen, and the example of how
/// to tick names a task that counts (it named "Follow your provider's instructions").
#[test]
fn today_lists_tasks_done_as_needed_last_and_ticks_one_that_counts() {
    let p = Patient::treated();
    let text = stdout(p.at("2026-11-21 08:30").arg("today"));
    let at = |title: &str| {
        text.find(title)
            .unwrap_or_else(|| panic!("{title}:\n{text}"))
    };
    for as_needed in ["Follow your provider's instructions", "Cold compress"] {
        for counted in ["Apply SPF 30+ sunscreen", "Drink plenty of water"] {
            assert!(
                at(counted) < at(as_needed),
                "{counted} / {as_needed}:\n{text}"
            );
        }
    }
    assert!(
        text.contains("Tick a task off: aftercare check gentle-cleanser@morning"),
        "{text}"
    );
}

/// A plan with a twice-daily task for the healing week alone, and one for six weeks (the
/// built-in plan's cleanser runs the whole plan since round 10).
const WEEK_ROUTINE: &str = r#"{"format":2,"name":"Week routine","procedure":"t","disclaimer":"d",
  "rules":[
    {"id":"cleanse","title":"Cleanse gently","kind":"do","repeat":"morning_and_evening",
     "from_hours":0,"until_hours":168,"rationale":"r","sources":[]},
    {"id":"moisturize","title":"Moisturize","kind":"do","repeat":"morning_and_evening",
     "from_hours":0,"until_hours":1008,"rationale":"r","sources":[]}]}"#;

/// A window that closes inside a slot says so: a week after a 10:00 treatment the
/// week's cleanse has its last morning end at 10:00, not at noon as every other morning does.
/// Before that it read "morning" and at 10:30 turned up missed (seen by a walk-through).
#[test]
fn a_slot_cut_short_by_its_window_says_until_when() {
    let p = Patient::new();
    let file = write(p.data(), "week.json", WEEK_ROUTINE);
    p.at("2026-11-20 10:00")
        .arg("--rules")
        .arg(&file)
        .args(["start", "--at", "2026-11-20 10:00"])
        .assert()
        .success();
    let cleanser = "Cleanse gently";
    let moisturizer = "Moisturize";
    assert_eq!(
        when_of(&p, "2026-11-27 09:00", cleanser),
        ["morning · until 10:00"]
    );
    // The moisturizer goes on for six weeks: its morning is the whole morning, till noon.
    assert_eq!(
        when_of(&p, "2026-11-27 09:00", moisturizer),
        ["morning · by 12:00", "evening · from 20:00"]
    );
    assert_eq!(
        when_of(&p, "2026-11-27 10:30", cleanser),
        ["missed · morning"]
    );
    // The day before, the same morning runs to noon.
    assert_eq!(
        when_of(&p, "2026-11-26 09:00", cleanser),
        ["morning · by 12:00", "evening · from 20:00"]
    );
}
