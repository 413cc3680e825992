//! The state file on disk: read it, and change it safely.
//!
//! Every save takes a lock, re-reads the file, applies one change and replaces the file
//! atomically (temp file, fsync, rename, fsync of the directory). A file this build cannot
//! read is reported and never written over.

use super::{Change, STATE_FORMAT, State};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The state file's name inside the data directory.
pub const STATE_FILE: &str = "state.json";
const LOCK_FILE: &str = "state.lock";
const TEMP_PREFIX: &str = ".state-";
const TEMP_SUFFIX: &str = ".tmp";

/// Why the state could not be read or saved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{path} is damaged ({message} at line {line}, column {column}); it was left as it is")]
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path} was written by a newer aftercare (state format {found}, this one reads {STATE_FORMAT}); it was left as it is"
    )]
    NewerFormat { path: PathBuf, found: u32 },
}

/// The state file in a data directory.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
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
    pub fn load(&self) -> Result<State, StoreError> {
        let path = self.path();
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            // A path through a regular file (ENOTDIR) holds no state either; saving there
            // fails later, with its own message, and the app keeps running.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                return Ok(State::default());
            }
            Err(source) => {
                return Err(StoreError::Io {
                    action: "read",
                    path,
                    source,
                });
            }
        };
        parse_state(&bytes, &path)
    }

    /// Saves one change: lock, re-read, apply, replace. Returns the state as saved.
    pub fn apply(&self, change: &Change) -> Result<State, StoreError> {
        self.create_dir()?;
        let _lock = self.lock()?;
        self.remove_stale_temp_files();
        let mut state = self.load()?;
        if state.apply(change) {
            self.write(&state)?;
        }
        Ok(state)
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
    /// file itself is replaced on every save, so it cannot carry the lock.
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
        let file = options
            .open(&path)
            .map_err(|e| io_err("open the lock file", e))?;
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
        // tempfile creates the file readable by its owner only (0600), and renaming keeps that.
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
fn parse_state(bytes: &[u8], path: &Path) -> Result<State, StoreError> {
    let corrupt = |e: serde_json::Error| StoreError::Corrupt {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: crate::rules::serde_message(&e),
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
