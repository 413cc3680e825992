//! The command line: the contract other tools and tests rely on.
//!
//! Everything that can fail on bad input (rules file, `--now`, data directory, state file) is
//! loaded here, before any command runs and before the terminal is touched, so a bad file is
//! reported as one plain line and never leaves the terminal in raw mode.

mod after_plan_text;
mod args;
mod checkin;
mod clinic_text;
mod context;
mod exit;
mod export_cmd;
mod followed;
mod history;
mod journal_text;
mod json_out;
mod photo;
mod plan_diff;
mod remind_cmd;
mod remind_setup;
mod remove;
mod rules_cmd;
mod short;
mod show;
mod start;
mod task_text;
mod text;
mod ticks;
mod windows_json;

pub use args::{
    Args, CheckinArgs, Command, ExportCommand, PhotoAddArgs, PhotoCommand, PlanArgs, RemindArgs,
    RemindCommand, RulesCommand, SetupArgs, TickArgs,
};
pub use context::{Context, NextTreatment};
pub use exit::{CliError, Success};
pub use followed::Basis;
pub use json_out::{write_plan_days_json, write_plan_json};
pub use windows_json::write_plan_windows_json;

use crate::clock::Clock;
use crate::locale;
use crate::store::Store;
use crate::store::{State, StoreError};
use crate::timearg::parse_time;
use crate::tui;
use chrono::Local;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

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
    // Messages are laid out as printed from the start: errors too are ASCII outside UTF-8.
    text::print_plain(!locale::process_is_utf8());
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
    let rules_file = args.rules.clone();
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
                "--demo opens the terminal demo and takes no command; to print the plan or \
                 the handout for a client, run `aftercare plan` or `aftercare plan --markdown` \
                 without --demo"
                    .to_string(),
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
        remind_setup::setup(command, args.data_dir.as_deref(), None, &mut out)?;
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
            rules_file,
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
        rules_file,
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
