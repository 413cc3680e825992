//! The first-run question, "when was your treatment?": a one-line text field.

use super::action::PromptAction;
use super::app::{App, Screen};
use crate::store::{Change, PlanCopy};
use crate::timearg::parse_time;
use chrono::TimeZone;

impl<Tz: TimeZone> App<Tz> {
    /// Carries out one action of the first-run prompt.
    pub fn prompt(&mut self, action: PromptAction) -> bool {
        let Screen::Start(prompt) = &mut self.screen else {
            return false;
        };
        match action {
            PromptAction::Quit => self.quit = true,
            PromptAction::Submit => {
                // The treatment records the plan shown (its copy is kept), so later runs
                // need no --rules.
                let plan = PlanCopy::of(&self.rules);
                let change = parse_time(&prompt.text, &self.tz)
                    .map(|at| Change::AddSessionFollowing { at, plan });
                match change.map_err(|e| e.to_string()).and_then(|c| {
                    self.storage
                        .apply(&self.state, &c)
                        .map_err(super::ticking::not_saved)
                }) {
                    Ok(state) => {
                        self.state = state;
                        self.screen = Screen::Checklist;
                        self.go_to_today();
                    }
                    Err(message) => prompt.error = Some(message),
                }
            }
            edit => return prompt.edit(edit),
        }
        true
    }
}

/// The text being typed, where the cursor is, and why the last try was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub text: String,
    /// In characters, 0..=text's length.
    pub cursor: usize,
    pub error: Option<String>,
}

impl Prompt {
    /// A field holding `text`, with the cursor at its end.
    pub fn new(text: String) -> Self {
        let cursor = text.chars().count();
        Prompt {
            text,
            cursor,
            error: None,
        }
    }

    /// Applies an editing action; returns whether the text or cursor changed. Submit and
    /// Quit are the app's business and change nothing here.
    pub fn edit(&mut self, action: PromptAction) -> bool {
        let len = self.text.chars().count();
        let before = (self.text.clone(), self.cursor);
        match action {
            PromptAction::Insert(c) => {
                let at = self.byte_at(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
            }
            PromptAction::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            PromptAction::Delete if self.cursor < len => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            PromptAction::Left => self.cursor = self.cursor.saturating_sub(1),
            PromptAction::Right => self.cursor = (self.cursor + 1).min(len),
            PromptAction::Home => self.cursor = 0,
            PromptAction::End => self.cursor = len,
            _ => {}
        }
        let changed = before != (self.text.clone(), self.cursor);
        if changed {
            // The message was about the old text.
            self.error = None;
        }
        changed
    }

    /// The text before the cursor, the character under it (a space at the end), and the rest.
    pub fn split_at_cursor(&self) -> (&str, String, &str) {
        let at = self.byte_at(self.cursor);
        let (before, rest) = self.text.split_at(at);
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) => (before, c.to_string(), chars.as_str()),
            None => (before, " ".to_string(), ""),
        }
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PromptAction::*;

    #[test]
    fn edits_at_the_cursor() {
        let mut p = Prompt::new("2026-11-20 14:00".into());
        p.edit(Backspace);
        p.edit(Insert('5'));
        assert_eq!(p.text, "2026-11-20 14:05");
        p.edit(Home);
        p.edit(Delete);
        p.edit(Insert('3'));
        assert_eq!(p.text, "3026-11-20 14:05");
        assert_eq!(
            p.split_at_cursor(),
            ("3", "0".to_string(), "26-11-20 14:05")
        );
        p.edit(End);
        p.edit(Right);
        assert_eq!(p.cursor, 16);
        assert!(!p.edit(Delete));
    }

    #[test]
    fn editing_clears_the_last_error() {
        let mut p = Prompt::new("x".into());
        p.error = Some("bad".into());
        assert!(!p.edit(Submit));
        assert!(p.error.is_some());
        p.edit(Backspace);
        assert_eq!(p.error, None);
    }
}
