//! The treatments of a series: which one is looked at, its place in the series, and whether
//! it may be changed (an earlier one is read-only until the user allows changes).

use super::Context;
use crate::checklist::Checklist;
use crate::plan::{Plan, Wording};
use crate::store::Session;
use chrono::TimeZone;

impl<Tz: TimeZone> Context<Tz> {
    /// The treatment recorded after the viewed one, still ahead, when the viewed one is the
    /// treatment in force (`crate::preparation::next_treatment`), with its plan.
    pub fn next_treatment(&self) -> Option<(&Session, Plan<'_, Tz>)> {
        let session = self.session()?;
        let current = self.state.current_session(self.now)?;
        if current.at != session.at {
            return None;
        }
        let next = crate::preparation::next_treatment(&self.state, session, self.now)?;
        Some((next, self.plan_at(next.at)))
    }

    /// The next treatment's preparation open now, shown beside today's tasks of the
    /// treatment in force (`crate::preparation::open_at`); `None` on any other day.
    pub(super) fn next_preparation(
        &self,
        day: i64,
        session_today: Option<i64>,
        next: Option<&(&Session, Plan<'_, Tz>)>,
    ) -> Option<Checklist> {
        if Some(day) != self.today() || session_today != Some(day) {
            return None;
        }
        let (next, plan) = next?;
        crate::preparation::open_at(plan, &self.state, next, self.now, Wording::Short)
    }

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

    /// Whether the shown session is past its plan on the viewed day: a day after the plan's
    /// last, or its last day while that is the session's today (`session_today`, so an
    /// earlier treatment of a series asks its own today, not the calendar's) once every
    /// task's and phase's window is over (Day 43 of the built-in plan after 14:00). The one
    /// answer the header and the main screen both read (`Checklist::is_after_plan`, which
    /// `aftercare today` asks too). `false` before a treatment is recorded.
    pub fn is_after_plan(&self) -> bool {
        let (Some(list), Some(plan)) = (self.checklist.as_ref(), self.plan()) else {
            return false;
        };
        let today = self.session_today() == Some(list.day);
        list.is_after_plan(plan.last_day(), self.now, today)
    }

    /// Whether changes are held back: the treatment shown is not the current one and the user
    /// has not allowed changes to it.
    pub fn is_read_only(&self) -> bool {
        let current = self.state.current_session(self.now).map(|s| s.at);
        !self.unlocked && self.session().map(|s| s.at) != current
    }

    /// Says why nothing changed when the treatment is read-only; true when changes may go ahead.
    pub fn may_change(&mut self) -> bool {
        if !self.is_read_only() {
            return true;
        }
        let n = self.session_position().map_or(0, |(n, _)| n);
        self.notice = Some(format!(
            "Session {n} is read-only: press e to allow changes, ] for the current one"
        ));
        false
    }

    /// Lets the user change the earlier treatment being looked at.
    pub fn allow_edits(&mut self) {
        if self.is_read_only() {
            self.unlocked = true;
            let n = self.session_position().map_or(0, |(n, _)| n);
            self.notice = Some(format!("Changes to session {n} allowed"));
        }
    }

    /// Shows the treatment `step` places earlier (-1) or later (+1), at its today or last day.
    pub fn switch_session(&mut self, step: isize) {
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
        self.go_to_today();
    }
}
