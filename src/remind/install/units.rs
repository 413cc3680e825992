//! The text `install` writes: the systemd service and timer units, and the crontab line,
//! with every word quoted for the program that reads it.

use super::{EVERY_MINUTES, InstallError, Invocation};

fn text<'a>(s: &'a std::ffi::OsStr, what: &'static str) -> Result<&'a str, InstallError> {
    s.to_str()
        .ok_or_else(|| InstallError::NotText(s.to_os_string(), what))
}

/// The service unit: one run of `remind --notify --quiet`.
pub fn service_unit(run: &Invocation) -> Result<String, InstallError> {
    let mut exec = vec![systemd_quote(text(
        run.program.as_os_str(),
        "the program's path",
    )?)];
    for arg in &run.args {
        exec.push(systemd_quote(text(arg, "an option")?));
    }
    let mut unit = format!(
        "# Written by `aftercare remind install`; `aftercare remind uninstall` removes it.\n\
         [Unit]\n\
         Description=aftercare: notify when an aftercare task is due\n\
         \n\
         [Service]\n\
         Type=oneshot\n\
         ExecStart={}\n",
        exec.join(" ")
    );
    for (name, value) in &run.env {
        unit.push_str(&format!(
            "Environment={}\n",
            systemd_quote(&format!("{name}={value}"))
        ));
    }
    // `remind` exits with 3 when nothing is due: not a failure.
    unit.push_str("SuccessExitStatus=3\n");
    Ok(unit)
}

/// The timer unit: every `EVERY_MINUTES` minutes, and once at start-up for a run missed
/// while the computer was off or asleep.
pub fn timer_unit() -> String {
    format!(
        "# Written by `aftercare remind install`; `aftercare remind uninstall` removes it.\n\
         [Unit]\n\
         Description=aftercare: check every {EVERY_MINUTES} minutes for aftercare tasks due\n\
         \n\
         [Timer]\n\
         OnCalendar=*:0/{EVERY_MINUTES}\n\
         AccuracySec=30s\n\
         Persistent=true\n\
         \n\
         [Install]\n\
         WantedBy=timers.target\n"
    )
}

/// The crontab line: every `EVERY_MINUTES` minutes, with `env` and the run's variables set.
pub fn crontab_line(run: &Invocation, env: &[(String, String)]) -> Result<String, InstallError> {
    let mut words = Vec::new();
    for (name, value) in env.iter().chain(&run.env) {
        words.push(format!("{name}={}", shell_quote(value)));
    }
    words.push(shell_quote(text(
        run.program.as_os_str(),
        "the program's path",
    )?));
    for arg in &run.args {
        words.push(shell_quote(text(arg, "an option")?));
    }
    Ok(format!("*/{EVERY_MINUTES} * * * * {}", words.join(" ")))
}

/// A word for systemd's command lines and assignments: double quotes, with `\`, `"`, `%`
/// (specifiers) and `$` (variables) escaped.
fn systemd_quote(word: &str) -> String {
    let mut out = String::from("\"");
    for c in word.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '%' => out.push_str("%%"),
            '$' => out.push_str("$$"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A word for the shell cron runs: single quotes, and `%` escaped (cron reads a bare `%`
/// as a line break).
fn shell_quote(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "/._-=:+,@".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        return word.to_string();
    }
    format!("'{}'", word.replace('\'', "'\\''").replace('%', "\\%"))
}
