//! Issue 15, "Treatments": `start` with a treatment recorded asks what is meant and says how
//! (`--replace` corrects it, `--next` adds the next session); a treatment can be removed,
//! kept aside with its tick-offs, and restored; times that look like a mistake need
//! `--confirm`; `history` tells its columns apart. Europe/Berlin.

mod cli_common;

use cli_common::*;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;
use std::fs;

fn sessions(p: &Patient) -> Vec<String> {
    let state: Value = serde_json::from_str(&fs::read_to_string(p.state_file()).unwrap()).unwrap();
    state["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["at"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn start_again_asks_what_is_meant_and_changes_nothing() {
    let p = Patient::treated();
    let before = fs::read(p.state_file()).unwrap();
    p.at(DAY3)
        .args(["start", "--at", "2026-11-21 14:00"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "aftercare: A treatment is already recorded: Fri 20 Nov 2026 14:00.\n\
             Nothing was changed. Say what you mean:\n\
             To correct its time to Sat 21 Nov 2026 14:00:\n  \
             aftercare start --at \"2026-11-21 14:00\" --replace\n\
             To add Sat 21 Nov 2026 14:00 as the next session of the series:\n  \
             aftercare start --at \"2026-11-21 14:00\" --next --confirm\n",
        );
    assert_eq!(fs::read(p.state_file()).unwrap(), before);
    // Without --at it is about now.
    p.at(DAY3).arg("start").assert().code(2).stderr(contains(
        "aftercare start --at \"2026-11-22 09:00\" --next --confirm",
    ));
}

#[test]
fn start_replace_corrects_and_next_adds_a_session() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["start", "--at", "yesterday 15:00", "--replace"])
        .assert()
        .success()
        .stdout(contains(
            "Treatment moved: Fri 20 Nov 2026 14:00 → Sat 21 Nov 2026 15:00.",
        ));
    assert_eq!(sessions(&p), ["2026-11-21T15:00:00+01:00"]);
    p.at("2026-12-20 10:00")
        .args(["start", "--at", "2026-12-19", "--next"])
        .assert()
        .success()
        .stdout(contains("Treatment recorded: Sat 19 Dec 2026 12:00."));
    assert_eq!(
        sessions(&p),
        ["2026-11-21T15:00:00+01:00", "2026-12-19T12:00:00+01:00"]
    );
    // Both at once cannot be meant.
    p.at(DAY3)
        .args(["start", "--replace", "--next"])
        .assert()
        .code(2);
}

#[test]
fn implausible_times_need_confirming() {
    let cases = [
        (
            "1990-11-20 14:00",
            "Not recorded: Tue 20 Nov 1990 14:00 is 36 years ago.\nDid you mean Fri 20 Nov \
             2026 14:00? Record that with:\n  aftercare start --at \"2026-11-20 14:00\"\nIf \
             Tue 20 Nov 1990 14:00 is right, run it again with --confirm:\n  aftercare start \
             --at \"1990-11-20 14:00\" --confirm\n",
        ),
        (
            "2030-11-20 14:00",
            "Not recorded: Wed 20 Nov 2030 14:00 is 4 years from now.\nDid you mean Fri 20 \
             Nov 2026 14:00? Record that with:\n  aftercare start --at \"2026-11-20 14:00\"\n\
             If Wed 20 Nov 2030 14:00 is right, run it again with --confirm:\n  aftercare \
             start --at \"2030-11-20 14:00\" --confirm\n",
        ),
        // No year makes June plausible in November (a plan long over, or half a year
        // ahead): nothing is suggested.
        (
            "2027-06-01 10:00",
            "Not recorded: Tue 1 Jun 2027 10:00 is 191 days from now.\nIf that is right, run \
             it again with --confirm:\n",
        ),
    ];
    for (at, message) in cases {
        let p = Patient::new();
        p.at(DAY3)
            .args(["start", "--at", at])
            .assert()
            .code(2)
            .stderr(contains(format!("aftercare: {message}")));
        assert!(!p.state_file().exists(), "{at} was recorded");
        p.at(DAY3)
            .args(["start", "--at", at, "--confirm"])
            .assert()
            .success()
            .stdout(contains("Treatment recorded"));
        assert_eq!(sessions(&p).len(), 1, "{at}");
    }
}

#[test]
fn a_second_session_an_hour_after_the_first_needs_confirming() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["start", "--at", "2026-11-20 15:00", "--next"])
        .assert()
        .code(2)
        .stderr(contains(
            "Not recorded: Fri 20 Nov 2026 15:00 is 1 h from the treatment of Fri\n20 Nov 2026 \
             14:00; sessions are weeks apart.\nIf that is right, run it again with --confirm:\n  \
             aftercare start --at \"2026-11-20 15:00\" --next --confirm",
        ));
    assert_eq!(sessions(&p).len(), 1);
    // Correcting the time by an hour is no second session: --replace needs no confirming.
    p.at(DAY3)
        .args(["start", "--at", "2026-11-20 15:00", "--replace"])
        .assert()
        .success();
    assert_eq!(sessions(&p), ["2026-11-20T15:00:00+01:00"]);
}

#[test]
fn remove_keeps_a_treatment_aside_and_restore_brings_it_back() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["check", "sunscreen-spf30"])
        .assert()
        .success();
    p.at(DAY3)
        .args(["remove", "--at", "2026-11-20 15:00"])
        .assert()
        .code(2)
        .stderr(contains(
            "There is no treatment recorded at \"2026-11-20 15:00\": pick one of \
             \"2026-11-20 14:00\"",
        ));
    p.at(DAY3)
        .args(["remove", "--at", TREATED])
        .assert()
        .success()
        .stdout(
            "Treatment removed: Fri 20 Nov 2026 14:00. Its 1 tick-off and 0 check-ins are\n\
             kept aside, not deleted.\n\
             To bring it back: aftercare restore --at \"2026-11-20 14:00\"\n",
        );
    assert_eq!(sessions(&p), Vec::<String>::new());
    let file = fs::read_to_string(p.state_file()).unwrap();
    assert!(file.contains("sunscreen-spf30"), "{file}");
    p.at(DAY3)
        .arg("today")
        .assert()
        .code(1)
        .stderr(contains("No treatment recorded yet"));
    p.at(DAY3).arg("restore").assert().success().stdout(
        "Treatment restored: Fri 20 Nov 2026 14:00, with its 1 tick-off and 0 check-ins.\n",
    );
    assert_eq!(sessions(&p), ["2026-11-20T14:00:00+01:00"]);
    assert_eq!(
        p.today(DAY3)["tasks"]
            .as_array()
            .map(|t| t.iter().filter(|t| t["done"] == true).count()),
        Some(1)
    );
    p.at(DAY3)
        .arg("restore")
        .assert()
        .code(2)
        .stderr("aftercare: There is no removed treatment kept aside.\n");
}

#[test]
fn history_tells_two_treatments_of_one_day_apart_and_lists_removed_ones() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["start", "--at", "2026-11-20 17:30", "--next", "--confirm"])
        .assert()
        .success();
    p.at(DAY3)
        .args(["remove", "--at", "2026-11-20 17:30"])
        .assert()
        .success();
    p.at(DAY3)
        .args(["start", "--at", "2026-11-20 17:30", "--next", "--confirm"])
        .assert()
        .success();
    let out = p.at(DAY3).arg("history").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("Treatment             20 Nov 2026 14:00  20 Nov 2026 17:30"),
        "{text}"
    );
    assert!(
        text.contains(
            "Removed Sun 22 Nov 2026: the treatment of Fri 20 Nov 2026 17:30, kept aside;"
        ),
        "{text}"
    );
}

/// After the plan is over (Day 43 of the built-in plan), `start` again most likely means the
/// next session: `--next` is offered first, `--replace` second.
#[test]
fn start_again_after_the_plan_offers_next_first() {
    let p = Patient::treated();
    p.at("2027-01-15 10:00")
        .args(["start", "--at", "2027-01-15 09:00"])
        .assert()
        .code(2)
        .stderr(
            "aftercare: A treatment is already recorded: Fri 20 Nov 2026 14:00.\n\
             Nothing was changed. Say what you mean:\n\
             To add Fri 15 Jan 2027 09:00 as the next session of the series:\n  \
             aftercare start --at \"2027-01-15 09:00\" --next\n\
             To correct its time to Fri 15 Jan 2027 09:00:\n  \
             aftercare start --at \"2027-01-15 09:00\" --replace\n",
        );
    assert_eq!(sessions(&p), ["2026-11-20T14:00:00+01:00"]);
}

/// `start --next` before the latest treatment is no next session (it made a Session 1 of 32
/// days): refused, naming `--replace` for a correction, and nothing is recorded.
#[test]
fn start_next_before_the_latest_treatment_is_refused() {
    let p = Patient::treated();
    let before = fs::read(p.state_file()).unwrap();
    p.at(DAY3)
        .args(["start", "--next", "--at", "2026-11-19 10:00"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "aftercare: Not recorded: --next adds a session after the latest treatment.\n\
             The latest is Fri 20 Nov 2026 14:00; Thu 19 Nov 2026 10:00 is before it.\n\
             To correct the latest treatment's time to Thu 19 Nov 2026 10:00 instead:\n  \
             aftercare start --at \"2026-11-19 10:00\" --replace\n\
             To add it as an earlier session left out of the series:\n  \
             aftercare start --at \"2026-11-19 10:00\" --next --confirm\n",
        );
    // The latest treatment's own time changes nothing and says so (the same command run
    // twice is safe).
    p.at(DAY3)
        .args(["start", "--next", "--at", "2026-11-20 14:00"])
        .assert()
        .success()
        .stdout(contains(
            "Treatment already recorded: Fri 20 Nov 2026 14:00.",
        ));
    assert_eq!(fs::read(p.state_file()).unwrap(), before);
    assert_eq!(sessions(&p), ["2026-11-20T14:00:00+01:00"]);
    // Confirmed, it is a session left out of the series, a month before.
    p.at(DAY3)
        .args(["start", "--next", "--at", "2026-10-20 10:00", "--confirm"])
        .assert()
        .success()
        .stdout(contains("Treatment recorded: Tue 20 Oct 2026 10:00."));
    assert_eq!(
        sessions(&p),
        ["2026-10-20T10:00:00+02:00", "2026-11-20T14:00:00+01:00"]
    );
}

/// The `aftercare start ...` commands a message suggests, as arguments (quotes removed).
fn suggested(message: &str) -> Vec<Vec<String>> {
    message
        .lines()
        .filter_map(|l| l.trim().strip_prefix("aftercare start"))
        .map(|rest| {
            let mut args = vec!["start".to_string()];
            for (i, part) in rest.split('"').enumerate() {
                match i % 2 {
                    1 => args.push(part.to_string()),
                    _ => args.extend(part.split_whitespace().map(str::to_string)),
                }
            }
            args
        })
        .collect()
}

/// Issue 15 walk-through: with a treatment and a later session recorded, `start --at` a time
/// between them suggested `--next`, which was then refused. Every command `start` suggests,
/// followed as it is, records the treatment.
#[test]
fn every_command_start_suggests_works_when_followed() {
    let series = || {
        let p = Patient::treated();
        p.at("2026-12-18 10:00")
            .args(["start", "--at", "2026-12-18 10:00", "--next"])
            .assert()
            .success();
        p
    };
    type Setup<'a> = &'a dyn Fn() -> Patient;
    let cases: [(Setup, &str, &[&str], usize); 5] = [
        // Between two sessions: the added one is an earlier session left out.
        (
            &series,
            "2026-12-19 10:00",
            &["start", "--at", "2026-12-01 10:00"],
            2,
        ),
        // A day after the only one: an added session needs confirming.
        (
            &Patient::treated,
            DAY3,
            &["start", "--at", "2026-11-21 14:00"],
            2,
        ),
        (&Patient::treated, DAY3, &["start"], 2),
        (
            &Patient::treated,
            "2027-01-15 10:00",
            &["start", "--at", "2027-01-15 09:00"],
            2,
        ),
        (
            &Patient::treated,
            DAY3,
            &["start", "--next", "--at", "2026-11-19 10:00"],
            2,
        ),
    ];
    for (setup, now, args, count) in cases {
        let out = setup().at(now).args(args).assert().code(2);
        let message = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        let commands = suggested(&message);
        assert_eq!(commands.len(), count, "{args:?}:\n{message}");
        for command in commands {
            let p = setup();
            p.at(now)
                .args(&command)
                .assert()
                .success()
                .stdout(contains("Treatment "));
        }
    }
    // The case of the walk-through, word for word.
    series()
        .at("2026-12-19 10:00")
        .args(["start", "--at", "2026-12-01 10:00"])
        .assert()
        .code(2)
        .stderr(
            "aftercare: A treatment is already recorded: Fri 18 Dec 2026 10:00.\n\
             Nothing was changed. Say what you mean:\n\
             To correct its time to Tue 1 Dec 2026 10:00:\n  \
             aftercare start --at \"2026-12-01 10:00\" --replace\n\
             To add Tue 1 Dec 2026 10:00 as an earlier session left out of the series:\n  \
             aftercare start --at \"2026-12-01 10:00\" --next --confirm\n",
        );
}

#[test]
fn a_day_without_its_time_says_the_time_counted_from_and_how_to_correct_it() {
    let p = Patient::new();
    p.at("2026-11-20 15:00")
        .args(["start", "--at", "2026-11-20"])
        .assert()
        .success()
        .stdout(contains(
            "Treatment recorded: Fri 20 Nov 2026 12:00. Day 1 is today.",
        ))
        .stdout(contains("No time given: counted from 12:00."))
        .stdout(contains(
            "  aftercare start --replace --at \"2026-11-20 HH:MM\"",
        ));
    assert_eq!(sessions(&p), ["2026-11-20T12:00:00+01:00"]);
    // The correction it names works, and a time given says nothing of the kind.
    p.at("2026-11-20 15:00")
        .args(["start", "--replace", "--at", "2026-11-20 14:30"])
        .assert()
        .success()
        .stdout(contains("Treatment moved").and(contains("No time given").not()));
    assert_eq!(sessions(&p), ["2026-11-20T14:30:00+01:00"]);
}

/// A next session recorded ahead has no day yet: `history` says "not begun", as the
/// screen's history does, not "1–1 so far", which read as begun (walk-through).
#[test]
fn history_says_a_session_recorded_ahead_has_not_begun() {
    let p = Patient::treated();
    p.at("2026-12-20 09:00")
        .args(["start", "--next", "--at", "2026-12-25 10:00"])
        .assert()
        .success();
    let out = p.at("2026-12-20 09:05").arg("history").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let days = text
        .lines()
        .find(|l| l.starts_with("Days"))
        .unwrap_or_default();
    assert!(
        days.contains("1–31 so far") && days.contains("not begun"),
        "{text}"
    );
    assert!(!days.contains("1–1 so far"), "{text}");
}
