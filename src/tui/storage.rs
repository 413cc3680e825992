//! Where the app's changes go: the patient's state file, or (in demo mode) nowhere but memory.
//!
//! The app applies every change through this one seam, so a demo cannot write to disk by
//! accident: there is no `Store` in it to write with.

use crate::store::{Change, State, Store, StoreError};

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
    use chrono::{DateTime, NaiveDate};

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
}
