//! Issue 16, items 2 and 3, with the built binary in a real pseudo-terminal: a check-in saved
//! from another shell while the checklist is open survives the form, and a hostile note in the
//! state file changes neither the terminal's title nor anything else the terminal does.

mod pty;

use aftercare::store::{Change, CheckInPatch, Store};
use chrono::{DateTime, NaiveDate};
use pty::{ENTER_SCREEN, Session};
use tempfile::TempDir;

const DOWN: &str = "\x1b[B";

fn treated() -> (TempDir, Store) {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let store = Store::new(dir.path());
    store
        .apply(&Change::AddSession { at: treatment() })
        .unwrap();
    (dir, store)
}

fn treatment() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap()
}

fn day3() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// Types `keys` and waits until the screen shows `then`.
fn type_and_wait(session: &Session, keys: &str, then: &str) {
    let mark = session.mark();
    session.type_bytes(keys.as_bytes());
    session.wait_for_since(mark, &[then]);
}

#[test]
fn the_issue_s_repro_keeps_the_rating_from_another_shell() {
    let (dir, store) = treated();
    let Some(session) = Session::spawn(dir.path(), &[]) else {
        return;
    };
    session.wait_for(&[ENTER_SCREEN, "Day 3 of recovery"]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aftercare"))
        .env("TZ", "Europe/Berlin")
        .arg("--data-dir")
        .arg(dir.path())
        .args([
            "--now",
            "2026-11-22 09:00",
            "checkin",
            "--rate",
            "dryness=2",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    type_and_wait(&session, "c", "Check-in");
    session.type_bytes(format!("{DOWN}{DOWN}{DOWN}").as_bytes());
    // 1 rates the row and moves on to the note.
    type_and_wait(&session, "1", "› Note");
    type_and_wait(&session, "\r", "Check-in saved for Day 3");
    session.type_bytes(b"q");
    let (status, output, _) = session.finish();
    assert_eq!(status.code(), Some(0), "{output:?}");
    let state = store.load().unwrap();
    let ratings = &state.sessions[0].checkins[&day3()].ratings;
    assert_eq!(
        ratings
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .collect::<Vec<_>>(),
        [("discomfort", 1), ("dryness", 2)]
    );
}

#[test]
fn a_hostile_note_changes_nothing_in_the_terminal() {
    let (dir, store) = treated();
    let change = Change::CheckIn {
        session: treatment(),
        date: day3(),
        patch: CheckInPatch {
            ratings: [("redness".to_string(), 2)].into(),
            note: Some("\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}sore".into()),
            at: None,
            ..Default::default()
        },
    };
    store.apply(&change).unwrap();
    let Some(session) = Session::spawn(dir.path(), &[]) else {
        return;
    };
    session.wait_for(&[ENTER_SCREEN, "Day 3 of recovery"]);
    // The form, with the note focused; the chart; the history.
    type_and_wait(&session, "c", "Check-in");
    type_and_wait(&session, "\t\t\t\t", "pwned");
    // A lone Esc closes the form (written on its own, so it is not read as a sequence).
    session.type_bytes(b"\x1b");
    std::thread::sleep(std::time::Duration::from_millis(300));
    type_and_wait(&session, "g", "Day 3 note");
    type_and_wait(&session, "H", "Latest note");
    type_and_wait(&session, "H", "To do");
    session.type_bytes(b"q");
    let (status, output, _) = session.finish();
    assert_eq!(status.code(), Some(0), "{output:?}");
    // No title (OSC) sequence, no bell, no clear screen but the app's own on entry, no
    // direction override: the note's bytes reached the terminal only as visible text.
    for (what, raw) in [
        ("an OSC sequence", "\x1b]"),
        ("a bell", "\x07"),
        ("a right-to-left override", "\u{202e}"),
    ] {
        assert!(
            !output.contains(raw),
            "{what} reached the terminal: {output:?}"
        );
    }
    assert!(output.contains("\\u{1b}]0;pwned\\u{7}"), "{output:?}");
    assert!(output.contains("\\u{202e}sore"), "{output:?}");
}
