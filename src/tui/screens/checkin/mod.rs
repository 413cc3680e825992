//! The daily check-in form, a popup over the screen it was opened from: one rating per
//! symptom of the plan, then a one-line note. Its state and `update` are here; `keys` is its
//! keymap and `view` draws it.
//!
//! The form opens with the day's check-in as the file holds it then (another shell may have
//! saved one since the app read its state) and saves only what the user changed in it: the
//! symptoms they rated, and the note if they edited it. Whatever was saved elsewhere while the
//! form was open is kept, and the form says so when it closes.

pub mod keys;
mod view;

pub use keys::Action;

use super::Effect;
use crate::inert::inert;
use crate::journal::{MAX_NOTE_CHARS, clean_note};
use crate::plan::Closed;
use crate::rules::{MAX_RATING, Rules};
use crate::store::{Change, CheckIn, CheckInPatch, Conflict, StoreError};
use crate::tui::context::{Context, not_saved};
use crate::tui::text_field::TextField;
use crate::wrapping::capitalized;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use crossterm::event::KeyEvent;
use std::collections::BTreeSet;

/// What the form says when Enter is pressed before anything was entered.
const NOTHING_RATED: &str =
    "Nothing to save yet: rate a symptom (0 none … 5 severe) or write a note.";

/// The form: which day it is for, what has been entered, and which row has the focus.
#[derive(Debug, Clone)]
pub struct CheckInForm {
    /// The treatment, plan day and date the check-in is for.
    pub session: DateTime<FixedOffset>,
    pub day: i64,
    pub date: NaiveDate,
    /// (symptom id, rating) in the plan's order; `None`: not rated, neither before nor here.
    pub ratings: Vec<(String, Option<u8>)>,
    /// The focused row: a symptom, or the note after the last one.
    pub row: usize,
    pub note: TextField,
    /// The symptoms the user rated in this form: only these are saved.
    rated: BTreeSet<String>,
    /// The note as the form showed it when it opened (inert): saved only if it was edited.
    opened_note: String,
    /// The day's check-in as stored when the form opened.
    base: CheckIn,
    /// Why the last save failed; the form stays open with what was typed.
    pub error: Option<String>,
}

impl CheckInForm {
    /// The form for the viewed day, filled in with the day's check-in as the file holds it
    /// now; `None`, with the reason in the context's notice or status, when there can be no
    /// check-in for that day or the file cannot be read.
    pub fn open<Tz: TimeZone>(ctx: &mut Context<Tz>) -> Option<Self> {
        // The viewed day; once the plan has ended, today (`Context::checkin_day`).
        let (day, date) = ctx.checkin_day()?;
        let plan = ctx.plan()?;
        // The rule `aftercare checkin` shares (`Plan::may_check_in`).
        let problem = if ctx.file_read_only {
            // A form filled in only to be refused on saving would waste the patient's time.
            Some("No check-in: the data file is read-only and nothing is saved".to_string())
        } else if ctx.rules.symptoms.is_empty() {
            Some("This plan has no symptoms to rate".to_string())
        } else {
            let closed = plan.may_check_in(day, ctx.now).err();
            closed.map(|c| match c {
                // Today already: no other day to go to.
                Closed::TreatmentAhead { .. } => format!("No check-in: {}", c.short()),
                _ => format!("No check-in: {}; t goes to today", c.short()),
            })
        };
        if let Some(message) = problem {
            ctx.notice = Some(message);
            return None;
        }
        if !ctx.may_change() {
            return None;
        }
        let session = ctx.session()?.at;
        match ctx.storage.read_checkin(&ctx.state, session, date) {
            Ok(stored) => Some(CheckInForm::new(
                &ctx.rules,
                session,
                (day, date),
                stored.as_ref(),
            )),
            Err(e) => {
                ctx.status = Some(format!("Cannot open the check-in: {e}"));
                None
            }
        }
    }

    /// A form for plan day `day` on `date` of the treatment at `session`, filled in from the
    /// day's check-in as stored (`None`: there is none yet).
    pub fn new(
        rules: &Rules,
        session: DateTime<FixedOffset>,
        (day, date): (i64, NaiveDate),
        stored: Option<&CheckIn>,
    ) -> Self {
        let base = stored.cloned().unwrap_or_default();
        let ratings = rules
            .symptoms
            .iter()
            .map(|s| (s.id.clone(), base.ratings.get(&s.id).copied()))
            .collect();
        let note = TextField::new(&inert(&base.note), MAX_NOTE_CHARS);
        CheckInForm {
            session,
            day,
            date,
            ratings,
            row: 0,
            opened_note: note.value().to_string(),
            note,
            rated: BTreeSet::new(),
            base,
            error: None,
        }
    }

    pub fn on_note(&self) -> bool {
        self.row == self.ratings.len()
    }

    /// Whether the day had a check-in when the form opened.
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
            // Not rated yet counts as 0 to step from.
            Action::Less => self.rate(|r| r.map_or(0, |r| r.saturating_sub(1))),
            Action::More => self.rate(|r| r.map_or(1, |r| (r + 1).min(MAX_RATING))),
            Action::Clear => {
                // "–, not rated": a rating given by mistake is taken back, saved as such.
                if let Some((id, rating)) = self.ratings.get_mut(self.row) {
                    *rating = None;
                    self.rated.insert(id.clone());
                }
            }
            Action::Set(n) => {
                self.rate(|_| n.min(MAX_RATING));
                // Typing "2 1 0 1" rates the symptoms one after the other.
                self.row += 1;
            }
            Action::Cancel => return Effect::Close,
            Action::Save => return self.save(ctx),
        }
        Effect::Done
    }

    /// Rates the focused symptom: from now on it is one the user changed.
    fn rate(&mut self, f: impl Fn(Option<u8>) -> u8) {
        if let Some((id, rating)) = self.ratings.get_mut(self.row) {
            *rating = Some(f(*rating));
            self.rated.insert(id.clone());
        }
    }

    /// What the user changed: the symptoms they rated or took the rating back from (only
    /// those stored with one: the rest were not rated before either), and the note if they
    /// edited it, rated `at` (`None` for an earlier day: its time is not known).
    pub fn patch(&self, at: Option<DateTime<FixedOffset>>) -> CheckInPatch {
        let changed = || {
            self.ratings
                .iter()
                .filter(|(id, _)| self.rated.contains(id))
        };
        let ratings = changed()
            .filter_map(|(id, rating)| Some((id.clone(), (*rating)?)))
            .collect();
        let cleared = changed()
            .filter(|(id, rating)| rating.is_none() && self.base.ratings.contains_key(id))
            .map(|(id, _)| id.clone())
            .collect();
        let note = (self.note.value() != self.opened_note).then(|| clean_note(self.note.value()));
        CheckInPatch {
            ratings,
            cleared,
            note,
            at,
        }
    }

    /// Saves what the user changed; the form stays open with what was typed, and says why,
    /// when that fails.
    fn save<Tz: TimeZone>(&mut self, ctx: &mut Context<Tz>) -> Effect {
        // Rated now when the form is for today's date.
        let today = ctx.plan_at(self.session).local_date(ctx.now) == self.date;
        let patch = self.patch(today.then_some(ctx.now));
        if patch.is_empty() && !self.is_update() {
            self.error = Some(NOTHING_RATED.into());
            return Effect::Done;
        }
        if patch.is_empty() {
            ctx.notice = Some(format!("The check-in for Day {} is unchanged", self.day));
            return Effect::Close;
        }
        let change = Change::CheckIn {
            session: self.session,
            date: self.date,
            patch,
        };
        match ctx.save(&change) {
            Ok(state) => {
                ctx.state = state;
                ctx.status = None;
                ctx.notice = Some(
                    self.above_usual(ctx)
                        .unwrap_or_else(|| self.saved_words(ctx)),
                );
                ctx.refresh();
                Effect::Close
            }
            Err(StoreError::Conflict(conflict @ Conflict::NoSession(_))) => {
                // The treatment was moved or removed by another copy: show the treatments as
                // they are now, so the next check-in goes to one that exists.
                if let Ok(state) = ctx.storage.load(&ctx.state) {
                    ctx.state = state;
                    ctx.refresh();
                }
                self.error = Some(format!(
                    "{}. Esc closes this form; c opens it again for the treatment as now \
                     recorded.",
                    capitalized(&conflict.to_string())
                ));
                Effect::Done
            }
            Err(e) => {
                self.error = Some(not_saved(e));
                Effect::Done
            }
        }
    }

    /// "Saved · above usual: swelling 4 (~1): check in tomorrow; s: when to call" when a
    /// rating this form saved is well above the usual course and sets off no alert (the
    /// alert, when one does, is on the screen); `None` otherwise.
    fn above_usual<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> Option<String> {
        let session = ctx.state.session(self.session)?;
        let plan = ctx.plan_at(self.session);
        let alerts = crate::journal::alerts_on(&plan, session, self.date, ctx.now);
        let mut above = crate::journal::above_usual_on(&plan, session, self.date, &alerts);
        above.retain(|a| self.rated.contains(&a.symptom));
        crate::journal::above_usual_notice(&above)
    }

    /// "Check-in saved for Day 3", and what the file holds now that someone else saved while
    /// the form was open (kept, not overwritten): "· kept from elsewhere: Dryness or flaking 2".
    fn saved_words<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> String {
        let saved = format!("Check-in saved for Day {}", self.day);
        let now = ctx
            .state
            .session(self.session)
            .and_then(|s| s.checkins.get(&self.date));
        let Some(now) = now else {
            return saved;
        };
        let mut kept: Vec<String> = ctx
            .rules
            .symptoms
            .iter()
            .filter(|s| !self.rated.contains(&s.id))
            .filter_map(|s| {
                let rating = *now.ratings.get(&s.id)?;
                (self.base.ratings.get(&s.id) != Some(&rating))
                    .then(|| format!("{} {rating}", s.title))
            })
            .collect();
        if self.note.value() == self.opened_note && now.note != self.base.note {
            kept.push("a note".into());
        }
        if kept.is_empty() {
            saved
        } else {
            format!("{saved} · kept from elsewhere: {}", kept.join(", "))
        }
    }
}

#[cfg(test)]
mod tests;
