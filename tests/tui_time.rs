//! Issue 4, item 8 in the terminal: the clock moving backwards under a running app, and a
//! treatment still ahead (counted down, never a negative day).

mod tui_harness;

use crossterm::event::KeyCode::{Char, Left, Right};
use tui_harness::*;

#[test]
fn the_clock_moving_backwards_under_the_app_keeps_the_ticks() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store.clone(), state, "2026-11-24T09:00:00+01:00", 80, 24);
    press(&mut app, &[Char(' ')]);
    assert!(screen(&app).contains("Day 5 of recovery"));
    // The system clock is set back two days: today follows, Day 5's tick stays saved.
    assert!(app.set_now(at(NOW)));
    assert!(
        screen(&app).contains("Day 3 of recovery"),
        "{}",
        screen(&app)
    );
    assert!(!screen(&app).contains("[x]"));
    press(&mut app, &[Right, Right]);
    assert!(screen(&app).contains("[x]"), "{}", screen(&app));
    // Back before the treatment: counted down, and the tick is still on disk.
    app.set_now(at("2026-11-19T09:00:00+01:00"));
    press(&mut app, &[Char('t')]);
    let shown = screen(&app);
    assert!(shown.contains("1 day before treatment"), "{shown}");
    assert!(
        shown.contains("Treatment tomorrow, Fri 20 Nov 14:00"),
        "{shown}"
    );
    let saved = store.load().unwrap();
    assert_eq!(saved.sessions[0].ticks.len(), 1);
}

#[test]
fn a_treatment_ahead_is_counted_down_and_no_day_is_negative() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-14T09:00:00+01:00", 80, 24);
    let shown = screen(&app);
    assert!(
        shown.contains("Treatment in 6 days, Fri 20 Nov 14:00"),
        "{shown}"
    );
    assert!(shown.contains("Tell provider your conditions"), "{shown}");
    // The countdown moves with the clock, in calendar days as plan days are, to the
    // minute on the day.
    app.set_now(at("2026-11-19T10:00:00+01:00"));
    assert!(
        screen(&app).contains("Treatment tomorrow"),
        "{}",
        screen(&app)
    );
    app.set_now(at("2026-11-20T13:30:00+01:00"));
    assert!(screen(&app).contains("in 30 min"), "{}", screen(&app));
    // From the first day of the plan to the treatment day, no day is called 0 or negative.
    press(&mut app, &[Left; 10]);
    let mut walked = Vec::new();
    for _ in 0..10 {
        let shown = screen(&app);
        assert!(
            !shown.contains("Day -") && !shown.contains("Day 0"),
            "{shown}"
        );
        walked.push(shown);
        press(&mut app, &[Right]);
    }
    assert!(
        walked[0].contains("7 days before treatment"),
        "{}",
        walked[0]
    );
    assert!(walked[7].contains("Day 1 of recovery"), "{}", walked[7]);
}
