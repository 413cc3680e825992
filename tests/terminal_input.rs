//! What reaches the app through a real pseudo-terminal besides keys: a dumb terminal, a
//! paste, text with graphemes of several code points, and sizes no screen buffer can have.

mod pty;

use aftercare::store::{Change, Store};
use chrono::{DateTime, NaiveDate};
use pty::{ENTER_SCREEN, LEAVE_SCREEN, MOUSE_OFF, MOUSE_ON, Session, Spawn};
use tempfile::TempDir;

const FRAME: &str = "Day 3 of recovery";
/// Down from the first rating to the note, in the check-in form of the built-in plan.
const TO_NOTE: &[u8] = b"\x1b[B\x1b[B\x1b[B\x1b[B";

fn treated() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    Store::new(dir.path())
        .apply(&Change::AddSession { at })
        .unwrap();
    dir
}

fn saved_note(dir: &TempDir) -> String {
    let state = Store::new(dir.path()).load().unwrap();
    let day3 = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    state.sessions[0].checkins[&day3].note.clone()
}

fn ticks(dir: &TempDir) -> usize {
    let state = Store::new(dir.path()).load().unwrap();
    state.sessions[0].ticks.values().map(|t| t.len()).sum()
}

#[test]
fn a_dumb_terminal_is_refused_with_nothing_written() {
    let dir = treated();
    for args in [&[][..], &["--demo"]] {
        let Some(session) = Session::start(Spawn {
            env: &[("TERM", "dumb")],
            args,
            ..Spawn::app(dir.path())
        }) else {
            return;
        };
        let (status, output, cooked) = session.finish();
        assert_eq!(status.code(), Some(1), "{args:?}: {output}");
        assert!(output.contains("`aftercare today`"), "{args:?}: {output}");
        assert!(!output.contains('\x1b') && cooked, "{args:?}: {output:?}");
    }
}

#[test]
fn a_paste_with_a_line_break_is_text_in_the_note_never_keys() {
    let dir = treated();
    let Some(session) = Session::spawn(dir.path(), &[]) else {
        return;
    };
    session.wait_for(&[FRAME]);
    // On the checklist there is no text field: the pasted q and Enter do nothing.
    let mark = session.mark();
    session.paste("q\r ");
    session.type_bytes(b"?");
    session.wait_for_since(mark, &["other keys close"]);
    session.type_bytes(b"x");
    assert_eq!(ticks(&dir), 0);
    // In the note it is one line of text; Enter, typed, saves it.
    let mark = session.mark();
    session.type_bytes(b"c");
    session.type_bytes(TO_NOTE);
    session.wait_for_since(mark, &["Check-in"]);
    session.paste("itchy\r  q");
    session.type_bytes(b"\r");
    session.wait_for_since(mark, &["Check-in saved for Day 3"]);
    session.type_bytes(b"q");
    let (status, _, cooked) = session.finish();
    assert!(status.success() && cooked);
    assert_eq!(saved_note(&dir), "itchy   q");
    assert_eq!(ticks(&dir), 0, "a pasted space or Enter ticked a task");
}

#[test]
fn backspace_takes_a_whole_flag_and_ctrl_w_a_whole_word() {
    let dir = treated();
    let Some(session) = Session::spawn(dir.path(), &[]) else {
        return;
    };
    session.wait_for(&[FRAME]);
    let mark = session.mark();
    session.type_bytes(b"c");
    session.type_bytes(TO_NOTE);
    session.wait_for_since(mark, &["Check-in"]);
    // 🇩🇪 is two code points, one grapheme: one Backspace takes both.
    session.type_bytes("Berlin 🇩🇪\x7f".as_bytes());
    // Ctrl-W takes "at noon", word by word, as in a shell; Home and End move to the ends.
    session.type_bytes(b"at noon\x17\x17\x1b[Hwarm, \x1b[F!\r");
    session.wait_for_since(mark, &["Check-in saved"]);
    session.type_bytes(b"q");
    let (status, _, _) = session.finish();
    assert!(status.success());
    assert_eq!(saved_note(&dir), "warm, Berlin !");
}

#[test]
fn ctrl_u_clears_the_welcome_prompt_back_to_the_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let Some(session) = Session::spawn(dir.path(), &[]) else {
        return;
    };
    session.wait_for(&["When is or was your treatment?"]);
    // The prompt holds "2026-11-22 09:00": Ctrl-U empties it, then the real time is typed.
    let mark = session.mark();
    session.type_bytes(b"\x15 2026-11-20 14:00\x1b[H\x1b[3~\r");
    // The checklist is drawn over the prompt, only where it differs: word by word.
    session.wait_for_since(mark, &["recovery", "tick"]);
    session.type_bytes(b"q");
    let (status, _, _) = session.finish();
    assert!(status.success());
    let state = Store::new(dir.path()).load().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    assert_eq!(state.sessions[0].at, at);
}

#[test]
fn a_terminal_too_large_to_draw_is_refused_with_the_terminal_restored() {
    let dir = treated();
    let Some(session) = Session::start(Spawn {
        size: (65535, 65535),
        ..Spawn::app(dir.path())
    }) else {
        return;
    };
    let (status, output, cooked) = session.finish();
    assert_eq!(status.code(), Some(1), "{output}");
    assert!(
        output.contains("65535x65535, too large to draw"),
        "{output}"
    );
    assert!(cooked, "raw mode left on");
    if let Some(entered) = output.find(ENTER_SCREEN) {
        assert!(output[entered..].contains(LEAVE_SCREEN), "{output:?}");
    }
}

#[test]
fn a_resize_too_large_to_draw_ends_the_app_with_the_terminal_restored() {
    let dir = treated();
    let Some(session) = Session::spawn(dir.path(), &[]) else {
        return;
    };
    session.wait_for(&[FRAME, MOUSE_ON]);
    session.resize((65535, 65535));
    let (status, output, cooked) = session.finish();
    assert_eq!(status.code(), Some(1), "{output}");
    let after = &output[output.find(MOUSE_ON).unwrap()..];
    assert!(
        after.contains(MOUSE_OFF) && after.contains(LEAVE_SCREEN),
        "{after:?}"
    );
    assert!(cooked, "raw mode left on");
    assert!(output.contains("too large to draw"), "{output}");
}
