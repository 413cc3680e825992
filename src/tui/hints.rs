//! Key hints for the footer and lines for the help overlay, built from the keymap so that
//! what the screen says about a key is always what the key does.

use super::action::{Mode, PROMPT_KEYMAP, Scope, bindings};
use crossterm::event::KeyCode;

/// How a key is written on screen.
pub fn key_label(code: KeyCode) -> String {
    match code {
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        other => other.to_string(),
    }
}

/// The footer's hints for `mode`: (keys, word). In a demo the clock's keys come first, since
/// they are what the demo is for. Neighbours with the same word merge ("↑↓ select").
pub fn footer_hints(mode: Mode) -> Vec<(String, &'static str)> {
    let demo = bindings(mode).filter(|b| b.scope == Scope::Demo);
    let rest = bindings(mode).filter(|b| b.scope != Scope::Demo);
    let hinted = demo
        .chain(rest)
        .filter_map(|b| Some((*b.keys.first()?, b.hint?)));
    merge_neighbours(hinted)
}

/// (key, word) pairs as hints, neighbours with the same word sharing one ("←→ move").
fn merge_neighbours(
    hinted: impl Iterator<Item = (KeyCode, &'static str)>,
) -> Vec<(String, &'static str)> {
    let mut hints: Vec<(String, &'static str)> = Vec::new();
    for (key, word) in hinted {
        match hints.last_mut() {
            Some((keys, last)) if *last == word => keys.push_str(&key_label(key)),
            _ => hints.push((key_label(key), word)),
        }
    }
    hints
}

/// The prompt's footer hints.
pub fn prompt_hints() -> Vec<(String, &'static str)> {
    merge_neighbours(
        PROMPT_KEYMAP
            .iter()
            .filter_map(|(code, _, hint)| Some((*code, (*hint)?))),
    )
}

/// The help overlay's lines for `mode`: (all keys, what they do).
pub fn help_lines(mode: Mode) -> Vec<(String, &'static str)> {
    bindings(mode)
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| key_label(*k)).collect();
            (keys.join(", "), b.help)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::KEYMAP;

    fn words(mode: Mode) -> Vec<String> {
        footer_hints(mode)
            .iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect()
    }

    #[test]
    fn footer_merges_neighbours_that_share_a_word() {
        let checklist = Mode::default();
        assert_eq!(
            words(checklist),
            [
                "↑↓ select",
                "Space tick",
                "Tab timeline",
                "←→ day",
                "c check in",
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
        let timeline = Mode {
            timeline: true,
            demo: false,
        };
        assert!(words(timeline).contains(&"←→ scroll".to_string()));
        assert!(words(timeline).contains(&"Tab checklist".to_string()));
    }

    #[test]
    fn demo_keys_lead_the_footer_in_a_demo_only() {
        let demo = Mode {
            timeline: false,
            demo: true,
        };
        assert_eq!(words(demo)[..2], [",.<> clock", "p play"]);
        assert!(!words(Mode::default()).iter().any(|w| w.contains("play")));
    }

    #[test]
    fn help_lists_every_key_that_works() {
        let demo = Mode {
            timeline: false,
            demo: true,
        };
        let help = help_lines(demo);
        for binding in KEYMAP.iter().filter(|b| b.scope.applies(demo)) {
            let line = help.iter().find(|(_, text)| *text == binding.help);
            let (keys, _) = line.unwrap_or_else(|| panic!("{:?} not in help", binding.action));
            for key in binding.keys {
                assert!(keys.split(", ").any(|k| k == key_label(*key)));
            }
        }
        assert!(!help_lines(Mode::default()).iter().any(|(k, _)| k == "p"));
    }
}
