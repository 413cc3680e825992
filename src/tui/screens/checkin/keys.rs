//! The check-in form's keymap. On a rating row the letters and digits rate; on the note row
//! they, and ← →, are text for the note (see `TextField`).

use crate::rules::MAX_RATING;
use crate::tui::keymap::{self, Binding, Hint};
use crossterm::event::KeyCode::{self, Char};
use crossterm::event::{KeyEvent, KeyModifiers};

/// Something the user asked of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    PrevRow,
    NextRow,
    Less,
    More,
    Set(u8),
    /// Not rated: take back a rating given by mistake.
    Clear,
    Save,
    Cancel,
}

#[rustfmt::skip]
pub const KEYMAP: &[Binding<Action>] = &[
    Binding { keys: &[KeyCode::Up, Char('k')], action: Action::PrevRow, hint: Some("move"), help: "The row above" },
    Binding { keys: &[KeyCode::Down, Char('j')], action: Action::NextRow, hint: Some("move"), help: "The row below" },
    Binding { keys: &[KeyCode::BackTab], action: Action::PrevRow, hint: None, help: "The row above" },
    Binding { keys: &[KeyCode::Tab], action: Action::NextRow, hint: None, help: "The row below" },
    Binding { keys: &[KeyCode::Left, Char('h')], action: Action::Less, hint: Some("rate"), help: "Rate lower" },
    Binding { keys: &[KeyCode::Right, Char('l')], action: Action::More, hint: Some("rate"), help: "Rate higher" },
    Binding { keys: &[Char('-'), KeyCode::Backspace, KeyCode::Delete], action: Action::Clear, hint: None, help: "Not rated (take back a rating)" },
    Binding { keys: &[KeyCode::Enter], action: Action::Save, hint: Some("save"), help: "Save the check-in" },
    Binding { keys: &[KeyCode::Esc], action: Action::Cancel, hint: Some("cancel"), help: "Close without saving" },
];

/// What a key means in the form, on a rating row or on the note row (`None`: on the note,
/// the key is the note's).
pub fn action_for(key: KeyEvent, on_note: bool) -> Option<Action> {
    let is_text = matches!(
        key.code,
        Char(_) | KeyCode::Left | KeyCode::Right | KeyCode::Backspace | KeyCode::Delete
    );
    if on_note && is_text {
        return None;
    }
    if let Char(c) = key.code
        && let Some(n) = c.to_digit(10).and_then(|d| u8::try_from(d).ok())
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return (n <= MAX_RATING).then_some(Action::Set(n));
    }
    keymap::action_for(KEYMAP, key)
}

/// The footer's hints, with the digits that rate directly after the arrows. A digit also
/// moves to the next row, and says so: a patient who typed 3, pressed ↓ and typed 4 rated
/// the row after the one meant (walk-through).
pub fn hints() -> Vec<Hint> {
    let mut hints = keymap::hints(KEYMAP);
    hints.insert(2, (format!("0–{MAX_RATING}"), "rate & next row"));
    hints
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_digits_rate_except_on_the_note() {
        let key = |c| KeyEvent::from(Char(c));
        assert_eq!(action_for(key('3'), false), Some(Action::Set(3)));
        assert_eq!(action_for(key('9'), false), None);
        assert_eq!(action_for(key('l'), false), Some(Action::More));
        assert_eq!(action_for(key('l'), true), None);
        assert_eq!(action_for(key('3'), true), None);
        assert_eq!(action_for(KeyEvent::from(KeyCode::Left), true), None);
        assert_eq!(action_for(key('-'), false), Some(Action::Clear));
        assert_eq!(
            action_for(KeyEvent::from(KeyCode::Backspace), false),
            Some(Action::Clear)
        );
        // On the note, Backspace and '-' are the note's.
        assert_eq!(action_for(KeyEvent::from(KeyCode::Backspace), true), None);
        assert_eq!(action_for(key('-'), true), None);
        assert_eq!(
            action_for(KeyEvent::from(KeyCode::Enter), true),
            Some(Action::Save)
        );
        let words: Vec<String> = hints().iter().map(|(k, w)| format!("{k} {w}")).collect();
        assert_eq!(
            words,
            [
                "↑↓ move",
                "←→ rate",
                "0–5 rate & next row",
                "Enter save",
                "Esc cancel"
            ]
        );
    }
}
