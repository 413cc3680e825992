//! `aftercare --demo`: a walk-through that never reads or writes a data directory, even when
//! ticks are made and the clock is played.

mod cli_common;

use cli_common::{Patient, aftercare};
use predicates::prelude::*;
use std::path::Path;
use std::process::Command;

/// The demo with no terminal: it may not get one, and it must not create the directory anyway.
#[test]
fn without_a_terminal_the_demo_creates_no_data_directory() {
    let home = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let data = home.path().join("data");
    let out = aftercare()
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("xdg"))
        .env_remove("AFTERCARE_DATA_DIR")
        .args(["--demo", "--data-dir"])
        .arg(&data)
        .write_stdin("q")
        .assert();
    // Without a terminal it cannot start (exit 1, "terminal: ..."), which is fine.
    let code = out.get_output().status.code();
    assert!(matches!(code, Some(0 | 1)), "{:?}", out.get_output());
    assert!(!data.exists());
    assert_eq!(entries(home.path()), 0, "the demo wrote under HOME");
}

/// The same with no --data-dir: the default directory is not created either.
#[test]
fn the_default_data_directory_is_not_created_either() {
    let home = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let _ = aftercare()
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("xdg"))
        .env_remove("AFTERCARE_DATA_DIR")
        .arg("--demo")
        .write_stdin("q")
        .assert();
    assert_eq!(entries(home.path()), 0);
}

/// In a real terminal (a pty from `script`): tick, step a day, play, quit. The screen shows
/// the ticks and the banner, and the data directory still does not exist.
#[test]
fn ticking_and_playing_in_a_terminal_writes_nothing() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` to give the demo a terminal");
        return;
    }
    let home = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let data = home.path().join("data");
    let shell = format!(
        "stty cols 80 rows 24; '{}' --demo --data-dir '{}'",
        env!("CARGO_BIN_EXE_aftercare"),
        data.display()
    );
    let out = assert_cmd::Command::new("script")
        .env("TZ", "Europe/Berlin")
        .env("HOME", home.path())
        .env_remove("AFTERCARE_DATA_DIR")
        .args(["-qec", &shell, "/dev/null"])
        .write_stdin(" j >pq")
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .success();
    let screen = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(screen.contains("DEMO"), "{screen}");
    assert!(screen.contains("[x]"), "{screen}");
    assert!(!data.exists(), "the demo created {}", data.display());
    assert_eq!(entries(home.path()), 0);
}

#[test]
fn the_demo_takes_no_command() {
    let patient = Patient::new();
    patient
        .bare()
        .args(["--demo", "today"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--demo"));
    assert!(!patient.state_file().exists());
}

/// An esthetician asking the demo for the handout is told the command that prints it.
#[test]
fn the_demo_asked_for_the_handout_names_the_command_that_prints_it() {
    let patient = Patient::new();
    patient
        .bare()
        .args(["--demo", "plan", "--markdown"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "run `aftercare plan` or `aftercare plan --markdown` without --demo",
        ));
    assert!(!patient.state_file().exists());
}

#[test]
fn a_bad_rules_file_stops_the_demo_before_the_terminal() {
    let patient = Patient::new();
    let rules = patient.data().join("bad.json");
    std::fs::write(&rules, "{").unwrap();
    patient
        .bare()
        .arg("--demo")
        .arg("--rules")
        .arg(&rules)
        .assert()
        .code(2)
        .stdout("");
}

fn entries(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| d.count())
}
