//! Ctrl-Z and `fg` as a patient does them: the app runs under an interactive bash in a
//! pseudo-terminal; Ctrl-Z (or `kill -TSTP` from elsewhere) must give the terminal back
//! before the shell's prompt shows (main screen, mouse and paste off, cursor shown), and `fg`
//! must take it over again, draw the whole screen anew, and answer keys.

mod pty;

use aftercare::store::{Change, Store};
use chrono::DateTime;
use pty::{
    CURSOR_SHOWN, ENTER_SCREEN, LEAVE_SCREEN, MOUSE_OFF, MOUSE_ON, PASTE_OFF, PASTE_ON, Session,
    Spawn,
};
use tempfile::TempDir;

const FRAME: &str = "Day 3 of recovery";
/// The last line of the screen: only a whole redraw writes it again.
const LAST_LINE: &str = "This plan is general information, not medical advice.";

fn treated() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    Store::new(dir.path())
        .apply(&Change::AddSession { at })
        .unwrap();
    dir
}

/// The app under bash, its first frame on screen; `None` where there is no pty or no bash.
fn app_under_bash(dir: &TempDir) -> Option<Session> {
    let session = Session::start(Spawn {
        shell: true,
        ..Spawn::app(dir.path())
    })?;
    session.wait_for(&[ENTER_SCREEN, MOUSE_ON, PASTE_ON, FRAME]);
    Some(session)
}

/// Stops the app with `stop` and checks the terminal was given back before bash's prompt;
/// then `fg`, and checks the whole screen is drawn again and keys work.
fn suspends_and_comes_back(name: &str, stop: impl FnOnce(&Session)) {
    let dir = treated();
    let Some(session) = app_under_bash(&dir) else {
        return;
    };
    let before = session.mark();
    stop(&session);
    let stopped = session.wait_for_since(before, &["Stopped", "$ "]);
    let given_back = &stopped[..stopped.find("Stopped").unwrap()];
    for (what, wanted) in [
        ("alternate screen not left", LEAVE_SCREEN),
        ("mouse not released", MOUSE_OFF),
        ("bracketed paste left on", PASTE_OFF),
        ("cursor left hidden", CURSOR_SHOWN),
    ] {
        assert!(
            given_back.contains(wanted),
            "{name}: {what}: {given_back:?}"
        );
    }
    assert!(
        session.is_cooked(),
        "{name}: the shell's prompt is not in its normal mode"
    );
    let at_prompt = session.mark();
    session.type_bytes(b"fg\r");
    let back = session.wait_for_since(
        at_prompt,
        &[ENTER_SCREEN, MOUSE_ON, PASTE_ON, FRAME, LAST_LINE],
    );
    assert!(!back.contains("^["), "{name}: keys echoed: {back:?}");
    assert!(!session.is_cooked(), "{name}: raw mode not taken again");
    // Keys work: the help opens, any other key closes it, q quits.
    let keys = session.mark();
    session.type_bytes(b"?");
    session.wait_for_since(keys, &["other keys close"]);
    let quit = session.mark();
    session.type_bytes(b"xq");
    session.wait_for_since(quit, &[LEAVE_SCREEN, "$ "]);
    session.type_bytes(b"echo status=$?\r");
    session.wait_for_since(quit, &["status=0"]);
    session.type_bytes(b"exit\r");
    let (status, _, cooked) = session.finish();
    assert!(status.success() && cooked, "{name}: {status:?}");
    println!("{name}: terminal given back before the prompt; fg redrew it all; keys work");
}

#[test]
fn ctrl_z_suspends_and_fg_comes_back() {
    suspends_and_comes_back("Ctrl-Z", |s| s.type_bytes(b"\x1a"));
}

#[test]
fn kill_tstp_suspends_like_ctrl_z() {
    suspends_and_comes_back("kill -TSTP", |s| s.signal_pid(s.app_pid(), libc::SIGTSTP));
}

/// SIGSTOP cannot be caught, but SIGCONT can: whatever ran meanwhile may have changed the
/// terminal, so the app takes it over again and draws the whole screen.
#[test]
fn a_continue_after_any_stop_redraws_the_whole_screen() {
    let dir = treated();
    let Some(session) = Session::spawn(dir.path(), &[]) else {
        return;
    };
    session.wait_for(&[FRAME, LAST_LINE]);
    session.signal(libc::SIGSTOP);
    std::thread::sleep(std::time::Duration::from_millis(100));
    let stopped = session.mark();
    session.signal(libc::SIGCONT);
    session.wait_for_since(stopped, &[ENTER_SCREEN, MOUSE_ON, FRAME, LAST_LINE]);
    session.type_bytes(b"q");
    let (status, _, cooked) = session.finish();
    assert!(status.success() && cooked, "{status:?}");
}
