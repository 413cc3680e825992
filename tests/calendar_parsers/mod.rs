//! Two independent iCalendar parsers from PyPI, icalendar and vobject, run by
//! tests/ics_alarms.py: they read a calendar file and list every alarm it has.
//!
//! They are installed into a virtual environment under target/ (once; later runs reuse it).
//! Without Python 3 with venv and pip, or without PyPI, the tests print why and pass.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const PARSERS: [&str; 2] = ["icalendar==7.3.0", "vobject==0.9.9"];

/// The venv's python, or why there is none.
fn python() -> Result<PathBuf, String> {
    static PYTHON: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    PYTHON.get_or_init(install).clone()
}

fn install() -> Result<PathBuf, String> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ics-parsers-venv");
    let python = dir.join("bin").join("python");
    let ready = dir.join("installed");
    std::fs::create_dir_all(env!("CARGO_TARGET_TMPDIR")).map_err(|e| e.to_string())?;
    // Other test binaries may be installing at the same moment.
    let lock = std::fs::File::create(dir.with_extension("lock")).map_err(|e| e.to_string())?;
    lock.lock().map_err(|e| e.to_string())?;
    if std::fs::read_to_string(&ready).is_ok_and(|s| s == PARSERS.join(" ")) {
        return Ok(python);
    }
    let run = |cmd: &mut Command, what: &str| -> Result<(), String> {
        match cmd.output() {
            Ok(out) if out.status.success() => Ok(()),
            Ok(out) => Err(format!(
                "{what} failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            )),
            Err(e) => Err(format!("{what}: {e}")),
        }
    };
    run(
        Command::new("python3")
            .args(["-m", "venv", "--clear"])
            .arg(&dir),
        "python3 -m venv",
    )?;
    let install = run(
        Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args(PARSERS),
        "pip install",
    );
    // A registry that cannot be reached skips the check with its reason printed, on CI
    // too: a network fault must not stop everything else from landing.
    install?;
    std::fs::write(&ready, PARSERS.join(" ")).map_err(|e| e.to_string())?;
    Ok(python)
}

/// One alarm: (description, local time in Berlin "YYYY-MM-DD HH:MM").
pub type Alarm = (String, String);

/// The alarms of `file` as each parser reads them, or `None` (with the reason printed)
/// when the parsers cannot be had.
pub fn parsed(file: &Path) -> Option<[Vec<Alarm>; 2]> {
    let python = match python() {
        Ok(p) => p,
        Err(why) => {
            println!("skipped: the calendar parsers are not available ({why})");
            return None;
        }
    };
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/ics_alarms.py");
    let out = Command::new(python)
        .arg(script)
        .arg(file)
        .arg("Europe/Berlin")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let read = |parser: &str| -> Vec<Alarm> {
        let mut alarms: Vec<Alarm> = json[parser]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r[1].as_str().unwrap().into(), r[2].as_str().unwrap().into()))
            .collect();
        alarms.sort();
        alarms
    };
    println!("parsers: {}", json["versions"]);
    Some([read("icalendar"), read("vobject")])
}
