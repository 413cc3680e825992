//! What the command-line tests share: a patient with their own data directory, running
//! `aftercare` in Europe/Berlin (TZ on the subprocess), and ways to read its JSON.

#![allow(dead_code)] // each test binary uses a different part of this

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub const BUILTIN: &str = "assets/rules/microneedling.json";
pub const TREATED: &str = "2026-11-20 14:00";
/// Day 3 of a treatment at TREATED.
pub const DAY3: &str = "2026-11-22 09:00";

/// A fresh data directory and the commands that use it.
pub struct Patient {
    pub dir: TempDir,
}

impl Patient {
    pub fn new() -> Self {
        Patient {
            dir: private_tempdir(),
        }
    }

    /// A patient treated at TREATED.
    pub fn treated() -> Self {
        let p = Patient::new();
        p.at(TREATED).args(["start"]).assert().success();
        p
    }

    pub fn data(&self) -> &Path {
        self.dir.path()
    }

    pub fn state_file(&self) -> PathBuf {
        self.data().join("state.json")
    }

    /// `aftercare` with no settings from the environment except ours. Nothing it runs can
    /// reach the machine's desktop or systemd: no session bus, no `systemctl`, and a
    /// configuration folder of its own.
    pub fn bare(&self) -> Command {
        let mut cmd = aftercare();
        cmd.env("TZ", "Europe/Berlin")
            .env_remove("AFTERCARE_NOW")
            .env_remove("AFTERCARE_RULES")
            .env_remove("AFTERCARE_DATA_DIR")
            .env_remove("AFTERCARE_NOTIFY_COMMAND")
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                "unix:path=/nonexistent/aftercare-test-bus",
            )
            .env("AFTERCARE_SYSTEMCTL", "/nonexistent/systemctl")
            .env("XDG_CONFIG_HOME", self.data().join("config"))
            .arg("--data-dir")
            .arg(self.data());
        cmd
    }

    /// `aftercare --now NOW ...`
    pub fn at(&self, now: &str) -> Command {
        let mut cmd = self.bare();
        cmd.args(["--now", now]);
        cmd
    }

    pub fn json(&self, now: &str, args: &[&str]) -> Value {
        let out = self.at(now).args(args).assert().success();
        serde_json::from_slice(&out.get_output().stdout).unwrap()
    }

    pub fn today(&self, now: &str) -> Value {
        self.json(now, &["today", "--json"])
    }
}

pub fn task<'a>(day: &'a Value, id: &str) -> &'a Value {
    day["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("no task {id} in {day}"))
}

pub fn done(day: &Value, id: &str) -> bool {
    task(day, id)["done"].as_bool().unwrap()
}

/// The state file parsed.
pub fn state(p: &Patient) -> Value {
    serde_json::from_str(&fs::read_to_string(p.state_file()).unwrap()).unwrap()
}

/// A temporary directory only its owner can use, whatever the umask: aftercare refuses a data
/// directory its group can write to (0775, as umask 002 makes them).
pub fn private_tempdir() -> TempDir {
    use std::os::unix::fs::PermissionsExt;
    tempfile::Builder::new()
        .permissions(fs::Permissions::from_mode(0o700))
        .tempdir()
        .unwrap()
}

/// Writes `text` to `dir/name`.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

/// `aftercare` with no data directory given: for tests of the environment variables.
/// The binary, in a UTF-8 locale whatever the machine's (tests of other locales set theirs).
pub fn aftercare() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aftercare"));
    cmd.env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE");
    cmd
}

/// The standard output of `cmd`, which must succeed.
pub fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// `export ics` at `now` into the patient's data directory, read back with its folded lines
/// joined again (RFC 5545 folds at 75 octets).
pub fn exported_calendar(p: &Patient, now: &str) -> String {
    let file = p.data().join("exported.ics");
    p.at(now)
        .args(["export", "ics"])
        .arg(&file)
        .assert()
        .success();
    fs::read_to_string(&file).unwrap().replace("\r\n ", "")
}

/// A patient treated at TREATED on the plan `rules` (the text of a rules file), which is
/// written to `name` in their data directory; with the path of that file.
pub fn treated_with(rules: &str, name: &str) -> (Patient, PathBuf) {
    let p = Patient::new();
    let file = write(p.data(), name, rules);
    p.at(TREATED)
        .arg("--rules")
        .arg(&file)
        .arg("start")
        .assert()
        .success();
    (p, file)
}
