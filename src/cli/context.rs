//! `Context`: what every command works with (plan, data, clock), loaded and checked up front.

use super::{Basis, CliError};
use crate::checklist::Checklist;
use crate::clock::Clock;
use crate::plan::{Plan, Wording};
use crate::rules::Rules;
use crate::store::{Change, Saved, Session, State, Store, StoreError};
use chrono::{DateTime, FixedOffset, Local};

/// What every command works with, loaded and checked up front.
pub struct Context {
    /// The plan shown: the one the treatment follows (`followed`).
    pub rules: Rules,
    /// Where `rules` comes from.
    pub basis: Basis,
    /// The data directory; `None` for a command given `--at`, which reads and writes none.
    pub store: Option<Store>,
    pub state: State,
    pub clock: Clock,
    /// `--at`: the treatment moment to lay the plan out for, with nothing recorded.
    pub at: Option<DateTime<FixedOffset>>,
    /// The `--rules` file this run was given, as typed, for commands to copy into advice.
    pub rules_file: Option<std::path::PathBuf>,
}

impl Context {
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.clock.now()
    }

    /// The treatment in force now, or the advice to record one.
    pub fn session(&self) -> Result<&Session, CliError> {
        self.state
            .current_session(self.now())
            .ok_or(CliError::NoTreatment)
    }

    /// Saves `change` (`Store::save`: under the lock, to the file as it is then); a change
    /// the file no longer allows is reported with what to do.
    pub fn save(&self, change: &Change) -> Result<Saved, CliError> {
        self.store()?.save(change).map_err(|e| match e {
            StoreError::Conflict(conflict) => CliError::Conflict(conflict),
            e => CliError::Store(e),
        })
    }

    /// The data directory, which a command given `--at` has none of.
    pub fn store(&self) -> Result<&Store, CliError> {
        self.store.as_ref().ok_or_else(|| {
            CliError::Usage(
                "--at lays a plan out without recording anything; leave it out to save".into(),
            )
        })
    }

    /// The treatment a listing of the plan is laid out for, with its record if it has one:
    /// `--at`, else the treatment in force now, else now (as if treated now).
    pub fn laid_out(&self) -> (DateTime<FixedOffset>, Option<&Session>) {
        if let Some(at) = self.at {
            return (at, None);
        }
        let now = self.now();
        let session = self.state.current_session(now);
        (session.map_or(now, |s| s.at), session)
    }

    /// The plan for a treatment, in the system's time zone (the TZ variable, where set).
    pub fn plan(&self, treatment: DateTime<FixedOffset>) -> Plan<'_, Local> {
        Plan::new(&self.rules, treatment, Local)
    }

    /// The treatment recorded after `session` (the one in force), while it is still ahead at
    /// `now` (`crate::preparation::next_treatment`), with its plan: what `today`, `today
    /// --short`, `check` and `remind` ask for that treatment's preparation. `None` when no
    /// later treatment is recorded or it has begun.
    pub fn next_treatment(
        &self,
        session: &Session,
        now: DateTime<FixedOffset>,
    ) -> Option<NextTreatment<'_>> {
        let next = crate::preparation::next_treatment(&self.state, session, now)?;
        Some(NextTreatment {
            session: next,
            plan: self.plan(next.at),
            state: &self.state,
        })
    }
}

/// The next recorded treatment, still ahead (`Context::next_treatment`): its record, its
/// plan, and what of its preparation is open at a moment.
pub struct NextTreatment<'c> {
    /// Its record: the preparation's tick-offs are this treatment's.
    pub session: &'c Session,
    /// Its plan, in the system's time zone.
    pub plan: Plan<'c, Local>,
    /// The data its tick-offs are read from.
    state: &'c State,
}

impl NextTreatment<'_> {
    /// Its preparation open at `now`, worded as `wording` says
    /// (`crate::preparation::open_at`): `None` before the preparation opens (a week before,
    /// for the built-in plan), from the treatment on, and when nothing of it is due that day.
    pub fn open_at(&self, now: DateTime<FixedOffset>, wording: Wording) -> Option<Checklist> {
        crate::preparation::open_at(&self.plan, self.state, self.session, now, wording)
    }

    /// "Sat 2 Jan 11:00": its moment as a heading names it, with the year only when another
    /// than `now`'s (`crate::preparation::moment_words`).
    pub fn moment_words(&self, now: DateTime<FixedOffset>) -> String {
        crate::preparation::moment_words(&self.plan, now)
    }
}
