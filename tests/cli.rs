//! The command line as people and scripts use it: `start`, `today` and `plan`, with their
//! messages and exit statuses. Each test has its own data directory and runs in Europe/Berlin.

mod cli_common;

use cli_common::*;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;
use std::fs;

// ---- start ----

#[test]
fn start_records_now_by_default() {
    let p = Patient::new();
    p.at(TREATED)
        .arg("start")
        .assert()
        .success()
        .stdout(contains(
            "Treatment recorded: Fri 20 Nov 2026 14:00. Day 1 is today.",
        ));
    let state = fs::read_to_string(p.state_file()).unwrap();
    assert!(state.contains("2026-11-20T14:00:00+01:00"), "{state}");
}

#[test]
fn start_at_records_an_earlier_treatment() {
    let p = Patient::new();
    p.at(DAY3)
        .args(["start", "--at", TREATED])
        .assert()
        .success()
        .stdout(contains("Treatment recorded: Fri 20 Nov 2026 14:00."))
        .stdout(contains("today is Day 3"));
    assert_eq!(p.today(DAY3)["day"], 3);
}

#[test]
fn start_at_the_same_moment_twice_records_it_once() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["start", "--at", TREATED])
        .assert()
        .success()
        .stdout(contains("Treatment already recorded"));
    assert_eq!(state(&p)["sessions"].as_array().unwrap().len(), 1);
}

#[test]
fn start_replace_moves_the_treatment_and_keeps_tick_offs() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["check", "sunscreen-spf30"])
        .assert()
        .success();
    p.at(DAY3)
        .args(["start", "--replace", "--at", "2026-11-20 16:30"])
        .assert()
        .success()
        .stdout(contains(
            "Treatment moved: Fri 20 Nov 2026 14:00 → Fri 20 Nov 2026 16:30",
        ));
    let today = p.today(DAY3);
    assert_eq!(today["treatment"], "2026-11-20T16:30:00+01:00");
    assert!(done(&today, "sunscreen-spf30"));
    assert_eq!(state(&p)["sessions"].as_array().unwrap().len(), 1);
}

#[test]
fn a_time_that_cannot_be_read_is_a_usage_error() {
    let p = Patient::new();
    p.at("yesterday")
        .arg("today")
        .assert()
        .code(2)
        .stderr(contains("aftercare: --now: \"yesterday\" is not a time"));
    p.at(DAY3)
        .args(["start", "--at", "2026-03-29 02:30"])
        .assert()
        .code(2)
        .stderr(contains("--at:").and(contains("daylight saving")));
    p.at(DAY3).args(["start", "--at", "soon"]).assert().code(2);
    assert!(!p.state_file().exists());
}

#[test]
fn unknown_arguments_are_usage_errors() {
    let p = Patient::new();
    p.at(DAY3).args(["today", "--yaml"]).assert().code(2);
    p.at(DAY3).arg("tomorrow").assert().code(2);
}

// ---- today ----

#[test]
fn today_prints_a_readable_checklist() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["check", "sunscreen-spf30"])
        .assert()
        .success();
    let out = p.at(DAY3).arg("today").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Microneedling aftercare · treatment Fri 20 Nov 2026 14:00"
    );
    // The day's count is the checklist header's: every task to do that counts; the
    // things to avoid are counted apart, as on the screen, since keeping them needs no
    // tick (a patient who ticked none read "4/12" and "33% of tasks done").
    assert_eq!(
        lines[1], "Day 3 of recovery · Sun 22 Nov 2026 · 1/7 done · 0/8 ticked as kept",
        "{text}"
    );
    for want in [
        "\nDo\n",
        "\nAvoid\n",
        "[x] Apply SPF 30+ sunscreen",
        "      sunscreen-spf30\n",
        "[ ] Use a gentle, fragrance-free cleanser",
        "      gentle-cleanser@morning\n",
        "[ ] No makeup",
        "until 14:00 · 5 hours left",
        "\nNormal now:\n  • Redness like a mild sunburn",
        "\nEMERGENCY · Call emergency services now if:\n  ! ",
        "\nCALL TODAY · Call your clinic today if:\n  ! ",
        "\nYour clinic: this plan names none",
        "not medical advice",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    let do_at = text.find("\nDo\n").unwrap();
    assert!(do_at < text.find("\nAvoid\n").unwrap());
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
}

#[test]
fn today_json_has_the_checklist_fields() {
    let p = Patient::treated();
    let today = p.today(DAY3);
    assert_eq!(today["day"], 3);
    assert_eq!(today["date"], "2026-11-22");
    assert_eq!(today["treatment"], "2026-11-20T14:00:00+01:00");
    assert_eq!(today["done"], 0);
    let tasks = today["tasks"].as_array().unwrap();
    // Tasks done as needed are listed but not counted, nor things to avoid.
    let as_needed = tasks.iter().filter(|t| t["as_needed"] == true).count();
    assert_eq!(as_needed, 3, "{tasks:?}");
    let avoid = tasks.iter().filter(|t| t["kind"] == "avoid").count();
    assert_eq!(avoid, 8, "{tasks:?}");
    assert_eq!(today["total"], tasks.len() - as_needed - avoid);
    assert_eq!(
        task(&today, "cold-compress")["when"],
        "as needed · until 14:00"
    );
    for t in tasks {
        for field in [
            "id", "title", "kind", "done", "starts", "ends", "status", "when",
        ] {
            assert!(!t[field].is_null(), "{field} missing in {t}");
        }
    }
    let spf = task(&today, "sunscreen-spf30");
    assert_eq!(spf["kind"], "do");
    assert_eq!(spf["status"], "active");
    // The patient's own sunscreen starts on Day 2 (on Day 1, only the provider's).
    assert_eq!(spf["starts"], "2026-11-21T00:00:00+01:00");
    assert_eq!(spf["ends"], "2027-01-01T14:00:00+01:00");
    assert_eq!(task(&today, "no-makeup")["kind"], "avoid");
    assert_eq!(task(&today, "gentle-cleanser@evening")["slot"], "evening");
    assert!(!today["phases"].as_array().unwrap().is_empty());
    assert!(!today["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn days_are_local_calendar_days_in_the_zone_of_tz() {
    let p = Patient::new();
    p.at("2026-11-20 23:30").arg("start").assert().success();
    // Forty minutes later it is the next calendar day, so Day 2.
    let today = p.today("2026-11-21 00:10");
    assert_eq!(
        (today["day"].clone(), today["date"].clone()),
        (2.into(), "2026-11-21".into())
    );
    assert_eq!(p.today("2026-11-20 23:59")["day"], 1);

    // The same instant is 00:30 on the 21st in Berlin but 18:30 on the 20th in New York.
    let q = Patient::new();
    q.at("2026-11-21T09:00:00Z")
        .args(["start", "--at", "2026-11-20T23:30:00Z"])
        .assert()
        .success();
    assert_eq!(q.today("2026-11-21T09:00:00Z")["day"], 1);
    let out = q
        .at("2026-11-21T09:00:00Z")
        .env("TZ", "America/New_York")
        .args(["today", "--json"])
        .assert()
        .success();
    let ny: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        (ny["day"].clone(), ny["date"].clone()),
        (2.into(), "2026-11-21".into())
    );
    assert_eq!(ny["treatment"], "2026-11-20T18:30:00-05:00");
}

#[test]
fn today_without_a_treatment_says_how_to_record_one() {
    let p = Patient::new();
    for args in [
        &["today"][..],
        &["today", "--json"],
        &["check", "no-makeup"],
    ] {
        p.at(DAY3).args(args).assert().code(1).stdout("").stderr(
            "aftercare: No treatment recorded yet: run `aftercare start` \
                 (or `aftercare` to be asked).\n",
        );
    }
}

#[test]
fn days_before_treatment_show_how_to_prepare() {
    let p = Patient::new();
    p.at("2026-11-18 10:00")
        .args(["start", "--at", TREATED])
        .assert()
        .success()
        .stdout(contains("Day 1 is Fri 20 Nov, in 2 days"));
    p.at("2026-11-18 10:00")
        .arg("today")
        .assert()
        .success()
        .stdout(contains("2 days before treatment · Wed 18 Nov 2026"))
        .stdout(contains("before-tell-provider"));
}

#[test]
fn after_the_plan_ends_today_says_so() {
    let p = Patient::treated();
    let today = p.today("2027-02-01 10:00");
    assert_eq!(today["day"], 74);
    assert_eq!(today["total"], 0);
    p.at("2027-02-01 10:00")
        .arg("today")
        .assert()
        .success()
        .stdout(contains(
            "Your plan is over: it ended on Day 43 (Fri 1 Jan 2027); there is nothing more to",
        ))
        .stdout(contains("Keep up after the plan:"));
}

/// Issue 15: after the plan, `today` named the day "Day 50" where the screen's header says
/// "After the plan". Both say "After the plan"; the plan's last day keeps its number.
#[test]
fn after_the_plan_today_names_the_day_as_the_screen_does() {
    let p = Patient::treated();
    let text = stdout(p.at("2027-01-08 12:00").arg("today"));
    let second = text.lines().nth(1).unwrap();
    assert_eq!(second, "After the plan · Fri 8 Jan 2027");
    assert!(!text.contains("Day 50"), "{text}");
    let last = stdout(p.at("2027-01-01 12:00").arg("today"));
    assert!(
        last.lines()
            .nth(1)
            .unwrap()
            .starts_with("Day 43 of recovery · Fri 1 Jan 2027"),
        "{last}"
    );
}

// ---- plan ----

#[test]
fn plan_json_lists_every_day() {
    let p = Patient::treated();
    let plan = p.json(DAY3, &["plan", "--json"]);
    assert_eq!(plan["treatment"], "2026-11-20T14:00:00+01:00");
    assert_eq!(plan["recorded"], true);
    let days = plan["days"].as_array().unwrap();
    // Preparation opens a week before (Day -6); the plan runs six weeks after (Day 43).
    assert_eq!(days.len(), 50);
    assert_eq!(days[0]["day"], -6);
    let day1 = days.iter().find(|d| d["day"] == 1).unwrap();
    assert_eq!(day1["date"], "2026-11-20");
    for (i, d) in days.iter().enumerate() {
        assert_eq!(d["day"], days[0]["day"].as_i64().unwrap() + i as i64);
        for field in ["date", "tasks", "phases", "warnings"] {
            assert!(!d[field].is_null(), "{field} missing on day {}", d["day"]);
        }
    }
}

#[test]
fn plan_without_a_treatment_is_shown_as_if_treated_now() {
    let p = Patient::new();
    let plan = p.json(DAY3, &["plan", "--json"]);
    assert_eq!(plan["recorded"], false);
    assert_eq!(plan["treatment"], "2026-11-22T09:00:00+01:00");
    p.at(DAY3)
        .arg("plan")
        .assert()
        .success()
        .stdout(contains(
            "No treatment recorded yet: this is the plan as if treated now.",
        ))
        .stdout(contains("Day 1 · treatment day · Sun 22 Nov 2026"));
    assert!(
        !p.state_file().exists(),
        "showing the plan must not record anything"
    );
}

#[test]
fn plan_text_marks_today_and_ticks() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["check", "sunscreen-spf30"])
        .assert()
        .success();
    let out = p.at(DAY3).arg("plan").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let today = text
        .split("\n\n")
        .find(|block| block.contains("← today"))
        .unwrap();
    assert!(
        today.starts_with("Day 3 of recovery · Sun 22 Nov 2026 · 1/"),
        "{today}"
    );
    assert!(today.contains("[x] Apply SPF 30+ sunscreen"), "{today}");
    assert!(text.contains("Day 43 of recovery"));
    // Every line fits 80 columns, but for a web address too long to fit, which is never
    // broken (a terminal can still open it).
    let unbreakable = |l: &str| l.trim().starts_with("https://") && !l.trim().contains(' ');
    assert!(
        text.lines()
            .all(|l| l.chars().count() <= 80 || unbreakable(l))
    );
    assert!(text.contains("Sources:"));
    assert!(!text.contains("seeds/"), "no file paths in citations");
}
