//! The main screen after the plan (the built-in plan ends on Day 43, Fri 1 Jan 2027): its page
//! says what is cut and the keys that read on (↑↓ j k, PgUp PgDn), the recovery strip keeps
//! its row above it, and a booked next session reads as booked. Berlin, treatment Fri 20 Nov
//! 2026 14:00.

mod tui_harness;

use crossterm::event::KeyCode::{Char, Down, PageDown, PageUp, Up};
use tui_harness::*;

/// Day 60 (Mon 18 Jan 2027).
const DAY60: &str = "2027-01-18T10:00:00+01:00";
/// Day 50 (Sat 9 Jan 2027).
const DAY50: &str = "2027-01-09T10:00:00+01:00";

/// The page's rows, from its heading to the warning signs.
fn page(shown: &str) -> Vec<String> {
    shown
        .lines()
        .skip_while(|l| !l.contains("Your plan is over"))
        .take_while(|l| !l.contains("Warning signs"))
        .map(|l| l.trim_matches('"').trim_end().to_string())
        .collect()
}

/// After the plan the Days strip keeps its row, and the emergency signs stay beside the
/// call-today signs still listed (a walk-through found only "call your clinic" on Day 44);
/// the page says what it leaves below.
#[test]
fn after_the_plan_the_days_keep_their_row_and_the_emergency_signs_stay_80x24() {
    for now in [DAY50, DAY60] {
        let (_dir, store, state) = treated_store();
        let app = app_at(store, state, now, 80, 24);
        let shown = screen(&app);
        assert!(shown.lines().nth(2).unwrap().contains("Days "), "{shown}");
        assert!(
            shown.contains(" EMERGENCY — call emergency services now: Swollen lips"),
            "{shown}"
        );
        let rows = page(&shown);
        assert!(
            rows.last()
                .unwrap()
                .starts_with(" ↓ 2 more below — ↓ j read on"),
            "{shown}"
        );
        assert!(!shown.contains("More than fits"), "{shown}");
    }
    let (_dir, store, state) = treated_store();
    let app = app_at(store, state, DAY60, 80, 24);
    insta::assert_snapshot!("after_plan_day60_80x24", screen(&app));
}

#[test]
fn a_page_that_does_not_fit_says_so_and_scrolls_with_keys_70x22() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, DAY60, 70, 22);
    let shown = screen(&app);
    let rows = page(&shown);
    assert!(
        rows.last()
            .unwrap()
            .starts_with(" ↓ 4 more below — ↓ j read on"),
        "{shown}"
    );
    insta::assert_snapshot!("after_plan_folded_day60_70x22", shown);
    press(&mut app, &[Char('j')]);
    let rows = page(&screen(&app));
    assert_eq!(rows.last().unwrap(), " ↑ 1 above · ↓ 3 below — ↑↓ scroll");
    press(&mut app, &[PageDown]);
    let shown = screen(&app);
    let rows = page(&shown);
    assert_eq!(
        rows.last().unwrap(),
        " ↑ 4 more above — ↑ k back",
        "{shown}"
    );
    assert!(
        shown.contains("Microneedling Results After 1 Treatment"),
        "{shown}"
    );
    insta::assert_snapshot!("after_plan_scrolled_day60_70x22", shown);
    // Down at the end stays there; Up and PgUp go back to the top.
    press(&mut app, &[Down, Up]);
    assert!(page(&screen(&app)).last().unwrap().contains("3 above"));
    press(&mut app, &[PageUp, PageUp]);
    assert!(
        page(&screen(&app))
            .last()
            .unwrap()
            .starts_with(" ↓ 4 more below")
    );
}

/// The patient ticked "Book your next session" on Day 30 (Sat 19 Dec): after the plan the
/// page says it is booked and when it was ticked, not "if it is not booked"; untouched, it
/// still asks.
#[test]
fn a_booked_next_session_reads_as_booked_after_the_plan_80x24() {
    use aftercare::store::Change;
    let booked = |booked: bool, now: &str| {
        let (_dir, store, mut state) = treated_store();
        if booked {
            state = store
                .apply(&Change::Tick {
                    session: at(TREATMENT),
                    date: chrono::NaiveDate::from_ymd_opt(2026, 12, 19).unwrap(),
                    task: "book-next-session".to_string(),
                })
                .unwrap();
        }
        screen(&app_at(store, state, now, 80, 24))
    };
    // Booked, once the window has closed with no treatment recorded, that is said (Day 60
    // read as fine, 17 days after it closed). The built-in plan ends as the window closes.
    for now in [DAY50, "2027-01-01T15:00:00+01:00"] {
        let closed = booked(true, now);
        assert!(
            closed.contains(" You ticked your next session as booked on Sat 19 Dec 2026, and its"),
            "{closed}"
        );
        assert!(
            closed.contains("closed with no treatment recorded"),
            "{closed}"
        );
        assert!(!closed.contains("not booked"), "{closed}");
    }
    for now in [DAY50, "2027-01-01T15:00:00+01:00"] {
        let shown = booked(false, now);
        assert!(
            shown.contains(
                " The suggested window for your next session was Fri 18 Dec 2026 to Fri 1 Jan:"
            ),
            "{shown}"
        );
        assert!(!shown.contains("is booked"), "{shown}");
    }
    insta::assert_snapshot!("after_plan_booked_day50_80x24", booked(true, DAY50));
}

/// At 50x14 after the plan the emergency signs are named and the rest counted after them
/// ("3 call-today · 2 others — press s"). The page scrolls with PgDn to its end.
#[test]
fn after_the_plan_at_50x14_the_signs_are_counted_and_the_page_pages() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, DAY60, 50, 14);
    let shown = screen(&app);
    assert!(
        shown.contains("   unwell · 3 call-today · 2 others — press s"),
        "{shown}"
    );
    assert!(shown.contains(" ↓ 19 more below — ↓ j read on"), "{shown}");
    insta::assert_snapshot!("after_plan_day60_50x14", shown);
    press(&mut app, &[PageDown; 8]);
    let shown = screen(&app);
    assert!(
        shown.contains("One Session?; Microneedling Results After 1 "),
        "{shown}"
    );
    assert!(shown.contains(" ↑ 19 more above — ↑ k back"), "{shown}");
}

/// Day 60 with a check-in alert (redness 4): past the signs' windows, the emergency signs
/// are still on the main screen while the alert is up, as they are without it beside the
/// call-today signs still listed.
#[test]
fn after_the_plan_an_alert_keeps_the_emergency_signs_80x24() {
    use aftercare::store::{Change, Store};
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let store = Store::new(dir.path());
    let session = at(TREATMENT);
    let state = store.apply(&Change::AddSession { at: session }).unwrap();
    let calm = screen(&app_at(store.clone(), state, DAY60, 80, 24));
    assert!(calm.contains("EMERGENCY"), "{calm}");
    let change = Change::CheckIn {
        session,
        date: chrono::NaiveDate::from_ymd_opt(2027, 1, 18).unwrap(),
        patch: patch(&[("redness", 4)]),
    };
    let state = store.apply(&change).unwrap();
    let shown = screen(&app_at(store, state, DAY60, 80, 24));
    assert!(shown.contains("Check-in alert"), "{shown}");
    assert!(
        shown.contains("EMERGENCY — call emergency services now"),
        "{shown}"
    );
}
