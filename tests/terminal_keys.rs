//! Issue 15 in a real pseudo-terminal: Esc goes back and never quits, q quits from the
//! checklist; a mouse click selects, a click on the box or a second click on a row ticks, and
//! the click that gives the window the focus only selects (focus reports are asked for and
//! given back).

mod pty;

use aftercare::store::{Change, Store};
use chrono::DateTime;
use pty::{LEAVE_SCREEN, Session};
use std::time::{Duration, Instant};
use tempfile::TempDir;

const FRAME: &str = "Day 3 of recovery";
const FOCUS_ON: &str = "\x1b[?1004h";
const FOCUS_OFF: &str = "\x1b[?1004l";

fn treated() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    Store::new(dir.path())
        .apply(&Change::AddSession { at })
        .unwrap();
    dir
}

fn ticks(dir: &TempDir) -> usize {
    let state = Store::new(dir.path()).load().unwrap();
    state.sessions[0].ticks.values().map(|t| t.len()).sum()
}

/// Waits until `ticks` is `want` (the app saves on its own thread of events).
fn wait_ticks(dir: &TempDir, want: usize) {
    let start = Instant::now();
    while ticks(dir) != want {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "ticks: {} not {want}",
            ticks(dir)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A left click at (column, row), 0-based, as an xterm in SGR mouse mode sends it.
fn click(session: &Session, column: u16, row: u16) {
    let (x, y) = (column + 1, row + 1);
    session.type_bytes(format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m").as_bytes());
}

/// Makes sure every event sent so far has been handled: help opens (and is closed again).
fn settle(session: &Session) {
    let mark = session.mark();
    session.type_bytes(b"?");
    session.wait_for_since(mark, &["other keys close"]);
    session.type_bytes(b"x");
}

#[test]
fn esc_goes_back_and_only_q_quits() {
    let dir = treated();
    let Some(session) = Session::spawn(dir.path(), &[]) else {
        return;
    };
    session.wait_for(&[FRAME]);
    let mark = session.mark();
    session.type_bytes(b"\t");
    session.wait_for_since(mark, &["timeline"]);
    let mark = session.mark();
    session.type_bytes(b"\x1b");
    session.wait_for_since(mark, &["Space"]);
    let mark = session.mark();
    session.type_bytes(b"\x1b");
    session.wait_for_since(mark, &["q quits"]);
    assert!(!session.since(0).contains(LEAVE_SCREEN), "Esc quit the app");
    session.type_bytes(b"q");
    let (status, output, cooked) = session.finish();
    assert!(status.success() && cooked, "{output}");
    assert!(output.contains(LEAVE_SCREEN));
}

#[test]
fn a_click_selects_and_the_box_or_a_second_click_ticks() {
    let dir = treated();
    let Some(session) = Session::spawn(dir.path(), &[]) else {
        return;
    };
    session.wait_for(&[FRAME, FOCUS_ON]);
    // Row 5 is the second task; a click on its title only selects it (the redraw moves
    // the "›"; a key in between, as `settle` sends, would make the next click a first one).
    let mark = session.mark();
    click(&session, 20, 5);
    session.wait_for_since(mark, &["›"]);
    assert_eq!(ticks(&dir), 0, "a click on a title ticked");
    // A second click on it ticks it.
    click(&session, 20, 5);
    wait_ticks(&dir, 1);
    // A click on another row's box ticks that one.
    click(&session, 3, 6);
    wait_ticks(&dir, 2);
    // The terminal reports the focus coming back: that click only selects.
    session.type_bytes(b"\x1b[I");
    click(&session, 3, 8);
    settle(&session);
    assert_eq!(ticks(&dir), 2, "the click that focused the window ticked");
    click(&session, 3, 8);
    wait_ticks(&dir, 3);
    session.type_bytes(b"q");
    let (status, output, cooked) = session.finish();
    assert!(status.success() && cooked, "{output}");
    let after = &output[output.find(FOCUS_ON).unwrap()..];
    assert!(after.contains(FOCUS_OFF), "focus reports not given back");
}

#[test]
fn the_screen_follows_the_locale_and_no_color() {
    let dir = treated();
    for (env, ascii, colour) in [
        (&[("LANG", "C"), ("LC_ALL", "")][..], true, true),
        (&[("LANG", "en_US.ISO-8859-1"), ("LC_ALL", "")], true, true),
        (
            &[("LANG", "C.UTF-8"), ("LC_ALL", ""), ("NO_COLOR", "1")],
            false,
            false,
        ),
    ] {
        let Some(session) = Session::spawn(dir.path(), env) else {
            return;
        };
        session.wait_for(&["Day 3 of recovery"]);
        settle(&session);
        session.type_bytes(b"q");
        let (status, output, _) = session.finish();
        assert!(status.success(), "{env:?}: {output}");
        assert_eq!(output.is_ascii(), ascii, "{env:?}: {output}");
        let coloured = output.contains("\x1b[38;5;") || output.contains("48;5;");
        assert_eq!(coloured, colour, "{env:?}: {output}");
    }
}
