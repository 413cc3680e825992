//! Helpers for the terminal tests: an app on a test backend, driven by the real key handler.
//! Berlin time; the treatment is Fri 20 Nov 2026 14:00.

#![allow(dead_code)]

use aftercare::rules::Rules;
use aftercare::store::{Change, State, Store};
use aftercare::tui::{App, handle_event};
use chrono::{DateTime, FixedOffset};
use chrono_tz::Europe::Berlin;
use chrono_tz::Tz;
use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use tempfile::TempDir;

pub const TREATMENT: &str = "2026-11-20T14:00:00+01:00";
/// Day 3, 09:00.
pub const NOW: &str = "2026-11-22T09:00:00+01:00";

pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A demo whose treatment is "just now", at 14:00 on Fri 20 Nov.
pub fn demo(width: u16, height: u16) -> App<Tz> {
    App::demo(
        Rules::builtin().unwrap(),
        Berlin,
        at(TREATMENT),
        Size::new(width, height),
    )
}

/// A patient's app on Day 3, with the treatment saved in a temporary directory.
pub fn patient(width: u16, height: u16) -> (TempDir, Store, App<Tz>) {
    let dir = TempDir::new().unwrap();
    let store = Store::new(dir.path());
    let state: State = store
        .apply(&Change::AddSession { at: at(TREATMENT) })
        .unwrap();
    let app = App::new(
        Rules::builtin().unwrap(),
        store.clone(),
        state,
        Berlin,
        at(NOW),
        Size::new(width, height),
    );
    (dir, store, app)
}

pub fn screen(app: &App<Tz>) -> String {
    let size = app.size();
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    terminal.backend().to_string()
}

pub fn press(app: &mut App<Tz>, codes: &[KeyCode]) {
    for code in codes {
        handle_event(app, &Event::Key(KeyEvent::from(*code)));
    }
}

/// Types each character as a key.
pub fn keys(app: &mut App<Tz>, text: &str) {
    for c in text.chars() {
        press(app, &[KeyCode::Char(c)]);
    }
}

pub fn resize(app: &mut App<Tz>, width: u16, height: u16) {
    handle_event(app, &Event::Resize(width, height));
}
