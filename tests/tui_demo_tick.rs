//! A tick while the demo plays pauses it first, then ticks the selected task on the day
//! shown: never "Not ticked: it is now …" because the day moved on with the play.

mod tui_harness;

use tui_harness::{demo, press, screen, type_text};

#[test]
fn space_while_the_demo_plays_pauses_and_ticks_the_day_shown_80x24() {
    let mut app = demo(80, 24);
    type_text(&mut app, "p");
    // Past a few midnights: each one moved the day by itself.
    for _ in 0..40 {
        assert!(app.play_step());
    }
    assert!(app.is_playing());
    let before = screen(&app);
    let selected = before
        .lines()
        .find(|l| l.contains("› [ ]"))
        .unwrap_or_else(|| panic!("no task selected:\n{before}"))
        .to_string();
    press(&mut app, &[crossterm::event::KeyCode::Char(' ')]);
    let shown = screen(&app);
    assert!(!app.is_playing(), "{shown}");
    assert!(shown.contains("‖ paused"), "{shown}");
    assert!(!shown.contains("Not ticked"), "{shown}");
    let ticked = selected.replacen("› [ ]", "› [x]", 1);
    let title = &ticked[..ticked.find("  ").unwrap_or(ticked.len())];
    assert!(shown.contains(title), "{title}\n{shown}");
    assert!(shown.contains("Demo paused to tick"), "{shown}");
    insta::assert_snapshot!("demo_space_while_playing_pauses_and_ticks_80x24", shown);
}

fn click(app: &mut aftercare::tui::App<chrono_tz::Tz>, column: u16, row: u16) {
    use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mouse = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    aftercare::tui::handle_event(app, &Event::Mouse(mouse));
}

/// The demo playing past a few midnights, and the row of the first task not yet ticked
/// that is not the selected one.
fn playing_with_a_row_to_click() -> (aftercare::tui::App<chrono_tz::Tz>, u16, String) {
    let mut app = demo(80, 24);
    type_text(&mut app, "p");
    for _ in 0..40 {
        assert!(app.play_step());
    }
    assert!(app.is_playing());
    let before = screen(&app);
    let (row, line) = before
        .lines()
        .enumerate()
        .find(|(_, l)| l.starts_with("\"  [ ]"))
        .unwrap_or_else(|| panic!("no task to click:\n{before}"));
    // The backend quotes each row.
    (app, row as u16, line.trim_matches('"').to_string())
}

#[test]
fn a_click_that_selects_while_the_demo_plays_pauses_it_80x24() {
    let (mut app, row, line) = playing_with_a_row_to_click();
    // On the title, not the box: it selects.
    click(&mut app, 20, row);
    let shown = screen(&app);
    assert!(!app.is_playing(), "{shown}");
    assert!(shown.contains("‖ paused"), "{shown}");
    let selected = line.replacen("  [ ]", "› [ ]", 1);
    assert!(shown.contains(selected.trim_end()), "{selected}\n{shown}");
    assert!(
        shown.contains("Demo paused to select: p plays on"),
        "{shown}"
    );
    // Play stays paused: the selection stays on the row clicked.
    assert!(!app.play_step());
    insta::assert_snapshot!("demo_click_while_playing_pauses_and_selects_80x24", shown);
}

#[test]
fn a_click_on_the_box_while_the_demo_plays_pauses_and_ticks_80x24() {
    let (mut app, row, line) = playing_with_a_row_to_click();
    click(&mut app, 3, row);
    let shown = screen(&app);
    assert!(!app.is_playing(), "{shown}");
    assert!(shown.contains("‖ paused"), "{shown}");
    assert!(!shown.contains("Not ticked"), "{shown}");
    let ticked = line.replacen("  [ ]", "› [x]", 1);
    let title = &ticked[..ticked.find("  ").unwrap_or(ticked.len())];
    assert!(shown.contains(title), "{title}\n{shown}");
    assert!(shown.contains("Demo paused to tick: p plays on"), "{shown}");
    insta::assert_snapshot!("demo_click_box_while_playing_pauses_and_ticks_80x24", shown);
}
