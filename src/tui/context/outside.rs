//! Changes made to the data file by another process while the app is open: a tick with
//! `aftercare check` in another shell, a reminder's check-in. The app's own writes already
//! merge them (each change is applied under the lock to the file as re-read); this keeps
//! what the screen shows in step with the file too.

use super::Context;
use crate::store::{Change, State, StoreError};
use chrono::TimeZone;

impl<Tz: TimeZone> Context<Tz> {
    /// Saves `change` (`Storage::apply`) and returns the state as kept, which is the file as
    /// it now stands: its stamp is taken as seen, so the app's own save is not read back.
    ///
    /// # Errors
    /// As `Storage::apply`.
    pub fn save(&mut self, change: &Change) -> Result<State, StoreError> {
        let state = self.storage.apply(&self.state, change)?;
        self.seen_stamp = self.storage.stamp();
        Ok(state)
    }

    /// Reads the state again when the data file changed since it was last looked at;
    /// returns whether the state changed. The caller derives the day again (`refresh`), once
    /// per tick of the terminal loop with the clock's own change (`App::set_now`). The
    /// selection follows the task it was on (by id, `ChecklistScreen::follow`), so a key
    /// pressed next still lands on the task the user chose. A file that cannot be read now
    /// is left to the next save to report: the screen keeps what it had.
    pub fn take_outside_changes(&mut self) -> bool {
        let stamp = self.storage.stamp();
        if stamp.is_none() || stamp == self.seen_stamp {
            return false;
        }
        self.seen_stamp = stamp;
        match self.storage.load(&self.state) {
            Ok(state) if state != self.state => {
                self.state = state;
                true
            }
            _ => false,
        }
    }
}
