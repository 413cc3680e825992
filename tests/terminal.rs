//! The built binary in a pseudo-terminal, stopped by every signal that ends a process, by
//! Ctrl-C, a panic or an abort, must give the terminal back first: alternate screen left,
//! mouse and bracketed paste off, cursor shown, raw mode off. Also a damaged file's banner
//! end to end. (Ctrl-Z and `fg` are in terminal_suspend.rs; input in terminal_input.rs.)

mod pty;

use aftercare::store::{Change, Store};
use chrono::DateTime;
use pty::{CURSOR_SHOWN, ENTER_SCREEN, LEAVE_SCREEN, MOUSE_OFF, MOUSE_ON, PASTE_OFF, Session};
use std::fs;
use std::os::unix::process::ExitStatusExt;
use tempfile::TempDir;

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

/// How the app is to end: exiting with a status, or killed by a signal.
#[derive(Debug, Clone, Copy, PartialEq)]
enum End {
    Exit(i32),
    Signal(i32),
}

/// Runs the checklist (on a pty in its normal mode), waits for its first frame, stops it with
/// `stop`, and checks the terminal was restored and the app ended as `end`.
fn stops_cleanly(
    name: &str,
    env: &[(&str, &str)],
    stop: impl FnOnce(&Session),
    end: End,
) -> String {
    let dir = treated();
    let Some(session) = Session::spawn(dir.path(), env) else {
        return String::new();
    };
    session.wait_for(&[ENTER_SCREEN, MOUSE_ON, "Day 3 of recovery"]);
    // (A panicking app may already be gone, its terminal restored.)
    if env.is_empty() {
        assert!(!session.is_cooked(), "{name}: the app is in raw mode");
    }
    stop(&session);
    let (status, output, cooked) = session.finish();
    let after = &output[output.find(MOUSE_ON).unwrap()..];
    for (what, wanted) in [
        ("mouse not released", MOUSE_OFF),
        ("bracketed paste left on", PASTE_OFF),
        ("cursor left hidden", CURSOR_SHOWN),
        ("alternate screen not left", LEAVE_SCREEN),
    ] {
        assert!(after.contains(wanted), "{name}: {what}: {after:?}");
    }
    assert!(cooked, "{name}: raw mode left on");
    let ended = match (status.code(), status.signal()) {
        (Some(code), _) => End::Exit(code),
        (None, Some(signal)) => End::Signal(signal),
        _ => panic!("{name}: {status:?}"),
    };
    assert_eq!(ended, end, "{name}: {status:?}");
    println!("{name}: {end:?}, screen left, mouse and paste off, icanon echo back");
    output
}

/// Every signal that ends a process by default and that a program can catch (SIGKILL and
/// SIGSTOP cannot be; SIGPIPE is ignored by Rust's runtime), by its name, and whether its
/// default action is a core dump of a fault (the app then dies of it after restoring).
const SIGNALS: &[(&str, libc::c_int, bool)] = &[
    ("SIGHUP", libc::SIGHUP, false),
    ("SIGINT", libc::SIGINT, false),
    ("SIGQUIT", libc::SIGQUIT, false),
    ("SIGILL", libc::SIGILL, true),
    ("SIGTRAP", libc::SIGTRAP, false),
    ("SIGABRT", libc::SIGABRT, true),
    ("SIGBUS", libc::SIGBUS, true),
    ("SIGFPE", libc::SIGFPE, true),
    ("SIGUSR1", libc::SIGUSR1, false),
    ("SIGSEGV", libc::SIGSEGV, true),
    ("SIGUSR2", libc::SIGUSR2, false),
    ("SIGALRM", libc::SIGALRM, false),
    ("SIGTERM", libc::SIGTERM, false),
    ("SIGSTKFLT", libc::SIGSTKFLT, false),
    ("SIGXCPU", libc::SIGXCPU, false),
    ("SIGXFSZ", libc::SIGXFSZ, false),
    ("SIGVTALRM", libc::SIGVTALRM, false),
    ("SIGPROF", libc::SIGPROF, false),
    ("SIGIO", libc::SIGIO, false),
    ("SIGPWR", libc::SIGPWR, false),
    ("SIGSYS", libc::SIGSYS, false),
];

#[test]
fn every_signal_that_ends_the_app_restores_the_terminal_first() {
    let realtime = [
        ("SIGRTMIN", libc::SIGRTMIN()),
        ("SIGRTMAX", libc::SIGRTMAX()),
    ];
    let all = SIGNALS
        .iter()
        .copied()
        .chain(realtime.map(|(name, n)| (name, n, false)));
    for (name, signal, fault) in all {
        let end = if fault {
            End::Signal(signal)
        } else {
            End::Exit(128 + signal)
        };
        stops_cleanly(name, &[], |s| s.signal(signal), end);
    }
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    // Raw mode turns Ctrl-C into a key rather than a signal: it quits like `q`.
    stops_cleanly("Ctrl-C", &[], |s| s.type_bytes(b"\x03"), End::Exit(0));
}

/// A debug build unwinds a panic; the release build (`panic = "abort"`) runs the same hook,
/// then aborts: both halves are tried, the panic here and the abort below.
#[test]
fn a_panic_restores_the_terminal() {
    stops_cleanly(
        "panic",
        &[("AFTERCARE_TEST_PANIC", "1")],
        |_| {},
        End::Exit(101),
    );
}

/// A real crash, not a signal sent: the handler runs on the alternate stack (a stack
/// overflow leaves no other) and the runtime still says what happened.
#[test]
fn a_crash_restores_the_terminal() {
    stops_cleanly(
        "segfault",
        &[("AFTERCARE_TEST_PANIC", "segfault")],
        |_| {},
        End::Signal(libc::SIGSEGV),
    );
    let output = stops_cleanly(
        "stack overflow",
        &[("AFTERCARE_TEST_PANIC", "overflow")],
        |_| {},
        End::Signal(libc::SIGABRT),
    );
    let restored = output.rfind(LEAVE_SCREEN).unwrap_or(0);
    assert!(
        output[restored..].contains("has overflowed its stack"),
        "the runtime's message, after the terminal is given back: {output:?}"
    );
}

#[test]
fn an_abort_restores_the_terminal() {
    stops_cleanly(
        "abort",
        &[("AFTERCARE_TEST_PANIC", "abort")],
        |_| {},
        End::Signal(libc::SIGABRT),
    );
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
    session.wait_for(&["could not be read", "When is or was your treatment?"]);
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
