//! `aftercare remind install` and `uninstall` with a temporary unit directory and a
//! `systemctl` that records its arguments: what they print, write and run, twice over.
//! Nothing real is installed: the test environment has no `systemctl` (cli_common).

mod cli_common;

use cli_common::*;
use predicates::str::contains;
use std::fs;
use std::path::{Path, PathBuf};

fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
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
