//! One countdown, one wording: the header's next session and the booking row say the same
//! time left (`countdown_in`: days and hours under a week).

mod tui_harness;

use tui_harness::{app_at, screen, treated_store};

#[test]
fn the_headers_next_session_and_the_booking_row_give_the_same_countdown() {
    // Treated Fri 20 Nov 14:00; the next session from Fri 18 Dec 14:00. On Fri 11 Dec at
    // 21:00 that is 6 days 17 hours away (and 7 dates on).
    let (_dir, store, state) = treated_store();
    let app = app_at(store, state, "2026-12-11T21:00:00+01:00", 80, 24);
    let shown = screen(&app);
    let header = shown.lines().nth(1).unwrap();
    assert!(header.contains("next session in 6 d 17 h"), "{shown}");
    let row = shown
        .lines()
        .find(|l| l.contains("Book your next session"))
        .unwrap_or_else(|| panic!("no booking row:\n{shown}"));
    assert!(row.contains("session in 6 d 17 h"), "{shown}");
    insta::assert_snapshot!("next_session_countdown_agrees_80x24", shown);
}
