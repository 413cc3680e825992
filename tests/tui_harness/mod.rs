//! What the terminal tests share: an app in Berlin time on a test backend, driven through the
//! same event handler the real loop uses; a patient, a demo, a patient with check-ins.
//! Treatment Fri 20 Nov 2026 14:00.

#![allow(dead_code)] // each test binary uses a different part of this

use aftercare::rules::Rules;
use aftercare::store::{Change, State, Store};
use aftercare::tui::{App, handle_event};
use chrono::{DateTime, FixedOffset};
use chrono_tz::Europe::Berlin;
use chrono_tz::Tz;
use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;
use tempfile::TempDir;

pub const TREATMENT: &str = "2026-11-20T14:00:00+01:00";
/// Day 3 of a treatment at TREATMENT.
pub const NOW: &str = "2026-11-22T09:00:00+01:00";
/// The journal tests' name for the same moment.
pub const DAY3: &str = NOW;

mod journal;
#[allow(unused_imports)] // only the journal's test binaries use these
pub use journal::{DAY8, checkin, checkin_rated_at, date, journal_store, patch};

pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A store in a fresh temporary directory with one treatment recorded.
pub fn treated_store() -> (TempDir, Store, State) {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let store = Store::new(dir.path());
    let state = store
        .apply(&Change::AddSession { at: at(TREATMENT) })
        .unwrap();
    (dir, store, state)
}

pub fn app_with(rules: Rules, store: Store, state: State, now: &str, size: (u16, u16)) -> App<Tz> {
    App::new(
        rules,
        store,
        state,
        Berlin,
        at(now),
        Size::new(size.0, size.1),
    )
}

pub fn app_at(store: Store, state: State, now: &str, width: u16, height: u16) -> App<Tz> {
    app_with(
        Rules::builtin().unwrap(),
        store,
        state,
        now,
        (width, height),
    )
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
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
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

/// The app drawn at its own size.
pub fn buffer(app: &App<Tz>) -> Buffer {
    let size = app.size();
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    terminal.backend().buffer().clone()
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

pub fn resize(app: &mut App<Tz>, width: u16, height: u16) {
    handle_event(app, &Event::Resize(width, height));
}

/// The hostile rules fixture: escape sequences, very long titles, wide characters.
pub fn hostile_rules() -> Rules {
    let text = std::fs::read_to_string("tests/fixtures/plans/hostile.json").unwrap();
    Rules::parse(&text, "hostile.json").unwrap()
}

/// Types each character as a key.
pub fn type_text(app: &mut App<Tz>, text: &str) {
    for c in text.chars() {
        press(app, &[KeyCode::Char(c)]);
    }
}
