//! The command line: the contract other tools and tests rely on.
//!
//! Everything that can fail on bad input (rules file, `--now`, data directory, state file) is
//! loaded here, before any command runs and before the terminal is touched, so a bad file is
//! reported as one plain line and never leaves the terminal in raw mode.

mod args;
mod checkin;
mod export_cmd;
mod history;
mod journal_text;
mod json_out;
mod remind_cmd;
mod rules_cmd;
mod short;
mod show;
mod start;
mod text;
mod ticks;
mod windows_json;

pub use args::{
    Args, CheckinArgs, Command, ExportCommand, PlanArgs, RemindArgs, RemindCommand, RulesCommand,
    SetupArgs, TickArgs,
};
pub use json_out::{write_plan_days_json, write_plan_json};
pub use windows_json::write_plan_windows_json;

use crate::clock::Clock;
use crate::plan::Plan;
use crate::remind::install::InstallError;
use crate::remind::memory::MemoryError;
use crate::remind::notify::NotifyError;
use crate::rules::{Rules, RulesError};
use crate::store::Store;
use crate::store::{Change, Conflict, Saved, Session, State, StoreError};
use crate::timearg::{TimeError, parse_time};
use crate::tui::{self, TuiError};
use chrono::{DateTime, FixedOffset, Local};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

/// Why a command failed. Each is printed once, by `main`, as `aftercare: <message>`.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{origin} is not a valid rules file:\n{0}", origin = .0.origin)]
    Rules(RulesError),
    #[error("cannot read rules file {path}: {source}")]
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
    #[error("cannot write {path}: {source}", path = .path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot write the output: {0}")]
    Output(#[from] io::Error),
}

impl CliError {
    /// 2 when what the user gave us is wrong (they can fix the command or the file), 1 when
    /// something failed while doing what they asked.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Rules(_)
            | CliError::RulesUnreadable { .. }
            | CliError::Time { .. }
            | CliError::Usage(_) => 2,
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

/// What every command works with, loaded and checked up front.
pub struct Context {
    pub rules: Rules,
    pub store: Store,
    pub state: State,
    pub clock: Clock,
}

impl Context {
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.clock.now()
    }

    /// The treatment in force now, or the advice to record one.
    pub fn session(&self) -> Result<&Session, CliError> {
        self.state
            .current_session(self.now())
            .ok_or(CliError::NoTreatment)
    }

    /// Saves `change` (`Store::save`: under the lock, to the file as it is then); a change
    /// the file no longer allows is reported with what to do.
    pub fn save(&self, change: &Change) -> Result<Saved, CliError> {
        self.store.save(change).map_err(|e| match e {
            StoreError::Conflict(conflict) => CliError::Conflict(conflict),
            e => CliError::Store(e),
        })
    }

    /// The plan for a treatment, in the system's time zone (the TZ variable, where set).
    pub fn plan(&self, treatment: DateTime<FixedOffset>) -> Plan<'_, Local> {
        Plan::new(&self.rules, treatment, Local)
    }
}

/// Runs one invocation.
pub fn run(args: Args) -> Result<Success, CliError> {
    let clock = match &args.now {
        Some(text) => Clock::Fixed(parse_time(text, &Local).map_err(|source| CliError::Time {
            flag: "--now",
            source,
        })?),
        None => Clock::System,
    };
    // Checking a rules file needs nothing else: not the configured rules, not the data.
    if let Some(Command::Rules { command }) = &args.command {
        let mut out = io::stdout().lock();
        match command {
            RulesCommand::Check { file } => rules_cmd::check(file, &mut out)?,
            RulesCommand::Show { file } => rules_cmd::show(file.as_deref(), &mut out)?,
        }
        out.flush()?;
        return Ok(Success::Done);
    }
    let rules = match &args.rules {
        Some(path) => rules_cmd::load(path)?,
        None => Rules::builtin().map_err(CliError::Rules)?,
    };
    if args.demo {
        // Before the data directory is even looked up: a demo never touches it.
        if args.command.is_some() {
            return Err(CliError::Usage(
                "--demo opens the terminal demo and takes no command".to_string(),
            ));
        }
        if !io::stdout().is_terminal() {
            return Err(CliError::NotATerminal);
        }
        tui::check_terminal()?;
        tui::run_demo(rules, clock)?;
        return Ok(Success::Done);
    }
    // Setting up the timer needs the paths this run was given, not the data itself.
    if let Some(Command::Remind(RemindArgs {
        command: Some(command),
        ..
    })) = &args.command
    {
        let mut out = io::stdout().lock();
        let (data_dir, rules) = (args.data_dir.as_deref(), args.rules.as_deref());
        remind_cmd::setup(command, data_dir, rules, &mut out)?;
        out.flush()?;
        return Ok(Success::Done);
    }
    let dir = match args.data_dir {
        Some(dir) => dir,
        None => dirs::data_dir()
            .ok_or(CliError::NoDataDir)?
            .join("aftercare"),
    };
    let store = Store::new(dir);
    let Some(command) = args.command else {
        // The checklist sets a damaged file aside or opens a newer one read-only
        // (docs/reliability.md); the commands below only ever report it.
        // Without a terminal the checklist cannot be shown, and neither could the notice of a
        // file set aside: stop before touching anything.
        if !io::stdout().is_terminal() {
            return Err(CliError::NotATerminal);
        }
        tui::check_terminal()?;
        let opened = store.open(clock.now())?;
        tui::run(rules, store, opened, clock)?;
        return Ok(Success::Done);
    };
    let state = store.load().map_err(|e| match e {
        StoreError::Corrupt { .. } => CliError::Damaged(e),
        e => CliError::Store(e),
    })?;
    let ctx = Context {
        rules,
        store,
        state,
        clock,
    };
    // Buffered: stdout alone flushes at every line, which is a write per line of
    // `plan --json`. Dropped, and so flushed, before `main` reports any error.
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut success = Success::Done;
    match command {
        Command::Start { at, replace } => start::run(&ctx, at.as_deref(), replace, &mut out)?,
        Command::Today { short: true, .. } => short::today(&ctx, &mut out)?,
        Command::Today { json, .. } => show::today(&ctx, json, &mut out)?,
        Command::Checkin(c) => checkin::run(&ctx, &c, &mut out)?,
        Command::History { json } => history::run(&ctx, json, &mut out)?,
        Command::Plan(p) if p.markdown => export_cmd::markdown(&ctx, &p, &mut out)?,
        Command::Plan(p) if p.windows => windows_json::run(&ctx, &mut out)?,
        Command::Plan(p) => show::plan(&ctx, &p, &mut out)?,
        Command::Export {
            command: ExportCommand::Ics { file },
        } => export_cmd::ics(&ctx, &file, &mut out)?,
        Command::Remind(r) => success = remind_cmd::remind(&ctx, &r, &mut out)?,
        Command::Check(t) => ticks::check(&ctx, &t, &mut out)?,
        Command::Uncheck(t) => ticks::uncheck(&ctx, &t, &mut out)?,
        // Handled above, before the rules and the data were loaded.
        Command::Rules { .. } => {}
    }
    out.flush()?;
    Ok(success)
}

/// Where the output of a command goes; a trait object keeps the commands easy to call.
pub type Out<'a> = &'a mut dyn Write;
