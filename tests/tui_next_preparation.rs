//! Before a recorded next treatment, the main screen names it in the header and lists its
//! preparation beside the current treatment's day; ticks of those tasks are the next
//! treatment's. Treated Sat 28 Nov 2026 10:00, the next recorded for Sat 2 Jan 2027 11:00.

mod tui_harness;

use aftercare::store::{Change, Store};
use aftercare::tui::App;
use chrono_tz::Tz;
use crossterm::event::KeyCode;
use tempfile::TempDir;
use tui_harness::*;

use KeyCode::{Char, Down, Right};

const FIRST: &str = "2026-11-28T10:00:00+01:00";
const NEXT: &str = "2027-01-02T11:00:00+01:00";
/// The morning of the next treatment.
const MORNING: &str = "2027-01-02T09:00:00+01:00";

/// The app at `now` for the first treatment, and the next one too when `next`.
fn series_at(now: &str, next: bool, width: u16) -> (TempDir, Store, App<Tz>) {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let store = Store::new(dir.path());
    let mut state = store.apply(&Change::AddSession { at: at(FIRST) }).unwrap();
    if next {
        state = store.apply(&Change::AddSession { at: at(NEXT) }).unwrap();
    }
    let app = app_at(store.clone(), state, now, width, 24);
    (dir, store, app)
}

fn summary(app: &App<Tz>) -> String {
    let shown = screen(app);
    let line = shown.lines().nth(1).unwrap_or_default();
    line.trim_matches('"').trim_end().to_string()
}

#[test]
fn the_morning_of_the_next_treatment_80x24() {
    let (_dir, _, app) = series_at(MORNING, true, 80);
    let shown = screen(&app);
    // With things to avoid out of the count, the count is short enough for the words of the
    // treatment in force beside the next one's.
    assert_eq!(
        summary(&app),
        " Treated 35 days ago · next treatment today at 11:00 (in 2 h) · 0/10 done today"
    );
    for prep in [
        "Tell provider your conditions and meds",
        "Check: not flaring, pregnant or nursing",
        "Stay out of the sun (and a week after)",
        "No exfoliants (and for a week after)",
    ] {
        assert!(shown.contains(prep), "{prep}: {shown}");
    }
    assert!(shown.contains("Session 1 of 2") && !shown.contains("read-only"));
    insta::assert_snapshot!("morning_of_the_next_treatment_80x24", shown);
}

#[test]
fn the_header_names_the_next_treatment_in_the_days_before() {
    let cases = [
        // The preparation's first day, its tasks from 11:00: named already.
        (
            "2026-12-26T09:00:00+01:00",
            " Treated 28 days ago · next treatment in 7 days · 0/10 done today",
        ),
        (
            "2026-12-30T09:00:00+01:00",
            " Treated 32 days ago · next treatment in 3 days · 0/10 done today",
        ),
        (
            "2027-01-01T09:00:00+01:00",
            " Treated 34 days ago · next treatment tomorrow at 11:00 · 0/10 done today",
        ),
        (
            "2027-01-02T10:30:00+01:00",
            " Next treatment today at 11:00, in 30 min · 0/10 done today",
        ),
    ];
    for (now, want) in cases {
        let (_dir, _, app) = series_at(now, true, 80);
        assert_eq!(summary(&app), want, "{now}");
    }
    // From its hour it is the treatment in force: its own Day 1, once.
    let (_dir, _, app) = series_at("2027-01-02T11:30:00+01:00", true, 80);
    let shown = screen(&app);
    assert!(shown.contains("· Session 2 "), "{shown}");
    assert!(summary(&app).starts_with(" Treated today at 11:00, 30 min ago"));
    assert!(
        !shown.contains("Stay out of the sun (and a week after)"),
        "{shown}"
    );
}

#[test]
fn a_preparation_task_is_ticked_and_undone_on_the_next_treatment() {
    let (_dir, store, mut app) = series_at(MORNING, true, 80);
    // The sixth row to do: "Tell provider your conditions and meds".
    press(&mut app, &[Down, Down, Down, Down, Down, Char(' ')]);
    let shown = screen(&app);
    assert!(
        shown.contains("› [x] Tell provider your conditions and meds"),
        "{shown}"
    );
    let state = store.load().unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2027, 1, 2).unwrap();
    assert!(state.sessions[1].is_ticked(date, "before-tell-provider"));
    assert!(state.sessions[0].ticks.is_empty());
    press(&mut app, &[Char('u')]);
    let shown = screen(&app);
    // Undone where it was ticked, not on a view of the next treatment.
    assert!(shown.contains("Session 1 of 2") && !shown.contains("read-only"));
    assert!(shown.contains("[ ] Tell provider your conditions and meds"));
    assert!(store.load().unwrap().sessions[1].ticks.is_empty());
}

/// Day 29, 09:30: the next session's window opens at 10:00. The header says so as `today`
/// does ("Next session possible later today (from 10:00)"), never "due now".
#[test]
fn before_the_window_opens_the_header_says_later_today() {
    for (width, want) in [
        (
            80,
            " Treated 28 days ago · next session possible later today · 0/8 done today",
        ),
        (
            120,
            " Treated 28 days ago, Sat 28 Nov 10:00 · next session possible later today \
             (from 10:00) · 0/8 done today",
        ),
    ] {
        let (_dir, _, app) = series_at("2026-12-26T09:30:00+01:00", false, width);
        assert_eq!(summary(&app), want, "{width}");
    }
    // At no size, on the main screen or the timeline (which shares the header).
    for width in [40, 60, 100, 160, 200] {
        let (_dir, _, mut app) = series_at("2026-12-26T09:30:00+01:00", false, width);
        assert!(!screen(&app).contains("due now"), "{width}");
        press(&mut app, &[KeyCode::Tab]);
        assert!(!screen(&app).contains("due now"), "{width}");
    }
}

/// The app open as the preparation comes due, a week before the next treatment's hour.
#[test]
fn the_preparation_coming_due_is_said_on_screen() {
    let (_dir, _, mut app) = series_at("2026-12-26T10:59:00+01:00", true, 80);
    assert!(app.set_now(at("2026-12-26T11:00:00+01:00")));
    let shown = screen(&app);
    assert!(
        shown.contains("It's 11:00: 3 tasks are due: Tell provider your conditions"),
        "{shown}"
    );
}

/// `i` on a preparation task of the next treatment gives that treatment's window: a
/// walk-through read "From Sat 21 Nov 10:00 until Sat 28 Nov 10:00", the first treatment's
/// week before, on the morning of the second.
#[test]
fn why_on_a_preparation_task_gives_the_next_treatments_window_80x24() {
    let (_dir, _, mut app) = series_at(MORNING, true, 80);
    press(&mut app, &[Down, Down, Down, Down, Down, Char('i')]);
    let shown = screen(&app);
    assert!(
        shown.contains("Tell provider your conditions and meds"),
        "{shown}"
    );
    assert!(shown.contains("Sat 2 Jan"), "{shown}");
    assert!(!shown.contains("28 Nov"), "{shown}");
}

/// Stepping on from the morning of the next treatment shows that treatment's Day 1 (the
/// evening after it), then its Day 2 with its restrictions: the first treatment's Day 37
/// read "nothing to avoid" beside no makeup and no workouts (walk-through). From the day
/// before, its date is its Day 1.
#[test]
fn the_day_after_the_next_treatment_is_its_day_2_80x24() {
    let (_dir, _, mut app) = series_at("2027-01-01T20:00:00+01:00", true, 80);
    press(&mut app, &[Right]);
    let shown = screen(&app);
    let title = shown.lines().next().unwrap();
    assert!(title.contains("· Session 2 "), "{shown}");
    assert!(title.contains("Day 1 of recovery · Sat 2 Jan"), "{shown}");
    assert!(
        shown.contains("This day is your next treatment's"),
        "{shown}"
    );
    // Its evening routine is the evening's, not due from the treatment's hour.
    let cleanser = shown
        .lines()
        .find(|l| l.contains("Use a gentle, fragrance-free cleanser"))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(cleanser.contains("evening · from 20:00"), "{shown}");
    let (_dir, _, mut app) = series_at(MORNING, true, 80);
    press(&mut app, &[Right]);
    let title = screen(&app).lines().next().unwrap().to_string();
    assert!(title.contains("Day 1 of recovery · Sat 2 Jan"), "{title}");
    press(&mut app, &[Right]);
    let shown = screen(&app);
    let title = shown.lines().next().unwrap();
    assert!(title.contains("· Session 2 "), "{shown}");
    assert!(title.contains("Day 2 of recovery · Sun 3 Jan"), "{shown}");
    assert!(shown.contains("✕ No makeup"), "{shown}");
    // Back with [ to the first treatment's today.
    press(&mut app, &[Char('[')]);
    let shown = screen(&app);
    assert!(
        shown.lines().next().unwrap().contains("Session 1 of 2"),
        "{shown}"
    );
}
