//! The real app follows the machine's time zone through chrono's `Local`, which reads the
//! zone again (the TZ variable, or /etc/localtime's modification time) at most once a
//! second. This binary has this one test, since it changes TZ for the whole process.

mod tui_harness;

use aftercare::rules::Rules;
use aftercare::tui::{App, handle_event};
use chrono::{DateTime, Local};
use crossterm::event::KeyCode::Char;
use crossterm::event::{Event, KeyEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use std::time::Duration;

fn screen(app: &App<Local>) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    terminal.backend().to_string()
}

/// The instant, as the system clock reading (`Clock::System`) would give it: in the zone
/// `Local` has now.
fn reading(instant: &str) -> DateTime<chrono::FixedOffset> {
    let at = DateTime::parse_from_rfc3339(instant).unwrap();
    at.with_timezone(&Local).fixed_offset()
}

#[test]
fn the_system_zone_changed_under_the_running_app_moves_today() {
    // SAFETY: this test binary runs this one test; nothing else reads the environment.
    unsafe { std::env::set_var("TZ", "Europe/Berlin") };
    let (_dir, store, state) = tui_harness::treated_store();
    // Monday 00:30 in Berlin: Day 4.
    let now = reading("2026-11-23T00:30:00+01:00");
    assert_eq!(now.offset().local_minus_utc(), 3600);
    let mut app = App::new(
        Rules::builtin().unwrap(),
        store.clone(),
        state,
        Local,
        now,
        Size::new(80, 24),
    );
    assert!(screen(&app).contains("Day 4 of recovery · Mon 23 Nov"));
    // The machine moves to New York. chrono looks at TZ again after a second.
    unsafe { std::env::set_var("TZ", "America/New_York") };
    std::thread::sleep(Duration::from_millis(1100));
    let now = reading("2026-11-23T00:31:00+01:00");
    assert_eq!(now.offset().local_minus_utc(), -5 * 3600);
    // The minute's reading of the clock, as the loop makes it.
    assert!(app.set_now(now));
    let shown = screen(&app);
    assert!(shown.contains("Day 3 of recovery · Sun 22 Nov"), "{shown}");
    assert!(!shown.contains("tomorrow"), "{shown}");
    assert!(
        shown.contains("The time zone changed (UTC-05:00)"),
        "{shown}"
    );
    // Space is held back once, then ticks Sunday's task, never Monday's.
    for _ in 0..2 {
        let space = Event::Key(KeyEvent::from(Char(' ')));
        handle_event(&mut app, &space);
    }
    let saved = store.load().unwrap();
    let dates: Vec<String> = saved.sessions[0]
        .ticks
        .keys()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(dates, ["2026-11-22"], "{}", screen(&app));
}
