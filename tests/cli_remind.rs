//! `aftercare remind` as a patient and a timer use it: what it prints at given moments of the
//! built-in plan, its exit status, the notifications it hands to a fake notifier (a script
//! that appends to a file), and `remind install`/`uninstall` with a temporary unit directory
//! and a recording `systemctl`. Nothing real is installed or shown.

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

/// `remind` at `now`: its output and exit status.
fn remind(p: &Patient, now: &str, args: &[&str]) -> (String, i32) {
    let out = p.at(now).arg("remind").args(args).assert();
    let code = out.get_output().status.code().unwrap();
    (stdout(&out), code)
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
fn prints_what_is_due_at_the_moment_and_stays_silent_once_ticked() {
    let p = Patient::treated();
    // Day 3, before the morning: nothing due yet.
    assert_eq!(
        remind(&p, "2026-11-22 07:30", &[]),
        (String::new(), NOTHING_DUE)
    );
    let (text, code) = remind(&p, "2026-11-22 08:00", &[]);
    assert_eq!(code, SOMETHING_DUE);
    assert_eq!(
        text,
        "Due now · Sun 22 Nov 08:00 · Day 3 of recovery\n\
         \x20 [ ] Use a gentle, fragrance-free cleanser    since 08:00 · until 12:00\n\
         \x20     gentle-cleanser@morning\n\
         \x20 [ ] Moisturize (hyaluronic acid, ceramides)  since 08:00 · until 12:00\n\
         \x20     moisturize@morning\n\
         Tick each off when done: aftercare check ID\n"
    );
    for id in ["gentle-cleanser@morning", "moisturize@morning"] {
        p.at("2026-11-22 08:20")
            .args(["check", id])
            .assert()
            .success();
    }
    assert_eq!(
        remind(&p, "2026-11-22 08:30", &[]),
        (String::new(), NOTHING_DUE)
    );
    // 09:00: the daily tasks; the cold compress only until its window closes at 14:00.
    let (text, code) = remind(&p, "2026-11-22 09:00", &[]);
    assert_eq!(code, SOMETHING_DUE);
    assert!(
        text.contains(
            "  [ ] Apply SPF 30+ sunscreen                  since 09:00\n      sunscreen-spf30\n"
        ),
        "{text}"
    );
    assert!(text.contains("Cold compress if red or swollen          since 09:00 · until 14:00"));
    assert!(!text.contains("@morning"), "ticked: {text}");
}

#[test]
fn says_when_a_restriction_ends_once() {
    let p = Patient::treated();
    for id in [
        "sunscreen-spf30",
        "drink-water",
        "eat-for-healing",
        "wide-brim-hat",
        "follow-provider-instructions",
        "cold-compress",
    ] {
        p.at("2026-11-22 13:00")
            .args(["check", id])
            .assert()
            .success();
    }
    remind(&p, "2026-11-22 13:55", &[]);
    // 48 h after Friday 14:00: makeup and workouts are fine again.
    let (text, code) = remind(&p, "2026-11-22 14:00", &[]);
    assert_eq!(
        text,
        "Since the last reminder\n\
         \x20 ✓ 14:00  Makeup is fine again\n\
         \x20 ✓ 14:00  Workouts and sweating are fine again\n"
    );
    assert_eq!(code, NOTHING_DUE, "news is not a task");
    assert_eq!(remind(&p, "2026-11-22 14:05", &[]).0, "", "said once");
}

#[test]
fn due_times_stay_on_the_wall_clock_on_the_sunday_the_clocks_go_forward() {
    let p = Patient::new();
    p.at("2026-03-27 14:00").arg("start").assert().success();
    // Sunday 29 March, Day 3: 08:00 and 09:00 summer time.
    assert_eq!(remind(&p, "2026-03-29 07:59", &[]).1, NOTHING_DUE);
    let (text, _) = remind(&p, "2026-03-29 08:00", &[]);
    assert!(
        text.starts_with("Due now · Sun 29 Mar 08:00 · Day 3 of recovery\n"),
        "{text}"
    );
    assert!(text.contains("since 08:00 · until 12:00"));
    // 48 h after Friday 14:00 CET is 15:00 CEST.
    let (text, _) = remind(&p, "2026-03-29 15:00", &[]);
    assert!(text.contains("✓ 15:00  Makeup is fine again"), "{text}");
    let (text, _) = remind(&p, "2026-03-29 14:59", &[]);
    assert!(!text.contains("Makeup"), "{text}");
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
    assert_eq!(times("Apply SPF 30+ sunscreen"), 1);
    assert_eq!(times("Makeup is fine again"), 1);
    assert!(
        notified.starts_with(
            "2 aftercare tasks due now | • Use a gentle, fragrance-free cleanser (morning)\n\
         • Moisturize (hyaluronic acid, ceramides) (morning)\n\
         6 aftercare tasks due now | "
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
fn without_a_treatment_or_after_the_plan_nothing_is_due() {
    let p = Patient::new();
    p.at(DAY3).arg("remind").assert().code(NOTHING_DUE).stdout(
        "No treatment recorded yet, so nothing is due. Record one with `aftercare start`.\n",
    );
    p.at(DAY3)
        .args(["remind", "--quiet"])
        .assert()
        .code(NOTHING_DUE)
        .stdout("");
    let p = Patient::treated();
    p.at("2027-02-01 09:00")
        .arg("remind")
        .assert()
        .code(NOTHING_DUE)
        .stdout(contains(
            "The plan ended on Fri 1 Jan 2027: nothing more is due.",
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

/// A `systemctl` that appends its arguments to `log`.
fn fake_systemctl(dir: &Path) -> (PathBuf, PathBuf) {
    let log = dir.join("systemctl.log");
    let script = dir.join("systemctl.sh");
    fs::write(
        &script,
        format!("#!/bin/sh\necho \"$@\" >> '{}'\n", log.display()),
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
fn install_print_shows_the_timer_and_writes_nothing() {
    let p = Patient::treated();
    let units = p.data().join("units");
    let out = p
        .bare()
        .args(["remind", "install", "--print", "--unit-dir"])
        .arg(&units)
        .assert()
        .success();
    let text = stdout(&out);
    let service = units.join("aftercare-remind.service");
    let timer = units.join("aftercare-remind.timer");
    assert!(
        text.starts_with(&format!("# {}\n", service.display())),
        "{text}"
    );
    assert!(text.contains(&format!("# {}\n", timer.display())));
    assert!(text.contains("[Timer]\nOnCalendar=*:0/5\nAccuracySec=30s\nPersistent=true\n"));
    // The timer runs this program with this run's data directory, in this run's zone.
    let exe = env!("CARGO_BIN_EXE_aftercare");
    assert!(
        text.contains(&format!(
            "ExecStart=\"{exe}\" \"--data-dir\" \"{}\" \"remind\" \"--notify\" \"--quiet\"\n",
            p.data().display()
        )),
        "{text}"
    );
    assert!(text.contains("Environment=\"TZ=Europe/Berlin\"\n"));
    assert!(text.ends_with("Would run: systemctl --user daemon-reload\nWould run: systemctl --user enable --now aftercare-remind.timer\nNothing was written.\n"));
    assert!(!units.exists());
}

#[test]
fn install_and_uninstall_twice_say_what_they_did_and_are_harmless() {
    let p = Patient::treated();
    let units = p.data().join("units");
    let (systemctl, log) = fake_systemctl(p.data());
    let run = |args: &[&str]| {
        let out = p
            .bare()
            .env("AFTERCARE_SYSTEMCTL", &systemctl)
            .args(["remind"])
            .args(args)
            .arg("--unit-dir")
            .arg(&units)
            .assert()
            .success();
        stdout(&out)
    };
    let service = units.join("aftercare-remind.service");
    let first = run(&["install"]);
    assert!(
        first.starts_with(&format!("Wrote {}\nWrote ", service.display())),
        "{first}"
    );
    let second = run(&["install"]);
    assert!(
        second.starts_with(&format!("Unchanged: {}\n", service.display())),
        "{second}"
    );
    assert!(run(&["uninstall"]).contains(&format!("Removed {}\n", service.display())));
    assert!(run(&["uninstall"]).starts_with("Nothing to remove"));
    assert!(!service.exists());
    assert_eq!(
        fs::read_to_string(log).unwrap(),
        "--user daemon-reload\n--user enable --now aftercare-remind.timer\n\
         --user daemon-reload\n--user enable --now aftercare-remind.timer\n\
         --user disable --now aftercare-remind.timer\n--user daemon-reload\n"
    );
}

#[test]
fn install_without_a_user_manager_fails_plainly() {
    let p = Patient::treated();
    let units = p.data().join("units");
    p.bare()
        .args(["remind", "install", "--unit-dir"])
        .arg(&units)
        .assert()
        .code(1)
        .stdout(contains("Wrote "))
        .stderr(contains(
            "aftercare: `systemctl --user daemon-reload` failed: ",
        ))
        .stderr(contains("Run it yourself in your desktop session"));
}

#[test]
fn with_cron_the_line_is_printed() {
    let p = Patient::treated();
    p.bare()
        .args(["remind", "install", "--cron"])
        .assert()
        .success()
        .stdout(contains("run `crontab -e` and add this line:\n\n*/5 * * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/aftercare-test-bus TZ=Europe/Berlin "))
        .stdout(contains(" remind --notify --quiet\n\nNothing was written.\n"));
    p.bare()
        .args(["remind", "uninstall", "--cron"])
        .assert()
        .success()
        .stdout(contains("aftercare never writes your crontab"));
}

#[test]
fn bad_usage_is_status_2() {
    let p = Patient::treated();
    p.bare()
        .args(["remind", "--notify", "install"])
        .assert()
        .code(2);
    p.bare()
        .args(["remind", "install", "--later"])
        .assert()
        .code(2);
}

#[test]
fn every_line_fits_80_columns_however_long_the_words() {
    let p = Patient::treated();
    remind(&p, "2026-11-27 13:55", &[]);
    // Day 8, 14:00: the first week's five restrictions end together.
    let (text, _) = remind(&p, "2026-11-27 14:00", &[]);
    assert!(
        text.contains(
            "Since the last reminder\n  ✓ 14:00  The first week out of the sun is over; keep \
             wearing SPF 30+\n"
        ),
        "{text}"
    );
    assert_eq!(text.matches("  ✓ 14:00  ").count(), 5);
    // A clinic's long title and long words for a lifted restriction get lines of their own.
    let long = "Rinse with the saline solution from your aftercare kit and pat the skin dry \
                with a clean towel";
    let lifted = "Swimming pools, saunas and steam rooms are fine again, as long as the skin is \
                  no longer red";
    let plan = format!(
        r#"{{"format": 2, "name": "Long", "procedure": "Test", "disclaimer": "Not advice.",
        "rules": [{{"id": "rinse", "title": "{long}", "kind": "do", "from_hours": 0,
        "until_hours": 72, "rationale": "r", "sources": []}},
        {{"id": "no-pool", "title": "No pools", "kind": "avoid", "from_hours": 0,
        "until_hours": 19, "lifted": "{lifted}", "rationale": "r", "sources": []}}]}}"#
    );
    let clinic = Patient::treated();
    let rules = write(clinic.data(), "long.json", &plan);
    let out = clinic
        .at("2026-11-21 09:00")
        .arg("--rules")
        .arg(&rules)
        .arg("remind")
        .assert()
        .code(SOMETHING_DUE);
    let long_text = stdout(&out);
    assert_eq!(
        long_text,
        "Due now · Sat 21 Nov 09:00 · Day 2 of recovery\n\
         \x20 [ ] Rinse with the saline solution from your aftercare kit and pat the skin\n\
         \x20     dry with a clean towel\n\
         \x20     since 09:00\n\
         \x20     rinse\n\
         Tick each off when done: aftercare check ID\n\
         \n\
         Since the last reminder\n\
         \x20 ✓ 09:00  Swimming pools, saunas and steam rooms are fine again, as long as the\n\
         \x20          skin is no longer red\n"
    );
    for line in text.lines().chain(long_text.lines()) {
        assert!(
            line.chars().count() <= 80,
            "{} columns: {line}",
            line.chars().count()
        );
    }
}
