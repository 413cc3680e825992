//! The options and nested commands of `remind`, `photo`, `rules` and `export`.

use clap::{Args as ClapArgs, Subcommand};
use std::path::PathBuf;

#[derive(Debug, ClapArgs)]
#[command(args_conflicts_with_subcommands = true)]
pub struct RemindArgs {
    #[command(subcommand)]
    pub command: Option<RemindCommand>,
    /// Also show a desktop notification for each task newly due (once per task and time of
    /// day, never after it is ticked) and for what has just ended; AFTERCARE_NOTIFY_COMMAND
    /// names a program to run instead (as `PROGRAM TITLE TEXT`)
    #[arg(long)]
    pub notify: bool,
    /// Print nothing; the exit status still tells whether something is due (for timers)
    #[arg(long)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum RemindCommand {
    /// Run `remind --notify` by itself every 5 minutes: a systemd user timer, or where
    /// systemd does not run, the line to add to your crontab
    Install(SetupArgs),
    /// Stop and remove what `remind install` set up
    Uninstall(SetupArgs),
}

#[derive(Debug, ClapArgs)]
pub struct SetupArgs {
    /// Show what would be written, removed and run, and change nothing
    #[arg(long)]
    pub print: bool,
    /// Use a crontab line even where systemd runs
    #[arg(long)]
    pub cron: bool,
    /// The directory of systemd user units [default: ~/.config/systemd/user]
    #[arg(long, value_name = "DIR", hide = true)]
    pub unit_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum PhotoCommand {
    /// Keep a copy of a photo (JPEG or PNG) for a day of the treatment. The copy has no
    /// location or camera metadata and only you can read it; the file you give is never
    /// changed or moved
    Add(PhotoAddArgs),
    /// List the photos kept for each treatment, with their ids
    List,
    /// Remove a kept photo (its copy is deleted; the file you added it from is not touched)
    Remove {
        /// The photo's id, as `aftercare photo list` shows it (its first 4 characters are
        /// enough)
        id: String,
    },
}

#[derive(Debug, ClapArgs)]
pub struct PhotoAddArgs {
    /// The photo: a JPEG or PNG file
    pub file: PathBuf,
    /// The plan day it was taken on (1 = the treatment day) [default: today]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub day: Option<i64>,
    /// Taken before the treatment: the "before" photo the others are compared with
    #[arg(long, conflicts_with = "day")]
    pub before: bool,
    /// A short note to keep with it
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Check a rules file (and any plan it extends) and list every problem in it
    Check {
        /// The rules file (JSON)
        file: PathBuf,
    },
    /// Print a plan as one whole JSON file, with any `extends` resolved: the built-in plan
    /// without FILE. A clinic can start its own plan from it, adding its "provider" (name
    /// and phone) so patients see them wherever the app says to call.
    Show {
        /// The rules file (JSON) [default: the built-in microneedling plan]
        file: Option<PathBuf>,
    },
    /// Switch your current treatment to another plan on purpose. aftercare remembers the
    /// plan each treatment follows; this records a new one (tick-offs and check-ins stay)
    Use {
        /// A rules file (JSON), or `builtin` for the built-in microneedling plan
        #[arg(value_name = "FILE|builtin")]
        plan: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Write the plan as an iCalendar file (.ics) to import into a calendar
    Ics {
        /// Where to write it (replaced if it exists)
        file: PathBuf,
        /// For a treatment at TIME instead of the recorded one, without reading or writing
        /// any data directory (a clinic preparing a patient's calendar)
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
}
