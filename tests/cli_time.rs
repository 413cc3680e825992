//! Issue 4, item 8: time going wrong. The clock moving backwards, a treatment in the future,
//! daylight-saving gaps and overlaps, a change of time zone between runs, year end and leap day.

mod cli_common;

use cli_common::*;
use predicates::str::contains;
use serde_json::Value;

/// Every tick-off in the state file, as (date, id).
fn ticks(p: &Patient) -> Vec<(String, String)> {
    let state = state(p);
    let mut out = Vec::new();
    for session in state["sessions"].as_array().unwrap() {
        for (date, ids) in session["ticks"].as_object().unwrap() {
            for id in ids.as_array().unwrap() {
                out.push((date.clone(), id.as_str().unwrap().to_string()));
            }
        }
    }
    out
}

/// Days of `plan --json` follow each other: day numbers and dates both step by one.
fn assert_days_follow_each_other(plan: &Value) {
    let days = plan["days"].as_array().unwrap();
    for pair in days.windows(2) {
        let date = |d: &Value| {
            d["date"]
                .as_str()
                .unwrap()
                .parse::<chrono::NaiveDate>()
                .unwrap()
        };
        assert_eq!(
            pair[1]["day"].as_i64().unwrap(),
            pair[0]["day"].as_i64().unwrap() + 1
        );
        assert_eq!(
            date(&pair[1]),
            date(&pair[0]).succ_opt().unwrap(),
            "{}",
            pair[1]["date"]
        );
    }
}

#[test]
fn the_clock_moving_backwards_breaks_nothing() {
    let p = Patient::treated();
    p.at("2026-11-24 09:00")
        .args(["check", "drink-water"])
        .assert()
        .success();
    // Back to Day 3: the later tick stays, today is Day 3 and can be ticked.
    assert_eq!(p.today(DAY3)["day"], 3);
    assert!(!done(&p.today(DAY3), "drink-water"));
    p.at(DAY3).args(["check", "drink-water"]).assert().success();
    // Back before the treatment itself: the preparation days show, nothing is lost.
    let before = p.today("2026-11-18 10:00");
    assert_eq!(before["day"], -1);
    p.at("2026-11-18 10:00")
        .arg("today")
        .assert()
        .success()
        .stdout(contains("2 days before treatment"));
    assert_eq!(ticks(&p).len(), 2);
    assert!(done(&p.today("2026-11-24 09:00"), "drink-water"));
}

#[test]
fn a_treatment_in_the_future_counts_down_without_negative_days() {
    let p = Patient::new();
    p.at("2026-11-14 09:00")
        .args(["start", "--at", TREATED])
        .assert()
        .success()
        .stdout(contains("Day 1 is Fri 20 Nov, in 6 days"));
    let out = p.at("2026-11-14 09:00").arg("today").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("6 days before treatment · Sat 14 Nov 2026"),
        "{text}"
    );
    assert!(text.contains("Tell provider your conditions"), "{text}");
    assert!(!text.contains("Day -") && !text.contains("Day 0"), "{text}");
    // Before the plan's first day there is nothing to do yet, and still no negative day.
    let early = p.at("2026-11-01 09:00").arg("today").assert().success();
    let early = String::from_utf8(early.get_output().stdout.clone()).unwrap();
    assert!(
        !early.contains("Day -") && !early.contains("Day 0"),
        "{early}"
    );
}

#[test]
fn a_time_in_the_daylight_saving_gap_is_refused_and_the_overlap_takes_the_earlier() {
    let p = Patient::new();
    p.at("2026-03-30 10:00")
        .args(["start", "--at", "2026-03-29 02:30"])
        .assert()
        .code(2)
        .stderr(contains(
            "\"2026-03-29 02:30\" does not exist in local time",
        ))
        .stderr(contains("daylight saving"));
    assert!(!p.state_file().exists());
    p.at("2026-10-26 10:00")
        .args(["start", "--at", "2026-10-25 02:30"])
        .assert()
        .success();
    assert_eq!(state(&p)["sessions"][0]["at"], "2026-10-25T02:30:00+02:00");
    // The 25-hour day is one day; ticks on it and after it land on the right dates.
    p.at("2026-10-25 23:30")
        .args(["check", "drink-water"])
        .assert()
        .success();
    p.at("2026-10-26 00:30")
        .args(["check", "drink-water"])
        .assert()
        .success();
    assert_eq!(
        ticks(&p),
        [
            ("2026-10-25".to_string(), "drink-water".to_string()),
            ("2026-10-26".to_string(), "drink-water".to_string())
        ]
    );
    assert_days_follow_each_other(&p.json("2026-10-26 10:00", &["plan", "--json"]));
    // And the spring gap: the 23-hour day is one day too.
    let q = Patient::new();
    q.at("2026-03-28 10:00")
        .args(["start", "--at", "2026-03-28 09:00"])
        .assert()
        .success();
    assert_eq!(q.today("2026-03-29 03:00")["day"], 2);
    assert_days_follow_each_other(&q.json("2026-03-29 03:00", &["plan", "--json"]));
}

#[test]
fn moving_to_another_time_zone_keeps_every_tick_and_follows_the_new_calendar() {
    let p = Patient::new();
    // 03:00 on the 21st in Berlin is 21:00 on the 20th in New York.
    p.at("2026-11-21 09:00")
        .args(["start", "--at", "2026-11-21 03:00"])
        .assert()
        .success();
    p.at("2026-11-21 09:00")
        .args(["check", "drink-water"])
        .assert()
        .success();
    p.at("2026-11-22 09:00")
        .args(["check", "drink-water"])
        .assert()
        .success();
    assert_eq!(p.today("2026-11-22 09:00")["day"], 2);
    let before = ticks(&p);
    let ny = |args: &[&str]| -> Value {
        let out = p
            .at("2026-11-22T09:00:00-05:00")
            .env("TZ", "America/New_York")
            .args(args)
            .assert()
            .success();
        serde_json::from_slice(&out.get_output().stdout).unwrap()
    };
    let today = ny(&["today", "--json"]);
    assert_eq!(
        (today["day"].clone(), today["date"].clone()),
        (3.into(), "2026-11-22".into())
    );
    assert!(done(&today, "drink-water"));
    let plan = ny(&["plan", "--json"]);
    let day = |n: i64| {
        plan["days"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["day"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(day(1)["date"], "2026-11-20");
    assert!(!done(&day(1), "drink-water"));
    assert!(done(&day(2), "drink-water") && done(&day(3), "drink-water"));
    // Nothing was rewritten by reading, and a tick in New York lands on New York's date.
    assert_eq!(ticks(&p), before);
    p.at("2026-11-20T22:00:00-05:00")
        .env("TZ", "America/New_York")
        .args(["check", "drink-water"])
        .assert()
        .success();
    assert!(ticks(&p).contains(&("2026-11-20".to_string(), "drink-water".to_string())));
    assert_eq!(ticks(&p).len(), before.len() + 1);
}

#[test]
fn year_end_and_leap_day() {
    for (treated, on, day, date) in [
        ("2026-12-30 10:00", "2027-01-01 09:00", 3, "2027-01-01"),
        ("2028-02-27 10:00", "2028-02-29 09:00", 3, "2028-02-29"),
        ("2028-02-27 10:00", "2028-03-01 09:00", 4, "2028-03-01"),
    ] {
        let p = Patient::new();
        p.at(treated)
            .args(["start", "--at", treated])
            .assert()
            .success();
        let today = p.today(on);
        assert_eq!(
            (today["day"].clone(), today["date"].clone()),
            (day.into(), date.into())
        );
        p.at(on).args(["check", "drink-water"]).assert().success();
        assert_eq!(ticks(&p), [(date.to_string(), "drink-water".to_string())]);
        let plan = p.json(on, &["plan", "--json"]);
        assert_days_follow_each_other(&plan);
        let shown = plan["days"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["date"] == date)
            .unwrap();
        assert!(done(shown, "drink-water"), "{treated}: {date}");
        // `--day` names the same date from the other side of the boundary.
        p.at(treated)
            .args(["uncheck", "drink-water", "--day", &day.to_string()])
            .assert()
            .success();
        assert!(ticks(&p).is_empty(), "{treated}");
    }
}
