//! The timeline's keymap, in the footer's order.

use crate::tui::keymap::Binding;
use crossterm::event::KeyCode::{self, Char};

/// Something the user asked for on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    /// A screenful of rows up or down, and the first or last row.
    PageUp,
    PageDown,
    First,
    Last,
    /// Back to the day's checklist.
    Checklist,
    /// Show earlier or later days.
    ScrollLeft,
    ScrollRight,
    Why,
    Chart,
    History,
    Today,
    Help,
}

#[rustfmt::skip]
pub const KEYMAP: &[Binding<Action>] = &[
    Binding { keys: &[KeyCode::Up, Char('k')], action: Action::Up, hint: Some("select"), help: "Select the row above" },
    Binding { keys: &[KeyCode::Down, Char('j')], action: Action::Down, hint: Some("select"), help: "Select the row below" },
    Binding { keys: &[KeyCode::PageUp], action: Action::PageUp, hint: None, help: "A screenful of rows up" },
    Binding { keys: &[KeyCode::PageDown], action: Action::PageDown, hint: None, help: "A screenful of rows down" },
    Binding { keys: &[KeyCode::Home], action: Action::First, hint: None, help: "Select the first row" },
    Binding { keys: &[KeyCode::End], action: Action::Last, hint: None, help: "Select the last row" },
    Binding { keys: &[KeyCode::Left, Char('h')], action: Action::ScrollLeft, hint: Some("scroll"), help: "Show earlier days" },
    Binding { keys: &[KeyCode::Right, Char('l')], action: Action::ScrollRight, hint: Some("scroll"), help: "Show later days" },
    Binding { keys: &[Char('i'), Char('w')], action: Action::Why, hint: Some("why"), help: "Why this row? Its reasons and sources" },
    Binding { keys: &[Char('g')], action: Action::Chart, hint: Some("chart"), help: "Chart your check-ins against the usual course" },
    Binding { keys: &[Char('H')], action: Action::History, hint: Some("history"), help: "History of your treatments side by side" },
    Binding { keys: &[Char('t')], action: Action::Today, hint: Some("today"), help: "Back to today" },
    Binding { keys: &[Char('?')], action: Action::Help, hint: Some("help"), help: "Show this help" },
    // Esc goes back, as on every screen; Tab (which opened it) and q too: q quits only from
    // the checklist.
    Binding { keys: &[KeyCode::Esc, KeyCode::Tab, Char('q')], action: Action::Checklist, hint: Some("back"), help: "Back to the day's checklist" },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{action_for, hints};
    use crossterm::event::KeyEvent;

    #[test]
    fn every_key_means_one_thing_and_the_footer_names_them() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for key in a.keys {
                assert_eq!(action_for(KEYMAP, KeyEvent::from(*key)), Some(a.action));
                assert!(
                    KEYMAP[i + 1..].iter().all(|b| !b.keys.contains(key)),
                    "{key:?}"
                );
            }
        }
        let words: Vec<String> = hints(KEYMAP)
            .iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect();
        assert_eq!(words[..2], ["↑↓ select", "←→ scroll"]);
        assert_eq!(words[words.len() - 2..], ["? help", "Esc back"]);
    }
}
