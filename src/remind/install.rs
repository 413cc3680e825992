//! `remind install` and `remind uninstall`: run `aftercare remind --notify` by itself, every
//! `EVERY_MINUTES` minutes, with a systemd user timer where systemd runs, or a crontab line
//! the patient adds where it does not (aftercare never edits a crontab).
//!
//! Both say what they wrote, removed and ran, and where; running either twice is harmless
//! (a unit already as it would be written is left alone, a unit already gone is not missed).
//! `systemctl` is a seam (`Systemctl`), so tests see what would run without running it.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The units' file names.
pub const SERVICE: &str = "aftercare-remind.service";
pub const TIMER: &str = "aftercare-remind.timer";
/// How often the timer runs: a task is notified at most this many minutes late.
pub const EVERY_MINUTES: u32 = 5;

mod units;

pub use units::{crontab_line, service_unit, timer_unit};

/// Why installing or removing failed.
#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    #[error("cannot {action} {}: {source}", crate::inert::inert_path(.path))]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{what} is not UTF-8 text ({0:?}), which a timer cannot name", what = .1)]
    NotText(OsString, &'static str),
    #[error(
        "`systemctl --user {command}` failed: {reason}. {advice}",
        advice = "Run it yourself in your desktop session (systemd's user manager must be running)"
    )]
    Systemctl { command: String, reason: String },
    #[error(transparent)]
    Output(#[from] io::Error),
}

/// How the timer starts aftercare: the program, its options, and variables to set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    pub program: PathBuf,
    /// Everything after the program: `--data-dir DIR`, then `remind --notify --quiet`.
    pub args: Vec<OsString>,
    /// Variables the run needs from the installing shell (`TZ`, the notify command).
    pub env: Vec<(String, String)>,
}

/// Where `remind --notify` is set up to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scheduler {
    /// A systemd user timer, with its units in this directory.
    Systemd { unit_dir: PathBuf },
    /// A line for the patient's crontab, with the variables cron lacks for notifications.
    Cron { env: Vec<(String, String)> },
}

/// Runs `systemctl --user ARGS`.
pub trait Systemctl {
    fn run(&mut self, args: &[&str]) -> Result<(), String>;
}

/// The real `systemctl` (or the program `AFTERCARE_SYSTEMCTL` names, for tests).
pub struct SystemSystemctl {
    pub program: OsString,
}

impl Systemctl for SystemSystemctl {
    fn run(&mut self, args: &[&str]) -> Result<(), String> {
        let out = std::process::Command::new(&self.program)
            .arg("--user")
            .args(args)
            .output()
            .map_err(|e| format!("{e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            let said = String::from_utf8_lossy(&out.stderr);
            Err(crate::inert::inert(said.trim()).into_owned())
        }
    }
}

/// Sets up `run` with `scheduler`; with `print`, only says what it would write and run.
pub fn install(
    scheduler: &Scheduler,
    run: &Invocation,
    systemctl: &mut dyn Systemctl,
    print: bool,
    out: &mut dyn Write,
) -> Result<(), InstallError> {
    let unit_dir = match scheduler {
        Scheduler::Cron { env } => {
            let line = crontab_line(run, env)?;
            writeln!(
                out,
                "systemd is not running here, so aftercare cannot start the reminders by \
                 itself.\nTo have cron run them every {EVERY_MINUTES} minutes, run \
                 `crontab -e` and add this line:\n\n{line}\n\nNothing was written."
            )?;
            return Ok(());
        }
        Scheduler::Systemd { unit_dir } => unit_dir,
    };
    let files = [
        (unit_dir.join(SERVICE), service_unit(run)?),
        (unit_dir.join(TIMER), timer_unit()),
    ];
    let commands = [vec!["daemon-reload"], vec!["enable", "--now", TIMER]];
    if print {
        for (path, content) in &files {
            writeln!(out, "# {}\n{content}", path.display())?;
        }
        for command in &commands {
            writeln!(out, "Would run: systemctl --user {}", command.join(" "))?;
        }
        writeln!(out, "Nothing was written.")?;
        return Ok(());
    }
    let io = |action, path: &Path| {
        let path = path.to_path_buf();
        move |source| InstallError::Io {
            action,
            path,
            source,
        }
    };
    fs::create_dir_all(unit_dir).map_err(io("create", unit_dir))?;
    for (path, content) in &files {
        if fs::read_to_string(path).is_ok_and(|old| old == *content) {
            writeln!(out, "Unchanged: {}", path.display())?;
            continue;
        }
        let mut temp = tempfile::NamedTempFile::new_in(unit_dir).map_err(io("write", path))?;
        temp.write_all(content.as_bytes())
            .map_err(io("write", path))?;
        temp.persist(path).map_err(|e| io("write", path)(e.error))?;
        writeln!(out, "Wrote {}", path.display())?;
    }
    for command in &commands {
        systemctl
            .run(command)
            .map_err(|reason| InstallError::Systemctl {
                command: command.join(" "),
                reason,
            })?;
        writeln!(out, "Ran: systemctl --user {}", command.join(" "))?;
    }
    writeln!(
        out,
        "Reminders are on: every {EVERY_MINUTES} minutes the timer runs `aftercare remind \
         --notify`, which shows a desktop notification when a task is due (once per task). \
         `aftercare remind uninstall` turns them off."
    )?;
    Ok(())
}

/// Stops and removes what `install` set up; with `print`, only says what it would do.
pub fn uninstall(
    scheduler: &Scheduler,
    systemctl: &mut dyn Systemctl,
    print: bool,
    out: &mut dyn Write,
) -> Result<(), InstallError> {
    let unit_dir = match scheduler {
        Scheduler::Cron { .. } => {
            writeln!(
                out,
                "aftercare never writes your crontab. If you added its line, run `crontab -e` \
                 and delete the line that ends in `remind --notify --quiet`.\nNothing was \
                 changed."
            )?;
            return Ok(());
        }
        Scheduler::Systemd { unit_dir } => unit_dir,
    };
    let files: Vec<PathBuf> = [SERVICE, TIMER]
        .iter()
        .map(|name| unit_dir.join(name))
        .filter(|path| path.exists())
        .collect();
    if files.is_empty() {
        writeln!(
            out,
            "Nothing to remove: there is no {SERVICE} or {TIMER} in {}.",
            unit_dir.display()
        )?;
        return Ok(());
    }
    let stop = ["disable", "--now", TIMER];
    if print {
        writeln!(out, "Would run: systemctl --user {}", stop.join(" "))?;
    } else if let Err(reason) = systemctl.run(&stop) {
        // A timer that is not loaded (no user manager now) does not run either: go on and
        // remove the files, which keeps it from ever starting again.
        writeln!(
            out,
            "Could not stop the timer ({reason}); removing its files anyway."
        )?;
    } else {
        writeln!(out, "Ran: systemctl --user {}", stop.join(" "))?;
    }
    for path in &files {
        if print {
            writeln!(out, "Would remove {}", path.display())?;
            continue;
        }
        fs::remove_file(path).map_err(|source| InstallError::Io {
            action: "remove",
            path: path.clone(),
            source,
        })?;
        writeln!(out, "Removed {}", path.display())?;
    }
    if print {
        writeln!(
            out,
            "Would run: systemctl --user daemon-reload\nNothing was changed."
        )?;
        return Ok(());
    }
    // Only tidies systemd's view: the files are gone, so nothing starts again either way.
    match systemctl.run(&["daemon-reload"]) {
        Ok(()) => writeln!(out, "Ran: systemctl --user daemon-reload")?,
        Err(reason) => writeln!(
            out,
            "Could not reload systemd ({reason}); the files are gone."
        )?,
    }
    writeln!(out, "Reminders are off.")?;
    Ok(())
}

#[cfg(test)]
mod tests;
