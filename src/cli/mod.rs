//! The command line: the contract other tools and tests rely on.
//!
//! Everything that can fail on bad input (rules file, `--now`, data directory, state file) is
//! loaded here, before any command runs and before the terminal is touched, so a bad file is
//! reported as one plain line and never leaves the terminal in raw mode.

mod args;
mod checkin;
mod clinic_text;
mod export_cmd;
mod followed;
mod history;
mod journal_text;
mod json_out;
mod photo;
mod remind_cmd;
mod remove;
mod rules_cmd;
mod short;
mod show;
mod start;
mod text;
mod ticks;
mod windows_json;

pub use args::{
    Args, CheckinArgs, Command, ExportCommand, PhotoAddArgs, PhotoCommand, PlanArgs, RemindArgs,
    RemindCommand, RulesCommand, SetupArgs, TickArgs,
};
pub use followed::Basis;
pub use json_out::{write_plan_days_json, write_plan_json};
pub use windows_json::write_plan_windows_json;

use crate::clock::Clock;
use crate::locale;
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
    /// A file `photo add` cannot keep as a photo; nothing was kept.
    #[error("cannot keep {} as a photo: {source}; nothing was kept", crate::inert::inert(&.path.display().to_string()))]
    Photo {
        path: PathBuf,
        #[source]
        source: crate::photo::PhotoError,
    },
    /// A file `photo add` cannot read.
    #[error("cannot read {}: {source}; nothing was kept", crate::inert::inert(&.path.display().to_string()))]
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

/// What every command works with, loaded and checked up front.
pub struct Context {
    /// The plan shown: the one the treatment follows (`followed`).
    pub rules: Rules,
    /// Where `rules` comes from.
    pub basis: Basis,
    /// The data directory; `None` for a command given `--at`, which reads and writes none.
    pub store: Option<Store>,
    pub state: State,
    pub clock: Clock,
    /// `--at`: the treatment moment to lay the plan out for, with nothing recorded.
    pub at: Option<DateTime<FixedOffset>>,
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
        self.store()?.save(change).map_err(|e| match e {
            StoreError::Conflict(conflict) => CliError::Conflict(conflict),
            e => CliError::Store(e),
        })
    }

    /// The data directory, which a command given `--at` has none of.
    pub fn store(&self) -> Result<&Store, CliError> {
        self.store.as_ref().ok_or_else(|| {
            CliError::Usage(
                "--at lays a plan out without recording anything; leave it out to save".into(),
            )
        })
    }

    /// The treatment a listing of the plan is laid out for, with its record if it has one:
    /// `--at`, else the treatment in force now, else now (as if treated now).
    pub fn laid_out(&self) -> (DateTime<FixedOffset>, Option<&Session>) {
        if let Some(at) = self.at {
            return (at, None);
        }
        let now = self.now();
        let session = self.state.current_session(now);
        (session.map_or(now, |s| s.at), session)
    }

    /// The plan for a treatment, in the system's time zone (the TZ variable, where set).
    pub fn plan(&self, treatment: DateTime<FixedOffset>) -> Plan<'_, Local> {
        Plan::new(&self.rules, treatment, Local)
    }
}

/// The `--at` of a command that lays a plan out for a given treatment time, if it has one.
fn at_of(command: Option<&Command>) -> Option<&str> {
    match command? {
        Command::Plan(p) => p.at.as_deref(),
        Command::Export {
            command: ExportCommand::Ics { at, .. },
        } => at.as_deref(),
        _ => None,
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
    // Checking or showing a rules file needs nothing else: not the configured rules, not the
    // data.
    if let Some(Command::Rules { command }) = &args.command {
        let mut out = stdout(matches!(command, RulesCommand::Show { .. }));
        match command {
            RulesCommand::Check { file } => rules_cmd::check(file, &mut out)?,
            RulesCommand::Show { file } => rules_cmd::show(file.as_deref(), &mut out)?,
            RulesCommand::Use { .. } => return use_plan(&args, clock),
        }
        out.flush()?;
        return Ok(Success::Done);
    }
    let given = match &args.rules {
        Some(path) => Some(followed::Given {
            rules: rules_cmd::load(path)?,
            path: path.clone(),
        }),
        None => None,
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
        tui::run_demo(followed::named(given)?, clock, args.bell)?;
        return Ok(Success::Done);
    }
    // Setting up the timer needs the paths this run was given, not the data itself. Not
    // --rules: each treatment remembers its plan, and a timer that named a file would be
    // refused once the patient switched plans on purpose (`rules use`).
    if let Some(Command::Remind(RemindArgs {
        command: Some(command),
        ..
    })) = &args.command
    {
        let mut out = stdout(false);
        remind_cmd::setup(command, args.data_dir.as_deref(), None, &mut out)?;
        out.flush()?;
        return Ok(Success::Done);
    }
    if let Some(text) = at_of(args.command.as_ref()) {
        // A clinic's papers for a treatment not recorded here: no data directory is looked
        // up, read or written.
        let at = parse_time(text, &Local).map_err(|source| CliError::Time {
            flag: "--at",
            source,
        })?;
        let ctx = Context {
            rules: followed::named(given)?,
            basis: Basis::Named,
            store: None,
            state: State::default(),
            clock,
            at: Some(at),
        };
        return run_command(&ctx, args.command);
    }
    let store = Store::new(data_dir(args.data_dir)?);
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
        let session = opened.state.current_session(clock.now());
        let plan = followed::for_session(&store, session, given)?;
        tui::run(plan.rules, store, opened, clock, args.bell)?;
        return Ok(Success::Done);
    };
    let state = load_state(&store)?;
    let now = clock.now();
    let plan = match &command {
        // A new treatment records --rules, or goes on with the plan of the one before.
        Command::Start { replace: false, .. } => followed::Followed {
            rules: followed::for_new_treatment(&store, state.sessions.last(), given)?,
            basis: Basis::Named,
        },
        // Moving a treatment keeps its plan.
        Command::Start { replace: true, .. } => {
            followed::for_session(&store, state.sessions.last(), given)?
        }
        _ => followed::for_session(&store, state.current_session(now), given)?,
    };
    let ctx = Context {
        rules: plan.rules,
        basis: plan.basis,
        store: Some(store),
        state,
        clock,
        at: None,
    };
    run_command(&ctx, Some(command))
}

/// Where the data is kept: `--data-dir`, or the system's data directory.
fn data_dir(given: Option<PathBuf>) -> Result<PathBuf, CliError> {
    match given {
        Some(dir) => Ok(dir),
        None => Ok(dirs::data_dir()
            .ok_or(CliError::NoDataDir)?
            .join("aftercare")),
    }
}

/// The state, for a command: a damaged file is reported, never moved or written.
fn load_state(store: &Store) -> Result<State, CliError> {
    store.load().map_err(|e| match e {
        StoreError::Corrupt { .. } => CliError::Damaged(e),
        e => CliError::Store(e),
    })
}

/// `rules use FILE|builtin`: the current treatment follows another plan from now on.
fn use_plan(args: &Args, clock: Clock) -> Result<Success, CliError> {
    let Some(Command::Rules {
        command: RulesCommand::Use { plan },
    }) = &args.command
    else {
        return Ok(Success::Done);
    };
    let store = Store::new(data_dir(args.data_dir.clone())?);
    let state = load_state(&store)?;
    let mut out = io::BufWriter::new(stdout(false));
    rules_cmd::use_plan(&store, &state, clock.now(), plan, &mut out)?;
    out.flush()?;
    Ok(Success::Done)
}

fn run_command(ctx: &Context, command: Option<Command>) -> Result<Success, CliError> {
    let Some(command) = command else {
        return Ok(Success::Done);
    };
    // Buffered: stdout alone flushes at every line, which is a write per line of
    // `plan --json`. Dropped, and so flushed, before `main` reports any error.
    let json = match &command {
        Command::Today { json, .. } | Command::History { json } => *json,
        Command::Plan(p) => p.json,
        _ => false,
    };
    let mut out = io::BufWriter::new(stdout(json));
    let mut success = Success::Done;
    match command {
        Command::Start {
            at,
            replace,
            next,
            confirm,
        } => {
            let how = start::How {
                replace,
                next,
                confirm,
            };
            start::run(ctx, at.as_deref(), how, &mut out)?
        }
        Command::Remove { at } => remove::remove(ctx, at.as_deref(), &mut out)?,
        Command::Restore { at } => remove::restore(ctx, at.as_deref(), &mut out)?,
        Command::Today { short: true, .. } => short::today(ctx, &mut out)?,
        Command::Today { json, .. } => show::today(ctx, json, &mut out)?,
        Command::Checkin(c) => checkin::run(ctx, &c, &mut out)?,
        Command::History { json } => history::run(ctx, json, &mut out)?,
        Command::Plan(p) if p.markdown => export_cmd::markdown(ctx, &p, &mut out)?,
        Command::Plan(p) if p.windows => windows_json::run(ctx, &mut out)?,
        Command::Plan(p) => show::plan(ctx, &p, &mut out)?,
        Command::Export {
            command: ExportCommand::Ics { file, .. },
        } => export_cmd::ics(ctx, &file, &mut out)?,
        Command::Remind(r) => success = remind_cmd::remind(ctx, &r, &mut out)?,
        Command::Photo { command } => photo::run(ctx, &command, &mut out)?,
        Command::Check(t) => ticks::check(ctx, &t, &mut out)?,
        Command::Uncheck(t) => ticks::uncheck(ctx, &t, &mut out)?,
        // Handled in `run`, before the rules and the data were loaded.
        Command::Rules { .. } => {}
    }
    out.flush()?;
    Ok(success)
}

/// Standard output, in plain ASCII where the locale is not UTF-8 (`locale`). JSON stays
/// UTF-8 whatever the locale, as the format requires: it is for programs, not for reading.
fn stdout(json: bool) -> locale::Output<io::StdoutLock<'static>> {
    let plain = !json && !locale::process_is_utf8();
    locale::Output::new(io::stdout().lock(), plain)
}

/// Where the output of a command goes; a trait object keeps the commands easy to call.
pub type Out<'a> = &'a mut dyn Write;
