//! The before/after screen's keymap.

use crate::tui::keymap::Binding;
use crossterm::event::KeyCode::{self, Char};

/// Something the user asked for on the before/after screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The "after" photo: an earlier one ...
    Earlier,
    /// ... or a later one.
    Later,
    Help,
    /// Back to the checklist.
    Back,
}

#[rustfmt::skip]
pub const KEYMAP: &[Binding<Action>] = &[
    Binding { keys: &[KeyCode::Left, Char('h')], action: Action::Earlier, hint: Some("after day"), help: "Compare with an earlier day's photo" },
    Binding { keys: &[KeyCode::Right, Char('l')], action: Action::Later, hint: Some("after day"), help: "Compare with a later day's photo" },
    Binding { keys: &[Char('?')], action: Action::Help, hint: Some("help"), help: "Show this help" },
    Binding { keys: &[KeyCode::Esc, Char('q'), Char('b')], action: Action::Back, hint: Some("back"), help: "Back to the checklist" },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::hints;

    #[test]
    fn the_footer_names_the_keys_in_order() {
        let words: Vec<String> = hints(KEYMAP)
            .iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect();
        assert_eq!(words, ["←→ after day", "? help", "Esc back"]);
    }
}
