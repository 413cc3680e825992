//! After the plan (issue 15, the six-week walk-through): check-ins still alert, `today`,
//! `today --short`, `today --json` and `history` keep the check-ins made after the plan's
//! last day, and `today` says the plan is over at the same moment the screen does (Day 43 of
//! the built-in plan from 14:00), with what to keep up after it (daily SPF) from the rules
//! file. Treatment Fri 20 Nov 2026 14:00, Europe/Berlin.

mod cli_common;

use cli_common::*;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

/// Day 60 of the built-in plan (Day 43 is its last).
const DAY60: &str = "2027-01-18 10:00";

/// A patient treated at TREATED with four check-ins in the plan (redness 2) and redness 4
/// on Day 60.
fn rated_on_day_60() -> Patient {
    let p = Patient::treated();
    for now in [
        "2026-11-21 10:00",
        "2026-11-27 10:00",
        "2026-12-10 10:00",
        "2027-01-01 10:00",
    ] {
        p.at(now)
            .args(["checkin", "--rate", "redness=2"])
            .assert()
            .success();
    }
    p
}

#[test]
fn a_check_in_after_the_plan_still_alerts_and_is_kept() {
    let p = rated_on_day_60();
    p.at(DAY60)
        .args(["checkin", "--rate", "redness=4"])
        .assert()
        .success()
        .stdout(contains(
            "Checked in for Day 60 (Mon 18 Jan, today): Redness 4",
        ))
        .stdout(contains(
            // Within 80 columns: the reading under the title.
            "⚠ CALL TODAY · Redness still strong after a week\n  (you rated redness 4, up from 2 on \
             Fri 1 Jan)",
        ));
    let today = p.today(DAY60);
    let alerts: Vec<&str> = today["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    // One alert per symptom: the first of its tier in the plan, which says "up from 2" too.
    assert_eq!(alerts, ["redness-after-a-week"]);
    assert_eq!(today["checkin"]["ratings"]["redness"], 4);
    p.at(DAY60)
        .args(["today", "--short"])
        .assert()
        .success()
        .stdout("Plan complete · keep up: Apply SPF 30+ sunscreen · ⚠ 1 alert\n");
    p.at(DAY60)
        .args(["today"])
        .assert()
        .success()
        .stdout(contains("\nCheck-in: Redness 4\n"))
        .stdout(contains("⚠ Today's check-in set off 1 alert:"));
    let history = stdout(p.at(DAY60).args(["history"]));
    for line in [
        "Days                  1–60",
        // Redness rated after two weeks sets off "Redness still there after 2 weeks".
        "Check-ins             5 (⚠ 3)",
    ] {
        assert!(history.contains(line), "{line}\n{history}");
    }
    assert!(history.contains("Redness               4 D60"), "{history}");
}

#[test]
fn after_the_plan_no_check_in_is_asked_for_but_sunscreen_is_kept_up() {
    let p = Patient::treated();
    let out = stdout(p.at(DAY60).args(["today"]));
    assert!(!out.contains("Check-in:"), "{out}");
    assert!(
        out.contains(
            "Your plan is over: it ended on Day 43 (Fri 1 Jan 2027); there is nothing more to\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "Keep up after the plan:\n  • Apply SPF 30+ sunscreen — every day, even when cloudy: the \
             sources say\n    always. (Sources: Microneedling Results After 1 Treatment;"
        ),
        "{out}"
    );
    let json = p.today(DAY60);
    let keep = &json["after_plan"]["keep_up"][0];
    assert_eq!(keep["id"], "sunscreen-spf30");
    assert_eq!(json["after_plan"]["ended_day"], 43);
    assert_eq!(json["after_plan"]["ended_date"], "2027-01-01");
}

/// Day 43 at 18:00: every window closed at 14:00, so `today` says what the screen says.
#[test]
fn today_says_the_plan_is_over_from_the_moment_its_last_window_closes() {
    let p = Patient::treated();
    let before = stdout(p.at("2027-01-01 13:00").args(["today"]));
    assert!(
        before.contains("Normal now:\n  • Collagen peak"),
        "{before}"
    );
    assert!(!before.contains("Your plan is over"), "{before}");
    assert!(before.contains("daily · always"), "{before}");
    p.at("2027-01-01 18:00")
        .args(["today"])
        .assert()
        .success()
        .stdout(contains(
            "Your plan is over: it ended on Day 43 (Fri 1 Jan 2027)",
        ))
        .stdout(contains("Results last weeks to months"))
        .stdout(contains("Keep up after the plan:"))
        .stdout(contains("Normal now").not())
        .stdout(contains("ended 14:00").not());
    p.at("2027-01-01 18:00")
        .args(["today", "--short"])
        .assert()
        .stdout(contains("Plan complete · keep up: Apply SPF 30+ sunscreen"));
    let json = p.today("2027-01-01 18:00");
    assert_eq!(json["tasks"].as_array().unwrap().len(), 0);
    assert_eq!(json["phases"].as_array().unwrap().len(), 0);
    assert_eq!(json["after_plan"]["ended_day"], 43);
    assert!(p.today("2027-01-01 13:00")["after_plan"].is_null());
}

/// The rules the sources say hold always or daily last the whole plan (to Day 43 14:00):
/// "Follow your provider's instructions" (as needed, no "until"), moisturizing and sunscreen
/// ("daily · always" near the end: it is kept up after the plan).
#[test]
fn always_and_daily_rules_last_the_whole_plan() {
    let p = Patient::treated();
    let when = |now: &str, id: &str| -> Option<String> {
        let day = p.today(now);
        let tasks = day["tasks"].as_array().unwrap().clone();
        tasks
            .iter()
            .find(|t| t["id"] == id)
            .map(|t| t["when"].as_str().unwrap().to_string())
    };
    type Case<'a> = (&'a str, &'a str, Option<&'a str>);
    let cases: [Case<'_>; 9] = [
        (
            "2026-11-26 10:00",
            "follow-provider-instructions",
            Some("as needed"),
        ),
        (
            "2026-11-27 10:00",
            "follow-provider-instructions",
            Some("as needed"),
        ),
        (
            "2026-12-31 21:00",
            "follow-provider-instructions",
            Some("as needed"),
        ),
        (
            "2027-01-01 13:00",
            "follow-provider-instructions",
            Some("as needed"),
        ),
        (
            "2026-12-10 10:00",
            "moisturize@morning",
            Some("morning · by 12:00"),
        ),
        (
            "2027-01-01 09:00",
            "moisturize@morning",
            Some("morning · by 12:00"),
        ),
        (
            "2026-12-31 21:00",
            "sunscreen-spf30",
            Some("daily · always"),
        ),
        (
            "2027-01-01 13:00",
            "sunscreen-spf30",
            Some("daily · always"),
        ),
        ("2027-01-02 10:00", "sunscreen-spf30", None),
    ];
    for (now, id, want) in cases {
        assert_eq!(when(now, id).as_deref(), want, "{id} at {now}");
    }
}

/// After the plan the emergency signs' windows are closed, but a check-in alert, and the
/// call-today signs still listed, still come with when to call emergency services (a
/// walk-through on Day 59 found only "call your clinic" and urgent care; another on Day 44
/// only "Call your clinic today if: Firm bumps or lumps …").
#[test]
fn after_the_plan_an_alert_keeps_the_emergency_signs() {
    let calm = Patient::treated();
    let text = stdout(calm.at(DAY60).arg("today"));
    assert!(
        text.contains("EMERGENCY · Call emergency services now if:"),
        "{text}"
    );
    let p = rated_on_day_60();
    p.at(DAY60)
        .args(["checkin", "--rate", "redness=4"])
        .assert()
        .success();
    let text = stdout(p.at(DAY60).arg("today"));
    assert!(
        text.contains("EMERGENCY · Call emergency services now if:"),
        "{text}"
    );
    assert!(
        text.contains("Red, hot or swollen skin and feeling very unwell"),
        "{text}"
    );
}

/// After the plan, `today` says a next-session window that closed with no treatment
/// recorded, as the screen does: booked or not (a walk-through using only the command line
/// never learned the suggested window had passed).
#[test]
fn after_the_plan_today_says_the_next_session_window_has_closed() {
    let p = Patient::treated();
    let text = stdout(p.at(DAY60).arg("today")).replace('\n', " ");
    assert!(
        text.contains(
            "The suggested window for your next session was Fri 18 Dec 2026 to Fri 1 Jan: if it \
             is not booked, ask your provider when to come."
        ),
        "{text}"
    );
    p.at("2026-12-20 10:00")
        .args(["check", "book-next-session"])
        .assert()
        .success();
    let text = stdout(p.at(DAY60).arg("today")).replace('\n', " ");
    assert!(
        text.contains(
            "You ticked your next session as booked; its window (Fri 18 Dec 2026 to Fri 1 Jan) \
             has closed with no treatment recorded."
        ),
        "{text}"
    );
}

/// With a check-in alert up after the plan, `remind` does not suggest turning reminders off
/// (it read as all clear beside "CALL TODAY"); without one it does.
#[test]
fn after_the_plan_remind_offers_uninstall_only_without_an_alert() {
    let calm = Patient::treated();
    let out = calm.at(DAY60).arg("remind").assert().code(3);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("`aftercare remind"), "{text}");
    let p = rated_on_day_60();
    p.at(DAY60)
        .args(["checkin", "--rate", "redness=4"])
        .assert()
        .success();
    let text = stdout(p.at(DAY60).arg("remind"));
    assert!(text.contains("CALL TODAY"), "{text}");
    assert!(!text.contains("uninstall"), "{text}");
}
