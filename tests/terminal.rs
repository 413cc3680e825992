//! Issue 4, item 5, for real: the built binary runs in a pseudo-terminal, is stopped by
//! SIGTERM, SIGHUP, SIGINT, Ctrl-C or a panic, and must give the terminal back: alternate
//! screen left, mouse released, raw mode off. Also item 3 end to end: a damaged file's banner.

mod pty;

use aftercare::store::{Change, Store};
use chrono::DateTime;
use pty::Session;
use std::fs;
use tempfile::TempDir;

const ENTER_SCREEN: &str = "\x1b[?1049h";
const LEAVE_SCREEN: &str = "\x1b[?1049l";
const MOUSE_ON: &str = "\x1b[?1000h";
const MOUSE_OFF: &str = "\x1b[?1000l";

fn treated() -> TempDir {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    Store::new(dir.path())
        .apply(&Change::AddSession { at })
        .unwrap();
    dir
}

/// Runs the checklist (on a pty in its normal mode), waits for its first frame, stops it with
/// `stop`, and checks the terminal was restored and the exit status is `code`.
fn stops_cleanly(name: &str, env: &[(&str, &str)], stop: impl FnOnce(&Session), code: i32) {
    let dir = treated();
    let Some(session) = Session::spawn(dir.path(), env) else {
        return;
    };
    session.wait_for(&[ENTER_SCREEN, MOUSE_ON, "Day 3 of recovery"]);
    // (A panicking app may already be gone, its terminal restored.)
    if code != 101 {
        assert!(!session.is_cooked(), "{name}: the app is in raw mode");
    }
    stop(&session);
    let (status, output, cooked) = session.finish();
    let after = &output[output.find(MOUSE_ON).unwrap()..];
    assert!(after.contains(MOUSE_OFF), "{name}: mouse not released");
    assert!(
        after.contains(LEAVE_SCREEN),
        "{name}: alternate screen not left"
    );
    assert!(cooked, "{name}: raw mode left on");
    assert_eq!(status.code(), Some(code), "{name}: {status:?}");
    println!("{name}: exit {code}, screen left, mouse released, icanon echo back");
}

#[test]
fn sigterm_restores_the_terminal() {
    stops_cleanly("SIGTERM", &[], |s| s.signal(libc::SIGTERM), 128 + 15);
}

#[test]
fn sighup_restores_the_terminal() {
    stops_cleanly("SIGHUP", &[], |s| s.signal(libc::SIGHUP), 128 + 1);
}

#[test]
fn sigint_restores_the_terminal() {
    stops_cleanly("SIGINT", &[], |s| s.signal(libc::SIGINT), 128 + 2);
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    // Raw mode turns Ctrl-C into a key rather than a signal: it quits like `q`.
    stops_cleanly("Ctrl-C", &[], |s| s.type_bytes(b"\x03"), 0);
}

#[test]
fn a_panic_restores_the_terminal() {
    stops_cleanly("panic", &[("AFTERCARE_TEST_PANIC", "1")], |_| {}, 101);
}

#[test]
fn a_damaged_file_is_set_aside_with_a_banner_in_the_real_terminal() {
    let dir = treated();
    let state = dir.path().join("state.json");
    let bytes = fs::read(&state).unwrap();
    fs::write(&state, &bytes[..bytes.len() / 2]).unwrap();
    let Some(session) = Session::spawn(dir.path(), &[]) else {
        return;
    };
    session.wait_for(&["could not be read", "When was your treatment?"]);
    session.type_bytes(b"\x1b");
    let (status, _, cooked) = session.finish();
    assert!(status.success() && cooked);
    let aside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        fs::read(aside[0].path()).unwrap(),
        &bytes[..bytes.len() / 2]
    );
}

#[test]
fn an_unreadable_file_is_reported_without_entering_the_screen() {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    fs::create_dir(dir.path().join("state.json")).unwrap();
    let Some(session) = Session::spawn(dir.path(), &[]) else {
        return;
    };
    let (status, output, cooked) = session.finish();
    assert_eq!(status.code(), Some(1), "{output}");
    assert!(
        output.contains("is a directory, not a regular file"),
        "{output}"
    );
    assert!(!output.contains(ENTER_SCREEN) && cooked, "{output:?}");
}
