//! The command line as clap reads it, and the days `plan --from/--to` ask for. The wording
//! here is the `--help` text people see.

mod plan_args;
mod subcommands;

pub use plan_args::PlanArgs;
pub use subcommands::{
    ExportCommand, PhotoAddArgs, PhotoCommand, RemindArgs, RemindCommand, RulesCommand, SetupArgs,
};

use clap::{Args as ClapArgs, Parser, Subcommand};
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
pub struct CheckinArgs {
    /// A rating, SYMPTOM=N with N from 0 (none) to 5 (severe), or SYMPTOM=- to take a rating
    /// back; repeat for each symptom (`aftercare today` lists the plan's symptoms; a word of
    /// the symptom's name will do, e.g. tenderness)
    #[arg(long = "rate", value_name = "SYMPTOM=N")]
    pub rates: Vec<String>,
    /// A short note for the day (replaces the day's earlier note)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The plan day (1 = the treatment day) [default: today]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub day: Option<i64>,
}
