//! Issue 15, "The patient's day, right at first sight", as a new patient walked through it:
//! a first treatment whose plan would already be over needs `--confirm` (and dates outside
//! the current year say their year); no routine before the treatment is due or missed; the
//! booking of the next session reads the same in `today` and `remind`, and once ticked no
//! reminder asks to book it. Europe/Berlin.

mod cli_common;

use cli_common::*;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

/// Now, a year and a few hours after the treatment the patient means to type.
const NOW: &str = "2026-11-28 18:30";

#[test]
fn a_first_treatment_whose_plan_is_over_needs_confirming() {
    let p = Patient::new();
    p.at(NOW)
        .args(["start", "--at", "2025-11-28 15:00"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "aftercare: Not recorded: Fri 28 Nov 2025 15:00 is 365 days ago: its 43-day plan\n\
             would already be over.\nDid you mean Sat 28 Nov 2026 15:00? Record that with:\n  \
             aftercare start --at \"2026-11-28 15:00\"\nIf Fri 28 Nov 2025 15:00 is right, \
             run it again with --confirm:\n  aftercare start --at \"2025-11-28 15:00\" \
             --confirm\n",
        );
    assert!(!p.state_file().exists());
    // The year suggested is accepted as it is suggested (issue 15).
    p.at(NOW)
        .args(["start", "--at", "2026-11-28 15:00"])
        .assert()
        .success()
        .stdout(contains(
            "Treatment recorded: Sat 28 Nov 2026 15:00. Day 1 is today.",
        ));
    // Day 43 is still the plan's: recorded without asking.
    let p = Patient::new();
    p.at(NOW)
        .args(["start", "--at", "2026-10-17 15:00"])
        .assert()
        .success();
    // Day 44: over.
    let p = Patient::new();
    p.at(NOW)
        .args(["start", "--at", "2026-10-16 15:00"])
        .assert()
        .code(2)
        .stderr(contains("is 43 days ago: its 43-day plan"));
}

#[test]
fn confirmed_the_year_shows_wherever_a_date_is_not_this_year() {
    let p = Patient::new();
    p.at(NOW)
        .args(["start", "--at", "2025-11-28 15:00", "--confirm"])
        .assert()
        .success()
        .stdout(contains("Day 1 was Fri 28 Nov 2025;"));
    let day = p.today(NOW);
    assert_eq!(day["treatment"], "2025-11-28T15:00:00+01:00");
    // The next session's window was in Dec 2025 – Jan 2026: no longer open, so not said.
    assert!(day["next_session"].is_null(), "{day}");
    let p = Patient::new();
    p.at("2026-01-02 10:00")
        .args(["start", "--at", "2025-12-20 15:00"])
        .assert()
        .success();
    // From 2026, a window in another year says its year.
    assert_eq!(
        p.today("2026-01-02 10:00")["next_session"],
        "next session possible in 15 d (from Sat 17 Jan)"
    );
    let p = Patient::new();
    p.at("2025-12-30 10:00")
        .args(["start", "--at", "2025-12-20 15:00"])
        .assert()
        .success();
    assert_eq!(
        p.today("2025-12-30 10:00")["next_session"],
        "next session possible in 18 d (from Sat 17 Jan 2026)"
    );
}

#[test]
fn the_next_session_or_a_correction_is_checked_the_same_way() {
    let p = Patient::treated();
    // Added as the next session, months later than it happened: its plan is over too.
    p.at("2027-03-20 10:00")
        .args(["start", "--next", "--at", "2027-01-10 10:00"])
        .assert()
        .code(2)
        .stderr(contains(
            "Not recorded: Sun 10 Jan 2027 10:00 is 69 days ago: its 43-day plan",
        ))
        .stderr(contains("--next --confirm"));
    // A correction to a year earlier: the same.
    p.at(DAY3)
        .args(["start", "--replace", "--at", "2025-11-20 14:00"])
        .assert()
        .code(2)
        .stderr(contains(
            "Not recorded: Thu 20 Nov 2025 14:00 is 366 days ago.",
        ));
}

#[test]
fn before_a_morning_treatment_nothing_is_due_or_missed() {
    let p = Patient::new();
    p.at("2026-11-20 12:00")
        .args(["start", "--at", "2026-11-20 10:00"])
        .assert()
        .success();
    let day = p.today("2026-11-20 12:00");
    let tasks = day["tasks"].as_array().unwrap();
    let ids: Vec<&str> = tasks.iter().map(|t| t["id"].as_str().unwrap()).collect();
    // The 08:00 routine was before the treatment: not on Day 1.
    for gone in ["gentle-cleanser@morning", "moisturize@morning"] {
        assert!(!ids.contains(&gone), "{gone} on Day 1: {ids:?}");
    }
    for kept in [
        "gentle-cleanser@evening",
        "moisturize@evening",
        "sunscreen-treatment-day",
    ] {
        assert!(ids.contains(&kept), "{kept} not on Day 1: {ids:?}");
    }
    // The patient's own sunscreen starts on Day 2: on Day 1 only the provider's.
    assert!(!ids.contains(&"sunscreen-spf30"), "{ids:?}");
    // Counted at 12:00: the two daily tasks (due from the treatment); the evening's two
    // join at 20:00; never the morning's cleanser and moisturizer, nor what is done as
    // needed, nor the things to avoid (kept without a tick).
    assert_eq!(day["recovery"]["due"], 2, "{day}");
    assert_eq!(p.today("2026-11-20 20:00")["recovery"]["due"], 4);
    p.at("2026-11-20 12:00")
        .arg("today")
        .assert()
        .success()
        .stdout(contains("missed").not());
    // A 23:30 treatment: at 00:10 nothing of Day 1 was due.
    let p = Patient::new();
    p.at("2026-11-20 23:35")
        .args(["start", "--at", "2026-11-20 23:30"])
        .assert()
        .success();
    p.at("2026-11-21 00:10")
        .arg("remind")
        .assert()
        .stdout(contains("Due now").not());
    // Day 1's daily tasks, due from 09:00, had half an hour after the treatment: not on Day
    // 1, so not missed (issue 15); nor is its evening routine, whose 20:00 came before 23:30.
    let day1 = p.json(
        "2026-11-21 00:10",
        &["plan", "--json", "--from", "1", "--to", "1"],
    );
    let ids: Vec<&str> = day1["days"][0]["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kind"] == "do" && t["as_needed"] != true)
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, Vec::<&str>::new(), "{day1}");
    // Counted at 00:10: nothing. Day 1's eight things to avoid had half an hour, and Day 2's
    // tasks join as they come due (the morning routine and the sunscreen at 08:00, the rest
    // from 09:00).
    let day = p.today("2026-11-21 00:10");
    assert_eq!(day["recovery"]["due"], 0, "{day}");
    assert_eq!(p.today("2026-11-21 08:00")["recovery"]["due"], 3);
    p.at("2026-11-21 00:10")
        .arg("today")
        .assert()
        .success()
        .stdout(contains("missed").not());
}

#[test]
fn the_booking_reads_the_same_everywhere_and_stops_once_booked() {
    let p = Patient::new();
    p.at("2026-11-28 16:00")
        .args(["start", "--at", "2026-11-28 15:00"])
        .assert()
        .success();
    // Day 22: it comes up a week before the window opens, tickable.
    let day22 = p.today("2026-12-19 10:00");
    let booking = task(&day22, "book-next-session");
    assert_eq!(booking["when"], "session possible in 7 d · from Sat 26 Dec");
    assert_eq!(booking["coming_up"], true);
    p.at("2026-12-19 10:00")
        .arg("today")
        .assert()
        .stdout(contains("session possible in 7 days · from Sat 26 Dec"));
    // Not booked, a reminder says so ...
    p.at("2026-12-19 16:00")
        .arg("remind")
        .assert()
        .stdout(contains("time to book it"));
    p.at("2026-12-19 16:05")
        .args(["check", "book-next-session"])
        .assert()
        .success();
    assert_eq!(
        task(&p.today("2026-12-19 16:10"), "book-next-session")["when"],
        "booked"
    );
    // ... and once booked, never again.
    let p2 = Patient::new();
    p2.at("2026-11-28 16:00")
        .args(["start", "--at", "2026-11-28 15:00"])
        .assert()
        .success();
    // Last reminded before it came up, booked after: Day 30's reminder covers the moment it
    // came up, and says nothing about booking.
    p2.at("2026-12-18 10:00").arg("remind").assert().success();
    p2.at("2026-12-20 10:00")
        .args(["check", "book-next-session"])
        .assert()
        .success();
    for p in [&p, &p2] {
        p.at("2026-12-27 10:00")
            .arg("remind")
            .assert()
            .stdout(contains("time to book it").not());
        let day = p.today("2026-12-27 10:00");
        assert_eq!(task(&day, "book-next-session")["when"], "booked");
        // Booked days ago, it is in no count of today's ticks (it was 1/6 with nothing
        // ticked today), though the recovery counts it done.
        assert_eq!(task(&day, "book-next-session")["done_before"], true);
        assert_eq!(
            (day["done"].as_u64(), day["total"].as_u64()),
            (Some(0), Some(7))
        );
        assert_eq!(day["recovery"]["done"], 1);
    }
}

/// Once the booking is ticked, `today` says the next session is booked, with its window,
/// never "due now" (a walk-through read "Next session due now" on Day 29, booked on Day 22,
/// as "you should be there now").
#[test]
fn a_booked_next_session_is_never_said_due_now() {
    let p = Patient::treated();
    p.at("2026-12-11 15:00")
        .args(["check", "book-next-session"])
        .assert()
        .success();
    let before = stdout(p.at("2026-12-12 09:00").arg("today"));
    assert!(
        before.contains("Next session booked (window from Fri 18 Dec)"),
        "{before}"
    );
    let during = stdout(p.at("2026-12-20 09:00").arg("today"));
    assert!(
        during.contains("Next session booked (window until Fri 1 Jan 2027)"),
        "{during}"
    );
    assert!(!during.contains("due now"), "{during}");
}
