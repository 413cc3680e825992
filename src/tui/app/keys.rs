//! The keys that work on every screen and in every text field, and the help overlay that
//! lists the keys of the screen that is up. In raw mode the terminal sends Ctrl-C and Ctrl-Z
//! as keys instead of turning them into the signals a shell expects, so the app honours them
//! itself.

use super::App;
use crate::tui::demo;
use crate::tui::keymap::{help_lines as table_help_lines, is_ctrl};
use crate::tui::screens::help::{ABOUT_DEMO, ABOUT_TICKS, HelpPopup};
use crate::tui::screens::{Screen, chart, checklist, history, photos, timeline, welcome};
use chrono::TimeZone;
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

impl<Tz: TimeZone> App<Tz> {
    /// The help for the screen that is up: its keymap, the demo clock's keys in a demo, the
    /// keys that work everywhere, and the mouse where it does something.
    pub(super) fn help(&self) -> HelpPopup {
        let mut keys = match self.screen {
            Screen::Checklist => table_help_lines(checklist::keys::KEYMAP),
            Screen::Timeline => table_help_lines(timeline::keys::KEYMAP),
            Screen::Chart => table_help_lines(chart::KEYMAP),
            Screen::History => table_help_lines(history::KEYMAP),
            Screen::Welcome => table_help_lines(welcome::KEYMAP),
            Screen::Photos => table_help_lines(photos::KEYMAP),
        };
        let has_clock = matches!(self.screen, Screen::Checklist | Screen::Timeline);
        if self.is_demo() && has_clock {
            // Before help, back and quit, which end every keymap.
            let help = keys.iter().position(|(k, _)| k == "?");
            let at = help.unwrap_or(keys.len());
            keys.splice(at..at, table_help_lines(demo::KEYMAP));
        }
        keys.extend(help_lines());
        if self.screen == Screen::Checklist {
            let (mouse, what) = checklist::keys::MOUSE_HELP;
            keys.push((mouse.to_string(), what));
        }
        let about = if self.is_demo() {
            ABOUT_DEMO
        } else {
            ABOUT_TICKS
        };
        let help = HelpPopup::new(keys, about);
        match (&self.ctx.rules.photo_guidance, self.screen) {
            (Some(guidance), Screen::Photos) => help.with_note(format!(
                "{} ({})",
                guidance.text,
                guidance.basis(&self.ctx.rules)
            )),
            _ => help,
        }
    }
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
