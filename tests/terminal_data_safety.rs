//! Issue 16, items 4 to 6, in the checklist itself: run in a real pseudo-terminal, a FIFO or
//! a link to /dev/zero as the state file, or a data directory others can write to, is
//! reported at once, before the terminal is touched (before: the checklist hung).

// Keys and signals are for tests/terminal.rs; these tests only watch the app exit (the
// harness allows what a test binary leaves unused).
mod pty;

use pty::Session;
use std::fs;
use std::path::Path;

const ENTER_SCREEN: &str = "\x1b[?1049h";

/// Runs the checklist on `data`; it must exit 1 saying `says`, the terminal untouched.
fn refused(data: &Path, says: &str) {
    let Some(session) = Session::spawn(data, &[]) else {
        return;
    };
    // Fails after pty::PATIENCE if the app waits on the file instead.
    session.wait_for(&[says]);
    let (status, output, cooked) = session.finish();
    assert_eq!(status.code(), Some(1), "{output}");
    assert!(!output.contains(ENTER_SCREEN) && cooked, "{output:?}");
}

#[test]
fn a_fifo_as_the_state_file_is_reported_not_waited_on() {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let fifo = dir.path().join("state.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        println!("skipped: mkfifo is not available");
        return;
    }
    refused(dir.path(), "is a FIFO (named pipe), not a regular file");
}

#[test]
fn a_link_to_dev_zero_as_the_state_file_is_reported_not_read() {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("state.json")).unwrap();
    refused(dir.path(), "is a symbolic link (to /dev/zero)");
}

#[test]
fn a_world_writable_data_directory_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    refused(
        dir.path(),
        "can be written by other users (everyone can write to it: mode 0777)",
    );
}
