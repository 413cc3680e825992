//! Demo mode: the banner, the simulated clock driven through the real keys, and the promise
//! that a demo saves nothing.

mod tui_harness;

use aftercare::tui::{Screen, Storage};
use crossterm::event::KeyCode::{Char, Down, Tab};
use tui_harness::{demo, press, screen, type_text};

#[test]
fn demo_banner_80x24() {
    let app = demo(80, 24);
    let shown = screen(&app);
    assert!(shown.contains("DEMO"), "{shown}");
    insta::assert_snapshot!("demo_initial_80x24", shown);
}

#[test]
fn demo_stepped_a_day_80x24() {
    let mut app = demo(80, 24);
    type_text(&mut app, ">");
    let shown = screen(&app);
    assert!(shown.contains("Sat 21 Nov 14:00"), "{shown}");
    assert!(shown.contains("Day 2 of recovery"), "{shown}");
    insta::assert_snapshot!("demo_plus_1_day_80x24", shown);
}

/// The banner counts days as the header does: on Day 14 at 10:00 (12 d 20 h after a 14:00
/// treatment) both say Day 14 and 13 days, never "+12 d".
#[test]
fn demo_banner_counts_days_as_the_header_does_80x24() {
    let mut app = demo(80, 24);
    // Fri 20 Nov 14:00 + 12 days + 20 hours: Thu 3 Dec 10:00.
    type_text(&mut app, &">".repeat(12));
    type_text(&mut app, &".".repeat(20));
    let shown = screen(&app);
    let banner = shown.lines().next().unwrap_or_default();
    assert!(banner.contains("Thu 3 Dec 10:00"), "{shown}");
    assert!(banner.contains("Day 14"), "{shown}");
    assert!(!banner.contains("+12 d"), "{shown}");
    assert!(shown.contains("Day 14 of recovery"), "{shown}");
    insta::assert_snapshot!("demo_day14_80x24", shown);
}

#[test]
fn demo_stepped_hours_80x24() {
    let mut app = demo(80, 24);
    type_text(&mut app, ">......");
    let shown = screen(&app);
    // 14:00 + 1 day + 6 h: the cold compress has 18 h left.
    assert!(shown.contains("Sat 21 Nov 20:00"), "{shown}");
    insta::assert_snapshot!("demo_plus_30_hours_80x24", shown);
    type_text(&mut app, ",,,,,,<");
    assert!(screen(&app).contains("just treated"));
}

#[test]
fn demo_banner_160x48() {
    let app = demo(160, 48);
    insta::assert_snapshot!("demo_initial_160x48", screen(&app));
}

#[test]
fn demo_stepped_160x48() {
    let mut app = demo(160, 48);
    type_text(&mut app, ">>>...");
    let shown = screen(&app);
    assert!(shown.contains("simulated Mon 23 Nov 17:00"), "{shown}");
    insta::assert_snapshot!("demo_plus_3_days_3_hours_160x48", shown);
}

#[test]
fn stepping_before_the_treatment_shows_the_days_before() {
    let mut app = demo(80, 24);
    type_text(&mut app, "<<");
    let shown = screen(&app);
    assert!(shown.contains("2 days before treatment"), "{shown}");
    assert!(shown.contains("(-2 d)"), "{shown}");
}

#[test]
fn play_follows_today_and_pauses() {
    let mut app = demo(80, 24);
    type_text(&mut app, "p");
    assert!(app.is_playing());
    assert!(screen(&app).contains("▶ playing"));
    // Twelve frames are a day; the day shown follows.
    for _ in 0..12 {
        assert!(app.play_step());
    }
    assert!(
        screen(&app).contains("Day 2 of recovery"),
        "{}",
        screen(&app)
    );
    type_text(&mut app, "p");
    assert!(!app.is_playing());
    assert!(!app.play_step());
    assert!(screen(&app).contains("‖ paused"));
}

#[test]
fn play_runs_to_the_end_of_the_plan_and_stops() {
    // 30 rows: at 24 the plan-over page takes the row of the days bar that says so.
    let mut app = demo(80, 30);
    type_text(&mut app, "p");
    let mut frames = 0;
    while app.play_step() && app.is_playing() {
        frames += 1;
        assert!(frames < 1000, "play never stopped");
    }
    assert!(!app.is_playing());
    let shown = screen(&app);
    assert!(shown.contains("plan complete"), "{shown}");
    // Play again starts over from the treatment.
    type_text(&mut app, "p");
    assert!(screen(&app).contains("just treated"));
}

#[test]
fn demo_keys_do_nothing_outside_a_demo() {
    let (_dir, _store, mut app) = tui_harness::patient(80, 24);
    let before = screen(&app);
    type_text(&mut app, ".>p");
    assert_eq!(screen(&app), before);
    assert!(!before.contains("DEMO"));
}

#[test]
fn a_demo_keeps_its_ticks_in_memory_only() {
    let mut app = demo(80, 24);
    assert!(matches!(app.storage(), Storage::Memory));
    press(&mut app, &[Char(' '), Char('j'), Char(' ')]);
    type_text(&mut app, ">");
    press(&mut app, &[Char(' ')]);
    let shown = screen(&app);
    assert!(shown.contains("[x]"), "{shown}");
    assert!(!shown.contains("Not saved"), "{shown}");
    // The timeline and the clock keep working on the same in-memory state.
    press(&mut app, &[Tab]);
    assert_eq!(*app.screen(), Screen::Timeline);
    assert!(matches!(app.storage(), Storage::Memory));
}

/// Issue 15: an hour's step across midnight changes the day as the real clock does: the
/// next Space is held back and says why, so it never ticks the new day's task for the one
/// selected on the old (the walk-through's Day 2 evening moisturizer, 20 h early).
#[test]
fn a_step_across_midnight_holds_back_the_next_tick() {
    let mut app = demo(80, 24);
    // 14:00 → 23:00 on Day 1, the evening moisturizer selected.
    type_text(&mut app, ".........");
    for _ in 0..12 {
        if screen(&app).contains("› [ ] Moisturize") {
            break;
        }
        press(&mut app, &[Down]);
    }
    assert!(
        screen(&app).contains("› [ ] Moisturize"),
        "{}",
        screen(&app)
    );
    type_text(&mut app, ".");
    let shown = screen(&app);
    assert!(shown.contains("Day 2 of recovery"), "{shown}");
    assert!(shown.contains("A new day: now Day 2"), "{shown}");
    press(&mut app, &[Char(' ')]);
    let shown = screen(&app);
    assert!(
        shown.contains("Not ticked: it is now Sat 21 Nov"),
        "{shown}"
    );
    assert!(!shown.contains("[x]"), "{shown}");
}
