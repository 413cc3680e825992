//! What the journal's terminal tests share: a patient with a week of check-ins, and the
//! test backend driven through the real event handler. Berlin time, treatment Fri 20 Nov
//! 2026 14:00.

#![allow(dead_code)] // each test binary uses a different part of this

use aftercare::rules::Rules;
use aftercare::store::{Change, CheckIn, State, Store};
use aftercare::tui::{App, handle_event};
use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Europe::Berlin;
use chrono_tz::Tz;
use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use tempfile::TempDir;

pub const TREATMENT: &str = "2026-11-20T14:00:00+01:00";
pub const DAY3: &str = "2026-11-22T09:00:00+01:00";
pub const DAY8: &str = "2026-11-27T18:00:00+01:00";

pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

pub fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

pub fn checkin(ratings: &[(&str, u8)]) -> CheckIn {
    let mut c = CheckIn::default();
    for (id, r) in ratings {
        c.ratings.insert((*id).into(), *r);
    }
    c
}

/// A treated patient with a week of check-ins: redness fading, then up to 4 on Day 8.
pub fn journal_store() -> (TempDir, Store, State) {
    let dir = TempDir::new().unwrap();
    let store = Store::new(dir.path());
    let session = at(TREATMENT);
    let mut state = store.apply(&Change::AddSession { at: session }).unwrap();
    let days: [(u32, &[(&str, u8)]); 5] = [
        (
            20,
            &[
                ("redness", 3),
                ("swelling", 2),
                ("dryness", 0),
                ("discomfort", 2),
            ],
        ),
        (
            21,
            &[
                ("redness", 2),
                ("swelling", 1),
                ("dryness", 1),
                ("discomfort", 1),
            ],
        ),
        (
            22,
            &[
                ("redness", 2),
                ("swelling", 0),
                ("dryness", 2),
                ("discomfort", 1),
            ],
        ),
        (
            24,
            &[
                ("redness", 1),
                ("swelling", 0),
                ("dryness", 3),
                ("discomfort", 0),
            ],
        ),
        (
            27,
            &[
                ("redness", 4),
                ("swelling", 0),
                ("dryness", 1),
                ("discomfort", 0),
            ],
        ),
    ];
    for (day, ratings) in days {
        let change = Change::CheckIn {
            session,
            date: date(day),
            checkin: checkin(ratings),
        };
        state = store.apply(&change).unwrap();
    }
    for (day, task) in [
        (20, "drink-water"),
        (21, "drink-water"),
        (21, "sunscreen-spf30"),
    ] {
        let change = Change::Tick {
            session,
            date: date(day),
            task: task.into(),
        };
        state = store.apply(&change).unwrap();
    }
    (dir, store, state)
}

pub fn app_at(store: Store, state: State, now: &str, width: u16, height: u16) -> App<Tz> {
    let rules = Rules::builtin().unwrap();
    App::new(
        rules,
        store,
        state,
        Berlin,
        at(now),
        Size::new(width, height),
    )
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

pub fn type_text(app: &mut App<Tz>, text: &str) {
    for c in text.chars() {
        press(app, &[KeyCode::Char(c)]);
    }
}
