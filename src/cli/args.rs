//! The command line as clap reads it, and the days `plan --from/--to` ask for. The wording
//! here is the `--help` text people see.

use super::CliError;
use super::text::short_date;
use crate::plan::Plan;
use chrono::TimeZone;
use clap::{Args as ClapArgs, Parser, Subcommand};
use std::ops::RangeInclusive;
use std::path::PathBuf;

/// A day-by-day checklist for recovering from a microneedling treatment.
///
/// With no command it opens the checklist in the terminal. Not medical advice: your
/// provider's instructions come first.
#[derive(Debug, Parser)]
#[command(name = "aftercare", version, after_help = TIME_HELP)]
pub struct Args {
    /// Where treatments and tick-offs are kept [default: ~/.local/share/aftercare on Linux]
    #[arg(long, value_name = "DIR", env = "AFTERCARE_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,

    /// Use this rules file instead of the built-in microneedling plan
    #[arg(long, value_name = "FILE", env = "AFTERCARE_RULES", global = true)]
    pub rules: Option<PathBuf>,

    /// Act as if it were TIME (for trying things out and for tests)
    #[arg(long, value_name = "TIME", env = "AFTERCARE_NOW", global = true)]
    pub now: Option<String>,

    /// Walk a client through the plan: a treatment "just now" (or at --now) on a simulated
    /// clock you step and play. Nothing is read from or written to the data directory.
    #[arg(long)]
    pub demo: bool,

    /// Ring the terminal bell when tasks fall due while the checklist is open (also
    /// AFTERCARE_BELL=1). The screen says so either way.
    #[arg(long, env = "AFTERCARE_BELL", value_parser = clap::builder::BoolishValueParser::new(), action = clap::ArgAction::SetTrue)]
    pub bell: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

const TIME_HELP: &str = "\
TIME is \"YYYY-MM-DD HH:MM\" in local time, or RFC 3339 (\"2026-11-20T14:00:00+01:00\").
Exit status: 0 done; 1 something failed (a file, no treatment recorded yet);
2 a bad argument, time or rules file; 3 `remind` found nothing due.";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Record a treatment (default: now)
    Start {
        /// When the treatment was
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Correct the time of the latest treatment instead of adding one (tick-offs keep
        /// their dates)
        #[arg(long, conflicts_with = "next")]
        replace: bool,
        /// Add the next session of the series beside the treatments already recorded
        #[arg(long)]
        next: bool,
        /// Record a time that looks like a mistake all the same: more than a year ago, more
        /// than 90 days ahead, or within a week of another treatment
        #[arg(long)]
        confirm: bool,
    },
    /// Take a treatment out of the series (default: the latest). Its tick-offs and
    /// check-ins are kept aside in the data file; `restore` brings it back
    Remove {
        /// The treatment's time, as `history` shows it
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Bring back a removed treatment as it was (default: the last one removed)
    Restore {
        /// The removed treatment's time
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Show today's checklist, check-in and alerts
    Today {
        /// Print JSON instead of text
        #[arg(long, conflicts_with = "short")]
        json: bool,
        /// One plain line for a shell prompt: day, tasks done, the next avoid-window to end,
        /// alerts
        #[arg(long)]
        short: bool,
    },
    /// Show every day of the plan (or the days --from/--to name)
    Plan(PlanArgs),
    /// Tick a task off
    Check(TickArgs),
    /// Undo a tick-off
    Uncheck(TickArgs),
    /// Rate today's symptoms 0–5 (a second check-in the same day updates the first)
    Checkin(CheckinArgs),
    /// Each treatment of the series: adherence and symptoms side by side
    History {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Say what is due now and what has ended since the last reminder (exit status 0 when
    /// something is due, 3 when nothing is); `remind install` has it run by itself
    Remind(RemindArgs),
    /// Keep photos of your skin, day by day, to compare before and after (`aftercare`, then
    /// b, shows them side by side)
    Photo {
        #[command(subcommand)]
        command: PhotoCommand,
    },
    /// Export the plan for use elsewhere
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// Work with rules files
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Debug, ClapArgs)]
pub struct TickArgs {
    /// The task's id, as `aftercare today` shows it (e.g. sunscreen-spf30,
    /// gentle-cleanser@evening)
    pub id: String,
    /// The plan day (1 = the treatment day; 0 and below are the days before) [default: today]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub day: Option<i64>,
}

#[derive(Debug, ClapArgs)]
pub struct PlanArgs {
    /// Print JSON instead of text: {"treatment", "recorded", "days": [...]}
    #[arg(long)]
    pub json: bool,
    /// With --json: the whole plan in one compact document, each rule once with the days
    /// its window touches ({"rules": [{"id", "first_day", "last_day", ...}], ...}) instead
    /// of every day in full
    #[arg(long, requires = "json", conflicts_with_all = ["markdown", "from", "to"])]
    pub windows: bool,
    /// Print the handout in Markdown, for printing: the plan on one or two pages, grouped
    /// by period, with the warning signs by urgency and the clinic's contact details
    #[arg(long, conflicts_with = "json")]
    pub markdown: bool,
    /// With --markdown: every day of the plan in turn, with boxes to tick, instead of the
    /// handout (--from and --to ask for it too)
    #[arg(long, requires = "markdown")]
    pub days: bool,
    /// Lay the plan out for a treatment at TIME, without reading or writing any data
    /// directory: for a clinic preparing a patient's papers before the treatment is recorded
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Start at plan day N (1 = the treatment day; 0 and below are the days before)
    /// [default: the plan's first day]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub from: Option<i64>,
    /// End at plan day N, included [default: the plan's last day]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub to: Option<i64>,
}

impl PlanArgs {
    /// The days asked for: the whole plan unless `--from`/`--to` narrow it. A day the plan
    /// does not have is an error naming the plan's days, rather than an empty listing.
    pub fn days<Tz: TimeZone>(&self, plan: &Plan<'_, Tz>) -> Result<RangeInclusive<i64>, CliError> {
        let (first, last) = (plan.first_day(), plan.last_day());
        let (from, to) = (self.from.unwrap_or(first), self.to.unwrap_or(last));
        let end = |d| format!("Day {d} ({})", short_date(plan.date_of(d)));
        let runs = format!("the plan runs from {} to {}", end(first), end(last));
        for (flag, day) in [("--from", self.from), ("--to", self.to)] {
            if let Some(day) = day.filter(|d| !(first..=last).contains(d)) {
                return Err(CliError::Usage(format!(
                    "{flag} {day} is not a day of the plan: {runs}"
                )));
            }
        }
        if from > to {
            return Err(CliError::Usage(format!(
                "--from {from} is after --to {to}: {runs}"
            )));
        }
        Ok(from..=to)
    }
}

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

#[derive(Debug, ClapArgs)]
pub struct CheckinArgs {
    /// A rating, SYMPTOM=N with N from 0 (none) to 5 (severe); repeat for each symptom
    /// (`aftercare today` lists the plan's symptoms)
    #[arg(long = "rate", value_name = "SYMPTOM=N")]
    pub rates: Vec<String>,
    /// A short note for the day (replaces the day's earlier note)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The plan day (1 = the treatment day) [default: today]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub day: Option<i64>,
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
    /// without FILE. A clinic can start its own plan from it.
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
