//! Reading the reminders file as the state file is read (`store::read_regular`): never
//! through a link, never waiting on a pipe, never without limit; what it refuses, said in
//! the reminders' words.

use super::{MAX_REMINDERS_BYTES, MemoryError};
use crate::store::{Unreadable, open_regular, read_regular};
use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// The bytes of the file at `path`, `None` when there is none.
pub(super) fn read(path: &Path) -> Result<Option<Vec<u8>>, MemoryError> {
    read_regular(path, MAX_REMINDERS_BYTES, &[io::ErrorKind::NotFound])
        .map_err(|e| unusable(path, e))
}

/// Opens the regular file at `path` with `options`, or says why it is not one.
pub(super) fn open(
    path: &Path,
    options: &mut OpenOptions,
    action: &'static str,
) -> Result<File, MemoryError> {
    open_regular(path, options, action)
        .map(|(file, _)| file)
        .map_err(|e| unusable(path, e))
}

/// The reminders' words for a file it cannot use.
fn unusable(path: &Path, error: Unreadable) -> MemoryError {
    let what = match error {
        Unreadable::SymbolicLink { .. } => "a symbolic link".to_string(),
        Unreadable::NotAFile { kind } => kind.to_string(),
        Unreadable::TooLarge { size } => {
            format!("{size} bytes, far more than such a record holds")
        }
        Unreadable::Io { action, source } => {
            return MemoryError::Io {
                action,
                path: path.to_path_buf(),
                source,
            };
        }
    };
    MemoryError::Unusable {
        path: path.to_path_buf(),
        what,
    }
}
