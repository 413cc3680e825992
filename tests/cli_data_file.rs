//! Issue 4 from the command line: a damaged, newer or unreadable state file is never written
//! (item 3), the data is private (item 7), and a failed save damages nothing (item 9).

mod cli_common;

use cli_common::*;
use predicates::str::contains;
use std::fs;

/// The commands that write, each as it would run on Day 3.
const WRITERS: [&[&str]; 4] = [
    &["start", "--at", TREATED],
    &["start", "--replace", "--at", "2026-11-20 15:00"],
    &["check", "drink-water"],
    &["uncheck", "drink-water"],
];

#[test]
fn damaged_and_newer_files_are_reported_and_left_byte_for_byte() {
    let cases: [(&str, &[u8], &str); 5] = [
        ("empty", b"", "is damaged"),
        (
            "truncated",
            br#"{"format": 1, "sessions": [{"at": "#,
            "is damaged",
        ),
        (
            "corrupt",
            b"{\"format\": 1,\n\"sessions\": 7}",
            "line 2, column",
        ),
        ("garbage", &[0xde, 0xad, 0xbe, 0xef], "is damaged"),
        (
            "newer",
            br#"{"format": 9, "sessions": []}"#,
            "newer aftercare",
        ),
    ];
    for (name, bytes, says) in cases {
        let p = Patient::new();
        fs::write(p.state_file(), bytes).unwrap();
        for args in WRITERS.iter().chain([&["today"][..], &["plan"][..]].iter()) {
            p.at(DAY3)
                .args(*args)
                .assert()
                .code(1)
                .stderr(contains(says))
                .stderr(contains(p.state_file().display().to_string()));
            assert_eq!(fs::read(p.state_file()).unwrap(), bytes, "{name} {args:?}");
        }
        let names: Vec<_> = fs::read_dir(p.data()).unwrap().flatten().collect();
        assert!(
            names
                .iter()
                .all(|e| !e.file_name().to_string_lossy().contains("damaged")),
            "{name}: the command line never moves a file"
        );
    }
}

#[test]
fn a_damaged_file_message_says_how_to_go_on() {
    let p = Patient::new();
    fs::write(p.state_file(), b"{").unwrap();
    p.at(DAY3)
        .args(["check", "drink-water"])
        .assert()
        .code(1)
        .stderr(contains(
            "Open the checklist (`aftercare` with no command) to move it aside",
        ));
}

#[test]
fn an_unreadable_file_is_reported_and_left_where_it_is() {
    let p = Patient::new();
    // A directory in the file's place cannot be read, not even by root. (The checklist in a
    // real terminal is tested in tests/terminal.rs.)
    fs::create_dir(p.state_file()).unwrap();
    let out = p.at(DAY3).assert().code(1);
    assert!(out.get_output().stdout.is_empty());
    for args in WRITERS {
        p.at(DAY3)
            .args(args)
            .assert()
            .code(1)
            .stderr(contains("state.json"));
    }
    assert!(p.state_file().is_dir());
}

#[cfg(unix)]
#[test]
fn the_data_directory_and_file_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let data = root.path().join("deep/er/aftercare");
    aftercare()
        .env("TZ", "Europe/Berlin")
        .args(["--now", DAY3, "--data-dir"])
        .arg(&data)
        .args(["start", "--at", TREATED])
        .assert()
        .success();
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("state.json")), 0o600);
    assert_eq!(mode(&data.join("state.lock")), 0o600);
    // Saving again keeps it private.
    aftercare()
        .env("TZ", "Europe/Berlin")
        .args(["--now", DAY3, "--data-dir"])
        .arg(&data)
        .args(["check", "drink-water"])
        .assert()
        .success();
    assert_eq!(mode(&data.join("state.json")), 0o600);
}

#[test]
fn a_save_that_fails_changes_nothing_and_says_so() {
    let p = Patient::treated();
    let before = fs::read(p.state_file()).unwrap();
    // The lock file cannot be opened when a directory is in its place: the save fails before
    // anything is written, as on a read-only or full disk.
    fs::remove_file(p.data().join("state.lock")).unwrap();
    fs::create_dir(p.data().join("state.lock")).unwrap();
    p.at(DAY3)
        .args(["check", "drink-water"])
        .assert()
        .code(1)
        .stderr(contains("state.lock"));
    assert_eq!(fs::read(p.state_file()).unwrap(), before);
    // A data directory under a regular file (ENOTDIR): nothing can be created there.
    let file = p.data().join("not-a-dir");
    fs::write(&file, b"x").unwrap();
    aftercare()
        .args(["--now", DAY3, "--data-dir"])
        .arg(file.join("aftercare"))
        .args(["start", "--at", TREATED])
        .assert()
        .code(1)
        .stderr(contains("cannot create the data directory"));
    assert_eq!(fs::read(&file).unwrap(), b"x");
}
