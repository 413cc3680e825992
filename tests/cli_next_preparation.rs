//! Before a recorded next treatment: its preparation ("Stay out of the sun (and a week after)", "Tell provider
//! your conditions", from a week before) is listed by `today`, ticked by `check` on that
//! treatment, and reminded of by `remind`, while the current treatment's own days go on.

mod cli_common;

use cli_common::*;
use predicates::prelude::*;
use predicates::str::contains;

/// The morning of the next treatment.
const MORNING: &str = "2027-01-02 09:00";
const NEXT: &str = "2027-01-02 11:00";

/// Treated Sat 28 Nov 2026 10:00; on 30 Dec the next session is recorded for Sat 2 Jan
/// 11:00 (`start --next`).
fn series() -> Patient {
    let p = Patient::new();
    p.at("2026-11-28 11:00")
        .args(["start", "--at", "2026-11-28 10:00"])
        .assert()
        .success();
    p.at("2026-12-30 09:00")
        .args(["start", "--next", "--at", NEXT])
        .assert()
        .success();
    p
}

#[test]
fn today_lists_the_next_treatments_preparation_with_its_ids() {
    let p = series();
    let out = stdout(p.at(MORNING).arg("today"));
    // The current treatment's day first, then the preparation, each task with its id.
    let prep = "\nDo before your next treatment (Sat 2 Jan 11:00)\n  \
        [ ] Tell provider your conditions and meds   by 11:00 · 2 hours left\n      \
        before-tell-provider\n";
    // Counted with the day's own tasks, as the main screen counts them ("0/10 done today"),
    // its two things to avoid apart.
    assert!(
        out.contains("Day 36 of recovery · Sat 2 Jan 2027 · 0/10 done · 0/2 ticked as kept"),
        "{out}"
    );
    assert!(out.contains(prep), "{out}");
    let avoid = "\nAvoid before your next treatment (Sat 2 Jan 11:00)\n  \
        [ ] No exfoliants (and for a week after)     until 11:00 · 2 hours left\n      \
        before-no-exfoliants\n  \
        [ ] Stay out of the sun (and a week after)   until 11:00 · 2 hours left\n      \
        before-avoid-sun\n";
    assert!(out.contains(avoid), "{out}");
    // From the treatment's hour it is the treatment in force, and the section goes.
    let later = stdout(p.at("2027-01-02 11:30").arg("today"));
    assert!(!later.contains("before your next treatment"), "{later}");
    // Not before its first day (Sat 26 Dec, a week before 11:00 on 2 Jan).
    let before = stdout(p.at("2026-12-25 20:00").arg("today"));
    assert!(!before.contains("before your next treatment"), "{before}");
    let first_day = stdout(p.at("2026-12-26 12:00").arg("today"));
    let heading = "Avoid before your next treatment (Sat 2 Jan 2027 11:00)";
    assert!(first_day.contains(heading), "{first_day}");
}

#[test]
fn today_json_has_the_preparation_as_its_own_day() {
    let p = series();
    let day = p.today(MORNING);
    assert_eq!(day["day"], 36);
    let before = &day["before_next_treatment"];
    assert_eq!(before["day"], 1);
    // Its three tasks to do; its two things to avoid are not counted.
    assert_eq!(before["total"], 3);
    assert!(!done(before, "before-avoid-sun"));
    assert!(
        day["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| { !t["id"].as_str().unwrap().starts_with("before-") })
    );
    assert!(
        p.today("2026-12-20 09:00")
            .get("before_next_treatment")
            .is_none()
    );
}

#[test]
fn check_ticks_a_preparation_task_on_the_next_treatment() {
    let p = series();
    p.at(MORNING)
        .args(["check", "before-avoid-sun"])
        .assert()
        .success()
        .stdout("Ticked: Stay out of the sun (and a week after) (before your next treatment, Sat 2 Jan 11:00)\n");
    assert!(done(
        &p.today(MORNING)["before_next_treatment"],
        "before-avoid-sun"
    ));
    // The tick is the next treatment's, on its date; the first has none.
    let file = state(&p);
    let sessions = file["sessions"].as_array().unwrap();
    assert_eq!(sessions[1]["ticks"]["2027-01-02"][0], "before-avoid-sun");
    assert!(
        sessions[0]["ticks"]
            .as_object()
            .is_none_or(|t| t.get("2027-01-02").is_none()),
        "{}",
        sessions[0]
    );
    // And stays ticked once that treatment is the one in force: its Day 1 before 11:00 is
    // the same day.
    p.at(MORNING)
        .args(["uncheck", "before-avoid-sun"])
        .assert()
        .success()
        .stdout(contains(
            "Unticked: Stay out of the sun (and a week after) (before your next treatment",
        ));
    assert!(!done(
        &p.today(MORNING)["before_next_treatment"],
        "before-avoid-sun"
    ));
}

#[test]
fn check_before_the_preparation_opens_says_when_it_does() {
    let p = series();
    p.at("2026-12-20 09:00")
        .args(["check", "before-avoid-sun"])
        .assert()
        .code(2)
        .stderr(contains(
            "`before-avoid-sun` prepares for your next treatment (Sat 2 Jan 2027 11:00); \
             it runs from Sat 26 Dec 11:00",
        ));
    // A day named is the current treatment's, where it is not a task.
    p.at(MORNING)
        .args(["check", "before-avoid-sun", "--day", "36"])
        .assert()
        .code(2)
        .stderr(contains("is not a task today (Day 36"));
}

#[test]
fn remind_lists_the_preparation_due_under_the_next_treatment() {
    let p = series();
    p.at(MORNING)
        .args(["check", "before-tell-provider"])
        .assert()
        .success();
    p.at(MORNING)
        .arg("remind")
        .assert()
        .success()
        .stdout(contains("Due now · Sat 2 Jan 09:00 · Day 36 of recovery"))
        .stdout(contains(
            "\nDue before your next treatment (Sat 2 Jan 11:00)\n  \
             [ ] Ask now which skincare to stop\n      \
             since Sat 26 Dec 11:00 · until 11:00\n      \
             before-ask-products-to-stop\n",
        ))
        // Ticked (once, for that treatment), it is not due; nothing to avoid is "due".
        .stdout(contains("before-tell-provider").not())
        .stdout(contains("before-avoid-sun").not());
    // From the treatment on, the preparation is over.
    p.at("2027-01-02 11:30")
        .arg("remind")
        .assert()
        .stdout(contains("before your next treatment").not());
}

#[test]
fn today_short_counts_the_preparation_and_names_the_next_treatment() {
    let p = series();
    // Its restrictions end at the treatment: no "No exfoliating…: 2 h left", which would
    // read as allowed after (as before a first treatment).
    p.at(MORNING)
        .args(["today", "--short"])
        .assert()
        .success()
        .stdout("Day 36 · 0/10 done · Next treatment today at 11:00 (in 2 h)\n");
    // Before the preparation opens, the current day alone.
    p.at("2026-12-20 09:00")
        .args(["today", "--short"])
        .assert()
        .stdout("Day 23 · 0/7 done\n");
}

#[test]
fn remind_notify_names_the_next_treatment_once() {
    let p = series();
    let log = p.data().join("notified.log");
    let script = p.data().join("notifier.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s | %s\\n' \"$1\" \"$2\" >> '{}'\n",
            log.display()
        ),
    )
    .unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let run = |now: &str| {
        p.at(now)
            .env("AFTERCARE_NOTIFY_COMMAND", &script)
            .args(["remind", "--notify", "--quiet"])
            .assert()
            .success();
    };
    run("2026-12-30 10:00");
    run("2026-12-30 10:05");
    let notified = std::fs::read_to_string(&log).unwrap();
    let heading = "Before your next treatment (Sat 2 Jan 2027 11:00) | \
                   • Tell provider your conditions and meds\n";
    assert_eq!(notified.matches(heading).count(), 1, "{notified}");
    assert!(notified.contains("• Check: not flaring, pregnant or nursing\n"));
}

/// On the plan's last day, once its windows have closed, `today --short` says the plan is
/// complete as `today` and the screen do, with a next treatment's preparation open: that is
/// the next treatment's, not this plan's (it said "Day 43 · 0/9 done").
#[test]
fn the_plan_is_complete_on_its_last_day_with_the_next_preparation_open() {
    let p = Patient::treated();
    p.at("2026-12-30 09:00")
        .args(["start", "--next", "--at", "2027-01-05 10:00"])
        .assert()
        .success();
    let line = stdout(p.at("2027-01-01 15:00").args(["today", "--short"]));
    assert!(line.starts_with("Plan complete · "), "{line}");
    assert!(line.contains("Next treatment in 4 days"), "{line}");
}
