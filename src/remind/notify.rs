//! Showing a notification: on the desktop through notify-rust (the freedesktop.org
//! notification service over D-Bus, which GNOME, KDE, Xfce, dunst, mako and others provide),
//! or by running a program the patient names in `AFTERCARE_NOTIFY_COMMAND` with the title
//! and the text as its two arguments, as `notify-send TITLE TEXT` takes them. The test
//! suite uses the second with a script that appends to a file: nothing real is shown.

use std::ffi::OsString;
use std::process::Command;

/// The variable naming a program to run instead of the desktop notification.
pub const NOTIFY_COMMAND_VAR: &str = "AFTERCARE_NOTIFY_COMMAND";

/// One notification: a title line and a few lines of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub summary: String,
    pub body: String,
}

/// Why a notification could not be shown, in words for the patient.
#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    #[error(
        "cannot show a desktop notification ({0}). Notifications need a desktop session; \
         or set {NOTIFY_COMMAND_VAR} to a program that shows them (such as notify-send)"
    )]
    Desktop(String),
    #[error("cannot run {program:?} from {NOTIFY_COMMAND_VAR}: {reason}")]
    Command { program: OsString, reason: String },
}

/// Something that shows notifications.
pub trait Notifier {
    fn notify(&mut self, notification: &Notification) -> Result<(), NotifyError>;
}

/// The notifier the environment asks for: the program in `AFTERCARE_NOTIFY_COMMAND`, or
/// the desktop.
pub fn from_env() -> Box<dyn Notifier> {
    match std::env::var_os(NOTIFY_COMMAND_VAR).filter(|v| !v.is_empty()) {
        Some(program) => Box::new(ProgramNotifier { program }),
        None => Box::new(DesktopNotifier),
    }
}

/// The desktop's notification service.
#[derive(Debug, Default)]
pub struct DesktopNotifier;

impl Notifier for DesktopNotifier {
    fn notify(&mut self, n: &Notification) -> Result<(), NotifyError> {
        local_bus_only(std::env::var("DBUS_SESSION_BUS_ADDRESS").ok().as_deref())?;
        notify_rust::Notification::new()
            .appname("aftercare")
            .summary(&n.summary)
            // Notification services may read the text as markup: `&` and `<` must be escaped.
            .body(&escape_markup(&n.body))
            .show()
            .map(|_| ())
            .map_err(|e| NotifyError::Desktop(e.to_string()))
    }
}

/// Refuses a session bus address that is not a local socket. D-Bus can also be reached over
/// TCP (`tcp:host=…`), which the D-Bus library supports; aftercare makes no network
/// connection, so only `unix:` addresses are used. Without an address the library takes the
/// user's local socket (`$XDG_RUNTIME_DIR/bus`).
fn local_bus_only(address: Option<&str>) -> Result<(), NotifyError> {
    let Some(address) = address else {
        return Ok(());
    };
    let mut entries = address.split(';').filter(|a| !a.is_empty());
    if entries.all(|a| a.starts_with("unix:")) {
        return Ok(());
    }
    Err(NotifyError::Desktop(format!(
        "the session bus address {:?} is not a local socket, and aftercare makes no network \
         connection",
        crate::inert::inert(address)
    )))
}

/// A program run as `PROGRAM TITLE TEXT`.
#[derive(Debug)]
pub struct ProgramNotifier {
    pub program: OsString,
}

impl Notifier for ProgramNotifier {
    fn notify(&mut self, n: &Notification) -> Result<(), NotifyError> {
        let failed = |reason: String| NotifyError::Command {
            program: self.program.clone(),
            reason,
        };
        let out = Command::new(&self.program)
            .arg(&n.summary)
            .arg(&n.body)
            .output()
            .map_err(|e| failed(e.to_string()))?;
        if out.status.success() {
            Ok(())
        } else {
            let said = String::from_utf8_lossy(&out.stderr);
            Err(failed(format!(
                "{} {}",
                out.status,
                crate::inert::inert(said.trim())
            )))
        }
    }
}

/// `text` with the characters the notification markup reads escaped.
fn escape_markup(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_for_the_desktop() {
        assert_eq!(
            escape_markup("Eat <b>fats</b> & protein"),
            "Eat &lt;b&gt;fats&lt;/b&gt; &amp; protein"
        );
    }

    #[test]
    fn only_a_local_session_bus_is_used() {
        for ok in [
            None,
            Some("unix:path=/run/user/1000/bus"),
            Some("unix:abstract=/tmp/dbus-x,guid=1;unix:path=/b"),
        ] {
            assert!(local_bus_only(ok).is_ok(), "{ok:?}");
        }
        for refused in [
            "tcp:host=example.com,port=5555",
            "unix:path=/b;tcp:host=h,port=1",
            "nonce-tcp:host=h",
        ] {
            let err = local_bus_only(Some(refused)).unwrap_err().to_string();
            assert!(
                err.contains("is not a local socket, and aftercare makes no network connection"),
                "{err}"
            );
        }
    }

    #[test]
    fn a_program_that_fails_is_reported_with_what_it_said() {
        let mut n = ProgramNotifier {
            program: "false".into(),
        };
        let note = Notification {
            summary: "s".into(),
            body: "b".into(),
        };
        let err = n.notify(&note).unwrap_err().to_string();
        assert!(
            err.starts_with("cannot run \"false\" from AFTERCARE_NOTIFY_COMMAND: exit status: 1"),
            "{err}"
        );
        let mut missing = ProgramNotifier {
            program: "/nonexistent/notifier".into(),
        };
        assert!(missing.notify(&note).is_err());
    }
}
