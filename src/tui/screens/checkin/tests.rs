use super::*;
use crate::store::State;
use crate::tui::storage::Storage;
use chrono::DateTime;
use chrono_tz::Europe::Berlin;
use crossterm::event::KeyCode;
use ratatui::layout::Size;

/// A demo-like context in memory, Day 3 of a treatment on Fri 20 Nov 14:00.
fn context() -> Context<chrono_tz::Tz> {
    let treated = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-22T09:00:00+01:00").unwrap();
    let state = Storage::Memory
        .apply(&State::default(), &Change::AddSession { at: treated })
        .unwrap();
    let rules = Rules::builtin().unwrap();
    Context::new(
        rules,
        Storage::Memory,
        state,
        Berlin,
        now,
        Size::new(80, 24),
    )
}

#[test]
fn digits_rate_and_move_on_and_the_note_takes_text() {
    let mut ctx = context();
    let mut old = CheckIn::default();
    old.ratings.insert("swelling".into(), 3);
    old.ratings.insert("gone-from-plan".into(), 1);
    let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut form = CheckInForm::new(&ctx.rules, 3, date, Some(&old));
    assert_eq!(form.ratings[1], ("swelling".into(), 3));
    for action in [Action::Set(2), Action::Less, Action::NextRow] {
        form.update(&mut ctx, action);
    }
    for action in [
        Action::More,
        Action::More,
        Action::More,
        Action::NextRow,
        Action::NextRow,
    ] {
        form.update(&mut ctx, action);
    }
    assert!(form.on_note());
    for c in "ok!".chars() {
        form.handle_key(&mut ctx, KeyEvent::from(KeyCode::Char(c)));
    }
    form.handle_key(&mut ctx, KeyEvent::from(KeyCode::Backspace));
    let saved = form.to_checkin();
    let get = |id: &str| saved.ratings.get(id).copied();
    assert_eq!(
        (
            get("redness"),
            get("swelling"),
            get("dryness"),
            get("gone-from-plan")
        ),
        (Some(2), Some(2), Some(3), Some(1))
    );
    assert_eq!(saved.note, "ok");
    // Up from the first row wraps to the note; 5 is the ceiling.
    form.row = 0;
    form.update(&mut ctx, Action::PrevRow);
    assert!(form.on_note());
    form.row = 0;
    for _ in 0..9 {
        form.update(&mut ctx, Action::More);
    }
    assert_eq!(form.ratings[0].1, MAX_RATING);
}

#[test]
fn a_paste_goes_to_the_note_only() {
    let mut ctx = context();
    let mut form = CheckInForm::open(&mut ctx).unwrap();
    assert!(!form.paste("itchy\n  q"));
    assert_eq!(form.to_checkin().note, "");
    form.row = form.ratings.len();
    assert!(form.paste("itchy\n  q"));
    assert_eq!(form.note.value(), "itchy   q");
    assert_eq!(form.update(&mut ctx, Action::Save), Effect::Close);
    let saved = &ctx.session().unwrap().checkins[&form.date];
    assert_eq!(saved.note, "itchy   q");
}
