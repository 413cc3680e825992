//! A day other than today, viewed: what is today's stays today's (its count in the header's
//! "Today …" words, its check-in alerts), the viewed day's count is labelled with that day's
//! date, and every time on the day's view is worded from the day shown.

mod tui_harness;

use crossterm::event::KeyCode::{Char, Down, Enter, Left, Up};
use tui_harness::{app_at, press, screen, treated_store};

/// The header's second row.
fn summary(shown: &str) -> String {
    let row = shown.lines().nth(1).unwrap_or_default();
    row.trim_matches('"').trim_end().to_string()
}

#[test]
fn looking_back_the_header_gives_todays_count_as_todays_and_the_viewed_days_by_its_date() {
    // Treated Fri 20 Nov 14:00; now just after midnight on Sun 22 Nov (Day 3).
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-22T00:05:00+01:00", 80, 24);
    let today = summary(&screen(&app));
    assert!(today.ends_with("0/7 done today"), "{today}");
    // A task of yesterday ticked: yesterday's count, not today's.
    press(&mut app, &[Left]);
    press(&mut app, &[Up; 12]);
    press(&mut app, &[Char(' ')]);
    let shown = screen(&app);
    let row = summary(&shown);
    assert!(
        row.starts_with(" Today Sun 22 Nov: 0/7 done · treated 2 days ago"),
        "{row}"
    );
    assert!(row.ends_with("Sat 21 Nov: 1/7 done"), "{row}");
    insta::assert_snapshot!("looking_back_header_counts_80x24", shown);
}

#[test]
fn looking_back_from_after_the_plan_keeps_todays_check_in_alert() {
    // Day 60, after the plan: a check-in rating redness 5, then ← to the plan's last day.
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2027-01-18T10:05:00+01:00", 80, 24);
    press(&mut app, &[Char('c'), Char('5'), Enter]);
    assert!(screen(&app).contains(" Check-in alert"), "{}", screen(&app));
    press(&mut app, &[Left]);
    let shown = screen(&app);
    assert!(shown.lines().next().unwrap().contains("Day 43"), "{shown}");
    // The box says its alerts are today's, not Day 43's.
    assert!(shown.contains("Today's check-in alert"), "{shown}");
    insta::assert_snapshot!("looking_back_after_the_plan_alert_80x24", shown);
}

/// The rows of `shown` that hold `words`, trimmed.
fn rows_with<'a>(shown: &'a str, words: &str) -> Vec<&'a str> {
    shown
        .lines()
        .filter(|l| l.contains(words))
        .map(|l| l.trim_matches('"').trim())
        .collect()
}

#[test]
fn looking_back_the_days_times_are_read_from_the_day_shown() {
    // Sun 22 Nov 00:05 (Day 3), looking at Sat 21 Nov: makeup is off until Sunday 14:00,
    // which on Saturday's view is "Sun 14:00", not "14:00" (Saturday's).
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-22T00:05:00+01:00", 120, 40);
    press(&mut app, &[Left]);
    let shown = screen(&app);
    let makeup = rows_with(&shown, "No makeup");
    assert!(makeup[0].starts_with("until Sun 14:00"), "{shown}");
    let compress = rows_with(&shown, "Cold compress");
    assert!(
        compress[0].contains("as needed · until Sun 14:00"),
        "{shown}"
    );
    assert!(!shown.contains("until 14:00"), "{shown}");
    insta::assert_snapshot!("looking_back_times_from_the_day_shown_120x40", shown);
}

#[test]
fn the_day_before_the_treatment_reads_its_ends_from_that_day() {
    // Fri 20 Nov 15:00 (Day 1), ← to Thu 19 Nov: exfoliating is off until Friday 14:00.
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-20T15:00:00+01:00", 80, 24);
    press(&mut app, &[Left]);
    let shown = screen(&app);
    let exfoliating = rows_with(&shown, "No exfoliants");
    assert!(exfoliating[0].starts_with("until Fri 14:00"), "{shown}");
    insta::assert_snapshot!("day_before_treatment_ends_read_from_it_80x24", shown);
}

/// A day looked back on whose own check-in set off an alert, with none today: the box says
/// the alert is that day's ("Day 9 check-in alert", "Day 9: Redness still strong …"), never
/// today's.
#[test]
fn a_looked_back_days_own_alert_is_named_by_its_day_80x24() {
    let (_dir, store, state) = treated_store();
    // Mon 30 Nov is Day 11; Day 9 is Sat 28 Nov.
    let mut app = app_at(store, state, "2026-11-30T10:00:00+01:00", 80, 24);
    press(&mut app, &[Left, Left, Char('c'), Char('4'), Enter]);
    let shown = screen(&app);
    assert!(shown.lines().next().unwrap().contains("Day 9"), "{shown}");
    assert!(shown.contains(" Day 9 check-in alert: "), "{shown}");
    assert!(shown.contains("Day 9: Redness still strong"), "{shown}");
    assert!(!shown.contains("Today's check-in alert"), "{shown}");
}

#[test]
fn a_long_past_day_keeps_its_heading_over_the_rows_scrolled_under_it_80x24() {
    // Day 8 (Fri 27 Nov), looking back six days to Day 2: eleven tasks, more than fit.
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-27T12:00:00+01:00", 80, 24);
    press(&mut app, &[Left; 6]);
    let top = screen(&app);
    assert!(top.contains("Day 2 of recovery"), "{top}");
    assert!(top.contains("↓ 2 more below"), "{top}");
    // Down to the last task: the list scrolls, its heading stays on its first line.
    press(&mut app, &[Down; 12]);
    let shown = screen(&app);
    let lines: Vec<&str> = shown.lines().collect();
    assert!(
        lines[2].starts_with("\" To do 0/7 done · 3 as needed ─"),
        "{shown}"
    );
    assert!(shown.contains("↑ 2 more above"), "{shown}");
    assert!(shown.contains("Cold compress if red or swollen"), "{shown}");
    insta::assert_snapshot!("past_day2_scrolled_keeps_its_heading_80x24", shown);
    // A click on the line under the pinned heading picks the row drawn there.
    let mouse = crossterm::event::MouseEvent {
        kind: crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left),
        column: 20,
        row: 3,
        modifiers: crossterm::event::KeyModifiers::NONE,
    };
    aftercare::tui::handle_event(&mut app, &crossterm::event::Event::Mouse(mouse));
    let clicked = screen(&app);
    assert!(
        clicked.contains("› [ ] Apply SPF 30+ sunscreen"),
        "{clicked}"
    );
    assert!(clicked.contains(" To do 0/7 done"), "{clicked}");
    // Back up to the first task: nothing above, the heading still once.
    press(&mut app, &[Up; 20]);
    let shown = screen(&app);
    assert_eq!(shown.matches(" To do ").count(), 1, "{shown}");
    assert!(shown.contains("↓ 2 more below"), "{shown}");
}
