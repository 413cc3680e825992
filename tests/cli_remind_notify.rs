//! `aftercare remind --notify`: the notifications it hands to a fake notifier (a script that
//! appends to a file) as a timer runs it through a day, what it remembers and where, and
//! what it says when a notification cannot be shown. Nothing real is shown: the test
//! environment has no session bus (cli_common).

mod cli_common;

use cli_common::*;
use predicates::str::contains;
use std::fs;
use std::path::{Path, PathBuf};

/// Exit statuses `remind` documents.
const SOMETHING_DUE: i32 = 0;
const NOTHING_DUE: i32 = 3;

fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// A script that appends each notification to `log` as `TITLE | TEXT` lines.
fn fake_notifier(dir: &Path) -> (PathBuf, PathBuf) {
    let log = dir.join("notified.log");
    let script = dir.join("notifier.sh");
    fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s | %s\\n' \"$1\" \"$2\" >> '{}'\n",
            log.display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    }
    (script, log)
}

#[test]
fn notify_hands_each_task_to_the_notifier_once_and_never_after_it_is_ticked() {
    let p = Patient::treated();
    let (script, log) = fake_notifier(p.data());
    let state_before = fs::read(p.state_file()).unwrap();
    let run = |now: &str| {
        let out = p
            .at(now)
            .env("AFTERCARE_NOTIFY_COMMAND", &script)
            .args(["remind", "--notify", "--quiet"])
            .assert();
        assert_eq!(stdout(&out), "", "--quiet prints nothing");
        out.get_output().status.code().unwrap()
    };
    assert_eq!(run("2026-11-22 08:00"), SOMETHING_DUE);
    assert_eq!(run("2026-11-22 08:05"), SOMETHING_DUE);
    p.at("2026-11-22 08:07")
        .args(["check", "moisturize@morning"])
        .assert()
        .success();
    p.at("2026-11-22 08:07")
        .args(["uncheck", "moisturize@morning"])
        .assert()
        .success();
    assert_eq!(run("2026-11-22 08:10"), SOMETHING_DUE);
    p.at("2026-11-22 08:12")
        .args(["check", "gentle-cleanser@morning"])
        .assert()
        .success();
    p.at("2026-11-22 08:12")
        .args(["check", "moisturize@morning"])
        .assert()
        .success();
    p.at("2026-11-22 08:12")
        .args(["check", "sunscreen-spf30"])
        .assert()
        .success();
    assert_eq!(run("2026-11-22 08:15"), NOTHING_DUE);
    assert_eq!(run("2026-11-22 09:00"), SOMETHING_DUE);
    assert_eq!(run("2026-11-22 14:00"), SOMETHING_DUE);
    assert_eq!(run("2026-11-23 08:00"), SOMETHING_DUE);
    let notified = fs::read_to_string(&log).unwrap();
    let times = |title: &str| notified.matches(title).count();
    assert_eq!(
        times("Use a gentle, fragrance-free cleanser (morning)"),
        2,
        "Day 3 and Day 4:\n{notified}"
    );
    assert_eq!(
        times("Moisturize (hyaluronic acid, ceramides) (morning)"),
        2,
        "unticked again, not told again"
    );
    // Due at 08:00 with the morning routine: Day 3 and Day 4.
    assert_eq!(times("Apply SPF 30+ sunscreen"), 2, "{notified}");
    assert_eq!(times("Makeup is fine again"), 1);
    assert!(
        notified.starts_with(
            "3 aftercare tasks due now | • Use a gentle, fragrance-free cleanser (morning)\n\
         • Moisturize (hyaluronic acid, ceramides) (morning)\n\
         • Apply SPF 30+ sunscreen\n\
         2 aftercare tasks due now | "
        ),
        "{notified}"
    );
    assert!(notified.contains("2 changes in your aftercare | • Makeup is fine again (from 14:00)\n• Workouts and sweating are fine again (from 14:00)\n"));
    // What was notified is kept beside the state, which holds only what the patient did.
    assert!(p.data().join("reminders.json").exists());
    let state_after: serde_json::Value =
        serde_json::from_slice(&fs::read(p.state_file()).unwrap()).unwrap();
    let before: serde_json::Value = serde_json::from_slice(&state_before).unwrap();
    assert_eq!(
        state_after["sessions"][0]["at"],
        before["sessions"][0]["at"]
    );
    assert!(
        !fs::read_to_string(p.state_file())
            .unwrap()
            .contains("notif")
    );
}

#[test]
fn a_notification_that_cannot_be_shown_is_reported_and_tried_again() {
    let p = Patient::treated();
    // No desktop session here (the test's bus address leads nowhere).
    let out = p
        .at("2026-11-22 08:00")
        .args(["remind", "--notify"])
        .assert()
        .code(1)
        .stderr(contains("aftercare: cannot show a desktop notification ("))
        .stderr(contains(
            "or set AFTERCARE_NOTIFY_COMMAND to a program that shows them",
        ));
    assert!(
        stdout(&out).starts_with("Due now · Sun 22 Nov 08:00"),
        "the text comes first"
    );
    let (script, log) = fake_notifier(p.data());
    p.at("2026-11-22 08:05")
        .env("AFTERCARE_NOTIFY_COMMAND", &script)
        .args(["remind", "--notify", "--quiet"])
        .assert()
        .code(SOMETHING_DUE);
    assert!(
        fs::read_to_string(log)
            .unwrap()
            .contains("Use a gentle, fragrance-free cleanser (morning)")
    );
    // A session bus reached over the network is never used.
    p.at("2026-11-22 09:00")
        .env("DBUS_SESSION_BUS_ADDRESS", "tcp:host=127.0.0.1,port=9")
        .args(["remind", "--notify", "--quiet"])
        .assert()
        .code(1)
        .stderr(contains(
            "is not a local socket, and aftercare makes no network connection",
        ));
    // A notifier that fails is named.
    p.at("2026-11-22 09:00")
        .env("AFTERCARE_NOTIFY_COMMAND", "/nonexistent/notifier")
        .args(["remind", "--notify", "--quiet"])
        .assert()
        .code(1)
        .stderr(contains(
            "aftercare: cannot run \"/nonexistent/notifier\" from AFTERCARE_NOTIFY_COMMAND",
        ));
}

#[test]
fn a_damaged_record_is_set_aside_and_the_reminder_still_comes() {
    let p = Patient::treated();
    fs::write(p.data().join("reminders.json"), "{ not json").unwrap();
    p.at("2026-11-22 08:00")
        .arg("remind")
        .assert()
        .code(SOMETHING_DUE)
        .stderr(contains("could not be read and was moved to"))
        .stdout(contains("gentle-cleanser@morning"));
    assert_eq!(
        fs::read_to_string(p.data().join("reminders.json.damaged-1")).unwrap(),
        "{ not json"
    );
}

/// A check-in that says to call the clinic today comes first in `remind`, before any task, and
/// `--notify` shows each such alert once per day (the same memory as tasks): the walk-through
/// found `remind` listing only tasks after a severe check-in.
#[test]
fn remind_says_todays_call_alerts_first_and_notifies_each_once_a_day() {
    let p = Patient::treated();
    let (script, log) = fake_notifier(p.data());
    p.at("2026-11-21 08:00")
        .args(["checkin", "--rate", "redness=5", "--rate", "swelling=5"])
        .assert()
        .success();
    let out = p.at("2026-11-21 08:30").arg("remind").assert();
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "⚠ CALL TODAY · Rated severe: redness, swelling\n  Feel very unwell or have trouble \
             breathing? Call emergency services now."
        ),
        "{text}"
    );
    let alert_at = text.find("CALL TODAY").unwrap();
    let tasks_at = text.find("Due now").expect("the tasks still follow");
    assert!(alert_at < tasks_at, "{text}");
    let notify = |now: &str| {
        p.at(now)
            .env("AFTERCARE_NOTIFY_COMMAND", &script)
            .args(["remind", "--notify", "--quiet"])
            .assert()
            .code(SOMETHING_DUE);
    };
    notify("2026-11-21 08:35");
    notify("2026-11-21 09:35");
    let shown = fs::read_to_string(&log).unwrap();
    let alerts: Vec<&str> = shown.lines().filter(|l| l.contains("CALL TODAY")).collect();
    assert_eq!(
        alerts,
        [
            "CALL TODAY: Rated severe: redness, swelling | Feel very unwell or have trouble \
          breathing? Call emergency services now. Call your clinic today. If you can't reach \
          your clinic today, use urgent care."
        ],
        "once, though remind ran twice:\n{shown}"
    );
    // The alert is the first notification of the day, before the tasks.
    assert!(
        shown.lines().next().unwrap().starts_with("CALL TODAY"),
        "{shown}"
    );
    // The next day has no check-in yet: the severe ratings are carried (journal::carried),
    // first, until a check-in rates them again; then tasks only.
    let out = p.at("2026-11-22 08:00").arg("remind").assert();
    assert!(
        stdout(&out)
            .starts_with("⚠ CALL TODAY · Rated severe yesterday (Sat 21 Nov): redness, swelling\n"),
        "{}",
        stdout(&out)
    );
    p.at("2026-11-22 08:10")
        .args(["checkin", "--rate", "redness=2", "--rate", "swelling=1"])
        .assert()
        .success();
    let out = p.at("2026-11-22 08:20").arg("remind").assert();
    assert!(!stdout(&out).contains("CALL TODAY"), "{}", stdout(&out));
}
