//! Issue 15, "The patient's day, right at first sight", on the main screen at 80x24 (Berlin):
//! nothing before the treatment is missed, tasks done as needed are never under "Missed", an
//! earlier session's day reads as past with nothing to book, and a plan of another year says
//! its year.

mod tui_harness;

use aftercare::store::{Change, State, Store};
use chrono_tz::Tz;
use crossterm::event::KeyCode::{Char, Enter, Right};
use tempfile::TempDir;
use tui_harness::*;

/// A store with treatments at each of `times`.
fn store_with(times: &[&str]) -> (TempDir, Store, State) {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let store = Store::new(dir.path());
    let mut state = State::default();
    for time in times {
        state = store.apply(&Change::AddSession { at: at(time) }).unwrap();
    }
    (dir, store, state)
}

fn app_on(times: &[&str], now: &str) -> (TempDir, aftercare::tui::App<Tz>) {
    let (dir, store, state) = store_with(times);
    (dir, app_at(store, state, now, 80, 24))
}

#[test]
fn a_morning_treatment_misses_nothing_of_its_morning() {
    let (_dir, app) = app_on(&["2026-11-20T10:00:00+01:00"], "2026-11-20T12:00:00+01:00");
    let shown = screen(&app);
    assert!(!shown.contains("Missed"), "{shown}");
    insta::assert_snapshot!("treated_at_10_seen_at_12_80x24", shown);
}

#[test]
fn as_needed_tasks_are_never_under_missed() {
    // Day 3 at 15:00: the morning's cleanser and moisturizer were missed; the cold compress
    // (as needed, 48 h) ended at 14:00 and is not among them.
    let (_dir, mut app) = app_on(&[TREATMENT], "2026-11-22T15:00:00+01:00");
    let shown = screen(&app);
    assert!(shown.contains("Missed this morning (2)"), "{shown}");
    // Up from the first task selects the fold; Enter opens it: two rows, no compress.
    press(&mut app, &[Char('k'), Enter]);
    let shown = screen(&app);
    assert!(shown.contains("▾ Missed this morning (2)"), "{shown}");
    assert!(!shown.contains("Cold compress"), "{shown}");
    insta::assert_snapshot!("day3_missed_fold_open_80x24", shown);
}

#[test]
fn an_earlier_sessions_day_reads_as_past_with_nothing_to_book() {
    let (_dir, mut app) = app_on(
        &["2026-11-28T15:00:00+01:00", "2026-12-28T10:00:00+01:00"],
        "2026-12-28T12:00:00+01:00",
    );
    press(&mut app, &[Char('[')]);
    let shown = screen(&app);
    assert!(shown.contains("Session 1 of 2"), "{shown}");
    for wrong in ["To do now", "earlier today", "Book your next session"] {
        assert!(!shown.contains(wrong), "{wrong}: {shown}");
    }
    insta::assert_snapshot!("earlier_session_last_day_80x24", shown);
}

#[test]
fn a_plan_of_another_year_says_its_year() {
    let (_dir, app) = app_on(&["2025-11-28T15:00:00+01:00"], "2026-11-28T18:30:00+01:00");
    let shown = screen(&app);
    assert!(shown.contains("Fri 28 Nov 2025"), "{shown}");
    assert!(shown.contains("Fri 26 Dec 2025"), "{shown}");
    insta::assert_snapshot!("plan_of_last_year_80x24", shown);
}

/// A store whose treatment at `treated` was recorded (the app installed) at `recorded`.
fn store_recorded(treated: &str, recorded: &str) -> (TempDir, Store, State) {
    let (dir, store, _) = store_with(&[]);
    let state = store
        .apply(&Change::ReplaceLatest {
            from: None,
            to: at(treated),
            plan: None,
            recorded: at(recorded),
        })
        .unwrap();
    (dir, store, state)
}

#[test]
fn a_morning_over_before_the_app_was_installed_is_over_not_missed_80x24() {
    // Treated at 07:30, the app installed at 15:00: the morning's cleanser and moisturizer
    // were over before the app knew of the treatment, as Day 1's counts already said.
    let (_dir, store, state) =
        store_recorded("2026-11-20T07:30:00+01:00", "2026-11-20T15:00:00+01:00");
    let mut app = app_at(store, state, "2026-11-20T15:00:00+01:00", 80, 24);
    let shown = screen(&app);
    assert!(!shown.contains("Missed"), "{shown}");
    assert!(shown.contains("▸ Over this morning (2)"), "{shown}");
    assert!(shown.contains("0/4 done today"), "{shown}");
    // Opened, its rows say their slot, never "missed".
    press(&mut app, &[Char('k'), Enter]);
    let shown = screen(&app);
    assert!(shown.contains("▾ Over this morning (2)"), "{shown}");
    assert!(!shown.contains("missed"), "{shown}");
    insta::assert_snapshot!("installed_at_15_morning_over_not_missed_80x24", shown);
    // The next morning's slot, after the app was installed, is missed as ever.
    let (_dir, store, state) =
        store_recorded("2026-11-20T07:30:00+01:00", "2026-11-20T15:00:00+01:00");
    let app = app_at(store, state, "2026-11-21T15:00:00+01:00", 80, 24);
    let shown = screen(&app);
    assert!(shown.contains("▸ Missed this morning (2)"), "{shown}");
}

#[test]
fn before_the_treatment_its_day_shows_the_preparation_still_open_80x24() {
    // 08:00 on the day of a 10:00 treatment: the sun and exfoliants are still to avoid, the
    // questions for the provider still to ask; the treatment's own restrictions start at
    // 10:00, in one group.
    let (_dir, mut app) = app_on(&["2026-11-20T10:00:00+01:00"], "2026-11-20T08:00:00+01:00");
    let shown = screen(&app);
    assert!(
        shown.contains("until 10:00  ✕ No exfoliants (and for a week after)  ")
            && shown.contains("  ✕ Stay out of the sun (and a week after)  "),
        "{shown}"
    );
    // One group of what to avoid from 10:00, however long each lasts.
    let groups = shown.lines().filter(|l| l.starts_with("\"  from 10:00"));
    assert_eq!(groups.count(), 1, "{shown}");
    // What is done as needed from 10:00 (the cold compress) is not "to do now" at 08:00.
    assert!(
        shown.contains("▸ Daily, from 10:00 (6): Drink plenty of water · +5 more"),
        "{shown}"
    );
    assert!(!shown.contains("Cold compress"), "{shown}");
    assert!(
        shown.contains("› [ ] Tell provider your conditions and meds"),
        "{shown}"
    );
    insta::assert_snapshot!("day1_before_the_treatment_80x24", shown);
    // Space ticks the question selected, on Day 1.
    press(&mut app, &[Char(' ')]);
    let shown = screen(&app);
    assert!(
        shown.contains("[x] Tell provider your conditions and meds"),
        "{shown}"
    );
    // No check-in before the treatment: there is no treated skin to rate yet.
    press(&mut app, &[Char('c')]);
    let shown = screen(&app);
    assert!(
        shown.contains("No check-in: check-ins start after the treatment (10:00)"),
        "{shown}"
    );
    // Day 3 looked at ahead reads as it will then: its slots and when each thing ends, not
    // "from Fri 10:00 · in 2 h" on every row.
    press(&mut app, &[Right, Right]);
    let shown = screen(&app);
    assert!(shown.contains("until 10:00: ✕ No makeup"), "{shown}");
    // Its week ends on a Friday, and today is a Friday: said with its date, never "until
    // Fri 10:00", which read as today's.
    assert!(
        shown.contains("until Fri 27 Nov 10:00: ✕ Avoid direct sun"),
        "{shown}"
    );
    assert!(!shown.contains("from Fri 10:00"), "{shown}");
    assert!(
        shown.contains("Use a gentle, fragrance-free cleanser                            morning"),
        "{shown}"
    );
}
