//! What `remind` remembers between runs: when it last ran and what it notified, in
//! `reminders.json` beside the state file. Not in `state.json`, which keeps only what the
//! patient did; losing this file costs at most a repeated notification.
//!
//! The file is read and written under its own lock (`reminders.lock`), held while the
//! notifications are shown, so two runs at once never notify the same task twice; it is
//! replaced atomically (temporary file, fsync, rename). A file that cannot be read is moved
//! aside and started afresh (it holds nothing the patient did); one from a newer aftercare is
//! left alone.

use super::Known;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

mod reading;

use reading::{open, read};

/// The file's name in the data directory.
pub const REMINDERS_FILE: &str = "reminders.json";
const LOCK_FILE: &str = "reminders.lock";
/// The newest format this build writes.
pub const REMINDERS_FORMAT: u32 = 1;
/// The largest file read: a year of notifications is a few hundred kilobytes at most (only
/// the current treatment's recent slots are kept).
pub const MAX_REMINDERS_BYTES: u64 = 1 << 20;

/// Why the file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum MemoryError {
    #[error("cannot {action} {}: {source}", crate::inert::inert_path(.path))]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(
        "{} was written by a newer aftercare (format {found}, this one reads {REMINDERS_FORMAT}); it was left as it is",
        crate::inert::inert_path(.path)
    )]
    Newer { path: PathBuf, found: u64 },
    /// A link, a FIFO, a device, a directory or something far too large where the file or
    /// its lock should be: never read through, waited on or written over.
    #[error(
        "{} is {what}, not aftercare's record of reminders; it was left as it is: move it \
         away (aftercare never reads or writes its files through links, pipes or devices)",
        crate::inert::inert_path(.path)
    )]
    Unusable { path: PathBuf, what: String },
}

/// The file's contents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notified {
    pub format: u32,
    /// The moment of the latest `remind` run, as its clock said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reminder: Option<DateTime<FixedOffset>>,
    /// The treatment the notifications below belong to: another one starts afresh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<DateTime<FixedOffset>>,
    /// Task ids notified, by the date of their slot.
    #[serde(default)]
    pub tasks: BTreeMap<NaiveDate, BTreeSet<String>>,
    /// Notices notified, by key ("no-makeup.lifted").
    #[serde(default)]
    pub notices: BTreeSet<String>,
    /// Fields of a newer aftercare of the same format: kept as they are.
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

impl Default for Notified {
    fn default() -> Self {
        Notified {
            format: REMINDERS_FORMAT,
            last_reminder: None,
            session: None,
            tasks: BTreeMap::new(),
            notices: BTreeSet::new(),
            other: BTreeMap::new(),
        }
    }
}

impl Notified {
    /// Makes this the record of the treatment at `session`: another treatment's
    /// notifications are dropped.
    pub fn for_session(&mut self, session: DateTime<FixedOffset>) {
        if self.session != Some(session) {
            self.session = Some(session);
            self.tasks.clear();
            self.notices.clear();
        }
    }

    /// Forgets the tasks of slots before `date`: only today's (and a once task's window)
    /// can be notified again.
    pub fn forget_before(&mut self, date: NaiveDate) {
        self.tasks = self.tasks.split_off(&date);
    }
}

impl Known for Notified {
    fn task_notified(&self, date: NaiveDate, id: &str) -> bool {
        self.tasks.get(&date).is_some_and(|ids| ids.contains(id))
    }

    fn notice_notified(&self, key: &str) -> bool {
        self.notices.contains(key)
    }
}

/// The file in a data directory.
#[derive(Debug, Clone)]
pub struct Memory {
    dir: PathBuf,
}

/// The file, read and locked until this is dropped.
#[derive(Debug)]
pub struct Held {
    _lock: File,
    path: PathBuf,
    dir: PathBuf,
    pub notified: Notified,
    /// Where a damaged file was moved, to say so.
    pub set_aside: Option<PathBuf>,
}

impl Memory {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Memory { dir: dir.into() }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(REMINDERS_FILE)
    }

    /// Locks and reads the file (creating the data directory if need be).
    pub fn hold(&self) -> Result<Held, MemoryError> {
        let path = self.path();
        let io = |action, source| MemoryError::Io {
            action,
            path: path.clone(),
            source,
        };
        let mut dir = fs::DirBuilder::new();
        dir.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut dir, 0o700);
        dir.create(&self.dir)
            .map_err(|e| io("create the data directory for", e))?;
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let lock_path = self.dir.join(LOCK_FILE);
        let lock = open(&lock_path, &mut options, "open the lock file beside")?;
        lock.lock().map_err(|e| io("lock", e))?;
        let (notified, set_aside) = match read(&path)? {
            Some(bytes) => match parse(&bytes, &path)? {
                Some(notified) => (notified, None),
                None => (Notified::default(), Some(self.set_aside(&path)?)),
            },
            None => (Notified::default(), None),
        };
        Ok(Held {
            _lock: lock,
            path,
            dir: self.dir.clone(),
            notified,
            set_aside,
        })
    }

    /// Moves a damaged file aside, to `reminders.json.damaged-N`.
    fn set_aside(&self, path: &Path) -> Result<PathBuf, MemoryError> {
        let mut n = 1;
        let aside = loop {
            let aside = self.dir.join(format!("{REMINDERS_FILE}.damaged-{n}"));
            if !aside.exists() {
                break aside;
            }
            n += 1;
        };
        fs::rename(path, &aside).map_err(|source| MemoryError::Io {
            action: "move aside the damaged",
            path: path.to_path_buf(),
            source,
        })?;
        Ok(aside)
    }
}

/// The file's contents; `None` when it is damaged.
fn parse(bytes: &[u8], path: &Path) -> Result<Option<Notified>, MemoryError> {
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default)]
        format: u64,
    }
    match serde_json::from_slice::<Probe>(bytes) {
        Ok(p) if p.format > u64::from(REMINDERS_FORMAT) => Err(MemoryError::Newer {
            path: path.to_path_buf(),
            found: p.format,
        }),
        Ok(_) => Ok(serde_json::from_slice(bytes).ok()),
        Err(_) => Ok(None),
    }
}

impl Held {
    /// Replaces the file with `notified`, atomically.
    pub fn save(&self) -> Result<(), MemoryError> {
        let io = |action, source| MemoryError::Io {
            action,
            path: self.path.clone(),
            source,
        };
        let mut text = serde_json::to_vec_pretty(&self.notified)
            .map_err(|e| io("encode", io::Error::other(e)))?;
        text.push(b'\n');
        // Created readable by its owner only (0600); the rename keeps that.
        let mut temp = tempfile::Builder::new()
            .prefix(".reminders-")
            .suffix(".tmp")
            .tempfile_in(&self.dir)
            .map_err(|e| io("create a temporary file for", e))?;
        temp.write_all(&text).map_err(|e| io("write", e))?;
        temp.as_file().sync_all().map_err(|e| io("flush", e))?;
        temp.persist(&self.path)
            .map_err(|e| io("replace", e.error))?;
        #[cfg(unix)]
        File::open(&self.dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| io("flush the directory of", e))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
