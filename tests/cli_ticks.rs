//! `check` and `uncheck` from the command line: ticks persist, once-tasks stay done, and every
//! mistake gets a message saying what to type instead (exit 2).

mod cli_common;

use cli_common::*;
use predicates::prelude::*;
use predicates::str::contains;
use std::fs;

// ---- check / uncheck ----

#[test]
fn check_and_uncheck_round_trip() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["check", "sunscreen-spf30"])
        .assert()
        .success()
        .stdout("Ticked: Apply SPF 30+ sunscreen (Day 3, Sun 22 Nov, today)\n");
    assert!(done(&p.today(DAY3), "sunscreen-spf30"));
    p.at(DAY3)
        .args(["check", "sunscreen-spf30"])
        .assert()
        .success()
        .stdout(contains("Already ticked: Apply SPF 30+ sunscreen"));
    p.at(DAY3)
        .args(["uncheck", "sunscreen-spf30"])
        .assert()
        .success()
        .stdout(contains("Unticked: Apply SPF 30+ sunscreen"));
    assert!(!done(&p.today(DAY3), "sunscreen-spf30"));
    p.at(DAY3)
        .args(["uncheck", "sunscreen-spf30"])
        .assert()
        .success()
        .stdout(contains("Not ticked, nothing to undo"));
}

#[test]
fn tick_offs_persist_for_their_day_only() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["check", "gentle-cleanser@evening"])
        .assert()
        .success();
    p.at(DAY3).args(["check", "no-makeup"]).assert().success();
    let later = p.today("2026-11-22 21:45");
    assert!(done(&later, "gentle-cleanser@evening"));
    assert!(!done(&later, "gentle-cleanser@morning"));
    // No makeup, ticked as kept, is not in the count of what was done: things to avoid are
    // counted apart.
    assert_eq!(later["done"], 1);
    assert!(done(&p.today("2026-11-22 13:00"), "no-makeup"));
    assert!(!done(
        &p.today("2026-11-23 08:00"),
        "gentle-cleanser@evening"
    ));
}

#[test]
fn check_with_day_ticks_another_day() {
    let p = Patient::treated();
    p.at(DAY6)
        .args(["check", "drink-water", "--day", "5"])
        .assert()
        .success()
        .stdout("Ticked: Drink plenty of water (Day 5, Tue 24 Nov)\n");
    let plan = p.json(DAY6, &["plan", "--json"]);
    let day = |n: i64| {
        plan["days"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["day"] == n)
            .unwrap()
    };
    assert!(done(day(5), "drink-water"));
    assert!(!done(day(3), "drink-water"));
    // Days before the treatment are numbered 0, -1, ... and take negative numbers.
    p.at(DAY3)
        .args(["check", "before-tell-provider", "--day", "-2"])
        .assert()
        .success()
        .stdout(contains("(Day -2, Tue 17 Nov)"));
}

#[test]
fn a_once_task_stays_done_and_unchecking_it_later_undoes_it() {
    let p = Patient::treated();
    p.at(DAY30)
        .args(["check", "book-next-session", "--day", "30"])
        .assert()
        .success();
    let plan = p.json(DAY30, &["plan", "--json"]);
    let day = |n: i64| {
        plan["days"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["day"] == n)
            .unwrap()
    };
    assert!(!done(day(29), "book-next-session"));
    assert!(done(day(35), "book-next-session"));
    p.at(DAY30)
        .args(["uncheck", "book-next-session", "--day", "35"])
        .assert()
        .success()
        .stdout(contains("Unticked: Book your next session (Day 35"))
        // Unticked, it is not booked: nothing to record.
        .stdout(contains("record it").not());
    let plan = p.json(DAY30, &["plan", "--json"]);
    assert!(plan["days"].as_array().unwrap().iter().all(|d| {
        d["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["done"] == false)
    }));
}

/// Day 6 and Day 30 of a treatment at TREATED.
const DAY6: &str = "2026-11-25 09:00";
const DAY30: &str = "2026-12-19 09:00";

#[test]
fn a_day_still_ahead_cannot_be_ticked() {
    let p = Patient::treated();
    let before = fs::read(p.state_file()).unwrap();
    p.at(DAY3)
        .args(["check", "drink-water", "--day", "10"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "aftercare: cannot tick “Drink plenty of water” yet: Day 10 (Sun 29 Nov) has not \
             begun: it is Day 3 today. Tasks are ticked on their day or after it.\n",
        );
    // A minute before midnight, tomorrow is still ahead; at midnight it is today.
    p.at("2026-11-22 23:59")
        .args(["check", "drink-water", "--day", "4"])
        .assert()
        .code(2);
    assert_eq!(fs::read(p.state_file()).unwrap(), before);
    p.at("2026-11-23 00:00")
        .args(["check", "drink-water", "--day", "4"])
        .assert()
        .success()
        .stdout("Ticked: Drink plenty of water (Day 4, Mon 23 Nov, today)\n");
    // The next session can be booked as soon as it comes up, a week before its window
    // (Fri 11 Dec 14:00, Day 22), not before.
    let book = ["check", "book-next-session", "--day", "29"];
    p.at("2026-12-11 13:59").args(book).assert().code(2);
    p.at("2026-12-11 14:00")
        .args(book)
        .assert()
        .success()
        .stdout(
            "Ticked: Book your next session (Day 29, Fri 18 Dec)\n\
             Once you know its date, record it: aftercare start --next --at \"YYYY-MM-DD \
             HH:MM\". The week before it, the checklist shows how to prepare.\n",
        );
    // Unticking a day ahead changes nothing that could count, and is allowed.
    p.at("2026-12-11 14:00")
        .args(["uncheck", "book-next-session", "--day", "29"])
        .assert()
        .success();
}

#[test]
fn check_errors_say_what_to_type_instead() {
    let p = Patient::treated();
    let cases: [(&[&str], &str); 7] = [
        (
            &["check", "xyz"],
            "aftercare: no task `xyz`; today's tasks are:\n  gentle-cleanser@morning, ",
        ),
        (
            &["check", "gentle-cleanser"],
            "aftercare: `gentle-cleanser` is done twice a day: \
             use gentle-cleanser@morning or gentle-cleanser@evening\n",
        ),
        (
            &["uncheck", "no-makeup@morning"],
            "aftercare: `no-makeup@morning` is not done twice a day: use no-makeup\n",
        ),
        (
            &["check", "book-next-session"],
            // Offered (and tickable) from Day 22, a week before its window: not "Day 29".
            "aftercare: `book-next-session` is not a task today (Day 3, Sun 22 Nov); \
             it runs Day 22 to Day 43\n",
        ),
        (
            &["check", "no-makeup", "--day", "5"],
            "aftercare: `no-makeup` is not a task on Day 5 (Tue 24 Nov); it runs Day 1 to Day 3\n",
        ),
        (
            &["check", "gentle-cleanser@morning", "--day", "1"],
            "aftercare: `gentle-cleanser@morning` is not a task on Day 1 (Fri 20 Nov); \
             use gentle-cleanser@evening\n",
        ),
        (
            &["check", "sunscreen-spf30", "--day", "44"],
            "aftercare: Day 44 is not in the plan: it runs from Day -6 (Fri 13 Nov) \
             to Day 43 (Fri 1 Jan)\n",
        ),
    ];
    let before = fs::read(p.state_file()).unwrap();
    for (args, want) in cases {
        let out = p.at(DAY3).args(args).assert().code(2).stdout("");
        let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(stderr.starts_with(want), "{args:?}:\n{stderr}");
    }
    assert_eq!(fs::read(p.state_file()).unwrap(), before);
}

/// Makeup is lifted 48 h after a 14:00 treatment, at 14:00 on Day 3: before then "No makeup"
/// can be ticked as kept; from then `today` says it is fine again with no box, and `check`
/// says there is nothing to tick (exit 2), as the checklist does. Something to avoid is in
/// no count of what was done, before or after.
#[test]
fn a_lifted_restriction_is_in_no_count_and_cannot_be_ticked() {
    let p = Patient::treated();
    let before = p.today("2026-11-22 13:59");
    assert_eq!(
        (before["done"].as_u64(), before["total"].as_u64()),
        (Some(0), Some(7))
    );
    let after = p.today("2026-11-22 14:00");
    assert_eq!(
        (after["done"].as_u64(), after["total"].as_u64()),
        (Some(0), Some(7))
    );
    p.at("2026-11-22 14:00")
        .args(["today"])
        .assert()
        .success()
        .stdout(contains("0/7 done · 0/6 ticked as kept"))
        .stdout(contains(
            "  ✓   Makeup is fine again                     from 14:00",
        ))
        .stdout(contains("no-makeup\n").not());
    p.at("2026-11-22 16:00")
        .args(["check", "no-makeup"])
        .assert()
        .code(2)
        .stderr(
            "aftercare: nothing to tick: “No makeup” ended at 14:00 on Day 3 (Sun 22 Nov). \
             Makeup is fine again\n",
        );
    // Day 2 held it all day: it can be ticked as kept there, and counts in no share.
    p.at("2026-11-22 16:00")
        .args(["check", "no-makeup", "--day", "2"])
        .assert()
        .success();
    let day2 = p
        .at("2026-11-22 16:00")
        .args(["plan", "--json", "--from", "2", "--to", "2"])
        .output()
        .unwrap();
    let day2: serde_json::Value = serde_json::from_slice(&day2.stdout).unwrap();
    let day2 = &day2["days"][0];
    assert_eq!(
        (day2["done"].as_u64(), day2["total"].as_u64()),
        (Some(0), Some(7))
    );
}

/// A restriction ticked as kept is in no count of what was done, before it lifts or
/// after: at 09:30 on Day 3, "No makeup" ticked reads 0/7 done and 1/8 ticked as kept; at
/// 14:00, when makeup is fine again, 0/7 and 0/6 (the two lifted leave the things to
/// avoid); the recovery's share does not move.
#[test]
fn a_kept_restriction_is_counted_apart_from_what_was_done() {
    let p = Patient::treated();
    let recovery_before = p.today("2026-11-22 09:29")["recovery"]["done"]
        .as_u64()
        .unwrap();
    p.at("2026-11-22 09:30")
        .args(["check", "no-makeup"])
        .assert()
        .success();
    let counts = |at: &str| {
        let day = p.today(at);
        (
            day["done"].as_u64().unwrap(),
            day["total"].as_u64().unwrap(),
            day["recovery"]["done"].as_u64().unwrap(),
        )
    };
    assert_eq!(counts("2026-11-22 13:59"), (0, 7, recovery_before));
    assert_eq!(counts("2026-11-22 14:00"), (0, 7, recovery_before));
    p.at("2026-11-22 13:59")
        .args(["today"])
        .assert()
        .success()
        .stdout(contains("0/7 done · 1/8 ticked as kept"));
    p.at("2026-11-22 14:00")
        .args(["today"])
        .assert()
        .success()
        .stdout(contains("0/7 done · 0/6 ticked as kept"));
}

/// After the plan there is nothing to tick: `check` says so, and what to keep up without
/// ticking (the built-in plan's sunscreen), exit 2.
#[test]
fn after_the_plan_check_says_the_plan_is_over_and_what_to_keep_up() {
    let p = Patient::treated();
    p.at("2027-01-15 09:00")
        .args(["check", "sunscreen-spf30"])
        .assert()
        .code(2)
        .stderr(
            "aftercare: nothing to tick on Day 57: the plan ended on Day 43 (Fri 1 Jan). \
             Keep up without ticking: Apply SPF 30+ sunscreen\n",
        );
}

/// The booking, offered from Day 22, stays offered on Day 29 until its window opens at the
/// treatment's time (14:00): not "Later, from 14:00" after a week of "book now", and its
/// time is said once, not "from 14:00 · in 5 hours · from 14:00".
#[test]
fn the_booking_stays_offered_on_the_day_its_window_opens() {
    let p = Patient::treated();
    let day = p.today("2026-12-18 09:00");
    let booking = day["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "book-next-session")
        .unwrap()
        .clone();
    assert_eq!(booking["coming_up"], true);
    assert_eq!(booking["when"], "session possible in 5 h · from 14:00");
    let out = p.at("2026-12-18 09:00").args(["today"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // The title's line and the id's under it.
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Book your next session"))
        .unwrap();
    let booking = lines[at..=at + 1].join("\n");
    assert_eq!(booking.matches("from 14:00").count(), 1, "{booking}");
    assert!(booking.contains("session possible in 5 hours"), "{booking}");
}

/// Booked on Day 29, the booking is that day's: `plan` shows it on a later day under its own
/// heading, not as a "[x]" under a count that leaves it out.
#[test]
fn a_once_task_done_on_an_earlier_day_is_listed_apart_in_plan() {
    let p = Patient::treated();
    p.at("2026-12-18 15:00")
        .args(["check", "book-next-session"])
        .assert()
        .success();
    p.at("2026-12-25 09:00")
        .args(["plan", "--from", "36", "--to", "36"])
        .assert()
        .success()
        .stdout(contains(
            "  Done once on an earlier day (counted on that day)\n    [x] Book your next session",
        ));
}

/// Once the next session is recorded there is nothing to book, in every command alike:
/// `today --short` counts 7 tasks on Day 23 where it counted the booking (8), `today`,
/// `plan` and `plan --json` leave it out, and `check` says why it cannot be ticked.
#[test]
fn a_recorded_next_session_leaves_the_booking_out_of_every_command() {
    let p = Patient::treated();
    let day23 = "2026-12-12 09:00";
    p.at(day23)
        .args(["today", "--short"])
        .assert()
        .success()
        .stdout("Day 23 · 0/8 done\n");
    p.at(day23)
        .args(["start", "--next", "--at", "2026-12-26 14:00"])
        .assert()
        .success();
    p.at(day23)
        .args(["today", "--short"])
        .assert()
        .success()
        .stdout("Day 23 · 0/7 done\n");
    let booking = contains("Book your next session");
    p.at(day23)
        .args(["today"])
        .assert()
        .stdout(booking.clone().not())
        .stdout(contains("Next session recorded for Sat 26 Dec 2026 14:00"));
    p.at(day23)
        .args(["plan", "--from", "22", "--to", "30"])
        .assert()
        .success()
        .stdout(booking.not());
    let plan = p.json(day23, &["plan", "--json"]);
    let offered = plan["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["tasks"].as_array().unwrap())
        .filter(|t| t["id"] == "book-next-session")
        .count();
    assert_eq!(offered, 0);
    p.at(day23)
        .args(["check", "book-next-session"])
        .assert()
        .code(2)
        .stderr(
            "aftercare: your next session is already recorded (Sat 26 Dec 2026 14:00): \
             nothing to book\n",
        );
}

/// Just after midnight, `check ID` with no day would tick today's evening task 20 hours
/// ahead while yesterday's, which a reminder named a minute ago, stays unticked: it asks
/// which day, with both commands (exit 2, nothing saved). `--day` ticks either; later in
/// the day, or once yesterday's is ticked, a tick ahead goes through as before.
#[test]
fn just_after_midnight_a_tick_without_a_day_asks_which_day() {
    let p = Patient::treated();
    let before = fs::read(p.state_file()).unwrap();
    p.at("2026-11-23 00:01")
        .args(["check", "gentle-cleanser@evening"])
        .assert()
        .code(2)
        .stderr(
            "aftercare: which day? “Use a gentle, fragrance-free cleanser”, evening, of today\n\
             (Day 4) is due from 20:00, and yesterday's closed unticked at the end\nof Sun 22 \
             Nov.\nYesterday's: aftercare check gentle-cleanser@evening --day 3\nToday's, \
             ahead: aftercare check gentle-cleanser@evening --day 4\n",
        );
    assert_eq!(fs::read(p.state_file()).unwrap(), before);
    p.at("2026-11-23 00:01")
        .args(["check", "gentle-cleanser@evening", "--day", "3"])
        .assert()
        .success()
        .stdout("Ticked: Use a gentle, fragrance-free cleanser, evening (Day 3, Sun 22 Nov)\n");
    // Yesterday's ticked, today's may be ticked ahead without a day.
    p.at("2026-11-23 00:02")
        .args(["check", "gentle-cleanser@evening"])
        .assert()
        .success();
    // A daily task is asked the same: today's sunscreen is due from 08:00.
    let before = fs::read(p.state_file()).unwrap();
    p.at("2026-11-23 00:05")
        .args(["check", "sunscreen-spf30"])
        .assert()
        .code(2)
        .stderr(
            "aftercare: which day? “Apply SPF 30+ sunscreen” of today (Day 4) is due from\n\
             08:00, and yesterday's closed unticked at the end of Sun 22 Nov.\nYesterday's: \
             aftercare check sunscreen-spf30 --day 3\nToday's, ahead: aftercare check \
             sunscreen-spf30 --day 4\n",
        );
    assert_eq!(fs::read(p.state_file()).unwrap(), before);
    // Past the six hours, or once today's is due, the tick is today's without a question.
    p.at("2026-11-23 09:00")
        .args(["check", "sunscreen-spf30"])
        .assert()
        .success()
        .stdout("Ticked: Apply SPF 30+ sunscreen (Day 4, Mon 23 Nov, today)\n");
}

/// On the treatment's day before the treatment (09:00 for one at 14:00), the preparation
/// still holds: `today`, `check` and `remind` all have it, as they have on the day before.
/// From the treatment on it is over, and `check` says when it ended.
#[test]
fn before_the_treatment_its_day_keeps_the_preparation() {
    let p = Patient::treated();
    let morning = "2026-11-20 09:00";
    let text = stdout(p.at(morning).args(["today"]));
    assert!(
        text.contains("Stay out of the sun (and a week after)    until 14:00 · 5 hours left"),
        "{text}"
    );
    // The evening slot is due from its own hour, not from the treatment's.
    assert!(
        text.contains("Use a gentle, fragrance-free cleanser     evening · from 20:00"),
        "{text}"
    );
    let day = p.today(morning);
    assert_eq!(task(&day, "before-avoid-sun")["status"], "active");
    assert_eq!(task(&day, "no-makeup")["status"], "upcoming");
    p.at(morning)
        .args(["remind"])
        .assert()
        .success()
        .stdout(contains("before-tell-provider").and(contains("until 14:00")));
    p.at(morning)
        .args(["check", "before-avoid-sun"])
        .assert()
        .success()
        .stdout("Ticked: Stay out of the sun (and a week after) (Day 1, Fri 20 Nov, today)\n");
    let after = "2026-11-20 14:01";
    assert!(
        task_ids(&p.today(after))
            .iter()
            .all(|id| !id.starts_with("before-"))
    );
    p.at(after)
        .args(["check", "before-avoid-sun"])
        .assert()
        .code(2)
        .stderr(
            "aftercare: `before-avoid-sun` is not a task today (Day 1, Fri 20 Nov); it ran Day \
             -6 to Day 1, until the treatment (Fri 20 Nov 14:00)\n",
        );
}

/// The ids of a day's tasks in `today --json`.
fn task_ids(day: &serde_json::Value) -> Vec<String> {
    day["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect()
}
