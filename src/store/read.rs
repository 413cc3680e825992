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
use std::path::{Path, PathBuf};

/// The largest state file read, in bytes: 16 MiB.
///
/// A state file holds only what the patient did. A year of monthly treatments with every
/// task of the built-in plan ticked on every day (266 tick-offs a treatment) and a check-in
/// with a full 200-character note every day is 0.31 MiB; the benchmarks' largest file,
/// 100,000 tick-offs, is under 4 MiB. So 16 MiB is decades of the heaviest use, while
/// reading and parsing it stays within a second and a few hundred MB of memory. Anything
/// larger is not a state file (a disk image, a log, a device) and is refused, not read.
pub const MAX_STATE_BYTES: u64 = 16 << 20;

/// Why a file the app keeps for itself (the state, the reminders record, their lock files)
/// could not be opened or read as one: the one set of checks every such file goes through,
/// which each store then says in its own words (`StoreError`, `remind::MemoryError`).
#[derive(Debug)]
pub(crate) enum Unreadable {
    /// The path is a symbolic link, to `target` (resolved against the link's directory).
    SymbolicLink {
        target: PathBuf,
        /// Whether that is a regular file.
        target_is_file: bool,
    },
    /// Not a regular file: "a FIFO (named pipe)", "a directory", … (`kind_of`).
    NotAFile { kind: &'static str },
    /// More than the limit read: `size` bytes, at least.
    TooLarge { size: u64 },
    /// The system refused: `action` ("read", "open the lock file") failed.
    Io {
        action: &'static str,
        source: io::Error,
    },
}

impl Unreadable {
    /// The state's words for it, about the file at `path`.
    pub(super) fn into_store(self, path: &Path) -> StoreError {
        let path = path.to_path_buf();
        match self {
            Unreadable::SymbolicLink {
                target,
                target_is_file,
            } => StoreError::SymbolicLink {
                path,
                target,
                target_is_file,
            },
            Unreadable::NotAFile { kind } => StoreError::NotAFile { path, kind },
            Unreadable::TooLarge { size } => StoreError::TooLarge { path, size },
            Unreadable::Io { action, source } => StoreError::Io {
                action,
                path,
                source,
            },
        }
    }
}

/// The bytes of a file the app keeps in a folder of its own (`plans/`, `photos/`), `None`
/// when there is none, or why it cannot be used, in words that follow "… is damaged: ":
/// "it is a symbolic link; aftercare keeps its `kept` as plain files", "it is a FIFO (named
/// pipe), not a regular file", "it cannot be read: …", or `too_large` past `max` bytes.
pub(crate) fn read_kept(
    path: &Path,
    max: u64,
    kept: &str,
    too_large: impl FnOnce() -> String,
) -> Result<Option<Vec<u8>>, String> {
    read_regular(path, max, &[io::ErrorKind::NotFound]).map_err(|why| match why {
        Unreadable::SymbolicLink { .. } => {
            format!("it is a symbolic link; aftercare keeps its {kept} as plain files")
        }
        Unreadable::NotAFile { kind } => format!("it is {kind}, not a regular file"),
        Unreadable::TooLarge { .. } => too_large(),
        Unreadable::Io { source, .. } => format!("it cannot be read: {source}"),
    })
}

/// The bytes of the state file at `path`, or `None` when there is none.
///
/// # Errors
/// `SymbolicLink`, `NotAFile` (a FIFO, device, socket or directory), `TooLarge`, or `Io`.
pub(super) fn read_state(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    // A path through a regular file (ENOTDIR) holds no state either; saving there fails
    // later, with its own message, and the app keeps running.
    let missing = [io::ErrorKind::NotFound, io::ErrorKind::NotADirectory];
    read_regular(path, MAX_STATE_BYTES, &missing).map_err(|e| e.into_store(path))
}

/// The bytes of the regular file at `path`, never more than `max`; `None` when opening it
/// fails with one of the `missing` kinds (there is no such file). Never through a link,
/// never waiting on a pipe or device, never without limit.
pub(crate) fn read_regular(
    path: &Path,
    max: u64,
    missing: &[io::ErrorKind],
) -> Result<Option<Vec<u8>>, Unreadable> {
    let file = match open_regular(path, OpenOptions::new().read(true), "read") {
        Err(Unreadable::Io { source, .. }) if missing.contains(&source.kind()) => {
            return Ok(None);
        }
        other => other,
    };
    let (file, size) = file?;
    if size > max {
        return Err(Unreadable::TooLarge { size });
    }
    read_at_most(file, max)
        .map_err(|source| Unreadable::Io {
            action: "read",
            source,
        })?
        .map(Some)
        .map_err(|read| Unreadable::TooLarge {
            size: size.max(read),
        })
}

/// Opens `path` with `options` (`open_no_follow`) and checks, on the open file, that it is a
/// regular file: the file and its size in bytes. `action` names what failed in an `Io`.
pub(crate) fn open_regular(
    path: &Path,
    options: &mut OpenOptions,
    action: &'static str,
) -> Result<(File, u64), Unreadable> {
    let io = |source| Unreadable::Io { action, source };
    let file = open_no_follow(path, options).map_err(|e| link_or(path, e, io))?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(Unreadable::NotAFile {
            kind: kind_of(&meta.file_type()),
        });
    }
    Ok((file, meta.len()))
}

/// The bytes of `file`, read to its end but never more than `max` and one byte (a file may
/// grow after `fstat`, and a device never ends): `Ok(Err(n))` when it holds more than `max`,
/// `n` being the bytes read. Every bounded read of the app's files goes through here.
pub(crate) fn read_at_most(file: File, max: u64) -> io::Result<Result<Vec<u8>, u64>> {
    // Room for the whole file at once (`take` hides its size from `read_to_end`): growing by
    // doubling would hold up to twice a 35 MiB plan copy while it is read.
    let size = file.metadata().map_or(0, |meta| meta.len());
    let mut bytes = Vec::with_capacity(usize::try_from(size.min(max + 1)).unwrap_or(0));
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        Ok(Err(bytes.len() as u64))
    } else {
        Ok(Ok(bytes))
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
fn link_or(
    path: &Path,
    error: io::Error,
    other: impl FnOnce(io::Error) -> Unreadable,
) -> Unreadable {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            let target = fs::read_link(path).unwrap_or_default();
            // A relative target is relative to the link's directory.
            let resolved = path
                .parent()
                .map_or(target.clone(), |dir| dir.join(&target));
            Unreadable::SymbolicLink {
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
