//! The first-run question, "when was your treatment?": a one-line text field, pre-filled with
//! now, and why the last answer was refused. Its state and `update` are here; `view` draws it.

mod view;

use super::{Effect, Screen};
use crate::store::{Change, PlanCopy};
use crate::timearg::parse_time;
use crate::tui::context::Context;
use crate::tui::keymap::{Binding, action_for, hints};
use crate::tui::text_field::TextField;
use chrono::TimeZone;
use crossterm::event::{KeyCode, KeyEvent};

/// The longest answer taken: a date and time is 16 characters; room for typing around them.
const MAX_CHARS: usize = 64;

/// Something the user asked for on the prompt, besides typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Submit,
    Quit,
}

/// The prompt's keys. Letters are text here; the text field's editing keys are listed in the
/// footer too, so a patient sees the pre-filled time can be changed in place. Hints show in
/// this order, and a narrow footer drops them from the third-last back, so saving and
/// quitting, last, stay in sight longest.
#[rustfmt::skip]
pub const KEYMAP: &[Binding<Action>] = &[
    Binding { keys: &[KeyCode::Enter], action: Action::Submit, hint: Some("save"), help: "Save the treatment time" },
    Binding { keys: &[KeyCode::Esc], action: Action::Quit, hint: Some("quit"), help: "Quit" },
];

/// The welcome prompt's state: the answer being typed, and why the last one was refused.
#[derive(Debug, Clone)]
pub struct WelcomePrompt {
    pub field: TextField,
    pub error: Option<String>,
}

impl WelcomePrompt {
    /// The prompt pre-filled with `now`, the context's time, as the patient's local time.
    pub fn new<Tz: TimeZone>(ctx: &Context<Tz>) -> Self {
        let local = ctx.now.with_timezone(&ctx.tz).naive_local();
        WelcomePrompt {
            field: TextField::new(&local.format("%Y-%m-%d %H:%M").to_string(), MAX_CHARS),
            error: None,
        }
    }

    /// What a key does: Enter and Esc, else the text field's editing and typing.
    pub fn handle_key<Tz: TimeZone>(
        &mut self,
        ctx: &mut Context<Tz>,
        key: KeyEvent,
    ) -> Option<Effect> {
        if let Some(action) = action_for(KEYMAP, key) {
            return Some(self.update(ctx, action));
        }
        let before = self.field.value().to_string();
        if !self.field.handle_key(key) {
            return None;
        }
        if self.field.value() != before {
            // The message was about the old text.
            self.error = None;
        }
        Some(Effect::Done)
    }

    /// A paste is typed into the field, as one line.
    pub fn paste(&mut self, text: &str) {
        self.field.paste(text);
        self.error = None;
    }

    /// Records the treatment typed in and shows its checklist, or says why it cannot.
    pub fn update<Tz: TimeZone>(&mut self, ctx: &mut Context<Tz>, action: Action) -> Effect {
        match action {
            Action::Quit => Effect::Quit,
            Action::Submit => {
                // The treatment records the plan shown (its copy is kept), so later runs
                // need no --rules.
                let plan = PlanCopy::of(&ctx.rules);
                let recorded = parse_time(self.field.value(), &ctx.tz)
                    .map_err(|e| e.to_string())
                    .and_then(|at| {
                        let recorded = ctx.now;
                        ctx.apply(&Change::AddSessionFollowing { at, plan, recorded })
                    });
                match recorded {
                    Ok(()) => {
                        ctx.go_to_today();
                        Effect::Show(Screen::Checklist)
                    }
                    Err(message) => {
                        self.error = Some(message);
                        Effect::Done
                    }
                }
            }
        }
    }
}

/// The footer's hints: the field's erase and move keys, then save and quit.
fn footer_hints() -> Vec<crate::tui::keymap::Hint> {
    let mut all = TextField::hints();
    all.extend(hints(KEYMAP));
    all
}
