//! The changes a user makes, each carrying only what the user changed.
//!
//! `Store::save` applies a change under the lock to the state as the file holds it at that
//! moment, never to a copy read earlier: two copies of the app (or a script and the app)
//! ticking different tasks, or rating different symptoms of the same day, never undo each
//! other. A change that names something the file no longer holds (a treatment moved by
//! another copy meanwhile) is refused with a `Conflict` rather than applied to something else.

use super::{CheckIn, PhotoCopy, PlanCopy, PlanRef, Removed, Session, State};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::BTreeMap;

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
    /// The note the user wrote (`Some("")` clears it); `None` keeps the stored note.
    pub note: Option<String>,
}

impl CheckInPatch {
    /// Whether the patch changes nothing at all.
    pub fn is_empty(&self) -> bool {
        self.ratings.is_empty() && self.note.is_none()
    }

    /// Merges the patch into `checkin`; returns whether anything changed.
    pub fn apply_to(&self, checkin: &mut CheckIn) -> bool {
        let mut changed = false;
        for (symptom, &rating) in &self.ratings {
            changed |= checkin.ratings.insert(symptom.clone(), rating) != Some(rating);
        }
        if let Some(note) = self.note.as_ref().filter(|n| **n != checkin.note) {
            checkin.note.clone_from(note);
            changed = true;
        }
        changed
    }
}

/// Why a change was refused: the file, as re-read under the lock, no longer holds what the
/// user acted on. Nothing was saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Conflict {
    #[error(
        "the treatment of {} is no longer recorded (another copy of aftercare changed the treatments meanwhile); nothing was saved",
        moment(*.0)
    )]
    NoSession(DateTime<FixedOffset>),
    #[error(
        "no removed treatment of {} is kept (another copy of aftercare may have restored it); nothing was changed",
        moment(*.0)
    )]
    NotRemoved(DateTime<FixedOffset>),
    #[error(
        "a treatment of {} is recorded already; remove it first to restore the one kept aside",
        moment(*.0)
    )]
    AlreadyRecorded(DateTime<FixedOffset>),
    #[error("{}; nothing was moved", not_latest(*.expected, *.latest))]
    NotLatest {
        /// The latest treatment as the user saw it.
        expected: Option<DateTime<FixedOffset>>,
        /// The latest treatment in the file.
        latest: Option<DateTime<FixedOffset>>,
    },
}

/// "Fri 20 Nov 2026 14:00", in the offset the treatment was recorded in.
fn moment(at: DateTime<FixedOffset>) -> String {
    at.format("%a %-d %b %Y %H:%M").to_string()
}

fn not_latest(
    expected: Option<DateTime<FixedOffset>>,
    latest: Option<DateTime<FixedOffset>>,
) -> String {
    let meanwhile = "another copy of aftercare changed the treatments meanwhile";
    match (expected, latest) {
        (Some(e), Some(l)) => format!(
            "the latest treatment is now {}, not {} ({meanwhile})",
            moment(l),
            moment(e)
        ),
        (Some(e), None) => format!(
            "the treatment of {} is no longer recorded ({meanwhile})",
            moment(e)
        ),
        (None, Some(l)) => format!(
            "a treatment was recorded meanwhile, {} ({meanwhile})",
            moment(l)
        ),
        (None, None) => meanwhile.to_string(),
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

impl State {
    /// Applies a change; returns whether anything changed (ticking a ticked task does not).
    ///
    /// # Errors
    /// `Conflict` when the change names a treatment the state no longer holds, or replaces a
    /// treatment that is no longer the latest; the state is then left as it was.
    pub fn apply(&mut self, change: &Change) -> Result<bool, Conflict> {
        match change {
            Change::AddSession { at } => Ok(self.add_session(*at, None, None)),
            Change::AddSessionFollowing { at, plan, recorded } => {
                Ok(self.add_session(*at, Some(&plan.reference), Some(*recorded)))
            }
            Change::FollowPlan { session, plan } => {
                let session = self.session_for(*session)?;
                // The same plan again changes nothing (and keeps what a newer aftercare wrote
                // beside its name).
                let same = session.plan.as_ref().map(|p| &p.sha256) == Some(&plan.reference.sha256);
                if !same {
                    session.plan = Some(plan.reference.clone());
                }
                Ok(!same)
            }
            Change::ReplaceLatest {
                from,
                to,
                plan,
                recorded,
            } => self.replace_latest(*from, *to, plan.as_ref().map(|p| &p.reference), *recorded),
            Change::RemoveSession { at, removed } => {
                let index = self.sessions.iter().position(|s| s.at == *at);
                let index = index.ok_or(Conflict::NoSession(*at))?;
                let session = self.sessions.remove(index);
                self.removed.push(Removed {
                    removed: *removed,
                    session,
                    other: Default::default(),
                });
                Ok(true)
            }
            Change::RestoreSession { at } => {
                let index = self.removed.iter().rposition(|r| r.session.at == *at);
                let index = index.ok_or(Conflict::NotRemoved(*at))?;
                if self.session(*at).is_some() {
                    return Err(Conflict::AlreadyRecorded(*at));
                }
                let removed = self.removed.remove(index);
                self.sessions.push(removed.session);
                self.sessions.sort_by_key(|s| s.at);
                Ok(true)
            }
            Change::Tick {
                session,
                date,
                task,
            } => Ok(self
                .session_for(*session)?
                .ticks
                .entry(*date)
                .or_default()
                .insert(task.clone())),
            Change::Untick {
                session,
                date,
                task,
            } => Ok(untick(self.session_for(*session)?, task, *date, *date)),
            Change::UntickRange {
                session,
                task,
                first,
                last,
            } => Ok(untick(self.session_for(*session)?, task, *first, *last)),
            Change::CheckIn {
                session,
                date,
                patch,
            } => {
                let session = self.session_for(*session)?;
                if patch.is_empty() {
                    return Ok(false);
                }
                let checkin = session.checkins.entry(*date).or_default();
                Ok(patch.apply_to(checkin))
            }
            Change::AddPhoto {
                session,
                date,
                photo,
            } => {
                let photos = self.session_for(*session)?.photos.entry(*date).or_default();
                if photos.iter().any(|p| p.sha256 == photo.record.sha256) {
                    return Ok(false);
                }
                photos.push(photo.record.clone());
                Ok(true)
            }
            Change::RemovePhoto { session, sha256 } => {
                let session = self.session_for(*session)?;
                let before = session.photos.values().map(Vec::len).sum::<usize>();
                for photos in session.photos.values_mut() {
                    photos.retain(|p| p.sha256 != *sha256);
                }
                session.photos.retain(|_, photos| !photos.is_empty());
                Ok(session.photos.values().map(Vec::len).sum::<usize>() != before)
            }
        }
    }

    fn add_session(
        &mut self,
        at: DateTime<FixedOffset>,
        plan: Option<&PlanRef>,
        recorded: Option<DateTime<FixedOffset>>,
    ) -> bool {
        if self.session(at).is_some() {
            return false;
        }
        let mut session = Session::new(at);
        session.recorded = recorded;
        session.plan = match plan {
            Some(plan) => Some(plan.clone()),
            None => self
                .sessions
                .iter()
                .rev()
                .find(|s| s.at < at)
                .and_then(|s| s.plan.clone()),
        };
        self.sessions.push(session);
        self.sessions.sort_by_key(|s| s.at);
        true
    }

    fn replace_latest(
        &mut self,
        from: Option<DateTime<FixedOffset>>,
        to: DateTime<FixedOffset>,
        plan: Option<&PlanRef>,
        recorded: DateTime<FixedOffset>,
    ) -> Result<bool, Conflict> {
        // Sessions are kept in order, so the last is the latest.
        let latest = self.sessions.last().map(|s| s.at);
        if latest != from {
            return Err(Conflict::NotLatest {
                expected: from,
                latest,
            });
        }
        let Some(from) = from else {
            return Ok(self.add_session(to, plan, Some(recorded)));
        };
        // Onto itself, or onto another recorded treatment: there is nothing to move.
        if self.session(to).is_some() {
            return Ok(false);
        }
        if let Some(session) = self.session_mut(from) {
            session.at = to;
        }
        self.sessions.sort_by_key(|s| s.at);
        Ok(true)
    }

    fn session_for(&mut self, at: DateTime<FixedOffset>) -> Result<&mut Session, Conflict> {
        self.session_mut(at).ok_or(Conflict::NoSession(at))
    }
}

/// Removes `task` from every day `first..=last` of `session`; a day this empties is dropped
/// rather than kept as an empty list (other days are left as they are).
fn untick(session: &mut Session, task: &str, first: NaiveDate, last: NaiveDate) -> bool {
    if first > last {
        return false;
    }
    let mut removed = false;
    let mut emptied = Vec::new();
    for (date, ids) in session.ticks.range_mut(first..=last) {
        if ids.remove(task) {
            removed = true;
            if ids.is_empty() {
                emptied.push(*date);
            }
        }
    }
    for date in emptied {
        session.ticks.remove(&date);
    }
    removed
}
