//! The journal in the terminal: the check-in form, the alert box and the chart, drawn on a
//! test backend and driven through the real event handler.

mod tui_harness;

use aftercare::store::{Change, CheckIn, Store};
use crossterm::event::KeyCode;
use tui_harness::*;

use KeyCode::{Char, Down, Enter, Esc, Right};

#[test]
fn checkin_form_is_saved_and_prefilled_next_time() {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let store = Store::new(dir.path());
    let state = store
        .apply(&Change::AddSession { at: at(TREATMENT) })
        .unwrap();
    let mut app = app_at(store.clone(), state, DAY3, 80, 24);
    press(
        &mut app,
        &[Char('c'), Char('2'), Char('1'), Right, Right, Down, Down],
    );
    type_text(&mut app, "warm, a bit tight");
    insta::assert_snapshot!("checkin_form_80x24", screen(&app));
    press(&mut app, &[Enter]);
    let saved = &store.load().unwrap().sessions[0].checkins[&date(22)];
    assert_eq!(
        saved,
        &CheckIn {
            note: "warm, a bit tight".into(),
            // Discomfort was not rated, so nothing is saved for it.
            ..checkin(&[("redness", 2), ("swelling", 1), ("dryness", 2)])
        }
    );
    let shown = screen(&app);
    assert!(
        shown.contains("Check-in saved for Day 3") && shown.contains("✓ checked in"),
        "{shown}"
    );
    // Opening it again shows what was saved; Esc leaves it as it was.
    press(&mut app, &[Char('c'), Char('5')]);
    assert!(screen(&app).contains("Check-in · Day 3 · Sun 22 Nov · editing"));
    press(&mut app, &[Esc]);
    assert_eq!(
        store.load().unwrap().sessions[0].checkins[&date(22)].ratings["redness"],
        2
    );
}

#[test]
fn checkin_form_160x48() {
    let (_dir, store, state) = journal_store();
    let mut app = app_at(store, state, DAY8, 160, 48);
    press(&mut app, &[Char('c')]);
    insta::assert_snapshot!("checkin_form_160x48", screen(&app));
}

#[test]
fn a_checkin_that_is_not_saved_keeps_the_form_open() {
    let (_dir, _, state) = journal_store();
    let file = tempfile::NamedTempFile::new().unwrap();
    let mut app = app_at(Store::new(file.path()), state, DAY3, 80, 24);
    press(&mut app, &[Char('c'), Char('4'), Enter]);
    let shown = screen(&app);
    assert!(
        shown.contains("Not saved:") && shown.contains("Check-in · Day 3"),
        "{shown}"
    );
}

#[test]
fn alert_box_80x24() {
    let (_dir, store, state) = journal_store();
    let app = app_at(store, state, DAY8, 80, 24);
    let shown = screen(&app);
    assert!(
        shown.contains("⚠ Redness still strong after a week — Call your clinic today"),
        "{shown}"
    );
    insta::assert_snapshot!("alert_box_80x24", shown);
}

#[test]
fn chart_80x24() {
    let (_dir, store, state) = journal_store();
    let mut app = app_at(store, state, DAY8, 80, 24);
    press(&mut app, &[Char('g')]);
    insta::assert_snapshot!("chart_80x24", screen(&app));
    press(&mut app, &[Esc]);
    assert!(!app.should_quit() && screen(&app).contains("To do"));
}

#[test]
fn chart_160x48() {
    let (_dir, store, state) = journal_store();
    let mut app = app_at(store, state, DAY8, 160, 48);
    press(&mut app, &[Char('g')]);
    insta::assert_snapshot!("chart_160x48", screen(&app));
}
