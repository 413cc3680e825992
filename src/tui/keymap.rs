//! What every screen's keymap is made of: a table of bindings, key → action, that is also
//! where the footer's hints and the help overlay's lines come from, so what the screen says
//! about a key is always what the key does.
//!
//! Each screen has its own table and its own `Action` type (see `screens/*/keys.rs`); this
//! module only knows how to read one.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// One line of a keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A> {
    pub keys: &'static [KeyCode],
    pub action: A,
    /// The footer's word for it; bindings next to each other with the same word share a hint
    /// ("↑↓ select"). `None` keeps it out of the footer.
    pub hint: Option<&'static str>,
    /// The help overlay's sentence for it.
    pub help: &'static str,
}

/// A footer hint: the keys as written on screen, and the word for what they do.
pub type Hint = (String, &'static str);

/// What a key press means in `table`: the first binding with the key wins. Releases (which
/// some terminals report) and keys held with Ctrl or Alt mean nothing here; Shift is how a
/// capital letter is typed, so it counts as the letter.
pub fn action_for<A: Copy>(table: &[Binding<A>], key: KeyEvent) -> Option<A> {
    if !is_press(key)
        || key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    table
        .iter()
        .find(|b| b.keys.contains(&key.code))
        .map(|b| b.action)
}

/// Key repeats count (holding ↓ keeps moving); releases do not.
pub fn is_press(key: KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
}

/// Whether `key` is Ctrl and the letter `c`.
pub fn is_ctrl(key: KeyEvent, c: char) -> bool {
    is_press(key) && key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

/// The footer's hints for `table`, in its order, neighbours with the same word merged.
pub fn hints<A>(table: &[Binding<A>]) -> Vec<Hint> {
    hints_where(table, |_| true)
}

/// The footer's hints for the bindings of `table` whose action `does_something` now: a
/// key that would do nothing on the screen as it is is not offered.
pub fn hints_where<A>(table: &[Binding<A>], does_something: impl Fn(&A) -> bool) -> Vec<Hint> {
    merge(
        table
            .iter()
            .filter(|b| does_something(&b.action))
            .filter_map(|b| Some((key_label(*b.keys.first()?), b.hint?))),
    )
}

/// (key, word) pairs as hints, neighbours with the same word sharing one ("←→ move").
pub fn merge(hinted: impl Iterator<Item = Hint>) -> Vec<Hint> {
    let mut hints: Vec<Hint> = Vec::new();
    for (key, word) in hinted {
        match hints.last_mut() {
            Some((keys, last)) if *last == word => keys.push_str(&key),
            _ => hints.push((key, word)),
        }
    }
    hints
}

/// The help overlay's lines for `table`: (every key of a binding, what it does).
pub fn help_lines<A>(table: &[Binding<A>]) -> Vec<(String, &'static str)> {
    table
        .iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| key_label(*k)).collect();
            (keys.join(", "), b.help)
        })
        .collect()
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
        KeyCode::Tab => "Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Act {
        Up,
        Down,
        Quit,
    }

    #[rustfmt::skip]
    const TABLE: &[Binding<Act>] = &[
        Binding { keys: &[KeyCode::Up, KeyCode::Char('k')], action: Act::Up, hint: Some("move"), help: "Up" },
        Binding { keys: &[KeyCode::Down], action: Act::Down, hint: Some("move"), help: "Down" },
        Binding { keys: &[KeyCode::Char('q'), KeyCode::Esc], action: Act::Quit, hint: Some("quit"), help: "Quit" },
    ];

    #[test]
    fn keys_map_to_actions_without_ctrl_or_alt() {
        assert_eq!(
            action_for(TABLE, KeyEvent::from(KeyCode::Char('k'))),
            Some(Act::Up)
        );
        let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(action_for(TABLE, ctrl_q), None);
        let released =
            KeyEvent::new_with_kind(KeyCode::Esc, KeyModifiers::NONE, KeyEventKind::Release);
        assert_eq!(action_for(TABLE, released), None);
        assert!(is_ctrl(
            KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL),
            'z'
        ));
    }

    #[test]
    fn hints_merge_neighbours_and_help_lists_every_key() {
        let words: Vec<String> = hints(TABLE)
            .iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect();
        assert_eq!(words, ["↑↓ move", "q quit"]);
        assert_eq!(help_lines(TABLE)[2], ("q, Esc".to_string(), "Quit"));
    }
}
