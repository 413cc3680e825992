//! What the user did, and nothing else: treatments and tick-offs, keyed by stable ids and
//! dates in sorted maps, so the file diffs cleanly and old files always load.
//!
//! Each treatment names the plan it follows (`PlanRef`), and a copy of that plan is kept in
//! `plans/` (`plans`); the days are derived from it each time. A rule that is renamed or
//! removed from the plan leaves its tick-offs here untouched. Fields this build does not
//! know (written by a newer aftercare) are kept byte for byte (`RawJson`).
//!
//! Photos are listed per treatment and date here; the pictures are kept in `photos/`
//! (`photos`), written before the state that names them.
//!
//! Every change is a `Change` that carries only what the user changed; `Store::save` applies
//! it, under the lock, to the file as it is on disk at that moment (see `change`).

mod change;
mod dir;
mod error;
mod file;
mod kept_dir;
mod photos;
mod plans;
mod raw;
mod read;
mod recover;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

pub use change::{Change, CheckInPatch, Conflict};
pub use error::StoreError;
pub use file::{STATE_FILE, Saved, Store};
pub use photos::{PHOTOS_DIR, Photo, PhotoCopy};
pub use plans::{MAX_PLAN_BYTES, PLANS_DIR, PlanCopy, PlanRef};
pub use raw::RawJson;
pub use read::MAX_STATE_BYTES;
pub(crate) use read::{Unreadable, kind_of, open_regular, read_at_most, read_regular};
pub use recover::{Damage, Notice, Opened};

/// The newest state format this build writes. Files with a larger number are never written.
pub const STATE_FORMAT: u32 = 1;

/// Tick-offs: for each local date, the ids of the tasks ticked on it.
pub type Ticks = BTreeMap<NaiveDate, BTreeSet<String>>;

/// Fields of an object that this build does not know, by name, as the file wrote them.
pub type Unknown = BTreeMap<String, RawJson>;

/// The whole state file. Read field by field (`raw`), so unknown fields keep their bytes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct State {
    pub format: u32,
    /// Treatments, earliest first.
    pub sessions: Vec<Session>,
    /// Treatments the patient removed (`Change::RemoveSession`), with their tick-offs and
    /// check-ins, kept aside so they can be restored; oldest removal first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<Removed>,
    /// Fields written by a newer aftercare: kept as they are, so saving never drops them.
    #[serde(flatten)]
    pub other: Unknown,
}

/// One treatment and what was done after it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Session {
    /// The treatment moment, with the offset it was recorded in.
    pub at: DateTime<FixedOffset>,
    /// The plan the treatment follows, its copy kept in `plans/`. `None` for a treatment
    /// recorded by an aftercare before plans were remembered: it follows the plan each run
    /// names (`--rules`, or the built-in plan), as it always did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanRef>,
    /// When the patient recorded the treatment (the app's clock then). Progress counts a
    /// task only from then on: a slot that ended before the app knew of the treatment is
    /// not missed. `None` for a treatment recorded before this was kept: everything counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded: Option<DateTime<FixedOffset>>,
    pub ticks: Ticks,
    /// Daily check-ins, one per local date (a second one that day adds to the first).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub checkins: BTreeMap<NaiveDate, CheckIn>,
    /// Photos, by the local date they are filed under, in the order added (`photos`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub photos: BTreeMap<NaiveDate, Vec<Photo>>,
    #[serde(flatten)]
    pub other: Unknown,
}

/// A treatment the patient removed, as it was, and when they removed it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Removed {
    /// The moment of the removal (the app's clock then).
    pub removed: DateTime<FixedOffset>,
    /// The treatment with its tick-offs and check-ins, untouched.
    pub session: Session,
    #[serde(flatten)]
    pub other: Unknown,
}

/// How the skin is doing on one day, in the patient's own ratings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CheckIn {
    /// Rating 0–5 for each symptom id of the plan.
    pub ratings: BTreeMap<String, u8>,
    /// The patient's own words, as stored: show it through `crate::inert`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When each rating was given, by symptom id (the latest save that rated it on its own
    /// day). An alert of the plan that begins some hours after the treatment (from 48 h,
    /// say) fires only for a rating given inside its window: weighed by its day alone, a
    /// rating at 35 h on Day 3 had set off an alert "after 2 days". Empty for a day
    /// rated afterwards (`checkin --day`) and in files written before this field; such
    /// ratings are weighed by their whole day.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub rated_at: BTreeMap<String, DateTime<FixedOffset>>,
    #[serde(flatten)]
    pub other: Unknown,
}

impl Default for State {
    fn default() -> Self {
        State {
            format: STATE_FORMAT,
            sessions: Vec::new(),
            removed: Vec::new(),
            other: Unknown::new(),
        }
    }
}

impl Session {
    pub fn new(at: DateTime<FixedOffset>) -> Self {
        Session {
            at,
            plan: None,
            recorded: None,
            ticks: Ticks::new(),
            checkins: BTreeMap::new(),
            photos: BTreeMap::new(),
            other: Unknown::new(),
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

    /// Whether a treatment later than `session` is recorded (already given, or ahead): the
    /// next session of `session` exists, so nothing asks to book it. The one answer `today`,
    /// the screens and `remind` all take.
    pub fn is_followed(&self, session: &Session) -> bool {
        self.next_after(session).is_some()
    }

    /// When the next treatment after `session` is recorded for, if one is: the next session
    /// that `today` names and `check` says is booked.
    pub fn next_after(&self, session: &Session) -> Option<DateTime<FixedOffset>> {
        self.sessions
            .iter()
            .map(|s| s.at)
            .filter(|at| *at > session.at)
            .min()
    }

    /// The removed treatment at `at`, the latest removal of it first.
    pub fn removed_session(&self, at: DateTime<FixedOffset>) -> Option<&Removed> {
        self.removed.iter().rev().find(|r| r.session.at == at)
    }

    fn session_mut(&mut self, at: DateTime<FixedOffset>) -> Option<&mut Session> {
        self.sessions.iter_mut().find(|s| s.at == at)
    }
}

/// A temporary data directory only its owner can use, whatever the umask: one its group can
/// write to (0775, as umask 002 makes them) is refused (`dir`).
#[cfg(test)]
pub(crate) fn private_tempdir() -> tempfile::TempDir {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
    builder.tempdir().unwrap()
}

#[cfg(test)]
mod change_tests;
#[cfg(test)]
mod newer_fields_tests;
#[cfg(test)]
mod photo_tests;
#[cfg(test)]
mod plan_tests;
#[cfg(test)]
mod recover_tests;
#[cfg(test)]
mod remove_tests;
#[cfg(test)]
mod safety_tests;
#[cfg(test)]
mod tests;
