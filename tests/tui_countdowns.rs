//! One countdown, one wording: the header's next session and the booking row say the same
//! time left (`countdown_in`: days and hours under a week).

mod tui_harness;

use crossterm::event::KeyCode::{Char, Down};
use tui_harness::{app_at, press, screen, treated_store};

#[test]
fn the_headers_next_session_and_the_booking_row_give_the_same_countdown() {
    // Treated Fri 20 Nov 14:00; the next session from Fri 18 Dec 14:00. On Fri 11 Dec at
    // 21:00 that is 6 days 17 hours away (and 7 dates on).
    let (_dir, store, state) = treated_store();
    let app = app_at(store, state, "2026-12-11T21:00:00+01:00", 80, 24);
    let shown = screen(&app);
    let header = shown.lines().nth(1).unwrap();
    assert!(
        header.contains("next session possible in 6 d 17 h"),
        "{shown}"
    );
    let row = shown
        .lines()
        .find(|l| l.contains("Book your next session"))
        .unwrap_or_else(|| panic!("no booking row:\n{shown}"));
    assert!(row.contains("session possible in 6 d 17 h"), "{shown}");
    insta::assert_snapshot!("next_session_countdown_agrees_80x24", shown);
}

/// The booking's "why" gives the next session's window and the day the task came on the
/// list, the first day `check` and Space take it (walk: the popup gave only Fri 18 Dec while
/// it could be ticked from Fri 11 Dec).
#[test]
fn the_bookings_why_says_the_day_it_came_on_the_list_80x24() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-12-11T21:00:00+01:00", 80, 24);
    let selected = |app: &_| {
        screen(app)
            .lines()
            .any(|l| l.starts_with("\"›") && l.contains("Book your next session"))
    };
    for _ in 0..12 {
        if selected(&app) {
            break;
        }
        press(&mut app, &[Down]);
    }
    assert!(selected(&app), "{}", screen(&app));
    press(&mut app, &[Char('i')]);
    let shown = screen(&app);
    // The window is the session's, and booking is for now (walker P had read "Once, any
    // time in the window" as booking by its last day being fine).
    assert!(
        shown.contains("Your next session: from Fri 18 Dec 14:00 until Fri 1 Jan 14:00"),
        "{shown}"
    );
    assert!(
        shown.contains("Once: book as soon as you can, for a day in that window"),
        "{shown}"
    );
    assert!(
        shown.contains("On your list from Fri 11 Dec 2026 (7 days ahead), to tick once done"),
        "{shown}"
    );
    insta::assert_snapshot!("booking_why_offered_day_80x24", shown);
}
