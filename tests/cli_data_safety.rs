//! Issue 16 from the command line: text from the state file reaches no terminal raw (item
//! 3), only a regular file is read as state (4), a symbolic link is refused (5), a data
//! directory others can write to is refused (6), fields of a newer build keep their bytes (8).

mod cli_common;

use aftercare::inert::needs_care;
use cli_common::*;
use predicates::str::contains;
use std::fs;
use std::time::Duration;

/// A note as another program could have written it: an OSC title, a bell, a screen clear, a
/// C1 CSI, DEL and a right-to-left override.
const HOSTILE: &str = "\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{9b}31m\u{7f}\u{202e}evil\u{2066}x\u{2069}";

/// Output a terminal can show as it is: no character `inert` would escape, but line breaks.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| needs_care(c) && c != '\n')
        .collect();
    assert!(bad.is_empty(), "{what}: {bad:?} in\n{text}");
}

/// A treated patient whose Day 3 check-in holds `note`, written straight into the file.
fn with_note(note: &str) -> Patient {
    let p = Patient::treated();
    let mut saved = state(&p);
    saved["sessions"][0]["checkins"] =
        serde_json::json!({"2026-11-22": {"ratings": {"redness": 2}, "note": note}});
    fs::write(p.state_file(), serde_json::to_vec_pretty(&saved).unwrap()).unwrap();
    p
}

#[test]
fn text_from_the_state_file_is_inert_on_every_output() {
    let p = with_note(HOSTILE);
    let stored = fs::read(p.state_file()).unwrap();
    let ics = p.data().join("plan.ics");
    let outputs: [&[&str]; 10] = [
        &["today"],
        &["today", "--short"],
        &["today", "--json"],
        &["plan", "--from", "3", "--to", "3"],
        &["plan", "--json", "--from", "3", "--to", "3"],
        &["plan", "--markdown"],
        &["plan", "--markdown", "--days", "--from", "3", "--to", "3"],
        &["history"],
        &["history", "--json"],
        &["export", "ics", ics.to_str().unwrap()],
    ];
    for args in outputs {
        let out = p.at(DAY3).args(args).assert().success();
        assert_inert(&args.join(" "), &out.get_output().stdout);
    }
    // iCalendar lines end in CRLF, as RFC 5545 requires.
    let calendar = fs::read_to_string(&ics).unwrap().replace("\r\n", "\n");
    assert_inert("export ics", calendar.as_bytes());
    // The note shows, with what it held made visible.
    let out = p.at(DAY3).arg("today").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains(
            r"“\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{9b}31m\u{7f}\u{202e}evil\u{2066}x\u{2069}”"
        ),
        "{text}"
    );
    // JSON keeps the exact text for programs, escaped.
    let day = p.today(DAY3);
    assert_eq!(day["checkin"]["note"], HOSTILE);
    // Reading changed nothing; a save keeps the note byte for byte.
    assert_eq!(fs::read(p.state_file()).unwrap(), stored);
    let out = p
        .at(DAY3)
        .args(["checkin", "--rate", "swelling=1"])
        .assert()
        .success();
    assert_inert("checkin", &out.get_output().stdout);
    assert_eq!(
        state(&p)["sessions"][0]["checkins"]["2026-11-22"]["note"],
        HOSTILE
    );
}

#[test]
fn a_file_name_reaches_no_terminal_raw_in_an_error() {
    // A name a shell glob picked (`--rules ~/Downloads/*`) is a file's text too.
    let p = Patient::treated();
    let rules = p.data().join(format!("{HOSTILE}.json"));
    let out = p
        .at(DAY3)
        .args(["--rules", rules.to_str().unwrap(), "today"])
        .assert()
        .failure();
    let stderr = &out.get_output().stderr;
    assert!(String::from_utf8_lossy(stderr).contains("cannot read rules file"));
    assert_inert("--rules with a hostile name", stderr);
}

#[test]
fn error_messages_that_quote_the_state_file_are_inert() {
    let p = Patient::new();
    // serde quotes a string of the wrong type in its message.
    let text = format!(
        "{{\"format\": 1, \"sessions\": {}}}",
        serde_json::to_string(HOSTILE).unwrap()
    );
    fs::write(p.state_file(), text).unwrap();
    let out = p.at(DAY3).arg("today").assert().code(1);
    let stderr = &out.get_output().stderr;
    assert_inert("error", stderr);
    assert!(String::from_utf8_lossy(stderr).contains("is damaged (invalid type: string"));
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_link_to_dev_zero_is_refused_at_once() {
    let p = Patient::new();
    let status = std::process::Command::new("mkfifo")
        .arg(p.state_file())
        .status();
    if !status.is_ok_and(|s| s.success()) {
        println!("skipped: mkfifo is not available");
        return;
    }
    for args in [
        &["today"][..],
        &["check", "drink-water"],
        &["start", "--at", TREATED],
    ] {
        p.at(DAY3)
            .args(args)
            .timeout(Duration::from_secs(10))
            .assert()
            .code(1)
            .stderr(contains(
                "state.json is a FIFO (named pipe), not a regular file",
            ));
    }
    fs::remove_file(p.state_file()).unwrap();
    std::os::unix::fs::symlink("/dev/zero", p.state_file()).unwrap();
    for args in [&["today"][..], &["start", "--at", TREATED]] {
        p.at(DAY3)
            .args(args)
            .timeout(Duration::from_secs(10))
            .assert()
            .code(1)
            .stderr(contains("state.json is a symbolic link (to /dev/zero)"));
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_state_file_is_refused_and_left_as_it_is() {
    let elsewhere = Patient::treated();
    let before = fs::read(elsewhere.state_file()).unwrap();
    let p = Patient::new();
    std::os::unix::fs::symlink(elsewhere.state_file(), p.state_file()).unwrap();
    for args in [
        &["today"][..],
        &["check", "drink-water"],
        &["start", "--at", TREATED],
    ] {
        p.at(DAY3)
            .args(args)
            .assert()
            .code(1)
            .stderr(contains("state.json is a symbolic link (to "))
            .stderr(contains("does not follow links"))
            .stderr(contains("--data-dir"));
    }
    assert!(fs::symlink_metadata(p.state_file()).unwrap().is_symlink());
    assert_eq!(fs::read(elsewhere.state_file()).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_data_directory_others_can_write_to_is_refused_until_made_private() {
    use std::os::unix::fs::PermissionsExt;
    let p = Patient::new();
    fs::set_permissions(p.data(), fs::Permissions::from_mode(0o777)).unwrap();
    let data = p.data().display().to_string();
    for args in [&["start", "--at", TREATED][..], &["today"]] {
        p.at(DAY3).args(args).assert().code(1).stderr(format!(
            "aftercare: the data directory {data} can be written by other users (everyone \
                 can write to it: mode 0777), so files in it may not be yours; aftercare will \
                 not use it. Check what is in it, then make it private with `chmod 700 \
                 {data}`, or pass another --data-dir\n"
        ));
    }
    assert_eq!(fs::read_dir(p.data()).unwrap().count(), 0);
    fs::set_permissions(p.data(), fs::Permissions::from_mode(0o700)).unwrap();
    p.at(DAY3)
        .args(["start", "--at", TREATED])
        .assert()
        .success();
}

#[test]
fn a_60_digit_number_of_a_newer_build_survives_every_command_that_saves() {
    let p = Patient::treated();
    let big = "123456789012345678901234567890123456789012345678901234567890";
    let text = fs::read_to_string(p.state_file()).unwrap().replacen(
        '{',
        &format!("{{\n  \"big\": {big},"),
        1,
    );
    fs::write(p.state_file(), text).unwrap();
    let saves: [&[&str]; 5] = [
        &["check", "drink-water"],
        &["uncheck", "drink-water"],
        &["checkin", "--rate", "redness=2", "--note", "ok"],
        &["start", "--replace", "--at", "2026-11-20 15:00"],
        &["start", "--at", "2026-12-20 10:00", "--next"],
    ];
    for round in 0..3 {
        for args in saves {
            p.at(DAY3).args(args).assert().success();
            let saved = fs::read_to_string(p.state_file()).unwrap();
            assert!(
                saved.contains(&format!("\"big\": {big}\n")),
                "round {round}, {args:?}:\n{saved}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn a_rules_file_that_is_a_device_a_directory_or_endless_is_refused() {
    let p = Patient::new();
    let dir = p.data().display().to_string();
    for (rules, says) in [
        (
            "/dev/zero",
            "cannot read rules file /dev/zero: it is a device, not a file",
        ),
        (dir.as_str(), "it is a directory, not a file"),
    ] {
        p.at(DAY3)
            .args(["--rules", rules, "plan"])
            .timeout(Duration::from_secs(10))
            .assert()
            .code(2)
            .stderr(contains(says));
    }
    // A pipe is read, as `--rules <(…)` needs, but not without end.
    let endless = vec![b' '; (256 << 20) + 1];
    p.at(DAY3)
        .args(["--rules", "/dev/stdin", "plan"])
        .write_stdin(endless)
        .timeout(Duration::from_secs(60))
        .assert()
        .code(2)
        .stderr(contains("it is larger than 256 MiB"));
    let builtin = fs::read(BUILTIN).unwrap();
    p.at(DAY3)
        .args(["--rules", "/dev/stdin", "plan", "--from", "1", "--to", "1"])
        .write_stdin(builtin)
        .assert()
        .success();
}
