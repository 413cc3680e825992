//! `remind install` and `remind uninstall`: which scheduler (a systemd user timer, else
//! cron), and the command line it is given to run `remind --notify` by itself.

use super::{CliError, Out, RemindCommand, SetupArgs};
use crate::remind::install::{self, Invocation, Scheduler, SystemSystemctl};
use crate::remind::notify::NOTIFY_COMMAND_VAR;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// `remind install` / `remind uninstall`. `data_dir` and `rules` are what this run was
/// given (by option or variable): the timer is given them too. The command line passes no
/// `rules`: each treatment remembers the plan it follows (`cli::followed`).
pub fn setup(
    command: &RemindCommand,
    data_dir: Option<&Path>,
    rules: Option<&Path>,
    out: Out,
) -> Result<(), CliError> {
    let (RemindCommand::Install(args) | RemindCommand::Uninstall(args)) = command;
    let scheduler = scheduler(args)?;
    let program = std::env::var_os("AFTERCARE_SYSTEMCTL").unwrap_or_else(|| "systemctl".into());
    let mut systemctl = SystemSystemctl { program };
    match command {
        RemindCommand::Install(_) => {
            let run = invocation(data_dir, rules)?;
            install::install(&scheduler, &run, &mut systemctl, args.print, out)?;
        }
        RemindCommand::Uninstall(_) => {
            install::uninstall(&scheduler, &mut systemctl, args.print, out)?
        }
    }
    Ok(())
}

/// systemd where it runs (or where `--unit-dir` says), else cron.
fn scheduler(args: &SetupArgs) -> Result<Scheduler, CliError> {
    let systemd_runs = Path::new("/run/systemd/system").is_dir();
    let unit_dir = match (&args.unit_dir, args.cron) {
        (_, true) => None,
        (Some(dir), false) => Some(dir.clone()),
        (None, false) if systemd_runs => {
            let config = dirs::config_dir().ok_or_else(|| {
                CliError::Usage("cannot find your configuration folder (~/.config)".into())
            })?;
            Some(config.join("systemd").join("user"))
        }
        (None, false) => None,
    };
    Ok(match unit_dir {
        Some(unit_dir) => Scheduler::Systemd { unit_dir },
        None => Scheduler::Cron { env: cron_env() },
    })
}

/// What cron lacks to reach the desktop's notification service: the session bus.
fn cron_env() -> Vec<(String, String)> {
    let runtime_dir = || match std::env::var("XDG_RUNTIME_DIR") {
        Ok(dir) => Some(dir),
        // The user's runtime directory is named by their user id: this process's.
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                let uid = std::fs::metadata("/proc/self").ok()?.uid();
                Some(format!("/run/user/{uid}"))
            }
            #[cfg(not(unix))]
            None
        }
    };
    let bus = std::env::var("DBUS_SESSION_BUS_ADDRESS")
        .ok()
        .or_else(|| Some(format!("unix:path={}/bus", runtime_dir()?)));
    bus.map(|bus| ("DBUS_SESSION_BUS_ADDRESS".to_string(), bus))
        .into_iter()
        .collect()
}

/// This program, with the data directory and rules of this run, as `remind --notify`.
fn invocation(data_dir: Option<&Path>, rules: Option<&Path>) -> Result<Invocation, CliError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| CliError::Write { path, source }
    };
    let program = std::env::current_exe().map_err(io(Path::new("aftercare")))?;
    let mut args: Vec<OsString> = Vec::new();
    for (flag, path) in [("--data-dir", data_dir), ("--rules", rules)] {
        if let Some(path) = path {
            let absolute: PathBuf = std::path::absolute(path).map_err(io(path))?;
            args.extend([flag.into(), absolute.into_os_string()]);
        }
    }
    args.extend(["remind", "--notify", "--quiet"].map(OsString::from));
    let env = ["TZ", NOTIFY_COMMAND_VAR]
        .iter()
        .filter_map(|name| Some((name.to_string(), std::env::var(name).ok()?)))
        .collect();
    Ok(Invocation { program, args, env })
}
