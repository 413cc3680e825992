//! A series of treatments in the terminal: the history side by side, read-only earlier
//! treatments, undo, and every journal screen at every size.

mod tui_harness;

use aftercare::store::{Change, Store};
use aftercare::tui::{App, handle_event};
use chrono::NaiveDate;
use chrono_tz::Tz;
use crossterm::event::{Event, KeyCode};
use tempfile::TempDir;
use tui_harness::*;

use KeyCode::{Char, Esc};

/// The journal patient, treated again on 25 Dec and looking on 28 Dec.
fn series_app(width: u16, height: u16) -> (TempDir, Store, App<Tz>) {
    let (dir, store, _) = journal_store();
    let second = at("2026-12-25T10:00:00+01:00");
    store.apply(&Change::AddSession { at: second }).unwrap();
    let change = Change::CheckIn {
        session: second,
        date: NaiveDate::from_ymd_opt(2026, 12, 26).unwrap(),
        patch: patch(&[("redness", 3)]),
    };
    let state = store.apply(&change).unwrap();
    let app = app_at(
        store.clone(),
        state,
        "2026-12-28T09:00:00+01:00",
        width,
        height,
    );
    (dir, store, app)
}

#[test]
fn history_80x24() {
    let (_dir, _, mut app) = series_app(80, 24);
    press(&mut app, &[Char('H')]);
    insta::assert_snapshot!("history_80x24", screen(&app));
}

/// A second session recorded ahead (seen on 20 Dec, treated 25 Dec): its days are "not
/// begun", not "1–1 so far", which read as begun (walk-through).
#[test]
fn a_session_recorded_ahead_has_not_begun_in_the_history_80x24() {
    let (_dir, store, _) = journal_store();
    let second = at("2026-12-25T10:00:00+01:00");
    let state = store.apply(&Change::AddSession { at: second }).unwrap();
    let mut app = app_at(store, state, "2026-12-20T09:00:00+01:00", 80, 24);
    press(&mut app, &[Char('H')]);
    let shown = screen(&app);
    let days = shown
        .lines()
        .find(|l| l.contains("Days"))
        .unwrap_or_default();
    assert!(days.contains("not begun"), "{shown}");
    assert!(!days.contains("1–1"), "{shown}");
}

#[test]
fn history_160x48() {
    let (_dir, _, mut app) = series_app(160, 48);
    press(&mut app, &[Char('H')]);
    insta::assert_snapshot!("history_160x48", screen(&app));
}

#[test]
fn earlier_sessions_are_read_only_until_allowed() {
    let (_dir, store, mut app) = series_app(80, 24);
    // The latest is "Session 2": "Session 2 of 2" read as the course finished.
    assert!(screen(&app).contains("· Session 2 "));
    assert!(!screen(&app).contains("Session 2 of 2"));
    press(&mut app, &[Char('[')]);
    let shown = screen(&app);
    assert!(
        shown.contains("Session 1 of 2") && shown.contains("read-only"),
        "{shown}"
    );
    let ticks = |store: &Store| {
        store.load().unwrap().sessions[0]
            .ticks
            .values()
            .map(|t| t.len())
            .sum::<usize>()
    };
    let before = ticks(&store);
    press(&mut app, &[Char(' ')]);
    assert_eq!(ticks(&store), before);
    assert!(screen(&app).contains("Session 1 is read-only: press e"));
    press(&mut app, &[Char('e'), Char(' ')]);
    assert_eq!(ticks(&store), before + 1);
    assert!(!screen(&app).contains("read-only"));
    press(&mut app, &[Char(']')]);
    // The latest is "Session 2": "Session 2 of 2" read as the course finished.
    assert!(screen(&app).contains("· Session 2 "));
    assert!(!screen(&app).contains("Session 2 of 2"));
}

#[test]
fn u_undoes_ticks_and_unticks_one_at_a_time() {
    let (_dir, store, state) = journal_store();
    let mut app = app_at(store.clone(), state, DAY3, 80, 24);
    let ticked = |store: &Store| {
        store.load().unwrap().sessions[0]
            .ticks
            .get(&date(22))
            .map_or(0, |t| t.len())
    };
    press(&mut app, &[Char(' '), Char('j'), Char(' '), Char(' ')]);
    assert_eq!(ticked(&store), 1);
    press(&mut app, &[Char('u')]);
    assert_eq!(ticked(&store), 2, "the untick is undone");
    assert!(screen(&app).contains("Undone: the untick of"));
    press(&mut app, &[Char('u'), Char('u')]);
    assert_eq!(ticked(&store), 0);
    press(&mut app, &[Char('u')]);
    assert!(screen(&app).contains("Nothing to undo"));
}

#[test]
fn journal_screens_render_at_every_size() {
    let (_dir, _, mut app) = series_app(80, 24);
    for keys in [
        &[Char('g')][..],
        &[Esc, Char('H')],
        &[Esc, Char('['), Char('e'), Char('c')],
    ] {
        press(&mut app, keys);
        for (w, h) in [(40, 12), (41, 13), (60, 20), (99, 30), (200, 60), (20, 5)] {
            handle_event(&mut app, &Event::Resize(w, h));
            screen(&app);
        }
    }
}

#[test]
fn history_tells_two_treatments_of_one_day_apart() {
    let (dir, store, _) = treated_store();
    let state = store
        .apply(&Change::AddSession {
            at: at("2026-11-20T17:30:00+01:00"),
        })
        .unwrap();
    let mut app = app_at(store, state, NOW, 80, 24);
    press(&mut app, &[Char('H')]);
    let shown = screen(&app);
    assert!(
        shown.contains("Treatment                Fri 20 Nov 2026 14:00     Fri 20 Nov 2026 17:30"),
        "{shown}"
    );
    drop(dir);
}

#[test]
fn history_labels_keep_to_one_row_80x24_and_60x20() {
    // "Tenderness or discomfort" (24 cells) used to wrap under itself at 80x24, reading as
    // a row of its own; every label now keeps to its row, whole, with its cells beside it.
    for (width, height) in [(80, 24), (60, 20)] {
        let (_dir, _, mut app) = series_app(width, height);
        press(&mut app, &[Char('H')]);
        let shown = screen(&app);
        let row = shown
            .lines()
            .find(|l| l.contains("Tenderness or discomfort"))
            .unwrap_or_else(|| panic!("{shown}"));
        assert!(row.contains('–') || row.contains(" D"), "{shown}");
        assert!(!shown.contains("\"   discomfort"), "{shown}");
        for label in ["Longest full streak", "Dryness or flaking", "Peak → latest"] {
            assert!(shown.contains(&format!("\" {label}")), "{label}\n{shown}");
        }
        insta::assert_snapshot!(format!("history_labels_{width}x{height}"), shown);
    }
}

/// A check-in on `day` of November with a note, saved to the first treatment.
fn with_note(store: &Store, day: u32, note: &str) -> aftercare::store::State {
    store
        .apply(&Change::CheckIn {
            session: at(TREATMENT),
            date: date(day),
            patch: aftercare::store::CheckInPatch {
                ratings: Default::default(),
                note: Some(note.into()),
                at: None,
                ..Default::default()
            },
        })
        .unwrap()
}

#[test]
fn history_notes_only_days_its_column_counts_80x24() {
    // A note on Day 8 (a demo played on, then wound back to Day 3): on Day 3 the column
    // counts Days 1–3, and its latest note is the one of Day 2, not one from days ahead.
    let (_dir, store, _) = journal_store();
    with_note(&store, 21, "warm and tight");
    let state = with_note(&store, 27, "flaky on the cheeks");
    let mut app = app_at(store, state, NOW, 80, 24);
    press(&mut app, &[Char('H')]);
    let shown = screen(&app);
    assert!(shown.contains("1–3 so far"), "{shown}");
    assert!(shown.contains("D2 “warm and tight”"), "{shown}");
    assert!(!shown.contains("flaky"), "{shown}");
}

#[test]
fn history_says_what_does_not_fit_40x15_and_60x20() {
    // 40x15: the symptom rows do not fit; a line says so instead of the table just ending.
    let (_dir, _, mut app) = series_app(40, 15);
    press(&mut app, &[Char('H')]);
    let shown = screen(&app);
    // Session 1 is not shown either, and there is no room for the notes that say so: the
    // fold line says it.
    assert!(
        shown.contains("↓ 2 more rows · [ ] 1 more treatment"),
        "{shown}"
    );
    insta::assert_snapshot!("history_cut_40x15", shown);
    // One treatment: the fold line says how to see the rows.
    let (_dir, store, _) = journal_store();
    let mut one = app_at(store.clone(), store.load().unwrap(), DAY8, 40, 15);
    press(&mut one, &[Char('H')]);
    let shown = screen(&one);
    assert!(
        shown.contains("more rows: make the window taller"),
        "{shown}"
    );
    // 60x20: the footnote comes before the tip, says how to read "D4" first, and a cut
    // ends in "…".
    let (_dir, store, _) = journal_store();
    let mut app = app_at(store.clone(), store.load().unwrap(), DAY8, 60, 20);
    press(&mut app, &[Char('H')]);
    let shown = screen(&app);
    assert!(shown.contains("(D3 = Day 3)"), "{shown}");
    assert!(
        shown
            .lines()
            .any(|l| l.trim_end_matches('"').trim_end().ends_with("task to do…")),
        "{shown}"
    );
    insta::assert_snapshot!("history_footnote_60x20", shown);
}

/// An earlier session looked at on today's date gives no count as today's: today's tasks are
/// the current session's (walk: "Today Mon 28 Dec: 0/5 done" over Session 1, where
/// Session 2's Day 4 has 13).
#[test]
fn an_earlier_session_gives_no_count_as_todays_80x24() {
    let (_dir, _store, mut app) = series_app(80, 24);
    let current = screen(&app);
    let header = current.lines().nth(1).unwrap().to_string();
    assert!(header.contains("done today"), "{current}");
    press(&mut app, &[Char('[')]);
    let shown = screen(&app);
    let header = shown.lines().nth(1).unwrap();
    assert!(shown.contains("Session 1 of 2"), "{shown}");
    assert!(!header.contains("done today"), "{shown}");
    if let Some(today) = header.split(" · ").next() {
        assert!(!today.contains("ticked"), "{shown}");
    }
    insta::assert_snapshot!("earlier_session_header_80x24", shown);
}
