//! The data directory must be the user's own, as ssh insists for `~/.ssh`.
//!
//! A directory other users can write to may hold anything they planted: a `state.json` of
//! their making, a `state.lock` linked to one of the user's files. So a data directory that
//! already exists is used only when it belongs to the user (or to root, as ssh allows) and
//! neither its group nor others can write to it. It is refused, not repaired: making it
//! private would not make what is already in it trustworthy, so the user is told to look
//! and then `chmod 700` it. A directory aftercare creates is made 0700 from the start.
//! Inside it, nothing is followed through a symbolic link (see `read`).

use super::StoreError;
use std::fs;
use std::io;
use std::path::Path;

/// Checks that `dir`, if it exists, is safe to keep the state in (see the module docs).
///
/// # Errors
/// `NotYourDirectory` or `OpenDirectory`; `Io` if its metadata cannot be read.
pub(super) fn check_data_dir(dir: &Path) -> Result<(), StoreError> {
    // Following a link here is right: the directory the link leads to is what is checked.
    let meta = match fs::metadata(dir) {
        Ok(meta) => meta,
        // Not there yet (it is created private), or not a directory at all (reading finds
        // no state there and saving fails, each with its own message).
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(());
        }
        Err(source) => {
            return Err(StoreError::Io {
                action: "look at the data directory",
                path: dir.to_path_buf(),
                source,
            });
        }
    };
    if !meta.is_dir() {
        return Ok(());
    }
    check_owner_and_mode(dir, &meta)
}

#[cfg(unix)]
pub(super) fn check_owner_and_mode(dir: &Path, meta: &fs::Metadata) -> Result<(), StoreError> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    let owner = meta.uid();
    if owner != me && owner != 0 {
        return Err(StoreError::NotYourDirectory {
            dir: dir.to_path_buf(),
            owner,
        });
    }
    let mode = meta.mode() & 0o7777;
    if mode & 0o022 != 0 {
        return Err(StoreError::OpenDirectory {
            dir: dir.to_path_buf(),
            mode,
        });
    }
    Ok(())
}

#[cfg(not(unix))]
pub(super) fn check_owner_and_mode(_dir: &Path, _meta: &fs::Metadata) -> Result<(), StoreError> {
    Ok(())
}
