//! The changes a user makes, each carrying only what the user changed.
//!
//! `Store::save` applies a change under the lock to the state as the file holds it at that
//! moment, never to a copy read earlier: two copies of the app (or a script and the app)
//! ticking different tasks, or rating different symptoms of the same day, never undo each
//! other. A change that names something the file no longer holds (a treatment moved by
//! another copy meanwhile) is refused with a `Conflict` rather than applied to something else.

use super::{CheckIn, PhotoCopy, PlanCopy};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

mod apply;
mod conflict;

pub use conflict::Conflict;

/// One thing the user did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Record a treatment (a no-op if one at that instant exists). It follows the plan of
    /// the treatment before it, if that one has a plan recorded (a series goes on with its
    /// plan); otherwise none is recorded.
    AddSession { at: DateTime<FixedOffset> },
    /// Record a treatment that follows `plan`, keeping the plan's copy in `plans/` (a no-op
    /// if a treatment at that instant exists). `recorded` is when the patient did so.
    AddSessionFollowing {
        at: DateTime<FixedOffset>,
        plan: PlanCopy,
        recorded: DateTime<FixedOffset>,
    },
    /// The patient switches a treatment to another plan on purpose (`rules use`): only the
    /// plan it follows changes; tick-offs and check-ins stay, keyed by id and date.
    FollowPlan {
        session: DateTime<FixedOffset>,
        plan: PlanCopy,
    },
    /// Move the latest treatment to `to`, keeping its tick-offs (they are keyed by date).
    /// `from` is the latest treatment as the user saw it (`None`: they saw none, and `to` is
    /// added). Refused with `Conflict::NotLatest` when the file's latest treatment is another
    /// one by the time the lock is held, so a treatment recorded meanwhile is never moved.
    ReplaceLatest {
        from: Option<DateTime<FixedOffset>>,
        to: DateTime<FixedOffset>,
        /// The plan the treatment follows when there is none to move and `to` is added; a
        /// moved treatment keeps its own.
        plan: Option<PlanCopy>,
        /// When the patient did this: kept as the added treatment's `recorded`; a moved
        /// treatment keeps its own (the app knew of it from then).
        recorded: DateTime<FixedOffset>,
    },
    /// Take the treatment at `at` out of the series, keeping it aside in `State::removed`
    /// with its tick-offs and check-ins (`RestoreSession` brings it back). `removed` is when.
    RemoveSession {
        at: DateTime<FixedOffset>,
        removed: DateTime<FixedOffset>,
    },
    /// Bring back the treatment at `at` last removed, as it was. Refused when none was, or
    /// when a treatment at that instant has been recorded since.
    RestoreSession { at: DateTime<FixedOffset> },
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
    /// Undo every tick-off of `task` dated `first` to `last` (both included), as the file
    /// holds them then: a task done once counts as done from the day it was ticked on, so
    /// undoing it clears each such tick, including one another copy added meanwhile.
    UntickRange {
        session: DateTime<FixedOffset>,
        task: String,
        first: NaiveDate,
        last: NaiveDate,
    },
    /// Merge what the user changed into the day's check-in (made if there is none yet).
    CheckIn {
        session: DateTime<FixedOffset>,
        date: NaiveDate,
        patch: CheckInPatch,
    },
    /// File a photo under `date` (its picture is kept in `photos/` first); a no-op if the
    /// same picture is already filed on that date.
    AddPhoto {
        session: DateTime<FixedOffset>,
        date: NaiveDate,
        photo: PhotoCopy,
    },
    /// Take the photo with this SHA-256 off the treatment, whatever date it is filed under;
    /// its picture is deleted once no treatment names it.
    RemovePhoto {
        session: DateTime<FixedOffset>,
        sha256: String,
    },
}

/// What the user changed in a day's check-in, and nothing else. Merged under the lock into
/// the check-in as the file holds it then, so ratings and notes given meanwhile elsewhere are
/// kept: a form or a command puts in only the fields its user set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckInPatch {
    /// The ratings the user gave (0–5), by symptom id; symptoms not named keep theirs.
    pub ratings: BTreeMap<String, u8>,
    /// The symptoms whose rating the user took back ("not rated" again: a rating given by
    /// mistake), by id; a symptom also in `ratings` keeps the rating given.
    pub cleared: BTreeSet<String>,
    /// The note the user wrote (`Some("")` clears it); `None` keeps the stored note.
    pub note: Option<String>,
    /// When the ratings were given, for a check-in of the day it is saved on; `None` for an
    /// earlier day's, whose time is not known (`CheckIn::rated_at`).
    pub at: Option<DateTime<FixedOffset>>,
}

impl CheckInPatch {
    /// Whether the patch changes nothing at all.
    pub fn is_empty(&self) -> bool {
        self.ratings.is_empty() && self.cleared.is_empty() && self.note.is_none()
    }

    /// Merges the patch into `checkin`; returns whether anything changed.
    pub fn apply_to(&self, checkin: &mut CheckIn) -> bool {
        let mut changed = false;
        for symptom in self
            .cleared
            .iter()
            .filter(|s| !self.ratings.contains_key(*s))
        {
            changed |= checkin.ratings.remove(symptom).is_some();
            changed |= checkin.rated_at.remove(symptom).is_some();
        }
        for (symptom, &rating) in &self.ratings {
            changed |= checkin.ratings.insert(symptom.clone(), rating) != Some(rating);
            // The time goes with the rating: one given afterwards for its day has none, and
            // the time of the rating it replaces no longer says when this one was true.
            changed |= match self.at {
                Some(at) => checkin.rated_at.insert(symptom.clone(), at) != Some(at),
                None => checkin.rated_at.remove(symptom).is_some(),
            };
        }
        if let Some(note) = self.note.as_ref().filter(|n| **n != checkin.note) {
            checkin.note.clone_from(note);
            changed = true;
        }
        changed
    }
}

impl Change {
    /// The plan copy this change records, which `Store::save` keeps in `plans/` first.
    pub fn plan_copy(&self) -> Option<&PlanCopy> {
        match self {
            Change::AddSessionFollowing { plan, .. } | Change::FollowPlan { plan, .. } => {
                Some(plan)
            }
            Change::ReplaceLatest { plan, .. } => plan.as_ref(),
            _ => None,
        }
    }
}
