//! A one-line text field: the welcome prompt's treatment time and the check-in's note.
//!
//! tui-input does the editing, a grapheme at a time (Backspace after 🇩🇪 takes the whole
//! flag, not half of it); this file is the field's keymap, the keys a shell's line editor
//! has, what a paste becomes (one line of text, never keys), and how the field is drawn with
//! its cursor kept in view.

use super::keymap::{Hint, is_press};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui::text::Span;
use tui_input::{Input, InputRequest};

/// What a key does to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    Input(InputRequest),
    /// Ctrl-W as in a shell: back over spaces, then over the word before them (tui-input's
    /// own word edges stop at punctuation, so "09:00" would take two presses).
    RuboutWord,
}

use Edit::Input as Req;
use InputRequest::*;
const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// The field's keys, as in bash's line editor. Any other printable key types itself.
#[rustfmt::skip]
const KEYMAP: &[(KeyCode, KeyModifiers, Edit)] = &[
    (KeyCode::Backspace, NONE, Req(DeletePrevChar)),
    (KeyCode::Char('h'), CTRL, Req(DeletePrevChar)),
    (KeyCode::Delete, NONE, Req(DeleteNextChar)),
    (KeyCode::Left, NONE, Req(GoToPrevChar)),
    (KeyCode::Char('b'), CTRL, Req(GoToPrevChar)),
    (KeyCode::Right, NONE, Req(GoToNextChar)),
    (KeyCode::Char('f'), CTRL, Req(GoToNextChar)),
    (KeyCode::Left, CTRL, Req(GoToPrevWord)),
    (KeyCode::Right, CTRL, Req(GoToNextWord)),
    (KeyCode::Home, NONE, Req(GoToStart)),
    (KeyCode::Char('a'), CTRL, Req(GoToStart)),
    (KeyCode::End, NONE, Req(GoToEnd)),
    (KeyCode::Char('e'), CTRL, Req(GoToEnd)),
    (KeyCode::Char('u'), CTRL, Req(DeleteFromStart)),
    (KeyCode::Char('k'), CTRL, Req(DeleteTillEnd)),
    (KeyCode::Char('w'), CTRL, Edit::RuboutWord),
    (KeyCode::Backspace, KeyModifiers::ALT, Req(DeletePrevWord)),
];

/// The text and its cursor, holding at most `max_chars` characters.
#[derive(Debug, Clone)]
pub struct TextField {
    input: Input,
    max_chars: usize,
}

impl TextField {
    /// A field holding `text` (cut to `max_chars`), with the cursor at its end.
    pub fn new(text: &str, max_chars: usize) -> Self {
        let text: String = text.chars().take(max_chars).collect();
        TextField {
            input: Input::new(text),
            max_chars,
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// The footer's words for the field's keys that a patient needs to know are there.
    pub fn hints() -> Vec<Hint> {
        vec![("Backspace".into(), "erase"), ("←→".into(), "move")]
    }

    /// Applies a key; returns whether the field used it (printable keys and the keymap's).
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        if !is_press(key) {
            return false;
        }
        let bound = KEYMAP
            .iter()
            .find(|(code, mods, _)| *code == key.code && *mods == key.modifiers);
        match (bound, key.code) {
            (Some((_, _, Edit::Input(request))), _) => {
                self.input.handle(*request);
            }
            (Some((_, _, Edit::RuboutWord)), _) => self.rubout_word(),
            (None, KeyCode::Char(c)) if types_char(key) => self.insert(c),
            _ => return false,
        }
        true
    }

    /// Pasted text, typed in as one line: line breaks and tabs become spaces, other control
    /// characters are dropped, and what does not fit is left out.
    pub fn paste(&mut self, text: &str) {
        for c in text.replace("\r\n", "\n").chars() {
            match c {
                '\n' | '\r' | '\t' => self.insert(' '),
                c if c.is_control() => {}
                c => self.insert(c),
            }
        }
    }

    fn insert(&mut self, c: char) {
        if !c.is_control() && self.input.value().chars().count() < self.max_chars {
            self.input.handle(InsertChar(c));
        }
    }

    fn rubout_word(&mut self) {
        let before: Vec<char> = self
            .input
            .value()
            .chars()
            .take(self.input.cursor())
            .collect();
        let spaces = before
            .iter()
            .rev()
            .take_while(|c| c.is_whitespace())
            .count();
        let word = before[..before.len() - spaces]
            .iter()
            .rev()
            .take_while(|c| !c.is_whitespace())
            .count();
        let target = before.len() - spaces - word;
        // Deleting backwards a grapheme at a time until the cursor is there.
        while self.input.cursor() > target {
            if self.input.handle(DeletePrevChar).is_none() {
                break;
            }
        }
    }

    /// The field drawn in `width` cells: the text before the cursor, the cursor on the
    /// grapheme under it (a space at the end), and the rest, scrolled so the cursor shows and
    /// the end of the text stays in view when it can.
    pub fn spans(&self, width: usize, text: Style, cursor: Style) -> Vec<Span<'static>> {
        let value = self.input.value();
        let at = value
            .char_indices()
            .nth(self.input.cursor())
            .map_or(value.len(), |(i, _)| i);
        let (head, tail) = value.split_at(at);
        let tail_graphemes = graphemes(tail);
        let (under, rest) = match tail_graphemes.split_first() {
            Some((first, rest)) => (first.clone(), rest),
            None => (" ".to_string(), &[][..]),
        };
        let rest_width: usize = rest.iter().map(|g| cells(g)).sum();
        // The head gets the room the rest does not need, keeping one cell for the cursor.
        let room = width
            .saturating_sub(cells(&under))
            .saturating_sub(rest_width);
        let mut before = Vec::new();
        let mut used = 0;
        for g in graphemes(head).into_iter().rev() {
            if used + cells(&g) > room {
                break;
            }
            used += cells(&g);
            before.push(g);
        }
        before.reverse();
        let mut left = width.saturating_sub(used + cells(&under));
        let mut after = String::new();
        for g in rest {
            if cells(g) > left {
                break;
            }
            left -= cells(g);
            after.push_str(g);
        }
        vec![
            Span::styled(before.concat(), text),
            Span::styled(under, cursor),
            Span::styled(after, text),
        ]
    }
}

fn graphemes(text: &str) -> Vec<String> {
    Span::raw(text)
        .styled_graphemes(Style::new())
        .map(|g| g.symbol.to_string())
        .collect()
}

fn cells(grapheme: &str) -> usize {
    super::text::width(grapheme)
}

/// Whether `key` types a character: a plain or shifted letter, digit or sign, not a Ctrl or
/// Alt chord (those are the field's commands or the app's).
pub fn types_char(key: KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char(_))
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

#[cfg(test)]
mod tests;
