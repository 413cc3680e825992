//! The journal's side of the app: the check-in form, the chart and history screens, switching
//! between treatments of a series, and what the viewed day's check-in set off.

use super::app::{App, Screen};
use super::checkin_form::CheckInForm;
use super::form_keys::{FormAction, ViewAction};
use super::ticking::not_saved;
use crate::journal::alerts_on;
use crate::progress::Progress;
use crate::store::{Change, CheckInPatch};
use chrono::TimeZone;

impl<Tz: TimeZone> App<Tz> {
    /// Which treatment of how many is shown: (1-based number, count).
    pub fn session_position(&self) -> Option<(usize, usize)> {
        let at = self.session()?.at;
        let index = self.state.sessions.iter().position(|s| s.at == at)?;
        Some((index + 1, self.state.sessions.len()))
    }

    /// The last day the viewed treatment is "today" for: today, or the day before a later
    /// treatment took over.
    pub fn session_today(&self) -> Option<i64> {
        let plan = self.plan()?;
        let at = self.session()?.at;
        let next = self
            .state
            .sessions
            .iter()
            .find(|s| s.at > at && s.at <= self.now);
        let today = plan.day_of(self.now);
        Some(next.map_or(today, |n| today.min(plan.day_of(n.at) - 1)))
    }

    /// Whether changes are held back: the treatment shown is not the current one and the user
    /// has not allowed changes to it.
    pub fn is_read_only(&self) -> bool {
        let current = self.state.current_session(self.now).map(|s| s.at);
        !self.unlocked && self.session().map(|s| s.at) != current
    }

    /// Says why nothing changed when the treatment is read-only; true when changes may go ahead.
    pub(crate) fn may_change(&mut self) -> bool {
        if !self.is_read_only() {
            return true;
        }
        let n = self.session_position().map_or(0, |(n, _)| n);
        self.notice = Some(format!(
            "Session {n} is read-only: press e to allow changes, ] for the current one"
        ));
        false
    }

    pub(crate) fn allow_edits(&mut self) {
        if self.is_read_only() {
            self.unlocked = true;
            let n = self.session_position().map_or(0, |(n, _)| n);
            self.notice = Some(format!("Changes to session {n} allowed"));
        }
    }

    /// Shows the treatment `step` places earlier (-1) or later (+1), at its today or last day.
    pub(crate) fn switch_session(&mut self, step: isize) {
        let Some((n, count)) = self.session_position() else {
            return;
        };
        let Some(target) = (n - 1).checked_add_signed(step).filter(|i| *i < count) else {
            let edge = if step < 0 { "first" } else { "latest" };
            self.notice = Some(format!("This is the {edge} treatment"));
            return;
        };
        self.viewed = Some(self.state.sessions[target].at);
        self.unlocked = false;
        self.checklist = None;
        self.go_to_today();
    }

    /// Opens the check-in for the viewed day, filled in with what was saved for it.
    pub(crate) fn open_checkin(&mut self) {
        let (Some(plan), Some(list)) = (self.plan(), self.checklist.as_ref()) else {
            return;
        };
        let today = plan.day_of(self.now);
        let (day, date) = (list.day, list.date);
        let problem = if self.rules.symptoms.is_empty() {
            Some("This plan has no symptoms to rate")
        } else if day < 1 {
            Some("Check-ins start on the treatment day")
        } else if day > today {
            Some("Check-ins are for today and the days before (t goes to today)")
        } else {
            None
        };
        if let Some(message) = problem {
            self.notice = Some(message.to_string());
            return;
        }
        if !self.may_change() {
            return;
        }
        let existing = self.session().and_then(|s| s.checkins.get(&date));
        self.form = Some(CheckInForm::new(&self.rules, day, date, existing));
    }

    /// Carries out one action of the check-in form.
    pub(crate) fn form_update(&mut self, action: FormAction) {
        let Some(form) = self.form.as_mut() else {
            return;
        };
        match action {
            FormAction::Cancel => self.form = None,
            FormAction::Save => self.save_checkin(),
            edit => form.edit(edit),
        }
    }

    fn save_checkin(&mut self) {
        let (Some(form), Some(session)) = (self.form.as_ref(), self.session()) else {
            return;
        };
        // Every field of the form, as before the store took patches; saving only what the
        // user changed is the check-in form's part of issue 16 (item 2).
        let checkin = form.to_checkin();
        let change = Change::CheckIn {
            session: session.at,
            date: form.date,
            patch: CheckInPatch {
                ratings: checkin.ratings,
                note: Some(checkin.note),
            },
        };
        let day = form.day;
        match self.storage.apply(&self.state, &change) {
            Ok(state) => {
                self.state = state;
                self.form = None;
                self.status = None;
                self.notice = Some(format!("Check-in saved for Day {day}"));
                self.refresh();
            }
            // The form stays open with what was typed, so nothing is lost.
            Err(e) => self.status = Some(not_saved(e)),
        }
    }

    /// Carries out one action of the chart or history screen.
    pub(crate) fn view_update(&mut self, action: ViewAction) {
        self.notice = None;
        match (action, &self.screen) {
            (ViewAction::Chart, Screen::Chart) | (ViewAction::History, Screen::History) => {
                self.screen = Screen::Checklist;
            }
            (ViewAction::Back, _) => self.screen = Screen::Checklist,
            (ViewAction::Chart, _) => self.screen = Screen::Chart,
            (ViewAction::History, _) => self.screen = Screen::History,
            (ViewAction::CheckIn, _) => self.open_checkin(),
            (ViewAction::PrevSession, _) => self.switch_session(-1),
            (ViewAction::NextSession, _) => self.switch_session(1),
            (ViewAction::Help, _) => self.help = true,
        }
    }

    /// Recomputes the viewed day's alerts, and the recovery's progress when what it depends on
    /// (the treatment, today, its tick-offs) changed: it walks every day of the plan, which on a
    /// large clinic plan costs far more than a key press may, and moving between days or the
    /// selection does not change it.
    pub(crate) fn refresh_journal(&mut self) {
        let (Some(plan), Some(session), Some(list)) =
            (self.plan(), self.session(), self.checklist.as_ref())
        else {
            self.alerts = Vec::new();
            self.progress = None;
            self.progress_inputs = None;
            return;
        };
        let today = self.session_today().unwrap_or(1);
        let alerts = alerts_on(&plan, session, list.date);
        let stale = self
            .progress_inputs
            .as_ref()
            .is_none_or(|(at, day, ticks)| {
                *at != session.at || *day != today || *ticks != session.ticks
            });
        let fresh = stale.then(|| {
            let inputs = (session.at, today, session.ticks.clone());
            (Progress::of(&plan, Some(session), today), inputs)
        });
        self.alerts = alerts;
        if let Some((progress, inputs)) = fresh {
            self.progress = Some(progress);
            self.progress_inputs = Some(inputs);
        }
    }
}
