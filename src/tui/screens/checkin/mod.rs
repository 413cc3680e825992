//! The daily check-in form, a popup over the screen it was opened from: one rating per
//! symptom of the plan, then a one-line note. Its state and `update` are here; `keys` is its
//! keymap and `view` draws it.

pub mod keys;
mod view;

pub use keys::Action;

use super::Effect;
use crate::journal::MAX_NOTE_CHARS;
use crate::rules::{MAX_RATING, Rules};
use crate::store::{Change, CheckIn, CheckInPatch};
use crate::tui::context::Context;
use crate::tui::text_field::TextField;
use chrono::{NaiveDate, TimeZone};
use crossterm::event::KeyEvent;

/// The form: which day it is for, what has been entered, and which row has the focus.
#[derive(Debug, Clone)]
pub struct CheckInForm {
    /// The plan day and date the check-in is for.
    pub day: i64,
    pub date: NaiveDate,
    /// (symptom id, rating) in the plan's order. A symptom not rated yet starts at 0, "none".
    pub ratings: Vec<(String, u8)>,
    /// The focused row: a symptom, or the note after the last one.
    pub row: usize,
    pub note: TextField,
    /// The check-in being edited, so fields this build does not know survive the save.
    base: CheckIn,
}

impl CheckInForm {
    /// The form for the viewed day, filled in with what was saved for it; `None`, with the
    /// reason in the context's notice, when there can be no check-in for that day.
    pub fn open<Tz: TimeZone>(ctx: &mut Context<Tz>) -> Option<Self> {
        // The viewed day; once the plan has ended, today (`Context::checkin_day`).
        let (day, date) = ctx.checkin_day()?;
        let plan = ctx.plan()?;
        // The rule `aftercare checkin` shares (`Plan::may_check_in`).
        let problem = if ctx.rules.symptoms.is_empty() {
            Some("This plan has no symptoms to rate".to_string())
        } else {
            let closed = plan.may_check_in(day, ctx.now).err();
            closed.map(|c| format!("No check-in: {}; t goes to today", c.short()))
        };
        if let Some(message) = problem {
            ctx.notice = Some(message);
            return None;
        }
        if !ctx.may_change() {
            return None;
        }
        let existing = ctx.session().and_then(|s| s.checkins.get(&date));
        Some(CheckInForm::new(&ctx.rules, day, date, existing))
    }

    /// A form for `date`, filled in from the day's check-in when there is one.
    pub fn new(rules: &Rules, day: i64, date: NaiveDate, existing: Option<&CheckIn>) -> Self {
        let base = existing.cloned().unwrap_or_default();
        let ratings = rules
            .symptoms
            .iter()
            .map(|s| (s.id.clone(), base.ratings.get(&s.id).copied().unwrap_or(0)))
            .collect();
        CheckInForm {
            day,
            date,
            ratings,
            row: 0,
            note: TextField::new(&base.note, MAX_NOTE_CHARS),
            base,
        }
    }

    pub fn on_note(&self) -> bool {
        self.row == self.ratings.len()
    }

    /// Whether the day had a check-in before this one.
    pub fn is_update(&self) -> bool {
        !self.base.ratings.is_empty() || !self.base.note.is_empty()
    }

    /// What a key does in the form: the form's own keys, else the note's on the note row.
    pub fn handle_key<Tz: TimeZone>(
        &mut self,
        ctx: &mut Context<Tz>,
        key: KeyEvent,
    ) -> Option<Effect> {
        if let Some(action) = keys::action_for(key, self.on_note()) {
            return Some(self.update(ctx, action));
        }
        (self.on_note() && self.note.handle_key(key)).then_some(Effect::Done)
    }

    /// A paste is text for the note when it has the focus, and does nothing elsewhere.
    pub fn paste(&mut self, text: &str) -> bool {
        if self.on_note() {
            self.note.paste(text);
        }
        self.on_note()
    }

    /// Carries out one action; saving closes the form once the check-in is saved.
    pub fn update<Tz: TimeZone>(&mut self, ctx: &mut Context<Tz>, action: Action) -> Effect {
        let rows = self.ratings.len() + 1;
        match action {
            Action::PrevRow => self.row = (self.row + rows - 1) % rows,
            Action::NextRow => self.row = (self.row + 1) % rows,
            Action::Less => self.set(|r| r.saturating_sub(1)),
            Action::More => self.set(|r| (r + 1).min(MAX_RATING)),
            Action::Set(n) => {
                self.set(|_| n.min(MAX_RATING));
                // Typing "2 1 0 1" rates the symptoms one after the other.
                self.row += 1;
            }
            Action::Cancel => return Effect::Close,
            Action::Save => return self.save(ctx),
        }
        Effect::Done
    }

    fn set(&mut self, f: impl Fn(u8) -> u8) {
        if let Some((_, rating)) = self.ratings.get_mut(self.row) {
            *rating = f(*rating);
        }
    }

    /// Saves the check-in; the form stays open with what was typed when that fails.
    fn save<Tz: TimeZone>(&self, ctx: &mut Context<Tz>) -> Effect {
        let Some(session) = ctx.session() else {
            return Effect::Close;
        };
        // Every field of the form, as before the store took patches; saving only what the
        // user changed is the check-in form's part of issue 16 (item 2).
        let checkin = self.to_checkin();
        let change = Change::CheckIn {
            session: session.at,
            date: self.date,
            patch: CheckInPatch {
                ratings: checkin.ratings,
                note: Some(checkin.note),
            },
        };
        match ctx.apply(&change) {
            Ok(()) => {
                ctx.status = None;
                ctx.notice = Some(format!("Check-in saved for Day {}", self.day));
                ctx.refresh();
                Effect::Close
            }
            Err(message) => {
                ctx.status = Some(message);
                Effect::Done
            }
        }
    }

    /// The check-in to save: the form's ratings over the earlier ones (a symptom the plan no
    /// longer lists keeps its rating), and the note.
    pub fn to_checkin(&self) -> CheckIn {
        let mut checkin = self.base.clone();
        checkin.ratings.extend(self.ratings.iter().cloned());
        checkin.note = crate::journal::clean_note(self.note.value());
        checkin
    }
}

#[cfg(test)]
mod tests;
