//! The journal chart (g) keeps the whole recovery in view: Day 1 to today and every check-in,
//! narrowing its columns before it drops a day, and saying where it is cut when it must.

mod tui_harness;

use aftercare::store::Change;
use chrono::NaiveDate;
use crossterm::event::KeyCode::{Char, Left, Right};
use tui_harness::{DAY8, TREATMENT, app_at, at, journal_store, patch, press, screen};

/// The row of day numbers under the bars.
fn axis(shown: &str) -> String {
    shown
        .lines()
        .find(|l| l.trim_start_matches('"').starts_with(" Day "))
        .unwrap_or_else(|| panic!("no axis in\n{shown}"))
        .to_string()
}

/// The journal's patient (check-ins on Days 1–8), who also checked in on `days` (plan day,
/// ratings), seen at `now`.
fn patient_with(
    days: &[(i64, &[(&str, u8)])],
    now: &str,
    width: u16,
) -> (tempfile::TempDir, aftercare::tui::App<chrono_tz::Tz>) {
    let (dir, store, mut state) = journal_store();
    let day1 = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    for (day, ratings) in days {
        state = store
            .apply(&Change::CheckIn {
                session: at(TREATMENT),
                date: day1 + chrono::Days::new(u64::try_from(day - 1).unwrap()),
                patch: patch(ratings),
            })
            .unwrap();
    }
    (dir, app_at(store, state, now, width, 24))
}

/// Day 45, two days after the built-in plan's last window (Day 43).
const DAY45: &str = "2027-01-03T10:00:00+01:00";

#[test]
fn chart_on_day_8_starts_at_day_1_80x24() {
    // Check-ins reach Day 43 (as in a demo played on and wound back); on Day 8 the chart still
    // starts at Day 1, where the swelling of Day 2 set off the first alert.
    let (_dir, mut app) = patient_with(
        &[(2, &[("swelling", 5)]), (43, &[("redness", 1)])],
        DAY8,
        80,
    );
    press(&mut app, &[Char('g')]);
    let shown = screen(&app);
    let axis = axis(&shown);
    assert!(axis.starts_with("\" Day 1 "), "{shown}");
    assert!(axis.contains("43"), "{shown}");
    insta::assert_snapshot!("chart_day_8_checkins_to_43_80x24", shown);
}

#[test]
fn a_check_in_after_the_plan_is_on_the_chart_80x24() {
    let (_dir, mut app) = patient_with(&[(45, &[("redness", 1)])], DAY45, 80);
    press(&mut app, &[Char('g')]);
    let shown = screen(&app);
    assert!(shown.contains("Redness   Day 45: 1"), "{shown}");
    let axis = axis(&shown);
    assert!(axis.starts_with("\" Day 1 "), "{shown}");
    assert!(axis.contains("45"), "{shown}");
    insta::assert_snapshot!("chart_after_the_plan_80x24", shown);
}

#[test]
fn a_cut_chart_says_so_and_scrolls_40x24() {
    // 35 columns cannot hold 45 days: the chart ends on the viewed day and says which days
    // are cut; ← and → move the viewed day, and the days on screen with it.
    let (_dir, mut app) = patient_with(&[(45, &[("redness", 1)])], DAY45, 40);
    press(&mut app, &[Char('g')]);
    let shown = screen(&app);
    assert!(shown.contains("◂ Days 1–10"), "{shown}");
    assert!(axis(&shown).contains("45"), "{shown}");
    insta::assert_snapshot!("chart_cut_day_45_40x24", shown);
    press(&mut app, &[Left; 44]);
    let start = screen(&app);
    assert!(axis(&start).starts_with("\" Day 1 "), "{start}");
    assert!(!start.contains("◂ Days"), "{start}");
    assert!(start.contains("Days 36–45 ▸"), "{start}");
    insta::assert_snapshot!("chart_cut_day_1_40x24", start);
    press(&mut app, &[Right; 44]);
    assert_eq!(screen(&app), shown);
}

#[test]
fn notes_that_do_not_fit_are_counted_80x24() {
    // Notes on Days 2, 4 and 8; on Day 8 at 80x24 there is one row for them: the newest
    // shows, and the row says two earlier ones are off it and how to reach them.
    let (dir, store, _) = journal_store();
    let mut state = None;
    for (day, note) in [(21, "warm and tight"), (23, "redder"), (27, "flaky")] {
        state = Some(
            store
                .apply(&Change::CheckIn {
                    session: at(TREATMENT),
                    date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
                    patch: aftercare::store::CheckInPatch {
                        ratings: Default::default(),
                        note: Some(note.into()),
                        at: None,
                        ..Default::default()
                    },
                })
                .unwrap(),
        );
    }
    let mut app = app_at(store, state.unwrap(), DAY8, 80, 24);
    press(&mut app, &[Char('g')]);
    let shown = screen(&app);
    assert!(
        shown.contains("Day 8 note  “flaky”  +2 earlier: ← to their days"),
        "{shown}"
    );
    insta::assert_snapshot!("chart_notes_cut_80x24", shown);
    // Four days back (Day 4), the Day 4 note leads and one is left.
    press(&mut app, &[Left; 4]);
    let shown = screen(&app);
    assert!(
        shown.contains("Day 4 note  “redder”  +1 earlier"),
        "{shown}"
    );
    drop(dir);
}

#[test]
fn day_numbers_are_every_day_only_when_all_fit_120x24() {
    // 45 days at 120 columns are two cells a day: "9" fits its column, "10" does not. The
    // axis numbers the weeks (1, 8, 15, …), not Days 1–9 and then a gap to 15.
    let (_dir, mut app) = patient_with(&[(45, &[("redness", 1)])], DAY45, 120);
    press(&mut app, &[Char('g')]);
    let shown = screen(&app);
    let axis = axis(&shown);
    assert!(!axis.contains(" 2 "), "{shown}");
    assert!(
        axis.contains(" 8 ") && axis.contains(" 43 ") && axis.contains("45"),
        "{shown}"
    );
}

/// The day numbers drawn reversed on the axis row.
fn reversed_on_axis(app: &aftercare::tui::App<chrono_tz::Tz>) -> String {
    let frame = tui_harness::buffer(app);
    let width = usize::from(frame.area.width);
    let row = frame
        .content
        .chunks(width)
        .find(|row| row.iter().take(5).map(|c| c.symbol()).collect::<String>() == " Day ")
        .expect("an axis row");
    row.iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
        .map(|c| c.symbol())
        .collect()
}

#[test]
fn the_titles_and_the_axis_speak_of_the_day_moved_to_80x24() {
    // Day 4: redness 5 checked in; two days back (Day 2) nothing was rated. The title says
    // so for Day 2 (not "no ratings yet" above today's bar) and the axis marks Day 2.
    let (_dir, store, state) = tui_harness::treated_store();
    let mut app = app_at(store, state, "2026-11-23T11:00:00+01:00", 80, 24);
    press(
        &mut app,
        &[Char('c'), Char('5'), crossterm::event::KeyCode::Enter],
    );
    press(&mut app, &[Char('g')]);
    let shown = screen(&app);
    assert!(shown.contains(" Redness   Day 4: 5 · usual ~"), "{shown}");
    assert_eq!(reversed_on_axis(&app), "4");
    press(&mut app, &[Left, Left]);
    let shown = screen(&app);
    assert!(!shown.contains("no ratings yet"), "{shown}");
    assert!(
        shown.contains(" Redness   Day 2: not rated · usual ~"),
        "{shown}"
    );
    assert_eq!(reversed_on_axis(&app), "2");
    insta::assert_snapshot!("chart_day_2_before_the_only_rating_80x24", shown);
    // A day ahead says so, and names the last rating before it.
    press(&mut app, &[Right, Right, Right]);
    let shown = screen(&app);
    assert!(shown.contains(" Redness   Day 5: ahead"), "{shown}");
    assert!(shown.contains("· last Day 4: 5"), "{shown}");
    assert_eq!(reversed_on_axis(&app), "5");
}
