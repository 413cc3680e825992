//! `State::apply`: how each change is applied to the state as the file holds it under the lock.

use super::{Change, Conflict};
use crate::store::{PlanRef, Removed, Session, State};
use chrono::{DateTime, FixedOffset, NaiveDate};

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
                let changed = patch.apply_to(checkin);
                // A day whose last rating was taken back, with no note, has no check-in.
                if checkin.ratings.is_empty() && checkin.note.is_empty() && checkin.other.is_empty()
                {
                    session.checkins.remove(date);
                }
                Ok(changed)
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
