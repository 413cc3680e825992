//! Reading the state file safely: only a regular file, never through a symbolic link, never
//! waiting, never more than `MAX_STATE_BYTES`.
//!
//! A FIFO as `state.json` made every command wait forever for a writer; a link to /dev/zero
//! read without end (1.4 GB in 5 s). So the file is opened without following a link and
//! without blocking (`O_NOFOLLOW | O_NONBLOCK`: opening a FIFO then returns at once), and
//! `fstat` on the open file, which cannot be swapped for another between check and read,
//! decides whether it is read at all.

use super::StoreError;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// The largest state file read, in bytes: 16 MiB.
///
/// A state file holds only what the patient did. A year of monthly treatments with every
/// task of the built-in plan ticked on every day (266 tick-offs a treatment) and a check-in
/// with a full 200-character note every day is 0.31 MiB; the benchmarks' largest file,
/// 100,000 tick-offs, is under 4 MiB. So 16 MiB is decades of the heaviest use, while
/// reading and parsing it stays within a second and a few hundred MB of memory. Anything
/// larger is not a state file (a disk image, a log, a device) and is refused, not read.
pub const MAX_STATE_BYTES: u64 = 16 << 20;

/// The bytes of the state file at `path`, or `None` when there is none.
///
/// # Errors
/// `SymbolicLink`, `NotAFile` (a FIFO, device, socket or directory), `TooLarge`, or `Io`.
pub(super) fn read_state(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    let io_err = |source| StoreError::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    };
    let file = match open_no_follow(path, OpenOptions::new().read(true)) {
        Ok(file) => file,
        // A path through a regular file (ENOTDIR) holds no state either; saving there
        // fails later, with its own message, and the app keeps running.
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(None);
        }
        Err(e) => return Err(link_or(path, e, io_err)),
    };
    let meta = file.metadata().map_err(io_err)?;
    if !meta.is_file() {
        return Err(StoreError::NotAFile {
            path: path.to_path_buf(),
            kind: kind_of(&meta.file_type()),
        });
    }
    if meta.len() > MAX_STATE_BYTES {
        return Err(too_large(path, meta.len()));
    }
    read_at_most(file, MAX_STATE_BYTES)
        .map_err(io_err)?
        .map(Some)
        .map_err(|read| too_large(path, read))
}

/// The bytes of `file`, read to its end but never more than `max` and one byte (a file may
/// grow after `fstat`, and a device never ends): `Ok(Err(n))` when it holds more than `max`,
/// `n` being the bytes read. Every bounded read of the app's files goes through here.
pub(crate) fn read_at_most(file: File, max: u64) -> io::Result<Result<Vec<u8>, u64>> {
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        Ok(Err(bytes.len() as u64))
    } else {
        Ok(Ok(bytes))
    }
}

fn too_large(path: &Path, size: u64) -> StoreError {
    StoreError::TooLarge {
        path: path.to_path_buf(),
        size,
    }
}

/// Opens `path` with `options`, failing rather than following a symbolic link in its last
/// component, and without waiting (a FIFO opens at once; regular files ignore the flag).
pub(crate) fn open_no_follow(path: &Path, options: &mut OpenOptions) -> io::Result<File> {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        options,
        libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC,
    );
    options.open(path)
}

/// The error for a failed `open_no_follow`: `SymbolicLink` when the path is a link (the
/// system's ELOOP says only "too many levels of symbolic links"), else `other(error)`.
pub(super) fn link_or(
    path: &Path,
    error: io::Error,
    other: impl FnOnce(io::Error) -> StoreError,
) -> StoreError {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            let target = fs::read_link(path).unwrap_or_default();
            // A relative target is relative to the link's directory.
            let resolved = path
                .parent()
                .map_or(target.clone(), |dir| dir.join(&target));
            StoreError::SymbolicLink {
                path: path.to_path_buf(),
                target_is_file: fs::metadata(&resolved).is_ok_and(|m| m.is_file()),
                target: resolved,
            }
        }
        _ => other(error),
    }
}

/// "a FIFO (named pipe)", "a directory", … for messages.
pub(crate) fn kind_of(file_type: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else {
        "something else"
    }
}
