//! Where the app's changes go: the patient's state file, or (in demo mode) nowhere but memory.
//!
//! The app applies every change through this one seam, so a demo cannot write to disk by
//! accident: there is no `Store` in it to write with.

use crate::store::{Change, CheckIn, Photo, State, Store, StoreError};
use chrono::{DateTime, FixedOffset, NaiveDate};

/// The data file as seen from outside (`Storage::stamp`).
pub type Stamp = (Option<std::time::SystemTime>, u64, u64);

/// The app's storage.
#[derive(Debug, Clone)]
pub enum Storage {
    /// The data directory: each change is saved (locked, merged, atomic) before it shows.
    Disk(Store),
    /// Memory only: changes live as long as the app; the disk is never read or written.
    Memory,
}

impl Storage {
    /// Applies `change` and returns the state as kept. `current` is what the app shows now;
    /// the disk re-reads its file instead, so other writers' changes are merged, not lost.
    pub fn apply(&self, current: &State, change: &Change) -> Result<State, StoreError> {
        match self {
            Storage::Disk(store) => store.apply(change),
            Storage::Memory => {
                let mut state = current.clone();
                state.apply(change)?;
                Ok(state)
            }
        }
    }

    /// The day's check-in of the treatment at `session` as kept now: re-read from the file
    /// (another copy of aftercare, or `aftercare checkin` in another shell, may have saved one
    /// since the app read it), or taken from `current` in memory. `None` when there is none.
    ///
    /// # Errors
    /// As `Store::read_checkin`: the file cannot be read (the app then says why).
    pub fn read_checkin(
        &self,
        current: &State,
        session: DateTime<FixedOffset>,
        date: NaiveDate,
    ) -> Result<Option<CheckIn>, StoreError> {
        match self {
            Storage::Disk(store) => store.read_checkin(session, date),
            Storage::Memory => Ok(current
                .session(session)
                .and_then(|s| s.checkins.get(&date))
                .cloned()),
        }
    }

    /// The state as kept now: the file re-read, or `current` in memory.
    ///
    /// # Errors
    /// As `Store::load`.
    pub fn load(&self, current: &State) -> Result<State, StoreError> {
        match self {
            Storage::Disk(store) => store.load(),
            Storage::Memory => Ok(current.clone()),
        }
    }

    /// The picture of `photo`: read from the data directory (checked against its SHA-256),
    /// or in a demo, the bundled sample it is (`crate::photo::SAMPLES`).
    ///
    /// # Errors
    /// As `Store::read_photo`; in a demo, a photo that is not a sample.
    pub fn read_photo(&self, photo: &Photo) -> Result<Vec<u8>, StoreError> {
        match self {
            Storage::Disk(store) => store.read_photo(photo),
            Storage::Memory => crate::photo::SAMPLES
                .iter()
                .find(|s| crate::rules::sha256_hex(s.bytes) == photo.sha256)
                .map(|s| s.bytes.to_vec())
                .ok_or_else(|| StoreError::Photo {
                    path: photo.id().into(),
                    why: "a demo shows only its sample photos".into(),
                }),
        }
    }

    /// What the data file looks like from outside (its modification time, length and
    /// inode: an atomic write replaces the file), to notice that another process changed
    /// it. `None` in memory, or when the file cannot be looked at.
    pub fn stamp(&self) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        match self {
            Storage::Disk(store) => {
                let meta = std::fs::metadata(store.path()).ok()?;
                Some((meta.modified().ok(), meta.len(), meta.ino()))
            }
            Storage::Memory => None,
        }
    }

    /// Whether changes outlive the app.
    pub fn saves(&self) -> bool {
        matches!(self, Storage::Disk(_))
    }
}

impl From<Store> for Storage {
    fn from(store: Store) -> Self {
        Storage::Disk(store)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::CheckInPatch;

    #[test]
    fn memory_keeps_changes_without_a_directory() {
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        let storage = Storage::Memory;
        let state = storage
            .apply(&State::default(), &Change::AddSession { at })
            .unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let tick = Change::Tick {
            session: at,
            date,
            task: "no-makeup".into(),
        };
        let state = storage.apply(&state, &tick).unwrap();
        assert!(state.sessions[0].is_ticked(date, "no-makeup"));
        assert!(!storage.saves());
    }

    #[test]
    fn a_checkin_is_read_from_the_file_as_it_is_now_or_from_memory() {
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let rate = |rating| Change::CheckIn {
            session: at,
            date,
            patch: CheckInPatch {
                ratings: [("dryness".to_string(), rating)].into(),
                note: None,
                at: None,
                ..Default::default()
            },
        };
        let dir = tempfile::Builder::new()
            .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
            .tempdir()
            .unwrap();
        let store = Store::new(dir.path());
        let disk = Storage::from(store.clone());
        let seen = disk
            .apply(&State::default(), &Change::AddSession { at })
            .unwrap();
        assert_eq!(disk.read_checkin(&seen, at, date).unwrap(), None);
        // Another writer rates dryness; the app's state does not know.
        store.apply(&rate(2)).unwrap();
        let read = disk.read_checkin(&seen, at, date).unwrap().unwrap();
        assert_eq!(read.ratings["dryness"], 2);

        let memory = Storage::Memory;
        let state = memory.apply(&seen, &rate(4)).unwrap();
        let read = memory.read_checkin(&state, at, date).unwrap().unwrap();
        assert_eq!(read.ratings["dryness"], 4);
        let other_day = date.succ_opt().unwrap();
        assert_eq!(memory.read_checkin(&state, at, other_day).unwrap(), None);
    }
}
