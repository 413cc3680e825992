//! The state file on disk: read it, and change it safely.
//!
//! Every save checks the data directory is the user's own (`dir`), takes the lock, re-reads
//! the file (`read`: only a regular file, never through a link), applies one change and
//! replaces the file atomically (temp file, fsync, rename, fsync of the directory). A file
//! this build cannot read is reported and never written over.

use super::dir::check_data_dir;
use super::read::{open_regular, read_state};
use super::{Change, CheckIn, STATE_FORMAT, State, StoreError};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The state file's name inside the data directory.
pub const STATE_FILE: &str = "state.json";
const LOCK_FILE: &str = "state.lock";
const TEMP_PREFIX: &str = ".state-";
const TEMP_SUFFIX: &str = ".tmp";

/// The state file in a data directory.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// What a save did: the state as saved, and whether the change changed anything (ticking a
/// task already ticked does not, and then nothing is written).
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub state: State,
    pub changed: bool,
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(STATE_FILE)
    }

    /// The saved state; defaults when there is no file yet.
    ///
    /// # Errors
    /// The data directory is not the user's own, the file is not a regular file, is a link,
    /// too large, damaged, newer, or unreadable (`StoreError`).
    pub fn load(&self) -> Result<State, StoreError> {
        check_data_dir(&self.dir)?;
        self.load_file()
    }

    /// `load` without the directory check, for callers that have just made it.
    fn load_file(&self) -> Result<State, StoreError> {
        let path = self.path();
        match read_state(&path)? {
            Some(bytes) => parse_state(&bytes, &path),
            None => Ok(State::default()),
        }
    }

    /// The day's check-in of the treatment at `session` as the file holds it now (`None`
    /// when there is none, or no such treatment): what a check-in form opens with, and what
    /// it compares with to see whether another copy saved one meanwhile.
    ///
    /// # Errors
    /// As `load`.
    pub fn read_checkin(
        &self,
        session: DateTime<FixedOffset>,
        date: NaiveDate,
    ) -> Result<Option<CheckIn>, StoreError> {
        let mut state = self.load()?;
        let index = state.sessions.iter().position(|s| s.at == session);
        Ok(index.and_then(|i| state.sessions.swap_remove(i).checkins.remove(&date)))
    }

    /// Saves one change: lock, re-read, apply, replace. Returns the state as saved.
    ///
    /// # Errors
    /// As `save`.
    pub fn apply(&self, change: &Change) -> Result<State, StoreError> {
        self.save(change).map(|saved| saved.state)
    }

    /// Saves one change: checks the directory, takes the lock, re-reads the file, applies the
    /// change to what it holds now and, if that changed anything, replaces the file.
    ///
    /// # Errors
    /// `Conflict` when the file no longer holds what the change names (nothing is written);
    /// the errors of `load`; `Io` when the directory, lock or file cannot be made or written.
    pub fn save(&self, change: &Change) -> Result<Saved, StoreError> {
        check_data_dir(&self.dir)?;
        self.create_dir()?;
        let _lock = self.lock()?;
        self.remove_stale_temp_files();
        let mut state = self.load_file()?;
        let changed = state.apply(change)?;
        // The plan's copy goes to disk before the state that names it; also when the state
        // already names it, so recording a plan again repairs a missing or damaged copy.
        if let Some(copy) = change.plan_copy() {
            self.keep_plan(copy)?;
        }
        // A photo's picture likewise goes first ...
        if let Change::AddPhoto { photo, .. } = change {
            self.keep_photo(photo)?;
        }
        if changed {
            self.write(&state)?;
        }
        // ... and goes last, once the state no longer names it.
        if let Change::RemovePhoto { sha256, .. } = change {
            self.drop_photo_if_unnamed(&state, sha256)?;
        }
        Ok(Saved { state, changed })
    }

    /// A saver killed between creating its temporary file and renaming it leaves the file
    /// behind. Temporary files are only made under the lock, so while we hold it any that
    /// exist are such leftovers. Failing to remove one is harmless, so errors are ignored.
    fn remove_stale_temp_files(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
                // Removes a link itself, never what it points to.
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    fn create_dir(&self) -> Result<(), StoreError> {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&self.dir).map_err(|source| StoreError::Io {
            action: "create the data directory",
            path: self.dir.clone(),
            source,
        })
    }

    /// An exclusive lock on a file beside the state, held until the guard drops. The state
    /// file itself is replaced on every save, so it cannot carry the lock. A link planted in
    /// its place is not followed.
    pub(super) fn lock(&self) -> Result<File, StoreError> {
        let path = self.dir.join(LOCK_FILE);
        let io_err = |action, source| StoreError::Io {
            action,
            path: path.clone(),
            source,
        };
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        // Empty, but private like everything else in the directory.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let (file, _) = open_regular(&path, &mut options, "open the lock file")
            .map_err(|e| e.into_store(&path))?;
        file.lock().map_err(|e| io_err("lock", e))?;
        Ok(file)
    }

    fn write(&self, state: &State) -> Result<(), StoreError> {
        let path = self.path();
        let io_err = |action, source| StoreError::Io {
            action,
            path: path.clone(),
            source,
        };
        let mut text =
            serde_json::to_vec_pretty(state).map_err(|e| io_err("encode", io::Error::other(e)))?;
        text.push(b'\n');
        // tempfile creates the file readable by its owner only (0600) and never through a
        // link (O_EXCL), and renaming keeps that.
        let mut temp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(&self.dir)
            .map_err(|e| io_err("create a temporary file for", e))?;
        temp.write_all(&text).map_err(|e| io_err("write", e))?;
        temp.as_file().sync_all().map_err(|e| io_err("flush", e))?;
        temp.persist(&path)
            .map_err(|e| io_err("replace", e.error))?;
        self.sync_dir()
    }

    /// A rename is only durable once the directory entry is on disk too.
    pub(super) fn sync_dir(&self) -> Result<(), StoreError> {
        #[cfg(unix)]
        File::open(&self.dir)
            .and_then(|d| d.sync_all())
            .map_err(|source| StoreError::Io {
                action: "flush the directory of",
                path: self.path(),
                source,
            })?;
        Ok(())
    }
}

/// Reads state bytes, refusing what this build does not understand.
pub(super) fn parse_state(bytes: &[u8], path: &Path) -> Result<State, StoreError> {
    let corrupt = |e: serde_json::Error| StoreError::Corrupt {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        // serde's words may quote the file ("invalid type: string \"…\"").
        message: crate::inert::inert(&crate::rules::serde_message(&e)).into_owned(),
    };
    // Look at the version before the shape: a newer file may have a shape we cannot read. The
    // probe reads only `format` and skips the rest without building it.
    let probe: FormatProbe = serde_json::from_slice(bytes).map_err(corrupt)?;
    if probe.format > u64::from(STATE_FORMAT) {
        return Err(StoreError::NewerFormat {
            path: path.to_path_buf(),
            found: u32::try_from(probe.format).unwrap_or(u32::MAX),
        });
    }
    serde_json::from_slice(bytes).map_err(corrupt)
}

/// Just the format number of a state file.
#[derive(serde::Deserialize)]
struct FormatProbe {
    #[serde(default)]
    format: u64,
}
