//! The journal from the command line: `checkin`, check-ins and alerts in `today`,
//! `today --short` for a shell prompt, and `history` across a series of treatments.

mod cli_common;

use cli_common::*;
use predicates::prelude::*;
use predicates::str::contains;
use std::fs;

/// Day 8 of a treatment at TREATED: a week on, when lasting redness is a reason to call.
const DAY8: &str = "2026-11-27 18:00";

fn checkin(p: &Patient, now: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    p.at(now).arg("checkin").args(args).assert()
}

#[test]
fn checkin_saves_the_ratings_and_a_second_one_adds_to_the_first() {
    let p = Patient::treated();
    checkin(&p, DAY3, &["--rate", "redness=2", "--rate", "swelling=1"])
        .success()
        .stdout(contains(
            "Checked in for Day 3 (Sun 22 Nov, today): Redness 2 · Swelling 1",
        ))
        .stdout(contains(
            "Not rated yet: Dryness or flaking · Tenderness or discomfort\n",
        ));
    checkin(&p, DAY3, &["--rate", "dryness=3", "--note", "flaky\nchin"])
        .success()
        .stdout(contains("Dryness or").and(contains("“flaky chin”")));
    let day = p.today(DAY3);
    assert_eq!(day["checkin"]["ratings"]["redness"], 2);
    assert_eq!(day["checkin"]["ratings"]["dryness"], 3);
    assert_eq!(day["checkin"]["note"], "flaky chin");
    assert_eq!(day["alerts"], serde_json::json!([]));
    let saved = state(&p);
    assert_eq!(saved["format"], 1);
    assert_eq!(
        saved["sessions"][0]["checkins"]["2026-11-22"]["ratings"]["swelling"],
        1
    );
    // The words the screens show name a symptom ("tenderness" is `discomfort`), and "-"
    // takes a rating given by mistake back.
    checkin(
        &p,
        DAY3,
        &["--rate", "Tenderness=2", "--rate", "swelling=-"],
    )
    .success()
    .stdout(contains(
        "Checked in for Day 3 (Sun 22 Nov, today): Redness 2 · Dryness or flaking 3 ·\n  \
         Tenderness or discomfort 2 — “flaky chin”\n",
    ))
    .stdout(contains("Not rated yet: Swelling\n"));
    let day = p.today(DAY3);
    assert_eq!(day["checkin"]["ratings"]["discomfort"], 2);
    assert_eq!(day["checkin"]["ratings"].get("swelling"), None);
    // An earlier day can be filled in afterwards.
    checkin(&p, DAY3, &["--day", "2", "--rate", "redness=3"])
        .success()
        .stdout(contains("Checked in for Day 2 (Sat 21 Nov): Redness 3"));
}

/// Swelling 4 on Day 2 (usually about 1) sets off no alert, none firing before 48 hours, and
/// nothing was said (walk-through): `checkin` and `today` say it is above the usual course,
/// and what to do; the JSON lists it.
#[test]
fn a_rating_well_above_the_usual_course_is_said_with_what_to_do() {
    let p = Patient::treated();
    let words = "Above the usual for Day 2: swelling 4 (usually about 1). If a warning sign \
                 fits (such as severe pain), call your clinic today; if not, check in again \
                 tomorrow.";
    let said = |out: &str| out.split_whitespace().collect::<Vec<_>>().join(" ");
    let out = stdout(
        p.at("2026-11-21 09:00")
            .args(["checkin", "--rate", "swelling=4"]),
    );
    assert!(said(&out).contains(words), "{out}");
    let today = stdout(p.at("2026-11-21 10:00").arg("today"));
    assert!(said(&today).contains(words), "{today}");
    let json = p.today("2026-11-21 10:00");
    assert_eq!(json["above_usual"][0]["symptom"], "swelling");
    assert_eq!(json["above_usual"][0]["usual"], 1);
    assert_eq!(json["alerts"], serde_json::json!([]));
    // Within the usual course: nothing said, nothing listed.
    let out = stdout(
        p.at("2026-11-21 11:00")
            .args(["checkin", "--rate", "swelling=2"]),
    );
    assert!(!out.contains("Above the usual"), "{out}");
    assert!(p.today("2026-11-21 11:00").get("above_usual").is_none());
}

#[test]
fn bad_ratings_exit_2_and_save_nothing() {
    let p = Patient::treated();
    let cases: [(&[&str], &str); 6] = [
        (
            &["--rate", "redness=6"],
            "ratings run from 0 (none) to 5 (severe)",
        ),
        (&["--rate", "redness=-1"], "ratings run from 0"),
        (
            &["--rate", "itch=2"],
            "no symptom `itch`; this plan rates: redness, swelling",
        ),
        (&["--rate", "redness"], "write SYMPTOM=N"),
        (&[], "nothing to save"),
        (
            &["--day", "4", "--rate", "redness=1"],
            "cannot check in for Day 4: Day 4 (Mon 23 Nov) has not begun: it is Day 3 today. \
             Check-ins are for Day 1 to today (Day 3).",
        ),
    ];
    for (args, message) in cases {
        checkin(&p, DAY3, args)
            .code(2)
            .stdout("")
            .stderr(contains(message));
    }
    assert!(state(&p)["sessions"][0].get("checkins").is_none());
}

#[test]
fn alerts_show_in_today_as_text_and_json() {
    let p = Patient::treated();
    checkin(&p, DAY3, &["--rate", "redness=2"]).success();
    checkin(&p, DAY8, &["--rate", "redness=4"])
        .success()
        .stdout(contains(
            // Day 3's rating was five days before: said with its date.
            "⚠ CALL TODAY · Redness still strong after a week\n  (you rated redness 4, up from 2 on \
             Sun 22 Nov)",
        ));
    p.at(DAY8)
        .arg("today")
        .assert()
        .success()
        .stdout(contains("⚠ CALL TODAY · Redness still strong after a week"))
        .stdout(contains(
            "  Call your clinic today: redness is expected to be gone",
        ))
        .stdout(contains(
            "  Source: Emily M. Microneedling Before and After 1 Treatment",
        ));
    let day = p.today(DAY8);
    let alerts = day["alerts"].as_array().unwrap();
    let ids: Vec<&str> = alerts.iter().map(|a| a["id"].as_str().unwrap()).collect();
    // One alert per symptom: rising too, redness is the week's alert, which says "up from 2".
    assert_eq!(ids, ["redness-after-a-week"]);
    let first = &alerts[0];
    assert_eq!(first["title"], "Redness still strong after a week");
    assert_eq!(
        (first["symptom"].as_str(), first["rating"].as_u64()),
        (Some("redness"), Some(4))
    );
    assert_eq!(first["previous"], 2);
    assert!(
        first["message"]
            .as_str()
            .unwrap()
            .starts_with("Call your clinic today")
    );
    assert_eq!(first["sources"][0]["id"], "s000");
    assert!(
        first["sources"][0]["title"]
            .as_str()
            .unwrap()
            .starts_with("Microneedling")
    );
    assert_eq!(day["recovery"]["due"].as_u64().map(|n| n > 0), Some(true));
}

#[test]
fn today_short_is_one_plain_line() {
    let p = Patient::treated();
    p.at(DAY3).args(["check", "drink-water"]).assert().success();
    // 18 tasks, of which the cold compress, the hat and the provider's instructions are done
    // as needed and not counted.
    let line = "Day 3 · 1/7 done · No makeup for 5 h more\n";
    p.at(DAY3)
        .args(["today", "--short"])
        .assert()
        .success()
        .stdout(line);
    // Never coloured: the same bytes with NO_COLOR, and no escape sequences at all.
    p.at(DAY3)
        .env("NO_COLOR", "1")
        .args(["today", "--short"])
        .assert()
        .success()
        .stdout(line)
        .stdout(contains("\u{1b}").not());
    checkin(&p, DAY3, &["--rate", "redness=2"]).success();
    checkin(&p, DAY8, &["--rate", "redness=4", "--rate", "discomfort=3"]).success();
    p.at(DAY8)
        .args(["today", "--short"])
        .assert()
        .success()
        .stdout(contains("Day 8 · 0/").and(contains(" · ⚠ 2 alerts\n")));
    p.at("2026-11-18 09:00")
        .args(["today", "--short"])
        .assert()
        .success()
        .stdout(contains("Treatment in 2 days · 0/"));
    // No check-in before the treatment's hour: a 5 at 09:00 set off "Rated severe".
    p.at("2026-11-20 09:00")
        .args(["checkin", "--rate", "swelling=5"])
        .assert()
        .code(2)
        .stderr(
            "aftercare: cannot check in yet: the treatment is at 14:00; check-ins start after \
             it.\n",
        );
    // Nor does `today` ask for one then; from the treatment's hour it does.
    let before = stdout(p.at("2026-11-20 09:00").arg("today"));
    assert!(!before.contains("Check-in:"), "{before}");
    let after = stdout(p.at("2026-11-20 15:00").arg("today"));
    assert!(after.contains("Check-in: not yet today"), "{after}");
    // Before the treatment nothing to avoid is counted down: it ends at the treatment, and
    // "No exfoliating products: 5 h left" read as allowed after it.
    p.at("2026-11-20 09:00")
        .args(["today", "--short"])
        .assert()
        .success()
        .stdout("Treatment today at 14:00 · 0/7 done\n");
    p.at("2026-11-19 09:00")
        .args(["today", "--short"])
        .assert()
        .success()
        .stdout("Treatment tomorrow · 0/3 done\n");
    Patient::new()
        .at(DAY3)
        .args(["today", "--short"])
        .assert()
        .code(1);
}

#[test]
fn history_puts_the_sessions_side_by_side() {
    let p = Patient::treated();
    p.at(DAY3).args(["check", "drink-water"]).assert().success();
    checkin(&p, DAY3, &["--rate", "redness=2"]).success();
    checkin(&p, DAY8, &["--rate", "redness=4"]).success();
    p.at("2026-12-20 10:00")
        .args(["start", "--next"])
        .assert()
        .success();
    let later = "2026-12-22 09:00";
    checkin(&p, later, &["--rate", "redness=3"]).success();
    p.at(later)
        .arg("history")
        .assert()
        .success()
        .stdout(contains("Microneedling aftercare · 2 treatments"))
        .stdout(contains("Session 1          Session 2"))
        .stdout(contains(
            "Treatment             20 Nov 2026 14:00  20 Dec 2026 10:00",
        ))
        .stdout(contains(
            "Days                  1–30               1–3 so far",
        ))
        .stdout(contains("Check-ins             2 (⚠ 1)            1"))
        .stdout(contains("Redness               4 D8               3 D3"));
    let doc = p.json(later, &["history", "--json"]);
    let sessions = doc["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions[0]["done"], 1);
    assert_eq!(sessions[0]["symptoms"][0]["peak"]["day"], 8);
    assert_eq!(sessions[1]["counted_to_day"], 3);
}

#[test]
fn a_state_file_from_before_check_ins_still_works() {
    let p = Patient::new();
    let old = fs::read_to_string("tests/fixtures/state/v1-before-checkins.json").unwrap();
    write(p.data(), "state.json", &old);
    let day = p.today(DAY3);
    assert!(day["checkin"].is_null());
    assert!(done(&p.today("2026-11-21 09:00"), "sunscreen-spf30"));
    checkin(&p, DAY3, &["--rate", "redness=1"]).success();
    let saved = state(&p);
    assert_eq!(
        saved["sessions"][0]["checkins"]["2026-11-22"]["ratings"]["redness"],
        1
    );
    assert_eq!(
        saved["sessions"][0]["ticks"]["2026-11-21"][0],
        "sunscreen-spf30"
    );
}

#[test]
fn after_the_plan_ends_a_check_in_goes_to_today() {
    let p = Patient::treated();
    // Day 77, long after the built-in plan's last day (Day 43).
    let day77 = "2027-02-04 10:00";
    checkin(&p, day77, &["--rate", "redness=1"])
        .success()
        .stdout(contains("Checked in for Day 77 (Thu 4 Feb, today)"));
    let saved = &state(&p)["sessions"][0]["checkins"];
    assert_eq!(saved["2027-02-04"]["ratings"]["redness"], 1, "{saved}");
    assert!(saved.get("2027-01-01").is_none(), "not the plan's last day");
    checkin(&p, day77, &["--day", "78", "--rate", "redness=1"]).code(2);
}

/// Issue 13's case: every symptom rated 5 (severe) on Day 2, with a note naming pain, pus and
/// fever, raised no alert before, then four near-identical ones. Now it is ONE "call today"
/// alert naming every symptom in the plan's order, the emergency line first, in the check-in's
/// answer, in `today` (also as its last lines) and in `today --json`.
#[test]
fn severe_ratings_on_day_2_are_one_alert_naming_every_symptom() {
    let p = Patient::treated();
    const DAY2: &str = "2026-11-21 10:00";
    let rate = [
        "--rate",
        "discomfort=5",
        "--rate",
        "dryness=5",
        "--rate",
        "redness=5",
        "--rate",
        "swelling=5",
        "--note",
        "severe pain, pus, fever",
    ];
    let out = checkin(&p, DAY2, &rate).success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert_eq!(text.matches("⚠ CALL TODAY").count(), 1, "{text}");
    assert!(
        text.contains(
            "⚠ CALL TODAY · Rated severe: redness, swelling, dryness, tenderness\n  (you rated each 5)"
        ),
        "{text}"
    );
    assert!(
        text.contains("  Feel very unwell or have trouble breathing? Call emergency services now."),
        "{text}"
    );
    let day = p.today(DAY2);
    let alerts = day["alerts"].as_array().unwrap();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    let alert = &alerts[0];
    assert_eq!(alert["id"], "severe");
    assert_eq!(
        alert["title"],
        "Rated severe: redness, swelling, dryness, tenderness"
    );
    assert_eq!(
        alert["symptoms"],
        serde_json::json!(["redness", "swelling", "dryness", "discomfort"])
    );
    assert_eq!(alert["urgency"], "call");
    assert!(
        alert["message"].as_str().unwrap().starts_with(
            "Feel very unwell or have trouble breathing? Call emergency services now."
        ),
        "{alert}"
    );
    let out = p.at(DAY2).arg("today").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let tail: Vec<&str> = text.lines().rev().take(12).collect();
    assert!(
        tail.iter().any(|l| l.contains("CALL TODAY")),
        "the alert is not among the last lines:\n{text}"
    );
}

/// A rating of 5 is the severe alert's, in place of the plan's call-level alert that would
/// fire for it (Day 8, redness 5: "Redness still strong after a week"), so the emergency line
/// leads and several 5s make one alert, not one each saying it again.
#[test]
fn a_rating_of_5_is_the_severe_alert_in_place_of_the_plans() {
    let p = Patient::treated();
    checkin(&p, DAY8, &["--rate", "redness=5"])
        .success()
        .stdout(contains("⚠ CALL TODAY · Rated severe: redness"))
        .stdout(contains(
            "  Feel very unwell or have trouble breathing? Call emergency services now.",
        ));
    let day = p.today(DAY8);
    let alerts = day["alerts"].as_array().unwrap();
    let ids: Vec<&str> = alerts.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["severe"]);
    let message = alerts[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "Feel very unwell or have trouble breathing? Call emergency services now. Call your clinic today"
        ),
        "{message}"
    );
    // A 4 is not severe: the plan's message alone.
    checkin(&p, DAY8, &["--rate", "redness=4"]).success();
    let day = p.today(DAY8);
    assert_eq!(day["alerts"][0]["id"], "redness-after-a-week");
    let message = day["alerts"][0]["message"].as_str().unwrap();
    assert!(message.starts_with("Call your clinic today"), "{message}");
    // Two 5s on Day 3, where the plan has an alert for each: one severe alert names both.
    checkin(
        &p,
        "2026-11-22 18:00",
        &["--rate", "redness=5", "--rate", "swelling=5"],
    )
    .success()
    .stdout(contains("⚠ CALL TODAY · Rated severe: redness, swelling"));
    let day = p.today("2026-11-22 18:00");
    assert_eq!(day["alerts"].as_array().unwrap().len(), 1, "{day}");
}

/// Walk-through after issue 15: Day 2, swelling rated 5. The alert's own text says to call
/// the clinic today (the emergency line first, as the escalation): in the check-in's answer,
/// in `today` (its summary line and `--json`) and in `remind`, never only in a tag.
#[test]
fn a_severe_rating_says_to_call_the_clinic_wherever_the_alert_is_shown() {
    let p = Patient::treated();
    const DAY2: &str = "2026-11-21 08:10";
    let message = "Feel very unwell or have trouble breathing? Call emergency services now. \
                   Call your clinic today. If you can't reach your clinic today, use urgent care.";
    let one_line = |text: String| text.replace("\n    ", " ").replace("\n  ", " ");
    let said = one_line(stdout(p.at(DAY2).args(["checkin", "--rate", "swelling=5"])));
    assert!(said.contains(message), "{said}");
    assert_eq!(p.today(DAY2)["alerts"][0]["message"], message);
    let today = one_line(stdout(p.at(DAY2).arg("today")));
    assert!(
        today.ends_with(
            "CALL TODAY · Rated severe: swelling — Call your clinic today. If you can't \
             reach your clinic today, use urgent care.\n"
        ),
        "{today}"
    );
    let remind = one_line(stdout(p.at(DAY2).arg("remind")));
    assert!(remind.contains(message), "{remind}");
    assert_eq!(
        remind.matches("Call your clinic today").count(),
        1,
        "{remind}"
    );
}

/// Walk-through after issue 15: swelling rated 5 at Day 2 08:10 vanished at midnight. It is
/// carried to later days, in `today` and `today --json`, until swelling is rated again or
/// seven local days have passed (journal::carried has the rule).
#[test]
fn a_severe_rating_is_still_shown_after_midnight_until_a_newer_check_in() {
    let p = Patient::treated();
    p.at("2026-11-21 08:10")
        .args(["checkin", "--rate", "swelling=5"])
        .assert()
        .success();
    let ids = |now: &str| -> Vec<String> {
        p.today(now)["alerts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids("2026-11-21 23:59"), ["severe"]);
    assert_eq!(ids("2026-11-22 00:05"), ["severe-from-2026-11-21"]);
    let day3 = p.today("2026-11-22 00:05");
    let alert = &day3["alerts"][0];
    assert_eq!(
        alert["title"],
        "Rated severe yesterday (Sat 21 Nov): swelling"
    );
    assert_eq!(alert["rated_on"], "2026-11-21");
    assert_eq!(alert["urgency"], "call");
    assert!(
        alert["message"]
            .as_str()
            .unwrap()
            .contains("If swelling is still severe or worse, call your clinic today."),
        "{alert}"
    );
    let text = stdout(p.at("2026-11-22 00:05").arg("today")).replace("\n    ", " ");
    assert!(text.contains("⚠ Your check-ins set off 1 alert:"), "{text}");
    assert!(
        text.contains(
            "CALL TODAY · Rated severe yesterday (Sat 21 Nov): swelling — If swelling is still"
        ),
        "{text}"
    );
    // Seven local days on it still shows; the eighth it does not.
    assert_eq!(ids("2026-11-28 23:59"), ["severe-from-2026-11-21"]);
    assert!(ids("2026-11-29 00:05").is_empty());
    // A newer rating of swelling replaces it, whatever the value; other symptoms do not.
    p.at("2026-11-22 09:00")
        .args(["checkin", "--rate", "redness=2"])
        .assert()
        .success();
    assert_eq!(ids("2026-11-22 09:01"), ["severe-from-2026-11-21"]);
    p.at("2026-11-22 09:05")
        .args(["checkin", "--rate", "swelling=3"])
        .assert()
        .success();
    // The carried 5 is gone; the 3 is judged on its own, at 43 h: not yet "after 2 days".
    assert!(ids("2026-11-22 09:06").is_empty());
    // Rated again after 48 h (treated Fri 14:00), it is strong after two days.
    p.at("2026-11-22 14:05")
        .args(["checkin", "--rate", "swelling=3"])
        .assert()
        .success();
    assert_eq!(ids("2026-11-22 14:06"), ["swelling-after-two-days"]);
    // That call-today alert is carried the next day in turn, until swelling is rated again.
    assert_eq!(
        ids("2026-11-23 09:00"),
        ["swelling-after-two-days-from-2026-11-22"]
    );
    p.at("2026-11-23 09:10")
        .args(["checkin", "--rate", "swelling=1"])
        .assert()
        .success();
    assert_eq!(ids("2026-11-23 09:11"), Vec::<String>::new());
}

/// The same across the night the clocks go back in Berlin (Sun 25 Oct 2026 has 25 hours) and
/// in New York (Sun 1 Nov 2026): days are local calendar days, never 24-hour spans.
#[test]
fn a_carried_severe_rating_counts_local_days_across_a_dst_change() {
    for (zone, rated, last, gone) in [
        (
            "Europe/Berlin",
            "2026-10-25 01:30",
            "2026-11-01 23:59",
            "2026-11-02 00:01",
        ),
        (
            "America/New_York",
            "2026-11-01 00:30",
            "2026-11-08 23:59",
            "2026-11-09 00:01",
        ),
    ] {
        let p = Patient::new();
        let run = |now: &str| {
            let mut cmd = p.at(now);
            cmd.env("TZ", zone);
            cmd
        };
        run("2026-10-22 14:00").arg("start").assert().success();
        run(rated)
            .args(["checkin", "--rate", "swelling=5"])
            .assert()
            .success();
        let ids = |now: &str| -> Vec<String> {
            let out = run(now).args(["today", "--json"]).assert().success();
            let day: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
            day["alerts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["id"].as_str().unwrap().to_string())
                .collect()
        };
        let date = &rated[..10];
        let carried = format!("severe-from-{date}");
        let end_of_day = format!("{date} 23:59");
        assert_eq!(ids(&end_of_day), ["severe"], "{zone}");
        let next = if zone == "Europe/Berlin" {
            "2026-10-26 00:05"
        } else {
            "2026-11-02 00:05"
        };
        assert_eq!(ids(next), std::slice::from_ref(&carried), "{zone}");
        assert_eq!(ids(last), [carried], "{zone}");
        assert!(ids(gone).is_empty(), "{zone}");
    }
}

/// Under a check-in alert, `today` says what is normal is so for most people, the alert
/// first: "minor swelling … settles within 24–48 hours" under a swelling alert read as
/// reassurance (walk-through).
#[test]
fn under_an_alert_normal_now_is_for_most_people() {
    let p = Patient::treated();
    let text = stdout(p.at("2026-11-21 10:00").arg("today"));
    assert!(text.contains("Normal now:"), "{text}");
    p.at("2026-11-22 18:00")
        .args(["checkin", "--rate", "swelling=4"])
        .assert()
        .success();
    let text = stdout(p.at("2026-11-22 18:05").arg("today"));
    assert!(
        text.contains("Normal now for most people (the check-in alert above comes first):"),
        "{text}"
    );
}

/// Walker R, round 11: treated Thu 25 Mar 2027 at 18:30, rated redness 4, swelling 3 and
/// tenderness 3 at 08:00 on Day 3 (35.5 h), before "after 2 days" could fire. That evening
/// and the next morning the app had said nothing of them; now, from 48 h, it says they call
/// for the clinic if still so, with when they were rated, and `checkin` said to check in
/// again (the notice of a rating above the usual).
#[test]
fn a_rating_given_before_its_alert_window_is_said_once_the_window_opens() {
    let p = Patient::new();
    p.at("2027-03-25 19:30")
        .args(["start", "--at", "2027-03-25 18:30"])
        .assert()
        .success();
    let morning = stdout(p.at("2027-03-27 08:00").args([
        "checkin",
        "--rate",
        "redness=4",
        "--rate",
        "swelling=3",
        "--rate",
        "discomfort=3",
    ]));
    assert!(!morning.contains("CALL TODAY"), "{morning}");
    assert!(morning.contains("Above the usual for Day 3"), "{morning}");
    let evening = stdout(p.at("2027-03-27 20:00").arg("today")).replace("\n  ", " ");
    assert!(
        evening.contains(
            "⚠ CALL TODAY · Strong redness after 2 days; strong swelling after 2 days; still \
             tender after 2 days, rated today at 08:00 If redness or swelling or tenderness is \
             still as strong or worse, call your clinic today."
        ),
        "{evening}"
    );
    // Three symptoms rated differently: no "(you rated each 4)".
    assert!(!evening.contains("you rated each"), "{evening}");
    let sunday = stdout(p.at("2027-03-28 09:00").args(["today", "--short"]));
    assert!(sunday.contains("⚠ 1 alert"), "{sunday}");
}
