//! The terminal checklist, drawn on a test backend and driven through the same event handler
//! the real loop uses. Berlin time, treatment Fri 20 Nov 2026 14:00, "now" Sun 22 Nov 09:00.

mod tui_harness;

use aftercare::store::{State, Store};
use aftercare::tui::{App, handle_event};
use chrono_tz::Tz;
use crossterm::event::KeyModifiers;
use crossterm::event::{Event, KeyCode, MouseButton, MouseEvent, MouseEventKind};
use tui_harness::{NOW, TREATMENT, app_at, at, press, screen, treated_store};

fn click(app: &mut App<Tz>, column: u16, row: u16) {
    let mouse = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    handle_event(app, &Event::Mouse(mouse));
}

use KeyCode::{Char, Down, Enter, Esc, Left, Right};

#[test]
fn main_day3_80x24() {
    let (_dir, store, state) = treated_store();
    let app = app_at(store, state, NOW, 80, 24);
    insta::assert_snapshot!("main_day3_80x24", screen(&app));
}

#[test]
fn main_day3_120x40() {
    let (_dir, store, state) = treated_store();
    let app = app_at(store, state, NOW, 120, 40);
    insta::assert_snapshot!("main_day3_120x40", screen(&app));
}

#[test]
fn main_day3_at_the_minimum_size() {
    let (_dir, store, state) = treated_store();
    let app = app_at(store, state, NOW, 40, 12);
    insta::assert_snapshot!("main_day3_40x12", screen(&app));
}

#[test]
fn ticks_are_saved_and_shown() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store.clone(), state, NOW, 80, 24);
    press(
        &mut app,
        &[Char(' '), Char('j'), Char('j'), Enter, Down, Char(' ')],
    );
    insta::assert_snapshot!("main_after_ticks", screen(&app));
    let saved = store.load().unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let ticked: Vec<&str> = saved.sessions[0].ticks[&date]
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(ticked.len(), 3, "{ticked:?}");
    // Unticking takes it off the disk again.
    press(&mut app, &[Char(' ')]);
    assert_eq!(store.load().unwrap().sessions[0].ticks[&date].len(), 2);
}

#[test]
fn a_click_selects_and_a_click_on_the_box_or_again_ticks() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store.clone(), state, NOW, 80, 24);
    let ticks = |store: &Store| -> usize {
        let saved = store.load().unwrap();
        saved.sessions[0].ticks.values().map(|ids| ids.len()).sum()
    };
    // Row 1 is the "To do now" heading, row 2 the first task (selected), row 3 the second.
    click(&mut app, 20, 3);
    assert_eq!(ticks(&store), 0, "a click on a title only selects");
    let shown = screen(&app);
    assert!(
        shown.contains("› [ ] Moisturize (hyaluronic acid, ceramides)"),
        "{shown}"
    );
    // The same row again ticks it.
    click(&mut app, 20, 3);
    assert_eq!(ticks(&store), 1);
    assert!(
        screen(&app).contains("› [x] Moisturize"),
        "{}",
        screen(&app)
    );
    // A click on a box ticks that task at once (columns 2–4: "[ ]").
    click(&mut app, 3, 4);
    assert_eq!(ticks(&store), 2);
    assert!(
        screen(&app).contains("› [x] Apply SPF 30+"),
        "{}",
        screen(&app)
    );
    // The click that gives the window the focus only selects, even on a box.
    handle_event(&mut app, &Event::FocusGained);
    click(&mut app, 3, 6);
    assert_eq!(ticks(&store), 2, "the focusing click ticked");
    assert!(
        screen(&app).contains("› [ ] Eat antioxidants"),
        "{}",
        screen(&app)
    );
    click(&mut app, 3, 6);
    assert_eq!(ticks(&store), 3);
}

#[test]
fn a_first_click_on_a_row_selected_by_keys_or_at_start_only_selects() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store.clone(), state, NOW, 80, 24);
    let ticks = |store: &Store| -> usize {
        let saved = store.load().unwrap();
        saved.sessions[0].ticks.values().map(|ids| ids.len()).sum()
    };
    // Row 2 is the first task, selected when the screen opens: a click there (as to give
    // the window the focus, in a terminal that does not report focus) only selects.
    click(&mut app, 20, 2);
    assert_eq!(
        ticks(&store),
        0,
        "a click on the row selected at start ticked"
    );
    // Moved onto the next row by a key: one click on it only selects too ...
    press(&mut app, &[Char('j')]);
    click(&mut app, 20, 3);
    assert_eq!(
        ticks(&store),
        0,
        "a click on the row selected by keys ticked"
    );
    // ... and the second click on it ticks it.
    click(&mut app, 20, 3);
    assert_eq!(ticks(&store), 1);
    assert!(
        screen(&app).contains("› [x] Moisturize"),
        "{}",
        screen(&app)
    );
}

#[test]
fn main_scrolled_80x24() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, NOW, 80, 24);
    press(&mut app, &[Char('j'); 14]);
    insta::assert_snapshot!("main_scrolled_80x24", screen(&app));
}

#[test]
fn help_overlay() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, NOW, 80, 24);
    press(&mut app, &[Char('?')]);
    insta::assert_snapshot!("help_overlay", screen(&app));
    // Any key closes it and does nothing else.
    press(&mut app, &[Char('q')]);
    assert!(!app.should_quit());
    assert!(!screen(&app).contains("any key closes"));
    // Esc goes back and never quits: on today's checklist it says how to quit; q quits.
    press(&mut app, &[Esc]);
    assert!(!app.should_quit());
    assert!(screen(&app).contains("This is today's checklist: q quits"));
    press(&mut app, &[Char('q')]);
    assert!(app.should_quit());
}

/// Help at 80x24 scrolls, but nothing in it is cut: scrolled to its end, every key's
/// description reads whole (long ones wrap under themselves); at 120x40 it fits unscrolled.
#[test]
fn help_overlay_end_80x24_and_whole_at_120x40() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, NOW, 80, 24);
    press(&mut app, &[Char('?')]);
    let mut seen = screen(&app);
    press(&mut app, &[KeyCode::End]);
    let end = screen(&app);
    seen.push_str(&end);
    insta::assert_snapshot!("help_overlay_end_80x24", end);
    assert!(!seen.contains('…'), "{seen}");
    for whole in [
        "Tick or untick the selected task; open/close a folded line",
        "Alerts and warning signs in full; what is normal now",
        "Select a task; its box or a second click ticks it",
    ] {
        assert!(seen.contains(whole), "{whole} cut:\n{seen}");
    }
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, NOW, 120, 40);
    press(&mut app, &[Char('?')]);
    let shown = screen(&app);
    assert!(shown.contains("any key closes"), "{shown}");
    assert!(!shown.contains("scroll"), "{shown}");
    insta::assert_snapshot!("help_overlay_120x40", shown);
}

#[test]
fn day_navigation_is_clamped_and_t_comes_back() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, NOW, 100, 30);
    press(&mut app, &[Right, Right]);
    insta::assert_snapshot!("day5_from_day3_100x30", screen(&app));
    press(&mut app, &[Char('t')]);
    assert!(screen(&app).contains("Day 3 of recovery · Sun 22 Nov"));
    press(&mut app, &[Left; 30]);
    assert!(
        screen(&app).contains("7 days before treatment · Fri 13 Nov"),
        "{}",
        screen(&app)
    );
    press(&mut app, &[Right; 100]);
    assert!(
        screen(&app).contains("Day 43 of recovery · Fri 1 Jan 2027 (in 40 days)"),
        "{}",
        screen(&app)
    );
}

#[test]
fn day_before_treatment() {
    let (_dir, store, state) = treated_store();
    let app = app_at(store, state, "2026-11-18T10:00:00+01:00", 80, 24);
    let shown = screen(&app);
    assert!(
        !shown.contains("Day -") && !shown.contains("Day 0"),
        "{shown}"
    );
    insta::assert_snapshot!("day_before_treatment", shown);
}

#[test]
fn start_prompt() {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let store = Store::new(dir.path());
    let mut app = app_at(store.clone(), State::default(), NOW, 80, 24);
    insta::assert_snapshot!("start_prompt", screen(&app));
    // A bad time is explained and the prompt stays.
    press(&mut app, &[KeyCode::Backspace, Char('x')]);
    press(&mut app, &[Enter]);
    insta::assert_snapshot!("start_prompt_bad_time", screen(&app));
    assert!(store.load().unwrap().sessions.is_empty());
    // Fixing it records the treatment and opens today's checklist.
    press(&mut app, &[KeyCode::Backspace; 8]);
    for c in "20 14:00".chars() {
        press(&mut app, &[Char(c)]);
    }
    press(&mut app, &[Enter]);
    assert_eq!(store.load().unwrap().sessions[0].at, at(TREATMENT));
    assert!(
        screen(&app).contains("Day 3 of recovery"),
        "{}",
        screen(&app)
    );
}

#[test]
fn start_prompt_esc_quits_and_letters_are_text() {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let mut app = app_at(Store::new(dir.path()), State::default(), NOW, 80, 24);
    press(&mut app, &[Char('q')]);
    assert!(!app.should_quit());
    press(&mut app, &[Esc]);
    assert!(app.should_quit());
}

#[test]
fn too_small() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, NOW, 80, 24);
    handle_event(&mut app, &Event::Resize(30, 8));
    insta::assert_snapshot!("too_small", screen(&app));
    // Keys still work and nothing panics while it is too small.
    press(&mut app, &[Char('j'), Char('?'), Right]);
    screen(&app);
}

#[test]
fn save_failed() {
    let (_dir, _, state) = treated_store();
    let file = tempfile::NamedTempFile::new().unwrap();
    // The data "directory" is a file, so nothing can be saved in it.
    let mut app = app_at(Store::new(file.path()), state, NOW, 80, 24);
    press(&mut app, &[Char(' ')]);
    let shown = screen(&app);
    assert!(shown.contains("Not saved:"), "{shown}");
    assert!(!shown.contains("[x]"), "{shown}");
    insta::assert_snapshot!(
        "save_failed",
        shown.replace(&file.path().display().to_string(), "<file>")
    );
}

#[test]
fn every_size_renders_without_panicking() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, NOW, 80, 24);
    for width in [1, 20, 39, 40, 41, 60, 99, 100, 160] {
        for height in [1, 5, 11, 12, 13, 16, 20, 24, 50] {
            handle_event(&mut app, &Event::Resize(width, height));
            press(&mut app, &[Char('j'), Char('j')]);
            screen(&app);
        }
    }
}
