//! The keys that work on every screen and in every text field. In raw mode the terminal
//! sends Ctrl-C and Ctrl-Z as keys instead of turning them into the signals a shell expects,
//! so the app honours them itself.

use crate::tui::keymap::is_ctrl;
use crossterm::event::KeyEvent;

/// Something asked for from anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Back to the shell, the terminal given back; `fg` brings the app back.
    Suspend,
}

/// Ctrl and a letter: (letter, action, the help overlay's words; `None` keeps it out).
#[rustfmt::skip]
const KEYMAP: &[(char, Action, Option<&str>)] = &[
    ('c', Action::Quit, None),
    ('z', Action::Suspend, Some("Suspend to the shell; fg brings it back")),
];

/// What a key means anywhere.
pub fn action_for(key: KeyEvent) -> Option<Action> {
    KEYMAP
        .iter()
        .find(|(c, _, _)| is_ctrl(key, *c))
        .map(|(_, action, _)| *action)
}

/// The help overlay's lines for these keys.
pub fn help_lines() -> Vec<(String, &'static str)> {
    KEYMAP
        .iter()
        .filter_map(|(c, _, help)| Some((format!("Ctrl-{}", c.to_ascii_uppercase()), (*help)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    #[test]
    fn ctrl_c_quits_and_ctrl_z_suspends() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(action_for(ctrl('c')), Some(Action::Quit));
        assert_eq!(action_for(ctrl('z')), Some(Action::Suspend));
        assert_eq!(action_for(KeyEvent::from(KeyCode::Char('z'))), None);
        assert_eq!(help_lines()[0].0, "Ctrl-Z");
    }
}
