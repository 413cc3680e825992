//! The first-run question, "when was your treatment?": a one-line text field, pre-filled with
//! now, that takes "YYYY-MM-DD HH:MM", a bare date, "today 9:30", "tomorrow 14:00" or "yesterday 15:00"
//! (`timearg::parse_time_near`); ↑/↓ step the day. A time that looks like a mistake
//! (`plausible`) is recorded only on a second Enter; so is a day typed without its time,
//! once the time filled in is shown. Its state and `update` are here; `view`
//! draws it.

mod view;

use super::{Effect, Screen};
use crate::plan::Plan;
use crate::plausible;
use crate::store::{Change, PlanCopy};
use crate::timearg::{TYPED_FORMAT, parse_time_near, says_time_of_day, step_days};
use crate::tui::context::Context;
use crate::tui::keymap::{Binding, action_for, hints, is_press};
use crate::tui::text_field::TextField;
use chrono::{DateTime, FixedOffset, TimeZone};
use crossterm::event::{KeyCode, KeyEvent};

/// The longest answer taken: a date and time is 16 characters; room for typing around them.
const MAX_CHARS: usize = 64;

/// Something the user asked for on the prompt, besides typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Submit,
    /// ↑: the day before, same time.
    EarlierDay,
    /// ↓: the day after, same time.
    LaterDay,
    Quit,
}

/// The prompt's keys. Letters are text here; the text field's editing keys are listed in the
/// footer too, so a patient sees the pre-filled time can be changed in place. Hints show in
/// this order, and a narrow footer drops them from the third-last back, so saving and
/// quitting, last, stay in sight longest.
#[rustfmt::skip]
pub const KEYMAP: &[Binding<Action>] = &[
    Binding { keys: &[KeyCode::Up], action: Action::EarlierDay, hint: Some("day"), help: "The day before" },
    Binding { keys: &[KeyCode::Down], action: Action::LaterDay, hint: Some("day"), help: "The day after" },
    Binding { keys: &[KeyCode::Enter], action: Action::Submit, hint: Some("save"), help: "Save the treatment time" },
    Binding { keys: &[KeyCode::Esc], action: Action::Quit, hint: Some("quit"), help: "Quit" },
];

/// The welcome prompt's state: the answer being typed, and why the last one was refused.
#[derive(Debug, Clone)]
pub struct WelcomePrompt {
    pub field: TextField,
    pub error: Option<String>,
    /// A time that looks like a mistake, shown with why: Enter on it again records it.
    confirming: Option<DateTime<FixedOffset>>,
    /// The field still holds the time the app filled in (now, or a day stepped to with
    /// ↑↓): typing replaces it, as in a selected field, where it once ran on after it
    /// ("2026-11-28 15:00today 10:00", walk). Editing keys keep it and clear this.
    pub prefilled: bool,
}

impl WelcomePrompt {
    /// The prompt pre-filled with `now`, the context's time, as the patient's local time.
    pub fn new<Tz: TimeZone>(ctx: &Context<Tz>) -> Self {
        let local = ctx.now.with_timezone(&ctx.tz).naive_local();
        WelcomePrompt {
            field: TextField::new(
                &local.format(crate::timearg::TYPED_FORMAT).to_string(),
                MAX_CHARS,
            ),
            error: None,
            confirming: None,
            prefilled: true,
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
        if self.prefilled && is_typed_character(key) {
            self.field = TextField::new("", MAX_CHARS);
        }
        if !self.field.handle_key(key) {
            self.field = TextField::new(&before, MAX_CHARS);
            return None;
        }
        self.prefilled = false;
        if self.field.value() != before {
            // The message was about the old text.
            self.error = None;
            self.confirming = None;
        }
        Some(Effect::Done)
    }

    /// A paste is typed into the field, as one line.
    pub fn paste(&mut self, text: &str) {
        if std::mem::take(&mut self.prefilled) {
            self.field = TextField::new("", MAX_CHARS);
        }
        self.field.paste(text);
        self.error = None;
        self.confirming = None;
    }

    /// Records the treatment typed in and shows its checklist, or says why it cannot.
    pub fn update<Tz: TimeZone>(&mut self, ctx: &mut Context<Tz>, action: Action) -> Effect {
        match action {
            Action::Quit => Effect::Quit,
            Action::EarlierDay | Action::LaterDay => {
                let days = if action == Action::EarlierDay { -1 } else { 1 };
                match step_days(self.field.value(), &ctx.tz, ctx.now, days) {
                    Some(text) => {
                        self.field = TextField::new(&text, MAX_CHARS);
                        self.prefilled = true;
                        self.error = None;
                        self.confirming = None;
                    }
                    None => self.error = self.read(ctx).err(),
                }
                Effect::Done
            }
            Action::Submit => {
                let at = match self.read(ctx) {
                    Ok(at) => at,
                    Err(message) => {
                        self.error = Some(message);
                        return Effect::Done;
                    }
                };
                // A day alone: the time filled in is shown, and recorded only once seen,
                // since every "until" counts from it.
                if !says_time_of_day(self.field.value()) {
                    let local = at.with_timezone(&ctx.tz).naive_local();
                    let filled = local.format(TYPED_FORMAT).to_string();
                    self.field = TextField::new(&filled, MAX_CHARS);
                    self.error = Some(format!(
                        "No time given: {} is filled in. What to avoid counts from the \
                         treatment's time: correct it above, then Enter.",
                        crate::dates::clock(at.with_timezone(&ctx.tz).fixed_offset())
                    ));
                    self.confirming = None;
                    return Effect::Done;
                }
                let others: Vec<DateTime<FixedOffset>> =
                    ctx.state.sessions.iter().map(|s| s.at).collect();
                let plan_days = Plan::new(&ctx.rules, at, ctx.tz.clone()).last_day();
                let doubt = plausible::check(at, ctx.now, others.iter().copied(), plan_days);
                if let Some(why) = doubt.filter(|_| self.confirming != Some(at)) {
                    let shown = |t: DateTime<FixedOffset>| {
                        crate::dates::moment(t.with_timezone(&ctx.tz).fixed_offset())
                    };
                    // A year typed wrong: the time most likely meant, as `start` says it.
                    let meant = plausible::likely_year(at, ctx.now, &others, plan_days, &ctx.tz);
                    self.error = Some(match meant {
                        Some(meant) => format!(
                            "{} {why}. Did you mean {}? Correct the year above, or Enter \
                             again records it as typed.",
                            shown(at),
                            shown(meant)
                        ),
                        None => format!(
                            "{} {why}. Enter again records it; or correct the time above.",
                            shown(at)
                        ),
                    });
                    self.confirming = Some(at);
                    return Effect::Done;
                }
                // The treatment records the plan shown (its copy is kept), so later runs
                // need no --rules.
                let plan = PlanCopy::of(&ctx.rules);
                let recorded = ctx.now;
                match ctx.apply(&Change::AddSessionFollowing { at, plan, recorded }) {
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

    /// The time typed, or why it cannot be read.
    fn read<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> Result<DateTime<FixedOffset>, String> {
        parse_time_near(self.field.value(), &ctx.tz, ctx.now).map_err(|e| e.to_string())
    }
}

/// The footer's hints: the field's erase and move keys, then save and quit.
fn footer_hints() -> Vec<crate::tui::keymap::Hint> {
    let mut all = TextField::hints();
    all.extend(hints(KEYMAP));
    all
}

/// A key that types a character (no Ctrl or Alt): what replaces a pre-filled field.
fn is_typed_character(key: KeyEvent) -> bool {
    crate::tui::text_field::types_char(key) && is_press(key)
}
