//! Why the state could not be read or saved, in words a patient can act on.
//!
//! Paths and parser messages can hold text from the file system or the file itself, so they
//! are shown through `crate::inert` like any other file text.

use super::{Conflict, MAX_STATE_BYTES, STATE_FORMAT};
use crate::inert::inert;
use std::io;
use std::path::{Path, PathBuf};

/// Why the state could not be read or saved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot {action} {}: {source}", shown(path))]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(
        "{} is damaged ({message} at line {line}, column {column}); it was left as it is",
        shown(path)
    )]
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        /// The parser's words, made inert (they may quote the file).
        message: String,
    },
    #[error(
        "{} was written by a newer aftercare (state format {found}, this one reads {STATE_FORMAT}); it was left as it is",
        shown(path)
    )]
    NewerFormat { path: PathBuf, found: u32 },
    /// Something other than a regular file where the state file belongs: reading a FIFO or a
    /// device would wait, or never end.
    #[error(
        "{} is {kind}, not a regular file; aftercare reads its state only from a regular file. Move it away (the next save starts a new state file) or pass another --data-dir",
        shown(path)
    )]
    NotAFile { path: PathBuf, kind: &'static str },
    /// The state file is a symbolic link, which aftercare does not follow (docs/reliability.md).
    #[error(
        "{} is a symbolic link (to {}); aftercare does not follow links for its state, so that every save stays locked and atomic. {}",
        shown(path),
        shown(target),
        link_advice(path, target, *target_is_file)
    )]
    SymbolicLink {
        path: PathBuf,
        /// Where the link points, as written in it.
        target: PathBuf,
        /// Whether that is a regular file (one that could be the state).
        target_is_file: bool,
    },
    #[error(
        "{} is {} MiB, more than the {} MiB a state file may be; it was left as it is. A state file holds only treatments, tick-offs and check-ins (a year of them is about 0.3 MiB), so this is not one",
        shown(path),
        size.div_ceil(1 << 20),
        MAX_STATE_BYTES >> 20
    )]
    TooLarge { path: PathBuf, size: u64 },
    /// The data directory can be written by other users: files in it may have been planted.
    #[error(
        "the data directory {} can be written by other users ({} can write to it: mode {mode:04o}), so files in it may not be yours; aftercare will not use it. Check what is in it, then make it private with `chmod 700 {}`, or pass another --data-dir",
        shown(dir),
        writers(*mode),
        shown(dir)
    )]
    OpenDirectory { dir: PathBuf, mode: u32 },
    #[error(
        "the data directory {} belongs to another user (uid {owner}); aftercare keeps your data only in a directory of your own. Pass --data-dir DIR or set AFTERCARE_DATA_DIR to one of yours",
        shown(dir)
    )]
    NotYourDirectory { dir: PathBuf, owner: u32 },
    /// The copy of the plan a treatment follows is not in `plans/`.
    #[error(
        "the copy of the plan your treatment follows (\"{}\") is missing: {} is not there. {PLAN_ADVICE}",
        inert(name),
        shown(path)
    )]
    PlanMissing { path: PathBuf, name: String },
    /// The copy is there but cannot be trusted: it is not the plan that was recorded.
    #[error(
        "the copy of the plan your treatment follows (\"{}\") cannot be used: {}: {why}; it was left as it is. {PLAN_ADVICE}",
        inert(name),
        shown(path)
    )]
    PlanDamaged {
        path: PathBuf,
        name: String,
        /// In words, inert: "its content no longer matches the plan recorded".
        why: String,
    },
    /// Something other than a directory where the plan copies belong.
    #[error(
        "{} is {kind}, not a directory; aftercare keeps the copies of your plans there. Move it away (the next treatment recorded makes a new one) or pass another --data-dir",
        shown(path)
    )]
    PlansDir { path: PathBuf, kind: &'static str },
    /// A kept photo cannot be shown or kept.
    #[error("the photo {} cannot be used: {why}", shown(path))]
    Photo {
        path: PathBuf,
        /// In words: "it is not there (was it moved or deleted?)".
        why: String,
    },
    /// Something other than a directory where the photos belong.
    #[error(
        "{} is {kind}, not a directory; aftercare keeps your photos there. Move it away or pass another --data-dir",
        shown(path)
    )]
    PhotosDir { path: PathBuf, kind: &'static str },
    /// The change named something the file, as re-read under the lock, no longer holds.
    #[error(transparent)]
    Conflict(#[from] Conflict),
}

/// What to do when a plan copy is missing or damaged: record the plan again.
const PLAN_ADVICE: &str = "Ask your clinic for its plan file and record it again with `aftercare rules use FILE` (or `aftercare rules use builtin` for the built-in plan); your tick-offs and check-ins are kept";

/// A path as messages show it: inert, since a file name may hold any character.
fn shown(path: &Path) -> String {
    crate::inert::inert_path(path)
}

/// What to do about a linked state file: move a real file into place, or drop the link.
fn link_advice(path: &Path, target: &Path, target_is_file: bool) -> String {
    if target_is_file {
        format!(
            "To keep using that file, move it in place of the link (mv {} {}), or pass --data-dir with the directory it is in (or set AFTERCARE_DATA_DIR)",
            shown(target),
            shown(path)
        )
    } else {
        "Remove the link; the next save starts a new state file".to_string()
    }
}

/// Who besides the owner can write to a directory of this mode.
fn writers(mode: u32) -> &'static str {
    if mode & 0o002 != 0 {
        "everyone"
    } else {
        "its group"
    }
}
