//! The counts on the main screen read alike and say what they count: the morning's fold
//! "(1/2 done)" as the "To do now 0/3 done" heading does, never "(1, 1 done)".

mod tui_harness;

use crossterm::event::KeyCode::{Char, Down, Up};
use tui_harness::{app_at, press, screen, treated_store};

#[test]
fn a_missed_morning_with_one_done_says_how_many_of_how_many() {
    // Day 3 at 13:59: the morning is over, one of its two tasks missed. Open it, tick one.
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-22T13:59:00+01:00", 80, 24);
    press(&mut app, &[Up, Char(' '), Down, Char(' ')]);
    let shown = screen(&app);
    assert!(
        shown.contains("▾ Missed this morning (1/2 done)"),
        "{shown}"
    );
    assert!(!shown.contains(", 1 done)"), "{shown}");
    assert!(shown.contains("To do now 0/3 done"), "{shown}");
    insta::assert_snapshot!("missed_morning_one_of_two_done_80x24", shown);
}
