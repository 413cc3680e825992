//! How a run ends: `CliError` for a command that failed, `Success` for one that did what was asked, each with its exit status.

use crate::remind::install::InstallError;
use crate::remind::memory::MemoryError;
use crate::remind::notify::NotifyError;
use crate::rules::RulesError;
use crate::store::{Conflict, StoreError};
use crate::timearg::TimeError;
use crate::tui::TuiError;
use std::io;
use std::path::PathBuf;

/// Why a command failed. Each is printed once, by `main`, as `aftercare: <message>`.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{origin} is not a valid rules file:\n{0}", origin = .0.origin)]
    Rules(RulesError),
    #[error("cannot read rules file {}: {source}", crate::inert::inert_path(.path))]
    RulesUnreadable {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{flag}: {source}")]
    Time {
        flag: &'static str,
        #[source]
        source: TimeError,
    },
    /// A command given something it cannot use: an unknown task id, a day outside the plan.
    #[error("{0}")]
    Usage(String),
    /// `dirs::data_dir()` found nothing: no `HOME`, no `XDG_DATA_HOME` and no home folder for
    /// this user id (a service account, or a user id with no entry in /etc/passwd).
    #[error(
        "cannot tell where to keep your data: HOME is not set and this user has no home folder. \
         Choose a folder with --data-dir DIR, or set AFTERCARE_DATA_DIR=DIR."
    )]
    NoDataDir,
    #[error("No treatment recorded yet: run `aftercare start` (or `aftercare` to be asked).")]
    NoTreatment,
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The file changed under the command (another copy of aftercare saved meanwhile) so
    /// that what it was to change is gone; nothing was saved.
    #[error("{0}. Look at the treatments with `aftercare history`, then run the command again.")]
    Conflict(Conflict),
    #[error(
        "{0}. Open the checklist (`aftercare` with no command) to move it aside and start again, or repair it by hand."
    )]
    Damaged(StoreError),
    #[error(
        "the checklist needs a terminal; for output to a file or a pipe use a command such as `aftercare today`"
    )]
    NotATerminal,
    #[error(transparent)]
    Tui(#[from] TuiError),
    #[error(transparent)]
    Reminders(#[from] MemoryError),
    #[error(transparent)]
    Notify(#[from] NotifyError),
    #[error(transparent)]
    Install(#[from] InstallError),
    #[error("cannot write {}: {source}", crate::inert::inert_path(.path))]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot write the output: {0}")]
    Output(#[from] io::Error),
    /// A file `photo add` cannot keep as a photo; nothing was kept.
    #[error("cannot keep {} as a photo: {source}; nothing was kept", crate::inert::inert_path(.path))]
    Photo {
        path: PathBuf,
        #[source]
        source: crate::photo::PhotoError,
    },
    /// A file `photo add` cannot read.
    #[error("cannot read {}: {source}; nothing was kept", crate::inert::inert_path(.path))]
    PhotoUnreadable {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// `--rules` names a plan other than the one the treatment recorded (`followed`).
    #[error("{0}")]
    OtherPlan(String),
}

impl CliError {
    /// 2 when what the user gave us is wrong (they can fix the command or the file), 1 when
    /// something failed while doing what they asked.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Rules(_)
            | CliError::RulesUnreadable { .. }
            | CliError::Time { .. }
            | CliError::Usage(_)
            | CliError::Photo { .. }
            | CliError::OtherPlan(_) => 2,
            CliError::NoDataDir
            | CliError::NoTreatment
            | CliError::Store(_)
            | CliError::Conflict(_)
            | CliError::Damaged(_)
            | CliError::NotATerminal
            | CliError::Tui(_)
            | CliError::Reminders(_)
            | CliError::Notify(_)
            | CliError::Install(_)
            | CliError::Write { .. }
            | CliError::PhotoUnreadable { .. }
            | CliError::Output(_) => 1,
        }
    }

    /// The reader of our output went away (`aftercare plan | head`): not worth a message.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            CliError::Output(e) | CliError::Install(InstallError::Output(e)) => {
                e.kind() == io::ErrorKind::BrokenPipe
            }
            _ => false,
        }
    }
}

/// How a command that did what was asked ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Success {
    /// Exit status 0.
    Done,
    /// Exit status 3: `remind` found nothing due (1 and 2 mean failures).
    NothingDue,
}

impl Success {
    pub fn exit_code(self) -> u8 {
        match self {
            Success::Done => 0,
            Success::NothingDue => 3,
        }
    }
}
