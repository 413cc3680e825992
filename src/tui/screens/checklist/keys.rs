//! The checklist's keymap. Its order is the footer's: when the hints do not fit, the later
//! ones give way first, except help and quit, which always stay. Moving between days comes
//! right after ticking, and checking in early: a check-in is how a patient learns when to
//! call the clinic. At 80 columns every key up to the whole plan (Tab) stays in sight.

use crate::tui::keymap::Binding;
use crossterm::event::KeyCode::{self, Char};

/// Something the user asked for on the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    /// A page up or down: the page after the plan, which scrolls.
    PageUp,
    PageDown,
    Toggle,
    /// Every warning sign and what is normal now, with the clinic's contact.
    Signs,
    /// To the timeline, on the selected task's rule.
    Timeline,
    PrevDay,
    NextDay,
    CheckIn,
    /// The selected task's full rationale and sources.
    Why,
    /// Every thing to avoid, each with until when, whatever is selected: opens the block
    /// (its times shown, the list scrolling to make room); again folds it.
    Avoid,
    Undo,
    Chart,
    History,
    /// The before/after photos.
    Photos,
    PrevSession,
    NextSession,
    AllowEdits,
    Today,
    Help,
    /// Esc: back to today's checklist (Esc goes back everywhere; it never quits).
    Back,
    Quit,
}

#[rustfmt::skip]
pub const KEYMAP: &[Binding<Action>] = &[
    Binding { keys: &[KeyCode::Up, Char('k')], action: Action::Up, hint: Some("select"), help: "Select the task above" },
    Binding { keys: &[KeyCode::Down, Char('j')], action: Action::Down, hint: Some("select"), help: "Select the task below" },
    Binding { keys: &[KeyCode::PageUp], action: Action::PageUp, hint: None, help: "Once the plan is over: its closing page up a screenful" },
    Binding { keys: &[KeyCode::PageDown], action: Action::PageDown, hint: None, help: "Once the plan is over: its closing page down a screenful" },
    Binding { keys: &[Char(' '), KeyCode::Enter], action: Action::Toggle, hint: Some("tick"), help: "Tick or untick the selected task; open/close a folded line" },
    Binding { keys: &[KeyCode::Left, Char('h')], action: Action::PrevDay, hint: Some("day"), help: "Show the day before" },
    Binding { keys: &[KeyCode::Right, Char('l')], action: Action::NextDay, hint: Some("day"), help: "Show the day after" },
    Binding { keys: &[Char('c')], action: Action::CheckIn, hint: Some("check in"), help: "Check in: rate how your skin is today" },
    Binding { keys: &[Char('s')], action: Action::Signs, hint: Some("signs"), help: "Alerts and warning signs in full; what is normal now" },
    Binding { keys: &[KeyCode::Tab], action: Action::Timeline, hint: Some("plan"), help: "Show the whole plan as a timeline" },
    Binding { keys: &[Char('i'), Char('w')], action: Action::Why, hint: Some("why"), help: "Why this task? Its reasons and sources" },
    Binding { keys: &[Char('a')], action: Action::Avoid, hint: None, help: "Show all you should avoid and when each ends (again: fold)" },
    Binding { keys: &[Char('u')], action: Action::Undo, hint: Some("undo"), help: "Undo the last tick or untick" },
    Binding { keys: &[Char('g')], action: Action::Chart, hint: Some("chart"), help: "Chart your check-ins against the usual course" },
    Binding { keys: &[Char('H')], action: Action::History, hint: Some("history"), help: "History of your treatments side by side" },
    Binding { keys: &[Char('b')], action: Action::Photos, hint: None, help: "Before and after: your photos side by side" },
    Binding { keys: &[Char('[')], action: Action::PrevSession, hint: Some("session"), help: "Show the treatment before" },
    Binding { keys: &[Char(']')], action: Action::NextSession, hint: Some("session"), help: "Show the treatment after" },
    Binding { keys: &[Char('e')], action: Action::AllowEdits, hint: None, help: "Allow changes to an earlier treatment" },
    Binding { keys: &[Char('t')], action: Action::Today, hint: Some("today"), help: "Back to today" },
    Binding { keys: &[Char('?')], action: Action::Help, hint: Some("help"), help: "Show this help" },
    Binding { keys: &[KeyCode::Esc], action: Action::Back, hint: None, help: "Back to today's checklist" },
    Binding { keys: &[Char('q')], action: Action::Quit, hint: Some("quit"), help: "Quit" },
];

/// What clicking does on this screen, for the help overlay (the mouse has no keymap).
pub const MOUSE_HELP: (&str, &str) = ("click", "Select a task; its box or a second click ticks it");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{action_for, hints};
    use crossterm::event::KeyEvent;

    #[test]
    fn every_key_means_one_thing() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for key in a.keys {
                assert_eq!(action_for(KEYMAP, KeyEvent::from(*key)), Some(a.action));
                assert!(
                    KEYMAP[i + 1..].iter().all(|b| !b.keys.contains(key)),
                    "{key:?}"
                );
            }
        }
    }

    #[test]
    fn the_footer_names_the_keys_in_order() {
        let words: Vec<String> = hints(KEYMAP)
            .iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect();
        assert_eq!(
            words,
            [
                "↑↓ select",
                "Space tick",
                "←→ day",
                "c check in",
                "s signs",
                "Tab plan",
                "i why",
                "u undo",
                "g chart",
                "H history",
                "[] session",
                "t today",
                "? help",
                "q quit"
            ]
        );
    }
}
