//! The keymap: which key does what. The footer's hints and the help overlay are built from
//! these same tables, so they can never disagree with what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Something the user asked for on the checklist screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Toggle,
    PrevDay,
    NextDay,
    Today,
    CheckIn,
    Undo,
    Chart,
    History,
    PrevSession,
    NextSession,
    AllowEdits,
    Help,
    Quit,
}

/// Something the user asked for on the first-run prompt. Letters are text there, so the
/// prompt has its own small keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptAction {
    Insert(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Submit,
    Quit,
}

/// One line of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [KeyCode],
    pub action: Action,
    /// The footer's word for it; bindings next to each other with the same word share a hint
    /// ("↑↓ select"). `None` keeps it out of the footer.
    pub hint: Option<&'static str>,
    /// The help overlay's sentence for it.
    pub help: &'static str,
}

/// The checklist screen's keymap.
#[rustfmt::skip]
pub const KEYMAP: &[Binding] = &[
    Binding { keys: &[KeyCode::Up, KeyCode::Char('k')], action: Action::Up, hint: Some("select"), help: "Select the task above" },
    Binding { keys: &[KeyCode::Down, KeyCode::Char('j')], action: Action::Down, hint: Some("select"), help: "Select the task below" },
    Binding { keys: &[KeyCode::Char(' '), KeyCode::Enter], action: Action::Toggle, hint: Some("tick"), help: "Tick or untick the selected task" },
    Binding { keys: &[KeyCode::Left, KeyCode::Char('h')], action: Action::PrevDay, hint: Some("day"), help: "Show the day before" },
    Binding { keys: &[KeyCode::Right, KeyCode::Char('l')], action: Action::NextDay, hint: Some("day"), help: "Show the day after" },
    Binding { keys: &[KeyCode::Char('c')], action: Action::CheckIn, hint: Some("check in"), help: "Check in: rate how your skin is today" },
    Binding { keys: &[KeyCode::Char('g')], action: Action::Chart, hint: Some("chart"), help: "Chart your check-ins against the usual course" },
    Binding { keys: &[KeyCode::Char('H')], action: Action::History, hint: Some("history"), help: "History of your treatments side by side" },
    Binding { keys: &[KeyCode::Char('u')], action: Action::Undo, hint: Some("undo"), help: "Undo the last tick or untick" },
    Binding { keys: &[KeyCode::Char('[')], action: Action::PrevSession, hint: Some("session"), help: "Show the treatment before" },
    Binding { keys: &[KeyCode::Char(']')], action: Action::NextSession, hint: Some("session"), help: "Show the treatment after" },
    Binding { keys: &[KeyCode::Char('e')], action: Action::AllowEdits, hint: None, help: "Allow changes to an earlier treatment" },
    Binding { keys: &[KeyCode::Char('t')], action: Action::Today, hint: Some("today"), help: "Back to today" },
    Binding { keys: &[KeyCode::Char('?')], action: Action::Help, hint: Some("help"), help: "Show this help" },
    Binding { keys: &[KeyCode::Char('q'), KeyCode::Esc], action: Action::Quit, hint: Some("quit"), help: "Quit (ticks are already saved)" },
];

/// The first-run prompt's named keys; any other printable key types itself.
#[rustfmt::skip]
pub const PROMPT_KEYMAP: &[(KeyCode, PromptAction, Option<&str>)] = &[
    (KeyCode::Enter, PromptAction::Submit, Some("save")),
    (KeyCode::Esc, PromptAction::Quit, Some("quit")),
    (KeyCode::Backspace, PromptAction::Backspace, Some("erase")),
    (KeyCode::Delete, PromptAction::Delete, None),
    (KeyCode::Left, PromptAction::Left, None),
    (KeyCode::Right, PromptAction::Right, None),
    (KeyCode::Home, PromptAction::Home, None),
    (KeyCode::End, PromptAction::End, None),
];

/// What a key press means on the checklist screen.
pub fn action_for(key: KeyEvent) -> Option<Action> {
    if !is_press(key) {
        return None;
    }
    KEYMAP
        .iter()
        .find(|b| b.keys.contains(&key.code))
        .map(|b| b.action)
}

/// What a key press means on the first-run prompt.
pub fn prompt_action_for(key: KeyEvent) -> Option<PromptAction> {
    if !is_press(key) {
        return None;
    }
    if let Some((_, action, _)) = PROMPT_KEYMAP.iter().find(|(code, _, _)| *code == key.code) {
        return Some(*action);
    }
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(PromptAction::Insert(c))
        }
        _ => None,
    }
}

/// Ctrl-C quits everywhere: raw mode swallows the signal, so honour it as a key.
pub fn is_interrupt(key: KeyEvent) -> bool {
    is_press(key) && key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c')
}

// Key repeats count (holding ↓ should keep moving); releases, reported by some terminals, do not.
pub(crate) fn is_press(key: KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
}

/// How a key is written on screen.
pub fn key_label(code: KeyCode) -> String {
    match code {
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        other => other.to_string(),
    }
}

/// The footer's hints, in keymap order: (keys, word). Neighbours with the same word merge.
pub fn footer_hints() -> Vec<(String, &'static str)> {
    let mut hints: Vec<(String, &'static str)> = Vec::new();
    for binding in KEYMAP {
        let (Some(word), Some(first)) = (binding.hint, binding.keys.first()) else {
            continue;
        };
        match hints.last_mut() {
            Some((keys, last)) if *last == word => keys.push_str(&key_label(*first)),
            _ => hints.push((key_label(*first), word)),
        }
    }
    hints
}

/// The prompt's footer hints.
pub fn prompt_hints() -> Vec<(String, &'static str)> {
    PROMPT_KEYMAP
        .iter()
        .filter_map(|(code, _, hint)| hint.map(|h| (key_label(*code), h)))
        .collect()
}

/// The help overlay's lines: (all keys, what they do).
pub fn help_lines() -> Vec<(String, &'static str)> {
    KEYMAP
        .iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| key_label(*k)).collect();
            (keys.join(", "), b.help)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Action; 15] = [
        Action::Up,
        Action::Down,
        Action::Toggle,
        Action::PrevDay,
        Action::NextDay,
        Action::Today,
        Action::CheckIn,
        Action::Undo,
        Action::Chart,
        Action::History,
        Action::PrevSession,
        Action::NextSession,
        Action::AllowEdits,
        Action::Help,
        Action::Quit,
    ];

    #[test]
    fn every_action_has_a_key_and_a_line_of_help() {
        let help = help_lines();
        for action in ALL {
            let binding = KEYMAP.iter().find(|b| b.action == action);
            let binding = binding.unwrap_or_else(|| panic!("{action:?} has no key"));
            assert!(
                help.iter().any(|(_, text)| *text == binding.help),
                "{action:?} not in help"
            );
            for key in binding.keys {
                let label = key_label(*key);
                assert!(
                    help.iter()
                        .any(|(keys, _)| keys.split(", ").any(|k| k == label)),
                    "{label} not in help"
                );
                assert_eq!(action_for(KeyEvent::from(*key)), Some(action));
            }
        }
    }

    #[test]
    fn footer_merges_neighbours_that_share_a_word() {
        let hints = footer_hints();
        let words: Vec<String> = hints.iter().map(|(k, w)| format!("{k} {w}")).collect();
        assert_eq!(
            words,
            [
                "↑↓ select",
                "Space tick",
                "←→ day",
                "c check in",
                "g chart",
                "H history",
                "u undo",
                "[] session",
                "t today",
                "? help",
                "q quit"
            ]
        );
    }

    #[test]
    fn letters_are_text_on_the_prompt() {
        assert_eq!(
            prompt_action_for(KeyEvent::from(KeyCode::Char('q'))),
            Some(PromptAction::Insert('q'))
        );
        assert_eq!(
            prompt_action_for(KeyEvent::from(KeyCode::Esc)),
            Some(PromptAction::Quit)
        );
        assert!(is_interrupt(KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL
        )));
    }
}
