//! What the user did, and nothing else: treatments and tick-offs, keyed by stable ids and
//! dates in sorted maps, so the file diffs cleanly and old files always load.
//!
//! The plan is never stored; it is derived from the rules each time. A rule that is renamed or
//! removed from the rules file leaves its tick-offs here untouched.

mod file;
mod recover;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

pub use file::{STATE_FILE, Store, StoreError};
pub use recover::{Damage, Notice, Opened};

/// The newest state format this build writes. Files with a larger number are never written.
pub const STATE_FORMAT: u32 = 1;

/// Tick-offs: for each local date, the ids of the tasks ticked on it.
pub type Ticks = BTreeMap<NaiveDate, BTreeSet<String>>;

/// The whole state file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub format: u32,
    /// Treatments, earliest first.
    #[serde(default)]
    pub sessions: Vec<Session>,
    /// Fields written by a newer aftercare: kept as they are, so saving never drops them.
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

/// One treatment and what was done after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The treatment moment, with the offset it was recorded in.
    pub at: DateTime<FixedOffset>,
    #[serde(default)]
    pub ticks: Ticks,
    /// Daily check-ins, one per local date (a second one that day replaces the first).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub checkins: BTreeMap<NaiveDate, CheckIn>,
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

/// How the skin is doing on one day, in the patient's own ratings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CheckIn {
    /// Rating 0–5 for each symptom id of the plan.
    #[serde(default)]
    pub ratings: BTreeMap<String, u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

impl Default for State {
    fn default() -> Self {
        State {
            format: STATE_FORMAT,
            sessions: Vec::new(),
            other: BTreeMap::new(),
        }
    }
}

/// One thing the user did. Saving applies it to the file as it is on disk at that moment, so
/// two copies of the app ticking different tasks never undo each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Record a treatment (a no-op if one at that instant exists).
    AddSession { at: DateTime<FixedOffset> },
    /// Move the session at `from` to `to`, keeping its tick-offs (they are keyed by date).
    MoveSession {
        from: DateTime<FixedOffset>,
        to: DateTime<FixedOffset>,
    },
    Tick {
        session: DateTime<FixedOffset>,
        date: NaiveDate,
        task: String,
    },
    Untick {
        session: DateTime<FixedOffset>,
        date: NaiveDate,
        task: String,
    },
    /// Save the day's check-in, replacing an earlier one of the same day.
    CheckIn {
        session: DateTime<FixedOffset>,
        date: NaiveDate,
        checkin: CheckIn,
    },
}

impl Session {
    pub fn new(at: DateTime<FixedOffset>) -> Self {
        Session {
            at,
            ticks: Ticks::new(),
            checkins: BTreeMap::new(),
            other: BTreeMap::new(),
        }
    }

    pub fn is_ticked(&self, date: NaiveDate, task: &str) -> bool {
        self.ticks.get(&date).is_some_and(|ids| ids.contains(task))
    }
}

impl State {
    /// The session in force at `now`: the latest that has started, or, when all are still
    /// ahead, the next one.
    pub fn current_session(&self, now: DateTime<FixedOffset>) -> Option<&Session> {
        self.sessions
            .iter()
            .rev()
            .find(|s| s.at <= now)
            .or_else(|| self.sessions.first())
    }

    pub fn session(&self, at: DateTime<FixedOffset>) -> Option<&Session> {
        self.sessions.iter().find(|s| s.at == at)
    }

    fn session_mut(&mut self, at: DateTime<FixedOffset>) -> Option<&mut Session> {
        self.sessions.iter_mut().find(|s| s.at == at)
    }

    /// Applies a change; returns whether anything changed (ticking a ticked task does not).
    pub fn apply(&mut self, change: &Change) -> bool {
        match change {
            Change::AddSession { at } => {
                if self.session(*at).is_some() {
                    return false;
                }
                self.sessions.push(Session::new(*at));
                self.sessions.sort_by_key(|s| s.at);
                true
            }
            Change::MoveSession { from, to } => {
                if from == to || self.session(*to).is_some() {
                    return false;
                }
                let Some(session) = self.session_mut(*from) else {
                    return false;
                };
                session.at = *to;
                self.sessions.sort_by_key(|s| s.at);
                true
            }
            Change::Tick {
                session,
                date,
                task,
            } => {
                let Some(s) = self.session_mut(*session) else {
                    return false;
                };
                s.ticks.entry(*date).or_default().insert(task.clone())
            }
            Change::Untick {
                session,
                date,
                task,
            } => {
                let Some(s) = self.session_mut(*session) else {
                    return false;
                };
                let Some(ids) = s.ticks.get_mut(date) else {
                    return false;
                };
                let removed = ids.remove(task);
                if ids.is_empty() {
                    s.ticks.remove(date);
                }
                removed
            }
            Change::CheckIn {
                session,
                date,
                checkin,
            } => {
                let Some(s) = self.session_mut(*session) else {
                    return false;
                };
                s.checkins.insert(*date, checkin.clone()).as_ref() != Some(checkin)
            }
        }
    }
}

#[cfg(test)]
mod recover_tests;
#[cfg(test)]
mod tests;
