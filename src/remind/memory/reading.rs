//! Reading the reminders file as the state file is read: never through a link, never waiting on a pipe, never without limit.

use super::{MAX_REMINDERS_BYTES, MemoryError};
use crate::store::{kind_of, open_no_follow, read_at_most};
use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

/// The bytes of the file at `path`, `None` when there is none; read as the state file is
/// (`store::read`): never through a link, never waiting on a pipe, never without limit.
pub(super) fn read(path: &Path) -> Result<Option<Vec<u8>>, MemoryError> {
    let io = |source| MemoryError::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    };
    let file = match open_no_follow(path, OpenOptions::new().read(true)) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unusable_or(path, e, io)),
    };
    let size = regular(&file, path)?;
    let too_large = |read: u64| MemoryError::Unusable {
        path: path.to_path_buf(),
        what: format!(
            "{} bytes, far more than such a record holds",
            size.max(read)
        ),
    };
    if size > MAX_REMINDERS_BYTES {
        return Err(too_large(size));
    }
    read_at_most(file, MAX_REMINDERS_BYTES)
        .map_err(io)?
        .map(Some)
        .map_err(too_large)
}

/// The size of `file`, an open regular file, or why it is not one.
pub(super) fn regular(file: &File, path: &Path) -> Result<u64, MemoryError> {
    let meta = file.metadata().map_err(|source| MemoryError::Io {
        action: "look at",
        path: path.to_path_buf(),
        source,
    })?;
    if meta.is_file() {
        Ok(meta.len())
    } else {
        Err(MemoryError::Unusable {
            path: path.to_path_buf(),
            what: kind_of(&meta.file_type()).to_string(),
        })
    }
}

/// A failed open: `Unusable` when the path is a symbolic link, else `other(error)`.
pub(super) fn unusable_or(
    path: &Path,
    error: io::Error,
    other: impl FnOnce(io::Error) -> MemoryError,
) -> MemoryError {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => MemoryError::Unusable {
            path: path.to_path_buf(),
            what: "a symbolic link".into(),
        },
        _ => other(error),
    }
}
