//! The warning signs on the main screen: the key that opens them all said once, the
//! emergency signs named whenever signs show, counts that agree, and the room used.

mod tui_harness;

use tui_harness::{app_at, screen, treated_store};

#[test]
fn the_key_for_every_sign_is_said_once_80x24() {
    // Day 2 just after midnight: the call-today group is counted with the groups after it,
    // on one line (a group that names no sign is not a line of its own); "press s" once.
    let (_dir, store, state) = treated_store();
    let app = app_at(store, state, "2026-11-21T00:05:00+01:00", 80, 24);
    let shown = screen(&app);
    assert_eq!(shown.matches("press s").count(), 1, "{shown}");
    let call = shown
        .lines()
        .find(|l| l.contains("Call your clinic today:"))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(
        call.contains("Call your clinic today: 8 signs · next visit: 2 signs · normal now: 2"),
        "{shown}"
    );
    insta::assert_snapshot!("signs_key_said_once_day2_80x24", shown);
}

#[test]
fn at_60x20_the_emergency_sign_is_named_and_the_call_today_count_said_once() {
    // Day 8 at 09:30, every thing to avoid opened (a): few rows for the signs.
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-27T09:30:00+01:00", 60, 20);
    tui_harness::press(&mut app, &[crossterm::event::KeyCode::Char('a')]);
    let shown = screen(&app);
    assert!(shown.contains("EMERGENCY: Swollen lips"), "{shown}");
    assert!(shown.contains("To do now"), "{shown}");
    let heading = shown
        .lines()
        .find(|l| l.contains("Warning signs"))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(heading.contains("s: all"), "{shown}");
    assert!(!heading.contains("call-today"), "{shown}");
    assert!(
        shown.contains("9 call-today · 7 others — press s"),
        "{shown}"
    );
    insta::assert_snapshot!("signs_counted_by_kind_day8_avoid_open_60x20", shown);
}
