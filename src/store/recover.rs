//! Opening the state for the terminal app when the file may be damaged (issue 4, item 3).
//!
//! The app never writes over a file it cannot read. What it does instead depends on why:
//!
//! - empty, cut short, or not valid state JSON: nothing in it can be used, so its bytes are
//!   moved aside to `state.json.damaged-YYYYMMDD-HHMMSS` (never over another file) and the
//!   app starts afresh, saying where the old bytes are;
//! - written by a newer aftercare: the data is fine, this build just cannot write it, so it is
//!   left in place and shown read-only (as far as this build can read it); saves are refused;
//! - not readable at all (permissions, a directory in its place, an I/O error): reported, and
//!   the app exits, since there is nothing it could show or safely do.
//!
//! The command line never moves anything: its commands exit 1 naming the file.

use super::file::parse_state;
use super::read::read_state;
use super::{STATE_FILE, State, Store, StoreError};
use chrono::{DateTime, FixedOffset};
use serde_json::error::Category;
use std::fs;
use std::io;
use std::path::PathBuf;

/// What was wrong with a file that had to be moved aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// No bytes, or only white space.
    Empty,
    /// The JSON stops before it is complete: the end of the file is missing.
    CutShort { line: usize, column: usize },
    /// Not JSON, or not the shape of a state file.
    Invalid {
        line: usize,
        column: usize,
        message: String,
    },
}

/// What the app must tell the user about its data file before anything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    MovedAside { to: PathBuf, damage: Damage },
    ReadOnly { path: PathBuf, found: u32 },
}

/// The state to start the app with.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub state: State,
    pub notice: Option<Notice>,
}

impl Store {
    /// Loads the state for the terminal app, handling a damaged or newer file as the module
    /// docs say. `now` names a moved-aside file.
    pub fn open(&self, now: DateTime<FixedOffset>) -> Result<Opened, StoreError> {
        match self.load() {
            Err(StoreError::Corrupt { .. }) => self.set_aside(now),
            loaded => self.open_unchanged(loaded),
        }
    }

    /// A newer file read with this build's eyes: what fits is shown, the rest ignored.
    fn read_leniently(&self) -> State {
        read_state(&self.path())
            .ok()
            .flatten()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Under the lock, so no other copy is saving meanwhile: checks the file is still damaged
    /// (another copy may have set it aside already), then moves it.
    fn set_aside(&self, now: DateTime<FixedOffset>) -> Result<Opened, StoreError> {
        let _lock = self.lock()?;
        let Some(bytes) = read_state(&self.path())? else {
            return Ok(Opened {
                state: State::default(),
                notice: None,
            });
        };
        let damage = match (parse_state(&bytes, &self.path()), damage_of(&bytes)) {
            (Err(StoreError::Corrupt { .. }), Some(damage)) => damage,
            (
                Err(StoreError::Corrupt {
                    line,
                    column,
                    message,
                    ..
                }),
                None,
            ) => Damage::Invalid {
                line,
                column,
                message,
            },
            (other, _) => return self.open_unchanged(other),
        };
        let stamp = now.format("%Y%m%d-%H%M%S").to_string();
        let to = self.move_aside(&stamp)?;
        Ok(Opened {
            state: State::default(),
            notice: Some(Notice::MovedAside { to, damage }),
        })
    }

    /// A file that loads, is newer, or cannot be read: used or reported as it is.
    fn open_unchanged(&self, loaded: Result<State, StoreError>) -> Result<Opened, StoreError> {
        match loaded {
            Ok(state) => Ok(Opened {
                state,
                notice: None,
            }),
            Err(StoreError::NewerFormat { path, found }) => Ok(Opened {
                state: self.read_leniently(),
                notice: Some(Notice::ReadOnly { path, found }),
            }),
            Err(e) => Err(e),
        }
    }

    /// Gives the file a new name that no file has yet: a hard link cannot replace an existing
    /// file, so two copies of the app setting aside in the same second never overwrite.
    fn move_aside(&self, stamp: &str) -> Result<PathBuf, StoreError> {
        let from = self.path();
        for n in 1..=99 {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            let to = self
                .dir()
                .join(format!("{STATE_FILE}.damaged-{stamp}{suffix}"));
            let linked = match fs::hard_link(&from, &to) {
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                // A file system without hard links: rename, having checked the name is free.
                Err(_) if !to.exists() => fs::rename(&from, &to),
                other => other.and_then(|()| fs::remove_file(&from)),
            };
            linked.map_err(|source| self.io_error("move aside", source))?;
            self.sync_dir()?;
            return Ok(to);
        }
        Err(self.io_error(
            "move aside",
            io::Error::new(io::ErrorKind::AlreadyExists, "too many damaged files"),
        ))
    }

    fn io_error(&self, action: &'static str, source: io::Error) -> StoreError {
        StoreError::Io {
            action,
            path: self.path(),
            source,
        }
    }
}

/// The kinds of damage told apart by the bytes alone; `None` for any other invalid file.
fn damage_of(bytes: &[u8]) -> Option<Damage> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Some(Damage::Empty);
    }
    match serde_json::from_slice::<serde_json::Value>(bytes) {
        Err(e) if e.classify() == Category::Eof => Some(Damage::CutShort {
            line: e.line(),
            column: e.column(),
        }),
        _ => None,
    }
}
