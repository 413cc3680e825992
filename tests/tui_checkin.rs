//! Issue 16, item 2: the check-in form starts from the file as it is when it opens and saves
//! only what the user changed, so a check-in saved from another shell meanwhile is kept.
//! Driven through the real event handler on a real data directory; the "other shell" is the
//! `aftercare` binary itself.

mod tui_harness;

use aftercare::store::{Change, CheckIn, Store};
use crossterm::event::KeyCode::{Char, Down, Enter, Right};
use std::path::Path;
use tui_harness::*;

/// `aftercare checkin ARGS` on `data` at Day 3, 09:00, as a patient runs it in another shell.
fn checkin_from_another_shell(data: &Path, args: &[&str]) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aftercare"))
        .env("TZ", "Europe/Berlin")
        .env_remove("AFTERCARE_NOW")
        .env_remove("AFTERCARE_RULES")
        .env_remove("AFTERCARE_DATA_DIR")
        .arg("--data-dir")
        .arg(data)
        .args(["--now", "2026-11-22 09:00", "checkin"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

fn day3_checkin(store: &Store) -> CheckIn {
    store.load().unwrap().sessions[0].checkins[&date(22)].clone()
}

#[test]
fn a_rating_saved_from_another_shell_is_kept_by_the_form() {
    let (dir, store, mut app) = patient(80, 24);
    checkin_from_another_shell(dir.path(), &["--rate", "dryness=2"]);
    press(&mut app, &[Char('c')]);
    // The form opens with the file as it is now: dryness 2, the rest not rated.
    insta::assert_snapshot!("checkin_form_after_another_shell_80x24", screen(&app));
    press(&mut app, &[Down, Down, Down, Char('1'), Enter]);
    assert_eq!(
        day3_checkin(&store),
        // Both rated today, at 09:00: each keeps its time.
        checkin_rated_at(&[("dryness", 2), ("discomfort", 1)], DAY3)
    );
    assert!(screen(&app).contains("Check-in saved for Day 3"));
}

#[test]
fn a_rating_saved_while_the_form_is_open_is_kept_and_named() {
    let (dir, store, mut app) = patient(80, 24);
    press(&mut app, &[Char('c'), Char('3')]);
    // While the form is open: dryness and a note from the command line.
    checkin_from_another_shell(dir.path(), &["--rate", "dryness=2", "--note", "tight"]);
    press(&mut app, &[Down, Down, Char('1'), Enter]);
    assert_eq!(
        day3_checkin(&store),
        CheckIn {
            note: "tight".into(),
            ..checkin_rated_at(&[("redness", 3), ("dryness", 2), ("discomfort", 1)], DAY3)
        }
    );
    let shown = screen(&app);
    assert!(
        shown.contains("kept from elsewhere: Dryness or flaking 2, a note"),
        "{shown}"
    );
}

#[test]
fn a_treatment_moved_meanwhile_keeps_the_form_open_80x24() {
    let (_dir, store, mut app) = patient(80, 24);
    press(&mut app, &[Char('c'), Char('2')]);
    // `aftercare start --replace` in another shell moves the treatment to 15:00.
    let change = Change::ReplaceLatest {
        from: Some(at(TREATMENT)),
        to: at("2026-11-20T15:00:00+01:00"),
        plan: None,
        recorded: at(NOW),
    };
    store.apply(&change).unwrap();
    press(&mut app, &[Enter]);
    insta::assert_snapshot!("checkin_form_treatment_moved_80x24", screen(&app));
    assert!(store.load().unwrap().sessions[0].checkins.is_empty());
}

/// The walk-through after issue 15: Day 2, swelling rated 5 with the form's own keys. The
/// alert's text (not only the box's title) says to call the clinic today, the emergency line
/// still first, in the box and in the `s` panel that reads it whole.
#[test]
fn a_severe_rating_says_to_call_the_clinic_in_the_box_and_the_s_panel_80x24() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-21T08:10:00+01:00", 80, 24);
    let keys = [Char('c'), Char('3'), Char('5'), Char('1'), Char('2'), Enter];
    press(&mut app, &keys);
    let shown = screen(&app);
    let said = words(&shown);
    assert!(
        said.contains(
            "Rated severe: swelling — Feel very unwell or have trouble breathing? Call \
             emergency services now. Call your clinic today."
        ),
        "{shown}"
    );
    insta::assert_snapshot!("severe_swelling_day2_80x24", shown);
    press(&mut app, &[Char('s')]);
    let panel = screen(&app);
    assert!(words(&panel).contains("Call your clinic today."), "{panel}");
    insta::assert_snapshot!("severe_swelling_in_the_s_panel_80x24", panel);
}

/// The walk-through of the seventh session: swelling 4 on Day 2 (usually about 1) set off
/// no alert (none fires before 48 hours) and nothing was said. The notice says it, what to
/// do, and the key that shows when to call.
#[test]
fn a_rating_well_above_the_usual_course_is_said_when_saved_80x24() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-21T09:00:00+01:00", 80, 24);
    press(
        &mut app,
        &[Char('c'), Char('3'), Char('4'), Char('1'), Char('1'), Enter],
    );
    let shown = screen(&app);
    assert!(
        shown.contains(
            " Saved · call today if a warning sign fits (s) · above usual: swelling 4 (~1) "
        ),
        "{shown}"
    );
    insta::assert_snapshot!("above_usual_swelling_day2_80x24", shown);
    // Within the usual course, the plain words.
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-21T09:00:00+01:00", 80, 24);
    press(
        &mut app,
        &[Char('c'), Char('3'), Char('2'), Char('1'), Char('1'), Enter],
    );
    assert!(
        screen(&app).contains("Check-in saved for Day 2"),
        "{}",
        screen(&app)
    );
}

/// The screen's words in reading order, box borders and line breaks made single spaces.
fn words(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.trim_matches(|c: char| matches!(c, '┃' | '│' | '"') || c.is_whitespace()))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Swelling rated 5 at Day 2 08:10 vanished from the screen at midnight. At 23:59 the day's
/// alert shows; at 00:05 the carried one ("Rated severe yesterday: swelling"), until a
/// check-in rates swelling again.
#[test]
fn a_severe_rating_is_still_on_screen_after_midnight_80x24() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-21T08:10:00+01:00", 80, 24);
    let keys = [Char('c'), Char('3'), Char('5'), Char('1'), Char('2'), Enter];
    press(&mut app, &keys);
    app.set_now(at("2026-11-21T23:59:00+01:00"));
    assert!(screen(&app).contains("⚠ Rated severe: swelling"));
    app.set_now(at("2026-11-22T00:05:00+01:00"));
    let shown = screen(&app);
    assert!(
        words(&shown).contains(
            "⚠ Rated severe yesterday (Sat 21 Nov): swelling — Feel very unwell or have \
             trouble breathing? Call emergency services now. If swelling is still severe or \
             worse, call your clinic today."
        ),
        "{shown}"
    );
    insta::assert_snapshot!("severe_swelling_carried_to_day3_80x24", shown);
    // Today's check-in rates swelling 2: the carried alert is replaced.
    press(
        &mut app,
        &[Char('c'), Char('2'), Char('2'), Char('1'), Char('1'), Enter],
    );
    let shown = screen(&app);
    assert!(!shown.contains("Rated severe"), "{shown}");
    assert!(!shown.contains("Check-in alert"), "{shown}");
}

/// Viewing tomorrow after a severe check-in today: the alert is today's, in today's words
/// ("Rated severe: swelling"), not "Rated severe yesterday (today's date) … check in again
/// today" as if seen from tomorrow (issue 15 walk-through).
#[test]
fn a_day_ahead_shows_todays_alert_in_todays_words() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-21T08:10:00+01:00", 80, 24);
    let keys = [Char('c'), Char('3'), Char('5'), Char('1'), Char('2'), Enter];
    press(&mut app, &keys);
    press(&mut app, &[Right]);
    let shown = screen(&app);
    assert!(shown.contains("(tomorrow)"), "{shown}");
    assert!(shown.contains("⚠ Rated severe: swelling"), "{shown}");
    assert!(!shown.contains("yesterday (Sat 21 Nov)"), "{shown}");
}
