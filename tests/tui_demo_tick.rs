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
