//! The keymaps of the journal: the chart and history screens, and the check-in form. Their
//! footers are built from these tables, like the checklist's from `KEYMAP`.

use super::action::is_press;
use super::hints::key_label;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Something the user asked for on the chart and history screens, which have no tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewAction {
    /// Back to the checklist.
    Back,
    Chart,
    History,
    CheckIn,
    PrevSession,
    NextSession,
    Help,
}

/// Something the user asked for in the check-in form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    PrevRow,
    NextRow,
    Less,
    More,
    Set(u8),
    Insert(char),
    Erase,
    Save,
    Cancel,
}

/// The chart's and the history's keys: (keys, action, footer word).
#[rustfmt::skip]
pub const VIEW_KEYMAP: &[(&[KeyCode], ViewAction, Option<&str>)] = &[
    (&[KeyCode::Char('g')], ViewAction::Chart, Some("chart")),
    (&[KeyCode::Char('H')], ViewAction::History, Some("history")),
    (&[KeyCode::Char('c')], ViewAction::CheckIn, Some("check in")),
    (&[KeyCode::Char('[')], ViewAction::PrevSession, Some("session")),
    (&[KeyCode::Char(']')], ViewAction::NextSession, Some("session")),
    (&[KeyCode::Char('?')], ViewAction::Help, Some("help")),
    (&[KeyCode::Esc, KeyCode::Char('q')], ViewAction::Back, Some("back")),
];

/// The check-in form's keys. On a rating row the letters and digits below rate; on the note
/// row every printable key types itself.
#[rustfmt::skip]
pub const FORM_KEYMAP: &[(KeyCode, FormAction, Option<&str>)] = &[
    (KeyCode::Up, FormAction::PrevRow, Some("move")),
    (KeyCode::Down, FormAction::NextRow, Some("move")),
    (KeyCode::BackTab, FormAction::PrevRow, None),
    (KeyCode::Tab, FormAction::NextRow, None),
    (KeyCode::Left, FormAction::Less, Some("rate")),
    (KeyCode::Right, FormAction::More, Some("rate")),
    (KeyCode::Enter, FormAction::Save, Some("save")),
    (KeyCode::Esc, FormAction::Cancel, Some("cancel")),
    (KeyCode::Backspace, FormAction::Erase, None),
];

/// Keys that rate on a rating row (and are text on the note row).
pub const RATING_KEYS: &[(char, FormAction)] = &[
    ('h', FormAction::Less),
    ('l', FormAction::More),
    ('k', FormAction::PrevRow),
    ('j', FormAction::NextRow),
];

/// What a key press means on the chart or the history.
pub fn view_action_for(key: KeyEvent) -> Option<ViewAction> {
    if !is_press(key) {
        return None;
    }
    VIEW_KEYMAP
        .iter()
        .find(|(keys, _, _)| keys.contains(&key.code))
        .map(|(_, action, _)| *action)
}

/// What a key press means in the check-in form, on a rating row or on the note row.
pub fn form_action_for(key: KeyEvent, on_note: bool) -> Option<FormAction> {
    if !is_press(key) {
        return None;
    }
    if let Some((_, action, _)) = FORM_KEYMAP.iter().find(|(code, _, _)| *code == key.code) {
        return Some(*action);
    }
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    if on_note {
        return Some(FormAction::Insert(c));
    }
    if let Some(n) = c.to_digit(10).and_then(|d| u8::try_from(d).ok()) {
        return (n <= crate::rules::MAX_RATING).then_some(FormAction::Set(n));
    }
    RATING_KEYS
        .iter()
        .find(|(k, _)| *k == c)
        .map(|(_, action)| *action)
}

/// The chart's and history's footer hints.
pub fn view_hints() -> Vec<(String, &'static str)> {
    merge_hints(
        VIEW_KEYMAP
            .iter()
            .filter_map(|(keys, _, hint)| Some((key_label(*keys.first()?), (*hint)?))),
    )
}

/// The check-in form's hints, with the digits that rate directly.
pub fn form_hints() -> Vec<(String, &'static str)> {
    let mut hints = merge_hints(
        FORM_KEYMAP
            .iter()
            .filter_map(|(code, _, hint)| Some((key_label(*code), (*hint)?))),
    );
    hints.insert(2, (format!("0–{}", crate::rules::MAX_RATING), "set"));
    hints
}

/// Neighbours with the same word share one hint: "↑↓ move".
fn merge_hints(hints: impl Iterator<Item = (String, &'static str)>) -> Vec<(String, &'static str)> {
    let mut merged: Vec<(String, &'static str)> = Vec::new();
    for (key, word) in hints {
        match merged.last_mut() {
            Some((keys, last)) if *last == word => keys.push_str(&key),
            _ => merged.push((key, word)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_rates_with_letters_and_digits_except_on_the_note() {
        let key = |c| KeyEvent::from(KeyCode::Char(c));
        assert_eq!(form_action_for(key('3'), false), Some(FormAction::Set(3)));
        assert_eq!(form_action_for(key('9'), false), None);
        assert_eq!(form_action_for(key('l'), false), Some(FormAction::More));
        assert_eq!(
            form_action_for(key('l'), true),
            Some(FormAction::Insert('l'))
        );
        assert_eq!(
            form_action_for(key('3'), true),
            Some(FormAction::Insert('3'))
        );
        assert_eq!(
            form_action_for(KeyEvent::from(KeyCode::Enter), true),
            Some(FormAction::Save)
        );
        let words: Vec<String> = form_hints()
            .iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect();
        assert_eq!(
            words,
            ["↑↓ move", "←→ rate", "0–5 set", "Enter save", "Esc cancel"]
        );
        let view: Vec<String> = view_hints()
            .iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect();
        assert_eq!(view[view.len() - 1], "Esc back");
    }
}
